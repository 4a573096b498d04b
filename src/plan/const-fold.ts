/**
 * Constant folding at plan time, as Postgres's eval_const_expressions does: calls of immutable
 * functions and operators whose arguments are all constants are evaluated once, before any row
 * is read, and become constants in the compiled closures. So `SELECT 1/0 FROM empty_table`
 * fails with 22012 as in Postgres, and constant subtrees cost nothing per row.
 *
 * Short-circuit rules follow Postgres: AND / OR stop at the first constant false / true (later
 * arguments are not folded); CASE drops arms whose condition folds to false or null without
 * folding their result and stops at a constant true condition; COALESCE drops null constants
 * and stops at the first non-null constant. Stable and volatile calls (now(), random(),
 * nextval(), clock_timestamp()) are never folded.
 *
 * Postgres counterpart: src/backend/optimizer/util/clauses.c (eval_const_expressions).
 * Known gaps: only the target list (of queries without aggregation, grouping or window functions),
 * WHERE and aggregate arguments are folded (and their subqueries); HAVING, GROUP BY, ORDER BY and join conditions
 * are evaluated per row as written; no inlining of SQL functions.
 */
import type { Expr, Const } from '../nodes/primnodes.js';
import type { Query } from '../nodes/query.js';
import type { ExecContext } from '../executor/context.js';
import { compileExpr, type Layout } from '../executor/expr/compile.js';
import { exprEqual } from '../analyze/select.js';

const NO_ROW: never[] = [];
const EMPTY_LAYOUT = {} as Layout;

function isConst(e: Expr): e is Const {
  return e.kind === 'Const';
}

function makeConst(e: Expr, value: Const['value']): Const {
  return { kind: 'Const', type: e.type, typmod: e.typmod, value, location: (e as { location?: number }).location, collation: (e as { collation?: string }).collation } as Const;
}

function evaluate(e: Expr, ctx: ExecContext): Const {
  return makeConst(e, compileExpr(e, EMPTY_LAYOUT)(NO_ROW, ctx));
}

/** Folds one expression; returns the same object when nothing changed. */
export function foldExpr(e: Expr, ctx: ExecContext): Expr {
  switch (e.kind) {
    case 'FuncExpr':
    case 'OpExpr': {
      const args = foldList(e.args, ctx);
      const ne = args === e.args ? e : ({ ...e, args } as Expr);
      // SQL/JSON syntax nodes (a display) are not folded, as Postgres leaves JsonConstructorExpr alone.
      if (e.fn.volatility === 'i' && !(e.kind === 'FuncExpr' && (e.retset || e.display)) && args.every(isConst)) return evaluate(ne, ctx);
      return ne;
    }
    case 'BoolExpr': {
      if (e.op === 'not') {
        const a = foldExpr(e.args[0], ctx);
        if (isConst(a)) return makeConst(e, a.value === null ? null : !a.value);
        return a === e.args[0] ? e : { ...e, args: [a] };
      }
      const stop = e.op === 'or';
      const out: Expr[] = [];
      let changed = false;
      for (const arg of e.args) {
        const a = foldExpr(arg, ctx);
        if (a !== arg) changed = true;
        if (isConst(a) && a.value === stop) return makeConst(e, stop);
        out.push(a);
      }
      // All constants (none decisive): null if any null, else the identity value.
      if (out.every(isConst)) return makeConst(e, out.some((a) => (a as Const).value === null) ? null : !stop);
      return changed ? { ...e, args: out } : e;
    }
    case 'CaseExpr': {
      const whens: { cond: Expr; result: Expr }[] = [];
      let changed = false;
      for (const w of e.whens) {
        const cond = foldExpr(w.cond, ctx);
        if (isConst(cond)) {
          changed = true;
          if (cond.value !== true) continue;
          // A constant true condition: its result ends the CASE.
          const result = foldExpr(w.result, ctx);
          if (!whens.length) return result;
          return { ...e, whens, elseResult: result };
        }
        const result = foldExpr(w.result, ctx);
        if (cond !== w.cond || result !== w.result) changed = true;
        whens.push({ cond, result });
      }
      const els = foldExpr(e.elseResult, ctx);
      if (!whens.length) return els;
      return changed || els !== e.elseResult ? { ...e, whens, elseResult: els } : e;
    }
    case 'CoalesceExpr': {
      const out: Expr[] = [];
      let changed = false;
      for (const arg of e.args) {
        const a = foldExpr(arg, ctx);
        if (a !== arg) changed = true;
        if (isConst(a)) {
          if (a.value === null) {
            changed = true;
            continue;
          }
          if (!out.length) return a;
          out.push(a);
          changed = true;
          break;
        }
        out.push(a);
      }
      if (!out.length) return makeConst(e, null);
      return changed ? { ...e, args: out } : e;
    }
    case 'NullTest':
    case 'BooleanTest': {
      const a = foldExpr(e.arg, ctx);
      if (a === e.arg) return e;
      const ne = { ...e, arg: a } as Expr;
      return isConst(a) ? evaluate(ne, ctx) : ne;
    }
    case 'CoerceExpr': {
      // Casts of literals were folded by the analyzer; this folds casts of folded calls.
      const a = foldExpr(e.arg, ctx);
      if (a === e.arg) return e;
      const ne = { ...e, arg: a } as Expr;
      return isConst(a) ? evaluate(ne, ctx) : ne;
    }
    case 'SubLink':
      foldQueryConstants(e.subquery, ctx);
      return e;
    default:
      return e;
  }
}

function foldList(list: Expr[], ctx: ExecContext): Expr[] {
  let out: Expr[] | undefined;
  for (let i = 0; i < list.length; i++) {
    const a = foldExpr(list[i], ctx);
    if (a !== list[i]) {
      out ??= list.slice();
      out[i] = a;
    }
  }
  return out ?? list;
}

/**
 * Folds a freshly analyzed query in place (its target list and WHERE, then those of its
 * subqueries, CTEs and set-operation arms). Errors of folded calls are raised now.
 */
export function foldQueryConstants(q: Query, ctx: ExecContext): void {
  for (const cte of q.ctes) foldQueryConstants(cte.query, ctx);
  for (const rte of q.rtable) if (rte.kind === 'subquery') foldQueryConstants(rte.query, ctx);
  if (q.setOp) {
    if (!q.setOp.recursive) {
      foldQueryConstants(q.setOp.left, ctx);
      foldQueryConstants(q.setOp.right, ctx);
    }
    return;
  }
  if (q.where) q.where = foldExpr(q.where, ctx);
  // Aggregate arguments, in place (the planner finds aggregates by identity).
  for (const a of q.aggs) if (!a.orderBy?.length && !a.distinct) a.args = foldList(a.args, ctx);
  if (q.hasAggs || q.having || q.groupBy.length || q.groupingSets || q.windowFuncs?.length || q.distinctOn) return;
  for (let i = 0; i < q.targetList.length; i++) {
    const t = q.targetList[i];
    if (t.resjunk) continue;
    const e = foldExpr(t.expr, ctx);
    if (e === t.expr) continue;
    // ORDER BY keys naming this output column follow it (the planner finds them in the target list).
    q.sortBy = q.sortBy.map((k) => (k.expr === t.expr || exprEqual(k.expr, t.expr) ? { ...k, expr: e } : k));
    q.targetList[i] = { ...t, expr: e };
  }
}
