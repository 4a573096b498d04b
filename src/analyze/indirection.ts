/**
 * `expr[i]`, `expr[lo:hi]`, `(expr).field`: array subscripts and composite field selection.
 * Postgres counterpart: parse_expr.c transformIndirection, parse_node.c transformContainerSubscripts.
 */
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Expr } from '../nodes/primnodes.js';
import { OID } from '../types/oids.js';
import { formatType, typeInfo } from '../types/registry.js';
import { coerceTo, domainBase } from './coerce.js';
import { transformExpr, nodeKind } from './expr.js';
import type { ParseState } from './parse-state.js';

type AnyNode = Record<string, any>;

export function transformIndirection(pstate: ParseState, n: AnyNode): Expr {
  let e = transformExpr(pstate, n.arg);
  const ind = n.indirection as AnyNode[];
  let subs: { lower?: Expr; upper?: Expr; isSlice: boolean }[] = [];
  const flush = () => {
    if (!subs.length) return;
    const info = typeInfo(pstate.catalog, domainBase(pstate.catalog, e.type));
    if (info.category !== 'A' || info.elem === undefined) {
      throw new PgError(SQLSTATE.datatype_mismatch, `cannot subscript type ${formatType(pstate.catalog, e.type)} because it does not support subscripting`, {
        position: pstate.position(e.location),
      });
    }
    const isSlice = subs.some((s) => s.isSlice);
    e = { kind: 'SubscriptExpr', arg: e, indexes: subs, type: isSlice ? e.type : info.elem, typmod: isSlice ? e.typmod : -1, location: e.location };
    subs = [];
  };
  for (const i of ind) {
    const [k, b] = nodeKind(i);
    if (k === 'A_Indices') {
      const conv = (x: AnyNode | undefined) => (x ? coerceTo(pstate, pstate.catalog, transformExpr(pstate, x), OID.int4, -1, 'implicit') : undefined);
      subs.push({ lower: b.is_slice ? conv(b.lidx) : undefined, upper: conv(b.uidx), isSlice: !!b.is_slice });
    } else if (k === 'String') {
      flush();
      const field = b.sval as string;
      const info = typeInfo(pstate.catalog, e.type);
      if (info.typtype !== 'c' || info.relation === undefined) {
        if (e.kind === 'RowExpr' && e.fieldNames) {
          const idx = e.fieldNames.indexOf(field);
          if (idx >= 0) {
            e = e.args[idx];
            continue;
          }
        }
        throw new PgError(SQLSTATE.undefined_column, `column "${field}" not found in data type ${formatType(pstate.catalog, e.type)}`, {
          position: pstate.position(n.arg?.ColumnRef?.location ?? e.location),
        });
      }
      const cols = pstate.catalog.relation(info.relation).columns.filter((c) => !c.dropped);
      const idx = cols.findIndex((c) => c.name === field);
      if (idx < 0) {
        throw new PgError(SQLSTATE.undefined_column, `column "${field}" not found in data type ${formatType(pstate.catalog, e.type)}`, {
          position: pstate.position(e.location),
        });
      }
      e = { kind: 'FieldSelect', arg: e, fieldIndex: idx, type: cols[idx].type, typmod: cols[idx].typmod, location: e.location };
    } else {
      throw featureNotSupported('this indirection', e.location);
    }
  }
  flush();
  return e;
}
