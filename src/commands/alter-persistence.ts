/**
 * ALTER TABLE ... SET LOGGED / SET UNLOGGED (and ALTER SEQUENCE ... SET LOGGED / UNLOGGED): the
 * relation's persistence (relpersistence), carried to its indexes and the sequences it owns,
 * with Postgres's checks on the foreign keys between logged and unlogged tables.
 * fauxgres writes no WAL: the persistence is catalog state (and what psql and pg_dump show).
 * Postgres counterpart: commands/tablecmds.c (ATPrepChangePersistence, ATExecSetRelOptions's
 * neighbour ATRewriteTables for the persistence change), commands/sequence.c (SequenceChangePersistence).
 */
import type { Catalog } from '../catalog/catalog.js';
import type { RelationDef } from '../catalog/objects.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';

type AnyNode = Record<string, any>;

const KIND_DETAIL: Record<string, string> = { v: 'views', m: 'materialized views', i: 'indexes', I: 'partitioned indexes', p: 'partitioned tables', c: 'composite types' };

/** Handles SET LOGGED / SET UNLOGGED (true), or leaves the subcommand to others (false). */
export function alterPersistence(cat: Catalog, rel: RelationDef, cmd: AnyNode): boolean {
  if (cmd.subtype !== 'AT_SetLogged' && cmd.subtype !== 'AT_SetUnLogged') return false;
  const logged = cmd.subtype === 'AT_SetLogged';
  const action = logged ? 'SET LOGGED' : 'SET UNLOGGED';
  if (rel.kind === 'c') throw new PgError(SQLSTATE.wrong_object_type, `"${rel.name}" is a composite type`, { hint: 'Use ALTER TYPE instead.' });
  if (rel.kind !== 'r' && rel.kind !== 'S') {
    throw new PgError(SQLSTATE.wrong_object_type, `ALTER action ${action} cannot be performed on relation "${rel.name}"`, { detail: `This operation is not supported for ${KIND_DETAIL[rel.kind] ?? 'this relation'}.` });
  }
  if (rel.persistence === 't') {
    throw new PgError(SQLSTATE.invalid_table_definition, `cannot change logged status of table "${rel.name}" because it is temporary`, { schema: cat.namespaceName(rel.namespace), table: rel.name });
  }
  const to = logged ? 'p' : 'u';
  if (rel.persistence === to) return true;
  if (rel.kind === 'r') checkForeignKeys(cat, rel, logged);
  cat.putRelation({ ...rel, persistence: to });
  if (rel.kind === 'S') return true;
  for (const idx of cat.relationIndexes(rel.oid)) cat.putRelation({ ...idx, persistence: to });
  for (const r of [...cat.relations.values()]) {
    if (r.kind === 'S' && r.sequence?.ownedBy?.relation === rel.oid) cat.putRelation({ ...r, persistence: to });
  }
  return true;
}

/**
 * A logged table may not reference an unlogged one: SET LOGGED checks the table's own keys,
 * SET UNLOGGED the keys of logged tables that reference it (self references aside).
 */
function checkForeignKeys(cat: Catalog, rel: RelationDef, logged: boolean): void {
  const schema = cat.namespaceName(rel.namespace);
  if (logged) {
    for (const fk of cat.relationConstraints(rel.oid)) {
      if (fk.kind !== 'f' || fk.fk!.refRelation === rel.oid) continue;
      const ref = cat.relation(fk.fk!.refRelation);
      if (ref.persistence !== 'p') {
        throw new PgError(SQLSTATE.invalid_table_definition, `could not change table "${rel.name}" to logged because it references unlogged table "${ref.name}"`, { schema, table: rel.name, constraint: fk.name });
      }
    }
    return;
  }
  for (const fk of cat.referencingForeignKeys(rel.oid)) {
    if (fk.relation === rel.oid) continue;
    const child = cat.relation(fk.relation);
    if (child.persistence === 'p') {
      throw new PgError(SQLSTATE.invalid_table_definition, `could not change table "${rel.name}" to unlogged because it references logged table "${child.name}"`, { schema, table: rel.name, constraint: fk.name });
    }
  }
}
