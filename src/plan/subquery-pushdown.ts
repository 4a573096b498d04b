/**
 * Moves work into FROM subqueries (views, inlinable WITH queries) as Postgres's planner does:
 * - the conditions a query puts on a subquery's output columns, each column replaced by the
 *   expression that computes it, so `SELECT * FROM my_view WHERE id = $1` is an index lookup and a
 *   qual on a grouping column filters before grouping (into every arm of a UNION / INTERSECT);
 * - ORDER BY ... LIMIT over a simple view, so it reads an index in that order up to the limit;
 * - and the output columns nobody reads compute NULL instead of their expressions.
 *
 * Postgres counterpart: allpaths.c set_subquery_pathlist (subquery_is_pushdown_safe,
 * check_output_expressions, qual_is_pushdown_safe, subquery_push_qual,
 * remove_unused_subquery_outputs), planner.c moving a pushed HAVING qual without aggregates into
 * WHERE, subselect.c for which WITH queries are inlined, prepjointree.c is_simple_subquery.
 * Known gaps (such quals stay a filter above the subquery, which gives the same rows): nothing is
 * pushed into subqueries with window functions (Postgres: when the qual reads only partition
 * keys), DISTINCT ON, LIMIT / OFFSET, grouping sets, EXCEPT or row locking, nor quals with
 * sublinks, volatile functions or outer-level references. Into a security barrier (a table read
 * through row-level security, a security_barrier view) only quals that pass its columns to
 * leakproof operators alone go, as contain_leaked_vars allows (user functions declared LEAKPROOF
 * are not trusted yet). Postgres also pulls simple subqueries up into the outer join tree
 * (pull_up_subqueries); fauxgres plans them as a unit.
 */
import type { Catalog } from '../catalog/catalog.js';
import { exprEqual } from '../analyze/select.js';
import type { Expr, SortKey } from '../nodes/primnodes.js';
import type { CommonTableExpr, Query, SubqueryRte, TargetEntry } from '../nodes/query.js';
import { OID } from '../types/oids.js';
import { allOperators, type FunctionImpl } from '../functions/registry.js';
import { BUILTIN_OPERATOR_FACTS, LEAKPROOF_OPERATORS } from '../catalog/system/operator-data.js';
import { containsVolatile, someNode, splitAnd, visitVars, walkNodes } from './walk-query.js';

/**
 * Splits `quals` (conditions on range entry `rti`, a subquery) into those moved into the
 * subquery and the rest; `query` is the subquery with the moved ones ANDed into its WHERE, or
 * into the WHERE of every arm of a UNION / INTERSECT (the original query object when nothing moved).
 */
export function pushQualsIntoSubquery(cat: Catalog, rte: SubqueryRte, rti: number, quals: readonly Expr[]): { query: Query; rest: Expr[] } {
  const q = rte.query;
  const accepts = quals.length ? subqueryAcceptsQuals(cat, rte) : false;
  const arms = accepts ? pushdownArms(q) : undefined;
  if (!arms) return { query: q, rest: [...quals] };
  const outputs = arms.map((a) => a.targetList.filter((t) => !t.resjunk));
  const columnOk = (attno: number): boolean => arms.every((a, i) => armColumnOk(a, outputs[i][attno - 1], rte.columns[attno - 1]));
  const moved = arms.map((): Expr[] => []);
  const rest: Expr[] = [];
  for (const qual of quals) {
    if (qualPushable(qual, rti, columnOk) && (accepts !== 'barrier' || !leaksVars(qual))) arms.forEach((_, i) => moved[i].push(substituteColumns(qual, rti, outputs[i])));
    else rest.push(qual);
  }
  if (rest.length === quals.length) return { query: q, rest };
  const rebuild = (x: Query): Query => {
    if (x.setOp) return { ...x, setOp: { ...x.setOp, left: rebuild(x.setOp.left), right: rebuild(x.setOp.right) } };
    const conj = x.where ? [x.where, ...moved[arms.indexOf(x)]] : moved[arms.indexOf(x)];
    return { ...x, where: conj.length === 1 ? conj[0] : ({ kind: 'BoolExpr', op: 'and', args: conj, type: OID.bool, typmod: -1 } as Expr) };
  };
  return { query: rebuild(q), rest };
}

/**
 * The plain SELECTs a filter on the query's rows can be pushed into: the query itself, or every
 * arm of its UNION / INTERSECT tree (not EXCEPT, not a recursive union); undefined when one of
 * them cannot take it (recurse_pushdown_safe, subquery_is_pushdown_safe).
 */
function pushdownArms(q: Query): Query[] | undefined {
  if (q.commandType !== 'select' || q.limit || q.offset || q.windowFuncs?.length || q.distinctOn || q.groupingSets || q.locking?.length) return undefined;
  if (!q.setOp) return [q];
  if (q.setOp.recursive || q.setOp.op === 'except') return undefined;
  const l = pushdownArms(q.setOp.left);
  const r = l && pushdownArms(q.setOp.right);
  return r && [...l!, ...r];
}

/**
 * Whether an arm's output column may stand in a pushed qual (check_output_expressions): of the
 * column's type and collation (a set operation's arm may differ), no volatile or set-returning
 * function, sublink, aggregate or window function, and in a grouped arm a grouping expression
 * (whose value before grouping is its value after).
 */
function armColumnOk(arm: Query, te: TargetEntry | undefined, col: SubqueryRte['columns'][number] | undefined): boolean {
  if (!te || !col || te.expr.type !== col.type || te.expr.collation !== col.collation) return false;
  if (containsVolatile(te.expr) || someNode(te.expr, (n) => n.kind === 'SubLink' || n.kind === 'Aggref' || n.kind === 'WindowFunc' || (n.kind === 'FuncExpr' && n.retset === true))) return false;
  const grouped = arm.hasAggs || arm.groupBy.length > 0 || arm.having !== undefined;
  return !grouped || arm.groupBy.some((g) => exprEqual(g, te.expr));
}

/**
 * `SELECT ... FROM view [WHERE ...] ORDER BY view columns LIMIT n`: Postgres pulls the simple view
 * up, so an index in the requested order is read only up to the limit. Here the ORDER BY and
 * LIMIT are copied into the subquery (when every WHERE condition moves into it too and nothing
 * between changes the row count), so its own planning can do the same; the outer query still
 * sorts and limits the few rows that come back. Undefined when that does not apply.
 */
export function pushOrderLimitIntoSubquery(q: Query, cat: Catalog): Query | undefined {
  if (!q.limit || q.offset || !q.sortBy.length || q.setOp || q.hasAggs || q.groupBy.length || q.groupingSets || q.having) return undefined;
  if (q.windowFuncs?.length || q.distinct || q.distinctOn || q.locking?.length || q.fromList.length !== 1 || q.fromList[0].kind !== 'RangeTblRef') return undefined;
  if (q.targetList.some((t) => someNode(t.expr, (n) => n.kind === 'FuncExpr' && n.retset === true))) return undefined;
  const rti = q.fromList[0].rti;
  const rte = q.rtable[rti];
  if (rte.kind !== 'subquery' || !isSimpleSubquery(rte) || someNode(q.limit, (n) => n.kind === 'Var' || n.kind === 'SubLink')) return undefined;
  const outputs = rte.query.targetList.filter((t) => !t.resjunk);
  const keys: SortKey[] = [];
  for (const k of q.sortBy) {
    const v = k.expr;
    if (v.kind !== 'Var' || v.levelsUp !== 0 || v.rti !== rti || v.attno < 1 || !armColumnOk(rte.query, outputs[v.attno - 1], rte.columns[v.attno - 1])) return undefined;
    keys.push({ ...k, expr: outputs[v.attno - 1].expr });
  }
  const quals = splitAnd(q.where);
  const pushed = pushQualsIntoSubquery(cat, rte, rti, quals);
  if (pushed.rest.length) return undefined;
  const rtable = q.rtable.slice();
  rtable[rti] = { ...rte, query: { ...pushed.query, sortBy: keys, limit: q.limit, limitWithTies: q.limitWithTies } };
  return { ...q, rtable, where: undefined };
}

/**
 * The columns (attnos) of range entry `rti` that query `q` reads anywhere, or undefined when it
 * reads the whole row (or a system column) and so every column.
 */
export function usedColumns(q: Query, rti: number, ncols: number): Set<number> | undefined {
  const used = new Set<number>();
  let all = false;
  visitVars(q, (v, depth) => {
    if (v.levelsUp !== depth || v.rti !== rti) return;
    if (v.attno >= 1 && v.attno <= ncols) used.add(v.attno);
    else all = true;
  });
  return all ? undefined : used;
}

/**
 * The subquery with the output columns nobody reads computing NULL instead (Postgres's
 * remove_unused_subquery_outputs): a view's column whose expression would fail, or cost a lot,
 * is not evaluated when the query does not select it. Columns with volatile or set-returning
 * functions stay (they decide what else happens or how many rows come back), and so does every
 * column of a DISTINCT subquery or of a set operation other than UNION ALL.
 */
export function withoutUnusedOutputs(q: Query, used: ReadonlySet<number> | undefined): Query {
  if (!used || q.distinct || q.commandType !== 'select') return q;
  if (q.setOp) {
    // UNION ALL arms (Postgres's append relation): each arm's unread columns go too.
    if (q.setOp.op !== 'union' || !q.setOp.all || q.setOp.recursive) return q;
    const left = withoutUnusedOutputs(q.setOp.left, used);
    const right = withoutUnusedOutputs(q.setOp.right, used);
    return left === q.setOp.left && right === q.setOp.right ? q : { ...q, setOp: { ...q.setOp, left, right } };
  }
  let attno = 0;
  let changed = false;
  const targetList = q.targetList.map((t) => {
    if (t.resjunk) return t;
    attno++;
    const e = t.expr;
    if (used.has(attno) || e.kind === 'Var' || e.kind === 'Const' || e.kind === 'Param') return t;
    if (containsVolatile(e) || someNode(e, (n) => n.kind === 'FuncExpr' && n.retset === true)) return t;
    changed = true;
    return { ...t, expr: { kind: 'Const', value: null, type: e.type, typmod: e.typmod, ...(e.collation !== undefined ? { collation: e.collation } : {}) } as Expr };
  });
  if (!changed) return q;
  // Window functions no output reads any more are not computed (no WindowAgg for them at all).
  const windowFuncs = q.windowFuncs?.filter((w) => someNode(targetList, (n) => (n as unknown) === w));
  return { ...q, targetList, ...(q.windowFuncs ? { windowFuncs } : {}) };
}

/**
 * Whether Postgres would plan a WITH query of `q` as an inline subquery (subselect.c
 * SS_process_ctes): a plain SELECT, not recursive, not MATERIALIZED, without volatile functions,
 * and referenced once (NOT MATERIALIZED: any number of times). Only then may the conditions of
 * its reference filter inside it.
 */
export function inlinableCte(q: Query, cte: CommonTableExpr): boolean {
  if (cte.recursive || cte.materialized === true || cte.query.commandType !== 'select' || cte.query.setOp?.recursive) return false;
  if (cte.query.ctes.some((c) => c.query.commandType !== 'select')) return false;
  if (containsVolatile(cte.query)) return false;
  if (cte.materialized === false) return true;
  let refs = 0;
  walkNodes(q, (n, depth) => {
    if (n.kind === 'cte' && n.cteName === cte.name && n.levelsUp === depth) refs++;
  });
  return refs === 1;
}

/**
 * Whether Postgres would pull the subquery up into the outer query (prepjointree.c
 * is_simple_subquery): EXPLAIN then shows its scans without a Subquery Scan above them.
 */
function isSimpleSubquery(rte: SubqueryRte): boolean {
  const q = rte.query;
  if (q.commandType !== 'select' || q.setOp || q.hasAggs || q.groupBy.length || q.groupingSets || q.having || q.windowFuncs?.length) return false;
  if (q.sortBy.length || q.distinct || q.distinctOn || q.limit || q.offset || q.locking?.length || q.ctes.length || !q.fromList.length) return false;
  if (rte.rlsRelation !== undefined || rte.lateral) return false;
  return !q.targetList.some((t) => containsVolatile(t.expr) || someNode(t.expr, (n) => n.kind === 'FuncExpr' && n.retset === true));
}

/**
 * Whether the subquery's rows may be filtered before its top (subquery_is_pushdown_safe); a
 * security barrier takes only quals that leak nothing.
 */
function subqueryAcceptsQuals(cat: Catalog, rte: SubqueryRte): boolean | 'barrier' {
  return isSecurityBarrier(cat, rte) ? 'barrier' : true;
}

/** A table read through its row-level security policies, or a security_barrier view. */
function isSecurityBarrier(cat: Catalog, rte: SubqueryRte): boolean {
  return rte.rlsRelation !== undefined || (rte.viewOid !== undefined && !!cat.relations.get(rte.viewOid)?.view?.securityBarrier);
}

/**
 * Whether EXPLAIN shows the subquery's plan without a Subquery Scan above it: Postgres pulls simple
 * subqueries up (not security barriers), and reads a table under row-level security as the table.
 */
export function explainsPulledUp(cat: Catalog, rte: SubqueryRte): boolean {
  return rte.rlsRelation !== undefined || (!isSecurityBarrier(cat, rte) && isSimpleSubquery(rte));
}

/**
 * Whether a qual could show column values to a function that is not leakproof (by its result,
 * an error or a side effect) (contain_leaked_vars): any call of a non-leakproof function or
 * operator, cast or other computation on an argument that reads a column.
 */
function leaksVars(qual: Expr): boolean {
  const safe = leakproofOperatorFns();
  let leaks = false;
  walkNodes(qual, (n) => {
    if (leaks) return false;
    switch (n.kind) {
      case 'Var':
      case 'Const':
      case 'Param':
      case 'BoolExpr':
      case 'NullTest':
      case 'BooleanTest':
      case 'ArrayExpr':
      case 'RowExpr':
      case 'SQLValueFunction':
        return;
      case 'OpExpr':
      case 'ScalarArrayOpExpr':
        if (safe.has(n.fn as FunctionImpl)) return;
        break;
    }
    if (someNode(n, (x) => x.kind === 'Var')) leaks = true;
    return false;
  });
  return leaks;
}

let leakproofFns: Set<FunctionImpl> | undefined;
/** The implementations of the built-in operators Postgres marks leakproof. */
function leakproofOperatorFns(): Set<FunctionImpl> {
  if (leakproofFns) return leakproofFns;
  const leakproof = new Set(BUILTIN_OPERATOR_FACTS.filter((f) => LEAKPROOF_OPERATORS.has(f[0])).map((f) => `${f[1]}/${f[3]}/${f[4]}`));
  leakproofFns = new Set();
  for (const [name, list] of allOperators()) for (const o of list) if (!o.fn.extension && leakproof.has(`${name}/${o.left}/${o.right}`)) leakproofFns.add(o.fn);
  return leakproofFns;
}

/** Whether a qual reads only pushable output columns of entry `rti` (qual_is_pushdown_safe). */
function qualPushable(qual: Expr, rti: number, columnOk: (attno: number) => boolean): boolean {
  let ok = true;
  let readsEntry = false;
  walkNodes(qual, (n, depth) => {
    if (!ok) return false;
    if (n.kind === 'SubLink' || depth > 0) {
      ok = false;
      return false;
    }
    if (n.kind === 'Var') {
      const v = n as unknown as Extract<Expr, { kind: 'Var' }>;
      if (v.levelsUp !== 0 || v.rti !== rti || v.attno < 1 || !columnOk(v.attno)) ok = false;
      else readsEntry = true;
      return false;
    }
  });
  return ok && readsEntry && !containsVolatile(qual);
}

/** The qual with each column of entry `rti` replaced by the subquery's expression for it (other nodes shared). */
function substituteColumns(qual: Expr, rti: number, outputs: readonly TargetEntry[]): Expr {
  const walk = (x: unknown): unknown => {
    if (Array.isArray(x)) {
      const m = x.map(walk);
      return m.some((y, i) => y !== x[i]) ? m : x;
    }
    if (!x || typeof x !== 'object' || Object.getPrototypeOf(x) !== Object.prototype) return x;
    const o = x as Record<string, unknown>;
    if (o.kind === 'Var') return o.rti === rti && o.levelsUp === 0 ? outputs[(o.attno as number) - 1].expr : o;
    if (o.kind === 'Const') return o;
    let out: Record<string, unknown> | undefined;
    for (const [k, v] of Object.entries(o)) {
      if (SHARED.has(k) || typeof v !== 'object' || v === null) continue;
      const w = walk(v);
      if (w !== v) (out ??= { ...o })[k] = w;
    }
    return out ?? o;
  };
  return walk(qual) as Expr;
}

/** Node fields that hold catalog objects or functions, never expressions. */
const SHARED = new Set(['rel', 'fn', 'agg', 'compare', 'eq', 'compareFns', 'keyFns', 'outerAgg', 'sys']);
