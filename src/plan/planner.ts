/**
 * The planner: turns an analyzed Query into a tree of executable plan nodes. Chooses index scans
 * for equality/range/IN conditions, parameterized index nested loops and hash joins for
 * equi-joins, hash aggregation, sorts and limits. Plans are immutable and reusable: everything
 * that varies per execution lives in the ExecContext.
 * Postgres counterpart: src/backend/optimizer (planner.c, createplan.c, indxpath.c, joinpath.c).
 */
import { orderQuals } from './qual-order.js';
import { aggregatePresortKeys } from './agg-presort.js';
import { featureNotSupported } from '../errors/pg-error.js';
import type { Aggref, Expr, SortKey } from '../nodes/primnodes.js';
import type { CommonTableExpr, JoinNode, Query, RangeTblEntry, SubqueryRte } from '../nodes/query.js';
import type { RelationDef } from '../catalog/objects.js';
import type { Catalog } from '../catalog/catalog.js';
import { OID } from '../types/oids.js';
import { compileExpr, setSubqueryPlanner, setSublinkHashing, type CExpr, type Layout, type SubqueryRunner } from '../executor/expr/compile.js';
import { IndexScan, SeqScan, eachRow, type IndexBound, type Plan } from '../executor/scan.js';
import { Append } from '../executor/append.js';
import { prunedLeaves } from './partition-prune.js';
import { hasInheritChildren, inheritAttrMap, inheritDescendants } from '../catalog/inheritance.js';
import { InheritChildScan } from '../executor/inherit-scan.js';
import { partitionMap } from '../executor/partition-route.js';
import { HashJoin, NestLoop, type ReadAhead } from '../executor/join.js';
import { Filter, FunctionScan, MarkPresent, Result, SubqueryScan, ValuesScan, pullShared, type SharedRun } from '../executor/misc-nodes.js';
import { RowsFromScan, compileFromCall } from '../executor/rows-from.js';
import { Agg, type AggPresortKey, type CompiledAgg } from '../executor/agg.js';
import { ExprSort, ExprUnique, Limit, Project, SetOp, Sort, Unique, type SortSpec } from '../executor/sort-limit.js';
import { exprEqual } from '../analyze/select.js';
import { explainsPulledUp, inlinableCte, pushOrderLimitIntoSubquery, pushQualsIntoSubquery, usedColumns, withoutUnusedOutputs } from './subquery-pushdown.js';
import { comparatorFor, hashKeyFor } from '../analyze/ordering.js';
import { domainBase } from '../analyze/coerce.js';
import { containsSubLink, containsVolatile, exprRtis, isCorrelated, splitAnd, visitVars } from './walk-query.js';
import { anyHashKeyTypes, existsAsHash, hashableEquality, memoKeys } from './sublink-hashing.js';
import { planLockingSelect } from './plan-locking.js';
import { GroupingSetsAgg } from '../executor/grouping-sets.js';
import { isGroupingFunc } from '../analyze/grouping-sets.js';
import { RecursiveUnion, SharedCteScan, WorkTableScan, workTableKey } from '../executor/recursive-union.js';
import { planWindowAgg, replaceWindowFuncs } from './window.js';
import type { ExecContext, Row } from '../executor/context.js';
import type { Value } from '../types/values.js';
import { SystemLookupScan, systemScanRelation } from '../catalog/system/lookup-scan.js';
import { capturingPlanNotes, notePlan, type PlanNote } from './explain-notes.js';
import { planMinMaxAgg } from './planagg.js';
import { planProjectSets, splitAtSrfs } from './srf-split.js';
import { indexKeyOrderCollation } from '../commands/index-opclass.js';
import { isNondeterministic } from '../types/collation.js';

export interface PlannedSelect {
  readonly plan: Plan;
  /** Visible output columns (junk columns follow them in the rows). */
  readonly width: number;
  readonly correlated: boolean;
}

interface Conjunct {
  expr: Expr;
  rtis: Set<number>;
  used: boolean;
}

interface PlanCtx {
  q: Query;
  cat: Catalog;
  layout: Layout;
  width: number;
  /**
   * Per relation entry, the 0-based columns anything in the query reads (projection pruning:
   * scans fill only these slots of the wide row, joins copy only these); undefined: all columns.
   */
  needed?: Map<number, number[]>;
}

/** Offsets of every range entry of `q` in its wide rows. */
function computeLayout(q: Query, parent: Layout | undefined): { layout: Layout; width: number } {
  // (the query is remembered per layout so CTE references from nested levels can find their WITH)
  const offsets: number[] = [];
  let w = 0;
  for (const rte of q.rtable) {
    if (rte.kind === 'join') {
      offsets.push(-1);
      continue;
    }
    offsets.push(w);
    w += rte.columns.length + (rte.kind === 'relation' || rte.presenceSlot ? 1 : 0);
  }
  const layout: Layout = { depth: parent ? parent.depth + 1 : 0, offsets, parent };
  layoutQueries.set(layout, q);
  return { layout, width: w };
}

/** Records what EXPLAIN shows of `plan` (only while EXPLAIN plans: see explain-notes.ts). */
function note<T extends object>(pc: PlanCtx, plan: T, n: PlanNote): T {
  if (!capturingPlanNotes()) return plan;
  return notePlan(plan, { levels: levelsOf(pc.q, pc.layout), ...n });
}

function levelsOf(q: Query, layout: Layout): Query[] {
  const out = [q];
  for (let lv = layout.parent; lv; lv = lv.parent) {
    const x = layoutQueries.get(lv);
    if (x) out.push(x);
  }
  return out;
}

function rteSlots(pc: PlanCtx, rti: number): number[] {
  const rte = pc.q.rtable[rti];
  const off = pc.layout.offsets[rti];
  const cols = rte.kind === 'relation' ? pc.needed?.get(rti) : undefined;
  // (with pruning, nothing reads a relation's row version slot: only locking and DML do)
  if (cols) return cols.map((c) => off + c);
  const n = rte.columns.length + (rte.kind === 'relation' || rte.presenceSlot ? 1 : 0);
  return Array.from({ length: n }, (_, i) => off + i);
}

/** The user columns a scan fills (the row-version slot that system columns need is filled anyway). */
function scanCols(pc: PlanCtx, rti: number): number[] | undefined {
  const cols = pc.needed?.get(rti);
  const rte = pc.q.rtable[rti];
  return cols && rte.kind === 'relation' ? cols.filter((c) => c < rte.columns.length) : cols;
}

/**
 * A scan's or join's qual list as one test, in Postgres's order (qual-order.ts). Like ExecQual,
 * the first qual that is false *or null* ends the test, so later quals are not evaluated (an
 * explicit AND inside an expression still evaluates on past a null).
 */
function compileQual(pc: PlanCtx, list: Expr[]): CExpr | undefined {
  if (!list.length) return undefined;
  const quals = orderQuals(list).map((q) => compileExpr(q, pc.layout));
  if (quals.length === 1) return quals[0];
  return (row, ctx) => {
    for (const q of quals) if (q(row, ctx) !== true) return false;
    return true;
  };
}

/**
 * The columns of each relation entry of `q` that the query reads anywhere (its clauses, target
 * list, join alias expressions, and Vars of nested subqueries that point at this level).
 */
function neededColumns(q: Query): Map<number, number[]> {
  const sets = new Map<number, Set<number>>();
  q.rtable.forEach((rte, rti) => {
    if (rte.kind === 'relation') sets.set(rti, new Set());
  });
  visitVars(q, (v, depth) => {
    if (v.levelsUp !== depth) return;
    const rte = q.rtable[v.rti];
    // (the row-version slot after the columns is filled anyway)
    if (rte?.kind === 'relation' && v.attno >= 1 && v.attno <= rte.columns.length) sets.get(v.rti)?.add(v.attno - 1);
    // A system column (ctid, xmin, ...) reads the row version: joins must carry its slot.
    else if (rte?.kind === 'relation' && v.attno < 0 && v.attno !== -6) sets.get(v.rti)?.add(rte.columns.length);
    // A whole-row reference's presence test reads the row-version slot too (NULL when null-extended).
    else if (rte?.kind === 'relation' && v.attno === rte.columns.length + 1) sets.get(v.rti)?.add(rte.columns.length);
  });
  const out = new Map<number, number[]>();
  for (const [rti, set] of sets) out.set(rti, [...set].sort((a, b) => a - b));
  return out;
}

/**
 * Plans the FROM/WHERE part of a query: rows in the level's wide layout. With `prune`, relation
 * scans fill only the columns the query reads (callers that read whole row versions back from the
 * wide row, such as UPDATE, DELETE and locking, leave it off).
 */
export function planFromWhere(q: Query, parent: Layout | undefined, cat: Catalog, prune = false, order?: OrderRequest): { plan: Plan; layout: Layout; width: number; ordered?: boolean } {
  const { layout, width } = computeLayout(q, parent);
  const pc: PlanCtx = { q, cat, layout, width, needed: prune ? neededColumns(q) : undefined };
  const conjuncts: Conjunct[] = splitAnd(q.where).map((e) => ({ expr: e, rtis: containsSubLink(e) ? new Set([-1]) : exprRtis(e), used: false }));
  let plan: Plan | undefined;
  let have = new Set<number>();
  if (order && q.fromList.length === 1 && q.fromList[0].kind === 'RangeTblRef') {
    // One relation whose rows the query wants in an order an index may give (ORDER BY ... LIMIT).
    const rti = q.fromList[0].rti;
    const rte = q.rtable[rti];
    if (rte.kind === 'relation') {
      const mine = conjuncts.filter((c) => c.rtis.has(rti) && c.rtis.size === 1);
      const idx = tryIndexScan(pc, rti, rte.rel, mine.map((c) => c.expr), new Set(), order);
      if (idx?.ordered) {
        mine.forEach((c) => (c.used = true));
        const rest = conjuncts.filter((c) => !c.used);
        plan = rest.length ? note(pc, new Filter(idx.plan, compileQual(pc, rest.map((c) => c.expr)) as CExpr), { filter: rest.map((c) => c.expr) }) : idx.plan;
        return { plan, layout, width, ordered: true };
      }
    }
  }
  for (const item of q.fromList) {
    if (!plan) {
      const r = planItem(pc, item, conjuncts, new Set());
      plan = r.plan;
      have = r.rtis;
    } else {
      const r = joinWith(pc, plan, have, item, 'inner', [], conjuncts);
      plan = r.plan;
      have = r.rtis;
    }
    // Apply WHERE conjuncts that became computable and could not be pushed lower.
    const ready = conjuncts.filter((c) => !c.used && [...c.rtis].every((r) => have.has(r)));
    if (ready.length && ready.length < conjuncts.filter((c) => !c.used).length) {
      ready.forEach((c) => (c.used = true));
      plan = note(pc, new Filter(plan, compileQual(pc, ready.map((c) => c.expr)) as CExpr), { filter: ready.map((c) => c.expr) });
    }
  }
  if (!plan) plan = new Result(width);
  const rest = conjuncts.filter((c) => !c.used);
  if (rest.length) plan = note(pc, new Filter(plan, compileQual(pc, rest.map((c) => c.expr)) as CExpr), { filter: rest.map((c) => c.expr) });
  return { plan, layout, width };
}

function itemRtis(pc: PlanCtx, node: JoinNode): Set<number> {
  if (node.kind === 'RangeTblRef') return new Set([node.rti]);
  return new Set([...itemRtis(pc, node.left), ...itemRtis(pc, node.right)]);
}

/** Plans one FROM item, pushing down the conjuncts it alone can evaluate. */
function planItem(pc: PlanCtx, node: JoinNode, pool: Conjunct[], avail: Set<number>): { plan: Plan; rtis: Set<number> } {
  if (node.kind === 'RangeTblRef') {
    const mine = pool.filter((c) => !c.used && [...c.rtis].every((r) => r === node.rti || avail.has(r)) && c.rtis.has(node.rti));
    mine.forEach((c) => (c.used = true));
    return { plan: planScan(pc, node.rti, mine.map((c) => c.expr), avail), rtis: new Set([node.rti]) };
  }
  if (node.joinType === 'right') {
    // Plan as a left join with the sides swapped.
    return planItem(pc, { ...node, joinType: 'left', left: node.right, right: node.left }, pool, avail);
  }
  const left = planItem(pc, node.left, node.joinType === 'full' ? [] : pool, avail);
  const onQuals = splitAnd(node.quals);
  return joinWith(pc, left.plan, left.rtis, node.right, node.joinType, onQuals, node.joinType === 'inner' ? pool : []);
}

function joinWith(
  pc: PlanCtx,
  leftPlan: Plan,
  leftRtis: Set<number>,
  rightNode: JoinNode,
  joinType: 'inner' | 'left' | 'full',
  onQuals: Expr[],
  pool: Conjunct[],
): { plan: Plan; rtis: Set<number> } {
  const rightRtis = itemRtis(pc, rightNode);
  const all = new Set([...leftRtis, ...rightRtis]);
  const onConj: Conjunct[] = onQuals.map((e) => ({ expr: e, rtis: containsSubLink(e) ? new Set([-1]) : exprRtis(e), used: false }));
  // Conjuncts evaluable at this join.
  const here = [...onConj, ...pool.filter((c) => !c.used && [...c.rtis].every((r) => all.has(r)))];
  const innerSlots = [...rightRtis].flatMap((r) => (pc.layout.offsets[r] >= 0 ? rteSlots(pc, r) : []));
  const outerSlots = [...leftRtis].flatMap((r) => (pc.layout.offsets[r] >= 0 ? rteSlots(pc, r) : []));
  if (joinType !== 'full' && rightNode.kind === 'RangeTblRef') {
    const rte = pc.q.rtable[rightNode.rti];
    if (rte.kind === 'relation') {
      // Parameterized inner scan: conditions on the inner relation that use outer columns.
      const candidates = here.filter((c) => !c.used && c.rtis.has(rightNode.rti) && [...c.rtis].every((r) => r === rightNode.rti || leftRtis.has(r)) && !c.rtis.has(-1));
      const innerOnly = joinType === 'inner' ? candidates : candidates.filter((c) => onConj.includes(c));
      const scan = tryIndexScan(pc, rightNode.rti, rte.rel, innerOnly.map((c) => c.expr), leftRtis);
      if (scan && scan.usedOuter) {
        // Both an index nested loop and a hash join are possible: decide per execution by the
        // number of outer rows (few probes: the index; many: one pass over the inner side).
        const everyConj = [...onConj, ...pool];
        const before = everyConj.map((c) => c.used);
        const replay = new Replay();
        innerOnly.forEach((c) => (c.used = true));
        const restQ = here.filter((c) => !c.used);
        restQ.forEach((c) => (c.used = true));
        const nl = note(pc, new NestLoop(replay, scan.plan, joinType, compileQual(pc, restQ.map((c) => c.expr)), innerSlots, outerSlots), { joinFilter: restQ.map((c) => c.expr) });
        const afterNl = everyConj.map((c) => c.used);
        everyConj.forEach((c, i) => (c.used = before[i]));
        const hashed = hashJoinPlan(pc, replay, leftRtis, rightNode, joinType, onConj, pool, here, innerSlots);
        everyConj.forEach((c, i) => (c.used = c.used || afterNl[i]));
        if (!hashed) {
          return { plan: note(pc, new NestLoop(leftPlan, scan.plan, joinType, compileQual(pc, restQ.map((c) => c.expr)), innerSlots, outerSlots), { joinFilter: restQ.map((c) => c.expr) }), rtis: all };
        }
        return { plan: new AdaptiveJoin(leftPlan, replay, nl, hashed), rtis: all };
      }
    }
  }
  // A system relation on the inner side, keyed by an outer column: a lookup per outer row.
  if (joinType !== 'full' && rightNode.kind === 'RangeTblRef' && pc.q.rtable[rightNode.rti].kind === 'function') {
    const rti = rightNode.rti;
    const candidates = here.filter((c) => !c.used && c.rtis.has(rti) && [...c.rtis].every((r) => r === rti || leftRtis.has(r)) && !c.rtis.has(-1));
    const innerOnly = joinType === 'inner' ? candidates : candidates.filter((c) => onConj.includes(c));
    const lookup = systemLookup(pc, rti, innerOnly.map((c) => c.expr), leftRtis);
    if (lookup?.usedOuter) {
      innerOnly.forEach((c) => (c.used = true));
      const restQ = here.filter((c) => !c.used);
      restQ.forEach((c) => (c.used = true));
      const rte = pc.q.rtable[rti];
      const inner = rte.presenceSlot ? new MarkPresent(lookup.plan, pc.layout.offsets[rti] + rte.columns.length) : lookup.plan;
      return { plan: note(pc, new NestLoop(leftPlan, inner, joinType, compileQual(pc, restQ.map((c) => c.expr)), innerSlots, outerSlots), { joinFilter: restQ.map((c) => c.expr) }), rtis: all };
    }
  }
  // Hash join on equality conditions between the sides (not onto a LATERAL side: its rows
  // depend on the outer row, so it cannot be hashed once).
  if (joinType !== 'full' && ![...rightRtis].some((r) => pc.q.rtable[r].lateral)) {
    const h = hashJoinPlan(pc, leftPlan, leftRtis, rightNode, joinType, onConj, pool, here, innerSlots);
    if (h) return { plan: h, rtis: all };
  }
  const innerPool = joinType === 'inner' ? [...onConj, ...pool] : joinType === 'left' ? onConj : [];
  const right = planItem(pc, rightNode, innerPool, new Set());
  const restQ = here.filter((c) => !c.used);
  restQ.forEach((c) => (c.used = true));
  // An inner side that does not depend on the outer row is materialized once per execution;
  // a LATERAL one is re-run for every outer row.
  const lateral = [...rightRtis].some((r) => pc.q.rtable[r].lateral);
  // Nor is one that reads an outer query level's columns (in a correlated subquery): its rows
  // change with the outer row, and the cache lives as long as the statement.
  const outerRefs = pc.layout.parent !== undefined && isCorrelated([...[...rightRtis].map((r) => pc.q.rtable[r]), ...innerPool.map((c) => c.expr)]);
  const inner = joinType === 'full' || lateral || outerRefs ? right.plan : new Materialize(right.plan);
  return { plan: note(pc, new NestLoop(leftPlan, inner, joinType, compileQual(pc, restQ.map((c) => c.expr)), innerSlots, outerSlots), { joinFilter: restQ.map((c) => c.expr) }), rtis: all };
}

/** A hash join on the equality conditions between the sides, or undefined when there is none. */
function hashJoinPlan(
  pc: PlanCtx,
  leftPlan: Plan,
  leftRtis: Set<number>,
  rightNode: JoinNode,
  joinType: 'inner' | 'left',
  onConj: Conjunct[],
  pool: Conjunct[],
  here: Conjunct[],
  innerSlots: number[],
): HashJoin | undefined {
  const rightRtis = itemRtis(pc, rightNode);
  {
    const lk: Expr[] = [];
    const rk: Expr[] = [];
    const used: Conjunct[] = [];
    for (const c of here) {
      if (c.used || c.rtis.has(-1)) continue;
      const e = c.expr;
      if (!hashableEquality(pc.cat, e)) continue;
      const [a, b] = e.args;
      const ar = exprRtis(a);
      const br = exprRtis(b);
      if (!ar.size || !br.size) continue;
      const inL = (s: Set<number>) => [...s].every((r) => leftRtis.has(r));
      const inR = (s: Set<number>) => [...s].every((r) => rightRtis.has(r));
      if (inL(ar) && inR(br)) {
        lk.push(a);
        rk.push(b);
        used.push(c);
      } else if (inL(br) && inR(ar)) {
        lk.push(b);
        rk.push(a);
        used.push(c);
      }
    }
    if (lk.length) {
      used.forEach((c) => (c.used = true));
      // Inner side: push its own single-side conjuncts (ON quals always; WHERE only for inner joins).
      const innerPool = joinType === 'inner' ? [...onConj, ...pool] : onConj;
      const right = planItem(pc, rightNode, innerPool, new Set());
      const restQ = here.filter((c) => !c.used);
      restQ.forEach((c) => (c.used = true));
      const keyFns = lk.map((k) => hashKeyFor(pc.cat, k.type) as (v: Value) => unknown);
      return note(pc, new HashJoin(leftPlan, right.plan, joinType, lk.map((k) => compileExpr(k, pc.layout)), rk.map((k) => compileExpr(k, pc.layout)), keyFns, compileQual(pc, restQ.map((c) => c.expr)), innerSlots), {
        // Printed outer key first, as Postgres prints hash clauses.
        hashCond: used.map((c, i) => (c.expr.kind === 'OpExpr' ? ({ ...c.expr, args: [lk[i], rk[i]] } as Expr) : c.expr)),
        joinFilter: restQ.map((c) => c.expr),
      });
    }
  }
  return undefined;
}

/** Replays the outer rows an AdaptiveJoin read ahead, then the rest of its outer side. */
class Replay implements Plan {
  readonly kind = 'Replay';
  *run(ctx: ExecContext): Iterable<Row> {
    const state = ctx.cache.get(this) as { rows: Row[]; rest: Iterator<Row> | undefined } | undefined;
    if (!state) return;
    yield* state.rows;
    const rest = state.rest;
    if (!rest) return;
    for (let r = rest.next(); !r.done; r = rest.next()) yield r.value;
  }
  each(ctx: ExecContext, _base: Row | undefined, sink: (row: Row) => void): void {
    for (const r of this.run(ctx)) sink(r);
  }
}

/**
 * Reads up to PROBE_LIMIT + 1 outer rows, then probes the index for few rows or hashes the inner
 * side for many (the rest of the outer side streams through without being materialized).
 */
class AdaptiveJoin implements Plan {
  readonly kind = 'AdaptiveJoin';
  static readonly PROBE_LIMIT = 64;
  constructor(
    readonly outer: Plan,
    readonly replay: Replay,
    readonly indexLoop: Plan,
    readonly hashJoin: HashJoin,
  ) {}
  *run(ctx: ExecContext, base: Row | undefined): Iterable<Row> {
    const it = this.outer.run(ctx, base)[Symbol.iterator]();
    const rows: Row[] = [];
    let rest: Iterator<Row> | undefined = it;
    while (rows.length <= AdaptiveJoin.PROBE_LIMIT) {
      const r = it.next();
      if (r.done) {
        rest = undefined;
        break;
      }
      rows.push(r.value);
    }
    ctx.cache.set(this.replay, { rows, rest });
    yield* (rest === undefined ? this.indexLoop : this.hashJoin).run(ctx, base);
  }
  each(ctx: ExecContext, base: Row | undefined, sink: (row: Row) => void, transient?: boolean): void {
    // The same decision with the outer side pushed: past PROBE_LIMIT rows the hash table is
    // built and the rows read so far, then every further one, are probed as they come. With a
    // transient sink the outer rows may be transient too: the ones read ahead are copied.
    // (the hash join's probe reads ahead itself: no extra call per outer row)
    const rows: Row[] = [];
    const ahead: ReadAhead = { limit: AdaptiveJoin.PROBE_LIMIT, rows, copy: transient === true, built: false };
    eachRow(this.outer, ctx, base, this.hashJoin.prober(ctx, base, sink, ahead), transient);
    if (ahead.built) return;
    ctx.cache.set(this.replay, { rows, rest: undefined });
    eachRow(this.indexLoop, ctx, base, sink);
  }
}

/** Caches its input's rows for the duration of one execution and overlays them on each base row. */
class Materialize implements Plan {
  readonly kind = 'Materialize';
  constructor(readonly input: Plan) {}
  *run(ctx: ExecContext, base: Row | undefined): Iterable<Row> {
    // Filled as it is first read (a LIMIT above stops the input early, as Postgres's Material).
    let shared = ctx.cache.get(this) as SharedRun | undefined;
    if (!shared) {
      shared = { rows: [], iter: this.input.run(ctx, undefined)[Symbol.iterator]() };
      ctx.cache.set(this, shared);
    }
    const rows = shared.iter ? pullShared(shared) : shared.rows;
    if (!base) {
      yield* rows;
      return;
    }
    for (const r of rows) {
      const out = base.slice();
      for (let i = 0; i < r.length; i++) if (r[i] !== undefined) out[i] = r[i];
      yield out;
    }
  }
}

function planScan(pc: PlanCtx, rti: number, quals: Expr[], avail: Set<number>): Plan {
  const rte = pc.q.rtable[rti];
  const p = planScanOf(pc, rti, quals, avail);
  return rte.kind !== 'relation' && rte.presenceSlot ? new MarkPresent(p, pc.layout.offsets[rti] + rte.columns.length) : p;
}

function planScanOf(pc: PlanCtx, rti: number, quals: Expr[], avail: Set<number>): Plan {
  const rte = pc.q.rtable[rti];
  const off = pc.layout.offsets[rti];
  switch (rte.kind) {
    case 'relation': {
      if (rte.rel.kind === 'p' && !rte.only) {
        // A partitioned table: the leaf partitions the quals leave, each scanned as the table would be.
        // A leaf with its own column layout is read through its attribute map (as an inheritance child).
        const scans = prunedLeaves(pc.cat, rte.rel, quals, rti).map((leaf) => {
          const map = partitionMap(rte.rel, leaf);
          if (map) return note(pc, new InheritChildScan(leaf, map, off, pc.width, compileQual(pc, quals)), { rte, filter: quals });
          return tryIndexScan(pc, rti, leaf, quals, avail)?.plan ?? note(pc, new SeqScan(leaf, off, pc.width, compileQual(pc, quals), scanCols(pc, rti)), { rte, filter: quals });
        });
        return scans.length === 1 ? scans[0] : new Append(scans);
      }
      if (!rte.only && hasInheritChildren(rte.rel)) {
        // An inheritance parent: its own rows, then each descendant's read through the attribute map.
        const qual = compileQual(pc, quals);
        const scans: Plan[] = [note(pc, new SeqScan(rte.rel, off, pc.width, qual, scanCols(pc, rti)), { rte, filter: quals })];
        for (const c of inheritDescendants(pc.cat, rte.rel)) scans.push(note(pc, new InheritChildScan(c, inheritAttrMap(rte.rel, c), off, pc.width, qual), { rte, filter: quals }));
        return new Append(scans);
      }
      const idx = tryIndexScan(pc, rti, rte.rel, quals, avail);
      if (idx) return idx.plan;
      return note(pc, new SeqScan(rte.rel, off, pc.width, compileQual(pc, quals), scanCols(pc, rti)), { rte, filter: quals });
    }
    case 'values': {
      const rows = rte.rows.map((r) => r.map((e) => compileExpr(e, pc.layout)));
      const p = note(pc, new ValuesScan(rows, off, pc.width), { rte });
      return quals.length ? note(pc, new Filter(p, compileQual(pc, quals) as CExpr), { filter: quals }) : p;
    }
    case 'subquery':
      // Conditions on the subquery's columns filter inside it where that is safe (subquery-pushdown.ts).
      return subqueryScan(pc, rti, rte, pushQualsIntoSubquery(pc.cat, rte, rti, quals), pc.layout);
    case 'function': {
      const lookup = systemLookup(pc, rti, quals);
      if (lookup) return note(pc, lookup.plan, { rte });
      if (rte.rowsFrom) {
        const parts = rte.rowsFrom.map((it) => ({ ...compileFromCall(it.call, pc.layout, it.checkRecord ? it.columns : undefined, it.checkRecord), expandsRecord: it.expandsRecord, ncols: it.columns.length }));
        const p = note(pc, new RowsFromScan(parts, rte.ordinality, off, pc.width), { rte });
        return quals.length ? note(pc, new Filter(p, compileQual(pc, quals) as CExpr), { filter: quals }) : p;
      }
      const ncols = rte.columns.length - (rte.ordinality ? 1 : 0);
      const { fnc, retset } = compileFromCall(rte.call, pc.layout, rte.checkRecord ? rte.columns.slice(0, ncols) : undefined, rte.checkRecord);
      const p = note(pc, new FunctionScan(fnc, retset, rte.expandsRecord, ncols, rte.ordinality, off, pc.width), { rte });
      return quals.length ? note(pc, new Filter(p, compileQual(pc, quals) as CExpr), { filter: quals }) : p;
    }
    case 'cte': {
      let lv: Layout | undefined = pc.layout;
      for (let i = 0; i < rte.levelsUp; i++) lv = lv?.parent;
      const { cte, holder } = findCteDef(pc, rte);
      if (rte.selfReference) {
        const wt = note(pc, planWorkTableScan(cte.query, off, rte.columns.length, pc.width, undefined), { rte });
        return quals.length ? note(pc, new Filter(wt, compileQual(pc, quals) as CExpr), { filter: quals }) : wt;
      }
      // A WITH query Postgres would inline as a subquery (inline_cte) takes the conditions on its columns.
      const asSub: SubqueryRte = { ...rte, kind: 'subquery', query: cte.query };
      const inlined = quals.length && inlinableCte(holder, cte) ? pushQualsIntoSubquery(pc.cat, asSub, rti, quals) : undefined;
      if (inlined && inlined.rest.length < quals.length) return subqueryScan(pc, rti, asSub, inlined, lv);
      // The WITH query is planned as a child of the level that defines it (it may read sibling CTEs).
      const sub = planSelect(cte.query, lv, pc.cat);
      const p = note(
        pc,
        cte.query.setOp?.recursive
          ? new SharedCteScan(sub.plan, cte, off, rte.columns.length, pc.width, !sub.correlated)
          : // A WITH query reading outer columns (in a correlated subquery) runs again for each outer row.
            new SubqueryScan(sub.plan, pc.layout.depth, off, rte.columns.length, pc.width, sub.correlated ? undefined : cte),
        { rte },
      );
      return quals.length ? note(pc, new Filter(p, compileQual(pc, quals) as CExpr), { filter: quals }) : p;
    }
    case 'join':
      throw new Error('fauxgres internal: join rte scanned');
  }
}

/**
 * A FROM subquery planned as a unit (under `parent`, the level that defines it), with `pushed`'s
 * conditions moved inside it and the rest filtering its rows; output columns the query never reads
 * are left uncomputed only when planning a SELECT level (MERGE's and rules' actions read columns
 * outside the planned query).
 */
function subqueryScan(pc: PlanCtx, rti: number, rte: SubqueryRte, pushed: { query: Query; rest: Expr[] }, parent: Layout | undefined): Plan {
  const { query, rest } = pushed;
  const sub = planSelect(pc.needed ? withoutUnusedOutputs(query, usedColumns(pc.q, rti, rte.columns.length)) : query, parent, pc.cat);
  // A subquery reading a recursive query's working table (SEARCH/CYCLE rewrite) changes every iteration.
  const cacheKey = sub.correlated || readsWorkTable(query) ? undefined : sub;
  const p = note(pc, new SubqueryScan(sub.plan, pc.layout.depth, pc.layout.offsets[rti], rte.columns.length, pc.width, cacheKey), { rte, pulledUp: capturingPlanNotes() && explainsPulledUp(pc.cat, rte) });
  return rest.length ? note(pc, new Filter(p, compileQual(pc, rest) as CExpr), { filter: rest }) : p;
}

/**
 * A keyed scan of a system relation for `column = expr` where expr does not read this entry
 * (a constant, a parameter, an outer column, or with `outer` given a column of the outer side of
 * a join): the catalogs' equivalent of an index scan.
 */
function systemLookup(pc: PlanCtx, rti: number, quals: Expr[], outer?: Set<number>): { plan: Plan; usedOuter: boolean } | undefined {
  const rte = pc.q.rtable[rti];
  if (rte.kind !== 'function') return undefined;
  const rel = systemScanRelation(rte.call);
  if (!rel) return undefined;
  for (const q of quals) {
    if (q.kind !== 'OpExpr' || q.op !== '=' || q.args.length !== 2 || containsSubLink(q)) continue;
    for (const [col, other] of [[q.args[0], q.args[1]], [q.args[1], q.args[0]]]) {
      if (col.kind !== 'Var' || col.levelsUp !== 0 || col.rti !== rti) continue;
      const otherRtis = exprRtis(other);
      if (otherRtis.has(rti) || [...otherRtis].some((r) => !outer?.has(r))) continue;
      if (domainBase(pc.cat, col.type) !== domainBase(pc.cat, other.type)) continue;
      const off = pc.layout.offsets[rti];
      const scan = new SystemLookupScan(rel, col.attno - 1, compileExpr(other, pc.layout), hashKeyFor(pc.cat, col.type), off, pc.width);
      const rest = quals.filter((x) => x !== q);
      return { plan: rest.length ? new Filter(scan, compileQual(pc, rest) as CExpr) : scan, usedOuter: otherRtis.size > 0 };
    }
  }
  return undefined;
}

/** Per aggregate of `q`: for GROUPING(...), the groupBy index of each argument. */
function groupingFuncArgs(q: Query): (number[] | undefined)[] {
  return q.aggs.map((a) => (isGroupingFunc(a) ? a.args.map((x) => q.groupBy.findIndex((g) => exprEqual(g, x))) : undefined));
}

/** The recursive term's self-reference: the working table of the RecursiveUnion planned for `q`. */
function planWorkTableScan(q: Query, off: number, ncols: number, width: number, qual: CExpr | undefined): Plan {
  const p = new WorkTableScan(workTableKey(q), off, ncols, width);
  return qual ? new Filter(p, qual) : p;
}

const layoutQueries = new WeakMap<Layout, Query>();
function findCteDef(pc: PlanCtx, rte: Extract<RangeTblEntry, { kind: 'cte' }>): { cte: CommonTableExpr; holder: Query } {
  // CTEs are analyzed into the defining query's `ctes`; the RTE names one of them, levelsUp out.
  let lv: Layout | undefined = pc.layout;
  for (let i = 0; i < rte.levelsUp; i++) lv = lv?.parent;
  const holder = rte.levelsUp === 0 ? pc.q : lv ? layoutQueries.get(lv) : undefined;
  const c = holder?.ctes.find((x) => x.name === rte.cteName);
  if (!c || !holder) throw featureNotSupported('a WITH query referenced from this nested subquery');
  return { cte: c, holder };
}

interface IndexChoice {
  plan: Plan;
  usedOuter: boolean;
  /** The scan returns rows in the requested order (so no Sort is needed). */
  ordered?: boolean;
}

/** The order a query wants its scan's rows in (its ORDER BY), and whether a LIMIT cuts it short. */
export interface OrderRequest {
  keys: readonly SortKey[];
  limited: boolean;
}

/**
 * Whether an index scan with equality on the first `eqCount` key columns returns rows in the
 * order of `keys`: forward, backward (every key with the opposite direction *and* nulls
 * placement), or not at all. ORDER BY keys on equality-bound columns are constant and skipped.
 * Text keys must use the index's collation (else the order differs and a Sort is needed).
 * Postgres counterpart: pathkeys.c (build_index_pathkeys, pathkeys_contained_in).
 */
function indexOrderDirection(rti: number, rel: RelationDef, keysOfIndex: readonly import('../catalog/objects.js').IndexKey[], eqCount: number, keys: readonly SortKey[]): 'forward' | 'backward' | undefined {
  let dir: 'forward' | 'backward' | undefined;
  let i = eqCount;
  for (const sk of keys) {
    const e = sk.expr;
    if (e.kind !== 'Var' || e.levelsUp !== 0 || e.rti !== rti) return undefined;
    if (keysOfIndex.some((k, j) => j < eqCount && k.attnum === e.attno)) continue;
    if (i >= keysOfIndex.length) return undefined;
    const ik = keysOfIndex[i];
    if (ik.attnum !== e.attno) return undefined;
    const col = rel.columns[e.attno - 1];
    if (e.type !== col.type) return undefined;
    if (indexKeyOrderCollation(ik, col.collation) !== (e.collation ?? 'default')) return undefined;
    const d = sk.descending === ik.descending && sk.nullsFirst === ik.nullsFirst ? 'forward' : sk.descending !== ik.descending && sk.nullsFirst !== ik.nullsFirst ? 'backward' : undefined;
    if (!d || (dir && d !== dir)) return undefined;
    dir = d;
    i++;
  }
  return dir ?? 'forward';
}

/** Finds the best usable b-tree index for `quals` on relation `rti`, or undefined. */
function tryIndexScan(pc: PlanCtx, rti: number, rel: RelationDef, quals: Expr[], outerRtis: Set<number>, order?: OrderRequest): IndexChoice | undefined {
  if (rel.kind === 'p') return undefined; // a partitioned table's indexes hold nothing (its partitions' do)
  const irte = pc.q.rtable[rti];
  if (irte.kind === 'relation' && irte.rel === rel && !irte.only && hasInheritChildren(rel)) return undefined; // its children's rows too
  const indexes = pc.cat.relationIndexes(rel.oid).filter((i) => i.index && !i.index.predicate && i.index.method === 'btree');
  if (!indexes.length || (!quals.length && !order)) return undefined;
  const isCol = (e: Expr, attnum: number) => e.kind === 'Var' && e.levelsUp === 0 && e.rti === rti && e.attno === attnum;
  const otherSideOk = (e: Expr) => {
    const rs = exprRtis(e);
    return !rs.has(rti) && [...rs].every((r) => outerRtis.has(r)) && !containsSubLink(e) && !hasVolatile(e);
  };
  type Candidate = { score: number; index: RelationDef; bound: IndexBound; used: Set<Expr>; usedOuter: boolean; reverse?: boolean };
  let best: Candidate | undefined;
  // The best index that also gives the requested order (possibly using no qual at all).
  let bestOrdered: Candidate | undefined;
  for (const index of indexes) {
    const info = index.index!;
    const used = new Set<Expr>();
    const bound: IndexBound = { eq: [] };
    let usedOuter = false;
    let k = 0;
    for (; k < info.keys.length; k++) {
      const key = info.keys[k];
      if (key.attnum === 0) break;
      const colType = rel.columns[key.attnum - 1].type;
      const eqOrder = indexKeyOrderCollation(key, rel.columns[key.attnum - 1].collation);
      const eq = quals.find((q) => {
        if (used.has(q) || q.kind !== 'OpExpr' || q.op !== '=' || q.args.length !== 2) return false;
        // Equality is the same under every deterministic collation; a nondeterministic one needs its own index.
        if ((isNondeterministic(q.collation) || isNondeterministic(eqOrder)) && q.collation !== eqOrder) return false;
        const [a, b] = q.args;
        return (isCol(a, key.attnum) && b.type === colType && otherSideOk(b)) || (isCol(b, key.attnum) && a.type === colType && otherSideOk(a));
      });
      if (!eq || eq.kind !== 'OpExpr') break;
      used.add(eq);
      const other = isCol(eq.args[0], key.attnum) ? eq.args[1] : eq.args[0];
      if (exprRtis(other).size) usedOuter = true;
      bound.eq.push(compileExpr(other, pc.layout));
    }
    if (k === 0 && info.keys[0].attnum !== 0 && !info.keys[0].descending) {
      // IN list / = ANY(array) on the first column.
      const key = info.keys[0];
      const colType = rel.columns[key.attnum - 1].type;
      const inOrder = indexKeyOrderCollation(key, rel.columns[key.attnum - 1].collation);
      const inq = quals.find(
        (q) => q.kind === 'ScalarArrayOpExpr' && q.useOr && q.op === '=' && isCol(q.left, key.attnum) && q.left.type === colType && (!(isNondeterministic(q.collation) || isNondeterministic(inOrder)) || q.collation === inOrder),
      );
      if (inq && inq.kind === 'ScalarArrayOpExpr') {
        const items = Array.isArray(inq.right) ? inq.right : undefined;
        if (items && items.every((i) => i.type === colType && otherSideOk(i))) {
          used.add(inq);
          const compiled = (items as Expr[]).map((i) => compileExpr(i, pc.layout));
          bound.inList = (row, ctx) => ({ items: compiled.map((c) => c(row, ctx)) }) as unknown as Value;
          // Remaining key columns are not used with an IN list.
          const score = 50;
          if (!best || score > best.score) best = { score, index, bound, used, usedOuter: false };
          continue;
        }
      }
    }
    // `col IS NOT NULL` on the column after the equality prefix: skip the NULL keys.
    if (k < info.keys.length && info.keys[k].attnum !== 0) {
      const attnum = info.keys[k].attnum;
      const nn = quals.find((q) => !used.has(q) && q.kind === 'NullTest' && !q.isNull && !q.rowArg && isCol(q.arg, attnum));
      if (nn) {
        bound.notNull = true;
        used.add(nn);
      }
    }
    // Range on the next key column.
    if (k < info.keys.length && info.keys[k].attnum !== 0 && !info.keys[k].descending) {
      const key = info.keys[k];
      const colType = rel.columns[key.attnum - 1].type;
      const keyOrder = indexKeyOrderCollation(key, rel.columns[key.attnum - 1].collation);
      for (const q of quals) {
        if (used.has(q) || q.kind !== 'OpExpr' || q.args.length !== 2 || !['<', '<=', '>', '>='].includes(q.op)) continue;
        const [a, b] = q.args;
        let op = q.op;
        let other: Expr;
        if (isCol(a, key.attnum) && b.type === colType && otherSideOk(b)) other = b;
        else if (isCol(b, key.attnum) && a.type === colType && otherSideOk(a)) {
          other = a;
          op = ({ '<': '>', '<=': '>=', '>': '<', '>=': '<=' } as Record<string, string>)[op];
        } else continue;
        // A range needs the index in the qual's order (a COLLATE "C" or pattern-class key is not).
        if ((q.collation ?? 'default') !== keyOrder) continue;
        const ce = compileExpr(other, pc.layout);
        if ((op === '>' || op === '>=') && !bound.lower) {
          bound.lower = { expr: ce, inclusive: op === '>=' };
          used.add(q);
        } else if ((op === '<' || op === '<=') && !bound.upper) {
          bound.upper = { expr: ce, inclusive: op === '<=' };
          used.add(q);
        }
      }
    }
    const full = info.unique && bound.eq.length === info.keys.length;
    const score = (full ? 1000 : 0) + bound.eq.length * 10 + (bound.lower ? 2 : 0) + (bound.upper ? 2 : 0) + (bound.notNull ? 1 : 0);
    if (order) {
      const dir = indexOrderDirection(rti, rel, info.keys, bound.eq.length, order.keys);
      if (dir && (!bestOrdered || score > bestOrdered.score)) bestOrdered = { score, index, bound, used, usedOuter, reverse: dir === 'backward' };
    }
    // (IS NOT NULL alone selects most rows: a sequential scan reads them faster.)
    if (!used.size || (used.size === 1 && bound.notNull)) continue;
    if (!best || score > best.score) best = { score, index, bound, used, usedOuter };
  }
  // With an ORDER BY: the ordered scan, unless another index pins the rows down better (more
  // equality columns; a range only loses to the ordered scan when a LIMIT can stop it early).
  // Without a LIMIT, an ordered scan that narrows nothing loses to a sequential scan and a sort,
  // as Postgres chooses on tables of test size (and then evaluates the select list in heap order).
  let ordered = false;
  const worthIt = bestOrdered && (order!.limited || bestOrdered.used.size > 0);
  if (bestOrdered && worthIt && (!best || bestOrdered.score >= best.score || (order!.limited && best.bound.eq.length === 0 && !best.bound.inList))) {
    best = bestOrdered;
    ordered = true;
  }
  if (!best) return undefined;
  const rest = quals.filter((q) => !best!.used.has(q));
  const off = pc.layout.offsets[rti];
  const indexCond = capturingPlanNotes() ? indexCondOrder(best.index, rti, [...best.used]) : [];
  return {
    plan: note(pc, new IndexScan(rel, best.index, off, pc.width, best.bound, compileQual(pc, rest), best.reverse ?? false, scanCols(pc, rti)), { rte: pc.q.rtable[rti], indexCond, filter: rest }),
    usedOuter: best.usedOuter,
    ordered,
  };
}

/** Index quals in index column order, with the indexed column on the left (as Postgres prints them). */
function indexCondOrder(index: RelationDef, rti: number, used: Expr[]): Expr[] {
  const keys = index.index!.keys;
  const isCol = (e: Expr) => e.kind === 'Var' && e.rti === rti && e.levelsUp === 0;
  const commute: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '=': '=' };
  const colOf = (q: Expr): number => {
    if (q.kind === 'OpExpr' && q.args.length === 2) for (const a of q.args) if (isCol(a)) return (a as Extract<Expr, { kind: 'Var' }>).attno;
    if (q.kind === 'ScalarArrayOpExpr' && isCol(q.left)) return (q.left as Extract<Expr, { kind: 'Var' }>).attno;
    return 0;
  };
  return used
    .map((q) => {
      if (q.kind === 'OpExpr' && q.args.length === 2 && !isCol(q.args[0]) && isCol(q.args[1]) && commute[q.op]) {
        return { ...q, op: commute[q.op], args: [q.args[1], q.args[0]] } as Expr;
      }
      return q;
    })
    .sort((a, b) => keys.findIndex((k) => k.attnum === colOf(a)) - keys.findIndex((k) => k.attnum === colOf(b)));
}

function hasVolatile(e: Expr): boolean {
  let v = false;
  const walk = (x: unknown): void => {
    if (!x || typeof x !== 'object' || v) return;
    const o = x as Record<string, unknown>;
    if ((o.kind === 'FuncExpr' || o.kind === 'OpExpr') && (o.fn as { volatility?: string })?.volatility === 'v') v = true;
    for (const [k, val] of Object.entries(o)) if (k !== 'fn' && k !== 'rel') walk(val);
  };
  walk(e);
  return v;
}

/** agg(DISTINCT x) sorts its input to find duplicates, so it sees the values in ascending order. */
function distinctOrder(a: Aggref, cat: Catalog): SortKey[] | undefined {
  if (!a.distinct) return undefined;
  try {
    return a.args.map((x) => ({ expr: x, descending: false, nullsFirst: false, compare: comparatorFor(cat, x.type, x.collation) }));
  } catch {
    return undefined;
  }
}

/** The compiled input sort of an aggregation with ordered aggregates (agg-presort.ts). */
function presortFor(q: Query, cat: Catalog, layout: Layout): AggPresortKey[] | undefined {
  return aggregatePresortKeys(q, cat)?.map((k) => ({ expr: compileExpr(k.expr, layout), descending: k.descending, nullsFirst: k.nullsFirst, compare: k.compare }));
}

/** Plans a SELECT (or VALUES / set operation) producing output rows. */
export function planSelect(q: Query, parent: Layout | undefined, cat: Catalog): PlannedSelect {
  // SELECT ... FOR UPDATE / SHARE: see plan-locking.ts.
  if (q.locking?.length && !q.setOp) return planLockingSelect(q, parent, cat);
  const correlated = parent !== undefined && isCorrelated(q);
  if (q.setOp) {
    // The set operation is a query level of its own (its WITH, and one more level for outer references).
    const own = computeLayout(q, parent).layout;
    const l = planSelect(q.setOp.left, own, cat);
    const r = planSelect(q.setOp.right, own, cat);
    const width = q.targetList.length;
    const keyFns = q.setOp.columnTypes.map((c, i) => hashKeyFor(cat, c.type, q.targetList[i]?.expr.collation) as (v: Value) => unknown);
    let plan: Plan = q.setOp.recursive
      ? new RecursiveUnion(q.setOp.all, l.plan, r.plan, width, keyFns, workTableKey(q))
      : new SetOp(q.setOp.op, q.setOp.all, l.plan, r.plan, width, keyFns);
    if (capturingPlanNotes()) notePlan(plan, { levels: [q], output: q.targetList.map((t) => t.expr), query: q });
    plan = finishSelect(q, plan, q.targetList.map((t) => t.expr), cat, false, parent);
    return { plan, width, correlated };
  }
  // ORDER BY ... LIMIT over a simple view: the view reads its rows in that order (subquery-pushdown.ts).
  const limitedSub = pushOrderLimitIntoSubquery(q, cat);
  if (limitedSub) return planSelect(limitedSub, parent, cat);
  // min(col) / max(col) alone: the first row of an ordered index scan each (planagg.ts).
  const minMax = q.hasAggs && !q.groupingSets && !q.groupBy.length ? planMinMaxAgg(q, parent, cat, computeLayout(q, parent).width, (sq, par) => planSelect(sq, par, cat)) : undefined;
  const from = minMax ? { ...computeLayout(q, parent), plan: minMax, ordered: false } : planFromWhere(q, parent, cat, true, wantedOrder(q));
  let plan = from.plan;
  let layout = from.layout;
  let inputWidth = from.width;
  if (q.hasAggs || q.groupBy.length || q.groupingSets || q.having) {
    const aggs: CompiledAgg[] = q.aggs.map((a) => ({
      ref: a,
      args: a.args.map((x) => compileExpr(x, layout)),
      direct: a.directArgs?.map((x) => compileExpr(x, layout)),
      filter: a.filter ? compileExpr(a.filter, layout) : undefined,
      distinctKey: a.distinct ? a.args.map((x) => hashKeyFor(cat, x.type, x.collation) as (v: Value) => unknown) : undefined,
      orderBy: (a.orderBy?.length ? a.orderBy : distinctOrder(a, cat))?.map((k) => ({ expr: compileExpr(k.expr, layout), descending: k.descending, nullsFirst: k.nullsFirst, compare: k.compare })),
      call: { argTypes: a.args.map((x) => x.type), returnType: a.type, returnTypmod: a.typmod, collation: a.args[0]?.collation },
    }));
    // GROUP BY keys with set-returning calls: a ProjectSet below the aggregation expands the rows.
    const groupSrfs = splitAtSrfs(q.groupBy, from.width);
    if (groupSrfs) {
      plan = planProjectSets(plan, groupSrfs, layout);
      inputWidth += groupSrfs.count;
    }
    const groupExprs = (groupSrfs?.exprs ?? q.groupBy).map((g) => compileExpr(g, layout));
    const groupKeyFns = q.groupBy.map((g) => hashKeyFor(cat, g.type, g.collation) as (v: Value) => unknown);
    plan =
      minMax ??
      (q.groupingSets
        ? new GroupingSetsAgg(plan, q.groupingSets, groupExprs, groupKeyFns, aggs, groupingFuncArgs(q), inputWidth)
        : new Agg(plan, groupExprs, groupKeyFns, aggs, inputWidth, presortFor(q, cat, layout)));
    plan = notePlanOf(q, layout, plan, { groupKeys: q.groupBy, query: q });
    layout = { ...layout, agg: { groupExprs: q.groupBy, aggs: q.aggs, equal: exprEqual } };
    if (q.having) plan = notePlanOf(q, layout, new Filter(plan, compileExpr(q.having, layout)), { filter: splitAnd(q.having) });
  }
  // Set-returning functions in the select list: ProjectSets append their values to each row
  // (srf-split.ts; GROUP BY keys among them were expanded below the aggregation).
  const grouped = q.hasAggs || q.groupBy.length || q.groupingSets || q.having;
  let base = grouped ? q.groupBy.length + q.aggs.length + inputWidth : from.width;
  let windowed = q.targetList.map((t) => t.expr);
  const groupKey = grouped && q.groupBy.length ? (e: Expr) => q.groupBy.some((g) => exprEqual(g, e)) : undefined;
  if (q.windowFuncs?.length) {
    // Window functions: a WindowAgg appends one column per call (see window.ts); set-returning
    // calls in their PARTITION BY / ORDER BY expand the rows below it.
    const wfs = q.windowFuncs;
    const winSrfs = splitAtSrfs(wfs.flatMap((f) => [...f.spec.partitionBy, ...f.spec.orderBy].map((k) => k.expr)), base, groupKey);
    let planned = wfs;
    if (winSrfs) {
      plan = planProjectSets(plan, winSrfs, layout);
      base += winSrfs.count;
      const keys = (ks: readonly SortKey[]) => ks.map((k) => ({ ...k, expr: winSrfs.rewrite(k.expr) }));
      planned = wfs.map((f) => ({ ...f, spec: { ...f.spec, partitionBy: keys(f.spec.partitionBy), orderBy: keys(f.spec.orderBy) } }));
    }
    plan = planWindowAgg(q, plan, planned, layout, base, cat);
    windowed = windowed.map((e) => replaceWindowFuncs(e, wfs, base));
    if (winSrfs) windowed = windowed.map(winSrfs.rewrite);
    base += wfs.length;
  }
  const srfs = splitAtSrfs(windowed, base, groupKey);
  const tlExprs = srfs?.exprs ?? windowed;
  let presorted = from.ordered;
  // Set-returning and volatile select-list columns that are not sort keys are computed after the
  // sort (make_sort_input_target): SRFs then expand sorted rows (rows of one input row keep their
  // order), and under a LIMIT volatile functions run only for the rows returned.
  const sortKeyExprs = q.sortBy.map((k) => k.expr);
  // (DISTINCT ON keys are sort keys too: the Unique then runs before the postponed columns)
  const postpone =
    q.sortBy.length > 0 &&
    (!q.distinct || !!q.distinctOn) &&
    !q.distinctOn?.some((e) => hasSrf(e) || containsVolatile(e)) &&
    !presorted &&
    !sortKeyExprs.some((e) => hasSrf(e) || containsVolatile(e)) &&
    (srfs !== undefined || q.targetList.some((t) => !t.resjunk && !sortKeyExprs.some((k) => exprEqual(k, t.expr)) && containsVolatile(t.expr)));
  if (postpone) {
    const keys = q.sortBy.map((k) => ({ expr: compileExpr(q.windowFuncs?.length ? replaceWindowFuncs(k.expr, q.windowFuncs, base - q.windowFuncs.length) : k.expr, layout), descending: k.descending, nullsFirst: k.nullsFirst, compare: k.compare }));
    plan = notePlanOf(q, layout, new ExprSort(plan, keys), { sortKeys: q.sortBy, query: q });
    presorted = true;
    if (q.distinctOn) {
      const on = q.distinctOn.map((e) => compileExpr(q.windowFuncs?.length ? replaceWindowFuncs(e, q.windowFuncs, base - q.windowFuncs.length) : e, layout));
      const keyFns = q.distinctOn.map((e) => hashKeyFor(cat, e.type, e.collation) as (v: Value) => unknown);
      plan = notePlanOf(q, layout, new ExprUnique(plan, on, keyFns), { sortKeys: q.sortBy, query: q });
    }
  }
  // (EXPLAIN: each ProjectSet shows its calls, and a level reads the ones below as references)
  const below = (upTo: number) => srfs!.written.slice(0, upTo).flat();
  if (srfs) plan = planProjectSets(plan, srfs, layout, (p, calls, i) => notePlanOf(q, layout, p, { output: calls, computedBelow: below(i), query: q }));
  const exprs = tlExprs.map((e) => compileExpr(e, layout));
  plan = notePlanOf(q, layout, new Project(plan, exprs, layout.depth), { output: q.targetList.map((t) => t.expr), query: q, computedBelow: srfs ? below(srfs.levels.length - 1) : undefined });
  plan = finishSelect(postpone && q.distinctOn ? { ...q, distinct: false, distinctOn: undefined } : q, plan, q.targetList.map((t) => t.expr), cat, presorted, parent);
  return { plan, width: q.targetList.filter((t) => !t.resjunk).length, correlated };
}

/**
 * The ORDER BY a scan could satisfy directly: a plain one-relation query (no aggregation,
 * window, DISTINCT or set-returning select list between the scan and the sort).
 */
let cursorPlanning = false;

/**
 * Plans `f` as a cursor's query: Postgres expects to fetch only part of a cursor
 * (cursor_tuple_fraction), so an ordered index scan is worth it as under a LIMIT.
 */
export function planningCursor<T>(f: () => T): T {
  const saved = cursorPlanning;
  cursorPlanning = true;
  try {
    return f();
  } finally {
    cursorPlanning = saved;
  }
}

function wantedOrder(q: Query): OrderRequest | undefined {
  if (!q.sortBy.length || q.hasAggs || q.having || q.groupBy.length || q.groupingSets || q.windowFuncs?.length || q.distinct || q.distinctOn) return undefined;
  if (q.fromList.length !== 1 || q.fromList[0].kind !== 'RangeTblRef') return undefined;
  if (q.targetList.some((t) => hasSrf(t.expr))) return undefined;
  return { keys: q.sortBy, limited: !!q.limit || cursorPlanning };
}

function hasSrf(e: Expr): boolean {
  let found = false;
  const walk = (x: unknown): void => {
    if (!x || typeof x !== 'object' || found) return;
    const o = x as Record<string, unknown>;
    if ((o.kind === 'FuncExpr' && o.retset) || (o.kind === 'OpExpr' && (o.fn as { retset?: boolean }).retset)) found = true;
    if (o.kind === 'SubLink' || o.kind === 'Aggref') return;
    for (const [k, v] of Object.entries(o)) if (k !== 'fn' && k !== 'rel' && k !== 'compare') walk(v);
  };
  walk(e);
  return found;
}

function notePlanOf<T extends object>(q: Query, layout: Layout, plan: T, n: PlanNote): T {
  if (!capturingPlanNotes()) return plan;
  return notePlan(plan, { levels: levelsOf(q, layout), ...n });
}

/** DISTINCT, ORDER BY and LIMIT over projected rows. */
function finishSelect(q: Query, input: Plan, outExprs: Expr[], cat: Catalog, presorted = false, parent?: Layout): Plan {
  let plan = input;
  const sortSpecs: SortSpec[] = q.sortBy.map((k) => {
    const idx = outExprs.findIndex((e) => exprEqual(e, k.expr));
    if (idx < 0) throw new Error('fauxgres internal: sort key not in target list');
    return { index: idx, descending: k.descending, nullsFirst: k.nullsFirst, compare: k.compare };
  });
  const visible = q.targetList.map((t, i) => (t.resjunk ? -1 : i)).filter((i) => i >= 0);
  const capturing = capturingPlanNotes();
  if (q.distinct && !q.distinctOn) {
    plan = new Unique(plan, visible, visible.map((i) => hashKeyFor(cat, outExprs[i].type, outExprs[i].collation) as (v: Value) => unknown));
    if (capturing) notePlan(plan, { levels: [q], groupKeys: visible.map((i) => outExprs[i]), query: q });
  }
  if (q.distinctOn) {
    const cols = q.distinctOn.map((d) => outExprs.findIndex((e) => exprEqual(e, d)));
    plan = new Sort(plan, sortSpecs);
    if (capturing) notePlan(plan, { levels: [q], sortKeys: q.sortBy, query: q });
    plan = new Unique(plan, cols, cols.map((i) => hashKeyFor(cat, outExprs[i].type, outExprs[i].collation) as (v: Value) => unknown));
    if (capturing) notePlan(plan, { levels: [q], sortKeys: q.sortBy, query: q });
  } else if (sortSpecs.length && !presorted) {
    plan = new Sort(plan, sortSpecs);
    if (capturing) notePlan(plan, { levels: [q], sortKeys: q.sortBy, query: q });
  }
  if (q.limit || q.offset) {
    // (LIMIT / OFFSET read no column of their own level, but may read outer levels' columns)
    const empty: Layout = { depth: parent ? parent.depth + 1 : 0, offsets: [], parent };
    plan = new Limit(plan, q.limit ? compileExpr(q.limit, empty) : undefined, q.offset ? compileExpr(q.offset, empty) : undefined, q.limitWithTies ? sortSpecs : undefined);
    if (capturing) notePlan(plan, { levels: [q], query: q });
  }
  return plan;
}

setSublinkHashing({
  anyKeys: (e) => {
    const cat = currentPlanningCatalog();
    const types = anyHashKeyTypes(e, cat);
    return types?.map((t) => hashKeyFor(cat, t) as (v: Value) => unknown);
  },
  memoKeys: (q) => (capturingPlanNotes() ? undefined : memoKeys(q, currentPlanningCatalog())),
  exists: (q, outer) => {
    // EXPLAIN shows the per-row SubPlan; its notes must not describe a second plan.
    if (capturingPlanNotes()) return undefined;
    const cat = currentPlanningCatalog();
    const split = existsAsHash(q, cat);
    if (!split) return undefined;
    const planned = planSelect(split.inner, outer, cat);
    if (planned.correlated) return undefined;
    return {
      inner: { run: (ctx) => planned.plan.run(ctx, undefined), correlated: false, width: planned.width },
      outerKeys: split.outerKeys,
      keyFns: split.keyTypes.map((t) => hashKeyFor(cat, t) as (v: Value) => unknown),
      residual: split.residual,
    };
  },
});

setSubqueryPlanner((q: Query, outer: Layout): SubqueryRunner => {
  // The catalog is reached through the relation records already bound in the query.
  const planned = planSelect(q, outer, currentPlanningCatalog());
  if (capturingPlanNotes()) notePlan(q, { subplan: planned.plan, correlated: planned.correlated });
  return { run: (ctx, row) => planned.plan.run(ctx, undefined), correlated: planned.correlated, width: planned.width };
});

let planningCatalog: Catalog | undefined;
/** The planner needs the catalog for hashing/domain lookups; set around each planning call. */
export function withPlanningCatalog<T>(cat: Catalog, f: () => T): T {
  const saved = planningCatalog;
  planningCatalog = cat;
  try {
    return f();
  } finally {
    planningCatalog = saved;
  }
}
function currentPlanningCatalog(): Catalog {
  if (!planningCatalog) throw new Error('fauxgres internal: planning without a catalog');
  return planningCatalog;
}

/** Whether a query scans a recursive query's working table directly in its FROM. */
function readsWorkTable(q: Query): boolean {
  return q.rtable.some((r) => (r.kind === 'cte' && !!r.selfReference) || (r.kind === 'subquery' && readsWorkTable(r.query)));
}
