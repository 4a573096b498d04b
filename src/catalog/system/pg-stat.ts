/**
 * Statistics views clients join to find user tables and indexes: pg_stat_user_tables,
 * pg_stat_all_tables, pg_stat_user_indexes, pg_stat_all_indexes, pg_statio_user_tables. fauxgres
 * keeps no statistics: counters are 0 and timestamps NULL.
 * Postgres counterpart: src/backend/catalog/system_views.sql (pg_stat_*), utils/adt/pgstatfuncs.c.
 * Known gaps: no counters (n_live_tup and the like are 0).
 */
import { OID } from '../../types/oids.js';
import type { Value } from '../../types/values.js';
import { defineRows, systemRelationNamed, type RowObject } from './registry.js';
import { relationsInOrder } from './common.js';

/** A row with every counter 0 (int8 / float8 columns) and the given identifying columns. */
function zeroed(relation: string, ids: RowObject): RowObject {
  const rel = systemRelationNamed('pg_catalog', relation)!;
  const row: RowObject = {};
  for (const c of rel.columns) {
    const zero: Value = c.type === OID.int8 ? 0n : c.type === OID.float8 ? 0 : null;
    row[c.name] = zero;
  }
  return { ...row, ...ids };
}

function defineTableStats(name: string, userOnly: boolean): void {
  defineRows('pg_catalog', name, {
    scope: 'catalog',
    *rows({ cat }) {
      for (const r of relationsInOrder(cat)) {
        if (r.kind !== 'r' && r.kind !== 'p' && r.kind !== 'm') continue;
        const schema = cat.namespaceName(r.namespace);
        if (userOnly && (schema === 'pg_catalog' || schema === 'information_schema')) continue;
        yield zeroed(name, { relid: r.oid, schemaname: schema, relname: r.name });
      }
    },
  });
}

function defineIndexStats(name: string): void {
  defineRows('pg_catalog', name, {
    scope: 'catalog',
    *rows({ cat }) {
      for (const i of relationsInOrder(cat)) {
        if (i.kind !== 'i' || !i.index) continue;
        const table = cat.relations.get(i.index.relation);
        if (!table) continue;
        yield zeroed(name, { relid: table.oid, indexrelid: i.oid, schemaname: cat.namespaceName(i.namespace), relname: table.name, indexrelname: i.name });
      }
    },
  });
}

defineTableStats('pg_stat_user_tables', true);
defineTableStats('pg_stat_all_tables', false);
defineTableStats('pg_statio_user_tables', true);
defineIndexStats('pg_stat_user_indexes');
defineIndexStats('pg_stat_all_indexes');
