/**
 * REFRESH MATERIALIZED VIEW [CONCURRENTLY] name [WITH [NO] DATA]: the view's query runs again
 * and replaces its rows (new storage for the heap and its indexes, as TRUNCATE gives, so a
 * rollback brings the old rows back). CONCURRENTLY needs a populated view and a unique index
 * without WHERE on plain columns; its result is the same here (no concurrent readers wait on
 * an in-memory refresh), except that duplicate rows are refused as Postgres refuses them.
 * Postgres counterpart: src/backend/commands/matview.c.
 */
import { applyBinding } from '../rewrite/view-binding.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { RelationDef } from '../catalog/objects.js';
import type { Session } from '../session/session.js';
import { commandResult, type StatementResult } from '../session/dispatch.js';
import { openRelation } from '../analyze/relation.js';
import { transformSelectStmt } from '../analyze/select.js';
import { statementState, makeExecContext } from '../session/run-select.js';
import { planSelect, withPlanningCatalog } from '../plan/planner.js';
import { insertIndexEntry } from './unique-check.js';
import { writeRows } from './create-table-as.js';
import type { Value } from '../types/values.js';
import { checkRelation } from '../catalog/acl.js';

type AnyNode = Record<string, any>;

export function refreshMatview(session: Session, n: AnyNode, sql: string): StatementResult {
  const rv = n.relation as AnyNode;
  const txn = session.transaction();
  // Postgres reports a missing relation here without a position (RangeVarGetRelid in matview.c).
  void sql;
  const rel = openRelation(txn.catalog, session.searchPath(), { schema: rv.schemaname, name: rv.relname });
  // (RangeVarCallbackMaintainsTable: the MAINTAIN privilege, before the relation's kind)
  checkRelation(txn.catalog, session.currentUser(), rel, 'm');
  if (rel.kind !== 'm') throw new PgError(SQLSTATE.feature_not_supported, `"${rel.name}" is not a materialized view`);
  const withData = !n.skipData;
  if (n.concurrent) {
    if (!withData) throw new PgError(SQLSTATE.syntax_error, 'CONCURRENTLY and WITH NO DATA options cannot be used together');
    if (!rel.view?.populated) throw new PgError(SQLSTATE.feature_not_supported, 'CONCURRENTLY cannot be used when the materialized view is not populated');
    const hasUnique = txn.catalog.relationIndexes(rel.oid).some((i) => i.index?.unique && !i.index.predicate && i.index.keys.every((k) => k.attnum > 0));
    if (!hasUnique) {
      throw new PgError(SQLSTATE.object_not_in_prerequisite_state, `cannot refresh materialized view "${txn.catalog.namespaceName(rel.namespace)}.${rel.name}" concurrently`, {
        hint: 'Create a unique index with no WHERE clause on one or more columns of the materialized view.',
      });
    }
  }
  let rows: Value[][] = [];
  if (withData) {
    const view = rel.view!;
    // The stored query, under the search path and bindings of its creation.
    const sub = Object.assign(Object.create(session) as Session, { searchPath: () => view.searchPath });
    const state = statementState(sub, view.text, []);
    const q = transformSelectStmt({ ...state, inferParams: false, ...applyBinding(view) }, view.raw as AnyNode);
    const cat = session.catalog();
    const planned = withPlanningCatalog(cat, () => planSelect(q, undefined, cat));
    const ctx = makeExecContext(session, []);
    for (const r of planned.plan.run(ctx, undefined)) rows.push(r.length > rel.columns.length ? r.slice(0, rel.columns.length) : [...r]);
    if (n.concurrent) checkNoDuplicateRows(rel, rows);
  }
  // New, empty storage for the view and its indexes, then the rows.
  const cat = txn.catalogForWrite();
  const fresh = session.db.newOid();
  txn.droppedFilenodes.add(rel.filenode);
  txn.createdFilenodes.add(fresh);
  const next: RelationDef = { ...cat.relation(rel.oid), filenode: fresh, view: { ...rel.view!, populated: withData } };
  cat.putRelation(next);
  const indexes = cat.relationIndexes(rel.oid).map((idx) => {
    const f2 = session.db.newOid();
    txn.droppedFilenodes.add(idx.filenode);
    txn.createdFilenodes.add(f2);
    const r2 = { ...idx, filenode: f2 };
    cat.putRelation(r2);
    return r2;
  });
  const tids = writeRows(session, next, rows);
  if (indexes.length) {
    const ctx = makeExecContext(session, []);
    rows.forEach((r, i) => {
      for (const idx of indexes) insertIndexEntry(ctx, cat, next, idx, r, tids[i], true);
    });
  }
  return commandResult('REFRESH MATERIALIZED VIEW');
}

/** CONCURRENTLY compares old and new rows by whole-row equality, so it refuses duplicate rows. */
function checkNoDuplicateRows(rel: RelationDef, rows: readonly Value[][]): void {
  const seen = new Set<string>();
  for (const r of rows) {
    if (r.some((v) => v === null)) continue;
    const k = JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? v.toString() + 'n' : v));
    if (seen.has(k)) {
      throw new PgError(SQLSTATE.cardinality_violation, `new data for materialized view "${rel.name}" contains duplicate rows without any null columns`, {
        detail: `Row: ${'(' + r.map(String).join(',') + ')'}`,
      });
    }
    seen.add(k);
  }
}
