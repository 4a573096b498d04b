/**
 * Fixed-point BigInt kernels behind numeric's transcendental functions: ln and exp to any number
 * of decimals, the constants ln 2 and ln 10, integer square root, and a correctly rounding driver
 * that retries with more guard digits when a result lies too close to a rounding boundary.
 * A fixed-point value `X` at precision `W` stands for `X / 10^W`.
 *
 * Postgres counterpart: ln_var / exp_var / sqrt_var in src/backend/utils/adt/numeric.c (Postgres
 * uses base-10000 arithmetic with its own guard digits; we aim for correctly rounded results,
 * which is what Postgres's guard digits achieve in practice).
 * Known gaps: results within ~1e-40 relative of a rounding tie may round differently from Postgres.
 */
import { Numeric, digitCount, pow10 } from './numeric-value.js';

/** Integer square root floor(sqrt(n)) for n >= 0. */
export function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  // Start from a double estimate scaled into range, then Newton.
  const bits = n.toString(16).length * 4;
  let x: bigint;
  if (bits < 1000) x = BigInt(Math.floor(Math.sqrt(Number(n)))) + 1n;
  else {
    const shift = BigInt(((bits - 100) >> 1) << 1);
    x = (BigInt(Math.floor(Math.sqrt(Number(n >> shift)))) + 1n) << (shift / 2n);
  }
  // One Newton step lands at or above sqrt(n) (AM-GM); from there the iteration decreases to it.
  x = (x + n / x) >> 1n;
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) break;
    x = y;
  }
  return x;
}

/** 2 * atanh(1/q) * 10^w for an integer q >= 3 (series in 1/q^2). */
function atanhInvFixed(q: bigint, w: number): bigint {
  const one = pow10(w);
  const q2 = q * q;
  let term = one / q;
  let sum = term;
  for (let k = 3n; term !== 0n; k += 2n) {
    term /= q2;
    sum += term / k;
  }
  return 2n * sum;
}

let ln2Cache: { w: number; v: bigint } = { w: 0, v: 0n };
let ln10Cache: { w: number; v: bigint } = { w: 0, v: 0n };

/** ln 2 * 10^w (error below one unit). */
export function ln2Fixed(w: number): bigint {
  if (ln2Cache.w < w) {
    const ww = w + 30;
    ln2Cache = { w: ww, v: atanhInvFixed(3n, ww + 10) / pow10(10) };
  }
  return ln2Cache.v / pow10(ln2Cache.w - w);
}

/** ln 10 * 10^w (error below one unit): ln 10 = 3 ln 2 + ln(5/4), ln(5/4) = 2 atanh(1/9). */
export function ln10Fixed(w: number): bigint {
  if (ln10Cache.w < w) {
    const ww = w + 30;
    ln10Cache = { w: ww, v: (3n * ln2Fixed(ww + 10) + atanhInvFixed(9n, ww + 10)) / pow10(10) };
  }
  return ln10Cache.v / pow10(ln10Cache.w - w);
}

/**
 * ln(coef / 10^scale) * 10^w for a positive value; absolute error below 1e-(w+5) plus truncation.
 */
export function lnFixed(coef: bigint, scale: number, w: number): bigint {
  const wg = w + 12 + Math.ceil(Math.log10(w + 10));
  const one = pow10(wg);
  const len = digitCount(coef);
  // x = M * 10^e with M in [1, 10); then M = y * 2^j with y in [0.7, 1.42].
  const e = len - 1 - scale;
  const lead = Number((coef.toString() + '000').slice(0, 4)) / 1000;
  const j = Math.round(Math.log2(lead));
  // y * 10^wg = coef * 10^wg / (10^(len-1) * 2^j)
  let y = (coef * one) / pow10(len - 1);
  if (j > 0) y >>= BigInt(j);
  const z = ((y - one) * one) / (y + one);
  // 2 * atanh(z) = 2 * (z + z^3/3 + z^5/5 + ...)
  const z2 = (z * z) / one;
  let term = z;
  let sum = z;
  for (let k = 3n; term !== 0n; k += 2n) {
    term = (term * z2) / one;
    sum += term / k;
  }
  const extra = Math.ceil(Math.log10(Math.abs(e) + 1)) + 2;
  let r = 2n * sum;
  if (j !== 0) r += BigInt(j) * ln2Fixed(wg);
  if (e !== 0) r += (BigInt(e) * ln10Fixed(wg + extra)) / pow10(extra);
  return r / pow10(wg - w);
}

/** A double close to coef / 10^scale (any size of coef and scale). */
export function approxNumber(coef: bigint, scale: number): number {
  return scale === 0 ? Number(coef) : Number(`${coef}e-${scale}`);
}

/**
 * exp(t / 10^tScale) * 10^w with an absolute error of at most a unit or two.
 * `t / 10^tScale` must be at most ~6100 in magnitude.
 */
export function expFixed(t: bigint, tScale: number, w: number): bigint {
  // Digits of the integer part of the result, to size the working precision.
  const approx = approxNumber(t, tScale);
  const intDigits = Math.max(0, Math.ceil(approx * Math.LOG10E)) + 1;
  const wg = w + intDigits + 15 + Math.ceil(Math.log10(w + 10));
  const one = pow10(wg);
  // t = n ln 2 + r with |r| <= ln2/2; exp(t) = 2^n exp(r).
  const n = Math.round(approx / Math.LN2);
  const nExtra = Math.ceil(Math.log10(Math.abs(n) + 1)) + 2;
  let r = tScale <= wg ? t * pow10(wg - tScale) : t / pow10(tScale - wg);
  if (n !== 0) r -= (BigInt(n) * ln2Fixed(wg + nExtra)) / pow10(nExtra);
  // Halve k times, sum the Taylor series, square k times.
  const k = 8;
  r /= 256n;
  let term = one;
  let sum = one;
  for (let i = 1n; term !== 0n; i++) {
    term = (term * r) / one / i;
    sum += term;
  }
  for (let i = 0; i < k; i++) sum = (sum * sum) / one;
  if (n > 0) sum <<= BigInt(n);
  else if (n < 0) sum >>= BigInt(-n);
  return sum / pow10(wg - w);
}

/**
 * Rounds a computed value to `rscale` decimals, half away from zero. `compute(w)` must return the
 * value times 10^w with an error of a few units at most; guard digits are added until the
 * rounding decision is unambiguous (or a retry limit is reached, for exact ties).
 */
export function roundComputed(compute: (w: number) => bigint, rscale: number): Numeric {
  let guard = 12;
  for (let attempt = 0; ; attempt++) {
    const v = compute(rscale + guard);
    const unit = pow10(guard);
    const q = v / unit;
    const r = v - q * unit;
    const ar = r < 0n ? -r : r;
    const half = unit / 2n;
    const d = ar - half;
    if (attempt < 3 && (d < 0n ? -d : d) <= 100n) {
      guard += 20 + attempt * 40;
      continue;
    }
    const c = ar >= half ? (v < 0n ? q - 1n : q + 1n) : q;
    return Numeric.of(c, rscale);
  }
}
