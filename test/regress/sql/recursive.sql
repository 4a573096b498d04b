-- WITH RECURSIVE as applications use it: org charts, category trees, graph walks, series.
-- Every multi-row result is ordered on a unique key.

CREATE TABLE employees (
  id integer PRIMARY KEY,
  name text NOT NULL,
  manager_id integer REFERENCES employees,
  salary numeric(10, 2) NOT NULL
);
INSERT INTO employees VALUES
  (1, 'Ada', NULL, 250000),
  (2, 'Grace', 1, 180000),
  (3, 'Linus', 1, 175000),
  (4, 'Ken', 2, 140000),
  (5, 'Barbara', 2, 150000),
  (6, 'Dennis', 3, 130000),
  (7, 'Margaret', 5, 120000),
  (8, 'Edsger', 7, 110000);

CREATE TABLE categories (id integer PRIMARY KEY, parent_id integer REFERENCES categories, name text NOT NULL);
INSERT INTO categories VALUES
  (1, NULL, 'Electronics'), (2, 1, 'Computers'), (3, 2, 'Laptops'), (4, 2, 'Desktops'),
  (5, 1, 'Phones'), (6, NULL, 'Books'), (7, 6, 'Fiction'), (8, 7, 'Sci-Fi');

CREATE TABLE edges (src text NOT NULL, dst text NOT NULL, km integer NOT NULL, PRIMARY KEY (src, dst));
INSERT INTO edges VALUES
  ('a', 'b', 5), ('b', 'c', 3), ('c', 'a', 4), ('b', 'd', 10), ('d', 'e', 1), ('c', 'e', 20);

-- generate a series by recursion
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 10)
SELECT n, n * n AS sq FROM t ORDER BY n;

WITH RECURSIVE t(n) AS (VALUES (1) UNION ALL SELECT n + 1 FROM t WHERE n < 100)
SELECT sum(n), count(*), max(n) FROM t;

-- the whole reporting chain under a manager, with depth and path
WITH RECURSIVE reports AS (
  SELECT id, name, manager_id, 0 AS depth, name AS path FROM employees WHERE id = 2
  UNION ALL
  SELECT e.id, e.name, e.manager_id, r.depth + 1, r.path || ' > ' || e.name
  FROM employees e JOIN reports r ON e.manager_id = r.id
)
SELECT id, name, depth, path FROM reports ORDER BY id;

-- the management chain above an employee
WITH RECURSIVE chain(id, name, manager_id, lvl) AS (
  SELECT id, name, manager_id, 1 FROM employees WHERE name = 'Edsger'
  UNION ALL
  SELECT m.id, m.name, m.manager_id, c.lvl + 1 FROM chain c, employees m WHERE m.id = c.manager_id
)
SELECT lvl, name FROM chain ORDER BY lvl;

-- total salary of each manager's subtree
WITH RECURSIVE sub(root, id) AS (
  SELECT id, id FROM employees
  UNION ALL
  SELECT s.root, e.id FROM sub s JOIN employees e ON e.manager_id = s.id
)
SELECT s.root, count(*) AS people, sum(e.salary) AS payroll
FROM sub s JOIN employees e ON e.id = s.id
GROUP BY s.root ORDER BY s.root;

-- category breadcrumbs
WITH RECURSIVE tree AS (
  SELECT id, name, name AS crumbs, 1 AS level FROM categories WHERE parent_id IS NULL
  UNION ALL
  SELECT c.id, c.name, t.crumbs || ' / ' || c.name, t.level + 1
  FROM categories c JOIN tree t ON c.parent_id = t.id
)
SELECT id, level, crumbs FROM tree ORDER BY crumbs;

-- array path and cycle check by hand
WITH RECURSIVE walk(node, path, total) AS (
  SELECT 'a'::text, ARRAY['a'], 0
  UNION ALL
  SELECT e.dst, w.path || e.dst, w.total + e.km
  FROM walk w JOIN edges e ON e.src = w.node
  WHERE NOT e.dst = ANY(w.path)
)
SELECT node, path, total FROM walk ORDER BY path;

-- UNION removes duplicates, so a cyclic graph terminates
WITH RECURSIVE reach(node) AS (
  SELECT 'a'::text
  UNION
  SELECT e.dst FROM edges e JOIN reach r ON e.src = r.node
)
SELECT node FROM reach ORDER BY node;

WITH RECURSIVE t(n) AS (SELECT 1 UNION SELECT n % 3 + 1 FROM t) SELECT n FROM t ORDER BY n;

-- an outer LIMIT stops an endless recursion
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t) SELECT n FROM t LIMIT 5;

-- Fibonacci with bigint
WITH RECURSIVE fib(i, a, b) AS (
  SELECT 1, 0::bigint, 1::bigint
  UNION ALL
  SELECT i + 1, b, a + b FROM fib WHERE i < 50
)
SELECT i, a FROM fib WHERE i % 10 = 0 ORDER BY i;

-- the recursive CTE referenced twice from the outer query, and next to a plain CTE
WITH RECURSIVE nums(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM nums WHERE n < 4),
  doubled AS (SELECT n * 2 AS d FROM nums)
SELECT a.n, b.d FROM nums a JOIN doubled b ON b.d = a.n * 2 ORDER BY a.n;

WITH RECURSIVE nums(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM nums WHERE n < 3)
SELECT x.n, y.n FROM nums x CROSS JOIN nums y ORDER BY x.n, y.n;

-- a recursive CTE in a subquery and in an INSERT ... SELECT
SELECT name FROM employees
WHERE id IN (WITH RECURSIVE r(id) AS (SELECT 3 UNION ALL SELECT e.id FROM employees e JOIN r ON e.manager_id = r.id) SELECT id FROM r)
ORDER BY name;

CREATE TABLE calendar (d date PRIMARY KEY);
INSERT INTO calendar
WITH RECURSIVE days(d) AS (SELECT date '2024-02-26' UNION ALL SELECT (d + 1)::date FROM days WHERE d < date '2024-03-02')
SELECT d FROM days;
SELECT d, extract(dow FROM d) AS dow FROM calendar ORDER BY d;

-- unknown literals in the non-recursive term become text
WITH RECURSIVE t(s) AS (SELECT 'a' UNION ALL SELECT s || 'b' FROM t WHERE length(s) < 3)
SELECT s, pg_typeof(s) FROM t ORDER BY s;

WITH RECURSIVE t(n) AS (SELECT 1.5 UNION ALL SELECT n + 1 FROM t WHERE n < 3) SELECT n FROM t ORDER BY n;

-- WITH RECURSIVE without a self-reference is an ordinary WITH
WITH RECURSIVE t AS (SELECT 1 AS x UNION ALL SELECT 2) SELECT x FROM t ORDER BY x;

-- errors
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n::bigint + 1 FROM t WHERE n < 3) SELECT * FROM t;
WITH RECURSIVE t(n) AS (SELECT 1::int UNION ALL SELECT n + 1.5 FROM t WHERE n < 3) SELECT n FROM t;
WITH RECURSIVE t(n) AS (SELECT n FROM t UNION ALL SELECT 1) SELECT * FROM t;
WITH RECURSIVE t(n) AS (SELECT 1 INTERSECT SELECT n FROM t) SELECT * FROM t;
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n IN (SELECT n FROM t)) SELECT * FROM t;
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT a.n + 1 FROM t a, t b) SELECT * FROM t;
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t ORDER BY 1) SELECT * FROM t;
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT count(*) FROM t) SELECT * FROM t;
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1, 2 FROM t) SELECT * FROM t;
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT (SELECT n + 1 FROM t)) SELECT * FROM t;
WITH RECURSIVE t(a, b) AS (SELECT 1 UNION ALL SELECT a + 1 FROM t WHERE a < 3) SELECT * FROM t;
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT t.n + 1 FROM (SELECT 1) x LEFT JOIN t ON true) SELECT * FROM t;
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT t.n + 1 FROM t LEFT JOIN (SELECT 1) x ON true WHERE t.n < 3) SELECT n FROM t ORDER BY n;

-- SEARCH and CYCLE clauses
WITH RECURSIVE tree(id, name) AS (
  SELECT id, name FROM categories WHERE parent_id IS NULL
  UNION ALL
  SELECT c.id, c.name FROM categories c JOIN tree t ON c.parent_id = t.id
) SEARCH DEPTH FIRST BY id SET ord
SELECT id, name FROM tree ORDER BY ord;
WITH RECURSIVE walk(node) AS (
  SELECT 'a'::text
  UNION ALL
  SELECT e.dst FROM walk w JOIN edges e ON e.src = w.node
) CYCLE node SET is_cycle USING path
SELECT node, is_cycle FROM walk WHERE is_cycle ORDER BY path::text;

-- a recursive CTE per outer row (correlated), in a view and in a SQL function
SELECT e.name,
  (WITH RECURSIVE r(id) AS (SELECT e.id UNION ALL SELECT x.id FROM employees x JOIN r ON x.manager_id = r.id)
   SELECT count(*) - 1 FROM r) AS reports
FROM employees e ORDER BY e.id;
CREATE VIEW category_paths AS
WITH RECURSIVE p(id, path) AS (
  SELECT id, name FROM categories WHERE parent_id IS NULL
  UNION ALL
  SELECT c.id, p.path || '/' || c.name FROM categories c JOIN p ON c.parent_id = p.id
)
SELECT id, path FROM p;
SELECT id, path FROM category_paths WHERE path LIKE 'Electronics/%' ORDER BY id;
CREATE FUNCTION ancestors(cid integer) RETURNS SETOF integer LANGUAGE sql STABLE AS $$
  WITH RECURSIVE a(id, parent_id) AS (
    SELECT id, parent_id FROM categories WHERE id = cid
    UNION ALL
    SELECT c.id, c.parent_id FROM categories c JOIN a ON c.id = a.parent_id
  )
  SELECT id FROM a WHERE id <> cid
$$;
SELECT c.id, array_agg(x ORDER BY x) AS ancestors FROM categories c, ancestors(c.id) x GROUP BY c.id ORDER BY c.id;
-- A recursive UNION (without ALL) needs hashable column types; UNION ALL does not.
WITH RECURSIVE flags(bits) AS (VALUES ('01'::varbit) UNION SELECT bits || '10'::varbit FROM flags WHERE bits < '100'::varbit) SELECT bits FROM flags;
WITH RECURSIVE fees(amount) AS (VALUES ('1.50'::money) UNION SELECT amount * 2 FROM fees WHERE amount < '10'::money) SELECT amount FROM fees;
WITH RECURSIVE fees(amount) AS (VALUES ('1.50'::money) UNION ALL SELECT amount * 2 FROM fees WHERE amount < '10'::money) SELECT amount FROM fees;
WITH RECURSIVE docs(v) AS (VALUES ('fat cat'::tsvector) UNION SELECT v FROM docs) SELECT v FROM docs;
WITH RECURSIVE masks(m) AS (VALUES (ARRAY[B'1']) UNION SELECT m FROM masks) SELECT m FROM masks;
WITH RECURSIVE n(i) AS (VALUES (1) UNION SELECT i + 1 FROM n WHERE i < 4) SELECT i FROM n;
