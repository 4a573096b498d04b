/**
 * Statements that run SQL: embedded statements (with INTO [STRICT]), PERFORM, EXECUTE ...
 * [INTO] [USING], FOR over queries and EXECUTE, RETURN QUERY [EXECUTE], GET [STACKED]
 * DIAGNOSTICS, CALL, COMMIT and ROLLBACK. FOUND and ROW_COUNT follow Postgres's rules (EXECUTE
 * leaves FOUND alone).
 *
 * Postgres counterpart: src/pl/plpgsql/src/pl_exec.c (exec_stmt_execsql, exec_stmt_perform,
 * exec_stmt_dynexecute, exec_stmt_fors, exec_stmt_dynfors, exec_stmt_return_query,
 * exec_stmt_getdiag, exec_stmt_call, exec_stmt_commit / rollback).
 */
import { PgError, featureNotSupported } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import type { Row } from '../../executor/context.js';
import { parseScript } from '../../parser/parse.js';
import { OID } from '../../types/oids.js';
import { formatType, typeInfo } from '../../types/registry.js';
import { PgRecord, type Value } from '../../types/values.js';
import { addErrorContext, currentContext, popContext, pushContext } from '../error-context.js';
import { valueText } from '../record-text.js';
import { prepareSpi, type SpiColumn, type SpiPlan } from '../spi.js';
import { Rc, rowtypeDesc, type Frame } from './frame.js';
import { extraCheckLevel, fieldCountMismatch, reportExtra } from './extra-checks.js';
import type { PlExpr } from './expr.js';
import { assignDatum, assignRow, castValue, type Target } from './assign.js';
import { loopOutcome } from './stmt-control.js';
import { Scope } from './scope.js';
import type { CStmt, Compiler } from './compile.js';
import { plKind, type PlNode } from './tree.js';
import { runCallStatement, transactionControl } from './procedure-hooks.js';
import { takePortalNumber } from './stmt-cursor.js';

/** The INTO / FOR target a node names. */
export function targetOf(node: PlNode | undefined): Target | undefined {
  if (!node) return undefined;
  const [k, b] = plKind(node);
  if (k === 'PLpgSQL_row') return { kind: 'vars', dnos: ((b.fields ?? []) as PlNode[]).map((x) => x?.varno ?? 0) };
  if (k === 'PLpgSQL_rec') return { kind: 'rec', dno: b.dno ?? 0 };
  return undefined;
}

function tooMany(detail: string | undefined, hint: boolean): PgError {
  return new PgError(SQLSTATE.too_many_rows, 'query returned more than one row', {
    detail: detail === undefined ? undefined : `parameters: ${detail}`,
    hint: hint ? 'Make sure the query returns a single row, or use LIMIT 1.' : undefined,
  });
}

/** A value as print_strict_params shows it: NULL, or its text output quoted. */
function quotedParam(f: Frame, type: number, v: Value): string {
  if (v === null) return 'NULL';
  return `'${valueText(f.session.catalog(), type, v, f.session.io).replace(/'/g, "''")}'`;
}

/** format_expr_params: `name = 'value', ...` of the variables a static query reads. */
function exprParams(c: Compiler, f: Frame, q: PlExpr): string | undefined {
  if (!c.printStrictParams || !q.paramDnos.length) return undefined;
  return q.paramDnos.map((dno) => `${c.datums[dno].name} = ${quotedParam(f, f.descs[dno]?.typeOid ?? c.datums[dno].type, f.values[dno])}`).join(', ');
}

/** format_preparedparamsdata: `$1 = 'value', ...` of EXECUTE's USING values. */
function usingParams(c: Compiler, f: Frame, types: readonly number[], values: readonly Value[]): string | undefined {
  if (!c.printStrictParams || !values.length) return undefined;
  return values.map((v, i) => `$${i + 1} = ${quotedParam(f, types[i], v)}`).join(', ');
}

/**
 * Applies INTO: strictness, the first row into the target, FOUND. A static statement
 * (exec_stmt_execsql) also refuses several rows from INSERT / UPDATE / DELETE ... RETURNING and
 * runs the too_many_rows extra check; EXECUTE (exec_stmt_dynexecute) only checks STRICT, and its
 * error has no HINT. `params` gives print_strict_params' DETAIL.
 */
function into(c: Compiler, f: Frame, target: Target, rows: Row[], cols: readonly SpiColumn[], strict: boolean, dml: boolean, dynamic: boolean, params: () => string | undefined): void {
  if (strict && rows.length === 0) {
    const detail = params();
    throw new PgError(SQLSTATE.no_data_found, 'query returned no rows', { detail: detail === undefined ? undefined : `parameters: ${detail}` });
  }
  if (rows.length > 1) {
    if (strict || (dml && !dynamic)) throw tooMany(params(), !dynamic);
    const level = dynamic ? undefined : extraCheckLevel(f.session, 'too_many_rows');
    if (level) reportExtra(f, level, tooMany(params(), true));
  }
  checkFieldCount(c, f, target, cols);
  assignRow(f, c, target, rows[0], cols);
}

/** plpgsql.extra_checks strict_multi_assignment: as many result columns as target fields. */
function checkFieldCount(c: Compiler, f: Frame, target: Target, cols: readonly SpiColumn[]): void {
  const level = extraCheckLevel(f.session, 'strict_multi_assignment');
  if (!level) return;
  let n: number | undefined;
  if (target.kind === 'vars' && !(target.dnos.length === 1 && c.datums[target.dnos[0]].isRecord)) n = target.dnos.length;
  else {
    const d = c.datums[target.kind === 'vars' ? target.dnos[0] : target.dno];
    const composite = cols.length === 1 && cols[0].type !== OID.unknown && typeInfo(f.session.catalog(), cols[0].type).typtype === 'c';
    if (d.namedType && !composite) n = rowtypeDesc(f.session.catalog(), d.type).names.length;
  }
  if (n !== undefined && n !== cols.length) reportExtra(f, level, fieldCountMismatch(level));
}

function checkWritable(c: Compiler, plan: SpiPlan, q?: PlExpr): void {
  if (c.kind.volatility !== 'v' && (plan.command === 'INSERT' || plan.command === 'UPDATE' || plan.command === 'DELETE' || plan.command === 'MERGE')) {
    const e = new PgError(SQLSTATE.feature_not_supported, `${plan.command} is not allowed in a non-volatile function`);
    if (q) q.fail(e);
    throw e;
  }
}

function compileExecSql(c: Compiler, b: PlNode, scope: Scope): CStmt {
  const q = c.sql(b.sqlstmt, scope);
  const target = b.into ? targetOf(b.target) : undefined;
  const strict = !!b.strict;
  return (f) => {
    const plan = q.prepare(f);
    checkWritable(c, plan, q);
    if (!target && plan.returnsRows) {
      throw new PgError(SQLSTATE.syntax_error, 'query has no destination for result data', {
        hint: 'If you want to discard the results of a SELECT, use PERFORM instead.',
      });
    }
    const r = q.run(f);
    f.rowCount = r.rowCount;
    if (target) {
      into(c, f, target, r.rows, plan.columns, strict, plan.command !== 'SELECT', false, () => exprParams(c, f, q));
      c.setFound(f, r.rows.length > 0);
    } else if (plan.command !== 'UTILITY') c.setFound(f, r.rowCount > 0);
    return Rc.Ok;
  };
}

function compilePerform(c: Compiler, b: PlNode, scope: Scope): CStmt {
  const q = c.sql(b.expr, scope);
  return (f) => {
    const r = q.run(f);
    f.rowCount = r.rowCount;
    c.setFound(f, r.rowCount > 0);
    return Rc.Ok;
  };
}

/** A dynamic query: its text, parameters (USING) and plan, run under `SQL statement "..."`. */
function dynamic(c: Compiler, queryNode: PlNode, paramNodes: PlNode[] | undefined, scope: Scope) {
  const query = c.expr(queryNode, scope);
  const params = (paramNodes ?? []).map((p) => c.expr(p, scope));
  return (f: Frame): { plan: SpiPlan; text: string; types: number[]; values: Value[]; run: () => { rows: Row[]; rowCount: number } } => {
    const raw = query.value(f);
    if (raw === null) throw new PgError(SQLSTATE.null_value_not_allowed, 'query string argument of EXECUTE is null');
    const text = String(castValue(f, raw, query.valueType(f).type, OID.text, -1));
    const values: Value[] = [];
    const types: number[] = [];
    for (const p of params) {
      values.push(p.value(f));
      const t = p.valueType(f).type;
      types.push(t === OID.unknown ? OID.text : t);
    }
    const stmts = parseScript(text);
    if (stmts.length !== 1) {
      if (stmts.length === 0) throw featureNotSupported('EXECUTE of an empty query');
      throw new PgError(SQLSTATE.syntax_error, 'cannot insert multiple commands into a prepared statement');
    }
    const line = { describe: () => `SQL statement "${text}"` };
    let plan: SpiPlan;
    try {
      plan = prepareSpi(f.session, stmts[0], { paramTypes: types });
    } catch (e) {
      addErrorContext(e);
      throw e;
    }
    checkWritable(c, plan);
    return {
      plan,
      text,
      types,
      values,
      run: () => {
        pushContext(line);
        try {
          if (c.kind.volatility === 'v') f.session.transaction().commandCounterIncrement();
          return plan.execute(f.session, values);
        } catch (e) {
          addErrorContext(e);
          throw e;
        } finally {
          popContext();
        }
      },
    };
  };
}

function compileDynExecute(c: Compiler, b: PlNode, scope: Scope): CStmt {
  const dyn = dynamic(c, b.query, b.params, scope);
  const target = b.into ? targetOf(b.target) : undefined;
  const strict = !!b.strict;
  return (f) => {
    const d = dyn(f);
    const r = d.run();
    f.rowCount = r.rowCount;
    if (target) into(c, f, target, r.rows, d.plan.columns, strict, d.plan.command !== 'SELECT', true, () => usingParams(c, f, d.types, d.values));
    return Rc.Ok;
  };
}

function loopOver(c: Compiler, f: Frame, target: Target, rows: Row[], cols: readonly SpiColumn[], body: CStmt, label: string | undefined): Rc {
  let rc: Rc = Rc.Ok;
  for (const row of rows) {
    assignRow(f, c, target, row, cols);
    const o = loopOutcome(f, body(f), label);
    if (o === 'break') break;
    if (o !== 'next') {
      rc = o;
      break;
    }
  }
  c.setFound(f, rows.length > 0);
  return rc;
}

function compileFors(c: Compiler, b: PlNode, scope: Scope): CStmt {
  const label = b.label as string | undefined;
  const q = c.sql(b.query, scope);
  const target = targetOf(b.var) as Target;
  const body = c.list(b.body, label ? new Scope(scope, label) : scope);
  return (f) => {
    const plan = q.prepare(f);
    const r = q.run(f);
    takePortalNumber(f.session);
    f.rowCount = r.rowCount;
    return loopOver(c, f, target, r.rows, plan.columns, body, label);
  };
}

function compileDynFors(c: Compiler, b: PlNode, scope: Scope): CStmt {
  const label = b.label as string | undefined;
  const dyn = dynamic(c, b.query, b.params, scope);
  const target = targetOf(b.var) as Target;
  const body = c.list(b.body, label ? new Scope(scope, label) : scope);
  return (f) => {
    const d = dyn(f);
    const r = d.run();
    takePortalNumber(f.session);
    f.rowCount = r.rowCount;
    return loopOver(c, f, target, r.rows, d.plan.columns, body, label);
  };
}

/** RETURN QUERY's check that the rows fit the function's result (exact types, as Postgres). */
export function checkResultStructure(f: Frame, expected: readonly { type: number; name?: string; typmod?: number }[], cols: readonly SpiColumn[]): void {
  if (cols.length !== expected.length) {
    throw new PgError(SQLSTATE.datatype_mismatch, 'structure of query does not match function result type', {
      detail: `Number of returned columns (${cols.length}) does not match expected column count (${expected.length}).`,
    });
  }
  const cat = f.session.catalog();
  cols.forEach((col, i) => {
    const t = col.type === OID.unknown ? OID.text : col.type;
    if (t !== expected[i].type) {
      throw new PgError(SQLSTATE.datatype_mismatch, 'structure of query does not match function result type', {
        detail: `Returned type ${formatType(cat, t)} does not match expected type ${formatType(cat, expected[i].type, expected[i].typmod ?? -1)} in column "${expected[i].name ?? ''}" (position ${i + 1}).`,
      });
    }
  });
}

function compileReturnQuery(c: Compiler, b: PlNode, scope: Scope): CStmt {
  const q = b.query ? c.sql(b.query, scope) : undefined;
  const dyn = b.dynquery ? dynamic(c, b.dynquery, b.params, scope) : undefined;
  return (f) => {
    if (!c.kind.retset) throw new PgError(SQLSTATE.syntax_error, 'cannot use RETURN QUERY in a non-SETOF function');
    let rows: Row[];
    let cols: readonly SpiColumn[];
    let text: string;
    if (q) {
      cols = q.prepare(f).columns;
      rows = q.run(f).rows;
      text = q.text;
    } else {
      const d = (dyn as NonNullable<typeof dyn>)(f);
      cols = d.plan.columns;
      rows = d.run().rows;
      text = d.text;
    }
    const expected = f.resultColumns;
    if (expected) {
      // (raised under the query's CONTEXT line, as Postgres checks the portal's tuple descriptor)
      pushContext({ describe: () => `SQL statement "${text}"` });
      try {
        checkResultStructure(f, expected, cols);
      } catch (e) {
        addErrorContext(e);
        throw e;
      } finally {
        popContext();
      }
    }
    const out = (f.results ??= []);
    for (const r of rows) out.push(f.resultValue(cols.length === 1 && expected?.length === 1 ? r[0] : rowRecord(r, cols), cols.length === 1 && expected?.length === 1 ? cols[0].type : OID.record));
    f.rowCount = rows.length;
    c.setFound(f, rows.length > 0);
    return Rc.Ok;
  };
}

function rowRecord(r: Row, cols: readonly SpiColumn[]): Value {
  return new PgRecord(r.slice(0, cols.length), cols.map((x) => x.name), cols.map((x) => x.type));
}

const DIAG_TYPES: Record<string, number> = {
  ROW_COUNT: OID.int8,
  PG_ROUTINE_OID: OID.oid,
};

function compileGetDiag(c: Compiler, b: PlNode): CStmt {
  const stacked = !!b.is_stacked;
  const items = ((b.diag_items ?? []) as PlNode[]).map((i) => ({ kind: String(i.PLpgSQL_diag_item.kind), target: (i.PLpgSQL_diag_item.target ?? 0) as number }));
  return (f) => {
    if (stacked && !f.handling) {
      throw new PgError('0Z002', 'GET STACKED DIAGNOSTICS cannot be used outside an exception handler');
    }
    for (const it of items) {
      let v: Value;
      const e = f.handling;
      switch (it.kind) {
        case 'ROW_COUNT': v = BigInt(f.rowCount); break;
        case 'PG_ROUTINE_OID': v = f.routineOid ?? 0; break;
        case 'PG_CONTEXT': v = currentContext() ?? ''; break;
        case 'RETURNED_SQLSTATE': v = e?.code ?? null; break;
        case 'MESSAGE_TEXT': v = e?.message ?? null; break;
        case 'PG_EXCEPTION_DETAIL': v = e?.detail ?? ''; break;
        case 'PG_EXCEPTION_HINT': v = e?.hint ?? ''; break;
        case 'PG_EXCEPTION_CONTEXT': v = e?.where ?? ''; break;
        case 'COLUMN_NAME': v = e?.column ?? ''; break;
        case 'CONSTRAINT_NAME': v = e?.constraint ?? ''; break;
        case 'PG_DATATYPE_NAME': v = e?.dataType ?? ''; break;
        case 'TABLE_NAME': v = e?.table ?? ''; break;
        case 'SCHEMA_NAME': v = e?.schema ?? ''; break;
        default: throw featureNotSupported(`GET DIAGNOSTICS ${it.kind}`);
      }
      assignDatum(f, c, it.target, v, DIAG_TYPES[it.kind] ?? OID.text);
    }
    return Rc.Ok;
  };
}

export function compileQueryStmt(c: Compiler, k: string, b: PlNode, scope: Scope): CStmt {
  switch (k) {
    case 'PLpgSQL_stmt_execsql':
      return compileExecSql(c, b, scope);
    case 'PLpgSQL_stmt_perform':
      return compilePerform(c, b, scope);
    case 'PLpgSQL_stmt_dynexecute':
      return compileDynExecute(c, b, scope);
    case 'PLpgSQL_stmt_fors':
      return compileFors(c, b, scope);
    case 'PLpgSQL_stmt_dynfors':
      return compileDynFors(c, b, scope);
    case 'PLpgSQL_stmt_return_query':
      return compileReturnQuery(c, b, scope);
    case 'PLpgSQL_stmt_getdiag':
      return compileGetDiag(c, b);
    case 'PLpgSQL_stmt_call':
      return runCallStatement(c, b, scope);
    case 'PLpgSQL_stmt_commit':
    case 'PLpgSQL_stmt_rollback':
      return transactionControl(c, k === 'PLpgSQL_stmt_commit', !!b.chain);
    default:
      throw featureNotSupported(`PL/pgSQL statement ${k}`);
  }
}

export type { PlExpr };
