-- SQL-level prepared statements: PREPARE, EXECUTE, DEALLOCATE.
CREATE TABLE products (id int PRIMARY KEY, name text NOT NULL, price numeric(10,2) NOT NULL);
INSERT INTO products VALUES (1, 'pen', 1.50), (2, 'ink', 4.25), (3, 'pad', 3.00);

PREPARE by_id (int) AS SELECT id, name, price FROM products WHERE id = $1;
EXECUTE by_id(2);
EXECUTE by_id (3);
EXECUTE by_id('1');
EXECUTE by_id(1 + 1);
PREPARE cheaper_than AS SELECT name FROM products WHERE price < $1 ORDER BY name;
EXECUTE cheaper_than(3.5);
EXECUTE cheaper_than('4');
PREPARE add_product (int, text, numeric) AS INSERT INTO products VALUES ($1, $2, $3) RETURNING *;
EXECUTE add_product(4, 'cap', 2);
PREPARE rename (text, int) AS UPDATE products SET name = $1 WHERE id = $2;
EXECUTE rename('marker', 1);
PREPARE remove (int) AS DELETE FROM products WHERE id = $1;
EXECUTE remove(4);
SELECT * FROM products ORDER BY id;
PREPARE no_params AS SELECT count(*) FROM products;
EXECUTE no_params;
PREPARE typed_literal AS SELECT $1::text || '!' AS shout;
EXECUTE typed_literal('hey');
PREPARE two (int, int) AS SELECT $1 + $2 AS sum, $2 AS second;
EXECUTE two(40, 2);

-- Errors.
PREPARE by_id (int) AS SELECT 1;
EXECUTE nope(1);
EXECUTE by_id;
EXECUTE by_id(1, 2);
EXECUTE by_id('x');
PREPARE bad AS SELECT * FROM missing_table;
PREPARE bad2 (nosuchtype) AS SELECT $1;
PREPARE bad3 (int) AS SELECT $2;
DEALLOCATE nope;
DEALLOCATE by_id;
EXECUTE by_id(1);
DEALLOCATE PREPARE cheaper_than;
DEALLOCATE ALL;
EXECUTE two(1, 1);

-- Prepared statements survive a rollback, and run inside transactions.
BEGIN;
PREPARE in_txn AS SELECT 42 AS answer;
ROLLBACK;
EXECUTE in_txn;
BEGIN;
EXECUTE in_txn;
COMMIT;
PREPARE upd (numeric) AS UPDATE products SET price = price + $1 RETURNING id, price;
BEGIN;
EXECUTE upd(1);
ROLLBACK;
SELECT id, price FROM products ORDER BY id;
