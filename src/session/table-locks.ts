/**
 * Table-level locks. Statements take the weak modes implicitly (ACCESS SHARE to read, ROW SHARE
 * for SELECT ... FOR, ROW EXCLUSIVE to write), recorded in their transaction only (Postgres's
 * fast path: nobody else needs them unless a strong lock is requested). LOCK TABLE and DDL take
 * the strong modes through the lock manager, and wait for the transactions holding conflicting
 * weak ones; a statement needing a weak mode waits for a conflicting strong one, held or queued.
 *
 * Postgres counterpart: src/backend/storage/lmgr/lock.c (fast-path relation locks,
 * FastPathTransferRelationLocks), lmgr.c (LockRelationOid), commands/lockcmds.c.
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { RelationDef } from '../catalog/objects.js';
import { LOCK_MODE_NAMES, lockModesConflict } from '../storage/lock-manager.js';
import type { TransactionStatus } from '../storage/xact.js';
import { LockWaitBlocked } from './lock-wait.js';

/** What a transaction tells the lock code about itself. */
export interface RelationLockHolder {
  readonly ownerPid: number;
  readonly dbOid: number;
  /** The table lock mode the transaction holds on a relation (undefined: none). */
  relLockMode(oid: number): number | undefined;
  /** Settles when the transaction ends. */
  whenEnded(): Promise<void>;
}

export function relationTag(oid: number): string {
  return `r:${oid}`;
}

/**
 * A statement's implicit weak lock on `rel` (first use in the transaction): waits while another
 * session holds, or waits for, a conflicting strong lock.
 */
export function checkStrongLocks(status: TransactionStatus, holder: RelationLockHolder, rel: RelationDef, mode: number): void {
  const blockers = status.locks.conflicts(relationTag(rel.oid), holder.ownerPid, mode);
  if (!blockers.length) return;
  throw new LockWaitBlocked(status.locks.whenChanged(relationTag(rel.oid)), blockers, `${LOCK_MODE_NAMES[mode]} on relation ${rel.oid} of database ${holder.dbOid}`, true);
}

/**
 * Takes `rel` in `mode` for the transaction (LOCK TABLE, DDL): waits (or fails with NOWAIT) while
 * other sessions hold or wait for conflicting locks, explicit or implicit.
 */
export function acquireRelationLock(
  status: TransactionStatus,
  holder: RelationLockHolder,
  others: Iterable<RelationLockHolder>,
  rel: RelationDef,
  mode: number,
  nowait: boolean,
): void {
  const tag = relationTag(rel.oid);
  const lm = status.locks;
  const describe = `${LOCK_MODE_NAMES[mode]} on relation ${rel.oid} of database ${holder.dbOid}`;
  const fail = () => new PgError(SQLSTATE.lock_not_available, `could not obtain lock on relation "${rel.name}"`);
  // Transactions holding a conflicting weak lock (only they know they do).
  for (const o of others) {
    if (o === holder || o.ownerPid === holder.ownerPid) continue;
    const held = o.relLockMode(rel.oid);
    if (held === undefined || !lockModesConflict(mode, held)) continue;
    if (nowait) throw fail();
    lm.enqueue(tag, holder.ownerPid, mode);
    throw new LockWaitBlocked(Promise.race([o.whenEnded(), lm.whenChanged(tag)]), [o.ownerPid], describe, true);
  }
  const r = lm.acquire(tag, holder.ownerPid, mode, true, !nowait);
  if (r.granted) return;
  if (nowait) throw fail();
  throw new LockWaitBlocked(lm.whenChanged(tag), r.blockers, describe, true);
}
