-- regress: where
-- PL/pgSQL conformance found by running Postgres's plpgsql regression file: ALIAS FOR.

CREATE TABLE accounts (id int PRIMARY KEY, owner text NOT NULL, balance numeric(12,2) NOT NULL DEFAULT 0, updated_note text);

-- ALIAS FOR $n (legacy style) and for named parameters
CREATE FUNCTION deposit(int, numeric) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE
  acct ALIAS FOR $1;
  amount ALIAS FOR $2;
  result numeric;
BEGIN
  UPDATE accounts SET balance = balance + amount WHERE id = acct RETURNING balance INTO result;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'account % not found', acct;
  END IF;
  RETURN result;
END
$$;
INSERT INTO accounts VALUES (1, 'alice', 10), (2, 'bob', 0);
SELECT deposit(1, 5.25);
SELECT deposit(3, 1);

CREATE FUNCTION doubled(amount numeric) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE
  a ALIAS FOR amount;
BEGIN
  a := a * 2;
  RETURN amount;
END
$$;
SELECT doubled(21);

-- an alias for a variable of the same block, and one in an inner block
CREATE FUNCTION counter() RETURNS int LANGUAGE plpgsql AS $$
DECLARE
  n int := 3;
  m ALIAS FOR n;
BEGIN
  m := m + 1;
  DECLARE
    inner_n ALIAS FOR n;
  BEGIN
    inner_n := inner_n * 10;
  END;
  RETURN n;
END
$$;
SELECT counter();

-- aliases for NEW and OLD in a trigger function
CREATE FUNCTION accounts_note() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  newrow ALIAS FOR new;
  oldrow ALIAS FOR old;
BEGIN
  newrow.updated_note := format('%s -> %s', oldrow.balance, newrow.balance);
  RETURN newrow;
END
$$;
CREATE TRIGGER accounts_note BEFORE UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION accounts_note();
UPDATE accounts SET balance = balance + 1 RETURNING *;

-- an alias for a parameter that does not exist
CREATE FUNCTION broken(int) RETURNS int LANGUAGE plpgsql AS $$
DECLARE
  x ALIAS FOR $2;
BEGIN
  RETURN x;
END
$$;
-- %TYPE / %ROWTYPE of system catalogs.
CREATE FUNCTION schema_label(x int) RETURNS text LANGUAGE plpgsql AS $$
DECLARE v pg_catalog.pg_class.relname%TYPE; r pg_namespace%ROWTYPE;
BEGIN
  SELECT * INTO r FROM pg_namespace WHERE nspname = 'public';
  v := r.nspname;
  RETURN v || ':' || pg_typeof(v)::text || ':' || x;
END $$;
SELECT schema_label(1);
CREATE FUNCTION type_label(x pg_class.oid%TYPE) RETURNS pg_type.typname%TYPE LANGUAGE sql AS 'SELECT x::text';
SELECT type_label(3), pg_typeof(type_label(3));
CREATE FUNCTION bad_label(x pg_class.nosuch%TYPE) RETURNS int LANGUAGE sql AS 'SELECT 1';
CREATE FUNCTION bad_label2(x nosuchtab.nosuch%TYPE) RETURNS int LANGUAGE sql AS 'SELECT 1';
