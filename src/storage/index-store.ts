/**
 * A b-tree index: entries (key values, tid) in a copy-on-write B+tree. Entries point at every row
 * version, live or dead; readers check visibility at the heap, as Postgres does.
 * The tid is the last sort key, so duplicates are distinct entries and equal keys come out in
 * insertion order.
 *
 * Postgres counterpart: src/backend/access/nbtree.
 */
import { BTree } from './btree.js';
import type { Value } from '../types/values.js';

export interface IndexColumnOrder {
  compare: (a: Value, b: Value) => number;
  descending: boolean;
  nullsFirst: boolean;
  /** The values are JS numbers or bigints ordered by `<` (integer types): compared inline. */
  plain?: boolean;
}

export type IndexEntry = readonly [key: readonly Value[], tid: number];

/** Sentinels used as range bounds: below or above every value (nulls included). */
export const MIN_BOUND = Symbol('min');
export const MAX_BOUND = Symbol('max');
export type Bound = Value | typeof MIN_BOUND | typeof MAX_BOUND;

export function makeKeyComparator(cols: readonly IndexColumnOrder[]): (a: readonly Bound[], b: readonly Bound[]) => number {
  const n = cols.length;
  if (n === 1) {
    // The common single-column key, without the loop.
    const { compare, descending, nullsFirst, plain } = cols[0];
    return (a, b) => {
      const x = a[0];
      const y = b[0];
      if (x === y) return 0;
      if (plain) {
        const t = typeof x;
        if (t === typeof y && (t === 'number' || t === 'bigint')) return ((x as number) < (y as number)) !== descending ? -1 : 1;
      }
      if (x === MIN_BOUND || y === MAX_BOUND) return -1;
      if (y === MIN_BOUND || x === MAX_BOUND) return 1;
      if (x === null) return y === null ? 0 : nullsFirst ? -1 : 1;
      if (y === null) return nullsFirst ? 1 : -1;
      const c = compare(x as Value, y as Value);
      return descending ? -c : c;
    };
  }
  return (a, b) => {
    for (let i = 0; i < n; i++) {
      const x = a[i];
      const y = b[i];
      if (x === y) continue;
      if (x === MIN_BOUND) return -1;
      if (y === MIN_BOUND) return 1;
      if (x === MAX_BOUND) return 1;
      if (y === MAX_BOUND) return -1;
      const col = cols[i];
      let c: number;
      if (x === null) c = y === null ? 0 : col.nullsFirst ? -1 : 1;
      else if (y === null) c = col.nullsFirst ? 1 : -1;
      else {
        c = col.compare(x as Value, y as Value);
        if (col.descending) c = -c;
      }
      if (c !== 0) return c;
    }
    return 0;
  };
}

/** Order of the tree's entries: by key, then by tid. */
function entryComparator(cols: readonly IndexColumnOrder[], kc: (a: readonly Bound[], b: readonly Bound[]) => number): (a: IndexEntry, b: IndexEntry) => number {
  if (cols.length === 1 && cols[0].plain) {
    // A single integer column (most primary and foreign keys): compared here, without two calls.
    const descending = cols[0].descending;
    return (a, b) => {
      const x = a[0][0];
      const y = b[0][0];
      if (x === y) return a[1] - b[1];
      const t = typeof x;
      if (t === typeof y && (t === 'number' || t === 'bigint')) return ((x as number) < (y as number)) !== descending ? -1 : 1;
      const c = kc(a[0], b[0]);
      return c !== 0 ? c : a[1] - b[1];
    };
  }
  return (a, b) => {
    const c = kc(a[0], b[0]);
    return c !== 0 ? c : a[1] - b[1];
  };
}

export class IndexStore {
  readonly tree: BTree<IndexEntry, true>;
  readonly keyCompare: (a: readonly Bound[], b: readonly Bound[]) => number;

  constructor(
    readonly cols: readonly IndexColumnOrder[],
    tree?: BTree<IndexEntry, true>,
    keyCompare?: (a: readonly Bound[], b: readonly Bound[]) => number,
  ) {
    this.keyCompare = keyCompare ?? makeKeyComparator(cols);
    const kc = this.keyCompare;
    this.tree = tree ?? new BTree<IndexEntry, true>(undefined, entryComparator(cols, kc));
  }

  /** O(1): shares all pages until either side writes. */
  clone(): IndexStore {
    return new IndexStore(this.cols, this.tree.clone(), this.keyCompare);
  }

  insert(key: readonly Value[], tid: number): void {
    this.tree.set([key, tid], true);
  }

  remove(key: readonly Value[], tid: number): void {
    this.tree.delete([key, tid]);
  }

  /** Tids of entries whose key equals `key` on its first key.length columns. */
  lookup(key: readonly Value[]): number[] {
    const out: number[] = [];
    if (key.length === this.cols.length) {
      this.tree.forRange([key, -Infinity], [key, Infinity], true, (k) => {
        out.push(k[1]);
      });
      return out;
    }
    const lo: Bound[] = [...key];
    const hi: Bound[] = [...key];
    for (let i = key.length; i < this.cols.length; i++) {
      lo.push(MIN_BOUND);
      hi.push(MAX_BOUND);
    }
    this.tree.forRange([lo as Value[], -Infinity], [hi as Value[], Infinity], true, (k) => {
      out.push(k[1]);
    });
    return out;
  }

  /**
   * Entries between two bounds (each a key prefix padded with MIN/MAX sentinels by the caller),
   * in index order (or reverse).
   */
  *range(lo: readonly Bound[], hi: readonly Bound[], reverse = false): IterableIterator<IndexEntry> {
    if (!reverse) {
      for (const [k] of this.tree.entries([lo as Value[], -Infinity])) {
        if (this.keyCompare(k[0], hi) > 0) return;
        yield k;
      }
    } else {
      for (const [k] of this.tree.entriesReversed([hi as Value[], Infinity])) {
        if (this.keyCompare(k[0], lo) < 0) return;
        yield k;
      }
    }
  }

  get size(): number {
    return this.tree.size;
  }
}
