/**
 * Bob Jenkins' lookup3 hash as Postgres uses it (hash_any / hash_bytes, hash_uint32 and their
 * 64-bit seeded `_extended` forms). Results must equal Postgres's bit for bit: hash partition
 * routing and the SQL-visible hash functions (hashint4, hashtext, ...) depend on them.
 * 32-bit results are unsigned numbers; 64-bit results unsigned bigints. Bytes are read as a
 * little-endian machine does (x86-64, aarch64), which is what a real server reports.
 *
 * Postgres counterpart: src/common/hashfn.c (hash_bytes, hash_bytes_extended, hash_bytes_uint32,
 * hash_bytes_uint32_extended), src/include/common/hashfn.h (hash_combine64).
 * Known gaps: big-endian servers hash differently; we follow little-endian ones.
 */

const M64 = (1n << 64n) - 1n;

const rot = (x: number, k: number): number => ((x << k) | (x >>> (32 - k))) >>> 0;

/** Lookup3 state: a, b, c as unsigned 32-bit numbers. */
type State = [number, number, number];

function mix(s: State): void {
  let [a, b, c] = s;
  a = (a - c) >>> 0; a = (a ^ rot(c, 4)) >>> 0; c = (c + b) >>> 0;
  b = (b - a) >>> 0; b = (b ^ rot(a, 6)) >>> 0; a = (a + c) >>> 0;
  c = (c - b) >>> 0; c = (c ^ rot(b, 8)) >>> 0; b = (b + a) >>> 0;
  a = (a - c) >>> 0; a = (a ^ rot(c, 16)) >>> 0; c = (c + b) >>> 0;
  b = (b - a) >>> 0; b = (b ^ rot(a, 19)) >>> 0; a = (a + c) >>> 0;
  c = (c - b) >>> 0; c = (c ^ rot(b, 4)) >>> 0; b = (b + a) >>> 0;
  s[0] = a; s[1] = b; s[2] = c;
}

function final(s: State): void {
  let [a, b, c] = s;
  c = (c ^ b) >>> 0; c = (c - rot(b, 14)) >>> 0;
  a = (a ^ c) >>> 0; a = (a - rot(c, 11)) >>> 0;
  b = (b ^ a) >>> 0; b = (b - rot(a, 25)) >>> 0;
  c = (c ^ b) >>> 0; c = (c - rot(b, 16)) >>> 0;
  a = (a ^ c) >>> 0; a = (a - rot(c, 4)) >>> 0;
  b = (b ^ a) >>> 0; b = (b - rot(a, 14)) >>> 0;
  c = (c ^ b) >>> 0; c = (c - rot(b, 24)) >>> 0;
  s[0] = a; s[1] = b; s[2] = c;
}

function init(len: number, seed: bigint): State {
  const v = (0x9e3779b9 + len + 3923095) >>> 0;
  const s: State = [v, v, v];
  if (seed !== 0n) {
    s[0] = (s[0] + Number((seed >> 32n) & 0xffffffffn)) >>> 0;
    s[1] = (s[1] + Number(seed & 0xffffffffn)) >>> 0;
    mix(s);
  }
  return s;
}

function hashInto(k: Uint8Array, seed: bigint): State {
  let len = k.length;
  const s = init(len, seed);
  let i = 0;
  const word = (j: number) => (k[j] | (k[j + 1] << 8) | (k[j + 2] << 16) | (k[j + 3] << 24)) >>> 0;
  while (len >= 12) {
    s[0] = (s[0] + word(i)) >>> 0;
    s[1] = (s[1] + word(i + 4)) >>> 0;
    s[2] = (s[2] + word(i + 8)) >>> 0;
    mix(s);
    i += 12;
    len -= 12;
  }
  // The last 11 bytes, little-endian (the lowest byte of c is reserved for the length).
  let [a, b, c] = s;
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
  s[0] = a; s[1] = b; s[2] = c;
  final(s);
  return s;
}

/** hash_any / hash_bytes: the unsigned 32-bit hash of `k`. */
export function hashBytes(k: Uint8Array): number {
  return hashInto(k, 0n)[2];
}

/** hash_any_extended / hash_bytes_extended: the unsigned 64-bit hash of `k` under `seed`. */
export function hashBytesExtended(k: Uint8Array, seed: bigint): bigint {
  const s = hashInto(k, BigInt.asUintN(64, seed));
  return (BigInt(s[1]) << 32n) | BigInt(s[2]);
}

/** hash_uint32 / hash_bytes_uint32: the hash of one 32-bit word (signed input is reinterpreted). */
export function hashUint32(k: number): number {
  const s = init(4, 0n);
  s[0] = (s[0] + (k >>> 0)) >>> 0;
  final(s);
  return s[2];
}

/** hash_uint32_extended / hash_bytes_uint32_extended. */
export function hashUint32Extended(k: number, seed: bigint): bigint {
  const s = init(4, BigInt.asUintN(64, seed));
  s[0] = (s[0] + (k >>> 0)) >>> 0;
  final(s);
  return (BigInt(s[1]) << 32n) | BigInt(s[2]);
}

/** hash_combine64. */
export function hashCombine64(a: bigint, b: bigint): bigint {
  return (a ^ ((b + 0x49a0f4dd15e5a8e3n + ((a << 54n) & M64) + (a >> 7n)) & M64)) & M64;
}

/** pg_rotate_left32. */
export function rotateLeft32(x: number, k: number): number {
  return rot(x >>> 0, k);
}

/** ROTATE_HIGH_AND_LOW_32BITS: rotates both 32-bit halves of a 64-bit hash left by one. */
export function rotateHighAndLow32(v: bigint): bigint {
  return ((v << 1n) & 0xfffffffefffffffen) | ((v >> 31n) & 0x100000001n);
}
