/**
 * What depends on a role (pg_shdepend): objects it owns and objects whose ACLs name it; DROP ROLE
 * lists them, ALTER ROLE RENAME follows the name, REASSIGN OWNED and DROP OWNED act on them.
 * Postgres counterpart: src/backend/catalog/pg_shdepend.c.
 * Known gaps: dependent objects are listed in OID order (Postgres: pg_shdepend scan order).
 */
import { routineSignature } from '../pl/signature.js';
import type { Catalog } from '../catalog/catalog.js';
import type { AclItem, RoleDef } from '../catalog/objects.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Session } from '../session/session.js';
import { commandResult, type StatementResult } from '../session/dispatch.js';
import { relationKindWord } from '../catalog/acl.js';
import { lookupRole } from './role-cmds.js';

type AnyNode = Record<string, any>;

function namesRole(acl: readonly AclItem[] | undefined, oid: number): boolean {
  return !!acl?.some((a) => a.grantee === oid || a.grantor === oid);
}

interface RoleObject {
  readonly oid: number;
  readonly describe: string;
  readonly owner: string;
  readonly acl?: readonly AclItem[];
  readonly columnAcls?: readonly { readonly name: string; readonly acl?: readonly AclItem[] }[];
}

function qualify(cat: Catalog, ns: number, name: string): string {
  const schema = cat.namespaceName(ns);
  return schema === 'public' || schema === 'pg_catalog' ? name : `${schema}.${name}`;
}

function roleObjects(cat: Catalog): RoleObject[] {
  const out: RoleObject[] = [];
  for (const ns of cat.namespaces.values()) {
    if (ns.oid < 16384 && ns.oid !== 2200) continue;
    out.push({ oid: ns.oid, describe: `schema ${ns.name}`, owner: ns.owner, acl: ns.acl });
  }
  for (const r of cat.relations.values()) {
    if (r.kind === 'i' || r.kind === 'c') continue;
    const what = relationKindWord(r);
    out.push({ oid: r.oid, describe: `${what} ${qualify(cat, r.namespace, r.name)}`, owner: r.owner, acl: r.acl, columnAcls: r.columns.filter((c) => !c.dropped && c.acl) });
  }
  for (const f of cat.functions.values()) {
    out.push({ oid: f.oid, describe: `${f.kind === 'p' ? 'procedure' : 'function'} ${routineSignature(cat, f, ['public'])}`, owner: f.owner, acl: f.acl });
  }
  for (const t of cat.types.values()) {
    if (t.elementType !== undefined || t.relation !== undefined) continue;
    out.push({ oid: t.oid, describe: `type ${qualify(cat, t.namespace, t.name)}`, owner: t.owner, acl: t.acl });
  }
  for (const lo of cat.largeObjects.values()) out.push({ oid: lo.oid, describe: `large object ${lo.oid}`, owner: lo.owner, acl: lo.acl });
  return out.sort((a, b) => a.oid - b.oid);
}

/** DROP ROLE's DETAIL lines: `owner of table t`, `privileges for schema s`, ... */
export function describeRoleDependents(cat: Catalog, role: RoleDef): string[] {
  const lines: string[] = [];
  const policies = [...cat.policies.values()].filter((p) => p.roles.includes(role.oid));
  const objects: (RoleObject | { oid: number; policy: string })[] = [...roleObjects(cat), ...policies.map((p) => ({ oid: p.oid, policy: `target of policy ${p.name} on table ${cat.relations.get(p.relation)?.name}` }))];
  for (const t of cat.eventTriggers.values()) if (t.owner === role.name) objects.push({ oid: t.oid, policy: `owner of event trigger ${t.name}` });
  objects.sort((a, b) => a.oid - b.oid);
  for (const o of objects) {
    if ('policy' in o) {
      lines.push(o.policy);
      continue;
    }
    if (o.owner === role.name) lines.push(`owner of ${o.describe}`);
    else if (namesRole(o.acl, role.oid)) lines.push(`privileges for ${o.describe}`);
    for (const c of o.columnAcls ?? []) if (namesRole(c.acl, role.oid)) lines.push(`privileges for column ${c.name} of ${o.describe}`);
  }
  if (namesRole(cat.databaseAcl, role.oid)) lines.unshift(`privileges for database postgres`);
  for (const m of cat.authMembers) {
    if (m.grantor === role.oid && m.role !== role.oid && m.member !== role.oid) lines.push(`privileges for membership of role ${cat.roles.get(m.member)?.name ?? m.member} in role ${cat.roles.get(m.role)?.name ?? m.role}`);
  }
  for (const d of cat.defaultAcls) if (d.role === role.oid || namesRole(d.acl, role.oid)) lines.push(`owner of default privileges on new ${DEFAULT_WORD[d.objtype]} belonging to role ${role.name}${d.namespace ? ` in schema ${cat.namespaceName(d.namespace)}` : ''}`);
  return lines;
}

const DEFAULT_WORD: Record<string, string> = { r: 'relations', S: 'sequences', f: 'functions', T: 'types', n: 'schemas', L: 'large objects' };

/** ALTER ROLE RENAME: owners are kept by name, so follow the rename. */
export function renameRoleReferences(cat: Catalog, from: string, to: string, oid: number): void {
  void oid;
  for (const ns of [...cat.namespaces.values()]) if (ns.owner === from) cat.putNamespace({ ...ns, owner: to });
  for (const r of [...cat.relations.values()]) if (r.owner === from) cat.putRelation({ ...r, owner: to });
  for (const f of [...cat.functions.values()]) if (f.owner === from) cat.putFunction({ ...f, owner: to });
  for (const t of [...cat.types.values()]) if (t.owner === from) cat.putType({ ...t, owner: to });
  for (const lo of [...cat.largeObjects.values()]) if (lo.owner === from) cat.largeObjects.set(lo.oid, { ...lo, owner: to });
}

/** Objects owned by `from` go to `to`; their ACLs name the new owner where they named the old (aclnewowner). */
function reassignObjects(cat: Catalog, from: RoleDef, to: RoleDef): void {
  const swap = (acl: readonly AclItem[] | undefined) =>
    acl?.map((a) => ({ ...a, grantee: a.grantee === from.oid ? to.oid : a.grantee, grantor: a.grantor === from.oid ? to.oid : a.grantor }));
  for (const ns of [...cat.namespaces.values()]) if (ns.owner === from.name) cat.putNamespace({ ...ns, owner: to.name, acl: swap(ns.acl) });
  for (const r of [...cat.relations.values()]) if (r.owner === from.name) cat.putRelation({ ...r, owner: to.name, acl: swap(r.acl) });
  for (const f of [...cat.functions.values()]) if (f.owner === from.name) cat.putFunction({ ...f, owner: to.name, acl: swap(f.acl) });
  for (const t of [...cat.types.values()]) if (t.owner === from.name) cat.putType({ ...t, owner: to.name, acl: swap(t.acl) });
  for (const lo of [...cat.largeObjects.values()]) if (lo.owner === from.name) cat.largeObjects.set(lo.oid, { ...lo, owner: to.name, acl: swap(lo.acl) });
}

/** REASSIGN OWNED BY old [, ...] TO new. */
export function reassignOwned(session: Session, n: AnyNode): StatementResult {
  const cat = session.transaction().catalogForWrite();
  const to = lookupRole(session, cat, n.newrole);
  const me = cat.role(session.currentUser());
  for (const spec of n.roles as AnyNode[]) {
    const from = lookupRole(session, cat, spec);
    if (!me?.superuser && from.name !== me?.name) {
      throw new PgError(SQLSTATE.insufficient_privilege, 'permission denied to reassign objects', { detail: `Only roles with privileges of role "${from.name}" may reassign objects owned by it.` });
    }
    reassignObjects(cat, from, to);
  }
  return commandResult('REASSIGN OWNED');
}

/** DROP OWNED BY role: its objects go, and its privileges are revoked everywhere. */
export function dropOwned(session: Session, n: AnyNode, dropObjects: (names: { kind: string; schema?: string; name: string }[]) => void): StatementResult {
  const cat = session.transaction().catalogForWrite();
  const roles = (n.roles as AnyNode[]).map((r) => lookupRole(session, cat, r));
  const names = new Set(roles.map((r) => r.name));
  const oids = new Set(roles.map((r) => r.oid));
  const strip = (acl: readonly AclItem[] | undefined) => (acl && acl.some((a) => oids.has(a.grantee)) ? acl.filter((a) => !oids.has(a.grantee)) : acl);
  const doomed: { kind: string; schema?: string; name: string }[] = [];
  for (const r of [...cat.relations.values()]) {
    if (names.has(r.owner) && r.kind !== 'i') {
      if (r.kind === 'S' && r.sequence?.ownedBy) continue;
      doomed.push({ kind: r.kind, schema: cat.namespaceName(r.namespace), name: r.name });
      continue;
    }
    const acl = strip(r.acl);
    const cols = r.columns.map((c) => (c.acl ? { ...c, acl: strip(c.acl) } : c));
    if (acl !== r.acl || cols.some((c, i) => c !== r.columns[i] && c.acl !== r.columns[i].acl)) cat.putRelation({ ...r, acl, columns: cols });
  }
  for (const ns of [...cat.namespaces.values()]) {
    const acl = strip(ns.acl);
    if (acl !== ns.acl) cat.putNamespace({ ...ns, acl });
  }
  for (const f of [...cat.functions.values()]) {
    if (names.has(f.owner)) throw featureNotSupported('DROP OWNED of functions');
    const acl = strip(f.acl);
    if (acl !== f.acl) cat.putFunction({ ...f, acl });
  }
  // Policies naming the role lose it; one naming only it goes (RemoveRoleFromObjectPolicy).
  for (const p of [...cat.policies.values()]) {
    if (!p.roles.some((r) => oids.has(r))) continue;
    const rest = p.roles.filter((r) => !oids.has(r));
    if (rest.length) cat.policies.set(p.oid, { ...p, roles: rest });
    else cat.policies.delete(p.oid);
  }
  for (const lo of [...cat.largeObjects.values()]) {
    if (names.has(lo.owner)) {
      cat.largeObjects.delete(lo.oid);
      cat.comments.delete(`2613.${lo.oid}.0`);
      continue;
    }
    const acl = strip(lo.acl);
    if (acl !== lo.acl) cat.largeObjects.set(lo.oid, { ...lo, acl });
  }
  // Memberships these roles granted go too.
  if (cat.authMembers.some((m) => oids.has(m.grantor))) cat.authMembers = cat.authMembers.filter((m) => !oids.has(m.grantor));
  if (doomed.length) dropObjects(doomed);
  for (const ns of [...session.transaction().catalogForWrite().namespaces.values()]) {
    if (names.has(ns.owner) && ns.oid >= 16384) dropObjects([{ kind: 'schema', name: ns.name }]);
  }
  return commandResult('DROP OWNED');
}
