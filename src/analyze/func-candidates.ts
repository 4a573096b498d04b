/**
 * The functions a call may resolve to: built-ins (pg_catalog, functions/registry.ts) and user
 * functions from the catalog, found through the search path. A user function whose argument
 * types equal those of a function in a schema searched earlier is hidden by it, as Postgres's
 * FuncnameGetCandidates does (pg_catalog is searched first unless the path names it later).
 *
 * Postgres counterpart: src/backend/catalog/namespace.c (FuncnameGetCandidates).
 */
import { explicitSchemaName } from './relation.js';
import type { Catalog } from '../catalog/catalog.js';
import type { FunctionDef } from '../catalog/objects.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { functionsNamed, type FunctionImpl } from '../functions/registry.js';
import { userFunctionImpl } from '../functions/user-functions.js';

/**
 * The schema an installed extension's built-in function lives in (the one CREATE EXTENSION put
 * it in), or undefined when the extension is not installed; core built-ins are in pg_catalog.
 */
export function builtinSchema(cat: Catalog, f: { readonly extension?: string }): string | undefined {
  if (!f.extension) return 'pg_catalog';
  const ext = cat.extensions.get(f.extension);
  return ext ? cat.namespaceName(ext.namespace) : undefined;
}

/** The effective search path: pg_catalog first unless listed explicitly. */
export function effectiveSearchPath(searchPath: readonly string[]): string[] {
  return searchPath.includes('pg_catalog') ? [...searchPath] : ['pg_catalog', ...searchPath];
}

/** User functions (and procedures) named `name` visible through `searchPath`, earlier schemas first. */
export function userFunctionsNamed(cat: Catalog, searchPath: readonly string[], name: string, schema?: string): FunctionDef[] {
  if (cat.functions.size === 0) return [];
  if (schema !== undefined) {
    const ns = cat.namespaceOid(explicitSchemaName(searchPath, schema));
    return ns === undefined ? [] : cat.functionsIn(ns, name);
  }
  const out: FunctionDef[] = [];
  for (const s of searchPath) {
    // The temporary schema is never searched for functions (only named explicitly).
    if (s.startsWith('pg_temp_')) continue;
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
  const schema = names.length > 1 ? explicitSchemaName(searchPath, names[names.length - 2]) : undefined;
  if (schema !== undefined && schema !== 'pg_catalog' && cat.namespaceOid(schema) === undefined) {
    throw new PgError(SQLSTATE.invalid_schema_name, `schema "${schema}" does not exist`, { position });
  }
  // Built-ins by schema: core ones in pg_catalog, an extension's in the schema it was created in.
  const all = functionsNamed(name);
  const builtinsIn = (s: string): readonly FunctionImpl[] => (all.some((f) => f.extension) ? all.filter((f) => builtinSchema(cat, f) === s) : s === 'pg_catalog' ? all : []);
  if (cat.functions.size === 0 && !all.some((f) => f.extension)) return (schema === undefined || schema === 'pg_catalog' ? all : []) as FunctionImpl[];
  const out: FunctionImpl[] = [];
  const add = (f: FunctionImpl): void => {
    if (!out.some((o) => sameArgs(o.argTypes, f.argTypes))) out.push(f);
  };
  // Built-ins may declare one signature twice (extension variants): keep them all.
  const addBuiltins = (s: string): void => {
    const hidden = out.slice();
    for (const b of builtinsIn(s)) if (!hidden.some((o) => sameArgs(o.argTypes, b.argTypes))) out.push(b);
  };
  const addUser = (s: string): void => {
    const ns = cat.namespaceOid(s);
    if (ns !== undefined) for (const def of cat.functionsIn(ns, name)) if (def.kind !== 'a') add(userFunctionImpl(def));
  };
  for (const s of schema === undefined ? effectiveSearchPath(searchPath) : [schema]) {
    if (schema === undefined && s.startsWith('pg_temp_')) continue;
    if (s !== 'pg_catalog') addUser(s);
    addBuiltins(s);
  }
  return out;
}
