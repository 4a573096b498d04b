/**
 * The functions a call may resolve to: built-ins (pg_catalog, functions/registry.ts) and user
 * functions from the catalog, found through the search path. A user function whose argument
 * types equal those of a function in a schema searched earlier is hidden by it, as Postgres's
 * FuncnameGetCandidates does (pg_catalog is searched first unless the path names it later).
 *
 * Postgres counterpart: src/backend/catalog/namespace.c (FuncnameGetCandidates).
 */
import type { Catalog } from '../catalog/catalog.js';
import type { FunctionDef } from '../catalog/objects.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { functionsNamed, type FunctionImpl } from '../functions/registry.js';
import { userFunctionImpl } from '../functions/user-functions.js';

/** Schemas whose names resolve to built-ins too: extension functions are declared there. */
const BUILTIN_ALIASES = new Set(['pg_catalog', 'public', 'extensions']);

/** The effective search path: pg_catalog first unless listed explicitly. */
export function effectiveSearchPath(searchPath: readonly string[]): string[] {
  return searchPath.includes('pg_catalog') ? [...searchPath] : ['pg_catalog', ...searchPath];
}

/** User functions (and procedures) named `name` visible through `searchPath`, earlier schemas first. */
export function userFunctionsNamed(cat: Catalog, searchPath: readonly string[], name: string, schema?: string): FunctionDef[] {
  if (cat.functions.size === 0) return [];
  if (schema !== undefined) {
    const ns = cat.namespaceOid(schema);
    return ns === undefined ? [] : cat.functionsIn(ns, name);
  }
  const out: FunctionDef[] = [];
  for (const s of searchPath) {
    const ns = cat.namespaceOid(s);
    if (ns !== undefined) out.push(...cat.functionsIn(ns, name));
  }
  return out;
}

function sameArgs(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}

/**
 * Every candidate for a call of `names` (`f` or `schema.f`), built-in or user-defined, with
 * shadowed duplicates removed.
 * @throws 3F000 when the qualifying schema does not exist.
 */
export function functionCandidates(cat: Catalog, searchPath: readonly string[], names: readonly string[], position?: string): FunctionImpl[] {
  const name = names[names.length - 1];
  const schema = names.length > 1 ? names[names.length - 2] : undefined;
  if (schema !== undefined && !BUILTIN_ALIASES.has(schema) && cat.namespaceOid(schema) === undefined) {
    throw new PgError(SQLSTATE.invalid_schema_name, `schema "${schema}" does not exist`, { position });
  }
  const builtins = schema === undefined || BUILTIN_ALIASES.has(schema)
    ? functionsNamed(name).filter((f) => !f.extension || cat.extensions.has(f.extension))
    : [];
  if (cat.functions.size === 0) return builtins as FunctionImpl[];
  const out: FunctionImpl[] = [];
  const add = (f: FunctionImpl): void => {
    if (!out.some((o) => sameArgs(o.argTypes, f.argTypes))) out.push(f);
  };
  // Built-ins may declare one signature twice (extension variants): keep them all.
  const addBuiltins = (): void => {
    const hidden = out.slice();
    for (const b of builtins) if (!hidden.some((o) => sameArgs(o.argTypes, b.argTypes))) out.push(b);
  };
  const addUser = (s: string): void => {
    const ns = cat.namespaceOid(s);
    if (ns !== undefined) for (const def of cat.functionsIn(ns, name)) if (def.kind !== 'a') add(userFunctionImpl(def));
  };
  if (schema === undefined) {
    for (const s of effectiveSearchPath(searchPath)) {
      if (s === 'pg_catalog') addBuiltins();
      else addUser(s);
    }
  } else {
    if (schema !== 'pg_catalog') addUser(schema);
    addBuiltins();
  }
  return out;
}
