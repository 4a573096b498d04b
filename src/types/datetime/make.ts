/**
 * make_date, make_time, make_timestamp, make_timestamptz and make_interval, with Postgres's
 * validation and error texts (`date field value out of range: 2024-02-30`).
 *
 * Postgres counterpart: make_date, make_time (date.c); make_timestamp_internal, make_timestamptz,
 * make_timestamptz_at_timezone, make_interval (timestamp.c).
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import type { Interval } from '../values.js';
import { date2j, daysInMonth, isValidJulianYm, isValidTimestamp, POSTGRES_EPOCH_JDATE, USECS_PER_DAY } from './calendar.js';
import { isValidDate } from './date.js';
import { rint } from './decode-fields.js';
import { intervalOutOfRange } from './errors.js';
import { makeIntervalValue } from './interval-value.js';
import { offsetForLocalTime, type PgTimeZone } from './timezone.js';
import { saneZoneOffsetForLocal } from './zone-arg.js';

const pad2 = (n: number): string => (n < 0 ? '-' + String(-n).padStart(2, '0') : String(n).padStart(2, '0'));

/** C printf `%02g` as Postgres's snprintf prints it (6 significant digits; NaN, Infinity). */
export function formatG02(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x < 0 ? '-Infinity' : 'Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0' : '00';
  const exp = Math.floor(Math.log10(Math.abs(Number(x.toPrecision(6)))));
  let s: string;
  if (exp < -4 || exp >= 6) {
    const [mant, e] = x.toExponential(5).split('e');
    const m = mant!.includes('.') ? mant!.replace(/0+$/, '').replace(/\.$/, '') : mant!;
    const en = Number(e);
    s = `${m}e${en < 0 ? '-' : '+'}${String(Math.abs(en)).padStart(2, '0')}`;
  } else {
    s = x.toFixed(Math.max(0, 5 - exp));
    if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  }
  return s.length < 2 ? s.padStart(2, '0') : s;
}

const fieldOverflow = (msg: string): PgError => new PgError(SQLSTATE.datetime_field_overflow, msg);

/** Postgres's float_time_overflows. */
function floatTimeOverflows(hour: number, min: number, sec: number): boolean {
  if (hour < 0 || hour > 24 || min < 0 || min >= 60) return true;
  if (Number.isNaN(sec)) return true;
  const us = rint(sec * 1_000_000);
  if (us < 0 || us > 60_000_000) return true;
  return ((hour * 60 + min) * 60) * 1_000_000 + us > 86_400_000_000;
}

/** make_date(year, month, day); negative years are BC. */
export function makeDate(year: number, month: number, day: number): number {
  let y = year;
  const bc = y < 0;
  if (bc) y = -y;
  const msg = (yy: number): string => `date field value out of range: ${yy}-${pad2(month)}-${pad2(day)}`;
  if (y <= 0) throw fieldOverflow(msg(y));
  if (bc) y = -(y - 1);
  if (month < 1 || month > 12 || day < 1 || day > 31 || day > daysInMonth(y, month)) throw fieldOverflow(msg(y));
  const rangeMsg = `date out of range: ${y}-${pad2(month)}-${pad2(day)}`;
  if (!isValidJulianYm(y, month)) throw fieldOverflow(rangeMsg);
  const days = date2j(y, month, day) - POSTGRES_EPOCH_JDATE;
  if (!isValidDate(days)) throw fieldOverflow(rangeMsg);
  return days;
}

/** make_time(hour, min, sec). */
export function makeTime(hour: number, min: number, sec: number): number {
  if (floatTimeOverflows(hour, min, sec)) {
    throw fieldOverflow(`time field value out of range: ${hour}:${pad2(min)}:${formatG02(sec)}`);
  }
  return ((hour * 60 + min) * 60) * 1_000_000 + rint(sec * 1_000_000);
}

/** make_timestamp(year, month, mday, hour, min, sec): a local timestamp. */
export function makeTimestamp(year: number, month: number, day: number, hour: number, min: number, sec: number): bigint {
  let y = year;
  const bc = y < 0;
  if (bc) y = -y;
  const dateMsg = `date field value out of range: ${year}-${pad2(month)}-${pad2(day)}`;
  if (y <= 0) throw fieldOverflow(dateMsg);
  if (bc) y = -(y - 1);
  if (month < 1 || month > 12 || day < 1 || day > 31 || day > daysInMonth(y, month)) throw fieldOverflow(dateMsg);
  if (!isValidJulianYm(y, month)) throw fieldOverflow(`date out of range: ${year}-${pad2(month)}-${pad2(day)}`);
  const date = date2j(y, month, day) - POSTGRES_EPOCH_JDATE;
  if (floatTimeOverflows(hour, min, sec)) {
    throw fieldOverflow(`time field value out of range: ${hour}:${pad2(min)}:${formatG02(sec)}`);
  }
  const time = BigInt(((hour * 60 + min) * 60) * 1_000_000 + rint(sec * 1_000_000));
  const result = BigInt(date) * USECS_PER_DAY + time;
  if (!isValidTimestamp(result)) {
    throw fieldOverflow(`timestamp out of range: ${year}-${pad2(month)}-${pad2(day)} ${hour}:${pad2(min)}:${formatG02(sec)}`);
  }
  return result;
}

/**
 * make_timestamptz(year, month, mday, hour, min, sec [, timezone]): the local time read in the
 * session zone, or in `zoneName` (numeric offsets there use the ISO sign: '+05' is UTC+5).
 */
export function makeTimestamptz(
  year: number, month: number, day: number, hour: number, min: number, sec: number,
  session: PgTimeZone, zoneName?: string,
): bigint {
  const local = makeTimestamp(year, month, day, hour, min, sec);
  const offset = zoneName === undefined ? offsetForLocalTime(session, local) : saneZoneOffsetForLocal(zoneName, local, session);
  const result = local - BigInt(offset) * 1_000_000n;
  if (!isValidTimestamp(result)) throw fieldOverflow('timestamp out of range');
  return result;
}

const I32_MIN = -2_147_483_648;
const I32_MAX = 2_147_483_647;

/** make_interval(years, months, weeks, days, hours, mins, secs); every argument defaults to 0. */
export function makeInterval(
  years = 0, months = 0, weeks = 0, days = 0, hours = 0, mins = 0, secs = 0,
): Interval {
  if (!Number.isFinite(secs)) throw intervalOutOfRange();
  const m = years * 12 + months;
  if (years * 12 < I32_MIN || years * 12 > I32_MAX || m < I32_MIN || m > I32_MAX) throw intervalOutOfRange();
  const d = weeks * 7 + days;
  if (weeks * 7 < I32_MIN || weeks * 7 > I32_MAX || d < I32_MIN || d > I32_MAX) throw intervalOutOfRange();
  let time = BigInt(hours) * 3_600_000_000n + BigInt(mins) * 60_000_000n;
  const us = rint(secs * 1_000_000);
  if (!(us >= -9_223_372_036_854_775_808 && us < 9_223_372_036_854_775_808)) throw intervalOutOfRange();
  time += BigInt(us);
  if (time > 2n ** 63n - 1n || time < -(2n ** 63n)) throw intervalOutOfRange();
  return makeIntervalValue(m, d, time);
}
