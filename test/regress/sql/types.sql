-- Literals, casts, text output and input errors of the types applications use, mostly as
-- the shop's queries use them (prices, SKUs, timestamps, JSON attributes, tag arrays).

-- boolean
SELECT true, false, 't'::boolean, 'yes'::boolean, 'off'::boolean, '1'::boolean, '  TRUE  '::boolean, 'n'::boolean;
SELECT 'maybe'::boolean;
SELECT true AND NULL, false AND NULL, true OR NULL, NOT NULL::boolean, NULL::boolean IS UNKNOWN;
SELECT 1::boolean, 0::boolean, true::int, 'true'::boolean::text;

-- integers: int2, int4, int8
SELECT 32767::smallint, (-32768)::smallint, 2147483647, -2147483648, pg_typeof(2147483647), pg_typeof(2147483648);
SELECT 32768::smallint;
SELECT '  42  '::integer, '-0'::integer, '+7'::integer, '1_000_000'::integer, 0x1F, 0o17, 0b101;
SELECT '4 2'::integer;
SELECT '12abc'::integer;
SELECT ''::integer;
SELECT '2147483648'::integer;
SELECT 2147483647 + 1;
SELECT 9007199254740993::bigint, 9007199254740993 + 1, 9223372036854775807::bigint, (-9223372036854775808)::bigint;
SELECT 9223372036854775807::bigint + 1;
SELECT '9223372036854775808'::bigint;
SELECT 7 / 2, -7 / 2, 7 % 3, -7 % 3, 7 / 2.0, 2 ^ 10, abs(-5), 17::bigint / 5;
SELECT (-32768)::smallint / (-1)::smallint;
SELECT 3.7::integer, 3.5::integer, 2.5::integer, (-2.5)::integer, 4.5::bigint, '3.5'::float8::integer;
SELECT '3.5'::integer;

-- numeric(p, s): exact, scale kept, rounding half away from zero
SELECT 0.1 + 0.2, 1.10 + 2.205, 1.50::numeric(10, 2), 123.456::numeric(5, 2), 2.5::numeric(10, 0), (-2.5)::numeric(10, 0);
SELECT 12345.6::numeric(5, 2);
SELECT 1 / 3::numeric, 10::numeric / 4, 2::numeric / 3 * 3, 1.000 * 2, 100.00 / 3;
SELECT round(2.345, 2), round(-0.5), round(0.5), round(1234.5678, -2), trunc(2.789, 1), ceil(1.01), floor(-1.01);
SELECT 123456789012345678901234567890.123 + 1, 99999999999999999999.99 * 99999999999999999999.99;
SELECT 'NaN'::numeric, 'Infinity'::numeric, '-Infinity'::numeric, 'NaN'::numeric = 'NaN'::numeric;
SELECT '1e3'::numeric, '1.5e-3'::numeric, '  12.50  '::numeric, '.5'::numeric, '5.'::numeric;
SELECT 'abc'::numeric;
SELECT 1::numeric / 0;
SELECT pg_typeof(1.5), pg_typeof(1.5::numeric(4, 1)), 19.99::numeric(10, 2) * 3, sum(x) FROM (VALUES (19.99), (0.01), (5.00)) v(x);
SELECT avg(x), avg(x)::numeric(10, 2) FROM (VALUES (1), (2), (2)) v(x);

-- float4 / float8
SELECT 0.1::float8 + 0.2::float8, 1::float8 / 3, 1::float4 / 3, 3.14::real, 100000000000000000000::float8, 1e-7::float8;
SELECT 'NaN'::float8, 'Infinity'::float8, '-inf'::float8, '1e308'::float8 * 10;
SELECT '1e400'::float8;
SELECT 'abc'::float8;
SELECT 1::float8 / 0;
SELECT 0.1::float4::float8, 16777217::float4, 1.5::float8::numeric, 1e20::float8::numeric, 123.456::float4;

-- text, varchar(n), char(n)
SELECT 'abc'::char(5), length('abc'::char(5)), 'abc'::char(5) || 'x', 'abc'::char(5) = 'abc', octet_length('abc'::char(5));
SELECT 'abcdef'::varchar(3), 'abc  '::varchar(3), 'ab'::varchar(3), 'abcdef'::char(2);
SELECT 'a' || NULL, concat('a', NULL, 'b'), concat_ws(', ', 'x', NULL, 'y'), 'It''s', E'tab\there', E'line\\n';
SELECT length('naïve café'), octet_length('naïve café'), upper('straße'), lower('ÉCOLE'), initcap('hello wORLD');
SELECT 'a' < 'B', 'a' < 'B' COLLATE "C", 'apple' < 'Apple', 'résumé' > 'resume';
SELECT substr('fauxgres', 1, 4), left('fauxgres', 4), right('fauxgres', 3), position('g' IN 'fauxgres'), replace('a-b-c', '-', '+');
SELECT trim('  padded  '), ltrim('xxabc', 'x'), rpad('7', 3, '0'), lpad('7', 3, '0'), repeat('ab', 3), reverse('abc');
SELECT split_part('a,b,c', ',', 2), string_to_array('a,b,,c', ','), format('%s has %s items', 'cart', 3), quote_ident('Order'), quote_literal('it''s');
SELECT 'Widget' ILIKE 'w%', 'Widget' LIKE 'w%', 'SKU-123' ~ '^SKU-[0-9]+$', regexp_replace('a1b22c333', '[0-9]+', '#', 'g'), 'a_b' LIKE 'a\_b';

-- uuid
SELECT 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'::uuid, '{a0eebc99-9c0b4ef8-bb6d6bb9-bd380a11}'::uuid, 'a0eebc999c0b4ef8bb6d6bb9bd380a11'::uuid;
SELECT 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1'::uuid;
SELECT 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid = 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'::uuid, pg_typeof(gen_random_uuid()), length(gen_random_uuid()::text);

-- bytea
SELECT '\xdeadbeef'::bytea, 'abc'::bytea, '\x'::bytea, E'\\001\\377'::bytea, length('\xdeadbeef'::bytea);
SELECT '\x0g'::bytea;
SELECT decode('aGVsbG8=', 'base64'), encode('hello'::bytea, 'base64'), encode('\x00ff'::bytea, 'hex'), convert_from('\x68c3a9'::bytea, 'UTF8'), md5('hello');

-- date, time, timestamp, timestamptz, interval (session TimeZone is UTC)
SHOW TimeZone;
SHOW DateStyle;
SELECT '2024-02-29'::date, 'March 5, 2024'::date, '20240305'::date, 'infinity'::date, '-infinity'::date, 'epoch'::date;
SELECT '2023-02-29'::date;
SELECT '2024-13-01'::date;
SELECT 'not a date'::date;
SELECT date '2024-01-31' + 1, date '2024-03-01' - date '2024-02-01', date '2024-01-31' + interval '1 month', date '2024-03-31' - 7;
SELECT timestamp '2024-03-10 12:34:56.789', timestamp '2024-03-10 12:34:56.1234567', timestamp '2024-03-10T08:00:00', '2024-03-10 24:00'::timestamp;
SELECT timestamptz '2024-03-10 12:34:56+02', timestamptz '2024-07-01 09:00 Europe/Paris', timestamptz '2024-01-01 00:00:00 America/New_York';
SELECT '2024-06-01 12:00:00+00'::timestamptz AT TIME ZONE 'Europe/Paris', timestamp '2024-06-01 12:00' AT TIME ZONE 'Asia/Tokyo';
SET TimeZone = 'America/New_York';
SELECT timestamptz '2024-03-10 12:00:00+00', timestamptz '2024-11-03 05:30:00+00', timestamp '2024-03-10 12:00'::timestamptz;
SET TimeZone = 'Asia/Kolkata';
SELECT timestamptz '2024-03-10 12:00:00+00', '2024-03-10'::timestamptz;
RESET TimeZone;
SELECT timestamptz '2024-03-10 12:00:00+00';
SELECT time '12:34:56', time '24:00', '08:30'::time + interval '90 minutes', time '23:00' + interval '2 hours', timetz '12:00+05';
SELECT time '25:00';
SELECT interval '1 day 2 hours', interval '90 minutes', interval '1 month' * 3, interval '1 year 2 months 3 days 04:05:06.5', interval 'P1Y2M3DT4H5M6S';
SELECT justify_hours(interval '36 hours'), justify_days(interval '45 days'), interval '-1 day +2 hours', interval '1 day' - interval '25 hours', interval '0';
SELECT extract(epoch FROM timestamptz '2024-01-01 00:00:00+00'), extract(year FROM date '2024-03-05'), extract(dow FROM date '2024-03-05'), date_part('hour', timestamp '2024-03-05 17:45');
SELECT date_trunc('month', timestamp '2024-03-15 10:00'), date_trunc('day', timestamptz '2024-03-15 23:30+00'), date_trunc('week', date '2024-03-15');
SELECT age(timestamp '2024-03-15', timestamp '2023-01-01'), timestamp '2024-03-15 10:00' - timestamp '2024-03-14 08:30', to_char(date '2024-03-05', 'YYYY-MM-DD Dy');
SELECT to_char(timestamp '2024-03-05 14:07:09', 'DD Mon YYYY HH24:MI:SS'), to_char(1234.5, 'FM9,999.00'), to_date('05/03/2024', 'DD/MM/YYYY'), to_timestamp(0);
SELECT interval '1 fortnight';
SELECT make_date(2024, 2, 29), make_timestamp(2024, 1, 2, 3, 4, 5.5), make_interval(days => 10), '2024-03-05 14:07:09.123456'::timestamp(3), '2024-03-05 14:07:09.5'::timestamp(0);
SELECT now() = current_timestamp, now()::date = current_date, pg_typeof(now()), pg_typeof(localtimestamp), statement_timestamp() >= transaction_timestamp();

-- json / jsonb
SELECT '{"b": 1, "a": [1, 2, {"c": null}]}'::jsonb, '{"b": 1, "a": [1, 2, {"c": null}]}'::json;
SELECT '{"a": 1, "a": 2}'::json, '{"a": 1, "a": 2}'::jsonb, '{"long_key": 1, "b": 2, "aa": 3}'::jsonb, '[1.50, 1e3, -0, 1E-2]'::jsonb;
SELECT '  {"spaced" :  true }  '::json, '  {"spaced" :  true }  '::jsonb, '"a\u00e9\n"'::jsonb, 'null'::jsonb, 'null'::jsonb IS NULL;
SELECT '[1, 2'::jsonb;
SELECT '{"a": }'::json;
SELECT '{"a": 1, "b": {"c": [10, 20]}}'::jsonb -> 'b', '{"a": 1, "b": {"c": [10, 20]}}'::jsonb ->> 'a', '{"a": 1, "b": {"c": [10, 20]}}'::jsonb #> '{b,c,1}', '{"a": 1, "b": {"c": [10, 20]}}'::jsonb #>> '{b,c}';
SELECT '{"a": 1, "b": 2}'::jsonb @> '{"a": 1}', '{"a": 1}'::jsonb ? 'b', '{"a": 1, "b": 2}'::jsonb ?| ARRAY['b', 'z'], '["x", "y"]'::jsonb ? 'x', '[1, 2, 3]'::jsonb -> -1;
SELECT jsonb_build_object('sku', 'MUG', 'price', 8.99, 'tags', ARRAY['kitchen'], 'stock', NULL), json_build_array(1, 'two', false, NULL), jsonb_typeof('1.5'), jsonb_typeof('{}');
SELECT jsonb_set('{"a": {"b": 1}}', '{a,b}', '2'), '{"a": 1}'::jsonb || '{"b": 2}', '{"a": 1, "b": 2}'::jsonb - 'a', jsonb_strip_nulls('{"a": null, "b": 1}'), jsonb_pretty('{"a": [1]}');
SELECT key, value FROM jsonb_each('{"color": "red", "size": "M", "qty": 2}') ORDER BY key;
SELECT jsonb_array_elements_text('["x", "y"]') AS tag ORDER BY tag;
SELECT to_jsonb(p), row_to_json(p) FROM (SELECT 1 AS id, 'Mug' AS name, 8.99 AS price, ARRAY[1, 2] AS ids) p;
SELECT '{"price": "12.50"}'::jsonb ->> 'price', ('{"price": "12.50"}'::jsonb ->> 'price')::numeric(10, 2) * 2, ('{"n": 3}'::jsonb -> 'n')::int + 1;
SELECT '{"a": 1}'::json -> 'a', '{"a": 1}'::json ->> 'a', json_typeof('[]');
SELECT '{"a": 1}'::json = '{"a": 1}'::json;

-- arrays
SELECT ARRAY[1, 2, 3], '{1,2,3}'::int[], '{"a b", NULL, "c\"d", "", "NULL", "x,y"}'::text[], ARRAY[]::text[], '{}'::int[];
SELECT '{{1,2},{3,4}}'::int[], ARRAY[[1, 2], [3, 4]], array_dims('{{1,2},{3,4}}'::int[]), '[0:1]={7,8}'::int[];
SELECT '{1,2'::int[];
SELECT '{1,x}'::int[];
SELECT array_length(ARRAY[1, 2, 3], 1), cardinality(ARRAY[[1, 2], [3, 4]]), array_length('{}'::int[], 1), (ARRAY[10, 20, 30])[2], (ARRAY[10, 20, 30])[5], (ARRAY[10, 20, 30])[2:3];
SELECT array_append(ARRAY[1, 2], 3), array_prepend(0, ARRAY[1]), ARRAY[1, 2] || 3, ARRAY[1] || ARRAY[2, 3], array_remove(ARRAY[1, 2, 1], 1), array_position(ARRAY['a', 'b'], 'b');
SELECT ARRAY['kitchen', 'sale'] @> ARRAY['sale'], ARRAY[1, 2] && ARRAY[2, 3], 2 = ANY (ARRAY[1, 2, 3]), 5 > ALL (ARRAY[1, 2, 3]), 'x' = ANY ('{}'::text[]);
SELECT tag, ord FROM unnest(ARRAY['new', 'sale', 'eco']) WITH ORDINALITY AS t(tag, ord) ORDER BY ord;
SELECT array_to_string(ARRAY['a', NULL, 'c'], ',', '*'), array_to_string(ARRAY[1, 2], '-'), ARRAY[1.5, 2]::numeric[], ARRAY['2024-01-01'::date], ARRAY[true, NULL];
SELECT array_agg(x ORDER BY x DESC), array_agg(DISTINCT x ORDER BY x) FROM (VALUES (3), (1), (3), (2)) v(x);

-- enums and domains in a table
CREATE TYPE shirt_size AS ENUM ('S', 'M', 'L', 'XL');
CREATE DOMAIN price AS numeric(10, 2) CHECK (VALUE >= 0);
CREATE TABLE variants (sku text PRIMARY KEY, size shirt_size NOT NULL, unit_price price NOT NULL, tags text[] DEFAULT '{}', attrs jsonb);
INSERT INTO variants VALUES
  ('TS-XL', 'XL', 21.5, '{big}', '{"color": "navy", "stock": 3}'),
  ('TS-S', 'S', 19.999, '{}', '{"color": "red", "stock": 0}'),
  ('TS-M', 'M', '20', ARRAY['popular', 'sale'], '{"color": "red", "stock": 12}');
SELECT sku, size, unit_price, tags, attrs FROM variants ORDER BY size;
SELECT sku FROM variants WHERE size > 'M' ORDER BY sku;
SELECT sku, attrs ->> 'color' AS color, (attrs ->> 'stock')::int AS stock FROM variants WHERE attrs @> '{"color": "red"}' ORDER BY stock DESC;
SELECT sku FROM variants WHERE 'sale' = ANY (tags);
SELECT min(size), max(size), sum(unit_price), pg_typeof(sum(unit_price)) FROM variants;
INSERT INTO variants VALUES ('TS-XXL', 'XXL', 22, '{}', NULL);
INSERT INTO variants VALUES ('TS-FREE', 'S', -1, '{}', NULL);
INSERT INTO variants VALUES ('TS-BIG', 'L', 123456789.123, '{}', NULL);
SELECT size::text || '!', 'L'::shirt_size::text, unit_price::text, unit_price + 1 FROM variants WHERE sku = 'TS-M';

-- casts between types and to text
SELECT 42::text, 42::text::integer + 1, '42'::text || 1, 1.5::text, true::text, now()::text IS NOT NULL, CAST('7' AS smallint), int '7' + int8 '3';
SELECT '2024-03-05'::date::timestamp, '2024-03-05 10:00'::timestamp::date, '2024-03-05 10:00+00'::timestamptz::timestamp, '12:30'::time::interval, 65::"char", 'abc'::name;
SELECT 'variants'::regclass, 'public.variants'::regclass::text, 'integer'::regtype, 'int4'::regtype::oid;
SELECT 'no_such_table'::regclass;
SELECT 1::jsonb;
SELECT to_jsonb(1), 'text'::varchar::text, 'a'::"char", '{1,2}'::int[]::text[], '1'::integer::boolean, 1.5::text::numeric;
SELECT '2024-03-05'::timestamptz + interval '1 day', '1.5'::real::text, '1 day'::interval * 1.5, 10::money;
