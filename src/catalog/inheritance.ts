/**
 * Table inheritance (CREATE TABLE ... INHERITS) in the catalog: the parents and children of a
 * table (pg_inherits), its descendants, and the attribute map between a parent's column layout
 * and a descendant's (columns match by name, as Postgres's build_attrmap_by_name does: a child
 * has the parent's columns, but not at the same attnums once it has several parents, columns of
 * its own before a later ADD COLUMN, or dropped columns).
 *
 * Postgres counterpart: src/backend/catalog/pg_inherits.c (find_all_inheritors),
 * access/common/attmap.c (build_attrmap_by_name).
 */
import type { Catalog } from './catalog.js';
import type { RelationDef } from './objects.js';

/** Whether a scan of `rel` (without ONLY) also reads other tables' rows: it has inheritance children. */
export function hasInheritChildren(rel: RelationDef): boolean {
  return rel.inhChildren !== undefined && rel.inhChildren.length > 0;
}

/** Every table below `rel` in the inheritance tree, each once (breadth first, as find_all_inheritors). */
export function inheritDescendants(cat: Catalog, rel: RelationDef): RelationDef[] {
  const out: RelationDef[] = [];
  const seen = new Set<number>([rel.oid]);
  const queue: RelationDef[] = [rel];
  while (queue.length) {
    const r = queue.shift()!;
    for (const oid of r.inhChildren ?? []) {
      if (seen.has(oid)) continue;
      seen.add(oid);
      const c = cat.relations.get(oid);
      if (!c) continue;
      out.push(c);
      queue.push(c);
    }
  }
  return out;
}

/** Every table above `rel` (its parents, theirs, ...), each once. */
export function inheritAncestors(cat: Catalog, rel: RelationDef): RelationDef[] {
  const out: RelationDef[] = [];
  const seen = new Set<number>();
  const walk = (r: RelationDef) => {
    for (const oid of r.inhParents ?? []) {
      if (seen.has(oid)) continue;
      seen.add(oid);
      const p = cat.relations.get(oid);
      if (!p) continue;
      out.push(p);
      walk(p);
    }
  };
  walk(rel);
  return out;
}

const mapCache = new WeakMap<RelationDef, WeakMap<RelationDef, Int32Array>>();

/**
 * For each column of `parent` (0-based), the 0-based index of the same-named column of `child`
 * (-1 for a dropped parent column). Cached per pair of relation records (records are immutable).
 */
export function inheritAttrMap(parent: RelationDef, child: RelationDef): Int32Array {
  let m = mapCache.get(parent);
  if (!m) mapCache.set(parent, (m = new WeakMap()));
  let map = m.get(child);
  if (map) return map;
  map = new Int32Array(parent.columns.length).fill(-1);
  const byName = new Map<string, number>();
  child.columns.forEach((c, i) => {
    if (!c.dropped) byName.set(c.name, i);
  });
  parent.columns.forEach((c, i) => {
    if (!c.dropped) map![i] = byName.get(c.name) ?? -1;
  });
  m.set(child, map);
  return map;
}

/** Whether `map` sends every column to the same position (no remapping needed). */
export function isIdentityMap(map: Int32Array): boolean {
  for (let i = 0; i < map.length; i++) if (map[i] !== i && map[i] !== -1) return false;
  return true;
}

/**
 * The attribute map from partitioned table `root`'s layout to its descendant `leaf`'s, or
 * undefined when they have the same layout (a partition may have its columns in another order,
 * or dropped ones: ATTACH PARTITION of such a table, PARTITION OF a parent with dropped columns).
 */
export function partitionMap(root: RelationDef, leaf: RelationDef): Int32Array | undefined {
  if (root === leaf) return undefined;
  const m = inheritAttrMap(root, leaf);
  return isIdentityMap(m) && leaf.columns.length === root.columns.length ? undefined : m;
}
