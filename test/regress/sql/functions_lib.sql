-- Built-in functions apps and ORMs call: json variants, to_number, statistical aggregates,
-- session/introspection functions, bytea bits, PG 18 array functions, system views.

-- json (text-preserving) counterparts of the jsonb functions
CREATE TABLE events (id int PRIMARY KEY, payload json, meta jsonb);
INSERT INTO events VALUES
  (1, '{"type": "click", "x": 10,  "y": 20, "tags": ["a", "b"]}', '{"src": "web", "v": 2}'),
  (2, '{"type":"view","page":"/home","dup":1,"dup":2}', '{"src": "ios"}'),
  (3, '{"type": "buy", "amount": 12.50, "items": [{"sku": "X1"}, {"sku": "Y2"}]}', '{"src": "web", "coupon": null}');
SELECT e.id, j.key, j.value FROM events e, json_each(e.payload) j ORDER BY e.id, j.key, j.value::text;
SELECT e.id, j.key, j.value, pg_typeof(j.value) FROM events e, json_each_text(e.payload) j WHERE e.id = 3 ORDER BY j.key;
SELECT * FROM json_each('{"a": 1, "a": 2}');
SELECT * FROM json_each('[1, 2]');
SELECT * FROM json_each('"scalar"');
SELECT * FROM json_each_text('[1]');
SELECT json_each('{"k": [1,  2]}');
SELECT id, json_object_field(payload, 'type'), json_object_field_text(payload, 'type') FROM events ORDER BY id;
SELECT json_object_field('{"a": {"b" :  1}}', 'a'), json_object_field_text('{"a": null}', 'a') IS NULL;
SELECT json_array_element(payload -> 'tags', 0), json_array_element_text(payload -> 'tags', -1) FROM events WHERE id = 1;
SELECT json_array_element('[1, 2]', 5) IS NULL, json_array_element_text('{"a": 1}', 0) IS NULL;
SELECT jsonb_object_field(meta, 'src'), jsonb_object_field_text(meta, 'src'), jsonb_array_element('[1, [2]]', 1), jsonb_array_element_text('["x"]', 0) FROM events WHERE id = 1;
SELECT jsonb_delete(meta, 'src'), jsonb_delete('[1, 2, 3]'::jsonb, 1), jsonb_delete(meta, VARIADIC ARRAY['src', 'v']) FROM events WHERE id = 1;
SELECT jsonb_delete('{"a": 1, "b": 2, "c": 3}', 'a', 'c');
SELECT jsonb_contained('{"src": "web"}', meta) FROM events ORDER BY id;
SELECT proname, provolatile, proisstrict, proretset FROM pg_proc WHERE proname IN ('json_each', 'json_each_text', 'json_object_field', 'jsonb_delete') ORDER BY proname, pronargs, proargtypes::text;

-- to_number with to_char templates
CREATE TABLE imports (id int PRIMARY KEY, raw text, fmt text);
INSERT INTO imports VALUES
  (1, '12,454.8-', '99G999D9S'), (2, '$1,234.50', 'L9G999D99'), (3, '<123>', '999PR'), (4, '-00042', 'S00000'),
  (5, '1 234', '9 999'), (6, '0012.3400', '0000.0000'), (7, '42nd', '99th'), (8, '  7', '999'), (9, '+17', 'SG99'),
  (10, '12-', '99MI'), (11, '3.14159', '9.99'), (12, 'XIV', 'RN'), (13, 'mcmxcix', 'FMRN');
SELECT id, raw, fmt, to_number(raw, fmt) FROM imports ORDER BY id;
SELECT to_number('12V3', '99V9'), to_number('1234', '99V99');
SELECT to_number('1,2,3', 'FM9,9,9'), to_number('12abc3', '99"abc"9'), to_number('.5', '.9'), to_number('1.', '9.');
SELECT to_number('abc', '999');
SELECT to_number('', '999');
SELECT to_number('12', '') IS NULL;
SELECT to_number('1.2e3', '9.9EEEE');
SELECT to_number('12', '99.9.9');
SELECT to_number('12', 'S99MI');
SELECT to_number('12', '9PR9');
SELECT to_number('12', '9V.9');
SELECT to_number('XIV', 'RN.99');
SELECT to_number('IIII', 'RN');
SELECT to_number('1XIV', '9RN');
SELECT to_number('123', '99');
SELECT pg_typeof(to_number('1', '9')), to_number(NULL, '9') IS NULL;

-- statistical aggregates (float8, Youngs-Cramer accumulation)
CREATE TABLE ad_spend (day int PRIMARY KEY, spend float8, revenue float8, region text);
INSERT INTO ad_spend SELECT d, 100 + d * 3.7 + sin(d) * 20, 250 + d * 9.1 + cos(d * 1.3) * 75, CASE WHEN d % 3 = 0 THEN 'eu' ELSE 'us' END FROM generate_series(1, 90) d;
INSERT INTO ad_spend VALUES (91, NULL, 500, 'eu'), (92, 300, NULL, 'us');
SELECT corr(revenue, spend), covar_pop(revenue, spend), covar_samp(revenue, spend) FROM ad_spend;
SELECT regr_slope(revenue, spend), regr_intercept(revenue, spend), regr_r2(revenue, spend), regr_count(revenue, spend) FROM ad_spend;
SELECT regr_avgx(revenue, spend), regr_avgy(revenue, spend), regr_sxx(revenue, spend), regr_syy(revenue, spend), regr_sxy(revenue, spend) FROM ad_spend;
SELECT region, round(corr(revenue, spend)::numeric, 6), regr_count(revenue, spend) FROM ad_spend GROUP BY region ORDER BY region;
SELECT day, corr(revenue, spend) OVER w, regr_slope(revenue, spend) OVER w FROM ad_spend WINDOW w AS (ORDER BY day ROWS BETWEEN 4 PRECEDING AND CURRENT ROW) ORDER BY day LIMIT 8;
SELECT corr(y, x), regr_slope(y, x), regr_r2(y, x), covar_samp(y, x), regr_count(y, x) FROM (VALUES (1.0::float8, 5.0::float8)) t(x, y);
SELECT corr(y, x), regr_count(y, x), regr_sxx(y, x) FROM ad_spend t(x, y) WHERE false;
SELECT corr(y, x), regr_r2(y, x), regr_slope(y, x), regr_intercept(y, x) FROM (VALUES (1::float8, 2::float8), (2, 2), (3, 2)) t(x, y);
SELECT regr_slope(y, x) FROM (VALUES (1::float8, 2::float8), (1, 3)) t(x, y);
SELECT corr(y, x) FROM (VALUES (0.1::float8, 0.3::float8), (0.2, 0.6), (0.3, 0.9000000000000001), (0.4, 1.2)) t(x, y);
SELECT corr(y, x), regr_sxx(y, x) FROM (VALUES (1e-300::float8, 1e-300::float8), (2e-300, 3e-300), (4e-300, 1e-300)) t(x, y);
SELECT corr(y, x) FROM (VALUES (1e200::float8, 1e200::float8), (2e200, 3e200), (4e200, 1e200)) t(x, y);
SELECT corr(y, x) FROM (VALUES (1e308::float8, 1::float8), (-1e308, 2)) t(x, y);
SELECT corr(y, x), regr_sxx(y, x) FROM (VALUES ('infinity'::float8, 1::float8), (2, 2)) t(x, y);
SELECT corr(y, x), regr_syy(y, x) FROM (VALUES ('nan'::float8, 1::float8), (2, 2), (3, 5)) t(x, y);
SELECT corr(a, b) FROM (VALUES (1, 2), (2, 4), (NULL, 3), (4, NULL), (5, 11)) t(a, b);
SELECT regr_count(1.5, 2), pg_typeof(regr_count(1, 2)), pg_typeof(corr(1, 2));

-- triggers: pg_trigger_depth() guards against recursion
SELECT pg_trigger_depth();
CREATE TABLE categories (id int PRIMARY KEY, parent_id int, path text);
CREATE FUNCTION categories_path() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE NOTICE 'depth %', pg_trigger_depth();
  IF pg_trigger_depth() > 1 THEN
    RETURN NEW;
  END IF;
  NEW.path := coalesce((SELECT path FROM categories WHERE id = NEW.parent_id) || '/', '') || NEW.id;
  UPDATE categories SET path = NULL WHERE false;
  RETURN NEW;
END $$;
CREATE TRIGGER categories_path BEFORE INSERT OR UPDATE ON categories FOR EACH ROW EXECUTE FUNCTION categories_path();
INSERT INTO categories VALUES (1, NULL, NULL), (2, 1, NULL), (3, 2, NULL);
SELECT * FROM categories ORDER BY id;
CREATE TABLE audit (n int);
CREATE FUNCTION audit_depth() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO audit VALUES (pg_trigger_depth());
  IF pg_trigger_depth() < 3 THEN
    UPDATE categories SET parent_id = parent_id WHERE id = 1;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER categories_audit AFTER UPDATE ON categories FOR EACH ROW EXECUTE FUNCTION audit_depth();
UPDATE categories SET parent_id = parent_id WHERE id = 1;
SELECT n, count(*) FROM audit GROUP BY n ORDER BY n;
SELECT pg_trigger_depth();

-- row-level security state
SELECT row_security_active('categories'), row_security_active('categories'::regclass), row_security_active('pg_class');
SELECT row_security_active('no_such_table');

-- session and server facts
SELECT getdatabaseencoding(), pg_client_encoding(), pg_jit_available();
SELECT pg_postmaster_start_time() <= now(), pg_conf_load_time() <= now(), pg_conf_load_time() <= pg_postmaster_start_time();
SELECT system_user IS NULL OR system_user LIKE '%:%';
SELECT * FROM pg_get_keywords() WHERE word IN ('select', 'between', 'abort', 'authorization', 'boolean', 'year', 'xmltable', 'all') ORDER BY word;
SELECT count(*), count(*) FILTER (WHERE barelabel), count(DISTINCT catcode) FROM pg_get_keywords();
SELECT * FROM pg_options_to_table(ARRAY['fillfactor=70', 'autovacuum_enabled=false', 'novalue', 'a=b=c']);
SELECT o.option_name, o.option_value FROM pg_class c, pg_options_to_table(c.reloptions) o WHERE c.relname = 'categories';
SELECT pg_collation_for('a'::text), pg_collation_for('a' COLLATE "C"), pg_collation_for('x'), pg_collation_for(NULL::text), pg_collation_for(path) FROM categories WHERE id = 1;
SELECT pg_collation_for(1);
CREATE SEQUENCE invoice_no;
SELECT pg_sequence_last_value('invoice_no');
SELECT nextval('invoice_no'), nextval('invoice_no'), pg_sequence_last_value('invoice_no');
SELECT pg_sequence_last_value('categories');
SELECT pg_size_bytes('1 kB'), pg_size_bytes('1.5 GB'), pg_size_bytes('100'), pg_size_bytes('  2 TB  '), pg_size_bytes('1 PB'), pg_size_bytes('-1.5 kB'), pg_size_bytes('1e3'), pg_size_bytes('.5 kb'), pg_size_bytes('1.6');
SELECT pg_size_bytes('1 XB');
SELECT pg_size_bytes('abc');
SELECT pg_size_bytes('');
SELECT pg_size_bytes('9223372036854775807 PB');
SELECT pg_size_pretty(pg_size_bytes('10 MB')), pg_size_bytes(pg_size_pretty(123456789::bigint));
SELECT pg_database_size(current_database()) > 0, pg_database_size('postgres') > 0, pg_tablespace_size('pg_default') > 0;
SELECT pg_database_size('no_such_db');
SELECT pg_tablespace_size('no_such_space');
SELECT parse_ident('public.Users'), parse_ident('"My Schema"."Order Items"'), parse_ident(' Foo . "Bar" '), parse_ident('a.b.c.d'), parse_ident('"x""y"');
SELECT parse_ident('a b', false), parse_ident('"a"b', false), parse_ident('ÄBC.d$1');
SELECT parse_ident('a b');
SELECT parse_ident('"abc');
SELECT parse_ident('""');
SELECT parse_ident('a.');
SELECT parse_ident('.a');
SELECT parse_ident('1a');
SELECT parse_ident('');
SELECT to_oct(8), to_oct(-1), to_oct(8::bigint), to_oct(-1::bigint), to_bin(5), to_bin(-5), to_bin(0), to_bin(255::bigint);
SELECT to_ascii('Karel');
SELECT normalize(U&'\0061\0301') = U&'\00E1', normalize(U&'\00E1', NFD) = U&'\0061\0301', normalize(U&'\FB01', NFKC);
SELECT U&'\00E1' IS NFC NORMALIZED, U&'\00E1' IS NFD NORMALIZED, U&'\00E1' IS NOT NFD NORMALIZED, U&'\0061\0301' IS NORMALIZED, is_normalized('abc');
SELECT unicode_version(), unicode_assigned('abc'), unicode_assigned(''), unicode_assigned(U&'\+0E0080');
SELECT pg_column_size(1), pg_column_size(1::bigint), pg_column_size(1::smallint), pg_column_size(true), pg_column_size(1.5::float4), pg_column_size(now()), pg_column_size(current_date);
SELECT pg_column_size('abc'::text), pg_column_size('abc'::varchar), pg_column_size('abc'::char(5)), pg_column_size('a'), pg_column_size(repeat('x', 200)), pg_column_size('\x0102'::bytea);
SELECT pg_column_size(1.5::numeric), pg_column_size(0::numeric), pg_column_size('NaN'::numeric), pg_column_size(-12345.678::numeric), pg_column_size(1e100::numeric), pg_column_size(0.00000001::numeric), pg_column_size(1::numeric / 3);
SELECT pg_column_size(ARRAY[1, 2, 3]), pg_column_size(ARRAY[1, 2]::bigint[]), pg_column_size(ARRAY[[1, 2], [3, 4]]), pg_column_size('{"a": 1}'::json), pg_column_size(NULL::int);
CREATE TABLE sizes (a int, t text, n numeric, b bigint, big text, arr int[]);
INSERT INTO sizes VALUES (1, 'abc', 1.5, 7, repeat('x', 200), '{1,2,3}');
SELECT pg_column_size(a), pg_column_size(t), pg_column_size(n), pg_column_size(b), pg_column_size(big), pg_column_size(arr), pg_column_size(t || '') FROM sizes;
SELECT pg_column_size(x) FROM (SELECT t AS x FROM sizes) s;

-- bytea bytes and bits
SELECT get_byte('\x1234'::bytea, 0), get_byte('\x1234'::bytea, 1), set_byte('\x1234'::bytea, 0, 255), get_bit('\x1234'::bytea, 4), get_bit('\x1234'::bytea, 12), set_bit('\x1234'::bytea, 0, 1), set_bit('\x1234'::bytea, 4, 0);
SELECT set_byte('\x12'::bytea, 0, 256), set_byte('\x12'::bytea, 0, -1);
SELECT get_byte('\x1234'::bytea, 2);
SELECT get_byte('\x1234'::bytea, -1);
SELECT get_byte(''::bytea, 0);
SELECT set_byte('\x1234'::bytea, 5, 1);
SELECT get_bit('\x1234'::bytea, 16);
SELECT set_bit('\x1234'::bytea, 0, 2);
SELECT uuid_extract_version('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'), uuid_extract_version('01936c7e-0f2d-7b3e-8a4b-5c6d7e8f9a0b'), uuid_extract_version('00000000-0000-0000-0000-000000000000');
SELECT uuid_extract_timestamp('01936c7e-0f2d-7b3e-8a4b-5c6d7e8f9a0b'), uuid_extract_timestamp('c232ab00-9414-11ec-b3c8-9f6bdeced846'), uuid_extract_timestamp('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11');
SELECT uuid_extract_version(gen_random_uuid()), uuid_extract_timestamp(gen_random_uuid()) IS NULL;

-- arrays (Postgres 18)
CREATE TABLE posts (id int PRIMARY KEY, tags text[]);
INSERT INTO posts VALUES (1, '{postgres,sql,Backend,api}'), (2, '{b,a,NULL,c}'), (3, '{}'), (4, NULL);
SELECT id, array_sort(tags), array_sort(tags, true), array_sort(tags, false, true), array_sort(tags, true, false), array_reverse(tags) FROM posts ORDER BY id;
SELECT array_sort(ARRAY[3, 1, NULL, 2]), array_sort(ARRAY[3, 1, NULL, 2], descending => true), array_sort(ARRAY[[3, 4], [1, 2]]), array_sort('[0:2]={3,2,1}'::int[]);
SELECT array_sort(ARRAY[1.5, 0.5]::numeric[]), array_sort(ARRAY['b', 'A', 'a', 'B']), array_sort(ARRAY['b', 'A', 'a', 'B']::varchar[]);
SELECT array_sort(ARRAY['{"a":1}'::json, '{"b":2}'::json]);
SELECT array_reverse(ARRAY[[1, 2], [3, 4]]), array_reverse('{}'::int[]), trim_array(ARRAY[1, 2, 3], 1);
SELECT array_length(array_shuffle(ARRAY[1, 2, 3, 4, 5, 6, 7, 8]), 1), array_sort(array_shuffle(ARRAY[1, 2, 3, 4, 5, 6, 7, 8])) = ARRAY[1, 2, 3, 4, 5, 6, 7, 8];
SELECT cardinality(array_sample(ARRAY[1, 2, 3, 4, 5, 6, 7, 8], 3)), array_sample(ARRAY[1, 2, 3, 4, 5, 6, 7, 8], 3) <@ ARRAY[1, 2, 3, 4, 5, 6, 7, 8], array_sample(ARRAY[1, 2], 0);
SELECT array_dims(array_shuffle(ARRAY[[1, 2], [3, 4], [5, 6]])), array_dims(array_sample(ARRAY[[1, 2], [3, 4], [5, 6]], 2));
SELECT array_sample(ARRAY[1, 2], 3);
SELECT array_sample(ARRAY[1, 2], -1);
SELECT proname, provolatile FROM pg_proc WHERE proname IN ('array_sort', 'array_shuffle', 'array_sample', 'array_reverse') ORDER BY proname, pronargs;

-- prepared statements
PREPARE find_post(int) AS SELECT id, tags FROM posts WHERE id = $1;
PREPARE count_posts AS SELECT count(*) FROM posts;
PREPARE add_post(int, text[]) AS INSERT INTO posts VALUES ($1, $2);
EXECUTE count_posts;
EXECUTE count_posts;
EXECUTE find_post(1);
SELECT name, statement, parameter_types, result_types, from_sql, generic_plans, custom_plans, prepare_time IS NOT NULL FROM pg_prepared_statements ORDER BY name;
DEALLOCATE find_post;
SELECT name FROM pg_prepared_statements ORDER BY name;
DEALLOCATE ALL;
SELECT count(*) FROM pg_prepared_statements;

-- cursors
BEGIN;
DECLARE post_cur CURSOR FOR SELECT id FROM posts ORDER BY id;
DECLARE hold_cur SCROLL CURSOR WITH HOLD FOR SELECT 1;
SELECT name, statement, is_holdable, is_binary, is_scrollable, creation_time IS NOT NULL FROM pg_cursors ORDER BY name;
COMMIT;
SELECT name, is_holdable FROM pg_cursors ORDER BY name;
CLOSE hold_cur;

-- time zones
SELECT count(*) > 500, count(*) FILTER (WHERE name = 'UTC') FROM pg_timezone_names;
SELECT name, abbrev, utc_offset, is_dst FROM pg_timezone_names WHERE name IN ('UTC', 'Asia/Tokyo', 'Asia/Kolkata', 'Etc/GMT+5', 'Africa/Lagos') ORDER BY name;
SELECT count(*) FROM pg_timezone_names WHERE name LIKE 'Europe/%' AND utc_offset IS NOT NULL;

-- sessions
SELECT datname, usename, application_name, state, query, backend_type, backend_start <= now(), xact_start = now(), query_start = statement_timestamp(), wait_event FROM pg_stat_activity WHERE pid = pg_backend_pid();
SELECT count(*) FROM pg_stat_activity WHERE pid = pg_backend_pid();
SELECT count(*) >= 1 FROM pg_stat_activity WHERE backend_type = 'client backend' AND state = 'active';
SET application_name = 'billing-worker';
SELECT application_name FROM pg_stat_activity WHERE pid = pg_backend_pid();
