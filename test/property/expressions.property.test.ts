/**
 * Property test against the live oracle: a table of typed columns (int, bigint, numeric, float8,
 * text, bool, date, timestamptz, jsonb, int[]) gets generated rows (NULLs, boundaries, unicode,
 * negative zero, NaN and infinities, huge numerics); generated queries over it (random
 * expressions in the select list, WHERE predicates, ORDER BY keys with directions, NULLS
 * placement and collations, GROUP BY with aggregates) must give the same rows as text, in the
 * same order (every ORDER BY is made total), or the same SQLSTATE and message.
 * Generators: expression-gen.ts (see README.md). Fixed seed and bounded runs;
 * FAUXGRES_PROPERTY_RUNS raises the count for long runs.
 */
import { describe, it, beforeAll, afterAll, expect } from 'vitest';
import fc from 'fast-check';
import pg from 'pg';
import { createTwin, type Twin } from '../harness/twin.js';
import { compareOne, describeMismatches, type Mismatch } from './differential.js';
import { CREATE_TABLE, insertSql, queriesArb, rowsArb, settingsArb } from './expression-gen.js';

const RUNS = Number(process.env.FAUXGRES_PROPERTY_RUNS ?? 150);
const SEED = Number(process.env.FAUXGRES_PROPERTY_SEED ?? 20261123);

const caseArb = fc.tuple(settingsArb, rowsArb, queriesArb, queriesArb);

/** Loads the rows into a fresh table t on both engines, then runs each query on both. */
export async function runCase(client: pg.Client, db: Twin['db'], settings: string[], rows: string[][], queries: string[]): Promise<Mismatch[]> {
  const out: Mismatch[] = [];
  for (const s of [...settings, 'DROP TABLE IF EXISTS t', CREATE_TABLE]) {
    await client.query(s);
    await db.query(s);
  }
  const prefix = `${settings.join('; ')}; ${CREATE_TABLE}; `;
  if (rows.length) {
    const m = await compareOne(client, db, insertSql(rows));
    if (m) return [{ ...m, sql: prefix + m.sql }];
  }
  const load = rows.length ? `${insertSql(rows)}; ` : '';
  for (const q of queries) {
    const m = await compareOne(client, db, q);
    if (m) out.push({ ...m, sql: prefix + load + m.sql });
  }
  return out;
}

describe('generated expressions, predicates, orderings and aggregates agree with Postgres', () => {
  let twin: Twin;
  let client: pg.Client;
  beforeAll(async () => {
    twin = await createTwin('property_expressions');
    client = new pg.Client(twin.oracleUrl);
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await twin?.close();
  });

  it('gives the same rows or the same error', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async ([settings, rows, q1, q2]) => {
        const ms = await runCase(client, twin.db, settings, rows, [...q1, ...q2]);
        expect(ms, describeMismatches(ms)).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
