/**
 * Operator classes named in CREATE INDEX (`email text_pattern_ops`, `id int4_ops`,
 * `data jsonb_path_ops`): lookup with Postgres's errors, the input-type check, and what a
 * non-default class changes (the pattern classes order strings byte by byte, as collation "C").
 * Postgres counterpart: src/backend/commands/indexcmds.c (ResolveOpClass, GetIndexOpClass).
 * Known gaps: record_image_ops and the spgist classes other than the defaults are 0A000.
 */
import type { Catalog } from '../catalog/catalog.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { AM_OID } from '../catalog/system/pg-class.js';
import { defaultOpclassOid, opclassNamed } from '../catalog/system/operators.js';
import { baseTypeOf, formatType, typeInfo } from '../types/registry.js';
import { OID } from '../types/oids.js';

type AnyNode = Record<string, any>;

/** The btree/hash classes that compare strings byte by byte (the `~<~` family) instead of by collation. */
const PATTERN_CLASSES = new Set(['text_pattern_ops', 'varchar_pattern_ops', 'bpchar_pattern_ops']);

/** Non-default classes whose comparisons differ from anything fauxgres keeps in an index. */
const UNSUPPORTED_CLASSES = new Set(['record_image_ops']);

/** Access methods whose operator classes are all in the built-in facts (others: 0A000 for a name not found). */
const COMPLETE_METHODS = new Set(['btree', 'hash', 'gin', 'gist']);

const ANYARRAY = 2277;
const ANYENUM = 3500;
const ANYRANGE = 3831;

/**
 * Resolves the operator class `names` (possibly schema-qualified) given for an index column of
 * type `type`. Returns the class name to keep on the key, or undefined when it is the type's
 * default class (pg_get_indexdef then omits it, as Postgres does).
 */
export function resolveIndexOpclass(cat: Catalog, method: string, names: readonly string[], options: readonly AnyNode[] | undefined, type: number): string | undefined {
  const name = names[names.length - 1];
  const schema = names.length > 1 ? names[names.length - 2] : undefined;
  const am = AM_OID[method] ?? AM_OID.btree;
  const shown = names.join('.');
  if (schema !== undefined && cat.namespaceOid(schema) === undefined) throw new PgError(SQLSTATE.invalid_schema_name, `schema "${schema}" does not exist`);
  const fact = schema === undefined || schema === 'pg_catalog' ? opclassNamed(name, am) : undefined;
  if (!fact) {
    if (!COMPLETE_METHODS.has(method)) throw featureNotSupported(`operator class "${shown}" for access method "${method}"`);
    throw new PgError(SQLSTATE.undefined_object, `operator class "${shown}" does not exist for access method "${method}"`);
  }
  const [oid, , , , intype] = fact;
  if (!acceptsType(cat, intype, type)) {
    throw new PgError(SQLSTATE.datatype_mismatch, `operator class "${name}" does not accept data type ${formatType(cat, type)}`);
  }
  if (options?.length) throw new PgError(SQLSTATE.invalid_parameter_value, `operator class ${name} has no options`);
  if (oid === defaultOpclassOid(cat, am, type)) return undefined;
  if (UNSUPPORTED_CLASSES.has(name)) throw featureNotSupported(`operator class ${name}`);
  return name;
}

/** Whether a class declared for `intype` takes values of `type` (same type, binary-coercible, or polymorphic). */
function acceptsType(cat: Catalog, intype: number, type: number): boolean {
  const base = baseTypeOf(cat, type);
  if (intype === type || intype === base) return true;
  if (intype === OID.text && base === OID.varchar) return true;
  if (intype === OID.inet && base === OID.cidr) return true;
  const info = typeInfo(cat, base);
  if (intype === ANYARRAY) return info.category === 'A';
  if (intype === ANYENUM) return info.typtype === 'e';
  if (intype === ANYRANGE) return info.typtype === 'r';
  return false;
}

/** Whether a key's operator class compares strings byte by byte (ordering as collation "C"). */
export function isPatternOpclass(opclass: string | undefined): boolean {
  return opclass !== undefined && PATTERN_CLASSES.has(opclass);
}

/** The collation a b-tree key is ordered by: its own, the column's, or "C" for the pattern classes. */
export function indexKeyOrderCollation(key: { readonly collation?: string; readonly opclass?: string }, columnCollation: string | undefined): string {
  if (isPatternOpclass(key.opclass)) return 'C';
  return key.collation ?? columnCollation ?? 'default';
}
