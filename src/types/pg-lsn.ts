/**
 * pg_lsn: a write-ahead log position, an unsigned 64-bit integer held as a bigint in
 * [0, 2^64). Text form `%X/%X` (high and low 32 bits in upper-case hex).
 *
 * Postgres counterpart: src/backend/utils/adt/pg_lsn.c (pg_lsn_in_safe, pg_lsn_out).
 * Known gaps: none known.
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { TypeIO } from './type-io.js';

const HEX_RUN = /^[0-9a-fA-F]{1,8}$/;

/**
 * pg_lsn_in: `hi/lo`, each 1-8 hex digits, nothing else (no blanks).
 *
 * @example parseLsn('16/B374D848') // 0x16B374D848n
 */
export function parseLsn(text: string): bigint {
  const slash = text.indexOf('/');
  if (slash < 0 || !HEX_RUN.test(text.slice(0, slash)) || !HEX_RUN.test(text.slice(slash + 1))) {
    throw new PgError(SQLSTATE.invalid_text_representation, `invalid input syntax for type pg_lsn: "${text}"`);
  }
  return (BigInt('0x' + text.slice(0, slash)) << 32n) | BigInt('0x' + text.slice(slash + 1));
}

/** pg_lsn_out. */
export function formatLsn(v: bigint): string {
  return (v >> 32n).toString(16).toUpperCase() + '/' + (v & 0xffffffffn).toString(16).toUpperCase();
}

export const pgLsnIO: TypeIO<bigint> = {
  input: (text) => parseLsn(text),
  output: (v) => formatLsn(v),
  compare: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  hashKey: (v) => v,
};
