/**
 * Set-returning calls of a target list split into ProjectSet levels: a call whose arguments hold
 * other set-returning calls runs one level above them (`generate_series(1, generate_series(1, 3))`),
 * calls of one level advance in lockstep, and identical calls are computed once. Each call's value
 * lands in a slot appended to the row, which the expressions above read as an InputRef.
 *
 * Used for the select list (above aggregation and window functions), for GROUP BY keys (below
 * the aggregation, so `GROUP BY unnest(...)` groups the expanded rows) and for window PARTITION BY
 * / ORDER BY keys (below the WindowAgg).
 *
 * Postgres counterpart: src/backend/optimizer/util/tlist.c (split_pathtarget_at_srfs).
 * Known gaps: set-returning calls inside a sublink's test expression are not split (0A000 at
 * compile time). EXPLAIN VERBOSE: a Sort above a postponed ProjectSet prints its output without
 * Postgres's parenthesized references to lower nodes' results.
 */
import { exprEqual } from '../analyze/select.js';
import { compileExpr, type Layout } from '../executor/expr/compile.js';
import { ProjectSet } from '../executor/project-set.js';
import type { Plan } from '../executor/scan.js';
import type { Expr, FuncExpr, OpExpr } from '../nodes/primnodes.js';
import { forEachChild } from '../nodes/walk.js';

export type SrfCall = FuncExpr | OpExpr;

/** Whether `e` itself is a set-returning call (a function, or an operator whose function returns a set). */
export function isSrfCall(e: Expr): e is SrfCall {
  return (e.kind === 'FuncExpr' && !!e.retset) || (e.kind === 'OpExpr' && !!e.fn.retset);
}

export interface SrfSplit {
  /** Per level (lowest first): the calls, their arguments reading lower levels' slots. */
  readonly levels: readonly (readonly SrfCall[])[];
  /** The same calls as written, for EXPLAIN. */
  readonly written: readonly (readonly SrfCall[])[];
  /** The input expressions, each call replaced by a read of its slot. */
  readonly exprs: Expr[];
  /** The first slot; the calls fill `base` .. `base + count - 1` in level order. */
  readonly base: number;
  readonly count: number;
  /** Replaces, in another expression, the calls of this split by reads of their slots. */
  readonly rewrite: (e: Expr) => Expr;
}

/**
 * Splits `exprs` at their set-returning calls, or undefined when they hold none. Expressions for
 * which `computed` holds are values of the input already (group keys above an Agg) and are kept.
 */
export function splitAtSrfs(exprs: readonly Expr[], base: number, computed?: (e: Expr) => boolean): SrfSplit | undefined {
  const found: { call: SrfCall; level: number }[] = [];
  const levelOf = (e: Expr): number => {
    if (computed?.(e) || e.kind === 'SubLink' || e.kind === 'Aggref' || e.kind === 'WindowFunc') return 0;
    let below = 0;
    forEachChild(e, (c) => {
      below = Math.max(below, levelOf(c));
    });
    if (!isSrfCall(e)) return below;
    const level = below + 1;
    const same = found.find((f) => exprEqual(f.call, e));
    if (same) same.level = Math.max(same.level, level);
    else found.push({ call: e, level });
    return level;
  };
  for (const e of exprs) levelOf(e);
  if (!found.length) return undefined;
  const depth = Math.max(...found.map((f) => f.level));
  const written: SrfCall[][] = Array.from({ length: depth }, () => []);
  for (const f of found) written[f.level - 1].push(f.call);
  const ordered = written.flat();
  const slotOf = (e: Expr): number => ordered.findIndex((c) => exprEqual(c, e));
  const rewrite = (e: Expr): Expr => {
    if (computed?.(e) || e.kind === 'SubLink' || e.kind === 'Aggref' || e.kind === 'WindowFunc') return e;
    if (isSrfCall(e)) {
      const i = slotOf(e);
      if (i >= 0) return { kind: 'InputRef', index: base + i, type: e.type, typmod: e.typmod, collation: e.collation };
    }
    return mapChildren(e, rewrite);
  };
  const levels = written.map((calls) => calls.map((c) => ({ ...c, args: c.args.map(rewrite) }) as SrfCall));
  return { levels, written, exprs: exprs.map(rewrite), base, count: ordered.length, rewrite };
}

/**
 * The ProjectSet nodes of `split` over `plan`, lowest level first. `note` lets the planner record
 * what EXPLAIN shows of each one (the calls of its level, as written).
 */
export function planProjectSets(plan: Plan, split: SrfSplit, layout: Layout, note?: (p: Plan, calls: readonly SrfCall[], level: number) => Plan): Plan {
  let slot = split.base;
  split.levels.forEach((calls, i) => {
    const ps = new ProjectSet(plan, calls.map((f) => ({ args: f.args.map((a) => compileExpr(a, layout)), f })), slot);
    plan = note ? note(ps, split.written[i], i) : ps;
    slot += calls.length;
  });
  return plan;
}

/** Keys of expression nodes that hold no child expressions (function implementations, comparators). */
const OPAQUE = new Set(['fn', 'agg', 'eq', 'compare', 'sys', 'rel', 'display']);

/**
 * `e` with each direct child expression (as forEachChild lists them) replaced by `f(child)`;
 * `e` itself when nothing changed (expression_tree_mutator for one level).
 */
function mapChildren(e: Expr, f: (c: Expr) => Expr): Expr {
  const kids = new Set<Expr>();
  forEachChild(e, (c) => kids.add(c));
  if (!kids.size) return e;
  let changed = false;
  const sub = (x: unknown, depth: number): unknown => {
    if (!x || typeof x !== 'object') return x;
    if (kids.has(x as Expr)) {
      const r = f(x as Expr);
      if (r !== x) changed = true;
      return r;
    }
    if (depth > 2) return x;
    if (Array.isArray(x)) {
      const m = x.map((v) => sub(v, depth + 1));
      return m.some((v, i) => v !== x[i]) ? m : x;
    }
    // (plain holders of child expressions: CASE arms, sort keys, subscripts)
    if ('kind' in x) return x;
    let copy: Record<string, unknown> | undefined;
    for (const [k, v] of Object.entries(x)) {
      if (OPAQUE.has(k)) continue;
      const r = sub(v, depth + 1);
      if (r !== v) (copy ??= { ...(x as Record<string, unknown>) })[k] = r;
    }
    return copy ?? x;
  };
  const out: Record<string, unknown> = { ...(e as unknown as Record<string, unknown>) };
  for (const [k, v] of Object.entries(e)) {
    if (OPAQUE.has(k) || typeof v === 'function') continue;
    out[k] = sub(v, 0);
  }
  return changed ? (out as unknown as Expr) : e;
}
