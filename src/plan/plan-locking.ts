/**
 * Plans a SELECT with a locking clause (FOR UPDATE / NO KEY UPDATE / SHARE / KEY SHARE):
 * scan and join, project (keeping the wide row for LockRows), sort, LockRows, limit. Postgres
 * forbids locking clauses with aggregates, DISTINCT, GROUP BY, set operations and window
 * functions, so none of those appear here.
 *
 * Postgres counterpart: src/backend/optimizer/plan/planner.c (grouping_planner's LockRows
 * placement), preprocess_rowmarks.
 * Known gaps: locking clauses over a subquery or view in FROM are not supported (0A000), except
 * the subquery that reads a table through its row-level security policies (it outputs the row version).
 */
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Catalog } from '../catalog/catalog.js';
import type { JoinNode, Query } from '../nodes/query.js';
import { compileExpr, type Layout } from '../executor/expr/compile.js';
import { Sort, type SortSpec } from '../executor/sort-limit.js';
import { LockingLimit, LockRows, ProjectWithRow, type LockTarget } from '../executor/lock-rows.js';
import type { Plan } from '../executor/scan.js';
import type { RowLockMode } from '../storage/row-locks.js';
import type { WaitPolicy } from '../executor/row-lock.js';
import { exprEqual } from '../analyze/select.js';
import { planFromWhere } from './planner.js';
import { isCorrelated } from './walk-query.js';

const MODES: Record<string, RowLockMode> = {
  LCS_FORUPDATE: 'update',
  LCS_FORNOKEYUPDATE: 'nokeyupdate',
  LCS_FORSHARE: 'share',
  LCS_FORKEYSHARE: 'keyshare',
};
const STRENGTH: Record<RowLockMode, number> = { keyshare: 1, share: 2, nokeyupdate: 3, update: 4 };

const LOCK_WORDS: Record<string, string> = { LCS_FORUPDATE: 'UPDATE', LCS_FORNOKEYUPDATE: 'NO KEY UPDATE', LCS_FORSHARE: 'SHARE', LCS_FORKEYSHARE: 'KEY SHARE' };

/** Range entries an outer join of the FROM clause may null-extend. */
function nullableRtis(q: Query): Set<number> {
  const out = new Set<number>();
  const walk = (n: JoinNode, nulled: boolean) => {
    if (n.kind === 'RangeTblRef') {
      if (nulled) out.add(n.rti);
      return;
    }
    const t = n.joinType;
    walk(n.left, nulled || t === 'right' || t === 'full');
    walk(n.right, nulled || t === 'left' || t === 'full');
  };
  for (const n of q.fromList) walk(n, false);
  return out;
}

/** The lock each relation gets: the strongest mode naming it, NOWAIT over SKIP LOCKED over waiting. */
export function lockTargets(q: Query, layout: Layout): LockTarget[] {
  const byRti = new Map<number, { mode: RowLockMode; policy: WaitPolicy }>();
  for (const c of q.locking ?? []) {
    const mode = MODES[c.strength] ?? 'update';
    for (const rti of c.rtis) {
      const prev = byRti.get(rti);
      if (!prev) {
        byRti.set(rti, { mode, policy: c.wait });
        continue;
      }
      if (STRENGTH[mode] > STRENGTH[prev.mode]) prev.mode = mode;
      if (c.wait === 'nowait' || (c.wait === 'skip' && prev.policy === 'wait')) prev.policy = c.wait;
    }
  }
  const out: LockTarget[] = [];
  // (make_outerjoininfo: a locked relation may not be null-extended by an outer join)
  const nullable = nullableRtis(q);
  for (const c of q.locking ?? []) {
    if (c.rtis.some((r) => nullable.has(r))) throw new PgError(SQLSTATE.feature_not_supported, `FOR ${LOCK_WORDS[c.strength] ?? 'UPDATE'} cannot be applied to the nullable side of an outer join`);
  }
  for (const [rti, l] of [...byRti].sort((a, b) => a[0] - b[0])) {
    const rte = q.rtable[rti];
    // A table read through its row-level security policies: the subquery outputs its row version.
    if (rte.kind === 'subquery' && rte.rlsLockRel) {
      out.push({ rel: rte.rlsLockRel, offset: layout.offsets[rti], mode: l.mode, policy: l.policy });
      continue;
    }
    if (rte.kind !== 'relation') throw featureNotSupported('a locking clause on a subquery, view or function in FROM');
    // (execMain.c: CheckValidRowMarkRel)
    if (rte.rel.kind === 'm' || rte.rel.kind === 'S') {
      throw new PgError(SQLSTATE.wrong_object_type, `cannot lock rows in ${rte.rel.kind === 'm' ? 'materialized view' : 'sequence'} "${rte.rel.name}"`);
    }
    if (rte.rel.kind !== 'r') throw featureNotSupported(`a locking clause on ${rte.rel.kind === 'v' ? 'a view' : 'this relation'}`);
    out.push({ rel: rte.rel, offset: layout.offsets[rti], mode: l.mode, policy: l.policy });
  }
  return out;
}

/** The plan of a locking SELECT (see the file header). */
export function planLockingSelect(q: Query, parent: Layout | undefined, cat: Catalog): { plan: Plan; width: number; correlated: boolean } {
  const from = planFromWhere(q, parent, cat);
  const layout = from.layout;
  const exprs = q.targetList.map((t) => compileExpr(t.expr, layout));
  let plan: Plan = new ProjectWithRow(from.plan, exprs);
  const outExprs = q.targetList.map((t) => t.expr);
  const sortSpecs: SortSpec[] = q.sortBy.map((k) => {
    const idx = outExprs.findIndex((e) => exprEqual(e, k.expr));
    if (idx < 0) throw new Error('fauxgres internal: sort key not in target list');
    return { index: idx, descending: k.descending, nullsFirst: k.nullsFirst, compare: k.compare };
  });
  if (sortSpecs.length) plan = new Sort(plan, sortSpecs);
  plan = new LockRows(plan, exprs.length, lockTargets(q, layout), exprs, q.where ? compileExpr(q.where, layout) : undefined);
  if (q.limit || q.offset) {
    if (q.limitWithTies) throw featureNotSupported('FETCH ... WITH TIES with a locking clause');
    const empty: Layout = { depth: 0, offsets: [] };
    plan = new LockingLimit(plan, q.limit ? compileExpr(q.limit, empty) : undefined, q.offset ? compileExpr(q.offset, empty) : undefined);
  }
  return { plan, width: q.targetList.filter((t) => !t.resjunk).length, correlated: parent !== undefined && isCorrelated(q) };
}
