-- CREATE TABLE AS / SELECT INTO as reporting jobs and migrations use them: existence checks
-- before the query runs, AS EXECUTE, EXPLAIN [ANALYZE], default privileges, misplaced INTO.
CREATE TABLE orders (id int PRIMARY KEY, customer text, total numeric(10,2));
INSERT INTO orders VALUES (1, 'ann', 10.50), (2, 'bob', 99.00), (3, 'ann', 5.25);

CREATE TABLE order_totals AS SELECT customer, sum(total) AS total FROM orders GROUP BY customer;
-- the relation is checked before the query runs
CREATE TABLE order_totals AS SELECT 1 / 0 AS x;
CREATE TABLE IF NOT EXISTS order_totals AS SELECT 1 / 0 AS x;
CREATE TABLE order_totals AS SELECT 1 / 0 AS x WITH NO DATA;
SELECT 1 / 0 AS x INTO order_totals;
SELECT * FROM order_totals ORDER BY customer;

-- AS EXECUTE
PREPARE big_orders (numeric) AS SELECT id, total FROM orders WHERE total > $1 ORDER BY id;
CREATE TABLE big_orders_snapshot AS EXECUTE big_orders (8);
SELECT * FROM big_orders_snapshot;
CREATE TABLE big_orders_empty (order_id, amount) AS EXECUTE big_orders (8) WITH NO DATA;
SELECT attname, atttypid::regtype FROM pg_attribute WHERE attrelid = 'big_orders_empty'::regclass AND attnum > 0 ORDER BY attnum;
CREATE TABLE big_orders_x AS EXECUTE no_such_statement;
PREPARE touch_orders AS UPDATE orders SET total = total RETURNING id;
CREATE TABLE touched AS EXECUTE touch_orders;
CREATE TABLE big_orders_x AS EXECUTE big_orders;

-- EXPLAIN of CREATE TABLE AS: existence first; ANALYZE runs the query once and fills the table
EXPLAIN (COSTS OFF) CREATE TABLE order_totals AS SELECT 1;
EXPLAIN (COSTS OFF) CREATE TABLE IF NOT EXISTS order_totals AS SELECT 1;
EXPLAIN (COSTS OFF, FORMAT JSON) CREATE TABLE IF NOT EXISTS order_totals AS SELECT 1;
EXPLAIN (COSTS OFF, FORMAT YAML) CREATE MATERIALIZED VIEW IF NOT EXISTS order_totals AS SELECT 1;
EXPLAIN (COSTS OFF) CREATE TABLE explained_only AS SELECT * FROM orders;
SELECT count(*) FROM pg_class WHERE relname = 'explained_only';
CREATE SEQUENCE run_counter;
EXPLAIN (ANALYZE, COSTS OFF, SUMMARY OFF, TIMING OFF, BUFFERS OFF) CREATE TABLE analyzed AS SELECT id, nextval('run_counter') AS n FROM orders;
SELECT * FROM analyzed ORDER BY id;
EXPLAIN (ANALYZE, COSTS OFF, SUMMARY OFF, TIMING OFF, BUFFERS OFF) CREATE TABLE analyzed_empty AS SELECT id, nextval('run_counter') AS n FROM orders WITH NO DATA;
SELECT count(*) FROM analyzed_empty;
SELECT currval('run_counter');
EXPLAIN (ANALYZE, COSTS OFF, SUMMARY OFF, TIMING OFF, BUFFERS OFF) SELECT id INTO selected_into FROM orders WHERE customer = 'ann';
SELECT * FROM selected_into ORDER BY id;
PREPARE customer_orders (text) AS SELECT id, total FROM orders WHERE customer = $1;
EXPLAIN (ANALYZE, COSTS OFF, SUMMARY OFF, TIMING OFF, BUFFERS OFF) CREATE TABLE from_execute AS EXECUTE customer_orders ('bob');
SELECT * FROM from_execute;
EXPLAIN (ANALYZE, COSTS OFF) CREATE TABLE analyzed AS SELECT 1;

-- SELECT ... INTO where it is not allowed
BEGIN;
DECLARE c CURSOR FOR SELECT 1 INTO nowhere;
ROLLBACK;
DECLARE c CURSOR FOR SELECT 1 INTO nowhere;
SELECT * FROM (SELECT 1 INTO nowhere) s;
INSERT INTO orders SELECT 4, 'x', 1 INTO nowhere;
CREATE VIEW v_into AS SELECT 1 INTO nowhere;
COPY (SELECT 1 INTO nowhere UNION SELECT 2) TO STDOUT;
SELECT 1 UNION SELECT 2 INTO nowhere;
SELECT 1 AS a INTO unioned UNION SELECT 2;
SELECT * FROM unioned ORDER BY a;

-- a new table gets its owner's default privileges
CREATE ROLE ddl_ctas_owner;
CREATE SCHEMA reports AUTHORIZATION ddl_ctas_owner;
ALTER DEFAULT PRIVILEGES FOR ROLE ddl_ctas_owner REVOKE INSERT ON TABLES FROM ddl_ctas_owner;
SET ROLE ddl_ctas_owner;
CREATE TABLE reports.daily (n) AS SELECT generate_series(1, 3);
INSERT INTO reports.daily VALUES (4);
SELECT n INTO reports.weekly FROM reports.daily;
INSERT INTO reports.weekly VALUES (4);
SELECT count(*) FROM reports.weekly;
RESET ROLE;
DROP SCHEMA reports CASCADE;
ALTER DEFAULT PRIVILEGES FOR ROLE ddl_ctas_owner GRANT INSERT ON TABLES TO ddl_ctas_owner;
DROP ROLE ddl_ctas_owner;
