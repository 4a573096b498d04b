/**
 * bool: Postgres's accepted spellings (t/true/yes/on/1, f/false/no/off/0, unique prefixes,
 * any case, surrounding whitespace), output t/f, false < true.
 * Postgres counterpart: src/backend/utils/adt/bool.c (parse_bool_with_len).
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { TypeIO } from './type-io.js';

/** Postgres's parse_bool: undefined when the text is not a boolean. */
export function parseBool(text: string): boolean | undefined {
  const s = text.trim().toLowerCase();
  if (!s.length) return undefined;
  switch (s[0]) {
    case 't':
      return 'true'.startsWith(s) ? true : undefined;
    case 'f':
      return 'false'.startsWith(s) ? false : undefined;
    case 'y':
      return 'yes'.startsWith(s) ? true : undefined;
    case 'n':
      return 'no'.startsWith(s) ? false : undefined;
    case 'o':
      if (s.length < 2) return undefined;
      if ('on'.startsWith(s)) return true;
      if ('off'.startsWith(s)) return false;
      return undefined;
    case '1':
      return s === '1' ? true : undefined;
    case '0':
      return s === '0' ? false : undefined;
    default:
      return undefined;
  }
}

export const boolIO: TypeIO<boolean> = {
  input(text: string): boolean {
    const v = parseBool(text);
    if (v === undefined) throw new PgError(SQLSTATE.invalid_text_representation, `invalid input syntax for type boolean: "${text}"`);
    return v;
  },
  output: (v) => (v ? 't' : 'f'),
  compare: (a, b) => (a === b ? 0 : a ? 1 : -1),
  hashKey: (v) => v,
};
