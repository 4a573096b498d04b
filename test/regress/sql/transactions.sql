-- Transactions in one session: blocks, savepoints, the aborted state, transactional DDL.
CREATE TABLE accounts (id int PRIMARY KEY, owner text NOT NULL, balance numeric(12,2) NOT NULL CHECK (balance >= 0));
INSERT INTO accounts VALUES (1, 'ann', 100), (2, 'bob', 50);

BEGIN;
UPDATE accounts SET balance = balance - 30 WHERE id = 1;
UPDATE accounts SET balance = balance + 30 WHERE id = 2;
SELECT id, balance FROM accounts ORDER BY id;
ROLLBACK;
SELECT id, balance FROM accounts ORDER BY id;

BEGIN;
UPDATE accounts SET balance = balance - 30 WHERE id = 1;
UPDATE accounts SET balance = balance + 30 WHERE id = 2;
COMMIT;
SELECT id, balance FROM accounts ORDER BY id;

-- An error aborts the block until ROLLBACK.
BEGIN;
UPDATE accounts SET balance = balance - 500 WHERE id = 1;
SELECT 1;
COMMIT;
SELECT id, balance FROM accounts ORDER BY id;

-- Savepoints, nested and reused names.
BEGIN;
INSERT INTO accounts VALUES (3, 'cy', 10);
SAVEPOINT a;
INSERT INTO accounts VALUES (4, 'dee', 20);
SAVEPOINT b;
INSERT INTO accounts VALUES (5, 'eve', 30);
ROLLBACK TO SAVEPOINT b;
SELECT id FROM accounts ORDER BY id;
INSERT INTO accounts VALUES (4, 'dup', 1);
SELECT id FROM accounts ORDER BY id;
ROLLBACK TO a;
SELECT id FROM accounts ORDER BY id;
SAVEPOINT a;
INSERT INTO accounts VALUES (6, 'fay', 60);
RELEASE SAVEPOINT a;
ROLLBACK TO SAVEPOINT a;
ROLLBACK;
BEGIN;
SAVEPOINT s1;
RELEASE s1;
RELEASE s1;
COMMIT;
SELECT id, owner FROM accounts ORDER BY id;

-- Transaction control outside a block.
COMMIT;
ROLLBACK;
SAVEPOINT nowhere;

-- DDL is transactional.
BEGIN;
CREATE TABLE audit (id serial PRIMARY KEY, note text);
INSERT INTO audit (note) VALUES ('inside');
ALTER TABLE accounts ADD COLUMN frozen boolean NOT NULL DEFAULT false;
SELECT id, frozen FROM accounts ORDER BY id;
ROLLBACK;
SELECT * FROM audit;
SELECT id, frozen FROM accounts;
SELECT id, owner, balance FROM accounts ORDER BY id;

BEGIN;
DROP TABLE accounts;
SELECT count(*) FROM accounts;
ROLLBACK;
SELECT count(*) FROM accounts;

-- SET LOCAL lasts until the end of the transaction; SET until the session ends or rollback.
BEGIN;
SET LOCAL TimeZone = 'America/New_York';
SHOW TimeZone;
COMMIT;
SHOW TimeZone;
BEGIN;
SET TimeZone = 'Europe/Paris';
ROLLBACK;
SHOW TimeZone;
SET TimeZone = 'Asia/Tokyo';
SHOW TimeZone;
RESET TimeZone;
SHOW TimeZone;

-- A multi-row statement is all or nothing.
INSERT INTO accounts VALUES (10, 'gil', 1), (11, 'hal', -1), (12, 'ivy', 1);
SELECT count(*) FROM accounts WHERE id >= 10;
UPDATE accounts SET balance = balance - 60;
SELECT id, balance FROM accounts ORDER BY id;

-- A migration in one transaction: statements repeated after later DDL in the same transaction see
-- the new definitions (no plan made before the ALTER is reused).
BEGIN;
CREATE TABLE migr_items (id int PRIMARY KEY);
INSERT INTO migr_items VALUES (1) RETURNING *;
SELECT * FROM migr_items ORDER BY id;
ALTER TABLE migr_items ADD COLUMN label text DEFAULT 'new';
INSERT INTO migr_items VALUES (2) RETURNING *;
SELECT * FROM migr_items ORDER BY id;
ALTER TABLE migr_items ALTER COLUMN label SET DEFAULT 'newer';
INSERT INTO migr_items VALUES (3) RETURNING *;
ALTER TABLE migr_items DROP COLUMN label;
SELECT * FROM migr_items ORDER BY id;
COMMIT;
SELECT * FROM migr_items ORDER BY id;
DROP TABLE migr_items;
