/**
 * The float8 arithmetic the geometric code uses: Postgres's fuzzy comparisons (EPSILON = 1e-6),
 * the NaN-aware float8 comparisons of float.h, overflow-checked arithmetic and a hypot() rounded
 * like glibc's.
 *
 * Postgres counterpart: src/include/utils/geo_decls.h (FPzero, FPeq, FPlt, ...) and
 * src/include/utils/float.h (float8_pl, float8_mi, float8_mul, float8_div, float8_lt, ...).
 * Known gaps: none known.
 */
import { float8Add, float8Div, float8Mul, float8Sub } from '../float.js';

const EPSILON = 1.0e-6;

export const FPzero = (a: number): boolean => Math.abs(a) <= EPSILON;
export const FPeq = (a: number, b: number): boolean => a === b || Math.abs(a - b) <= EPSILON;
export const FPne = (a: number, b: number): boolean => a !== b && Math.abs(a - b) > EPSILON;
export const FPlt = (a: number, b: number): boolean => a + EPSILON < b;
export const FPle = (a: number, b: number): boolean => a <= b + EPSILON;
export const FPgt = (a: number, b: number): boolean => a > b + EPSILON;
export const FPge = (a: number, b: number): boolean => a + EPSILON >= b;

export const pl = float8Add;
export const mi = float8Sub;
export const mul = float8Mul;
export const div = float8Div;

/** float8_eq: NaN equals NaN. */
export const feq = (a: number, b: number): boolean => (a !== a ? b !== b : b === b && a === b);
/** float8_lt: NaN sorts above everything. */
export const flt = (a: number, b: number): boolean => (a !== a ? false : b !== b || a < b);
/** float8_gt. */
export const fgt = (a: number, b: number): boolean => (a !== a ? b === b : b === b && a > b);
export const fmin = (a: number, b: number): number => (flt(a, b) ? a : b);
export const fmax = (a: number, b: number): number => (fgt(a, b) ? a : b);

/** Veltkamp split of a double into high and low halves (for exact products). */
function split(a: number): [number, number] {
  const c = 134217729 * a; // 2^27 + 1
  const hi = c - (c - a);
  return [hi, a - hi];
}

/** The exact error of a*a: a*a = p + err. */
function squareError(a: number, p: number): number {
  const [h, l] = split(a);
  return h * h - p + 2 * h * l + l * l;
}

/**
 * C's hypot(): sqrt(x² + y²) without undue overflow, correctly rounded in practice (Math.hypot
 * can be off by one unit in the last place, which extra_float_digits = 1 output shows).
 */
export function hypot(x: number, y: number): number {
  let a = Math.abs(x);
  let b = Math.abs(y);
  if (a === Infinity || b === Infinity) return Infinity;
  if (a !== a || b !== b) return NaN;
  if (a < b) [a, b] = [b, a];
  if (b === 0) return a;
  // Scale into a range where the squares neither overflow nor lose bits to underflow.
  let scale = 1;
  if (a > 2 ** 500) {
    scale = 2 ** 600;
    a *= 2 ** -600;
    b *= 2 ** -600;
  } else if (a < 2 ** -500) {
    scale = 2 ** -600;
    a *= 2 ** 600;
    b *= 2 ** 600;
  }
  const aa = a * a;
  const bb = b * b;
  const s = aa + bb;
  let h = Math.sqrt(s);
  // Exact residual (a² + b²) - h², from the error terms of each product and of the sum.
  const sumErr = aa >= bb ? aa - s + bb : bb - s + aa;
  const hh = h * h;
  const resid = s - hh + (squareError(a, aa) + squareError(b, bb) + sumErr) - squareError(h, hh);
  h += resid / (2 * h);
  return h * scale;
}
