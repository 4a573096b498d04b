/**
 * ALTER SCHEMA ... RENAME TO. Objects keep their schema by OID; views follow (they are bound by
 * OID, rewrite/view-binding.ts). Function bodies kept as text that name the old schema break, as
 * PL/pgSQL bodies do in Postgres.
 * Postgres counterpart: src/backend/commands/schemacmds.c (RenameSchema).
 * Known gaps: SQL-standard function bodies (BEGIN ATOMIC) are re-read by name, so those naming the
 * old schema break here (Postgres binds them by OID).
 */
import { checkOwner } from '../catalog/acl.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Session } from '../session/session.js';
import { commandResult, type StatementResult } from '../session/dispatch.js';
import { truncateIdentifier } from './naming.js';

type AnyNode = Record<string, any>;

export function renameSchema(session: Session, n: AnyNode): StatementResult {
  const txn = session.transaction();
  const oldName = n.subname as string;
  const oid = txn.catalog.namespaceOid(oldName);
  if (oid === undefined) throw new PgError(SQLSTATE.invalid_schema_name, `schema "${oldName}" does not exist`);
  const newName = truncateIdentifier(n.newname as string);
  if (txn.catalog.namespaceOid(newName) !== undefined) throw new PgError(SQLSTATE.duplicate_schema, `schema "${newName}" already exists`);
  const ns = txn.catalog.namespaces.get(oid)!;
  checkOwner(txn.catalog, session.currentUser(), ns.owner, 'schema', oldName);
  if (newName.startsWith('pg_')) {
    throw new PgError(SQLSTATE.reserved_name, `unacceptable schema name "${newName}"`, { detail: 'The prefix "pg_" is reserved for system schemas.' });
  }
  const cat = txn.catalogForWrite();
  cat.removeNamespace(oid);
  cat.putNamespace({ ...ns, name: newName });
  return commandResult('ALTER SCHEMA');
}
