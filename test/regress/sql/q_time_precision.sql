-- TIME / TIMESTAMP precision above 6 is reduced to 6 with a warning, in casts, SQL value
-- functions and column types.
SELECT current_time = current_time(7);
SELECT current_timestamp(7) = current_timestamp;
SELECT localtime(9) = localtime;
SELECT localtimestamp(7) = localtimestamp;
SELECT pg_typeof(current_time(7)), pg_typeof(localtimestamp(8));
SELECT '12:34:56.1234567'::time(7);
SELECT '2024-01-02 12:34:56.1234567'::timestamp(8);
SELECT '2024-01-02 12:34:56.1234567+02'::timestamptz(7);
SELECT '12:34:56.1234567+02'::timetz(10);
SELECT '12:34:56'::time(-1);
SELECT '12:34:56'::timetz(-2);
CREATE TABLE events (id int, at timestamp(3));
ALTER TABLE events ADD COLUMN seen timestamptz(7);
ALTER TABLE events ALTER COLUMN at TYPE time(8);
SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'events'::regclass AND attnum > 0 ORDER BY attnum;
CREATE TABLE logs (at time(7), seen timestamptz(9)[]);
CREATE DOMAIN precise_time AS time(8);
CREATE TABLE copies AS SELECT '1:00'::time(8) AS t;
