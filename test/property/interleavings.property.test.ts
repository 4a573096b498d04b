/**
 * Random interleavings of 2-3 sessions' transactions (READ COMMITTED and REPEATABLE READ) over a
 * small table: every statement's outcome (rows or SQLSTATE and message), which statements waited
 * and when they completed must be what the oracle does with the same interleaving.
 */
import pg from 'pg';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/index.js';
import { fauxgresEngine, oracleEngine, runIsolation, type FauxgresIsolationDb, type IsolationSpec } from '../harness/isolation.js';
import { createRegressDatabase, dropRegressDatabase } from '../harness/regress-database.js';
import { loadOrderParser } from '../harness/result-order.js';

const DB_NAME = 'property_interleavings';
/** FC_SEED / FC_RUNS explore other interleavings locally; the suite runs the fixed ones. */
const RUNS = Number(process.env.FC_RUNS ?? 30);
let admin: pg.Client;
let url: string;

beforeAll(async () => {
  await loadOrderParser();
  admin = new pg.Client(process.env.PG_ORACLE_URL);
  await admin.connect();
  await createRegressDatabase(admin, DB_NAME);
  const u = new URL(process.env.PG_ORACLE_URL as string);
  u.pathname = `/${DB_NAME}`;
  url = u.toString();
});

afterAll(async () => {
  await dropRegressDatabase(admin, DB_NAME);
  await admin.end();
});

const SETUP = `DROP TABLE IF EXISTS kv; CREATE TABLE kv (k int PRIMARY KEY, v int NOT NULL); INSERT INTO kv VALUES (1, 10), (2, 20), (3, 30);`;

const key = fc.integer({ min: 1, max: 4 });
const num = fc.integer({ min: 1, max: 25 });

const statement = fc.oneof(
  fc.constant('SELECT k, v FROM kv ORDER BY k'),
  fc.tuple(key, num).map(([x, n]) => `UPDATE kv SET v = v + ${n} WHERE k = ${x} RETURNING k, v`),
  num.map((n) => `UPDATE kv SET v = v * 2 WHERE v > ${n} RETURNING k, v`),
  key.map((x) => `DELETE FROM kv WHERE k = ${x} RETURNING k`),
  fc.tuple(key, num).map(([x, n]) => `INSERT INTO kv VALUES (${x}, ${n})`),
  fc.tuple(key, num).map(([x, n]) => `INSERT INTO kv VALUES (${x}, ${n}) ON CONFLICT (k) DO UPDATE SET v = kv.v + excluded.v RETURNING k, v`),
  fc.tuple(key, num).map(([x, n]) => `INSERT INTO kv VALUES (${x}, ${n}) ON CONFLICT DO NOTHING`),
  key.map((x) => `SELECT k, v FROM kv WHERE k = ${x} FOR UPDATE`),
  key.map((x) => `SELECT k FROM kv WHERE k = ${x} FOR SHARE`),
  fc.constant('SELECT k, v FROM kv ORDER BY k LIMIT 1 FOR UPDATE SKIP LOCKED'),
);

const script = fc
  .record({
    iso: fc.constantFrom('READ COMMITTED', 'REPEATABLE READ'),
    ops: fc.array(statement, { minLength: 1, maxLength: 3 }),
    end: fc.constantFrom('COMMIT', 'ROLLBACK'),
  })
  .map(({ iso, ops, end }) => [`BEGIN ISOLATION LEVEL ${iso}`, ...ops, end]);

const schedule = fc.record({
  scripts: fc.array(script, { minLength: 2, maxLength: 3 }),
  picks: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 4, maxLength: 24 }),
});

/** The largest number of steps waiting at the same time in a run's lines. */
function maxWaiting(lines: readonly string[]): number {
  let n = 0;
  let max = 0;
  for (const l of lines) {
    if (/^#\d+ s\d+: .* => waiting$/.test(l)) max = Math.max(max, ++n);
    else if (/^#\d+ s\d+ completes after/.test(l)) n--;
  }
  return max;
}

describe('random interleavings', () => {
  it('give the oracle outcomes, waits and wake-ups', async () => {
    await fc.assert(
      fc.asyncProperty(schedule, async ({ scripts, picks }) => {
        const spec: IsolationSpec = {
          name: 'generated',
          setup: SETUP,
          sessions: scripts.length,
          sessionSetup: scripts.map(() => "SET deadlock_timeout = '20ms'"),
          settleMs: 80,
          steps: [],
          scripts,
          picks,
        };
        const expected = await runIsolation(oracleEngine(url), spec);
        // Two sessions waiting at once may be woken by one commit and then race in Postgres
        // itself (which one takes the row first is up to the OS scheduler): not comparable.
        fc.pre(scripts.length < 3 || maxWaiting(expected) < 2);
        const db = await Database.create();
        const actual = await runIsolation(fauxgresEngine(db as unknown as FauxgresIsolationDb), spec);
        await db.close();
        expect(actual.join('\n')).toBe(expected.join('\n'));
      }),
      { seed: Number(process.env.FC_SEED ?? 42), numRuns: RUNS, endOnFailure: true },
    );
  }, RUNS * 2000);
});
