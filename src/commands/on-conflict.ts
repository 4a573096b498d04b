/**
 * INSERT ... ON CONFLICT: arbiter inference from a column list (plus index predicate) or a
 * constraint name, DO NOTHING, and DO UPDATE SET ... [WHERE ...] with EXCLUDED.
 * Postgres counterpart: parser/parse_clause.c (transformOnConflictArbiter), executor/nodeModifyTable.c (ExecOnConflictUpdate).
 */
import type { RelationDef } from '../catalog/objects.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { ParseState, type StatementState } from '../analyze/parse-state.js';
import { emptyQuery } from '../nodes/query.js';
import { relationRte } from '../analyze/relation.js';
import { coerceToBoolean, nodeKind, transformExpr } from '../analyze/expr.js';
import { canCoerce, coerceTo } from '../analyze/coerce.js';
import { formatType } from '../types/registry.js';
import { OID } from '../types/oids.js';
import type { Value } from '../types/values.js';
import type { Tuple } from '../storage/heap.js';
import { checkConstraints, computeGenerated, updateTuple, type ModifyState } from '../executor/modify-table.js';
import { stampLocker } from '../executor/row-lock.js';
import { fitsPartition } from '../executor/partition-route.js';
import { compileExpr, type CExpr } from '../executor/expr/compile.js';
import { indexKeyFunction } from './index-keys.js';
import { analyzeArbiter, inferArbiterIndexes } from './on-conflict-infer.js';
import { liveForUniqueness, predicateHolds } from './unique-check.js';
import { findExclusionConflict } from './exclusion.js';
import { usesTransactionSnapshot } from '../executor/row-lock.js';
import { queueUpdateActions } from '../executor/ri.js';
import { beforeRowTriggers, captureRouted, hasTriggers, queueAfterRow } from '../executor/trigger.js';
import type { Session } from '../session/session.js';
import { assignmentReads, defaultThroughIndirection, isIndirectAssignment, transformAssignmentIndirection } from '../analyze/assign-indirection.js';
import { makeVar } from '../analyze/column-ref.js';
import type { Expr } from '../nodes/primnodes.js';
import type { Query } from '../nodes/query.js';
import { updateTargetValue } from './dml.js';
import { visitVars } from '../plan/walk-query.js';

type AnyNode = Record<string, any>;

export interface OnConflictPlan {
  handle(ms: ModifyState, values: Value[]): { action: 'insert' | 'skip' | 'updated'; values?: Value[]; tuple?: Tuple; old?: Value[]; oldTuple?: Tuple };
  /** DO UPDATE: the columns its SET assigns (UPDATE OF triggers, row and statement level). */
  readonly updatedCols?: ReadonlySet<number>;
  /**
   * Target columns the clause reads, which need SELECT: the arbiter's columns (or the named
   * constraint's), and what DO UPDATE's SET / WHERE read of the target or of EXCLUDED (0: all).
   */
  readonly readCols: ReadonlySet<number>;
}

/** Columns of the target (range-table index 0) or of EXCLUDED (1) an expression reads. */
function addReadColumns(e: unknown, out: Set<number>): void {
  visitVars(e, (v, depth) => {
    if (v.levelsUp === depth && (v.rti === 0 || v.rti === 1) && v.attno >= 0) out.add(v.attno);
  });
}

/**
 * A ParseState for the ON CONFLICT clause: the target at range-table index 0 under its alias;
 * for DO UPDATE, EXCLUDED at 1 (in the range table, visible only where `excludedVisible`).
 * EXCLUDED is a composite row, not a stored tuple: it has no system columns.
 */
function conflictParseState(state: StatementState, rel: RelationDef, alias: AnyNode | undefined, update: boolean, excludedVisible: boolean): ParseState {
  const q = emptyQuery('select');
  const ps = new ParseState(state, q);
  const t0 = ps.addRte(relationRte(rel, alias));
  ps.namespace.push({ rti: t0, rte: q.rtable[t0], relVisible: true, colsVisible: true });
  if (update) {
    const t1 = ps.addRte(relationRte({ ...rel, kind: 'c' }, { aliasname: 'excluded' }));
    if (excludedVisible) ps.namespace.push({ rti: t1, rte: q.rtable[t1], relVisible: true, colsVisible: false });
  }
  return ps;
}

/** The arbiter indexes of an ON CONFLICT clause (for EXPLAIN), by the same inference as the INSERT. */
export function conflictArbiters(state: StatementState, rel: RelationDef, clause: AnyNode, alias: AnyNode | undefined): RelationDef[] {
  const ips = conflictParseState({ ...state, noFold: true }, rel, alias, clause.action === 'ONCONFLICT_UPDATE', false);
  return inferArbiterIndexes(state.catalog, rel, analyzeArbiter(ips, rel, clause), clause.action);
}

/** DO UPDATE's WHERE as analyzed (EXPLAIN's `Conflict Filter`), with the query level it belongs to. */
export function conflictFilter(state: StatementState, rel: RelationDef, clause: AnyNode, alias: AnyNode | undefined): { expr: Expr; query: Query } | undefined {
  if (clause.action !== 'ONCONFLICT_UPDATE' || !clause.whereClause) return undefined;
  const ps = conflictParseState(state, rel, alias, true, true);
  ps.exprKind = 'where';
  return { expr: coerceToBoolean(ps, transformExpr(ps, clause.whereClause), 'WHERE'), query: ps.query };
}

export function onConflictPlan(session: Session, state: StatementState, rel: RelationDef, clause: AnyNode, alias: AnyNode | undefined, sql: string): OnConflictPlan {
  void sql;
  // Parse analysis first (the arbiter clause, then SET / WHERE), index inference after, as in
  // Postgres (the planner infers): an error in SET wins over a failed inference.
  const update = clause.action === 'ONCONFLICT_UPDATE';
  const ips = conflictParseState({ ...state, noFold: true }, rel, alias, update, false);
  const spec = analyzeArbiter(ips, rel, clause);
  // (transformOnConflictArbiter: the inference columns, or the constraint's, need SELECT)
  const readCols = new Set<number>(spec.constraint?.columns ?? []);
  for (const e of spec.elems ?? []) addReadColumns(e.expr, readCols);
  addReadColumns(spec.where, readCols);
  if (!update) {
    if (clause.action !== 'ONCONFLICT_NOTHING') throw featureNotSupported(`ON CONFLICT ${clause.action}`);
    const findConflict = conflictFinder(state, rel, inferArbiterIndexes(state.catalog, rel, spec, clause.action));
    return { readCols, handle: (ms, values) => (findConflict(ms, values) ? { action: 'skip' } : { action: 'insert' }) };
  }
  const analyzed = analyzeDoUpdate(state, rel, clause, alias, readCols);
  const findConflict = conflictFinder(state, rel, inferArbiterIndexes(state.catalog, rel, spec, clause.action));
  return doUpdatePlan(rel, analyzed, findConflict, readCols);
}

type ConflictFinder = (ms: ModifyState, values: Value[]) => Tuple | undefined;

function conflictFinder(state: StatementState, rel: RelationDef, arbiters: readonly RelationDef[]): ConflictFinder {
  const cat = state.catalog;
  const findConflict = (ms: ModifyState, values: Value[]): Tuple | undefined => {
    const heap = ms.ctx.txn.heap(rel);
    for (const idx of arbiters) {
      const con = idx.index!.constraint !== undefined ? cat.constraints.get(idx.index!.constraint) : undefined;
      if (con?.deferrable) {
        throw new PgError(SQLSTATE.object_not_in_prerequisite_state, 'ON CONFLICT does not support deferrable unique constraints/exclusion constraints as arbiters', {
          schema: cat.namespaceName(rel.namespace),
          table: rel.name,
          constraint: idx.name,
        });
      }
      const key = indexKeyFunction(idx)(values, ms.ctx);
      if (idx.index!.exclusion) {
        if (!predicateHolds(idx, values, ms.ctx)) continue;
        const t = findExclusionConflict(ms.ctx, cat, rel, idx, key, -1);
        if (t) return t;
        continue;
      }
      if (!idx.index!.nullsNotDistinct && key.some((k) => k === null)) continue;
      for (const tid of ms.ctx.txn.index(idx).lookup(key)) {
        const t = heap.get(tid);
        if (t && liveForUniqueness(ms.ctx, t)) {
          // REPEATABLE READ: a conflicting row the snapshot cannot see (Postgres's ExecCheckTupleVisible).
          if (usesTransactionSnapshot(ms.ctx) && !ms.ctx.txn.own().xids.has(t.xmin) && !ms.ctx.txn.visible(t)) {
            throw new PgError(SQLSTATE.serialization_failure, 'could not serialize access due to concurrent update');
          }
          return t;
        }
      }
    }
    return undefined;
  };
  return findConflict;
}

interface DoUpdate {
  readonly sets: { idx: number; f: CExpr }[];
  readonly updatedCols: ReadonlySet<number>;
  readonly where?: CExpr;
}

/** DO UPDATE SET ... WHERE ...: each column's new value over (target row, EXCLUDED). */
function analyzeDoUpdate(state: StatementState, rel: RelationDef, clause: AnyNode, alias: AnyNode | undefined, readCols: Set<number>): DoUpdate {
  // SET / WHERE see the target (by its alias) and EXCLUDED.
  const ps = conflictParseState(state, rel, alias, true, true);
  const q = ps.query;
  const t0 = 0;
  ps.exprKind = 'on conflict';
  const ncols = rel.columns.length;
  const layout = { depth: 0, offsets: [0, ncols + 1] };
  // Each column's new value as an expression over (target row, EXCLUDED); assignments through
  // indirection to one column nest on each other.
  const exprs = new Map<number, Expr>();
  const multiSubqueries = new Map<number, Query>();
  for (const t of (clause.targetList ?? []) as AnyNode[]) {
    const rt = t.ResTarget;
    const col = rel.columns.find((c) => c.name === rt.name && !c.dropped);
    if (!col) {
      const qualified = rt.indirection && rt.name === q.rtable[t0].alias;
      throw new PgError(SQLSTATE.undefined_column, `column "${rt.name}" of relation "${rel.name}" does not exist`, {
        ...(qualified ? { hint: 'SET target columns cannot be qualified with the relation name.' } : {}),
        position: ps.position(rt.location),
      });
    }
    const { val, loc } = updateTargetValue(ps, rt, multiSubqueries);
    const multi = nodeKind(rt.val)[0] === 'MultiAssignRef';
    if (!multi) {
      if (col.generated) throw new PgError(SQLSTATE.generated_always, `column "${col.name}" can only be updated to DEFAULT`, { detail: `Column "${col.name}" is a generated column.` });
      if (col.identity === 'a') throw new PgError(SQLSTATE.generated_always, `column "${col.name}" can only be updated to DEFAULT`, { detail: `Column "${col.name}" is an identity column defined as GENERATED ALWAYS.` });
    }
    if (val === 'default') {
      if (rt.indirection) throw defaultThroughIndirection(ps, rt);
      throw featureNotSupported('DEFAULT in ON CONFLICT DO UPDATE', rt.location);
    }
    const prev = exprs.get(col.attnum - 1);
    if (rt.indirection) {
      if (prev && !isIndirectAssignment(prev)) throw new PgError(SQLSTATE.syntax_error, `multiple assignments to same column "${rt.name}"`);
      const base = prev ?? makeVar(q.rtable[t0], t0, col.attnum, 0, rt.location);
      exprs.set(col.attnum - 1, transformAssignmentIndirection(ps, base, col.name, col.type, col.typmod, rt.indirection as AnyNode[], val, rt.location));
      continue;
    }
    if (prev) throw new PgError(SQLSTATE.syntax_error, `multiple assignments to same column "${rt.name}"`);
    exprs.set(col.attnum - 1, assign(ps, val, col.name, col.type, col.typmod, loc));
  }
  const sets: { idx: number; f: CExpr }[] = [...exprs].map(([idx, e]) => ({ idx, f: compileExpr(e, layout) }));
  const updatedCols: ReadonlySet<number> = new Set(sets.map((x) => x.idx + 1));
  // (DO UPDATE's WHERE is a WHERE clause for Postgres's placement errors, its SET an UPDATE source)
  ps.exprKind = 'where';
  const whereExpr = clause.whereClause ? coerceToBoolean(ps, transformExpr(ps, clause.whereClause), 'WHERE') : undefined;
  for (const e of exprs.values()) addReadColumns(assignmentReads(e), readCols);
  for (const sub of multiSubqueries.values()) addReadColumns(sub, readCols);
  addReadColumns(whereExpr, readCols);
  const where = whereExpr ? compileExpr(whereExpr, layout) : undefined;
  return { sets, updatedCols, where };
}

function doUpdatePlan(rel: RelationDef, { sets, updatedCols, where }: DoUpdate, findConflict: ConflictFinder, readCols: ReadonlySet<number>): OnConflictPlan {
  return {
    updatedCols,
    readCols,
    handle(ms, values) {
      const t = findConflict(ms, values);
      if (!t) return { action: 'insert' };
      const txn = ms.ctx.txn;
      if (txn.own().xids.has(t.xmin) && t.cmin === txn.cid) {
        throw new PgError(SQLSTATE.cardinality_violation, 'ON CONFLICT DO UPDATE command cannot affect row a second time', {
          hint: 'Ensure that no rows proposed for insertion within the same command have duplicate constrained values.',
        });
      }
      // Postgres locks the existing row before DO UPDATE's WHERE: its xmax shows this transaction
      // (on the new version too: `RETURNING xmax = 0` tells inserted rows from updated ones).
      stampLocker(ms.ctx, rel, t, txn.writeXid());
      const existing = rel.columns.map((c, i) => (t.values[i] === undefined ? (c.missing ?? null) : t.values[i]));
      const row: Value[] = [...existing, t as unknown as Value, ...values, null];
      if (where && where(row, ms.ctx) !== true) return { action: 'skip' };
      let nv = [...existing];
      for (const s of sets) nv[s.idx] = s.f(row, ms.ctx);
      const trig = hasTriggers(ms.cat, rel.oid);
      if (trig) {
        const r = beforeRowTriggers(ms, rel, 'UPDATE', existing, nv, updatedCols);
        if (!r) return { action: 'skip' };
        nv = r;
      }
      computeGenerated(ms.ctx, rel, nv);
      if (rel.partitionOf && !fitsPartition(ms.ctx, ms.cat, rel, nv)) {
        throw new PgError(SQLSTATE.feature_not_supported, 'invalid ON UPDATE specification', { detail: 'The result tuple would appear in a different partition than the original tuple.' });
      }
      checkConstraints(ms.ctx, ms.cat, rel, nv);
      const nt = updateTuple(ms, rel, t, nv);
      if (!nt) return { action: 'skip' };
      queueUpdateActions(ms, rel, existing, nv, nt, t);
      if (trig) queueAfterRow(ms, rel, 'UPDATE', existing, nv, updatedCols);
      // (through a partitioned table: its transition tables too)
      if (rel.partitionOf) captureRouted(ms, rel, 'UPDATE', existing, nv);
      return { action: 'updated', values: nv, tuple: nt, old: existing, oldTuple: t };
    },
  };
}

function assign(ps: ParseState, e: import('../nodes/primnodes.js').Expr, name: string, type: number, typmod: number, loc = e.location) {
  if (e.type !== OID.unknown && e.type !== type && !canCoerce(ps.catalog, e.type, type, 'assignment')) {
    throw new PgError(SQLSTATE.datatype_mismatch, `column "${name}" is of type ${formatType(ps.catalog, type)} but expression is of type ${formatType(ps.catalog, e.type)}`, {
      hint: 'You will need to rewrite or cast the expression.',
      position: ps.position(loc),
    });
  }
  return coerceTo(ps, ps.catalog, e, type, typmod, 'assignment');
}
