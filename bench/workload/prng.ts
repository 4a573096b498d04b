/**
 * Deterministic pseudo-random numbers for the benchmark seed (mulberry32).
 *
 * Postgres counterpart: none (the seed is ours). Every engine must receive byte-identical seed
 * SQL, so nothing here may depend on Math.random, the clock or the platform.
 */

/** A seeded generator: `next()` in [0, 1), `int(lo, hi)` inclusive, `pick(list)`. */
export interface Prng {
  next(): number;
  int(lo: number, hi: number): number;
  pick<T>(list: readonly T[]): T;
}

/** Creates a mulberry32 generator from a 32-bit seed. */
export function createPrng(seed: number): Prng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)]!,
  };
}
