/**
 * Differential tests of src/types/numeric.ts against the oracle: text input/output (including
 * numeric(p, s) typmods), arithmetic, rounding, transcendental functions and casts. Every
 * expected value comes from the oracle in this run; inputs are hand-picked edge cases plus
 * fast-check generated values (fixed seed).
 */
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPgError } from '../../../src/errors/pg-error.js';
import { DEFAULT_IO_CONTEXT } from '../../../src/types/type-io.js';
import {
  Numeric,
  compareNumeric,
  numericAbs,
  numericAdd,
  numericCeil,
  numericDiv,
  numericDivTrunc,
  numericExp,
  numericFloor,
  numericFromFloat4,
  numericFromFloat8,
  numericGcd,
  numericHashKey,
  numericIO,
  numericLcm,
  numericLn,
  numericLog,
  numericLog10,
  numericMinScale,
  numericMod,
  numericMul,
  numericNeg,
  numericPower,
  numericRound,
  numericScale,
  numericSign,
  numericSqrt,
  numericSub,
  numericToFloat4,
  numericToFloat8,
  numericToInt2,
  numericToInt4,
  numericToInt8,
  numericTrimScale,
  numericTrunc,
  numericTypmod,
  parseNumeric,
} from '../../../src/types/numeric.js';
import { float4Out, float8Out } from '../../../src/types/float.js';

// ---------------------------------------------------------------------------------------------
// Oracle helpers: evaluate many expressions per round trip, errors rendered as text.

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

/** Evaluates SQL expressions on the oracle: text output or `ERR <code> <message>[ DETAIL: ...]`. */
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

/** Runs our code and renders the result or PgError like `oracle`. */
function ours(fn: () => string | number | bigint | null): string {
  try {
    const v = fn();
    return v === null ? 'NULL' : String(v);
  } catch (e) {
    if (isPgError(e)) return `ERR ${e.code} ${e.message}${e.detail ? ` DETAIL: ${e.detail}` : ''}`;
    return `THROWN ${String(e)}`;
  }
}

function lit(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** Compares our results with the oracle's for each case; reports every mismatch at once. */
async function check<T>(cases: T[], sql: (c: T) => string, mine: (c: T) => string | number | bigint | null): Promise<void> {
  const expected = await oracle(cases.map(sql));
  const mismatches: string[] = [];
  cases.forEach((c, i) => {
    const got = ours(() => mine(c));
    if (got !== expected[i]) mismatches.push(`${sql(c)}\n  oracle: ${expected[i]}\n  ours:   ${got}`);
  });
  expect(mismatches.slice(0, 20).join('\n')).toBe('');
}

const N = (s: string): Numeric => parseNumeric(s);
const ctx = DEFAULT_IO_CONTEXT;

// ---------------------------------------------------------------------------------------------
// Generators.

const digitString = (min: number, max: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((a) => a.join(''));

/** A finite numeric literal: optional sign, integer digits, fraction digits (sizes vary widely). */
const finiteText = (maxInt = 120, maxFrac = 60): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.boolean(),
      fc.oneof({ weight: 3, arbitrary: digitString(1, 4) }, { weight: 1, arbitrary: digitString(1, maxInt) }),
      fc.oneof(
        { weight: 2, arbitrary: fc.constant('') },
        { weight: 3, arbitrary: digitString(1, 6) },
        { weight: 1, arbitrary: digitString(1, maxFrac) },
      ),
    )
    .map(([neg, i, f]) => (neg ? '-' : '') + i.replace(/^0+(?=\d)/, '') + (f ? '.' + f : ''));

/** Small numbers near zero with many leading fractional zeros. */
const tinyText = fc
  .tuple(fc.boolean(), fc.integer({ min: 1, max: 40 }), digitString(1, 12))
  .map(([neg, z, d]) => (neg ? '-' : '') + '0.' + '0'.repeat(z) + d);

const specialText = fc.constantFrom('NaN', 'Infinity', '-Infinity', '0', '0.000', '-0.0', '1', '-1');

const numericText = fc.oneof(
  { weight: 6, arbitrary: finiteText() },
  { weight: 2, arbitrary: tinyText },
  { weight: 1, arbitrary: specialText },
);

const seedOpts = (numRuns: number) => ({ seed: 42, numRuns });

function sample<T>(arb: fc.Arbitrary<T>, n: number, seed = 42): T[] {
  return fc.sample(arb, { seed, numRuns: n });
}

// ---------------------------------------------------------------------------------------------

describe('numeric input/output', () => {
  const edge = [
    '0', '-0', '0.000', '-0.00', '00012.3400', '1.50', '.5', '5.', '-.5e-3', '1.e2', '1e3', '1E-2', '1e+05',
    '1.50e1', '100e-2', '  1.5e3  ', '\t1\n', ' -Infinity ', 'Infinity', 'infinity', 'inf', '-inf', '+INF',
    'NaN', 'nan', ' NaN ', '-NaN', '+NaN', 'Infinityx', 'infinit', 'Inf.', 'abc', '', ' ', '.', '-', '+', 'e5',
    '1e', '1e+', '1e-', '+-1', '- 1', '1 2', '1.5e3.5', '１', '1_000', '1_0.5', '1.0_5', '1e1_0', '.5_5',
    '1__0', '_1', '1_', '1._5', '1_.5', '1.5_', '_.5', '1e_5', '1e5_', '1_000.000_1e1_0', '0x1F', '0X1f',
    '-0x10', '+0x10', '0o17', '0O17', '0b101', '0B11', '0x', '0o', '0b', '0x_1', '0x__1', '0x1_', '0x1_F',
    '0x1.5', '0x1e3', '0b2', '0o8', '0x-1', '0x 1', '- 0x10', '0b1.1', '-0b0',
    '0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF', '1e131071', '9.9999e131071', '1e131072', '10e131070',
    '0.1e131072', '1e-16383', '2e-16383', '1e-16384', '12e-16384', '0e-16383', '0e-16384', '0.0e-16383',
    '0e200000', '0e1073741823', '0e1073741824', '0e-1073741824', '1e99999999999999999999',
    '1e-99999999999999999999', '0e99999999999999999999', '1e-0', '1e0005',
    '123456789012345678901234567890.123456789012345678901234567890',
  ];

  it('matches the oracle on hand-picked inputs', async () => {
    await check(edge, (s) => `${lit(s)}::numeric`, (s) => numericIO.output(numericIO.input(s, -1, ctx), ctx));
  });

  it('matches the oracle on generated inputs', async () => {
    // Vary the spelling: exponents, underscores, spaces, leading zeros, leading/trailing dot.
    const spelled = fc
      .tuple(
        fc.constantFrom('', ' ', '  ', '\t'),
        fc.constantFrom('', '+', '-'),
        digitString(0, 30),
        fc.option(digitString(0, 30), { nil: undefined }),
        fc.option(fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '+', '-'), digitString(1, 3)), {
          nil: undefined,
        }),
        fc.boolean(),
        fc.constantFrom('', ' ', '\n'),
      )
      .map(([pre, sign, i, f, e, underscore, post]) => {
        let int = i;
        if (underscore && int.length > 3) int = int.slice(0, 1) + '_' + int.slice(1);
        return pre + sign + int + (f === undefined ? '' : '.' + f) + (e ? e[0] + e[1] + e[2] : '') + post;
      });
    const inputs = [...sample(spelled, 400), ...sample(numericText, 300, 7)];
    await check(inputs, (s) => `${lit(s)}::numeric`, (s) => numericIO.output(numericIO.input(s, -1, ctx), ctx));
  });

  it('applies numeric(p, s) typmods like the oracle', async () => {
    const typmods: [number, number][] = [
      [5, 2], [3, 0], [1, 0], [2, -1], [5, -2], [3, 5], [3, 3], [1, 1000], [1000, 0], [10, 4], [7, 7], [4, -3],
    ];
    const values = [
      '123.456', '1234.5', '999.995', '999.994', '-999.995', '0.00123', '0.0049', '-0.0049', '0.1', '0.01',
      '1', '12.5', '-12.5', '10', '99', '100', '12345', '1234567', '9.995', 'NaN', 'Infinity', '-Infinity',
      '0', '0.000000', '5e-1000', '0.5', '-0.5', '0.0005', '1e999', '99999.99999',
    ];
    const cases: [string, number, number][] = [];
    for (const [p, s] of typmods) for (const v of values) cases.push([v, p, s]);
    for (const [v, [p, s]] of sample(fc.tuple(finiteText(8, 8), fc.constantFrom(...typmods)), 300)) cases.push([v, p, s]);
    await check(
      cases,
      ([v, p, s]) => `${lit(v)}::numeric(${p},${s})`,
      ([v, p, s]) => numericIO.output(numericIO.input(v, numericTypmod(p, s), ctx), ctx),
    );
  });

  it('validates typmods like numeric(p, s) declarations', async () => {
    const cases: [number, number][] = [[0, 0], [1001, 0], [5, 1001], [5, -1001], [1000, 1000], [1, -1000]];
    await check(cases, ([p, s]) => `0::numeric(${p},${s}) IS NULL`, ([p, s]) => {
      numericTypmod(p, s);
      return 'false';
    });
  });

  it('encodes typmods as Postgres does', async () => {
    const r = await client.query({
      text: `SELECT format_type(1700, $1::int)`,
      values: [numericTypmod(5, -2)],
      rowMode: 'array',
    });
    expect(r.rows[0][0]).toBe('numeric(5,-2)');
    expect(numericTypmod(5, 2)).toBe(((5 << 16) | 2) + 4);
  });
});

describe('numeric ordering and hashing', () => {
  it('orders like the oracle and hashes equal values equally', async () => {
    const values = [...sample(numericText, 200, 3), 'NaN', 'Infinity', '-Infinity', '1.50', '1.5', '1.500', '0', '0.00'];
    const r = await client.query({
      text: `SELECT v FROM unnest($1::text[]) AS t(v) ORDER BY v::numeric, v COLLATE "C"`,
      values: [values],
      rowMode: 'array',
    });
    const expected = (r.rows as string[][]).map((row) => row[0]);
    const mine = [...values].sort((a, b) => compareNumeric(N(a), N(b)) || (a < b ? -1 : a > b ? 1 : 0));
    expect(mine).toEqual(expected);
    for (const a of values) {
      for (const b of ['1.5', '1.50', '0', '0.000', 'NaN', a]) {
        if (compareNumeric(N(a), N(b)) === 0) expect(numericHashKey(N(a))).toEqual(numericHashKey(N(b)));
      }
    }
    expect(numericHashKey(N('100'))).toEqual(numericHashKey(N('100.000')));
    expect(numericHashKey(N('0.10'))).toEqual(numericHashKey(N('0.1')));
    expect(numericHashKey(N('0.10'))).not.toEqual(numericHashKey(N('0.01')));
  });
});

type Bin = (a: Numeric, b: Numeric) => Numeric;

const binaryOps: [string, (a: string, b: string) => string, Bin][] = [
  ['+', (a, b) => `${a} + ${b}`, numericAdd],
  ['-', (a, b) => `${a} - ${b}`, numericSub],
  ['*', (a, b) => `${a} * ${b}`, numericMul],
  ['/', (a, b) => `${a} / ${b}`, numericDiv],
  ['%', (a, b) => `${a} % ${b}`, numericMod],
  ['div', (a, b) => `div(${a}, ${b})`, numericDivTrunc],
  ['gcd', (a, b) => `gcd(${a}, ${b})`, numericGcd],
  ['lcm', (a, b) => `lcm(${a}, ${b})`, numericLcm],
];

const numLit = (s: string): string => `${lit(s)}::numeric`;

describe('numeric arithmetic', () => {
  const edgePairs: [string, string][] = [
    ['1', '3'], ['10', '4'], ['1.0', '3.00'], ['2', '3'], ['100000', '3'], ['12345', '7'], ['0.0001', '3'],
    ['1', '30000'], ['0', '3'], ['0.000', '3'], ['5', '0.00007'], ['1', '0'], ['0', '0'], ['NaN', '0'],
    ['Infinity', '0'], ['-Infinity', '0'], ['Infinity', 'Infinity'], ['Infinity', '-Infinity'], ['1.50', 'Infinity'],
    ['-1', 'Infinity'], ['Infinity', '2'], ['Infinity', '-2'], ['NaN', 'Infinity'], ['Infinity', 'NaN'],
    ['0', 'Infinity'], ['5.5', 'Infinity'], ['-5.5', '-Infinity'], ['Infinity', '-0.5'], ['7.5', '2'],
    ['-7.5', '2'], ['7', '-3'], ['10.000', '3'], ['12.0', '18'], ['4', '6.00'], ['1.5', '1'], ['0.5', '0.5'],
    ['1e-10000', '1e-10000'], ['1e-8000', '1e-8384'], ['1e100000', '1e100000'], ['1e-16383', '0.1'],
    ['1e-10000', '7'], ['1e-998', '3'], ['1.5e-999', '3'], ['9999', '0.0001'], ['1', '9999'], ['9999', '1'],
    ['99999999', '100000000'], ['1', '1e-1000'], ['-123.456', '0.001'], ['0.5', '-1.5'], ['1e131071', '10'],
    ['-9.9e131071', '-1e131071'], ['7.9', '-2'], ['-7.9', '2'], ['0', '-5'],
  ];

  for (const [name, sql, fn] of binaryOps) {
    it(`${name} matches the oracle`, async () => {
      const generated = sample(fc.tuple(numericText, numericText), 250, name.length * 31);
      const cases = [...edgePairs, ...generated];
      await check(cases, ([a, b]) => sql(numLit(a), numLit(b)), ([a, b]) => fn(N(a), N(b)).toString());
    });
  }

  it('division keeps Postgres result scales across magnitudes', async () => {
    const mag = fc
      .tuple(fc.boolean(), digitString(1, 9), fc.integer({ min: -40, max: 40 }))
      .map(([neg, d, e]) => `${neg ? '-' : ''}${d.replace(/^0+(?=\d)/, '')}e${e}`);
    const cases = sample(fc.tuple(mag, mag), 400, 5).filter(([, b]) => !/^-?0+e/.test(b));
    await check(cases, ([a, b]) => `${numLit(a)} / ${numLit(b)}`, ([a, b]) => numericDiv(N(a), N(b)).toString());
  });

  it('unary functions match the oracle', async () => {
    const unary: [string, (a: Numeric) => string | number | null][] = [
      ['-', (a) => numericNeg(a).toString()],
      ['abs', (a) => numericAbs(a).toString()],
      ['sign', (a) => numericSign(a).toString()],
      ['ceil', (a) => numericCeil(a).toString()],
      ['floor', (a) => numericFloor(a).toString()],
      ['round', (a) => numericRound(a).toString()],
      ['trunc', (a) => numericTrunc(a).toString()],
      ['scale', (a) => numericScale(a)],
      ['min_scale', (a) => numericMinScale(a)],
      ['trim_scale', (a) => numericTrimScale(a).toString()],
    ];
    const values = [...sample(numericText, 150, 11), '-0.5', '0.5', '1.5', '-1.5', '2.5', '0.000', '-0.0001', '1.000'];
    const cases: [number, string][] = [];
    for (let k = 0; k < unary.length; k++) for (const v of values) cases.push([k, v]);
    await check(
      cases,
      ([k, v]) => (unary[k][0] === '-' ? `-(${numLit(v)})` : `${unary[k][0]}(${numLit(v)})`),
      ([k, v]) => unary[k][1](N(v)),
    );
  });

  it('round(x, s) and trunc(x, s) match the oracle', async () => {
    const scales = fc.oneof(fc.integer({ min: -10, max: 30 }), fc.constantFrom(-20000, 20000, 16383, -131073, 17000));
    const cases = [
      ...sample(fc.tuple(numericText, scales), 300, 13),
      ...([['-1.55', 1], ['1.55', 1], ['12345.678', -2], ['-12355', -1], ['1.5', 3], ['9.5', 0], ['-9.5', 0], ['999.5', -3], ['499.9', -3], ['500', -3], ['1.5', -2147483648]] as [string, number][]),
    ];
    await check(cases, ([v, s]) => `round(${numLit(v)}, ${s})`, ([v, s]) => numericRound(N(v), s).toString());
    await check(cases, ([v, s]) => `trunc(${numLit(v)}, ${s})`, ([v, s]) => numericTrunc(N(v), s).toString());
  });
});

describe('numeric transcendental functions', () => {
  const positive = fc.oneof(
    { weight: 3, arbitrary: finiteText(6, 20).map((s) => s.replace('-', '')) },
    { weight: 1, arbitrary: tinyText.map((s) => s.replace('-', '')) },
    { weight: 1, arbitrary: fc.tuple(digitString(1, 5), fc.integer({ min: 1, max: 12 })).map(([d, z]) => `1.${'0'.repeat(z)}${d}`) },
    { weight: 1, arbitrary: fc.tuple(digitString(1, 5), fc.integer({ min: 1, max: 12 })).map(([d, z]) => `0.${'9'.repeat(z)}${d}`) },
  );

  it('sqrt, ln, log10 match the oracle', async () => {
    const values = [
      ...sample(numericText, 150, 17),
      ...sample(positive, 200, 19),
      '2', '2.00000000000000000000', '100', '1000000', '0.0001', '0', '-0.0', '-1', '1', '1.000', '1.0001', '0.5',
      '1e100', '1e-16383', '0.9', '1.1', '10', '1000', '0.001', '123456789012345678901234567890', '1e1000', '1e-1000',
    ];
    await check(values, (v) => `sqrt(${numLit(v)})`, (v) => numericSqrt(N(v)).toString());
    await check(values, (v) => `ln(${numLit(v)})`, (v) => numericLn(N(v)).toString());
    await check(values, (v) => `log(${numLit(v)})`, (v) => numericLog10(N(v)).toString());
  });

  it('exp matches the oracle', async () => {
    const args = fc.oneof(
      fc.double({ min: -50, max: 50, noNaN: true }).map((d) => d.toFixed(6)),
      finiteText(3, 20),
      fc.integer({ min: -6100, max: 6100 }).map(String),
      fc.double({ min: -1e-6, max: 1e-6, noNaN: true }).map((d) => d.toFixed(12)),
    );
    const values = [
      ...sample(args, 300, 23),
      'NaN', 'Infinity', '-Infinity', '5999', '6000', '-5999', '-6000', '0', '0.00', '-1000', '-2302.6', '2000', '1',
      '-1', '0.5', '1.00000000000000000000000000000001',
    ];
    await check(values, (v) => `exp(${numLit(v)})`, (v) => numericExp(N(v)).toString());
  });

  it('log(b, x) matches the oracle', async () => {
    const edge: [string, string][] = [
      ['1', '2'], ['2', '1'], ['0', '2'], ['2', '0'], ['-2', '2'], ['2', '-2'], ['0', '-2'], ['-2', '0'], ['NaN', '2'],
      ['2', 'NaN'], ['Infinity', '2'], ['2', 'Infinity'], ['Infinity', 'Infinity'], ['0.5', 'Infinity'],
      ['1', 'Infinity'], ['Infinity', '1'], ['Infinity', '0.5'], ['-Infinity', '2'], ['2', '-Infinity'],
      ['0', 'Infinity'], ['Infinity', '0'], ['10', '0.001'], ['2', '8'], ['10', '1000'], ['1.000001', '2'],
      ['2', '1.000001'], ['1.0000000001', '1.0000000002'],
    ];
    const cases = [...edge, ...sample(fc.tuple(positive, positive), 250, 29)];
    await check(cases, ([b, x]) => `log(${numLit(b)}, ${numLit(x)})`, ([b, x]) => numericLog(N(b), N(x)).toString());
  });

  it('power matches the oracle', async () => {
    const edge: [string, string][] = [
      ['NaN', '0'], ['0', 'NaN'], ['1', 'NaN'], ['NaN', '1'], ['0', '-1'], ['0', '-1.5'], ['-2', '0.5'], ['-8', '0.333'],
      ['Infinity', '2'], ['Infinity', '-2'], ['-Infinity', '3'], ['-Infinity', '2'], ['-Infinity', '0.5'],
      ['-Infinity', '-3'], ['2', 'Infinity'], ['0.5', 'Infinity'], ['2', '-Infinity'], ['0.5', '-Infinity'],
      ['1', 'Infinity'], ['-1', 'Infinity'], ['-2', 'Infinity'], ['-0.5', 'Infinity'], ['0', 'Infinity'],
      ['0', '-Infinity'], ['0', '0'], ['0', '0.00'], ['0', '2.5'], ['0', '3'], ['2.00', '0'], ['2', '0.000'],
      ['1.5', '0'], ['-2', '-3'], ['10', '1000000'], ['10', '-1000000'], ['0.9', '100000'], ['2', '2147483647'],
      ['2', '2147483648'], ['1.0000001', '2147483648'], ['10', '131071'], ['10', '131072'], ['10', '-16383'],
      ['-1', '2147483648'], ['-1', '2147483647'], ['-1', '1e30'], ['-1.0', '3'], ['2', '1.5'], ['4', '0.5'],
      ['100', '0.5'], ['2.5', '2.5'], ['1.1', '1000'], ['1.00000000000000000000', '0'], ['-Infinity', '-0.5'],
      ['-Infinity', 'Infinity'], ['-Infinity', '-Infinity'], ['Infinity', '0.5'], ['NaN', '0.0'], ['1.0', 'NaN'],
      ['0.99999999', '2147483647'], ['1.00000001', '-2147483648'], ['-1.00000001', '2147483649'], ['2', '10'],
      ['2', '-2'], ['2.5', '3'], ['1.5', '2.00'], ['2', '100'], ['-2', '3'], ['10', '-20'], ['0.5', '100'],
      ['1.1', '1.1'], ['0.001', '3'], ['0.0012345', '1'], ['99999', '2'], ['9.99999999999999999999', '1'],
      ['3', '-1'], ['7', '-1'], ['123.456', '2'], ['12345678901234567890.5', '2'], ['-3', '3'], ['3', '2.0'],
    ];
    const base = fc.oneof(finiteText(3, 8), tinyText, specialText);
    const expo = fc.oneof(
      fc.integer({ min: -40, max: 40 }).map(String),
      finiteText(2, 6),
      fc.double({ min: -30, max: 30, noNaN: true }).map((d) => d.toFixed(3)),
    );
    const cases = [...edge, ...sample(fc.tuple(base, expo), 300, 31)];
    await check(cases, ([a, b]) => `power(${numLit(a)}, ${numLit(b)})`, ([a, b]) => numericPower(N(a), N(b)).toString());
  });
});

describe('numeric casts', () => {
  const values = [
    ...sample(numericText, 200, 37),
    '1.5', '2.5', '-2.5', '0.5', '-0.5', '32767.4', '32767.5', '-32768.5', '-32768.4', '2147483647.49',
    '2147483647.5', '-2147483648.5', '9223372036854775807.4', '9223372036854775807.5', '-9223372036854775808.5',
    '1e400', '-1e400', '1e-400', '1e39', '1e-50', '1e-320', '3.4028235e38', '3.4028236e38', '123456789.123456789',
    '0.1', '1.00000000000000000000000001', '1e308', '1.7976931348623157e308', '1.7976931348623159e308',
  ];

  it('to int2/int4/int8 match the oracle', async () => {
    await check(values, (v) => `${numLit(v)}::int2`, (v) => numericToInt2(N(v)));
    await check(values, (v) => `${numLit(v)}::int4`, (v) => numericToInt4(N(v)));
    await check(values, (v) => `${numLit(v)}::int8`, (v) => numericToInt8(N(v)));
  });

  it('to float4/float8 match the oracle', async () => {
    await check(values, (v) => `${numLit(v)}::float8`, (v) => float8Out(numericToFloat8(N(v))));
    await check(values, (v) => `${numLit(v)}::float4`, (v) => float4Out(numericToFloat4(N(v))));
  });

  it('from float4/float8 match the oracle', async () => {
    const doubles = [
      ...sample(fc.double({ noNaN: false }), 300, 41),
      ...sample(fc.double({ min: -1e6, max: 1e6 }), 100, 43),
      0.1, 1e300, 1e-300, 1.2345678901234567, 123456789012345678, 1e15, 1e16, 1.5e-5, 1234567, 2 ** -22, 2 ** -20,
      0.5, 2.5e-7, -0, 5e-324, 1.7976931348623157e308,
    ];
    await check(doubles, (d) => `${lit(float8Out(d))}::float8::numeric`, (d) => numericFromFloat8(d).toString());
    const floats = doubles.map((d) => Math.fround(d));
    await check(floats, (f) => `${lit(float4Out(f))}::float4::numeric`, (f) => numericFromFloat4(f).toString());
  });
});

describe('numeric property checks', () => {
  it('output then input is the identity', () => {
    fc.assert(
      fc.property(numericText, (s) => {
        const v = N(s);
        const back = N(v.toString());
        return compareNumeric(v, back) === 0 && back.toString() === v.toString();
      }),
      seedOpts(500),
    );
  });

  it('a + b - b = a (value and scale dominated by the larger scale)', () => {
    fc.assert(
      fc.property(finiteText(), finiteText(), (a, b) => compareNumeric(numericSub(numericAdd(N(a), N(b)), N(b)), N(a)) === 0),
      seedOpts(300),
    );
  });
});
