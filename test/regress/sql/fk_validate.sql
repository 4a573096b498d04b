-- Adding constraints to tables that already hold rows: FOREIGN KEY (validated against every
-- existing row, NOT VALID, VALIDATE CONSTRAINT), CHECK, UNIQUE, PRIMARY KEY, NOT NULL.

CREATE TABLE customers (id int PRIMARY KEY, email text NOT NULL);
INSERT INTO customers VALUES (1, 'a@x.io'), (2, 'b@x.io'), (3, 'c@x.io');
CREATE TABLE orders (id int PRIMARY KEY, customer_id int, total numeric(10,2));
INSERT INTO orders VALUES (10, 1, 5.00), (11, 2, 7.50), (12, NULL, 1.00), (13, 3, 2.25);

-- every row references an existing customer (NULLs pass under MATCH SIMPLE)
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);
SELECT conname, contype, convalidated, pg_get_constraintdef(oid) FROM pg_constraint
 WHERE conrelid = 'orders'::regclass ORDER BY conname;
DELETE FROM customers WHERE id = 3;
DELETE FROM orders WHERE customer_id = 3;
DELETE FROM customers WHERE id = 3;
ALTER TABLE orders DROP CONSTRAINT orders_customer_fk;

-- a dangling row: the first one in the table is reported, nothing is added
INSERT INTO orders VALUES (14, 9, 3.00), (15, 8, 4.00);
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);
ALTER TABLE orders ADD FOREIGN KEY (customer_id) REFERENCES customers;
SELECT count(*) FROM pg_constraint WHERE conrelid = 'orders'::regclass AND contype = 'f';

-- several actions in one statement: all or nothing
ALTER TABLE orders ADD COLUMN note text, ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);
SELECT attname FROM pg_attribute WHERE attrelid = 'orders'::regclass AND attnum > 0 ORDER BY attnum;

-- NOT VALID skips the existing rows but checks new ones
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
SELECT conname, convalidated, pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'orders_customer_fk';
INSERT INTO orders VALUES (16, 7, 1.00);
INSERT INTO orders VALUES (16, 1, 1.00);
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;
SELECT convalidated FROM pg_constraint WHERE conname = 'orders_customer_fk';
DELETE FROM orders WHERE customer_id IN (8, 9);
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;
SELECT convalidated FROM pg_constraint WHERE conname = 'orders_customer_fk';
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;
ALTER TABLE orders VALIDATE CONSTRAINT no_such_constraint;

-- rows written earlier in the same transaction count, on both sides
BEGIN;
CREATE TABLE products (sku text PRIMARY KEY);
CREATE TABLE order_lines (order_id int, sku text);
INSERT INTO products VALUES ('A'), ('B');
INSERT INTO order_lines VALUES (10, 'A'), (11, 'B');
ALTER TABLE order_lines ADD CONSTRAINT order_lines_sku_fk FOREIGN KEY (sku) REFERENCES products;
ROLLBACK;
BEGIN;
CREATE TABLE products (sku text PRIMARY KEY);
CREATE TABLE order_lines (order_id int, sku text);
INSERT INTO products VALUES ('A'), ('B');
INSERT INTO order_lines VALUES (10, 'A'), (11, 'B');
DELETE FROM products WHERE sku = 'B';
ALTER TABLE order_lines ADD CONSTRAINT order_lines_sku_fk FOREIGN KEY (sku) REFERENCES products;
ROLLBACK;
BEGIN;
CREATE TABLE products (sku text PRIMARY KEY);
CREATE TABLE order_lines (order_id int, sku text);
INSERT INTO products VALUES ('A'), ('B');
INSERT INTO order_lines VALUES (10, 'A'), (11, 'b');
UPDATE products SET sku = 'b' WHERE sku = 'B';
ALTER TABLE order_lines ADD CONSTRAINT order_lines_sku_fk FOREIGN KEY (sku) REFERENCES products;
SELECT conname, convalidated FROM pg_constraint WHERE conrelid = 'order_lines'::regclass;
UPDATE products SET sku = 'c' WHERE sku = 'b';
ROLLBACK;
SELECT count(*) FROM pg_class WHERE relname IN ('products', 'order_lines');

-- composite keys, MATCH SIMPLE and MATCH FULL
CREATE TABLE regions (country text, code text, name text, PRIMARY KEY (country, code));
INSERT INTO regions VALUES ('US', 'CA', 'California'), ('US', 'NY', 'New York'), ('FR', 'IDF', 'Ile-de-France');
CREATE TABLE stores (id int PRIMARY KEY, country text, region text);
INSERT INTO stores VALUES (1, 'US', 'CA'), (2, 'FR', NULL), (3, NULL, 'ZZ'), (4, NULL, NULL);
ALTER TABLE stores ADD CONSTRAINT stores_region_fk FOREIGN KEY (country, region) REFERENCES regions;
ALTER TABLE stores DROP CONSTRAINT stores_region_fk;
ALTER TABLE stores ADD CONSTRAINT stores_region_full FOREIGN KEY (country, region) REFERENCES regions MATCH FULL;
DELETE FROM stores WHERE id = 2;
ALTER TABLE stores ADD CONSTRAINT stores_region_full FOREIGN KEY (country, region) REFERENCES regions MATCH FULL;
DELETE FROM stores WHERE id = 3;
ALTER TABLE stores ADD CONSTRAINT stores_region_full FOREIGN KEY (country, region) REFERENCES regions MATCH FULL;
SELECT conname, confmatchtype, convalidated, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'stores'::regclass AND contype = 'f' ORDER BY conname;
INSERT INTO stores VALUES (5, 'US', 'TX');
ALTER TABLE stores DROP CONSTRAINT stores_region_full;
INSERT INTO stores VALUES (5, 'US', 'TX'), (6, 'US', 'WA');
ALTER TABLE stores ADD CONSTRAINT stores_region_fk FOREIGN KEY (country, region) REFERENCES regions (country, code);
ALTER TABLE stores ADD CONSTRAINT stores_region_fk FOREIGN KEY (country, region) REFERENCES regions (country, code) NOT VALID;
ALTER TABLE stores VALIDATE CONSTRAINT stores_region_fk;

-- self-reference: a row may point at itself or at any other row already there
CREATE TABLE employees (id int PRIMARY KEY, manager_id int, name text);
INSERT INTO employees VALUES (1, 1, 'ceo'), (2, 1, 'cto'), (3, 2, 'dev'), (4, NULL, 'contractor');
ALTER TABLE employees ADD CONSTRAINT employees_manager_fk FOREIGN KEY (manager_id) REFERENCES employees (id);
ALTER TABLE employees DROP CONSTRAINT employees_manager_fk;
UPDATE employees SET manager_id = 40 WHERE id = 3;
ALTER TABLE employees ADD CONSTRAINT employees_manager_fk FOREIGN KEY (manager_id) REFERENCES employees (id) ON DELETE SET NULL;
SELECT count(*) FROM pg_constraint WHERE conname = 'employees_manager_fk';

-- referencing a UNIQUE column, with type coercion (int referencing bigint), text output of keys
CREATE TABLE accounts (id bigint PRIMARY KEY, handle text UNIQUE);
INSERT INTO accounts VALUES (100, 'alice'), (200, 'bob');
CREATE TABLE posts (id int, author text, account_id int);
INSERT INTO posts VALUES (1, 'alice', 100), (2, 'carol', 200), (3, 'bob', 300);
ALTER TABLE posts ADD CONSTRAINT posts_author_fk FOREIGN KEY (author) REFERENCES accounts (handle);
ALTER TABLE posts ADD CONSTRAINT posts_account_fk FOREIGN KEY (account_id) REFERENCES accounts;
UPDATE posts SET author = 'bob', account_id = 200 WHERE id IN (2, 3);
ALTER TABLE posts ADD CONSTRAINT posts_author_fk FOREIGN KEY (author) REFERENCES accounts (handle),
  ADD CONSTRAINT posts_account_fk FOREIGN KEY (account_id) REFERENCES accounts;
SELECT conname, convalidated FROM pg_constraint WHERE conrelid = 'posts'::regclass ORDER BY conname;

-- a column added in the same statement with a default, then referenced
CREATE TABLE plans (code text PRIMARY KEY);
INSERT INTO plans VALUES ('free'), ('pro');
CREATE TABLE tenants (id int PRIMARY KEY);
INSERT INTO tenants VALUES (1), (2);
ALTER TABLE tenants ADD COLUMN plan text DEFAULT 'free' REFERENCES plans;
ALTER TABLE tenants ADD COLUMN plan2 text DEFAULT 'gold' REFERENCES plans;
SELECT * FROM tenants ORDER BY id;

-- CHECK, UNIQUE, PRIMARY KEY and NOT NULL on populated tables
CREATE TABLE invoices (id int, amount numeric, status text, ref text);
INSERT INTO invoices VALUES (1, 10, 'paid', 'R1'), (2, -5, 'open', 'R2'), (3, 7, NULL, 'R2'), (NULL, 1, 'open', NULL);
ALTER TABLE invoices ADD CONSTRAINT invoices_amount_check CHECK (amount >= 0);
ALTER TABLE invoices ADD CONSTRAINT invoices_amount_check CHECK (amount >= 0) NOT VALID;
SELECT conname, convalidated, pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'invoices_amount_check';
ALTER TABLE invoices VALIDATE CONSTRAINT invoices_amount_check;
ALTER TABLE invoices ADD CHECK (status IN ('paid', 'open'));
ALTER TABLE invoices ADD UNIQUE (ref);
ALTER TABLE invoices ADD CONSTRAINT invoices_pkey PRIMARY KEY (id);
ALTER TABLE invoices ALTER COLUMN status SET NOT NULL;
ALTER TABLE invoices ADD CONSTRAINT status_nn NOT NULL status;
UPDATE invoices SET id = 4 WHERE id IS NULL;
UPDATE invoices SET id = 1 WHERE id = 3;
ALTER TABLE invoices ADD CONSTRAINT invoices_pkey PRIMARY KEY (id);
UPDATE invoices SET id = 3 WHERE amount = 7;
ALTER TABLE invoices ADD CONSTRAINT invoices_pkey PRIMARY KEY (id);
UPDATE invoices SET ref = 'R3' WHERE amount = 7;
ALTER TABLE invoices ADD UNIQUE (ref);
UPDATE invoices SET amount = 5 WHERE amount < 0;
ALTER TABLE invoices VALIDATE CONSTRAINT invoices_amount_check;
UPDATE invoices SET status = 'open' WHERE status IS NULL;
ALTER TABLE invoices ALTER COLUMN status SET NOT NULL, ADD CHECK (status IN ('paid', 'open'));
SELECT conname, contype, convalidated, pg_get_constraintdef(oid) FROM pg_constraint
 WHERE conrelid = 'invoices'::regclass ORDER BY conname;

-- a deferrable foreign key is still validated at once against existing rows
CREATE TABLE teams (id int PRIMARY KEY);
INSERT INTO teams VALUES (1);
CREATE TABLE members (id int PRIMARY KEY, team_id int);
INSERT INTO members VALUES (1, 1), (2, 5);
BEGIN;
ALTER TABLE members ADD CONSTRAINT members_team_fk FOREIGN KEY (team_id) REFERENCES teams DEFERRABLE INITIALLY DEFERRED;
ROLLBACK;
BEGIN;
SET CONSTRAINTS ALL DEFERRED;
ALTER TABLE members ADD CONSTRAINT members_team_fk FOREIGN KEY (team_id) REFERENCES teams DEFERRABLE;
ROLLBACK;
ALTER TABLE members ADD CONSTRAINT members_team_fk FOREIGN KEY (team_id) REFERENCES teams DEFERRABLE INITIALLY DEFERRED NOT VALID;
BEGIN;
ALTER TABLE members VALIDATE CONSTRAINT members_team_fk;
ROLLBACK;
BEGIN;
DELETE FROM members WHERE id = 2;
ALTER TABLE members VALIDATE CONSTRAINT members_team_fk;
INSERT INTO members VALUES (3, 9);
SELECT conname, condeferrable, condeferred, convalidated FROM pg_constraint WHERE conname = 'members_team_fk';
COMMIT;
SELECT conname, convalidated FROM pg_constraint WHERE conname = 'members_team_fk';
SELECT * FROM members ORDER BY id;
