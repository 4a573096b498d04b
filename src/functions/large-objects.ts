/**
 * The server-side large-object functions: lo_create / lo_creat, lo_open / lo_close, loread /
 * lowrite, lo_lseek(64) / lo_tell(64), lo_truncate(64), lo_unlink, lo_get / lo_put,
 * lo_from_bytea; lo_import / lo_export (server files) are superuser-only and 0A000 for them.
 * A large object lives in the catalog (catalog/large-object.ts), so it is transactional, forks
 * with the database and rolls back with the transaction that wrote it.
 * Postgres counterpart: src/backend/libpq/be-fsstubs.c (and the checks of
 * storage/large_object/inv_api.c's inv_open).
 * Known gaps: two transactions writing the same large object do not wait for each other (the last
 * to commit wins); a read-only descriptor sees the object as it was when opened (inv_open's
 * snapshot), also for its own transaction's later writes through another descriptor.
 */
import { fn } from './registry.js';
import { OID } from '../types/oids.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Value } from '../types/values.js';
import type { ExprRuntime } from '../nodes/primnodes.js';
import type { LargeObjectHost, LoDescriptor } from '../session/large-objects.js';
import type { Catalog } from '../catalog/catalog.js';
import type { LargeObjectDef } from '../catalog/objects.js';
import { isSuperuser, permissionDenied } from '../catalog/acl.js';
import {
  MAX_LARGE_OBJECT_SIZE, checkLargeObjectOwner, createLargeObject, largeObjectAllows, readLargeObject, writeLargeObject,
} from '../catalog/large-object.js';
import { initialAcl } from '../commands/grant.js';

const INV_WRITE = 0x20000;
const INV_READ = 0x40000;

function host(rt: ExprRuntime): LargeObjectHost {
  const h = rt.session.largeObjects?.();
  if (!h) throw featureNotSupported('large objects outside a session');
  return h;
}

function noSuchObject(oid: number): PgError {
  return new PgError(SQLSTATE.undefined_object, `large object ${oid} does not exist`);
}

/** inv_open: existence and privilege checks, then a descriptor (not yet in the table). */
function invOpen(h: LargeObjectHost, oid: number, mode: number): LoDescriptor {
  const write = (mode & INV_WRITE) !== 0;
  if (!write && (mode & INV_READ) === 0) throw new PgError(SQLSTATE.invalid_parameter_value, `invalid flags for opening a large object: ${mode}`);
  const cat = h.catalog();
  const lo = cat.largeObjects.get(oid);
  if (!lo) throw noSuchObject(oid);
  if (!h.compatPrivileges()) {
    const user = h.currentUser();
    // Writing implies reading: a write descriptor needs SELECT too.
    if (!largeObjectAllows(cat, user, lo, 'r') || (write && !largeObjectAllows(cat, user, lo, 'w'))) throw permissionDenied('large object', String(oid));
  }
  return { id: oid, write, offset: 0, snapshot: write ? undefined : lo };
}

function descriptor(h: LargeObjectHost, fd: number): LoDescriptor {
  const d = fd >= 0 ? h.descriptors[fd] : undefined;
  if (!d) throw new PgError(SQLSTATE.undefined_object, `invalid large-object descriptor: ${fd}`);
  return d;
}

/** The contents a descriptor reads: its snapshot, or (write descriptors) the latest. */
function current(h: LargeObjectHost, d: LoDescriptor): LargeObjectDef {
  if (d.snapshot) return d.snapshot;
  const lo = h.catalog().largeObjects.get(d.id);
  if (!lo) throw noSuchObject(d.id);
  return lo;
}

function writable(h: LargeObjectHost, fd: number): LoDescriptor {
  const d = descriptor(h, fd);
  if (!d.write) throw new PgError(SQLSTATE.object_not_in_prerequisite_state, `large object descriptor ${fd} was not opened for writing`);
  return d;
}

/** Writes `bytes` at `offset` of a large object the caller may write (inv_write). */
function write(cat: Catalog, oid: number, offset: number, bytes: Uint8Array): number {
  if (bytes.length === 0) return 0;
  if (bytes.length + offset > MAX_LARGE_OBJECT_SIZE) throw new PgError(SQLSTATE.invalid_parameter_value, `invalid large object write request size: ${bytes.length}`);
  const lo = cat.largeObjects.get(oid);
  if (!lo) throw noSuchObject(oid);
  writeLargeObject(cat, lo, offset, bytes);
  return bytes.length;
}

/** inv_seek's target check. */
function seekTarget(h: LargeObjectHost, d: LoDescriptor, offset: number, whence: number): number {
  let target: number;
  if (whence === 0) target = offset;
  else if (whence === 1) target = d.offset + offset;
  else if (whence === 2) target = current(h, d).data.length + offset;
  else throw new PgError(SQLSTATE.invalid_parameter_value, `invalid whence setting: ${whence}`);
  if (target < 0 || target > MAX_LARGE_OBJECT_SIZE) throw new PgError(SQLSTATE.invalid_parameter_value, `invalid large object seek target: ${target}`);
  d.offset = target;
  return target;
}

function int32Result(v: number, what: string, fd: number): number {
  if (v > 2147483647) throw new PgError(SQLSTATE.numeric_value_out_of_range, `${what} result out of range for large-object descriptor ${fd}`);
  return v;
}

function truncate(rt: ExprRuntime, fd: number, len: number, command: string): number {
  const h = host(rt);
  const cat = h.catalogForWrite(command);
  const d = writable(h, fd);
  if (len < 0 || len > MAX_LARGE_OBJECT_SIZE) throw new PgError(SQLSTATE.invalid_parameter_value, `invalid large object truncation target: ${len}`);
  const lo = cat.largeObjects.get(d.id);
  if (!lo) throw noSuchObject(d.id);
  const data = new Uint8Array(len);
  data.set(lo.data.subarray(0, Math.min(len, lo.data.length)));
  cat.largeObjects.set(lo.oid, { ...lo, data });
  return 0;
}

const V = { volatility: 'v' as const };

function create(h: LargeObjectHost, cat: Catalog, oid: number): number {
  return createLargeObject(h, cat, oid, (owner) => initialAcl(cat, owner, 0, 'L'));
}

fn('lo_create', [OID.oid], OID.oid, (a: Value[], rt) => {
  const h = host(rt);
  return create(h, h.catalogForWrite('lo_create()'), a[0] as number);
}, V);

fn('lo_creat', [OID.int4], OID.oid, (_a: Value[], rt) => {
  const h = host(rt);
  return create(h, h.catalogForWrite('lo_creat()'), 0);
}, V);

fn('lo_open', [OID.oid, OID.int4], OID.int4, (a: Value[], rt) => {
  const h = host(rt);
  const mode = a[1] as number;
  if (mode & INV_WRITE) h.catalogForWrite('lo_open(INV_WRITE)');
  const d = invOpen(h, a[0] as number, mode);
  let fd = h.descriptors.indexOf(undefined);
  if (fd < 0) fd = h.descriptors.length;
  h.descriptors[fd] = d;
  return fd;
}, V);

fn('lo_close', [OID.int4], OID.int4, (a: Value[], rt) => {
  const h = host(rt);
  const fd = a[0] as number;
  descriptor(h, fd);
  h.descriptors[fd] = undefined;
  return 0;
}, V);

fn('loread', [OID.int4, OID.int4], OID.bytea, (a: Value[], rt) => {
  const h = host(rt);
  const d = descriptor(h, a[0] as number);
  const len = Math.max(0, a[1] as number);
  const out = readLargeObject(current(h, d), d.offset, len);
  d.offset += out.length;
  return out;
}, V);

fn('lowrite', [OID.int4, OID.bytea], OID.int4, (a: Value[], rt) => {
  const h = host(rt);
  const cat = h.catalogForWrite('lowrite()');
  const d = writable(h, a[0] as number);
  const n = write(cat, d.id, d.offset, a[1] as Uint8Array);
  d.offset += n;
  return n;
}, V);

fn('lo_lseek', [OID.int4, OID.int4, OID.int4], OID.int4, (a: Value[], rt) => {
  const h = host(rt);
  const fd = a[0] as number;
  return int32Result(seekTarget(h, descriptor(h, fd), a[1] as number, a[2] as number), 'lo_lseek', fd);
}, V);

fn('lo_lseek64', [OID.int4, OID.int8, OID.int4], OID.int8, (a: Value[], rt) => {
  const h = host(rt);
  return BigInt(seekTarget(h, descriptor(h, a[0] as number), Number(a[1] as bigint), a[2] as number));
}, V);

fn('lo_tell', [OID.int4], OID.int4, (a: Value[], rt) => {
  const fd = a[0] as number;
  return int32Result(descriptor(host(rt), fd).offset, 'lo_tell', fd);
}, V);

fn('lo_tell64', [OID.int4], OID.int8, (a: Value[], rt) => BigInt(descriptor(host(rt), a[0] as number).offset), V);

fn('lo_truncate', [OID.int4, OID.int4], OID.int4, (a: Value[], rt) => truncate(rt, a[0] as number, a[1] as number, 'lo_truncate()'), V);
fn('lo_truncate64', [OID.int4, OID.int8], OID.int4, (a: Value[], rt) => truncate(rt, a[0] as number, Number(a[1] as bigint), 'lo_truncate64()'), V);

fn('lo_unlink', [OID.oid], OID.int4, (a: Value[], rt) => {
  const h = host(rt);
  const oid = a[0] as number;
  const cat = h.catalogForWrite('lo_unlink()');
  const lo = cat.largeObjects.get(oid);
  if (!lo) throw noSuchObject(oid);
  if (!h.compatPrivileges()) checkLargeObjectOwner(cat, h.currentUser(), lo);
  // Descriptors of the object are closed with it.
  h.descriptors.forEach((d, i) => {
    if (d?.id === oid) h.descriptors[i] = undefined;
  });
  cat.largeObjects.delete(oid);
  for (const key of [...cat.comments.keys()]) if (key === `2613.${oid}.0`) cat.comments.delete(key);
  return 1;
}, V);

fn('lo_get', [OID.oid], OID.bytea, (a: Value[], rt) => {
  const d = invOpen(host(rt), a[0] as number, INV_READ);
  return d.snapshot!.data.slice();
}, V);

fn('lo_get', [OID.oid, OID.int8, OID.int4], OID.bytea, (a: Value[], rt) => {
  if ((a[2] as number) < 0) throw new PgError(SQLSTATE.invalid_parameter_value, 'requested length cannot be negative');
  const d = invOpen(host(rt), a[0] as number, INV_READ);
  return readLargeObject(d.snapshot!, Number(a[1] as bigint), a[2] as number);
}, V);

fn('lo_from_bytea', [OID.oid, OID.bytea], OID.oid, (a: Value[], rt) => {
  const h = host(rt);
  const cat = h.catalogForWrite('lo_from_bytea()');
  const oid = create(h, cat, a[0] as number);
  write(cat, oid, 0, a[1] as Uint8Array);
  return oid;
}, V);

fn('lo_put', [OID.oid, OID.int8, OID.bytea], OID.void, (a: Value[], rt) => {
  const h = host(rt);
  const cat = h.catalogForWrite('lo_put()');
  const d = invOpen(h, a[0] as number, INV_WRITE);
  write(cat, d.id, Number(a[1] as bigint), a[2] as Uint8Array);
  return '';
}, V);

/** lo_import / lo_export read and write server files: EXECUTE is revoked from PUBLIC, and fauxgres has no server files. */
function serverFile(name: string): (a: Value[], rt: ExprRuntime) => Value {
  return (_a, rt) => {
    if (!isSuperuser(rt.session.catalog(), rt.session.currentUser())) throw permissionDenied('function', name);
    throw featureNotSupported(`${name} (server files)`);
  };
}
fn('lo_import', [OID.text], OID.oid, serverFile('lo_import'), V);
fn('lo_import', [OID.text, OID.oid], OID.oid, serverFile('lo_import'), V);
fn('lo_export', [OID.oid, OID.text], OID.int4, serverFile('lo_export'), V);
