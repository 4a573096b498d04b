-- Composite types and record values: CREATE TYPE ... AS, composite columns, ROW(...) values,
-- field access, whole-row references, record comparison, functions returning composites and
-- records, json to records, ROWS FROM, and WITH RECURSIVE ... SEARCH / CYCLE.

-- an address type used by customers, a money-like price type used by products
CREATE TYPE address AS (street text, city text, zip varchar(10));
CREATE TYPE price AS (amount numeric(10,2), currency char(3));
CREATE TYPE address AS (x int);
CREATE TYPE bad AS (a int, a text);
CREATE TYPE bad AS (a record);
CREATE TABLE customers (
  id int PRIMARY KEY,
  name text NOT NULL,
  home address,
  shipping address[]
);
CREATE TABLE products (id int PRIMARY KEY, name text, list price, sale price);

-- composite literals: quoting, escaping, empty vs NULL fields
SELECT '(1 Main St,Springfield,12345)'::address;
SELECT '("1 Main St",Springfield,)'::address AS a, ('("1 Main St",Springfield,)'::address).zip IS NULL AS zip_null;
SELECT '(,"",)'::address;
SELECT ('(,"",)'::address).street IS NULL AS s_null, ('(,"",)'::address).city = '' AS c_empty;
SELECT '("a \"quoted\" st","back\\slash",x)'::address;
SELECT '(  spaced  ,b,c)'::address;
SELECT '(1.5,USD)'::price, '(12,EUR)'::price::text;
SELECT 'no parens'::address;
SELECT '(a,b'::address;
SELECT '(a,b,c,d)'::address;
SELECT '(a,b)'::address;
SELECT '(a,b,c) junk'::address;
SELECT '(abc,EUR)'::price;
SELECT '(1,EURO)'::price;

-- ROW constructors and casts to composite types
SELECT ROW('2 Elm', 'Shelbyville', '54321')::address;
SELECT ('2 Elm', 'Shelbyville', NULL)::address;
SELECT ROW(1, 'USD')::price, ROW(2.345, 'EUR')::price;
SELECT ROW(1, 2)::price;
SELECT ROW(1, 'USD', 3)::price;
SELECT ROW(1)::price;
SELECT ROW('x', 'USD')::price;
SELECT ROW(1, 'a b', NULL), ROW(1, 'a')::text, ROW()::text;
SELECT ROW(1, ROW(2, 'x y'), ARRAY[1, 2])::text;
SELECT ROW(1, 'a', NULL)::text;

-- composite columns
INSERT INTO customers VALUES
  (1, 'Ann', ROW('1 Main St', 'Springfield', '12345'), ARRAY[ROW('PO Box 1', 'Springfield', '12345')::address]),
  (2, 'Bob', '("2 Elm, Apt 3","New \"York\"",)', NULL),
  (3, 'Cy', NULL, '{}'),
  (4, 'Di', ('4 Oak', 'Springfield', '12346'), '{"(a,b,c)","(d,e,f)"}');
SELECT * FROM customers ORDER BY id;
SELECT id, (home).city, (customers.home).zip FROM customers ORDER BY id;
SELECT id, name FROM customers WHERE (home).city = 'Springfield' ORDER BY id;
SELECT id, (home).* FROM customers ORDER BY id;
SELECT home.city FROM customers;
SELECT (home).country FROM customers;
SELECT (name).x FROM customers;
SELECT id, shipping[1], (shipping[2]).city FROM customers ORDER BY id;
SELECT id, cardinality(shipping) FROM customers ORDER BY id;
UPDATE customers SET home.zip = '99999' WHERE id = 2;
UPDATE customers SET home.street = '5 Pine', home.city = 'Capital City' WHERE id = 3;
SELECT id, home FROM customers WHERE id IN (2, 3) ORDER BY id;
UPDATE customers SET home.nope = 'x';
UPDATE customers SET name.x = 'x';
UPDATE customers SET home = ROW('9 Bay', 'Ogdenville', NULL) WHERE id = 4 RETURNING id, home, (home).city;
INSERT INTO customers VALUES (5, 'Ed', ROW(1, 2), NULL);
INSERT INTO customers VALUES (5, 'Ed', ROW('a', 'b', 'c', 'd'), NULL);

-- whole-row references
SELECT c FROM customers c ORDER BY id;
SELECT customers FROM customers WHERE id = 1;
SELECT row_to_json(c) FROM customers c ORDER BY id;
SELECT to_jsonb(c) FROM customers c WHERE id = 1;
SELECT to_json(c.home) FROM customers c ORDER BY id;
SELECT count(c.*), count(c), count(home) FROM customers c;
SELECT ROW(c.*) FROM customers c WHERE id = 1;
SELECT ROW(c.id, c.name) = ROW(1, 'Ann') FROM customers c ORDER BY id;
SELECT pg_typeof(c), pg_typeof(c.home), pg_typeof(ROW(1, 2)) FROM customers c WHERE id = 1;

-- prices: comparisons, ordering, grouping, aggregates over composites
INSERT INTO products VALUES
  (1, 'pen', (1.5, 'USD'), NULL),
  (2, 'book', (12, 'EUR'), (10, 'EUR')),
  (3, 'mug', (1.5, 'USD'), (1.25, 'USD')),
  (4, 'lamp', (30, 'USD'), (25, 'USD'));
SELECT * FROM products ORDER BY list, id;
SELECT DISTINCT list FROM products ORDER BY list;
SELECT list, count(*) FROM products GROUP BY list ORDER BY list;
SELECT max(list), min(list) FROM products;
SELECT p FROM products p ORDER BY p DESC;
SELECT id FROM products WHERE list = ROW(1.5, 'USD')::price ORDER BY id;
SELECT id FROM products WHERE list < sale ORDER BY id;
SELECT id FROM products WHERE list > sale ORDER BY id;
SELECT id, (list).amount - (sale).amount AS saving FROM products ORDER BY id;
SELECT array_agg(list ORDER BY id) FROM products;
SELECT array_agg(p ORDER BY id) FROM products p WHERE id < 3;
SELECT ARRAY[(1, 'USD')::price, NULL];
SELECT '{"(1,USD)","(2.5,EUR)"}'::price[];
SELECT ('{"(1,USD)","(2.5,EUR)"}'::price[])[2], (('{"(1,USD)","(2.5,EUR)"}'::price[])[2]).currency;

-- composite columns with defaults, checks, indexes, views
CREATE TABLE offers (id int PRIMARY KEY, label text, price price DEFAULT (0, 'USD') CHECK ((price).amount >= 0));
INSERT INTO offers (id, label) VALUES (1, 'free');
INSERT INTO offers VALUES (2, 'refund', (-1, 'USD'));
INSERT INTO offers VALUES (3, 'deal', (5, 'EUR')), (4, 'promo', (5, 'USD'));
CREATE INDEX offers_price_idx ON offers (price);
SELECT id FROM offers WHERE price = '(5,EUR)' ORDER BY id;
CREATE VIEW offer_view AS SELECT id, price, (price).currency AS cur FROM offers;
SELECT v FROM offer_view v ORDER BY id;
SELECT pg_get_viewdef('offer_view');
SELECT coalesce(NULL::price, (1, 'USD')::price), CASE WHEN true THEN (2, 'GBP')::price END;
SELECT price FROM offers UNION SELECT (7, 'GBP')::price ORDER BY 1;
SELECT DISTINCT ON (price) id, price FROM offers ORDER BY price, id;
DROP VIEW offer_view;
DROP TABLE offers;

-- anonymous records: comparison semantics
SELECT ROW(1, 2) = ROW(1, 2), ROW(1, 2) < ROW(2, 1), ROW(1, NULL) = ROW(1, NULL), ROW(1, NULL) <> ROW(2, NULL);
SELECT ROW(1, 2) IS DISTINCT FROM ROW(1, 3), ROW(1, NULL) IS NOT DISTINCT FROM ROW(1, NULL);
SELECT ROW(NULL, NULL) IS NULL, ROW(1, NULL) IS NULL, ROW(1, NULL) IS NOT NULL, ROW(1, 2) IS NOT NULL;
SELECT ROW(1, 'a') IN (ROW(1, 'a'), ROW(2, 'b')), ROW(3, 'c') NOT IN (ROW(1, 'a'), ROW(2, 'b'));
SELECT ARRAY[ROW(1, 2), ROW(3, NULL)], ARRAY[ROW(1, 'x y')];
SELECT (ROW(1, 'a')).f2, (ROW(1, 'a')).f3;
SELECT x FROM (SELECT ROW(1, 'a'::text) AS x) s;
SELECT (x).f2 FROM (SELECT ROW(1, 'b'::text) AS x) s;
SELECT (s.x).* FROM (SELECT ROW(1, 'c'::text) AS x) s;
SELECT r FROM (VALUES (ROW(2, 'b'::text)), (ROW(1, 'z'::text)), (ROW(1, 'a'::text))) v(r) ORDER BY r;
SELECT DISTINCT r FROM (VALUES (ROW(1, 'a'::text)), (ROW(1, 'a'::text)), (ROW(2, NULL::text))) v(r) ORDER BY r;
SELECT '(1,2)'::record;

-- functions returning composites and records
CREATE FUNCTION make_price(a numeric, c text) RETURNS price LANGUAGE sql AS $$ SELECT a, c $$;
SELECT make_price(3, 'USD');
SELECT (make_price(3, 'USD')).amount;
SELECT * FROM make_price(3, 'USD');
SELECT make_price(3, 'GBP').*;
CREATE FUNCTION customer_city(c customers) RETURNS text LANGUAGE sql AS $$ SELECT (c.home).city $$;
SELECT name, customer_city(c) FROM customers c ORDER BY id;
CREATE FUNCTION price_pair(OUT low price, OUT high price) LANGUAGE sql AS $$ SELECT list, sale FROM products WHERE id = 2 $$;
SELECT price_pair();
SELECT (price_pair()).high;
SELECT * FROM price_pair();
SELECT * FROM price_pair() AS p(a price, b price);
CREATE FUNCTION discounted() RETURNS SETOF record LANGUAGE sql AS $$ SELECT id, name, (sale).amount FROM products WHERE sale IS NOT NULL ORDER BY id $$;
SELECT * FROM discounted() AS d(id int, name text, amount numeric) ORDER BY id;
SELECT * FROM discounted();
SELECT discounted();
SELECT * FROM discounted() AS d(id int, name text);
SELECT * FROM discounted() AS d(id int, name int, amount numeric);
SELECT * FROM make_price(1, 'USD') AS m(a numeric, b text);
CREATE FUNCTION all_products() RETURNS SETOF products LANGUAGE sql AS $$ SELECT * FROM products ORDER BY id $$;
SELECT p.name, (p.list).amount FROM all_products() p WHERE (p.sale).currency = 'USD';
SELECT all_products() LIMIT 2;

-- PL/pgSQL with composite and record variables
CREATE FUNCTION double_price(p price) RETURNS price LANGUAGE plpgsql AS $$
DECLARE r price;
BEGIN
  r := p;
  r.amount := r.amount * 2;
  RETURN r;
END $$;
SELECT double_price((2.5, 'USD'));
CREATE FUNCTION first_customer() RETURNS record LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  SELECT id, name, home INTO r FROM customers ORDER BY id LIMIT 1;
  RAISE NOTICE 'customer: %', r;
  RETURN r;
END $$;
SELECT first_customer();
SELECT * FROM first_customer() AS t(id int, name text, home address);
CREATE FUNCTION gbp(n numeric) RETURNS price LANGUAGE plpgsql AS $$ BEGIN RETURN (n, 'GBP')::price; END $$;
SELECT gbp(7), (gbp(7)).currency;
CREATE FUNCTION customer_row(cid int) RETURNS customers LANGUAGE plpgsql AS $$
DECLARE c customers;
BEGIN
  SELECT * INTO c FROM customers WHERE id = cid;
  RETURN c;
END $$;
SELECT customer_row(1);
SELECT (customer_row(2)).home;

-- json to records
SELECT * FROM json_to_record('{"a":1,"b":"x y","c":null,"d":[1,2],"e":{"k": 1}}') AS x(a int, b text, c text, d int[], e json, f text);
SELECT * FROM jsonb_to_record('{"a":1,"b":"x y","d":[1,2],"e":{"k": 1}}') AS x(a int, b text, d int[], e jsonb);
SELECT * FROM json_to_recordset('[{"a":1,"b":"x"},{"a":2,"b":null},{"a":3}]') AS x(a int, b text) ORDER BY a;
SELECT * FROM jsonb_to_recordset('[{"id":1,"amount":"2.5"},{"id":2,"amount":3}]') AS x(id int, amount numeric);
SELECT * FROM json_populate_record(NULL::customers, '{"id": 9, "name": "Flo", "home": {"street": "1 Main", "city": "X"}, "shipping": [{"street": "a"}]}');
SELECT * FROM jsonb_populate_record(NULL::customers, '{"id": 8, "home": "(a,b,c)", "shipping": "{\"(d,e,f)\"}"}');
SELECT * FROM json_populate_recordset(NULL::products, '[{"id": 1, "list": {"amount": 1, "currency": "USD"}}, {"id": 2, "name": "bo"}]');
SELECT jsonb_populate_record(ROW(5, 'old', NULL, NULL)::customers, '{"name": "new"}');
SELECT * FROM jsonb_populate_record(NULL::customers, '{"id": "x"}');
SELECT * FROM jsonb_populate_record(NULL::customers, '{"shipping": 5}');
SELECT * FROM jsonb_to_record('[1]') AS x(a int);
SELECT * FROM json_to_recordset('{"a":1}') AS x(a int);
SELECT json_to_record('{"a":1}');
SELECT o.id, r.* FROM (VALUES (1, '{"qty": 10, "sku": "A-1"}'::jsonb), (2, '{"qty": 20}')) o(id, doc), jsonb_to_record(o.doc) AS r(sku text, qty int) ORDER BY o.id;

-- ROWS FROM and multi-argument unnest
SELECT * FROM ROWS FROM (generate_series(1, 2), generate_series(1, 3)) WITH ORDINALITY;
SELECT * FROM ROWS FROM (generate_series(1, 2), discounted() AS (id int, name text, amount numeric)) WITH ORDINALITY AS t(n, id, name, amount, ord);
SELECT * FROM ROWS FROM (generate_series(1, 2), discounted());
SELECT * FROM ROWS FROM (generate_series(1, 2), generate_series(3, 4)) AS t(x int, y int);
SELECT * FROM ROWS FROM (price_pair(), make_price(1, 'USD'));
SELECT * FROM unnest(ARRAY[1, 2], ARRAY['a', 'b', 'c']) WITH ORDINALITY AS u(n, s, o);
SELECT * FROM generate_series(1, 2) AS g(x int);

-- row_to_json of joined rows
SELECT row_to_json(t) FROM (
  SELECT c.name, c.home, p.name AS product, p.list
  FROM customers c JOIN products p ON p.id = c.id
) t ORDER BY t.name;
SELECT json_agg(p ORDER BY p.id) FROM products p WHERE (p.list).currency = 'USD';

-- SEARCH / CYCLE on an org chart and a graph
CREATE TABLE staff (id int PRIMARY KEY, name text, boss int);
INSERT INTO staff VALUES (1, 'Ann', NULL), (2, 'Bob', 1), (3, 'Cy', 1), (4, 'Di', 2), (5, 'Ed', 3), (6, 'Fay', 4);
CREATE TABLE links (src text, dst text);
INSERT INTO links VALUES ('a', 'b'), ('b', 'c'), ('c', 'a'), ('c', 'd');
WITH RECURSIVE chart(id, name) AS (
  SELECT id, name FROM staff WHERE boss IS NULL
  UNION ALL
  SELECT s.id, s.name FROM staff s JOIN chart c ON s.boss = c.id
) SEARCH DEPTH FIRST BY id SET ord
SELECT * FROM chart ORDER BY ord;
WITH RECURSIVE chart(id, name) AS (
  SELECT id, name FROM staff WHERE boss IS NULL
  UNION ALL
  SELECT s.id, s.name FROM staff s JOIN chart c ON s.boss = c.id
) SEARCH BREADTH FIRST BY id SET ord
SELECT * FROM chart ORDER BY ord;
WITH RECURSIVE chart AS (
  SELECT id, name, boss FROM staff WHERE boss IS NULL
  UNION ALL
  SELECT s.id, s.name, s.boss FROM staff s, chart c WHERE s.boss = c.id
) SEARCH DEPTH FIRST BY name, id SET seq
SELECT id, seq FROM chart ORDER BY seq;
WITH RECURSIVE walk(node) AS (
  SELECT 'a'::text
  UNION ALL
  SELECT l.dst FROM walk w JOIN links l ON l.src = w.node
) CYCLE node SET is_cycle USING path
SELECT * FROM walk ORDER BY path::text;
WITH RECURSIVE walk(node, depth) AS (
  SELECT 'a'::text, 0
  UNION ALL
  SELECT l.dst, w.depth + 1 FROM walk w JOIN links l ON l.src = w.node
) CYCLE node SET looped TO 'Y' DEFAULT 'N' USING trail
SELECT node, depth, looped, trail FROM walk ORDER BY depth, node;
WITH RECURSIVE walk(node) AS (
  SELECT 'a'::text
  UNION ALL
  SELECT l.dst FROM walk w JOIN links l ON l.src = w.node
) SEARCH BREADTH FIRST BY node SET ord CYCLE node SET is_cycle USING path
SELECT * FROM walk ORDER BY ord;
WITH RECURSIVE t(id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM t WHERE id < 3) SEARCH DEPTH FIRST BY nope SET ord SELECT * FROM t;
WITH RECURSIVE t(id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM t WHERE id < 3) CYCLE id SET c USING c SELECT * FROM t;
WITH RECURSIVE t(id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM t WHERE id < 3) SEARCH DEPTH FIRST BY id SET ord SELECT pg_typeof(ord), ord FROM t ORDER BY id;

-- the catalog and DROP TYPE
SELECT typname, typtype, typrelid <> 0 AS has_rel FROM pg_type WHERE typname IN ('address', 'price', 'customers', '_price') ORDER BY typname;
CREATE TYPE dims AS (w int, h int);
ALTER TYPE dims ADD ATTRIBUTE d int;
SELECT '(1,2,3)'::dims;
ALTER TYPE dims DROP ATTRIBUTE d;
SELECT ROW(1, 2)::dims;
ALTER TYPE customers ADD ATTRIBUTE x int;
ALTER TYPE address ADD ATTRIBUTE country text;
SELECT * FROM address;
DROP TABLE address;
DROP TYPE customers;
DROP TYPE address;
DROP FUNCTION make_price(numeric, text);
DROP FUNCTION double_price(price);
DROP FUNCTION gbp(numeric);
DROP FUNCTION price_pair();
DROP TYPE price CASCADE;
SELECT * FROM products ORDER BY id;
DROP TYPE address CASCADE;
SELECT * FROM customers ORDER BY id;
DROP TYPE IF EXISTS address;
