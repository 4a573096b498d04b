/**
 * ORDER BY ... LIMIT through ordered index scans: generated rows (NULLs, duplicates), generated
 * b-tree indexes (ASC / DESC, NULLS FIRST / LAST, multi-column, COLLATE "C") and generated
 * queries (ORDER BY keys with every direction and NULLS placement, an equality or range on a
 * leading column, LIMIT / OFFSET), after deletes and updates (dead row versions in the indexes).
 * fauxgres must return the rows in the order Postgres does (compared on the ORDER BY columns, as
 * ties may come in any order), and the same as a fauxgres database without the indexes (a full
 * sort). Fixed seed and bounded runs; FAUXGRES_PROPERTY_RUNS raises the count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import pg from 'pg';
import { Database } from '../../src/index.js';

const RUNS = Number(process.env.FAUXGRES_PROPERTY_RUNS ?? 40);
const raw = { getTypeParser: () => (v: string) => v };

const INDEXES = [
  '(a)',
  '(a DESC)',
  '(a NULLS FIRST)',
  '(a DESC NULLS LAST)',
  '(b)',
  '(b COLLATE "C")',
  '(b, a)',
  '(a, c DESC NULLS FIRST)',
  '(c, a DESC)',
];

const textArb = fc.constantFrom('a', 'B', 'b', 'ab', '', 'Z', 'é', 'a b', null);
const intArb = fc.option(fc.integer({ min: -3, max: 6 }), { nil: null, freq: 4 });
const rowsArb = fc.array(fc.tuple(intArb, textArb, intArb), { minLength: 0, maxLength: 40 });

const keyArb = fc.record({
  col: fc.constantFrom('a', 'b', 'c', 'b COLLATE "C"'),
  dir: fc.constantFrom('', ' ASC', ' DESC'),
  nulls: fc.constantFrom('', ' NULLS FIRST', ' NULLS LAST'),
});

const queryArb = fc.record({
  keys: fc.array(keyArb, { minLength: 1, maxLength: 2 }),
  where: fc.constantFrom('', 'a = 2', 'a = 0', "b = 'b'", 'a > 1', 'c <= 3', 'a = 2 AND c > 0'),
  limit: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
  offset: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
});

const caseArb = fc.record({
  indexes: fc.subarray(INDEXES, { minLength: 1, maxLength: 3 }),
  rows: rowsArb,
  deleteMod: fc.integer({ min: 2, max: 6 }),
  updateMod: fc.integer({ min: 2, max: 6 }),
  queries: fc.array(queryArb, { minLength: 1, maxLength: 4 }),
});

function querySql(q: { keys: { col: string; dir: string; nulls: string }[]; where: string; limit?: number; offset?: number }): { sql: string; ncols: number } {
  const cols = q.keys.map((k) => k.col.replace(/ COLLATE.*/, ''));
  const order = q.keys.map((k) => `${k.col}${k.dir}${k.nulls}`).join(', ');
  let sql = `SELECT ${cols.join(', ')}, id FROM t${q.where ? ` WHERE ${q.where}` : ''} ORDER BY ${order}`;
  if (q.limit !== undefined) sql += ` LIMIT ${q.limit}`;
  if (q.offset !== undefined) sql += ` OFFSET ${q.offset}`;
  return { sql, ncols: cols.length };
}

/** The ORDER BY columns of each row, in order (ties may legitimately come in any order). */
function keyColumns(rows: unknown[][], n: number): string[] {
  return rows.map((r) => JSON.stringify(r.slice(0, n)));
}

describe('ORDER BY ... LIMIT through ordered index scans', () => {
  let client: pg.Client;
  beforeAll(async () => {
    client = new pg.Client(process.env.PG_ORACLE_URL);
    await client.connect();
    await client.query('DROP SCHEMA IF EXISTS order_limit_prop CASCADE; CREATE SCHEMA order_limit_prop; SET search_path = order_limit_prop');
  });
  afterAll(async () => {
    await client.query('DROP SCHEMA IF EXISTS order_limit_prop CASCADE');
    await client.end();
  });

  it('returns what Postgres and a full sort return', async () => {
    let indexed = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const setup = [
          'DROP TABLE IF EXISTS t',
          'CREATE TABLE t (id int PRIMARY KEY, a int, b text, c int)',
          ...c.indexes.map((ix, i) => `CREATE INDEX t_ix${i} ON t ${ix}`),
        ];
        const data: string[] = [];
        c.rows.forEach(([a, b, cc], i) => {
          const lit = (v: string | number | null) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v}'`);
          data.push(`INSERT INTO t VALUES (${i + 1}, ${lit(a)}, ${lit(b)}, ${lit(cc)})`);
        });
        data.push(`DELETE FROM t WHERE id % ${c.deleteMod} = 0`, `UPDATE t SET c = coalesce(c, 0) + 1, a = a WHERE id % ${c.updateMod} = 1`);
        const withIdx = await Database.create();
        const plain = await Database.create();
        for (const s of setup) {
          await client.query(s);
          await withIdx.query(s);
          if (!s.startsWith('CREATE INDEX')) await plain.query(s);
        }
        for (const s of data) {
          await client.query(s);
          await withIdx.query(s);
          await plain.query(s);
        }
        for (const q of c.queries) {
          const { sql, ncols } = querySql(q);
          const want = await client.query({ text: sql, rowMode: 'array', types: raw });
          const got = await withIdx.query({ text: sql, rowMode: 'array', types: raw });
          const full = await plain.query({ text: sql, rowMode: 'array', types: raw });
          const plan = (await withIdx.query(`EXPLAIN (COSTS OFF) ${sql}`)).rows.map((r) => Object.values(r)[0]).join('\n');
          if (/Index (Only )?Scan/.test(plan) && !/Sort/.test(plan)) indexed++;
          expect({ sql, rows: keyColumns(got.rows as unknown as unknown[][], ncols) }).toEqual({ sql, rows: keyColumns(want.rows as unknown[][], ncols) });
          expect({ sql, rows: keyColumns(full.rows as unknown as unknown[][], ncols) }).toEqual({ sql, rows: keyColumns(want.rows as unknown[][], ncols) });
          if (q.limit === undefined && q.offset === undefined) {
            expect([...(got.rows as unknown as unknown[][]).map((r) => JSON.stringify(r))].sort()).toEqual([...(want.rows as unknown as unknown[][]).map((r) => JSON.stringify(r))].sort());
          }
        }
        await withIdx.close();
        await plain.close();
      }),
      { numRuns: RUNS, seed: 20261123 },
    );
    // The generated queries must exercise the ordered scans, not only sorts.
    expect(indexed).toBeGreaterThan(RUNS / 4);
  }, 120_000);
});
