/**
 * Multi-session scenarios (see test/harness/isolation.ts): each runs on the oracle and on
 * fauxgres, and the per-step outcomes must be the same. The expected outcomes are never written
 * here: the oracle produces them in the test.
 */
import type { IsolationSpec } from '../harness/isolation.js';

const accounts = `
  DROP TABLE IF EXISTS accounts CASCADE;
  CREATE TABLE accounts (id int PRIMARY KEY, owner text NOT NULL, balance int NOT NULL CHECK (balance >= 0));
  INSERT INTO accounts VALUES (1, 'ann', 100), (2, 'bob', 50), (3, 'cy', 0);`;

const RR = 'BEGIN ISOLATION LEVEL REPEATABLE READ';

export const visibility: IsolationSpec[] = [
  {
    name: 'read committed sees commits between statements, never uncommitted rows',
    setup: accounts,
    sessions: 2,
    steps: [
      [0, 'BEGIN'],
      [0, "INSERT INTO accounts VALUES (4, 'dee', 10)"],
      [0, 'UPDATE accounts SET balance = 90 WHERE id = 1'],
      [1, 'BEGIN'],
      [1, 'SELECT * FROM accounts ORDER BY id'],
      [0, 'COMMIT'],
      [1, 'SELECT * FROM accounts ORDER BY id'],
      [1, 'COMMIT'],
    ],
  },
  {
    name: 'repeatable read keeps its snapshot from the first statement',
    setup: accounts,
    sessions: 2,
    steps: [
      [1, RR],
      [0, "INSERT INTO accounts VALUES (4, 'dee', 10)"],
      [1, 'SELECT count(*) FROM accounts'],
      [0, "INSERT INTO accounts VALUES (5, 'eve', 10)"],
      [0, 'DELETE FROM accounts WHERE id = 1'],
      [1, 'SELECT id FROM accounts ORDER BY id'],
      [1, 'COMMIT'],
      [1, 'SELECT id FROM accounts ORDER BY id'],
    ],
  },
  {
    name: 'serializable reads a stable snapshot too',
    setup: accounts,
    sessions: 2,
    steps: [
      [1, 'BEGIN ISOLATION LEVEL SERIALIZABLE READ ONLY'],
      [1, 'SELECT sum(balance) FROM accounts'],
      [0, 'UPDATE accounts SET balance = balance + 5'],
      [1, 'SELECT sum(balance) FROM accounts'],
      [1, 'SHOW transaction_isolation'],
      [1, 'COMMIT'],
      [1, 'SELECT sum(balance) FROM accounts'],
    ],
  },
  {
    name: 'a rolled-back insert was never visible',
    setup: accounts,
    sessions: 2,
    steps: [
      [0, 'BEGIN'],
      [0, "INSERT INTO accounts VALUES (9, 'zed', 1)"],
      [1, 'SELECT count(*) FROM accounts WHERE id = 9'],
      [0, 'ROLLBACK'],
      [1, 'SELECT count(*) FROM accounts WHERE id = 9'],
    ],
  },
  {
    name: 'transactional DDL is invisible to others until commit',
    setup: accounts + 'DROP TABLE IF EXISTS audit;',
    sessions: 2,
    steps: [
      [0, 'BEGIN'],
      [0, 'CREATE TABLE audit (id int, note text)'],
      [0, "INSERT INTO audit VALUES (1, 'x')"],
      [1, 'SELECT * FROM audit'],
      [0, 'COMMIT'],
      [1, 'SELECT * FROM audit'],
      [0, 'BEGIN'],
      [0, 'DROP TABLE audit'],
      [0, 'ROLLBACK'],
      [1, 'SELECT * FROM audit'],
      [0, 'DROP TABLE audit'],
    ],
  },
  {
    name: 'DDL of two open transactions on different tables: both commits keep their objects',
    setup: 'DROP TABLE IF EXISTS t_a; DROP TABLE IF EXISTS t_b; DROP TYPE IF EXISTS mood;',
    sessions: 2,
    steps: [
      [0, 'BEGIN'],
      [1, 'BEGIN'],
      [0, 'CREATE TABLE t_a (id int PRIMARY KEY)'],
      [1, 'CREATE TABLE t_b (id int PRIMARY KEY)'],
      [1, "CREATE TYPE mood AS ENUM ('ok', 'meh')"],
      [0, 'INSERT INTO t_a VALUES (1)'],
      [0, 'COMMIT'],
      [1, 'SELECT count(*) FROM t_a'],
      [1, 'COMMIT'],
      [0, "SELECT (SELECT count(*) FROM t_a) AS a, (SELECT count(*) FROM t_b) AS b, 'ok'::mood AS m"],
      [0, 'DROP TABLE t_a, t_b'],
      [0, 'DROP TYPE mood'],
    ],
  },
  {
    name: 'temporary tables belong to their session',
    setup: accounts,
    sessions: 2,
    steps: [
      [0, 'CREATE TEMP TABLE basket (sku text PRIMARY KEY, qty int)'],
      [0, "INSERT INTO basket VALUES ('pen', 1)"],
      [1, 'SELECT * FROM basket'],
      [1, 'CREATE TEMP TABLE basket (sku text PRIMARY KEY, qty int)'],
      [1, "INSERT INTO basket VALUES ('pen', 5), ('ink', 2)"],
      [0, 'SELECT * FROM basket ORDER BY sku'],
      [1, 'SELECT * FROM basket ORDER BY sku'],
      [0, 'CREATE TEMP TABLE accounts (id int)'],
      [0, 'SELECT count(*) FROM accounts'],
      [1, 'SELECT count(*) FROM accounts'],
      [0, 'DISCARD TEMP'],
      [0, 'SELECT count(*) FROM accounts'],
    ],
  },
];

export const writes: IsolationSpec[] = [
  {
    name: 'lost update is prevented: the second writer waits and adds to the committed value',
    setup: accounts,
    sessions: 2,
    steps: [
      [0, 'BEGIN'],
      [1, 'BEGIN'],
      [0, 'UPDATE accounts SET balance = balance + 10 WHERE id = 1 RETURNING balance'],
      [1, 'UPDATE accounts SET balance = balance + 20 WHERE id = 1 RETURNING balance'],
      [0, 'COMMIT'],
      [1, 'COMMIT'],
      [0, 'SELECT balance FROM accounts WHERE id = 1'],
    ],
  },
  {
    name: 'a waiting writer proceeds on the old value when the holder rolls back',
    setup: accounts,
    sessions: 2,
    steps: [
      [0, 'BEGIN'],
      [0, 'DELETE FROM accounts WHERE id = 2'],
      [1, 'UPDATE accounts SET balance = balance - 5 WHERE id = 2 RETURNING *'],
      [0, 'ROLLBACK'],
      [1, 'SELECT * FROM accounts ORDER BY id'],
    ],
  },
  {
    name: 'a waiting delete finds the row gone after the holder commits a delete',
    setup: accounts,
    sessions: 2,
    steps: [
      [0, 'BEGIN'],
      [0, 'DELETE FROM accounts WHERE id = 2'],
      [1, 'DELETE FROM accounts WHERE id = 2 RETURNING *'],
      [0, 'COMMIT'],
      [1, 'SELECT count(*) FROM accounts'],
    ],
  },
  {
    name: 'read committed re-checks the updated row, and does not see rows inserted meanwhile',
    setup: accounts,
    sessions: 2,
    steps: [
      [0, 'BEGIN'],
      [0, 'UPDATE accounts SET balance = 0 WHERE id = 1'],
      [0, "INSERT INTO accounts VALUES (4, 'dee', 500)"],
      [1, 'UPDATE accounts SET balance = balance + 1 WHERE balance > 20 RETURNING id, balance'],
      [0, 'COMMIT'],
      [1, 'SELECT * FROM accounts ORDER BY id'],
    ],
  },
  {
    name: 'a re-checked row whose key moved is skipped',
    setup: accounts,
    sessions: 2,
    steps: [
      [0, 'BEGIN'],
      [0, 'UPDATE accounts SET id = 10 WHERE id = 1'],
      [1, 'BEGIN'],
      [1, 'UPDATE accounts SET balance = 1 WHERE id = 1'],
      [0, 'COMMIT'],
      [1, 'SELECT * FROM accounts ORDER BY id'],
      [1, 'COMMIT'],
    ],
  },
  {
    name: 'repeatable read fails with 40001 after the holder commits, succeeds after a rollback',
    setup: accounts,
    sessions: 2,
    steps: [
      [0, 'BEGIN'],
      [0, 'UPDATE accounts SET balance = 1 WHERE id = 1'],
      [1, RR],
      [1, 'SELECT balance FROM accounts WHERE id = 1'],
      [1, 'UPDATE accounts SET balance = 2 WHERE id = 1'],
      [0, 'COMMIT'],
      [1, 'SELECT 1'],
      [1, 'ROLLBACK'],
      [0, 'BEGIN'],
      [0, 'UPDATE accounts SET balance = 3 WHERE id = 2'],
      [1, RR],
      [1, 'UPDATE accounts SET balance = 4 WHERE id = 2'],
      [0, 'ROLLBACK'],
      [1, 'COMMIT'],
      [0, 'SELECT * FROM accounts ORDER BY id'],
    ],
  },
  {
    name: 'repeatable read: a row changed after the snapshot fails without waiting',
    setup: accounts,
    sessions: 2,
    steps: [
      [1, RR],
      [1, 'SELECT count(*) FROM accounts'],
      [0, 'UPDATE accounts SET balance = 7 WHERE id = 3'],
      [1, 'DELETE FROM accounts WHERE id = 3'],
      [1, 'ROLLBACK'],
      [1, RR],
      [1, 'SELECT count(*) FROM accounts'],
      [0, 'DELETE FROM accounts WHERE id = 3'],
      [1, 'UPDATE accounts SET balance = 1 WHERE id = 3'],
      [1, 'ROLLBACK'],
    ],
  },
  {
    name: 'write skew is allowed under repeatable read',
    setup: `
      DROP TABLE IF EXISTS doctors;
      CREATE TABLE doctors (name text PRIMARY KEY, on_call boolean NOT NULL);
      INSERT INTO doctors VALUES ('alice', true), ('bob', true);`,
    sessions: 2,
    steps: [
      [0, RR],
      [1, RR],
      [0, 'SELECT count(*) FROM doctors WHERE on_call'],
      [1, 'SELECT count(*) FROM doctors WHERE on_call'],
      [0, "UPDATE doctors SET on_call = false WHERE name = 'alice'"],
      [1, "UPDATE doctors SET on_call = false WHERE name = 'bob'"],
      [0, 'COMMIT'],
      [1, 'COMMIT'],
      [0, 'SELECT * FROM doctors ORDER BY name'],
    ],
  },
  {
    name: 'three sessions queue on one row',
    // Two sessions wait at once: let each chain of wake-ups finish before the next step. Which
    // waiter updates first is not fixed: Postgres usually wakes s2 (it holds the tuple lock) but
    // was seen to let s3 go first, so the waiters return no values and only the sum is compared.
    settleMs: 60,
    setup: accounts,
    sessions: 3,
    steps: [
      [0, 'BEGIN'],
      [0, 'UPDATE accounts SET balance = balance * 2 WHERE id = 2'],
      [1, 'UPDATE accounts SET balance = balance + 1 WHERE id = 2'],
      [2, 'UPDATE accounts SET balance = balance + 100 WHERE id = 2'],
      [0, 'COMMIT'],
      [0, 'SELECT balance FROM accounts WHERE id = 2'],
    ],
  },
  {
    name: 'a multi-statement query waits in the middle and resumes there',
    setup: accounts,
    sessions: 2,
    steps: [
      [0, 'BEGIN'],
      [0, 'UPDATE accounts SET balance = 1 WHERE id = 2'],
      [1, "INSERT INTO accounts VALUES (7, 'gus', 7); UPDATE accounts SET balance = balance + 1 WHERE id = 2; SELECT count(*) FROM accounts"],
      [0, 'COMMIT'],
      [0, 'SELECT * FROM accounts ORDER BY id'],
    ],
  },
];

export const locks: IsolationSpec[] = [
  {
    name: 'SELECT FOR UPDATE waits, NOWAIT fails, SKIP LOCKED skips',
    setup: accounts,
    sessions: 2,
    steps: [
      [0, 'BEGIN'],
      [0, 'SELECT * FROM accounts WHERE id = 1 FOR UPDATE'],
      [1, 'SELECT * FROM accounts WHERE id = 1 FOR UPDATE NOWAIT'],
      [1, 'SELECT id FROM accounts ORDER BY id FOR UPDATE SKIP LOCKED'],
      [1, 'SELECT id FROM accounts ORDER BY id FOR SHARE SKIP LOCKED'],
      [1, 'SELECT id FROM accounts WHERE id = 1 FOR KEY SHARE NOWAIT'],
      [1, 'BEGIN'],
      [1, 'SELECT * FROM accounts WHERE id = 1 FOR SHARE'],
      [0, 'UPDATE accounts SET balance = 77 WHERE id = 1'],
      [0, 'COMMIT'],
      [1, 'COMMIT'],
    ],
  },
  {
    name: 'lock strengths: key share and share coexist with no key update as Postgres says',
    setup: accounts,
    sessions: 2,
    steps: [
      [0, 'BEGIN'],
      [0, 'SELECT id FROM accounts WHERE id = 1 FOR KEY SHARE'],
      [1, 'BEGIN'],
      [1, 'UPDATE accounts SET balance = 5 WHERE id = 1'],
      [1, 'SELECT id FROM accounts WHERE id = 1 FOR NO KEY UPDATE NOWAIT'],
      [1, 'ROLLBACK'],
      [0, 'SELECT id FROM accounts WHERE id = 2 FOR SHARE'],
      [1, 'SELECT id FROM accounts WHERE id = 2 FOR SHARE NOWAIT'],
      [1, 'SELECT id FROM accounts WHERE id = 2 FOR NO KEY UPDATE NOWAIT'],
      [1, 'SELECT id FROM accounts WHERE id = 1 FOR UPDATE NOWAIT'],
      [1, 'UPDATE accounts SET id = 11 WHERE id = 1'],
      [0, 'COMMIT'],
      [0, 'SELECT id FROM accounts ORDER BY id'],
    ],
  },
  {
    name: 'a job queue with SKIP LOCKED hands each worker a different job',
    setup: `
      DROP TABLE IF EXISTS jobs;
      CREATE TABLE jobs (id serial PRIMARY KEY, payload text NOT NULL, done boolean NOT NULL DEFAULT false);
      INSERT INTO jobs (payload) SELECT 'job ' || g FROM generate_series(1, 4) g;`,
    sessions: 3,
    steps: [
      [0, 'BEGIN'],
      [1, 'BEGIN'],
      [2, 'BEGIN'],
      [0, 'SELECT id, payload FROM jobs WHERE NOT done ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED'],
      [1, 'SELECT id, payload FROM jobs WHERE NOT done ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED'],
      [2, 'SELECT id, payload FROM jobs WHERE NOT done ORDER BY id LIMIT 2 FOR UPDATE SKIP LOCKED'],
      [0, 'UPDATE jobs SET done = true WHERE id = 1'],
      [0, 'COMMIT'],
      [1, 'ROLLBACK'],
      [0, 'DELETE FROM jobs WHERE id = (SELECT id FROM jobs WHERE NOT done ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING id'],
      [2, 'COMMIT'],
      [0, 'SELECT id, done FROM jobs ORDER BY id'],
    ],
  },
  {
    name: 'FOR UPDATE re-checks a row updated meanwhile and returns its new values',
    setup: accounts,
    sessions: 2,
    steps: [
      [0, 'BEGIN'],
      [0, 'UPDATE accounts SET balance = balance + 1000 WHERE id = 2'],
      [0, 'UPDATE accounts SET balance = 0 WHERE id = 1'],
      [1, 'SELECT id, balance FROM accounts WHERE balance > 10 ORDER BY id FOR UPDATE'],
      [0, 'COMMIT'],
      [1, 'SELECT id, balance FROM accounts ORDER BY id FOR UPDATE'],
    ],
  },
  {
    name: 'repeatable read FOR UPDATE of a row changed after the snapshot',
    setup: accounts,
    sessions: 2,
    steps: [
      [1, RR],
      [1, 'SELECT 1'],
      [0, 'UPDATE accounts SET balance = 3 WHERE id = 1'],
      [1, 'SELECT * FROM accounts WHERE id = 2 FOR UPDATE'],
      [1, 'SELECT * FROM accounts WHERE id = 1 FOR UPDATE'],
      [1, 'ROLLBACK'],
    ],
  },
  {
    name: 'deadlock: the session whose wait closes the cycle is the victim',
    setup: accounts,
    sessions: 2,
    sessionSetup: ["SET deadlock_timeout = '50ms'", "SET deadlock_timeout = '50ms'"],
    settleMs: 200,
    steps: [
      [0, 'BEGIN'],
      [1, 'BEGIN'],
      [0, 'UPDATE accounts SET balance = 1 WHERE id = 1'],
      [1, 'UPDATE accounts SET balance = 2 WHERE id = 2'],
      [0, 'UPDATE accounts SET balance = 1 WHERE id = 2'],
      [1, 'UPDATE accounts SET balance = 2 WHERE id = 1'],
      [1, 'SELECT 1'],
      [1, 'ROLLBACK'],
      [0, 'COMMIT'],
      [0, 'SELECT * FROM accounts ORDER BY id'],
    ],
  },
  {
    name: 'deadlock of three sessions through SELECT FOR UPDATE',
    setup: accounts,
    sessions: 3,
    sessionSetup: ["SET deadlock_timeout = '50ms'", "SET deadlock_timeout = '50ms'", "SET deadlock_timeout = '50ms'"],
    settleMs: 200,
    steps: [
      [0, 'BEGIN'],
      [1, 'BEGIN'],
      [2, 'BEGIN'],
      [0, 'SELECT id FROM accounts WHERE id = 1 FOR UPDATE'],
      [1, 'SELECT id FROM accounts WHERE id = 2 FOR UPDATE'],
      [2, 'SELECT id FROM accounts WHERE id = 3 FOR UPDATE'],
      [0, 'SELECT id FROM accounts WHERE id = 2 FOR UPDATE'],
      [1, 'SELECT id FROM accounts WHERE id = 3 FOR UPDATE'],
      [2, 'SELECT id FROM accounts WHERE id = 1 FOR SHARE'],
      [2, 'ROLLBACK'],
      [1, 'COMMIT'],
      [0, 'COMMIT'],
    ],
  },
  {
    name: 'a second waiter queues behind the first (tuple lock), and a deadlock runs through the queue',
    setup: `DROP TABLE IF EXISTS kv; CREATE TABLE kv (k int PRIMARY KEY, v int NOT NULL); INSERT INTO kv VALUES (1, 10), (2, 20), (3, 30);`,
    sessions: 3,
    sessionSetup: ["SET deadlock_timeout = '20ms'", "SET deadlock_timeout = '20ms'", "SET deadlock_timeout = '20ms'"],
    settleMs: 100,
    steps: [
      [1, 'BEGIN'],
      [1, 'DELETE FROM kv WHERE k = 3'],
      [2, 'BEGIN'],
      [2, 'UPDATE kv SET v = v + 22 WHERE k = 3'],
      [0, 'BEGIN'],
      [0, 'SELECT k FROM kv WHERE k = 2 FOR SHARE'],
      [0, 'UPDATE kv SET v = v * 2 WHERE v > 19 RETURNING k, v'],
      [1, 'DELETE FROM kv WHERE k = 2'],
      [1, 'ROLLBACK'],
      [2, 'ROLLBACK'],
      [0, 'COMMIT'],
      [0, 'SELECT * FROM kv ORDER BY k'],
    ],
  },
  {
    name: 'lock_timeout and statement_timeout end a wait',
    setup: accounts,
    sessions: 2,
    settleMs: 150,
    steps: [
      [0, 'BEGIN'],
      [0, 'DELETE FROM accounts WHERE id = 3'],
      [1, "SET lock_timeout = '40ms'"],
      [1, 'UPDATE accounts SET balance = 1 WHERE id = 3'],
      [1, 'RESET lock_timeout'],
      [1, 'BEGIN'],
      [1, "SET LOCAL statement_timeout = '40ms'"],
      [1, 'SELECT * FROM accounts WHERE id = 3 FOR SHARE'],
      [1, 'SELECT 1'],
      [1, 'ROLLBACK'],
      [0, 'ROLLBACK'],
    ],
  },
  {
    name: 'an error in a block releases its locks at once',
    setup: accounts,
    sessions: 2,
    steps: [
      [0, 'BEGIN'],
      [0, 'UPDATE accounts SET balance = 1 WHERE id = 1'],
      [1, 'UPDATE accounts SET balance = 2 WHERE id = 1 RETURNING balance'],
      [0, 'SELECT 1 / 0'],
      [0, 'SELECT 1'],
      [0, 'ROLLBACK'],
    ],
  },
];

const users = `
  DROP TABLE IF EXISTS users CASCADE;
  CREATE TABLE users (id int PRIMARY KEY, email text UNIQUE NOT NULL);
  INSERT INTO users VALUES (1, 'a@x.io');`;

export const uniques: IsolationSpec[] = [
  {
    name: 'concurrent insert of one key: 23505 after commit, success after rollback',
    setup: users,
    sessions: 2,
    steps: [
      [0, 'BEGIN'],
      [0, "INSERT INTO users VALUES (2, 'b@x.io')"],
      [1, "INSERT INTO users VALUES (3, 'b@x.io')"],
      [0, 'COMMIT'],
      [0, 'BEGIN'],
      [0, "INSERT INTO users VALUES (4, 'c@x.io')"],
      [1, "INSERT INTO users VALUES (5, 'c@x.io')"],
      [0, 'ROLLBACK'],
      [0, 'SELECT * FROM users ORDER BY id'],
    ],
  },
  {
    name: 'ON CONFLICT waits for the inserter, then does nothing or updates',
    setup: users,
    sessions: 2,
    steps: [
      [0, 'BEGIN'],
      [0, "INSERT INTO users VALUES (2, 'b@x.io')"],
      [1, "INSERT INTO users VALUES (2, 'bb@x.io') ON CONFLICT DO NOTHING"],
      [0, 'COMMIT'],
      [0, 'BEGIN'],
      [0, "INSERT INTO users VALUES (3, 'c@x.io')"],
      [1, "INSERT INTO users VALUES (3, 'cc@x.io') ON CONFLICT (id) DO UPDATE SET email = users.email || '!' RETURNING *"],
      [0, 'COMMIT'],
      [1, RR],
      [1, 'SELECT 1'],
      [0, "INSERT INTO users VALUES (9, 'z@x.io')"],
      [1, "INSERT INTO users VALUES (9, 'zz@x.io') ON CONFLICT DO NOTHING"],
      [1, 'ROLLBACK'],
      [0, 'SELECT * FROM users ORDER BY id'],
    ],
  },
  {
    name: 'a unique key freed by an uncommitted delete waits for it',
    setup: users,
    sessions: 2,
    steps: [
      [0, 'BEGIN'],
      [0, 'DELETE FROM users WHERE id = 1'],
      [1, "INSERT INTO users VALUES (2, 'a@x.io')"],
      [0, 'COMMIT'],
      [0, 'SELECT * FROM users ORDER BY id'],
    ],
  },
  {
    name: 'serial values drawn by a statement that waited are not drawn twice',
    setup: `
      DROP TABLE IF EXISTS tags;
      CREATE TABLE tags (id serial PRIMARY KEY, name text UNIQUE);
      INSERT INTO tags (name) VALUES ('a');`,
    sessions: 2,
    steps: [
      [0, 'BEGIN'],
      [0, "INSERT INTO tags (name) VALUES ('b') RETURNING id"],
      [1, "INSERT INTO tags (name) VALUES ('b') RETURNING id"],
      [0, 'ROLLBACK'],
      [1, "INSERT INTO tags (name) VALUES ('c') RETURNING id"],
    ],
  },
];

const shop = `
  DROP TABLE IF EXISTS order_lines CASCADE;
  DROP TABLE IF EXISTS products CASCADE;
  CREATE TABLE products (id int PRIMARY KEY, name text NOT NULL, price int NOT NULL);
  CREATE TABLE order_lines (id int PRIMARY KEY, product_id int NOT NULL REFERENCES products, qty int NOT NULL);
  INSERT INTO products VALUES (1, 'pen', 2), (2, 'ink', 5), (3, 'pad', 4);
  INSERT INTO order_lines VALUES (1, 1, 10);`;

export const foreignKeys: IsolationSpec[] = [
  {
    name: 'a referenced row being deleted makes the referencing insert wait',
    setup: shop,
    sessions: 2,
    steps: [
      [0, 'BEGIN'],
      [0, 'DELETE FROM products WHERE id = 2'],
      [1, 'INSERT INTO order_lines VALUES (2, 2, 1)'],
      [0, 'COMMIT'],
      [0, 'BEGIN'],
      [0, 'DELETE FROM products WHERE id = 3'],
      [1, 'INSERT INTO order_lines VALUES (3, 3, 1)'],
      [0, 'ROLLBACK'],
      [0, 'SELECT * FROM order_lines ORDER BY id'],
    ],
  },
  {
    name: 'deleting a row that a concurrent insert references waits, then fails',
    setup: shop,
    sessions: 2,
    steps: [
      [0, 'BEGIN'],
      [0, 'INSERT INTO order_lines VALUES (2, 3, 1)'],
      [1, 'DELETE FROM products WHERE id = 3'],
      [0, 'COMMIT'],
      [1, 'SELECT count(*) FROM products'],
    ],
  },
  {
    name: 'key share locks let non-key updates through',
    setup: shop,
    sessions: 2,
    steps: [
      [0, 'BEGIN'],
      [0, 'INSERT INTO order_lines VALUES (2, 2, 1)'],
      [1, 'UPDATE products SET price = 6 WHERE id = 2'],
      [1, 'UPDATE products SET id = 20 WHERE id = 2'],
      [0, 'ROLLBACK'],
      [1, 'SELECT * FROM products ORDER BY id'],
    ],
  },
  {
    name: 'a referencing insert does not see an uncommitted referenced row',
    setup: shop,
    sessions: 2,
    steps: [
      [0, 'BEGIN'],
      [0, "INSERT INTO products VALUES (4, 'cap', 1)"],
      [1, 'INSERT INTO order_lines VALUES (2, 4, 1)'],
      [0, 'COMMIT'],
      [1, 'INSERT INTO order_lines VALUES (2, 4, 1)'],
    ],
  },
];

export const savepoints: IsolationSpec[] = [
  {
    name: 'ROLLBACK TO SAVEPOINT releases the row locks taken after it',
    setup: accounts,
    sessions: 2,
    steps: [
      [0, 'BEGIN'],
      [0, 'UPDATE accounts SET balance = 1 WHERE id = 1'],
      [0, 'SAVEPOINT s'],
      [0, 'UPDATE accounts SET balance = 2 WHERE id = 2'],
      [0, 'SELECT * FROM accounts WHERE id = 3 FOR UPDATE'],
      [1, 'UPDATE accounts SET balance = 20 WHERE id = 2 RETURNING *'],
      [0, 'ROLLBACK TO SAVEPOINT s'],
      [1, 'SELECT * FROM accounts WHERE id = 3 FOR UPDATE NOWAIT'],
      [1, 'SELECT * FROM accounts WHERE id = 1 FOR UPDATE NOWAIT'],
      [0, 'COMMIT'],
      [0, 'SELECT * FROM accounts ORDER BY id'],
    ],
  },
  {
    name: 'released savepoints keep their changes and locks until commit',
    setup: accounts,
    sessions: 2,
    steps: [
      [0, 'BEGIN'],
      [0, 'SAVEPOINT a'],
      [0, 'UPDATE accounts SET balance = 5 WHERE id = 1'],
      [0, 'SAVEPOINT b'],
      [0, "INSERT INTO accounts VALUES (4, 'dee', 4)"],
      [0, 'RELEASE SAVEPOINT a'],
      [1, 'SELECT * FROM accounts ORDER BY id'],
      [1, 'UPDATE accounts SET balance = 6 WHERE id = 1'],
      [0, 'COMMIT'],
      [1, 'SELECT * FROM accounts ORDER BY id'],
    ],
  },
  {
    name: 'an error inside a savepoint keeps the outer locks; 25P02 until ROLLBACK TO',
    setup: accounts,
    sessions: 2,
    steps: [
      [0, 'BEGIN'],
      [0, 'UPDATE accounts SET balance = 1 WHERE id = 1'],
      [0, 'SAVEPOINT s'],
      [0, 'UPDATE accounts SET balance = 2 WHERE id = 2'],
      [0, 'UPDATE accounts SET balance = -1 WHERE id = 3'],
      [0, 'SELECT 1'],
      [1, 'UPDATE accounts SET balance = 50 WHERE id = 2 RETURNING *'],
      [1, 'SELECT * FROM accounts WHERE id = 1 FOR UPDATE NOWAIT'],
      [0, 'ROLLBACK TO s'],
      [0, 'SELECT * FROM accounts ORDER BY id'],
      [0, 'COMMIT'],
      [0, 'SELECT * FROM accounts ORDER BY id'],
    ],
  },
];

export const tableLocks: IsolationSpec[] = [
  {
    name: 'LOCK TABLE ... ACCESS EXCLUSIVE blocks readers, who then see what was committed',
    setup: accounts,
    sessions: 2,
    steps: [
      [0, 'BEGIN'],
      [0, 'LOCK TABLE accounts IN ACCESS EXCLUSIVE MODE'],
      [0, "INSERT INTO accounts VALUES (4, 'dee', 40)"],
      [1, 'SELECT count(*) FROM accounts'],
      [0, 'COMMIT'],
      [1, 'SELECT count(*) FROM accounts'],
    ],
  },
  {
    name: 'LOCK TABLE waits for readers; SHARE mode lets reads through and blocks writes',
    // Two sessions wait at once: let each chain of wake-ups finish before the next step.
    settleMs: 60,
    setup: accounts,
    sessions: 3,
    steps: [
      [0, 'BEGIN'],
      [0, 'SELECT count(*) FROM accounts'],
      [1, 'BEGIN'],
      [1, 'LOCK TABLE accounts IN EXCLUSIVE MODE NOWAIT'],
      [1, 'ROLLBACK'],
      [1, 'BEGIN'],
      [1, 'LOCK TABLE accounts IN SHARE MODE'],
      [2, 'SELECT count(*) FROM accounts'],
      [2, 'UPDATE accounts SET balance = 0 WHERE id = 3'],
      [1, 'COMMIT'],
      [0, 'LOCK TABLE accounts'],
      [0, 'COMMIT'],
    ],
  },
  {
    name: 'ALTER TABLE waits for a transaction using the table; later queries queue behind it',
    // Two sessions wait at once: let each chain of wake-ups finish before the next step.
    settleMs: 60,
    setup: accounts,
    sessions: 3,
    steps: [
      [0, 'BEGIN'],
      [0, 'SELECT count(*) FROM accounts'],
      [1, 'ALTER TABLE accounts ADD COLUMN note text'],
      [2, 'SELECT count(*) FROM accounts'],
      [0, 'COMMIT'],
      [2, 'SELECT * FROM accounts ORDER BY id'],
      [0, 'ALTER TABLE accounts DROP COLUMN note'],
    ],
  },
  {
    name: 'LOCK TABLE outside a block, unknown tables, deadlock between table locks',
    setup: accounts + `DROP TABLE IF EXISTS other; CREATE TABLE other (x int);`,
    sessions: 2,
    sessionSetup: ["SET deadlock_timeout = '20ms'", "SET deadlock_timeout = '20ms'"],
    settleMs: 100,
    steps: [
      [0, 'LOCK TABLE accounts'],
      [0, 'BEGIN'],
      [0, 'LOCK TABLE nope'],
      [0, 'ROLLBACK'],
      [0, 'BEGIN'],
      [1, 'BEGIN'],
      [0, 'LOCK TABLE accounts IN ROW EXCLUSIVE MODE'],
      [1, 'LOCK TABLE other IN ROW EXCLUSIVE MODE'],
      [0, 'LOCK TABLE other IN SHARE MODE'],
      [1, 'LOCK TABLE accounts IN SHARE MODE'],
      [1, 'ROLLBACK'],
      [0, 'COMMIT'],
    ],
  },
];

export const advisory: IsolationSpec[] = [
  {
    name: 'advisory locks: session and transaction level, shared and exclusive, try variants',
    setup: '',
    sessions: 2,
    steps: [
      [0, 'SELECT pg_advisory_lock(42)'],
      [1, 'SELECT pg_try_advisory_lock(42)'],
      [1, 'SELECT pg_try_advisory_lock_shared(42)'],
      [1, 'SELECT pg_advisory_lock(42)'],
      [0, 'SELECT pg_advisory_lock(42)'],
      [0, 'SELECT pg_advisory_unlock(42)'],
      [0, 'SELECT pg_advisory_unlock(42)'],
      [1, 'SELECT pg_advisory_unlock(42), pg_advisory_unlock(42)'],
      [0, 'BEGIN'],
      [0, 'SELECT pg_advisory_xact_lock(1, 2)'],
      [1, 'SELECT pg_try_advisory_xact_lock(1, 2)'],
      [1, 'SELECT pg_advisory_lock_shared(7), pg_advisory_lock_shared(7)'],
      [0, 'SELECT pg_advisory_lock_shared(7)'],
      [0, 'SELECT pg_try_advisory_lock(7)'],
      [0, 'COMMIT'],
      [1, 'SELECT pg_try_advisory_xact_lock(1, 2)'],
      [1, 'SELECT pg_advisory_unlock_all()'],
      [0, 'SELECT pg_try_advisory_lock(7)'],
    ],
  },
  {
    name: 'advisory lock deadlock',
    setup: '',
    sessions: 2,
    sessionSetup: ["SET deadlock_timeout = '20ms'", "SET deadlock_timeout = '20ms'"],
    settleMs: 100,
    steps: [
      [0, 'SELECT pg_advisory_lock(1)'],
      [1, 'SELECT pg_advisory_lock(2)'],
      [0, 'SELECT pg_advisory_lock(2)'],
      [1, 'SELECT pg_advisory_lock(1)'],
      [1, 'SELECT pg_advisory_unlock_all()'],
      [0, 'SELECT pg_advisory_unlock_all()'],
    ],
  },
];

const bookings = `
  DROP TABLE IF EXISTS bookings CASCADE;
  CREATE TABLE bookings (id int PRIMARY KEY, room int NOT NULL, during int4range NOT NULL, EXCLUDE USING gist (during WITH &&));
  INSERT INTO bookings VALUES (1, 1, '[1,5)');`;

export const exclusions: IsolationSpec[] = [
  {
    name: 'an overlapping insert waits for the uncommitted booking: 23P01 after commit, success after rollback',
    setup: bookings,
    sessions: 2,
    steps: [
      [0, 'BEGIN'],
      [0, "INSERT INTO bookings VALUES (2, 1, '[10,20)')"],
      [1, "INSERT INTO bookings VALUES (3, 1, '[15,25)')"],
      [0, 'COMMIT'],
      [0, 'BEGIN'],
      [0, "INSERT INTO bookings VALUES (4, 1, '[30,40)')"],
      [1, "INSERT INTO bookings VALUES (5, 1, '[35,45)')"],
      [0, 'ROLLBACK'],
      [0, 'SELECT * FROM bookings ORDER BY id'],
    ],
  },
  {
    name: 'ON CONFLICT DO NOTHING waits for an overlapping booking, then skips',
    setup: bookings,
    sessions: 2,
    steps: [
      [0, 'BEGIN'],
      [0, "INSERT INTO bookings VALUES (2, 1, '[10,20)')"],
      [1, "INSERT INTO bookings VALUES (3, 1, '[12,13)') ON CONFLICT DO NOTHING"],
      [0, 'COMMIT'],
      [0, 'BEGIN'],
      [0, 'DELETE FROM bookings WHERE id = 1'],
      [1, "INSERT INTO bookings VALUES (6, 1, '[2,3)')"],
      [0, 'COMMIT'],
      [0, 'SELECT * FROM bookings ORDER BY id'],
    ],
  },
];

const MERGE_PAY = `MERGE INTO accounts a USING (VALUES (1, 5), (4, 7)) AS p(id, amount) ON a.id = p.id
  WHEN MATCHED THEN UPDATE SET balance = a.balance + p.amount
  WHEN NOT MATCHED THEN INSERT VALUES (p.id, 'new', p.amount)
  RETURNING merge_action(), a.*`;

export const merge: IsolationSpec[] = [
  {
    name: 'MERGE waits for a concurrent update of a matched row and updates the committed value',
    setup: accounts,
    sessions: 2,
    steps: [
      [0, 'BEGIN'],
      [0, 'UPDATE accounts SET balance = balance + 10 WHERE id = 1'],
      [1, MERGE_PAY],
      [0, 'COMMIT'],
      [1, 'SELECT * FROM accounts ORDER BY id'],
    ],
  },
  {
    name: 'MERGE: a matched row deleted meanwhile is not matched any more (INSERT)',
    setup: accounts,
    sessions: 2,
    steps: [
      [0, 'BEGIN'],
      [0, 'DELETE FROM accounts WHERE id = 1'],
      [1, MERGE_PAY],
      [0, 'COMMIT'],
      [1, 'SELECT * FROM accounts ORDER BY id'],
    ],
  },
  {
    name: 'MERGE: a matched row whose key moved meanwhile is joined again and not matched',
    setup: accounts,
    sessions: 2,
    steps: [
      [0, 'BEGIN'],
      [0, 'UPDATE accounts SET id = 10 WHERE id = 1'],
      [1, MERGE_PAY],
      [0, 'COMMIT'],
      [1, 'SELECT * FROM accounts ORDER BY id'],
    ],
  },
  {
    name: 'MERGE: a row changed meanwhile re-evaluates the WHEN conditions on the new version',
    setup: accounts,
    sessions: 2,
    steps: [
      [0, 'BEGIN'],
      [0, 'UPDATE accounts SET balance = 0 WHERE id = 2'],
      [1, `MERGE INTO accounts a USING (VALUES (2)) AS p(id) ON a.id = p.id
        WHEN MATCHED AND a.balance = 0 THEN DELETE
        WHEN MATCHED THEN UPDATE SET balance = a.balance - 1
        RETURNING merge_action(), a.*`],
      [0, 'COMMIT'],
      [1, 'SELECT * FROM accounts ORDER BY id'],
    ],
  },
  {
    name: 'MERGE under repeatable read fails with 40001 on a row changed after its snapshot',
    setup: accounts,
    sessions: 2,
    steps: [
      [1, RR],
      [1, 'SELECT count(*) FROM accounts'],
      [0, 'UPDATE accounts SET balance = 1 WHERE id = 1'],
      [1, MERGE_PAY],
      [1, 'ROLLBACK'],
      [0, 'BEGIN'],
      [0, 'DELETE FROM accounts WHERE id = 2'],
      [1, RR],
      [1, 'MERGE INTO accounts a USING (VALUES (2)) AS p(id) ON a.id = p.id WHEN MATCHED THEN UPDATE SET balance = 9'],
      [0, 'COMMIT'],
      [1, 'ROLLBACK'],
    ],
  },
  {
    name: 'MERGE inserting a key another transaction is inserting waits, then fails with 23505',
    setup: accounts,
    sessions: 2,
    steps: [
      [0, 'BEGIN'],
      [0, "INSERT INTO accounts VALUES (4, 'dee', 1)"],
      [1, MERGE_PAY],
      [0, 'COMMIT'],
      [1, 'SELECT * FROM accounts ORDER BY id'],
    ],
  },
];

export const allSpecs: Record<string, IsolationSpec[]> = { visibility, writes, locks, uniques, exclusions, foreignKeys, savepoints, tableLocks, advisory, merge };
