/**
 * `UPDATE t SET c.f = v`: assignment to one field of a composite column, as a new record built
 * from the old one (all fields NULL when the column is NULL) with the field replaced.
 * Postgres counterpart: FieldStore built by transformAssignmentIndirection (parse_target.c).
 * Known gaps: nested fields (`c.f.g`) and subscripts after a field (0A000).
 */
import type { ColumnDef } from '../catalog/objects.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Expr } from '../nodes/primnodes.js';
import { OID } from '../types/oids.js';
import { formatType } from '../types/registry.js';
import { PgRecord, type Value } from '../types/values.js';
import { canCoerce, coerceTo } from './coerce.js';
import type { ParseState } from './parse-state.js';
import { compositeFields } from './record-fields.js';

type AnyNode = Record<string, any>;

export function fieldStore(ps: ParseState, base: Expr, col: ColumnDef, indirection: AnyNode[], value: Expr, location: number | undefined): Expr {
  const cat = ps.catalog;
  const first = indirection[0];
  if (indirection.length !== 1 || !first.String) throw featureNotSupported('assignment to a subscript or nested field of a column', location);
  const name = first.String.sval as string;
  const fields = compositeFields(cat, col.type);
  if (!fields) {
    throw new PgError(SQLSTATE.datatype_mismatch, `cannot assign to field "${name}" of column "${col.name}" because its type ${formatType(cat, col.type)} is not a composite type`, { position: ps.position(location) });
  }
  const idx = fields.findIndex((f) => f.name === name);
  if (idx < 0) {
    throw new PgError(SQLSTATE.undefined_column, `cannot assign to field "${name}" of column "${col.name}" because there is no such column in data type ${formatType(cat, col.type)}`, { position: ps.position(location) });
  }
  const f = fields[idx];
  if (value.type !== OID.unknown && value.type !== f.type && !canCoerce(cat, value.type, f.type, 'assignment')) {
    throw new PgError(SQLSTATE.datatype_mismatch, `subfield "${name}" is of type ${formatType(cat, f.type)} but expression is of type ${formatType(cat, value.type)}`, {
      hint: 'You will need to rewrite or cast the expression.',
      position: ps.position(value.location),
    });
  }
  const v = coerceTo(ps, cat, value, f.type, f.typmod, 'assignment', value.location);
  const n = fields.length;
  return {
    kind: 'FuncExpr',
    name: 'fieldstore',
    args: [base, v],
    type: col.type,
    typmod: col.typmod,
    location,
    fn: {
      name: 'fieldstore',
      argTypes: [col.type, f.type],
      returnType: col.type,
      strict: false,
      volatility: 'i',
      fn: (args: Value[]) => {
        const r = args[0] as PgRecord | null;
        const out = r ? [...r.fields] : new Array<Value>(n).fill(null);
        out[idx] = args[1];
        return new PgRecord(out, r?.names, r?.types);
      },
    },
  };
}
