/**
 * Function scans' calls, and ROWS FROM (f(...), g(...)): each function's rows side by side,
 * the shorter ones padded with NULLs, numbered by WITH ORDINALITY. A `record` result read through
 * a column definition list is checked against it row by row.
 *
 * Postgres counterpart: src/backend/executor/nodeFunctionscan.c, tupdesc_match in
 * src/backend/utils/fmgr/funcapi.c (the record check).
 */
import type { Catalog } from '../catalog/catalog.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Expr } from '../nodes/primnodes.js';
import type { RteColumn } from '../nodes/query.js';
import { formatType } from '../types/registry.js';
import { OID } from '../types/oids.js';
import { PgRecord, type Value } from '../types/values.js';
import type { ExecContext, Row } from './context.js';
import { compileExpr, type Layout } from './expr/compile.js';
import type { Plan } from './scan.js';

export type FromCall = (row: Row, ctx: ExecContext) => Iterable<Value> | Value;

/**
 * How a record that does not fit the column definition list is reported: 'sql' as a SQL function's
 * result check, 'pl' as PL/pgSQL's RETURN NEXT check, 'other' (an expression such as
 * coalesce(r), a built-in function) as Postgres's tupledesc_match.
 */
type ShapeStyle = 'sql' | 'pl' | 'other';

function checkShape(cat: Catalog, v: Value, cols: readonly RteColumn[], style: ShapeStyle): void {
  if (!(v instanceof PgRecord)) return;
  const sqlMismatch = (detail: string) => new PgError(SQLSTATE.invalid_function_definition, 'return type mismatch in function declared to return record', { detail });
  const rowMismatch = (detail: string) => new PgError(SQLSTATE.datatype_mismatch, 'function return row and query-specified return row do not match', { detail });
  if (v.fields.length !== cols.length) {
    if (style === 'sql') throw sqlMismatch(`Final statement returns too ${v.fields.length > cols.length ? 'many' : 'few'} columns.`);
    if (style === 'other') throw rowMismatch(`Returned row contains ${v.fields.length} attribute${v.fields.length === 1 ? '' : 's'}, but query expects ${cols.length}.`);
    throw new PgError(SQLSTATE.datatype_mismatch, 'returned record type does not match expected record type', {
      detail: `Number of returned columns (${v.fields.length}) does not match expected column count (${cols.length}).`,
    });
  }
  const types = v.types;
  if (!types) return;
  for (let i = 0; i < cols.length; i++) {
    const t = types[i];
    if (t !== undefined && t !== cols[i].type && t !== OID.unknown) {
      if (style === 'sql') throw sqlMismatch(`Final statement returns ${formatType(cat, t)} instead of ${formatType(cat, cols[i].type, cols[i].typmod)} at column ${i + 1}.`);
      if (style === 'other') throw rowMismatch(`Returned type ${formatType(cat, t)} at ordinal position ${i + 1}, but query expects ${formatType(cat, cols[i].type)}.`);
      throw new PgError(SQLSTATE.datatype_mismatch, 'returned record type does not match expected record type', {
        detail: `Returned type ${formatType(cat, t)} does not match expected type ${formatType(cat, cols[i].type, cols[i].typmod)} in column "${cols[i].name}" (position ${i + 1}).`,
      });
    }
  }
}

/** Compiles a FROM function call; `check`: the column definition list its records must match. */
export function compileFromCall(call: Expr, layout: Layout, check?: readonly RteColumn[], sqlStyle: 'sql' | 'other' = 'other'): { fnc: FromCall; retset: boolean } {
  const style: ShapeStyle = sqlStyle === 'sql' ? 'sql' : call.kind === 'FuncExpr' && call.fn.oid !== undefined ? 'pl' : 'other';
  let fnc: FromCall;
  let retset = false;
  if (call.kind === 'FuncExpr' && call.retset) {
    retset = true;
    const args = call.args.map((a) => compileExpr(a, layout));
    const impl = call.fn.fn;
    const info = { argTypes: call.args.map((a) => a.type), returnType: call.type, returnTypmod: call.typmod };
    const strict = call.fn.strict;
    fnc = (row, ctx) => {
      const vals = args.map((a) => a(row, ctx));
      if (strict && vals.some((v) => v === null)) return [];
      return impl(vals, ctx, info) as Iterable<Value>;
    };
  } else {
    const c = compileExpr(call, layout);
    fnc = (row, ctx) => c(row, ctx);
  }
  if (!check) return { fnc, retset };
  const inner = fnc;
  if (retset) {
    fnc = function* (row, ctx) {
      const cat = ctx.session.catalog();
      for (const v of inner(row, ctx) as Iterable<Value>) {
        checkShape(cat, v, check, style);
        yield v;
      }
    } as FromCall;
  } else {
    fnc = (row, ctx) => {
      const v = inner(row, ctx) as Value;
      checkShape(ctx.session.catalog(), v, check, style);
      return v;
    };
  }
  return { fnc, retset };
}

export interface RowsFromPart {
  readonly fnc: FromCall;
  readonly retset: boolean;
  readonly expandsRecord: boolean;
  readonly ncols: number;
}

export class RowsFromScan implements Plan {
  readonly kind = 'FunctionScan';
  constructor(
    readonly parts: readonly RowsFromPart[],
    readonly ordinality: boolean,
    readonly offset: number,
    readonly width: number,
  ) {}
  *run(ctx: ExecContext, base: Row | undefined): Iterable<Row> {
    const src = base ?? new Array(this.width);
    const iters = this.parts.map((p) => {
      const out = p.fnc(src, ctx);
      const values: Iterable<Value> = p.retset ? (out === null ? [] : (out as Iterable<Value>)) : [out as Value];
      return values[Symbol.iterator]();
    });
    const done = iters.map(() => false);
    let n = 0;
    for (;;) {
      const row = src.slice();
      let any = false;
      let off = this.offset;
      for (let k = 0; k < iters.length; k++) {
        const p = this.parts[k];
        let v: Value = null;
        let have = false;
        if (!done[k]) {
          const r = iters[k].next();
          if (r.done) done[k] = true;
          else {
            v = r.value;
            have = true;
            any = true;
          }
        }
        if (p.expandsRecord) {
          const fields = have && v !== null ? (v as PgRecord).fields : [];
          for (let i = 0; i < p.ncols; i++) row[off + i] = fields[i] ?? null;
        } else row[off] = have ? v : null;
        off += p.ncols;
      }
      if (!any) return;
      n++;
      if (this.ordinality) row[off] = BigInt(n);
      yield row;
    }
  }
}
