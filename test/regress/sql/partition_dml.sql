-- regress: where
-- DML through partitioned tables: triggers, ON CONFLICT, RETURNING, COPY, joins, transactions.
CREATE TABLE accounts (id int PRIMARY KEY, name text NOT NULL);
INSERT INTO accounts VALUES (1, 'acme'), (2, 'globex'), (3, 'initech');
CREATE TABLE invoices (
  account_id int NOT NULL,
  issued date NOT NULL,
  amount numeric(10,2) NOT NULL,
  status text NOT NULL DEFAULT 'open',
  PRIMARY KEY (account_id, issued)
) PARTITION BY RANGE (issued);
CREATE TABLE invoices_h1 PARTITION OF invoices FOR VALUES FROM ('2024-01-01') TO ('2024-07-01');
CREATE TABLE invoices_h2 PARTITION OF invoices FOR VALUES FROM ('2024-07-01') TO ('2025-01-01');
CREATE TABLE audit (tbl text, op text, detail text);
CREATE FUNCTION log_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO audit VALUES (TG_TABLE_NAME, TG_OP || ' ' || TG_WHEN || ' ' || TG_LEVEL, CASE WHEN TG_OP = 'DELETE' THEN OLD.issued::text ELSE NEW.issued::text END);
  RETURN COALESCE(NEW, OLD);
END $$;
CREATE FUNCTION log_stmt() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO audit VALUES (TG_TABLE_NAME, TG_OP || ' ' || TG_WHEN || ' ' || TG_LEVEL, NULL);
  RETURN NULL;
END $$;
CREATE TRIGGER inv_row AFTER INSERT OR UPDATE OR DELETE ON invoices FOR EACH ROW EXECUTE FUNCTION log_row();
CREATE TRIGGER inv_stmt AFTER INSERT OR UPDATE OR DELETE ON invoices FOR EACH STATEMENT EXECUTE FUNCTION log_stmt();
CREATE TABLE invoices_h3 PARTITION OF invoices FOR VALUES FROM ('2025-01-01') TO ('2025-07-01');
SELECT tgname, tgrelid::regclass, tgparentid <> 0 AS cloned FROM pg_trigger WHERE tgname LIKE 'inv_%' ORDER BY tgrelid::regclass::text, tgname;
INSERT INTO invoices VALUES (1, '2024-02-01', 100), (2, '2024-08-15', 250.5), (3, '2025-03-03', 75) RETURNING tableoid::regclass, account_id, status;
SELECT tbl, op, detail FROM audit ORDER BY tbl, op, detail;
DELETE FROM audit;
UPDATE invoices SET issued = '2024-09-01' WHERE account_id = 1 RETURNING tableoid::regclass, *;
SELECT tbl, op, detail FROM audit ORDER BY tbl, op, detail;
DELETE FROM audit;
DELETE FROM invoices WHERE account_id = 3 RETURNING tableoid::regclass, account_id;
SELECT tbl, op, detail FROM audit ORDER BY tbl, op, detail;
DROP TRIGGER inv_row ON invoices_h1;
DROP TRIGGER inv_row ON invoices;
SELECT count(*) FROM pg_trigger WHERE tgname = 'inv_row';
-- BEFORE row trigger on the partitioned table
CREATE FUNCTION upper_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN NEW.status := upper(NEW.status); RETURN NEW; END $$;
CREATE TRIGGER inv_upper BEFORE INSERT OR UPDATE ON invoices FOR EACH ROW EXECUTE FUNCTION upper_status();
INSERT INTO invoices VALUES (3, '2024-03-03', 10, 'draft');
SELECT tableoid::regclass, account_id, issued, status FROM invoices ORDER BY account_id, issued;
-- ON CONFLICT
INSERT INTO invoices VALUES (3, '2024-03-03', 20, 'again') ON CONFLICT (account_id, issued) DO UPDATE SET amount = invoices.amount + excluded.amount RETURNING tableoid::regclass, amount, status;
INSERT INTO invoices VALUES (3, '2024-03-03', 20) ON CONFLICT DO NOTHING;
INSERT INTO invoices VALUES (3, '2024-03-03', 20) ON CONFLICT (account_id, issued) DO UPDATE SET issued = '2024-10-10';
INSERT INTO invoices_h1 VALUES (3, '2024-03-03', 20) ON CONFLICT (account_id, issued) DO UPDATE SET issued = '2024-10-10';
INSERT INTO invoices VALUES (3, '2024-03-03', 20) ON CONFLICT (status) DO NOTHING;
SELECT account_id, issued, amount FROM invoices ORDER BY 1, 2;
-- joins and aggregates over the partitioned table
SELECT a.name, count(i.*), sum(i.amount) FROM accounts a LEFT JOIN invoices i ON i.account_id = a.id GROUP BY a.name ORDER BY a.name;
SELECT a.name, i.issued FROM invoices i JOIN accounts a ON a.id = i.account_id WHERE i.issued > '2024-06-30' ORDER BY 1, 2;
SELECT * FROM invoices WHERE account_id = 2 AND issued = '2024-08-15';
WITH moved AS (UPDATE invoices SET issued = issued + 180 WHERE account_id = 2 RETURNING *) SELECT account_id, issued FROM moved;
SELECT tableoid::regclass, account_id, issued FROM invoices ORDER BY 2, 3;
-- transactions
BEGIN;
INSERT INTO invoices VALUES (2, '2024-01-15', 5);
UPDATE invoices SET issued = '2024-12-01' WHERE account_id = 3;
SELECT tableoid::regclass, account_id, issued FROM invoices ORDER BY 2, 3;
ROLLBACK;
SELECT tableoid::regclass, account_id, issued FROM invoices ORDER BY 2, 3;
-- prepared statements
PREPARE ins(int, date, numeric) AS INSERT INTO invoices VALUES ($1, $2, $3) RETURNING tableoid::regclass;
EXECUTE ins(1, '2025-05-05', 9);
EXECUTE ins(1, '2026-05-05', 9);
PREPARE sel(date) AS SELECT account_id FROM invoices WHERE issued = $1;
EXECUTE sel('2025-05-05');
INSERT INTO invoices (account_id, issued, amount) VALUES (1, date '2024-04-04', 1.5), (2, date '2025-02-02', 2.5);
SELECT tableoid::regclass, account_id, issued, amount, status FROM invoices WHERE amount < 10 ORDER BY 2, 3;
COPY invoices TO STDOUT;
COPY (SELECT account_id, issued FROM invoices WHERE account_id = 2 ORDER BY issued) TO STDOUT;
-- TRUNCATE with a statement trigger
TRUNCATE invoices_h1;
SELECT count(*) FROM invoices;
TRUNCATE invoices;
SELECT count(*) FROM invoices;
TRUNCATE ONLY invoices;
CREATE TRIGGER inv_trans AFTER INSERT ON invoices REFERENCING NEW TABLE AS fresh FOR EACH STATEMENT EXECUTE FUNCTION log_stmt();
CREATE TRIGGER inv_trans_row AFTER INSERT ON invoices_h1 REFERENCING NEW TABLE AS fresh FOR EACH ROW EXECUTE FUNCTION log_row();
