/**
 * Sort/compare functions for a type: the btree ordering Postgres's default opclass defines, with
 * the collation applied to string types. Postgres counterpart: lookup of the default btree opclass
 * (parse_oper.c get_sort_group_operators) and varstr_cmp for collations.
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { OID } from '../types/oids.js';
import { collationConflict, collationHashKey, compareText, compareCitext } from '../types/collation.js';
import { trimTrailingSpaces } from '../types/text.js';
import { CITEXT_OID } from '../types/citext.js';
import { formatType, typeInfo } from '../types/registry.js';
import type { Value } from '../types/values.js';
import type { Catalog } from '../catalog/catalog.js';
import type { ParseState } from './parse-state.js';
import { domainBase } from './coerce.js';

/** Types without a btree opclass: json, xml, jsonpath and the geometric types. */
const UNORDERED = new Set<number>([OID.json, OID.xml, OID.jsonpath, OID.point, OID.lseg, OID.path, OID.box, OID.polygon, OID.line, OID.circle]);

/**
 * Whether `base` has no btree ordering / equality: json, xml, the geometric types, and arrays and
 * composite types over them (the record and array opclasses need their parts' operators).
 */
function unordered(cat: Catalog, base: number, depth = 0): boolean {
  if (UNORDERED.has(base)) return true;
  if (depth > 20) return false;
  const info = typeInfo(cat, base);
  if (info.category === 'A' && info.elem !== undefined) return unordered(cat, domainBase(cat, info.elem), depth + 1);
  if (info.typtype === 'c' && info.relation !== undefined) {
    return cat.relation(info.relation).columns.some((c) => !c.dropped && unordered(cat, domainBase(cat, c.type), depth + 1));
  }
  return false;
}

/** A comparator for values of `type` (nulls are handled by callers). */
export function compareFunctionFor(pstate: ParseState, type: number, collation: string | undefined, location?: number): (a: Value, b: Value) => number {
  const conflict = collationConflict(collation);
  if (conflict) {
    // A sort or group key whose implicit collations conflict (parse_collate.c, T_TargetEntry).
    throw new PgError(SQLSTATE.collation_mismatch, `collation mismatch between implicit collations "${conflict.first}" and "${conflict.second}"`, {
      hint: 'You can choose the collation by applying the COLLATE clause to one or both expressions.',
      position: pstate.position(conflict.location),
    });
  }
  return comparatorFor(pstate.catalog, type, collation, () => pstate.position(location));
}

export function comparatorFor(cat: Catalog, type: number, collation: string | undefined, position: () => string | undefined = () => undefined): (a: Value, b: Value) => number {
  const base = domainBase(cat, type);
  if (unordered(cat, base)) {
    throw new PgError(SQLSTATE.undefined_function, `could not identify an ordering operator for type ${formatType(cat, type)}`, {
      hint: 'Use an explicit ordering operator or modify the query.',
      position: position(),
    });
  }
  const info = typeInfo(cat, base);
  if (base === CITEXT_OID) return (a, b) => compareCitext(a as string, b as string, collation);
  if (base === OID.text || base === OID.varchar || (info.category === 'S' && base !== OID.name && base !== OID.bpchar)) {
    const coll = collation ?? 'default';
    return (a, b) => compareText(a as string, b as string, coll);
  }
  if (base === OID.name) return (a, b) => compareText(a as string, b as string, collation ?? 'C');
  const io = info.io;
  if (base === OID.bpchar) {
    const coll = collation ?? 'default';
    return (a, b) => compareText((a as string).replace(/ +$/, ''), (b as string).replace(/ +$/, ''), coll);
  }
  return (a, b) => io.compare(a, b);
}

/**
 * GROUP BY / DISTINCT on a type without an equality operator (json, xml, the geometric types):
 * 42883 at the item, as addTargetToGroupList reports it.
 */
export function checkEqualityOperator(pstate: ParseState, type: number, location: number | undefined): void {
  const base = domainBase(pstate.catalog, type);
  if (!unordered(pstate.catalog, base)) return;
  throw new PgError(SQLSTATE.undefined_function, `could not identify an equality operator for type ${formatType(pstate.catalog, type)}`, {
    position: pstate.position(location),
  });
}

/**
 * Built-in types with equality but no hash operator class (nor one by binary coercion): money,
 * bit strings, text search types and snapshots.
 */
const UNHASHABLE = new Set<number>([OID.money, OID.bit, OID.varbit, OID.tsvector, OID.tsquery, OID.pg_snapshot, OID.txid_snapshot]);

/**
 * Whether the planner finds a hash opclass for `type`: arrays by their element, domains by their
 * base. (Composites count as hashable here; Postgres finds a column without a hash function only
 * when it hashes a row.) Types without equality fail earlier, in hashKeyFor.
 */
export function isHashableType(cat: Catalog, type: number): boolean {
  const base = domainBase(cat, type);
  if (UNHASHABLE.has(base)) return false;
  const info = typeInfo(cat, base);
  if (info.elem !== undefined && info.elem !== 0 && info.typlen === -1) return isHashableType(cat, info.elem);
  return true;
}

/** The hash key of types whose values are their own keys (see hashKeyFor). */
export const identityHashKey = (v: Value): unknown => v;

/**
 * Types whose in-memory values (numbers, bigints, strings, booleans) are equal exactly when
 * their SQL values are, so a value is its own hash key (their TypeIO.hashKey is the identity).
 */
const IDENTITY_KEYED = new Set<number>([OID.int2, OID.int4, OID.int8, OID.oid, OID.text, OID.varchar, OID.name, OID.bool, OID.date, OID.timestamp, OID.timestamptz]);

/**
 * Equality for hashing/grouping: a key function such that equal values share a key. Returns
 * `identityHashKey` itself for the types keyed by their value, which callers may skip. String
 * types under a nondeterministic `collation` get the collation's key (collationHashKey).
 */
export function hashKeyFor(cat: Catalog, type: number, collation?: string): (v: Value) => unknown {
  const base = domainBase(cat, type);
  const info = typeInfo(cat, base);
  if (UNORDERED.has(base)) {
    throw new PgError(SQLSTATE.undefined_function, `could not identify an equality operator for type ${formatType(cat, type)}`);
  }
  // A nondeterministic collation: equal strings by its collator share a key.
  const collKey = collation !== undefined && collation !== 'default' && collation !== 'C' ? collationHashKey(collation) : undefined;
  if (collKey !== undefined && (base === OID.text || base === OID.varchar || base === OID.name || base === OID.bpchar)) {
    if (base === OID.bpchar) return (v) => (v === null ? null : collKey(trimTrailingSpaces(v as string)));
    return (v) => (v === null ? null : collKey(v as string));
  }
  if (IDENTITY_KEYED.has(base)) return identityHashKey;
  const io = info.io;
  return (v) => (v === null ? null : io.hashKey(v));
}
