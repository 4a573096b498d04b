-- What psql's \du and \dp and Supabase's postgres-meta ask about roles, grants and policies.
-- Roles are cluster-wide in Postgres: every role this file makes is dropped at its end.
CREATE ROLE rq_app LOGIN CONNECTION LIMIT 5;
CREATE ROLE rq_group NOLOGIN;
CREATE ROLE "rq odd" CREATEDB;
GRANT rq_group TO rq_app WITH ADMIN OPTION;
CREATE TABLE rq_items (id int PRIMARY KEY, label text, secret text);
CREATE SEQUENCE rq_seq;
CREATE VIEW rq_labels AS SELECT id, label FROM rq_items;
GRANT SELECT, INSERT ON rq_items TO rq_group;
GRANT UPDATE (label) ON rq_items TO rq_app;
GRANT SELECT ON rq_items TO "rq odd" WITH GRANT OPTION;
GRANT USAGE ON rq_seq TO PUBLIC;
ALTER TABLE rq_items ENABLE ROW LEVEL SECURITY;
CREATE POLICY rq_read ON rq_items FOR SELECT TO rq_group USING (label IS NOT NULL);
CREATE POLICY rq_limit ON rq_items AS RESTRICTIVE USING (id < 100) WITH CHECK (id < 100);
-- \du
SELECT r.rolname, r.rolsuper, r.rolinherit, r.rolcreaterole, r.rolcreatedb, r.rolcanlogin, r.rolconnlimit, r.rolvaliduntil,
  r.rolreplication, r.rolbypassrls
FROM pg_catalog.pg_roles r
WHERE r.rolname LIKE 'rq%'
ORDER BY 1;
SELECT m.roleid::regrole AS role, m.member::regrole AS member, m.admin_option, m.inherit_option, m.set_option, m.grantor::regrole
FROM pg_catalog.pg_auth_members m WHERE m.member::regrole::text LIKE 'rq%' ORDER BY 1, 2;
-- \dp
SELECT n.nspname as "Schema",
  c.relname as "Name",
  CASE c.relkind WHEN 'r' THEN 'table' WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' WHEN 'S' THEN 'sequence' WHEN 'f' THEN 'foreign table' WHEN 'p' THEN 'partitioned table' END as "Type",
  CASE WHEN pg_catalog.array_length(c.relacl, 1) = 0 THEN '(none)' ELSE pg_catalog.array_to_string(c.relacl, E'\n') END AS "Access privileges",
  pg_catalog.array_to_string(ARRAY(
    SELECT attname || E':\n  ' || pg_catalog.array_to_string(attacl, E'\n  ')
    FROM pg_catalog.pg_attribute a
    WHERE attrelid = c.oid AND NOT attisdropped AND attacl IS NOT NULL
  ), E'\n') AS "Column privileges",
  pg_catalog.array_to_string(ARRAY(
    SELECT polname
    || CASE WHEN NOT polpermissive THEN E' (RESTRICTIVE)' ELSE '' END
    || CASE WHEN polcmd != '*' THEN E' (' || polcmd::pg_catalog.text || E'):' ELSE E':' END
    || CASE WHEN polqual IS NOT NULL THEN E'\n  (u): ' || pg_catalog.pg_get_expr(polqual, polrelid) ELSE E'' END
    || CASE WHEN polwithcheck IS NOT NULL THEN E'\n  (c): ' || pg_catalog.pg_get_expr(polwithcheck, polrelid) ELSE E'' END
    || CASE WHEN polroles <> '{0}' THEN E'\n  to: ' || pg_catalog.array_to_string(
      ARRAY(SELECT rolname FROM pg_catalog.pg_roles WHERE oid = ANY (polroles) ORDER BY 1), E', ') ELSE E'' END
    FROM pg_catalog.pg_policy pol
    WHERE polrelid = c.oid), E'\n')
    AS "Policies"
FROM pg_catalog.pg_class c
     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r','v','m','S','f','p')
  AND n.nspname !~ '^pg_' AND pg_catalog.pg_table_is_visible(c.oid)
ORDER BY 1, 2;
-- aclexplode / acldefault, as postgres-meta reads table privileges
SELECT c.relname, a.grantor::regrole AS grantor, a.grantee::regrole AS grantee, a.privilege_type, a.is_grantable
FROM pg_class c
CROSS JOIN LATERAL aclexplode(coalesce(c.relacl, acldefault('r', c.relowner))) a
WHERE c.relname IN ('rq_items', 'rq_labels') AND a.grantee <> 'postgres'::regrole
ORDER BY 1, 3, 4;
SELECT a.grantee::regrole, a.privilege_type FROM aclexplode((SELECT relacl FROM pg_class WHERE relname = 'rq_seq')) a ORDER BY 1, 2;
SELECT acldefault('r', 'rq_app'::regrole), acldefault('f', 'rq_app'::regrole), acldefault('n', 'rq_app'::regrole),
       acldefault('s', 'rq_app'::regrole), acldefault('T', 'rq_app'::regrole), acldefault('d', 'rq_app'::regrole);
SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname LIKE 'rq%' ORDER BY 1;
SELECT tablename, policyname, permissive, roles, cmd, qual, with_check FROM pg_policies WHERE tablename = 'rq_items' ORDER BY policyname;
SELECT grantee, privilege_type, is_grantable FROM information_schema.table_privileges WHERE table_name = 'rq_items' ORDER BY 1, 2;
SELECT grantee, column_name, privilege_type FROM information_schema.column_privileges
  WHERE table_name = 'rq_items' AND grantee LIKE 'rq%' ORDER BY 1, 2, 3;
SELECT has_table_privilege('rq_app', 'rq_items', 'SELECT'), has_table_privilege('rq_app', 'rq_items', 'INSERT'),
       has_table_privilege('rq_app', 'rq_items', 'UPDATE'), has_column_privilege('rq_app', 'rq_items', 'label', 'UPDATE'),
       has_table_privilege('rq odd', 'rq_items', 'SELECT WITH GRANT OPTION'), has_sequence_privilege('rq_app', 'rq_seq', 'USAGE'),
       has_sequence_privilege('rq_app', 'rq_seq', 'UPDATE'), has_table_privilege('rq_app', 'rq_items', 'DELETE, SELECT');
SELECT has_table_privilege('rq_app', 'rq_items', 'FLY');
SELECT has_table_privilege('rq_nobody', 'rq_items', 'SELECT');
-- cleanup
DROP VIEW rq_labels;
DROP TABLE rq_items;
DROP SEQUENCE rq_seq;
DROP ROLE rq_app, rq_group, "rq odd";
