-- Functions in FROM: multi-argument UNNEST and ROWS FROM, rescans of a function scan (the
-- function runs once per statement), polymorphic and unnamed OUT parameters, column definition
-- lists, and how views print them.
CREATE TABLE items (id int PRIMARY KEY, sku text NOT NULL);
INSERT INTO items VALUES (1, 'A-1'), (2, 'B-2'), (3, 'C-3');

-- the bulk-insert idiom: parallel arrays unnested side by side
SELECT * FROM unnest(ARRAY[10, 20, 30], ARRAY['x', 'y']) AS u(qty, code);
SELECT * FROM unnest(ARRAY[10, 20], ARRAY['x', 'y']) WITH ORDINALITY AS u(qty, code, n);
SELECT * FROM ROWS FROM (unnest(ARRAY[10, 20], ARRAY['foo', 'bar'], ARRAY[1.0])) WITH ORDINALITY AS z(a, b, c, ord);
SELECT * FROM ROWS FROM (unnest(ARRAY[10, 20], ARRAY['foo', 'bar']), generate_series(101, 102)) WITH ORDINALITY AS z(a, b, c, ord);
SELECT * FROM ROWS FROM (unnest(ARRAY[1, 2], ARRAY['a', 'b']));
SELECT * FROM unnest(ARRAY[1], ARRAY[2]) AS z(a int, b int);
SELECT * FROM ROWS FROM (generate_series(1, 2), generate_series(1, 3)) AS g(a int, b int);

-- a function scan on the inner side of a join or in a subquery is read again, not called again
CREATE SEQUENCE calls;
CREATE TYPE stamped AS (i int, s bigint);
CREATE FUNCTION stamp_sql(int, int) RETURNS SETOF stamped
  AS 'SELECT i, nextval(''calls'') FROM generate_series($1, $2) i' LANGUAGE sql;
CREATE FUNCTION stamp_pl(int, int) RETURNS SETOF stamped LANGUAGE plpgsql
  AS 'BEGIN FOR i IN $1..$2 LOOP RETURN NEXT (i, nextval(''calls'')); END LOOP; END';
SELECT * FROM (VALUES (1), (2), (3)) v(r) LEFT JOIN stamp_sql(11, 13) ON (r + i) < 100;
SELECT setval('calls', 1, false);
SELECT * FROM (VALUES (1), (2), (3)) v(r) LEFT JOIN stamp_pl(11, 13) WITH ORDINALITY AS f(i, s, o) ON (r + i) < 100;
SELECT setval('calls', 1, false);
SELECT * FROM (VALUES (1), (2), (3)) v(r) LEFT JOIN ROWS FROM (stamp_sql(11, 12), stamp_pl(11, 13)) WITH ORDINALITY AS f(i1, s1, i2, s2, o) ON (r + i1 + i2) < 100;
SELECT setval('calls', 1, false);
-- arguments from a LATERAL neighbour: called again for each row
SELECT * FROM (VALUES (1), (2), (3)) v(r), ROWS FROM (stamp_sql(11, 11), stamp_pl(10 + r, 13));
SELECT setval('calls', 1, false);
SELECT id, (SELECT max(s) FROM stamp_sql(1, 2)) FROM items ORDER BY id;
SELECT * FROM items LEFT JOIN nextval('calls') n ON true ORDER BY id;
SELECT * FROM items i, LATERAL stamp_sql(i.id, 2) ORDER BY 1, 3;
-- a scan cut short, then read again in full
SELECT setval('calls', 1, false);
SELECT * FROM (VALUES (1), (2)) v(r) LEFT JOIN LATERAL (SELECT * FROM stamp_sql(1, 3) LIMIT r) q ON true;
SELECT * FROM (VALUES (1), (2)) v(r), (SELECT count(*) FROM generate_series(1, 1000)) c;

-- OUT parameters: unnamed ones are columnN, polymorphic ones take the call's types
CREATE FUNCTION split_sku(sku text, OUT int, OUT text) AS $$ SELECT length($1), upper($1) $$ LANGUAGE sql;
SELECT * FROM split_sku('ab-1');
SELECT split_sku('ab-1');
SELECT (split_sku(sku)).* FROM items ORDER BY id;
CREATE FUNCTION twice(f1 anyelement, OUT f2 anyelement, OUT f3 anyarray) AS 'SELECT $1, array[$1, $1]' LANGUAGE sql;
SELECT twice(22);
SELECT twice('xyz'::text);
SELECT * FROM twice(2.5);
SELECT (twice(items.id)).f3 FROM items ORDER BY id;
SELECT twice('xyz');
CREATE FUNCTION pair(f1 anycompatible, f2 anycompatiblearray, OUT f3 anycompatible, OUT f4 anycompatiblearray) AS 'SELECT $1, $2' LANGUAGE sql;
SELECT pair(22, ARRAY[44]);
SELECT pair(4.5, ARRAY[44]);
SELECT *, pg_typeof(f3), pg_typeof(f4) FROM pair(22, ARRAY[44::bigint]);
CREATE FUNCTION bounds(r anycompatiblerange, OUT lo anycompatible, OUT both_ends anycompatiblearray, OUT whole anycompatiblerange)
  AS 'SELECT lower($1), ARRAY[lower($1), upper($1)], $1' LANGUAGE sql;
SELECT bounds(int4range(4, 7));
SELECT * FROM bounds(numrange(4, 7));
CREATE FUNCTION pl_twice(x anyelement, OUT a anyelement, OUT b anyarray) LANGUAGE plpgsql
  AS $$ BEGIN a := x; b := ARRAY[x, x]; END $$;
SELECT pl_twice(2.5);
SELECT * FROM pl_twice('q'::text);
CREATE FUNCTION pl_rows(x anyelement, OUT a anyarray, OUT n int) RETURNS SETOF record LANGUAGE plpgsql
  AS $$ BEGIN FOR i IN 1..2 LOOP a := ARRAY[x]; n := i; RETURN NEXT; END LOOP; END $$;
SELECT pl_rows(1.5);
SELECT * FROM pl_rows('z'::text);
-- a polymorphic OUT parameter needs a polymorphic input
CREATE FUNCTION bad_out(f1 int, OUT f2 anyelement, OUT f3 anyarray) AS 'SELECT $1, array[$1, $1]' LANGUAGE sql;
CREATE FUNCTION bad_out(f1 anyarray, OUT f2 anycompatible, OUT f3 anycompatiblearray) AS 'SELECT $1, array[$1, $1]' LANGUAGE sql;

-- records read through a column definition list
SELECT * FROM coalesce(ROW(1, 2)) AS (a int, b int);
SELECT * FROM coalesce(ROW(1, 2)) AS (a int, b text);
SELECT * FROM coalesce(ROW(1)) AS (a int, b int);
SELECT * FROM coalesce(ROW(1, 2, 3)) AS (a int, b int);
WITH w(r) AS (VALUES (ROW(1, 2, 3))) SELECT * FROM w, coalesce(r) AS c(d int, e int, f float);

-- views over functions in FROM
CREATE FUNCTION pairs(int) RETURNS SETOF record LANGUAGE sql AS 'SELECT $1, $1::text';
CREATE VIEW v_rows AS SELECT * FROM ROWS FROM (unnest(ARRAY[10, 20], ARRAY['foo', 'bar']), generate_series(1, 2)) AS z(a, b, c);
CREATE VIEW v_unnest AS SELECT * FROM unnest(ARRAY[10, 20], ARRAY['foo', 'bar'], ARRAY[1.0]) AS z(a, b, c);
CREATE VIEW v_coldefs AS SELECT * FROM ROWS FROM (pairs(1) AS (x int, y text), split_sku('q'), generate_series(1, 2)) WITH ORDINALITY AS t1;
CREATE VIEW v_single AS SELECT * FROM pairs(1) AS q(x int, y text);
CREATE VIEW v_ord AS SELECT * FROM generate_series(1, 3) WITH ORDINALITY;
CREATE VIEW v_join AS SELECT * FROM (VALUES (1)) v(n) JOIN split_sku('abc') WITH ORDINALITY z(a, b, ord) ON v.n = z.ord;
SELECT * FROM v_rows;
SELECT * FROM v_unnest;
SELECT * FROM v_coldefs;
SELECT * FROM v_join;
SELECT pg_get_viewdef('v_rows');
SELECT pg_get_viewdef('v_unnest');
SELECT pg_get_viewdef('v_coldefs');
SELECT pg_get_viewdef('v_single');
SELECT pg_get_viewdef('v_ord');
SELECT pg_get_viewdef('v_join', true);

-- a function with OUT parameters whose query returns one row-valued column
CREATE FUNCTION as_row(OUT int, OUT numeric) AS $$ SELECT (1, 2.1) $$ LANGUAGE sql;
SELECT * FROM as_row();
SELECT as_row();
CREATE FUNCTION as_row_bad(OUT int, OUT numeric) AS $$ SELECT (1, 2) $$ LANGUAGE sql;
SELECT * FROM as_row_bad();
CREATE FUNCTION as_row_long(OUT int, OUT numeric) AS $$ SELECT (1, 2.1, 3) $$ LANGUAGE sql;
SELECT * FROM as_row_long();
CREATE FUNCTION as_row_varchar(OUT a int, OUT b text) AS $$ SELECT (1, 'x'::varchar) $$ LANGUAGE sql;
SELECT * FROM as_row_varchar();
CREATE FUNCTION as_rows(OUT a int, OUT b text) RETURNS SETOF record AS $$ SELECT (i, 'x') FROM generate_series(1, 2) i $$ LANGUAGE sql;
SELECT * FROM as_rows();
