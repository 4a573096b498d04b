/**
 * Roles: pg_authid, the pg_roles / pg_user / pg_shadow / pg_group views and pg_auth_members: the
 * bootstrap superuser, Postgres's predefined roles and the session's user (a superuser).
 * Postgres counterpart: src/include/catalog/pg_authid.h, pg_auth_members.h, system_views.sql.
 * Known gaps: CREATE ROLE does not exist; passwords are not kept.
 */
import { defineRows } from './registry.js';
import { BUILTIN_ROLES, BUILTIN_ROLE_MEMBERS, roleOid } from './common.js';
import { PgArray } from '../../types/values.js';

interface RoleFacts {
  readonly oid: number;
  readonly name: string;
  readonly superuser: boolean;
}

function roles(currentUser: string): RoleFacts[] {
  const out: RoleFacts[] = BUILTIN_ROLES.map(([oid, name]) => ({ oid, name, superuser: oid === 10 }));
  if (!out.some((r) => r.name === currentUser)) out.push({ oid: roleOid(currentUser), name: currentUser, superuser: true });
  return out;
}

defineRows('pg_catalog', 'pg_authid', {
  scope: 'catalog',
  *rows({ session }) {
    for (const r of roles(session.currentUser())) {
      const s = r.superuser;
      yield {
        oid: r.oid, rolname: r.name, rolsuper: s, rolinherit: true, rolcreaterole: s, rolcreatedb: s, rolcanlogin: s, rolreplication: s,
        rolbypassrls: s, rolconnlimit: -1, rolpassword: null, rolvaliduntil: null,
      };
    }
  },
});

defineRows('pg_catalog', 'pg_roles', {
  scope: 'catalog',
  *rows({ session }) {
    for (const r of roles(session.currentUser())) {
      const s = r.superuser;
      yield {
        rolname: r.name, rolsuper: s, rolinherit: true, rolcreaterole: s, rolcreatedb: s, rolcanlogin: s, rolreplication: s,
        rolconnlimit: -1, rolpassword: '********', rolvaliduntil: null, rolbypassrls: s, rolconfig: null, oid: r.oid,
      };
    }
  },
});

defineRows('pg_catalog', 'pg_user', {
  scope: 'catalog',
  *rows({ session }) {
    for (const r of roles(session.currentUser())) {
      if (!r.superuser) continue;
      yield { usename: r.name, usesysid: r.oid, usecreatedb: true, usesuper: true, userepl: true, usebypassrls: true, passwd: '********', valuntil: null, useconfig: null };
    }
  },
});

defineRows('pg_catalog', 'pg_shadow', {
  scope: 'catalog',
  *rows({ session }) {
    for (const r of roles(session.currentUser())) {
      if (!r.superuser) continue;
      yield { usename: r.name, usesysid: r.oid, usecreatedb: true, usesuper: true, userepl: true, usebypassrls: true, passwd: null, valuntil: null, useconfig: null };
    }
  },
});

defineRows('pg_catalog', 'pg_group', {
  scope: 'catalog',
  *rows() {
    for (const [oid, name] of BUILTIN_ROLES) {
      if (oid === 10) continue;
      const members = BUILTIN_ROLE_MEMBERS.filter((m) => m[1] === oid).map((m) => m[2]);
      yield { groname: name, grosysid: oid, grolist: PgArray.of(members) };
    }
  },
});

defineRows('pg_catalog', 'pg_auth_members', {
  scope: 'catalog',
  *rows() {
    for (const [oid, roleid, member] of BUILTIN_ROLE_MEMBERS) {
      yield { oid, roleid, member, grantor: 10, admin_option: false, inherit_option: true, set_option: true };
    }
  },
});
