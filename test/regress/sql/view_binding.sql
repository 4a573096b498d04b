-- Views are bound to the objects they name when they are created: renames, schema moves and
-- search_path changes leave them reading the same tables, columns, functions and types, and
-- their definitions print the current names.
CREATE SCHEMA shop;
SET search_path = shop, public;
CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped');
CREATE TABLE customers (id int PRIMARY KEY, full_name text NOT NULL, email text, created_at date DEFAULT '2024-01-01');
CREATE TABLE orders (id int PRIMARY KEY, customer_id int REFERENCES customers, status order_status NOT NULL DEFAULT 'new', total numeric(10,2) NOT NULL);
INSERT INTO customers VALUES (1, 'Ann Lee', 'ann@example.com'), (2, 'Bob Roy', NULL), (3, 'Cy Twombly', 'cy@example.com');
INSERT INTO orders VALUES (10, 1, 'paid', 25.50), (11, 1, 'new', 4.00), (12, 2, 'shipped', 99.99), (13, 3, 'paid', 12.00);
CREATE FUNCTION with_tax(numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS 'SELECT round($1 * 1.2, 2)';
CREATE VIEW paid_orders AS
  SELECT o.id, o.customer_id, o.total, with_tax(o.total) AS gross
  FROM orders o WHERE o.status = 'paid'::order_status;
CREATE VIEW customer_totals AS
  SELECT c.id, c.full_name, count(o.id) AS n_orders, sum(o.total) AS spent
  FROM customers c LEFT JOIN orders o ON o.customer_id = c.id
  GROUP BY c.id, c.full_name;
CREATE VIEW all_customers AS SELECT * FROM customers;
CREATE VIEW top_customers AS
  SELECT t.full_name, t.spent FROM customer_totals t WHERE t.spent > 20;
SELECT * FROM paid_orders ORDER BY id;
SELECT * FROM top_customers ORDER BY full_name;

-- Renaming a column: the views keep reading it, their column names stay.
ALTER TABLE customers RENAME COLUMN full_name TO display_name;
SELECT * FROM customer_totals ORDER BY id;
SELECT * FROM all_customers ORDER BY id;
SELECT pg_get_viewdef('customer_totals'::regclass, true);
SELECT pg_get_viewdef('all_customers'::regclass);
SELECT * FROM top_customers ORDER BY full_name;

-- Renaming the table.
ALTER TABLE orders RENAME TO purchases;
SELECT * FROM paid_orders ORDER BY id;
SELECT pg_get_viewdef('paid_orders'::regclass, true);
SELECT view_definition FROM information_schema.views WHERE table_name = 'customer_totals';

-- A column added later is not part of a `*` view.
ALTER TABLE customers ADD COLUMN phone text;
UPDATE customers SET phone = '555-0100' WHERE id = 1;
SELECT * FROM all_customers ORDER BY id;
SELECT pg_get_viewdef('all_customers'::regclass, true);

-- Renaming a view and a view's column: views over it follow.
ALTER VIEW customer_totals RENAME TO customer_summary;
ALTER VIEW customer_summary RENAME COLUMN spent TO total_spent;
SELECT * FROM top_customers ORDER BY full_name;
SELECT pg_get_viewdef('top_customers'::regclass, true);

-- Renaming the function and the type the view uses.
ALTER FUNCTION with_tax(numeric) RENAME TO add_vat;
ALTER TYPE order_status RENAME TO purchase_status;
SELECT * FROM paid_orders ORDER BY id;
SELECT pg_get_viewdef('paid_orders'::regclass, true);

-- Replacing the function's body changes what the view computes (it names the function, not its body).
CREATE OR REPLACE FUNCTION add_vat(numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS 'SELECT round($1 * 1.1, 2)';
SELECT id, gross FROM paid_orders ORDER BY id;

-- Moving the table to another schema.
CREATE SCHEMA archive;
ALTER TABLE purchases SET SCHEMA archive;
SELECT * FROM paid_orders ORDER BY id;
SELECT pg_get_viewdef('paid_orders'::regclass, true);
SELECT * FROM customer_summary ORDER BY id;

-- A table of the old name created later, and a different search_path, do not rebind the view.
CREATE TABLE purchases (id int, customer_id int, status text, total numeric);
SET search_path = public;
SELECT * FROM shop.paid_orders ORDER BY id;
SELECT pg_get_viewdef('shop.paid_orders'::regclass, true);
SET search_path = shop, public;
DROP TABLE purchases;

-- Dependencies: columns a view uses cannot change type or be dropped without CASCADE.
ALTER TABLE archive.purchases ALTER COLUMN total TYPE numeric(12,2);
ALTER TABLE customers ALTER COLUMN email TYPE varchar(200);
ALTER TABLE archive.purchases DROP COLUMN total;
ALTER TABLE customers DROP COLUMN email;
ALTER TABLE customers DROP COLUMN phone;
DROP TABLE customers;
-- A column no view uses can change and go.
ALTER TABLE customers ADD COLUMN notes text;
ALTER TABLE customers ALTER COLUMN notes TYPE varchar(500);
ALTER TABLE customers DROP COLUMN notes;
SELECT * FROM all_customers ORDER BY id;

-- Updatable views keep working through renames.
CREATE VIEW open_orders AS SELECT id, customer_id, total FROM archive.purchases WHERE status = 'new';
ALTER TABLE archive.purchases RENAME COLUMN total TO amount;
INSERT INTO open_orders VALUES (14, 2, 7.25);
UPDATE open_orders SET total = total + 1 WHERE id = 11;
SELECT id, status, amount FROM archive.purchases ORDER BY id;
SELECT * FROM open_orders ORDER BY id;

-- Materialized views are bound the same way.
CREATE MATERIALIZED VIEW revenue_by_customer AS
  SELECT c.display_name, sum(p.amount) AS revenue
  FROM customers c JOIN archive.purchases p ON p.customer_id = c.id GROUP BY c.display_name;
ALTER TABLE customers RENAME COLUMN display_name TO name;
ALTER TABLE archive.purchases RENAME TO sales;
REFRESH MATERIALIZED VIEW revenue_by_customer;
SELECT * FROM revenue_by_customer ORDER BY display_name;
SELECT pg_get_viewdef('revenue_by_customer'::regclass, true);
ALTER TABLE archive.sales ALTER COLUMN amount TYPE numeric(14,2);

-- CASCADE drops the dependent views (and the views over them).
ALTER TABLE customers DROP COLUMN email CASCADE;
SELECT relname FROM pg_class WHERE relnamespace = 'shop'::regnamespace AND relkind IN ('v', 'm') ORDER BY relname;
ALTER TABLE customers DROP COLUMN name CASCADE;
SELECT relname FROM pg_class WHERE relnamespace = 'shop'::regnamespace AND relkind IN ('v', 'm') ORDER BY relname;
RESET search_path;
DROP VIEW shop.paid_orders, shop.open_orders;
DROP SCHEMA archive CASCADE;
DROP SCHEMA shop CASCADE;
-- Views created with their schema (CREATE SCHEMA ... CREATE TABLE ... CREATE VIEW ...).
CREATE SCHEMA billing
  CREATE TABLE invoices (id int PRIMARY KEY, amount numeric(10,2), paid boolean DEFAULT false)
  CREATE VIEW unpaid AS SELECT id, amount FROM invoices WHERE NOT paid
  CREATE INDEX ON invoices (paid);
SELECT relname, relkind FROM pg_class WHERE relnamespace = 'billing'::regnamespace ORDER BY relname;
INSERT INTO billing.invoices VALUES (1, 10, false), (2, 20, true);
SELECT * FROM billing.unpaid;
ALTER SCHEMA billing RENAME TO accounts;
SELECT * FROM accounts.unpaid;
SELECT pg_get_viewdef('accounts.unpaid'::regclass, true);
CREATE SCHEMA reporting CREATE VIEW totals AS SELECT sum(amount) AS total FROM accounts.invoices;
CREATE SCHEMA reporting2 CREATE TABLE accounts.extra (id int);
CREATE SCHEMA reporting3 CREATE TEMP VIEW t AS SELECT 1 AS one;
SELECT * FROM reporting.totals;
DROP SCHEMA reporting CASCADE;
DROP SCHEMA accounts CASCADE;
-- Updatable views whose condition names a renamed column keep rewriting onto the table.
CREATE TABLE tickets (id int PRIMARY KEY, state text NOT NULL, prio int DEFAULT 3);
INSERT INTO tickets VALUES (1, 'open', 1), (2, 'closed', 2), (3, 'open', 5);
CREATE VIEW open_tickets AS SELECT id, prio, prio * 10 AS score FROM tickets WHERE state = 'open' WITH CHECK OPTION;
ALTER TABLE tickets RENAME COLUMN state TO status;
ALTER TABLE tickets RENAME COLUMN prio TO priority;
UPDATE open_tickets SET prio = prio + 1 WHERE score > 20;
DELETE FROM open_tickets WHERE id = 1;
INSERT INTO open_tickets (id, prio) VALUES (4, 2);
SELECT * FROM tickets ORDER BY id;
SELECT * FROM open_tickets ORDER BY id;
SELECT pg_get_viewdef('open_tickets'::regclass, true);
DROP TABLE tickets CASCADE;
