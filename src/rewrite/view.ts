/**
 * View expansion: a view in FROM becomes its stored query, re-analyzed under the search path it
 * was created with. Postgres counterpart: src/backend/rewrite/rewriteHandler.c (ApplyRetrieveRule).
 * Known gap: Postgres binds a view to its tables by OID at creation; fauxgres re-reads the
 * stored SELECT, so renaming a table a view uses breaks the view instead of following the rename.
 */
import type { RelationDef } from '../catalog/objects.js';
import type { Query } from '../nodes/query.js';
import type { ParseState } from '../analyze/parse-state.js';
import { transformSelectStmt } from '../analyze/select.js';
import { parseScript } from '../parser/parse.js';

export function expandView(pstate: ParseState, view: RelationDef): Query {
  const info = view.view;
  if (!info) throw new Error('fauxgres internal: not a view');
  const raw = parseScript(info.text)[0].stmt as Record<string, any>;
  const session = pstate.stmt.session;
  const viewState = {
    ...pstate.stmt,
    sql: info.text,
    session: Object.assign(Object.create(session) as typeof session, {
      searchPath: () => (view as RelationDef & { viewSearchPath?: string[] }).viewSearchPath ?? session.searchPath(),
    }),
  };
  return transformSelectStmt(viewState, raw.SelectStmt);
}
