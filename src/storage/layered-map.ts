/**
 * A map that forks in O(1): its entries live in a frozen base, shared with every fork, plus an own
 * layer of this copy's changes. `fork()` freezes the own layer into a new base (one copy of the
 * map, only when something changed since the last fork) and hands the same base to the fork.
 *
 * Values in the base are shared and must be treated as immutable; `DbState` clones a heap or index
 * into the own layer before changing it (see `DbState.heapFor`).
 *
 * Postgres counterpart: none (Postgres copies files for CREATE DATABASE ... TEMPLATE).
 */

const GONE: unique symbol = Symbol('deleted');

export class LayeredMap<K, V> {
  /** This copy's changes (made on first write: a fork that only reads never needs one). */
  private own: Map<K, V | typeof GONE> | undefined;

  constructor(private base: ReadonlyMap<K, V> = new Map()) {}

  get(key: K): V | undefined {
    const own = this.own;
    if (own !== undefined) {
      const v = own.get(key);
      if (v !== undefined) return v === GONE ? undefined : v;
    }
    return this.base.get(key);
  }

  /** The value when it is already in the own layer (so this copy may change it in place). */
  getOwn(key: K): V | undefined {
    const v = this.own?.get(key);
    return v === GONE ? undefined : v;
  }

  set(key: K, value: V): void {
    (this.own ??= new Map()).set(key, value);
  }

  delete(key: K): void {
    if (this.base.has(key)) (this.own ??= new Map()).set(key, GONE);
    else this.own?.delete(key);
  }

  /** Entries of the own layer (the values this copy changed or created since its last fork). */
  *ownEntries(): IterableIterator<[K, V]> {
    if (this.own) for (const [k, v] of this.own) if (v !== GONE) yield [k, v];
  }

  /** A copy sharing every value with this one; afterwards both must clone before changing one. */
  fork(): LayeredMap<K, V> {
    const own = this.own;
    if (own !== undefined && own.size > 0) {
      const merged = new Map(this.base);
      for (const [k, v] of own) {
        if (v === GONE) merged.delete(k);
        else merged.set(k, v);
      }
      this.base = merged;
      this.own = undefined;
    }
    return new LayeredMap(this.base);
  }
}
