/**
 * format_type(): a type's SQL name with its modifier, qualified with its schema when the search
 * path would not find it by its bare name; regtype output uses the same rule.
 * Postgres counterpart: src/backend/utils/adt/format_type.c (format_type_extended), namespace.c
 * (TypeIsVisible).
 */
import type { Catalog } from '../catalog.js';
import { OID } from '../../types/oids.js';
import { BUILTIN_TYPES } from '../../types/builtin-types.js';
import { quoteIdent } from '../../functions/builtins/quote.js';
import { builtinFacts } from '../system/type-facts.js';
import { systemRelationByRowType } from '../system/registry.js';
import { typmodText } from '../../types/registry.js';

const SQL_NAMES = new Map(BUILTIN_TYPES.filter((t) => t.sqlName).map((t) => [t.oid, t.sqlName as string]));

const RESERVED = new Set(['any', 'all', 'user', 'table', 'order', 'group', 'default', 'check', 'column', 'constraint']);

/** Types only system columns have (ctid, cmin/cmax). */
const SYSTEM_COLUMN_TYPES: Record<number, string> = { 27: 'tid', 29: 'cid' };

/** Whether the bare name of user type `oid` finds it through the search path. */
export function typeIsVisible(cat: Catalog, searchPath: readonly string[], oid: number): boolean {
  const t = cat.types.get(oid);
  if (!t) return true;
  for (const s of searchPath.includes('pg_catalog') ? searchPath : ['pg_catalog', ...searchPath]) {
    const ns = cat.namespaceOid(s);
    if (ns === undefined) continue;
    if (cat.typeIn(ns, t.name)) return ns === t.namespace;
  }
  return false;
}

/**
 * format_type(oid, typmod): `typmod` null means "no modifier given" (bpchar prints as character),
 * -1 means "no modifier" (bpchar prints as bpchar). Unknown OIDs print as `???`.
 */
export function formatTypeName(cat: Catalog, searchPath: readonly string[], oid: number, typmod: number | null): string {
  if (oid === 0) return '-';
  const given = typmod !== null;
  const mod = typmod ?? -1;
  const b = builtinFacts.get(oid);
  if (b) {
    const elem = b[9];
    if ((b[5] === 'A' || oid === OID._record) && elem !== 0 && b[8] !== 0 && oid !== OID.int2vector && oid !== OID.oidvector) return formatTypeName(cat, searchPath, elem, typmod) + '[]';
    if (oid === OID.bpchar) return given && mod < 0 ? 'bpchar' : 'character' + typmodText(oid, mod);
    switch (oid) {
      case OID.varchar:
        return 'character varying' + typmodText(oid, mod);
      case OID.timestamp:
        return 'timestamp' + typmodText(oid, mod) + ' without time zone';
      case OID.timestamptz:
        return 'timestamp' + typmodText(oid, mod) + ' with time zone';
      case OID.time:
        return 'time' + typmodText(oid, mod) + ' without time zone';
      case OID.timetz:
        return 'time' + typmodText(oid, mod) + ' with time zone';
      case OID.numeric:
      case OID.interval:
        return (SQL_NAMES.get(oid) ?? b[1]) + typmodText(oid, mod);
      case OID.bit:
        // bit with typmod -1 is not BIT (which means bit(1)): quoted so that it reads back as is.
        return mod >= 0 ? 'bit' + typmodText(oid, mod) : given ? '"bit"' : 'bit';
      case OID.varbit:
        return 'bit varying' + typmodText(oid, mod);
    }
    // format_type quotes a built-in name only when it is a reserved word ("any").
    const name = SQL_NAMES.get(oid);
    return name ?? (RESERVED.has(b[1]) ? `"${b[1]}"` : b[1]);
  }
  const t = cat.types.get(oid);
  if (!t && SYSTEM_COLUMN_TYPES[oid]) return SYSTEM_COLUMN_TYPES[oid];
  if (!t) {
    const sys = systemRelationByRowType(oid);
    return sys ? (sys.schema === 'pg_catalog' ? sys.name : `${sys.schema}.${quoteIdent(sys.name)}`) : '???';
  }
  if (t.elementType !== undefined) return formatTypeName(cat, searchPath, t.elementType, typmod) + '[]';
  const name = quoteIdent(t.name);
  return typeIsVisible(cat, searchPath, oid) ? name : `${quoteIdent(cat.namespaceName(t.namespace))}.${name}`;
}
