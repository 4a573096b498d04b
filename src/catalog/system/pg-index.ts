/**
 * pg_index: one row per index, with key attnums (0 for expressions), collations, operator classes
 * and sort options, and references to the key expressions and predicate.
 * Postgres counterpart: src/include/catalog/pg_index.h.
 */
import { defineRows } from './registry.js';
import { relationsInOrder } from './common.js';
import { AM_OID } from './pg-class.js';
import { collationOid } from './type-facts.js';
import { defaultOpclassOid, opclassNamed } from './operators.js';
import { vectorOf } from '../../types/catalog-types.js';
import { nodeTree } from '../ruleutils/node-tree.js';

defineRows('pg_catalog', 'pg_index', {
  scope: 'catalog',
  *rows({ cat }) {
    for (const idx of relationsInOrder(cat)) {
      const info = idx.index;
      if (idx.kind !== 'i' || !info) continue;
      const table = cat.relations.get(info.relation);
      const am = AM_OID[info.method] ?? AM_OID.btree;
      const con = info.constraint !== undefined ? cat.constraints.get(info.constraint) : undefined;
      const keyTypes = info.keys.map((k) => (k.attnum ? (table?.columns[k.attnum - 1]?.type ?? 0) : (k.expr?.expr.type ?? 0)));
      yield {
        indexrelid: idx.oid,
        indrelid: info.relation,
        indnatts: info.keys.length + info.include.length,
        indnkeyatts: info.keys.length,
        indisunique: info.unique,
        indnullsnotdistinct: info.nullsNotDistinct,
        indisprimary: info.primary,
        indisexclusion: !!info.exclusion,
        indimmediate: !con?.deferrable,
        indisclustered: table?.clusteredIndex === idx.oid,
        indisvalid: !info.invalid,
        indcheckxmin: false,
        indisready: true,
        indislive: true,
        indisreplident: table?.replicaIdentity === 'i' && table.replicaIndex === idx.oid,
        indkey: vectorOf([...info.keys.map((k) => k.attnum), ...info.include]),
        indcollation: vectorOf(info.keys.map((k, i) => collationOid(cat, keyTypes[i], k.collation && k.collation !== 'default' ? k.collation : k.attnum ? table?.columns[k.attnum - 1]?.collation : k.expr?.expr.collation))),
        indclass: vectorOf(keyTypes.map((t, i) => {
          const named = info.keys[i].opclass;
          return (named !== undefined ? opclassNamed(named, am)?.[0] : undefined) ?? defaultOpclassOid(cat, am, t);
        })),
        indoption: vectorOf(info.keys.map((k) => (k.descending ? 1 : 0) | (k.nullsFirst ? 2 : 0))),
        indexprs: info.keys.some((k) => k.expr) ? nodeTree({ kind: 'indexprs', index: idx.oid }) : null,
        indpred: info.predicate ? nodeTree({ kind: 'indpred', index: idx.oid }) : null,
      };
    }
  },
});
