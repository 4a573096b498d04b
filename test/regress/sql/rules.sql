-- Rules (CREATE RULE) on a small accounting schema: audit logging, soft deletes, counters.
CREATE TABLE accounts (
  id serial PRIMARY KEY,
  owner text NOT NULL,
  balance numeric(12,2) NOT NULL DEFAULT 0,
  status text NOT NULL DEFAULT 'open'
);
CREATE TABLE account_log (
  log_id serial PRIMARY KEY,
  action text NOT NULL,
  account_id int,
  old_balance numeric(12,2),
  new_balance numeric(12,2)
);

-- Audit logging with DO ALSO rules.
CREATE RULE log_insert AS ON INSERT TO accounts
  DO ALSO INSERT INTO account_log (action, account_id, new_balance) VALUES ('insert', NEW.id, NEW.balance);
INSERT INTO accounts (owner, balance) VALUES ('alice', 100), ('bob', 50);
-- NEW.id is the default expression again: the serial advances twice per row.
SELECT * FROM accounts ORDER BY id;
SELECT * FROM account_log ORDER BY log_id;
INSERT INTO accounts (id, owner) VALUES (10, 'carol') RETURNING id, owner, balance;
INSERT INTO accounts (owner) SELECT 'dave' RETURNING *;
SELECT * FROM account_log ORDER BY log_id;

CREATE RULE log_balance AS ON UPDATE TO accounts
  WHERE NEW.balance IS DISTINCT FROM OLD.balance
  DO ALSO INSERT INTO account_log (action, account_id, old_balance, new_balance)
     VALUES ('balance', OLD.id, OLD.balance, NEW.balance);
UPDATE accounts SET balance = balance + 25 WHERE owner = 'alice';
UPDATE accounts SET status = 'review' WHERE owner = 'bob';
UPDATE accounts SET balance = balance * 2, status = DEFAULT WHERE id <= 10 RETURNING id, balance, status;
SELECT action, account_id, old_balance, new_balance FROM account_log WHERE action = 'balance' ORDER BY log_id;

-- Several rules on one event run in name order, each with its own condition.
CREATE RULE a_big_withdrawal AS ON UPDATE TO accounts
  WHERE OLD.balance - NEW.balance > 100
  DO ALSO INSERT INTO account_log (action, account_id, old_balance, new_balance) VALUES ('big', OLD.id, OLD.balance, NEW.balance);
UPDATE accounts SET balance = 0 WHERE owner = 'alice';
UPDATE accounts SET balance = balance WHERE owner = 'alice';
SELECT action, account_id, old_balance, new_balance FROM account_log WHERE log_id > 8 ORDER BY log_id;

-- Soft delete: DELETE becomes an UPDATE.
CREATE RULE soft_delete AS ON DELETE TO accounts
  DO INSTEAD UPDATE accounts SET status = 'closed' WHERE id = OLD.id AND status <> 'closed';
DELETE FROM accounts WHERE owner = 'bob';
DELETE FROM accounts WHERE owner = 'bob';
DELETE FROM accounts WHERE owner = 'nobody';
DELETE FROM accounts WHERE owner = 'carol' RETURNING *;
SELECT id, owner, status FROM accounts ORDER BY id;

-- Conditional INSTEAD rules: the original statement runs for the rows the condition rejects.
CREATE TABLE archived_accounts (LIKE accounts);
CREATE RULE archive_closed AS ON INSERT TO accounts
  WHERE NEW.status = 'closed'
  DO INSTEAD INSERT INTO archived_accounts VALUES (NEW.id, NEW.owner, NEW.balance, NEW.status);
INSERT INTO accounts (owner, status) VALUES ('erin', 'closed'), ('frank', 'open');
INSERT INTO accounts (owner, status) VALUES ('gina', 'closed');
INSERT INTO accounts (owner, status) VALUES ('gina', 'closed') RETURNING *;
SELECT owner, status FROM archived_accounts ORDER BY owner;
SELECT owner, status FROM accounts ORDER BY id;

-- DO INSTEAD NOTHING
CREATE TABLE frozen (k int PRIMARY KEY, v text);
INSERT INTO frozen VALUES (1, 'one'), (2, 'two');
CREATE RULE frozen_upd AS ON UPDATE TO frozen DO INSTEAD NOTHING;
CREATE RULE frozen_del AS ON DELETE TO frozen WHERE OLD.k = 1 DO INSTEAD NOTHING;
UPDATE frozen SET v = 'x';
UPDATE frozen SET v = 'x' RETURNING *;
DELETE FROM frozen;
SELECT * FROM frozen;
DELETE FROM frozen RETURNING *;

-- Counters kept by rules, a rule's SELECT action, several actions.
CREATE TABLE tags (name text PRIMARY KEY, uses int NOT NULL DEFAULT 0);
CREATE TABLE post_tags (post_id int, tag text);
INSERT INTO tags (name) VALUES ('sql'), ('rules');
CREATE RULE count_tag AS ON INSERT TO post_tags DO ALSO (
  UPDATE tags SET uses = uses + 1 WHERE name = NEW.tag;
  INSERT INTO tags (name, uses) SELECT NEW.tag, 1 WHERE NOT EXISTS (SELECT 1 FROM tags WHERE name = NEW.tag)
);
CREATE RULE uncount_tag AS ON DELETE TO post_tags DO ALSO UPDATE tags SET uses = uses - 1 WHERE name = OLD.tag;
INSERT INTO post_tags VALUES (1, 'sql'), (1, 'rules'), (2, 'sql');
INSERT INTO post_tags VALUES (3, 'postgres');
SELECT * FROM tags ORDER BY name;
DELETE FROM post_tags WHERE post_id = 1;
SELECT * FROM tags ORDER BY name;
CREATE RULE show_tag AS ON UPDATE TO post_tags DO ALSO SELECT OLD.tag AS was, NEW.tag AS now;
UPDATE post_tags SET tag = upper(tag) WHERE post_id = 2;
SELECT * FROM post_tags ORDER BY post_id;

-- Errors of CREATE RULE
CREATE RULE r AS ON INSERT TO accounts DO ALSO INSERT INTO account_log (action) VALUES (OLD.owner);
CREATE RULE r AS ON DELETE TO accounts DO ALSO INSERT INTO account_log (action) VALUES (NEW.owner);
CREATE RULE r AS ON INSERT TO accounts DO ALSO INSERT INTO account_log (action) VALUES (NEW.nosuch);
CREATE RULE r AS ON INSERT TO accounts DO ALSO INSERT INTO no_such_table VALUES (1);
CREATE RULE r AS ON INSERT TO no_such_table DO NOTHING;
CREATE RULE log_insert AS ON INSERT TO accounts DO NOTHING;
CREATE RULE "_RETURN" AS ON INSERT TO accounts DO INSTEAD NOTHING;
CREATE RULE r AS ON SELECT TO accounts DO INSTEAD SELECT * FROM accounts;
CREATE RULE r AS ON INSERT TO accounts DO ALSO INSERT INTO frozen VALUES (NEW.id) RETURNING *;
CREATE RULE r AS ON INSERT TO accounts WHERE NEW.id > 0 DO INSTEAD INSERT INTO frozen VALUES (NEW.id) RETURNING *;
CREATE RULE r AS ON INSERT TO frozen DO INSTEAD INSERT INTO tags VALUES (NEW.v, NEW.k) RETURNING uses, name;
CREATE RULE r AS ON INSERT TO frozen DO INSTEAD INSERT INTO tags VALUES (NEW.v, NEW.k) RETURNING uses;
CREATE RULE r AS ON INSERT TO frozen DO INSTEAD INSERT INTO tags VALUES (NEW.v, NEW.k) RETURNING uses, name, uses;
CREATE RULE r AS ON INSERT TO frozen DO INSTEAD (INSERT INTO tags VALUES (NEW.v) RETURNING *; INSERT INTO tags VALUES (NEW.v) RETURNING *);
CREATE SEQUENCE some_seq;
CREATE RULE r AS ON INSERT TO some_seq DO NOTHING;
CREATE MATERIALIZED VIEW tag_mv AS SELECT * FROM tags;
CREATE RULE r AS ON INSERT TO tag_mv DO NOTHING;

-- Recursion, ON CONFLICT, MERGE
CREATE TABLE ping (n int);
CREATE TABLE pong (n int);
CREATE RULE ping_pong AS ON INSERT TO ping DO ALSO INSERT INTO pong VALUES (NEW.n);
CREATE RULE pong_ping AS ON INSERT TO pong DO ALSO INSERT INTO ping VALUES (NEW.n);
INSERT INTO ping VALUES (1);
DROP RULE pong_ping ON pong;
INSERT INTO ping VALUES (1);
SELECT * FROM pong;
INSERT INTO ping VALUES (2) ON CONFLICT DO NOTHING;
INSERT INTO pong VALUES (2) ON CONFLICT DO NOTHING;
MERGE INTO ping USING pong ON ping.n = pong.n WHEN MATCHED THEN DELETE;
MERGE INTO pong USING ping ON ping.n = pong.n WHEN MATCHED THEN DELETE;
CREATE RULE self_upd AS ON UPDATE TO pong DO ALSO UPDATE pong SET n = NEW.n WHERE n = OLD.n;
UPDATE pong SET n = 3;

-- Data-modifying WITH on a relation with rules
WITH x AS (INSERT INTO ping VALUES (5) RETURNING *) SELECT * FROM x;
WITH x AS (UPDATE frozen SET v = 'y' RETURNING *) SELECT * FROM x;
WITH x AS (DELETE FROM frozen RETURNING *) SELECT * FROM x;

-- DROP RULE, ALTER RULE, enable / disable
DROP RULE nosuch ON accounts;
DROP RULE IF EXISTS nosuch ON accounts;
DROP RULE IF EXISTS nosuch ON no_such_table;
DROP RULE nosuch ON no_such_table;
ALTER RULE soft_delete ON accounts RENAME TO mark_closed;
ALTER RULE soft_delete ON accounts RENAME TO x;
ALTER RULE mark_closed ON accounts RENAME TO log_insert;
ALTER TABLE frozen DISABLE RULE frozen_upd;
UPDATE frozen SET v = 'thawed' WHERE k = 2;
ALTER TABLE frozen ENABLE REPLICA RULE frozen_upd;
UPDATE frozen SET v = 'again' WHERE k = 2;
SET session_replication_role = replica;
UPDATE frozen SET v = 'replica' WHERE k = 2;
RESET session_replication_role;
ALTER TABLE frozen ENABLE ALWAYS RULE frozen_upd;
UPDATE frozen SET v = 'always' WHERE k = 2;
ALTER TABLE frozen ENABLE RULE frozen_upd;
ALTER TABLE frozen DISABLE RULE nosuch;
SELECT * FROM frozen ORDER BY k;
COMMENT ON RULE frozen_upd ON frozen IS 'frozen rows';
COMMENT ON RULE nosuch ON frozen IS 'x';
SELECT r.rulename, c.relname, r.ev_type, r.ev_enabled, r.is_instead, obj_description(r.oid, 'pg_rewrite')
FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class
WHERE c.relnamespace = 'public'::regnamespace AND r.rulename <> '_RETURN' ORDER BY 2, 1;

-- Dependencies
DROP TABLE account_log;
DROP TABLE archived_accounts CASCADE;
SELECT rulename FROM pg_rewrite WHERE ev_class = 'accounts'::regclass ORDER BY 1;
DROP TABLE pong;
SELECT count(*) FROM pg_rewrite WHERE rulename IN ('ping_pong', 'self_upd');
BEGIN;
DROP RULE frozen_upd ON frozen;
UPDATE frozen SET v = 'gone' WHERE k = 2;
ROLLBACK;
UPDATE frozen SET v = 'kept' WHERE k = 2;
SELECT * FROM frozen ORDER BY k;
