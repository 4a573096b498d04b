/**
 * The character types: text, varchar(n), bpchar / char(n), name and the one-byte "char".
 * Values are JS strings. Lengths count characters (code points), never UTF-16 units.
 *
 * - varchar(n) / char(n): typmod is n + 4. Input and assignment raise 22001 when the value is
 *   longer than n unless the excess is only spaces (then it is cut); explicit casts cut silently.
 * - bpchar is space-padded to n; comparison and hashing ignore trailing spaces, output keeps them.
 * - name is cut to 63 bytes of UTF-8 (never inside a character) and compares in "C" order.
 * - "char" holds one byte: the value is '' (byte 0) or a one-unit string whose code is the byte
 *   (0x01..0xFF); bytes >= 0x80 print as `\ooo`.
 *
 * Postgres counterpart: src/backend/utils/adt/varchar.c, varlena.c (text), name.c, char.c.
 * Known gaps: the analyzer, not this file, turns a bare `char` into char(1) (typmod 5).
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { compareCodePoints, compareDefaultText } from './collation.js';
import type { TypeIO } from './type-io.js';

/** Postgres's NAMEDATALEN - 1: the longest identifier, in bytes. */
export const NAME_MAX_BYTES = 63;

/** Number of characters (code points) in `s`. */
export function charLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** Number of bytes of `s` in UTF-8. */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) {
      if (c < 0x800) n += 1;
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
        // A surrogate pair: 2 units, 4 bytes.
        n += 2;
        i++;
      } else n += 2;
    }
  }
  return n;
}

/** The UTF-16 index where character number `chars` (0-based) starts; `s.length` if past the end. */
export function charIndex(s: string, chars: number): number {
  let i = 0;
  while (chars > 0 && i < s.length) {
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? 2 : 1;
    chars--;
  }
  return i;
}

/** `s` without its trailing spaces (only U+0020, as bpchar's rtrim does). */
export function trimTrailingSpaces(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 32) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** Whether `s` from UTF-16 index `from` on is made of spaces only. */
function onlySpacesFrom(s: string, from: number): boolean {
  for (let i = from; i < s.length; i++) if (s.charCodeAt(i) !== 32) return false;
  return true;
}

function tooLong(typeName: string, n: number): PgError {
  return new PgError(SQLSTATE.string_data_right_truncation, `value too long for type ${typeName}(${n})`);
}

/**
 * Cuts `s` to `n` characters. Unless `isExplicit`, only trailing spaces may be cut; anything else
 * raises 22001 naming `typeName` (`character varying` or `character`).
 */
function limitLength(s: string, n: number, isExplicit: boolean, typeName: string): string {
  if (s.length <= n) return s; // n characters need at least n units
  const cut = charIndex(s, n);
  if (cut >= s.length) return s;
  if (!isExplicit && !onlySpacesFrom(s, cut)) throw tooLong(typeName, n);
  return s.slice(0, cut);
}

/** Pads `s` with spaces to `n` characters. */
function padTo(s: string, n: number): string {
  if (s.length >= n && charLength(s) >= n) return s;
  return s + ' '.repeat(n - charLength(s));
}

/** varchar(n) / char(n) typmod → n, or -1 for no limit. */
export function charTypmodLength(typmod: number): number {
  return typmod >= 4 ? typmod - 4 : -1;
}

/** text: any string, compared under the default collation. */
export const textIO: TypeIO<string> = {
  input: (text) => text,
  output: (value) => value,
  compare: compareDefaultText,
  hashKey: (value) => value,
};

/** Applies varchar(n)'s length limit (Postgres's varchar() length-coercion function). */
export function varcharApplyTypmod(value: string, typmod: number, isExplicit: boolean): string {
  const n = charTypmodLength(typmod);
  return n < 0 ? value : limitLength(value, n, isExplicit, 'character varying');
}

/** varchar(n): like text, with an optional length limit. */
export const varcharIO: TypeIO<string> = {
  input: (text, typmod) => varcharApplyTypmod(text, typmod, false),
  output: (value) => value,
  compare: compareDefaultText,
  hashKey: (value) => value,
  applyTypmod: varcharApplyTypmod,
};

/** Applies char(n)'s length: cut (22001 unless explicit or only spaces), then pad with spaces. */
export function bpcharApplyTypmod(value: string, typmod: number, isExplicit: boolean): string {
  const n = charTypmodLength(typmod);
  if (n < 0) return value;
  return padTo(limitLength(value, n, isExplicit, 'character'), n);
}

/** bpchar order: trailing spaces do not count, the rest compares under the default collation. */
export function compareBpchar(a: string, b: string): number {
  if (a === b) return 0;
  return compareDefaultText(trimTrailingSpaces(a), trimTrailingSpaces(b));
}

/** char(n) / bpchar: blank-padded; comparison and hashing ignore trailing spaces. */
export const bpcharIO: TypeIO<string> = {
  input: (text, typmod) => bpcharApplyTypmod(text, typmod, false),
  output: (value) => value,
  compare: compareBpchar,
  hashKey: trimTrailingSpaces,
  applyTypmod: bpcharApplyTypmod,
};

/** Cuts `s` to at most 63 UTF-8 bytes without splitting a character (Postgres's namein). */
export function truncateName(s: string): string {
  if (s.length <= NAME_MAX_BYTES / 3) return s; // at most 3 bytes per UTF-16 unit
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let len = 1;
    let units = 1;
    if (c >= 0x80) {
      if (c < 0x800) len = 2;
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
        len = 4;
        units = 2;
      } else len = 3;
    }
    if (bytes + len > NAME_MAX_BYTES) return s.slice(0, i);
    bytes += len;
    i += units - 1;
  }
  return s;
}

/** name: identifiers, at most 63 bytes, compared in code-point ("C") order. */
export const nameIO: TypeIO<string> = {
  input: (text) => truncateName(text),
  output: (value) => value,
  compare: compareCodePoints,
  hashKey: (value) => value,
};

function isOctalDigit(c: number): boolean {
  return c >= 48 && c <= 55;
}

/** The first UTF-8 byte of the character starting at index 0 of `s` (which is non-empty). */
function firstUtf8Byte(s: string): number {
  const cp = s.codePointAt(0) as number;
  if (cp < 0x80) return cp;
  if (cp < 0x800) return 0xc0 | (cp >> 6);
  if (cp < 0x10000) return 0xe0 | (cp >> 12);
  return 0xf0 | (cp >> 18);
}

/** The byte of a "char" value (0 for ''). */
export function charByte(value: string): number {
  return value.length === 0 ? 0 : value.charCodeAt(0);
}

/** The "char" value holding byte `b` (taken modulo 256). */
export function charFromByte(b: number): string {
  b &= 0xff;
  return b === 0 ? '' : String.fromCharCode(b);
}

/**
 * "char": one byte. Input takes the first byte of the text, or decodes `\ooo`; output prints bytes
 * >= 0x80 as `\ooo` and byte 0 as ''. Compared as unsigned bytes.
 */
export const charIO: TypeIO<string> = {
  input(text) {
    if (
      text.length === 4 &&
      text.charCodeAt(0) === 92 &&
      isOctalDigit(text.charCodeAt(1)) &&
      isOctalDigit(text.charCodeAt(2)) &&
      isOctalDigit(text.charCodeAt(3))
    ) {
      return charFromByte(parseInt(text.slice(1), 8));
    }
    return text.length === 0 ? '' : charFromByte(firstUtf8Byte(text));
  },
  output(value) {
    const b = charByte(value);
    if (b < 0x80) return value;
    return '\\' + b.toString(8).padStart(3, '0');
  },
  compare: (a, b) => charByte(a) - charByte(b),
  hashKey: (value) => charByte(value),
};
