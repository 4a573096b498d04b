-- Triggers under MERGE: which statement triggers fire, row triggers per action, BEFORE ROW
-- changing or skipping rows, and transition order.
CREATE TABLE stock (sku text PRIMARY KEY, qty integer NOT NULL);
INSERT INTO stock VALUES ('a', 1), ('b', 2), ('c', 3);
CREATE TABLE incoming (sku text, qty integer);
INSERT INTO incoming VALUES ('a', 10), ('b', 0), ('d', 4), ('skip', 1);
CREATE FUNCTION log_stmt() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE NOTICE '% % % %', TG_NAME, TG_WHEN, TG_LEVEL, TG_OP;
  RETURN NULL;
END $$;
CREATE FUNCTION log_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE NOTICE '% % % old=% new=%', TG_NAME, TG_WHEN, TG_OP, OLD, NEW;
  IF TG_WHEN = 'BEFORE' AND TG_OP <> 'DELETE' THEN
    IF NEW.sku = 'skip' THEN RETURN NULL; END IF;
    NEW.qty := NEW.qty * 100;
    RETURN NEW;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER s_before_ins BEFORE INSERT ON stock FOR EACH STATEMENT EXECUTE FUNCTION log_stmt();
CREATE TRIGGER s_before_upd BEFORE UPDATE ON stock FOR EACH STATEMENT EXECUTE FUNCTION log_stmt();
CREATE TRIGGER s_before_del BEFORE DELETE ON stock FOR EACH STATEMENT EXECUTE FUNCTION log_stmt();
CREATE TRIGGER s_after_ins AFTER INSERT ON stock FOR EACH STATEMENT EXECUTE FUNCTION log_stmt();
CREATE TRIGGER s_after_upd AFTER UPDATE ON stock FOR EACH STATEMENT EXECUTE FUNCTION log_stmt();
CREATE TRIGGER s_after_del AFTER DELETE ON stock FOR EACH STATEMENT EXECUTE FUNCTION log_stmt();
MERGE INTO stock s USING incoming i ON s.sku = i.sku
WHEN MATCHED THEN UPDATE SET qty = i.qty;
MERGE INTO stock s USING incoming i ON s.sku = i.sku
WHEN MATCHED AND i.qty = 0 THEN DELETE
WHEN NOT MATCHED THEN DO NOTHING;
MERGE INTO stock s USING incoming i ON s.sku = i.sku
WHEN NOT MATCHED BY SOURCE THEN DELETE
WHEN NOT MATCHED THEN INSERT VALUES (i.sku, i.qty)
WHEN MATCHED THEN UPDATE SET qty = s.qty + 1;
SELECT * FROM stock ORDER BY sku;
MERGE INTO stock s USING (SELECT 'zz' AS sku WHERE false) i ON s.sku = i.sku
WHEN MATCHED THEN DO NOTHING;
CREATE TRIGGER r_before BEFORE INSERT OR UPDATE OR DELETE ON stock FOR EACH ROW EXECUTE FUNCTION log_row();
CREATE TRIGGER r_after AFTER INSERT OR UPDATE OR DELETE ON stock FOR EACH ROW EXECUTE FUNCTION log_row();
INSERT INTO incoming VALUES ('e', 5);
MERGE INTO stock s USING incoming i ON s.sku = i.sku
WHEN MATCHED AND i.sku = 'a' THEN DELETE
WHEN MATCHED THEN UPDATE SET qty = i.qty
WHEN NOT MATCHED THEN INSERT VALUES (i.sku, i.qty)
RETURNING merge_action(), s.*;
SELECT * FROM stock ORDER BY sku;
-- Transition tables of the statement triggers MERGE fires.
DROP TRIGGER r_before ON stock;
DROP TRIGGER r_after ON stock;
CREATE FUNCTION log_transition() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE o text; n text;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN SELECT string_agg(sku || ':' || qty, ',' ORDER BY sku) INTO o FROM old_rows; END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN SELECT string_agg(sku || ':' || qty, ',' ORDER BY sku) INTO n FROM new_rows; END IF;
  RAISE NOTICE '% % old=[%] new=[%]', TG_NAME, TG_OP, o, n;
  RETURN NULL;
END $$;
CREATE TRIGGER t_upd AFTER UPDATE ON stock REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_transition();
CREATE TRIGGER t_ins AFTER INSERT ON stock REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_transition();
CREATE TRIGGER t_del AFTER DELETE ON stock REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION log_transition();
MERGE INTO stock s USING (VALUES ('b', 1), ('x', 2), ('skip', 0)) i(sku, qty) ON s.sku = i.sku
WHEN MATCHED AND i.qty = 0 THEN DELETE
WHEN MATCHED THEN UPDATE SET qty = s.qty + i.qty
WHEN NOT MATCHED THEN INSERT VALUES (i.sku, i.qty);
MERGE INTO stock s USING (VALUES ('nothing')) i(sku) ON s.sku = i.sku
WHEN MATCHED THEN DELETE
WHEN NOT MATCHED AND false THEN INSERT VALUES (i.sku, 0);
-- A row a BEFORE trigger skipped may be matched again.
CREATE FUNCTION skip_zero() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.qty = 0 THEN RETURN NULL; END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER z_skip BEFORE UPDATE ON stock FOR EACH ROW EXECUTE FUNCTION skip_zero();
MERGE INTO stock s USING (VALUES ('x', 0), ('x', 5)) i(sku, qty) ON s.sku = i.sku
WHEN MATCHED THEN UPDATE SET qty = i.qty
RETURNING s.*;
MERGE INTO stock s USING (VALUES ('x', 6), ('x', 0)) i(sku, qty) ON s.sku = i.sku
WHEN MATCHED THEN UPDATE SET qty = i.qty
RETURNING s.*;
SELECT * FROM stock ORDER BY sku;
