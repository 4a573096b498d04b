/**
 * Integer operators: `+ - * / %`, unary `- + @ ~`, bitwise `& | # << >>` for int2/int4/int8 and
 * the cross-width pairs pg_operator has (int24pl, int48mul, ...). int2/int4 are JS numbers,
 * int8 bigints; every result is range-checked (`integer out of range`, 22003).
 *
 * Postgres counterpart: src/backend/utils/adt/int.c, int8.c.
 * Known gaps: none known.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { OID } from '../../types/oids.js';
import type { Value } from '../../types/values.js';
import { op } from '../registry.js';

const INT2_MIN = -32768;
const INT2_MAX = 32767;
const INT4_MIN = -2147483648;
const INT4_MAX = 2147483647;
const INT8_MIN = -9223372036854775808n;
const INT8_MAX = 9223372036854775807n;

/** 22003 `smallint out of range` / `integer out of range` / `bigint out of range`. */
export function intOutOfRange(type: number): PgError {
  const name = type === OID.int2 ? 'smallint' : type === OID.int4 ? 'integer' : 'bigint';
  return new PgError(SQLSTATE.numeric_value_out_of_range, `${name} out of range`);
}

/** 22012 `division by zero`. */
export function divisionByZero(): PgError {
  return new PgError(SQLSTATE.division_by_zero, 'division by zero');
}

/** Range-checks an int2 result (also turns -0 into 0). */
export function checkInt2(v: number): number {
  if (v < INT2_MIN || v > INT2_MAX) throw intOutOfRange(OID.int2);
  return v + 0;
}

/** Range-checks an int4 result (also turns -0 into 0). */
export function checkInt4(v: number): number {
  if (v < INT4_MIN || v > INT4_MAX) throw intOutOfRange(OID.int4);
  return v + 0;
}

/** Range-checks an int8 result. */
export function checkInt8(v: bigint): bigint {
  if (v < INT8_MIN || v > INT8_MAX) throw intOutOfRange(OID.int8);
  return v;
}

type Width = typeof OID.int2 | typeof OID.int4 | typeof OID.int8;

/** Arithmetic in one result width; operands already converted to that width's JS type. */
interface IntArith<T> {
  check(v: T): T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  div(a: T, b: T): T;
  mod(a: T, b: T): T;
  conv(v: Value): T;
}

function smallArith(check: (v: number) => number, min: number): IntArith<number> {
  return {
    check,
    add: (a, b) => check(a + b),
    sub: (a, b) => check(a - b),
    mul: (a, b) => check(a * b),
    div: (a, b) => {
      if (b === 0) throw divisionByZero();
      if (b === -1 && a === min) return check(-a);
      return Math.trunc(a / b) + 0;
    },
    mod: (a, b) => {
      if (b === 0) throw divisionByZero();
      return (a % b) + 0;
    },
    conv: (v) => Number(v),
  };
}

const int8Arith: IntArith<bigint> = {
  check: checkInt8,
  add: (a, b) => checkInt8(a + b),
  sub: (a, b) => checkInt8(a - b),
  mul: (a, b) => checkInt8(a * b),
  div: (a, b) => {
    if (b === 0n) throw divisionByZero();
    return checkInt8(a / b);
  },
  mod: (a, b) => {
    if (b === 0n) throw divisionByZero();
    return a % b;
  },
  conv: (v) => (typeof v === 'bigint' ? v : BigInt(v as number)),
};

/** The arithmetic of a result width. */
export const INT_ARITH: { [K in Width]: IntArith<K extends typeof OID.int8 ? bigint : number> } = {
  [OID.int2]: smallArith(checkInt2, INT2_MIN),
  [OID.int4]: smallArith(checkInt4, INT4_MIN),
  [OID.int8]: int8Arith,
} as never;

const WIDTHS: Width[] = [OID.int2, OID.int4, OID.int8];
const rank = (t: Width): number => WIDTHS.indexOf(t);

// + - * / on every pair pg_operator has (all nine combinations); result in the wider type.
for (const l of WIDTHS) {
  for (const r of WIDTHS) {
    const res = rank(l) > rank(r) ? l : r;
    const ar = INT_ARITH[res] as IntArith<number | bigint>;
    const c = ar.conv;
    op('+', l, r, res, (a, b) => ar.add(c(a), c(b)), { commutator: '+' });
    op('-', l, r, res, (a, b) => ar.sub(c(a), c(b)));
    op('*', l, r, res, (a, b) => ar.mul(c(a), c(b)), { commutator: '*' });
    op('/', l, r, res, (a, b) => ar.div(c(a), c(b)));
  }
}

// % only for same-width pairs.
for (const t of WIDTHS) {
  const ar = INT_ARITH[t] as IntArith<number | bigint>;
  op('%', t, t, t, (a, b) => ar.mod(a as never, b as never));
}

// Prefix operators.
op('-', 0, OID.int2, OID.int2, (_, a) => checkInt2(-(a as number)));
op('-', 0, OID.int4, OID.int4, (_, a) => checkInt4(-(a as number)));
op('-', 0, OID.int8, OID.int8, (_, a) => checkInt8(-(a as bigint)));
for (const t of WIDTHS) op('+', 0, t, t, (_, a) => a);
op('@', 0, OID.int2, OID.int2, (_, a) => checkInt2(Math.abs(a as number)));
op('@', 0, OID.int4, OID.int4, (_, a) => checkInt4(Math.abs(a as number)));
op('@', 0, OID.int8, OID.int8, (_, a) => checkInt8((a as bigint) < 0n ? -(a as bigint) : (a as bigint)));

// Bitwise. int2 results wrap as C's int16 conversion does (1::int2 << 15 = -32768).
const wrap16 = (v: number): number => (v << 16) >> 16;
op('&', OID.int2, OID.int2, OID.int2, (a, b) => (a as number) & (b as number), { commutator: '&' });
op('|', OID.int2, OID.int2, OID.int2, (a, b) => (a as number) | (b as number), { commutator: '|' });
op('#', OID.int2, OID.int2, OID.int2, (a, b) => (a as number) ^ (b as number), { commutator: '#' });
op('~', 0, OID.int2, OID.int2, (_, a) => ~(a as number));
op('<<', OID.int2, OID.int4, OID.int2, (a, b) => wrap16((a as number) << (b as number)));
op('>>', OID.int2, OID.int4, OID.int2, (a, b) => wrap16((a as number) >> (b as number)));
op('&', OID.int4, OID.int4, OID.int4, (a, b) => (a as number) & (b as number), { commutator: '&' });
op('|', OID.int4, OID.int4, OID.int4, (a, b) => (a as number) | (b as number), { commutator: '|' });
op('#', OID.int4, OID.int4, OID.int4, (a, b) => (a as number) ^ (b as number), { commutator: '#' });
op('~', 0, OID.int4, OID.int4, (_, a) => ~(a as number));
// JS masks a 32-bit shift count to 5 bits, as x86 does for Postgres's C shift.
op('<<', OID.int4, OID.int4, OID.int4, (a, b) => (a as number) << (b as number));
op('>>', OID.int4, OID.int4, OID.int4, (a, b) => (a as number) >> (b as number));
op('&', OID.int8, OID.int8, OID.int8, (a, b) => (a as bigint) & (b as bigint), { commutator: '&' });
op('|', OID.int8, OID.int8, OID.int8, (a, b) => (a as bigint) | (b as bigint), { commutator: '|' });
op('#', OID.int8, OID.int8, OID.int8, (a, b) => (a as bigint) ^ (b as bigint), { commutator: '#' });
op('~', 0, OID.int8, OID.int8, (_, a) => ~(a as bigint));
// A 64-bit shift count is masked to 6 bits; the result wraps to int64.
op('<<', OID.int8, OID.int4, OID.int8, (a, b) => BigInt.asIntN(64, (a as bigint) << BigInt((b as number) & 63)));
op('>>', OID.int8, OID.int4, OID.int8, (a, b) => (a as bigint) >> BigInt((b as number) & 63));
