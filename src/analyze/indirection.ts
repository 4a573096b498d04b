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
import { expandFields, selectField } from './record-fields.js';

type AnyNode = Record<string, any>;

export function transformIndirection(pstate: ParseState, n: AnyNode): Expr {
  if (n.searchDepth) {
    // The depth of a SEARCH BREADTH FIRST sequence record (search-cycle.ts builds this node; SQL cannot).
    const arg = transformExpr(pstate, n.arg);
    return { kind: 'FieldSelect', arg, fieldIndex: 0, type: OID.int8, typmod: -1 };
  }
  return applyIndirection(pstate, n, transformExpr(pstate, n.arg), n.indirection as AnyNode[]);
}

/**
 * `(expr).*` (the indirection ends in a star): the expansion, one entry per field; undefined when
 * `n` is not such an indirection.
 */
export function expandIndirectionStar(pstate: ParseState, n: AnyNode): { expr: Expr; name: string }[] | undefined {
  const [k, body] = nodeKind(n);
  if (k !== 'A_Indirection') return undefined;
  const ind = body.indirection as AnyNode[];
  if (!ind.length || !nodeKind(ind[ind.length - 1])[0].startsWith('A_Star')) return undefined;
  const base = applyIndirection(pstate, body, transformExpr(pstate, body.arg), ind.slice(0, -1));
  return expandFields(pstate, base, base.location);
}

function applyIndirection(pstate: ParseState, n: AnyNode, e0: Expr, ind: AnyNode[]): Expr {
  let e = e0;
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
      e = selectField(pstate, e, b.sval as string, n.arg?.ColumnRef?.location ?? e.location);
    } else if (k === 'A_Star') {
      throw new PgError(SQLSTATE.feature_not_supported, 'row expansion via "*" is not supported here', { position: pstate.position(e.location) });
    } else {
      throw featureNotSupported('this indirection', e.location);
    }
  }
  flush();
  return e;
}
