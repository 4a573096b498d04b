/**
 * Function scans' calls, and ROWS FROM (f(...), g(...)): each function's rows side by side,
 * the shorter ones padded with NULLs, numbered by WITH ORDINALITY. A `record` result read through
 * a column definition list is checked against it row by row. A call that reads no column keeps
 * its rows for the execution, so a rescan replays them instead of calling again (as the
 * FunctionScan's tuplestore).
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
import { someNode } from '../plan/walk-query.js';
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
  if (check) fnc = checkedCall(fnc, retset, check, style);
  if (readsNoRow(call)) fnc = materializedCall(fnc, retset);
  return { fnc, retset };
}

/**
 * A call that reads no column (of its own query level, a LATERAL neighbour or an outer query)
 * gives the same rows however often its scan restarts, as the inner side of a nested loop or in
 * a correlated subquery: Postgres's FunctionScan keeps them in a tuplestore and re-reads them on
 * rescan, so a volatile function (nextval, random, a function with side effects) runs once per
 * statement. Here the rows are kept per execution as they are first produced (lazily: a scan cut
 * short by LIMIT does not run the function to the end), and later scans replay them.
 */
function materializedCall(fnc: FromCall, retset: boolean): FromCall {
  const key = {};
  if (!retset) {
    return (row, ctx) => {
      const cache = ctx.cache;
      if (cache.has(key)) return cache.get(key) as Value;
      const v = fnc(row, ctx) as Value;
      cache.set(key, v);
      return v;
    };
  }
  return (row, ctx) => {
    let m = ctx.cache.get(key) as Materialized | undefined;
    if (!m) {
      m = { rows: [], source: (fnc(row, ctx) as Iterable<Value> | null ?? [])[Symbol.iterator](), done: false };
      ctx.cache.set(key, m);
    }
    return replay(m);
  };
}

interface Materialized {
  readonly rows: Value[];
  readonly source: Iterator<Value>;
  done: boolean;
}

function* replay(m: Materialized): Iterable<Value> {
  for (let i = 0; ; i++) {
    if (i < m.rows.length) {
      yield m.rows[i];
      continue;
    }
    if (m.done) return;
    const r = m.source.next();
    if (r.done) {
      m.done = true;
      return;
    }
    m.rows.push(r.value);
    yield r.value;
  }
}

/** True when `call` reads no row: no column, outer aggregate or input reference anywhere in it. */
function readsNoRow(call: Expr): boolean {
  return !someNode(call, (n) => n.kind === 'Var' || n.kind === 'InputRef' || ((n.kind === 'Aggref' || n.kind === 'GroupingFunc') && !!n.levelsUp));
}

/** `fnc` whose records are checked against the column definition list `check`. */
function checkedCall(fnc: FromCall, retset: boolean, check: readonly RteColumn[], style: ShapeStyle): FromCall {
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
  return fnc;
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
