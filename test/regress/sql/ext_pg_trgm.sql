-- pg_trgm: fuzzy product search in a shop, as apps (and Supabase projects) use it.
SELECT similarity('widget', 'widgets');
CREATE SCHEMA extensions;
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA extensions;
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA extensions;
CREATE EXTENSION pg_trgm;
SELECT extname, extnamespace::regnamespace, extversion, extrelocatable FROM pg_extension WHERE extname = 'pg_trgm';
SELECT name, default_version, installed_version, comment FROM pg_available_extensions WHERE name = 'pg_trgm';
SELECT p.proname, p.pronamespace::regnamespace, p.provolatile, p.prorettype::regtype
  FROM pg_proc p WHERE p.proname IN ('similarity', 'show_trgm', 'word_similarity', 'set_limit', 'show_limit', 'similarity_op') ORDER BY 1;
SET search_path = public, extensions;

CREATE TABLE products (
  id int PRIMARY KEY,
  name text NOT NULL,
  sku varchar(20) NOT NULL,
  brand text,
  description text
);
INSERT INTO products VALUES
  (1, 'Blue Widget', 'BW-100', 'Acme', 'A small blue widget for everyday use'),
  (2, 'Red Widget', 'RW-200', 'Acme', 'The red version of our best seller'),
  (3, 'Widget Pro Max', 'WPM-1', 'Widgetco', 'Professional widget, stainless steel'),
  (4, 'Gadget', 'G-1', 'Gizmo Inc', 'A gadget, not a widget'),
  (5, 'Café Crème Mug', 'MUG-7', 'Brûlerie', 'Ceramic mug for café crème'),
  (6, 'Über Cable 2m', 'UC-2', 'Kabel GmbH', 'USB-C cable, two metres'),
  (7, '東京 Tea Set', 'TEA-9', '日本茶', 'Porcelain tea set from Tokyo'),
  (8, 'wireless mouse', 'WM-3', NULL, NULL),
  (9, 'Wireless Keyboard & Mouse', 'WKM-4', 'Keyco', 'Combo set');
CREATE INDEX products_name_trgm ON products USING gin (name gin_trgm_ops);
CREATE INDEX products_sku_trgm ON products USING gist (sku gist_trgm_ops);
CREATE INDEX products_lower_name_trgm ON products USING gin (lower(name) extensions.gin_trgm_ops);
CREATE INDEX products_desc_trgm ON products USING gist (description gist_trgm_ops (siglen = 64));
SELECT indexrelid::regclass AS index, pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid = 'products'::regclass ORDER BY 1;
RESET search_path;
SELECT pg_get_indexdef('products_name_trgm'::regclass);
SET search_path = public, extensions;

-- Trigrams.
SELECT show_trgm('Blue Widget');
SELECT show_trgm('Café crème brûlée, 123!');
SELECT show_trgm('東京 Tea'), show_trgm('ÜBER straße'), show_trgm('x-y_z.w'), show_trgm(''), show_trgm('  ');
SELECT show_trgm('ΣΊΣΥΦΟΣ'), show_trgm('İstanbul'), show_trgm('Ǆemal ǅ'), show_trgm('½ ² ٣');

-- Similarity search.
SELECT id, name, similarity(name, 'widgit') AS sml FROM products WHERE name % 'widgit' ORDER BY sml DESC, id;
SELECT id, name FROM products WHERE name % 'wireles mous' ORDER BY name <-> 'wireles mous', id;
SELECT id, name, round((name <-> 'gadjet')::numeric, 4) AS dist FROM products ORDER BY name <-> 'gadjet', id LIMIT 3;
SELECT id, word_similarity('widget', name) AS ws, strict_word_similarity('widget', name) AS sws FROM products ORDER BY id;
SELECT id FROM products WHERE 'widgt' <% name ORDER BY id;
SELECT id FROM products WHERE name %> 'widgt' ORDER BY id;
SELECT id FROM products WHERE 'wireless' <<% name ORDER BY id;
SELECT id FROM products WHERE name %>> 'wireless' ORDER BY id;
SELECT id, 'cable' <<-> name AS d1, name <->> 'cable' AS d2, 'cable' <<<-> name AS d3, name <->>> 'cable' AS d4 FROM products ORDER BY id;
SELECT id, name FROM products WHERE name ILIKE '%widg%' ORDER BY id;
SELECT id, name FROM products WHERE lower(name) LIKE '%mouse%' ORDER BY id;
SELECT id FROM products WHERE sku % 'BW-10' ORDER BY id;
SELECT id, similarity(description, 'stainless widget') FROM products WHERE description IS NOT NULL ORDER BY 2 DESC, id LIMIT 3;
SELECT similarity('café', 'cafe'), similarity('CAFÉ', 'café'), similarity('東京', '東京都'), similarity('', ''), similarity('a', '');
SELECT word_similarity('word', 'two words'), strict_word_similarity('word', 'two words'), word_similarity('', 'abc');
SELECT 'abc' % 'abd', 'abc'::varchar % 'abd'::varchar, 3 % 2, 7.5 % 2;
SELECT similarity(NULL, 'a'), NULL % 'a', show_trgm(NULL);

-- Thresholds: the settings and the deprecated set_limit / show_limit.
SHOW pg_trgm.similarity_threshold;
SHOW pg_trgm.word_similarity_threshold;
SHOW pg_trgm.strict_word_similarity_threshold;
SELECT show_limit();
SET pg_trgm.similarity_threshold = 0.5;
SELECT id, name FROM products WHERE name % 'widget' ORDER BY id;
SELECT show_limit(), current_setting('pg_trgm.similarity_threshold');
SELECT set_limit(0.2);
SHOW pg_trgm.similarity_threshold;
SELECT id FROM products WHERE name % 'widget' ORDER BY id;
SELECT set_limit(0.45), show_limit();
SELECT set_config('pg_trgm.word_similarity_threshold', '0.8', false);
SELECT id FROM products WHERE 'widgt' <% name ORDER BY id;
BEGIN;
SET LOCAL pg_trgm.strict_word_similarity_threshold = 0.9;
SHOW pg_trgm.strict_word_similarity_threshold;
COMMIT;
SHOW pg_trgm.strict_word_similarity_threshold;
RESET pg_trgm.similarity_threshold;
RESET pg_trgm.word_similarity_threshold;
SHOW pg_trgm.similarity_threshold;
SET pg_trgm.similarity_threshold = 1.5;
SET pg_trgm.similarity_threshold = -0.1;
SET pg_trgm.similarity_threshold = 'high';
SET pg_trgm.unknown_setting = 1;
SELECT set_limit(2);
SELECT set_limit(-1);

-- Errors.
SELECT similarity(1, 2);
SELECT 1 <-> 2;
CREATE INDEX bad1 ON products USING gin (id gin_trgm_ops);
CREATE INDEX bad2 ON products USING btree (name gin_trgm_ops);
CREATE INDEX bad3 ON products USING gin (name);
CREATE INDEX bad4 ON products USING gist (name gist_trgm_ops (siglen = 0));
CREATE INDEX bad5 ON products USING gist (name gist_trgm_ops (siglen = 5000));
CREATE INDEX bad6 ON products USING gist (name gist_trgm_ops (foo = 1));
CREATE INDEX bad7 ON products USING gin (name no_such_ops);

-- Rows added after the indexes, then searched again.
INSERT INTO products VALUES (10, 'Widget Mini', 'WM-10', 'Acme', 'Tiny widget');
UPDATE products SET name = 'Blue Widget XL' WHERE id = 1;
DELETE FROM products WHERE id = 4;
SELECT id, name FROM products WHERE name % 'widget mini' ORDER BY id;

-- DROP EXTENSION with dependent indexes.
DROP EXTENSION pg_trgm;
DROP INDEX products_name_trgm, products_sku_trgm, products_lower_name_trgm, products_desc_trgm;
DROP EXTENSION pg_trgm;
SELECT similarity('a', 'b');
SELECT 'a' % 'b';
SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm';
DROP EXTENSION pg_trgm;
DROP EXTENSION IF EXISTS pg_trgm;
CREATE EXTENSION pg_trgm SCHEMA public;
SELECT extnamespace::regnamespace FROM pg_extension WHERE extname = 'pg_trgm';
SELECT show_limit();
DROP EXTENSION pg_trgm;
