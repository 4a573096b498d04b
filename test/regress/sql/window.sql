-- Window functions over a small sales / employees schema: ranking, offsets, running totals,
-- named windows, frames (ROWS / RANGE / GROUPS, EXCLUDE), FILTER, and the errors apps hit.

CREATE TABLE employees (
  id integer PRIMARY KEY,
  name text NOT NULL,
  dept text NOT NULL,
  salary integer NOT NULL,
  hired_on date NOT NULL
);
INSERT INTO employees VALUES
  (1, 'alice', 'eng', 120, '2020-01-10'),
  (2, 'bob', 'eng', 100, '2021-03-01'),
  (3, 'carol', 'eng', 100, '2019-07-15'),
  (4, 'dave', 'sales', 80, '2022-02-01'),
  (5, 'erin', 'sales', 95, '2020-11-30'),
  (6, 'frank', 'sales', 80, '2023-05-05'),
  (7, 'grace', 'ops', 70, '2018-09-09'),
  (8, 'heidi', 'eng', 130, '2024-01-02');
CREATE TABLE sales (
  id integer PRIMARY KEY,
  employee_id integer NOT NULL REFERENCES employees,
  sold_on date NOT NULL,
  amount numeric(10, 2) NOT NULL,
  region text
);
INSERT INTO sales VALUES
  (1, 4, '2024-01-03', 100.00, 'north'),
  (2, 4, '2024-01-05', 250.50, 'north'),
  (3, 5, '2024-01-05', 80.00, 'south'),
  (4, 6, '2024-01-07', 300.00, NULL),
  (5, 5, '2024-01-10', 120.25, 'south'),
  (6, 4, '2024-01-12', 75.00, 'north'),
  (7, 6, '2024-01-12', 60.00, 'south'),
  (8, 5, '2024-01-20', 410.00, 'north');

-- ranking
SELECT id, name, dept, salary,
       row_number() OVER (PARTITION BY dept ORDER BY salary DESC, id) AS rn,
       rank() OVER (PARTITION BY dept ORDER BY salary DESC) AS rnk,
       dense_rank() OVER (PARTITION BY dept ORDER BY salary DESC) AS drnk
  FROM employees ORDER BY id;
SELECT id, salary, percent_rank() OVER (ORDER BY salary), cume_dist() OVER (ORDER BY salary),
       ntile(3) OVER (ORDER BY salary, id)
  FROM employees ORDER BY id;
SELECT id, row_number() OVER () IS NOT NULL AS numbered, count(*) OVER () AS total FROM employees ORDER BY id;
SELECT id, rank() OVER w, dense_rank() OVER w FROM employees WINDOW w AS (ORDER BY dept) ORDER BY id;
SELECT id, ntile(3) OVER (PARTITION BY dept ORDER BY id) FROM employees ORDER BY id;
SELECT id, ntile(NULL) OVER (ORDER BY id) FROM employees ORDER BY id;
SELECT ntile(0) OVER (ORDER BY id) FROM employees;

-- offsets
SELECT id, sold_on, amount,
       lag(amount) OVER (ORDER BY sold_on, id) AS prev,
       lead(amount) OVER (ORDER BY sold_on, id) AS next,
       lag(amount, 2, 0) OVER (ORDER BY sold_on, id) AS prev2,
       lead(amount, 3, -1) OVER (ORDER BY sold_on, id) AS next3
  FROM sales ORDER BY id;
SELECT id, lag(region, 1, 'none') OVER (PARTITION BY employee_id ORDER BY id) FROM sales ORDER BY id;
SELECT id, lag(id, -1) OVER (ORDER BY id), lead(id, 0) OVER (ORDER BY id), lag(id, NULL) OVER (ORDER BY id) FROM sales ORDER BY id;
SELECT id, first_value(amount) OVER w, last_value(amount) OVER w, nth_value(amount, 2) OVER w
  FROM sales WINDOW w AS (PARTITION BY employee_id ORDER BY sold_on, id) ORDER BY id;
SELECT id, first_value(name) OVER (PARTITION BY dept ORDER BY salary DESC, id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING),
       last_value(name) OVER (PARTITION BY dept ORDER BY salary DESC, id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
  FROM employees ORDER BY id;
SELECT nth_value(id, 0) OVER () FROM sales;

-- aggregates over windows
SELECT id, employee_id, amount,
       sum(amount) OVER (PARTITION BY employee_id ORDER BY sold_on, id) AS running,
       sum(amount) OVER (PARTITION BY employee_id) AS total,
       avg(amount) OVER (PARTITION BY employee_id) AS mean,
       count(*) OVER (PARTITION BY employee_id ORDER BY sold_on) AS n,
       min(amount) OVER (ORDER BY sold_on) AS lo,
       max(amount) OVER (ORDER BY sold_on) AS hi
  FROM sales ORDER BY id;
SELECT id, sold_on, sum(amount) OVER (ORDER BY sold_on) AS running_by_day FROM sales ORDER BY id;
SELECT id, count(region) OVER (), string_agg(region, ',') OVER (ORDER BY id) FROM sales ORDER BY id;
SELECT id, amount, round(amount / sum(amount) OVER () * 100, 2) AS pct FROM sales ORDER BY id;
SELECT id, sum(amount) FILTER (WHERE region = 'north') OVER (ORDER BY id) AS north_running,
       count(*) FILTER (WHERE amount > 100) OVER (PARTITION BY employee_id) AS big
  FROM sales ORDER BY id;

-- with GROUP BY: windows over groups
SELECT employee_id, sum(amount) AS total, rank() OVER (ORDER BY sum(amount) DESC) AS place,
       sum(sum(amount)) OVER () AS grand
  FROM sales GROUP BY employee_id ORDER BY employee_id;
SELECT dept, count(*), row_number() OVER (ORDER BY count(*) DESC, dept) FROM employees GROUP BY dept ORDER BY dept;

-- window functions in ORDER BY, subqueries, and top-N per group
SELECT id, name FROM employees ORDER BY row_number() OVER (ORDER BY salary DESC, id) LIMIT 3;
SELECT id, name, dept, salary FROM (
  SELECT *, row_number() OVER (PARTITION BY dept ORDER BY salary DESC, id) AS rn FROM employees
) ranked WHERE rn <= 2 ORDER BY dept, rn;
SELECT e.name, s.id, s.amount, sum(s.amount) OVER (PARTITION BY e.dept ORDER BY s.id) AS dept_running
  FROM sales s JOIN employees e ON e.id = s.employee_id ORDER BY s.id;
SELECT id, salary - lag(salary) OVER (ORDER BY hired_on) AS diff FROM employees ORDER BY hired_on;

-- named windows, inheritance
SELECT id, sum(salary) OVER w, count(*) OVER w FROM employees WINDOW w AS (PARTITION BY dept) ORDER BY id;
SELECT id, sum(salary) OVER (w ORDER BY id) FROM employees WINDOW w AS (PARTITION BY dept) ORDER BY id;
SELECT id, sum(salary) OVER w2 FROM employees WINDOW w1 AS (PARTITION BY dept), w2 AS (w1 ORDER BY salary, id ROWS 1 PRECEDING) ORDER BY id;
SELECT id, sum(salary) OVER (w ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING) FROM employees WINDOW w AS (ORDER BY id) ORDER BY id;

-- frames: ROWS
SELECT id, sum(amount) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM sales ORDER BY id;
SELECT id, sum(amount) OVER (ORDER BY id ROWS 2 PRECEDING), count(*) OVER (ORDER BY id ROWS BETWEEN 2 FOLLOWING AND 3 FOLLOWING) FROM sales ORDER BY id;
SELECT id, array_agg(id) OVER (ORDER BY id ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) FROM sales ORDER BY id;
SELECT id, count(region) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND 2 PRECEDING), sum(amount) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) FROM sales ORDER BY id;
SELECT id, array_agg(id) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING EXCLUDE CURRENT ROW) FROM sales ORDER BY id;
SELECT id, first_value(id) OVER (ORDER BY id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW), last_value(id) OVER (ORDER BY id ROWS BETWEEN CURRENT ROW AND 2 FOLLOWING), nth_value(id, 2) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM sales ORDER BY id;

-- frames: RANGE
SELECT id, salary, array_agg(id) OVER (ORDER BY salary RANGE BETWEEN 10 PRECEDING AND 10 FOLLOWING) FROM employees ORDER BY id;
SELECT id, salary, sum(id) OVER w, count(*) OVER w FROM employees WINDOW w AS (ORDER BY salary DESC RANGE BETWEEN 20 PRECEDING AND CURRENT ROW) ORDER BY id;
SELECT id, sold_on, sum(amount) OVER (ORDER BY sold_on RANGE BETWEEN interval '3 days' PRECEDING AND CURRENT ROW) FROM sales ORDER BY id;
SELECT id, amount, count(*) OVER (ORDER BY amount RANGE BETWEEN 50.5 PRECEDING AND 50 FOLLOWING) FROM sales ORDER BY id;
SELECT id, array_agg(id) OVER (ORDER BY salary RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) FROM employees ORDER BY id;
SELECT id, sum(id) OVER w, count(*) OVER w, max(name) OVER w FROM employees WINDOW w AS (ORDER BY dept RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW EXCLUDE GROUP) ORDER BY id;
SELECT id, sum(id) OVER w, count(*) OVER w, max(name) OVER w FROM employees WINDOW w AS (ORDER BY dept RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING EXCLUDE TIES) ORDER BY id;
SELECT id, sum(id) OVER w, count(*) OVER w, max(name) OVER w FROM employees WINDOW w AS (ORDER BY dept RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING EXCLUDE NO OTHERS) ORDER BY id;

-- frames: GROUPS
SELECT id, salary, array_agg(id) OVER (ORDER BY salary GROUPS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM employees ORDER BY id;
SELECT id, salary, sum(salary) OVER (ORDER BY salary GROUPS BETWEEN CURRENT ROW AND 1 FOLLOWING EXCLUDE TIES) FROM employees ORDER BY id;
SELECT id, min(id) OVER w, max(id) OVER w, count(*) OVER w FROM employees WINDOW w AS (ORDER BY salary GROUPS 1 PRECEDING EXCLUDE CURRENT ROW) ORDER BY id;

-- nulls, datetime and float RANGE keys, DISTINCT, LIMIT, CTEs, views
SELECT id, region, count(*) OVER (PARTITION BY region), rank() OVER (ORDER BY region NULLS FIRST) FROM sales ORDER BY id;
CREATE TABLE readings (id integer PRIMARY KEY, taken_at timestamptz, value float8);
INSERT INTO readings VALUES (1, '2024-01-01 10:00+00', 1.5), (2, '2024-01-01 10:30+00', 2.5), (3, '2024-01-01 12:00+00', NULL),
  (4, NULL, 4.0), (5, '2024-01-01 13:00+00', 3.25), (6, NULL, 1.0);
SELECT id, sum(value) OVER (ORDER BY taken_at RANGE BETWEEN interval '1 hour' PRECEDING AND CURRENT ROW),
       count(*) OVER (ORDER BY taken_at DESC NULLS LAST RANGE BETWEEN CURRENT ROW AND interval '90 minutes' FOLLOWING)
  FROM readings ORDER BY id;
SELECT id, avg(value) OVER (ORDER BY value RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING), count(*) OVER (ORDER BY value NULLS FIRST RANGE BETWEEN 1.5 PRECEDING AND CURRENT ROW) FROM readings ORDER BY id;
SELECT DISTINCT dept, count(*) OVER (PARTITION BY dept) FROM employees ORDER BY dept;
SELECT id, row_number() OVER (ORDER BY id DESC) FROM employees ORDER BY id LIMIT 3 OFFSET 2;
WITH ranked AS (SELECT dept, name, rank() OVER (PARTITION BY dept ORDER BY hired_on) AS r FROM employees)
SELECT dept, name FROM ranked WHERE r = 1 ORDER BY dept;
SELECT id, (SELECT max(s.amount) FROM sales s WHERE s.employee_id = e.id) AS best,
       sum(salary) OVER (ORDER BY id ROWS UNBOUNDED PRECEDING) FROM employees e ORDER BY id;
SELECT id, lag(amount, 1) OVER w IS DISTINCT FROM amount AS changed, percent_rank() OVER w FROM sales WINDOW w AS (PARTITION BY region ORDER BY amount, id) ORDER BY id;
SELECT id, ntile(4) OVER (ORDER BY id), cume_dist() OVER (PARTITION BY dept ORDER BY salary) FROM employees ORDER BY id;
SELECT id, dept, salary, salary - avg(salary) OVER (PARTITION BY dept) AS vs_avg, max(salary) OVER (PARTITION BY dept) = salary AS top FROM employees ORDER BY id;
CREATE VIEW dept_rank AS SELECT id, dept, rank() OVER (PARTITION BY dept ORDER BY salary DESC) AS r FROM employees;
SELECT * FROM dept_rank ORDER BY id;

-- errors
SELECT id FROM employees WHERE row_number() OVER (ORDER BY id) > 1;
SELECT dept FROM employees GROUP BY rank() OVER (ORDER BY dept);
SELECT dept, count(*) FROM employees GROUP BY dept HAVING rank() OVER (ORDER BY dept) > 1;
SELECT sum(row_number() OVER (ORDER BY id)) OVER () FROM employees;
SELECT sum(row_number() OVER (ORDER BY id)) FROM employees;
SELECT id, rank() OVER nope FROM employees;
SELECT id FROM employees WINDOW w AS (ORDER BY id), w AS (ORDER BY name);
SELECT id, sum(salary) OVER (w ORDER BY name) FROM employees WINDOW w AS (ORDER BY id);
SELECT id, sum(salary) OVER (w PARTITION BY dept) FROM employees WINDOW w AS (ORDER BY id);
SELECT id, sum(salary) OVER (w) FROM employees WINDOW w AS (ORDER BY id ROWS 1 PRECEDING);
SELECT id, upper(name) OVER () FROM employees;
SELECT id, row_number(id) OVER () FROM employees;
SELECT id, sum(salary) OVER (ORDER BY id ROWS BETWEEN -1 PRECEDING AND CURRENT ROW) FROM employees;
SELECT id, sum(salary) OVER (ORDER BY salary, id RANGE 10 PRECEDING) FROM employees;
SELECT id, sum(salary) OVER (RANGE 10 PRECEDING) FROM employees;
SELECT id, sum(salary) OVER (ORDER BY name RANGE 10 PRECEDING) FROM employees;
SELECT id, sum(salary) OVER (GROUPS 1 PRECEDING) FROM employees;
SELECT id, sum(salary) OVER (ORDER BY id ROWS BETWEEN CURRENT ROW AND 1 PRECEDING) FROM employees;
SELECT id, sum(salary) OVER (ORDER BY id ROWS UNBOUNDED FOLLOWING) FROM employees;
SELECT id, sum(salary) OVER (ORDER BY id ROWS BETWEEN id PRECEDING AND CURRENT ROW) FROM employees;
SELECT id, sum(salary) OVER (ORDER BY salary RANGE BETWEEN -5 PRECEDING AND CURRENT ROW) FROM employees;
SELECT id, count(DISTINCT dept) OVER () FROM employees;
SELECT id, sum(salary ORDER BY id) OVER () FROM employees;
SELECT id, rank() FILTER (WHERE id > 1) OVER () FROM employees;
UPDATE employees SET salary = rank() OVER (ORDER BY id);
INSERT INTO employees VALUES (row_number() OVER (), 'x', 'x', 1, '2020-01-01');
SELECT id, sum(salary) OVER (PARTITION BY sum(salary) OVER ()) FROM employees;
SELECT pg_get_viewdef('dept_rank'::regclass);
CREATE VIEW running AS
  SELECT id, count(*) FILTER (WHERE amount > 100) OVER () AS big,
         sum(amount) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS pair,
         lag(amount, 2, 0) OVER (ORDER BY sold_on, id RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING EXCLUDE TIES) AS back2,
         avg(amount) OVER (ORDER BY amount DESC NULLS LAST RANGE BETWEEN 10 PRECEDING AND 5 FOLLOWING) AS near,
         max(id) OVER (ORDER BY id GROUPS 2 PRECEDING EXCLUDE GROUP) AS g
    FROM sales;
SELECT pg_get_viewdef('running'::regclass);
SELECT * FROM running ORDER BY id;
SELECT id, sum(amount) OVER (ORDER BY id ROWS BETWEEN 1.5 PRECEDING AND CURRENT ROW) FROM sales ORDER BY id;
