-- FOREACH loop variable checks (an array with SLICE, not an array without) and RAISE options
-- given twice (a condition name is the ERRCODE).
CREATE FUNCTION plpg_fr_slice(a int[]) RETURNS int LANGUAGE plpgsql AS $$
DECLARE x int; n int := 0;
BEGIN
  FOREACH x SLICE 1 IN ARRAY a LOOP n := n + 1; END LOOP;
  RETURN n;
END $$;
SELECT plpg_fr_slice(ARRAY[1, 2, 3]);
CREATE FUNCTION plpg_fr_plain(a int[]) RETURNS int LANGUAGE plpgsql AS $$
DECLARE x int[]; n int := 0;
BEGIN
  FOREACH x IN ARRAY a LOOP n := n + 1; END LOOP;
  RETURN n;
END $$;
SELECT plpg_fr_plain(ARRAY[1, 2]);
CREATE FUNCTION plpg_fr_rows(a int[]) RETURNS text LANGUAGE plpgsql AS $$
DECLARE r int[]; out text := '';
BEGIN
  FOREACH r SLICE 1 IN ARRAY a LOOP out := out || r::text || ';'; END LOOP;
  RETURN out;
END $$;
SELECT plpg_fr_rows(ARRAY[[1, 2], [3, 4]]);
SELECT plpg_fr_rows(ARRAY[1, 2]);

CREATE FUNCTION plpg_fr_raise(k int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF k = 1 THEN
    RAISE division_by_zero USING MESSAGE = 'custom', ERRCODE = '22012';
  ELSIF k = 2 THEN
    RAISE 'message %', k USING MESSAGE = 'again';
  ELSIF k = 3 THEN
    RAISE USING MESSAGE = 'one', DETAIL = 'a', DETAIL = 'b';
  ELSE
    RAISE division_by_zero USING MESSAGE = 'only a message';
  END IF;
END $$;
SELECT plpg_fr_raise(1);
SELECT plpg_fr_raise(2);
SELECT plpg_fr_raise(3);
SELECT plpg_fr_raise(4);
