-- Procedures with OUT / INOUT parameters in SQL and PL/pgSQL, polymorphic outputs, CALL inside
-- SQL function bodies, DROP PROCEDURE lookup by input or all parameters, invalid attributes.
CREATE TABLE proc_pairs (q1 int8, q2 int8);
CREATE TABLE proc_log (a int, b text);

CREATE PROCEDURE proc_one_out(OUT total int) LANGUAGE sql AS $$
  INSERT INTO proc_log VALUES (1, 'one');
  SELECT 41 + 1;
$$;
CALL proc_one_out(NULL);
CALL proc_one_out(1/0);
CALL proc_one_out(1./0.);
CALL proc_one_out('x');

CREATE PROCEDURE proc_inout_row(INOUT pair proc_pairs) LANGUAGE sql AS $$ SELECT ROW(1, 2); $$;
CALL proc_inout_row(NULL);

CREATE PROCEDURE proc_minus(OUT a int, IN b int, IN c int) LANGUAGE sql AS $$ SELECT b - c $$;
CALL proc_minus(NULL, 7, 4);
CALL proc_minus(a => NULL, b => 8, c => 2);
CALL proc_minus(NULL, c => 4, b => 11);

CREATE PROCEDURE proc_sum(a OUT int, VARIADIC b int[]) LANGUAGE sql AS $$ SELECT b[1] + b[2] $$;
CALL proc_sum(NULL, 11, 12, 13);

CREATE PROCEDURE proc_poly(INOUT a anyelement, OUT b anyelement) LANGUAGE sql AS $$ SELECT $1, $1; $$;
CALL proc_poly(1, NULL);
CALL proc_poly(1.5, NULL);
CALL proc_poly('x'::text, NULL);
CALL proc_poly(1, 2.5);

CREATE PROCEDURE proc_poly_arr(a anyelement, OUT b anyelement, OUT c anyarray) LANGUAGE sql AS $$ SELECT $1, array[$1]; $$;
CALL proc_poly_arr(7, NULL, NULL);
CALL proc_poly_arr(2.25, NULL, NULL);

CREATE PROCEDURE proc_poly_pl(INOUT a anyelement, OUT b anyarray) LANGUAGE plpgsql AS $$
BEGIN
  b := ARRAY[a, a];
END $$;
CALL proc_poly_pl(3, NULL);
CALL proc_poly_pl('q'::text, NULL);

CREATE FUNCTION fn_poly_out(INOUT a anyelement, OUT b anyelement) LANGUAGE sql AS $$ SELECT $1, $1; $$;
SELECT * FROM fn_poly_out(5);
SELECT * FROM fn_poly_out('w'::text);
SELECT fn_poly_out(2.5);
SELECT (fn_poly_out(9)).b;

-- CALL in a SQL procedure's body sees its parameters.
CREATE PROCEDURE proc_log_it(x text) LANGUAGE sql AS $$ INSERT INTO proc_log VALUES (2, x); $$;
CREATE PROCEDURE proc_nested(y text) LANGUAGE sql AS $$
  CALL proc_log_it(y);
  CALL proc_log_it($1 || '!');
$$;
CALL proc_nested('nested');
SELECT * FROM proc_log ORDER BY a, b;
CREATE PROCEDURE proc_calls_out(INOUT v int) LANGUAGE sql AS $$ CALL proc_one_out(v); $$;
CREATE PROCEDURE proc_bad_body() LANGUAGE sql BEGIN ATOMIC CREATE TABLE proc_never (a int); END;
CREATE FUNCTION fn_bad_body() RETURNS int LANGUAGE sql BEGIN ATOMIC SET work_mem = '1MB'; SELECT 1; END;

-- Aggregates and functions are not procedures.
CALL sum(1);
CALL version();

-- Attributes procedures cannot have.
CREATE PROCEDURE proc_bad_attr() LANGUAGE sql STRICT AS $$ SELECT 1 $$;
CREATE PROCEDURE proc_bad_attr() LANGUAGE sql IMMUTABLE AS $$ SELECT 1 $$;
CREATE PROCEDURE proc_bad_attr() LANGUAGE sql COST 5 AS $$ SELECT 1 $$;
ALTER PROCEDURE proc_log_it(text) STRICT;
ALTER PROCEDURE proc_log_it(text) PARALLEL SAFE;
ALTER PROCEDURE proc_log_it(text) SECURITY DEFINER;
CREATE PROCEDURE proc_bad_variadic(a VARIADIC int[], b OUT int) LANGUAGE sql AS $$ SELECT a[1] $$;
CREATE FUNCTION fn_bad_variadic(a VARIADIC int[], b int) RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;

-- A procedure with an OUT argument and one with the same IN arguments coexist; DROP picks by mode.
CREATE PROCEDURE proc_minus(IN a int, IN b int, IN c int) LANGUAGE sql AS $$ SELECT a + b - c $$;
SELECT pg_get_function_arguments(oid) FROM pg_proc WHERE proname = 'proc_minus' ORDER BY 1;
DROP PROCEDURE proc_minus;
DROP PROCEDURE proc_minus(int, int, int);
BEGIN;
DROP PROCEDURE proc_minus(OUT int, int, int);
DROP PROCEDURE proc_minus(int, int, int);
SELECT count(*) FROM pg_proc WHERE proname = 'proc_minus';
ROLLBACK;
BEGIN;
DROP PROCEDURE proc_minus(IN int, int, int);
DROP PROCEDURE proc_minus(int, int, int);
SELECT count(*) FROM pg_proc WHERE proname = 'proc_minus';
ROLLBACK;
DROP PROCEDURE proc_minus(int, int);
DROP PROCEDURE proc_minus(text);
SELECT pg_get_functiondef('proc_log_it'::regproc);
