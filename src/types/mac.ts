/**
 * macaddr (EUI-48) and macaddr8 (EUI-64): stored as their canonical lowercase text
 * (`08:00:2b:01:02:03`, `08:00:2b:ff:fe:01:02:03`), so that string order is Postgres's byte
 * order and equality is string equality (as uuid does).
 *
 * macaddr input follows mac.c's sscanf cascade (`%x:%x:...`, `%2x%2x%2x:%2x%2x%2x`, ...), emulated
 * below with glibc's %x rules (leading blanks, optional sign and 0x, field widths), so oddities
 * such as `08:00:2b:01:02:0304` or ` 8:0:2b:1:2:3` behave as on a real server. macaddr8 input is
 * mac8.c's pairwise scan: 6 or 8 bytes of two hex digits, one consistent spacer (`:` `-` `.`).
 *
 * Postgres counterpart: src/backend/utils/adt/mac.c, mac8.c.
 * Known gaps: none known.
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { TypeIO } from './type-io.js';

const HEX = '0123456789abcdef';

function isCSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\v' || c === '\f';
}

function hexDigit(c: string | undefined): number {
  if (c === undefined) return -1;
  const n = c.charCodeAt(0);
  if (n >= 48 && n <= 57) return n - 48;
  const l = n | 0x20;
  return l >= 97 && l <= 102 ? l - 87 : -1;
}

/**
 * A minimal sscanf over formats made of `%x`, `%2x`, literal characters and a final `%1s`:
 * returns how many conversions succeeded (the junk `%1s` counts as the 7th), as glibc would.
 */
function scanHex(s: string, format: readonly (number | string)[]): { count: number; vals: number[] } {
  const vals: number[] = [];
  let i = 0;
  for (const f of format) {
    if (typeof f === 'string') {
      if (s[i] !== f) break;
      i++;
      continue;
    }
    while (isCSpace(s[i])) i++;
    if (f === -1) {
      // %1s: one non-blank character of trailing junk.
      if (i < s.length) vals.push(0);
      break;
    }
    const limit = f === 0 ? Infinity : f;
    let used = 0;
    let neg = false;
    if ((s[i] === '+' || s[i] === '-') && used < limit) {
      neg = s[i] === '-';
      i++;
      used++;
    }
    // An 0x prefix is consumed only when a hex digit follows within the width.
    if (s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X') && used + 2 < limit && hexDigit(s[i + 2]) >= 0) {
      i += 2;
      used += 2;
    }
    let v = 0;
    let digits = 0;
    while (used < limit && hexDigit(s[i]) >= 0) {
      v = v * 16 + hexDigit(s[i]);
      i++;
      used++;
      digits++;
    }
    if (digits === 0) break;
    if (v > 0xffffffff) v = 0xffffffff;
    vals.push(neg && v !== 0 ? -1 : v);
  }
  return { count: vals.length, vals };
}

const X = 0; // %x
const X2 = 2; // %2x
const JUNK = -1; // %1s
const MAC_FORMATS: readonly (number | string)[][] = [
  [X, ':', X, ':', X, ':', X, ':', X, ':', X, JUNK],
  [X, '-', X, '-', X, '-', X, '-', X, '-', X, JUNK],
  [X2, X2, X2, ':', X2, X2, X2, JUNK],
  [X2, X2, X2, '-', X2, X2, X2, JUNK],
  [X2, X2, '.', X2, X2, '.', X2, X2, JUNK],
  [X2, X2, '-', X2, X2, '-', X2, X2, JUNK],
  [X2, X2, X2, X2, X2, X2, JUNK],
];

/** Bytes to the canonical colon-separated lowercase text. */
export function macFromBytes(bytes: ArrayLike<number>): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) {
    if (i) s += ':';
    s += HEX[(bytes[i] >> 4) & 15] + HEX[bytes[i] & 15];
  }
  return s;
}

/** The bytes of a canonical macaddr / macaddr8 text. */
export function macToBytes(mac: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < mac.length; i += 3) out.push(parseInt(mac.slice(i, i + 2), 16));
  return out;
}

/**
 * macaddr_in: one of mac.c's seven notations, or 22P02; octets above 255 are 22003.
 *
 * @example parseMacaddr('0800.2b01.0203') // '08:00:2b:01:02:03'
 */
export function parseMacaddr(text: string): string {
  let vals: number[] | undefined;
  for (const f of MAC_FORMATS) {
    const r = scanHex(text, f);
    if (r.count === 6) {
      vals = r.vals;
      break;
    }
  }
  if (!vals) {
    throw new PgError(SQLSTATE.invalid_text_representation, `invalid input syntax for type macaddr: "${text}"`);
  }
  if (vals.some((v) => v < 0 || v > 255)) {
    throw new PgError(SQLSTATE.numeric_value_out_of_range, `invalid octet value in "macaddr" value: "${text}"`);
  }
  return macFromBytes(vals);
}

/**
 * macaddr8_in: 6 or 8 two-digit hex bytes with one optional, consistent spacer; a 6-byte
 * address is widened with FF:FE in the middle (EUI-48 → EUI-64).
 *
 * @example parseMacaddr8('08:00:2b:01:02:03') // '08:00:2b:ff:fe:01:02:03'
 */
export function parseMacaddr8(text: string): string {
  const fail = () =>
    new PgError(SQLSTATE.invalid_text_representation, `invalid input syntax for type macaddr8: "${text}"`);
  let p = 0;
  while (p < text.length && isCSpace(text[p])) p++;
  const bytes: number[] = [];
  let spacer = '';
  while (p + 1 < text.length) {
    if (bytes.length === 8) throw fail();
    const hi = hexDigit(text[p]);
    const lo = hexDigit(text[p + 1]);
    if (hi < 0 || lo < 0) throw fail();
    bytes.push((hi << 4) | lo);
    p += 2;
    const c = text[p];
    if (c === ':' || c === '-' || c === '.') {
      if (spacer === '') spacer = c;
      else if (spacer !== c) throw fail();
      p++;
    }
    if ((bytes.length === 6 || bytes.length === 8) && isCSpace(text[p])) {
      while (p < text.length && isCSpace(text[p])) p++;
      if (p < text.length) throw fail();
    }
  }
  if (bytes.length === 6) bytes.splice(3, 0, 0xff, 0xfe);
  else if (bytes.length !== 8) throw fail();
  return macFromBytes(bytes);
}

const strCompare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** macaddr: canonical strings, compared as strings (= byte order). */
export const macaddrIO: TypeIO<string> = {
  input: (text) => parseMacaddr(text),
  output: (v) => v,
  compare: strCompare,
  hashKey: (v) => v,
};

/** macaddr8: canonical strings, compared as strings (= byte order). */
export const macaddr8IO: TypeIO<string> = {
  input: (text) => parseMacaddr8(text),
  output: (v) => v,
  compare: strCompare,
  hashKey: (v) => v,
};
