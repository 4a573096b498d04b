-- Operator classes named in CREATE INDEX: the pattern classes used for prefix search, default
-- classes named explicitly, their errors, and the catalogs; plus indexes whose order differs from
-- the query's collation (COLLATE "C" keys), which must never change query results.

CREATE TABLE customers (
  id int PRIMARY KEY,
  email text NOT NULL,
  handle varchar(30),
  country char(2),
  note text
);
INSERT INTO customers VALUES
  (1, 'ann@example.com', 'ann', 'US', 'first'),
  (2, 'Bob@example.com', 'Bob', 'GB', NULL),
  (3, 'bob@example.org', 'bob_2', 'US', 'dup name'),
  (4, 'Carl@Example.com', 'carl', 'DE', 'caps'),
  (5, '_admin@example.com', '_admin', 'US', 'underscore'),
  (6, 'zoe@example.net', 'Zoe', 'FR', NULL),
  (7, 'émile@example.fr', 'émile', 'FR', 'accent'),
  (8, 'Ölaf@example.no', 'ölaf', 'NO', 'umlaut');

CREATE INDEX customers_email_pattern ON customers (email text_pattern_ops);
CREATE INDEX customers_handle_pattern ON customers (handle varchar_pattern_ops);
CREATE INDEX customers_country_pattern ON customers (country bpchar_pattern_ops);
CREATE INDEX customers_lower_email ON customers (lower(email) text_pattern_ops);
CREATE UNIQUE INDEX customers_handle_uniq ON customers (handle text_pattern_ops);
CREATE INDEX customers_email_hash ON customers USING hash (email text_pattern_ops);
CREATE INDEX customers_note_desc ON customers (note pg_catalog.text_pattern_ops DESC NULLS LAST);
CREATE INDEX customers_id_default ON customers (id int4_ops);
CREATE INDEX customers_handle_text_ops ON customers (handle text_ops);
CREATE INDEX customers_email_varchar_ops ON customers (email varchar_ops);
CREATE INDEX customers_email_c ON customers (email COLLATE "C" text_pattern_ops);

SELECT c.relname, i.indclass::text, pg_get_indexdef(i.indexrelid)
FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
WHERE i.indrelid = 'customers'::regclass ORDER BY c.relname;

SELECT c.relname, o.opcname, o.opcdefault
FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
JOIN pg_opclass o ON o.oid = i.indclass[0]
WHERE i.indrelid = 'customers'::regclass ORDER BY c.relname;

SELECT pg_get_indexdef('customers_note_desc'::regclass, 1, true);

-- queries give the same rows whatever index exists
SELECT id, email FROM customers WHERE email LIKE 'bob%' ORDER BY id;
SELECT id, email FROM customers WHERE lower(email) LIKE 'bob%' ORDER BY id;
SELECT id, email FROM customers WHERE email > 'b' ORDER BY email;
SELECT id, email FROM customers WHERE email < 'b' ORDER BY email;
SELECT id, email FROM customers WHERE email BETWEEN 'a' AND 'c' ORDER BY email DESC;
SELECT id, handle FROM customers WHERE handle >= 'B' AND handle < 'c' ORDER BY handle;
SELECT id, handle FROM customers ORDER BY handle LIMIT 4;
SELECT id, email FROM customers ORDER BY email COLLATE "C" LIMIT 4;
SELECT id, email FROM customers WHERE email COLLATE "C" < 'b' ORDER BY email COLLATE "C";
SELECT id, country FROM customers WHERE country = 'US' ORDER BY id;
SELECT id FROM customers WHERE note > 'd' ORDER BY note DESC NULLS LAST, id;
SELECT min(email), max(email) FROM customers;
SELECT id, email FROM customers WHERE email = 'ann@example.com';

-- the unique pattern-class index still enforces uniqueness
INSERT INTO customers VALUES (9, 'new@example.com', 'ann', 'US', NULL);
INSERT INTO customers VALUES (9, 'new@example.com', 'Ann', 'US', NULL);
SELECT id, handle FROM customers WHERE handle IN ('ann', 'Ann') ORDER BY id;

-- a table whose column is collated "C": range queries over its plain and pattern indexes
CREATE TABLE codes (code text COLLATE "C" PRIMARY KEY, label text);
INSERT INTO codes VALUES ('A-1', 'a'), ('a-1', 'b'), ('B-2', 'c'), ('b-2', 'd'), ('_-3', 'e'), ('Z-9', 'f');
CREATE INDEX codes_label ON codes (label COLLATE "C");
SELECT code FROM codes WHERE code > 'B' ORDER BY code;
SELECT code FROM codes WHERE code > 'B' ORDER BY code COLLATE "default";
SELECT label FROM codes WHERE label >= 'c' ORDER BY label;
SELECT label FROM codes WHERE label COLLATE "C" >= 'c' ORDER BY label;

-- CREATE TABLE ... LIKE copies the classes
CREATE TABLE customers_copy (LIKE customers INCLUDING INDEXES);
SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i WHERE i.indrelid = 'customers_copy'::regclass ORDER BY 1;

-- errors
CREATE INDEX ON customers (id int8_ops);
CREATE INDEX ON customers (country text_pattern_ops);
CREATE INDEX ON customers (email nosuch_ops);
CREATE INDEX ON customers (email public.text_pattern_ops);
CREATE INDEX ON customers (email nosuch.text_pattern_ops);
CREATE INDEX ON customers (email text_pattern_ops (siglen = 4));
CREATE INDEX ON customers USING gin (email text_pattern_ops);
CREATE INDEX ON customers USING hash (id int8_ops);
CREATE INDEX ON customers (email jsonb_path_ops);
CREATE TABLE docs (id int, body jsonb, tags text[]);
CREATE INDEX ON docs USING gin (body jsonb_path_ops);
CREATE INDEX ON docs USING gin (body jsonb_ops);
CREATE INDEX ON docs USING gin (tags array_ops);
CREATE INDEX ON docs USING gin (tags jsonb_path_ops);
SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
WHERE i.indrelid = 'docs'::regclass ORDER BY c.relname;

-- names chosen for unnamed indexes: a unique index that backs no constraint ends in _idx
CREATE TABLE tags (id int, name text, slug text);
CREATE UNIQUE INDEX ON tags (slug);
CREATE UNIQUE INDEX ON tags (lower(name));
CREATE INDEX ON tags ((id + 1));
CREATE INDEX ON tags (upper(name), id);
ALTER TABLE tags ADD UNIQUE (id);
CREATE TABLE tags_copy (LIKE tags INCLUDING ALL);
SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
WHERE i.indrelid IN ('tags'::regclass, 'tags_copy'::regclass) ORDER BY c.relname;
SELECT conname, contype FROM pg_constraint WHERE conrelid IN ('tags'::regclass, 'tags_copy'::regclass) ORDER BY conname;
