/**
 * Privileges: aclitem values (default ACLs, text output, grant/revoke arithmetic), role
 * membership, and the checks statements make when the current role is not a superuser.
 * Postgres counterpart: src/backend/utils/adt/acl.c, src/backend/catalog/aclchk.c.
 * Known gaps: roles live in each database's catalog (Postgres keeps them cluster-wide).
 */
import type { Catalog } from './catalog.js';
import type { AclItem, RelationDef, RoleDef } from './objects.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';

/** The grantee OID of PUBLIC in an aclitem. */
export const PUBLIC = 0;
/** The bootstrap superuser. */
export const BOOTSTRAP_SUPERUSER = 10;

/** Privilege letters in Postgres's output order (ACL_ALL_RIGHTS_STR). */
const LETTER_ORDER = 'arwdDxtXUCTcsAm';

/** Keyword → letter (GRANT's privilege names and has_*_privilege's). */
export const PRIV_LETTER: Record<string, string> = {
  SELECT: 'r', INSERT: 'a', UPDATE: 'w', DELETE: 'd', TRUNCATE: 'D', REFERENCES: 'x', TRIGGER: 't', MAINTAIN: 'm',
  EXECUTE: 'X', USAGE: 'U', CREATE: 'C', CONNECT: 'c', TEMPORARY: 'T', TEMP: 'T', SET: 's', 'ALTER SYSTEM': 'A',
};

/** Every privilege an object kind has (ACL_ALL_RIGHTS_*). */
export type AclObjectKind = 'table' | 'sequence' | 'function' | 'schema' | 'type' | 'database' | 'language' | 'column' | 'largeobject';
export const ALL_PRIVS: Record<AclObjectKind, string> = {
  table: 'arwdDxtm', column: 'arwx', sequence: 'rwU', function: 'X', schema: 'UC', type: 'U', database: 'CTc', language: 'U', largeobject: 'rw',
};

/** Postgres's acldefault(): the owner holds everything; PUBLIC gets EXECUTE / USAGE / CONNECT+TEMP. */
export function aclDefault(kind: AclObjectKind, owner: number): AclItem[] {
  if (kind === 'column') return [];
  const out: AclItem[] = [{ grantee: owner, grantor: owner, privs: ALL_PRIVS[kind], grantable: '' }];
  const pub = kind === 'function' ? 'X' : kind === 'type' || kind === 'language' ? 'U' : kind === 'database' ? 'Tc' : '';
  if (pub) out.unshift({ grantee: PUBLIC, grantor: owner, privs: pub, grantable: '' });
  return out;
}

function sortLetters(s: string): string {
  let out = '';
  for (const c of LETTER_ORDER) if (s.includes(c)) out += c;
  return out;
}

/** A role name as aclitem output quotes it (putid). */
function putid(name: string): string {
  return /^[A-Za-z0-9_]*$/.test(name) ? name : '"' + name.replace(/"/g, '""') + '"';
}

/** The name of a role OID (the OID itself for a dropped role, as Postgres prints it). */
export function roleNameOf(cat: Catalog, oid: number): string {
  return cat.roles.get(oid)?.name ?? String(oid);
}

/** aclitem text: `grantee=privs/grantor`, a `*` after each grantable letter; PUBLIC is empty. */
export function aclItemText(cat: Catalog, a: AclItem): string {
  let p = '';
  for (const c of LETTER_ORDER) if (a.privs.includes(c)) p += c + (a.grantable.includes(c) ? '*' : '');
  return `${a.grantee === PUBLIC ? '' : putid(roleNameOf(cat, a.grantee))}=${p}/${putid(roleNameOf(cat, a.grantor))}`;
}

export function aclText(cat: Catalog, acl: readonly AclItem[]): string[] {
  return acl.map((a) => aclItemText(cat, a));
}

/** Adds privileges (with grant option: also to grantable) for grantee from grantor (aclupdate ADD). */
export function aclGrant(acl: readonly AclItem[], grantee: number, grantor: number, privs: string, withGrant: boolean): AclItem[] {
  const out = acl.slice();
  const i = out.findIndex((a) => a.grantee === grantee && a.grantor === grantor);
  if (i >= 0) {
    const a = out[i];
    out[i] = { ...a, privs: sortLetters(a.privs + privs), grantable: withGrant ? sortLetters(a.grantable + privs) : a.grantable };
  } else out.push({ grantee, grantor, privs: sortLetters(privs), grantable: withGrant ? sortLetters(privs) : '' });
  return out;
}

/** Removes privileges (or only their grant option) of grantee from grantor (aclupdate DEL). */
export function aclRevoke(acl: readonly AclItem[], grantee: number, grantor: number, privs: string, grantOptionOnly: boolean): AclItem[] {
  const out: AclItem[] = [];
  for (const a of acl) {
    if (a.grantee !== grantee || a.grantor !== grantor) {
      out.push(a);
      continue;
    }
    const strip = (s: string) => [...s].filter((c) => !privs.includes(c)).join('');
    const next = grantOptionOnly ? { ...a, grantable: strip(a.grantable) } : { ...a, privs: strip(a.privs), grantable: strip(a.grantable) };
    if (next.privs) out.push(next);
  }
  return out;
}

// ---- roles and membership ------------------------------------------------------------------

export function roleDef(cat: Catalog, name: string): RoleDef | undefined {
  return cat.role(name);
}

/** Whether a role (by name) is a superuser; an unknown name (a dropped role) is not. */
export function isSuperuser(cat: Catalog, name: string): boolean {
  return name === 'postgres' ? (cat.role(name)?.superuser ?? true) : !!cat.role(name)?.superuser;
}

/**
 * The roles whose privileges `oid` uses: itself, then (through memberships with INHERIT) every
 * role it belongs to (roles_is_member_of ROLERECURSE_PRIVS). `how` = 'set' follows SET option,
 * 'member' any membership.
 */
export function rolesOf(cat: Catalog, oid: number, how: 'privs' | 'set' | 'member' = 'privs'): Set<number> {
  const out = new Set<number>([oid]);
  const queue = [oid];
  while (queue.length) {
    const m = queue.shift() as number;
    for (const e of cat.authMembers) {
      if (e.member !== m || out.has(e.role)) continue;
      if (how === 'privs' && !e.inherit) continue;
      if (how === 'set' && !e.set) continue;
      out.add(e.role);
      queue.push(e.role);
    }
  }
  // pg_database_owner: the database owner (postgres) is its implicit member.
  if (oid === BOOTSTRAP_SUPERUSER) out.add(6171);
  return out;
}

/** has_privs_of_role: superusers have every role's privileges. */
export function hasPrivsOfRole(cat: Catalog, member: string, role: number): boolean {
  if (isSuperuser(cat, member)) return true;
  const m = cat.roleByName.get(member);
  return m !== undefined && rolesOf(cat, m, 'privs').has(role);
}

/** Whether `user` holds every letter of `privs` through `acl` (aclmask over user, its roles and PUBLIC). */
export function aclHolds(cat: Catalog, acl: readonly AclItem[], user: string, privs: string, grantOption = false): boolean {
  const held = aclMask(cat, acl, user, grantOption);
  for (const c of privs) if (!held.includes(c)) return false;
  return true;
}

/** The privilege letters `user` holds through `acl` (or their grant options). */
export function aclMask(cat: Catalog, acl: readonly AclItem[], user: string, grantOption = false): string {
  const oid = cat.roleByName.get(user);
  const mine = oid === undefined ? new Set<number>() : rolesOf(cat, oid, 'privs');
  let held = '';
  for (const a of acl) {
    if (a.grantee === PUBLIC ? grantOption : !mine.has(a.grantee)) continue;
    held += grantOption ? a.grantable : a.privs;
  }
  return held;
}

// ---- object ACLs ---------------------------------------------------------------------------

export function ownerOid(cat: Catalog, owner: string): number {
  return cat.roleByName.get(owner) ?? BOOTSTRAP_SUPERUSER;
}

export function relationAclKind(rel: RelationDef): AclObjectKind {
  return rel.kind === 'S' ? 'sequence' : 'table';
}

/** A relation's effective ACL (relacl, or acldefault when NULL). */
export function relationAcl(cat: Catalog, rel: RelationDef): readonly AclItem[] {
  return rel.acl ?? aclDefault(relationAclKind(rel), ownerOid(cat, rel.owner));
}

/** The word Postgres's errors use for a relation kind (get_relkind_objtype). */
export function relationKindWord(rel: RelationDef): string {
  switch (rel.kind) {
    case 'S':
      return 'sequence';
    case 'v':
      return 'view';
    case 'm':
      return 'materialized view';
    case 'c':
      return 'type';
    case 'i':
      return 'index';
    default:
      return 'table';
  }
}

export function permissionDenied(what: string, name: string): PgError {
  return new PgError(SQLSTATE.insufficient_privilege, `permission denied for ${what} ${name}`);
}

export function mustBeOwner(what: string, name: string): PgError {
  return new PgError(SQLSTATE.insufficient_privilege, `must be owner of ${what} ${name}`);
}

const PG_READ_ALL_DATA = 6181;
const PG_WRITE_ALL_DATA = 6182;
const PG_MAINTAIN = 6337;

/**
 * The relation privileges `user` holds on every table through the predefined roles
 * pg_read_all_data (SELECT), pg_write_all_data (INSERT, UPDATE, DELETE) and pg_maintain (MAINTAIN),
 * as pg_class_aclmask adds them.
 */
export function predefinedRelationPrivs(cat: Catalog, user: string): string {
  const oid = cat.roleByName.get(user);
  if (oid === undefined || !cat.authMembers.length) return '';
  const mine = rolesOf(cat, oid, 'privs');
  return (mine.has(PG_READ_ALL_DATA) ? 'r' : '') + (mine.has(PG_WRITE_ALL_DATA) ? 'awd' : '') + (mine.has(PG_MAINTAIN) ? 'm' : '');
}

/** USAGE on every schema through pg_read_all_data / pg_write_all_data (pg_namespace_aclmask). */
export function predefinedSchemaUsage(cat: Catalog, user: string): boolean {
  const oid = cat.roleByName.get(user);
  if (oid === undefined || !cat.authMembers.length) return false;
  const mine = rolesOf(cat, oid, 'privs');
  return mine.has(PG_READ_ALL_DATA) || mine.has(PG_WRITE_ALL_DATA);
}

/** Whether `user` may use the relation's privileges `privs` (on the table, or on every column in `cols`). */
export function relationAllows(cat: Catalog, user: string, rel: RelationDef, privs: string, cols?: ReadonlySet<number>): boolean {
  if (isSuperuser(cat, user)) return true;
  const tableHeld = aclMask(cat, relationAcl(cat, rel), user) + predefinedRelationPrivs(cat, user);
  let missing = '';
  for (const c of privs) if (!tableHeld.includes(c)) missing += c;
  if (!missing) return true;
  // Column privileges can stand in for SELECT / INSERT / UPDATE / REFERENCES on the columns used.
  for (const c of missing) {
    if (!'arwx'.includes(c)) return false;
    if (!cols || cols.size === 0) {
      // No column named (SELECT count(*)): any column with the privilege will do.
      if (!rel.columns.some((col) => !col.dropped && col.acl && aclMask(cat, col.acl, user).includes(c))) return false;
      continue;
    }
    for (const attnum of cols) {
      const col = rel.columns[attnum - 1];
      if (!col || !col.acl || !aclMask(cat, col.acl, user).includes(c)) return false;
    }
  }
  return true;
}

/** Raises `permission denied for table t` unless `user` holds `privs` on the relation (or the columns). */
export function checkRelation(cat: Catalog, user: string, rel: RelationDef, privs: string, cols?: ReadonlySet<number>): void {
  if (!relationAllows(cat, user, rel, privs, cols)) throw permissionDenied(relationKindWord(rel), rel.name);
}

/** A schema's effective ACL. */
export function namespaceAcl(cat: Catalog, nsOid: number): readonly AclItem[] {
  const ns = cat.namespaces.get(nsOid);
  if (!ns) return [];
  if (ns.acl) return ns.acl;
  // pg_catalog and information_schema: USAGE for PUBLIC; public: USAGE + CREATE for its owner role.
  if (ns.name === 'pg_catalog' || ns.name === 'information_schema') {
    return [{ grantee: BOOTSTRAP_SUPERUSER, grantor: BOOTSTRAP_SUPERUSER, privs: 'UC', grantable: '' }, { grantee: PUBLIC, grantor: BOOTSTRAP_SUPERUSER, privs: 'U', grantable: '' }];
  }
  if (ns.oid === 2200 && ns.owner === 'pg_database_owner') {
    return [{ grantee: 6171, grantor: 6171, privs: 'UC', grantable: '' }, { grantee: PUBLIC, grantor: 6171, privs: 'U', grantable: '' }];
  }
  return aclDefault('schema', ownerOid(cat, ns.owner));
}

/** Raises `permission denied for schema s` unless `user` has `privs` (U, C) on it. */
export function checkNamespace(cat: Catalog, user: string, nsOid: number, privs: string): void {
  if (isSuperuser(cat, user)) return;
  if (nsOid === 99 || cat.namespaces.get(nsOid)?.name.startsWith('pg_temp')) return;
  if (!aclHolds(cat, namespaceAcl(cat, nsOid), user, privs) && !(privs === 'U' && predefinedSchemaUsage(cat, user))) throw permissionDenied('schema', cat.namespaceName(nsOid));
}

/** Whether `user` owns (has the privileges of the owner of) an object. */
export function isOwner(cat: Catalog, user: string, owner: string): boolean {
  if (user === owner || isSuperuser(cat, user)) return true;
  const o = cat.roleByName.get(owner);
  return o !== undefined && hasPrivsOfRole(cat, user, o);
}

/** Raises `must be owner of <what> <name>` unless `user` owns it. */
export function checkOwner(cat: Catalog, user: string, owner: string, what: string, name: string): void {
  if (!isOwner(cat, user, owner)) throw mustBeOwner(what, name);
}

/**
 * DROP's ownership check (RemoveObjects, RangeVarCallbackForDropRelation): the object's owner, or
 * the owner of its schema, may drop it.
 */
export function checkDropOwner(cat: Catalog, user: string, owner: string, namespace: number | undefined, what: string, name: string): void {
  if (isOwner(cat, user, owner)) return;
  const ns = namespace === undefined ? undefined : cat.namespaces.get(namespace);
  if (ns && isOwner(cat, user, ns.owner)) return;
  throw mustBeOwner(what, name);
}

/** nextval / currval / setval: any one of `anyOf` (U USAGE, r SELECT, w UPDATE) on the sequence. */
export function checkSequence(rt: { readonly session: { catalog(): Catalog; currentUser(): string } }, oid: number, anyOf: string): void {
  const cat = rt.session.catalog();
  const user = rt.session.currentUser();
  if (isSuperuser(cat, user)) return;
  const rel = cat.relations.get(oid);
  if (!rel) return;
  const held = aclMask(cat, relationAcl(cat, rel), user);
  for (const c of anyOf) if (held.includes(c)) return;
  throw permissionDenied('sequence', rel.name);
}
