/**
 * The heavyweight lock manager: locks on objects (tables for LOCK TABLE, tuples while a session
 * queues for a row, advisory lock keys) in Postgres's eight modes, held by sessions, either until
 * their transaction ends or until released. Requests that conflict with a holder, or with an
 * earlier waiter, wait (FIFO, as in Postgres); a waiter retries when the lock's holders change.
 *
 * Postgres counterpart: src/backend/storage/lmgr/lock.c (the conflict table LockConflicts,
 * LockAcquire, LockRelease), lmgr.c (LockTuple, LockRelation), and the documentation's
 * "Conflicting Lock Modes" table.
 */

/** Lock modes, numbered as Postgres numbers them (lockdefs.h). */
export const LockMode = {
  AccessShare: 1,
  RowShare: 2,
  RowExclusive: 3,
  ShareUpdateExclusive: 4,
  Share: 5,
  ShareRowExclusive: 6,
  Exclusive: 7,
  AccessExclusive: 8,
} as const;
export type LockModeNumber = (typeof LockMode)[keyof typeof LockMode];

/** Postgres's names of the modes, as error messages print them. */
export const LOCK_MODE_NAMES = ['', 'AccessShareLock', 'RowShareLock', 'RowExclusiveLock', 'ShareUpdateExclusiveLock', 'ShareLock', 'ShareRowExclusiveLock', 'ExclusiveLock', 'AccessExclusiveLock'];

/** For each mode, the modes it conflicts with (bit i = mode i). */
const CONFLICTS: readonly number[] = [
  0,
  1 << 8,
  (1 << 7) | (1 << 8),
  (1 << 5) | (1 << 6) | (1 << 7) | (1 << 8),
  (1 << 4) | (1 << 5) | (1 << 6) | (1 << 7) | (1 << 8),
  (1 << 3) | (1 << 4) | (1 << 6) | (1 << 7) | (1 << 8),
  (1 << 3) | (1 << 4) | (1 << 5) | (1 << 6) | (1 << 7) | (1 << 8),
  (1 << 2) | (1 << 3) | (1 << 4) | (1 << 5) | (1 << 6) | (1 << 7) | (1 << 8),
  0b111111110,
];

export function lockModesConflict(a: number, b: number): boolean {
  return (CONFLICTS[a] & (1 << b)) !== 0;
}

export interface LockHolder {
  readonly pid: number;
  readonly mode: number;
  /** Released at the end of the holder's transaction (else: when released, or at session end). */
  readonly xact: boolean;
  /** Times acquired (advisory locks are counted: each lock needs an unlock). */
  count: number;
}

interface LockEntry {
  holders: LockHolder[];
  waiters: { pid: number; mode: number }[];
  changed?: { promise: Promise<void>; resolve: () => void };
}

export type AcquireResult = { readonly granted: true } | { readonly granted: false; readonly blockers: readonly number[] };

export class LockManager {
  private readonly locks = new Map<string, LockEntry>();

  /** True when no lock is held or awaited (the common case costs one check). */
  get empty(): boolean {
    return this.locks.size === 0;
  }

  /** Holders of a lock (for pg_locks-like inspection and messages). */
  holders(tag: string): readonly LockHolder[] {
    return this.locks.get(tag)?.holders ?? [];
  }

  /**
   * Tries to take `tag` in `mode` for session `pid`. Granted when no other session holds a
   * conflicting mode and no earlier waiter wants one (a session already holding the lock is
   * not queued behind waiters). Otherwise the session is queued and the blockers are returned.
   */
  acquire(tag: string, pid: number, mode: number, xact: boolean, queue = true): AcquireResult {
    let e = this.locks.get(tag);
    if (!e) {
      e = { holders: [], waiters: [] };
      this.locks.set(tag, e);
    }
    const blockers: number[] = [];
    for (const h of e.holders) if (h.pid !== pid && lockModesConflict(mode, h.mode) && !blockers.includes(h.pid)) blockers.push(h.pid);
    const holdsAlready = e.holders.some((h) => h.pid === pid);
    if (!holdsAlready) {
      for (const w of e.waiters) {
        if (w.pid === pid) break;
        if (lockModesConflict(mode, w.mode) && !blockers.includes(w.pid)) blockers.push(w.pid);
      }
    }
    if (blockers.length) {
      if (queue && !e.waiters.some((w) => w.pid === pid)) e.waiters.push({ pid, mode });
      if (!queue && !e.holders.length && !e.waiters.length) this.locks.delete(tag);
      return { granted: false, blockers };
    }
    const wi = e.waiters.findIndex((w) => w.pid === pid);
    if (wi >= 0) e.waiters.splice(wi, 1);
    const mine = e.holders.find((h) => h.pid === pid && h.mode === mode && h.xact === xact);
    if (mine) mine.count++;
    else e.holders.push({ pid, mode, xact, count: 1 });
    return { granted: true };
  }

  /**
   * Conflicts a request would meet without queueing: other sessions holding a conflicting mode and,
   * unless `pid` already holds the lock, earlier waiters wanting one.
   */
  conflicts(tag: string, pid: number, mode: number): number[] {
    const e = this.locks.get(tag);
    if (!e) return [];
    const out: number[] = [];
    for (const h of e.holders) if (h.pid !== pid && lockModesConflict(mode, h.mode) && !out.includes(h.pid)) out.push(h.pid);
    if (!e.holders.some((h) => h.pid === pid)) {
      for (const w of e.waiters) {
        if (w.pid === pid) break;
        if (lockModesConflict(mode, w.mode) && !out.includes(w.pid)) out.push(w.pid);
      }
    }
    return out;
  }

  /** Queues `pid` for `tag` (it waits for holders the lock manager does not track). */
  enqueue(tag: string, pid: number, mode: number): void {
    let e = this.locks.get(tag);
    if (!e) {
      e = { holders: [], waiters: [] };
      this.locks.set(tag, e);
    }
    if (!e.waiters.some((w) => w.pid === pid)) e.waiters.push({ pid, mode });
  }

  /** Whether `pid` holds `tag` (in `mode`, when given). */
  holds(tag: string, pid: number, mode?: number): boolean {
    return this.locks.get(tag)?.holders.some((h) => h.pid === pid && (mode === undefined || h.mode === mode)) ?? false;
  }

  /** Releases one acquisition of `tag` in `mode` (session-level ones first); false when not held. */
  release(tag: string, pid: number, mode: number, xact?: boolean): boolean {
    const e = this.locks.get(tag);
    if (!e) return false;
    const i = e.holders.findIndex((h) => h.pid === pid && h.mode === mode && (xact === undefined || h.xact === xact));
    if (i < 0) return false;
    const h = e.holders[i];
    if (--h.count === 0) {
      e.holders.splice(i, 1);
      this.changed(tag, e);
    }
    return true;
  }

  /** Releases every lock of `pid` that `which` selects. */
  releaseAll(pid: number, which: (h: LockHolder, tag: string) => boolean): void {
    if (this.locks.size === 0) return;
    for (const [tag, e] of [...this.locks]) {
      const before = e.holders.length + e.waiters.length;
      e.holders = e.holders.filter((h) => h.pid !== pid || !which(h, tag));
      if (e.holders.length + e.waiters.length !== before) this.changed(tag, e);
    }
  }

  /** Leaves every queue `pid` waits in (its statement ended or gave up waiting). */
  dequeue(pid: number): void {
    if (this.locks.size === 0) return;
    for (const [tag, e] of [...this.locks]) {
      const n = e.waiters.length;
      if (!n) continue;
      e.waiters = e.waiters.filter((w) => w.pid !== pid);
      if (e.waiters.length !== n) this.changed(tag, e);
    }
  }

  /** Settles the next time the holders or waiters of `tag` change. */
  whenChanged(tag: string): Promise<void> {
    const e = this.locks.get(tag);
    if (!e) return Promise.resolve();
    if (!e.changed) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      e.changed = { promise, resolve };
    }
    return e.changed.promise;
  }

  private changed(tag: string, e: LockEntry): void {
    const c = e.changed;
    e.changed = undefined;
    if (!e.holders.length && !e.waiters.length) this.locks.delete(tag);
    c?.resolve();
  }
}
