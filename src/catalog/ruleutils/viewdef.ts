/**
 * pg_get_viewdef(): a view's query as Postgres prints it.
 * Postgres counterpart: src/backend/utils/adt/ruleutils.c (pg_get_viewdef_worker, get_query_def).
 * Known gaps: not implemented yet (NULL).
 */
import type { Catalog } from '../catalog.js';
import type { RelationDef } from '../objects.js';
import type { SessionContext } from '../../session/session-context.js';

/** The view's definition, or null when it cannot be printed. */
export function viewDefinition(cat: Catalog, session: SessionContext, view: RelationDef, pretty: boolean): string | null {
  void cat;
  void session;
  void view;
  void pretty;
  return null;
}
