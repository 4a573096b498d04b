/**
 * Catalog relations computed from the Catalog: the pg_catalog and information_schema tables and
 * views applications and ORMs read (pg_constraint, pg_indexes, information_schema.tables /
 * columns / views), plus pg_get_constraintdef / pg_get_indexdef. Rows are built when a query
 * names the relation; plans are cached per catalog version, which these rows depend on.
 * Postgres counterpart: src/include/catalog/pg_constraint.h, src/backend/catalog/system_views.sql,
 * information_schema.sql, utils/adt/ruleutils.c.
 * Known gaps: only the relations and columns listed here; privileges are not filtered (superuser).
 */
import type { Catalog } from './catalog.js';
import type { ConstraintDef, RelationDef } from './objects.js';
import { OID } from '../types/oids.js';
import { PgArray, type Value } from '../types/values.js';
import { formatType, typeInfo, quoteIdentIfNeeded } from '../types/registry.js';
import { deparseExpr } from './deparse.js';
import { lookupRelation } from '../analyze/relation.js';
import { lookupTypeName } from '../analyze/type-name.js';
import type { SessionContext } from '../session/session-context.js';

export interface SystemColumn {
  readonly name: string;
  readonly type: number;
}

export interface SystemRelation {
  readonly columns: readonly SystemColumn[];
  rows(cat: Catalog, session: SessionContext): Value[][];
}

const SYSTEM_SCHEMAS = new Set(['pg_catalog', 'information_schema', 'pg_toast']);

function userRelations(cat: Catalog): RelationDef[] {
  return [...cat.relations.values()].filter((r) => !SYSTEM_SCHEMAS.has(cat.namespaceName(r.namespace))).sort((a, b) => a.oid - b.oid);
}

function relName(cat: Catalog, session: SessionContext, r: RelationDef): string {
  const visible = lookupRelation(cat, session.searchPath(), { name: r.name })?.oid === r.oid;
  return visible ? quoteIdentIfNeeded(r.name) : `${quoteIdentIfNeeded(cat.namespaceName(r.namespace))}.${quoteIdentIfNeeded(r.name)}`;
}

function typeLabelFor(cat: Catalog, session: SessionContext) {
  return (oid: number): string => {
    const info = typeInfo(cat, oid);
    if (info.namespace === 'pg_catalog') return formatType(cat, oid, -1);
    if (info.category === 'A' && info.elem !== undefined) return typeLabelFor(cat, session)(info.elem) + '[]';
    const visible = lookupTypeName(cat, session.searchPath(), [info.name]) === oid;
    return visible ? quoteIdentIfNeeded(info.name) : `${quoteIdentIfNeeded(info.namespace)}.${quoteIdentIfNeeded(info.name)}`;
  };
}

function exprText(cat: Catalog, session: SessionContext, rel: RelationDef, stored: { expr: import('../nodes/primnodes.js').Expr; text: string }): string {
  return deparseExpr({ cat, columnName: (a) => rel.columns[a - 1].name, fallback: stored.text, typeName: typeLabelFor(cat, session) }, stored.expr);
}

const FK_ACTION: Record<string, string> = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };

/** pg_get_constraintdef(oid). */
export function constraintDef(cat: Catalog, session: SessionContext, c: ConstraintDef): string {
  const rel = cat.relation(c.relation);
  const cols = (atts: readonly number[], r: RelationDef) => atts.map((a) => quoteIdentIfNeeded(r.columns[a - 1].name)).join(', ');
  switch (c.kind) {
    case 'p':
      return `PRIMARY KEY (${cols(c.columns, rel)})`;
    case 'u': {
      const idx = c.index !== undefined ? cat.relations.get(c.index) : undefined;
      return `UNIQUE ${idx?.index?.nullsNotDistinct ? 'NULLS NOT DISTINCT ' : ''}(${cols(c.columns, rel)})`;
    }
    case 'f': {
      const fk = c.fk!;
      const ref = cat.relation(fk.refRelation);
      let s = `FOREIGN KEY (${cols(c.columns, rel)}) REFERENCES ${relName(cat, session, ref)}(${cols(fk.refColumns, ref)})`;
      if (fk.match === 'f') s += ' MATCH FULL';
      if (fk.onUpdate !== 'a') s += ` ON UPDATE ${FK_ACTION[fk.onUpdate]}`;
      if (fk.onDelete !== 'a') s += ` ON DELETE ${FK_ACTION[fk.onDelete]}`;
      if (!c.validated) s += ' NOT VALID';
      return s;
    }
    case 'c':
      return `CHECK (${exprText(cat, session, rel, c.check!)})${c.validated ? '' : ' NOT VALID'}`;
    case 'n':
      return `NOT NULL ${quoteIdentIfNeeded(rel.columns[c.columns[0] - 1].name)}`;
  }
}

/** pg_get_indexdef(oid). */
export function indexDef(cat: Catalog, session: SessionContext, idx: RelationDef): string {
  const info = idx.index!;
  const table = cat.relation(info.relation);
  const keys = info.keys.map((k) => {
    let s = k.attnum ? quoteIdentIfNeeded(table.columns[k.attnum - 1].name) : `(${exprText(cat, session, table, k.expr!)})`;
    if (k.expr && k.expr.expr.kind === 'FuncExpr') s = exprText(cat, session, table, k.expr);
    if (k.descending) s += ' DESC';
    if (k.descending && !k.nullsFirst) s += ' NULLS LAST';
    if (!k.descending && k.nullsFirst) s += ' NULLS FIRST';
    return s;
  });
  const qualified = `${quoteIdentIfNeeded(cat.namespaceName(table.namespace))}.${quoteIdentIfNeeded(table.name)}`;
  let s = `CREATE ${info.unique ? 'UNIQUE ' : ''}INDEX ${quoteIdentIfNeeded(idx.name)} ON ${qualified} USING ${info.method} (${keys.join(', ')})`;
  if (info.nullsNotDistinct) s += ' NULLS NOT DISTINCT';
  if (info.predicate) s += ` WHERE ${exprText(cat, session, table, info.predicate)}`;
  return s;
}

const yesNo = (b: boolean) => (b ? 'YES' : 'NO');

function dataType(cat: Catalog, type: number): { dataType: string; udt: number } {
  let info = typeInfo(cat, type);
  while (info.typtype === 'd' && info.baseType !== undefined) info = typeInfo(cat, info.baseType);
  if (info.category === 'A') return { dataType: 'ARRAY', udt: info.oid };
  if (info.typtype === 'e' || info.typtype === 'c' || info.namespace !== 'pg_catalog') return { dataType: 'USER-DEFINED', udt: info.oid };
  return { dataType: formatType(cat, info.oid, -1), udt: info.oid };
}

const RELATIONS: Record<string, SystemRelation> = {
  'pg_catalog.pg_constraint': {
    columns: [
      { name: 'oid', type: OID.oid }, { name: 'conname', type: OID.name }, { name: 'connamespace', type: OID.oid },
      { name: 'contype', type: OID.char }, { name: 'condeferrable', type: OID.bool }, { name: 'condeferred', type: OID.bool },
      { name: 'convalidated', type: OID.bool }, { name: 'conrelid', type: OID.oid }, { name: 'contypid', type: OID.oid },
      { name: 'conindid', type: OID.oid }, { name: 'confrelid', type: OID.oid }, { name: 'confupdtype', type: OID.char },
      { name: 'confdeltype', type: OID.char }, { name: 'confmatchtype', type: OID.char }, { name: 'conkey', type: OID._int2 },
      { name: 'confkey', type: OID._int2 },
    ],
    rows: (cat) =>
      [...cat.constraints.values()].sort((a, b) => a.oid - b.oid).map((c) => [
        c.oid, c.name, c.namespace, c.kind, c.deferrable, c.deferred, c.validated, c.relation, 0, c.index ?? c.fk?.refIndex ?? 0,
        c.fk?.refRelation ?? 0, c.fk?.onUpdate ?? ' ', c.fk?.onDelete ?? ' ', c.fk?.match ?? ' ',
        PgArray.of([...c.columns]), c.fk ? PgArray.of([...c.fk.refColumns]) : null,
      ]),
  },
  'pg_catalog.pg_indexes': {
    columns: [{ name: 'schemaname', type: OID.name }, { name: 'tablename', type: OID.name }, { name: 'indexname', type: OID.name }, { name: 'tablespace', type: OID.name }, { name: 'indexdef', type: OID.text }],
    rows: (cat, session) =>
      userRelations(cat).filter((r) => r.kind === 'i').map((i) => [cat.namespaceName(i.namespace), cat.relation(i.index!.relation).name, i.name, null, indexDef(cat, session, i)]),
  },
  'information_schema.tables': {
    columns: [
      { name: 'table_catalog', type: OID.name }, { name: 'table_schema', type: OID.name }, { name: 'table_name', type: OID.name },
      { name: 'table_type', type: OID.varchar }, { name: 'is_insertable_into', type: OID.varchar }, { name: 'is_typed', type: OID.varchar },
    ],
    rows: (cat, session) =>
      userRelations(cat).filter((r) => r.kind === 'r' || r.kind === 'v').map((r) => [session.databaseName(), cat.namespaceName(r.namespace), r.name, r.kind === 'r' ? 'BASE TABLE' : 'VIEW', yesNo(r.kind === 'r' || viewUpdatable(r)), 'NO']),
  },
  'information_schema.views': {
    columns: [
      { name: 'table_catalog', type: OID.name }, { name: 'table_schema', type: OID.name }, { name: 'table_name', type: OID.name },
      { name: 'check_option', type: OID.varchar }, { name: 'is_updatable', type: OID.varchar }, { name: 'is_insertable_into', type: OID.varchar },
    ],
    rows: (cat, session) =>
      userRelations(cat).filter((r) => r.kind === 'v').map((r) => [session.databaseName(), cat.namespaceName(r.namespace), r.name, (r.view?.checkOption ?? 'none').toUpperCase(), yesNo(viewUpdatable(r)), yesNo(viewUpdatable(r))]),
  },
  'information_schema.columns': {
    columns: [
      { name: 'table_catalog', type: OID.name }, { name: 'table_schema', type: OID.name }, { name: 'table_name', type: OID.name },
      { name: 'column_name', type: OID.name }, { name: 'ordinal_position', type: OID.int4 }, { name: 'column_default', type: OID.varchar },
      { name: 'is_nullable', type: OID.varchar }, { name: 'data_type', type: OID.varchar }, { name: 'character_maximum_length', type: OID.int4 },
      { name: 'numeric_precision', type: OID.int4 }, { name: 'numeric_scale', type: OID.int4 }, { name: 'udt_schema', type: OID.name },
      { name: 'udt_name', type: OID.name }, { name: 'is_identity', type: OID.varchar }, { name: 'identity_generation', type: OID.varchar },
      { name: 'is_generated', type: OID.varchar }, { name: 'generation_expression', type: OID.varchar }, { name: 'is_updatable', type: OID.varchar },
    ],
    rows: (cat, session) => {
      const out: Value[][] = [];
      for (const r of userRelations(cat)) {
        if (r.kind !== 'r' && r.kind !== 'v') continue;
        let pos = 0;
        for (const c of r.columns) {
          if (c.dropped) continue;
          pos++;
          const { dataType: dt, udt } = dataType(cat, c.type);
          const udtInfo = typeInfo(cat, c.type);
          const base = typeInfo(cat, udt).oid;
          const len = (base === OID.varchar || base === OID.bpchar) && c.typmod >= 4 ? c.typmod - 4 : null;
          let precision: number | null = null;
          let scale: number | null = null;
          if (base === OID.int2) precision = 16;
          else if (base === OID.int4) precision = 32;
          else if (base === OID.int8) precision = 64;
          else if (base === OID.numeric && c.typmod >= 4) {
            precision = ((c.typmod - 4) >> 16) & 0xffff;
            scale = (c.typmod - 4) & 0xffff;
          }
          if (base === OID.int2 || base === OID.int4 || base === OID.int8) scale = 0;
          out.push([
            session.databaseName(), cat.namespaceName(r.namespace), r.name, c.name, pos,
            c.default && !c.identity && !c.generated ? exprText(cat, session, r, c.default) : null,
            yesNo(!c.notNull), dt, len, precision, scale, udtInfo.namespace, udtInfo.name,
            yesNo(!!c.identity), c.identity === 'a' ? 'ALWAYS' : c.identity === 'd' ? 'BY DEFAULT' : null,
            c.generated ? 'ALWAYS' : 'NEVER', c.generated ? exprText(cat, session, r, c.generated.expr) : null,
            yesNo(r.kind === 'r' || viewUpdatable(r)),
          ]);
        }
      }
      return out;
    },
  },
};

/** A view's updatability in information_schema: the simple-view rules. */
function viewUpdatable(r: RelationDef): boolean {
  const raw = r.view?.raw as Record<string, any> | undefined;
  if (!raw) return false;
  return !raw.groupClause && !raw.distinctClause && !raw.havingClause && !raw.limitCount && !raw.withClause && (!raw.op || raw.op === 'SETOP_NONE') && (raw.fromClause?.length ?? 0) === 1 && !!raw.fromClause[0].RangeVar;
}

/** The catalog relation a (possibly unqualified) name refers to, if it is one fauxgres provides. */
export function systemRelation(schema: string | undefined, name: string, searchPath: readonly string[]): SystemRelation | undefined {
  if (schema) return RELATIONS[`${schema}.${name}`];
  for (const s of ['pg_catalog', ...searchPath]) {
    const r = RELATIONS[`${s}.${name}`];
    if (r) return r;
  }
  return undefined;
}
