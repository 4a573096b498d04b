-- MERGE's analysis errors (with positions), unsupported targets, WITH and MERGE in WITH, views.
CREATE TABLE accounts (id integer PRIMARY KEY, owner text NOT NULL, balance numeric NOT NULL DEFAULT 0);
INSERT INTO accounts VALUES (1, 'ann', 10), (2, 'bob', 20);
CREATE TABLE payments (account_id integer, amount numeric, note text);
INSERT INTO payments VALUES (1, 5, 'refund'), (3, 7, 'new');
MERGE INTO accounts a USING payments p ON a.id = p.account_id WHEN MATCHED THEN UPDATE SET nope = 1;
MERGE INTO accounts a USING payments p ON a.id = p.account_id WHEN MATCHED THEN UPDATE SET a.balance = 1;
MERGE INTO accounts a USING payments p ON a.id = p.nope WHEN MATCHED THEN DELETE;
MERGE INTO accounts a USING payments p ON a.id = p.account_id WHEN MATCHED AND p.nope THEN DELETE;
MERGE INTO accounts a USING payments p ON a.id = p.account_id WHEN NOT MATCHED AND a.id > 0 THEN INSERT VALUES (p.account_id, 'x');
MERGE INTO accounts a USING payments p ON a.id = p.account_id WHEN NOT MATCHED THEN INSERT VALUES (a.id, 'x');
MERGE INTO accounts a USING payments p ON a.id = p.account_id WHEN NOT MATCHED BY SOURCE AND p.amount > 0 THEN DELETE;
MERGE INTO accounts a USING payments p ON a.id = p.account_id WHEN NOT MATCHED BY SOURCE THEN UPDATE SET balance = p.amount;
MERGE INTO accounts a USING payments p ON a.id = p.account_id WHEN MATCHED THEN UPDATE SET balance = 'abc';
MERGE INTO accounts a USING payments p ON a.id = p.account_id WHEN MATCHED THEN UPDATE SET balance = now();
MERGE INTO accounts a USING payments p ON a.id = p.account_id WHEN NOT MATCHED THEN INSERT (id, owner) VALUES (p.account_id);
MERGE INTO accounts a USING payments p ON a.id = p.account_id WHEN NOT MATCHED THEN INSERT (id) VALUES (p.account_id, 'x');
MERGE INTO accounts a USING payments p ON a.id = p.account_id WHEN NOT MATCHED THEN INSERT (id, nope) VALUES (p.account_id, 'x');
MERGE INTO accounts a USING payments p ON a.id = p.account_id WHEN NOT MATCHED THEN INSERT (id, id) VALUES (1, 2);
MERGE INTO accounts a USING payments p ON a.id = p.account_id WHEN MATCHED THEN DELETE WHEN MATCHED AND p.amount > 0 THEN DELETE;
MERGE INTO accounts a USING payments p ON a.id = p.account_id WHEN MATCHED AND sum(p.amount) > 0 THEN DELETE;
MERGE INTO accounts a USING payments p ON a.id = p.account_id WHEN MATCHED THEN UPDATE SET balance = count(*);
MERGE INTO accounts a USING payments p ON a.id = p.account_id WHEN MATCHED AND p.amount THEN DELETE;
MERGE INTO accounts a USING payments a ON a.id = a.account_id WHEN MATCHED THEN DELETE;
MERGE INTO accounts USING accounts ON true WHEN MATCHED THEN DELETE;
MERGE INTO nope a USING payments p ON true WHEN MATCHED THEN DELETE;
MERGE INTO accounts a USING nope p ON true WHEN MATCHED THEN DELETE;
MERGE INTO accounts a USING payments p ON a.id = p.account_id WHEN MATCHED THEN DELETE RETURNING nope;
SELECT merge_action();
SELECT merge_action() FROM accounts;
MERGE INTO accounts a USING payments p ON merge_action() = 'x' WHEN MATCHED THEN DELETE;
MERGE INTO accounts a USING payments p ON a.id = p.account_id WHEN MATCHED AND merge_action() = 'x' THEN DELETE;
MERGE INTO accounts a USING payments p ON a.id = p.account_id WHEN MATCHED THEN DELETE RETURNING (SELECT merge_action());
MERGE INTO accounts a USING payments p ON a.id = p.account_id WHEN MATCHED THEN UPDATE SET owner = a.owner || '*' RETURNING WITH (OLD AS o, NEW AS n) o.owner, n.owner;
-- Targets that are not tables.
CREATE SEQUENCE acc_seq;
MERGE INTO acc_seq s USING payments p ON true WHEN MATCHED THEN DELETE;
CREATE MATERIALIZED VIEW acc_mv AS SELECT * FROM accounts;
MERGE INTO acc_mv m USING payments p ON m.id = p.account_id WHEN MATCHED THEN DELETE;
CREATE VIEW acc_rich AS SELECT id, owner, balance FROM accounts WHERE balance > 15;
CREATE VIEW acc_sum AS SELECT count(*) AS n FROM accounts;
MERGE INTO acc_sum s USING payments p ON true WHEN MATCHED THEN DELETE;
-- Conditions with subqueries; sub-selects in SET.
MERGE INTO accounts a USING payments p ON a.id = p.account_id
WHEN MATCHED AND EXISTS (SELECT 1 FROM payments q WHERE q.account_id = a.id AND q.note = 'refund') THEN
  UPDATE SET balance = a.balance + (SELECT sum(amount) FROM payments q WHERE q.account_id = a.id)
RETURNING a.*;
-- MERGE ... RETURNING inside WITH.
WITH m AS (
  MERGE INTO accounts a USING payments p ON a.id = p.account_id
  WHEN NOT MATCHED THEN INSERT VALUES (p.account_id, p.note, p.amount)
  RETURNING merge_action() AS action, a.*
)
SELECT * FROM m;
WITH m AS (
  MERGE INTO accounts a USING payments p ON a.id = p.account_id
  WHEN MATCHED THEN DELETE
)
SELECT 1;
SELECT * FROM accounts ORDER BY id;
-- Describe-free execution through a cursor is refused.
BEGIN;
DECLARE c CURSOR FOR MERGE INTO accounts a USING payments p ON a.id = p.account_id WHEN MATCHED THEN DELETE RETURNING a.id;
ROLLBACK;
-- RETURNING WITH (OLD AS ..., NEW AS ...) in MERGE and the other DML statements.
INSERT INTO accounts VALUES (5, 'fay', 1), (6, 'gus', 2);
MERGE INTO accounts a USING (VALUES (5), (7)) v(id) ON a.id = v.id
WHEN MATCHED THEN UPDATE SET balance = a.balance + 1
WHEN NOT MATCHED THEN INSERT VALUES (v.id, 'hal', 0)
RETURNING WITH (OLD AS o, NEW AS n) merge_action(), o.balance, n.balance, o, n;
UPDATE accounts SET balance = balance * 10 WHERE id = 6 RETURNING WITH (OLD AS before) before.balance, new.balance, old.balance;
DELETE FROM accounts WHERE id = 7 RETURNING WITH (NEW AS after) old.owner, after.owner, after;
INSERT INTO accounts VALUES (8, 'ivy', 3) RETURNING WITH (OLD AS o) o.id, new.id;
UPDATE accounts SET balance = 0 WHERE id = 6 RETURNING WITH (OLD AS o, OLD AS p) o.id;
UPDATE accounts SET balance = 0 WHERE id = 6 RETURNING WITH (NEW AS n, NEW AS m) n.id;
UPDATE accounts SET balance = 0 WHERE id = 6 RETURNING WITH (OLD AS accounts) accounts.id;
UPDATE accounts a SET balance = 0 WHERE id = 6 RETURNING WITH (OLD AS a) a.id;
UPDATE accounts SET balance = 0 WHERE id = 6 RETURNING WITH (OLD AS x, NEW AS x) x.id;
