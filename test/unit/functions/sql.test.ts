/** The library through the engine: whole statements on fauxgres and on the oracle, compared as text. */
import { afterAll, expect, it } from 'vitest';
import { Database } from '../../../src/index.js';
import { SQL_CASES } from './cases/sql.js';
import { closeOracle, oracle } from './harness.js';

afterAll(closeOracle);

type Out = { rows: unknown[][] } | { error: string };

async function run(q: (c: { text: string; rowMode: 'array'; types: { getTypeParser: () => (v: string) => string } }) => Promise<{ rows: unknown[][] }>, sql: string): Promise<Out> {
  try {
    const r = await q({ text: sql, rowMode: 'array', types: { getTypeParser: () => (v: string) => v } });
    return { rows: r.rows };
  } catch (e) {
    const err = e as { code: string; message: string };
    return { error: `${err.code}: ${err.message}` };
  }
}

it('statements using the library give the oracle results through the engine', async () => {
  const db = await Database.create();
  const c = await oracle();
  const bad: { sql: string; ours: Out; oracle: Out }[] = [];
  for (const sql of SQL_CASES) {
    const ours = await run((cfg) => db.query(cfg) as never, sql);
    const theirs = await run((cfg) => c.query(cfg) as never, sql);
    if (JSON.stringify(ours) !== JSON.stringify(theirs)) bad.push({ sql, ours, oracle: theirs });
  }
  expect(bad).toEqual([]);
});
