/**
 * Transaction status and snapshots (MVCC bookkeeping).
 *
 * Every writing transaction (and subtransaction) gets an xid. An xid below `nextXid` that is
 * neither in progress nor aborted is committed, so the commit log costs nothing per committed
 * transaction: only aborted xids are remembered. A snapshot is the set of xids in progress when it
 * was taken plus the first unassigned xid; it decides which row versions a statement sees.
 *
 * Postgres counterpart: src/backend/access/transam (clog, xact.c) and utils/time/snapmgr.c,
 * heapam_visibility.c's HeapTupleSatisfiesMVCC.
 */

import { RowLockTable } from './row-locks.js';
import { LockManager } from './lock-manager.js';

/** First xid handed out (Postgres's FirstNormalTransactionId). */
export const FIRST_XID = 3;

export interface Snapshot {
  /** First xid not yet assigned when the snapshot was taken: everything >= is invisible. */
  readonly xmax: number;
  /** Xids in progress when the snapshot was taken (other transactions'). */
  readonly xip: ReadonlySet<number>;
}

const EMPTY: ReadonlySet<number> = new Set();

interface Ending {
  readonly promise: Promise<void>;
  readonly resolve: () => void;
}

export class TransactionStatus {
  nextXid = FIRST_XID;
  readonly inProgress = new Set<number>();
  aborted = new Set<number>();
  // The tables below are made on first use: a fork that only reads never needs them.
  private ownersMap: Map<number, number> | undefined;
  private endingsMap: Map<number, Ending> | undefined;
  private rowLockTable: RowLockTable | undefined;
  private lockManager: LockManager | undefined;
  /** Session (backend pid) of each xid in progress: the waits-for graph of deadlock detection. */
  get owners(): Map<number, number> {
    return (this.ownersMap ??= new Map());
  }
  /** Promises of xids someone waits for, settled when the xid ends (Postgres's lock on the xid). */
  private get endings(): Map<number, Ending> {
    return (this.endingsMap ??= new Map());
  }
  /** Row locks (SELECT FOR ..., foreign-key checks, and the locks a blocked statement keeps). */
  get rowLocks(): RowLockTable {
    return (this.rowLockTable ??= new RowLockTable());
  }
  /** Heavyweight locks: LOCK TABLE, advisory locks, tuple locks of sessions queued for a row. */
  get locks(): LockManager {
    return (this.lockManager ??= new LockManager());
  }

  /** Assigns a new xid, in progress until commit or abort. */
  assign(ownerPid = 0): number {
    const x = this.nextXid++;
    this.inProgress.add(x);
    if (ownerPid) this.owners.set(x, ownerPid);
    return x;
  }

  commit(xids: Iterable<number>): void {
    for (const x of xids) {
      this.inProgress.delete(x);
      this.ended(x);
    }
  }

  abort(xids: Iterable<number>): void {
    for (const x of xids) {
      this.inProgress.delete(x);
      this.aborted.add(x);
      this.ended(x);
    }
  }

  private ended(x: number): void {
    this.ownersMap?.delete(x);
    this.rowLockTable?.release(x);
    const e = this.endingsMap?.get(x);
    if (e) {
      this.endingsMap!.delete(x);
      e.resolve();
    }
  }

  /** Settles when `xid` commits or aborts (at once if it is not in progress). */
  whenEnded(xid: number): Promise<void> {
    if (!this.inProgress.has(xid)) return Promise.resolve();
    let e = this.endings.get(xid);
    if (!e) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      e = { promise, resolve };
      this.endings.set(xid, e);
    }
    return e.promise;
  }

  isAborted(x: number): boolean {
    return this.aborted.has(x);
  }

  isInProgress(x: number): boolean {
    return this.inProgress.has(x);
  }

  isCommitted(x: number): boolean {
    return x < this.nextXid && !this.inProgress.has(x) && !this.aborted.has(x);
  }

  /** The last snapshot taken while no transaction was in progress (reused until an xid is assigned). */
  private idleSnapshot: Snapshot | undefined;

  snapshot(): Snapshot {
    if (this.inProgress.size !== 0) return { xmax: this.nextXid, xip: new Set(this.inProgress) };
    const s = this.idleSnapshot;
    if (s !== undefined && s.xmax === this.nextXid) return s;
    return (this.idleSnapshot = { xmax: this.nextXid, xip: EMPTY });
  }

  /**
   * A copy for a forked database. Transactions still in progress in the parent can never
   * commit in the child, so the child counts them as aborted.
   */
  fork(): TransactionStatus {
    const t = new TransactionStatus();
    t.nextXid = this.nextXid;
    if (this.aborted.size > 0 || this.inProgress.size > 0) {
      t.aborted = new Set(this.aborted);
      for (const x of this.inProgress) t.aborted.add(x);
    }
    return t;
  }
}
