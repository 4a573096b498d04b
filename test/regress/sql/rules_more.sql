-- More rule forms on an inventory schema: lateral OLD/NEW, VALUES actions, OLD.* / NEW.*, WITH.
CREATE TABLE items (sku int PRIMARY KEY, title text DEFAULT 'untitled', qty int NOT NULL DEFAULT 0);
CREATE TABLE item_events (sku int, qty int, kind text, seq serial);
CREATE TABLE restock (sku int, wanted int);

-- Bare columns in the WHERE of an INSERT rule are NEW's.
CREATE RULE items_small AS ON INSERT TO items WHERE qty < 5
  DO ALSO INSERT INTO restock VALUES (NEW.sku, 5 - NEW.qty);
INSERT INTO items VALUES (1, 'bolt', 2), (2, 'nut', 10), (3, 'washer', 0);
SELECT * FROM restock ORDER BY sku;

-- OLD.* / NEW.* in VALUES, DEFAULT in a multi-row VALUES action.
CREATE RULE items_events AS ON UPDATE TO items
  DO ALSO INSERT INTO item_events VALUES (OLD.sku, OLD.qty, 'old', DEFAULT), (NEW.sku, NEW.qty, 'new', DEFAULT);
UPDATE items SET qty = qty + 1 WHERE sku <= 2;
SELECT sku, qty, kind FROM item_events ORDER BY seq;

-- Subqueries in an action's FROM see OLD / NEW (implicitly LATERAL).
CREATE VIEW items_v AS SELECT * FROM items;
CREATE RULE items_v_upd AS ON UPDATE TO items_v
  DO INSTEAD UPDATE restock r SET wanted = t.q * 10
  FROM (SELECT qty AS q FROM items WHERE sku = OLD.sku) t WHERE r.sku = OLD.sku;
UPDATE items_v SET title = upper(title);
SELECT * FROM restock ORDER BY sku;
SELECT sku, title, qty FROM items ORDER BY sku;

-- A conditional INSTEAD rule's action sets the tag when the original is gone.
CREATE TABLE intake (sku int, qty int);
CREATE RULE intake_big AS ON INSERT TO intake WHERE NEW.qty >= 100
  DO INSTEAD INSERT INTO items (sku, qty) VALUES (NEW.sku, NEW.qty);
CREATE RULE intake_drop AS ON INSERT TO intake DO INSTEAD NOTHING;
INSERT INTO intake VALUES (10, 500);
INSERT INTO intake VALUES (11, 5);
INSERT INTO intake SELECT 12, 200 UNION ALL SELECT 13, 1;
SELECT * FROM intake;
SELECT sku, qty FROM items WHERE sku >= 10 ORDER BY sku;

-- WITH on an INSERT through rules
WITH src(s, q) AS (VALUES (20, 1), (21, 2)) INSERT INTO items (sku, qty) SELECT s, q FROM src;
WITH src(s, q) AS (VALUES (30, 100)) INSERT INTO intake SELECT s, q FROM src;
SELECT sku, qty FROM items WHERE sku >= 20 ORDER BY sku;
SELECT * FROM restock ORDER BY sku;

-- A VALUES rule action returns its rows with the statement's tag
CREATE TABLE probe (k int, v text);
CREATE RULE probe_show AS ON UPDATE TO probe DO ALSO VALUES (OLD.v, NEW.v);
INSERT INTO probe VALUES (1, 'a');
UPDATE probe SET v = 'b';

-- MERGE is refused while the relation has enabled rules
MERGE INTO probe p USING (SELECT 1 AS k) s ON p.k = s.k WHEN MATCHED THEN UPDATE SET v = 'm';
ALTER TABLE probe DISABLE RULE probe_show;
MERGE INTO probe p USING (SELECT 1 AS k) s ON p.k = s.k WHEN MATCHED THEN UPDATE SET v = 'm';
SELECT * FROM probe;

-- LATERAL subqueries joined on their own columns (the join the rules above rely on)
SELECT i.sku, l.double FROM items i, LATERAL (SELECT i.qty * 2 AS double, i.sku AS k) l WHERE i.sku = l.k AND i.sku < 3 ORDER BY 1;
