/**
 * ALTER TABLE / VIEW / MATERIALIZED VIEW / SEQUENCE / TYPE / DOMAIN / EXTENSION ... SET SCHEMA.
 * A relation takes along its indexes, its constraints, the sequences it owns (serial and identity)
 * and its row type with the row type's array type; a composite type takes its relation; a type
 * takes its array type. Views follow the move (they are bound by OID, rewrite/view-binding.ts);
 * SQL-standard function bodies that name a moved relation are re-pointed at the new schema.
 * Postgres counterpart: src/backend/commands/alter.c (ExecAlterObjectSchemaStmt), tablecmds.c
 * (AlterTableNamespace), typecmds.c (AlterTypeNamespace), namespace.c (CheckSetNamespace).
 * Known gaps: moving built-in types or relations and ALTER EXTENSION ... SET SCHEMA of an
 * emulated extension are 0A000; operator classes, conversions and text-search objects are 0A000.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { FunctionDef, RelationDef, UserTypeDef } from '../catalog/objects.js';
import { checkNamespace, isSuperuser, relationKindWord } from '../catalog/acl.js';
import { formatTypeName } from '../catalog/ruleutils/format-type.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Session } from '../session/session.js';
import { commandResult, type StatementResult } from '../session/dispatch.js';
import { lookupRelation } from '../analyze/relation.js';
import { lookupTypeName } from '../analyze/type-name.js';
import { checkRelationOwner } from './owner.js';
import { tempNamespace } from './temp-tables.js';
import { SUPPORTED_EXTENSIONS } from './extension.js';
import { parseScript } from '../parser/parse.js';
import { lookupSystemRelation } from '../catalog/system/scan.js';
import { quoteIdentIfNeeded } from '../types/registry.js';

type AnyNode = Record<string, any>;

/** The relation kinds ALTER <kind> accepts, with its tag and the word of its wrong-kind error. */
const RELATION_KINDS: Record<string, { tag: string; kinds: readonly string[]; word: string }> = {
  OBJECT_TABLE: { tag: 'ALTER TABLE', kinds: ['r', 'p', 'v', 'm', 'S', 'f'], word: 'table' },
  OBJECT_VIEW: { tag: 'ALTER VIEW', kinds: ['v'], word: 'a view' },
  OBJECT_MATVIEW: { tag: 'ALTER MATERIALIZED VIEW', kinds: ['m'], word: 'a materialized view' },
  OBJECT_SEQUENCE: { tag: 'ALTER SEQUENCE', kinds: ['S'], word: 'a sequence' },
};

/** Whether an AlterObjectSchemaStmt is one this file handles. */
export function isSchemaMove(n: AnyNode): boolean {
  return n.objectType in RELATION_KINDS || n.objectType === 'OBJECT_TYPE' || n.objectType === 'OBJECT_DOMAIN' || n.objectType === 'OBJECT_EXTENSION';
}

export function alterObjectSchema(session: Session, n: AnyNode): StatementResult {
  if (n.objectType === 'OBJECT_TYPE' || n.objectType === 'OBJECT_DOMAIN') return alterTypeSchema(session, n);
  if (n.objectType === 'OBJECT_EXTENSION') return alterExtensionSchema(session, n);
  return alterRelationSchema(session, n);
}

/** LookupCreationNamespace: the target schema (pg_temp is the session's temporary schema), with CREATE on it. */
function targetNamespace(session: Session, cat: Catalog, name: string): number {
  // pg_toast exists in Postgres but holds nothing fauxgres models: only CheckSetNamespace's error.
  if (name === 'pg_toast') throw new PgError(SQLSTATE.feature_not_supported, 'cannot move objects into or out of TOAST schema');
  const ns = name === 'pg_temp' ? tempNamespace(session, true) : cat.namespaceOid(name);
  if (ns === undefined) throw new PgError(SQLSTATE.invalid_schema_name, `schema "${name}" does not exist`);
  const user = session.currentUser();
  if (!isSuperuser(cat, user)) checkNamespace(cat, user, ns, 'C');
  return ns;
}

function isTempSchema(name: string): boolean {
  return name === 'pg_temp' || name.startsWith('pg_temp_') || name.startsWith('pg_toast_temp_');
}

/** CheckSetNamespace: no moves into or out of temporary or TOAST schemas. */
function checkSetNamespace(cat: Catalog, oldNs: number, newNs: number): void {
  if (isTempSchema(cat.namespaceName(oldNs)) || isTempSchema(cat.namespaceName(newNs))) {
    throw new PgError(SQLSTATE.feature_not_supported, 'cannot move objects into or out of temporary schemas');
  }
  if (cat.namespaceName(oldNs) === 'pg_toast' || cat.namespaceName(newNs) === 'pg_toast') {
    throw new PgError(SQLSTATE.feature_not_supported, 'cannot move objects into or out of TOAST schema');
  }
}

function alterRelationSchema(session: Session, n: AnyNode): StatementResult {
  const spec = RELATION_KINDS[n.objectType];
  if (!spec) throw featureNotSupported(`ALTER ${String(n.objectType).replace('OBJECT_', '')} ... SET SCHEMA`);
  const txn = session.transaction();
  const cat0 = txn.catalog;
  const rv = n.relation as AnyNode;
  const rel = lookupRelation(cat0, session.searchPath(), { schema: rv.schemaname, name: rv.relname });
  if (!rel) {
    const sys = lookupSystemRelation(rv.schemaname, rv.relname, session.searchPath());
    if (sys?.kind === 'r' && sys.schema === 'pg_catalog') throw new PgError(SQLSTATE.insufficient_privilege, `permission denied: "${sys.name}" is a system catalog`);
    if (sys) throw featureNotSupported(`SET SCHEMA of built-in relation "${sys.name}"`);
    if (n.missing_ok) {
      session.notice(new PgError(SQLSTATE.successful_completion, `relation "${rv.relname}" does not exist, skipping`, { severity: 'NOTICE' }));
      return commandResult(spec.tag);
    }
    throw new PgError(SQLSTATE.undefined_table, `relation "${rv.schemaname ? rv.schemaname + '.' : ''}${rv.relname}" does not exist`);
  }
  // RangeVarCallbackForAlterRelation: the kind the command names, then ownership.
  if (rel.kind === 'c' && n.objectType === 'OBJECT_TABLE') {
    throw new PgError(SQLSTATE.wrong_object_type, `"${rel.name}" is a composite type`, { hint: 'Use ALTER TYPE instead.' });
  }
  if (rel.kind === 'i' && n.objectType === 'OBJECT_TABLE') {
    throw new PgError(SQLSTATE.wrong_object_type, `cannot change schema of index "${rel.name}"`, { hint: 'Change the schema of the table instead.' });
  }
  if (!spec.kinds.includes(rel.kind)) throw new PgError(SQLSTATE.wrong_object_type, `"${rel.name}" is not ${spec.word}`);
  if (rel.oid < 16384) throw featureNotSupported(`SET SCHEMA of built-in relation "${rel.name}"`);
  checkRelationOwner(session, cat0, rel);
  if (rel.kind === 'S' && rel.sequence?.ownedBy) {
    const owner = cat0.relations.get(rel.sequence.ownedBy.relation);
    throw new PgError(SQLSTATE.feature_not_supported, 'cannot move an owned sequence into another schema', { detail: `Sequence "${rel.name}" is linked to table "${owner?.name ?? ''}".` });
  }
  const cat = txn.catalogForWrite();
  const ns = targetNamespace(session, cat, n.newschema);
  checkSetNamespace(cat, rel.namespace, ns);
  if (rel.namespace === ns) return commandResult(spec.tag);
  moveRelation(cat, rel, ns, session.searchPath());
  return commandResult(spec.tag);
}

/** AlterTableNamespaceInternal: the relation, its row type, indexes, constraints and owned sequences. */
function moveRelation(cat: Catalog, rel: RelationDef, ns: number, searchPath: readonly string[]): void {
  const moved: RelationDef[] = [];
  const moveOne = (r: RelationDef) => {
    if (r.namespace === ns) return;
    if (cat.relationIn(ns, r.name)) throw new PgError(SQLSTATE.duplicate_table, `relation "${r.name}" already exists in schema "${cat.namespaceName(ns)}"`);
    moved.push(r);
    cat.putRelation({ ...r, namespace: ns });
  };
  moveOne(rel);
  const rowType = cat.types.get(rel.rowType);
  if (rowType) moveType(cat, rowType, ns);
  for (const idx of cat.relationIndexes(rel.oid)) moveOne(idx);
  for (const s of [...cat.relations.values()]) if (s.kind === 'S' && s.sequence?.ownedBy?.relation === rel.oid) moveOne(s);
  for (const con of cat.relationConstraints(rel.oid)) if (con.namespace !== ns) cat.putConstraint({ ...con, namespace: ns });
  repointReaders(cat, moved, ns, searchPath);
}

/** AlterTypeNamespaceInternal: a type and its array type (a clash of either is 42710). */
function moveType(cat: Catalog, t: UserTypeDef, ns: number): void {
  if (t.namespace === ns) return;
  const clash = (name: string) => {
    if (cat.typeIn(ns, name) || builtinTypeIn(cat, ns, name)) throw new PgError(SQLSTATE.duplicate_object, `type "${name}" already exists in schema "${cat.namespaceName(ns)}"`);
  };
  clash(t.name);
  cat.putType({ ...t, namespace: ns });
  const arr = t.arrayType !== undefined ? cat.types.get(t.arrayType) : undefined;
  if (arr && arr.namespace !== ns) {
    clash(arr.name);
    cat.putType({ ...arr, namespace: ns });
  }
}

/** A built-in type of that name in pg_catalog (the only schema built-in types live in). */
function builtinTypeIn(cat: Catalog, ns: number, name: string): boolean {
  if (ns !== cat.namespaceOid('pg_catalog')) return false;
  const oid = lookupTypeName(cat, [], ['pg_catalog', name]);
  return oid !== undefined && !cat.types.has(oid);
}

function alterTypeSchema(session: Session, n: AnyNode): StatementResult {
  const tag = n.objectType === 'OBJECT_DOMAIN' ? 'ALTER DOMAIN' : 'ALTER TYPE';
  const txn = session.transaction();
  const cat0 = txn.catalog;
  const sp = session.searchPath();
  const names = ((n.object.List?.items ?? n.object.TypeName?.names ?? []) as AnyNode[]).map((x) => x.String.sval as string);
  const oid = lookupTypeName(cat0, sp, names);
  if (oid === undefined) {
    if (n.missing_ok) {
      session.notice(new PgError(SQLSTATE.successful_completion, `type "${names.join('.')}" does not exist, skipping`, { severity: 'NOTICE' }));
      return commandResult(tag);
    }
    throw new PgError(SQLSTATE.undefined_object, `type "${names.join('.')}" does not exist`);
  }
  const t = cat0.types.get(oid);
  const shown = (o: number) => formatTypeName(cat0, sp, o, null);
  if (n.objectType === 'OBJECT_DOMAIN' && t?.kind !== 'd') throw new PgError(SQLSTATE.wrong_object_type, `${shown(oid)} is not a domain`);
  if (!t) throw featureNotSupported(`SET SCHEMA of built-in type ${shown(oid)}`);
  const user = session.currentUser();
  if (user !== t.owner && !isSuperuser(cat0, user)) throw new PgError(SQLSTATE.insufficient_privilege, `must be owner of type ${shown(oid)}`);
  const cat = txn.catalogForWrite();
  const ns = targetNamespace(session, cat, n.newschema);
  if (t.elementType !== undefined && cat.types.get(t.elementType)?.arrayType === t.oid) {
    throw new PgError(SQLSTATE.wrong_object_type, `cannot alter array type ${shown(oid)}`, { hint: `You can alter type ${shown(t.elementType)}, which will alter the array type as well.` });
  }
  if (t.namespace === ns) return commandResult(tag);
  checkSetNamespace(cat, t.namespace, ns);
  const rel = t.relation !== undefined ? cat.relations.get(t.relation) : undefined;
  if (t.kind === 'c' && rel && rel.kind !== 'c') {
    // The clash check comes first in Postgres too.
    if (cat.typeIn(ns, t.name)) throw new PgError(SQLSTATE.duplicate_object, `type "${t.name}" already exists in schema "${cat.namespaceName(ns)}"`);
    throw new PgError(SQLSTATE.wrong_object_type, `${shown(oid)} is a table's row type`, { hint: 'Use ALTER TABLE instead.' });
  }
  moveType(cat, t, ns);
  if (rel) {
    if (cat.relationIn(ns, rel.name)) throw new PgError(SQLSTATE.duplicate_table, `relation "${rel.name}" already exists in schema "${cat.namespaceName(ns)}"`);
    cat.putRelation({ ...rel, namespace: ns });
    repointReaders(cat, [rel], ns, sp);
  }
  return commandResult(tag);
}

/** ALTER EXTENSION ... SET SCHEMA: the errors Postgres gives first; moving an emulated extension is 0A000. */
function alterExtensionSchema(session: Session, n: AnyNode): StatementResult {
  const cat = session.catalog();
  const name = n.object.String.sval as string;
  const ext = cat.extensions.get(name);
  if (name === 'plpgsql') {
    targetNamespace(session, cat, n.newschema);
    throw new PgError(SQLSTATE.feature_not_supported, `extension "${name}" does not support SET SCHEMA`);
  }
  if (!ext) throw new PgError(SQLSTATE.undefined_object, `extension "${name}" does not exist`);
  targetNamespace(session, cat, n.newschema);
  if (name in SUPPORTED_EXTENSIONS && cat.namespaceOid(n.newschema) === ext.namespace) return commandResult('ALTER EXTENSION');
  throw featureNotSupported(`ALTER EXTENSION ${name} SET SCHEMA`);
}

// ---- views and SQL-standard bodies that read a moved relation -------------------------------------

/**
 * SQL-standard function bodies are kept as text and re-analyzed; Postgres keeps them bound to the
 * relation's OID. Each RangeVar that named a moved relation is re-pointed at its new schema.
 */
function repointReaders(cat: Catalog, moved: readonly RelationDef[], ns: number, sessionPath: readonly string[]): void {
  if (!moved.length) return;
  const newSchema = cat.namespaceName(ns);
  // Views and materialized views are bound by OID (rewrite/view-binding.ts): nothing to do for them.
  // SQL-standard bodies are kept as text and resolved under the caller's search path when they
  // run, so their names are re-pointed in the text.
  for (const f of [...cat.functions.values()]) {
    if (!f.sqlBody) continue;
    const body = repointBodyText(cat, f.body, sessionPath, moved, newSchema);
    if (body !== f.body) cat.putFunction({ ...f, body } as FunctionDef);
  }
}

/** `body` with each RangeVar naming a moved relation qualified by its new schema (byte offsets as libpg-query gives them). */
function repointBodyText(cat: Catalog, body: string, searchPath: readonly string[], moved: readonly RelationDef[], newSchema: string): string {
  const hits: AnyNode[] = [];
  for (const st of parseScript(body)) repointTree(cat, st.stmt, searchPath, moved, newSchema, hits);
  if (!hits.length) return body;
  let buf = Buffer.from(body, 'utf8');
  const q = Buffer.from(quoteIdentIfNeeded(newSchema), 'utf8');
  for (const rv of hits.sort((a, b) => b.location - a.location)) {
    const at = rv.location as number;
    if (!rv.schemaname) {
      buf = Buffer.concat([buf.subarray(0, at), q, Buffer.from('.'), buf.subarray(at)]);
      continue;
    }
    const m = /^("(?:[^"]|"")*"|[A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*)/.exec(buf.subarray(at).toString('utf8'));
    if (!m) continue;
    buf = Buffer.concat([buf.subarray(0, at), q, buf.subarray(at + Buffer.byteLength(m[1], 'utf8'))]);
  }
  return buf.toString('utf8');
}

/** A copy of `tree` whose RangeVars naming a moved relation name its new schema (the same tree when none does). */
function repointTree(cat: Catalog, tree: unknown, searchPath: readonly string[], moved: readonly RelationDef[], newSchema: string, hits?: AnyNode[]): unknown {
  // Names are resolved against the catalog as it was before the move: the moved relations' old schemas.
  const oldSchemaOf = new Map(moved.map((r) => [r.oid, r]));
  const before = (rv: AnyNode): RelationDef | undefined => {
    for (const r of oldSchemaOf.values()) {
      if (r.name !== rv.relname) continue;
      if (rv.schemaname) {
        if (cat.namespaceOid(rv.schemaname) === r.namespace) return r;
        continue;
      }
      // Unqualified: the first schema of the search path holding that name was the old one.
      for (const s of ['pg_catalog', ...searchPath]) {
        const nsOid = cat.namespaceOid(s);
        if (nsOid === undefined) continue;
        if (nsOid === r.namespace) return r;
        const other = cat.relationIn(nsOid, rv.relname);
        if (other && !oldSchemaOf.has(other.oid)) break;
      }
    }
    return undefined;
  };
  let changed = false;
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) {
      let out: unknown[] | undefined;
      node.forEach((x, i) => {
        const y = walk(x);
        if (y !== x) (out ??= [...node])[i] = y;
      });
      return out ?? node;
    }
    if (!node || typeof node !== 'object') return node;
    const obj = node as AnyNode;
    if (obj.RangeVar && typeof obj.RangeVar.relname === 'string' && !obj.RangeVar.catalogname) {
      const hit = before(obj.RangeVar as AnyNode);
      if (hit) {
        changed = true;
        hits?.push(obj.RangeVar as AnyNode);
        return { ...obj, RangeVar: { ...obj.RangeVar, schemaname: newSchema } };
      }
      return obj;
    }
    let out: AnyNode | undefined;
    for (const k of Object.keys(obj)) {
      const y = walk(obj[k]);
      if (y !== obj[k]) (out ??= { ...obj })[k] = y;
    }
    return out ?? obj;
  };
  const result = walk(tree);
  return changed ? result : tree;
}
