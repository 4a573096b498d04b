-- Automatically updatable views in an inventory app: which views and columns are updatable
-- (information_schema, pg_relation_is_updatable), views over views, renamed base columns, and
-- the order of CREATE VIEW's checks.
CREATE TABLE products (sku text PRIMARY KEY, name text NOT NULL, price numeric(10,2) NOT NULL CHECK (price >= 0), stock int NOT NULL DEFAULT 0, discontinued boolean NOT NULL DEFAULT false);
INSERT INTO products VALUES ('A-1', 'anvil', 99.00, 3, false), ('B-2', 'bucket', 4.50, 40, false), ('C-3', 'crowbar', 12.00, 0, true);
CREATE VIEW active_products AS SELECT sku, name, price, stock FROM products WHERE NOT discontinued;
CREATE VIEW priced AS SELECT sku, name, price * 1.2 AS gross, upper(name) AS label, 'shop' AS origin FROM products;
CREATE VIEW in_stock AS SELECT sku, name, stock FROM active_products WHERE stock > 0 WITH CASCADED CHECK OPTION;
CREATE VIEW stock_summary AS SELECT count(*) AS n, sum(stock) AS units FROM products;
CREATE VIEW cheap_labels AS SELECT sku, label FROM priced WHERE gross < 20;
CREATE VIEW only_computed AS SELECT upper(sku) AS code, price * 2 AS doubled FROM products;
CREATE VIEW with_ctid AS SELECT ctid, sku FROM products;
SELECT table_name, is_updatable, is_insertable_into, check_option FROM information_schema.views WHERE table_schema = 'public' ORDER BY table_name;
SELECT table_name, column_name, is_updatable FROM information_schema.columns WHERE table_schema = 'public' AND table_name IN ('priced', 'cheap_labels', 'in_stock', 'only_computed', 'with_ctid', 'stock_summary') ORDER BY table_name, ordinal_position;
SELECT table_name, is_insertable_into FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name;
SELECT c.relname, pg_relation_is_updatable(c.oid, false) FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'v') ORDER BY 1;
SELECT pg_column_is_updatable('priced'::regclass, 1::int2, false), pg_column_is_updatable('priced'::regclass, 3::int2, false), pg_column_is_updatable('cheap_labels'::regclass, 2::int2, false);
-- Writes through the views.
UPDATE priced SET name = 'big anvil' WHERE sku = 'A-1';
UPDATE priced SET gross = 1 WHERE sku = 'A-1';
INSERT INTO with_ctid (sku) VALUES ('D-4');
INSERT INTO only_computed VALUES ('X', 1);
DELETE FROM only_computed WHERE code = 'C-3';
INSERT INTO in_stock VALUES ('E-5', 'easel', 2);
INSERT INTO in_stock VALUES ('F-6', 'file', 0);
UPDATE in_stock SET stock = 0 WHERE sku = 'B-2';
UPDATE in_stock SET stock = stock - 1 WHERE sku = 'B-2';
DELETE FROM stock_summary;
SELECT * FROM products ORDER BY sku;
-- Renamed base columns: views keep reading and writing them.
ALTER TABLE products RENAME COLUMN stock TO on_hand;
ALTER TABLE products RENAME COLUMN discontinued TO retired;
UPDATE in_stock SET stock = stock + 10 WHERE sku = 'E-5';
INSERT INTO active_products (sku, name, price, stock) VALUES ('G-7', 'gauge', 7.00, 5);
UPDATE in_stock SET stock = 0 WHERE sku = 'G-7';
SELECT * FROM in_stock ORDER BY sku;
SELECT sku, on_hand, retired FROM products ORDER BY sku;
SELECT table_name, column_name, is_updatable FROM information_schema.columns WHERE table_name = 'in_stock' ORDER BY ordinal_position;
SELECT pg_get_viewdef('in_stock'::regclass, true);
SELECT pg_get_viewdef('active_products'::regclass, true);
-- CREATE VIEW analyzes its query before checking CREATE on the schema.
CREATE ROLE clerk;
CREATE SCHEMA locked;
GRANT USAGE ON SCHEMA locked TO clerk;
SET ROLE clerk;
CREATE VIEW locked.v1 AS SELECT * FROM no_such_table;
CREATE VIEW locked.v2 AS SELECT 1 AS one;
RESET ROLE;
DROP SCHEMA locked;
DROP ROLE clerk;
DROP VIEW cheap_labels, priced, in_stock, active_products, stock_summary, only_computed, with_ctid;
DROP TABLE products;
