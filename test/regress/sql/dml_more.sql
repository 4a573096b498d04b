-- More INSERT / UPDATE / ON CONFLICT on application schemas: views whose WITH CHECK OPTION
-- condition has a subquery, WITH queries read by ON CONFLICT DO UPDATE, command ids (cmin / cmax)
-- of statements that change no row and of SELECT ... FOR UPDATE, combo command ids.

-- A multi-tenant task list: a view per tenant plan whose check reads the plans table.
CREATE TABLE plans (name text PRIMARY KEY, max_priority int NOT NULL);
INSERT INTO plans VALUES ('free', 3), ('pro', 10);
CREATE TABLE tasks (id int PRIMARY KEY, tenant text NOT NULL, title text NOT NULL, priority int NOT NULL);
INSERT INTO tasks VALUES (1, 'acme', 'Set up billing', 2), (2, 'acme', 'Invite team', 3), (3, 'globex', 'Import data', 8);
CREATE VIEW free_tasks AS
  SELECT * FROM tasks WHERE priority <= (SELECT max_priority FROM plans WHERE name = 'free')
  WITH CHECK OPTION;
CREATE VIEW acme_tasks AS
  SELECT * FROM tasks WHERE tenant IN (SELECT 'acme' UNION SELECT 'acme-eu') WITH LOCAL CHECK OPTION;
INSERT INTO free_tasks VALUES (4, 'acme', 'Write docs', 1);
INSERT INTO free_tasks VALUES (5, 'acme', 'Migrate cluster', 7);
UPDATE free_tasks SET priority = priority + 1 WHERE id = 1;
UPDATE free_tasks SET priority = 9 WHERE id = 2;
INSERT INTO acme_tasks VALUES (6, 'acme-eu', 'GDPR review', 2) RETURNING *;
INSERT INTO acme_tasks VALUES (7, 'globex', 'Wrong tenant', 2);
UPDATE acme_tasks SET tenant = 'initech' WHERE id = 4;
-- A view on the view: the outer check has a subquery too.
CREATE VIEW acme_free_tasks AS
  SELECT * FROM free_tasks WHERE EXISTS (SELECT 1 FROM plans p WHERE p.name = 'free' AND tenant LIKE 'acme%')
  WITH CASCADED CHECK OPTION;
INSERT INTO acme_free_tasks VALUES (8, 'acme', 'Triage inbox', 3);
INSERT INTO acme_free_tasks VALUES (9, 'acme', 'Rewrite backend', 5);
INSERT INTO acme_free_tasks VALUES (10, 'umbrella', 'Small thing', 1);
UPDATE plans SET max_priority = 1 WHERE name = 'free';
UPDATE acme_free_tasks SET title = upper(title) WHERE id = 8;
SELECT * FROM tasks ORDER BY id;

-- Upserts whose DO UPDATE reads a WITH query (a price feed merged into a catalog).
CREATE TABLE products (sku text PRIMARY KEY, name text NOT NULL, price_cents int NOT NULL, updated_count int NOT NULL DEFAULT 0);
INSERT INTO products VALUES ('A-1', 'Anvil', 1000, 0), ('B-2', 'Bucket', 250, 0);
WITH feed AS (SELECT 'A-1' AS sku, 1200 AS price)
INSERT INTO products (sku, name, price_cents) VALUES ('A-1', 'Anvil', 0)
ON CONFLICT (sku) DO UPDATE SET price_cents = (SELECT price FROM feed WHERE feed.sku = excluded.sku), updated_count = products.updated_count + 1
RETURNING *;
WITH feed AS (SELECT 'B-2' AS sku, 'Steel bucket' AS name, 300 AS price)
INSERT INTO products (sku, name, price_cents) VALUES ('B-2', '?', 0), ('C-3', 'Crate', 700)
ON CONFLICT (sku) DO UPDATE SET (name, price_cents) = (SELECT f.name, f.price FROM feed f WHERE f.sku = products.sku)
RETURNING sku, name, price_cents;
WITH blocked AS (SELECT 'C-3' AS sku)
INSERT INTO products (sku, name, price_cents) VALUES ('C-3', 'Crate XL', 900), ('A-1', 'Anvil XL', 1500)
ON CONFLICT (sku) DO UPDATE SET name = excluded.name, price_cents = excluded.price_cents
  WHERE products.sku NOT IN (SELECT sku FROM blocked)
RETURNING sku, name, price_cents;
WITH feed AS (SELECT 'D-4' AS sku, 'Drill' AS name, 4500 AS price)
INSERT INTO products (sku, name, price_cents) SELECT sku, name, price FROM feed
ON CONFLICT (sku) DO UPDATE SET price_cents = (SELECT price FROM feed) RETURNING sku, price_cents;
WITH feed AS (SELECT 'D-4' AS sku, 'Drill' AS name, 4000 AS price)
INSERT INTO products (sku, name, price_cents) SELECT sku, name, price FROM feed
ON CONFLICT (sku) DO UPDATE SET price_cents = (SELECT price FROM feed) RETURNING sku, price_cents;
WITH feed AS (SELECT 'E-5' AS sku)
INSERT INTO products (sku, name, price_cents) VALUES ('E-5', 'Easel', 100)
ON CONFLICT (sku) DO UPDATE SET price_cents = (SELECT nope FROM feed);
SELECT * FROM products ORDER BY sku;

-- Command ids: statements that change no row still use theirs; so does SELECT ... FOR UPDATE.
CREATE TABLE ledger (id int, amount int);
BEGIN;
INSERT INTO ledger SELECT 1, 1 WHERE false;
UPDATE ledger SET amount = 0 WHERE false;
DELETE FROM ledger WHERE false;
INSERT INTO ledger VALUES (1, 100);
INSERT INTO ledger VALUES (2, 200);
SELECT id, cmin, cmax FROM ledger ORDER BY id;
SELECT id FROM ledger ORDER BY id FOR UPDATE;
SELECT id, cmin, cmax FROM ledger ORDER BY id;
UPDATE ledger SET amount = amount + 1 WHERE id = 1;
SELECT id, amount, cmin, cmax FROM ledger ORDER BY id;
SAVEPOINT s1;
DELETE FROM ledger WHERE id = 2;
UPDATE ledger SET amount = amount + 1;
ROLLBACK TO s1;
-- The versions deleted in the rolled-back subtransaction show combo command ids.
SELECT id, amount, cmin, cmax FROM ledger ORDER BY id;
COMMIT;
SELECT id, amount, cmin, cmax FROM ledger ORDER BY id;
BEGIN;
SELECT id FROM ledger WHERE false FOR UPDATE;
INSERT INTO ledger VALUES (3, 300);
SELECT id, cmin FROM ledger ORDER BY id;
ROLLBACK;

-- Upserts that tell inserted rows from updated ones by xmax (the row lock of ON CONFLICT shows
-- in the new version's xmax), and rows locked by SELECT ... FOR.
CREATE TABLE page_views (path text PRIMARY KEY, views int NOT NULL DEFAULT 1);
INSERT INTO page_views VALUES ('/home', 10);
INSERT INTO page_views (path) VALUES ('/home'), ('/pricing')
ON CONFLICT (path) DO UPDATE SET views = page_views.views + 1
RETURNING path, views, xmax = 0 AS inserted;
INSERT INTO page_views (path) VALUES ('/pricing'), ('/blog')
ON CONFLICT (path) DO UPDATE SET views = page_views.views + 1
RETURNING path, views, (xmax::text::bigint = 0) AS inserted;
SELECT path, views, xmax::text = '0' AS never_locked FROM page_views ORDER BY path;
INSERT INTO page_views (path) VALUES ('/blog') ON CONFLICT (path) DO UPDATE SET views = 0 WHERE false RETURNING path;
SELECT path, views, xmax::text = '0' AS never_locked FROM page_views ORDER BY path;
INSERT INTO page_views (path) VALUES ('/docs') ON CONFLICT DO NOTHING RETURNING path, xmax = 0 AS inserted;
CREATE TABLE seats (id int PRIMARY KEY, holder text);
INSERT INTO seats VALUES (1, NULL), (2, NULL), (3, NULL);
BEGIN;
SELECT id FROM seats WHERE id = 1 FOR UPDATE;
SELECT id FROM seats WHERE id = 2 FOR SHARE;
SELECT id, xmax = pg_current_xact_id()::xid AS locked_by_me, xmax::text = '0' AS free FROM seats ORDER BY id;
UPDATE seats SET holder = 'ann' WHERE id IN (1, 3) RETURNING id, xmax = pg_current_xact_id()::xid AS locked_by_me;
SELECT id, holder, xmax = pg_current_xact_id()::xid AS locked_by_me, xmax::text = '0' AS free FROM seats ORDER BY id;
UPDATE seats SET holder = 'bob' WHERE id = 3;
DELETE FROM seats WHERE id = 2 RETURNING id;
COMMIT;
SELECT id, holder, xmax::text = '0' AS free FROM seats ORDER BY id;

-- Several assignments into fields of a domain-typed column: the domain is checked on the final value.
CREATE TYPE money_amount AS (currency text, cents bigint);
CREATE DOMAIN priced AS money_amount CHECK ((VALUE).currency IS NOT NULL OR (VALUE).cents IS NULL) CHECK ((VALUE).cents >= 0);
CREATE DOMAIN tag_list AS text[] CHECK (VALUE IS NULL OR VALUE[1] IS NOT NULL);
CREATE TABLE invoices (id int PRIMARY KEY, total priced, tags tag_list);
INSERT INTO invoices (id, total.currency, total.cents) VALUES (1, 'EUR', 1250);
INSERT INTO invoices (id, total.cents, total.currency) VALUES (2, 990, 'USD'), (3, 10, 'GBP');
INSERT INTO invoices (id, total.currency, total.cents) SELECT 4, 'CHF', 5;
INSERT INTO invoices (id, total.currency, total.cents) VALUES (5, NULL, 100);
INSERT INTO invoices (id, total.currency, total.cents) VALUES (6, 'EUR', -1);
INSERT INTO invoices (id, total.cents) VALUES (7, 100);
INSERT INTO invoices (id, tags[1], tags[2]) VALUES (8, 'urgent', 'b2b');
INSERT INTO invoices (id, tags[2], tags[1]) VALUES (9, 'b2b', 'urgent');
INSERT INTO invoices (id, tags[2], tags[3]) VALUES (10, 'b2b', 'eu');
UPDATE invoices SET total.currency = 'JPY', total.cents = 100 WHERE id = 1 RETURNING id, total;
UPDATE invoices SET total.currency = NULL, total.currency = 'EUR' WHERE id = 2;
UPDATE invoices SET total.cents = -5, total.cents = 5 WHERE id = 3 RETURNING id, total;
UPDATE invoices SET total.cents = -5 WHERE id = 3;
INSERT INTO invoices (id, total.currency, total.cents) VALUES (1, 'EUR', 1)
ON CONFLICT (id) DO UPDATE SET total.currency = NULL, total.currency = 'SEK' RETURNING id, total;
SELECT id, total, tags FROM invoices ORDER BY id;
