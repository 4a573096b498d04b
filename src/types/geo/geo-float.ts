/**
 * The float8 arithmetic the geometric code uses: Postgres's fuzzy comparisons (EPSILON = 1e-6),
 * the NaN-aware float8 comparisons of float.h, overflow-checked arithmetic and hypot().
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

/**
 * C's hypot(). V8's Math.hypot returns what glibc's does (checked against the oracle on thousands of
 * random pairs; a correctly rounded sqrt(x² + y²) differs from both in the last bit).
 */
export const hypot = Math.hypot;
