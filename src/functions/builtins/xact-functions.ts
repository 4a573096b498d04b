/**
 * Transaction-id functions and the operators of xid, xid8, cid and tid: pg_current_xact_id(),
 * pg_current_xact_id_if_assigned(), pg_xact_status(), pg_current_snapshot() and the pg_snapshot
 * accessors, their txid_* (bigint) predecessors, age(xid), xid8 → xid.
 *
 * xid8 values here are the emulator's xids: unique, increasing, and Postgres's rules hold between
 * them (a subtransaction's xid is newer than its parent's), but they start at 3 rather than
 * where a real cluster happens to be.
 *
 * Postgres counterpart: src/backend/utils/adt/xid8funcs.c, xid.c, tid.c (comparisons).
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { OID } from '../../types/oids.js';
import { parseSnapshot, snapshotText } from '../../types/xact-types.js';
import type { Value } from '../../types/values.js';
import type { ExprRuntime } from '../../nodes/primnodes.js';
import { registerCast } from '../../analyze/special-casts.js';
import { fn } from '../registry.js';
import { registerComparisons } from './comparison.js';
import { registerOperator, type FunctionImpl } from '../registry.js';

const X8 = OID.xid8;
const I8 = OID.int8;
const SNAP = OID.pg_snapshot;
const TXSNAP = OID.txid_snapshot;

const big = (a: Value, b: Value): number => ((a as bigint) < (b as bigint) ? -1 : (a as bigint) > (b as bigint) ? 1 : 0);
const num = (a: Value, b: Value): number => (a as number) - (b as number);
registerComparisons(X8, X8, big);
registerComparisons(OID.tid, OID.tid, num);

/**
 * Registers `=` (and `<>` when a second name is given) for types without an ordering (xid wraps around),
 * with the names of Postgres's functions (`names`: the = one, then the <> one).
 */
function equality(left: number, right: number, names: readonly [string, string?], eq: (a: Value, b: Value) => boolean): void {
  const eqOnly = names[1] === undefined;
  for (const [op, negate, negator] of [['=', false, '<>'], ['<>', true, '=']] as const) {
    if (negate && eqOnly) continue;
    const f: FunctionImpl = { name: (negate ? names[1] : names[0])!, argTypes: [left, right], returnType: OID.bool, strict: true, volatility: 'i', fn: (a) => eq(a[0], a[1]) !== negate };
    registerOperator({ name: op, left, right, result: OID.bool, fn: f, commutator: left === right ? op : undefined, negator: eqOnly ? undefined : negator });
  }
}
equality(OID.xid, OID.xid, ['xideq', 'xidneq'], (a, b) => a === b);
// xid = integer compares the integer's 32 bits as an xid (xideqint4).
equality(OID.xid, OID.int4, ['xideqint4', 'xidneqint4'], (a, b) => a === (b as number) >>> 0);
equality(OID.cid, OID.cid, ['cideq'], (a, b) => a === b);

const toXid = (v: Value): number => Number((v as bigint) & 0xffffffffn);
fn('xid', [X8], OID.xid, (a) => toXid(a[0]));
registerCast(X8, OID.xid, (v) => toXid(v));
fn('xid8cmp', [X8, X8], OID.int4, (a) => big(a[0], a[1]));
fn('xid8_larger', [X8, X8], X8, (a) => (big(a[0], a[1]) >= 0 ? a[0] : a[1]));
fn('xid8_smaller', [X8, X8], X8, (a) => (big(a[0], a[1]) <= 0 ? a[0] : a[1]));

const top = (rt: ExprRuntime): bigint => rt.session.currentXid();
const ifAssigned = (rt: ExprRuntime): bigint | null => {
  const x = rt.session.xactInfo().assignedXid;
  return x === 0 ? null : BigInt(x);
};
fn('pg_current_xact_id', [], X8, (_a, rt) => top(rt), { volatility: 's' });
fn('pg_current_xact_id_if_assigned', [], X8, (_a, rt) => ifAssigned(rt), { volatility: 's' });
fn('txid_current', [], I8, (_a, rt) => top(rt), { volatility: 's' });
fn('txid_current_if_assigned', [], I8, (_a, rt) => ifAssigned(rt), { volatility: 's' });

function xactStatus(rt: ExprRuntime, xid: bigint): string | null {
  const info = rt.session.xactInfo();
  const s = xid >= BigInt(info.nextXid) ? 'future' : info.status(Number(xid));
  if (s === 'future') throw new PgError(SQLSTATE.invalid_parameter_value, `transaction ID ${xid} is in the future`);
  return s ?? null;
}
fn('pg_xact_status', [X8], OID.text, (a, rt) => xactStatus(rt, a[0] as bigint), { volatility: 'v' });
fn('txid_status', [I8], OID.text, (a, rt) => xactStatus(rt, a[0] as bigint), { volatility: 'v' });

// age(xid): the distance from the transaction's own xid (or the next one) as a 32-bit signed
// difference; special xids (below 3) are infinitely old.
fn(
  'age',
  [OID.xid],
  OID.int4,
  (a, rt) => {
    const xid = a[0] as number;
    if (xid < 3) return 2147483647;
    const info = rt.session.xactInfo();
    const now = info.assignedXid || info.nextXid;
    return ((now - xid) << 0) | 0;
  },
  { volatility: 's' },
);

const currentSnapshot = (rt: ExprRuntime): string => {
  const s = rt.session.xactInfo().snapshot();
  return snapshotText({ xmin: BigInt(s.xmin), xmax: BigInt(s.xmax), xip: s.xip.map(BigInt) });
};
fn('pg_current_snapshot', [], SNAP, (_a, rt) => currentSnapshot(rt), { volatility: 's' });
fn('txid_current_snapshot', [], TXSNAP, (_a, rt) => currentSnapshot(rt), { volatility: 's' });

function visible(xid: bigint, snapText: string): boolean {
  const s = parseSnapshot(snapText);
  if (xid < s.xmin) return true;
  if (xid >= s.xmax) return false;
  return !s.xip.includes(xid);
}
for (const [prefix, snapType, xidType] of [['pg_snapshot', SNAP, X8], ['txid_snapshot', TXSNAP, I8]] as const) {
  fn(`${prefix}_xmin`, [snapType], xidType, (a) => parseSnapshot(a[0] as string).xmin);
  fn(`${prefix}_xmax`, [snapType], xidType, (a) => parseSnapshot(a[0] as string).xmax);
  fn(`${prefix}_xip`, [snapType], xidType, (a) => parseSnapshot(a[0] as string).xip, { retset: true });
}
fn('pg_visible_in_snapshot', [X8, SNAP], OID.bool, (a) => visible(a[0] as bigint, a[1] as string));
fn('txid_visible_in_snapshot', [I8, TXSNAP], OID.bool, (a) => visible(a[0] as bigint, a[1] as string));
