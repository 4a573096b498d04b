-- pg_lsn: tracking replication positions.
CREATE TABLE replica_progress (replica text PRIMARY KEY, sent pg_lsn NOT NULL, applied pg_lsn);
INSERT INTO replica_progress VALUES
  ('a', '0/16B3748', '0/16B3700'),
  ('b', '16/B374D848', '16/B374D000'),
  ('c', 'FFFFFFFF/FFFFFFFF', '0/0'),
  ('d', '0/1', NULL),
  ('e', 'abc/DEF00', '00000ABC/000DEF00');
SELECT replica, sent, applied, sent - applied AS lag FROM replica_progress ORDER BY sent;
SELECT min(sent), max(sent), min(applied), max(applied) FROM replica_progress;
SELECT '0/0'::pg_lsn, '00000000/00000001'::pg_lsn, 'a/B'::pg_lsn;
SELECT 'G/0'::pg_lsn;
SELECT '/0'::pg_lsn;
SELECT '0/'::pg_lsn;
SELECT '123456789/0'::pg_lsn;
SELECT ' 0/1'::pg_lsn;
SELECT '0/1 '::pg_lsn;
SELECT '0/1/2'::pg_lsn;
INSERT INTO replica_progress VALUES ('f', 'nope', NULL);
-- arithmetic
SELECT '0/16AE7F7'::pg_lsn + 16, 16 + '0/16AE7F7'::pg_lsn, '0/16AE7F7'::pg_lsn - 16::numeric, '0/16AE7F7'::pg_lsn + 1.5;
SELECT '0/1'::pg_lsn - 2;
SELECT 'FFFFFFFF/FFFFFFFF'::pg_lsn + 1;
SELECT '0/1'::pg_lsn + 'NaN'::numeric;
SELECT '0/1'::pg_lsn - 'NaN'::numeric;
SELECT '0/1'::pg_lsn + 'Infinity'::numeric;
SELECT '0/0'::pg_lsn - 'FFFFFFFF/FFFFFFFF'::pg_lsn, pg_wal_lsn_diff('1/0', '0/1');
SELECT pg_lsn(4294967296.4), pg_lsn(0);
SELECT pg_lsn(-1);
SELECT pg_lsn_larger('1/0', '0/FFFFFFFF'), pg_lsn_smaller('1/0', '0/FFFFFFFF');
-- comparisons and indexes
SELECT replica FROM replica_progress WHERE sent > '0/16B3748' ORDER BY sent DESC;
SELECT '0/1'::pg_lsn = '0/00000001', '1/0'::pg_lsn > '0/FFFFFFFF', '0/1'::pg_lsn <> '0/2', '0/1'::pg_lsn <= '0/1';
CREATE INDEX replica_sent ON replica_progress (sent);
CREATE INDEX replica_applied_hash ON replica_progress USING hash (applied);
SELECT replica FROM replica_progress WHERE sent BETWEEN '0/0' AND '1/0' ORDER BY 1;
SELECT replica FROM replica_progress WHERE applied = '0/0';
SELECT DISTINCT applied IS NULL AS missing FROM replica_progress ORDER BY 1;
SELECT sent::text, '0/10'::text::pg_lsn, ARRAY['0/1', '1/0']::pg_lsn[], pg_typeof(sent) FROM replica_progress WHERE replica = 'a';
SELECT typname, typlen, typbyval, typcategory FROM pg_type WHERE oid = 'pg_lsn'::regtype;
SELECT pg_input_is_valid('16/B374D848', 'pg_lsn'), pg_input_is_valid('16/B374D848X', 'pg_lsn');
SELECT * FROM pg_input_error_info('x/y', 'pg_lsn');
