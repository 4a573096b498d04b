-- Set-returning functions in views, SQL / PL/pgSQL functions, ON CONFLICT and MERGE.
CREATE TABLE srfv_items (id int PRIMARY KEY, labels text[], qty int);
INSERT INTO srfv_items VALUES (1, '{red,blue}', 2), (2, '{blue}', 1), (3, NULL, 5);
CREATE VIEW srfv_labels AS SELECT id, unnest(labels) AS label FROM srfv_items;
SELECT * FROM srfv_labels WHERE label <> 'red' ORDER BY 1, 2;
CREATE VIEW srfv_label_counts AS SELECT unnest(labels) AS label, count(*) AS n FROM srfv_items GROUP BY 1 ORDER BY unnest(labels);
SELECT pg_get_viewdef('srfv_label_counts');
SELECT * FROM srfv_label_counts;
CREATE VIEW srfv_nested AS SELECT id, generate_series(1, generate_series(1, qty)) AS g FROM srfv_items WHERE qty < 3;
SELECT * FROM srfv_nested ORDER BY 1, 2;
CREATE VIEW srfv_lower AS SELECT lower(label) AS l, count(*) FROM srfv_labels GROUP BY lower(label) ORDER BY lower(label);
SELECT pg_get_viewdef('srfv_lower');
CREATE VIEW srfv_first AS SELECT DISTINCT ON (upper(label)) label, id FROM srfv_labels ORDER BY upper(label), id;
SELECT pg_get_viewdef('srfv_first');
SELECT * FROM srfv_first;
-- functions returning sets, called in the select list
CREATE FUNCTION srfv_upto(n int) RETURNS SETOF int LANGUAGE sql AS 'SELECT generate_series(1, n)';
CREATE FUNCTION srfv_tags(n int) RETURNS SETOF text LANGUAGE plpgsql AS $$
BEGIN
  FOR i IN 1..n LOOP
    RETURN NEXT 'tag' || i;
  END LOOP;
END $$;
CREATE FUNCTION srfv_pairs(n int, OUT a int, OUT b text) RETURNS SETOF record LANGUAGE sql AS 'SELECT i, repeat(''x'', i) FROM generate_series(1, n) i';
SELECT id, srfv_upto(qty) FROM srfv_items WHERE id < 3 ORDER BY 1, 2;
SELECT id, srfv_tags(id) FROM srfv_items ORDER BY 1, 2;
SELECT id, srfv_upto(id), srfv_tags(id) FROM srfv_items ORDER BY 1, 2;
SELECT (srfv_pairs(2)).*;
SELECT id, (srfv_pairs(id)).b FROM srfv_items ORDER BY 1, 2;
SELECT srfv_upto(srfv_upto(3)) AS n;
PREPARE srfv_p(int) AS SELECT generate_series(1, $1) AS n, unnest(ARRAY['a', 'b']) AS l;
EXECUTE srfv_p(3);
-- ON CONFLICT and MERGE: where set-returning functions (and aggregates) are refused
INSERT INTO srfv_items VALUES (1, NULL, 0) ON CONFLICT (id) DO UPDATE SET qty = generate_series(1, 2);
INSERT INTO srfv_items VALUES (1, NULL, 0) ON CONFLICT (id) DO UPDATE SET qty = 0 WHERE generate_series(1, 2) > 0;
INSERT INTO srfv_items VALUES (1, NULL, 0) ON CONFLICT (id) DO UPDATE SET qty = 0 WHERE count(*) > 0;
INSERT INTO srfv_items VALUES (1, NULL, 0) ON CONFLICT (id) DO UPDATE SET qty = count(*);
INSERT INTO srfv_items VALUES (1, NULL, 0) ON CONFLICT (id) DO UPDATE SET qty = 0 WHERE row_number() OVER () > 0;
MERGE INTO srfv_items i USING (SELECT 1 AS id) s ON i.id = s.id WHEN MATCHED THEN UPDATE SET qty = generate_series(1, 2);
MERGE INTO srfv_items i USING (SELECT 1 AS id) s ON i.id = s.id AND generate_series(1, 2) > 0 WHEN MATCHED THEN DO NOTHING;
SELECT * FROM srfv_items ORDER BY id;
-- EXPLAIN of nested set-returning calls: one ProjectSet per level
EXPLAIN (VERBOSE, COSTS OFF) SELECT generate_series(1, generate_series(1, 3)), generate_series(2, 4);
EXPLAIN (VERBOSE, COSTS OFF) SELECT generate_series(generate_series(1, generate_series(1, 2)), 3);
EXPLAIN (COSTS OFF) SELECT id, unnest(labels) FROM srfv_items;
EXPLAIN (VERBOSE, COSTS OFF) SELECT generate_series(1, 3) AS x, generate_series(3, 6) + 1 AS y;
EXPLAIN (VERBOSE, COSTS OFF) SELECT id, unnest(labels), upper(unnest(labels)) FROM srfv_items;
EXPLAIN (VERBOSE, COSTS OFF) SELECT generate_series(1, generate_series(1, 3)) + 1, generate_series(2, 4);
EXPLAIN (VERBOSE, COSTS OFF) SELECT id + 1, unnest(labels) FROM srfv_items;
