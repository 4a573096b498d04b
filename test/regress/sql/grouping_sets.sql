-- GROUP BY ROLLUP / CUBE / GROUPING SETS as sales reports use them, with GROUPING().
-- The order of grouped rows is not guaranteed, so every result is ordered on a unique key.

CREATE TABLE sales (
  id integer PRIMARY KEY,
  region text NOT NULL,
  product text NOT NULL,
  channel text,
  sold_on date NOT NULL,
  qty integer NOT NULL,
  amount numeric(10, 2) NOT NULL
);
INSERT INTO sales VALUES
  (1, 'EU', 'Keyboard', 'web', '2024-01-05', 2, 99.80),
  (2, 'EU', 'Mouse', 'store', '2024-01-06', 1, 19.90),
  (3, 'US', 'Keyboard', 'web', '2024-01-07', 5, 249.50),
  (4, 'US', 'Monitor', 'web', '2024-02-01', 1, 299.00),
  (5, 'EU', 'Monitor', NULL, '2024-02-03', 2, 598.00),
  (6, 'APAC', 'Mouse', 'store', '2024-02-10', 10, 199.00),
  (7, 'US', 'Mouse', 'store', '2024-03-01', 3, 59.70),
  (8, 'APAC', 'Keyboard', 'web', '2024-03-15', 1, 49.90);

-- subtotals per region and a grand total
SELECT region, product, sum(amount) AS total, count(*) AS n
FROM sales GROUP BY ROLLUP (region, product)
ORDER BY region NULLS LAST, product NULLS LAST;

SELECT region, product, sum(qty), GROUPING(region, product) AS g
FROM sales GROUP BY ROLLUP (region, product)
ORDER BY g, region, product;

SELECT region, channel, sum(amount), GROUPING(region) AS gr, GROUPING(channel) AS gc
FROM sales GROUP BY CUBE (region, channel)
ORDER BY gr, gc, region, channel NULLS FIRST;

-- label the total rows
SELECT CASE WHEN GROUPING(region) = 1 THEN 'all regions' ELSE region END AS region_label,
       CASE WHEN GROUPING(product) = 1 THEN 'all products' ELSE product END AS product_label,
       sum(amount) AS total
FROM sales GROUP BY ROLLUP (region, product)
ORDER BY GROUPING(region), region, GROUPING(product), product;

SELECT region, product, channel, count(*)
FROM sales GROUP BY GROUPING SETS ((region), (product), (channel), ())
ORDER BY region NULLS LAST, product NULLS LAST, channel NULLS LAST, count(*);

-- a plain column combined with a rollup
SELECT date_trunc('month', sold_on)::date AS month, region, product, sum(amount)
FROM sales GROUP BY date_trunc('month', sold_on), ROLLUP (region, product)
ORDER BY month, region NULLS LAST, product NULLS LAST;

-- composite units inside ROLLUP
SELECT region, product, channel, sum(qty), GROUPING(region, product, channel)
FROM sales GROUP BY ROLLUP ((region, product), channel)
ORDER BY GROUPING(region, product, channel), region, product, channel NULLS FIRST;

-- HAVING sees the grouped rows, NULLs included
SELECT region, sum(amount) FROM sales GROUP BY ROLLUP (region) HAVING sum(amount) > 500
ORDER BY region NULLS LAST;

-- an expression over a rolled-up column is NULL-aware
SELECT upper(region) AS r, coalesce(product, '(total)') AS p, max(amount)
FROM sales GROUP BY ROLLUP (region, product)
ORDER BY r NULLS LAST, p;

-- the empty grouping set on an empty input still gives one row
SELECT region, count(*), sum(amount) FROM sales WHERE qty > 100 GROUP BY ROLLUP (region) ORDER BY region;
SELECT count(*) FROM sales WHERE qty > 100 GROUP BY ();
SELECT region, count(*) FROM sales WHERE qty > 100 GROUP BY GROUPING SETS ((region)) ORDER BY region;

-- duplicate grouping sets are kept
SELECT region, count(*) FROM sales GROUP BY GROUPING SETS ((region), (region), ()) ORDER BY region NULLS LAST, count(*);

-- CUBE of three columns: 8 sets
SELECT count(*) AS rows_out FROM (
  SELECT region, product, channel, sum(qty) FROM sales GROUP BY CUBE (region, product, channel)
) s;

-- aggregate with DISTINCT and FILTER under grouping sets
SELECT region, count(DISTINCT product) AS products, sum(amount) FILTER (WHERE channel = 'web') AS web
FROM sales GROUP BY ROLLUP (region) ORDER BY region NULLS LAST;

-- grouping sets inside a subquery and a CTE
WITH totals AS (
  SELECT region, product, sum(amount) AS total, GROUPING(region, product) AS lvl
  FROM sales GROUP BY ROLLUP (region, product)
)
SELECT lvl, count(*), sum(total) FROM totals GROUP BY lvl ORDER BY lvl;

-- errors
SELECT region, GROUPING(product) FROM sales GROUP BY ROLLUP (region);
SELECT region FROM sales WHERE GROUPING(region) = 0 GROUP BY ROLLUP (region);
SELECT region, product FROM sales GROUP BY ROLLUP (region);

-- GROUP BY DISTINCT removes repeated grouping sets
SELECT region, count(*) FROM sales GROUP BY DISTINCT ROLLUP (region), ROLLUP (region) ORDER BY region NULLS LAST;
SELECT region, count(*) FROM sales GROUP BY ALL ROLLUP (region), ROLLUP (region) ORDER BY region NULLS LAST, count(*);
SELECT region, product, count(*) FROM sales GROUP BY DISTINCT CUBE (region, product), region ORDER BY region, product NULLS FIRST;

-- ordinals and output names inside ROLLUP, HAVING on GROUPING()
SELECT region AS r, product, sum(qty) FROM sales GROUP BY ROLLUP (1, 2) HAVING GROUPING(product) = 1 ORDER BY r NULLS LAST;
SELECT id, region, sum(qty) FROM sales GROUP BY ROLLUP (id) ORDER BY id NULLS LAST;
SELECT id, region, sum(qty) FROM sales GROUP BY id, ROLLUP (region) ORDER BY id, region NULLS LAST;
SELECT region, product, sum(qty) FROM sales GROUP BY GROUPING SETS (region, product) ORDER BY region NULLS LAST, product NULLS LAST;
