/**
 * Ordered index scans (ORDER BY ... LIMIT without a Sort) under MVCC: a snapshot keeps seeing the
 * rows it saw while another session deletes, inserts and moves keys; dead and uncommitted versions
 * in the index are skipped; cursors over an ordered scan fetch forward and backward; a LIMIT stops
 * the scan before rows whose select list would fail.
 */
import { describe, expect, it } from 'vitest';
import { Database } from '../../src/index.js';

const raw = { getTypeParser: () => (v: string) => v };
const SETUP = `CREATE TABLE events (id int PRIMARY KEY, user_id int NOT NULL, at int NOT NULL, body text);
  CREATE INDEX events_user_at ON events (user_id, at);
  INSERT INTO events SELECT g, g % 5, g * 3 % 101, 'e' || g FROM generate_series(1, 200) g`;

async function ids(q: { query: Database['query'] }, sql: string): Promise<string[]> {
  const r = await q.query({ text: sql, rowMode: 'array', types: raw });
  return (r.rows as unknown as string[][]).map((x) => x[0]);
}

async function plan(db: Database, sql: string): Promise<string> {
  const r = await db.query({ text: `EXPLAIN (COSTS OFF) ${sql}`, rowMode: 'array', types: raw });
  return (r.rows as unknown as string[][]).map((x) => x[0]).join('\n');
}

describe('ordered index scans', () => {
  it('use the index (forward and backward) and stop at the LIMIT', async () => {
    const db = await Database.create();
    await db.exec(SETUP);
    const q = 'SELECT id FROM events WHERE user_id = 2 ORDER BY at DESC LIMIT 3';
    expect(await plan(db, q)).toBe('Limit\n  ->  Index Scan Backward using events_user_at on events\n        Index Cond: (user_id = 2)');
    const full = await ids(db, 'SELECT id FROM events WHERE user_id = 2 ORDER BY at DESC, id DESC');
    expect(await ids(db, q)).toEqual(full.slice(0, 3));
    // 1 / (id - 150) fails only for id 150, which the LIMIT never reaches in id order.
    expect(await ids(db, 'SELECT id, 1 / (id - 150) FROM events ORDER BY id LIMIT 10')).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    await expect(db.query('SELECT id, 1 / (id - 150) FROM events ORDER BY at, id LIMIT 10')).rejects.toMatchObject({ code: '22012' });
  });

  it('keep a snapshot while another session changes the rows', async () => {
    const db = await Database.create();
    await db.exec(SETUP);
    const reader = await db.connect();
    const q = 'SELECT id FROM events ORDER BY id LIMIT 4';
    const qd = 'SELECT id FROM events ORDER BY id DESC LIMIT 4';
    await reader.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    expect(await ids(reader, q)).toEqual(['1', '2', '3', '4']);
    expect(await ids(reader, qd)).toEqual(['200', '199', '198', '197']);
    await db.query('DELETE FROM events WHERE id IN (1, 2, 199)');
    await db.query("INSERT INTO events VALUES (0, 1, 1, 'new'), (500, 1, 1, 'new')");
    await db.query('UPDATE events SET id = 1000 WHERE id = 3');
    // An uncommitted change of a third session is invisible to both.
    const writer = await db.connect();
    await writer.query('BEGIN');
    await writer.query("INSERT INTO events VALUES (-5, 1, 1, 'pending')");
    expect(await ids(reader, q)).toEqual(['1', '2', '3', '4']);
    expect(await ids(reader, qd)).toEqual(['200', '199', '198', '197']);
    await reader.query('COMMIT');
    expect(await ids(reader, q)).toEqual(['0', '4', '5', '6']);
    expect(await ids(reader, qd)).toEqual(['1000', '500', '200', '198']);
    expect(await ids(writer, q)).toEqual(['-5', '0', '4', '5']);
    await writer.query('ROLLBACK');
    expect(await ids(db, q)).toEqual(['0', '4', '5', '6']);
    // The rows are those a full sort returns.
    const all = await ids(db, 'SELECT id FROM events ORDER BY id + 0');
    expect(await ids(db, 'SELECT id FROM events ORDER BY id')).toEqual(all);
  });

  it('serve cursors forward and backward', async () => {
    const db = await Database.create();
    await db.exec(SETUP);
    await db.query('BEGIN');
    await db.query('DECLARE c SCROLL CURSOR FOR SELECT id FROM events WHERE user_id = 3 ORDER BY at DESC');
    const first = await ids(db, 'FETCH 3 FROM c');
    const expected = await ids(db, 'SELECT id FROM events WHERE user_id = 3 ORDER BY at DESC, id DESC');
    expect(first).toEqual(expected.slice(0, 3));
    expect(await ids(db, 'FETCH BACKWARD 2 FROM c')).toEqual([expected[1], expected[0]]);
    await db.query('COMMIT');
  });
});
