/**
 * The boolean type: input accepts t/true/yes/on/1 and f/false/no/off/0, any unique prefix of the
 * words (`o` alone is ambiguous), ASCII case-insensitive, with surrounding C whitespace; output is
 * `t` / `f`; false sorts before true.
 *
 * Postgres counterpart: boolin / boolout / parse_bool_with_len in src/backend/utils/adt/bool.c.
 * Known gaps: none known.
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { IoContext, TypeIO } from './type-io.js';

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** Whether text[start, end) is a case-insensitive prefix of `word` of at least `min` characters. */
function prefixOf(text: string, start: number, end: number, word: string, min = 1): boolean {
  const len = end - start;
  if (len < min || len > word.length) return false;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(start + i);
    // ASCII lower-casing only, as pg_strncasecmp does for these letters.
    if ((c >= 65 && c <= 90 ? c | 0x20 : c) !== word.charCodeAt(i)) return false;
  }
  return true;
}

/**
 * Postgres's parse_bool: the boolean `text` spells, or undefined when it is not one.
 *
 * @example
 * parseBool(' YES '); // true
 * parseBool('of'); // false
 * parseBool('o'); // undefined
 */
export function parseBool(text: string): boolean | undefined {
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (start === end) return undefined;
  switch (text.charCodeAt(start) | 0x20) {
    case 116: // t
      return prefixOf(text, start, end, 'true') ? true : undefined;
    case 102: // f
      return prefixOf(text, start, end, 'false') ? false : undefined;
    case 121: // y
      return prefixOf(text, start, end, 'yes') ? true : undefined;
    case 110: // n
      return prefixOf(text, start, end, 'no') ? false : undefined;
    case 111: // o: needs two letters to tell on from off
      if (prefixOf(text, start, end, 'on', 2)) return true;
      if (prefixOf(text, start, end, 'off', 2)) return false;
      return undefined;
    case 49 | 0x20: // '1' (0x31 | 0x20 is still 0x31)
      return end - start === 1 ? true : undefined;
    case 48 | 0x20: // '0'
      return end - start === 1 ? false : undefined;
    default:
      return undefined;
  }
}

/** Parses boolean input; `invalid input syntax for type boolean: "x"` (22P02). */
export function boolIn(text: string): boolean {
  const v = parseBool(text);
  if (v === undefined) {
    throw new PgError(SQLSTATE.invalid_text_representation, `invalid input syntax for type boolean: "${text}"`);
  }
  return v;
}

/** Postgres's boolean btree order: false < true. */
export function compareBool(a: boolean, b: boolean): number {
  return a === b ? 0 : a ? 1 : -1;
}

/** TypeIO of boolean. */
export const boolIO: TypeIO<boolean> = {
  input: (text: string, _typmod: number, _ctx: IoContext) => boolIn(text),
  output: (value: boolean) => (value ? 't' : 'f'),
  compare: compareBool,
  hashKey: (value: boolean) => value,
};
