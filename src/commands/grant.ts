/**
 * GRANT / REVOKE on objects (tables, views, sequences, columns, schemas, functions, procedures,
 * types, large objects, the database), ALL ... IN SCHEMA, WITH GRANT OPTION, REVOKE ... CASCADE, and
 * ALTER DEFAULT PRIVILEGES.
 * Postgres counterpart: src/backend/catalog/aclchk.c (ExecuteGrantStmt, ExecGrant_*, select_best_grantor).
 * Known gaps: languages, tablespaces, foreign servers and
 * parameters are 0A000.
 */
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Session } from '../session/session.js';
import { commandResult, type StatementResult } from '../session/dispatch.js';
import type { Catalog, DefaultAclObjtype } from '../catalog/catalog.js';
import type { AclItem, RelationDef } from '../catalog/objects.js';
import {
  ALL_PRIVS, PRIV_LETTER, PUBLIC, aclDefault, aclGrant, aclMask, aclRevoke, hasPrivsOfRole, isSuperuser, namespaceAcl, ownerOid,
  permissionDenied, relationKindWord, type AclObjectKind,
} from '../catalog/acl.js';
import { openRelation } from '../analyze/relation.js';
import { lookupRoutine } from './functioncmds.js';
import { roleSpecName } from './role-cmds.js';
import { lookupTypeName } from './grant-types.js';

type AnyNode = Record<string, any>;

/** One object being granted on: its current ACL, how to store a new one, and how errors name it. */
interface Target {
  readonly kind: AclObjectKind;
  readonly name: string;
  /** The word in `no privileges were granted for "x"` / `permission denied for <word> x`. */
  readonly word: string;
  readonly owner: string;
  readonly acl: readonly AclItem[] | undefined;
  readonly store: (acl: readonly AclItem[]) => void;
  /** A table: its columns' ACLs by attnum. */
  readonly rel?: RelationDef;
}

interface PrivSpec {
  /** Letters; undefined for ALL [PRIVILEGES]. */
  readonly letters?: string;
  readonly cols?: readonly string[];
  readonly name: string;
}

function readPrivileges(n: AnyNode): PrivSpec[] | undefined {
  if (!n.privileges) return undefined;
  return (n.privileges as AnyNode[]).map((p) => {
    const a = p.AccessPriv;
    const cols = (a.cols as AnyNode[] | undefined)?.map((c) => c.String.sval as string);
    if (!a.priv_name) return { cols, name: 'ALL' };
    const name = (a.priv_name as string).toUpperCase();
    const letter = PRIV_LETTER[name];
    if (!letter) throw new PgError(SQLSTATE.syntax_error, `unrecognized privilege type "${a.priv_name}"`);
    return { letters: letter, cols, name };
  });
}

function grantees(session: Session, cat: Catalog, n: AnyNode): number[] {
  return (n.grantees as AnyNode[]).map((g) => {
    const name = roleSpecName(session, g, true);
    if (name === '') return PUBLIC;
    const oid = cat.roleByName.get(name);
    if (oid === undefined) throw new PgError(SQLSTATE.undefined_object, `role "${name}" does not exist`);
    return oid;
  });
}

function relationTarget(cat: Catalog, rel: RelationDef): Target {
  const kind: AclObjectKind = rel.kind === 'S' ? 'sequence' : 'table';
  return {
    kind, name: rel.name, word: relationKindWord(rel), owner: rel.owner, acl: rel.acl, rel,
    store: (acl) => cat.putRelation({ ...cat.relation(rel.oid), acl }),
  };
}

function targets(session: Session, cat: Catalog, n: AnyNode): Target[] {
  const out: Target[] = [];
  const objtype = n.objtype as string;
  if (n.targtype === 'ACL_TARGET_ALL_IN_SCHEMA') {
    for (const s of n.objects as AnyNode[]) {
      const schema = s.String.sval as string;
      const ns = cat.namespaceOid(schema);
      if (ns === undefined) throw new PgError(SQLSTATE.invalid_schema_name, `schema "${schema}" does not exist`);
      if (objtype === 'OBJECT_TABLE' || objtype === 'OBJECT_SEQUENCE') {
        const rels = [...cat.relations.values()].filter((r) => r.namespace === ns && (objtype === 'OBJECT_SEQUENCE' ? r.kind === 'S' : 'rvmfp'.includes(r.kind))).sort((a, b) => a.oid - b.oid);
        for (const r of rels) out.push(relationTarget(cat, r));
      } else if (objtype === 'OBJECT_FUNCTION' || objtype === 'OBJECT_PROCEDURE' || objtype === 'OBJECT_ROUTINE') {
        for (const f of cat.functions.values()) {
          if (f.namespace !== ns) continue;
          if ((objtype === 'OBJECT_FUNCTION' && f.kind !== 'f') || (objtype === 'OBJECT_PROCEDURE' && f.kind !== 'p')) continue;
          out.push({ kind: 'function', name: f.name, word: f.kind === 'p' ? 'procedure' : 'function', owner: f.owner, acl: f.acl, store: (acl) => cat.putFunction({ ...(cat.functions.get(f.oid) ?? f), acl }) });
        }
      } else throw featureNotSupported(`GRANT ON ALL ${objtype.replace('OBJECT_', '')}S IN SCHEMA`);
    }
    return out;
  }
  for (const o of n.objects as AnyNode[]) {
    switch (objtype) {
      case 'OBJECT_TABLE':
      case 'OBJECT_SEQUENCE': {
        const rv = o.RangeVar;
        const rel = openRelation(cat, session.searchPath(), { schema: rv.schemaname, name: rv.relname });
        if (objtype === 'OBJECT_SEQUENCE' && rel.kind !== 'S') throw new PgError(SQLSTATE.wrong_object_type, `"${rel.name}" is not a sequence`);
        if (rel.kind === 'i' || rel.kind === 'c') throw new PgError(SQLSTATE.wrong_object_type, `"${rel.name}" is not a table, view, materialized view, sequence, or foreign table`);
        out.push(relationTarget(cat, rel));
        break;
      }
      case 'OBJECT_SCHEMA': {
        const name = o.String.sval as string;
        const oid = cat.namespaceOid(name);
        if (oid === undefined) throw new PgError(SQLSTATE.invalid_schema_name, `schema "${name}" does not exist`);
        const ns = cat.namespaces.get(oid)!;
        out.push({ kind: 'schema', name, word: 'schema', owner: ns.owner, acl: ns.acl ?? (oid < 16384 ? namespaceAcl(cat, oid) : undefined), store: (acl) => cat.putNamespace({ ...cat.namespaces.get(oid)!, acl }) });
        break;
      }
      case 'OBJECT_FUNCTION':
      case 'OBJECT_PROCEDURE':
      case 'OBJECT_ROUTINE': {
        const f = lookupRoutine(session, cat, o.ObjectWithArgs, objtype, false);
        if (!f) throw featureNotSupported('GRANT on a built-in function');
        out.push({ kind: 'function', name: f.name, word: f.kind === 'p' ? 'procedure' : 'function', owner: f.owner, acl: f.acl, store: (acl) => cat.putFunction({ ...(cat.functions.get(f.oid) ?? f), acl }) });
        break;
      }
      case 'OBJECT_TYPE':
      case 'OBJECT_DOMAIN': {
        const t = lookupTypeName(session, cat, o);
        // (ExecGrant_Type: array types follow their element type; ON DOMAIN names a domain)
        if (t.elementType !== undefined) throw new PgError(SQLSTATE.invalid_grant_operation, 'cannot set privileges of array types', { hint: 'Set the privileges of the element type instead.' });
        if (objtype === 'OBJECT_DOMAIN' && t.kind !== 'd') throw new PgError(SQLSTATE.wrong_object_type, `"${t.name}" is not a domain`);
        out.push({ kind: 'type', name: t.name, word: 'type', owner: t.owner, acl: t.acl, store: (acl) => cat.putType({ ...(cat.types.get(t.oid) ?? t), acl }) });
        break;
      }
      case 'OBJECT_LARGEOBJECT': {
        // The parser gives the OID as an Integer, or a Float when it does not fit an int4.
        const oid = Number(o.Integer?.ival ?? o.Float?.fval ?? 0);
        const lo = cat.largeObjects.get(oid);
        if (!lo) throw new PgError(SQLSTATE.undefined_object, `large object ${oid} does not exist`);
        // Postgres names it "large object N" in both messages (permission denied for large object large object N).
        out.push({ kind: 'largeobject', name: `large object ${oid}`, word: 'large object', owner: lo.owner, acl: lo.acl, store: (acl) => cat.largeObjects.set(oid, { ...(cat.largeObjects.get(oid) ?? lo), acl }) });
        break;
      }
      case 'OBJECT_DATABASE': {
        const name = o.String.sval as string;
        if (name !== session.databaseName()) throw featureNotSupported('GRANT on another database');
        out.push({ kind: 'database', name, word: 'database', owner: 'postgres', acl: cat.databaseAcl, store: (acl) => (cat.databaseAcl = acl) });
        break;
      }
      default:
        throw featureNotSupported(`GRANT ON ${objtype.replace('OBJECT_', '')}`);
    }
  }
  return out;
}

const PRIV_ERROR_WORD: Record<string, string> = { OBJECT_LARGEOBJECT: 'large object', OBJECT_TABLE: 'relation', OBJECT_SEQUENCE: 'sequence', OBJECT_FUNCTION: 'function', OBJECT_PROCEDURE: 'procedure', OBJECT_ROUTINE: 'routine', OBJECT_SCHEMA: 'schema', OBJECT_TYPE: 'type', OBJECT_DOMAIN: 'domain', OBJECT_DATABASE: 'database' };
const STATEMENT_PRIVS: Record<string, string> = { OBJECT_TABLE: ALL_PRIVS.table + ALL_PRIVS.sequence };

/** Checks a privilege list against the statement's object type (ExecuteGrantStmt's 0LP01). */
function checkStatementPrivileges(privs: PrivSpec[] | undefined, objtype: string): void {
  const allowed = STATEMENT_PRIVS[objtype] ?? ALL_PRIVS[({ OBJECT_SEQUENCE: 'sequence', OBJECT_SCHEMA: 'schema', OBJECT_TYPE: 'type', OBJECT_DOMAIN: 'type', OBJECT_DATABASE: 'database', OBJECT_LARGEOBJECT: 'largeobject' } as Record<string, AclObjectKind>)[objtype] ?? 'function'];
  for (const p of privs ?? []) {
    if (p.letters && !allowed.includes(p.letters)) throw new PgError(SQLSTATE.invalid_grant_operation, `invalid privilege type ${p.name} for ${PRIV_ERROR_WORD[objtype] ?? 'object'}`);
  }
}

/** The letters a privilege list asks for on one object (ExecGrant_Relation's checks per relation kind). */
function lettersFor(session: Session, t: Target, privs: PrivSpec[] | undefined): { table: string; cols: Map<string, string> } {
  const all = ALL_PRIVS[t.kind];
  if (!privs) return { table: all, cols: new Map() };
  let table = '';
  const cols = new Map<string, string>();
  let dropped = false;
  for (const p of privs) {
    const letters = p.letters ?? (p.cols ? ALL_PRIVS.column : all);
    if (p.cols) {
      if (t.kind === 'sequence') throw new PgError(SQLSTATE.invalid_grant_operation, `invalid privilege type ${p.name} for column`);
      for (const c of letters) {
        if (!ALL_PRIVS.column.includes(c)) throw new PgError(SQLSTATE.invalid_grant_operation, `invalid privilege type ${p.name} for column`);
        for (const col of p.cols) cols.set(col, (cols.get(col) ?? '') + c);
      }
      continue;
    }
    for (const c of letters) {
      if (all.includes(c)) table += c;
      else if (t.kind === 'sequence') dropped = true;
      else throw new PgError(SQLSTATE.invalid_grant_operation, `invalid privilege type ${p.name} for ${t.kind}`);
    }
  }
  if (dropped) session.notice(new PgError(SQLSTATE.invalid_grant_operation, `sequence "${t.name}" only supports USAGE, SELECT, and UPDATE privileges`, { severity: 'WARNING' }));
  return { table, cols };
}

/** select_best_grantor: the owner when the current role has the owner's privileges, else the role itself. */
function grantorFor(cat: Catalog, user: string, t: Target): number {
  const owner = ownerOid(cat, t.owner);
  if (isSuperuser(cat, user) || hasPrivsOfRole(cat, user, owner)) return owner;
  return cat.roleByName.get(user) ?? owner;
}

export function grantStatement(session: Session, n: AnyNode): StatementResult {
  const cat = session.transaction().catalogForWrite();
  if (n.grantor) {
    const name = roleSpecName(session, n.grantor);
    if (!cat.role(name)) throw new PgError(SQLSTATE.undefined_object, `role "${name}" does not exist`);
    if (name !== session.currentUser()) throw new PgError(SQLSTATE.feature_not_supported, 'grantor must be current user');
  }
  const privs = readPrivileges(n);
  checkStatementPrivileges(privs, n.objtype);
  const ts = targets(session, cat, n);
  const who = grantees(session, cat, n);
  const user = session.currentUser();
  const cascade = n.behavior === 'DROP_CASCADE';
  for (const t of ts) {
    const want = lettersFor(session, t, privs);
    const grantor = grantorFor(cat, user, t);
    const owner = ownerOid(cat, t.owner);
    const current = t.acl ?? aclDefault(t.kind, owner);
    // What the grantor may pass on: everything for the owner, else its grant options.
    const grantable = grantor === owner ? ALL_PRIVS[t.kind] + ALL_PRIVS.column : aclMask(cat, current, user, true) + columnGrantOptions(cat, t, user);
    const filter = (s: string) => [...s].filter((c) => grantable.includes(c)).join('');
    const tableLetters = filter(want.table);
    const asked = want.table + [...want.cols.values()].join('');
    const given = tableLetters + [...want.cols.values()].map(filter).join('');
    if (grantor !== owner) {
      const heldAny = aclMask(cat, current, user) + columnPrivs(cat, t, user);
      if (!given && !heldAny) throw permissionDenied(t.word, t.name);
      const verb = n.is_grant ? 'granted' : 'revoked';
      if (!given) session.notice(new PgError(n.is_grant ? SQLSTATE.warning_privilege_not_granted : SQLSTATE.warning_privilege_not_revoked, `no privileges were ${verb} for "${t.name}"`, { severity: 'WARNING' }));
      else if (given.length < asked.length) session.notice(new PgError(n.is_grant ? SQLSTATE.warning_privilege_not_granted : SQLSTATE.warning_privilege_not_revoked, `not all privileges were ${verb} for "${t.name}"`, { severity: 'WARNING' }));
    }
    let acl = current;
    for (const g of who) {
      if (n.is_grant) {
        if (tableLetters) acl = aclGrant(acl, g, grantor, tableLetters, !!n.grant_option);
        else if (n.is_grant && !want.cols.size && acl === t.acl) acl = acl.slice();
      } else {
        if (tableLetters) acl = revokeCascade(cat, acl, g, grantor, tableLetters, !!n.grant_option, cascade, t.kind === 'table' ? 'arwx' : '');
        // REVOKE on a table also revokes the same privileges on each column.
      }
    }
    if (n.is_grant && g0(want) && !tableLetters && !t.acl) {
      // A column-only GRANT leaves relacl NULL.
    } else if (acl !== t.acl || n.is_grant || !t.acl) t.store(acl);
    if (t.rel) applyColumns(cat, t, want, who, grantor, !!n.is_grant, !!n.grant_option, privs === undefined || !!privs.some((p) => !p.cols));
  }
  return commandResult(n.is_grant ? 'GRANT' : 'REVOKE');
}

function g0(want: { table: string; cols: Map<string, string> }): boolean {
  return want.cols.size > 0;
}

function columnGrantOptions(cat: Catalog, t: Target, user: string): string {
  return t.rel ? t.rel.columns.map((c) => (c.acl ? aclMask(cat, c.acl, user, true) : '')).join('') : '';
}
function columnPrivs(cat: Catalog, t: Target, user: string): string {
  return t.rel ? t.rel.columns.map((c) => (c.acl ? aclMask(cat, c.acl, user) : '')).join('') : '';
}

/** Column GRANTs, and a table-level REVOKE's removal of the same column privileges. */
function applyColumns(cat: Catalog, t: Target, want: { table: string; cols: Map<string, string> }, who: number[], grantor: number, isGrant: boolean, withGrant: boolean, tableLevel: boolean): void {
  const rel = cat.relation(t.rel!.oid);
  let changed = false;
  const cols = rel.columns.map((c) => {
    if (c.dropped) return c;
    let letters = want.cols.get(c.name) ?? '';
    if (!isGrant && tableLevel) letters += [...want.table].filter((x) => ALL_PRIVS.column.includes(x)).join('');
    if (!letters) return c;
    let acl = c.acl ?? [];
    for (const g of who) acl = isGrant ? aclGrant(acl, g, grantor, letters, withGrant) : aclRevoke(acl, g, grantor, letters, withGrant);
    changed = true;
    return { ...c, acl: acl.length ? acl : undefined };
  });
  for (const name of want.cols.keys()) {
    if (!rel.columns.some((c) => !c.dropped && c.name === name)) throw new PgError(SQLSTATE.undefined_column, `column "${name}" of relation "${rel.name}" does not exist`);
  }
  if (changed) cat.putRelation({ ...rel, columns: cols });
}

/** REVOKE: privileges granted onward by the grantee go too (CASCADE), or 2BP01 (RESTRICT). */
function revokeCascade(cat: Catalog, acl: readonly AclItem[], grantee: number, grantor: number, letters: string, grantOptionOnly: boolean, cascade: boolean, _colLetters: string): readonly AclItem[] {
  void _colLetters;
  let out = aclRevoke(acl, grantee, grantor, letters, grantOptionOnly);
  if (grantee === PUBLIC) return out;
  const still = (c: string) => out.some((a) => a.grantee === grantee && a.grantable.includes(c));
  const lost = [...letters].filter((c) => acl.some((a) => a.grantee === grantee && a.grantor === grantor && a.grantable.includes(c)) && !still(c)).join('');
  if (!lost) return out;
  const dependents = out.filter((a) => a.grantor === grantee && a.grantee !== grantee && [...lost].some((c) => a.privs.includes(c)));
  if (!dependents.length) return out;
  if (!cascade) throw new PgError(SQLSTATE.dependent_objects_still_exist, 'dependent privileges exist', { hint: 'Use CASCADE to revoke them too.' });
  for (const d of dependents) out = revokeCascade(cat, out, d.grantee, grantee, lost, false, true, '') as AclItem[];
  return out;
}

const DEFAULT_ACL_OBJTYPE: Record<string, DefaultAclObjtype | undefined> = {
  OBJECT_TABLE: 'r', OBJECT_SEQUENCE: 'S', OBJECT_FUNCTION: 'f', OBJECT_ROUTINE: 'f', OBJECT_TYPE: 'T', OBJECT_SCHEMA: 'n', OBJECT_LARGEOBJECT: 'L',
};
const DEFAULT_ACL_KIND: Record<DefaultAclObjtype, AclObjectKind> = { r: 'table', S: 'sequence', f: 'function', T: 'type', n: 'schema', L: 'largeobject' };

/** ALTER DEFAULT PRIVILEGES [FOR ROLE r] [IN SCHEMA s] GRANT / REVOKE ... */
export function alterDefaultPrivileges(session: Session, n: AnyNode): StatementResult {
  const cat = session.transaction().catalogForWrite();
  let roles: string[] = [session.currentUser()];
  let schemas: number[] = [0];
  for (const o of (n.options ?? []) as AnyNode[]) {
    const d = o.DefElem;
    const items = d.arg.List.items as AnyNode[];
    if (d.defname === 'roles') roles = items.map((r) => roleSpecName(session, r));
    else if (d.defname === 'schemas') {
      schemas = items.map((s) => {
        const oid = cat.namespaceOid(s.String.sval);
        if (oid === undefined) throw new PgError(SQLSTATE.invalid_schema_name, `schema "${s.String.sval}" does not exist`);
        return oid;
      });
    }
  }
  const a = n.action;
  const objtype = DEFAULT_ACL_OBJTYPE[a.objtype as string];
  if (!objtype) throw featureNotSupported(`ALTER DEFAULT PRIVILEGES on ${a.objtype}`);
  if (objtype === 'L' && schemas[0] !== 0) throw new PgError(SQLSTATE.invalid_grant_operation, 'cannot use IN SCHEMA clause when using GRANT/REVOKE ON LARGE OBJECTS');
  if (objtype === 'n' && schemas[0] !== 0) throw new PgError(SQLSTATE.invalid_grant_operation, 'cannot use IN SCHEMA clause when using GRANT/REVOKE ON SCHEMAS');
  const kind = DEFAULT_ACL_KIND[objtype];
  const privs = readPrivileges(a);
  let letters = '';
  for (const p of privs ?? [{ name: 'ALL' } as PrivSpec]) letters += p.letters ?? ALL_PRIVS[kind];
  const who = grantees(session, cat, a);
  for (const roleName of roles) {
    const role = cat.role(roleName);
    if (!role) throw new PgError(SQLSTATE.undefined_object, `role "${roleName}" does not exist`);
    if (!hasPrivsOfRole(cat, session.currentUser(), role.oid)) throw new PgError(SQLSTATE.insufficient_privilege, `permission denied to change default privileges`);
    for (const ns of schemas) {
      const existing = cat.defaultAcls.find((d) => d.role === role.oid && d.namespace === ns && d.objtype === objtype);
      // Without IN SCHEMA the entry starts from the hard-wired default; per-schema entries start empty.
      let acl: readonly AclItem[] = existing?.acl ?? (ns === 0 ? aclDefault(kind, role.oid) : []);
      for (const g of who) acl = a.is_grant ? aclGrant(acl, g, role.oid, letters, !!a.grant_option) : aclRevoke(acl, g, role.oid, letters, !!a.grant_option);
      const rest = cat.defaultAcls.filter((d) => d !== existing);
      const isDefault = ns === 0 && JSON.stringify(acl) === JSON.stringify(aclDefault(kind, role.oid));
      cat.defaultAcls = isDefault || acl.length === 0 ? rest : [...rest, { role: role.oid, namespace: ns, objtype, acl }];
    }
  }
  return commandResult('ALTER DEFAULT PRIVILEGES');
}

/**
 * The ACL a new object starts with: NULL (the default) unless ALTER DEFAULT PRIVILEGES changed it
 * for its owner (globally or in its schema).
 */
export function initialAcl(cat: Catalog, owner: string, namespace: number, objtype: DefaultAclObjtype): readonly AclItem[] | undefined {
  if (!cat.defaultAcls.length) return undefined;
  const role = cat.roleByName.get(owner);
  if (role === undefined) return undefined;
  const global = cat.defaultAcls.find((d) => d.role === role && d.namespace === 0 && d.objtype === objtype);
  const local = cat.defaultAcls.find((d) => d.role === role && d.namespace === namespace && d.objtype === objtype);
  if (!global && !local) return undefined;
  let acl: readonly AclItem[] = global?.acl ?? aclDefault(DEFAULT_ACL_KIND[objtype], role);
  if (local !== global) for (const a of local?.acl ?? []) acl = aclGrant(acl, a.grantee, a.grantor, a.privs, false);
  return acl;
}
