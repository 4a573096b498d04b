/**
 * Differential tests of src/types/int.ts against the oracle: int2/int4/int8 text input (PG 16
 * syntax, range and syntax errors and which one wins), output, ordering, overflow-checked
 * arithmetic, and casts between integer widths, floats, numeric and boolean.
 * Expected values come from the oracle in this run.
 */
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPgError } from '../../../src/errors/pg-error.js';
import { DEFAULT_IO_CONTEXT } from '../../../src/types/type-io.js';
import { float4Out, float8Out, parseFloat4, parseFloat8 } from '../../../src/types/float.js';
import { numericFromInt } from '../../../src/types/numeric.js';
import {
  boolToInt4,
  floatToInt2,
  floatToInt4,
  floatToInt8,
  int2Abs,
  int2Add,
  int2Div,
  int2IO,
  int2Mod,
  int2Mul,
  int2Neg,
  int2Sub,
  int4Abs,
  int4Add,
  int4Div,
  int4IO,
  int4Mod,
  int4Mul,
  int4Neg,
  int4Sub,
  int4ToBool,
  int8Abs,
  int8Add,
  int8Div,
  int8IO,
  int8Mod,
  int8Mul,
  int8Neg,
  int8Sub,
  intToFloat4,
  intToFloat8,
  toInt2,
  toInt4,
  toInt8,
} from '../../../src/types/int.js';

// ---------------------------------------------------------------------------------------------
// Oracle helpers.

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

function ours(fn: () => string | number | bigint | boolean): string {
  try {
    return String(fn());
  } catch (e) {
    if (isPgError(e)) return `ERR ${e.code} ${e.message}${e.detail ? ` DETAIL: ${e.detail}` : ''}`;
    return `THROWN ${String(e)}`;
  }
}

function lit(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

async function check<T>(cases: T[], sql: (c: T) => string, mine: (c: T) => string | number | bigint | boolean): Promise<void> {
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

// ---------------------------------------------------------------------------------------------

const widths = [
  { sql: 'int2', io: int2IO },
  { sql: 'int4', io: int4IO },
  { sql: 'int8', io: int8IO },
] as const;

describe('integer input/output', () => {
  const edge = [
    '0', '-0', '+5', ' 12 ', '\t7\n', '1_000', '0x1F', '0x_1F', '0X1f', '0o777', '0O17', '0B101', '0b', '0x', '0o',
    '0x_', '-0b1', '+0x10', '- 1', '+-1', '1__0', '_1', '1_', '12a', '１', '0x1G', '0x-1', 'NaN', '1.5', '1e3',
    '', ' ', '-', '00000000000000000000000001', '0x0000000000000000001', '32767', '32768', '-32768', '-32769',
    '32768x', '65535x', '65536x', '0x8000', '-0x8000', '0x7FFF', '0x10000', '2147483647', '2147483648',
    '-2147483648', '-2147483649', '2147483648x', '2147483649 x', '-2147483649x', '4294967295x', '4294967296x',
    '21474836480x', '0x80000000x', '0x100000000x', '0x7FFFFFFF_', '99999999999', '  99999999999 ', '99999999999x',
    '9999999999_', '0xFFFFFFFFFF_', '0xFFFFFFFFF g', '1_000_000_000_000', '-0x80000000', '0x80000000',
    '0xFFFFFFFF', '0o17777777777', '0o20000000000', '0b1111111111111111111111111111111',
    '9223372036854775807', '9223372036854775808', '-9223372036854775808', '-9223372036854775809',
    '9223372036854775808x', '18446744073709551615x', '18446744073709551616x', '0x7FFFFFFFFFFFFFFF',
    '0x8000000000000000', '-0x8000000000000000', '9999999999999999999999999999', '  -1_2_3  ',
  ];

  for (const { sql, io } of widths) {
    it(`${sql} matches the oracle on hand-picked inputs`, async () => {
      await check(edge, (s) => `${lit(s)}::${sql}`, (s) => (io.output as (v: unknown, c: typeof ctx) => string)(io.input(s, -1, ctx), ctx));
    });
  }

  it('matches the oracle on generated inputs', async () => {
    const digits = fc.array(fc.constantFrom(...'0123456789'), { minLength: 1, maxLength: 22 }).map((a) => a.join(''));
    const spelled = fc
      .tuple(
        fc.constantFrom('', ' ', '\t'),
        fc.constantFrom('', '-', '+'),
        fc.constantFrom('', '', '', '0x', '0o', '0b'),
        digits,
        fc.boolean(),
        fc.constantFrom('', '', ' ', 'x', '_'),
      )
      .map(([pre, sign, prefix, d, underscore, post]) => {
        let body = prefix === '0o' ? d.replace(/[89]/g, '7') : prefix === '0b' ? d.replace(/[2-9]/g, '1') : d;
        if (underscore && body.length > 2) body = body.slice(0, 1) + '_' + body.slice(1);
        return pre + sign + prefix + body + post;
      });
    const inputs = sample(spelled, 500, 1);
    for (const { sql, io } of widths) {
      await check(inputs, (s) => `${lit(s)}::${sql}`, (s) => (io.output as (v: unknown, c: typeof ctx) => string)(io.input(s, -1, ctx), ctx));
    }
  });

  it('orders like the oracle', () => {
    expect(int4IO.compare(-1, 2)).toBeLessThan(0);
    expect(int8IO.compare(9223372036854775807n, -9223372036854775808n)).toBeGreaterThan(0);
    expect(int4IO.hashKey(int4IO.input('-0', -1, ctx))).toBe(0);
    expect(Object.is(int4IO.input('-0', -1, ctx), 0)).toBe(true);
  });
});

const int2Values = fc.oneof(fc.integer({ min: -32768, max: 32767 }), fc.constantFrom(-32768, 32767, -1, 0, 1, 181, -182, 2, -2));
const int4Values = fc.oneof(
  fc.integer(),
  fc.integer({ min: -1000, max: 1000 }),
  fc.constantFrom(-2147483648, 2147483647, -1, 0, 1, 46341, -46341, 65536, 2, -2),
);
const int8Values = fc.oneof(
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
  fc.bigInt({ min: -100000n, max: 100000n }),
  fc.constantFrom(-(2n ** 63n), 2n ** 63n - 1n, -1n, 0n, 1n, 3037000500n, -3037000500n, 2n ** 32n, 2n, -2n),
);

describe('integer arithmetic', () => {
  type Num = number | bigint;
  const table: [string, fc.Arbitrary<Num>, Record<string, (a: never, b: never) => Num>, Record<string, (a: never) => Num>][] = [
    ['int2', int2Values, { '+': int2Add, '-': int2Sub, '*': int2Mul, '/': int2Div, '%': int2Mod }, { '-': int2Neg, '@': int2Abs }],
    ['int4', int4Values, { '+': int4Add, '-': int4Sub, '*': int4Mul, '/': int4Div, '%': int4Mod }, { '-': int4Neg, '@': int4Abs }],
    ['int8', int8Values, { '+': int8Add, '-': int8Sub, '*': int8Mul, '/': int8Div, '%': int8Mod }, { '-': int8Neg, '@': int8Abs }],
  ];

  for (const [type, arb, binary, unary] of table) {
    it(`${type} + - * / % match the oracle`, async () => {
      const pairs = sample(fc.tuple(arb, arb), 300, type.length);
      const zero = type === 'int8' ? 0n : 0;
      const minus1 = type === 'int8' ? -1n : -1;
      const extremes = sample(arb, 40, 99).flatMap((a) => [[a, zero], [a, minus1]] as [Num, Num][]);
      const cases: [string, Num, Num][] = [];
      for (const op of Object.keys(binary)) for (const [a, b] of [...pairs, ...extremes]) cases.push([op, a, b]);
      await check(
        cases,
        ([op, a, b]) => `${lit(String(a))}::${type} ${op} ${lit(String(b))}::${type}`,
        ([op, a, b]) => (binary[op] as (x: Num, y: Num) => Num)(a, b),
      );
    });

    it(`${type} unary - and @ match the oracle`, async () => {
      const cases: [string, Num][] = [];
      for (const op of Object.keys(unary)) for (const a of sample(arb, 100, 3)) cases.push([op, a]);
      await check(cases, ([op, a]) => `${op} ${lit(String(a))}::${type}`, ([op, a]) => (unary[op] as (x: Num) => Num)(a));
    });
  }
});

describe('integer casts', () => {
  it('between integer widths', async () => {
    const i8 = sample(int8Values, 200, 5);
    await check(i8, (v) => `${lit(String(v))}::int8::int4`, (v) => toInt4(v));
    await check(i8, (v) => `${lit(String(v))}::int8::int2`, (v) => toInt2(v));
    const i4 = sample(int4Values, 200, 6);
    await check(i4, (v) => `${lit(String(v))}::int4::int2`, (v) => toInt2(v));
    await check(i4, (v) => `${lit(String(v))}::int4::int8`, (v) => toInt8(v));
  });

  it('to float4/float8 and numeric', async () => {
    const i8 = [...sample(int8Values, 200, 7), 16777217n, 9007199254740993n, 2n ** 63n - 1n, -(2n ** 63n), 36028797018963971n];
    await check(i8, (v) => `${lit(String(v))}::int8::float8`, (v) => float8Out(intToFloat8(v)));
    await check(i8, (v) => `${lit(String(v))}::int8::float4`, (v) => float4Out(intToFloat4(v)));
    await check(i8, (v) => `${lit(String(v))}::int8::numeric`, (v) => numericFromInt(v).toString());
    const i4 = [...sample(int4Values, 200, 8), 16777217, 2147483647, -2147483647];
    await check(i4, (v) => `${lit(String(v))}::int4::float4`, (v) => float4Out(intToFloat4(v)));
    await check(i4, (v) => `${lit(String(v))}::int4::float8`, (v) => float8Out(intToFloat8(v)));
  });

  it('from float4/float8 (round half to even, range errors)', async () => {
    const doubles = [
      ...sample(fc.double(), 150, 9),
      ...sample(fc.double({ min: -1e5, max: 1e5 }), 150, 10),
      ...sample(fc.integer({ min: -200, max: 200 }).map((n) => n + 0.5), 50, 11),
      2.5, 3.5, -2.5, -0.5, 0.5, 2147483647.4, 2147483647.5, -2147483648.5, -2147483648.4, 2147483648, -2147483649,
      32766.5, 32767.5, -32768.4, -32768.5, 9223372036854775000, 9223372036854775807, -9223372036854775808, 1e19,
      NaN, Infinity, -Infinity, -0,
    ];
    const txt = (x: number): string => float8Out(x);
    await check(doubles, (x) => `${lit(txt(x))}::float8::int2`, (x) => floatToInt2(parseFloat8(txt(x))));
    await check(doubles, (x) => `${lit(txt(x))}::float8::int4`, (x) => floatToInt4(parseFloat8(txt(x))));
    await check(doubles, (x) => `${lit(txt(x))}::float8::int8`, (x) => floatToInt8(parseFloat8(txt(x))));
    const floats = doubles.map((x) => Math.fround(x));
    const txt4 = (x: number): string => float4Out(x);
    await check(floats, (x) => `${lit(txt4(x))}::float4::int4`, (x) => floatToInt4(parseFloat4(txt4(x))));
    await check(floats, (x) => `${lit(txt4(x))}::float4::int8`, (x) => floatToInt8(parseFloat4(txt4(x))));
  });

  it('int4 <-> boolean', async () => {
    const i4 = [...sample(int4Values, 50, 12), 0, 1, -1, 2];
    await check(i4, (v) => `CASE WHEN ${lit(String(v))}::int4::bool THEN 't' ELSE 'f' END`, (v) => (int4ToBool(v) ? 't' : 'f'));
    await check([true, false], (b) => `${b}::int4`, (b) => boolToInt4(b));
  });
});
