-- Views written through rules: a customer/order schema with a joined view.
CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL, email text);
CREATE TABLE orders (id serial PRIMARY KEY, customer_id int REFERENCES customers, total numeric(10,2), note text);
INSERT INTO customers VALUES (1, 'Ann', 'ann@example.com'), (2, 'Ben', NULL);
INSERT INTO orders (customer_id, total) VALUES (1, 10), (1, 20), (2, 5);

CREATE VIEW order_view AS
  SELECT o.id, o.customer_id, c.name AS customer, o.total, o.note
  FROM orders o JOIN customers c ON c.id = o.customer_id;

-- Not updatable without rules.
INSERT INTO order_view (customer_id, total) VALUES (1, 1);
UPDATE order_view SET total = 0;

CREATE RULE order_view_ins AS ON INSERT TO order_view DO INSTEAD
  INSERT INTO orders (customer_id, total, note) VALUES (NEW.customer_id, NEW.total, NEW.note)
  RETURNING id, customer_id, (SELECT name FROM customers WHERE id = customer_id), total, note;
CREATE RULE order_view_upd AS ON UPDATE TO order_view DO INSTEAD
  UPDATE orders SET total = NEW.total, note = NEW.note WHERE id = OLD.id
  RETURNING id, customer_id, (SELECT name FROM customers WHERE id = customer_id), total, note;
CREATE RULE order_view_del AS ON DELETE TO order_view DO INSTEAD
  DELETE FROM orders WHERE id = OLD.id;

INSERT INTO order_view (customer_id, total) VALUES (2, 7.5);
INSERT INTO order_view (customer_id, total, note) VALUES (1, 3, 'gift'), (2, 4, NULL) RETURNING *;
INSERT INTO order_view (customer_id, total) SELECT id, 100 FROM customers WHERE name = 'Ben' RETURNING id, customer, total * 2 AS doubled;
SELECT * FROM order_view ORDER BY id;
UPDATE order_view SET total = total + 1 WHERE customer = 'Ann';
UPDATE order_view SET note = 'vip' WHERE customer = 'Ben' RETURNING id, customer, note;
UPDATE order_view SET note = 'none' WHERE id = 999 RETURNING *;
DELETE FROM order_view WHERE total > 50;
DELETE FROM order_view WHERE total > 50 RETURNING *;
SELECT * FROM order_view ORDER BY id;

-- A conditional INSTEAD rule alone does not make a view writable.
CREATE VIEW big_orders AS SELECT * FROM orders WHERE total >= 10;
CREATE RULE big_orders_del AS ON DELETE TO big_orders WHERE OLD.note IS NULL DO INSTEAD
  UPDATE orders SET note = 'kept' WHERE id = OLD.id;
DELETE FROM big_orders WHERE id = 1;
-- ... but with an unconditional one it is.
CREATE RULE big_orders_del2 AS ON DELETE TO big_orders DO INSTEAD
  DELETE FROM orders WHERE id = OLD.id;
DELETE FROM big_orders WHERE customer_id = 1;
SELECT id, total, note FROM orders ORDER BY id;

-- An automatically updatable view with DO ALSO rules: the view is still written through.
CREATE TABLE view_log (what text, order_id int);
CREATE VIEW ann_orders AS SELECT id, customer_id, total FROM orders WHERE customer_id = 1;
CREATE RULE ann_orders_log AS ON UPDATE TO ann_orders DO ALSO
  INSERT INTO view_log VALUES ('update', OLD.id);
UPDATE ann_orders SET total = 99;
SELECT * FROM view_log ORDER BY order_id;
SELECT id, customer_id, total FROM orders ORDER BY id;
CREATE RULE ann_orders_ins AS ON INSERT TO ann_orders DO ALSO
  INSERT INTO view_log VALUES ('insert', NEW.id);
INSERT INTO ann_orders (customer_id, total) VALUES (1, 1) RETURNING id, total;
SELECT * FROM view_log ORDER BY what, order_id;
INSERT INTO ann_orders (customer_id, total) VALUES (1, 2) ON CONFLICT DO NOTHING;

-- INSTEAD OF triggers and rules on one view: an INSTEAD rule wins, ALSO rules run with the trigger.
CREATE VIEW note_view AS SELECT id, note FROM orders;
CREATE FUNCTION note_view_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE NOTICE 'trigger % on %', TG_OP, NEW.id;
  UPDATE orders SET note = NEW.note WHERE id = NEW.id;
  RETURN NEW;
END $$;
CREATE TRIGGER note_view_upd INSTEAD OF UPDATE ON note_view FOR EACH ROW EXECUTE FUNCTION note_view_trg();
UPDATE note_view SET note = 'by trigger' WHERE id = 2;
CREATE RULE note_view_also AS ON UPDATE TO note_view DO ALSO INSERT INTO view_log VALUES ('note', NEW.id);
UPDATE note_view SET note = 'trigger and rule' WHERE id = 2;
CREATE RULE note_view_instead AS ON UPDATE TO note_view DO INSTEAD UPDATE orders SET note = upper(NEW.note) WHERE id = OLD.id;
UPDATE note_view SET note = 'by rule' WHERE id = 2;
SELECT id, note FROM orders WHERE id = 2;
SELECT * FROM view_log ORDER BY what, order_id;

-- Views over views: a rule action writes another view that has rules.
CREATE VIEW order_view2 AS SELECT id, customer_id, customer, total, note FROM order_view;
CREATE RULE order_view2_ins AS ON INSERT TO order_view2 DO INSTEAD
  INSERT INTO order_view (customer_id, total, note) VALUES (NEW.customer_id, NEW.total, 'via view2');
INSERT INTO order_view2 (customer_id, total) VALUES (2, 42);
INSERT INTO order_view2 (customer_id, total) VALUES (2, 43) RETURNING *;
SELECT customer, total, note FROM order_view WHERE note = 'via view2';

-- Dropping a view drops its rules; dropping what a rule uses needs CASCADE.
DROP TABLE view_log;
DROP TABLE view_log CASCADE;
SELECT c.relname, r.rulename FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class
WHERE c.relnamespace = 'public'::regnamespace ORDER BY 1, 2;
DROP VIEW order_view2;
DROP VIEW order_view;
DROP VIEW order_view CASCADE;
SELECT count(*) FROM pg_rewrite WHERE rulename LIKE 'order_view%';
