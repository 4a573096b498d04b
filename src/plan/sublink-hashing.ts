/**
 * Planning decisions that let the executor answer sublinks from hash tables instead of running
 * the subquery for every outer row (executor/expr/hashed-sublink.ts):
 *
 * - `anyHashKeyTypes`: an uncorrelated `x = ANY (subquery)` (IN) over hashable types.
 * - `existsAsHash`: a correlated EXISTS whose only references to the enclosing query are
 *   equalities `inner_expr = outer_expr` in its WHERE, split into an uncorrelated query that
 *   yields the inner sides, and the outer sides to look up. `EXISTS (SELECT 1 FROM u WHERE
 *   u.k = t.v AND u.flag)` becomes "t.v is among the k of `SELECT k FROM u WHERE u.flag`". The
 *   rewrite is exact for EXISTS in any context (under NOT, in a join filter, in a target list):
 *   an equality is never true when either side is NULL, so an outer row with a NULL key has no
 *   match and a hashed row with a NULL key can never be matched. Other correlated conditions
 *   (`u.k = t.v AND u.at > t.since`) stay as a residual tested on the rows of the matching key
 *   only, as the join filter of Postgres's hash semi-join (pull_up_sublinks) is.
 * - `memoKeys`: any other correlated EXISTS or scalar subquery is remembered per distinct
 *   combination of the outer values it reads (Postgres's Memoize node does this for
 *   parameterized scans), when those values are of types whose in-memory value is their identity.
 *
 * Postgres counterpart: convert_EXISTS_to_ANY in src/backend/optimizer/plan/subselect.c feeding a
 * hashed SubPlan (src/backend/executor/nodeSubplan.c); Memoize (nodeMemoize.c). Postgres picks
 * the hashed or the per-row form by estimated cost; fauxgres has no estimates at this point and
 * lets the executor switch at run time. Like Postgres it declines subqueries with aggregates,
 * grouping, window functions, set operations, LIMIT/OFFSET, set-returning functions in the target
 * list, FOR UPDATE, WITH, or volatile functions, and equalities whose two sides are not of one
 * hashable type.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { Expr } from '../nodes/primnodes.js';
import type { Query } from '../nodes/query.js';
import { OID } from '../types/oids.js';
import { domainBase } from '../analyze/coerce.js';
import { hashKeyFor, identityHashKey, isHashableType } from '../analyze/ordering.js';
import { containsSubLink, containsVolatile, isCorrelated, someNode, visitVars } from './walk-query.js';

/** Objects from this OID on were created by users (Postgres's FirstNormalObjectId). */
const FIRST_NORMAL_OBJECT_ID = 16384;

/** The split form of a correlated EXISTS (see the file header). */
export interface ExistsAsHash {
  /**
   * The subquery without its correlated conditions, yielding the equalities' inner sides, then
   * the subquery columns the residual reads.
   */
  readonly inner: Query;
  /** The outer sides, with their Vars re-based on the level that holds the EXISTS. */
  readonly outerKeys: readonly Expr[];
  /** Key types, one per equality (both sides are of this type, up to domains). */
  readonly keyTypes: readonly number[];
  /**
   * The other correlated conditions (AND-ed), tested against each inner row whose keys match:
   * written one level below the EXISTS's level, as a subquery's qual is, with the subquery's own
   * columns read from the inner row (range entry RESIDUAL_RTI, column i + 1 is the inner row's
   * column i). Undefined when every correlated condition is a hashed equality.
   */
  readonly residual?: Expr;
}

/** The range entry through which a residual reads the inner row (see ExistsAsHash). */
const RESIDUAL_RTI = 0;

/** The AND-ed conjuncts of a qual. */
function conjuncts(e: Expr | undefined, out: Expr[] = []): Expr[] {
  if (!e) return out;
  if (e.kind === 'BoolExpr' && e.op === 'and') for (const a of e.args) conjuncts(a, out);
  else out.push(e);
  return out;
}

/** Which levels an expression at the subquery's top level reads: its own, enclosing ones. */
function levelsRead(e: Expr): { own: boolean; outer: boolean } {
  const r = { own: false, outer: false };
  visitVars(e, (v, depth) => {
    if (v.levelsUp === depth) r.own = true;
    else if (v.levelsUp > depth) r.outer = true;
  });
  return r;
}

/**
 * `e` (a side of an equality, read from the subquery) as an expression of the enclosing level:
 * every Var one level closer. Only plain expression shapes are re-based; undefined otherwise.
 */
function rebase(e: Expr): Expr | undefined {
  switch (e.kind) {
    case 'Var':
      return e.levelsUp >= 1 ? { ...e, levelsUp: e.levelsUp - 1 } : undefined;
    case 'Const':
    case 'Param':
      return e;
    case 'CoerceExpr': {
      const arg = rebase(e.arg);
      return arg && { ...e, arg };
    }
    case 'FuncExpr':
    case 'OpExpr': {
      if (e.kind === 'FuncExpr' && e.retset) return undefined;
      const args = e.args.map(rebase);
      return args.every((a) => a !== undefined) ? ({ ...e, args } as Expr) : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Whether `a = b` can be answered by hashing (sublinks here, hash joins in the planner): the
 * built-in `=` of one hashable type, under a deterministic collation.
 */
export function hashableEquality(cat: Catalog, e: Expr): e is Extract<Expr, { kind: 'OpExpr' }> {
  if (e.kind !== 'OpExpr' || e.op !== '=' || e.args.length !== 2) return false;
  // A user-defined `=` need not agree with the type's hash key.
  if ((e.fn.oid ?? 0) >= FIRST_NORMAL_OBJECT_ID) return false;
  const [a, b] = e.args;
  const type = domainBase(cat, a.type);
  if (type !== domainBase(cat, b.type) || !isHashableType(cat, type)) return false;
  for (const x of [a, b]) if (x.collation && x.collation !== 'default' && x.collation !== 'C') return false;
  return true;
}

/**
 * The key types of an uncorrelated `= ANY (subquery)` (IN) whose columns can be hashed: each
 * column compared by `=` with a left side of its own type (up to domains); undefined otherwise.
 */
export function anyHashKeyTypes(e: Extract<Expr, { kind: 'SubLink' }>, cat: Catalog): number[] | undefined {
  if (e.subLinkType !== 'ANY' || e.opName !== '=' || !e.testExprs) return undefined;
  const cols = e.subquery.targetList.filter((t) => !t.resjunk);
  const types: number[] = [];
  for (const [i, left] of e.testExprs.entries()) {
    const right = cols[i]?.expr;
    if (!right) return undefined;
    const eq: Expr = { kind: 'OpExpr', op: '=', args: [left, right], fn: e.compareFns![i], type: OID.bool, typmod: -1 } as Expr;
    if (!hashableEquality(cat, eq)) return undefined;
    types.push(domainBase(cat, left.type));
  }
  return types;
}

/** The split form of `q`, the subquery of a correlated EXISTS, or undefined when it has none. */
export function existsAsHash(q: Query, cat: Catalog): ExistsAsHash | undefined {
  if (q.commandType !== 'select' || q.setOp || q.hasAggs || q.groupBy.length || q.groupingSets || q.having) return undefined;
  if (q.windowFuncs?.length || q.limit || q.offset || q.locking?.length || q.ctes.length) return undefined;
  if (someNode(q.targetList, (n) => n.kind === 'FuncExpr' && !!n.retset)) return undefined;
  const kept: Expr[] = [];
  const innerKeys: Expr[] = [];
  const outerKeys: Expr[] = [];
  const keyTypes: number[] = [];
  const residual: Expr[] = [];
  for (const c of conjuncts(q.where)) {
    const reads = levelsRead(c);
    if (!reads.outer) {
      kept.push(c);
      continue;
    }
    if (containsVolatile(c)) return undefined;
    const key = hashableEquality(cat, c) ? splitEquality(c) : undefined;
    if (key) {
      innerKeys.push(key.inner);
      outerKeys.push(key.outer);
      keyTypes.push(domainBase(cat, key.inner.type));
    } else if (residualOk(c)) {
      residual.push(c);
    } else {
      return undefined;
    }
  }
  if (innerKeys.length === 0) return undefined;
  const targets = innerKeys.map((expr, i) => ({ expr, name: `key${i + 1}`, resjunk: false }));
  let residualExpr: Expr | undefined;
  if (residual.length) {
    const read = new Map<string, number>();
    const onInnerRow = (e: Expr): Expr =>
      mapVars(e, (v) => {
        const id = `${v.rti}:${v.attno}`;
        let col = read.get(id);
        if (col === undefined) {
          col = targets.length;
          read.set(id, col);
          targets.push({ expr: v, name: `col${col + 1}`, resjunk: false });
        }
        return { ...v, rti: RESIDUAL_RTI, attno: col + 1, location: undefined };
      });
    const parts = residual.map(onInnerRow);
    residualExpr = parts.length === 1 ? parts[0] : { kind: 'BoolExpr', op: 'and', args: parts, type: OID.bool, typmod: -1 };
  }
  const where: Expr | undefined = kept.length === 0 ? undefined : kept.length === 1 ? kept[0] : { kind: 'BoolExpr', op: 'and', args: kept, type: OID.bool, typmod: -1 };
  const inner: Query = {
    ...q,
    where,
    targetList: targets,
    sortBy: [],
    distinct: false,
    distinctOn: undefined,
  };
  if (isCorrelated(inner) || containsVolatile(inner)) return undefined;
  return { inner, outerKeys, keyTypes, residual: residualExpr };
}

/** `inner_expr = outer_expr` (either way round) split into its sides, the outer one re-based. */
function splitEquality(c: Extract<Expr, { kind: 'OpExpr' }>): { inner: Expr; outer: Expr } | undefined {
  const [a, b] = c.args;
  const ra = levelsRead(a);
  const rb = levelsRead(b);
  const [inner, outer] = !ra.outer && rb.outer && !rb.own ? [a, b] : !rb.outer && ra.outer && !ra.own ? [b, a] : [undefined, undefined];
  if (!inner || !outer || containsSubLink(outer)) return undefined;
  const rebased = rebase(outer);
  return rebased && { inner, outer: rebased };
}

/**
 * Whether a correlated condition can be a residual: no sublink (its Vars are then all of the
 * subquery's level or outer ones), no outer aggregate, no system column of the subquery's rows.
 */
function residualOk(c: Expr): boolean {
  if (containsSubLink(c) || someNode(c, (n) => n.kind === 'Aggref')) return false;
  let ok = true;
  visitVars(c, (v, depth) => {
    if (v.levelsUp === depth && v.sys) ok = false;
  });
  return ok;
}

/**
 * `e` with each Var of its own level (it holds no sublink) replaced by `f(var)`; nodes without
 * such a Var are kept as they are (constants' values stay class instances).
 */
function mapVars(e: Expr, f: (v: Extract<Expr, { kind: 'Var' }>) => Expr): Expr {
  const walk = (x: unknown): unknown => {
    if (!x || typeof x !== 'object') return x;
    if (Array.isArray(x)) {
      const items = x.map(walk);
      return items.some((y, i) => y !== x[i]) ? items : x;
    }
    const o = x as Record<string, unknown>;
    if (typeof o.kind !== 'string' || o.kind === 'Const') return o;
    if (o.kind === 'Var') return o.levelsUp === 0 ? f(o as unknown as Extract<Expr, { kind: 'Var' }>) : o;
    let out: Record<string, unknown> | undefined;
    for (const [k, v] of Object.entries(o)) {
      const w = walk(v);
      if (w !== v) (out ??= { ...o })[k] = w;
    }
    return out ?? o;
  };
  return walk(e) as Expr;
}

/** Whether a type's in-memory values are their own hash keys (equal exactly when identical). */
function identityKeyed(cat: Catalog, type: number): boolean {
  try {
    return hashKeyFor(cat, type) === identityHashKey;
  } catch {
    return false;
  }
}

/**
 * The outer values a correlated EXISTS or scalar subquery reads, as expressions of the level
 * that holds the sublink, when its result can be remembered per combination of them: no
 * volatile function, no outer-level aggregate, and every value of a type whose in-memory value
 * is its identity (integers, text, booleans, dates, timestamps: two values that merely compare
 * equal, like numeric 1.0 and 1.00, could give different results). Undefined otherwise.
 */
export function memoKeys(q: Query, cat: Catalog): Expr[] | undefined {
  if (containsVolatile(q)) return undefined;
  if (someNode(q, (n) => n.kind === 'Aggref' && ((n.levelsUp as number | undefined) ?? 0) > 0)) return undefined;
  const seen = new Map<string, Expr>();
  let ok = true;
  visitVars(q, (v, depth) => {
    if (v.levelsUp <= depth) return;
    const up = v.levelsUp - depth - 1;
    const id = `${up}:${v.rti}:${v.attno}`;
    if (seen.has(id)) return;
    if (v.sys || !identityKeyed(cat, v.type)) ok = false;
    seen.set(id, { ...v, levelsUp: up, location: undefined });
  });
  return ok && seen.size > 0 ? [...seen.values()] : undefined;
}
