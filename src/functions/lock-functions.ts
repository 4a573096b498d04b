/**
 * Lock functions: the advisory locks (pg_advisory_lock / _shared, pg_try_advisory_lock /
 * _shared, pg_advisory_unlock / _shared, pg_advisory_unlock_all, and the transaction-level
 * pg_advisory_xact_lock / _shared, pg_try_advisory_xact_lock / _shared, each with a bigint key or
 * two int4 keys; the locking itself is session/advisory-locks.ts), pg_blocking_pids and
 * pg_cancel_backend.
 * Postgres counterpart: src/backend/utils/adt/lockfuncs.c, storage/ipc/signalfuncs.c.
 * Known gaps: pg_cancel_backend only cancels a waiting statement (a running one never yields).
 */
import { OID } from '../types/oids.js';
import { PgArray, type Value } from '../types/values.js';
import type { ExprRuntime } from '../nodes/primnodes.js';
import { fn } from './registry.js';
import type { AdvisoryKey, AdvisoryRequest } from '../session/advisory-locks.js';

const KEYS: readonly (readonly number[])[] = [[OID.int8], [OID.int4, OID.int4]];

function key(a: Value[]): AdvisoryKey {
  return a.length === 1 ? [a[0] as bigint] : [a[0] as number, a[1] as number];
}

function define(name: string, returns: 'void' | 'bool', req: Omit<AdvisoryRequest, 'key'>): void {
  for (const args of KEYS) {
    fn(
      name,
      args,
      returns === 'void' ? OID.void : OID.bool,
      (a: Value[], rt: ExprRuntime) => {
        const ok = rt.session.advisoryLock?.({ ...req, key: key(a) }) ?? true;
        return returns === 'void' ? '' : ok;
      },
      { volatility: 'v' },
    );
  }
}

for (const shared of [false, true]) {
  const s = shared ? '_shared' : '';
  define(`pg_advisory_lock${s}`, 'void', { shared, xact: false, op: 'lock' });
  define(`pg_advisory_xact_lock${s}`, 'void', { shared, xact: true, op: 'lock' });
  define(`pg_try_advisory_lock${s}`, 'bool', { shared, xact: false, op: 'try' });
  define(`pg_try_advisory_xact_lock${s}`, 'bool', { shared, xact: true, op: 'try' });
  define(`pg_advisory_unlock${s}`, 'bool', { shared, xact: false, op: 'unlock' });
}

fn(
  'pg_advisory_unlock_all',
  [],
  OID.void,
  (_a: Value[], rt: ExprRuntime) => {
    rt.session.advisoryUnlockAll?.();
    return '';
  },
  { volatility: 'v' },
);

fn('pg_blocking_pids', [OID.int4], OID._int4, (a: Value[], rt: ExprRuntime) => PgArray.of([...(rt.session.blockingPids?.(a[0] as number) ?? [])]), { volatility: 'v' });
fn('pg_cancel_backend', [OID.int4], OID.bool, (a: Value[], rt: ExprRuntime) => rt.session.cancelBackend?.(a[0] as number) ?? false, { volatility: 'v' });
