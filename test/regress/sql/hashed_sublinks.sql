-- IN / = ANY over uncorrelated subqueries and correlated EXISTS are answered by hashing once
-- enough outer rows ask (fauxgres); the answers, NULLs included, must be Postgres's.
CREATE TABLE hs_outer (id int PRIMARY KEY, v int, n numeric, f float8, t text, d date);
INSERT INTO hs_outer SELECT g, CASE WHEN g % 17 = 0 THEN NULL ELSE g % 50 END, (g % 7)::numeric / 2, CASE WHEN g % 11 = 0 THEN 'NaN'::float8 WHEN g % 13 = 0 THEN '-0'::float8 ELSE g % 9 END, 'k' || (g % 40), DATE '2024-01-01' + g % 30 FROM generate_series(1, 400) g;
CREATE TABLE hs_inner (id int PRIMARY KEY, k int, n numeric, f float8, t text, d date, flag boolean);
INSERT INTO hs_inner SELECT g, CASE WHEN g % 23 = 0 THEN NULL ELSE g % 30 END, round((g % 5)::numeric, 2), CASE WHEN g % 19 = 0 THEN 'NaN'::float8 ELSE (g % 4)::float8 END, 'k' || (g % 25), DATE '2024-01-10' + g % 5, g % 3 = 0 FROM generate_series(1, 600) g;
-- uncorrelated IN / NOT IN / = ANY, with NULLs on both sides
SELECT count(*) FROM hs_outer WHERE v IN (SELECT k FROM hs_inner);
SELECT count(*) FROM hs_outer WHERE v NOT IN (SELECT k FROM hs_inner);
SELECT count(*) FROM hs_outer WHERE v NOT IN (SELECT k FROM hs_inner WHERE k IS NOT NULL);
SELECT v IN (SELECT k FROM hs_inner) AS r, count(*) FROM hs_outer GROUP BY 1 ORDER BY 1;
SELECT v IN (SELECT k FROM hs_inner WHERE k IS NOT NULL) AS r, count(*) FROM hs_outer GROUP BY 1 ORDER BY 1;
SELECT v NOT IN (SELECT k FROM hs_inner WHERE id < 100) AS r, count(*) FROM hs_outer GROUP BY 1 ORDER BY 1;
SELECT v = ANY (SELECT k FROM hs_inner WHERE false) AS r, count(*) FROM hs_outer GROUP BY 1 ORDER BY 1;
SELECT count(*) FROM hs_outer WHERE id = ANY (SELECT k * 10 FROM hs_inner);
-- equal values with different representations
SELECT n IN (SELECT n FROM hs_inner) AS r, count(*) FROM hs_outer GROUP BY 1 ORDER BY 1;
SELECT f IN (SELECT f FROM hs_inner) AS r, count(*) FROM hs_outer GROUP BY 1 ORDER BY 1;
SELECT count(*) FROM hs_outer WHERE f IN (SELECT '0'::float8 FROM hs_inner);
SELECT t IN (SELECT t FROM hs_inner) AS r, count(*) FROM hs_outer GROUP BY 1 ORDER BY 1;
SELECT count(*) FROM hs_outer WHERE d IN (SELECT d FROM hs_inner);
SELECT count(*) FROM hs_outer WHERE t COLLATE "C" IN (SELECT t FROM hs_inner);
-- a cross-type comparison (int = numeric) and a varchar against text
SELECT count(*) FROM hs_outer WHERE v IN (SELECT n FROM hs_inner);
SELECT count(*) FROM hs_outer WHERE t::varchar IN (SELECT t FROM hs_inner);
-- row IN (subquery): NULLs in either row
SELECT (v, t) IN (SELECT k, t FROM hs_inner) AS r, count(*) FROM hs_outer GROUP BY 1 ORDER BY 1;
SELECT (v, t) NOT IN (SELECT k, t FROM hs_inner) AS r, count(*) FROM hs_outer GROUP BY 1 ORDER BY 1;
SELECT (v, d) IN (SELECT k, d FROM hs_inner WHERE id > 10) AS r, count(*) FROM hs_outer GROUP BY 1 ORDER BY 1;
-- IN in a target list and under OR
SELECT id, v, v IN (SELECT k FROM hs_inner WHERE flag) AS inflag FROM hs_outer WHERE id <= 40 ORDER BY id;
SELECT count(*) FROM hs_outer WHERE v IN (SELECT k FROM hs_inner WHERE flag) OR id < 10;
-- correlated EXISTS / NOT EXISTS with equality keys
SELECT count(*) FROM hs_outer o WHERE EXISTS (SELECT 1 FROM hs_inner i WHERE i.k = o.v);
SELECT count(*) FROM hs_outer o WHERE NOT EXISTS (SELECT 1 FROM hs_inner i WHERE i.k = o.v);
SELECT count(*) FROM hs_outer o WHERE EXISTS (SELECT 1 FROM hs_inner i WHERE o.v = i.k AND i.flag);
SELECT count(*) FROM hs_outer o WHERE EXISTS (SELECT 1 FROM hs_inner i WHERE i.k = o.v AND i.t = o.t);
SELECT count(*) FROM hs_outer o WHERE EXISTS (SELECT 1 FROM hs_inner i WHERE i.n = o.n AND i.f = o.f);
SELECT count(*) FROM hs_outer o WHERE EXISTS (SELECT 1 FROM hs_inner i WHERE i.k + 1 = o.v AND i.id > 100);
SELECT count(*) FROM hs_outer o WHERE EXISTS (SELECT 1 FROM hs_inner i WHERE i.k = o.v + 1);
SELECT count(*) FROM hs_outer o WHERE EXISTS (SELECT 1 FROM hs_inner i JOIN hs_inner j ON j.id = i.k WHERE j.k = o.v);
SELECT id, EXISTS (SELECT 1 FROM hs_inner i WHERE i.k = o.v AND i.flag) AS e FROM hs_outer o WHERE id <= 40 ORDER BY id;
SELECT EXISTS (SELECT 1 FROM hs_inner i WHERE i.k = o.v) AS e, count(*) FROM hs_outer o GROUP BY 1 ORDER BY 1;
-- in a join filter and nested two levels deep
SELECT count(*) FROM hs_outer a LEFT JOIN hs_inner b ON a.v = b.id AND EXISTS (SELECT 1 FROM hs_inner c WHERE c.k = b.k);
SELECT count(*) FROM hs_outer a WHERE EXISTS (SELECT 1 FROM hs_inner b WHERE b.id = a.id AND EXISTS (SELECT 1 FROM hs_outer c WHERE c.v = b.k));
SELECT count(*) FROM hs_outer a WHERE EXISTS (SELECT 1 FROM hs_inner b WHERE b.k = a.v AND b.id < a.id);
-- a condition that fails on rows no outer row reaches: Postgres probes the primary key per row
-- here and never meets the failing row (with a hash semi-join plan it would; see hashed-sublink.ts)
SELECT count(*) FROM hs_outer o WHERE o.id < 450 AND EXISTS (SELECT 1 FROM hs_inner i WHERE i.id = o.id + 200 AND 10 / (i.id - 650) <> 7);
-- volatile and aggregate subqueries keep their per-row meaning
SELECT count(*) >= 0 AS ok FROM hs_outer o WHERE EXISTS (SELECT 1 FROM hs_inner i WHERE i.k = o.v AND random() >= 0);
SELECT count(*) FROM hs_outer o WHERE EXISTS (SELECT max(i.id) FROM hs_inner i WHERE i.k = o.v);
SELECT count(*) FROM hs_outer o WHERE EXISTS (SELECT 1 FROM hs_inner i WHERE i.k = o.v LIMIT 1);
SELECT count(*) FROM hs_outer o WHERE EXISTS (SELECT generate_series(1, 0) FROM hs_inner i WHERE i.k = o.v);
-- UPDATE and DELETE with EXISTS
BEGIN;
UPDATE hs_outer o SET t = 'matched' WHERE EXISTS (SELECT 1 FROM hs_inner i WHERE i.k = o.v AND i.flag);
SELECT t, count(*) FROM hs_outer GROUP BY t HAVING t = 'matched';
DELETE FROM hs_outer o WHERE NOT EXISTS (SELECT 1 FROM hs_inner i WHERE i.k = o.v);
SELECT count(*) FROM hs_outer;
ROLLBACK;
-- EXISTS reading the table the statement changes sees the statement's snapshot
BEGIN;
DELETE FROM hs_inner i WHERE EXISTS (SELECT 1 FROM hs_inner j WHERE j.k = i.k AND j.id < i.id);
SELECT count(*) FROM hs_inner;
ROLLBACK;
-- correlated subqueries remembered per outer value: repeated values, NULLs, several values
SELECT v, (SELECT count(*) FROM hs_inner i WHERE i.k = o.v) AS c, count(*) FROM hs_outer o GROUP BY v ORDER BY v NULLS FIRST LIMIT 12;
SELECT sum((SELECT count(*) FROM hs_inner i WHERE i.k = o.v AND i.t <> o.t)) FROM hs_outer o;
SELECT count(*) FROM hs_outer o WHERE (SELECT max(i.id) FROM hs_inner i WHERE i.k = o.v) > 500;
SELECT count(*) FROM hs_outer o WHERE EXISTS (SELECT 1 FROM hs_inner i WHERE i.k = o.v OR i.id = o.id);
SELECT count(*) FROM hs_outer o WHERE NOT EXISTS (SELECT 1 FROM hs_inner i WHERE i.k > o.v AND i.d = o.d);
SELECT o.id, (SELECT string_agg(i.id::text, ',' ORDER BY i.id) FROM hs_inner i WHERE i.k = o.v AND i.id < 60) AS ids FROM hs_outer o WHERE o.id <= 30 ORDER BY o.id;
-- equal but different values are not one key (numeric scale, float zero sign)
SELECT n, (SELECT n::text || '/' || count(*) FROM hs_inner i WHERE i.n = o.n) AS r FROM hs_outer o WHERE id <= 14 ORDER BY id;
SELECT n, (SELECT o.n::text FROM hs_inner i WHERE i.id = 1) AS r FROM (VALUES (1.0::numeric), (1.00), (1), (1.000)) o(n);
SELECT f, (SELECT 1 / o.f FROM hs_inner i WHERE i.id = 1) AS r FROM (VALUES ('0'::float8), ('-0'), ('0'), ('-0')) o(f);
-- at a grouped level and reading an outer aggregate
SELECT v, (SELECT count(*) FROM hs_inner i WHERE i.k = o.v % 5) AS c FROM hs_outer o GROUP BY v ORDER BY 1;
SELECT v % 3 AS g, (SELECT count(*) FROM hs_inner i WHERE i.k = max(o.v) % 30) AS c FROM hs_outer o GROUP BY v % 3 ORDER BY 1;
-- errors are not remembered away
SELECT o.id, (SELECT i.id FROM hs_inner i WHERE i.k = o.v % 3) FROM hs_outer o ORDER BY o.id LIMIT 3;
-- a grouped query's columns read from a sublink must be grouped as plain columns
SELECT v % 5 AS g, (SELECT count(*) FROM hs_inner i WHERE i.k = o.v % 5) AS c FROM hs_outer o GROUP BY v % 5 ORDER BY 1;
SELECT v % 5 AS g, (SELECT count(*) FROM hs_inner i WHERE i.k = o.id) AS c FROM hs_outer o GROUP BY v % 5 ORDER BY 1;
SELECT o.id, (SELECT count(*) FROM hs_inner i WHERE i.k = o.v) AS c FROM hs_outer o WHERE o.id < 5 GROUP BY o.id ORDER BY 1;
SELECT v, (SELECT max(o.id) + count(*) FROM hs_inner i WHERE i.k = o.v) AS c FROM hs_outer o WHERE o.id < 60 GROUP BY v ORDER BY 1 LIMIT 5;
SELECT v, (SELECT count(*) FROM hs_inner i WHERE i.k = (SELECT o.t IS NULL)::int) FROM hs_outer o GROUP BY v ORDER BY 1 LIMIT 2;
SELECT v FROM hs_outer o GROUP BY v HAVING EXISTS (SELECT 1 FROM hs_inner i WHERE i.k = o.v AND i.t = o.t);
-- a subquery reading a WITH query that reads the outer row is run again for each outer row
SELECT id, (WITH w(x) AS (VALUES (o.v)) SELECT (SELECT x FROM w)) AS v FROM hs_outer o WHERE id <= 5 ORDER BY id;
SELECT id, (WITH w AS (SELECT i.id FROM hs_inner i WHERE i.k = o.v) SELECT (SELECT count(*) FROM w)) AS c FROM hs_outer o WHERE id <= 6 ORDER BY id;
WITH total AS (SELECT count(*) AS n FROM hs_inner) SELECT id, (SELECT n FROM total) FROM hs_outer WHERE id <= 3 ORDER BY id;
