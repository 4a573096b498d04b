/**
 * numeric arithmetic: + - * / % div(), unary minus, abs, sign, gcd, lcm, with Postgres's
 * result scales (sum: max of the scales; product: sum of the scales; quotient: see
 * `divisionScale`) and its rules for NaN and the infinities.
 *
 * Postgres counterpart: numeric_add / numeric_sub / numeric_mul / numeric_div / numeric_mod /
 * numeric_div_trunc / numeric_uminus / numeric_abs / numeric_sign / numeric_gcd / numeric_lcm and
 * select_div_scale in src/backend/utils/adt/numeric.c.
 * Known gaps: none known.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import {
  NUMERIC_MAX_DISPLAY_SCALE,
  NUMERIC_MAX_DSCALE,
  NUMERIC_MIN_SIG_DIGITS,
  NumericKind,
  Numeric,
  pow10,
} from './numeric-value.js';
import { roundCoef } from './numeric-round.js';

const { finite: FINITE, nan: NAN, posInf: PINF, negInf: NINF } = NumericKind;

/** `division by zero` (22012). */
export function divisionByZero(): PgError {
  return new PgError(SQLSTATE.division_by_zero, 'division by zero');
}

/** x + y. Infinity + -Infinity is NaN. */
export function numericAdd(x: Numeric, y: Numeric): Numeric {
  if (x.kind !== FINITE || y.kind !== FINITE) {
    if (x.kind === NAN || y.kind === NAN) return Numeric.NaN;
    if (x.kind === FINITE) return y;
    if (y.kind === FINITE || y.kind === x.kind) return x;
    return Numeric.NaN;
  }
  if (x.scale === y.scale) return Numeric.of(x.coef + y.coef, x.scale);
  if (x.scale > y.scale) return Numeric.of(x.coef + y.coef * pow10(x.scale - y.scale), x.scale);
  return Numeric.of(x.coef * pow10(y.scale - x.scale) + y.coef, y.scale);
}

/** x - y. Infinity - Infinity is NaN. */
export function numericSub(x: Numeric, y: Numeric): Numeric {
  return numericAdd(x, numericNeg(y));
}

/** -x (Postgres has no negative zero). */
export function numericNeg(x: Numeric): Numeric {
  if (x.kind !== FINITE) return x.kind === PINF ? Numeric.NEGATIVE_INFINITY : x.kind === NINF ? Numeric.POSITIVE_INFINITY : x;
  return x.coef === 0n ? x : Numeric.unchecked(-x.coef, x.scale);
}

/** abs(x). */
export function numericAbs(x: Numeric): Numeric {
  if (x.kind !== FINITE) return x.kind === NINF ? Numeric.POSITIVE_INFINITY : x;
  return x.coef < 0n ? Numeric.unchecked(-x.coef, x.scale) : x;
}

/** sign(x): -1, 0 or 1 (scale 0); NaN for NaN; ±1 for the infinities. */
export function numericSign(x: Numeric): Numeric {
  if (x.kind === NAN) return Numeric.NaN;
  const s = x.signum();
  return s === 0 ? Numeric.ZERO : s > 0 ? Numeric.ONE : Numeric.unchecked(-1n, 0);
}

function infinityWithSign(sign: number): Numeric {
  return sign > 0 ? Numeric.POSITIVE_INFINITY : Numeric.NEGATIVE_INFINITY;
}

/** x * y; the scale is the sum of the scales (capped at 16383, rounding). Infinity * 0 is NaN. */
export function numericMul(x: Numeric, y: Numeric): Numeric {
  if (x.kind !== FINITE || y.kind !== FINITE) {
    if (x.kind === NAN || y.kind === NAN) return Numeric.NaN;
    const s = x.signum() * y.signum();
    return s === 0 ? Numeric.NaN : infinityWithSign(s);
  }
  const scale = x.scale + y.scale;
  const c = x.coef * y.coef;
  if (scale > NUMERIC_MAX_DSCALE) return Numeric.of(roundCoef(c, scale, NUMERIC_MAX_DSCALE), NUMERIC_MAX_DSCALE);
  return Numeric.of(c, scale);
}

/**
 * The base-10000 weight of |x| (index of its leading 4-digit group; 0 for zero) and the value of
 * that leading group, as Postgres's NumericVar would hold them. Several result-scale rules use these.
 */
export function nbaseLeading(coef: bigint, scale: number): { weight: number; first: number } {
  if (coef === 0n) return { weight: 0, first: 0 };
  const digits = (coef < 0n ? -coef : coef).toString();
  const e = digits.length - 1 - scale; // decimal exponent of the leading digit
  const weight = Math.floor(e / 4);
  const g = e - 4 * weight + 1; // digit positions of the leading group, from the leading digit down
  return { weight, first: Number(digits.slice(0, g).padEnd(g, '0')) };
}

/**
 * The scale Postgres gives x / y: enough for 16 significant digits judging by the base-10000
 * weights of the operands, at least either operand's scale, at most 1000.
 */
export function divisionScale(x: Numeric, y: Numeric): number {
  const a = nbaseLeading(x.coef, x.scale);
  const b = nbaseLeading(y.coef, y.scale);
  let qweight = a.weight - b.weight;
  if (a.first <= b.first) qweight--;
  let rscale = NUMERIC_MIN_SIG_DIGITS - qweight * 4;
  rscale = Math.max(rscale, x.scale, y.scale, 0);
  return Math.min(rscale, NUMERIC_MAX_DISPLAY_SCALE);
}

/**
 * x / y rounded half away from zero at `rscale` decimals (both finite, y nonzero). Exact.
 */
export function divideRounded(x: Numeric, y: Numeric, rscale: number): Numeric {
  const e = rscale + y.scale - x.scale;
  let num = x.coef;
  let den = y.coef;
  if (e > 0) num *= pow10(e);
  else if (e < 0) den *= pow10(-e);
  let q = num / den;
  const r = num - q * den;
  if (r !== 0n) {
    const ar = r < 0n ? -r : r;
    const ad = den < 0n ? -den : den;
    if (ar * 2n >= ad) q += (num < 0n) !== (den < 0n) ? -1n : 1n;
  }
  return Numeric.of(q, rscale);
}

/** x / y with Postgres's result scale; `division by zero` (22012) when y is 0. */
export function numericDiv(x: Numeric, y: Numeric): Numeric {
  if (x.kind !== FINITE || y.kind !== FINITE) {
    if (x.kind === NAN || y.kind === NAN) return Numeric.NaN;
    if (x.kind !== FINITE) {
      if (y.kind !== FINITE) return Numeric.NaN;
      const s = y.signum();
      if (s === 0) throw divisionByZero();
      return infinityWithSign(x.signum() * s);
    }
    return Numeric.ZERO; // finite / ±Infinity
  }
  if (y.coef === 0n) throw divisionByZero();
  return divideRounded(x, y, divisionScale(x, y));
}

/** Aligns two finite values to the larger scale. */
function aligned(x: Numeric, y: Numeric): [bigint, bigint, number] {
  if (x.scale === y.scale) return [x.coef, y.coef, x.scale];
  if (x.scale > y.scale) return [x.coef, y.coef * pow10(x.scale - y.scale), x.scale];
  return [x.coef * pow10(y.scale - x.scale), y.coef, y.scale];
}

/** x % y: remainder of truncating division, with the sign of x; scale max of the scales. */
export function numericMod(x: Numeric, y: Numeric): Numeric {
  if (x.kind !== FINITE || y.kind !== FINITE) {
    if (x.kind === NAN || y.kind === NAN) return Numeric.NaN;
    if (x.kind !== FINITE) {
      if (y.kind === FINITE && y.coef === 0n) throw divisionByZero();
      return Numeric.NaN;
    }
    return x; // finite % ±Infinity
  }
  if (y.coef === 0n) throw divisionByZero();
  const [a, b, scale] = aligned(x, y);
  return Numeric.unchecked(a % b, scale);
}

/** div(x, y): the quotient truncated toward zero, scale 0. */
export function numericDivTrunc(x: Numeric, y: Numeric): Numeric {
  if (x.kind !== FINITE || y.kind !== FINITE) {
    if (x.kind === NAN || y.kind === NAN) return Numeric.NaN;
    if (x.kind !== FINITE) {
      if (y.kind !== FINITE) return Numeric.NaN;
      const s = y.signum();
      if (s === 0) throw divisionByZero();
      return infinityWithSign(x.signum() * s);
    }
    return Numeric.ZERO;
  }
  if (y.coef === 0n) throw divisionByZero();
  const [a, b] = aligned(x, y);
  return Numeric.of(a / b, 0);
}

function bigGcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/** gcd(x, y): greatest common divisor (>= 0), scale max of the scales; NaN if either is not finite. */
export function numericGcd(x: Numeric, y: Numeric): Numeric {
  if (x.kind !== FINITE || y.kind !== FINITE) return Numeric.NaN;
  const [a, b, scale] = aligned(x, y);
  return Numeric.unchecked(bigGcd(a, b), scale);
}

/** lcm(x, y): least common multiple (>= 0), scale max of the scales; 0 if either is 0. */
export function numericLcm(x: Numeric, y: Numeric): Numeric {
  if (x.kind !== FINITE || y.kind !== FINITE) return Numeric.NaN;
  const [a, b, scale] = aligned(x, y);
  if (a === 0n || b === 0n) return Numeric.unchecked(0n, scale);
  const l = (a / bigGcd(a, b)) * b;
  return Numeric.of(l < 0n ? -l : l, scale);
}
