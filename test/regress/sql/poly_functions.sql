-- Polymorphic SQL functions: anycompatible ranges and multiranges, domains, variadic arrays.
CREATE FUNCTION poly_bounds(r anycompatiblerange, extra anycompatible) RETURNS anycompatiblearray LANGUAGE sql AS 'SELECT ARRAY[lower(r), upper(r), extra]';
SELECT poly_bounds(int4range(1, 10), 20), poly_bounds(numrange(1.5, 2.5), 3), poly_bounds(int4range(1, 5), 2.5);
SELECT poly_bounds(daterange('2024-01-01', '2024-02-01'), '2024-03-01');
SELECT poly_bounds(int4range(1, 5), 'x'::text);
CREATE FUNCTION poly_mr(m anycompatiblemultirange, extra anycompatible) RETURNS anycompatiblearray LANGUAGE sql AS 'SELECT ARRAY[lower(m), upper(m), extra]';
SELECT poly_mr(int4multirange(int4range(1, 3), int4range(7, 9)), 100::smallint);
CREATE FUNCTION poly_same(r anycompatiblerange) RETURNS anycompatiblerange LANGUAGE sql AS 'SELECT r';
SELECT poly_same(int8range(1, 2)), pg_typeof(poly_same(int8range(1, 2)));
CREATE FUNCTION poly_norange(x anycompatible) RETURNS anycompatiblerange LANGUAGE sql AS 'SELECT NULL';
CREATE FUNCTION poly_norange2(x anyelement) RETURNS anyrange LANGUAGE sql AS 'SELECT NULL';
CREATE FUNCTION poly_nothing(x int) RETURNS anycompatible LANGUAGE sql AS 'SELECT x';
-- A domain binds anyelement as itself.
CREATE DOMAIN poly_posint AS int CHECK (VALUE > 0);
CREATE FUNCTION poly_id(x anyelement) RETURNS anyelement LANGUAGE sql AS 'SELECT x';
CREATE FUNCTION poly_pair(x anyelement, y anyelement) RETURNS anyelement LANGUAGE sql AS 'SELECT y';
SELECT poly_id(5::poly_posint), pg_typeof(poly_id(5::poly_posint));
SELECT poly_pair(5::poly_posint, 6::poly_posint);
SELECT poly_pair(5::poly_posint, 6);
SELECT poly_id('text literal');
-- Variadic polymorphic arrays.
CREATE FUNCTION poly_least(VARIADIC xs anyarray) RETURNS anyelement LANGUAGE sql AS 'SELECT min(x) FROM unnest(xs) x';
SELECT poly_least(3, 1, 2), poly_least(2.5, 0.5), poly_least('b'::text), poly_least(VARIADIC ARRAY[9, 7]);
CREATE FUNCTION poly_join(sep text, VARIADIC xs anyarray) RETURNS text LANGUAGE sql AS 'SELECT array_to_string(xs, sep)';
SELECT poly_join('-', 1, 2, 3), poly_join('/', 'a'::text, 'b'), poly_join(',', VARIADIC ARRAY[4, 5]);
CREATE FUNCTION poly_list(VARIADIC xs anycompatiblearray) RETURNS anycompatiblearray LANGUAGE sql AS 'SELECT xs';
SELECT poly_list(1, 2.5), pg_typeof(poly_list(1, 2.5)), poly_list(1, 2);
