/**
 * Column storage and compression: ALTER TABLE ... ALTER COLUMN ... SET STORAGE / SET COMPRESSION,
 * and the STORAGE / COMPRESSION clauses of CREATE TABLE and ADD COLUMN (pg_attribute.attstorage,
 * attcompression). fauxgres keeps values in memory, so these settings are catalog facts only.
 * Postgres counterpart: src/backend/commands/tablecmds.c (ATExecSetStorage, ATExecSetCompression,
 * GetAttributeStorage, GetAttributeCompression, SetIndexStorageProperties).
 * Known gaps: lz4 is refused as by a server built without lz4 (as the oracle is).
 */
import type { Catalog } from '../catalog/catalog.js';
import type { ColumnDef, RelationDef } from '../catalog/objects.js';
import { typeFacts } from '../catalog/system/type-facts.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { formatType } from '../types/registry.js';

type AnyNode = Record<string, any>;
export type StorageCode = 'p' | 'e' | 'm' | 'x';

const STORAGE: Record<string, StorageCode> = { plain: 'p', external: 'e', extended: 'x', main: 'm' };

/** GetAttributeStorage: the attstorage a column of `type` gets for `name` (default: the type's). */
export function storageFor(cat: Catalog, type: number, name: string): StorageCode {
  const typeStorage = typeFacts(cat, type).storage as StorageCode;
  const code = name === 'default' ? typeStorage : STORAGE[name];
  if (!code) throw new PgError(SQLSTATE.invalid_parameter_value, `invalid storage type "${name}"`);
  if (code !== 'p' && typeStorage === 'p') {
    throw new PgError(SQLSTATE.feature_not_supported, `column data type ${formatType(cat, type)} can only have storage PLAIN`);
  }
  return code;
}

/** GetAttributeCompression: the attcompression for `method` ('' for default). */
export function compressionFor(cat: Catalog, type: number, method: string): '' | 'p' {
  if (method === 'default') return '';
  if (typeFacts(cat, type).storage === 'p') {
    throw new PgError(SQLSTATE.feature_not_supported, `column data type ${formatType(cat, type)} does not support compression`);
  }
  if (method === 'pglz') return 'p';
  if (method === 'lz4') {
    throw new PgError(SQLSTATE.feature_not_supported, 'compression method lz4 not supported', { detail: 'This functionality requires the server to be built with lz4 support.' });
  }
  throw new PgError(SQLSTATE.invalid_parameter_value, `invalid compression method "${method}"`);
}

/** The storage / compression patch of a ColumnDef node (CREATE TABLE, ADD COLUMN); {} when it names neither. */
export function columnStorageClauses(cat: Catalog, type: number, cd: AnyNode): Partial<ColumnDef> {
  const patch: { storage?: StorageCode; compression?: 'p' } = {};
  if (cd.storage_name) {
    const s = storageFor(cat, type, cd.storage_name as string);
    if (s !== typeFacts(cat, type).storage) patch.storage = s;
  }
  if (cd.compression) {
    const c = compressionFor(cat, type, cd.compression as string);
    if (c) patch.compression = c;
  }
  return patch;
}

const KIND_DETAIL: Record<string, string> = { v: 'views', i: 'indexes', I: 'partitioned indexes', S: 'sequences', c: 'composite types' };

/** The relation kinds SET STORAGE / SET COMPRESSION apply to (ATSimplePermissions). */
export function checkStorageTarget(rel: RelationDef, subtype: string, objtype: string): void {
  if (rel.kind === 'c' && objtype === 'OBJECT_TABLE') throw new PgError(SQLSTATE.wrong_object_type, `"${rel.name}" is a composite type`, { hint: 'Use ALTER TYPE instead.' });
  if (rel.kind === 'r' || rel.kind === 'p' || rel.kind === 'm') return;
  const action = subtype === 'AT_SetStorage' ? 'ALTER COLUMN ... SET STORAGE' : 'ALTER COLUMN ... SET COMPRESSION';
  throw new PgError(SQLSTATE.wrong_object_type, `ALTER action ${action} cannot be performed on relation "${rel.name}"`, { detail: `This operation is not supported for ${KIND_DETAIL[rel.kind] ?? 'this relation'}.` });
}

/**
 * SET STORAGE / SET COMPRESSION of one column. Indexes copy the setting into their columns that
 * are that column (SetIndexStorageProperties); pg_attribute reads an index column's from its
 * table column, which CREATE INDEX copies too.
 */
export function alterColumnStorage(cat: Catalog, rel: RelationDef, cmd: AnyNode, column: ColumnDef): ColumnDef {
  const value = cmd.def?.String?.sval as string;
  if (cmd.subtype === 'AT_SetStorage') {
    const s = storageFor(cat, column.type, value);
    return { ...column, storage: s === typeFacts(cat, column.type).storage ? undefined : s };
  }
  const c = compressionFor(cat, column.type, value);
  return { ...column, compression: c || undefined };
}
