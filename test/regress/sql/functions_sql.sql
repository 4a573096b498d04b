-- regress: where
-- LANGUAGE sql functions: overloads, named and default arguments, VARIADIC, polymorphism,
-- composite and set-returning results, DML in bodies, BEGIN ATOMIC, replacing and dropping.
CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL, email text UNIQUE, tier text NOT NULL DEFAULT 'free');
CREATE TABLE orders (id int PRIMARY KEY, customer_id int NOT NULL REFERENCES customers, amount numeric(10,2) NOT NULL, status text NOT NULL DEFAULT 'open');
INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'pro'), (2, 'Grace', 'grace@example.com', 'free'), (3, 'Linus', NULL, 'free');
INSERT INTO orders VALUES (10, 1, 25.50, 'paid'), (11, 1, 10.00, 'open'), (12, 2, 99.99, 'paid'), (13, 3, 5.25, 'cancelled');

CREATE FUNCTION add_tax(amount numeric, rate numeric DEFAULT 0.2) RETURNS numeric LANGUAGE sql IMMUTABLE AS 'SELECT round(amount * (1 + rate), 2)';
SELECT add_tax(10), add_tax(10, 0.05), add_tax(rate => 0.1, amount => 100), add_tax(50, rate := 0);
SELECT id, add_tax(amount) FROM orders ORDER BY id;
CREATE FUNCTION add_tax(amount integer) RETURNS numeric LANGUAGE sql AS 'SELECT amount * 2';
SELECT add_tax(3), add_tax(3.0), add_tax('4');
CREATE FUNCTION add_tax(amount numeric, rate numeric DEFAULT 0.2) RETURNS numeric LANGUAGE sql AS 'SELECT 0';
CREATE OR REPLACE FUNCTION add_tax(amount numeric, rate numeric) RETURNS text LANGUAGE sql AS 'SELECT 0';
CREATE OR REPLACE FUNCTION add_tax(amt numeric, rate numeric) RETURNS numeric LANGUAGE sql AS 'SELECT 0';
CREATE OR REPLACE FUNCTION add_tax(amount numeric, rate numeric) RETURNS numeric LANGUAGE sql AS 'SELECT 0';
CREATE OR REPLACE FUNCTION add_tax(amount numeric, rate numeric DEFAULT 0.25) RETURNS numeric LANGUAGE sql IMMUTABLE AS 'SELECT round(amount * (1 + rate), 2)';
SELECT add_tax(100);
SELECT add_tax();
SELECT add_tax(1, 2, 3);
SELECT add_tax(amount => 1, amount => 2);

CREATE FUNCTION customer_total(cid int) RETURNS numeric LANGUAGE sql STABLE AS $$
  SELECT coalesce(sum(amount), 0) FROM orders WHERE customer_id = cid AND status <> 'cancelled'
$$;
SELECT c.name, customer_total(c.id) FROM customers c ORDER BY c.id;
SELECT customer_total(NULL), customer_total(42);

CREATE FUNCTION customer_by_id(cid int) RETURNS customers LANGUAGE sql STABLE AS 'SELECT * FROM customers WHERE id = $1';
SELECT customer_by_id(2);
SELECT * FROM customer_by_id(1);
SELECT (customer_by_id(1)).email, (customer_by_id(3)).tier;
SELECT * FROM customer_by_id(99);

CREATE FUNCTION customers_in_tier(t text) RETURNS SETOF customers LANGUAGE sql STABLE AS 'SELECT * FROM customers WHERE tier = t ORDER BY id';
SELECT * FROM customers_in_tier('free');
SELECT name FROM customers_in_tier('pro');
SELECT count(*) FROM customers_in_tier('none');

CREATE FUNCTION order_report(min_amount numeric DEFAULT 0) RETURNS TABLE (order_id int, customer text, total numeric) LANGUAGE sql STABLE AS $$
  SELECT o.id, c.name, o.amount FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.amount >= min_amount ORDER BY o.id
$$;
SELECT * FROM order_report(20);
SELECT customer, total FROM order_report() WHERE total < 20 ORDER BY order_id;
SELECT order_report(50);

CREATE FUNCTION order_stats(cid int, OUT n bigint, OUT total numeric, OUT biggest numeric) LANGUAGE sql STABLE AS
  'SELECT count(*), sum(amount), max(amount) FROM orders WHERE customer_id = cid';
SELECT * FROM order_stats(1);
SELECT order_stats(2);
SELECT n FROM order_stats(3);

CREATE FUNCTION first_email(OUT email text) LANGUAGE sql AS 'SELECT email FROM customers WHERE email IS NOT NULL ORDER BY id LIMIT 1';
SELECT * FROM first_email();
SELECT first_email();

CREATE FUNCTION open_order(oid int, cid int, amt numeric) RETURNS orders LANGUAGE sql AS $$
  INSERT INTO orders (id, customer_id, amount) VALUES (oid, cid, amt) RETURNING *
$$;
SELECT * FROM open_order(14, 2, 12.00);
SELECT open_order(15, 99, 1);
SELECT open_order(14, 2, 1);
SELECT count(*) FROM orders;

CREATE FUNCTION cancel_orders(cid int) RETURNS void LANGUAGE sql AS $$
  UPDATE orders SET status = 'cancelled' WHERE customer_id = cid AND status = 'open';
  DELETE FROM orders WHERE customer_id = cid AND amount < 6;
$$;
SELECT cancel_orders(2);
SELECT id, status FROM orders ORDER BY id;

CREATE FUNCTION promote(cid int) RETURNS text LANGUAGE sql AS $$
  UPDATE customers SET tier = 'pro' WHERE id = cid;
  SELECT tier FROM customers WHERE id = cid;
$$;
SELECT promote(2);
SELECT promote(99);

CREATE FUNCTION double_it(x int) RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT x * 2; END;
SELECT double_it(21);
CREATE FUNCTION triple_it(x int) RETURNS int LANGUAGE sql RETURN x * 3;
SELECT triple_it(5), double_it(triple_it(2));

CREATE FUNCTION total_of(VARIADIC amounts numeric[]) RETURNS numeric LANGUAGE sql IMMUTABLE AS 'SELECT sum(a) FROM unnest(amounts) a';
SELECT total_of(1, 2, 3.5), total_of(VARIADIC ARRAY[10, 20]), total_of(7);
CREATE FUNCTION bad_variadic(VARIADIC x int) RETURNS int LANGUAGE sql AS 'SELECT 1';

CREATE FUNCTION first_of(anyarray) RETURNS anyelement LANGUAGE sql IMMUTABLE AS 'SELECT $1[1]';
SELECT first_of(ARRAY[3, 2, 1]), first_of(ARRAY['x', 'y']), pg_typeof(first_of(ARRAY[1.5]));
CREATE FUNCTION pair(a anyelement, b anyelement) RETURNS anyarray LANGUAGE sql IMMUTABLE AS 'SELECT ARRAY[a, b]';
SELECT pair(1, 2), pair('a'::text, 'b');
SELECT pair(1, 'x'::text);

CREATE FUNCTION safe_div(a int, b int) RETURNS int LANGUAGE sql STRICT IMMUTABLE AS 'SELECT a / b';
SELECT safe_div(10, 2), safe_div(NULL, 2), safe_div(1, NULL);
SELECT safe_div(1, 0);
SELECT safe_div(id, 0) FROM customers WHERE id = 1;
CREATE FUNCTION lenient(a int) RETURNS int LANGUAGE sql AS 'SELECT coalesce(a, -1)';
SELECT lenient(NULL), lenient(5);

CREATE FUNCTION scale(amount numeric, factor int) RETURNS numeric LANGUAGE sql AS 'SELECT scale.amount * factor';
SELECT scale(2.5, 4);
CREATE FUNCTION shadow(id int) RETURNS int LANGUAGE sql AS 'SELECT id FROM customers WHERE id = 3';
SELECT shadow(1);

CREATE FUNCTION wrong_type() RETURNS int LANGUAGE sql AS 'SELECT ''x''';
CREATE FUNCTION two_columns() RETURNS int LANGUAGE sql AS 'SELECT 1, 2';
CREATE FUNCTION no_result() RETURNS int LANGUAGE sql AS 'DELETE FROM orders WHERE false';
CREATE FUNCTION missing_column(a int) RETURNS int LANGUAGE sql AS 'SELECT b';
CREATE FUNCTION missing_table() RETURNS int LANGUAGE sql AS 'SELECT count(*)::int FROM nosuch';
CREATE FUNCTION bad_default(a int DEFAULT 1, b int) RETURNS int LANGUAGE sql AS 'SELECT 1';
CREATE FUNCTION dup_param(a int, a int) RETURNS int LANGUAGE sql AS 'SELECT 1';
CREATE FUNCTION no_return(a int) LANGUAGE sql AS 'SELECT 1';
CREATE FUNCTION out_mismatch(OUT a int) RETURNS text LANGUAGE sql AS 'SELECT 1';
CREATE FUNCTION no_lang() RETURNS int AS 'SELECT 1';
CREATE FUNCTION unknown_lang() RETURNS int LANGUAGE cobol AS 'x';
CREATE FUNCTION poly_result(a int) RETURNS anyelement LANGUAGE sql AS 'SELECT a';
CREATE FUNCTION opts() RETURNS int LANGUAGE sql STABLE VOLATILE AS 'SELECT 1';
CREATE FUNCTION sql_trigger() RETURNS trigger LANGUAGE sql AS 'SELECT 1';
SELECT nosuch_function(1);
SELECT customer_total('x');

CREATE SCHEMA billing;
CREATE FUNCTION billing.fee(amount numeric) RETURNS numeric LANGUAGE sql AS 'SELECT amount * 0.03';
SELECT billing.fee(100);
SELECT fee(100);
SET search_path = billing, public;
SELECT fee(200), add_tax(1);
RESET search_path;
SELECT nosuch.fee(1);

BEGIN;
CREATE FUNCTION temporary_helper() RETURNS int LANGUAGE sql AS 'SELECT 42';
SELECT temporary_helper();
ROLLBACK;
SELECT temporary_helper();

DROP FUNCTION add_tax(int);
DROP FUNCTION add_tax;
SELECT add_tax(1);
DROP FUNCTION add_tax(numeric, numeric);
DROP FUNCTION add_tax(numeric, numeric);
DROP FUNCTION IF EXISTS add_tax(numeric, numeric);
DROP FUNCTION IF EXISTS nothing_here();
DROP FUNCTION triple_it, double_it;
DROP FUNCTION nosuch;
SELECT double_it(1);

CREATE SCHEMA reports;
CREATE TABLE reports.daily (id int);
CREATE FUNCTION reports.f(a int) RETURNS int LANGUAGE sql AS 'SELECT a';
CREATE FUNCTION reports.g() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER daily_g BEFORE INSERT ON reports.daily FOR EACH ROW EXECUTE FUNCTION reports.g();
DROP SCHEMA reports;
DROP SCHEMA reports CASCADE;
SELECT reports.f(1);
CREATE FUNCTION next_code() RETURNS int LANGUAGE sql AS 'SELECT 7';
CREATE TABLE coded (id int DEFAULT next_code(), n int CHECK (n <> next_code()));
DROP FUNCTION next_code();
DROP FUNCTION next_code() CASCADE;
INSERT INTO coded (n) VALUES (7) RETURNING *;

CREATE FUNCTION tax_rate(region text) RETURNS numeric LANGUAGE sql AS $$ SELECT CASE region WHEN 'eu' THEN 0.2 ELSE 0.1 END $$;
ALTER FUNCTION tax_rate(text) OWNER TO postgres;
ALTER FUNCTION tax_rate(text) STABLE STRICT SECURITY DEFINER SET search_path = public COST 5;
SELECT tax_rate('eu'), tax_rate(NULL);
ALTER FUNCTION tax_rate(text) RESET ALL;
ALTER FUNCTION tax_rate(text) RENAME TO vat_rate;
SELECT vat_rate('us');
SELECT tax_rate('us');
CREATE FUNCTION tax_rate(region text) RETURNS numeric LANGUAGE sql AS 'SELECT 0';
ALTER FUNCTION tax_rate(text) RENAME TO vat_rate;
CREATE SCHEMA finance;
ALTER FUNCTION vat_rate(text) SET SCHEMA finance;
SELECT finance.vat_rate('eu');
ALTER FUNCTION nosuch(int) STABLE;
ALTER PROCEDURE finance.vat_rate(text) STABLE;
