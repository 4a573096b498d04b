/**
 * Hash partitioning's row hash: each non-null key value hashed with its type's extended hash
 * function under Postgres's fixed seed, combined with hash_combine64; a row belongs to the
 * partition whose remainder is the hash modulo its modulus. The functions must equal Postgres's
 * bit for bit, or rows would land in other partitions than on a real server.
 *
 * Postgres counterpart: partitioning/partbounds.c (compute_partition_hash_value,
 * HASH_PARTITION_SEED); the per-type functions are in types/hash-support.ts.
 * Known gaps: key types without a hash opclass are 0A000 rather than Postgres's 42704
 * (`data type ... has no default operator class for access method "hash"`).
 */
import type { Catalog } from '../catalog/catalog.js';
import { featureNotSupported } from '../errors/pg-error.js';
import { hashCombine64 } from '../types/hashfn.js';
import { hashSupport } from '../types/hash-support.js';
import type { Value } from '../types/values.js';

/** HASH_PARTITION_SEED */
export const HASH_PARTITION_SEED = 0x7a5b22367996dcfdn;

/** The partition-seeded extended hash of values of `type`, or 0A000 for a type without one. */
export function hashFunctionFor(cat: Catalog, type: number): (v: Value) => bigint {
  const h = hashSupport(cat, type);
  if (!h) throw featureNotSupported('hash partitioning on this key type');
  return (v) => h.ext(v, HASH_PARTITION_SEED);
}

/** compute_partition_hash_value: the row hash of the key values (nulls skipped). */
export function rowHash(fns: readonly ((v: Value) => bigint)[], keys: readonly Value[]): bigint {
  let h = 0n;
  for (let i = 0; i < fns.length; i++) {
    const v = keys[i];
    if (v === null) continue;
    h = hashCombine64(h, fns[i](v));
  }
  return h;
}
