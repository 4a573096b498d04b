/**
 * pg_column_size("any"): the bytes Postgres uses for a datum. Fixed-length types take their typlen;
 * varlena values a 4-byte header when computed, and a 1-byte header when read from a table and
 * short (Postgres stores varlenas of at most 126 data bytes with a short header); numeric packs
 * base-10000 digits behind a 2-byte header (4 bytes for large weights or scales); arrays of
 * fixed-length elements without NULLs have the 16 + 8·ndim header. The analyzer
 * (analyze/special-functions.ts) picks the stored variant for plain table columns.
 *
 * Postgres counterpart: pg_column_size in src/backend/utils/adt/dbsize.c (toast_datum_size,
 * datumGetSize), numeric.c (make_result's packing), arrayfuncs.c (construct_md_array).
 * Known gaps: 0A000 where Postgres's answer depends on its storage details: values large enough to
 * be compressed or toasted, jsonb, composite rows, arrays with NULLs or of varlena elements.
 */
import { featureNotSupported } from '../../errors/pg-error.js';
import type { ExprRuntime } from '../../nodes/primnodes.js';
import type { Numeric } from '../../types/numeric.js';
import { numericStoredBytes } from '../../types/numeric/numeric-value.js';
import { OID } from '../../types/oids.js';
import { typeInfo } from '../../types/registry.js';
import { PgArray, type Value } from '../../types/values.js';
import { fn, type FunctionImpl } from '../registry.js';


const VARLENA_SHORT_MAX = 126;
/** Past about this many bytes Postgres may compress or move the value out of line (TOAST_TUPLE_THRESHOLD). */
const TOAST_THRESHOLD = 2000;

function varlenaSize(data: number, stored: boolean): number {
  if (stored && data > TOAST_THRESHOLD) throw featureNotSupported('pg_column_size of a value large enough to be compressed or toasted');
  return stored && data <= VARLENA_SHORT_MAX ? 1 + data : 4 + data;
}

const alignTo = (n: number, a: number): number => Math.ceil(n / a) * a;

/** The size of `v` of type `type`, read from a table (`stored`) or computed. */
export function datumSize(rt: ExprRuntime, type: number, v: Value, stored: boolean): number {
  const info = typeInfo(rt.session.catalog(), type);
  if (info.typlen > 0) return info.typlen;
  if (info.typlen === -2) return Buffer.byteLength(v as string) + 1;
  switch (type) {
    case OID.unknown:
      return Buffer.byteLength(v as string) + 1;
    case OID.text:
    case OID.varchar:
    case OID.bpchar:
    case OID.json:
    case OID.xml:
      return varlenaSize(Buffer.byteLength(v as string), stored);
    case OID.bytea:
      return varlenaSize((v as Uint8Array).length, stored);
    case OID.numeric:
      return varlenaSize(numericStoredBytes(v as Numeric), stored);
    default:
      break;
  }
  if (info.elem !== undefined && v instanceof PgArray) {
    const elem = typeInfo(rt.session.catalog(), info.elem);
    if (elem.typlen > 0 && !v.items.includes(null)) {
      const ndim = v.dims.length;
      const align = elem.typlen >= 8 ? 8 : elem.typlen >= 4 ? 4 : elem.typlen >= 2 ? 2 : 1;
      return varlenaSize(alignTo(16 + 8 * ndim, align) + elem.typlen * v.items.length - 4, stored);
    }
  }
  throw featureNotSupported(`pg_column_size for type ${info.name}`);
}

function columnSize(stored: boolean): FunctionImpl['fn'] {
  return (a, rt, call) => (a[0] === null ? null : datumSize(rt, call.argTypes[0], a[0], stored));
}

/** pg_column_size as called on a value read from a table column (short varlena headers). */
export const pgColumnSizeStored: FunctionImpl = {
  name: 'pg_column_size',
  argTypes: [OID.any],
  returnType: OID.int4,
  strict: true,
  volatility: 's',
  fn: columnSize(true),
};
/** pg_column_size on a computed value. */
export const pgColumnSizeComputed = fn('pg_column_size', [OID.any], OID.int4, columnSize(false), { volatility: 's' });
