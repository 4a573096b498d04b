-- Row-level security: COPY TO through the policies, FROM ONLY under RLS, DROP OWNED BY and
-- policies, the policy-kind syntax error.
-- Roles are cluster-wide in Postgres: every role this file makes is dropped at its end.
CREATE ROLE rlscp_user;
CREATE ROLE rlscp_role1;
CREATE ROLE rlscp_role2;
CREATE TABLE rlscp_t (a int, b text);
INSERT INTO rlscp_t VALUES (1, 'x'), (2, 'y'), (3, 'z');
GRANT SELECT ON rlscp_t TO rlscp_user;
ALTER TABLE rlscp_t ENABLE ROW LEVEL SECURITY;
CREATE POLICY odd ON rlscp_t USING (a % 2 = 1);
CREATE TABLE rlscp_p (a int, b text) PARTITION BY RANGE (a);
CREATE TABLE rlscp_p1 PARTITION OF rlscp_p FOR VALUES FROM (0) TO (10);
INSERT INTO rlscp_p VALUES (1, 'q'), (2, 'r');
GRANT SELECT ON rlscp_p, rlscp_p1 TO rlscp_user;
ALTER TABLE rlscp_p ENABLE ROW LEVEL SECURITY;
CREATE POLICY all_rows ON rlscp_p USING (true);
CREATE TABLE rlscp_parent (a int);
CREATE TABLE rlscp_child () INHERITS (rlscp_parent);
INSERT INTO rlscp_parent VALUES (1);
INSERT INTO rlscp_child VALUES (2);
GRANT SELECT ON rlscp_parent TO rlscp_user;
ALTER TABLE rlscp_parent ENABLE ROW LEVEL SECURITY;
CREATE POLICY all_rows ON rlscp_parent USING (a > 0);
SET ROLE rlscp_user;
-- COPY TO reads through the policies
COPY rlscp_t TO stdout;
COPY rlscp_t (b) TO stdout WITH (FORMAT csv, HEADER);
COPY (SELECT * FROM rlscp_t) TO stdout;
-- a partitioned table under RLS is read as FROM ONLY: no rows
COPY rlscp_p TO stdout;
COPY (SELECT * FROM rlscp_p ORDER BY a) TO stdout;
SELECT * FROM ONLY rlscp_p;
SELECT * FROM rlscp_p ORDER BY a;
SELECT * FROM ONLY rlscp_parent;
SELECT * FROM rlscp_parent ORDER BY a;
SET row_security = off;
COPY rlscp_t TO stdout;
RESET row_security;
COPY rlscp_t FROM stdin;
RESET ROLE;
COPY rlscp_t TO stdout;
COPY rlscp_p TO stdout;
-- DROP OWNED BY takes the role out of policies, and drops the policies naming only it
CREATE POLICY p1 ON rlscp_t TO rlscp_role1 USING (true);
DROP OWNED BY rlscp_role1;
DROP POLICY p1 ON rlscp_t;
CREATE POLICY p1 ON rlscp_t TO rlscp_role1, rlscp_role2 USING (true);
DROP OWNED BY rlscp_role1;
SELECT policyname, roles FROM pg_policies WHERE tablename = 'rlscp_t' ORDER BY 1;
DROP POLICY p1 ON rlscp_t;
CREATE POLICY p1 ON rlscp_t TO rlscp_role1, rlscp_role1 USING (true);
DROP OWNED BY rlscp_role1;
DROP POLICY p1 ON rlscp_t;
-- only PERMISSIVE or RESTRICTIVE
CREATE POLICY p1 ON rlscp_t AS UGLY USING (true);
DROP TABLE rlscp_t, rlscp_p, rlscp_parent, rlscp_child;
DROP ROLE rlscp_user, rlscp_role1, rlscp_role2;
