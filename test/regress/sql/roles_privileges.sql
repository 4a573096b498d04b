-- Object privileges: GRANT / REVOKE on tables, columns, sequences, schemas, functions; the checks
-- statements make for a role that is not a superuser; ACLs in the catalogs; ownership.
-- Roles are cluster-wide in Postgres: every role this file makes is dropped at its end.
CREATE ROLE rp_owner;
CREATE ROLE rp_reader;
CREATE ROLE rp_writer;
CREATE ROLE rp_group;
GRANT rp_group TO rp_writer;
CREATE TABLE accounts (id int PRIMARY KEY, name text NOT NULL, balance numeric DEFAULT 0, secret text);
INSERT INTO accounts VALUES (1, 'alice', 100, 's1'), (2, 'bob', 50, 's2');
CREATE SEQUENCE rp_seq;
CREATE VIEW account_names AS SELECT id, name FROM accounts;
SELECT relname, relacl FROM pg_class WHERE relname IN ('accounts', 'rp_seq', 'account_names') ORDER BY relname;
GRANT SELECT ON accounts TO rp_reader;
GRANT SELECT, INSERT, UPDATE (balance), DELETE ON accounts TO rp_group;
GRANT SELECT (id, name) ON accounts TO rp_writer;
GRANT USAGE ON rp_seq TO rp_writer;
GRANT SELECT ON account_names TO rp_reader, rp_writer;
SELECT relname, relacl FROM pg_class WHERE relname IN ('accounts', 'rp_seq', 'account_names') ORDER BY relname;
SELECT attname, attacl FROM pg_attribute WHERE attrelid = 'accounts'::regclass AND attnum > 0 ORDER BY attnum;
GRANT EXECUTE ON TABLE accounts TO rp_reader;
GRANT USAGE ON accounts TO rp_reader;
GRANT SELECT ON missing_table TO rp_reader;
GRANT SELECT ON accounts TO rp_nobody;
GRANT SELECT (nope) ON accounts TO rp_reader;
GRANT INSERT, DELETE ON rp_seq TO rp_reader;
-- the reader
SET ROLE rp_reader;
SELECT id, name, balance FROM accounts ORDER BY id;
SELECT * FROM account_names ORDER BY id;
INSERT INTO accounts VALUES (3, 'carol', 0, 'x');
UPDATE accounts SET balance = 0;
DELETE FROM accounts;
TRUNCATE accounts;
SELECT nextval('rp_seq');
SELECT has_table_privilege('accounts', 'SELECT'), has_table_privilege('accounts', 'INSERT'), has_table_privilege('rp_writer', 'accounts', 'DELETE');
RESET ROLE;
-- the writer: through rp_group, and its own column grants
SET ROLE rp_writer;
SELECT id, name FROM accounts ORDER BY id;
SELECT id, name, secret FROM accounts ORDER BY id;
INSERT INTO accounts (id, name) VALUES (3, 'carol');
UPDATE accounts SET balance = balance + 1 WHERE id = 3;
UPDATE accounts SET name = 'x' WHERE id = 3;
DELETE FROM accounts WHERE id = 3;
SELECT nextval('rp_seq') > 0;
RESET ROLE;
-- column-only privileges
REVOKE ALL ON accounts FROM rp_group;
GRANT UPDATE (balance) ON accounts TO rp_group;
SET ROLE rp_writer;
SELECT id, name FROM accounts ORDER BY id;
SELECT count(*) FROM accounts;
SELECT * FROM accounts;
UPDATE accounts SET balance = 0 WHERE id = 1;
UPDATE accounts SET balance = 0;
RESET ROLE;
SELECT has_column_privilege('rp_writer', 'accounts', 'name', 'SELECT'), has_column_privilege('rp_writer', 'accounts', 'secret', 'SELECT'),
       has_any_column_privilege('rp_writer', 'accounts', 'UPDATE'), has_table_privilege('rp_writer', 'accounts', 'UPDATE');
-- REVOKE
REVOKE SELECT ON accounts FROM rp_reader;
SET ROLE rp_reader;
SELECT id FROM accounts;
SELECT * FROM account_names ORDER BY id;
RESET ROLE;
-- PUBLIC
GRANT SELECT ON accounts TO PUBLIC;
SELECT relacl FROM pg_class WHERE relname = 'accounts';
SET ROLE rp_reader;
SELECT count(*) FROM accounts;
RESET ROLE;
REVOKE SELECT ON accounts FROM PUBLIC;
-- grant options
GRANT SELECT ON accounts TO rp_reader WITH GRANT OPTION;
SET ROLE rp_reader;
GRANT SELECT ON accounts TO rp_owner;
GRANT INSERT ON accounts TO rp_owner;
RESET ROLE;
SELECT relacl FROM pg_class WHERE relname = 'accounts';
REVOKE GRANT OPTION FOR SELECT ON accounts FROM rp_reader;
REVOKE GRANT OPTION FOR SELECT ON accounts FROM rp_reader CASCADE;
SELECT relacl FROM pg_class WHERE relname = 'accounts';
-- schemas
CREATE SCHEMA app;
CREATE TABLE app.items (id int);
GRANT SELECT ON app.items TO rp_reader;
SET ROLE rp_reader;
SELECT * FROM app.items;
CREATE TABLE app.mine (id int);
CREATE TABLE public.mine (id int);
RESET ROLE;
GRANT USAGE ON SCHEMA app TO rp_reader;
SELECT nspname, nspacl FROM pg_namespace WHERE nspname IN ('app', 'public') ORDER BY 1;
SET ROLE rp_reader;
SELECT * FROM app.items;
RESET ROLE;
GRANT CREATE ON SCHEMA app TO rp_reader;
SET ROLE rp_reader;
CREATE TABLE app.mine (id int);
INSERT INTO app.mine VALUES (1);
SELECT * FROM app.mine;
SELECT tableowner FROM pg_tables WHERE tablename = 'mine';
RESET ROLE;
SELECT has_schema_privilege('rp_reader', 'app', 'CREATE'), has_schema_privilege('rp_writer', 'app', 'USAGE'), has_schema_privilege('rp_writer', 'public', 'USAGE');
-- functions: EXECUTE is PUBLIC's by default
CREATE FUNCTION add_one(i int) RETURNS int LANGUAGE sql AS 'SELECT i + 1';
SET ROLE rp_reader;
SELECT add_one(1);
RESET ROLE;
REVOKE EXECUTE ON FUNCTION add_one(int) FROM PUBLIC;
SELECT proacl FROM pg_proc WHERE proname = 'add_one';
SET ROLE rp_reader;
SELECT add_one(1);
RESET ROLE;
GRANT EXECUTE ON FUNCTION add_one(int) TO rp_reader;
SET ROLE rp_reader;
SELECT add_one(1);
RESET ROLE;
-- ownership
SET ROLE rp_reader;
ALTER TABLE accounts ADD COLUMN x int;
DROP TABLE accounts;
ALTER TABLE app.mine ADD COLUMN note text;
ALTER TABLE app.mine OWNER TO rp_writer;
RESET ROLE;
ALTER TABLE accounts OWNER TO rp_owner;
SELECT relname, relowner::regrole, relacl FROM pg_class WHERE relname IN ('accounts', 'accounts_pkey') ORDER BY 1;
ALTER TABLE accounts OWNER TO rp_nobody;
SET ROLE rp_owner;
SELECT count(*) FROM accounts;
GRANT SELECT ON accounts TO rp_writer;
RESET ROLE;
SELECT relacl FROM pg_class WHERE relname = 'accounts';
DROP ROLE rp_owner;
-- ALL TABLES IN SCHEMA
GRANT ALL ON ALL TABLES IN SCHEMA app TO rp_writer;
SELECT relname, relacl FROM pg_class WHERE relnamespace = 'app'::regnamespace ORDER BY 1;
REVOKE ALL ON ALL TABLES IN SCHEMA app FROM rp_writer;
SELECT relname, relacl FROM pg_class WHERE relnamespace = 'app'::regnamespace ORDER BY 1;
-- cleanup: objects first, then roles
DROP SCHEMA app CASCADE;
DROP VIEW account_names;
DROP TABLE accounts;
DROP SEQUENCE rp_seq;
DROP FUNCTION add_one(int);
DROP TABLE IF EXISTS public.mine;
DROP ROLE rp_owner, rp_reader, rp_writer, rp_group;
