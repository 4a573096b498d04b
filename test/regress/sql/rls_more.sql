-- Row-level security, continued: upserts, JWT claims read from a setting, policies reading other
-- tables, foreign keys, restrictive-only tables, FORCE, and who may manage policies.
-- Roles are cluster-wide in Postgres: every role this file makes is dropped at its end.
CREATE ROLE rm_user;
CREATE ROLE rm_other;
CREATE TABLE orgs (id int PRIMARY KEY, name text);
CREATE TABLE members (org_id int REFERENCES orgs, who name, PRIMARY KEY (org_id, who));
CREATE TABLE projects (id int PRIMARY KEY, org_id int NOT NULL REFERENCES orgs, name text NOT NULL, stars int NOT NULL DEFAULT 0);
GRANT SELECT, INSERT, UPDATE, DELETE ON orgs, members, projects TO rm_user, rm_other;
INSERT INTO orgs VALUES (1, 'acme'), (2, 'globex');
INSERT INTO members VALUES (1, 'rm_user'), (2, 'rm_other');
INSERT INTO projects VALUES (10, 1, 'rocket', 5), (20, 2, 'laser', 3);
ALTER TABLE projects ENABLE ROW LEVEL SECURITY;
ALTER TABLE members ENABLE ROW LEVEL SECURITY;
CREATE POLICY m_self ON members USING (who = current_user);
CREATE POLICY p_member ON projects USING (EXISTS (SELECT 1 FROM members m WHERE m.org_id = projects.org_id))
  WITH CHECK (org_id IN (SELECT org_id FROM members));
SET ROLE rm_user;
SELECT id, name FROM projects ORDER BY id;
SELECT * FROM members ORDER BY org_id;
INSERT INTO projects VALUES (11, 1, 'jet');
INSERT INTO projects VALUES (21, 2, 'spy');
-- upserts
INSERT INTO projects VALUES (10, 1, 'rocket', 0) ON CONFLICT (id) DO UPDATE SET stars = projects.stars + 1 RETURNING id, stars;
INSERT INTO projects VALUES (20, 1, 'laser', 0) ON CONFLICT (id) DO UPDATE SET stars = projects.stars + 1;
INSERT INTO projects VALUES (10, 1, 'rocket', 0) ON CONFLICT (id) DO UPDATE SET org_id = 2;
INSERT INTO projects VALUES (20, 1, 'x', 0) ON CONFLICT (id) DO NOTHING;
INSERT INTO projects VALUES (12, 1, 'car', 0) ON CONFLICT (id) DO UPDATE SET stars = 0 RETURNING *;
-- foreign keys are checked without RLS: orgs row 2 is referenced though invisible through members
INSERT INTO members VALUES (2, 'rm_user');
SELECT id, name FROM projects ORDER BY id;
DELETE FROM projects WHERE id = 20;
UPDATE projects SET stars = 100 WHERE org_id = 2;
SELECT id, name, stars FROM projects WHERE id IN (10, 12, 20) ORDER BY id FOR UPDATE;
RESET ROLE;
SELECT id, org_id, name, stars FROM projects ORDER BY id;
-- claims in a setting, as Supabase passes the JWT
CREATE FUNCTION jwt_sub() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT current_setting('request.jwt.claims', true)::json ->> 'sub'
$$;
CREATE TABLE messages (id int PRIMARY KEY, owner_sub text NOT NULL, body text);
GRANT ALL ON messages TO rm_user;
INSERT INTO messages VALUES (1, 'u1', 'hello'), (2, 'u2', 'secret'), (3, 'u1', 'again');
ALTER TABLE messages ENABLE ROW LEVEL SECURITY;
CREATE POLICY own ON messages USING (owner_sub = jwt_sub()) WITH CHECK (owner_sub = jwt_sub());
BEGIN;
SET LOCAL ROLE rm_user;
SET LOCAL request.jwt.claims = '{"sub": "u1", "role": "authenticated"}';
SELECT id, body FROM messages ORDER BY id;
INSERT INTO messages VALUES (4, 'u1', 'mine');
SELECT count(*) FROM messages;
COMMIT;
BEGIN;
SET LOCAL ROLE rm_user;
SELECT count(*) FROM messages;
INSERT INTO messages VALUES (5, 'u1', 'no claims');
ROLLBACK;
-- a restrictive policy alone lets nothing through
CREATE TABLE logs (id int, level text);
GRANT ALL ON logs TO rm_user;
INSERT INTO logs VALUES (1, 'info'), (2, 'error');
ALTER TABLE logs ENABLE ROW LEVEL SECURITY;
CREATE POLICY only_errors ON logs AS RESTRICTIVE USING (level = 'error');
SET ROLE rm_user;
SELECT count(*) FROM logs;
RESET ROLE;
CREATE POLICY all_rows ON logs USING (true);
SET ROLE rm_user;
SELECT id, level FROM logs ORDER BY id;
INSERT INTO logs VALUES (3, 'debug');
INSERT INTO logs VALUES (3, 'error');
RESET ROLE;
-- per-command policies: UPDATE without SELECT sees nothing to update
CREATE TABLE counters (id int PRIMARY KEY, n int);
GRANT ALL ON counters TO rm_user;
INSERT INTO counters VALUES (1, 0);
ALTER TABLE counters ENABLE ROW LEVEL SECURITY;
CREATE POLICY c_upd ON counters FOR UPDATE USING (true);
SET ROLE rm_user;
UPDATE counters SET n = n + 1;
UPDATE counters SET n = 5;
SELECT * FROM counters;
RESET ROLE;
CREATE POLICY c_sel ON counters FOR SELECT USING (true);
SET ROLE rm_user;
UPDATE counters SET n = n + 1 RETURNING n;
DELETE FROM counters;
RESET ROLE;
-- who may manage RLS
SET ROLE rm_user;
ALTER TABLE counters DISABLE ROW LEVEL SECURITY;
CREATE POLICY sneaky ON counters USING (true);
DROP POLICY c_sel ON counters;
RESET ROLE;
-- FORCE makes the owner subject to its policies
ALTER TABLE counters OWNER TO rm_other;
ALTER TABLE counters FORCE ROW LEVEL SECURITY;
SET ROLE rm_other;
INSERT INTO counters VALUES (2, 0);
SELECT id FROM counters ORDER BY id;
SET row_security = off;
SELECT id FROM counters ORDER BY id;
RESET row_security;
RESET ROLE;
SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname IN ('counters', 'logs', 'messages', 'projects') ORDER BY 1;
-- dropping a role named by a policy
CREATE POLICY for_other ON logs TO rm_other USING (true);
DROP ROLE rm_other;
DROP POLICY for_other ON logs;
-- cleanup
DROP TABLE counters, logs, messages, projects, members, orgs;
DROP FUNCTION jwt_sub();
DROP ROLE rm_user, rm_other;
