/**
 * Property test against the live oracle: a generated table (types, NOT NULL, UNIQUE, CHECK,
 * primary key) receives generated rows, some invalid; fauxgres must accept the same rows, reject
 * the others with the same SQLSTATE and message, and end with the same contents.
 * Fixed seed and bounded runs; FAUXGRES_PROPERTY_RUNS raises the count for long runs.
 */
import { describe, it, beforeAll, afterAll, expect } from 'vitest';
import fc from 'fast-check';
import pg from 'pg';
import { Database } from '../../src/index.js';

const RUNS = Number(process.env.FAUXGRES_PROPERTY_RUNS ?? 25);
const raw = { getTypeParser: () => (v: string) => v };

interface ColSpec {
  name: string;
  type: string;
  notNull: boolean;
  unique: boolean;
  check?: string;
}

const TYPES: Record<string, fc.Arbitrary<string>> = {
  integer: fc.oneof(fc.integer({ min: -1000, max: 1000 }).map(String), fc.constantFrom('2147483648', 'abc', ' 7 ', '1.5')),
  bigint: fc.oneof(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(String), fc.constantFrom('9223372036854775808', '12e3')),
  text: fc.string({ maxLength: 8 }),
  'varchar(5)': fc.oneof(fc.string({ maxLength: 7 }), fc.constantFrom('abc  ', 'abcdef ')),
  'numeric(6,2)': fc.oneof(fc.double({ min: -20000, max: 20000, noNaN: true }).map((d) => d.toFixed(3)), fc.constantFrom('9999.995', 'NaN', '1e3')),
  boolean: fc.constantFrom('t', 'f', 'yes', 'off', 'maybe'),
};

const colArb = (i: number): fc.Arbitrary<ColSpec> =>
  fc.record({
    type: fc.constantFrom(...Object.keys(TYPES)),
    notNull: fc.boolean(),
    unique: fc.boolean(),
    withCheck: fc.boolean(),
  }).map(({ type, notNull, unique, withCheck }) => {
    let check: string | undefined;
    if (withCheck) {
      if (type === 'integer' || type === 'bigint' || type.startsWith('numeric')) check = `c${i} > 0`;
      else if (type === 'text' || type.startsWith('varchar')) check = `length(c${i}) > 1`;
    }
    return { name: `c${i}`, type, notNull, unique: unique && type !== 'boolean', check };
  });

const caseArb = fc
  .integer({ min: 1, max: 4 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => colArb(i))))
  .chain((cols) =>
    fc.tuple(
      fc.constant(cols),
      fc.array(fc.tuple(...cols.map((c) => fc.option(TYPES[c.type], { nil: null, freq: 5 }))), { maxLength: 8 }),
    ),
  );

function ddl(cols: ColSpec[]): string {
  const defs = cols.map((c, i) => `${c.name} ${c.type}${i === 0 ? ' PRIMARY KEY' : ''}${c.notNull ? ' NOT NULL' : ''}${c.unique && i > 0 ? ' UNIQUE' : ''}${c.check ? ` CHECK (${c.check})` : ''}`);
  return `CREATE TABLE t (${defs.join(', ')})`;
}

type Outcome = { ok: true } | { code: string; message: string; detail?: string; constraint?: string };

async function outcome(f: () => Promise<unknown>): Promise<Outcome> {
  try {
    await f();
    return { ok: true };
  } catch (e) {
    const err = e as { code?: string; message: string; detail?: string; constraint?: string };
    if (!err.code) throw e;
    return { code: err.code, message: err.message, detail: err.detail, constraint: err.constraint };
  }
}

describe('generated tables and rows behave as on Postgres', () => {
  let client: pg.Client;
  beforeAll(async () => {
    client = new pg.Client(process.env.PG_ORACLE_URL);
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
  });

  it('accepts and rejects the same rows with the same errors', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async ([cols, rows]) => {
        await client.query('DROP TABLE IF EXISTS t');
        const db = await Database.create();
        const create = ddl(cols);
        const a = await outcome(() => client.query(create));
        const b = await outcome(() => db.query(create));
        expect(b).toEqual(a);
        if (!('ok' in a)) return;
        const insert = `INSERT INTO t VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`;
        for (const r of rows) {
          const x = await outcome(() => client.query(insert, r));
          const y = await outcome(() => db.query(insert, r));
          expect(y).toEqual(x);
        }
        const sel = `SELECT * FROM t ORDER BY ${cols.map((_, i) => i + 1).join(', ')}`;
        const pa = await client.query({ text: sel, types: raw, rowMode: 'array' });
        const fa = await db.query({ text: sel, types: raw, rowMode: 'array' });
        expect(fa.rows).toEqual(pa.rows);
      }),
      { seed: 42, numRuns: RUNS },
    );
  });
});
