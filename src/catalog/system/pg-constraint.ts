/**
 * pg_constraint: table constraints (PRIMARY KEY, UNIQUE, FOREIGN KEY, CHECK, NOT NULL) and domain
 * constraints (CHECK, NOT NULL).
 * Postgres counterpart: src/include/catalog/pg_constraint.h.
 * Known gaps: a domain's NOT NULL constraint gets a derived OID; operator OID arrays (conpfeqop, ...)
 * name Postgres's equality operators only for built-in types.
 */
import type { Catalog } from '../catalog.js';
import type { StoredExpr, UserTypeDef } from '../objects.js';
import { PgArray, type Value } from '../../types/values.js';
import { defineRows, type RowObject } from './registry.js';
import { nodeTree } from '../ruleutils/node-tree.js';
import { equalityOperatorOid } from './operators.js';
import { multirangeTypeDef } from '../../types/multirange.js';

/** OID given to a domain's NOT NULL constraint (fauxgres keeps only a flag). */
export function domainNotNullOid(type: number): number {
  return 0x70000000 + type;
}

/** A domain constraint by OID: its domain and, for a CHECK, the check. */
export function findDomainConstraint(cat: Catalog, oid: number): { type: UserTypeDef; check?: { oid: number; name: string; expr: StoredExpr; validated: boolean } } | undefined {
  if (oid >= 0x70000000) {
    const t = cat.types.get(oid - 0x70000000);
    return t?.domain?.notNull ? { type: t } : undefined;
  }
  for (const t of cat.types.values()) {
    const check = t.domain?.checks.find((c) => c.oid === oid);
    if (check) return { type: t, check };
  }
  return undefined;
}

const BLANK = {
  condeferrable: false, condeferred: false, conenforced: true, convalidated: true, conrelid: 0, contypid: 0, conindid: 0,
  conparentid: 0, confrelid: 0, confupdtype: ' ', confdeltype: ' ', confmatchtype: ' ', conislocal: true, coninhcount: 0,
  connoinherit: false, conperiod: false, conkey: null, confkey: null, conpfeqop: null, conppeqop: null, conffeqop: null,
  confdelsetcols: null, conexclop: null, conbin: null,
} satisfies RowObject;

/** The key's equality operators; a temporal key's PERIOD column is compared with `&&` (anyrange 3888, anymultirange 2868). */
function opArray(cat: Catalog, types: readonly number[], period?: boolean): Value {
  return PgArray.of(types.map((t, i) => (period && i === types.length - 1 ? (multirangeTypeDef(t) ? 2868 : 3888) : equalityOperatorOid(cat, t))));
}

defineRows('pg_catalog', 'pg_constraint', {
  scope: 'catalog',
  *rows({ cat }) {
    for (const c of cat.constraints.values()) {
      const rel = cat.relations.get(c.relation);
      const row: RowObject = {
        ...BLANK, oid: c.oid, conname: c.name, connamespace: c.namespace, contype: c.kind, condeferrable: c.deferrable,
        condeferred: c.deferred, conenforced: !c.notEnforced, convalidated: c.validated, conrelid: c.relation, conindid: c.index ?? c.fk?.refIndex ?? 0,
        connoinherit: c.noInherit ?? (c.kind === 'p' || c.kind === 'u' || c.kind === 'f'), conkey: PgArray.of([...c.columns]),
        conislocal: !c.notLocal, coninhcount: c.inhCount ?? 0, conparentid: c.parentConstraint ?? 0,
      };
      if (c.period) row.conperiod = true;
      if ((c.kind === 'x' || c.period) && c.index !== undefined && c.kind !== 'f') {
        const ops = cat.relations.get(c.index)?.index?.exclusion ?? [];
        row.conexclop = PgArray.of(ops.map((o) => o.oid));
      }
      if (c.kind === 'c' && c.check) row.conbin = nodeTree({ kind: 'check', constraint: c.oid });
      if (c.fk && rel) {
        const ref = cat.relations.get(c.fk.refRelation);
        row.confrelid = c.fk.refRelation;
        row.confupdtype = c.fk.onUpdate;
        row.confdeltype = c.fk.onDelete;
        row.confmatchtype = c.fk.match;
        row.confkey = PgArray.of([...c.fk.refColumns]);
        const ops = opArray(cat, c.fk.refColumns.map((a) => ref?.columns[a - 1]?.type ?? 0), c.period);
        row.conpfeqop = ops;
        row.conppeqop = ops;
        row.conffeqop = ops;
        if (c.fk.deleteSetColumns?.length) row.confdelsetcols = PgArray.of([...c.fk.deleteSetColumns]);
      }
      yield row;
    }
    for (const t of cat.types.values()) {
      const d = t.domain;
      if (!d) continue;
      if (d.notNull) yield { ...BLANK, oid: domainNotNullOid(t.oid), conname: d.notNullName ?? `${t.name}_not_null`, connamespace: t.namespace, contype: 'n', contypid: t.oid };
      for (const k of d.checks) {
        yield {
          ...BLANK, oid: k.oid, conname: k.name, connamespace: t.namespace, contype: 'c', contypid: t.oid, convalidated: k.validated,
          conbin: nodeTree({ kind: 'domaincheck', type: t.oid, constraint: k.oid }),
        };
      }
    }
  },
});
