/**
 * Ownership: ALTER TABLE / VIEW / SEQUENCE ... OWNER TO, ALTER SCHEMA / TYPE / LARGE OBJECT ... OWNER TO, the
 * ownership check of ALTER / DROP / COMMENT / CREATE INDEX / CREATE TRIGGER, and ALTER TABLE ...
 * ENABLE / DISABLE / FORCE / NO FORCE ROW LEVEL SECURITY.
 * Postgres counterpart: tablecmds.c (ATExecChangeOwner, ATExecSetRowSecurity), aclchk.c (object_ownercheck),
 * alter.c (AlterObjectOwner_internal).
 */
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Session } from '../session/session.js';
import { commandResult, type StatementResult } from '../session/dispatch.js';
import type { Catalog } from '../catalog/catalog.js';
import type { RelationDef } from '../catalog/objects.js';
import { aclHolds, checkOwner, isSuperuser, namespaceAcl, rolesOf, relationKindWord, mustBeOwner } from '../catalog/acl.js';
import { lookupRole } from './role-cmds.js';
import { lookupTypeName } from './grant-types.js';

type AnyNode = Record<string, any>;

/** Raises `must be owner of table t` unless the current role owns the relation. */
export function checkRelationOwner(session: Session, cat: Catalog, rel: RelationDef): void {
  const user = session.currentUser();
  if (user === rel.owner || isSuperuser(cat, user)) return;
  checkOwner(cat, user, rel.owner, relationKindWord(rel), rel.name);
}

/** The checks of giving an object to `newOwner`: SET ROLE to it, and CREATE on the schema. */
/** AlterObjectOwner_internal's checks on the new owner: SET ROLE to it, and CREATE on the schema. */
export function checkNewOwner(session: Session, cat: Catalog, newOwner: string, namespace: number | undefined): void {
  const user = session.currentUser();
  if (isSuperuser(cat, user)) return;
  const me = cat.role(user);
  const target = cat.role(newOwner)!;
  if (!me || !rolesOf(cat, me.oid, 'set').has(target.oid)) throw new PgError(SQLSTATE.insufficient_privilege, `must be able to SET ROLE "${newOwner}"`);
  if (namespace !== undefined && !aclHolds(cat, namespaceAcl(cat, namespace), newOwner, 'C')) {
    throw new PgError(SQLSTATE.insufficient_privilege, `permission denied for schema ${cat.namespaceName(namespace)}`);
  }
}

/** ALTER TABLE subcommands of this file; false when `cmd` is not one of them. */
export function alterTableRoleCmd(session: Session, cat: Catalog, rel: RelationDef, cmd: AnyNode): boolean {
  switch (cmd.subtype) {
    case 'AT_ChangeOwner': {
      const role = lookupRole(session, cat, cmd.newowner);
      if (rel.kind === 'S' && rel.sequence?.ownedBy && role.name !== rel.owner) {
        const table = cat.relations.get(rel.sequence.ownedBy.relation);
        throw new PgError(SQLSTATE.feature_not_supported, `cannot change owner of sequence "${rel.name}"`, { detail: `Sequence "${rel.name}" is linked to table "${table?.name}".` });
      }
      if (role.name === rel.owner) return true;
      checkRelationOwner(session, cat, rel);
      checkNewOwner(session, cat, role.name, rel.namespace);
      const swap = (r: RelationDef) => cat.putRelation({ ...r, owner: role.name, ...(r.acl ? { acl: r.acl.map((a) => swapRole(cat, a, rel.owner, role.name)) } : {}) });
      swap(rel);
      // Indexes and owned sequences follow their table.
      for (const r of [...cat.relations.values()]) {
        if ((r.kind === 'i' && r.index?.relation === rel.oid) || (r.kind === 'S' && r.sequence?.ownedBy?.relation === rel.oid)) swap(r);
      }
      const rowType = cat.types.get(rel.rowType);
      if (rowType) cat.putType({ ...rowType, owner: role.name });
      return true;
    }
    case 'AT_EnableRowSecurity':
    case 'AT_DisableRowSecurity':
    case 'AT_ForceRowSecurity':
    case 'AT_NoForceRowSecurity': {
      checkRelationOwner(session, cat, rel);
      const r = cat.relation(rel.oid);
      if (cmd.subtype === 'AT_EnableRowSecurity') cat.putRelation({ ...r, rlsEnabled: true });
      else if (cmd.subtype === 'AT_DisableRowSecurity') cat.putRelation({ ...r, rlsEnabled: false });
      else if (cmd.subtype === 'AT_ForceRowSecurity') cat.putRelation({ ...r, rlsForced: true });
      else cat.putRelation({ ...r, rlsForced: false });
      return true;
    }
    default:
      return false;
  }
}

/** An aclitem with the old owner's OID replaced by the new owner's (aclnewowner). */
function swapRole(cat: Catalog, a: import('../catalog/objects.js').AclItem, from: string, to: string): import('../catalog/objects.js').AclItem {
  const f = cat.roleByName.get(from);
  const t = cat.roleByName.get(to);
  if (f === undefined || t === undefined) return a;
  return { ...a, grantee: a.grantee === f ? t : a.grantee, grantor: a.grantor === f ? t : a.grantor };
}

/** ALTER SCHEMA / TYPE / DOMAIN ... OWNER TO (functions go through alter-function.ts). */
export function alterOwner(session: Session, n: AnyNode): StatementResult {
  const cat = session.transaction().catalogForWrite();
  const role = lookupRole(session, cat, n.newowner);
  const user = session.currentUser();
  switch (n.objectType) {
    case 'OBJECT_SCHEMA': {
      const name = n.object.String.sval as string;
      const oid = cat.namespaceOid(name);
      if (oid === undefined) throw new PgError(SQLSTATE.invalid_schema_name, `schema "${name}" does not exist`);
      const ns = cat.namespaces.get(oid)!;
      if (ns.owner !== role.name) {
        if (!isSuperuser(cat, user) && !(ns.owner === user || checkOwnerOk(cat, user, ns.owner))) throw mustBeOwner('schema', name);
        checkNewOwner(session, cat, role.name, undefined);
        if (!isSuperuser(cat, user) && !aclHolds(cat, cat.databaseAcl ?? [{ grantee: 10, grantor: 10, privs: 'CTc', grantable: '' }], user, 'C')) {
          throw new PgError(SQLSTATE.insufficient_privilege, `permission denied for database ${session.databaseName()}`);
        }
        cat.putNamespace({ ...ns, owner: role.name, ...(ns.acl ? { acl: ns.acl.map((a) => swapRole(cat, a, ns.owner, role.name)) } : {}) });
      }
      return commandResult('ALTER SCHEMA');
    }
    case 'OBJECT_TYPE':
    case 'OBJECT_DOMAIN': {
      const t = lookupTypeName(session, cat, { names: n.object.List.items });
      if (t.owner !== role.name) {
        if (!isSuperuser(cat, user) && !checkOwnerOk(cat, user, t.owner)) throw mustBeOwner('type', t.name);
        checkNewOwner(session, cat, role.name, t.namespace);
        cat.putType({ ...t, owner: role.name });
        if (t.arrayType !== undefined) {
          const arr = cat.types.get(t.arrayType);
          if (arr) cat.putType({ ...arr, owner: role.name });
        }
      }
      return commandResult(n.objectType === 'OBJECT_DOMAIN' ? 'ALTER DOMAIN' : 'ALTER TYPE');
    }
    case 'OBJECT_LARGEOBJECT': {
      const oid = Number(n.object.Integer?.ival ?? n.object.Float?.fval ?? 0);
      const lo = cat.largeObjects.get(oid);
      if (!lo) throw new PgError(SQLSTATE.undefined_object, `large object ${oid} does not exist`);
      if (lo.owner !== role.name) {
        if (!isSuperuser(cat, user) && !checkOwnerOk(cat, user, lo.owner)) throw mustBeOwner('large object', String(oid));
        checkNewOwner(session, cat, role.name, undefined);
        cat.largeObjects.set(oid, { ...lo, owner: role.name, ...(lo.acl ? { acl: lo.acl.map((a) => swapRole(cat, a, lo.owner, role.name)) } : {}) });
      }
      return commandResult('ALTER LARGE OBJECT');
    }
    default:
      throw featureNotSupported(`ALTER ${String(n.objectType).replace('OBJECT_', '')} ... OWNER TO`);
  }
}

function checkOwnerOk(cat: Catalog, user: string, owner: string): boolean {
  try {
    checkOwner(cat, user, owner, '', '');
    return true;
  } catch {
    return false;
  }
}
