-- sqljson_returning: JSON_VALUE / JSON_QUERY returning domains, arrays and row types, the
-- DEFAULT behaviour rules, and how these expressions print back in constraints and views.

CREATE DOMAIN sqlj_int_nn AS int NOT NULL;
CREATE DOMAIN sqlj_pos AS int CHECK (VALUE > 0);
CREATE DOMAIN sqlj_code AS text CHECK (VALUE <> 'foo');
CREATE DOMAIN sqlj_char2 AS char(2);
CREATE DOMAIN sqlj_varbit3 AS varbit(3) CHECK (VALUE <> '01');
CREATE TYPE sqlj_status AS ENUM ('new', 'paid', 'shipped', 'lost');
CREATE DOMAIN sqlj_ok_status AS sqlj_status CHECK (VALUE <> 'lost');
CREATE TYPE sqlj_item AS (sku text, qty int);

-- Domains: the value is checked; a failed check is an error (ON ERROR) like any other.
SELECT JSON_VALUE(jsonb '{"qty": 3}', '$.qty' RETURNING sqlj_pos);
SELECT JSON_VALUE(jsonb '{"qty": -3}', '$.qty' RETURNING sqlj_pos);
SELECT JSON_VALUE(jsonb '{"qty": -3}', '$.qty' RETURNING sqlj_pos ERROR ON ERROR);
SELECT JSON_VALUE(jsonb '{"qty": -3}', '$.qty' RETURNING sqlj_pos DEFAULT 1 ON ERROR);
SELECT JSON_VALUE(jsonb '{"qty": -3}', '$.qty' RETURNING sqlj_pos DEFAULT -1 ON ERROR);
SELECT JSON_VALUE(jsonb 'null', '$' RETURNING sqlj_int_nn);
SELECT JSON_VALUE(jsonb 'null', '$' RETURNING sqlj_int_nn ERROR ON ERROR);
SELECT JSON_VALUE(jsonb '1', '$.a' RETURNING sqlj_int_nn DEFAULT 2 ON EMPTY ERROR ON ERROR);
SELECT JSON_VALUE(jsonb '1', '$.a' RETURNING sqlj_int_nn DEFAULT NULL ON EMPTY ERROR ON ERROR);
SELECT JSON_VALUE(jsonb '"paid"', '$' RETURNING sqlj_ok_status), JSON_VALUE(jsonb '"lost"', '$' RETURNING sqlj_ok_status);
SELECT JSON_VALUE(jsonb '"lost"', '$' RETURNING sqlj_ok_status ERROR ON ERROR);
SELECT JSON_VALUE(jsonb '{"d1": "H"}', '$.a2' RETURNING sqlj_code DEFAULT 'foo1'::sqlj_code ON EMPTY);
SELECT JSON_VALUE(jsonb '{"d1": "H"}', '$.a2' RETURNING sqlj_code DEFAULT '"foo1"'::jsonb::text ON EMPTY);
SELECT JSON_VALUE(jsonb '123', '$' RETURNING sqlj_char2 ERROR ON ERROR);
SELECT JSON_VALUE(jsonb '123', '$' RETURNING sqlj_char2 DEFAULT 1 ON ERROR);
SELECT JSON_VALUE(jsonb '1234', '$' RETURNING sqlj_varbit3 DEFAULT '111111' ON ERROR);
SELECT JSON_VALUE(jsonb '1234', '$' RETURNING sqlj_varbit3 DEFAULT '010' ON ERROR);
SELECT JSON_VALUE(jsonb '1234', '$' RETURNING sqlj_varbit3 DEFAULT '01' ON ERROR);
SELECT JSON_VALUE(jsonb '1234', '$' RETURNING bit(3) DEFAULT 1 ON ERROR);
SELECT JSON_VALUE(jsonb '1234', '$' RETURNING bit(3) DEFAULT 1::bit(3) ON ERROR);
SELECT JSON_VALUE(jsonb '"111"', '$.a' RETURNING bit(3) DEFAULT '1111' ON EMPTY);
SELECT JSON_VALUE(jsonb '[1]', '$' RETURNING int DEFAULT '"2"'::jsonb ON ERROR);
SELECT JSON_VALUE(jsonb '[1]', '$' RETURNING int DEFAULT '{}'::jsonb ON ERROR);
SELECT JSON_QUERY(jsonb '{"a": 1}', '$.a' RETURNING sqlj_int_nn);
SELECT JSON_QUERY(jsonb '{"a": 1}', '$.b' RETURNING sqlj_int_nn);
SELECT JSON_QUERY(jsonb '{"a": 1}', '$.b' RETURNING sqlj_int_nn ERROR ON EMPTY ERROR ON ERROR);
SELECT JSON_QUERY(jsonb '123', '$' RETURNING sqlj_char2 DEFAULT '1' ON ERROR);
SELECT JSON_QUERY(jsonb '"aaa"', '$.a' RETURNING char(2) OMIT QUOTES DEFAULT '"bb"'::jsonb ON EMPTY);

-- Arrays and rows: populated from the JSON value; OMIT QUOTES reads a string as the type's text.
SELECT JSON_QUERY(jsonb '{"rec": "{1,2,3}"}', '$.rec' RETURNING int[] OMIT QUOTES);
SELECT JSON_QUERY(jsonb '{"rec": "{1,2,3}"}', '$.rec' RETURNING int[] KEEP QUOTES);
SELECT JSON_QUERY(jsonb '{"rec": "{1,2,3}"}', '$.rec' RETURNING int[] KEEP QUOTES ERROR ON ERROR);
SELECT JSON_QUERY(jsonb '[1, 2, null, "3"]', '$[*]' RETURNING int[] WITH WRAPPER);
SELECT JSON_QUERY(jsonb '[1, 2, null, "a"]', '$[*]' RETURNING int[] WITH WRAPPER);
SELECT JSON_QUERY(jsonb '[1, 2, null, "a"]', '$[*]' RETURNING int[] WITH WRAPPER ERROR ON ERROR);
SELECT JSON_QUERY(jsonb '[[1, 2], [3, 4]]', '$' RETURNING int[]), JSON_QUERY(jsonb '[]', '$' RETURNING text[]);
SELECT JSON_QUERY(jsonb '[[1, 2], [3]]', '$' RETURNING int[] ERROR ON ERROR);
SELECT JSON_QUERY(jsonb '[3, 4]', '$[*]' RETURNING bigint[] EMPTY OBJECT ON ERROR);
SELECT JSON_QUERY(jsonb '[3, 4]', '$[*]' RETURNING bigint[] EMPTY ARRAY ON ERROR);
SELECT JSON_QUERY(jsonb '{"sku": "A1", "qty": 2, "extra": true}', '$' RETURNING sqlj_item);
SELECT (JSON_QUERY(jsonb '{"sku": "A1", "qty": 2}', '$' RETURNING sqlj_item)).qty;
SELECT JSON_QUERY(jsonb '{"sku": "A1", "qty": "x"}', '$' RETURNING sqlj_item);
SELECT JSON_QUERY(jsonb '{"sku": "A1", "qty": "x"}', '$' RETURNING sqlj_item ERROR ON ERROR);
SELECT JSON_QUERY(jsonb '{"rec": "(A2,5)"}', '$.rec' RETURNING sqlj_item OMIT QUOTES);
SELECT JSON_QUERY(jsonb '{"rec": "(A2,5)"}', '$.rec' RETURNING sqlj_item KEEP QUOTES ERROR ON ERROR);
SELECT JSON_QUERY(jsonb '[1, 2]', '$' RETURNING sqlj_item ERROR ON ERROR);
SELECT * FROM unnest(JSON_QUERY(jsonb '[{"sku": "A", "qty": 1}, {"sku": "B"}]', '$' RETURNING sqlj_item[]));
SELECT JSON_QUERY(jsonb '[3, 4]', '$[*]' RETURNING anyarray EMPTY OBJECT ON ERROR);
SELECT JSON_VALUE(jsonb '["1"]', '$[*]' RETURNING record);

-- PASSING values of other types become their JSON value.
SELECT JSON_QUERY(jsonb '{}', '$x' PASSING ARRAY[1, 2] AS x), JSON_VALUE(jsonb '{}', '$x.qty' PASSING ROW('A', 3)::sqlj_item AS x);
SELECT JSON_EXISTS(jsonb '{"a": [1, 2]}', '$.a ? (@ == $x[1])' PASSING ARRAY[5, 2] AS x);
SELECT JSON_QUERY(jsonb 'null', '$xyz' PASSING 1 AS xy);
SELECT JSON_QUERY(jsonb '[1]', '$xyz' PASSING 1 AS xy DEFAULT '[0]' ON ERROR);

-- Clause and argument checks.
SELECT JSON_QUERY(jsonb '[1]', '$' WITH WRAPPER OMIT QUOTES);
SELECT JSON_QUERY(jsonb '[1]', '$' WITH CONDITIONAL WRAPPER OMIT QUOTES);
SELECT JSON_QUERY(jsonb '["1"]', '$[*]' WITH WRAPPER KEEP QUOTES);
SELECT JSON_QUERY(jsonb '{"a": 123}', ('$' || '.' || 'a' || NULL)::date WITH WRAPPER);
SELECT JSON_QUERY(NULL FORMAT JSON, '$'), JSON_QUERY('[1, 2]' FORMAT JSON, '$[1]'), JSON_QUERY('[1, 2]'::bytea FORMAT JSON, '$[0]');
SELECT JSON_QUERY('[1]'::bytea, '$');
SELECT JSON_QUERY('[1]' FORMAT JSON ENCODING UTF8, '$');
CREATE TABLE sqlj_docs (js jsonb, b int);
INSERT INTO sqlj_docs VALUES ('"a"', 1);
CREATE FUNCTION sqlj_setint() RETURNS SETOF int LANGUAGE sql AS 'SELECT 1';
SELECT JSON_QUERY(js, '$' RETURNING int DEFAULT sqlj_setint() ON ERROR) FROM sqlj_docs;
SELECT JSON_QUERY(js, '$' RETURNING int DEFAULT b + 1 ON ERROR) FROM sqlj_docs;
SELECT JSON_QUERY(js, '$' RETURNING int DEFAULT sum(1) over() ON ERROR) FROM sqlj_docs;
SELECT JSON_QUERY(js, '$' RETURNING int DEFAULT (SELECT 1) ON ERROR) FROM sqlj_docs;
SELECT JSON_QUERY('"a"', '$.a' RETURNING int DEFAULT (SELECT '"1"')::jsonb ON ERROR);
SELECT JSON_QUERY(js, '$' RETURNING int DEFAULT 7 ON ERROR), JSON_QUERY(js, '$' RETURNING int DEFAULT abs(-8) ON ERROR) FROM sqlj_docs;

-- Printed back in constraints, defaults and views.
CREATE TABLE sqlj_constrained (
  js text,
  i int,
  x jsonb DEFAULT JSON_QUERY(jsonb '[1, 2]', '$[*]' WITH WRAPPER),
  CONSTRAINT sqlj_c1 CHECK (JSON_EXISTS(js::jsonb, '$.a' PASSING i + 5 AS int, i::text AS "TXT", ARRAY[1, 2, 3] AS arr)),
  CONSTRAINT sqlj_c2 CHECK (JSON_VALUE(js::jsonb, '$.a' RETURNING int DEFAULT 12 ON EMPTY ERROR ON ERROR) > i),
  CONSTRAINT sqlj_c3 CHECK (JSON_QUERY(js::jsonb, '$.a' WITH CONDITIONAL WRAPPER EMPTY OBJECT ON ERROR) < jsonb '[10]')
);
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname LIKE 'sqlj_c%' ORDER BY conname;
SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'sqlj_constrained'::regclass;
INSERT INTO sqlj_constrained VALUES ('{"a": 1}', 1);
INSERT INTO sqlj_constrained VALUES ('{"b": 1}', 1);
INSERT INTO sqlj_constrained VALUES ('{"a": 10}', 1);
SELECT js, i, x FROM sqlj_constrained;
CREATE VIEW sqlj_view AS SELECT JSON_VALUE(js, '$.sku' RETURNING varchar(10) NULL ON EMPTY) AS sku,
  JSON_QUERY(js, '$.tags' RETURNING text[] OMIT QUOTES DEFAULT '{}' ON ERROR) AS tags,
  JSON_EXISTS(js, 'strict $.a' TRUE ON ERROR) AS has_a FROM sqlj_docs;
SELECT pg_get_viewdef('sqlj_view'::regclass, true);
SELECT * FROM sqlj_view;
DROP VIEW sqlj_view;
DROP TABLE sqlj_constrained, sqlj_docs;
DROP FUNCTION sqlj_setint();
DROP TYPE sqlj_item;
DROP DOMAIN sqlj_ok_status;
DROP TYPE sqlj_status;
DROP DOMAIN sqlj_int_nn, sqlj_pos, sqlj_code, sqlj_char2, sqlj_varbit3;
