/**
 * tsvector input and output, the tokenizer tsquery input shares, and the b-tree order of tsvectors.
 *
 * Postgres counterpart: src/backend/utils/adt/tsvector.c (tsvectorin, tsvectorout,
 * uniqueentry/uniquePos), tsvector_parser.c (gettoken_tsvector), tsvector_op.c (silly_cmp_tsvector).
 * Known gaps: the 1 MB total size limit is not checked.
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { TypeIO } from '../types/type-io.js';
import { MAX_NUM_POS, MAX_POS, TsVector, byteLength, compareLexemes, packPos, posOf, weightOf, type TsLexeme } from './ts-values.js';

const MAX_LEXEME_BYTES = 2047;

const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\v' || c === '\f';
const isDigit = (c: string): boolean => c >= '0' && c <= '9';
/** The characters tsquery input treats as delimiters (ISOPERATOR). */
export const isQueryOperatorChar = (c: string): boolean => c === '!' || c === '&' || c === '|' || c === '(' || c === ')' || c === '<';

/** One token of gettoken_tsvector: the word, its positions (tsvector mode) and where scanning resumes. */
export interface RawToken {
  word: string;
  pos: number[];
  end: number;
}

/**
 * gettoken_tsvector: reads one (possibly quoted, backslash-escaped) word starting at `start`;
 * in tsvector mode also its `:1,2A` position list. Returns null at the end of input.
 * `query` is tsquery mode: operator characters and `:` end a word, errors say "tsquery".
 */
export function readToken(input: string, start: number, query: boolean, web = false): RawToken | null {
  const syntax = () => new PgError(SQLSTATE.syntax_error, `syntax error in ${query ? 'tsquery' : 'tsvector'}: "${input}"`);
  let i = start;
  let word = '';
  const pos: number[] = [];
  const n = input.length;
  // WAITWORD
  for (;;) {
    if (i >= n) return null;
    const c = input[i];
    if (c === "'" && !web) {
      i++;
      break;
    }
    if (c === '\\' && !web) {
      i++;
      if (i >= n) throw new PgError(SQLSTATE.syntax_error, `there is no escaped character: "${input}"`);
      word += input[i++];
      return readPlain();
    }
    if ((query && isQueryOperatorChar(c)) || (web && c === '"')) throw syntax();
    if (!isSpace(c)) {
      // The first character is taken as is (even ':', which only ends a word after its start).
      word += c;
      i++;
      return readPlain();
    }
    i++;
  }
  // WAITENDCMPLX: inside quotes
  for (;;) {
    if (i >= n) throw syntax();
    const c = input[i];
    if (c === "'") {
      if (input[i + 1] === "'") {
        word += "'";
        i += 2;
        continue;
      }
      i++;
      break;
    }
    if (c === '\\') {
      i++;
      if (i >= n) throw new PgError(SQLSTATE.syntax_error, `there is no escaped character: "${input}"`);
      word += input[i++];
      continue;
    }
    word += c;
    i++;
  }
  if (word === '') throw syntax();
  if (query) return done();
  if (input[i] === ':') {
    i++;
    return readPositions();
  }
  return done();

  function done(): RawToken {
    if (!query && byteLength(word) > MAX_LEXEME_BYTES) {
      throw new PgError(SQLSTATE.program_limit_exceeded, `word is too long (${byteLength(word)} bytes, max ${MAX_LEXEME_BYTES} bytes)`);
    }
    return { word, pos, end: i };
  }

  function readPlain(): RawToken {
    // WAITENDWORD
    for (;;) {
      const c = input[i];
      if (c === '\\' && !web) {
        i++;
        if (i >= n) throw new PgError(SQLSTATE.syntax_error, `there is no escaped character: "${input}"`);
        word += input[i++];
        continue;
      }
      if (i >= n || isSpace(c) || (query && isQueryOperatorChar(c)) || (web && c === '"')) {
        if (word === '') throw syntax();
        return done();
      }
      if (c === ':') {
        if (word === '') throw syntax();
        if (query) return done();
        i++;
        return readPositions();
      }
      word += c;
      i++;
    }
  }

  function readPositions(): RawToken {
    // INPOSINFO / WAITPOSDELIM
    for (;;) {
      if (i >= n || !isDigit(input[i])) throw syntax();
      let j = i;
      while (j < n && isDigit(input[j])) j++;
      const digits = input.slice(i, j);
      let p = Number(digits.length > 9 ? '999999999' : digits);
      if (p > MAX_POS) p = MAX_POS;
      if (p === 0) throw new PgError(SQLSTATE.syntax_error, `wrong position info in tsvector: "${input}"`);
      i = j;
      let weight = -1;
      for (;;) {
        const c = input[i];
        if (i >= n || isSpace(c)) {
          pos.push(packPos(p, weight < 0 ? 0 : weight));
          return done();
        }
        if (c === ',') {
          pos.push(packPos(p, weight < 0 ? 0 : weight));
          i++;
          break;
        }
        const w = 'dcba'.indexOf(c.toLowerCase());
        if (w >= 0 || c === '*') {
          if (weight > 0) throw syntax();
          weight = c === '*' ? 3 : w;
          i++;
          continue;
        }
        if (isDigit(c)) {
          i++;
          continue;
        }
        throw syntax();
      }
    }
  }
}

/** Sorts and deduplicates positions (uniquePos): the highest weight wins for a repeated position; at most 256 kept. */
export function uniquePositions(pos: number[]): number[] {
  if (pos.length <= 1) return pos;
  const sorted = pos.slice().sort((a, b) => posOf(a) - posOf(b));
  const out: number[] = [sorted[0]];
  for (let k = 1; k < sorted.length; k++) {
    const last = out[out.length - 1];
    if (posOf(sorted[k]) !== posOf(last)) {
      if (out.length >= MAX_NUM_POS) break;
      out.push(sorted[k]);
    } else if (weightOf(sorted[k]) > weightOf(last)) out[out.length - 1] = packPos(posOf(last), weightOf(sorted[k]));
  }
  return out;
}

/** Builds a tsvector from unsorted lexemes with possibly repeated words (uniqueentry). */
export function makeTsVector(items: readonly TsLexeme[]): TsVector {
  if (items.length === 0) return new TsVector([]);
  const sorted = items.slice().sort((a, b) => compareLexemes(a.word, b.word));
  const out: TsLexeme[] = [];
  let word = sorted[0].word;
  let pos: number[] = sorted[0].pos.slice();
  for (let k = 1; k < sorted.length; k++) {
    if (sorted[k].word === word) {
      for (const p of sorted[k].pos) pos.push(p);
    } else {
      out.push({ word, pos: uniquePositions(pos) });
      word = sorted[k].word;
      pos = sorted[k].pos.slice();
    }
  }
  out.push({ word, pos: uniquePositions(pos) });
  return new TsVector(out);
}

/** tsvectorin. */
export function parseTsVector(input: string): TsVector {
  const items: TsLexeme[] = [];
  let i = 0;
  for (;;) {
    const t = readToken(input, i, false);
    if (!t) break;
    items.push({ word: t.word, pos: t.pos });
    i = t.end;
  }
  return makeTsVector(items);
}

/** Quotes a lexeme as tsvectorout / tsqueryout do: `'it''s'`, backslashes doubled. */
export function quoteLexeme(word: string): string {
  return "'" + word.replace(/'/g, "''").replace(/\\/g, '\\\\') + "'";
}

const WEIGHT_LETTER = ['', 'C', 'B', 'A'];

/** tsvectorout. */
export function tsVectorOutput(v: TsVector): string {
  const parts: string[] = [];
  for (const l of v.lexemes) {
    let s = quoteLexeme(l.word);
    if (l.pos.length) s += ':' + l.pos.map((p) => posOf(p) + WEIGHT_LETTER[weightOf(p)]).join(',');
    parts.push(s);
  }
  return parts.join(' ');
}

/** The size Postgres's varlena of this tsvector would have (silly_cmp_tsvector compares it first). */
function storedSize(v: TsVector): number {
  let len = 0;
  for (const l of v.lexemes) {
    len += byteLength(l.word);
    if (l.pos.length) {
      len = (len + 1) & ~1;
      len += 2 + 2 * l.pos.length;
    }
  }
  return 8 + 4 * v.lexemes.length + len;
}

/** silly_cmp_tsvector: the b-tree order of tsvectors. */
export function compareTsVectors(a: TsVector, b: TsVector): number {
  const sa = storedSize(a);
  const sb = storedSize(b);
  if (sa !== sb) return sa < sb ? -1 : 1;
  if (a.lexemes.length !== b.lexemes.length) return a.lexemes.length < b.lexemes.length ? -1 : 1;
  for (let k = 0; k < a.lexemes.length; k++) {
    const x = a.lexemes[k];
    const y = b.lexemes[k];
    const xh = x.pos.length > 0;
    const yh = y.pos.length > 0;
    if (xh !== yh) return xh ? -1 : 1;
    const c = compareLexemes(x.word, y.word);
    if (c !== 0) return c < 0 ? -1 : 1;
    if (xh) {
      if (x.pos.length !== y.pos.length) return x.pos.length > y.pos.length ? -1 : 1;
      for (let m = 0; m < x.pos.length; m++) {
        if (posOf(x.pos[m]) !== posOf(y.pos[m])) return posOf(x.pos[m]) > posOf(y.pos[m]) ? -1 : 1;
        if (weightOf(x.pos[m]) !== weightOf(y.pos[m])) return weightOf(x.pos[m]) > weightOf(y.pos[m]) ? -1 : 1;
      }
    }
  }
  return 0;
}

export const tsvectorIO: TypeIO<TsVector> = {
  input: (text) => parseTsVector(text),
  output: (v) => tsVectorOutput(v),
  compare: compareTsVectors,
  hashKey: (v) => tsVectorOutput(v),
};
