/**
 * Per-type three-way comparison for the function library: what `=`/`<` on a type, min/max,
 * array_position and array containment use. Text-like types honour the call's collation (also
 * inside arrays); everything else uses the type's btree order from its TypeIO.
 *
 * Postgres counterpart: the btree comparison support functions (bttextcmp, btint4cmp, array_cmp,
 * ...) looked up through the type cache (lookup_type_cache with TYPECACHE_CMP_PROC_FINFO).
 * Known gaps: nondeterministic collations.
 */
import type { Catalog } from '../../catalog/catalog.js';
import type { ExprRuntime } from '../../nodes/primnodes.js';
import { compareArrays } from '../../types/array.js';
import { compareCodePoints, compareText } from '../../types/collation.js';
import { OID } from '../../types/oids.js';
import { baseTypeOf, typeInfo } from '../../types/registry.js';
import { trimTrailingSpaces } from '../../types/text.js';
import type { PgArray, Value } from '../../types/values.js';

/** A comparison of two non-null values of one type. */
export type ValueComparator = (a: Value, b: Value) => number;

/**
 * The comparator for values of type `type` (domains resolved) under `collation`.
 *
 * @example valueComparator(cat, OID._text, 'C')(PgArray.of(['a']), PgArray.of(['B'])) > 0
 */
export function valueComparator(cat: Catalog, type: number, collation?: string): ValueComparator {
  const base = baseTypeOf(cat, type);
  switch (base) {
    case OID.text:
    case OID.varchar:
      return (a, b) => compareText(a as string, b as string, collation ?? 'default');
    case OID.name:
      return collation && collation !== 'C'
        ? (a, b) => compareText(a as string, b as string, collation)
        : (a, b) => compareCodePoints(a as string, b as string);
    case OID.bpchar:
      return (a, b) =>
        a === b ? 0 : compareText(trimTrailingSpaces(a as string), trimTrailingSpaces(b as string), collation ?? 'default');
  }
  const info = typeInfo(cat, base);
  if (info.category === 'A' && info.elem !== undefined) {
    const el = valueComparator(cat, info.elem, collation);
    return (a, b) => compareArrays(a as PgArray, b as PgArray, el);
  }
  const io = info.io;
  return (a, b) => io.compare(a, b);
}

const caches: WeakMap<object, ValueComparator>[] = [];

/**
 * The comparator for argument `index` of a call, cached per call site (CallInfo objects live
 * as long as the compiled expression).
 */
export function argComparator(
  rt: ExprRuntime,
  call: { readonly argTypes: readonly number[]; readonly collation?: string },
  index = 0,
): ValueComparator {
  const cache = (caches[index] ??= new WeakMap());
  let c = cache.get(call);
  if (!c) {
    c = valueComparator(rt.session.catalog(), call.argTypes[index], call.collation);
    cache.set(call, c);
  }
  return c;
}

const elemCaches: WeakMap<object, ValueComparator>[] = [];

/** The element comparator of array argument `index` of a call, cached per call site. */
export function elementComparator(
  rt: ExprRuntime,
  call: { readonly argTypes: readonly number[]; readonly collation?: string },
  index = 0,
): ValueComparator {
  const cache = (elemCaches[index] ??= new WeakMap());
  let c = cache.get(call);
  if (!c) {
    const cat = rt.session.catalog();
    c = valueComparator(cat, arrayElementType(cat, call.argTypes[index]), call.collation);
    cache.set(call, c);
  }
  return c;
}

/** The element type of an array type (domains over arrays resolved). */
export function arrayElementType(cat: Catalog, arrayType: number): number {
  return typeInfo(cat, baseTypeOf(cat, arrayType)).elem as number;
}
