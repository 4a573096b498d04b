/**
 * Text output of anonymous records (type `record`): each field through its own type's output,
 * the types coming from the value (PgRecord.types, set by whoever built the row: ROW(...),
 * functions with OUT parameters, PL/pgSQL record variables). Fields without a known type print
 * as their JS string form.
 *
 * Postgres counterpart: record_out (src/backend/utils/adt/rowtypes.c) with a blessed tuple
 * descriptor.
 */
import type { Catalog } from '../catalog/catalog.js';
import { OID } from '../types/oids.js';
import { anonymousRecordOutput } from '../types/anon-record.js';
import { typeInfo } from '../types/registry.js';
import type { IoContext } from '../types/type-io.js';
import { PgRecord, type Value } from '../types/values.js';

/** One value's text output by type; records nest. */
export function valueText(cat: Catalog, type: number | undefined, v: Value, io: IoContext): string {
  if (v instanceof PgRecord && (type === undefined || type === OID.record || typeInfo(cat, type).typtype === 'c')) return anonymousRecordText(cat, v, io);
  if (type === undefined || type === OID.unknown) return String(v);
  return typeInfo(cat, type).io.output(v, io);
}

/** `(1,"a b",)` for a record value, whatever its type. */
export function anonymousRecordText(cat: Catalog, r: PgRecord, io: IoContext): string {
  return anonymousRecordOutput(cat, r, io);
}
