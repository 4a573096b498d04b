-- Event triggers: the event_trigger pseudo-type, CREATE / ALTER / DROP EVENT TRIGGER and their
-- errors, pg_event_trigger, firing order, WHEN TAG filters, enabling modes, errors aborting DDL.
CREATE FUNCTION log_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE NOTICE 'log_ddl: % %', tg_event, tg_tag;
END $$;

-- event trigger functions are not called directly, take no arguments, are not SQL
SELECT log_ddl();
SELECT * FROM log_ddl();
CREATE FUNCTION bad_args(x int) RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$;
CREATE FUNCTION bad_sql() RETURNS event_trigger LANGUAGE sql AS $$ SELECT 1 $$;
CREATE FUNCTION bad_return() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$;
SELECT 'x'::event_trigger;
SELECT typname, typtype, typcategory, typlen FROM pg_type WHERE oid = 'event_trigger'::regtype;
SELECT proname, prorettype::regtype FROM pg_proc WHERE proname = 'log_ddl';

-- CREATE EVENT TRIGGER's checks
CREATE EVENT TRIGGER et_bad ON ddl_command_start EXECUTE FUNCTION pg_backend_pid();
CREATE EVENT TRIGGER et_bad ON ddl_command_start EXECUTE FUNCTION no_such_function();
CREATE EVENT TRIGGER et_bad ON elephant_bootstrap EXECUTE FUNCTION log_ddl();
CREATE EVENT TRIGGER et_bad ON ddl_command_start WHEN food IN ('sandwich') EXECUTE FUNCTION log_ddl();
CREATE EVENT TRIGGER et_bad ON ddl_command_start WHEN tag IN ('sandwich') EXECUTE FUNCTION log_ddl();
CREATE EVENT TRIGGER et_bad ON ddl_command_start WHEN tag IN ('create table', 'create skunkcabbage') EXECUTE FUNCTION log_ddl();
CREATE EVENT TRIGGER et_bad ON ddl_command_start WHEN tag IN ('DROP EVENT TRIGGER') EXECUTE FUNCTION log_ddl();
CREATE EVENT TRIGGER et_bad ON ddl_command_start WHEN tag IN ('CREATE ROLE') EXECUTE FUNCTION log_ddl();
CREATE EVENT TRIGGER et_bad ON ddl_command_start WHEN tag IN ('create table') AND tag IN ('drop table') EXECUTE FUNCTION log_ddl();
CREATE EVENT TRIGGER et_bad ON login WHEN tag IN ('create table') EXECUTE FUNCTION log_ddl();
CREATE EVENT TRIGGER et_bad ON table_rewrite WHEN tag IN ('create table') EXECUTE FUNCTION log_ddl();
CREATE TABLE plain_table (id int);
CREATE FUNCTION plain_trigger() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE EVENT TRIGGER et_bad ON ddl_command_start EXECUTE FUNCTION plain_trigger();
CREATE TRIGGER not_for_tables BEFORE INSERT ON plain_table FOR EACH ROW EXECUTE FUNCTION log_ddl();

-- a start trigger, an end trigger filtered by tag (case-insensitive, stored upper-cased)
CREATE EVENT TRIGGER et_start ON ddl_command_start EXECUTE FUNCTION log_ddl();
CREATE EVENT TRIGGER et_end ON ddl_command_end WHEN TAG IN ('create table', 'CREATE FUNCTION', 'Drop Table') EXECUTE PROCEDURE log_ddl();
CREATE EVENT TRIGGER et_start ON ddl_command_start EXECUTE FUNCTION log_ddl();
SELECT evtname, evtevent, evtowner::regrole, evtfoid::regproc, evtenabled, evttags FROM pg_event_trigger ORDER BY evtname;
CREATE TABLE t1 (a int);
ALTER TABLE t1 ADD COLUMN b text;
CREATE FUNCTION f1() RETURNS int LANGUAGE sql AS 'SELECT 1';
CREATE INDEX t1_a ON t1 (a);
DROP TABLE t1;
-- not DDL: no event
INSERT INTO plain_table VALUES (1);
SELECT count(*) FROM plain_table;
-- commands that do not support event triggers
CREATE ROLE regress_evtrig_role;
DROP ROLE regress_evtrig_role;
COMMENT ON EVENT TRIGGER et_start IS 'logs every command';
SELECT obj_description(oid, 'pg_event_trigger') FROM pg_event_trigger WHERE evtname = 'et_start';
-- DDL run by a function fires too
DO $$ BEGIN EXECUTE 'CREATE TABLE from_do (x int)'; END $$;
-- triggers fire in name order
CREATE FUNCTION log_ddl_second() RETURNS event_trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE NOTICE 'second: % %', tg_event, tg_tag;
END $$;
CREATE EVENT TRIGGER aa_first ON ddl_command_start EXECUTE FUNCTION log_ddl_second();
CREATE SEQUENCE s1;

-- ALTER EVENT TRIGGER: DISABLE / ENABLE [REPLICA | ALWAYS], RENAME, OWNER
ALTER EVENT TRIGGER aa_first DISABLE;
CREATE SEQUENCE s2;
ALTER EVENT TRIGGER aa_first ENABLE REPLICA;
CREATE SEQUENCE s3;
SET session_replication_role = replica;
CREATE SEQUENCE s4;
RESET session_replication_role;
ALTER EVENT TRIGGER aa_first ENABLE ALWAYS;
SET session_replication_role = replica;
CREATE SEQUENCE s5;
RESET session_replication_role;
ALTER EVENT TRIGGER aa_first ENABLE;
SELECT evtname, evtenabled FROM pg_event_trigger ORDER BY evtname;
ALTER EVENT TRIGGER no_such_trigger ENABLE;
ALTER EVENT TRIGGER aa_first RENAME TO et_start;
ALTER EVENT TRIGGER aa_first RENAME TO zz_last;
CREATE SEQUENCE s6;
CREATE ROLE regress_evtrig_user;
ALTER EVENT TRIGGER zz_last OWNER TO regress_evtrig_user;
ALTER EVENT TRIGGER zz_last OWNER TO no_such_role;
ALTER ROLE regress_evtrig_user SUPERUSER;
ALTER EVENT TRIGGER zz_last OWNER TO regress_evtrig_user;
SELECT evtname, evtowner::regrole FROM pg_event_trigger ORDER BY evtname;
DROP ROLE regress_evtrig_user;
ALTER EVENT TRIGGER zz_last OWNER TO CURRENT_USER;
ALTER ROLE regress_evtrig_user NOSUPERUSER;
SET ROLE regress_evtrig_user;
CREATE EVENT TRIGGER et_denied ON ddl_command_start EXECUTE FUNCTION log_ddl();
ALTER EVENT TRIGGER zz_last DISABLE;
ALTER EVENT TRIGGER zz_last RENAME TO mine;
DROP EVENT TRIGGER zz_last;
RESET ROLE;
DROP ROLE regress_evtrig_user;

-- the event_triggers setting turns them all off
SET event_triggers = off;
CREATE SEQUENCE s7;
RESET event_triggers;
SHOW event_triggers;

-- an error in an event trigger aborts the command: nothing is left behind
CREATE FUNCTION forbid_drops() RETURNS event_trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'command % is not allowed', tg_tag USING ERRCODE = 'insufficient_privilege', HINT = 'ask an admin';
END $$;
CREATE EVENT TRIGGER no_drops ON ddl_command_end WHEN TAG IN ('DROP TABLE', 'DROP SEQUENCE') EXECUTE FUNCTION forbid_drops();
DROP TABLE plain_table;
SELECT count(*) FROM plain_table;
BEGIN;
CREATE TABLE in_txn (x int);
DROP SEQUENCE s1;
ROLLBACK;
SELECT to_regclass('in_txn'), to_regclass('s1');
BEGIN;
SAVEPOINT sp;
DROP SEQUENCE s1;
ROLLBACK TO SAVEPOINT sp;
SELECT to_regclass('s1');
COMMIT;
DROP EVENT TRIGGER no_drops;

-- functions only callable inside event triggers
SELECT * FROM pg_event_trigger_ddl_commands();
SELECT * FROM pg_event_trigger_dropped_objects();
SELECT pg_event_trigger_table_rewrite_oid();
SELECT pg_event_trigger_table_rewrite_reason();

-- the function cannot go while a trigger uses it
DROP FUNCTION log_ddl_second();
DROP FUNCTION log_ddl_second() CASCADE;
SELECT evtname FROM pg_event_trigger ORDER BY evtname;
DROP EVENT TRIGGER no_such_trigger;
DROP EVENT TRIGGER IF EXISTS no_such_trigger;
DROP EVENT TRIGGER et_start, et_end;
SELECT count(*) FROM pg_event_trigger;
CREATE TABLE after_drop (x int);
