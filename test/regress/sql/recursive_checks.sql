-- Where a WITH RECURSIVE query may reference itself (42P19), and the placements Postgres accepts:
-- inside FROM subqueries, inner WITH queries and inner joins of the recursive term. An org chart.
CREATE TABLE departments (id int PRIMARY KEY, parent_id int REFERENCES departments, name text NOT NULL);
INSERT INTO departments VALUES (1, NULL, 'HQ'), (2, 1, 'Sales'), (3, 1, 'Engineering'), (4, 3, 'Platform'), (5, 3, 'Apps'), (6, 4, 'Databases'), (7, 2, 'EMEA');

-- accepted placements
WITH RECURSIVE tree AS (
    SELECT id, name, 0 AS depth FROM departments WHERE parent_id IS NULL
  UNION ALL
    SELECT d.id, d.name, t.depth + 1 FROM departments d JOIN (SELECT * FROM tree) t ON d.parent_id = t.id
) SELECT * FROM tree ORDER BY id;
WITH RECURSIVE tree AS (
    SELECT id, name, 0 AS depth FROM departments WHERE parent_id IS NULL
  UNION ALL
    (WITH frontier AS (SELECT * FROM tree)
     SELECT d.id, d.name, f.depth + 1 FROM departments d, frontier f WHERE d.parent_id = f.id)
) SELECT * FROM tree ORDER BY id;
WITH RECURSIVE tree(id, path) AS (
    SELECT id, name FROM departments WHERE id = 3
  UNION ALL
    SELECT d.id, s.path || '/' || d.name
      FROM (SELECT * FROM (SELECT id, path FROM tree) s1) s JOIN departments d ON d.parent_id = s.id
) SELECT * FROM tree ORDER BY id;
WITH RECURSIVE up(id, parent_id) AS (
    SELECT id, parent_id FROM departments WHERE id = 6
  UNION
    SELECT d.id, d.parent_id FROM up INNER JOIN departments d ON d.id = up.parent_id
) SELECT * FROM up ORDER BY id;
WITH RECURSIVE up(id, parent_id) AS (
    SELECT id, parent_id FROM departments WHERE id = 6
  UNION
    SELECT d.id, d.parent_id FROM up LEFT JOIN departments d ON d.id = up.parent_id WHERE d.id IS NOT NULL
) SELECT * FROM up ORDER BY id;
-- an inner WITH query of the same name hides the outer one: not recursive at all
WITH RECURSIVE tree(n) AS (
  WITH tree(n) AS (SELECT 1) SELECT n + 1 FROM tree
) SELECT * FROM tree;
WITH RECURSIVE counter(n) AS (
    SELECT 1
  UNION ALL
    (WITH counter(n) AS (SELECT 100) SELECT n FROM counter WHERE false)
) SELECT * FROM counter;
-- misplaced references
WITH RECURSIVE tree AS (
    SELECT id FROM departments WHERE parent_id IS NULL
  UNION ALL
    SELECT id FROM departments WHERE parent_id IN (SELECT id FROM tree)
) SELECT * FROM tree;
WITH RECURSIVE tree AS (
    SELECT id FROM departments WHERE parent_id IS NULL
  UNION ALL
    SELECT d.id FROM departments d WHERE EXISTS (SELECT 1 FROM tree t WHERE t.id = d.parent_id)
) SELECT * FROM tree;
WITH RECURSIVE tree AS (
    SELECT id FROM departments WHERE parent_id IS NULL
  UNION ALL
    SELECT d.id FROM tree t LEFT JOIN departments d ON d.parent_id = t.id WHERE d.id IS NOT NULL
) SELECT * FROM tree ORDER BY id;
WITH RECURSIVE tree AS (
    SELECT id FROM departments WHERE parent_id IS NULL
  UNION ALL
    SELECT d.id FROM departments d LEFT JOIN tree t ON d.parent_id = t.id
) SELECT * FROM tree;
WITH RECURSIVE tree AS (
    SELECT id FROM departments WHERE parent_id IS NULL
  UNION ALL
    SELECT d.id FROM departments d RIGHT JOIN tree t ON d.parent_id = t.id WHERE d.id IS NOT NULL
) SELECT * FROM tree ORDER BY id;
WITH RECURSIVE tree AS (
    SELECT id FROM departments WHERE parent_id IS NULL
  UNION ALL
    SELECT d.id FROM departments d FULL JOIN tree t ON d.parent_id = t.id
) SELECT * FROM tree;
WITH RECURSIVE tree(id) AS (
    SELECT 1
  UNION ALL
    (SELECT id + 1 FROM tree WHERE id < 3 UNION ALL SELECT id + 2 FROM tree WHERE id < 3)
) SELECT * FROM tree;
WITH RECURSIVE tree(id) AS (
    SELECT 1
  UNION ALL
    SELECT * FROM (SELECT id + 1 FROM tree WHERE id < 3 UNION ALL SELECT id + 2 FROM tree WHERE id < 3) s
) SELECT * FROM tree;
WITH RECURSIVE tree(id) AS (
    SELECT 1
  UNION ALL
    (SELECT id + 1 FROM tree WHERE id < 3 INTERSECT SELECT id + 1 FROM departments)
) SELECT * FROM tree;
WITH RECURSIVE tree(id) AS (
    SELECT 1
  UNION ALL
    (SELECT id + 1 FROM tree WHERE id < 3 INTERSECT ALL SELECT id FROM departments)
) SELECT * FROM tree;
WITH RECURSIVE tree(id) AS (
    SELECT 1
  UNION ALL
    (SELECT id + 1 FROM tree WHERE id < 3 EXCEPT SELECT id FROM departments WHERE id > 5)
) SELECT * FROM tree ORDER BY 1;
WITH RECURSIVE tree(id) AS (
    SELECT 1
  UNION ALL
    (SELECT id FROM departments EXCEPT SELECT id + 1 FROM tree)
) SELECT * FROM tree;
WITH RECURSIVE tree(id) AS (
    SELECT 1
  UNION ALL
    (SELECT id + 1 FROM tree WHERE id < 3 EXCEPT ALL SELECT id FROM departments)
) SELECT * FROM tree;
WITH RECURSIVE tree(id) AS (
    SELECT id FROM tree
  UNION ALL
    SELECT 1
) SELECT * FROM tree;
WITH RECURSIVE tree(id) AS (
    SELECT 1 WHERE 1 IN (SELECT id FROM tree)
  UNION ALL
    SELECT id + 1 FROM tree WHERE id < 3
) SELECT * FROM tree;
WITH RECURSIVE tree(id) AS (
    SELECT 1
  UNION ALL
    SELECT (SELECT max(id) FROM tree) + 1
) SELECT * FROM tree;
WITH RECURSIVE tree(id) AS (
    SELECT 1
  INTERSECT
    SELECT id + 1 FROM tree
) SELECT * FROM tree;
