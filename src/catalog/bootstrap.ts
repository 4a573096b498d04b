/**
 * The initial catalog of a new database: the pg_catalog, public and information_schema schemas.
 * Postgres counterpart: initdb's bootstrap (postgres.bki).
 */
import { Catalog } from './catalog.js';

/** OIDs Postgres gives its built-in schemas. */
export const NAMESPACE_OID = { pg_catalog: 11, public: 2200, information_schema: 13144, pg_toast: 99 } as const;

export function bootstrapCatalog(_state: unknown): Catalog {
  const c = new Catalog();
  c.putNamespace({ oid: NAMESPACE_OID.pg_catalog, name: 'pg_catalog', owner: 'postgres' });
  c.putNamespace({ oid: NAMESPACE_OID.public, name: 'public', owner: 'pg_database_owner' });
  c.putNamespace({ oid: NAMESPACE_OID.information_schema, name: 'information_schema', owner: 'postgres' });
  return c;
}
