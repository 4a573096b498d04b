-- Automatically updatable views on other views: INSERT / UPDATE / DELETE / ON CONFLICT /
-- RETURNING through several levels, column renames, view defaults, check options at every
-- level, security_barrier / security_invoker, privileges per level, INSTEAD OF triggers on an
-- upper view, and levels that are not updatable. Every role made here is dropped at the end.
CREATE TABLE accounts (id int PRIMARY KEY, name text NOT NULL, region text NOT NULL DEFAULT 'eu', balance numeric NOT NULL DEFAULT 0, active boolean NOT NULL DEFAULT true);
INSERT INTO accounts VALUES (1, 'ada', 'eu', 100, true), (2, 'bob', 'us', 50, true), (3, 'cy', 'eu', 0, false), (4, 'di', 'us', 20, false);
CREATE VIEW active_accounts AS SELECT id, name, region, balance FROM accounts WHERE active;
CREATE VIEW eu_active AS SELECT id AS account_id, balance, name AS holder FROM active_accounts WHERE region = 'eu';
SELECT * FROM eu_active ORDER BY account_id;
INSERT INTO eu_active (account_id, holder, balance) VALUES (10, 'eve', 5);
SELECT * FROM accounts ORDER BY id;
INSERT INTO eu_active VALUES (11, 7, 'fay') RETURNING *;
INSERT INTO eu_active (account_id, holder) VALUES (12, 'gus') RETURNING account_id, holder, balance * 2 AS twice;
UPDATE eu_active SET balance = balance + 1 WHERE holder <> 'gus' RETURNING *;
UPDATE eu_active SET holder = upper(holder) WHERE account_id = 2 RETURNING *;
DELETE FROM eu_active WHERE account_id = 3 RETURNING *;
DELETE FROM eu_active WHERE balance > 100 RETURNING account_id, holder;
SELECT * FROM accounts ORDER BY id;
UPDATE eu_active SET account_id = account_id + 100 WHERE account_id = 12;
SELECT * FROM accounts ORDER BY id;
-- three levels
CREATE VIEW eu_rich AS SELECT holder, account_id, balance FROM eu_active WHERE balance >= 10;
SELECT * FROM eu_rich ORDER BY account_id;
UPDATE eu_rich SET balance = balance * 10 RETURNING *;
DELETE FROM eu_rich WHERE holder = 'eve';
INSERT INTO eu_rich VALUES ('hal', 20, 30) RETURNING *;
SELECT * FROM accounts ORDER BY id;
-- ON CONFLICT through two levels
INSERT INTO eu_active (account_id, holder, balance) VALUES (20, 'hal2', 1) ON CONFLICT (account_id) DO NOTHING;
INSERT INTO eu_active (account_id, holder, balance) VALUES (20, 'hal2', 1) ON CONFLICT (id) DO NOTHING;
INSERT INTO eu_active (account_id, holder, balance) VALUES (20, 'hal3', 2), (21, 'ivy', 3) ON CONFLICT (id) DO UPDATE SET balance = excluded.balance + 100 RETURNING *;
INSERT INTO active_accounts (id, name) VALUES (21, 'x') ON CONFLICT (id) DO UPDATE SET name = excluded.name || '!' RETURNING *;
SELECT * FROM accounts ORDER BY id;
-- defaults on view columns at each level
ALTER VIEW active_accounts ALTER COLUMN region SET DEFAULT 'us';
ALTER VIEW active_accounts ALTER COLUMN balance SET DEFAULT 42;
ALTER VIEW eu_active ALTER COLUMN balance SET DEFAULT 7;
INSERT INTO active_accounts (id, name) VALUES (30, 'jo') RETURNING *;
INSERT INTO eu_active (account_id, holder) VALUES (31, 'kim') RETURNING *;
INSERT INTO eu_active (account_id, holder, balance) VALUES (32, 'lu', DEFAULT) RETURNING *;
SELECT * FROM accounts WHERE id >= 30 ORDER BY id;
ALTER VIEW eu_active ALTER COLUMN balance DROP DEFAULT;
INSERT INTO eu_active (account_id, holder) VALUES (33, 'mo') RETURNING *;
SELECT * FROM accounts WHERE id >= 30 ORDER BY id;
-- check options
CREATE TABLE tickets (id int PRIMARY KEY, status text NOT NULL, priority int NOT NULL);
INSERT INTO tickets VALUES (1, 'open', 1), (2, 'open', 5), (3, 'closed', 3);
CREATE VIEW open_tickets AS SELECT * FROM tickets WHERE status = 'open';
CREATE VIEW urgent_open AS SELECT * FROM open_tickets WHERE priority >= 3 WITH LOCAL CHECK OPTION;
INSERT INTO urgent_open VALUES (10, 'closed', 4);
INSERT INTO urgent_open VALUES (11, 'open', 1);
SELECT * FROM tickets ORDER BY id;
CREATE OR REPLACE VIEW urgent_open AS SELECT * FROM open_tickets WHERE priority >= 3 WITH CASCADED CHECK OPTION;
INSERT INTO urgent_open VALUES (12, 'closed', 4);
INSERT INTO urgent_open VALUES (13, 'open', 1);
INSERT INTO urgent_open VALUES (14, 'closed', 1);
INSERT INTO urgent_open VALUES (15, 'open', 9) RETURNING *;
UPDATE urgent_open SET status = 'closed' WHERE id = 15;
UPDATE urgent_open SET priority = 0 WHERE id = 15;
UPDATE urgent_open SET priority = priority + 1 RETURNING *;
-- an inner view's check option holds even when the outer one has none
CREATE OR REPLACE VIEW open_tickets AS SELECT * FROM tickets WHERE status = 'open' WITH LOCAL CHECK OPTION;
CREATE VIEW urgent_any AS SELECT * FROM open_tickets WHERE priority >= 3;
INSERT INTO urgent_any VALUES (20, 'open', 1);
INSERT INTO urgent_any VALUES (21, 'closed', 5);
UPDATE urgent_any SET status = 'done' WHERE id = 2;
CREATE VIEW urgent_local AS SELECT * FROM urgent_any WHERE priority < 100 WITH LOCAL CHECK OPTION;
INSERT INTO urgent_local VALUES (22, 'open', 200);
INSERT INTO urgent_local VALUES (23, 'closed', 2);
INSERT INTO urgent_local VALUES (24, 'open', 1);
CREATE VIEW urgent_cascade AS SELECT * FROM urgent_any WITH CASCADED CHECK OPTION;
INSERT INTO urgent_cascade VALUES (25, 'open', 1);
INSERT INTO urgent_cascade VALUES (26, 'closed', 1);
INSERT INTO urgent_cascade VALUES (27, 'open', 3);
INSERT INTO urgent_cascade VALUES (27, 'open', 3) ON CONFLICT (id) DO UPDATE SET priority = 1;
INSERT INTO urgent_cascade VALUES (27, 'open', 3) ON CONFLICT (id) DO UPDATE SET priority = 8 RETURNING *;
SELECT * FROM tickets ORDER BY id;
SELECT table_name, check_option, is_updatable, is_insertable_into FROM information_schema.views WHERE table_name LIKE 'urgent%' OR table_name = 'open_tickets' ORDER BY table_name;
-- levels that are not updatable
CREATE VIEW ticket_counts AS SELECT status, count(*) AS n FROM tickets GROUP BY status;
CREATE VIEW ticket_counts_open AS SELECT * FROM ticket_counts WHERE status = 'open';
INSERT INTO ticket_counts_open VALUES ('x', 1);
UPDATE ticket_counts_open SET n = 0;
DELETE FROM ticket_counts_open;
CREATE VIEW open_labels AS SELECT id, status || '!' AS label, priority FROM open_tickets;
CREATE VIEW open_labels2 AS SELECT * FROM open_labels;
INSERT INTO open_labels2 (id, label) VALUES (40, 'a');
UPDATE open_labels2 SET label = 'b';
UPDATE open_labels2 SET priority = 9 WHERE id = 1 RETURNING id, priority;
DELETE FROM open_labels2 WHERE id = 1 RETURNING id;
INSERT INTO open_labels2 (id, priority) VALUES (41, 2);
CREATE VIEW distinct_status AS SELECT DISTINCT status FROM tickets;
CREATE VIEW distinct_status2 AS SELECT status FROM distinct_status;
DELETE FROM distinct_status2;
INSERT INTO open_tickets2 VALUES (1);
-- security_barrier keeps the view's condition ahead of the user's functions
CREATE FUNCTION leak(t tickets) RETURNS boolean LANGUAGE plpgsql COST 0.0000001 AS $$ BEGIN RAISE NOTICE 'saw %', t.id; RETURN true; END $$;
CREATE TABLE docs (id int PRIMARY KEY, owner text NOT NULL, body text);
INSERT INTO docs VALUES (1, 'ann', 'a'), (2, 'ben', 'b'), (3, 'ann', 'c');
CREATE VIEW ann_docs WITH (security_barrier) AS SELECT * FROM docs WHERE owner = 'ann';
CREATE VIEW ann_docs_short AS SELECT id, body FROM ann_docs WHERE id < 100;
UPDATE ann_docs_short SET body = body || '+' RETURNING *;
DELETE FROM ann_docs_short WHERE id = 2;
SELECT * FROM docs ORDER BY id;
-- privileges at each level
CREATE ROLE vn_owner1;
CREATE ROLE vn_owner2;
CREATE ROLE vn_user;
CREATE TABLE ledger (id int PRIMARY KEY, who text NOT NULL, amount int NOT NULL);
INSERT INTO ledger VALUES (1, 'a', 10), (2, 'b', 20);
CREATE VIEW ledger_v1 AS SELECT id, who, amount FROM ledger WHERE amount > 0;
CREATE VIEW ledger_v2 AS SELECT id, amount FROM ledger_v1 WHERE who <> 'z';
ALTER VIEW ledger_v1 OWNER TO vn_owner1;
ALTER VIEW ledger_v2 OWNER TO vn_owner2;
GRANT SELECT, INSERT, UPDATE, DELETE ON ledger_v2 TO vn_user;
SET ROLE vn_user;
SELECT * FROM ledger_v2 ORDER BY id;
UPDATE ledger_v2 SET amount = 5 WHERE id = 1;
RESET ROLE;
GRANT SELECT, UPDATE ON ledger_v1 TO vn_owner2;
SET ROLE vn_user;
SELECT * FROM ledger_v2 ORDER BY id;
UPDATE ledger_v2 SET amount = 5 WHERE id = 1;
RESET ROLE;
GRANT SELECT, UPDATE ON ledger TO vn_owner1;
SET ROLE vn_user;
UPDATE ledger_v2 SET amount = 5 WHERE id = 1 RETURNING *;
UPDATE ledger_v2 SET amount = 6;
INSERT INTO ledger_v2 VALUES (3, 30);
DELETE FROM ledger_v2 WHERE id = 2;
RESET ROLE;
GRANT INSERT ON ledger_v1 TO vn_owner2;
SET ROLE vn_user;
INSERT INTO ledger_v2 VALUES (3, 30);
RESET ROLE;
GRANT INSERT (id, amount) ON ledger TO vn_owner1;
ALTER TABLE ledger ALTER COLUMN who SET DEFAULT 'dflt';
SET ROLE vn_user;
INSERT INTO ledger_v2 VALUES (3, 30) RETURNING *;
RESET ROLE;
SELECT * FROM ledger ORDER BY id;
-- column privileges on the top view
REVOKE UPDATE ON ledger_v2 FROM vn_user;
GRANT UPDATE (amount) ON ledger_v2 TO vn_user;
SET ROLE vn_user;
UPDATE ledger_v2 SET amount = 7 WHERE id = 3;
UPDATE ledger_v2 SET id = 7 WHERE id = 3;
RESET ROLE;
-- security_invoker on the middle view: its table is used with the caller's rights (the outer view's owner)
ALTER VIEW ledger_v1 SET (security_invoker = true);
SET ROLE vn_user;
UPDATE ledger_v2 SET amount = 8 WHERE id = 3;
RESET ROLE;
GRANT SELECT, UPDATE ON ledger TO vn_owner2;
SET ROLE vn_user;
UPDATE ledger_v2 SET amount = 8 WHERE id = 3 RETURNING *;
RESET ROLE;
SELECT * FROM ledger ORDER BY id;
DROP VIEW ledger_v2;
DROP VIEW ledger_v1;
DROP TABLE ledger;
DROP ROLE vn_owner1;
DROP ROLE vn_owner2;
DROP ROLE vn_user;
-- an INSTEAD OF trigger on the upper view takes over; the lower view stays auto-updatable
CREATE TABLE audit_log (msg text);
CREATE FUNCTION eu_rich_ins() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO audit_log VALUES ('insert ' || NEW.holder);
  INSERT INTO eu_active (account_id, holder, balance) VALUES (NEW.account_id, NEW.holder, NEW.balance);
  RETURN NEW;
END $$;
CREATE TRIGGER eu_rich_ins INSTEAD OF INSERT ON eu_rich FOR EACH ROW EXECUTE FUNCTION eu_rich_ins();
INSERT INTO eu_rich VALUES ('nia', 50, 1) RETURNING *;
SELECT * FROM audit_log;
SELECT * FROM accounts WHERE id = 50;
UPDATE eu_rich SET balance = 2 WHERE account_id = 20 RETURNING *;
-- an INSTEAD OF trigger on the lower view serves statements on the upper one
CREATE VIEW plain_accounts AS SELECT id, name FROM accounts;
CREATE VIEW concat_accounts AS SELECT id, name || '' AS name FROM accounts;
CREATE FUNCTION concat_upd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE accounts SET name = NEW.name WHERE id = OLD.id;
  RETURN NEW;
END $$;
CREATE TRIGGER concat_upd INSTEAD OF UPDATE ON concat_accounts FOR EACH ROW EXECUTE FUNCTION concat_upd();
CREATE VIEW concat_top AS SELECT id, name FROM concat_accounts WHERE id < 10;
UPDATE concat_top SET name = 'ADA' WHERE id = 1 RETURNING *;
SELECT id, name FROM accounts WHERE id = 1;
INSERT INTO concat_top VALUES (60, 'x');
DELETE FROM concat_top WHERE id = 1;
-- computed columns read through two levels, UPDATE ... FROM, DELETE ... USING, INSERT ... SELECT, PREPARE
UPDATE open_labels2 SET priority = priority + 1 WHERE label = 'open!' RETURNING id, label, priority;
UPDATE eu_active e SET balance = e.balance + d.x FROM (VALUES (1, 5)) d(id, x) WHERE e.account_id = d.id RETURNING e.*, d.x;
DELETE FROM eu_active e USING (VALUES (50)) d(id) WHERE e.account_id = d.id RETURNING e.holder;
INSERT INTO eu_active SELECT 70, 1, 'zed' RETURNING holder::varchar, account_id;
PREPARE bump(numeric, int) AS UPDATE eu_active SET balance = $1 WHERE account_id = $2 RETURNING *;
EXECUTE bump(3, 1);
EXECUTE bump(4, 70);
SELECT * FROM accounts ORDER BY id;
-- row-level security on the table under two views: the policies of the role acting at the bottom
CREATE ROLE vn_app;
CREATE ROLE vn_viewer;
CREATE TABLE secrets (id int PRIMARY KEY, team text NOT NULL, val text NOT NULL);
INSERT INTO secrets VALUES (1, 'vn_app', 'a'), (2, 'other', 'b');
ALTER TABLE secrets ENABLE ROW LEVEL SECURITY;
CREATE POLICY secrets_team ON secrets USING (team = current_user) WITH CHECK (team = current_user AND val <> 'forbidden');
GRANT SELECT, INSERT, UPDATE, DELETE ON secrets TO vn_app;
CREATE VIEW secrets_v1 WITH (security_invoker) AS SELECT * FROM secrets;
CREATE VIEW secrets_v2 AS SELECT id, val FROM secrets_v1 WHERE id < 100;
ALTER VIEW secrets_v2 OWNER TO vn_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON secrets_v1 TO vn_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON secrets_v2 TO vn_viewer;
SET ROLE vn_viewer;
SELECT * FROM secrets_v2 ORDER BY id;
UPDATE secrets_v2 SET val = val || '!' RETURNING *;
UPDATE secrets_v2 SET val = 'forbidden' WHERE id = 1;
DELETE FROM secrets_v2 WHERE id = 2;
INSERT INTO secrets_v2 VALUES (3, 'c');
RESET ROLE;
GRANT SELECT, INSERT, UPDATE, DELETE ON secrets TO vn_viewer;
UPDATE secrets SET team = 'vn_viewer' WHERE id = 1;
SET ROLE vn_viewer;
SELECT * FROM secrets_v2 ORDER BY id;
UPDATE secrets_v2 SET val = val || '!' RETURNING *;
UPDATE secrets_v2 SET val = 'forbidden' WHERE id = 1;
DELETE FROM secrets_v2 WHERE id = 2;
INSERT INTO secrets_v2 VALUES (3, 'c');
RESET ROLE;
SELECT * FROM secrets ORDER BY id;
DROP VIEW secrets_v2;
DROP VIEW secrets_v1;
DROP TABLE secrets;
DROP ROLE vn_app;
DROP ROLE vn_viewer;
-- dropping the lower view needs CASCADE
DROP VIEW active_accounts;
DROP VIEW active_accounts CASCADE;
