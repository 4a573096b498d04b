/**
 * Object addresses and event-trigger facts as SQL functions: pg_identify_object,
 * pg_identify_object_as_address, pg_describe_object, pg_get_object_address, and (inside event
 * trigger functions) pg_event_trigger_ddl_commands, pg_event_trigger_dropped_objects,
 * pg_event_trigger_table_rewrite_oid / _reason.
 *
 * Postgres counterpart: src/backend/catalog/objectaddress.c (pg_identify_object,
 * pg_get_object_address, pg_describe_object), commands/event_trigger.c.
 * Known gaps: pg_get_object_address knows the object kinds fauxgres stores (not operator
 * classes, casts, languages, foreign-data objects, ...: 0A000); table_rewrite never fires, so
 * table_rewrite fires after the ALTER TABLE rather than before its rewrite.
 */
import { fn } from '../registry.js';
import { OID } from '../../types/oids.js';
import { PgArray, PgRecord, type Value } from '../../types/values.js';
import { PgError, featureNotSupported } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import type { ExprRuntime } from '../../nodes/primnodes.js';
import { CLASS, describeObject, identifyObject, type ObjectAddress } from '../../catalog/object-address.js';
import { builtinFacts } from '../../catalog/system/type-facts.js';
import { lookupGetObjectAddress } from '../../catalog/object-address-lookup.js';

const S = { volatility: 's' as const };
const textArray = (xs: readonly string[]): PgArray => PgArray.of([...xs]);

/** The object-kind word pg_identify_object shows for an object that does not exist. */
const MISSING_WORD: Record<number, string> = {
  [CLASS.pg_class]: 'relation', [CLASS.pg_type]: 'type', [CLASS.pg_proc]: 'routine', [CLASS.pg_namespace]: 'schema', [CLASS.pg_constraint]: 'constraint',
  [CLASS.pg_attrdef]: 'default value', [CLASS.pg_trigger]: 'trigger', [CLASS.pg_policy]: 'policy', [CLASS.pg_rewrite]: 'rule',
  [CLASS.pg_extension]: 'extension', [CLASS.pg_event_trigger]: 'event trigger', [CLASS.pg_authid]: 'role', [CLASS.pg_publication]: 'publication',
  [CLASS.pg_collation]: 'collation', [CLASS.pg_statistic_ext]: 'statistics object',
  2605: 'cast', 2607: 'conversion', 2612: 'language', 2613: 'large object', 2617: 'operator', 2616: 'operator class', 2753: 'operator family',
  2601: 'access method', 2602: 'operator of access method', 2603: 'function of access method', 3601: 'text search parser',
  3600: 'text search dictionary', 3764: 'text search template', 3602: 'text search configuration', 1261: 'role membership', 1262: 'database',
  1213: 'tablespace', 2328: 'foreign-data wrapper', 1417: 'server', 1418: 'user mapping', 826: 'default acl', 6243: 'parameter ACL',
  6237: 'publication namespace', 6106: 'publication relation', 6100: 'subscription', 3576: 'transform',
};

/** Object classes fauxgres stores no objects of: only the missing object (OID 0) can be identified. */
function checkIdentifiable(a: ObjectAddress): void {
  if (a.objid !== 0 && a.classid !== CLASS.pg_class && !STORED_CLASSES.has(a.classid)) {
    throw featureNotSupported(`identifying ${MISSING_WORD[a.classid]} objects`);
  }
}
const STORED_CLASSES: ReadonlySet<number> = new Set(Object.values(CLASS));

function address(a: Value[]): ObjectAddress {
  return { classid: a[0] as number, objid: a[1] as number, subid: a[2] as number };
}

function checkClass(a: ObjectAddress): void {
  if (MISSING_WORD[a.classid] === undefined) throw new PgError(SQLSTATE.internal_error, `unsupported object class: ${a.classid}`);
  checkIdentifiable(a);
}

/** The type word of a missing object (a missing column of an existing relation: `table column`). */
function missingWord(rt: ExprRuntime, a: ObjectAddress): string {
  if (a.classid === CLASS.pg_class && a.subid !== 0) {
    const rel = rt.session.catalog().relations.get(a.objid);
    if (rel || a.objid < 16384) return `${identifyObject(rt.session.catalog(), { ...a, subid: 0 })?.type ?? 'table'} column`;
  }
  return MISSING_WORD[a.classid];
}

/** Built-in types are addressable although the catalog does not store them. */
function identify(rt: ExprRuntime, a: ObjectAddress) {
  if (a.classid === CLASS.pg_type && !builtinFacts.has(a.objid) && !rt.session.catalog().types.has(a.objid)) return undefined;
  return identifyObject(rt.session.catalog(), a);
}

const IDENT_NAMES = ['type', 'schema', 'name', 'identity'];
const IDENT_TYPES = [OID.text, OID.text, OID.text, OID.text];
fn('pg_identify_object', [OID.oid, OID.oid, OID.int4], OID.record, (args, rt) => {
  const a = address(args);
  checkClass(a);
  const id = identify(rt, a);
  return new PgRecord(id ? [id.type, id.schema, id.name, id.identity] : [missingWord(rt, a), null, null, null], IDENT_NAMES, IDENT_TYPES);
}, { ...S, argNames: ['classid', 'objid', 'objsubid'], outColumns: IDENT_NAMES.map((name, i) => ({ name, type: IDENT_TYPES[i] })) });

const ADDR_NAMES = ['type', 'object_names', 'object_args'];
const ADDR_TYPES = [OID.text, OID._text, OID._text];
fn('pg_identify_object_as_address', [OID.oid, OID.oid, OID.int4], OID.record, (args, rt) => {
  const a = address(args);
  checkClass(a);
  const id = identify(rt, a);
  return new PgRecord(id ? [id.type, textArray(id.names), textArray(id.args)] : [missingWord(rt, a), null, null], ADDR_NAMES, ADDR_TYPES);
}, { ...S, argNames: ['classid', 'objid', 'objsubid'], outColumns: ADDR_NAMES.map((name, i) => ({ name, type: ADDR_TYPES[i] })) });

fn('pg_describe_object', [OID.oid, OID.oid, OID.int4], OID.text, (args, rt) => {
  const a = address(args);
  if (a.classid === 0 || MISSING_WORD[a.classid] === undefined) {
    if (a.classid === 0) return null;
    throw new PgError(SQLSTATE.internal_error, `unsupported object class: ${a.classid}`);
  }
  checkIdentifiable(a);
  if (a.classid === CLASS.pg_type && !builtinFacts.has(a.objid) && !rt.session.catalog().types.has(a.objid)) return null;
  return describeObject(rt.session.catalog(), rt.session.searchPath(), a) ?? null;
}, S);

const GOA_NAMES = ['classid', 'objid', 'objsubid'];
const GOA_TYPES = [OID.oid, OID.oid, OID.int4];
fn('pg_get_object_address', [OID.text, OID._text, OID._text], OID.record, (args, rt) => {
  const names = ((args[1] as PgArray).items as (string | null)[]);
  const objArgs = ((args[2] as PgArray).items as (string | null)[]);
  const a = lookupGetObjectAddress(rt, args[0] as string, names, objArgs);
  return new PgRecord([a.classid, a.objid, a.subid], GOA_NAMES, GOA_TYPES);
}, { ...S, argNames: ['type', 'object_names', 'object_args'], outColumns: GOA_NAMES.map((name, i) => ({ name, type: GOA_TYPES[i] })) });

// ---- inside event trigger functions --------------------------------------------------------

const DDL_NAMES = ['classid', 'objid', 'objsubid', 'command_tag', 'object_type', 'schema_name', 'object_identity', 'in_extension', 'command'];
const DDL_TYPES = [OID.oid, OID.oid, OID.int4, OID.text, OID.text, OID.text, OID.text, OID.bool, OID.pg_ddl_command];
fn('pg_event_trigger_ddl_commands', [], OID.record, (_a, rt) => {
  const st = rt.session.eventTriggerState;
  if (!st) throw new PgError(SQLSTATE.event_trigger_protocol_violated, 'pg_event_trigger_ddl_commands() can only be called in an event trigger function');
  // (command: Postgres's internal pointer; it cannot be displayed, so it is NULL here)
  return st.commands.map((c) => new PgRecord([c.address?.classid ?? null, c.address?.objid ?? null, c.address?.subid ?? null, c.commandTag, c.objectType, c.schema, c.address ? c.identity : null, false, null], DDL_NAMES, DDL_TYPES));
}, { retset: true, volatility: 'v', strict: false, outColumns: DDL_NAMES.map((name, i) => ({ name, type: DDL_TYPES[i] })) });

const DROP_NAMES = ['classid', 'objid', 'objsubid', 'original', 'normal', 'is_temporary', 'object_type', 'schema_name', 'object_name', 'object_identity', 'address_names', 'address_args'];
const DROP_TYPES = [OID.oid, OID.oid, OID.int4, OID.bool, OID.bool, OID.bool, OID.text, OID.text, OID.text, OID.text, OID._text, OID._text];
fn('pg_event_trigger_dropped_objects', [], OID.record, (_a, rt) => {
  const st = rt.session.eventTriggerState;
  if (!st || !st.inSqlDrop) throw new PgError(SQLSTATE.event_trigger_protocol_violated, 'pg_event_trigger_dropped_objects() can only be called in a sql_drop event trigger function');
  return st.dropped.map((d) => new PgRecord([
    d.address.classid, d.address.objid, d.address.subid, d.original, d.normal, d.temporary, d.objectType, d.schema, d.name, d.identity, textArray(d.names), textArray(d.args),
  ], DROP_NAMES, DROP_TYPES));
}, { retset: true, volatility: 'v', strict: false, outColumns: DROP_NAMES.map((name, i) => ({ name, type: DROP_TYPES[i] })) });

fn('pg_event_trigger_table_rewrite_oid', [], OID.oid, (_a, rt) => {
  const rw = rt.session.eventTriggerState?.rewrite;
  if (!rw) throw new PgError(SQLSTATE.event_trigger_protocol_violated, 'pg_event_trigger_table_rewrite_oid() can only be called in a table_rewrite event trigger function');
  return rw.oid;
}, { volatility: 'v', strict: false, resultColumnName: 'oid' });

fn('pg_event_trigger_table_rewrite_reason', [], OID.int4, (_a, rt) => {
  const rw = rt.session.eventTriggerState?.rewrite;
  if (!rw) throw new PgError(SQLSTATE.event_trigger_protocol_violated, 'pg_event_trigger_table_rewrite_reason() can only be called in a table_rewrite event trigger function');
  return rw.reason;
}, { volatility: 'v', strict: false });

