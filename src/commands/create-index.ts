/**
 * CREATE [UNIQUE] INDEX and the indexes behind PRIMARY KEY / UNIQUE constraints: catalog entry,
 * storage, and the build over existing rows (with the uniqueness check a build performs).
 * Postgres counterpart: src/backend/commands/indexcmds.c (DefineIndex), catalog/index.c.
 */
import { SYSTEM_COLUMNS } from '../analyze/system-columns.js';
import { OID } from '../types/oids.js';
import { baseTypeOf, formatType, typeInfo } from '../types/registry.js';
import { figureColname } from '../analyze/target.js';
import { checkTablespace } from './create-table.js';
import type { Catalog } from '../catalog/catalog.js';
import type { IndexKey, RelationDef } from '../catalog/objects.js';
import { isCollatableType, resolveCollationName } from '../catalog/collation-lookup.js';
import { isNondeterministic } from '../types/collation.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Session } from '../session/session.js';
import { commandResult, type StatementResult } from '../session/dispatch.js';
import { openRelation } from '../analyze/relation.js';
import { analyzeTableExpr } from './column-expr.js';
import { chooseName, truncateIdentifier } from './naming.js';
import { insertIndexEntry, predicateHolds } from './unique-check.js';
import { checkExclusion, hasBuiltinDefault, hasDefaultOpclass, noDefaultOpclass } from './exclusion.js';
import { GEOMETRIC_TYPES } from './exclusion-geo.js';
import { indexKeyFunction } from './index-keys.js';
import { resolveIndexOpclass } from './index-opclass.js';
import { defaultExtensionOpclass, resolveExtensionOpclass } from './extension-opclasses.js';
import { indexOptionKind, relOptionsOf } from './reloptions.js';
import { distinctIndexColumnNames, indexIncludeAttnums } from './index-include.js';
import { makeExecContext } from '../session/run-select.js';
import { checkUniqueCoversKey, cloneIndexToPartitions } from './partition-ddl.js';
import { partitionsOf } from '../catalog/partition.js';

type AnyNode = Record<string, any>;

export interface IndexSpec {
  name: string;
  keys: IndexKey[];
  unique: boolean;
  primary: boolean;
  nullsNotDistinct: boolean;
  include: number[];
  predicate?: import('../catalog/objects.js').StoredExpr;
  /** Access method (default btree). */
  method?: string;
  /** Storage parameters (pg_class.reloptions), validated. */
  options?: string[];
  /** For the index of an exclusion constraint: the operator of each key. */
  exclusion?: readonly import('../catalog/objects.js').ExclusionOperator[];
}

/** Creates the index relation and builds it over the table's current rows. */
export function defineIndex(session: Session, cat: Catalog, table: RelationDef, spec: IndexSpec): number {
  const method = spec.method ?? 'btree';
  if (method === 'btree' || method === 'hash') {
    // Primary keys and unique constraints too: the geometric types have no btree or hash class.
    for (const k of spec.keys) {
      const type = k.attnum ? table.columns[k.attnum - 1].type : k.expr!.expr.type;
      if (!k.opclass && GEOMETRIC_TYPES.has(baseTypeOf(cat, type))) throw noDefaultOpclass(cat, method, type);
    }
  }
  const oid = session.db.newOid();
  const idx: RelationDef = {
    oid,
    name: spec.name,
    namespace: table.namespace,
    kind: 'i',
    persistence: table.persistence,
    owner: table.owner,
    columns: [],
    filenode: oid,
    rowType: 0,
    ...(spec.options ? { options: spec.options } : {}),
    index: {
      relation: table.oid,
      keys: spec.keys,
      unique: spec.unique,
      primary: spec.primary,
      nullsNotDistinct: spec.nullsNotDistinct,
      predicate: spec.predicate,
      include: spec.include,
      method: spec.method ?? 'btree',
      exclusion: spec.exclusion,
    },
  };
  cat.putRelation(idx);
  const txn = session.transaction();
  txn.createdFilenodes.add(oid);
  // Build over existing rows (all versions visible to us; others' in-progress rows are not checked here).
  const heap = txn.heap(table);
  const ctx = makeExecContext(session, []);
  for (const t of heap.all()) {
    if (!txn.visible(t)) continue;
    insertIndexEntry(ctx, cat, table, idx, t.values, t.tid, true);
  }
  // An exclusion constraint is checked once the index holds every row (as index_build + check_exclusion_constraint).
  if (spec.exclusion) {
    const keyOf = indexKeyFunction(idx);
    for (const t of heap.all()) {
      if (!txn.visible(t)) continue;
      const full = table.columns.map((c, i) => (t.values[i] === undefined ? (c.missing ?? null) : t.values[i]));
      if (idx.index!.predicate && !predicateHolds(idx, full, ctx)) continue;
      checkExclusion(ctx, cat, table, idx, keyOf(full, ctx), t.tid, true);
    }
  }
  return oid;
}

export function createIndex(session: Session, n: AnyNode, sql: string): StatementResult {
  if (n.concurrent) {
    // CONCURRENTLY only changes locking; the result is the same index.
  }
  const method: string = n.accessMethod ?? 'btree';
  if (method !== 'btree' && method !== 'gist' && method !== 'spgist' && method !== 'hash' && method !== 'gin') throw featureNotSupported(`index access method "${method}"`, n.relation?.location);
  checkTablespace(n.tableSpace);
  const txn = session.transaction();
  // (DefineIndex opens the table without a parse state: a missing one is reported without a position.)
  const table = openRelation(txn.catalog, session.searchPath(), { schema: n.relation.schemaname, name: n.relation.relname }, undefined);
  if (table.kind !== 'r' && table.kind !== 'm' && table.kind !== 'p') {
    throw new PgError(SQLSTATE.wrong_object_type, `cannot create index on relation "${table.name}"`, { detail: `This operation is not supported for ${table.kind === 'v' ? 'views' : 'this relation kind'}.` });
  }
  if (n.idxname && txn.catalog.relationIn(table.namespace, n.idxname)) {
    if (n.if_not_exists) {
      session.notice(new PgError(SQLSTATE.duplicate_table, `relation "${n.idxname}" already exists, skipping`, { severity: 'NOTICE' }));
      return commandResult('CREATE INDEX');
    }
    throw new PgError(SQLSTATE.duplicate_table, `relation "${n.idxname}" already exists`);
  }
  const cat = txn.catalogForWrite();
  // What the access method can do (Postgres's amcanunique / amcanmulticol / amcaninclude / amcanorder).
  const amError = (what: string) => new PgError(SQLSTATE.feature_not_supported, `access method "${method}" does not support ${what}`);
  if (n.unique && method !== 'btree') throw amError('unique indexes');
  if ((n.indexParams ?? []).length > 1 && (method === 'spgist' || method === 'hash')) throw amError('multicolumn indexes');
  if (n.indexIncludingParams?.length && method === 'gin') throw amError('included columns');
  if (n.indexIncludingParams?.length && method === 'hash') throw amError('included columns');
  const keys: IndexKey[] = [];
  const colNames: string[] = [];
  for (const p of (n.indexParams ?? []) as AnyNode[]) {
    const e = p.IndexElem;
    if (method !== 'btree') {
      const type = e.name ? table.columns.find((c) => c.name === e.name && !c.dropped)?.type : undefined;
      if (type !== undefined && !e.opclass?.length && !hasDefaultOpclass(cat, method, type)) throw noDefaultOpclass(cat, method, type);
      if (e.ordering !== 'SORTBY_DEFAULT') throw amError('ASC/DESC options');
      if (e.nulls_ordering !== 'SORTBY_NULLS_DEFAULT') throw amError('NULLS FIRST/LAST options');
    }
    const desc = e.ordering === 'SORTBY_DESC';
    const nullsFirst = e.nulls_ordering === 'SORTBY_NULLS_FIRST' ? true : e.nulls_ordering === 'SORTBY_NULLS_LAST' ? false : desc;
    const opclassNames = e.opclass?.length ? (e.opclass as AnyNode[]).map((x) => x.String.sval as string) : undefined;
    type KeyClass = Pick<IndexKey, 'opclass' | 'opclassExtension' | 'opclassOptions' | 'opclassDefault'>;
    /** The key's operator class: the one named (an installed extension's, else a built-in one), or an extension's default. */
    const classFor = (type: number): KeyClass | undefined => {
      if (opclassNames) return resolveExtensionOpclass(cat, session.searchPath(), method, opclassNames, type, e.opclassopts) ?? { opclass: resolveIndexOpclass(cat, method, opclassNames, e.opclassopts, type) };
      if (method !== 'btree' && method !== 'hash' && !hasBuiltinDefault(cat, method, type)) return defaultExtensionOpclass(cat, method, type);
      return undefined;
    };
    const collParts = e.collation ? (e.collation as AnyNode[]).map((x) => x.String.sval as string) : undefined;
    const collation = collParts ? resolveCollationName(cat, session.searchPath(), collParts) : undefined;
    if (collParts && collation === undefined) throw new PgError(SQLSTATE.undefined_object, `collation "${collParts.join('.')}" for encoding "UTF8" does not exist`);
    /** ComputeIndexAttrs: COLLATE needs a collatable key; pattern classes need a deterministic collation. */
    const checkCollation = (type: number, keyCollation: string | undefined) => {
      if (collation !== undefined && !isCollatableType(cat, type)) throw new PgError(SQLSTATE.datatype_mismatch, `collations are not supported by type ${formatType(cat, type)}`);
      const cls = opclassNames?.[opclassNames.length - 1];
      if (cls && /^(text|bpchar|varchar)_pattern_ops$/.test(cls) && isNondeterministic(collation ?? keyCollation)) {
        throw new PgError(SQLSTATE.feature_not_supported, `nondeterministic collations are not supported for operator class "${cls}"`);
      }
    };
    if (e.name) {
      const col = table.columns.find((c) => c.name === e.name && !c.dropped);
      if (!col && SYSTEM_COLUMNS.has(e.name)) throw new PgError(SQLSTATE.feature_not_supported, 'index creation on system columns is not supported');
      if (!col) throw new PgError(SQLSTATE.undefined_column, `column "${e.name}" does not exist`);
      checkCollation(col.type, col.collation);
      if (col.generated?.kind === 'v') throw new PgError(SQLSTATE.feature_not_supported, 'indexes on virtual generated columns are not supported');
      keys.push({ attnum: col.attnum, descending: desc, nullsFirst, collation, ...classFor(col.type) });
      colNames.push(col.name);
    } else {
      const ex = analyzeTableExpr(session, cat, table, e.expr, 'index', sql);
      checkCollation(ex.expr.type, ex.expr.collation);
      if (ex.mutable) throw new PgError(SQLSTATE.invalid_object_definition, 'functions in index expression must be marked IMMUTABLE');
      keys.push({ attnum: 0, expr: ex, descending: desc, nullsFirst, collation, ...classFor(ex.expr.type) });
      // CheckAttributeType on the index's column: no pseudo-types (record, anyelement, ...).
      if (ex.expr.type !== OID.unknown && typeInfo(cat, ex.expr.type).typtype === 'p') {
        const figured = figureColname(e.expr);
        throw new PgError(SQLSTATE.invalid_table_definition, `column "${figured === '?column?' ? 'expr' : figured}" has pseudo-type ${formatType(cat, ex.expr.type)}`);
      }
      const fc = e.expr.FuncCall;
      colNames.push(fc ? (fc.funcname as AnyNode[]).map((x) => x.String.sval).pop() : 'expr');
    }
  }
  const include = indexIncludeAttnums(n.indexIncludingParams ?? [], table.columns);
  for (const a of include) colNames.push(table.columns[a - 1].name);
  const predicate = n.whereClause ? analyzeTableExpr(session, cat, table, n.whereClause, 'index predicate', sql) : undefined;
  const name = n.idxname ? truncateIdentifier(n.idxname) : chooseName(cat, table.namespace, table.name, distinctIndexColumnNames(colNames).join('_'), 'idx', new Set(), true);
  for (const k of keys) {
    // A key with a class of its own needs no default one (a named default class left none on the key, and exists).
    if (k.opclass) continue;
    const type = k.attnum ? table.columns[k.attnum - 1].type : k.expr!.expr.type;
    if (!hasDefaultOpclass(cat, method, type)) throw noDefaultOpclass(cat, method, type);
  }
  if (table.kind === 'p') {
    if (n.concurrent) throw new PgError(SQLSTATE.feature_not_supported, `cannot create index on partitioned table "${table.name}" concurrently`);
    if (n.unique) checkUniqueCoversKey(cat, table, keys, 'UNIQUE');
    if (method !== 'btree' && method !== 'hash' && n.unique) throw featureNotSupported('this unique index on a partitioned table');
  }
  const oid = defineIndex(session, cat, table, { name, keys, unique: !!n.unique, primary: false, nullsNotDistinct: !!n.nulls_not_distinct, include, predicate, method, options: relOptionsOf(n.options, indexOptionKind(method)) });
  // On a partitioned table: each partition gets its own copy (and later partitions too).
  // (ON ONLY: the partitioned table alone, as pg_dump writes it; partitions attach theirs.)
  if (table.kind === 'p' && n.relation.inh) cloneIndexToPartitions(session, cat, cat.relation(oid), true);
  // ON ONLY a table with partitions: invalid until each has its part (ALTER INDEX ... ATTACH PARTITION).
  else if (table.kind === 'p' && partitionsOf(cat, table).length) cat.putRelation({ ...cat.relation(oid), index: { ...cat.relation(oid).index!, invalid: true } });
  return commandResult('CREATE INDEX');
}
