/**
 * information_schema's privilege views: table_privileges, role_table_grants, column_privileges,
 * role_column_grants, routine_privileges, role_routine_grants, applicable_roles, enabled_roles.
 * Postgres counterpart: src/backend/catalog/information_schema.sql.
 * Known gaps: only user objects are listed (Postgres also lists the system catalogs' grants).
 */
import type { Catalog } from '../../catalog.js';
import type { AclItem } from '../../objects.js';
import { defineRows } from '../registry.js';
import { relationsInOrder } from '../common.js';
import { PUBLIC, aclDefault, hasPrivsOfRole, ownerOid, relationAcl, rolesOf } from '../../acl.js';
import type { SessionContext } from '../../../session/session-context.js';

const TABLE_PRIVS: readonly [string, string][] = [['a', 'INSERT'], ['r', 'SELECT'], ['w', 'UPDATE'], ['d', 'DELETE'], ['D', 'TRUNCATE'], ['x', 'REFERENCES'], ['t', 'TRIGGER']];
const COLUMN_PRIVS: readonly [string, string][] = [['a', 'INSERT'], ['r', 'SELECT'], ['w', 'UPDATE'], ['x', 'REFERENCES']];

interface Grant {
  grantor: string;
  grantee: string;
  type: string;
  grantable: boolean;
}

/** aclexplode with role names; `owner` holds the grant option implicitly (pg_has_role(grantee, owner)). */
function explode(cat: Catalog, acl: readonly AclItem[], owner: number, privs: readonly [string, string][]): Grant[] {
  const out: Grant[] = [];
  for (const a of acl) {
    const grantor = cat.roles.get(a.grantor)?.name;
    const grantee = a.grantee === PUBLIC ? 'PUBLIC' : cat.roles.get(a.grantee)?.name;
    if (grantor === undefined || grantee === undefined) continue;
    const ownerLike = a.grantee !== PUBLIC && (a.grantee === owner || rolesOf(cat, a.grantee, 'privs').has(owner) || !!cat.roles.get(a.grantee)?.superuser);
    for (const [c, word] of privs) if (a.privs.includes(c)) out.push({ grantor, grantee, type: word, grantable: ownerLike || a.grantable.includes(c) });
  }
  return out;
}

/** Whether the current user may see a grant (an enabled role is its grantor or grantee; `pub`: PUBLIC too). */
function visible(cat: Catalog, session: SessionContext, g: Grant, pub: boolean): boolean {
  const me = session.currentUser();
  const enabled = (name: string) => {
    const oid = cat.roleByName.get(name);
    return oid !== undefined && hasPrivsOfRole(cat, me, oid);
  };
  return enabled(g.grantor) || enabled(g.grantee) || (pub && g.grantee === 'PUBLIC');
}

function* tableGrants(cat: Catalog, session: SessionContext, pub: boolean) {
  const db = session.databaseName();
  for (const r of relationsInOrder(cat)) {
    if (r.kind !== 'r' && r.kind !== 'v' && r.kind !== 'p') continue;
    const acl = r.acl ?? aclDefault('table', ownerOid(cat, r.owner));
    for (const g of explode(cat, acl, ownerOid(cat, r.owner), TABLE_PRIVS)) {
      if (!visible(cat, session, g, pub)) continue;
      yield {
        grantor: g.grantor, grantee: g.grantee, table_catalog: db, table_schema: cat.namespaceName(r.namespace), table_name: r.name,
        privilege_type: g.type, is_grantable: g.grantable ? 'YES' : 'NO', with_hierarchy: g.type === 'SELECT' ? 'YES' : 'NO',
      };
    }
  }
}

defineRows('information_schema', 'table_privileges', { scope: 'catalog', *rows({ cat, session }) { yield* tableGrants(cat, session, true); } });
defineRows('information_schema', 'role_table_grants', { scope: 'catalog', *rows({ cat, session }) { yield* tableGrants(cat, session, false); } });

function* columnGrants(cat: Catalog, session: SessionContext, pub: boolean) {
  const db = session.databaseName();
  for (const r of relationsInOrder(cat)) {
    if (r.kind !== 'r' && r.kind !== 'v' && r.kind !== 'p' && r.kind !== 'm') continue;
    const owner = ownerOid(cat, r.owner);
    const table = explode(cat, relationAcl(cat, r), owner, COLUMN_PRIVS);
    for (const c of r.columns) {
      if (c.dropped) continue;
      const seen = new Set<string>();
      for (const g of [...table, ...(c.acl ? explode(cat, c.acl, owner, COLUMN_PRIVS) : [])]) {
        const key = `${g.grantor}\u0000${g.grantee}\u0000${g.type}\u0000${g.grantable}`;
        if (seen.has(key) || !visible(cat, session, g, pub)) continue;
        seen.add(key);
        yield {
          grantor: g.grantor, grantee: g.grantee, table_catalog: db, table_schema: cat.namespaceName(r.namespace), table_name: r.name, column_name: c.name,
          privilege_type: g.type, is_grantable: g.grantable ? 'YES' : 'NO',
        };
      }
    }
  }
}

defineRows('information_schema', 'column_privileges', { scope: 'catalog', *rows({ cat, session }) { yield* columnGrants(cat, session, true); } });
defineRows('information_schema', 'role_column_grants', { scope: 'catalog', *rows({ cat, session }) { yield* columnGrants(cat, session, false); } });

function* routineGrants(cat: Catalog, session: SessionContext, pub: boolean) {
  const db = session.databaseName();
  for (const f of [...cat.functions.values()].sort((a, b) => a.oid - b.oid)) {
    const owner = ownerOid(cat, f.owner);
    for (const g of explode(cat, f.acl ?? aclDefault('function', owner), owner, [['X', 'EXECUTE']])) {
      if (!visible(cat, session, g, pub)) continue;
      const schema = cat.namespaceName(f.namespace);
      yield {
        grantor: g.grantor, grantee: g.grantee, specific_catalog: db, specific_schema: schema, specific_name: `${f.name}_${f.oid}`,
        routine_catalog: db, routine_schema: schema, routine_name: f.name, privilege_type: 'EXECUTE', is_grantable: g.grantable ? 'YES' : 'NO',
      };
    }
  }
}

defineRows('information_schema', 'routine_privileges', { scope: 'catalog', *rows({ cat, session }) { yield* routineGrants(cat, session, true); } });
defineRows('information_schema', 'role_routine_grants', { scope: 'catalog', *rows({ cat, session }) { yield* routineGrants(cat, session, false); } });

defineRows('information_schema', 'enabled_roles', {
  scope: 'catalog',
  *rows({ cat, session }) {
    const me = session.currentUser();
    for (const r of [...cat.roles.values()].sort((a, b) => a.oid - b.oid)) if (hasPrivsOfRole(cat, me, r.oid)) yield { role_name: r.name };
  },
});

defineRows('information_schema', 'applicable_roles', {
  scope: 'catalog',
  *rows({ cat, session }) {
    const me = session.currentUser();
    const rows = cat.authMembers.map((m) => ({ member: m.member, role: m.role, admin: m.admin }));
    // The database owner is a member of pg_database_owner.
    rows.push({ member: 10, role: 6171, admin: false });
    for (const m of rows) {
      const a = cat.roles.get(m.member);
      const b = cat.roles.get(m.role);
      if (!a || !b || !hasPrivsOfRole(cat, me, a.oid)) continue;
      yield { grantee: a.name, role_name: b.name, is_grantable: m.admin ? 'YES' : 'NO' };
    }
  },
});
