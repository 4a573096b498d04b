/**
 * Index key evaluation: the comparators of an index's columns and a function computing an
 * index key from a table row (plain columns or expressions).
 * Postgres counterpart: src/backend/catalog/index.c (FormIndexDatum).
 */
import type { Catalog } from '../catalog/catalog.js';
import type { RelationDef } from '../catalog/objects.js';
import type { IndexColumnOrder } from '../storage/index-store.js';
import { comparatorFor } from '../analyze/ordering.js';
import { domainBase } from '../analyze/coerce.js';
import { OID } from '../types/oids.js';
import type { Value } from '../types/values.js';
import { compileExpr } from '../executor/expr/compile.js';
import { isPatternOpclass } from './index-opclass.js';
import { GEOMETRIC_TYPES } from './exclusion-geo.js';
import { geoStructuralOrder } from '../types/geo/geo-types.js';
import { typeInfo } from '../types/registry.js';
import type { ExecContext } from '../executor/context.js';

/** Integer types: their values are JS numbers (or bigints) ordered by `<`. */
const PLAIN_ORDER = new Set<number>([OID.int2, OID.int4, OID.int8, OID.oid]);

export function indexColumnOrders(cat: Catalog, idx: RelationDef): IndexColumnOrder[] {
  const info = idx.index!;
  const table = cat.relation(info.relation);
  return info.keys.map((k) => {
    const type = k.attnum ? table.columns[k.attnum - 1].type : k.expr!.expr.type;
    const coll = isPatternOpclass(k.opclass) ? 'C' : (k.collation ?? (k.attnum ? table.columns[k.attnum - 1].collation : k.expr!.expr.collation));
    // A gist/spgist key of a type without a btree order (geometric): stored in the type's structural order.
    const compare = info.method !== 'btree' && info.method !== 'hash' && GEOMETRIC_TYPES.has(domainBase(cat, type)) ? geoStructuralOrder(typeInfo(cat, domainBase(cat, type)).name) : comparatorFor(cat, type, coll);
    return { compare, descending: k.descending, nullsFirst: k.nullsFirst, plain: PLAIN_ORDER.has(domainBase(cat, type)) };
  });
}

const keyFnCache = new WeakMap<RelationDef, (values: readonly Value[], ctx: ExecContext) => Value[]>();

/** A function from a row's values (by attnum - 1) to the index key. */
export function indexKeyFunction(idx: RelationDef): (values: readonly Value[], ctx: ExecContext) => Value[] {
  let f = keyFnCache.get(idx);
  if (f) return f;
  const keys = idx.index!.keys;
  if (keys.every((k) => k.attnum > 0)) {
    const atts = keys.map((k) => k.attnum - 1);
    f = (values) => atts.map((a) => (values[a] === undefined ? null : values[a]));
  } else {
    // Expression keys are analyzed against the table alone (rti 0, offset 0).
    const layout = { depth: 0, offsets: [0] };
    const parts = keys.map((k) => (k.attnum > 0 ? undefined : compileExpr(k.expr!.expr, layout)));
    f = (values, ctx) => keys.map((k, i) => (k.attnum > 0 ? (values[k.attnum - 1] ?? null) : (parts[i]!(values as Value[], ctx))));
  }
  keyFnCache.set(idx, f);
  return f;
}
