/**
 * pg_operator: the built-in operators fauxgres implements (with Postgres's OIDs) and the
 * catalog's user-defined and shell operators (CREATE OPERATOR).
 * Postgres counterpart: src/include/catalog/pg_operator.h.
 * Known gaps: built-in operators fauxgres does not implement are not listed.
 */
import { defineRows } from './registry.js';
import { roleOid } from './common.js';
import { allOperators } from '../operators.js';

defineRows('pg_catalog', 'pg_operator', {
  scope: 'catalog',
  *rows({ cat }) {
    for (const o of allOperators(cat)) {
      yield {
        oid: o.oid, oprname: o.name, oprnamespace: o.namespace, oprowner: roleOid(o.owner), oprkind: o.kind, oprcanmerge: o.canMerge, oprcanhash: o.canHash,
        oprleft: o.left, oprright: o.right, oprresult: o.result, oprcom: o.commutator, oprnegate: o.negator, oprcode: o.proc, oprrest: o.restrict, oprjoin: o.join,
      };
    }
  },
});
