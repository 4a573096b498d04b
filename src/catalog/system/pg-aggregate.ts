/**
 * pg_aggregate: the rows of user aggregates (CREATE AGGREGATE).
 * Postgres counterpart: src/include/catalog/pg_aggregate.h.
 * Known gaps: built-in aggregates have no rows here.
 */
import { defineRows } from './registry.js';

defineRows('pg_catalog', 'pg_aggregate', {
  scope: 'catalog',
  *rows({ cat }) {
    for (const f of [...cat.functions.values()].sort((a, b) => a.oid - b.oid)) {
      const a = f.aggregate;
      if (!a) continue;
      yield {
        aggfnoid: f.oid, aggkind: 'n', aggnumdirectargs: 0, aggtransfn: a.transFn.oid, aggfinalfn: a.finalFn?.oid ?? 0,
        aggcombinefn: a.combineFn?.oid ?? 0, aggserialfn: 0, aggdeserialfn: 0, aggmtransfn: 0, aggminvtransfn: 0, aggmfinalfn: 0,
        aggfinalextra: a.finalExtra, aggmfinalextra: false, aggfinalmodify: a.finalModify, aggmfinalmodify: 'r', aggsortop: 0,
        aggtranstype: a.transType, aggtransspace: a.transSpace, aggmtranstype: 0, aggmtransspace: 0, agginitval: a.initVal, aggminitval: null,
      };
    }
  },
});
