/**
 * CALL procedure(args): the call is resolved like a function call (overloads, named arguments,
 * defaults; OUT parameters are part of a procedure's signature and take NULL placeholders), run
 * in a non-atomic context when issued at top level outside a transaction block (so the procedure
 * may COMMIT / ROLLBACK), and its OUT / INOUT values come back as one row.
 *
 * Postgres counterpart: src/backend/commands/functioncmds.c (ExecuteCallStmt),
 * parser/parse_func.c (ParseFuncOrColumn with proc_call).
 */
import type { FunctionDef } from '../catalog/objects.js';
import type { Catalog } from '../catalog/catalog.js';
import { makeConst } from '../analyze/coerce.js';
import { enforceGenericTypeConsistency } from '../analyze/poly-consistency.js';
import { isPolymorphic } from '../analyze/func.js';
import { formatType } from '../types/registry.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { ParseState, type ColumnRefHook } from '../analyze/parse-state.js';
import { transformExpr } from '../analyze/expr.js';
import type { FuncExpr } from '../nodes/primnodes.js';
import { emptyQuery } from '../nodes/query.js';
import { compileExpr, type CExpr } from '../executor/expr/compile.js';
import type { ExecContext } from '../executor/context.js';
import { withPlanningCatalog } from '../plan/planner.js';
import { typeInfo } from '../types/registry.js';
import { PgRecord, type Value } from '../types/values.js';
import type { Session } from '../session/session.js';
import { commandResult, type ResultField, type StatementResult } from '../session/dispatch.js';
import { makeExecContext } from '../session/run-select.js';
import { asProcedureCall } from '../pl/atomic.js';

type AnyNode = Record<string, any>;

/** A resolved CALL. */
export interface AnalyzedCall {
  readonly expr: FuncExpr;
  readonly def: FunctionDef;
  readonly run: CExpr;
}

/**
 * Resolves the procedure a CALL names.
 * @throws 42883 `procedure p(integer) does not exist`, 42809 `f(integer) is not a procedure`.
 */
export function analyzeCall(session: Session, funccall: AnyNode, sql: string, paramTypes: readonly number[], hook?: ColumnRefHook): AnalyzedCall {
  const cat = session.catalog();
  const state = {
    catalog: cat, session, sql, paramTypes: [...paramTypes], inferParams: false, volatileSeen: false,
    columnRefHook: hook, procedureCallAt: funccall.location as number,
  };
  const ps = new ParseState(state, emptyQuery('select'));
  let e;
  try {
    e = transformExpr(ps, { FuncCall: funccall });
  } catch (err) {
    if (err instanceof PgError && err.code === SQLSTATE.undefined_function && err.message.startsWith('function ')) {
      const out = new PgError(SQLSTATE.undefined_function, 'procedure ' + err.message.slice('function '.length), {
        hint: 'No procedure matches the given name and argument types. You might need to add explicit type casts.',
        position: err.position,
      });
      throw out;
    }
    throw err;
  }
  if (e.kind === 'Aggref') {
    // An aggregate (Postgres resolves it as a function first, then rejects it).
    throw new PgError(SQLSTATE.wrong_object_type, `${e.name}(${e.args.map((a) => formatType(cat, a.type)).join(', ')}) is not a procedure`, {
      hint: 'To call a function, use SELECT.',
      position: ps.position(funccall.location),
    });
  }
  if (e.kind !== 'FuncExpr' || e.fn.prokind !== 'p' || e.fn.oid === undefined) {
    throw new PgError(SQLSTATE.wrong_object_type, `${e.kind === 'FuncExpr' ? e.fn.name : 'expression'} is not a procedure`);
  }
  const def = cat.functions.get(e.fn.oid) as FunctionDef;
  // The arguments written for OUT parameters are type-checked but never evaluated (Postgres
  // drops them from the call): the procedure receives NULL there.
  const sigParams = def.params.filter((p) => p.mode !== 't');
  const fe: FuncExpr = sigParams.some((p) => p.mode === 'o')
    ? { ...e, args: e.args.map((a, i) => (sigParams[i]?.mode === 'o' ? makeConst(a.type, null, -1, a.location) : a)) }
    : e;
  const run = withPlanningCatalog(cat, () => compileExpr(fe, { depth: 0, offsets: [] }));
  return { expr: e, def, run };
}

/** The OUT / INOUT parameters of a procedure, in order. */
export function outputParams(def: FunctionDef) {
  return def.params.filter((p) => p.mode === 'o' || p.mode === 'b');
}

/** Runs an analyzed CALL (non-atomic when allowed); returns the OUT / INOUT values. */
export function executeCall(session: Session, call: AnalyzedCall, ctx: ExecContext): Value[] {
  const out = asProcedureCall(session, () => call.run([], ctx));
  const n = outputParams(call.def).length;
  if (!n) return [];
  // A SQL procedure with one output parameter returns that value itself (which may be a row
  // of a composite type); PL/pgSQL procedures return a row of their outputs.
  if (n === 1 && call.def.language === 'sql') return [out === undefined ? null : (out as Value)];
  return out instanceof PgRecord ? out.fields.slice(0, n) : new Array<Value>(n).fill(null);
}

/** The types of a call's OUT / INOUT values, polymorphic ones bound by the call's arguments. */
export function outputTypes(cat: Catalog, call: AnalyzedCall): number[] {
  const outs = outputParams(call.def);
  if (!outs.some((p) => isPolymorphic(p.type))) return outs.map((p) => p.type);
  const binding = enforceGenericTypeConsistency(cat, call.expr.args.map((a) => a.type), call.def.argTypes, call.def.returnType, false);
  return outs.map((p) => (isPolymorphic(p.type) ? binding.resolve(p.type) : p.type));
}

/** CALL as a top-level statement. */
export function callStatement(session: Session, n: AnyNode, sql: string): StatementResult {
  const call = analyzeCall(session, n.funccall, sql, []);
  const values = executeCall(session, call, makeExecContext(session, []));
  const outs = outputParams(call.def);
  if (!outs.length) return commandResult('CALL');
  const cat = session.catalog();
  const types = outputTypes(cat, call);
  const fields: ResultField[] = outs.map((p, i) => ({
    name: p.name || 'column', tableID: 0, columnID: 0, dataTypeID: types[i], dataTypeSize: typeInfo(cat, types[i]).typlen, dataTypeModifier: -1, format: 'text',
  }));
  return { command: 'CALL', rowCount: null, fields, rows: [values] };
}
