-- Query conformance: behaviours found by running Postgres's own regression files on fauxgres
-- (one section per cause), on a small shop schema.

CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL, city text);
CREATE TABLE orders (id int PRIMARY KEY, customer_id int REFERENCES customers, total numeric(10,2), note text);
INSERT INTO customers VALUES (1, 'alice', 'Paris'), (2, 'bob', NULL), (3, 'carol', 'Oslo');
INSERT INTO orders VALUES (10, 1, 25.50, 'first'), (11, 1, 10.00, NULL), (12, 3, 99.99, 'gift');

-- Whole-row references to the nullable side of an outer join are NULL, not a row of NULLs.
SELECT c.name, o FROM customers c LEFT JOIN orders o ON o.customer_id = c.id ORDER BY c.id, o.id;
SELECT c.id, o IS NULL AS missing, o IS NOT NULL AS present, row_to_json(o), to_jsonb(o), o::text
  FROM customers c LEFT JOIN orders o ON o.customer_id = c.id ORDER BY c.id, o.id;
SELECT c.id, o.* FROM customers c LEFT JOIN orders o ON false ORDER BY c.id;
SELECT c.id, (o).id, (o).note FROM customers c LEFT JOIN orders o ON false ORDER BY c.id;
SELECT count(o), count(*), array_agg(o ORDER BY o.id), jsonb_agg(o ORDER BY o.id)
  FROM customers c LEFT JOIN orders o ON o.customer_id = c.id;
SELECT c.id, coalesce(o, ROW(0, 0, 0, 'none')::orders) FROM customers c LEFT JOIN orders o ON o.customer_id = c.id ORDER BY c.id, o.id;
SELECT o, c FROM orders o RIGHT JOIN customers c ON o.customer_id = c.id AND o.total > 50 ORDER BY c.id;
SELECT o, c FROM orders o FULL JOIN customers c ON o.customer_id = c.id AND o.total > 50;
SELECT c.id, o FROM customers c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.id, o ORDER BY c.id, o;
SELECT c.id, ROW(o.*) FROM customers c LEFT JOIN orders o ON false ORDER BY c.id;
SELECT c.id, o = o AS self_equal FROM customers c LEFT JOIN orders o ON o.customer_id = c.id ORDER BY c.id, o.id;
-- subqueries, VALUES, functions and WITH queries on the nullable side
SELECT c.id, s FROM customers c LEFT JOIN (SELECT customer_id, sum(total) AS spent FROM orders GROUP BY 1) s ON s.customer_id = c.id ORDER BY c.id;
SELECT c.id, v FROM customers c LEFT JOIN (VALUES (1, 'gold'), (3, 'silver')) v(cid, tier) ON v.cid = c.id ORDER BY c.id;
SELECT c.id, g FROM customers c LEFT JOIN generate_series(2, 3) g ON g = c.id ORDER BY c.id;
SELECT c.id, last FROM customers c LEFT JOIN LATERAL (SELECT o.id, o.total FROM orders o WHERE o.customer_id = c.id ORDER BY o.id DESC LIMIT 1) last ON true ORDER BY c.id;
WITH big AS (SELECT * FROM orders WHERE total > 20) SELECT c.id, big FROM customers c LEFT JOIN big ON big.customer_id = c.id ORDER BY c.id;
SELECT c.id, to_json(x) FROM customers c LEFT JOIN LATERAL (SELECT c.city AS city) x ON c.city IS NOT NULL ORDER BY c.id;
SELECT c.id, o FROM customers c LEFT JOIN (orders o JOIN customers c2 ON c2.id = o.customer_id) ON o.customer_id = c.id AND o.total < 20 ORDER BY c.id;
SELECT c.id, (SELECT count(*) FROM orders x WHERE x = o) FROM customers c LEFT JOIN orders o ON o.customer_id = c.id ORDER BY c.id, o.id;

-- HAVING without GROUP BY or aggregates makes the query a single group.
SELECT 1 AS one FROM orders HAVING 1 > 2;
SELECT 1 AS one FROM orders HAVING 1 < 2;
SELECT 'x' AS x FROM orders WHERE total > 1000 HAVING true;
SELECT id FROM orders HAVING true;

-- A whole-row reference is a composite value: = and IN compare with record_eq (NULL fields equal).
SELECT a.id, b.id, a = b AS eq, a <> b AS ne, a < b AS lt, a IS DISTINCT FROM b AS dist
  FROM orders a, orders b WHERE a.id IN (10, 11) AND b.id IN (10, 11) ORDER BY a.id, b.id;
SELECT o.id, o = ROW(11, 1, 10.00, NULL)::orders AS is_eleven FROM orders o ORDER BY o.id;
SELECT o.id FROM orders o WHERE o IN (ROW(11, 1, 10.00, NULL)::orders, ROW(12, 3, 99.99, 'gift')::orders) ORDER BY o.id;
SELECT o.id FROM orders o WHERE o IN (SELECT x FROM orders x WHERE x.note IS NULL) ORDER BY o.id;
SELECT o.id, ROW(o.*) = ROW(o.*) AS row_ctor_eq FROM orders o ORDER BY o.id;

-- t.* of an outer level in a LATERAL or correlated subquery's select list
SELECT c.id, s.* FROM customers c, LATERAL (SELECT c.*, o.id AS order_id FROM orders o WHERE o.customer_id = c.id ORDER BY o.id LIMIT 1) s ORDER BY c.id;
SELECT c.id, s.* FROM customers c, LATERAL (SELECT c.name) s1, LATERAL (SELECT s1.*, length(s1.name) AS len) s ORDER BY c.id;
SELECT c.id FROM customers c WHERE EXISTS (SELECT c.* FROM orders o WHERE o.customer_id = c.id) ORDER BY c.id;
-- a scalar subquery column is named after the subquery's (analyzed) first column
SELECT (SELECT c.* FROM orders o WHERE o.id = 12) FROM customers c WHERE c.id = 1;
SELECT (SELECT s.* FROM orders o WHERE o.id = 12) FROM (SELECT 'solo' AS label) s;
SELECT (SELECT o.note FROM orders o WHERE o.id = 10), (SELECT 1), (SELECT max(total) FROM orders);

-- LIMIT / OFFSET reading a column of an outer query level
SELECT c.id, (SELECT count(*) FROM (SELECT 1 FROM orders LIMIT c.id) x) AS upto FROM customers c ORDER BY c.id;
SELECT c.id, (SELECT o.id FROM (VALUES (1)) v, (SELECT id FROM orders ORDER BY id LIMIT 1 OFFSET c.id - 1) o) AS nth FROM customers c ORDER BY c.id;
SELECT c.id, l.id FROM customers c, LATERAL (SELECT id FROM orders ORDER BY id LIMIT c.id) l ORDER BY 1, 2;
-- a join input reading an outer level's columns is re-read for each outer row
SELECT c.id, (SELECT count(*) FROM (VALUES (1), (2)) v, (SELECT * FROM orders o WHERE o.customer_id = c.id) mine) AS n FROM customers c ORDER BY c.id;
SELECT c.id, (SELECT count(*) FROM (VALUES (1), (2)) v JOIN orders o ON o.customer_id = c.id) AS n FROM customers c ORDER BY c.id;

-- ROW(...) op (SELECT ...): row comparison with a subquery's single row
SELECT ROW(1, 25.50) = (SELECT customer_id, total FROM orders WHERE id = 10) AS eq;
SELECT o.id, (o.customer_id, o.total) <> (SELECT 1, 10.00) AS ne, (o.customer_id, o.total) < (SELECT 3, 0) AS lt FROM orders o ORDER BY o.id;
SELECT o.id FROM orders o WHERE (o.customer_id, o.total) = (SELECT customer_id, max(total) FROM orders WHERE customer_id = 1 GROUP BY customer_id);
SELECT (1, NULL::int) = (SELECT 1, 2) AS unknown, (2, NULL::int) = (SELECT 1, 2) AS no, (1, 2) = (SELECT 1, 2 WHERE false) AS empty;
SELECT ROW(1, 2) = (SELECT customer_id, id FROM orders);
SELECT ROW(1, 2) = (SELECT customer_id FROM orders LIMIT 1);
SELECT ROW(1, 2, 3) = (SELECT customer_id, id FROM orders LIMIT 1);

-- DISTINCT aggregates: ORDER BY must use the arguments
SELECT string_agg(DISTINCT note, ', ' ORDER BY note) AS notes, array_agg(DISTINCT customer_id ORDER BY customer_id DESC) AS ids FROM orders;
SELECT string_agg(DISTINCT note, ', ' ORDER BY id) FROM orders;
SELECT array_agg(DISTINCT total ORDER BY total, customer_id) FROM orders;
SELECT count(DISTINCT customer_id ORDER BY customer_id + 1) FROM orders;

-- a LATERAL item may not read the left input of a RIGHT or FULL join
SELECT c.id, g FROM customers c RIGHT JOIN LATERAL generate_series(1, c.id) g ON true;
SELECT * FROM customers c FULL JOIN LATERAL (SELECT c.name) s ON true;
SELECT * FROM customers c RIGHT JOIN LATERAL (SELECT city) s ON true;
SELECT c.id, g FROM customers c LEFT JOIN LATERAL generate_series(1, c.id) g ON g > 1 ORDER BY 1, 2;

-- tableoid of RETURNING old / new: NULL for the side that does not exist
INSERT INTO orders VALUES (13, 2, 5.00, 'new') RETURNING old.tableoid::regclass AS old_rel, new.tableoid::regclass AS new_rel, old.id, new.id;
UPDATE orders SET note = 'changed' WHERE id = 13 RETURNING old.tableoid::regclass AS old_rel, new.tableoid::regclass AS new_rel, old.note, new.note;
DELETE FROM orders WHERE id = 13 RETURNING old.tableoid::regclass AS old_rel, new.tableoid::regclass AS new_rel, old, new;

-- aggregates in subqueries: the query level an aggregate belongs to is the lowest level of the
-- columns it reads; one over only outer columns belongs to the outer query (not emulated: 0A000)
SELECT o.id, (SELECT sum(o.total + c.id) FROM customers c) AS s FROM orders o ORDER BY o.id;
SELECT o.id, (SELECT count(*) FROM customers c WHERE c.id > o.customer_id) AS n FROM orders o ORDER BY o.id;
SELECT o.id, (SELECT sum(c.id) FILTER (WHERE o.total > 10) FROM customers c) AS s FROM orders o ORDER BY o.id;
SELECT (SELECT max(o.total) FROM customers c WHERE c.id > 1) FROM orders o;
