/**
 * tsquery input and output, and the b-tree order of tsqueries.
 *
 * Input follows makepol(): operands read by the tsvector tokenizer (readToken in query mode),
 * `:*ABCD` modifiers, `! & | <-> <N>` with priorities ! > <-> > & > |, parentheses. Every operand
 * goes through a `pushValue` callback, so to_tsquery can replace it by the normalized lexemes of
 * the configuration (or drop a stop word) while the operator structure stays Postgres's.
 *
 * Postgres counterpart: src/backend/utils/adt/tsquery.c (parse_tsquery, gettoken_query_standard,
 * infix, tsqueryout), tsquery_cleanup.c (stop-word removal), tsquery_op.c (CompareTSQ).
 * Known gaps: the order of two different tsqueries of the same size compares their text, not
 * Postgres's CRC of each operand.
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { TypeIO } from '../types/type-io.js';
import { byteLength, compareLexemes, priority, TsQuery, type QueryNode } from './ts-values.js';
import { isQueryOperatorChar, quoteLexeme, readToken } from './tsvector-io.js';

/** A parsed operand before normalization. */
export interface RawOperand {
  word: string;
  weight: number;
  prefix: boolean;
}

/** What an operand becomes: a subtree, which may contain STOP_WORD placeholders (cleaned away after parsing). */
export type PushValue = (op: RawOperand) => QueryNode;

const MAX_DISTANCE = 16384;
/** Stands for a removed stop word until cleanup (QI_VALSTOP). */
export const STOP_WORD: QueryNode = { kind: 'val', word: '\u0000stop', weight: 0, prefix: false };
const STOP = STOP_WORD;

function containsStop(n: QueryNode): boolean {
  if (n === STOP) return true;
  if (n.kind === 'val') return false;
  if (n.kind === 'not') return containsStop(n.arg);
  return containsStop(n.left) || containsStop(n.right);
}

/** How operands are read: tsquery syntax, the whole text as one operand (plainto/phraseto), or websearch syntax. */
export type QueryMode = 'standard' | 'plain' | 'web';

const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\v' || c === '\f';

type Tok =
  | { t: 'end' }
  | { t: 'val'; op: RawOperand }
  | { t: 'opr'; op: 'not' | 'and' | 'or' | 'phrase'; distance: number }
  | { t: 'open' }
  | { t: 'close' };

const OP_PRIORITY = { not: 4, phrase: 3, and: 2, or: 1 } as const;

/**
 * parse_tsquery with gettoken_query_standard. `plain` is the single-operand mode plainto_tsquery
 * uses (the whole text is one operand). Stop words pushed as null are cleaned away as Postgres's
 * cleanup_tsquery_stopwords does, with its NOTICE when nothing is left.
 */
export function parseTsQuery(input: string, push: PushValue, notice?: (msg: string) => void, mode: QueryMode = 'standard'): TsQuery {
  const syntax = () => new PgError(SQLSTATE.syntax_error, `syntax error in tsquery: "${input}"`);
  let i = 0;
  let state: 'first' | 'operand' | 'operator' | 'single' = mode === 'plain' ? 'single' : 'first';
  let depth = 0;
  let items = 0;
  /** A stop placeholder the websearch tokenizer pushes for a missing last operand. */
  let pendingStop = false;

  const modifiers = (op: RawOperand): void => {
    if (input[i] !== ':') return;
    i++;
    for (; i < input.length; i++) {
      const c = input[i];
      if (c === 'a' || c === 'A') op.weight |= 8;
      else if (c === 'b' || c === 'B') op.weight |= 4;
      else if (c === 'c' || c === 'C') op.weight |= 2;
      else if (c === 'd' || c === 'D') op.weight |= 1;
      else if (c === '*') op.prefix = true;
      else break;
    }
  };

  const next = (): Tok => (mode === 'web' ? nextWeb() : nextStandard());

  const isOrOperator = (): boolean => {
    if (input.slice(i, i + 2).toLowerCase() !== 'or') return false;
    let j = i + 2;
    if (j >= input.length) return false;
    const c = input[j];
    if (c === '-' || c === '_' || /[\p{L}0-9]/u.test(c)) return false;
    for (;;) {
      j++;
      if (j >= input.length) return false;
      if (!isSpace(input[j])) return true;
    }
  };

  // gettoken_query_websearch: never a syntax error; "quoted text" is one operand, - is NOT, "or" is OR.
  const nextWeb = (): Tok => {
    for (;;) {
      const c = input[i];
      if (state === 'first' || state === 'operand') {
        if (c === '-') {
          i++;
          state = 'operand';
          return { t: 'opr', op: 'not', distance: 0 };
        }
        if (c === '"') {
          i++;
          const start = i;
          while (i < input.length && input[i] !== '"') i++;
          const word = input.slice(start, i);
          if (i < input.length) i++;
          state = 'operator';
          return { t: 'val', op: { word, weight: 0, prefix: false } };
        }
        if (c !== undefined && (c === '!' || c === '&' || c === '|' || c === '(' || c === ')' || c === '<')) {
          i++;
          state = 'operand';
          continue;
        }
        if (c === undefined) {
          if (state === 'operand') pendingStop = true;
          return { t: 'end' };
        }
        if (!isSpace(c)) {
          const tok = readToken(input, i, true, true);
          if (tok) {
            i = tok.end;
            state = 'operator';
            return { t: 'val', op: { word: tok.word, weight: 0, prefix: false } };
          }
          if (state === 'operand') pendingStop = true;
          return { t: 'end' };
        }
      } else {
        if (c === '"') {
          state = 'operand';
          return { t: 'opr', op: 'and', distance: 0 };
        }
        if (isOrOperator()) {
          i += 2;
          state = 'operand';
          return { t: 'opr', op: 'or', distance: 0 };
        }
        if (c === undefined) return { t: 'end' };
        if (isQueryOperatorChar(c)) {
          // other operator characters are ignored here too
          i++;
          continue;
        }
        if (!isSpace(c)) {
          state = 'operand';
          return { t: 'opr', op: 'and', distance: 0 };
        }
      }
      i++;
    }
  };

  const nextStandard = (): Tok => {
    for (;;) {
      const c = input[i];
      if (state === 'single') {
        if (i >= input.length) return { t: 'end' };
        const word = input.slice(i);
        i = input.length;
        return { t: 'val', op: { word, weight: 0, prefix: false } };
      }
      if (state === 'first' || state === 'operand') {
        if (c === '!') {
          i++;
          state = 'operand';
          return { t: 'opr', op: 'not', distance: 0 };
        }
        if (c === '(') {
          depth++;
          i++;
          state = 'operand';
          return { t: 'open' };
        }
        if (c === ':') throw syntax();
        if (c !== undefined && !isSpace(c)) {
          const tok = readToken(input, i, true);
          if (tok) {
            i = tok.end;
            const op: RawOperand = { word: tok.word, weight: 0, prefix: false };
            modifiers(op);
            state = 'operator';
            return { t: 'val', op };
          }
        }
        if (c === undefined) {
          if (state === 'first') return { t: 'end' };
          throw new PgError(SQLSTATE.syntax_error, `no operand in tsquery: "${input}"`);
        }
      } else {
        if (c === '&') {
          i++;
          state = 'operand';
          return { t: 'opr', op: 'and', distance: 0 };
        }
        if (c === '|') {
          i++;
          state = 'operand';
          return { t: 'opr', op: 'or', distance: 0 };
        }
        if (c === '<') {
          const m = /^<(?:(-)|(\d+))>/.exec(input.slice(i));
          if (!m) throw syntax();
          let d = 1;
          if (m[2] !== undefined) {
            d = Number(m[2]);
            if (d > MAX_DISTANCE) {
              throw new PgError(SQLSTATE.invalid_parameter_value, `distance in phrase operator must be an integer value between zero and ${MAX_DISTANCE} inclusive`);
            }
          }
          i += m[0].length;
          state = 'operand';
          return { t: 'opr', op: 'phrase', distance: d };
        }
        if (c === ')') {
          i++;
          depth--;
          if (depth < 0) throw syntax();
          return { t: 'close' };
        }
        if (c === undefined) {
          if (depth) throw syntax();
          return { t: 'end' };
        }
        if (!isSpace(c)) throw syntax();
      }
      i++;
    }
  };

  // makepol: operands and operators in polish order, built directly into a tree with two stacks.
  const makepol = (): QueryNode | null => {
    const operands: QueryNode[] = [];
    const ops: { op: 'not' | 'and' | 'or' | 'phrase'; distance: number }[] = [];
    const reduce = () => {
      const o = ops.pop()!;
      if (o.op === 'not') {
        const arg = operands.pop()!;
        operands.push({ kind: 'not', arg });
      } else {
        const right = operands.pop()!;
        const left = operands.pop()!;
        operands.push({ kind: o.op, left, right, distance: o.distance });
      }
    };
    const clean = (op: 'not' | 'and' | 'or' | 'phrase') => {
      const p = OP_PRIORITY[op];
      while (ops.length) {
        const top = OP_PRIORITY[ops[ops.length - 1].op];
        if ((op !== 'not' && p > top) || (op === 'not' && p >= top)) break;
        reduce();
      }
    };
    for (;;) {
      const tok = next();
      if (tok.t === 'end') {
        if (pendingStop) {
          pendingStop = false;
          items++;
          operands.push(STOP);
        }
        break;
      }
      if (tok.t === 'val') {
        items++;
        operands.push(push(tok.op));
      } else if (tok.t === 'opr') {
        clean(tok.op);
        ops.push({ op: tok.op, distance: tok.distance });
      } else if (tok.t === 'open') {
        const sub = makepol();
        if (sub) operands.push(sub);
      } else {
        clean('or');
        return operands.length ? operands[operands.length - 1] : null;
      }
    }
    clean('or');
    return operands.length ? operands[operands.length - 1] : null;
  };

  const root = makepol();
  if (!root || items === 0) {
    notice?.(`text-search query doesn't contain lexemes: "${input}"`);
    return new TsQuery(null);
  }
  if (!containsStop(root)) return new TsQuery(root);
  const cleaned = cleanStopwords(root);
  if (!cleaned) {
    notice?.('text-search query contains only stop words or doesn\'t contain lexemes, ignored');
    return new TsQuery(null);
  }
  return new TsQuery(cleaned);
}

/**
 * clean_stopwords: removes stop-word placeholders. `a & stop` is `a`; `!stop` is removed; in a
 * phrase, a removed operand widens the distance of the phrase around it (`a <-> stop <-> b` is
 * `a <2> b`).
 */
function cleanStopwords(n: QueryNode): QueryNode | null {
  const r = clean(n);
  return r.node;

  // Returns the cleaned node and, for removed operands inside phrases, the distance they took
  // on their left and right (ladd/radd in Postgres's clean_stopwords_intree).
  function clean(node: QueryNode): { node: QueryNode | null; ladd: number; radd: number } {
    if (node === STOP) return { node: null, ladd: 0, radd: 0 };
    if (node.kind === 'val') return { node, ladd: 0, radd: 0 };
    if (node.kind === 'not') {
      const a = clean(node.arg);
      return a.node ? { node: { kind: 'not', arg: a.node }, ladd: 0, radd: 0 } : { node: null, ladd: 0, radd: 0 };
    }
    const l = clean(node.left);
    const r = clean(node.right);
    const ndistance = node.kind === 'phrase' ? node.distance : 0;
    if (!l.node && !r.node) {
      // Both removed: the whole phrase is as wide as both sides plus the operator.
      return { node: null, ladd: l.ladd + ndistance + r.ladd, radd: l.radd + ndistance + r.radd };
    }
    if (!l.node) {
      // Only the right remains: the left's width moves to our left side.
      return { node: r.node, ladd: l.ladd + ndistance + r.ladd, radd: r.radd };
    }
    if (!r.node) {
      return { node: l.node, ladd: l.ladd, radd: l.radd + ndistance + r.radd };
    }
    if (node.kind === 'phrase') {
      const distance = ndistance + l.radd + r.ladd;
      if (distance > MAX_DISTANCE) {
        throw new PgError(SQLSTATE.invalid_parameter_value, `distance in phrase operator must be an integer value between zero and ${MAX_DISTANCE} inclusive`);
      }
      return { node: { kind: 'phrase', left: l.node, right: r.node, distance }, ladd: l.ladd, radd: r.radd };
    }
    return { node: { kind: node.kind, left: l.node, right: r.node, distance: 0 }, ladd: l.ladd, radd: r.radd };
  }
}

/** tsqueryout's operand form: `'word':*AB`. */
function operandText(word: string, weight: number, prefix: boolean): string {
  let s = quoteLexeme(word);
  if (weight || prefix) {
    s += ':';
    if (prefix) s += '*';
    if (weight & 8) s += 'A';
    if (weight & 4) s += 'B';
    if (weight & 2) s += 'C';
    if (weight & 1) s += 'D';
  }
  return s;
}

/** infix(): Postgres's printing, with parentheses only where priorities need them. */
function infix(n: QueryNode, parentPriority: number, rightPhrase: boolean): string {
  if (n.kind === 'val') return operandText(n.word, n.weight, n.prefix);
  const p = priority(n);
  if (n.kind === 'not') {
    const inner = '!' + infix(n.arg, p, false);
    return p < parentPriority ? `( ${inner} )` : inner;
  }
  const paren = p < parentPriority || (n.kind === 'phrase' && rightPhrase);
  const right = infix(n.right, p, n.kind === 'phrase');
  const left = infix(n.left, p, false);
  const opText = n.kind === 'or' ? ' | ' : n.kind === 'and' ? ' & ' : n.distance === 1 ? ' <-> ' : ` <${n.distance}> `;
  const s = left + opText + right;
  return paren ? `( ${s} )` : s;
}

/** tsqueryout. */
export function tsQueryOutput(q: TsQuery): string {
  return q.root ? infix(q.root, 0, false) : '';
}

/** Number of nodes (numnode). */
export function nodeCount(n: QueryNode | null): number {
  if (!n) return 0;
  if (n.kind === 'val') return 1;
  if (n.kind === 'not') return 1 + nodeCount(n.arg);
  return 1 + nodeCount(n.left) + nodeCount(n.right);
}

function operandBytes(n: QueryNode | null): number {
  if (!n) return 0;
  if (n.kind === 'val') return byteLength(n.word) + 1;
  if (n.kind === 'not') return operandBytes(n.arg);
  return operandBytes(n.left) + operandBytes(n.right);
}

function compareNodes(a: QueryNode, b: QueryNode): number {
  if (a.kind !== b.kind) {
    const ka = a.kind === 'val' ? 0 : 1;
    const kb = b.kind === 'val' ? 0 : 1;
    if (ka !== kb) return ka - kb;
    const order = { not: 1, and: 2, or: 3, phrase: 4 } as Record<string, number>;
    return order[a.kind] - order[b.kind];
  }
  if (a.kind === 'val') {
    const bv = b as typeof a;
    const c = compareLexemes(a.word, bv.word);
    if (c) return c;
    if (a.weight !== bv.weight) return a.weight - bv.weight;
    return Number(a.prefix) - Number(bv.prefix);
  }
  if (a.kind === 'not') return compareNodes(a.arg, (b as typeof a).arg);
  const bb = b as typeof a;
  if (a.distance !== bb.distance) return a.distance - bb.distance;
  return compareNodes(a.right, bb.right) || compareNodes(a.left, bb.left);
}

/** CompareTSQ: number of nodes, then stored size, then the nodes. */
export function compareTsQueries(a: TsQuery, b: TsQuery): number {
  const na = nodeCount(a.root);
  const nb = nodeCount(b.root);
  if (na !== nb) return na < nb ? -1 : 1;
  const sa = operandBytes(a.root);
  const sb = operandBytes(b.root);
  if (sa !== sb) return sa < sb ? -1 : 1;
  if (!a.root || !b.root) return 0;
  const c = compareNodes(a.root, b.root);
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

export const tsqueryIO: TypeIO<TsQuery> = {
  input: (text) => parseTsQuery(text, (op) => ({ kind: 'val', word: op.word, weight: op.weight, prefix: op.prefix })),
  output: (v) => tsQueryOutput(v),
  compare: compareTsQueries,
  hashKey: (v) => tsQueryOutput(v),
};
