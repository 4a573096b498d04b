/**
 * The b+tree behind a b-tree index: entries (key, tid) sorted by key, then tid. Nodes keep their
 * entries in flat arrays (first key columns, whole keys, tids), so a search compares the first
 * column without following a pointer per entry (integer keys are compared inline), and the nodes
 * are copied on write: `clone()` is O(1) and a copy shares every node until one side writes.
 *
 * A one-column tree keeps no whole keys (the first column is the key): callers get `[k0]` made on
 * demand, and an entry costs its value and tid only.
 *
 * Underfull nodes are allowed (a node is removed only when it becomes empty); `deleteWhere`
 * rebuilds the tree packed. Iterators survive writes to the tree: after one, they seek again
 * from the last entry they returned.
 *
 * Postgres counterpart: src/backend/access/nbtree (nbtinsert.c, nbtsearch.c), without its
 * on-disk page layout.
 */
import type { Bound } from './index-store.js';

/** A key column's value, or a sentinel below or above every value (range bounds). */
export type KeyBound = Bound;
export type TreeKey = readonly KeyBound[];

/** Most entries (or children) per node before it splits. */
const MAX = 64;
/** Entries per leaf when packing (room for inserts before the first split). */
const PACK = 48;

let nextOwner = 1;
/** Whole key of a probe on a one-column tree (cmpAt reads only k0 there). */
const EMPTY_KEY: TreeKey = [];

class Leaf {
  constructor(
    public owner: number,
    public k0: KeyBound[],
    /** Whole keys (empty in a one-column tree). */
    public keys: TreeKey[],
    public tids: number[],
  ) {}
}

/** Entry i of an inner node is the largest entry of children[i]. */
class Inner {
  constructor(
    public owner: number,
    public k0: KeyBound[],
    public keys: TreeKey[],
    public tids: number[],
    public children: Node[],
  ) {}
}

type Node = Leaf | Inner;

export interface KeyOrder {
  /** Order of the first key column (sentinels and nulls included). */
  readonly first: (a: KeyBound, b: KeyBound) => number;
  /** Order of whole keys, when there is more than one column. */
  readonly whole: ((a: TreeKey, b: TreeKey) => number) | undefined;
  /** The first column holds integers (JS numbers or bigints) ordered by `<`. */
  readonly plain: boolean;
  readonly descending: boolean;
}

export class KeyTree {
  private root: Node;
  private owner: number;
  /** Bumped by every write (iterators seek again when it changed). */
  private version = 0;
  size = 0;

  /** One key column: `keys` arrays stay empty. */
  private readonly single: boolean;

  constructor(private readonly order: KeyOrder) {
    this.single = order.whole === undefined;
    this.owner = nextOwner++;
    this.root = new Leaf(this.owner, [], [], []);
  }

  /** O(1): both trees share every node; each copies a node before writing it. */
  clone(): KeyTree {
    const t = new KeyTree(this.order);
    t.root = this.root;
    t.size = this.size;
    this.owner = nextOwner++;
    this.version++;
    return t;
  }

  // ---- comparison --------------------------------------------------------------------------------

  /** The whole key of entry i. */
  private keyAt(node: Node, i: number): TreeKey {
    return this.single ? [node.k0[i]] : node.keys[i];
  }

  /** Entry i of `node` against the target (k0 = key[0]). */
  private cmpAt(node: Node, i: number, k0: KeyBound, key: TreeKey, tid: number): number {
    const x = node.k0[i];
    let c: number;
    if (x === k0) c = 0;
    else {
      const o = this.order;
      const t = typeof x;
      if (o.plain && t === typeof k0 && (t === 'number' || t === 'bigint')) return ((x as number) < (k0 as number)) !== o.descending ? -1 : 1;
      c = o.first(x, k0);
      if (c !== 0) return c;
    }
    const whole = this.order.whole;
    if (whole !== undefined) {
      c = whole(node.keys[i], key);
      if (c !== 0) return c;
    }
    return node.tids[i] - tid;
  }

  /** First index whose entry is >= the target (node length when none is). */
  private lowerBound(node: Node, k0: KeyBound, key: TreeKey, tid: number): number {
    let lo = 0;
    let hi = node.k0.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cmpAt(node, mid, k0, key, tid) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  // ---- writes -----------------------------------------------------------------------------------

  private writable<N extends Node>(node: N): N {
    if (node.owner === this.owner) return node;
    const copy =
      node instanceof Leaf
        ? new Leaf(this.owner, node.k0.slice(), node.keys.slice(), node.tids.slice())
        : new Inner(this.owner, node.k0.slice(), node.keys.slice(), node.tids.slice(), (node as Inner).children.slice());
    return copy as N;
  }

  insert(key: TreeKey, tid: number): void {
    const root = this.writable(this.root);
    this.root = root;
    const right = this.insertInto(root, key[0], key, tid);
    if (right) {
      const n = root.k0.length - 1;
      const m = right.k0.length - 1;
      this.root = new Inner(this.owner, [root.k0[n], right.k0[m]], this.single ? [] : [root.keys[n], right.keys[m]], [root.tids[n], right.tids[m]], [root, right]);
    }
    this.size++;
    this.version++;
  }

  /** Inserts into a writable node; returns the new right sibling when the node split. */
  private insertInto(node: Node, k0: KeyBound, key: TreeKey, tid: number): Node | undefined {
    let i = this.lowerBound(node, k0, key, tid);
    if (node instanceof Leaf) {
      node.k0.splice(i, 0, k0);
      if (!this.single) node.keys.splice(i, 0, key);
      node.tids.splice(i, 0, tid);
      return node.k0.length > MAX ? this.split(node, i === MAX) : undefined;
    }
    const inner = node as Inner;
    if (i === inner.children.length) i--;
    const child = this.writable(inner.children[i]);
    inner.children[i] = child;
    const right = this.insertInto(child, k0, key, tid);
    setMax(inner, i, child, this.single);
    if (right) {
      const m = right.k0.length - 1;
      inner.k0.splice(i + 1, 0, right.k0[m]);
      if (!this.single) inner.keys.splice(i + 1, 0, right.keys[m]);
      inner.tids.splice(i + 1, 0, right.tids[m]);
      inner.children.splice(i + 1, 0, right);
      if (inner.children.length > MAX) return this.split(inner, i + 1 === MAX);
    }
    return undefined;
  }

  /**
   * Moves the upper half of an overfull node into a new right sibling; when the entry that made it
   * overfull went last (ascending keys: serial ids, timestamps), only that entry moves and the node
   * stays full, as Postgres splits its rightmost pages, so appended keys fill their pages.
   */
  private split(node: Node, appended: boolean): Node {
    const cut = appended ? node.k0.length - 1 : node.k0.length >>> 1;
    const k0 = node.k0.splice(cut);
    const keys = node.keys.splice(cut);
    const tids = node.tids.splice(cut);
    const children = node instanceof Inner ? node.children.splice(cut) : undefined;
    if (appended) {
      // Its arrays stay at this size: drop the room they grew for appends.
      node.k0 = node.k0.slice();
      node.keys = node.keys.slice();
      node.tids = node.tids.slice();
      if (node instanceof Inner) node.children = node.children.slice();
    }
    if (!children) return new Leaf(this.owner, k0, keys, tids);
    return new Inner(this.owner, k0, keys, tids, children);
  }

  /** Removes the entry (key, tid); false when there is none. */
  delete(key: TreeKey, tid: number): boolean {
    if (!this.has(key, tid)) return false;
    const root = this.writable(this.root);
    this.root = root;
    this.deleteFrom(root, key[0], key, tid);
    let r: Node = this.root;
    while (r instanceof Inner && r.children.length === 1) r = r.children[0];
    if (r instanceof Inner && r.children.length === 0) r = new Leaf(this.owner, [], [], []);
    this.root = r;
    this.size--;
    this.version++;
    return true;
  }

  private has(key: TreeKey, tid: number): boolean {
    const k0 = key[0];
    let node = this.root;
    for (;;) {
      const i = this.lowerBound(node, k0, key, tid);
      if (i === node.k0.length) return false;
      if (node instanceof Leaf) return this.cmpAt(node, i, k0, key, tid) === 0;
      node = (node as Inner).children[i];
    }
  }

  /** Removes an entry known to exist from a writable node. */
  private deleteFrom(node: Node, k0: KeyBound, key: TreeKey, tid: number): void {
    const i = this.lowerBound(node, k0, key, tid);
    if (node instanceof Leaf) {
      node.k0.splice(i, 1);
      node.keys.splice(i, 1);
      node.tids.splice(i, 1);
      return;
    }
    const inner = node as Inner;
    const child = this.writable(inner.children[i]);
    inner.children[i] = child;
    this.deleteFrom(child, k0, key, tid);
    if (child.k0.length === 0) {
      inner.k0.splice(i, 1);
      inner.keys.splice(i, 1);
      inner.tids.splice(i, 1);
      inner.children.splice(i, 1);
    } else setMax(inner, i, child, this.single);
  }

  /** Removes every entry `dead` accepts, and packs the tree (pruning). */
  deleteWhere(dead: (tid: number) => boolean): void {
    const k0: KeyBound[] = [];
    const keys: TreeKey[] = [];
    const tids: number[] = [];
    for (const [key, tid] of this.entries()) {
      if (dead(tid)) continue;
      k0.push(key[0]);
      if (!this.single) keys.push(key);
      tids.push(tid);
    }
    this.owner = nextOwner++;
    this.size = tids.length;
    this.version++;
    let level: Node[] = [];
    for (let i = 0; i < tids.length; i += PACK) {
      level.push(new Leaf(this.owner, k0.slice(i, i + PACK), keys.slice(i, i + PACK), tids.slice(i, i + PACK)));
    }
    if (level.length === 0) level.push(new Leaf(this.owner, [], [], []));
    while (level.length > 1) {
      const up: Node[] = [];
      for (let i = 0; i < level.length; i += PACK) {
        const children = level.slice(i, i + PACK);
        const inner = new Inner(this.owner, [], [], [], children);
        for (let j = 0; j < children.length; j++) setMax(inner, j, children[j], this.single);
        up.push(inner);
      }
      level = up;
    }
    this.root = level[0];
  }

  // ---- reads ------------------------------------------------------------------------------------

  /**
   * Tids of the entries whose first column is the integer `k0`, in order, when the tree has one
   * key column of plain integers; undefined when it cannot tell from one leaf (the caller scans).
   */
  plainEqual(k0: number | bigint): number[] | undefined {
    const o = this.order;
    if (!o.plain || o.whole !== undefined) return undefined;
    const t = typeof k0;
    const desc = o.descending;
    let node = this.root;
    // Whether equal keys may go on past the leaf reached: some child on the way ends with k0.
    let spill = false;
    for (;;) {
      const a = node.k0;
      let lo = 0;
      let hi = a.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const x = a[mid];
        // Is entry mid before every entry with key k0? (k0 with tid -Infinity: before all equal keys.)
        const before = typeof x === t ? (desc ? (x as number) > (k0 as number) : (x as number) < (k0 as number)) : this.cmpAt(node, mid, k0, EMPTY_KEY, -Infinity) < 0;
        if (before) lo = mid + 1;
        else hi = mid;
      }
      if (node instanceof Inner) {
        if (lo < a.length && (a[lo] === k0 || (typeof a[lo] !== t && a[lo] !== null))) spill = true;
        node = node.children[lo === node.children.length ? lo - 1 : lo];
        continue;
      }
      const n = a.length;
      let end = lo;
      while (end < n && a[end] === k0) end++;
      if (end < n) {
        const x = a[end];
        // A bigint entry against a number probe (cross-type): the general scan decides.
        return typeof x === t || x === null ? node.tids.slice(lo, end) : undefined;
      }
      // Equal keys may go on in the next leaf: only the caller's general scan follows them.
      return spill ? undefined : node.tids.slice(lo, end);
    }
  }

  /**
   * Calls `f` for each entry from the first >= (key, tid) on, in order, while `f` returns true.
   * `f` must not write to the tree.
   */
  scanFrom(key: TreeKey, tid: number, f: (key: TreeKey, tid: number) => boolean): void {
    // Most scans (a key lookup) end in the leaf they start in: find it without recording a path.
    const k0 = key[0];
    let node = this.root;
    while (node instanceof Inner) {
      const c = this.lowerBound(node, k0, key, tid);
      node = node.children[c === node.children.length ? c - 1 : c];
    }
    const first = node as Leaf;
    const n = first.tids.length;
    for (let j = this.lowerBound(first, k0, key, tid); j < n; j++) if (!f(this.keyAt(first, j), first.tids[j])) return;
    if (n === 0) return;
    // The scan goes on past that leaf: walk on with a path, after the leaf's last entry.
    const lastKey = this.keyAt(first, n - 1);
    const after = first.tids[n - 1] + 0.5;
    const path: Inner[] = [];
    const idx: number[] = [];
    let leaf: Leaf | undefined = this.seek(lastKey[0], lastKey, after, path, idx);
    let i = this.lowerBound(leaf, lastKey[0], lastKey, after);
    while (leaf !== undefined) {
      const n = leaf.tids.length;
      for (; i < n; i++) if (!f(this.keyAt(leaf, i), leaf.tids[i])) return;
      leaf = nextLeaf(path, idx);
      i = 0;
    }
  }

  /** Entries from the first >= (key, tid) on, in order (all of them without a start). */
  *entries(key?: TreeKey, tid = -Infinity): IterableIterator<[TreeKey, number]> {
    let path: Inner[] = [];
    let idx: number[] = [];
    let leaf: Leaf | undefined;
    let i: number;
    if (key === undefined) {
      leaf = leftmost(this.root, path, idx);
      i = 0;
    } else {
      leaf = this.seek(key[0], key, tid, path, idx);
      i = this.lowerBound(leaf, key[0], key, tid);
    }
    let version = this.version;
    while (leaf !== undefined) {
      if (i < leaf.tids.length) {
        const k = this.keyAt(leaf, i);
        const t = leaf.tids[i];
        yield [k, t];
        if (this.version !== version) {
          // The tree changed under the iterator: seek again, after the entry just returned.
          version = this.version;
          path = [];
          idx = [];
          leaf = this.seek(k[0], k, t + 0.5, path, idx);
          i = this.lowerBound(leaf, k[0], k, t + 0.5);
        } else i++;
      } else {
        leaf = nextLeaf(path, idx);
        i = 0;
      }
    }
  }

  /** Entries from the last <= (key, tid) down, in reverse order. */
  *entriesReversed(key: TreeKey, tid = Infinity): IterableIterator<[TreeKey, number]> {
    let path: Inner[] = [];
    let idx: number[] = [];
    let leaf: Leaf | undefined = this.seek(key[0], key, tid, path, idx);
    let i = this.lastAtOrBelow(leaf, key, tid);
    let version = this.version;
    while (leaf !== undefined) {
      if (i >= 0) {
        const k = this.keyAt(leaf, i);
        const t = leaf.tids[i];
        yield [k, t];
        if (this.version !== version) {
          version = this.version;
          path = [];
          idx = [];
          leaf = this.seek(k[0], k, t - 0.5, path, idx);
          i = this.lastAtOrBelow(leaf, k, t - 0.5);
        } else i--;
      } else {
        leaf = prevLeaf(path, idx);
        i = leaf === undefined ? -1 : leaf.tids.length - 1;
      }
    }
  }

  /** Index in `leaf` of the last entry <= the target (-1: it is in an earlier leaf, if any). */
  private lastAtOrBelow(leaf: Leaf, key: TreeKey, tid: number): number {
    const lb = this.lowerBound(leaf, key[0], key, tid);
    return lb < leaf.tids.length && this.cmpAt(leaf, lb, key[0], key, tid) === 0 ? lb : lb - 1;
  }

  /** Descends to the leaf where the first entry >= the target is (or the last leaf), recording the path. */
  private seek(k0: KeyBound, key: TreeKey, tid: number, path: Inner[], idx: number[]): Leaf {
    let node = this.root;
    while (node instanceof Inner) {
      let i = this.lowerBound(node, k0, key, tid);
      if (i === node.children.length) i--;
      path.push(node);
      idx.push(i);
      node = node.children[i];
    }
    return node as Leaf;
  }
}

/** Entry i of an inner node becomes the largest entry of its child. */
function setMax(inner: Inner, i: number, child: Node, single: boolean): void {
  const m = child.k0.length - 1;
  inner.k0[i] = child.k0[m];
  if (!single) inner.keys[i] = child.keys[m];
  inner.tids[i] = child.tids[m];
}

function leftmost(root: Node, path: Inner[], idx: number[]): Leaf {
  let node = root;
  while (node instanceof Inner) {
    path.push(node);
    idx.push(0);
    node = node.children[0];
  }
  return node as Leaf;
}

/** The leaf after the one the path leads to (the path is updated), or undefined at the end. */
function nextLeaf(path: Inner[], idx: number[]): Leaf | undefined {
  while (path.length > 0) {
    const top = path.length - 1;
    if (idx[top] + 1 < path[top].children.length) {
      idx[top]++;
      let node = path[top].children[idx[top]];
      while (node instanceof Inner) {
        path.push(node);
        idx.push(0);
        node = node.children[0];
      }
      return node as Leaf;
    }
    path.pop();
    idx.pop();
  }
  return undefined;
}

/** The leaf before the one the path leads to, or undefined at the start. */
function prevLeaf(path: Inner[], idx: number[]): Leaf | undefined {
  while (path.length > 0) {
    const top = path.length - 1;
    if (idx[top] > 0) {
      idx[top]--;
      let node = path[top].children[idx[top]];
      while (node instanceof Inner) {
        path.push(node);
        idx.push(node.children.length - 1);
        node = node.children[node.children.length - 1];
      }
      return node as Leaf;
    }
    path.pop();
    idx.pop();
  }
  return undefined;
}
