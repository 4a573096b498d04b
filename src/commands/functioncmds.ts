/**
 * CREATE [OR REPLACE] FUNCTION / PROCEDURE, DROP FUNCTION / PROCEDURE / ROUTINE: options
 * (LANGUAGE, volatility, STRICT, SECURITY DEFINER, SET, COST, ROWS, PARALLEL, LEAKPROOF), body
 * validation at creation (SQL statements analyzed and the result checked; PL/pgSQL parsed and
 * its declarations compiled), the rules for replacing a function, and Postgres's messages.
 *
 * Postgres counterpart: src/backend/commands/functioncmds.c (CreateFunction, RemoveFunctionById),
 * catalog/pg_proc.c (ProcedureCreate), dropcmds.c, parser/parse_func.c (LookupFuncWithArgs).
 */
import { explicitSchemaName } from '../analyze/relation.js';
import { tempNamespace } from './temp-tables.js';
import { missingTypeNotice, skipNotice } from './drop-missing.js';
import type { Catalog } from '../catalog/catalog.js';
import type { FunctionDef } from '../catalog/objects.js';
import { checkDropOwner, checkOwner, isSuperuser } from '../catalog/acl.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { checkFunctionSetting } from './transaction-cmds.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { charOffset } from '../analyze/parse-state.js';
import { creationNamespace } from '../analyze/relation.js';
import { isPolymorphic } from '../analyze/func.js';
import { effectiveSearchPath } from '../analyze/func-candidates.js';
import type { RawStatement } from '../parser/parse.js';
import { OID, sameTypes } from '../types/oids.js';
import { formatType } from '../types/registry.js';
import type { Session } from '../session/session.js';
import { commandResult, type StatementResult } from '../session/dispatch.js';
import { interpretSignature, routineTypeName } from './function-params.js';
import { bodyOffsetMapper } from './function-body.js';
import { truncateIdentifier } from './naming.js';
import { validateRoutineBody } from '../pl/validate.js';
import { routineSignature } from '../pl/signature.js';
import { markContextDone } from '../pl/error-context.js';
import '../pl/handler.js';
import '../pl/plpgsql/exec.js';

import { operatorsUsingFunction, removeOperator } from './operatorcmds.js';
import { eventTriggersUsing, removeEventTrigger } from './event-trigger.js';
import { operatorDescription } from '../catalog/operators.js';
import { checkCreateInNamespace } from './create-checks.js';

type AnyNode = Record<string, any>;

function pos(sql: string, loc: number | undefined): string | undefined {
  return loc === undefined || loc < 0 ? undefined : String(charOffset(sql, loc) + 1);
}

function defValue(d: AnyNode): unknown {
  const a = d.arg;
  if (!a) return undefined;
  if (a.String) return a.String.sval;
  if (a.Boolean) return a.Boolean.boolval ?? false;
  if (a.Integer) return a.Integer.ival ?? 0;
  if (a.Float) return Number(a.Float.fval);
  return a;
}

interface RoutineOptions {
  language?: string;
  body?: string;
  bodyLocation?: number;
  volatility?: 'i' | 's' | 'v';
  strict?: boolean;
  securityDefiner?: boolean;
  leakproof?: boolean;
  parallel?: 's' | 'r' | 'u';
  cost?: number;
  rows?: number;
  config: string[];
}

function settingText(v: AnyNode): string {
  const args = (v.args ?? []) as AnyNode[];
  return args.map((a) => {
    const c = a.A_Const;
    if (c?.sval) return c.sval.sval ?? '';
    if (c?.ival) return String(c.ival.ival ?? 0);
    if (c?.fval) return c.fval.fval;
    return '';
  }).join(', ');
}

/** The types of a routine's input parameters (IN, INOUT, VARIADIC), as pg_proc.proargtypes lists them. */
function inputTypes(params: readonly { readonly mode: string; readonly type: number }[]): number[] {
  return params.filter((p) => p.mode === 'i' || p.mode === 'b' || p.mode === 'v').map((p) => p.type);
}

/** Attributes a procedure cannot have (compute_common_attribute's procedure_error). */
export const PROCEDURE_INVALID_ATTRIBUTES: ReadonlySet<string> = new Set(['volatility', 'strict', 'leakproof', 'cost', 'rows', 'support', 'parallel', 'window']);

/** 42P13 `invalid attribute in procedure definition` at the attribute. */
export function invalidProcedureAttribute(sql: string, location: number | undefined): PgError {
  return new PgError(SQLSTATE.invalid_function_definition, 'invalid attribute in procedure definition', { position: pos(sql, location) });
}

function readOptions(session: Session, n: AnyNode, sql: string): RoutineOptions {
  const o: RoutineOptions = { config: [] };
  const seen = new Set<string>();
  for (const item of (n.options ?? []) as AnyNode[]) {
    const d = item.DefElem;
    const name = d.defname as string;
    if (name !== 'set' && seen.has(name)) {
      throw new PgError(SQLSTATE.syntax_error, 'conflicting or redundant options', { position: pos(sql, d.location) });
    }
    seen.add(name);
    if (n.is_procedure && PROCEDURE_INVALID_ATTRIBUTES.has(name)) throw invalidProcedureAttribute(sql, d.location);
    switch (name) {
      case 'language':
        o.language = String(defValue(d)).toLowerCase();
        break;
      case 'as': {
        const items = (d.arg.List?.items ?? []) as AnyNode[];
        if (items.length !== 1) throw featureNotSupported('functions with an object file and link symbol (LANGUAGE C)');
        o.body = items[0].String.sval ?? '';
        o.bodyLocation = d.location;
        break;
      }
      case 'volatility': {
        const v = String(defValue(d));
        o.volatility = v === 'immutable' ? 'i' : v === 'stable' ? 's' : 'v';
        break;
      }
      case 'strict':
        o.strict = !!defValue(d);
        break;
      case 'security':
        o.securityDefiner = !!defValue(d);
        break;
      case 'leakproof':
        o.leakproof = !!defValue(d);
        break;
      case 'parallel': {
        const v = String(defValue(d));
        if (v !== 'safe' && v !== 'restricted' && v !== 'unsafe') {
          throw new PgError(SQLSTATE.invalid_parameter_value, 'parameter "parallel" must be SAFE, RESTRICTED, or UNSAFE');
        }
        o.parallel = v[0] as 's' | 'r' | 'u';
        break;
      }
      case 'cost':
        o.cost = Number(defValue(d));
        if (!(o.cost > 0)) throw new PgError(SQLSTATE.invalid_parameter_value, 'COST must be positive');
        break;
      case 'rows':
        o.rows = Number(defValue(d));
        if (!(o.rows > 0)) throw new PgError(SQLSTATE.invalid_parameter_value, 'ROWS must be positive');
        break;
      case 'set': {
        const v = d.arg.VariableSetStmt;
        if (v.kind !== 'VAR_SET_VALUE') throw featureNotSupported(`SET ${v.name} FROM CURRENT / RESET in a function definition`);
        const value = settingText(v);
        const key = String(v.name).toLowerCase();
        checkFunctionSetting(session, key, value);
        o.config = o.config.filter((c) => !c.startsWith(key + '='));
        o.config.push(`${key}=${value}`);
        break;
      }
      case 'window':
        throw featureNotSupported('WINDOW functions written in SQL or PL/pgSQL');
      case 'support':
        throw featureNotSupported('SUPPORT functions');
      default:
        throw featureNotSupported(`function option ${name}`);
    }
  }
  return o;
}

/** Leftmost location in a raw parse subtree. */
function minLocation(node: unknown): number | undefined {
  let best: number | undefined;
  const walk = (x: unknown): void => {
    if (!x || typeof x !== 'object') return;
    if (Array.isArray(x)) {
      for (const y of x) walk(y);
      return;
    }
    for (const [k, v] of Object.entries(x as Record<string, unknown>)) {
      if (k === 'location' && typeof v === 'number' && v >= 0) best = best === undefined ? v : Math.min(best, v);
      else walk(v);
    }
  };
  walk(node);
  return best;
}

/** The text of a SQL-standard body (BEGIN ATOMIC ... END, or RETURN expr) as statements. */
function standardBody(n: AnyNode, sql: string, st: RawStatement): string {
  const body = n.sql_body;
  const end = st.location + st.text.length;
  if (body.ReturnStmt) {
    const loc = minLocation(body.ReturnStmt.returnval);
    const from = loc === undefined ? end : charOffset(sql, loc);
    return 'SELECT ' + sql.slice(from, end).trim();
  }
  const text = st.text;
  const start = text.search(/\bbegin\s+atomic\b/i);
  const inner = text.slice(start).replace(/^begin\s+atomic/i, '');
  return inner.slice(0, inner.toLowerCase().lastIndexOf('end'));
}

/** Command tags of the utility statements a BEGIN ATOMIC body most often meets. */
const UTILITY_TAGS: Record<string, string> = {
  CreateStmt: 'CREATE TABLE', IndexStmt: 'CREATE INDEX', ViewStmt: 'CREATE VIEW', AlterTableStmt: 'ALTER TABLE', CallStmt: 'CALL',
  TruncateStmt: 'TRUNCATE TABLE', VariableSetStmt: 'SET', CreateFunctionStmt: 'CREATE FUNCTION', CreateSeqStmt: 'CREATE SEQUENCE',
  NotifyStmt: 'NOTIFY', DoStmt: 'DO', GrantStmt: 'GRANT', CreateSchemaStmt: 'CREATE SCHEMA', LockStmt: 'LOCK TABLE', CopyStmt: 'COPY',
};

/**
 * A BEGIN ATOMIC body holds only SELECT / INSERT / UPDATE / DELETE / MERGE (interpret_AS_clause).
 * @throws 0A000 `CREATE TABLE is not yet supported in unquoted SQL function body`.
 */
function checkStandardBodyStatements(body: AnyNode): void {
  const stmts: AnyNode[] = body.List ? ((body.List.items?.[0]?.List?.items ?? []) as AnyNode[]) : [body];
  for (const st of stmts) {
    const kind = Object.keys(st)[0];
    if (['SelectStmt', 'InsertStmt', 'UpdateStmt', 'DeleteStmt', 'MergeStmt', 'ReturnStmt'].includes(kind)) continue;
    const tag = UTILITY_TAGS[kind] ?? (kind === 'DropStmt' ? 'DROP' : kind.replace(/Stmt$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toUpperCase());
    throw new PgError(SQLSTATE.feature_not_supported, `${tag} is not yet supported in unquoted SQL function body`);
  }
}

function kindWord(kind: 'f' | 'p' | 'a'): string {
  return kind === 'p' ? 'procedure' : kind === 'a' ? 'aggregate function' : 'function';
}

/** CREATE [OR REPLACE] FUNCTION / PROCEDURE. */
export function createFunction(session: Session, n: AnyNode, sql: string, st: RawStatement): StatementResult {
  const isProcedure = !!n.is_procedure;
  const kind: 'f' | 'p' = isProcedure ? 'p' : 'f';
  const names = (n.funcname as AnyNode[]).map((x) => x.String.sval as string);
  const name = truncateIdentifier(names[names.length - 1]);
  const txn = session.transaction();
  const ns = creationNamespace(txn.catalog, session.searchPath(), { schema: names.length > 1 ? names[names.length - 2] : undefined, name }, undefined, () => tempNamespace(session, true) as number);
  checkCreateInNamespace(session, ns);
  const opts = readOptions(session, n, sql);
  const sig = interpretSignature(session, txn.catalog, n, sql, isProcedure);
  if (!opts.language) {
    if (n.sql_body) opts.language = 'sql';
    else throw new PgError(SQLSTATE.invalid_function_definition, 'no language specified');
  }
  if (opts.leakproof && !isSuperuser(txn.catalog, session.currentUser())) {
    throw new PgError(SQLSTATE.insufficient_privilege, 'only superuser can define a leakproof function');
  }
  if (n.sql_body && sig.argTypes.some(isPolymorphic)) {
    throw new PgError(SQLSTATE.invalid_function_definition, 'SQL function with unquoted function body cannot have polymorphic arguments');
  }
  const lang = opts.language;
  if (lang !== 'sql' && lang !== 'plpgsql') {
    if (lang === 'c' || lang === 'internal') throw featureNotSupported(`LANGUAGE ${lang}`);
    if (lang === 'plpython3u' || lang === 'plperl' || lang === 'pltcl' || lang === 'plv8' || lang === 'plperlu' || lang === 'plv8') {
      throw featureNotSupported(`LANGUAGE ${lang}`);
    }
    throw new PgError(SQLSTATE.undefined_object, `language "${lang}" does not exist`);
  }
  let body: string;
  let standard = false;
  if (n.sql_body) {
    if (opts.body !== undefined) throw new PgError(SQLSTATE.invalid_function_definition, 'duplicate function body specified');
    if (lang !== 'sql') throw new PgError(SQLSTATE.invalid_function_definition, 'inline SQL function body only valid for language SQL');
    checkStandardBodyStatements(n.sql_body);
    body = standardBody(n, sql, st);
    standard = true;
  } else if (opts.body === undefined) {
    throw new PgError(SQLSTATE.invalid_function_definition, 'no function body specified');
  } else body = opts.body;
  if (lang === 'sql' && (sig.returnType === OID.trigger || sig.returnType === OID.event_trigger)) {
    throw new PgError(SQLSTATE.invalid_function_definition, `SQL functions cannot return type ${sig.returnType === OID.trigger ? 'trigger' : 'event_trigger'}`);
  }
  if (lang === 'plpgsql' && sig.returnType === OID.event_trigger && sig.argTypes.length) {
    // (pl_comp.c's do_compile, run by the validator)
    const e = new PgError(SQLSTATE.invalid_function_definition, 'event trigger functions cannot have declared arguments', { where: `compilation of PL/pgSQL function "${name}" near line 1` });
    markContextDone(e);
    throw e;
  }
  const cat = txn.catalog;
  // Signatures compare input parameters only (pg_proc.proargtypes: a procedure's OUT ones do not count).
  const existing = cat.functionsIn(ns, name).find((f) => sameTypes(inputTypes(f.params), inputTypes(sig.params)));
  const def: FunctionDef = {
    oid: existing?.oid ?? session.db.newOid(),
    name,
    namespace: ns,
    owner: existing?.owner ?? session.currentUser(),
    kind,
    language: lang,
    params: sig.params,
    argTypes: sig.argTypes,
    returnType: sig.returnType,
    retset: sig.retset,
    volatility: opts.volatility ?? 'v',
    strict: opts.strict ?? false,
    securityDefiner: opts.securityDefiner ?? false,
    leakproof: opts.leakproof ?? false,
    parallel: opts.parallel ?? 'u',
    cost: opts.cost ?? (lang === 'sql' || lang === 'plpgsql' ? 100 : 1),
    rows: opts.rows ?? (sig.retset ? 1000 : 0),
    config: opts.config,
    body,
    sqlBody: standard ? [n.sql_body] : undefined,
  };
  if (opts.rows !== undefined && !sig.retset) throw new PgError(SQLSTATE.invalid_parameter_value, 'ROWS is not applicable when function does not return a set');
  if (existing) checkReplace(session, cat, existing, def, !!n.replace);
  // The function exists before its body is validated (it may call itself), as in Postgres; a
  // failing validation fails the statement, which takes the new catalog entry with it.
  const w = txn.catalogForWrite();
  w.putFunction(def);
  const mapper = standard ? undefined : bodyOffsetMapper(sql, opts.bodyLocation, body);
  // check_function_bodies = off (pg_dump sets it) postpones the checks to the first call; a
  // BEGIN ATOMIC body is still analyzed now, as Postgres parses it with the CREATE.
  if (standard || session.settings.get('check_function_bodies', true) !== 'off') {
    validateRoutineBody(session, def, st, (off: number) => (mapper ? String(charOffset(sql, mapper(off)) + 1) : undefined));
  }
  return commandResult(isProcedure ? 'CREATE PROCEDURE' : 'CREATE FUNCTION');
}

function checkReplace(session: Session, cat: Catalog, old: FunctionDef, def: FunctionDef, replace: boolean): void {
  if (!replace) {
    throw new PgError(SQLSTATE.duplicate_function, `function "${def.name}" already exists with same argument types`);
  }
  // (ProcedureCreate: replacing needs ownership, before any other check)
  checkOwner(cat, session.currentUser(), old.owner, 'function', old.name);
  const sig = routineSignature(cat, old, session.searchPath()).replace(/^.*?\(/, `${old.name}(`);
  const dropHint = `Use DROP ${old.kind === 'p' ? 'PROCEDURE' : 'FUNCTION'} ${sig} first.`;
  if (old.kind !== def.kind) {
    throw new PgError(SQLSTATE.wrong_object_type, 'cannot change routine kind', { detail: `"${old.name}" is ${old.kind === 'a' ? 'an' : 'a'} ${kindWord(old.kind)}.` });
  }
  if (old.returnType !== def.returnType || old.retset !== def.retset) {
    throw new PgError(SQLSTATE.invalid_function_definition, 'cannot change return type of existing function', { hint: dropHint });
  }
  const oldOuts = old.params.filter((p) => p.mode !== 'i' && p.mode !== 'v');
  const newOuts = def.params.filter((p) => p.mode !== 'i' && p.mode !== 'v');
  if (old.returnType === OID.record && (oldOuts.length !== newOuts.length || oldOuts.some((p, i) => p.type !== newOuts[i].type || p.name !== newOuts[i].name))) {
    throw new PgError(SQLSTATE.invalid_function_definition, 'cannot change return type of existing function', { detail: 'Row type defined by OUT parameters is different.', hint: dropHint });
  }
  const oldIn = old.params.filter((p) => p.mode === 'i' || p.mode === 'b' || p.mode === 'v');
  const newIn = def.params.filter((p) => p.mode === 'i' || p.mode === 'b' || p.mode === 'v');
  for (let i = 0; i < oldIn.length; i++) {
    if (oldIn[i].name && oldIn[i].name !== (newIn[i]?.name ?? '')) {
      throw new PgError(SQLSTATE.invalid_function_definition, `cannot change name of input parameter "${oldIn[i].name}"`, { hint: dropHint });
    }
  }
  const oldDefaults = oldIn.filter((p) => p.default).length;
  const newDefaults = newIn.filter((p) => p.default).length;
  if (newDefaults < oldDefaults) {
    throw new PgError(SQLSTATE.invalid_function_definition, 'cannot remove parameter defaults from existing function', { hint: dropHint });
  }
}

// ---------------------------------------------------------------------------------------------
// DROP FUNCTION / PROCEDURE / ROUTINE
// ---------------------------------------------------------------------------------------------

/** The words Postgres uses for a DROP of each kind. */
const DROP_KIND: Record<string, { word: string; tag: string; want?: 'f' | 'p' }> = {
  OBJECT_FUNCTION: { word: 'function', tag: 'DROP FUNCTION', want: 'f' },
  OBJECT_PROCEDURE: { word: 'procedure', tag: 'DROP PROCEDURE', want: 'p' },
  OBJECT_ROUTINE: { word: 'routine', tag: 'DROP ROUTINE' },
  OBJECT_AGGREGATE: { word: 'aggregate', tag: 'DROP AGGREGATE' },
};

function nameListText(tn: AnyNode): string {
  const base = (tn.names as AnyNode[]).map((x) => x.String.sval as string).join('.');
  return base + ((tn.arrayBounds as AnyNode[] | undefined)?.map(() => '[]').join('') ?? '');
}

/**
 * Finds the routine an ObjectWithArgs names (DROP, ALTER, COMMENT).
 * @returns undefined when missing and `missingOk` (after the NOTICE).
 */
export function lookupRoutine(session: Session, cat: Catalog, owa: AnyNode, objType: string, missingOk: boolean): FunctionDef | undefined {
  const k = DROP_KIND[objType] ?? DROP_KIND.OBJECT_FUNCTION;
  const names = (owa.objname as AnyNode[]).map((x) => x.String.sval as string);
  const name = names[names.length - 1];
  const schema = names.length > 1 ? explicitSchemaName(session.searchPath(), names[names.length - 2]) : undefined;
  if (schema !== undefined && cat.namespaceOid(schema) === undefined) {
    if (missingOk) {
      session.notice(new PgError(SQLSTATE.successful_completion, `schema "${schema}" does not exist, skipping`, { severity: 'NOTICE' }));
      return undefined;
    }
    throw new PgError(SQLSTATE.invalid_schema_name, `schema "${schema}" does not exist`);
  }
  const path = schema !== undefined ? [schema] : effectiveSearchPath(session.searchPath());
  const all: FunctionDef[] = [];
  for (const s of path) {
    const ns = cat.namespaceOid(s);
    if (ns !== undefined) all.push(...cat.functionsIn(ns, name));
  }
  const display = names.join('.');
  if (owa.args_unspecified) {
    const cands = all.filter((f) => !k.want || f.kind === k.want || (k.want === 'f' && f.kind === 'a'));
    if (cands.length === 1) return cands[0];
    if (cands.length === 0) {
      if (missingOk) {
        session.notice(new PgError(SQLSTATE.successful_completion, `${k.word} ${display}() does not exist, skipping`, { severity: 'NOTICE' }));
        return undefined;
      }
      throw new PgError(SQLSTATE.undefined_function, `could not find a ${k.word} named "${display}"`);
    }
    throw new PgError(SQLSTATE.ambiguous_function, `${k.word} name "${display}" is not unique`, {
      hint: `Specify the argument list to select the ${k.word} unambiguously.`,
    });
  }
  const params = ((owa.objfuncargs ?? []) as AnyNode[]).map((p) => p.FunctionParameter);
  if (missingOk) {
    const skip = missingTypeNotice(session, cat, params.map((p) => p.argType as AnyNode));
    if (skip) {
      skipNotice(session, skip);
      return undefined;
    }
  }
  const types = params.map((p) => ({ mode: p.mode as string, type: routineTypeName(session, cat, p.argType, '') }));
  const wantTypes = (procedure: boolean) => types.filter((t) => t.mode !== 'FUNC_PARAM_OUT' || procedure).map((t) => t.type);
  // LookupFuncWithArgs: first by input parameters; for PROCEDURE / ROUTINE written without any
  // parameter mode, also by all parameters (OUT included) among procedures: hits both ways on
  // different procedures are ambiguous.
  const inArgs = wantTypes(false);
  let found = all.find((f) => sameTypes(inputTypes(f.params), inArgs));
  if ((k.want === 'p' || objType === 'OBJECT_ROUTINE') && types.length && types.every((t) => t.mode === 'FUNC_PARAM_DEFAULT')) {
    const all2 = types.map((t) => t.type);
    const byAll = all.find((f) => f.kind === 'p' && sameTypes(f.params.filter((p) => p.mode !== 't').map((p) => p.type), all2));
    if (byAll && found && byAll !== found) throw new PgError(SQLSTATE.ambiguous_function, `${k.word} name "${display}" is not unique`);
    found = found ?? byAll;
  }
  if (found) {
    if (k.want && found.kind !== k.want && !(k.want === 'f' && found.kind === 'a')) {
      throw new PgError(SQLSTATE.wrong_object_type, `${routineSignature(cat, found, session.searchPath())} is not a ${k.word}`);
    }
    return found;
  }
  if (missingOk) {
    const argText = ((owa.objargs ?? []) as AnyNode[]).map((t) => nameListText(t.TypeName ?? t)).join(',');
    session.notice(new PgError(SQLSTATE.successful_completion, `${k.word} ${display}(${argText}) does not exist, skipping`, { severity: 'NOTICE' }));
    return undefined;
  }
  const argText = inArgs.map((t) => formatType(cat, t)).join(', ');
  throw new PgError(SQLSTATE.undefined_function, `${k.word} ${display}(${argText}) does not exist`);
}

/** DROP FUNCTION / PROCEDURE / ROUTINE [IF EXISTS] name[(args)], ... [CASCADE | RESTRICT]. */
export function dropRoutines(session: Session, n: AnyNode): StatementResult {
  const k = DROP_KIND[n.removeType as string];
  const txn = session.transaction();
  const defs: FunctionDef[] = [];
  for (const obj of n.objects as AnyNode[]) {
    const f = lookupRoutine(session, txn.catalog, obj.ObjectWithArgs, n.removeType, !!n.missing_ok);
    if (f?.kind === 'a') {
      throw new PgError(SQLSTATE.wrong_object_type, `"${f.name}" is an aggregate function`, { hint: 'Use DROP AGGREGATE to drop aggregate functions.' });
    }
    if (f) checkDropOwner(txn.catalog, session.currentUser(), f.owner, f.namespace, k.word, f.name);
    if (f?.constructsType !== undefined) {
      // A range type's constructor goes with the type (pg_depend 'i').
      const typ = formatType(txn.catalog, f.constructsType);
      throw new PgError(SQLSTATE.dependent_objects_still_exist, `cannot drop ${kindWord(f.kind)} ${routineSignature(txn.catalog, f, session.searchPath())} because type ${typ} requires it`, { hint: `You can drop type ${typ} instead.` });
    }
    if (f && !defs.includes(f)) defs.push(f);
  }
  if (!defs.length) return commandResult(k.tag);
  const cat = txn.catalogForWrite();
  const cascade = n.behavior === 'DROP_CASCADE';
  const deps: { describe: string; drop: () => void }[] = [];
  for (const f of defs) {
    for (const o of operatorsUsingFunction(cat, f.oid)) {
      deps.push({ describe: operatorDescription(cat, session.searchPath(), o), drop: () => removeOperator(cat, o.oid) });
    }
    for (const t of eventTriggersUsing(cat, f.oid)) deps.push({ describe: `event trigger ${t.name}`, drop: () => removeEventTrigger(cat, t.oid) });
    for (const t of cat.triggers.values()) {
      if (t.function !== f.oid) continue;
      const rel = cat.relation(t.relation);
      deps.push({ describe: `trigger ${t.name} on table ${rel.name}`, drop: () => cat.removeTrigger(t.oid) });
    }
    // Stored expressions calling it: column defaults, generated columns, CHECK constraints.
    for (const rel of cat.relations.values()) {
      if (rel.kind !== 'r') continue;
      for (const c of rel.columns) {
        if (c.dropped) continue;
        if (c.default && usesFunction(c.default.expr, f.oid)) {
          deps.push({ describe: `default value for column ${c.name} of table ${rel.name}`, drop: () => putColumn(cat, rel.oid, c.attnum, { default: undefined }) });
        }
        if (c.generated && usesFunction(c.generated.expr.expr, f.oid)) {
          deps.push({ describe: `column ${c.name} of table ${rel.name}`, drop: () => putColumn(cat, rel.oid, c.attnum, { dropped: true }) });
        }
      }
      for (const con of cat.relationConstraints(rel.oid)) {
        if (con.check && usesFunction(con.check.expr, f.oid)) deps.push({ describe: `constraint ${con.name} on table ${rel.name}`, drop: () => cat.removeConstraint(con.oid) });
      }
    }
  }
  if (deps.length && !cascade) {
    const first = defs[0];
    const sig = routineSignature(cat, first, session.searchPath());
    throw new PgError(SQLSTATE.dependent_objects_still_exist, `cannot drop ${kindWord(first.kind)} ${sig} because other objects depend on it`, {
      detail: deps.map((d) => `${d.describe} depends on ${kindWord(first.kind)} ${sig}`).join('\n'),
      hint: 'Use DROP ... CASCADE to drop the dependent objects too.',
    });
  }
  if (deps.length) {
    const lines = deps.map((d) => `drop cascades to ${d.describe}`);
    session.notice(new PgError(SQLSTATE.successful_completion, lines.length === 1 ? lines[0] : `drop cascades to ${lines.length} other objects`, {
      severity: 'NOTICE',
      ...(lines.length > 1 ? { detail: lines.join('\n') } : {}),
    }));
    for (const d of deps) d.drop();
  }
  for (const f of defs) cat.removeFunction(f.oid);
  return commandResult(k.tag);
}

/** Whether an analyzed expression calls the function `oid`. */
function usesFunction(e: unknown, oid: number): boolean {
  if (!e || typeof e !== 'object') return false;
  if (Array.isArray(e)) return e.some((x) => usesFunction(x, oid));
  const o = e as Record<string, unknown>;
  if ((o.kind === 'FuncExpr' || o.kind === 'OpExpr') && (o.fn as { oid?: number } | undefined)?.oid === oid) return true;
  for (const [k, v] of Object.entries(o)) if (k !== 'fn' && k !== 'agg' && k !== 'rel' && usesFunction(v, oid)) return true;
  return false;
}

function putColumn(cat: Catalog, relOid: number, attnum: number, change: Partial<import('../catalog/objects.js').ColumnDef>): void {
  const rel = cat.relation(relOid);
  cat.putRelation({ ...rel, columns: rel.columns.map((c) => (c.attnum === attnum ? { ...c, ...change } : c)) });
}

export { isPolymorphic };
