/**
 * Range and multirange types by OID for a catalog version: the six built-in pairs (range.ts,
 * multirange.ts) and user ones (CREATE TYPE ... AS RANGE), whose definitions come from the
 * catalog's pg_range data: the subtype's I/O, compared under the range's collation.
 *
 * Postgres counterpart: the range type cache (src/backend/utils/cache/typcache.c,
 * lookup_type_cache with TYPECACHE_RANGE_INFO) and pg_range.
 * Known gaps: a user range over text under a nondeterministic collation hashes its bounds by their
 * bytes (equal ranges under the collation may fall in different hash groups).
 */
import type { Catalog } from '../catalog/catalog.js';
import { compareText } from './collation.js';
import { trimTrailingSpaces } from './text.js';
import { multirangeOfRange, multirangeTypeDef, type MultirangeTypeDef } from './multirange.js';
import { FIRST_NORMAL_OID, OID } from './oids.js';
import { rangeTypeDef, type RangeTypeDef } from './range.js';
import { typeInfo } from './registry.js';
import type { TypeIO } from './type-io.js';
import type { Value } from './values.js';

const rangeCache = new WeakMap<Catalog, Map<number, RangeTypeDef | null>>();
const multiCache = new WeakMap<Catalog, Map<number, MultirangeTypeDef | null>>();

/** The subtype's I/O with its comparison under the range's `collation` (collatable subtypes). */
function collatedIO(cat: Catalog, subtype: number, collation: string | undefined): TypeIO<Value> {
  const info = typeInfo(cat, subtype);
  if (collation === undefined || collation === 'default') return info.io;
  // bpchar: trailing spaces do not count (bpcharcmp).
  const compare = info.oid === OID.bpchar
    ? (a: Value, b: Value) => compareText(trimTrailingSpaces(a as string), trimTrailingSpaces(b as string), collation)
    : (a: Value, b: Value) => compareText(a as string, b as string, collation);
  return { ...info.io, compare };
}

/** The range type `oid` (built-in or user), or undefined when it is not a range type. */
export function rangeDefIn(cat: Catalog, oid: number): RangeTypeDef | undefined {
  const builtin = rangeTypeDef(oid);
  if (builtin !== undefined || oid < FIRST_NORMAL_OID) return builtin;
  let cache = rangeCache.get(cat);
  if (!cache) rangeCache.set(cat, (cache = new Map()));
  let d = cache.get(oid);
  if (d === undefined) {
    const t = cat.types.get(oid);
    const r = t?.kind === 'r' ? t.range : undefined;
    d = r === undefined ? null : { oid, name: t!.name, subtype: r.subtype, elem: collatedIO(cat, r.subtype, r.collation) as TypeIO<never> };
    cache.set(oid, d);
  }
  return d ?? undefined;
}

/** The multirange type `oid` (built-in or user), or undefined. */
export function multirangeDefIn(cat: Catalog, oid: number): MultirangeTypeDef | undefined {
  const builtin = multirangeTypeDef(oid);
  if (builtin !== undefined || oid < FIRST_NORMAL_OID) return builtin;
  let cache = multiCache.get(cat);
  if (!cache) multiCache.set(cat, (cache = new Map()));
  let d = cache.get(oid);
  if (d === undefined) {
    const t = cat.types.get(oid);
    const range = t?.kind === 'm' && t.multirangeOf !== undefined ? rangeDefIn(cat, t.multirangeOf) : undefined;
    d = range === undefined ? null : { oid, name: t!.name, arrayOid: t!.arrayType ?? 0, range };
    cache.set(oid, d);
  }
  return d ?? undefined;
}

/** The multirange type over range type `rangeOid` (pg_range.rngmultitypid), or undefined. */
export function multirangeOfRangeIn(cat: Catalog, rangeOid: number): MultirangeTypeDef | undefined {
  const builtin = multirangeOfRange(rangeOid);
  if (builtin !== undefined || rangeOid < FIRST_NORMAL_OID) return builtin;
  const m = cat.types.get(rangeOid)?.range?.multirange;
  return m === undefined ? undefined : multirangeDefIn(cat, m);
}

/** Whether `oid` is one of the built-in range or multirange types. */
export function isBuiltinRangeOrMultirange(oid: number): boolean {
  return rangeTypeDef(oid) !== undefined || multirangeTypeDef(oid) !== undefined;
}
