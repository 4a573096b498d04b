/**
 * The initial catalog of a new database: the pg_catalog, public and information_schema schemas.
 * Postgres counterpart: initdb's bootstrap (postgres.bki).
 */
import { Catalog } from './catalog.js';
import { BUILTIN_ROLES, BUILTIN_ROLE_MEMBERS } from './system/common.js';

/** OIDs Postgres gives its built-in schemas. */
export const NAMESPACE_OID = { pg_catalog: 11, public: 2200, information_schema: 13144, pg_toast: 99 } as const;

export function bootstrapCatalog(_state: unknown): Catalog {
  const c = new Catalog();
  c.putNamespace({ oid: NAMESPACE_OID.pg_catalog, name: 'pg_catalog', owner: 'postgres' });
  c.putNamespace({ oid: NAMESPACE_OID.public, name: 'public', owner: 'pg_database_owner' });
  c.putNamespace({ oid: NAMESPACE_OID.information_schema, name: 'information_schema', owner: 'postgres' });
  for (const [oid, name] of BUILTIN_ROLES) {
    const s = oid === 10;
    c.putRole({ oid, name, superuser: s, inherit: true, createRole: s, createDb: s, canLogin: s, replication: s, bypassRls: s, connLimit: -1, password: null, validUntil: null, config: [] });
  }
  c.authMembers = BUILTIN_ROLE_MEMBERS.map(([oid, role, member]) => ({ oid, role, member, grantor: 10, admin: false, inherit: true, set: true }));
  return c;
}
