-- sqljson_parse: JSON(), JSON_SCALAR() and JSON_SERIALIZE() as an application uses them:
-- validating text from a staging table into json, turning SQL scalars into json values and
-- serializing documents back to text or bytea.

CREATE TABLE sqljson_staging (id int PRIMARY KEY, raw text, raw_bytes bytea);
INSERT INTO sqljson_staging VALUES
  (1, '{ "name" : "widget", "tags" : ["a", "b"] }', convert_to('{"x": 1}', 'UTF8')),
  (2, '[1, 2, 3]', convert_to('[true]', 'UTF8')),
  (3, NULL, NULL),
  (4, '{"a": 1, "a": 2}', convert_to('{"k": 1, "k": 2}', 'UTF8'));

-- JSON(): text is validated and kept as written; bytea is read as UTF-8.
SELECT id, JSON(raw), JSON(raw_bytes FORMAT JSON), JSON(raw_bytes FORMAT JSON ENCODING UTF8) FROM sqljson_staging ORDER BY id;
SELECT pg_typeof(JSON(raw)) FROM sqljson_staging WHERE id = 1;
SELECT JSON(NULL), JSON('   1   '::json), JSON('   1   '::jsonb), JSON('{"a": 1, "a": 2}' WITHOUT UNIQUE KEYS);
SELECT id, JSON(raw WITH UNIQUE KEYS) FROM sqljson_staging WHERE id < 4 ORDER BY id;
SELECT JSON(raw WITH UNIQUE KEYS) FROM sqljson_staging WHERE id = 4;
SELECT JSON(raw_bytes WITH UNIQUE KEYS) FROM sqljson_staging WHERE id = 4;
SELECT JSON('{"a": {"b": 1, "b": 2}}' WITH UNIQUE KEYS);
SELECT JSON('[1,');
SELECT JSON('{"a": 1} x');
SELECT JSON(123);
SELECT JSON(now());
SELECT JSON('{}' FORMAT JSON ENCODING UTF8);
SELECT JSON('   1   '::json WITH UNIQUE KEYS);
SELECT JSON('[1]'::text FORMAT JSON ENCODING UTF8 WITH UNIQUE KEYS);
SELECT JSON('\x00'::bytea FORMAT JSON);
SELECT '\x00'::bytea IS JSON;
SELECT '\xc328'::bytea IS JSON;
SELECT '[1]'::bytea IS JSON, '[1'::bytea IS JSON;
SELECT JSON('{"a": 1}'::varchar(3));
SELECT JSON('{"a": 1}'::name WITH UNIQUE KEYS);

-- JSON_SCALAR(): an SQL value as a json scalar.
SELECT JSON_SCALAR(NULL), JSON_SCALAR(NULL::int), JSON_SCALAR(123), JSON_SCALAR(123.45), JSON_SCALAR(true), JSON_SCALAR(false);
SELECT JSON_SCALAR(' 123.45'), JSON_SCALAR('2020-06-07'::date), JSON_SCALAR('2020-06-07 01:02:03'::timestamp), JSON_SCALAR('{}'::json), JSON_SCALAR('{}'::jsonb);
SELECT JSON_SCALAR('NaN'::float8), JSON_SCALAR('Infinity'::numeric), JSON_SCALAR(1e300::float8), JSON_SCALAR(' x'::char(3)), JSON_SCALAR(interval '1 day');
SELECT JSON_SCALAR(ARRAY[1, 2]), JSON_SCALAR(ROW(1, 'a')), JSON_SCALAR('\x41'::bytea);
SELECT id, JSON_SCALAR(raw) FROM sqljson_staging ORDER BY id;
SELECT pg_typeof(JSON_SCALAR(1));

-- JSON_SERIALIZE(): a json document back to text, a string type or bytea.
SELECT JSON_SERIALIZE(NULL), JSON_SERIALIZE(JSON('{ "a" : 1 } ')), JSON_SERIALIZE('{ "a" : 1 } '), JSON_SERIALIZE('1' FORMAT JSON);
SELECT JSON_SERIALIZE('{ "a" : 1 } ' RETURNING bytea), JSON_SERIALIZE('{ "a" : 1 } ' RETURNING varchar), JSON_SERIALIZE('[1]' RETURNING bpchar);
SELECT JSON_SERIALIZE('[1]' RETURNING bytea FORMAT JSON ENCODING UTF8), JSON_SERIALIZE('[1]'::bytea);
SELECT pg_typeof(JSON_SERIALIZE(NULL)), pg_typeof(JSON_SERIALIZE('1' RETURNING name));
SELECT id, JSON_SERIALIZE(raw RETURNING varchar(30)) FROM sqljson_staging WHERE id < 4 ORDER BY id;
SELECT JSON_SERIALIZE('{ "a" : 1 } ' RETURNING varchar(2));
SELECT JSON_SERIALIZE('123' RETURNING char(2));
SELECT JSON_SERIALIZE('{ "a" : 1 } ' RETURNING jsonb);
SELECT JSON_SERIALIZE('{ "a" : 1 } ' RETURNING int);
SELECT JSON_SERIALIZE(1);
SELECT JSON_SERIALIZE(1 FORMAT JSON);
SELECT JSON_SERIALIZE('x');
SELECT JSON_SERIALIZE('[1]' RETURNING text FORMAT JSON ENCODING UTF8);
SELECT JSON_SERIALIZE('[1]' RETURNING bytea FORMAT JSON ENCODING UTF16);
CREATE DOMAIN sqljson_char2 AS char(2) CHECK (VALUE NOT IN ('12'));
SELECT JSON_SERIALIZE('123' RETURNING sqljson_char2);
SELECT JSON_SERIALIZE('12' RETURNING sqljson_char2);
SELECT JSON_SERIALIZE('1' RETURNING sqljson_char2);

-- In views and EXPLAIN they print back as written.
EXPLAIN (VERBOSE, COSTS OFF) SELECT JSON('123'), JSON('123' WITH UNIQUE KEYS), JSON('123'::bytea FORMAT JSON ENCODING UTF8);
EXPLAIN (VERBOSE, COSTS OFF) SELECT JSON_SCALAR(123), JSON_SCALAR('123'), JSON_SERIALIZE('{}'), JSON_SERIALIZE('{}' RETURNING bytea);
CREATE VIEW sqljson_parse_v AS SELECT id, JSON(raw) AS doc, JSON_SCALAR(id) AS idj, JSON_SERIALIZE(raw RETURNING bytea) AS b FROM sqljson_staging;
SELECT * FROM sqljson_parse_v WHERE id < 3 ORDER BY id;
SELECT pg_get_viewdef('sqljson_parse_v'::regclass, true);
DROP VIEW sqljson_parse_v;
DROP DOMAIN sqljson_char2;
DROP TABLE sqljson_staging;
