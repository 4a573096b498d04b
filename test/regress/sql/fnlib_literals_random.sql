-- Function library: integer literal forms, random() family after setseed, functional notation
-- for row fields, regular-expression and normalization errors.
SELECT 0x1F AS hex, 0o17 AS oct, 0b101 AS bin, 1_000_000 AS under, 0x_ff AS hex_under;
SELECT 0x7FFFFFFF AS i4, 0x80000000 AS i8, -0x80000000 AS i4_min, -0x80000001 AS i8_neg;
SELECT pg_typeof(0x80000000), pg_typeof(-0x80000000), pg_typeof(0b111111111111111111111111111111111111111111111111111111111111111);
SELECT 0x8000000000000000 AS too_big_for_int8, pg_typeof(0x8000000000000000);
SELECT -0o1000000000000000000000 AS int8_min, pg_typeof(-0o1000000000000000000000);
SELECT 1_000.000_5 AS num, 1e1_0 AS e;
-- random(): reproducible after setseed()
SELECT setseed(0.25);
SELECT random() FROM generate_series(1, 3);
SELECT random(1, 6) FROM generate_series(1, 5);
SELECT random(-9223372036854775808, 9223372036854775807) FROM generate_series(1, 3);
SELECT random(-1e30, 1e30) FROM generate_series(1, 3);
SELECT random(0.00, 9.99) FROM generate_series(1, 3);
SELECT random(-0.5, 0.5) FROM generate_series(1, 3);
SELECT random(0, 1 - 1e-20) FROM generate_series(1, 2);
SELECT random(7.5, 7.5), random(3, 3);
SET extra_float_digits = -1;
SELECT random_normal() FROM generate_series(1, 3);
SELECT random_normal(10) FROM generate_series(1, 2);
SELECT random_normal(mean => 100, stddev => 15) FROM generate_series(1, 2);
SELECT random_normal(stddev => 0) AS zero_spread;
RESET extra_float_digits;
-- ranges without setseed: only bounds are checked
SELECT setseed(0.9);
SELECT min(r) >= -3 AND max(r) <= 3 AS in_range, count(DISTINCT r) > 1 AS varied FROM (SELECT random(-3, 3) r FROM generate_series(1, 200)) s;
SELECT min(r) >= 0 AND max(r) <= 1e25 AS in_range FROM (SELECT random(0, 1e25) r FROM generate_series(1, 200)) s;
SELECT count(*) FILTER (WHERE r > 5e24) BETWEEN 50 AND 150 AS roughly_uniform FROM (SELECT random(0, 1e25) r FROM generate_series(1, 200)) s;
SELECT random(5, 1);
SELECT random(1.5, 1.0);
SELECT random('NaN'::numeric, 1);
SELECT random(0, 'NaN'::numeric);
SELECT random('-Infinity'::numeric, 0);
SELECT random(0, 'Infinity'::numeric);
SELECT setseed(2);
-- name(row) is the row's field when it has one
CREATE TYPE fnlib_contact AS (name text, email text);
CREATE TABLE fnlib_people (id int, who fnlib_contact);
INSERT INTO fnlib_people VALUES (1, ('Ann', 'ann@example.com')), (2, ('Bob', NULL));
SELECT id, name(who), email(who) FROM fnlib_people ORDER BY id;
SELECT name(ROW('x', 'y')::fnlib_contact);
SELECT length(who) FROM fnlib_people;
SELECT upper(name(who)) FROM fnlib_people ORDER BY 1;
-- regular expressions: Postgres's engine errors
SELECT 'xyz' ~ 'x(\w)(?=\1)';
SELECT 'xyz' ~ 'x(\w)(?!(\1))';
SELECT 'a' ~ '\x7fffffff';
SELECT 'A' ~ '\x41' AS hex_escape, 'aXb' ~ 'a(?=X)' AS lookahead;
SELECT regexp_replace('a1b22', '(\d)+', '<\1>', 'g');
-- normalization forms
SELECT normalize('abc', nfkc), 'abc' IS NFD NORMALIZED;
SELECT "normalize"('abc', 'def');
SELECT is_normalized('abc', 'xyz');
