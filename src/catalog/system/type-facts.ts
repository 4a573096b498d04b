/**
 * Storage facts of any type (length, by-value, alignment, storage, collation), for pg_type and
 * pg_attribute: built-in types from builtin-data.ts, user types derived as Postgres derives them
 * (enums are 4-byte by-value, domains take their base type's, composites and arrays are varlena).
 * Postgres counterpart: src/backend/catalog/pg_type.c, heap.c (attribute storage from the type).
 */
import type { Catalog } from '../catalog.js';
import { BUILTIN_TYPE_FACTS, TYPE_FUNCTION_NAMES, type BuiltinTypeFacts } from './builtin-data.js';

export interface TypeFacts {
  readonly len: number;
  readonly byval: boolean;
  readonly align: string;
  readonly storage: string;
  /** typcollation: 100 default, 950 C, 0 not collatable. */
  readonly collation: number;
}

export const builtinFacts = new Map<number, BuiltinTypeFacts>(BUILTIN_TYPE_FACTS.map((t) => [t[0], t]));

const procByName = new Map<string, number>(Object.entries(TYPE_FUNCTION_NAMES).map(([oid, name]) => [name, Number(oid)]));

/** The OID of one of the type I/O functions pg_type names (array_in, record_out, ...), or 0. */
export function typeFunctionOid(name: string): number {
  return procByName.get(name) ?? 0;
}

const VARLENA: TypeFacts = { len: -1, byval: false, align: 'd', storage: 'x', collation: 0 };

/** Facts of the system columns (tid, cid are not types fauxgres otherwise knows). */
export const SYSTEM_COLUMN_FACTS: Readonly<Record<number, TypeFacts>> = {
  27: { len: 6, byval: false, align: 's', storage: 'p', collation: 0 },
  29: { len: 4, byval: true, align: 'i', storage: 'p', collation: 0 },
};

/** Storage facts of a type in this catalog. */
export function typeFacts(cat: Catalog, oid: number): TypeFacts {
  const b = builtinFacts.get(oid);
  if (b) return { len: b[2], byval: b[3], align: b[12], storage: b[13], collation: b[14] };
  const sys = SYSTEM_COLUMN_FACTS[oid];
  if (sys) return sys;
  const t = cat.types.get(oid);
  if (!t) return VARLENA;
  if (t.elementType !== undefined) {
    const el = typeFacts(cat, t.elementType);
    return { len: -1, byval: false, align: el.align === 'c' || el.align === 's' ? 'i' : el.align, storage: 'x', collation: el.collation };
  }
  switch (t.kind) {
    case 'e':
      return { len: 4, byval: true, align: 'i', storage: 'p', collation: 0 };
    case 'd': {
      const base = typeFacts(cat, t.domain!.baseType);
      const coll = t.domain?.collation;
      return { ...base, collation: base.collation === 0 ? 0 : coll === 'C' ? 950 : coll === 'POSIX' ? 951 : base.collation };
    }
    case 'b':
      return { len: -1, byval: false, align: 'i', storage: 'x', collation: 100 };
    case 'r':
    case 'm': {
      // DefineRange: int alignment unless the subtype needs double.
      const range = t.kind === 'r' ? t : cat.types.get(t.multirangeOf ?? 0);
      const sub = range?.range ? typeFacts(cat, range.range.subtype) : undefined;
      return { len: -1, byval: false, align: sub?.align === 'd' ? 'd' : 'i', storage: 'x', collation: 0 };
    }
    default:
      return VARLENA;
  }
}

/** attcollation for a column: its explicit collation, else the type's. */
export function collationOid(cat: Catalog, type: number, collation: string | undefined): number {
  const base = typeFacts(cat, type).collation;
  if (base === 0) return 0;
  if (collation === undefined || collation === 'default') return base;
  const builtin = COLLATION_OIDS[collation];
  if (builtin !== undefined) return builtin;
  if (cat.collations.size) for (const c of cat.collations.values()) if (c.name === collation) return c.oid;
  return base;
}

/** The collations fauxgres knows, by name. */
export const COLLATION_OIDS: Readonly<Record<string, number>> = {
  default: 100, C: 950, POSIX: 951, ucs_basic: 962, pg_c_utf8: 811, pg_unicode_fast: 6411, unicode: 963,
};
