/**
 * Partitioned indexes: whether a partition's index can be the partition's part of a partitioned
 * index (same columns, expressions, predicate, collations, operator classes, uniqueness, method; the
 * sort order may differ),
 * and when a partitioned index made ON ONLY becomes valid (each partition has its part).
 * Postgres counterpart: src/backend/catalog/index.c (CompareIndexInfo), commands/tablecmds.c
 * (validatePartitionedIndex).
 * Known gaps: operator classes are compared by name (not by operator family); index options
 * (WITH ...) are not compared, as in Postgres.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { RelationDef } from '../catalog/objects.js';
import type { SessionContext } from '../session/session-context.js';
import { indexDef } from '../catalog/ruleutils/indexdef.js';
import { deparseExpr } from '../catalog/deparse.js';
import { deparseContextFor } from '../catalog/ruleutils/context.js';
import { partitionsOf } from '../catalog/partition.js';

/**
 * What CompareIndexInfo compares, as text: key texts (columns match by name across a partition
 * tree, so expressions print alike whatever each table's layout), collations, operator classes,
 * INCLUDE columns, uniqueness, the predicate and exclusion operators.
 */
export function indexShape(cat: Catalog, session: SessionContext, idx: RelationDef): string {
  const info = idx.index!;
  const table = cat.relation(info.relation);
  const keys = info.keys.map((k, i) => {
    const coll = k.collation ?? (k.attnum ? table.columns[k.attnum - 1].collation : k.expr?.expr.collation) ?? 'default';
    const cls = `${k.opclass ?? ''}/${k.opclassExtension && !k.opclassDefault ? k.opclassExtension : ''}/${k.opclassOptions ?? ''}`;
    // (sort options are not compared: CompareIndexInfo ignores indoption)
    return `${indexDef(cat, session, idx, i + 1)} ${String(coll)} ${cls}`;
  });
  const include = info.include.map((a) => table.columns[a - 1].name);
  const pred = info.predicate ? deparseExpr({ ...deparseContextFor(cat, session, table), fallback: info.predicate.text }, info.predicate.expr) : '';
  const excl = info.exclusion?.map((o) => o.name).join(',') ?? '';
  return JSON.stringify([info.method, info.unique, info.nullsNotDistinct, keys, include, pred, excl]);
}

/**
 * The index of `part` that can be `parentIdx`'s part there: not yet attached, same shape, and
 * backing a constraint when the parent index does (DefineIndex / AttachPartitionEnsureIndexes).
 */
export function matchingPartIndex(cat: Catalog, session: SessionContext, parentIdx: RelationDef, part: RelationDef, skipInvalid: boolean): RelationDef | undefined {
  const shape = indexShape(cat, session, parentIdx);
  const needsConstraint = parentIdx.index!.constraint !== undefined;
  return cat.relationIndexes(part.oid).find((i) => {
    const x = i.index!;
    if (x.parentIndex !== undefined || (skipInvalid && x.invalid)) return false;
    if (needsConstraint && x.constraint === undefined) return false;
    return indexShape(cat, session, i) === shape;
  });
}

/**
 * A partitioned index is valid once every partition has a valid part of it; then the index it is
 * itself a part of may become valid too (validatePartitionedIndex).
 */
export function validatePartitionedIndex(cat: Catalog, idx: RelationDef): void {
  if (!idx.index?.invalid) return;
  const table = cat.relation(idx.index.relation);
  for (const p of partitionsOf(cat, table)) {
    if (!cat.relationIndexes(p.oid).some((i) => i.index?.parentIndex === idx.oid && !i.index.invalid)) return;
  }
  const { invalid: _i, ...info } = idx.index;
  void _i;
  cat.putRelation({ ...idx, index: info });
  if (info.parentIndex !== undefined) validatePartitionedIndex(cat, cat.relation(info.parentIndex));
}
