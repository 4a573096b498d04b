-- MERGE as a shop's stock sync and a SaaS app's member sync send it: every clause kind, sources
-- of every shape, RETURNING with merge_action() and old/new, defaults, identity, generated
-- columns, constraints, foreign keys, the second-match error, atomicity and read-only blocks.

CREATE TABLE products (
  id integer PRIMARY KEY,
  name text NOT NULL,
  price numeric(10,2) NOT NULL CHECK (price >= 0),
  stock integer NOT NULL DEFAULT 0,
  updated boolean NOT NULL DEFAULT false
);
INSERT INTO products VALUES (1, 'pen', 1.50, 10), (2, 'pad', 3.00, 5), (3, 'ink', 7.25, 0), (4, 'clip', 0.10, 100);
CREATE TABLE stock_feed (product_id integer, name text, price numeric, qty integer);
INSERT INTO stock_feed VALUES (1, 'pen', 1.75, 20), (3, 'ink', 7.25, 0), (5, 'tape', 2.00, 7);

-- Upsert: update the matched, insert the new.
MERGE INTO products p
USING stock_feed f ON p.id = f.product_id
WHEN MATCHED THEN UPDATE SET price = f.price, stock = f.qty, updated = true
WHEN NOT MATCHED THEN INSERT (id, name, price, stock) VALUES (f.product_id, f.name, f.price, f.qty);
SELECT * FROM products ORDER BY id;

-- Conditions; first matching clause wins; DO NOTHING; DELETE.
MERGE INTO products p
USING stock_feed f ON p.id = f.product_id
WHEN MATCHED AND f.qty = 0 THEN DELETE
WHEN MATCHED AND p.price = f.price THEN DO NOTHING
WHEN MATCHED THEN UPDATE SET stock = p.stock + 1
WHEN NOT MATCHED AND f.qty > 100 THEN INSERT VALUES (f.product_id, f.name, f.price, f.qty)
WHEN NOT MATCHED THEN DO NOTHING;
SELECT * FROM products ORDER BY id;

-- Nothing matches, nothing to insert: MERGE 0.
MERGE INTO products p USING (SELECT 99 AS id) s ON p.id = s.id WHEN MATCHED THEN DELETE;
MERGE INTO products p USING stock_feed f ON false WHEN MATCHED THEN DELETE;

-- Sources: VALUES, a subquery, a function, a join, a table without alias, ONLY.
MERGE INTO products p
USING (VALUES (2, 'pad', 3.50, 6), (6, 'glue', 1.20, 3)) AS v(id, name, price, qty) ON p.id = v.id
WHEN MATCHED THEN UPDATE SET price = v.price
WHEN NOT MATCHED THEN INSERT (id, name, price) VALUES (v.id, v.name, v.price)
RETURNING merge_action(), p.*;
MERGE INTO products p
USING (SELECT product_id, sum(qty) AS q FROM stock_feed GROUP BY product_id) s ON p.id = s.product_id
WHEN MATCHED THEN UPDATE SET stock = s.q
RETURNING p.id, p.stock, s.q;
MERGE INTO products p
USING generate_series(1, 3) AS g(i) ON p.id = g.i
WHEN MATCHED THEN UPDATE SET stock = p.stock + g.i
RETURNING merge_action() AS action, g.i, p.stock;
MERGE INTO products p
USING stock_feed f JOIN products q ON q.id = f.product_id ON p.id = f.product_id + 1
WHEN MATCHED THEN UPDATE SET name = p.name || '+'
RETURNING p.id, p.name, q.name;
MERGE INTO ONLY products
USING stock_feed ON products.id = stock_feed.product_id
WHEN MATCHED THEN UPDATE SET updated = false;
SELECT * FROM products ORDER BY id;

-- RETURNING *, whole rows, old/new.
MERGE INTO products p
USING (VALUES (1, 9.99), (7, 0.50)) AS v(id, price) ON p.id = v.id
WHEN MATCHED THEN UPDATE SET price = v.price
WHEN NOT MATCHED THEN INSERT (id, name, price) VALUES (v.id, 'new', v.price)
RETURNING *;
MERGE INTO products p
USING (VALUES (1, 8.88), (7, NULL), (8, 2.00)) AS v(id, price) ON p.id = v.id
WHEN MATCHED AND v.price IS NULL THEN DELETE
WHEN MATCHED THEN UPDATE SET price = v.price
WHEN NOT MATCHED THEN INSERT (id, name, price) VALUES (v.id, 'eight', v.price)
RETURNING merge_action(), old.price AS old_price, new.price AS new_price, old, new, v;
MERGE INTO products p USING (VALUES (8)) v(id) ON p.id = v.id WHEN MATCHED THEN DELETE RETURNING p, merge_action();

-- NOT MATCHED BY SOURCE: a full sync of a table from a feed.
CREATE TABLE members (org text, username text, role text NOT NULL DEFAULT 'member', PRIMARY KEY (org, username));
INSERT INTO members VALUES ('acme', 'ann', 'owner'), ('acme', 'bob', 'member'), ('acme', 'cy', 'member'), ('globex', 'dee', 'owner');
MERGE INTO members m
USING (VALUES ('ann', 'owner'), ('bob', 'admin'), ('eve', NULL)) AS s(username, role)
ON m.org = 'acme' AND m.username = s.username
WHEN MATCHED AND m.role IS DISTINCT FROM s.role THEN UPDATE SET role = s.role
WHEN NOT MATCHED BY TARGET THEN INSERT (org, username, role) VALUES ('acme', s.username, coalesce(s.role, 'member'))
WHEN NOT MATCHED BY SOURCE AND m.org = 'acme' THEN DELETE
RETURNING merge_action(), m.*, s.*;
SELECT * FROM members ORDER BY org, username;
MERGE INTO members m
USING (VALUES ('ann')) AS s(username) ON m.username = s.username
WHEN NOT MATCHED BY SOURCE THEN UPDATE SET role = 'inactive'
WHEN MATCHED THEN DO NOTHING
RETURNING merge_action(), m.org, m.username, m.role;
MERGE INTO members m USING (SELECT 1) s ON true WHEN NOT MATCHED BY SOURCE THEN DELETE;
MERGE INTO members m USING (SELECT 1 WHERE false) s ON true WHEN NOT MATCHED BY SOURCE THEN DELETE RETURNING *;

-- Defaults, DEFAULT VALUES, identity and generated columns, OVERRIDING.
CREATE TABLE events (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL DEFAULT 'info',
  n integer,
  n2 integer GENERATED ALWAYS AS (n * 2) STORED
);
MERGE INTO events e USING (VALUES (1)) v(n) ON e.n = v.n
WHEN NOT MATCHED AND v.n = 1 THEN INSERT DEFAULT VALUES
WHEN NOT MATCHED THEN INSERT (n) VALUES (v.n)
RETURNING *;
MERGE INTO events e USING (VALUES (2)) v(n) ON e.n = v.n
WHEN NOT MATCHED AND v.n = 1 THEN INSERT DEFAULT VALUES
WHEN NOT MATCHED THEN INSERT (n) VALUES (v.n)
RETURNING *;
MERGE INTO events e USING (VALUES (2, 'warn')) v(n, k) ON e.n = v.n
WHEN MATCHED THEN UPDATE SET kind = v.k, n = e.n + 10
RETURNING *;
MERGE INTO events e USING (VALUES (50)) v(n) ON e.n = v.n
WHEN NOT MATCHED THEN INSERT (id, n) OVERRIDING SYSTEM VALUE VALUES (100, v.n)
RETURNING *;
MERGE INTO events e USING (VALUES (60)) v(n) ON e.n = v.n
WHEN NOT MATCHED THEN INSERT (id, kind, n) OVERRIDING USER VALUE VALUES (200, DEFAULT, v.n)
RETURNING *;
MERGE INTO events e USING (VALUES (70)) v(n) ON e.n = v.n
WHEN NOT MATCHED THEN INSERT (id, n) VALUES (300, v.n);
MERGE INTO events e USING (VALUES (12)) v(n) ON e.n = v.n
WHEN MATCHED THEN UPDATE SET n2 = 5;
MERGE INTO events e USING (VALUES (12)) v(n) ON e.n = v.n
WHEN MATCHED THEN UPDATE SET id = DEFAULT, kind = DEFAULT
RETURNING *;
MERGE INTO events e USING (VALUES (12)) v(n) ON e.n = v.n
WHEN MATCHED THEN UPDATE SET (kind, n) = ('multi', v.n + 1)
RETURNING *;
SELECT * FROM events ORDER BY id;

-- A target row matched by several source rows.
MERGE INTO products p USING (VALUES (1), (1)) v(id) ON p.id = v.id
WHEN MATCHED THEN UPDATE SET stock = p.stock + 1;
MERGE INTO products p USING (VALUES (1), (1)) v(id) ON p.id = v.id
WHEN MATCHED THEN DELETE;
MERGE INTO products p USING (VALUES (1), (1)) v(id) ON p.id = v.id
WHEN MATCHED THEN DO NOTHING;
SELECT id, stock FROM products WHERE id = 1;

-- Constraints, with nothing left behind by a failing MERGE.
MERGE INTO products p USING (VALUES (2, -1.00), (3, 1.00)) v(id, price) ON p.id = v.id
WHEN MATCHED THEN UPDATE SET price = v.price;
MERGE INTO products p USING (VALUES (40, 'x'), (2, 'y')) v(id, name) ON p.id = v.id + 1000
WHEN NOT MATCHED THEN INSERT (id, name, price) VALUES (v.id, v.name, 1);
MERGE INTO products p USING (VALUES (41)) v(id) ON p.id = v.id
WHEN NOT MATCHED THEN INSERT (id, price) VALUES (v.id, 1);
SELECT count(*) FROM products WHERE id >= 40 OR price < 0;
CREATE TABLE order_lines (id serial PRIMARY KEY, product_id integer REFERENCES products, qty integer);
INSERT INTO order_lines (product_id, qty) VALUES (2, 1);
MERGE INTO order_lines o USING (VALUES (999, 1)) v(pid, qty) ON o.product_id = v.pid
WHEN NOT MATCHED THEN INSERT (product_id, qty) VALUES (v.pid, v.qty);
MERGE INTO products p USING (VALUES (2)) v(id) ON p.id = v.id WHEN MATCHED THEN DELETE;
MERGE INTO order_lines o USING (VALUES (2, 5)) v(pid, qty) ON o.product_id = v.pid
WHEN MATCHED THEN UPDATE SET qty = o.qty + v.qty
WHEN NOT MATCHED THEN INSERT (product_id, qty) VALUES (v.pid, v.qty)
RETURNING merge_action(), o.product_id, o.qty;

-- Types and coercions.
MERGE INTO products p USING (VALUES ('9', '4.5')) v(id, price) ON p.id = v.id::int
WHEN NOT MATCHED THEN INSERT (id, name, price) VALUES (v.id::int, 'nine', v.price::numeric)
RETURNING *;
MERGE INTO products p USING (VALUES (10)) v(id) ON p.id = v.id
WHEN NOT MATCHED THEN INSERT (id, name, price) VALUES (v.id, 'ten', '12.345')
RETURNING *;

-- Read-only transactions, and a MERGE inside a transaction block.
BEGIN READ ONLY;
MERGE INTO products p USING (VALUES (1)) v(id) ON p.id = v.id WHEN MATCHED THEN DELETE;
ROLLBACK;
BEGIN;
MERGE INTO products p USING (VALUES (10)) v(id) ON p.id = v.id WHEN MATCHED THEN DELETE;
SELECT count(*) FROM products WHERE id = 10;
ROLLBACK;
SELECT count(*) FROM products WHERE id = 10;

-- WITH queries.
WITH feed AS (SELECT product_id AS id, qty FROM stock_feed WHERE qty > 0)
MERGE INTO products p USING feed ON p.id = feed.id
WHEN MATCHED THEN UPDATE SET stock = feed.qty
RETURNING p.id, p.stock;
WITH ins AS (INSERT INTO stock_feed VALUES (11, 'cord', 4.00, 2) RETURNING *)
MERGE INTO products p USING ins ON p.id = ins.product_id
WHEN NOT MATCHED THEN INSERT VALUES (ins.product_id, ins.name, ins.price, ins.qty)
RETURNING p.*;

-- Parameters through PREPARE.
PREPARE upsert_price(int, numeric) AS
MERGE INTO products p USING (SELECT $1 AS id, $2 AS price) s ON p.id = s.id
WHEN MATCHED THEN UPDATE SET price = s.price
WHEN NOT MATCHED THEN INSERT (id, name, price) VALUES (s.id, 'prepared', s.price);
EXECUTE upsert_price(1, 2.22);
EXECUTE upsert_price(12, 3.33);
SELECT * FROM products WHERE id IN (1, 12) ORDER BY id;

-- MERGE in PL/pgSQL and SQL functions.
CREATE FUNCTION restock(pid int, q int) RETURNS text LANGUAGE plpgsql AS $$
DECLARE n int;
BEGIN
  MERGE INTO products p USING (SELECT pid AS id) s ON p.id = s.id
  WHEN MATCHED THEN UPDATE SET stock = p.stock + q
  WHEN NOT MATCHED THEN INSERT (id, name, price, stock) VALUES (pid, 'auto', 0, q);
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n || ' ' || (SELECT stock FROM products WHERE id = pid);
END $$;
SELECT restock(1, 5), restock(13, 2);
SELECT * FROM products ORDER BY id;

-- A self-merge reads the table as it was before the statement.
CREATE TABLE counters (k text PRIMARY KEY, n integer NOT NULL);
INSERT INTO counters VALUES ('a', 1), ('b', 2);
MERGE INTO counters c USING (SELECT k || '2' AS k, n * 10 AS n FROM counters) s ON c.k = s.k
WHEN MATCHED THEN UPDATE SET n = c.n + s.n
WHEN NOT MATCHED THEN INSERT VALUES (s.k, s.n)
RETURNING merge_action(), c.*;
MERGE INTO counters c USING counters s ON c.k = s.k || '2'
WHEN MATCHED THEN UPDATE SET n = c.n + s.n
RETURNING c.k, c.n, s.n AS source_n;
SELECT * FROM counters ORDER BY k;

-- BY SOURCE with conditions and DO NOTHING, ON conditions on one side only, subqueries in SET.
MERGE INTO counters c USING (VALUES ('a')) s(k) ON c.k = s.k
WHEN NOT MATCHED BY SOURCE AND c.n > 100 THEN DO NOTHING
WHEN NOT MATCHED BY SOURCE AND c.k LIKE '%2' THEN UPDATE SET n = -c.n
WHEN MATCHED THEN UPDATE SET n = (SELECT max(n) FROM counters) + 1
RETURNING merge_action(), c.k, c.n;
MERGE INTO counters c USING (VALUES (1)) s(x) ON c.k = 'zz'
WHEN NOT MATCHED THEN INSERT VALUES ('zz', s.x)
RETURNING *;
MERGE INTO counters c USING (VALUES (1)) s(x) ON s.x = 1
WHEN MATCHED AND c.k = 'zz' THEN DELETE
RETURNING *;
MERGE INTO counters c USING (VALUES ('b', 5)) s(k, n) ON c.k = s.k
WHEN MATCHED THEN UPDATE SET k = 'a';
SELECT * FROM counters ORDER BY k;

-- Domains and dropped columns on the target.
CREATE DOMAIN qty AS integer DEFAULT 1 CHECK (VALUE > 0);
CREATE TABLE bins (id integer PRIMARY KEY, junk text, q qty, label text DEFAULT 'bin');
ALTER TABLE bins DROP COLUMN junk;
MERGE INTO bins b USING (VALUES (1), (2)) s(id) ON b.id = s.id
WHEN NOT MATCHED AND s.id = 1 THEN INSERT (id) VALUES (s.id)
WHEN NOT MATCHED THEN INSERT VALUES (s.id, 7, DEFAULT)
RETURNING *;
MERGE INTO bins b USING (VALUES (1)) s(id) ON b.id = s.id
WHEN MATCHED THEN UPDATE SET q = 0;
MERGE INTO bins b USING (VALUES (1)) s(id) ON b.id = s.id
WHEN MATCHED THEN UPDATE SET q = DEFAULT, label = upper(b.label)
RETURNING b.*, old.q AS old_q;

-- MERGE in a SQL function, returning its rows.
CREATE FUNCTION upsert_counter(key text, delta int) RETURNS SETOF counters LANGUAGE sql AS $$
  MERGE INTO counters c USING (SELECT key AS k) s ON c.k = s.k
  WHEN MATCHED THEN UPDATE SET n = c.n + delta
  WHEN NOT MATCHED THEN INSERT VALUES (key, delta)
  RETURNING c.*
$$;
SELECT * FROM upsert_counter('a', 100);
SELECT * FROM upsert_counter('q', 3);

-- EXPLAIN.
EXPLAIN (COSTS OFF) MERGE INTO counters c USING (VALUES ('a')) s(k) ON c.k = s.k WHEN MATCHED THEN DELETE;
