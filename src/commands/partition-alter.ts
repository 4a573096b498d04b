/**
 * ALTER TABLE on partition trees: ATTACH / DETACH PARTITION (layout, NOT NULL, CHECK and row
 * checks, the default partition, inherited foreign keys), and the subcommands that recurse from
 * a partitioned table to its partitions or that Postgres refuses on partitions.
 * Postgres counterpart: commands/tablecmds.c (ATExecAttachPartition, ATExecDetachPartition,
 * ATSimpleRecursion and the inheritance checks of ATPrepCmd).
 */
import type { Catalog } from '../catalog/catalog.js';
import type { ColumnDef, ConstraintDef, RelationDef } from '../catalog/objects.js';
import { ModifyState } from '../executor/modify-table.js';
import { checkPartitionRemove, runRiQueue } from '../executor/ri.js';
import { partitionDescendants, partitionLeaves, partitionsOf } from '../catalog/partition.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { openRelation } from '../analyze/relation.js';
import { partitionMap } from '../catalog/inheritance.js';
import { fitsPartition } from '../executor/partition-route.js';
import type { Session } from '../session/session.js';
import { makeExecContext } from '../session/run-select.js';

import { checkDefaultContents, checkNewBound, position, transformBound } from './partition-bounds.js';
import { mergePartitionKeys, unmergePartitionKeys } from './partition-fk.js';
import { checkUniqueCoversKey, cloneIndexToPartitions, dropTriggerClones, linkPartition, partitionAttnums } from './partition-ddl.js';
import { indexShape, validatePartitionedIndex } from './partition-index.js';
import { relkindNotSupportedDetail } from './relkind-detail.js';

type AnyNode = Record<string, any>;

// ---- ALTER TABLE ... ATTACH / DETACH PARTITION -------------------------------------------------

/** Whether a table has the parent's column layout (names, types, attnums) so rows need no mapping. */
function sameLayout(parent: RelationDef, rel: RelationDef): string | undefined {
  for (const c of rel.columns) {
    if (c.dropped) continue;
    const p = parent.columns.find((x) => x.name === c.name && !x.dropped);
    if (!p) return `table "${rel.name}" contains column "${c.name}" not found in parent "${parent.name}"`;
  }
  for (const p of parent.columns) {
    if (p.dropped) continue;
    const c = rel.columns.find((x) => x.name === p.name && !x.dropped);
    if (!c) return `child table is missing column "${p.name}"`;
    if (c.type !== p.type || c.typmod !== p.typmod) return `child table "${rel.name}" has different type for column "${p.name}"`;
  }
  return undefined;
}

export function attachPartition(session: Session, parent: RelationDef, cmd: AnyNode, sql: string): void {
  const txn = session.transaction();
  const pc = cmd.def.PartitionCmd;
  const rv = pc.name;
  const cat = txn.catalogForWrite();
  parent = cat.relation(parent.oid);
  if (parent.kind !== 'p') {
    throw new PgError(SQLSTATE.wrong_object_type, `table "${parent.name}" is not partitioned`);
  }
  const rel = openRelation(cat, session.searchPath(), { schema: rv.schemaname, name: rv.relname }, position(sql, rv.location));
  if (rel.kind !== 'r' && rel.kind !== 'p') throw new PgError(SQLSTATE.wrong_object_type, `"${rel.name}" is not a table`);
  if (rel.partitionOf) {
    throw new PgError(SQLSTATE.wrong_object_type, `"${rel.name}" is already a partition`);
  }
  if (rel.oid === parent.oid) throw new PgError(SQLSTATE.duplicate_table, `relation "${rel.name}" is already a partition of "${parent.name}"`);
  const ownIdentity = rel.columns.find((c) => !c.dropped && c.identity);
  if (ownIdentity) {
    throw new PgError(SQLSTATE.object_not_in_prerequisite_state, `table "${rel.name}" being attached contains an identity column "${ownIdentity.name}"`, { detail: 'The new partition may not contain an identity column.' });
  }
  const mismatch = sameLayout(parent, rel);
  if (mismatch) throw new PgError(SQLSTATE.datatype_mismatch, mismatch);
  // The table may have its columns in another order, or dropped ones: rows are mapped by name.
  for (const p of parent.columns) {
    if (p.notNull && !p.dropped && !rel.columns.find((c) => !c.dropped && c.name === p.name)!.notNull) {
      throw new PgError(SQLSTATE.datatype_mismatch, `column "${p.name}" in child table "${rel.name}" must be marked NOT NULL`);
    }
  }
  // (MergeConstraintsIntoExisting scans the parent's constraints in name order)
  for (const k of [...cat.relationConstraints(parent.oid)].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (k.kind !== 'c' || k.noInherit) continue;
    const mine = cat.relationConstraints(rel.oid).find((o) => o.kind === 'c' && o.name === k.name);
    if (!mine) throw new PgError(SQLSTATE.datatype_mismatch, `child table is missing constraint "${k.name}"`);
  }
  const bound = transformBound(session, cat, parent, pc.bound, sql);
  checkNewBound(cat, parent, rel.name, bound, pc.bound, sql);
  checkDefaultContents(session, cat, parent, bound);
  for (let a: RelationDef | undefined = parent; a; a = a.partitionOf ? cat.relations.get(a.partitionOf.parent) : undefined) {
    const fk = cat.relationConstraints(a.oid).find((k) => k.kind === 'f' && k.fk!.refRelation === rel.oid);
    if (fk) throw new PgError(SQLSTATE.feature_not_supported, `cannot attach table "${rel.name}" as a partition because it is referenced by foreign key "${fk.name}"`);
  }
  linkPartition(session, cat, parent, rel, bound, true);
  shareIdentity(cat, cat.relation(parent.oid), cat.relation(rel.oid));
  mergePartitionKeys(cat, cat.relation(rel.oid));
  // Foreign keys of the partitioned table now apply to the attached rows.
  for (let a: RelationDef | undefined = cat.relation(parent.oid); a; a = a.partitionOf ? cat.relation(a.partitionOf.parent) : undefined) {
    for (const fk of cat.relationConstraints(a.oid)) if (fk.kind === 'f' && !fk.notEnforced) validateForeignKeyRows(session, cat, cat.relation(rel.oid), fk, a);
  }
  // The existing rows must satisfy the partition constraint.
  const attached = cat.relation(rel.oid);
  const ctx = makeExecContext(session, []);
  for (const leaf of attached.kind === 'p' ? partitionLeaves(cat, attached) : [attached]) {
    for (const t of txn.heap(leaf).all()) {
      if (!txn.visible(t)) continue;
      if (!fitsPartition(ctx, cat, attached, leaf.columns.map((c, i) => (t.values[i] === undefined ? (c.missing ?? null) : t.values[i])))) {
        throw new PgError(SQLSTATE.check_violation, `partition constraint of relation "${leaf.name}" is violated by some row`, {
          schema: cat.namespaceName(leaf.namespace),
          table: leaf.name,
        });
      }
    }
  }
  cat.bump();
}

export function detachPartition(session: Session, parent: RelationDef, cmd: AnyNode, sql: string): void {
  const pc = cmd.def.PartitionCmd;
  if (pc.concurrent) throw featureNotSupported('DETACH PARTITION ... CONCURRENTLY');
  const txn = session.transaction();
  const cat = txn.catalogForWrite();
  const rv = pc.name;
  const rel = openRelation(cat, session.searchPath(), { schema: rv.schemaname, name: rv.relname }, position(sql, rv.location));
  if (rel.partitionOf?.parent !== parent.oid) {
    throw new PgError(SQLSTATE.undefined_table, `relation "${rel.name}" is not a partition of relation "${parent.name}"`);
  }
  // Rows still referenced through a foreign key to the partitioned table keep it attached.
  checkPartitionRemove(new ModifyState(makeExecContext(session, []), cat), rel);
  // The foreign keys it inherited become its own (as Postgres turns their clones into local constraints).
  // (each with its columns as the partition numbers them: its layout may differ)
  const inherited: ConstraintDef[] = [];
  for (let a: RelationDef | undefined = parent; a; a = a.partitionOf ? cat.relations.get(a.partitionOf.parent) : undefined) {
    const m = partitionMap(a, rel);
    const at = (x: number) => (m ? m[x - 1] + 1 : x);
    for (const k of cat.relationConstraints(a.oid)) {
      if (k.kind !== 'f') continue;
      const setCols = k.fk!.deleteSetColumns;
      inherited.push(m ? { ...k, columns: k.columns.map(at), fk: { ...k.fk!, ...(setCols ? { deleteSetColumns: setCols.map(at) } : {}) } } : k);
    }
  }
  unlinkPartition(cat, rel);
  dropSharedIdentity(cat, cat.relation(parent.oid), cat.relation(rel.oid));
  const merged = unmergePartitionKeys(cat, rel);
  const mine = cat.relationConstraints(rel.oid);
  const copies = new Map<number, number>();
  for (const k of inherited) {
    if (merged.has(k.oid) || mine.some((m) => m.name === k.name)) continue;
    const { parentConstraint: _p, inhCount: _i, notLocal: _n, ...local } = k;
    void _p, void _i, void _n;
    const oid = session.db.newOid();
    cat.putConstraint({ ...local, oid, relation: rel.oid, namespace: rel.namespace });
    copies.set(k.oid, oid);
  }
  // Keys of its partitions merged into an ancestor's now derive from its own copy.
  for (const d of partitionDescendants(cat, cat.relation(rel.oid))) {
    for (const k of cat.relationConstraints(d.oid)) {
      const to = k.parentConstraint !== undefined ? copies.get(k.parentConstraint) : undefined;
      if (to !== undefined) cat.putConstraint({ ...k, parentConstraint: to });
    }
  }
  cat.bump();
}

/**
 * A partition's identity columns are its partitioned table's: same kind, same sequence (here:
 * the same nextval default), down the whole tree (Postgres 18's getIdentitySequence).
 */
export function shareIdentity(cat: Catalog, parent: RelationDef, rel: RelationDef): void {
  let changed = false;
  const columns = rel.columns.map((c) => {
    const p = c.dropped ? undefined : parent.columns.find((x) => !x.dropped && x.name === c.name);
    if (!p?.identity) return c;
    changed = true;
    return { ...c, identity: p.identity, default: p.default };
  });
  if (!changed) return;
  cat.putRelation({ ...rel, columns });
  for (const d of partitionsOf(cat, cat.relation(rel.oid))) shareIdentity(cat, cat.relation(rel.oid), d);
}

/** DETACH: the detached table's columns stop being identity columns (the sequence stays the parent's). */
function dropSharedIdentity(cat: Catalog, parent: RelationDef, rel: RelationDef): void {
  const columns = rel.columns.map((c) => {
    const p = c.dropped || !c.identity ? undefined : parent.columns.find((x) => !x.dropped && x.name === c.name);
    return p?.identity ? { ...c, identity: undefined, default: undefined } : c;
  });
  cat.putRelation({ ...rel, columns });
  for (const d of partitionsOf(cat, cat.relation(rel.oid))) dropSharedIdentity(cat, cat.relation(rel.oid), d);
}

/** Removes a partition from its parent's list (DETACH, DROP of the partition). */
export function unlinkPartition(cat: Catalog, rel: RelationDef): void {
  const po = rel.partitionOf;
  if (!po) return;
  const parent = cat.relations.get(po.parent);
  if (parent) cat.putRelation({ ...parent, partitions: (parent.partitions ?? []).filter((o) => o !== rel.oid) });
  if (cat.relations.has(rel.oid)) {
    const { partitionOf: _drop, ...rest } = cat.relation(rel.oid);
    void _drop;
    cat.putRelation(rest);
    for (const t of cat.relationTriggers(rel.oid)) {
      if (t.parentTrigger === undefined) continue;
      dropTriggerClones(cat, t.oid);
      cat.removeTrigger(t.oid);
    }
    for (const idx of cat.relationIndexes(rel.oid)) {
      if (idx.index?.parentIndex !== undefined) {
        const { parentIndex: _p, ...info } = idx.index;
        void _p;
        cat.putRelation({ ...idx, index: info });
        // (its constraint becomes the partition's own: conislocal, no parent)
        const k = info.constraint !== undefined ? cat.constraints.get(info.constraint) : undefined;
        if (k?.parentConstraint !== undefined) {
          const { parentConstraint: _c, inhCount: _n, notLocal: _l, ...own } = k;
          void _c, void _n, void _l;
          cat.putConstraint(own);
        }
      }
    }
  }
}

/** Subcommands that keep a partition tree's column layout and need nothing more here. */
const LAYOUT_SAFE = new Set(['AT_ReplicaIdentity', 'AT_AlterConstraint', 'AT_ValidateConstraint', 'AT_SetStatistics', 'AT_SetStorage', 'AT_SetOptions', 'AT_ResetOptions', 'AT_ClusterOn', 'AT_DropCluster', 'AT_ChangeOwner', 'AT_EnableRowSecurity', 'AT_DisableRowSecurity', 'AT_ForceRowSecurity', 'AT_NoForceRowSecurity', 'AT_SetLogged', 'AT_SetUnLogged']);

/**
 * ALTER TABLE on a partitioned table or a partition: ATTACH / DETACH PARTITION run here (true:
 * handled); column changes that would break the shared layout raise Postgres's errors or 0A000;
 * anything else goes on through ALTER TABLE (false).
 */
export function alterPartitioned(session: Session, rel: RelationDef, cmds: readonly AnyNode[], sql: string, only = false): boolean {
  for (const cmd of cmds) {
    const sub = cmd.subtype as string;
    const identity = IDENTITY_WORDS[sub];
    if (identity) {
      // ATExecAddIdentity / SetIdentity / DropIdentity: the whole partition tree or nothing.
      if (rel.kind === 'p' && only) throw new PgError(SQLSTATE.invalid_table_definition, `cannot ${identity} only the partitioned table`, { hint: 'Do not specify the ONLY keyword.' });
      if (rel.partitionOf) throw new PgError(SQLSTATE.invalid_table_definition, `cannot ${identity} a partition`);
    }
    if (sub === 'AT_AttachPartition' || sub === 'AT_DetachPartition' || sub === 'AT_DetachPartitionFinalize') {
      if (cmds.length > 1) throw featureNotSupported('ATTACH / DETACH PARTITION with other ALTER TABLE actions');
      if (rel.kind !== 'p') {
        const action = sub === 'AT_AttachPartition' ? 'ATTACH PARTITION' : 'DETACH PARTITION';
        // (a partitioned index takes ATTACH PARTITION, without a bound: ALTER INDEX's form)
        const kind = rel.kind === 'i' && session.catalog().relations.get(rel.index!.relation)?.kind === 'p' ? 'I' : rel.kind;
        if (kind === 'I' && sub === 'AT_AttachPartition') throw new PgError(SQLSTATE.invalid_object_definition, `"${rel.name}" is not a partitioned table`);
        throw new PgError(SQLSTATE.wrong_object_type, `ALTER action ${action} cannot be performed on relation "${rel.name}"`, { detail: relkindNotSupportedDetail(kind) });
      }
      if (sub === 'AT_DetachPartitionFinalize') throw featureNotSupported('DETACH PARTITION ... FINALIZE');
      if (sub === 'AT_AttachPartition') attachPartition(session, rel, cmd, sql);
      else detachPartition(session, rel, cmd, sql);
      return true;
    }
    if (rel.partitionOf) {
      const col = cmd.name as string | undefined;
      if (sub === 'AT_AddColumn') throw new PgError(SQLSTATE.wrong_object_type, 'cannot add column to a partition');
      if (sub === 'AT_DropColumn' && rel.columns.some((c) => c.name === col && !c.dropped)) throw new PgError(SQLSTATE.invalid_table_definition, `cannot drop inherited column "${col}"`);
      if (sub === 'AT_AlterColumnType' && rel.columns.some((c) => c.name === col && !c.dropped)) throw new PgError(SQLSTATE.invalid_table_definition, `cannot alter inherited column "${col}"`, { position: position(sql, cmd.def?.ColumnDef?.location) });
    }
    if (rel.kind === 'p' && !LAYOUT_SAFE.has(sub) && !cascadesToPartitions(cmd)) {
      // Postgres recurses these to the partitions; fauxgres does not yet.
      throw featureNotSupported(`ALTER TABLE ${sub.replace('AT_', '')} on a partitioned table`);
    }
  }
  return false;
}

/** The identity subcommands, as their partition errors word them. */
const IDENTITY_WORDS: Record<string, string> = {
  AT_AddIdentity: 'add identity to a column of',
  AT_SetIdentity: 'change identity column of',
  AT_DropIdentity: 'drop identity from a column of',
};

/** Subcommands that ALTER TABLE on a partitioned table applies to its partitions too. */
const CASCADING = new Set(['AT_AddColumn', 'AT_DropColumn', 'AT_ColumnDefault', 'AT_SetNotNull', 'AT_DropNotNull', 'AT_AddConstraint', 'AT_DropConstraint', 'AT_AlterColumnType', 'AT_EnableTrig', 'AT_DisableTrig', 'AT_EnableAlwaysTrig', 'AT_EnableReplicaTrig',
  'AT_EnableTrigAll', 'AT_DisableTrigAll', 'AT_EnableTrigUser', 'AT_DisableTrigUser', 'AT_AddIdentity', 'AT_SetIdentity', 'AT_DropIdentity']);

/** Whether `alterPartitionedCmd` handles this subcommand on a partitioned table. */
export function cascadesToPartitions(cmd: AnyNode): boolean {
  return CASCADING.has(cmd.subtype);
}

/** The attnums the partition key of `rel` (and of its ancestors) uses. */
function keyAttnums(cat: Catalog, rel: RelationDef): Map<number, RelationDef> {
  const out = new Map<number, RelationDef>();
  for (let r: RelationDef | undefined = rel; r; r = r.partitionOf ? cat.relations.get(r.partitionOf.parent) : undefined) {
    // (an ancestor may number its columns differently: they match by name)
    const here = (a: number) => (r === rel ? a : (rel.columns.find((c) => !c.dropped && c.name === r!.columns[a - 1].name)?.attnum ?? 0));
    for (const p of r.partitionKey?.parts ?? []) {
      if (p.attnum) out.set(here(p.attnum), r);
      else for (const a of referencedAttnums(p.expr!.expr)) out.set(here(a), r);
    }
  }
  return out;
}

/** The user columns (attnums) an expression reads. */
export function referencedAttnums(e: unknown, out = new Set<number>()): Set<number> {
  if (!e || typeof e !== 'object') return out;
  const o = e as Record<string, unknown>;
  if (o.kind === 'Var' && typeof o.attno === 'number' && o.attno > 0) out.add(o.attno);
  for (const [k, v] of Object.entries(o)) if (k !== 'fn') referencedAttnums(v, out);
  return out;
}

/**
 * ALTER TABLE on a partitioned table, recursing as Postgres does: the command runs on the table,
 * then on each partition (constraints the partitions inherit keep the parent's names; a new key
 * gives each partition its own index, named after the partition).
 */
export function alterPartitionedCmd(
  session: Session,
  cat: Catalog,
  rel: RelationDef,
  cmd: AnyNode,
  sql: string,
  run: (r: RelationDef, c: AnyNode) => void,
  /** ALTER TABLE ONLY: a key on the partitioned table alone (pg_dump's form; partitions attach theirs). */
  only = false,
  inherited?: readonly { kind: string; columns: readonly number[]; name: string }[],
): void {
  const sub = cmd.subtype as string;
  if (only && sub === 'AT_AddConstraint' && cmd.def?.Constraint?.contype === 'CONSTR_FOREIGN' && rel.kind === 'p') {
    const pk = cmd.def.Constraint.pktable;
    const ref = openRelation(cat, session.searchPath(), { schema: pk.schemaname, name: pk.relname });
    throw new PgError(SQLSTATE.wrong_object_type, `cannot use ONLY for foreign key on partitioned table "${rel.name}" referencing relation "${ref.name}"`);
  }
  if (only && (/Trig(All|User)?$/.test(sub) || sub === 'AT_ReplicaIdentity')) {
    // ENABLE / DISABLE TRIGGER on ONLY the partitioned table: its partitions' clones keep their state.
    run(rel, cmd);
    return;
  }
  if (only && partitionsOf(cat, rel).length) {
    const c = cmd.def?.Constraint;
    if (!(sub === 'AT_AddConstraint' && (c?.contype === 'CONSTR_PRIMARY' || c?.contype === 'CONSTR_UNIQUE'))) {
      throw featureNotSupported(`ALTER TABLE ONLY ... ${sub.replace('AT_', '')} on a partitioned table with partitions`);
    }
  }
  const keyCols = keyAttnums(cat, rel);
  const col = cmd.name ? rel.columns.find((c) => c.name === cmd.name && !c.dropped) : undefined;
  if (col && keyCols.has(col.attnum) && (sub === 'AT_DropColumn' || sub === 'AT_AlterColumnType')) {
    const verb = sub === 'AT_DropColumn' ? 'drop' : 'alter';
    throw new PgError(SQLSTATE.invalid_table_definition, `cannot ${verb} column "${col.name}" because it is part of the partition key of relation "${keyCols.get(col.attnum)!.name}"`, {
      position: sub === 'AT_AlterColumnType' ? position(sql, cmd.def?.ColumnDef?.location) : undefined,
    });
  }
  const con = cmd.def?.Constraint;
  if (sub === 'AT_AddConstraint' && (con?.contype === 'CONSTR_PRIMARY' || con?.contype === 'CONSTR_UNIQUE') && rel.kind === 'p') {
    if (con.indexname) return run(rel, cmd); // USING INDEX: checked, then refused (index-constraint.ts)
    const keys = ((con.keys ?? []) as AnyNode[]).map((k) => ({ attnum: rel.columns.find((c) => c.name === k.String.sval && !c.dropped)?.attnum ?? -1, descending: false, nullsFirst: false }));
    const ops = con.without_overlaps ? keys.map((_k, i) => ({ name: i === keys.length - 1 ? '&&' : '=', oid: 0 })) : undefined;
    if (keys.every((k) => k.attnum > 0)) checkUniqueCoversKey(cat, rel, keys, con.contype === 'CONSTR_PRIMARY' ? 'PRIMARY KEY' : 'UNIQUE', ops);
    // (ONLY: the partitions' key columns must already be NOT NULL, for the parts attached later)
    if (only && con.contype === 'CONSTR_PRIMARY') checkPartitionsNotNull(cat, rel, keys);
    const before = new Set(cat.indexesByRelation.get(rel.oid) ?? []);
    run(rel, cmd);
    const idx = cat.relationIndexes(rel.oid).find((i) => !before.has(i.oid));
    if (idx && !only) cloneIndexToPartitions(session, cat, idx, true);
    else if (idx && partitionsOf(cat, cat.relation(rel.oid)).length) cat.putRelation({ ...idx, index: { ...idx.index!, invalid: true } });
    return;
  }
  const beforeCons = new Set(cat.constraintsByRelation.get(rel.oid) ?? []);
  if (sub === 'AT_AddConstraint' && con?.contype === 'CONSTR_FOREIGN' && rel.kind === 'p') {
    // A foreign key stays on the partitioned table (its partitions' rows inherit it): check their rows.
    run(rel, cmd);
    const fk = cat.relationConstraints(rel.oid).find((k) => !beforeCons.has(k.oid) && k.kind === 'f');
    if (fk && !con.skip_validation) validateForeignKeyRows(session, cat, cat.relation(rel.oid), fk, cat.relation(rel.oid));
    // Partitions that already have the same key keep theirs, merged into it.
    for (const d of partitionDescendants(cat, cat.relation(rel.oid))) mergePartitionKeys(cat, d);
    return;
  }
  run(rel, cmd);
  const added = cat.relationConstraints(rel.oid).filter((k) => !beforeCons.has(k.oid));
  // Inherited constraints keep the parent's names.
  for (const k of added) {
    if (k.kind !== 'c' && k.kind !== 'n') continue;
    const from = inherited?.find((p) => p.kind === k.kind && p.columns.join() === k.columns.join());
    if (from && from.name !== k.name) cat.putConstraint({ ...k, name: from.name });
  }
  const mine = cat.relationConstraints(rel.oid).filter((k) => !beforeCons.has(k.oid)).map((k) => ({ kind: k.kind, columns: k.columns, name: k.name }));
  if (rel.kind !== 'p') return;
  for (const child of partitionsOf(cat, cat.relation(rel.oid))) {
    let c = cmd;
    if (sub === 'AT_DropConstraint') {
      if (!cat.relationConstraints(child.oid).some((k) => k.name === cmd.name)) continue;
    } else if (/Trig$/.test(sub) && cmd.name) {
      if (!cat.relationTriggers(child.oid).some((t) => t.name === cmd.name)) continue;
    } else if (sub === 'AT_AddConstraint' && con?.contype === 'CONSTR_CHECK' && !con.conname) {
      const named = mine.find((k) => k.kind === 'c');
      if (named) c = { ...cmd, def: { Constraint: { ...con, conname: named.name } } };
    }
    // (a partition with its own column layout numbers the constraints' columns its way)
    const amap = partitionAttnums(rel, child);
    alterPartitionedCmd(session, cat, cat.relation(child.oid), c, sql, run, false, amap ? mine.map((k) => ({ ...k, columns: k.columns.map((a) => amap.get(a) ?? a) })) : mine);
  }
}

/** ADD PRIMARY KEY on ONLY a partitioned table: its partitions' key columns must be NOT NULL (Postgres's internal error). */
function checkPartitionsNotNull(cat: Catalog, rel: RelationDef, keys: readonly { attnum: number }[]): void {
  for (const part of partitionsOf(cat, rel)) {
    for (const k of keys) {
      const name = rel.columns[k.attnum - 1]?.name;
      const col = part.columns.find((c) => !c.dropped && c.name === name);
      if (col && !col.notNull) throw new PgError(SQLSTATE.internal_error, `column "${col.name}" of table "${part.name}" is not marked NOT NULL`);
    }
  }
}

/** RENAME COLUMN: a partitioned table renames it in its partitions; a partition may not. */
export function renamePartitionColumn(cat: Catalog, rel: RelationDef, attnum: number, newName: string): void {
  if (rel.partitionOf) throw new PgError(SQLSTATE.invalid_table_definition, `cannot rename inherited column "${rel.columns[attnum - 1].name}"`);
  // Partitions may have their columns elsewhere: the column is found by name in each.
  const oldName = rel.columns[attnum - 1].name;
  for (const d of partitionDescendants(cat, rel)) {
    const r = cat.relation(d.oid);
    cat.putRelation({ ...r, columns: r.columns.map((c) => (!c.dropped && c.name === oldName ? { ...c, name: newName } : c)) });
  }
}

/** Checks the existing rows of `rel`'s leaves against a foreign key (as RI's validation query). */
export function validateForeignKeyRows(session: Session, cat: Catalog, rel: RelationDef, fk: ConstraintDef, owner: RelationDef): void {
  const ms = new ModifyState(makeExecContext(session, []), cat);
  const txn = session.transaction();
  for (const leaf of rel.kind === 'p' ? partitionLeaves(cat, rel) : [rel]) {
    // (the key's columns as the leaf numbers them: its layout may differ from the key's table)
    const m = partitionMap(owner, leaf);
    const lfk = m ? { ...fk, columns: fk.columns.map((a) => m[a - 1] + 1) } : fk;
    for (const t of txn.heap(leaf).all()) if (txn.visible(t)) ms.queue.push({ kind: 'check', fk: lfk, table: leaf, tuple: t });
  }
  runRiQueue(ms, session);
}

/**
 * ALTER INDEX parent ATTACH PARTITION child (pg_dump's form): a partition's index becomes the
 * partition's part of the partitioned table's index.
 */
export function attachIndexPartition(session: Session, parentIdx: RelationDef, cmds: readonly AnyNode[], sql: string): void {
  if (cmds.length > 1) throw featureNotSupported('ALTER INDEX ... ATTACH PARTITION with other actions');
  void sql;
  const txn = session.transaction();
  const cat = txn.catalogForWrite();
  const rv = cmds[0].def.PartitionCmd.name;
  // (RangeVarGetRelidExtended: no position in the error)
  const child = openRelation(cat, session.searchPath(), { schema: rv.schemaname, name: rv.relname });
  const pinfo = parentIdx.index;
  const cinfo = child.index;
  if (!pinfo) throw new PgError(SQLSTATE.wrong_object_type, `"${parentIdx.name}" is not an index`);
  if (!cinfo) throw new PgError(SQLSTATE.invalid_object_definition, `"${child.name}" is not an index`);
  const parentTable = cat.relation(pinfo.relation);
  const childTable = cat.relation(cinfo.relation);
  if (parentTable.kind !== 'p') throw new PgError(SQLSTATE.wrong_object_type, `"${parentIdx.name}" is not a partitioned index`);
  if (cinfo.parentIndex === parentIdx.oid) return;
  const cannot = (code: string, detail: string) =>
    new PgError(code, `cannot attach index "${child.name}" as a partition of index "${parentIdx.name}"`, { detail });
  if (cat.relationIndexes(childTable.oid).some((i) => i.index?.parentIndex === parentIdx.oid)) {
    throw cannot(SQLSTATE.object_not_in_prerequisite_state, `Another index is already attached for partition "${childTable.name}".`);
  }
  if (cinfo.parentIndex !== undefined) throw cannot(SQLSTATE.object_not_in_prerequisite_state, `Index "${child.name}" is already attached to another index.`);
  if (childTable.partitionOf?.parent !== parentTable.oid) {
    throw cannot(SQLSTATE.object_not_in_prerequisite_state, `Index "${child.name}" is not an index on any partition of table "${parentTable.name}".`);
  }
  if (indexShape(cat, session, child) !== indexShape(cat, session, parentIdx)) throw cannot(SQLSTATE.invalid_object_definition, 'The index definitions do not match.');
  const pcon = pinfo.constraint !== undefined ? cat.constraints.get(pinfo.constraint) : undefined;
  const ccon = cinfo.constraint !== undefined ? cat.constraints.get(cinfo.constraint) : undefined;
  if (pcon && !ccon) {
    throw cannot(SQLSTATE.invalid_object_definition, `The index "${parentIdx.name}" belongs to a constraint in table "${parentTable.name}" but no constraint exists for index "${child.name}".`);
  }
  cat.putRelation({ ...child, index: { ...cinfo, parentIndex: parentIdx.oid } });
  if (pcon && ccon) cat.putConstraint({ ...ccon, parentConstraint: pcon.oid, inhCount: 1, notLocal: true });
  validatePartitionedIndex(cat, cat.relation(parentIdx.oid));
  cat.bump();
}
