-- PostgreSQL 18's RETURNING old / new, as an inventory service uses it to report changes:
-- old.* and new.*, renamed with WITH (OLD AS ..., NEW AS ...), system columns of both versions,
-- ON CONFLICT, MERGE, and through updatable views and views with INSTEAD OF triggers.

CREATE TABLE stock (
  sku text PRIMARY KEY,
  qty int NOT NULL,
  price numeric(8,2) NOT NULL,
  note text
);
INSERT INTO stock VALUES ('A-1', 10, 2.50, NULL), ('B-2', 0, 9.99, 'discontinued'), ('C-3', 5, 1.25, NULL);

UPDATE stock SET qty = qty - 3 WHERE sku = 'A-1'
  RETURNING old.qty AS before, new.qty AS after, new.qty - old.qty AS delta;
UPDATE stock SET price = price * 1.1 WHERE sku = 'C-3' RETURNING old.*, new.*;
UPDATE stock SET note = 'checked' WHERE sku IN ('B-2', 'C-3') AND qty > 0 RETURNING sku, old.note IS DISTINCT FROM new.note AS changed;
UPDATE stock SET qty = 1 WHERE sku = 'A-1' RETURNING old, new;
UPDATE stock SET qty = 2 WHERE sku = 'A-1' RETURNING WITH (OLD AS o, NEW AS n) o.qty, n.qty, qty;
UPDATE stock SET qty = 3 WHERE sku = 'A-1' RETURNING WITH (OLD AS o) old.qty;
UPDATE stock SET qty = 3 WHERE sku = 'A-1' RETURNING WITH (OLD AS o, OLD AS p) o.qty;
UPDATE stock SET qty = 3 WHERE sku = 'A-1' RETURNING WITH (OLD AS stock) stock.qty;
UPDATE stock SET qty = 3 WHERE sku = 'A-1' RETURNING WITH (NEW AS o, OLD AS o) o.qty;

-- System columns: the old and the new row version.
SELECT ctid FROM stock WHERE sku = 'B-2';
UPDATE stock SET qty = 7 WHERE sku = 'B-2'
  RETURNING old.ctid = '(0,2)' AS old_at_first_slot, new.ctid <> old.ctid AS moved, new.ctid = ctid AS same,
    old.tableoid::regclass, new.tableoid::regclass;
INSERT INTO stock VALUES ('D-4', 1, 3.00, NULL) RETURNING old.ctid IS NULL AS no_old, new.ctid IS NOT NULL AS has_new, old.tableoid, new.tableoid::regclass;
DELETE FROM stock WHERE sku = 'D-4' RETURNING old.ctid IS NOT NULL AS has_old, new.ctid, new.tableoid, old.tableoid::regclass;

-- INSERT and DELETE: the missing side is NULL.
INSERT INTO stock VALUES ('E-5', 4, 4.00, 'new') RETURNING old.*, new.*, old, new;
DELETE FROM stock WHERE sku = 'E-5' RETURNING old.*, new.*, old, new, *;
INSERT INTO stock SELECT 'F-6', 1, 1, NULL WHERE false RETURNING old.*;

-- ON CONFLICT DO UPDATE: old is the existing row; DO NOTHING returns nothing.
INSERT INTO stock VALUES ('A-1', 5, 2.75, 'restock')
  ON CONFLICT (sku) DO UPDATE SET qty = stock.qty + EXCLUDED.qty, price = EXCLUDED.price
  RETURNING old.qty, new.qty, old.price, new.price, old.ctid <> new.ctid AS new_version;
INSERT INTO stock VALUES ('G-7', 5, 2.75, NULL), ('A-1', 1, 1, NULL)
  ON CONFLICT (sku) DO UPDATE SET qty = 0
  RETURNING sku, old.qty, new.qty, old IS NULL AS inserted;
INSERT INTO stock VALUES ('A-1', 1, 1, NULL) ON CONFLICT DO NOTHING RETURNING old.*, new.*;

-- MERGE: old / new per action.
MERGE INTO stock s
USING (VALUES ('A-1', 100), ('H-8', 8), ('G-7', NULL)) AS v(sku, qty) ON s.sku = v.sku
WHEN MATCHED AND v.qty IS NULL THEN DELETE
WHEN MATCHED THEN UPDATE SET qty = v.qty
WHEN NOT MATCHED THEN INSERT VALUES (v.sku, v.qty, 0.5, 'merged')
RETURNING merge_action(), v.sku, old.qty, new.qty, old.ctid IS NULL AS no_old, new.ctid IS NULL AS no_new;

-- An automatically updatable view: old.* / new.* / whole rows have the view's columns.
ALTER TABLE stock ALTER price SET DEFAULT 1.00;
CREATE VIEW stock_view AS
  SELECT sku AS code, qty AS on_hand, price * qty AS value, note FROM stock WHERE qty > 0;
UPDATE stock_view SET on_hand = on_hand + 1 WHERE code = 'C-3' RETURNING old.*, new.*;
UPDATE stock_view SET note = 'viewed' WHERE code = 'C-3' RETURNING old, new, stock_view;
UPDATE stock_view SET on_hand = 50 WHERE code = 'C-3' RETURNING old.value, new.value, new.value - old.value AS gain;
INSERT INTO stock_view (code, on_hand) VALUES ('J-9', 2) RETURNING old.*, new.*, old, new;
INSERT INTO stock_view (code, on_hand) VALUES ('K-10', 2) RETURNING old.value, new.value;
DELETE FROM stock_view WHERE code = 'J-9' RETURNING old.*, new.*, old, new;
UPDATE stock_view SET on_hand = 1 WHERE code = 'C-3' RETURNING old.ctid;
UPDATE stock_view SET on_hand = 1 WHERE code = 'C-3' RETURNING new.price;
UPDATE stock_view SET on_hand = 1 WHERE code = 'C-3' RETURNING WITH (OLD AS was) was.*, new.on_hand;
CREATE VIEW stock_view2 AS SELECT code, on_hand, note FROM stock_view WHERE code <> 'Z';
UPDATE stock_view2 SET on_hand = 9 WHERE code = 'C-3' RETURNING old.*, new.*, old, new;
DELETE FROM stock_view2 WHERE code = 'K-10' RETURNING old, new;
INSERT INTO stock_view (code, on_hand) VALUES ('C-3', 1)
  ON CONFLICT (code) DO UPDATE SET note = 'dup of ' || excluded.code || ' ' || excluded.*
  RETURNING old.note, new.note;

-- A view with an INSTEAD OF trigger: new is the row the trigger returns.
CREATE TABLE audit_stock (sku text, qty int);
CREATE VIEW stock_io AS SELECT sku, qty FROM stock;
CREATE FUNCTION stock_io_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    UPDATE stock SET qty = NEW.qty WHERE sku = OLD.sku;
    NEW.qty := NEW.qty * 10;
    RETURN NEW;
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO audit_stock VALUES (NEW.sku, NEW.qty);
    RETURN NEW;
  ELSE
    DELETE FROM audit_stock WHERE sku = OLD.sku;
    RETURN OLD;
  END IF;
END $$;
CREATE TRIGGER stock_io_t INSTEAD OF INSERT OR UPDATE OR DELETE ON stock_io FOR EACH ROW EXECUTE FUNCTION stock_io_trg();
UPDATE stock_io SET qty = 4 WHERE sku = 'C-3' RETURNING old.*, new.*, *;
INSERT INTO stock_io VALUES ('L-11', 3) RETURNING old.*, new.*, old, new;
DELETE FROM stock_io WHERE sku = 'C-3' RETURNING old.qty, new.qty, *;

SELECT * FROM stock ORDER BY sku;
