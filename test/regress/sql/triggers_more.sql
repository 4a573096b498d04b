-- Triggers on realistic application schemas: audit logs, versioning, counters, renames.

-- An audit log that stores whole rows as text (new.* / old.* in PL/pgSQL expressions).
CREATE TABLE accounts (id int PRIMARY KEY, email text NOT NULL, balance numeric(12,2) NOT NULL DEFAULT 0, status text);
CREATE TABLE audit_log (id serial PRIMARY KEY, op text, old_row text, new_row text, unchanged boolean);
CREATE FUNCTION audit_accounts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO audit_log (op, new_row) VALUES (TG_OP, new.*::text);
    RAISE NOTICE 'inserted %', new.*::text;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO audit_log (op, old_row, new_row, unchanged) VALUES (TG_OP, old.*::text, NEW.*::text, row(old.*) = row(new.*));
    IF row(old.*) IS NOT DISTINCT FROM row(new.*) THEN
      RAISE NOTICE 'row % not changed', new.id;
    ELSE
      RAISE NOTICE 'row % changed: % -> %', new.id, old.*, new.*;
    END IF;
  ELSE
    INSERT INTO audit_log (op, old_row) VALUES (TG_OP, OLD.*::text);
  END IF;
  RETURN coalesce(new, old);
END $$;
CREATE TRIGGER accounts_audit AFTER INSERT OR UPDATE OR DELETE ON accounts FOR EACH ROW EXECUTE FUNCTION audit_accounts();
INSERT INTO accounts VALUES (1, 'ann@example.com', 10, 'active'), (2, 'bob@example.com', 0, NULL);
UPDATE accounts SET status = status;
UPDATE accounts SET balance = balance + 5 WHERE id = 1;
DELETE FROM accounts WHERE id = 2;
SELECT op, old_row, new_row, unchanged FROM audit_log ORDER BY id;

-- new.* in a target list and in ROW() with a table column of the same name as the record.
CREATE FUNCTION show_new() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  SELECT new.* INTO r;
  RAISE NOTICE 'r = %, email = %', r, r.email;
  RAISE NOTICE 'row = %', row(new.*, TG_NAME);
  RETURN new;
END $$;
CREATE TRIGGER accounts_show BEFORE INSERT ON accounts FOR EACH ROW EXECUTE FUNCTION show_new();
INSERT INTO accounts VALUES (3, 'cy@example.com', 1.5, 'trial');
DROP TRIGGER accounts_show ON accounts;

-- UPDATE OF column lists decide statement-level triggers too.
CREATE TABLE products (id int PRIMARY KEY, name text, price numeric, stock int, updated_at timestamptz);
CREATE FUNCTION note() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE NOTICE '% % % % on %', TG_NAME, TG_WHEN, TG_LEVEL, TG_OP, TG_TABLE_NAME;
  RETURN NULL;
END $$;
CREATE TRIGGER price_stmt_before BEFORE UPDATE OF price ON products FOR EACH STATEMENT EXECUTE FUNCTION note();
CREATE TRIGGER price_stmt_after AFTER UPDATE OF price ON products FOR EACH STATEMENT EXECUTE FUNCTION note();
CREATE TRIGGER stock_stmt_after AFTER UPDATE OF stock, name ON products FOR EACH STATEMENT EXECUTE FUNCTION note();
CREATE TRIGGER price_row_after AFTER UPDATE OF price ON products FOR EACH ROW EXECUTE FUNCTION note();
CREATE TRIGGER any_stmt_after AFTER UPDATE ON products FOR EACH STATEMENT EXECUTE FUNCTION note();
INSERT INTO products VALUES (1, 'pen', 1.20, 100), (2, 'ink', 4.00, 10);
UPDATE products SET stock = stock - 1 WHERE id = 1;
UPDATE products SET price = price * 1.1;
UPDATE products SET price = price WHERE false;
UPDATE products SET name = upper(name), price = 2 WHERE id = 2;
INSERT INTO products VALUES (1, 'pen', 1.30, 5) ON CONFLICT (id) DO UPDATE SET stock = products.stock + excluded.stock;
INSERT INTO products VALUES (2, 'ink', 4.50, 5) ON CONFLICT (id) DO UPDATE SET price = excluded.price;
MERGE INTO products p USING (VALUES (1, 3)) v(id, n) ON p.id = v.id WHEN MATCHED THEN UPDATE SET stock = p.stock + v.n;
MERGE INTO products p USING (VALUES (2, 9.99)) v(id, pr) ON p.id = v.id WHEN MATCHED THEN UPDATE SET price = v.pr;
SELECT id, name, price, stock FROM products ORDER BY id;

-- ALTER TRIGGER ... RENAME TO.
ALTER TRIGGER price_row_after ON products RENAME TO products_price_changed;
SELECT tgname FROM pg_trigger WHERE tgrelid = 'products'::regclass ORDER BY tgname;
ALTER TRIGGER products_price_changed ON products RENAME TO price_stmt_after;
ALTER TRIGGER products_price_changed ON products RENAME TO products_price_changed;
ALTER TRIGGER no_such ON products RENAME TO other;
ALTER TRIGGER price_stmt_after ON no_such_table RENAME TO other;
UPDATE products SET price = 3 WHERE id = 1;
CREATE TABLE events (id int, kind text, at date) PARTITION BY LIST (kind);
CREATE TABLE events_click PARTITION OF events FOR VALUES IN ('click');
CREATE TRIGGER events_note AFTER INSERT ON events FOR EACH ROW EXECUTE FUNCTION note();
ALTER TRIGGER events_note ON events_click RENAME TO events_note2;
ALTER TRIGGER events_note ON events RENAME TO events_inserted;
SELECT tgrelid::regclass, tgname FROM pg_trigger WHERE tgname LIKE 'events%' ORDER BY tgrelid::regclass::text, 2;
INSERT INTO events VALUES (1, 'click', '2024-01-01');

-- CREATE OR REPLACE TRIGGER: swaps the function, timing or condition in place.
CREATE TABLE posts (id int PRIMARY KEY, title text, version int NOT NULL DEFAULT 1, updated_at timestamptz);
CREATE FUNCTION bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.version := OLD.version + 1;
  RAISE NOTICE 'bump_version: % -> %', OLD.version, NEW.version;
  RETURN NEW;
END $$;
CREATE FUNCTION bump_version_twice() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.version := OLD.version + 2;
  RAISE NOTICE 'bump_version_twice: % -> %', OLD.version, NEW.version;
  RETURN NEW;
END $$;
CREATE TRIGGER posts_version BEFORE UPDATE ON posts FOR EACH ROW EXECUTE FUNCTION bump_version();
INSERT INTO posts (id, title) VALUES (1, 'hello');
UPDATE posts SET title = 'hello, world';
CREATE TRIGGER posts_version BEFORE UPDATE ON posts FOR EACH ROW EXECUTE FUNCTION bump_version_twice();
CREATE OR REPLACE TRIGGER posts_version BEFORE UPDATE ON posts FOR EACH ROW EXECUTE FUNCTION bump_version_twice();
UPDATE posts SET title = 'hello again';
ALTER TABLE posts DISABLE TRIGGER posts_version;
SELECT tgenabled FROM pg_trigger WHERE tgname = 'posts_version';
CREATE OR REPLACE TRIGGER posts_version BEFORE UPDATE OF title ON posts FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title) EXECUTE FUNCTION bump_version();
SELECT tgenabled, pg_get_triggerdef(oid) FROM pg_trigger WHERE tgname = 'posts_version';
UPDATE posts SET title = title;
UPDATE posts SET title = 'bye';
SELECT id, title, version FROM posts;
CREATE CONSTRAINT TRIGGER posts_check AFTER UPDATE ON posts FOR EACH ROW EXECUTE FUNCTION note();
CREATE OR REPLACE TRIGGER posts_check AFTER UPDATE ON posts FOR EACH ROW EXECUTE FUNCTION note();
CREATE OR REPLACE CONSTRAINT TRIGGER posts_check AFTER UPDATE ON posts FOR EACH ROW EXECUTE FUNCTION note();
DROP TRIGGER posts_check ON posts;

-- ... on a partitioned table: the partitions' clones are replaced too.
CREATE TABLE orders (id int, region text, total numeric) PARTITION BY LIST (region);
CREATE TABLE orders_eu PARTITION OF orders FOR VALUES IN ('eu') PARTITION BY LIST (region);
CREATE TABLE orders_eu_1 PARTITION OF orders_eu FOR VALUES IN ('eu');
CREATE TABLE orders_us PARTITION OF orders FOR VALUES IN ('us');
CREATE FUNCTION order_a() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE 'order_a on %', TG_TABLE_NAME; RETURN NULL; END $$;
CREATE FUNCTION order_b() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE 'order_b on %', TG_TABLE_NAME; RETURN NULL; END $$;
CREATE OR REPLACE TRIGGER order_placed AFTER INSERT ON orders FOR EACH ROW EXECUTE FUNCTION order_a();
INSERT INTO orders VALUES (1, 'eu', 10);
CREATE OR REPLACE TRIGGER order_placed AFTER INSERT ON orders FOR EACH ROW EXECUTE FUNCTION order_b();
INSERT INTO orders VALUES (2, 'eu', 20), (3, 'us', 5);
CREATE OR REPLACE TRIGGER order_placed AFTER INSERT ON orders_eu FOR EACH ROW EXECUTE FUNCTION order_a();
SELECT tgrelid::regclass, tgname, tgfoid::regproc, tgparentid <> 0 AS is_clone FROM pg_trigger WHERE tgname = 'order_placed' ORDER BY tgrelid::regclass::text;
DROP TRIGGER order_placed ON orders;
CREATE TRIGGER order_placed AFTER INSERT ON orders_eu_1 FOR EACH ROW EXECUTE FUNCTION order_a();
CREATE TRIGGER order_placed AFTER INSERT ON orders FOR EACH ROW EXECUTE FUNCTION order_b();
INSERT INTO orders VALUES (4, 'eu', 1);
CREATE OR REPLACE TRIGGER order_placed AFTER INSERT ON orders FOR EACH ROW EXECUTE FUNCTION order_b();
INSERT INTO orders VALUES (5, 'eu', 1);
SELECT tgrelid::regclass, tgname, tgfoid::regproc, tgparentid <> 0 AS is_clone FROM pg_trigger WHERE tgname = 'order_placed' ORDER BY tgrelid::regclass::text;

-- session_replication_role: a replica (or a data load) fires only REPLICA / ALWAYS triggers, and no foreign-key checks.
CREATE TABLE teams (id int PRIMARY KEY, name text);
CREATE TABLE members (id int PRIMARY KEY, team_id int REFERENCES teams ON DELETE CASCADE, name text);
CREATE TRIGGER members_origin AFTER INSERT ON members FOR EACH ROW EXECUTE FUNCTION note();
CREATE TRIGGER members_replica AFTER INSERT ON members FOR EACH ROW EXECUTE FUNCTION note();
CREATE TRIGGER members_always BEFORE INSERT ON members FOR EACH STATEMENT EXECUTE FUNCTION note();
ALTER TABLE members ENABLE REPLICA TRIGGER members_replica;
ALTER TABLE members ENABLE ALWAYS TRIGGER members_always;
SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = 'members'::regclass AND NOT tgisinternal ORDER BY tgname;
INSERT INTO teams VALUES (1, 'core');
INSERT INTO members VALUES (1, 1, 'ann');
SET session_replication_role = replica;
INSERT INTO members VALUES (2, 99, 'orphan');
DELETE FROM teams WHERE id = 1;
SELECT * FROM members ORDER BY id;
SET session_replication_role = local;
INSERT INTO members VALUES (3, 98, 'bad');
RESET session_replication_role;
INSERT INTO teams VALUES (1, 'core again');
INSERT INTO members VALUES (4, 1, 'dan');
DELETE FROM teams WHERE id = 1;
SELECT * FROM members ORDER BY id;
BEGIN;
SET LOCAL session_replication_role = replica;
INSERT INTO members VALUES (5, 7, 'eve');
COMMIT;
SHOW session_replication_role;
INSERT INTO members VALUES (6, 7, 'fay');
ALTER TABLE members DISABLE TRIGGER USER;
INSERT INTO members VALUES (7, NULL, 'gus');
ALTER TABLE members ENABLE TRIGGER ALL;
INSERT INTO members VALUES (8, NULL, 'hal');

-- Transition tables of statement triggers on a partitioned table: rows of every partition.
CREATE TABLE metrics (id int, region text, value int) PARTITION BY LIST (region);
CREATE TABLE metrics_eu PARTITION OF metrics FOR VALUES IN ('eu');
CREATE TABLE metrics_us PARTITION OF metrics FOR VALUES IN ('us', 'ca') PARTITION BY LIST (region);
CREATE TABLE metrics_us_main PARTITION OF metrics_us FOR VALUES IN ('us');
CREATE TABLE metrics_ca PARTITION OF metrics_us FOR VALUES IN ('ca');
CREATE TABLE metric_totals (op text, n int, total int);
CREATE FUNCTION metrics_new_summary() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO metric_totals SELECT TG_OP, count(*), sum(value) FROM new_rows;
  RAISE NOTICE '% on %: %', TG_OP, TG_TABLE_NAME, (SELECT string_agg(id || ':' || region || ':' || value, ', ' ORDER BY id) FROM new_rows);
  RETURN NULL;
END $$;
CREATE FUNCTION metrics_old_summary() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE NOTICE '% on % old: %', TG_OP, TG_TABLE_NAME, (SELECT string_agg(id || ':' || region || ':' || value, ', ' ORDER BY id) FROM old_rows);
  RETURN NULL;
END $$;
CREATE FUNCTION metrics_upd_summary() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE NOTICE 'UPDATE on %: old % / new %', TG_TABLE_NAME,
    (SELECT string_agg(id || ':' || region || ':' || value, ', ' ORDER BY id) FROM old_rows),
    (SELECT string_agg(id || ':' || region || ':' || value, ', ' ORDER BY id) FROM new_rows);
  RETURN NULL;
END $$;
CREATE TRIGGER metrics_row_tt AFTER INSERT ON metrics REFERENCING NEW TABLE AS new_rows FOR EACH ROW EXECUTE FUNCTION metrics_new_summary();
CREATE TRIGGER metrics_row_tt BEFORE INSERT ON metrics REFERENCING NEW TABLE AS new_rows FOR EACH ROW EXECUTE FUNCTION metrics_new_summary();
CREATE TRIGGER metrics_eu_row_tt AFTER INSERT ON metrics_eu REFERENCING NEW TABLE AS new_rows FOR EACH ROW EXECUTE FUNCTION metrics_new_summary();
CREATE TRIGGER metrics_ins AFTER INSERT ON metrics REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metrics_new_summary();
CREATE TRIGGER metrics_del AFTER DELETE ON metrics REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION metrics_old_summary();
CREATE TRIGGER metrics_upd AFTER UPDATE ON metrics REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metrics_upd_summary();
CREATE TRIGGER metrics_us_ins AFTER INSERT ON metrics_us REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metrics_new_summary();
INSERT INTO metrics VALUES (1, 'eu', 10), (2, 'us', 20), (3, 'ca', 30), (4, 'eu', 40);
INSERT INTO metrics_us VALUES (5, 'ca', 50);
INSERT INTO metrics_eu VALUES (6, 'eu', 60);
INSERT INTO metrics SELECT 7, 'us', 70 WHERE false;
UPDATE metrics SET value = value + 1 WHERE region <> 'eu';
UPDATE metrics SET region = 'us' WHERE id = 1;
UPDATE metrics_us SET value = 0 WHERE id = 5;
DELETE FROM metrics WHERE value > 35;
DELETE FROM metrics_eu;
SELECT * FROM metric_totals;
SELECT tableoid::regclass, * FROM metrics ORDER BY id;
CREATE VIEW metrics_v AS SELECT * FROM metrics;
CREATE TRIGGER metrics_v_tt AFTER INSERT ON metrics_v REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metrics_new_summary();
CREATE TRIGGER metrics_v_tt INSTEAD OF INSERT ON metrics_v REFERENCING NEW TABLE AS new_rows FOR EACH ROW EXECUTE FUNCTION metrics_new_summary();

-- WHEN conditions as the catalog prints them, and what they may reference.
CREATE TABLE profiles (id int PRIMARY KEY, username text, bio text, updated_at timestamptz);
CREATE TRIGGER profiles_changed BEFORE UPDATE ON profiles FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION note();
CREATE TRIGGER profiles_same AFTER UPDATE ON profiles FOR EACH ROW WHEN (old.* = new.* OR new.username IS NULL) EXECUTE FUNCTION note();
SELECT pg_get_triggerdef(oid), pg_get_triggerdef(oid, true) FROM pg_trigger WHERE tgrelid = 'profiles'::regclass ORDER BY tgname;
SELECT trigger_name, action_condition FROM information_schema.triggers WHERE event_object_table = 'profiles' ORDER BY trigger_name;
INSERT INTO profiles VALUES (1, 'ann', NULL, NULL);
UPDATE profiles SET bio = bio;
UPDATE profiles SET bio = 'hi';
CREATE TRIGGER profiles_sys BEFORE INSERT OR UPDATE ON profiles FOR EACH ROW WHEN (NEW.tableoid <> 0) EXECUTE FUNCTION note();
CREATE TRIGGER profiles_sys BEFORE UPDATE ON profiles FOR EACH ROW WHEN (OLD.xmin <> '0' AND NEW.ctid IS NOT NULL) EXECUTE FUNCTION note();
CREATE TRIGGER profiles_sys BEFORE UPDATE ON profiles FOR EACH ROW WHEN (OLD.tableoid <> 0) EXECUTE FUNCTION note();
CREATE TRIGGER profiles_sys_after AFTER UPDATE ON profiles FOR EACH ROW WHEN (NEW.tableoid <> 0) EXECUTE FUNCTION note();
UPDATE profiles SET bio = 'hello';

-- Dropping a column that a trigger's UPDATE OF list or WHEN condition names.
CREATE TABLE invoices (id int PRIMARY KEY, amount numeric, currency text, paid_at timestamptz, note text);
CREATE TRIGGER invoices_amount BEFORE UPDATE OF amount ON invoices FOR EACH ROW EXECUTE FUNCTION note();
CREATE TRIGGER invoices_paid AFTER UPDATE ON invoices FOR EACH ROW WHEN (OLD.paid_at IS NULL AND NEW.paid_at IS NOT NULL) EXECUTE FUNCTION note();
CREATE TRIGGER invoices_money AFTER UPDATE OF currency, amount ON invoices FOR EACH STATEMENT EXECUTE FUNCTION note();
ALTER TABLE invoices DROP COLUMN amount;
ALTER TABLE invoices DROP COLUMN paid_at;
ALTER TABLE invoices DROP COLUMN note;
ALTER TABLE invoices DROP COLUMN paid_at CASCADE;
ALTER TABLE invoices DROP COLUMN amount CASCADE;
SELECT tgname FROM pg_trigger WHERE tgrelid = 'invoices'::regclass ORDER BY tgname;
INSERT INTO invoices VALUES (1, 'EUR');
UPDATE invoices SET currency = 'USD';

-- Deferred triggers run as the role that queued their event (Postgres 18).
CREATE ROLE regress_trg_alice;
CREATE ROLE regress_trg_bob;
CREATE TABLE signups (id int);
GRANT INSERT ON signups TO PUBLIC;
CREATE FUNCTION signup_whoami() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE NOTICE 'signup % checked by % (session user %)', NEW.id, current_user, session_user;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER signups_check AFTER INSERT ON signups DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION signup_whoami();
BEGIN;
SET ROLE regress_trg_alice;
INSERT INTO signups VALUES (1);
RESET ROLE;
SET ROLE regress_trg_bob;
INSERT INTO signups VALUES (2);
RESET ROLE;
INSERT INTO signups VALUES (3);
COMMIT;
SELECT current_user;
ALTER FUNCTION signup_whoami() OWNER TO regress_trg_bob;
ALTER FUNCTION signup_whoami() SECURITY DEFINER;
BEGIN;
SET ROLE regress_trg_alice;
INSERT INTO signups VALUES (4);
RESET ROLE;
COMMIT;
DROP TABLE signups;
DROP FUNCTION signup_whoami();
DROP ROLE regress_trg_alice;
DROP ROLE regress_trg_bob;

-- Constraint triggers: WHEN is evaluated as the row is queued; SET CONSTRAINTS defers or fires them.
CREATE TABLE ledger (id int, account text, delta int);
CREATE FUNCTION loud(t text) RETURNS boolean LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE 'checking %', t; RETURN true; END $$;
CREATE FUNCTION ledger_note() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE NOTICE '% fired for %/%', TG_NAME, NEW.id, NEW.account;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER ledger_immediate AFTER INSERT ON ledger DEFERRABLE FOR EACH ROW EXECUTE FUNCTION ledger_note();
CREATE CONSTRAINT TRIGGER ledger_deferred AFTER INSERT ON ledger DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (loud(NEW.account) AND NEW.delta < 0) EXECUTE FUNCTION ledger_note();
CREATE CONSTRAINT TRIGGER ledger_strict AFTER INSERT ON ledger FOR EACH ROW WHEN (NEW.delta = 0) EXECUTE FUNCTION ledger_note();
CREATE TRIGGER ledger_plain AFTER INSERT ON ledger FOR EACH ROW WHEN (loud('plain ' || NEW.id)) EXECUTE FUNCTION ledger_note();
INSERT INTO ledger VALUES (1, 'cash', -5), (2, 'bank', 5);
BEGIN;
INSERT INTO ledger VALUES (3, 'cash', -1);
SET CONSTRAINTS ledger_immediate DEFERRED;
INSERT INTO ledger VALUES (4, 'bank', -2);
SET CONSTRAINTS ledger_deferred IMMEDIATE;
INSERT INTO ledger VALUES (5, 'cash', -3);
COMMIT;
BEGIN;
SET CONSTRAINTS ALL DEFERRED;
INSERT INTO ledger VALUES (6, 'cash', 0);
INSERT INTO ledger VALUES (7, 'bank', -7);
SET CONSTRAINTS ALL IMMEDIATE;
INSERT INTO ledger VALUES (8, 'cash', -8);
COMMIT;
BEGIN;
SET CONSTRAINTS ledger_strict DEFERRED;
ROLLBACK;
BEGIN;
SET CONSTRAINTS ledger_deferred, ledger_immediate DEFERRED;
INSERT INTO ledger VALUES (9, 'cash', -9);
ROLLBACK;
SELECT count(*) FROM ledger;
