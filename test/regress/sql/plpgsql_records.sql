-- PL/pgSQL variables of composite and record types declared with defaults, CONSTANT, NOT NULL.
CREATE TYPE address AS (street text, city text, zip text);
CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL, home address);
INSERT INTO customers VALUES (1, 'Ada', ROW('1 Main St', 'Springfield', '12345'));
CREATE FUNCTION shipping_label(cid int) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  fallback address := ROW('PO Box 1', 'Capital City', '00001');
  other    address DEFAULT ('2 Side St', 'Shelbyville', '54321');
  c        customers%ROWTYPE;
  n int := 3; q customers := (9, 'Zed', NULL)::customers;
BEGIN
  SELECT * INTO c FROM customers WHERE id = cid;
  IF NOT FOUND THEN
    RETURN format('%s / %s / %s / %s', fallback, other.city, n, q.name);
  END IF;
  RETURN c.name || ', ' || (c.home).street || ', ' || (c.home).city;
END $$;
SELECT shipping_label(1), shipping_label(2);
CREATE FUNCTION frozen() RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  origin CONSTANT address := ROW('0 Zero Rd', 'Nowhere', '00000');
BEGIN
  origin := ROW('1 One Rd', 'Somewhere', '11111');
  RETURN origin::text;
END $$;
CREATE FUNCTION required_addr() RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  a address NOT NULL := ROW('3 Elm', 'Oakdale', '22222');
  r record;
BEGIN
  SELECT 1 AS x, 'two' AS y INTO r;
  RETURN a::text || ' ' || r::text;
END $$;
SELECT required_addr();
DO $$
DECLARE
  nested address := (SELECT home FROM customers WHERE id = 1);
  "Quoted" address := ROW('q', 'r', 's');
BEGIN
  RAISE NOTICE 'nested % quoted %', nested, "Quoted";
END $$;
