/**
 * The contract every type family implements: text input and output with Postgres's exact
 * behaviour, a total order for sorting and b-tree indexes, and a hash key for hashing operators.
 *
 * Postgres counterpart: a type's typinput/typoutput functions and its btree/hash opclass support.
 */
import type { Value } from './values.js';

/** Session settings that change how values are read and printed. */
export interface IoContext {
  /** IANA zone name or a fixed offset such as `UTC`, `+02`, `America/New_York`. Default `UTC`. */
  timeZone: string;
  /** `ISO, MDY` by default; only ISO output is required for now. */
  dateStyle: string;
  /** `postgres` by default. */
  intervalStyle: string;
  /** Postgres's extra_float_digits; default 1 (shortest exact output). */
  extraFloatDigits: number;
  /** `hex` by default. */
  byteaOutput: 'hex' | 'escape';
}

export const DEFAULT_IO_CONTEXT: IoContext = {
  timeZone: 'UTC',
  dateStyle: 'ISO, MDY',
  intervalStyle: 'postgres',
  extraFloatDigits: 1,
  byteaOutput: 'hex',
};

/**
 * Input/output and ordering of one type. `typmod` is Postgres's type modifier (-1 when absent;
 * for varchar(n) it is n + 4, for numeric(p,s) it is ((p << 16) | s) + 4, for timestamp(p) it is p).
 */
export interface TypeIO<V extends Value = Value> {
  /** Parses Postgres's text form; throws PgError with Postgres's SQLSTATE and message. */
  input(text: string, typmod: number, ctx: IoContext): V;
  /** Postgres's text output, byte for byte. */
  output(value: V, ctx: IoContext): string;
  /** Total order (negative/zero/positive), the one Postgres's btree opclass uses. */
  compare(a: V, b: V): number;
  /** A key such that equal values (by `compare`) have equal keys. */
  hashKey(value: V): string | number | bigint | boolean;
  /**
   * Coerces a value to a type modifier (length, precision, scale); `isExplicit` as in Postgres's
   * length-coercion functions (explicit casts to varchar(n) truncate; assignment raises 22001).
   */
  applyTypmod?(value: V, typmod: number, isExplicit: boolean): V;
}
