-- ALTER TABLE ... ADD PRIMARY KEY / UNIQUE USING INDEX: attach an existing unique btree index as a key.
CREATE TABLE idx_ui (a int, b text, c int);
INSERT INTO idx_ui VALUES (1, 'x', 1), (2, 'y', 2);
CREATE UNIQUE INDEX idx_ui_a ON idx_ui (a);
ALTER TABLE idx_ui ADD CONSTRAINT idx_ui_pk PRIMARY KEY USING INDEX idx_ui_a;
SELECT conname, contype, conindid::regclass, condeferrable FROM pg_constraint WHERE conrelid = 'idx_ui'::regclass ORDER BY 1;
SELECT indexrelid::regclass, indisprimary, indisunique FROM pg_index WHERE indrelid = 'idx_ui'::regclass;
SELECT attname, attnotnull FROM pg_attribute WHERE attrelid = 'idx_ui'::regclass AND attnum > 0 ORDER BY attnum;
INSERT INTO idx_ui VALUES (1, 'z', 3);
-- indexes that cannot back a key
CREATE UNIQUE INDEX idx_ui_b ON idx_ui (b DESC);
ALTER TABLE idx_ui ADD UNIQUE USING INDEX idx_ui_b;
CREATE INDEX idx_ui_c ON idx_ui (c);
ALTER TABLE idx_ui ADD UNIQUE USING INDEX idx_ui_c;
CREATE UNIQUE INDEX idx_ui_c2 ON idx_ui (c) WHERE c > 0;
ALTER TABLE idx_ui ADD UNIQUE USING INDEX idx_ui_c2;
CREATE UNIQUE INDEX idx_ui_e ON idx_ui ((c + 1));
ALTER TABLE idx_ui ADD UNIQUE USING INDEX idx_ui_e;
ALTER TABLE idx_ui ADD UNIQUE USING INDEX idx_ui_nope;
ALTER TABLE idx_ui ADD UNIQUE USING INDEX idx_ui_pk;
CREATE UNIQUE INDEX idx_ui_b3 ON idx_ui (b COLLATE "C");
ALTER TABLE idx_ui ADD UNIQUE USING INDEX idx_ui_b3;
ALTER TABLE idx_ui ADD PRIMARY KEY USING INDEX idx_ui_b3;
DROP INDEX idx_ui_b, idx_ui_c, idx_ui_c2, idx_ui_e, idx_ui_b3;
-- a deferrable unique key over an index with INCLUDE columns
CREATE UNIQUE INDEX idx_ui_c3 ON idx_ui (c) INCLUDE (b);
ALTER TABLE idx_ui ADD CONSTRAINT idx_ui_c3_u UNIQUE USING INDEX idx_ui_c3 DEFERRABLE INITIALLY DEFERRED;
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'idx_ui_c3_u';
SELECT indexrelid::regclass FROM pg_index WHERE indrelid = 'idx_ui'::regclass ORDER BY 1;
BEGIN;
INSERT INTO idx_ui VALUES (3, 'z', 1);
UPDATE idx_ui SET c = 5 WHERE a = 3;
COMMIT;
BEGIN;
INSERT INTO idx_ui VALUES (4, 'w', 1);
COMMIT;
SELECT * FROM idx_ui ORDER BY a;
DROP INDEX idx_ui_c3_u;
ALTER TABLE idx_ui DROP CONSTRAINT idx_ui_c3_u;
SELECT indexrelid::regclass FROM pg_index WHERE indrelid = 'idx_ui'::regclass ORDER BY 1;
-- the index of another table; a column with NULLs; NULLS NOT DISTINCT
CREATE TABLE idx_ui2 (a int);
CREATE UNIQUE INDEX idx_ui2_a ON idx_ui2 (a);
ALTER TABLE idx_ui ADD UNIQUE USING INDEX idx_ui2_a;
INSERT INTO idx_ui2 VALUES (NULL);
ALTER TABLE idx_ui2 ADD PRIMARY KEY USING INDEX idx_ui2_a;
SELECT attnotnull FROM pg_attribute WHERE attrelid = 'idx_ui2'::regclass AND attname = 'a';
DELETE FROM idx_ui2;
ALTER TABLE idx_ui2 ADD PRIMARY KEY USING INDEX idx_ui2_a;
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'idx_ui2'::regclass ORDER BY 1;
CREATE TABLE idx_ui3 (a int NOT NULL);
CREATE UNIQUE INDEX idx_ui3_a ON idx_ui3 (a) NULLS NOT DISTINCT;
ALTER TABLE idx_ui3 ADD PRIMARY KEY USING INDEX idx_ui3_a;
ALTER TABLE idx_ui3 ADD UNIQUE USING INDEX idx_ui3_a;
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'idx_ui3'::regclass AND contype = 'u';
CREATE UNIQUE INDEX idx_ui3_a2 ON idx_ui3 (a);
ALTER TABLE idx_ui3 ADD CONSTRAINT idx_ui3_a PRIMARY KEY USING INDEX idx_ui3_a2;
CREATE TABLE idx_ui4 (a int, CONSTRAINT idx_ui4_pk PRIMARY KEY USING INDEX idx_ui3_a2);
-- a foreign key can then reference the new primary key
CREATE TABLE idx_ui5 (a int REFERENCES idx_ui);
INSERT INTO idx_ui5 VALUES (2);
INSERT INTO idx_ui5 VALUES (9);
-- partitioned tables are not supported by Postgres either
CREATE TABLE idx_uip (a int) PARTITION BY RANGE (a);
CREATE UNIQUE INDEX idx_uip_a ON idx_uip (a);
ALTER TABLE idx_uip ADD UNIQUE USING INDEX idx_uip_a;
DROP TABLE idx_ui5, idx_ui, idx_ui2, idx_ui3, idx_uip;
