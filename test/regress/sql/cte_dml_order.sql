-- Data-modifying WITH queries mixed with plain ones and with WITH RECURSIVE: plain queries
-- before a data-modifying one, a recursive query feeding an INSERT, forward references in a
-- WITH RECURSIVE list, and the errors for misplaced or self-referencing data-modifying queries.
CREATE TABLE cte_do_nodes (id int PRIMARY KEY, parent int, name text);
INSERT INTO cte_do_nodes VALUES (1, NULL, 'root'), (2, 1, 'a'), (3, 1, 'b'), (4, 2, 'a1'), (5, 4, 'a1x'), (6, 3, 'b1');
CREATE TABLE cte_do_archive (id int, name text, depth int);
CREATE TABLE cte_do_log (what text, n int);

-- A recursive query selects a subtree; the INSERT archives it, the DELETE removes it.
WITH RECURSIVE sub(id, depth) AS (
  SELECT id, 0 FROM cte_do_nodes WHERE name = 'a'
  UNION ALL
  SELECT n.id, s.depth + 1 FROM cte_do_nodes n JOIN sub s ON n.parent = s.id
), arch AS (
  INSERT INTO cte_do_archive SELECT n.id, n.name, s.depth FROM sub s JOIN cte_do_nodes n USING (id) RETURNING *
), del AS (
  DELETE FROM cte_do_nodes WHERE id IN (SELECT id FROM sub) RETURNING id
)
SELECT (SELECT count(*) FROM arch) AS archived, (SELECT count(*) FROM del) AS deleted, (SELECT max(depth) FROM sub) AS depth;
SELECT * FROM cte_do_archive ORDER BY id;
SELECT * FROM cte_do_nodes ORDER BY id;

-- Plain WITH queries before a data-modifying one; an unused one is never run.
WITH totals AS (SELECT count(*) AS n FROM cte_do_nodes),
     never AS (SELECT 1 / 0),
     logged AS (INSERT INTO cte_do_log SELECT 'nodes', n FROM totals RETURNING *)
SELECT l.what, l.n, t.n AS total FROM logged l, totals t;

WITH src AS (SELECT max(id) AS m FROM cte_do_archive),
     gone AS (DELETE FROM cte_do_archive WHERE id = (SELECT m FROM src) RETURNING id, name),
     back AS (INSERT INTO cte_do_nodes SELECT id, NULL, name || '-restored' FROM gone RETURNING *)
UPDATE cte_do_log SET n = n + (SELECT count(*) FROM back) WHERE what = 'nodes' RETURNING *;
SELECT * FROM cte_do_nodes ORDER BY id;

-- Plain queries read the snapshot of the statement: they do not see the rows it writes.
WITH before AS (SELECT count(*) AS n FROM cte_do_log),
     ins AS (INSERT INTO cte_do_log VALUES ('x', 1), ('y', 2) RETURNING *)
SELECT (SELECT n FROM before) AS before_count, (SELECT count(*) FROM ins) AS inserted, (SELECT count(*) FROM cte_do_log) AS seen;

-- WITH RECURSIVE: items may name items written after them.
WITH RECURSIVE moved AS (
  INSERT INTO cte_do_archive SELECT id, name, -1 FROM picked RETURNING id
), picked AS (
  SELECT id, name FROM cte_do_nodes WHERE parent IS NULL
)
SELECT count(*) FROM moved;

WITH RECURSIVE x(id) AS (SELECT * FROM y UNION ALL SELECT id + 1 FROM x WHERE id < 5), y(id) AS (VALUES (1))
SELECT * FROM x;

WITH RECURSIVE a AS (SELECT * FROM b), b AS (SELECT * FROM c), c AS (SELECT 42 AS v)
SELECT * FROM a;

-- Errors.
WITH RECURSIVE x (id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM y WHERE id < 5),
  y (id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM x WHERE id < 5)
SELECT * FROM x;

WITH RECURSIVE t AS (INSERT INTO cte_do_log SELECT * FROM t) SELECT 1;

WITH RECURSIVE t(n) AS (
  UPDATE cte_do_log SET n = n + 1 WHERE n IN (SELECT n FROM t) RETURNING n
) SELECT * FROM t;

WITH t AS (INSERT INTO cte_do_log VALUES ('z', 0)) SELECT * FROM t;

WITH t AS (DELETE FROM cte_do_log WHERE false) SELECT * FROM cte_do_log JOIN t ON true;

SELECT * FROM (WITH t AS (UPDATE cte_do_log SET n = 0 RETURNING *) SELECT * FROM t) ss;

SELECT count(*) FROM cte_do_log WHERE what = 'z';

-- A WITH attached to the UNION of a recursive query: both terms read it.
WITH RECURSIVE t(j) AS (
  WITH RECURSIVE s(i) AS (VALUES (1) UNION ALL SELECT i + 1 FROM s WHERE i < 10)
  SELECT i FROM s
  UNION ALL
  SELECT j + 1 FROM t WHERE j < 10
) SELECT count(*), sum(j) FROM t;
WITH RECURSIVE countdown(n) AS (
  WITH start AS (SELECT 3 AS x)
  SELECT x FROM start
  UNION ALL
  SELECT n - 1 FROM countdown, start WHERE n > x - 3
) SELECT * FROM countdown;

-- MERGE takes a plain WITH, not WITH RECURSIVE.
WITH src AS (SELECT 'nodes' AS what, 1000 AS n)
MERGE INTO cte_do_log l USING src ON l.what = src.what
WHEN MATCHED THEN UPDATE SET n = src.n
WHEN NOT MATCHED THEN INSERT VALUES (src.what, src.n)
RETURNING merge_action(), l.*;
WITH RECURSIVE src AS (SELECT 'nodes' AS what)
MERGE INTO cte_do_log l USING src ON l.what = src.what
WHEN MATCHED THEN DELETE;
