-- Temporary tables: per-session, shadowing permanent tables, ON COMMIT actions, DISCARD.
CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL);
INSERT INTO items VALUES (1, 'permanent');

CREATE TEMP TABLE scratch (id serial PRIMARY KEY, note text);
INSERT INTO scratch (note) VALUES ('a'), ('b');
SELECT * FROM scratch ORDER BY id;
SELECT relpersistence FROM pg_class WHERE relname = 'scratch';
SELECT nspname LIKE 'pg_temp_%' AS in_temp_schema FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE relname = 'scratch';
SELECT count(*) FROM pg_temp.scratch;

-- A temporary table hides a permanent one of the same name.
CREATE TEMPORARY TABLE items (id int, name text);
INSERT INTO items VALUES (2, 'temporary');
SELECT * FROM items;
SELECT * FROM public.items;
DROP TABLE items;
SELECT * FROM items;

-- ON COMMIT DELETE ROWS empties the table at every commit.
CREATE TEMP TABLE cart (sku text, qty int) ON COMMIT DELETE ROWS;
INSERT INTO cart VALUES ('x', 1);
SELECT count(*) FROM cart;
BEGIN;
INSERT INTO cart VALUES ('y', 2);
SELECT count(*) FROM cart;
COMMIT;
SELECT count(*) FROM cart;

-- ON COMMIT DROP drops it at the end of the creating transaction.
BEGIN;
CREATE TEMP TABLE staging (v int) ON COMMIT DROP;
INSERT INTO staging VALUES (1), (2);
SELECT sum(v) FROM staging;
COMMIT;
SELECT * FROM staging;
BEGIN;
CREATE TEMP TABLE staging (v int) ON COMMIT DROP;
ROLLBACK;
SELECT * FROM staging;

-- ON COMMIT PRESERVE ROWS is the default.
CREATE TEMP TABLE kept (v int) ON COMMIT PRESERVE ROWS;
INSERT INTO kept VALUES (7);
SELECT * FROM kept;

-- Errors.
CREATE TABLE perm (v int) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE public.bad (v int);
CREATE TEMP TABLE pg_temp.qualified (v int);
INSERT INTO pg_temp.qualified VALUES (3);
SELECT * FROM qualified;

-- A temporary table created in a rolled-back transaction is gone.
BEGIN;
CREATE TEMP TABLE gone (v int);
ROLLBACK;
SELECT * FROM gone;

-- Indexes, constraints and CREATE TEMP TABLE ... AS work as on permanent tables.
CREATE TEMP TABLE t2 (a int UNIQUE, b text CHECK (b <> ''));
INSERT INTO t2 VALUES (1, 'x');
INSERT INTO t2 VALUES (1, 'y') ON CONFLICT (a) DO UPDATE SET b = excluded.b RETURNING *;
SELECT conname FROM pg_constraint WHERE conrelid = 't2'::regclass ORDER BY conname;

-- DISCARD TEMP drops every temporary table of the session.
DISCARD TEMP;
SELECT * FROM scratch;
SELECT * FROM items;
BEGIN;
DISCARD ALL;
ROLLBACK;
