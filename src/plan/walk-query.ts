/**
 * Walks analyzed queries to find which range entries of a level an expression uses, and whether
 * a subquery reaches outside itself (correlation).
 */
import type { Expr } from '../nodes/primnodes.js';

const SKIP = new Set(['rel', 'fn', 'agg', 'compare', 'eq', 'compareFns', 'keyFns', 'outerAgg']);

/** Visits every Var in a value (expression or query), with its query-nesting depth. */
export function visitVars(value: unknown, f: (v: Extract<Expr, { kind: 'Var' }>, depth: number) => void, depth = 0): void {
  if (!value || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const x of value) visitVars(x, f, depth);
    return;
  }
  const o = value as Record<string, unknown>;
  if (o.kind === 'Var') {
    f(o as unknown as Extract<Expr, { kind: 'Var' }>, depth);
    return;
  }
  for (const [k, v] of Object.entries(o)) {
    if (SKIP.has(k) || typeof v !== 'object' || v === null) continue;
    const isQuery = !Array.isArray(v) && 'commandType' in (v as object);
    visitVars(v, f, isQuery ? depth + 1 : depth);
  }
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
  return found;
}

/** Whether a value (expression or query) calls a volatile function or operator anywhere. */
export function containsVolatile(value: unknown): boolean {
  if (!value || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some(containsVolatile);
  const o = value as Record<string, unknown>;
  if ((o.kind === 'FuncExpr' || o.kind === 'OpExpr') && (o.fn as { volatility?: string } | undefined)?.volatility === 'v') return true;
  for (const [k, v] of Object.entries(o)) {
    if (SKIP.has(k) || typeof v !== 'object' || v === null) continue;
    if (containsVolatile(v)) return true;
  }
  return false;
}

export function containsSubLink(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  if ((e as { kind?: string }).kind === 'SubLink') return true;
  if (Array.isArray(e)) return e.some(containsSubLink);
  for (const [k, v] of Object.entries(e as object)) {
    if (SKIP.has(k)) continue;
    if (containsSubLink(v)) return true;
  }
  return false;
}
