/**
 * Pruning of dead row versions: repeated updates and rolled-back inserts do not grow a table
 * without bound, while versions an open snapshot can still see are kept. An invariant test (both
 * sides are fauxgres); what each session sees is the MVCC behaviour checked against the oracle in
 * test/isolation.
 */
import { describe, expect, it } from 'vitest';
import { Database } from '../../src/index.js';

const raw = { getTypeParser: () => (v: string) => v };

function heapSize(db: Database, table: string): number {
  const rel = [...db.state.catalog.relations.values()].find((r) => r.name === table)!;
  return db.state.heaps.get(rel.filenode)?.size ?? 0;
}

describe('pruning old row versions', () => {
  it('keeps a hot row from piling up versions', async () => {
    const db = await Database.create();
    await db.exec('CREATE TABLE counter (id int PRIMARY KEY, n int NOT NULL); INSERT INTO counter VALUES (1, 0)');
    for (let i = 0; i < 2000; i++) await db.query('UPDATE counter SET n = n + 1 WHERE id = 1');
    expect(heapSize(db, 'counter')).toBeLessThan(600);
    const { rows } = await db.query({ text: 'SELECT n FROM counter WHERE id = 1', rowMode: 'array', types: raw });
    expect(rows).toEqual([["2000"]]);
  });

  it('drops what rolled-back transactions wrote', async () => {
    const db = await Database.create();
    await db.exec('CREATE TABLE items (id int PRIMARY KEY, name text UNIQUE)');
    for (let t = 0; t < 100; t++) {
      await db.query('BEGIN');
      for (let i = 0; i < 50; i++) await db.query('INSERT INTO items VALUES ($1, $2)', [i, `n${i}`]);
      await db.query('ROLLBACK');
    }
    expect(heapSize(db, 'items')).toBeLessThan(600);
    await db.query(`INSERT INTO items VALUES (1, 'n1')`);
    const { rows } = await db.query({ text: 'SELECT count(*) FROM items', rowMode: 'array', types: raw });
    expect(rows).toEqual([['1']]);
  });

  it('keeps the versions an open snapshot can see', async () => {
    const db = await Database.create();
    await db.exec('CREATE TABLE counter (id int PRIMARY KEY, n int NOT NULL); INSERT INTO counter VALUES (1, 0)');
    const reader = await db.connect();
    await reader.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    await reader.query('SELECT n FROM counter');
    for (let i = 0; i < 1000; i++) await db.query('UPDATE counter SET n = n + 1 WHERE id = 1');
    const seen = await reader.query({ text: 'SELECT n FROM counter', rowMode: 'array', types: raw });
    expect(seen.rows).toEqual([['0']]);
    expect(heapSize(db, 'counter')).toBeGreaterThan(1000);
    await reader.query('COMMIT');
    for (let i = 0; i < 2000; i++) await db.query('UPDATE counter SET n = n + 1 WHERE id = 1');
    expect(heapSize(db, 'counter')).toBeLessThan(600);
    const now = await reader.query({ text: 'SELECT n FROM counter', rowMode: 'array', types: raw });
    expect(now.rows).toEqual([['3000']]);
  });
});

describe('pruning a hot row in a big table', () => {
  it('keeps its versions few', async () => {
    const db = await Database.create();
    await db.exec(`CREATE TABLE accounts (id int PRIMARY KEY, balance int NOT NULL);
      INSERT INTO accounts SELECT g, 0 FROM generate_series(1, 5000) g`);
    for (let i = 0; i < 1000; i++) await db.query('UPDATE accounts SET balance = balance + 1 WHERE id = 42');
    expect(heapSize(db, 'accounts')).toBeLessThan(5100);
    const { rows } = await db.query({ text: 'SELECT balance, (SELECT count(*) FROM accounts) FROM accounts WHERE id = 42', rowMode: 'array', types: raw });
    expect(rows).toEqual([['1000', '5000']]);
  });
});
