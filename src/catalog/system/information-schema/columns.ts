/**
 * information_schema.columns: every column of tables, views and partitioned tables (user and
 * system), described as the SQL standard does.
 * Postgres counterpart: src/backend/catalog/information_schema.sql (columns).
 * Known gaps: columns of system relations typed with an information_schema domain are described
 * by the domain's base type; is_updatable of a view column follows the whole view.
 */
import type { Catalog } from '../../catalog.js';
import type { ColumnDef, RelationDef } from '../../objects.js';
import type { SessionContext } from '../../../session/session-context.js';
import { allSystemRelations, defineRows, type RowObject } from '../registry.js';
import { ownedSequence, relationsInOrder, storedDefault } from '../common.js';
import { collationOid, COLLATION_OIDS } from '../type-facts.js';
import { describeType, yesNo } from './data-type.js';
import { viewUpdatableEvents } from '../../../rewrite/updatable-view.js';
import type { Session } from '../../../session/session.js';
import { deparseExpr } from '../../deparse.js';
import { deparseContextFor } from '../../ruleutils/context.js';

const COLLATION_NAMES = new Map(Object.entries(COLLATION_OIDS).map(([k, v]) => [v, k]));

function collationColumns(cat: Catalog, db: string, oid: number): RowObject {
  if (oid === 0 || oid === 100) return { collation_catalog: null, collation_schema: null, collation_name: null };
  const user = cat.collations.get(oid);
  if (user) return { collation_catalog: db, collation_schema: cat.namespaceName(user.namespace), collation_name: user.name };
  return { collation_catalog: db, collation_schema: 'pg_catalog', collation_name: COLLATION_NAMES.get(oid) ?? null };
}

function columnRow(cat: Catalog, session: SessionContext, db: string, schema: string, table: string, c: { attnum: number; name: string; type: number; typmod: number; notNull: boolean; collation?: string }): RowObject {
  const d = describeType(cat, c.type, c.typmod);
  const domainNotNull = !!cat.types.get(c.type)?.domain?.notNull;
  return {
    table_catalog: db, table_schema: schema, table_name: table, column_name: c.name, ordinal_position: c.attnum,
    is_nullable: yesNo(!(c.notNull || domainNotNull)),
    data_type: d.data_type, character_maximum_length: d.character_maximum_length, character_octet_length: d.character_octet_length,
    numeric_precision: d.numeric_precision, numeric_precision_radix: d.numeric_precision_radix, numeric_scale: d.numeric_scale,
    datetime_precision: d.datetime_precision, interval_type: d.interval_type, interval_precision: null,
    ...collationColumns(cat, db, collationOid(cat, c.type, c.collation)),
    domain_catalog: d.domain_name ? db : null, domain_schema: d.domain_schema, domain_name: d.domain_name,
    udt_catalog: db, udt_schema: d.udt_schema, udt_name: d.udt_name,
    dtd_identifier: String(c.attnum), is_self_referencing: 'NO', is_identity: 'NO', identity_cycle: 'NO', is_generated: 'NEVER', is_updatable: 'YES',
  };
}

function userColumnRow(cat: Catalog, session: SessionContext, db: string, rel: RelationDef, c: ColumnDef): RowObject {
  const row = columnRow(cat, session, db, cat.namespaceName(rel.namespace), rel.name, c);
  const text = (e: { expr: import('../../../nodes/primnodes.js').Expr; text: string }) => deparseExpr({ ...deparseContextFor(cat, session, rel), fallback: e.text }, e.expr);
  const def = storedDefault(c);
  if (def && !c.generated && !c.identity) row.column_default = text(def);
  if (c.identity) {
    row.is_identity = 'YES';
    row.identity_generation = c.identity === 'a' ? 'ALWAYS' : 'BY DEFAULT';
    const seq = ownedSequence(cat, rel.oid, c.attnum)?.sequence;
    if (seq) {
      row.identity_start = String(seq.start);
      row.identity_increment = String(seq.increment);
      row.identity_maximum = String(seq.max);
      row.identity_minimum = String(seq.min);
      row.identity_cycle = yesNo(seq.cycle);
    }
  }
  if (c.generated) {
    row.is_generated = 'ALWAYS';
    row.generation_expression = text(c.generated.expr);
  }
  if (rel.kind === 'v') row.is_updatable = yesNo(viewUpdatableEvents(session as unknown as Session, rel).columns.has(c.name));
  return row;
}


defineRows('information_schema', 'columns', {
  scope: 'catalog',
  *fixed({ cat, session }) {
    const db = session.databaseName();
    for (const s of allSystemRelations()) {
      for (let i = 0; i < s.columns.length; i++) {
        const c = s.columns[i];
        const row = columnRow(cat, session, db, s.schema, s.name, { attnum: i + 1, name: c.name, type: c.type, typmod: -1, notNull: c.notNull, collation: c.collation });
        if (s.kind === 'v') row.is_updatable = 'NO';
        yield row;
      }
    }
  },
  *rows({ cat, session }) {
    const db = session.databaseName();
    for (const rel of relationsInOrder(cat)) {
      if (rel.kind !== 'r' && rel.kind !== 'v' && rel.kind !== 'p') continue;
      for (const c of rel.columns) if (!c.dropped) yield userColumnRow(cat, session, db, rel, c);
    }
  },
});
