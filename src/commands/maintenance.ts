/**
 * VACUUM, ANALYZE, REINDEX and CHECKPOINT. An in-memory heap has nothing to reclaim, no planner
 * statistics and no dirty pages, so these change nothing; what they check is Postgres's: the
 * options, the relations and columns named, where the command may run, and the warnings for
 * relations that cannot be vacuumed or analyzed. (Old row versions are pruned on their own, see
 * src/storage/prune.ts.) VERBOSE, whose INFO report describes pages, is 0A000.
 * Postgres counterpart: src/backend/commands/vacuum.c (ExecVacuum, vacuum_rel), analyze.c,
 * indexcmds.c (ExecReindex), checkpointer.c.
 */
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Session } from '../session/session.js';
import { commandResult, type StatementResult } from '../session/dispatch.js';
import { lookupRelation, displayName } from '../analyze/relation.js';
import { systemRelationNamed } from '../catalog/system/registry.js';
import { charOffset } from '../analyze/parse-state.js';
import type { Catalog } from '../catalog/catalog.js';
import type { RelationDef } from '../catalog/objects.js';
import { typeInfo } from '../types/registry.js';
import { checkOwner, permissionDenied, predefinedRelationPrivs, relationAllows, relationKindWord } from '../catalog/acl.js';

type AnyNode = Record<string, any>;

const VACUUM_OPTIONS = new Set([
  'verbose', 'analyze', 'freeze', 'full', 'disable_page_skipping', 'skip_locked', 'index_cleanup', 'process_main',
  'process_toast', 'truncate', 'parallel', 'skip_database_stats', 'only_database_stats', 'buffer_usage_limit',
]);
const ANALYZE_OPTIONS = new Set(['verbose', 'skip_locked', 'buffer_usage_limit']);

/** VACUUM [ (options) ] [ table [ (columns) ] [, ...] ] and ANALYZE [ (options) ] [ ... ]. */
export function vacuum(session: Session, n: AnyNode, sql: string): StatementResult {
  const isVacuum = !!n.is_vacuumcmd;
  const word = isVacuum ? 'VACUUM' : 'ANALYZE';
  let analyze = !isVacuum;
  for (const o of (n.options ?? []) as AnyNode[]) {
    const d = o.DefElem;
    const name = String(d.defname).toLowerCase();
    if (!(isVacuum ? VACUUM_OPTIONS : ANALYZE_OPTIONS).has(name)) {
      throw new PgError(SQLSTATE.syntax_error, `unrecognized ${word} option "${d.defname}"`, { position: d.location >= 0 ? String(charOffset(sql, d.location) + 1) : undefined });
    }
    if (name === 'verbose') throw featureNotSupported(`${word} VERBOSE (its report on pages and tuples)`);
    if (name === 'analyze') analyze = true;
  }
  if (isVacuum) session.preventInTransactionBlock('VACUUM');
  const cat = session.catalog();
  for (const v of (n.rels ?? []) as AnyNode[]) {
    const r = v.VacuumRelation;
    const qn = { schema: r.relation.schemaname, name: r.relation.relname };
    const cols = ((r.va_cols ?? []) as AnyNode[]).map((c) => c.String.sval as string);
    if (cols.length && !analyze) throw new PgError(SQLSTATE.feature_not_supported, 'ANALYZE option must be specified when a column list is provided');
    const rel = lookupRelation(cat, session.searchPath(), qn);
    if (!rel) {
      if (systemRelationNamed(qn.schema ?? 'pg_catalog', qn.name)) continue;
      throw new PgError(SQLSTATE.undefined_table, `relation "${displayName(qn)}" does not exist`);
    }
    for (const c of cols) {
      if (!rel.columns.some((x) => !x.dropped && x.name === c)) throw new PgError(SQLSTATE.undefined_column, `column "${c}" of relation "${rel.name}" does not exist`);
    }
    // (vacuum_is_permitted_for_relation: without MAINTAIN the relation is skipped with a warning)
    if (!relationAllows(cat, session.currentUser(), rel, 'm')) {
      session.notice(new PgError(SQLSTATE.warning, `permission denied to ${isVacuum ? 'vacuum' : 'analyze'} "${rel.name}", skipping it`, { severity: 'WARNING' }));
      continue;
    }
    if (rel.kind !== 'r' && rel.kind !== 'm' && rel.kind !== 'p') {
      session.notice(new PgError(SQLSTATE.warning, `skipping "${rel.name}" --- cannot ${isVacuum ? 'vacuum' : 'analyze'} non-tables or special system tables`, { severity: 'WARNING' }));
    }
  }
  return commandResult(word);
}

/** REINDEX { INDEX | TABLE | SCHEMA | DATABASE | SYSTEM } name: the named object must exist. */
export function reindex(session: Session, n: AnyNode): StatementResult {
  const cat = session.catalog();
  const params = ((n.params ?? []) as AnyNode[]).map((p) => p.DefElem?.defname as string);
  const concurrently = params.includes('concurrently');
  if (concurrently) session.preventInTransactionBlock('REINDEX CONCURRENTLY');
  if (n.kind === 'REINDEX_OBJECT_TABLE' || n.kind === 'REINDEX_OBJECT_INDEX') {
    const qn = { schema: n.relation.schemaname, name: n.relation.relname };
    const rel = lookupRelation(cat, session.searchPath(), qn);
    const want = n.kind === 'REINDEX_OBJECT_INDEX' ? 'i' : 'r';
    const system = !rel && systemRelationNamed(qn.schema ?? 'pg_catalog', qn.name);
    if (!rel && !system) throw new PgError(SQLSTATE.undefined_table, `relation "${displayName(qn)}" does not exist`);
    if (rel && (rel.kind === 'i') !== (want === 'i')) {
      throw new PgError(SQLSTATE.wrong_object_type, `"${rel.name}" is not ${want === 'i' ? 'an index' : 'a table or materialized view'}`);
    }
    if (system && concurrently) throw new PgError(SQLSTATE.feature_not_supported, 'cannot reindex system catalogs concurrently');
    if (rel) {
      // MAINTAIN on the table (for an index, on its table; the error names what was named).
      const table = rel.kind === 'i' ? cat.relations.get(rel.index?.relation ?? -1) : rel;
      if (table && !relationAllows(cat, session.currentUser(), table, 'm')) throw permissionDenied(relationKindWord(rel), rel.name);
      // A partitioned table or index is reindexed partition by partition, each in its own transaction.
      const partitioned = rel.kind === 'p' || (rel.kind === 'i' && cat.relations.get(rel.index?.relation ?? -1)?.kind === 'p');
      if (partitioned) session.preventInTransactionBlock(want === 'i' ? 'REINDEX INDEX' : 'REINDEX TABLE');
      if (rel.kind === 'r' && !cat.relationIndexes(rel.oid).length && !hasToastTable(cat, rel)) {
        const what = concurrently ? 'has no indexes that can be reindexed concurrently' : 'has no indexes to reindex';
        session.notice(new PgError(SQLSTATE.successful_completion, `table "${rel.name}" ${what}`, { severity: 'NOTICE' }));
      }
    }
  } else if (n.kind === 'REINDEX_OBJECT_SCHEMA') {
    if (cat.namespaceOid(n.name) === undefined) throw new PgError(SQLSTATE.invalid_schema_name, `schema "${n.name}" does not exist`);
    session.preventInTransactionBlock('REINDEX SCHEMA');
    // (the schema's owner, or a member of pg_maintain)
    if (!predefinedRelationPrivs(cat, session.currentUser()).includes('m')) checkOwner(cat, session.currentUser(), cat.namespaces.get(cat.namespaceOid(n.name)!)!.owner, 'schema', n.name);
    if (concurrently && (n.name === 'pg_catalog' || n.name === 'information_schema')) {
      session.notice(new PgError(SQLSTATE.feature_not_supported, 'cannot reindex system catalogs concurrently, skipping all', { severity: 'WARNING' }));
    }
  } else {
    session.preventInTransactionBlock(n.kind === 'REINDEX_OBJECT_SYSTEM' ? 'REINDEX SYSTEM' : 'REINDEX DATABASE');
    if (n.kind === 'REINDEX_OBJECT_SYSTEM' && concurrently) throw new PgError(SQLSTATE.feature_not_supported, 'cannot reindex system catalogs concurrently');
    if (n.name && n.name !== session.databaseName()) throw new PgError(SQLSTATE.feature_not_supported, 'can only reindex the currently open database');
  }
  return commandResult('REINDEX');
}

/** Whether Postgres would give the table a TOAST table (and so a TOAST index REINDEX rebuilds): a variable-length column. */
function hasToastTable(cat: Catalog, rel: RelationDef): boolean {
  return rel.columns.some((c) => !c.dropped && typeInfo(cat, c.type).typlen < 0);
}

/** CHECKPOINT: nothing to write; superusers only, which every fauxgres session is. */
export function checkpoint(): StatementResult {
  return commandResult('CHECKPOINT');
}
