/**
 * User-defined functions, procedures and triggers as the catalog rows read them: the catalog's
 * `functions` and `triggers` maps (filled by CREATE FUNCTION / CREATE TRIGGER), under the names
 * the catalog-row code uses.
 * Postgres counterpart: src/include/catalog/pg_proc.h, pg_trigger.h.
 */
import type { Catalog } from '../catalog.js';
import type { FunctionDef, FunctionParamDef, TriggerDef } from '../objects.js';

export type UserFunctionParam = FunctionParamDef;
export type UserFunction = FunctionDef;
export type UserTrigger = TriggerDef;

/** The catalog's user-defined functions and procedures. */
export function userFunctions(cat: Catalog): Iterable<UserFunction> {
  return cat.functions.values();
}

/** A user-defined function by OID. */
export function userFunction(cat: Catalog, oid: number): UserFunction | undefined {
  return cat.functions.get(oid);
}

/** The catalog's triggers. */
export function userTriggers(cat: Catalog): Iterable<UserTrigger> {
  return cat.triggers.values();
}

/** A trigger by OID. */
export function userTrigger(cat: Catalog, oid: number): UserTrigger | undefined {
  return cat.triggers.get(oid);
}

/** pg_language OID of a language name. */
export function languageOid(language: string): number {
  return language === 'sql' ? 14 : language === 'plpgsql' ? 13498 : language === 'c' ? 13 : 12;
}
