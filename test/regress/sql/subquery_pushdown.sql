-- Conditions on a view's or FROM subquery's columns filter inside it (an index lookup instead of a
-- scan of the whole view); which rows, which errors, which notices and how often volatile
-- functions run must stay Postgres's.
CREATE TABLE sp_t (id int PRIMARY KEY, grp int, v text, n numeric, x int);
INSERT INTO sp_t SELECT g, g % 10, 'v' || g, (g % 4)::numeric / 2, CASE WHEN g % 7 = 0 THEN 0 ELSE g % 5 END FROM generate_series(1, 2000) g;
CREATE TABLE sp_u (id int PRIMARY KEY, t_id int, w text);
INSERT INTO sp_u SELECT g, g % 300, 'w' || (g % 3) FROM generate_series(1, 900) g;
CREATE VIEW sp_v AS SELECT id, grp, upper(v) AS uv, n * 2 AS n2 FROM sp_t;
CREATE VIEW sp_join AS SELECT t.id, t.v, u.id AS uid, u.w FROM sp_t t JOIN sp_u u ON u.t_id = t.id;
CREATE VIEW sp_agg AS SELECT grp, count(*) AS cnt, sum(n) AS total, max(id) AS top FROM sp_t GROUP BY grp;
-- a view filtered by its key, by expressions over its computed columns, with parameters
SELECT * FROM sp_v WHERE id = 17;
SELECT * FROM sp_v WHERE id IN (3, 5, 1999) ORDER BY id;
SELECT * FROM sp_v WHERE uv = 'V42';
SELECT count(*) FROM sp_v WHERE n2 > 1 AND grp = 3;
SELECT * FROM sp_v WHERE id BETWEEN 10 AND 12 AND uv LIKE 'V1%' ORDER BY id;
PREPARE sp_p(int) AS SELECT id, uv FROM sp_v WHERE id = $1;
EXECUTE sp_p(5);
EXECUTE sp_p(2001);
DEALLOCATE sp_p;
-- a view over a join, and joined to another table
SELECT * FROM sp_join WHERE id = 20 ORDER BY uid;
SELECT * FROM sp_join WHERE w = 'w1' AND id < 5 ORDER BY uid;
SELECT v.id, v.uv, u.w FROM sp_v v JOIN sp_u u ON u.t_id = v.id WHERE v.id = 7 ORDER BY u.id;
SELECT count(*) FROM sp_v v JOIN sp_u u ON u.t_id = v.id WHERE v.grp = 1 AND u.w = 'w2';
-- the nullable side of an outer join: ON conditions filter inside, WHERE ones above
SELECT u.id, v.id, v.uv FROM sp_u u LEFT JOIN sp_v v ON v.id = u.t_id AND v.grp = 5 WHERE u.id < 30 ORDER BY u.id;
SELECT u.id, v.id FROM sp_u u LEFT JOIN sp_v v ON v.id = u.t_id WHERE u.id < 20 AND v.grp IS NULL ORDER BY u.id;
SELECT u.id, v.uv FROM sp_u u LEFT JOIN sp_v v ON v.id = u.t_id WHERE u.id < 10 AND coalesce(v.uv, 'none') <> 'V5' ORDER BY u.id;
-- grouped subqueries: a condition on a grouping column filters before grouping; one on an
-- aggregate stays after it
SELECT * FROM sp_agg WHERE grp = 4;
SELECT * FROM sp_agg WHERE cnt > 100 ORDER BY grp;
SELECT * FROM sp_agg WHERE grp > 7 AND total > 100 ORDER BY grp;
SELECT * FROM (SELECT grp % 3 AS g3, count(*) FROM sp_t GROUP BY grp % 3) s WHERE g3 = 2;
SELECT * FROM (SELECT grp, count(*) FROM sp_t GROUP BY grp HAVING count(*) > 1) s WHERE grp < 2 ORDER BY grp;
SELECT * FROM (SELECT count(*) AS c FROM sp_t) s WHERE c > 5;
SELECT * FROM (SELECT 1 AS one, count(*) AS c FROM sp_t WHERE id < 5) s WHERE one = 1;
-- equal values with different text: filtering before DISTINCT / GROUP BY is what Postgres does
CREATE TABLE sp_nums (n numeric);
INSERT INTO sp_nums VALUES (1.0), (1.00), (1.00), (2), (2.000);
SELECT * FROM (SELECT n, count(*) FROM sp_nums GROUP BY n) s WHERE n::text = '1.00';
SELECT * FROM (SELECT DISTINCT n FROM sp_nums) s WHERE n::text = '1.0';
SELECT * FROM (SELECT DISTINCT n FROM sp_nums) s WHERE n::text LIKE '2%';
-- not filtered inside: LIMIT, window functions, DISTINCT ON, set operations, grouping sets
SELECT * FROM (SELECT id FROM sp_t ORDER BY id LIMIT 5) s WHERE id > 2;
SELECT * FROM (SELECT id FROM sp_t ORDER BY id OFFSET 1995) s WHERE id % 2 = 0;
SELECT * FROM (SELECT id, row_number() OVER (ORDER BY id DESC) AS rn FROM sp_t) s WHERE id < 4 ORDER BY id;
SELECT * FROM (SELECT id, sum(x) OVER (PARTITION BY grp ORDER BY id) AS running FROM sp_t) s WHERE id IN (10, 20, 30) ORDER BY id;
SELECT * FROM (SELECT DISTINCT ON (grp) grp, id FROM sp_t ORDER BY grp, id DESC) s WHERE id > 1995 ORDER BY grp;
SELECT * FROM (SELECT id FROM sp_t WHERE id < 5 UNION ALL SELECT id FROM sp_u WHERE id < 5) s WHERE id > 2 ORDER BY id;
SELECT * FROM (SELECT id FROM sp_t WHERE id < 5 UNION SELECT id + 1 FROM sp_u WHERE id < 5) s WHERE id <> 3 ORDER BY id;
SELECT * FROM (SELECT grp, x, count(*) FROM sp_t GROUP BY GROUPING SETS ((grp), (x))) s WHERE grp = 1 OR x = 2 ORDER BY 1, 2;
-- UNION / INTERSECT arms each take the condition (not EXCEPT; not a column whose arms' types differ)
CREATE VIEW sp_union AS SELECT id, v AS label, 't' AS src FROM sp_t UNION ALL SELECT id, w, 'u' FROM sp_u;
SELECT * FROM sp_union WHERE id = 5 ORDER BY src;
SELECT * FROM sp_union WHERE src = 'u' AND id < 3 ORDER BY id;
SELECT count(*) FROM (SELECT id FROM sp_t UNION SELECT id FROM sp_u) s WHERE id BETWEEN 850 AND 950;
SELECT * FROM (SELECT id, x FROM sp_t WHERE x <> 0 UNION ALL SELECT id, 1 FROM sp_u) s WHERE 10 / x = 5 AND id < 20 ORDER BY id;
SELECT * FROM (SELECT id FROM sp_t INTERSECT SELECT t_id FROM sp_u) s WHERE id < 4 ORDER BY id;
SELECT * FROM (SELECT id FROM sp_t WHERE id < 10 EXCEPT SELECT t_id FROM sp_u) s WHERE id > 0 ORDER BY id;
SELECT * FROM (SELECT id::bigint AS id FROM sp_t UNION ALL SELECT id::int FROM sp_u) s WHERE id = 900 ORDER BY id;
SELECT * FROM (SELECT v FROM sp_t WHERE id < 3 UNION ALL SELECT w::varchar(5) FROM sp_u WHERE id < 3) s WHERE v > 'v' ORDER BY v;
SELECT * FROM (SELECT grp, count(*) AS c FROM sp_t GROUP BY grp UNION ALL SELECT t_id % 10, count(*) FROM sp_u GROUP BY t_id % 10) s WHERE grp = 2 ORDER BY c;
SELECT * FROM ((SELECT id FROM sp_t ORDER BY id LIMIT 3) UNION ALL SELECT id FROM sp_u WHERE id < 3) s WHERE id > 1 ORDER BY id;
-- volatile functions: a volatile output column still runs only for the rows Postgres runs it for
CREATE SEQUENCE sp_seq;
SELECT * FROM (SELECT id, nextval('sp_seq') AS nv FROM sp_t) s WHERE id = 3;
SELECT * FROM (SELECT id, nextval('sp_seq') AS nv FROM sp_t WHERE id < 50) s WHERE nv = 10;
SELECT currval('sp_seq');
SELECT count(*) FROM (SELECT id, random() AS r FROM sp_t) s WHERE r < 2 AND id < 10;
-- set-returning functions in the subquery's select list
SELECT * FROM (SELECT id, generate_series(1, 2) AS g FROM sp_t) s WHERE id = 4;
SELECT * FROM (SELECT id, generate_series(1, id) AS g FROM sp_t WHERE id < 5) s WHERE g = 3;
-- errors: which rows a condition sees
SELECT * FROM (SELECT id, x FROM sp_t WHERE x <> 0) s WHERE 10 / x > 4 ORDER BY id LIMIT 3;
SELECT * FROM (SELECT id, 10 / x AS q FROM sp_t WHERE x <> 0) s WHERE q = 5 ORDER BY id LIMIT 3;
SELECT * FROM (SELECT id, 10 / x AS q FROM sp_t) s WHERE id = 7;
SELECT * FROM (SELECT id, 10 / x AS q FROM sp_t) s WHERE id = 8;
-- a function with side effects in the outer condition: evaluated after the cheaper view quals
CREATE FUNCTION sp_seen(i int) RETURNS boolean LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE 'saw %', i; RETURN true; END $$;
CREATE VIEW sp_small AS SELECT id, v FROM sp_t WHERE id < 4;
SELECT * FROM sp_small WHERE sp_seen(id) ORDER BY id;
CREATE VIEW sp_barrier WITH (security_barrier) AS SELECT id, v FROM sp_t WHERE id < 3;
SELECT * FROM sp_barrier WHERE sp_seen(id) ORDER BY id;
SELECT * FROM sp_barrier WHERE id = 2;
-- LATERAL and correlated subqueries in FROM
SELECT a.id, s.id, s.v FROM sp_t a, LATERAL (SELECT b.id, b.v FROM sp_t b WHERE b.id = a.id + 1) s WHERE s.id < 5 ORDER BY a.id;
SELECT a.id, (SELECT count(*) FROM (SELECT id, grp FROM sp_t) s WHERE s.grp = a.grp AND s.id < 30) FROM sp_t a WHERE a.id < 4 ORDER BY a.id;
-- nested views and subqueries, a condition reaching the innermost
CREATE VIEW sp_v2 AS SELECT id, uv, n2 + 1 AS n3 FROM sp_v WHERE grp <> 9;
SELECT * FROM sp_v2 WHERE id = 21;
SELECT * FROM (SELECT * FROM (SELECT id, v FROM sp_t) a WHERE id > 1990) b WHERE id < 1993 ORDER BY id;
-- a subquery with its own WITH, and an UPDATE / DELETE reading a view
SELECT * FROM (WITH w AS (SELECT id, v FROM sp_t) SELECT * FROM w) s WHERE id = 9;
UPDATE sp_u SET w = 'upd' FROM sp_v v WHERE v.id = sp_u.t_id AND v.id = 11;
SELECT id, w FROM sp_u WHERE t_id = 11 ORDER BY id;
DELETE FROM sp_u USING sp_v v WHERE v.id = sp_u.t_id AND v.uv = 'V12';
SELECT count(*) FROM sp_u WHERE t_id = 12;
-- row-level security: the table reads through its policies
CREATE TABLE sp_rls (id int PRIMARY KEY, owner text, v text);
INSERT INTO sp_rls SELECT g, CASE WHEN g % 2 = 0 THEN 'sp_alice' ELSE 'bob' END, 'r' || g FROM generate_series(1, 50) g;
ALTER TABLE sp_rls ENABLE ROW LEVEL SECURITY;
CREATE POLICY sp_own ON sp_rls USING (owner = current_user);
CREATE ROLE sp_alice;
GRANT SELECT ON sp_rls, sp_barrier TO sp_alice;
GRANT EXECUTE ON FUNCTION sp_seen(int) TO sp_alice;
SET ROLE sp_alice;
SELECT * FROM sp_rls WHERE id = 4;
SELECT * FROM sp_rls WHERE id = 5;
SELECT count(*) FROM (SELECT * FROM sp_rls) s WHERE id < 10;
-- leakproof comparisons reach the table (an index lookup); anything else runs after the policy
SELECT * FROM sp_rls WHERE id IN (4, 5, 6) ORDER BY id;
SELECT * FROM sp_rls WHERE v = 'r8' OR id = 9;
SELECT * FROM sp_rls WHERE id < 7 AND sp_seen(id) ORDER BY id;
SELECT * FROM sp_rls WHERE id::text = '10';
SELECT * FROM sp_rls WHERE v LIKE 'r1_' AND id > 15 ORDER BY id;
SELECT * FROM sp_barrier WHERE id = 1 AND sp_seen(id);
RESET ROLE;
DROP TABLE sp_rls;
DROP OWNED BY sp_alice;
DROP ROLE sp_alice;
-- WITH queries Postgres inlines take the conditions too (no error from rows never computed);
-- MATERIALIZED, volatile, data-modifying and twice-referenced ones are computed whole
CREATE TABLE sp_c (id int PRIMARY KEY, x int);
INSERT INTO sp_c SELECT g, CASE WHEN g % 7 = 0 THEN 0 ELSE g % 5 END FROM generate_series(1, 100) g;
WITH w AS (SELECT id, 10 / x AS q FROM sp_c) SELECT * FROM w WHERE id = 8;
WITH w AS (SELECT id, 10 / x AS q FROM sp_c) SELECT * FROM w a JOIN w b USING (id) WHERE a.id = 8;
WITH w AS NOT MATERIALIZED (SELECT id, 10 / x AS q FROM sp_c) SELECT * FROM w a JOIN w b USING (id) WHERE a.id = 8 AND b.id = 8;
WITH w AS MATERIALIZED (SELECT id, 10 / x AS q FROM sp_c) SELECT * FROM w WHERE id = 8;
WITH w AS (SELECT id, 10 / x AS q, random() AS r FROM sp_c) SELECT id, q FROM w WHERE id = 8;
WITH w AS (SELECT id, 10 / x AS q FROM sp_c) SELECT (SELECT q FROM w WHERE id = 8);
WITH w AS (SELECT id, 10 / x AS q FROM sp_c), w2 AS (SELECT * FROM w WHERE id > 5) SELECT * FROM w2 WHERE id = 8;
WITH w AS (SELECT x, count(*) AS c FROM sp_c GROUP BY x) SELECT * FROM w WHERE x = 3;
WITH w AS (SELECT id, nextval('sp_seq') AS nv FROM sp_c) SELECT * FROM w WHERE id = 3;
WITH d AS (DELETE FROM sp_c WHERE id > 95 RETURNING id, x) SELECT * FROM d WHERE id = 97;
SELECT count(*) FROM sp_c;
CREATE VIEW sp_cte_view AS WITH w AS NOT MATERIALIZED (SELECT id FROM sp_c) SELECT * FROM w WHERE id < 3;
SELECT pg_get_viewdef('sp_cte_view');
SELECT * FROM sp_cte_view WHERE id = 2;
-- a LIMIT above a subquery, WITH query or join stops reading it (rows past it are never
-- computed, so their errors are not raised); EXISTS reads one row, a scalar subquery two
CREATE TABLE sp_z (id int PRIMARY KEY, x int);
INSERT INTO sp_z VALUES (1, 1), (2, 0), (3, 1);
SELECT * FROM (SELECT id, 1 / x FROM sp_z) s LIMIT 1;
WITH w AS (SELECT id, 1 / x FROM sp_z) SELECT * FROM w LIMIT 1;
WITH w AS (SELECT id, 1 / x FROM sp_z) SELECT * FROM w a, w b LIMIT 1;
WITH w AS MATERIALIZED (SELECT id, 1 / x FROM sp_z) SELECT * FROM w LIMIT 1;
SELECT * FROM sp_z a, (SELECT id, 1 / x FROM sp_z) b LIMIT 1;
SELECT EXISTS (SELECT 1 / x FROM sp_z);
SELECT (SELECT 1 / x FROM sp_z);
SELECT (SELECT 1 / x FROM sp_z WHERE id = 1);
SELECT 1 IN (SELECT 1 / x FROM sp_z);
SELECT * FROM (SELECT id, x FROM sp_z) s, LATERAL (SELECT 1 / s.x) l LIMIT 1;
SELECT * FROM (SELECT id, 1 / x FROM sp_z) s LIMIT 3;
-- ORDER BY ... LIMIT over a simple view reads the view in that order up to the limit
CREATE TABLE sp_o (id int PRIMARY KEY, x int, v text);
INSERT INTO sp_o SELECT g, CASE WHEN g = 2 THEN 0 ELSE 1 END, 'v' || g FROM generate_series(1, 1000) g;
CREATE VIEW sp_ov AS SELECT id, 1 / x AS q, v FROM sp_o;
SELECT * FROM sp_ov ORDER BY id LIMIT 1;
SELECT * FROM sp_ov ORDER BY id DESC LIMIT 2;
SELECT * FROM sp_ov WHERE id > 995 ORDER BY id LIMIT 2;
SELECT * FROM sp_ov WHERE v LIKE 'v99%' ORDER BY id DESC LIMIT 3;
SELECT * FROM sp_ov ORDER BY v LIMIT 3;
SELECT q, v FROM sp_ov ORDER BY id LIMIT 0;
SELECT id FROM sp_ov ORDER BY id LIMIT NULL;
SELECT id FROM sp_ov ORDER BY id LIMIT -1;
SELECT id, q FROM sp_ov ORDER BY id OFFSET 2 LIMIT 2;
SELECT id, v FROM sp_ov ORDER BY id FETCH FIRST 1 ROWS WITH TIES;
SELECT count(*) OVER (), id FROM sp_ov ORDER BY id LIMIT 1;
-- a view column the query does not read is not computed (its errors are not raised)
SELECT id FROM sp_ov WHERE id < 4 ORDER BY id;
SELECT count(*) FROM sp_ov;
SELECT v FROM (SELECT v, 1 / x AS q FROM sp_o) s WHERE v = 'v2';
SELECT s.v FROM (SELECT v, 1 / x AS q FROM sp_o WHERE id < 3) s JOIN sp_o o ON o.v = s.v ORDER BY 1;
SELECT s FROM (SELECT v, 1 / x AS q FROM sp_o WHERE id < 3) s ORDER BY 1;
SELECT v FROM (SELECT DISTINCT v, 1 / x AS q FROM sp_o WHERE id < 3) s ORDER BY 1;
SELECT v FROM (SELECT v, 1 / x AS q FROM sp_o WHERE id < 3 UNION ALL SELECT 'w', 1) s ORDER BY 1;
WITH w AS (SELECT id, 1 / x AS q FROM sp_o) SELECT id FROM w WHERE id < 3 ORDER BY id;
SELECT id FROM (SELECT id, (SELECT 1 / x) AS q FROM sp_o) s WHERE id = 2;
SELECT id FROM (SELECT id, nextval('sp_seq') AS n FROM sp_o WHERE id < 3) s ORDER BY id;
SELECT currval('sp_seq');
