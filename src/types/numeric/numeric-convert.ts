/**
 * Casts between numeric and the other number types. numeric -> int2/int4/int8 rounds half away
 * from zero and raises `integer out of range` (22003) or `cannot convert NaN to integer` (0A000);
 * float -> numeric keeps 15 (float8) or 6 (float4) significant digits, as Postgres prints them
 * with `%.15g` / `%.6g`; numeric -> float goes through the decimal text, correctly rounded.
 *
 * Postgres counterpart: numeric_int2/4/8, int4_numeric, int8_numeric, float8_numeric,
 * float4_numeric, numeric_float8, numeric_float4 in src/backend/utils/adt/numeric.c.
 * Known gaps: none known.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { formatG } from '../float/float-format.js';
import { parseFloat4, parseFloat8 } from '../float/float-parse.js';
import { parseNumeric } from './numeric-input.js';
import { roundCoef } from './numeric-round.js';
import { NumericKind, Numeric } from './numeric-value.js';

type IntName = 'smallint' | 'integer' | 'bigint';

function toIntegerBig(x: Numeric, name: IntName, min: bigint, max: bigint): bigint {
  if (x.kind !== NumericKind.finite) {
    throw new PgError(
      SQLSTATE.feature_not_supported,
      `cannot convert ${x.kind === NumericKind.nan ? 'NaN' : 'infinity'} to ${name}`,
    );
  }
  const v = x.scale === 0 ? x.coef : roundCoef(x.coef, x.scale, 0);
  if (v < min || v > max) throw new PgError(SQLSTATE.numeric_value_out_of_range, `${name} out of range`);
  return v;
}

/** numeric -> smallint. */
export function numericToInt2(x: Numeric): number {
  return Number(toIntegerBig(x, 'smallint', -32768n, 32767n));
}

/** numeric -> integer. */
export function numericToInt4(x: Numeric): number {
  return Number(toIntegerBig(x, 'integer', -2147483648n, 2147483647n));
}

/** numeric -> bigint. */
export function numericToInt8(x: Numeric): bigint {
  return toIntegerBig(x, 'bigint', -9223372036854775808n, 9223372036854775807n);
}

/** int2/int4 (number) or int8 (bigint) -> numeric, scale 0. */
export function numericFromInt(v: number | bigint): Numeric {
  return Numeric.fromInt(v);
}

function fromFloat(v: number, digits: number): Numeric {
  if (v !== v) return Numeric.NaN;
  if (v === Infinity) return Numeric.POSITIVE_INFINITY;
  if (v === -Infinity) return Numeric.NEGATIVE_INFINITY;
  return parseNumeric(formatG(v, digits));
}

/**
 * float8 -> numeric: 15 significant digits (DBL_DIG).
 *
 * @example
 * numericFromFloat8(0.1 + 0.2).toString(); // '0.3'
 */
export function numericFromFloat8(v: number): Numeric {
  return fromFloat(v, 15);
}

/** float4 -> numeric: 6 significant digits (FLT_DIG). */
export function numericFromFloat4(v: number): Numeric {
  return fromFloat(v, 6);
}

/** numeric -> float8; `"1e400..." is out of range for type double precision` (22003) with the numeric's text. */
export function numericToFloat8(x: Numeric): number {
  if (x.kind !== NumericKind.finite) return x.kind === NumericKind.nan ? NaN : x.kind === NumericKind.posInf ? Infinity : -Infinity;
  if (x.scale === 0 && x.coef >= -9007199254740992n && x.coef <= 9007199254740992n) return Number(x.coef);
  return parseFloat8(x.toString());
}

/** numeric -> float4 (nearest float32); `... is out of range for type real` (22003). */
export function numericToFloat4(x: Numeric): number {
  if (x.kind !== NumericKind.finite) return x.kind === NumericKind.nan ? NaN : x.kind === NumericKind.posInf ? Infinity : -Infinity;
  return parseFloat4(x.toString());
}
