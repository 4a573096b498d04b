-- regress: where
-- PL/pgSQL cursors: SCROLL / NO SCROLL, CONSTANT cursor variables, WHERE CURRENT OF.
CREATE TABLE plpg_cur_t AS SELECT n AS i, n AS j FROM generate_series(1, 5) n;
CREATE FUNCTION plpg_cur_back(opt text) RETURNS SETOF int LANGUAGE plpgsql AS $$
DECLARE
  c_plain CURSOR FOR SELECT i FROM plpg_cur_t ORDER BY i;
  c_scroll SCROLL CURSOR FOR SELECT i FROM plpg_cur_t ORDER BY i;
  c_noscroll NO SCROLL CURSOR FOR SELECT i FROM plpg_cur_t ORDER BY i;
  c refcursor;
  x int;
BEGIN
  IF opt = 'plain' THEN c := c_plain; OPEN c_plain;
  ELSIF opt = 'scroll' THEN c := c_scroll; OPEN c_scroll;
  ELSIF opt = 'noscroll' THEN c := c_noscroll; OPEN c_noscroll;
  ELSIF opt = 'agg' THEN OPEN c FOR SELECT count(*)::int FROM plpg_cur_t;
  ELSIF opt = 'aggscroll' THEN OPEN c SCROLL FOR SELECT count(*)::int FROM plpg_cur_t;
  ELSE OPEN c NO SCROLL FOR EXECUTE 'SELECT i FROM plpg_cur_t ORDER BY i';
  END IF;
  FETCH LAST FROM c INTO x;
  WHILE FOUND LOOP
    RETURN NEXT x;
    FETCH PRIOR FROM c INTO x;
  END LOOP;
  CLOSE c;
END $$;
SELECT * FROM plpg_cur_back('plain');
SELECT * FROM plpg_cur_back('scroll');
SELECT * FROM plpg_cur_back('noscroll');
SELECT * FROM plpg_cur_back('agg');
SELECT * FROM plpg_cur_back('aggscroll');
SELECT * FROM plpg_cur_back('dynamic');
CREATE FUNCTION plpg_cur_move() RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  c NO SCROLL CURSOR FOR SELECT i FROM plpg_cur_t ORDER BY i;
  x int;
  n int;
BEGIN
  OPEN c;
  MOVE FORWARD 2 FROM c;
  GET DIAGNOSTICS n = ROW_COUNT;
  FETCH c INTO x;
  FETCH RELATIVE 0 FROM c INTO x;
  RETURN n || ':' || x;
END $$;
SELECT plpg_cur_move();
-- A CONSTANT cursor variable cannot receive a generated portal name.
CREATE FUNCTION plpg_cur_const() RETURNS refcursor LANGUAGE plpgsql AS $$
DECLARE rc CONSTANT refcursor;
BEGIN
  OPEN rc FOR SELECT 1;
  RETURN rc;
END $$;
SELECT plpg_cur_const();
CREATE OR REPLACE FUNCTION plpg_cur_const() RETURNS refcursor LANGUAGE plpgsql AS $$
DECLARE rc CONSTANT refcursor := 'plpg_named_portal';
BEGIN
  OPEN rc FOR SELECT 1;
  RETURN rc;
END $$;
BEGIN;
SELECT plpg_cur_const();
FETCH ALL FROM plpg_named_portal;
COMMIT;
-- UPDATE / DELETE ... WHERE CURRENT OF a cursor PL/pgSQL opened.
CREATE FUNCTION plpg_cur_update() RETURNS void LANGUAGE plpgsql AS $$
DECLARE c CURSOR FOR SELECT * FROM plpg_cur_t;
BEGIN
  FOR r IN c LOOP
    UPDATE plpg_cur_t SET i = i * 100, j = r.j * 2 WHERE CURRENT OF c;
  END LOOP;
END $$;
SELECT plpg_cur_update();
SELECT * FROM plpg_cur_t ORDER BY i;
CREATE FUNCTION plpg_cur_delete() RETURNS int LANGUAGE plpgsql AS $$
DECLARE
  c refcursor := 'plpg_del_portal';
  r record;
  n int := 0;
BEGIN
  OPEN c FOR SELECT * FROM plpg_cur_t WHERE j > 4;
  LOOP
    FETCH c INTO r;
    EXIT WHEN NOT FOUND;
    DELETE FROM plpg_cur_t WHERE CURRENT OF c;
    n := n + 1;
  END LOOP;
  CLOSE c;
  RETURN n;
END $$;
SELECT plpg_cur_delete();
SELECT * FROM plpg_cur_t ORDER BY i;
