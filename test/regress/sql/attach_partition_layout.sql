-- Partitions whose columns sit elsewhere than their parent's: ATTACH PARTITION of a table with
-- another column order or dropped columns, PARTITION OF a parent with dropped columns, and every
-- path a row takes through such a partition (routing, reads, updates moving rows, deletes,
-- RETURNING, ON CONFLICT, triggers, constraints, foreign keys).
CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL);
INSERT INTO customers VALUES (1, 'Ada'), (2, 'Brian'), (3, 'Chen');
CREATE TABLE orders (
  id int NOT NULL,
  placed_on date NOT NULL,
  customer_id int REFERENCES customers (id),
  total numeric(10,2) CHECK (total >= 0),
  status text DEFAULT 'new'
) PARTITION BY RANGE (placed_on);
CREATE UNIQUE INDEX orders_id_placed ON orders (id, placed_on);
CREATE INDEX orders_customer ON orders (customer_id);
-- An archive table loaded before partitioning, with its own column order and a dropped column.
CREATE TABLE orders_2023 (status text DEFAULT 'archived', legacy_ref text, total numeric(10,2), customer_id int, placed_on date NOT NULL, id int NOT NULL);
ALTER TABLE orders_2023 DROP COLUMN legacy_ref;
INSERT INTO orders_2023 (id, placed_on, customer_id, total) VALUES (101, '2023-03-01', 1, 20.00), (102, '2023-11-30', 2, 5.50);
ALTER TABLE orders_2023 ADD CONSTRAINT orders_total_check CHECK (total >= 0);
ALTER TABLE orders ATTACH PARTITION orders_2023 FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE orders_2024 PARTITION OF orders FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
SELECT attrelid::regclass, attname, attnum FROM pg_attribute
 WHERE attrelid IN ('orders'::regclass, 'orders_2023'::regclass, 'orders_2024'::regclass) AND attnum > 0 AND NOT attisdropped
 ORDER BY attrelid::regclass::text, attnum;
SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
 WHERE i.indrelid = 'orders_2023'::regclass ORDER BY 1;
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'orders_2023'::regclass AND contype IN ('c', 'n') ORDER BY 1;
-- Reads through the parent see the parent's columns; the partition keeps its own order.
SELECT tableoid::regclass, * FROM orders ORDER BY id;
SELECT * FROM orders_2023 ORDER BY id;
SELECT id, total FROM orders WHERE placed_on < '2024-01-01' AND customer_id = 2;
-- Rows routed into the partition land in its layout, with its defaults.
INSERT INTO orders (id, placed_on, customer_id, total) VALUES (103, '2023-12-24', 3, 99.99), (201, '2024-02-14', 1, 42.00)
RETURNING tableoid::regclass, *;
SELECT id, status FROM orders_2023 WHERE id = 103;
INSERT INTO orders VALUES (104, '2023-05-05', 9, 1.00);
INSERT INTO orders VALUES (105, '2023-05-05', 1, -1.00);
INSERT INTO orders VALUES (106, NULL, 1, 1.00);
INSERT INTO orders VALUES (101, '2023-03-01', 1, 1.00);
INSERT INTO orders VALUES (107, '2022-01-01', 1, 1.00);
-- RETURNING a row's xmin / xmax through the partitioned table.
INSERT INTO orders VALUES (108, '2023-06-01', 1, 3.00) RETURNING id, xmin = pg_current_xact_id()::xid AS xmin_ok;
INSERT INTO orders VALUES (202, '2024-06-01', 1, 3.00) RETURNING id, xmin = pg_current_xact_id()::xid AS xmin_ok;
INSERT INTO orders VALUES (202, '2024-06-01', 1, 3.00) RETURNING id, ctid IS NOT NULL AS has_ctid, tableoid::regclass;
-- ON CONFLICT resolved in the partition.
INSERT INTO orders VALUES (101, '2023-03-01', 1, 25.00) ON CONFLICT (id, placed_on) DO UPDATE SET total = EXCLUDED.total, status = 'corrected'
RETURNING tableoid::regclass, id, total, status;
INSERT INTO orders VALUES (102, '2023-11-30', 2, 0) ON CONFLICT (id, placed_on) DO NOTHING RETURNING id;
-- UPDATE in place and across partitions.
UPDATE orders SET total = total + 1 WHERE id = 102 RETURNING tableoid::regclass, id, total, status;
UPDATE orders SET placed_on = '2024-01-02' WHERE id = 103 RETURNING tableoid::regclass, *;
UPDATE orders SET placed_on = '2023-01-02' WHERE id = 201 RETURNING tableoid::regclass, *;
UPDATE orders SET placed_on = '2023-01-03' WHERE id = 202 RETURNING id, xmin = pg_current_xact_id()::xid AS xmin_ok;
UPDATE orders SET placed_on = '2024-01-03' WHERE id = 108 RETURNING id, xmin = pg_current_xact_id()::xid AS xmin_ok;
UPDATE orders SET total = NULL, customer_id = 5 WHERE id = 101;
UPDATE orders SET status = NULL, total = -5 WHERE id = 101;
UPDATE orders SET placed_on = '2030-01-01' WHERE id = 101;
SELECT tableoid::regclass, * FROM orders ORDER BY id;
-- A partition written directly checks its own bound.
INSERT INTO orders_2023 (id, placed_on, total) VALUES (110, '2024-05-05', 1);
UPDATE orders_2023 SET placed_on = '2025-01-01' WHERE id = 101;
-- DELETE through the parent.
DELETE FROM orders WHERE id IN (102, 201) RETURNING tableoid::regclass, *;
SELECT count(*), sum(total) FROM orders;
-- Foreign keys: the partition's rows are checked and cascade by name.
DELETE FROM customers WHERE id = 3;
ALTER TABLE orders DROP CONSTRAINT orders_customer_id_fkey;
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE SET NULL;
DELETE FROM customers WHERE id = 1;
SELECT id, customer_id FROM orders ORDER BY id;
-- Row triggers of the partition see its own layout; statement triggers of the parent see the
-- transition table in the parent's.
CREATE TABLE order_audit (seq serial PRIMARY KEY, note text);
CREATE FUNCTION audit_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO order_audit (note) VALUES (TG_OP || ' ' || TG_TABLE_NAME || ' ' || NEW::text);
  RETURN NEW;
END $$;
CREATE TRIGGER orders_2023_row BEFORE INSERT OR UPDATE ON orders_2023 FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE FUNCTION audit_stmt() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO order_audit (note) SELECT 'new ' || n::text FROM new_rows n ORDER BY n.id;
  RETURN NULL;
END $$;
CREATE TRIGGER orders_stmt AFTER INSERT ON orders REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_stmt();
INSERT INTO orders (id, placed_on, customer_id, total) VALUES (120, '2023-08-08', 2, 8.00), (220, '2024-08-08', 2, 9.00);
UPDATE orders SET total = 10 WHERE id = 120;
SELECT note FROM order_audit ORDER BY seq;
-- Schema changes that reach the partition find its columns by name.
ALTER TABLE orders RENAME COLUMN status TO state;
ALTER TABLE orders ADD COLUMN channel text DEFAULT 'web';
ALTER TABLE orders ADD CONSTRAINT orders_state_check CHECK (state <> 'void');
SELECT attrelid::regclass, attname, attnum FROM pg_attribute
 WHERE attrelid = 'orders_2023'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum;
UPDATE orders SET state = 'void' WHERE id = 120;
SELECT tableoid::regclass, id, state, channel FROM orders ORDER BY id;
ALTER TABLE orders DROP COLUMN placed_on;
-- Attach checks: missing or mistyped columns, NOT NULL, rows outside the bound.
CREATE TABLE orders_2022 (total numeric(10,2), id int NOT NULL, placed_on date NOT NULL, customer_id int, state text, channel text);
ALTER TABLE orders ATTACH PARTITION orders_2022 FOR VALUES FROM ('2022-01-01') TO ('2023-01-01');
ALTER TABLE orders_2022 ADD CONSTRAINT orders_total_check CHECK (total >= 0);
INSERT INTO orders_2022 VALUES (1, 300, '2021-12-31', NULL, 'old', 'fax');
ALTER TABLE orders ATTACH PARTITION orders_2022 FOR VALUES FROM ('2022-01-01') TO ('2023-01-01');
DELETE FROM orders_2022;
ALTER TABLE orders ATTACH PARTITION orders_2022 FOR VALUES FROM ('2022-01-01') TO ('2023-01-01');
CREATE TABLE orders_bad (id int NOT NULL, placed_on date NOT NULL, customer_id bigint, total numeric(10,2), state text, channel text);
ALTER TABLE orders ATTACH PARTITION orders_bad FOR VALUES FROM ('2021-01-01') TO ('2022-01-01');
CREATE TABLE orders_nullable (channel text, state text, total numeric(10,2), customer_id int, placed_on date, id int NOT NULL);
ALTER TABLE orders ATTACH PARTITION orders_nullable FOR VALUES FROM ('2021-01-01') TO ('2022-01-01');
INSERT INTO orders (id, placed_on, customer_id, total) VALUES (301, '2022-03-03', 2, 1.50) RETURNING tableoid::regclass, *;
SELECT * FROM orders_2022;
-- A parent with dropped columns: new partitions leave them out.
CREATE TABLE events (id int, kind text, junk text, happened date, payload text) PARTITION BY LIST (kind);
ALTER TABLE events DROP COLUMN junk;
CREATE TABLE events_login PARTITION OF events FOR VALUES IN ('login');
CREATE TABLE events_other PARTITION OF events DEFAULT;
SELECT attrelid::regclass, attname, attnum FROM pg_attribute
 WHERE attrelid IN ('events'::regclass, 'events_login'::regclass) AND attnum > 0 ORDER BY attrelid::regclass::text, attnum;
INSERT INTO events VALUES (1, 'login', '2024-01-01', 'ok'), (2, 'logout', '2024-01-02', 'bye') RETURNING tableoid::regclass, *;
UPDATE events SET kind = 'login' WHERE id = 2 RETURNING tableoid::regclass, *;
SELECT tableoid::regclass, * FROM events ORDER BY id;
SELECT * FROM events_login ORDER BY id;
-- Sub-partitions with their own layouts at each level.
CREATE TABLE metrics (host text, day date, value int) PARTITION BY LIST (host);
CREATE TABLE metrics_web (value int, day date, host text) PARTITION BY RANGE (day);
CREATE TABLE metrics_web_jan (day date, extra int, host text, value int);
ALTER TABLE metrics_web_jan DROP COLUMN extra;
ALTER TABLE metrics_web ATTACH PARTITION metrics_web_jan FOR VALUES FROM ('2024-01-01') TO ('2024-02-01');
ALTER TABLE metrics ATTACH PARTITION metrics_web FOR VALUES IN ('web');
INSERT INTO metrics VALUES ('web', '2024-01-15', 7), ('web', '2024-01-16', 8) RETURNING tableoid::regclass, *;
INSERT INTO metrics VALUES ('web', '2024-03-01', 1);
INSERT INTO metrics VALUES ('db', '2024-01-01', 1);
INSERT INTO metrics_web VALUES (1, '2024-01-20', 'db');
SELECT tableoid::regclass, * FROM metrics ORDER BY day;
UPDATE metrics SET value = value * 10 WHERE day = '2024-01-16' RETURNING *;
DELETE FROM metrics WHERE value = 7 RETURNING tableoid::regclass, *;
SELECT * FROM metrics_web_jan;
-- Row-level security on a partitioned table (set on the table itself, not its partitions).
CREATE ROLE apl_tenant_user;
CREATE TABLE tenant_notes (tenant int, body text) PARTITION BY LIST (tenant);
CREATE TABLE tenant_notes_1 PARTITION OF tenant_notes FOR VALUES IN (1);
CREATE TABLE tenant_notes_2 (body text, tenant int);
ALTER TABLE tenant_notes ATTACH PARTITION tenant_notes_2 FOR VALUES IN (2);
INSERT INTO tenant_notes VALUES (1, 'a'), (2, 'b');
ALTER TABLE tenant_notes ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_notes FORCE ROW LEVEL SECURITY;
SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname LIKE 'tenant_notes%' ORDER BY relname;
CREATE POLICY only_tenant_1 ON tenant_notes USING (tenant = 1) WITH CHECK (tenant = 1);
GRANT ALL ON tenant_notes, tenant_notes_1, tenant_notes_2 TO apl_tenant_user;
SET ROLE apl_tenant_user;
SELECT * FROM tenant_notes ORDER BY body;
SELECT * FROM tenant_notes_2;
INSERT INTO tenant_notes VALUES (2, 'c');
INSERT INTO tenant_notes VALUES (1, 'd') RETURNING *;
UPDATE tenant_notes SET body = body || '!' RETURNING *;
RESET ROLE;
ALTER TABLE tenant_notes DISABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_notes NO FORCE ROW LEVEL SECURITY;
SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname = 'tenant_notes';
DROP TABLE tenant_notes;
DROP ROLE apl_tenant_user;
