/**
 * Operator OIDs the catalogs refer to: the equality operator of a type (pg_constraint.conpfeqop).
 * Postgres counterpart: src/include/catalog/pg_operator.dat.
 */
import type { Catalog } from '../catalog.js';
import { BUILTIN_TYPE_FACTS, EQUALITY_OPERATORS, OPCLASS_FACTS } from './builtin-data.js';
import { rangeTypeDef } from '../../types/range.js';
import { multirangeTypeDef } from '../../types/multirange.js';

const ANYARRAY_EQ = 1070;
const ANYENUM_EQ = 3516;
const RECORD_EQ = 2988;

/** The OID of `=` for values of `type` (0 when unknown). */
export function equalityOperatorOid(cat: Catalog, type: number): number {
  const b = EQUALITY_OPERATORS[type];
  if (b !== undefined) return b;
  // Ranges and multiranges compare with the polymorphic =(anyrange) / =(anymultirange).
  if (rangeTypeDef(type)) return 3882;
  if (multirangeTypeDef(type)) return 2860;
  const t = cat.types.get(type);
  if (!t) return 0;
  if (t.elementType !== undefined) return ANYARRAY_EQ;
  if (t.kind === 'e') return ANYENUM_EQ;
  if (t.kind === 'd' && t.domain) return equalityOperatorOid(cat, t.domain.baseType);
  if (t.kind === 'c') return RECORD_EQ;
  return 0;
}

const OPCLASS_BY_NAME = new Map(OPCLASS_FACTS.map((o) => [o[2] + '/' + o[1], o]));
const DEFAULT_OPCLASS = new Map<string, number>();
for (const o of OPCLASS_FACTS) if (o[5]) DEFAULT_OPCLASS.set(`${o[1]}/${o[4]}`, o[0]);
const ANYARRAY = 2277;
const ANYENUM = 3500;

/** The default operator class of `type` for an access method (0 when unknown). */
export function defaultOpclassOid(cat: Catalog, amOid: number, type: number): number {
  const direct = DEFAULT_OPCLASS.get(`${amOid}/${type}`);
  if (direct !== undefined) return direct;
  const t = cat.types.get(type);
  if (type === 1043) return DEFAULT_OPCLASS.get(`${amOid}/25`) ?? 0; // varchar uses text_ops
  if (t?.elementType !== undefined || (BUILTIN_ARRAYS.has(type))) return DEFAULT_OPCLASS.get(`${amOid}/${ANYARRAY}`) ?? 0;
  if (t?.kind === 'e') return DEFAULT_OPCLASS.get(`${amOid}/${ANYENUM}`) ?? 0;
  if (BUILTIN_RANGES.has(type) || t?.kind === 'r') return DEFAULT_OPCLASS.get(`${amOid}/${ANYRANGE}`) ?? 0;
  if (BUILTIN_MULTIRANGES.has(type) || t?.kind === 'm') return DEFAULT_OPCLASS.get(`${amOid}/${ANYMULTIRANGE}`) ?? 0;
  if (t?.kind === 'd' && t.domain) return defaultOpclassOid(cat, amOid, t.domain.baseType);
  if (t?.kind === 'c') return DEFAULT_OPCLASS.get(`${amOid}/2249`) ?? 0; // record_ops
  return 0;
}

/** An operator class by name and access method. */
export function opclassNamed(name: string, amOid: number): readonly [number, number, string, number, number, boolean, number] | undefined {
  return OPCLASS_BY_NAME.get(name + '/' + amOid);
}

const ANYRANGE = 3831;
const BUILTIN_RANGES = new Set(BUILTIN_TYPE_FACTS.filter((t) => t[4] === 'r').map((t) => t[0]));
const ANYMULTIRANGE = 4537;
const BUILTIN_MULTIRANGES = new Set(BUILTIN_TYPE_FACTS.filter((t) => t[4] === 'm').map((t) => t[0]));
const BUILTIN_ARRAYS = new Set(BUILTIN_TYPE_FACTS.filter((t) => t[5] === 'A' && t[8] !== 0).map((t) => t[0]));
