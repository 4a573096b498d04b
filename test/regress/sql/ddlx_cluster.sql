-- CLUSTER: rows rewritten in index order (a scan without ORDER BY follows it), the index marked,
-- CLUSTER table reusing the mark, CLUSTER alone, partitioned tables, errors
CREATE TABLE ddlx_cl (id int PRIMARY KEY, grp int, name text);
CREATE INDEX ddlx_cl_name ON ddlx_cl (name);
CREATE INDEX ddlx_cl_grp_desc ON ddlx_cl (grp DESC, id);
INSERT INTO ddlx_cl VALUES (3, 1, 'charlie'), (1, 2, 'alpha'), (4, 2, 'delta'), (2, 1, 'bravo'), (5, NULL, 'echo');
CLUSTER ddlx_cl;
CLUSTER ddlx_cl USING ddlx_cl_name;
SELECT * FROM ddlx_cl;
SELECT indexrelid::regclass, indisclustered FROM pg_index WHERE indrelid = 'ddlx_cl'::regclass ORDER BY indexrelid::regclass::text;
UPDATE ddlx_cl SET name = 'zulu' WHERE id = 1;
CLUSTER ddlx_cl;
SELECT * FROM ddlx_cl;
CLUSTER ddlx_cl_grp_desc ON ddlx_cl;
SELECT * FROM ddlx_cl;
SELECT indexrelid::regclass, indisclustered FROM pg_index WHERE indrelid = 'ddlx_cl'::regclass ORDER BY indexrelid::regclass::text;
-- the relation gets new storage
CREATE TEMP TABLE ddlx_cl_before AS SELECT relfilenode FROM pg_class WHERE relname = 'ddlx_cl';
CLUSTER ddlx_cl USING ddlx_cl_pkey;
SELECT c.relfilenode = b.relfilenode AS same_storage FROM pg_class c, ddlx_cl_before b WHERE c.relname = 'ddlx_cl';
SELECT * FROM ddlx_cl;
-- inside a transaction block: a single table is fine, and rolls back
BEGIN;
CLUSTER ddlx_cl USING ddlx_cl_name;
SELECT id FROM ddlx_cl;
ROLLBACK;
SELECT id FROM ddlx_cl;
BEGIN;
CLUSTER;
ROLLBACK;
-- errors
CLUSTER ddlx_cl_nosuch;
CLUSTER ddlx_cl USING ddlx_cl_nosuch;
CREATE INDEX ddlx_cl_hash ON ddlx_cl USING hash (grp);
CLUSTER ddlx_cl USING ddlx_cl_hash;
CREATE INDEX ddlx_cl_part ON ddlx_cl (grp) WHERE grp > 1;
CLUSTER ddlx_cl USING ddlx_cl_part;
CREATE VIEW ddlx_cl_v AS SELECT * FROM ddlx_cl;
CLUSTER ddlx_cl_v USING ddlx_cl_pkey;
CREATE TABLE ddlx_cl2 (a int PRIMARY KEY);
CLUSTER ddlx_cl2;
-- CLUSTER alone: every table with a clustered index
INSERT INTO ddlx_cl VALUES (0, 7, 'aaa');
CLUSTER;
SELECT id FROM ddlx_cl;
-- partitioned: each partition on its part of the index; nothing is marked
CREATE TABLE ddlx_clp (a int, b text) PARTITION BY RANGE (a);
CREATE TABLE ddlx_clp1 PARTITION OF ddlx_clp FOR VALUES FROM (0) TO (10);
CREATE TABLE ddlx_clp2 PARTITION OF ddlx_clp FOR VALUES FROM (10) TO (20);
INSERT INTO ddlx_clp VALUES (5, 'e'), (15, 'b'), (1, 'z'), (12, 'a'), (3, 'm');
CREATE INDEX ddlx_clp_b ON ddlx_clp (b);
CREATE INDEX ddlx_clp_a ON ONLY ddlx_clp (a);
CLUSTER ddlx_clp;
CLUSTER ddlx_clp USING ddlx_clp_a;
CLUSTER ddlx_clp USING ddlx_clp_b;
SELECT * FROM ddlx_clp;
SELECT count(*) FROM pg_index WHERE indisclustered AND indrelid::regclass::text LIKE 'ddlx_clp%';
DROP TABLE ddlx_cl, ddlx_cl2, ddlx_clp CASCADE;
