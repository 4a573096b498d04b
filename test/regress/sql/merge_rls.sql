-- MERGE run by ordinary roles: privileges on the target (per action, per column) and the source,
-- and row-level security on the target (which policies each action applies, and their errors).
-- Every role made here is dropped at the end.
CREATE ROLE mr_clerk;
CREATE ROLE mr_tenant;
CREATE TABLE inventory (sku text PRIMARY KEY, qty int NOT NULL, price numeric NOT NULL, note text);
INSERT INTO inventory VALUES ('a1', 10, 5, NULL), ('b2', 0, 7, 'discontinued'), ('c3', 4, 2, NULL);
CREATE TABLE deliveries (sku text, qty int, price numeric);
INSERT INTO deliveries VALUES ('a1', 5, 6), ('b2', 1, 7), ('d4', 9, 3);
SET ROLE mr_clerk;
MERGE INTO inventory i USING deliveries d ON i.sku = d.sku WHEN MATCHED THEN UPDATE SET qty = i.qty + d.qty;
RESET ROLE;
GRANT SELECT ON deliveries TO mr_clerk;
SET ROLE mr_clerk;
MERGE INTO inventory i USING deliveries d ON i.sku = d.sku WHEN MATCHED THEN UPDATE SET qty = i.qty + d.qty;
RESET ROLE;
GRANT SELECT, UPDATE ON inventory TO mr_clerk;
SET ROLE mr_clerk;
MERGE INTO inventory i USING deliveries d ON i.sku = d.sku WHEN MATCHED THEN UPDATE SET qty = i.qty + d.qty;
MERGE INTO inventory i USING deliveries d ON i.sku = d.sku WHEN MATCHED THEN UPDATE SET qty = i.qty + d.qty WHEN NOT MATCHED THEN INSERT VALUES (d.sku, d.qty, d.price);
MERGE INTO inventory i USING deliveries d ON i.sku = d.sku WHEN MATCHED AND i.qty = 0 THEN DELETE;
MERGE INTO inventory i USING (SELECT 'zz' AS sku) d ON i.sku = d.sku WHEN MATCHED THEN DELETE WHEN NOT MATCHED THEN DO NOTHING;
RESET ROLE;
-- column privileges
REVOKE UPDATE ON inventory FROM mr_clerk;
GRANT UPDATE (qty) ON inventory TO mr_clerk;
GRANT INSERT (sku, qty, price) ON inventory TO mr_clerk;
SET ROLE mr_clerk;
MERGE INTO inventory i USING deliveries d ON i.sku = d.sku WHEN MATCHED THEN UPDATE SET qty = i.qty + d.qty WHEN NOT MATCHED THEN INSERT (sku, qty, price) VALUES (d.sku, d.qty, d.price) RETURNING merge_action(), i.*;
MERGE INTO inventory i USING deliveries d ON i.sku = d.sku WHEN MATCHED THEN UPDATE SET price = d.price;
MERGE INTO inventory i USING deliveries d ON i.sku = d.sku WHEN NOT MATCHED THEN INSERT VALUES (d.sku, d.qty, d.price, 'x');
MERGE INTO inventory i USING deliveries d ON i.sku = d.sku WHEN NOT MATCHED THEN INSERT (sku, qty, price, note) VALUES (d.sku, d.qty, d.price, 'x');
RESET ROLE;
REVOKE SELECT ON inventory FROM mr_clerk;
GRANT SELECT (sku, qty) ON inventory TO mr_clerk;
SET ROLE mr_clerk;
MERGE INTO inventory i USING deliveries d ON i.sku = d.sku WHEN MATCHED AND i.qty > 100 THEN UPDATE SET qty = 0;
MERGE INTO inventory i USING deliveries d ON i.sku = d.sku WHEN MATCHED AND i.price > 100 THEN UPDATE SET qty = 0;
MERGE INTO inventory i USING deliveries d ON i.sku = d.sku WHEN MATCHED THEN UPDATE SET qty = 1 RETURNING i.sku, i.qty;
MERGE INTO inventory i USING deliveries d ON i.sku = d.sku WHEN MATCHED THEN UPDATE SET qty = 1 RETURNING i.price;
MERGE INTO inventory i USING deliveries d ON i.sku = d.sku WHEN MATCHED THEN UPDATE SET qty = 1 RETURNING new.price;
RESET ROLE;
SELECT * FROM inventory ORDER BY sku;
DROP TABLE inventory;
DROP TABLE deliveries;
-- row-level security
CREATE TABLE notes (id int PRIMARY KEY, tenant text NOT NULL, body text NOT NULL, locked boolean NOT NULL DEFAULT false);
INSERT INTO notes VALUES (1, 'mr_tenant', 'mine', false), (2, 'other', 'theirs', false), (3, 'mr_tenant', 'frozen', true), (4, 'mr_tenant', 'old', false);
ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY notes_select ON notes FOR SELECT USING (tenant = current_user);
CREATE POLICY notes_insert ON notes FOR INSERT WITH CHECK (tenant = current_user);
CREATE POLICY notes_update ON notes FOR UPDATE USING (NOT locked) WITH CHECK (tenant = current_user AND length(body) < 20);
CREATE POLICY notes_delete ON notes FOR DELETE USING (body <> 'keep');
GRANT SELECT, INSERT, UPDATE, DELETE ON notes TO mr_tenant;
CREATE TABLE incoming (id int, tenant text, body text);
INSERT INTO incoming VALUES (1, 'mr_tenant', 'mine v2'), (2, 'other', 'hijack'), (5, 'mr_tenant', 'new');
GRANT SELECT ON incoming TO mr_tenant;
SET ROLE mr_tenant;
-- row 2 is not visible: it counts as not matched
MERGE INTO notes n USING incoming s ON n.id = s.id WHEN MATCHED THEN DO NOTHING WHEN NOT MATCHED AND s.id = 2 THEN INSERT VALUES (s.id + 100, current_user, s.body) RETURNING merge_action(), n.*;
MERGE INTO notes n USING incoming s ON n.id = s.id WHEN MATCHED THEN UPDATE SET body = s.body WHEN NOT MATCHED AND s.tenant = current_user THEN INSERT VALUES (s.id, current_user, s.body) RETURNING merge_action(), n.*;
SELECT * FROM notes ORDER BY id;
-- the UPDATE policy's USING fails on an existing row
MERGE INTO notes n USING (VALUES (3, 'thaw')) s(id, body) ON n.id = s.id WHEN MATCHED THEN UPDATE SET body = s.body;
MERGE INTO notes n USING (VALUES (3, 'thaw')) s(id, body) ON n.id = s.id WHEN MATCHED AND NOT n.locked THEN UPDATE SET body = s.body;
MERGE INTO notes n USING (VALUES (3, 'thaw')) s(id, body) ON n.id = s.id WHEN MATCHED AND n.locked THEN DO NOTHING WHEN MATCHED THEN UPDATE SET body = s.body;
-- the new row fails the WITH CHECK
MERGE INTO notes n USING (VALUES (1, 'a body that is far too long')) s(id, body) ON n.id = s.id WHEN MATCHED THEN UPDATE SET body = s.body;
MERGE INTO notes n USING (VALUES (1, 'short')) s(id, body) ON n.id = s.id WHEN MATCHED THEN UPDATE SET tenant = 'other';
MERGE INTO notes n USING (VALUES (6, 'x')) s(id, body) ON n.id = s.id WHEN NOT MATCHED THEN INSERT VALUES (s.id, 'other', s.body);
-- DELETE's USING
RESET ROLE;
UPDATE notes SET body = 'keep' WHERE id = 4;
SET ROLE mr_tenant;
MERGE INTO notes n USING (VALUES (4)) s(id) ON n.id = s.id WHEN MATCHED THEN DELETE;
MERGE INTO notes n USING (VALUES (1)) s(id) ON n.id = s.id WHEN MATCHED THEN DELETE RETURNING merge_action(), old.body;
SELECT * FROM notes ORDER BY id;
RESET ROLE;
-- restrictive policies are named in the error
CREATE POLICY notes_no_shouting ON notes AS RESTRICTIVE FOR UPDATE USING (true) WITH CHECK (body <> upper(body));
CREATE POLICY notes_insert_small ON notes AS RESTRICTIVE FOR INSERT WITH CHECK (id < 100);
SET ROLE mr_tenant;
MERGE INTO notes n USING (VALUES (5, 'LOUD')) s(id, body) ON n.id = s.id WHEN MATCHED THEN UPDATE SET body = s.body;
MERGE INTO notes n USING (VALUES (500, 'big')) s(id, body) ON n.id = s.id WHEN NOT MATCHED THEN INSERT VALUES (s.id, current_user, s.body);
MERGE INTO notes n USING (VALUES (5, 'quiet')) s(id, body) ON n.id = s.id WHEN MATCHED THEN UPDATE SET body = s.body RETURNING n.*;
RESET ROLE;
-- an ALL policy; no policy for the role: nothing is visible and nothing may be written
CREATE TABLE ledger_rls (id int PRIMARY KEY, owner text NOT NULL, amount int NOT NULL);
ALTER TABLE ledger_rls ENABLE ROW LEVEL SECURITY;
CREATE POLICY ledger_all ON ledger_rls USING (owner = current_user);
INSERT INTO ledger_rls VALUES (1, 'mr_tenant', 10), (2, 'mr_clerk', 20);
GRANT SELECT, INSERT, UPDATE, DELETE ON ledger_rls TO mr_tenant, mr_clerk;
SET ROLE mr_clerk;
MERGE INTO ledger_rls l USING (VALUES (1, 5), (2, 5), (3, 5)) s(id, amount) ON l.id = s.id WHEN MATCHED THEN UPDATE SET amount = l.amount + s.amount WHEN NOT MATCHED AND s.id = 3 THEN INSERT VALUES (s.id, current_user, s.amount) WHEN NOT MATCHED THEN DO NOTHING RETURNING merge_action(), l.*;
MERGE INTO ledger_rls l USING (VALUES (2)) s(id) ON l.id = s.id WHEN MATCHED THEN UPDATE SET owner = 'mr_tenant';
MERGE INTO ledger_rls l USING (VALUES (9)) s(id) ON l.id = s.id WHEN NOT MATCHED THEN INSERT VALUES (9, 'mr_tenant', 1);
RESET ROLE;
DROP POLICY ledger_all ON ledger_rls;
SET ROLE mr_clerk;
MERGE INTO ledger_rls l USING (VALUES (2, 1)) s(id, amount) ON l.id = s.id WHEN MATCHED THEN UPDATE SET amount = 0 WHEN NOT MATCHED THEN DO NOTHING;
MERGE INTO ledger_rls l USING (VALUES (7, 1)) s(id, amount) ON l.id = s.id WHEN NOT MATCHED THEN INSERT VALUES (s.id, current_user, s.amount);
RESET ROLE;
SELECT * FROM ledger_rls ORDER BY id;
-- the table's owner is not subject to its policies unless FORCE
ALTER TABLE ledger_rls OWNER TO mr_clerk;
SET ROLE mr_clerk;
MERGE INTO ledger_rls l USING (VALUES (1, 1)) s(id, amount) ON l.id = s.id WHEN MATCHED THEN UPDATE SET amount = 99;
RESET ROLE;
ALTER TABLE ledger_rls FORCE ROW LEVEL SECURITY;
SET ROLE mr_clerk;
MERGE INTO ledger_rls l USING (VALUES (1, 1)) s(id, amount) ON l.id = s.id WHEN MATCHED THEN UPDATE SET amount = 98;
RESET ROLE;
SELECT * FROM ledger_rls ORDER BY id;
DROP TABLE ledger_rls;
DROP TABLE notes;
DROP TABLE incoming;
DROP ROLE mr_clerk;
DROP ROLE mr_tenant;
