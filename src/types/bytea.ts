/**
 * bytea: binary strings as `Uint8Array`.
 *
 * Input: hex format `\x0aff` (pairs of hex digits, whitespace allowed between pairs) or the escape
 * format (`\\` is a backslash, `\ooo` an octal byte, any other character its UTF-8 bytes).
 * Output: hex (`\x0aff`) or, when `bytea_output = escape`, printable ASCII as is, `\\` for a
 * backslash and `\ooo` for the rest. Ordering is memcmp, then length.
 *
 * Postgres counterpart: byteain / byteaout / byteacmp in src/backend/utils/adt/bytea.c (varlena.c
 * before 18) and hex_decode in src/backend/utils/adt/encode.c.
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { IoContext, TypeIO } from './type-io.js';

const utf8 = new TextEncoder();
const HEX = '0123456789abcdef';
const HEX_PAIRS: string[] = [];
for (let i = 0; i < 256; i++) HEX_PAIRS.push(HEX[i >> 4] + HEX[i & 15]);

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 0x20;
  if (l >= 97 && l <= 102) return l - 87;
  return -1;
}

function invalidHexDigit(text: string, i: number): PgError {
  const cp = text.codePointAt(i) as number;
  return new PgError(SQLSTATE.invalid_parameter_value, `invalid hexadecimal digit: "${String.fromCodePoint(cp)}"`);
}

/** Decodes hex digits from `text[start..]` (Postgres's hex_decode: whitespace between pairs). */
export function decodeHex(text: string, start = 0): Uint8Array {
  const out = new Uint8Array((text.length - start) >> 1);
  let n = 0;
  let i = start;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    const hi = hexValue(c);
    if (hi < 0) throw invalidHexDigit(text, i);
    i++;
    if (i >= text.length) {
      throw new PgError(SQLSTATE.invalid_parameter_value, 'invalid hexadecimal data: odd number of digits');
    }
    const lo = hexValue(text.charCodeAt(i));
    if (lo < 0) throw invalidHexDigit(text, i);
    i++;
    out[n++] = (hi << 4) | lo;
  }
  return n === out.length ? out : out.slice(0, n);
}

function isOctal(c: number): boolean {
  return c >= 48 && c <= 55;
}

function invalidBytea(): PgError {
  return new PgError(SQLSTATE.invalid_text_representation, 'invalid input syntax for type bytea');
}

/** Decodes the escape format (`\\`, `\ooo`, other characters as UTF-8). */
function decodeEscape(text: string): Uint8Array {
  const bytes: number[] = [];
  let runStart = 0;
  const flush = (end: number): void => {
    if (end > runStart) for (const b of utf8.encode(text.slice(runStart, end))) bytes.push(b);
  };
  let i = 0;
  while (i < text.length) {
    if (text.charCodeAt(i) !== 92) {
      i++;
      continue;
    }
    flush(i);
    const c1 = text.charCodeAt(i + 1);
    if (c1 === 92) {
      bytes.push(92);
      i += 2;
    } else if (c1 >= 48 && c1 <= 51 && isOctal(text.charCodeAt(i + 2)) && isOctal(text.charCodeAt(i + 3))) {
      bytes.push(((c1 - 48) << 6) | ((text.charCodeAt(i + 2) - 48) << 3) | (text.charCodeAt(i + 3) - 48));
      i += 4;
    } else {
      throw invalidBytea();
    }
    runStart = i;
  }
  flush(text.length);
  return Uint8Array.from(bytes);
}

/** Parses bytea text input (hex when it starts with `\x`, escape format otherwise). */
export function parseBytea(text: string): Uint8Array {
  if (text.charCodeAt(0) === 92 && text.charCodeAt(1) === 120 /* x */) return decodeHex(text, 2);
  let plain = true;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) >= 0x80 || text.charCodeAt(i) === 92) {
      plain = false;
      break;
    }
  }
  if (plain) {
    const out = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
    return out;
  }
  return decodeEscape(text);
}

/** `\x` followed by two lowercase hex digits per byte. */
export function byteaToHex(value: Uint8Array): string {
  let s = '\\x';
  for (let i = 0; i < value.length; i++) s += HEX_PAIRS[value[i]];
  return s;
}

/** The escape output format: printable ASCII as is, `\\`, and `\ooo` for other bytes. */
export function byteaToEscape(value: Uint8Array): string {
  let s = '';
  for (let i = 0; i < value.length; i++) {
    const b = value[i];
    if (b === 92) s += '\\\\';
    else if (b >= 0x20 && b < 0x7f) s += String.fromCharCode(b);
    else s += '\\' + b.toString(8).padStart(3, '0');
  }
  return s;
}

/** memcmp over the common prefix, then the shorter value first. */
export function compareBytea(a: Uint8Array, b: Uint8Array): number {
  const n = a.length < b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) return a[i] - b[i];
  }
  return a.length - b.length;
}

/** bytea: `Uint8Array` values. */
export const byteaIO: TypeIO<Uint8Array> = {
  input: (text) => parseBytea(text),
  output: (value, ctx: IoContext) => (ctx.byteaOutput === 'escape' ? byteaToEscape(value) : byteaToHex(value)),
  compare: compareBytea,
  hashKey: (value) => byteaToHex(value),
};
