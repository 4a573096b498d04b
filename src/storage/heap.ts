/**
 * A table's heap: row versions keyed by tuple id, in a copy-on-write B+tree so that `clone()` is
 * O(1) and a fork shares every page with its parent until one of them writes.
 *
 * Row versions are immutable: deleting or updating replaces the version with a copy whose `xmax`
 * is set. Visibility is decided against a snapshot (see `isVisible`).
 *
 * Postgres counterpart: src/backend/access/heap/heapam.c, heapam_visibility.c.
 */
import { BTree } from './btree.js';
import type { Value } from '../types/values.js';
import type { Snapshot, TransactionStatus } from './xact.js';

export interface Tuple {
  readonly tid: number;
  readonly xmin: number;
  readonly cmin: number;
  /** 0 when not deleted. */
  readonly xmax: number;
  readonly cmax: number;
  /** True when xmax only locks the row (SELECT FOR UPDATE), not deletes it. */
  readonly lockOnly?: boolean;
  /** The update that set xmax changed no key column (it holds FOR NO KEY UPDATE, not FOR UPDATE). */
  readonly noKeyUpdate?: boolean;
  /** Tuple id of the newer version written by an UPDATE (Postgres's t_ctid chain). */
  readonly next?: number;
  /** Column values by attnum - 1; shorter than the column list for rows older than ADD COLUMN. */
  readonly values: readonly Value[];
}

/** The reading transaction's own xids and command counter. */
export interface OwnState {
  /** Top-level xid and live subtransaction xids of the reader (empty set when it has none). */
  readonly xids: ReadonlySet<number>;
  /** Versions written by own commands numbered >= curcid are not yet visible. */
  readonly curcid: number;
}

/** Postgres's HeapTupleSatisfiesMVCC, for an immutable version. */
export function isVisible(t: Tuple, snap: Snapshot, own: OwnState, status: TransactionStatus): boolean {
  const xmin = t.xmin;
  // (the sets are usually empty: their sizes are checked before hashing the xid)
  if (own.xids.size !== 0 && own.xids.has(xmin)) {
    if (t.cmin >= own.curcid) return false;
  } else if (xmin >= snap.xmax || (snap.xip.size !== 0 && snap.xip.has(xmin)) || (status.aborted.size !== 0 && status.aborted.has(xmin))) {
    return false;
  }
  const xmax = t.xmax;
  if (xmax === 0 || t.lockOnly) return true;
  if (own.xids.has(xmax)) return t.cmax >= own.curcid;
  if (xmax >= snap.xmax || snap.xip.has(xmax) || status.aborted.has(xmax)) return true;
  return false;
}

export class Heap {
  tree: BTree<number, Tuple>;
  nextTid: number;
  /** Versions replaced (updated, deleted) or written by aborted transactions since the last prune. */
  garbage = 0;
  /** Tids pruned one key at a time, whose entries in other indexes the next full prune removes. */
  orphans: number[] | undefined;
  /** `all()`'s array, kept until the next write (reads of an unchanged table share it). */
  private allCache: readonly Tuple[] | undefined;
  /**
   * The heap this one was cloned from, until this one is first written. Cloned-from heaps are
   * shared by forks and never change (DbState clones before writing), so a scan array computed
   * for one copy serves the source and every later copy of it.
   */
  private origin: Heap | undefined;

  constructor(tree?: BTree<number, Tuple>, nextTid = 1) {
    this.tree = tree ?? new BTree<number, Tuple>(undefined, (a, b) => a - b);
    this.nextTid = nextTid;
  }

  /** O(1): shares all pages until either side writes. */
  clone(): Heap {
    const h = new Heap(this.tree.clone(), this.nextTid);
    h.garbage = this.garbage;
    h.allCache = this.allCache;
    h.origin = this;
    return h;
  }

  insert(values: readonly Value[], xid: number, cid: number): Tuple {
    const t: Tuple = { tid: this.nextTid++, xmin: xid, cmin: cid, xmax: 0, cmax: 0, values };
    this.tree.set(t.tid, t);
    this.changed();
    return t;
  }

  get(tid: number): Tuple | undefined {
    return this.tree.get(tid);
  }

  /** Replaces a version (to set xmax or the next pointer). */
  replace(t: Tuple): void {
    this.tree.set(t.tid, t);
    this.changed();
  }

  /** Physically removes a version (pruning, or undoing an aborted insert). */
  remove(tid: number): void {
    this.tree.delete(tid);
    this.changed();
  }

  /** Physically removes every version `dead` accepts (pruning). */
  removeWhere(dead: (tid: number, t: Tuple) => boolean): void {
    this.tree.editAll((tid, t) => (dead(tid, t) ? { delete: true } : undefined));
    this.changed();
  }

  private changed(): void {
    this.allCache = undefined;
    this.origin = undefined;
  }

  get size(): number {
    return this.tree.size;
  }

  /** All versions in tid order. */
  *scan(): IterableIterator<Tuple> {
    for (const [, t] of this.tree.entries()) yield t;
  }

  /**
   * Versions in tid order as an array (cheaper than the iterator for full scans); the same array
   * until the heap is written, so callers must not change it.
   */
  all(): readonly Tuple[] {
    let a = this.allCache;
    if (a === undefined) {
      const o = this.origin;
      a = o?.allCache ?? this.tree.valuesArray();
      this.allCache = a;
      if (o !== undefined) o.allCache = a;
    }
    return a;
  }
}
