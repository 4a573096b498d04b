-- Constraints in the online shop: primary keys, unique, check, not null and foreign keys with
-- every referential action. Constraint names are the ones Postgres generates unless given.

-- Primary keys
CREATE TABLE suppliers (
  id integer PRIMARY KEY,
  name text NOT NULL,
  country char(2)
);
INSERT INTO suppliers VALUES (1, 'Acme Textiles', 'PT'), (2, 'Kitchen Co', 'DE');
INSERT INTO suppliers VALUES (1, 'Duplicate', 'FR');
INSERT INTO suppliers (name) VALUES ('No id');
UPDATE suppliers SET id = 2 WHERE id = 1;
UPDATE suppliers SET id = id + 1;
SELECT id, name FROM suppliers ORDER BY id;
CREATE TABLE warehouses (code text, city text, PRIMARY KEY (code));
CREATE TABLE bad_pk (a int PRIMARY KEY, b int PRIMARY KEY);
CREATE TABLE stock_levels (
  warehouse_code text NOT NULL REFERENCES warehouses (code),
  sku text NOT NULL,
  quantity integer NOT NULL DEFAULT 0,
  PRIMARY KEY (warehouse_code, sku)
);
INSERT INTO warehouses VALUES ('LIS', 'Lisbon'), ('BER', 'Berlin');
INSERT INTO stock_levels VALUES ('LIS', 'MUG', 10), ('BER', 'MUG', 5), ('LIS', 'TSHIRT', 3);
INSERT INTO stock_levels VALUES ('LIS', 'MUG', 1);
INSERT INTO stock_levels VALUES ('MAD', 'MUG', 1);
SELECT conname, contype, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'stock_levels'::regclass AND contype <> 'n' ORDER BY conname;

-- Unique constraints, NULL handling, NULLS NOT DISTINCT
CREATE TABLE customers (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL UNIQUE,
  phone text UNIQUE,
  tax_id text,
  country char(2) NOT NULL DEFAULT 'PT',
  UNIQUE (country, tax_id)
);
INSERT INTO customers (email, phone, tax_id) VALUES ('ana@example.com', NULL, NULL), ('rui@example.com', NULL, NULL);
INSERT INTO customers (email, phone) VALUES ('ANA@example.com', '+351 900 000 001');
INSERT INTO customers (email, phone) VALUES ('ana@example.com', '+351 900 000 002');
INSERT INTO customers (email, phone) VALUES ('eva@example.com', '+351 900 000 001');
INSERT INTO customers (email, tax_id) VALUES ('joao@example.com', '123456789'), ('maria@example.com', '123456789');
INSERT INTO customers (email, tax_id, country) VALUES ('hans@example.com', '123456789', 'DE');
SELECT id, email, phone, tax_id, country FROM customers ORDER BY id;
CREATE TABLE coupons (
  code text NOT NULL,
  campaign text,
  CONSTRAINT coupons_code_campaign_key UNIQUE NULLS NOT DISTINCT (code, campaign)
);
INSERT INTO coupons VALUES ('WELCOME', NULL), ('WELCOME', 'spring');
INSERT INTO coupons VALUES ('WELCOME', NULL);
INSERT INTO coupons VALUES ('WELCOME', 'spring');
CREATE TABLE newsletter (email text UNIQUE NULLS DISTINCT);
INSERT INTO newsletter VALUES (NULL), (NULL), ('a@example.com');
SELECT count(*), count(email) FROM newsletter;

-- CHECK constraints: column and table level, named and generated names
CREATE TABLE products (
  id integer PRIMARY KEY,
  name text NOT NULL CHECK (length(name) > 0),
  price_cents integer NOT NULL CHECK (price_cents >= 0),
  sale_price_cents integer,
  weight_grams integer CONSTRAINT positive_weight CHECK (weight_grams > 0),
  CHECK (sale_price_cents < price_cents),
  CHECK (sale_price_cents >= 0 AND sale_price_cents IS NOT NULL OR sale_price_cents IS NULL),
  CONSTRAINT sane_discount CHECK (sale_price_cents IS NULL OR sale_price_cents >= price_cents / 2)
);
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'products'::regclass AND contype = 'c' ORDER BY conname;
INSERT INTO products VALUES (1, 'Mug', 899, NULL, 350), (2, 'T-shirt', 1999, 1499, 200);
INSERT INTO products VALUES (3, '', 100, NULL, NULL);
INSERT INTO products VALUES (3, 'Poster', -1, NULL, NULL);
INSERT INTO products VALUES (3, 'Poster', 1000, 1200, NULL);
INSERT INTO products VALUES (3, 'Poster', 1000, 100, NULL);
INSERT INTO products VALUES (3, 'Poster', 1000, NULL, 0);
INSERT INTO products (id, name, price_cents) VALUES (3, 'Poster', 1000) RETURNING *;
UPDATE products SET price_cents = 1000 WHERE id = 2;
UPDATE products SET price_cents = 2999 WHERE id = 2 RETURNING id, price_cents, sale_price_cents;
UPDATE products SET weight_grams = NULL WHERE id = 1;
CREATE TABLE shipments (
  id integer PRIMARY KEY,
  shipped_at timestamptz,
  delivered_at timestamptz,
  CHECK (delivered_at >= shipped_at),
  CHECK (delivered_at IS NULL OR shipped_at IS NOT NULL)
);
INSERT INTO shipments VALUES (1, '2024-05-01 10:00+00', '2024-05-03 16:00+00'), (2, '2024-05-02 09:00+00', NULL), (3, NULL, NULL);
INSERT INTO shipments VALUES (4, '2024-05-02 09:00+00', '2024-05-01 09:00+00');
INSERT INTO shipments VALUES (4, NULL, '2024-05-01 09:00+00');
SELECT conname FROM pg_constraint WHERE conrelid = 'shipments'::regclass AND contype = 'c' ORDER BY conname;

-- NOT NULL
CREATE TABLE addresses (
  id integer PRIMARY KEY,
  customer_id bigint NOT NULL,
  line1 text NOT NULL,
  line2 text,
  city text NOT NULL
);
INSERT INTO addresses VALUES (1, 1, 'Rua Augusta 1', NULL, 'Lisbon');
INSERT INTO addresses VALUES (2, 1, NULL, NULL, 'Lisbon');
INSERT INTO addresses (id, customer_id, line1) VALUES (2, 1, 'Rua Nova 2');
UPDATE addresses SET city = NULL WHERE id = 1;
INSERT INTO addresses VALUES (NULL, 1, 'x', NULL, 'y');

-- Foreign keys: every ON DELETE / ON UPDATE action
CREATE TABLE categories (
  id integer PRIMARY KEY,
  parent_id integer REFERENCES categories (id) ON DELETE CASCADE,
  slug text NOT NULL UNIQUE
);
INSERT INTO categories VALUES (1, NULL, 'apparel'), (2, 1, 'shirts'), (3, 2, 't-shirts'), (4, NULL, 'kitchen'), (5, 4, 'mugs');
INSERT INTO categories VALUES (6, 99, 'orphan');
INSERT INTO categories VALUES (6, 6, 'self-parent') RETURNING id, parent_id;
DELETE FROM categories WHERE id = 1;
SELECT id, parent_id, slug FROM categories ORDER BY id;

CREATE TABLE brands (id integer PRIMARY KEY, name text NOT NULL UNIQUE);
INSERT INTO brands VALUES (1, 'Acme'), (2, 'Globex'), (3, 'Initech'), (4, 'Umbrella'), (5, 'Stark');
CREATE TABLE catalog_items (
  id integer PRIMARY KEY,
  brand_no_action integer REFERENCES brands,
  brand_restrict integer REFERENCES brands ON DELETE RESTRICT ON UPDATE RESTRICT,
  brand_cascade integer REFERENCES brands ON DELETE CASCADE ON UPDATE CASCADE,
  brand_set_null integer REFERENCES brands ON DELETE SET NULL ON UPDATE SET NULL,
  brand_set_default integer DEFAULT 5 REFERENCES brands ON DELETE SET DEFAULT ON UPDATE SET DEFAULT,
  brand_name text REFERENCES brands (name) ON UPDATE CASCADE
);
INSERT INTO catalog_items (id, brand_no_action, brand_set_default) VALUES (1, 1, NULL);
INSERT INTO catalog_items (id, brand_restrict, brand_set_default) VALUES (2, 2, NULL);
INSERT INTO catalog_items (id, brand_cascade, brand_set_default) VALUES (3, 3, NULL);
INSERT INTO catalog_items (id, brand_set_null, brand_name, brand_set_default) VALUES (4, 4, 'Umbrella', NULL);
INSERT INTO catalog_items (id, brand_set_default) VALUES (5, 3);
INSERT INTO catalog_items (id, brand_no_action) VALUES (6, 42);
INSERT INTO catalog_items (id, brand_name) VALUES (6, 'Nobody');
DELETE FROM brands WHERE id = 1;
UPDATE brands SET id = 10 WHERE id = 1;
DELETE FROM brands WHERE id = 2;
UPDATE brands SET id = 20 WHERE id = 2;
UPDATE brands SET name = 'Umbrella Corp' WHERE id = 4;
UPDATE brands SET id = 40 WHERE id = 4;
SELECT * FROM catalog_items ORDER BY id;
UPDATE brands SET id = 30 WHERE id = 3;
SELECT * FROM catalog_items ORDER BY id;
DELETE FROM brands WHERE id = 30;
SELECT * FROM catalog_items ORDER BY id;
DELETE FROM brands WHERE id = 5;
DELETE FROM catalog_items WHERE id = 5;
DELETE FROM brands WHERE id = 5 RETURNING id, name;
SELECT id, name FROM brands ORDER BY id;

-- ON DELETE SET NULL with a column list (only the listed column is cleared)
CREATE TABLE tenants (id integer PRIMARY KEY);
CREATE TABLE tenant_users (tenant_id integer NOT NULL REFERENCES tenants, user_id integer NOT NULL, PRIMARY KEY (tenant_id, user_id));
CREATE TABLE tenant_posts (
  id integer PRIMARY KEY,
  tenant_id integer NOT NULL REFERENCES tenants ON DELETE CASCADE,
  author_id integer,
  FOREIGN KEY (tenant_id, author_id) REFERENCES tenant_users ON DELETE SET NULL (author_id)
);
INSERT INTO tenants VALUES (1);
INSERT INTO tenant_users VALUES (1, 100), (1, 101);
INSERT INTO tenant_posts VALUES (1, 1, 100), (2, 1, 101), (3, 1, NULL);
DELETE FROM tenant_users WHERE user_id = 100;
SELECT * FROM tenant_posts ORDER BY id;

-- Composite foreign keys: MATCH SIMPLE (default) vs MATCH FULL
CREATE TABLE price_lists (region text, currency char(3), PRIMARY KEY (region, currency));
INSERT INTO price_lists VALUES ('EU', 'EUR'), ('US', 'USD');
CREATE TABLE quotes_simple (
  id integer PRIMARY KEY,
  region text,
  currency char(3),
  FOREIGN KEY (region, currency) REFERENCES price_lists
);
CREATE TABLE quotes_full (
  id integer PRIMARY KEY,
  region text,
  currency char(3),
  FOREIGN KEY (region, currency) REFERENCES price_lists MATCH FULL
);
INSERT INTO quotes_simple VALUES (1, 'EU', 'EUR'), (2, 'EU', NULL), (3, NULL, NULL), (4, 'XX', NULL);
INSERT INTO quotes_simple VALUES (5, 'EU', 'USD');
INSERT INTO quotes_full VALUES (1, 'EU', 'EUR'), (3, NULL, NULL);
INSERT INTO quotes_full VALUES (2, 'EU', NULL);
SELECT id, region, currency FROM quotes_simple ORDER BY id;

-- Multi-level cascades: customers -> orders -> order_items, payments
CREATE TABLE shop_customers (id integer PRIMARY KEY, email text NOT NULL UNIQUE);
CREATE TABLE orders (
  id integer PRIMARY KEY,
  customer_id integer NOT NULL REFERENCES shop_customers ON DELETE CASCADE,
  status text NOT NULL DEFAULT 'pending'
);
CREATE TABLE order_items (
  order_id integer NOT NULL REFERENCES orders ON DELETE CASCADE ON UPDATE CASCADE,
  line_no integer NOT NULL,
  sku text NOT NULL,
  quantity integer NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (order_id, line_no)
);
CREATE TABLE payments (
  id integer PRIMARY KEY,
  order_id integer NOT NULL REFERENCES orders ON DELETE RESTRICT,
  amount_cents integer NOT NULL
);
CREATE TABLE refunds (
  id integer PRIMARY KEY,
  order_id integer REFERENCES orders ON DELETE SET NULL,
  amount_cents integer NOT NULL
);
INSERT INTO shop_customers VALUES (1, 'ana@example.com'), (2, 'rui@example.com');
INSERT INTO orders VALUES (10, 1, 'paid'), (11, 1, 'pending'), (20, 2, 'pending');
INSERT INTO order_items VALUES (10, 1, 'MUG', 2), (10, 2, 'TSHIRT', 1), (11, 1, 'MUG', 1), (20, 1, 'POSTER', 3);
INSERT INTO payments VALUES (1, 10, 3797);
INSERT INTO order_items VALUES (99, 1, 'MUG', 1);
INSERT INTO order_items VALUES (20, 2, 'MUG', 0);
UPDATE orders SET id = 12 WHERE id = 11;
INSERT INTO refunds VALUES (1, 12, 899);
UPDATE orders SET id = 13 WHERE id = 12;
SELECT order_id, line_no, sku FROM order_items ORDER BY order_id, line_no;
SELECT id, order_id FROM refunds ORDER BY id;
DELETE FROM shop_customers WHERE id = 1;
DELETE FROM payments WHERE order_id = 10;
DELETE FROM shop_customers WHERE id = 1;
SELECT id, customer_id FROM orders ORDER BY id;
SELECT order_id, line_no FROM order_items ORDER BY order_id, line_no;
SELECT id, order_id, amount_cents FROM refunds ORDER BY id;

-- Foreign key definition errors
CREATE TABLE bad_fk_1 (brand text REFERENCES brands (id));
CREATE TABLE bad_fk_2 (customer_email text REFERENCES shop_customers (email), order_status text REFERENCES orders (status));
CREATE TABLE bad_fk_3 (x integer REFERENCES no_such_table);
CREATE TABLE bad_fk_4 (x integer REFERENCES brands (no_such_column));
ALTER TABLE addresses ADD CONSTRAINT addresses_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES shop_customers;
DELETE FROM addresses;
ALTER TABLE addresses ADD CONSTRAINT addresses_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES shop_customers;
INSERT INTO addresses VALUES (3, 1, 'Rua Velha 3', NULL, 'Porto');
ALTER TABLE addresses DROP CONSTRAINT addresses_customer_id_fkey;
INSERT INTO addresses VALUES (3, 1, 'Rua Velha 3', NULL, 'Porto') RETURNING id;
