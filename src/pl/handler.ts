/**
 * Calling a user-defined routine: the FunctionImpl the analyzer resolves calls to (registered as
 * the user-function factory), and the environment every call gets: SECURITY DEFINER (the owner
 * as current user), SET clauses (restored afterwards), a nested command for volatile routines
 * (they see the calling statement's writes; see Transaction.pushCommand), then the language
 * handler (SQL or PL/pgSQL).
 *
 * Postgres counterpart: fmgr_security_definer (fmgr.c), plpgsql_call_handler (pl_handler.c),
 * fmgr_sql (functions.c).
 */
import { internalFunctionImpl } from '../functions/internal-functions.js';
import type { Catalog } from '../catalog/catalog.js';
import type { FunctionDef } from '../catalog/objects.js';
import { typeInfo } from '../types/registry.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { isPolymorphic } from '../analyze/func.js';
import type { CallInfo, FunctionImpl } from '../functions/registry.js';
import { setUserFunctionFactory } from '../functions/user-functions.js';
import type { ExecContext } from '../executor/context.js';
import { OID } from '../types/oids.js';
import type { Value } from '../types/values.js';
import type { Session } from '../session/session.js';
import { markContextDone } from './error-context.js';
import { atomically } from './atomic.js';
import { inputParams, resultShape, runSqlFunction, sqlFunctionInlinable, type SqlCallMode } from './sql-function.js';

/** The PL/pgSQL entry point, installed by plpgsql/ (avoids an import cycle). */
export type PlpgsqlRunner = (session: Session, def: FunctionDef, args: readonly Value[], argTypes: readonly number[], returnType: number, ctx: ExecContext) => Value | Value[];
let plpgsqlRunner: PlpgsqlRunner | undefined;
export function setPlpgsqlRunner(r: PlpgsqlRunner): void {
  plpgsqlRunner = r;
}

/** The session behind an executor context (the engine's only SessionContext is a Session). */
export function sessionOf(ctx: { session: unknown }): Session {
  return ctx.session as Session;
}

/** Actual parameter types of a call: declared ones, polymorphic ones bound from the call. */
export function actualParamTypes(cat: Catalog, def: FunctionDef, call: CallInfo): number[] {
  const declared = def.argTypes;
  if (!declared.some(isPolymorphic)) return [...declared];
  const last = declared.length - 1;
  const variadicPoly = (declared[last] === OID.anyarray || declared[last] === OID.anycompatiblearray) && def.params.some((p) => p.mode === 'v');
  return declared.map((t, i) => {
    if (!isPolymorphic(t)) return t;
    const actual = call.argTypes[i] ?? t;
    // An expanded VARIADIC call lists the element types; the parameter is their array.
    if (i === last && variadicPoly && (call.argTypes.length > declared.length || typeInfo(cat, actual).category !== 'A')) return typeInfo(cat, actual).array ?? t;
    return actual;
  });
}

/**
 * Runs `body` with the routine's environment: SECURITY DEFINER, SET clauses, and a nested
 * command for volatile routines.
 */
export function withRoutineEnvironment<T>(session: Session, def: FunctionDef, body: () => T): T {
  const savedUser = session.settings.currentUser;
  // SECURITY DEFINER: current_user is the owner while the body runs (not a SET ROLE: SHOW role is unchanged).
  if (def.securityDefiner) session.settings.currentUser = def.owner;
  for (const c of def.config) {
    // GUC_NO_RESET settings (ALTER FUNCTION accepts them; the call fails).
    const m = /^(transaction_isolation|transaction_read_only|transaction_deferrable)=/.exec(c);
    if (m) throw new PgError(SQLSTATE.feature_not_supported, `parameter "${m[1]}" cannot be set locally in functions`);
  }
  const settings = session.settings;
  const withClause = def.config.length > 0;
  if (withClause) settings.pushFunctionSettings(def.config);
  const txn = session.transaction();
  const nested = def.volatility === 'v' && def.kind === 'f' ? txn.pushCommand() : undefined;
  settings.routineDepth++;
  try {
    return body();
  } finally {
    settings.routineDepth--;
    if (nested && session.txn === txn) txn.popCommand(nested);
    if (withClause) settings.popFunctionSettings();
    if (def.securityDefiner) session.settings.currentUser = savedUser;
  }
}

/** Calls a user routine from an expression. */
export function invokeRoutine(def: FunctionDef, args: readonly Value[], ctx: ExecContext, call: CallInfo, mode: SqlCallMode): Value | Value[] {
  const session = sessionOf(ctx);
  if (def.returnType === OID.trigger || def.returnType === OID.event_trigger) {
    const e = new PgError(SQLSTATE.feature_not_supported, 'trigger functions can only be called as triggers', {
      where: `compilation of PL/pgSQL function "${def.name}" near line 1`,
    });
    markContextDone(e);
    throw e;
  }
  const paramTypes = actualParamTypes(session.catalog(), def, call);
  const run = () => withRoutineEnvironment(session, def, () => {
    if (def.language === 'sql') return runSqlFunction(session, def, args, paramTypes, resultShape(session.catalog(), def, call.returnType, paramTypes), ctx, mode);
    if (!plpgsqlRunner) throw new Error('fauxgres internal: PL/pgSQL not loaded');
    return plpgsqlRunner(session, def, args, paramTypes, call.returnType, ctx);
  });
  // Functions run atomically (no COMMIT inside); procedures keep the CALL's context.
  return def.kind === 'f' ? atomically(session, run) : run();
}

/** The callable form of a catalog function (see functions/user-functions.ts). */
export function routineImpl(def: FunctionDef): FunctionImpl {
  if (def.language === 'internal') return internalFunctionImpl(def);
  const inputs = inputParams(def);
  const outs = def.params.filter((p) => p.mode === 'o' || p.mode === 'b' || p.mode === 't');
  const firstDefault = inputs.findIndex((p) => p.default !== undefined);
  const defaults = firstDefault < 0 ? [] : inputs.slice(firstDefault);
  const hasVariadic = inputs.some((p) => p.mode === 'v');
  const make = (mode: SqlCallMode): FunctionImpl => ({
    name: def.name,
    argTypes: def.argTypes,
    returnType: def.returnType,
    variadic: hasVariadic ? def.argTypes[def.argTypes.length - 1] : undefined,
    strict: def.strict,
    volatility: def.volatility,
    retset: def.retset || undefined,
    oid: def.oid,
    defaults: defaults.length || undefined,
    argNames: inputs.map((p) => p.name),
    argDefaultExprs: defaults.length ? defaults.map((p) => p.default!.expr) : undefined,
    // An unnamed OUT parameter's column is "columnN", N its position among the outputs (Postgres's
    // build_function_result_tupdesc_d).
    outColumns: def.kind === 'f' && outs.length > 1 ? outs.map((p, i) => ({ name: p.name || `column${i + 1}`, type: p.type })) : undefined,
    resultColumnName: def.kind === 'f' && outs.length === 1 && outs[0].name ? outs[0].name : undefined,
    prokind: def.kind === 'a' ? 'f' : def.kind,
    fn: (args, rt, call) => invokeRoutine(def, args, rt as ExecContext, call, mode),
    // Postgres first pre-evaluates IMMUTABLE calls with constant arguments (evaluate_function:
    // an ordinary call), then inlines; an inlined call with constant arguments is folded.
    inlineVariant: def.language === 'sql' && sqlFunctionInlinable(def)
      ? (constArgs: boolean) => make(constArgs ? (def.volatility === 'i' ? 'run' : 'inline-const') : 'inline')
      : undefined,
  });
  return make('run');
}

setUserFunctionFactory(routineImpl);
