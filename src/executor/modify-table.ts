/**
 * Row-level write primitives shared by INSERT, UPDATE, DELETE and the referential actions:
 * completing a new row (defaults, identity, generated columns), the NOT NULL / CHECK tests in
 * Postgres's order, heap and index writes, and the end-of-statement queue of foreign-key events.
 * Postgres counterpart: src/backend/executor/nodeModifyTable.c, execMain.c (ExecConstraints),
 * execIndexing.c.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { ConstraintDef, RelationDef } from '../catalog/objects.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Tuple } from '../storage/heap.js';
import { typeInfo } from '../types/registry.js';
import type { Value } from '../types/values.js';
import type { ExecContext, Row } from './context.js';
import type { RowLockMode } from '../storage/row-locks.js';
import { checkRowLock } from './row-lock.js';
import { LockMode } from '../storage/lock-manager.js';
import { fillSlots } from './scan.js';
import { compileExpr, type CExpr } from './expr/compile.js';
import { insertIndexEntry } from '../commands/unique-check.js';
import { checkConstraintsOf, indexesOf } from '../catalog/relation-cache.js';

const TABLE_LAYOUT = { depth: 0, offsets: [0] };
const compiledCache = new WeakMap<object, CExpr>();

/** Compiles a stored expression over a table row (values by attnum - 1). */
export function compileStored(e: { expr: import('../nodes/primnodes.js').Expr }): CExpr {
  let c = compiledCache.get(e);
  if (!c) {
    c = compileExpr(e.expr, TABLE_LAYOUT);
    compiledCache.set(e, c);
  }
  return c;
}

/** Foreign-key work queued until the end of the statement (Postgres's RI after-triggers). */
export type RiEvent =
  | { kind: 'check'; fk: ConstraintDef; table: RelationDef; tuple: Tuple }
  | { kind: 'ref-delete'; fk: ConstraintDef; table: RelationDef; old: readonly Value[] }
  | { kind: 'ref-update'; fk: ConstraintDef; table: RelationDef; old: readonly Value[]; now: readonly Value[] };

export class ModifyState {
  readonly queue: RiEvent[] = [];
  /** Running deferred constraint checks (at commit or SET CONSTRAINTS ... IMMEDIATE): none is deferred again. */
  firingDeferred = false;
  /** The row targetForWrite just cleared for writing (so the write does not check it again). */
  checkedScan: Tuple | undefined;
  checkedVersion: Tuple | undefined;
  checkedMode: RowLockMode | undefined;
  constructor(
    readonly ctx: ExecContext,
    readonly cat: Catalog,
  ) {}
}

/** The text Postgres prints in `Failing row contains (...)`. */
export function failingRow(ctx: ExecContext, cat: Catalog, rel: RelationDef, values: readonly Value[]): string {
  const parts: string[] = [];
  for (const c of rel.columns) {
    if (c.dropped) continue;
    if (c.generated?.kind === 'v') {
      parts.push('virtual');
      continue;
    }
    const v = values[c.attnum - 1];
    parts.push(v === null || v === undefined ? 'null' : typeInfo(cat, c.type).io.output(v, ctx.session.io));
  }
  return `(${parts.join(', ')})`;
}

/** Computes generated columns (after defaults and BEFORE triggers), in attnum order. */
export function computeGenerated(ctx: ExecContext, rel: RelationDef, values: Value[]): void {
  for (const c of rel.columns) {
    if (c.dropped || !c.generated) continue;
    values[c.attnum - 1] = compileStored(c.generated.expr)(values, ctx);
  }
}

/** failingRow of a row, shown in its inheritance parent's columns when written through one (ExecConstraints' root map). */
function failingRowThrough(ctx: ExecContext, cat: Catalog, rel: RelationDef, values: readonly Value[], root: { readonly rel: RelationDef; readonly map: Int32Array } | undefined): string {
  if (!root) return failingRow(ctx, cat, rel, values);
  return failingRow(ctx, cat, root.rel, root.map.length ? Array.from(root.map, (j) => (j < 0 ? null : (values[j] ?? null))) : values);
}

/** NOT NULL, then CHECK constraints in name order (Postgres's ExecConstraints). */
export function checkConstraints(ctx: ExecContext, cat: Catalog, rel: RelationDef, values: Value[], root?: { readonly rel: RelationDef; readonly map: Int32Array }): void {
  const schema = cat.namespaceName(rel.namespace);
  for (const c of rel.columns) {
    if (c.dropped || !c.notNull) continue;
    const v = values[c.attnum - 1];
    if (v === null || v === undefined) {
      throw new PgError(SQLSTATE.not_null_violation, `null value in column "${c.name}" of relation "${rel.name}" violates not-null constraint`, {
        detail: `Failing row contains ${failingRowThrough(ctx, cat, rel, values, root)}.`,
        schema,
        table: rel.name,
        column: c.name,
      });
    }
  }
  const checks = checkConstraintsOf(cat, rel.oid);
  for (const k of checks) {
    const r = compileStored(k.check!)(values, ctx);
    if (r === false) {
      throw new PgError(SQLSTATE.check_violation, `new row for relation "${rel.name}" violates check constraint "${k.name}"`, {
        detail: `Failing row contains ${failingRowThrough(ctx, cat, rel, values, root)}.`,
        schema,
        table: rel.name,
        constraint: k.name,
      });
    }
  }
}

/** Writes a new row version and its index entries (unique checks in index OID order). */
export function insertTuple(ms: ModifyState, rel: RelationDef, values: Value[]): Tuple {
  const { ctx, cat } = ms;
  const txn = ctx.txn;
  const heap = txn.heap(rel, LockMode.RowExclusive);
  const t = heap.insert(values, txn.writeXid(), txn.cid);
  txn.noteWrite(heap, t.tid);
  txn.markWrite();
  for (const idx of indexesOf(cat, rel.oid)) insertIndexEntry(ctx, cat, rel, idx, values, t.tid);
  return t;
}

/**
 * The version to change for a row the statement found, once no other transaction in progress
 * holds a conflicting lock on it (else the statement waits: StatementBlocked). Undefined when the
 * row is to be skipped: changed by this command already, or deleted by a transaction that
 * committed meanwhile. Callers without a re-check of their own (referential actions) follow an
 * update by a committed transaction to the newest version; UPDATE and DELETE re-check it first
 * (see targetForWrite).
 */
function versionForWrite(ms: ModifyState, rel: RelationDef, t: Tuple, mode: RowLockMode): Tuple | undefined {
  let v = t;
  for (;;) {
    const r = checkRowLock(ms.ctx, rel, v, mode, 'wait', true);
    switch (r.status) {
      case 'ok':
        return r.tuple;
      case 'updated':
        v = r.latest;
        continue;
      default:
        return undefined;
    }
  }
}

/** Combo command ids of each transaction: `cmin:cmax` → index, in the order they were first needed. */
const combos = new WeakMap<ReadonlySet<number>, Map<number, number>>();

/**
 * The combo command id a version gets when this transaction deletes it (Postgres's
 * HeapTupleHeaderAdjustCmax / GetComboCommandId): only for versions it inserted itself.
 */
function comboId(txn: ExecContext['txn'], cur: Tuple): number | undefined {
  const own = txn.own().xids;
  if (!own.has(cur.xmin)) return undefined;
  let m = combos.get(own);
  if (!m) {
    m = new Map();
    combos.set(own, m);
  }
  const key = cur.cmin * 4294967296 + txn.cid;
  let id = m.get(key);
  if (id === undefined) {
    id = m.size;
    m.set(key, id);
  }
  return id;
}

/**
 * Whether the version to write was already updated or deleted by this transaction since the
 * statement read it: by this very command, true (the row is skipped, as Postgres's
 * TM_SelfModified with the same command id); by a later one (a statement a BEFORE trigger ran),
 * Postgres's 27000 error.
 */
function selfModified(live: Tuple, txn: ExecContext['txn'], what: 'updated' | 'deleted'): boolean {
  if (live.xmax === 0 || live.lockOnly || !txn.own().xids.has(live.xmax)) return false;
  if (live.cmax === txn.cid) return true;
  throw new PgError(SQLSTATE.triggered_data_change_violation, `tuple to be ${what} was already modified by an operation triggered by the current command`, {
    hint: 'Consider using an AFTER trigger instead of a BEFORE trigger to propagate changes to other rows.',
  });
}

/** Marks a version deleted by this command (returns false if it was already deleted by it). */
export function deleteTuple(ms: ModifyState, rel: RelationDef, t: Tuple): boolean {
  const txn = ms.ctx.txn;
  const heap = txn.heap(rel, LockMode.RowExclusive);
  const checked = ms.checkedScan === t && ms.checkedMode === 'update' ? ms.checkedVersion : undefined;
  ms.checkedScan = undefined;
  const cur = checked ?? versionForWrite(ms, rel, t, 'update');
  if (!cur || selfModified(heap.get(cur.tid) ?? cur, txn, 'deleted')) return false;
  heap.replace({ ...cur, xmax: txn.writeXid(), cmax: txn.cid, lockOnly: false, noKeyUpdate: undefined, combo: comboId(txn, cur) });
  heap.garbage++;
  txn.noteWrite(heap, cur.tid);
  txn.markWrite();
  return true;
}

/** Replaces a version with a new one (UPDATE). */
export function updateTuple(ms: ModifyState, rel: RelationDef, t: Tuple, values: Value[]): Tuple | undefined {
  const { ctx, cat } = ms;
  const txn = ctx.txn;
  const checked = ms.checkedScan === t ? ms.checkedVersion : undefined;
  ms.checkedScan = undefined;
  const mode: RowLockMode = checked ? ms.checkedMode! : keyChanged(cat, rel, t.values, values) ? 'update' : 'nokeyupdate';
  const heap = txn.heap(rel, LockMode.RowExclusive);
  const cur = checked ?? versionForWrite(ms, rel, t, mode);
  if (!cur || selfModified(heap.get(cur.tid) ?? cur, txn, 'updated')) return undefined;
  const xid = txn.writeXid();
  let nt = heap.insert(values, xid, txn.cid);
  // A version this transaction had locked: the new one carries the lock (its xmax shows it).
  if (cur.lockOnly && txn.own().xids.has(cur.xmax)) {
    nt = { ...nt, xmax: cur.xmax, lockOnly: true };
    heap.replace(nt);
  }
  txn.noteWrite(heap, nt.tid);
  heap.replace({ ...cur, xmax: xid, cmax: txn.cid, lockOnly: false, noKeyUpdate: mode === 'nokeyupdate' ? true : undefined, next: nt.tid, combo: comboId(txn, cur) });
  heap.garbage++;
  txn.noteWrite(heap, cur.tid);
  const locks = txn.status.rowLocks;
  if (!locks.empty) locks.carryOver(rel.filenode, cur.tid, nt.tid, txn.own().xids);
  txn.markWrite();
  for (const idx of indexesOf(cat, rel.oid)) insertIndexEntry(ctx, cat, rel, idx, values, nt.tid);
  return nt;
}

/**
 * UPDATE / DELETE in READ COMMITTED: Postgres's EvalPlanQual for one row of the statement's scan
 * (`row`, the target's slots at `offset`). When a transaction that committed meanwhile updated
 * the row, the newest version replaces the old one in the row and `recheck` (the statement's
 * WHERE) decides again. Returns the row to go on with (the same array when nothing changed), or
 * undefined to skip the row. Waits (StatementBlocked) while another transaction holds it.
 */
export function targetForWrite(ms: ModifyState, rel: RelationDef, row: Row, offset: number, mode: RowLockMode, recheck: CExpr | undefined, what: 'updated' | 'deleted' = 'updated'): Row | undefined {
  const n = rel.columns.length;
  let cur = row;
  for (;;) {
    const t = cur[offset + n] as unknown as Tuple;
    const r = checkRowLock(ms.ctx, rel, t, mode, 'wait', true);
    if (r.status === 'ok') {
      ms.checkedScan = t;
      ms.checkedVersion = r.tuple;
      ms.checkedMode = mode;
      return cur;
    }
    // Changed by this transaction since the scan: by this command, skipped; by a statement a
    // BEFORE trigger ran, Postgres's 27000 error.
    if (r.status === 'self') selfModified(r.tuple, ms.ctx.txn, what);
    if (r.status !== 'updated') return undefined;
    cur = cur.slice();
    fillSlots(cur, offset, r.latest, rel);
    if (recheck && recheck(cur, ms.ctx) !== true) return undefined;
  }
}

const keyAttsCache = new WeakMap<readonly RelationDef[], readonly number[]>();

/**
 * Whether an update changes a key column: one of a unique index without expressions or predicate
 * (Postgres's INDEX_ATTR_BITMAP_KEY). Such an update locks FOR UPDATE, others FOR NO KEY UPDATE.
 */
export function keyChanged(cat: Catalog, rel: RelationDef, old: readonly Value[], now: readonly Value[]): boolean {
  const idxs = indexesOf(cat, rel.oid);
  let atts = keyAttsCache.get(idxs);
  if (!atts) {
    const s = new Set<number>();
    for (const i of idxs) {
      const info = i.index!;
      if (!info.unique || info.predicate || info.keys.some((k) => !k.attnum)) continue;
      for (const k of info.keys) s.add(k.attnum);
    }
    atts = [...s];
    keyAttsCache.set(idxs, atts);
  }
  for (const a of atts) {
    const x = old[a - 1] ?? rel.columns[a - 1].missing ?? null;
    const y = now[a - 1] ?? null;
    if (x === y) continue;
    if (x === null || y === null || typeof x !== 'object' || typeof y !== 'object') return true;
    if (JSON.stringify(x, bigintJson) !== JSON.stringify(y, bigintJson)) return true;
  }
  return false;
}

function bigintJson(_k: string, v: unknown): unknown {
  return typeof v === 'bigint' ? v.toString() : v;
}
