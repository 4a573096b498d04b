/**
 * pg_get_viewdef(): a view's query as Postgres prints it (see querydef.ts), ending with `;`.
 * The stored SELECT is re-analyzed under the search path the view was created with; names are
 * printed for the current search path.
 * Postgres counterpart: src/backend/utils/adt/ruleutils.c (pg_get_viewdef_worker).
 * Known gaps: a query querydef.ts cannot print gives NULL.
 */
import { applyBinding } from '../../rewrite/view-binding.js';
import type { Catalog } from '../catalog.js';
import type { RelationDef } from '../objects.js';
import type { SessionContext } from '../../session/session-context.js';
import type { Query } from '../../nodes/query.js';
import { transformSelectStmt } from '../../analyze/select.js';
import { Unprintable } from '../deparse.js';
import { topQueryText } from './querydef.js';

const analyzed = new WeakMap<Catalog, { version: number; map: Map<number, Query> }>();

/** The view's stored query, analyzed (cached per catalog version). */
export function viewQuery(cat: Catalog, session: SessionContext, view: RelationDef): Query {
  let entry = analyzed.get(cat);
  if (!entry || entry.version !== cat.version) analyzed.set(cat, (entry = { version: cat.version, map: new Map() }));
  const m = entry.map;
  let q = m.get(view.oid);
  if (!q) {
    const info = view.view!;
    const viewSession = Object.assign(Object.create(session) as SessionContext, { searchPath: () => info.searchPath, catalog: () => cat });
    q = transformSelectStmt({ catalog: cat, session: viewSession, sql: info.text, paramTypes: [], inferParams: false, volatileSeen: false, noFold: true, skipSecurity: true, ...applyBinding(info) }, info.raw as Record<string, unknown>);
    m.set(view.oid, q);
  }
  return q;
}

/** The view's definition, or null when it cannot be printed. */
export function viewDefinition(cat: Catalog, session: SessionContext, view: RelationDef, pretty: boolean, wrapColumn = 0): string | null {
  if (!view.view) return null;
  try {
    const names = view.columns.filter((c) => !c.dropped).map((c) => c.name);
    return topQueryText(cat, session, viewQuery(cat, session, view), pretty, names, wrapColumn) + ';';
  } catch (e) {
    if (e instanceof Unprintable) return null;
    throw e;
  }
}
