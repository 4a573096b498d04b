-- Data-modifying WITH queries inside functions: PL/pgSQL statements, SELECT ... INTO, RETURN
-- QUERY, FOR loops, LANGUAGE sql bodies, UPDATE / DELETE with a plain WITH, and the errors.
CREATE TABLE plpg_wd_acct (id int PRIMARY KEY, owner text NOT NULL, bal int NOT NULL CHECK (bal >= 0));
CREATE TABLE plpg_wd_ledger (acct int REFERENCES plpg_wd_acct, delta int, note text);
INSERT INTO plpg_wd_acct VALUES (1, 'ann', 100), (2, 'bob', 50);

-- A transfer: two UPDATEs in WITH, the ledger rows from their RETURNING rows.
CREATE FUNCTION plpg_wd_transfer(src int, dst int, amt int) RETURNS int LANGUAGE plpgsql AS $$
DECLARE n int;
BEGIN
  WITH debit AS (
    UPDATE plpg_wd_acct SET bal = bal - amt WHERE id = src RETURNING id
  ), credit AS (
    UPDATE plpg_wd_acct SET bal = bal + amt WHERE id = dst RETURNING id
  )
  INSERT INTO plpg_wd_ledger
  SELECT id, -amt, 'transfer out' FROM debit
  UNION ALL
  SELECT id, amt, 'transfer in' FROM credit;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END $$;
SELECT plpg_wd_transfer(1, 2, 30);
SELECT plpg_wd_transfer(2, 1, 500);
SELECT plpg_wd_transfer(1, 99, 10);
SELECT * FROM plpg_wd_acct ORDER BY id;
SELECT * FROM plpg_wd_ledger ORDER BY acct, delta;

-- SELECT ... INTO from a data-modifying WITH query.
CREATE FUNCTION plpg_wd_open(p_owner text, p_bal int) RETURNS int LANGUAGE plpgsql AS $$
DECLARE new_id int;
BEGIN
  WITH next AS (SELECT coalesce(max(id), 0) + 1 AS id FROM plpg_wd_acct),
       ins AS (INSERT INTO plpg_wd_acct SELECT id, p_owner, p_bal FROM next RETURNING id)
  SELECT id INTO STRICT new_id FROM ins;
  RETURN new_id;
END $$;
SELECT plpg_wd_open('cid', 10);
SELECT plpg_wd_open('dan', 20);
SELECT plpg_wd_open(NULL, 20);
SELECT * FROM plpg_wd_acct ORDER BY id;

-- RETURN QUERY and FOR over the RETURNING rows.
CREATE FUNCTION plpg_wd_close_small(lim int) RETURNS TABLE (id int, owner text) LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY
  WITH gone AS (DELETE FROM plpg_wd_acct a WHERE a.bal < lim AND NOT EXISTS (SELECT 1 FROM plpg_wd_ledger l WHERE l.acct = a.id) RETURNING a.id, a.owner)
  SELECT g.id, g.owner FROM gone g ORDER BY g.id;
END $$;
SELECT * FROM plpg_wd_close_small(15);

DO $$
DECLARE r record;
BEGIN
  FOR r IN WITH u AS (UPDATE plpg_wd_acct SET bal = bal + 1 RETURNING id, bal) SELECT * FROM u ORDER BY id LOOP
    RAISE NOTICE 'account % now %', r.id, r.bal;
  END LOOP;
END $$;

-- UPDATE with a plain WITH reading a variable.
DO $$
DECLARE who text := 'bob';
BEGIN
  WITH target AS (SELECT id FROM plpg_wd_acct WHERE owner = who)
  UPDATE plpg_wd_acct SET bal = bal * 2 FROM target WHERE plpg_wd_acct.id = target.id;
END $$;
SELECT * FROM plpg_wd_acct ORDER BY id;

-- LANGUAGE sql bodies.
CREATE FUNCTION plpg_wd_note(p_acct int, p_note text) RETURNS int LANGUAGE sql AS $$
  WITH ins AS (INSERT INTO plpg_wd_ledger VALUES (p_acct, 0, p_note) RETURNING acct)
  SELECT count(*)::int FROM ins
$$;
SELECT plpg_wd_note(1, 'hello');
SELECT plpg_wd_note(42, 'nobody');
SELECT * FROM plpg_wd_ledger WHERE delta = 0;

-- The statement's snapshot: the rest of the statement does not see the WITH query's writes.
DO $$
DECLARE before int; after int;
BEGIN
  WITH ins AS (INSERT INTO plpg_wd_ledger VALUES (1, 1, 'x') RETURNING 1)
  SELECT (SELECT count(*) FROM plpg_wd_ledger), (SELECT count(*) FROM ins) INTO before, after;
  RAISE NOTICE 'seen %, inserted %', before, after;
END $$;

-- Errors.
DO $$ BEGIN WITH t AS (INSERT INTO plpg_wd_ledger VALUES (1, 0, 'y')) SELECT * FROM t; END $$;
DO $$ DECLARE x int; BEGIN x := (WITH t AS (DELETE FROM plpg_wd_ledger RETURNING 1) SELECT count(*) FROM t); END $$;
SELECT count(*) FROM plpg_wd_ledger;
