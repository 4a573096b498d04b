/**
 * Rounding and scale functions of numeric: round (half away from zero), trunc, ceil, floor,
 * scale, min_scale, trim_scale. A negative target scale rounds to tens, hundreds, ...
 *
 * Postgres counterpart: numeric_round / numeric_trunc / numeric_ceil / numeric_floor /
 * numeric_scale / numeric_min_scale / numeric_trim_scale in src/backend/utils/adt/numeric.c.
 * Known gaps: none known.
 */
import { NUMERIC_MAX_DSCALE, NUMERIC_MAX_INT_DIGITS, NumericKind, Numeric, pow10 } from './numeric-value.js';

/** Rounds `coef / 10^from` to `to` decimals (to < from), half away from zero; returns the new coef at scale `to`. */
export function roundCoef(coef: bigint, from: number, to: number): bigint {
  const d = pow10(from - to);
  const q = coef / d;
  const r = coef - q * d;
  if (r === 0n) return q;
  if (r > 0n) return r * 2n >= d ? q + 1n : q;
  return -r * 2n >= d ? q - 1n : q;
}

/** Truncation toward zero of `coef / 10^from` to `to` decimals (to < from). */
function truncCoef(coef: bigint, from: number, to: number): bigint {
  return coef / pow10(from - to);
}

function clampScale(s: number): number {
  // Rounding past the largest possible integer digit gives zero; beyond the max scale pads nothing more.
  if (s > NUMERIC_MAX_DSCALE) return NUMERIC_MAX_DSCALE;
  if (s < -(NUMERIC_MAX_INT_DIGITS + 1)) return -(NUMERIC_MAX_INT_DIGITS + 1);
  return s;
}

function roundOrTrunc(x: Numeric, s: number, round: boolean): Numeric {
  if (x.kind !== NumericKind.finite) return x;
  s = clampScale(Math.trunc(s));
  if (s >= x.scale) return s === x.scale ? x : Numeric.unchecked(x.coef * pow10(s - x.scale), s);
  const c = round ? roundCoef(x.coef, x.scale, s) : truncCoef(x.coef, x.scale, s);
  if (s >= 0) return Numeric.unchecked(c, s);
  return c === 0n ? Numeric.ZERO : Numeric.of(c * pow10(-s), 0);
}

/**
 * round(x, s): rounds half away from zero to s decimals (s may be negative); the result has
 * scale max(s, 0). NaN and infinities are returned unchanged.
 *
 * @example
 * numericRound(parseNumeric('-1.55'), 1).toString(); // '-1.6'
 * numericRound(parseNumeric('12345.678'), -2).toString(); // '12300'
 */
export function numericRound(x: Numeric, s = 0): Numeric {
  return roundOrTrunc(x, s, true);
}

/** trunc(x, s): truncates toward zero to s decimals; scale max(s, 0). */
export function numericTrunc(x: Numeric, s = 0): Numeric {
  return roundOrTrunc(x, s, false);
}

/** ceil(x): smallest integer >= x (scale 0). */
export function numericCeil(x: Numeric): Numeric {
  if (x.kind !== NumericKind.finite) return x;
  if (x.scale === 0) return x;
  const d = pow10(x.scale);
  let q = x.coef / d;
  if (x.coef > 0n && q * d !== x.coef) q += 1n;
  return Numeric.of(q, 0);
}

/** floor(x): largest integer <= x (scale 0). */
export function numericFloor(x: Numeric): Numeric {
  if (x.kind !== NumericKind.finite) return x;
  if (x.scale === 0) return x;
  const d = pow10(x.scale);
  let q = x.coef / d;
  if (x.coef < 0n && q * d !== x.coef) q -= 1n;
  return Numeric.of(q, 0);
}

/** scale(x): the display scale; null for NaN and infinities. */
export function numericScale(x: Numeric): number | null {
  return x.kind === NumericKind.finite ? x.scale : null;
}

/** Number of trailing zero digits of the fractional part of x (at most x.scale). */
function trailingFracZeros(x: Numeric): number {
  if (x.coef === 0n) return x.scale;
  let n = 0;
  let c = x.coef;
  // Strip four digits at a time, then one.
  while (n + 4 <= x.scale && c % 10000n === 0n) {
    c /= 10000n;
    n += 4;
  }
  while (n < x.scale && c % 10n === 0n) {
    c /= 10n;
    n++;
  }
  return n;
}

/** min_scale(x): the smallest scale that represents x exactly; null for NaN and infinities. */
export function numericMinScale(x: Numeric): number | null {
  if (x.kind !== NumericKind.finite) return null;
  return x.scale - trailingFracZeros(x);
}

/** trim_scale(x): x with trailing fractional zeros removed. */
export function numericTrimScale(x: Numeric): Numeric {
  if (x.kind !== NumericKind.finite || x.scale === 0) return x;
  const z = trailingFracZeros(x);
  return z === 0 ? x : Numeric.unchecked(x.coef / pow10(z), x.scale - z);
}
