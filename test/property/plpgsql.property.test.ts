/**
 * Property test against the live oracle: generated small PL/pgSQL functions (integer arithmetic
 * that may overflow or divide by zero, IF / CASE, FOR and WHILE loops, inserts into a table with
 * UNIQUE and CHECK constraints, exception blocks that catch some of those errors, RAISE) are
 * created and called on Postgres and on fauxgres with generated arguments: both must give the
 * same result or the same error (SQLSTATE, message, CONTEXT lines), the same notices, and leave
 * the same rows behind.
 * Fixed seed and bounded runs; FAUXGRES_PROPERTY_RUNS raises the count for long runs.
 */
import { describe, it, beforeAll, afterAll, expect } from 'vitest';
import fc from 'fast-check';
import pg from 'pg';
import { Database } from '../../src/index.js';

const RUNS = Number(process.env.FAUXGRES_PROPERTY_RUNS ?? 40);
const raw = { getTypeParser: () => (v: string) => v };

const VARS = ['a', 'b', 'x', 'y'];

const leaf: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...VARS),
  fc.integer({ min: -5, max: 20 }).map(String),
  fc.constantFrom('2147483647', '0'),
);

/** Integer expressions over the parameters and variables. */
const intExpr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.tuple(tie('e'), fc.constantFrom('+', '-', '*', '/', '%'), tie('e')).map(([l, op, r]) => `(${l} ${op} ${r})`),
    fc.tuple(tie('e'), tie('e')).map(([l, r]) => `greatest(${l}, ${r})`),
    tie('e').map((x) => `abs(${x})`),
  ),
})).e;

const cond: fc.Arbitrary<string> = fc.tuple(intExpr, fc.constantFrom('<', '>', '=', '<>', '<='), intExpr).map(([l, op, r]) => `${l} ${op} ${r}`);

/** Statements; `depth` bounds nesting. */
function stmts(depth: number): fc.Arbitrary<string[]> {
  const simple: fc.Arbitrary<string>[] = [
    fc.tuple(fc.constantFrom('x', 'y'), intExpr).map(([v, e]) => `${v} := ${e};`),
    intExpr.map((e) => `s := s || (${e})::text || ',';`),
    intExpr.map((e) => `INSERT INTO log VALUES (${e});`),
    fc.tuple(cond, fc.constantFrom('P0001', '22023', 'P0042')).map(([c, code]) => `IF ${c} THEN RAISE EXCEPTION 'boom %', x USING ERRCODE = '${code}'; END IF;`),
    intExpr.map((e) => `RAISE NOTICE 'x=% e=%', x, ${e};`),
    intExpr.map((e) => `SELECT count(*) INTO y FROM log WHERE v < ${e};`),
  ];
  if (depth <= 0) return fc.array(fc.oneof(...simple), { minLength: 1, maxLength: 3 });
  const inner = stmts(depth - 1).map((l) => l.join(' '));
  const compound: fc.Arbitrary<string>[] = [
    fc.tuple(cond, inner, inner).map(([c, t, e]) => `IF ${c} THEN ${t} ELSE ${e} END IF;`),
    fc.tuple(fc.integer({ min: -1, max: 3 }), fc.integer({ min: 0, max: 4 }), inner).map(([lo, hi, b]) => `FOR i IN ${lo}..${hi} LOOP x := x + i; ${b} END LOOP;`),
    // Each nesting depth counts with its own variable, which generated statements never assign.
    fc.tuple(fc.integer({ min: 1, max: 3 }), inner).map(([n, b]) => `k${depth} := 0; WHILE k${depth} < ${n} LOOP k${depth} := k${depth} + 1; ${b} END LOOP;`),
    fc.tuple(inner, fc.subarray(['division_by_zero', 'unique_violation', 'numeric_value_out_of_range', 'check_violation', 'raise_exception', 'others'], { minLength: 1, maxLength: 2 }), inner).map(
      ([b, conds, h]) => `BEGIN ${b} EXCEPTION WHEN ${conds.join(' OR ')} THEN s := s || 'caught ' || SQLSTATE || ';'; ${h} END;`,
    ),
    fc.tuple(intExpr, inner, inner).map(([e, t, o]) => `CASE ${e} % 3 WHEN 0 THEN ${t} WHEN 1 THEN ${o} ELSE NULL; END CASE;`),
  ];
  return fc.array(fc.oneof(...simple, ...compound), { minLength: 1, maxLength: 4 });
}

const caseArb = fc.record({
  body: stmts(2),
  init: intExpr,
  ret: intExpr,
  args: fc.array(fc.tuple(fc.integer({ min: -3, max: 30 }), fc.integer({ min: -3, max: 30 })), { minLength: 1, maxLength: 3 }),
});

function functionSql(body: string[], init: string): string {
  return `CREATE OR REPLACE FUNCTION f(a int, b int) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  x int := ${init.replace(/\bx\b|\by\b/g, '1')};
  y int := 0;
  s text := '';
  k1 int;
  k2 int;
BEGIN
  ${body.join('\n  ')}
  RETURN s || ' x=' || x || ' y=' || y;
END $$`;
}

interface Outcome {
  result?: unknown;
  code?: string;
  message?: string;
  where?: string;
  notices: string[];
}

describe('generated PL/pgSQL functions behave as on Postgres', () => {
  let admin: pg.Client;
  let client: pg.Client;
  const dbName = `prop_plpgsql_${process.pid}`;
  const notices: string[] = [];
  beforeAll(async () => {
    admin = new pg.Client(process.env.PG_ORACLE_URL);
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName} TEMPLATE template0`);
    const u = new URL(process.env.PG_ORACLE_URL as string);
    u.pathname = `/${dbName}`;
    client = new pg.Client(u.toString());
    await client.connect();
    client.on('notice', (n) => notices.push(`${n.message} | ${n.where ?? ''}`));
  });
  afterAll(async () => {
    await client.end();
    await admin.query(`DROP DATABASE ${dbName}`);
    await admin.end();
  });

  it('gives the same results, errors, notices and rows', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ body, init, ret, args }) => {
        void ret;
        const fauxNotices: string[] = [];
        const db = await Database.create({ onNotice: (n) => fauxNotices.push(`${n.message} | ${n.where ?? ''}`) });
        const setup = 'DROP TABLE IF EXISTS log; CREATE TABLE log (v int UNIQUE CHECK (v <> 13))';
        await client.query(setup);
        await db.exec(setup);
        const create = functionSql(body, init);
        const run = async (q: (sql: string) => Promise<unknown>, sink: string[]): Promise<Outcome> => {
          sink.length = 0;
          try {
            const result = await q(create);
            void result;
          } catch (e) {
            const err = e as { code?: string; message: string };
            return { code: err.code, message: err.message, notices: [...sink] };
          }
          return { notices: [] };
        };
        const created = await run((s) => client.query(s), notices);
        const createdF = await run((s) => db.query(s), fauxNotices);
        expect(createdF).toEqual(created);
        if (created.code) return;
        for (const [a, b] of args) {
          type Config = { text: string; values: unknown[]; rowMode: 'array'; types: typeof raw };
          const call = async (q: (c: Config) => Promise<{ rows: unknown[][] }>, sink: string[]): Promise<Outcome> => {
            sink.length = 0;
            try {
              const r = await q({ text: 'SELECT f($1, $2)', values: [a, b], rowMode: 'array', types: raw });
              return { result: r.rows[0][0], notices: [...sink] };
            } catch (e) {
              const err = e as { code?: string; message: string; where?: string };
              return { code: err.code, message: err.message, where: err.where, notices: [...sink] };
            }
          };
          const x = await call((c) => client.query(c) as never, notices);
          const y = await call((c) => db.query(c as never) as never, fauxNotices);
          expect(y, create).toEqual(x);
        }
        const sel = { text: 'SELECT v FROM log ORDER BY v', rowMode: 'array' as const, types: raw };
        const pa = await client.query(sel);
        const fa = await db.query(sel);
        expect(fa.rows, create).toEqual(pa.rows);
      }),
      { seed: Number(process.env.FAUXGRES_PROPERTY_SEED ?? 42), numRuns: RUNS },
    );
  });
});
