/**
 * Temporary tables: each session's own schema `pg_temp_N` (created with its first temporary
 * table, searched before the search path, reachable as `pg_temp`), the ON COMMIT actions
 * (PRESERVE ROWS, DELETE ROWS, DROP), DISCARD TEMP / ALL, and the cleanup when the session ends.
 *
 * Postgres counterpart: src/backend/catalog/namespace.c (InitTempTableNamespace,
 * RemoveTempRelations), commands/tablecmds.c (PreCommit_on_commit_actions), commands/discard.c.
 * Known gaps: other sessions may read a temporary table through its pg_temp_N name (Postgres
 * refuses); PREPARE TRANSACTION does not track temporary-object access (it always gives the
 * max_prepared_transactions = 0 error, not "cannot PREPARE a transaction that has operated on
 * temporary objects"); an explicit `pg_temp` first in search_path is not a creation target.
 */
import { charOffset } from '../analyze/parse-state.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Session } from '../session/session.js';
import type { Catalog } from '../catalog/catalog.js';
import { commandResult, type StatementResult } from '../session/dispatch.js';
import { tempSchemaNameFor } from '../session/temp-schema.js';
import { cursorsOf } from '../session/cursors.js';

type AnyNode = Record<string, any>;

/** The name of a session's temporary schema (Postgres numbers them by backend slot). */
export function tempSchemaName(session: Session): string {
  return tempSchemaNameFor(session.pid);
}

/** The session's temporary schema oid, created (in the running transaction) when `create`. */
export function tempNamespace(session: Session, create: boolean): number | undefined {
  const name = tempSchemaName(session);
  const txn = session.transaction();
  const ns = txn.catalog.namespaceOid(name);
  if (ns !== undefined || !create) return ns;
  const oid = session.db.newOid();
  txn.catalogForWrite().putNamespace({ oid, name, owner: session.currentUser() });
  session.hasTempSchema = true;
  return oid;
}

/**
 * Where CREATE TEMP TABLE puts the table: the session's temporary schema; naming another schema is
 * 42P16, as in Postgres.
 */
export function tempTableNamespace(session: Session, schema: string | undefined, position: string | undefined): number {
  if (schema !== undefined && schema !== 'pg_temp' && schema !== tempSchemaName(session)) {
    throw new PgError(SQLSTATE.invalid_table_definition, 'cannot create temporary relation in non-temporary schema', { position });
  }
  return tempNamespace(session, true) as number;
}

/**
 * RangeVarAdjustRelationPersistence: a relation created as `pg_temp.name` is temporary (an
 * UNLOGGED one is 42P16). Returns `stmt` with its RangeVar `key` adjusted (parse trees are
 * cached: never mutated).
 */
export function adjustPersistence<T extends AnyNode>(stmt: T, key: string, sql?: string): T {
  const rv = stmt[key] as AnyNode | undefined;
  if (!rv || rv.relpersistence === 't' || (rv.schemaname !== 'pg_temp' && !String(rv.schemaname ?? '').startsWith('pg_temp_'))) return stmt;
  if (rv.relpersistence === 'u') {
    const position = sql !== undefined && typeof rv.location === 'number' && rv.location >= 0 ? String(charOffset(sql, rv.location) + 1) : undefined;
    throw new PgError(SQLSTATE.invalid_table_definition, 'only temporary relations may be created in temporary schemas', { position });
  }
  return { ...stmt, [key]: { ...rv, relpersistence: 't' } };
}

/** Checks ON COMMIT and records its action for a new temporary table. */
export function registerOnCommit(session: Session, relOid: number, temp: boolean, onCommit: string | undefined): void {
  if (!onCommit || onCommit === 'ONCOMMIT_NOOP') return;
  if (!temp) throw new PgError(SQLSTATE.invalid_table_definition, 'ON COMMIT can only be used on temporary tables');
  if (onCommit === 'ONCOMMIT_DROP') session.transaction().addOnCommitDrop(relOid);
  else if (onCommit === 'ONCOMMIT_DELETE_ROWS') session.tempDeleteRows.add(relOid);
}

/**
 * Runs before a commit: drops the ON COMMIT DROP tables of the transaction (their DROP commits
 * with it) and empties the ON COMMIT DELETE ROWS tables.
 */
export function preCommitTempActions(session: Session): void {
  const txn = session.txn;
  if (!txn || (!txn.onCommitDrop.length && !session.tempDeleteRows.size)) return;
  const cat = txn.catalog;
  const drops = txn.onCommitDrop.filter((oid) => cat.relations.has(oid));
  if (drops.length) {
    const names = drops.map((oid) => {
      const r = cat.relation(oid);
      return `${quote(cat.namespaceName(r.namespace))}.${quote(r.name)}`;
    });
    session.runInternal(`DROP TABLE IF EXISTS ${names.join(', ')} CASCADE`);
  }
  if (session.tempDeleteRows.size) {
    const live = [...session.tempDeleteRows].filter((oid) => txn.catalog.relations.has(oid));
    if (live.length !== session.tempDeleteRows.size) session.tempDeleteRows = new Set(live);
    if (live.length) {
      checkOnCommitForeignKeys(txn.catalog, live);
      // Only the session can see its temporary tables, so emptying them in place is safe.
      for (const oid of live) {
        const rel = txn.catalog.relation(oid);
        session.db.heaps.delete(rel.filenode);
        for (const idx of txn.catalog.relationIndexes(oid)) session.db.indexes.delete(idx.filenode);
      }
    }
  }
}

/**
 * heap_truncate_check_FKs for the ON COMMIT DELETE ROWS tables: a table referencing one of them
 * must be emptied too, else the commit fails.
 */
function checkOnCommitForeignKeys(cat: Catalog, oids: readonly number[]): void {
  const set = new Set(oids);
  for (const oid of oids) {
    for (const fk of cat.referencingForeignKeys(oid)) {
      if (set.has(fk.relation)) continue;
      throw new PgError(SQLSTATE.feature_not_supported, 'unsupported ON COMMIT and foreign key combination', {
        detail: `Table "${cat.relation(fk.relation).name}" references "${cat.relation(oid).name}", but they do not have the same ON COMMIT setting.`,
      });
    }
  }
}

function quote(s: string): string {
  return '"' + s.replace(/"/g, '""') + '"';
}

/** Drops every temporary object of the session (DISCARD TEMP, session end). */
export function dropTempObjects(session: Session): void {
  const name = tempSchemaName(session);
  const cat = session.catalog();
  const ns = cat.namespaceOid(name);
  if (ns === undefined) return;
  // (the session's own objects go whatever its current role: RemoveTempRelations checks no privileges)
  const savedUser = session.settings.currentUser;
  session.settings.currentUser = cat.namespaces.get(ns)?.owner ?? savedUser;
  try {
    session.runInternal(`DROP SCHEMA ${quote(name)} CASCADE`);
  } finally {
    session.settings.currentUser = savedUser;
  }
  session.tempDeleteRows.clear();
}

/** DISCARD ALL | PLANS | SEQUENCES | TEMP. */
export function discard(session: Session, n: AnyNode): StatementResult {
  switch (n.target) {
    case 'DISCARD_ALL':
      session.preventInTransactionBlock('DISCARD ALL');
      // (discard.c DiscardAll: portals, the session authorization, settings, prepared statements, LISTENs, ...)
      cursorsOf(session).map.clear();
      session.setSetting('role', 'none', false);
      session.setSetting('session_authorization', session.user, false);
      session.settings.resetAll();
      session.notifyAction({ kind: 'unlisten_all' });
      session.deallocateAll();
      session.releaseAdvisoryLocks();
      dropTempObjects(session);
      session.discardSequences();
      return commandResult('DISCARD ALL');
    case 'DISCARD_PLANS':
      return commandResult('DISCARD PLANS');
    case 'DISCARD_SEQUENCES':
      session.discardSequences();
      return commandResult('DISCARD SEQUENCES');
    case 'DISCARD_TEMP':
    default:
      dropTempObjects(session);
      return commandResult('DISCARD TEMP');
  }
}
