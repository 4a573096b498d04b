/**
 * Functions in FROM: `f(...) [AS alias(cols)]`, functions returning `record` with a column
 * definition list (`AS x(a int, b text)`), composite-returning functions expanded into columns,
 * and `ROWS FROM (f(...) [AS (coldefs)], g(...)) [WITH ORDINALITY]` (the functions' rows zipped,
 * shorter ones padded with NULLs).
 *
 * Postgres counterpart: transformRangeFunction (src/backend/parser/parse_clause.c) and
 * addRangeTableEntryForFunction (parse_relation.c).
 */
import { boundFunctionFields } from '../rewrite/view-binding.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Expr } from '../nodes/primnodes.js';
import type { RteColumn, RowsFromItem } from '../nodes/query.js';
import { OID } from '../types/oids.js';
import { typeInfo } from '../types/registry.js';
import { nodeKind, strVal, transformExpr } from './expr.js';
import type { ParseState } from './parse-state.js';
import { resolveTypeName } from './type-name.js';
import { compositeFields } from './record-fields.js';

type AnyNode = Record<string, any>;

function coldefColumns(pstate: ParseState, defs: AnyNode[]): RteColumn[] {
  return defs.map((d) => {
    const cd = d.ColumnDef;
    const { oid, typmod } = resolveTypeName(pstate.catalog, pstate.stmt.session.searchPath(), cd.typeName, (l) => pstate.position(l));
    let collation: string | undefined = typeInfo(pstate.catalog, oid).category === 'S' ? (oid === OID.name ? 'C' : 'default') : undefined;
    if (cd.collClause) {
      const coll = (cd.collClause.collname as AnyNode[]).map((x) => x.String.sval).pop() as string;
      collation = coll === 'POSIX' || coll === 'C' ? 'C' : coll;
    }
    return { name: cd.colname as string, type: oid, typmod, collation };
  });
}

/** One function of the FROM item: its analyzed call and the columns it contributes. */
export function analyzeFromFunction(
  pstate: ParseState,
  call: AnyNode,
  coldefs: AnyNode[] | undefined,
  alias: AnyNode | undefined,
  nfuncs: number,
): RowsFromItem & { name: string } {
  const lastSrf = pstate.lastSrf;
  const expr: Expr = transformExpr(pstate, call);
  // (FunctionScan evaluates its calls at top level only: an SRF in an argument has nowhere to run)
  if (pstate.lastSrf !== lastSrf && pstate.lastSrf !== expr) {
    throw new PgError(SQLSTATE.feature_not_supported, 'set-returning functions must appear at top level of FROM', { position: pstate.position(pstate.lastSrf?.location) });
  }
  const fname = nodeKind(call)[0] === 'FuncCall' ? strVal((call.FuncCall.funcname as AnyNode[]).slice(-1)[0]) : 'unnamed';
  const loc = call.FuncCall?.location ?? expr.location;
  const info = typeInfo(pstate.catalog, expr.type);
  const outCols = expr.kind === 'FuncExpr' ? expr.fn.outColumns : undefined;
  if (coldefs?.length) {
    if (outCols) {
      throw new PgError(SQLSTATE.syntax_error, 'a column definition list is redundant for a function with OUT parameters', { position: pstate.position(coldefs[0].ColumnDef?.location) });
    }
    if (compositeFields(pstate.catalog, expr.type)) {
      throw new PgError(SQLSTATE.syntax_error, 'a column definition list is redundant for a function returning a named composite type', { position: pstate.position(coldefs[0].ColumnDef?.location) });
    }
    if (expr.type !== OID.record) {
      throw new PgError(SQLSTATE.syntax_error, 'a column definition list is only allowed for functions returning "record"', { position: pstate.position(coldefs[0].ColumnDef?.location) });
    }
    const oid = expr.kind === 'FuncExpr' ? expr.fn.oid : undefined;
    const sql = oid !== undefined && pstate.catalog.functions.get(oid)?.language === 'sql';
    const columns = coldefColumns(pstate, coldefs);
    const call: Expr = expr.kind === 'FuncExpr' && expr.fn.withColumns ? { ...expr, fn: expr.fn.withColumns(columns) } : expr;
    return { call, expandsRecord: true, checkRecord: sql ? 'sql' : 'other', columns, name: fname };
  }
  if (outCols) {
    return { call: expr, expandsRecord: true, columns: outCols.map((c) => ({ name: c.name, type: c.type, typmod: -1, collation: c.type === OID.text ? 'default' : undefined })), name: fname };
  }
  // A named composite type, or a domain over one.
  const fields = compositeFields(pstate.catalog, expr.type);
  if (fields) return { call: expr, expandsRecord: true, columns: boundFunctionFields(pstate.stmt.viewBinding, loc, fields), name: fname };
  if (expr.type === OID.record) {
    throw new PgError(SQLSTATE.syntax_error, 'a column definition list is required for functions returning "record"', { position: pstate.position(loc) });
  }
  if (expr.type === OID.trigger || expr.type === OID.event_trigger) {
    throw new PgError(SQLSTATE.datatype_mismatch, `function "${fname}" in FROM has unsupported return type ${expr.type === OID.trigger ? 'trigger' : 'event_trigger'}`, { position: pstate.position(loc) });
  }
  // A single OUT parameter names the column even under a table alias (json_array_elements' value).
  const outName = expr.kind === 'FuncExpr' ? expr.fn.resultColumnName : undefined;
  const name = outName ?? (nfuncs === 1 && alias?.aliasname && !alias.colnames ? alias.aliasname : fname);
  return { call: expr, expandsRecord: false, columns: [{ name, type: expr.type, typmod: expr.typmod, collation: expr.collation }], name: fname };
}
