-- CREATE TABLE ... (LIKE source INCLUDING / EXCLUDING options): what each option copies, with the
-- names Postgres gives the copies; CHECK constraints NOT ENFORCED.
CREATE TABLE products (
  id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sku text NOT NULL UNIQUE,
  title text COMPRESSION pglz,
  price_cents int DEFAULT 0 CHECK (price_cents >= 0),
  tax_cents int GENERATED ALWAYS AS (price_cents / 5) STORED,
  weight_g int CHECK (weight_g < 100000) NOT ENFORCED,
  note text
);
ALTER TABLE products ALTER COLUMN note SET STORAGE EXTERNAL;
CREATE INDEX products_title_idx ON products (lower(title));
CREATE INDEX products_cheap_idx ON products (price_cents) WHERE price_cents < 100;
CREATE STATISTICS products_price_weight ON price_cents, weight_g FROM products;
COMMENT ON COLUMN products.sku IS 'stock keeping unit';
COMMENT ON CONSTRAINT products_price_cents_check ON products IS 'no negative prices';
COMMENT ON INDEX products_title_idx IS 'case-insensitive title search';
COMMENT ON STATISTICS products_price_weight IS 'heavier goods cost more';
INSERT INTO products (sku, title, price_cents, weight_g) VALUES ('A-1', 'Anvil', 5000, 200000);
INSERT INTO products (sku, title, price_cents, weight_g) VALUES ('B-1', 'Bolt', -1, 10);
SELECT conname, contype, conenforced, convalidated, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'products'::regclass ORDER BY conname;
-- Plain LIKE: columns, types and NOT NULL only.
CREATE TABLE products_plain (LIKE products);
SELECT attname, format_type(atttypid, atttypmod), attnotnull, atthasdef, attidentity, attgenerated, attstorage, attcompression
  FROM pg_attribute WHERE attrelid = 'products_plain'::regclass AND attnum > 0 ORDER BY attnum;
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'products_plain'::regclass ORDER BY conname;
INSERT INTO products_plain (id, sku, price_cents) VALUES (1, 'X', -5) RETURNING *;
-- Each option on its own.
CREATE TABLE products_defaults (LIKE products INCLUDING DEFAULTS);
INSERT INTO products_defaults (id, sku) VALUES (1, 'D') RETURNING price_cents, tax_cents;
CREATE TABLE products_generated (LIKE products INCLUDING GENERATED);
INSERT INTO products_generated (id, sku, price_cents) VALUES (1, 'G', 500) RETURNING price_cents, tax_cents;
CREATE TABLE products_identity (LIKE products INCLUDING IDENTITY);
INSERT INTO products_identity (sku) VALUES ('I1'), ('I2') RETURNING id, sku;
SELECT pg_get_serial_sequence('products_identity', 'id');
CREATE TABLE products_constraints (LIKE products INCLUDING CONSTRAINTS);
SELECT conname, contype, conenforced, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'products_constraints'::regclass ORDER BY conname;
INSERT INTO products_constraints (id, sku, price_cents) VALUES (1, 'C', -1);
INSERT INTO products_constraints (id, sku, weight_g) VALUES (1, 'C', 500000);
CREATE TABLE products_indexes (LIKE products INCLUDING INDEXES);
SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
  WHERE i.indrelid = 'products_indexes'::regclass ORDER BY c.relname;
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'products_indexes'::regclass ORDER BY conname;
CREATE TABLE products_storage (LIKE products INCLUDING STORAGE INCLUDING COMPRESSION);
SELECT attname, attstorage, attcompression FROM pg_attribute WHERE attrelid = 'products_storage'::regclass AND attname IN ('title', 'note') ORDER BY attname;
CREATE TABLE products_comments (LIKE products INCLUDING COMMENTS);
SELECT col_description('products_comments'::regclass, 2);
CREATE TABLE products_stats (LIKE products INCLUDING STATISTICS);
SELECT stxname, pg_get_statisticsobjdef_columns(oid) FROM pg_statistic_ext WHERE stxrelid = 'products_stats'::regclass;
-- INCLUDING ALL, and ALL minus some.
CREATE TABLE products_all (LIKE products INCLUDING ALL);
SELECT conname, contype, conenforced FROM pg_constraint WHERE conrelid = 'products_all'::regclass ORDER BY conname;
SELECT c.relname, obj_description(c.oid, 'pg_class') FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
  WHERE i.indrelid = 'products_all'::regclass ORDER BY c.relname;
SELECT d.description FROM pg_description d JOIN pg_constraint c ON d.objoid = c.oid AND d.classoid = 'pg_constraint'::regclass
  WHERE c.conrelid = 'products_all'::regclass;
SELECT stxname, obj_description(oid, 'pg_statistic_ext') FROM pg_statistic_ext WHERE stxrelid = 'products_all'::regclass;
SELECT attname, attidentity, attgenerated, attstorage, attcompression FROM pg_attribute WHERE attrelid = 'products_all'::regclass AND attnum > 0 ORDER BY attnum;
INSERT INTO products_all (sku, title, price_cents) VALUES ('ALL-1', 'Axe', 1000) RETURNING id, tax_cents;
CREATE TABLE products_lean (LIKE products INCLUDING ALL EXCLUDING INDEXES EXCLUDING CONSTRAINTS EXCLUDING COMMENTS);
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'products_lean'::regclass ORDER BY conname;
SELECT count(*) FROM pg_index WHERE indrelid = 'products_lean'::regclass;
-- LIKE next to columns of the new table, twice, and in a partitioned table.
CREATE TABLE product_prices (currency char(3) NOT NULL, LIKE products INCLUDING DEFAULTS, valid_from date);
SELECT attname, attnum FROM pg_attribute WHERE attrelid = 'product_prices'::regclass AND attnum > 0 ORDER BY attnum;
CREATE TABLE products_twice (LIKE products, LIKE products);
CREATE TABLE products_pk2 (code text PRIMARY KEY, LIKE products INCLUDING INDEXES);
CREATE TABLE products_by_sku (LIKE products INCLUDING DEFAULTS INCLUDING CONSTRAINTS) PARTITION BY LIST (sku);
CREATE TABLE products_by_sku_a PARTITION OF products_by_sku FOR VALUES IN ('A');
INSERT INTO products_by_sku (id, sku, price_cents) VALUES (1, 'A', -3);
CREATE TABLE gift_cards (id int, amount int, CONSTRAINT positive CHECK (amount > 0) NO INHERIT);
CREATE TABLE gift_cards_parted (LIKE gift_cards INCLUDING CONSTRAINTS) PARTITION BY RANGE (id);
-- LIKE a view, a composite type, a missing table.
CREATE VIEW cheap_products AS SELECT id, sku, price_cents FROM products WHERE price_cents < 100;
CREATE TABLE cheap_copy (LIKE cheap_products);
SELECT attname FROM pg_attribute WHERE attrelid = 'cheap_copy'::regclass AND attnum > 0 ORDER BY attnum;
CREATE TYPE money_pair AS (amount numeric(12,2), currency char(3));
CREATE TABLE money_rows (LIKE money_pair);
SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'money_rows'::regclass AND attnum > 0 ORDER BY attnum;
CREATE TABLE missing_copy (LIKE no_such_table);
-- NOT ENFORCED check constraints
CREATE TABLE deliveries (id int PRIMARY KEY, eta_days int CONSTRAINT eta_reasonable CHECK (eta_days < 60) NOT ENFORCED, fee int CHECK (fee >= 0) ENFORCED);
INSERT INTO deliveries VALUES (1, 90, 0);
INSERT INTO deliveries VALUES (2, 5, -1);
ALTER TABLE deliveries ADD CONSTRAINT fee_cap CHECK (fee < 10000) NOT ENFORCED;
ALTER TABLE deliveries ADD CONSTRAINT eta_positive CHECK (eta_days > 0) NOT VALID;
ALTER TABLE deliveries VALIDATE CONSTRAINT fee_cap;
ALTER TABLE deliveries VALIDATE CONSTRAINT eta_positive;
SELECT conname, conenforced, convalidated, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'deliveries'::regclass AND contype = 'c' ORDER BY conname;
SELECT constraint_name, enforced FROM information_schema.table_constraints WHERE table_name = 'deliveries' ORDER BY constraint_name;
CREATE TABLE bad1 (id int PRIMARY KEY NOT ENFORCED);
CREATE TABLE bad2 (id int UNIQUE ENFORCED);
CREATE TABLE bad3 (id int NOT NULL NOT ENFORCED);
CREATE TABLE bad4 (id int CHECK (id > 0) NOT ENFORCED ENFORCED);
CREATE TABLE bad5 (id int CHECK (id > 0) ENFORCED ENFORCED);
