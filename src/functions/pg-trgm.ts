/**
 * The pg_trgm extension (1.6): show_trgm, similarity, word_similarity, strict_word_similarity,
 * the similarity operators (% <% %> <<% %>>) and distances (<-> <<-> <->> <<<-> <->>>),
 * set_limit / show_limit and the pg_trgm.*_threshold settings. Callable once CREATE EXTENSION
 * pg_trgm ran; the operator classes gin_trgm_ops / gist_trgm_ops are accepted by CREATE INDEX
 * (commands/create-index.ts) and not used by the planner.
 * Postgres counterpart: contrib/pg_trgm/trgm_op.c, pg_trgm--1.6.sql.
 */
import { OID } from '../types/oids.js';
import { PgArray, type Value } from '../types/values.js';
import { float4Out } from '../types/float.js';
import type { ExprRuntime } from '../nodes/primnodes.js';
import { customReal, defineCustomSettings } from '../session/custom-settings.js';
import { fn, registerOperator, type FunctionImpl } from './registry.js';
import { showTrigram, similarity, trigramSet, wordSimilarity } from './trgm/trigrams.js';

const EXT = 'pg_trgm';
const T = OID.text;

defineCustomSettings(EXT, 'pg_trgm', [
  customReal('pg_trgm.similarity_threshold', 'Sets the threshold used by the % operator.', '0.3', 0, 1),
  customReal('pg_trgm.word_similarity_threshold', 'Sets the threshold used by the <% operator.', '0.6', 0, 1),
  customReal('pg_trgm.strict_word_similarity_threshold', 'Sets the threshold used by the <<% operator.', '0.5', 0, 1),
]);

/** Any call of the module's functions loads its library into the session (its settings appear). */
function load(rt: ExprRuntime): void {
  rt.session.loadLibrary?.(EXT);
}

let lastText = '';
let lastValue = 0;
/** A threshold setting as the module's double holds it. */
function threshold(rt: ExprRuntime, name: string): number {
  load(rt);
  const text = rt.session.getSetting(name, true) ?? '0';
  if (text !== lastText) {
    lastText = text;
    lastValue = Number(text);
  }
  return lastValue;
}

const opts = { extension: EXT } as const;

fn('set_limit', [OID.float4], OID.float4, (a, rt) => {
  load(rt);
  rt.session.setSetting('pg_trgm.similarity_threshold', float4Out(a[0] as number), false);
  return Math.fround(threshold(rt, 'pg_trgm.similarity_threshold'));
}, { volatility: 'v', ...opts });
fn('show_limit', [], OID.float4, (_a, rt) => Math.fround(threshold(rt, 'pg_trgm.similarity_threshold')), { volatility: 's', ...opts });
fn('show_trgm', [T], OID._text, (a, rt) => {
  load(rt);
  return PgArray.of([...trigramSet(a[0] as string)].map(showTrigram));
}, opts);

const sim = (a: Value[], rt: ExprRuntime) => {
  load(rt);
  return similarity(a[0] as string, a[1] as string);
};
const wsim = (strict: boolean, swap: boolean) => (a: Value[], rt: ExprRuntime) => {
  load(rt);
  return swap ? wordSimilarity(a[1] as string, a[0] as string, strict) : wordSimilarity(a[0] as string, a[1] as string, strict);
};
const dist = (f: (a: Value[], rt: ExprRuntime) => number) => (a: Value[], rt: ExprRuntime) => Math.fround(1 - f(a, rt));
const atLeast = (f: (a: Value[], rt: ExprRuntime) => number, setting: string) => (a: Value[], rt: ExprRuntime) => f(a, rt) >= threshold(rt, setting);

const SIM = 'pg_trgm.similarity_threshold';
const WORD = 'pg_trgm.word_similarity_threshold';
const STRICT = 'pg_trgm.strict_word_similarity_threshold';

fn('similarity', [T, T], OID.float4, sim, opts);
fn('word_similarity', [T, T], OID.float4, wsim(false, false), opts);
fn('strict_word_similarity', [T, T], OID.float4, wsim(true, false), opts);

/** Declares the support function of an operator (also callable by name) and the operator. */
function trgmOp(name: string, procName: string, result: number, impl: (a: Value[], rt: ExprRuntime) => Value, commutator: string, volatility: 'i' | 's'): void {
  const f: FunctionImpl = fn(procName, [T, T], result, impl, { volatility, ...opts });
  registerOperator({ name, left: T, right: T, result, fn: f, commutator });
}

trgmOp('%', 'similarity_op', OID.bool, atLeast(sim, SIM), '%', 's');
trgmOp('<%', 'word_similarity_op', OID.bool, atLeast(wsim(false, false), WORD), '%>', 's');
trgmOp('%>', 'word_similarity_commutator_op', OID.bool, atLeast(wsim(false, true), WORD), '<%', 's');
trgmOp('<<%', 'strict_word_similarity_op', OID.bool, atLeast(wsim(true, false), STRICT), '%>>', 's');
trgmOp('%>>', 'strict_word_similarity_commutator_op', OID.bool, atLeast(wsim(true, true), STRICT), '<<%', 's');
trgmOp('<->', 'similarity_dist', OID.float4, dist(sim), '<->', 'i');
trgmOp('<<->', 'word_similarity_dist_op', OID.float4, dist(wsim(false, false)), '<->>', 'i');
trgmOp('<->>', 'word_similarity_dist_commutator_op', OID.float4, dist(wsim(false, true)), '<<->', 'i');
trgmOp('<<<->', 'strict_word_similarity_dist_op', OID.float4, dist(wsim(true, false)), '<->>>', 'i');
trgmOp('<->>>', 'strict_word_similarity_dist_commutator_op', OID.float4, dist(wsim(true, true)), '<<<->', 'i');
