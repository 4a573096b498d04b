/**
 * hstore (the extension's key/value type): text I/O with Postgres's parser and quoting, keys kept
 * unique and in hstore's canonical order (byte length, then bytes), NULL values, and the btree
 * order of hstore_cmp (the concatenated key/value bytes, then the entry layout). Its pg_type row
 * exists only after CREATE EXTENSION hstore; the OIDs are fixed so operators are declared once.
 * Postgres counterpart: contrib/hstore/hstore_io.c (hstore_in / hstore_out), hstore_op.c (hstore_cmp).
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { compareJsonbKeys } from './jsonb/value.js';
import { utf8Length } from './text.js';
import type { TypeIO } from './type-io.js';

/** Reserved OIDs (outside the range the OID counter reaches), as citext's. */
export const HSTORE_OID = 4294960002;
export const HSTORE_ARRAY_OID = 4294960003;

/** An hstore value: keys unique and sorted in canonical order, values aligned (null: SQL NULL). */
export class Hstore {
  /** The data bytes hstore_cmp compares, made on the first comparison (values are immutable). */
  private bytes: Buffer | undefined;
  constructor(
    readonly keys: readonly string[],
    readonly vals: readonly (string | null)[],
  ) {}
  /** UTF-8 bytes of the concatenated keys and non-null values, in order (hstore's string buffer). */
  dataBytes(): Buffer {
    if (!this.bytes) {
      let text = '';
      for (let i = 0; i < this.keys.length; i++) text += this.keys[i] + (this.vals[i] ?? '');
      this.bytes = Buffer.from(text, 'utf8');
    }
    return this.bytes;
  }
  get size(): number {
    return this.keys.length;
  }
  /** Index of `key`, or -1 (binary search in canonical order). */
  find(key: string): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = compareJsonbKeys(this.keys[mid], key);
      if (c === 0) return mid;
      if (c < 0) lo = mid + 1;
      else hi = mid;
    }
    return -1;
  }
}

export const EMPTY_HSTORE = new Hstore([], []);

/**
 * Builds an hstore from pairs in any order; of duplicate keys the first one stays
 * (hstoreUniquePairs). Keys sort as jsonb's do (comparePairs: shorter in bytes first, then bytes).
 */
export function hstoreFromPairs(pairs: readonly (readonly [string, string | null])[]): Hstore {
  const sorted = pairs.map((p, i) => ({ k: p[0], v: p[1], i })).sort((x, y) => compareJsonbKeys(x.k, y.k) || x.i - y.i);
  const keys: string[] = [];
  const vals: (string | null)[] = [];
  for (const p of sorted) {
    if (keys.length && keys[keys.length - 1] === p.k) continue;
    keys.push(p.k);
    vals.push(p.v);
  }
  return new Hstore(keys, vals);
}

/** `h` with `key` set to `value` (hstore_subscript_assign: h || hstore(key, value)). */
export function hstoreSet(h: Hstore, key: string, value: string | null): Hstore {
  const i = h.find(key);
  if (i >= 0) {
    const vals = h.vals.slice();
    vals[i] = value;
    return new Hstore(h.keys, vals);
  }
  return hstoreFromPairs([[key, value], ...h.keys.map((k, j) => [k, h.vals[j]] as const)]);
}

function syntaxError(text: string, pos: number): PgError {
  const ch = String.fromCodePoint(text.codePointAt(pos) as number);
  return new PgError(SQLSTATE.syntax_error, `syntax error in hstore, near "${ch}" at position ${utf8Length(text.slice(0, pos))}`, { soft: true });
}

function endOfString(): PgError {
  return new PgError(SQLSTATE.syntax_error, 'syntax error in hstore: unexpected end of string', { soft: true });
}

/** C isspace in the C locale. */
const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\v' || c === '\f';

/**
 * One key or value (get_val): double-quoted with backslash escapes, or bare up to whitespace,
 * `=` (keys) or `,` (values). Returns the word, whether it was quoted, and where parsing goes on;
 * undefined at the end of the input.
 */
function readWord(text: string, start: number, isValue: boolean): { word: string; quoted: boolean; next: number } | undefined {
  let i = start;
  let word = '';
  const n = text.length;
  // Skip leading whitespace.
  for (;;) {
    if (i >= n) return undefined;
    const c = text[i];
    if (c === '"') {
      i++;
      for (;;) {
        if (i >= n) throw endOfString();
        const d = text[i];
        if (d === '\\') {
          if (i + 1 >= n) throw endOfString();
          word += text[i + 1];
          i += 2;
        } else if (d === '"') {
          return { word, quoted: true, next: i + 1 };
        } else {
          word += d;
          i++;
        }
      }
    }
    if (c === '=' && !isValue) throw syntaxError(text, i);
    if (!isSpace(c)) break;
    i++;
  }
  for (;;) {
    if (i >= n) return { word, quoted: false, next: i };
    const c = text[i];
    if (c === '\\') {
      if (i + 1 >= n) throw endOfString();
      word += text[i + 1];
      i += 2;
      continue;
    }
    if ((c === '=' && !isValue) || (c === ',' && isValue)) return { word, quoted: false, next: i };
    if (isSpace(c)) return { word, quoted: false, next: i + 1 };
    word += c;
    i++;
  }
}

/** hstore_in: `key => value` pairs separated by commas; a bare NULL value (any case) is NULL. */
export function parseHstore(text: string): Hstore {
  const pairs: [string, string | null][] = [];
  const n = text.length;
  let i = 0;
  for (;;) {
    const key = readWord(text, i, false);
    if (!key) break;
    i = key.next;
    // `=>`, whitespace allowed before it.
    while (i < n && isSpace(text[i])) i++;
    if (i >= n) throw endOfString();
    if (text[i] !== '=') throw syntaxError(text, i);
    i++;
    if (i >= n) throw endOfString();
    if (text[i] !== '>') throw syntaxError(text, i);
    i++;
    const val = readWord(text, i, true);
    if (!val) throw endOfString();
    i = val.next;
    const isNull = !val.quoted && val.word.length === 4 && val.word.toLowerCase() === 'null';
    pairs.push([key.word, isNull ? null : val.word]);
    // Then a comma, whitespace or the end.
    let sawComma = false;
    while (i < n) {
      const c = text[i];
      if (c === ',') {
        sawComma = true;
        i++;
        break;
      }
      if (!isSpace(c)) throw syntaxError(text, i);
      i++;
    }
    if (!sawComma) break;
  }
  return hstoreFromPairs(pairs);
}

const quote = (s: string): string => `"${s.replace(/["\\]/g, '\\$&')}"`;

/** hstore_out: `"k"=>"v", "k2"=>NULL` in canonical order. */
export function hstoreOut(h: Hstore): string {
  let out = '';
  for (let i = 0; i < h.keys.length; i++) {
    if (i) out += ', ';
    const v = h.vals[i];
    out += `${quote(h.keys[i])}=>${v === null ? 'NULL' : quote(v)}`;
  }
  return out;
}

/** hstore_cmp: empty first; then the data bytes, their length, the count, then the entry layout. */
export function compareHstore(a: Hstore, b: Hstore): number {
  if (a.size === 0 || b.size === 0) return a.size > 0 ? 1 : b.size > 0 ? -1 : 0;
  const x = a.dataBytes();
  const y = b.dataBytes();
  const n = Math.min(x.length, y.length);
  const c = x.subarray(0, n).compare(y.subarray(0, n));
  if (c !== 0) return c;
  if (x.length !== y.length) return x.length > y.length ? 1 : -1;
  if (a.size !== b.size) return a.size > b.size ? 1 : -1;
  // Same bytes and count: compare entry end positions, a NULL value sorting after an empty one.
  let pa = 0;
  let pb = 0;
  for (let i = 0; i < a.size; i++) {
    pa += utf8Length(a.keys[i]);
    pb += utf8Length(b.keys[i]);
    if (pa !== pb) return pa < pb ? -1 : 1;
    const va = a.vals[i];
    const vb = b.vals[i];
    pa += va === null ? 0 : utf8Length(va);
    pb += vb === null ? 0 : utf8Length(vb);
    if (pa !== pb) return pa < pb ? -1 : 1;
    if ((va === null) !== (vb === null)) return va === null ? 1 : -1;
  }
  return 0;
}

export const hstoreIO: TypeIO<Hstore> = {
  input: (text) => parseHstore(text),
  output: (v) => hstoreOut(v),
  compare: compareHstore,
  hashKey: (v) => hstoreOut(v),
};
