/**
 * The registry of system relations: every pg_catalog / information_schema table and view Postgres
 * has (shapes.ts), and the row sources that fill the ones fauxgres emulates. A relation without a
 * row source reads as empty. Rows are built on demand and cached per catalog version (and the
 * session facts they depend on), so repeated introspection queries only scan arrays.
 * Postgres counterpart: the catalog relations themselves (src/include/catalog) and the views of
 * src/backend/catalog/system_views.sql and information_schema.sql.
 * Known gaps: relations listed in shapes.ts's header are missing.
 */
import type { Catalog } from '../catalog.js';
import type { SessionContext } from '../../session/session-context.js';
import { PgRecord, type Value } from '../../types/values.js';
import { RELATION_SHAPES } from './shapes.js';
import { registryChanges } from '../../functions/registry.js';

/** OIDs of the built-in schemas (as in Postgres 18). */
export const PG_CATALOG_NAMESPACE = 11;
export const INFORMATION_SCHEMA_NAMESPACE = 13144;
export const PG_TOAST_NAMESPACE = 99;

export interface SystemColumn {
  readonly name: string;
  readonly type: number;
  readonly notNull: boolean;
  /** 'C' for name columns and information_schema text, 'default' for other text, undefined otherwise. */
  readonly collation?: 'C' | 'default';
}

/** A system table or view: its pg_class facts and columns. */
export interface SystemRelationDef {
  readonly oid: number;
  readonly name: string;
  readonly namespace: number;
  readonly schema: 'pg_catalog' | 'information_schema';
  readonly kind: 'r' | 'v';
  readonly rowType: number;
  readonly columns: readonly SystemColumn[];
}

/** What a row source may read. */
export interface RowContext {
  readonly cat: Catalog;
  readonly session: SessionContext;
}

/** One row as column name → value; absent columns are NULL. */
export type RowObject = Record<string, Value | undefined>;

export interface RowSource {
  /**
   * `catalog`: rows depend on the catalog version, the search path, the database and the user
   * (cached on those); `session`: rebuilt for every scan (settings).
   */
  readonly scope: 'catalog' | 'session';
  rows(ctx: RowContext): Iterable<RowObject>;
  /**
   * Rows that depend only on the database's name (the built-in objects): turned into records once
   * and placed before the rows of `rows`, so DDL does not rebuild them.
   */
  fixed?(ctx: RowContext): Iterable<RowObject>;
}

const TEXT_TYPES = new Set([25, 1043, 1042, 19, 18]);

function parseColumns(spec: string): SystemColumn[] {
  if (!spec) return [];
  return spec.split(',').map((c) => {
    const [name, type, flags = ''] = c.split(' ');
    const t = Number(type);
    const collation = flags.includes('c') ? 'C' : TEXT_TYPES.has(t) && t !== 18 ? 'default' : undefined;
    return { name, type: t, notNull: flags.includes('n'), collation };
  });
}

const byOid = new Map<number, SystemRelationDef>();
const byName = new Map<string, SystemRelationDef>();
for (const [oid, name, ns, kind, rowType, cols] of RELATION_SHAPES) {
  const schema = ns === PG_CATALOG_NAMESPACE ? 'pg_catalog' : 'information_schema';
  const def: SystemRelationDef = { oid, name, namespace: ns, schema, kind, rowType, columns: parseColumns(cols) };
  byOid.set(oid, def);
  byName.set(`${schema}.${name}`, def);
}

/** All system relations, in (schema, name) order. */
export function allSystemRelations(): Iterable<SystemRelationDef> {
  return byOid.values();
}

/** The system relation with this OID, if any. */
export function systemRelationByOid(oid: number): SystemRelationDef | undefined {
  return byOid.get(oid);
}

/** The system relation `schema.name`, if any. */
export function systemRelationNamed(schema: string, name: string): SystemRelationDef | undefined {
  return byName.get(`${schema}.${name}`);
}

/** The system relation with this row type, if any. */
export function systemRelationByRowType(type: number): SystemRelationDef | undefined {
  return rowTypes().get(type);
}

let rowTypeMap: Map<number, SystemRelationDef> | undefined;
function rowTypes(): Map<number, SystemRelationDef> {
  if (!rowTypeMap) rowTypeMap = new Map([...byOid.values()].map((r) => [r.rowType, r]));
  return rowTypeMap;
}

const sources = new Map<number, RowSource>();

/** Declares how the rows of `schema.name` are computed. */
export function defineRows(schema: 'pg_catalog' | 'information_schema', name: string, source: RowSource): void {
  const rel = byName.get(`${schema}.${name}`);
  if (!rel) throw new Error(`fauxgres internal: no system relation ${schema}.${name}`);
  sources.set(rel.oid, source);
}

/** Whether fauxgres computes rows for the relation (others read as empty). */
export function hasRowSource(oid: number): boolean {
  return sources.has(oid);
}

const fixedRecords = new Map<number, { db: string; records: PgRecord[] }>();

function fixedRows(rel: SystemRelationDef, source: RowSource, ctx: RowContext): PgRecord[] {
  if (!source.fixed) return [];
  // Built-in rows change only with the database name or when functions are registered.
  const db = `${ctx.session.databaseName()}\u0000${registryChanges()}`;
  const hit = fixedRecords.get(rel.oid);
  if (hit && hit.db === db) return hit.records;
  const records = toRecords(rel, source.fixed(ctx));
  fixedRecords.set(rel.oid, { db, records });
  return records;
}

interface CacheEntry {
  version: number;
  key: string;
  records: PgRecord[];
}
const caches = new WeakMap<Catalog, Map<number, CacheEntry>>();

function toRecords(rel: SystemRelationDef, objects: Iterable<RowObject>): PgRecord[] {
  const index = new Map(rel.columns.map((c, i) => [c.name, i]));
  const out: PgRecord[] = [];
  for (const o of objects) {
    const row: Value[] = new Array(rel.columns.length).fill(null);
    for (const k in o) {
      const i = index.get(k);
      if (i === undefined) throw new Error(`fauxgres internal: ${rel.schema}.${rel.name} has no column ${k}`);
      row[i] = o[k] ?? null;
    }
    out.push(new PgRecord(row));
  }
  return out;
}

/**
 * The rows of a system relation for the running statement: computed (or taken from the catalog
 * cache) once per statement execution, so correlated subqueries over catalogs do not recompute
 * their cache keys per outer row.
 */
export function statementRows(rel: SystemRelationDef, rt: { readonly session: SessionContext; readonly cache?: Map<unknown, unknown> }): readonly PgRecord[] {
  const cache = rt.cache;
  if (!cache) return systemRows(rel, rt.session);
  let rows = cache.get(rel) as readonly PgRecord[] | undefined;
  if (!rows) {
    rows = systemRows(rel, rt.session);
    cache.set(rel, rows);
  }
  return rows;
}

/** The rows of a system relation for this session, as records in column order. */
export function systemRows(rel: SystemRelationDef, session: SessionContext): readonly PgRecord[] {
  const source = sources.get(rel.oid);
  if (!source) return [];
  const cat = session.catalog();
  const ctx: RowContext = { cat, session };
  if (source.scope === 'session') return [...fixedRows(rel, source, ctx), ...toRecords(rel, source.rows(ctx))];
  const key = `${session.searchPath().join(',')}\u0000${session.databaseName()}\u0000${session.currentUser()}`;
  let perCat = caches.get(cat);
  if (!perCat) {
    perCat = new Map();
    caches.set(cat, perCat);
  }
  const hit = perCat.get(rel.oid);
  if (hit && hit.version === cat.version && hit.key === key) return hit.records;
  const fixed = fixedRows(rel, source, ctx);
  const records = fixed.length ? fixed.concat(toRecords(rel, source.rows(ctx))) : toRecords(rel, source.rows(ctx));
  perCat.set(rel.oid, { version: cat.version, key, records });
  return records;
}
