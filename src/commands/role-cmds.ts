/**
 * CREATE / ALTER / DROP ROLE (and USER, GROUP), GRANT / REVOKE role membership, and the checks
 * behind SET ROLE / SET SESSION AUTHORIZATION.
 * Postgres counterpart: src/backend/commands/user.c, src/backend/utils/misc/superuser.c,
 * variable.c (check_role, check_session_authorization).
 * Known gaps: roles are per database (Postgres's are cluster-wide); passwords are kept as given.
 */
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Session } from '../session/session.js';
import { commandResult, type StatementResult } from '../session/dispatch.js';
import type { Catalog } from '../catalog/catalog.js';
import type { AclItem, RoleDef } from '../catalog/objects.js';
import { BOOTSTRAP_SUPERUSER, isSuperuser, roleNameOf, rolesOf } from '../catalog/acl.js';
import { registerRoleName, roleOid } from '../catalog/system/common.js';
import { describeRoleDependents, renameRoleReferences } from './role-deps.js';
import { addRoleMembers, checkMembershipAuthorization, checkRoleGrantor, deleteRoleMembers } from './role-grants.js';

type AnyNode = Record<string, any>;

function writable(session: Session): Catalog {
  return session.transaction().catalogForWrite();
}

/** A RoleSpec's role name (CURRENT_USER, SESSION_USER, or a name); PUBLIC where allowed is ''. */
export function roleSpecName(session: Session, spec: AnyNode, allowPublic = false): string {
  const s = spec.RoleSpec ?? spec;
  switch (s.roletype) {
    case 'ROLESPEC_CURRENT_USER':
    case 'ROLESPEC_CURRENT_ROLE':
      return session.currentUser();
    case 'ROLESPEC_SESSION_USER':
      return session.sessionUser();
    case 'ROLESPEC_PUBLIC':
      if (allowPublic) return '';
      throw new PgError(SQLSTATE.undefined_object, 'role "public" does not exist');
  }
  return s.rolename as string;
}

/** The role a RoleSpec names, or 42704. */
export function lookupRole(session: Session, cat: Catalog, spec: AnyNode): RoleDef {
  const name = roleSpecName(session, spec);
  const r = cat.role(name);
  if (!r) throw new PgError(SQLSTATE.undefined_object, `role "${name}" does not exist`);
  return r;
}

function checkReservedName(name: string, position?: string): void {
  if (name === 'public' || name === 'none') throw new PgError(SQLSTATE.reserved_name, `role name "${name}" is reserved`, { position });
  if (name.startsWith('pg_')) throw new PgError(SQLSTATE.reserved_name, `role name "${name}" is reserved`, { detail: 'Role names starting with "pg_" are reserved.' });
}

function currentRole(session: Session, cat: Catalog): RoleDef | undefined {
  return cat.role(session.currentUser());
}

/** Whether the current role may administer `role` (superuser, or ADMIN OPTION on it, PG 16's rules). */
function canAdmin(session: Session, cat: Catalog, role: RoleDef): boolean {
  const me = currentRole(session, cat);
  if (!me) return false;
  if (me.superuser) return true;
  for (const m of cat.authMembers) if (m.role === role.oid && m.admin && rolesOf(cat, me.oid, 'member').has(m.member)) return true;
  return false;
}

interface RoleOptions {
  attrs: { -readonly [K in keyof Omit<RoleDef, 'oid' | 'name' | 'config'>]?: RoleDef[K] };
  inRoles: AnyNode[];
  members: AnyNode[];
  admins: AnyNode[];
}

function readOptions(options: AnyNode[] | undefined, sql: string): RoleOptions {
  const out: RoleOptions = { attrs: {}, inRoles: [], members: [], admins: [] };
  for (const o of options ?? []) {
    const d = o.DefElem;
    const b = d.arg?.Boolean?.boolval === true;
    switch (d.defname) {
      case 'superuser': out.attrs.superuser = b; break;
      case 'inherit': out.attrs.inherit = b; break;
      case 'createrole': out.attrs.createRole = b; break;
      case 'createdb': out.attrs.createDb = b; break;
      case 'canlogin': out.attrs.canLogin = b; break;
      case 'isreplication': out.attrs.replication = b; break;
      case 'bypassrls': out.attrs.bypassRls = b; break;
      case 'connectionlimit': out.attrs.connLimit = d.arg?.Integer?.ival ?? 0; break;
      case 'password': out.attrs.password = d.arg ? (d.arg.String?.sval as string) : null; break;
      case 'validUntil': out.attrs.validUntil = d.arg?.String?.sval as string; break;
      case 'addroleto': out.inRoles.push(...(d.arg.List.items as AnyNode[])); break;
      case 'rolemembers': out.members.push(...(d.arg.List.items as AnyNode[])); break;
      case 'adminmembers': out.admins.push(...(d.arg.List.items as AnyNode[])); break;
      case 'sysid': break;
      default:
        void sql;
        throw featureNotSupported(`role option ${d.defname}`);
    }
  }
  return out;
}

export function createRole(session: Session, n: AnyNode, sql: string): StatementResult {
  const cat = writable(session);
  const name = n.role as string;
  const me = currentRole(session, cat);
  if (!me?.superuser && !me?.createRole) {
    throw new PgError(SQLSTATE.insufficient_privilege, 'permission denied to create role', { detail: 'Only roles with the CREATEROLE attribute may create roles.' });
  }
  checkReservedName(name);
  if (cat.role(name)) throw new PgError(SQLSTATE.duplicate_object, `role "${name}" already exists`);
  const o = readOptions(n.options, sql);
  if ((n.options as AnyNode[] | undefined)?.some((x) => x.DefElem.defname === 'sysid')) {
    session.notice(new PgError(SQLSTATE.successful_completion, 'SYSID can no longer be specified', { severity: 'NOTICE' }));
  }
  if (!me.superuser) {
    // (user.c CreateRole: an attribute may be given only by a role that has it)
    const attr = o.attrs.superuser ? 'SUPERUSER'
      : o.attrs.createDb && !me.createDb ? 'CREATEDB'
        : o.attrs.replication && !me.replication ? 'REPLICATION'
          : o.attrs.bypassRls && !me.bypassRls ? 'BYPASSRLS' : undefined;
    if (attr) throw new PgError(SQLSTATE.insufficient_privilege, 'permission denied to create role', { detail: `Only roles with the ${attr} attribute may create roles with the ${attr} attribute.` });
  }
  const isUser = n.stmt_type === 'ROLESTMT_USER';
  const role: RoleDef = {
    oid: freshRoleOid(name), name, superuser: false, inherit: true, createRole: false, createDb: false, canLogin: isUser, replication: false,
    bypassRls: false, connLimit: -1, password: null, validUntil: null, config: [], ...o.attrs,
  };
  cat.putRole(role);
  // A non-superuser creator administers what it creates (PG 16: an implicit ADMIN grant from the bootstrap superuser).
  if (!me.superuser) {
    addMember(cat, role.oid, me.oid, BOOTSTRAP_SUPERUSER, { admin: true, inherit: false, set: false });
    // createrole_self_grant: the creator also grants the role to itself with those options.
    const self = (session.getSetting('createrole_self_grant', true) ?? '').toLowerCase().split(',').map((x) => x.trim()).filter(Boolean);
    if (self.length) addMember(cat, role.oid, me.oid, me.oid, { admin: false, inherit: self.includes('inherit'), set: self.includes('set') });
  }
  // IN ROLE: only roles the creator may grant (check_role_membership_authorization).
  for (const r of o.inRoles) {
    const target = lookupRole(session, cat, r);
    checkMembershipAuthorization(cat, session.currentUser(), me.oid, target, true);
    grantMembership(session, cat, target, role, {}, true);
  }
  for (const m of o.members) grantMembership(session, cat, role, lookupRole(session, cat, m), {}, true);
  for (const m of o.admins) grantMembership(session, cat, role, lookupRole(session, cat, m), { admin: true }, true);
  cat.bump();
  return commandResult('CREATE ROLE');
}

let roleOidSeq = 0;
function freshRoleOid(name: string): number {
  void roleOidSeq;
  return roleOid(name);
}

function addMember(cat: Catalog, role: number, member: number, grantor: number, opts: { admin: boolean; inherit: boolean; set: boolean }): void {
  const existing = cat.authMembers.find((m) => m.role === role && m.member === member && m.grantor === grantor);
  if (existing) {
    cat.authMembers = cat.authMembers.map((m) => (m === existing ? { ...m, ...opts } : m));
    return;
  }
  const oid = 16384 * 32 + cat.authMembers.length + (cat.authMembers.at(-1)?.oid ?? 0) % 100000;
  cat.authMembers = [...cat.authMembers, { oid, role, member, grantor, ...opts }];
}

function grantMembership(session: Session, cat: Catalog, role: RoleDef, member: RoleDef, o: { admin?: boolean; inherit?: boolean; set?: boolean }, fresh = false): void {
  if (!fresh && !canAdmin(session, cat, role)) {
    throw new PgError(SQLSTATE.insufficient_privilege, `permission denied to grant role "${role.name}"`, {
      detail: `Only roles with the ADMIN option on role "${role.name}" may grant this role.`,
    });
  }
  if (rolesOf(cat, role.oid, 'member').has(member.oid)) {
    throw new PgError(SQLSTATE.invalid_grant_operation, `role "${role.name}" is a member of role "${member.name}"`);
  }
  const me = currentRole(session, cat);
  const grantor = !me || me.superuser ? BOOTSTRAP_SUPERUSER : me.oid;
  const old = cat.authMembers.find((m) => m.role === role.oid && m.member === member.oid && m.grantor === grantor);
  addMember(cat, role.oid, member.oid, grantor, {
    admin: o.admin ?? old?.admin ?? false,
    inherit: o.inherit ?? old?.inherit ?? member.inherit,
    set: o.set ?? old?.set ?? true,
  });
}

export function alterRole(session: Session, n: AnyNode, sql: string): StatementResult {
  const cat = writable(session);
  const role = lookupRole(session, cat, n.role);
  const o = readOptions(n.options, sql);
  const me = currentRole(session, cat);
  const denied = (detail: string) => new PgError(SQLSTATE.insufficient_privilege, 'permission denied to alter role', { detail });
  if (!me?.superuser) {
    if (role.superuser) throw denied('Only roles with the SUPERUSER attribute may alter roles with the SUPERUSER attribute.');
    if (o.attrs.superuser !== undefined) throw denied('Only roles with the SUPERUSER attribute may change the SUPERUSER attribute.');
    if (!me?.createRole || !canAdmin(session, cat, role)) {
      if (Object.keys(o.attrs).some((k) => k !== 'password')) throw denied(`Only roles with the CREATEROLE attribute and the ADMIN option on role "${role.name}" may alter this role.`);
      if (o.attrs.password !== undefined && role.oid !== me?.oid) throw denied("To change another role's password, the current user must have the CREATEROLE attribute and the ADMIN option on the role.");
    } else {
      if (o.attrs.createDb !== undefined && !me.createDb) throw denied('Only roles with the CREATEDB attribute may change the CREATEDB attribute.');
      if (o.attrs.replication !== undefined && !me.replication) throw denied('Only roles with the REPLICATION attribute may change the REPLICATION attribute.');
      if (o.attrs.bypassRls !== undefined && !me.bypassRls) throw denied('Only roles with the BYPASSRLS attribute may change the BYPASSRLS attribute.');
    }
  }
  // ALTER GROUP ... ADD / DROP USER: ADMIN option on the group, then GRANT / REVOKE with the implicit grantor.
  if (o.members.length && !canAdmin(session, cat, role)) throw denied(`Only roles with the ADMIN option on role "${role.name}" may add or drop members.`);
  cat.putRole({ ...role, ...o.attrs });
  for (const r of o.inRoles) grantMembership(session, cat, lookupRole(session, cat, r), role, {});
  if (o.members.length) {
    const user = session.currentUser();
    const meOid = cat.roleByName.get(user) ?? BOOTSTRAP_SUPERUSER;
    const grantor = checkRoleGrantor(cat, user, meOid, role, undefined, n.action !== -1);
    const members = o.members.map((m) => lookupRole(session, cat, m));
    if (n.action === -1) deleteRoleMembers(cat, role, members, grantor, {}, false, (e) => session.notice(e));
    else addRoleMembers(cat, role, members, grantor, {}, (e) => session.notice(e), (member, opt) => addMember(cat, role.oid, member.oid, grantor, opt));
  }
  cat.bump();
  return commandResult('ALTER ROLE');
}

export function alterRoleSet(session: Session, n: AnyNode, value: (args: AnyNode[] | undefined) => string): StatementResult {
  const cat = writable(session);
  if (n.database) throw featureNotSupported('ALTER ROLE ... IN DATABASE');
  if (!n.role) throw featureNotSupported('ALTER ROLE ALL SET');
  const role = lookupRole(session, cat, n.role);
  const s = n.setstmt;
  const name = (s.name as string | undefined)?.toLowerCase();
  let config = role.config.filter((c) => c.split('=')[0] !== name);
  if (s.kind === 'VAR_SET_VALUE') config = [...config, `${name}=${value(s.args)}`];
  else if (s.kind === 'VAR_RESET_ALL') config = [];
  else if (s.kind !== 'VAR_RESET' && s.kind !== 'VAR_SET_DEFAULT') throw featureNotSupported('this ALTER ROLE ... SET');
  cat.putRole({ ...role, config });
  cat.bump();
  return commandResult('ALTER ROLE');
}

export function renameRole(session: Session, n: AnyNode): StatementResult {
  const cat = writable(session);
  const oldName = n.subname as string;
  const role = cat.role(oldName);
  if (!role) throw new PgError(SQLSTATE.undefined_object, `role "${oldName}" does not exist`);
  const newName = n.newname as string;
  if (role.name === session.sessionUser()) throw new PgError(SQLSTATE.feature_not_supported, 'session user cannot be renamed');
  if (role.name === session.currentUser()) throw new PgError(SQLSTATE.feature_not_supported, 'current user cannot be renamed');
  if (role.oid < 16384) throw new PgError(SQLSTATE.invalid_parameter_value, `cannot rename role "${role.name}"`, { detail: `Role "${role.name}" is a predefined role.` });
  checkReservedName(newName);
  if (cat.role(newName)) throw new PgError(SQLSTATE.duplicate_object, `role "${newName}" already exists`);
  if (!canAdmin(session, cat, role) || (role.superuser && !currentRole(session, cat)?.superuser)) {
    throw new PgError(SQLSTATE.insufficient_privilege, 'permission denied to rename role', {
      detail: `Only roles with the CREATEROLE attribute and the ADMIN option on role "${role.name}" may rename this role.`,
    });
  }
  cat.putRole({ ...role, name: newName, ...(role.password?.startsWith('md5') ? { password: null } : {}) });
  renameRoleReferences(cat, oldName, newName, role.oid);
  registerRoleName(newName, role.oid);
  cat.bump();
  return commandResult('ALTER ROLE');
}

export function dropRoles(session: Session, n: AnyNode): StatementResult {
  const cat = writable(session);
  const seen = new Set<string>();
  for (const spec of n.roles as AnyNode[]) {
    const s = spec.RoleSpec;
    // (a role named twice is dropped once)
    if (s.roletype === 'ROLESPEC_CSTRING' && seen.has(s.rolename)) continue;
    seen.add(s.rolename);
    if (s.roletype !== 'ROLESPEC_CSTRING') {
      throw new PgError(SQLSTATE.undefined_object, s.roletype === 'ROLESPEC_PUBLIC' ? 'role "public" does not exist' : 'cannot use special role specifier in DROP ROLE');
    }
    const name = s.rolename as string;
    const role = cat.role(name);
    if (!role) {
      if (n.missing_ok) {
        session.notice(new PgError(SQLSTATE.successful_completion, `role "${name}" does not exist, skipping`, { severity: 'NOTICE' }));
        continue;
      }
      throw new PgError(SQLSTATE.undefined_object, `role "${name}" does not exist`);
    }
    if (name === session.currentUser()) throw new PgError(SQLSTATE.object_in_use, 'current user cannot be dropped');
    if (name === session.sessionUser()) throw new PgError(SQLSTATE.object_in_use, 'session user cannot be dropped');
    if (role.oid < 16384) throw new PgError(SQLSTATE.dependent_objects_still_exist, `cannot drop role ${name} because it is required by the database system`);
    const me = currentRole(session, cat);
    if (!me?.superuser && (role.superuser || !me?.createRole || !canAdmin(session, cat, role))) {
      throw new PgError(SQLSTATE.insufficient_privilege, 'permission denied to drop role', {
        detail: role.superuser
          ? 'Only roles with the SUPERUSER attribute may drop roles with the SUPERUSER attribute.'
          : `Only roles with the CREATEROLE attribute and the ADMIN option on role "${name}" may drop this role.`,
      });
    }
    const deps = describeRoleDependents(cat, role);
    if (deps.length) {
      throw new PgError(SQLSTATE.dependent_objects_still_exist, `role "${name}" cannot be dropped because some objects depend on it`, { detail: deps.join('\n') });
    }
    cat.removeRole(role.oid);
  }
  cat.bump();
  return commandResult('DROP ROLE');
}

/** GRANT role TO role [WITH ADMIN | INHERIT | SET OPTION] / REVOKE [option FOR] role FROM role. */
export function grantRole(session: Session, n: AnyNode): StatementResult {
  const cat = writable(session);
  const opts: { admin?: boolean; inherit?: boolean; set?: boolean } = {};
  for (const o of (n.opt ?? []) as AnyNode[]) {
    const d = o.DefElem;
    const v = d.arg?.Boolean ? d.arg.Boolean.boolval === true : d.arg?.String ? /^(true|on|yes|1)$/i.test(d.arg.String.sval) : true;
    if (d.defname === 'admin') opts.admin = v;
    else if (d.defname === 'inherit') opts.inherit = v;
    else if (d.defname === 'set') opts.set = v;
    else throw featureNotSupported(`GRANT role option ${d.defname}`);
  }
  const grantorRole = n.grantor ? lookupRole(session, cat, n.grantor) : undefined;
  const members = (n.grantee_roles as AnyNode[]).map((spec) => lookupRole(session, cat, spec));
  const user = session.currentUser();
  const me = cat.roleByName.get(user) ?? (user === 'postgres' ? BOOTSTRAP_SUPERUSER : undefined);
  for (const gr of n.granted_roles as AnyNode[]) {
    const a = gr.AccessPriv;
    if (!a.priv_name || a.cols?.length) throw new PgError(SQLSTATE.invalid_grant_operation, 'column names cannot be included in GRANT/REVOKE ROLE');
    const roleName = a.priv_name as string;
    const role = cat.role(roleName);
    if (!role) throw new PgError(SQLSTATE.undefined_object, `role "${roleName}" does not exist`);
    checkMembershipAuthorization(cat, user, me, role, !!n.is_grant);
    const grantor = checkRoleGrantor(cat, user, me ?? BOOTSTRAP_SUPERUSER, role, grantorRole, !!n.is_grant);
    if (n.is_grant) addRoleMembers(cat, role, members, grantor, opts, (e) => session.notice(e), (member, o) => addMember(cat, role.oid, member.oid, grantor, o));
    else deleteRoleMembers(cat, role, members, grantor, opts, n.behavior === 'DROP_CASCADE', (e) => session.notice(e));
  }
  cat.bump();
  return commandResult(n.is_grant ? 'GRANT ROLE' : 'REVOKE ROLE');
}

/**
 * SET ROLE / SET SESSION AUTHORIZATION: the role must exist, and the session user must be able to
 * become it (a superuser, or a member with SET option); SESSION AUTHORIZATION needs the
 * authenticated user to be a superuser. Returns the value to store.
 */
export function checkSetRole(session: Session, which: 'role' | 'session_authorization', value: string): string {
  const cat = session.catalog();
  if (which === 'role' && value.toLowerCase() === 'none') return 'none';
  const role = cat.role(value);
  if (!role) throw new PgError(SQLSTATE.invalid_parameter_value, `role "${value}" does not exist`);
  if (which === 'session_authorization') {
    const auth = cat.role(session.user);
    if (value !== session.user && !auth?.superuser) throw new PgError(SQLSTATE.insufficient_privilege, `permission denied to set session authorization "${value}"`);
    return value;
  }
  const su = session.sessionUser();
  const base = cat.role(su);
  if (base?.superuser || su === value) return value;
  if (!base || !rolesOf(cat, base.oid, 'set').has(role.oid)) throw new PgError(SQLSTATE.insufficient_privilege, `permission denied to set role "${value}"`);
  return value;
}

/** Whether a role of this name exists (the wire protocol's startup check). */
export function roleExists(cat: Catalog, name: string): boolean {
  return cat.roleByName.has(name);
}

export type { AclItem };
export { isSuperuser };

/** A connection's StartupMessage user: the role must exist and may log in (InitializeSessionUserId). */
export function checkLoginRole(cat: Catalog, user: string): void {
  const r = cat.role(user);
  if (!r) throw new PgError(SQLSTATE.invalid_authorization_specification, `role "${user}" does not exist`, { severity: 'FATAL' });
  if (!r.canLogin) throw new PgError(SQLSTATE.invalid_authorization_specification, `role "${user}" is not permitted to log in`, { severity: 'FATAL' });
}
