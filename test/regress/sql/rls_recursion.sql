-- Row-level security: policies whose subqueries reach their own table again (42P17), views
-- over tables with RLS, policy text in pg_policies, and policies depending on what they read.
-- Roles are cluster-wide in Postgres: every role this file makes is dropped at its end.
CREATE ROLE rlsrec_owner;
CREATE ROLE rlsrec_user;
GRANT CREATE ON SCHEMA public TO rlsrec_owner, rlsrec_user;
SET ROLE rlsrec_owner;
-- direct recursion
CREATE TABLE rec1 (x int, y int);
CREATE POLICY r1 ON rec1 USING (x = (SELECT r.x FROM rec1 r WHERE y = r.y));
ALTER TABLE rec1 ENABLE ROW LEVEL SECURITY;
GRANT ALL ON rec1 TO PUBLIC;
SET ROLE rlsrec_user;
SELECT * FROM rec1;
-- mutual recursion, through every statement kind
SET ROLE rlsrec_owner;
CREATE TABLE rec2 (a int, b int);
GRANT ALL ON rec2 TO PUBLIC;
ALTER POLICY r1 ON rec1 USING (x = (SELECT a FROM rec2 WHERE b = y));
CREATE POLICY r2 ON rec2 USING (a = (SELECT x FROM rec1 WHERE y = b));
ALTER TABLE rec2 ENABLE ROW LEVEL SECURITY;
SELECT * FROM rec1;
SET ROLE rlsrec_user;
SELECT * FROM rec1;
SELECT * FROM rec2;
INSERT INTO rec1 VALUES (1, 2);
UPDATE rec1 SET x = 1;
DELETE FROM rec2;
SELECT count(*) FROM (SELECT 1 FROM rec2 WHERE a > 0) s;
-- views over the tables: created as the user, no policy is expanded at CREATE VIEW
CREATE VIEW rec1v AS SELECT * FROM rec1;
CREATE VIEW rec2v AS SELECT * FROM rec2;
SET ROLE rlsrec_owner;
ALTER POLICY r1 ON rec1 USING (x = (SELECT a FROM rec2v WHERE b = y));
ALTER POLICY r2 ON rec2 USING (a = (SELECT x FROM rec1v WHERE y = b));
SET ROLE rlsrec_user;
SELECT * FROM rec1;
SELECT * FROM rec1v;
SELECT * FROM rec2v;
-- the recursion ends when one side stops reading the other
SET ROLE rlsrec_owner;
ALTER POLICY r2 ON rec2 USING (a % 2 = 0);
INSERT INTO rec2 VALUES (2, 20), (3, 30);
INSERT INTO rec1 VALUES (2, 20), (3, 30), (4, 40);
SET ROLE rlsrec_user;
SELECT * FROM rec1 ORDER BY x;
SELECT * FROM rec1v ORDER BY x;
-- an INSERT check reading its own table (whose SELECT policies have no subquery) is no recursion
SET ROLE rlsrec_owner;
CREATE TABLE s1 (a int, b text);
GRANT ALL ON s1 TO PUBLIC;
CREATE POLICY p_ins ON s1 FOR INSERT WITH CHECK (a = (SELECT max(s.a) FROM s1 s));
ALTER TABLE s1 ENABLE ROW LEVEL SECURITY;
SET ROLE rlsrec_user;
INSERT INTO s1 VALUES (1, 'x');
-- the policy's text, subqueries included
RESET ROLE;
SELECT tablename, policyname, cmd, qual, with_check FROM pg_policies WHERE tablename IN ('rec1', 'rec2', 's1') ORDER BY 1, 2;
SELECT polname, pg_get_expr(polqual, polrelid), pg_get_expr(polwithcheck, polrelid) FROM pg_policy
  WHERE polrelid IN ('rec1'::regclass, 's1'::regclass) ORDER BY 1;
-- a view with a check option over a table with RLS
SET ROLE rlsrec_owner;
CREATE VIEW s1v WITH (security_barrier) AS SELECT * FROM s1 WHERE a > 0 WITH CHECK OPTION;
SELECT relname, reloptions FROM pg_class WHERE relname = 's1v';
-- policies depend on the relations they read
CREATE TABLE dependee (x int, y int);
CREATE TABLE dependent (x int, y int);
CREATE POLICY d1 ON dependent USING (x = (SELECT d.x FROM dependee d WHERE d.y = y));
CREATE VIEW dv AS SELECT * FROM dependee;
CREATE POLICY d2 ON dependent USING (EXISTS (SELECT 1 FROM dv));
DROP TABLE dependee;
DROP VIEW dv;
BEGIN;
DROP VIEW dv CASCADE;
SELECT policyname FROM pg_policies WHERE tablename = 'dependent' ORDER BY 1;
ROLLBACK;
DROP TABLE dependee CASCADE;
SELECT policyname FROM pg_policies WHERE tablename = 'dependent' ORDER BY 1;
SET ROLE rlsrec_user;
DROP VIEW rec1v, rec2v CASCADE;
SELECT policyname, qual FROM pg_policies WHERE tablename IN ('rec1', 'rec2') ORDER BY 1;
RESET ROLE;
DROP VIEW s1v;
DROP TABLE rec1, rec2, s1, dependent;
REVOKE CREATE ON SCHEMA public FROM rlsrec_owner, rlsrec_user;
DROP ROLE rlsrec_owner, rlsrec_user;
