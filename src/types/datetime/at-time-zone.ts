/**
 * AT TIME ZONE and timezone(): timestamp -> timestamptz (read the local time in a zone),
 * timestamptz -> timestamp (the local time in a zone), timetz -> timetz (rotate to a zone), for
 * zone names/abbreviations (text) and for interval offsets (`AT TIME ZONE INTERVAL '05:30'`).
 *
 * Postgres counterpart: timestamp_zone, timestamptz_zone, timetz_zone, timestamp_izone,
 * timestamptz_izone, timetz_izone (timestamp.c, date.c).
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import type { Interval, TimeTz } from '../values.js';
import { TS_INFINITY, TS_NEG_INFINITY } from '../values.js';
import { isValidTimestamp } from './calendar.js';
import { outOfRange } from './errors.js';
import { formatInterval } from './interval-format.js';
import { isIntervalInfinite } from './interval-value.js';
import type { PgTimeZone } from './timezone.js';
import { resolveZoneArgument, zoneArgOffsetAtUtc, zoneArgOffsetForLocal } from './zone-arg.js';

const finite = (ts: bigint): boolean => ts !== TS_INFINITY && ts !== TS_NEG_INFINITY;

function checked(ts: bigint): bigint {
  if (!isValidTimestamp(ts)) throw outOfRange('timestamp');
  return ts;
}

/** `timestamp AT TIME ZONE zone` -> timestamptz (`session`: whose abbreviations come first). */
export function timestampAtTimeZone(ts: bigint, zone: string, session?: PgTimeZone): bigint {
  if (!finite(ts)) return ts;
  const z = resolveZoneArgument(zone, session);
  return checked(ts - BigInt(zoneArgOffsetForLocal(z, ts)) * 1_000_000n);
}

/** `timestamptz AT TIME ZONE zone` -> timestamp. */
export function timestamptzAtTimeZone(ts: bigint, zone: string, session?: PgTimeZone): bigint {
  if (!finite(ts)) return ts;
  const z = resolveZoneArgument(zone, session);
  return checked(ts + BigInt(zoneArgOffsetAtUtc(z, ts)) * 1_000_000n);
}

const USECS_PER_DAY = 86_400_000_000;

function rotate(t: TimeTz, offset: number): TimeTz {
  let time = t.time + (offset - t.offset) * 1_000_000;
  while (time < 0) time += USECS_PER_DAY;
  while (time >= USECS_PER_DAY) time -= USECS_PER_DAY;
  return { time, offset };
}

/** `timetz AT TIME ZONE zone`: a zone's offset is taken at `now` (the transaction timestamp). */
export function timetzAtTimeZone(t: TimeTz, zone: string, now: bigint, session?: PgTimeZone): TimeTz {
  const z = resolveZoneArgument(zone, session);
  return rotate(t, zoneArgOffsetAtUtc(z, now));
}

/** Seconds east of an interval used as a zone (whole seconds; no months or days). */
function intervalZoneOffset(zone: Interval, intervalStyle: string): number {
  if (isIntervalInfinite(zone)) {
    throw new PgError(SQLSTATE.invalid_parameter_value, `interval time zone "${formatInterval(zone, intervalStyle)}" must be finite`);
  }
  if (zone.months !== 0 || zone.days !== 0) {
    throw new PgError(
      SQLSTATE.invalid_parameter_value,
      `interval time zone "${formatInterval(zone, intervalStyle)}" must not include months or days`,
    );
  }
  return Number(zone.micros / 1_000_000n);
}

/** `timestamp AT TIME ZONE interval` -> timestamptz. */
export function timestampAtIntervalZone(ts: bigint, zone: Interval, intervalStyle = 'postgres'): bigint {
  if (!finite(ts)) return ts;
  return checked(ts - BigInt(intervalZoneOffset(zone, intervalStyle)) * 1_000_000n);
}

/** `timestamptz AT TIME ZONE interval` -> timestamp. */
export function timestamptzAtIntervalZone(ts: bigint, zone: Interval, intervalStyle = 'postgres'): bigint {
  if (!finite(ts)) return ts;
  return checked(ts + BigInt(intervalZoneOffset(zone, intervalStyle)) * 1_000_000n);
}

/** `timetz AT TIME ZONE interval`. */
export function timetzAtIntervalZone(t: TimeTz, zone: Interval, intervalStyle = 'postgres'): TimeTz {
  return rotate(t, intervalZoneOffset(zone, intervalStyle));
}
