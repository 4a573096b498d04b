/**
 * Timestamp and date arithmetic: timestamp ± interval (months first with end-of-month clamping,
 * then days, then microseconds; for timestamptz months and days move in local time of the session
 * zone, so a day across a DST change is 23 or 25 hours), timestamp - timestamp, date ± integer,
 * date - date, date ± interval, age() and date_bin().
 *
 * Postgres counterpart: timestamp_pl_interval, timestamptz_pl_interval_internal, timestamp_mi,
 * timestamp_age, timestamptz_age, timestamp_bin (timestamp.c); date_pli, date_mii, date_mi (date.c).
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import type { Interval } from '../values.js';
import { TS_INFINITY, TS_NEG_INFINITY } from '../values.js';
import {
  date2j, daysInMonth, fieldsToTimestamp, isValidJulianYm, isValidTimestamp, j2date,
  timestampToFields, USECS_PER_DAY, type DateTimeFields,
} from './calendar.js';
import { isValidDate } from './date.js';
import { intervalOutOfRange, outOfRange } from './errors.js';
import { justifyHours, intervalNegate } from './interval-arith.js';
import { INTERVAL_INFINITY, INTERVAL_NEG_INFINITY, isIntervalInfinite, makeIntervalValue } from './interval-value.js';
import { offsetForLocalTime, type PgTimeZone } from './timezone.js';
import { dateToTimestamp } from './casts.js';

const tsOutOfRange = (): PgError => outOfRange('timestamp');

const isFiniteTs = (ts: bigint): boolean => ts !== TS_INFINITY && ts !== TS_NEG_INFINITY;

/** Joins fields into a timestamp, with Postgres's tm2timestamp range checks. */
function fieldsToTimestampChecked(f: DateTimeFields, offsetEast = 0): bigint {
  if (!isValidJulianYm(f.year, f.month)) throw tsOutOfRange();
  const ts = fieldsToTimestamp(f) - BigInt(offsetEast) * 1_000_000n;
  if (!isValidTimestamp(ts)) throw tsOutOfRange();
  return ts;
}

function addMonthsToFields(f: DateTimeFields, months: number): void {
  let mon = f.month + months;
  if (mon > 12) {
    f.year += Math.trunc((mon - 1) / 12);
    mon = ((mon - 1) % 12) + 1;
  } else if (mon < 1) {
    f.year += Math.trunc(mon / 12) - 1;
    mon = (mon % 12) + 12;
  }
  f.month = mon;
  const dim = daysInMonth(f.year, f.month);
  if (f.day > dim) f.day = dim;
}

function addDaysToFields(f: DateTimeFields, days: number): void {
  const d = j2date(date2j(f.year, f.month, f.day) + days);
  f.year = d.year;
  f.month = d.month;
  f.day = d.day;
}

/** Infinite-operand rules shared by timestamp ± interval. Returns undefined when both are finite. */
function infinitePlus(ts: bigint, span: Interval): bigint | undefined {
  const inf = isIntervalInfinite(span);
  if (inf < 0) {
    if (ts === TS_INFINITY) throw tsOutOfRange();
    return TS_NEG_INFINITY;
  }
  if (inf > 0) {
    if (ts === TS_NEG_INFINITY) throw tsOutOfRange();
    return TS_INFINITY;
  }
  if (!isFiniteTs(ts)) return ts;
  return undefined;
}

/** timestamp + interval (Postgres's timestamp_pl_interval). */
export function timestampPlusInterval(ts: bigint, span: Interval): bigint {
  const special = infinitePlus(ts, span);
  if (special !== undefined) return special;
  let result = ts;
  if (span.months !== 0) {
    const f = timestampToFields(result);
    addMonthsToFields(f, span.months);
    result = fieldsToTimestampChecked(f);
  }
  if (span.days !== 0) {
    const f = timestampToFields(result);
    addDaysToFields(f, span.days);
    result = fieldsToTimestampChecked(f);
  }
  result += span.micros;
  if (!isValidTimestamp(result)) throw tsOutOfRange();
  return result;
}

/** timestamp - interval. */
export function timestampMinusInterval(ts: bigint, span: Interval): bigint {
  return timestampPlusInterval(ts, intervalNegate(span));
}

/**
 * timestamptz + interval: months and days are added to the local time in `zone` (the session
 * zone, or date_add's explicit zone), then the offset is determined again; micros are added to the
 * instant (Postgres's timestamptz_pl_interval_internal).
 */
export function timestamptzPlusInterval(ts: bigint, span: Interval, zone: PgTimeZone): bigint {
  const special = infinitePlus(ts, span);
  if (special !== undefined) return special;
  let result = ts;
  const shiftLocal = (fn: (f: DateTimeFields) => void): void => {
    const off = zone.utcOffset(result);
    const f = timestampToFields(result + BigInt(off) * 1_000_000n);
    fn(f);
    if (!isValidJulianYm(f.year, f.month)) throw tsOutOfRange();
    const local = fieldsToTimestamp(f);
    result = fieldsToTimestampChecked(f, offsetForLocalTime(zone, local));
  };
  if (span.months !== 0) shiftLocal((f) => addMonthsToFields(f, span.months));
  if (span.days !== 0) shiftLocal((f) => addDaysToFields(f, span.days));
  result += span.micros;
  if (!isValidTimestamp(result)) throw tsOutOfRange();
  return result;
}

/** timestamptz - interval. */
export function timestamptzMinusInterval(ts: bigint, span: Interval, zone: PgTimeZone): bigint {
  return timestamptzPlusInterval(ts, intervalNegate(span), zone);
}

/** timestamp - timestamp (either kind): the difference, justified into days and time. */
export function timestampDiff(a: bigint, b: bigint): Interval {
  if (!isFiniteTs(a) || !isFiniteTs(b)) {
    if (a === TS_NEG_INFINITY) {
      if (b === TS_NEG_INFINITY) throw intervalOutOfRange();
      return INTERVAL_NEG_INFINITY;
    }
    if (a === TS_INFINITY) {
      if (b === TS_INFINITY) throw intervalOutOfRange();
      return INTERVAL_INFINITY;
    }
    return b === TS_NEG_INFINITY ? INTERVAL_INFINITY : INTERVAL_NEG_INFINITY;
  }
  const diff = a - b;
  if (diff > 2n ** 63n - 1n || diff < -(2n ** 63n)) throw intervalOutOfRange();
  return justifyHours({ months: 0, days: 0, micros: diff });
}

const dateOutOfRange = (): PgError => outOfRange('date');

/** date + integer (days). */
export function dateAddDays(date: number, days: number): number {
  if (!Number.isFinite(date)) return date;
  const result = date + days;
  if (!isValidDate(result)) throw dateOutOfRange();
  return result;
}

/** date - integer (days). */
export function dateSubDays(date: number, days: number): number {
  if (!Number.isFinite(date)) return date;
  const result = date - days;
  if (!isValidDate(result)) throw dateOutOfRange();
  return result;
}

/** date - date: days between (22008 for infinite operands). */
export function dateDiff(a: number, b: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b)) {
    throw new PgError(SQLSTATE.datetime_field_overflow, 'cannot subtract infinite dates');
  }
  return a - b;
}

/** date + interval -> timestamp. */
export function datePlusInterval(date: number, span: Interval): bigint {
  return timestampPlusInterval(dateToTimestamp(date), span);
}

/** date - interval -> timestamp. */
export function dateMinusInterval(date: number, span: Interval): bigint {
  return timestampMinusInterval(dateToTimestamp(date), span);
}

/** The symbolic difference of two broken-down times (shared by both age() variants). */
function ageOfFields(a: bigint, b: bigint, f1: DateTimeFields, f2: DateTimeFields): Interval {
  let fsec = f1.fsec - f2.fsec;
  let sec = f1.second - f2.second;
  let min = f1.minute - f2.minute;
  let hour = f1.hour - f2.hour;
  let mday = f1.day - f2.day;
  let mon = f1.month - f2.month;
  let year = f1.year - f2.year;
  const flip = a < b;
  if (flip) {
    [fsec, sec, min, hour, mday, mon, year] = [-fsec, -sec, -min, -hour, -mday, -mon, -year];
  }
  while (fsec < 0) {
    fsec += 1_000_000;
    sec--;
  }
  while (sec < 0) {
    sec += 60;
    min--;
  }
  while (min < 0) {
    min += 60;
    hour--;
  }
  while (hour < 0) {
    hour += 24;
    mday--;
  }
  while (mday < 0) {
    const ref = flip ? f1 : f2;
    mday += daysInMonth(ref.year, ref.month);
    mon--;
  }
  while (mon < 0) {
    mon += 12;
    year--;
  }
  if (flip) {
    [fsec, sec, min, hour, mday, mon, year] = [-fsec, -sec, -min, -hour, -mday, -mon, -year];
  }
  const months = year * 12 + mon;
  const micros = BigInt(((hour * 60 + min) * 60 + sec)) * 1_000_000n + BigInt(fsec);
  return makeIntervalValue(months, mday, micros);
}

function ageInfinite(a: bigint, b: bigint): Interval | undefined {
  if (isFiniteTs(a) && isFiniteTs(b)) return undefined;
  if ((a === TS_NEG_INFINITY && b === TS_NEG_INFINITY) || (a === TS_INFINITY && b === TS_INFINITY)) {
    throw intervalOutOfRange();
  }
  return a === TS_NEG_INFINITY || b === TS_INFINITY ? INTERVAL_NEG_INFINITY : INTERVAL_INFINITY;
}

/** age(timestamp, timestamp): years, months, days between, "symbolically". */
export function ageTimestamp(a: bigint, b: bigint): Interval {
  return ageInfinite(a, b) ?? ageOfFields(a, b, timestampToFields(a), timestampToFields(b));
}

/** age(timestamptz, timestamptz): as ageTimestamp, on local times in `zone`. */
export function ageTimestamptz(a: bigint, b: bigint, zone: PgTimeZone): Interval {
  const inf = ageInfinite(a, b);
  if (inf) return inf;
  const local = (t: bigint): DateTimeFields => timestampToFields(t + BigInt(zone.utcOffset(t)) * 1_000_000n);
  return ageOfFields(a, b, local(a), local(b));
}

/** Midnight of the current date (in `zone`) of a transaction timestamp, as a local timestamp. */
export function currentDateMidnight(now: bigint, zone: PgTimeZone): bigint {
  const local = now + BigInt(zone.utcOffset(now)) * 1_000_000n;
  const days = local >= 0n ? local / USECS_PER_DAY : -((-local + USECS_PER_DAY - 1n) / USECS_PER_DAY);
  return days * USECS_PER_DAY;
}

/** age(timestamp): age from midnight of the current date (`now` is the transaction timestamp). */
export function ageTimestampFromToday(ts: bigint, now: bigint, zone: PgTimeZone): Interval {
  return ageTimestamp(currentDateMidnight(now, zone), ts);
}

/** age(timestamptz): age from midnight (in `zone`) of the current date. */
export function ageTimestamptzFromToday(ts: bigint, now: bigint, zone: PgTimeZone): Interval {
  const midnightLocal = currentDateMidnight(now, zone);
  const midnight = midnightLocal - BigInt(offsetForLocalTime(zone, midnightLocal)) * 1_000_000n;
  return ageTimestamptz(midnight, ts, zone);
}

/** date_bin(stride, source, origin) for timestamp and timestamptz alike. */
export function dateBin(stride: Interval, source: bigint, origin: bigint): bigint {
  if (!isFiniteTs(source)) return source;
  if (!isFiniteTs(origin)) throw new PgError(SQLSTATE.datetime_field_overflow, 'origin out of range');
  if (isIntervalInfinite(stride)) {
    throw new PgError(SQLSTATE.datetime_field_overflow, 'timestamps cannot be binned into infinite intervals');
  }
  if (stride.months !== 0) {
    throw new PgError(SQLSTATE.feature_not_supported, 'timestamps cannot be binned into intervals containing months or years');
  }
  const strideUsecs = BigInt(stride.days) * USECS_PER_DAY + stride.micros;
  if (strideUsecs > 2n ** 63n - 1n || strideUsecs < -(2n ** 63n)) throw intervalOutOfRange();
  if (strideUsecs <= 0n) throw new PgError(SQLSTATE.datetime_field_overflow, 'stride must be greater than zero');
  const diff = source - origin;
  if (diff > 2n ** 63n - 1n || diff < -(2n ** 63n)) throw intervalOutOfRange();
  const modulo = diff % strideUsecs;
  let result = origin + (diff - modulo);
  if (diff < 0n && modulo !== 0n) result -= strideUsecs;
  if (!isValidTimestamp(result)) throw tsOutOfRange();
  return result;
}

