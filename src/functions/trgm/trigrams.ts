/**
 * pg_trgm's trigram extraction and similarity measures, byte for byte as the extension computes
 * them in a UTF8 database: words are runs of word characters (alphanumerics under the cluster's
 * LC_CTYPE, see ../extension-data/trgm-word-chars.ts), lower-cased, padded with two spaces in
 * front and one behind; a trigram of three single-byte characters is kept as its bytes, any other
 * one is reduced to three bytes of a (legacy) CRC-32 of its UTF-8 bytes. Trigram arrays are
 * sorted comparing bytes as signed chars (x86's default char signedness, as the oracle's).
 * Similarities are float4 arithmetic.
 *
 * A trigram is held as one number: its three bytes, each xor 0x80, so that numeric order is the
 * signed-char order Postgres sorts by.
 * Postgres counterpart: contrib/pg_trgm/trgm_op.c (generate_trgm, calc_word_similarity,
 * iterate_word_similarity, cnt_sml, show_trgm).
 */
import { TRGM_WORD_CHAR_RANGES } from '../extension-data/trgm-word-chars.js';
import { icuLower } from './icu-lower.js';

const RANGES = Int32Array.from(TRGM_WORD_CHAR_RANGES);

/** ISWORDCHR: ASCII alphanumerics, and the non-ASCII code points the oracle's iswalnum() accepts. */
export function isTrgmWordChar(cp: number): boolean {
  if (cp < 128) return (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
  let lo = 0;
  let hi = RANGES.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < RANGES[2 * mid]) hi = mid - 1;
    else if (cp > RANGES[2 * mid + 1]) lo = mid + 1;
    else return true;
  }
  return false;
}

/** pg_crc32_table: the reflected CRC-32 table (polynomial 0xEDB88320). */
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[i] = c >>> 0;
  }
  return t;
})();

const encoder = new TextEncoder();

/** A trigram from its three bytes. */
function key(b0: number, b1: number, b2: number): number {
  return ((b0 ^ 0x80) << 16) | ((b1 ^ 0x80) << 8) | (b2 ^ 0x80);
}

/** The three bytes of a trigram (as trgm2int packs them). */
export function trigramBytes(k: number): number {
  return k ^ 0x808080;
}

/**
 * Appends the trigrams of one padded word (`  word `, UTF-8 bytes in `buf[0..len)`, character
 * starts in `starts`).
 */
function makeTrigrams(out: number[], buf: Uint8Array, starts: readonly number[], len: number): void {
  const n = starts.length;
  for (let i = 0; i + 2 < n; i++) {
    const s = starts[i];
    const e = i + 3 < n ? starts[i + 3] : len;
    if (e - s === 3) {
      out.push(key(buf[s], buf[s + 1], buf[s + 2]));
      continue;
    }
    // The legacy CRC-32 (the reflected table driven MSB-first), of which the low three bytes
    // (the first three in memory on a little-endian machine) become the trigram.
    let crc = 0xffffffff;
    for (let j = s; j < e; j++) crc = (CRC_TABLE[((crc >>> 24) ^ buf[j]) & 0xff] ^ (crc << 8)) >>> 0;
    crc = (crc ^ 0xffffffff) >>> 0;
    out.push(key(crc & 0xff, (crc >>> 8) & 0xff, (crc >>> 16) & 0xff));
  }
}

/** Adds the trigrams of one (not yet lower-cased) word; returns how many it added. */
function addWord(out: number[], word: string): number {
  const lowered = icuLower(word);
  const bytes = encoder.encode(lowered);
  const buf = new Uint8Array(bytes.length + 3);
  buf[0] = 32;
  buf[1] = 32;
  buf.set(bytes, 2);
  buf[bytes.length + 2] = 32;
  const starts: number[] = [0, 1];
  for (let i = 2; i < bytes.length + 2; i++) if ((buf[i] & 0xc0) !== 0x80) starts.push(i);
  starts.push(bytes.length + 2);
  const before = out.length;
  makeTrigrams(out, buf, starts, buf.length);
  return out.length - before;
}

/**
 * generate_trgm_only: the trigrams of every word in order, with duplicates; `bounds` (when
 * given) receives 1 at a word's first trigram and 2 at its last (both: 3).
 */
export function trigramsInOrder(s: string, bounds?: number[]): number[] {
  const out: number[] = [];
  let start = -1;
  let i = 0;
  const flush = (end: number) => {
    const before = out.length;
    const added = addWord(out, s.slice(start, end));
    if (bounds && added > 0) {
      while (bounds.length < out.length) bounds.push(0);
      bounds[before] |= 1;
      bounds[out.length - 1] |= 2;
    }
    start = -1;
  };
  while (i < s.length) {
    const cp = s.codePointAt(i)!;
    const w = isTrgmWordChar(cp);
    if (w && start < 0) start = i;
    else if (!w && start >= 0) flush(i);
    i += cp > 0xffff ? 2 : 1;
  }
  if (start >= 0) flush(s.length);
  return out;
}

/** generate_trgm: the sorted, unique trigrams of a string. */
export function trigramSet(s: string): Int32Array {
  const all = Int32Array.from(trigramsInOrder(s)).sort();
  let n = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[n - 1]) all[n++] = all[i];
  return all.subarray(0, n);
}

/** CALCSML in float4. */
function calcSml(count: number, len1: number, len2: number): number {
  return Math.fround(count / (len1 + len2 - count));
}

/** cnt_sml: shared trigrams over the union, 0 when either side has none. */
export function similarityOf(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let count = 0;
  while (i < a.length && j < b.length) {
    if (a[i] < b[j]) i++;
    else if (a[i] > b[j]) j++;
    else {
      i++;
      j++;
      count++;
    }
  }
  return calcSml(count, a.length, b.length);
}

/** similarity(a, b). */
export function similarity(a: string, b: string): number {
  return similarityOf(trigramSet(a), trigramSet(b));
}

/**
 * calc_word_similarity: the greatest similarity between the trigram set of `pattern` and that of
 * any extent of `text` (strict: extents bounded by word bounds).
 */
export function wordSimilarity(pattern: string, text: string, strict: boolean): number {
  const t1 = trigramsInOrder(pattern);
  const bounds: number[] | undefined = strict ? [] : undefined;
  const t2 = trigramsInOrder(text, bounds);
  const len1 = t1.length;
  const len2 = t2.length;
  const len = len1 + len2;
  // Positional trigrams: the pattern's at position -1, the text's at their index; sorted by
  // trigram, then position.
  const order = new Int32Array(len);
  for (let i = 0; i < len; i++) order[i] = i;
  const trgAt = (k: number) => (k < len1 ? t1[k] : t2[k - len1]);
  const posAt = (k: number) => (k < len1 ? -1 : k - len1);
  order.sort((x, y) => trgAt(x) - trgAt(y) || posAt(x) - posAt(y));
  const trg2indexes = new Int32Array(len2);
  const found = new Uint8Array(len + 1);
  let ulen1 = 0;
  let j = 0;
  for (let i = 0; i < len; i++) {
    if (i > 0 && trgAt(order[i - 1]) !== trgAt(order[i])) {
      if (found[j]) ulen1++;
      j++;
    }
    const p = posAt(order[i]);
    if (p >= 0) trg2indexes[p] = j;
    else found[j] = 1;
  }
  if (found[j]) ulen1++;
  return iterateWordSimilarity(trg2indexes, found, ulen1, len2, len, strict, bounds);
}

/** iterate_word_similarity without its threshold short-cut (the operators compare afterwards). */
function iterateWordSimilarity(trg2indexes: Int32Array, found: Uint8Array, ulen1: number, len2: number, len: number, strict: boolean, bounds: number[] | undefined): number {
  let ulen2 = 0;
  let count = 0;
  let upper = -1;
  let smlrMax = 0;
  let lower = strict ? 0 : -1;
  const lastpos = new Int32Array(len).fill(-1);
  for (let i = 0; i < len2; i++) {
    const trgindex = trg2indexes[i];
    if (lower >= 0 || found[trgindex]) {
      if (lastpos[trgindex] < 0) {
        ulen2++;
        if (found[trgindex]) count++;
      }
      lastpos[trgindex] = i;
    }
    if (strict ? (bounds![i] & 2) !== 0 : found[trgindex] !== 0) {
      upper = i;
      if (lower === -1) {
        lower = i;
        ulen2 = 1;
      }
      let smlrCur = calcSml(count, ulen1, ulen2);
      let tmpCount = count;
      let tmpUlen2 = ulen2;
      const prevLower = lower;
      for (let tmpLower = lower; tmpLower <= upper; tmpLower++) {
        if (!strict || (bounds![tmpLower] & 1) !== 0) {
          const smlrTmp = calcSml(tmpCount, ulen1, tmpUlen2);
          if (smlrTmp > smlrCur) {
            smlrCur = smlrTmp;
            ulen2 = tmpUlen2;
            lower = tmpLower;
            count = tmpCount;
          }
        }
        const tmpTrgindex = trg2indexes[tmpLower];
        if (lastpos[tmpTrgindex] === tmpLower) {
          tmpUlen2--;
          if (found[tmpTrgindex]) tmpCount--;
        }
      }
      smlrMax = Math.max(smlrMax, smlrCur);
      for (let tmpLower = prevLower; tmpLower < lower; tmpLower++) {
        const tmpTrgindex = trg2indexes[tmpLower];
        if (lastpos[tmpTrgindex] === tmpLower) lastpos[tmpTrgindex] = -1;
      }
    }
  }
  return smlrMax;
}

/** show_trgm's text for one trigram: its characters when all are ASCII alphanumerics or spaces, else hex. */
export function showTrigram(k: number): string {
  const v = trigramBytes(k);
  const b0 = v >>> 16;
  const b1 = (v >>> 8) & 0xff;
  const b2 = v & 0xff;
  const printable = (b: number) => b === 32 || (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122);
  if (printable(b0) && printable(b1) && printable(b2)) return String.fromCharCode(b0, b1, b2);
  return '0x' + v.toString(16).padStart(6, '0');
}
