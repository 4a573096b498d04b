/**
 * pg_class: user tables, views, indexes, sequences and composite types from the catalog, and the
 * system tables and views fauxgres knows (registry.ts).
 * Postgres counterpart: src/include/catalog/pg_class.h.
 * Known gaps: no TOAST tables (reltoastrelid is 0); relpages/reltuples are those of a never-analyzed
 * relation; relhastriggers is true while foreign keys involve the table (Postgres clears it lazily).
 */
import { aclText } from '../acl.js';
import type { Catalog } from '../catalog.js';
import type { RelationDef } from '../objects.js';
import { PgArray } from '../../types/values.js';
import { allSystemRelations, defineRows, type RowObject } from './registry.js';
import { relationsInOrder, roleOid } from './common.js';
import { foreignKeysOf, referencingKeysOf } from '../relation-cache.js';
import { userTriggers } from './user-functions.js';
import { nodeTree } from '../ruleutils/node-tree.js';

function hasTriggers(cat: Catalog, rel: number): boolean {
  for (const t of userTriggers(cat)) if (t.relation === rel) return true;
  return false;
}

/** pg_am OIDs by access method name. */
export const AM_OID: Readonly<Record<string, number>> = { heap: 2, btree: 403, hash: 405, gist: 783, gin: 2742, spgist: 4000, brin: 3580 };

function relam(rel: RelationDef): number {
  if (rel.kind === 'r' || rel.kind === 'm') return AM_OID.heap;
  if (rel.kind === 'i') return AM_OID[rel.index?.method ?? 'btree'] ?? AM_OID.btree;
  return 0;
}

/** The pg_class row of a user relation. */
export function classRow(cat: Catalog, rel: RelationDef): RowObject {
  const kind = rel.kind;
  const isTable = kind === 'r' || kind === 'p' || kind === 'm';
  const constraints = cat.relationConstraints(rel.oid);
  const natts = kind === 'i' && rel.index ? rel.index.keys.length + rel.index.include.length : kind === 'S' ? 3 : rel.columns.length;
  return {
    oid: rel.oid,
    relname: rel.name,
    relnamespace: rel.namespace,
    reltype: rel.rowType,
    reloftype: rel.ofType ?? 0,
    relowner: roleOid(rel.owner),
    relam: relam(rel),
    relfilenode: kind === 'v' || kind === 'p' || kind === 'c' ? 0 : (rel.filenode ?? rel.oid),
    reltablespace: 0,
    relpages: kind === 'i' || kind === 'S' ? 1 : 0,
    reltuples: kind === 'i' ? 0 : kind === 'S' ? 1 : -1,
    relallvisible: 0,
    relallfrozen: 0,
    reltoastrelid: 0,
    relhasindex: isTable && (cat.indexesByRelation.get(rel.oid)?.length ?? 0) > 0,
    relisshared: false,
    relpersistence: rel.persistence,
    relkind: kind === 'i' && rel.index && cat.relations.get(rel.index.relation)?.kind === 'p' ? 'I' : kind,
    relnatts: natts,
    relchecks: constraints.filter((c) => c.kind === 'c').length,
    relhasrules: kind === 'v' || (cat.rules.size > 0 && [...cat.rules.values()].some((r) => r.relation === rel.oid)),
    relhastriggers: isTable && (foreignKeysOf(cat, rel.oid).length > 0 || referencingKeysOf(cat, rel.oid).length > 0 || hasTriggers(cat, rel.oid)),
    // (an inheritance parent keeps it after its last child goes, as Postgres does until VACUUM)
    relhassubclass: (rel.partitions?.length ?? 0) > 0 || rel.inhChildren !== undefined || (kind === 'i' && hasIndexPartitions(cat, rel.oid)),
    relrowsecurity: !!rel.rlsEnabled,
    relforcerowsecurity: !!rel.rlsForced,
    relispopulated: kind !== 'm' || !!rel.view?.populated,
    relreplident: isTable ? (rel.replicaIdentity ?? 'd') : 'n',
    relispartition: !!rel.partitionOf || rel.index?.parentIndex !== undefined,
    relrewrite: 0,
    relfrozenxid: 0,
    relminmxid: 0,
    relacl: rel.acl ? PgArray.of(aclText(cat, rel.acl)) : null,
    reloptions: rel.options && rel.options.length ? PgArray.of([...rel.options]) : null,
    relpartbound: rel.partitionOf ? nodeTree({ kind: 'partbound', relation: rel.oid }) : null,
  };
}

function hasIndexPartitions(cat: Catalog, idx: number): boolean {
  const table = cat.relations.get(cat.relations.get(idx)?.index?.relation ?? -1);
  return table?.kind === 'p' && (table.partitions?.length ?? 0) > 0;
}

function systemClassRows(): RowObject[] {
  const out: RowObject[] = [];
  for (const r of allSystemRelations()) {
    out.push({
      oid: r.oid, relname: r.name, relnamespace: r.namespace, reltype: r.rowType, reloftype: 0, relowner: 10,
      relam: r.kind === 'r' ? AM_OID.heap : 0, relfilenode: r.kind === 'r' ? r.oid : 0, reltablespace: 0,
      relpages: 0, reltuples: -1, relallvisible: 0, relallfrozen: 0, reltoastrelid: 0, relhasindex: r.kind === 'r',
      relisshared: false, relpersistence: 'p', relkind: r.kind, relnatts: r.columns.length, relchecks: 0,
      relhasrules: r.kind === 'v', relhastriggers: false, relhassubclass: false, relrowsecurity: false,
      relforcerowsecurity: false, relispopulated: true, relreplident: 'n', relispartition: false, relrewrite: 0,
      relfrozenxid: 0, relminmxid: 0, relacl: null, reloptions: null, relpartbound: null,
    });
  }
  return out;
}

defineRows('pg_catalog', 'pg_class', {
  scope: 'catalog',
  fixed: () => systemClassRows(),
  *rows({ cat }) {
    for (const rel of relationsInOrder(cat)) yield classRow(cat, rel);
  },
});
