/**
 * pg_range: one row per range type (the six built-in ones), with its subtype, multirange type,
 * subtype btree operator class, canonical and subtype-difference functions.
 * Postgres counterpart: src/include/catalog/pg_range.dat.
 * User range types (CREATE TYPE ... AS RANGE) follow, from the catalog.
 */
import { defineRows } from './registry.js';
import { collationOid } from './type-facts.js';
import { defaultOpclassOid } from './operators.js';
import { AM_OID } from './pg-class.js';

/** [rngtypid, rngsubtype, rngmultitypid, rngsubopc, rngcanonical, rngsubdiff] */
const RANGES: readonly (readonly [number, number, number, number, number, number])[] = [
  [3904, 23, 4451, 1978, 3914, 3922],
  [3906, 1700, 4532, 3125, 0, 3924],
  [3908, 1114, 4533, 3128, 0, 3929],
  [3910, 1184, 4534, 3127, 0, 3930],
  [3912, 1082, 4535, 3122, 3915, 3925],
  [3926, 20, 4536, 3124, 3928, 3923],
];

defineRows('pg_catalog', 'pg_range', {
  scope: 'catalog',
  *rows({ cat }) {
    for (const [rngtypid, rngsubtype, rngmultitypid, rngsubopc, rngcanonical, rngsubdiff] of RANGES) {
      yield { rngtypid, rngsubtype, rngmultitypid, rngcollation: 0, rngsubopc, rngcanonical, rngsubdiff };
    }
    for (const t of cat.types.values()) {
      const r = t.range;
      if (t.kind !== 'r' || !r) continue;
      yield {
        rngtypid: t.oid, rngsubtype: r.subtype, rngmultitypid: r.multirange, rngcollation: r.collation === undefined ? 0 : collationOid(cat, r.subtype, r.collation),
        rngsubopc: defaultOpclassOid(cat, AM_OID.btree, r.subtype), rngcanonical: 0, rngsubdiff: r.subtypeDiff,
      };
    }
  },
});
