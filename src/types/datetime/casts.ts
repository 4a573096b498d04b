/**
 * Conversions among the date/time types: date <-> timestamp <-> timestamptz, timestamp(tz) ->
 * time, timestamptz -> timetz, time <-> timetz, time <-> interval, date + time, date + timetz, and
 * isfinite(). Conversions between local and zoned values use the session zone.
 *
 * Postgres counterpart: date2timestamp, date2timestamptz, timestamp_date, timestamptz_date,
 * timestamp_timestamptz, timestamptz_timestamp, timestamp_time, timestamptz_time,
 * timestamptz_timetz, time_timetz, datetime_timestamp, datetimetz_timestamptz, interval_time
 * (src/backend/utils/adt/date.c, timestamp.c).
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import type { Interval, TimeTz } from '../values.js';
import { TS_INFINITY, TS_NEG_INFINITY } from '../values.js';
import {
  isValidTimestamp, POSTGRES_EPOCH_JDATE, TIMESTAMP_END_JULIAN, USECS_PER_DAY, bigFloorDiv, bigMod,
} from './calendar.js';
import { outOfRange } from './errors.js';
import { isIntervalInfinite } from './interval-value.js';
import { offsetForLocalTime, type PgTimeZone } from './timezone.js';

const dateOutOfRangeForTimestamp = (): PgError =>
  new PgError(SQLSTATE.datetime_field_overflow, 'date out of range for timestamp');

/** date -> timestamp (midnight). */
export function dateToTimestamp(date: number): bigint {
  if (date === -Infinity) return TS_NEG_INFINITY;
  if (date === Infinity) return TS_INFINITY;
  if (date >= TIMESTAMP_END_JULIAN - POSTGRES_EPOCH_JDATE) throw dateOutOfRangeForTimestamp();
  return BigInt(date) * USECS_PER_DAY;
}

/** date -> timestamptz (local midnight in `zone`). */
export function dateToTimestamptz(date: number, zone: PgTimeZone): bigint {
  if (date === -Infinity) return TS_NEG_INFINITY;
  if (date === Infinity) return TS_INFINITY;
  if (date >= TIMESTAMP_END_JULIAN - POSTGRES_EPOCH_JDATE) throw dateOutOfRangeForTimestamp();
  const local = BigInt(date) * USECS_PER_DAY;
  const result = local - BigInt(offsetForLocalTime(zone, local)) * 1_000_000n;
  if (!isValidTimestamp(result)) throw dateOutOfRangeForTimestamp();
  return result;
}

/** timestamp -> date. */
export function timestampToDate(ts: bigint): number {
  if (ts === TS_NEG_INFINITY) return -Infinity;
  if (ts === TS_INFINITY) return Infinity;
  return Number(bigFloorDiv(ts, USECS_PER_DAY));
}

/** timestamptz -> date in `zone`. */
export function timestamptzToDate(ts: bigint, zone: PgTimeZone): number {
  if (ts === TS_NEG_INFINITY || ts === TS_INFINITY) return timestampToDate(ts);
  return timestampToDate(ts + BigInt(zone.utcOffset(ts)) * 1_000_000n);
}

/** timestamp -> timestamptz: the local time read in `zone`. */
export function timestampToTimestamptz(ts: bigint, zone: PgTimeZone): bigint {
  if (ts === TS_NEG_INFINITY || ts === TS_INFINITY) return ts;
  const result = ts - BigInt(offsetForLocalTime(zone, ts)) * 1_000_000n;
  if (!isValidTimestamp(result)) throw outOfRange('timestamp');
  return result;
}

/** timestamptz -> timestamp: the local time in `zone`. */
export function timestamptzToTimestamp(ts: bigint, zone: PgTimeZone): bigint {
  if (ts === TS_NEG_INFINITY || ts === TS_INFINITY) return ts;
  const result = ts + BigInt(zone.utcOffset(ts)) * 1_000_000n;
  if (!isValidTimestamp(result)) throw outOfRange('timestamp');
  return result;
}

/** timestamp -> time (null for ±infinity, as Postgres returns NULL). */
export function timestampToTime(ts: bigint): number | null {
  if (ts === TS_NEG_INFINITY || ts === TS_INFINITY) return null;
  return Number(bigMod(ts, USECS_PER_DAY));
}

/** timestamptz -> time in `zone` (null for ±infinity). */
export function timestamptzToTime(ts: bigint, zone: PgTimeZone): number | null {
  if (ts === TS_NEG_INFINITY || ts === TS_INFINITY) return null;
  return timestampToTime(ts + BigInt(zone.utcOffset(ts)) * 1_000_000n);
}

/** timestamptz -> timetz in `zone` (null for ±infinity). */
export function timestamptzToTimetz(ts: bigint, zone: PgTimeZone): TimeTz | null {
  if (ts === TS_NEG_INFINITY || ts === TS_INFINITY) return null;
  const offset = zone.utcOffset(ts);
  return { time: Number(bigMod(ts + BigInt(offset) * 1_000_000n, USECS_PER_DAY)), offset };
}

/** time -> timetz: the zone's offset on the current date (`now` is the transaction timestamp). */
export function timeToTimetz(time: number, zone: PgTimeZone, now: bigint): TimeTz {
  const today = bigFloorDiv(now + BigInt(zone.utcOffset(now)) * 1_000_000n, USECS_PER_DAY);
  const local = today * USECS_PER_DAY + BigInt(time);
  return { time, offset: offsetForLocalTime(zone, local) };
}

/** timetz -> time (drops the zone). */
export function timetzToTime(v: TimeTz): number {
  return v.time;
}

/** date + time -> timestamp. */
export function dateAddTime(date: number, time: number): bigint {
  const ts = dateToTimestamp(date);
  if (ts === TS_NEG_INFINITY || ts === TS_INFINITY) return ts;
  const result = ts + BigInt(time);
  if (!isValidTimestamp(result)) throw outOfRange('timestamp');
  return result;
}

/** date + timetz -> timestamptz. */
export function dateAddTimetz(date: number, t: TimeTz): bigint {
  if (date === -Infinity) return TS_NEG_INFINITY;
  if (date === Infinity) return TS_INFINITY;
  if (date >= TIMESTAMP_END_JULIAN - POSTGRES_EPOCH_JDATE) throw dateOutOfRangeForTimestamp();
  const result = BigInt(date) * USECS_PER_DAY + BigInt(t.time) - BigInt(t.offset) * 1_000_000n;
  if (!isValidTimestamp(result)) throw dateOutOfRangeForTimestamp();
  return result;
}

/** time -> interval. */
export function timeToInterval(time: number): Interval {
  return { months: 0, days: 0, micros: BigInt(time) };
}

/** interval -> time: the time part modulo 24 hours. */
export function intervalToTime(v: Interval): number {
  if (isIntervalInfinite(v)) {
    throw new PgError(SQLSTATE.datetime_field_overflow, 'cannot convert infinite interval to time');
  }
  return Number(bigMod(v.micros, USECS_PER_DAY));
}

/** time + interval (wraps around midnight). */
export function timePlusInterval(time: number, span: Interval): number {
  if (isIntervalInfinite(span)) {
    throw new PgError(SQLSTATE.datetime_field_overflow, 'cannot add infinite interval to time');
  }
  return Number(bigMod(BigInt(time) + span.micros, USECS_PER_DAY));
}

/** time - interval (wraps around midnight). */
export function timeMinusInterval(time: number, span: Interval): number {
  if (isIntervalInfinite(span)) {
    throw new PgError(SQLSTATE.datetime_field_overflow, 'cannot subtract infinite interval from time');
  }
  return Number(bigMod(BigInt(time) - span.micros, USECS_PER_DAY));
}

/** timetz ± interval (wraps around midnight, zone kept). */
export function timetzPlusInterval(t: TimeTz, span: Interval): TimeTz {
  return { time: timePlusInterval(t.time, span), offset: t.offset };
}
export function timetzMinusInterval(t: TimeTz, span: Interval): TimeTz {
  return { time: timeMinusInterval(t.time, span), offset: t.offset };
}

/** time - time -> interval. */
export function timeDiff(a: number, b: number): Interval {
  return { months: 0, days: 0, micros: BigInt(a - b) };
}

/** isfinite(date | timestamp | interval). */
export function isFiniteDateTime(v: number | bigint | Interval): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  if (typeof v === 'bigint') return v !== TS_INFINITY && v !== TS_NEG_INFINITY;
  return isIntervalInfinite(v) === 0;
}
