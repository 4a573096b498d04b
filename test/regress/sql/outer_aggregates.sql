-- Aggregates whose arguments are columns of an outer query only belong to that outer query
-- (computed once per outer group): correlated subqueries over a shop's customers and orders.
CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL, tier text NOT NULL);
CREATE TABLE orders (id int PRIMARY KEY, customer_id int NOT NULL REFERENCES customers, total numeric(10,2) NOT NULL, placed_on date NOT NULL);
CREATE TABLE targets (tier text PRIMARY KEY, min_total numeric(10,2));
INSERT INTO customers VALUES (1, 'Ada', 'gold'), (2, 'Bo', 'silver'), (3, 'Cy', 'gold'), (4, 'Di', 'bronze');
INSERT INTO orders VALUES
  (10, 1, 120.00, '2024-01-05'), (11, 1, 80.50, '2024-02-11'), (12, 2, 15.25, '2024-02-12'),
  (13, 3, 300.00, '2024-03-01'), (14, 3, 42.00, '2024-03-02'), (15, 3, 7.75, '2024-03-09'), (16, 2, 64.00, '2024-04-20');
INSERT INTO targets VALUES ('gold', 250), ('silver', 50), ('bronze', NULL);

-- the aggregate in the subquery sums the outer query's rows
SELECT c.tier, (SELECT sum(c.id)) AS id_sum, (SELECT count(*) FILTER (WHERE c.name > 'B')) AS late_names
  FROM customers c GROUP BY c.tier ORDER BY c.tier;
SELECT (SELECT max(o.total)) FROM orders o;
SELECT (SELECT max((SELECT c.id FROM customers c WHERE c.id = o.customer_id))) FROM orders o;
SELECT o.customer_id, (SELECT string_agg(o.id::text, ',' ORDER BY o.id DESC) FROM targets t WHERE t.tier = 'gold')
  FROM orders o GROUP BY o.customer_id ORDER BY 1;
SELECT (SELECT array_agg(v) FROM (SELECT sum(o.total) AS v) s) FROM orders o;
-- mixed with the subquery's own rows: an outer aggregate is a constant there
SELECT o.customer_id, (SELECT min(t.min_total) + sum(o.total) FROM targets t) AS bound
  FROM orders o GROUP BY o.customer_id ORDER BY 1;
SELECT c.tier, (SELECT sum(t.min_total) + 0 * count(c.id) FROM targets t WHERE t.tier <> c.tier) FROM customers c GROUP BY c.tier ORDER BY 1;
-- aggregates over both levels belong to the inner one
SELECT c.id, (SELECT sum(o.total + c.id) FROM orders o WHERE o.customer_id = c.id) FROM customers c ORDER BY 1;
-- in HAVING and in EXISTS
SELECT o.customer_id, sum(o.total)
  FROM orders o GROUP BY o.customer_id
  HAVING EXISTS (SELECT 1 FROM targets t WHERE t.min_total <= sum(o.total) AND t.tier = 'silver')
  ORDER BY 1;
SELECT c.tier FROM customers c GROUP BY c.tier
  HAVING (SELECT count(DISTINCT c.name) FROM targets t WHERE t.tier = c.tier) > 1 ORDER BY 1;
SELECT c.tier, count(*) FROM customers c JOIN orders o ON o.customer_id = c.id GROUP BY c.tier
  HAVING (SELECT avg(o.total) > t.min_total FROM targets t WHERE t.tier = c.tier) ORDER BY 1;
-- two levels out
SELECT c.tier, (SELECT (SELECT max(c.id) FROM targets t2 LIMIT 1) FROM targets t1 LIMIT 1)
  FROM customers c GROUP BY c.tier ORDER BY 1;
-- in a view
CREATE VIEW tier_stats AS
  SELECT c.tier, (SELECT sum(c.id) * 10) AS scaled FROM customers c GROUP BY c.tier;
SELECT * FROM tier_stats ORDER BY tier;
-- errors
SELECT c.name, (SELECT sum(c.id)) FROM customers c;
SELECT c.id FROM customers c WHERE (SELECT sum(c.id)) > 1;
SELECT c.id FROM customers c JOIN orders o ON (SELECT count(c.id)) > 0;
SELECT c.tier FROM customers c GROUP BY (SELECT sum(c.id));
SELECT (SELECT max(min(o.total)) FROM targets t) FROM orders o;
SELECT (SELECT max(o.total) FILTER (WHERE sum(o.id) > 0) FROM targets t) FROM orders o;
SELECT (SELECT sum(t.min_total + min(o.total)) FROM targets t) FROM orders o;
-- refused in the FROM clause of the query they belong to (a LATERAL subquery)
CREATE TABLE aol (id int, v int);
INSERT INTO aol VALUES (1, 10), (2, 20), (3, 30);
SELECT 1 FROM aol a, LATERAL (SELECT max(a.v) FROM aol b) ss;
SELECT * FROM aol a JOIN LATERAL (SELECT count(a.id) AS c FROM aol b) ss ON true;
SELECT * FROM aol a, LATERAL (SELECT max(b.v) + a.v AS m FROM aol b) ss ORDER BY a.id;
SELECT (SELECT s FROM (SELECT max(a.v) AS s) q) FROM aol a;
SELECT a.id, (SELECT x FROM (SELECT sum(a.v) AS x) z) FROM aol a GROUP BY a.id ORDER BY a.id;
SELECT count(*) FROM aol a HAVING EXISTS (SELECT 1 FROM (SELECT max(a.v) AS m) q WHERE q.m > 20);
DROP TABLE aol;
