-- Column privileges of DML: what needs SELECT (only the target columns a statement reads), INSERT ...
-- ON CONFLICT (UPDATE on DO UPDATE's columns, SELECT on the arbiter's, SET's, WHERE's and EXCLUDED's
-- columns), MERGE (SELECT on the source columns its actions and RETURNING read), assignments through
-- indirection, and columns of a join with an alias.
-- Roles are cluster-wide in Postgres: every role this file makes is dropped at its end.
CREATE ROLE pdc12_u;
CREATE TABLE pdc12_a (a int PRIMARY KEY, b bool, arr int[], c int, d int UNIQUE);
CREATE TABLE pdc12_b (a int);
INSERT INTO pdc12_a VALUES (1, true, '{1,2}', 10, 100), (2, false, '{3}', 20, 200);
INSERT INTO pdc12_b VALUES (5);
GRANT UPDATE, DELETE ON pdc12_a TO pdc12_u;
GRANT SELECT ON pdc12_b TO pdc12_u;
SET ROLE pdc12_u;
-- a WHERE that reads no target column needs no SELECT on the target
UPDATE pdc12_a SET b = true FROM pdc12_b WHERE pdc12_b.a = 5;
UPDATE pdc12_a SET b = true WHERE true;
UPDATE pdc12_a SET b = true WHERE 1 = (SELECT 1);
DELETE FROM pdc12_a USING pdc12_b WHERE pdc12_b.a = 4;
DELETE FROM pdc12_a WHERE false;
-- reading a target column does
UPDATE pdc12_a SET b = true WHERE a = 1;
UPDATE pdc12_a SET c = c + 1;
DELETE FROM pdc12_a WHERE a = 3;
UPDATE pdc12_a SET b = true RETURNING a;
-- an element assignment does not read its column
UPDATE pdc12_a SET arr[1] = 5;
RESET ROLE;
SELECT a, b, arr, c FROM pdc12_a ORDER BY a;
-- INSERT ... ON CONFLICT
REVOKE ALL ON pdc12_a FROM pdc12_u;
GRANT INSERT (a, c, d), UPDATE (c) ON pdc12_a TO pdc12_u;
GRANT SELECT (a) ON pdc12_a TO pdc12_u;
SET ROLE pdc12_u;
INSERT INTO pdc12_a (a) VALUES (3) ON CONFLICT DO NOTHING;
INSERT INTO pdc12_a (a) VALUES (3) ON CONFLICT (a) DO NOTHING;
INSERT INTO pdc12_a (a) VALUES (1) ON CONFLICT (a) DO UPDATE SET c = 11;
INSERT INTO pdc12_a (a) VALUES (1) ON CONFLICT (a) DO UPDATE SET c = excluded.a;
INSERT INTO pdc12_a (a) VALUES (1) ON CONFLICT (a) DO UPDATE SET c = excluded.c;
INSERT INTO pdc12_a (a) VALUES (1) ON CONFLICT (a) DO UPDATE SET c = pdc12_a.c + 1;
INSERT INTO pdc12_a (a) VALUES (1) ON CONFLICT (a) DO UPDATE SET c = 12 WHERE pdc12_a.c IS NULL;
INSERT INTO pdc12_a (a) VALUES (1) ON CONFLICT (a) DO UPDATE SET c = 12 WHERE excluded.* IS NULL;
INSERT INTO pdc12_a (a) VALUES (1) ON CONFLICT (a) DO UPDATE SET d = 12;
INSERT INTO pdc12_a (a, c) VALUES (1, 13) ON CONFLICT (a) DO UPDATE SET c = 13 RETURNING a;
INSERT INTO pdc12_a (a, c) VALUES (1, 13) ON CONFLICT (a) DO UPDATE SET c = 13 RETURNING c;
-- the arbiter's columns need SELECT, by column list or constraint name
INSERT INTO pdc12_a (a, d) VALUES (7, 100) ON CONFLICT (d) DO UPDATE SET c = 14;
INSERT INTO pdc12_a (a, d) VALUES (7, 100) ON CONFLICT ON CONSTRAINT pdc12_a_d_key DO UPDATE SET c = 14;
INSERT INTO pdc12_a (a, d) VALUES (7, 100) ON CONFLICT ON CONSTRAINT pdc12_a_pkey DO NOTHING;
RESET ROLE;
GRANT SELECT (d) ON pdc12_a TO pdc12_u;
SET ROLE pdc12_u;
INSERT INTO pdc12_a (a, d) VALUES (7, 100) ON CONFLICT (d) DO UPDATE SET c = 14;
INSERT INTO pdc12_a (a, d) VALUES (7, 100) ON CONFLICT ON CONSTRAINT pdc12_a_d_key DO UPDATE SET c = 15;
RESET ROLE;
SELECT a, c, d FROM pdc12_a ORDER BY a;
-- MERGE: the source's columns read by the actions need SELECT
CREATE TABLE pdc12_t (a int, b text);
CREATE TABLE pdc12_s (a int, b text);
INSERT INTO pdc12_t VALUES (1, 'init1'), (2, 'init2');
INSERT INTO pdc12_s VALUES (1, 'source1'), (2, 'source2'), (3, 'source3');
GRANT SELECT (a) ON pdc12_s TO pdc12_u;
GRANT SELECT (a) ON pdc12_t TO pdc12_u;
GRANT INSERT (a, b), UPDATE (b) ON pdc12_t TO pdc12_u;
SET ROLE pdc12_u;
MERGE INTO pdc12_t t USING pdc12_s s ON t.a = s.a WHEN MATCHED THEN UPDATE SET b = s.b WHEN NOT MATCHED THEN INSERT VALUES (a, NULL);
MERGE INTO pdc12_t t USING pdc12_s s ON t.a = s.a WHEN MATCHED THEN UPDATE SET b = 'x' WHEN NOT MATCHED THEN INSERT VALUES (a, b);
MERGE INTO pdc12_t t USING pdc12_s s ON t.a = s.a WHEN MATCHED AND s.b = 'x' THEN UPDATE SET b = 'x';
MERGE INTO pdc12_t t USING pdc12_s s ON t.a = s.a WHEN MATCHED THEN UPDATE SET b = 'x' RETURNING s.b;
MERGE INTO pdc12_t t USING pdc12_s s ON t.a = s.a WHEN MATCHED THEN UPDATE SET b = 'x' RETURNING s.*;
MERGE INTO pdc12_t t USING (SELECT a FROM pdc12_s) s ON t.a = s.a WHEN MATCHED THEN UPDATE SET b = 'y' RETURNING s.*;
MERGE INTO pdc12_t t USING pdc12_s s ON t.a = s.a WHEN MATCHED THEN UPDATE SET b = 'ok' WHEN NOT MATCHED THEN INSERT VALUES (a, NULL);
RESET ROLE;
SELECT * FROM pdc12_t ORDER BY a, b;
-- a join with an alias: only the columns the query names
CREATE TABLE pdc12_j (one int, two int, three int);
INSERT INTO pdc12_j VALUES (1, 2, 3);
GRANT SELECT (one) ON pdc12_j TO pdc12_u;
SET ROLE pdc12_u;
SELECT one FROM (pdc12_j a JOIN pdc12_j b USING (one)) j;
SELECT j.one FROM (pdc12_j a JOIN pdc12_j b (one, x, y) USING (one)) j;
SELECT one FROM (pdc12_j a JOIN pdc12_j b (one, x, y) USING (one));
SELECT two FROM (pdc12_j a JOIN pdc12_j b (one, x, y) USING (one)) j;
SELECT y FROM (pdc12_j a JOIN pdc12_j b (one, x, y) USING (one)) j;
SELECT j.* FROM (pdc12_j a JOIN pdc12_j b USING (one)) j;
RESET ROLE;
DROP TABLE pdc12_a, pdc12_b, pdc12_t, pdc12_s, pdc12_j;
DROP OWNED BY pdc12_u;
DROP ROLE pdc12_u;
