/**
 * Postgres's grouping check: with GROUP BY or aggregates, every column used outside an aggregate
 * must be grouped or functionally dependent on the grouped primary key (42803).
 * Postgres counterpart: parse_agg.c parseCheckAggregates / check_ungrouped_columns.
 */
import { systemColumnName } from './system-columns.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Expr } from '../nodes/primnodes.js';
import type { ParseState } from './parse-state.js';
import { exprEqual } from './select.js';
import { forEachChild } from '../nodes/walk.js';
import { walkNodes } from '../plan/walk-query.js';

export function checkGrouping(pstate: ParseState): void {
  const q = pstate.query;
  const dependentRtis = new Map<number, number>();
  // Functional dependency: all primary-key columns of a table grouped → its other columns are fine.
  q.rtable.forEach((rte, rti) => {
    if (rte.kind !== 'relation') return;
    const pk = pstate.catalog.relationConstraints(rte.rel.oid).find((c) => c.kind === 'p');
    if (!pk) return;
    // Under grouping sets only the columns grouped in every set count (parse_agg.c's common vars).
    const common = q.groupingSets ? q.groupBy.filter((_, i) => q.groupingSets!.every((s) => s.includes(i))) : q.groupBy;
    const grouped = pk.columns.every((att) => common.some((g) => g.kind === 'Var' && g.levelsUp === 0 && g.rti === rti && g.attno === att));
    if (grouped) dependentRtis.set(rti, pk.oid);
  });
  const check = (e: Expr, clause: string): void => {
    if (q.groupBy.some((g) => exprEqual(g, e))) return;
    if (e.kind === 'Aggref') {
      e.directArgs?.forEach((d) => checkDirect(d));
      return;
    }
    if (e.kind === 'Var' && e.levelsUp === 0) {
      const pk = dependentRtis.get(e.rti);
      if (pk !== undefined) {
        // (parse_agg.c: check_functional_grouping adds the key to the query's constraintDeps)
        pstate.stmt.constraintDeps?.add(pk);
        return;
      }
      const rte = q.rtable[e.rti];
      const colName = e.attno < 0 ? systemColumnName(e.attno) : rte.columns[e.attno - 1].name;
      throw new PgError(SQLSTATE.grouping_error, `column "${rte.alias}.${colName}" must appear in the GROUP BY clause or be used in an aggregate function`, {
        detail: direct ? 'Direct arguments of an ordered-set aggregate must use only grouped columns.' : undefined,
        position: pstate.position(e.location),
      });
    }
    if (e.kind === 'SubLink') {
      checkSublink(e.subquery, 1);
      return;
    }
    forEachChild(e, (c) => check(c, clause));
  };
  // Inside a sublink only a column grouped as a plain Var (or functionally dependent) may be read
  // from this level; a grouped expression does not match there (check_ungrouped_columns_walker).
  const checkSublink = (subquery: unknown, depth: number): void =>
    walkNodes(subquery, (n, d) => {
      // An aggregate of this level (or an outer one) written inside the sublink: its arguments are fine.
      if (n.kind === 'Aggref') return ((n.levelsUp as number | undefined) ?? 0) < d;
      if (n.kind !== 'Var') return;
      const v = n as unknown as Extract<Expr, { kind: 'Var' }>;
      if (v.levelsUp !== d || dependentRtis.has(v.rti)) return false;
      if (q.groupBy.some((g) => g.kind === 'Var' && g.levelsUp === 0 && g.rti === v.rti && g.attno === v.attno)) return false;
      const rte = q.rtable[v.rti];
      const colName = v.attno < 0 ? systemColumnName(v.attno) : rte.columns[v.attno - 1].name;
      throw new PgError(SQLSTATE.grouping_error, `subquery uses ungrouped column "${rte.alias}.${colName}" from outer query`, { position: pstate.position(v.location) });
    }, depth);
  // An ordered-set aggregate's direct arguments are checked like the select list (with a DETAIL).
  let direct = false;
  const checkDirect = (e: Expr): void => {
    const saved = direct;
    direct = true;
    try {
      check(e, 'direct');
    } finally {
      direct = saved;
    }
  };
  for (const t of q.targetList) check(t.expr, 'select');
  if (q.having) check(q.having, 'having');
  for (const s of q.sortBy) check(s.expr, 'order');
}
