-- 'now' / 'today' input is the transaction timestamp, fresh for each execution of the same
-- statement text; to_timestamp's TZ field with offsets and abbreviations.
CREATE TABLE dt_now_t (d1 timestamptz, d2 date);
INSERT INTO dt_now_t VALUES ('now', 'today');
SELECT pg_sleep(0.05);
BEGIN;
INSERT INTO dt_now_t VALUES ('now', 'today');
SELECT pg_sleep(0.05);
INSERT INTO dt_now_t VALUES ('now', 'today');
SELECT count(*) FROM dt_now_t WHERE d1 = 'now';
SELECT count(*) FROM dt_now_t WHERE d1 = now();
SELECT count(d1), count(DISTINCT d1), count(DISTINCT d2) FROM dt_now_t;
SELECT 'now'::timestamptz = now(), 'today'::date = current_date, 'tomorrow'::date = current_date + 1, 'yesterday'::timestamp = current_date - 1;
COMMIT;
SELECT to_timestamp('2011-12-18 11:38 -05', 'YYYY-MM-DD HH12:MI TZ');
SELECT to_timestamp('2011-12-18 11:38 +01:30', 'YYYY-MM-DD HH12:MI TZ');
SELECT to_timestamp('2011-12-18 11:38 MSK', 'YYYY-MM-DD HH12:MI TZ');
SELECT to_timestamp('2011-12-18 11:38 EST', 'YYYY-MM-DD HH12:MI TZ');
SELECT to_timestamp('2011-12-18 11:38ESTFOO24', 'YYYY-MM-DD HH12:MITZFOOSS');
SELECT to_timestamp('2011-12-18 11:38-05FOO24', 'YYYY-MM-DD HH12:MITZFOOSS');
SELECT to_timestamp('2011-12-18 11:38 ...', 'YYYY-MM-DD HH12:MI TZ');
SELECT to_timestamp('2011-12-18 11:38 JUNK', 'YYYY-MM-DD HH12:MI TZ');
SELECT to_timestamp('2011-12-18 11:38 +01:xyz', 'YYYY-MM-DD HH12:MI OF');
SELECT to_timestamp('2011-12-18 11:38 -01:30', 'YYYY-MM-DD HH12:MI OF');
