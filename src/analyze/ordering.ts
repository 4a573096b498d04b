/**
 * Sort/compare functions for a type: the btree ordering Postgres's default opclass defines, with
 * the collation applied to string types. Postgres counterpart: lookup of the default btree opclass
 * (parse_oper.c get_sort_group_operators) and varstr_cmp for collations.
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { OID } from '../types/oids.js';
import { compareText, compareCitext } from '../types/collation.js';
import { CITEXT_OID } from '../types/citext.js';
import { formatType, typeInfo } from '../types/registry.js';
import type { Value } from '../types/values.js';
import type { Catalog } from '../catalog/catalog.js';
import type { ParseState } from './parse-state.js';
import { domainBase } from './coerce.js';

const UNORDERED = new Set<number>([OID.json, OID.xml, OID.point, OID.jsonpath]);

/** A comparator for values of `type` (nulls are handled by callers). */
export function compareFunctionFor(pstate: ParseState, type: number, collation: string | undefined, location?: number): (a: Value, b: Value) => number {
  return comparatorFor(pstate.catalog, type, collation, () => pstate.position(location));
}

export function comparatorFor(cat: Catalog, type: number, collation: string | undefined, position: () => string | undefined = () => undefined): (a: Value, b: Value) => number {
  const base = domainBase(cat, type);
  if (UNORDERED.has(base)) {
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

/** Equality for hashing/grouping: a key function such that equal values share a key. */
export function hashKeyFor(cat: Catalog, type: number): (v: Value) => unknown {
  const base = domainBase(cat, type);
  const info = typeInfo(cat, base);
  if (UNORDERED.has(base)) {
    throw new PgError(SQLSTATE.undefined_function, `could not identify an equality operator for type ${formatType(cat, type)}`);
  }
  const io = info.io;
  return (v) => (v === null ? null : io.hashKey(v));
}
