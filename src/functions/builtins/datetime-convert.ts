/**
 * Conversions between date, timestamp and timestamptz used by cross-type operators and the
 * date/time functions: a date is midnight of its day; a timestamp without time zone is read as
 * local time of the session zone when it meets a timestamptz.
 *
 * Postgres counterpart: date2timestamp(_no_overflow), date2timestamptz, timestamp2timestamptz,
 * timestamptz2timestamp in src/backend/utils/adt/date.c and timestamp.c.
 * Known gaps: none known.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import type { IoContext } from '../../types/type-io.js';
import { TS_INFINITY, TS_NEG_INFINITY } from '../../types/values.js';
import { USECS_PER_DAY, isValidTimestamp, bigFloorDiv } from '../../types/datetime/calendar.js';
import { offsetForLocalTime, sessionTimeZone, type PgTimeZone } from '../../types/datetime/timezone.js';

/** Whether a timestamp(tz) value is ±infinity. */
export function isTsInfinite(ts: bigint): boolean {
  return ts === TS_INFINITY || ts === TS_NEG_INFINITY;
}

/** 22008 `<what> out of range`. */
export function datetimeOutOfRange(what: string): PgError {
  return new PgError(SQLSTATE.datetime_field_overflow, `${what} out of range`);
}

/**
 * Midnight of a date as a timestamp, for comparisons: a date beyond the timestamp range sorts
 * just inside ±infinity, as Postgres's date2timestamp_opt_overflow comparison does.
 */
export function dateToTimestampNoOverflow(d: number): bigint {
  if (d === Infinity) return TS_INFINITY;
  if (d === -Infinity) return TS_NEG_INFINITY;
  return clampToRange(BigInt(d) * USECS_PER_DAY);
}

function clampToRange(ts: bigint): bigint {
  if (isValidTimestamp(ts)) return ts;
  return ts > 0n ? TS_INFINITY - 1n : TS_NEG_INFINITY + 1n;
}

/** date → timestamp; 22008 `date out of range for timestamp`. */
export function dateToTimestamp(d: number): bigint {
  const ts = dateToTimestampNoOverflow(d);
  if (!isTsInfinite(ts) && !isValidTimestamp(ts)) throw dateOutOfRangeForTimestamp();
  return ts;
}

function dateOutOfRangeForTimestamp(): PgError {
  return new PgError(SQLSTATE.datetime_field_overflow, 'date out of range for timestamp');
}

/** Local wall-clock microseconds → UTC in `zone` (Postgres's DetermineTimeZoneOffset rules). */
export function localToUtc(local: bigint, zone: PgTimeZone): bigint {
  if (isTsInfinite(local)) return local;
  return local - BigInt(offsetForLocalTime(zone, local)) * 1_000_000n;
}

/** UTC → local wall-clock microseconds in `zone`. */
export function utcToLocal(utc: bigint, zone: PgTimeZone): bigint {
  if (isTsInfinite(utc)) return utc;
  return utc + BigInt(zone.utcOffset(utc)) * 1_000_000n;
}

/** date → timestamptz (midnight in the session zone), without range checks. */
export function dateToTimestamptzNoOverflow(d: number, io: IoContext): bigint {
  const local = dateToTimestampNoOverflow(d);
  if (local >= TS_INFINITY - 1n || local <= TS_NEG_INFINITY + 1n) return local;
  return clampToRange(localToUtc(local, sessionTimeZone(io)));
}

/** date → timestamptz; 22008 when out of range. */
export function dateToTimestamptz(d: number, io: IoContext): bigint {
  const ts = dateToTimestamptzNoOverflow(d, io);
  if (!isTsInfinite(ts) && !isValidTimestamp(ts)) throw dateOutOfRangeForTimestamp();
  return ts;
}

/** timestamp → timestamptz in the session zone. */
export function timestampToTimestamptz(ts: bigint, io: IoContext): bigint {
  const r = localToUtc(ts, sessionTimeZone(io));
  if (!isTsInfinite(r) && !isValidTimestamp(r)) throw datetimeOutOfRange('timestamp');
  return r;
}

/** timestamptz → timestamp in the session zone. */
export function timestamptzToTimestamp(ts: bigint, io: IoContext): bigint {
  const r = utcToLocal(ts, sessionTimeZone(io));
  if (!isTsInfinite(r) && !isValidTimestamp(r)) throw datetimeOutOfRange('timestamp');
  return r;
}

/** timestamp → date (the day it falls in). */
export function timestampToDate(ts: bigint): number {
  if (ts === TS_INFINITY) return Infinity;
  if (ts === TS_NEG_INFINITY) return -Infinity;
  return Number(bigFloorDiv(ts, USECS_PER_DAY));
}
