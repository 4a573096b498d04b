/**
 * db.query's hot path (src/session/hot-select.ts) runs a repeated SELECT from the plan it kept for
 * its text. Invariant (no oracle needed: both sides are fauxgres; the general path is checked
 * against the oracle by the regress files): after anything the plan depends on changes between
 * two runs (the catalog, search_path, TimeZone, the role, the transaction, the parameter count),
 * the repeated text gives what the general path gives for the same statement (a query config
 * object with rowMode takes the general path), rows and errors alike.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../../src/index.js';

type Outcome = { rows: unknown[] } | { error: string };

/** The statement's outcome through the hot path (a string text) and through the general path. */
async function both(db: Database, sql: string, values: unknown[] = []): Promise<[Outcome, Outcome]> {
  const hot = await db.query(sql, values).then(
    (r) => ({ rows: r.rows.map((o) => Object.values(o)) }),
    (e: { code: string; message: string }) => ({ error: `${e.code} ${e.message}` }),
  );
  const general = await db.query({ text: sql, values, rowMode: 'array' }).then(
    (r) => ({ rows: r.rows }),
    (e: { code: string; message: string }) => ({ error: `${e.code} ${e.message}` }),
  );
  return [hot, general];
}

/** Runs `sql` twice (the second run takes the hot path), then checks it after `change`. */
async function afterChange(db: Database, sql: string, change: string[], values: unknown[] = []): Promise<Outcome> {
  await db.query(sql, values);
  await db.query(sql, values);
  for (const s of change) await db.query(s);
  const [hot, general] = await both(db, sql, values);
  expect(hot).toEqual(general);
  return hot;
}

describe('db.query hot SELECT path', () => {
  let db: Database;
  beforeEach(async () => {
    db = await Database.create();
    await db.exec(`
      create table items (id int primary key, name text, at timestamptz);
      insert into items values (1, 'one', '2024-01-02 03:04:05+00'), (2, 'two', '2024-06-01 00:00:00+00');
      create schema other;
      create table other.items (id int primary key, name text, at timestamptz);
      insert into other.items values (1, 'other one', null);`);
  });

  it('sees a column added by autocommit DDL', async () => {
    const r = await afterChange(db, 'select * from items where id = $1', ['alter table items add column qty int default 7'], [1]);
    expect(r).toEqual({ rows: [[1, 'one', new Date('2024-01-02T03:04:05Z'), 7]] });
  });

  it('sees DDL of its own transaction, and its rollback', async () => {
    await afterChange(db, 'select * from items order by id', ['begin', 'alter table items drop column name']);
    const r = await afterChange(db, 'select * from items order by id', ['rollback']);
    expect((r as { rows: unknown[][] }).rows[0]).toHaveLength(3);
  });

  it('follows search_path and TimeZone changes', async () => {
    const r = await afterChange(db, 'select name from items where id = 1', ['set search_path = other, public']);
    expect(r).toEqual({ rows: [['other one']] });
    const t = await afterChange(db, 'select at::text from public.items where id = 1', ['set timezone = \'Asia/Tokyo\'']);
    expect(t).toEqual({ rows: [['2024-01-02 12:04:05+09']] });
  });

  it('applies row-level security of the role set since', async () => {
    await db.exec(`
      create role reader;
      grant select on items to reader;
      alter table items enable row level security;
      create policy only_one on items for select to reader using (id = 1);`);
    const r = await afterChange(db, 'select id from items order by id', ['set role reader']);
    expect(r).toEqual({ rows: [[1]] });
    const back = await afterChange(db, 'select id from items order by id', ['reset role']);
    expect(back).toEqual({ rows: [[1], [2]] });
  });

  it('reports a wrong parameter count and a failed transaction as the general path does', async () => {
    await db.query('select name from items where id = $1', [1]);
    await db.query('select name from items where id = $1', [1]);
    const [hot, general] = await both(db, 'select name from items where id = $1', [1, 2]);
    expect(hot).toEqual(general);
    expect(hot).toHaveProperty('error');
    await db.query('begin');
    await expect(db.query('select 1/0')).rejects.toThrow();
    const failed = await both(db, 'select name from items where id = $1', [1]);
    expect(failed[0]).toEqual(failed[1]);
    expect(failed[0]).toEqual({ error: '25P02 current transaction is aborted, commands ignored until end of transaction block' });
    await db.query('rollback');
  });

  it('waits for a lock like any statement, then sees the committed row', async () => {
    const sql = 'select name from items where id = $1';
    await db.query(sql, [3]);
    await db.query(sql, [3]);
    const other = await db.connect();
    await other.query('begin');
    await other.query('lock table items in access exclusive mode');
    let settled = false;
    const waiting = db.query(sql, [3]).then((r) => {
      settled = true;
      return r.rows;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
    await other.query(`insert into items values (3, 'three', null)`);
    await other.query('commit');
    expect(await waiting).toEqual([{ name: 'three' }]);
  });
});
