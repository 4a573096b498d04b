-- Indexes on partitioned tables: matching existing partition indexes, ON ONLY + ATTACH, validity,
-- inherited key constraints, partition-key coverage rules

CREATE TABLE ddlx_pi (a int, b int, c text) PARTITION BY RANGE (a);
CREATE TABLE ddlx_pi1 PARTITION OF ddlx_pi FOR VALUES FROM (0) TO (10);
CREATE TABLE ddlx_pi2 PARTITION OF ddlx_pi FOR VALUES FROM (10) TO (20);
-- existing equivalent indexes are attached, not duplicated (expressions and predicates too)
CREATE INDEX ddlx_pi1_expr ON ddlx_pi1 ((a + b)) WHERE b > 0;
CREATE INDEX ddlx_pi1_other ON ddlx_pi1 ((b + a)) WHERE b > 0;
CREATE INDEX ddlx_pi1_c ON ddlx_pi1 (c COLLATE "C");
CREATE INDEX ddlx_pi_expr ON ddlx_pi ((a + b)) WHERE b > 0;
CREATE INDEX ddlx_pi_c ON ddlx_pi (c);
SELECT c.relname, i.inhparent::regclass AS parent
  FROM pg_class c LEFT JOIN pg_inherits i ON i.inhrelid = c.oid
  WHERE c.relname LIKE 'ddlx_pi%' AND c.relkind IN ('i', 'I') ORDER BY c.relname;

-- ON ONLY: invalid until every partition has its part attached
CREATE INDEX ddlx_pi_b ON ONLY ddlx_pi (b);
SELECT indexrelid::regclass, indisvalid FROM pg_index WHERE indexrelid = 'ddlx_pi_b'::regclass;
CREATE INDEX ddlx_pi1_b ON ddlx_pi1 (b);
CREATE INDEX ddlx_pi2_b_desc ON ddlx_pi2 (b DESC);
ALTER INDEX ddlx_pi_b ATTACH PARTITION ddlx_pi1_b;
ALTER INDEX ddlx_pi_b ATTACH PARTITION ddlx_pi1_b;
ALTER INDEX ddlx_pi_b ATTACH PARTITION ddlx_pi2_b_desc;
SELECT indexrelid::regclass, indisvalid FROM pg_index WHERE indexrelid = 'ddlx_pi_b'::regclass;
CREATE INDEX ddlx_pi2_b ON ddlx_pi2 (b);
ALTER INDEX ddlx_pi_b ATTACH PARTITION ddlx_pi2_b;
SELECT indexrelid::regclass, indisvalid FROM pg_index WHERE indexrelid = 'ddlx_pi_b'::regclass;
-- wrong targets
ALTER INDEX ddlx_pi_b ATTACH PARTITION ddlx_pi1;
ALTER INDEX ddlx_pi ATTACH PARTITION ddlx_pi1_b;
ALTER INDEX ddlx_pi_b ATTACH PARTITION ddlx_no_such_index;
ALTER INDEX ddlx_pi_c ATTACH PARTITION ddlx_pi1_b;
ALTER TABLE ddlx_pi_b ATTACH PARTITION ddlx_pi1_b FOR VALUES FROM (0) TO (1);
ALTER TABLE ddlx_pi_b DETACH PARTITION ddlx_pi1_b;
-- a partition's part goes only with the partitioned index
DROP INDEX ddlx_pi1_b;
DROP INDEX CONCURRENTLY ddlx_pi_b;
DROP INDEX ddlx_pi_b;
SELECT count(*) FROM pg_class WHERE relname IN ('ddlx_pi_b', 'ddlx_pi1_b', 'ddlx_pi2_b');
DROP TABLE ddlx_pi;

-- primary keys: the partitions' constraints are inherited (not droppable on their own)
CREATE TABLE ddlx_pk (id int, v text) PARTITION BY HASH (id);
CREATE TABLE ddlx_pk0 PARTITION OF ddlx_pk FOR VALUES WITH (MODULUS 4, REMAINDER 0);
CREATE TABLE ddlx_pk1 PARTITION OF ddlx_pk FOR VALUES WITH (MODULUS 4, REMAINDER 1);
ALTER TABLE ddlx_pk0 ADD PRIMARY KEY (id);
ALTER TABLE ddlx_pk ADD PRIMARY KEY (id);
SELECT conrelid::regclass, conname, conislocal, coninhcount, connoinherit, conparentid <> 0 AS has_parent
  FROM pg_constraint WHERE conrelid::regclass::text LIKE 'ddlx_pk%' AND contype = 'p' ORDER BY conrelid::regclass::text;
ALTER TABLE ddlx_pk0 DROP CONSTRAINT ddlx_pk0_pkey;
DROP INDEX ddlx_pk1_pkey;
-- a partition with another primary key cannot join
CREATE TABLE ddlx_pk2 (id int NOT NULL, v text NOT NULL PRIMARY KEY);
ALTER TABLE ddlx_pk ATTACH PARTITION ddlx_pk2 FOR VALUES WITH (MODULUS 4, REMAINDER 2);
CREATE TABLE ddlx_pk3 PARTITION OF ddlx_pk (v PRIMARY KEY) FOR VALUES WITH (MODULUS 4, REMAINDER 3);
-- detached, the constraint is the table's own again
ALTER TABLE ddlx_pk DETACH PARTITION ddlx_pk1;
SELECT conname, conislocal, coninhcount FROM pg_constraint WHERE conrelid = 'ddlx_pk1'::regclass AND contype = 'p';
ALTER TABLE ddlx_pk1 DROP CONSTRAINT ddlx_pk1_pkey;
DROP TABLE ddlx_pk, ddlx_pk1, ddlx_pk2;

-- ONLY ... ADD PRIMARY KEY needs NOT NULL columns in the partitions
CREATE TABLE ddlx_onlypk (a int) PARTITION BY RANGE (a);
CREATE TABLE ddlx_onlypk0 (LIKE ddlx_onlypk);
ALTER TABLE ddlx_onlypk0 ADD UNIQUE (a);
ALTER TABLE ddlx_onlypk ATTACH PARTITION ddlx_onlypk0 DEFAULT;
ALTER TABLE ONLY ddlx_onlypk ADD PRIMARY KEY (a);
ALTER TABLE ddlx_onlypk0 ALTER COLUMN a SET NOT NULL;
ALTER TABLE ONLY ddlx_onlypk ADD PRIMARY KEY (a);
SELECT indexrelid::regclass, indisvalid FROM pg_index WHERE indrelid = 'ddlx_onlypk'::regclass;
ALTER INDEX ddlx_onlypk_pkey ATTACH PARTITION ddlx_onlypk0_a_key;
SELECT indexrelid::regclass, indisvalid FROM pg_index WHERE indrelid = 'ddlx_onlypk'::regclass;
-- an index without a constraint cannot be a primary key's part
CREATE TABLE ddlx_onlypk1 (a int NOT NULL);
CREATE UNIQUE INDEX ddlx_onlypk1_a ON ddlx_onlypk1 (a);
ALTER TABLE ddlx_onlypk DETACH PARTITION ddlx_onlypk0;
ALTER TABLE ddlx_onlypk ATTACH PARTITION ddlx_onlypk1 FOR VALUES FROM (0) TO (10);
SELECT c.relname FROM pg_class c JOIN pg_index i ON i.indexrelid = c.oid WHERE i.indrelid = 'ddlx_onlypk1'::regclass ORDER BY 1;
DROP TABLE ddlx_onlypk, ddlx_onlypk0;

-- unique keys and exclusion constraints must cover the partition key
CREATE TABLE ddlx_ukey (a int PRIMARY KEY, b int) PARTITION BY RANGE ((a + b));
CREATE TABLE ddlx_ukey (a int UNIQUE, b int) PARTITION BY RANGE ((a + b));
CREATE TABLE ddlx_ukey (a int4range, b int4range, EXCLUDE USING gist (a WITH =)) PARTITION BY RANGE (a, b);
CREATE TABLE ddlx_ukey (a int4range, EXCLUDE USING gist (a WITH &&)) PARTITION BY RANGE (a);
CREATE TABLE ddlx_ukey (a int4range, b int4range, EXCLUDE USING gist (a WITH =, b WITH &&)) PARTITION BY RANGE (a);
ALTER TABLE ddlx_ukey ADD EXCLUDE USING gist (b WITH =);
DROP TABLE ddlx_ukey;
CREATE TABLE ddlx_ukey (a int, b int, PRIMARY KEY (a)) PARTITION BY RANGE (a);
CREATE TABLE ddlx_ukey1 PARTITION OF ddlx_ukey FOR VALUES FROM (0) TO (100) PARTITION BY RANGE (b);
CREATE TABLE ddlx_ukey2 (a int NOT NULL, b int) PARTITION BY RANGE (b);
ALTER TABLE ddlx_ukey ATTACH PARTITION ddlx_ukey2 FOR VALUES FROM (100) TO (200);
DROP TABLE ddlx_ukey, ddlx_ukey2;

-- REPLICA IDENTITY on ONLY a partitioned table
CREATE TABLE ddlx_ri (id int NOT NULL) PARTITION BY RANGE (id);
CREATE TABLE ddlx_ri1 PARTITION OF ddlx_ri FOR VALUES FROM (1) TO (10);
CREATE UNIQUE INDEX ddlx_ri_idx ON ONLY ddlx_ri (id);
ALTER TABLE ONLY ddlx_ri REPLICA IDENTITY USING INDEX ddlx_ri_idx;
SELECT relreplident FROM pg_class WHERE relname = 'ddlx_ri';
SELECT indisreplident, indisvalid FROM pg_index WHERE indexrelid = 'ddlx_ri_idx'::regclass;
DROP TABLE ddlx_ri;
