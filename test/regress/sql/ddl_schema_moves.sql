-- ALTER ... SET SCHEMA: reorganising an application's objects into schemas (a SaaS billing
-- module moved out of public), what moves along, what keeps working, and Postgres's errors.
CREATE SCHEMA billing;
CREATE SCHEMA archive;
CREATE TABLE customers (id serial PRIMARY KEY, email text NOT NULL UNIQUE, plan text CHECK (plan IN ('free', 'pro')));
CREATE TABLE invoices (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id int NOT NULL REFERENCES customers (id),
  total_cents int NOT NULL CHECK (total_cents >= 0),
  issued_on date NOT NULL
);
CREATE INDEX invoices_customer_idx ON invoices (customer_id);
INSERT INTO customers (email, plan) VALUES ('ann@example.com', 'pro'), ('bob@example.com', 'free');
INSERT INTO invoices (customer_id, total_cents, issued_on) VALUES (1, 1200, '2024-01-31'), (1, 1200, '2024-02-29'), (2, 0, '2024-02-29');
CREATE VIEW customer_totals AS
  SELECT c.email, sum(i.total_cents) AS total_cents, count(*) AS n
  FROM customers c JOIN invoices i ON i.customer_id = c.id
  GROUP BY c.email;
CREATE VIEW pro_customers AS SELECT id, email FROM public.customers WHERE plan = 'pro';
CREATE MATERIALIZED VIEW monthly AS SELECT date_trunc('month', issued_on)::date AS month, sum(total_cents) AS cents FROM invoices GROUP BY 1;
CREATE SEQUENCE receipt_no START 1000;
CREATE TYPE invoice_status AS ENUM ('draft', 'sent', 'paid');
CREATE DOMAIN cents AS int CHECK (VALUE >= 0);
CREATE TYPE money_pair AS (amount cents, currency char(3));
CREATE FUNCTION invoice_count(cid int) RETURNS bigint LANGUAGE sql STABLE
  BEGIN ATOMIC SELECT count(*) FROM invoices WHERE customer_id = cid; END;
CREATE FUNCTION next_receipt() RETURNS bigint LANGUAGE sql AS $$ SELECT nextval('receipt_no') $$;

-- a table moves with its indexes, constraints, owned sequences (serial and identity) and row type
ALTER TABLE invoices SET SCHEMA billing;
ALTER TABLE customers SET SCHEMA billing;
SELECT c.relname, c.relkind, c.relnamespace::regnamespace AS schema
  FROM pg_class c WHERE c.relname LIKE 'customers%' OR c.relname LIKE 'invoices%' ORDER BY c.relname;
SELECT conname, contype, connamespace::regnamespace AS schema, conrelid::regclass AS rel
  FROM pg_constraint WHERE conrelid IN ('billing.customers'::regclass, 'billing.invoices'::regclass) ORDER BY conname;
SELECT typname, typnamespace::regnamespace AS schema FROM pg_type WHERE typname IN ('customers', '_customers', 'invoices', '_invoices') ORDER BY typname;
SELECT a.attname, pg_get_expr(d.adbin, d.adrelid) AS default_expr
  FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
  WHERE d.adrelid = 'billing.customers'::regclass;
SELECT pg_get_serial_sequence('billing.invoices', 'id'), pg_get_serial_sequence('billing.customers', 'id');
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'invoices_customer_id_fkey';
SELECT indexrelid::regclass, pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid = 'billing.invoices'::regclass ORDER BY 1;
-- the old names are gone from public; qualified and search_path names find the new ones
SELECT * FROM invoices;
SELECT count(*) FROM billing.invoices;
SET search_path = billing, public;
SELECT relname FROM pg_class WHERE oid = 'invoices'::regclass;
INSERT INTO customers (email) VALUES ('cy@example.com') RETURNING id;
INSERT INTO invoices (customer_id, total_cents, issued_on) VALUES (3, 500, '2024-03-31') RETURNING id;
RESET search_path;
-- views that read the moved tables keep reading them (bound to the tables, not their names)
SELECT * FROM customer_totals ORDER BY email;
SELECT * FROM pro_customers ORDER BY id;
SELECT pg_get_viewdef('customer_totals'::regclass, true);
SELECT pg_get_viewdef('pro_customers'::regclass, true);
REFRESH MATERIALIZED VIEW monthly;
SELECT * FROM monthly ORDER BY month;
SELECT invoice_count(1);
INSERT INTO billing.invoices (customer_id, total_cents, issued_on) VALUES (1, 300, '2024-03-31');
SELECT invoice_count(1);
-- views, materialized views and sequences move too
ALTER VIEW customer_totals SET SCHEMA billing;
ALTER MATERIALIZED VIEW monthly SET SCHEMA billing;
ALTER SEQUENCE receipt_no SET SCHEMA billing;
SELECT relname, relkind, relnamespace::regnamespace FROM pg_class WHERE relname IN ('customer_totals', 'monthly', 'receipt_no') ORDER BY relname;
SELECT typname, typnamespace::regnamespace FROM pg_type WHERE typname IN ('customer_totals', '_customer_totals', 'monthly') ORDER BY typname;
SELECT * FROM billing.customer_totals ORDER BY email;
SELECT nextval('billing.receipt_no');
-- a function body that names the sequence by text is resolved when it runs (as in Postgres)
SELECT next_receipt();
-- ALTER TABLE also moves views and sequences; moving to the same schema does nothing
ALTER TABLE pro_customers SET SCHEMA billing;
ALTER TABLE billing.receipt_no SET SCHEMA public;
ALTER TABLE billing.invoices SET SCHEMA billing;
SELECT relname, relnamespace::regnamespace FROM pg_class WHERE relname IN ('pro_customers', 'receipt_no') ORDER BY relname;
-- types, domains, enums and composite types
ALTER TYPE invoice_status SET SCHEMA billing;
ALTER DOMAIN cents SET SCHEMA billing;
ALTER TYPE money_pair SET SCHEMA billing;
SELECT t.typname, t.typtype, t.typnamespace::regnamespace FROM pg_type t
  WHERE t.typname IN ('invoice_status', '_invoice_status', 'cents', '_cents', 'money_pair', '_money_pair') ORDER BY t.typname;
SELECT relname, relkind, relnamespace::regnamespace FROM pg_class WHERE relname = 'money_pair';
SELECT 'paid'::billing.invoice_status, 5::billing.cents, ROW(100, 'EUR')::billing.money_pair;
SELECT -1::billing.cents;
SELECT format_type('billing.invoice_status'::regtype, NULL), 'billing.cents[]'::regtype;
CREATE TABLE billing.payments (id int PRIMARY KEY, status billing.invoice_status, amount billing.cents);
SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'billing.payments'::regclass AND attnum > 0 ORDER BY attnum;
-- functions and procedures
ALTER FUNCTION invoice_count(int) SET SCHEMA billing;
SELECT proname, pronamespace::regnamespace FROM pg_proc WHERE proname IN ('invoice_count', 'next_receipt') ORDER BY proname;
SELECT billing.invoice_count(2);
CREATE PROCEDURE close_month() LANGUAGE sql AS $$ SELECT 1 $$;
ALTER PROCEDURE close_month() SET SCHEMA billing;
SELECT proname, prokind, pronamespace::regnamespace FROM pg_proc WHERE proname = 'close_month';
-- comments and privileges stay with the object
COMMENT ON TABLE billing.invoices IS 'Issued invoices';
ALTER TABLE billing.invoices SET SCHEMA archive;
SELECT obj_description('archive.invoices'::regclass, 'pg_class');
ALTER TABLE archive.invoices SET SCHEMA billing;

-- errors
ALTER TABLE nosuch SET SCHEMA billing;
ALTER TABLE IF EXISTS nosuch SET SCHEMA billing;
ALTER VIEW IF EXISTS nosuch SET SCHEMA billing;
ALTER SEQUENCE IF EXISTS nosuch SET SCHEMA billing;
ALTER TABLE billing.customers SET SCHEMA nosuch;
ALTER VIEW billing.customers SET SCHEMA archive;
ALTER MATERIALIZED VIEW billing.customers SET SCHEMA archive;
ALTER SEQUENCE billing.customers SET SCHEMA archive;
ALTER MATERIALIZED VIEW billing.pro_customers SET SCHEMA archive;
ALTER VIEW billing.monthly SET SCHEMA archive;
ALTER VIEW receipt_no SET SCHEMA archive;
ALTER TABLE billing.money_pair SET SCHEMA archive;
ALTER VIEW billing.money_pair SET SCHEMA archive;
ALTER TABLE billing.invoices_customer_idx SET SCHEMA archive;
ALTER TABLE billing.invoices_id_seq SET SCHEMA archive;
ALTER SEQUENCE billing.customers_id_seq SET SCHEMA archive;
ALTER TABLE pg_class SET SCHEMA archive;
ALTER TABLE pg_catalog.pg_type SET SCHEMA billing;
CREATE TABLE archive.customers (id int);
ALTER TABLE billing.customers SET SCHEMA archive;
CREATE TABLE archive.invoices_pkey (x int);
ALTER TABLE billing.invoices SET SCHEMA archive;
SELECT relnamespace::regnamespace FROM pg_class WHERE relname = 'invoices';
CREATE TABLE archive.old_payments (id int);
CREATE TYPE billing.old_payments AS (a int);
ALTER TABLE archive.old_payments SET SCHEMA billing;
CREATE DOMAIN archive.discount AS int;
CREATE TABLE discount (pct int);
ALTER TABLE discount SET SCHEMA archive;
CREATE TYPE archive.invoice_status AS ENUM ('x');
ALTER TYPE archive.invoice_status SET SCHEMA billing;
CREATE DOMAIN billing.discount AS int;
ALTER DOMAIN archive.discount SET SCHEMA billing;
ALTER DOMAIN billing.invoice_status SET SCHEMA archive;
ALTER DOMAIN nosuch SET SCHEMA archive;
ALTER TYPE nosuch SET SCHEMA archive;
ALTER TYPE billing.invoice_status SET SCHEMA nosuch;
ALTER TYPE billing._invoice_status SET SCHEMA archive;
ALTER TYPE billing.payments SET SCHEMA archive;
ALTER TYPE billing.money_pair SET SCHEMA billing;
ALTER FUNCTION nosuch() SET SCHEMA archive;
CREATE FUNCTION archive.invoice_count(cid int) RETURNS bigint LANGUAGE sql AS 'SELECT 0::bigint';
ALTER FUNCTION billing.invoice_count(int) SET SCHEMA archive;
ALTER EXTENSION plpgsql SET SCHEMA archive;
ALTER EXTENSION nosuch SET SCHEMA archive;
-- temporary and TOAST schemas
CREATE TEMP TABLE scratch_totals (n int);
ALTER TABLE scratch_totals SET SCHEMA public;
ALTER TABLE archive.old_payments SET SCHEMA pg_temp;
ALTER TABLE archive.old_payments SET SCHEMA pg_toast;
ALTER TYPE billing.invoice_status SET SCHEMA pg_toast;
-- a transaction that moves a table and rolls back leaves it where it was
CREATE SCHEMA reports;
BEGIN;
ALTER TABLE billing.customers SET SCHEMA reports;
SELECT count(*) FROM reports.customers;
SELECT * FROM billing.pro_customers ORDER BY id;
ROLLBACK;
SELECT relnamespace::regnamespace FROM pg_class WHERE oid = 'billing.customers'::regclass;
-- dropping the old schema no longer touches what moved out of it
DROP SCHEMA archive CASCADE;
SELECT count(*) FROM billing.customers;
