/**
 * pg_statistic_ext: extended statistics objects (CREATE STATISTICS). fauxgres never builds the
 * statistics themselves (pg_statistic_ext_data has no rows, and is not provided).
 * Postgres counterpart: src/include/catalog/pg_statistic_ext.h.
 */
import { defineRows } from './registry.js';
import { PgArray } from '../../types/values.js';
import { vectorOf } from '../../types/catalog-types.js';
import { nodeTree } from '../ruleutils/node-tree.js';
import { roleOid } from './common.js';

defineRows('pg_catalog', 'pg_statistic_ext', {
  scope: 'catalog',
  *rows({ cat }) {
    for (const st of [...cat.statistics.values()].sort((a, b) => a.oid - b.oid)) {
      yield {
        oid: st.oid, stxrelid: st.relation, stxname: st.name, stxnamespace: st.namespace, stxowner: roleOid(st.owner),
        stxkeys: vectorOf([...st.keys]), stxstattarget: st.target ?? null, stxkind: PgArray.of([...st.kinds]),
        stxexprs: st.exprs.length ? nodeTree({ kind: 'stxexprs', index: st.oid }) : null,
      };
    }
  },
});
