-- A Supabase-style schema: anon / authenticated / service_role, default privileges, auth.uid()
-- reading the JWT claims setting, RLS policies with subqueries, views over RLS tables,
-- SECURITY DEFINER functions, and the information_schema privilege views.
-- Roles are cluster-wide in Postgres: every role this file makes is dropped at its end.
CREATE ROLE anon NOLOGIN NOINHERIT;
CREATE ROLE authenticated NOLOGIN NOINHERIT;
CREATE ROLE service_role NOLOGIN NOINHERIT BYPASSRLS;
CREATE ROLE authenticator NOINHERIT LOGIN PASSWORD 'x';
GRANT anon, authenticated, service_role TO authenticator;
CREATE SCHEMA auth;
GRANT USAGE ON SCHEMA auth TO anon, authenticated, service_role;
CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('request.jwt.claim.sub', true), '')::uuid
$$;
CREATE FUNCTION auth.role() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT current_setting('request.jwt.claim.role', true)
$$;
GRANT USAGE ON SCHEMA public TO anon, authenticated, service_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON TABLES TO anon, authenticated, service_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON SEQUENCES TO anon, authenticated, service_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO anon, authenticated, service_role;
SELECT defaclrole::regrole, defaclnamespace::regnamespace, defaclobjtype, defaclacl FROM pg_default_acl ORDER BY defaclobjtype;
CREATE TABLE profiles (id uuid PRIMARY KEY, username text UNIQUE, team int);
CREATE TABLE todos (id serial PRIMARY KEY, user_id uuid NOT NULL REFERENCES profiles (id), task text NOT NULL, done bool NOT NULL DEFAULT false);
SELECT relname, relacl FROM pg_class WHERE relname IN ('profiles', 'todos', 'todos_id_seq') ORDER BY relname;
INSERT INTO profiles VALUES ('11111111-1111-1111-1111-111111111111', 'alice', 1), ('22222222-2222-2222-2222-222222222222', 'bob', 1),
  ('33333333-3333-3333-3333-333333333333', 'carol', 2);
INSERT INTO todos (user_id, task) VALUES ('11111111-1111-1111-1111-111111111111', 'a1'), ('11111111-1111-1111-1111-111111111111', 'a2'),
  ('22222222-2222-2222-2222-222222222222', 'b1'), ('33333333-3333-3333-3333-333333333333', 'c1');
ALTER TABLE profiles ENABLE ROW LEVEL SECURITY;
ALTER TABLE todos ENABLE ROW LEVEL SECURITY;
CREATE POLICY "Profiles are public" ON profiles FOR SELECT USING (true);
CREATE POLICY "Users update their profile" ON profiles FOR UPDATE TO authenticated USING (auth.uid() = id) WITH CHECK (auth.uid() = id);
CREATE POLICY "Own todos" ON todos FOR ALL TO authenticated USING (auth.uid() = user_id) WITH CHECK (auth.uid() = user_id);
CREATE POLICY "Team reads todos" ON todos FOR SELECT TO authenticated
  USING (user_id IN (SELECT p.id FROM profiles p WHERE p.team = (SELECT team FROM profiles WHERE id = auth.uid())));
-- anon
SET ROLE anon;
SELECT username FROM profiles ORDER BY username;
SELECT count(*) FROM todos;
INSERT INTO todos (user_id, task) VALUES ('11111111-1111-1111-1111-111111111111', 'sneaky');
RESET ROLE;
-- alice
SET request.jwt.claim.sub = '11111111-1111-1111-1111-111111111111';
SET ROLE authenticated;
SELECT current_user, auth.uid();
SELECT t.task, p.username FROM todos t JOIN profiles p ON p.id = t.user_id ORDER BY t.task;
INSERT INTO todos (user_id, task) VALUES ('11111111-1111-1111-1111-111111111111', 'a3') RETURNING task, done;
INSERT INTO todos (user_id, task) VALUES ('22222222-2222-2222-2222-222222222222', 'for bob');
UPDATE todos SET done = true WHERE task IN ('a1', 'b1') RETURNING task;
UPDATE todos SET user_id = '22222222-2222-2222-2222-222222222222' WHERE task = 'a2';
DELETE FROM todos WHERE task = 'b1';
DELETE FROM todos WHERE task = 'a3' RETURNING task;
UPDATE profiles SET username = 'alice2' WHERE username IN ('alice', 'bob') RETURNING username;
SELECT task, done FROM todos ORDER BY task;
RESET ROLE;
-- carol sees only her team
SET request.jwt.claim.sub = '33333333-3333-3333-3333-333333333333';
SET ROLE authenticated;
SELECT task FROM todos ORDER BY task;
RESET ROLE;
-- service_role bypasses RLS
SET ROLE service_role;
SELECT count(*) FROM todos;
RESET ROLE;
-- a view over an RLS table runs with its owner's rights (and policies)
CREATE VIEW open_todos AS SELECT task, user_id FROM todos WHERE NOT done;
SET request.jwt.claim.sub = '22222222-2222-2222-2222-222222222222';
SET ROLE authenticated;
SELECT task FROM open_todos ORDER BY task;
SELECT task FROM todos WHERE NOT done ORDER BY task;
RESET ROLE;
-- SECURITY DEFINER
CREATE FUNCTION todo_count() RETURNS bigint LANGUAGE sql SECURITY DEFINER AS 'SELECT count(*) FROM todos';
CREATE FUNCTION todo_count_invoker() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM todos';
CREATE FUNCTION whoami() RETURNS text LANGUAGE plpgsql SECURITY DEFINER AS $$ BEGIN RETURN current_user; END $$;
SET ROLE authenticated;
SELECT todo_count(), todo_count_invoker(), whoami(), current_user;
RESET ROLE;
RESET request.jwt.claim.sub;
-- information_schema
SELECT grantee, table_name, privilege_type, is_grantable FROM information_schema.role_table_grants
  WHERE table_schema = 'public' AND table_name = 'profiles' AND grantee IN ('anon', 'postgres') ORDER BY grantee, privilege_type;
SELECT grantee, privilege_type FROM information_schema.table_privileges WHERE table_name = 'open_todos' AND grantee = 'anon' ORDER BY privilege_type;
SELECT routine_name, grantee, privilege_type FROM information_schema.routine_privileges WHERE routine_schema = 'public' AND grantee IN ('PUBLIC', 'anon') ORDER BY 1, 2;
SELECT grantee, role_name, is_grantable FROM information_schema.applicable_roles WHERE grantee = 'authenticator' ORDER BY role_name;
SELECT count(*) > 0 FROM information_schema.enabled_roles WHERE role_name = 'anon';
SET ROLE authenticator;
SELECT role_name FROM information_schema.enabled_roles ORDER BY 1;
RESET ROLE;
-- cleanup
DROP VIEW open_todos;
DROP TABLE todos, profiles;
DROP FUNCTION todo_count(), todo_count_invoker(), whoami();
DROP SCHEMA auth CASCADE;
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM anon, authenticated, service_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM anon, authenticated, service_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE EXECUTE ON FUNCTIONS FROM anon, authenticated, service_role;
REVOKE USAGE ON SCHEMA public FROM anon, authenticated, service_role;
DROP ROLE anon, authenticated, service_role, authenticator;
