/**
 * pg_get_indexdef(): the CREATE INDEX statement of an index, or one of its key columns.
 * Plain mode names the table schema-qualified; pretty mode only when it is not visible.
 * Postgres counterpart: src/backend/utils/adt/ruleutils.c (pg_get_indexdef_worker).
 * Known gaps: operator classes other than the default are not printed.
 */
import type { Catalog } from '../catalog.js';
import type { RelationDef } from '../objects.js';
import type { SessionContext } from '../../session/session-context.js';
import { quoteIdent } from '../../functions/builtins/quote.js';
import { deparseExpr } from '../deparse.js';
import { flattenRelOptions } from '../../commands/reloptions.js';
import { extensionOpclassText } from '../../commands/extension-opclasses.js';
import { deparseContextFor, qualifiedRelationName, relationName } from './context.js';

/**
 * pg_get_indexdef(index, column, pretty): column 0 gives the whole statement, column n (1-based)
 * only that key's text (with no sort options); an out-of-range column gives ''.
 */
export function indexDef(cat: Catalog, session: SessionContext, idx: RelationDef, column = 0, pretty = false): string {
  const info = idx.index!;
  const table = cat.relation(info.relation);
  const ctx = deparseContextFor(cat, session, table, { pretty });
  const keyText = (i: number): string => {
    const k = info.keys[i];
    if (k.attnum) return quoteIdent(table.columns[k.attnum - 1].name);
    const e = deparseExpr({ ...ctx, fallback: k.expr!.text }, k.expr!.expr);
    // A function call needs no parentheses of its own; any other expression does.
    const isCall = k.expr!.expr.kind === 'FuncExpr' && /^[a-z_][a-z0-9_]*\(/.test(e);
    if (column > 0 || isCall) return e;
    return `(${e})`;
  };
  if (column > 0) {
    if (column <= info.keys.length) return keyText(column - 1);
    if (column <= info.keys.length + info.include.length) return quoteIdent(table.columns[info.include[column - info.keys.length - 1] - 1].name);
    return '';
  }
  const keys = info.keys.map((k, i) => {
    let s = keyText(i);
    if (k.collation && k.collation !== 'default' && k.attnum && table.columns[k.attnum - 1].collation !== k.collation) s += ` COLLATE ${quoteIdent(k.collation)}`;
    if (k.opclassExtension) {
      if (!k.opclassDefault || k.opclassOptions) s += ` ${extensionOpclassText(cat, session.searchPath(), k)}`;
    }
    else if (k.opclass) s += ` ${k.opclass}`;
    if (k.descending) s += ' DESC';
    if (k.descending && !k.nullsFirst) s += ' NULLS LAST';
    if (!k.descending && k.nullsFirst) s += ' NULLS FIRST';
    return s;
  });
  const tableName = pretty ? relationName(cat, session.searchPath(), table.oid) : qualifiedRelationName(cat, table.oid);
  let s = `CREATE ${info.unique ? 'UNIQUE ' : ''}INDEX ${quoteIdent(idx.name)} ON ${table.kind === 'p' ? 'ONLY ' : ''}${tableName} USING ${info.method} (${keys.join(', ')})`;
  if (info.include.length) s += ` INCLUDE (${info.include.map((a) => quoteIdent(table.columns[a - 1].name)).join(', ')})`;
  if (info.nullsNotDistinct) s += ' NULLS NOT DISTINCT';
  if (idx.options?.length) s += ` WITH (${flattenRelOptions(idx.options)})`;
  if (info.predicate) s += ` WHERE ${deparseExpr({ ...ctx, fallback: info.predicate.text }, info.predicate.expr)}`;
  return s;
}
