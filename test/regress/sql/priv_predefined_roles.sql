-- Predefined roles that grant table privileges everywhere (pg_read_all_data, pg_write_all_data,
-- pg_maintain), LOCK TABLE's privilege check by lock mode, SELECT ... FOR UPDATE needing UPDATE,
-- system catalogs PUBLIC cannot read, and has_*_privilege corner cases.
-- Roles are cluster-wide in Postgres: every role this file makes is dropped at its end.
CREATE ROLE ppr_reader;
CREATE ROLE ppr_writer;
CREATE ROLE ppr_plain;
CREATE ROLE ppr_locker;
GRANT pg_read_all_data TO ppr_reader;
GRANT pg_write_all_data TO ppr_writer;
CREATE SCHEMA ppr_private;
CREATE TABLE ppr_private.ledger (id int PRIMARY KEY, amount numeric, note text);
INSERT INTO ppr_private.ledger VALUES (1, 10, 'a'), (2, 20, 'b');
CREATE TABLE ppr_items (id int PRIMARY KEY, name text);
INSERT INTO ppr_items VALUES (1, 'one');
SET ROLE ppr_reader;
SELECT * FROM ppr_private.ledger ORDER BY id;
SELECT * FROM ppr_items;
INSERT INTO ppr_items VALUES (2, 'two');
SELECT has_table_privilege('ppr_private.ledger', 'SELECT'), has_table_privilege('ppr_private.ledger', 'INSERT'), has_schema_privilege('ppr_private', 'USAGE');
RESET ROLE;
SET ROLE ppr_writer;
INSERT INTO ppr_private.ledger VALUES (3, 30, 'c');
UPDATE ppr_items SET name = 'uno' WHERE id = 1;
DELETE FROM ppr_private.ledger WHERE id = 3;
SELECT * FROM ppr_items;
TRUNCATE ppr_items;
SELECT has_table_privilege('ppr_items', 'UPDATE'), has_table_privilege('ppr_items', 'SELECT');
RESET ROLE;
SELECT * FROM ppr_items;
-- LOCK TABLE: the privileges each mode needs
GRANT SELECT ON ppr_items TO ppr_locker;
GRANT INSERT ON ppr_private.ledger TO ppr_locker;
GRANT USAGE ON SCHEMA ppr_private TO ppr_locker;
SET ROLE ppr_locker;
BEGIN;
LOCK ppr_items IN ACCESS SHARE MODE;
LOCK ppr_items IN ROW SHARE MODE;
COMMIT;
BEGIN;
LOCK ppr_private.ledger IN ROW EXCLUSIVE MODE;
LOCK ppr_private.ledger IN SHARE MODE;
COMMIT;
BEGIN;
LOCK ppr_private.ledger IN ACCESS SHARE MODE;
COMMIT;
-- FOR UPDATE needs UPDATE as well as SELECT
SELECT * FROM ppr_items FOR UPDATE;
SELECT * FROM ppr_items FOR SHARE;
SELECT * FROM ppr_items;
RESET ROLE;
GRANT UPDATE (name) ON ppr_items TO ppr_locker;
SET ROLE ppr_locker;
SELECT * FROM ppr_items FOR UPDATE;
SELECT id FROM ppr_items FOR KEY SHARE;
RESET ROLE;
-- system catalogs only superusers read
SET ROLE ppr_plain;
SELECT count(*) FROM pg_authid;
SELECT count(*) > 0 FROM pg_roles;
SELECT * FROM pg_statistic LIMIT 0;
SELECT has_table_privilege('pg_authid', 'SELECT'), has_table_privilege('pg_class', 'SELECT'), has_table_privilege('pg_largeobject', 'SELECT');
SELECT has_column_privilege('pg_authid', 'rolname', 'SELECT'), has_column_privilege('pg_class', 'relname', 'SELECT');
SELECT has_column_privilege('pg_class', 'nosuchcol', 'SELECT');
SELECT has_column_privilege('pg_class', 999::int2, 'SELECT');
RESET ROLE;
-- has_*_privilege corner cases
SELECT has_table_privilege(-12345, 'ppr_items', 'SELECT');
SELECT has_table_privilege('ppr_items', 'SELECT WITH GRANT OPTION');
CREATE TABLE ppr_owned (a int, b int, c int);
ALTER TABLE ppr_owned OWNER TO ppr_plain;
SELECT has_table_privilege('ppr_plain', 'ppr_owned', 'SELECT WITH GRANT OPTION'), has_table_privilege('ppr_reader', 'ppr_owned', 'SELECT WITH GRANT OPTION');
ALTER TABLE ppr_owned DROP COLUMN b;
SELECT has_column_privilege('ppr_owned', '........pg.dropped.2........', 'SELECT');
SELECT has_column_privilege('ppr_owned', 2::int2, 'SELECT');
SELECT has_column_privilege('ppr_owned', 'b', 'SELECT');
-- GRANTED BY must name the current role for object privileges
GRANT SELECT ON ppr_items TO ppr_plain GRANTED BY ppr_reader;
GRANT SELECT ON ppr_items TO ppr_plain GRANTED BY CURRENT_USER;
GRANT SELECT ON ppr_items TO ppr_plain GRANTED BY ppr_nobody;
DROP TABLE ppr_owned, ppr_items;
DROP SCHEMA ppr_private CASCADE;
DROP ROLE ppr_reader, ppr_writer, ppr_plain, ppr_locker;
