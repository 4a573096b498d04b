-- Typed tables: CREATE TABLE ... OF type, WITH OPTIONS, restrictions, ALTER TABLE OF / NOT OF,
-- the row type coercing to the type, DROP TYPE dependencies
CREATE TYPE ddlx_person AS (id int, name text);
CREATE TABLE ddlx_persons OF ddlx_person;
CREATE TABLE IF NOT EXISTS ddlx_persons OF ddlx_person;
SELECT attname, format_type(atttypid, atttypmod), attnotnull FROM pg_attribute WHERE attrelid = 'ddlx_persons'::regclass AND attnum > 0 ORDER BY attnum;
SELECT reloftype::regtype FROM pg_class WHERE relname = 'ddlx_persons';
INSERT INTO ddlx_persons VALUES (1, 'ann'), (2, 'bob');
CREATE FUNCTION ddlx_namelen(ddlx_person) RETURNS int LANGUAGE sql AS $$ SELECT length($1.name) $$;
SELECT id, ddlx_namelen(p) FROM ddlx_persons p ORDER BY id;
CREATE FUNCTION ddlx_all_persons() RETURNS SETOF ddlx_person LANGUAGE sql AS $$ SELECT * FROM ddlx_persons $$;
SELECT * FROM ddlx_all_persons() ORDER BY id;
-- the columns belong to the type
ALTER TABLE ddlx_persons ADD COLUMN comment text;
ALTER TABLE ddlx_persons DROP COLUMN name;
ALTER TABLE ddlx_persons RENAME COLUMN id TO num;
ALTER TABLE ddlx_persons ALTER COLUMN name TYPE varchar;
CREATE TABLE ddlx_stuff (id int);
ALTER TABLE ddlx_persons INHERIT ddlx_stuff;
ALTER TABLE ddlx_persons ALTER COLUMN name SET NOT NULL;
-- column options
CREATE TABLE ddlx_persons2 OF ddlx_person (
  id WITH OPTIONS PRIMARY KEY,
  UNIQUE (name),
  name WITH OPTIONS DEFAULT 'anon' CHECK (name <> '')
);
INSERT INTO ddlx_persons2 (id) VALUES (1);
INSERT INTO ddlx_persons2 VALUES (2, '');
SELECT * FROM ddlx_persons2;
CREATE TABLE ddlx_persons3 OF ddlx_person (myname WITH OPTIONS NOT NULL);
CREATE TABLE ddlx_persons4 OF ddlx_person (name WITH OPTIONS NOT NULL, name WITH OPTIONS DEFAULT '');
CREATE TABLE ddlx_persons5 OF ddlx_stuff;
CREATE TYPE ddlx_enum AS ENUM ('a');
CREATE TABLE ddlx_persons6 OF ddlx_enum;
-- ALTER TABLE OF / NOT OF
CREATE TABLE ddlx_t1 (id int, name text);
ALTER TABLE ddlx_t1 OF ddlx_person;
SELECT reloftype::regtype FROM pg_class WHERE relname = 'ddlx_t1';
ALTER TABLE ddlx_t1 NOT OF;
SELECT reloftype FROM pg_class WHERE relname = 'ddlx_t1';
ALTER TABLE ddlx_t1 ADD COLUMN extra int;
ALTER TABLE ddlx_t1 OF ddlx_person;
CREATE TABLE ddlx_t2 (id int, nm text);
ALTER TABLE ddlx_t2 OF ddlx_person;
CREATE TABLE ddlx_t3 (id bigint, name text);
ALTER TABLE ddlx_t3 OF ddlx_person;
CREATE TABLE ddlx_t4 (id int);
ALTER TABLE ddlx_t4 OF ddlx_person;
-- the type cannot go while typed tables use it
DROP TYPE ddlx_person;
DROP TYPE ddlx_person CASCADE;
SELECT count(*) FROM pg_class WHERE relname IN ('ddlx_persons', 'ddlx_persons2');
DROP TABLE ddlx_stuff, ddlx_t1, ddlx_t2, ddlx_t3, ddlx_t4;
DROP TYPE ddlx_enum;
