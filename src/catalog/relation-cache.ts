/**
 * Per-catalog-version lookups that row writes need on every row: a table's CHECK constraints in
 * name order, its indexes in OID order, its foreign keys, and the foreign keys that reference it.
 * Computed once per catalog version instead of per row.
 * Postgres counterpart: the relcache's cached constraint and index lists (utils/cache/relcache.c).
 */
import { isNondeterministic, userCollation } from '../types/collation.js';
import type { Catalog } from './catalog.js';
import type { ConstraintDef, RelationDef } from './objects.js';
import { typeInfo } from '../types/registry.js';
import type { Value } from '../types/values.js';
import { partitionMap } from './inheritance.js';

interface Entry {
  checks?: ConstraintDef[];
  indexes?: RelationDef[];
  fks?: ConstraintDef[];
  referencing?: ConstraintDef[];
  /** keySearchOf's answers by column list. */
  keySearches?: Map<readonly number[], KeySearch>;
}

/** How to find a table's rows by some of its columns (foreign-key checks and actions). */
export interface KeySearch {
  /** An index without a predicate led by those columns, if the table has one. */
  readonly index: RelationDef | undefined;
  /** Each column's value order (equality is compare() === 0). */
  readonly compare: readonly ((a: Value, b: Value) => number)[];
}

const caches = new WeakMap<Catalog, { version: number; byRel: Map<number, Entry> }>();

function entry(cat: Catalog, rel: number): Entry {
  let c = caches.get(cat);
  // A transaction's private catalog is changed in place; its version moves with every DDL.
  if (!c || c.version !== cat.version) {
    c = { version: cat.version, byRel: new Map() };
    caches.set(cat, c);
  }
  let e = c.byRel.get(rel);
  if (!e) {
    e = {};
    c.byRel.set(rel, e);
  }
  return e;
}

/** CHECK constraints of a table, in the order Postgres tests them (by name). */
export function checkConstraintsOf(cat: Catalog, rel: number): ConstraintDef[] {
  const e = entry(cat, rel);
  return (e.checks ??= cat
    .relationConstraints(rel)
    .filter((k) => k.kind === 'c' && k.check && !k.notEnforced)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)));
}

/** A table's indexes in OID order (the order Postgres inserts into them). */
export function indexesOf(cat: Catalog, rel: number): RelationDef[] {
  const e = entry(cat, rel);
  return (e.indexes ??= cat.relationIndexes(rel).sort((a, b) => a.oid - b.oid));
}

/** Foreign keys defined on a table. */
export function foreignKeysOf(cat: Catalog, rel: number): ConstraintDef[] {
  const e = entry(cat, rel);
  // (NOT ENFORCED keys have no triggers: nothing checks them)
  return (e.fks ??= [...cat.relationConstraints(rel).filter((k) => k.kind === 'f' && !k.notEnforced), ...partitionAncestorsOf(cat, rel).flatMap((a) => cat.relationConstraints(a).filter((k) => k.kind === 'f' && !k.notEnforced).map((k) => inPartitionLayout(cat, k, a, rel)))]);
}

/** An ancestor's foreign key with its columns as the partition `rel` numbers them (its layout may differ). */
function inPartitionLayout(cat: Catalog, fk: ConstraintDef, ancestor: number, rel: number): ConstraintDef {
  const m = partitionMap(cat.relation(ancestor), cat.relation(rel));
  if (!m) return fk;
  const at = (a: number) => m[a - 1] + 1;
  return { ...fk, columns: fk.columns.map(at), fk: { ...fk.fk!, ...(fk.fk!.deleteSetColumns ? { deleteSetColumns: fk.fk!.deleteSetColumns.map(at) } : {}) } };
}

/** A partition's partitioned ancestors: their foreign keys apply to its rows too. */
function partitionAncestorsOf(cat: Catalog, rel: number): number[] {
  const out: number[] = [];
  for (let p = cat.relations.get(rel)?.partitionOf?.parent; p !== undefined; p = cat.relations.get(p)?.partitionOf?.parent) out.push(p);
  return out;
}

/** Enforced foreign keys (on any table) that reference this table. */
export function referencingKeysOf(cat: Catalog, rel: number): ConstraintDef[] {
  const e = entry(cat, rel);
  return (e.referencing ??= [...cat.referencingForeignKeys(rel), ...partitionAncestorsOf(cat, rel).flatMap((a) => cat.referencingForeignKeys(a))].filter((k) => !k.notEnforced));
}

/**
 * How to find rows of `rel` by the columns `atts` (attnums, in order): an index without a
 * predicate whose leading key columns they are, and their comparators. `atts` is a catalog array
 * (a constraint's column list): answers are kept by its identity, per catalog version.
 */
export function keySearchOf(cat: Catalog, rel: RelationDef, atts: readonly number[]): KeySearch {
  const m = (entry(cat, rel.oid).keySearches ??= new Map());
  let ks = m.get(atts);
  if (!ks) {
    const index = cat.relationIndexes(rel.oid).find((i) => i.index && !i.index.predicate && i.index.keys.length >= atts.length && atts.every((a, k) => i.index!.keys[k].attnum === a));
    ks = {
      index,
      compare: atts.map((a) => {
        const col = rel.columns[a - 1];
        // A nondeterministic collation's key columns match by its collator (ri_triggers.c).
        const nondet = isNondeterministic(col.collation) ? userCollation(col.collation!)!.compare : undefined;
        if (nondet) return (x: Value, y: Value) => nondet(x as string, y as string);
        const io = typeInfo(cat, col.type).io;
        return (x: Value, y: Value) => io.compare(x, y);
      }),
    };
    m.set(atts, ks);
  }
  return ks;
}
