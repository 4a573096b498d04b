/**
 * The fuzzystrmatch extension (1.2): levenshtein (unit and custom costs), levenshtein_less_equal
 * (whose answer above the bound is whatever Postgres's banded computation gives, reproduced
 * step by step), soundex, difference and metaphone. Callable once CREATE EXTENSION
 * fuzzystrmatch ran. dmetaphone, dmetaphone_alt and daitch_mokotoff raise 0A000.
 * Postgres counterpart: contrib/fuzzystrmatch/fuzzystrmatch.c, src/backend/utils/adt/levenshtein.c.
 */
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { OID } from '../types/oids.js';
import { fn } from './registry.js';

const EXT = { extension: 'fuzzystrmatch' } as const;
const T = OID.text;
const I = OID.int4;
const MAX_LEVENSHTEIN_STRLEN = 255;

/** Code points of a string (Postgres compares multibyte characters whole). */
function codePoints(s: string): Int32Array {
  const out = new Int32Array(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.codePointAt(i)!;
    out[n++] = c;
    if (c > 0xffff) i++;
  }
  return out.subarray(0, n);
}

/**
 * varstr_levenshtein[_less_equal]: the edit distance with the given costs; with maxD >= 0 only
 * a band around the diagonal is computed and a distance above maxD comes back as some value
 * above it (the same one Postgres computes).
 */
export function levenshtein(source: string, target: string, insC: number, delC: number, subC: number, maxD = -1): number {
  const s = codePoints(source);
  const t = codePoints(target);
  let m = s.length;
  let n = t.length;
  if (!m) return Math.imul(n, insC);
  if (!n) return Math.imul(m, delC);
  if (m > MAX_LEVENSHTEIN_STRLEN || n > MAX_LEVENSHTEIN_STRLEN) {
    throw new PgError(SQLSTATE.invalid_parameter_value, `levenshtein argument exceeds maximum length of ${MAX_LEVENSHTEIN_STRLEN} characters`);
  }
  let startColumn = 0;
  let stopColumn = m + 1;
  if (maxD >= 0) {
    const netInserts = n - m;
    const minTheoD = netInserts < 0 ? Math.imul(-netInserts, delC) : Math.imul(netInserts, insC);
    if (minTheoD > maxD) return (maxD + 1) | 0;
    if (insC + delC < subC) subC = (insC + delC) | 0;
    const maxTheoD = (minTheoD + Math.imul(subC, Math.min(m, n))) | 0;
    if (maxD >= maxTheoD) maxD = -1;
    else if (insC + delC > 0) {
      const slackD = maxD - minTheoD;
      const bestColumn = netInserts < 0 ? -netInserts : 0;
      stopColumn = bestColumn + Math.trunc(slackD / (insC + delC)) + 1;
      if (stopColumn > m) stopColumn = m + 1;
    }
  }
  m++;
  n++;
  let prev = new Int32Array(m);
  let curr = new Int32Array(m);
  for (let i = startColumn; i < stopColumn; i++) prev[i] = Math.imul(i, delC);
  for (let j = 1; j < n; j++) {
    const y = t[j - 1];
    if (maxD >= 0 && stopColumn < m) {
      prev[stopColumn] = maxD + 1;
      ++stopColumn;
    }
    let i: number;
    if (maxD < 0 || startColumn === 0) {
      curr[0] = Math.imul(j, insC);
      i = 1;
    } else i = startColumn;
    for (; i < stopColumn; i++) {
      const ins = (prev[i] + insC) | 0;
      const del = (curr[i - 1] + delC) | 0;
      const sub = s[i - 1] === y ? prev[i - 1] : (prev[i - 1] + subC) | 0;
      curr[i] = Math.min(ins, del, sub);
    }
    const tmp = curr;
    curr = prev;
    prev = tmp;
    if (maxD >= 0) {
      const zp = j - (n - m);
      while (stopColumn > 0) {
        const ii = stopColumn - 1;
        const net = ii - zp;
        if (prev[ii] + (net > 0 ? net * insC : -net * delC) <= maxD) break;
        stopColumn--;
      }
      while (startColumn < stopColumn) {
        const net = startColumn - zp;
        if (prev[startColumn] + (net > 0 ? net * insC : -net * delC) <= maxD) break;
        prev[startColumn] = maxD + 1;
        curr[startColumn] = maxD + 1;
        startColumn++;
      }
      if (startColumn >= stopColumn) return (maxD + 1) | 0;
    }
  }
  return prev[m - 1];
}

fn('levenshtein', [T, T], I, (a) => levenshtein(a[0] as string, a[1] as string, 1, 1, 1), EXT);
fn('levenshtein', [T, T, I, I, I], I, (a) => levenshtein(a[0] as string, a[1] as string, a[2] as number, a[3] as number, a[4] as number), EXT);
fn('levenshtein_less_equal', [T, T, I], I, (a) => levenshtein(a[0] as string, a[1] as string, 1, 1, 1, a[2] as number), EXT);
fn('levenshtein_less_equal', [T, T, I, I, I, I], I, (a) => levenshtein(a[0] as string, a[1] as string, a[2] as number, a[3] as number, a[4] as number, a[5] as number), EXT);

const isAlpha = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const upper = (c: number) => (c >= 97 && c <= 122 ? c - 32 : c);
// Metaphone letter classes: 1 vowel (AEIOU), 2 unchanged (FJMNR), 4 affects H (CGPST),
// 8 softens C and G (EIY), 16 keeps GH from being F (BDH).
const CODES = [1, 16, 4, 16, 9, 2, 4, 16, 9, 2, 0, 2, 2, 2, 1, 4, 0, 2, 4, 4, 1, 0, 0, 0, 8, 0];
const code = (c: number) => {
  const u = upper(c);
  return u >= 65 && u <= 90 ? CODES[u - 65] : 0;
};
const isVowel = (c: number) => (code(c) & 1) !== 0;
const affectH = (c: number) => (code(c) & 4) !== 0;
const makeSoft = (c: number) => (code(c) & 8) !== 0;
const noGhToF = (c: number) => (code(c) & 16) !== 0;

/** _metaphone over the UTF-8 bytes of `text` (non-ASCII bytes break words like punctuation). */
export function metaphone(text: string, maxPhonemes: number): string {
  const word = Buffer.from(text, 'utf8');
  const at = (i: number) => (i >= 0 && i < word.length ? word[i] : 0);
  let w = 0;
  let out = '';
  const curr = () => upper(at(w));
  const next = () => upper(at(w + 1));
  const back = (n: number) => (w >= n ? upper(at(w - n)) : 0);
  const afterNext = () => (next() !== 0 ? upper(at(w + 2)) : 0);
  const ahead = (n: number) => {
    let i = 0;
    while (at(w + i) !== 0 && i < n) i++;
    return upper(at(w + i));
  };
  const ph = (c: string | number) => {
    out += typeof c === 'number' ? String.fromCharCode(c) : c;
  };
  for (; !isAlpha(curr()); w++) if (curr() === 0) return out;
  switch (String.fromCharCode(curr())) {
    case 'A':
      if (next() === 69) {
        ph('E');
        w += 2;
      } else {
        ph('A');
        w++;
      }
      break;
    case 'G':
    case 'K':
    case 'P':
      if (next() === 78) {
        ph('N');
        w += 2;
      }
      break;
    case 'W':
      if (next() === 72 || next() === 82) {
        ph(next());
        w += 2;
      } else if (isVowel(next())) {
        ph('W');
        w += 2;
      }
      break;
    case 'X':
      ph('S');
      w++;
      break;
    case 'E':
    case 'I':
    case 'O':
    case 'U':
      ph(curr());
      w++;
      break;
  }
  for (; curr() !== 0 && out.length < maxPhonemes; w++) {
    let skip = 0;
    const c = curr();
    if (!isAlpha(c)) continue;
    if (c === back(1) && c !== 67) continue;
    switch (String.fromCharCode(c)) {
      case 'B':
        if (back(1) !== 77) ph('B');
        break;
      case 'C':
        if (makeSoft(next())) {
          if (afterNext() === 65 && next() === 73) ph('X');
          else if (back(1) !== 83) ph('S');
        } else if (next() === 72) {
          if (afterNext() === 82 || back(1) === 83) ph('K');
          else ph('X');
          skip++;
        } else ph('K');
        break;
      case 'D':
        if (next() === 71 && makeSoft(afterNext())) {
          ph('J');
          skip++;
        } else ph('T');
        break;
      case 'G':
        if (next() === 72) {
          if (!(noGhToF(back(3)) || back(4) === 72)) {
            ph('F');
            skip++;
          }
        } else if (next() === 78) {
          if (!(!isAlpha(afterNext()) || (afterNext() === 69 && ahead(3) === 68))) ph('K');
        } else if (makeSoft(next()) && back(1) !== 71) ph('J');
        else ph('K');
        break;
      case 'H':
        if (isVowel(next()) && !affectH(back(1))) ph('H');
        break;
      case 'K':
        if (back(1) !== 67) ph('K');
        break;
      case 'P':
        ph(next() === 72 ? 'F' : 'P');
        break;
      case 'Q':
        ph('K');
        break;
      case 'S':
        if (next() === 73 && (afterNext() === 79 || afterNext() === 65)) ph('X');
        else if (next() === 72) {
          ph('X');
          skip++;
        } else if (next() === 67 && ahead(2) === 72 && ahead(3) === 87) {
          ph('X');
          skip += 2;
        } else ph('S');
        break;
      case 'T':
        if (next() === 73 && (afterNext() === 79 || afterNext() === 65)) ph('X');
        else if (next() === 72) {
          ph('0');
          skip++;
        } else ph('T');
        break;
      case 'V':
        ph('F');
        break;
      case 'W':
        if (isVowel(next())) ph('W');
        break;
      case 'X':
        ph('K');
        if (out.length < maxPhonemes) ph('S');
        break;
      case 'Y':
        if (isVowel(next())) ph('Y');
        break;
      case 'Z':
        ph('S');
        break;
      case 'F':
      case 'J':
      case 'L':
      case 'M':
      case 'N':
      case 'R':
        ph(c);
        break;
    }
    w += skip;
  }
  return out;
}

fn('metaphone', [T, I], T, (a) => {
  const s = a[0] as string;
  const len = Buffer.byteLength(s, 'utf8');
  if (len === 0) return '';
  if (len > 255) throw new PgError(SQLSTATE.invalid_parameter_value, 'argument exceeds the maximum length of 255 bytes');
  const req = a[1] as number;
  if (req > 255) throw new PgError(SQLSTATE.invalid_parameter_value, 'output exceeds the maximum length of 255 bytes');
  if (!(req > 0)) throw new PgError(SQLSTATE.zero_length_character_string, 'output cannot be empty string');
  return metaphone(s, req);
}, EXT);

const SOUNDEX_TABLE = '01230120022455012623010202';
const soundexCode = (c: number) => {
  const u = upper(c);
  return u >= 65 && u <= 90 ? SOUNDEX_TABLE.charCodeAt(u - 65) : u;
};

/** _soundex: the first letter, then up to three digit codes, zero-filled; '' without letters. */
export function soundex(text: string): string {
  const b = Buffer.from(text, 'utf8');
  let i = 0;
  while (i < b.length && !isAlpha(b[i])) i++;
  if (i >= b.length) return '';
  let out = String.fromCharCode(upper(b[i++]));
  while (i < b.length && out.length < 4) {
    if (isAlpha(b[i]) && soundexCode(b[i]) !== soundexCode(b[i - 1])) {
      const code = soundexCode(b[i]);
      if (code !== 48) out += String.fromCharCode(code);
    }
    i++;
  }
  return out.padEnd(4, '0');
}

fn('soundex', [T], T, (a) => soundex(a[0] as string), EXT);
fn('difference', [T, T], I, (a) => {
  const x = soundex(a[0] as string);
  const y = soundex(a[1] as string);
  let r = 0;
  for (let i = 0; i < 4; i++) if ((x.charCodeAt(i) || 0) === (y.charCodeAt(i) || 0)) r++;
  return r;
}, EXT);

for (const name of ['dmetaphone', 'dmetaphone_alt']) {
  fn(name, [T], T, () => {
    throw featureNotSupported(`${name}()`);
  }, EXT);
}
fn('daitch_mokotoff', [T], OID._text, () => {
  throw featureNotSupported('daitch_mokotoff()');
}, EXT);
