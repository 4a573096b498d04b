-- Reporting queries over a shop schema: hash joins (one and several matches per key, left joins,
-- extra join quals, the switch from index probes to a hash table past 64 outer rows), hash
-- aggregation on one and several grouping columns with NULLs, count / sum / min / max over the
-- integer types (including sums past 2^52), and queries that read only some columns of a table
-- together with whole-row references, correlated subqueries and columns added later.

CREATE TABLE categories (id integer PRIMARY KEY, name text NOT NULL, parent_id integer);
CREATE TABLE products (
  id integer PRIMARY KEY,
  category_id integer REFERENCES categories (id),
  sku varchar(16) NOT NULL,
  price_cents integer NOT NULL,
  weight_g smallint,
  stock bigint,
  active boolean NOT NULL DEFAULT true
);
CREATE TABLE orders (id integer PRIMARY KEY, customer text, status text NOT NULL, placed date NOT NULL);
CREATE TABLE order_items (
  id integer PRIMARY KEY,
  order_id integer NOT NULL REFERENCES orders (id),
  product_id integer NOT NULL REFERENCES products (id),
  quantity integer NOT NULL,
  unit_price_cents integer NOT NULL,
  line_total_cents integer GENERATED ALWAYS AS (quantity * unit_price_cents) STORED
);
CREATE INDEX order_items_order_id_idx ON order_items (order_id);
CREATE INDEX order_items_product_id_idx ON order_items (product_id);

INSERT INTO categories VALUES (1, 'Keyboards', NULL), (2, 'Mice', NULL), (3, 'Cables', 2), (4, 'Empty', NULL);
INSERT INTO products
SELECT g, CASE WHEN g % 9 = 0 THEN NULL ELSE 1 + g % 3 END, 'SKU-' || g, 100 + (g * 37) % 900,
       CASE WHEN g % 5 = 0 THEN NULL ELSE (g * 13) % 500 END, CASE WHEN g % 4 = 0 THEN NULL ELSE g * 1000 END, g % 7 <> 0
FROM generate_series(1, 40) g;
INSERT INTO orders
SELECT g, CASE WHEN g % 6 = 0 THEN NULL ELSE 'cust' || (g % 11) END,
       (ARRAY['pending', 'paid', 'shipped', 'delivered', 'cancelled'])[1 + g % 5], DATE '2024-01-01' + g
FROM generate_series(1, 120) g;
INSERT INTO order_items (id, order_id, product_id, quantity, unit_price_cents)
SELECT g, 1 + (g * 7) % 120, 1 + (g * 11) % 40, 1 + g % 4, 100 + (g * 53) % 900
FROM generate_series(1, 400) g;

-- the benchmark's shape: 3-table join, GROUP BY two columns, ORDER BY an aggregate
SELECT p.category_id, o.status, count(*) AS items, sum(oi.quantity) AS units,
       sum(oi.line_total_cents) AS revenue_cents, max(oi.unit_price_cents) AS top_price_cents,
       min(oi.unit_price_cents) AS low_price_cents
FROM order_items oi
JOIN orders o ON o.id = oi.order_id
JOIN products p ON p.id = oi.product_id
WHERE o.status <> 'cancelled'
GROUP BY p.category_id, o.status
ORDER BY revenue_cents DESC, p.category_id, o.status;

-- three grouping columns, NULLs in two of them (NULLs form one group each)
SELECT p.category_id, o.customer, p.active, count(*), sum(oi.quantity), count(p.weight_g)
FROM order_items oi JOIN orders o ON o.id = oi.order_id JOIN products p ON p.id = oi.product_id
WHERE oi.id <= 150
GROUP BY p.category_id, o.customer, p.active
ORDER BY p.category_id NULLS FIRST, o.customer NULLS FIRST, p.active;

-- grouping on an expression and a text column, HAVING on an aggregate
SELECT o.placed - DATE '2024-01-01' > 60 AS late, c.name, count(DISTINCT o.id) AS orders, sum(oi.line_total_cents)
FROM order_items oi JOIN orders o ON o.id = oi.order_id
JOIN products p ON p.id = oi.product_id JOIN categories c ON c.id = p.category_id
GROUP BY 1, c.name HAVING count(*) > 10
ORDER BY 1, 2;

-- aggregates of every integer width, with NULL inputs and all-NULL groups
SELECT p.category_id, count(p.weight_g) AS n_weight, sum(p.weight_g) AS sum_w, min(p.weight_g) AS min_w, max(p.weight_g) AS max_w,
       sum(p.stock) AS sum_stock, min(p.stock), max(p.stock), min(p.id::oid) AS min_oid, max(p.id::oid) AS max_oid,
       sum(p.price_cents), min(p.price_cents), max(p.price_cents)
FROM products p GROUP BY p.category_id ORDER BY p.category_id NULLS LAST;

SELECT sum(weight_g), max(weight_g), count(weight_g), count(*) FROM products WHERE weight_g IS NULL;
SELECT sum(x), min(x), max(x), count(x) FROM (VALUES (NULL::integer)) v (x) WHERE false;
SELECT sum(x), min(x), max(x), count(*) FROM (VALUES (NULL::integer), (NULL)) v (x);
SELECT pg_typeof(sum(1::smallint)), pg_typeof(sum(1)), pg_typeof(count(*)), pg_typeof(max(1::int2)), pg_typeof(min(1::int8));

-- sums of int4 past 2^52 (where the running total no longer fits a double's exact range)
SELECT sum(2147483647) AS up, sum(-2147483648) AS down, count(*) FROM generate_series(1, 2200000);
SELECT sum(CASE WHEN g % 2 = 0 THEN 2147483647 ELSE 2147483000 - g % 1000 END) FROM generate_series(1, 2200000) g;
SELECT sum(CASE WHEN g <= 2150000 THEN 2147483647 ELSE -2147483648 END) FROM generate_series(1, 2200000) g;
SELECT sum(v) FROM (VALUES (9223372036854775807::bigint), (1)) t (v);
SELECT sum(v::int2), sum(v), max(v), min(v) FROM (VALUES (32767), (32767), (-32768)) t (v);

-- count, sum and max as window aggregates (frames that grow and that move)
SELECT id, count(*) OVER w, sum(quantity) OVER w, max(unit_price_cents) OVER w, min(unit_price_cents) OVER w
FROM order_items WHERE id <= 12 WINDOW w AS (ORDER BY id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) ORDER BY id;
SELECT id, count(*) OVER (ORDER BY id), sum(quantity) OVER (ORDER BY id) FROM order_items WHERE id <= 8 ORDER BY id;

-- several inner rows per key (a join on a non-unique column), with a further join qual
SELECT o.id, oi.id AS item, oi.quantity
FROM orders o JOIN order_items oi ON oi.order_id = o.id AND oi.quantity > 2
WHERE o.id BETWEEN 1 AND 130
ORDER BY o.id, oi.id;

SELECT p.id, count(oi.id), sum(oi.quantity)
FROM products p LEFT JOIN order_items oi ON oi.product_id = p.id AND oi.quantity = 4
GROUP BY p.id ORDER BY p.id;

-- a left join whose inner side is filtered: unmatched rows get NULLs in the columns read
SELECT c.id, c.name, p.id AS product, p.sku
FROM categories c LEFT JOIN products p ON p.category_id = c.id AND p.price_cents > 900
ORDER BY c.id, p.id;

-- exactly 64, 65 and 66 outer rows probing order_items (index probes, then a hash table)
SELECT count(*), sum(oi.quantity) FROM orders o JOIN order_items oi ON oi.order_id = o.id WHERE o.id <= 64;
SELECT count(*), sum(oi.quantity) FROM orders o JOIN order_items oi ON oi.order_id = o.id WHERE o.id <= 65;
SELECT count(*), sum(oi.quantity) FROM orders o JOIN order_items oi ON oi.order_id = o.id WHERE o.id <= 66;
SELECT o.id, count(oi.id) FROM orders o LEFT JOIN order_items oi ON oi.order_id = o.id WHERE o.id <= 70 GROUP BY o.id ORDER BY o.id;

-- text join keys and NULL keys (NULLs never join)
SELECT o.customer, count(*) FROM orders o JOIN orders o2 ON o2.customer = o.customer AND o2.id = o.id + 11
GROUP BY o.customer ORDER BY o.customer;

-- only some columns read: whole-row references, correlated subqueries, functions of the row
SELECT c.id, c FROM categories c ORDER BY c.id;
SELECT p.id, row_to_json(p) FROM products p WHERE p.id IN (3, 18) ORDER BY p.id;
SELECT p.id, (SELECT count(*) FROM order_items oi WHERE oi.product_id = p.id AND oi.quantity > p.id % 3) AS n
FROM products p WHERE p.id <= 6 ORDER BY p.id;
SELECT o.id FROM orders o
WHERE EXISTS (SELECT 1 FROM order_items oi WHERE oi.order_id = o.id AND oi.unit_price_cents > 900 + o.id % 50)
ORDER BY o.id;
SELECT x.cat, x.total FROM categories c,
  LATERAL (SELECT c.name AS cat, sum(p.price_cents) AS total FROM products p WHERE p.category_id = c.id) x
ORDER BY x.cat;
SELECT s.id, s.sku FROM (SELECT * FROM products) s WHERE s.weight_g > 400 ORDER BY s.id;

-- a column added later (rows written before it read its default)
ALTER TABLE orders ADD COLUMN channel text NOT NULL DEFAULT 'web';
INSERT INTO orders VALUES (121, 'late', 'paid', DATE '2024-06-01', 'store');
SELECT o.channel, count(*), count(oi.id) FROM orders o LEFT JOIN order_items oi ON oi.order_id = o.id
GROUP BY o.channel ORDER BY o.channel;
ALTER TABLE orders DROP COLUMN customer;
SELECT o.status, o.channel, count(*) FROM orders o GROUP BY o.status, o.channel ORDER BY 1, 2;
SELECT o FROM orders o WHERE o.id IN (1, 121) ORDER BY o.id;

-- an UPDATE and a DELETE driven by a join still see whole rows
UPDATE products p SET stock = coalesce(p.stock, 0) + 1 FROM categories c WHERE c.id = p.category_id AND c.name = 'Cables' AND p.id < 10;
SELECT id, category_id, sku, price_cents, weight_g, stock, active FROM products WHERE id < 10 ORDER BY id;
DELETE FROM order_items oi USING orders o WHERE o.id = oi.order_id AND o.status = 'cancelled' AND oi.quantity = 1 RETURNING oi.*;
SELECT count(*) FROM order_items;

-- an error inside an aggregate's argument, mid-join
SELECT p.category_id, sum(oi.quantity / (p.id - 20)) FROM order_items oi JOIN products p ON p.id = oi.product_id GROUP BY 1;
SELECT sum(x) FROM (VALUES (2147483647), (1)) t (x);
SELECT sum(x)::int4 FROM (VALUES (2147483647), (1)) t (x);

-- hash join keys of every shape: negative and zero ids, sparse ids, bigint, float (-0 = 0, NaN = NaN), numeric
CREATE TABLE ledger (id integer, acct integer, big bigint, f float8, amount numeric(8, 2));
INSERT INTO ledger
SELECT g, g % 7 - 3, g::bigint * 100000000000, CASE WHEN g % 5 = 0 THEN 'NaN' WHEN g % 5 = 1 THEN '-0' ELSE g % 4 / 2.0 END, (g % 6) / 4.0
FROM generate_series(1, 120) g;
INSERT INTO ledger VALUES (1000, 2000000, NULL, NULL, NULL), (1001, -2000000, 5, 0.5, 1.5);
SELECT a.acct, count(*) FROM ledger a JOIN ledger b ON b.acct = a.acct AND b.id = a.id GROUP BY a.acct ORDER BY a.acct;
SELECT a.id, b.id FROM ledger a JOIN ledger b ON b.acct = a.acct WHERE a.id >= 1000 ORDER BY 1, 2;
SELECT count(*), count(DISTINCT a.id) FROM ledger a JOIN ledger b ON b.acct = a.acct;
SELECT a.f, count(*) FROM ledger a JOIN ledger b ON b.f = a.f GROUP BY a.f ORDER BY a.f;
SELECT count(*) FROM ledger a JOIN ledger b ON b.big = a.big;
SELECT a.amount, count(*) FROM ledger a JOIN ledger b ON b.amount = a.amount GROUP BY a.amount ORDER BY a.amount;
SELECT l.id, o.id FROM ledger l JOIN orders o ON o.id = l.acct + 3 WHERE l.id <= 80 ORDER BY l.id;
SELECT l.id, o.id FROM ledger l LEFT JOIN orders o ON o.id = l.acct WHERE l.id <= 70 OR l.id >= 1000 ORDER BY l.id;
SELECT f, count(*) FROM ledger GROUP BY f ORDER BY f;

-- joins read row by row (under a LIMIT that keeps every row) rather than pushed to the end
SELECT count(*), sum(q) FROM (SELECT oi.quantity AS q FROM order_items oi JOIN orders o ON o.id = oi.order_id WHERE o.status = 'paid' LIMIT 100000) s;
SELECT s.id, s.status FROM (SELECT oi.id, o.status FROM order_items oi JOIN orders o ON o.id = oi.order_id AND o.id > 100 LIMIT 100000) s ORDER BY s.id;
SELECT s.pid, s.n FROM (SELECT p.id AS pid, oi.id AS n FROM products p LEFT JOIN order_items oi ON oi.product_id = p.id AND oi.quantity > 3 AND oi.id % 2 = 0 LIMIT 100000) s ORDER BY 1, 2 NULLS FIRST;
