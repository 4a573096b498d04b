-- PL/pgSQL details: plpgsql.extra_warnings / extra_errors, record expansion, trigger helpers.
CREATE TABLE customers (id int PRIMARY KEY, name text, tier text);
INSERT INTO customers VALUES (1, 'Acme', 'gold'), (2, 'Globex', 'silver'), (3, 'Initech', 'gold');
CREATE FUNCTION customer_name(p_tier text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE v text;
BEGIN
  SELECT name INTO v FROM customers WHERE tier = p_tier ORDER BY id;
  RETURN v;
END $$;
CREATE FUNCTION customer_pair(p_id int) RETURNS text LANGUAGE plpgsql AS $$
DECLARE v_name text; v_tier text; c customers;
BEGIN
  SELECT name, tier INTO v_name, v_tier FROM customers WHERE id = p_id;
  SELECT name INTO v_name, v_tier FROM customers WHERE id = p_id;
  SELECT id, name, tier, 'extra' INTO v_name, v_tier FROM customers WHERE id = p_id;
  SELECT * INTO c FROM customers WHERE id = p_id;
  SELECT id, name INTO c FROM customers WHERE id = p_id;
  RETURN v_name || '/' || coalesce(v_tier, '-') || '/' || c.name;
END $$;
SELECT customer_name('gold'), customer_pair(1);
SET plpgsql.extra_warnings = 'too_many_rows';
SELECT customer_name('gold');
SELECT customer_name('silver');
SET plpgsql.extra_warnings = 'all';
SELECT customer_pair(2);
SET plpgsql.extra_errors = 'too_many_rows';
SELECT customer_name('gold');
SELECT customer_name('silver');
SET plpgsql.extra_errors = 'strict_multi_assignment';
SELECT customer_pair(3);
RESET plpgsql.extra_warnings;
SELECT customer_pair(3);
DO $$
DECLARE x int; y int;
BEGIN
  SELECT 1, 2 INTO x, y;
  RAISE NOTICE 'ok: % %', x, y;
  SELECT 1, 2, 3 INTO x, y;
END $$;
DO $$
DECLARE c customers;
BEGIN
  SELECT 1, 'x', 'y' INTO c;
  RAISE NOTICE 'ok: %', c;
  SELECT 1 INTO c;
END $$;
RESET plpgsql.extra_errors;
SELECT customer_pair(3);
DO $$
DECLARE x int;
BEGIN
  SELECT v FROM generate_series(1, 2) g(v) INTO x;
  RAISE NOTICE 'x = %', x;
END $$;
SET plpgsql.extra_errors = 'too_many_rows';
DO $$
DECLARE x int;
BEGIN
  SELECT v FROM generate_series(1, 2) g(v) INTO x;
END $$;
DO $$
DECLARE x int;
BEGIN
  SELECT v FROM generate_series(1, 2) g(v) INTO STRICT x;
END $$;
RESET plpgsql.extra_errors;
