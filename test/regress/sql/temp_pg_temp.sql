-- pg_temp names the session's temporary schema: functions, types and relations created there.
CREATE TABLE temp_where (f1 text);
INSERT INTO temp_where VALUES ('public');
CREATE FUNCTION public.temp_whoami() RETURNS text AS $$ SELECT 'public'::text $$ LANGUAGE sql;
CREATE FUNCTION pg_temp.temp_whoami() RETURNS text AS $$ SELECT 'temp'::text $$ LANGUAGE sql;
-- unqualified calls never find temporary functions
SELECT temp_whoami();
SELECT pg_temp.temp_whoami();
SET search_path = pg_temp, public;
SELECT temp_whoami();
RESET search_path;
SELECT n.nspname LIKE 'pg_temp_%' AS in_temp FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE proname = 'temp_whoami' ORDER BY 1;

CREATE DOMAIN pg_temp.temp_nonempty AS text CHECK (value <> '');
SELECT 'x'::temp_nonempty;
SELECT 'y'::pg_temp.temp_nonempty;
CREATE TYPE pg_temp.temp_pair AS (a int, b text);
SELECT (1, 'one')::pg_temp.temp_pair;
CREATE TYPE pg_temp.temp_mood AS ENUM ('sad', 'happy');
SELECT 'happy'::temp_mood;

CREATE TABLE pg_temp.temp_made (a int);
CREATE VIEW pg_temp.temp_view AS SELECT 1 AS one;
CREATE SEQUENCE pg_temp.temp_seq;
SELECT relname, relpersistence FROM pg_class WHERE relname IN ('temp_made', 'temp_view', 'temp_seq') ORDER BY relname;
CREATE UNLOGGED TABLE pg_temp.temp_unlogged (a int);

DROP FUNCTION pg_temp.temp_whoami();
DROP FUNCTION IF EXISTS pg_temp.temp_whoami();
DROP TYPE pg_temp.temp_pair;
DROP DOMAIN pg_temp.temp_nonempty;
DROP TYPE IF EXISTS pg_temp.temp_pair;
DROP FUNCTION public.temp_whoami();
DROP TABLE temp_where;

-- ON COMMIT DELETE ROWS and foreign keys
BEGIN;
CREATE TEMP TABLE temp_parent (id int PRIMARY KEY) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE temp_child (id int REFERENCES temp_parent);
COMMIT;
SELECT count(*) FROM pg_class WHERE relname IN ('temp_parent', 'temp_child');
BEGIN;
CREATE TEMP TABLE temp_parent2 (id int PRIMARY KEY) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE temp_child2 (id int REFERENCES temp_parent2) ON COMMIT DELETE ROWS;
INSERT INTO temp_parent2 VALUES (1);
INSERT INTO temp_child2 VALUES (1);
COMMIT;
SELECT count(*) FROM temp_parent2;
SELECT count(*) FROM temp_child2;

-- PREPARE TRANSACTION (max_prepared_transactions = 0)
BEGIN;
CREATE TABLE temp_2pc (a int);
PREPARE TRANSACTION 'temp_gid';
SELECT count(*) FROM pg_class WHERE relname = 'temp_2pc';
PREPARE TRANSACTION 'temp_gid';
BEGIN;
SELECT 1/0;
PREPARE TRANSACTION 'temp_gid';
COMMIT PREPARED 'temp_gid';
ROLLBACK PREPARED 'temp_gid';
BEGIN;
COMMIT PREPARED 'temp_gid';
ROLLBACK;
