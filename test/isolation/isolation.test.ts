/**
 * Multi-session scenarios (specs.ts) run on the oracle, each session its own pg connection, and on
 * fauxgres, each session its own `db.connect()`; per-step outcomes, waits and wake-ups must match.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/index.js';
import { fauxgresEngine, oracleEngine, runIsolation, type FauxgresIsolationDb } from '../harness/isolation.js';
import { createRegressDatabase, dropRegressDatabase } from '../harness/regress-database.js';
import { loadOrderParser } from '../harness/result-order.js';
import { allSpecs } from './specs.js';

const DB_NAME = 'isolation_specs';
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

for (const [group, specs] of Object.entries(allSpecs)) {
  describe(group, () => {
    for (const spec of specs) {
      it(spec.name, async () => {
        const expected = await runIsolation(oracleEngine(url), spec);
        const db = await Database.create();
        const actual = await runIsolation(fauxgresEngine(db as unknown as FauxgresIsolationDb), spec);
        await db.close();
        expect(actual.join('\n')).toBe(expected.join('\n'));
      });
    }
  });
}
