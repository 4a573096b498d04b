-- regress: where
-- PL/pgSQL record results and record parameters.
CREATE TYPE plpg_rec_pair AS (x int8, y int8);
CREATE FUNCTION plpg_rec_ret(int) RETURNS plpg_rec_pair LANGUAGE plpgsql AS
$$ BEGIN RETURN row($1::int8, 1::int8); END $$;
SELECT plpg_rec_ret(42);
CREATE OR REPLACE FUNCTION plpg_rec_ret(int) RETURNS plpg_rec_pair LANGUAGE plpgsql AS
$$ BEGIN RETURN row($1, 1); END $$;
SELECT plpg_rec_ret(42);
CREATE OR REPLACE FUNCTION plpg_rec_ret(int) RETURNS plpg_rec_pair LANGUAGE plpgsql AS
$$ BEGIN RETURN row($1::int8, 1::int8, 42); END $$;
SELECT plpg_rec_ret(42);
CREATE OR REPLACE FUNCTION plpg_rec_ret(int) RETURNS plpg_rec_pair LANGUAGE plpgsql AS
$$ DECLARE r record; BEGIN r := row($1::int8, 1::int8, 42); RETURN r; END $$;
SELECT plpg_rec_ret(42);
CREATE TYPE plpg_rec_named AS (x int, y text);
CREATE FUNCTION plpg_rec_unknown() RETURNS plpg_rec_named LANGUAGE plpgsql AS
$$ BEGIN RETURN (1, 'hello'); END $$;
SELECT plpg_rec_unknown();
CREATE OR REPLACE FUNCTION plpg_rec_unknown() RETURNS plpg_rec_named LANGUAGE plpgsql AS
$$ BEGIN RETURN (1, 'hello'::text); END $$;
SELECT plpg_rec_unknown();
-- A function returning record, read through a column definition list.
CREATE FUNCTION plpg_rec_any(int) RETURNS record LANGUAGE plpgsql AS
$$ BEGIN RETURN row($1, $1 + 1); END $$;
SELECT * FROM plpg_rec_any(42) AS r(x int, y int);
-- RETURN QUERY's structure check names the column.
CREATE FUNCTION plpg_rec_setof() RETURNS TABLE (a int, b text) LANGUAGE plpgsql AS
$$ BEGIN RETURN QUERY SELECT 1, 2; END $$;
SELECT * FROM plpg_rec_setof();
CREATE FUNCTION plpg_rec_setof_int() RETURNS SETOF int LANGUAGE plpgsql AS
$$ BEGIN RETURN QUERY SELECT 'a'::text; END $$;
SELECT * FROM plpg_rec_setof_int();
-- A parameter declared record takes the structure of the row passed.
CREATE TYPE plpg_rec_two AS (f1 int, f2 int);
CREATE FUNCTION plpg_rec_getf1(x record) RETURNS int LANGUAGE plpgsql AS
$$ BEGIN RETURN x.f1; END $$;
SELECT plpg_rec_getf1(row(1, 2));
SELECT plpg_rec_getf1(row(3, 4)::plpg_rec_two);
CREATE FUNCTION plpg_rec_names(x record) RETURNS text LANGUAGE plpgsql AS
$$ BEGIN RETURN x.f2; END $$;
SELECT plpg_rec_names(row(1, 'two'::text));
