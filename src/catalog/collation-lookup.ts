/**
 * Finding a collation by name: the built-in ones (default, C, POSIX, ucs_basic, pg_c_utf8,
 * pg_unicode_fast, C.utf8, unicode and the ICU `<tag>-x-icu` collations, all in pg_catalog) and
 * the user collations of the catalog, through the search path (pg_catalog first unless listed),
 * and what depends on a user collation (for DROP COLLATION).
 *
 * Postgres counterpart: get_collation_oid() / CollationGetCollid() in
 * src/backend/catalog/namespace.c; findDependentObjects for collations (dependency.c).
 * Known gaps: expressions are keyed by the collation's name (see types/collation.ts), so views
 * and expressions using a user collation are not found as its dependents.
 */
import type { Catalog } from './catalog.js';
import type { CollationDef } from './objects.js';
import { registerUserCollation, textComparator, userCollation } from '../types/collation.js';
import { typeInfo } from '../types/registry.js';

/** Registers a catalog collation's comparator under its name (see types/collation.ts). */
export function registerCollationDef(c: CollationDef): void {
  const locale = c.provider === 'c' ? (c.collate ?? 'C') : (c.locale ?? 'und');
  registerUserCollation(c.name, { provider: c.provider, locale, deterministic: c.deterministic });
}

/** The built-in collation names (pg_catalog) that are not ICU `-x-icu` names. */
export const BUILTIN_COLLATIONS = new Set(['default', 'C', 'POSIX', 'ucs_basic', 'pg_c_utf8', 'pg_unicode_fast', 'C.utf8', 'unicode']);

/** pg_collation facts of a built-in collation. */
export interface BuiltinCollation {
  readonly provider: 'd' | 'c' | 'b' | 'i';
  readonly encoding: number;
  readonly collate: string | null;
  readonly locale: string | null;
  readonly version: string | null;
}

/** The pg_collation facts of a built-in collation name (see catalog/system/pg-misc.ts). */
export function builtinCollation(name: string): BuiltinCollation {
  switch (name) {
    case 'default':
      return { provider: 'd', encoding: -1, collate: null, locale: null, version: null };
    case 'C':
    case 'POSIX':
      return { provider: 'c', encoding: -1, collate: name, locale: null, version: null };
    case 'C.utf8':
      return { provider: 'c', encoding: 6, collate: 'C.utf8', locale: null, version: null };
    case 'ucs_basic':
      return { provider: 'b', encoding: 6, collate: null, locale: 'C', version: '1' };
    case 'pg_c_utf8':
      return { provider: 'b', encoding: 6, collate: null, locale: 'C.UTF-8', version: '1' };
    case 'pg_unicode_fast':
      return { provider: 'b', encoding: 6, collate: null, locale: 'PG_UNICODE_FAST', version: '1' };
    case 'unicode':
      return { provider: 'i', encoding: -1, collate: null, locale: 'und', version: '153.80' };
    default:
      return { provider: 'i', encoding: -1, collate: null, locale: name.slice(0, -'-x-icu'.length), version: '153.80' };
  }
}

function isBuiltinName(name: string): boolean {
  return BUILTIN_COLLATIONS.has(name) || (name.endsWith('-x-icu') && textComparator(name) !== undefined);
}

/** The user collation `name` of a schema. */
export function userCollationIn(cat: Catalog, ns: number, name: string): CollationDef | undefined {
  if (cat.collations.size === 0) return undefined;
  for (const c of cat.collations.values()) if (c.namespace === ns && c.name === name) return c;
  return undefined;
}

/**
 * The collation a (possibly schema-qualified) name denotes: a built-in's name, a user
 * collation, or undefined.
 */
export function lookupCollation(cat: Catalog, searchPath: readonly string[], parts: readonly string[]): CollationDef | string | undefined {
  const name = parts[parts.length - 1];
  if (parts.length > 1) {
    const schema = parts[parts.length - 2];
    if (schema === 'pg_catalog') return isBuiltinName(name) ? name : undefined;
    const ns = cat.namespaceOid(schema);
    return ns === undefined ? undefined : userCollationIn(cat, ns, name);
  }
  if (!searchPath.includes('pg_catalog') && isBuiltinName(name)) return name;
  for (const s of searchPath) {
    if (s === 'pg_catalog') {
      if (isBuiltinName(name)) return name;
      continue;
    }
    const ns = cat.namespaceOid(s);
    const c = ns === undefined ? undefined : userCollationIn(cat, ns, name);
    if (c) return c;
  }
  return undefined;
}

/**
 * The name expressions carry for a collation name, or undefined when no
 * such collation exists. A user collation is (re)registered with its comparator on the way.
 */
export function resolveCollationName(cat: Catalog, searchPath: readonly string[], parts: readonly string[]): string | undefined {
  const c = lookupCollation(cat, searchPath, parts);
  if (c === undefined) return undefined;
  if (typeof c === 'string') return c;
  const u = userCollation(c.name);
  const locale = c.provider === 'c' ? (c.collate ?? 'C') : (c.locale ?? 'und');
  if (!u || u.spec.provider !== c.provider || u.spec.locale !== locale || u.spec.deterministic !== c.deterministic) registerCollationDef(c);
  return c.name;
}

/** What depends on collation `name`: table and composite-type columns, domains, indexes. */
export function collationDependents(cat: Catalog, name: string): string[] {
  const out: string[] = [];
  for (const rel of cat.relations.values()) {
    if (rel.kind === 'i') {
      if (rel.index?.keys.some((k) => k.collation === name)) out.push(`index ${rel.name}`);
      continue;
    }
    for (const col of rel.columns) {
      if (col.dropped || col.collation !== name) continue;
      out.push(rel.kind === 'c' ? `column ${col.name} of composite type ${rel.name}` : `column ${col.name} of ${rel.kind === 'v' ? 'view' : rel.kind === 'm' ? 'materialized view' : 'table'} ${rel.name}`);
    }
  }
  for (const t of cat.types.values()) if (t.kind === 'd' && t.domain?.collation === name) out.push(`type ${t.name}`);
  return out;
}

/** pg_type.typcollation != 0: string types, and domains and arrays over them. */
export function isCollatableType(cat: Catalog, oid: number): boolean {
  let info = typeInfo(cat, oid);
  while (info.typtype === 'd' && info.baseType !== undefined) info = typeInfo(cat, info.baseType);
  if (info.category === 'A' && info.elem !== undefined) return isCollatableType(cat, info.elem);
  return info.category === 'S';
}

/** The collation a domain (or a domain over a domain) was declared with, if any. */
export function domainCollation(cat: Catalog, oid: number): string | undefined {
  for (let t = cat.types.get(oid); t?.kind === 'd' && t.domain; t = cat.types.get(t.domain.baseType)) {
    if (t.domain.collation !== undefined) return t.domain.collation;
  }
  return undefined;
}
