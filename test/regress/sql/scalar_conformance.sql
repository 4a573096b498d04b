-- Scalar types, operators and built-in functions: behaviours found by scanning Postgres's own
-- regression files against fauxgres (one section per cause).

-- pg_input_is_valid / pg_input_error_info: validating user input before storing it
CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped');
CREATE DOMAIN us_zip AS text CHECK (VALUE ~ '^[0-9]{5}$');
CREATE DOMAIN positive_qty AS int4 CHECK (VALUE > 0);
CREATE TABLE import_rows (id int PRIMARY KEY, qty text, price text, status text, zip text, sku text, placed text);
INSERT INTO import_rows VALUES
  (1, '3', '19.99', 'paid', '12345', 'AB-1', '2024-02-29'),
  (2, 'three', '1e400', 'lost', '1234', 'ABCDEFGHIJK', '2023-02-29'),
  (3, '-2', '123456.789', 'pending', '98765x', 'X', 'yesterday'),
  (4, '99999999999', 'NaN', 'PAID', '00000', '', 'not a date');
SELECT id,
       pg_input_is_valid(qty, 'int4') AS qty_int,
       pg_input_is_valid(qty, 'positive_qty') AS qty_pos,
       pg_input_is_valid(price, 'numeric(8,2)') AS price_ok,
       pg_input_is_valid(status, 'order_status') AS status_ok,
       pg_input_is_valid(zip, 'us_zip') AS zip_ok,
       pg_input_is_valid(sku, 'varchar(8)') AS sku_ok,
       pg_input_is_valid(placed, 'date') AS placed_ok
  FROM import_rows ORDER BY id;
SELECT r.id, e.*
  FROM import_rows r, pg_input_error_info(r.qty, 'positive_qty') e ORDER BY r.id;
SELECT r.id, e.message, e.sql_error_code
  FROM import_rows r, pg_input_error_info(r.price, 'numeric(8,2)') e ORDER BY r.id;
SELECT r.id, e.message, e.detail, e.sql_error_code
  FROM import_rows r, pg_input_error_info(r.status, 'order_status') e ORDER BY r.id;
SELECT * FROM pg_input_error_info('ABCDEFGHIJK', 'char(4)');
SELECT * FROM pg_input_error_info('2023-02-29', 'timestamp with time zone');
SELECT * FROM pg_input_error_info('{1,2,x}', 'integer[]');
SELECT * FROM pg_input_error_info('{"a": 1', 'jsonb');
SELECT * FROM pg_input_error_info('12:61', 'time');
SELECT * FROM pg_input_error_info('maybe', 'bool');
SELECT * FROM pg_input_error_info('11', 'uuid');
SELECT * FROM pg_input_error_info('1 day 3 fortnights', 'interval');
SELECT * FROM pg_input_error_info('300', 'int2');
SELECT * FROM pg_input_error_info('5', 'pg_catalog.int8');
SELECT pg_input_is_valid('12345', 'us_zip'), pg_input_is_valid('1e5', 'float8'), pg_input_is_valid('1e500', 'float8');
SELECT pg_input_is_valid('5', 'no_such_type');
SELECT pg_input_is_valid('5', 'numeric(2000)');
SELECT pg_input_is_valid(NULL, 'int4'), pg_input_is_valid('1', NULL);

-- format(): %% in a format without arguments, and too few arguments
SELECT format('Progress: 100%%'), format('%%s is literal'), format('no placeholders');
SELECT format('Hello %s');
SELECT format('%s of %s done (%s%%)', 3, 4, 75);

-- VARIADIC arrays passed to VARIADIC "any" functions (concat, concat_ws, format, json builders)
SELECT concat(VARIADIC ARRAY['order-', '42', '-b']), concat_ws('/', VARIADIC ARRAY['usr', 'local', 'bin']);
SELECT concat_ws(', ', VARIADIC ARRAY[1, 2, 3]), concat(VARIADIC ARRAY[true, false]);
SELECT concat(VARIADIC NULL::text[]) IS NULL AS concat_null, concat_ws(',', VARIADIC NULL::int[]) IS NULL AS ws_null;
SELECT concat(VARIADIC '{}'::text[]) = '' AS empty_concat, concat_ws('-', VARIADIC '{}'::int[]) = '' AS empty_ws;
SELECT format('%s has %s items', VARIADIC ARRAY['cart', '3']);
SELECT format('%2$s, %1$s', VARIADIC ARRAY['first', 'second']);
SELECT format('Total: %s', VARIADIC NULL::int[]);
SELECT format('%s-%s', VARIADIC ARRAY[[1, 2], [3, 4]]);
SELECT format('%s %s', VARIADIC ARRAY[1]);
SELECT json_build_object(VARIADIC ARRAY['sku', 'A-1', 'qty', '2']), jsonb_build_array(VARIADIC ARRAY[1, 2, 3]);
SELECT json_build_array(VARIADIC NULL::text[]) IS NULL AS arr_null;
SELECT concat_ws(',', VARIADIC 10);
SELECT concat(VARIADIC 'abc'::text);
SELECT id, format('%s=%s', VARIADIC ARRAY[sku, qty]) FROM import_rows ORDER BY id;

-- json(b)_to_tsvector with a filter of value kinds: searching product documents
CREATE TABLE products (id int PRIMARY KEY, doc jsonb, raw json);
INSERT INTO products VALUES
  (1, '{"title": "Red running shoes", "size": 42, "price": 1e2, "tags": ["sport", "outdoor"], "instock": true, "note": null}',
      '{"title": "Red running shoes", "size": 42, "price": 1e2, "tags": ["sport", "outdoor"], "instock": true, "note": null}'),
  (2, '{"title": "Blue jacket", "specs": {"waterproof": false, "weight": 0.80}}',
      '{"title": "Blue jacket", "specs": {"waterproof": false, "weight": 0.80}}');
SELECT id, jsonb_to_tsvector('english', doc, '"all"'), json_to_tsvector('english', raw, '"all"') FROM products ORDER BY id;
SELECT id, jsonb_to_tsvector('simple', doc, '["string", "numeric"]'), json_to_tsvector('simple', raw, '["Key", "boolean"]') FROM products ORDER BY id;
SELECT id, jsonb_to_tsvector(doc, '"key"'), json_to_tsvector(raw, '"numeric"') FROM products ORDER BY id;
SELECT id FROM products WHERE jsonb_to_tsvector('english', doc, '"string"') @@ to_tsquery('english', 'run & shoe') ORDER BY id;
SELECT jsonb_to_tsvector('simple', doc, '[]') FROM products WHERE id = 1;
SELECT jsonb_to_tsvector('simple', '"plain text"', '"string"'), json_to_tsvector('simple', '[1, "two", true]', '"all"');
SELECT jsonb_to_tsvector('simple', doc, '"strings"') FROM products WHERE id = 1;
SELECT json_to_tsvector('simple', raw, '{"all": true}') FROM products WHERE id = 1;
SELECT json_to_tsvector('simple', raw, '["all", 1]') FROM products WHERE id = 1;
SELECT jsonb_to_tsvector('simple', doc, 'null') FROM products WHERE id = 1;

-- jsonb subscripting (reading): settings documents
CREATE TABLE app_settings (id int PRIMARY KEY, cfg jsonb);
INSERT INTO app_settings VALUES
  (1, '{"theme": "dark", "limits": {"daily": 100, "burst": [5, 10, 20]}, "flags": ["beta", "new-ui"], "1": "one"}'),
  (2, '{"theme": "light", "limits": null}'),
  (3, '[10, 20, 30]'),
  (4, '"scalar"');
SELECT id, cfg['theme'], cfg['limits']['daily'], cfg['limits']['burst'][1], cfg['flags'][-1], cfg['missing'] FROM app_settings ORDER BY id;
SELECT id, cfg[0], cfg['1'], cfg[1], cfg[-1], cfg[NULL] FROM app_settings ORDER BY id;
SELECT id, cfg['limits']['burst'][2]::int + 1 AS next_burst, cfg['theme'] = '"dark"' AS dark FROM app_settings ORDER BY id;
SELECT id FROM app_settings WHERE cfg['theme'] = to_jsonb('light'::text) ORDER BY id;
SELECT ('{"a": {"b": [1, {"c": true}]}}'::jsonb)['a']['b'][1]['c'], ('[1, [2, 3]]'::jsonb)[1][0], pg_typeof(('{}'::jsonb)['x']);
SELECT k, ('{"x": 1, "y": 2}'::jsonb)[k] FROM (VALUES ('x'), ('y'), ('z')) t(k) ORDER BY k;
SELECT i, ('["a", "b", "c"]'::jsonb)[i] FROM generate_series(-4, 3) i ORDER BY i;
SELECT ('[1, 2, 3]'::jsonb)['1'], ('[1, 2, 3]'::jsonb)['x'], ('[1, 2, 3]'::jsonb)[1::int8], ('[1, 2, 3]'::jsonb)[1::int2];
SELECT ('[1, 2, 3]'::jsonb)[1:2];
SELECT ('[1, 2, 3]'::jsonb)[:2];
SELECT ('[1, 2, 3]'::jsonb)[1.5];
SELECT ('[1, 2, 3]'::jsonb)[true];
SELECT ('{"a": 1}'::json)['a'];

-- type names called as functions: casts (date(created_at), float8(n), text(x), ...)
CREATE TABLE visits (id int PRIMARY KEY, seen_at timestamptz, ms int8, ok bool, amount numeric(8,2));
INSERT INTO visits VALUES (1, '2024-03-10 23:30:00+00', 1500, true, 12.50), (2, '2024-03-11 08:15:00+00', 250, false, 3.25);
SELECT id, date(seen_at), float8(ms) / 1000 AS secs, int4(amount), text(ok), numeric(ms), int8(amount) FROM visits ORDER BY id;
SELECT date(seen_at) AS day, count(*) FROM visits GROUP BY date(seen_at) ORDER BY day;
SELECT date('2024-02-29'), int4('42'), bool('yes'), float4(1), name('abc'), bpchar(12), int8('7');
SELECT timestamptz(date(seen_at)), jsonb('{"a":1}'), text(ARRAY[1,2]), int2(ms) FROM visits WHERE id = 2;
SELECT pg_catalog.date(now()) = current_date, pg_catalog.int4(1.6);
SELECT date(1);
SELECT int4(ok) FROM visits ORDER BY id;
SELECT text(v) FROM visits v WHERE id = 1;
SELECT int4(1, 2);
SELECT integer('1');

-- growing an array past the maximum size is an error, not an allocation
DO $$ DECLARE a int[]; BEGIN a := '[-2147483648:-2147483647]={1,2}'::int[]; a[2147483647] := 42; END $$;
DO $$ DECLARE a int[] := '{1,2}'; BEGIN a[200000000] := 1; END $$;
DO $$ DECLARE a int[] := '{1,2}'; BEGIN a[5] := 1; RAISE NOTICE '%', a; END $$;

-- timestamp(date, time) / timestamptz(date, time[tz]): appointment slots
CREATE TABLE slots (id int PRIMARY KEY, day date, starts time, starts_tz timetz);
INSERT INTO slots VALUES (1, '2024-03-31', '01:30', '01:30-05'), (2, '2024-07-04', '23:59:59.5', '23:00+02'), (3, 'infinity', '10:00', '10:00+00');
SELECT id, "timestamp"(day, starts), timestamptz(day, starts), timestamptz(day, starts_tz) FROM slots ORDER BY id;
SET TimeZone = 'Europe/Berlin';
SELECT id, timestamptz(day, starts), timestamptz(day, starts_tz) FROM slots ORDER BY id;
RESET TimeZone;

-- float4send / float8send
SELECT float4send('1.5'::float4), float4send('-0'::float4), float4send('NaN'::float4), float8send(0.1::float8), float8send('-Infinity'::float8);
