/**
 * MERGE's row writes when its target is a partitioned table or an inheritance parent: the row
 * version a WHEN MATCHED / NOT MATCHED BY SOURCE action changes is written in the partition or
 * child table it was read from (in that table's column layout, with its row triggers,
 * constraints and foreign keys), an UPDATE that takes the row out of its partition moves it
 * (DELETE there, INSERT routed from the target), and a WHEN NOT MATCHED INSERT is routed to its
 * leaf partition; the target's transition tables see every row. A plain table is its own leaf.
 * The same steps as UPDATE / DELETE / INSERT through a parent in dml.ts.
 *
 * Postgres counterpart: executor/nodeModifyTable.c (ExecMergeMatched / ExecMergeNotMatched with
 * the per-partition ResultRelInfo, ExecCrossPartitionUpdate), execPartition.c (ExecFindPartition).
 */
import type { RelationDef } from '../catalog/objects.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Catalog } from '../catalog/catalog.js';
import type { ExecContext, Row } from '../executor/context.js';
import type { CExpr } from '../executor/expr/compile.js';
import { toChildLayout, toParentLayout, tupleOwner } from '../executor/inherit-scan.js';
import { checkConstraints, computeGenerated, deleteTuple, insertTuple, keyChanged, targetForWrite, updateTuple, type ModifyState } from '../executor/modify-table.js';
import { checkPartitionConstraint, fitsPartition, leafOfTuple, partitionMap, routeRowTo } from '../executor/partition-route.js';
import { queueDeleteActions, queueInsertChecks, queueUpdateActions } from '../executor/ri.js';
import { beforeRowTriggers, captureRouted, hasTriggers, queueAfterRow } from '../executor/trigger.js';
import type { Tuple } from '../storage/heap.js';
import type { Value } from '../types/values.js';
import { childTargetForWrite, childValues, inheritTarget } from './inherit-dml.js';
import { moveRow } from './dml.js';

type Check = (ctx: ExecContext, values: Value[]) => void;
type ViewCheck = ((ctx: ExecContext, cat: Catalog, values: Value[]) => void) | undefined;

/** A row a BEFORE trigger's statement changed first: MERGE's wording of the 27000 error. */
function asMerge<T>(write: () => T): T {
  try {
    return write();
  } catch (e) {
    if (e instanceof PgError && e.code === SQLSTATE.triggered_data_change_violation) {
      e.message = 'tuple to be updated or deleted was already modified by an operation triggered by the current command';
    }
    throw e;
  }
}

/** Where a target row version read through `rel` lives: the leaf table, and the map from rel's layout when it differs. */
export interface TargetLeaf {
  readonly leaf: RelationDef;
  readonly inh?: { readonly child: RelationDef; readonly map: Int32Array };
}

export function targetLeaf(ctx: ExecContext, cat: Catalog, rel: RelationDef, t: Tuple): TargetLeaf {
  if (rel.kind === 'p') {
    const leaf = leafOfTuple(ctx, cat, rel, t);
    const map = partitionMap(rel, leaf);
    return map ? { leaf, inh: { child: leaf, map } } : { leaf };
  }
  const inh = inheritTarget(cat, rel, t);
  return inh ? { leaf: inh.child, inh } : { leaf: rel };
}

/** Lock the row for writing (waiting, re-checking a newer version): targetForWrite through the leaf. */
export function leafTargetForWrite(ms: ModifyState, rel: RelationDef, tl: TargetLeaf, row: Row, off: number, old: readonly Value[], values: readonly Value[] | undefined, recheck: CExpr | undefined): Row | undefined {
  const mode = values && !keyChanged(ms.cat, tl.inh ? rel : tl.leaf, old, values) ? 'nokeyupdate' : 'update';
  return asMerge(() => (tl.inh ? childTargetForWrite(ms, rel, tl.inh.child, tl.inh.map, row, off, mode, recheck) : targetForWrite(ms, tl.leaf, row, off, mode, recheck)));
}

/** WHEN NOT MATCHED ... INSERT of `values` (rel's layout): the tuple written and the row in rel's layout, or undefined when a BEFORE trigger skipped it. */
export function mergeInsert(ms: ModifyState, rel: RelationDef, input: Value[], security: Check | undefined, viewCheck: ViewCheck): { tuple: Tuple; values: Value[] } | undefined {
  const { ctx, cat } = ms;
  let values = input;
  let tgt = rel;
  let lmap: Int32Array | undefined;
  if (rel.kind === 'p') {
    // A partitioned partition written directly checks its own partition constraint first.
    if (rel.partitionOf) checkPartitionConstraint(ctx, cat, rel, values);
    const routed = routeRowTo(ctx, cat, rel, values);
    tgt = routed.leaf;
    if (routed.values !== values) {
      lmap = partitionMap(rel, tgt);
      values = routed.values;
    }
  }
  const rtrig = hasTriggers(cat, tgt.oid);
  if (rtrig) {
    const r = beforeRowTriggers(ms, tgt, 'INSERT', undefined, values);
    if (!r) return undefined;
    values = r;
  }
  computeGenerated(ctx, tgt, values);
  const root = lmap ? { rel, map: lmap } : undefined;
  security?.(ctx, lmap ? toParentLayout(lmap, tgt, values) : values);
  if (tgt.partitionOf && (tgt === rel || rtrig)) checkPartitionConstraint(ctx, cat, tgt, values, root);
  checkConstraints(ctx, cat, tgt, values, root);
  const t = insertTuple(ms, tgt, values);
  const pv = lmap ? toParentLayout(lmap, tgt, values) : values;
  if (lmap) tupleOwner.set(t, tgt.oid);
  viewCheck?.(ctx, cat, pv);
  queueInsertChecks(ms, tgt, t);
  if (rtrig) queueAfterRow(ms, tgt, 'INSERT', undefined, values);
  if (tgt !== rel && hasTriggers(cat, rel.oid)) captureRouted(ms, tgt, 'INSERT', undefined, values);
  return { tuple: t, values: pv };
}

/**
 * WHEN ... UPDATE of version `t` from `old` to `input` (both in rel's layout): the new version
 * and the new row in rel's layout, or undefined when skipped (a BEFORE trigger, a concurrent change).
 */
export function mergeUpdate(
  ms: ModifyState,
  rel: RelationDef,
  tl: TargetLeaf,
  t: Tuple,
  oldInput: Value[],
  input: Value[],
  updatedCols: ReadonlySet<number>,
  security: Check | undefined,
  viewCheck: ViewCheck,
): { tuple: Tuple; values: Value[]; old: Value[] } | undefined {
  const { ctx, cat } = ms;
  const { leaf, inh } = tl;
  let old = oldInput;
  let values = input;
  let lcols = updatedCols;
  if (inh) {
    // A child's row: its own layout from here on (its columns the parent lacks keep their values).
    old = childValues(inh.child, t);
    values = toChildLayout(inh.map, inh.child, values, old);
    lcols = new Set([...updatedCols].map((a) => inh.map[a - 1] + 1));
  }
  const ltrig = hasTriggers(cat, leaf.oid);
  if (ltrig) {
    const r = beforeRowTriggers(ms, leaf, 'UPDATE', old, values, lcols);
    if (!r) return undefined;
    values = r;
  }
  computeGenerated(ctx, leaf, values);
  if (leaf.partitionOf && !fitsPartition(ctx, cat, leaf, values)) {
    // The row leaves its partition: delete it there and insert it where it now belongs.
    if (rel.kind !== 'p') checkPartitionConstraint(ctx, cat, leaf, values);
    security?.(ctx, inh ? toParentLayout(inh.map, inh.child, values) : values);
    const m = asMerge(() => moveRow(ms, rel, leaf, t, old, values, inh?.map, true));
    if (!m) return undefined;
    viewCheck?.(ctx, cat, m.values);
    return { tuple: m.tuple, values: m.values, old: oldInput };
  }
  security?.(ctx, inh ? toParentLayout(inh.map, inh.child, values) : values);
  checkConstraints(ctx, cat, leaf, values, inh ? { rel, map: inh.map } : undefined);
  const nt = asMerge(() => updateTuple(ms, leaf, t, values));
  if (!nt) return undefined;
  const pv = inh ? toParentLayout(inh.map, inh.child, values) : values;
  viewCheck?.(ctx, cat, pv);
  queueUpdateActions(ms, leaf, old, values, nt, t);
  if (ltrig) queueAfterRow(ms, leaf, 'UPDATE', old, values, lcols);
  if (leaf !== rel && hasTriggers(cat, rel.oid)) captureRouted(ms, leaf, 'UPDATE', old, values, inh ? { rel, map: inh.map } : undefined);
  if (inh) tupleOwner.set(nt, inh.child.oid);
  return { tuple: nt, values: pv, old: oldInput };
}

/** WHEN ... DELETE of version `t`: whether it was deleted. */
export function mergeDelete(ms: ModifyState, rel: RelationDef, tl: TargetLeaf, t: Tuple, old: Value[]): boolean {
  const { cat } = ms;
  const { leaf, inh } = tl;
  // (a child's row: its own layout for its triggers and foreign keys)
  const oldVals = inh ? childValues(inh.child, t) : old;
  const ltrig = hasTriggers(cat, leaf.oid);
  if (ltrig && !beforeRowTriggers(ms, leaf, 'DELETE', oldVals, undefined)) return false;
  if (!asMerge(() => deleteTuple(ms, leaf, t))) return false;
  queueDeleteActions(ms, leaf, oldVals);
  if (ltrig) queueAfterRow(ms, leaf, 'DELETE', oldVals, undefined);
  if (leaf !== rel && hasTriggers(cat, rel.oid)) captureRouted(ms, leaf, 'DELETE', oldVals, undefined, inh ? { rel, map: inh.map } : undefined);
  return true;
}
