-- regress: where
-- PL/pgSQL declarations, name resolution and compile-time checks.
-- A default sees only the declarations before it (and outer ones).
DO $$
DECLARE x int := 42;
BEGIN
  DECLARE y int := x + 1;
          x int := x + 2;
          z int := x * 10;
  BEGIN
    RAISE NOTICE 'x = %, y = %, z = %', x, y, z;
  END;
END $$;
DO $$
DECLARE x int := x + 1;
BEGIN
  RAISE NOTICE 'x = %', x;
END $$;
DO $$
DECLARE y int := x + 1;
        x int := 42;
BEGIN
  RAISE NOTICE 'x = %, y = %', x, y;
END $$;
CREATE FUNCTION plpg_scope_alias(int) RETURNS int LANGUAGE plpgsql AS $$
DECLARE a ALIAS FOR $1;
        b int := a * 2;
BEGIN
  RETURN b;
END $$;
SELECT plpg_scope_alias(21);
-- RETURN without a value in a function returning a value.
CREATE FUNCTION plpg_scope_noret() RETURNS int AS $$
BEGIN
    RETURN ;
END;$$ LANGUAGE plpgsql;
CREATE FUNCTION plpg_scope_noret_trg() RETURNS trigger AS $$
BEGIN
  RETURN;
END $$ LANGUAGE plpgsql;
CREATE FUNCTION plpg_scope_noret() RETURNS int AS $$
BEGIN
  PERFORM 1;
END $$ LANGUAGE plpgsql;
SELECT plpg_scope_noret();
-- Grammar errors of DO blocks point into the statement.
DO $$
DECLARE x CONSTANT int := 1;
BEGIN
  x := 2;
END $$;
DO $$
DECLARE x CONSTANT int[] := '{1}';
BEGIN
  x[1] := 2;
END $$;
DO $$
DECLARE x int NOT NULL;
BEGIN
  RAISE NOTICE '%', x;
END $$;
-- A STABLE function called by a volatile one sees its earlier writes.
CREATE TABLE plpg_scope_users (id serial, login text);
CREATE FUNCTION plpg_scope_user_id(p text) RETURNS int LANGUAGE plpgsql STABLE AS $$
DECLARE v int;
BEGIN
  SELECT id INTO v FROM plpg_scope_users WHERE login = p;
  RETURN coalesce(v, 0);
END $$;
CREATE FUNCTION plpg_scope_add_user(p text) RETURNS int LANGUAGE plpgsql AS $$
DECLARE v int;
BEGIN
  v := plpg_scope_user_id(p);
  IF v > 0 THEN RETURN -1; END IF;
  INSERT INTO plpg_scope_users (login) VALUES (p);
  v := plpg_scope_user_id(p);
  IF v = 0 THEN RETURN -2; END IF;
  RETURN v;
END $$;
SELECT plpg_scope_add_user('ann');
SELECT plpg_scope_add_user('bob');
SELECT plpg_scope_add_user('ann');
-- variable_conflict: error (default), use_column, use_variable.
CREATE TABLE plpg_scope_items (id int, name text);
INSERT INTO plpg_scope_items VALUES (1, 'one'), (2, 'two');
CREATE FUNCTION plpg_scope_conflict(id int) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  RETURN (SELECT name FROM plpg_scope_items WHERE plpg_scope_items.id = id);
END $$;
SELECT plpg_scope_conflict(1);
CREATE OR REPLACE FUNCTION plpg_scope_conflict(id int) RETURNS text LANGUAGE plpgsql AS $$
#variable_conflict use_variable
BEGIN
  RETURN (SELECT name FROM plpg_scope_items WHERE plpg_scope_items.id = id);
END $$;
SELECT plpg_scope_conflict(1);
CREATE OR REPLACE FUNCTION plpg_scope_conflict(id int) RETURNS text LANGUAGE plpgsql AS $$
#variable_conflict use_column
BEGIN
  RETURN (SELECT string_agg(name, ',' ORDER BY name) FROM plpg_scope_items WHERE plpg_scope_items.id = id);
END $$;
SELECT plpg_scope_conflict(1);
SET plpgsql.variable_conflict = use_variable;
CREATE FUNCTION plpg_scope_conflict2(id int) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  RETURN (SELECT name FROM plpg_scope_items WHERE plpg_scope_items.id = id);
END $$;
SELECT plpg_scope_conflict2(2);
RESET plpgsql.variable_conflict;
-- STRICT errors, print_strict_params, EXECUTE ... INTO.
CREATE FUNCTION plpg_scope_strict(p int, q text) RETURNS text LANGUAGE plpgsql AS $$
#print_strict_params on
DECLARE r record;
BEGIN
  SELECT * INTO STRICT r FROM plpg_scope_items WHERE id = p AND name = q;
  RETURN r.name;
END $$;
SELECT plpg_scope_strict(1, 'one');
SELECT plpg_scope_strict(1, 'it''s');
SELECT plpg_scope_strict(NULL, 'x');
CREATE FUNCTION plpg_scope_strict2() RETURNS text LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  SELECT * INTO STRICT r FROM plpg_scope_items;
  RETURN r.name;
END $$;
SELECT plpg_scope_strict2();
SET plpgsql.print_strict_params = on;
CREATE FUNCTION plpg_scope_strict3(p int) RETURNS text LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  EXECUTE 'SELECT * FROM plpg_scope_items WHERE id > $1' INTO STRICT r USING p;
  RETURN r.name;
END $$;
SELECT plpg_scope_strict3(0);
SELECT plpg_scope_strict3(5);
RESET plpgsql.print_strict_params;
CREATE FUNCTION plpg_scope_exec_into() RETURNS text LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  EXECUTE 'INSERT INTO plpg_scope_items VALUES (3, ''three''), (4, ''four'') RETURNING *' INTO r;
  RETURN r.name;
END $$;
SELECT plpg_scope_exec_into();
CREATE FUNCTION plpg_scope_dml_into() RETURNS text LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  INSERT INTO plpg_scope_items VALUES (5, 'five'), (6, 'six') RETURNING * INTO r;
  RETURN r.name;
END $$;
SELECT plpg_scope_dml_into();
SELECT count(*) FROM plpg_scope_items;
-- shadowed_variables checks.
SET plpgsql.extra_warnings TO 'shadowed_variables';
CREATE FUNCTION plpg_scope_shadow(in1 int) RETURNS TABLE (out1 int) AS $$
DECLARE
in1 int;
out1 int;
BEGIN
END
$$ LANGUAGE plpgsql;
CREATE FUNCTION plpg_scope_shadow2() RETURNS void AS $$
DECLARE
f1 int;
c1 CURSOR (f1 int) FOR SELECT 1;
BEGIN
  DECLARE
  f1 int;
  BEGIN
  END;
END$$ LANGUAGE plpgsql;
SET plpgsql.extra_errors TO 'shadowed_variables';
CREATE FUNCTION plpg_scope_shadow3(f1 int) RETURNS boolean AS $$
DECLARE f1 int; BEGIN RETURN 1; END $$ LANGUAGE plpgsql;
SELECT plpg_scope_shadow3(1);
RESET plpgsql.extra_errors;
RESET plpgsql.extra_warnings;
CREATE FUNCTION plpg_scope_shadow3(f1 int) RETURNS boolean AS $$
DECLARE f1 int; BEGIN RETURN 1; END $$ LANGUAGE plpgsql;
SELECT plpg_scope_shadow3(1);
