/**
 * Large objects in the catalog: creation (OID, owner, initial ACL), byte-range reads and writes on
 * immutable records, privilege and ownership checks, and the pg_largeobject pages of an object.
 * Postgres counterpart: src/backend/catalog/pg_largeobject.c (LargeObjectCreate),
 * src/backend/storage/large_object/inv_api.c (inv_read / inv_write), aclchk.c
 * (pg_largeobject_aclcheck_snapshot).
 * Known gaps: contents are one byte array, so pg_largeobject shows every page up to the end
 * (Postgres leaves the pages of a hole that was never written out).
 */
import type { Catalog } from './catalog.js';
import type { AclItem, LargeObjectDef } from './objects.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { aclDefault, aclMask, isOwner, isSuperuser, mustBeOwner, ownerOid } from './acl.js';

/** LOBLKSIZE: the bytes of one pg_largeobject page. */
export const LOBLKSIZE = 2048;
/** MAX_LARGE_OBJECT_SIZE (INT_MAX pages). */
export const MAX_LARGE_OBJECT_SIZE = 2147483647 * LOBLKSIZE;

/** pg_largeobject's OID: the class OID of large objects in pg_description and pg_shdepend. */
export const LARGE_OBJECT_CLASS = 2613;

/**
 * LargeObjectCreate: a new, empty large object owned by the current role (`oid` 0: a new OID),
 * with the ACL ALTER DEFAULT PRIVILEGES gives its owner's new large objects (`initialAcl`).
 */
export function createLargeObject(
  h: { newOid(): number; currentUser(): string },
  cat: Catalog,
  oid: number,
  initialAcl: (owner: string) => readonly AclItem[] | undefined,
): number {
  if (oid === 0) {
    do oid = h.newOid();
    while (cat.largeObjects.has(oid));
  } else if (cat.largeObjects.has(oid)) {
    throw new PgError(SQLSTATE.unique_violation, 'duplicate key value violates unique constraint "pg_largeobject_metadata_oid_index"', {
      detail: `Key (oid)=(${oid}) already exists.`, schema: 'pg_catalog', table: 'pg_largeobject_metadata', constraint: 'pg_largeobject_metadata_oid_index',
    });
  }
  const owner = h.currentUser();
  cat.largeObjects.set(oid, { oid, owner, acl: initialAcl(owner), data: new Uint8Array(0) });
  return oid;
}

/** Up to `len` bytes from `offset` (fewer at the end of the object). */
export function readLargeObject(lo: LargeObjectDef, offset: number, len: number): Uint8Array {
  if (offset >= lo.data.length) return new Uint8Array(0);
  return lo.data.slice(offset, Math.min(lo.data.length, offset + len));
}

/** Stores `bytes` at `offset` (a gap before it reads as zeros), as a new record. */
export function writeLargeObject(cat: Catalog, lo: LargeObjectDef, offset: number, bytes: Uint8Array): void {
  const end = offset + bytes.length;
  const data = new Uint8Array(Math.max(end, lo.data.length));
  data.set(lo.data);
  data.set(bytes, offset);
  cat.largeObjects.set(lo.oid, { ...lo, data });
}

/** A large object's effective ACL (lomacl, or the owner's SELECT and UPDATE). */
export function largeObjectAcl(cat: Catalog, lo: LargeObjectDef): readonly AclItem[] {
  return lo.acl ?? aclDefault('largeobject', ownerOid(cat, lo.owner));
}

/** Whether `user` holds `letter` (r SELECT, w UPDATE) on the object. */
export function largeObjectAllows(cat: Catalog, user: string, lo: LargeObjectDef, letter: string): boolean {
  return isSuperuser(cat, user) || aclMask(cat, largeObjectAcl(cat, lo), user).includes(letter);
}

export function checkLargeObjectOwner(cat: Catalog, user: string, lo: LargeObjectDef): void {
  if (!isOwner(cat, user, lo.owner)) throw mustBeOwner('large object', String(lo.oid));
}

/** pg_largeobject rows of an object: [pageno, bytes] for each LOBLKSIZE page. */
export function* largeObjectPages(lo: LargeObjectDef): Generator<[number, Uint8Array]> {
  for (let p = 0; p * LOBLKSIZE < lo.data.length; p++) yield [p, lo.data.slice(p * LOBLKSIZE, (p + 1) * LOBLKSIZE)];
}
