/**
 * tsvector @@ tsquery: three-valued evaluation of a query against a document (TS_execute), with
 * phrase operators evaluated on lexeme positions (TS_phrase_execute): a phrase's positions are
 * those of its right end, `L <N> R` matches where R's end is N (+ R's width) after L's end, AND/OR
 * inside a phrase merge positions, NOT inside a phrase negates a position set. Lexemes without
 * positions (strip()) can only say "maybe" to a phrase, which counts as a match.
 *
 * Postgres counterpart: src/backend/utils/adt/tsvector_op.c (ts_match_vq, checkcondition_str,
 * TS_execute_recurse, TS_phrase_execute, TS_phrase_output).
 */
import { TsVector, TsQuery, compareLexemes, posOf, weightOf, type QueryNode, type QueryVal, type TsLexeme } from './ts-values.js';

const NO = 0;
const YES = 1;
const MAYBE = 2;
type Ternary = 0 | 1 | 2;

/** Lexemes of `v` an operand matches: the exact word, or every word it prefixes. */
export function matchingLexemes(v: TsVector, q: QueryVal): TsLexeme[] {
  const lx = v.lexemes;
  // Binary search for the first lexeme >= q.word.
  let lo = 0;
  let hi = lx.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareLexemes(lx[mid].word, q.word) < 0) lo = mid + 1;
    else hi = mid;
  }
  const out: TsLexeme[] = [];
  for (let k = lo; k < lx.length; k++) {
    const w = lx[k].word;
    if (w === q.word) out.push(lx[k]);
    else if (q.prefix && w.startsWith(q.word)) out.push(lx[k]);
    else break;
    if (!q.prefix) break;
  }
  return out;
}

/** Whether a position's weight passes the operand's weight mask (A = 8 ... D = 1; 0 = any). */
const weightOk = (mask: number, p: number): boolean => mask === 0 || (mask & (1 << weightOf(p))) !== 0;

function checkOperand(v: TsVector, q: QueryVal): Ternary {
  for (const l of matchingLexemes(v, q)) {
    if (l.pos.length === 0) return YES;
    for (const p of l.pos) if (weightOk(q.weight, p)) return YES;
  }
  return NO;
}

interface PhraseData {
  pos: number[];
  negate: boolean;
  width: number;
}

function operandPositions(v: TsVector, q: QueryVal, data: PhraseData): Ternary {
  const set = new Set<number>();
  let maybe = false;
  for (const l of matchingLexemes(v, q)) {
    if (l.pos.length === 0) maybe = true;
    for (const p of l.pos) if (weightOk(q.weight, p)) set.add(posOf(p));
  }
  if (set.size) {
    data.pos = [...set].sort((a, b) => a - b);
    return YES;
  }
  return maybe ? MAYBE : NO;
}

const L_ONLY = 1;
const R_ONLY = 2;
const BOTH = 4;

/** TS_phrase_output: merges two position lists (emitting in the right operand's coordinates). */
function phraseOutput(data: PhraseData, l: PhraseData, r: PhraseData, mode: number, lOffset: number, rOffset: number): boolean {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < l.pos.length || j < r.pos.length) {
    const lp = i < l.pos.length ? l.pos[i] + lOffset : Infinity;
    const rp = j < r.pos.length ? r.pos[j] + rOffset : Infinity;
    if (lp < rp) {
      if (mode & L_ONLY) out.push(lp);
      i++;
    } else if (rp < lp) {
      if (mode & R_ONLY) out.push(rp);
      j++;
    } else {
      if (mode & BOTH) out.push(rp);
      i++;
      j++;
    }
  }
  data.pos = out;
  return out.length > 0;
}

function phraseExecute(v: TsVector, n: QueryNode, data: PhraseData): Ternary {
  if (n.kind === 'val') return operandPositions(v, n, data);
  if (n.kind === 'not') {
    const r = phraseExecute(v, n.arg, data);
    if (r === NO) {
      data.pos = [];
      data.negate = true;
      return YES;
    }
    if (r === YES) {
      data.negate = !data.negate;
      return YES;
    }
    return MAYBE;
  }
  const l: PhraseData = { pos: [], negate: false, width: 0 };
  const r: PhraseData = { pos: [], negate: false, width: 0 };
  if (n.kind === 'phrase') {
    const lm = phraseExecute(v, n.left, l);
    if (lm === NO) return NO;
    const rm = phraseExecute(v, n.right, r);
    if (rm === NO) return NO;
    if (lm === MAYBE || rm === MAYBE) return MAYBE;
    data.width = l.width + r.width + n.distance;
    const lOffset = n.distance + r.width;
    if (l.negate && r.negate) {
      phraseOutput(data, l, r, BOTH | L_ONLY | R_ONLY, lOffset, 0);
      data.negate = true;
      return YES;
    }
    if (l.negate) return phraseOutput(data, l, r, R_ONLY, lOffset, 0) ? YES : NO;
    if (r.negate) return phraseOutput(data, l, r, L_ONLY, lOffset, 0) ? YES : NO;
    return phraseOutput(data, l, r, BOTH, lOffset, 0) ? YES : NO;
  }
  // AND / OR inside a phrase.
  const lm = phraseExecute(v, n.left, l);
  if (lm === NO && n.kind === 'and') return NO;
  const rm = phraseExecute(v, n.right, r);
  if (n.kind === 'and') {
    if (rm === NO) return NO;
    if (lm === MAYBE || rm === MAYBE) return MAYBE;
  } else {
    if (lm === NO && rm === NO) return NO;
    if ((lm === MAYBE && rm !== YES) || (rm === MAYBE && lm !== YES)) return MAYBE;
    if (lm === NO) {
      Object.assign(data, r);
      return YES;
    }
    if (rm === NO) {
      Object.assign(data, l);
      return YES;
    }
  }
  data.width = Math.max(l.width, r.width);
  if (n.kind === 'and') {
    if (l.negate && r.negate) {
      phraseOutput(data, l, r, BOTH | L_ONLY | R_ONLY, 0, 0);
      data.negate = true;
    } else if (l.negate) phraseOutput(data, l, r, R_ONLY, 0, 0);
    else if (r.negate) phraseOutput(data, l, r, L_ONLY, 0, 0);
    else phraseOutput(data, l, r, BOTH | L_ONLY | R_ONLY, 0, 0);
  } else {
    if (l.negate && r.negate) {
      phraseOutput(data, l, r, BOTH, 0, 0);
      data.negate = true;
    } else if (l.negate) {
      phraseOutput(data, l, r, L_ONLY, 0, 0);
      data.negate = true;
    } else if (r.negate) {
      phraseOutput(data, l, r, R_ONLY, 0, 0);
      data.negate = true;
    } else phraseOutput(data, l, r, BOTH | L_ONLY | R_ONLY, 0, 0);
  }
  return data.pos.length > 0 || data.negate ? YES : NO;
}

function execute(v: TsVector, n: QueryNode): Ternary {
  switch (n.kind) {
    case 'val':
      return checkOperand(v, n);
    case 'not': {
      const r = execute(v, n.arg);
      return r === YES ? NO : r === NO ? YES : MAYBE;
    }
    case 'and': {
      const l = execute(v, n.left);
      if (l === NO) return NO;
      const r = execute(v, n.right);
      if (r === NO) return NO;
      return l === YES && r === YES ? YES : MAYBE;
    }
    case 'or': {
      const l = execute(v, n.left);
      if (l === YES) return YES;
      const r = execute(v, n.right);
      if (r === YES) return YES;
      return l === MAYBE || r === MAYBE ? MAYBE : NO;
    }
    case 'phrase': {
      const data: PhraseData = { pos: [], negate: false, width: 0 };
      const r = phraseExecute(v, n, data);
      // Without positions a phrase cannot be confirmed: no match (TS_EXEC_PHRASE_NO_POS unset).
      if (r === MAYBE) return NO;
      if (r === NO) return NO;
      return data.negate ? (data.pos.length ? YES : YES) : data.pos.length ? YES : NO;
    }
  }
}

/** tsvector @@ tsquery (an empty query matches nothing). */
export function tsMatch(v: TsVector, q: TsQuery): boolean {
  if (!q.root) return false;
  return execute(v, q.root) !== NO;
}
