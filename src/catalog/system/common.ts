/**
 * Facts the catalog row sources share: role OIDs, the catalogs' own OIDs (pg_description's
 * classoid), user relations in OID order (cached per catalog version), and visibility by search
 * path.
 * Postgres counterpart: src/include/catalog/pg_authid.dat, catalog/namespace.c (RelationIsVisible).
 * Known gaps: roles are the bootstrap superuser, Postgres's predefined roles and the session's user.
 */
import type { Catalog } from '../catalog.js';
import type { ColumnDef, RelationDef, StoredExpr } from '../objects.js';
import { INFORMATION_SCHEMA_NAMESPACE, PG_CATALOG_NAMESPACE, PG_TOAST_NAMESPACE, systemRelationNamed } from './registry.js';
import { PgError, featureNotSupported } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';

/** OIDs of the catalogs (pg_description.classoid, pg_depend.classid). */
export const CLASS_OID = {
  pg_class: 1259,
  pg_operator: 2617,
  pg_attribute: 1249,
  pg_type: 1247,
  pg_proc: 1255,
  pg_namespace: 2615,
  pg_constraint: 2606,
  pg_attrdef: 2604,
  pg_index: 2610,
  pg_trigger: 2620,
  pg_extension: 3079,
  pg_database: 1262,
  pg_authid: 1260,
  pg_am: 2601,
  pg_collation: 3456,
  pg_language: 2612,
  pg_rewrite: 2618,
  pg_policy: 3256,
  pg_publication: 6104,
  pg_statistic_ext: 3381,
  pg_tablespace: 1213,
  pg_event_trigger: 3466,
} as const;

/** The bootstrap superuser and Postgres 18's predefined roles. */
export const BUILTIN_ROLES: readonly (readonly [number, string])[] = [
  [10, 'postgres'], [3373, 'pg_monitor'], [3374, 'pg_read_all_settings'], [3375, 'pg_read_all_stats'],
  [3377, 'pg_stat_scan_tables'], [4200, 'pg_signal_backend'], [4544, 'pg_checkpoint'],
  [4550, 'pg_use_reserved_connections'], [4569, 'pg_read_server_files'], [4570, 'pg_write_server_files'],
  [4571, 'pg_execute_server_program'], [6171, 'pg_database_owner'], [6181, 'pg_read_all_data'],
  [6182, 'pg_write_all_data'], [6304, 'pg_create_subscription'], [6337, 'pg_maintain'],
  [6392, 'pg_signal_autovacuum_worker'],
];

/** pg_auth_members rows Postgres creates: pg_monitor is a member of three roles. [oid, roleid, member] */
export const BUILTIN_ROLE_MEMBERS: readonly (readonly [number, number, number])[] = [
  [10308, 3374, 3373], [10309, 3375, 3373], [10310, 3377, 3373],
];

const roleByName = new Map(BUILTIN_ROLES.map(([oid, name]) => [name, oid]));
const roleByOid = new Map(BUILTIN_ROLES.map(([oid, name]) => [oid, name]));
let nextRoleOid = 16384 * 64;

/** The OID of a role by name; a role fauxgres has not seen gets a stable OID of its own. */
export function roleOid(name: string): number {
  let oid = roleByName.get(name);
  if (oid === undefined) {
    oid = nextRoleOid++;
    roleByName.set(name, oid);
    roleByOid.set(oid, name);
  }
  return oid;
}

/** The name of a role by OID, if known (from the catalog when given). */
export function roleName(oid: number, cat?: Catalog): string | undefined {
  if (cat) return cat.roles.get(oid)?.name;
  return roleByOid.get(oid);
}

/** ALTER ROLE RENAME: the role keeps its OID under its new name. */
export function registerRoleName(name: string, oid: number): void {
  roleByName.set(name, oid);
  roleByOid.set(oid, name);
}

/** Whether a namespace OID is one of the built-in system schemas. */
export function isSystemNamespace(oid: number): boolean {
  return oid === PG_CATALOG_NAMESPACE || oid === INFORMATION_SCHEMA_NAMESPACE || oid === PG_TOAST_NAMESPACE;
}

const relationLists = new WeakMap<Catalog, { version: number; list: RelationDef[] }>();

/** The catalog's relations in OID order (cached per catalog version). */
export function relationsInOrder(cat: Catalog): readonly RelationDef[] {
  const hit = relationLists.get(cat);
  if (hit && hit.version === cat.version) return hit.list;
  const list = [...cat.relations.values()].sort((a, b) => a.oid - b.oid);
  relationLists.set(cat, { version: cat.version, list });
  return list;
}

/** `name` if the search path finds it first, else `schema.name` (both quoted as needed). */
export function qualifiedIfNeeded(visible: boolean, schema: string, name: string, quote: (s: string) => string): string {
  return visible ? quote(name) : `${quote(schema)}.${quote(name)}`;
}

/**
 * Whether an unqualified name finds this relation first: the temporary schema, then pg_catalog
 * (unless the search path lists it), then the search path (RelationIsVisible).
 */
export function relationIsVisible(cat: Catalog, searchPath: readonly string[], namespace: number, name: string): boolean {
  const schemas = ['pg_temp', ...(searchPath.includes('pg_catalog') ? [] : ['pg_catalog']), ...searchPath];
  for (const s of schemas) {
    const ns = cat.namespaceOid(s);
    if (ns === undefined) continue;
    if (ns === PG_CATALOG_NAMESPACE || ns === INFORMATION_SCHEMA_NAMESPACE) {
      if (systemRelationNamed(s, name)) return ns === namespace;
    }
    if (cat.relationIn(ns, name)) return ns === namespace;
  }
  return false;
}

const owned = new WeakMap<Catalog, { version: number; map: Map<string, RelationDef> }>();

/** The sequence owned by column `attnum` of `rel` (serial or identity), if any. */
export function ownedSequence(cat: Catalog, rel: number, attnum: number): RelationDef | undefined {
  let hit = owned.get(cat);
  if (!hit || hit.version !== cat.version) {
    const map = new Map<string, RelationDef>();
    for (const r of cat.relations.values()) {
      const o = r.kind === 'S' ? r.sequence?.ownedBy : undefined;
      if (o) map.set(`${o.relation}.${o.attnum}`, r);
    }
    hit = { version: cat.version, map };
    owned.set(cat, hit);
  }
  return hit.map.get(`${rel}.${attnum}`);
}

/** The OID of an existing role (a built-in role or the session's user), or undefined. */
export function knownRoleOid(name: string, currentUser: string, cat?: Catalog): number | undefined {
  if (cat) return cat.roleByName.get(name);
  const b = roleByName.get(name);
  if (b !== undefined && (roleByOid.get(b) === name) && (BUILTIN_ROLES.some(([, n]) => n === name) || name === currentUser)) return b;
  return name === currentUser ? roleOid(name) : undefined;
}

/**
 * A column's default as Postgres stores it: a default that is a NULL constant (`DEFAULT NULL`,
 * possibly cast) is not stored at all, so the column has no pg_attrdef row.
 */
export function storedDefault(c: ColumnDef): StoredExpr | undefined {
  const d = c.default;
  if (!d) return undefined;
  let e = d.expr;
  while (e.kind === 'CoerceExpr' && !e.handlesNull) e = e.arg;
  return e.kind === 'Const' && e.value === null ? undefined : d;
}

/**
 * The role a RoleSpec names (OWNER TO, AUTHORIZATION): the session's own user, or 42704 when no
 * such role exists. Roles are not modelled, so another existing role is 0A000.
 */
export function resolveRoleSpec(spec: { roletype?: string; rolename?: string }, user: string, sessionUser: string, cat?: Catalog): string {
  switch (spec.roletype) {
    case 'ROLESPEC_CURRENT_USER':
    case 'ROLESPEC_CURRENT_ROLE':
      return user;
    case 'ROLESPEC_SESSION_USER':
      return sessionUser;
    case 'ROLESPEC_PUBLIC':
      throw new PgError(SQLSTATE.undefined_object, 'role "public" does not exist');
  }
  const name = spec.rolename ?? '';
  if (name === user) return name;
  if (cat) {
    if (!cat.roleByName.has(name)) throw new PgError(SQLSTATE.undefined_object, `role "${name}" does not exist`);
    return name;
  }
  if (knownRoleOid(name, user) === undefined) throw new PgError(SQLSTATE.undefined_object, `role "${name}" does not exist`);
  throw featureNotSupported(`objects owned by another role ("${name}")`);
}
