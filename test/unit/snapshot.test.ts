/**
 * db.snapshot() / db.restore() and the per-test database helper: invariants (no oracle needed, both
 * sides are fauxgres): a restore brings back schema, data and sequences whatever happened since,
 * DDL included; each test of useTestDatabase starts from the template.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Database, useTestDatabase } from '../../src/index.js';

const raw = { getTypeParser: () => (v: string) => v };

async function rows(db: Database, sql: string): Promise<unknown[][]> {
  return (await db.query<unknown[]>({ text: sql, rowMode: 'array', types: raw })).rows;
}

describe('snapshot / restore', () => {
  it('brings back data, schema and sequences after writes and DDL', async () => {
    const db = await Database.create();
    await db.exec(`CREATE TABLE users (id serial PRIMARY KEY, email text UNIQUE NOT NULL);
      INSERT INTO users (email) VALUES ('a@x.io'), ('b@x.io');`);
    const clean = db.snapshot();
    await db.exec(`DELETE FROM users WHERE id = 1; INSERT INTO users (email) VALUES ('c@x.io');
      ALTER TABLE users ADD COLUMN name text; CREATE TABLE extra (x int); DROP TABLE users;`);
    await expect(db.query('SELECT * FROM users')).rejects.toMatchObject({ code: '42P01' });
    db.restore(clean);
    expect(await rows(db, 'SELECT id, email FROM users ORDER BY id')).toEqual([['1', 'a@x.io'], ['2', 'b@x.io']]);
    await expect(db.query('SELECT * FROM extra')).rejects.toMatchObject({ code: '42P01' });
    expect(await rows(db, `INSERT INTO users (email) VALUES ('d@x.io') RETURNING id`)).toEqual([['3']]);
    // The same snapshot again.
    db.restore(clean);
    expect(await rows(db, `INSERT INTO users (email) VALUES ('d@x.io') RETURNING id`)).toEqual([['3']]);
  });

  it('keeps sessions usable and refuses while a transaction is open', async () => {
    const db = await Database.create();
    await db.exec('CREATE TABLE t (v int)');
    const snap = db.snapshot();
    const other = await db.connect();
    await other.query('INSERT INTO t VALUES (1)');
    await other.query('BEGIN');
    expect(() => db.restore(snap)).toThrow(/transaction is open/);
    await other.query('ROLLBACK');
    db.restore(snap);
    expect(await rows(db, 'SELECT count(*) FROM t')).toEqual([['0']]);
    await other.query('INSERT INTO t VALUES (2)');
    expect(await rows(db, 'SELECT v FROM t')).toEqual([['2']]);
  });

  it('leaves the snapshot untouched by later writes', async () => {
    const db = await Database.create();
    await db.exec(`CREATE TABLE t (id int PRIMARY KEY); INSERT INTO t SELECT generate_series(1, 1000)`);
    const snap = db.snapshot();
    await db.exec('UPDATE t SET id = id + 1000; DELETE FROM t WHERE id > 1500');
    db.restore(snap);
    expect(await rows(db, 'SELECT count(*), min(id), max(id) FROM t')).toEqual([['1000', '1', '1000']]);
  });
});

describe('useTestDatabase', () => {
  const db = useTestDatabase({ beforeAll, beforeEach }, async (d) => {
    await d.exec(`CREATE TABLE todos (id serial PRIMARY KEY, title text NOT NULL); INSERT INTO todos (title) VALUES ('seed')`);
  });

  it('hands each test the template (1)', async () => {
    await db().query(`INSERT INTO todos (title) VALUES ('one')`);
    expect(await rows(db(), 'SELECT title FROM todos ORDER BY id')).toEqual([['seed'], ['one']]);
  });

  it('hands each test the template (2)', async () => {
    expect(await rows(db(), 'SELECT title FROM todos ORDER BY id')).toEqual([['seed']]);
    expect(await rows(db(), `INSERT INTO todos (title) VALUES ('two') RETURNING id`)).toEqual([['2']]);
  });
});
