/**
 * CREATE [OR REPLACE] [CONSTRAINT] TRIGGER, DROP TRIGGER, and ALTER TABLE ENABLE / DISABLE
 * TRIGGER: timing, events, UPDATE OF columns, FOR EACH ROW / STATEMENT, WHEN (analyzed now over
 * OLD and NEW), REFERENCING transition tables, arguments, deferrable constraint triggers, with
 * Postgres's checks and messages.
 *
 * Postgres counterpart: src/backend/commands/trigger.c (CreateTrigger, RemoveTriggerById,
 * EnableDisableTrigger).
 */
import { schemaMissingSkips } from './drop-missing.js';
import type { Catalog } from '../catalog/catalog.js';
import type { RelationDef, TriggerDef } from '../catalog/objects.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { ParseState, charOffset } from '../analyze/parse-state.js';
import { coerceToBoolean, transformExpr } from '../analyze/expr.js';
import { lookupRelation, relationRte } from '../analyze/relation.js';
import { effectiveSearchPath } from '../analyze/func-candidates.js';
import type { Expr } from '../nodes/primnodes.js';
import { emptyQuery } from '../nodes/query.js';
import { exprContains } from '../nodes/walk.js';
import { OID } from '../types/oids.js';
import type { Session } from '../session/session.js';
import { commandResult, type StatementResult } from '../session/dispatch.js';
import { exprText } from './column-expr.js';
import { truncateIdentifier } from './naming.js';
import { fireBeforeStatement, hasTriggers, replicaRole, triggerRunner, triggersFor } from '../executor/trigger.js';
import { cloneRowTriggers, dropTriggerClones } from './partition-ddl.js';
import { checkOwner, checkRelation } from '../catalog/acl.js';

type AnyNode = Record<string, any>;

const TIMING_BEFORE = 2;
const TIMING_INSTEAD = 64;
const EV_INSERT = 4;
const EV_DELETE = 8;
const EV_UPDATE = 16;
const EV_TRUNCATE = 32;

function pos(sql: string, loc: number | undefined): string | undefined {
  return loc === undefined || loc < 0 ? undefined : String(charOffset(sql, loc) + 1);
}

/** The first Var of a range entry in an expression, for error positions. */
function firstVar(e: Expr, rti: number | undefined): Expr | undefined {
  let found: Expr | undefined;
  exprContains(e, (x) => {
    if (x.kind === 'Var' && (rti === undefined || x.rti === rti) && !found) found = x;
    return false;
  });
  return found;
}

/** CREATE [OR REPLACE] [CONSTRAINT] TRIGGER. */
export function createTrigger(session: Session, n: AnyNode, sql: string): StatementResult {
  const txn = session.transaction();
  const cat0 = txn.catalog;
  const rv = n.relation;
  const rel = lookupRelation(cat0, session.searchPath(), { schema: rv.schemaname, name: rv.relname });
  if (!rel) throw new PgError(SQLSTATE.undefined_table, `relation "${rv.relname}" does not exist`);
  const name = truncateIdentifier(n.trigname);
  const timingBits: number = n.timing ?? 0;
  const timing: TriggerDef['timing'] = timingBits & TIMING_INSTEAD ? 'instead' : timingBits & TIMING_BEFORE ? 'before' : 'after';
  const ev: number = n.events ?? 0;
  const events = { insert: !!(ev & EV_INSERT), update: !!(ev & EV_UPDATE), delete: !!(ev & EV_DELETE), truncate: !!(ev & EV_TRUNCATE) };
  const level: TriggerDef['level'] = n.row ? 'row' : 'statement';
  if (rel.kind === 'v') {
    if (timing !== 'instead' && level === 'row') {
      throw new PgError(SQLSTATE.wrong_object_type, `"${rel.name}" is a view`, { detail: 'Views cannot have row-level BEFORE or AFTER triggers.' });
    }
    if (events.truncate) throw new PgError(SQLSTATE.wrong_object_type, `"${rel.name}" is a view`, { detail: 'Views cannot have TRUNCATE triggers.' });
  } else if (rel.kind === 'r' || rel.kind === 'p') {
    if (timing === 'instead') throw new PgError(SQLSTATE.wrong_object_type, `"${rel.name}" is a table`, { detail: 'Tables cannot have INSTEAD OF triggers.' });
  } else {
    throw new PgError(SQLSTATE.wrong_object_type, `relation "${rel.name}" cannot have triggers`);
  }
  // The TRIGGER privilege (not ownership) lets a role create triggers on a table.
  checkRelation(cat0, session.currentUser(), rel, 't');
  if (events.truncate && level === 'row') throw new PgError(SQLSTATE.feature_not_supported, 'TRUNCATE FOR EACH ROW triggers are not supported');
  if (timing === 'instead') {
    if (level !== 'row') throw new PgError(SQLSTATE.feature_not_supported, 'INSTEAD OF triggers must be FOR EACH ROW');
    if (n.whenClause) throw new PgError(SQLSTATE.feature_not_supported, 'INSTEAD OF triggers cannot have WHEN conditions');
    if (n.columns?.length) throw new PgError(SQLSTATE.feature_not_supported, 'INSTEAD OF triggers cannot have column lists');
  }
  let oldTable: string | undefined;
  let newTable: string | undefined;
  for (const tr of (n.transitionRels ?? []) as AnyNode[]) {
    const t = tr.TriggerTransition;
    if (!t.isTable) throw new PgError(SQLSTATE.feature_not_supported, 'ROW variable naming in the REFERENCING clause is not supported', { hint: 'Use OLD TABLE or NEW TABLE for naming transition tables.' });
    if (rel.kind === 'v') throw new PgError(SQLSTATE.wrong_object_type, `"${rel.name}" is a view`, { detail: 'Triggers on views cannot have transition tables.' });
    if (rel.kind === 'p' && level === 'row') {
      throw new PgError(SQLSTATE.feature_not_supported, `"${rel.name}" is a partitioned table`, { detail: 'ROW triggers with transition tables are not supported on partitioned tables.' });
    }
    if (rel.partitionOf && level === 'row') throw new PgError(SQLSTATE.feature_not_supported, 'ROW triggers with transition tables are not supported on partitions');
    if (timing !== 'after') throw new PgError(SQLSTATE.invalid_object_definition, 'transition table name can only be specified for an AFTER trigger');
    if (events.truncate) throw new PgError(SQLSTATE.feature_not_supported, 'TRUNCATE triggers with transition tables are not supported');
    if (Number(events.insert) + Number(events.update) + Number(events.delete) > 1) {
      throw new PgError(SQLSTATE.feature_not_supported, 'transition tables cannot be specified for triggers with more than one event');
    }
    if (n.columns?.length) throw new PgError(SQLSTATE.feature_not_supported, 'transition tables cannot be specified for triggers with column lists');
    if (t.isNew) {
      if (!events.insert && !events.update) throw new PgError(SQLSTATE.invalid_object_definition, 'NEW TABLE can only be specified for an INSERT or UPDATE trigger');
      if (newTable) throw new PgError(SQLSTATE.invalid_object_definition, 'NEW TABLE cannot be specified multiple times');
      newTable = t.name;
    } else {
      if (!events.delete && !events.update) throw new PgError(SQLSTATE.invalid_object_definition, 'OLD TABLE can only be specified for a DELETE or UPDATE trigger');
      if (oldTable) throw new PgError(SQLSTATE.invalid_object_definition, 'OLD TABLE cannot be specified multiple times');
      oldTable = t.name;
    }
  }
  if (oldTable && oldTable === newTable) throw new PgError(SQLSTATE.invalid_object_definition, 'OLD TABLE name and NEW TABLE name cannot be the same');
  // UPDATE OF columns.
  const updateColumns: number[] = [];
  for (const c of (n.columns ?? []) as AnyNode[]) {
    const cname = c.String.sval as string;
    const col = rel.columns.find((x) => x.name === cname && !x.dropped);
    if (!col) throw new PgError(SQLSTATE.undefined_column, `column "${cname}" of relation "${rel.name}" does not exist`);
    if (updateColumns.includes(col.attnum)) throw new PgError(SQLSTATE.duplicate_column, `column "${cname}" specified more than once`);
    updateColumns.push(col.attnum);
  }
  // WHEN, over OLD (rti 0) and NEW (rti 1).
  let when: TriggerDef['when'];
  if (n.whenClause) {
    const stmt = { catalog: cat0, session, sql, paramTypes: [] as number[], inferParams: false, volatileSeen: false };
    const ps = new ParseState(stmt, emptyQuery('select'));
    const o = ps.addRte(relationRte(rel, { aliasname: 'old' }));
    const w = ps.addRte(relationRte(rel, { aliasname: 'new' }));
    ps.namespace.push({ rti: o, rte: ps.query.rtable[o], relVisible: true, colsVisible: false });
    ps.namespace.push({ rti: w, rte: ps.query.rtable[w], relVisible: true, colsVisible: false });
    ps.exprKind = 'where';
    const e = coerceToBoolean(ps, transformExpr(ps, n.whenClause), 'WHEN');
    if (level === 'statement') {
      const v = firstVar(e, undefined);
      if (v) throw new PgError(SQLSTATE.invalid_object_definition, "statement trigger's WHEN condition cannot reference column values", { position: pos(sql, v.location) });
    } else {
      const oldRef = firstVar(e, o);
      const newRef = firstVar(e, w);
      if (events.insert && oldRef) throw new PgError(SQLSTATE.invalid_object_definition, "INSERT trigger's WHEN condition cannot reference OLD values", { position: pos(sql, oldRef.location) });
      if (events.delete && newRef) throw new PgError(SQLSTATE.invalid_object_definition, "DELETE trigger's WHEN condition cannot reference NEW values", { position: pos(sql, newRef.location) });
      // A BEFORE trigger's NEW row has no system columns yet.
      let sysRef: Expr | undefined;
      if (timing === 'before') exprContains(e, (x) => {
        if (x.kind === 'Var' && x.rti === w && x.attno < 0 && !sysRef) sysRef = x;
        return false;
      });
      if (sysRef) throw new PgError(SQLSTATE.feature_not_supported, "BEFORE trigger's WHEN condition cannot reference NEW system columns", { position: pos(sql, sysRef.location) });
    }
    const start = Object.values(n.whenClause as AnyNode)[0]?.location;
    when = { expr: e, text: exprText(sql, start), volatile: stmt.volatileSeen };
  }
  // The function: no arguments, returns trigger.
  const fnames = (n.funcname as AnyNode[]).map((x) => x.String.sval as string);
  const fname = fnames[fnames.length - 1];
  const schema = fnames.length > 1 ? fnames[fnames.length - 2] : undefined;
  const path = schema !== undefined ? [schema] : effectiveSearchPath(session.searchPath());
  let fn;
  for (const s of path) {
    const ns = cat0.namespaceOid(s);
    if (ns === undefined) continue;
    fn = cat0.functionsIn(ns, fname).find((f) => f.argTypes.length === 0);
    if (fn) break;
  }
  if (!fn) throw new PgError(SQLSTATE.undefined_function, `function ${fnames.join('.')}() does not exist`);
  if (fn.returnType !== OID.trigger) throw new PgError(SQLSTATE.invalid_object_definition, `function ${fnames.join('.')} must return type trigger`);
  const existing = cat0.relationTriggers(rel.oid).find((t) => t.name === name);
  if (existing) checkReplaceable(existing, rel, !!n.replace, false);
  const def: TriggerDef = {
    oid: existing?.oid ?? session.db.newOid(),
    name,
    relation: rel.oid,
    function: fn.oid,
    timing,
    events,
    level,
    updateColumns,
    when,
    args: ((n.args ?? []) as AnyNode[]).map((a) => String(a.String?.sval ?? '')),
    enabled: 'O',
    constraint: n.isconstraint ? { deferrable: !!n.deferrable, initiallyDeferred: !!n.initdeferred } : undefined,
    oldTable,
    newTable,
  };
  const cat = txn.catalogForWrite();
  cat.putTrigger(def);
  // A row trigger on a partitioned table fires on its partitions: each gets a clone.
  if (rel.kind === 'p' && level === 'row') cloneRowTriggers(session, cat, rel, [def], undefined, !!n.replace);
  return commandResult('CREATE TRIGGER');
}

/**
 * CREATE [OR REPLACE] TRIGGER over a trigger of the same name: only OR REPLACE replaces, never a
 * constraint trigger, and a partition's clone only when the parent's trigger is being replaced.
 */
export function checkReplaceable(existing: TriggerDef, rel: RelationDef, replace: boolean, inPartition: boolean): void {
  if (!replace) throw new PgError(SQLSTATE.duplicate_object, `trigger "${existing.name}" for relation "${rel.name}" already exists`);
  if (existing.parentTrigger !== undefined && !inPartition) {
    throw new PgError(SQLSTATE.duplicate_object, `trigger "${existing.name}" for relation "${rel.name}" is an internal or a child trigger`);
  }
  if (existing.constraint) throw new PgError(SQLSTATE.duplicate_object, `trigger "${existing.name}" for relation "${rel.name}" is a constraint trigger`);
}

/** DROP TRIGGER [IF EXISTS] name ON table [CASCADE | RESTRICT]. */
export function dropTrigger(session: Session, n: AnyNode): StatementResult {
  const txn = session.transaction();
  for (const obj of n.objects as AnyNode[]) {
    const parts = (obj.List.items as AnyNode[]).map((x) => x.String.sval as string);
    const tname = parts[parts.length - 1];
    const relParts = parts.slice(0, -1);
    const qn = relParts.length === 2 ? { schema: relParts[0], name: relParts[1] } : { name: relParts[relParts.length - 1] };
    if (schemaMissingSkips(session, txn.catalog, relParts, !!n.missing_ok)) continue;
    const rel = lookupRelation(txn.catalog, session.searchPath(), qn);
    if (!rel) {
      if (n.missing_ok) {
        session.notice(new PgError(SQLSTATE.successful_completion, `relation "${relParts.join('.')}" does not exist, skipping`, { severity: 'NOTICE' }));
        continue;
      }
      throw new PgError(SQLSTATE.undefined_table, `relation "${relParts.join('.')}" does not exist`);
    }
    const t = txn.catalog.relationTriggers(rel.oid).find((x) => x.name === tname);
    if (!t) {
      if (n.missing_ok) {
        session.notice(new PgError(SQLSTATE.successful_completion, `trigger "${tname}" for relation "${rel.name}" does not exist, skipping`, { severity: 'NOTICE' }));
        continue;
      }
      throw new PgError(SQLSTATE.undefined_object, `trigger "${tname}" for table "${rel.name}" does not exist`);
    }
    // (check_object_ownership: the table's owner)
    checkOwner(txn.catalog, session.currentUser(), rel.owner, 'relation', rel.name);
    if (t.parentTrigger !== undefined) {
      const pt = txn.catalog.triggers.get(t.parentTrigger);
      const prel = pt && txn.catalog.relations.get(pt.relation);
      if (pt && prel) {
        throw new PgError(SQLSTATE.dependent_objects_still_exist, `cannot drop trigger ${t.name} on table ${rel.name} because trigger ${pt.name} on table ${prel.name} requires it`, {
          hint: `You can drop trigger ${pt.name} on table ${prel.name} instead.`,
        });
      }
    }
    dropTriggerClones(txn.catalogForWrite(), t.oid);
    txn.catalogForWrite().removeTrigger(t.oid);
  }
  return commandResult('DROP TRIGGER');
}

/**
 * ALTER TABLE ... ENABLE [ALWAYS | REPLICA] / DISABLE TRIGGER name | ALL | USER.
 * @returns false when the subcommand is not a trigger one.
 */
export function alterTableTrigger(cat: Catalog, rel: RelationDef, cmd: AnyNode): boolean {
  const states: Record<string, TriggerDef['enabled']> = {
    AT_EnableTrig: 'O', AT_EnableAlwaysTrig: 'A', AT_EnableReplicaTrig: 'R', AT_DisableTrig: 'D',
    AT_EnableTrigAll: 'O', AT_DisableTrigAll: 'D', AT_EnableTrigUser: 'O', AT_DisableTrigUser: 'D',
  };
  const state = states[cmd.subtype as string];
  if (state === undefined) return false;
  const all = /TrigAll$|TrigUser$/.test(cmd.subtype);
  const targets = all ? cat.relationTriggers(rel.oid) : cat.relationTriggers(rel.oid).filter((t) => t.name === cmd.name);
  if (!all && !targets.length) throw new PgError(SQLSTATE.undefined_object, `trigger "${cmd.name}" for table "${rel.name}" does not exist`);
  for (const t of targets) cat.putTrigger({ ...t, enabled: state });
  // ALL includes the system triggers that enforce foreign keys.
  if (/TrigAll$/.test(cmd.subtype) && !!rel.riTriggersDisabled !== (state === 'D')) cat.putRelation({ ...rel, riTriggersDisabled: state === 'D' || undefined });
  return true;
}

/** TRUNCATE with its statement triggers: BEFORE and AFTER TRUNCATE of each table named. */
export function withTruncateTriggers(session: Session, n: AnyNode, run: () => StatementResult): StatementResult {
  const cat = session.catalog();
  const rels: RelationDef[] = [];
  for (const r of (n.relations ?? []) as AnyNode[]) {
    const rv = r.RangeVar;
    const rel = lookupRelation(cat, session.searchPath(), { schema: rv.schemaname, name: rv.relname });
    if (rel && rel.kind === 'r' && hasTriggers(cat, rel.oid) && !rels.includes(rel)) rels.push(rel);
  }
  if (!rels.length) return run();
  for (const rel of rels) fireBeforeStatement(session, rel, 'TRUNCATE');
  const result = run();
  for (const rel of rels) {
    for (const t of triggersFor(session.catalog(), rel.oid, 'after', 'statement', 'TRUNCATE', replicaRole(session))) {
      runTrigger(session, t, rel);
    }
  }
  return result;
}

function runTrigger(session: Session, t: TriggerDef, rel: RelationDef): void {
  const fn = session.catalog().functions.get(t.function);
  if (fn) triggerRunner()(session, fn, { trigger: t, rel, when: 'AFTER', level: 'STATEMENT', op: 'TRUNCATE' });
}

/** ALTER TRIGGER name ON table RENAME TO new (renametrig): a partitioned table's clones follow. */
export function renameTrigger(session: Session, n: AnyNode): StatementResult {
  const txn = session.transaction();
  const rv = n.relation;
  const rel = lookupRelation(txn.catalog, session.searchPath(), { schema: rv.schemaname, name: rv.relname });
  if (!rel) {
    if (n.missing_ok) return commandResult('ALTER TRIGGER');
    throw new PgError(SQLSTATE.undefined_table, `relation "${rv.relname}" does not exist`);
  }
  if (rel.kind !== 'r' && rel.kind !== 'p' && rel.kind !== 'v') {
    throw new PgError(SQLSTATE.wrong_object_type, `relation "${rel.name}" cannot have triggers`);
  }
  checkOwner(txn.catalog, session.currentUser(), rel.owner, rel.kind === 'v' ? 'view' : 'table', rel.name);
  const oldName = n.subname as string;
  const newName = truncateIdentifier(n.newname);
  const t = txn.catalog.relationTriggers(rel.oid).find((x) => x.name === oldName);
  if (!t) throw new PgError(SQLSTATE.undefined_object, `trigger "${oldName}" for table "${rel.name}" does not exist`);
  if (t.parentTrigger !== undefined) {
    const pt = txn.catalog.triggers.get(t.parentTrigger);
    const prel = pt && txn.catalog.relations.get(pt.relation);
    throw new PgError(SQLSTATE.feature_not_supported, `cannot rename trigger "${t.name}" on table "${rel.name}"`, {
      hint: `Rename the trigger on the partitioned table "${prel?.name ?? ''}" instead.`,
    });
  }
  const cat = txn.catalogForWrite();
  const rename = (trig: TriggerDef, r: RelationDef): void => {
    if (trig.name !== newName && cat.relationTriggers(r.oid).some((x) => x.name === newName)) {
      throw new PgError(SQLSTATE.duplicate_object, `trigger "${newName}" for relation "${r.name}" already exists`);
    }
    cat.putTrigger({ ...trig, name: newName });
    for (const c of [...cat.triggers.values()]) {
      const crel = c.parentTrigger === trig.oid ? cat.relations.get(c.relation) : undefined;
      if (crel) rename(c, crel);
    }
  };
  rename(t, rel);
  return commandResult('ALTER TRIGGER');
}

/**
 * DROP COLUMN: triggers whose UPDATE OF list or WHEN condition names the column depend on it
 * (2BP01 without CASCADE; with CASCADE they are dropped, with Postgres's notices).
 */
export function dropColumnTriggers(session: Session, cat: Catalog, rel: RelationDef, col: { attnum: number; name: string }, cascade: boolean): void {
  const deps = cat.relationTriggers(rel.oid).filter((t) => t.updateColumns.includes(col.attnum) || (t.when && exprContains(t.when.expr, (x) => x.kind === 'Var' && x.attno === col.attnum)));
  if (!deps.length) return;
  deps.sort((a, b) => a.oid - b.oid);
  const lines = deps.map((t) => `trigger ${t.name} on table ${rel.name}`);
  if (!cascade) {
    throw new PgError(SQLSTATE.dependent_objects_still_exist, `cannot drop column ${col.name} of table ${rel.name} because other objects depend on it`, {
      detail: lines.map((l) => `${l} depends on column ${col.name} of table ${rel.name}`).join('\n'),
      hint: 'Use DROP ... CASCADE to drop the dependent objects too.',
    });
  }
  const notice = deps.length === 1
    ? new PgError(SQLSTATE.successful_completion, `drop cascades to ${lines[0]}`, { severity: 'NOTICE' })
    : new PgError(SQLSTATE.successful_completion, `drop cascades to ${deps.length} other objects`, { severity: 'NOTICE', detail: lines.map((l) => `drop cascades to ${l}`).join('\n') });
  session.notice(notice);
  for (const t of deps) {
    dropTriggerClones(cat, t.oid);
    cat.removeTrigger(t.oid);
  }
}
