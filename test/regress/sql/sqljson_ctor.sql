-- sqljson_ctor: JSON_OBJECT / JSON_ARRAY / JSON_ARRAYAGG / JSON_OBJECTAGG details: unknown
-- literals and bytea FORMAT JSON in the aggregates, subquery column checks, encodings, and how
-- the constructors print in EXPLAIN and views.

CREATE TABLE sqlj_events (id int, kind text, payload bytea);
INSERT INTO sqlj_events VALUES (1, 'a', convert_to('{"x": 1}', 'UTF8')), (2, 'b', convert_to('[2]', 'UTF8')), (3, NULL, NULL);

SELECT JSON_ARRAYAGG(NULL), JSON_ARRAYAGG(NULL RETURNING jsonb), JSON_ARRAYAGG(NULL NULL ON NULL), JSON_ARRAYAGG('a' NULL ON NULL RETURNING jsonb) FROM generate_series(1, 3);
SELECT JSON_ARRAYAGG(payload FORMAT JSON ORDER BY id), JSON_ARRAYAGG(payload FORMAT JSON NULL ON NULL ORDER BY id RETURNING jsonb) FROM sqlj_events;
SELECT JSON_OBJECTAGG(id: payload FORMAT JSON WITH UNIQUE RETURNING text) FILTER (WHERE id < 3) FROM sqlj_events;
SELECT JSON_OBJECTAGG(kind: payload FORMAT JSON ABSENT ON NULL RETURNING jsonb) FROM sqlj_events;
SELECT JSON_ARRAYAGG(('111' || i)::bytea FORMAT JSON NULL ON NULL RETURNING varchar(2)) FROM generate_series(1, 1) i;
SELECT JSON_ARRAY(SELECT FROM (VALUES (1)) foo(i));
SELECT JSON_ARRAY(SELECT 1, 2);
SELECT JSON_ARRAY(VALUES (1), (2)), JSON_ARRAY(SELECT 1 UNION ALL SELECT 2), JSON_ARRAY(SELECT kind FROM sqlj_events ORDER BY id);
SELECT JSON_OBJECT(RETURNING text FORMAT JSON ENCODING INVALID_ENCODING);
SELECT JSON_ARRAY(RETURNING bytea FORMAT JSON ENCODING UTF16);

EXPLAIN (VERBOSE, COSTS OFF) SELECT JSON_OBJECT('foo' : '1' FORMAT JSON, 'bar' : 'baz' RETURNING json);
EXPLAIN (VERBOSE, COSTS OFF) SELECT JSON_OBJECT('foo' : NULL::int, 'x' : 2 ABSENT ON NULL WITH UNIQUE KEYS RETURNING jsonb);
EXPLAIN (VERBOSE, COSTS OFF) SELECT JSON_ARRAY('1' FORMAT JSON, 2 RETURNING json), JSON_ARRAY(1, NULL NULL ON NULL RETURNING jsonb);
EXPLAIN (VERBOSE, COSTS OFF) SELECT JSON_OBJECT('id' : id, 'kind' : kind, 'doc' : payload FORMAT JSON) FROM sqlj_events;
CREATE VIEW sqlj_ctor_v AS SELECT id, JSON_OBJECT('id' : id, 'kind' : kind ABSENT ON NULL) AS obj, JSON_ARRAY(id, kind) AS arr FROM sqlj_events;
SELECT pg_get_viewdef('sqlj_ctor_v'::regclass, true);
SELECT * FROM sqlj_ctor_v ORDER BY id;
DROP VIEW sqlj_ctor_v;
DROP TABLE sqlj_events;
