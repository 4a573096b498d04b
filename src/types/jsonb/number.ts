/**
 * jsonb numbers are `Numeric`s. Every use of the numeric module from the jsonb code goes through
 * this file, so that jsonb depends on four numeric functions only: `parseNumeric`, `toString`,
 * `compareNumeric`, `numericHashKey`.
 *
 * Postgres counterpart: the numeric_in / numeric_out / cmp_numerics calls in
 * src/backend/utils/adt/jsonb.c and jsonb_util.c.
 */
import { Numeric, compareNumeric, numericHashKey } from '../numeric/numeric-value.js';
import { parseNumeric } from '../numeric/numeric-input.js';

export { Numeric };

/** A JSON number token (already validated by the JSON lexer) as a Numeric (numeric_in). */
export function parseJsonNumber(text: string): Numeric {
  return parseNumeric(text);
}

/** numeric_out. */
export function formatJsonNumber(n: Numeric): string {
  return n.toString();
}

/** Numeric order (1.0 equals 1). */
export function compareJsonNumbers(a: Numeric, b: Numeric): number {
  return compareNumeric(a, b);
}

/** A hash key equal for numerically equal values. */
export function jsonNumberHashKey(n: Numeric): string {
  return String(numericHashKey(n));
}

/** Whether `v` is a jsonb number. */
export function isJsonNumber(v: unknown): v is Numeric {
  return v instanceof Numeric;
}

/** A JS number or bigint as a Numeric, through its decimal text (`1e+21` is valid numeric input). */
export function jsonNumberFromJs(n: number | bigint): Numeric {
  return parseNumeric(typeof n === 'bigint' ? n.toString() : String(n));
}
