/**
 * Tuple routing: which leaf partition a row of a partitioned table goes to (INSERT, COPY, an
 * UPDATE that moves a row), the partition constraint of a partition written directly, and the
 * leaf a scanned row version came from (UPDATE / DELETE / tableoid through the parent).
 *
 * Postgres counterpart: executor/execPartition.c (ExecFindPartition, get_partition_for_tuple),
 * partitioning/partbounds.c (partition_rbound_datum_cmp, partition_list_bsearch),
 * executor/execMain.c (ExecPartitionCheck, ExecPartitionCheckEmitError).
 */
import type { Catalog } from '../catalog/catalog.js';
import type { RelationDef } from '../catalog/objects.js';
import { keyPartText, partitionsOf, type PartitionBound, type PartitionKey, type RangeDatum } from '../catalog/partition.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { valueComparator, type ValueComparator } from '../functions/builtins/value-compare.js';
import type { Tuple } from '../storage/heap.js';
import { baseTypeOf, typeInfo } from '../types/registry.js';
import type { Value } from '../types/values.js';
import type { ExecContext } from './context.js';
import { failingRow, compileStored } from './modify-table.js';
import { hashFunctionFor, rowHash } from './partition-hash.js';
import { inheritAttrMap, isIdentityMap, partitionMap } from '../catalog/inheritance.js';

export { partitionMap };
import { toChildLayout, toParentLayout, tupleOwner } from './inherit-scan.js';

/** How one partitioned table sends a row to one of its partitions. */
interface Router {
  readonly keyOf: (values: readonly Value[], ctx: ExecContext) => Value[];
  /** Index into `children` of the partition accepting the key, or -1. */
  readonly find: (key: readonly Value[]) => number;
  readonly children: readonly number[];
  /**
   * Per child: the attribute map from this table's layout to the child's (by column name), or
   * undefined when the child has the same layout (a row passes down unchanged).
   */
  readonly maps: readonly (Int32Array | undefined)[];
}

const routers = new WeakMap<RelationDef, Router>();

/** Compares key values to range bound datums (MINVALUE below and MAXVALUE above every value). */
export function compareToRangeBound(cmps: readonly ValueComparator[], key: readonly Value[], bound: readonly RangeDatum[]): number {
  for (let i = 0; i < bound.length; i++) {
    const d = bound[i];
    if (d.kind === 'minvalue') return 1;
    if (d.kind === 'maxvalue') return -1;
    const c = cmps[i](key[i], d.value);
    if (c !== 0) return c;
  }
  return 0;
}

/** The comparators of a partition key's columns (their collations). */
export function keyComparators(cat: Catalog, key: PartitionKey): ValueComparator[] {
  return key.parts.map((p) => valueComparator(cat, p.type, p.collation));
}

/** Whether a key (non-null for range) lies in a bound; `default` bounds accept nothing here. */
export function boundAccepts(cmps: readonly ValueComparator[], hashes: readonly ((v: Value) => bigint)[] | undefined, b: PartitionBound, key: readonly Value[]): boolean {
  switch (b.kind) {
    case 'default':
      return false;
    case 'list': {
      const v = key[0];
      for (const x of b.values) {
        if (x === null ? v === null : v !== null && cmps[0](v, x) === 0) return true;
      }
      return false;
    }
    case 'range':
      if (key.some((v) => v === null)) return false;
      return compareToRangeBound(cmps, key, b.lower) >= 0 && compareToRangeBound(cmps, key, b.upper) < 0;
    case 'hash': {
      const h = rowHash(hashes!, key);
      return Number(h % BigInt(b.modulus)) === b.remainder;
    }
  }
}

function hashFns(cat: Catalog, key: PartitionKey): ((v: Value) => bigint)[] | undefined {
  return key.strategy === 'hash' ? key.parts.map((p) => hashFunctionFor(cat, p.type)) : undefined;
}

function keyExtractor(key: PartitionKey): (values: readonly Value[], ctx: ExecContext) => Value[] {
  const getters = key.parts.map((p) => {
    if (p.attnum) {
      const i = p.attnum - 1;
      return (values: readonly Value[]) => (values[i] === undefined ? null : values[i]);
    }
    const f = compileStored(p.expr!);
    return (values: readonly Value[], ctx: ExecContext) => f(values as Value[], ctx);
  });
  return (values, ctx) => getters.map((g) => g(values, ctx));
}

function routerOf(cat: Catalog, rel: RelationDef): Router {
  let r = routers.get(rel);
  if (r) return r;
  const key = rel.partitionKey!;
  const cmps = keyComparators(cat, key);
  const hashes = hashFns(cat, key);
  const kids = partitionsOf(cat, rel);
  const bounds = kids.map((k) => k.partitionOf!.bound);
  const dflt = bounds.findIndex((b) => b.kind === 'default');
  const find = (k: readonly Value[]) => {
    for (let i = 0; i < bounds.length; i++) if (boundAccepts(cmps, hashes, bounds[i], k)) return i;
    return dflt;
  };
  const maps = kids.map((k) => {
    const m = inheritAttrMap(rel, k);
    return isIdentityMap(m) && k.columns.length === rel.columns.length ? undefined : m;
  });
  r = { keyOf: keyExtractor(key), find, children: kids.map((k) => k.oid), maps };
  routers.set(rel, r);
  return r;
}

/** The key's text in errors: `(logdate) = (2023-05-05)`. */
function keyDescription(ctx: ExecContext, cat: Catalog, rel: RelationDef, key: readonly Value[]): string {
  const pk = rel.partitionKey!;
  const names = pk.parts.map((p) => keyPartText(cat, rel, p));
  const vals = key.map((v, i) => (v === null ? 'null' : typeInfo(cat, pk.parts[i].type).io.output(v, ctx.session.io)));
  return `(${names.join(', ')}) = (${vals.join(', ')})`;
}

/**
 * The leaf partition for a row of partitioned table `rel` (through sub-partitions), or Postgres's
 * 23514 `no partition of relation "p" found for row`.
 */
export function routeRow(ctx: ExecContext, cat: Catalog, rel: RelationDef, values: readonly Value[]): RelationDef {
  return routeRowTo(ctx, cat, rel, values).leaf;
}

/**
 * routeRow, with the row in the leaf's own column layout (`values` itself when every level has
 * its parent's layout; a partition may have its columns in another order, or dropped ones).
 */
export function routeRowTo(ctx: ExecContext, cat: Catalog, rel: RelationDef, values: readonly Value[]): { leaf: RelationDef; values: Value[] } {
  let cur = rel;
  let vals = values as Value[];
  while (cur.kind === 'p') {
    const r = routerOf(cat, cur);
    const key = r.keyOf(vals, ctx);
    const i = r.find(key);
    if (i < 0) {
      throw new PgError(SQLSTATE.check_violation, `no partition of relation "${cur.name}" found for row`, {
        detail: `Partition key of the failing row contains ${keyDescription(ctx, cat, cur, key)}.`,
        schema: cat.namespaceName(cur.namespace),
        table: cur.name,
      });
    }
    const child = cat.relation(r.children[i]);
    const m = r.maps[i];
    if (m) vals = toChildLayout(m, child, vals);
    cur = child;
  }
  return { leaf: cur, values: vals };
}

/** Whether `values` satisfy the partition constraint of partition `rel` (and of its ancestors). */
export function fitsPartition(ctx: ExecContext, cat: Catalog, rel: RelationDef, values: readonly Value[]): boolean {
  let cur = rel;
  let vals = values;
  while (cur.partitionOf) {
    const parent = cat.relation(cur.partitionOf.parent);
    const r = routerOf(cat, parent);
    // The parent's key reads the row in the parent's layout.
    const m = r.maps[r.children.indexOf(cur.oid)];
    if (m) vals = toParentLayout(m, cur, vals);
    if (r.children[r.find(r.keyOf(vals, ctx))] !== cur.oid) return false;
    cur = parent;
  }
  return true;
}

/** ExecPartitionCheck for a row written into a partition directly. */
export function checkPartitionConstraint(ctx: ExecContext, cat: Catalog, rel: RelationDef, values: readonly Value[], root?: { readonly rel: RelationDef; readonly map: Int32Array }): void {
  if (!rel.partitionOf || fitsPartition(ctx, cat, rel, values)) return;
  // Written through a root with another layout: the failing row is shown in the root's columns.
  throw new PgError(SQLSTATE.check_violation, `new row for relation "${rel.name}" violates partition constraint`, {
    detail: `Failing row contains ${root ? failingRow(ctx, cat, root.rel, toParentLayout(root.map, rel, values)) : failingRow(ctx, cat, rel, values)}.`,
    schema: cat.namespaceName(rel.namespace),
    table: rel.name,
  });
}

/**
 * The leaf partition below `rel` that holds row version `t` (read by a scan of the partitioned
 * table): found by routing its values, confirmed by identity in that leaf's heap, else searched.
 */
export function leafOfTuple(ctx: ExecContext, cat: Catalog, rel: RelationDef, t: Tuple): RelationDef {
  // A leaf whose layout differs from rel's was read through its attribute map, which records it.
  const owner = tupleOwner.get(t);
  if (owner !== undefined && owner !== rel.oid) return cat.relation(owner);
  try {
    const leaf = routeRow(ctx, cat, rel, t.values);
    if (ctx.txn.heap(leaf).get(t.tid)?.values === t.values) return leaf;
  } catch {
    // fall through to the search
  }
  const stack = [rel];
  while (stack.length) {
    const r = stack.pop()!;
    for (const c of partitionsOf(cat, r)) {
      if (c.kind === 'p') stack.push(c);
      else if (ctx.txn.heap(c).get(t.tid)?.values === t.values) return c;
    }
  }
  throw new Error('fauxgres internal: row version of no partition');
}
