/**
 * The anonymous `record` type (OID 2249) and `record[]`: values carry their field types
 * (PgRecord.types, set by whoever built the row), so output, comparison and hashing dispatch per
 * field at run time, as Postgres does through a blessed tuple descriptor. Input of an anonymous
 * record is refused (0A000), as in Postgres.
 *
 * Postgres counterpart: record_out / record_cmp / record_eq / hash_record in
 * src/backend/utils/adt/rowtypes.c.
 */
import type { Catalog } from '../catalog/catalog.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { makeArrayIO } from './array.js';
import { OID } from './oids.js';
import { formatRecordText } from './record.js';
import { formatType, typeInfo } from './registry.js';
import type { IoContext, TypeIO } from './type-io.js';
import { PgRecord, type Value } from './values.js';

/** Output of one field value whose type may be unknown (then its JS string form). */
export function fieldText(cat: Catalog, type: number | undefined, v: Value, ctx: IoContext): string {
  if (v instanceof PgRecord && (type === undefined || type === OID.record)) return anonymousRecordOutput(cat, v, ctx);
  if (type === undefined || type === OID.unknown) return String(v);
  return typeInfo(cat, type).io.output(v, ctx);
}

/** record_out for a value whatever its declared type: `(1,"a b",)`. */
export function anonymousRecordOutput(cat: Catalog, r: PgRecord, ctx: IoContext): string {
  return formatRecordText(r.fields, (i, v) => fieldText(cat, r.types?.[i], v, ctx));
}

function fieldCompare(cat: Catalog, type: number | undefined, x: Value, y: Value): number {
  if (type === undefined || type === OID.unknown || type === OID.record) {
    if (x instanceof PgRecord && y instanceof PgRecord) return compareAnonymousRecords(cat, x, y);
    const sx = String(x);
    const sy = String(y);
    return sx < sy ? -1 : sx > sy ? 1 : 0;
  }
  return typeInfo(cat, type).io.compare(x, y);
}

/** record_cmp: field by field, NULL after any value; dissimilar field types are an error. */
export function compareAnonymousRecords(cat: Catalog, a: PgRecord, b: PgRecord): number {
  return compareTypedRecords(cat, a, a.types, b, b.types);
}

/**
 * record_cmp with each side's field types given (a composite's attribute types, or the types a
 * record value carries).
 */
export function compareTypedRecords(
  cat: Catalog,
  a: PgRecord,
  typesA: readonly number[] | undefined,
  b: PgRecord,
  typesB: readonly number[] | undefined,
): number {
  const n = Math.max(a.fields.length, b.fields.length);
  for (let i = 0; i < n; i++) {
    if (i >= a.fields.length || i >= b.fields.length) {
      throw new PgError(SQLSTATE.datatype_mismatch, 'cannot compare record types with different numbers of columns');
    }
    const ta = typesA?.[i];
    const tb = typesB?.[i];
    if (ta !== undefined && tb !== undefined && ta !== tb) {
      throw new PgError(SQLSTATE.datatype_mismatch, `cannot compare dissimilar column types ${formatType(cat, ta)} and ${formatType(cat, tb)} at record column ${i + 1}`);
    }
    const x = a.fields[i];
    const y = b.fields[i];
    if (x === null) {
      if (y === null) continue;
      return 1;
    }
    if (y === null) return -1;
    const c = fieldCompare(cat, ta ?? tb, x, y);
    if (c !== 0) return c;
  }
  return 0;
}

/** The field types of a value of `type`: a composite's attribute types, else what the value carries. */
function fieldTypesFor(cat: Catalog, type: number): readonly number[] | undefined {
  if (type === OID.record) return undefined;
  const info = typeInfo(cat, type);
  if (info.typtype !== 'c' || info.relation === undefined) return undefined;
  return cat.relation(info.relation).columns.filter((c) => !c.dropped).map((c) => c.type);
}

/** A comparator for `left op right` where either side is a record or a composite type. */
export function recordComparator(cat: Catalog, left: number, right: number): (a: Value, b: Value) => number {
  const tl = fieldTypesFor(cat, left);
  const tr = fieldTypesFor(cat, right);
  return (a, b) => compareTypedRecords(cat, a as PgRecord, tl ?? (a as PgRecord).types, b as PgRecord, tr ?? (b as PgRecord).types);
}

function hashText(cat: Catalog, r: PgRecord): string {
  let s = '';
  for (let i = 0; i < r.fields.length; i++) {
    const v = r.fields[i];
    if (v === null) s += 'N,';
    else {
      const t = r.types?.[i];
      const k = v instanceof PgRecord ? '(' + hashText(cat, v) + ')' : t === undefined || t === OID.unknown || t === OID.record ? String(v) : typeInfo(cat, t).io.hashKey(v);
      s += (typeof k === 'string' ? JSON.stringify(k) : String(k)) + ',';
    }
  }
  return s;
}

/** The TypeIO of `record` in one catalog version. */
export function anonymousRecordIO(cat: Catalog): TypeIO<PgRecord> {
  return {
    input(): PgRecord {
      throw new PgError(SQLSTATE.feature_not_supported, 'input of anonymous composite types is not implemented');
    },
    output: (v, ctx) => anonymousRecordOutput(cat, v, ctx),
    compare: (a, b) => compareAnonymousRecords(cat, a, b),
    hashKey: (v) => hashText(cat, v),
  };
}

/** The TypeIO of `record[]` in one catalog version. */
export function anonymousRecordArrayIO(cat: Catalog): TypeIO {
  return makeArrayIO(anonymousRecordIO(cat) as TypeIO, 'record') as TypeIO;
}
