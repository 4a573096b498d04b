/**
 * The float4 (`real`) and float8 (`double precision`) types: TypeIO (input as C's strtod/strtof,
 * output as Postgres 18 prints with extra_float_digits), btree order (NaN above everything, NaN =
 * NaN, -0 = 0), overflow-checked arithmetic and the float8 math functions with Postgres's errors.
 * float4 values are numbers holding exact float32 values (Math.fround).
 *
 * Postgres counterpart: src/backend/utils/adt/float.c (float4in/out, float8in/out, float8pl,
 * float8mi, float8mul, float8div, dround, dtrunc, dceil, dfloor, dsqrt, dcbrt, dpow, dexp,
 * dlog1, dlog10, dsign, ftod, dtof, float8_cmp_internal).
 * Known gaps: cbrt uses Math.cbrt and differs from glibc's cbrt in the last bit about half the
 * time; exp/ln/log10/power follow glibc closely (see float/float-math.ts).
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { IoContext, TypeIO } from './type-io.js';
import { float4Out, float8Out } from './float/float-format.js';
import { parseFloat4, parseFloat8 } from './float/float-parse.js';
import { crExp, crLn, crPowAbs, glibcLog10 } from './float/float-math.js';

export { float4Out, float8Out, formatG } from './float/float-format.js';
export { parseFloat4, parseFloat8 } from './float/float-parse.js';

/** `value out of range: overflow` (22003). */
export function floatOverflow(): PgError {
  return new PgError(SQLSTATE.numeric_value_out_of_range, 'value out of range: overflow');
}

/** `value out of range: underflow` (22003). */
export function floatUnderflow(): PgError {
  return new PgError(SQLSTATE.numeric_value_out_of_range, 'value out of range: underflow');
}

function divisionByZero(): PgError {
  return new PgError(SQLSTATE.division_by_zero, 'division by zero');
}

/** Postgres's float btree order: NaN sorts above everything and equals NaN; -0 equals 0. */
export function compareFloat(a: number, b: number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  if (a === b) return 0;
  // At least one NaN.
  const an = a !== a;
  const bn = b !== b;
  return an === bn ? 0 : an ? 1 : -1;
}

/** Hash key consistent with compareFloat (-0 and 0 share a key; all NaNs share one). */
export function floatHashKey(v: number): number | string {
  if (v !== v) return 'NaN';
  return v === 0 ? 0 : v;
}

/** TypeIO of float8 (`double precision`). */
export const float8IO: TypeIO<number> = {
  input(text: string, _typmod: number, _ctx: IoContext): number {
    return parseFloat8(text);
  },
  output(value: number, ctx: IoContext): string {
    return float8Out(value, ctx.extraFloatDigits);
  },
  compare: compareFloat,
  hashKey: floatHashKey,
};

/** TypeIO of float4 (`real`). */
export const float4IO: TypeIO<number> = {
  input(text: string, _typmod: number, _ctx: IoContext): number {
    return parseFloat4(text);
  },
  output(value: number, ctx: IoContext): string {
    return float4Out(value, ctx.extraFloatDigits);
  },
  compare: compareFloat,
  hashKey: floatHashKey,
};

// ---------------------------------------------------------------------------------------------
// Arithmetic. A result may be infinite only if an input was; zero only if an input was.

function checkSum(r: number, a: number, b: number): number {
  if (r === Infinity || r === -Infinity) {
    if (a !== Infinity && a !== -Infinity && b !== Infinity && b !== -Infinity) throw floatOverflow();
  }
  return r;
}

/** float8 `+`. */
export function float8Add(a: number, b: number): number {
  return checkSum(a + b, a, b);
}

/** float8 `-`. */
export function float8Sub(a: number, b: number): number {
  return checkSum(a - b, a, b);
}

function checkProduct(r: number, a: number, b: number): number {
  if ((r === Infinity || r === -Infinity) && Math.abs(a) !== Infinity && Math.abs(b) !== Infinity) throw floatOverflow();
  if (r === 0 && a !== 0 && b !== 0) throw floatUnderflow();
  return r;
}

/** float8 `*`. */
export function float8Mul(a: number, b: number): number {
  return checkProduct(a * b, a, b);
}

function checkQuotient(r: number, a: number, b: number): number {
  if ((r === Infinity || r === -Infinity) && Math.abs(a) !== Infinity) throw floatOverflow();
  if (r === 0 && a !== 0 && Math.abs(b) !== Infinity) throw floatUnderflow();
  return r;
}

/** float8 `/`: `division by zero` (22012) unless the dividend is NaN. */
export function float8Div(a: number, b: number): number {
  if (b === 0 && a === a) throw divisionByZero();
  return checkQuotient(a / b, a, b);
}

/** float4 `+` (rounded to float32). */
export function float4Add(a: number, b: number): number {
  return checkSum(Math.fround(a + b), a, b);
}

/** float4 `-`. */
export function float4Sub(a: number, b: number): number {
  return checkSum(Math.fround(a - b), a, b);
}

/** float4 `*`. */
export function float4Mul(a: number, b: number): number {
  return checkProduct(Math.fround(a * b), a, b);
}

/** float4 `/`. */
export function float4Div(a: number, b: number): number {
  if (b === 0 && a === a) throw divisionByZero();
  return checkQuotient(Math.fround(a / b), a, b);
}

/** Unary minus (no errors; -0 stays distinct). */
export function floatNeg(a: number): number {
  return -a;
}

/** abs() / `@`. */
export function floatAbs(a: number): number {
  return Math.abs(a);
}

/** float8 -> float4: overflow/underflow errors when a finite nonzero value does not fit. */
export function float8ToFloat4(a: number): number {
  const r = Math.fround(a);
  if ((r === Infinity || r === -Infinity) && Math.abs(a) !== Infinity) throw floatOverflow();
  if (r === 0 && a !== 0) throw floatUnderflow();
  return r;
}

// ---------------------------------------------------------------------------------------------
// float8 math functions.

/** round(float8): to nearest integer, ties to even (C's rint). */
export function float8Round(a: number): number {
  if (!(Math.abs(a) < 4503599627370496)) return a; // NaN, infinities, already integral
  const f = Math.floor(a);
  const d = a - f;
  let r: number;
  if (d < 0.5) r = f;
  else if (d > 0.5) r = f + 1;
  else r = f % 2 === 0 ? f : f + 1;
  // rint keeps the sign of zero.
  return r === 0 && (a < 0 || Object.is(a, -0)) ? -0 : r;
}

/** trunc(float8). */
export function float8Trunc(a: number): number {
  return Math.trunc(a);
}

/** ceil(float8). */
export function float8Ceil(a: number): number {
  return Math.ceil(a);
}

/** floor(float8). */
export function float8Floor(a: number): number {
  return Math.floor(a);
}

/** sign(float8): -1, 0 or 1 (NaN gives 0). */
export function float8Sign(a: number): number {
  return a > 0 ? 1 : a < 0 ? -1 : 0;
}

/** sqrt(float8): `cannot take square root of a negative number` (2201F). */
export function float8Sqrt(a: number): number {
  if (a < 0) throw new PgError(SQLSTATE.invalid_argument_for_power_function, 'cannot take square root of a negative number');
  return Math.sqrt(a);
}

/** cbrt(float8). */
export function float8Cbrt(a: number): number {
  return Math.cbrt(a);
}

function checkLogArg(a: number): void {
  if (a === 0) throw new PgError(SQLSTATE.invalid_argument_for_logarithm, 'cannot take logarithm of zero');
  if (a < 0) throw new PgError(SQLSTATE.invalid_argument_for_logarithm, 'cannot take logarithm of a negative number');
}

/** ln(float8): 2201E for zero and negative arguments. */
export function float8Ln(a: number): number {
  checkLogArg(a);
  if (a !== a || a === Infinity) return a;
  return crLn(a);
}

/** log10(float8) / log(float8). */
export function float8Log10(a: number): number {
  checkLogArg(a);
  if (a !== a || a === Infinity) return a;
  return glibcLog10(a);
}

/** exp(float8): overflow/underflow errors (subnormal results are fine). */
export function float8Exp(a: number): number {
  if (a !== a) return a;
  if (a === Infinity) return a;
  if (a === -Infinity) return 0;
  const r = crExp(a);
  if (r === Infinity) throw floatOverflow();
  if (r === 0) throw floatUnderflow();
  return r;
}

/**
 * power(float8, float8) / `^`: POSIX rules for NaN and infinities; 2201F for 0 ^ negative and
 * negative ^ non-integer; overflow/underflow errors.
 */
export function float8Power(x: number, y: number): number {
  if (x !== x) return y !== y || y !== 0 ? NaN : 1;
  if (y !== y) return x !== 1 ? NaN : 1;
  if (x === 0 && y < 0) {
    throw new PgError(SQLSTATE.invalid_argument_for_power_function, 'zero raised to a negative power is undefined');
  }
  if (x < 0 && Math.floor(y) !== y) {
    throw new PgError(
      SQLSTATE.invalid_argument_for_power_function,
      'a negative number raised to a non-integer power yields a complex result',
    );
  }
  if (y === Infinity || y === -Infinity) {
    const ax = Math.abs(x);
    if (ax === 1) return 1;
    if (y > 0) return ax > 1 ? y : 0;
    return ax > 1 ? 0 : -y;
  }
  if (x === Infinity || x === -Infinity) {
    if (y === 0) return 1;
    if (x > 0) return y > 0 ? x : 0;
    const half = y / 2;
    const odd = Math.floor(half) !== half;
    if (y > 0) return odd ? x : -x;
    return odd ? -0 : 0;
  }
  if (x === 0) {
    if (y === 0) return 1;
    // C's pow(-0, odd integer) is -0.
    return Object.is(x, -0) && Math.abs(y % 2) === 1 ? -0 : 0;
  }
  const m = crPowAbs(x, y);
  // A negative base has an integer exponent here; odd exponents keep the sign.
  const r = x < 0 && Math.abs(y % 2) === 1 ? -m : m;
  if (r === Infinity || r === -Infinity) throw floatOverflow();
  if (r === 0 && x !== 0) throw floatUnderflow();
  return r;
}
