-- hstore: product attributes and settings stored as key/value pairs, as Rails and Django apps use it.
SELECT 'a=>1'::hstore;
CREATE EXTENSION hstore;
CREATE EXTENSION IF NOT EXISTS hstore;
SELECT extname, extnamespace::regnamespace, extversion FROM pg_extension WHERE extname = 'hstore';
SELECT name, default_version, installed_version, comment FROM pg_available_extensions WHERE name = 'hstore';

-- Input and output: canonical key order, NULL values, quoting, duplicates.
SELECT 'color=>red, size=>"XL", weight=>NULL'::hstore;
SELECT 'b=>1, aa=>2, a=>NULL, c=>"NuLL", d=>nulL'::hstore;
SELECT 'a=>1, a=>2'::hstore, 'k => v ,  other=>x,'::hstore;
SELECT ''::hstore, '   '::hstore, ',a=>1'::hstore;
SELECT '"key with spaces"=>"value, with comma", "quote\"d"=>"back\\slash"'::hstore;
SELECT 'é=>1, z=>2, ab=>3, "日本"=>4'::hstore;
SELECT 'a=>b c'::hstore;
SELECT 'a=b'::hstore;
SELECT 'a=>'::hstore;
SELECT '"a'::hstore;
SELECT 'a'::hstore;
SELECT pg_input_is_valid('a=>1', 'hstore'), pg_input_is_valid('a=>', 'hstore');

CREATE TABLE products (id int PRIMARY KEY, name text NOT NULL, attrs hstore NOT NULL DEFAULT '');
INSERT INTO products VALUES
  (1, 'T-shirt', 'color=>red, size=>M, material=>cotton'),
  (2, 'Jeans', 'color=>blue, size=>"32/34", fit=>slim'),
  (3, 'Mug', 'color=>white, capacity_ml=>350, dishwasher=>t'),
  (4, 'Poster', ''),
  (5, 'Hoodie', 'color=>red, size=>L, discontinued=>NULL');
SELECT id, name, attrs FROM products ORDER BY id;

-- Lookups and tests.
SELECT id, attrs -> 'color' AS color, attrs['size'] AS size FROM products ORDER BY id;
SELECT id FROM products WHERE attrs -> 'color' = 'red' ORDER BY id;
SELECT id FROM products WHERE attrs ? 'size' ORDER BY id;
SELECT id FROM products WHERE attrs ?| ARRAY['fit', 'capacity_ml'] ORDER BY id;
SELECT id FROM products WHERE attrs ?& ARRAY['color', 'size'] ORDER BY id;
SELECT id FROM products WHERE attrs @> 'color=>red, size=>M' ORDER BY id;
SELECT id FROM products WHERE 'color=>red'::hstore <@ attrs ORDER BY id;
SELECT id, defined(attrs, 'discontinued'), exist(attrs, 'discontinued'), isexists(attrs, 'size'), isdefined(attrs, 'size') FROM products ORDER BY id;
SELECT attrs -> ARRAY['color', 'nope', 'size'] FROM products WHERE id = 1;
SELECT id, attrs[1], attrs[NULL] FROM products WHERE id = 1;
SELECT ('a=>1'::hstore)['a']['b'];
SELECT ('a=>1'::hstore)['a':'b'];
SELECT pg_typeof(attrs['color']), pg_typeof(attrs -> 'color') FROM products WHERE id = 1;

-- Keys, values, arrays and sets.
SELECT id, akeys(attrs), avals(attrs) FROM products ORDER BY id;
SELECT %% attrs, %# attrs FROM products WHERE id = 2;
SELECT hstore_to_array(attrs), hstore_to_matrix(attrs) FROM products WHERE id = 4;
SELECT p.id, e.key, e.value FROM products p, each(p.attrs) e ORDER BY p.id, e.key;
SELECT skeys(attrs) AS k, svals(attrs) AS v FROM products WHERE id = 3;
SELECT key, count(*) FROM products, skeys(attrs) AS key GROUP BY key ORDER BY count(*) DESC, key;

-- Building and changing values.
SELECT hstore('a', 'b'), hstore('a', NULL), hstore(NULL, 'b');
SELECT hstore(ARRAY['a', 'b'], ARRAY['1', NULL]), hstore(ARRAY['a', 'b'], NULL), hstore(NULL::text[], ARRAY['x']);
SELECT hstore(ARRAY['a', 'b'], ARRAY['1']);
SELECT hstore(ARRAY[NULL, 'b'], ARRAY['1', '2']);
SELECT hstore(ARRAY['a', '1', 'b', '2']), hstore(ARRAY[['a', '1'], ['b', '2']]), hstore('{}'::text[]);
SELECT hstore(ARRAY['a', '1', 'b']);
SELECT hstore(ARRAY[['a', '1', 'x'], ['b', '2', 'y']]);
SELECT ARRAY['k', 'v']::hstore, tconvert('x', 'y');
SELECT attrs || 'size=>XL, sale=>t'::hstore FROM products WHERE id = 1;
SELECT attrs - 'color'::text, attrs - ARRAY['color', 'size'], attrs - 'color=>red, size=>S'::hstore FROM products WHERE id = 1;
SELECT delete(attrs, 'fit'), slice(attrs, ARRAY['fit', 'color', 'nope']), slice_array(attrs, ARRAY['fit']) FROM products WHERE id = 2;
UPDATE products SET attrs = attrs || hstore('on_sale', 't') WHERE attrs -> 'color' = 'red' RETURNING id, attrs;
UPDATE products SET attrs = delete(attrs, 'discontinued') WHERE id = 5 RETURNING attrs;
-- Subscript assignment.
UPDATE products SET attrs['size'] = 'S', attrs['stock'] = 12 WHERE id = 1 RETURNING attrs;
UPDATE products SET attrs['note'] = NULL WHERE id = 4 RETURNING attrs;
INSERT INTO products (id, name, attrs['color']) VALUES (6, 'Cap', 'green') RETURNING attrs;
CREATE TABLE drafts (id int, attrs hstore);
INSERT INTO drafts VALUES (1, NULL);
UPDATE drafts SET attrs['k'] = 'v' RETURNING attrs;
UPDATE drafts SET attrs[NULL] = 'v';
UPDATE drafts SET attrs['a']['b'] = 'v';
UPDATE drafts SET attrs['a':'b'] = 'v';
UPDATE drafts SET attrs[ARRAY[1]] = 'v' RETURNING attrs;
DROP TABLE drafts;

-- Conversions to JSON (strict and loose).
SELECT hstore_to_json(attrs), hstore_to_json_loose(attrs) FROM products WHERE id = 3;
SELECT hstore_to_jsonb(attrs), hstore_to_jsonb_loose(attrs) FROM products WHERE id = 3;
SELECT hstore_to_json_loose('zip=>01234, n=>-1.5e3, big=>12345678901234567890, x=>1., y=>.5, b=>f, s=>true'::hstore);
SELECT hstore_to_jsonb_loose('zip=>01234, n=>-1.5e3, big=>12345678901234567890, b=>f'::hstore);
SELECT attrs::json, attrs::jsonb FROM products WHERE id = 2;
SELECT 'a=>1'::hstore::text, 'a=>1'::text::hstore, 'x'::text || 'a=>1'::hstore;

-- Rows to hstore and back.
SELECT hstore(p) FROM products p WHERE id = 2;
SELECT hstore(ROW(1, 'x'::text));
CREATE TYPE dims AS (width int, height int, unit text);
SELECT hstore(ROW(10, 20, 'cm')::dims), hstore(NULL::dims);
SELECT populate_record(ROW(1, 2, 'mm')::dims, 'height=>5, depth=>9');
SELECT populate_record(NULL::dims, 'width=>3');
SELECT ROW(1, 2, 'mm')::dims #= 'unit=>in'::hstore;
SELECT populate_record(NULL::dims, 'width=>abc');
SELECT p #= 'name=>Renamed' FROM products p WHERE id = 4;

-- Equality, ordering, grouping, DISTINCT.
SELECT 'a=>1, b=>2'::hstore = 'b=>2, a=>1'::hstore, 'a=>1'::hstore <> 'a=>NULL'::hstore, 'a=>1'::hstore #<# 'a=>2'::hstore;
SELECT 'a=>""'::hstore #<# 'a=>NULL'::hstore, 'ab=>1'::hstore #>=# 'a=>b1'::hstore, ''::hstore #<=# 'a=>1'::hstore;
SELECT hstore_cmp('a=>1', 'a=>1, b=>2'), hstore_cmp('b=>1', 'a=>2');
SELECT attrs, count(*) FROM (VALUES ('a=>1'::hstore), ('a=>1'), ('a=>2'), ('')) v(attrs) GROUP BY attrs ORDER BY attrs;
SELECT DISTINCT attrs -> 'color' AS color FROM products ORDER BY 1;
SELECT id FROM products ORDER BY attrs, id;

-- Indexes.
CREATE INDEX products_attrs_gin ON products USING gin (attrs);
CREATE INDEX products_attrs_gist ON products USING gist (attrs gist_hstore_ops (siglen = 32));
CREATE INDEX products_attrs_btree ON products (attrs);
CREATE INDEX products_attrs_hash ON products USING hash (attrs);
SELECT indexrelid::regclass AS index, pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid = 'products'::regclass ORDER BY 1;
SELECT id FROM products WHERE attrs @> 'color=>red' ORDER BY id;
CREATE UNIQUE INDEX ON products (attrs);

-- DROP EXTENSION with a column of the type.
DROP EXTENSION hstore;
DROP TABLE products;
DROP TYPE dims;
DROP EXTENSION hstore;
SELECT 'a=>1'::hstore;
