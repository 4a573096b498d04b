/**
 * How Postgres names a routine in messages: `add(integer,integer)` (regprocedure output: the
 * input argument types, comma-separated without spaces, schema-qualified when the search path
 * would not find it), as in CONTEXT lines and DROP hints.
 *
 * Postgres counterpart: src/backend/utils/adt/regproc.c (format_procedure_extended).
 */
import type { Catalog } from '../catalog/catalog.js';
import type { FunctionDef } from '../catalog/objects.js';
import { formatType, quoteIdentIfNeeded } from '../types/registry.js';

/** `name(type,type)`, qualified with its schema unless that schema is on `searchPath`. */
export function routineSignature(cat: Catalog, def: FunctionDef, searchPath: readonly string[]): string {
  const schema = cat.namespaceName(def.namespace);
  const visible = searchPath.includes(schema) || schema === 'pg_catalog';
  const name = quoteIdentIfNeeded(def.name);
  const args = def.argTypes.map((t) => formatType(cat, t)).join(',');
  return `${visible ? '' : quoteIdentIfNeeded(schema) + '.'}${name}(${args})`;
}
