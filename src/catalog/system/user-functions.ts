/**
 * User-defined functions, procedures and triggers as the catalog rows read them. The catalog
 * holds them (CREATE FUNCTION / CREATE TRIGGER) as `functions` and `triggers` maps; this module
 * reads those maps through the narrow shapes below, so catalog rows do not depend on how the
 * function machinery evolves.
 * Postgres counterpart: src/include/catalog/pg_proc.h, pg_trigger.h.
 */
import type { Catalog } from '../catalog.js';
import type { StoredExpr } from '../objects.js';

/** One parameter: i IN, o OUT, b INOUT, v VARIADIC, t TABLE column. */
export interface UserFunctionParam {
  readonly name: string;
  readonly type: number;
  readonly mode: 'i' | 'o' | 'b' | 'v' | 't';
  readonly default?: StoredExpr;
}

/** What pg_proc shows of a user-defined function or procedure. */
export interface UserFunction {
  readonly oid: number;
  readonly name: string;
  readonly namespace: number;
  readonly owner: string;
  readonly kind: 'f' | 'p';
  readonly language: string;
  readonly params: readonly UserFunctionParam[];
  readonly argTypes: readonly number[];
  readonly returnType: number;
  readonly retset: boolean;
  readonly volatility: 'i' | 's' | 'v';
  readonly strict: boolean;
  readonly securityDefiner: boolean;
  readonly leakproof: boolean;
  readonly parallel: 's' | 'r' | 'u';
  readonly cost: number;
  readonly rows: number;
  readonly config: readonly string[];
  readonly body: string;
}

/** What pg_trigger shows of a trigger. */
export interface UserTrigger {
  readonly oid: number;
  readonly name: string;
  readonly relation: number;
  readonly function: number;
  readonly timing: 'before' | 'after' | 'instead';
  readonly events: { readonly insert: boolean; readonly update: boolean; readonly delete: boolean; readonly truncate: boolean };
  readonly level: 'row' | 'statement';
  readonly updateColumns: readonly number[];
  readonly when?: StoredExpr;
  readonly args: readonly string[];
  readonly enabled: 'O' | 'D' | 'R' | 'A';
  readonly constraint?: { readonly deferrable: boolean; readonly initiallyDeferred: boolean };
  readonly oldTable?: string;
  readonly newTable?: string;
}

interface WithUserObjects {
  readonly functions?: ReadonlyMap<number, UserFunction>;
  readonly triggers?: ReadonlyMap<number, UserTrigger>;
}

/** The catalog's user-defined functions and procedures (none when the catalog has no such map). */
export function userFunctions(cat: Catalog): Iterable<UserFunction> {
  return (cat as unknown as WithUserObjects).functions?.values() ?? [];
}

/** A user-defined function by OID. */
export function userFunction(cat: Catalog, oid: number): UserFunction | undefined {
  return (cat as unknown as WithUserObjects).functions?.get(oid);
}

/** The catalog's triggers. */
export function userTriggers(cat: Catalog): Iterable<UserTrigger> {
  return (cat as unknown as WithUserObjects).triggers?.values() ?? [];
}

/** A trigger by OID. */
export function userTrigger(cat: Catalog, oid: number): UserTrigger | undefined {
  return (cat as unknown as WithUserObjects).triggers?.get(oid);
}

/** pg_language OID of a language name. */
export function languageOid(language: string): number {
  return language === 'sql' ? 14 : language === 'plpgsql' ? 13498 : language === 'c' ? 13 : 12;
}
