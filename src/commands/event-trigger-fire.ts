/**
 * Firing event triggers around a utility statement: ddl_command_start before it, sql_drop and
 * ddl_command_end after it, all from one place (runUtility). What the statement created, altered
 * and dropped is found by comparing the catalog's objects before and after it (records are
 * immutable, so a changed object is a replaced record); pg_event_trigger_ddl_commands() and
 * pg_event_trigger_dropped_objects() read the result from the session's EventTriggerState.
 *
 * Postgres counterpart: src/backend/commands/event_trigger.c (EventTriggerDDLCommandStart /
 * End, EventTriggerSQLDrop, EventTriggerCollect*), tcop/utility.c (ProcessUtilitySlow).
 * Known gaps: table_rewrite and login triggers never fire; the commands list reports one row per
 * object (no per-subcommand rows of ALTER TABLE) and GRANT / REVOKE add none; views' _RETURN
 * rules and toast tables are not among dropped objects (fauxgres stores neither).
 */
import type { Catalog } from '../catalog/catalog.js';
import type { EventTriggerDef, RelationDef } from '../catalog/objects.js';
import { CLASS, addressKey, catalogInventory, identifyObject, type InventoryEntry, type ObjectAddress } from '../catalog/object-address.js';
import type { Session } from '../session/session.js';
import type { StatementResult } from '../session/dispatch.js';
import { runEventTriggerFunction } from '../pl/plpgsql/exec.js';
import { EVENT_TRIGGER_TAGS } from './cmdtag-data.js';
import { createCommandTag } from './cmdtag.js';

type AnyNode = Record<string, any>;

/** One row of pg_event_trigger_ddl_commands(). */
export interface CollectedCommand {
  readonly address: ObjectAddress;
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
    const cat1 = session.catalog();
    const watch = cat1.eventTriggers.size > 0;
    const before = watch ? catalogInventory(cat1) : undefined;
    const beforeComments = cat1.comments;
    const commentsCopy = watch && kind === 'CommentStmt' ? new Map(beforeComments) : undefined;
    const result = run();
    const cat2 = session.catalog();
    if (!before || !cat2.eventTriggers.size) return result;
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
      state.commands = collectCommands(cat2, before, after, kind, tag, commentsCopy);
      invoke(session, session.catalog(), ends, 'ddl_command_end', tag);
    }
    return result;
  } finally {
    session.eventTriggerState = saved;
  }
}

/** The top-level object an object belongs to (a column's, default's or constraint's table; a row type's relation). */
function parentOf(cat: Catalog, e: InventoryEntry): ObjectAddress | undefined {
  const a = e.address;
  const r = e.record as AnyNode;
  switch (a.classid) {
    case CLASS.pg_class:
      return a.subid === 0 ? a : { classid: CLASS.pg_class, objid: a.objid, subid: 0 };
    case CLASS.pg_attrdef:
      return undefined;
    case CLASS.pg_rewrite:
      // (a view's _RETURN rule is part of the view)
      return r.name === '_RETURN' ? { classid: CLASS.pg_class, objid: r.relation as number, subid: 0 } : a;
    case CLASS.pg_constraint:
      return r.relation ? { classid: CLASS.pg_class, objid: r.relation as number, subid: 0 } : undefined;
    case CLASS.pg_type: {
      if (r.relation !== undefined) return { classid: CLASS.pg_class, objid: r.relation as number, subid: 0 };
      if (r.elementType !== undefined) {
        const el = cat.types.get(r.elementType as number);
        if (el?.relation !== undefined) return { classid: CLASS.pg_class, objid: el.relation, subid: 0 };
        return { classid: CLASS.pg_type, objid: r.elementType as number, subid: 0 };
      }
      return a;
    }
    default:
      return a;
  }
}

const RELKIND_CREATE: Record<string, string> = { S: 'CREATE SEQUENCE', i: 'CREATE INDEX', I: 'CREATE INDEX', v: 'CREATE VIEW', m: 'CREATE MATERIALIZED VIEW', c: 'CREATE TYPE', f: 'CREATE FOREIGN TABLE' };

function schemaOf(cat: Catalog, a: ObjectAddress): string | null {
  const id = identifyObject(cat, a);
  if (!id) return null;
  if (a.classid === CLASS.pg_namespace) return null;
  return id.namespace !== undefined ? tempSchema(cat, id.namespace) : id.schema;
}

function tempSchema(cat: Catalog, ns: number): string {
  const name = cat.namespaceName(ns);
  return name.startsWith('pg_temp_') ? 'pg_temp' : name;
}

function commandRow(cat: Catalog, a: ObjectAddress, commandTag: string): CollectedCommand | undefined {
  const id = identifyObject(cat, a);
  if (!id) return undefined;
  return { address: a, commandTag, objectType: id.type, schema: schemaOf(cat, a), identity: id.identity };
}

/** pg_event_trigger_ddl_commands(): the objects the statement created or altered. */
function collectCommands(cat: Catalog, before: Map<string, InventoryEntry>, after: Map<string, InventoryEntry>, kind: string, tag: string, comments?: ReadonlyMap<string, string>): CollectedCommand[] {
  if (kind === 'DropStmt' || kind === 'DropOwnedStmt' || kind === 'GrantStmt') return [];
  const out: CollectedCommand[] = [];
  if (kind === 'CommentStmt' && comments) {
    for (const key of new Set([...comments.keys(), ...cat.comments.keys()])) {
      if (comments.get(key) === cat.comments.get(key)) continue;
      const [classid, objid, subid] = key.split('.').map(Number);
      const row = commandRow(cat, { classid, objid, subid }, tag);
      if (row) out.push(row);
    }
    return out;
  }
  const created: InventoryEntry[] = [];
  const touched = new Map<string, ObjectAddress>();
  for (const [key, e] of after) {
    const old = before.get(key);
    if (old && old.record === e.record) continue;
    const top = parentOf(cat, e);
    if (!old && top === e.address) created.push(e);
    else if (top && before.has(addressKey(top.classid, top.objid, top.subid))) touched.set(addressKey(top.classid, top.objid, top.subid), top);
  }
  for (const [key, e] of before) {
    if (after.has(key)) continue;
    const top = parentOf(cat, e);
    if (top && top !== e.address && after.has(addressKey(top.classid, top.objid, top.subid))) touched.set(addressKey(top.classid, top.objid, top.subid), top);
  }
  const isCreate = tag.startsWith('CREATE') || tag === 'SELECT INTO';
  created.sort((a, b) => createRank(kind, a) - createRank(kind, b) || a.address.objid - b.address.objid);
  for (const e of created) {
    const rel = e.address.classid === CLASS.pg_class ? (e.record as RelationDef) : undefined;
    if (!isCreate && rel?.kind !== 'S') continue;
    const t = rel ? (RELKIND_CREATE[rel.kind] ?? (isCreate && tag.includes('TABLE') ? tag : tag === 'SELECT INTO' ? tag : 'CREATE TABLE')) : tag;
    const row = commandRow(cat, e.address, t);
    if (row) out.push(row);
  }
  if (!isCreate) {
    for (const a of touched.values()) {
      if (created.some((e) => e.address.classid === a.classid && e.address.objid === a.objid)) continue;
      const row = commandRow(cat, a, tag);
      if (row) out.push(row);
    }
  }
  // A serial or identity column's sequence is made, then OWNED BY the column (ALTER SEQUENCE).
  for (const e of created) {
    const rel = e.address.classid === CLASS.pg_class ? (e.record as RelationDef) : undefined;
    if (rel?.kind === 'S' && rel.sequence?.ownedBy) {
      const row = commandRow(cat, e.address, 'ALTER SEQUENCE');
      if (row) out.push(row);
    }
  }
  return out;
}

/** CREATE TABLE reports its sequences first, then the table, then its indexes (ProcessUtilitySlow's order). */
function createRank(kind: string, e: InventoryEntry): number {
  if (kind !== 'CreateStmt' || e.address.classid !== CLASS.pg_class) return 1;
  const k: string = (e.record as RelationDef).kind;
  return k === 'S' ? 0 : k === 'i' || k === 'I' ? 2 : 1;
}

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
    const name = c.AlterTableCmd?.name as string | undefined;
    if (name && /Drop/.test(String(c.AlterTableCmd?.subtype))) out.add(name);
  }
  return out;
}

/** pg_event_trigger_dropped_objects(): what the statement dropped, its named objects first. */
function droppedObjects(cat: Catalog, before: Map<string, InventoryEntry>, after: Map<string, InventoryEntry>, kind: string, n: AnyNode): DroppedObject[] {
  const gone: InventoryEntry[] = [];
  for (const [key, e] of before) if (!after.has(key)) gone.push(e);
  if (!gone.length) return [];
  const goneKeys = new Set(gone.map((e) => addressKey(e.address.classid, e.address.objid, e.address.subid)));
  const named = namedInStatement(kind, n);
  const removeType = n.removeType as string | undefined;
  const nameOf = (e: InventoryEntry): string | undefined => {
    const r = e.record as AnyNode;
    if (e.address.classid === CLASS.pg_class && e.address.subid !== 0) return r.name as string;
    return r.name as string | undefined;
  };
  const isOriginal = (e: InventoryEntry): boolean => {
    const name = nameOf(e);
    if (!name || !named.has(name)) return false;
    const a = e.address;
    if (kind === 'AlterTableStmt') return (a.classid === CLASS.pg_class && a.subid !== 0) || a.classid === CLASS.pg_constraint;
    const cls = ORIGINAL_CLASS[removeType ?? ''];
    if (cls === undefined) return false;
    if (a.classid !== cls || a.subid !== 0) return false;
    if (a.classid === CLASS.pg_type) return (e.record as AnyNode).elementType === undefined && (e.record as AnyNode).relation === undefined;
    return true;
  };
  const rows: { e: InventoryEntry; original: boolean; top: ObjectAddress | undefined }[] = [];
  for (const e of gone) {
    // Columns of a dropped relation go with it (not reported one by one).
    if (e.address.classid === CLASS.pg_class && e.address.subid !== 0 && goneKeys.has(addressKey(CLASS.pg_class, e.address.objid, 0))) continue;
    rows.push({ e, original: isOriginal(e), top: parentOf(cat, e) });
  }
  const originals = new Set(rows.filter((r) => r.original).map((r) => addressKey(r.e.address.classid, r.e.address.objid, 0)));
  const ownedByOriginal = (r: (typeof rows)[number]): boolean => {
    const rec0 = r.e.record as AnyNode;
    // Reached through a normal dependency: a CHECK constraint (on its columns), a serial
    // column's default (on its sequence).
    if (r.e.address.classid === CLASS.pg_constraint && rec0.kind === 'c') return false;
    if (r.e.address.classid === CLASS.pg_attrdef) return !/\bnextval\(/.test(String(rec0.text ?? ''));
    const top = r.top;
    if (top && originals.has(addressKey(top.classid, top.objid, 0)) && top !== r.e.address) return true;
    const rec = r.e.record as AnyNode;
    if (r.e.address.classid === CLASS.pg_class && (rec.kind === 'i' || rec.kind === 'I') && rec.index && originals.has(addressKey(CLASS.pg_class, rec.index.relation as number, 0))) return true;
    if (r.e.address.classid === CLASS.pg_class && rec.kind === 'S' && rec.sequence?.ownedBy && originals.has(addressKey(CLASS.pg_class, rec.sequence.ownedBy.relation as number, 0))) return true;
    if ((r.e.address.classid === CLASS.pg_trigger || r.e.address.classid === CLASS.pg_policy || r.e.address.classid === CLASS.pg_rewrite) && originals.has(addressKey(CLASS.pg_class, rec.relation as number, 0))) return true;
    return false;
  };
  // Postgres's deletion order for a table: the table, its owned sequences, row type and array
  // type, defaults, plain constraints, then each index-backed constraint with its index, then
  // other indexes and the rest.
  const order = (r: (typeof rows)[number]): [number, number, number] => {
    const a = r.e.address;
    const rec = r.e.record as AnyNode;
    if (r.original) return [0, 0, 0];
    switch (a.classid) {
      case CLASS.pg_class:
        if (rec.kind === 'S') return [1, a.objid, 0];
        if (rec.kind === 'i' || rec.kind === 'I') {
          const con = [...cat.constraints.values()].find((c) => c.index === a.objid);
          return con ? [6, con.oid, 1] : [7, a.objid, 0];
        }
        return [9, a.objid, 0];
      case CLASS.pg_type:
        return [rec.elementType === undefined ? 2 : 3, a.objid, 0];
      case CLASS.pg_attrdef:
        return [4, a.objid, 0];
      case CLASS.pg_constraint:
        return rec.index !== undefined ? [6, a.objid, 0] : [5, a.objid, 0];
      default:
        return [8, a.objid, 0];
    }
  };
  const keys = new Map(rows.map((r) => [r, order(r)]));
  rows.sort((a, b) => {
    const x = keys.get(a)!;
    const y = keys.get(b)!;
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || a.e.address.subid - b.e.address.subid;
  });
  const out: DroppedObject[] = [];
  for (const r of rows) {
    const id = identifyObject(cat, r.e.address);
    if (!id) continue;
    const a = r.e.address;
    const temporary = id.namespace !== undefined && cat.namespaceName(id.namespace).startsWith('pg_temp_');
    let schema: string | null = id.namespace !== undefined ? tempSchema(cat, id.namespace) : id.schema;
    if (a.classid === CLASS.pg_namespace || a.classid === CLASS.pg_rewrite) schema = null;
    const hasUniqueName = a.subid === 0 && UNIQUE_NAME_CLASSES.has(a.classid);
    out.push({
      address: a, original: r.original, normal: !r.original && !ownedByOriginal(r), temporary,
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
