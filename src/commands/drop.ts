/**
 * CREATE SCHEMA and DROP of tables, views, indexes, sequences, schemas and types, with
 * dependency checks: RESTRICT raises 2BP01 listing the dependents; CASCADE drops them with
 * Postgres's NOTICE lines.
 * Postgres counterpart: src/backend/catalog/dependency.c (performDeletion), commands/schemacmds.c, commands/dropcmds.c.
 */
import { forgetPublishedRelation, forgetPublishedSchema } from './publication.js';
import { checkNewOwner, checkRelationOwner } from './owner.js';
import { aclDefault, aclHolds, checkDropOwner, checkOwner, isSuperuser, permissionDenied, relationKindWord } from '../catalog/acl.js';
import { resolveRoleSpec } from '../catalog/system/common.js';
import type { Catalog } from '../catalog/catalog.js';
import type { RelationDef } from '../catalog/objects.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Session } from '../session/session.js';
import { commandResult, type StatementResult } from '../session/dispatch.js';
import { lookupRelation } from '../analyze/relation.js';
import { truncateIdentifier } from './naming.js';
import { routineSignature } from '../pl/signature.js';
import { dropPartitionLinks } from './partition-ddl.js';
import { relationsUsed } from './view.js';
import { operatorsUsingFunction, removeOperator } from './operatorcmds.js';
import { operatorDescription } from '../catalog/operators.js';
import { partitionDescendants } from '../catalog/partition.js';
import { rowTypeDependents } from './typecmds.js';

type AnyNode = Record<string, any>;

export function createSchema(session: Session, n: AnyNode, sql: string): StatementResult {
  void sql;
  const owner = n.authrole ? resolveRoleSpec(n.authrole.RoleSpec ?? n.authrole, session.currentUser(), session.sessionUser(), session.catalog()) : session.currentUser();
  if (n.schemaElts?.length) throw featureNotSupported('CREATE SCHEMA with schema elements');
  const name = truncateIdentifier(n.schemaname ?? owner);
  const txn = session.transaction();
  // CreateSchemaCommand: CREATE on the database, then SET ROLE to the owner named.
  const user = session.currentUser();
  if (!isSuperuser(txn.catalog, user)) {
    if (!aclHolds(txn.catalog, txn.catalog.databaseAcl ?? aclDefault('database', 10), user, 'C')) throw permissionDenied('database', session.databaseName());
    if (owner !== user) checkNewOwner(session, txn.catalog, owner, undefined);
  }
  if (txn.catalog.namespaceOid(name) !== undefined) {
    if (n.if_not_exists) {
      session.notice(new PgError(SQLSTATE.duplicate_schema, `schema "${name}" already exists, skipping`, { severity: 'NOTICE' }));
      return commandResult('CREATE SCHEMA');
    }
    throw new PgError(SQLSTATE.duplicate_schema, `schema "${name}" already exists`);
  }
  if (name.startsWith('pg_')) {
    throw new PgError(SQLSTATE.reserved_name, `unacceptable schema name "${name}"`, { detail: 'The prefix "pg_" is reserved for system schemas.' });
  }
  const cat = txn.catalogForWrite();
  cat.putNamespace({ oid: session.db.newOid(), name, owner });
  return commandResult('CREATE SCHEMA');
}

interface Dependent {
  describe: string;
  /** What it depends on directly (the dropped object, or a dependent listed before it). */
  on: string;
  drop: () => void;
  /** A rule (listed once even when it uses several dropped relations). */
  ruleOid?: number;
}

const KIND_WORD: Record<string, string> = { r: 'table', p: 'table', v: 'view', i: 'index', S: 'sequence', m: 'materialized view' };

let currentSearchPath: readonly string[] = ['public'];

/** The relation's name, schema-qualified unless the search path finds it unqualified. */
function relName(cat: Catalog, rel: RelationDef): string {
  const visible = lookupRelation(cat, currentSearchPath, { name: rel.name })?.oid === rel.oid;
  return visible ? rel.name : `${cat.namespaceName(rel.namespace)}.${rel.name}`;
}

function relDesc(cat: Catalog, rel: RelationDef): string {
  return `${KIND_WORD[rel.kind] ?? 'relation'} ${relName(cat, rel)}`;
}

/** Objects that must go when `rel` goes and that Postgres reports (FKs from other tables, views). */
function dependentsOf(session: Session, cat: Catalog, rel: RelationDef, dropping: Set<number>): Dependent[] {
  const out: Dependent[] = [];
  if (rel.kind === 'r' || rel.kind === 'p') {
    // What uses the table's row type (routines, other tables' columns, domains) comes first: Postgres
    // reaches it through the type, which depends on the table as a whole, before what depends on columns.
    for (const d of rowTypeDependents(session, cat, rel)) if (!dropping.has(d.oid)) out.push({ describe: d.label, on: d.on, drop: d.drop });
    for (const fk of cat.referencingForeignKeys(rel.oid)) {
      if (fk.relation === rel.oid || dropping.has(fk.relation)) continue;
      const child = cat.relation(fk.relation);
      out.push({ describe: `constraint ${fk.name} on ${relDesc(cat, child)}`, on: relDesc(cat, rel), drop: () => cat.removeConstraint(fk.oid) });
    }
    // A partition of a referenced partitioned table: the key's copy for it depends on it
    // (Postgres reports the key itself; DETACH first to drop the partition alone).
    for (let a = rel.partitionOf?.parent; a !== undefined && !dropping.has(a); a = cat.relations.get(a)?.partitionOf?.parent) {
      for (const fk of cat.referencingForeignKeys(a)) {
        if (dropping.has(fk.relation) || out.some((d) => d.describe.startsWith(`constraint ${fk.name} on `))) continue;
        const child = cat.relation(fk.relation);
        out.push({ describe: `constraint ${fk.name} on ${relDesc(cat, child)}`, on: relDesc(cat, rel), drop: () => cat.removeConstraint(fk.oid) });
      }
    }
  }
  // Views, inheritance children and other tables' policies reading it, in creation order.
  // (a policy's OID joins `dropping` once listed, so a policy reading two dropped relations is listed once)
  const policies = [...cat.policies.values()].filter((p) => p.relation !== rel.oid && !dropping.has(p.relation) && !dropping.has(p.oid) && relationsUsed([p.qual?.expr, p.withCheck?.expr], new Set()).has(rel.oid));
  let pi = 0;
  const policiesBefore = (oid: number) => {
    for (; pi < policies.length && policies[pi].oid < oid; pi++) {
      const p = policies[pi];
      const owner = cat.relations.get(p.relation);
      if (!owner || dropping.has(p.oid)) continue;
      dropping.add(p.oid);
      out.push({ describe: `policy ${p.name} on ${relDesc(cat, owner)}`, on: relDesc(cat, rel), drop: () => cat.policies.delete(p.oid) });
    }
  };
  policies.sort((a, b) => a.oid - b.oid);
  for (const v of cat.relations.values()) {
    if (policies.length) policiesBefore(v.oid);
    // (inheritance children go with their parent too, reported among the views in creation order)
    const isChild = v.inhParents?.includes(rel.oid) === true;
    if (isChild && !dropping.has(v.oid)) {
      dropping.add(v.oid);
      out.push({ describe: relDesc(cat, v), on: relDesc(cat, rel), drop: () => dropRelation(session, cat, v, dropping) });
      out.push(...dependentsOf(session, cat, v, dropping));
      continue;
    }
    if ((v.kind !== 'v' && v.kind !== 'm') || dropping.has(v.oid) || !v.view?.dependsOn.includes(rel.oid)) continue;
    // Depth first, as Postgres reports them: a view, then what depends on that view.
    dropping.add(v.oid);
    out.push({ describe: relDesc(cat, v), on: relDesc(cat, rel), drop: () => dropRelation(session, cat, v, dropping) });
    out.push(...dependentsOf(session, cat, v, dropping));
  }
  policiesBefore(Infinity);
  // Rules of other relations whose actions use it (their relation's own rules go with it).
  for (const r of [...cat.rules.values()]) {
    if (r.relation === rel.oid || dropping.has(r.relation) || !r.dependsOn.includes(rel.oid)) continue;
    const owner = cat.relations.get(r.relation);
    if (!owner || out.some((d) => d.describe.startsWith(`rule ${r.name} on `) && d.ruleOid === r.oid)) continue;
    out.push({ describe: `rule ${r.name} on ${relDesc(cat, owner)}`, on: relDesc(cat, rel), drop: () => cat.removeRule(r.oid), ruleOid: r.oid });
  }
  // Sequences used by defaults of other tables' columns.
  if (rel.kind === 'S') {
    for (const t of cat.relations.values()) {
      if (t.kind !== 'r' || dropping.has(t.oid)) continue;
      for (const c of t.columns) {
        if (!c.dropped && c.default && usesSequence(c.default.expr, rel.oid)) {
          out.push({ describe: `default value for column ${c.name} of ${relDesc(cat, t)}`, on: relDesc(cat, rel), drop: () => cat.putRelation({ ...cat.relation(t.oid), columns: cat.relation(t.oid).columns.map((x) => (x.attnum === c.attnum ? { ...x, default: undefined } : x)) }) });
        }
      }
    }
  }
  return out;
}

/** Views and materialized views whose query uses column `attnum` of `rel` (pg_depend on the column), in creation order. */
export function viewsUsingColumn(cat: Catalog, rel: RelationDef, attnum: number): RelationDef[] {
  const out: RelationDef[] = [];
  for (const v of cat.relations.values()) if (v.view?.columnDeps?.get(rel.oid)?.has(attnum)) out.push(v);
  return out.sort((a, b) => a.oid - b.oid);
}

/**
 * ALTER TABLE DROP COLUMN: the views using the column (and what depends on them) are 2BP01
 * under RESTRICT, dropped with Postgres's NOTICE under CASCADE.
 */
export function dropColumnViews(session: Session, cat: Catalog, rel: RelationDef, attnum: number, cascade: boolean): void {
  dropDependentViews(session, cat, rel, viewsUsingColumn(cat, rel, attnum), `column ${rel.columns[attnum - 1].name} of ${relDesc(cat, rel)}`, cascade);
}

/**
 * DROP CONSTRAINT of a primary key that views' grouping relies on (their ungrouped columns are
 * functionally dependent on it): 2BP01, or with CASCADE the views go too.
 */
export function dropConstraintViews(session: Session, cat: Catalog, rel: RelationDef, con: { oid: number; name: string }, cascade: boolean): void {
  const views = [...cat.relations.values()].filter((v) => v.view?.constraintDeps?.includes(con.oid));
  dropDependentViews(session, cat, rel, views, `constraint ${con.name} on ${relDesc(cat, rel)}`, cascade);
}

/** The views depending on part of `rel` (described by `on`), and what depends on them: 2BP01 under RESTRICT, dropped with Postgres's NOTICE under CASCADE. */
function dropDependentViews(session: Session, cat: Catalog, rel: RelationDef, views: readonly RelationDef[], on: string, cascade: boolean): void {
  if (!views.length) return;
  currentSearchPath = session.searchPath();
  const dropping = new Set<number>([rel.oid]);
  const deps: Dependent[] = [];
  for (const v of views) {
    if (dropping.has(v.oid)) continue;
    dropping.add(v.oid);
    deps.push({ describe: relDesc(cat, v), on, drop: () => dropRelation(session, cat, v, dropping) });
    deps.push(...dependentsOf(session, cat, v, dropping));
  }
  if (!cascade) {
    throw new PgError(SQLSTATE.dependent_objects_still_exist, `cannot drop ${on} because other objects depend on it`, {
      detail: deps.map((d) => `${d.describe} depends on ${d.on}`).join('\n'),
      hint: 'Use DROP ... CASCADE to drop the dependent objects too.',
    });
  }
  const lines = deps.map((d) => `drop cascades to ${d.describe}`);
  session.notice(new PgError(SQLSTATE.successful_completion, lines.length === 1 ? lines[0] : `drop cascades to ${lines.length} other objects`, { severity: 'NOTICE', ...(lines.length > 1 ? { detail: lines.join('\n') } : {}) }));
  for (const d of deps) d.drop();
}

function usesSequence(e: unknown, seqOid: number): boolean {
  if (!e || typeof e !== 'object') return false;
  const o = e as Record<string, unknown>;
  if (o.kind === 'Const' && o.type === 2205 && o.value === seqOid) return true;
  for (const [k, v] of Object.entries(o)) if (k !== 'fn' && usesSequence(v, seqOid)) return true;
  return false;
}

/** Removes a relation and what it owns (indexes, owned sequences, row type, constraints). */
export function dropRelation(session: Session, cat: Catalog, rel: RelationDef, dropping: Set<number>): void {
  dropping.add(rel.oid);
  const txn = session.transaction();
  // A partitioned table takes its partitions along; a partition leaves its parent's list.
  dropPartitionLinks(session, cat, rel, dropping, dropRelation);
  // An inheritance child leaves its parents' lists (relhassubclass stays, as in Postgres).
  for (const p of rel.inhParents ?? []) {
    const parent = cat.relations.get(p);
    if (parent) cat.putRelation({ ...parent, inhChildren: (parent.inhChildren ?? []).filter((o) => o !== rel.oid) });
  }
  if (rel.kind === 'r' || rel.kind === 'm' || rel.kind === 'p') {
    for (const idx of cat.relationIndexes(rel.oid)) {
      cat.removeRelation(idx.oid);
      txn.droppedFilenodes.add(idx.filenode);
    }
    for (const s of [...cat.relations.values()]) {
      if (s.kind === 'S' && s.sequence?.ownedBy?.relation === rel.oid) cat.removeRelation(s.oid);
    }
    for (const fk of cat.referencingForeignKeys(rel.oid)) cat.removeConstraint(fk.oid);
    const rowType = cat.types.get(rel.rowType);
    if (rowType) {
      if (rowType.arrayType !== undefined) cat.removeType(rowType.arrayType);
      cat.removeType(rowType.oid);
    }
  }
  if (rel.kind === 'i' && rel.index?.constraint !== undefined) cat.removeConstraint(rel.index.constraint);
  if (rel.kind === 'v' || rel.kind === 'c') {
    // A view's or composite type's row type (and its array type) go with it.
    const rowType = cat.types.get(rel.rowType);
    if (rowType?.relation === rel.oid) {
      if (rowType.arrayType !== undefined) cat.removeType(rowType.arrayType);
      cat.removeType(rowType.oid);
    }
  }
  cat.removeRelation(rel.oid);
  if (cat.publications.size) forgetPublishedRelation(cat, rel.oid);
  txn.droppedFilenodes.add(rel.filenode);
}

export function dropObjects(session: Session, n: AnyNode, sql: string): StatementResult {
  void sql;
  currentSearchPath = session.searchPath();
  const type = n.removeType as string;
  const cascade = n.behavior === 'DROP_CASCADE';
  const txn = session.transaction();
  switch (type) {
    case 'OBJECT_TABLE':
    case 'OBJECT_VIEW':
    case 'OBJECT_INDEX':
    case 'OBJECT_SEQUENCE':
    case 'OBJECT_MATVIEW': {
      const want = { OBJECT_TABLE: 'r', OBJECT_VIEW: 'v', OBJECT_INDEX: 'i', OBJECT_SEQUENCE: 'S', OBJECT_MATVIEW: 'm' }[type] as string;
      const word = KIND_WORD[want];
      const cmd = `DROP ${word.toUpperCase()}`;
      const rels: RelationDef[] = [];
      for (const obj of n.objects as AnyNode[]) {
        const parts = (obj.List.items as AnyNode[]).map((x) => x.String.sval as string);
        const qn = parts.length === 2 ? { schema: parts[0], name: parts[1] } : { name: parts[parts.length - 1] };
        if (qn.schema && txn.catalog.namespaceOid(qn.schema) === undefined) {
          if (n.missing_ok) {
            session.notice(new PgError(SQLSTATE.successful_completion, `schema "${qn.schema}" does not exist, skipping`, { severity: 'NOTICE' }));
            continue;
          }
          throw new PgError(SQLSTATE.invalid_schema_name, `schema "${qn.schema}" does not exist`);
        }
        const rel = lookupRelation(txn.catalog, session.searchPath(), qn);
        const display = parts[parts.length - 1];
        if (!rel) {
          if (n.missing_ok) {
            session.notice(new PgError(SQLSTATE.successful_completion, `${word} "${display}" does not exist, skipping`, { severity: 'NOTICE' }));
            continue;
          }
          throw new PgError(want === 'i' ? SQLSTATE.undefined_object : SQLSTATE.undefined_table, `${word} "${display}" does not exist`);
        }
        if (rel.kind !== want && !(want === 'r' && rel.kind === 'p')) {
          throw new PgError(SQLSTATE.wrong_object_type, `"${rel.name}" is not a${/^[aeiou]/.test(word) ? 'n' : ''} ${word}`, { hint: rel.kind === 'c' ? 'Use DROP TYPE to remove a type.' : `Use DROP ${(KIND_WORD[rel.kind] ?? 'relation').toUpperCase()} to remove a ${KIND_WORD[rel.kind] ?? 'relation'}.` });
        }
        if (n.concurrent && rel.kind === 'i' && rel.persistence !== 't' && txn.catalog.relations.get(rel.index!.relation)?.kind === 'p') {
          throw new PgError(SQLSTATE.feature_not_supported, `cannot drop partitioned index "${rel.name}" concurrently`);
        }
        // A partition's part of a partitioned index goes only with it (or with its partition).
        if (rel.kind === 'i' && rel.index?.parentIndex !== undefined) {
          const parentIdx = txn.catalog.relation(rel.index.parentIndex);
          throw new PgError(SQLSTATE.dependent_objects_still_exist, `cannot drop index ${relName(txn.catalog, rel)} because index ${relName(txn.catalog, parentIdx)} requires it`, {
            hint: `You can drop index ${relName(txn.catalog, parentIdx)} instead.`,
          });
        }
        if (rel.kind === 'i' && rel.index?.constraint !== undefined) {
          const con = txn.catalog.constraints.get(rel.index.constraint);
          const table = txn.catalog.relation(rel.index.relation);
          const tn = relName(txn.catalog, table);
          throw new PgError(SQLSTATE.dependent_objects_still_exist, `cannot drop index ${relName(txn.catalog, rel)} because constraint ${con?.name} on table ${tn} requires it`, {
            hint: `You can drop constraint ${con?.name} on table ${tn} instead.`,
          });
        }
        // (the schema's owner may drop it too)
        checkDropOwner(txn.catalog, session.currentUser(), rel.owner, rel.namespace, relationKindWord(rel), rel.name);
        rels.push(rel);
      }
      if (!rels.length) return commandResult(cmd);
      const cat = txn.catalogForWrite();
      // (a partitioned table's partitions go with it: their own foreign keys are no dependents)
      const dropping = new Set(rels.flatMap((r) => [r.oid, ...(r.kind === 'p' ? partitionDescendants(cat, r).map((d) => d.oid) : [])]));
      const deps: Dependent[] = [];
      for (const r of rels) deps.push(...dependentsOf(session, cat, r, dropping));
      if (deps.length && !cascade) {
        const first = rels[0];
        throw new PgError(SQLSTATE.dependent_objects_still_exist, rels.length > 1 ? 'cannot drop desired object(s) because other objects depend on them' : `cannot drop ${word} ${relName(cat, first)} because other objects depend on it`, {
          detail: deps.map((d) => `${d.describe} depends on ${d.on}`).join('\n'),
          hint: 'Use DROP ... CASCADE to drop the dependent objects too.',
        });
      }
      if (deps.length) {
        const lines = deps.map((d) => `drop cascades to ${d.describe}`);
        session.notice(
          new PgError(SQLSTATE.successful_completion, lines.length === 1 ? lines[0] : `drop cascades to ${lines.length} other objects`, {
            severity: 'NOTICE',
            ...(lines.length > 1 ? { detail: lines.join('\n') } : {}),
          }),
        );
        for (const d of deps) d.drop();
      }
      for (const r of rels) if (cat.relations.has(r.oid)) dropRelation(session, cat, r, dropping);
      return commandResult(cmd);
    }
    case 'OBJECT_SCHEMA': {
      for (const obj of n.objects as AnyNode[]) {
        const name = obj.String.sval as string;
        const ns = txn.catalog.namespaceOid(name);
        if (ns === undefined) {
          if (n.missing_ok) {
            session.notice(new PgError(SQLSTATE.successful_completion, `schema "${name}" does not exist, skipping`, { severity: 'NOTICE' }));
            continue;
          }
          throw new PgError(SQLSTATE.invalid_schema_name, `schema "${name}" does not exist`);
        }
        checkOwner(txn.catalog, session.currentUser(), txn.catalog.namespaces.get(ns)!.owner, 'schema', name);
        const cat = txn.catalogForWrite();
        // (a partition goes with its partitioned table, an owned sequence with its column: not listed)
        const inSchema = (oid: number | undefined) => oid !== undefined && cat.relations.get(oid)?.namespace === ns;
        const members = [...cat.relations.values()].filter(
          (r) => r.namespace === ns && (((r.kind === 'r' || r.kind === 'p') && !inSchema(r.partitionOf?.parent)) || r.kind === 'v' || r.kind === 'm' || r.kind === 'c' || (r.kind === 'S' && !r.sequence?.ownedBy)),
        );
        const types = [...cat.types.values()].filter((t) => t.namespace === ns && (t.kind === 'e' || t.kind === 'd'));
        const routines = [...cat.functions.values()].filter((f) => f.namespace === ns);
        const operators = [...cat.operators.values()].filter((o) => o.namespace === ns);
        const sorted = [
          ...operators.map((o) => ({ oid: o.oid, d: operatorDescription(cat, session.searchPath(), o) })),
          ...members.map((m) => ({ oid: m.oid, d: m.kind === 'c' ? `type ${name}.${m.name}` : relDesc(cat, m) })),
          ...types.map((t) => ({ oid: t.oid, d: `type ${name}.${t.name}` })),
          ...routines.map((f) => ({ oid: f.oid, d: `${f.kind === 'p' ? 'procedure' : 'function'} ${routineSignature(cat, f, session.searchPath())}` })),
        ].sort((a, b) => a.oid - b.oid);
        // Objects elsewhere that depend on a member (views, foreign keys, ...) follow that member, depth first.
        const dropping = new Set([...members.map((m) => m.oid), ...routines.map((f) => f.oid), ...types.map((t) => t.oid)]);
        const outside: Dependent[] = [];
        const ordered: { d: string; on?: string }[] = [];
        for (const o of sorted) {
          ordered.push(o);
          const m = members.find((x) => x.oid === o.oid);
          if (!m || m.kind === 'c') continue;
          for (const dep of dependentsOf(session, cat, m, dropping)) {
            ordered.push({ d: dep.describe, on: dep.on });
            outside.push(dep);
          }
        }
        if ((members.length || types.length || routines.length || operators.length) && !cascade) {
          throw new PgError(SQLSTATE.dependent_objects_still_exist, `cannot drop schema ${name} because other objects depend on it`, {
            detail: ordered.map((o) => `${o.d} depends on ${o.on ?? `schema ${name}`}`).join('\n'),
            hint: 'Use DROP ... CASCADE to drop the dependent objects too.',
          });
        }
        for (const o of operators) removeOperator(cat, o.oid);
        for (const f of routines) {
          if (!cascade) continue;
          for (const o of operatorsUsingFunction(cat, f.oid)) removeOperator(cat, o.oid);
          for (const t of [...cat.triggers.values()]) if (t.function === f.oid) cat.removeTrigger(t.oid);
          cat.removeFunction(f.oid);
        }
        if (members.length || types.length || routines.length || operators.length) {
          const lines = ordered.map((o) => `drop cascades to ${o.d}`);
          session.notice(new PgError(SQLSTATE.successful_completion, lines.length === 1 ? lines[0] : `drop cascades to ${lines.length} other objects`, { severity: 'NOTICE', ...(lines.length > 1 ? { detail: lines.join('\n') } : {}) }));
          for (const dep of outside) dep.drop();
          for (const m of members) if (cat.relations.has(m.oid)) dropRelation(session, cat, m, dropping);
          for (const t of types) {
            if (t.arrayType !== undefined) cat.removeType(t.arrayType);
            cat.removeType(t.oid);
          }
        }
        cat.removeNamespace(ns);
        if (cat.publications.size) forgetPublishedSchema(cat, ns);
      }
      return commandResult('DROP SCHEMA');
    }
    default:
      throw featureNotSupported(`DROP ${type.replace('OBJECT_', '')}`);
  }
}
