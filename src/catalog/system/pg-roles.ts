/**
 * Roles: pg_authid, the pg_roles / pg_user / pg_shadow / pg_group views and pg_auth_members, from
 * the catalog's roles (the bootstrap superuser, Postgres's predefined roles, CREATE ROLE).
 * Postgres counterpart: src/include/catalog/pg_authid.h, pg_auth_members.h, system_views.sql.
 * Known gaps: passwords are kept as given (Postgres stores a SCRAM verifier).
 */
import { defineRows } from './registry.js';
import { PgArray } from '../../types/values.js';
import type { Catalog } from '../catalog.js';
import type { RoleDef } from '../objects.js';
import { aclText } from '../acl.js';
import { timestamptzIO } from '../../types/datetime/timestamp.js';
import type { Value } from '../../types/values.js';
import type { SessionContext } from '../../session/session-context.js';

function rolesInOrder(cat: Catalog): RoleDef[] {
  return [...cat.roles.values()].sort((a, b) => a.oid - b.oid);
}

function validUntil(session: SessionContext, r: RoleDef): Value {
  if (r.validUntil === null) return null;
  try {
    return timestamptzIO.input(r.validUntil, -1, session.io);
  } catch {
    return null;
  }
}

function config(r: RoleDef): PgArray | null {
  return r.config.length ? PgArray.of([...r.config]) : null;
}

defineRows('pg_catalog', 'pg_authid', {
  scope: 'catalog',
  *rows({ cat, session }) {
    for (const r of rolesInOrder(cat)) {
      yield {
        oid: r.oid, rolname: r.name, rolsuper: r.superuser, rolinherit: r.inherit, rolcreaterole: r.createRole, rolcreatedb: r.createDb, rolcanlogin: r.canLogin,
        rolreplication: r.replication, rolbypassrls: r.bypassRls, rolconnlimit: r.connLimit, rolpassword: r.password, rolvaliduntil: validUntil(session, r),
      };
    }
  },
});

defineRows('pg_catalog', 'pg_roles', {
  scope: 'catalog',
  *rows({ cat, session }) {
    for (const r of rolesInOrder(cat)) {
      yield {
        rolname: r.name, rolsuper: r.superuser, rolinherit: r.inherit, rolcreaterole: r.createRole, rolcreatedb: r.createDb, rolcanlogin: r.canLogin,
        rolreplication: r.replication, rolconnlimit: r.connLimit, rolpassword: '********', rolvaliduntil: validUntil(session, r), rolbypassrls: r.bypassRls,
        rolconfig: config(r), oid: r.oid,
      };
    }
  },
});

defineRows('pg_catalog', 'pg_user', {
  scope: 'catalog',
  *rows({ cat, session }) {
    for (const r of rolesInOrder(cat)) {
      if (!r.canLogin) continue;
      yield { usename: r.name, usesysid: r.oid, usecreatedb: r.createDb, usesuper: r.superuser, userepl: r.replication, usebypassrls: r.bypassRls, passwd: '********', valuntil: validUntil(session, r), useconfig: config(r) };
    }
  },
});

defineRows('pg_catalog', 'pg_shadow', {
  scope: 'catalog',
  *rows({ cat, session }) {
    for (const r of rolesInOrder(cat)) {
      if (!r.canLogin) continue;
      yield { usename: r.name, usesysid: r.oid, usecreatedb: r.createDb, usesuper: r.superuser, userepl: r.replication, usebypassrls: r.bypassRls, passwd: r.password, valuntil: validUntil(session, r), useconfig: config(r) };
    }
  },
});

defineRows('pg_catalog', 'pg_group', {
  scope: 'catalog',
  *rows({ cat }) {
    for (const r of rolesInOrder(cat)) {
      if (r.canLogin) continue;
      const members = cat.authMembers.filter((m) => m.role === r.oid).map((m) => m.member);
      yield { groname: r.name, grosysid: r.oid, grolist: PgArray.of(members) };
    }
  },
});

defineRows('pg_catalog', 'pg_auth_members', {
  scope: 'catalog',
  *rows({ cat }) {
    for (const m of cat.authMembers) {
      yield { oid: m.oid, roleid: m.role, member: m.member, grantor: m.grantor, admin_option: m.admin, inherit_option: m.inherit, set_option: m.set };
    }
  },
});

defineRows('pg_catalog', 'pg_default_acl', {
  scope: 'catalog',
  *rows({ cat }) {
    let i = 0;
    for (const d of cat.defaultAcls) {
      yield { oid: 16384 * 48 + i++, defaclrole: d.role, defaclnamespace: d.namespace, defaclobjtype: d.objtype, defaclacl: PgArray.of(aclText(cat, d.acl)) };
    }
  },
});
