/**
 * UPDATE / DELETE through an inheritance parent: the row versions its scan read from a child
 * (executor/inherit-scan.ts) are written in that child, in the child's own column layout, with
 * the child's constraints and row triggers (Postgres runs one result relation per child).
 *
 * Postgres counterpart: executor/nodeModifyTable.c with the per-child ResultRelInfo and its
 * tuple conversion map (execPartition.c / tupconvert.c).
 */
import type { RelationDef } from '../catalog/objects.js';
import type { Catalog } from '../catalog/catalog.js';
import { inheritAttrMap } from '../catalog/inheritance.js';
import type { Row } from '../executor/context.js';
import type { CExpr } from '../executor/expr/compile.js';
import { ownerOf, toParentLayout, tupleOwner } from '../executor/inherit-scan.js';
import { targetForWrite, type ModifyState } from '../executor/modify-table.js';
import type { RowLockMode } from '../storage/row-locks.js';
import type { Tuple } from '../storage/heap.js';
import type { Value } from '../types/values.js';

/** The child a row version read through `rel` belongs to, with its attribute map; undefined for rel's own rows. */
export function inheritTarget(cat: Catalog, rel: RelationDef, t: Tuple): { child: RelationDef; map: Int32Array } | undefined {
  if (!rel.inhChildren?.length) return undefined;
  const owner = ownerOf(t, rel.oid);
  if (owner === rel.oid) return undefined;
  const child = cat.relation(owner);
  return { child, map: inheritAttrMap(rel, child) };
}

/** A child's version's values in its own layout (columns added later read their missing value). */
export function childValues(child: RelationDef, t: Tuple): Value[] {
  const out: Value[] = new Array(child.columns.length);
  for (let j = 0; j < out.length; j++) out[j] = t.values[j] ?? child.columns[j].missing ?? null;
  return out;
}

/**
 * targetForWrite for a child's row read through its parent (`row` in the parent's layout at
 * `off`): the lock and EvalPlanQual wait happen on the child; a newer version is mapped back to
 * the parent's layout and re-checked there.
 */
export function childTargetForWrite(ms: ModifyState, parent: RelationDef, child: RelationDef, map: Int32Array, row: Row, off: number, mode: RowLockMode, recheck: CExpr | undefined, what: 'updated' | 'deleted' = 'updated'): Row | undefined {
  const n = parent.columns.length;
  const t = row[off + n] as unknown as Tuple;
  const crow: Row = [...childValues(child, t), t as unknown as Value];
  const r = targetForWrite(ms, child, crow, 0, mode, undefined, what);
  if (!r) return undefined;
  if (r === crow) return row;
  const latest = r[child.columns.length] as unknown as Tuple;
  tupleOwner.set(latest, child.oid);
  const out = row.slice();
  const pv = toParentLayout(map, child, latest.values);
  for (let i = 0; i < n; i++) out[off + i] = pv[i];
  out[off + n] = latest as unknown as Value;
  if (recheck && recheck(out, ms.ctx) !== true) return undefined;
  return out;
}
