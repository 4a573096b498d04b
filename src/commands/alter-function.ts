/**
 * ALTER FUNCTION / PROCEDURE / ROUTINE / AGGREGATE: options (volatility, STRICT, SECURITY DEFINER,
 * LEAKPROOF, COST, ROWS, PARALLEL, SET / RESET), RENAME TO, SET SCHEMA, OWNER TO.
 *
 * Postgres counterpart: src/backend/commands/functioncmds.c (AlterFunction), alter.c
 * (ExecRenameStmt, ExecAlterObjectSchemaStmt, ExecAlterOwnerStmt).
 * ALTER AGGREGATE ... RENAME TO / SET SCHEMA / OWNER TO come here too (aggregates are pg_proc rows).
 */
import { sameTypes } from '../types/oids.js';
import { checkNamespace, checkOwner } from '../catalog/acl.js';
import { checkNewOwner } from './owner.js';
import { lookupRole } from './role-cmds.js';
import type { FunctionDef } from '../catalog/objects.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { NO_RESET, cannotReset, checkFunctionSetting } from './transaction-cmds.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Session } from '../session/session.js';
import { commandResult, type StatementResult } from '../session/dispatch.js';
import { formatType } from '../types/registry.js';
import { isSuperuser } from '../catalog/acl.js';
import { invalidProcedureAttribute, lookupRoutine, PROCEDURE_INVALID_ATTRIBUTES } from './functioncmds.js';
import { truncateIdentifier } from './naming.js';

type AnyNode = Record<string, any>;

const TAG: Record<string, string> = { OBJECT_FUNCTION: 'ALTER FUNCTION', OBJECT_PROCEDURE: 'ALTER PROCEDURE', OBJECT_ROUTINE: 'ALTER ROUTINE', OBJECT_AGGREGATE: 'ALTER AGGREGATE' };

/** Whether a statement is an ALTER / RENAME of a routine (handled here). */
export function isRoutineAlter(kind: string, n: AnyNode): boolean {
  const t = kind === 'RenameStmt' ? n.renameType : kind === 'AlterFunctionStmt' ? n.objtype : n.objectType;
  if (t === 'OBJECT_AGGREGATE' && kind === 'AlterFunctionStmt') return false;
  return (kind === 'AlterFunctionStmt' || kind === 'RenameStmt' || kind === 'AlterOwnerStmt' || kind === 'AlterObjectSchemaStmt') && t in TAG;
}

function settingText(v: AnyNode): string {
  return ((v.args ?? []) as AnyNode[]).map((a) => {
    const c = a.A_Const;
    if (c?.sval) return c.sval.sval ?? '';
    if (c?.ival) return String(c.ival.ival ?? 0);
    if (c?.fval) return c.fval.fval;
    return '';
  }).join(', ');
}

/** ALTER FUNCTION f(...) action ..., RENAME TO, SET SCHEMA, OWNER TO. */
export function alterRoutine(session: Session, kind: string, n: AnyNode, sql = ''): StatementResult {
  const objType: string = kind === 'RenameStmt' ? n.renameType : kind === 'AlterFunctionStmt' ? n.objtype : n.objectType;
  const owa = kind === 'AlterFunctionStmt' ? n.func : n.object.ObjectWithArgs;
  const txn = session.transaction();
  const f = lookupRoutine(session, txn.catalog, owa, objType, false) as FunctionDef;
  if (objType === 'OBJECT_AGGREGATE' && f.kind !== 'a') {
    throw new PgError(SQLSTATE.wrong_object_type, `function ${f.name}(${f.argTypes.map((t) => formatType(txn.catalog, t)).join(', ')}) is not an aggregate`);
  }
  const cat = txn.catalogForWrite();
  const user = session.currentUser();
  const word = f.kind === 'p' ? 'procedure' : 'function';
  const signature = (name: string) => `${word} ${name}(${f.argTypes.map((t) => formatType(cat, t)).join(', ')})`;
  // (RENAME / SET SCHEMA / OWNER TO name any routine a function in their ownership error, as
  // get_object_type does for pg_proc; ALTER FUNCTION's actions use the statement's word)
  const ownerWord = 'function';
  let next: FunctionDef = f;
  switch (kind) {
    case 'AlterFunctionStmt': {
      checkOwner(cat, user, f.owner, objType === 'OBJECT_PROCEDURE' ? 'procedure' : objType === 'OBJECT_ROUTINE' ? 'routine' : 'function', f.name);
      if (f.kind === 'a') throw new PgError(SQLSTATE.wrong_object_type, `"${f.name}" is an aggregate function`);
      let config = [...f.config];
      const seen = new Set<string>();
      for (const a of n.actions as AnyNode[]) {
        const d = a.DefElem;
        if (d.defname !== 'set' && seen.has(d.defname)) throw new PgError(SQLSTATE.syntax_error, 'conflicting or redundant options');
        seen.add(d.defname);
        if (f.kind === 'p' && PROCEDURE_INVALID_ATTRIBUTES.has(d.defname)) throw invalidProcedureAttribute(sql, d.location);
        const arg = d.arg;
        switch (d.defname) {
          case 'volatility': {
            const v = String(arg.String.sval);
            next = { ...next, volatility: v === 'immutable' ? 'i' : v === 'stable' ? 's' : 'v' };
            break;
          }
          case 'strict': next = { ...next, strict: !!arg.Boolean?.boolval }; break;
          case 'security': next = { ...next, securityDefiner: !!arg.Boolean?.boolval }; break;
          case 'leakproof':
            if (arg.Boolean?.boolval && !isSuperuser(cat, user)) throw new PgError(SQLSTATE.insufficient_privilege, 'only superuser can define a leakproof function');
            next = { ...next, leakproof: !!arg.Boolean?.boolval };
            break;
          case 'cost': next = { ...next, cost: Number(arg.Integer?.ival ?? arg.Float?.fval) }; break;
          case 'rows': next = { ...next, rows: Number(arg.Integer?.ival ?? arg.Float?.fval) }; break;
          case 'parallel': next = { ...next, parallel: String(arg.String.sval)[0] as 's' | 'r' | 'u' }; break;
          case 'set': {
            const v = arg.VariableSetStmt;
            if (v.kind === 'VAR_RESET_ALL') config = [];
            else if (v.kind === 'VAR_RESET') {
              if (NO_RESET.has(String(v.name).toLowerCase())) throw cannotReset(String(v.name).toLowerCase());
              config = config.filter((c) => !c.startsWith(String(v.name).toLowerCase() + '='));
            } else if (v.kind === 'VAR_SET_VALUE') {
              const key = String(v.name).toLowerCase();
              checkFunctionSetting(session, key, settingText(v), false);
              config = [...config.filter((c) => !c.startsWith(key + '=')), `${key}=${settingText(v)}`];
            } else throw featureNotSupported(`SET ${v.name} FROM CURRENT in ALTER FUNCTION`);
            break;
          }
          default:
            throw featureNotSupported(`ALTER FUNCTION ${d.defname}`);
        }
      }
      next = { ...next, config };
      break;
    }
    case 'RenameStmt': {
      // AlterObjectRename_internal: the owner, with CREATE on the schema; then the name.
      const name = truncateIdentifier(n.newname);
      checkOwner(cat, user, f.owner, ownerWord, f.name);
      checkNamespace(cat, user, f.namespace, 'C');
      if (cat.functionsIn(f.namespace, name).some((o) => o.oid !== f.oid && sameTypes(o.argTypes, f.argTypes))) {
        throw new PgError(SQLSTATE.duplicate_function, `${signature(name)} already exists in schema "${cat.namespaceName(f.namespace)}"`);
      }
      next = { ...f, name };
      break;
    }
    case 'AlterObjectSchemaStmt': {
      const ns = cat.namespaceOid(n.newschema);
      if (ns === undefined) throw new PgError(SQLSTATE.invalid_schema_name, `schema "${n.newschema}" does not exist`);
      if (ns === f.namespace) return commandResult(TAG[objType]);
      checkOwner(cat, user, f.owner, ownerWord, f.name);
      checkNamespace(cat, user, ns, 'C');
      if (cat.functionsIn(ns, f.name).some((o) => sameTypes(o.argTypes, f.argTypes))) {
        throw new PgError(SQLSTATE.duplicate_function, `${signature(f.name)} already exists in schema "${n.newschema}"`);
      }
      next = { ...f, namespace: ns };
      break;
    }
    case 'AlterOwnerStmt': {
      const role = lookupRole(session, cat, n.newowner);
      if (role.name === f.owner) return commandResult(TAG[objType]);
      checkOwner(cat, user, f.owner, ownerWord, f.name);
      checkNewOwner(session, cat, role.name, f.namespace);
      next = { ...f, owner: role.name };
      break;
    }
  }
  cat.putFunction(next);
  return commandResult(TAG[objType]);
}

