/**
 * GROUP BY ROLLUP / CUBE / GROUPING SETS: expands the GROUP BY clause into the list of grouping
 * sets (indexes into the query's groupBy, the cartesian product of the items' expansions, as
 * Postgres's expand_grouping_sets), and GROUPING(...) as a pseudo-aggregate whose value the
 * executor fills in per grouping set.
 * Postgres counterpart: src/backend/parser/parse_agg.c (transformGroupingFunc, expand_grouping_sets),
 * parse_clause.c (transformGroupClause's grouping-set handling).
 * Known gaps: the 4096-set limit; functional-dependency checks under grouping sets.
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { AggregateImpl } from '../functions/registry.js';
import type { Aggref, Expr } from '../nodes/primnodes.js';
import { OID } from '../types/oids.js';
import { nodeKind, transformExpr } from './expr.js';
import type { ParseState } from './parse-state.js';

type AnyNode = Record<string, any>;

/** Resolves one plain GROUP BY item to its index in the query's groupBy (adding it if new). */
export type GroupItemResolver = (item: AnyNode) => number;

/** Whether a raw GROUP BY clause uses grouping sets. */
export function hasGroupingSets(items: readonly AnyNode[]): boolean {
  return items.some((i) => nodeKind(i)[0] === 'GroupingSet');
}

/** Expands a raw GROUP BY clause into grouping sets (each a sorted, duplicate-free index list). */
export function expandGroupingSets(items: readonly AnyNode[], resolve: GroupItemResolver, distinct = false): number[][] {
  let product: number[][] = [[]];
  for (const item of items) {
    const sets = expandItem(item, resolve);
    const next: number[][] = [];
    for (const p of product) for (const s of sets) next.push([...new Set([...p, ...s])].sort((a, b) => a - b));
    product = next;
  }
  // GROUP BY DISTINCT drops repeated sets (plain GROUP BY keeps them: each yields its rows).
  if (distinct) product = product.filter((set, i) => product.findIndex((o) => o.join() === set.join()) === i);
  return product;
}

/** An element of ROLLUP / CUBE: an expression or a parenthesized list, as one unit. */
function unit(item: AnyNode, resolve: GroupItemResolver): number[] {
  const [k, n] = nodeKind(item);
  if (k === 'RowExpr' && n.row_format === 'COERCE_IMPLICIT_CAST') return ((n.args ?? []) as AnyNode[]).map(resolve);
  return [resolve(item)];
}

function expandItem(item: AnyNode, resolve: GroupItemResolver): number[][] {
  const [k, n] = nodeKind(item);
  if (k !== 'GroupingSet') return [unit(item, resolve)];
  const content = (n.content ?? []) as AnyNode[];
  switch (n.kind) {
    case 'GROUPING_SET_EMPTY':
      return [[]];
    case 'GROUPING_SET_SIMPLE':
      return [content.flatMap((c) => unit(c, resolve))];
    case 'GROUPING_SET_ROLLUP': {
      const units = content.map((c) => unit(c, resolve));
      const out: number[][] = [];
      for (let len = units.length; len >= 0; len--) out.push(units.slice(0, len).flat());
      return out;
    }
    case 'GROUPING_SET_CUBE': {
      const units = content.map((c) => unit(c, resolve));
      const out: number[][] = [];
      for (let mask = (1 << units.length) - 1; mask >= 0; mask--) {
        out.push(units.filter((_, i) => mask & (1 << (units.length - 1 - i))).flat());
      }
      return out;
    }
    case 'GROUPING_SET_SETS':
      return content.flatMap((c) => expandItem(c, resolve));
    default:
      throw new Error(`fauxgres internal: grouping set kind ${String(n.kind)}`);
  }
}

/** GROUPING(...) pseudo-aggregates (their values come from the grouping set, not the rows). */
const groupingRefs = new WeakSet<Aggref>();

/** Whether `a` is a GROUPING(...) call. */
export function isGroupingFunc(a: Aggref): boolean {
  return groupingRefs.has(a);
}

const GROUPING_IMPL: AggregateImpl = {
  name: 'grouping',
  argTypes: [],
  returnType: OID.int4,
  strict: false,
  init: () => null,
  step: (s) => s,
  final: () => 0,
};

/** Analyzes GROUPING(args): an int4 whose bits say which arguments are rolled up in the row's set. */
export function transformGroupingFunc(pstate: ParseState, n: AnyNode): Expr {
  if (pstate.exprKind === 'where' || pstate.exprKind === 'join' || pstate.exprKind === 'group') {
    const clause = pstate.exprKind === 'where' ? 'WHERE' : pstate.exprKind === 'join' ? 'JOIN conditions' : 'GROUP BY';
    throw new PgError(SQLSTATE.grouping_error, `grouping operations are not allowed in ${clause}`, { position: pstate.position(n.location) });
  }
  const args = ((n.args ?? []) as AnyNode[]).map((a) => transformExpr(pstate, a));
  const ref: Aggref = {
    kind: 'Aggref', name: 'grouping', agg: GROUPING_IMPL, args, distinct: false, star: false,
    type: OID.int4, typmod: -1, aggIndex: -1, location: n.location,
  };
  groupingRefs.add(ref);
  pstate.aggs.push(ref);
  return ref;
}

/** GROUPING's arguments must be GROUP BY expressions (42803 otherwise). */
export function checkGroupingFuncs(pstate: ParseState, equal: (a: Expr, b: Expr) => boolean): void {
  for (const a of pstate.aggs) {
    if (!groupingRefs.has(a)) continue;
    for (const arg of a.args) {
      if (!pstate.query.groupBy.some((g) => equal(g, arg))) {
        throw new PgError(SQLSTATE.grouping_error, 'arguments to GROUPING must be grouping expressions of the associated query level', {
          position: pstate.position(arg.location),
        });
      }
    }
  }
}
