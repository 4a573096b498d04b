/**
 * The scan of one inheritance child (or of a partition whose columns are in another order than
 * its parent's) read as its parent: each row version of the child fills the parent's slots of
 * the wide row, column by column through the attribute map (columns match by name), then the
 * version itself. The child's own extra columns are not read.
 *
 * Which table a version came from (tableoid, UPDATE / DELETE through the parent) is recorded in
 * `tupleOwner`: versions are distinct objects per heap, so the record is exact.
 *
 * Postgres counterpart: the child scans of an Append under an inheritance parent, with the
 * translated_vars of their AppendRelInfo (optimizer/util/appendinfo.c).
 */
import type { RelationDef } from '../catalog/objects.js';
import { isVisible, type Tuple } from '../storage/heap.js';
import type { Value } from '../types/values.js';
import type { ExecContext, Row } from './context.js';
import type { CExpr } from './expr/compile.js';
import type { Plan } from './scan.js';

/** The table (oid) each row version read through a parent belongs to. */
export const tupleOwner = new WeakMap<object, number>();

/** The table a row version read through `rel`'s scan belongs to (rel itself unless a child's scan recorded it). */
export function ownerOf(t: Tuple, rel: number): number {
  return tupleOwner.get(t) ?? rel;
}

export class InheritChildScan implements Plan {
  readonly kind = 'SeqScan';
  constructor(
    /** The child table scanned. */
    readonly rel: RelationDef,
    /** Per parent column (0-based): the child's column index, or -1 (a dropped parent column). */
    readonly map: Int32Array,
    readonly offset: number,
    readonly width: number,
    readonly filter: CExpr | undefined,
  ) {}

  *run(ctx: ExecContext, base: Row | undefined): Iterable<Row> {
    const out: Row[] = [];
    this.each(ctx, base, (r) => out.push(r));
    yield* out;
  }

  each(ctx: ExecContext, base: Row | undefined, sink: (row: Row) => void): void {
    const { rel, map, offset, width, filter } = this;
    const txn = ctx.txn;
    const heap = txn.heap(rel);
    const snap = txn.snapshot();
    const cols = rel.columns;
    const n = map.length;
    const oid = rel.oid;
    for (const t of heap.all()) {
      if (!isVisible(t, snap, txn.own(), txn.status)) continue;
      const row = base ? base.slice() : new Array(width);
      const vals = t.values;
      for (let i = 0; i < n; i++) {
        const j = map[i];
        if (j < 0) {
          row[offset + i] = null;
          continue;
        }
        const v = vals[j];
        row[offset + i] = v === undefined ? (cols[j].missing ?? null) : v;
      }
      row[offset + n] = t as unknown as Value;
      tupleOwner.set(t, oid);
      if (filter && filter(row, ctx) !== true) continue;
      sink(row);
    }
  }
}

/**
 * A child's row in its own layout from the parent's `values` (0-based by parent column): the
 * child's columns the parent has take the parent's values, the others keep `base`'s (the child's
 * current version, or undefined for a new row: then NULL).
 */
export function toChildLayout(map: Int32Array, child: RelationDef, values: readonly Value[], base?: readonly Value[]): Value[] {
  const out: Value[] = new Array(child.columns.length);
  for (let j = 0; j < out.length; j++) out[j] = base ? (base[j] ?? child.columns[j].missing ?? null) : null;
  for (let i = 0; i < map.length; i++) if (map[i] >= 0) out[map[i]] = values[i] ?? null;
  return out;
}

/** The parent's view of a child's row (`childValues` in the child's layout). */
export function toParentLayout(map: Int32Array, child: RelationDef, childValues: readonly Value[]): Value[] {
  const out: Value[] = new Array(map.length);
  for (let i = 0; i < map.length; i++) {
    const j = map[i];
    out[i] = j < 0 ? null : (childValues[j] ?? child.columns[j].missing ?? null);
  }
  return out;
}
