/**
 * date_trunc(field, value [, zone]) for timestamp, timestamptz and interval. For timestamptz,
 * truncation happens on the local time in the session zone (or the given zone), and for units of
 * a day or more the zone offset is determined again for the truncated local time.
 *
 * Postgres counterpart: timestamp_trunc, timestamptz_trunc_internal, interval_trunc in
 * src/backend/utils/adt/timestamp.c.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import type { Interval } from '../values.js';
import { TS_INFINITY, TS_NEG_INFINITY } from '../values.js';
import { fieldsToTimestamp, isValidJulianYm, isValidTimestamp, timestampToFields, type DateTimeFields } from './calendar.js';
import { intervalOutOfRange, outOfRange } from './errors.js';
import { date2isoweek, isoweek2date } from './iso-week.js';
import { isIntervalInfinite, makeIntervalValue } from './interval-value.js';
import { offsetForLocalTime, type PgTimeZone } from './timezone.js';
import { lookupUnitWord, lowerFieldName, type DateUnit } from './units.js';

const TS_UNITS: ReadonlySet<DateUnit> = new Set<DateUnit>([
  'week', 'millennium', 'century', 'decade', 'year', 'quarter', 'month', 'day', 'hour', 'minute', 'second',
  'millisecond', 'microsecond',
]);

const notRecognized = (unit: string, type: string): PgError =>
  new PgError(SQLSTATE.invalid_parameter_value, `unit "${unit}" not recognized for type ${type}`);
const notSupported = (unit: string, type: string, detail?: string): PgError =>
  new PgError(SQLSTATE.feature_not_supported, `unit "${unit}" not supported for type ${type}`, { detail });

/** C's truncating integer division. */
const cdiv = (a: number, b: number): number => Math.trunc(a / b);

/** Truncates broken-down local time in place; returns whether the unit is a day or longer. */
function truncFields(f: DateTimeFields, unit: DateUnit): boolean {
  if (unit === 'week') {
    const woy = date2isoweek(f.year, f.month, f.day);
    let y = f.year;
    if (woy >= 52 && f.month === 1) y--;
    if (woy <= 1 && f.month === 12) y++;
    Object.assign(f, isoweek2date(y, woy), { hour: 0, minute: 0, second: 0, fsec: 0 });
    return true;
  }
  const order: DateUnit[] = ['millennium', 'century', 'decade', 'year', 'quarter', 'month', 'day', 'hour', 'minute', 'second'];
  const idx = order.indexOf(unit);
  const reach = (u: DateUnit): boolean => idx >= 0 && idx <= order.indexOf(u);
  if (unit === 'millennium') {
    f.year = f.year > 0 ? cdiv(f.year + 999, 1000) * 1000 - 999 : -cdiv(999 - (f.year - 1), 1000) * 1000 + 1;
  }
  if (unit === 'century' || unit === 'millennium') {
    f.year = f.year > 0 ? cdiv(f.year + 99, 100) * 100 - 99 : -cdiv(99 - (f.year - 1), 100) * 100 + 1;
  }
  if (unit === 'decade') {
    f.year = f.year > 0 ? cdiv(f.year, 10) * 10 : -cdiv(8 - (f.year - 1), 10) * 10;
  }
  if (reach('year')) f.month = 1;
  if (reach('quarter')) f.month = 3 * cdiv(f.month - 1, 3) + 1;
  if (reach('month')) f.day = 1;
  if (reach('day')) f.hour = 0;
  if (reach('hour')) f.minute = 0;
  if (reach('minute')) f.second = 0;
  if (reach('second')) f.fsec = 0;
  if (unit === 'millisecond') f.fsec = cdiv(f.fsec, 1000) * 1000;
  return reach('day');
}

function resolveTsUnit(field: string, typeName: string): DateUnit {
  const lower = lowerFieldName(field);
  const w = lookupUnitWord(lower);
  if (w?.kind !== 'unit') throw notRecognized(lower, typeName);
  if (!TS_UNITS.has(w.unit)) throw notSupported(lower, typeName);
  return w.unit;
}

function checkedTimestamp(f: DateTimeFields, offsetEast = 0): bigint {
  if (!isValidJulianYm(f.year, f.month)) throw outOfRange('timestamp');
  const ts = fieldsToTimestamp(f) - BigInt(offsetEast) * 1_000_000n;
  if (!isValidTimestamp(ts)) throw outOfRange('timestamp');
  return ts;
}

/** date_trunc(field, timestamp). */
export function dateTruncTimestamp(field: string, ts: bigint): bigint {
  const unit = resolveTsUnit(field, 'timestamp without time zone');
  if (ts === TS_INFINITY || ts === TS_NEG_INFINITY) return ts;
  const f = timestampToFields(ts);
  truncFields(f, unit);
  return checkedTimestamp(f);
}

/** date_trunc(field, timestamptz [, zone]): truncation in `zone`'s local time. */
export function dateTruncTimestamptz(field: string, ts: bigint, zone: PgTimeZone): bigint {
  const unit = resolveTsUnit(field, 'timestamp with time zone');
  if (ts === TS_INFINITY || ts === TS_NEG_INFINITY) return ts;
  let offset = zone.utcOffset(ts);
  const f = timestampToFields(ts + BigInt(offset) * 1_000_000n);
  if (truncFields(f, unit)) {
    if (!isValidJulianYm(f.year, f.month)) throw outOfRange('timestamp');
    offset = offsetForLocalTime(zone, fieldsToTimestamp(f));
  }
  return checkedTimestamp(f, offset);
}

/** date_trunc(field, interval). */
export function dateTruncInterval(field: string, v: Interval): Interval {
  const lower = lowerFieldName(field);
  const w = lookupUnitWord(lower);
  if (w?.kind !== 'unit') throw notRecognized(lower, 'interval');
  const unit = w.unit;
  const supported = TS_UNITS.has(unit) && unit !== 'week';
  if (!supported) {
    throw unit === 'week' ? notSupported(lower, 'interval', 'Months usually have fractional weeks.') : notSupported(lower, 'interval');
  }
  if (isIntervalInfinite(v)) return v;
  let year = Math.trunc(v.months / 12);
  let mon = v.months % 12;
  let mday = v.days;
  let t = v.micros;
  let hour = t / 3_600_000_000n;
  t -= hour * 3_600_000_000n;
  let min = t / 60_000_000n;
  t -= min * 60_000_000n;
  let sec = t / 1_000_000n;
  let usec = t - sec * 1_000_000n;
  const order: DateUnit[] = ['millennium', 'century', 'decade', 'year', 'quarter', 'month', 'day', 'hour', 'minute', 'second'];
  const idx = order.indexOf(unit);
  const reach = (u: DateUnit): boolean => idx >= 0 && idx <= order.indexOf(u);
  if (unit === 'millennium') year = Math.trunc(year / 1000) * 1000;
  if (reach('century')) year = Math.trunc(year / 100) * 100;
  if (reach('decade')) year = Math.trunc(year / 10) * 10;
  if (reach('year')) mon = 0;
  if (reach('quarter')) mon = 3 * Math.trunc(mon / 3);
  if (reach('month')) mday = 0;
  if (reach('day')) hour = 0n;
  if (reach('hour')) min = 0n;
  if (reach('minute')) sec = 0n;
  if (reach('second')) usec = 0n;
  if (unit === 'millisecond') usec = (usec / 1000n) * 1000n;
  const months = year * 12 + mon;
  const micros = ((hour * 60n + min) * 60n + sec) * 1_000_000n + usec;
  if (micros > 2n ** 63n - 1n || micros < -(2n ** 63n)) throw intervalOutOfRange();
  return makeIntervalValue(months, mday, micros);
}
