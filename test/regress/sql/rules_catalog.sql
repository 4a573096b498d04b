-- Rules in the catalogs: pg_rewrite, pg_rules, pg_get_ruledef and psql's describe queries.
CREATE TABLE products (id int PRIMARY KEY, name text NOT NULL, price numeric(10,2), deleted boolean NOT NULL DEFAULT false);
CREATE TABLE price_history (product_id int, old_price numeric(10,2), new_price numeric(10,2), changed_at timestamptz DEFAULT now());
CREATE RULE products_price AS ON UPDATE TO products
  WHERE NEW.price IS DISTINCT FROM OLD.price
  DO ALSO INSERT INTO price_history (product_id, old_price, new_price) VALUES (OLD.id, OLD.price, NEW.price);
CREATE RULE products_soft_delete AS ON DELETE TO products
  DO INSTEAD UPDATE products SET deleted = true WHERE id = OLD.id;
CREATE RULE products_no_negative AS ON INSERT TO products
  WHERE NEW.price < 0 DO INSTEAD NOTHING;
CREATE VIEW live_products AS SELECT id, name, price FROM products WHERE NOT deleted;
CREATE RULE live_products_ins AS ON INSERT TO live_products DO INSTEAD
  INSERT INTO products (id, name, price) VALUES (NEW.id, NEW.name, NEW.price * 1.0)
  RETURNING id, name, price;
CREATE RULE live_products_multi AS ON UPDATE TO live_products DO INSTEAD (
  UPDATE products SET name = NEW.name, price = NEW.price WHERE id = OLD.id;
  SELECT OLD.name AS old_name, NEW.name
);
CREATE RULE "Audit Rule" AS ON DELETE TO price_history DO INSTEAD DELETE FROM price_history WHERE product_id = OLD.product_id AND changed_at < now() - interval '1 year';

SELECT rulename, ev_type, is_instead, ev_enabled, ev_qual <> '<>' AS has_qual
FROM pg_rewrite WHERE ev_class IN ('products'::regclass, 'live_products'::regclass, 'price_history'::regclass) ORDER BY rulename;
SELECT * FROM pg_rules WHERE schemaname = 'public' ORDER BY tablename, rulename;
SELECT rulename, pg_get_ruledef(oid, true) FROM pg_rewrite WHERE ev_class IN ('products'::regclass, 'live_products'::regclass, 'price_history'::regclass) ORDER BY rulename;
SELECT relname, relhasrules FROM pg_class WHERE relname IN ('products', 'price_history', 'live_products') ORDER BY 1;

-- psql \d products: the rule footers
ALTER TABLE products DISABLE RULE products_no_negative;
ALTER TABLE products ENABLE ALWAYS RULE products_soft_delete;
ALTER TABLE products ENABLE REPLICA RULE products_price;
SELECT r.rulename, trim(trailing ';' from pg_catalog.pg_get_ruledef(r.oid, true)), ev_enabled
FROM pg_catalog.pg_rewrite r
WHERE r.ev_class = 'products'::regclass ORDER BY 1;
-- psql \d+ live_products: its rules besides _RETURN
SELECT r.rulename, trim(trailing ';' from pg_catalog.pg_get_ruledef(r.oid, true))
FROM pg_catalog.pg_rewrite r
WHERE r.ev_class = 'live_products'::regclass AND r.rulename != '_RETURN' ORDER BY 1;

-- The rules at work
ALTER TABLE products ENABLE RULE products_no_negative;
ALTER TABLE products ENABLE RULE products_soft_delete;
ALTER TABLE products ENABLE RULE products_price;
INSERT INTO products VALUES (1, 'pen', 1.50), (2, 'ink', -1);
INSERT INTO live_products VALUES (3, 'pad', 4) RETURNING *;
UPDATE live_products SET price = 2 WHERE id = 1;
DELETE FROM products WHERE id = 3;
SELECT * FROM products ORDER BY id;
SELECT product_id, old_price, new_price FROM price_history ORDER BY product_id;
SELECT * FROM live_products ORDER BY id;

-- Comments, renames, and pg_get_ruledef after a rename of what the rule uses
COMMENT ON RULE products_price ON products IS 'price history';
SELECT obj_description(oid, 'pg_rewrite') FROM pg_rewrite WHERE rulename = 'products_price';
ALTER RULE products_price ON products RENAME TO products_price_log;
SELECT obj_description(oid, 'pg_rewrite') FROM pg_rewrite WHERE rulename = 'products_price_log';
CREATE SCHEMA other;
SET search_path = other, public;
SELECT pg_get_ruledef(oid) FROM pg_rewrite WHERE rulename = 'products_no_negative';
SELECT pg_get_ruledef(oid, true) FROM pg_rewrite WHERE rulename = 'products_no_negative';
RESET search_path;
DROP RULE products_price_log ON products;
DROP TABLE price_history CASCADE;
SELECT rulename FROM pg_rules WHERE schemaname = 'public' ORDER BY 1;
