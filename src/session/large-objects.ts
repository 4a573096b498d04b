/**
 * A session's side of the large-object functions: its descriptor table (lo_open's integers,
 * closed at the end of the transaction, as AtEOXact_LargeObject does), and the catalog access
 * the functions need (reads, a private catalog to write in, new OIDs).
 * Postgres counterpart: the cookies array of src/backend/libpq/be-fsstubs.c.
 * Known gaps: descriptors opened in a subtransaction that rolls back stay open until the end of
 * the top transaction (Postgres closes them at the subtransaction's abort).
 */
import type { Catalog } from '../catalog/catalog.js';
import type { LargeObjectDef } from '../catalog/objects.js';

/** An open large object (LargeObjectDesc). */
export interface LoDescriptor {
  readonly id: number;
  /** Opened with INV_WRITE (reads then see the latest contents). */
  readonly write: boolean;
  offset: number;
  /** A read-only descriptor reads the version it saw when opened (inv_open's snapshot). */
  readonly snapshot: LargeObjectDef | undefined;
}

export interface LargeObjectHost {
  /** Open descriptors by number (undefined: free). */
  readonly descriptors: (LoDescriptor | undefined)[];
  /** The catalog the running statement reads. */
  catalog(): Catalog;
  /** The transaction's private catalog to change; 25006 in a read-only transaction, naming `command`. */
  catalogForWrite(command: string): Catalog;
  /** An OID for lo_create(0) / lo_creat(). */
  newOid(): number;
  currentUser(): string;
  /** lo_compat_privileges: skip the privilege checks. */
  compatPrivileges(): boolean;
}
