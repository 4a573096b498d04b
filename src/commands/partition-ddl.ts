/**
 * Declarative partitioning DDL: CREATE TABLE ... PARTITION BY (the partition key), CREATE TABLE
 * ... PARTITION OF (inherited columns, defaults, CHECK and NOT NULL constraints, indexes and row
 * triggers), indexes on a partitioned table cascading to its partitions, DROP of partition trees.
 * Bounds are in partition-bounds.ts, ATTACH / DETACH and ALTER TABLE recursion in partition-alter.ts.
 *
 * Postgres counterpart: commands/tablecmds.c (DefineRelation, ComputePartitionAttrs,
 * CloneRowTriggersToPartition), commands/indexcmds.c (DefineIndex's recursion).
 * Known gaps: operator classes and collations in the key; a partition has its parent's column
 * layout attnum for attnum (a parent's dropped columns stay dropped in partitions made later).
 */
import type { Catalog } from '../catalog/catalog.js';
import type { ColumnDef, ExclusionOperator, IndexInfo, IndexKey, RelationDef, TriggerDef } from '../catalog/objects.js';
import { partitionMap } from '../catalog/inheritance.js';
import { partitionsOf, type PartitionBound, type PartitionKey, type PartitionKeyPart } from '../catalog/partition.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { openRelation } from '../analyze/relation.js';
import { hashSupport } from '../types/hash-support.js';
import { isNondeterministic } from '../types/collation.js';
import { resolveIndexOpclass } from './index-opclass.js';
import { baseTypeOf, formatType, typeInfo } from '../types/registry.js';
import type { Session } from '../session/session.js';
import { analyzeTableExpr } from './column-expr.js';
import { checkReplaceable } from './trigger.js';
import { defineIndex } from './create-index.js';
import { chooseName } from './naming.js';
import { remapVars } from './create-table.js';

import { STRATEGIES, checkDefaultContents, checkNewBound, position, transformBound } from './partition-bounds.js';
import { referencedAttnums, unlinkPartition } from './partition-alter.js';
import { SYSTEM_COLUMNS } from '../analyze/system-columns.js';
import { matchingPartIndex } from './partition-index.js';
import { checkRelationOwner } from './owner.js';

type AnyNode = Record<string, any>;

// ---- CREATE TABLE ... PARTITION BY ----------------------------------------------------------

/** ComputePartitionAttrs: the key of a new partitioned table (its columns already exist). */
export function definePartitionKey(session: Session, cat: Catalog, rel: RelationDef, spec: AnyNode, sql: string): PartitionKey {
  const strategy = STRATEGIES[spec.strategy];
  if (!strategy) throw featureNotSupported(`partition strategy ${spec.strategy}`);
  const params = (spec.partParams ?? []) as AnyNode[];
  if (strategy === 'list' && params.length > 1) {
    throw new PgError(SQLSTATE.invalid_object_definition, 'cannot use "list" partition strategy with more than one column');
  }
  const parts: PartitionKeyPart[] = params.map((p) => {
    const e = p.PartitionElem;
    if (e.collation?.length) throw featureNotSupported('COLLATE in a partition key', e.location);
    if (e.name) {
      const col = rel.columns.find((c) => c.name === e.name && !c.dropped);
      if (!col && SYSTEM_COLUMNS.has(e.name)) throw new PgError(SQLSTATE.invalid_object_definition, `cannot use system column "${e.name}" in partition key`, { position: position(sql, e.location) });
      if (!col) throw new PgError(SQLSTATE.undefined_column, `column "${e.name}" named in partition key does not exist`, { position: position(sql, e.location) });
      if (col.generated) throw featureNotSupported('generated columns in a partition key', e.location);
      return { attnum: col.attnum, type: col.type, collation: col.collation };
    }
    const ex = analyzeTableExpr(session, cat, rel, e.expr, 'partition key', sql);
    if (ex.mutable) throw new PgError(SQLSTATE.invalid_object_definition, 'functions in partition key expression must be marked IMMUTABLE');
    // (an immutable expression of no column folds to a constant)
    if (!referencedAttnums(ex.expr).size) throw new PgError(SQLSTATE.invalid_object_definition, 'cannot use constant expression as partition key');
    const info = typeInfo(cat, ex.expr.type);
    return { attnum: 0, expr: ex, type: ex.expr.type, collation: info.category === 'S' ? 'default' : undefined };
  });
  parts.forEach((p, i) => {
    if (typeInfo(cat, p.type).category === 'P') throw new PgError(SQLSTATE.invalid_table_definition, `partition key column ${i + 1} has pseudo-type ${formatType(cat, p.type)}`);
    checkPartitionOpclass(cat, strategy, params[i].PartitionElem, p.type);
    // Postgres hashes such text by its ICU sort key; routing by bytes would split equal values.
    if (strategy === 'hash' && isNondeterministic(p.collation)) throw featureNotSupported('hash partitioning on a column with a nondeterministic collation');
  });
  return { strategy, parts };
}

/**
 * The key column's operator class (ComputePartitionAttrs): a named one must exist for the method
 * (hash for HASH, btree otherwise) and accept the type; only a type's default class is supported.
 * Without one, a hash key needs the type's default hash class.
 */
function checkPartitionOpclass(cat: Catalog, strategy: string, e: AnyNode, type: number): void {
  const method = strategy === 'hash' ? 'hash' : 'btree';
  if (e.opclass?.length) {
    const names = (e.opclass as AnyNode[]).map((n) => n.String.sval as string);
    const nonDefault = resolveIndexOpclass(cat, method, names, undefined, type);
    if (nonDefault !== undefined) throw featureNotSupported(`operator class "${names.join('.')}" in a partition key`, e.location);
  } else if (method === 'hash' && !hashSupport(cat, type)) {
    throw new PgError(SQLSTATE.undefined_object, `data type ${formatType(cat, type)} has no default operator class for access method "hash"`, {
      hint: 'You must specify a hash operator class or define a default hash operator class for the data type.',
    });
  }
}

/**
 * A unique index or constraint on a partitioned table must contain every key column (each
 * partition's own index enforces it then): Postgres's check in DefineIndex.
 */
export function checkUniqueCoversKey(cat: Catalog, rel: RelationDef, keys: readonly IndexKey[], what: string, exclusion?: readonly ExclusionOperator[]): void {
  for (let cur: RelationDef | undefined = rel; cur?.partitionKey; cur = undefined) {
    for (const p of cur.partitionKey.parts) {
      if (!p.attnum) {
        throw new PgError(SQLSTATE.feature_not_supported, `unsupported ${what} constraint with partition key definition`, {
          detail: `${what} constraints cannot be used when partition keys include expressions.`,
        });
      }
      const col = rel.columns[p.attnum - 1].name;
      const j = keys.findIndex((k) => k.attnum === p.attnum);
      // An exclusion constraint must compare the key column with equality (indexcmds.c DefineIndex).
      if (j >= 0 && exclusion && exclusion[j].name !== '=') {
        throw new PgError(SQLSTATE.feature_not_supported, `cannot match partition key to index on column "${col}" using non-equal operator "${exclusion[j].name}"`);
      }
      if (j < 0) {
        throw new PgError(SQLSTATE.feature_not_supported, 'unique constraint on partitioned table must include all partitioning columns', {
          detail: `${what} constraint on table "${rel.name}" lacks column "${col}" which is part of the partition key.`,
        });
      }
    }
  }
  void cat;
}

// ---- CREATE TABLE ... PARTITION OF ----------------------------------------------------------

/** The parent named in PARTITION OF (it must be a partitioned table). */
export function partitionParent(session: Session, n: AnyNode, sql: string): RelationDef {
  const pr = (n.inhRelations as AnyNode[])[0].RangeVar;
  const parent = openRelation(session.transaction().catalog, session.searchPath(), { schema: pr.schemaname, name: pr.relname });
  if (parent.kind !== 'p') {
    if (parent.kind === 'r') throw new PgError(SQLSTATE.invalid_object_definition, `"${parent.name}" is not partitioned`);
    throw new PgError(SQLSTATE.wrong_object_type, `"${parent.name}" is not a table`);
  }
  if (parent.persistence === 't' && n.relation.relpersistence !== 't') {
    throw new PgError(SQLSTATE.wrong_object_type, `cannot create a permanent relation as partition of temporary relation "${parent.name}"`);
  }
  if (parent.persistence !== 't' && n.relation.relpersistence === 't') {
    throw new PgError(SQLSTATE.wrong_object_type, `cannot create a temporary relation as partition of permanent relation "${parent.name}"`);
  }
  checkRelationOwner(session, session.transaction().catalog, parent);
  return parent;
}

/**
 * The column nodes of a partition: the parent's columns (as LIKE entries), with the options a
 * PARTITION OF column list gives them (`col WITH OPTIONS DEFAULT ..., NOT NULL, CHECK`).
 */
export function partitionColumnNodes(parent: RelationDef, elts: readonly AnyNode[], location: number): { cols: AnyNode[]; rest: AnyNode[] } {
  // The parent's dropped columns are not copied: such a partition has its own layout.
  const cols: AnyNode[] = parent.columns.filter((c) => !c.dropped).map((c) => ({ __like: c, __partition: true, colname: c.name, location, constraints: [] as AnyNode[] }));
  const rest: AnyNode[] = [];
  for (const el of elts) {
    if (!el.ColumnDef) {
      rest.push(el);
      continue;
    }
    const cd = el.ColumnDef;
    const target = cols.find((x) => !x.__like.dropped && x.colname === cd.colname);
    if (!target) throw new PgError(SQLSTATE.undefined_column, `column "${cd.colname}" does not exist`);
    if (target.__override) throw new PgError(SQLSTATE.duplicate_column, `column "${cd.colname}" specified more than once`);
    target.__override = true;
    target.constraints = cd.constraints ?? [];
  }
  return { cols, rest };
}

/**
 * Makes `rel` a partition of `parent` with `bound`: records it on both, and gives the partition
 * the parent's CHECK constraints and indexes it lacks.
 */
export function linkPartition(session: Session, cat: Catalog, parent: RelationDef, rel: RelationDef, bound: PartitionBound, inherit: boolean): void {
  cat.putRelation({ ...rel, partitionOf: { parent: parent.oid, bound } });
  cat.putRelation({ ...cat.relation(parent.oid), partitions: [...(cat.relation(parent.oid).partitions ?? []), rel.oid] });
  if (!inherit) return;
  const own = cat.relationConstraints(rel.oid);
  // A partition with its own column layout gets the parent's expressions in its attnums.
  const map = partitionAttnums(parent, rel);
  for (const k of cat.relationConstraints(parent.oid)) {
    if (k.kind !== 'c' || k.noInherit || own.some((o) => o.kind === 'c' && o.name === k.name)) continue;
    cat.putConstraint({ ...k, oid: session.db.newOid(), relation: rel.oid, namespace: rel.namespace, ...(map ? { columns: k.columns.map((a) => map.get(a) ?? a), check: remapVars(k.check, map) } : {}) });
  }
  for (const idx of cat.relationIndexes(parent.oid)) cloneIndex(session, cat, idx, cat.relation(rel.oid));
  cloneRowTriggers(session, cat, cat.relation(parent.oid), cat.relationTriggers(parent.oid).filter((t) => t.level === 'row'), [cat.relation(rel.oid)]);
}

/** CloneRowTriggersToPartition: the partitions' copies of a partitioned table's row triggers (recursively). */
export function cloneRowTriggers(session: Session, cat: Catalog, parent: RelationDef, triggers: readonly TriggerDef[], only?: readonly RelationDef[], replace = false): void {
  for (const part of only ?? partitionsOf(cat, parent)) {
    const mine = cat.relationTriggers(part.oid);
    const clones: TriggerDef[] = [];
    // A partition with another column layout: WHEN and UPDATE OF in its own attnums.
    const map = partitionAttnums(parent, part);
    for (const t of triggers) {
      // CREATE OR REPLACE on the parent replaces the partitions' triggers of that name too.
      const existing = mine.find((m) => m.name === t.name);
      if (existing) checkReplaceable(existing, part, replace, true);
      const c: TriggerDef = {
        ...t, oid: existing?.oid ?? session.db.newOid(), relation: part.oid, parentTrigger: t.oid,
        ...(map && t.when ? { when: { ...t.when, expr: remapVars(t.when.expr, map) } } : {}),
        ...(map ? { updateColumns: t.updateColumns.map((a) => map.get(a) ?? a) } : {}),
      };
      cat.putTrigger(c);
      clones.push(c);
    }
    if (part.kind === 'p' && clones.length) cloneRowTriggers(session, cat, part, clones, undefined, replace);
  }
}

/** Removes the partitions' clones of a trigger (DROP TRIGGER on the partitioned table). */
export function dropTriggerClones(cat: Catalog, trigger: number): void {
  for (const t of [...cat.triggers.values()]) {
    if (t.parentTrigger !== trigger) continue;
    dropTriggerClones(cat, t.oid);
    cat.removeTrigger(t.oid);
  }
}

/** DefineIndex's recursion: the partition's copy of a partitioned table's index. */
/** parent attnum -> partition attnum, when a partition has another column layout than its parent. */
export function partitionAttnums(parent: RelationDef, rel: RelationDef): Map<number, number> | undefined {
  const m = partitionMap(parent, rel);
  if (!m) return undefined;
  const out = new Map<number, number>();
  m.forEach((j, i) => {
    if (j >= 0) out.set(i + 1, j + 1);
  });
  return out;
}

/** An index's definition in a partition's attnums (its column layout may differ from the table the index is on). */
function indexInLayout(info: IndexInfo, map: Map<number, number> | undefined): IndexInfo {
  if (!map) return info;
  return {
    ...info,
    keys: info.keys.map((k) => ({ ...k, attnum: k.attnum ? (map.get(k.attnum) ?? k.attnum) : 0, ...(k.expr ? { expr: remapVars(k.expr, map) } : {}) })),
    include: info.include.map((a) => map.get(a) ?? a),
    ...(info.predicate ? { predicate: remapVars(info.predicate, map) } : {}),
  };
}

/**
 * Gives partition `rel` its part of the partitioned index `parentIdx`: an equivalent index it has
 * is attached (an invalid one only when `attachInvalid`: CREATE INDEX takes it and is invalid
 * then, ATTACH PARTITION passes it over), else a copy is made. Returns whether the part is valid.
 */
export function cloneIndex(session: Session, cat: Catalog, parentIdx: RelationDef, rel: RelationDef, attachInvalid = false): boolean {
  const info = indexInLayout(parentIdx.index!, partitionAttnums(cat.relation(parentIdx.index!.relation), rel));
  const con = info.constraint !== undefined ? cat.constraints.get(info.constraint) : undefined;
  // An equivalent index the partition already has is attached instead of duplicated.
  const same = matchingPartIndex(cat, session, parentIdx, rel, !attachInvalid);
  if (same) {
    cat.putRelation({ ...same, index: { ...same.index!, parentIndex: parentIdx.oid } });
    const own = same.index!.constraint !== undefined ? cat.constraints.get(same.index!.constraint) : undefined;
    if (con && own) cat.putConstraint({ ...own, parentConstraint: con.oid, inhCount: 1, notLocal: true });
    return !same.index!.invalid;
  }
  // A partitioned partition's own key must cover the parent's unique key too.
  if (rel.kind === 'p' && (info.unique || info.exclusion)) checkUniqueCoversKey(cat, rel, info.keys, info.primary ? 'PRIMARY KEY' : info.exclusion ? 'EXCLUDE' : 'UNIQUE', info.exclusion);
  if (info.primary && cat.relationIndexes(rel.oid).some((i) => i.index?.primary)) {
    throw new PgError(SQLSTATE.invalid_table_definition, `multiple primary keys for table "${rel.name}" are not allowed`);
  }
  const colNames = info.keys.map((k) => (k.attnum ? rel.columns[k.attnum - 1].name : k.expr?.expr.kind === 'FuncExpr' ? (k.expr.expr as { name: string }).name : 'expr'));
  for (const a of info.include) colNames.push(rel.columns[a - 1].name);
  const label = info.primary ? 'pkey' : info.exclusion ? 'excl' : con?.kind === 'u' ? 'key' : 'idx';
  const name = chooseName(cat, rel.namespace, rel.name, info.primary ? undefined : colNames.join('_'), label, new Set(), true);
  const oid = defineIndex(session, cat, rel, {
    name, keys: [...info.keys], unique: info.unique, primary: info.primary, nullsNotDistinct: info.nullsNotDistinct, include: [...info.include],
    predicate: info.predicate, method: info.method, exclusion: info.exclusion,
  });
  const idx = cat.relation(oid);
  let constraint: number | undefined;
  if (con) {
    constraint = session.db.newOid();
    const amap = partitionAttnums(cat.relation(parentIdx.index!.relation), rel);
    cat.putConstraint({
      ...con, oid: constraint, name, relation: rel.oid, namespace: rel.namespace, index: oid, parentConstraint: con.oid, inhCount: 1, notLocal: true, noInherit: false,
      ...(amap ? { columns: con.columns.map((a) => amap.get(a) ?? a) } : {}),
    });
    if (info.primary) {
      const r = cat.relation(rel.oid);
      // The key columns become NOT NULL: a partition's stored rows are scanned first.
      if (r.kind !== 'p') {
        const txn = session.transaction();
        for (const c of r.columns) {
          if (c.notNull || !info.keys.some((k) => k.attnum === c.attnum)) continue;
          for (const t of txn.heap(r).all()) {
            if (txn.visible(t) && (t.values[c.attnum - 1] ?? c.missing ?? null) === null) {
              throw new PgError(SQLSTATE.not_null_violation, `column "${c.name}" of relation "${r.name}" contains null values`, { schema: cat.namespaceName(r.namespace), table: r.name, column: c.name });
            }
          }
        }
      }
      cat.putRelation({ ...r, columns: r.columns.map((c) => (info.keys.some((k) => k.attnum === c.attnum) ? { ...c, notNull: true } : c)) });
    }
  }
  cat.putRelation({ ...idx, index: { ...idx.index!, parentIndex: parentIdx.oid, ...(constraint !== undefined ? { constraint } : {}) } });
  return rel.kind === 'p' ? cloneIndexToPartitions(session, cat, cat.relation(oid), attachInvalid) : true;
}

/** A new partitioned index's parts in each partition; one with an invalid part is invalid itself. */
export function cloneIndexToPartitions(session: Session, cat: Catalog, idx: RelationDef, attachInvalid: boolean): boolean {
  let valid = true;
  for (const c of partitionsOf(cat, cat.relation(idx.index!.relation))) if (!cloneIndex(session, cat, cat.relation(idx.oid), c, attachInvalid)) valid = false;
  if (!valid) cat.putRelation({ ...cat.relation(idx.oid), index: { ...cat.relation(idx.oid).index!, invalid: true } });
  return valid;
}

/** After CREATE TABLE ... PARTITION OF built the table: the bound, inherited defaults and objects. */
export function finishPartitionOf(session: Session, cat: Catalog, relOid: number, parent: RelationDef, spec: AnyNode, sql: string): void {
  const rel = cat.relation(relOid);
  const bound = transformBound(session, cat, parent, spec, sql);
  checkNewBound(cat, parent, rel.name, bound, spec, sql);
  checkDefaultContents(session, cat, parent, bound);
  // Inherited defaults, identity and generation expressions (a column option overrides the default).
  // (columns match by name: a parent with dropped columns has another layout than the partition)
  const map = partitionAttnums(parent, rel);
  const columns: ColumnDef[] = rel.columns.map((c) => {
    const p = parent.columns.find((x) => !x.dropped && x.name === c.name)!;
    const pd = map ? remapVars(p.default, map) : p.default;
    const pg = map && p.generated ? { ...p.generated, expr: remapVars(p.generated.expr, map) } : p.generated;
    return { ...c, default: c.default ?? pd, generated: pg, identity: p.identity };
  });
  cat.putRelation({ ...rel, columns });
  // Inherited NOT NULL constraints keep the parent's names.
  for (const k of cat.relationConstraints(parent.oid)) {
    if (k.kind !== 'n') continue;
    const att = map ? map.get(k.columns[0]) : k.columns[0];
    const mine = cat.relationConstraints(relOid).find((o) => o.kind === 'n' && o.columns[0] === att);
    if (mine && mine.name !== k.name && !cat.relationConstraints(relOid).some((o) => o.name === k.name)) cat.putConstraint({ ...mine, name: k.name });
  }
  linkPartition(session, cat, parent, cat.relation(relOid), bound, true);
}

/**
 * DROP of a partitioned table drops its partitions (no NOTICE: they are part of it); DROP of a
 * partition removes it from its parent; DROP of a partitioned index drops its partitions' copies.
 */
export function dropPartitionLinks(
  session: Session,
  cat: Catalog,
  rel: RelationDef,
  dropping: Set<number>,
  drop: (session: Session, cat: Catalog, rel: RelationDef, dropping: Set<number>) => void,
): void {
  if (rel.kind === 'p') {
    for (const c of partitionsOf(cat, rel)) if (cat.relations.has(c.oid)) drop(session, cat, c, dropping);
  }
  if (rel.partitionOf && !dropping.has(rel.partitionOf.parent)) unlinkPartition(cat, rel);
  if (rel.kind === 'i') dropChildIndexes(session, cat, rel, dropping, drop);
}

function dropChildIndexes(session: Session, cat: Catalog, idx: RelationDef, dropping: Set<number>, drop: (session: Session, cat: Catalog, rel: RelationDef, dropping: Set<number>) => void): void {
  for (const r of [...cat.relations.values()]) {
    if (r.kind === 'i' && r.index?.parentIndex === idx.oid && !dropping.has(r.oid)) drop(session, cat, r, dropping);
  }
}

