/**
 * pg_attribute: the columns of user relations (with the system columns of tables and sequences,
 * dropped columns as Postgres keeps them, index columns named as Postgres names them) and of the
 * system tables and views.
 * Postgres counterpart: src/include/catalog/pg_attribute.h, catalog/heap.c, catalog/index.c
 * (ConstructTupleDescriptor, ChooseIndexColumnNames).
 * Known gaps: attmissingval is NULL (atthasmissing is right).
 */
import { PgArray } from '../../types/values.js';
import { aclText } from '../acl.js';
import type { Catalog } from '../catalog.js';
import type { ColumnDef, RelationDef } from '../objects.js';
import { OID } from '../../types/oids.js';
import { allSystemRelations, defineRows, type RowObject } from './registry.js';
import { relationsInOrder, storedDefault } from './common.js';
import { builtinFacts, collationOid, typeFacts } from './type-facts.js';

const SYSTEM_COLUMNS: readonly (readonly [number, string, number])[] = [
  [-6, 'tableoid', OID.oid], [-5, 'cmax', 29], [-4, 'xmax', OID.xid], [-3, 'cmin', 29], [-2, 'xmin', OID.xid], [-1, 'ctid', 27],
];

const SEQUENCE_COLUMNS: readonly (readonly [string, number])[] = [['last_value', OID.int8], ['log_cnt', OID.int8], ['is_called', OID.bool]];

interface AttrSpec {
  readonly attnum: number;
  readonly name: string;
  readonly type: number;
  readonly typmod?: number;
  readonly notNull?: boolean;
  readonly collation?: string;
  readonly column?: ColumnDef;
  readonly dims?: number;
}

function attributeRow(cat: Catalog, relid: number, a: AttrSpec): RowObject {
  const f = typeFacts(cat, a.type);
  const c = a.column;
  return {
    attrelid: relid,
    attname: a.name,
    atttypid: a.type,
    attlen: f.len,
    attnum: a.attnum,
    atttypmod: a.typmod ?? -1,
    attndims: a.dims ?? 0,
    attbyval: f.byval,
    attalign: f.align,
    attstorage: c?.storage ?? f.storage,
    attcompression: c?.compression ?? '',
    attnotnull: a.notNull ?? false,
    atthasdef: !!c && !!((storedDefault(c) && !c.identity) || c.generated),
    atthasmissing: c?.missing !== undefined && c.missing !== null,
    attidentity: c?.identity ?? '',
    attgenerated: c?.generated?.kind ?? '',
    attisdropped: false,
    attislocal: !c?.notLocal,
    attinhcount: c?.inhCount ?? 0,
    attcollation: collationOid(cat, a.type, a.collation),
    attstattarget: c?.statTarget ?? null,
    attacl: c?.acl ? PgArray.of(aclText(cat, c.acl)) : null,
    attoptions: c?.attOptions?.length ? PgArray.of([...c.attOptions]) : null,
    attfdwoptions: null,
    attmissingval: null,
  };
}

function droppedRow(cat: Catalog, relid: number, c: ColumnDef): RowObject {
  // A dropped column keeps its storage facts (the rows on disk still hold its values).
  const f = typeFacts(cat, c.type);
  return {
    attrelid: relid, attname: `........pg.dropped.${c.attnum}........`, atttypid: 0, attlen: f.len, attnum: c.attnum,
    atttypmod: -1, attndims: 0, attbyval: f.byval, attalign: f.align, attstorage: f.storage, attcompression: '', attnotnull: false,
    atthasdef: false, atthasmissing: false, attidentity: '', attgenerated: '', attisdropped: true, attislocal: true,
    attinhcount: 0, attcollation: 0, attstattarget: null, attacl: null, attoptions: null, attfdwoptions: null, attmissingval: null,
  };
}

function isArrayType(cat: Catalog, type: number): boolean {
  if (type === OID.int2vector || type === OID.oidvector) return false;
  const t = cat.types.get(type);
  if (t) return t.elementType !== undefined;
  return builtinFacts.get(type)?.[5] === 'A';
}

/** Index column names as Postgres chooses them: the column, the function, or "expr", made unique. */
export function indexColumnNames(cat: Catalog, index: RelationDef): string[] {
  const info = index.index!;
  const table = cat.relations.get(info.relation);
  const used = new Set<string>();
  const out: string[] = [];
  const attnums = [...info.keys.map((k) => ({ attnum: k.attnum, expr: k.expr })), ...info.include.map((a) => ({ attnum: a, expr: undefined }))];
  for (const k of attnums) {
    let base = 'expr';
    if (k.attnum > 0 && table) base = table.columns[k.attnum - 1].name;
    else if (k.expr?.expr.kind === 'FuncExpr') base = k.expr.expr.name;
    let name = base;
    for (let i = 1; used.has(name); i++) name = `${base}${i}`;
    used.add(name);
    out.push(name);
  }
  return out;
}

function* relationAttributes(cat: Catalog, rel: RelationDef): Iterable<RowObject> {
  const hasSystemColumns = rel.kind === 'r' || rel.kind === 'S' || rel.kind === 'm' || rel.kind === 'p';
  if (hasSystemColumns) {
    for (const [attnum, name, type] of SYSTEM_COLUMNS) yield { ...attributeRow(cat, rel.oid, { attnum, name, type }), attnotnull: true };
  }
  if (rel.kind === 'S') {
    let n = 0;
    for (const [name, type] of SEQUENCE_COLUMNS) yield { ...attributeRow(cat, rel.oid, { attnum: ++n, name, type }), attnotnull: true };
    return;
  }
  if (rel.kind === 'i' && rel.index) {
    const table = cat.relations.get(rel.index.relation);
    const names = indexColumnNames(cat, rel);
    const keys = [...rel.index.keys.map((k) => ({ attnum: k.attnum, expr: k.expr, collation: k.collation })), ...rel.index.include.map((a) => ({ attnum: a, expr: undefined, collation: undefined }))];
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      const col = k.attnum > 0 ? table?.columns[k.attnum - 1] : undefined;
      const type = col ? col.type : (k.expr?.expr.type ?? OID.text);
      const row = attributeRow(cat, rel.oid, { attnum: i + 1, name: names[i], type, typmod: col ? col.typmod : -1, collation: k.collation ?? col?.collation });
      // Included columns have no collation (index_create's ConstructTupleDescriptor).
      // CREATE INDEX and SET STORAGE / COMPRESSION copy a key column's settings from its table column.
      const stored = col ? { ...row, attstorage: col.storage ?? row.attstorage, attcompression: col.compression ?? '' } : row;
      yield i < rel.index.keys.length ? stored : { ...stored, attcollation: 0 };
    }
    return;
  }
  for (const c of rel.columns) {
    if (c.dropped) {
      yield droppedRow(cat, rel.oid, c);
      continue;
    }
    const dims = hasSystemColumns && isArrayType(cat, c.type) ? 1 : 0;
    yield attributeRow(cat, rel.oid, { attnum: c.attnum, name: c.name, type: c.type, typmod: c.typmod, notNull: c.notNull, collation: c.collation, column: c, dims });
  }
}

function systemAttributeRows(cat: Catalog): RowObject[] {
  const out: RowObject[] = [];
  for (const r of allSystemRelations()) {
    if (r.kind === 'r') for (const [attnum, name, type] of SYSTEM_COLUMNS) out.push({ ...attributeRow(cat, r.oid, { attnum, name, type }), attnotnull: true });
    r.columns.forEach((c, i) => out.push(attributeRow(cat, r.oid, { attnum: i + 1, name: c.name, type: c.type, notNull: c.notNull, collation: c.collation })));
  }
  return out;
}

defineRows('pg_catalog', 'pg_attribute', {
  scope: 'catalog',
  fixed: ({ cat }) => systemAttributeRows(cat),
  *rows({ cat }) {
    for (const rel of relationsInOrder(cat)) yield* relationAttributes(cat, rel);
  },
});
