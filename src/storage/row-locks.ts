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
  /**
   * Lockers by row: filenode → tid → holders. A row's list is emptied in place when its last lock
   * ends and kept (so a row locked again, say by the next foreign-key check, reuses it instead of
   * churning the Maps); empty lists are swept once there are many.
   */
  private readonly byRow = new Map<number, Map<number, RowLockHolder[]>>();
  /** Each holding xid with the rows it locked as (filenode, tid) pairs: few hold locks at once. */
  private readonly owners: { readonly xid: number; readonly rows: number[] }[] = [];
  private emptyLists = 0;

  /** True when no row lock is held at all (the common case: one session, no FOR UPDATE). */
  get empty(): boolean {
    return this.owners.length === 0;
  }

  /** Lockers of a row version. */
  holders(filenode: number, tid: number): readonly RowLockHolder[] | undefined {
    if (this.owners.length === 0) return undefined;
    const list = this.byRow.get(filenode)?.get(tid);
    return list !== undefined && list.length > 0 ? list : undefined;
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
    } else if (list.length === 0) this.emptyLists--;
    const mine = list.find((h) => h.xid === xid);
    if (mine) {
      if (!rowLockCovers(mine.mode, mode)) mine.mode = mode;
      return;
    }
    list.push({ xid, mode });
    let own = this.owners.find((o) => o.xid === xid);
    if (!own) {
      own = { xid, rows: [] };
      this.owners.push(own);
    }
    own.rows.push(filenode, tid);
  }

  /**
   * An UPDATE made `newTid` the row's current version: lockers of the old version other than
   * `except` (the updater's xids) lock the new one too, as Postgres carries them in the new xmax.
   */
  carryOver(filenode: number, oldTid: number, newTid: number, except: ReadonlySet<number>): void {
    const list = this.holders(filenode, oldTid);
    if (!list) return;
    for (const h of [...list]) if (!except.has(h.xid)) this.add(filenode, newTid, h.xid, h.mode);
  }

  /** Drops every lock of `xid` (its transaction or subtransaction ended). */
  release(xid: number): void {
    const i = this.owners.findIndex((o) => o.xid === xid);
    if (i < 0) return;
    const { rows } = this.owners[i];
    this.owners[i] = this.owners[this.owners.length - 1];
    this.owners.pop();
    for (let k = 0; k < rows.length; k += 2) {
      const list = this.byRow.get(rows[k])?.get(rows[k + 1]);
      if (!list || list.length === 0) continue;
      let w = 0;
      for (const h of list) if (h.xid !== xid) list[w++] = h;
      list.length = w;
      if (w === 0) this.emptyLists++;
    }
    if (this.emptyLists > 4096) this.sweep();
  }

  /** Forgets the rows whose lists are empty. */
  private sweep(): void {
    for (const [filenode, rows] of this.byRow) {
      for (const [tid, list] of rows) if (list.length === 0) rows.delete(tid);
      if (rows.size === 0) this.byRow.delete(filenode);
    }
    this.emptyLists = 0;
  }
}
