-- MERGE into a partitioned table and into an inheritance parent: matched rows are updated or
-- deleted in the partition (or child) they are in, new rows are routed to their partition,
-- an UPDATE that changes the partition key moves the row; triggers of the partitions and of
-- the root, transition tables, RETURNING with merge_action(), tableoid, old and new.

-- An events table partitioned by month, one partition with its columns in another order.
CREATE TABLE dml_mp_events (id int, at date, kind text, qty int, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
CREATE TABLE dml_mp_events_jan PARTITION OF dml_mp_events FOR VALUES FROM ('2024-01-01') TO ('2024-02-01');
CREATE TABLE dml_mp_events_feb (qty int, kind text, at date NOT NULL, id int NOT NULL);
ALTER TABLE dml_mp_events ATTACH PARTITION dml_mp_events_feb FOR VALUES FROM ('2024-02-01') TO ('2024-03-01');
CREATE TABLE dml_mp_events_mar PARTITION OF dml_mp_events FOR VALUES FROM ('2024-03-01') TO ('2024-04-01');
INSERT INTO dml_mp_events VALUES
  (1, '2024-01-05', 'click', 1), (2, '2024-01-20', 'view', 2),
  (3, '2024-02-03', 'click', 3), (4, '2024-02-14', 'view', 4), (5, '2024-03-01', 'buy', 5);

CREATE TABLE dml_mp_incoming (id int, at date, kind text, qty int);
INSERT INTO dml_mp_incoming VALUES
  (1, '2024-01-05', 'click', 10),   -- matched in jan: update
  (3, '2024-02-03', 'click', NULL), -- matched in feb: delete
  (6, '2024-02-20', 'view', 6),     -- not matched: routed to feb
  (7, '2024-03-09', 'buy', 7);      -- not matched: routed to mar

MERGE INTO dml_mp_events e
USING dml_mp_incoming i ON e.id = i.id AND e.at = i.at
WHEN MATCHED AND i.qty IS NULL THEN DELETE
WHEN MATCHED THEN UPDATE SET qty = e.qty + i.qty
WHEN NOT MATCHED THEN INSERT VALUES (i.id, i.at, i.kind, i.qty)
RETURNING merge_action(), e.tableoid::regclass, e.*;

SELECT tableoid::regclass, * FROM dml_mp_events ORDER BY id;

-- Changing the partition key moves the row to its new partition (old and new in RETURNING).
MERGE INTO dml_mp_events e
USING (VALUES (2, '2024-01-20'::date, '2024-02-21'::date), (4, '2024-02-14'::date, '2024-03-14'::date)) AS m(id, at, new_at)
  ON e.id = m.id AND e.at = m.at
WHEN MATCHED THEN UPDATE SET at = m.new_at
RETURNING merge_action(), old.at AS old_at, new.at AS new_at, e.tableoid::regclass;

SELECT tableoid::regclass, * FROM dml_mp_events ORDER BY id;

-- No partition for the row: the statement fails and changes nothing.
MERGE INTO dml_mp_events e
USING (VALUES (8, '2024-07-01'::date)) AS n(id, at) ON e.id = n.id
WHEN NOT MATCHED THEN INSERT (id, at, kind, qty) VALUES (n.id, n.at, 'late', 0);

MERGE INTO dml_mp_events e
USING (VALUES (1, '2024-01-05'::date)) AS n(id, at) ON e.id = n.id AND e.at = n.at
WHEN MATCHED THEN UPDATE SET at = '2025-01-01';

SELECT count(*) FROM dml_mp_events;

-- The same row matched twice.
MERGE INTO dml_mp_events e
USING (VALUES (5), (5)) AS n(id) ON e.id = n.id
WHEN MATCHED THEN UPDATE SET qty = qty + 1;

-- A duplicate key in the destination partition.
MERGE INTO dml_mp_events e
USING (VALUES (6, '2024-02-20'::date)) AS n(id, at) ON false
WHEN NOT MATCHED THEN INSERT VALUES (n.id, n.at, 'dup', 0);

-- WHEN NOT MATCHED BY SOURCE reaches the rows of every partition.
MERGE INTO dml_mp_events e
USING (SELECT * FROM dml_mp_events WHERE kind = 'buy') AS s ON e.id = s.id AND e.at = s.at
WHEN MATCHED THEN UPDATE SET qty = e.qty * 100
WHEN NOT MATCHED BY SOURCE AND e.kind = 'view' THEN DELETE
RETURNING merge_action(), e.id, e.tableoid::regclass;

SELECT tableoid::regclass, * FROM dml_mp_events ORDER BY id;

-- MERGE into one partition directly: its partition constraint applies.
MERGE INTO dml_mp_events_feb f
USING (VALUES (9, '2024-05-05'::date)) AS n(id, at) ON f.id = n.id
WHEN NOT MATCHED THEN INSERT (id, at, kind, qty) VALUES (n.id, n.at, 'x', 1);

MERGE INTO dml_mp_events_feb f
USING (VALUES (6)) AS n(id) ON f.id = n.id
WHEN MATCHED THEN UPDATE SET at = '2024-01-02';

MERGE INTO dml_mp_events_feb f
USING (VALUES (6)) AS n(id) ON f.id = n.id
WHEN MATCHED THEN UPDATE SET qty = 60
RETURNING f.*;

-- MERGE inside a function: row count through GET DIAGNOSTICS.
CREATE FUNCTION dml_mp_bump(p_kind text) RETURNS int LANGUAGE plpgsql AS $$
DECLARE n int;
BEGIN
  MERGE INTO dml_mp_events e
  USING (SELECT id, at FROM dml_mp_events WHERE kind = p_kind) s ON e.id = s.id AND e.at = s.at
  WHEN MATCHED THEN UPDATE SET qty = e.qty + 1;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END $$;
SELECT dml_mp_bump('click');
SELECT dml_mp_bump('nothing');

-- Triggers: statement triggers of the partitioned table, row triggers of the partitions,
-- transition tables of the partitioned table with every row in its layout.
CREATE TABLE dml_mp_stock (sku text, wh int, qty int, PRIMARY KEY (sku, wh)) PARTITION BY LIST (wh);
CREATE TABLE dml_mp_stock_1 PARTITION OF dml_mp_stock FOR VALUES IN (1);
CREATE TABLE dml_mp_stock_2 PARTITION OF dml_mp_stock FOR VALUES IN (2);
INSERT INTO dml_mp_stock VALUES ('a', 1, 10), ('b', 1, 5), ('c', 2, 7);

CREATE FUNCTION dml_mp_row_trig() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE NOTICE '% % % on %: %', TG_NAME, TG_WHEN, TG_OP, TG_TABLE_NAME, OLD;
    RETURN OLD;
  ELSIF TG_OP = 'UPDATE' THEN
    RAISE NOTICE '% % % on %: % -> %', TG_NAME, TG_WHEN, TG_OP, TG_TABLE_NAME, OLD, NEW;
  ELSE
    RAISE NOTICE '% % % on %: %', TG_NAME, TG_WHEN, TG_OP, TG_TABLE_NAME, NEW;
  END IF;
  RETURN NEW;
END $$;
CREATE FUNCTION dml_mp_stmt_trig() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE NOTICE '% % % on %', TG_NAME, TG_WHEN, TG_OP, TG_TABLE_NAME;
  RETURN NULL;
END $$;
CREATE FUNCTION dml_mp_tt_trig() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    RAISE NOTICE '% new: %', TG_NAME, (SELECT string_agg(n::text, ', ' ORDER BY n::text) FROM new_rows n);
  ELSIF TG_OP = 'UPDATE' THEN
    RAISE NOTICE '% old: %, new: %', TG_NAME,
      (SELECT string_agg(o::text, ', ' ORDER BY o::text) FROM old_rows o),
      (SELECT string_agg(n::text, ', ' ORDER BY n::text) FROM new_rows n);
  ELSE
    RAISE NOTICE '% old: %', TG_NAME, (SELECT string_agg(o::text, ', ' ORDER BY o::text) FROM old_rows o);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER dml_mp_b BEFORE INSERT OR UPDATE OR DELETE ON dml_mp_stock FOR EACH ROW EXECUTE FUNCTION dml_mp_row_trig();
CREATE TRIGGER dml_mp_a AFTER INSERT OR UPDATE OR DELETE ON dml_mp_stock FOR EACH ROW EXECUTE FUNCTION dml_mp_row_trig();
CREATE TRIGGER dml_mp_s BEFORE INSERT OR UPDATE OR DELETE ON dml_mp_stock FOR EACH STATEMENT EXECUTE FUNCTION dml_mp_stmt_trig();
CREATE TRIGGER dml_mp_s2 AFTER INSERT OR UPDATE OR DELETE ON dml_mp_stock FOR EACH STATEMENT EXECUTE FUNCTION dml_mp_stmt_trig();
CREATE TRIGGER dml_mp_tt_ins AFTER INSERT ON dml_mp_stock REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dml_mp_tt_trig();
CREATE TRIGGER dml_mp_tt_upd AFTER UPDATE ON dml_mp_stock REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dml_mp_tt_trig();
CREATE TRIGGER dml_mp_tt_del AFTER DELETE ON dml_mp_stock REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dml_mp_tt_trig();

MERGE INTO dml_mp_stock s
USING (VALUES ('a', 1, -10), ('b', 1, 3), ('d', 2, 4)) AS m(sku, wh, delta) ON s.sku = m.sku AND s.wh = m.wh
WHEN MATCHED AND s.qty + m.delta <= 0 THEN DELETE
WHEN MATCHED THEN UPDATE SET qty = s.qty + m.delta
WHEN NOT MATCHED THEN INSERT VALUES (m.sku, m.wh, m.delta);

-- Moving a row between partitions fires DELETE and INSERT row triggers of the partitions.
MERGE INTO dml_mp_stock s
USING (VALUES ('b', 1)) AS m(sku, wh) ON s.sku = m.sku AND s.wh = m.wh
WHEN MATCHED THEN UPDATE SET wh = 2;

SELECT tableoid::regclass, * FROM dml_mp_stock ORDER BY sku;

-- A moved row is in MERGE's DELETE and INSERT transition tables (an UPDATE's are its UPDATE ones).
MERGE INTO dml_mp_stock s
USING (VALUES ('b', 2, 0), ('a', 1, 1), ('d', 2, 2), ('z', 1, 3)) AS m(sku, wh, k) ON s.sku = m.sku AND s.wh = m.wh
WHEN MATCHED AND k = 0 THEN UPDATE SET wh = 1
WHEN MATCHED AND k = 1 THEN UPDATE SET qty = 11
WHEN MATCHED THEN DELETE
WHEN NOT MATCHED THEN INSERT VALUES (m.sku, m.wh, 0);
UPDATE dml_mp_stock SET wh = 2 WHERE sku = 'b';

-- A BEFORE ROW trigger of a partition that skips the row.
CREATE FUNCTION dml_mp_skip() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
CREATE TRIGGER dml_mp_skip BEFORE UPDATE ON dml_mp_stock_2 FOR EACH ROW EXECUTE FUNCTION dml_mp_skip();
MERGE INTO dml_mp_stock s
USING (VALUES ('c', 2)) AS m(sku, wh) ON s.sku = m.sku AND s.wh = m.wh
WHEN MATCHED THEN UPDATE SET qty = 0
RETURNING s.*;
SELECT * FROM dml_mp_stock WHERE sku = 'c';

-- Inheritance: rows of the children are changed where they are, new rows go into the parent.
CREATE TABLE dml_mp_items (id int, name text, price numeric);
CREATE TABLE dml_mp_books (isbn text) INHERITS (dml_mp_items);
CREATE TABLE dml_mp_music (price numeric, id int, name text);
ALTER TABLE dml_mp_music INHERIT dml_mp_items;
INSERT INTO dml_mp_items VALUES (1, 'pen', 2);
INSERT INTO dml_mp_books VALUES (2, 'novel', 15, '978-0');
INSERT INTO dml_mp_music VALUES (9, 3, 'album');

MERGE INTO dml_mp_items i
USING (VALUES (1, 3), (2, 20), (3, NULL), (4, 1)) AS p(id, price) ON i.id = p.id
WHEN MATCHED AND p.price IS NULL THEN DELETE
WHEN MATCHED THEN UPDATE SET price = p.price, name = i.name || '*'
WHEN NOT MATCHED THEN INSERT VALUES (p.id, 'new', p.price)
RETURNING merge_action(), i.tableoid::regclass, i.*;

SELECT tableoid::regclass, * FROM dml_mp_items ORDER BY id;
SELECT * FROM dml_mp_books;
SELECT * FROM dml_mp_music;

-- MERGE INTO ONLY the parent sees only the parent's own rows.
MERGE INTO ONLY dml_mp_items i
USING (VALUES (2), (4)) AS p(id) ON i.id = p.id
WHEN MATCHED THEN UPDATE SET price = 0
WHEN NOT MATCHED THEN DO NOTHING
RETURNING i.*;

-- WHEN NOT MATCHED BY SOURCE over the parent and its children.
MERGE INTO dml_mp_items i
USING (VALUES (1)) AS p(id) ON i.id = p.id
WHEN NOT MATCHED BY SOURCE THEN UPDATE SET price = i.price + 1
RETURNING merge_action(), i.tableoid::regclass, i.id, i.price;

-- A child's statement triggers do not fire; its row triggers do.
CREATE TRIGGER dml_mp_books_row BEFORE UPDATE ON dml_mp_books FOR EACH ROW EXECUTE FUNCTION dml_mp_row_trig();
CREATE TRIGGER dml_mp_books_stmt BEFORE UPDATE ON dml_mp_books FOR EACH STATEMENT EXECUTE FUNCTION dml_mp_stmt_trig();
CREATE TRIGGER dml_mp_items_stmt BEFORE UPDATE ON dml_mp_items FOR EACH STATEMENT EXECUTE FUNCTION dml_mp_stmt_trig();
MERGE INTO dml_mp_items i
USING (VALUES (2)) AS p(id) ON i.id = p.id
WHEN MATCHED THEN UPDATE SET price = 25;

-- A CHECK constraint of a child applies to its rows.
ALTER TABLE dml_mp_books ADD CONSTRAINT dml_mp_books_price CHECK (price < 100);
MERGE INTO dml_mp_items i
USING (VALUES (2)) AS p(id) ON i.id = p.id
WHEN MATCHED THEN UPDATE SET price = 500;
SELECT * FROM dml_mp_items ORDER BY id;
