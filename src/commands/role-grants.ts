/**
 * GRANT role TO role / REVOKE role FROM role: who may grant (ADMIN option, SUPERUSER for
 * superuser roles), the grantor a membership is recorded under (GRANTED BY, or the best role
 * holding ADMIN option), circular ADMIN OPTION grants, and REVOKE's planning of dependent grants
 * (2BP01 without CASCADE).
 * Postgres counterpart: src/backend/commands/user.c (GrantRole, AddRoleMems, DelRoleMems,
 * check_role_membership_authorization, check_role_grantor, plan_*_revoke), acl.c (select_best_admin).
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Catalog } from '../catalog/catalog.js';
import type { AuthMemberDef, RoleDef } from '../catalog/objects.js';
import { BOOTSTRAP_SUPERUSER, hasPrivsOfRole, roleNameOf, rolesOf } from '../catalog/acl.js';

export interface RoleGrantOptions {
  admin?: boolean;
  inherit?: boolean;
  set?: boolean;
}

const PG_DATABASE_OWNER = 6171;

function superuserOid(cat: Catalog, oid: number): boolean {
  return oid === BOOTSTRAP_SUPERUSER || !!cat.roles.get(oid)?.superuser;
}

/** select_best_admin: the first role whose privileges `member` has that holds ADMIN OPTION on `role`. */
export function selectBestAdmin(cat: Catalog, member: number, role: number): number | undefined {
  if (member === role) return undefined;
  for (const r of rolesOf(cat, member, 'privs')) {
    if (cat.authMembers.some((m) => m.role === role && m.member === r && m.admin)) return r;
  }
  return undefined;
}

/** check_role_membership_authorization. */
export function checkMembershipAuthorization(cat: Catalog, user: string, me: number | undefined, role: RoleDef, isGrant: boolean): void {
  if (isGrant && role.oid === PG_DATABASE_OWNER) throw new PgError(SQLSTATE.feature_not_supported, `role "${role.name}" cannot have explicit members`);
  const verb = isGrant ? 'grant' : 'revoke';
  const amSuper = me !== undefined && superuserOid(cat, me);
  if (role.superuser) {
    if (!amSuper) {
      throw new PgError(SQLSTATE.insufficient_privilege, `permission denied to ${verb} role "${role.name}"`, {
        detail: `Only roles with the SUPERUSER attribute may ${verb} roles with the SUPERUSER attribute.`,
      });
    }
  } else if (!amSuper && (me === undefined || selectBestAdmin(cat, me, role.oid) === undefined)) {
    throw new PgError(SQLSTATE.insufficient_privilege, `permission denied to ${verb} role "${role.name}"`, {
      detail: `Only roles with the ADMIN option on role "${role.name}" may ${verb} this role.`,
    });
  }
  void user;
}

/** check_role_grantor: the grantor to record (GRANTED BY's, checked, or the implicit one). */
export function checkRoleGrantor(cat: Catalog, user: string, me: number, role: RoleDef, grantor: RoleDef | undefined, isGrant: boolean): number {
  if (!grantor) {
    if (superuserOid(cat, me)) return BOOTSTRAP_SUPERUSER;
    const best = selectBestAdmin(cat, me, role.oid);
    if (best === undefined) throw new PgError(SQLSTATE.internal_error, 'no possible grantors');
    return best;
  }
  if (isGrant) {
    if (!hasPrivsOfRole(cat, user, grantor.oid)) {
      throw new PgError(SQLSTATE.insufficient_privilege, `permission denied to grant privileges as role "${grantor.name}"`, {
        detail: `Only roles with privileges of role "${grantor.name}" may grant privileges as this role.`,
      });
    }
    if (grantor.oid !== BOOTSTRAP_SUPERUSER && selectBestAdmin(cat, grantor.oid, role.oid) !== grantor.oid) {
      throw new PgError(SQLSTATE.insufficient_privilege, `permission denied to grant privileges as role "${grantor.name}"`, {
        detail: `The grantor must have the ADMIN option on role "${role.name}".`,
      });
    }
  } else if (!hasPrivsOfRole(cat, user, grantor.oid)) {
    throw new PgError(SQLSTATE.insufficient_privilege, `permission denied to revoke privileges granted by role "${grantor.name}"`, {
      detail: `Only roles with privileges of role "${grantor.name}" may revoke privileges granted by this role.`,
    });
  }
  return grantor.oid;
}

type Action = 'noop' | 'delete' | 'admin' | 'inherit' | 'set';

/** plan_recursive_revoke over the memberships of one role (`list`). */
function planRecursive(list: readonly AuthMemberDef[], actions: Action[], i: number, adminOnly: boolean, cascade: boolean): void {
  if (actions[i] === 'delete') return;
  if (actions[i] === 'admin' && adminOnly) return;
  const m = list[i];
  if (!adminOnly) {
    actions[i] = 'delete';
    if (!m.admin) return;
  } else {
    if (!m.admin) return;
    actions[i] = 'admin';
  }
  // The member may still hold ADMIN OPTION through another grant: its grants stay valid.
  if (list.some((x, j) => x.member === m.member && x.admin && actions[j] === 'noop')) return;
  list.forEach((x, j) => {
    if (x.grantor !== m.member || actions[j] === 'delete') return;
    if (!cascade) throw new PgError(SQLSTATE.dependent_objects_still_exist, 'dependent privileges exist', { hint: 'Use CASCADE to revoke them too.' });
    planRecursive(list, actions, j, false, cascade);
  });
}

function applyActions(cat: Catalog, list: readonly AuthMemberDef[], actions: Action[]): void {
  const change = new Map<AuthMemberDef, Action>();
  list.forEach((m, i) => {
    if (actions[i] !== 'noop') change.set(m, actions[i]);
  });
  if (!change.size) return;
  const out: AuthMemberDef[] = [];
  for (const m of cat.authMembers) {
    const a = change.get(m);
    if (a === 'delete') continue;
    out.push(a === 'admin' ? { ...m, admin: false } : a === 'inherit' ? { ...m, inherit: false } : a === 'set' ? { ...m, set: false } : m);
  }
  cat.authMembers = out;
}

/** AddRoleMems: memberships of `members` in `role`, recorded under `grantor`. */
export function addRoleMembers(
  cat: Catalog,
  role: RoleDef,
  members: readonly RoleDef[],
  grantor: number,
  opts: RoleGrantOptions,
  notice: (e: PgError) => void,
  add: (member: RoleDef, o: { admin: boolean; inherit: boolean; set: boolean }) => void,
): void {
  for (const member of members) {
    if (member.oid === PG_DATABASE_OWNER) throw new PgError(SQLSTATE.feature_not_supported, `role "${member.name}" cannot be a member of any role`);
    if (rolesOf(cat, role.oid, 'member').has(member.oid)) throw new PgError(SQLSTATE.invalid_grant_operation, `role "${role.name}" is a member of role "${member.name}"`);
  }
  if (opts.admin && grantor !== BOOTSTRAP_SUPERUSER) {
    // Granting ADMIN OPTION back to whoever the grantor got it from would make a cycle.
    const list = cat.authMembers.filter((m) => m.role === role.oid);
    const actions: Action[] = list.map(() => 'noop');
    for (const member of members) {
      if (member.oid === BOOTSTRAP_SUPERUSER) throw new PgError(SQLSTATE.invalid_grant_operation, 'ADMIN option cannot be granted back to your own grantor');
      list.forEach((m, i) => {
        if (m.member === member.oid) planRecursive(list, actions, i, false, true);
      });
    }
    if (!list.some((m, i) => actions[i] === 'noop' && m.member === grantor && m.admin)) {
      throw new PgError(SQLSTATE.invalid_grant_operation, 'ADMIN option cannot be granted back to your own grantor');
    }
  }
  for (const member of members) {
    const old = cat.authMembers.find((m) => m.role === role.oid && m.member === member.oid && m.grantor === grantor);
    if (old) {
      const changed = (opts.admin !== undefined && opts.admin !== old.admin) || (opts.inherit !== undefined && opts.inherit !== old.inherit) || (opts.set !== undefined && opts.set !== old.set);
      if (!changed) {
        notice(new PgError(SQLSTATE.successful_completion, `role "${member.name}" has already been granted membership in role "${role.name}" by role "${roleNameOf(cat, grantor)}"`, { severity: 'NOTICE' }));
        continue;
      }
    }
    add(member, { admin: opts.admin ?? old?.admin ?? false, inherit: opts.inherit ?? old?.inherit ?? member.inherit, set: opts.set ?? old?.set ?? true });
  }
}

/** DelRoleMems: REVOKE [ADMIN | INHERIT | SET OPTION FOR] role FROM members [GRANTED BY] [CASCADE]. */
export function deleteRoleMembers(cat: Catalog, role: RoleDef, members: readonly RoleDef[], grantor: number, opts: RoleGrantOptions, cascade: boolean, warn: (e: PgError) => void): void {
  const list = cat.authMembers.filter((m) => m.role === role.oid);
  const actions: Action[] = list.map(() => 'noop');
  for (const member of members) {
    const i = list.findIndex((m) => m.member === member.oid && m.grantor === grantor);
    if (i < 0) {
      warn(new PgError(SQLSTATE.warning, `role "${member.name}" has not been granted membership in role "${role.name}" by role "${roleNameOf(cat, grantor)}"`, { severity: 'WARNING' }));
      continue;
    }
    if (opts.inherit !== undefined) actions[i] = 'inherit';
    else if (opts.set !== undefined) actions[i] = 'set';
    else planRecursive(list, actions, i, opts.admin !== undefined, cascade);
  }
  applyActions(cat, list, actions);
}
