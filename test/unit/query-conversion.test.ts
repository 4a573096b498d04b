/**
 * db.query converts values as node-postgres's default parsers would convert Postgres's text output,
 * skipping the text for some types (timestamptz straight to a Date). Invariant (no oracle needed,
 * both sides are fauxgres; the text output itself is checked against the oracle elsewhere): the
 * direct conversion equals pg-types' parser applied to the text, across the range where doubles
 * hold microseconds exactly and beyond it. Row objects equal assigning each column by name in
 * order (node-postgres's parseRow), whatever the names, also once the field list is compiled.
 */
import fc from 'fast-check';
import pgTypes from 'pg-types';
import { beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/index.js';

const raw = { getTypeParser: () => (v: string) => v };
const parseTimestamptz = pgTypes.getTypeParser(1184, 'text') as (v: string) => unknown;

/** Microseconds since 2000-01-01 as timestamptz literals (to_timestamp keeps microseconds). */
const EDGES = [0n, -1n, 1n, -999n, -1000n, -1001n, 999n, 1000n, 1001n, -946684800000000n, -946684800000001n, 2n ** 53n - 1n, 2n ** 53n, 2n ** 53n + 1n, -(2n ** 53n), -(2n ** 53n) - 1n, 9_000_000_000_000_000n, -60_000_000_000_000_000n];

describe('db.query timestamptz → Date', () => {
  let db: Database;
  beforeAll(async () => {
    db = await Database.create();
  });

  async function check(values: bigint[]): Promise<void> {
    const sql = `SELECT ('2000-01-01 00:00:00+00'::timestamptz + make_interval(secs => 0) + (v::text || ' microseconds')::interval) AS t FROM unnest($1::int8[]) WITH ORDINALITY AS u(v, i) ORDER BY i`;
    const params = [values.map(String)];
    const direct = (await db.query<{ t: Date }>(sql, params)).rows.map((r) => r.t);
    const text = (await db.query<{ t: string }>({ text: sql, values: params, types: raw })).rows.map((r) => r.t);
    expect(direct.map((d) => (d as Date).getTime())).toEqual(text.map((t) => (parseTimestamptz(t) as Date).getTime()));
  }

  it('matches the text parser at the edges of exact doubles and of millisecond rounding', async () => {
    await check(EDGES);
  });

  it('matches the text parser for generated instants', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.bigInt({ min: -60_000_000_000_000_000n, max: 9_000_000_000_000_000n }), { minLength: 1, maxLength: 50 }), (vs) => check(vs)),
      { seed: 42, numRuns: 40 },
    );
  });
});

describe('db.query row objects', () => {
  it('equal assigning each column by name in order, for odd and repeated names', async () => {
    const db = await Database.create();
    const sql = `SELECT 1 AS a, 'x' AS "we""ird", NULL::int AS a, 2 AS "10", 3 AS "2", 'é' AS "ünï code", true AS "line\nbreak", '{"k":1}'::jsonb AS "constructor", 4 AS "toString"`;
    for (let round = 0; round < 3; round++) {
      const arr = await db.query<unknown[]>({ text: sql, rowMode: 'array' });
      const expected: Record<string, unknown> = {};
      arr.fields.forEach((f, i) => (expected[f.name] = arr.rows[0][i]));
      const obj = (await db.query(sql)).rows[0];
      expect(Object.keys(obj)).toEqual(Object.keys(expected));
      expect(obj).toEqual(expected);
      expect(Object.getPrototypeOf(obj)).toBe(Object.prototype);
    }
  });

  it('keeps __proto__ as an assignment (as node-postgres does)', async () => {
    const db = await Database.create();
    for (let round = 0; round < 3; round++) {
      const r = (await db.query(`SELECT 1 AS a, 'v' AS "__proto__"`)).rows[0] as Record<string, unknown>;
      const expected: Record<string, unknown> = {};
      expected['a'] = 1;
      expected['__proto__'] = 'v';
      expect(Object.keys(r)).toEqual(Object.keys(expected));
      expect(Object.getPrototypeOf(r)).toBe(Object.getPrototypeOf(expected));
    }
  });
});
