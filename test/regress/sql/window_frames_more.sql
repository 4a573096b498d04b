-- RANGE frames with offsets over every key type, their edge cases (infinities, NaN, overflow,
-- descending keys, nulls), and the errors of invalid offsets: a metrics dashboard.
CREATE TABLE readings (
  id int PRIMARY KEY,
  sensor text NOT NULL,
  taken_at timestamp,
  taken_tz timestamptz,
  taken_on date,
  local_time time,
  local_timetz timetz,
  uptime interval,
  level_f4 float4,
  level_f8 float8,
  level_num numeric,
  seq_small int2,
  seq_int int4,
  seq_big int8
);
INSERT INTO readings VALUES
  (1, 'north', '-infinity', '-infinity', '-infinity', '00:00', '00:00+00', '-infinity', '-Infinity', '-Infinity', '-Infinity', -32768, -2147483648, -9223372036854775808),
  (2, 'north', '2024-01-01 08:00', '2024-01-01 08:00+00', '2024-01-01', '08:00', '08:00+00', '1 day', -3, -3, -3, 1, 1, 1),
  (3, 'north', '2024-01-01 09:30', '2024-01-01 09:30+00', '2024-01-02', '09:30', '09:30+01', '2 days', 0, 0, 0, 2, 2, 2),
  (4, 'north', '2024-01-02 08:00', '2024-01-02 08:00+00', '2024-01-05', '10:00', '10:00+00', '1 mon', 1.5, 1.5, 1.5, 3, 3, 3),
  (5, 'south', '2024-02-01 00:00', '2024-02-01 00:00+00', '2024-02-01', '12:00', '12:00-02', '1 year', 2, 2, 2, 32766, 2147483646, 9223372036854775806),
  (6, 'south', '2024-02-01 00:00', '2024-02-01 00:00+00', '2024-02-01', '12:00', '12:00-02', '1 year', 100, 100, 100, 32767, 2147483647, 9223372036854775807),
  (7, 'south', 'infinity', 'infinity', 'infinity', '23:59:59', '23:59:59+00', 'infinity', 'Infinity', 'Infinity', 'Infinity', NULL, NULL, NULL),
  (8, 'south', NULL, NULL, NULL, NULL, NULL, NULL, 'NaN', 'NaN', 'NaN', NULL, NULL, NULL);

-- timestamps: finite and infinite offsets around infinite values
SELECT id, taken_at, count(*) OVER w, first_value(id) OVER w, last_value(id) OVER w
  FROM readings WINDOW w AS (ORDER BY taken_at RANGE BETWEEN '1 day' PRECEDING AND '1 day' FOLLOWING)
  ORDER BY id;
SELECT id, taken_at, count(*) OVER w, first_value(id) OVER w, last_value(id) OVER w
  FROM readings WINDOW w AS (ORDER BY taken_at RANGE BETWEEN 'infinity' PRECEDING AND 'infinity' FOLLOWING)
  ORDER BY id;
SELECT id, taken_at, count(*) OVER w, first_value(id) OVER w, last_value(id) OVER w
  FROM readings WINDOW w AS (ORDER BY taken_at DESC RANGE BETWEEN 'infinity' PRECEDING AND '1 hour' PRECEDING)
  ORDER BY id;
SELECT id, taken_at, count(*) OVER w
  FROM readings WINDOW w AS (ORDER BY taken_at RANGE BETWEEN CURRENT ROW AND 'infinity' FOLLOWING EXCLUDE CURRENT ROW)
  ORDER BY id;
SELECT id, taken_tz, count(*) OVER w, first_value(id) OVER w, last_value(id) OVER w
  FROM readings WINDOW w AS (ORDER BY taken_tz RANGE BETWEEN 'infinity' PRECEDING AND 'infinity' FOLLOWING)
  ORDER BY id;
SELECT id, taken_tz, count(*) OVER w
  FROM readings WINDOW w AS (ORDER BY taken_tz NULLS FIRST RANGE BETWEEN '1 mon' PRECEDING AND CURRENT ROW)
  ORDER BY id;
SELECT id, taken_on, count(*) OVER w, first_value(id) OVER w, last_value(id) OVER w
  FROM readings WINDOW w AS (ORDER BY taken_on RANGE BETWEEN 'infinity' PRECEDING AND '2 days' FOLLOWING)
  ORDER BY id;
SELECT id, taken_on, count(*) OVER w
  FROM readings WINDOW w AS (ORDER BY taken_on DESC RANGE BETWEEN '3 days' PRECEDING AND 'infinity' FOLLOWING)
  ORDER BY id;
-- time / timetz add the offset's time part without wrapping around midnight
SELECT id, local_time, count(*) OVER w, first_value(id) OVER w, last_value(id) OVER w
  FROM readings WINDOW w AS (ORDER BY local_time RANGE BETWEEN 'infinity' PRECEDING AND 'infinity' FOLLOWING)
  ORDER BY id;
SELECT id, local_time, count(*) OVER w
  FROM readings WINDOW w AS (ORDER BY local_time RANGE BETWEEN '20 hours' PRECEDING AND '90 min' FOLLOWING)
  ORDER BY id;
SELECT id, local_time, count(*) OVER w
  FROM readings WINDOW w AS (ORDER BY local_time DESC RANGE BETWEEN '2 hours' PRECEDING AND '1 day 2 hours' FOLLOWING)
  ORDER BY id;
SELECT id, local_timetz, count(*) OVER w, first_value(id) OVER w, last_value(id) OVER w
  FROM readings WINDOW w AS (ORDER BY local_timetz RANGE BETWEEN 'infinity' PRECEDING AND 'infinity' FOLLOWING)
  ORDER BY id;
SELECT id, local_timetz, count(*) OVER w
  FROM readings WINDOW w AS (ORDER BY local_timetz RANGE BETWEEN '1 hour' PRECEDING AND '2 hours' FOLLOWING)
  ORDER BY id;
-- intervals
SELECT id, uptime, count(*) OVER w, first_value(id) OVER w, last_value(id) OVER w
  FROM readings WINDOW w AS (ORDER BY uptime RANGE BETWEEN 'infinity' PRECEDING AND 'infinity' FOLLOWING)
  ORDER BY id;
SELECT id, uptime, count(*) OVER w
  FROM readings WINDOW w AS (ORDER BY uptime RANGE BETWEEN '1 day' PRECEDING AND '1 mon' FOLLOWING)
  ORDER BY id;
-- floats and numerics: infinities and NaN
SELECT id, level_f4, count(*) OVER w, first_value(id) OVER w, last_value(id) OVER w
  FROM readings WINDOW w AS (ORDER BY level_f4 RANGE BETWEEN 'infinity' PRECEDING AND 'infinity' FOLLOWING)
  ORDER BY id;
SELECT id, level_f8, count(*) OVER w, first_value(id) OVER w, last_value(id) OVER w
  FROM readings WINDOW w AS (ORDER BY level_f8 RANGE BETWEEN 1.5 PRECEDING AND 'infinity' FOLLOWING)
  ORDER BY id;
SELECT id, level_f8, count(*) OVER w
  FROM readings WINDOW w AS (ORDER BY level_f8 DESC RANGE BETWEEN 2 PRECEDING AND 1 FOLLOWING)
  ORDER BY id;
SELECT id, level_num, count(*) OVER w, first_value(id) OVER w, last_value(id) OVER w
  FROM readings WINDOW w AS (ORDER BY level_num RANGE BETWEEN 'infinity' PRECEDING AND 'infinity' FOLLOWING)
  ORDER BY id;
SELECT id, level_num, count(*) OVER w, sum(level_num) FILTER (WHERE level_num < 1000) OVER w
  FROM readings WINDOW w AS (ORDER BY level_num RANGE BETWEEN 1.5 PRECEDING AND 3.5 FOLLOWING)
  ORDER BY id;
-- integers: offsets that overflow the key type do not raise
SELECT id, seq_small, last_value(id) OVER w
  FROM readings WINDOW w AS (ORDER BY seq_small RANGE BETWEEN CURRENT ROW AND 2147483647 FOLLOWING)
  ORDER BY id;
SELECT id, seq_small, count(*) OVER w, min(id) OVER w
  FROM readings WINDOW w AS (ORDER BY seq_small DESC RANGE BETWEEN 5::int2 PRECEDING AND CURRENT ROW)
  ORDER BY id;
SELECT id, seq_int, count(*) OVER w, last_value(id) OVER w
  FROM readings WINDOW w AS (ORDER BY seq_int RANGE BETWEEN 2147483647 PRECEDING AND 3 FOLLOWING)
  ORDER BY id;
SELECT id, seq_int, count(*) OVER w
  FROM readings WINDOW w AS (ORDER BY seq_int DESC RANGE BETWEEN 9223372036854775807 PRECEDING AND 1 FOLLOWING)
  ORDER BY id;
SELECT id, seq_big, count(*) OVER w, last_value(id) OVER w
  FROM readings WINDOW w AS (ORDER BY seq_big RANGE BETWEEN 9223372036854775807 PRECEDING AND 9223372036854775807 FOLLOWING)
  ORDER BY id;
SELECT id, seq_big, count(*) OVER w
  FROM readings WINDOW w AS (ORDER BY seq_big DESC RANGE BETWEEN 2 PRECEDING AND 2 FOLLOWING)
  ORDER BY id;
-- per sensor
SELECT sensor, id, sum(level_num) OVER w, count(*) OVER w
  FROM readings WHERE level_num IS NOT NULL
  WINDOW w AS (PARTITION BY sensor ORDER BY taken_at RANGE BETWEEN '1 day' PRECEDING AND CURRENT ROW EXCLUDE TIES)
  ORDER BY sensor, id;
-- invalid offsets
SELECT id, count(*) OVER (ORDER BY level_f8 RANGE BETWEEN 1 PRECEDING AND 'NaN' FOLLOWING) FROM readings;
SELECT id, count(*) OVER (ORDER BY level_f4 RANGE BETWEEN -1 PRECEDING AND 1 FOLLOWING) FROM readings;
SELECT id, count(*) OVER (ORDER BY level_num RANGE BETWEEN 'NaN' PRECEDING AND 1 FOLLOWING) FROM readings;
SELECT id, count(*) OVER (ORDER BY level_num RANGE BETWEEN '-infinity' PRECEDING AND 1 FOLLOWING) FROM readings;
SELECT id, count(*) OVER (ORDER BY seq_int RANGE BETWEEN -1 PRECEDING AND 1 FOLLOWING) FROM readings;
SELECT id, count(*) OVER (ORDER BY seq_big RANGE BETWEEN 1 PRECEDING AND -5 FOLLOWING) FROM readings;
SELECT id, count(*) OVER (ORDER BY taken_at RANGE BETWEEN '-1 day' PRECEDING AND CURRENT ROW) FROM readings;
SELECT id, count(*) OVER (ORDER BY taken_at RANGE BETWEEN '-infinity' PRECEDING AND CURRENT ROW) FROM readings;
SELECT id, count(*) OVER (ORDER BY local_time RANGE BETWEEN '1 day -1 hour' PRECEDING AND CURRENT ROW) FROM readings;
SELECT id, count(*) OVER (ORDER BY local_time RANGE BETWEEN '-1 day 1 hour' PRECEDING AND CURRENT ROW) FROM readings ORDER BY id;
SELECT id, count(*) OVER (ORDER BY local_timetz RANGE BETWEEN CURRENT ROW AND '-infinity' FOLLOWING) FROM readings;
SELECT id, count(*) OVER (ORDER BY uptime RANGE BETWEEN '-1 mon' PRECEDING AND CURRENT ROW) FROM readings;
SELECT id, count(*) OVER (ORDER BY level_f8 RANGE BETWEEN NULL PRECEDING AND CURRENT ROW) FROM readings;
-- an empty input never evaluates the offset test
SELECT id, count(*) OVER (ORDER BY seq_int RANGE BETWEEN -1 PRECEDING AND 1 FOLLOWING) FROM readings WHERE false;
-- offsets the key type has no in_range for
SELECT id, count(*) OVER (ORDER BY sensor RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM readings;
SELECT id, count(*) OVER (ORDER BY sensor::varchar RANGE BETWEEN '1' PRECEDING AND '1' FOLLOWING) FROM readings;
SELECT id, count(*) OVER (ORDER BY taken_on RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM readings;
SELECT id, count(*) OVER (ORDER BY seq_int RANGE BETWEEN '1 day'::interval PRECEDING AND CURRENT ROW) FROM readings;
SELECT id, count(*) OVER (ORDER BY level_num RANGE BETWEEN 1.5::float8 PRECEDING AND CURRENT ROW) FROM readings;
SELECT id, count(*) OVER (ORDER BY seq_int RANGE BETWEEN 1.5 PRECEDING AND CURRENT ROW) FROM readings;
-- calls Postgres rejects
SELECT count() OVER () FROM readings;
SELECT sensor, count() FROM readings GROUP BY sensor;
SELECT rank() OVER (ORDER BY sensor), count(*) FROM readings GROUP BY 1;
SELECT sensor, row_number() OVER () AS rn FROM readings GROUP BY sensor, rn;
