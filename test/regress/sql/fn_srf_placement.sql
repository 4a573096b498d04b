-- Set-returning functions where Postgres rejects them; generated / identity columns in
-- multi-row VALUES and their definition errors.
SELECT 1 WHERE generate_series(1, 2) > 0;
SELECT count(*) FROM generate_series(1, 3) g HAVING generate_series(1, 2) > 0;
SELECT 1 LIMIT generate_series(1, 2);
SELECT 1 OFFSET generate_series(1, 2);
SELECT * FROM generate_series(1, 2) g JOIN generate_series(1, 2) h ON h = generate_series(1, 2);
SELECT count(*) FILTER (WHERE generate_series(1, 2) > 1) FROM generate_series(1, 2);
CREATE TABLE fn_srf_bad1 (a int, b int GENERATED ALWAYS AS (generate_series(1, a)) STORED);
CREATE TABLE fn_srf_bad2 (a int, b int DEFAULT generate_series(1, 2));
CREATE TABLE fn_srf_bad3 (a int CHECK (generate_series(1, a) > 0));
CREATE TABLE fn_srf_t (a int, b int);
CREATE INDEX ON fn_srf_t ((generate_series(1, a)));
CREATE INDEX ON fn_srf_t (a) WHERE generate_series(1, a) > 0;
INSERT INTO fn_srf_t VALUES (1, 2) RETURNING generate_series(1, a);
SELECT generate_series(1, 2), a FROM fn_srf_t;

CREATE TABLE fn_gen (a int PRIMARY KEY, b int GENERATED ALWAYS AS (a * 2) STORED, c int GENERATED ALWAYS AS IDENTITY);
INSERT INTO fn_gen VALUES (3, DEFAULT), (4, 44);
INSERT INTO fn_gen VALUES (3, 33), (4, DEFAULT);
INSERT INTO fn_gen (a, c) VALUES (3, DEFAULT), (4, 44);
INSERT INTO fn_gen VALUES (3, DEFAULT, DEFAULT), (4, DEFAULT, DEFAULT);
SELECT * FROM fn_gen ORDER BY a;
CREATE TABLE fn_gen_bad1 (a int, b int GENERATED ALWAYS AS (a * 2) STORED GENERATED ALWAYS AS (a * 3) STORED);
CREATE TABLE fn_gen_bad2 (a int, b int GENERATED ALWAYS AS IDENTITY GENERATED ALWAYS AS (a * 2) STORED);
CREATE TABLE fn_gen_bad3 (a int, b int DEFAULT 1 GENERATED ALWAYS AS (a * 2) STORED);

-- Unquoted SQL bodies cannot have polymorphic arguments; LEAKPROOF needs a superuser.
CREATE FUNCTION fn_poly_body(x anyarray) RETURNS anyelement LANGUAGE sql RETURN x[1];
CREATE FUNCTION fn_poly_body(x int[]) RETURNS int LANGUAGE sql RETURN x[1];
SELECT fn_poly_body(ARRAY[4, 5]);
CREATE ROLE fn_leak_user;
CREATE SCHEMA fn_leak AUTHORIZATION fn_leak_user;
SET ROLE fn_leak_user;
CREATE FUNCTION fn_leak.f(int) RETURNS bool LANGUAGE sql LEAKPROOF AS 'SELECT $1 < 200';
CREATE FUNCTION fn_leak.f(int) RETURNS bool LANGUAGE sql NOT LEAKPROOF AS 'SELECT $1 < 200';
ALTER FUNCTION fn_leak.f(int) LEAKPROOF;
ALTER FUNCTION fn_leak.f(int) NOT LEAKPROOF;
RESET ROLE;
ALTER FUNCTION fn_leak.f(int) LEAKPROOF;
SELECT proleakproof FROM pg_proc WHERE proname = 'f' AND pronamespace = 'fn_leak'::regnamespace;
DROP SCHEMA fn_leak CASCADE;
DROP ROLE fn_leak_user;

-- check_function_bodies = off (as pg_dump sets it) postpones body checks to the first call.
SET check_function_bodies TO off;
CREATE FUNCTION fn_ddl_then_insert() RETURNS void LANGUAGE sql AS $$
  CREATE TABLE fn_ddl_test (f1 int);
  INSERT INTO fn_ddl_test VALUES (1.2);
$$;
CREATE FUNCTION fn_late_error() RETURNS int LANGUAGE sql AS $$ SELECT * FROM fn_no_such_table $$;
SELECT fn_ddl_then_insert();
TABLE fn_ddl_test;
SELECT fn_late_error();
RESET check_function_bodies;
CREATE FUNCTION fn_late_error2() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
SELECT fn_late_error2();
