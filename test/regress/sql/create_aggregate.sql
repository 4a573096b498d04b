-- User-defined aggregates for an order-analytics schema: transition and final functions in SQL
-- and PL/pgSQL, strict and non-strict transitions, initial values, FINALFUNC_EXTRA, old syntax,
-- use as plain, grouped and window aggregates with DISTINCT / ORDER BY / FILTER, catalogs, DROP.
CREATE TABLE orders (id int PRIMARY KEY, customer text NOT NULL, region text, cents int, placed_on date NOT NULL);
INSERT INTO orders VALUES
  (1, 'ann', 'eu', 1200, '2024-01-03'), (2, 'bob', 'us', 800, '2024-01-04'), (3, 'ann', 'eu', NULL, '2024-01-09'),
  (4, 'cy', 'us', 2500, '2024-02-01'), (5, 'bob', NULL, 800, '2024-02-02'), (6, 'dee', 'apac', 100, '2024-02-11'),
  (7, 'ann', 'eu', 300, '2024-03-15');

-- a strict transition function with an initial value (nulls are skipped)
CREATE FUNCTION cents_add(acc bigint, c int) RETURNS bigint LANGUAGE sql IMMUTABLE STRICT AS 'SELECT acc + c';
CREATE AGGREGATE total_cents(int) (SFUNC = cents_add, STYPE = bigint, INITCOND = '0');
SELECT total_cents(cents), sum(cents) FROM orders;
SELECT customer, total_cents(cents) FROM orders GROUP BY customer ORDER BY customer;
SELECT total_cents(cents) FROM orders WHERE false;
-- a strict transition function without an initial value: the first non-null input is the state
CREATE FUNCTION int_max(a int, b int) RETURNS int LANGUAGE sql IMMUTABLE STRICT AS 'SELECT CASE WHEN b > a THEN b ELSE a END';
CREATE AGGREGATE biggest(int) (SFUNC = int_max, STYPE = int);
SELECT biggest(cents), max(cents) FROM orders;
SELECT biggest(cents) FROM orders WHERE cents IS NULL;
SELECT region, biggest(cents) FROM orders GROUP BY region ORDER BY region NULLS LAST;
-- a non-strict transition function sees the nulls
CREATE FUNCTION count_nulls(acc int, c int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT acc + CASE WHEN c IS NULL THEN 1 ELSE 0 END';
CREATE AGGREGATE null_count(int) (SFUNC = count_nulls, STYPE = int, INITCOND = 0);
SELECT null_count(cents), null_count(id) FROM orders;
-- PL/pgSQL transition with a composite-free array state and a final function
CREATE FUNCTION avg_step(state numeric[], c int) RETURNS numeric[] LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF c IS NULL THEN RETURN state; END IF;
  RETURN ARRAY[state[1] + c, state[2] + 1];
END $$;
CREATE FUNCTION avg_final(state numeric[]) RETURNS numeric LANGUAGE sql IMMUTABLE AS
  'SELECT CASE WHEN $1[2] = 0 THEN NULL ELSE round($1[1] / $1[2], 2) END';
CREATE AGGREGATE avg_cents(int) (SFUNC = avg_step, STYPE = numeric[], FINALFUNC = avg_final, INITCOND = '{0,0}');
SELECT avg_cents(cents), round(avg(cents), 2) FROM orders;
SELECT customer, avg_cents(cents) FROM orders GROUP BY customer HAVING avg_cents(cents) > 500 ORDER BY customer;
-- text aggregation with two arguments, DISTINCT, ORDER BY and FILTER
CREATE FUNCTION join_step(acc text, item text, sep text) RETURNS text LANGUAGE sql IMMUTABLE
  AS 'SELECT CASE WHEN acc IS NULL THEN item WHEN item IS NULL THEN acc ELSE acc || sep || item END';
CREATE AGGREGATE join_text(text, text) (SFUNC = join_step, STYPE = text);
SELECT join_text(customer, ', ' ORDER BY id) FROM orders;
SELECT join_text(DISTINCT customer, '/' ORDER BY customer) FROM orders;
SELECT join_text(customer, ';' ORDER BY customer DESC) FILTER (WHERE region = 'eu') FROM orders;
SELECT region, join_text(customer, '+' ORDER BY id) FROM orders GROUP BY region ORDER BY region NULLS FIRST;
SELECT total_cents(DISTINCT cents), total_cents(cents) FILTER (WHERE placed_on >= '2024-02-01') FROM orders;
-- as window aggregates
SELECT id, total_cents(cents) OVER (ORDER BY id) AS running, biggest(cents) OVER (PARTITION BY customer) AS best
  FROM orders ORDER BY id;
SELECT id, avg_cents(cents) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM orders ORDER BY id;
SELECT id, join_text(customer, ',') OVER (PARTITION BY region ORDER BY id ROWS UNBOUNDED PRECEDING) FROM orders ORDER BY id;
SELECT id, total_cents(cents) FILTER (WHERE cents > 500) OVER w FROM orders WINDOW w AS (ORDER BY placed_on) ORDER BY id;
-- FINALFUNC_EXTRA: the final function gets a null per argument
CREATE FUNCTION spread_final(state int[], c int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT $1[2] - $1[1]';
CREATE FUNCTION spread_step(state int[], c int) RETURNS int[] LANGUAGE sql IMMUTABLE AS
  'SELECT CASE WHEN c IS NULL THEN state WHEN state IS NULL THEN ARRAY[c, c] ELSE ARRAY[least(state[1], c), greatest(state[2], c)] END';
CREATE AGGREGATE spread(int) (SFUNC = spread_step, STYPE = int[], FINALFUNC = spread_final, FINALFUNC_EXTRA);
SELECT spread(cents) FROM orders;
-- a strict final function is not called for a null state
CREATE FUNCTION strict_final(state int[]) RETURNS text LANGUAGE sql IMMUTABLE STRICT AS 'SELECT ''called''';
CREATE AGGREGATE spread_label(int) (SFUNC = spread_step, STYPE = int[], FINALFUNC = strict_final);
SELECT spread_label(cents) FROM orders;
SELECT spread_label(cents) FROM orders WHERE false;
-- old syntax, and zero-argument aggregates
CREATE AGGREGATE old_total (BASETYPE = int, SFUNC = cents_add, STYPE = bigint, INITCOND = '0');
SELECT old_total(cents) FROM orders;
CREATE FUNCTION tick(acc int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT acc + 1';
CREATE AGGREGATE ticks(*) (SFUNC = tick, STYPE = int, INITCOND = '0');
SELECT ticks(*) FROM orders;
SELECT region, ticks(*) FROM orders GROUP BY region ORDER BY region NULLS LAST;
-- schema-qualified aggregates and CREATE OR REPLACE
CREATE SCHEMA analytics;
CREATE AGGREGATE analytics.total_cents(int) (SFUNC = cents_add, STYPE = bigint, INITCOND = '1000000');
SELECT analytics.total_cents(cents), public.total_cents(cents), total_cents(cents) FROM orders;
CREATE OR REPLACE AGGREGATE total_cents(int) (SFUNC = cents_add, STYPE = bigint, INITCOND = '5');
SELECT total_cents(cents) FROM orders;
-- a view over an aggregate
CREATE VIEW customer_stats AS SELECT customer, total_cents(cents) AS total, biggest(cents) AS best FROM orders GROUP BY customer;
SELECT * FROM customer_stats ORDER BY customer;
-- catalogs
SELECT proname, prokind, proargtypes::regtype[], prorettype::regtype, proisstrict, provolatile, proparallel, prosrc
  FROM pg_proc WHERE proname IN ('total_cents', 'biggest', 'avg_cents', 'join_text', 'ticks') ORDER BY proname, pronamespace::regnamespace::text;
SELECT aggfnoid, aggkind, aggnumdirectargs, aggtransfn, aggfinalfn, aggcombinefn, aggfinalextra, aggfinalmodify, aggtranstype::regtype, agginitval
  FROM pg_aggregate WHERE aggfnoid::text IN ('total_cents', 'biggest', 'avg_cents', 'join_text', 'ticks', 'spread') ORDER BY aggfnoid::text;
SELECT pg_get_function_arguments('join_text'::regproc), pg_get_function_result('avg_cents'::regproc);
CREATE AGGREGATE par_total(int) (SFUNC = cents_add, STYPE = bigint, INITCOND = '0', COMBINEFUNC = int8pl_user, PARALLEL = SAFE);
CREATE FUNCTION int8pl_user(a bigint, b bigint) RETURNS bigint LANGUAGE sql IMMUTABLE STRICT AS 'SELECT a + b';
CREATE AGGREGATE par_total(int) (SFUNC = cents_add, STYPE = bigint, INITCOND = '0', COMBINEFUNC = int8pl_user, PARALLEL = SAFE);
SELECT aggcombinefn, proparallel FROM pg_aggregate JOIN pg_proc ON pg_proc.oid = aggfnoid WHERE proname = 'par_total';
SELECT par_total(cents) FROM orders;

-- errors
CREATE AGGREGATE total_cents(int) (SFUNC = cents_add, STYPE = bigint, INITCOND = '0');
CREATE FUNCTION total_cents(int) RETURNS int LANGUAGE sql AS 'SELECT 1';
CREATE OR REPLACE AGGREGATE int_max(int, int) (SFUNC = cents_add, STYPE = bigint);
CREATE AGGREGATE bad(int) (STYPE = bigint);
CREATE AGGREGATE bad(int) (SFUNC = cents_add);
CREATE AGGREGATE bad(int) (SFUNC = nosuch, STYPE = bigint);
CREATE AGGREGATE bad(int) (SFUNC = cents_add, STYPE = int);
CREATE AGGREGATE bad(text) (SFUNC = cents_add, STYPE = bigint);
CREATE AGGREGATE bad(int) (SFUNC = cents_add, STYPE = bigint);
CREATE AGGREGATE bad(int) (SFUNC = cents_add, STYPE = bigint, INITCOND = 'zero');
CREATE AGGREGATE bad(int) (SFUNC = cents_add, STYPE = bigint, INITCOND = '0', FINALFUNC = nosuch);
CREATE AGGREGATE bad(int) (SFUNC = cents_add, STYPE = bigint, INITCOND = '0', FINALFUNC = avg_final);
CREATE AGGREGATE bad(int) (SFUNC = count_nulls, STYPE = bigint, INITCOND = '0');
CREATE AGGREGATE bad(int) (SFUNC = cents_add, STYPE = bigint, INITCOND = '0', PARALLEL = sometimes);
CREATE AGGREGATE bad(int) (SFUNC = cents_add, STYPE = bigint, INITCOND = '0', COMBINEFUNC = cents_add);
CREATE AGGREGATE bad (SFUNC = cents_add, STYPE = bigint);
CREATE AGGREGATE bad(int) (BASETYPE = int, SFUNC = cents_add, STYPE = bigint);
CREATE AGGREGATE warned(int) (SFUNC = cents_add, STYPE = bigint, INITCOND = '0', COLOR = 'blue');
SELECT warned(cents) FROM orders;
SELECT total_cents(*) FROM orders;
SELECT total_cents(customer) FROM orders;
SELECT id FROM orders WHERE total_cents(cents) > 0;
SELECT total_cents(total_cents(cents)) FROM orders;
SELECT biggest(cents) OVER (ORDER BY id), cents_add(1, 2) OVER () FROM orders;
-- DROP AGGREGATE
DROP FUNCTION total_cents(int);
DROP AGGREGATE cents_add(bigint, int);
DROP AGGREGATE nosuch(int);
DROP AGGREGATE IF EXISTS nosuch(int), nosuch(text[]);
DROP AGGREGATE total_cents(text);
DROP AGGREGATE total_cents(int);
DROP AGGREGATE analytics.total_cents(int), ticks(*), old_total(int);
SELECT proname FROM pg_proc WHERE proname IN ('total_cents', 'ticks', 'old_total') ORDER BY 1;
SELECT count(*) FROM pg_aggregate WHERE aggfnoid::text LIKE '%ticks%';
-- identical calls share one transition (visible through a transition function's notices)
CREATE FUNCTION noisy_step(acc int, v int) RETURNS int LANGUAGE plpgsql AS $$
BEGIN RAISE NOTICE 'step % %', acc, v; RETURN acc + v; END $$;
CREATE AGGREGATE noisy_sum(int) (SFUNC = noisy_step, STYPE = int, INITCOND = '0');
SELECT noisy_sum(n), noisy_sum(n) FROM (VALUES (1), (2)) t(n);
SELECT noisy_sum(n), noisy_sum(n) + 1, noisy_sum(n * 10) FROM (VALUES (1), (2)) t(n);
SELECT noisy_sum(n) FILTER (WHERE n > 1), noisy_sum(n) FROM (VALUES (1), (2)) t(n);
SELECT noisy_sum(noisy_sum(n)) FROM (VALUES (1)) t(n);
SELECT noisy_sum(n), noisy_sum(noisy_sum(n)) FROM (VALUES (1)) t(n);
-- ALTER FUNCTION on an aggregate: renames and moves, but no function options
ALTER FUNCTION noisy_sum(int) STABLE;
ALTER ROUTINE noisy_sum(int) COST 5;
ALTER FUNCTION noisy_sum(int) RENAME TO quiet_sum;
ALTER FUNCTION quiet_sum(int) SET SCHEMA analytics;
SELECT analytics.quiet_sum(n) FROM (VALUES (4)) t(n);
