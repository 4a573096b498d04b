/**
 * A table's heap: row versions keyed by tuple id, in pages of 256 slots that are copied on write,
 * so that `clone()` is O(1) and a fork shares every page with its parent until one of them writes.
 *
 * Row versions are immutable: deleting or updating replaces the version with a copy whose `xmax`
 * is set. Visibility is decided against a snapshot (see `isVisible`).
 *
 * Postgres counterpart: src/backend/access/heap/heapam.c, heapam_visibility.c.
 */
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
  /**
   * Postgres's combo command id: set when the transaction that inserted the version deletes or
   * updates it (its t_cid then holds this index into the transaction's (cmin, cmax) pairs, and
   * the cmin / cmax system columns show it).
   */
  readonly combo?: number;
  /** Tuple id of the newer version written by an UPDATE (Postgres's t_ctid chain). */
  readonly next?: number;
  /** Column values by attnum - 1; shorter than the column list for rows older than ADD COLUMN. */
  readonly values: readonly Value[];
}

/** The reading transaction's own xids and command counter. */
export interface OwnState {
  /**
   * Top-level xid and live subtransaction xids of the reader (empty set when it has none): one
   * Set for the transaction's life, updated in place (scans read its size per row).
   */
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

/** Versions per page: tids map to (page, slot) by bit arithmetic. */
const PAGE_BITS = 8;
const PAGE_SIZE = 1 << PAGE_BITS;
const SLOT_MASK = PAGE_SIZE - 1;
/** Owner tags: each heap writes only pages (and a page directory) tagged with its own. */
let nextOwner = 1;

export class Heap {
  /** Page directory: pages[tid >> PAGE_BITS][tid & SLOT_MASK] (tids are dense, from 1). */
  private pages: (Tuple | undefined)[][];
  /** Owner tag of each page: a page tagged with another heap's is shared and copied before a write. */
  private pageOwner: number[];
  /** Owner tag of the directory arrays themselves. */
  private dirOwner: number;
  private owner: number;
  private count: number;
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

  constructor(nextTid = 1) {
    this.owner = nextOwner++;
    this.pages = [];
    this.pageOwner = [];
    this.dirOwner = this.owner;
    this.count = 0;
    this.nextTid = nextTid;
  }

  /** O(1): shares the directory and every page until either side writes. */
  clone(): Heap {
    const h = new Heap(this.nextTid);
    h.pages = this.pages;
    h.pageOwner = this.pageOwner;
    h.dirOwner = 0;
    h.count = this.count;
    h.garbage = this.garbage;
    h.allCache = this.allCache;
    h.origin = this;
    // This heap's pages are shared from now on too: a new tag makes its next write copy them.
    this.owner = nextOwner++;
    return h;
  }

  /** The page of `tid`, writable by this heap (copying the directory and the page if shared). */
  private writablePage(tid: number): (Tuple | undefined)[] {
    const p = tid >>> PAGE_BITS;
    if (this.dirOwner !== this.owner) {
      this.pages = this.pages.slice();
      this.pageOwner = this.pageOwner.slice();
      this.dirOwner = this.owner;
    }
    let page = this.pages[p];
    if (page === undefined) {
      while (this.pages.length < p) {
        this.pages.push(undefined as unknown as Tuple[]);
        this.pageOwner.push(0);
      }
      page = new Array<Tuple | undefined>(PAGE_SIZE);
      this.pages[p] = page;
      this.pageOwner[p] = this.owner;
    } else if (this.pageOwner[p] !== this.owner) {
      page = page.slice();
      this.pages[p] = page;
      this.pageOwner[p] = this.owner;
    }
    return page;
  }

  insert(values: readonly Value[], xid: number, cid: number): Tuple {
    const t: Tuple = { tid: this.nextTid++, xmin: xid, cmin: cid, xmax: 0, cmax: 0, values };
    this.writablePage(t.tid)[t.tid & SLOT_MASK] = t;
    this.count++;
    this.changed();
    return t;
  }

  get(tid: number): Tuple | undefined {
    const page = this.pages[tid >>> PAGE_BITS];
    return page === undefined ? undefined : page[tid & SLOT_MASK];
  }

  /** Replaces a version (to set xmax or the next pointer). */
  replace(t: Tuple): void {
    const page = this.writablePage(t.tid);
    if (page[t.tid & SLOT_MASK] === undefined) this.count++;
    page[t.tid & SLOT_MASK] = t;
    this.changed();
  }

  /** Physically removes a version (pruning, or undoing an aborted insert). */
  remove(tid: number): void {
    if (this.get(tid) === undefined) return;
    this.writablePage(tid)[tid & SLOT_MASK] = undefined;
    this.count--;
    this.changed();
  }

  /** Physically removes every version `dead` accepts (pruning). */
  removeWhere(dead: (tid: number, t: Tuple) => boolean): void {
    for (const t of this.collect()) if (dead(t.tid, t)) this.remove(t.tid);
    this.changed();
  }

  private changed(): void {
    this.allCache = undefined;
    this.origin = undefined;
  }

  get size(): number {
    return this.count;
  }

  /** All versions in tid order. */
  *scan(): IterableIterator<Tuple> {
    yield* this.all();
  }

  /**
   * Versions in tid order as an array (cheaper than the iterator for full scans); the same array
   * until the heap is written, so callers must not change it.
   */
  all(): readonly Tuple[] {
    let a = this.allCache;
    if (a === undefined) {
      const o = this.origin;
      a = o?.allCache ?? this.collect();
      this.allCache = a;
      if (o !== undefined) o.allCache = a;
    }
    return a;
  }

  private collect(): Tuple[] {
    const out: Tuple[] = new Array(this.count);
    let n = 0;
    const pages = this.pages;
    for (let p = 0; p < pages.length; p++) {
      const page = pages[p];
      if (page === undefined) continue;
      for (let i = 0; i < PAGE_SIZE; i++) {
        const t = page[i];
        if (t !== undefined) out[n++] = t;
      }
    }
    out.length = n;
    return out;
  }
}
