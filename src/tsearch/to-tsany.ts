/**
 * Text to tsvector and tsquery through a configuration: parse the text into tokens, send each
 * token to the dictionaries its type maps to, and collect the lexemes with their positions.
 * to_tsvector, to_tsquery, plainto_tsquery, phraseto_tsquery, websearch_to_tsquery, and
 * to_tsvector over json/jsonb string values.
 *
 * Postgres counterpart: src/backend/tsearch/ts_parse.c (parsetext, LexizeExec), to_tsany.c
 * (make_tsvector, pushval_morph, to_tsquery_byid and friends, add_to_tsvector).
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { MAX_POS, TsVector, byteLength, packPos, type QueryNode, type TsLexeme, type TsQuery } from './ts-values.js';
import { lexize, lexizeChain, type TsConfig } from './ts-config.js';
import { parseText, type Token } from './wparser.js';
import { makeTsVector } from './tsvector-io.js';
import { parseTsQuery, STOP_WORD, type QueryMode } from './tsquery-io.js';

const MAX_WORD_BYTES = 2047;

/** One lexeme from parsetext with its position (1-based, clamped to 16383 only when stored). */
export interface ParsedWord {
  readonly word: string;
  readonly pos: number;
}

/** Called with Postgres's NOTICE text (and detail) for words too long to index. */
export type NoticeSink = (message: string, detail?: string) => void;

/**
 * parsetext: the lexemes of `text` under configuration `cfgOid`. `start` is the position before
 * the first word (0 for a fresh text); the last position used is returned.
 */
export function parseWords(cfg: TsConfig, text: string, out: ParsedWord[], start = 0, notice?: NoticeSink): number {
  let pos = start;
  for (const tok of parseText(text)) {
    const dicts = cfg.map.get(tok.type);
    if (!dicts) continue;
    if (byteLength(tok.text) > MAX_WORD_BYTES) {
      notice?.('word is too long to be indexed', 'Words longer than 2047 characters are ignored.');
      continue;
    }
    const lexemes = lexizeChain(dicts, tok.text);
    if (lexemes !== null) {
      pos++;
      for (const l of lexemes) out.push({ word: l, pos });
    }
  }
  return pos;
}

/** make_tsvector: words with positions to a tsvector. */
export function wordsToTsVector(words: readonly ParsedWord[]): TsVector {
  const items: TsLexeme[] = words.map((w) => ({ word: w.word, pos: [packPos(Math.min(w.pos, MAX_POS), 0)] }));
  return makeTsVector(items);
}

/** to_tsvector(config, text). */
export function toTsVector(cfg: TsConfig, text: string, notice?: NoticeSink): TsVector {
  const words: ParsedWord[] = [];
  parseWords(cfg, text, words, 0, notice);
  return wordsToTsVector(words);
}

/** to_tsvector over the string values of a json document (in order), with a gap after each value that gave words. */
export function toTsVectorOfStrings(cfg: TsConfig, strings: Iterable<string>, notice?: NoticeSink): TsVector {
  const words: ParsedWord[] = [];
  let pos = 0;
  for (const s of strings) {
    const before = words.length;
    pos = parseWords(cfg, s, words, pos, notice);
    if (words.length > before) pos++;
  }
  return wordsToTsVector(words);
}

/**
 * pushval_morph: one query operand through the configuration. The lexemes of one position are
 * ANDed; consecutive positions are joined by `join` (<-> for to_tsquery, & for plainto_tsquery),
 * and stop words in between leave placeholders that widen the phrase distance when removed.
 */
function morphOperand(cfg: TsConfig, word: string, weight: number, prefix: boolean, join: 'and' | 'phrase'): QueryNode {
  const words: ParsedWord[] = [];
  parseWords(cfg, word, words);
  if (words.length === 0) return STOP_WORD;
  const stack: QueryNode[] = [];
  const pushOp = (kind: 'and' | 'or' | 'phrase', distance: number) => {
    const right = stack.pop()!;
    const left = stack.pop()!;
    stack.push({ kind, left, right, distance: kind === 'phrase' ? distance : 0 });
  };
  let count = 0;
  let pos = 0;
  let cntpos = 0;
  while (count < words.length) {
    if (pos > 0 && pos + 1 < words[count].pos) {
      while (pos + 1 < words[count].pos) {
        stack.push(STOP_WORD);
        if (cntpos) pushOp(join, 1);
        cntpos++;
        pos++;
      }
    }
    pos = words[count].pos;
    // All lexemes at this position are one variant here (no dictionary gives several variants).
    let cnt = 0;
    while (count < words.length && words[count].pos === pos) {
      stack.push({ kind: 'val', word: words[count].word, weight, prefix });
      if (cnt) pushOp('and', 0);
      cnt++;
      count++;
    }
    if (cntpos) pushOp(join, 1);
    cntpos++;
  }
  return stack[0];
}

/** to_tsquery / plainto_tsquery / phraseto_tsquery / websearch_to_tsquery under a configuration. */
export function toTsQuery(cfg: TsConfig, text: string, kind: 'to' | 'plain' | 'phrase' | 'web', notice?: (msg: string) => void): TsQuery {
  const join = kind === 'plain' ? 'and' : 'phrase';
  const mode: QueryMode = kind === 'plain' || kind === 'phrase' ? 'plain' : kind === 'web' ? 'web' : 'standard';
  return parseTsQuery(text, (op) => morphOperand(cfg, op.word, op.weight, op.prefix, join), notice, mode);
}

/** ts_lexize-style token list for ts_debug: each token with the dictionaries tried and the result. */
export interface DebugRow {
  readonly token: Token;
  readonly dictionaries: readonly number[];
  readonly dictionary: number | null;
  readonly lexemes: readonly string[] | null;
}

/** ts_debug(config, text). */
export function debugText(cfg: TsConfig, text: string): DebugRow[] {
  const rows: DebugRow[] = [];
  for (const tok of parseText(text)) {
    const dicts = cfg.map.get(tok.type) ?? [];
    let dictionary: number | null = null;
    let lexemes: string[] | null = null;
    for (const d of dicts) {
      const l = lexize(d, tok.text);
      if (l !== null) {
        dictionary = d;
        lexemes = l;
        break;
      }
    }
    rows.push({ token: tok, dictionaries: dicts, dictionary, lexemes });
  }
  return rows;
}

/** `22023`-style errors of this module. */
export function invalidParameter(message: string): PgError {
  return new PgError(SQLSTATE.invalid_parameter_value, message);
}
