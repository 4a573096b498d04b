-- Savepoints in application code: released savepoints undone with their enclosing one, read-only
-- mode per subtransaction, temporary tables in read-only transactions, settings that cannot be
-- reset or set by functions, and cursors whose fetch failed.

CREATE TABLE orders (id int PRIMARY KEY, status text NOT NULL);
CREATE TABLE order_events (order_id int, event text);

-- A batch job: each order in its own savepoint, a nested one for the optional event.
BEGIN;
INSERT INTO orders VALUES (1, 'new');
SAVEPOINT batch;
SAVEPOINT item;
INSERT INTO orders VALUES (2, 'new');
SAVEPOINT event;
INSERT INTO order_events VALUES (2, 'created');
RELEASE SAVEPOINT event;
RELEASE SAVEPOINT item;
SELECT id FROM orders ORDER BY id;
ROLLBACK TO SAVEPOINT batch;
SELECT id FROM orders ORDER BY id;
SELECT count(*) FROM order_events;
SAVEPOINT item;
INSERT INTO orders VALUES (3, 'new');
RELEASE item;
RELEASE batch;
COMMIT;
SELECT id, status FROM orders ORDER BY id;
SELECT count(*) FROM order_events;

-- An error after a released savepoint aborts the enclosing one, released work included.
BEGIN;
SAVEPOINT outer_sp;
SAVEPOINT inner_sp;
INSERT INTO order_events VALUES (1, 'paid');
RELEASE inner_sp;
INSERT INTO orders VALUES (1, 'dup');
ROLLBACK TO outer_sp;
SELECT count(*) FROM order_events;
INSERT INTO order_events VALUES (1, 'shipped');
COMMIT;
SELECT order_id, event FROM order_events ORDER BY order_id, event;

-- The same through PL/pgSQL exception blocks.
DO $$
BEGIN
  BEGIN
    BEGIN
      INSERT INTO order_events VALUES (3, 'inner');
    EXCEPTION WHEN others THEN RAISE NOTICE 'not reached';
    END;
    INSERT INTO order_events VALUES (3, 'outer');
    PERFORM 1 / 0;
  EXCEPTION WHEN division_by_zero THEN
    RAISE NOTICE 'outer block rolled back';
  END;
  INSERT INTO order_events VALUES (3, 'after');
END $$;
SELECT order_id, event FROM order_events WHERE order_id = 3 ORDER BY event;

-- Read-only mode is per subtransaction.
BEGIN;
SAVEPOINT ro;
SET TRANSACTION READ ONLY;
SHOW transaction_read_only;
SELECT count(*) FROM orders;
SET TRANSACTION READ WRITE;
ROLLBACK TO ro;
SHOW transaction_read_only;
SAVEPOINT ro2;
SET TRANSACTION READ ONLY;
RELEASE ro2;
SHOW transaction_read_only;
UPDATE orders SET status = 'checked' WHERE id = 1;
COMMIT;
BEGIN READ ONLY;
SAVEPOINT a;
SET TRANSACTION READ WRITE;
ROLLBACK;

-- Temporary tables can be written in a read-only transaction.
CREATE TEMP TABLE report_rows (order_id int, status text);
BEGIN READ ONLY;
INSERT INTO report_rows SELECT id, status FROM orders;
UPDATE report_rows SET status = upper(status) WHERE order_id = 1;
DELETE FROM report_rows WHERE order_id = 3;
SELECT * FROM report_rows ORDER BY order_id;
UPDATE report_rows SET status = o.status FROM orders o WHERE o.id = report_rows.order_id;
INSERT INTO orders VALUES (9, 'x');
ROLLBACK;
BEGIN READ ONLY;
DELETE FROM orders;
ROLLBACK;

-- Transaction characteristics cannot be reset, nor set by a function.
BEGIN;
RESET transaction_isolation;
ROLLBACK;
BEGIN;
SET transaction_read_only TO DEFAULT;
ROLLBACK;
RESET transaction_deferrable;
CREATE FUNCTION order_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM orders' SET transaction_read_only = on;
CREATE FUNCTION order_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM orders' SET transaction_isolation = 'serializable';
CREATE FUNCTION order_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM orders' SET transaction_isolation = 'read committed';
CREATE FUNCTION order_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM orders' SET transaction_deferrable = off;
CREATE FUNCTION order_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM orders' SET work_mem = '8MB';
ALTER FUNCTION order_count() SET transaction_read_only = off;
ALTER FUNCTION order_count() RESET transaction_isolation;
ALTER FUNCTION order_count() RESET work_mem;
SELECT order_count();

-- A cursor whose fetch failed cannot be used again, even after ROLLBACK TO.
BEGIN;
DECLARE ratios CURSOR FOR SELECT id, 10 / (id - 3) AS r FROM orders ORDER BY id;
SAVEPOINT f;
FETCH 1 FROM ratios;
FETCH 5 FROM ratios;
ROLLBACK TO f;
FETCH 1 FROM ratios;
MOVE 1 IN ratios;
CLOSE ratios;
DECLARE ok CURSOR FOR SELECT id FROM orders ORDER BY id;
SAVEPOINT g;
FETCH BACKWARD 1 FROM ok;
ROLLBACK TO g;
FETCH 1 FROM ok;
COMMIT;
