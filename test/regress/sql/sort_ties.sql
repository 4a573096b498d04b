-- Rows that compare equal under ORDER BY come out in Postgres's order (its quicksort is not
-- stable, and a LIMIT switches it to a top-N heap sort); applications see this order whenever
-- they sort by a column with duplicates.
CREATE TABLE st_evt (id int, grp int, score numeric, name text, at date);
INSERT INTO st_evt SELECT g, g % 4, (g % 5) * 1.5, CASE WHEN g % 6 = 0 THEN NULL ELSE 'n' || (g % 3) END, DATE '2024-03-01' + (g % 7) FROM generate_series(1, 60) g;
-- fewer than 7 rows (insertion sort), 7 to 40 (median of three), more than 40 (ninther)
SELECT string_agg(id::text, ',') FROM (SELECT id FROM st_evt WHERE id <= 6 ORDER BY grp) s;
SELECT string_agg(id::text, ',') FROM (SELECT id FROM st_evt WHERE id <= 25 ORDER BY grp) s;
SELECT string_agg(id::text, ',') FROM (SELECT id FROM st_evt ORDER BY grp) s;
SELECT string_agg(id::text, ',') FROM (SELECT id FROM st_evt ORDER BY grp DESC) s;
SELECT string_agg(id::text, ',') FROM (SELECT id FROM st_evt ORDER BY name NULLS FIRST) s;
SELECT string_agg(id::text, ',') FROM (SELECT id FROM st_evt ORDER BY name DESC, at) s;
SELECT string_agg(id::text, ',') FROM (SELECT id FROM st_evt ORDER BY score, grp DESC) s;
-- the rows themselves, not only their ids
SELECT id, grp, name FROM st_evt WHERE id <= 20 ORDER BY grp, name;
-- already in order: kept as read
SELECT string_agg(id::text, ',') FROM (SELECT id FROM st_evt ORDER BY id / 10) s;
-- under LIMIT: few rows past the limit (a full sort), many (the top-N heap), with OFFSET
SELECT id, grp FROM st_evt WHERE id <= 15 ORDER BY grp LIMIT 8;
SELECT id, grp FROM st_evt ORDER BY grp LIMIT 5;
SELECT id, grp FROM st_evt ORDER BY grp DESC LIMIT 12;
SELECT id, score FROM st_evt ORDER BY score LIMIT 7 OFFSET 3;
SELECT id, grp FROM st_evt ORDER BY grp FETCH FIRST 3 ROWS WITH TIES;
PREPARE st_top(int) AS SELECT id FROM st_evt ORDER BY at LIMIT $1;
EXECUTE st_top(4);
EXECUTE st_top(25);
DEALLOCATE st_top;
-- DISTINCT ON keeps the first row of each group in that order
SELECT DISTINCT ON (grp) grp, id, name FROM st_evt ORDER BY grp;
SELECT DISTINCT ON (at) at, id FROM st_evt ORDER BY at, grp;
-- window functions over peers, and two windows one after the other
SELECT string_agg(id || ':' || rn, ',') FROM (SELECT id, row_number() OVER (ORDER BY grp) rn FROM st_evt) s;
SELECT string_agg(id || ':' || rn, ',') FROM (SELECT id, row_number() OVER (PARTITION BY grp ORDER BY score) rn FROM st_evt) s;
SELECT id, first_value(id) OVER (PARTITION BY at) fv, row_number() OVER (ORDER BY grp) rn FROM st_evt WHERE id <= 20 ORDER BY id;
SELECT string_agg(id::text, ',') FROM (SELECT id, lag(id) OVER (ORDER BY name) FROM st_evt) s;
-- ordered aggregates and GROUP BY input sorts
SELECT grp, string_agg(id::text, ',' ORDER BY score) FROM st_evt GROUP BY grp ORDER BY grp;
SELECT array_agg(id ORDER BY at) FROM st_evt;
-- set-returning functions in the select list expand the rows after ORDER BY sorted them
SELECT id, grp, generate_series(1, 3) AS n FROM st_evt WHERE id <= 12 ORDER BY grp LIMIT 10;
SELECT id, generate_series(1, 2) AS n FROM st_evt WHERE id <= 12 ORDER BY grp DESC, n DESC LIMIT 6;
SELECT id, unnest(ARRAY[grp, grp + 10]) AS v FROM st_evt WHERE id <= 9 ORDER BY at;
EXPLAIN (COSTS OFF) SELECT id, generate_series(1, 3) FROM st_evt ORDER BY grp LIMIT 4;
-- volatile select-list columns run after the sort, so only for the rows a LIMIT returns
CREATE SEQUENCE st_seq;
SELECT id, nextval('st_seq') FROM st_evt ORDER BY at, id LIMIT 4;
SELECT currval('st_seq');
SELECT id, nextval('st_seq') AS n FROM st_evt ORDER BY grp LIMIT 5;
SELECT currval('st_seq');
SELECT id, nextval('st_seq') FROM st_evt ORDER BY id DESC LIMIT 2 OFFSET 3;
SELECT currval('st_seq');
DROP SEQUENCE st_seq;
-- a table whose rows moved: updated rows are read after the others, as in Postgres's heap
BEGIN;
UPDATE st_evt SET name = name WHERE id IN (4, 9, 33);
DELETE FROM st_evt WHERE id = 10;
INSERT INTO st_evt VALUES (61, 1, 3.0, 'n1', DATE '2024-03-02');
SELECT string_agg(id::text, ',') FROM (SELECT id FROM st_evt ORDER BY grp) s;
SELECT id FROM st_evt ORDER BY score LIMIT 6;
ROLLBACK;
DROP TABLE st_evt;
