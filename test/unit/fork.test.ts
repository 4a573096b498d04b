/**
 * fork(): an independent database sharing storage with its parent until either writes.
 * Invariants checked here (no oracle needed: both sides are fauxgres): writes, DDL and sequence
 * use on one side are invisible on the other, and rows stay identical where nothing was written.
 */
import { describe, expect, it } from 'vitest';
import { Database } from '../../src/index.js';

const raw = { getTypeParser: () => (v: string) => v };

async function rows(db: Database, sql: string): Promise<unknown[][]> {
  return (await db.query<unknown[]>({ text: sql, rowMode: "array", types: raw })).rows;
}

describe('Database.fork', () => {
  it('shares the data and keeps later writes apart', async () => {
    const parent = await Database.create();
    await parent.exec(`
      CREATE TABLE items (id serial PRIMARY KEY, name text UNIQUE NOT NULL);
      INSERT INTO items (name) SELECT 'item' || g FROM generate_series(1, 1000) g;
    `);
    const child = parent.fork();
    expect(await rows(child, 'SELECT count(*), max(id) FROM items')).toEqual([['1000', '1000']]);

    await child.query(`INSERT INTO items (name) VALUES ('only-in-child')`);
    await child.query(`DELETE FROM items WHERE id <= 10`);
    await parent.query(`UPDATE items SET name = 'renamed' WHERE id = 500`);

    expect(await rows(parent, 'SELECT count(*) FROM items')).toEqual([['1000']]);
    expect(await rows(child, 'SELECT count(*) FROM items')).toEqual([['991']]);
    expect(await rows(child, 'SELECT name FROM items WHERE id = 500')).toEqual([['item500']]);
    expect(await rows(parent, `SELECT count(*) FROM items WHERE name = 'only-in-child'`)).toEqual([['0']]);
    // Each side's unique index sees only its own rows.
    await parent.query(`INSERT INTO items (name) VALUES ('only-in-child')`);
  });

  it('keeps DDL and sequences apart', async () => {
    const parent = await Database.create();
    await parent.exec(`CREATE TABLE t (id serial PRIMARY KEY, v int); INSERT INTO t (v) VALUES (1), (2);`);
    const child = parent.fork();
    await child.query('ALTER TABLE t ADD COLUMN extra text');
    await child.query('CREATE TABLE child_only (x int)');
    await expect(parent.query('SELECT extra FROM t')).rejects.toMatchObject({ code: '42703' });
    await expect(parent.query('SELECT * FROM child_only')).rejects.toMatchObject({ code: '42P01' });
    expect(await rows(child, `INSERT INTO t (v) VALUES (3) RETURNING id`)).toEqual([['3']]);
    expect(await rows(parent, `INSERT INTO t (v) VALUES (3) RETURNING id`)).toEqual([['3']]);
  });

  it('forks a fork', async () => {
    const a = await Database.create();
    await a.exec(`CREATE TABLE t (v int); INSERT INTO t VALUES (1);`);
    const b = a.fork();
    await b.query('INSERT INTO t VALUES (2)');
    const c = b.fork();
    await c.query('INSERT INTO t VALUES (3)');
    expect(await rows(a, 'SELECT count(*) FROM t')).toEqual([['1']]);
    expect(await rows(b, 'SELECT count(*) FROM t')).toEqual([['2']]);
    expect(await rows(c, 'SELECT count(*) FROM t')).toEqual([['3']]);
  });

  it('keeps drops, truncates and sequence calls apart across repeated forks with writes between', async () => {
    const a = await Database.create();
    await a.exec(`
      CREATE TABLE t (id serial PRIMARY KEY, v int);
      CREATE TABLE gone (x int);
      INSERT INTO t (v) VALUES (1), (2);
      INSERT INTO gone VALUES (7);
    `);
    const b = a.fork();
    await a.query('INSERT INTO t (v) VALUES (3)');
    await b.query('DROP TABLE gone');
    await b.query('TRUNCATE t');
    // a wrote since its last fork: this fork freezes a's changes into a new shared base.
    const c = a.fork();
    await a.query('DELETE FROM t WHERE v = 1');
    expect(await rows(a, 'SELECT string_agg(v::text, \',\' ORDER BY v) FROM t')).toEqual([['2,3']]);
    expect(await rows(b, 'SELECT count(*) FROM t')).toEqual([['0']]);
    expect(await rows(c, 'SELECT string_agg(v::text, \',\' ORDER BY v) FROM t')).toEqual([['1,2,3']]);
    expect(await rows(a, 'SELECT x FROM gone')).toEqual([['7']]);
    expect(await rows(c, 'SELECT x FROM gone')).toEqual([['7']]);
    await expect(b.query('SELECT x FROM gone')).rejects.toMatchObject({ code: '42P01' });
    // Sequence counters: each copy continues from the value at its fork.
    expect(await rows(c, `SELECT nextval('t_id_seq')`)).toEqual([['4']]);
    expect(await rows(c, `SELECT nextval('t_id_seq')`)).toEqual([['5']]);
    expect(await rows(a, `SELECT nextval('t_id_seq')`)).toEqual([['4']]);
    expect(await rows(b, `SELECT nextval('t_id_seq')`)).toEqual([['3']]);
    // The primary key index of each copy holds only its own rows.
    await expect(c.query('INSERT INTO t (id, v) VALUES (1, 10)')).rejects.toMatchObject({ code: '23505' });
    await a.query('INSERT INTO t (id, v) VALUES (1, 10)');
    expect(await rows(a, 'SELECT v FROM t WHERE id = 1')).toEqual([['10']]);
    expect(await rows(c, 'SELECT v FROM t WHERE id = 1')).toEqual([['1']]);
  });
  it('keeps large objects apart, and snapshot/restore brings them back', async () => {
    const parent = await Database.create();
    await parent.query(`SELECT lo_from_bytea(7001, 'parent')`);
    const child = parent.fork();
    await child.query(`SELECT lo_put(7001, 0, 'CHILD!')`);
    await child.query(`SELECT lo_from_bytea(7002, 'child only')`);
    expect(await rows(parent, `SELECT convert_from(lo_get(7001), 'UTF8')`)).toEqual([['parent']]);
    expect(await rows(child, `SELECT convert_from(lo_get(7001), 'UTF8')`)).toEqual([['CHILD!']]);
    expect(await rows(parent, 'SELECT count(*) FROM pg_largeobject_metadata')).toEqual([['1']]);
    const snap = parent.snapshot();
    await parent.query('SELECT lo_unlink(7001)');
    parent.restore(snap);
    expect(await rows(parent, `SELECT convert_from(lo_get(7001), 'UTF8')`)).toEqual([['parent']]);
  });
});
