/**
 * CLUSTER [ (VERBOSE) ] [ table [ USING index ] ] and the old `CLUSTER index ON table`: the table
 * is rewritten in the index's order (so a scan without ORDER BY returns rows in that order until
 * they change), and the index is marked clustered; CLUSTER table reuses the marked index; CLUSTER
 * alone does every table with a marked index that the user may maintain. A partitioned table is
 * clustered partition by partition on the index's parts (which are marked; it is not).
 * Postgres counterpart: src/backend/commands/cluster.c (cluster, cluster_rel, get_tables_to_cluster).
 * Known gaps: VERBOSE (its report on pages and tuples) is 0A000; a gist index keeps the rows'
 * order as it is.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { RelationDef } from '../catalog/objects.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Session } from '../session/session.js';
import { commandResult, type StatementResult } from '../session/dispatch.js';
import { lookupRelation, displayName } from '../analyze/relation.js';
import { permissionDenied, relationAllows } from '../catalog/acl.js';
import { partitionLeaves } from '../catalog/partition.js';
import { checkClusterable, markClustered } from './cluster-on.js';
import { rewrite } from './alter-table.js';

type AnyNode = Record<string, any>;

export function cluster(session: Session, n: AnyNode): StatementResult {
  for (const p of (n.params ?? []) as AnyNode[]) {
    const name = String(p.DefElem?.defname).toLowerCase();
    if (name === 'verbose') throw featureNotSupported('CLUSTER VERBOSE (its report on pages and tuples)');
    throw new PgError(SQLSTATE.syntax_error, `unrecognized CLUSTER option "${p.DefElem?.defname}"`);
  }
  const user = session.currentUser();
  if (!n.relation) {
    session.preventInTransactionBlock('CLUSTER');
    const cat = session.transaction().catalogForWrite();
    for (const rel of [...cat.relations.values()]) {
      if (rel.clusteredIndex === undefined || !relationAllows(cat, user, rel, 'm')) continue;
      if (rel.persistence === 't' && !session.searchPath().includes(cat.namespaceName(rel.namespace))) continue;
      clusterRel(session, cat, rel, cat.relation(rel.clusteredIndex));
    }
    return commandResult('CLUSTER');
  }
  const qn = { schema: n.relation.schemaname, name: n.relation.relname };
  const found = lookupRelation(session.catalog(), session.searchPath(), qn);
  if (!found) throw new PgError(SQLSTATE.undefined_table, `relation "${displayName(qn)}" does not exist`);
  if (found.kind !== 'r' && found.kind !== 'm' && found.kind !== 'p') {
    throw new PgError(SQLSTATE.wrong_object_type, `"${found.name}" is not a table or materialized view`);
  }
  if (found.kind === 'p') session.preventInTransactionBlock('CLUSTER');
  const cat = session.transaction().catalogForWrite();
  const rel = cat.relation(found.oid);
  if (!relationAllows(cat, user, rel, 'm')) throw permissionDenied('table', rel.name);
  let idx: RelationDef;
  if (n.indexname) {
    const named = cat.relationIn(rel.namespace, n.indexname as string);
    if (!named || named.kind !== 'i' || named.index?.relation !== rel.oid) {
      throw new PgError(SQLSTATE.undefined_object, `index "${n.indexname}" for table "${rel.name}" does not exist`);
    }
    idx = named;
  } else {
    if (rel.clusteredIndex === undefined) throw new PgError(SQLSTATE.undefined_object, `there is no previously clustered index for table "${rel.name}"`);
    idx = cat.relation(rel.clusteredIndex);
  }
  if (rel.kind !== 'p') {
    clusterRel(session, cat, rel, idx);
    return commandResult('CLUSTER');
  }
  checkClusterable(rel, idx);
  if (idx.index!.invalid) throw new PgError(SQLSTATE.feature_not_supported, `cannot cluster on invalid index "${idx.name}"`);
  for (const leaf of partitionLeaves(cat, rel)) {
    // (a partition the user may not maintain is skipped with a warning)
    if (!relationAllows(cat, user, leaf, 'm')) {
      session.notice(new PgError(SQLSTATE.warning, `permission denied to cluster "${leaf.name}", skipping it`, { severity: 'WARNING' }));
      continue;
    }
    const part = partOf(cat, idx, leaf);
    if (part) clusterRel(session, cat, cat.relation(leaf.oid), part);
  }
  return commandResult('CLUSTER');
}

/** The index of `leaf` that descends from the partitioned index `idx`. */
function partOf(cat: Catalog, idx: RelationDef, leaf: RelationDef): RelationDef | undefined {
  for (const i of cat.relationIndexes(leaf.oid)) {
    for (let p = i.index?.parentIndex; p !== undefined; p = cat.relations.get(p)?.index?.parentIndex) if (p === idx.oid) return i;
  }
  return undefined;
}

/** cluster_rel: checks the index, marks it, writes the rows in its order. */
function clusterRel(session: Session, cat: Catalog, rel: RelationDef, idx: RelationDef): void {
  checkClusterable(rel, idx);
  markClustered(cat, rel, idx.oid);
  const txn = session.transaction();
  const order = new Map<number, number>();
  if (idx.index!.method === 'btree') {
    for (const [, tid] of txn.index(idx).entries()) if (!order.has(tid)) order.set(tid, order.size);
  }
  rewrite(session, cat, cat.relation(rel.oid), (vals) => vals, cat.relation(rel.oid), (rows) =>
    order.size ? [...rows].sort((a, b) => (order.get(a.tid) ?? Infinity) - (order.get(b.tid) ?? Infinity)) : rows);
}
