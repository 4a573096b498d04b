/**
 * Firing event triggers around a utility statement: ddl_command_start before it, sql_drop and
 * ddl_command_end after it, all from one place (runUtility). What the statement created, altered
 * and dropped is found by comparing the catalog's objects before and after it (records are
 * immutable, so a changed object is a replaced record); pg_event_trigger_ddl_commands() and
 * pg_event_trigger_dropped_objects() read the result from the session's EventTriggerState.
 *
 * Postgres counterpart: src/backend/commands/event_trigger.c (EventTriggerDDLCommandStart /
 * End, EventTriggerSQLDrop, EventTriggerCollect*), tcop/utility.c (ProcessUtilitySlow).
 * table_rewrite fires after ALTER TABLE has run (before sql_drop), when event-trigger-rewrite.ts
 * finds that it rewrote its table.
 * Known gaps: login triggers never fire; the commands list reports one row per
 * object (no per-subcommand rows of ALTER TABLE) and GRANT / REVOKE add none; views' _RETURN
 * rules and toast tables are not among dropped objects (fauxgres stores neither).
 */
import type { Catalog } from '../catalog/catalog.js';
import type { EventTriggerDef, RelationDef } from '../catalog/objects.js';
import { CLASS, addressKey, catalogInventory, identifyObject, schemaDisplayName, type InventoryEntry, type ObjectAddress } from '../catalog/object-address.js';
import { attrdefOid } from '../catalog/system/pg-attrdef.js';
import { lookupRelation } from '../analyze/relation.js';
import type { Session } from '../session/session.js';
import type { StatementResult } from '../session/dispatch.js';
import { runEventTriggerFunction } from '../pl/plpgsql/exec.js';
import { EVENT_TRIGGER_TAGS } from './cmdtag-data.js';
import { createCommandTag } from './cmdtag.js';
import { tableRewrite } from './event-trigger-rewrite.js';

type AnyNode = Record<string, any>;

/** One row of pg_event_trigger_ddl_commands(). */
export interface CollectedCommand {
  /** Undefined for GRANT / REVOKE (Postgres reports no single object for them). */
  readonly address: ObjectAddress | undefined;
  readonly commandTag: string;
  readonly objectType: string;
  readonly schema: string | null;
  readonly identity: string;
}

/** One row of pg_event_trigger_dropped_objects(). */
export interface DroppedObject {
  readonly address: ObjectAddress;
  readonly original: boolean;
  readonly normal: boolean;
  readonly temporary: boolean;
  readonly objectType: string;
  readonly schema: string | null;
  readonly name: string | null;
  readonly identity: string;
  readonly names: readonly string[];
  readonly args: readonly string[];
}

/** What the event trigger functions of the running statement may ask for. */
export interface EventTriggerState {
  commands: readonly CollectedCommand[];
  dropped: readonly DroppedObject[];
  inSqlDrop: boolean;
  /** Inside a table_rewrite trigger: the table and the AT_REWRITE_* reason bits. */
  rewrite?: { readonly oid: number; readonly reason: number };
}

/** Object kinds whose commands go through Postgres's standard_ProcessUtility (no event triggers). */
const NO_EVENT_OBJECTS = new Set(['OBJECT_DATABASE', 'OBJECT_TABLESPACE', 'OBJECT_ROLE', 'OBJECT_EVENT_TRIGGER', 'OBJECT_PARAMETER_ACL']);

function supportsEventTriggers(kind: string, n: AnyNode, tag: string): boolean {
  if (!EVENT_TRIGGER_TAGS.has(tag)) return false;
  const objtype = (kind === 'RenameStmt' ? n.renameType : kind === 'AlterOwnerStmt' || kind === 'AlterObjectSchemaStmt' ? n.objectType : n.objtype ?? n.removeType) as string | undefined;
  return !(objtype && NO_EVENT_OBJECTS.has(objtype));
}

/** The enabled triggers of an event for a tag, in name order (EventCacheLookup + filter_event_trigger). */
function triggersFor(session: Session, cat: Catalog, event: string, tag: string): EventTriggerDef[] {
  const replica = session.getSetting('session_replication_role', true) === 'replica';
  const out: EventTriggerDef[] = [];
  for (const t of cat.eventTriggers.values()) {
    if (t.event !== event || t.enabled === 'D') continue;
    if (replica ? t.enabled === 'O' : t.enabled === 'R') continue;
    if (t.tags && !t.tags.includes(tag)) continue;
    out.push(t);
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function invoke(session: Session, cat: Catalog, triggers: readonly EventTriggerDef[], event: string, tag: string): void {
  for (const t of triggers) {
    const fn = cat.functions.get(t.func);
    if (fn) runEventTriggerFunction(session, fn, event, tag);
  }
}

/**
 * Runs a utility statement with the event triggers that apply to it. Costs one map-size check
 * when the database has no event triggers.
 */
export function withEventTriggers(session: Session, kind: string, n: AnyNode, run: () => StatementResult): StatementResult {
  const cat0 = session.catalog();
  if (cat0.eventTriggers.size === 0) return run();
  const guc = session.getSetting('event_triggers', true);
  if (guc === 'off' || guc === 'false') return run();
  const tag = createCommandTag(kind, n);
  if (!supportsEventTriggers(kind, n, tag)) return run();
  const saved = session.eventTriggerState;
  const state: EventTriggerState = { commands: [], dropped: [], inSqlDrop: false };
  session.eventTriggerState = state;
  try {
    invoke(session, cat0, triggersFor(session, cat0, 'ddl_command_start', tag), 'ddl_command_start', tag);
    const live = session.catalog();
    const watch = live.eventTriggers.size > 0;
    // (a transaction's private catalog is changed in place: keep this version to compare with)
    const cat1 = watch ? live.clone() : live;
    const before = watch ? catalogInventory(cat1) : undefined;
    const commentsCopy = watch && kind === 'CommentStmt' ? new Map(cat1.comments) : undefined;
    const result = run();
    const cat2 = session.catalog();
    if (!before || !cat2.eventTriggers.size) return result;
    if (kind === 'AlterTableStmt') {
      const rewrites = triggersFor(session, cat2, 'table_rewrite', tag);
      const rw = rewrites.length ? tableRewrite(cat1, cat2, session.searchPath(), n, session.getSetting('timezone', true) ?? 'UTC') : undefined;
      if (rw) {
        state.rewrite = rw;
        try {
          invoke(session, cat2, rewrites, 'table_rewrite', tag);
        } finally {
          state.rewrite = undefined;
        }
      }
    }
    const after = catalogInventory(cat2);
    const drops = triggersFor(session, cat2, 'sql_drop', tag);
    if (drops.length) {
      state.dropped = droppedObjects(cat1, before, after, kind, n);
      if (state.dropped.length) {
        state.inSqlDrop = true;
        try {
          invoke(session, cat2, drops, 'sql_drop', tag);
        } finally {
          state.inSqlDrop = false;
        }
      }
    }
    const ends = triggersFor(session, session.catalog(), 'ddl_command_end', tag);
    if (ends.length) {
      state.commands = collectCommands(session, cat2, before, after, kind, n, tag, commentsCopy);
      invoke(session, session.catalog(), ends, 'ddl_command_end', tag);
    }
    return result;
  } finally {
    session.eventTriggerState = saved;
  }
}

const keyOf = (a: ObjectAddress): string => addressKey(a.classid, a.objid, a.subid);

/** The outermost object `e` is part of, following owners through `inv` (itself when it stands alone). */
function rootOf(inv: Map<string, InventoryEntry>, e: InventoryEntry): InventoryEntry {
  let cur = e;
  for (let i = 0; i < 8 && cur.owner; i++) {
    const next = inv.get(keyOf(cur.owner));
    if (!next) break;
    cur = next;
  }
  return cur;
}

const RELKIND_CREATE: Record<string, string> = { S: 'CREATE SEQUENCE', i: 'CREATE INDEX', v: 'CREATE VIEW', m: 'CREATE MATERIALIZED VIEW', c: 'CREATE TYPE', f: 'CREATE FOREIGN TABLE' };

function commandRow(cat: Catalog, a: ObjectAddress, commandTag: string): CollectedCommand | undefined {
  // A composite type is reported as its pg_type row.
  const rel = a.classid === CLASS.pg_class && a.subid === 0 ? cat.relations.get(a.objid) : undefined;
  if (rel?.kind === 'c') a = { classid: CLASS.pg_type, objid: rel.rowType, subid: 0 };
  const id = identifyObject(cat, a);
  if (!id) return undefined;
  return { address: a, commandTag, objectType: id.type, schema: id.schema, identity: id.identity };
}

/** The indexes REINDEX rebuilds: an index (a partitioned one's leaves), a table's, a schema's. */
function reindexTargets(cat: Catalog, sp: readonly string[], n: AnyNode): ObjectAddress[] {
  const leaves = (idx: RelationDef): RelationDef[] => {
    const kids = [...cat.relations.values()].filter((r) => r.kind === 'i' && r.index?.parentIndex === idx.oid);
    return kids.length ? kids.flatMap(leaves) : cat.relations.get(idx.index?.relation ?? -1)?.kind === 'p' ? [] : [idx];
  };
  const tableIndexes = (rel: RelationDef): RelationDef[] =>
    rel.kind === 'p' ? (rel.partitions ?? []).flatMap((o) => { const c = cat.relations.get(o); return c ? tableIndexes(c) : []; }) : cat.relationIndexes(rel.oid);
  const rv = n.relation as AnyNode | undefined;
  let out: RelationDef[] = [];
  if (n.kind === 'REINDEX_OBJECT_INDEX' || n.kind === 'REINDEX_OBJECT_TABLE') {
    const rel = rv && lookupRelation(cat, sp, { schema: rv.schemaname, name: rv.relname });
    if (!rel) return [];
    out = n.kind === 'REINDEX_OBJECT_INDEX' ? leaves(rel) : tableIndexes(rel);
  } else if (n.kind === 'REINDEX_OBJECT_SCHEMA') {
    const ns = cat.namespaceOid(n.name as string);
    out = [...cat.relations.values()].filter((r) => r.kind === 'i' && r.namespace === ns && cat.relations.get(r.index?.relation ?? -1)?.kind !== 'p');
  }
  return out.sort((a, b) => a.oid - b.oid).map((r) => ({ classid: CLASS.pg_class, objid: r.oid, subid: 0 }));
}

/** pg_event_trigger_ddl_commands(): the objects the statement created or altered. */
function collectCommands(session: Session, cat: Catalog, before: Map<string, InventoryEntry>, after: Map<string, InventoryEntry>, kind: string, n: AnyNode, tag: string, comments?: ReadonlyMap<string, string>): CollectedCommand[] {
  if (kind === 'DropStmt' || kind === 'DropOwnedStmt') return [];
  const rows: CollectedCommand[] = [];
  if (kind === 'GrantStmt') {
    const word = GRANT_OBJTYPE[n.objtype as string];
    return word ? [{ address: undefined, commandTag: tag, objectType: word, schema: null, identity: '' }] : [];
  }
  const push = (a: ObjectAddress, t: string) => {
    const row = commandRow(cat, a, t);
    if (row) rows.push(row);
  };
  if (kind === 'ReindexStmt') {
    for (const a of reindexTargets(cat, session.searchPath(), n)) push(a, tag);
    return rows;
  }
  if (kind === 'CommentStmt' && comments) {
    for (const key of new Set([...comments.keys(), ...cat.comments.keys()])) {
      if (comments.get(key) === cat.comments.get(key)) continue;
      const [classid, objid, subid] = key.split('.').map(Number);
      push({ classid, objid, subid }, tag);
    }
    return rows;
  }
  const isCreate = tag.startsWith('CREATE') || tag === 'SELECT INTO';
  // Objects made by this statement that stand alone or are made separately (sequences, indexes).
  const created: InventoryEntry[] = [];
  const changedRoots = new Map<string, InventoryEntry>();
  // (an identity column's type change alters its sequence too: ALTER SEQUENCE)
  const typeChange = kind === 'AlterTableStmt' && ((n.cmds ?? []) as AnyNode[]).some((c) => c.AlterTableCmd?.subtype === 'AT_AlterColumnType');
  const renamesPart = kind === 'RenameStmt' && ['OBJECT_COLUMN', 'OBJECT_TABCONSTRAINT', 'OBJECT_TRIGGER', 'OBJECT_POLICY', 'OBJECT_RULE'].includes(n.renameType as string);
  for (const [key, e] of after) {
    const old = before.get(key);
    if (old && old.record === e.record) continue;
    const rel = e.address.classid === CLASS.pg_class && e.address.subid === 0 ? (e.record as RelationDef) : undefined;
    const cls = e.address.classid;
    const separate = !e.owner || (rel !== undefined && (rel.kind === 'S' || rel.kind === 'i')) || cls === CLASS.pg_trigger || cls === CLASS.pg_policy || cls === CLASS.pg_statistic_ext ||
      (cls === CLASS.pg_rewrite && (e.record as AnyNode).name !== '_RETURN');
    if (!old && cls === CLASS.pg_namespace && /^pg_(toast_)?temp_/.test((e.record as AnyNode).name as string)) continue;
    if (!old && separate) {
      // A partition's index made for its parent's index is not reported.
      if (rel?.kind === 'i' && rel.index?.parentIndex !== undefined && cat.relations.get(rel.index.relation)?.partitionOf) continue;
      created.push(e);
      continue;
    }
    // A changed trigger, policy, rule or statistics object is reported itself, and so is a
    // renamed column or constraint (ALTER TABLE ... RENAME).
    const own = old && (SEPARATE_CLASSES.has(cls) || (rel !== undefined && !e.owner) || (rel?.kind === 'S' && (typeChange || tag === 'ALTER SEQUENCE')) || (rel?.kind === 'i' && tag === 'ALTER INDEX') ||
      (renamesPart && (e.address.subid !== 0 || cls === CLASS.pg_constraint)));
    const root = own ? e : rootOf(after, e);
    if (renamesPart && root === e && e.address.subid === 0 && cls === CLASS.pg_class) continue;
    if (before.has(keyOf(root.address))) changedRoots.set(keyOf(root.address), root);
  }
  for (const [key, e] of before) {
    if (after.has(key)) continue;
    const root = rootOf(before, e);
    if (root !== e && after.has(keyOf(root.address))) changedRoots.set(keyOf(root.address), after.get(keyOf(root.address))!);
  }
  created.sort((a, b) => a.address.objid - b.address.objid);
  const createdTag = (e: InventoryEntry): string => {
    if (e.address.classid !== CLASS.pg_class) return isCreate ? tag : 'CREATE ' + (identifyObject(cat, e.address)?.type.toUpperCase() ?? '');
    const rel = e.record as RelationDef;
    return RELKIND_CREATE[rel.kind] ?? (tag === 'CREATE TABLE AS' || tag === 'SELECT INTO' ? tag : 'CREATE TABLE');
  };
  const tableOf = (e: InventoryEntry): number | undefined => {
    const root = rootOf(after, e);
    return root.address.classid === CLASS.pg_class && root !== e ? root.address.objid : undefined;
  };
  const done = new Set<InventoryEntry>();
  // Per created table (ProcessUtilitySlow's order): its sequences, the table, its constraint
  // indexes, OWNED BY of the sequences, then its foreign keys (ALTER TABLE).
  const emitTable = (t: InventoryEntry) => {
    const parts = created.filter((e) => e !== t && tableOf(e) === t.address.objid && !done.has(e));
    const seqs = parts.filter((e) => (e.record as RelationDef).kind === 'S');
    const idxs = parts.filter((e) => (e.record as RelationDef).kind === 'i' && e.owner?.classid === CLASS.pg_constraint);
    for (const e of seqs) push(e.address, 'CREATE SEQUENCE');
    push(t.address, createdTag(t));
    for (const e of idxs) push(e.address, 'CREATE INDEX');
    if (cat.relationConstraints(t.address.objid).some((c) => c.kind === 'f')) push(t.address, 'ALTER TABLE');
    for (const e of seqs) push(e.address, 'ALTER SEQUENCE');
    for (const e of [...seqs, ...idxs, t]) done.add(e);
  };
  if (isCreate) {
    // In creation order, a table's sequences and indexes with it; CREATE SCHEMA runs its
    // CREATE INDEX elements last.
    const createdTables = new Set(created.filter((e) => e.address.classid === CLASS.pg_class && ['r', 'p'].includes((e.record as RelationDef).kind)).map((e) => e.address.objid));
    const plainIndexes: InventoryEntry[] = [];
    for (const e of created) {
      if (done.has(e)) continue;
      const rel = e.address.classid === CLASS.pg_class ? (e.record as RelationDef) : undefined;
      if (rel && (rel.kind === 'r' || rel.kind === 'p')) {
        emitTable(e);
        continue;
      }
      const t = tableOf(e);
      if (t !== undefined && createdTables.has(t) && rel?.kind === 'S') continue;
      if (rel?.kind === 'i' && t !== undefined && createdTables.has(t) && e.owner?.classid !== CLASS.pg_constraint) {
        plainIndexes.push(e);
        continue;
      }
      done.add(e);
      push(e.address, createdTag(e));
    }
    for (const e of [...created.filter((x) => !done.has(x) && !plainIndexes.includes(x)), ...plainIndexes]) push(e.address, createdTag(e));
    // CREATE OR REPLACE: the replaced object (a view that gains columns twice: they are added
    // by an ALTER TABLE of its own).
    if (n.replace) {
      for (const r of changedRoots.values()) {
        if (created.includes(r)) continue;
        push(r.address, tag);
        const old = before.get(keyOf(r.address))?.record as RelationDef | undefined;
        if (kind === 'ViewStmt' && old && (r.record as RelationDef).columns.length > old.columns.length) push(r.address, tag);
      }
    }
    return rows;
  }
  // ALTER and the like: sequences it made, then what it changed (a changed sequence of the table first).
  for (const e of created) if (e.address.classid === CLASS.pg_class && (e.record as RelationDef).kind === 'S') push(e.address, 'CREATE SEQUENCE');
  const changed = [...changedRoots.values()].sort((a, b) => Number((b.record as AnyNode).kind === 'S') - Number((a.record as AnyNode).kind === 'S'));
  for (const r of changed) push(r.address, r.address.classid === CLASS.pg_class && (r.record as RelationDef).kind === 'S' && kind === 'AlterTableStmt' ? 'ALTER SEQUENCE' : tag);
  for (const e of created) if (e.address.classid === CLASS.pg_class && (e.record as RelationDef).kind === 'S' && (e.record as RelationDef).sequence?.ownedBy) push(e.address, 'ALTER SEQUENCE');
  return rows;
}

/** The column a pg_attrdef entry belongs to (its owner is the table). */
function attrdefColumn(cat: Catalog, e: InventoryEntry): string | undefined {
  const rel = e.owner && cat.relations.get(e.owner.objid);
  return rel?.columns.find((c) => !c.dropped && attrdefOid(rel.oid, c.attnum) === e.address.objid)?.name;
}

/** Classes whose objects are reported themselves when an ALTER changes them (not their table). */
const SEPARATE_CLASSES: ReadonlySet<number> = new Set([CLASS.pg_trigger, CLASS.pg_policy, CLASS.pg_statistic_ext]);

/** stringify_grant_objtype: the object_type of a GRANT / REVOKE row. */
const GRANT_OBJTYPE: Record<string, string> = {
  OBJECT_COLUMN: 'COLUMN', OBJECT_TABLE: 'TABLE', OBJECT_SEQUENCE: 'SEQUENCE', OBJECT_DOMAIN: 'DOMAIN', OBJECT_FDW: 'FOREIGN DATA WRAPPER',
  OBJECT_FOREIGN_SERVER: 'FOREIGN SERVER', OBJECT_FUNCTION: 'FUNCTION', OBJECT_LANGUAGE: 'LANGUAGE', OBJECT_LARGEOBJECT: 'LARGE OBJECT',
  OBJECT_SCHEMA: 'SCHEMA', OBJECT_PROCEDURE: 'PROCEDURE', OBJECT_ROUTINE: 'ROUTINE', OBJECT_TYPE: 'TYPE',
};

/** Names the statement gives (the objects a DROP names, the columns and constraints ALTER TABLE drops). */
function namedInStatement(kind: string, n: AnyNode): Set<string> {
  const out = new Set<string>();
  const last = (o: AnyNode): string | undefined => {
    if (o.String) return o.String.sval as string;
    const items = (o.List?.items ?? o.TypeName?.names ?? o.ObjectWithArgs?.objname) as AnyNode[] | undefined;
    const x = items?.[items.length - 1];
    return x?.String?.sval as string | undefined;
  };
  if (kind === 'DropStmt') for (const o of (n.objects ?? []) as AnyNode[]) {
    const name = last(o);
    if (name) out.add(name);
  }
  if (kind === 'AlterTableStmt') for (const c of (n.cmds ?? []) as AnyNode[]) {
    const cmd = c.AlterTableCmd as AnyNode | undefined;
    const name = cmd?.name as string | undefined;
    if (!name) continue;
    if (cmd?.subtype === 'AT_DropColumn') out.add('column:' + name);
    else if (cmd?.subtype === 'AT_DropConstraint') out.add('constraint:' + name);
    else if (cmd?.subtype === 'AT_ColumnDefault' && !cmd.def) out.add('default:' + name);
  }
  return out;
}

/** pg_event_trigger_dropped_objects(): what the statement dropped, in Postgres's deletion order. */
function droppedObjects(cat: Catalog, before: Map<string, InventoryEntry>, after: Map<string, InventoryEntry>, kind: string, n: AnyNode): DroppedObject[] {
  const gone = new Map<string, InventoryEntry>();
  for (const [key, e] of before) if (!after.has(key)) gone.set(key, e);
  if (!gone.size) return [];
  const named = namedInStatement(kind, n);
  const removeType = n.removeType as string | undefined;
  const isOriginal = (e: InventoryEntry): boolean => {
    const a = e.address;
    const r = e.record as AnyNode;
    if (kind === 'AlterTableStmt') {
      if (a.classid === CLASS.pg_class && a.subid !== 0) return named.has('column:' + (r.name as string));
      if (a.classid === CLASS.pg_constraint) return named.has('constraint:' + (r.name as string));
      if (a.classid === CLASS.pg_attrdef) {
        const col = attrdefColumn(cat, e);
        return !!col && named.has('default:' + col);
      }
      return false;
    }
    if (kind === 'DropOwnedStmt') return !e.owner;
    const cls = ORIGINAL_CLASS[removeType ?? ''];
    if (cls === undefined || a.classid !== cls || a.subid !== 0 || e.owner && a.classid === CLASS.pg_type) return false;
    return named.has(r.name as string);
  };
  // Columns of a dropped relation go with it (not reported one by one); ALTER TABLE reports what it names.
  const entries = [...gone.values()].filter((e) => !(e.address.classid === CLASS.pg_class && e.address.subid !== 0 && e.owner && gone.has(keyOf(e.owner))));
  const originals = new Set(entries.filter(isOriginal));
  // ALTER TABLE reports what it names, and with a dropped column the defaults and CHECK
  // constraints that went with it (not an identity's sequence, nor a constraint's index).
  const droppedColumns = new Set([...originals].filter((e) => e.address.classid === CLASS.pg_class && e.address.subid !== 0).map((e) => (e.record as AnyNode).name as string));
  const list = kind !== 'AlterTableStmt' ? entries : entries.filter((e) => originals.has(e) ||
    (e.address.classid === CLASS.pg_attrdef && droppedColumns.has(attrdefColumn(cat, e) ?? '')) ||
    (e.address.classid === CLASS.pg_constraint && droppedColumns.size > 0 && (e.record as AnyNode).kind === 'c') ||
    (e.address.classid === CLASS.pg_class && e.owner?.classid === CLASS.pg_constraint && originals.has(gone.get(keyOf(e.owner))!)));
  const droppedOwner = (e: InventoryEntry): InventoryEntry | undefined => (e.owner ? gone.get(keyOf(e.owner)) : undefined);
  const rootIn = (e: InventoryEntry): InventoryEntry => {
    let cur = e;
    for (let i = 0; i < 8; i++) {
      const o = droppedOwner(cur);
      if (!o) break;
      cur = o;
    }
    return cur;
  };
  // Within one table: the table, owned sequences, row type, array type, defaults, plain
  // constraints, each index-backed constraint with its index, other indexes, triggers and policies.
  const rank = (e: InventoryEntry): [number, number, number] => {
    const a = e.address;
    const r = e.record as AnyNode;
    if (!droppedOwner(e)) return [0, 0, 0];
    switch (a.classid) {
      case CLASS.pg_class:
        if (r.kind === 'S') return [1, a.objid, 0];
        if (e.owner?.classid === CLASS.pg_constraint) return [6, e.owner.objid, 1];
        return r.kind === 'i' ? [7, a.objid, 0] : [9, a.objid, 0];
      case CLASS.pg_type:
        return [r.elementType === undefined ? 2 : 3, a.objid, 0];
      case CLASS.pg_attrdef:
        return [4, a.objid, 0];
      case CLASS.pg_constraint:
        return r.index !== undefined ? [6, a.objid, 0] : [5, a.objid, 0];
      default:
        return [8, a.objid, 0];
    }
  };
  const groups = new Map<InventoryEntry, InventoryEntry[]>();
  for (const e of list) {
    const root = rootIn(e);
    const g = groups.get(root);
    if (g) g.push(e);
    else groups.set(root, [e]);
  }
  // (several named objects: the last named first, as Postgres deletes them)
  const roots = [...groups.keys()].sort((a, b) => Number(originals.has(b)) - Number(originals.has(a)) || (a.address.classid === CLASS.pg_namespace ? -1 : 0) - (b.address.classid === CLASS.pg_namespace ? -1 : 0) ||
    (originals.has(a) && originals.has(b) ? b.address.objid - a.address.objid : a.address.objid - b.address.objid));
  const ordered: InventoryEntry[] = [];
  for (const root of roots) {
    const g = groups.get(root)!;
    const keys = new Map(g.map((e) => [e, rank(e)]));
    g.sort((a, b) => {
      const x = keys.get(a)!;
      const y = keys.get(b)!;
      return x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || a.address.subid - b.address.subid;
    });
    ordered.push(...g);
  }
  const out: DroppedObject[] = [];
  for (const e of ordered) {
    const id = identifyObject(cat, e.address);
    if (!id) continue;
    const a = e.address;
    const r = e.record as AnyNode;
    const original = originals.has(e);
    const owner = droppedOwner(e);
    let normal: boolean;
    if (original) normal = false;
    else if (a.classid === CLASS.pg_attrdef) normal = /\bnextval\(/.test(String(r.text ?? ''));
    else if (a.classid === CLASS.pg_constraint && r.kind === 'c' && kind === 'AlterTableStmt') normal = true;
    else if (!owner) normal = kind !== 'AlterTableStmt';
    // Reached through a normal dependency: a policy (on its table), a CHECK constraint (on its
    // columns) when the table is dropped by name, a serial column's default (on its sequence),
    // a serial sequence dropped with its schema.
    else if (a.classid === CLASS.pg_policy) normal = true;
    else if (a.classid === CLASS.pg_constraint && r.kind === 'c') normal = originals.has(owner) || kind === 'AlterTableStmt';
    else if (a.classid === CLASS.pg_attrdef) normal = /\bnextval\(/.test(String(r.text ?? ''));
    else if (a.classid === CLASS.pg_class && r.kind === 'S') normal = !originals.has(owner);
    else normal = false;
    const temporary = id.namespace !== undefined && cat.namespaceName(id.namespace).startsWith('pg_temp_');
    let schema: string | null = id.namespace !== undefined ? schemaDisplayName(cat, id.namespace) : id.schema;
    if (a.classid === CLASS.pg_namespace || a.classid === CLASS.pg_rewrite) schema = null;
    const hasUniqueName = a.subid === 0 && UNIQUE_NAME_CLASSES.has(a.classid);
    out.push({
      address: a, original, normal, temporary,
      objectType: id.type, schema, name: hasUniqueName ? id.name : null, identity: id.identity, names: id.names, args: id.args,
    });
  }
  return out;
}

/** The catalog of the objects a DROP statement names, by its object type. */
const ORIGINAL_CLASS: Record<string, number> = {
  OBJECT_TABLE: CLASS.pg_class, OBJECT_VIEW: CLASS.pg_class, OBJECT_MATVIEW: CLASS.pg_class, OBJECT_INDEX: CLASS.pg_class, OBJECT_SEQUENCE: CLASS.pg_class,
  OBJECT_FOREIGN_TABLE: CLASS.pg_class, OBJECT_TYPE: CLASS.pg_type, OBJECT_DOMAIN: CLASS.pg_type, OBJECT_SCHEMA: CLASS.pg_namespace,
  OBJECT_FUNCTION: CLASS.pg_proc, OBJECT_PROCEDURE: CLASS.pg_proc, OBJECT_ROUTINE: CLASS.pg_proc, OBJECT_AGGREGATE: CLASS.pg_proc,
  OBJECT_TRIGGER: CLASS.pg_trigger, OBJECT_POLICY: CLASS.pg_policy, OBJECT_RULE: CLASS.pg_rewrite, OBJECT_EXTENSION: CLASS.pg_extension,
  OBJECT_PUBLICATION: CLASS.pg_publication, OBJECT_COLLATION: CLASS.pg_collation, OBJECT_STATISTIC_EXT: CLASS.pg_statistic_ext,
};

/** Classes whose objects have names unique in their schema (obtain_object_name_namespace fills object_name). */
const UNIQUE_NAME_CLASSES: ReadonlySet<number> = new Set([
  CLASS.pg_class, CLASS.pg_type, CLASS.pg_namespace, CLASS.pg_extension, CLASS.pg_collation, CLASS.pg_statistic_ext, CLASS.pg_publication, CLASS.pg_event_trigger,
]);
