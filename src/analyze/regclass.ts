/**
 * regclass / regtype input and output: relation and type names resolved through the search path.
 * Postgres counterpart: src/backend/utils/adt/regproc.c.
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { ExprRuntime } from '../nodes/primnodes.js';
import type { Catalog } from '../catalog/catalog.js';
import { formatType, quoteIdentIfNeeded } from '../types/registry.js';
import { lookupTypeName } from './type-name.js';

/** Splits `a.b` / `"A".b` into identifiers, lowercasing unquoted parts like the lexer. */
export function splitQualifiedName(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  const s = text.trim();
  while (i < s.length) {
    if (s[i] === '"') {
      let j = i + 1;
      let part = '';
      while (j < s.length) {
        if (s[j] === '"') {
          if (s[j + 1] === '"') {
            part += '"';
            j += 2;
            continue;
          }
          break;
        }
        part += s[j++];
      }
      out.push(part);
      i = j + 1;
    } else {
      let j = i;
      while (j < s.length && s[j] !== '.') j++;
      out.push(s.slice(i, j).trim().toLowerCase());
      i = j;
    }
    if (s[i] === '.') i++;
  }
  return out;
}

export function lookupRelationOid(cat: Catalog, searchPath: readonly string[], parts: string[]): number | undefined {
  if (parts.length === 2) {
    const ns = cat.namespaceOid(parts[0]);
    if (ns === undefined) throw new PgError(SQLSTATE.invalid_schema_name, `schema "${parts[0]}" does not exist`);
    return cat.relationIn(ns, parts[1])?.oid;
  }
  for (const schema of ['pg_catalog', ...searchPath]) {
    const ns = cat.namespaceOid(schema);
    if (ns === undefined) continue;
    const r = cat.relationIn(ns, parts[0]);
    if (r) return r.oid;
  }
  return undefined;
}

export function regclassIn(rt: ExprRuntime, text: string): number {
  if (/^\d+$/.test(text.trim())) return Number(text.trim());
  const cat = rt.session.catalog();
  const parts = splitQualifiedName(text);
  const oid = lookupRelationOid(cat, rt.session.searchPath(), parts);
  if (oid === undefined) throw new PgError(SQLSTATE.undefined_table, `relation "${text}" does not exist`);
  return oid;
}

export function regclassOut(rt: ExprRuntime, oid: number): string {
  const cat = rt.session.catalog();
  const rel = cat.relations.get(oid);
  if (!rel) return String(oid);
  const visible = lookupRelationOid(cat, rt.session.searchPath(), [rel.name]) === oid;
  const name = quoteIdentIfNeeded(rel.name);
  return visible ? name : quoteIdentIfNeeded(cat.namespaceName(rel.namespace)) + '.' + name;
}

export function regtypeIn(rt: ExprRuntime, text: string): number {
  if (/^\d+$/.test(text.trim())) return Number(text.trim());
  const cat = rt.session.catalog();
  const parts = splitQualifiedName(text);
  const oid = lookupTypeName(cat, rt.session.searchPath(), parts);
  if (oid === undefined) throw new PgError(SQLSTATE.undefined_object, `type "${text}" does not exist`);
  return oid;
}

export function regtypeOut(rt: ExprRuntime, oid: number): string {
  try {
    return formatType(rt.session.catalog(), oid);
  } catch {
    return String(oid);
  }
}
