/**
 * Walks analyzed queries to find which range entries of a level an expression uses, and whether
 * a subquery reaches outside itself (correlation).
 */
import type { Expr } from '../nodes/primnodes.js';

const SKIP = new Set(['rel', 'fn', 'agg', 'compare', 'eq', 'compareFns', 'keyFns', 'outerAgg', 'sys']);

/**
 * Visits every node (object with a `kind`) of a value (expression or query, sublinks' queries
 * included), with its query-nesting depth. `f` returning false skips the node's children.
 */
export function walkNodes(value: unknown, f: (n: { kind: string } & Record<string, unknown>, depth: number) => boolean | void, depth = 0): void {
  if (!value || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const x of value) walkNodes(x, f, depth);
    return;
  }
  const o = value as Record<string, unknown>;
  if (typeof o.kind === 'string' && f(o as { kind: string } & Record<string, unknown>, depth) === false) return;
  for (const [k, v] of Object.entries(o)) {
    if (SKIP.has(k) || typeof v !== 'object' || v === null) continue;
    const isQuery = !Array.isArray(v) && 'commandType' in (v as object);
    walkNodes(v, f, isQuery ? depth + 1 : depth);
  }
}

/** Whether any node of a value satisfies `pred`. */
export function someNode(value: unknown, pred: (n: { kind: string } & Record<string, unknown>) => boolean): boolean {
  let found = false;
  walkNodes(value, (n) => {
    if (found || pred(n)) found = true;
    return !found;
  });
  return found;
}

/** Visits every Var in a value (expression or query), with its query-nesting depth. */
export function visitVars(value: unknown, f: (v: Extract<Expr, { kind: 'Var' }>, depth: number) => void, depth = 0): void {
  walkNodes(value, (n, d) => {
    if (n.kind !== 'Var') return;
    f(n as unknown as Extract<Expr, { kind: 'Var' }>, d);
    return false;
  }, depth);
}

/** Range-table indexes of this level used by `e` (including from inside its sublinks). */
export function exprRtis(e: Expr): Set<number> {
  const out = new Set<number>();
  visitVars(e, (v, depth) => {
    if (v.levelsUp === depth) out.add(v.rti);
  });
  return out;
}

/** Whether a query (as a subquery) refers to any enclosing level. */
export function isCorrelated(q: unknown): boolean {
  let found = false;
  visitVars(q, (v, depth) => {
    if (v.levelsUp > depth) found = true;
  }, 0);
  if (found) return true;
  // A WITH query of an enclosing level that itself reads outer columns (see CteRte.outerCorrelated).
  walkNodes(q, (n, depth) => {
    if (found) return false;
    if (n.kind === 'cte' && n.outerCorrelated === true && (n.levelsUp as number) > depth) found = true;
  });
  return found;
}

/** Whether a value (expression or query) calls a volatile function or operator anywhere. */
export function containsVolatile(value: unknown): boolean {
  return someNode(value, (n) => (n.kind === 'FuncExpr' || n.kind === 'OpExpr') && (n.fn as { volatility?: string } | undefined)?.volatility === 'v');
}

export function containsSubLink(e: unknown): boolean {
  return someNode(e, (n) => n.kind === 'SubLink');
}

/** The conjuncts of a qual (its top-level AND arguments, flattened). */
export function splitAnd(e: Expr | undefined): Expr[] {
  if (!e) return [];
  if (e.kind === 'BoolExpr' && e.op === 'and') return e.args.flatMap(splitAnd);
  return [e];
}
