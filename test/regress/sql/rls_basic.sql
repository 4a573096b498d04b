-- Row-level security: policies, who they apply to, and what SELECT / INSERT / UPDATE / DELETE see.
-- Roles are cluster-wide in Postgres: every role this file makes is dropped at its end.
CREATE ROLE rls_alice;
CREATE ROLE rls_bob;
CREATE ROLE rls_admin BYPASSRLS;
CREATE TABLE docs (id int PRIMARY KEY, owner name NOT NULL, title text, published bool DEFAULT false);
GRANT SELECT, INSERT, UPDATE, DELETE ON docs TO rls_alice, rls_bob, rls_admin;
INSERT INTO docs VALUES (1, 'rls_alice', 'a1', true), (2, 'rls_alice', 'a2', false), (3, 'rls_bob', 'b1', false);
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
SELECT relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname = 'docs';
-- enabled without policies: nothing for others, everything for the owner
SET ROLE rls_alice;
SELECT * FROM docs ORDER BY id;
INSERT INTO docs VALUES (4, 'rls_alice', 'a3');
UPDATE docs SET title = 'x';
DELETE FROM docs;
RESET ROLE;
SELECT count(*) FROM docs;
CREATE POLICY own_docs ON docs USING (owner = current_user);
CREATE POLICY own_docs ON docs USING (true);
CREATE POLICY read_published ON docs FOR SELECT USING (published);
CREATE POLICY bad ON docs FOR INSERT USING (true);
CREATE POLICY bad ON docs FOR SELECT WITH CHECK (true);
CREATE POLICY bad ON docs USING (nope);
CREATE POLICY bad ON docs USING (1);
CREATE POLICY bad ON missing USING (true);
CREATE POLICY bad ON docs TO rls_nobody USING (true);
SELECT polname, polcmd, polpermissive, polroles, pg_get_expr(polqual, polrelid) AS qual, pg_get_expr(polwithcheck, polrelid) AS check
  FROM pg_policy ORDER BY polname;
SELECT schemaname, tablename, policyname, permissive, roles, cmd, qual, with_check FROM pg_policies ORDER BY policyname;
SET ROLE rls_alice;
SELECT * FROM docs ORDER BY id;
SELECT count(*) FROM docs WHERE published;
INSERT INTO docs VALUES (4, 'rls_alice', 'a3');
INSERT INTO docs VALUES (5, 'rls_bob', 'forged');
UPDATE docs SET title = upper(title) RETURNING id, title;
UPDATE docs SET owner = 'rls_bob' WHERE id = 4;
DELETE FROM docs WHERE id = 3;
DELETE FROM docs WHERE id = 2 RETURNING id;
RESET ROLE;
SET ROLE rls_bob;
SELECT * FROM docs ORDER BY id;
UPDATE docs SET title = 'pub' WHERE id = 1;
RESET ROLE;
SET ROLE rls_admin;
SELECT count(*) FROM docs;
RESET ROLE;
-- restrictive policies
CREATE POLICY not_b ON docs AS RESTRICTIVE USING (title NOT LIKE 'B%');
SET ROLE rls_bob;
SELECT id, title FROM docs ORDER BY id;
INSERT INTO docs VALUES (6, 'rls_bob', 'Bad');
INSERT INTO docs VALUES (6, 'rls_bob', 'good');
SELECT id, title FROM docs ORDER BY id;
RESET ROLE;
-- policies for a role
CREATE POLICY bob_reads_all ON docs FOR SELECT TO rls_bob USING (true);
SET ROLE rls_bob;
SELECT id FROM docs ORDER BY id;
RESET ROLE;
SET ROLE rls_alice;
SELECT id FROM docs ORDER BY id;
RESET ROLE;
-- WITH CHECK on UPDATE
CREATE TABLE notes (id int PRIMARY KEY, author name, body text);
GRANT ALL ON notes TO rls_alice;
ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY n_all ON notes USING (author = current_user) WITH CHECK (author = current_user AND body <> '');
SET ROLE rls_alice;
INSERT INTO notes VALUES (1, 'rls_alice', 'hi');
INSERT INTO notes VALUES (2, 'rls_alice', '');
UPDATE notes SET body = '' WHERE id = 1;
UPDATE notes SET body = 'there' WHERE id = 1;
INSERT INTO notes VALUES (3, 'rls_alice', 'x') RETURNING *;
SELECT * FROM notes ORDER BY id;
RESET ROLE;
-- FORCE and the owner
ALTER TABLE notes OWNER TO rls_alice;
SET ROLE rls_alice;
INSERT INTO notes VALUES (4, 'someone', 'owner bypasses');
SELECT count(*) FROM notes;
ALTER TABLE notes FORCE ROW LEVEL SECURITY;
SELECT count(*) FROM notes;
ALTER TABLE notes NO FORCE ROW LEVEL SECURITY;
RESET ROLE;
-- row_security = off
SET row_security = off;
SELECT count(*) FROM docs;
SET ROLE rls_alice;
SELECT count(*) FROM docs;
RESET ROLE;
RESET row_security;
-- ALTER / DROP POLICY, DISABLE
ALTER POLICY own_docs ON docs RENAME TO mine;
ALTER POLICY mine ON docs USING (owner = current_user AND id < 3);
ALTER POLICY read_published ON docs WITH CHECK (true);
SET ROLE rls_alice;
SELECT id FROM docs ORDER BY id;
RESET ROLE;
DROP POLICY mine ON docs;
DROP POLICY mine ON docs;
DROP POLICY IF EXISTS mine ON docs;
ALTER TABLE docs DISABLE ROW LEVEL SECURITY;
SET ROLE rls_alice;
SELECT count(*) FROM docs;
RESET ROLE;
SELECT polname FROM pg_policy ORDER BY 1;
DROP TABLE docs, notes;
DROP ROLE rls_alice, rls_bob, rls_admin;
