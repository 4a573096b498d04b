/**
 * Text output of dates, times, zone offsets and timestamps in every DateStyle (ISO is the
 * default; SQL, Postgres and German as Postgres prints them).
 *
 * Postgres counterpart: EncodeDateOnly, EncodeTimeOnly, EncodeDateTime, EncodeTimezone and
 * AppendSeconds in src/backend/utils/adt/datetime.c.
 * Gaps: zone abbreviations in SQL/Postgres/German styles come from ICU and can differ from tzdata's.
 */
import type { DateTimeFields } from './calendar.js';
import { POSTGRES_EPOCH_JDATE, date2j, j2date, j2day } from './calendar.js';
import type { DateStyle } from './datestyle.js';

const MONTH_ABBR = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY_ABBR = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Largest |microseconds| a double holds exactly: timestamps within it (1715 to 2285) take the fast path. */
const SAFE_MICROS = Number.MAX_SAFE_INTEGER;

/** The longest text writeIsoTimestamp writes: `YYYY-MM-DD HH:MM:SS.ffffff+HH:MM:SS`. */
export const ISO_TIMESTAMP_MAX = 35;

const scratch = Buffer.allocUnsafe(ISO_TIMESTAMP_MAX);
/** The date parts (`YYYY-MM-DD `) of the last two days printed, which rows often share. */
const dateDays = [NaN, NaN];
const dateBytes = [new Uint8Array(11), new Uint8Array(11)];
let dateNext = 0;

/**
 * A timestamp in DateStyle ISO, from local microseconds since 2000-01-01 as a number, with the
 * zone offset for timestamptz: the same text as formatDateTimeFields, made without bigint
 * arithmetic or intermediate objects. Undefined when `local` is not a safe integer (the general
 * path handles it) or the year has not four digits (BC, 10000+).
 */
export function isoTimestampText(local: number, offset: number | undefined): string | undefined {
  const n = writeIsoTimestamp(scratch, 0, local, offset);
  return n < 0 ? undefined : scratch.toString('latin1', 0, n);
}

/**
 * Writes what isoTimestampText returns, as ASCII bytes at `at` of `out` (which must have room
 * for ISO_TIMESTAMP_MAX bytes); returns the byte count, or -1 where isoTimestampText is undefined.
 */
export function writeIsoTimestamp(out: Uint8Array, at: number, local: number, offset: number | undefined): number {
  if (!(local <= SAFE_MICROS && local >= -SAFE_MICROS)) return -1;
  const days = Math.floor(local / 86_400_000_000);
  const time = local - days * 86_400_000_000;
  let p = at;
  let d: Uint8Array;
  if (days === dateDays[0]) d = dateBytes[0];
  else if (days === dateDays[1]) d = dateBytes[1];
  else {
    const { year, month, day } = j2date(days + POSTGRES_EPOCH_JDATE);
    if (year < 1000 || year > 9999) return -1;
    const hi = Math.floor(year / 100);
    const slot = dateNext;
    dateNext = 1 - slot;
    d = dateBytes[slot];
    two(d, 0, hi);
    two(d, 2, year - hi * 100);
    d[4] = 45; // -
    two(d, 5, month);
    d[7] = 45;
    two(d, 8, day);
    d[10] = 32; // space
    dateDays[slot] = days;
  }
  for (let i = 0; i < 11; i++) out[p + i] = d[i];
  p += 11;
  // time < 86_400_000_000: whole seconds and microseconds are small integers.
  const secs = Math.floor(time / 1_000_000);
  const fsec = time - secs * 1_000_000;
  const hour = Math.floor(secs / 3600);
  const minute = Math.floor(secs / 60) % 60;
  const second = secs % 60;
  p = two(out, p, hour);
  out[p++] = 58; // :
  p = two(out, p, minute);
  out[p++] = 58;
  p = two(out, p, second);
  if (fsec !== 0) {
    out[p++] = 46; // .
    let f = fsec;
    let digits = 6;
    while (f % 10 === 0) {
      f /= 10;
      digits--;
    }
    for (let i = digits - 1; i >= 0; i--) {
      const d = Math.floor(f / 10);
      out[p + i] = 48 + f - d * 10;
      f = d;
    }
    p += digits;
  }
  if (offset !== undefined) {
    // `+00`, `+05:30`, `-04:56:02` (offsetText).
    out[p++] = offset < 0 ? 45 : 43;
    const a = Math.abs(offset);
    const h = Math.floor(a / 3600);
    const m = Math.floor(a / 60) % 60;
    const sec = a % 60;
    if (h > 99) return -1;
    p = two(out, p, h);
    if (m !== 0 || sec !== 0) {
      out[p++] = 58;
      p = two(out, p, m);
    }
    if (sec !== 0) {
      out[p++] = 58;
      p = two(out, p, sec);
    }
  }
  return p - at;
}

/** Writes 0 <= n <= 99 as two digits. */
function two(out: Uint8Array, p: number, n: number): number {
  const t = Math.floor(n / 10);
  out[p] = 48 + t;
  out[p + 1] = 48 + n - t * 10;
  return p + 2;
}


/** Year as printed: BC years count from 1 (astronomical 0 is 1 BC), at least four digits. */
function yearText(year: number): string {
  return String(year > 0 ? year : 1 - year).padStart(4, '0');
}

/** Seconds with the fraction trimmed of trailing zeros (`05`, `05.5`, `05.123456`). */
export function secondsText(second: number, fsec: number): string {
  if (fsec === 0) return pad2(second);
  const frac = String(fsec).padStart(6, '0').replace(/0+$/, '');
  return `${pad2(second)}.${frac}`;
}

/** `HH:MM:SS[.ffffff]`; hours are not wrapped (time `24:00:00`). */
export function hmsText(hour: number, minute: number, second: number, fsec: number): string {
  return `${pad2(hour)}:${pad2(minute)}:${secondsText(second, fsec)}`;
}

/** Zone offset as ISO output prints it: `+00`, `+05:30`, `-04:56:02`. */
export function offsetText(offsetEast: number): string {
  const sign = offsetEast < 0 ? '-' : '+';
  const a = Math.abs(offsetEast);
  const h = Math.floor(a / 3600);
  const m = Math.floor(a / 60) % 60;
  const s = a % 60;
  let out = sign + pad2(h);
  if (m !== 0 || s !== 0) out += ':' + pad2(m);
  if (s !== 0) out += ':' + pad2(s);
  return out;
}

/** A date in the given style (EncodeDateOnly). */
export function formatDateFields(year: number, month: number, day: number, ds: DateStyle): string {
  const y = yearText(year);
  const bc = year <= 0 ? ' BC' : '';
  switch (ds.style) {
    case 'ISO':
      return `${y}-${pad2(month)}-${pad2(day)}${bc}`;
    case 'SQL':
      return ds.order === 'DMY' ? `${pad2(day)}/${pad2(month)}/${y}${bc}` : `${pad2(month)}/${pad2(day)}/${y}${bc}`;
    case 'German':
      return `${pad2(day)}.${pad2(month)}.${y}${bc}`;
    case 'Postgres':
      return ds.order === 'DMY' ? `${pad2(day)}-${pad2(month)}-${y}${bc}` : `${pad2(month)}-${pad2(day)}-${y}${bc}`;
  }
}

/**
 * A timestamp's fields in the given style (EncodeDateTime). `zone` is omitted for timestamp
 * without time zone; for timestamptz it carries the offset and the abbreviation non-ISO styles print.
 */
export function formatDateTimeFields(
  f: DateTimeFields,
  ds: DateStyle,
  zone?: { offset: number; abbrev: string },
): string {
  const y = yearText(f.year);
  const bc = f.year <= 0 ? ' BC' : '';
  const time = hmsText(f.hour, f.minute, f.second, f.fsec);
  const abbr = zone ? ' ' + zone.abbrev : '';
  switch (ds.style) {
    case 'ISO':
      return `${y}-${pad2(f.month)}-${pad2(f.day)} ${time}${zone ? offsetText(zone.offset) : ''}${bc}`;
    case 'SQL': {
      const d = ds.order === 'DMY' ? `${pad2(f.day)}/${pad2(f.month)}` : `${pad2(f.month)}/${pad2(f.day)}`;
      return `${d}/${y} ${time}${abbr}${bc}`;
    }
    case 'German':
      return `${pad2(f.day)}.${pad2(f.month)}.${y} ${time}${abbr}${bc}`;
    case 'Postgres': {
      const dow = DAY_ABBR[j2day(date2j(f.year, f.month, f.day))]!;
      const mon = MONTH_ABBR[f.month - 1]!;
      const md = ds.order === 'DMY' ? `${pad2(f.day)} ${mon}` : `${mon} ${pad2(f.day)}`;
      return `${dow} ${md} ${time} ${y}${abbr}${bc}`;
    }
  }
}
