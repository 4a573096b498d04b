/**
 * Declarative partitioning in the catalog: the partition key of a partitioned table (relkind p,
 * pg_partitioned_table), the bound of each partition (pg_class.relpartbound), the partition tree
 * (pg_inherits), and the text Postgres prints for them (pg_get_partkeydef, pg_get_expr of a
 * bound, the "Partition key of the failing row" detail).
 *
 * A partition may have its own column layout (ATTACH PARTITION of a table whose columns are in
 * another order or include dropped ones; PARTITION OF a parent with dropped columns): columns
 * match by name, and rows are mapped between layouts where they cross (inheritance.ts
 * partitionMap; executor/partition-route.ts routeRowTo).
 *
 * Postgres counterpart: src/backend/partitioning/partbounds.c, utils/cache/partcache.c,
 * utils/adt/ruleutils.c (pg_get_partkeydef, get_rule_expr for PartitionBoundSpec).
 */
import type { Catalog } from './catalog.js';
import type { RelationDef, StoredExpr } from './objects.js';
import type { Expr } from '../nodes/primnodes.js';
import { deparseExpr } from './deparse.js';
import { OID } from '../types/oids.js';
import { baseTypeOf, typeInfo } from '../types/registry.js';
import { DEFAULT_IO_CONTEXT } from '../types/type-io.js';
import type { Value } from '../types/values.js';
import { quoteIdent } from '../functions/builtins/quote.js';
import { valueComparator } from '../functions/builtins/value-compare.js';

/** One column or expression of a partition key. */
export interface PartitionKeyPart {
  /** attnum, or 0 for an expression. */
  readonly attnum: number;
  readonly expr?: StoredExpr;
  /** The key's type (the column's or the expression's). */
  readonly type: number;
  readonly collation?: string;
}

export type PartitionStrategy = 'range' | 'list' | 'hash';

export interface PartitionKey {
  readonly strategy: PartitionStrategy;
  readonly parts: readonly PartitionKeyPart[];
}

/** One datum of a range bound. */
export type RangeDatum = { readonly kind: 'minvalue' } | { readonly kind: 'maxvalue' } | { readonly kind: 'value'; readonly value: Value };

export type PartitionBound =
  | { readonly kind: 'default' }
  | { readonly kind: 'list'; readonly values: readonly Value[] }
  | { readonly kind: 'range'; readonly lower: readonly RangeDatum[]; readonly upper: readonly RangeDatum[] }
  | { readonly kind: 'hash'; readonly modulus: number; readonly remainder: number };

export interface PartitionOf {
  readonly parent: number;
  readonly bound: PartitionBound;
}

/** pg_partitioned_table.partstrat. */
export function strategyChar(s: PartitionStrategy): 'r' | 'l' | 'h' {
  return s === 'range' ? 'r' : s === 'list' ? 'l' : 'h';
}

/** The direct partitions of a partitioned table. */
export function partitionsOf(cat: Catalog, rel: RelationDef): RelationDef[] {
  const out: RelationDef[] = [];
  for (const oid of rel.partitions ?? []) {
    const r = cat.relations.get(oid);
    if (r) out.push(r);
  }
  return out;
}

/** Every partition below `rel` (depth first, each partitioned table before its partitions). */
export function partitionDescendants(cat: Catalog, rel: RelationDef): RelationDef[] {
  const out: RelationDef[] = [];
  const walk = (r: RelationDef) => {
    for (const c of partitionsOf(cat, r)) {
      out.push(c);
      if (c.kind === 'p') walk(c);
    }
  };
  walk(rel);
  return out;
}

/** The leaf partitions (those that hold rows) below a partitioned table. */
export function partitionLeaves(cat: Catalog, rel: RelationDef): RelationDef[] {
  return partitionDescendants(cat, rel).filter((r) => r.kind !== 'p');
}

/** The top of the partition tree `rel` belongs to (itself when it is no partition). */
export function partitionRoot(cat: Catalog, rel: RelationDef): RelationDef {
  let r = rel;
  while (r.partitionOf) r = cat.relation(r.partitionOf.parent);
  return r;
}

/** The name of a relation as regclass prints it (qualified unless in public / pg_catalog). */
function relName(cat: Catalog, rel: RelationDef): string {
  const ns = cat.namespaceName(rel.namespace);
  return ns === 'public' || ns === 'pg_catalog' ? quoteIdent(rel.name) : `${quoteIdent(ns)}.${quoteIdent(rel.name)}`;
}
export { relName as partitionRelName };

/** The text of one key part: the column name, or the expression (as ruleutils prints it, plain). */
export function keyPartText(cat: Catalog, rel: RelationDef, p: PartitionKeyPart, pretty = false): string {
  if (p.attnum) return quoteIdent(rel.columns[p.attnum - 1].name);
  return deparseExpr({ cat, columnName: (a) => quoteIdent(rel.columns[a - 1].name), pretty, fallback: p.expr!.text }, p.expr!.expr);
}

/** pg_get_partkeydef: `RANGE (logdate)`, `LIST (region)`, `HASH (id)`, `RANGE (((a + 1)))`. */
export function partitionKeyDef(cat: Catalog, rel: RelationDef): string {
  const key = rel.partitionKey!;
  const parts = key.parts.map((p) => {
    if (p.attnum) return quoteIdent(rel.columns[p.attnum - 1].name);
    const e = p.expr!.expr;
    const text = keyPartText(cat, rel, p);
    return e.kind === 'FuncExpr' ? text : `(${text})`;
  });
  return `${key.strategy.toUpperCase()} (${parts.join(', ')})`;
}

/** A bound datum as get_const_expr prints it without a type label. */
export function boundValueText(cat: Catalog, type: number, v: Value): string {
  if (v === null) return 'NULL';
  const info = typeInfo(cat, type);
  const text = info.io.output(v, DEFAULT_IO_CONTEXT);
  switch (baseTypeOf(cat, type)) {
    case OID.int2:
    case OID.int4:
    case OID.int8:
    case OID.oid:
    case OID.float4:
    case OID.float8:
    case OID.numeric:
      return /^[0-9]/.test(text) && !/[a-zA-Z]/.test(text.replace(/e[+-]?\d+$/, '')) ? text : `'${text}'`;
    case OID.bool:
      return v ? 'true' : 'false';
  }
  return `'${text.replace(/'/g, "''")}'`;
}

function rangeDatumsText(cat: Catalog, key: PartitionKey, ds: readonly RangeDatum[]): string {
  return `(${ds.map((d, i) => (d.kind === 'minvalue' ? 'MINVALUE' : d.kind === 'maxvalue' ? 'MAXVALUE' : boundValueText(cat, key.parts[i].type, d.value))).join(', ')})`;
}
export { rangeDatumsText };

/** pg_get_expr(relpartbound, oid): `FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')`, `DEFAULT`. */
export function partitionBoundText(cat: Catalog, rel: RelationDef): string {
  const po = rel.partitionOf!;
  const parent = cat.relations.get(po.parent);
  const key = parent?.partitionKey;
  const b = po.bound;
  if (b.kind === 'default' || !key) return 'DEFAULT';
  if (b.kind === 'hash') return `FOR VALUES WITH (modulus ${b.modulus}, remainder ${b.remainder})`;
  if (b.kind === 'list') return `FOR VALUES IN (${b.values.map((v) => boundValueText(cat, key.parts[0].type, v)).join(', ')})`;
  return `FOR VALUES FROM ${rangeDatumsText(cat, key, b.lower)} TO ${rangeDatumsText(cat, key, b.upper)}`;
}

/** pg_get_expr of a relpartbound value (`{FAUXGRES :partbound <oid>}`): the bound's text; undefined for other trees. */
export function partitionBoundTree(cat: Catalog, tree: string): string | null | undefined {
  const m = /^\{FAUXGRES :partbound (\d+)\}$/.exec(tree);
  if (!m) return undefined;
  const rel = cat.relations.get(Number(m[1]));
  return rel?.partitionOf ? partitionBoundText(cat, rel) : null;
}

/** A relation's parent in a partition tree (a partition's table, a partition index's index). */
function treeParent(cat: Catalog, oid: number): number | undefined {
  const r = cat.relations.get(oid);
  return r?.partitionOf?.parent ?? r?.index?.parentIndex;
}

function inTree(cat: Catalog, oid: number): boolean {
  const r = cat.relations.get(oid);
  if (!r) return false;
  if (r.kind === 'p' || r.partitionOf || r.index?.parentIndex !== undefined) return true;
  return r.kind === 'i' && cat.relations.get(r.index!.relation)?.kind === 'p';
}

/** pg_partition_ancestors: the relation itself, then its parents up to the root (empty outside a tree). */
export function partitionAncestors(cat: Catalog, oid: number): number[] {
  if (!inTree(cat, oid)) return [];
  const out = [oid];
  for (let p = treeParent(cat, oid); p !== undefined; p = treeParent(cat, p)) out.push(p);
  return out;
}

/** pg_partition_tree: the relation and everything below it, with parent, leaf flag and depth. */
export function partitionTree(cat: Catalog, oid: number): { relid: number; parent: number | null; leaf: boolean; level: number }[] {
  if (!inTree(cat, oid)) return [];
  const children = (o: number): number[] => {
    const r = cat.relations.get(o)!;
    if (r.kind === 'p') return [...(r.partitions ?? [])];
    if (r.kind === 'i') return [...cat.relations.values()].filter((x) => x.index?.parentIndex === o).map((x) => x.oid);
    return [];
  };
  const isLeaf = (o: number) => {
    const r = cat.relations.get(o)!;
    return r.kind === 'i' ? cat.relations.get(r.index!.relation)?.kind !== 'p' : r.kind !== 'p';
  };
  const out: { relid: number; parent: number | null; leaf: boolean; level: number }[] = [];
  const queue: { oid: number; level: number }[] = [{ oid, level: 0 }];
  while (queue.length) {
    const { oid: o, level } = queue.shift()!;
    out.push({ relid: o, parent: treeParent(cat, o) ?? null, leaf: isLeaf(o), level });
    for (const c of children(o)) queue.push({ oid: c, level: level + 1 });
  }
  return out;
}

/** A constant as ruleutils prints it in an expression (`'2024-01-01'::date`, `1`, `'x'::text`). */
function constExprText(cat: Catalog, type: number, v: Value): string {
  return deparseExpr({ cat, columnName: () => '?' }, { kind: 'Const', type, typmod: -1, value: v } as Expr);
}

/**
 * pg_get_partition_constraintdef: the partition's implicit constraint (its ancestors' first),
 * as get_qual_for_list / get_qual_for_range / get_qual_for_hash build it. Undefined for shapes
 * not printed here (multi-column ranges, default partitions).
 */
export function partitionConstraintDef(cat: Catalog, rel: RelationDef): string | null | undefined {
  if (!rel.partitionOf) return null;
  const parts: string[] = [];
  const chain: RelationDef[] = [];
  for (let r: RelationDef | undefined = rel; r?.partitionOf; r = cat.relations.get(r.partitionOf.parent)) chain.unshift(r);
  for (const r of chain) {
    const parent = cat.relation(r.partitionOf!.parent);
    const key = parent.partitionKey!;
    const b = r.partitionOf!.bound;
    const col = (i: number) => keyPartText(cat, parent, key.parts[i]);
    if (b.kind === 'default') {
      const part = defaultPartitionQual(cat, parent, col(0));
      if (part === undefined) return undefined;
      if (part !== null) parts.push(part);
      continue;
    }
    if (b.kind === 'hash') {
      parts.push(`satisfies_hash_partition('${parent.oid}'::oid, ${b.modulus}, ${b.remainder}, ${key.parts.map((_, i) => col(i)).join(', ')})`);
      continue;
    }
    if (b.kind === 'list') {
      const type = key.parts[0].type;
      const vals = b.values.filter((v) => v !== null);
      const hasNull = vals.length !== b.values.length;
      const eq = vals.length === 0 ? undefined : vals.length === 1 ? `(${col(0)} = ${constExprText(cat, type, vals[0])})` : `(${col(0)} = ANY (ARRAY[${vals.map((v) => constExprText(cat, type, v)).join(', ')}]))`;
      if (hasNull) parts.push(eq ? `((${col(0)} IS NULL) OR ${eq})` : `(${col(0)} IS NULL)`);
      else {
        parts.push(`(${col(0)} IS NOT NULL)`);
        if (eq) parts.push(eq);
      }
      continue;
    }
    if (key.parts.length !== 1) return undefined;
    const type = key.parts[0].type;
    parts.push(`(${col(0)} IS NOT NULL)`);
    if (b.lower[0].kind === 'value') parts.push(`(${col(0)} >= ${constExprText(cat, type, b.lower[0].value)})`);
    if (b.upper[0].kind === 'value') parts.push(`(${col(0)} < ${constExprText(cat, type, b.upper[0].value)})`);
  }
  if (!parts.length) return null;
  return parts.length === 1 ? parts[0] : `(${parts.join(' AND ')})`;
}

/**
 * A default partition's constraint: NOT (what the other partitions take), their values / ranges in
 * bound order. Null when there are no other partitions; undefined for shapes not printed here.
 */
function defaultPartitionQual(cat: Catalog, parent: RelationDef, col: string): string | null | undefined {
  const key = parent.partitionKey!;
  if (key.parts.length !== 1) return undefined;
  const type = key.parts[0].type;
  const cmp = valueComparator(cat, type, key.parts[0].collation);
  const others = partitionsOf(cat, parent).map((p) => p.partitionOf!.bound).filter((b) => b.kind !== 'default');
  if (!others.length) return null;
  if (key.strategy === 'list') {
    const vals: Value[] = [];
    let hasNull = false;
    for (const b of others) {
      if (b.kind !== 'list') return undefined;
      for (const v of b.values) if (v === null) hasNull = true; else vals.push(v);
    }
    if (!vals.length) return undefined;
    vals.sort(cmp);
    const eq = vals.length === 1 ? `(${col} = ${constExprText(cat, type, vals[0])})` : `(${col} = ANY (ARRAY[${vals.map((v) => constExprText(cat, type, v)).join(', ')}]))`;
    return hasNull ? `(NOT ((${col} IS NULL) OR ${eq}))` : `(NOT ((${col} IS NOT NULL) AND ${eq}))`;
  }
  if (key.strategy !== 'range') return undefined;
  const ranges = others.filter((b): b is Extract<PartitionBound, { kind: 'range' }> => b.kind === 'range');
  const rank = (d: RangeDatum) => (d.kind === 'minvalue' ? -1 : d.kind === 'maxvalue' ? 1 : 0);
  ranges.sort((a, b) => rank(a.lower[0]) - rank(b.lower[0]) || (a.lower[0].kind === 'value' && b.lower[0].kind === 'value' ? cmp(a.lower[0].value, b.lower[0].value) : 0));
  const exprs: string[] = [];
  for (const r of ranges) {
    const lo = r.lower[0].kind === 'value' ? `(${col} >= ${constExprText(cat, type, r.lower[0].value)})` : undefined;
    const hi = r.upper[0].kind === 'value' ? `(${col} < ${constExprText(cat, type, r.upper[0].value)})` : undefined;
    if (!lo && !hi) return undefined;
    exprs.push(lo && hi ? `(${lo} AND ${hi})` : (lo ?? hi)!);
  }
  return `(NOT ((${col} IS NOT NULL) AND ${exprs.length > 1 ? `(${exprs.join(' OR ')})` : exprs[0]}))`;
}
