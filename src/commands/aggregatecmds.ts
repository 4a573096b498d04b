/**
 * CREATE [OR REPLACE] AGGREGATE (new and old syntax) and DROP AGGREGATE: a pg_proc row of kind
 * 'a' with its pg_aggregate facts (transition, final, combine functions, transition type,
 * initial value), checked as Postgres checks them.
 * Postgres counterpart: src/backend/commands/aggregatecmds.c (DefineAggregate),
 * catalog/pg_aggregate.c (AggregateCreate, lookup_agg_function).
 * Polymorphic argument and transition types are checked as AggregateCreate checks them (support
 * functions looked up with the polymorphic types as inputs); user-aggregates.ts binds them per call.
 * Known gaps (0A000): ordered-set and hypothetical-set aggregates, moving-aggregate mode
 * (MSFUNC / MINVFUNC / MSTYPE ...), SORTOP, internal transition types, internal or "any"
 * argument types, VARIADIC arguments; DROP AGGREGATE ... CASCADE of an aggregate a view uses.
 */
import { tempNamespace } from './temp-tables.js';
import { missingSchema, missingTypeNotice, skipNotice } from './drop-missing.js';
import type { Catalog } from '../catalog/catalog.js';
import type { AggregateFnRef, AggregateInfo, FunctionDef, FunctionParamDef } from '../catalog/objects.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Session } from '../session/session.js';
import { commandResult, type StatementResult } from '../session/dispatch.js';
import { creationNamespace } from '../analyze/relation.js';
import { functionCandidates } from '../analyze/func-candidates.js';
import { isPolymorphic } from '../analyze/func.js';
import { checkGenericTypeConsistency, checkValidPolymorphicSignature, enforceGenericTypeConsistency, isBinaryCoercible } from '../analyze/poly-consistency.js';
import { formatType, typeInfo } from '../types/registry.js';
import { DEFAULT_IO_CONTEXT } from '../types/type-io.js';
import { OID, sameTypes } from '../types/oids.js';
import { routineTypeName } from './function-params.js';
import { truncateIdentifier } from './naming.js';
import { builtinProcsNamed } from '../catalog/system/procs.js';
import { checkDropOwner, checkOwner } from '../catalog/acl.js';
import { checkCreateInNamespace } from './create-checks.js';
import { canCoerce } from '../analyze/coerce.js';
import { viewQuery } from '../catalog/ruleutils/viewdef.js';

type AnyNode = Record<string, any>;

const OPTIONS = new Set(['sfunc', 'stype', 'finalfunc', 'initcond', 'combinefunc', 'serialfunc', 'deserialfunc', 'finalfunc_extra', 'finalfunc_modify', 'parallel', 'basetype', 'sspace', 'msfunc', 'minvfunc', 'mstype', 'msspace', 'mfinalfunc', 'mfinalfunc_extra', 'mfinalfunc_modify', 'minitcond', 'sortop', 'hypothetical']);
const MOVING = ['msfunc', 'minvfunc', 'mstype', 'msspace', 'mfinalfunc', 'mfinalfunc_extra', 'mfinalfunc_modify', 'minitcond'];

const INTERNAL = 2281;

function typeNameParts(arg: AnyNode): string[] {
  if (arg.TypeName) return (arg.TypeName.names as AnyNode[]).map((x) => x.String.sval as string);
  if (arg.String) return [arg.String.sval as string];
  if (arg.List) return (arg.List.items as AnyNode[]).map((x) => x.String.sval as string);
  return [];
}

/** A DefElem's value as text (initcond = 0 or '0'). */
function defText(arg: AnyNode | undefined): string | undefined {
  if (!arg) return undefined;
  if (arg.String) return arg.String.sval as string;
  if (arg.Integer) return String(arg.Integer.ival ?? 0);
  if (arg.Float) return arg.Float.fval as string;
  if (arg.TypeName) return typeNameParts(arg).join('.');
  return undefined;
}

function defBool(arg: AnyNode | undefined): boolean {
  if (!arg) return true;
  const v = defText(arg)?.toLowerCase();
  return v === 'true' || v === 'on' || v === '1' || v === 'yes';
}

export function defineAggregate(session: Session, n: AnyNode, sql: string): StatementResult {
  const txn = session.transaction();
  const cat0 = txn.catalog;
  const names = (n.defnames as AnyNode[]).map((x) => x.String.sval as string);
  const opts = new Map<string, AnyNode | undefined>();
  for (const d of (n.definition ?? []) as AnyNode[]) {
    const e = d.DefElem;
    // sfunc1, stype1 and initcond1 are the obsolete spellings Postgres still accepts.
    const raw = String(e.defname).toLowerCase();
    const key = raw === 'sfunc1' || raw === 'stype1' || raw === 'initcond1' ? raw.slice(0, -1) : raw;
    if (!OPTIONS.has(key)) {
      session.notice(new PgError(SQLSTATE.syntax_error, `aggregate attribute "${e.defname}" not recognized`, { severity: 'WARNING' }));
      continue;
    }
    opts.set(key, e.arg);
  }
  if (!opts.has('stype')) throw new PgError(SQLSTATE.invalid_function_definition, 'aggregate stype must be specified');
  if (!opts.has('sfunc')) throw new PgError(SQLSTATE.invalid_function_definition, 'aggregate sfunc must be specified');
  if (MOVING.some((k) => opts.has(k))) throw featureNotSupported('moving-aggregate mode (MSFUNC / MINVFUNC / MSTYPE) of CREATE AGGREGATE');
  if (opts.has('sortop')) throw featureNotSupported('SORTOP of CREATE AGGREGATE');
  if (opts.has('hypothetical')) throw featureNotSupported('hypothetical-set aggregates');
  // Input types.
  const params: FunctionParamDef[] = [];
  if (n.oldstyle) {
    const base = opts.get('basetype');
    if (!base) throw new PgError(SQLSTATE.invalid_function_definition, 'aggregate input type must be specified');
    const parts = typeNameParts(base);
    if (!(parts.length === 1 && parts[0].toLowerCase() === 'any')) params.push({ name: '', type: routineTypeName(session, cat0, base.TypeName, sql), mode: 'i' });
  } else {
    if (opts.has('basetype')) throw new PgError(SQLSTATE.invalid_function_definition, 'basetype is redundant with aggregate input type specification');
    const [list, direct] = n.args as AnyNode[];
    if ((direct?.Integer?.ival ?? -1) !== -1) throw featureNotSupported('ordered-set aggregates');
    for (const p of (list?.List?.items ?? []) as AnyNode[]) {
      const fp = p.FunctionParameter;
      if (fp.mode === 'FUNC_PARAM_VARIADIC') throw featureNotSupported('VARIADIC aggregates');
      if (fp.mode === 'FUNC_PARAM_OUT' || fp.mode === 'FUNC_PARAM_INOUT' || fp.mode === 'FUNC_PARAM_TABLE') {
        throw new PgError(SQLSTATE.invalid_function_definition, 'aggregates cannot have output arguments');
      }
      if (fp.defexpr) throw new PgError(SQLSTATE.invalid_function_definition, 'aggregates cannot have default arguments');
      params.push({ name: fp.name ?? '', type: routineTypeName(session, cat0, fp.argType, sql), mode: 'i' });
    }
  }
  const argTypes = params.map((p) => p.type);
  if (argTypes.some((t) => t === INTERNAL || t === OID.any)) throw featureNotSupported('CREATE AGGREGATE with internal or "any" argument types');
  const stype = opts.get('stype')!;
  const transType = routineTypeName(session, cat0, stype.TypeName, sql);
  const tinfo = typeInfo(cat0, transType);
  if (transType === INTERNAL) throw featureNotSupported('CREATE AGGREGATE with an internal transition type');
  if (tinfo.typtype === 'p' && !isPolymorphic(transType)) throw new PgError(SQLSTATE.invalid_function_definition, `aggregate transition data type cannot be ${formatType(cat0, transType)}`);
  if (opts.has('serialfunc') || opts.has('deserialfunc')) {
    throw new PgError(SQLSTATE.invalid_function_definition, 'serialization functions may be specified only when the aggregate transition data type is internal');
  }
  const initVal = opts.has('initcond') ? (defText(opts.get('initcond')) ?? null) : null;
  // A polymorphic transition type's initial value is read per call, once the type is known.
  if (initVal !== null && tinfo.typtype !== 'p') tinfo.io.input(initVal, -1, DEFAULT_IO_CONTEXT);
  let parallel: 's' | 'r' | 'u' = 'u';
  if (opts.has('parallel')) {
    const p = defText(opts.get('parallel'))?.toLowerCase();
    if (p === 'safe') parallel = 's';
    else if (p === 'restricted') parallel = 'r';
    else if (p === 'unsafe') parallel = 'u';
    else throw new PgError(SQLSTATE.syntax_error, 'parameter "parallel" must be SAFE, RESTRICTED, or UNSAFE');
  }
  let finalModify: 'r' | 's' | 'w' = 'r';
  if (opts.has('finalfunc_modify')) {
    const m = defText(opts.get('finalfunc_modify'))?.toLowerCase();
    if (m === 'read_only') finalModify = 'r';
    else if (m === 'shareable') finalModify = 's';
    else if (m === 'read_write') finalModify = 'w';
    else throw new PgError(SQLSTATE.syntax_error, `parameter "finalfunc_modify" must be READ_ONLY, SHAREABLE, or READ_WRITE`);
  }
  const finalExtra = opts.has('finalfunc_extra') ? defBool(opts.get('finalfunc_extra')) : false;
  // AggregateCreate: the transition type must be deducible; the transition function, its result,
  // strictness; then the final and combine functions; the result must be deducible too.
  const transDetail = checkValidPolymorphicSignature(cat0, transType, argTypes);
  if (transDetail) throw new PgError(SQLSTATE.invalid_function_definition, 'cannot determine transition data type', { detail: transDetail });
  const transFn = lookupAggFunction(session, cat0, typeNameParts(opts.get('sfunc')!), [transType, ...argTypes]);
  if (transFn.returnType !== transType) {
    throw new PgError(SQLSTATE.datatype_mismatch, `return type of transition function ${transFn.name} is not ${formatType(cat0, transType)}`);
  }
  if (transFn.strict && initVal === null && (argTypes.length < 1 || !isBinaryCoercible(cat0, argTypes[0], transType))) {
    throw new PgError(SQLSTATE.invalid_function_definition, 'must not omit initial value when transition function is strict and transition type is not compatible with input type');
  }
  const finalFn = opts.has('finalfunc')
    ? lookupAggFunction(session, cat0, typeNameParts(opts.get('finalfunc')!), finalExtra ? [transType, ...argTypes] : [transType])
    : undefined;
  const returnType = finalFn ? finalFn.returnType : transType;
  const resultDetail = checkValidPolymorphicSignature(cat0, returnType, argTypes);
  if (resultDetail) throw new PgError(SQLSTATE.datatype_mismatch, 'cannot determine result data type', { detail: resultDetail });
  let combineFn: AggregateFnRef | undefined;
  if (opts.has('combinefunc')) {
    combineFn = lookupAggFunction(session, cat0, typeNameParts(opts.get('combinefunc')!), [transType, transType]);
    if (combineFn.returnType !== transType) {
      throw new PgError(SQLSTATE.datatype_mismatch, `return type of combine function ${combineFn.name} is not ${formatType(cat0, transType)}`);
    }
  }
  const name = truncateIdentifier(names[names.length - 1]);
  const ns = creationNamespace(cat0, session.searchPath(), { schema: names.length > 1 ? names[names.length - 2] : undefined, name }, undefined, () => tempNamespace(session, true) as number);
  checkCreateInNamespace(session, ns);
  const existing = cat0.functionsIn(ns, name).find((f) => sameTypes(f.argTypes, argTypes));
  if (existing) {
    if (!n.replace) throw new PgError(SQLSTATE.duplicate_function, `function "${name}" already exists with same argument types`);
    checkOwner(cat0, session.currentUser(), existing.owner, 'function', name);
    if (existing.kind !== 'a') {
      throw new PgError(SQLSTATE.wrong_object_type, 'cannot change routine kind', { detail: `"${name}" is ${existing.kind === 'p' ? 'a procedure' : 'a function'}.` });
    }
    if (existing.returnType !== returnType) {
      throw new PgError(SQLSTATE.invalid_function_definition, 'cannot change return type of existing function', { hint: `Use DROP AGGREGATE ${name}(${argTypes.map((t) => formatType(cat0, t)).join(', ')}) first.` });
    }
  }
  const aggregate: AggregateInfo = { transFn, finalFn, combineFn, transType, initVal, finalExtra, finalModify, transSpace: 0 };
  const def: FunctionDef = {
    oid: existing?.oid ?? session.db.newOid(),
    name,
    namespace: ns,
    owner: existing?.owner ?? session.currentUser(),
    kind: 'a',
    language: 'sql',
    params,
    argTypes,
    returnType,
    retset: false,
    volatility: 'i',
    strict: false,
    securityDefiner: false,
    leakproof: false,
    parallel,
    cost: 1,
    rows: 0,
    config: [],
    body: 'aggregate_dummy',
    aggregate,
    ...(existing?.acl ? { acl: existing.acl } : {}),
  };
  txn.catalogForWrite().putFunction(def);
  return commandResult('CREATE AGGREGATE');
}

/**
 * lookup_agg_function: the function `names` taking `inputs` (the transition type and the
 * aggregate's argument types, polymorphic ones as they are), found as a call would find it; its
 * result type refined by the polymorphic bindings; arguments must need no run-time coercion.
 */
function lookupAggFunction(session: Session, cat: Catalog, names: string[], inputs: readonly number[]): AggregateFnRef {
  const cands = functionCandidates(cat, session.searchPath(), names).filter((f) => !f.variadic && f.argTypes.length === inputs.length);
  let hit = cands.find((f) => sameTypes(f.argTypes, inputs));
  if (!hit) {
    const ok = cands.filter(
      (f) =>
        f.argTypes.every((t, i) => t === inputs[i] || t === OID.any || isPolymorphic(t) || canCoerce(cat, inputs[i], t, 'implicit')) &&
        checkGenericTypeConsistency(cat, inputs, f.argTypes),
    );
    // func_select_candidate, reduced: the candidate with the most exact argument matches.
    const exact = (f: { argTypes: readonly number[] }) => f.argTypes.filter((t, i) => t === inputs[i]).length;
    hit = ok.sort((x, y) => exact(y) - exact(x))[0];
  }
  const signature = (types: readonly number[]) => `${names.join('.')}(${types.map((t) => formatType(cat, t)).join(', ')})`;
  if (!hit) {
    // pg_proc functions fauxgres has no callable form of (int4pl, int8inc): not a missing function.
    if ((names.length === 1 || names[0] === 'pg_catalog') && builtinProcsNamed(names[names.length - 1]).length) {
      throw featureNotSupported(`built-in function ${names[names.length - 1]} as an aggregate support function`);
    }
    throw new PgError(SQLSTATE.undefined_function, `function ${signature(inputs)} does not exist`);
  }
  if (hit.retset) throw new PgError(SQLSTATE.datatype_mismatch, `function ${signature(inputs)} returns a set`);
  const returnType = enforceGenericTypeConsistency(cat, inputs, hit.argTypes, hit.returnType, true).returnType;
  // nodeAgg calls support functions without coercing their arguments.
  if (!inputs.every((t, i) => isBinaryCoercible(cat, t, hit.argTypes[i]))) {
    throw new PgError(SQLSTATE.datatype_mismatch, `function ${signature(hit.argTypes)} requires run-time type coercion`);
  }
  const user = hit.oid !== undefined ? cat.functions.get(hit.oid) : undefined;
  return {
    oid: hit.oid ?? 0,
    name: names[names.length - 1],
    ...(user ? {} : { builtin: hit }),
    argTypes: inputs,
    returnType,
    strict: hit.strict,
  };
}

/** DROP AGGREGATE [IF EXISTS] name(args | *), ... */
export function dropAggregates(session: Session, n: AnyNode): StatementResult {
  const txn = session.transaction();
  const cat0 = txn.catalog;
  const found: FunctionDef[] = [];
  for (const o of n.objects as AnyNode[]) {
    const owa = o.ObjectWithArgs as AnyNode;
    const names = (owa.objname as AnyNode[]).map((x) => x.String.sval as string);
    const argNodes = ((owa.objargs ?? []) as AnyNode[]).map((t) => (t.TypeName ?? t) as AnyNode);
    if (n.missing_ok) {
      const skip = missingSchema(session, cat0, names) !== undefined ? `schema "${missingSchema(session, cat0, names)}" does not exist, skipping` : missingTypeNotice(session, cat0, argNodes);
      if (skip) {
        skipNotice(session, skip);
        continue;
      }
    }
    const argTypes = argNodes.map((t) => routineTypeName(session, cat0, t, ''));
    const name = names[names.length - 1];
    const schema = names.length > 1 ? names[names.length - 2] : undefined;
    const path = schema !== undefined ? [schema] : ['pg_catalog', ...session.searchPath()];
    let def: FunctionDef | undefined;
    for (const s of path) {
      const ns = cat0.namespaceOid(s);
      if (ns === undefined) continue;
      def = cat0.functionsIn(ns, name).find((f) => sameTypes(f.argTypes, argTypes));
      if (def) break;
    }
    if (!def) {
      const shown = argTypes.map((t) => formatType(cat0, t)).join(', ');
      if (n.missing_ok) {
        const raw = argNodes.map((t) => (t.names as AnyNode[]).map((x) => x.String.sval as string).join('.') + ((t.arrayBounds as unknown[] | undefined)?.map(() => '[]').join('') ?? '')).join(',');
        session.notice(new PgError(SQLSTATE.successful_completion, `aggregate ${names.join('.')}(${raw}) does not exist, skipping`, { severity: 'NOTICE' }));
        continue;
      }
      throw new PgError(SQLSTATE.undefined_function, `aggregate ${names.join('.')}(${argNodes.length ? shown : '*'}) does not exist`);
    }
    if (def.kind !== 'a') throw new PgError(SQLSTATE.wrong_object_type, `function ${name}(${argTypes.map((t) => formatType(cat0, t)).join(', ')}) is not an aggregate`);
    checkDropOwner(cat0, session.currentUser(), def.owner, def.namespace, 'aggregate', def.name);
    found.push(def);
  }
  if (!found.length) return commandResult('DROP AGGREGATE');
  for (const def of found) {
    const users = viewsCalling(session, cat0, def.oid);
    if (users.length) {
      const sig = `${def.name}(${def.argTypes.map((t) => formatType(cat0, t)).join(', ')})`;
      if (n.behavior === 'DROP_CASCADE') throw featureNotSupported('DROP AGGREGATE ... CASCADE of an aggregate a view uses');
      throw new PgError(SQLSTATE.dependent_objects_still_exist, `cannot drop function ${sig} because other objects depend on it`, {
        detail: users.map((v) => `view ${v} depends on function ${sig}`).join('\n'),
        hint: 'Use DROP ... CASCADE to drop the dependent objects too.',
      });
    }
  }
  const cat = txn.catalogForWrite();
  for (const def of found) cat.removeFunction(def.oid);
  return commandResult('DROP AGGREGATE');
}

/** Views (and materialized views) whose query uses the aggregate `oid` (their analyzed queries). */
function viewsCalling(session: Session, cat: Catalog, oid: number): string[] {
  const out: string[] = [];
  const seen = new Set<object>();
  const uses = (node: unknown): boolean => {
    if (!node || typeof node !== 'object' || seen.has(node)) return false;
    seen.add(node);
    if (Array.isArray(node)) return node.some(uses);
    const o = node as AnyNode;
    if (o.kind === 'Aggref' && o.agg?.oid === oid) return true;
    for (const [k, v] of Object.entries(o)) if (k !== 'agg' && k !== 'fn' && typeof v === 'object' && uses(v)) return true;
    return false;
  };
  for (const r of cat.relations.values()) {
    if (!r.view) continue;
    let q: unknown;
    try {
      q = viewQuery(cat, session, r);
    } catch {
      continue;
    }
    if (uses(q)) out.push(r.name);
  }
  return out.sort();
}
