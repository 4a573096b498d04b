-- Row-level security and SELECT ... FOR UPDATE / SHARE: the UPDATE policies' USING applies too
-- (rows the role may see but not update are not returned), and the rows are locked.
-- Roles are cluster-wide in Postgres: every role this file makes is dropped at its end.
CREATE ROLE rfu12_u;
CREATE TABLE rfu12_t (id int PRIMARY KEY, owner text, v int);
INSERT INTO rfu12_t VALUES (1, 'a', 1), (2, 'b', 2), (3, 'a', 3), (4, 'c', 4);
ALTER TABLE rfu12_t ENABLE ROW LEVEL SECURITY;
CREATE POLICY sel ON rfu12_t FOR SELECT USING (true);
CREATE POLICY upd ON rfu12_t FOR UPDATE USING (owner = 'a');
CREATE TABLE rfu12_other (id int, note text);
INSERT INTO rfu12_other VALUES (1, 'x'), (2, 'y');
GRANT SELECT, UPDATE ON rfu12_t TO rfu12_u;
GRANT SELECT, UPDATE ON rfu12_other TO rfu12_u;
SET ROLE rfu12_u;
SELECT id FROM rfu12_t ORDER BY id;
SELECT id FROM rfu12_t ORDER BY id FOR UPDATE;
SELECT id FROM rfu12_t ORDER BY id FOR NO KEY UPDATE;
SELECT id FROM rfu12_t ORDER BY id FOR SHARE;
SELECT id FROM rfu12_t ORDER BY id FOR KEY SHARE;
SELECT id, v FROM rfu12_t t WHERE v > 1 ORDER BY id FOR UPDATE OF t;
SELECT id FROM rfu12_t ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED;
SELECT t.* FROM rfu12_t t ORDER BY id FOR UPDATE;
SELECT t.id, o.note FROM rfu12_t t JOIN rfu12_other o USING (id) ORDER BY 1 FOR UPDATE OF t;
SELECT t.id, o.note FROM rfu12_t t LEFT JOIN rfu12_other o USING (id) ORDER BY 1 FOR UPDATE;
SELECT a.id, b.id FROM rfu12_t a LEFT JOIN rfu12_t b ON b.id = a.id + 2 ORDER BY 1 FOR UPDATE OF a;
SELECT count(*) FROM (SELECT id FROM rfu12_t FOR UPDATE) s;
-- the rows are locked: another statement of this transaction sees its own lock
BEGIN;
SELECT id FROM rfu12_t WHERE id = 3 FOR UPDATE;
UPDATE rfu12_t SET v = v + 10 WHERE id = 3 RETURNING id, v;
ROLLBACK;
-- system columns and whole rows of a table read through its policies
SELECT tableoid::regclass, ctid, xmin = xmin AS x, * FROM rfu12_t ORDER BY id;
SELECT t.ctid, t.id FROM rfu12_t t WHERE t.ctid = '(0,1)';
SELECT t FROM rfu12_t t ORDER BY id;
SELECT ctid, row_to_json(t) FROM rfu12_t t ORDER BY id FOR UPDATE;
SELECT o.id, t, t.ctid FROM rfu12_other o LEFT JOIN rfu12_t t USING (id) ORDER BY 1;
SELECT (t).v, t::text FROM rfu12_t t ORDER BY id;
BEGIN;
SELECT id, ctid FROM rfu12_t ORDER BY id FOR UPDATE;
SELECT id, xmax <> 0 AS locked FROM rfu12_t ORDER BY id;
ROLLBACK;
-- restrictive UPDATE policies count as well
RESET ROLE;
CREATE POLICY upd_r ON rfu12_t AS RESTRICTIVE FOR UPDATE USING (v < 3);
SET ROLE rfu12_u;
SELECT id FROM rfu12_t ORDER BY id FOR UPDATE;
SELECT id FROM rfu12_t ORDER BY id;
-- without UPDATE privilege FOR UPDATE is refused
RESET ROLE;
REVOKE UPDATE ON rfu12_t FROM rfu12_u;
SET ROLE rfu12_u;
SELECT id FROM rfu12_t FOR UPDATE;
SELECT id FROM rfu12_t FOR SHARE;
RESET ROLE;
DROP TABLE rfu12_t, rfu12_other;
DROP ROLE rfu12_u;
