/**
 * View expansion: a view in FROM becomes its stored query, re-analyzed under the search path it
 * was created with and bound to the objects its names resolved to then (view-binding.ts), so
 * renames and schema moves leave it reading the same tables, columns, functions and types.
 * Postgres counterpart: src/backend/rewrite/rewriteHandler.c (ApplyRetrieveRule).
 */
import { applyBinding } from './view-binding.js';
import type { RelationDef } from '../catalog/objects.js';
import type { Query } from '../nodes/query.js';
import type { ParseState } from '../analyze/parse-state.js';
import { transformSelectStmt } from '../analyze/select.js';
import { deferViewChecks } from '../analyze/permissions.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';

export function expandView(pstate: ParseState, view: RelationDef): Query {
  const info = view.view;
  if (!info) throw new Error('fauxgres internal: not a view');
  const session = pstate.stmt.session;
  // (a view reached again from its own expansion: through policies, as views cannot name themselves)
  if (pstate.stmt.rlsActive?.includes(view.oid)) throw new PgError(SQLSTATE.invalid_object_definition, `infinite recursion detected in rules for relation "${view.name}"`);
  const deferred: { q: Query; run: () => void }[] = [];
  const viewState = {
    ...pstate.stmt,
    // The view's own names: variables of a calling function body are not visible inside it.
    columnRefHook: undefined,
    procedureCallAt: undefined,
    sql: info.text,
    // Tables inside a view are read with its owner's privileges and policies; a security_invoker
    // view's with the current user's, even below another view (ApplyRetrieveRule leaves checkAsUser unset).
    asUser: info.securityInvoker ? undefined : view.owner,
    session: Object.assign(Object.create(session) as typeof session, { searchPath: () => info.searchPath }),
    deferredPerms: deferred,
    rlsActive: [...(pstate.stmt.rlsActive ?? []), view.oid],
    ...applyBinding(info),
  };
  const q = transformSelectStmt(viewState, info.raw as Record<string, unknown>);
  deferViewChecks(pstate.query, q, deferred);
  return q;
}
