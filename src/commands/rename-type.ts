/**
 * ALTER TYPE / DOMAIN ... RENAME TO: a user type and its array type (`_name`); a standalone
 * composite type's relation too. Views and functions name types by OID, so they follow.
 * Postgres counterpart: src/backend/catalog/pg_type.c (RenameTypeInternal), commands/typecmds.c (RenameType).
 * Known gaps: renaming built-in types is 0A000; a clash of the array type's new name is not
 * resolved by extra underscores as makeArrayTypeName does (42710 instead).
 */
import { isSuperuser } from '../catalog/acl.js';
import { formatTypeName } from '../catalog/ruleutils/format-type.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Session } from '../session/session.js';
import { commandResult, type StatementResult } from '../session/dispatch.js';
import { lookupTypeName } from '../analyze/type-name.js';
import { truncateIdentifier } from './naming.js';

type AnyNode = Record<string, any>;

export function renameType(session: Session, n: AnyNode): StatementResult {
  const tag = n.renameType === 'OBJECT_DOMAIN' ? 'ALTER DOMAIN' : 'ALTER TYPE';
  const txn = session.transaction();
  const cat0 = txn.catalog;
  const sp = session.searchPath();
  const names = ((n.object?.List?.items ?? n.object?.TypeName?.names ?? []) as AnyNode[]).map((x) => x.String.sval as string);
  const oid = lookupTypeName(cat0, sp, names);
  if (oid === undefined) throw new PgError(SQLSTATE.undefined_object, `type "${names.join('.')}" does not exist`);
  const shown = (o: number) => formatTypeName(cat0, sp, o, null);
  const t = cat0.types.get(oid);
  if (n.renameType === 'OBJECT_DOMAIN' && t?.kind !== 'd') throw new PgError(SQLSTATE.wrong_object_type, `${shown(oid)} is not a domain`);
  if (!t) throw featureNotSupported(`RENAME of built-in type ${shown(oid)}`);
  const user = session.currentUser();
  if (user !== t.owner && !isSuperuser(cat0, user)) throw new PgError(SQLSTATE.insufficient_privilege, `must be owner of type ${shown(oid)}`);
  const rel = t.relation !== undefined ? cat0.relations.get(t.relation) : undefined;
  if (t.kind === 'c' && rel && rel.kind !== 'c') {
    throw new PgError(SQLSTATE.wrong_object_type, `${shown(oid)} is a table's row type`, { hint: 'Use ALTER TABLE instead.' });
  }
  if (t.elementType !== undefined && cat0.types.get(t.elementType)?.arrayType === t.oid) {
    throw new PgError(SQLSTATE.wrong_object_type, `cannot alter array type ${shown(oid)}`, { hint: `You can alter type ${shown(t.elementType)}, which will alter the array type as well.` });
  }
  const newName = truncateIdentifier(n.newname);
  const cat = txn.catalogForWrite();
  if (cat.typeIn(t.namespace, newName)) throw new PgError(SQLSTATE.duplicate_object, `type "${newName}" already exists`);
  cat.putType({ ...t, name: newName });
  const arr = t.arrayType !== undefined ? cat.types.get(t.arrayType) : undefined;
  if (arr) {
    const arrName = truncateIdentifier('_' + newName);
    if (cat.typeIn(t.namespace, arrName)) throw featureNotSupported(`renaming type ${shown(oid)} over an existing type "${arrName}"`);
    cat.putType({ ...arr, name: arrName });
  }
  if (rel && rel.kind === 'c') {
    if (cat.relationIn(rel.namespace, newName)) throw new PgError(SQLSTATE.duplicate_table, `relation "${newName}" already exists`);
    cat.putRelation({ ...rel, name: newName });
  }
  return commandResult(tag);
}
