/**
 * numeric(p, s) type modifiers: encoding `((p << 16) | (s & 0x7ff)) + 4` (negative scales as in
 * PG 15+), validation of `numeric(p, s)` declarations, and coercion of a value to a typmod
 * (round to s digits, then `numeric field overflow` if it needs more than p - s integer digits).
 *
 * Postgres counterpart: numerictypmodin / apply_typmod / apply_typmod_special in
 * src/backend/utils/adt/numeric.c.
 * Known gaps: none known.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { NumericKind, Numeric, pow10 } from './numeric-value.js';
import { numericRound } from './numeric-round.js';

/** Largest precision numeric(p, s) accepts. */
export const NUMERIC_MAX_PRECISION = 1000;
const NUMERIC_MIN_SCALE = -1000;
const NUMERIC_MAX_SCALE = 1000;

/**
 * Encodes numeric(p, s) as Postgres's typmod, validating the ranges like `numerictypmodin`
 * (22023 `NUMERIC precision 0 must be between 1 and 1000`).
 *
 * @example
 * numericTypmod(5, 2); // 327686
 * numericTypmod(5, -2); // 329730
 */
export function numericTypmod(precision: number, scale = 0): number {
  if (precision < 1 || precision > NUMERIC_MAX_PRECISION) {
    throw new PgError(SQLSTATE.invalid_parameter_value, `NUMERIC precision ${precision} must be between 1 and ${NUMERIC_MAX_PRECISION}`);
  }
  if (scale < NUMERIC_MIN_SCALE || scale > NUMERIC_MAX_SCALE) {
    throw new PgError(
      SQLSTATE.invalid_parameter_value,
      `NUMERIC scale ${scale} must be between ${NUMERIC_MIN_SCALE} and ${NUMERIC_MAX_SCALE}`,
    );
  }
  return ((precision << 16) | (scale & 0x7ff)) + 4;
}

/** The precision of a numeric typmod (undefined for -1). */
export function numericTypmodPrecision(typmod: number): number | undefined {
  return typmod < 4 ? undefined : ((typmod - 4) >> 16) & 0xffff;
}

/** The scale of a numeric typmod, sign-extended from 11 bits (undefined for -1). */
export function numericTypmodScale(typmod: number): number | undefined {
  return typmod < 4 ? undefined : (((typmod - 4) & 0x7ff) ^ 1024) - 1024;
}

/**
 * Coerces `x` to numeric(p, s): NaN passes, infinities and too-large values raise
 * 22003 `numeric field overflow` with Postgres's detail; otherwise rounds to scale s.
 *
 * @example
 * applyNumericTypmod(parseNumeric('123.456'), numericTypmod(5, 2)).toString(); // '123.46'
 */
export function applyNumericTypmod(x: Numeric, typmod: number): Numeric {
  if (typmod < 4 || x.kind === NumericKind.nan) return x;
  const precision = ((typmod - 4) >> 16) & 0xffff;
  const scale = (((typmod - 4) & 0x7ff) ^ 1024) - 1024;
  if (x.kind !== NumericKind.finite) {
    throw new PgError(SQLSTATE.numeric_value_out_of_range, 'numeric field overflow', {
      detail: `A field with precision ${precision}, scale ${scale} cannot hold an infinite value.`,
    });
  }
  const r = x.scale === scale ? x : numericRound(x, scale);
  if (r.coef === 0n) return r;
  // r has scale max(scale, 0); its integer digits must be fewer than precision - scale.
  const limit = pow10(scale >= 0 ? precision : precision - scale);
  if (r.coef >= limit || r.coef <= -limit) {
    const maxDigits = precision - scale;
    throw new PgError(SQLSTATE.numeric_value_out_of_range, 'numeric field overflow', {
      detail: `A field with precision ${precision}, scale ${scale} must round to an absolute value less than ${maxDigits === 0 ? '1' : `10^${maxDigits}`}.`,
    });
  }
  return r;
}
