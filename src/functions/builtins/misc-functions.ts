/**
 * Session and system functions: current_setting / set_config, sequence functions (nextval,
 * currval, setval, lastval; the regclass argument is the sequence's OID), uuid generators,
 * version(), num_nulls / num_nonnulls, txid_current, pg_backend_pid, current_database,
 * current_schema(s), pg_sleep, timeofday.
 *
 * Postgres counterpart: guc_funcs.c (current_setting, set_config_by_name), sequence.c,
 * uuid.c, version.c, misc.c (num_nulls, pg_sleep), xid8funcs.c.
 * Known gaps: pg_sleep does not sleep (a synchronous engine cannot yield); xid8 functions.
 */
import { checkSequence } from '../../catalog/acl.js';
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { OID } from '../../types/oids.js';
import { genRandomUuid, uuidv7 } from '../../types/uuid.js';
import { PgArray, type Value } from '../../types/values.js';
import { fn } from '../registry.js';
import { notifyAction } from '../../session/notify.js';
import { variadicArgs } from './variadic.js';

const T = OID.text;
const I8 = OID.int8;
const REGCLASS = OID.regclass;

/** What version() prints on the oracle (Postgres 18.4; the build line is the oracle's). */
export const VERSION_STRING = 'PostgreSQL 18.4 on x86_64-pc-linux-gnu, compiled by gcc (Ubuntu 7.5.0-3ubuntu1~18.04) 7.5.0, 64-bit';

fn('current_setting', [T], T, (a, rt) => rt.session.getSetting(a[0] as string, false), { volatility: 's' });
fn('current_setting', [T, OID.bool], T, (a, rt) => rt.session.getSetting(a[0] as string, a[1] as boolean), { volatility: 's' });
fn(
  'set_config',
  [T, T, OID.bool],
  T,
  (a, rt) => {
    if (a[0] === null) throw new PgError(SQLSTATE.invalid_parameter_value, 'SET requires parameter name');
    return rt.session.setSetting(a[0] as string, (a[1] as string | null) ?? '', a[2] === true);
  },
  { strict: false, volatility: 'v' },
);

fn('nextval', [REGCLASS], I8, (a, rt) => (checkSequence(rt, a[0] as number, 'Uw'), rt.session.nextval(a[0] as number)), { volatility: 'v' });
fn('currval', [REGCLASS], I8, (a, rt) => (checkSequence(rt, a[0] as number, 'rU'), rt.session.currval(a[0] as number)), { volatility: 'v' });
fn('setval', [REGCLASS, I8], I8, (a, rt) => (checkSequence(rt, a[0] as number, 'w'), rt.session.setval(a[0] as number, a[1] as bigint, true)), { volatility: 'v' });
fn('setval', [REGCLASS, I8, OID.bool], I8, (a, rt) => (checkSequence(rt, a[0] as number, 'w'), rt.session.setval(a[0] as number, a[1] as bigint, a[2] as boolean)), { volatility: 'v' });
fn(
  'lastval',
  [],
  I8,
  (_a, rt) => {
    // (the value of the sequence nextval() last drew from: setval() on it since shows too)
    const oid = rt.session.lastvalSequence();
    checkSequence(rt, oid, 'rU');
    return rt.session.currval(oid);
  },
  { volatility: 'v' },
);

/** Random bytes from the session's source (deterministic when its clock is). */
function sessionBytes(random: () => number): (n: number) => Uint8Array {
  return (n) => Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
}
fn('gen_random_uuid', [], OID.uuid, (_a, rt) => genRandomUuid(sessionBytes(() => rt.session.random())), { volatility: 'v' });
fn('uuidv4', [], OID.uuid, (_a, rt) => genRandomUuid(sessionBytes(() => rt.session.random())), { volatility: 'v' });
fn(
  'uuidv7',
  [],
  OID.uuid,
  (_a, rt) => uuidv7(Number(rt.session.clockTimestamp() / 1000n) + 946_684_800_000, sessionBytes(() => rt.session.random())),
  { volatility: 'v' },
);

fn('version', [], T, () => VERSION_STRING, { volatility: 's' });

fn('num_nulls', [OID.any], OID.int4, (a, _rt, call) => variadicArgs(a, call, 0).filter((x) => x.value === null).length, {
  strict: false,
  variadic: OID.any,
});
fn('num_nonnulls', [OID.any], OID.int4, (a, _rt, call) => variadicArgs(a, call, 0).filter((x) => x.value !== null).length, {
  strict: false,
  variadic: OID.any,
});

fn('pg_backend_pid', [], OID.int4, (_a, rt) => rt.session.backendPid(), { volatility: 's' });
fn(
  'pg_notify',
  [T, T],
  OID.void,
  (a, rt) => {
    rt.session.notifyAction(notifyAction(a[0] as string | null, a[1] as string | null));
    return '';
  },
  { strict: false, volatility: 'v' },
);
fn('pg_listening_channels', [], T, (_a, rt) => rt.session.listeningChannels(), { retset: true, volatility: 'v' });
fn('pg_notification_queue_usage', [], OID.float8, () => 0, { volatility: 'v' });
fn('current_database', [], OID.name, (_a, rt) => rt.session.databaseName(), { volatility: 's' });
fn('current_schema', [], OID.name, (_a, rt) => currentSchema(rt.session.searchPath(), rt), { volatility: 's' });
fn(
  'current_schemas',
  [OID.bool],
  OID._name,
  (a, rt) => {
    const existing = rt.session.searchPath().filter((s) => rt.session.catalog().namespaceOid(s) !== undefined);
    // The temporary schema (first unless the path names pg_temp) and pg_catalog (unless named) are
    // searched implicitly: current_schemas(false) leaves them out (namespace.c fetch_search_path).
    const tempNamed = /(^|[\s,"])pg_temp($|[\s,"])/i.test(rt.session.getSetting('search_path', true) ?? '');
    const implicitTemp = tempNamed ? undefined : existing.find((s) => s.startsWith('pg_temp_'));
    const rest = existing.filter((s) => s !== implicitTemp);
    if (!a[0]) return PgArray.of(rest as Value[]);
    const cat = rest.includes('pg_catalog') ? [] : ['pg_catalog'];
    return PgArray.of([...(implicitTemp ? [implicitTemp] : []), ...cat, ...rest] as Value[]);
  },
  { volatility: 's' },
);
function currentSchema(path: readonly string[], rt: { session: { catalog(): { namespaceOid(n: string): number | undefined } } }): Value {
  for (const s of path) if (rt.session.catalog().namespaceOid(s) !== undefined) return s;
  return null;
}
fn('pg_sleep', [OID.float8], OID.void, () => '', { volatility: 'v' });
fn('pg_sleep_for', [OID.interval], OID.void, () => '', { volatility: 'v' });
fn('pg_sleep_until', [OID.timestamptz], OID.void, () => '', { volatility: 'v' });
fn('pg_is_in_recovery', [], OID.bool, () => false, { volatility: 'v' });
fn(
  'timeofday',
  [],
  T,
  (_a, rt) => {
    const ms = Number(rt.session.clockTimestamp() / 1000n) + 946_684_800_000;
    const d = new Date(ms);
    const us = String(Number(rt.session.clockTimestamp() % 1_000_000n)).padStart(6, '0');
    const dow = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
    const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
    const p = (n: number): string => String(n).padStart(2, '0');
    return `${dow} ${mon} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${us} ${d.getUTCFullYear()} UTC`;
  },
  { volatility: 'v' },
);
