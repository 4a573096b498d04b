-- Transaction ids as applications see them: pg_current_xact_id() / txid_current() for audit
-- columns and outbox tables, pg_xact_status() to ask whether a transaction committed, snapshots
-- (pg_current_snapshot) for change-data-capture cursors; the xid8, xid, cid, tid and pg_snapshot
-- types. Real xid values differ between clusters, so only facts about them are printed.
CREATE TABLE outbox (id bigserial PRIMARY KEY, tx xid8 NOT NULL DEFAULT pg_current_xact_id(), topic text NOT NULL);
CREATE SEQUENCE seen_xid;

-- Types: input, output, errors.
SELECT '5'::xid8, '-1'::xid8, '18446744073709551615'::xid8, '0x10'::xid8, '010'::xid8, ' 7 '::xid8, '+5'::xid8, '-18446744073709551615'::xid8;
SELECT '18446744073709551616'::xid8;
SELECT '-18446744073709551616'::xid8;
SELECT 'abc'::xid8;
SELECT ''::xid8;
SELECT '5e1'::xid8;
SELECT '08'::xid8;
SELECT '0x'::xid8;
SELECT '1 2'::xid8;
SELECT '5'::xid, '-1'::xid, '0x10'::xid, '010'::xid, '4294967295'::xid;
SELECT '4294967296'::xid;
SELECT '-2147483649'::xid;
SELECT 'x'::xid;
SELECT '5'::cid, '-1'::cid, '0x10'::cid;
SELECT '4294967296'::cid;
SELECT 'abc'::cid;
SELECT '(0,1)'::tid, '(1,2)'::tid, '(4294967295,65535)'::tid, ' (1,2)'::tid, '(1,2) '::tid, '( 1,2)'::tid, '(1,+2)'::tid, '(-1,2)'::tid, '(-0,2)'::tid;
SELECT '( 1 , 2 )'::tid;
SELECT '(1,65536)'::tid;
SELECT '(1,-2)'::tid;
SELECT '(4294967296,1)'::tid;
SELECT '(1,2,3)'::tid;
SELECT '()'::tid;
SELECT 'x'::tid;
SELECT '10:20:10,14,15'::pg_snapshot, '10:20:'::pg_snapshot, '10:20:11,12,'::pg_snapshot, '10:20: 11'::pg_snapshot, '10: 20:'::pg_snapshot, ' 10:20:'::pg_snapshot, '10:20:10, 14'::pg_snapshot, '1:1:'::pg_snapshot;
SELECT '10:20:13,13'::txid_snapshot, '10:20:11,11,12'::pg_snapshot;
SELECT '20:10:'::pg_snapshot;
SELECT '10:20:5'::pg_snapshot;
SELECT '10:20:20'::pg_snapshot;
SELECT '10:20:14,13'::pg_snapshot;
SELECT '10:20:15,14'::txid_snapshot;
SELECT '0:10:'::pg_snapshot;
SELECT '0x10:20:'::pg_snapshot;
SELECT '10:20:10,,14'::pg_snapshot;
SELECT '10:20:,'::pg_snapshot;
SELECT '10:20:11,12,,'::pg_snapshot;
SELECT '10:20:11 '::pg_snapshot;
SELECT '10:20:10,14 ,15'::pg_snapshot;

-- Operators, casts, ordering, aggregates.
SELECT '5'::xid8 = '5'::xid8, '5'::xid8 <> '6'::xid8, '5'::xid8 < '6'::xid8, '5'::xid8 <= '5'::xid8, '7'::xid8 > '6'::xid8, '7'::xid8 >= '8'::xid8;
SELECT '5'::xid = '5'::xid, '5'::xid <> '6'::xid, '5'::xid = 5, '5'::xid <> 5, '4294967295'::xid = -1;
SELECT '5'::xid < '6'::xid;
SELECT '5'::cid = '5'::cid;
SELECT '(0,1)'::tid < '(0,2)'::tid, '(1,1)'::tid > '(0,200)'::tid, '(0,1)'::tid = '(0,1)'::tid, '(0,1)'::tid <> '(0,1)'::tid;
SELECT '5'::xid8::xid, '4294967301'::xid8::xid, xid('4294967296'::xid8), '5'::xid8::text, '12'::text::xid8;
SELECT '5'::xid8::bigint;
SELECT 5::xid8;
SELECT '5'::xid8 + 1;
SELECT min(x), max(x), count(DISTINCT x) FROM (VALUES ('5'::xid8), ('7'::xid8), ('5'::xid8), (NULL)) v(x);
SELECT min(t), max(t) FROM (VALUES ('(0,5)'::tid), ('(2,1)'::tid), ('(0,7)'::tid)) v(t);
SELECT x FROM (VALUES ('30'::xid8), ('4'::xid8), ('18446744073709551615'::xid8), ('200'::xid8)) v(x) ORDER BY x;
SELECT x, count(*) FROM (VALUES ('3'::xid8), ('3'::xid8), ('9'::xid8)) v(x) GROUP BY x ORDER BY x DESC;
SELECT xid8_larger('5', '9'), xid8_smaller('5', '9');
SELECT pg_typeof('1'::xid8), pg_typeof('1'::cid), pg_typeof('(0,1)'::tid), pg_typeof('1:1:'::pg_snapshot), pg_typeof('1:1:'::txid_snapshot);
SELECT ARRAY['1', '2']::xid8[], ARRAY['(0,1)']::tid[];

-- Snapshot accessors.
SELECT pg_snapshot_xmin('10:20:10,14,15'), pg_snapshot_xmax('10:20:10,14,15'), txid_snapshot_xmin('10:20:10,14,15'), txid_snapshot_xmax('10:20:10,14,15');
SELECT pg_snapshot_xip('10:20:10,14,15');
SELECT txid_snapshot_xip('10:20:12');
SELECT pg_snapshot_xip('10:20:');
SELECT x, pg_visible_in_snapshot(x::text::xid8, '10:20:10,14,15'), txid_visible_in_snapshot(x, '10:20:10,14,15') FROM (VALUES (9), (10), (11), (14), (19), (20), (25)) v(x) ORDER BY x;
SELECT pg_typeof(pg_snapshot_xmin('1:1:')), pg_typeof(txid_snapshot_xmin('1:1:'));

-- The current transaction.
SELECT pg_typeof(pg_current_xact_id()), pg_typeof(txid_current()), pg_typeof(pg_current_snapshot()), pg_typeof(txid_current_snapshot());
SELECT pg_current_xact_id() IS NOT NULL, pg_current_xact_id_if_assigned() IS NOT NULL;
SELECT txid_current_if_assigned() IS NULL;
BEGIN;
SELECT pg_current_xact_id_if_assigned() IS NULL, txid_current_if_assigned() IS NULL;
INSERT INTO outbox (topic) VALUES ('order.created');
SELECT pg_current_xact_id_if_assigned() IS NOT NULL, pg_current_xact_id_if_assigned() = pg_current_xact_id(), txid_current() = pg_current_xact_id()::text::bigint;
SELECT tx = pg_current_xact_id() FROM outbox;
SELECT pg_xact_status(pg_current_xact_id()), txid_status(txid_current());
SELECT pg_snapshot_xmax(pg_current_snapshot()) = pg_current_xact_id(), pg_snapshot_xmin(pg_current_snapshot()) = pg_current_xact_id();
SELECT count(*) FROM pg_snapshot_xip(pg_current_snapshot());
SELECT pg_visible_in_snapshot(pg_current_xact_id(), pg_current_snapshot());
SELECT txid_snapshot_xmax(txid_current_snapshot()) = txid_current();
SAVEPOINT s1;
INSERT INTO outbox (topic) VALUES ('order.paid');
-- A subtransaction has its own xid, but the transaction's id stays the top-level one.
SELECT txid_current() = pg_current_xact_id()::text::bigint, count(DISTINCT tx) FROM outbox;
RELEASE SAVEPOINT s1;
SELECT setval('seen_xid', txid_current()) > 0;
COMMIT;
SELECT pg_xact_status(last_value::text::xid8), txid_status(last_value) FROM seen_xid;
SELECT pg_visible_in_snapshot(tx, pg_current_snapshot()), tx < pg_current_xact_id() FROM outbox ORDER BY id;
SELECT pg_current_xact_id() > tx FROM outbox ORDER BY id;
BEGIN;
INSERT INTO outbox (topic) VALUES ('order.cancelled');
SELECT setval('seen_xid', txid_current()) > 0;
ROLLBACK;
SELECT pg_xact_status(last_value::text::xid8) FROM seen_xid;
SELECT count(*) FROM outbox;
SELECT pg_xact_status('1'::xid8), pg_xact_status('2'::xid8), pg_xact_status('0'::xid8) IS NULL, txid_status(0) IS NULL;
SELECT pg_xact_status('18446744073709551615'::xid8);
SELECT txid_status(4000000000);
-- Outbox polling: rows whose transactions committed before a snapshot.
SELECT topic FROM outbox WHERE pg_visible_in_snapshot(tx, pg_current_snapshot()) ORDER BY id;

-- age(xid).
SELECT age('0'::xid), age('1'::xid), age('2'::xid);
SELECT pg_typeof(age('3'::xid));
SELECT age('2020-01-01');
BEGIN;
SELECT age(pg_current_xact_id()::xid), age(txid_current()::text::xid);
SAVEPOINT s2;
INSERT INTO outbox (topic) VALUES ('refund');
SELECT age(xid(tx)) FROM outbox WHERE topic = 'refund';
COMMIT;

-- System columns: ctid for de-duplication and row identity, xmin as an optimistic-concurrency
-- token, tableoid::regclass, cmin/cmax; their errors.
CREATE TABLE docs (id int PRIMARY KEY, title text NOT NULL, rev bigint NOT NULL DEFAULT 1);
INSERT INTO docs VALUES (1, 'a', 1), (2, 'b', 1), (3, 'c', 1);
SELECT ctid, id FROM docs ORDER BY id;
SELECT docs.ctid, xmin = xmin, cmin, cmax, xmax, tableoid::regclass FROM docs ORDER BY id;
SELECT pg_typeof(ctid), pg_typeof(xmin), pg_typeof(cmin), pg_typeof(xmax), pg_typeof(cmax), pg_typeof(tableoid) FROM docs LIMIT 1;
UPDATE docs SET rev = rev + 1 WHERE id = 2;
SELECT ctid, id, xmax FROM docs ORDER BY id;
SELECT id FROM docs WHERE ctid = '(0,1)';
DELETE FROM docs WHERE ctid = '(0,3)';
SELECT ctid, id FROM docs ORDER BY ctid;
SELECT id FROM docs ORDER BY ctid DESC;
SELECT min(ctid), max(ctid), count(DISTINCT ctid) FROM docs;
INSERT INTO docs VALUES (9, 'z', 0) RETURNING ctid, cmin, xmax, tableoid::regclass;
UPDATE docs SET title = 'zz' WHERE id = 9 RETURNING ctid, xmax;
DELETE FROM docs WHERE id = 9 RETURNING ctid;
BEGIN;
INSERT INTO docs VALUES (10, 'q', 1);
INSERT INTO docs VALUES (11, 'r', 1);
SELECT id, cmin, cmax, xmin = pg_current_xact_id()::xid FROM docs WHERE id >= 10 ORDER BY id;
COMMIT;
-- Optimistic concurrency: update only if nobody changed the row since it was read.
CREATE TEMP TABLE seen AS SELECT id, xmin AS token FROM docs WHERE id = 1;
UPDATE docs d SET title = 'edited' FROM seen s WHERE d.id = s.id AND d.xmin = s.token;
UPDATE docs d SET title = 'stale edit' FROM seen s WHERE d.id = s.id AND d.xmin = s.token;
SELECT title FROM docs WHERE id = 1;
-- De-duplication by ctid.
CREATE TABLE dupes (email text);
INSERT INTO dupes VALUES ('a@x'), ('b@x'), ('a@x'), ('a@x'), ('b@x'), ('c@x');
DELETE FROM dupes a USING dupes b WHERE a.email = b.email AND a.ctid > b.ctid;
SELECT ctid, email FROM dupes ORDER BY ctid;
SELECT count(*) FROM docs a, docs b WHERE a.ctid = b.ctid;
SELECT * FROM docs a JOIN docs b USING (id) WHERE ctid IS NULL;
SELECT a.ctid = b.ctid FROM docs a JOIN docs b USING (id) ORDER BY a.id;
SELECT ctid FROM (SELECT * FROM docs) s;
WITH c AS (SELECT ctid AS c, id FROM docs) SELECT * FROM c ORDER BY id;
SELECT ctid, count(*) FROM docs GROUP BY ctid ORDER BY 1;
SELECT xmin IS NOT NULL FROM docs GROUP BY id ORDER BY id;
SELECT ctid FROM docs GROUP BY title;
SELECT docs FROM docs ORDER BY id;
SELECT row_to_json(docs) FROM docs ORDER BY id;
SELECT ctid FROM docs WHERE xmin = xmin ORDER BY 1 FOR UPDATE;
CREATE VIEW docs_v AS SELECT ctid, xmin, id, title FROM docs;
SELECT pg_get_viewdef('docs_v');
SELECT id FROM docs_v ORDER BY id;
SELECT ctid FROM docs_v WHERE id = 1;
UPDATE docs_v SET title = 'via view' WHERE id = 2;
SELECT id, title FROM docs ORDER BY id;
SELECT ctid FROM docs_v;
CREATE TABLE bad_check (a int CHECK (ctid IS NOT NULL));
CREATE TABLE bad_gen (a int, b tid GENERATED ALWAYS AS (ctid) STORED);
CREATE TABLE ok_check (a int CHECK (tableoid > 0));
INSERT INTO ok_check VALUES (1);
CREATE TABLE ok_gen (a int, b oid GENERATED ALWAYS AS (tableoid) STORED);
INSERT INTO ok_gen (a) VALUES (1);
SELECT b = 'ok_gen'::regclass FROM ok_gen;
CREATE INDEX ON docs (ctid);
CREATE INDEX ON docs ((ctid));
CREATE INDEX ON docs (tableoid);
CREATE INDEX ON docs (id) WHERE xmin <> '0';
CREATE TABLE bad_name (xmin int);
ALTER TABLE docs ADD COLUMN cmax int;
ALTER TABLE docs RENAME COLUMN title TO xmax;
SELECT ctid FROM generate_series(1, 2) g;
-- System columns through hash joins and sorts (the row version travels with the joined row).
CREATE TABLE sj_a (id int PRIMARY KEY, v int);
CREATE TABLE sj_b (id int PRIMARY KEY, w int);
INSERT INTO sj_a SELECT g, g FROM generate_series(1, 300) g;
INSERT INTO sj_b SELECT g, g FROM generate_series(1, 300) g;
SELECT sj_a.ctid, sj_b.xmin = sj_b.xmin, sj_a.id FROM sj_a JOIN sj_b ON sj_a.id = sj_b.id WHERE sj_a.id <= 3 ORDER BY sj_a.id;
SELECT count(*) FROM sj_a JOIN sj_b ON sj_a.id = sj_b.id WHERE sj_a.ctid = sj_b.ctid;
SELECT sj_a.id, sj_b.ctid FROM sj_a JOIN sj_b ON sj_a.id = sj_b.id ORDER BY sj_b.ctid DESC LIMIT 3;
SELECT sj_a.id % 2 AS odd, count(*), min(sj_a.ctid), max(sj_b.ctid) FROM sj_a JOIN sj_b ON sj_a.id = sj_b.id GROUP BY 1 ORDER BY 1;
