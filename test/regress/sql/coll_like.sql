-- Pattern matching and indexes under nondeterministic collations; name/text comparisons.
CREATE COLLATION case_insensitive (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE COLLATION ignore_accents (provider = icu, locale = 'und-u-ks-level1-kc-true', deterministic = false);
CREATE TABLE products (id int, name text COLLATE case_insensitive, label char(8) COLLATE case_insensitive);
INSERT INTO products VALUES (1, 'Apple pie', 'abc'), (2, 'APPLE juice', 'ABC'), (3, 'banana', 'xyz'), (4, 'Äpple', 'äbc');
SELECT id FROM products WHERE name LIKE 'apple%' ORDER BY id;
SELECT id FROM products WHERE name NOT LIKE 'apple%' ORDER BY id;
SELECT id FROM products WHERE name LIKE '%JUICE' ORDER BY id;
SELECT id FROM products WHERE name LIKE '_pple%' ORDER BY id;
SELECT id FROM products WHERE name LIKE 'apple%' COLLATE "C" ORDER BY id;
SELECT id FROM products WHERE label LIKE 'ABC%' ORDER BY id;
SELECT id FROM products WHERE name ILIKE 'apple%';
SELECT id FROM products WHERE name ~ 'apple';
SELECT id FROM products WHERE name SIMILAR TO 'apple%';
SELECT id FROM products WHERE name COLLATE "C" ~ 'pple' ORDER BY id;
SELECT 'Äpple' LIKE 'apple' COLLATE ignore_accents AS accents, 'Äpple' LIKE 'APPLE' COLLATE ignore_accents AS case_kept;
SELECT U&'\0061\0308bc' LIKE U&'\00E4_c' COLLATE ignore_accents AS nfd, 'abc' LIKE 'a\%' COLLATE case_insensitive AS escaped;
CREATE INDEX ON products (name text_pattern_ops);
CREATE INDEX ON products (label bpchar_pattern_ops);
CREATE INDEX ON products (name COLLATE "C" text_pattern_ops);
CREATE INDEX products_name_idx ON products (name);
SELECT id FROM products WHERE name = 'apple PIE';
CREATE INDEX ON products (id COLLATE "C");
SELECT pg_get_indexdef('products_name_idx'::regclass);
-- name vs text
SELECT relname FROM pg_class WHERE relname = 'PG_CLASS'::text COLLATE case_insensitive;
SELECT relname FROM pg_class WHERE 'PG_CLASS'::text = relname COLLATE case_insensitive;
SELECT typname FROM pg_type WHERE typname LIKE 'int_' AND typname <> 'INT2'::text COLLATE case_insensitive ORDER BY typname;
SELECT ARRAY['a', 'B'] COLLATE case_insensitive = ARRAY['A', 'b'] AS arrays;
