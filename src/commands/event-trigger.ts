/**
 * CREATE / ALTER / DROP EVENT TRIGGER and ALTER EVENT TRIGGER ... OWNER TO / RENAME TO: the
 * pg_event_trigger rows (superuser only, WHEN TAG IN (...) checked against the command tags that
 * support event triggers). Firing lives in event-trigger-fire.ts.
 *
 * Postgres counterpart: src/backend/commands/event_trigger.c (CreateEventTrigger,
 * AlterEventTrigger, AlterEventTriggerOwner), alter.c (RenameStmt for event triggers).
 * Known gaps: login event triggers are stored but never fire (fauxgres sessions have no login).
 */
import type { Catalog } from '../catalog/catalog.js';
import type { EventTriggerDef } from '../catalog/objects.js';
import { isOwner, isSuperuser, mustBeOwner } from '../catalog/acl.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { OID } from '../types/oids.js';
import { functionsNamed } from '../functions/registry.js';
import { effectiveSearchPath } from '../analyze/func-candidates.js';
import type { Session } from '../session/session.js';
import { commandResult, type StatementResult } from '../session/dispatch.js';
import { skipNotice } from './drop-missing.js';
import { EVENT_TRIGGER_TAGS, OTHER_COMMAND_TAGS, TABLE_REWRITE_TAGS } from './cmdtag-data.js';

type AnyNode = Record<string, any>;

/** pg_event_trigger's OID (the classid of its objects). */
export const PG_EVENT_TRIGGER = 3466;

const EVENTS = new Set(['ddl_command_start', 'ddl_command_end', 'sql_drop', 'login', 'table_rewrite']);

/** The event trigger with this name, if any. */
export function eventTriggerNamed(cat: Catalog, name: string): EventTriggerDef | undefined {
  for (const t of cat.eventTriggers.values()) if (t.name === name) return t;
  return undefined;
}

function mustExist(cat: Catalog, name: string): EventTriggerDef {
  const t = eventTriggerNamed(cat, name);
  if (!t) throw new PgError(SQLSTATE.undefined_object, `event trigger "${name}" does not exist`);
  return t;
}

function checkEventTriggerOwner(session: Session, cat: Catalog, t: EventTriggerDef): void {
  if (!isOwner(cat, session.currentUser(), t.owner)) throw mustBeOwner('event trigger', t.name);
}

const knownTag = (tag: string): boolean => EVENT_TRIGGER_TAGS.has(tag) || OTHER_COMMAND_TAGS.has(tag);

/** CREATE EVENT TRIGGER name ON event [WHEN TAG IN (...)] EXECUTE FUNCTION f(). */
export function createEventTrigger(session: Session, n: AnyNode): StatementResult {
  const txn = session.transaction();
  const cat0 = txn.catalog;
  const name = n.trigname as string;
  const event = n.eventname as string;
  if (!isSuperuser(cat0, session.currentUser())) {
    throw new PgError(SQLSTATE.insufficient_privilege, `permission denied to create event trigger "${name}"`, { hint: 'Must be superuser to create an event trigger.' });
  }
  if (!EVENTS.has(event)) throw new PgError(SQLSTATE.syntax_error, `unrecognized event name "${event}"`);
  let tags: string[] | undefined;
  for (const w of (n.whenclause ?? []) as AnyNode[]) {
    const d = w.DefElem as AnyNode;
    if (d.defname !== 'tag') throw new PgError(SQLSTATE.syntax_error, `unrecognized filter variable "${d.defname}"`);
    if (tags) throw new PgError(SQLSTATE.syntax_error, `filter variable "${d.defname}" specified more than once`);
    tags = ((d.arg?.List?.items ?? []) as AnyNode[]).map((x) => x.String.sval as string);
  }
  if (tags) {
    if (event === 'login') throw new PgError(SQLSTATE.feature_not_supported, 'tag filtering is not supported for login event triggers');
    for (const t of tags) {
      const up = t.toUpperCase();
      if (event === 'table_rewrite') {
        if (!TABLE_REWRITE_TAGS.has(up)) throw new PgError(SQLSTATE.feature_not_supported, `event triggers are not supported for ${t}`);
        continue;
      }
      if (!knownTag(up)) throw new PgError(SQLSTATE.syntax_error, `filter value "${t}" not recognized for filter variable "tag"`);
      if (!EVENT_TRIGGER_TAGS.has(up)) throw new PgError(SQLSTATE.feature_not_supported, `event triggers are not supported for ${t}`);
    }
  }
  if (eventTriggerNamed(cat0, name)) throw new PgError(SQLSTATE.duplicate_object, `event trigger "${name}" already exists`);
  const fnames = ((n.funcname ?? []) as AnyNode[]).map((x) => x.String.sval as string);
  const fname = fnames[fnames.length - 1];
  const path = fnames.length > 1 ? [fnames[fnames.length - 2]] : effectiveSearchPath(session.searchPath());
  let fn;
  for (const s of path) {
    const ns = cat0.namespaceOid(s);
    if (ns === undefined) continue;
    fn = cat0.functionsIn(ns, fname).find((f) => f.argTypes.length === 0 && f.kind !== 'p');
    if (fn) break;
  }
  if (!fn) {
    if (fnames.length > 1 && cat0.namespaceOid(fnames[fnames.length - 2]) === undefined) {
      throw new PgError(SQLSTATE.invalid_schema_name, `schema "${fnames[fnames.length - 2]}" does not exist`);
    }
    // A built-in function of that name (pg_backend_pid()): the return type check still applies.
    if (fnames.length === 1 || fnames[0] === 'pg_catalog') {
      if (functionsNamed(fname).some((f) => f.argTypes.length === 0 && !f.extension)) throw new PgError(SQLSTATE.invalid_object_definition, `function ${fnames.join('.')} must return type event_trigger`);
    }
    throw new PgError(SQLSTATE.undefined_function, `function ${fnames.join('.')}() does not exist`);
  }
  if (fn.returnType !== OID.event_trigger) throw new PgError(SQLSTATE.invalid_object_definition, `function ${fnames.join('.')} must return type event_trigger`);
  const def: EventTriggerDef = {
    oid: session.db.newOid(),
    name,
    event,
    owner: session.currentUser(),
    func: fn.oid,
    enabled: 'O',
    tags: tags ? tags.map((t) => t.toUpperCase()) : null,
  };
  txn.catalogForWrite().eventTriggers.set(def.oid, def);
  return commandResult('CREATE EVENT TRIGGER');
}

/** ALTER EVENT TRIGGER name ENABLE [REPLICA | ALWAYS] / DISABLE. */
export function alterEventTrigger(session: Session, n: AnyNode): StatementResult {
  const txn = session.transaction();
  const t = mustExist(txn.catalog, n.trigname as string);
  checkEventTriggerOwner(session, txn.catalog, t);
  txn.catalogForWrite().eventTriggers.set(t.oid, { ...t, enabled: n.tgenabled as EventTriggerDef['enabled'] });
  return commandResult('ALTER EVENT TRIGGER');
}

/** ALTER EVENT TRIGGER name OWNER TO role (the new owner must be a superuser). */
export function eventTriggerOwner(session: Session, n: AnyNode, newOwner: string): StatementResult {
  const txn = session.transaction();
  const cat = txn.catalog;
  const t = mustExist(cat, n.object.String.sval as string);
  if (t.owner !== newOwner) {
    checkEventTriggerOwner(session, cat, t);
    if (!isSuperuser(cat, newOwner)) {
      throw new PgError(SQLSTATE.insufficient_privilege, `permission denied to change owner of event trigger "${t.name}"`, { hint: 'The owner of an event trigger must be a superuser.' });
    }
    txn.catalogForWrite().eventTriggers.set(t.oid, { ...t, owner: newOwner });
  }
  return commandResult('ALTER EVENT TRIGGER');
}

/** ALTER EVENT TRIGGER name RENAME TO new. */
export function renameEventTrigger(session: Session, n: AnyNode): StatementResult {
  const txn = session.transaction();
  const cat = txn.catalog;
  const t = mustExist(cat, n.object.String.sval as string);
  const to = n.newname as string;
  if (eventTriggerNamed(cat, to)) throw new PgError(SQLSTATE.duplicate_object, `event trigger "${to}" already exists`);
  checkEventTriggerOwner(session, cat, t);
  txn.catalogForWrite().eventTriggers.set(t.oid, { ...t, name: to });
  return commandResult('ALTER EVENT TRIGGER');
}

/** DROP EVENT TRIGGER [IF EXISTS] name [, ...] (nothing depends on an event trigger). */
export function dropEventTriggers(session: Session, n: AnyNode): StatementResult {
  const txn = session.transaction();
  const victims: EventTriggerDef[] = [];
  for (const o of n.objects as AnyNode[]) {
    const name = o.String.sval as string;
    const t = eventTriggerNamed(txn.catalog, name);
    if (!t) {
      if (n.missing_ok) {
        skipNotice(session, `event trigger "${name}" does not exist, skipping`);
        continue;
      }
      throw new PgError(SQLSTATE.undefined_object, `event trigger "${name}" does not exist`);
    }
    checkEventTriggerOwner(session, txn.catalog, t);
    victims.push(t);
  }
  if (victims.length) {
    const cat = txn.catalogForWrite();
    for (const t of victims) removeEventTrigger(cat, t.oid);
  }
  return commandResult('DROP EVENT TRIGGER');
}

/** Removes an event trigger and its comment (DROP, or DROP FUNCTION ... CASCADE). */
export function removeEventTrigger(cat: Catalog, oid: number): void {
  cat.eventTriggers.delete(oid);
  cat.comments.delete(`${PG_EVENT_TRIGGER}.${oid}.0`);
}

/** The event triggers that run `func` (what DROP FUNCTION reports as dependents). */
export function eventTriggersUsing(cat: Catalog, func: number): EventTriggerDef[] {
  if (!cat.eventTriggers.size) return [];
  return [...cat.eventTriggers.values()].filter((t) => t.func === func).sort((a, b) => a.oid - b.oid);
}

/** COMMENT ON EVENT TRIGGER name: the pg_description key. */
export function eventTriggerCommentKey(session: Session, cat: Catalog, name: string): string {
  const t = mustExist(cat, name);
  checkEventTriggerOwner(session, cat, t);
  return `${PG_EVENT_TRIGGER}.${t.oid}.0`;
}
