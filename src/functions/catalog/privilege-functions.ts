/**
 * has_*_privilege and pg_has_role: the object's ACL (or acldefault) read for the role asked about;
 * names that do not exist and unknown privilege words raise Postgres's errors, and an OID that
 * names nothing gives NULL.
 * Postgres counterpart: src/backend/utils/adt/acl.c.
 * Known gaps: built-in functions, types and languages are usable by everyone.
 */
import { fn } from '../registry.js';
import { OID } from '../../types/oids.js';
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import type { ExprRuntime } from '../../nodes/primnodes.js';
import { PgArray, PgRecord, type Value } from '../../types/values.js';
import { regInput } from '../../analyze/regclass.js';
import { knownRoleOid } from '../../catalog/system/common.js';
import type { AclItem } from '../../catalog/objects.js';
import { PRIV_LETTER, PUBLIC, aclDefault, hasPrivsOfRole, predefinedRelationPrivs, predefinedSchemaUsage, aclMask, aclText, isSuperuser, namespaceAcl, ownerOid, relationAcl, rolesOf } from '../../catalog/acl.js';
import { systemRelationByOid } from '../../catalog/system/registry.js';
import { systemRelationAcl } from '../../catalog/system/system-acl.js';
import { builtinProcByOid } from '../../catalog/system/procs.js';
import { builtinFacts } from '../../catalog/system/type-facts.js';
import { databaseOid } from '../../catalog/system/pg-database.js';

type Kind = 'table' | 'column' | 'any_column' | 'sequence' | 'schema' | 'database' | 'function' | 'type' | 'role' | 'language' | 'tablespace' | 'foreign_data_wrapper' | 'server' | 'parameter' | 'largeobject';

const PRIVILEGES: Record<Kind, string[]> = {
  table: ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER', 'MAINTAIN'],
  column: ['SELECT', 'INSERT', 'UPDATE', 'REFERENCES'],
  any_column: ['SELECT', 'INSERT', 'UPDATE', 'REFERENCES'],
  sequence: ['USAGE', 'SELECT', 'UPDATE'],
  schema: ['CREATE', 'USAGE'],
  database: ['CREATE', 'CONNECT', 'TEMPORARY', 'TEMP'],
  function: ['EXECUTE'],
  type: ['USAGE'],
  role: ['MEMBER', 'USAGE', 'SET'],
  language: ['USAGE'],
  tablespace: ['CREATE'],
  foreign_data_wrapper: ['USAGE'],
  server: ['USAGE'],
  parameter: ['SET', 'ALTER SYSTEM'],
  largeobject: ['SELECT', 'UPDATE'],
};

function checkPrivileges(kind: Kind, text: string): void {
  for (const part of text.split(',')) {
    const p = part.trim().replace(/\s+WITH\s+(GRANT|ADMIN|SET)\s+OPTION$/i, '').toUpperCase();
    if (!PRIVILEGES[kind].includes(p)) throw new PgError(SQLSTATE.invalid_parameter_value, `unrecognized privilege type: "${part.trim()}"`);
  }
}

/** Whether an object OID of this kind exists (NULL results for OIDs that name nothing). */
function exists(rt: ExprRuntime, kind: Kind, oid: number): boolean {
  const cat = rt.session.catalog();
  switch (kind) {
    case 'table':
    case 'sequence':
    case 'column':
    case 'any_column':
      return cat.relations.has(oid) || !!systemRelationByOid(oid);
    case 'schema':
      return cat.namespaces.has(oid) || oid === 99;
    case 'function':
      return !!builtinProcByOid(oid) || cat.functions.has(oid);
    case 'type':
      return builtinFacts.has(oid) || cat.types.has(oid);
    case 'database':
      return oid === databaseOid(rt.session.databaseName(), rt.session.databaseName()) || [1, 4, 5].includes(oid);
    case 'largeobject':
      return cat.largeObjects.has(oid);
    default:
      return true;
  }
}

/** Resolves an object given by name (raising Postgres's "does not exist" errors). */
function byName(rt: ExprRuntime, kind: Kind, name: string): number {
  switch (kind) {
    case 'table':
    case 'sequence':
    case 'column':
    case 'any_column':
      return regInput(OID.regclass)!(rt, name);
    case 'schema': {
      const oid = rt.session.catalog().namespaceOid(name) ?? (name === 'pg_toast' ? 99 : undefined);
      if (oid === undefined) throw new PgError(SQLSTATE.invalid_schema_name, `schema "${name}" does not exist`);
      return oid;
    }
    case 'database': {
      const oid = databaseOid(name, rt.session.databaseName());
      if (!oid) throw new PgError(SQLSTATE.invalid_catalog_name, `database "${name}" does not exist`);
      return oid;
    }
    case 'function':
      return regInput(OID.regprocedure)!(rt, name);
    case 'type':
      return regInput(OID.regtype)!(rt, name);
    case 'role':
      return roleByName(rt, name);
    default:
      return 1;
  }
}

function roleByName(rt: ExprRuntime, name: string): number {
  const oid = knownRoleOid(name, rt.session.currentUser(), rt.session.catalog());
  if (oid === undefined) throw new PgError(SQLSTATE.undefined_object, `role "${name}" does not exist`);
  return oid;
}

function define(name: string, kind: Kind, objectArgs: number[][]): void {
  for (const obj of objectArgs) {
    const withUser = [[OID.name], [OID.oid]];
    const variants: number[][] = [[...obj, OID.text], ...withUser.map((u) => [...u, ...obj, OID.text])];
    for (const args of variants) {
      const userFirst = args.length > obj.length + 1;
      fn(name, args, OID.bool, (a: Value[], rt) => {
        const vals = userFirst ? a.slice(1) : a;
        let user = rt.session.currentUser();
        if (userFirst) {
          if (typeof a[0] === 'string') {
            roleByName(rt, a[0]);
            user = a[0];
          } else {
            // An OID that names no role has no privileges beyond PUBLIC's (not NULL).
            user = rt.session.catalog().roles.get(a[0] as number)?.name ?? '\u0000no role';
          }
        }
        const privText = vals[vals.length - 1] as string;
        checkPrivileges(kind, privText);
        const target = vals[0];
        let oid: number;
        if (typeof target === 'string') oid = byName(rt, kind, target);
        else if (!exists(rt, kind, target as number)) return null;
        else oid = target as number;
        let attnum: number | undefined;
        if (kind === 'column' && vals.length === 3) {
          const rel = rt.session.catalog().relations.get(oid);
          const sys = rel ? undefined : systemRelationByOid(oid);
          if (typeof vals[1] === 'string') {
            // A dropped column is found by the name Postgres gives it, and gives NULL.
            const dropped = /^\.{8}pg\.dropped\.(\d+)\.{8}$/.exec(vals[1]);
            if (dropped && rel?.columns[Number(dropped[1]) - 1]?.dropped) return null;
            if (rel) {
              const col = rel.columns.find((c) => !c.dropped && c.name === vals[1]);
              if (!col) throw new PgError(SQLSTATE.undefined_column, `column "${vals[1]}" of relation "${rel.name}" does not exist`);
              attnum = col.attnum;
            } else if (sys) {
              const i = sys.columns.findIndex((c) => c.name === vals[1]);
              if (i < 0) throw new PgError(SQLSTATE.undefined_column, `column "${vals[1]}" of relation "${sys.name}" does not exist`);
              attnum = i + 1;
            }
          } else {
            attnum = vals[1] as number;
            if (rel && (!rel.columns[attnum - 1] || rel.columns[attnum - 1].dropped)) return null;
            if (sys && (attnum < 1 || attnum > sys.columns.length)) return null;
          }
        }
        return privilegeHeld(rt, kind, user, oid, privText, attnum);
      }, { volatility: 's' });
    }
  }
}

/** Whether `user` holds any of the privileges listed in `text` on the object. */
function privilegeHeld(rt: ExprRuntime, kind: Kind, user: string, oid: number, text: string, attnum: number | undefined): boolean {
  const cat = rt.session.catalog();
  // (has_sequence_privilege on another relation kind is an error, even for superusers)
  if (kind === 'sequence') objectAcl(rt, kind, oid);
  for (const part of text.split(',')) {
    const grant = /\s+WITH\s+(GRANT|ADMIN|SET)\s+OPTION$/i.test(part.trim());
    const word = part.trim().replace(/\s+WITH\s+(GRANT|ADMIN|SET)\s+OPTION$/i, '').toUpperCase();
    if (kind === 'role') {
      const role = cat.roles.get(oid);
      const me = cat.roleByName.get(user);
      if (!role || me === undefined) continue;
      if (isSuperuser(cat, user)) return true;
      if (grant || word === 'MEMBER' ? rolesOf(cat, me, 'member').has(oid) : word === 'SET' ? rolesOf(cat, me, 'set').has(oid) : rolesOf(cat, me, 'privs').has(oid)) return true;
      continue;
    }
    const letter = PRIV_LETTER[word];
    if (isSuperuser(cat, user)) return true;
    if (kind === 'largeobject' && rt.session.getSetting('lo_compat_privileges', true) === 'on') return true;
    const acl = objectAcl(rt, kind, oid);
    if (!acl) return true;
    if (aclMask(cat, acl.table, user, grant).includes(letter)) return true;
    if (!grant && (kind === 'table' || kind === 'sequence' || kind === 'column' || kind === 'any_column') && predefinedRelationPrivs(cat, user).includes(letter)) return true;
    if (!grant && kind === 'schema' && letter === 'U' && predefinedSchemaUsage(cat, user)) return true;
    // The owner (and its members) implicitly hold the grant options of the privileges it has (aclmask).
    if (grant && acl.owner !== undefined && hasPrivsOfRole(cat, user, acl.owner) && aclMask(cat, acl.table, user).includes(letter)) return true;
    if (kind === 'column' || kind === 'any_column') {
      const rel = cat.relations.get(oid);
      for (const c of rel?.columns ?? []) {
        if (c.dropped || !c.acl || (attnum !== undefined && c.attnum !== attnum)) continue;
        if (aclMask(cat, c.acl, user, grant).includes(letter)) return true;
      }
    }
  }
  return false;
}

/** The effective ACL of an object (undefined: a built-in object everyone may use). */
function objectAcl(rt: ExprRuntime, kind: Kind, oid: number): { table: readonly AclItem[]; owner?: number } | undefined {
  const cat = rt.session.catalog();
  switch (kind) {
    case 'table':
    case 'sequence':
    case 'column':
    case 'any_column': {
      const rel = cat.relations.get(oid);
      if (!rel) {
        const sys = systemRelationByOid(oid);
        if (sys && kind === 'sequence') throw new PgError(SQLSTATE.wrong_object_type, `"${sys.name}" is not a sequence`);
        return sys ? { table: systemRelationAcl(sys) } : undefined;
      }
      if (kind === 'sequence' && rel.kind !== 'S') throw new PgError(SQLSTATE.wrong_object_type, `"${rel.name}" is not a sequence`);
      return { table: relationAcl(cat, rel), owner: ownerOid(cat, rel.owner) };
    }
    case 'schema':
      return cat.namespaces.has(oid) ? { table: namespaceAcl(cat, oid), owner: ownerOid(cat, cat.namespaces.get(oid)!.owner) } : undefined;
    case 'function': {
      const f = cat.functions.get(oid);
      return f ? { table: f.acl ?? aclDefault('function', ownerOid(cat, f.owner)), owner: ownerOid(cat, f.owner) } : undefined;
    }
    case 'type': {
      const t = cat.types.get(oid);
      return t ? { table: t.acl ?? aclDefault('type', ownerOid(cat, t.owner)), owner: ownerOid(cat, t.owner) } : undefined;
    }
    case 'database':
      return { table: cat.databaseAcl ?? aclDefault('database', 10) };
    case 'largeobject': {
      const lo = cat.largeObjects.get(oid);
      return lo ? { table: lo.acl ?? aclDefault('largeobject', ownerOid(cat, lo.owner)), owner: ownerOid(cat, lo.owner) } : undefined;
    }
    default:
      return undefined;
  }
}

define('has_table_privilege', 'table', [[OID.text], [OID.oid]]);
define('has_sequence_privilege', 'sequence', [[OID.text], [OID.oid]]);
define('has_any_column_privilege', 'any_column', [[OID.text], [OID.oid]]);
define('has_column_privilege', 'column', [[OID.text, OID.text], [OID.text, OID.int2], [OID.oid, OID.text], [OID.oid, OID.int2]]);
define('has_schema_privilege', 'schema', [[OID.text], [OID.oid]]);
define('has_database_privilege', 'database', [[OID.text], [OID.oid]]);
define('has_function_privilege', 'function', [[OID.text], [OID.oid]]);
define('has_type_privilege', 'type', [[OID.text], [OID.oid]]);
define('has_language_privilege', 'language', [[OID.text], [OID.oid]]);
define('has_tablespace_privilege', 'tablespace', [[OID.text], [OID.oid]]);
define('pg_has_role', 'role', [[OID.name], [OID.oid]]);
define('has_largeobject_privilege', 'largeobject', [[OID.oid]]);

// ---- aclitem functions ---------------------------------------------------------------------

const ACLITEM_ARRAY = 1034;

/** aclexplode's privilege order (the ACL_* bit order) and names. */
const EXPLODE_ORDER: readonly [string, string][] = [
  ['a', 'INSERT'], ['r', 'SELECT'], ['w', 'UPDATE'], ['d', 'DELETE'], ['D', 'TRUNCATE'], ['x', 'REFERENCES'], ['t', 'TRIGGER'], ['X', 'EXECUTE'],
  ['U', 'USAGE'], ['C', 'CREATE'], ['T', 'TEMPORARY'], ['c', 'CONNECT'], ['s', 'SET'], ['A', 'ALTER SYSTEM'], ['m', 'MAINTAIN'],
];

/** A role name of aclitem text (possibly double-quoted), from position `i`; returns [name, next]. */
function readAclName(s: string, i: number): [string, number] {
  if (s[i] !== '"') {
    let j = i;
    while (j < s.length && s[j] !== '=' && s[j] !== '/') j++;
    return [s.slice(i, j), j];
  }
  let out = '';
  let j = i + 1;
  for (; j < s.length; j++) {
    if (s[j] === '"') {
      if (s[j + 1] === '"') {
        out += '"';
        j++;
      } else break;
    } else out += s[j];
  }
  return [out, j + 1];
}

function parseAclItem(rt: ExprRuntime, text: string): AclItem {
  const cat = rt.session.catalog();
  const [grantee, eq] = readAclName(text, 0);
  const slash = text.lastIndexOf('/');
  const letters = text.slice(eq + 1, slash);
  const [grantor] = readAclName(text, slash + 1);
  let privs = '';
  let grantable = '';
  for (let i = 0; i < letters.length; i++) {
    privs += letters[i];
    if (letters[i + 1] === '*') {
      grantable += letters[i];
      i++;
    }
  }
  const oidOf = (n: string) => cat.roleByName.get(n) ?? (/^\d+$/.test(n) ? Number(n) : 0);
  return { grantee: grantee === '' ? PUBLIC : oidOf(grantee), grantor: oidOf(grantor), privs, grantable };
}

fn('aclexplode', [ACLITEM_ARRAY], OID.record, (a, rt) => {
  const out: PgRecord[] = [];
  const names = ['grantor', 'grantee', 'privilege_type', 'is_grantable'];
  const types = [OID.oid, OID.oid, OID.text, OID.bool];
  for (const v of (a[0] as PgArray).items) {
    if (v === null) continue;
    const item = parseAclItem(rt, v as string);
    for (const [c, word] of EXPLODE_ORDER) if (item.privs.includes(c)) out.push(new PgRecord([item.grantor, item.grantee, word, item.grantable.includes(c)], names, types));
  }
  return out;
}, { retset: true, outColumns: [{ name: 'grantor', type: OID.oid }, { name: 'grantee', type: OID.oid }, { name: 'privilege_type', type: OID.text }, { name: 'is_grantable', type: OID.bool }] });

const ACLDEFAULT_KIND: Record<string, import('../../catalog/acl.js').AclObjectKind | undefined> = {
  c: 'column', r: 'table', s: 'sequence', d: 'database', f: 'function', l: 'language', n: 'schema', T: 'type', L: 'largeobject',
};

fn('acldefault', [OID.char, OID.oid], ACLITEM_ARRAY, (a, rt) => {
  const kind = ACLDEFAULT_KIND[a[0] as string];
  if (!kind) throw new PgError(SQLSTATE.internal_error, `unrecognized object type abbreviation: ${a[0] as string}`);
  return PgArray.of(aclText(rt.session.catalog(), aclDefault(kind, a[1] as number)));
}, { volatility: 'i' });
