-- Scalar behaviour found by scanning Postgres's own type and function regression files,
-- exercised on a small shop schema.
CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL, email text, tier text);
CREATE TABLE orders (id int PRIMARY KEY, customer_id int REFERENCES customers, status text, total numeric(10,2), meta jsonb);
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'gold'), (2, 'Bob', NULL, NULL), (3, 'Cy', 'cy@example.com', 'silver');
INSERT INTO orders VALUES
  (10, 1, 'paid', 120.50, '{"channel": "web"}'),
  (11, 1, 'shipped', 35.00, NULL),
  (12, 2, 'paid', 9.99, '{"channel": "app", "coupon": "X1"}'),
  (13, 3, NULL, 0.00, '{}');

-- SQL/JSON constructors: JSON_OBJECT
SELECT id, JSON_OBJECT('id': id, 'name': name, 'email': email) FROM customers ORDER BY id;
SELECT id, JSON_OBJECT('id' VALUE id, 'email' VALUE email ABSENT ON NULL) FROM customers ORDER BY id;
SELECT id, JSON_OBJECT('id': id, 'tier': tier NULL ON NULL RETURNING jsonb) FROM customers ORDER BY id;
SELECT JSON_OBJECT('order': id, 'meta': meta) FROM orders ORDER BY id;
SELECT JSON_OBJECT('order': id, 'meta': meta::text FORMAT JSON) FROM orders WHERE meta IS NOT NULL ORDER BY id;
SELECT JSON_OBJECT('a': 1, 'a': 2), JSON_OBJECT('a': 1, 'a': 2 RETURNING jsonb);
SELECT JSON_OBJECT('a': 1, 'a': 2 WITH UNIQUE KEYS);
SELECT JSON_OBJECT('a': 1, 'a': 2 WITH UNIQUE KEYS RETURNING jsonb);
SELECT JSON_OBJECT('a': NULL, 'a': 2 ABSENT ON NULL WITH UNIQUE KEYS);
SELECT JSON_OBJECT(email: id) FROM customers ORDER BY id;
SELECT JSON_OBJECT(1.5: true, 'tags': ARRAY['x','y'], 'row': ROW(1, 'two'));
SELECT JSON_OBJECT(ARRAY[1]: 1);
SELECT JSON_OBJECT(), JSON_OBJECT(RETURNING jsonb), JSON_OBJECT(RETURNING text);
SELECT JSON_OBJECT('k': 'v' RETURNING bytea), JSON_OBJECT('k': 'v' RETURNING varchar(20));
SELECT JSON_OBJECT('k': 'value' RETURNING varchar(5));
SELECT JSON_OBJECT('k': 1 RETURNING int);
SELECT JSON_OBJECT('k': 1 FORMAT JSON);
SELECT JSON_OBJECT('k': 'not json' FORMAT JSON);
SELECT JSON_OBJECT('k': '{"n": [1, 2]}' FORMAT JSON), JSON_OBJECT('k': '{"n": [1, 2]}' FORMAT JSON RETURNING jsonb);
SELECT JSON_OBJECT('k': NULL::json FORMAT JSON ENCODING UTF8);
SELECT JSON_OBJECT(RETURNING text FORMAT JSON ENCODING UTF8);
SELECT JSON_OBJECT(RETURNING bytea FORMAT JSON ENCODING UTF16);
SELECT JSON_OBJECT('outer': JSON_OBJECT('inner': 1 RETURNING jsonb));
SELECT JSON_OBJECT('blob': JSON_OBJECT('b': 1 RETURNING bytea));
SELECT pg_typeof(JSON_OBJECT('a': 1)), pg_typeof(JSON_OBJECT('a': '{}'::jsonb));
-- JSON_ARRAY
SELECT JSON_ARRAY(id, name, email, tier) FROM customers ORDER BY id;
SELECT JSON_ARRAY(id, email NULL ON NULL) FROM customers ORDER BY id;
SELECT JSON_ARRAY(id, meta) FROM orders ORDER BY id;
SELECT JSON_ARRAY('[1]' FORMAT JSON, '{"a": 1}'::json, ARRAY[1,2], ROW(3, 'x'));
SELECT JSON_ARRAY(), JSON_ARRAY(RETURNING jsonb);
SELECT JSON_ARRAY(SELECT name FROM customers ORDER BY name DESC);
SELECT JSON_ARRAY(SELECT email FROM customers ORDER BY id);
SELECT JSON_ARRAY(SELECT email FROM customers ORDER BY id RETURNING jsonb);
SELECT JSON_ARRAY(SELECT id FROM customers WHERE false);
SELECT c.id, JSON_ARRAY(SELECT o.id FROM orders o WHERE o.customer_id = c.id ORDER BY o.id) AS order_ids FROM customers c ORDER BY c.id;
SELECT JSON_ARRAY(SELECT id, name FROM customers);
SELECT JSON_ARRAY(1 RETURNING int[]);
-- JSON_ARRAYAGG / JSON_OBJECTAGG
SELECT customer_id, JSON_ARRAYAGG(id ORDER BY id) FROM orders GROUP BY customer_id ORDER BY customer_id;
SELECT JSON_ARRAYAGG(status ORDER BY id), JSON_ARRAYAGG(status ORDER BY id NULL ON NULL) FROM orders;
SELECT JSON_ARRAYAGG(status ORDER BY id RETURNING jsonb), JSON_ARRAYAGG(meta ORDER BY id) FROM orders;
SELECT JSON_ARRAYAGG(email ORDER BY id) FILTER (WHERE id > 1) FROM customers;
SELECT JSON_ARRAYAGG(email) FROM customers WHERE email IS NULL;
SELECT JSON_ARRAYAGG(email) FROM customers WHERE false;
SELECT JSON_OBJECTAGG(name: email) FROM customers;
SELECT JSON_OBJECTAGG(name: email ABSENT ON NULL RETURNING jsonb) FROM customers;
SELECT JSON_OBJECTAGG(customer_id: id WITH UNIQUE KEYS) FROM orders;
SELECT JSON_OBJECTAGG(customer_id: status ABSENT ON NULL WITH UNIQUE KEYS RETURNING jsonb) FROM orders;
SELECT id, JSON_ARRAYAGG(id) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM customers ORDER BY id;
SELECT JSON_OBJECTAGG(id: total RETURNING text) FROM orders;
-- the json aggregates' _strict and _unique variants
SELECT json_agg_strict(email), jsonb_agg_strict(email) FROM customers WHERE email IS NULL;
SELECT json_object_agg_strict(name, email), jsonb_object_agg_strict(name, email) FROM customers WHERE email IS NULL;
SELECT json_object_agg_unique_strict(k, v) FROM (VALUES ('a', 1), ('a', NULL), ('b', 2)) t(k, v);
SELECT jsonb_object_agg_unique_strict(k, v) FROM (VALUES ('a', 1), ('a', NULL), ('b', 2)) t(k, v);

-- substring(... SIMILAR ...): the part before #" as short as possible, the middle as long as possible
SELECT substring('order-2024-0042' SIMILAR '%-#"%#"-%' ESCAPE '#');
SELECT substring('aaa-bbb-ccc' SIMILAR '%-#"%#"' ESCAPE '#');
SELECT substring('abcdefg' SIMILAR 'a*#"%#"g*' ESCAPE '#'), substring('abcdefg' SIMILAR 'a#"%#"g' ESCAPE '#');
SELECT substring('ada@example.com' SIMILAR '%@#"%#".com' ESCAPE '#'), substring('x' SIMILAR 'y#"%#"' ESCAPE '#');
SELECT substring(email SIMILAR '#"[a-z]+#"@%' ESCAPE '#') FROM customers ORDER BY id;

-- json(b)_populate_record: nested JSON arrays fill multidimensional arrays
CREATE TYPE grid AS (name text, cells int[], labels text[]);
SELECT * FROM json_populate_record(NULL::grid, '{"name": "g", "cells": [[1, 2], [3, 4]], "labels": [["a"], ["b"]]}');
SELECT * FROM jsonb_populate_record(NULL::grid, '{"cells": [[[1], [2]], [[3], [4]]]}');
SELECT cells FROM json_populate_record(NULL::grid, '{"cells": [[], []]}');
SELECT cells FROM json_populate_record(NULL::grid, '{"cells": []}');
SELECT cells FROM json_populate_record(NULL::grid, '{"cells": [[1, null], [null, 4]]}');
SELECT cells FROM json_populate_record(NULL::grid, '{"cells": [[1, 2], [3]]}');
SELECT cells FROM jsonb_populate_record(NULL::grid, '{"cells": [[1], 2]}');
SELECT cells FROM json_populate_record(NULL::grid, '{"cells": [[[1]], [2]]}');
SELECT cells FROM json_populate_record(NULL::grid, '{"cells": [1, [2]]}');
SELECT cells FROM json_populate_record(NULL::grid, '{"cells": [[], [1]]}');
SELECT * FROM json_to_record('{"m": [[1.5, 2], [3, 4.25]]}') AS t(m numeric[]);

-- Domains over domains keep the typmod of the innermost base (price numeric(8,2), sku varchar(6))
CREATE DOMAIN price AS numeric(8,2) CHECK (VALUE >= 0);
CREATE DOMAIN sale_price AS price CHECK (VALUE < 10000);
CREATE DOMAIN sku AS varchar(6);
CREATE DOMAIN sku_upper AS sku CHECK (VALUE = upper(VALUE));
SELECT 19.999::sale_price, 'ABC1234'::sku_upper, 12.345::price;
CREATE TABLE listings (code sku_upper PRIMARY KEY, amount sale_price, history price[]);
INSERT INTO listings VALUES ('AB12', 10.005, '{1.111, 2.226}') RETURNING *;
INSERT INTO listings VALUES ('ABCDEFG', 1, NULL);
INSERT INTO listings VALUES ('ab', 1, NULL);
INSERT INTO listings VALUES ('CD', 10000, NULL);
UPDATE listings SET amount = amount + 0.333 RETURNING amount;
SELECT '{3.14159, 2.71828}'::sale_price[], ARRAY[1.005]::price[];
CREATE FUNCTION discounted(p sale_price) RETURNS numeric LANGUAGE sql AS 'SELECT p * 0.9';
SELECT discounted(100.456);
CREATE TYPE line_item AS (code sku_upper, amount sale_price);
SELECT '(XY,5.5555)'::line_item, ROW('XY', 5.5555)::line_item;
SELECT * FROM listings ORDER BY code;

-- Set-returning functions with one OUT parameter name their column after it, even under an alias
SELECT * FROM jsonb_array_elements('[{"sku": "A1", "qty": 2}, {"sku": "B2", "qty": 1}]') AS item;
SELECT item.value ->> 'sku' AS sku, item ->> 'qty' AS qty FROM jsonb_array_elements('[{"sku": "A1", "qty": 2}, {"sku": "B2", "qty": 1}]') AS item ORDER BY 1;
SELECT t.value FROM json_array_elements_text('["x", "y"]') t ORDER BY 1;
SELECT o.id, e.value FROM orders o, jsonb_array_elements_text(jsonb_build_array(o.status, o.total)) e WHERE o.id < 12 ORDER BY o.id, e.value;
SELECT e FROM json_array_elements('[1, 2]') AS e ORDER BY e::text;
SELECT * FROM jsonb_array_elements('[true]') AS e(flag);
SELECT g FROM generate_series(1, 2) AS g ORDER BY g;

-- json(b)_populate_record(set) with anonymous records and domain fields
SELECT json_populate_record(ROW(1, 2), '{"f1": 10, "f2": 20}');
SELECT * FROM json_populate_record(NULL::record, '{"sku": "A1", "qty": 3}') AS r(sku text, qty int);
SELECT * FROM jsonb_populate_recordset(NULL::record, '[{"sku": "A1", "qty": 3}, {"sku": "B2"}]') AS r(sku text, qty int) ORDER BY sku;
SELECT json_populate_record(NULL::record, '{"sku": "A1"}');
CREATE DOMAIN qty AS int NOT NULL CHECK (VALUE > 0);
CREATE TYPE cart_line AS (sku sku_upper, n qty, tags char(3)[]);
SELECT * FROM json_populate_record(NULL::cart_line, '{"sku": "AB", "n": 2, "tags": ["new", "hot"]}');
SELECT * FROM json_populate_record(NULL::cart_line, '{"sku": "AB"}');
SELECT * FROM jsonb_populate_record(NULL::cart_line, '{"sku": "AB", "n": null}');
SELECT * FROM jsonb_populate_record(NULL::cart_line, '{"sku": "AB", "n": 0}');
SELECT * FROM json_populate_record(NULL::cart_line, '{"sku": "ab", "n": 1}');
SELECT * FROM json_populate_record(NULL::cart_line, '{"sku": "AB", "n": 1, "tags": ["toolong"]}');
SELECT * FROM json_populate_record(ROW('CD', 5, NULL)::cart_line, '{"sku": "AB"}');

-- ARRAY(subquery) of arrays stacks them into one more dimension
SELECT ARRAY(SELECT ARRAY[id, customer_id] FROM orders ORDER BY id);
SELECT ARRAY(SELECT ARRAY[name, coalesce(tier, 'none')] FROM customers ORDER BY id);
SELECT ARRAY(SELECT ARRAY[id] FROM orders WHERE false);
SELECT ARRAY(SELECT CASE WHEN id = 12 THEN NULL ELSE ARRAY[id] END FROM orders ORDER BY id);
SELECT ARRAY(SELECT CASE WHEN id = 12 THEN ARRAY[id, id] ELSE ARRAY[id] END FROM orders ORDER BY id);
SELECT ARRAY(SELECT '{}'::int[]);
SELECT pg_typeof(ARRAY(SELECT ARRAY[1.5])), array_dims(ARRAY(SELECT '[0:1]={1,2}'::int[]));
-- array_fill / width_bucket take one-dimensional arrays; array_sample's first dimension starts at 1
SELECT array_fill(0, ARRAY[[2, 2]]);
SELECT array_fill(0, ARRAY[2], ARRAY[[1]]);
SELECT width_bucket(25, ARRAY[[10, 20], [30, 40]]);
SELECT width_bucket(25, ARRAY[10, 20, 30, 40]), width_bucket(now()::date, ARRAY['2000-01-01'::date, '2100-01-01']);
SELECT array_dims(array_sample('[-1:2][2:3]={{1,2},{3,NULL},{5,6},{7,8}}'::int[], 3)), array_dims(array_shuffle('[5:6]={1,2}'::int[]));

-- User functions with anyrange / anymultirange parameters (booking periods)
CREATE TABLE bookings (id int PRIMARY KEY, room int, during tstzrange, nights daterange);
INSERT INTO bookings VALUES (1, 101, '[2024-05-01 14:00+00,2024-05-03 10:00+00)', '[2024-05-01,2024-05-03)'),
  (2, 102, '[2024-05-02 15:00+00,2024-05-02 18:00+00)', '[2024-05-02,2024-05-02]');
CREATE FUNCTION span_length(r anyrange) RETURNS anyelement LANGUAGE sql AS 'SELECT upper(r) - lower(r)';
SELECT id, span_length(int4range(id, id * 10)), span_length(numrange(id, id * 2.5)) FROM bookings ORDER BY id;
SELECT span_length(nights) FROM bookings;
CREATE FUNCTION widen(r anyrange, by anyelement) RETURNS anyrange LANGUAGE sql AS 'SELECT int4range(lower(r) - by, upper(r) + by)';
SELECT widen(int4range(5, 10), 2);
SELECT widen(numrange(5, 10), 2);
CREATE FUNCTION first_part(m anymultirange) RETURNS anyrange LANGUAGE sql AS 'SELECT r FROM unnest(m) r ORDER BY r LIMIT 1';
SELECT first_part('{[2024-05-05,2024-05-07), [2024-05-01,2024-05-02)}'::datemultirange), first_part(int4multirange(int4range(3, 4)));
CREATE FUNCTION as_multi(r anyrange) RETURNS anymultirange LANGUAGE sql AS 'SELECT multirange(r)';
SELECT as_multi(nights), pg_typeof(as_multi(nights)) FROM bookings ORDER BY id;
CREATE FUNCTION is_short(r anyrange) RETURNS boolean LANGUAGE plpgsql AS $$ BEGIN RETURN upper(r) - lower(r) < interval '1 day'; END $$;
SELECT id, is_short(during) FROM bookings ORDER BY id;
SELECT span_length(42);
CREATE FUNCTION no_range(a anyelement) RETURNS anyrange LANGUAGE sql AS 'SELECT NULL';
-- The range operators' functions called by name
SELECT id, range_overlaps(nights, '[2024-05-02,2024-05-04)'), range_contains_elem(nights, '2024-05-02'), range_adjacent(nights, '[2024-05-03,2024-05-05)') FROM bookings ORDER BY id;
SELECT range_union(int4range(1, 3), int4range(2, 5)), range_intersect(int4range(1, 3), int4range(2, 5)), range_minus(int4range(1, 5), int4range(3, 9));
SELECT range_minus(numrange(1, 5), numrange(2, 3));
SELECT range_contains(int4range(1, 10), int4range(2, 3)), range_contained_by(int4range(1, 10), int4range(2, 3)), elem_contained_by_range(4, int4range(1, 10));
SELECT range_before(int4range(1, 3), int4range(4, 5)), range_after(int4range(1, 3), int4range(4, 5)), range_overleft(int4range(1, 3), int4range(4, 5)), range_overright(int4range(1, 3), int4range(4, 5));
SELECT range_cmp(int4range(1, 3), int4range(1, 4)), range_eq(int4range(1, 3), int4range(1, 3)), range_lt(int4range(1, 3), int4range(2, 3)), range_ge(numrange(1, 3), numrange(1, 3));

-- to_timestamp with FFn rounds the result to n fractional digits
SELECT to_timestamp('2024-05-01 10:00:00.' || f, 'YYYY-MM-DD HH24:MI:SS.FF' || n) FROM (VALUES ('12', 1), ('15', 1), ('123456', 3), ('1', 2), ('999', 2), ('5', 6)) v(f, n) ORDER BY n, f;
SELECT to_timestamp('10:20:30.126 2024', 'HH24:MI:SS.FF2 YYYY');
SELECT to_timestamp('10:20:30.1234567', 'HH24:MI:SS.FF6');
