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
import { liveForUniqueness, predicateHolds } from './unique-check.js';
import { findExclusionConflict } from './exclusion.js';
import { usesTransactionSnapshot } from '../executor/row-lock.js';
import { queueUpdateActions } from '../executor/ri.js';
import { beforeRowTriggers, captureRouted, hasTriggers, queueAfterRow } from '../executor/trigger.js';
import type { Session } from '../session/session.js';
import { exprEqual } from '../analyze/select.js';
import { analyzeTableExpr } from './column-expr.js';
import { defaultThroughIndirection, isIndirectAssignment, transformAssignmentIndirection } from '../analyze/assign-indirection.js';
import { makeVar } from '../analyze/column-ref.js';
import type { Expr } from '../nodes/primnodes.js';
import type { Query } from '../nodes/query.js';
import { updateTargetValue } from './dml.js';

type AnyNode = Record<string, any>;

export interface OnConflictPlan {
  handle(ms: ModifyState, values: Value[]): { action: 'insert' | 'skip' | 'updated'; values?: Value[]; tuple?: Tuple; old?: Value[]; oldTuple?: Tuple };
  /** DO UPDATE: the columns its SET assigns (UPDATE OF triggers, row and statement level). */
  readonly updatedCols?: ReadonlySet<number>;
}

function inferArbiters(session: Session, state: StatementState, rel: RelationDef, clause: AnyNode, sql: string): RelationDef[] {
  const cat = state.catalog;
  const infer = clause.infer;
  const uniques = cat.relationIndexes(rel.oid).filter((i) => i.index!.unique);
  if (!infer) {
    if (clause.action === 'ONCONFLICT_UPDATE') {
      throw new PgError(SQLSTATE.syntax_error, 'ON CONFLICT DO UPDATE requires inference specification or constraint name', {
        hint: 'For example, ON CONFLICT (column_name).',
        position: String(clause.location + 1),
      });
    }
    // Without a target, DO NOTHING arbitrates on every unique and exclusion index.
    return cat.relationIndexes(rel.oid).filter((i) => i.index!.unique || i.index!.exclusion);
  }
  if (infer.conname) {
    const con = cat.relationConstraints(rel.oid).find((c) => c.name === infer.conname);
    if (!con) throw new PgError(SQLSTATE.undefined_object, `constraint "${infer.conname}" for table "${rel.name}" does not exist`);
    if (con.index === undefined) throw new PgError(SQLSTATE.wrong_object_type, `constraint in ON CONFLICT clause has no associated index`);
    if (con.kind === 'x' && clause.action === 'ONCONFLICT_UPDATE') {
      throw new PgError(SQLSTATE.wrong_object_type, 'ON CONFLICT DO UPDATE not supported with exclusion constraints');
    }
    return [cat.relation(con.index)];
  }
  const atts: number[] = [];
  const exprs: AnyNode[] = [];
  for (const e of (infer.indexElems ?? []) as AnyNode[]) {
    const ie = e.IndexElem;
    if (ie.name) {
      const col = rel.columns.find((c) => c.name === ie.name && !c.dropped);
      if (!col) throw new PgError(SQLSTATE.undefined_column, `column "${ie.name}" does not exist`, { position: undefined });
      atts.push(col.attnum);
    } else exprs.push(ie.expr);
  }
  const exprKeys = exprs.map((x) => analyzeTableExpr(session, cat, rel, x, 'index', sql).expr);
  const pred = infer.whereClause ? analyzeTableExpr(session, cat, rel, infer.whereClause, 'index predicate', sql).expr : undefined;
  const found = uniques.filter((i) => {
    const keys = i.index!.keys;
    if (keys.length !== atts.length + exprKeys.length) return false;
    const colKeys = keys.filter((k) => k.attnum > 0).map((k) => k.attnum);
    const exKeys = keys.filter((k) => k.attnum === 0).map((k) => k.expr!.expr);
    if (colKeys.length !== atts.length || !atts.every((a) => colKeys.includes(a))) return false;
    if (!exprKeys.every((e) => exKeys.some((k) => exprEqual(k, e)))) return false;
    if (i.index!.predicate) return pred !== undefined && exprEqual(i.index!.predicate.expr, pred);
    return true;
  });
  if (!found.length) {
    throw new PgError(SQLSTATE.invalid_column_reference, 'there is no unique or exclusion constraint matching the ON CONFLICT specification');
  }
  return found;
}

export function onConflictPlan(session: Session, state: StatementState, rel: RelationDef, clause: AnyNode, alias: AnyNode | undefined, sql: string): OnConflictPlan {
  const arbiters = inferArbiters(session, state, rel, clause, sql);
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
  if (clause.action === 'ONCONFLICT_NOTHING') {
    return { handle: (ms, values) => (findConflict(ms, values) ? { action: 'skip' } : { action: 'insert' }) };
  }
  if (clause.action !== 'ONCONFLICT_UPDATE') throw featureNotSupported(`ON CONFLICT ${clause.action}`);
  // SET / WHERE see the target (by its alias) and EXCLUDED.
  const q = emptyQuery('select');
  const ps = new ParseState(state, q);
  const t0 = ps.addRte(relationRte(rel, alias));
  ps.namespace.push({ rti: t0, rte: q.rtable[t0], relVisible: true, colsVisible: true });
  const t1 = ps.addRte(relationRte(rel, { aliasname: 'excluded' }));
  ps.namespace.push({ rti: t1, rte: q.rtable[t1], relVisible: true, colsVisible: false });
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
    if (!col) throw new PgError(SQLSTATE.undefined_column, `column "${rt.name}" of relation "${rel.name}" does not exist`, { position: ps.position(rt.location) });
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
  const where = clause.whereClause ? compileExpr(coerceToBoolean(ps, transformExpr(ps, clause.whereClause), 'WHERE'), layout) : undefined;
  void cat;
  return {
    updatedCols,
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
