/**
 * The naming context ruleutils prints with: a relation's column names, types named as
 * format_type names them, relations named as regclass output names them (bare when visible).
 * Postgres counterpart: src/backend/utils/adt/ruleutils.c (deparse_context_for, generate_relation_name).
 */
import type { Catalog } from '../catalog.js';
import type { RelationDef } from '../objects.js';
import type { DeparseContext } from '../deparse.js';
import type { SessionContext } from '../../session/session-context.js';
import { quoteIdent } from '../../functions/builtins/quote.js';
import { relationIsVisible } from '../system/common.js';
import { systemRelationByOid } from '../system/registry.js';
import { formatTypeName } from './format-type.js';

/** A relation's name, schema-qualified unless the search path finds it by its bare name. */
export function relationName(cat: Catalog, searchPath: readonly string[], oid: number): string {
  const rel = cat.relations.get(oid);
  if (!rel) {
    const sys = systemRelationByOid(oid);
    if (!sys) return String(oid);
    return relationIsVisible(cat, searchPath, sys.namespace, sys.name) ? quoteIdent(sys.name) : `${sys.schema}.${quoteIdent(sys.name)}`;
  }
  const name = quoteIdent(rel.name);
  return relationIsVisible(cat, searchPath, rel.namespace, rel.name) ? name : `${quoteIdent(cat.namespaceName(rel.namespace))}.${name}`;
}

/** A relation's name, always schema-qualified. */
export function qualifiedRelationName(cat: Catalog, oid: number): string {
  const rel = cat.relations.get(oid);
  if (!rel) {
    const sys = systemRelationByOid(oid);
    return sys ? `${sys.schema}.${quoteIdent(sys.name)}` : String(oid);
  }
  return `${quoteIdent(cat.namespaceName(rel.namespace))}.${quoteIdent(rel.name)}`;
}

/** The deparse context for expressions over `rel`'s columns (or over a domain's VALUE). */
export function deparseContextFor(
  cat: Catalog,
  session: SessionContext,
  rel: RelationDef | undefined,
  opts: { pretty?: boolean; fallback?: string; domainValue?: boolean } = {},
): DeparseContext {
  const sp = session.searchPath();
  return {
    cat,
    pretty: opts.pretty,
    fallback: opts.fallback,
    columnName: (a) => (opts.domainValue ? 'VALUE' : (rel?.columns[a - 1]?.name ?? `column${a}`)),
    rawColumnNames: opts.domainValue,
    typeName: (oid, typmod) => formatTypeName(cat, sp, oid, typmod),
    relationName: (oid) => relationName(cat, sp, oid),
  };
}
