/**
 * Advisory locks (pg_advisory_lock and friends): application-defined locks on a bigint key or a
 * pair of int4 keys, exclusive or shared, held by the session (until unlocked, counted) or by the
 * transaction (_xact_ variants). A request that must wait makes its statement wait; the try
 * variants answer false instead.
 *
 * Postgres counterpart: src/backend/utils/adt/lockfuncs.c.
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { LOCK_MODE_NAMES, LockMode } from '../storage/lock-manager.js';
import type { TransactionStatus } from '../storage/xact.js';
import { LockWaitBlocked } from './lock-wait.js';

/** An advisory lock key: one bigint, or two int4. */
export type AdvisoryKey = readonly [bigint] | readonly [number, number];

export interface AdvisoryRequest {
  readonly key: AdvisoryKey;
  readonly shared: boolean;
  /** Held until the transaction ends (pg_advisory_xact_lock). */
  readonly xact: boolean;
  /** lock: wait if needed; try: answer false instead; unlock: release one. */
  readonly op: 'lock' | 'try' | 'unlock';
}

/** The per-session bookkeeping advisory locks need. */
export interface AdvisoryOwner {
  readonly pid: number;
  readonly dbOid: number;
  /** Locks taken by the running statement (given back to a retry after a wait, not taken twice). */
  readonly advisoryTaken: string[];
  advisoryRetry: string[];
  notice(n: PgError): void;
}

function tagOf(key: AdvisoryKey): string {
  return key.length === 1 ? `a:${key[0]}:1` : `a:${key[0]}:${key[1]}:2`;
}

/** How DeadLockReport names the lock: `advisory lock [db,hi,lo,kind]`. */
function describe(db: number, key: AdvisoryKey): string {
  if (key.length === 1) {
    const k = BigInt.asUintN(64, key[0]);
    return `advisory lock [${db},${k >> 32n},${k & 0xffffffffn},1]`;
  }
  return `advisory lock [${db},${key[0] >>> 0},${key[1] >>> 0},2]`;
}

/** Runs an advisory lock function; returns its boolean answer (lock: always true). */
export function advisoryLock(status: TransactionStatus, owner: AdvisoryOwner, req: AdvisoryRequest): boolean {
  const lm = status.locks;
  const tag = tagOf(req.key);
  const mode = req.shared ? LockMode.Share : LockMode.Exclusive;
  if (req.op === 'unlock') {
    if (lm.release(tag, owner.pid, mode, false)) return true;
    owner.notice(new PgError(SQLSTATE.warning, `you don't own a lock of type ${LOCK_MODE_NAMES[mode]}`, { severity: 'WARNING' }));
    return false;
  }
  const mark = `${tag}/${mode}/${req.xact}`;
  const again = owner.advisoryRetry.indexOf(mark);
  if (again >= 0) {
    // Taken by this statement before it had to wait: it still holds it.
    owner.advisoryRetry.splice(again, 1);
    owner.advisoryTaken.push(mark);
    return true;
  }
  const r = lm.acquire(tag, owner.pid, mode, req.xact, req.op === 'lock');
  if (r.granted) {
    owner.advisoryTaken.push(mark);
    return true;
  }
  if (req.op === 'try') return false;
  throw new LockWaitBlocked(lm.whenChanged(tag), r.blockers, `${LOCK_MODE_NAMES[mode]} on ${describe(owner.dbOid, req.key)}`);
}
