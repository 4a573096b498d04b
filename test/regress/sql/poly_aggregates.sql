-- Polymorphic user aggregates: state types resolved from the call's argument types.
CREATE FUNCTION poly_push(acc anyarray, x anyelement) RETURNS anyarray LANGUAGE sql AS 'SELECT acc || x';
CREATE FUNCTION poly_first(acc anyarray) RETURNS anyelement LANGUAGE sql STRICT AS 'SELECT acc[1]';
CREATE AGGREGATE collect_all(anyelement) (SFUNC = poly_push, STYPE = anyarray, INITCOND = '{}');
CREATE AGGREGATE first_of(anyelement) (SFUNC = poly_push, STYPE = anyarray, FINALFUNC = poly_first);
CREATE TABLE poly_events (id int, kind text, amount numeric(8,2), at date);
INSERT INTO poly_events VALUES
  (1, 'click', 1.50, '2024-01-02'), (2, 'view', 0.25, '2024-01-01'),
  (3, 'click', 2.00, '2024-01-03'), (4, 'view', NULL, '2024-01-05');
SELECT kind, collect_all(id ORDER BY id), collect_all(amount ORDER BY id), collect_all(at ORDER BY at) FROM poly_events GROUP BY kind ORDER BY kind;
SELECT first_of(kind ORDER BY at), first_of(at ORDER BY at DESC), pg_typeof(first_of(amount)) FROM poly_events;
SELECT id, collect_all(id) OVER (ORDER BY id) FROM poly_events ORDER BY id;
SELECT collect_all(x) FROM (VALUES (ARRAY[1,2]), (ARRAY[3,4])) v(x);
-- Two polymorphic arguments must agree.
CREATE FUNCTION poly_sum3(a anyelement, b anyelement, c anyelement) RETURNS anyelement LANGUAGE sql STRICT AS 'SELECT a + b + c';
CREATE AGGREGATE sum_pairs(anyelement, anyelement) (SFUNC = poly_sum3, STYPE = anyelement, INITCOND = '0');
SELECT sum_pairs(id, id * 10) FROM poly_events;
SELECT sum_pairs(amount, amount) FROM poly_events;
SELECT sum_pairs(id, amount) FROM poly_events;
-- A non-polymorphic aggregate built from polymorphic support functions.
CREATE AGGREGATE collect_ints(int) (SFUNC = poly_push, STYPE = int[], INITCOND = '{}');
SELECT collect_ints(id ORDER BY id DESC) FROM poly_events;
CREATE AGGREGATE collect_bad(int8) (SFUNC = poly_push, STYPE = int2[]);
-- Definitions Postgres refuses.
CREATE AGGREGATE no_state_type(int) (SFUNC = poly_push, STYPE = anyarray);
CREATE AGGREGATE no_result_type(int) (SFUNC = poly_push, STYPE = int[], FINALFUNC = poly_first);
CREATE FUNCTION int_push(acc int[], x int) RETURNS int[] LANGUAGE sql AS 'SELECT acc || x';
CREATE AGGREGATE mismatch(anyelement) (SFUNC = int_push, STYPE = int[]);
CREATE AGGREGATE mismatch2(anyelement) (SFUNC = int_push, STYPE = anyarray);
CREATE AGGREGATE coerce_needed(smallint) (SFUNC = int_push, STYPE = int[]);
CREATE AGGREGATE bad_init(anyelement) (SFUNC = poly_push, STYPE = anyarray, INITCOND = 'nope');
SELECT bad_init(id) FROM poly_events;
-- Built-in polymorphic support functions.
CREATE AGGREGATE append_all(anycompatible) (SFUNC = array_append, STYPE = anycompatiblearray);
SELECT append_all(kind ORDER BY id) FROM poly_events;
CREATE AGGREGATE float_list(float8) (SFUNC = array_append, STYPE = float8[], FINALFUNC = poly_first);
SELECT float_list(amount::float8 ORDER BY id) FROM poly_events;
DROP AGGREGATE collect_all(anyelement);
DROP AGGREGATE first_of(anyelement), sum_pairs(anyelement, anyelement), collect_ints(int), append_all(anycompatible), float_list(float8);
-- array_larger as the transition function of a polymorphic aggregate.
SELECT array_larger(ARRAY[1,2], ARRAY[1,3]), array_smaller(ARRAY[1,2], ARRAY[1,3]), array_larger(NULL, ARRAY[1]), array_larger(ARRAY['b'], ARRAY['a','z']);
CREATE AGGREGATE max_array(anyarray) (SFUNC = array_larger, STYPE = anyarray, INITCOND = '{}');
SELECT max_array(x) FROM (VALUES (ARRAY[1,2]), (ARRAY[3,4]), (ARRAY[2,9])) v(x);
SELECT max_array(x) FROM (VALUES (ARRAY['a','b']), (ARRAY['c'])) v(x);
