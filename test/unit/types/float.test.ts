/**
 * Differential tests of src/types/float.ts against the oracle: float4/float8 text input (strtod
 * syntax, rounding, range errors) and output (shortest digits, notation choice, legacy
 * extra_float_digits), ordering, arithmetic with overflow/underflow errors, the float8 math
 * functions and the float8 -> float4 cast. Expected values come from the oracle in this run.
 */
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPgError } from '../../../src/errors/pg-error.js';
import { DEFAULT_IO_CONTEXT } from '../../../src/types/type-io.js';
import {
  compareFloat,
  float4Add,
  float4Div,
  float4IO,
  float4Mul,
  float4Out,
  float4Sub,
  float8Add,
  float8Cbrt,
  float8Ceil,
  float8Div,
  float8Exp,
  float8Floor,
  float8IO,
  float8Ln,
  float8Log10,
  float8Mul,
  float8Out,
  float8Power,
  float8Round,
  float8Sign,
  float8Sqrt,
  float8Sub,
  float8ToFloat4,
  float8Trunc,
  floatHashKey,
  parseFloat4,
  parseFloat8,
} from '../../../src/types/float.js';

// ---------------------------------------------------------------------------------------------
// Oracle helpers (one round trip per 2000 expressions; errors rendered as text).

const TRY_EVAL = `
CREATE OR REPLACE FUNCTION pg_temp.try_eval(expr text) RETURNS text LANGUAGE plpgsql AS $f$
DECLARE r text; st text; msg text; det text;
BEGIN
  EXECUTE 'SELECT (' || expr || ')::text' INTO r;
  RETURN coalesce(r, 'NULL');
EXCEPTION WHEN others THEN
  GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL;
  RETURN 'ERR ' || st || ' ' || msg || coalesce(' DETAIL: ' || nullif(det, ''), '');
END $f$`;

let client: pg.Client;

beforeAll(async () => {
  client = new pg.Client(process.env.PG_ORACLE_URL);
  await client.connect();
  await client.query(TRY_EVAL);
});

afterAll(async () => {
  await client.end();
});

async function oracle(exprs: string[]): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < exprs.length; i += 2000) {
    const r = await client.query({
      text: 'SELECT pg_temp.try_eval(e) FROM unnest($1::text[]) WITH ORDINALITY AS t(e, i) ORDER BY i',
      values: [exprs.slice(i, i + 2000)],
      rowMode: 'array',
      types: { getTypeParser: () => (v: string) => v },
    } as pg.QueryConfig);
    for (const row of r.rows as unknown[][]) out.push(String(row[0]));
  }
  return out;
}

function ours(fn: () => string): string {
  try {
    return fn();
  } catch (e) {
    if (isPgError(e)) return `ERR ${e.code} ${e.message}${e.detail ? ` DETAIL: ${e.detail}` : ''}`;
    return `THROWN ${String(e)}`;
  }
}

function lit(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

async function check<T>(cases: T[], sql: (c: T) => string, mine: (c: T) => string): Promise<void> {
  const expected = await oracle(cases.map(sql));
  const mismatches: string[] = [];
  cases.forEach((c, i) => {
    const got = ours(() => mine(c));
    if (got !== expected[i]) mismatches.push(`${sql(c)}\n  oracle: ${expected[i]}\n  ours:   ${got}`);
  });
  expect(`${mismatches.length} mismatches\n${mismatches.slice(0, 20).join('\n')}`).toBe('0 mismatches\n');
}

function sample<T>(arb: fc.Arbitrary<T>, n: number, seed = 42): T[] {
  return fc.sample(arb, { seed, numRuns: n });
}

const ctx = DEFAULT_IO_CONTEXT;
/** 17 significant digits, keeping the sign of -0. */
const spell = (x: number): string => (Object.is(x, -0) ? '-0' : Number.isFinite(x) ? x.toPrecision(17) : String(x));
const out8 = (x: number): string => float8Out(x);
const out4 = (x: number): string => float4Out(x);

// ---------------------------------------------------------------------------------------------
// Generators.

/** Any double, biased towards special and boundary values. */
const anyDouble = fc.oneof(
  { weight: 6, arbitrary: fc.double() },
  { weight: 2, arbitrary: fc.double({ min: -1e6, max: 1e6 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 5e-324, 1.7976931348623157e308, 2 ** 53, 2 ** 70, 1e23, 0.1, 1e15, 1e16),
  },
);

/** Spellings of a double: shortest, fixed, exponent with k digits. */
const spelledDouble = fc.tuple(anyDouble, fc.integer({ min: 0, max: 25 }), fc.constantFrom(0, 1, 2)).map(([x, k, how]) => {
  if (!Number.isFinite(x)) return String(x);
  if (how === 0) return String(x);
  if (how === 1) return x.toExponential(Math.min(k, 20));
  return x.toPrecision(k + 1);
});

/** Random decimal strings: many digits, any exponent (rounding, overflow and underflow). */
const decimalString = fc
  .tuple(
    fc.constantFrom('', '-', '+'),
    fc.array(fc.constantFrom(...'0123456789'), { minLength: 1, maxLength: 30 }),
    fc.integer({ min: 0, max: 30 }),
    fc.integer({ min: -340, max: 320 }),
  )
  .map(([sign, ds, dot, e]) => {
    const d = ds.join('');
    const p = Math.min(dot, d.length);
    return `${sign}${d.slice(0, p)}.${d.slice(p)}e${e}`;
  });

/** A float32 value. */
const anyFloat = fc.oneof(
  { weight: 5, arbitrary: fc.float() },
  { weight: 2, arbitrary: fc.float({ min: -1e6, max: 1e6 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -0, NaN, Infinity, 2 ** -149, 3.4028234663852886e38, 1.1754943508222875e-38, 16777215, 53266472, 273314.625) },
);

describe('float8 input/output', () => {
  const edge = [
    '1e15', '1e16', '123456789012345', '1234567890123456', '1e-4', '1e-5', '0.0001234', '-0', '0', '1e400',
    '-1e400', '1e-400', '4.9e-324', '2e-324', '3e-324', '2.5e-324', 'NaN', 'nan', '-nan', 'Infinity', '-inf',
    ' +inf ', 'infinityx', 'infinite', 'infinit', '0x10', '0X1P+4', '0x1.8p1', '0x1p-1074', '0x1p-1075', '0x',
    '0x.8', '0x1p', '1_000', '.5', '5.', '-.5', '+.5e-3', '1.5e+300', '  3  ', '\n5\n', '', ' ', 'abc', '1e',
    '1e+', '1.5E5', '1.7976931348623157e308', '1.7976931348623159e308', '2.2250738585072014e-308', '2.225e-308',
    '1e-310', '0.1', '100', '1e22', '1e21', '1e23', '12345678901234567890', 'nan(123)', 'nAn(abc_1)', 'nan(',
    'Nan', '1e400x', '1e-400 x', '0e-400', '0e99999999999', '1e99999999999', '-', '+', '.', 'e5', '1..2',
    '1e5.5', '0.30000000000000004', '9007199254740993', '18014398509481984', '9.223372036854775808e18',
    '8.98846567431158e307',
  ];

  it('matches the oracle on hand-picked inputs', async () => {
    await check(edge, (s) => `${lit(s)}::float8`, (s) => float8IO.output(float8IO.input(s, -1, ctx), ctx));
  });

  it('matches the oracle on generated inputs', async () => {
    const inputs = [...sample(spelledDouble, 600, 1), ...sample(decimalString, 400, 2)];
    await check(inputs, (s) => `${lit(s)}::float8`, (s) => float8IO.output(float8IO.input(s, -1, ctx), ctx));
  });

  it('prints large even-mantissa doubles like Ryu (no interval bounds)', async () => {
    // Doubles from 2^53 up whose shortest JS digits could sit on a rounding bound.
    const big = fc
      .tuple(fc.bigInt({ min: 1n << 52n, max: (1n << 53n) - 1n }), fc.integer({ min: 1, max: 970 }))
      .map(([m, e]) => Number((m & ~1n) << BigInt(e)));
    const values = [...sample(big, 600, 3), 1e23, 9.5e21, 2 ** 70];
    await check(values, (x) => `${lit(spell(x))}::float8`, (x) => out8(x));
  });

  it('honours extra_float_digits <= 0 and > 1', async () => {
    const values = [...sample(anyDouble, 200, 4), 0.5, 2.5, 8.5, 9.5, 2 ** -22, 2 ** -20, 1 / 3, 1e15, 123456789012345678];
    for (const efd of [0, -1, -4, -14, -15, 2, 3]) {
      await client.query(`SET extra_float_digits = ${efd}`);
      try {
        await check(
          values,
          (x) => `${lit(spell(x))}::float8`,
          (x) => float8IO.output(x, { ...ctx, extraFloatDigits: efd }),
        );
        await check(
          values.map((x) => Math.fround(x)),
          (x) => `${lit(Object.is(x, -0) ? '-0' : Number.isFinite(x) ? x.toPrecision(9) : String(x))}::float4`,
          (x) => float4IO.output(x, { ...ctx, extraFloatDigits: efd }),
        );
      } finally {
        await client.query('RESET extra_float_digits');
      }
    }
  });
});

describe('float4 input/output', () => {
  const edge = [
    '1e6', '1234567', '123456', '12345678', '1e-4', '1e-5', '0.1', '1e39', '1e-46', '1e-40', '3.4028235e38',
    '3.4028236e38', '3.40282356e38', '3.40282357e38', '1.17549435e-38', '16777217', '0.3', '100', '1e38',
    '  1e39  ', 'NaN', '-0', '7e-46', '8e-46', '1.4e-45', '7.006492321624085e-46', '7.006492321624086e-46',
    'inf', '-Infinity', '0x1p-149', '0x1p-150', '0x1.000001p0', '0x1p128', '0x1.fffffep127', 'abc', '',
    '1e', '53266470.23', '-273314.639', '0.10000000149011612',
  ];

  it('matches the oracle on hand-picked inputs', async () => {
    await check(edge, (s) => `${lit(s)}::float4`, (s) => float4IO.output(float4IO.input(s, -1, ctx), ctx));
  });

  it('matches the oracle on generated inputs', async () => {
    const floatSpelled = fc
      .tuple(anyFloat, fc.integer({ min: 1, max: 12 }))
      .map(([f, k]) => (Number.isFinite(f) ? f.toPrecision(k) : String(f)));
    const inputs = [...sample(floatSpelled, 600, 5), ...sample(decimalString.map((s) => s.replace(/e-?\d+$/, (m) => `e${Number(m.slice(1)) % 50}`)), 400, 6)];
    await check(inputs, (s) => `${lit(s)}::float4`, (s) => float4IO.output(float4IO.input(s, -1, ctx), ctx));
  });

  it('prints float4 widened to float8 with all its digits', async () => {
    const values = sample(anyFloat, 300, 7);
    await check(values, (f) => `${lit(f.toPrecision(9))}::float4::float8`, (f) => out8(Math.fround(parseFloat4(f.toPrecision(9)))));
  });
});

describe('float ordering and hashing', () => {
  it('orders like the oracle', async () => {
    const values = [...sample(anyDouble, 200, 8), NaN, -0, 0, Infinity, -Infinity].map(out8);
    const r = await client.query({
      text: `SELECT v FROM unnest($1::text[]) WITH ORDINALITY AS t(v, i) ORDER BY v::float8, i`,
      values: [values],
      rowMode: 'array',
    });
    const expected = (r.rows as string[][]).map((row) => row[0]);
    const idx = values.map((v, i) => [parseFloat8(v), i] as const);
    idx.sort((a, b) => compareFloat(a[0], b[0]) || a[1] - b[1]);
    expect(idx.map(([, i]) => values[i])).toEqual(expected);
    expect(floatHashKey(-0)).toBe(floatHashKey(0));
    expect(floatHashKey(NaN)).toBe(floatHashKey(-NaN));
    expect(compareFloat(NaN, NaN)).toBe(0);
    expect(compareFloat(NaN, Infinity)).toBe(1);
  });
});

const interesting = fc.oneof(
  { weight: 4, arbitrary: fc.double({ noNaN: true }) },
  { weight: 3, arbitrary: fc.double({ min: -1e3, max: 1e3, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 1e308, -1e308, 1e-308, 5e-324, 2.5, -0.5, 1) },
);

describe('float arithmetic', () => {
  const ops: [string, (a: number, b: number) => number, (a: number, b: number) => number][] = [
    ['+', float8Add, float4Add],
    ['-', float8Sub, float4Sub],
    ['*', float8Mul, float4Mul],
    ['/', float8Div, float4Div],
  ];
  const pairs = [
    ...sample(fc.tuple(interesting, interesting), 300, 9),
    [1e308, 10], [1e-308, 1e-308], [1, 0], [0, 0], [NaN, 0], [Infinity, 0], [1e300, 1e-300], [Infinity, 1],
    [Infinity, -Infinity], [Infinity, 0], [5e-324, 2], [5e-324, 0.5], [-1e308, 1e308], [3.4e38, 10], [1e-38, 1e-10],
  ] as [number, number][];

  for (const [name, f8, f4] of ops) {
    it(`float8 ${name} matches the oracle`, async () => {
      await check(pairs, ([a, b]) => `${lit(out8(a))}::float8 ${name} ${lit(out8(b))}::float8`, ([a, b]) => out8(f8(a, b)));
    });
    it(`float4 ${name} matches the oracle`, async () => {
      const p4 = pairs.map(([a, b]) => [Math.fround(a), Math.fround(b)] as [number, number]);
      await check(p4, ([a, b]) => `${lit(out4(a))}::float4 ${name} ${lit(out4(b))}::float4`, ([a, b]) => out4(f4(a, b)));
    });
  }

  it('float8 -> float4 matches the oracle', async () => {
    const values = [...sample(interesting, 300, 10), 1e308, 1e-308, 1e-40, 3.4028235677973366e38, 3.4028235677973362e38];
    await check(values, (x) => `${lit(out8(x))}::float8::float4`, (x) => out4(float8ToFloat4(x)));
  });
});

describe('float8 math functions', () => {
  const values = [
    ...sample(interesting, 250, 11),
    ...sample(fc.double({ min: -20, max: 20, noNaN: true }), 150, 12),
    2.5, -2.5, 3.5, 0.5, -0.5, 1e300, -0, 1, 2, 10, 100, 1000, 0.001, 1e-320, 709, 709.78, 709.79, -745, -746,
  ];
  const unary: [string, (x: number) => number][] = [
    ['round', float8Round],
    ['trunc', float8Trunc],
    ['ceil', float8Ceil],
    ['floor', float8Floor],
    ['sign', float8Sign],
    ['sqrt', float8Sqrt],
    ['exp', float8Exp],
    ['ln', float8Ln],
    ['log', float8Log10],
  ];
  for (const [name, f] of unary) {
    it(`${name} matches the oracle`, async () => {
      await check(values, (x) => `${name}(${lit(out8(x))}::float8)`, (x) => out8(f(x)));
    });
  }

  it('cbrt is within one ulp of the oracle (glibc cbrt is not correctly rounded)', async () => {
    const xs = values.filter((x) => Number.isFinite(x));
    const expected = await oracle(xs.map((x) => `cbrt(${lit(out8(x))}::float8)`));
    xs.forEach((x, i) => {
      const theirs = parseFloat8(expected[i]);
      const mine = float8Cbrt(x);
      // glibc's cbrt is within about one ulp, and so is Math.cbrt: allow two.
      const ulp = Math.abs(theirs) * 2 ** -52 + 5e-324;
      expect(Math.abs(mine - theirs)).toBeLessThanOrEqual(2 * ulp);
    });
    await check([NaN, Infinity, -Infinity, 0, -0, -8], (x) => `cbrt(${lit(out8(x))}::float8)`, (x) => out8(float8Cbrt(x)));
  });

  it('power matches the oracle', async () => {
    const edge: [number, number][] = [
      [0, -1], [-0, -1], [-2, 0.5], [2, 1024], [2, -1080], [NaN, 0], [1, NaN], [-1, Infinity], [0, -Infinity],
      [-8, 0.3333333333333333], [Infinity, -1], [-Infinity, 3], [-Infinity, -3], [-Infinity, -4], [2, 0.5],
      [10, -2], [-2, 3], [0, 0], [1e300, 2], [NaN, NaN], [2, -1074], [2, -1060.5], [2, -1075], [0.5, 1074],
      [10, -310], [10, -323.5], [-2, -1073], [-2, NaN], [NaN, -0], [1, -Infinity], [2, 1e300], [-1, 1e300],
      [0.5, 1e300], [1e308, 1.0000000001], [-0, 3], [-0, 2], [0, 3], [4, 1.5], [1 + 2 ** -27, 2], [3, 40],
      [1.1, -30], [-3, 33],
    ];
    const base = fc.oneof(fc.double({ min: -50, max: 50, noNaN: true }), interesting);
    const expo = fc.oneof(fc.integer({ min: -60, max: 60 }), fc.double({ min: -40, max: 40, noNaN: true }), interesting);
    const cases = [...edge, ...sample(fc.tuple(base, expo), 400, 13)];
    await check(cases, ([a, b]) => `power(${lit(out8(a))}::float8, ${lit(out8(b))}::float8)`, ([a, b]) => out8(float8Power(a, b)));
  });
});
