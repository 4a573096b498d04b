/**
 * Row locks held by transactions in progress: SELECT ... FOR KEY SHARE / SHARE / NO KEY UPDATE /
 * UPDATE, the key-share locks of foreign-key checks, and the locks a blocked statement keeps on
 * the rows it had already changed. A row version's xmax (its deleter or updater) is a lock too,
 * but lives in the version itself; this table holds the others, keyed by (filenode, tid).
 *
 * Postgres keeps lockers in the tuple's xmax (a MultiXactId when there are several); a side table
 * gives the same conflicts without rewriting versions, and costs nothing when nobody locks. Locks
 * end with their (sub)transaction: TransactionStatus releases them at commit and abort.
 *
 * Postgres counterpart: src/backend/access/heap/heapam.c (heap_lock_tuple), multixact.c,
 * and the conflict table of "Row-Level Locks" in the documentation (explicit-locking.html).
 */

/** Row lock strengths, weakest first (FOR KEY SHARE ... FOR UPDATE). */
export type RowLockMode = 'keyshare' | 'share' | 'nokeyupdate' | 'update';

const STRENGTH: Record<RowLockMode, number> = { keyshare: 1, share: 2, nokeyupdate: 3, update: 4 };

/** Whether two row lock modes held by different transactions conflict. */
export function rowLockConflicts(a: RowLockMode, b: RowLockMode): boolean {
  if (a === 'update' || b === 'update') return true;
  // key share conflicts only with update; share with the update modes; no key update with itself.
  if (a === 'keyshare' || b === 'keyshare') return false;
  return !(a === 'share' && b === 'share');
}

/** Whether `held` is at least as strong as `wanted`. */
export function rowLockCovers(held: RowLockMode, wanted: RowLockMode): boolean {
  return STRENGTH[held] >= STRENGTH[wanted];
}

export interface RowLockHolder {
  readonly xid: number;
  mode: RowLockMode;
}

export class RowLockTable {
  private readonly byRow = new Map<number, Map<number, RowLockHolder[]>>();
  private readonly byXid = new Map<number, [filenode: number, tid: number][]>();

  /** True when no row lock is held at all (the common case: one session, no FOR UPDATE). */
  get empty(): boolean {
    return this.byXid.size === 0;
  }

  /** Lockers of a row version. */
  holders(filenode: number, tid: number): readonly RowLockHolder[] | undefined {
    if (this.byXid.size === 0) return undefined;
    return this.byRow.get(filenode)?.get(tid);
  }

  /** Records that `xid` holds `mode` on the row (upgrading a weaker lock it already holds). */
  add(filenode: number, tid: number, xid: number, mode: RowLockMode): void {
    let rows = this.byRow.get(filenode);
    if (!rows) {
      rows = new Map();
      this.byRow.set(filenode, rows);
    }
    let list = rows.get(tid);
    if (!list) {
      list = [];
      rows.set(tid, list);
    }
    const mine = list.find((h) => h.xid === xid);
    if (mine) {
      if (!rowLockCovers(mine.mode, mode)) mine.mode = mode;
      return;
    }
    list.push({ xid, mode });
    let own = this.byXid.get(xid);
    if (!own) {
      own = [];
      this.byXid.set(xid, own);
    }
    own.push([filenode, tid]);
  }

  /**
   * An UPDATE made `newTid` the row's current version: lockers of the old version other than
   * `except` (the updater's xids) lock the new one too, as Postgres carries them in the new xmax.
   */
  carryOver(filenode: number, oldTid: number, newTid: number, except: ReadonlySet<number>): void {
    const list = this.holders(filenode, oldTid);
    if (!list) return;
    for (const h of list) if (!except.has(h.xid)) this.add(filenode, newTid, h.xid, h.mode);
  }

  /** Drops every lock of `xid` (its transaction or subtransaction ended). */
  release(xid: number): void {
    const own = this.byXid.get(xid);
    if (!own) return;
    this.byXid.delete(xid);
    for (const [filenode, tid] of own) {
      const rows = this.byRow.get(filenode);
      const list = rows?.get(tid);
      if (!rows || !list) continue;
      const rest = list.filter((h) => h.xid !== xid);
      if (rest.length) rows.set(tid, rest);
      else {
        rows.delete(tid);
        if (rows.size === 0) this.byRow.delete(filenode);
      }
    }
  }
}
