/**
 * Referential integrity: foreign-key checks on the referencing side and ON DELETE / ON UPDATE
 * actions (NO ACTION, RESTRICT, CASCADE, SET NULL, SET DEFAULT) on the referenced side, queued
 * per statement and run at its end, with Postgres's 23503 messages and details.
 * Temporal keys (PERIOD) match their last column by overlap: see ri-period.ts.
 * Postgres counterpart: src/backend/utils/adt/ri_triggers.c.
 */
import { keyValuesVisible } from '../rewrite/row-security.js';
import { partitionMap } from '../catalog/inheritance.js';
import type { Catalog } from '../catalog/catalog.js';
import type { ConstraintDef, ForeignKeyInfo, RelationDef } from '../catalog/objects.js';
import { addErrorContext, popContext, pushContext } from '../pl/error-context.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Tuple } from '../storage/heap.js';
import { typeInfo } from '../types/registry.js';
import type { Value } from '../types/values.js';
import { checkConstraints, compileStored, computeGenerated, deleteTuple, updateTuple, type ModifyState } from './modify-table.js';
import type { Session } from '../session/session.js';
import { foreignKeysOf, keySearchOf, referencingKeysOf } from '../catalog/relation-cache.js';
import { partitionDescendants, partitionLeaves } from '../catalog/partition.js';
import { beforeRowTriggers, fireBeforeStatement, firstReferentialStatement, hasTriggers, queueAfterRow, queueAfterStatement, replicaRole } from './trigger.js';
import { isVisible } from '../storage/heap.js';
import type { Snapshot } from '../storage/xact.js';
import { checkRowLock, takeRowLock, usesTransactionSnapshot } from './row-lock.js';
import { fitsPartition } from './partition-route.js';
import { moveRow } from '../commands/dml.js';
import { periodOps, type PeriodOps } from './ri-period.js';

function quoteCol(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : '"' + name.replace(/"/g, '""') + '"';
}

function keyText(ms: ModifyState, rel: RelationDef, atts: readonly number[], vals: readonly Value[]): string {
  const cols = atts.map((a) => quoteCol(rel.columns[a - 1].name)).join(', ');
  const vs = vals.map((v, i) => (v === null ? 'null' : typeInfo(ms.cat, rel.columns[atts[i] - 1].type).io.output(v, ms.ctx.session.io))).join(', ');
  return `(${cols})=(${vs})`;
}

// Foreign keys are enforced by ordinary (origin) triggers in Postgres: a session with
// session_replication_role = replica (a data load) skips them, and so does a table whose
// triggers ALTER TABLE ... DISABLE TRIGGER ALL disabled.

export function queueInsertChecks(ms: ModifyState, rel: RelationDef, t: Tuple): void {
  const fks = foreignKeysOf(ms.cat, rel.oid);
  if (!fks.length || rel.riTriggersDisabled || replicaRole(ms.ctx.session as Session)) return;
  for (const fk of fks) ms.queue.push({ kind: 'check', fk, table: rel, tuple: t });
}

export function queueDeleteActions(ms: ModifyState, rel: RelationDef, old: readonly Value[]): void {
  const refs = referencingKeysOf(ms.cat, rel.oid);
  if (!refs.length || rel.riTriggersDisabled || replicaRole(ms.ctx.session as Session)) return;
  for (const fk of refs) ms.queue.push({ kind: 'ref-delete', fk, table: rel, old });
}

export function queueUpdateActions(ms: ModifyState, rel: RelationDef, old: readonly Value[], now: readonly Value[], t: Tuple, oldTuple: Tuple): void {
  const fks = foreignKeysOf(ms.cat, rel.oid);
  const refs = referencingKeysOf(ms.cat, rel.oid);
  if ((!fks.length && !refs.length) || rel.riTriggersDisabled || replicaRole(ms.ctx.session as Session)) return;
  // A row this transaction inserted is checked whatever changed: the update ends the insert's own
  // (possibly deferred) check, which only ever looks at the live version (RI_FKey_fk_upd_check_required).
  const ownRow = fks.length > 0 && ms.ctx.txn.own().xids.has(oldTuple.xmin);
  // The actions go first: Postgres fires a row's triggers in name order, and the action triggers
  // (RI_ConstraintTrigger_a_*) sort before the checks (RI_ConstraintTrigger_c_*). On a
  // self-referencing table a cascade may rewrite the row before its own check runs.
  for (const fk of refs) {
    const refCols = refAtts(ms.cat, fk, rel);
    if (refCols.some((a) => !sameValue(old[a - 1], now[a - 1]))) ms.queue.push({ kind: 'ref-update', fk, table: rel, old, now });
  }
  for (const fk of fks) {
    // Otherwise re-check only when the referencing key changed (Postgres skips unchanged keys,
    // and a temporal key's period that only shrank).
    if (ownRow || (fk.period ? periodKeyChanged(ms, fk, rel, old, now) : fk.columns.some((a) => !sameValue(old[a - 1], now[a - 1])))) ms.queue.push({ kind: 'check', fk, table: rel, tuple: t });
  }
}

/**
 * A cross-partition UPDATE moving a row out of partition `leaf` (its DELETE half): only keys that
 * reference the partition itself act now; those it inherits act through the UPDATE on `root`
 * (queueCrossPartitionUpdate), as AfterTriggerSaveEvent skips the cloned triggers' DELETE events.
 */
export function queueMoveDeleteActions(ms: ModifyState, leaf: RelationDef, old: readonly Value[]): void {
  if (replicaRole(ms.ctx.session as Session)) return;
  for (const fk of ms.cat.referencingForeignKeys(leaf.oid)) {
    if (!fk.notEnforced) ms.queue.push({ kind: 'ref-delete', fk, table: leaf, old });
  }
}

/**
 * A cross-partition UPDATE's UPDATE event on the table it names (`root`, rows in its layout): the
 * keys referencing it act as for an update of the key (ExecCrossPartitionUpdateForeignKey). A key
 * referencing a partitioned table between `root` and `leaf` cannot be enforced: 0A000.
 */
export function queueCrossPartitionUpdate(ms: ModifyState, root: RelationDef, leaf: RelationDef, old: readonly Value[], now: readonly Value[]): void {
  const cat = ms.cat;
  if (!referencingKeysOf(cat, leaf.oid).length || replicaRole(ms.ctx.session as Session)) return;
  for (let a = leaf.partitionOf?.parent; a !== undefined && a !== root.oid; a = cat.relations.get(a)?.partitionOf?.parent) {
    if (cat.referencingForeignKeys(a).some((k) => !k.notEnforced)) {
      throw new PgError(SQLSTATE.feature_not_supported, 'cannot move tuple across partitions when a non-root ancestor of the source partition is directly referenced in a foreign key', {
        detail: `A foreign key points to ancestor "${cat.relation(a).name}" but not the root ancestor "${root.name}".`,
        hint: `Consider defining the foreign key on table "${root.name}".`,
      });
    }
  }
  for (const fk of referencingKeysOf(cat, root.oid)) {
    const refCols = refAtts(cat, fk, root);
    if (refCols.some((x) => !sameValue(old[x - 1], now[x - 1]))) ms.queue.push({ kind: 'ref-update', fk, table: root, old, now });
  }
}

/**
 * The referenced columns of `fk` as `refTable` numbers them: a partition of the referenced
 * partitioned table may have its own column layout (dropped columns, another order).
 */
function refAtts(cat: Catalog, fk: ConstraintDef, refTable: RelationDef): readonly number[] {
  const info = fk.fk!;
  if (info.refRelation === refTable.oid) return info.refColumns;
  const m = partitionMap(cat.relation(info.refRelation), refTable);
  return m ? leafAtts(info.refColumns, m) : info.refColumns;
}

/** RI_FKey_fk_upd_check_required for a temporal key: the PERIOD column compares with `<@` (new within old). */
function periodKeyChanged(ms: ModifyState, fk: ConstraintDef, rel: RelationDef, old: readonly Value[], now: readonly Value[]): boolean {
  const n = fk.columns.length - 1;
  for (let i = 0; i < n; i++) if (!sameValue(old[fk.columns[i] - 1], now[fk.columns[i] - 1])) return true;
  const a = fk.columns[n];
  const o = old[a - 1] ?? null;
  const v = now[a - 1] ?? null;
  if (sameValue(o, v)) return false;
  return o === null || v === null || !periodOps(ms.cat, rel.columns[a - 1].type).containedBy(v, o);
}

function sameValue(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  return JSON.stringify(a, big) === JSON.stringify(b, big);
}
function big(_k: string, v: unknown): unknown {
  return typeof v === 'bigint' ? v.toString() + 'n' : v;
}

/** Runs queued RI work (and the work it queues) after the statement's own writes. */
export function runRiQueue(ms: ModifyState, session: Session): void {
  if (!ms.queue.length) return;
  const txn = session.transaction();
  txn.commandCounterIncrement();
  while (ms.queue.length) {
    const ev = ms.queue.shift()!;
    // A deferred constraint's checks (and actions, except RESTRICT) wait for commit.
    if (!ms.firingDeferred && txn.isDeferred(ev.fk) && !(ev.kind !== 'check' && (ev.kind === 'ref-delete' ? ev.fk.fk!.onDelete : ev.fk.fk!.onUpdate) === 'r')) {
      txn.deferEvent(ev);
      continue;
    }
    if (ev.kind === 'check') checkReferenced(ms, ev.fk, ev.table, ev.tuple);
    else if (ev.kind === 'ref-delete') onReferencedChange(ms, ev.fk, ev.table, ev.old, undefined);
    else onReferencedChange(ms, ev.fk, ev.table, ev.old, ev.now);
    txn.commandCounterIncrement();
  }
}

/**
 * Live rows of `rel` whose columns `atts` equal `key`, as Postgres's RI queries see them: in READ
 * COMMITTED through a fresh snapshot (rows committed by others meanwhile count); in REPEATABLE
 * READ through the transaction's snapshot, except that searches for referencing rows
 * (`detectNew`) look at the latest state and fail with 40001 on a row the snapshot cannot see.
 * With `lock`, each row found is locked FOR KEY SHARE (waiting for a transaction that deletes it
 * or changes its key), as the RI queries' `FOR KEY SHARE OF x` does.
 */
const leafAttsCache = new WeakMap<readonly number[], WeakMap<Int32Array, number[]>>();

/** Attnums of a partitioned table's columns as a partition with another layout numbers them (one array per pair: keySearchOf caches by identity). */
function leafAtts(atts: readonly number[], m: Int32Array): number[] {
  let byMap = leafAttsCache.get(atts);
  if (!byMap) leafAttsCache.set(atts, (byMap = new WeakMap()));
  let out = byMap.get(m);
  if (!out) byMap.set(m, (out = atts.map((a) => m[a - 1] + 1)));
  return out;
}

function findRows(ms: ModifyState, rel: RelationDef, atts: readonly number[], key: readonly Value[], lock = false, detectNew = false, overlapsLast?: PeriodOps['overlaps']): Tuple[] {
  const txn = ms.ctx.txn;
  // A partitioned table: the rows of its partitions.
  if (rel.kind === 'p') {
    return partitionLeaves(ms.cat, rel).flatMap((leaf) => {
      // (a partition with its own column layout numbers the key columns its way)
      const m = partitionMap(rel, leaf);
      return findRows(ms, leaf, m ? leafAtts(atts, m) : atts, key, lock, detectNew, overlapsLast);
    });
  }
  const { index, compare } = keySearchOf(ms.cat, rel, atts);
  const txnSnapshot = usesTransactionSnapshot(ms.ctx);
  const search = new RowSearch(ms, rel, atts, compare, key, txnSnapshot && !detectNew ? txn.snapshot() : txn.status.snapshot(), detectNew && txnSnapshot, lock, overlapsLast);
  const heap = txn.heap(rel);
  if (index) {
    // (a temporal key's PERIOD column matches by overlap: look up the equality prefix)
    for (const tid of txn.index(index).lookup(overlapsLast ? key.slice(0, -1) : (key as Value[]))) search.consider(heap.get(tid));
  } else {
    for (const t of heap.all()) search.consider(t);
  }
  return search.found;
}

/** One findRows search: the rows found so far, and the test each candidate version goes through. */
class RowSearch {
  readonly found: Tuple[] = [];
  constructor(
    private readonly ms: ModifyState,
    private readonly rel: RelationDef,
    private readonly atts: readonly number[],
    private readonly compare: readonly ((a: Value, b: Value) => number)[],
    private readonly key: readonly Value[],
    private readonly snap: Snapshot,
    /** REPEATABLE READ search for referencing rows: a row the transaction cannot see is 40001. */
    private readonly detectNew: boolean,
    private readonly lock: boolean,
    /** A temporal key: the last column matches by `&&` instead of equality. */
    private readonly overlapsLast?: PeriodOps['overlaps'],
  ) {}

  private matches(t: Tuple): boolean {
    const { atts, rel, compare, key, overlapsLast } = this;
    const n = overlapsLast ? atts.length - 1 : atts.length;
    for (let k = 0; k < n; k++) {
      const a = atts[k];
      const v = t.values[a - 1] ?? rel.columns[a - 1].missing ?? null;
      if (v === null || compare[k](v, key[k]) !== 0) return false;
    }
    if (overlapsLast) {
      const a = atts[n];
      const v = t.values[a - 1] ?? rel.columns[a - 1].missing ?? null;
      if (v === null || !overlapsLast(v, key[n])) return false;
    }
    return true;
  }

  consider(t: Tuple | undefined): void {
    const txn = this.ms.ctx.txn;
    if (!t || !isVisible(t, this.snap, txn.own(), txn.status)) return;
    if (this.detectNew && !txn.visible(t)) throw new PgError(SQLSTATE.serialization_failure, 'could not serialize access due to concurrent update');
    if (!this.matches(t)) return;
    if (!this.lock) {
      this.found.push(t);
      return;
    }
    let v: Tuple | undefined = t;
    while (v) {
      const r = checkRowLock(this.ms.ctx, this.rel, v, 'keyshare', 'wait', false);
      if (r.status === 'ok' || r.status === 'self') {
        takeRowLock(this.ms.ctx, this.rel, r.tuple, 'keyshare');
        this.found.push(r.tuple);
        return;
      }
      v = r.status === 'updated' && this.matches(r.latest) ? r.latest : undefined;
    }
  }
}

/**
 * The periods of the referenced rows a temporal key's check aggregates: rows whose other key
 * columns equal `key`'s and whose period (the last of `atts`) overlaps its last value, locked FOR
 * KEY SHARE (the `SELECT pkperiod ... FOR KEY SHARE` under range_agg).
 */
function findPeriods(ms: ModifyState, rel: RelationDef, atts: readonly number[], key: readonly Value[], ops: PeriodOps): Value[] {
  if (rel.kind === 'p') {
    return partitionLeaves(ms.cat, rel).flatMap((leaf) => {
      const m = partitionMap(rel, leaf);
      return findPeriods(ms, leaf, m ? leafAtts(atts, m) : atts, key, ops);
    });
  }
  const pa = atts[atts.length - 1];
  return findRows(ms, rel, atts, key, true, false, ops.overlaps).map((t) => t.values[pa - 1] ?? rel.columns[pa - 1].missing ?? null);
}

function coerceKey(cat: Catalog, from: RelationDef, fromAtts: readonly number[], to: RelationDef, toAtts: readonly number[], vals: Value[]): Value[] {
  let same = true;
  for (let i = 0; i < vals.length && same; i++) same = from.columns[fromAtts[i] - 1].type === to.columns[toAtts[i] - 1].type;
  if (same) return vals;
  return vals.map((v, i) => {
    if (v === null) return v;
    const ft = from.columns[fromAtts[i] - 1].type;
    const tt = to.columns[toAtts[i] - 1].type;
    if (ft === tt) return v;
    const tio = typeInfo(cat, tt).io;
    const fio = typeInfo(cat, ft).io;
    const io = { timeZone: 'UTC', dateStyle: 'ISO, MDY', intervalStyle: 'postgres', extraFloatDigits: 1, byteaOutput: 'hex' as const };
    return tio.input(fio.output(v, io), -1, io);
  });
}

function checkReferenced(ms: ModifyState, fk: ConstraintDef, table: RelationDef, t: Tuple): void {
  const txn = ms.ctx.txn;
  const cur = txn.heap(table).get(t.tid);
  if (!cur || !txn.visible(cur)) return; // deleted or updated again later in the statement
  const info = fk.fk!;
  const vals = fk.columns.map((a) => cur.values[a - 1] ?? table.columns[a - 1].missing ?? null);
  let nulls = 0;
  for (const v of vals) if (v === null) nulls++;
  if (nulls === vals.length) return;
  if (nulls > 0) {
    if (info.match === 'f') {
      throw new PgError(SQLSTATE.foreign_key_violation, `insert or update on table "${table.name}" violates foreign key constraint "${fk.name}"`, {
        detail: 'MATCH FULL does not allow mixing of null and nonnull key values.',
        schema: ms.cat.namespaceName(table.namespace),
        table: table.name,
        constraint: fk.name,
      });
    }
    return;
  }
  const ref = ms.cat.relation(info.refRelation);
  const key = coerceKey(ms.cat, table, fk.columns, ref, info.refColumns, vals);
  if (fk.period) {
    // (the referenced periods together must contain the referencing one: `$n <@ range_agg(pkperiod)`)
    const pa = info.refColumns[info.refColumns.length - 1];
    const ops = periodOps(ms.cat, ref.columns[pa - 1].type);
    if (ops.covered(findPeriods(ms, ref, info.refColumns, key, ops), key[key.length - 1])) return;
  } else if (findRows(ms, ref, info.refColumns, key, true).length) return;
  throw new PgError(SQLSTATE.foreign_key_violation, `insert or update on table "${table.name}" violates foreign key constraint "${fk.name}"`, {
    detail: keyValuesVisible(ms.ctx.session, ms.cat, table, fk.columns) ? `Key ${keyText(ms, table, fk.columns, vals)} is not present in table "${ref.name}".` : `Key is not present in table "${ref.name}".`,
    schema: ms.cat.namespaceName(table.namespace),
    table: table.name,
    constraint: fk.name,
  });
}

function onReferencedChange(ms: ModifyState, fk: ConstraintDef, refTable: RelationDef, old: readonly Value[], now: readonly Value[] | undefined): void {
  const info = fk.fk!;
  const refCols = refAtts(ms.cat, fk, refTable);
  const oldKey = refCols.map((a) => old[a - 1] ?? null);
  if (oldKey.some((v) => v === null)) return;
  const child = ms.cat.relation(fk.relation);
  // NO ACTION: fine if another row now provides the same key (in any partition of a partitioned table).
  const action = now ? info.onUpdate : info.onDelete;
  const referenced = info.refRelation === refTable.oid ? refTable : ms.cat.relation(info.refRelation);
  // (a temporal key looks for what still covers the referencing periods below, per referencing row)
  if (action === 'a' && !fk.period && findRows(ms, referenced, info.refColumns, oldKey, true).length) return;
  const childKey = coerceKey(ms.cat, refTable, refCols, child, fk.columns, oldKey as Value[]);
  // The action runs a query on the child table: its statement triggers fire (even for no rows).
  const trigOp = action === 'c' && !now ? 'DELETE' : 'UPDATE';
  const modifies = action === 'c' || action === 'n' || action === 'd';
  const trig = modifies && hasTriggers(ms.cat, child.oid);
  // The action is a query on the referencing table (ri_triggers.c): its text is a CONTEXT line
  // of what happens inside it.
  const frame = modifies ? { describe: () => `SQL statement "${actionQueryText(ms.cat, fk, child, action, !!now)}"` } : undefined;
  if (frame) pushContext(frame);
  try {
    runReferencedAction(ms, fk, info, refTable, referenced, old, now, action, child, childKey, oldKey, trig, trigOp);
  } catch (e) {
    if (frame) addErrorContext(e);
    throw e;
  } finally {
    if (frame) popContext();
  }
}

/** The query text Postgres's RI trigger runs for an action on the referencing table. */
function actionQueryText(cat: Catalog, fk: ConstraintDef, child: RelationDef, action: string, update: boolean): string {
  const info = fk.fk!;
  const target = `${child.kind === 'p' ? '' : 'ONLY '}${quoteIdent(cat.namespaceName(child.namespace))}.${quoteIdent(child.name)}`;
  const col = (a: number) => quoteIdent(child.columns[a - 1].name);
  let n = 0;
  const setCols = action === 'c' ? fk.columns : (!update && info.deleteSetColumns?.length ? info.deleteSetColumns : fk.columns);
  const set = action === 'c' ? setCols.map((a) => `${col(a)} = $${++n}`) : setCols.map((a) => `${col(a)} = ${action === 'n' ? 'NULL' : 'DEFAULT'}`);
  const where = fk.columns.map((a) => `$${++n} OPERATOR(pg_catalog.=) ${col(a)}`).join(' AND ');
  if (action === 'c' && !update) return `DELETE FROM ${target} WHERE ${fk.columns.map((a, i) => `$${i + 1} OPERATOR(pg_catalog.=) ${col(a)}`).join(' AND ')}`;
  return `UPDATE ${target} SET ${set.join(', ')} WHERE ${where}`;
}

function quoteIdent(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

function runReferencedAction(
  ms: ModifyState, fk: ConstraintDef, info: ForeignKeyInfo, refTable: RelationDef, referenced: RelationDef, old: readonly Value[], now: readonly Value[] | undefined,
  action: string, child: RelationDef, childKey: Value[], oldKey: Value[], trig: boolean, trigOp: 'DELETE' | 'UPDATE',
): void {
  const firstQuery = trig && firstReferentialStatement(ms, child, trigOp);
  if (firstQuery) fireBeforeStatement(ms.ctx.session as Session, child, trigOp);
  // A partitioned referencing table: each partition's rows (errors name the partitioned table).
  // A row of a partition of a referenced partitioned table: Postgres reports the partition and
  // the partition's copy of the key, named <key>_<n>.
  const shownFk = referenced === refTable ? fk : { ...fk, name: refCloneName(ms.cat, fk, referenced, refTable) };
  for (const part of child.kind === 'p' ? partitionLeaves(ms.cat, child) : [child]) {
    // A partition with its own column layout: the key's columns as it numbers them.
    const m = part === child ? undefined : partitionMap(child, part);
    const pfk = m ? { ...shownFk, columns: leafAtts(fk.columns, m), fk: { ...info, ...(info.deleteSetColumns ? { deleteSetColumns: leafAtts(info.deleteSetColumns, m) } : {}) } } : shownFk;
    let rows: Tuple[];
    if (fk.period) {
      // NO ACTION on a temporal key: a referencing row overlapping the old period is in violation
      // unless what the referenced rows cover now still holds the part the old row covered.
      const ops = periodOps(ms.cat, child.columns[fk.columns[fk.columns.length - 1] - 1].type);
      const remaining = findPeriods(ms, referenced, info.refColumns, oldKey, ops);
      const pa = pfk.columns[pfk.columns.length - 1];
      const oldPeriod = oldKey[oldKey.length - 1];
      rows = findRows(ms, part, pfk.columns, childKey, true, true, ops.overlaps).filter((t) => !ops.intersectionCovered(t.values[pa - 1] ?? null, oldPeriod, remaining));
    } else rows = findRows(ms, part, pfk.columns, childKey, action === 'a' || action === 'r', true);
    if (rows.length) referencedAction(ms, pfk, refTable, old, now, oldKey, part, childKey, rows, action, trig && part === child, child);
  }
  if (firstQuery) queueAfterStatement(ms, child, trigOp);
}

function referencedAction(
  ms: ModifyState, fk: ConstraintDef, refTable: RelationDef, old: readonly Value[], now: readonly Value[] | undefined, oldKey: Value[], child: RelationDef,
  childKey: Value[], rows: Tuple[], action: string, trig: boolean, shown: RelationDef = child,
): void {
  const info = fk.fk!;
  const cat = ms.cat;
  void old;
  const refCols = refAtts(cat, fk, refTable);
  trig ||= child !== shown && hasTriggers(cat, child.oid);
  switch (action) {
    case 'r':
      throw new PgError(SQLSTATE.restrict_violation, `update or delete on table "${refTable.name}" violates RESTRICT setting of foreign key constraint "${fk.name}" on table "${shown.name}"`, {
        detail: keyValuesVisible(ms.ctx.session, cat, refTable, refCols) ? `Key ${keyText(ms, refTable, refCols, oldKey)} is referenced from table "${shown.name}".` : `Key is referenced from table "${shown.name}".`,
        schema: cat.namespaceName(shown.namespace),
        table: shown.name,
        constraint: fk.name,
      });
    case 'a':
      throw new PgError(SQLSTATE.foreign_key_violation, `update or delete on table "${refTable.name}" violates foreign key constraint "${fk.name}" on table "${shown.name}"`, {
        detail: keyValuesVisible(ms.ctx.session, cat, refTable, refCols) ? `Key ${keyText(ms, refTable, refCols, oldKey)} is still referenced from table "${shown.name}".` : `Key is still referenced from table "${shown.name}".`,
        schema: cat.namespaceName(shown.namespace),
        table: shown.name,
        constraint: fk.name,
      });
    case 'c':
      for (const t of rows) {
        if (!now) {
          const oldVals = child.columns.map((c, i) => t.values[i] ?? c.missing ?? null);
          if (trig && !beforeRowTriggers(ms, child, 'DELETE', oldVals, undefined)) continue;
          if (deleteTuple(ms, child, t)) {
            for (const f2 of referencingKeysOf(cat, child.oid)) ms.queue.push({ kind: 'ref-delete', fk: f2, table: child, old: [...t.values] });
            if (trig) queueAfterRow(ms, child, 'DELETE', oldVals, undefined);
          }
        } else {
          const values = child.columns.map((c, i) => t.values[i] ?? c.missing ?? null);
          const newKey = coerceKey(cat, refTable, refCols, child, fk.columns, refCols.map((a) => now[a - 1] ?? null));
          fk.columns.forEach((a, k) => (values[a - 1] = newKey[k]));
          rewriteChild(ms, child, t, values, trig, new Set(fk.columns), shown);
        }
      }
      return;
    case 'n':
    case 'd': {
      const cols = !now && info.deleteSetColumns?.length ? info.deleteSetColumns : fk.columns;
      for (const t of rows) {
        const values = child.columns.map((c, i) => t.values[i] ?? c.missing ?? null);
        for (const a of cols) {
          // (a partition's row takes the default of the key's table: Postgres updates through it)
          const col = child === shown ? child.columns[a - 1] : (shown.columns.find((c) => !c.dropped && c.name === child.columns[a - 1].name) ?? child.columns[a - 1]);
          values[a - 1] = action === 'n' || !col.default ? null : compileStored(col.default)(values, ms.ctx);
        }
        rewriteChild(ms, child, t, values, trig, new Set(cols), shown);
      }
      // SET DEFAULT may have set the very key that went away: Postgres re-checks (ri_restrict).
      if (action === 'd') ms.ctx.txn.commandCounterIncrement();
      if (action === 'd' && findRows(ms, child, fk.columns, childKey).length) {
        throw new PgError(SQLSTATE.foreign_key_violation, `update or delete on table "${refTable.name}" violates foreign key constraint "${fk.name}" on table "${child.name}"`, {
          detail: keyValuesVisible(ms.ctx.session, ms.cat, refTable, refCols) ? `Key ${keyText(ms, refTable, refCols, oldKey)} is still referenced from table "${child.name}".` : `Key is still referenced from table "${child.name}".`,
          schema: cat.namespaceName(child.namespace),
          table: child.name,
          constraint: fk.name,
        });
      }
      return;
    }
  }
}

/**
 * Updates a referencing row for an RI action. A row of a partition of the referencing
 * partitioned table `root` whose new key belongs elsewhere moves there, as the UPDATE Postgres
 * runs through the partitioned table does.
 */
function rewriteChild(ms: ModifyState, child: RelationDef, t: Tuple, values0: Value[], trig = false, updated?: ReadonlySet<number>, root: RelationDef = child): void {
  const old = child.columns.map((c, i) => t.values[i] ?? c.missing ?? null);
  let values = values0;
  if (trig) {
    const r = beforeRowTriggers(ms, child, 'UPDATE', old, values, updated);
    if (!r) return;
    values = r;
  }
  computeGenerated(ms.ctx, child, values);
  if (root !== child && root.kind === 'p' && child.partitionOf && !fitsPartition(ms.ctx, ms.cat, child, values)) {
    moveRow(ms, root, child, t, old, values, partitionMap(root, child));
    return;
  }
  checkConstraints(ms.ctx, ms.cat, child, values);
  const nt = updateTuple(ms, child, t, values);
  if (!nt) return;
  if (trig) queueAfterRow(ms, child, 'UPDATE', old, values, updated);
  // (actions before checks, as in queueUpdateActions)
  for (const fk of referencingKeysOf(ms.cat, child.oid)) {
    const refCols = refAtts(ms.cat, fk, child);
    if (refCols.some((a) => !sameValue(old[a - 1], values[a - 1]))) ms.queue.push({ kind: 'ref-update', fk, table: child, old, now: values });
  }
  for (const fk of foreignKeysOf(ms.cat, child.oid)) {
    if (fk.kind === 'f' && fk.columns.some((a) => !sameValue(old[a - 1], values[a - 1]))) ms.queue.push({ kind: 'check', fk, table: child, tuple: nt });
  }
}

/**
 * The name Postgres gives the copy of foreign key `fk` (on a partitioned table `referenced`) that
 * covers its partition `part`: <key>_<n>. Known gap: n counts the partitions depth first in
 * creation order; Postgres numbers them as it cloned them (in bound order, at each ATTACH).
 */
function refCloneName(cat: Catalog, fk: ConstraintDef, referenced: RelationDef, part: RelationDef): string {
  return `${fk.name}_${partitionDescendants(cat, referenced).findIndex((r) => r.oid === part.oid) + 1}`;
}

/**
 * DETACH PARTITION of a partition of a referenced partitioned table: no row of it may still be
 * referenced (23503 "removing partition ..."), as RI_PartitionRemove_Check finds.
 */
export function checkPartitionRemove(ms: ModifyState, part: RelationDef): void {
  const cat = ms.cat;
  const txn = ms.ctx.txn;
  for (let a = part.partitionOf?.parent; a !== undefined; a = cat.relations.get(a)?.partitionOf?.parent) {
    const anc = cat.relation(a);
    for (const fk of cat.referencingForeignKeys(a)) {
      const child = cat.relation(fk.relation);
      for (const leaf of part.kind === 'p' ? partitionLeaves(cat, part) : [part]) {
        const m = partitionMap(anc, leaf);
        const atts = m ? leafAtts(fk.fk!.refColumns, m) : fk.fk!.refColumns;
        for (const t of txn.heap(leaf).all()) {
          if (!txn.visible(t)) continue;
          const key = atts.map((x) => t.values[x - 1] ?? leaf.columns[x - 1].missing ?? null);
          if (key.some((v) => v === null)) continue;
          const childKey = coerceKey(cat, leaf, atts, child, fk.columns, key);
          if (!findRows(ms, child, fk.columns, childKey).length) continue;
          const name = refCloneName(cat, fk, anc, part);
          throw new PgError(SQLSTATE.foreign_key_violation, `removing partition "${part.name}" violates foreign key constraint "${name}"`, {
            detail: `Key ${keyText(ms, child, fk.columns, childKey)} is still referenced from table "${child.name}".`,
            schema: cat.namespaceName(child.namespace),
            table: child.name,
            constraint: name,
          });
        }
      }
    }
  }
}
