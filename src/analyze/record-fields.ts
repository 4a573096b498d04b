/**
 * What the fields of a row-valued expression are, at analysis time: a named composite type's
 * attributes, a ROW(...) constructor's arguments, or an anonymous record traced back to where it
 * was built (a subquery or CTE column, a function with OUT parameters). Used by field selection
 * `(expr).f`, star expansion `(expr).*` and casts of records to composite types.
 *
 * Postgres counterpart: get_expr_result_tupdesc (src/backend/utils/fmgr/funcapi.c) and
 * expandRecordVariable (src/backend/parser/parse_target.c).
 */
import type { Expr, RowExpr } from '../nodes/primnodes.js';
import type { Query } from '../nodes/query.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { OID } from '../types/oids.js';
import { baseTypeOf, formatType, typeInfo } from '../types/registry.js';
import type { Catalog } from '../catalog/catalog.js';
import type { ParseState } from './parse-state.js';

export interface RecordField {
  readonly name: string;
  readonly type: number;
  readonly typmod: number;
  readonly collation?: string;
}

/**
 * The fields of a composite type (or of a domain over one: its base type's), or undefined when
 * `type` is not one.
 */
export function compositeFields(cat: Catalog, type: number): RecordField[] | undefined {
  const info = typeInfo(cat, baseTypeOf(cat, type));
  if (info.typtype !== 'c' || info.relation === undefined) return undefined;
  return cat
    .relation(info.relation)
    .columns.filter((c) => !c.dropped)
    .map((c) => ({ name: c.name, type: c.type, typmod: c.typmod, collation: c.collation }));
}

function rowFields(e: RowExpr): RecordField[] {
  return e.args.map((a, i) => ({ name: e.fieldNames?.[i] ?? `f${i + 1}`, type: a.type, typmod: a.typmod, collation: a.collation }));
}

/** The query `levelsUp` levels above pstate's. */
function queryAt(pstate: ParseState, levelsUp: number): { ps: ParseState; q: Query } | undefined {
  let ps: ParseState | undefined = pstate;
  for (let i = 0; i < levelsUp && ps; i++) ps = ps.parent;
  return ps ? { ps, q: ps.query } : undefined;
}

/** The fields of `e` if they can be known at analysis time. */
export function recordFieldsOf(pstate: ParseState, e: Expr, depth = 0): RecordField[] | undefined {
  const cat = pstate.catalog;
  const comp = compositeFields(cat, e.type);
  if (comp) return comp;
  if (e.type !== OID.record || depth > 20) return undefined;
  switch (e.kind) {
    case 'RowExpr':
      return rowFields(e);
    case 'FuncExpr': {
      const outs = e.fn.outColumns;
      if (outs) return outs.map((c) => ({ name: c.name, type: c.type, typmod: -1, collation: c.type === OID.text ? 'default' : undefined }));
      return undefined;
    }
    case 'CoerceExpr':
      return recordFieldsOf(pstate, e.arg, depth + 1);
    case 'Var': {
      const at = queryAt(pstate, e.levelsUp);
      const rte = at?.q.rtable[e.rti];
      if (!rte) return undefined;
      if (rte.kind === 'subquery') {
        const te = rte.query.targetList.filter((t) => !t.resjunk)[e.attno - 1];
        return te ? recordFieldsOfQueryExpr(rte.query, te.expr, cat) : undefined;
      }
      if (rte.kind === 'join') {
        const ae = rte.aliasExprs[e.attno - 1];
        return ae ? recordFieldsOf(pstate, ae, depth + 1) : undefined;
      }
      if (rte.kind === 'values') {
        const first = rte.rows[0]?.[e.attno - 1];
        return first ? recordFieldsOfQueryExpr(undefined, first, cat) : undefined;
      }
      if (rte.kind === 'cte' && at) {
        let ps: ParseState | undefined = at.ps;
        for (let i = 0; i < rte.levelsUp && ps; i++) ps = ps.parent;
        let def;
        for (let p2 = ps; p2 && !def; p2 = p2.parent) def = p2.ctes.find((c) => c.name === rte.cteName);
        const cq = def?.query;
        const te = (cq?.setOp?.recursive ? cq.setOp.left : cq)?.targetList.filter((t) => !t.resjunk)[e.attno - 1];
        return te ? recordFieldsOfQueryExpr(undefined, te.expr, cat) : undefined;
      }
      if (rte.kind === 'function' && !rte.expandsRecord && rte.call.kind === 'FuncExpr' && e.attno === 1) {
        return recordFieldsOf(pstate, rte.call, depth + 1);
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/** recordFieldsOf for an expression of another query (no ParseState: only structural cases). */
function recordFieldsOfQueryExpr(q: Query | undefined, e: Expr, cat: Catalog, depth = 0): RecordField[] | undefined {
  const comp = compositeFields(cat, e.type);
  if (comp) return comp;
  if (e.type !== OID.record || depth > 20) return undefined;
  if (e.kind === 'RowExpr') return rowFields(e);
  if (e.kind === 'FuncExpr' && e.fn.outColumns) return e.fn.outColumns.map((c) => ({ name: c.name, type: c.type, typmod: -1 }));
  if (e.kind === 'Var' && e.levelsUp === 0 && q) {
    const rte = q.rtable[e.rti];
    if (rte?.kind === 'subquery') {
      const te = rte.query.targetList.filter((t) => !t.resjunk)[e.attno - 1];
      return te ? recordFieldsOfQueryExpr(rte.query, te.expr, cat, depth + 1) : undefined;
    }
  }
  return undefined;
}

/** `(expr).field`: a FieldSelect, or Postgres's 42703 when the field does not exist. */
export function selectField(pstate: ParseState, e: Expr, field: string, location: number | undefined): Expr {
  if (e.kind === 'RowExpr' && e.type === OID.record && e.fieldNames) {
    const idx = e.fieldNames.indexOf(field);
    if (idx >= 0) return e.args[idx];
  }
  const fields = recordFieldsOf(pstate, e);
  if (!fields) {
    if (e.type === OID.record) {
      throw new PgError(SQLSTATE.undefined_column, `could not identify column "${field}" in record data type`, { position: pstate.position(location) });
    }
    throw new PgError(SQLSTATE.wrong_object_type, `column notation .${field} applied to type ${formatType(pstate.catalog, e.type)}, which is not a composite type`, { position: pstate.position(location) });
  }
  const idx = fields.findIndex((f) => f.name === field);
  if (idx < 0) {
    if (e.type === OID.record) {
      throw new PgError(SQLSTATE.undefined_column, `could not identify column "${field}" in record data type`, { position: pstate.position(location) });
    }
    // (the position is the row expression's, as exprLocation of the argument in Postgres)
    throw new PgError(SQLSTATE.undefined_column, `column "${field}" not found in data type ${formatType(pstate.catalog, e.type)}`, { position: pstate.position(e.location ?? location) });
  }
  const f = fields[idx];
  return { kind: 'FieldSelect', arg: e, fieldIndex: idx, type: f.type, typmod: f.typmod, collation: f.collation, location };
}

/** `(expr).*`: one FieldSelect per field, with the field names. */
export function expandFields(pstate: ParseState, e: Expr, location: number | undefined): { expr: Expr; name: string }[] {
  if (e.kind === 'RowExpr' && e.type === OID.record) {
    return e.args.map((a, i) => ({ expr: a, name: e.fieldNames?.[i] ?? `f${i + 1}` }));
  }
  const fields = recordFieldsOf(pstate, e);
  if (!fields) {
    if (e.type === OID.record) {
      throw new PgError(SQLSTATE.feature_not_supported, 'record type has not been registered', { position: pstate.position(location) });
    }
    throw new PgError(SQLSTATE.wrong_object_type, `type ${formatType(pstate.catalog, e.type)} is not composite`, { position: pstate.position(location) });
  }
  return fields.map((f, i) => ({ expr: { kind: 'FieldSelect', arg: e, fieldIndex: i, type: f.type, typmod: f.typmod, collation: f.collation, location } as Expr, name: f.name }));
}
