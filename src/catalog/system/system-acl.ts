/**
 * The ACLs of the system relations that are not readable by PUBLIC: initdb and
 * system_views.sql revoke them (pg_authid, pg_largeobject, pg_shadow, pg_statistic, ...), some
 * then granted to pg_read_all_stats. Every other system relation: SELECT for PUBLIC.
 * Postgres counterpart: src/bin/initdb/initdb.c (setup_privileges), src/backend/catalog/system_views.sql.
 * Known gaps: pg_subscription's column grants (it reads as PUBLIC-readable).
 */
import type { AclItem } from '../objects.js';
import { BOOTSTRAP_SUPERUSER, PUBLIC } from '../acl.js';
import type { SystemRelationDef } from './registry.js';

const PG_READ_ALL_STATS = 3375;

/** Restricted relations by name → the role granted SELECT (undefined: superusers only). */
const RESTRICTED = new Map<string, number | undefined>([
  ['pg_authid', undefined], ['pg_largeobject', undefined], ['pg_shadow', undefined], ['pg_statistic', undefined],
  ['pg_statistic_ext_data', undefined], ['pg_file_settings', undefined], ['pg_hba_file_rules', undefined],
  ['pg_ident_file_mappings', undefined], ['pg_config', undefined], ['pg_user_mapping', undefined],
  ['pg_replication_origin_status', undefined], ['pg_shmem_allocations', PG_READ_ALL_STATS],
  ['pg_shmem_allocations_numa', PG_READ_ALL_STATS], ['pg_dsm_registry_allocations', PG_READ_ALL_STATS],
  ['pg_backend_memory_contexts', PG_READ_ALL_STATS], ['pg_aios', PG_READ_ALL_STATS],
]);

const OWNER: AclItem = { grantee: BOOTSTRAP_SUPERUSER, grantor: BOOTSTRAP_SUPERUSER, privs: 'arwdDxtm', grantable: '' };
const PUBLIC_READ: readonly AclItem[] = [OWNER, { grantee: PUBLIC, grantor: BOOTSTRAP_SUPERUSER, privs: 'r', grantable: '' }];

/** A system relation's effective ACL. */
export function systemRelationAcl(rel: SystemRelationDef): readonly AclItem[] {
  if (rel.schema !== 'pg_catalog' || !RESTRICTED.has(rel.name)) return PUBLIC_READ;
  const role = RESTRICTED.get(rel.name);
  return role === undefined ? [OWNER] : [OWNER, { grantee: role, grantor: BOOTSTRAP_SUPERUSER, privs: 'r', grantable: '' }];
}

/** Whether the relation is readable by PUBLIC (no check needed). */
export function systemRelationIsPublic(rel: SystemRelationDef): boolean {
  return rel.schema !== 'pg_catalog' || !RESTRICTED.has(rel.name);
}
