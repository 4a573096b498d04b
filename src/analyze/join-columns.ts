/**
 * Which join a column reference went through. References to a join's columns are analyzed into
 * the join's alias expressions themselves (the planner reads inputs, not joins); view definitions
 * print them as ruleutils does: through an aliased join as `alias.column`, a FULL JOIN's merged
 * USING column as its bare name. Each alias expression object belongs to one join.
 * Postgres counterpart: the RTE_JOIN Vars of parse_relation.c, printed by ruleutils.c (get_variable).
 */
import type { Expr } from '../nodes/primnodes.js';
import type { JoinRte } from '../nodes/query.js';

const owner = new WeakMap<object, { readonly rte: JoinRte; readonly attno: number }>();

export function registerJoinColumns(rte: JoinRte): void {
  rte.aliasExprs.forEach((e, i) => {
    if (!owner.has(e)) owner.set(e, { rte, attno: i + 1 });
  });
}

export function joinColumnOf(e: Expr): { readonly rte: JoinRte; readonly attno: number } | undefined {
  return owner.get(e);
}
