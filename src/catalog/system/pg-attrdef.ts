/**
 * pg_attrdef: column defaults and generation expressions (adbin is a reference pg_get_expr reads).
 * Postgres counterpart: src/include/catalog/pg_attrdef.h.
 * Known gaps: OIDs are derived from the table OID and column number.
 */
import { defineRows } from './registry.js';
import { relationsInOrder, storedDefault } from './common.js';
import { nodeTree } from '../ruleutils/node-tree.js';

/** The OID fauxgres gives the default of column `attnum` of relation `rel`. */
export function attrdefOid(rel: number, attnum: number): number {
  return 0x40000000 + ((rel & 0xfffff) << 10) + attnum;
}

defineRows('pg_catalog', 'pg_attrdef', {
  scope: 'catalog',
  *rows({ cat }) {
    for (const rel of relationsInOrder(cat)) {
      for (const c of rel.columns) {
        if (c.dropped || c.identity || !(storedDefault(c) || c.generated)) continue;
        yield { oid: attrdefOid(rel.oid, c.attnum), adrelid: rel.oid, adnum: c.attnum, adbin: nodeTree({ kind: 'default', relation: rel.oid, attnum: c.attnum }) };
      }
    }
  },
});
