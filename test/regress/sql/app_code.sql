-- regress: where
-- Application code as real schemas carry it: updated_at and audit triggers, soft delete through
-- a view, Supabase's handle_new_user (auth.users -> public.profiles), order-total RPCs,
-- validation with custom SQLSTATEs, and a recursive function over a category tree.
CREATE SCHEMA auth;
CREATE TABLE auth.users (id uuid PRIMARY KEY, email text NOT NULL UNIQUE, raw_user_meta_data jsonb NOT NULL DEFAULT '{}', created_at timestamptz NOT NULL DEFAULT '2024-01-01 00:00:00+00');
CREATE TABLE public.profiles (
  id uuid PRIMARY KEY REFERENCES auth.users ON DELETE CASCADE,
  username text UNIQUE,
  full_name text,
  created_at timestamptz NOT NULL DEFAULT '2024-01-01 00:00:00+00',
  updated_at timestamptz
);
CREATE FUNCTION public.handle_new_user() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  INSERT INTO public.profiles (id, username, full_name)
  VALUES (NEW.id, NEW.raw_user_meta_data ->> 'username', NEW.raw_user_meta_data ->> 'full_name');
  RETURN NEW;
END;
$$;
CREATE TRIGGER on_auth_user_created AFTER INSERT ON auth.users FOR EACH ROW EXECUTE FUNCTION public.handle_new_user();
INSERT INTO auth.users (id, email, raw_user_meta_data) VALUES
  ('00000000-0000-0000-0000-000000000001', 'ada@example.com', '{"username": "ada", "full_name": "Ada Lovelace"}'),
  ('00000000-0000-0000-0000-000000000002', 'grace@example.com', '{"username": "grace"}');
SELECT id, username, full_name FROM public.profiles ORDER BY username;
INSERT INTO auth.users (id, email, raw_user_meta_data) VALUES ('00000000-0000-0000-0000-000000000003', 'ada2@example.com', '{"username": "ada"}');
SELECT count(*) FROM auth.users;

CREATE FUNCTION public.set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := '2024-06-01 12:00:00+00';
  RETURN NEW;
END;
$$;
CREATE TRIGGER profiles_updated_at BEFORE UPDATE ON public.profiles FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();
UPDATE public.profiles SET full_name = 'Grace Hopper' WHERE username = 'grace' RETURNING username, full_name, updated_at;
SELECT username, updated_at IS NULL AS untouched FROM public.profiles ORDER BY username;

CREATE TABLE products (id int PRIMARY KEY, name text NOT NULL, price numeric(10,2) NOT NULL CHECK (price >= 0), stock int NOT NULL DEFAULT 0);
CREATE TABLE orders (id serial PRIMARY KEY, user_id uuid NOT NULL REFERENCES auth.users, status text NOT NULL DEFAULT 'cart', total numeric(12,2) NOT NULL DEFAULT 0, deleted_at timestamptz);
CREATE TABLE order_items (order_id int REFERENCES orders ON DELETE CASCADE, product_id int REFERENCES products, qty int NOT NULL, unit_price numeric(10,2), PRIMARY KEY (order_id, product_id));
CREATE TABLE audit_log (id serial PRIMARY KEY, table_name text NOT NULL, op text NOT NULL, row_id text, changed jsonb);
INSERT INTO products VALUES (1, 'Keyboard', 49.90, 10), (2, 'Mouse', 19.99, 2), (3, 'Cable', 4.50, 100);

CREATE FUNCTION audit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r jsonb;
BEGIN
  IF TG_OP = 'DELETE' THEN
    r := to_jsonb(OLD);
  ELSE
    r := to_jsonb(NEW);
  END IF;
  INSERT INTO audit_log (table_name, op, row_id, changed)
  VALUES (TG_TABLE_NAME, TG_OP, coalesce(r ->> 'id', r ->> 'order_id'), CASE WHEN TG_OP = 'UPDATE' THEN to_jsonb(NEW) - 'id' ELSE NULL END);
  RETURN NULL;
END;
$$;
CREATE TRIGGER orders_audit AFTER INSERT OR UPDATE OR DELETE ON orders FOR EACH ROW EXECUTE FUNCTION audit();

CREATE FUNCTION check_order_item() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  p products%ROWTYPE;
BEGIN
  SELECT * INTO p FROM products WHERE id = NEW.product_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'unknown product %', NEW.product_id USING ERRCODE = 'P0404';
  END IF;
  IF NEW.qty <= 0 THEN
    RAISE EXCEPTION 'quantity must be positive' USING ERRCODE = 'P0400', COLUMN = 'qty', DETAIL = format('Got %s for product %s.', NEW.qty, p.name);
  END IF;
  IF NEW.qty > p.stock THEN
    RAISE EXCEPTION 'insufficient stock for %', p.name USING ERRCODE = 'P0409', HINT = format('Only %s left.', p.stock);
  END IF;
  NEW.unit_price := p.price;
  RETURN NEW;
END;
$$;
CREATE TRIGGER order_items_check BEFORE INSERT OR UPDATE ON order_items FOR EACH ROW EXECUTE FUNCTION check_order_item();

CREATE FUNCTION recalc_order_total() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  oid int := coalesce(NEW.order_id, OLD.order_id);
BEGIN
  UPDATE orders SET total = coalesce((SELECT sum(qty * unit_price) FROM order_items WHERE order_id = oid), 0) WHERE id = oid;
  RETURN NULL;
END;
$$;
CREATE TRIGGER order_items_total AFTER INSERT OR UPDATE OR DELETE ON order_items FOR EACH ROW EXECUTE FUNCTION recalc_order_total();

CREATE FUNCTION add_to_cart(p_user uuid, p_product int, p_qty int DEFAULT 1) RETURNS orders LANGUAGE plpgsql AS $$
DECLARE
  o orders;
BEGIN
  SELECT * INTO o FROM orders WHERE user_id = p_user AND status = 'cart' AND deleted_at IS NULL;
  IF NOT FOUND THEN
    INSERT INTO orders (user_id) VALUES (p_user) RETURNING * INTO o;
  END IF;
  INSERT INTO order_items (order_id, product_id, qty) VALUES (o.id, p_product, p_qty)
  ON CONFLICT (order_id, product_id) DO UPDATE SET qty = order_items.qty + excluded.qty;
  SELECT * INTO o FROM orders WHERE id = o.id;
  RETURN o;
END;
$$;
SELECT id, status, total FROM add_to_cart('00000000-0000-0000-0000-000000000001', 1);
SELECT id, status, total FROM add_to_cart('00000000-0000-0000-0000-000000000001', 3, 4);
SELECT id, status, total FROM add_to_cart('00000000-0000-0000-0000-000000000001', 1);
SELECT total FROM add_to_cart(p_user => '00000000-0000-0000-0000-000000000001', p_product => 2);
SELECT add_to_cart('00000000-0000-0000-0000-000000000001', 2, 5);
SELECT add_to_cart('00000000-0000-0000-0000-000000000001', 99);
SELECT add_to_cart('00000000-0000-0000-0000-000000000001', 3, 0);
INSERT INTO order_items (order_id, product_id, qty) VALUES (1, 3, -1);
SELECT product_id, qty, unit_price FROM order_items ORDER BY product_id;

CREATE FUNCTION order_summary(p_user uuid) RETURNS TABLE (order_id int, items bigint, total numeric) LANGUAGE sql STABLE AS $$
  SELECT o.id, count(i.*), o.total FROM orders o LEFT JOIN order_items i ON i.order_id = o.id
  WHERE o.user_id = p_user AND o.deleted_at IS NULL GROUP BY o.id ORDER BY o.id
$$;
SELECT * FROM order_summary('00000000-0000-0000-0000-000000000001');

CREATE FUNCTION checkout(p_order int) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE
  item record;
  t numeric;
BEGIN
  FOR item IN SELECT i.product_id, i.qty, p.stock FROM order_items i JOIN products p ON p.id = i.product_id WHERE i.order_id = p_order ORDER BY i.product_id LOOP
    UPDATE products SET stock = stock - item.qty WHERE id = item.product_id;
  END LOOP;
  UPDATE orders SET status = 'paid' WHERE id = p_order AND status = 'cart' RETURNING total INTO t;
  IF t IS NULL THEN
    RAISE EXCEPTION 'order % is not a cart', p_order USING ERRCODE = 'P0409';
  END IF;
  RETURN t;
END;
$$;
SELECT checkout(1);
SELECT checkout(1);
SELECT id, stock FROM products ORDER BY id;
SELECT table_name, op, row_id, changed ->> 'status' AS status, changed ->> 'total' AS total FROM audit_log ORDER BY id;

CREATE VIEW active_orders AS SELECT id, user_id, status, total FROM orders WHERE deleted_at IS NULL;
CREATE FUNCTION soft_delete_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE orders SET deleted_at = '2024-07-01 00:00:00+00' WHERE id = OLD.id;
  RETURN OLD;
END;
$$;
CREATE TRIGGER active_orders_delete INSTEAD OF DELETE ON active_orders FOR EACH ROW EXECUTE FUNCTION soft_delete_order();
DELETE FROM active_orders WHERE id = 1 RETURNING id, status;
SELECT count(*) AS active FROM active_orders;
SELECT id, deleted_at IS NOT NULL AS deleted FROM orders ORDER BY id;
SELECT op, row_id FROM audit_log WHERE op <> 'INSERT' ORDER BY id;

CREATE TABLE categories (id int PRIMARY KEY, parent_id int REFERENCES categories, name text NOT NULL);
INSERT INTO categories VALUES (1, NULL, 'root'), (2, 1, 'hardware'), (3, 2, 'input'), (4, 3, 'keyboards'), (5, 1, 'software');
CREATE FUNCTION category_path(cid int) RETURNS text LANGUAGE plpgsql STABLE AS $$
DECLARE
  c categories;
BEGIN
  SELECT * INTO c FROM categories WHERE id = cid;
  IF NOT FOUND THEN RETURN NULL; END IF;
  IF c.parent_id IS NULL THEN RETURN c.name; END IF;
  RETURN category_path(c.parent_id) || ' > ' || c.name;
END;
$$;
SELECT id, category_path(id) FROM categories ORDER BY id;
CREATE FUNCTION subtree_size(cid int) RETURNS int LANGUAGE sql STABLE AS $$
  SELECT 1 + coalesce((SELECT sum(subtree_size(id))::int FROM categories WHERE parent_id = cid), 0)
$$;
SELECT subtree_size(1), subtree_size(2), subtree_size(5);

DELETE FROM auth.users WHERE email = 'grace@example.com';
SELECT username FROM public.profiles ORDER BY username;
