-- WITH RECURSIVE: SEARCH / CYCLE shape checks, a `*` in the recursive term, typmod checks,
-- and which error a query reports first (select list before WHERE)
CREATE TABLE edges (f int, t int, label text);
INSERT INTO edges VALUES (1, 2, 'a'), (2, 3, 'b'), (3, 1, 'c'), (3, 4, 'd');
WITH RECURSIVE a AS (SELECT 1 AS b UNION ALL SELECT * FROM a) CYCLE b SET c USING p SELECT * FROM a;
WITH RECURSIVE walk AS (SELECT * FROM edges WHERE f = 1 UNION ALL SELECT e.* FROM edges e JOIN walk w ON e.f = w.t) CYCLE f, t SET looped USING path SELECT f, t, label, looped, path FROM walk ORDER BY path;
WITH RECURSIVE walk AS (SELECT * FROM edges WHERE f = 1 UNION ALL SELECT w.* FROM edges e JOIN walk w ON e.f = w.t WHERE false) SEARCH DEPTH FIRST BY f SET ord SELECT * FROM walk;
WITH RECURSIVE g(f, t, label) AS (SELECT * FROM edges UNION ALL SELECT * FROM edges UNION ALL SELECT e.* FROM edges e, g WHERE e.f = g.t) SEARCH DEPTH FIRST BY f, t SET seq SELECT * FROM g;
WITH RECURSIVE g(f, t, label) AS (SELECT * FROM edges UNION ALL (SELECT * FROM edges UNION ALL SELECT e.* FROM edges e, g WHERE e.f = g.t)) SEARCH DEPTH FIRST BY f, t SET seq SELECT * FROM g;
WITH RECURSIVE g(f, t, label) AS (SELECT * FROM edges UNION ALL SELECT e.* FROM edges e, g WHERE e.f = g.t) CYCLE f, t SET is_cycle TO true DEFAULT 55 USING path SELECT * FROM g;
WITH RECURSIVE foo(i) AS (SELECT i::numeric(3,0) FROM (VALUES (1), (2)) t(i) UNION ALL SELECT (i + 1)::numeric(10,0) FROM foo WHERE i < 10) SELECT * FROM foo;
WITH RECURSIVE foo(i) AS (SELECT i::numeric(3,0) FROM (VALUES (1), (2)) t(i) UNION ALL SELECT (i + 1)::numeric(3,0) FROM foo WHERE i < 3) SELECT * FROM foo;
WITH RECURSIVE foo(i) AS (SELECT 'a'::varchar(3) UNION ALL SELECT (i || 'b')::varchar(3) FROM foo WHERE length(i) < 3) SELECT * FROM foo;
WITH RECURSIVE foo(i) AS (SELECT 'a'::varchar(3) UNION ALL SELECT (i || 'b')::varchar FROM foo WHERE length(i) < 3) SELECT * FROM foo;
WITH RECURSIVE t(n) AS (SELECT '7' UNION ALL SELECT n + 1 FROM t WHERE n < 10) SELECT n FROM t;
SELECT 'a'::text + 1 FROM edges WHERE 'a'::text < 1;
SELECT f FROM edges WHERE 'a'::text < 1 GROUP BY f HAVING 'b'::text < 2 ORDER BY 'c'::text < 3;
SELECT (SELECT min(label) FROM edges e2 WHERE e2.f = e.t) AS next_label, f FROM edges e WHERE EXISTS (SELECT 1 FROM edges e3 WHERE e3.t = e.f) ORDER BY f;
SELECT f FROM edges ORDER BY f FETCH FIRST NULL ROWS WITH TIES;
CREATE VIEW edges_ties AS SELECT f FROM edges ORDER BY f FETCH FIRST NULL ROWS WITH TIES;
SELECT f FROM edges ORDER BY f FETCH FIRST (NULL + 1) ROWS WITH TIES;
SELECT f FROM edges ORDER BY f FETCH FIRST NULL ROWS ONLY;
