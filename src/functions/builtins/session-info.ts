/**
 * Session and server information functions: pg_trigger_depth, row_security_active,
 * getdatabaseencoding / pg_client_encoding, system_user, pg_postmaster_start_time /
 * pg_conf_load_time, pg_jit_available, pg_collation_for, pg_sequence_last_value,
 * pg_database_size / pg_tablespace_size, pg_options_to_table, pg_get_keywords.
 *
 * Postgres counterpart: src/backend/utils/adt/misc.c (pg_get_keywords, pg_collation_for),
 * trigger.c (pg_trigger_depth), rls.c (row_security_active), dbsize.c, mbutils.c,
 * sequence.c (pg_sequence_last_value), foreign.c (pg_options_to_table).
 * Known gaps: system_user is NULL (fauxgres sessions are not authenticated, as Postgres's trust
 * method); database and tablespace sizes are estimates (Postgres's depend on its files).
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { lookupRelationOid, regclassOut, splitQualifiedName } from '../../analyze/regclass.js';
import { databaseOid } from '../../catalog/system/pg-database.js';
import { OID } from '../../types/oids.js';
import { formatType, typeInfo } from '../../types/registry.js';
import { PgRecord, type PgArray } from '../../types/values.js';
import { fn } from '../registry.js';
import { PG_KEYWORDS } from './keywords-data.js';
import type { ExprRuntime } from '../../nodes/primnodes.js';

fn('pg_trigger_depth', [], OID.int4, (_a, rt) => rt.session.triggerDepth ?? 0, { volatility: 's' });

/**
 * check_enable_rls: RLS applies when the table has it enabled and the user neither owns it (unless
 * FORCE) nor bypasses it. fauxgres's only role is the superuser `postgres`, which bypasses RLS.
 */
function rowSecurityActive(rt: ExprRuntime, relOid: number): boolean {
  const rel = rt.session.catalog().relations.get(relOid);
  if (!rel?.rlsEnabled) return false;
  const superuser = true; // every fauxgres session runs as a superuser
  return !superuser;
}
fn('row_security_active', [OID.oid], OID.bool, (a, rt) => rowSecurityActive(rt, a[0] as number), { volatility: 's' });
fn('row_security_active', [OID.text], OID.bool, (a, rt) => {
  const oid = lookupRelationOid(rt.session.catalog(), rt.session.searchPath(), splitQualifiedName(a[0] as string));
  if (oid === undefined) throw new PgError(SQLSTATE.undefined_table, `relation "${a[0]}" does not exist`);
  return rowSecurityActive(rt, oid);
}, { volatility: 's' });

fn('getdatabaseencoding', [], OID.name, () => 'UTF8', { volatility: 's' });
fn('pg_client_encoding', [], OID.name, (_a, rt) => rt.session.getSetting('client_encoding', true) ?? 'UTF8', { volatility: 's' });
fn('system_user', [], OID.text, () => null, { volatility: 's' });

/** When this process loaded fauxgres: the "server" start, in microseconds since 2000-01-01. */
const START_MICROS = BigInt(Date.now() - Date.UTC(2000, 0, 1)) * 1000n;
fn('pg_postmaster_start_time', [], OID.timestamptz, () => START_MICROS, { volatility: 's' });
// Postgres reads its configuration just before the postmaster's start time is taken.
fn('pg_conf_load_time', [], OID.timestamptz, () => START_MICROS - 1000n, { volatility: 's' });
fn('pg_jit_available', [], OID.bool, () => false, { volatility: 'v' });

fn('pg_collation_for', [OID.any], OID.text, (a, rt, call) => {
  const t = call.argTypes[0];
  if (t !== OID.unknown && !isCollatable(rt, t)) {
    throw new PgError(SQLSTATE.datatype_mismatch, `collations are not supported by type ${formatType(rt.session.catalog(), t)}`);
  }
  const coll = call.collation;
  if (coll === undefined || t === OID.unknown) return null;
  return `"${coll.replace(/"/g, '""')}"`;
}, { strict: false, volatility: 's' });

function isCollatable(rt: ExprRuntime, t: number): boolean {
  const info = typeInfo(rt.session.catalog(), t);
  if (info.category === 'S') return true;
  const base = (info as { baseType?: number }).baseType;
  return base !== undefined && isCollatable(rt, base);
}

fn('pg_sequence_last_value', [OID.regclass], OID.int8, (a, rt) => {
  const rel = rt.session.catalog().relations.get(a[0] as number);
  if (!rel || rel.kind !== 'S') {
    const name = regclassOut(rt, a[0] as number).replace(/^.*\./, '').replace(/^"(.*)"$/, '$1');
    throw new PgError(SQLSTATE.wrong_object_type, `cannot open relation "${name}"`, { detail: 'This operation is not supported for tables.' });
  }
  const [last, , isCalled] = rt.session.sequenceRow(rel.oid);
  return isCalled ? last : null;
}, { volatility: 'v' });

/*
 * Sizes on disk depend on Postgres's files (page headers, free space map, WAL-logged catalogs), so
 * no exact value exists to match: these return plausible positive numbers (a new database's
 * ~7.5 MB, the default tablespace's sum), stable for a given database.
 */
const DATABASE_BYTES = 7_648_739n;
fn('pg_database_size', [OID.name], OID.int8, (a, rt) => {
  if (a[0] !== rt.session.databaseName() && a[0] !== 'postgres' && a[0] !== 'template0' && a[0] !== 'template1') {
    throw new PgError(SQLSTATE.invalid_catalog_name, `database "${a[0]}" does not exist`);
  }
  return DATABASE_BYTES;
}, { volatility: 'v' });
fn('pg_database_size', [OID.oid], OID.int8, (a, rt) => {
  const current = rt.session.databaseName();
  if (['postgres', 'template0', 'template1', current].some((n) => databaseOid(n, current) === a[0])) return DATABASE_BYTES;
  throw new PgError(SQLSTATE.undefined_object, `database with OID ${a[0]} does not exist`);
}, { volatility: 'v' });
const TABLESPACES: Record<string, number> = { pg_default: 1663, pg_global: 1664 };
fn('pg_tablespace_size', [OID.name], OID.int8, (a) => {
  const oid = TABLESPACES[a[0] as string];
  if (oid === undefined) throw new PgError(SQLSTATE.undefined_object, `tablespace "${a[0]}" does not exist`);
  return oid === 1663 ? DATABASE_BYTES * 3n : 565_248n;
}, { volatility: 'v' });
fn('pg_tablespace_size', [OID.oid], OID.int8, (a) => {
  if (a[0] === 1663) return DATABASE_BYTES * 3n;
  if (a[0] === 1664) return 565_248n;
  throw new PgError(SQLSTATE.undefined_object, `tablespace with OID ${a[0]} does not exist`);
}, { volatility: 'v' });

// pg_options_to_table(reloptions): name=value pairs; a pair without '=' has a NULL value.
const OPTION_TYPES = [OID.text, OID.text];
const OPTION_NAMES = ['option_name', 'option_value'];
fn('pg_options_to_table', [OID._text], OID.record, (a) =>
  ((a[0] as PgArray).items as (string | null)[]).filter((s): s is string => s !== null).map((s) => {
    const eq = s.indexOf('=');
    return new PgRecord(eq < 0 ? [s, null] : [s.slice(0, eq), s.slice(eq + 1)], OPTION_NAMES, OPTION_TYPES);
  }), {
  retset: true,
  volatility: 's',
  argNames: ['options_array'],
  outColumns: [{ name: 'option_name', type: OID.text }, { name: 'option_value', type: OID.text }],
});

// pg_get_keywords(): Postgres 18's keyword list (keywords-data.ts, recorded from the server).
const KW_TYPES = [OID.text, OID.char, OID.bool, OID.text, OID.text];
const KW_NAMES = ['word', 'catcode', 'barelabel', 'catdesc', 'baredesc'];
const CATDESC: Record<string, string> = { U: 'unreserved', C: 'unreserved (cannot be function or type name)', T: 'reserved (can be function or type name)', R: 'reserved' };
let keywordRows: PgRecord[] | undefined;
fn('pg_get_keywords', [], OID.record, () => (keywordRows ??= PG_KEYWORDS.split(' ').map((e) => {
  const word = e.slice(0, -2);
  const cat = e[e.length - 2];
  const bare = e[e.length - 1] === '+';
  return new PgRecord([word, cat, bare, CATDESC[cat], bare ? 'can be bare label' : 'requires AS'], KW_NAMES, KW_TYPES);
})), {
  retset: true,
  volatility: 's',
  outColumns: KW_NAMES.map((name, i) => ({ name, type: KW_TYPES[i] })),
});
