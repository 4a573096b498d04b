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
  const own = txn.own().xids;
  const cur = txn.heap(rel).get(t.tid) ?? t;
  const x = cur.xmax;
  if (x !== 0 && !status.isAborted(x)) {
    if (own.has(x)) return { status: 'self', tuple: cur };
    if (status.isInProgress(x)) {
      if (rowLockConflicts(writerMode(cur), mode)) {
        const r = conflict(status, rel, x, policy);
        if (r) return r;
      }
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
      const r = conflict(status, rel, h.xid, policy);
      if (r) return r;
    }
  }
  return { status: 'ok', tuple: cur };
}

/** A conflicting holder in progress: wait for it, fail (NOWAIT) or skip (SKIP LOCKED). */
function conflict(status: TransactionStatus, rel: RelationDef, xid: number, policy: WaitPolicy): RowLockCheck | undefined {
  if (policy === 'skip') return { status: 'skip' };
  if (policy === 'nowait') throw new PgError(SQLSTATE.lock_not_available, `could not obtain lock on row in relation "${rel.name}"`);
  throw waitForXid(status, xid);
}

/** The StatementBlocked for waiting until transaction `xid` ends (Postgres's XactLockTableWait). */
export function waitForXid(status: TransactionStatus, xid: number): LockWaitBlocked {
  const owner = status.owners.get(xid);
  return new LockWaitBlocked(status.whenEnded(xid), owner === undefined ? [] : [owner], `ShareLock on transaction ${xid}`);
}

/** Takes a row lock (SELECT ... FOR, foreign-key checks) on a version `checkRowLock` said is free. */
export function takeRowLock(ctx: ExecContext, rel: RelationDef, t: Tuple, mode: RowLockMode): void {
  ctx.txn.status.rowLocks.add(rel.filenode, t.tid, ctx.txn.writeXid(), mode);
}
