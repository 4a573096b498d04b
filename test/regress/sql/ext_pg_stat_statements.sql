-- pg_stat_statements: installed by Supabase schemas; fauxgres, like a server without the
-- library preloaded, has no statistics to show.
CREATE SCHEMA extensions;
CREATE EXTENSION IF NOT EXISTS pg_stat_statements WITH SCHEMA extensions;
SELECT extname, extnamespace::regnamespace, extversion FROM pg_extension WHERE extname = 'pg_stat_statements';
SELECT name, default_version, installed_version, comment FROM pg_available_extensions WHERE name = 'pg_stat_statements';
SELECT c.relname, c.relkind, c.relnamespace::regnamespace FROM pg_class c WHERE relname LIKE 'pg_stat_statements%' ORDER BY 1;
SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'extensions' AND table_name = 'pg_stat_statements' ORDER BY ordinal_position;
SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'extensions' AND table_name = 'pg_stat_statements_info' ORDER BY ordinal_position;
SELECT * FROM extensions.pg_stat_statements;
SELECT query, calls FROM extensions.pg_stat_statements ORDER BY calls DESC LIMIT 5;
SELECT * FROM extensions.pg_stat_statements_info;
SELECT extensions.pg_stat_statements_reset();
GRANT SELECT ON extensions.pg_stat_statements TO PUBLIC;
CREATE VIEW slow_queries AS SELECT query, mean_exec_time FROM extensions.pg_stat_statements WHERE mean_exec_time > 100;
SELECT * FROM slow_queries;
DROP VIEW slow_queries;
DROP EXTENSION pg_stat_statements;
SELECT count(*) FROM pg_class WHERE relname LIKE 'pg_stat_statements%';
CREATE EXTENSION pg_stat_statements;
SELECT relnamespace::regnamespace FROM pg_class WHERE relname = 'pg_stat_statements';
DROP EXTENSION pg_stat_statements;
