/**
 * String functions over text (and their bpchar/bytea variants where pg_proc has them): lengths,
 * case mapping, trimming, substrings, searching, padding, splitting, translate, ascii/chr.
 * Lengths and positions count characters (code points), octet lengths UTF-8 bytes.
 *
 * Postgres counterpart: src/backend/utils/adt/varlena.c, oracle_compat.c, formatting.c (case
 * mapping), bpchar functions in varchar.c.
 * Known gaps: initcap/upper/lower follow JS's Unicode case mapping and Intl.Segmenter word
 * boundaries, which agree with ICU for the cases checked.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { OID } from '../../types/oids.js';
import { charLength, trimTrailingSpaces, utf8Length } from '../../types/text.js';
import { PgArray, type Value } from '../../types/values.js';
import { fn } from '../registry.js';
import { caseMappingLocale, isAsciiCaseCollation, isNondeterministic, userCollation } from '../../types/collation.js';

const T = OID.text;
const I4 = OID.int4;
const BYTEA = OID.bytea;

const s0 = (a: Value[]): string => a[0] as string;

// Lengths.
fn('length', [T], I4, (a) => charLength(s0(a)));
fn('length', [OID.bpchar], I4, (a) => charLength(trimTrailingSpaces(s0(a))));
fn('length', [BYTEA], I4, (a) => (a[0] as Uint8Array).length);
for (const name of ['char_length', 'character_length']) {
  fn(name, [T], I4, (a) => charLength(s0(a)));
  fn(name, [OID.bpchar], I4, (a) => charLength(trimTrailingSpaces(s0(a))));
}
fn('octet_length', [T], I4, (a) => utf8Length(s0(a)));
fn('octet_length', [OID.bpchar], I4, (a) => utf8Length(s0(a)));
fn('octet_length', [BYTEA], I4, (a) => (a[0] as Uint8Array).length);
fn('bit_length', [T], I4, (a) => utf8Length(s0(a)) * 8);
fn('bit_length', [BYTEA], I4, (a) => (a[0] as Uint8Array).length * 8);

// Case mapping.
// Under the C collation only ASCII letters change case (formatting.c: asc_tolower, asc_initcap).
// A Turkish / Azeri / Lithuanian ICU collation maps case by its language (i ↔ İ, ı ↔ I).
fn('lower', [T], T, (a, _rt, call) => {
  if (isAsciiCaseCollation(call.collation)) return s0(a).replace(/[A-Z]+/g, (m) => m.toLowerCase());
  const loc = caseMappingLocale(call.collation);
  return loc === undefined ? s0(a).toLowerCase() : s0(a).toLocaleLowerCase(loc);
});
fn('upper', [T], T, (a, _rt, call) => {
  if (isAsciiCaseCollation(call.collation)) return s0(a).replace(/[a-z]+/g, (m) => m.toUpperCase());
  const loc = caseMappingLocale(call.collation);
  return loc === undefined ? s0(a).toUpperCase() : s0(a).toLocaleUpperCase(loc);
});
fn('initcap', [T], T, (a, _rt, call) => (isAsciiCaseCollation(call.collation) ? asciiInitcap(s0(a)) : initcap(s0(a), caseMappingLocale(call.collation))));

/** asc_initcap: a letter right after an ASCII letter or digit is lowered, any other raised. */
function asciiInitcap(s: string): string {
  let out = '';
  let wasAlnum = false;
  for (const ch of s) {
    const c = wasAlnum ? (ch >= 'A' && ch <= 'Z' ? ch.toLowerCase() : ch) : ch >= 'a' && ch <= 'z' ? ch.toUpperCase() : ch;
    out += c;
    wasAlnum = /^[A-Za-z0-9]$/.test(c);
  }
  return out;
}

/** Title-case forms JS cannot derive from toUpperCase (digraphs). */
const TITLE: Record<string, string> = {
  Ǆ: 'ǅ', ǅ: 'ǅ', ǆ: 'ǅ', Ǉ: 'ǈ', ǈ: 'ǈ', ǉ: 'ǈ', Ǌ: 'ǋ', ǋ: 'ǋ', ǌ: 'ǋ', Ǳ: 'ǲ', ǲ: 'ǲ', ǳ: 'ǲ',
};

function titleChar(c: string, locale?: string): string {
  const t = TITLE[c];
  if (t) return t;
  const u = locale === undefined ? c.toUpperCase() : c.toLocaleUpperCase(locale);
  return u.length > c.length ? u[0] + u.slice(1).toLowerCase() : u;
}

let segmenter: Intl.Segmenter | undefined;

/**
 * initcap: each word (ICU word boundaries) gets its first letter or digit title-cased (ICU skips
 * leading punctuation such as `_`), everything after it lower-cased.
 */
export function initcap(s: string, locale?: string): string {
  const lower = (x: string) => (locale === undefined ? x.toLowerCase() : x.toLocaleLowerCase(locale));
  segmenter ??= new Intl.Segmenter('en-US', { granularity: 'word' });
  let out = '';
  for (const { segment } of segmenter.segment(s)) {
    const m = /[\p{L}\p{N}]/u.exec(segment);
    if (!m) {
      out += lower(segment);
      continue;
    }
    const first = String.fromCodePoint(segment.codePointAt(m.index) as number);
    // Lower-case the rest with the first letter as context (final sigma needs a preceding letter).
    const rest = lower(first + segment.slice(m.index + first.length)).slice(lower(first).length);
    out += segment.slice(0, m.index) + titleChar(first, locale) + rest;
  }
  return out;
}

// Trimming.
function trimSet(s: string, chars: string, left: boolean, right: boolean): string {
  const cps = Array.from(s);
  const set = new Set(Array.from(chars));
  let a = 0;
  let b = cps.length;
  if (left) while (a < b && set.has(cps[a])) a++;
  if (right) while (b > a && set.has(cps[b - 1])) b--;
  return a === 0 && b === cps.length ? s : cps.slice(a, b).join('');
}
const trimSpaces = (s: string, l: boolean, r: boolean): string => {
  let a = 0;
  let b = s.length;
  if (l) while (a < b && s.charCodeAt(a) === 32) a++;
  if (r) while (b > a && s.charCodeAt(b - 1) === 32) b--;
  return s.slice(a, b);
};
for (const [name, l, r] of [
  ['btrim', true, true],
  ['ltrim', true, false],
  ['rtrim', false, true],
] as const) {
  fn(name, [T], T, (a) => trimSpaces(s0(a), l, r));
  fn(name, [T, T], T, (a) => trimSet(s0(a), a[1] as string, l, r));
  fn(name, [BYTEA, BYTEA], BYTEA, (a) => {
    const v = a[0] as Uint8Array;
    const set = new Set(a[1] as Uint8Array);
    let x = 0;
    let y = v.length;
    if (l) while (x < y && set.has(v[x])) x++;
    if (r) while (y > x && set.has(v[y - 1])) y--;
    return v.slice(x, y);
  });
}

// Substrings. Positions are 1-based characters; a start before 1 eats into the length.
function negativeLength(): PgError {
  return new PgError(SQLSTATE.substring_error, 'negative substring length not allowed');
}

/** substr(s, start [, count]) over any sequence. */
function subseq<T>(items: T[], start: number, count: number | undefined): T[] {
  if (count !== undefined && count < 0) throw negativeLength();
  const from = Math.max(start, 1);
  const end = count === undefined ? Infinity : start + count; // exclusive, 1-based
  if (end <= from) return [];
  return items.slice(from - 1, end === Infinity ? undefined : end - 1);
}

function substrText(s: string, start: number, count?: number): string {
  if (count !== undefined && count < 0) throw negativeLength();
  // ASCII fast path.
  if (!/[\ud800-\udfff]/.test(s)) {
    const from = Math.max(start, 1);
    const end = count === undefined ? Infinity : start + count;
    if (end <= from) return '';
    return s.slice(from - 1, end === Infinity ? undefined : end - 1);
  }
  return subseq(Array.from(s), start, count).join('');
}

for (const name of ['substr', 'substring']) {
  fn(name, [T, I4], T, (a) => substrText(s0(a), a[1] as number));
  fn(name, [T, I4, I4], T, (a) => substrText(s0(a), a[1] as number, a[2] as number));
  fn(name, [BYTEA, I4], BYTEA, (a) => Uint8Array.from(subseq(Array.from(a[0] as Uint8Array), a[1] as number, undefined)));
  fn(name, [BYTEA, I4, I4], BYTEA, (a) => Uint8Array.from(subseq(Array.from(a[0] as Uint8Array), a[1] as number, a[2] as number)));
}

// overlay(s PLACING r FROM start [FOR count]) = substr(s, 1, start - 1) || r || substr(s, start + count).
function overlayText(s: string, r: string, start: number, count: number): string {
  return substrText(s, 1, start - 1) + r + substrText(s, start + count);
}
function overlayBytes(s: Uint8Array, r: Uint8Array, start: number, count: number): Uint8Array {
  const items = Array.from(s);
  return Uint8Array.from([...subseq(items, 1, start - 1), ...r, ...subseq(items, start + count, undefined)]);
}
fn('overlay', [T, T, I4, I4], T, (a) => overlayText(s0(a), a[1] as string, a[2] as number, a[3] as number));
fn('overlay', [T, T, I4], T, (a) => overlayText(s0(a), a[1] as string, a[2] as number, charLength(a[1] as string)));
fn('overlay', [BYTEA, BYTEA, I4, I4], BYTEA, (a) => overlayBytes(a[0] as Uint8Array, a[1] as Uint8Array, a[2] as number, a[3] as number));
fn('overlay', [BYTEA, BYTEA, I4], BYTEA, (a) => overlayBytes(a[0] as Uint8Array, a[1] as Uint8Array, a[2] as number, (a[1] as Uint8Array).length));

/** strpos: 1-based character position of `needle`, 0 when absent (1 for the empty needle). */
export function strpos(hay: string, needle: string): number {
  const i = hay.indexOf(needle);
  if (i < 0) return 0;
  return charLength(hay.slice(0, i)) + 1;
}
/**
 * The pieces of `hay` between matches of `needle` under a nondeterministic collation: each match
 * is the shortest substring, from the leftmost start, that the collator ranks equal to `needle`
 * (text_position under a nondeterministic collation). `limit` stops after that many matches.
 */
function collatedSplit(hay: string, needle: string, compare: (a: string, b: string) => number, limit = Infinity): { pieces: string[]; firstAt: number } {
  const cps = Array.from(hay);
  const pieces: string[] = [];
  let firstAt = -1;
  let start = 0;
  for (let i = 0; i < cps.length && pieces.length < limit; i++) {
    let sub = '';
    for (let j = i; j < cps.length; j++) {
      sub += cps[j];
      if (compare(sub, needle) === 0) {
        if (firstAt < 0) firstAt = i;
        pieces.push(cps.slice(start, i).join(''));
        start = j + 1;
        i = j;
        break;
      }
    }
  }
  pieces.push(cps.slice(start).join(''));
  return { pieces, firstAt };
}

/** The comparator of the call's collation when it is nondeterministic (else undefined). */
function nondeterministicCompare(call: { readonly collation?: string }): ((a: string, b: string) => number) | undefined {
  return isNondeterministic(call.collation) ? userCollation(call.collation!)!.compare : undefined;
}

function strposCollated(hay: string, needle: string, call: { readonly collation?: string }): number {
  const cmp = needle === '' ? undefined : nondeterministicCompare(call);
  if (!cmp) return strpos(hay, needle);
  return collatedSplit(hay, needle, cmp, 1).firstAt + 1;
}
fn('strpos', [T, T], I4, (a, _rt, call) => strposCollated(s0(a), a[1] as string, call));
fn('position', [T, T], I4, (a, _rt, call) => strposCollated(s0(a), a[1] as string, call));
fn('position', [BYTEA, BYTEA], I4, (a) => {
  const h = a[0] as Uint8Array;
  const n = a[1] as Uint8Array;
  outer: for (let i = 0; i + n.length <= h.length; i++) {
    for (let j = 0; j < n.length; j++) if (h[i + j] !== n[j]) continue outer;
    return i + 1;
  }
  return 0;
});

fn('replace', [T, T, T], T, (a, _rt, call) => {
  if (a[1] === '') return s0(a);
  const cmp = nondeterministicCompare(call);
  return (cmp ? collatedSplit(s0(a), a[1] as string, cmp).pieces : s0(a).split(a[1] as string)).join(a[2] as string);
});
fn('translate', [T, T, T], T, (a) => {
  const from = Array.from(a[1] as string);
  const to = Array.from(a[2] as string);
  const map = new Map<string, string>();
  from.forEach((c, i) => {
    if (!map.has(c)) map.set(c, i < to.length ? to[i] : '');
  });
  let out = '';
  for (const c of s0(a)) out += map.get(c) ?? c;
  return out;
});

fn('split_part', [T, T, I4], T, (a, _rt, call) => {
  const n = a[2] as number;
  if (n === 0) throw new PgError(SQLSTATE.invalid_parameter_value, 'field position must not be zero');
  const s = s0(a);
  const d = a[1] as string;
  const cmp = nondeterministicCompare(call);
  const parts = d === '' ? (s === '' ? [] : [s]) : s === '' ? [] : cmp ? collatedSplit(s, d, cmp).pieces : s.split(d);
  const i = n > 0 ? n - 1 : parts.length + n;
  return i >= 0 && i < parts.length ? parts[i] : '';
});

fn('left', [T, I4], T, (a) => {
  const cps = Array.from(s0(a));
  const n = a[1] as number;
  return (n >= 0 ? cps.slice(0, n) : cps.slice(0, Math.max(cps.length + n, 0))).join('');
});
fn('right', [T, I4], T, (a) => {
  const cps = Array.from(s0(a));
  const n = a[1] as number;
  return (n >= 0 ? cps.slice(Math.max(cps.length - n, 0)) : cps.slice(Math.min(-n, cps.length))).join('');
});

function pad(s: string, len: number, fill: string, left: boolean): string {
  if (len <= 0) return '';
  const cps = Array.from(s);
  if (cps.length >= len || fill === '') return cps.slice(0, len).join('');
  const f = Array.from(fill);
  const need = len - cps.length;
  let padding = '';
  for (let i = 0; i < need; i++) padding += f[i % f.length];
  return left ? padding + s : s + padding;
}
fn('lpad', [T, I4], T, (a) => pad(s0(a), a[1] as number, ' ', true));
fn('lpad', [T, I4, T], T, (a) => pad(s0(a), a[1] as number, a[2] as string, true));
fn('rpad', [T, I4], T, (a) => pad(s0(a), a[1] as number, ' ', false));
fn('rpad', [T, I4, T], T, (a) => pad(s0(a), a[1] as number, a[2] as string, false));

fn('repeat', [T, I4], T, (a) => {
  const n = a[1] as number;
  if (n <= 0) return '';
  if (s0(a).length * n > 0x3fffffff) throw new PgError(SQLSTATE.program_limit_exceeded, 'requested length too large');
  return s0(a).repeat(n);
});
fn('reverse', [T], T, (a) => Array.from(s0(a)).reverse().join(''));
fn('textcat', [T, T], T, (a) => s0(a) + (a[1] as string));
fn('reverse', [BYTEA], BYTEA, (a) => (a[0] as Uint8Array).slice().reverse());
fn('starts_with', [T, T], OID.bool, (a) => s0(a).startsWith(a[1] as string));

fn('ascii', [T], I4, (a) => (s0(a) === '' ? 0 : (s0(a).codePointAt(0) as number)));
fn('chr', [I4], T, (a) => {
  const c = a[0] as number;
  if (c === 0) throw new PgError(SQLSTATE.program_limit_exceeded, 'null character not permitted');
  if (c < 0) throw new PgError(SQLSTATE.invalid_parameter_value, 'character number must be positive');
  if (c > 0x10ffff) throw new PgError(SQLSTATE.program_limit_exceeded, `requested character too large for encoding: ${c}`);
  if (c >= 0xd800 && c <= 0xdfff) throw new PgError(SQLSTATE.program_limit_exceeded, `requested character not valid for encoding: ${c}`);
  return String.fromCodePoint(c);
});

fn('to_hex', [I4], T, (a) => ((a[0] as number) >>> 0).toString(16));
fn('to_hex', [OID.int8], T, (a) => BigInt.asUintN(64, a[0] as bigint).toString(16));

// string_to_array / array_to_string.
function stringToArray(s: string, delim: string | null, nullStr: string | null, call?: { readonly collation?: string }): PgArray {
  let parts: string[];
  if (s === '') return PgArray.of([]);
  const cmp = call ? nondeterministicCompare(call) : undefined;
  if (delim === null) parts = Array.from(s);
  else if (delim === '') parts = [s];
  else parts = cmp ? collatedSplit(s, delim, cmp).pieces : s.split(delim);
  return PgArray.of(parts.map((p) => (nullStr !== null && (p === nullStr || (cmp !== undefined && cmp(p, nullStr) === 0)) ? null : p)));
}
fn('string_to_array', [T, T], OID._text, (a, _rt, call) => (a[0] === null ? null : stringToArray(s0(a), a[1] as string | null, null, call)), { strict: false });
fn('string_to_array', [T, T, T], OID._text, (a, _rt, call) => (a[0] === null ? null : stringToArray(s0(a), a[1] as string | null, a[2] as string | null, call)), {
  strict: false,
});

fn('string_to_table', [T, T], T, (a) => (a[0] === null ? [] : stringToArray(s0(a), a[1] as string | null, null).items), { strict: false, retset: true });
fn('string_to_table', [T, T, T], T, (a) => (a[0] === null ? [] : stringToArray(s0(a), a[1] as string | null, a[2] as string | null).items), {
  strict: false,
  retset: true,
});

/** unistr(): `\XXXX`, `\+XXXXXX`, `\uXXXX`, `\UXXXXXXXX` escapes (and `\\`), surrogate pairs joined. */
fn('unistr', [T], T, (a) => {
  const s = s0(a);
  const bad = () => new PgError(SQLSTATE.syntax_error, 'invalid Unicode escape', { hint: 'Unicode escapes must be \\XXXX, \\+XXXXXX, \\uXXXX, or \\UXXXXXXXX.' });
  let out = '';
  let pendingHigh: number | undefined;
  const put = (cp: number) => {
    if (cp > 0x10ffff || cp === 0) throw new PgError(SQLSTATE.invalid_parameter_value, `invalid Unicode code point: ${cp.toString(16).toUpperCase().padStart(cp > 0xffff ? 6 : 4, '0')}`);
    if (cp >= 0xd800 && cp <= 0xdbff) {
      if (pendingHigh !== undefined) throw new PgError(SQLSTATE.syntax_error, 'invalid Unicode surrogate pair');
      pendingHigh = cp;
      return;
    }
    if (cp >= 0xdc00 && cp <= 0xdfff) {
      if (pendingHigh === undefined) throw new PgError(SQLSTATE.syntax_error, 'invalid Unicode surrogate pair');
      out += String.fromCodePoint(0x10000 + ((pendingHigh - 0xd800) << 10) + (cp - 0xdc00));
      pendingHigh = undefined;
      return;
    }
    if (pendingHigh !== undefined) throw new PgError(SQLSTATE.syntax_error, 'invalid Unicode surrogate pair');
    out += String.fromCodePoint(cp);
  };
  for (let i = 0; i < s.length; ) {
    if (s[i] !== '\\') {
      if (pendingHigh !== undefined) throw new PgError(SQLSTATE.syntax_error, 'invalid Unicode surrogate pair');
      out += s[i++];
      continue;
    }
    const hex = (n: number, from: number) => {
      const h = s.slice(from, from + n);
      if (h.length !== n || !/^[0-9a-fA-F]+$/.test(h)) throw bad();
      return parseInt(h, 16);
    };
    const c = s[i + 1];
    if (c === '\\') {
      out += '\\';
      i += 2;
    } else if (c === '+') {
      put(hex(6, i + 2));
      i += 8;
    } else if (c === 'u') {
      put(hex(4, i + 2));
      i += 6;
    } else if (c === 'U') {
      put(hex(8, i + 2));
      i += 10;
    } else {
      put(hex(4, i + 1));
      i += 5;
    }
  }
  if (pendingHigh !== undefined) throw new PgError(SQLSTATE.syntax_error, 'invalid Unicode surrogate pair');
  return out;
});

/**
 * casefold() under the database's ICU collation: Unicode full case folding (ß → ss, final sigma
 * → σ), which for all but Cherokee is lower-casing after upper-casing; Cherokee folds to
 * upper case.
 */
fn('casefold', [T], T, (a) =>
  Array.from(s0(a), (ch) => {
    const cp = ch.codePointAt(0)!;
    if ((cp >= 0x13a0 && cp <= 0x13f5) || (cp >= 0x13f8 && cp <= 0x13fd) || (cp >= 0xab70 && cp <= 0xabbf)) return ch.toUpperCase();
    // (dotless ı has no folding of its own; ẞ upper-cases to itself but folds like ß)
    if (cp === 0x131) return ch;
    return ch.toUpperCase().toLowerCase().replace(/ς/g, 'σ').replace(/ß/g, 'ss');
  }).join(''),
);

export { substrText };
