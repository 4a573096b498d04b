-- sql_drop triggers and pg_event_trigger_dropped_objects(): what DROP and ALTER TABLE remove,
-- in Postgres's order, with the original / normal / temporary flags; table_rewrite triggers.
CREATE FUNCTION report_dropped() RETURNS event_trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  FOR r IN SELECT * FROM pg_event_trigger_dropped_objects() WHERE schema_name IS DISTINCT FROM 'pg_toast' LOOP
    RAISE NOTICE '% | orig=% normal=% temp=% | % | % | % | % | % | %', tg_tag, r.original, r.normal, r.is_temporary,
      r.object_type, r.schema_name, r.object_name, r.object_identity, r.address_names, r.address_args;
  END LOOP;
END $$;
CREATE EVENT TRIGGER report_dropped ON sql_drop EXECUTE FUNCTION report_dropped();

CREATE TABLE customers (id serial PRIMARY KEY, email text UNIQUE, credit int DEFAULT 0 CHECK (credit >= 0), note text);
CREATE INDEX customers_note ON customers (note);
CREATE FUNCTION customers_trg() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER customers_trg BEFORE INSERT ON customers FOR EACH ROW EXECUTE FUNCTION customers_trg();
CREATE POLICY customers_pol ON customers USING (credit > 0);
CREATE VIEW rich_customers AS SELECT * FROM customers WHERE credit > 100;
ALTER TABLE customers DROP COLUMN note;
ALTER TABLE customers ALTER COLUMN credit DROP DEFAULT;
ALTER TABLE customers DROP CONSTRAINT customers_email_key;
DROP VIEW rich_customers;
DROP INDEX IF EXISTS customers_note;
DROP TRIGGER customers_trg ON customers;
DROP POLICY customers_pol ON customers;
DROP TABLE customers;
DROP FUNCTION customers_trg();

CREATE TYPE status AS ENUM ('new', 'done');
CREATE DOMAIN short_text AS text CHECK (length(VALUE) < 10);
DROP TYPE status, short_text;
CREATE SEQUENCE standalone_seq;
DROP SEQUENCE standalone_seq;

CREATE SCHEMA reporting;
CREATE TABLE reporting.daily (day date PRIMARY KEY, total numeric);
CREATE FUNCTION reporting.total(d date) RETURNS numeric LANGUAGE sql AS $$ SELECT total FROM reporting.daily WHERE day = d $$;
DROP SCHEMA reporting CASCADE;

CREATE TEMP TABLE temp_stuff (id int PRIMARY KEY, v text DEFAULT 'x');
DROP TABLE temp_stuff;

-- nothing dropped: no sql_drop event
DROP TABLE IF EXISTS never_existed;

-- a guard that refuses to drop some objects (the drop is undone)
CREATE TABLE audit_log (id int);
CREATE FUNCTION protect_audit() RETURNS event_trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  FOR r IN SELECT * FROM pg_event_trigger_dropped_objects() WHERE original LOOP
    IF r.object_identity = 'public.audit_log' THEN
      RAISE EXCEPTION 'object % of type % cannot be dropped', r.object_identity, r.object_type;
    END IF;
  END LOOP;
END $$;
CREATE EVENT TRIGGER protect_audit ON sql_drop EXECUTE FUNCTION protect_audit();
DROP TABLE audit_log;
SELECT to_regclass('audit_log');
DROP EVENT TRIGGER protect_audit;
DROP TABLE audit_log;
DROP EVENT TRIGGER report_dropped;

-- table_rewrite: fires for ALTER TABLE that rewrites the table
CREATE FUNCTION report_rewrite() RETURNS event_trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE NOTICE '% rewrites % (reason %)', tg_tag, pg_event_trigger_table_rewrite_oid()::regclass, pg_event_trigger_table_rewrite_reason();
END $$;
CREATE EVENT TRIGGER report_rewrite ON table_rewrite EXECUTE FUNCTION report_rewrite();
CREATE TABLE measurements (id int, reading float8, label varchar(10), at timestamptz);
INSERT INTO measurements VALUES (1, 1.5, 'a', '2024-01-01 00:00+00');
ALTER TABLE measurements ALTER COLUMN reading TYPE numeric;
ALTER TABLE measurements ALTER COLUMN label TYPE varchar(20);
ALTER TABLE measurements ALTER COLUMN label TYPE text;
ALTER TABLE measurements ADD COLUMN flag boolean DEFAULT false;
ALTER TABLE measurements ADD COLUMN rnd float8 DEFAULT random();
ALTER TABLE measurements SET UNLOGGED;
ALTER TABLE measurements SET LOGGED;
SET TimeZone = 'UTC';
ALTER TABLE measurements ALTER COLUMN at TYPE timestamp;
SET TimeZone = 'America/New_York';
ALTER TABLE measurements ALTER COLUMN at TYPE timestamptz;
RESET TimeZone;
CREATE FUNCTION no_rewrites() RETURNS event_trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'rewrites not allowed';
END $$;
CREATE EVENT TRIGGER no_rewrites ON table_rewrite EXECUTE FUNCTION no_rewrites();
ALTER TABLE measurements ALTER COLUMN id TYPE bigint;
SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'measurements'::regclass AND attname = 'id';
ALTER TABLE measurements ADD COLUMN plain int;
DROP EVENT TRIGGER no_rewrites;
DROP EVENT TRIGGER report_rewrite;
