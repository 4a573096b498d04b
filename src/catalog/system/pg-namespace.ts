/**
 * pg_namespace: the catalog's schemas plus pg_toast, with Postgres's default ACLs on the built-in ones.
 * Postgres counterpart: src/include/catalog/pg_namespace.h.
 * Known gaps: a temporary schema is named pg_temp, not pg_temp_N.
 */
import { aclText } from '../acl.js';
import { PgArray } from '../../types/values.js';
import { defineRows, PG_CATALOG_NAMESPACE, PG_TOAST_NAMESPACE, INFORMATION_SCHEMA_NAMESPACE } from './registry.js';
import { roleOid } from './common.js';

const SYSTEM_ACL = PgArray.of(['postgres=UC/postgres', '=U/postgres']);
const ACLS: Record<number, PgArray> = {
  [PG_CATALOG_NAMESPACE]: SYSTEM_ACL,
  [INFORMATION_SCHEMA_NAMESPACE]: SYSTEM_ACL,
  2200: PgArray.of(['pg_database_owner=UC/pg_database_owner', '=U/pg_database_owner']),
};

defineRows('pg_catalog', 'pg_namespace', {
  scope: 'catalog',
  *rows({ cat }) {
    yield { oid: PG_TOAST_NAMESPACE, nspname: 'pg_toast', nspowner: 10, nspacl: null };
    for (const ns of cat.namespaces.values()) {
      yield { oid: ns.oid, nspname: ns.name, nspowner: roleOid(ns.owner), nspacl: ns.acl ? PgArray.of(aclText(cat, ns.acl)) : (ACLS[ns.oid] ?? null) };
    }
  },
});
