-- Key values in unique / foreign-key error details are hidden from users who may not see them:
-- row-level security on the table, or no SELECT on the key columns.
-- Roles are cluster-wide in Postgres: every role this file makes is dropped at its end.
CREATE ROLE rlskd_user;
CREATE TABLE rlskd_cat (cid int PRIMARY KEY, name text);
CREATE TABLE rlskd_doc (did int PRIMARY KEY, cid int REFERENCES rlskd_cat, owner name, title text);
CREATE TABLE rlskd_plain (id int PRIMARY KEY, secret text, code text UNIQUE);
INSERT INTO rlskd_cat VALUES (11, 'novel'), (22, 'manga');
INSERT INTO rlskd_doc VALUES (1, 11, 'rlskd_user', 'a'), (2, 22, 'someone', 'b');
INSERT INTO rlskd_plain VALUES (1, 's', 'c1');
GRANT ALL ON rlskd_cat, rlskd_doc TO rlskd_user;
GRANT INSERT, UPDATE ON rlskd_plain TO rlskd_user;
GRANT SELECT (id) ON rlskd_plain TO rlskd_user;
ALTER TABLE rlskd_doc ENABLE ROW LEVEL SECURITY;
CREATE POLICY mine ON rlskd_doc USING (owner = current_user);
SET ROLE rlskd_user;
-- unique violation on a table under RLS: no DETAIL
INSERT INTO rlskd_doc VALUES (2, 11, 'rlskd_user', 'dup');
-- a foreign key pointing at a missing key, from the table under RLS
INSERT INTO rlskd_doc VALUES (3, 99, 'rlskd_user', 'x');
-- deleting a referenced key of a table without RLS: the key shows (the user can read it)
DELETE FROM rlskd_cat WHERE cid = 22;
-- column privileges: id visible, code not
INSERT INTO rlskd_plain (id, code) VALUES (1, 'c9');
INSERT INTO rlskd_plain (id, code) VALUES (2, 'c1');
RESET ROLE;
-- the owner sees everything
INSERT INTO rlskd_doc VALUES (2, 11, 'x', 'dup');
INSERT INTO rlskd_plain VALUES (2, 's', 'c1');
-- RLS on the referenced table hides its keys
ALTER TABLE rlskd_cat ENABLE ROW LEVEL SECURITY;
CREATE POLICY all_cat ON rlskd_cat USING (true);
SET ROLE rlskd_user;
DELETE FROM rlskd_cat WHERE cid = 11;
UPDATE rlskd_cat SET cid = 33 WHERE cid = 11;
RESET ROLE;
DROP TABLE rlskd_doc, rlskd_cat, rlskd_plain;
DROP ROLE rlskd_user;
