-- MERGE into automatically updatable views (PG 17+), views on views, views with INSTEAD OF
-- triggers.
CREATE TABLE products (id int PRIMARY KEY, name text NOT NULL, stock int NOT NULL DEFAULT 0, active boolean NOT NULL DEFAULT true);
INSERT INTO products VALUES (1, 'pen', 10, true), (2, 'ink', 0, true), (3, 'quill', 5, false);
CREATE TABLE restock (id int, name text, qty int);
INSERT INTO restock VALUES (1, 'pen', 5), (2, 'ink', 3), (3, 'quill', 1), (4, 'paper', 7);
-- an automatically updatable view
CREATE VIEW active_products AS SELECT id, name AS title, stock FROM products WHERE active;
MERGE INTO active_products a USING restock r ON a.id = r.id
  WHEN MATCHED AND r.qty > 4 THEN UPDATE SET stock = a.stock + r.qty
  WHEN MATCHED THEN DELETE
  WHEN NOT MATCHED THEN INSERT (id, title, stock) VALUES (r.id, r.name, r.qty)
  RETURNING merge_action(), a.*;
SELECT * FROM products ORDER BY id;
MERGE INTO active_products a USING (VALUES (3, 'quill2')) r(id, name) ON a.id = r.id WHEN NOT MATCHED THEN INSERT VALUES (r.id, r.name, 0);
MERGE INTO active_products a USING (VALUES (1)) r(id) ON a.id = r.id WHEN NOT MATCHED BY SOURCE THEN UPDATE SET stock = 0 RETURNING merge_action(), a.id, a.stock;
SELECT * FROM products ORDER BY id;
-- check options
CREATE VIEW stocked AS SELECT * FROM active_products WHERE stock > 0 WITH CASCADED CHECK OPTION;
MERGE INTO stocked s USING (VALUES (1, 0)) r(id, stock) ON s.id = r.id WHEN MATCHED THEN UPDATE SET stock = r.stock;
MERGE INTO stocked s USING (VALUES (20, 'nib', 1)) r(id, title, stock) ON s.id = r.id WHEN NOT MATCHED THEN INSERT VALUES (r.id, r.title, r.stock) RETURNING *;
SELECT * FROM products ORDER BY id;
-- views that cannot take a MERGE
CREATE VIEW product_totals AS SELECT active, sum(stock) AS stock FROM products GROUP BY active;
MERGE INTO product_totals t USING (VALUES (true)) r(a) ON t.active = r.a WHEN MATCHED THEN DELETE;
CREATE VIEW product_labels AS SELECT id, upper(name) AS label FROM products;
MERGE INTO product_labels l USING (VALUES (1, 'x')) r(id, label) ON l.id = r.id WHEN MATCHED THEN UPDATE SET label = r.label;
MERGE INTO product_labels l USING (VALUES (1, 'x')) r(id, label) ON l.id = r.id WHEN MATCHED THEN DELETE;
SELECT * FROM products ORDER BY id;
-- INSTEAD OF triggers: MERGE needs one for every action it names
CREATE TABLE product_log (op text, id int);
CREATE VIEW product_feed AS SELECT id, name, stock FROM products;
CREATE FUNCTION product_feed_ins() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN INSERT INTO product_log VALUES ('insert', NEW.id); INSERT INTO products (id, name, stock) VALUES (NEW.id, NEW.name, NEW.stock); RETURN NEW; END $$;
CREATE FUNCTION product_feed_upd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN INSERT INTO product_log VALUES ('update', NEW.id); UPDATE products SET stock = NEW.stock WHERE id = OLD.id; RETURN NEW; END $$;
CREATE TRIGGER product_feed_ins INSTEAD OF INSERT ON product_feed FOR EACH ROW EXECUTE FUNCTION product_feed_ins();
MERGE INTO product_feed f USING restock r ON f.id = r.id WHEN MATCHED THEN UPDATE SET stock = 1;
MERGE INTO product_feed f USING restock r ON f.id = r.id WHEN MATCHED THEN UPDATE SET stock = 1 WHEN NOT MATCHED THEN INSERT VALUES (r.id, r.name, r.qty);
MERGE INTO product_feed f USING (VALUES (20)) r(id) ON f.id = r.id WHEN MATCHED THEN DELETE RETURNING merge_action(), f.*, r.*;
SELECT * FROM products ORDER BY id;
-- views on views, with privileges per level
CREATE ROLE mv_owner;
CREATE ROLE mv_user;
CREATE VIEW products_mine AS SELECT id, title AS label, stock FROM active_products WHERE stock < 1000;
ALTER VIEW products_mine OWNER TO mv_owner;
GRANT SELECT, INSERT, UPDATE, DELETE ON products_mine TO mv_user;
SET ROLE mv_user;
MERGE INTO products_mine m USING (VALUES (2, 'ink', 4)) r(id, label, qty) ON m.id = r.id WHEN MATCHED THEN UPDATE SET stock = r.qty;
RESET ROLE;
GRANT SELECT, INSERT, UPDATE ON active_products TO mv_owner;
SET ROLE mv_user;
MERGE INTO products_mine m USING (VALUES (2, 'ink', 4), (40, 'tape', 2)) r(id, label, qty) ON m.id = r.id WHEN MATCHED THEN UPDATE SET stock = r.qty WHEN NOT MATCHED THEN INSERT VALUES (r.id, r.label, r.qty) RETURNING merge_action(), m.*;
MERGE INTO products_mine m USING (VALUES (2)) r(id) ON m.id = r.id WHEN MATCHED THEN DELETE;
RESET ROLE;
REVOKE UPDATE ON products_mine FROM mv_user;
GRANT UPDATE (stock) ON products_mine TO mv_user;
SET ROLE mv_user;
MERGE INTO products_mine m USING (VALUES (2, 5)) r(id, qty) ON m.id = r.id WHEN MATCHED THEN UPDATE SET stock = r.qty;
MERGE INTO products_mine m USING (VALUES (2, 'x')) r(id, label) ON m.id = r.id WHEN MATCHED THEN UPDATE SET label = r.label;
RESET ROLE;
SELECT * FROM products ORDER BY id;
DROP VIEW products_mine;
REVOKE ALL ON active_products FROM mv_owner;
DROP ROLE mv_owner;
DROP ROLE mv_user;
-- a full set of INSTEAD OF triggers for the actions named runs them (not in fauxgres yet)
MERGE INTO product_feed f USING (VALUES (30, 'ruler', 2)) r(id, name, qty) ON f.id = r.id WHEN NOT MATCHED THEN INSERT VALUES (r.id, r.name, r.qty) RETURNING merge_action(), f.*;
