-- Queries a reporting screen sends: joins, subqueries, aggregates, set operations, CTEs.
CREATE TABLE teams (id int PRIMARY KEY, name text NOT NULL, parent_id int REFERENCES teams);
CREATE TABLE people (id int PRIMARY KEY, name text NOT NULL, team_id int REFERENCES teams, salary numeric(10,2), hired date, email text);
INSERT INTO teams VALUES (1, 'Engineering', NULL), (2, 'Platform', 1), (3, 'Apps', 1), (4, 'Sales', NULL), (5, 'Empty', NULL);
INSERT INTO people VALUES
  (1, 'Ada', 2, 120000, '2020-01-15', 'ada@x.io'),
  (2, 'Brian', 2, 95000, '2021-06-01', NULL),
  (3, 'Chen', 3, 105000, '2019-03-20', 'chen@x.io'),
  (4, 'Dana', 4, 70000, '2022-11-30', 'dana@x.io'),
  (5, 'Eli', NULL, 50000, '2023-02-01', 'eli@x.io'),
  (6, 'Fay', 3, NULL, '2024-05-05', 'FAY@x.io');

SELECT p.name, t.name AS team FROM people p JOIN teams t ON t.id = p.team_id ORDER BY p.id;
SELECT p.name, t.name AS team FROM people p LEFT JOIN teams t ON t.id = p.team_id ORDER BY p.id;
SELECT p.name, t.name AS team FROM people p RIGHT JOIN teams t ON t.id = p.team_id ORDER BY t.id, p.id;
SELECT p.name, t.name AS team FROM people p FULL JOIN teams t ON t.id = p.team_id ORDER BY t.id NULLS FIRST, p.id;
SELECT count(*) FROM people CROSS JOIN teams;
SELECT t.name, c.name AS child FROM teams t JOIN teams c ON c.parent_id = t.id ORDER BY 1, 2;
SELECT t.name, count(p.id) AS headcount, sum(p.salary) AS payroll, avg(p.salary) AS avg_salary, max(p.hired) AS last_hire
  FROM teams t LEFT JOIN people p ON p.team_id = t.id GROUP BY t.id, t.name ORDER BY t.id;
SELECT team_id, count(*) FROM people GROUP BY team_id HAVING count(*) > 1 ORDER BY team_id;
SELECT count(*), count(salary), count(DISTINCT team_id), sum(salary) FILTER (WHERE hired >= '2021-01-01') FROM people;
SELECT string_agg(name, ', ' ORDER BY name DESC) AS names, array_agg(id ORDER BY id) AS ids FROM people WHERE team_id IS NOT NULL;
SELECT name FROM people WHERE team_id IN (SELECT id FROM teams WHERE parent_id = 1) ORDER BY name;
SELECT name FROM people WHERE team_id NOT IN (SELECT parent_id FROM teams) ORDER BY name;
SELECT name FROM people WHERE team_id NOT IN (SELECT parent_id FROM teams WHERE parent_id IS NOT NULL) ORDER BY name;
SELECT name FROM teams t WHERE NOT EXISTS (SELECT 1 FROM people p WHERE p.team_id = t.id) ORDER BY name;
SELECT name, (SELECT count(*) FROM people p WHERE p.team_id = t.id) AS n FROM teams t ORDER BY n DESC, name;
SELECT name, salary FROM people WHERE salary > (SELECT avg(salary) FROM people) ORDER BY salary DESC;
SELECT name FROM people WHERE salary > ALL (SELECT salary FROM people WHERE team_id = 3 AND salary IS NOT NULL) ORDER BY name;
SELECT name FROM people WHERE salary = ANY (ARRAY[70000, 50000]::numeric[]) ORDER BY name;
SELECT name FROM people WHERE (SELECT name FROM teams WHERE id = 1) = 'Nope';
SELECT (SELECT id FROM teams);
SELECT DISTINCT team_id FROM people ORDER BY team_id NULLS LAST;
SELECT DISTINCT ON (team_id) team_id, name, salary FROM people ORDER BY team_id, salary DESC NULLS LAST;
SELECT name, salary FROM people ORDER BY salary DESC NULLS LAST LIMIT 2 OFFSET 1;
SELECT name, salary FROM people ORDER BY salary NULLS FIRST FETCH FIRST 2 ROWS WITH TIES;
SELECT name FROM people ORDER BY lower(email) NULLS FIRST, name;
SELECT name FROM teams UNION SELECT name FROM people ORDER BY 1;
SELECT team_id FROM people UNION ALL SELECT id FROM teams ORDER BY 1 NULLS FIRST;
SELECT id FROM teams INTERSECT SELECT team_id FROM people ORDER BY 1;
SELECT id FROM teams EXCEPT SELECT team_id FROM people ORDER BY 1;
WITH eng AS (SELECT id FROM teams WHERE id = 1 OR parent_id = 1), staff AS (SELECT p.* FROM people p JOIN eng ON eng.id = p.team_id)
SELECT count(*), sum(salary) FROM staff;
SELECT t.name, x.name FROM teams t, LATERAL (SELECT name FROM people p WHERE p.team_id = t.id ORDER BY salary DESC NULLS LAST LIMIT 1) x ORDER BY t.id;
SELECT name, CASE WHEN salary >= 100000 THEN 'high' WHEN salary >= 70000 THEN 'mid' ELSE 'low' END AS band FROM people ORDER BY id;
SELECT name, coalesce(email, 'n/a'), nullif(team_id, 2), greatest(salary, 80000), least(hired, DATE '2020-06-01') FROM people ORDER BY id;
SELECT name FROM people WHERE email ILIKE '%@X.IO' AND name ~ '^[A-D]' ORDER BY name;
SELECT name FROM people WHERE hired BETWEEN '2020-01-01' AND '2022-12-31' ORDER BY hired;
SELECT extract(year FROM hired) AS y, count(*) FROM people GROUP BY 1 ORDER BY 1;
SELECT date_trunc('month', hired) AS m, count(*) FROM people GROUP BY m ORDER BY m;
SELECT name, salary, salary * 1.1 AS raised, round(salary / 12, 2) AS monthly FROM people WHERE salary IS NOT NULL ORDER BY id;
SELECT name FROM people WHERE team_id IS DISTINCT FROM 2 ORDER BY id;
SELECT * FROM (VALUES (1, 'one'), (2, 'two')) AS v(n, word) ORDER BY n DESC;
SELECT generate_series(1, 3) AS n, 'x' AS label;
SELECT i, i * i AS sq FROM generate_series(1, 5) AS g(i) WHERE i % 2 = 1 ORDER BY i;
SELECT name, team_id FROM people p WHERE EXISTS (SELECT 1 FROM teams t WHERE t.id = p.team_id AND t.parent_id IS NOT NULL) ORDER BY name;
SELECT name, salary FROM people GROUP BY name;
SELECT team_id, name FROM people GROUP BY team_id;
SELECT t.id, t.name, count(*) FROM teams t JOIN people p ON p.team_id = t.id GROUP BY t.id ORDER BY t.id;
SELECT name FROM people ORDER BY 5;
SELECT nosuch FROM people;
SELECT name FROM people WHERE sum(salary) > 1;
SELECT id, name FROM people UNION SELECT id FROM teams;
SELECT 1 AS a, 2 AS a ORDER BY a;

-- Three-part names naming another database are not implemented (the current one is, see test/clients).
SELECT * FROM other_db.pg_catalog.pg_am;
SELECT 'other_db.public.x'::regclass;
SELECT 'a.b.c.d'::regclass;

-- The same text names other tables under another search path (plans must not be reused across paths).
CREATE SCHEMA sp_a;
CREATE SCHEMA sp_b;
CREATE TABLE sp_a.t (x text);
CREATE TABLE sp_b.t (x text);
INSERT INTO sp_a.t VALUES ('from a');
INSERT INTO sp_b.t VALUES ('from b');
SET search_path = sp_a;
SELECT x FROM t;
INSERT INTO t VALUES ('a again');
SET search_path = sp_b;
SELECT x FROM t;
INSERT INTO t VALUES ('b again');
SELECT x FROM t ORDER BY x;
SET search_path = sp_a;
SELECT x FROM t ORDER BY x;
RESET search_path;

-- Aliased joins: `(a JOIN b ...) AS j` names every column of the join and hides its inputs;
-- `JOIN ... USING (...) AS u` names only the merged columns. Errors for hidden entries.
CREATE TABLE jc_customers (id int PRIMARY KEY, name text);
CREATE TABLE jc_orders (id int, customer_id int, total int);
INSERT INTO jc_customers VALUES (1, 'ada'), (2, 'bob'), (3, 'cy');
INSERT INTO jc_orders VALUES (10, 1, 50), (11, 1, 70), (12, 2, 20), (13, 9, 5);
CREATE TABLE jc_a (id int, x int);
CREATE TABLE jc_b (id int, y int);
INSERT INTO jc_a VALUES (1, 10), (2, 20);
INSERT INTO jc_b VALUES (1, 100), (3, 300);
SELECT j.* FROM (jc_a JOIN jc_b USING (id)) j;
SELECT j.* FROM (jc_a JOIN jc_b USING (id)) AS j(q, r, s);
SELECT * FROM (jc_a JOIN jc_b USING (id)) j(q);
SELECT j.id, j.x, j.y FROM (jc_a LEFT JOIN jc_b USING (id)) j ORDER BY 1;
SELECT j.* FROM (jc_a FULL JOIN jc_b USING (id)) j ORDER BY 1;
SELECT * FROM (jc_a JOIN jc_b ON jc_a.id = jc_b.id) j(q, r, s, t);
SELECT q, j.r, t FROM (jc_a JOIN jc_b ON jc_a.id = jc_b.id) j(q, r, s, t);
SELECT j FROM (jc_a JOIN jc_b USING (id)) j;
SELECT x FROM (jc_a JOIN jc_b ON jc_a.id = jc_b.id) j(q, r, s, t);
SELECT j.x FROM (jc_a JOIN jc_b ON jc_a.id = jc_b.id) j(q, r, s, t);
SELECT x FROM (jc_a JOIN jc_b USING (id)) j(q, r, s);
SELECT id FROM (jc_a JOIN jc_b USING (id)) j(q, r, s);
SELECT jc_a.x FROM (jc_a JOIN jc_b USING (id)) j;
SELECT * FROM (jc_a JOIN jc_b USING (id)) j WHERE jc_b.y > 0;
SELECT * FROM (jc_a JOIN jc_b USING (id)) j, LATERAL (SELECT jc_a.x) s;
SELECT * FROM (jc_a JOIN jc_b USING (id)) j(q, r, s, t);
SELECT * FROM jc_a JOIN jc_b USING (id) AS u;
SELECT u.id FROM jc_a JOIN jc_b USING (id) AS u;
SELECT u.* FROM jc_a JOIN jc_b USING (id) AS u;
SELECT u.*, jc_a.x, jc_b.* FROM jc_a JOIN jc_b USING (id) AS u;
SELECT u.x FROM jc_a JOIN jc_b USING (id) AS u;
SELECT * FROM jc_a JOIN jc_b USING (id) AS u, LATERAL (SELECT u.id + 1) s;
SELECT * FROM jc_a JOIN jc_b USING (id) AS jc_a;
SELECT * FROM (jc_a JOIN jc_b USING (id) AS u) j;
SELECT * FROM (jc_a JOIN jc_b USING (id)) jc_a;
SELECT * FROM (jc_a JOIN jc_b ON true) jc_a ORDER BY 1, 2, 3, 4;
SELECT * FROM (jc_a JOIN jc_b USING (id)) j, jc_a j;
SELECT * FROM jc_a NATURAL JOIN jc_b AS n;
SELECT c.name, o.n FROM jc_customers c LEFT JOIN (SELECT customer_id, count(*) AS n FROM jc_orders GROUP BY customer_id) o ON o.customer_id = c.id ORDER BY c.id;
SELECT t.name, t.total FROM (jc_customers JOIN jc_orders ON jc_orders.customer_id = jc_customers.id) t(cid, name, oid, customer_id, total) ORDER BY t.oid;
SELECT * FROM jc_a, (SELECT jc_a.x) s;
SELECT * FROM jc_a, (SELECT x) s;
SELECT * FROM jc_a JOIN jc_b ON jc_b.id = c.id CROSS JOIN jc_a c;
SELECT * FROM jc_a AS aa WHERE jc_a.x > 0;
SELECT jc_a.* FROM jc_a AS aa;
SELECT jc_a FROM jc_a AS aa;
-- an aliased join hides the names inside it: they neither conflict with names outside nor can be referenced
CREATE TABLE sm_j1 (i int, a int);
CREATE TABLE sm_j2 (i int, b int);
INSERT INTO sm_j1 VALUES (1, 10), (2, 20);
INSERT INTO sm_j2 VALUES (1, 10), (3, 30);
SELECT * FROM sm_j1 x JOIN (sm_j1 x CROSS JOIN sm_j2 y) j ON x.a = j.b ORDER BY 1, 3, 5;
SELECT * FROM sm_j1 x JOIN (sm_j1 x CROSS JOIN sm_j2 y) j ON x.a = y.b;
SELECT * FROM sm_j1 x JOIN (sm_j1 x CROSS JOIN sm_j2 y) ON true;
SELECT * FROM (sm_j1 x JOIN sm_j1 x ON true) j;
SELECT sm_j1.i FROM (sm_j1 JOIN sm_j2 USING (i)) AS xx;
SELECT x.i FROM (sm_j1 JOIN sm_j2 USING (i) AS x) AS xx;
SELECT x.i, xx.a FROM (sm_j1 JOIN sm_j2 USING (i) AS x) AS xx, sm_j1 x;
DROP TABLE sm_j1, sm_j2;
