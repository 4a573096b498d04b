/**
 * min() / max() through an index: a query whose only aggregates are min(col) / max(col) over one
 * relation, without GROUP BY, becomes one `SELECT col FROM rel WHERE ... AND col IS NOT NULL
 * ORDER BY col [DESC] LIMIT 1` per aggregate, used when the planner answers it with an ordered
 * index scan (no Sort); otherwise the ordinary aggregation stays.
 * Postgres counterpart: src/backend/optimizer/plan/planagg.c (preprocess_minmax_aggregates).
 */
import type { Catalog } from '../catalog/catalog.js';
import type { Aggref, Expr, SortKey } from '../nodes/primnodes.js';
import type { Query } from '../nodes/query.js';
import { comparatorFor } from '../analyze/ordering.js';
import { OID } from '../types/oids.js';
import type { Layout } from '../executor/expr/compile.js';
import type { Plan } from '../executor/scan.js';
import { MinMaxAgg } from '../executor/minmax-agg.js';

function walkHas(x: unknown, pred: (o: Record<string, unknown>) => boolean, seen = new Set<object>()): boolean {
  if (!x || typeof x !== 'object' || seen.has(x)) return false;
  seen.add(x);
  if (Array.isArray(x)) return x.some((y) => walkHas(y, pred, seen));
  const o = x as Record<string, unknown>;
  if (pred(o)) return true;
  for (const [k, v] of Object.entries(o)) if (k !== 'fn' && k !== 'agg' && k !== 'rel' && k !== 'index' && k !== 'compare' && typeof v === 'object' && walkHas(v, pred, seen)) return true;
  return false;
}

/** The min / max aggregates of `q` if all its aggregates are simple ones over one relation's columns. */
function minMaxAggs(q: Query): Aggref[] | undefined {
  if (!q.hasAggs || q.groupBy.length || q.groupingSets || q.windowFuncs?.length || q.setOp || q.locking?.length) return undefined;
  if (q.fromList.length !== 1 || q.fromList[0].kind !== 'RangeTblRef') return undefined;
  const rti = q.fromList[0].rti;
  if (q.rtable[rti]?.kind !== 'relation') return undefined;
  if (!q.aggs.length) return undefined;
  for (const a of q.aggs) {
    if ((a.name !== 'min' && a.name !== 'max') || a.star || a.filter || a.orderBy?.length || a.args.length !== 1) return undefined;
    const x = a.args[0];
    if (x.kind !== 'Var' || x.levelsUp !== 0 || x.rti !== rti || x.type !== a.type) return undefined;
  }
  if (q.targetList.some((t) => walkHas(t.expr, (o) => o.kind === 'FuncExpr' && !!o.retset))) return undefined;
  return q.aggs;
}

function sameVar(x: Expr, y: Expr): boolean {
  return x.kind === 'Var' && y.kind === 'Var' && x.rti === y.rti && x.attno === y.attno && x.levelsUp === y.levelsUp && x.collation === y.collation;
}

/**
 * Plans `q`'s aggregation as index probes, or returns undefined. `planSub` plans a SELECT (the
 * planner's planSelect), `width` is the FROM part's row width.
 */
export function planMinMaxAgg(
  q: Query,
  parent: Layout | undefined,
  cat: Catalog,
  width: number,
  planSub: (q: Query, parent: Layout | undefined) => { plan: Plan },
): Plan | undefined {
  const aggs = minMaxAggs(q);
  if (!aggs) return undefined;
  const subplans: Plan[] = [];
  const done: { a: Aggref; plan: Plan }[] = [];
  for (const a of aggs) {
    // The same aggregate twice (select list and HAVING) is probed once.
    const same = done.find((d) => d.a.name === a.name && sameVar(d.a.args[0], a.args[0]));
    if (same) {
      subplans.push(same.plan);
      continue;
    }
    const col = a.args[0] as Extract<Expr, { kind: 'Var' }>;
    const rte = q.rtable[col.rti];
    // A NOT NULL column needs no IS NOT NULL test (Postgres drops it as implied).
    const nullable = rte.kind !== 'relation' || !rte.rel.columns[col.attno - 1]?.notNull;
    const notNull: Expr | undefined = nullable ? ({ kind: 'NullTest', arg: col, isNull: false, type: OID.bool, typmod: -1 } as Expr) : undefined;
    const where: Expr | undefined = q.where && notNull ? ({ kind: 'BoolExpr', op: 'and', args: [q.where, notNull], type: OID.bool, typmod: -1 } as unknown as Expr) : (q.where ?? notNull);
    const descending = a.name === 'max';
    let planned: Plan | undefined;
    // Either NULLS placement will do (NULLs are filtered out): try the one an index may have.
    for (const nullsFirst of [descending, !descending]) {
      const key: SortKey = { expr: col, descending, nullsFirst, compare: comparatorFor(cat, col.type, col.collation) };
      const sub: Query = {
        commandType: 'select',
        // Own copies of the entries (EXPLAIN names each probe's relation apart: users, users_1).
        rtable: q.rtable.map((r) => ({ ...r })),
        fromList: q.fromList,
        where,
        targetList: [{ expr: col, name: a.name, resjunk: false }],
        groupBy: [],
        aggs: [],
        hasAggs: false,
        sortBy: [key],
        distinct: false,
        limit: { kind: 'Const', type: OID.int8, typmod: -1, value: 1n } as Expr,
        ctes: q.ctes,
      };
      const p = planSub(sub, parent).plan;
      if (!walkHas(p, (o) => o.kind === 'Sort')) {
        planned = p;
        break;
      }
    }
    if (!planned) return undefined;
    subplans.push(planned);
    done.push({ a, plan: planned });
  }
  return new MinMaxAgg(subplans, width);
}
