/**
 * Generic traversal of analyzed expressions: visit direct children, or map them.
 * Postgres counterpart: src/backend/nodes/nodeFuncs.c (expression_tree_walker/mutator).
 */
import type { Expr } from './primnodes.js';

/** Calls `f` on each direct child expression of `e` (not into sublink subqueries). */
export function forEachChild(e: Expr, f: (c: Expr) => void): void {
  switch (e.kind) {
    case 'Const':
    case 'Param':
    case 'Var':
    case 'SQLValueFunction':
    case 'InputRef':
    case 'SetToDefault':
      return;
    case 'FuncExpr':
    case 'OpExpr':
    case 'BoolExpr':
    case 'CoalesceExpr':
    case 'MinMaxExpr':
      e.args.forEach(f);
      return;
    case 'RowExpr':
      e.args.forEach(f);
      if (e.presence) f(e.presence);
      return;
    case 'NullIfExpr':
      e.args.forEach(f);
      return;
    case 'NullTest':
    case 'BooleanTest':
    case 'CoerceExpr':
    case 'FieldSelect':
      f(e.arg);
      return;
    case 'CaseExpr':
      for (const w of e.whens) {
        f(w.cond);
        f(w.result);
      }
      f(e.elseResult);
      return;
    case 'ScalarArrayOpExpr':
      f(e.left);
      if (Array.isArray(e.right)) e.right.forEach(f);
      else f(e.right);
      return;
    case 'ArrayExpr':
      e.elements.forEach(f);
      return;
    case 'SubLink':
      e.testExprs?.forEach(f);
      return;
    case 'Aggref':
      e.directArgs?.forEach(f);
      e.args.forEach(f);
      if (e.filter) f(e.filter);
      e.orderBy?.forEach((k) => f(k.expr));
      return;
    case 'WindowFunc':
      e.args.forEach(f);
      if (e.filter) f(e.filter);
      e.spec.partitionBy.forEach((k) => f(k.expr));
      e.spec.orderBy.forEach((k) => f(k.expr));
      return;
    case 'SubscriptExpr':
      f(e.arg);
      for (const i of e.indexes) {
        if (i.lower) f(i.lower);
        if (i.upper) f(i.upper);
      }
      return;
    default: {
      const never: never = e;
      void never;
    }
  }
}

/** Whether any node in `e` satisfies `pred` (not descending into sublink subqueries). */
export function exprContains(e: Expr, pred: (x: Expr) => boolean): boolean {
  if (pred(e)) return true;
  let found = false;
  forEachChild(e, (c) => {
    if (!found && exprContains(c, pred)) found = true;
  });
  return found;
}

/**
 * The first set-returning call (function or operator) in `exprs`, not inside a subquery
 * (Postgres's expression_returns_set, answering where).
 */
export function firstSrf(exprs: readonly Expr[]): Expr | undefined {
  let found: Expr | undefined;
  const visit = (e: Expr): void => {
    if (found) return;
    if ((e.kind === 'FuncExpr' && e.retset) || (e.kind === 'OpExpr' && e.fn.retset)) {
      found = e;
      return;
    }
    forEachChild(e, visit);
  };
  exprs.forEach(visit);
  return found;
}
