/**
 * How information_schema describes a type with its modifier: data_type, the udt_* and domain_*
 * names, character lengths, numeric precision/scale, datetime precision and interval fields.
 * Shared by columns, domains, attributes, routines, parameters and element_types.
 * Postgres counterpart: src/backend/catalog/information_schema.sql (_pg_char_max_length,
 * _pg_numeric_precision, _pg_datetime_precision, _pg_interval_type and the data_type CASE).
 */
import type { Catalog } from '../../catalog.js';
import { OID } from '../../../types/oids.js';
import { builtinFacts } from '../type-facts.js';
import { formatTypeName } from '../../ruleutils/format-type.js';
import { PG_CATALOG_NAMESPACE } from '../registry.js';

export interface TypeDescription {
  data_type: string;
  character_maximum_length: number | null;
  character_octet_length: number | null;
  numeric_precision: number | null;
  numeric_precision_radix: number | null;
  numeric_scale: number | null;
  datetime_precision: number | null;
  interval_type: string | null;
  interval_precision: null;
  domain_schema: string | null;
  domain_name: string | null;
  udt_schema: string;
  udt_name: string;
}

interface TypeRow {
  readonly oid: number;
  readonly name: string;
  readonly namespace: number;
  readonly typelem: number;
  readonly typlen: number;
  readonly typtype: string;
  readonly baseType: number;
  readonly baseTypmod: number;
}

function typeRow(cat: Catalog, oid: number): TypeRow {
  const b = builtinFacts.get(oid);
  if (b) return { oid, name: b[1], namespace: PG_CATALOG_NAMESPACE, typelem: b[9], typlen: b[2], typtype: b[4], baseType: 0, baseTypmod: -1 };
  const t = cat.types.get(oid);
  if (!t) return { oid, name: String(oid), namespace: 0, typelem: 0, typlen: -1, typtype: 'b', baseType: 0, baseTypmod: -1 };
  return {
    oid, name: t.name, namespace: t.namespace, typelem: t.elementType ?? 0, typlen: t.elementType !== undefined || t.kind === 'c' || t.kind === 'b' ? -1 : 4,
    typtype: t.elementType !== undefined ? 'b' : t.kind, baseType: t.domain?.baseType ?? 0, baseTypmod: t.domain?.baseTypmod ?? -1,
  };
}

const INTERVAL_FIELDS: Record<number, string> = {
  [1 << 2]: 'YEAR', [1 << 1]: 'MONTH', [1 << 3]: 'DAY', [1 << 10]: 'HOUR', [1 << 11]: 'MINUTE', [1 << 12]: 'SECOND',
  [(1 << 2) | (1 << 1)]: 'YEAR TO MONTH', [(1 << 3) | (1 << 10)]: 'DAY TO HOUR', [(1 << 3) | (1 << 10) | (1 << 11)]: 'DAY TO MINUTE',
  [(1 << 3) | (1 << 10) | (1 << 11) | (1 << 12)]: 'DAY TO SECOND', [(1 << 10) | (1 << 11)]: 'HOUR TO MINUTE',
  [(1 << 10) | (1 << 11) | (1 << 12)]: 'HOUR TO SECOND', [(1 << 11) | (1 << 12)]: 'MINUTE TO SECOND',
};

function intervalType(typmod: number): string | null {
  if (typmod < 0) return null;
  const range = (typmod >> 16) & 0x7fff;
  const precision = typmod & 0xffff;
  const name = INTERVAL_FIELDS[range];
  if (!name) return null;
  return precision !== 0xffff && name.endsWith('SECOND') ? `${name}(${precision})` : name;
}

/** information_schema's description of a value of type `oid` with modifier `typmod`. */
export function describeType(cat: Catalog, oid: number, typmod: number): TypeDescription {
  const t = typeRow(cat, oid);
  const isDomain = t.typtype === 'd';
  const base = isDomain ? typeRow(cat, t.baseType) : t;
  const mod = isDomain ? t.baseTypmod : typmod;
  const id = base.oid;
  let data_type: string;
  if (base.typelem !== 0 && base.typlen === -1) data_type = 'ARRAY';
  else if (base.namespace === PG_CATALOG_NAMESPACE) data_type = formatTypeName(cat, [], id, null);
  else data_type = 'USER-DEFINED';
  const charType = id === OID.bpchar || id === OID.varchar || id === OID.text;
  const charMax = (id === OID.bpchar || id === OID.varchar) && mod >= 0 ? mod - 4 : (id === OID.bit || id === OID.varbit) && mod >= 0 ? mod : null;
  let precision: number | null = null;
  let radix: number | null = null;
  let scale: number | null = null;
  switch (id) {
    case OID.int2: precision = 16; radix = 2; scale = 0; break;
    case OID.int4: precision = 32; radix = 2; scale = 0; break;
    case OID.int8: precision = 64; radix = 2; scale = 0; break;
    case OID.float4: precision = 24; radix = 2; break;
    case OID.float8: precision = 53; radix = 2; break;
    case OID.numeric:
      radix = 10;
      if (mod >= 0) {
        precision = ((mod - 4) >> 16) & 0xffff;
        scale = (mod - 4) & 0xffff;
        if (scale > 1023) scale -= 2048;
      }
      break;
  }
  let dt: number | null = null;
  if (id === OID.date) dt = 0;
  else if (id === OID.time || id === OID.timetz || id === OID.timestamp || id === OID.timestamptz) dt = mod < 0 ? 6 : mod;
  else if (id === OID.interval) dt = mod < 0 || (mod & 0xffff) === 0xffff ? 6 : mod & 0xffff;
  return {
    data_type,
    character_maximum_length: charMax,
    character_octet_length: charType ? (mod >= 0 && id !== OID.text ? (mod - 4) * 4 : 1073741824) : null,
    numeric_precision: precision,
    numeric_precision_radix: radix,
    numeric_scale: scale,
    datetime_precision: dt,
    interval_type: id === OID.interval ? intervalType(mod) : null,
    interval_precision: null,
    domain_schema: isDomain ? cat.namespaceName(t.namespace) : null,
    domain_name: isDomain ? t.name : null,
    udt_schema: base.namespace === PG_CATALOG_NAMESPACE ? 'pg_catalog' : cat.namespaceName(base.namespace),
    udt_name: base.name,
  };
}

export const yesNo = (b: boolean): string => (b ? 'YES' : 'NO');
