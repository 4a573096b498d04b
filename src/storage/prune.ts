/**
 * Pruning: removes row versions no snapshot can see any more (inserted by an aborted transaction,
 * or deleted by a transaction that committed before the oldest snapshot in use), and the index
 * entries pointing at them, so that a long test run does not keep every version it ever wrote.
 * Runs between statements (never while a scan is iterating), on heaps whose count of replaced or
 * aborted versions grew past a threshold.
 *
 * Postgres counterpart: src/backend/access/heap/pruneheap.c (heap_page_prune), vacuumlazy.c,
 * procarray.c (GetOldestNonRemovableTransactionId).
 */
import type { Heap, Tuple } from './heap.js';
import type { IndexStore } from './index-store.js';
import type { TransactionStatus } from './xact.js';

/** Whether a heap has gathered enough dead versions to be worth pruning. */
export function needsPrune(heap: Heap): boolean {
  return heap.garbage >= 16 && heap.garbage * 2 >= heap.size;
}

/**
 * A hot key (one row updated many times in a big table): prunes only the versions one index
 * lists under `key`, dropping their entries from that index. Entries other indexes keep for the
 * removed versions dangle until the heap's next full prune (readers skip missing versions).
 */
export function pruneKey(heap: Heap, index: IndexStore, key: readonly unknown[], horizon: number, status: TransactionStatus): number {
  let n = 0;
  for (const tid of index.lookup(key as never)) {
    const t = heap.get(tid);
    if (t && !removable(t, horizon, status)) continue;
    if (t) {
      heap.remove(tid);
      (heap.orphans ??= []).push(tid);
      n++;
    }
    index.remove(key as never, tid);
  }
  return n;
}

/** Whether no snapshot taken at or after `horizon` (the oldest xid any snapshot in use may still see as running) can see `t`. */
function removable(t: Tuple, horizon: number, status: TransactionStatus): boolean {
  if (status.aborted.has(t.xmin)) return true;
  const x = t.xmax;
  if (x === 0 || t.lockOnly || status.aborted.has(x)) return false;
  return x < horizon && status.isCommitted(x);
}

/**
 * Prunes one heap and its indexes. `horizon`: the smallest xid that is still running, or still
 * running in some snapshot in use (nextXid when there is none).
 */
export function pruneHeap(heap: Heap, indexes: readonly IndexStore[], horizon: number, status: TransactionStatus): number {
  // Versions removed by pruneKey still have entries in the other indexes.
  const dead = new Set<number>(heap.orphans ?? []);
  heap.orphans = undefined;
  heap.garbage = 0;
  heap.removeWhere((tid, t) => {
    if (!removable(t, horizon, status)) return false;
    dead.add(tid);
    return true;
  });
  if (!dead.size) return 0;
  for (const idx of indexes) {
    idx.removeTids((tid) => dead.has(tid));
  }
  return dead.size;
}
