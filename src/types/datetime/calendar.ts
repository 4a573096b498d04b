/**
 * Calendar arithmetic shared by the date/time types: Julian day numbers, the proleptic Gregorian
 * calendar, field <-> microsecond conversions and the legal ranges of date and timestamp.
 *
 * Postgres counterpart: date2j/j2date/j2day in src/backend/utils/adt/datetime.c and the range
 * macros of src/include/datatype/timestamp.h.
 * Years are astronomical here (1 BC is year 0, 44 BC is -43), as Postgres's struct pg_tm holds them.
 */

export const USECS_PER_SEC = 1_000_000n;
export const USECS_PER_MINUTE = 60_000_000n;
export const USECS_PER_HOUR = 3_600_000_000n;
export const USECS_PER_DAY = 86_400_000_000n;
/** Microseconds per day as a plain number (exact in a double). */
export const USECS_PER_DAY_NUM = 86_400_000_000;
export const SECS_PER_DAY = 86_400;
export const DAYS_PER_MONTH = 30;
export const MONTHS_PER_YEAR = 12;

/** Julian day number of 2000-01-01, Postgres's epoch. */
export const POSTGRES_EPOCH_JDATE = 2_451_545;
/** Julian day number of 1970-01-01. */
export const UNIX_EPOCH_JDATE = 2_440_588;
/** First Julian day Postgres accepts (4714-11-24 BC). */
export const DATETIME_MIN_JULIAN = 0;
/** First Julian day past the date range (5874898-01-01). */
export const DATE_END_JULIAN = 2_147_483_494;
/** First Julian day past the timestamp range (294277-01-01). */
export const TIMESTAMP_END_JULIAN = 109_203_528;

/** Smallest legal timestamp (4714-11-24 00:00:00 BC) in microseconds since 2000-01-01. */
export const MIN_TIMESTAMP = -211_813_488_000_000_000n;
/** First timestamp past the legal range (294277-01-01 00:00:00). */
export const END_TIMESTAMP = 9_223_371_331_200_000_000n;
/** Smallest and first-past-the-end legal date, in days since 2000-01-01. */
export const MIN_DATE = DATETIME_MIN_JULIAN - POSTGRES_EPOCH_JDATE;
export const END_DATE = DATE_END_JULIAN - POSTGRES_EPOCH_JDATE;

const floorDiv = (a: number, b: number): number => Math.floor(a / b);

/** Whether the (astronomical) year is a Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in `month` (1..12) of `year` (astronomical). */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]!;
}

/**
 * Julian day number of a proleptic Gregorian date (astronomical year, month 1..12).
 * Counts days through 400-year eras from a March-based year, so leap days fall at year end.
 */
export function date2j(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = floorDiv(y, 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12; // March = 0
  const doy = floorDiv(153 * mp + 2, 5) + day - 1;
  const doe = yoe * 365 + floorDiv(yoe, 4) - floorDiv(yoe, 100) + doy;
  // 1721120 is the Julian day of 0000-03-01, the start of era 0.
  return era * 146_097 + doe + 1_721_120;
}

/** Inverse of {@link date2j}: the date of a Julian day number. */
export function j2date(jd: number): { year: number; month: number; day: number } {
  const z = jd - 1_721_120;
  const era = floorDiv(z, 146_097);
  const doe = z - era * 146_097;
  const yoe = floorDiv(doe - floorDiv(doe, 1460) + floorDiv(doe, 36_524) - floorDiv(doe, 146_096), 365);
  const doy = doe - (365 * yoe + floorDiv(yoe, 4) - floorDiv(yoe, 100));
  const mp = floorDiv(5 * doy + 2, 153);
  const day = doy - floorDiv(153 * mp + 2, 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** Day of week of a Julian day: 0 = Sunday .. 6 = Saturday. */
export function j2day(jd: number): number {
  return (((jd + 1) % 7) + 7) % 7;
}

/** Day of year (1-based) of a date. */
export function dayOfYear(year: number, month: number, day: number): number {
  return date2j(year, month, day) - date2j(year, 1, 1) + 1;
}

/** Broken-down date and time of day, as Postgres's struct pg_tm plus fractional seconds. */
export interface DateTimeFields {
  /** Astronomical year (1 BC = 0). */
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Microseconds within the second. */
  fsec: number;
}

/** Splits microseconds since 2000-01-01 (a local wall-clock time) into fields. */
export function timestampToFields(ts: bigint): DateTimeFields {
  let days = ts / USECS_PER_DAY;
  let time = ts % USECS_PER_DAY;
  if (time < 0n) {
    time += USECS_PER_DAY;
    days -= 1n;
  }
  const { year, month, day } = j2date(Number(days) + POSTGRES_EPOCH_JDATE);
  const t = Number(time);
  const fsec = t % 1_000_000;
  const secs = (t - fsec) / 1_000_000;
  return {
    year,
    month,
    day,
    hour: Math.floor(secs / 3600),
    minute: Math.floor(secs / 60) % 60,
    second: secs % 60,
    fsec,
  };
}

/** Microseconds since midnight of a time of day (hour may be 24, seconds may be 60). */
export function timeToMicros(hour: number, minute: number, second: number, fsec: number): number {
  return ((hour * 60 + minute) * 60 + second) * 1_000_000 + fsec;
}

/** Joins fields into microseconds since 2000-01-01 (no range check). */
export function fieldsToTimestamp(f: DateTimeFields): bigint {
  const days = date2j(f.year, f.month, f.day) - POSTGRES_EPOCH_JDATE;
  return BigInt(days) * USECS_PER_DAY + BigInt(timeToMicros(f.hour, f.minute, f.second, f.fsec));
}

/** Whether a Julian day is inside the date range. */
export function isValidJulianDate(jd: number): boolean {
  return jd >= DATETIME_MIN_JULIAN && jd < DATE_END_JULIAN;
}

/** Whether a timestamp (microseconds since 2000) is inside the legal finite range. */
export function isValidTimestamp(ts: bigint): boolean {
  return ts >= MIN_TIMESTAMP && ts < END_TIMESTAMP;
}

/**
 * Postgres's IS_VALID_JULIAN: a coarse year/month test done before computing a Julian day
 * (4714-11 BC .. 5874898-06 AD); finer range checks follow on the day number.
 */
export function isValidJulianYm(year: number, month: number): boolean {
  return (year > -4713 || (year === -4713 && month >= 11)) && (year < 5_874_898 || (year === 5_874_898 && month < 6));
}

/** Floor division and modulo for bigints (JS `/` truncates toward zero). */
export function bigFloorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}
export function bigMod(a: bigint, b: bigint): bigint {
  const r = a % b;
  return r !== 0n && (r < 0n) !== (b < 0n) ? r + b : r;
}
