/**
 * The input order of an aggregation with ordered aggregates (ORDER BY or DISTINCT inside the
 * call). Postgres cannot hash such a grouping, so it sorts the input by the GROUP BY keys (in
 * the direction the query's ORDER BY asks for them) followed by the ORDER BY of the aggregate
 * that agrees with the most others (PG 16's presorted aggregates), and aggregates the rows in
 * that order. The order shows in which row's error is raised first and in the output order of
 * groups, so fauxgres sorts the same way.
 *
 * Postgres counterpart: adjust_group_pathkeys_for_groupagg and preprocess_groupclause in
 * src/backend/optimizer/plan/planner.c.
 * Gaps: pathkey redundancy (a key equal to a constant, or repeated) is not removed.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { Expr, SortKey } from '../nodes/primnodes.js';
import type { Query } from '../nodes/query.js';
import { comparatorFor } from '../analyze/ordering.js';
import { exprEqual } from '../analyze/select.js';
import { exprContains } from '../nodes/walk.js';

type Key = Pick<SortKey, 'expr' | 'descending' | 'nullsFirst' | 'compare'>;

const sameKey = (a: Key, b: Key): boolean => a.descending === b.descending && a.nullsFirst === b.nullsFirst && exprEqual(a.expr, b.expr);
/** pathkeys_contained_in: `a` is a prefix of `b`. */
const prefixOf = (a: readonly Key[], b: readonly Key[]): boolean => a.length <= b.length && a.every((k, i) => sameKey(k, b[i]));

const volatile = (e: Expr): boolean => exprContains(e, (x) => (x.kind === 'FuncExpr' || x.kind === 'OpExpr') && x.fn.volatility === 'v');

/** The sort keys of the input of q's aggregation, or undefined when Postgres would not sort. */
export function aggregatePresortKeys(q: Query, cat: Catalog): Key[] | undefined {
  const ordered = q.aggs.filter((a) => (a.orderBy?.length || a.distinct) && !a.star);
  if (!ordered.length || q.groupingSets) return undefined;
  try {
    // GROUP BY keys, ascending unless the query's ORDER BY wants a group key otherwise.
    const groupKeys: Key[] = q.groupBy.map((g) => {
      const s = q.sortBy.find((k) => exprEqual(k.expr, g));
      if (s) return { expr: g, descending: s.descending, nullsFirst: s.nullsFirst, compare: s.compare };
      return { expr: g, descending: false, nullsFirst: false, compare: comparatorFor(cat, g.type, g.collation) };
    });
    // Greedy choice among the aggregates' orderings, as adjust_group_pathkeys_for_groupagg.
    const lists: Key[][] = [];
    for (const a of ordered) {
      const keys: Key[] = a.orderBy?.length
        ? a.orderBy
        : a.args.map((x) => ({ expr: x, descending: false, nullsFirst: false, compare: comparatorFor(cat, x.type, x.collation) }));
      if (keys.some((k) => volatile(k.expr))) continue;
      lists.push(keys);
    }
    let best: Key[] = [];
    let bestCount = 0;
    for (let start = 0; start < lists.length && lists.length - start > bestCount; start++) {
      let cur: Key[] | undefined;
      let count = 0;
      for (let i = start; i < lists.length; i++) {
        const keys = lists[i];
        if (!cur) {
          cur = keys;
          count = 1;
        } else if (prefixOf(cur, keys)) {
          cur = keys;
          count++;
        } else if (prefixOf(keys, cur)) count++;
      }
      if (cur && count > bestCount) {
        best = cur;
        bestCount = count;
      }
    }
    return [...groupKeys, ...best];
  } catch {
    // A group key without ordering (json): Postgres fails or hashes; keep the input order.
    return undefined;
  }
}
