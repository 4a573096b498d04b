/**
 * Row-level conflicts between transactions: before a statement changes or locks a row version it
 * asks `checkRowLock`, which answers as Postgres's heap_update / heap_delete / heap_lock_tuple do:
 * go ahead; the row was changed by this transaction; it was updated or deleted by a transaction
 * that committed meanwhile (READ COMMITTED re-checks the newest version, REPEATABLE READ and
 * SERIALIZABLE fail with 40001); or another transaction in progress holds a conflicting lock,
 * and the statement waits (StatementBlocked), fails (NOWAIT: 55P03) or skips the row (SKIP LOCKED).
 *
 * Postgres counterpart: src/backend/access/heap/heapam.c (heap_lock_tuple, heap_update's
 * HeapTupleSatisfiesUpdate handling), executor/nodeLockRows.c, nodeModifyTable.c (TM_Updated).
 */
import type { RelationDef } from '../catalog/objects.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Tuple } from '../storage/heap.js';
import { rowLockConflicts, type RowLockMode } from '../storage/row-locks.js';
import type { TransactionStatus } from '../storage/xact.js';
import { LOCK_MODE_NAMES, LockMode } from '../storage/lock-manager.js';
import { databaseOid } from '../catalog/system/pg-database.js';
import { LockWaitBlocked } from '../session/lock-wait.js';
import type { ExecContext } from './context.js';

export type WaitPolicy = 'wait' | 'nowait' | 'skip';

export type RowLockCheck =
  /** Free to change or lock: `tuple` is the version as stored now. */
  | { readonly status: 'ok'; readonly tuple: Tuple }
  /** Already changed by this transaction (by this very command: skip it, as Postgres does). */
  | { readonly status: 'self'; readonly tuple: Tuple }
  /** READ COMMITTED: updated by a transaction that committed meanwhile; `latest` is the newer version. */
  | { readonly status: 'updated'; readonly latest: Tuple }
  /** READ COMMITTED: deleted by a transaction that committed meanwhile. */
  | { readonly status: 'deleted' }
  /** SKIP LOCKED and the row is locked. */
  | { readonly status: 'skip' };

/** Whether the transaction uses one snapshot throughout (REPEATABLE READ, SERIALIZABLE). */
export function usesTransactionSnapshot(ctx: ExecContext): boolean {
  const iso = (ctx.txn as { isolation?: string }).isolation;
  return iso === 'repeatable read' || iso === 'serializable';
}

/** The mode a version's deleter or updater holds: FOR UPDATE, or FOR NO KEY UPDATE when no key column changed. */
export function writerMode(t: Tuple): RowLockMode {
  return t.noKeyUpdate ? 'nokeyupdate' : 'update';
}

/**
 * Whether `t` (a version the statement found under its snapshot) may be changed or locked in
 * `mode` now. `forWrite` selects the 40001 wording of UPDATE/DELETE (a deleted row is a
 * "concurrent delete") over that of SELECT ... FOR (always "concurrent update").
 */
export function checkRowLock(ctx: ExecContext, rel: RelationDef, t: Tuple, mode: RowLockMode, policy: WaitPolicy, forWrite: boolean): RowLockCheck {
  const txn = ctx.txn;
  const status = txn.status;
  const cur = txn.heap(rel).get(t.tid) ?? t;
  const r = examine(ctx, rel, cur, mode, policy, forWrite);
  // Done waiting for this version: the tuple lock (if this session queued for it) goes.
  const locks = status.locks;
  if (!locks.empty) {
    const tag = tupleTag(rel, cur.tid);
    if (locks.holds(tag, txn.ownerPid)) locks.releaseAll(txn.ownerPid, (h, tg) => tg === tag && !h.xact);
  }
  return r;
}

function examine(ctx: ExecContext, rel: RelationDef, cur: Tuple, mode: RowLockMode, policy: WaitPolicy, forWrite: boolean): RowLockCheck {
  const txn = ctx.txn;
  const status = txn.status;
  const own = txn.own().xids;
  const x = cur.xmax;
  // A lock-only xmax (a locker's stamp) is no update: the row-lock table decides conflicts.
  if (x !== 0 && !cur.lockOnly && !status.isAborted(x)) {
    if (own.has(x)) return { status: 'self', tuple: cur };
    if (status.isInProgress(x)) {
      if (rowLockConflicts(writerMode(cur), mode)) return conflict(ctx, rel, cur.tid, mode, x, policy);
    } else {
      // Committed after the statement's snapshot was taken (otherwise the version would be invisible).
      const latest = cur.next !== undefined ? txn.heap(rel).get(cur.next) : undefined;
      if (usesTransactionSnapshot(ctx)) {
        throw new PgError(SQLSTATE.serialization_failure, `could not serialize access due to concurrent ${forWrite && !latest ? 'delete' : 'update'}`);
      }
      return latest ? { status: 'updated', latest } : { status: 'deleted' };
    }
  }
  const holders = status.rowLocks.holders(rel.filenode, cur.tid);
  if (holders) {
    for (const h of holders) {
      if (own.has(h.xid) || !status.isInProgress(h.xid) || !rowLockConflicts(h.mode, mode)) continue;
      return conflict(ctx, rel, cur.tid, mode, h.xid, policy);
    }
  }
  return { status: 'ok', tuple: cur };
}

/** The heavyweight lock a session takes on a tuple while it waits for it (heapam.c's tupleLockExtraInfo). */
const TUPLE_LOCK_MODE: Record<RowLockMode, number> = {
  keyshare: LockMode.AccessShare,
  share: LockMode.RowShare,
  nokeyupdate: LockMode.Exclusive,
  update: LockMode.AccessExclusive,
};

function tupleTag(rel: RelationDef, tid: number): string {
  return `t:${rel.filenode}:${tid}`;
}

/**
 * A conflicting holder in progress: wait for it, fail (NOWAIT) or skip (SKIP LOCKED). As in
 * Postgres, a session first takes the tuple's heavyweight lock, so that sessions queue for a row
 * in order: the next one waits for the session ahead of it, not for the holder.
 */
function conflict(ctx: ExecContext, rel: RelationDef, tid: number, mode: RowLockMode, xid: number, policy: WaitPolicy): RowLockCheck {
  const status = ctx.txn.status;
  const pid = ctx.txn.ownerPid;
  const tag = tupleTag(rel, tid);
  const lockMode = TUPLE_LOCK_MODE[mode];
  const r = status.locks.acquire(tag, pid, lockMode, false, policy === 'wait');
  if (r.granted && policy !== 'wait') status.locks.release(tag, pid, lockMode, false);
  if (policy === 'skip') return { status: 'skip' };
  if (policy === 'nowait') throw new PgError(SQLSTATE.lock_not_available, `could not obtain lock on row in relation "${rel.name}"`);
  if (!r.granted) {
    const db = databaseOid(ctx.session.databaseName(), ctx.session.databaseName());
    throw new LockWaitBlocked(status.locks.whenChanged(tag), r.blockers, `${LOCK_MODE_NAMES[lockMode]} on tuple (0,${tid}) of relation ${rel.oid} of database ${db}`);
  }
  throw waitForXid(status, xid);
}

/** The StatementBlocked for waiting until transaction `xid` ends (Postgres's XactLockTableWait). */
export function waitForXid(status: TransactionStatus, xid: number): LockWaitBlocked {
  const owner = status.owners.get(xid);
  return new LockWaitBlocked(status.whenEnded(xid), owner === undefined ? [] : [owner], `ShareLock on transaction ${xid}`);
}

/**
 * Takes a row lock (SELECT ... FOR, foreign-key checks) on a version `checkRowLock` said is free.
 * With `stamp` (SELECT ... FOR, ON CONFLICT DO UPDATE), the version's xmax shows the locker as in
 * Postgres (lock-only; a later UPDATE by the locker carries it to the new version).
 * Known gap: foreign-key checks do not stamp (Postgres's KEY SHARE locks do), and several lockers
 * show the last one rather than a MultiXactId.
 */
export function takeRowLock(ctx: ExecContext, rel: RelationDef, t: Tuple, mode: RowLockMode, stamp = false): void {
  const xid = ctx.txn.writeXid();
  ctx.txn.status.rowLocks.add(rel.filenode, t.tid, xid, mode);
  if (stamp) stampLocker(ctx, rel, t, xid);
}

/** Sets a version's xmax to a locker (unless it is deleted or updated). */
export function stampLocker(ctx: ExecContext, rel: RelationDef, t: Tuple, xid: number): void {
  const heap = ctx.txn.heap(rel);
  const cur = heap.get(t.tid) ?? t;
  if ((cur.xmax === 0 || cur.lockOnly) && cur.xmax !== xid) heap.replace({ ...cur, xmax: xid, lockOnly: true });
}
