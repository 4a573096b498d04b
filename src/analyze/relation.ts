/**
 * Relation lookup from RangeVar nodes through the search path, with Postgres's errors, and the
 * range-table entry of a relation (its columns as the analyzer sees them).
 * Postgres counterpart: src/backend/catalog/namespace.c (RangeVarGetRelid), parse_relation.c.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { RelationDef } from '../catalog/objects.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { RelationRte, RteColumn } from '../nodes/query.js';

type AnyNode = Record<string, any>;

export interface QualifiedName {
  schema?: string;
  name: string;
}

export function rangeVarName(rv: AnyNode): QualifiedName {
  return { schema: rv.schemaname, name: rv.relname };
}

/**
 * An explicit schema name as LookupExplicitNamespace reads it: `pg_temp` is the session's own
 * temporary schema (the pg_temp_N its search path holds once it has one).
 */
export function explicitSchemaName(searchPath: readonly string[], schema: string): string {
  return schema === 'pg_temp' ? (searchPath.find((x) => x.startsWith('pg_temp_')) ?? schema) : schema;
}

/**
 * The namespace oid a new object named by `qn` goes into (first existing schema of the search path).
 * `tempNamespace` creates the session's temporary schema for a `pg_temp.` name (functions, types).
 */
export function creationNamespace(cat: Catalog, searchPath: readonly string[], qn: QualifiedName, position?: string, tempNamespace?: () => number): number {
  if (qn.schema) {
    if (qn.schema === 'pg_temp' && tempNamespace) return tempNamespace();
    const ns = cat.namespaceOid(qn.schema);
    if (ns === undefined) throw new PgError(SQLSTATE.invalid_schema_name, `schema "${qn.schema}" does not exist`, { position });
    return ns;
  }
  for (const s of searchPath) {
    if (s === 'pg_catalog' || s === 'pg_temp' || s.startsWith('pg_temp_')) continue;
    const ns = cat.namespaceOid(s);
    if (ns !== undefined) return ns;
  }
  throw new PgError(SQLSTATE.invalid_schema_name, 'no schema has been selected to create in', { position });
}

/** Finds a relation by (optionally qualified) name, or undefined. */
export function lookupRelation(cat: Catalog, searchPath: readonly string[], qn: QualifiedName, position?: string): RelationDef | undefined {
  void position;
  if (qn.schema) {
    // pg_temp names the session's own temporary schema (the pg_temp_N its search path starts with).
    const schema = explicitSchemaName(searchPath, qn.schema);
    const ns = cat.namespaceOid(schema);
    return ns === undefined ? undefined : cat.relationIn(ns, qn.name);
  }
  const tempNs = cat.namespaceOid('pg_temp');
  if (tempNs !== undefined) {
    const r = cat.relationIn(tempNs, qn.name);
    if (r) return r;
  }
  for (const s of ['pg_catalog', ...searchPath]) {
    const ns = cat.namespaceOid(s);
    if (ns === undefined) continue;
    const r = cat.relationIn(ns, qn.name);
    if (r) return r;
  }
  return undefined;
}

export function displayName(qn: QualifiedName): string {
  return qn.schema ? `${qn.schema}.${qn.name}` : qn.name;
}

/** Like lookupRelation but throws 42P01 `relation "x" does not exist`. */
export function openRelation(cat: Catalog, searchPath: readonly string[], qn: QualifiedName, position?: string): RelationDef {
  const r = lookupRelation(cat, searchPath, qn, position);
  if (!r) throw new PgError(SQLSTATE.undefined_table, `relation "${displayName(qn)}" does not exist`, { position });
  return r;
}

export function relationColumns(rel: RelationDef): RteColumn[] {
  return rel.columns.map((c) => ({ name: c.name, type: c.type, typmod: c.typmod, collation: c.collation, dropped: c.dropped }));
}

export function relationRte(rel: RelationDef, alias: AnyNode | undefined): RelationRte {
  let columns = relationColumns(rel);
  if (alias?.colnames) {
    const names = (alias.colnames as AnyNode[]).map((c) => c.String.sval as string);
    let i = 0;
    columns = columns.map((c) => (c.dropped || i >= names.length ? c : { ...c, name: names[i++] }));
  }
  return {
    kind: 'relation',
    rel,
    alias: alias?.aliasname ?? rel.name,
    hasAlias: !!alias,
    columns,
    lateral: false,
  };
}
