-- Attribute notation for functions: rel.f and (expr).f call f(rel) / f(expr) when there is no
-- column f (computed fields over a table's row type, casts and functions of one argument).
CREATE TABLE cn_person (id int PRIMARY KEY, first text, last text, born date);
INSERT INTO cn_person VALUES (1, 'Ada', 'Lovelace', '1815-12-10'), (2, 'Alan', 'Turing', '1912-06-23');
CREATE FUNCTION full_name(cn_person) RETURNS text LANGUAGE sql STABLE AS $$ SELECT $1.first || ' ' || $1.last $$;
CREATE FUNCTION age_at(p cn_person, d date) RETURNS int LANGUAGE sql AS $$ SELECT extract(year FROM age(d, p.born))::int $$;
SELECT p.id, p.full_name FROM cn_person p ORDER BY p.id;
SELECT (p).full_name, cn_person.full_name FROM cn_person p, cn_person WHERE p.id = 1 AND cn_person.id = 2;
SELECT id FROM cn_person p WHERE p.full_name LIKE 'Alan%';
SELECT p.full_name AS name, count(*) FROM cn_person p GROUP BY 1 ORDER BY 1;
-- a column of that name wins over the function
CREATE FUNCTION first(cn_person) RETURNS text LANGUAGE sql AS $$ SELECT 'from function' $$;
SELECT p.first, (p).first FROM cn_person p ORDER BY id;
-- functions of two arguments, and names that are neither column nor function
SELECT p.age_at FROM cn_person p;
SELECT p.nosuch FROM cn_person p;
-- built-in functions, aggregates and casts of one argument
SELECT ('{"a": 1}'::jsonb).jsonb_typeof, ('[1, 2, 3]'::jsonb).jsonb_array_length;
SELECT ('123.45'::jsonb).numeric, (42).text, ('abc'::text).upper, ('7'::text).int4;
SELECT (p.born).isfinite FROM cn_person p ORDER BY id;
SELECT p.count FROM cn_person p;
SELECT (1).nosuch;
SELECT (1).generate_series;
SELECT ('x'::text).int4;
-- the functions over the row type depend on the table: DROP TABLE refuses, CASCADE drops them
CREATE TABLE cn_holder (p cn_person);
DROP TABLE cn_person;
DROP TABLE cn_person CASCADE;
SELECT proname FROM pg_proc WHERE proname IN ('full_name', 'age_at', 'first') ORDER BY 1;
SELECT attname FROM pg_attribute WHERE attrelid = 'cn_holder'::regclass AND attnum > 0 AND NOT attisdropped;
DROP TABLE cn_holder;
