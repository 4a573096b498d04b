/**
 * Mathematical functions: abs, sign, round/trunc (numeric with scale; float8 ties-to-even),
 * ceil/ceiling/floor, mod/div, gcd/lcm, power/pow/sqrt/cbrt/exp/ln/log/log10, factorial,
 * scale/min_scale/trim_scale, pi/degrees/radians, trigonometry (radians and degrees forms),
 * width_bucket. random/setseed live in random.ts.
 *
 * Postgres counterpart: src/backend/utils/adt/float.c, numeric.c, int.c, int8.c.
 * Known gaps: float8 transcendental functions use JS Math, which can differ from glibc in the
 * last place (cbrt(27) is 3 here, 3.0000000000000004 in Postgres on glibc).
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import {
  float8Cbrt,
  float8Ceil,
  float8Exp,
  float8Floor,
  float8Ln,
  float8Log10,
  float8Power,
  float8Round,
  float8Sign,
  float8Sqrt,
  float8Trunc,
  floatOverflow,
} from '../../types/float.js';
import {
  Numeric,
  compareNumeric,
  numericAbs,
  numericCeil,
  numericDivTrunc,
  numericExp,
  numericFloor,
  numericGcd,
  numericLcm,
  numericLn,
  numericLog,
  numericLog10,
  numericMinScale,
  numericMod,
  numericMul,
  numericPower,
  numericRound,
  numericScale,
  numericSign,
  numericSqrt,
  numericTrimScale,
  numericTrunc,
  numericFromInt,
} from '../../types/numeric.js';
import { OID } from '../../types/oids.js';
import type { PgArray, Value } from '../../types/values.js';
import { fn } from '../registry.js';
import { INT_ARITH, checkInt2, checkInt4, checkInt8, intOutOfRange } from './int-ops.js';
import { argComparator } from './value-compare.js';

const F8 = OID.float8;
const N = OID.numeric;
const I4 = OID.int4;
const I8 = OID.int8;

const f0 = (a: Value[]): number => a[0] as number;
const n0 = (a: Value[]): Numeric => a[0] as Numeric;

// abs / sign.
fn('abs', [OID.int2], OID.int2, (a) => checkInt2(Math.abs(f0(a))));
fn('abs', [I4], I4, (a) => checkInt4(Math.abs(f0(a))));
fn('abs', [I8], I8, (a) => checkInt8((a[0] as bigint) < 0n ? -(a[0] as bigint) : (a[0] as bigint)));
fn('abs', [OID.float4], OID.float4, (a) => Math.abs(f0(a)));
fn('abs', [F8], F8, (a) => Math.abs(f0(a)));
fn('abs', [N], N, (a) => numericAbs(n0(a)));
fn('sign', [F8], F8, (a) => float8Sign(f0(a)));
fn('sign', [N], N, (a) => numericSign(n0(a)));

// Rounding.
fn('round', [F8], F8, (a) => float8Round(f0(a)));
fn('round', [N], N, (a) => numericRound(n0(a), 0));
fn('round', [N, I4], N, (a) => numericRound(n0(a), a[1] as number));
fn('trunc', [F8], F8, (a) => float8Trunc(f0(a)));
fn('trunc', [N], N, (a) => numericTrunc(n0(a), 0));
fn('trunc', [N, I4], N, (a) => numericTrunc(n0(a), a[1] as number));
for (const name of ['ceil', 'ceiling']) {
  fn(name, [F8], F8, (a) => float8Ceil(f0(a)));
  fn(name, [N], N, (a) => numericCeil(n0(a)));
}
fn('floor', [F8], F8, (a) => float8Floor(f0(a)));
fn('floor', [N], N, (a) => numericFloor(n0(a)));

// mod / div.
for (const t of [OID.int2, I4, I8] as const) {
  const ar = INT_ARITH[t] as { mod(a: unknown, b: unknown): Value };
  fn('mod', [t, t], t, (a) => ar.mod(a[0], a[1]));
}
fn('mod', [N, N], N, (a) => numericMod(n0(a), a[1] as Numeric));
fn('div', [N, N], N, (a) => numericDivTrunc(n0(a), a[1] as Numeric));

// gcd / lcm.
function gcdBig(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
function intGcd(type: typeof I4 | typeof I8) {
  const check = type === I4 ? (v: bigint) => checkInt4(Number(v)) : checkInt8;
  return (a: Value[]): Value => {
    const x = BigInt(a[0] as number | bigint);
    const y = BigInt(a[1] as number | bigint);
    const g = gcdBig(x, y);
    if ((type === I4 && g > 2147483647n) || g > 9223372036854775807n) throw intOutOfRange(type);
    return check(g);
  };
}
function intLcm(type: typeof I4 | typeof I8) {
  const check = type === I4 ? (v: bigint) => checkInt4(Number(v)) : checkInt8;
  return (a: Value[]): Value => {
    const x = BigInt(a[0] as number | bigint);
    const y = BigInt(a[1] as number | bigint);
    if (x === 0n || y === 0n) return check(0n);
    const g = gcdBig(x, y);
    let l = (x / g) * y;
    if (l < 0n) l = -l;
    return check(l);
  };
}
fn('gcd', [I4, I4], I4, intGcd(I4));
fn('gcd', [I8, I8], I8, intGcd(I8));
fn('gcd', [N, N], N, (a) => numericGcd(n0(a), a[1] as Numeric));
fn('lcm', [I4, I4], I4, intLcm(I4));
fn('lcm', [I8, I8], I8, intLcm(I8));
fn('lcm', [N, N], N, (a) => numericLcm(n0(a), a[1] as Numeric));

// Powers, roots, logarithms.
for (const name of ['power', 'pow']) {
  fn(name, [F8, F8], F8, (a) => float8Power(f0(a), a[1] as number));
  fn(name, [N, N], N, (a) => numericPower(n0(a), a[1] as Numeric));
}
fn('sqrt', [F8], F8, (a) => float8Sqrt(f0(a)));
fn('sqrt', [N], N, (a) => numericSqrt(n0(a)));
fn('cbrt', [F8], F8, (a) => float8Cbrt(f0(a)));
fn('exp', [F8], F8, (a) => float8Exp(f0(a)));
fn('exp', [N], N, (a) => numericExp(n0(a)));
fn('ln', [F8], F8, (a) => float8Ln(f0(a)));
fn('ln', [N], N, (a) => numericLn(n0(a)));
fn('log', [F8], F8, (a) => float8Log10(f0(a)));
fn('log', [N], N, (a) => numericLog10(n0(a)));
fn('log', [N, N], N, (a) => numericLog(n0(a), a[1] as Numeric));
fn('log10', [F8], F8, (a) => float8Log10(f0(a)));
fn('log10', [N], N, (a) => numericLog10(n0(a)));

fn('factorial', [I8], N, (a) => {
  const n = a[0] as bigint;
  if (n < 0n) throw new PgError(SQLSTATE.numeric_value_out_of_range, 'factorial of a negative number is undefined');
  let r = Numeric.ONE;
  for (let i = 2n; i <= n; i++) r = numericMul(r, numericFromInt(i));
  return r;
});
fn('scale', [N], I4, (a) => numericScale(n0(a)));
fn('min_scale', [N], I4, (a) => numericMinScale(n0(a)));
fn('trim_scale', [N], N, (a) => numericTrimScale(n0(a)));

// pi, degrees, radians.
const RADIANS_PER_DEGREE = 0.0174532925199432957692;
function checkFloatResult(r: number, inputInf: boolean): number {
  if ((r === Infinity || r === -Infinity) && !inputInf) throw floatOverflow();
  return r;
}
fn('pi', [], F8, () => Math.PI);
fn('degrees', [F8], F8, (a) => checkFloatResult(f0(a) / RADIANS_PER_DEGREE, !Number.isFinite(f0(a))));
fn('radians', [F8], F8, (a) => checkFloatResult(f0(a) * RADIANS_PER_DEGREE, !Number.isFinite(f0(a))));

// Trigonometry in radians. Out-of-domain inputs: 22003 `input is out of range`.
function outOfRangeInput(): PgError {
  return new PgError(SQLSTATE.numeric_value_out_of_range, 'input is out of range');
}
function trig(name: string, f: (x: number) => number, domain?: (x: number) => boolean, infOk = false): void {
  fn(name, [F8], F8, (a) => {
    const x = f0(a);
    if (x !== x) return NaN;
    if ((!infOk && (x === Infinity || x === -Infinity)) || (domain && !domain(x))) throw outOfRangeInput();
    const r = f(x);
    if (r !== r && !Number.isNaN(x)) throw outOfRangeInput();
    return r;
  });
}
trig('sin', Math.sin);
trig('cos', Math.cos);
trig('tan', Math.tan);
trig('cot', (x) => 1 / Math.tan(x));
trig('asin', Math.asin, (x) => x >= -1 && x <= 1);
trig('acos', Math.acos, (x) => x >= -1 && x <= 1);
trig('atan', Math.atan, undefined, true);
trig('sinh', Math.sinh, undefined, true);
trig('cosh', Math.cosh, undefined, true);
trig('tanh', Math.tanh, undefined, true);
trig('asinh', Math.asinh, undefined, true);
trig('acosh', Math.acosh, (x) => x >= 1, true);
trig('atanh', Math.atanh, (x) => x >= -1 && x <= 1);
fn('atan2', [F8, F8], F8, (a) => Math.atan2(f0(a), a[1] as number));

// Trigonometry in degrees, exact at multiples of 30/45/60/90 as Postgres arranges.
const SIN_30 = Math.sin(30 * RADIANS_PER_DEGREE);
const ONE_MINUS_COS_60 = 1 - Math.cos(60 * RADIANS_PER_DEGREE);
const ASIN_0_5 = Math.asin(0.5);
const ACOS_0_5 = Math.acos(0.5);
const ATAN_1_0 = Math.atan(1.0);
const sind0to30 = (x: number): number => Math.sin(x * RADIANS_PER_DEGREE) / SIN_30 / 2.0;
const cosd0to60 = (x: number): number => 1.0 - (1.0 - Math.cos(x * RADIANS_PER_DEGREE)) / ONE_MINUS_COS_60 / 2.0;
const sindQ1 = (x: number): number => (x <= 30 ? sind0to30(x) : cosd0to60(90 - x));
const cosdQ1 = (x: number): number => (x <= 60 ? cosd0to60(x) : sind0to30(90 - x));
const TAN_45 = sindQ1(45) / cosdQ1(45);
const COT_45 = cosdQ1(45) / sindQ1(45);
const zeroFix = (r: number): number => (r === 0 ? 0 : r);

function degArg(x: number): number {
  if (x === Infinity || x === -Infinity) throw outOfRangeInput();
  return x % 360;
}
fn('sind', [F8], F8, (a) => {
  let x = f0(a);
  if (x !== x) return NaN;
  x = degArg(x);
  let sign = 1;
  if (x < 0) {
    x = -x;
    sign = -1;
  }
  if (x > 180) {
    x = 360 - x;
    sign = -sign;
  }
  if (x > 90) x = 180 - x;
  return sign * sindQ1(x);
});
fn('cosd', [F8], F8, (a) => {
  let x = f0(a);
  if (x !== x) return NaN;
  x = degArg(x);
  let sign = 1;
  if (x < 0) x = -x;
  if (x > 180) x = 360 - x;
  if (x > 90) {
    x = 180 - x;
    sign = -1;
  }
  return sign * cosdQ1(x);
});
function tanLike(cot: boolean) {
  return (a: Value[]): number => {
    let x = f0(a);
    if (x !== x) return NaN;
    x = degArg(x);
    let sign = 1;
    if (x < 0) {
      x = -x;
      sign = -1;
    }
    if (x > 180) {
      x = 360 - x;
      sign = -sign;
    }
    if (x > 90) {
      x = 180 - x;
      sign = -sign;
    }
    // Postgres turns a minus-zero result into plain zero here (not in sind/cosd).
    const r = cot ? cosdQ1(x) / sindQ1(x) / COT_45 : sindQ1(x) / cosdQ1(x) / TAN_45;
    return zeroFix(sign * r);
  };
}
fn('tand', [F8], F8, tanLike(false));
fn('cotd', [F8], F8, tanLike(true));
function inverseDeg(name: string, f: (x: number) => number, domain: boolean): void {
  fn(name, [F8], F8, (a) => {
    const x = f0(a);
    if (x !== x) return NaN;
    if (domain && (x < -1 || x > 1)) throw outOfRangeInput();
    return f(x);
  });
}
const asind = (x: number): number => {
  if (x >= 0) return x <= 0.5 ? (Math.asin(x) / ASIN_0_5) * 30 : 90 - (Math.acos(x) / ACOS_0_5) * 60;
  return -(-x <= 0.5 ? (Math.asin(-x) / ASIN_0_5) * 30 : 90 - (Math.acos(-x) / ACOS_0_5) * 60);
};
inverseDeg('asind', asind, true);
inverseDeg('acosd', (x) => (x >= 0 ? 90 - asind(x) : 90 + asind(-x)), true);
inverseDeg('atand', (x) => (Math.atan(x) / ATAN_1_0) * 45, false);
fn('atan2d', [F8, F8], F8, (a) => (Math.atan2(f0(a), a[1] as number) / ATAN_1_0) * 45);

// width_bucket.
function bucketError(msg: string): PgError {
  return new PgError(SQLSTATE.invalid_argument_for_width_bucket_function, msg);
}
fn('width_bucket', [F8, F8, F8, I4], I4, (a) => {
  const [x, lo, hi] = [f0(a), a[1] as number, a[2] as number];
  const count = a[3] as number;
  if (count <= 0) throw bucketError('count must be greater than zero');
  if (x !== x || lo !== lo || hi !== hi) throw bucketError('operand, lower bound, and upper bound cannot be NaN');
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) throw bucketError('lower and upper bounds must be finite');
  if (lo === hi) throw bucketError('lower bound cannot equal upper bound');
  let r: number;
  if (lo < hi) {
    if (x < lo) r = 0;
    else if (x >= hi) r = count + 1;
    else r = Math.min(Math.floor((count * (x - lo)) / (hi - lo)), count - 1) + 1;
  } else {
    if (x > lo) r = 0;
    else if (x <= hi) r = count + 1;
    else r = Math.min(Math.floor((count * (lo - x)) / (lo - hi)), count - 1) + 1;
  }
  return checkInt4(r);
});
fn('width_bucket', [N, N, N, I4], I4, (a) => {
  const [x, lo, hi] = [n0(a), a[1] as Numeric, a[2] as Numeric];
  const count = a[3] as number;
  if (count <= 0) throw bucketError('count must be greater than zero');
  if (x.isNaN() || lo.isNaN() || hi.isNaN()) throw bucketError('operand, lower bound, and upper bound cannot be NaN');
  if (!lo.isFinite() || !hi.isFinite()) throw bucketError('lower and upper bounds must be finite');
  const c = compareNumeric(lo, hi);
  if (c === 0) throw bucketError('lower bound cannot equal upper bound');
  const asc = c < 0;
  let r: number;
  if (asc ? compareNumeric(x, lo) < 0 : compareNumeric(x, lo) > 0) r = 0;
  else if (asc ? compareNumeric(x, hi) >= 0 : compareNumeric(x, hi) <= 0) r = count + 1;
  else {
    // floor(count * (x - lo) / (hi - lo)) + 1, computed exactly.
    const num = asc ? sub(x, lo) : sub(lo, x);
    const den = asc ? sub(hi, lo) : sub(lo, hi);
    const scale = Math.max(num.scale, den.scale);
    const nb = num.coef * 10n ** BigInt(scale - num.scale) * BigInt(count);
    const db = den.coef * 10n ** BigInt(scale - den.scale);
    r = Number(nb / db) + 1;
  }
  return checkInt4(r);
});
function sub(a: Numeric, b: Numeric): Numeric {
  const s = Math.max(a.scale, b.scale);
  return Numeric.unchecked(a.coef * 10n ** BigInt(s - a.scale) - b.coef * 10n ** BigInt(s - b.scale), s);
}
fn('width_bucket', [OID.anycompatible, OID.anycompatiblearray], I4, (a, rt, call) => {
  const cmp = argComparator(rt, call, 0);
  if ((a[1] as PgArray).dims.length > 1) throw new PgError(SQLSTATE.array_subscript_error, 'thresholds must be one-dimensional array');
  const items = (a[1] as { items: Value[] }).items;
  // Binary search for the first threshold greater than the operand.
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const t = items[mid];
    if (t === null) throw new PgError(SQLSTATE.null_value_not_allowed, 'thresholds array must not contain NULLs');
    if (cmp(a[0], t) >= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
});
