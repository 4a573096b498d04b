-- Settings (GUC): SET LOCAL scope, savepoints, function SET clauses, placeholders, DISCARD ALL

-- SET LOCAL outside a transaction block warns and lasts only for its own statement
SET LOCAL work_mem = '7MB';
SHOW work_mem;
SET LOCAL app.tenant = 'acme';
SELECT current_setting('app.tenant', true);
-- set_config(..., true) outside a block: gone after the statement
SELECT set_config('app.user_id', '42', true), current_setting('app.user_id');
SELECT current_setting('app.user_id');
SELECT current_setting('app.never_set', true) IS NULL AS missing;
SELECT current_setting('app.never_set');

-- inside a block, SET LOCAL lasts until COMMIT / ROLLBACK
BEGIN;
SET LOCAL app.user_id = '7';
SELECT current_setting('app.user_id');
SET LOCAL work_mem TO DEFAULT;
SHOW work_mem;
COMMIT;
SELECT current_setting('app.user_id');

-- savepoints undo the settings changed since them
SET datestyle = 'ISO, MDY';
BEGIN;
SET work_mem = '5MB';
SAVEPOINT a;
SET work_mem = '6MB';
SET datestyle = 'SQL, DMY';
SELECT '2006-08-13 12:34:56'::timestamp;
ROLLBACK TO a;
SHOW work_mem;
SHOW datestyle;
SELECT '2006-08-13 12:34:56'::timestamp;
SAVEPOINT b;
SET LOCAL app.role = 'admin';
RELEASE b;
SELECT current_setting('app.role');
ROLLBACK;
SHOW work_mem;
SELECT current_setting('app.role');

-- an exception block is a subtransaction: its settings go with it
CREATE FUNCTION ddlx_guc_trap() RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  BEGIN
    PERFORM set_config('app.step', 'inner', false);
    PERFORM 1 / 0;
  EXCEPTION WHEN division_by_zero THEN
    RETURN current_setting('app.step', true);
  END;
END $$;
SELECT set_config('app.step', 'outer', false);
SELECT ddlx_guc_trap(), current_setting('app.step');

-- function SET clauses: SET LOCAL inside stays inside, a plain SET outlives the call
SET work_mem = '3MB';
CREATE FUNCTION ddlx_guc_local() RETURNS text LANGUAGE plpgsql SET work_mem = '1MB' AS $$
BEGIN
  SET LOCAL work_mem = '2MB';
  RETURN current_setting('work_mem');
END $$;
SELECT ddlx_guc_local(), current_setting('work_mem');
CREATE FUNCTION ddlx_guc_plain() RETURNS text LANGUAGE plpgsql SET work_mem = '1MB' AS $$
BEGIN
  SET work_mem = '2MB';
  RETURN current_setting('work_mem');
END $$;
SELECT ddlx_guc_plain(), current_setting('work_mem');
SHOW work_mem;
SET work_mem = '3MB';
CREATE FUNCTION ddlx_guc_report(text) RETURNS text LANGUAGE sql SET work_mem = '1MB' AS $$ SELECT current_setting($1) $$;
SELECT ddlx_guc_report('work_mem'), current_setting('work_mem');
BEGIN;
SELECT ddlx_guc_report('work_mem');
SET LOCAL work_mem = '4MB';
SELECT ddlx_guc_report('work_mem'), current_setting('work_mem');
COMMIT;
SHOW work_mem;

-- placeholder names must be identifiers separated by dots
SET app."bad-name" = 1;
SET "1app".x = 1;
SELECT set_config('app.bad name', 'x', false);
SET app.a.b = 'deep';
SHOW app.a.b;
SET app.ok_name$ = 'fine';
SHOW app.ok_name$;

-- list settings keep empty and quoted entries
SET search_path = 'pg_catalog', Foo, 'Bar', '';
SHOW search_path;
RESET search_path;

-- real-valued settings print in the unit that divides them evenly
SET vacuum_cost_delay = '900us';
SHOW vacuum_cost_delay;
SET vacuum_cost_delay = 80.1;
SHOW vacuum_cost_delay;
SET vacuum_cost_delay = '2s';
SHOW vacuum_cost_delay;
RESET vacuum_cost_delay;

-- current_schemas leaves the implicitly searched temporary schema out
CREATE TEMP TABLE ddlx_guc_tmp (a int);
SELECT current_schemas(false);
SELECT array_length(current_schemas(true), 1);

-- DISCARD ALL: back to the session user, settings reset, temporary objects dropped
CREATE ROLE ddlx_guc_user;
SET work_mem = '9MB';
SET SESSION AUTHORIZATION ddlx_guc_user;
DISCARD ALL;
SELECT current_user = 'ddlx_guc_user' AS still_switched;
SHOW work_mem;
SELECT count(*) FROM pg_class WHERE relname = 'ddlx_guc_tmp';
DROP ROLE ddlx_guc_user;
DROP FUNCTION ddlx_guc_trap();
DROP FUNCTION ddlx_guc_local();
DROP FUNCTION ddlx_guc_plain();
DROP FUNCTION ddlx_guc_report(text);
