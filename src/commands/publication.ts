/**
 * Publications: CREATE / ALTER / DROP PUBLICATION (FOR ALL TABLES, FOR TABLE, FOR TABLES IN
 * SCHEMA, the publish options), and the check Postgres makes before an UPDATE or DELETE of a
 * published table: the table needs a replica identity (CheckCmdReplicaIdentity).
 * fauxgres has no WAL and no subscribers: a publication is catalog state and the replica-identity
 * rule it imposes on writes.
 * Postgres counterpart: src/backend/commands/publicationcmds.c, catalog/pg_publication.c,
 * executor/execReplication.c (CheckCmdReplicaIdentity).
 * Known gaps: column lists and row filters (WHERE) of published tables are 0A000.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { PublicationDef, RelationDef } from '../catalog/objects.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Session } from '../session/session.js';
import { commandResult, type StatementResult } from '../session/dispatch.js';
import { openRelation } from '../analyze/relation.js';
import { checkOwner, isSuperuser } from '../catalog/acl.js';
import { isSystemNamespace, resolveRoleSpec } from '../catalog/system/common.js';
import { systemRelationNamed } from '../catalog/system/registry.js';
import { charOffset } from '../analyze/parse-state.js';

type AnyNode = Record<string, any>;

/** The publication named `name`, if any. */
export function publicationNamed(cat: Catalog, name: string): PublicationDef | undefined {
  for (const p of cat.publications.values()) if (p.name === name) return p;
  return undefined;
}

function mustExist(cat: Catalog, name: string): PublicationDef {
  const p = publicationNamed(cat, name);
  if (!p) throw new PgError(SQLSTATE.undefined_object, `publication "${name}" does not exist`);
  return p;
}

/** The publish options of WITH (...), applied over `base`. */
function publishOptions(options: readonly AnyNode[] | undefined, pos: (loc: number | undefined) => string | undefined, base: Pick<PublicationDef, 'insert' | 'update' | 'delete' | 'truncate' | 'viaRoot' | 'generatedColumns'>) {
  const out = { ...base };
  const seen = new Set<string>();
  for (const o of options ?? []) {
    const d = o.DefElem;
    const name = String(d.defname);
    if (seen.has(name)) throw new PgError(SQLSTATE.syntax_error, 'conflicting or redundant options', { position: pos(d.location) });
    seen.add(name);
    // The value: a string, a number, a boolean or a bare word (parsed as a type name).
    const a = d.arg;
    const text = a === undefined ? undefined : a.String ? String(a.String.sval) : a.Integer ? String(a.Integer.ival ?? 0) : a.Boolean ? String(a.Boolean.boolval ?? false) : a.TypeName ? (a.TypeName.names as AnyNode[]).map((x) => x.String.sval).join('.') : undefined;
    if (name === 'publish') {
      if (text === undefined) throw new PgError(SQLSTATE.syntax_error, 'publish requires a parameter');
      out.insert = out.update = out.delete = out.truncate = false;
      for (const raw of text.split(',')) {
        const a = raw.trim();
        if (a === '') continue;
        if (a === 'insert') out.insert = true;
        else if (a === 'update') out.update = true;
        else if (a === 'delete') out.delete = true;
        else if (a === 'truncate') out.truncate = true;
        else throw new PgError(SQLSTATE.syntax_error, `unrecognized value for publication option "publish": "${a}"`);
      }
    } else if (name === 'publish_via_partition_root') {
      out.viaRoot = boolOption(name, text);
    } else if (name === 'publish_generated_columns') {
      if (text === 'none') out.generatedColumns = 'n';
      else if (text === 'stored') out.generatedColumns = 's';
      else throw new PgError(SQLSTATE.syntax_error, `invalid value for publication parameter "publish_generated_columns": "${text ?? ''}"`, { detail: 'Valid values are "none" and "stored".' });
    } else {
      throw new PgError(SQLSTATE.syntax_error, `unrecognized publication parameter: "${name}"`);
    }
  }
  return out;
}

function boolOption(name: string, text: string | undefined): boolean {
  if (text === undefined) return true;
  const t = text.toLowerCase();
  if (['true', 'on', '1', 'yes', 't', 'y'].includes(t)) return true;
  if (['false', 'off', '0', 'no', 'f', 'n'].includes(t)) return false;
  throw new PgError(SQLSTATE.syntax_error, `${name} requires a Boolean value`);
}

/** The tables and schemas a FOR / ADD / SET / DROP list names. */
function objectsOf(session: Session, cat: Catalog, specs: readonly AnyNode[] | undefined): { tables: RelationDef[]; schemas: number[] } {
  const tables: RelationDef[] = [];
  const schemas: number[] = [];
  for (const s of specs ?? []) {
    const o = s.PublicationObjSpec;
    if (o.pubobjtype === 'PUBLICATIONOBJ_TABLE') {
      const t = o.pubtable;
      if (t.whereClause) throw featureNotSupported('row filters (WHERE) of published tables');
      if (t.columns?.length) throw featureNotSupported('column lists of published tables');
      const rv = t.relation;
      if (!rv.schemaname && systemRelationNamed('pg_catalog', rv.relname)) {
        throw new PgError(SQLSTATE.invalid_parameter_value, `cannot add relation "${rv.relname}" to publication`, { detail: 'This operation is not supported for system tables.' });
      }
      tables.push(openRelation(cat, session.searchPath(), { schema: rv.schemaname, name: rv.relname }));
    } else if (o.pubobjtype === 'PUBLICATIONOBJ_TABLES_IN_SCHEMA' || o.pubobjtype === 'PUBLICATIONOBJ_TABLES_IN_CUR_SCHEMA') {
      const name = o.pubobjtype === 'PUBLICATIONOBJ_TABLES_IN_CUR_SCHEMA' ? session.searchPath().find((x) => cat.namespaceOid(x) !== undefined) : (o.name as string);
      if (name === undefined) throw new PgError(SQLSTATE.undefined_object, 'no schema has been selected for CURRENT_SCHEMA');
      const ns = cat.namespaceOid(name);
      if (ns === undefined) throw new PgError(SQLSTATE.invalid_schema_name, `schema "${name}" does not exist`);
      if (isSystemNamespace(ns) || name.startsWith('pg_temp') || name.startsWith('pg_toast')) {
        throw new PgError(SQLSTATE.invalid_parameter_value, `cannot add schema "${name}" to publication`, { detail: 'This operation is not supported for system schemas.' });
      }
      if (!schemas.includes(ns)) schemas.push(ns);
    } else {
      throw featureNotSupported(`publication object ${o.pubobjtype}`);
    }
  }
  return { tables, schemas };
}

/** Postgres's check_publication_add_relation. */
function checkAddable(rel: RelationDef): void {
  const refuse = (what: string) => new PgError(SQLSTATE.invalid_parameter_value, `cannot add relation "${rel.name}" to publication`, { detail: `This operation is not supported for ${what}.` });
  if (rel.kind === 'v') throw refuse('views');
  if (rel.kind === 'm') throw refuse('materialized views');
  if (rel.kind === 'S') throw refuse('sequences');
  if (rel.kind === 'i') throw refuse('indexes');
  if (rel.kind === 'c') throw refuse('composite types');
  if (rel.persistence === 't') throw refuse('temporary tables');
  if (rel.persistence === 'u') throw refuse('unlogged tables');
}

function requireSuperuser(session: Session, what: string): void {
  if (!isSuperuser(session.catalog(), session.currentUser())) throw new PgError(SQLSTATE.insufficient_privilege, `must be superuser to ${what}`);
}

/** The WARNING Postgres gives while wal_level is below logical (the oracle runs with replica). */
function walLevelWarning(session: Session): void {
  if (session.settings.get('wal_level', true) === 'logical') return;
  session.notice(new PgError(SQLSTATE.object_not_in_prerequisite_state, '"wal_level" is insufficient to publish logical changes', { severity: 'WARNING', hint: 'Set "wal_level" to "logical" before creating subscriptions.' }));
}

/** A parse location as a 1-based character position of `sql`. */
function positionIn(sql: string): (loc: number | undefined) => string | undefined {
  return (loc) => (loc === undefined || loc < 0 ? undefined : String(charOffset(sql, loc) + 1));
}

export function createPublication(session: Session, n: AnyNode, sql: string): StatementResult {
  const txn = session.transaction();
  const name = n.pubname as string;
  if (publicationNamed(txn.catalog, name)) throw new PgError(SQLSTATE.duplicate_object, `publication "${name}" already exists`);
  const opts = publishOptions(n.options, positionIn(sql), { insert: true, update: true, delete: true, truncate: true, viaRoot: false, generatedColumns: 'n' });
  const { tables, schemas } = objectsOf(session, txn.catalog, n.pubobjects);
  if (n.for_all_tables) requireSuperuser(session, 'create FOR ALL TABLES publication');
  if (schemas.length) requireSuperuser(session, 'create FOR TABLES IN SCHEMA publication');
  for (const t of tables) {
    checkAddable(t);
    checkOwner(txn.catalog, session.currentUser(), t.owner, 'table', t.name);
  }
  const cat = txn.catalogForWrite();
  const seen = new Set<number>();
  const pub: PublicationDef = {
    oid: session.db.newOid(),
    name,
    owner: session.currentUser(),
    allTables: !!n.for_all_tables,
    ...opts,
    tables: tables.filter((t) => !seen.has(t.oid) && seen.add(t.oid)).map((t) => ({ oid: session.db.newOid(), relation: t.oid })),
    schemas: schemas.map((ns) => [session.db.newOid(), ns] as const),
  };
  cat.publications.set(pub.oid, pub);
  walLevelWarning(session);
  return commandResult('CREATE PUBLICATION');
}

export function alterPublication(session: Session, n: AnyNode, sql: string): StatementResult {
  const txn = session.transaction();
  const pub = mustExist(txn.catalog, n.pubname);
  checkOwner(txn.catalog, session.currentUser(), pub.owner, 'publication', pub.name);
  if (n.options?.length) {
    const opts = publishOptions(n.options, positionIn(sql), pub);
    txn.catalogForWrite().publications.set(pub.oid, { ...pub, ...opts });
    return commandResult('ALTER PUBLICATION');
  }
  const { tables, schemas } = objectsOf(session, txn.catalog, n.pubobjects);
  if (pub.allTables) {
    throw new PgError(SQLSTATE.object_not_in_prerequisite_state, `publication "${pub.name}" is defined as FOR ALL TABLES`, {
      detail: schemas.length && !tables.length ? 'Schemas cannot be added to or dropped from FOR ALL TABLES publications.' : 'Tables cannot be added to or dropped from FOR ALL TABLES publications.',
    });
  }
  if (schemas.length && n.action !== 'AP_DropObjects') requireSuperuser(session, `add schema to publication`);
  let rels = [...pub.tables];
  let nss = [...pub.schemas];
  if (n.action === 'AP_DropObjects') {
    for (const t of tables) {
      if (!rels.some((r) => r.relation === t.oid)) throw new PgError(SQLSTATE.undefined_object, `relation "${t.name}" is not part of the publication`);
      rels = rels.filter((r) => r.relation !== t.oid);
    }
    for (const ns of schemas) {
      if (!nss.some(([, x]) => x === ns)) throw new PgError(SQLSTATE.undefined_object, `tables from schema "${txn.catalog.namespaceName(ns)}" are not part of the publication`);
      nss = nss.filter(([, x]) => x !== ns);
    }
  } else {
    for (const t of tables) {
      checkAddable(t);
      checkOwner(txn.catalog, session.currentUser(), t.owner, 'table', t.name);
    }
    if (n.action === 'AP_SetObjects') {
      // SET keeps the rows of what stays (their oids) and replaces the rest.
      rels = rels.filter((r) => tables.some((t) => t.oid === r.relation));
      nss = nss.filter(([, x]) => schemas.includes(x));
    }
    for (const t of tables) {
      if (rels.some((r) => r.relation === t.oid)) {
        if (n.action === 'AP_SetObjects') continue;
        throw new PgError(SQLSTATE.duplicate_object, `relation "${t.name}" is already member of publication "${pub.name}"`);
      }
      rels.push({ oid: session.db.newOid(), relation: t.oid });
    }
    for (const ns of schemas) {
      if (nss.some(([, x]) => x === ns)) {
        if (n.action === 'AP_SetObjects') continue;
        throw new PgError(SQLSTATE.duplicate_object, `schema "${txn.catalog.namespaceName(ns)}" is already member of publication "${pub.name}"`);
      }
      nss.push([session.db.newOid(), ns]);
    }
  }
  txn.catalogForWrite().publications.set(pub.oid, { ...pub, tables: rels, schemas: nss });
  return commandResult('ALTER PUBLICATION');
}

/** DROP PUBLICATION [IF EXISTS] name [, ...] [CASCADE | RESTRICT]. */
export function dropPublications(session: Session, n: AnyNode): StatementResult {
  const txn = session.transaction();
  const drop: PublicationDef[] = [];
  for (const o of n.objects as AnyNode[]) {
    const name = o.String.sval as string;
    const pub = publicationNamed(txn.catalog, name);
    if (!pub) {
      if (n.missing_ok) {
        session.notice(new PgError(SQLSTATE.successful_completion, `publication "${name}" does not exist, skipping`, { severity: 'NOTICE' }));
        continue;
      }
      throw new PgError(SQLSTATE.undefined_object, `publication "${name}" does not exist`);
    }
    checkOwner(txn.catalog, session.currentUser(), pub.owner, 'publication', pub.name);
    drop.push(pub);
  }
  if (drop.length) {
    const cat = txn.catalogForWrite();
    for (const p of drop) {
      cat.publications.delete(p.oid);
      cat.comments.delete(`6104.${p.oid}.0`); // pg_publication's comment
    }
  }
  return commandResult('DROP PUBLICATION');
}

export function renamePublication(session: Session, n: AnyNode): StatementResult {
  const txn = session.transaction();
  const pub = mustExist(txn.catalog, n.object.String.sval);
  checkOwner(txn.catalog, session.currentUser(), pub.owner, 'publication', pub.name);
  if (publicationNamed(txn.catalog, n.newname)) throw new PgError(SQLSTATE.duplicate_object, `publication "${n.newname}" already exists`);
  txn.catalogForWrite().publications.set(pub.oid, { ...pub, name: n.newname });
  return commandResult('ALTER PUBLICATION');
}

export function publicationOwner(session: Session, n: AnyNode): StatementResult {
  const txn = session.transaction();
  const pub = mustExist(txn.catalog, n.object.String.sval);
  checkOwner(txn.catalog, session.currentUser(), pub.owner, 'publication', pub.name);
  const owner = resolveRoleSpec(n.newowner, session.currentUser(), session.sessionUser(), txn.catalog);
  txn.catalogForWrite().publications.set(pub.oid, { ...pub, owner });
  return commandResult('ALTER PUBLICATION');
}

/** Drops a relation's memberships (DROP TABLE: its pg_publication_rel rows go with it). */
export function forgetPublishedRelation(cat: Catalog, relOid: number): void {
  for (const p of cat.publications.values()) {
    if (p.tables.some((t) => t.relation === relOid)) cat.publications.set(p.oid, { ...p, tables: p.tables.filter((t) => t.relation !== relOid) });
  }
}

/** Drops a schema's memberships (DROP SCHEMA). */
export function forgetPublishedSchema(cat: Catalog, ns: number): void {
  for (const p of cat.publications.values()) {
    if (p.schemas.some(([, x]) => x === ns)) cat.publications.set(p.oid, { ...p, schemas: p.schemas.filter(([, x]) => x !== ns) });
  }
}

/** Whether `rel` can be published at all (ordinary or partitioned, permanent, not a system table). */
export function publishable(cat: Catalog, rel: RelationDef): boolean {
  return (rel.kind === 'r' || rel.kind === 'p') && rel.persistence === 'p' && !isSystemNamespace(rel.namespace) && !cat.namespaceName(rel.namespace).startsWith('pg_temp');
}

/** The publications that publish `rel` (directly, through its schema, FOR ALL TABLES, or through an ancestor). */
export function publicationsOf(cat: Catalog, rel: RelationDef): PublicationDef[] {
  if (!cat.publications.size || !publishable(cat, rel)) return [];
  const chain: RelationDef[] = [rel];
  for (let r = rel; r.partitionOf; ) {
    const parent = cat.relations.get(r.partitionOf.parent);
    if (!parent) break;
    chain.push(parent);
    r = parent;
  }
  const out: PublicationDef[] = [];
  for (const p of cat.publications.values()) {
    if (p.allTables || chain.some((r) => p.tables.some((t) => t.relation === r.oid) || p.schemas.some(([, ns]) => ns === r.namespace))) out.push(p);
  }
  return out;
}

/**
 * Before an UPDATE or DELETE: a table published for that action needs a replica identity
 * (a primary key for DEFAULT, the index for USING INDEX, or FULL); 55000 otherwise.
 */
export function checkReplicaIdentity(cat: Catalog, rel: RelationDef, cmd: 'update' | 'delete'): void {
  if (!cat.publications.size) return;
  if (rel.kind === 'p') {
    // The partitions are the result relations Postgres checks.
    for (const oid of rel.partitions ?? []) {
      const part = cat.relations.get(oid);
      if (part) checkReplicaIdentity(cat, part, cmd);
    }
    return;
  }
  const ri = rel.replicaIdentity;
  if (ri === 'f') return;
  if (ri === 'i' && rel.replicaIndex !== undefined && cat.relations.has(rel.replicaIndex)) return;
  if (ri === undefined && cat.relationIndexes(rel.oid).some((i) => i.index?.primary)) return;
  if (!publicationsOf(cat, rel).some((p) => p[cmd])) return;
  throw new PgError(
    SQLSTATE.object_not_in_prerequisite_state,
    cmd === 'update' ? `cannot update table "${rel.name}" because it does not have a replica identity and publishes updates` : `cannot delete from table "${rel.name}" because it does not have a replica identity and publishes deletes`,
    { hint: cmd === 'update' ? 'To enable updating the table, set REPLICA IDENTITY using ALTER TABLE.' : 'To enable deleting from the table, set REPLICA IDENTITY using ALTER TABLE.' },
  );
}
