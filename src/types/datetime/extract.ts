/**
 * extract(field FROM value), returning numeric (as exact decimal text, e.g. `'0.500000'`,
 * `'Infinity'`), and date_part(field, value), returning float8; `null` where Postgres returns
 * NULL (oscillating fields of infinite values). Covers date, time, timetz, timestamp, timestamptz
 * and interval.
 *
 * Postgres counterpart: timestamp_part_common, timestamptz_part_common, extract_date,
 * time_part_common, timetz_part_common, interval_part_common (timestamp.c, date.c).
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import type { Interval, TimeTz } from '../values.js';
import { TS_INFINITY, TS_NEG_INFINITY } from '../values.js';
import { date2j, j2date, j2day, POSTGRES_EPOCH_JDATE, timestampToFields, UNIX_EPOCH_JDATE, type DateTimeFields } from './calendar.js';
import { date2isoweek, date2isoyear } from './iso-week.js';
import { isIntervalInfinite } from './interval-value.js';
import { divRoundHalfAway, divScale, scaledDecimalText } from './numeric-text.js';
import type { PgTimeZone } from './timezone.js';
import { classifyFieldName, lowerFieldName, type DateUnit } from './units.js';

/** A field value: exact (digits / 10^scale) for extract, and Postgres's float8 for date_part. */
interface PartValue {
  digits: bigint;
  scale: number;
  float: number;
}

const int = (v: number | bigint): PartValue => ({ digits: BigInt(v), scale: 0, float: Number(v) + 0 });

const notRecognized = (unit: string, type: string): PgError =>
  new PgError(SQLSTATE.invalid_parameter_value, `unit "${unit}" not recognized for type ${type}`);
const notSupported = (unit: string, type: string): PgError =>
  new PgError(SQLSTATE.feature_not_supported, `unit "${unit}" not supported for type ${type}`);

/** C's truncating division. */
const cdiv = (a: number, b: number): number => Math.trunc(a / b);

type Resolved = { unit: DateUnit | 'epoch'; lower: string } | { unit: undefined; lower: string; reserved: boolean };

function resolve(field: string): Resolved {
  const lower = lowerFieldName(field);
  const c = classifyFieldName(lower);
  if (c.kind === 'unit') return { unit: c.unit, lower };
  if (c.kind === 'reserved' && c.unit) return { unit: 'epoch', lower };
  return { unit: undefined, lower, reserved: c.kind === 'reserved' };
}

/** Year-like fields shared by timestamps and dates. */
function yearPart(unit: DateUnit, year: number): PartValue | undefined {
  switch (unit) {
    case 'year':
      return int(year > 0 ? year : year - 1);
    case 'decade':
      return int(year >= 0 ? cdiv(year, 10) : -cdiv(8 - (year - 1), 10));
    case 'century':
      return int(year > 0 ? cdiv(year + 99, 100) : -cdiv(99 - (year - 1), 100));
    case 'millennium':
      return int(year > 0 ? cdiv(year + 999, 1000) : -cdiv(999 - (year - 1), 1000));
    default:
      return undefined;
  }
}

/** Date fields shared by timestamps and dates. */
function datePart(unit: DateUnit, y: number, m: number, d: number): PartValue | undefined {
  switch (unit) {
    case 'day':
      return int(d);
    case 'month':
      return int(m);
    case 'quarter':
      return int(cdiv(m - 1, 3) + 1);
    case 'week':
      return int(date2isoweek(y, m, d));
    case 'isoyear': {
      const iy = date2isoyear(y, m, d);
      return int(iy <= 0 ? iy - 1 : iy);
    }
    case 'dow':
    case 'isodow': {
      const dow = j2day(date2j(y, m, d));
      return int(unit === 'isodow' && dow === 0 ? 7 : dow);
    }
    case 'doy':
      return int(date2j(y, m, d) - date2j(y, 1, 1) + 1);
    default:
      return yearPart(unit, y);
  }
}

/** Sub-day fields from seconds and microseconds. */
function secondsPart(unit: DateUnit, sec: number, fsec: number): PartValue | undefined {
  const us = BigInt(sec) * 1_000_000n + BigInt(fsec);
  switch (unit) {
    case 'microsecond':
      return { digits: us, scale: 0, float: sec * 1_000_000 + fsec };
    case 'millisecond':
      return { digits: us, scale: 3, float: sec * 1000 + fsec / 1000 };
    case 'second':
      return { digits: us, scale: 6, float: sec + fsec / 1_000_000 };
    default:
      return undefined;
  }
}

/** Fields of broken-down local time (timestamp or timestamptz). */
function fieldsPart(unit: DateUnit, f: DateTimeFields): PartValue | undefined {
  switch (unit) {
    case 'minute':
      return int(f.minute);
    case 'hour':
      return int(f.hour);
    case 'julian': {
      const jd = date2j(f.year, f.month, f.day);
      const dayUs = BigInt(((f.hour * 60 + f.minute) * 60 + f.second)) * 1_000_000n + BigInt(f.fsec);
      // numeric division picks at least 16 significant digits (base-10000 weights), then adds.
      const rscale = divScale(dayUs, 86_400_000_000n);
      const frac = divRoundHalfAway(dayUs * 10n ** BigInt(rscale), 86_400_000_000n);
      const float = jd + ((f.hour * 60 + f.minute) * 60 + f.second + f.fsec / 1_000_000) / 86_400;
      return { digits: BigInt(jd) * 10n ** BigInt(rscale) + frac, scale: rscale, float };
    }
    default:
      return secondsPart(unit, f.second, f.fsec) ?? datePart(unit, f.year, f.month, f.day);
  }
}

const EPOCH_TS = -946_684_800_000_000n;
const INT64_MAX = 2n ** 63n - 1n;

function render(v: PartValue | null, numeric: true): string | null;
function render(v: PartValue | null, numeric: false): number | null;
function render(v: PartValue | null, numeric: boolean): string | number | null {
  if (v === null) return null;
  return numeric ? scaledDecimalText(v.digits, v.scale) : v.float;
}

const INF = (neg: boolean): PartValue => ({ digits: 0n, scale: -1, float: neg ? -Infinity : Infinity });

function out(v: PartValue | null, numeric: boolean): string | number | null {
  if (v !== null && v.scale === -1) return numeric ? (v.float < 0 ? '-Infinity' : 'Infinity') : v.float;
  return numeric ? render(v, true) : render(v, false);
}

const OSCILLATING_TS = new Set<DateUnit>([
  'microsecond', 'millisecond', 'second', 'minute', 'hour', 'day', 'month', 'quarter', 'week', 'dow', 'isodow', 'doy',
  'timezone', 'timezone_minute', 'timezone_hour',
]);
const MONOTONIC_TS = new Set<string>(['year', 'decade', 'century', 'millennium', 'julian', 'isoyear', 'epoch']);

function timestampPart(field: string, ts: bigint, zone: PgTimeZone | undefined): PartValue | null {
  const typeName = zone ? 'timestamp with time zone' : 'timestamp without time zone';
  const r = resolve(field);
  if (r.unit === undefined && !r.reserved) throw notRecognized(r.lower, typeName);
  if (ts === TS_INFINITY || ts === TS_NEG_INFINITY) {
    if (r.unit === undefined) throw notSupported(r.lower, typeName);
    if (OSCILLATING_TS.has(r.unit as DateUnit)) return null;
    if (MONOTONIC_TS.has(r.unit)) return INF(ts === TS_NEG_INFINITY);
    throw notSupported(r.lower, typeName);
  }
  if (r.unit === undefined) throw notSupported(r.lower, typeName);
  if (r.unit === 'epoch') {
    const d = ts - EPOCH_TS;
    if (d <= INT64_MAX) return { digits: d, scale: 6, float: Number(d) / 1_000_000 };
    // Past int64: Postgres divides in numeric (at the division's own scale), then rounds to 6.
    const rscale = divScale(d, 1_000_000n);
    const q = divRoundHalfAway(d * 10n ** BigInt(rscale), 1_000_000n);
    return { digits: q * 10n ** BigInt(6 - rscale), scale: 6, float: (Number(ts) - Number(EPOCH_TS)) / 1_000_000 };
  }
  const offset = zone ? zone.utcOffset(ts) : 0;
  if (r.unit === 'timezone' || r.unit === 'timezone_hour' || r.unit === 'timezone_minute') {
    if (!zone) throw notSupported(r.lower, typeName);
    if (r.unit === 'timezone') return int(offset);
    if (r.unit === 'timezone_hour') return int(cdiv(offset, 3600));
    return int(cdiv(offset, 60) % 60);
  }
  const v = fieldsPart(r.unit, timestampToFields(ts + BigInt(offset) * 1_000_000n));
  if (!v) throw notSupported(r.lower, typeName);
  return v;
}

/** extract(field FROM timestamp): numeric text, or null. */
export function extractTimestamp(field: string, ts: bigint): string | null {
  return out(timestampPart(field, ts, undefined), true) as string | null;
}
/** date_part(field, timestamp): float8, or null. */
export function datePartTimestamp(field: string, ts: bigint): number | null {
  return out(timestampPart(field, ts, undefined), false) as number | null;
}
/** extract(field FROM timestamptz) in `zone`. */
export function extractTimestamptz(field: string, ts: bigint, zone: PgTimeZone): string | null {
  return out(timestampPart(field, ts, zone), true) as string | null;
}
/** date_part(field, timestamptz) in `zone`. */
export function datePartTimestamptz(field: string, ts: bigint, zone: PgTimeZone): number | null {
  return out(timestampPart(field, ts, zone), false) as number | null;
}

const OSCILLATING_DATE = new Set<string>(['day', 'month', 'quarter', 'week', 'dow', 'isodow', 'doy']);

/** extract(field FROM date): numeric text (integral), or null. date_part on a date goes through timestamp. */
export function extractDate(field: string, date: number): string | null {
  const r = resolve(field);
  if (r.unit === undefined && !r.reserved) throw notRecognized(r.lower, 'date');
  if (!Number.isFinite(date)) {
    if (r.unit !== undefined && OSCILLATING_DATE.has(r.unit)) return null;
    if (r.unit !== undefined && MONOTONIC_TS.has(r.unit)) return date < 0 ? '-Infinity' : 'Infinity';
    throw notSupported(r.lower, 'date');
  }
  if (r.unit === 'epoch') return String(BigInt(date + POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * 86_400n);
  if (r.unit === 'julian') return String(date + POSTGRES_EPOCH_JDATE);
  if (r.unit === undefined) throw notSupported(r.lower, 'date');
  const { year, month, day } = j2date(date + POSTGRES_EPOCH_JDATE);
  const v = datePart(r.unit, year, month, day);
  if (!v) throw notSupported(r.lower, 'date');
  return scaledDecimalText(v.digits, v.scale);
}

function timePart(field: string, time: number, tz: number | undefined): PartValue {
  const typeName = tz === undefined ? 'time without time zone' : 'time with time zone';
  const r = resolve(field);
  if (r.unit === 'epoch') {
    const us = BigInt(time) - BigInt(tz ?? 0) * 1_000_000n;
    return { digits: us, scale: 6, float: time / 1_000_000 - (tz ?? 0) };
  }
  if (r.unit === undefined) throw notRecognized(r.lower, typeName);
  const fsec = time % 1_000_000;
  const secs = (time - fsec) / 1_000_000;
  const v = secondsPart(r.unit, secs % 60, fsec);
  if (v) return v;
  if (r.unit === 'minute') return int(Math.floor(secs / 60) % 60);
  if (r.unit === 'hour') return int(Math.floor(secs / 3600));
  if (tz !== undefined) {
    if (r.unit === 'timezone') return int(tz);
    if (r.unit === 'timezone_hour') return int(cdiv(tz, 3600));
    if (r.unit === 'timezone_minute') return int(cdiv(tz, 60) % 60);
  }
  throw notSupported(r.lower, typeName);
}

/** extract(field FROM time). */
export function extractTime(field: string, time: number): string {
  return out(timePart(field, time, undefined), true) as string;
}
/** date_part(field, time). */
export function datePartTime(field: string, time: number): number {
  return out(timePart(field, time, undefined), false) as number;
}
/** extract(field FROM timetz). */
export function extractTimetz(field: string, t: TimeTz): string {
  return out(timePart(field, t.time, t.offset), true) as string;
}
/** date_part(field, timetz). */
export function datePartTimetz(field: string, t: TimeTz): number {
  return out(timePart(field, t.time, t.offset), false) as number;
}

const OSCILLATING_IV = new Set<string>(['microsecond', 'millisecond', 'second', 'minute', 'week', 'month', 'quarter']);
const MONOTONIC_IV = new Set<string>(['hour', 'day', 'year', 'decade', 'century', 'millennium', 'epoch']);

function intervalPart(field: string, v: Interval): PartValue | null {
  const r = resolve(field);
  if (r.unit === undefined && !r.reserved) throw notRecognized(r.lower, 'interval');
  const inf = isIntervalInfinite(v);
  if (inf) {
    if (r.unit !== undefined && OSCILLATING_IV.has(r.unit)) return null;
    if (r.unit !== undefined && MONOTONIC_IV.has(r.unit)) return INF(inf < 0);
    throw notSupported(r.lower, 'interval');
  }
  if (r.unit === 'epoch') {
    const years = Math.trunc(v.months / 12);
    const months = v.months % 12;
    const secs = 31_557_600n * BigInt(years) + 2_592_000n * BigInt(months) + 86_400n * BigInt(v.days);
    // date_part adds the parts in float8 one at a time, as Postgres does.
    let float = Number(v.micros) / 1_000_000;
    float += 31_557_600 * years;
    float += 2_592_000 * months;
    float += 86_400 * v.days;
    return { digits: secs * 1_000_000n + v.micros, scale: 6, float };
  }
  if (r.unit === undefined) throw notRecognized(r.lower, 'interval');
  const year = Math.trunc(v.months / 12);
  const mon = v.months % 12;
  let t = v.micros;
  const hour = t / 3_600_000_000n;
  t -= hour * 3_600_000_000n;
  const min = t / 60_000_000n;
  t -= min * 60_000_000n;
  const sec = Number(t / 1_000_000n);
  const usec = Number(t % 1_000_000n);
  switch (r.unit) {
    case 'microsecond':
    case 'millisecond':
    case 'second':
      return secondsPart(r.unit, sec, usec)!;
    case 'minute':
      return int(min);
    case 'hour':
      return int(hour);
    case 'day':
      return int(v.days);
    case 'week':
      return int(Math.trunc(v.days / 7));
    case 'month':
      return int(mon);
    case 'quarter':
      return int(v.months >= 0 ? cdiv(mon, 3) + 1 : -(cdiv(-v.months % 12, 3) + 1));
    case 'year':
      return int(year);
    case 'decade':
      return int(cdiv(year, 10));
    case 'century':
      return int(cdiv(year, 100));
    case 'millennium':
      return int(cdiv(year, 1000));
    default:
      throw notSupported(r.lower, 'interval');
  }
}

/** extract(field FROM interval). */
export function extractInterval(field: string, v: Interval): string | null {
  return out(intervalPart(field, v), true) as string | null;
}
/** date_part(field, interval). */
export function datePartInterval(field: string, v: Interval): number | null {
  return out(intervalPart(field, v), false) as number | null;
}
