/**
 * numeric sqrt, exp, ln, log10 and log(b, x), each rounded (half away from zero) at the result
 * scale Postgres chooses: about 16 significant digits judged from a cheap estimate of the result's
 * magnitude, at least the input's scale, at most 1000.
 *
 * Postgres counterpart: numeric_sqrt / numeric_exp / numeric_ln / numeric_log and
 * estimate_ln_dweight in src/backend/utils/adt/numeric.c.
 * Known gaps: see numeric-fixed.ts (ties closer than ~1e-40).
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { divideRounded, divisionByZero } from './numeric-arith.js';
import { approxNumber, expFixed, isqrt, lnFixed, roundComputed } from './numeric-fixed.js';
import {
  NUMERIC_MAX_DISPLAY_SCALE,
  NUMERIC_MIN_SIG_DIGITS,
  NumericKind,
  Numeric,
  digitCount,
  numericOverflow,
  pow10,
} from './numeric-value.js';

const { finite: FINITE, nan: NAN, posInf: PINF } = NumericKind;
const TEN = Numeric.fromInt(10);

function clampScale(rscale: number, ...scales: number[]): number {
  return Math.min(Math.max(rscale, ...scales, 0), NUMERIC_MAX_DISPLAY_SCALE);
}

/** Base-10000 weight of |x| (0 for zero), as Postgres's NumericVar. */
function nbaseWeight(coef: bigint, scale: number): number {
  if (coef === 0n) return 0;
  return Math.floor((digitCount(coef) - 1 - scale) / 4);
}

/**
 * sqrt(x): `cannot take square root of a negative number` (2201F) for x < 0.
 *
 * @example
 * numericSqrt(parseNumeric('2')).toString(); // '1.414213562373095'
 */
export function numericSqrt(x: Numeric): Numeric {
  if (x.kind !== FINITE) {
    if (x.kind === NAN || x.kind === PINF) return x;
    throw negativeSqrt();
  }
  if (x.coef < 0n) throw negativeSqrt();
  const w = nbaseWeight(x.coef, x.scale);
  const sweight = ((w + 1) * 4) / 2 - 1;
  const rscale = clampScale(NUMERIC_MIN_SIG_DIGITS - sweight, x.scale);
  // q = floor(sqrt(x) * 10^rscale); round up when sqrt(x) * 10^rscale > q + 1/2 (never equal).
  const e = 2 * rscale - x.scale;
  if (e >= 0) {
    const n = x.coef * pow10(e);
    const q = isqrt(n);
    const t = 2n * q + 1n;
    return Numeric.of(4n * n > t * t ? q + 1n : q, rscale);
  }
  // rscale was capped below half the input scale: floor(sqrt(floor(v))) = floor(sqrt(v)).
  const d = pow10(-e);
  const q = isqrt(x.coef / d);
  const t = 2n * q + 1n;
  return Numeric.of(4n * x.coef > t * t * d ? q + 1n : q, rscale);
}

function negativeSqrt(): PgError {
  return new PgError(SQLSTATE.invalid_argument_for_power_function, 'cannot take square root of a negative number');
}

/**
 * exp(x): `value overflows numeric format` (22003) from x >= 6000; tiny results round to zero.
 */
export function numericExp(x: Numeric): Numeric {
  if (x.kind !== FINITE) return x.kind === NumericKind.negInf ? Numeric.ZERO : x;
  const v = approxNumber(x.coef, x.scale);
  let dweight = v * 0.434294481903252;
  dweight = Math.min(Math.max(dweight, -2000), 2000);
  const rscale = clampScale(NUMERIC_MIN_SIG_DIGITS - Math.trunc(dweight), x.scale);
  if (Math.abs(v) >= 6000) {
    if (v > 0) throw numericOverflow();
    return Numeric.unchecked(0n, rscale);
  }
  return roundComputed((w) => expFixed(x.coef, x.scale, w), rscale);
}

/**
 * Postgres's estimate of the decimal weight of ln(x) (x > 0): from x - 1 when x is within
 * [0.9, 1.1], otherwise from the first eight digits of x.
 */
export function lnDecimalWeight(x: Numeric): number {
  const { coef, scale } = x;
  if (coef <= 0n) return 0;
  const p = pow10(scale);
  // 0.9 <= x <= 1.1  <=>  9p <= 10 coef <= 11p
  if (coef * 10n >= 9n * p && coef * 10n <= 11n * p) {
    const d = coef - p;
    if (d === 0n) return 0;
    return digitCount(d) - 1 - scale;
  }
  const digits = coef.toString();
  const e = digits.length - 1 - scale;
  const weight = Math.floor(e / 4);
  const g = e - 4 * weight + 1; // digits in the leading base-10000 group
  let lead = Number(digits.slice(0, g).padEnd(g, '0'));
  let dweight = weight * 4;
  let more = false;
  for (let i = g; i < digits.length; i++) {
    if (digits.charCodeAt(i) !== 48) {
      more = true;
      break;
    }
  }
  if (more) {
    lead = lead * 10000 + Number(digits.slice(g, g + 4).padEnd(4, '0'));
    dweight -= 4;
  }
  const lnv = Math.log(lead) + dweight * 2.302585092994046;
  return Math.trunc(Math.log10(Math.abs(lnv)));
}

function checkLogArg(x: Numeric): void {
  const s = x.signum();
  if (s === 0) throw new PgError(SQLSTATE.invalid_argument_for_logarithm, 'cannot take logarithm of zero');
  if (s < 0) throw new PgError(SQLSTATE.invalid_argument_for_logarithm, 'cannot take logarithm of a negative number');
}

/** ln(x): 2201E `cannot take logarithm of zero` / `... of a negative number`. */
export function numericLn(x: Numeric): Numeric {
  if (x.kind === NAN) return x;
  checkLogArg(x);
  if (x.kind === PINF) return x;
  const rscale = clampScale(NUMERIC_MIN_SIG_DIGITS - lnDecimalWeight(x), x.scale);
  return roundComputed((w) => lnFixed(x.coef, x.scale, w), rscale);
}

/** log(b, x): logarithm of x to base b; `division by zero` (22012) for b = 1. */
export function numericLog(b: Numeric, x: Numeric): Numeric {
  if (b.kind !== FINITE || x.kind !== FINITE) {
    if (b.kind === NAN || x.kind === NAN) return Numeric.NaN;
    // Negative arguments are reported before zero ones.
    if (b.signum() < 0 || x.signum() < 0) checkLogArg(b.signum() < 0 ? b : x);
    checkLogArg(b);
    checkLogArg(x);
    if (b.kind === PINF) return x.kind === PINF ? Numeric.NaN : Numeric.ZERO;
    return Numeric.POSITIVE_INFINITY;
  }
  checkLogArg(b);
  checkLogArg(x);
  const bw = lnDecimalWeight(b);
  const xw = lnDecimalWeight(x);
  const rscale = clampScale(NUMERIC_MIN_SIG_DIGITS - (xw - bw), b.scale, x.scale);
  if (b.coef === pow10(b.scale)) throw divisionByZero();
  // Work digits: the quotient amplifies errors by 1/|ln b| and by |ln x / ln b|.
  const extra = Math.max(0, -bw) + Math.max(0, xw - bw) + 4;
  return roundComputed((w) => {
    const lb = lnFixed(b.coef, b.scale, w + extra);
    const lx = lnFixed(x.coef, x.scale, w + extra);
    return divideRounded(Numeric.unchecked(lx, 0), Numeric.unchecked(lb, 0), w).coef;
  }, rscale);
}

/** log10(x) (Postgres's one-argument log): log(10, x). */
export function numericLog10(x: Numeric): Numeric {
  return numericLog(TEN, x);
}
