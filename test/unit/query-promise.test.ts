/**
 * db.query and Connection.query report every database error through the returned promise, as
 * node-postgres's client.query does: a syntax error (raised while parsing, before anything runs)
 * must not throw synchronously, so `db.query(bad).catch(...)` and `expect(...).rejects` work.
 */
import { describe, expect, it } from 'vitest';
import { Database } from '../../src/index.js';

describe('query errors arrive as rejected promises', () => {
  it('a syntax error rejects instead of throwing', async () => {
    const db = await Database.create();
    let p: Promise<unknown> | undefined;
    expect(() => {
      p = db.query('SELEC 1');
    }).not.toThrow();
    await expect(p).rejects.toMatchObject({ code: '42601', message: 'syntax error at or near "SELEC"', position: '1' });
  });

  it('a syntax error on a connection rejects and the connection goes on', async () => {
    const db = await Database.create();
    const c = await db.connect();
    const caught = await c.query('SELECT (1').catch((e: { code: string }) => e.code);
    expect(caught).toBe('42601');
    expect((await c.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    await c.close();
  });
});
