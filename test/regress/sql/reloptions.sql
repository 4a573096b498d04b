-- Storage parameters: WITH (...) on tables, indexes, constraints, views, materialized views and
-- CREATE TABLE AS; ALTER ... SET / RESET; what pg_class.reloptions stores; validation errors.

CREATE TABLE events (id bigint, kind text, payload jsonb)
  WITH (fillfactor = 70, autovacuum_enabled = false, AUTOVACUUM_VACUUM_SCALE_FACTOR = 0.1, toast_tuple_target = 200);
SELECT reloptions FROM pg_class WHERE relname = 'events';
-- values are stored as written: keywords, strings, numbers, no value
CREATE TABLE t_bool (a int) WITH (autovacuum_enabled, fillfactor = '50', vacuum_truncate = yes, user_catalog_table = 1);
CREATE TABLE t_kw (a int) WITH (autovacuum_enabled = on, vacuum_index_cleanup = auto, log_autovacuum_min_duration = -1, parallel_workers = 0x10);
CREATE TABLE t_case (a int) WITH (autovacuum_enabled = FALSE, fillfactor = 010, vacuum_truncate = 'OFF', autovacuum_vacuum_cost_delay = 2.5);
CREATE TABLE t_str (a int) WITH (fillfactor = ' 20 ', autovacuum_vacuum_scale_factor = '1e-1', fillfactor_ignored_by_nothing_else_in_this_test_name_x = 1);
CREATE TABLE t_str (a int) WITH (fillfactor = ' 20 ', autovacuum_vacuum_scale_factor = '1e-1', vacuum_index_cleanup = 'TRUE');
CREATE TABLE t_round (a int) WITH (fillfactor = 50.5, autovacuum_freeze_max_age = 100000, autovacuum_analyze_threshold = 0);
CREATE TABLE t_oids (a int) WITH (oids = false);
SELECT relname, reloptions FROM pg_class WHERE relname LIKE 't\_%' ORDER BY relname;

-- errors
CREATE TABLE bad (a int) WITH (x = 1);
CREATE TABLE bad (a int) WITH ("FillFactor" = 10);
CREATE TABLE bad (a int) WITH (fillfactor = 5);
CREATE TABLE bad (a int) WITH (fillfactor = 101);
CREATE TABLE bad (a int) WITH (fillfactor = 'abc');
CREATE TABLE bad (a int) WITH (fillfactor);
CREATE TABLE bad (a int) WITH (autovacuum_enabled = 'maybe');
CREATE TABLE bad (a int) WITH (autovacuum_enabled = 2);
CREATE TABLE bad (a int) WITH (fillfactor = 50, fillfactor = 60);
CREATE TABLE bad (a int) WITH (fillfactor = 20, fillfactor = 'x');
CREATE TABLE bad (a int) WITH (oids = true);
CREATE TABLE bad (a int) WITH (oids);
CREATE TABLE bad (a int) WITH (autovacuum_vacuum_scale_factor = 200);
CREATE TABLE bad (a int) WITH (autovacuum_vacuum_scale_factor = 'lots');
CREATE TABLE bad (a int) WITH (vacuum_index_cleanup = maybe);
CREATE TABLE bad (a int) WITH (toast_tuple_target = 100);
CREATE TABLE bad (a int) WITH (parallel_workers = 2000);
CREATE TABLE bad (a int) WITH (foo.bar = 1);
CREATE TABLE bad (a int) WITH (security_barrier = true);
CREATE TABLE bad (a int) WITH (deduplicate_items = off);
CREATE TABLE IF NOT EXISTS events (a int) WITH (nonsense = 1);
SELECT count(*) FROM pg_class WHERE relname = 'bad';

-- ALTER TABLE SET / RESET: replaced options move to the end; RESET of an unset name is fine
ALTER TABLE events SET (fillfactor = 80, autovacuum_enabled = true);
SELECT reloptions FROM pg_class WHERE relname = 'events';
ALTER TABLE events RESET (fillfactor, nonexistent);
SELECT reloptions FROM pg_class WHERE relname = 'events';
ALTER TABLE events SET (fillfactor = 90), ADD COLUMN created date;
SELECT reloptions FROM pg_class WHERE relname = 'events';
ALTER TABLE events SET (fillfactor = 1000);
ALTER TABLE events SET (bogus = 1);
ALTER TABLE events SET (toast_tuple_target = 'x', fillfactor = 1);
ALTER TABLE events RESET (fillfactor = 10);
ALTER TABLE events SET (security_invoker);
ALTER TABLE events SET (oids = true);
SELECT reloptions FROM pg_class WHERE relname = 'events';
BEGIN;
ALTER TABLE events RESET (autovacuum_enabled, autovacuum_vacuum_scale_factor, toast_tuple_target, fillfactor);
SELECT reloptions FROM pg_class WHERE relname = 'events';
ROLLBACK;
SELECT reloptions FROM pg_class WHERE relname = 'events';
ALTER TABLE IF EXISTS no_such_table SET (fillfactor = 50);
-- data is unaffected
INSERT INTO events VALUES (1, 'click', '{}', NULL);
SELECT id, kind FROM events;

-- indexes
CREATE INDEX events_kind_idx ON events (kind) WITH (fillfactor = 60, deduplicate_items = off);
CREATE UNIQUE INDEX events_id_idx ON events (id) INCLUDE (kind) NULLS NOT DISTINCT WITH (fillfactor = 50, deduplicate_items = false) WHERE id > 0;
CREATE INDEX events_hash_idx ON events USING hash (kind) WITH (fillfactor = 20);
CREATE INDEX events_gin_idx ON events USING gin (payload) WITH (fastupdate = off, gin_pending_list_limit = 128);
SELECT c.relname, c.reloptions, pg_get_indexdef(c.oid) FROM pg_class c JOIN pg_index i ON i.indexrelid = c.oid
 WHERE i.indrelid = 'events'::regclass ORDER BY c.relname;
SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'events' ORDER BY indexname;
CREATE INDEX bad_idx ON events (kind) WITH (autovacuum_enabled = false);
CREATE INDEX bad_idx ON events USING hash (kind) WITH (deduplicate_items = off);
CREATE INDEX bad_idx ON events (kind) WITH (fillfactor = 9);
CREATE INDEX bad_idx ON events USING gin (payload) WITH (gin_pending_list_limit = 10);
CREATE INDEX bad_idx ON events USING gin (payload) WITH (fillfactor = 50);
ALTER INDEX events_kind_idx SET (fillfactor = 90);
ALTER INDEX events_kind_idx RESET (deduplicate_items);
ALTER TABLE events_kind_idx SET (deduplicate_items = true);
SELECT reloptions, pg_get_indexdef('events_kind_idx'::regclass) FROM pg_class WHERE relname = 'events_kind_idx';
ALTER INDEX events_kind_idx SET (deduplicate_items = 'x');
ALTER INDEX events_kind_idx SET (autovacuum_enabled = false);
ALTER INDEX events SET (fillfactor = 50);
ALTER INDEX events_gin_idx SET (fastupdate = on);
SELECT reloptions FROM pg_class WHERE relname = 'events_gin_idx';

-- PRIMARY KEY / UNIQUE ... WITH (...): the index holds the options, the constraint does not show them
CREATE TABLE accounts (id int PRIMARY KEY WITH (fillfactor = 50), email text, handle text,
  UNIQUE (email) WITH (fillfactor = 40), CONSTRAINT accounts_handle_key UNIQUE (handle) INCLUDE (id) WITH (deduplicate_items = off));
SELECT c.relname, c.reloptions, pg_get_indexdef(c.oid) FROM pg_class c WHERE c.relname LIKE 'accounts%' ORDER BY c.relname;
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'accounts'::regclass ORDER BY conname;
CREATE TABLE bad (id int PRIMARY KEY WITH (autovacuum_enabled = off));
CREATE TABLE bad (id int, UNIQUE (id) WITH (fillfactor = 0));
ALTER TABLE accounts DROP CONSTRAINT accounts_email_key, ADD CONSTRAINT accounts_email_key UNIQUE (email) WITH (fillfactor = 30);
SELECT reloptions FROM pg_class WHERE relname = 'accounts_email_key';
ALTER TABLE accounts ADD UNIQUE (email, handle) WITH (nope = 1);
CREATE TABLE accounts_copy (LIKE accounts INCLUDING INDEXES);
SELECT c.relname, c.reloptions FROM pg_class c WHERE c.relname LIKE 'accounts\_copy%' ORDER BY c.relname;

-- CREATE TABLE AS and materialized views
CREATE TABLE event_kinds WITH (fillfactor = 40) AS SELECT DISTINCT kind FROM events;
CREATE MATERIALIZED VIEW event_counts WITH (autovacuum_enabled = false) AS SELECT kind, count(*) AS n FROM events GROUP BY kind;
SELECT relname, relkind, reloptions FROM pg_class WHERE relname IN ('event_kinds', 'event_counts') ORDER BY relname;
CREATE TABLE bad WITH (bogus = 1) AS SELECT 1 AS x;
CREATE MATERIALIZED VIEW bad WITH (security_barrier) AS SELECT 1 AS x;
SELECT * INTO bad FROM events;
DROP TABLE bad;
ALTER MATERIALIZED VIEW event_counts SET (fillfactor = 50);
ALTER MATERIALIZED VIEW event_counts RESET (autovacuum_enabled);
ALTER MATERIALIZED VIEW events SET (fillfactor = 50);
REFRESH MATERIALIZED VIEW event_counts;
SELECT relname, reloptions FROM pg_class WHERE relname = 'event_counts';

-- views: security_barrier, security_invoker, check_option
CREATE TABLE orders (id int PRIMARY KEY, amount numeric, status text);
INSERT INTO orders VALUES (1, 10, 'open'), (2, 20, 'paid');
CREATE VIEW open_orders AS SELECT * FROM orders WHERE status = 'open' WITH CHECK OPTION;
CREATE VIEW big_orders WITH (security_barrier, security_invoker = true, check_option = local) AS SELECT * FROM orders WHERE amount > 5;
CREATE VIEW big_open WITH (check_option = cascaded) AS SELECT * FROM open_orders WHERE amount > 5;
CREATE VIEW order_totals WITH (security_barrier = 'off') AS SELECT status, sum(amount) FROM orders GROUP BY status;
CREATE VIEW bad_view WITH (check_option = local) AS SELECT * FROM orders WITH CASCADED CHECK OPTION;
CREATE VIEW bad_view WITH (check_option = maybe) AS SELECT * FROM orders;
CREATE VIEW bad_view WITH (fillfactor = 10) AS SELECT * FROM orders;
CREATE VIEW bad_view WITH (check_option = local) AS SELECT status, count(*) FROM orders GROUP BY status;
CREATE VIEW bad_view WITH (check_option) AS SELECT DISTINCT status FROM orders;
CREATE VIEW bad_view AS SELECT * FROM orders LIMIT 1 WITH LOCAL CHECK OPTION;
CREATE VIEW bad_view WITH (security_invoker = 'sometimes') AS SELECT * FROM orders;
SELECT relname, reloptions FROM pg_class WHERE relkind = 'v' AND relnamespace = 'public'::regnamespace ORDER BY relname;
SELECT table_name, check_option, is_updatable FROM information_schema.views WHERE table_schema = 'public' ORDER BY table_name;
SELECT pg_get_viewdef('big_orders'::regclass);
SELECT viewname, definition FROM pg_views WHERE viewname = 'big_orders';
INSERT INTO big_orders VALUES (3, 1, 'open');
INSERT INTO big_orders VALUES (3, 30, 'open');
INSERT INTO big_open VALUES (4, 40, 'paid');
INSERT INTO big_open VALUES (4, 1, 'open');
ALTER VIEW big_orders RESET (check_option);
INSERT INTO big_orders VALUES (5, 1, 'open');
ALTER VIEW big_orders SET (check_option = cascaded, security_barrier = false);
SELECT relname, reloptions FROM pg_class WHERE relname = 'big_orders';
UPDATE big_orders SET amount = 0 WHERE id = 3;
ALTER VIEW order_totals SET (check_option = local);
ALTER VIEW big_orders SET (fillfactor = 1);
ALTER VIEW big_orders SET (check_option = 'LOCAL');
ALTER TABLE open_orders SET (security_invoker);
ALTER INDEX open_orders SET (security_invoker);
ALTER VIEW orders SET (security_invoker);
ALTER TABLE orders SET (security_invoker);
SELECT relname, reloptions FROM pg_class WHERE relname IN ('open_orders', 'big_orders') ORDER BY relname;
SELECT table_name, check_option FROM information_schema.views WHERE table_schema = 'public' ORDER BY table_name;
CREATE OR REPLACE VIEW big_orders WITH (security_invoker) AS SELECT * FROM orders WHERE amount > 5;
SELECT reloptions FROM pg_class WHERE relname = 'big_orders';
INSERT INTO big_orders VALUES (6, 2, 'open');
CREATE OR REPLACE VIEW big_orders AS SELECT * FROM orders WHERE amount > 5;
SELECT reloptions FROM pg_class WHERE relname = 'big_orders';

-- psql's \d+ reads reloptions
SELECT c.relchecks, c.relkind, c.relhasindex, c.relhasrules, c.relhastriggers, c.relrowsecurity, c.relforcerowsecurity, false AS relhasoids, c.relispartition, pg_catalog.array_to_string(c.reloptions || array(select 'toast.' || x from pg_catalog.unnest(tc.reloptions) x), ', ')
, c.reltablespace, CASE WHEN c.reloftype = 0 THEN '' ELSE c.reloftype::pg_catalog.regtype::pg_catalog.text END, c.relpersistence, c.relreplident, am.amname
FROM pg_catalog.pg_class c
 LEFT JOIN pg_catalog.pg_class tc ON (c.reltoastrelid = tc.oid)
LEFT JOIN pg_catalog.pg_am am ON (c.relam = am.oid)
WHERE c.oid = 'public.events'::pg_catalog.regclass;
SELECT c.relchecks, c.relkind, c.relhasindex, c.relhasrules, c.relhastriggers, c.relrowsecurity, c.relforcerowsecurity, false AS relhasoids, c.relispartition, pg_catalog.array_to_string(c.reloptions || array(select 'toast.' || x from pg_catalog.unnest(tc.reloptions) x), ', ')
, c.reltablespace, CASE WHEN c.reloftype = 0 THEN '' ELSE c.reloftype::pg_catalog.regtype::pg_catalog.text END, c.relpersistence, c.relreplident, am.amname
FROM pg_catalog.pg_class c
 LEFT JOIN pg_catalog.pg_class tc ON (c.reltoastrelid = tc.oid)
LEFT JOIN pg_catalog.pg_am am ON (c.relam = am.oid)
WHERE c.oid = 'public.open_orders'::pg_catalog.regclass;

-- exclusion constraints take index options too
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TABLE bookings (room int, during tsrange, EXCLUDE USING gist (room WITH =, during WITH &&) WITH (fillfactor = 80, buffering = auto));
SELECT c.relname, c.reloptions, pg_get_indexdef(c.oid) FROM pg_class c WHERE c.relname = 'bookings_room_during_excl';
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'bookings_room_during_excl';
CREATE TABLE bad (room int, EXCLUDE USING gist (room WITH =) WITH (buffering = sometimes));
CREATE TABLE bad (room int, EXCLUDE USING gist (room WITH =) WITH (deduplicate_items = on));

-- TOAST options (stored on the table's TOAST relation)
CREATE TABLE documents (id int, body text) WITH (toast.autovacuum_enabled = false, fillfactor = 90);
