/**
 * Type lookup by OID for a catalog version: built-in types (static) and user types (enums,
 * domains, composites, their arrays) from the catalog. Each TypeInfo carries the type's I/O.
 *
 * Postgres counterpart: the pg_type syscache plus format_type (src/backend/utils/adt/format_type.c).
 */
import type { Catalog } from '../catalog/catalog.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { BUILTIN_ARRAY_TYPES, BUILTIN_TYPES, type BuiltinTypeRow } from './builtin-types.js';
import { OID } from './oids.js';
import type { TypeIO } from './type-io.js';
import type { Value } from './values.js';
import { builtinIO, hasBuiltinIO } from './builtin-io.js';
import { makeArrayIO } from './array.js';
import { makeRecordIO } from './record.js';
import { hstoreIO } from './hstore.js';
import { citextIO } from './citext.js';
import { anonymousRecordArrayIO, anonymousRecordIO } from './anon-record.js';
import { makeRangeIO } from './range.js';
import { makeMultirangeIO } from './multirange.js';
import { multirangeDefIn, rangeDefIn } from './user-range.js';

export interface TypeInfo {
  readonly oid: number;
  readonly name: string;
  readonly namespace: string;
  /** pg_type.typtype: b base, e enum, d domain, c composite, p pseudo, r range, m multirange; arrays are 'b' with elem. */
  readonly typtype: 'b' | 'e' | 'd' | 'c' | 'p' | 'r' | 'm';
  readonly category: string;
  readonly preferred: boolean;
  readonly typlen: number;
  readonly elem?: number;
  readonly array?: number;
  /** For domains: the base type. */
  readonly baseType?: number;
  readonly baseTypmod?: number;
  readonly relation?: number;
  readonly io: TypeIO<Value>;
}

const builtinInfos = new Map<number, TypeInfo>();
const builtinByName = new Map<string, number>();

function builtinRow(row: BuiltinTypeRow & { elem?: number }): TypeInfo {
  let io: TypeIO<Value> | undefined;
  const info: TypeInfo = {
    oid: row.oid,
    name: row.name,
    namespace: 'pg_catalog',
    typtype: row.category === 'P' ? 'p' : row.category === 'R' ? (row.name.endsWith('multirange') ? 'm' : 'r') : 'b',
    category: row.category,
    preferred: row.preferred ?? false,
    typlen: row.typlen,
    elem: row.elem,
    array: row.array,
    get io(): TypeIO<Value> {
      if (!io) {
        if (row.elem !== undefined && !hasBuiltinIO(row.oid)) {
          const el = builtinInfos.get(row.elem) as TypeInfo;
          io = makeArrayIO(el.io, el.name, el.oid === OID.box ? ';' : ',') as TypeIO<Value>;
        } else {
          io = builtinIO(row.oid);
        }
      }
      return io;
    },
  };
  return info;
}

for (const row of BUILTIN_TYPES) {
  builtinInfos.set(row.oid, builtinRow(row));
  builtinByName.set(row.name, row.oid);
}
for (const row of BUILTIN_ARRAY_TYPES) {
  builtinInfos.set(row.oid, builtinRow(row));
  builtinByName.set(row.name, row.oid);
}

/** Built-in type OID by pg_type name (`int4`, `_text`), or undefined. */
export function builtinTypeOid(name: string): number | undefined {
  return builtinByName.get(name);
}

const userCache = new WeakMap<Catalog, Map<number, TypeInfo>>();

/** Whether `oid` names a type of this catalog version (typeInfo would not throw 42704). */
export function typeExists(cat: Catalog, oid: number): boolean {
  return builtinInfos.has(oid) || cat.types.has(oid);
}

/** The TypeInfo of `oid` in this catalog version; throws 42704 for an unknown OID. */
export function typeInfo(cat: Catalog, oid: number): TypeInfo {
  const b = builtinInfos.get(oid);
  if (b && oid !== OID.record && oid !== OID._record) return b;
  let cache = userCache.get(cat);
  if (!cache) {
    cache = new Map();
    userCache.set(cat, cache);
  }
  let info = cache.get(oid);
  if (!info) {
    info = userTypeInfo(cat, oid);
    cache.set(oid, info);
  }
  return info;
}

function userTypeInfo(cat: Catalog, oid: number): TypeInfo {
  if (oid === OID.record || oid === OID._record) {
    // Anonymous records: field types travel with the values; user field types need the catalog.
    const b = builtinInfos.get(oid) as TypeInfo;
    const io = oid === OID.record ? (anonymousRecordIO(cat) as TypeIO<Value>) : anonymousRecordArrayIO(cat);
    return { oid: b.oid, name: b.name, namespace: b.namespace, typtype: b.typtype, category: b.category, preferred: b.preferred, typlen: b.typlen, elem: b.elem, array: b.array, io };
  }
  const t = cat.types.get(oid);
  if (!t) throw new PgError(SQLSTATE.undefined_object, `cache lookup failed for type ${oid}`);
  const namespace = cat.namespaceName(t.namespace);
  let io: TypeIO<Value> | undefined;
  const base = {
    oid,
    name: t.name,
    namespace,
    array: t.arrayType,
    relation: t.relation,
  };
  if (t.elementType !== undefined) {
    const elemOid = t.elementType;
    return {
      ...base,
      typtype: 'b',
      category: 'A',
      preferred: false,
      typlen: -1,
      elem: elemOid,
      get io(): TypeIO<Value> {
        if (!io) {
          const el = typeInfo(cat, elemOid);
          io = makeArrayIO(el.io, el.name) as TypeIO<Value>;
        }
        return io;
      },
    };
  }
  if (t.kind === 'b' && t.baseIO === 'citext') {
    return { ...base, typtype: 'b', category: 'S', preferred: false, typlen: -1, io: citextIO as TypeIO<Value> };
  }
  if (t.kind === 'b' && t.baseIO === 'hstore') {
    return { ...base, typtype: 'b', category: 'U', preferred: false, typlen: -1, io: hstoreIO as TypeIO<Value> };
  }
  if (t.kind === 'e') {
    const labels = t.enumInfo?.labels ?? [];
    const order = new Map(labels.map((l) => [l.label, l.sortOrder]));
    const enumIO: TypeIO<Value> = {
      input(text: string): Value {
        if (!order.has(text)) {
          throw new PgError(SQLSTATE.invalid_text_representation, `invalid input value for enum ${t.name}: "${text}"`);
        }
        return text;
      },
      output: (v) => v as string,
      compare: (a, b) => (order.get(a as string) as number) - (order.get(b as string) as number),
      hashKey: (v) => v as string,
    };
    return { ...base, typtype: 'e', category: 'E', preferred: false, typlen: 4, io: enumIO };
  }
  if (t.kind === 'd' && t.domain) {
    const d = t.domain;
    return {
      ...base,
      typtype: 'd',
      category: typeInfo(cat, d.baseType).category,
      preferred: false,
      typlen: typeInfo(cat, d.baseType).typlen,
      baseType: d.baseType,
      baseTypmod: d.baseTypmod,
      // domain_in: the base type's input with the domain's typmod (numeric(5,2), varchar(4)).
      get io(): TypeIO<Value> {
        const baseIo = typeInfo(cat, d.baseType).io;
        if (d.baseTypmod < 0) return baseIo;
        if (!io) io = { ...baseIo, input: (text, typmod, ctx) => baseIo.input(text, typmod >= 0 ? typmod : d.baseTypmod, ctx) };
        return io;
      },
    };
  }
  if (t.kind === 'r' || t.kind === 'm') {
    const kind = t.kind;
    return {
      ...base,
      typtype: kind,
      category: 'R',
      preferred: false,
      typlen: -1,
      get io(): TypeIO<Value> {
        if (!io) {
          io = (kind === 'r'
            ? makeRangeIO(rangeDefIn(cat, oid) as NonNullable<ReturnType<typeof rangeDefIn>>)
            : makeMultirangeIO(multirangeDefIn(cat, oid) as NonNullable<ReturnType<typeof multirangeDefIn>>)) as TypeIO<Value>;
        }
        return io;
      },
    };
  }
  if (t.kind === 'c' && t.relation !== undefined) {
    const relOid = t.relation;
    return {
      ...base,
      typtype: 'c',
      category: 'C',
      preferred: false,
      typlen: -1,
      get io(): TypeIO<Value> {
        if (!io) {
          const rel = cat.relation(relOid);
          const cols = rel.columns.filter((c) => !c.dropped);
          io = makeRecordIO(cols.map((c) => typeInfo(cat, c.type).io), cols.map((c) => c.typmod)) as TypeIO<Value>;
        }
        return io;
      },
    };
  }
  throw new PgError(SQLSTATE.feature_not_supported, `feature not supported: type ${t.name}`);
}

/** Follows domains down to the base type. */
export function baseTypeOf(cat: Catalog, oid: number): number {
  let info = typeInfo(cat, oid);
  while (info.typtype === 'd' && info.baseType !== undefined) info = typeInfo(cat, info.baseType);
  return info.oid;
}

/** Postgres's format_type(oid, typmod): `integer`, `character varying(5)`, `numeric(10,2)`, `text[]`. */
export function formatType(cat: Catalog, oid: number, typmod = -1): string {
  const info = typeInfo(cat, oid);
  if (info.elem !== undefined && info.category === 'A') {
    return formatType(cat, info.elem, typmod) + '[]';
  }
  const mod = typmodText(oid, typmod);
  switch (oid) {
    case OID.bpchar:
      return 'character' + mod;
    case OID.varchar:
      return 'character varying' + mod;
    case OID.numeric:
      return 'numeric' + mod;
    case OID.timestamp:
      return 'timestamp' + mod + ' without time zone';
    case OID.timestamptz:
      return 'timestamp' + mod + ' with time zone';
    case OID.time:
      return 'time' + mod + ' without time zone';
    case OID.timetz:
      return 'time' + mod + ' with time zone';
    case OID.interval:
      return 'interval' + mod;
    case OID.bit:
      return 'bit' + mod;
    case OID.varbit:
      return 'bit varying' + mod;
  }
  const row = BUILTIN_TYPES.find((r) => r.oid === oid);
  if (row) return row.sqlName ?? row.name;
  // (the session's temporary schema is always searched: its row types print bare)
  const needsQualify = info.namespace !== 'public' && info.namespace !== 'pg_catalog' && !info.namespace.startsWith('pg_temp_');
  const name = quoteIdentIfNeeded(info.name);
  return needsQualify ? quoteIdentIfNeeded(info.namespace) + '.' + name : name;
}

/** A type modifier as format_type prints it after the name: `(10)`, `(12,2)`, '' for none. */
export function typmodText(oid: number, typmod: number): string {
  if (typmod < 0) return '';
  switch (oid) {
    case OID.bpchar:
    case OID.varchar:
      return `(${typmod - 4})`;
    case OID.numeric: {
      const v = typmod - 4;
      const p = (v >> 16) & 0xffff;
      let s = v & 0xffff;
      if (s > 1023) s -= 2048; // negative scale is stored as 11-bit two's complement
      return `(${p},${s})`;
    }
    case OID.timestamp:
    case OID.timestamptz:
    case OID.time:
    case OID.timetz:
      return `(${typmod})`;
    case OID.interval:
      return (typmod & 0xffff) === 0xffff ? '' : `(${typmod & 0xffff})`;
    case OID.bit:
    case OID.varbit:
      return `(${typmod})`;
  }
  return '';
}

const SAFE_IDENT = /^[a-z_][a-z0-9_$]*$/;
/** quote_ident's rule, minus the keyword check (done by callers that need it). */
export function quoteIdentIfNeeded(name: string): string {
  return SAFE_IDENT.test(name) ? name : '"' + name.replace(/"/g, '""') + '"';
}
