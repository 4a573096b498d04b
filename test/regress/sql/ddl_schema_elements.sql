-- CREATE SCHEMA with elements, as a module's install script writes it: elements may name objects
-- written after them (Postgres runs tables before views before indexes before grants), and the
-- new schema is searched first while they run; DROP SCHEMA CASCADE of every kind of member.
CREATE ROLE ddl_schema_reader;
CREATE SCHEMA inventory
  CREATE INDEX items_sku_idx ON items (sku)
  CREATE VIEW cheap_items AS SELECT sku, price FROM items WHERE price < 10
  GRANT SELECT ON items TO ddl_schema_reader
  CREATE TABLE items (id serial PRIMARY KEY, sku text UNIQUE, price numeric)
  CREATE SEQUENCE batch_no START 100;
INSERT INTO inventory.items (sku, price) VALUES ('a-1', 5), ('b-2', 50);
SELECT * FROM inventory.cheap_items;
SELECT relname, relkind FROM pg_class WHERE relnamespace = 'inventory'::regnamespace ORDER BY relname;
SELECT has_table_privilege('ddl_schema_reader', 'inventory.items', 'SELECT');
SELECT nextval('inventory.batch_no');

-- an element's unqualified names look in the new schema first, then the session's path
CREATE TABLE public.rates (code text, pct numeric);
CREATE SCHEMA pricing
  CREATE VIEW discounted AS SELECT i.sku, i.price * (1 - r.pct) AS price FROM inventory.items i, rates r
  CREATE TABLE rates (code text, pct numeric, valid_from date);
SELECT attname FROM pg_attribute WHERE attrelid = 'pricing.discounted'::regclass AND attnum > 0 ORDER BY attnum;
SHOW search_path;

-- errors: a failing element leaves nothing behind; a schema named differently; IF NOT EXISTS
CREATE SCHEMA broken
  CREATE TABLE t (a int)
  CREATE VIEW v AS SELECT b FROM t;
SELECT count(*) FROM pg_namespace WHERE nspname = 'broken';
CREATE SCHEMA broken CREATE TABLE other.t (a int);
CREATE SCHEMA IF NOT EXISTS inventory CREATE TABLE t (a int);
CREATE SCHEMA IF NOT EXISTS inventory;
BEGIN;
SET LOCAL search_path TO public, inventory;
CREATE SCHEMA broken CREATE VIEW v AS SELECT no_such_column FROM items;
COMMIT;
SHOW search_path;

-- DROP SCHEMA CASCADE lists every member once (a partition goes with its table)
CREATE SCHEMA archive;
CREATE TABLE archive.events (at date, what text) PARTITION BY RANGE (at);
CREATE TABLE archive.events_2024 PARTITION OF archive.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TYPE archive.pair AS (a int, b int);
CREATE MATERIALIZED VIEW archive.event_counts AS SELECT what, count(*) FROM archive.events GROUP BY what;
CREATE SEQUENCE archive.ids;
CREATE TABLE archive.notes (id serial, body text);
DROP SCHEMA archive;
DROP SCHEMA archive CASCADE;
SELECT count(*) FROM pg_type WHERE typname IN ('pair', '_pair', 'events', 'event_counts');
DROP SCHEMA inventory;
DROP SCHEMA inventory CASCADE;
DROP SCHEMA pricing CASCADE;
DROP ROLE ddl_schema_reader;
