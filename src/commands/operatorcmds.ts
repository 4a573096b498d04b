/**
 * CREATE OPERATOR (function, operand types, COMMUTATOR / NEGATOR with shell operators for the
 * ones not yet defined, RESTRICT / JOIN estimators by name, HASHES / MERGES), DROP OPERATOR,
 * ALTER OPERATOR ... SET (...) / OWNER TO / SET SCHEMA, and what DROP FUNCTION finds using a
 * function as an operator's.
 * Estimators are recorded only (fauxgres's planner has no selectivity model), and HASHES /
 * MERGES only mark the operator: joins with user operators run as nested loops.
 * Postgres counterpart: src/backend/commands/operatorcmds.c, src/backend/catalog/pg_operator.c.
 */
import { missingTypeNotice } from './drop-missing.js';
import type { Catalog } from '../catalog/catalog.js';
import type { OperatorObjectDef } from '../catalog/objects.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Session } from '../session/session.js';
import { commandResult, type StatementResult } from '../session/dispatch.js';
import { creationNamespace } from '../analyze/relation.js';
import { checkNamespace, checkOwner, isSuperuser, aclHolds, aclDefault, ownerOid, permissionDenied } from '../catalog/acl.js';
import { routineTypeName } from './function-params.js';
import { functionCandidates } from '../analyze/func-candidates.js';
import { formatType } from '../types/registry.js';
import { OID } from '../types/oids.js';
import { ESTIMATOR_NAMES } from '../catalog/system/operator-data.js';
import { builtinProcsNamed } from '../catalog/system/procs.js';
import { lookupOperator, operatorByOid, operatorDescription, operatorGet, operatorSignature, type OperatorInfo } from '../catalog/operators.js';
import { checkNewOwner } from './owner.js';
import { lookupRole } from './role-cmds.js';

type AnyNode = Record<string, any>;

/** pg_operator's OID (classoid of its comments and dependencies). */
export const PG_OPERATOR = 2617;

const ESTIMATOR_OIDS = new Map(Object.entries(ESTIMATOR_NAMES).map(([oid, name]) => [name, Number(oid)]));

function qualifiedName(arg: AnyNode | undefined): string[] {
  if (!arg) return [];
  if (arg.TypeName) return (arg.TypeName.names as AnyNode[]).map((x) => x.String.sval as string);
  if (arg.List) return (arg.List.items as AnyNode[]).map((x) => x.String.sval as string);
  if (arg.String) return [arg.String.sval as string];
  return [];
}

function defBoolean(d: AnyNode): boolean {
  const a = d.arg as AnyNode | undefined;
  if (!a) return true;
  const v = String(a.String?.sval ?? a.Integer?.ival ?? a.Boolean?.boolval ?? (a.TypeName ? qualifiedName(a).join('.') : '')).toLowerCase();
  if (['true', 'on', '1', 'yes'].includes(v)) return true;
  if (['false', 'off', '0', 'no'].includes(v)) return false;
  throw new PgError(SQLSTATE.syntax_error, `${d.defname} requires a Boolean value`);
}

/** validOperatorName (pg_operator.c): the characters and shapes the lexer reads as one operator. */
function validOperatorName(name: string): boolean {
  if (name.length === 0 || name.length >= 64) return false;
  if (!/^[~!@#^&|`?+\-*/%<>=]+$/.test(name)) return false;
  if (name.includes('/*') || name.includes('--')) return false;
  if (name.length > 1 && /[+-]$/.test(name) && !/[~!@#^&|`?%]/.test(name.slice(0, -1))) return false;
  return name !== '!=';
}

/** The estimator a RESTRICT / JOIN clause names (ValidateRestrictionEstimator / ValidateJoinEstimator). */
function estimatorOid(cat: Catalog, names: string[], join: boolean): number {
  const name = names[names.length - 1];
  const oid = names.length === 1 || names[0] === 'pg_catalog' ? ESTIMATOR_OIDS.get(name) : undefined;
  if (oid !== undefined) return oid;
  const args = join ? 'internal, oid, internal, smallint, internal' : 'internal, oid, internal, integer';
  void cat;
  throw new PgError(SQLSTATE.undefined_function, `function ${names.join('.')}(${args}) does not exist`);
}

/** LookupFuncName with exact argument types: a built-in or user function's OID. */
function lookupOperatorFunction(session: Session, cat: Catalog, names: string[], args: number[]): { oid: number; returnType: number; user: boolean } {
  const cands = functionCandidates(cat, session.searchPath(), names);
  const hit = cands.find((f) => f.argTypes.length === args.length && f.argTypes.every((t, i) => t === args[i]) && !f.variadic);
  if (!hit) throw new PgError(SQLSTATE.undefined_function, `function ${names.join('.')}(${args.map((t) => formatType(cat, t)).join(', ')}) does not exist`);
  if (hit.oid !== undefined && cat.functions.has(hit.oid)) {
    const def = cat.functions.get(hit.oid)!;
    const user = session.currentUser();
    if (!isSuperuser(cat, user) && !aclHolds(cat, def.acl ?? aclDefault('function', ownerOid(cat, def.owner)), user, 'X')) throw permissionDenied('function', names.join('.'));
    return { oid: hit.oid, returnType: hit.returnType, user: true };
  }
  const proc = builtinProcsNamed(hit.name).find((p) => p.fn === hit || (p.argTypes.length === args.length && p.argTypes.every((t, i) => t === args[i])));
  if (!proc) throw new PgError(SQLSTATE.feature_not_supported, `feature not supported: built-in function ${hit.name} as an operator's function`);
  return { oid: proc.oid, returnType: hit.returnType, user: false };
}

/** USAGE on a user-defined type (aclcheck_error_type); built-in types are usable by everyone. */
function checkTypeUsage(session: Session, cat: Catalog, oid: number): void {
  const t = cat.types.get(oid);
  const user = session.currentUser();
  if (!t || isSuperuser(cat, user)) return;
  const base = t.elementType !== undefined ? (cat.types.get(t.elementType) ?? t) : t;
  if (!aclHolds(cat, base.acl ?? aclDefault('type', ownerOid(cat, base.owner)), user, 'U')) throw permissionDenied('type', base.name);
}

function putOperator(cat: Catalog, o: OperatorObjectDef): void {
  cat.operators.set(o.oid, o);
}

/** A shell operator (OperatorShellMake) for a COMMUTATOR / NEGATOR not defined yet. */
function shellOperator(session: Session, cat: Catalog, names: string[], left: number, right: number): OperatorObjectDef {
  const ns = creationNamespace(cat, session.searchPath(), { schema: names.length > 1 ? names[names.length - 2] : undefined, name: names[names.length - 1] });
  const name = names[names.length - 1];
  if (!validOperatorName(name)) throw new PgError(SQLSTATE.invalid_name, `"${name}" is not a valid operator name`);
  checkNamespace(cat, session.currentUser(), ns, 'C');
  const o: OperatorObjectDef = {
    oid: session.db.newOid(), name, namespace: ns, owner: session.currentUser(), kind: left ? 'b' : 'l', left, right, result: 0, proc: 0,
    commutator: 0, negator: 0, restrict: 0, join: 0, canMerge: false, canHash: false,
  };
  putOperator(cat, o);
  return o;
}

/** get_other_operator: the commutator / negator, a shell made for it, or 0 for the operator itself. */
function otherOperator(session: Session, cat: Catalog, names: string[], left: number, right: number, self: { name: string; namespace: number; left: number; right: number }): number {
  const found = lookupOperator(cat, session.searchPath(), names, left, right);
  if (found) return found.oid;
  const ns = creationNamespace(cat, session.searchPath(), { schema: names.length > 1 ? names[names.length - 2] : undefined, name: names[names.length - 1] });
  if (names[names.length - 1] === self.name && ns === self.namespace && left === self.left && right === self.right) return 0;
  return shellOperator(session, cat, names, left, right).oid;
}

/** OperatorUpd: point the commutator / negator back at `base` (refusing one linked elsewhere). */
function linkOther(cat: Catalog, base: number, oid: number, field: 'commutator' | 'negator'): void {
  const t: OperatorInfo | undefined = cat.operators.get(oid) ?? operatorByOid(cat, oid);
  if (!t || t[field] === base) return;
  if (t[field] !== 0) {
    const third = operatorByOid(cat, t[field]);
    const word = field === 'commutator' ? 'commutator' : 'negator';
    throw new PgError(SQLSTATE.invalid_function_definition, `${word} operator ${t.name} is already the ${word} of operator ${third ? third.name : t[field]}`);
  }
  if (t.builtin) return; // built-in operators are not changed
  putOperator(cat, { ...(t as OperatorObjectDef), [field]: base });
}

/** OperatorValidateParams. */
function validateParams(left: number, right: number, result: number, p: { com: boolean; neg: boolean; rest: boolean; join: boolean; merge: boolean; hash: boolean }): void {
  const fail = (m: string) => new PgError(SQLSTATE.invalid_function_definition, m);
  if (!(left && right)) {
    if (p.com) throw fail('only binary operators can have commutators');
    if (p.join) throw fail('only binary operators can have join selectivity');
    if (p.merge) throw fail('only binary operators can merge join');
    if (p.hash) throw fail('only binary operators can hash');
  }
  if (result !== OID.bool) {
    if (p.neg) throw fail('only boolean operators can have negators');
    if (p.rest) throw fail('only boolean operators can have restriction selectivity');
    if (p.join) throw fail('only boolean operators can have join selectivity');
    if (p.merge) throw fail('only boolean operators can merge join');
    if (p.hash) throw fail('only boolean operators can hash');
  }
}

/** CREATE OPERATOR name (PROCEDURE = f, LEFTARG = t, RIGHTARG = t, ...). */
export function defineOperator(session: Session, n: AnyNode): StatementResult {
  const cat = session.transaction().catalogForWrite();
  const defnames = ((n.defnames ?? []) as AnyNode[]).map((x) => x.String.sval as string);
  const name = defnames[defnames.length - 1];
  const ns = creationNamespace(cat, session.searchPath(), { schema: defnames.length > 1 ? defnames[defnames.length - 2] : undefined, name });
  checkNamespace(cat, session.currentUser(), ns, 'C');
  let leftTn: AnyNode | undefined;
  let rightTn: AnyNode | undefined;
  let fnName: string[] | undefined;
  let comName: string[] | undefined;
  let negName: string[] | undefined;
  let restName: string[] | undefined;
  let joinName: string[] | undefined;
  let canHash = false;
  let canMerge = false;
  for (const item of (n.definition ?? []) as AnyNode[]) {
    const d = item.DefElem as AnyNode;
    switch (d.defname) {
      case 'leftarg':
      case 'rightarg': {
        const tn = d.arg?.TypeName as AnyNode;
        if (tn?.setof) throw new PgError(SQLSTATE.invalid_function_definition, 'SETOF type not allowed for operator argument');
        if (d.defname === 'leftarg') leftTn = tn;
        else rightTn = tn;
        break;
      }
      case 'function':
      case 'procedure':
        fnName = qualifiedName(d.arg);
        break;
      case 'commutator':
        comName = qualifiedName(d.arg);
        break;
      case 'negator':
        negName = qualifiedName(d.arg);
        break;
      case 'restrict':
        restName = qualifiedName(d.arg);
        break;
      case 'join':
        joinName = qualifiedName(d.arg);
        break;
      case 'hashes':
        canHash = defBoolean(d);
        break;
      case 'merges':
        canMerge = defBoolean(d);
        break;
      case 'sort1':
      case 'sort2':
      case 'ltcmp':
      case 'gtcmp':
        canMerge = true;
        break;
      default:
        session.notice(new PgError(SQLSTATE.syntax_error, `operator attribute "${d.defname}" not recognized`, { severity: 'WARNING' }));
    }
  }
  if (!fnName) throw new PgError(SQLSTATE.invalid_function_definition, 'operator function must be specified');
  const left = leftTn ? routineTypeName(session, cat, leftTn, '') : 0;
  const right = rightTn ? routineTypeName(session, cat, rightTn, '') : 0;
  if (!left && !right) throw new PgError(SQLSTATE.invalid_function_definition, 'operator argument types must be specified');
  if (!right) throw new PgError(SQLSTATE.invalid_function_definition, 'operator right argument type must be specified', { detail: 'Postfix operators are not supported.' });
  if (left) checkTypeUsage(session, cat, left);
  checkTypeUsage(session, cat, right);
  const fn = lookupOperatorFunction(session, cat, fnName, left ? [left, right] : [right]);
  checkTypeUsage(session, cat, fn.returnType);
  const rest = restName ? estimatorOid(cat, restName, false) : 0;
  const join = joinName ? estimatorOid(cat, joinName, true) : 0;
  if (!validOperatorName(name)) throw new PgError(SQLSTATE.invalid_name, `"${name}" is not a valid operator name`);
  validateParams(left, right, fn.returnType, { com: !!comName, neg: !!negName, rest: !!rest, join: !!join, merge: canMerge, hash: canHash });
  const existing = operatorGet(cat, ns, name, left, right);
  if (existing && existing.proc !== 0) throw new PgError(SQLSTATE.duplicate_function, `operator ${name} already exists`);
  if (existing) checkOwner(cat, session.currentUser(), existing.owner, 'operator', name);
  const oid = existing?.oid ?? session.db.newOid();
  const self = { name, namespace: ns, left, right };
  let com = 0;
  if (comName) {
    com = otherOperator(session, cat, comName, right, left, self);
    const c = operatorByOid(cat, com);
    if (c && !c.builtin) checkOwner(cat, session.currentUser(), c.owner, 'operator', comName.join('.'));
  }
  let neg = 0;
  if (negName) {
    neg = otherOperator(session, cat, negName, left, right, self);
    const c = operatorByOid(cat, neg);
    if (c && !c.builtin) checkOwner(cat, session.currentUser(), c.owner, 'operator', negName.join('.'));
    if (!neg || neg === oid) throw new PgError(SQLSTATE.invalid_function_definition, 'operator cannot be its own negator');
  }
  putOperator(cat, {
    oid, name, namespace: ns, owner: existing?.owner ?? session.currentUser(), kind: left ? 'b' : 'l', left, right, result: fn.returnType, proc: fn.oid,
    commutator: comName && !com ? oid : com, negator: neg, restrict: rest, join, canMerge, canHash,
  });
  if (comName) linkOther(cat, oid, com || oid, 'commutator');
  if (neg) linkOther(cat, oid, neg, 'negator');
  cat.bump();
  return commandResult('CREATE OPERATOR');
}

/** The operand types of `op(left, right)` in DROP / ALTER / COMMENT (NONE for a missing side). */
function operandTypes(session: Session, cat: Catalog, owa: AnyNode): [number, number] {
  const args = (owa.objargs ?? []) as AnyNode[];
  const l = args[0]?.TypeName ? routineTypeName(session, cat, args[0].TypeName, '') : 0;
  const r = args[1]?.TypeName ? routineTypeName(session, cat, args[1].TypeName, '') : 0;
  if (!r) throw new PgError(SQLSTATE.syntax_error, 'postfix operators are not supported');
  return [l, r];
}

/**
 * LookupOperWithArgs: the operator an ObjectWithArgs names.
 * @returns undefined when missing and `missingOk` (after the NOTICE).
 */
export function lookupOperatorWithArgs(session: Session, cat: Catalog, owa: AnyNode, missingOk: boolean): OperatorInfo | undefined {
  const names = (owa.objname as AnyNode[]).map((x) => x.String.sval as string);
  if (missingOk) {
    // (does_not_exist_skipping: a missing operand type or its schema is skipped too)
    const args = (owa.objargs ?? []) as AnyNode[];
    const t = args[1]?.TypeName ? missingTypeNotice(session, cat, [args[0]?.TypeName, args[1].TypeName]) : undefined;
    if (t) {
      session.notice(new PgError(SQLSTATE.successful_completion, t, { severity: 'NOTICE' }));
      return undefined;
    }
  }
  const [left, right] = operandTypes(session, cat, owa);
  const schema = names.length > 1 ? names[names.length - 2] : undefined;
  if (missingOk && schema !== undefined && cat.namespaceOid(schema) === undefined && schema !== 'pg_catalog') {
    session.notice(new PgError(SQLSTATE.successful_completion, `schema "${schema}" does not exist, skipping`, { severity: 'NOTICE' }));
    return undefined;
  }
  const o = lookupOperator(cat, session.searchPath(), names, left, right);
  if (o) return o;
  if (missingOk) {
    session.notice(new PgError(SQLSTATE.successful_completion, `operator ${names.join('.')} does not exist, skipping`, { severity: 'NOTICE' }));
    return undefined;
  }
  throw new PgError(SQLSTATE.undefined_function, `operator does not exist: ${operatorSignature(cat, names, left, right)}`);
}

/** Drops an operator, clearing its commutator's and negator's links back to it (OperatorUpd isDelete). */
export function removeOperator(cat: Catalog, oid: number): void {
  const o = cat.operators.get(oid);
  if (!o) return;
  cat.operators.delete(oid);
  cat.comments.delete(`${PG_OPERATOR}.${oid}.0`);
  for (const [other, field] of [[o.commutator, 'commutator'], [o.negator, 'negator']] as const) {
    const t = cat.operators.get(other);
    if (t && t[field] === oid) cat.operators.set(t.oid, { ...t, [field]: 0 });
  }
}

/** DROP OPERATOR [IF EXISTS] name(left, right), ... [CASCADE | RESTRICT]. */
export function dropOperators(session: Session, n: AnyNode): StatementResult {
  const cat = session.transaction().catalogForWrite();
  const found: OperatorInfo[] = [];
  for (const o of (n.objects ?? []) as AnyNode[]) {
    const op = lookupOperatorWithArgs(session, cat, o.ObjectWithArgs, !!n.missing_ok);
    if (!op) continue;
    if (op.builtin) {
      throw new PgError(SQLSTATE.dependent_objects_still_exist, `cannot drop ${operatorDescription(cat, session.searchPath(), op)} because it is required by the database system`);
    }
    // (named as written, NameListToString of the object name)
    checkOwner(cat, session.currentUser(), op.owner, 'operator', ((o.ObjectWithArgs.objname ?? []) as AnyNode[]).map((x) => x.String.sval as string).join('.'));
    found.push(op);
  }
  for (const op of found) removeOperator(cat, op.oid);
  cat.bump();
  return commandResult('DROP OPERATOR');
}

/** ALTER OPERATOR name(left, right) SET (RESTRICT | JOIN | COMMUTATOR | NEGATOR | HASHES | MERGES ...). */
export function alterOperator(session: Session, n: AnyNode): StatementResult {
  const cat = session.transaction().catalogForWrite();
  const op = lookupOperatorWithArgs(session, cat, n.opername, false)!;
  let rest: number | undefined;
  let join: number | undefined;
  let comName: string[] | undefined;
  let negName: string[] | undefined;
  let canHash: boolean | undefined;
  let canMerge: boolean | undefined;
  for (const item of (n.options ?? []) as AnyNode[]) {
    const d = item.DefElem as AnyNode;
    const names = qualifiedName(d.arg);
    const none = names.length === 1 && names[0].toLowerCase() === 'none';
    switch (d.defname) {
      case 'restrict':
        rest = !d.arg || none ? 0 : estimatorOid(cat, names, false);
        break;
      case 'join':
        join = !d.arg || none ? 0 : estimatorOid(cat, names, true);
        break;
      case 'commutator':
        comName = names;
        break;
      case 'negator':
        negName = names;
        break;
      case 'hashes':
        canHash = defBoolean(d);
        break;
      case 'merges':
        canMerge = defBoolean(d);
        break;
      case 'leftarg':
      case 'rightarg':
      case 'function':
      case 'procedure':
        throw new PgError(SQLSTATE.syntax_error, `operator attribute "${d.defname}" cannot be changed`);
      default:
        throw new PgError(SQLSTATE.syntax_error, `operator attribute "${d.defname}" not recognized`);
    }
  }
  if (op.builtin) throw new PgError(SQLSTATE.insufficient_privilege, `must be owner of operator ${op.name}`);
  checkOwner(cat, session.currentUser(), op.owner, 'operator', op.name);
  const self = { name: op.name, namespace: op.namespace, left: op.left, right: op.right };
  const findOther = (names: string[], l: number, r: number, word: string): number => {
    const o = lookupOperator(cat, session.searchPath(), names, l, r);
    if (o) return o.oid;
    if (names[names.length - 1] === self.name && l === self.left && r === self.right) return op.oid;
    throw new PgError(SQLSTATE.undefined_function, `operator does not exist: ${operatorSignature(cat, names, l, r)}`, word ? {} : {});
  };
  let com = op.commutator;
  let neg = op.negator;
  if (comName) {
    const c = findOther(comName, op.right, op.left, 'commutator');
    if (op.commutator && op.commutator !== c) throw new PgError(SQLSTATE.invalid_function_definition, `operator attribute "commutator" cannot be changed if it has already been set`);
    com = c;
  }
  if (negName) {
    const c = findOther(negName, op.left, op.right, 'negator');
    if (c === op.oid) throw new PgError(SQLSTATE.invalid_function_definition, 'operator cannot be its own negator');
    if (op.negator && op.negator !== c) throw new PgError(SQLSTATE.invalid_function_definition, `operator attribute "negator" cannot be changed if it has already been set`);
    neg = c;
  }
  const next = {
    ...op, restrict: rest ?? op.restrict, join: join ?? op.join, commutator: com, negator: neg,
    canHash: canHash ?? op.canHash, canMerge: canMerge ?? op.canMerge,
  };
  if (canHash === false && op.canHash) throw new PgError(SQLSTATE.invalid_function_definition, 'operator attribute "hashes" cannot be changed if it has already been set');
  if (canMerge === false && op.canMerge) throw new PgError(SQLSTATE.invalid_function_definition, 'operator attribute "merges" cannot be changed if it has already been set');
  validateParams(op.left, op.right, op.result, { com: !!com, neg: !!neg, rest: !!next.restrict, join: !!next.join, merge: next.canMerge, hash: next.canHash });
  const { builtin: _b, ...plain } = next as OperatorInfo;
  void _b;
  putOperator(cat, plain);
  if (comName && com !== op.oid) linkOther(cat, op.oid, com, 'commutator');
  if (negName) linkOther(cat, op.oid, neg, 'negator');
  cat.bump();
  return commandResult('ALTER OPERATOR');
}

/** ALTER OPERATOR name(left, right) OWNER TO role. */
export function operatorOwner(session: Session, n: AnyNode): StatementResult {
  const cat = session.transaction().catalogForWrite();
  const op = lookupOperatorWithArgs(session, cat, n.object.ObjectWithArgs ?? n.object, false)!;
  const role = lookupRole(session, cat, n.newowner);
  if (op.owner !== role.name) {
    checkOwner(cat, session.currentUser(), op.owner, 'operator', op.name);
    checkNewOwner(session, cat, role.name, op.namespace);
    if (!op.builtin) putOperator(cat, { ...(op as OperatorObjectDef), owner: role.name });
    cat.bump();
  }
  return commandResult('ALTER OPERATOR');
}

/** ALTER OPERATOR name(left, right) SET SCHEMA s. */
export function operatorSetSchema(session: Session, n: AnyNode): StatementResult {
  const cat = session.transaction().catalogForWrite();
  const op = lookupOperatorWithArgs(session, cat, n.object.ObjectWithArgs ?? n.object, !!n.missing_ok);
  if (!op) return commandResult('ALTER OPERATOR');
  checkOwner(cat, session.currentUser(), op.owner, 'operator', op.name);
  const ns = cat.namespaceOid(n.newschema);
  if (ns === undefined) throw new PgError(SQLSTATE.invalid_schema_name, `schema "${n.newschema}" does not exist`);
  checkNamespace(cat, session.currentUser(), ns, 'C');
  if (ns !== op.namespace) {
    if (operatorGet(cat, ns, op.name, op.left, op.right)) {
      throw new PgError(SQLSTATE.duplicate_function, `operator ${op.name}(${op.left ? formatType(cat, op.left) : 'NONE'}, ${formatType(cat, op.right)}) already exists in schema "${n.newschema}"`);
    }
    if (!op.builtin) putOperator(cat, { ...(op as OperatorObjectDef), namespace: ns });
    cat.bump();
  }
  return commandResult('ALTER OPERATOR');
}

/** The operators whose function is `fn` (DROP FUNCTION's dependents). */
export function operatorsUsingFunction(cat: Catalog, fn: number): OperatorObjectDef[] {
  return [...cat.operators.values()].filter((o) => o.proc === fn);
}
