/**
 * pg_partitioned_table (the key of each partitioned table) and pg_inherits (each partition under
 * its parent, each partition's index under the partitioned index it belongs to).
 * Postgres counterpart: src/include/catalog/pg_partitioned_table.h, pg_inherits.h.
 * Known gaps: partclass is the key types' default btree / hash operator class.
 */
import { defineRows } from './registry.js';
import { relationsInOrder } from './common.js';
import { AM_OID } from './pg-class.js';
import { collationOid } from './type-facts.js';
import { defaultOpclassOid } from './operators.js';
import { vectorOf } from '../../types/catalog-types.js';
import { nodeTree } from '../ruleutils/node-tree.js';
import { partitionsOf, strategyChar } from '../partition.js';

defineRows('pg_catalog', 'pg_partitioned_table', {
  scope: 'catalog',
  *rows({ cat }) {
    for (const rel of relationsInOrder(cat)) {
      const key = rel.partitionKey;
      if (rel.kind !== 'p' || !key) continue;
      const am = key.strategy === 'hash' ? AM_OID.hash : AM_OID.btree;
      const dflt = partitionsOf(cat, rel).find((p) => p.partitionOf?.bound.kind === 'default');
      yield {
        partrelid: rel.oid,
        partstrat: strategyChar(key.strategy),
        partnatts: key.parts.length,
        partdefid: dflt?.oid ?? 0,
        partattrs: vectorOf(key.parts.map((p) => p.attnum)),
        partclass: vectorOf(key.parts.map((p) => defaultOpclassOid(cat, am, p.type))),
        partcollation: vectorOf(key.parts.map((p) => collationOid(cat, p.type, p.collation))),
        partexprs: key.parts.some((p) => p.expr) ? nodeTree({ kind: 'partexprs', relation: rel.oid }) : null,
      };
    }
  },
});

defineRows('pg_catalog', 'pg_inherits', {
  scope: 'catalog',
  *rows({ cat }) {
    for (const rel of relationsInOrder(cat)) {
      const parents = rel.inhParents ?? [];
      for (let i = 0; i < parents.length; i++) yield { inhrelid: rel.oid, inhparent: parents[i], inhseqno: i + 1, inhdetachpending: false };
      const parent = rel.partitionOf?.parent ?? rel.index?.parentIndex;
      if (parent === undefined) continue;
      yield { inhrelid: rel.oid, inhparent: parent, inhseqno: 1, inhdetachpending: false };
    }
  },
});
