-- Postgres's hash functions: exact values (hash indexes, hash partitioning and apps that bucket
-- rows with hashtext() / hashint8() depend on them).
SELECT hashint2(0::int2), hashint2(-1::int2), hashint2extended(42::int2, 7), hashint4(1), hashint4(-2147483648), hashint4extended(1, 0), hashint4extended(1, 1);
SELECT hashint8(0), hashint8(-1), hashint8(9223372036854775807), hashint8extended(1234567890123, 99), hashint8extended(-5, -5);
SELECT hashoid(0), hashoid(4294967295), hashoidextended(1259, 3), hashbool(true), hashbool(false), hashboolextended(true, 1);
SELECT hashchar('a'), hashchar(''), hashcharextended('Z', 2), hashname('pg_class'), hashnameextended('pg_class', 2);
SELECT hashtext(''), hashtext('PostgreSQL'), hashtext('élan vital ✓'), hashtextextended('PostgreSQL', 0), hashtextextended('a much longer text value that spans several twelve-byte blocks', 12345);
SELECT hashbpchar('abc'::char(10)), hashbpchar('abc'), hashbpcharextended('abc  '::char(5), 1), hashbytea('\x0102'), hashbyteaextended('', 9);
SELECT hashfloat4(1.5), hashfloat4(0), hashfloat4('-0'), hashfloat4('NaN'), hashfloat4extended(0, 77), hashfloat8(1.5), hashfloat8(-1e300), hashfloat8('Infinity'), hashfloat8extended('NaN', 5);
SELECT hashfloat4(1.5) = hashfloat8(1.5) AS same, hashfloat8('NaN') = hashfloat8(-'NaN'::float8) AS nan_same;
SELECT hash_numeric(0), hash_numeric(0.000), hash_numeric(1), hash_numeric(1.0), hash_numeric(-1), hash_numeric(12345.6789), hash_numeric(0.00001), hash_numeric(1e20), hash_numeric('NaN'), hash_numeric('Infinity');
SELECT hash_numeric_extended(0, 5), hash_numeric_extended(10000, 5), hash_numeric_extended(-0.5, 1), hash_numeric_extended('NaN', 3), hash_numeric_extended(149484958.550273, 0);
SELECT hashdate('2024-02-29'), hashdate('infinity'), hashdateextended('2000-01-01', 1), time_hash('12:34:56.789'), time_hash_extended('00:00', 2);
SELECT timetz_hash('12:34:56+05:30'), timetz_hash('12:34:56-08'), timetz_hash_extended('00:11:52.518762-07', 1);
SELECT timestamp_hash('2024-01-01 12:00'), timestamp_hash_extended('infinity', 0), timestamptz_hash('2024-01-01 12:00+00'), timestamptz_hash_extended('1999-12-31 23:59:59.999999+02', 8);
SELECT interval_hash('1 day'), interval_hash('24 hours'), interval_hash('1 mon'), interval_hash('30 days'), interval_hash_extended('17 years 11 months 7 days 9 hours', 3);
SELECT uuid_hash('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'), uuid_hash_extended('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 1);
SELECT hashmacaddr('08:00:2b:01:02:04'), hashmacaddrextended('08:00:2b:01:02:04', 1), hashmacaddr8('08:00:2b:01:02:04:36:49'), hashmacaddr8extended('08:00:2b:01:02:04:36:49', 0);
SELECT hashinet('192.168.100.128/25'), hashinet('::1'), hashinet('10.0.0.0/8'::cidr), hashinetextended('172.18.103.126/24', 2);
SELECT pg_lsn_hash('16/B374D84'), pg_lsn_hash_extended('900/F37FD90', 1), hashoidvector('1 2 3'), hashoidvectorextended('', 4);
SELECT jsonb_hash('{}'), jsonb_hash('[]'), jsonb_hash('null'), jsonb_hash('true'), jsonb_hash('"x"'), jsonb_hash('1.50'), jsonb_hash('1.5');
SELECT jsonb_hash('{"a": "aaa bbb", "b": ["eee", null, false], "c": {"d": 1}}'), jsonb_hash_extended('{"a": "aaa bbb", "b": ["eee", null, false], "c": {"d": 1}}', 0), jsonb_hash_extended('{"a": [true, 2]}', 42), jsonb_hash_extended('{}', 42);
SELECT hash_array('{1,2,3}'::int[]), hash_array('{}'::int[]), hash_array('{NULL,1}'::int[]), hash_array('{{a,b},{c,d}}'::text[]), hash_array_extended('{1.5,2}'::numeric[], 7);
SELECT hash_range(int4range(10, 20)), hash_range('empty'::int4range), hash_range(int4range(NULL, 5)), hash_range('[1,)'::int8range), hash_range_extended(numrange(1.5, 2.5, '[]'), 3), hash_range_extended(daterange('2024-01-01', NULL), 0);
SELECT hash_multirange('{[1,3), [5,7)}'::int4multirange), hash_multirange('{}'::int4multirange), hash_multirange_extended('{[1,3)}'::int4multirange, 1);
SELECT hash_record(ROW(1, 'a'::text)), hash_record(ROW(NULL::int, 'a'::text)), hash_record_extended(ROW(1, 'a'::text), 5);
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
SELECT hashenum('sad'::mood) = hashoid(e.oid::oid) FROM pg_enum e WHERE enumlabel = 'sad' AND enumtypid = 'mood'::regtype;
CREATE TYPE pair AS (x int, y text);
SELECT hash_record(ROW(1, 'a')::pair) = hash_record(ROW(1, 'a'::text)) AS same;
-- types without a hash function
SELECT hash_array('{101}'::varbit[]);
SELECT hash_array_extended('{101}'::varbit[], 0);
CREATE TYPE bits_pair AS (a varbit, b text);
SELECT hash_record(ROW('10'::varbit, 'x')::bits_pair);
SELECT hash_record_extended(ROW('10'::varbit, 'x')::bits_pair, 1);
-- bucketing rows the way apps do
SELECT abs(hashtext(s)) % 4 AS bucket, count(*) FROM generate_series(1, 40) g, LATERAL (SELECT 'user-' || g AS s) x GROUP BY 1 ORDER BY 1;
SELECT hashxid8extended('18446744073709551615', 2), pg_lsn_hash('FFFFFFFF/0'), pg_lsn_hash_extended('80000000/1', 3), hashtid('(70000,5)'), hashxid('123'), hashcid('3');
