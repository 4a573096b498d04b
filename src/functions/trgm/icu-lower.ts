/**
 * Lower-casing as the oracle's ICU does it (str_tolower under the en-US ICU collation):
 * JavaScript's toLowerCase(), except for the code points where the oracle's older Unicode data
 * differs (../extension-data/lower-exceptions.ts, generated from the oracle).
 * Postgres counterpart: src/backend/utils/adt/formatting.c (str_tolower), pg_locale_icu.c.
 */
import { LOWER_EXCEPTIONS } from '../extension-data/lower-exceptions.js';

const EXCEPTIONS = new Map<number, string>(LOWER_EXCEPTIONS.map(([cp, l]) => [cp, l]));
const ANY_EXCEPTION = new RegExp(`[${LOWER_EXCEPTIONS.map(([cp]) => `\\u{${cp.toString(16)}}`).join('')}]`, 'u');

/** `s` in lower case, as the oracle's lower() gives it. */
export function icuLower(s: string): string {
  if (!ANY_EXCEPTION.test(s)) return s.toLowerCase();
  let out = '';
  let run = '';
  for (const ch of s) {
    const e = EXCEPTIONS.get(ch.codePointAt(0)!);
    if (e === undefined) run += ch;
    else {
      out += run.toLowerCase() + e;
      run = '';
    }
  }
  return out + run.toLowerCase();
}
