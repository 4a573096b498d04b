/**
 * Hash partitioning's row hash: each non-null key value hashed with its type's extended hash
 * function under Postgres's fixed seed, combined with hash_combine64; a row belongs to the
 * partition whose remainder is the hash modulo its modulus. The functions must equal Postgres's
 * bit for bit, or rows would land in other partitions than on a real server.
 *
 * Postgres counterpart: partitioning/partbounds.c (compute_partition_hash_value),
 * common/hashfn.c (hash_bytes_extended, hash_bytes_uint32_extended), utils/adt/int.c / int8.c /
 * varlena.c / uuid.c / date.c (hashint4extended, hashint8extended, hashtextextended, ...).
 * Known gaps: key types without a hash here (numeric, float, interval, arrays...) are 0A000.
 */
import { featureNotSupported } from '../errors/pg-error.js';
import { OID } from '../types/oids.js';
import type { Value } from '../types/values.js';

const M64 = (1n << 64n) - 1n;
/** HASH_PARTITION_SEED */
const SEED = 0x7a5b22367996dcfdn;
const SEED_HI = Number(SEED >> 32n) >>> 0;
const SEED_LO = Number(SEED & 0xffffffffn) >>> 0;

const rot = (x: number, k: number): number => ((x << k) | (x >>> (32 - k))) >>> 0;

/** Jenkins' lookup3 over bytes with a 64-bit seed (hash_bytes_extended), as a bigint. */
function hashBytesExtended(k: Uint8Array): bigint {
  let len = k.length;
  let a = (0x9e3779b9 + len + 3923095) >>> 0;
  let b = a;
  let c = a;
  const mix = () => {
    a = (a - c) >>> 0; a = (a ^ rot(c, 4)) >>> 0; c = (c + b) >>> 0;
    b = (b - a) >>> 0; b = (b ^ rot(a, 6)) >>> 0; a = (a + c) >>> 0;
    c = (c - b) >>> 0; c = (c ^ rot(b, 8)) >>> 0; b = (b + a) >>> 0;
    a = (a - c) >>> 0; a = (a ^ rot(c, 16)) >>> 0; c = (c + b) >>> 0;
    b = (b - a) >>> 0; b = (b ^ rot(a, 19)) >>> 0; a = (a + c) >>> 0;
    c = (c - b) >>> 0; c = (c ^ rot(b, 4)) >>> 0; b = (b + a) >>> 0;
  };
  a = (a + SEED_HI) >>> 0;
  b = (b + SEED_LO) >>> 0;
  mix();
  let i = 0;
  const word = (j: number) => (k[j] | (k[j + 1] << 8) | (k[j + 2] << 16) | (k[j + 3] << 24)) >>> 0;
  while (len >= 12) {
    a = (a + word(i)) >>> 0;
    b = (b + word(i + 4)) >>> 0;
    c = (c + word(i + 8)) >>> 0;
    mix();
    i += 12;
    len -= 12;
  }
  // The last 11 bytes, little-endian (the lowest byte of c is reserved for the length).
  if (len >= 11) c = (c + (k[i + 10] << 24)) >>> 0;
  if (len >= 10) c = (c + (k[i + 9] << 16)) >>> 0;
  if (len >= 9) c = (c + (k[i + 8] << 8)) >>> 0;
  if (len >= 8) b = (b + (k[i + 7] << 24)) >>> 0;
  if (len >= 7) b = (b + (k[i + 6] << 16)) >>> 0;
  if (len >= 6) b = (b + (k[i + 5] << 8)) >>> 0;
  if (len >= 5) b = (b + k[i + 4]) >>> 0;
  if (len >= 4) a = (a + (k[i + 3] << 24)) >>> 0;
  if (len >= 3) a = (a + (k[i + 2] << 16)) >>> 0;
  if (len >= 2) a = (a + (k[i + 1] << 8)) >>> 0;
  if (len >= 1) a = (a + k[i]) >>> 0;
  return finalMix(a, b, c);
}

function finalMix(a: number, b: number, c: number): bigint {
  c = (c ^ b) >>> 0; c = (c - rot(b, 14)) >>> 0;
  a = (a ^ c) >>> 0; a = (a - rot(c, 11)) >>> 0;
  b = (b ^ a) >>> 0; b = (b - rot(a, 25)) >>> 0;
  c = (c ^ b) >>> 0; c = (c - rot(b, 16)) >>> 0;
  a = (a ^ c) >>> 0; a = (a - rot(c, 4)) >>> 0;
  b = (b ^ a) >>> 0; b = (b - rot(a, 14)) >>> 0;
  c = (c ^ b) >>> 0; c = (c - rot(b, 24)) >>> 0;
  return (BigInt(b) << 32n) | BigInt(c);
}

/** hash_bytes_uint32_extended with the partition seed. */
function hashUint32Extended(k: number): bigint {
  let a = (0x9e3779b9 + 4 + 3923095) >>> 0;
  let b = a;
  let c = a;
  a = (a + SEED_HI) >>> 0;
  b = (b + SEED_LO) >>> 0;
  a = (a - c) >>> 0; a = (a ^ rot(c, 4)) >>> 0; c = (c + b) >>> 0;
  b = (b - a) >>> 0; b = (b ^ rot(a, 6)) >>> 0; a = (a + c) >>> 0;
  c = (c - b) >>> 0; c = (c ^ rot(b, 8)) >>> 0; b = (b + a) >>> 0;
  a = (a - c) >>> 0; a = (a ^ rot(c, 16)) >>> 0; c = (c + b) >>> 0;
  b = (b - a) >>> 0; b = (b ^ rot(a, 19)) >>> 0; a = (a + c) >>> 0;
  c = (c - b) >>> 0; c = (c ^ rot(b, 4)) >>> 0; b = (b + a) >>> 0;
  a = (a + (k >>> 0)) >>> 0;
  return finalMix(a, b, c);
}

function hashInt8(v: bigint): bigint {
  const lo = Number(BigInt.asUintN(32, v));
  const hi = Number(BigInt.asUintN(32, v >> 32n));
  return hashUint32Extended(v >= 0n ? lo ^ hi : lo ^ ~hi);
}

const encoder = new TextEncoder();

/** The extended hash of one value of `type` (a base type), or 0A000 for a type without one here. */
export function hashFunctionFor(type: number): (v: Value) => bigint {
  switch (type) {
    case OID.int2:
    case OID.int4:
    case OID.date:
    case OID.oid:
      return (v) => hashUint32Extended(v as number);
    case OID.bool:
      return (v) => hashUint32Extended(v ? 1 : 0);
    case OID.int8:
    case OID.timestamp:
    case OID.timestamptz:
      return (v) => hashInt8(v as bigint);
    case OID.text:
    case OID.varchar:
    case OID.name:
      return (v) => hashBytesExtended(encoder.encode(v as string));
    case OID.bpchar:
      return (v) => hashBytesExtended(encoder.encode((v as string).replace(/ +$/, '')));
    case OID.uuid:
      return (v) => hashBytesExtended(Uint8Array.from((v as string).replace(/-/g, '').match(/../g)!.map((h) => parseInt(h, 16))));
    default:
      throw featureNotSupported('hash partitioning on this key type');
  }
}

/** compute_partition_hash_value: the row hash of the key values (nulls skipped). */
export function rowHash(fns: readonly ((v: Value) => bigint)[], keys: readonly Value[]): bigint {
  let h = 0n;
  for (let i = 0; i < fns.length; i++) {
    const v = keys[i];
    if (v === null) continue;
    const x = fns[i](v);
    // hash_combine64
    h = (h ^ ((x + 0x49a0f4dd15e5a8e3n + ((h << 54n) & M64) + (h >> 7n)) & M64)) & M64;
  }
  return h;
}
