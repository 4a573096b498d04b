/**
 * ts_rank and ts_rank_cd, with Postgres's float4 arithmetic (each float operation rounded to
 * single precision, as the C code computes in `float`).
 *
 * Postgres counterpart: src/backend/utils/adt/tsrank.c (calc_rank_or, calc_rank_and,
 * word_distance, calc_rank_cd, Cover, get_docrep, getWeights).
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { PgArray, type Value } from '../types/values.js';
import { TsQuery, TsVector, compareLexemes, packPos, posOf, weightOf, type QueryNode, type QueryVal, type TsLexeme } from './ts-values.js';
import { matchingLexemes, tsMatch } from './ts-match.js';

const f = Math.fround;
export const DEFAULT_WEIGHTS: readonly number[] = [f(0.1), f(0.2), f(0.4), f(1.0)];
const MAXENTRYPOS = 16384;

/** getWeights: the {D, C, B, A} weights array argument. */
export function readWeights(a: PgArray): number[] {
  if (a.dims.length !== 1 && a.items.length > 0) throw new PgError(SQLSTATE.array_subscript_error, 'array of weight must be one-dimensional');
  if (a.items.length < 4) throw new PgError(SQLSTATE.array_subscript_error, 'array of weight is too short');
  if (a.items.some((x: Value) => x === null)) throw new PgError(SQLSTATE.null_value_not_allowed, 'array of weight must not contain nulls');
  const ws: number[] = [];
  for (let i = 0; i < 4; i++) {
    const x = a.items[i] as number;
    ws.push(x >= 0 ? x : DEFAULT_WEIGHTS[i]);
    if (ws[i] > 1.0) throw new PgError(SQLSTATE.invalid_parameter_value, 'weight out of range');
  }
  return ws;
}

/** Query operands, deduplicated by lexeme and sorted (SortAndUniqItems). */
function uniqueOperands(q: TsQuery): QueryVal[] {
  const all: QueryVal[] = [];
  const walk = (n: QueryNode) => {
    if (n.kind === 'val') all.push(n);
    else if (n.kind === 'not') walk(n.arg);
    else {
      // Polish order: an operator, its right operand, then its left.
      walk(n.right);
      walk(n.left);
    }
  };
  if (q.root) walk(q.root);
  const sorted = all
    .map((v, i) => ({ v, i }))
    .sort((a, b) => compareLexemes(a.v.word, b.v.word) || a.i - b.i)
    .map((x) => x.v);
  const out: QueryVal[] = [];
  for (const v of sorted) if (!out.length || out[out.length - 1].word !== v.word) out.push(v);
  return out;
}

/** Number of positions (a lexeme without positions counts once). */
function countLength(v: TsVector): number {
  let n = 0;
  for (const l of v.lexemes) n += l.pos.length || 1;
  return n;
}

const NULL_POS_OR = [0];
const NULL_POS_AND = [MAXENTRYPOS - 1];

function rankOr(w: readonly number[], v: TsVector, items: QueryVal[]): number {
  let res = f(0);
  for (const item of items) {
    for (const l of matchingLexemes(v, item)) {
      const post = l.pos.length ? l.pos : NULL_POS_OR;
      let resj = f(0);
      let wjm = f(-1);
      let jm = 0;
      for (let j = 0; j < post.length; j++) {
        const wp = w[weightOf(post[j])];
        resj = f(resj + f(wp / ((j + 1) * (j + 1))));
        if (wp > wjm) {
          wjm = wp;
          jm = j;
        }
      }
      const inner = f(f(wjm + resj) - f(wjm / ((jm + 1) * (jm + 1))));
      res = f(res + inner / 1.64493406685);
    }
  }
  if (items.length > 0) res = f(res / items.length);
  return res;
}

function wordDistance(d: number): number {
  if (d > 100) return f(1e-30);
  return f(1.0 / (1.005 + 0.05 * Math.exp(f(d) / 1.5 - 2)));
}

function rankAnd(w: readonly number[], v: TsVector, items: QueryVal[]): number {
  if (items.length < 2) return rankOr(w, v, items);
  let res = f(-1);
  const pos: (readonly number[] | null)[] = items.map(() => null);
  const isNull: boolean[] = items.map(() => false);
  for (let i = 0; i < items.length; i++) {
    for (const l of matchingLexemes(v, items[i])) {
      pos[i] = l.pos.length ? l.pos : NULL_POS_AND;
      isNull[i] = l.pos.length === 0;
      const post = pos[i]!;
      for (let k = 0; k < i; k++) {
        const ct = pos[k];
        if (!ct) continue;
        for (const pl of post) {
          for (const pc of ct) {
            let dist = Math.abs(posOf(pl) - posOf(pc));
            if (dist || isNull[i] || isNull[k]) {
              if (!dist) dist = MAXENTRYPOS;
              const curw = f(Math.sqrt(f(f(w[weightOf(pl)] * w[weightOf(pc)]) * wordDistance(dist))));
              res = res < 0 ? curw : f(1.0 - (1.0 - res) * (1.0 - curw));
            }
          }
        }
      }
    }
  }
  return res;
}

/** ts_rank([weights,] vector, query [, normalization]). */
export function tsRank(w: readonly number[], v: TsVector, q: TsQuery, method: number): number {
  if (!v.lexemes.length || !q.root) return 0;
  const items = uniqueOperands(q);
  let res = q.root.kind === 'and' || q.root.kind === 'phrase' ? rankAnd(w, v, items) : rankOr(w, v, items);
  if (res < 0) res = f(1e-20);
  if (method & 1) res = f(res / (Math.log(countLength(v) + 1) / Math.log(2.0)));
  if (method & 2) {
    const len = countLength(v);
    if (len > 0) res = f(res / f(len));
  }
  if (method & 8) res = f(res / f(v.lexemes.length));
  if (method & 16) res = f(res / (Math.log(v.lexemes.length + 1) / Math.log(2.0)));
  if (method & 32) res = f(res / f(res + 1));
  return res;
}

interface DocEntry {
  pos: number;
  weight: number;
  operands: Set<QueryVal>;
}

/** Whether the query holds on the document entries doc[from..to] (NOT and phrases computed on that window). */
function windowMatches(doc: DocEntry[], from: number, to: number, q: TsQuery): boolean {
  const byWord = new Map<string, number[]>();
  for (let k = from; k <= to; k++) {
    for (const o of doc[k].operands) {
      let list = byWord.get(o.word);
      if (!list) byWord.set(o.word, (list = []));
      list.push(packPos(doc[k].pos, doc[k].weight));
    }
  }
  const lexemes = [...byWord.entries()]
    .sort((a, b) => compareLexemes(a[0], b[0]))
    .map(([word, pos]) => ({ word, pos: pos.sort((x, y) => posOf(x) - posOf(y)) }));
  return tsMatch(new TsVector(lexemes), q);
}

/** ts_rank_cd([weights,] vector, query [, normalization]). */
export function tsRankCd(w: readonly number[], v: TsVector, q: TsQuery, method: number): number {
  if (!q.root) return 0;
  const invws = w.map((x) => 1.0 / x);
  // get_docrep: every position of every lexeme some operand matches.
  const byPos = new Map<number, DocEntry>();
  const operands: QueryVal[] = [];
  const walk = (n: QueryNode) => {
    if (n.kind === 'val') operands.push(n);
    else if (n.kind === 'not') walk(n.arg);
    else {
      walk(n.left);
      walk(n.right);
    }
  };
  walk(q.root);
  for (const op of operands) {
    for (const l of matchingLexemes(v, op) as TsLexeme[]) {
      for (const p of l.pos) {
        if (op.weight && !(op.weight & (1 << weightOf(p)))) continue;
        const key = posOf(p);
        let e = byPos.get(key);
        if (!e) {
          e = { pos: key, weight: weightOf(p), operands: new Set() };
          byPos.set(key, e);
        }
        e.operands.add(op);
      }
    }
  }
  const doc = [...byPos.values()].sort((a, b) => a.pos - b.pos);
  if (!doc.length) return 0;
  let wdoc = 0;
  let sumDist = 0;
  let prevExtPos = 0;
  let nExtent = 0;
  let start = 0;
  while (start < doc.length) {
    // Upper bound of the next cover.
    let end = -1;
    for (let k = start; k < doc.length; k++) {
      if (windowMatches(doc, start, k, q)) {
        end = k;
        break;
      }
    }
    if (end < 0) break;
    let begin = -1;
    for (let k = end; k >= start; k--) {
      if (windowMatches(doc, k, end, q)) {
        begin = k;
        break;
      }
    }
    if (begin < 0) {
      start++;
      continue;
    }
    const p = doc[begin].pos;
    const qq = doc[end].pos;
    let invSum = 0;
    for (let k = begin; k <= end; k++) invSum += invws[doc[k].weight];
    const cpos = (end - begin + 1) / invSum;
    let nNoise = qq - p - (end - begin);
    if (nNoise < 0) nNoise = Math.trunc((end - begin) / 2);
    wdoc += cpos / (1 + nNoise);
    const curExtPos = (qq + p) / 2.0;
    if (nExtent > 0 && curExtPos > prevExtPos) sumDist += 1.0 / (curExtPos - prevExtPos);
    prevExtPos = curExtPos;
    nExtent++;
    start = begin + 1;
  }
  if (method & 1 && v.lexemes.length > 0) wdoc /= Math.log(countLength(v) + 1);
  if (method & 2) {
    const len = countLength(v);
    if (len > 0) wdoc /= len;
  }
  if (method & 4 && nExtent > 0 && sumDist > 0) wdoc /= nExtent / sumDist;
  if (method & 8 && v.lexemes.length > 0) wdoc /= v.lexemes.length;
  if (method & 16 && v.lexemes.length > 0) wdoc /= Math.log(v.lexemes.length + 1) / Math.log(2.0);
  if (method & 32) wdoc /= wdoc + 1;
  return f(wdoc);
}
