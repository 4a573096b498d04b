/**
 * A b-tree index: entries (key values, tid) in a copy-on-write B+tree. Entries point at every row
 * version, live or dead; readers check visibility at the heap, as Postgres does.
 * The tid is the last sort key, so duplicates are distinct entries and equal keys come out in
 * insertion order.
 *
 * Postgres counterpart: src/backend/access/nbtree.
 */
import { KeyTree, type KeyOrder } from './key-tree.js';
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

/** Order of one key column's values, sentinels and nulls included. */
export function columnComparator(col: IndexColumnOrder): (x: Bound, y: Bound) => number {
  const { compare, descending, nullsFirst, plain } = col;
  return (x, y) => {
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

export function makeKeyComparator(cols: readonly IndexColumnOrder[]): (a: readonly Bound[], b: readonly Bound[]) => number {
  const n = cols.length;
  if (n === 1) {
    // The common single-column key, without the loop.
    const first = columnComparator(cols[0]);
    return (a, b) => first(a[0], b[0]);
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

/** The tree's order from the index columns' (see KeyTree); an index has at least one key column. */
function keyOrder(cols: readonly IndexColumnOrder[], whole: (a: readonly Bound[], b: readonly Bound[]) => number): KeyOrder {
  const c0 = cols[0];
  return { first: columnComparator(c0), whole: cols.length > 1 ? whole : undefined, plain: c0.plain === true, descending: c0.descending };
}

export class IndexStore {
  readonly tree: KeyTree;
  readonly keyCompare: (a: readonly Bound[], b: readonly Bound[]) => number;

  constructor(
    readonly cols: readonly IndexColumnOrder[],
    tree?: KeyTree,
    keyCompare?: (a: readonly Bound[], b: readonly Bound[]) => number,
  ) {
    this.keyCompare = keyCompare ?? makeKeyComparator(cols);
    this.tree = tree ?? new KeyTree(keyOrder(cols, this.keyCompare));
  }

  /** O(1): shares all pages until either side writes. */
  clone(): IndexStore {
    return new IndexStore(this.cols, this.tree.clone(), this.keyCompare);
  }

  insert(key: readonly Value[], tid: number): void {
    this.tree.insert(key, tid);
  }

  remove(key: readonly Value[], tid: number): void {
    this.tree.delete(key, tid);
  }

  /** Tids of entries whose key equals `key` on its first key.length columns. */
  lookup(key: readonly Value[]): number[] {
    const out: number[] = [];
    const kc = this.keyCompare;
    if (key.length === this.cols.length) {
      const k0 = key[0];
      if (typeof k0 === 'number' || typeof k0 === 'bigint') {
        const tids = this.tree.plainEqual(k0);
        if (tids) return tids;
      }
      this.tree.scanFrom(key, -Infinity, (k, tid) => {
        if (kc(k, key) !== 0) return false;
        out.push(tid);
        return true;
      });
      return out;
    }
    const lo: Bound[] = [...key];
    const hi: Bound[] = [...key];
    for (let i = key.length; i < this.cols.length; i++) {
      lo.push(MIN_BOUND);
      hi.push(MAX_BOUND);
    }
    this.tree.scanFrom(lo, -Infinity, (k, tid) => {
      if (kc(k, hi) > 0) return false;
      out.push(tid);
      return true;
    });
    return out;
  }

  /**
   * Entries between two bounds (each a key prefix padded with MIN/MAX sentinels by the caller),
   * in index order (or reverse).
   */
  *range(lo: readonly Bound[], hi: readonly Bound[], reverse = false): IterableIterator<IndexEntry> {
    if (!reverse) {
      for (const e of this.tree.entries(lo, -Infinity)) {
        if (this.keyCompare(e[0], hi) > 0) return;
        yield e as unknown as IndexEntry;
      }
    } else {
      for (const e of this.tree.entriesReversed(hi, Infinity)) {
        if (this.keyCompare(e[0], lo) < 0) return;
        yield e as unknown as IndexEntry;
      }
    }
  }

  /** Every entry, in index order. */
  entries(): IterableIterator<IndexEntry> {
    return this.tree.entries() as unknown as IterableIterator<IndexEntry>;
  }

  /** Removes the entries of the tids `dead` accepts (pruning). */
  removeTids(dead: (tid: number) => boolean): void {
    this.tree.deleteWhere(dead);
  }

  get size(): number {
    return this.tree.size;
  }
}
