/**
 * numeric power(x, y) / `x ^ y`: exact for integer exponents (up to the result scale), through
 * exp(y * ln x) otherwise; POSIX pow() rules for NaN and the infinities; result scales as
 * Postgres picks them (16 significant digits judged from a double estimate of the result's weight).
 *
 * Postgres counterpart: numeric_power / power_var / power_var_int in
 * src/backend/utils/adt/numeric.c.
 * Known gaps: results within ~1e-40 relative of a rounding tie may round differently.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { divideRounded } from './numeric-arith.js';
import { approxNumber, expFixed, lnFixed, roundComputed } from './numeric-fixed.js';
import { roundCoef } from './numeric-round.js';
import { lnDecimalWeight } from './numeric-transcendental.js';
import {
  NUMERIC_MAX_DISPLAY_SCALE,
  NUMERIC_MAX_INT_DIGITS,
  NUMERIC_MIN_SIG_DIGITS,
  NumericKind,
  Numeric,
  digitCount,
  numericOverflow,
  pow10,
} from './numeric-value.js';

const { finite: FINITE, nan: NAN, posInf: PINF, negInf: NINF } = NumericKind;

function zeroToNegative(): PgError {
  return new PgError(SQLSTATE.invalid_argument_for_power_function, 'zero raised to a negative power is undefined');
}

function complexResult(): PgError {
  return new PgError(
    SQLSTATE.invalid_argument_for_power_function,
    'a negative number raised to a non-integer power yields a complex result',
  );
}

function clampScale(rscale: number, ...scales: number[]): number {
  return Math.min(Math.max(rscale, ...scales, 0), NUMERIC_MAX_DISPLAY_SCALE);
}

/** The integer value of an integral finite numeric. */
function integerValue(y: Numeric): bigint {
  return y.scale === 0 ? y.coef : y.coef / pow10(y.scale);
}

/** Whether y is an odd integer (finite). */
function isOddInteger(y: Numeric): boolean {
  return y.isInteger() && (integerValue(y) & 1n) === 1n;
}

function powerSpecial(x: Numeric, y: Numeric): Numeric {
  if (x.kind === NAN) return y.kind === FINITE && y.coef === 0n ? Numeric.ONE : Numeric.NaN;
  if (y.kind === NAN) return x.kind === FINITE && x.coef === pow10(x.scale) ? Numeric.ONE : Numeric.NaN;
  const sx = x.signum();
  const sy = y.signum();
  if (sx === 0 && sy < 0) throw zeroToNegative();
  if (sx < 0 && y.kind === FINITE && !y.isInteger()) throw complexResult();
  if (x.kind !== FINITE) {
    if (sy === 0) return Numeric.ONE;
    if (sy < 0) return Numeric.ZERO;
    if (x.kind === NINF && y.kind === FINITE && isOddInteger(y)) return Numeric.NEGATIVE_INFINITY;
    return Numeric.POSITIVE_INFINITY;
  }
  // Finite base, infinite exponent: compare |x| with 1.
  const ax = x.coef < 0n ? -x.coef : x.coef;
  const one = pow10(x.scale);
  if (ax === one) return Numeric.ONE;
  const bigger = ax > one;
  if (y.kind === PINF) return bigger ? Numeric.POSITIVE_INFINITY : Numeric.ZERO;
  return bigger ? Numeric.ZERO : Numeric.POSITIVE_INFINITY;
}

/**
 * power(x, y): `zero raised to a negative power is undefined` and `a negative number raised to a
 * non-integer power yields a complex result` (2201F); `value overflows numeric format` (22003).
 *
 * @example
 * numericPower(parseNumeric('2'), parseNumeric('10')).toString(); // '1024.0000000000000'
 */
export function numericPower(x: Numeric, y: Numeric): Numeric {
  if (x.kind !== FINITE || y.kind !== FINITE) return powerSpecial(x, y);
  const sx = x.signum();
  if (sx === 0 && y.coef < 0n) throw zeroToNegative();
  const yInt = y.isInteger();
  if (sx < 0 && !yInt) throw complexResult();
  if (yInt) {
    const n = integerValue(y);
    if (n >= -2147483648n && n <= 2147483647n) return powerInt(x, Number(n), y.scale);
  }
  if (sx === 0) return Numeric.unchecked(0n, NUMERIC_MIN_SIG_DIGITS);
  return powerGeneral(x, y);
}

/** base^y for a non-integer (or huge integer) y, through exp(y ln |base|). */
function powerGeneral(x: Numeric, y: Numeric): Numeric {
  const negative = x.coef < 0n && isOddInteger(y);
  const base = x.coef < 0n ? Numeric.unchecked(-x.coef, x.scale) : x;
  // A low-precision y * ln(base) estimates the result's weight, as Postgres does.
  const lnScale = Math.max(8 - lnDecimalWeight(base), 0);
  const lnBase = roundComputed((w) => lnFixed(base.coef, base.scale, w), lnScale);
  const lnNum = roundCoef(lnBase.coef * y.coef, lnScale + y.scale, lnScale);
  const t = approxNumber(lnNum, lnScale);
  if (Math.abs(t) > 6020) {
    if (t > 0) throw numericOverflow();
    return Numeric.unchecked(0n, NUMERIC_MAX_DISPLAY_SCALE);
  }
  const dweight = t * 0.434294481903252;
  const rscale = clampScale(NUMERIC_MIN_SIG_DIGITS - Math.trunc(dweight), x.scale, y.scale);
  if (Math.abs(t) >= 6000) {
    if (t > 0) throw numericOverflow();
    return Numeric.unchecked(0n, rscale);
  }
  const yDigits = Math.max(0, digitCount(y.coef) - y.scale);
  const extra = Math.max(0, Math.ceil(dweight)) + yDigits + 4;
  const r = roundComputed((w) => {
    const lb = lnFixed(base.coef, base.scale, w + extra);
    const prod = (lb * y.coef) / pow10(y.scale);
    return expFixed(prod, w + extra, w);
  }, rscale);
  return negative && r.coef !== 0n ? Numeric.unchecked(-r.coef, r.scale) : r;
}

/** Decimal log10 estimate of |x|^n from the leading base-10000 groups of x, as Postgres makes it. */
function resultWeightEstimate(x: Numeric, n: number): number {
  if (x.coef === 0n) return 0;
  const digits = (x.coef < 0n ? -x.coef : x.coef).toString();
  const e = digits.length - 1 - x.scale;
  const weight = Math.floor(e / 4);
  const g = e - 4 * weight + 1;
  // Postgres strips trailing zero groups: only groups holding a nonzero digit count.
  let lastNonzero = digits.length - 1;
  while (digits.charCodeAt(lastNonzero) === 48) lastNonzero--;
  let f = Number(digits.slice(0, g).padEnd(g, '0'));
  let p = weight * 4;
  for (let i = 1, start = g; i < 4 && start <= lastNonzero; i++, start += 4) {
    f = f * 10000 + Number(digits.slice(start, start + 4).padEnd(4, '0'));
    p -= 4;
  }
  return n * (Math.log10(f) + p);
}

/** x^n for an integer n that fits in int32. */
function powerInt(x: Numeric, n: number, expScale: number): Numeric {
  const f = resultWeightEstimate(x, n);
  const rscale = clampScale(NUMERIC_MIN_SIG_DIGITS - Math.trunc(f), x.scale, expScale);
  if (n === 0) return Numeric.unchecked(pow10(rscale), rscale);
  if (x.coef === 0n) return Numeric.unchecked(0n, rscale);
  if (f > NUMERIC_MAX_INT_DIGITS + 1) throw numericOverflow();
  if (f + 2 < -rscale) return Numeric.unchecked(0n, rscale);
  const m = Math.abs(n);
  const neg = x.coef < 0n && (m & 1) === 1;
  const ac = x.coef < 0n ? -x.coef : x.coef;
  let r: Numeric;
  if (digitCount(ac) * m <= 4000) {
    const p = ac ** BigInt(m);
    const s = x.scale * m;
    if (n > 0) {
      r = Numeric.of(s > rscale ? roundCoef(p, s, rscale) : p * pow10(rscale - s), rscale);
    } else {
      r = divideRounded(Numeric.unchecked(pow10(s), 0), Numeric.unchecked(p, 0), rscale);
    }
  } else {
    const fw = Math.ceil(Math.abs(f));
    r = roundComputed((w) => {
      const digitsNeeded = Math.max(0, Math.ceil(f) + w) + 10 + Math.ceil(Math.log10(m + 1)) * 2;
      const { mant, exp } = powTruncated(ac, m, digitsNeeded + (n < 0 ? fw : 0));
      // value * 10^w where value = mant * 10^(exp - scale*m), or its reciprocal.
      const k = exp - x.scale * m;
      if (n > 0) return w + k >= 0 ? mant * pow10(w + k) : mant / pow10(-(w + k));
      const e = w - k;
      return e >= 0 ? pow10(e) / mant : 0n;
    }, rscale);
    if (neg) r = Numeric.unchecked(-r.coef, r.scale);
    return Numeric.of(r.coef, r.scale);
  }
  return neg ? Numeric.unchecked(-r.coef, r.scale) : r;
}

/** c^m as mant * 10^exp, keeping about `digits` significant digits (relative error ~ m * 10^-digits). */
function powTruncated(c: bigint, m: number, digits: number): { mant: bigint; exp: number } {
  const limit = digits + 4;
  const trunc = (v: { mant: bigint; exp: number }): { mant: bigint; exp: number } => {
    // Cheap digit count from the bit length (may overestimate by one).
    const hex = v.mant.toString(16).length;
    const approxDigits = Math.floor(hex * 4 * 0.30103) + 1;
    if (approxDigits <= limit) return v;
    const drop = approxDigits - limit;
    return { mant: v.mant / pow10(drop), exp: v.exp + drop };
  };
  let result = { mant: 1n, exp: 0 };
  let b = trunc({ mant: c, exp: 0 });
  while (m > 0) {
    if (m & 1) result = trunc({ mant: result.mant * b.mant, exp: result.exp + b.exp });
    m = Math.floor(m / 2);
    if (m > 0) b = trunc({ mant: b.mant * b.mant, exp: b.exp * 2 });
  }
  return result;
}
