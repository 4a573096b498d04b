-- Partitioning DDL: keys and indexes across partitions, constraints, ATTACH / DETACH, catalogs.
CREATE TABLE events (
  tenant_id int NOT NULL,
  id bigint NOT NULL,
  kind text NOT NULL DEFAULT 'click',
  created_at timestamptz NOT NULL,
  payload jsonb,
  CONSTRAINT events_kind_check CHECK (kind <> ''),
  PRIMARY KEY (tenant_id, id)
) PARTITION BY LIST (tenant_id);
CREATE TABLE events_t1 PARTITION OF events FOR VALUES IN (1);
CREATE TABLE events_t2 PARTITION OF events FOR VALUES IN (2, 3);
CREATE INDEX events_created_idx ON events (created_at);
CREATE TABLE events_t4 PARTITION OF events FOR VALUES IN (4);
SELECT c.relname, c.relkind, c.relispartition, c.relhasindex FROM pg_class c WHERE c.relname LIKE 'events%' ORDER BY c.relname;
SELECT indexrelid::regclass, indrelid::regclass, indisprimary, indisunique FROM pg_index WHERE indrelid::regclass::text LIKE 'events%' ORDER BY indexrelid::regclass::text;
SELECT conname, conrelid::regclass, contype FROM pg_constraint WHERE conrelid::regclass::text LIKE 'events%' ORDER BY conrelid::regclass::text, conname;
INSERT INTO events VALUES (1, 1, 'click', '2024-01-01 10:00+00', NULL), (2, 1, 'view', '2024-01-01 11:00+00', '{"a":1}'), (3, 1, 'view', '2024-01-02', NULL);
INSERT INTO events VALUES (1, 1, 'again', '2024-01-03', NULL);
INSERT INTO events VALUES (1, 2, '', '2024-01-03', NULL);
INSERT INTO events (tenant_id, id, created_at) VALUES (4, 9, '2024-02-02');
SELECT tableoid::regclass, tenant_id, id, kind FROM events ORDER BY tenant_id, id;
SELECT * FROM events WHERE tenant_id = 2 AND id = 1;
UPDATE events SET tenant_id = 4 WHERE tenant_id = 3;
SELECT tableoid::regclass, tenant_id, id FROM events ORDER BY tenant_id, id;
UPDATE events SET tenant_id = 1 WHERE tenant_id = 2;
CREATE TABLE bad_pk (a int, b int, PRIMARY KEY (a)) PARTITION BY RANGE (b);
CREATE TABLE bad_uq (a int, b int) PARTITION BY RANGE (b);
CREATE UNIQUE INDEX bad_uq_a ON bad_uq (a);
CREATE UNIQUE INDEX bad_uq_ab ON bad_uq (a, b);
-- catalogs
SELECT partrelid::regclass, partstrat, partnatts, partattrs FROM pg_partitioned_table WHERE partrelid = 'events'::regclass;
SELECT inhrelid::regclass, inhparent::regclass, inhseqno FROM pg_inherits WHERE inhparent = 'events'::regclass ORDER BY inhrelid::regclass::text;
SELECT pg_get_partkeydef('events'::regclass);
SELECT relname, pg_get_expr(relpartbound, oid) FROM pg_class WHERE relispartition AND relname LIKE 'events%' ORDER BY 1;
SELECT * FROM pg_partition_tree('events') ORDER BY relid::text;
SELECT pg_partition_root('events_t1'), pg_partition_root('events');
SELECT * FROM pg_partition_ancestors('events_t2');
SELECT table_name, table_type FROM information_schema.tables WHERE table_name LIKE 'events%' ORDER BY 1;
-- ATTACH / DETACH
CREATE TABLE events_t5 (tenant_id int NOT NULL, id bigint NOT NULL, kind text NOT NULL DEFAULT 'click', created_at timestamptz NOT NULL, payload jsonb, CONSTRAINT events_kind_check CHECK (kind <> ''));
INSERT INTO events_t5 VALUES (5, 1, 'x', '2024-03-03', NULL), (6, 1, 'y', '2024-03-03', NULL);
ALTER TABLE events ATTACH PARTITION events_t5 FOR VALUES IN (5);
DELETE FROM events_t5 WHERE tenant_id = 6;
ALTER TABLE events ATTACH PARTITION events_t5 FOR VALUES IN (5);
SELECT tableoid::regclass, tenant_id, id FROM events WHERE tenant_id >= 4 ORDER BY tableoid::regclass::text, 2, 3;
SELECT indexrelid::regclass FROM pg_index WHERE indrelid = 'events_t5'::regclass ORDER BY indexrelid::regclass::text;
ALTER TABLE events ATTACH PARTITION events_t1 FOR VALUES IN (7);
ALTER TABLE events DETACH PARTITION events_t5;
SELECT count(*) FROM events WHERE tenant_id = 5;
SELECT count(*) FROM events_t5;
SELECT relispartition, pg_get_expr(relpartbound, oid) FROM pg_class WHERE relname = 'events_t5';
ALTER TABLE events DETACH PARTITION events_t5;
CREATE TABLE other (a int);
ALTER TABLE other ATTACH PARTITION events_t5 FOR VALUES IN (5);
CREATE TABLE events_t6 (tenant_id int NOT NULL, id bigint NOT NULL, kind text NOT NULL, created_at timestamptz NOT NULL);
ALTER TABLE events ATTACH PARTITION events_t6 FOR VALUES IN (6);
-- a default partition and a new partition whose rows it holds
CREATE TABLE events_rest PARTITION OF events DEFAULT;
INSERT INTO events (tenant_id, id, created_at) VALUES (8, 1, '2024-04-04');
CREATE TABLE events_t8 PARTITION OF events FOR VALUES IN (8);
DELETE FROM events WHERE tenant_id = 8;
CREATE TABLE events_t8 PARTITION OF events FOR VALUES IN (8);
-- partition with its own column options and constraints
CREATE TABLE events_t9 PARTITION OF events (kind DEFAULT 'nine', CONSTRAINT t9_id_check CHECK (id < 100)) FOR VALUES IN (9);
INSERT INTO events (tenant_id, id, created_at) VALUES (9, 1, '2024-05-05');
INSERT INTO events (tenant_id, id, created_at) VALUES (9, 100, '2024-05-05');
SELECT tenant_id, id, kind FROM events WHERE tenant_id = 9;
-- DROP
DROP INDEX events_created_idx;
SELECT count(*) FROM pg_class WHERE relname LIKE 'events_t%created_at_idx';
DROP TABLE events_t2;
SELECT relname FROM pg_class WHERE relname LIKE 'events_t2%' ORDER BY 1;
SELECT inhrelid::regclass FROM pg_inherits WHERE inhparent = 'events'::regclass ORDER BY inhrelid::regclass::text;
DROP TABLE events;
SELECT relname FROM pg_class WHERE relname LIKE 'events%' ORDER BY 1;
