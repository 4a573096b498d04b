/**
 * float4/float8 text input, following C's strtod/strtof as glibc implements them (which is what
 * Postgres calls): leading/trailing whitespace, decimal and hex (`0x1.8p3`) forms, `inf`,
 * `infinity`, `nan`, `nan(chars)`, any case; correct rounding (ties to even); `"1e400" is out of
 * range for type double precision` (22003) for overflow and for nonzero input that rounds to zero.
 *
 * Postgres counterpart: float8in_internal / float4in_internal in src/backend/utils/adt/float.c.
 * Known gaps: none known.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { compareDecimalToDouble, float32Neighbor, scaledBigToFloat } from './float-bits.js';

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 0x20;
  return l >= 97 && l <= 102 ? l - 87 : -1;
}

/** What strtod recognised at the start of a string. */
interface Scanned {
  /** Index after the last consumed character. */
  end: number;
  neg: boolean;
  /** 'dec': `text.slice(start, end)` is a JS-parsable decimal; 'hex': mant * 2^exp2. */
  kind: 'dec' | 'hex' | 'nan' | 'inf';
  /** Whether the mantissa has a nonzero digit (to tell underflow from a real zero). */
  nonzero: boolean;
  mant: bigint;
  exp2: number;
}

function scanned(end: number, neg: boolean, kind: Scanned['kind'], nonzero: boolean): Scanned {
  return { end, neg, kind, nonzero, mant: 0n, exp2: 0 };
}

function matchWord(text: string, i: number, word: string): boolean {
  if (i + word.length > text.length) return false;
  for (let k = 0; k < word.length; k++) {
    if ((text.charCodeAt(i + k) | 0x20) !== word.charCodeAt(k)) return false;
  }
  return true;
}

/** Scans the longest prefix of text[i..] that strtod accepts; undefined if none. */
function scanFloat(text: string, i: number): Scanned | undefined {
  const n = text.length;
  let neg = false;
  let c = text.charCodeAt(i);
  if (c === 43 || c === 45) {
    neg = c === 45;
    c = text.charCodeAt(++i);
  }
  if ((c | 0x20) === 105 /* i */) {
    if (matchWord(text, i, 'infinity')) return scanned(i + 8, neg, 'inf', false);
    if (matchWord(text, i, 'inf')) return scanned(i + 3, neg, 'inf', false);
    return undefined;
  }
  if ((c | 0x20) === 110 /* n */) {
    if (!matchWord(text, i, 'nan')) return undefined;
    let j = i + 3;
    if (text.charCodeAt(j) === 40 /* ( */) {
      let k = j + 1;
      while (k < n) {
        const d = text.charCodeAt(k);
        if (isDigit(d) || hexValue(d) >= 0 || ((d | 0x20) >= 97 && (d | 0x20) <= 122) || d === 95) k++;
        else break;
      }
      if (text.charCodeAt(k) === 41 /* ) */) j = k + 1;
    }
    return scanned(j, neg, 'nan', false);
  }
  if (c === 48 && (text.charCodeAt(i + 1) | 0x20) === 120 /* x */) {
    const h = scanHex(text, i + 2, neg);
    if (h) return h;
    // "0x" without hex digits: strtod reads just the "0".
    return scanned(i + 1, neg, 'dec', false);
  }
  let j = i;
  let nonzero = false;
  for (let c = text.charCodeAt(j); j < n && isDigit(c); c = text.charCodeAt(++j)) if (c !== 48) nonzero = true;
  let digits = j - i;
  if (text.charCodeAt(j) === 46) {
    j++;
    const fs = j;
    for (let c = text.charCodeAt(j); j < n && isDigit(c); c = text.charCodeAt(++j)) if (c !== 48) nonzero = true;
    digits += j - fs;
    if (digits === 0) return undefined;
  } else if (digits === 0) return undefined;
  const ec = text.charCodeAt(j) | 0x20;
  if (ec === 101 /* e */) {
    let k = j + 1;
    const sc = text.charCodeAt(k);
    if (sc === 43 || sc === 45) k++;
    if (isDigit(text.charCodeAt(k))) {
      while (k < n && isDigit(text.charCodeAt(k))) k++;
      j = k;
    }
  }
  return scanned(j, neg, 'dec', nonzero);
}

function scanHex(text: string, i: number, neg: boolean): Scanned | undefined {
  const n = text.length;
  let mant = 0n;
  let j = i;
  let nd = 0;
  let fracDigits = 0;
  let v: number;
  while (j < n && (v = hexValue(text.charCodeAt(j))) >= 0) {
    mant = mant * 16n + BigInt(v);
    j++;
    nd++;
  }
  if (text.charCodeAt(j) === 46) {
    j++;
    while (j < n && (v = hexValue(text.charCodeAt(j))) >= 0) {
      mant = mant * 16n + BigInt(v);
      j++;
      nd++;
      fracDigits++;
    }
  }
  if (nd === 0) return undefined;
  let exp2 = 0;
  if ((text.charCodeAt(j) | 0x20) === 112 /* p */) {
    let k = j + 1;
    let eneg = false;
    const sc = text.charCodeAt(k);
    if (sc === 43 || sc === 45) {
      eneg = sc === 45;
      k++;
    }
    if (isDigit(text.charCodeAt(k))) {
      let e = 0;
      while (k < n && isDigit(text.charCodeAt(k))) {
        if (e < 1e8) e = e * 10 + (text.charCodeAt(k) - 48);
        k++;
      }
      exp2 = eneg ? -e : e;
      j = k;
    }
  }
  return { end: j, neg, kind: 'hex', nonzero: mant !== 0n, mant, exp2: exp2 - 4 * fracDigits };
}

/**
 * The float32 nearest to the decimal string `s` (JS number syntax), ties to even, as strtof.
 * Overflow gives ±Infinity. Avoids the double-rounding error of `Math.fround(Number(s))`.
 */
export function decimalStringToFloat32(s: string): number {
  const x = Number(s);
  const f = Math.fround(x);
  if (f === x || x !== x) return f;
  const ax = Math.abs(x);
  const af = Math.abs(f);
  let mid: number;
  let below: number;
  let above: number;
  if (af === Infinity) {
    below = 3.4028234663852886e38;
    above = Infinity;
    mid = 3.4028235677973366e38; // halfway between FLT_MAX and 2^128
  } else {
    const other = Math.abs(float32Neighbor(af, ax > af));
    below = Math.min(af, other);
    above = Math.max(af, other);
    mid = (af + other) / 2;
  }
  if (ax !== mid) return f;
  // The double is exactly halfway between two floats: decide on the exact decimal.
  const { digits, exp10 } = exactDecimalOfString(s);
  const c = compareDecimalToDouble(digits, exp10, mid);
  const r = c > 0 ? above : c < 0 ? below : af;
  return x < 0 ? -r : r;
}

/** The float32 nearest to `digits * 10^exp10`. */
export function decimalToFloat32(digits: bigint, exp10: number): number {
  return decimalStringToFloat32(`${digits}e${exp10}`);
}

/** |s| as digits * 10^exp10, for a JS decimal literal s. */
function exactDecimalOfString(s: string): { digits: bigint; exp10: number } {
  let t = s;
  if (t[0] === '-' || t[0] === '+') t = t.slice(1);
  let exp10 = 0;
  const e = t.search(/[eE]/);
  if (e >= 0) {
    exp10 = Number(t.slice(e + 1));
    t = t.slice(0, e);
  }
  const dot = t.indexOf('.');
  if (dot >= 0) {
    exp10 -= t.length - dot - 1;
    t = t.slice(0, dot) + t.slice(dot + 1);
  }
  return { digits: BigInt(t || '0'), exp10 };
}

function syntaxError(text: string, typeName: string): PgError {
  return new PgError(SQLSTATE.invalid_text_representation, `invalid input syntax for type ${typeName}: "${text}"`);
}

/**
 * Classifies text that is exactly a plain decimal (`-12.5e3`, no spaces, no hex or names):
 * 0 = not plain, 1 = plain with an all-zero mantissa, 2 = plain with a nonzero digit.
 */
function plainDecimal(text: string): number {
  const n = text.length;
  let i = 0;
  let c = text.charCodeAt(0);
  if (c === 45 || c === 43) c = text.charCodeAt(++i);
  let digits = 0;
  let nonzero = false;
  for (; i < n; c = text.charCodeAt(++i)) {
    if (c >= 48 && c <= 57) {
      digits++;
      if (c !== 48) nonzero = true;
    } else break;
  }
  if (c === 46) {
    for (c = text.charCodeAt(++i); i < n; c = text.charCodeAt(++i)) {
      if (c >= 48 && c <= 57) {
        digits++;
        if (c !== 48) nonzero = true;
      } else break;
    }
  }
  if (digits === 0) return 0;
  if (i < n && (c | 0x20) === 101) {
    c = text.charCodeAt(++i);
    if (c === 45 || c === 43) c = text.charCodeAt(++i);
    const start = i;
    while (i < n && c >= 48 && c <= 57) c = text.charCodeAt(++i);
    if (i === start) return 0;
  }
  return i === n ? (nonzero ? 2 : 1) : 0;
}

function parseFloatText(text: string, float4: boolean): number {
  const typeName = float4 ? 'real' : 'double precision';
  // Fast path: a plain decimal, as most stored values are.
  const plain = plainDecimal(text);
  if (plain !== 0) {
    const v = float4 ? decimalStringToFloat32(text) : Number(text);
    if ((v === 0 && plain === 2) || v === Infinity || v === -Infinity) {
      throw new PgError(SQLSTATE.numeric_value_out_of_range, `"${text}" is out of range for type ${typeName}`);
    }
    return v;
  }
  let i = 0;
  const n = text.length;
  while (i < n && isSpace(text.charCodeAt(i))) i++;
  const s = i < n ? scanFloat(text, i) : undefined;
  if (!s) throw syntaxError(text, float4 ? 'real' : 'double precision');
  let v: number;
  switch (s.kind) {
    case 'nan':
      v = NaN;
      break;
    case 'inf':
      v = s.neg ? -Infinity : Infinity;
      break;
    case 'hex':
      v = float4 ? scaledBigToFloat(s.mant, s.exp2, 24, -149) : scaledBigToFloat(s.mant, s.exp2, 53, -1074);
      if (float4 && v > 3.4028234663852886e38) v = Infinity;
      if (s.neg) v = -v;
      break;
    default: {
      const str = text.slice(i, s.end);
      v = float4 ? decimalStringToFloat32(str) : Number(str);
    }
  }
  if ((s.kind === 'dec' || s.kind === 'hex') && ((v === 0 && s.nonzero) || v === Infinity || v === -Infinity)) {
    throw new PgError(SQLSTATE.numeric_value_out_of_range, `"${text.slice(i, s.end)}" is out of range for type ${typeName}`);
  }
  let j = s.end;
  while (j < n && isSpace(text.charCodeAt(j))) j++;
  if (j !== n) throw syntaxError(text, typeName);
  return v;
}

/**
 * float8 input (float8in).
 *
 * @example
 * parseFloat8(' 1.5e3 '); // 1500
 * parseFloat8('-inf'); // -Infinity
 */
export function parseFloat8(text: string): number {
  return parseFloatText(text, false);
}

/** float4 input (float4in): the nearest float32, as a number. */
export function parseFloat4(text: string): number {
  return parseFloatText(text, true);
}

/**
 * float8in_internal with an end pointer, as the geometric types' input functions call it: skips
 * whitespace, reads one float8 starting at `start`, skips the whitespace after it and returns the
 * value and the index where it stopped. Syntax errors name `typeName` and quote `orig` (the
 * whole input); out-of-range numbers are `"1e+500" is out of range for type double precision`.
 */
export function scanFloat8Prefix(text: string, start: number, typeName: string, orig: string): { value: number; end: number } {
  const n = text.length;
  let i = start;
  while (i < n && isSpace(text.charCodeAt(i))) i++;
  const s = i < n ? scanFloat(text, i) : undefined;
  if (!s) throw syntaxError(orig, typeName);
  let v: number;
  if (s.kind === 'nan') v = NaN;
  else if (s.kind === 'inf') v = s.neg ? -Infinity : Infinity;
  else if (s.kind === 'hex') v = (s.neg ? -1 : 1) * scaledBigToFloat(s.mant, s.exp2, 53, -1074);
  else v = Number(text.slice(i, s.end));
  if ((s.kind === 'dec' || s.kind === 'hex') && ((v === 0 && s.nonzero) || v === Infinity || v === -Infinity)) {
    throw new PgError(SQLSTATE.numeric_value_out_of_range, `"${text.slice(i, s.end)}" is out of range for type double precision`);
  }
  let j = s.end;
  while (j < n && isSpace(text.charCodeAt(j))) j++;
  return { value: v, end: j };
}
