/**
 * Date/time arithmetic operators: date ± integer, date − date, date/time/timestamp(tz) ± interval,
 * date + time(tz), time − time, timestamp(tz) − timestamp(tz), interval ± interval, −interval,
 * interval × float8, interval ÷ float8. timestamptz ± interval works in the session zone.
 * The arithmetic itself lives in types/datetime.
 *
 * Postgres counterpart: date.c (date_pli, date_mi, datetime_pl, time_mi_time, ...),
 * timestamp.c (timestamp_pl_interval, timestamptz_mi, interval_pl, interval_mul, ...).
 * Known gaps: none known.
 */
import {
  dateAddTime,
  dateAddTimetz,
  timeDiff,
  timeMinusInterval,
  timePlusInterval,
  timetzMinusInterval,
  timetzPlusInterval,
} from '../../types/datetime/casts.js';
import { intervalAdd, intervalDiv, intervalMul, intervalNegate, intervalSub } from '../../types/datetime/interval-arith.js';
import {
  dateAddDays,
  dateDiff,
  dateMinusInterval,
  datePlusInterval,
  dateSubDays,
  timestampDiff,
  timestampMinusInterval,
  timestampPlusInterval,
  timestamptzMinusInterval,
  timestamptzPlusInterval,
} from '../../types/datetime/timestamp-arith.js';
import { sessionTimeZone } from '../../types/datetime/timezone.js';
import { OID } from '../../types/oids.js';
import type { Interval, TimeTz } from '../../types/values.js';
import { fn, op } from '../registry.js';
import { timestampToTimestamptz } from './datetime-convert.js';

const D = OID.date;
const TM = OID.time;
const TTZ = OID.timetz;
const TS = OID.timestamp;
const TSTZ = OID.timestamptz;
const IV = OID.interval;
const I4 = OID.int4;
const F8 = OID.float8;

const iv = (v: unknown): Interval => v as Interval;

// date and integers.
op('+', D, I4, D, (a, b) => dateAddDays(a as number, b as number), { commutator: '+' });
op('+', I4, D, D, (a, b) => dateAddDays(b as number, a as number), { commutator: '+' });
op('-', D, I4, D, (a, b) => dateSubDays(a as number, b as number));
op('-', D, D, I4, (a, b) => dateDiff(a as number, b as number));

// date and intervals / times.
op('+', D, IV, TS, (a, b) => datePlusInterval(a as number, iv(b)), { commutator: '+' });
op('+', IV, D, TS, (a, b) => datePlusInterval(b as number, iv(a)), { commutator: '+' });
op('-', D, IV, TS, (a, b) => dateMinusInterval(a as number, iv(b)));
op('+', D, TM, TS, (a, b) => dateAddTime(a as number, b as number), { commutator: '+' });
op('+', TM, D, TS, (a, b) => dateAddTime(b as number, a as number), { commutator: '+' });
op('+', D, TTZ, TSTZ, (a, b) => dateAddTimetz(a as number, b as TimeTz), { commutator: '+' });
op('+', TTZ, D, TSTZ, (a, b) => dateAddTimetz(b as number, a as TimeTz), { commutator: '+' });

// time and timetz.
op('+', TM, IV, TM, (a, b) => timePlusInterval(a as number, iv(b)), { commutator: '+' });
op('+', IV, TM, TM, (a, b) => timePlusInterval(b as number, iv(a)), { commutator: '+' });
op('-', TM, IV, TM, (a, b) => timeMinusInterval(a as number, iv(b)));
op('-', TM, TM, IV, (a, b) => timeDiff(a as number, b as number));
op('+', TTZ, IV, TTZ, (a, b) => timetzPlusInterval(a as TimeTz, iv(b)), { commutator: '+' });
op('+', IV, TTZ, TTZ, (a, b) => timetzPlusInterval(b as TimeTz, iv(a)), { commutator: '+' });
op('-', TTZ, IV, TTZ, (a, b) => timetzMinusInterval(a as TimeTz, iv(b)));

// timestamps.
op('+', TS, IV, TS, (a, b) => timestampPlusInterval(a as bigint, iv(b)), { commutator: '+' });
op('+', IV, TS, TS, (a, b) => timestampPlusInterval(b as bigint, iv(a)), { commutator: '+' });
op('-', TS, IV, TS, (a, b) => timestampMinusInterval(a as bigint, iv(b)));
op('-', TS, TS, IV, (a, b) => timestampDiff(a as bigint, b as bigint));
op('+', TSTZ, IV, TSTZ, (a, b, rt) => timestamptzPlusInterval(a as bigint, iv(b), sessionTimeZone(rt.session.io)), { commutator: '+' });
op('+', IV, TSTZ, TSTZ, (a, b, rt) => timestamptzPlusInterval(b as bigint, iv(a), sessionTimeZone(rt.session.io)), { commutator: '+' });
op('-', TSTZ, IV, TSTZ, (a, b, rt) => timestamptzMinusInterval(a as bigint, iv(b), sessionTimeZone(rt.session.io)));
op('-', TSTZ, TSTZ, IV, (a, b) => timestampDiff(a as bigint, b as bigint));

// intervals.
op('+', IV, IV, IV, (a, b) => intervalAdd(iv(a), iv(b)), { commutator: '+' });
op('-', IV, IV, IV, (a, b) => intervalSub(iv(a), iv(b)));
op('-', 0, IV, IV, (_, a) => intervalNegate(iv(a)));
op('*', IV, F8, IV, (a, b) => intervalMul(iv(a), b as number), { commutator: '*' });
op('*', F8, IV, IV, (a, b) => intervalMul(iv(b), a as number), { commutator: '*' });
op('/', IV, F8, IV, (a, b) => intervalDiv(iv(a), b as number));

// timestamp(date, time), timestamptz(date, time) (in the session's zone) and
// timestamptz(date, timetz): the pg_proc functions behind `date + time` and friends.
fn('timestamp', [D, TM], TS, (a) => dateAddTime(a[0] as number, a[1] as number));
fn('timestamptz', [D, TM], TSTZ, (a, rt) => timestampToTimestamptz(dateAddTime(a[0] as number, a[1] as number), rt.session.io), { volatility: 's' });
fn('timestamptz', [D, TTZ], TSTZ, (a) => dateAddTimetz(a[0] as number, a[1] as TimeTz));
