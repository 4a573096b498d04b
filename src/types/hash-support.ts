/**
 * Each type's hash support functions, bit-exact with Postgres: the standard 32-bit one (hash
 * opclass support 1: hashint4, hashtext, hash_numeric, ...) and the seeded 64-bit one (support 2:
 * hashint4extended, ...). Hash partitioning routes rows with the extended ones under a fixed seed,
 * and the SQL functions of functions/builtins/hash-functions.ts expose both.
 *
 * Postgres counterpart: the hash functions of src/backend/utils/adt (int.c / int8.c hashint*,
 * float.c hashfloat*, varlena.c hashtext, hashfunc.c hashchar / hashname / hashoidvector,
 * numeric.c hash_numeric, date.c / timestamp.c time/timetz/interval hashes, uuid.c, mac.c,
 * mac8.c, network.c hashinet, jsonb_op.c jsonb_hash, arrayfuncs.c hash_array, rowtypes.c
 * hash_record, rangetypes.c hash_range, multirangetypes.c hash_multirange, enum.c hashenum).
 * Known gaps: text under a nondeterministic collation hashes its bytes (Postgres hashes the ICU
 * sort key); citext and hstore have no hash here (42883).
 */
import type { Catalog } from '../catalog/catalog.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { hashBytes, hashBytesExtended, hashUint32, hashUint32Extended, rotateHighAndLow32, rotateLeft32 } from './hashfn.js';
import { macToBytes } from './mac.js';
import { JsonbNull, JsonbObject, type JsonbValue } from './jsonb/value.js';
import { NumericKind, type Numeric } from './numeric/numeric-value.js';
import { OID } from './oids.js';
import { rangeTypeDef } from './range.js';
import { multirangeTypeDef } from './multirange.js';
import { baseTypeOf, typeInfo } from './registry.js';
import { charByte } from './text.js';
import { uuidToBytes } from './uuid.js';
import type { Interval, PgArray, PgInet, PgMultirange, PgRange, PgRecord, TimeTz, Value } from './values.js';

/** A type's two hash functions (non-null inputs). */
export interface HashSupport {
  /** The standard hash, as an unsigned 32-bit number. */
  readonly std: (v: Value) => number;
  /** The extended hash under `seed`, as an unsigned 64-bit bigint. */
  readonly ext: (v: Value, seed: bigint) => bigint;
}

const U64 = (v: bigint): bigint => BigInt.asUintN(64, v);
const encoder = new TextEncoder();

const uint32Hash: HashSupport = {
  std: (v) => hashUint32(v as number),
  ext: (v, seed) => hashUint32Extended(v as number, seed),
};

/** hashint8's folding of 64 bits into the 32 that get hashed. */
function foldInt8(v: bigint): number {
  const lo = Number(BigInt.asUintN(32, v));
  const hi = Number(BigInt.asUintN(32, v >> 32n));
  return v >= 0n ? (lo ^ hi) >>> 0 : (lo ^ ~hi) >>> 0;
}
const int8Std = (v: bigint): number => hashUint32(foldInt8(v));
const int8Ext = (v: bigint, seed: bigint): bigint => hashUint32Extended(foldInt8(v), seed);
/** hashint8 reads an int64: unsigned 64-bit types (xid8, pg_lsn) above 2^63 hash as negatives. */
const asInt8 = (v: Value): bigint => BigInt.asIntN(64, v as bigint);
const int8Hash: HashSupport = { std: (v) => int8Std(asInt8(v)), ext: (v, seed) => int8Ext(asInt8(v), seed) };

function bytesHash(toBytes: (v: Value) => Uint8Array): HashSupport {
  return { std: (v) => hashBytes(toBytes(v)), ext: (v, seed) => hashBytesExtended(toBytes(v), seed) };
}
const textHash = bytesHash((v) => encoder.encode(v as string));

/** hashfloat8's key: 0 and -0 alike (hash 0 / the seed), every NaN as the canonical one. */
function floatBytes(v: number): Uint8Array {
  const b = new Uint8Array(8);
  const dv = new DataView(b.buffer);
  if (Number.isNaN(v)) dv.setBigUint64(0, 0x7ff8000000000000n, true);
  else dv.setFloat64(0, v, true);
  return b;
}
const floatHash: HashSupport = {
  std: (v) => ((v as number) === 0 ? 0 : hashBytes(floatBytes(v as number))),
  ext: (v, seed) => ((v as number) === 0 ? U64(seed) : hashBytesExtended(floatBytes(v as number), seed)),
};

/** hashchar: a signed char widened to int32. */
const charHash: HashSupport = {
  std: (v) => hashUint32(((charByte(v as string) << 24) >> 24) >>> 0),
  ext: (v, seed) => hashUint32Extended(((charByte(v as string) << 24) >> 24) >>> 0, seed),
};
const boolHash: HashSupport = {
  std: (v) => hashUint32(v ? 1 : 0),
  ext: (v, seed) => hashUint32Extended(v ? 1 : 0, seed),
};

/** date: int4 days, infinities as DATEVAL_NOBEGIN / DATEVAL_NOEND. */
const dateWord = (v: number): number => (v === Infinity ? 0x7fffffff : v === -Infinity ? 0x80000000 : v >>> 0);
const dateHash: HashSupport = {
  std: (v) => hashUint32(dateWord(v as number)),
  ext: (v, seed) => hashUint32Extended(dateWord(v as number), seed),
};

const timeHash: HashSupport = {
  std: (v) => int8Std(BigInt(v as number)),
  ext: (v, seed) => int8Ext(BigInt(v as number), seed),
};

/** timetz_hash: the time's int8 hash XOR the zone's (seconds west of UTC) uint32 hash. */
const timetzHash: HashSupport = {
  std: (v) => (int8Std(BigInt((v as TimeTz).time)) ^ hashUint32(-(v as TimeTz).offset | 0)) >>> 0,
  ext: (v, seed) => int8Ext(BigInt((v as TimeTz).time), seed) ^ hashUint32Extended(-(v as TimeTz).offset | 0, seed),
};

/** interval_hash: hashint8 of the low 64 bits of interval_cmp_value (30-day months). */
const intervalSpan = (v: Interval): bigint =>
  BigInt.asIntN(64, v.micros + (BigInt(v.months) * 30n + BigInt(v.days)) * 86_400_000_000n);
const intervalHash: HashSupport = {
  std: (v) => int8Std(intervalSpan(v as Interval)),
  ext: (v, seed) => int8Ext(intervalSpan(v as Interval), seed),
};

/**
 * hash_numeric: lookup3 over the base-10000 digits (int16, leading and trailing zero digits
 * dropped) XOR the weight; 0 hashes to -1 (seed - 1), NaN and infinities to 0 (the seed).
 */
function numericDigits(x: Numeric): { digits: Uint8Array; weight: number } | undefined {
  let coef = x.coef < 0n ? -x.coef : x.coef;
  if (coef === 0n) return undefined;
  let scale = x.scale;
  const pad = (4 - (scale % 4)) % 4;
  coef *= 10n ** BigInt(pad);
  scale += pad;
  const groups: number[] = [];
  while (coef > 0n) {
    groups.unshift(Number(coef % 10000n));
    coef /= 10000n;
  }
  // groups[0] is the most significant; there are scale/4 fractional groups.
  let weight = groups.length - scale / 4 - 1;
  let start = 0;
  while (groups[start] === 0) {
    start++;
    weight--;
  }
  let end = groups.length;
  while (groups[end - 1] === 0) end--;
  const digits = new Uint8Array((end - start) * 2);
  for (let i = start; i < end; i++) {
    digits[(i - start) * 2] = groups[i] & 0xff;
    digits[(i - start) * 2 + 1] = groups[i] >> 8;
  }
  return { digits, weight };
}
const numericHash: HashSupport = {
  std: (v) => {
    const x = v as Numeric;
    if (x.kind !== NumericKind.finite) return 0;
    const d = numericDigits(x);
    if (!d) return 0xffffffff;
    return (hashBytes(d.digits) ^ d.weight) >>> 0;
  },
  ext: (v, seed) => {
    const x = v as Numeric;
    if (x.kind !== NumericKind.finite) return U64(seed);
    const d = numericDigits(x);
    if (!d) return U64(seed - 1n);
    return U64(hashBytesExtended(d.digits, seed) ^ BigInt(d.weight));
  },
};

const inetBytes = (v: Value): Uint8Array => {
  const x = v as PgInet;
  const out = new Uint8Array(2 + x.bytes.length);
  out[0] = x.family === 4 ? 2 : 3;
  out[1] = x.bits;
  out.set(x.bytes, 2);
  return out;
};

const JB_FARRAY = 0x40000000;
const JB_FOBJECT = 0x20000000;

/** jsonb_hash: rotate-and-XOR over the scalars in iteration order; containers XOR a flag. */
function jsonbStd(root: JsonbValue): number {
  if ((Array.isArray(root) && root.length === 0) || (root instanceof JsonbObject && root.keys.length === 0)) return 0;
  let h = 0;
  const scalar = (s: JsonbValue): void => {
    let t: number;
    if (s instanceof JsonbNull) t = 1;
    else if (typeof s === 'boolean') t = s ? 2 : 4;
    else if (typeof s === 'string') t = hashBytes(encoder.encode(s));
    else t = numericHash.std(s as Numeric);
    h = (rotateLeft32(h, 1) ^ t) >>> 0;
  };
  const walk = (v: JsonbValue): void => {
    if (Array.isArray(v)) {
      h = (h ^ JB_FARRAY) >>> 0;
      for (const e of v as readonly JsonbValue[]) walk(e);
    } else if (v instanceof JsonbObject) {
      h = (h ^ JB_FOBJECT) >>> 0;
      for (let i = 0; i < v.keys.length; i++) {
        scalar(v.keys[i]);
        walk(v.values[i]);
      }
    } else scalar(v);
  };
  // A top-level scalar is stored as a one-element raw-scalar array.
  if (!Array.isArray(root) && !(root instanceof JsonbObject)) h = JB_FARRAY;
  walk(root);
  return h;
}
function jsonbExt(root: JsonbValue, seed: bigint): bigint {
  if ((Array.isArray(root) && root.length === 0) || (root instanceof JsonbObject && root.keys.length === 0)) return U64(seed);
  let h = 0n;
  const farray = (BigInt(JB_FARRAY) << 32n) | BigInt(JB_FARRAY);
  const fobject = (BigInt(JB_FOBJECT) << 32n) | BigInt(JB_FOBJECT);
  const scalar = (s: JsonbValue): void => {
    let t: bigint;
    if (s instanceof JsonbNull) t = U64(seed + 1n);
    else if (typeof s === 'boolean') t = seed !== 0n ? hashUint32Extended(s ? 1 : 0, seed) : s ? 2n : 4n;
    else if (typeof s === 'string') t = hashBytesExtended(encoder.encode(s), seed);
    else t = numericHash.ext(s as Numeric, seed);
    h = rotateHighAndLow32(h) ^ t;
  };
  const walk = (v: JsonbValue): void => {
    if (Array.isArray(v)) {
      h ^= farray;
      for (const e of v as readonly JsonbValue[]) walk(e);
    } else if (v instanceof JsonbObject) {
      h ^= fobject;
      for (let i = 0; i < v.keys.length; i++) {
        scalar(v.keys[i]);
        walk(v.values[i]);
      }
    } else scalar(v);
  };
  if (!Array.isArray(root) && !(root instanceof JsonbObject)) h = farray;
  walk(root);
  return h;
}

/** hashoidvector: lookup3 over the oids' machine bytes. */
function oidVectorBytes(v: Value): Uint8Array {
  const items = (v as PgArray).items;
  const out = new Uint8Array(items.length * 4);
  const dv = new DataView(out.buffer);
  items.forEach((x, i) => dv.setUint32(i * 4, (x as number) >>> 0, true));
  return out;
}

/** hashtid: ItemPointerData's six bytes (block as two uint16 halves, high first; offset). */
function tidBytes(v: Value): Uint8Array {
  const n = v as number;
  const block = Math.floor(n / 65536);
  const out = new Uint8Array(6);
  const dv = new DataView(out.buffer);
  dv.setUint16(0, block >>> 16, true);
  dv.setUint16(2, block & 0xffff, true);
  dv.setUint16(4, n % 65536, true);
  return out;
}

function noHash(cat: Catalog, type: number, extended: boolean): PgError {
  return new PgError(
    SQLSTATE.undefined_function,
    `could not identify ${extended ? 'an extended hash function' : 'a hash function'} for type ${formatName(cat, type)}`,
  );
}

function formatName(cat: Catalog, type: number): string {
  const info = typeInfo(cat, type);
  return info.category === 'A' && info.elem !== undefined ? `${formatName(cat, info.elem)}[]` : (SQL_NAMES[info.oid] ?? info.name);
}
const SQL_NAMES: Record<number, string> = { [OID.varbit]: 'bit varying', [OID.bit]: 'bit', [OID.int4]: 'integer' };

/** Element/field hashers resolved lazily, so that an unhashable one fails only when used. */
function lazy(cat: Catalog, type: number): () => HashSupport | undefined {
  let h: HashSupport | undefined | null = null;
  return () => (h === null ? (h = hashSupport(cat, type)) : h);
}

/** hash_range's flags byte (RANGE_EMPTY, RANGE_LB_INC, RANGE_UB_INC, RANGE_LB_INF, RANGE_UB_INF). */
function rangeFlags(r: PgRange): number {
  if (r.empty) return 0x01;
  let f = 0;
  if (r.lowerInc) f |= 0x02;
  if (r.upperInc) f |= 0x04;
  if (r.lower === null) f |= 0x08;
  if (r.upper === null) f |= 0x10;
  return f;
}
function rangeStd(sub: HashSupport, r: PgRange): number {
  const lo = !r.empty && r.lower !== null ? sub.std(r.lower) : 0;
  const up = !r.empty && r.upper !== null ? sub.std(r.upper) : 0;
  return (rotateLeft32(hashUint32(rangeFlags(r)) ^ lo, 1) ^ up) >>> 0;
}
function rangeExt(sub: HashSupport, r: PgRange, seed: bigint): bigint {
  const lo = !r.empty && r.lower !== null ? sub.ext(r.lower, seed) : 0n;
  const up = !r.empty && r.upper !== null ? sub.ext(r.upper, seed) : 0n;
  return rotateHighAndLow32(hashUint32Extended(rangeFlags(r), seed) ^ lo) ^ up;
}

/**
 * The hash functions of `type` (domains resolved), or undefined when the type has no hash
 * opclass (varbit, point, ...).
 *
 * @example hashSupport(cat, OID.int4)!.std(1) // hashint4(1)
 */
export function hashSupport(cat: Catalog, type: number): HashSupport | undefined {
  const base = baseTypeOf(cat, type);
  switch (base) {
    case OID.int2:
    case OID.int4:
    case OID.oid:
    case OID.xid:
    case OID.cid:
    case OID.regclass:
    case OID.regtype:
    case OID.regproc:
    case OID.regprocedure:
    case OID.regoper:
    case OID.regoperator:
    case OID.regnamespace:
    case OID.regrole:
    case OID.regconfig:
    case OID.regdictionary:
      return uint32Hash;
    case OID.int8:
    case OID.timestamp:
    case OID.timestamptz:
    case OID.pg_lsn:
    case OID.xid8:
      return int8Hash;
    case OID.money:
      return undefined; // money has no hash operator class
    case OID.bool:
      return boolHash;
    case OID.char:
      return charHash;
    case OID.float4:
    case OID.float8:
      return floatHash;
    case OID.numeric:
      return numericHash;
    case OID.text:
    case OID.varchar:
    case OID.name:
      return textHash;
    case OID.bpchar:
      return bytesHash((v) => encoder.encode((v as string).replace(/ +$/, '')));
    case OID.bytea:
      return bytesHash((v) => v as Uint8Array);
    case OID.uuid:
      return bytesHash((v) => uuidToBytes(v as string));
    case OID.macaddr:
    case OID.macaddr8:
      return bytesHash((v) => Uint8Array.from(macToBytes(v as string)));
    case OID.inet:
    case OID.cidr:
      return bytesHash(inetBytes);
    case OID.date:
      return dateHash;
    case OID.time:
      return timeHash;
    case OID.timetz:
      return timetzHash;
    case OID.interval:
      return intervalHash;
    case OID.jsonb:
      return { std: (v) => jsonbStd(v as JsonbValue), ext: (v, seed) => jsonbExt(v as JsonbValue, seed) };
    case OID.int2vector:
      return arrayHash(cat, OID.int2); // no hash class of its own: array_ops (hash_array)
    case OID.oidvector:
      return bytesHash(oidVectorBytes);
    case OID.tid:
      return bytesHash(tidBytes);
  }
  const info = typeInfo(cat, base);
  if (info.typtype === 'e') {
    const labels = cat.types.get(base)?.enumInfo?.labels ?? [];
    const oidOf = (v: Value): number => labels.find((l) => l.label === v)?.oid ?? 0;
    return { std: (v) => hashUint32(oidOf(v)), ext: (v, seed) => hashUint32Extended(oidOf(v), seed) };
  }
  if (info.category === 'A' && info.elem !== undefined) return arrayHash(cat, info.elem);
  const rdef = rangeTypeDef(base);
  if (rdef) {
    const sub = hashSupport(cat, rdef.subtype) as HashSupport;
    return { std: (v) => rangeStd(sub, v as PgRange), ext: (v, seed) => rangeExt(sub, v as PgRange, seed) };
  }
  const mdef = multirangeTypeDef(base);
  if (mdef) {
    const sub = hashSupport(cat, mdef.range.subtype) as HashSupport;
    return {
      std: (v) => {
        let h = 1;
        for (const r of (v as PgMultirange).ranges) h = (Math.imul(h, 31) + rangeStd(sub, r)) >>> 0;
        return h;
      },
      ext: (v, seed) => {
        let h = 1n;
        for (const r of (v as PgMultirange).ranges) h = U64(h * 31n + rangeExt(sub, r, seed));
        return h;
      },
    };
  }
  if (base === OID.record || info.typtype === 'c') return recordHash(cat, base);
  return undefined;
}

/** hash_array: h = h * 31 + element hash, from 1; NULL elements count as 0. */
function arrayHash(cat: Catalog, elem: number): HashSupport {
  const el = lazy(cat, elem);
  const get = (extended: boolean): HashSupport => {
    const h = el();
    if (!h) throw noHash(cat, elem, extended);
    return h;
  };
  return {
    std: (v) => {
      const h = get(false);
      let r = 1;
      for (const x of (v as PgArray).items) r = (Math.imul(r, 31) + (x === null ? 0 : h.std(x))) >>> 0;
      return r;
    },
    ext: (v, seed) => {
      const h = get(true);
      let r = 1n;
      for (const x of (v as PgArray).items) r = U64(r * 31n + (x === null ? 0n : h.ext(x, seed)));
      return r;
    },
  };
}

/** hash_record: h = h * 31 + field hash, from 0; NULL fields count as 0. */
function recordHash(cat: Catalog, type: number): HashSupport {
  const fieldTypes = (v: PgRecord): readonly number[] => {
    if (v.types) return v.types;
    const rel = typeInfo(cat, type).relation;
    const r = rel !== undefined ? cat.relations.get(rel) : undefined;
    return r ? r.columns.filter((c) => !c.dropped).map((c) => c.type) : [];
  };
  const fieldHash = (t: number, extended: boolean): HashSupport => {
    const h = hashSupport(cat, t);
    if (!h) throw noHash(cat, t, extended);
    return h;
  };
  return {
    std: (v) => {
      const rec = v as PgRecord;
      const types = fieldTypes(rec);
      let r = 0;
      rec.fields.forEach((x, i) => {
        r = (Math.imul(r, 31) + (x === null ? 0 : fieldHash(types[i], false).std(x))) >>> 0;
      });
      return r;
    },
    ext: (v, seed) => {
      const rec = v as PgRecord;
      const types = fieldTypes(rec);
      let r = 0n;
      rec.fields.forEach((x, i) => {
        r = U64(r * 31n + (x === null ? 0n : fieldHash(types[i], true).ext(x, seed)));
      });
      return r;
    },
  };
}
