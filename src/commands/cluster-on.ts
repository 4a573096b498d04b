/**
 * ALTER TABLE ... CLUSTER ON index / SET WITHOUT CLUSTER: which index pg_index.indisclustered
 * marks (only the catalog records the choice; CLUSTER itself, cluster.ts, reorders the rows).
 * Postgres counterpart: src/backend/commands/cluster.c (check_index_is_clusterable,
 * mark_index_clustered), tablecmds.c (ATExecClusterOn, ATExecDropCluster).
 */
import type { Catalog } from '../catalog/catalog.js';
import type { RelationDef } from '../catalog/objects.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';

/** Access methods whose indexes can order a table (amclusterable). */
const CLUSTERABLE = new Set(['btree', 'gist']);

/** ALTER TABLE rel CLUSTER ON `indexName` (an index in the table's schema). */
export function clusterOn(cat: Catalog, rel: RelationDef, indexName: string): void {
  const idx = cat.relationIn(rel.namespace, indexName);
  if (!idx || idx.kind !== 'i') {
    throw new PgError(SQLSTATE.undefined_object, `index "${indexName}" for table "${rel.name}" does not exist`);
  }
  checkClusterable(rel, idx);
  markClustered(cat, rel, idx.oid);
}

/** ALTER TABLE rel SET WITHOUT CLUSTER. */
export function dropCluster(cat: Catalog, rel: RelationDef): void {
  markClustered(cat, rel, undefined);
}

export function checkClusterable(rel: RelationDef, idx: RelationDef): void {
  if (idx.index?.relation !== rel.oid) throw new PgError(SQLSTATE.wrong_object_type, `"${idx.name}" is not an index for table "${rel.name}"`);
  if (!CLUSTERABLE.has(idx.index.method)) {
    throw new PgError(SQLSTATE.feature_not_supported, `cannot cluster on index "${idx.name}" because access method does not support clustering`);
  }
  if (idx.index.predicate) throw new PgError(SQLSTATE.feature_not_supported, `cannot cluster on partial index "${idx.name}"`);
}

export function markClustered(cat: Catalog, rel: RelationDef, index: number | undefined): void {
  if (rel.kind === 'p') throw new PgError(SQLSTATE.feature_not_supported, 'cannot mark index clustered in partitioned table');
  if (rel.clusteredIndex === index) return;
  const { clusteredIndex: _old, ...rest } = rel;
  void _old;
  cat.putRelation(index === undefined ? rest : { ...rest, clusteredIndex: index });
}
