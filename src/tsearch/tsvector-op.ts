/**
 * tsvector and tsquery operations: setweight, strip, length, ||, ts_delete, ts_filter,
 * tsvector_to_array, array_to_tsvector, unnest; tsquery &&, ||, !!, <-> / tsquery_phrase,
 * numnode, querytree.
 *
 * Postgres counterpart: src/backend/utils/adt/tsvector_op.c, tsquery_op.c, tsquery_cleanup.c
 * (clean_NOT for querytree).
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { MAX_NUM_POS, MAX_POS, TsQuery, TsVector, compareLexemes, packPos, posOf, weightOf, type QueryNode, type TsLexeme } from './ts-values.js';
import { makeTsVector } from './tsvector-io.js';
import { tsQueryOutput } from './tsquery-io.js';

/** A weight letter (a-d, case-insensitive) as its code 3..0. */
export function weightCode(c: string): number {
  switch (c) {
    case 'A':
    case 'a':
      return 3;
    case 'B':
    case 'b':
      return 2;
    case 'C':
    case 'c':
      return 1;
    case 'D':
    case 'd':
      return 0;
    default:
      throw new PgError(SQLSTATE.internal_error, `unrecognized weight: ${c.charCodeAt(0)}`);
  }
}

/** setweight(v, w [, lexemes]). */
export function setWeight(v: TsVector, w: number, only?: ReadonlySet<string>): TsVector {
  return new TsVector(v.lexemes.map((l) => (only && !only.has(l.word) ? l : { word: l.word, pos: l.pos.map((p) => packPos(posOf(p), w)) })));
}

export function strip(v: TsVector): TsVector {
  return new TsVector(v.lexemes.map((l) => ({ word: l.word, pos: [] })));
}

/** tsvector || tsvector: the right side's positions shift past the left side's largest position. */
export function concatTsVectors(a: TsVector, b: TsVector): TsVector {
  let maxpos = 0;
  for (const l of a.lexemes) for (const p of l.pos) if (posOf(p) > maxpos) maxpos = posOf(p);
  const shifted = (l: TsLexeme): number[] => l.pos.map((p) => packPos(Math.min(posOf(p) + maxpos, MAX_POS), weightOf(p)));
  const out: TsLexeme[] = [];
  let i = 0;
  let j = 0;
  while (i < a.lexemes.length || j < b.lexemes.length) {
    const c = i >= a.lexemes.length ? 1 : j >= b.lexemes.length ? -1 : compareLexemes(a.lexemes[i].word, b.lexemes[j].word);
    if (c < 0) out.push(a.lexemes[i++]);
    else if (c > 0) {
      out.push({ word: b.lexemes[j].word, pos: shifted(b.lexemes[j]) });
      j++;
    } else {
      const pos = [...a.lexemes[i].pos];
      for (const p of shifted(b.lexemes[j])) {
        if (pos.length >= MAX_NUM_POS) break;
        pos.push(p);
      }
      out.push({ word: a.lexemes[i].word, pos });
      i++;
      j++;
    }
  }
  return new TsVector(out);
}

export function deleteLexemes(v: TsVector, words: ReadonlySet<string>): TsVector {
  return new TsVector(v.lexemes.filter((l) => !words.has(l.word)));
}

/** ts_filter(v, weights): positions of the given weights only; lexemes left without positions are dropped. */
export function filterWeights(v: TsVector, weights: ReadonlySet<number>): TsVector {
  const out: TsLexeme[] = [];
  for (const l of v.lexemes) {
    const pos = l.pos.filter((p) => weights.has(weightOf(p)));
    if (pos.length) out.push({ word: l.word, pos });
  }
  return new TsVector(out);
}

export function arrayToTsVector(words: readonly string[]): TsVector {
  return makeTsVector(words.map((w) => ({ word: w, pos: [] })));
}

const AND = (left: QueryNode, right: QueryNode): QueryNode => ({ kind: 'and', left, right, distance: 0 });

/** tsquery && tsquery. */
export function queryAnd(a: TsQuery, b: TsQuery): TsQuery {
  if (!a.root) return b;
  if (!b.root) return a;
  return new TsQuery(AND(a.root, b.root));
}
export function queryOr(a: TsQuery, b: TsQuery): TsQuery {
  if (!a.root) return b;
  if (!b.root) return a;
  return new TsQuery({ kind: 'or', left: a.root, right: b.root, distance: 0 });
}
export function queryNot(a: TsQuery): TsQuery {
  if (!a.root) return a;
  return new TsQuery({ kind: 'not', arg: a.root });
}
export function queryPhrase(a: TsQuery, b: TsQuery, distance: number): TsQuery {
  if (distance < 0 || distance > 16384) {
    throw new PgError(SQLSTATE.invalid_parameter_value, 'distance in phrase operator must be an integer value between zero and 16384 inclusive');
  }
  if (!a.root) return b;
  if (!b.root) return a;
  return new TsQuery({ kind: 'phrase', left: a.root, right: b.root, distance });
}

/** clean_NOT: the query without its negated parts (what an index can use); null when nothing is left. */
function cleanNot(n: QueryNode): QueryNode | null {
  if (n.kind === 'val') return n;
  if (n.kind === 'not') return null;
  const l = cleanNot(n.left);
  const r = cleanNot(n.right);
  if (n.kind === 'or') return l && r ? { ...n, left: l, right: r } : null;
  if (!l) return r;
  if (!r) return l;
  return { ...n, left: l, right: r };
}

/** querytree(q): the indexable part, `T` when there is none. */
export function queryTree(q: TsQuery): string {
  if (!q.root) return 'T';
  const c = cleanNot(q.root);
  return c ? tsQueryOutput(new TsQuery(c)) : 'T';
}

/** Distinct lexemes of a query in the order its operands appear (for tsq_mcontains / @> / <@). */
export function queryLexemes(q: TsQuery): Set<string> {
  const out = new Set<string>();
  const walk = (n: QueryNode | null) => {
    if (!n) return;
    if (n.kind === 'val') out.add(n.word);
    else if (n.kind === 'not') walk(n.arg);
    else {
      walk(n.left);
      walk(n.right);
    }
  };
  walk(q.root);
  return out;
}
