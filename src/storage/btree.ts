/**
 * Re-export of sorted-btree's copy-on-write B+tree (O(1) `clone()`), unwrapped from its CommonJS
 * module so ESM callers get the class itself.
 */
import * as sortedBtree from 'sorted-btree';
import type * as SortedBtreeNs from 'sorted-btree';

export type BTree<K, V> = InstanceType<typeof SortedBtreeNs.default.default<K, V>>;
type Ctor = new <K, V>(entries?: [K, V][], compare?: (a: K, b: K) => number, maxNodeSize?: number) => BTree<K, V>;

const mod = sortedBtree as unknown as { default: Ctor | { default: Ctor } };
export const BTree: Ctor = typeof mod.default === 'function' ? mod.default : mod.default.default;
