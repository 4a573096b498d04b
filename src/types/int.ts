/**
 * The integer types int2 (`smallint`), int4 (`integer`) and int8 (`bigint`): TypeIO (PG 16 input
 * syntax: whitespace, sign, `_` separators, 0x/0o/0b prefixes), overflow-checked arithmetic with
 * Postgres's errors, and casts between the integer widths, floats and bool. int2/int4 values are
 * JS numbers, int8 values are bigints.
 *
 * Postgres counterpart: src/backend/utils/adt/int.c, int8.c and pg_strtoint16/32/64 in
 * src/backend/utils/adt/numutils.c; int <-> float casts from float.c.
 * Known gaps: int <-> numeric casts live in numeric.ts (numericFromInt, numericToInt2/4/8).
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { IoContext, TypeIO } from './type-io.js';
import { float8Round } from './float.js';
import { scaledBigToFloat } from './float/float-bits.js';

type IntTypeName = 'smallint' | 'integer' | 'bigint';

const INT2_MIN = -32768;
const INT2_MAX = 32767;
const INT4_MIN = -2147483648;
const INT4_MAX = 2147483647;
const INT8_MIN = -9223372036854775808n;
const INT8_MAX = 9223372036854775807n;

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 0x20;
  return l >= 97 && l <= 102 ? l - 87 : 99;
}

function syntaxError(text: string, type: IntTypeName): PgError {
  return new PgError(SQLSTATE.invalid_text_representation, `invalid input syntax for type ${type}: "${text}"`);
}

function rangeError(text: string, type: IntTypeName): PgError {
  return new PgError(SQLSTATE.numeric_value_out_of_range, `value "${text}" is out of range for type ${type}`);
}

/** `smallint out of range` / `integer out of range` / `bigint out of range` (22003). */
export function intOutOfRange(type: IntTypeName): PgError {
  return new PgError(SQLSTATE.numeric_value_out_of_range, `${type} out of range`);
}

function divisionByZero(): PgError {
  return new PgError(SQLSTATE.division_by_zero, 'division by zero');
}

/**
 * Scans an integer literal. Like Postgres, the magnitude accumulates unsigned and overflow is
 * reported as soon as a digit is appended to a prefix above |min| / radix (so `99999999999x` is
 * out of range, `2147483648x` a syntax error); `minAbs` is |min| of the type (2^15, 2^31, 2^63).
 */
function scanInteger(text: string, type: IntTypeName, minAbs: bigint): bigint {
  const n = text.length;
  let i = 0;
  while (i < n && isSpace(text.charCodeAt(i))) i++;
  let neg = false;
  let c = text.charCodeAt(i);
  if (c === 43 || c === 45) {
    neg = c === 45;
    c = text.charCodeAt(++i);
  }
  let radix = 10;
  if (c === 48 && i + 1 < n) {
    const p = text.charCodeAt(i + 1) | 0x20;
    if (p === 120) radix = 16;
    else if (p === 111) radix = 8;
    else if (p === 98) radix = 2;
    if (radix !== 10) i += 2;
  }
  const big = BigInt(radix);
  const threshold = minAbs / big;
  // Accumulate in a double while exact, then in a bigint.
  let small = 0;
  let acc = 0n;
  let useBig = false;
  let digits = 0;
  const start = i;
  while (i < n) {
    c = text.charCodeAt(i);
    let d = digitValue(c);
    if (d >= radix) {
      // `_` separates digits; after a 0x prefix it may also lead ("0x_1F").
      if (c !== 95 || (digits === 0 && (radix === 10 || i !== start)) || i + 1 >= n) break;
      d = digitValue(text.charCodeAt(i + 1));
      if (d >= radix) break;
      i++;
    }
    if (useBig) {
      if (acc > threshold) throw rangeError(text, type);
      acc = acc * big + BigInt(d);
    } else {
      if (small > 281474976710655) {
        useBig = true;
        acc = BigInt(small);
        if (acc > threshold) throw rangeError(text, type);
        acc = acc * big + BigInt(d);
      } else {
        if (small > Number(threshold)) throw rangeError(text, type);
        small = small * radix + d;
      }
    }
    digits++;
    i++;
  }
  if (digits === 0) throw syntaxError(text, type);
  while (i < n && isSpace(text.charCodeAt(i))) i++;
  if (i !== n) throw syntaxError(text, type);
  const v = useBig ? acc : BigInt(small);
  if (neg ? v > minAbs : v >= minAbs) throw rangeError(text, type);
  return neg ? -v : v;
}

/** Fast path for the common plain decimal int2/int4 literal; undefined when it is not one. */
function plainSmallInt(text: string): number | undefined {
  const n = text.length;
  if (n === 0 || n > 10) return undefined;
  let i = 0;
  let neg = false;
  if (text.charCodeAt(0) === 45) {
    neg = true;
    i = 1;
    if (n === 1) return undefined;
  }
  let v = 0;
  for (; i < n; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    v = v * 10 + d;
  }
  return neg ? -v : v;
}

/** int2 input (int2in). */
export function parseInt2(text: string): number {
  const v = plainSmallInt(text);
  if (v !== undefined && v >= INT2_MIN && v <= INT2_MAX) return v === 0 ? 0 : v;
  return Number(scanInteger(text, 'smallint', 32768n));
}

/**
 * int4 input (int4in).
 *
 * @example
 * parseInt4(' 1_000 '); // 1000
 * parseInt4('0x1F'); // 31
 */
export function parseInt4(text: string): number {
  const v = plainSmallInt(text);
  if (v !== undefined && v >= INT4_MIN && v <= INT4_MAX) return v === 0 ? 0 : v;
  return Number(scanInteger(text, 'integer', 2147483648n));
}

/** int8 input (int8in), as a bigint. */
export function parseInt8(text: string): bigint {
  const v = plainSmallInt(text);
  if (v !== undefined) return BigInt(v);
  return scanInteger(text, 'bigint', 9223372036854775808n);
}

function compareNumber(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareBigint(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** TypeIO of int2 (`smallint`). */
export const int2IO: TypeIO<number> = {
  input: (text: string, _typmod: number, _ctx: IoContext) => parseInt2(text),
  output: (value: number) => String(value),
  compare: compareNumber,
  hashKey: (value: number) => value,
};

/** TypeIO of int4 (`integer`). */
export const int4IO: TypeIO<number> = {
  input: (text: string, _typmod: number, _ctx: IoContext) => parseInt4(text),
  output: (value: number) => String(value),
  compare: compareNumber,
  hashKey: (value: number) => value,
};

/** TypeIO of int8 (`bigint`). */
export const int8IO: TypeIO<bigint> = {
  input: (text: string, _typmod: number, _ctx: IoContext) => parseInt8(text),
  output: (value: bigint) => value.toString(),
  compare: compareBigint,
  hashKey: (value: bigint) => value,
};

// ---------------------------------------------------------------------------------------------
// int4 arithmetic. `| 0` truncates in-range doubles and turns -0 into 0.

/** int4 `+`; `integer out of range` (22003). */
export function int4Add(a: number, b: number): number {
  const r = a + b;
  if (r > INT4_MAX || r < INT4_MIN) throw intOutOfRange('integer');
  return r;
}

/** int4 `-`. */
export function int4Sub(a: number, b: number): number {
  const r = a - b;
  if (r > INT4_MAX || r < INT4_MIN) throw intOutOfRange('integer');
  return r;
}

/** int4 `*` (an out-of-range double product is out of range exactly too). */
export function int4Mul(a: number, b: number): number {
  const r = a * b;
  if (r > INT4_MAX || r < INT4_MIN) throw intOutOfRange('integer');
  return r | 0;
}

/** int4 `/`: truncates toward zero; `division by zero` (22012); INT_MIN / -1 overflows. */
export function int4Div(a: number, b: number): number {
  if (b === 0) throw divisionByZero();
  if (b === -1) {
    if (a === INT4_MIN) throw intOutOfRange('integer');
    return -a | 0;
  }
  return (a / b) | 0;
}

/** int4 `%`: the sign of the dividend; `division by zero` (22012). */
export function int4Mod(a: number, b: number): number {
  if (b === 0) throw divisionByZero();
  return (a % b) | 0;
}

/** int4 unary minus. */
export function int4Neg(a: number): number {
  if (a === INT4_MIN) throw intOutOfRange('integer');
  return -a | 0;
}

/** int4 abs() / `@`. */
export function int4Abs(a: number): number {
  if (a === INT4_MIN) throw intOutOfRange('integer');
  return a < 0 ? -a : a;
}

// int2 arithmetic: the same with smallint bounds.

function int2Check(r: number): number {
  if (r > INT2_MAX || r < INT2_MIN) throw intOutOfRange('smallint');
  return r | 0;
}

/** int2 `+`; `smallint out of range` (22003). */
export function int2Add(a: number, b: number): number {
  return int2Check(a + b);
}

/** int2 `-`. */
export function int2Sub(a: number, b: number): number {
  return int2Check(a - b);
}

/** int2 `*`. */
export function int2Mul(a: number, b: number): number {
  return int2Check(a * b);
}

/** int2 `/`: truncates toward zero; SMALLINT_MIN / -1 overflows. */
export function int2Div(a: number, b: number): number {
  if (b === 0) throw divisionByZero();
  return int2Check((a / b) | 0);
}

/** int2 `%`. */
export function int2Mod(a: number, b: number): number {
  if (b === 0) throw divisionByZero();
  return (a % b) | 0;
}

/** int2 unary minus. */
export function int2Neg(a: number): number {
  return int2Check(-a);
}

/** int2 abs(). */
export function int2Abs(a: number): number {
  return int2Check(a < 0 ? -a : a);
}

// int8 arithmetic on bigints.

function int8Check(r: bigint): bigint {
  if (r > INT8_MAX || r < INT8_MIN) throw intOutOfRange('bigint');
  return r;
}

/** int8 `+`; `bigint out of range` (22003). */
export function int8Add(a: bigint, b: bigint): bigint {
  return int8Check(a + b);
}

/** int8 `-`. */
export function int8Sub(a: bigint, b: bigint): bigint {
  return int8Check(a - b);
}

/** int8 `*`. */
export function int8Mul(a: bigint, b: bigint): bigint {
  return int8Check(a * b);
}

/** int8 `/`: truncates toward zero; `division by zero`; INT64_MIN / -1 overflows. */
export function int8Div(a: bigint, b: bigint): bigint {
  if (b === 0n) throw divisionByZero();
  return int8Check(a / b);
}

/** int8 `%`. */
export function int8Mod(a: bigint, b: bigint): bigint {
  if (b === 0n) throw divisionByZero();
  return a % b;
}

/** int8 unary minus. */
export function int8Neg(a: bigint): bigint {
  return int8Check(-a);
}

/** int8 abs(). */
export function int8Abs(a: bigint): bigint {
  return int8Check(a < 0n ? -a : a);
}

// ---------------------------------------------------------------------------------------------
// Casts.

/** int4/int8 -> int2: `smallint out of range`. */
export function toInt2(v: number | bigint): number {
  if (typeof v === 'bigint') {
    if (v > 32767n || v < -32768n) throw intOutOfRange('smallint');
    return Number(v);
  }
  if (v > INT2_MAX || v < INT2_MIN) throw intOutOfRange('smallint');
  return v;
}

/** int8 -> int4: `integer out of range` (int2 -> int4 is the identity). */
export function toInt4(v: number | bigint): number {
  if (typeof v === 'bigint') {
    if (v > 2147483647n || v < -2147483648n) throw intOutOfRange('integer');
    return Number(v);
  }
  return v;
}

/** int2/int4 -> int8. */
export function toInt8(v: number): bigint {
  return BigInt(v);
}

/** int2/int4/int8 -> float8 (int8 rounds to nearest, ties to even). */
export function intToFloat8(v: number | bigint): number {
  return Number(v);
}

/** int2/int4/int8 -> float4, rounded once to the nearest float32. */
export function intToFloat4(v: number | bigint): number {
  if (typeof v === 'number') return Math.fround(v);
  if (v > -9007199254740992n && v < 9007199254740992n) return Math.fround(Number(v));
  const r = scaledBigToFloat(v < 0n ? -v : v, 0, 24, -149);
  return v < 0n ? -r : r;
}

/** float4/float8 -> int2: rounds half to even (rint); `smallint out of range`, also for NaN. */
export function floatToInt2(v: number): number {
  const r = float8Round(v);
  if (!(r >= -32768 && r < 32768)) throw intOutOfRange('smallint');
  return r | 0;
}

/** float4/float8 -> int4: rounds half to even; `integer out of range`, also for NaN/infinity. */
export function floatToInt4(v: number): number {
  const r = float8Round(v);
  if (!(r >= -2147483648 && r < 2147483648)) throw intOutOfRange('integer');
  return r | 0;
}

/** float4/float8 -> int8: rounds half to even; `bigint out of range`. */
export function floatToInt8(v: number): bigint {
  const r = float8Round(v);
  if (!(r >= -9223372036854775808 && r < 9223372036854775808)) throw intOutOfRange('bigint');
  return BigInt(r);
}

/** int4 -> boolean (nonzero is true). Postgres has no int2/int8 -> boolean cast. */
export function int4ToBool(v: number): boolean {
  return v !== 0;
}

/** boolean -> int4. */
export function boolToInt4(v: boolean): number {
  return v ? 1 : 0;
}
