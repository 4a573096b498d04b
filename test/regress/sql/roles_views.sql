-- Privileges through views (the owner's rights on the tables below), COPY's checks, sequences
-- and serial columns, SECURITY DEFINER functions, and ownership changes of other objects.
-- Roles are cluster-wide in Postgres: every role this file makes is dropped at its end.
CREATE ROLE rv_owner;
CREATE ROLE rv_user;
CREATE TABLE rv_base (id serial PRIMARY KEY, note text, hidden text DEFAULT 'h');
INSERT INTO rv_base (note) VALUES ('one'), ('two');
CREATE VIEW rv_notes AS SELECT id, note FROM rv_base WHERE id < 100;
GRANT SELECT, INSERT, UPDATE, DELETE ON rv_notes TO rv_user;
SET ROLE rv_user;
SELECT * FROM rv_notes ORDER BY id;
SELECT * FROM rv_base;
INSERT INTO rv_notes (note) VALUES ('three');
RESET ROLE;
GRANT USAGE ON SEQUENCE rv_base_id_seq TO rv_user;
SET ROLE rv_user;
INSERT INTO rv_notes (note) VALUES ('three');
UPDATE rv_notes SET note = 'TWO' WHERE id = 2;
DELETE FROM rv_notes WHERE id = 1;
SELECT * FROM rv_notes ORDER BY id;
RESET ROLE;
SELECT id, note, hidden FROM rv_base ORDER BY id;
-- a view owned by a role without rights on its table fails for everyone but superusers
ALTER VIEW rv_notes OWNER TO rv_owner;
SET ROLE rv_user;
SELECT * FROM rv_notes ORDER BY id;
INSERT INTO rv_notes (note) VALUES ('four');
RESET ROLE;
GRANT SELECT, INSERT ON rv_base TO rv_owner;
SET ROLE rv_user;
SELECT count(*) FROM rv_notes;
INSERT INTO rv_notes (note) VALUES ('four');
UPDATE rv_notes SET note = 'x';
RESET ROLE;
-- COPY
SET ROLE rv_user;
COPY rv_base TO STDOUT;
COPY rv_base (id) FROM '/tmp/nowhere';
COPY rv_base TO '/tmp/nowhere';
COPY (SELECT id FROM rv_notes ORDER BY id) TO STDOUT;
RESET ROLE;
-- sequences
SET ROLE rv_user;
SELECT nextval('rv_base_id_seq') > 0;
SELECT setval('rv_base_id_seq', 100);
SELECT currval('rv_base_id_seq') > 0;
SELECT last_value FROM rv_base_id_seq;
RESET ROLE;
GRANT SELECT ON SEQUENCE rv_base_id_seq TO rv_user;
SET ROLE rv_user;
SELECT last_value > 0 FROM rv_base_id_seq;
RESET ROLE;
-- SECURITY DEFINER runs with the owner's rights
CREATE FUNCTION rv_count() RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
  RETURN (SELECT count(*) FROM rv_base);
END $$;
CREATE FUNCTION rv_count_invoker() RETURNS bigint LANGUAGE plpgsql AS $$
BEGIN
  RETURN (SELECT count(*) FROM rv_base);
END $$;
CREATE FUNCTION rv_users() RETURNS TABLE (cu name, su name) LANGUAGE sql SECURITY DEFINER AS 'SELECT current_user, session_user';
SET ROLE rv_user;
SELECT rv_count() > 0;
SELECT rv_count_invoker();
SELECT * FROM rv_users();
SELECT current_user;
RESET ROLE;
ALTER FUNCTION rv_count() OWNER TO rv_owner;
SELECT proname, proowner::regrole FROM pg_proc WHERE proname = 'rv_count';
SET ROLE rv_user;
SELECT rv_count();
RESET ROLE;
-- ownership of schemas, sequences and types
CREATE SCHEMA rv_schema;
ALTER SCHEMA rv_schema OWNER TO rv_owner;
SELECT nspname, nspowner::regrole FROM pg_namespace WHERE nspname = 'rv_schema';
CREATE TYPE rv_mood AS ENUM ('ok', 'meh');
ALTER TYPE rv_mood OWNER TO rv_owner;
SELECT typname, typowner::regrole FROM pg_type WHERE typname IN ('rv_mood', '_rv_mood') ORDER BY 1;
ALTER SEQUENCE rv_base_id_seq OWNER TO rv_owner;
SELECT relname, relowner::regrole FROM pg_class WHERE relname IN ('rv_base', 'rv_base_id_seq', 'rv_notes') ORDER BY 1;
SET ROLE rv_owner;
CREATE TABLE rv_schema.t (a int);
SELECT tableowner FROM pg_tables WHERE schemaname = 'rv_schema';
DROP SCHEMA rv_schema CASCADE;
RESET ROLE;
-- REASSIGN OWNED / DROP OWNED
CREATE TABLE rv_mine (a int);
ALTER TABLE rv_mine OWNER TO rv_user;
REASSIGN OWNED BY rv_owner TO postgres;
SELECT relname, relowner::regrole FROM pg_class WHERE relname IN ('rv_mine', 'rv_notes') ORDER BY 1;
DROP OWNED BY rv_user;
SELECT count(*) FROM pg_class WHERE relname = 'rv_mine';
SELECT relacl FROM pg_class WHERE relname = 'rv_notes';
-- cleanup
DROP VIEW rv_notes;
DROP TABLE rv_base;
DROP FUNCTION rv_count(), rv_count_invoker(), rv_users();
DROP TYPE rv_mood;
DROP OWNED BY rv_owner;
DROP ROLE rv_owner, rv_user;
