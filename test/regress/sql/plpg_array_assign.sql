-- PL/pgSQL assignment to array elements: record fields (`r.tags[2] := ...`), several subscripts,
-- domains over arrays (their constraints checked after the element changes), and the errors.
CREATE TABLE plpg_aa_item (id int, tags text[], grid int[]);
CREATE FUNCTION plpg_aa_retag(p_id int, pos int, tag text) RETURNS text[] LANGUAGE plpgsql AS $$
DECLARE r plpg_aa_item;
BEGIN
  SELECT * INTO r FROM plpg_aa_item WHERE id = p_id;
  r.tags[pos] := tag;
  RETURN r.tags;
END $$;
INSERT INTO plpg_aa_item VALUES (1, '{a,b,c}', '{{1,2},{3,4}}'), (2, NULL, NULL);
SELECT plpg_aa_retag(1, 2, 'B');
SELECT plpg_aa_retag(1, 5, 'E');
SELECT plpg_aa_retag(1, 0, 'Z');
SELECT plpg_aa_retag(2, 3, 'x');
SELECT plpg_aa_retag(1, NULL, 'x');

CREATE FUNCTION plpg_aa_rec() RETURNS text LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  r := ROW(7, '{x,y}'::text[], NULL::int[])::plpg_aa_item;
  r.tags[1] := 'first';
  r.grid[2] := 9;
  RETURN r::text;
END $$;
SELECT plpg_aa_rec();
SELECT plpg_aa_rec();

-- Several subscripts.
CREATE FUNCTION plpg_aa_grid(i int, j int, v int) RETURNS int[] LANGUAGE plpgsql AS $$
DECLARE g int[] := '{{1,2,3},{4,5,6}}';
BEGIN
  g[i][j] := v;
  RETURN g;
END $$;
SELECT plpg_aa_grid(2, 3, 60);
SELECT plpg_aa_grid(1, 1, NULL);
SELECT plpg_aa_grid(3, 1, 0);
DO $$
DECLARE a text[];
BEGIN
  a[2][3] := 'x';
  RAISE NOTICE '% %', a, array_dims(a);
  a[1] := 'y';
END $$;

-- A domain over an array.
CREATE DOMAIN plpg_aa_pair AS int[] CHECK (array_length(VALUE, 1) = 2 AND VALUE[1] < VALUE[2]);
CREATE FUNCTION plpg_aa_set(x1 int, x2 int, x3 int) RETURNS plpg_aa_pair LANGUAGE plpgsql AS $$
DECLARE p plpg_aa_pair;
BEGIN
  p := ARRAY[x1, x2];
  p[2] := x3;
  RETURN p;
END $$;
SELECT plpg_aa_set(1, 2, 3);
SELECT plpg_aa_set(2, 1, 3);
SELECT plpg_aa_set(1, 2, 0);
DO $$
DECLARE p plpg_aa_pair := '{1,5}';
BEGIN
  p[3] := 9;
END $$;

-- A field that is not an array.
DO $$
DECLARE r plpg_aa_item;
BEGIN
  r.id[1] := 3;
END $$;

-- A parameter or result declared as tab.col%TYPE, with a %ROWTYPE variable (a partitioned table).
CREATE TABLE plpg_aa_part (a int, b text) PARTITION BY LIST (a);
CREATE TABLE plpg_aa_part_1 PARTITION OF plpg_aa_part FOR VALUES IN (1, 2);
INSERT INTO plpg_aa_part VALUES (1, 'one'), (2, 'two');
CREATE FUNCTION plpg_aa_get(plpg_aa_part.a%TYPE) RETURNS plpg_aa_part LANGUAGE plpgsql AS $$
DECLARE
  a_val plpg_aa_part.a%TYPE;
  result plpg_aa_part%ROWTYPE;
BEGIN
  a_val := $1;
  SELECT * INTO result FROM plpg_aa_part WHERE a = a_val;
  RETURN result;
END $$;
SELECT * FROM plpg_aa_get(2);
CREATE FUNCTION plpg_aa_list() RETURNS SETOF public.plpg_aa_part.b%TYPE LANGUAGE plpgsql AS $$
DECLARE r plpg_aa_part%ROWTYPE;
BEGIN
  FOR r IN SELECT * FROM plpg_aa_part ORDER BY a LOOP
    RETURN NEXT r.b;
  END LOOP;
END $$;
SELECT * FROM plpg_aa_list() AS t;
