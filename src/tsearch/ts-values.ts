/**
 * The in-memory forms of tsvector and tsquery values, and the small helpers every text-search
 * module shares (byte order of lexemes, UTF-8 lengths, position/weight packing).
 *
 * Postgres counterpart: src/include/tsearch/ts_type.h (TSVectorData, WordEntry, WordEntryPos,
 * QueryItem). Postgres keeps a tsquery in polish notation; here it is a tree, printed and compared
 * the way Postgres prints and compares the polish form.
 */
import { compareCodePoints } from '../types/collation.js';

/** Largest position a tsvector keeps (MAXENTRYPOS - 1); larger ones are clamped to it. */
export const MAX_POS = 16383;
/** Positions kept per lexeme (MAXNUMPOS). */
export const MAX_NUM_POS = 256;

/**
 * One lexeme of a tsvector: the word and its positions, each packed as `weight << 14 | pos`
 * (weight 3 = A, 2 = B, 1 = C, 0 = D), sorted by position, unique. An empty list means the
 * lexeme carries no positions (as after strip()).
 */
export interface TsLexeme {
  readonly word: string;
  readonly pos: readonly number[];
}

/** A tsvector: lexemes sorted in byte order (tsCompareString), unique. */
export class TsVector {
  constructor(readonly lexemes: readonly TsLexeme[]) {}
}

export const posOf = (p: number): number => p & 0x3fff;
export const weightOf = (p: number): number => p >> 14;
export const packPos = (pos: number, weight: number): number => (weight << 14) | pos;

/** A tsquery operand: lexeme, weight mask (A = 8, B = 4, C = 2, D = 1; 0 = any) and prefix flag. */
export interface QueryVal {
  readonly kind: 'val';
  readonly word: string;
  readonly weight: number;
  readonly prefix: boolean;
}
export interface QueryNot {
  readonly kind: 'not';
  readonly arg: QueryNode;
}
export interface QueryBinary {
  readonly kind: 'and' | 'or' | 'phrase';
  readonly left: QueryNode;
  readonly right: QueryNode;
  /** Phrase distance (`<->` is 1); 0 for & and |. */
  readonly distance: number;
}
export type QueryNode = QueryVal | QueryNot | QueryBinary;

/** A tsquery: a tree of operands and operators; `root` null for the empty query. */
export class TsQuery {
  constructor(readonly root: QueryNode | null) {}
}

/** Operator priorities (tsearch_op_priority): ! 4, <-> 3, & 2, | 1. */
export function priority(n: QueryNode): number {
  switch (n.kind) {
    case 'val':
      return 5;
    case 'not':
      return 4;
    case 'phrase':
      return 3;
    case 'and':
      return 2;
    case 'or':
      return 1;
  }
}

/** UTF-8 byte length of a string. */
export function byteLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Code-point (= UTF-8 byte) order of two strings: tsCompareString without prefix matching. */
export const compareLexemes: (a: string, b: string) => number = compareCodePoints;

/** Whether `word` starts with `prefix` (tsCompareString with prefix = true). */
export function isPrefixOf(prefix: string, word: string): boolean {
  return word.startsWith(prefix);
}
