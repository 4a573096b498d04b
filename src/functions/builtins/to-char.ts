/**
 * to_char for timestamp, timestamptz and interval: Postgres's template patterns (HH24, MI, SS,
 * MS, US, FF1-6, AM/PM, YYYY/Y,YYY/YYY/YY/Y, IYYY/IW/ID/IDDD, MONTH/Month/month, MON, DAY, DY,
 * DDD, DD, D, W, WW, J, Q, CC, RM, SSSS(S), BC/AD, TZ, TZH, TZM, OF), the FM/FX/TM prefixes, the
 * TH/th suffix, double-quoted literals. Keywords are matched case-sensitively, longest first, in
 * their upper- or lower-case spelling (mixed case only where Postgres has it: Month, Day, ...).
 * Number formatting is in to-char-number.ts, parsing (to_date, to_timestamp) in to-timestamp.ts.
 *
 * Postgres counterpart: DCH_to_char and the keyword table in src/backend/utils/adt/formatting.c.
 * Known gaps: SP (spell mode) prints digits as Postgres does; TM uses English names.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { date2j, j2day, timestampToFields, type DateTimeFields } from '../../types/datetime/calendar.js';
import { date2isoweek, date2isoyear, isoweek2j } from '../../types/datetime/iso-week.js';
import { isIntervalInfinite } from '../../types/datetime/interval-value.js';
import { sessionTimeZone } from '../../types/datetime/timezone.js';
import { OID } from '../../types/oids.js';
import { TS_INFINITY, TS_NEG_INFINITY, type Interval } from '../../types/values.js';
import { fn } from '../registry.js';

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/** Everything a pattern may print, for one value. */
export interface ToCharFields extends DateTimeFields {
  /** Whether this is an interval (hours not wrapped, names undefined, ...). */
  interval: boolean;
  /** Zone abbreviation (timestamptz), '' otherwise. */
  tzName: string;
  /** Offset seconds east (0 for timestamp). */
  offset: number;
}

/** Keywords, longest first among those sharing a prefix. */
const KEYWORDS = [
  'A.D.', 'A.M.', 'AD', 'AM', 'B.C.', 'BC', 'CC', 'DAY', 'DDD', 'DD', 'DY', 'Day', 'Dy', 'D', 'FF1', 'FF2', 'FF3', 'FF4', 'FF5',
  'FF6', 'FX', 'HH24', 'HH12', 'HH', 'IDDD', 'ID', 'IW', 'IYYY', 'IYY', 'IY', 'I', 'J', 'MI', 'MM', 'MONTH', 'MON', 'MS', 'Month',
  'Mon', 'OF', 'P.M.', 'PM', 'Q', 'RM', 'SSSSS', 'SSSS', 'SS', 'TZH', 'TZM', 'TZ', 'US', 'WW', 'W', 'Y,YYY', 'YYYY', 'YYY', 'YY', 'Y',
  'a.d.', 'a.m.', 'ad', 'am', 'b.c.', 'bc', 'cc', 'day', 'ddd', 'dd', 'dy', 'd', 'ff1', 'ff2', 'ff3', 'ff4', 'ff5', 'ff6', 'fx',
  'hh24', 'hh12', 'hh', 'iddd', 'id', 'iw', 'iyyy', 'iyy', 'iy', 'i', 'j', 'mi', 'mm', 'month', 'mon', 'ms', 'of', 'p.m.', 'pm',
  'q', 'rm', 'sssss', 'ssss', 'ss', 'tzh', 'tzm', 'tz', 'us', 'ww', 'w', 'y,yyy', 'yyyy', 'yyy', 'yy', 'y',
].sort((a, b) => b.length - a.length);

/** A parsed template: literal text or a keyword with its modifiers. */
export type TemplateNode = { lit: string } | { key: string; fm: boolean; th: '' | 'TH' | 'th'; tm: boolean };

const templateCache = new Map<string, TemplateNode[]>();

/** Splits a datetime template into literals and keywords. */
export function parseTemplate(fmt: string): TemplateNode[] {
  const cached = templateCache.get(fmt);
  if (cached) return cached;
  const out: TemplateNode[] = [];
  let i = 0;
  let lit = '';
  const flush = (): void => {
    if (lit) out.push({ lit });
    lit = '';
  };
  while (i < fmt.length) {
    let fm = false;
    let tm = false;
    let j = i;
    // One prefix (FM, FX, TM) may precede a keyword.
    const p = fmt.slice(j, j + 2);
    if (p === 'FM' || p === 'fm') {
      fm = true;
      j += 2;
    } else if (p === 'TM' || p === 'tm') {
      tm = true;
      j += 2;
    } else if (p === 'FX' || p === 'fx') {
      j += 2;
    }
    const key = KEYWORDS.find((k) => fmt.startsWith(k, j));
    if (key && key !== 'FX' && key !== 'fx') {
      flush();
      j += key.length;
      let th: '' | 'TH' | 'th' = '';
      const s = fmt.slice(j, j + 2);
      if (s === 'TH' || s === 'th') {
        th = s;
        j += 2;
      } else if (s === 'SP') j += 2;
      out.push({ key, fm, th, tm });
      i = j;
      continue;
    }
    if (j > i) {
      // A prefix without a keyword prints nothing; the character after it is literal.
      i = j;
      if (i < fmt.length && fmt[i] !== '"') lit += fmt[i++];
      continue;
    }
    const c = fmt[i];
    if (c === '"') {
      i++;
      while (i < fmt.length && fmt[i] !== '"') {
        if (fmt[i] === '\\' && i + 1 < fmt.length) i++;
        lit += fmt[i++];
      }
      i++;
      continue;
    }
    if (c === '\\' && fmt[i + 1] === '"') {
      lit += '"';
      i += 2;
      continue;
    }
    lit += c;
    i++;
  }
  flush();
  if (templateCache.size > 200) templateCache.clear();
  templateCache.set(fmt, out);
  return out;
}

/** English ordinal suffix of n (st, nd, rd, th). */
export function ordinal(n: number, upper: boolean): string {
  const a = Math.abs(n);
  let s = 'th';
  if (a % 100 < 11 || a % 100 > 13) {
    if (a % 10 === 1) s = 'st';
    else if (a % 10 === 2) s = 'nd';
    else if (a % 10 === 3) s = 'rd';
  }
  return upper ? s.toUpperCase() : s;
}

/** Zero-padded to `width` for values >= 0, `width + 1` (room for the sign) below zero. */
function padSigned(n: number, width: number, fm: boolean): string {
  return padNum(n, n < 0 ? width + 1 : width, fm);
}

/** printf's `%0*d`: the width includes the sign. */
function padNum(n: number, width: number, fm: boolean): string {
  if (fm) return String(n);
  return n < 0 ? '-' + String(-n).padStart(width - 1, '0') : String(n).padStart(width, '0');
}

function cased(name: string, key: string): string {
  if (key === key.toUpperCase()) return name.toUpperCase();
  if (key === key.toLowerCase()) return name.toLowerCase();
  return name;
}

/** Keywords Postgres rejects for intervals (no calendar behind them). */
const NOT_FOR_INTERVAL = new Set(['AM', 'PM', 'A.M.', 'P.M.', 'BC', 'AD', 'B.C.', 'A.D.', 'MONTH', 'MON', 'DAY', 'DY', 'D', 'ID', 'TZ', 'TZH', 'TZM', 'OF']);
const ALLOWED_AMPM = new Set(['AM', 'PM', 'A.M.', 'P.M.']);

/** Renders one keyword. */
function renderKey(n: Extract<TemplateNode, { key: string }>, f: ToCharFields): string {
  const k = n.key;
  const K = k.toUpperCase();
  if (f.interval && NOT_FOR_INTERVAL.has(K) && !ALLOWED_AMPM.has(K)) {
    throw new PgError(SQLSTATE.invalid_datetime_format, 'invalid format specification for an interval value', {
      hint: 'Intervals are not tied to specific calendar dates.',
    });
  }
  const fm = n.fm;
  const year = f.year;
  const bcYear = year <= 0 ? 1 - year : year; // printed year (BC years count from 1)
  let num: number | undefined;
  let text: string | undefined;
  switch (K) {
    case 'HH':
    case 'HH12': {
      num = f.hour % 12 === 0 ? 12 : f.hour % 12;
      text = padSigned(num, 2, fm);
      break;
    }
    case 'HH24':
      num = f.hour;
      text = padSigned(num, 2, fm);
      break;
    case 'MI':
      num = f.minute;
      text = padSigned(num, 2, fm);
      break;
    case 'SS':
      num = f.second;
      text = padSigned(num, 2, fm);
      break;
    case 'MS':
      num = Math.floor(f.fsec / 1000);
      text = padNum(num, 3, fm);
      break;
    case 'US':
      num = f.fsec;
      text = padNum(num, 6, fm);
      break;
    case 'FF1':
    case 'FF2':
    case 'FF3':
    case 'FF4':
    case 'FF5':
    case 'FF6': {
      const d = Number(K[2]);
      num = Math.floor(f.fsec / 10 ** (6 - d));
      text = padNum(num, d, fm);
      break;
    }
    case 'SSSS':
    case 'SSSSS':
      num = f.hour * 3600 + f.minute * 60 + f.second;
      text = String(num);
      break;
    case 'AM':
    case 'PM':
      text = cased(f.hour % 24 >= 12 ? 'PM' : 'AM', k);
      break;
    case 'A.M.':
    case 'P.M.':
      text = cased(f.hour % 24 >= 12 ? 'P.M.' : 'A.M.', k);
      break;
    case 'BC':
    case 'AD':
      text = cased(year <= 0 ? 'BC' : 'AD', k);
      break;
    case 'B.C.':
    case 'A.D.':
      text = cased(year <= 0 ? 'B.C.' : 'A.D.', k);
      break;
    case 'Y,YYY': {
      // printf("%d,%03d"): the remainder keeps its sign.
      const y = f.interval ? year : bcYear;
      const r = y % 1000;
      text = `${Math.trunc(y / 1000)},${r < 0 ? '-' + String(-r).padStart(2, '0') : String(r).padStart(3, '0')}`;
      num = y;
      break;
    }
    case 'YYYY':
      num = f.interval ? year : bcYear;
      text = padSigned(num, 4, fm);
      break;
    case 'YYY':
    case 'YY':
    case 'Y': {
      const d = K.length;
      num = (f.interval ? Math.abs(year) : bcYear) % 10 ** d;
      text = padNum(num, d, fm);
      break;
    }
    case 'IYYY':
    case 'IYY':
    case 'IY':
    case 'I': {
      const iy = date2isoyear(year, f.month, f.day);
      const d = K.length;
      const v = iy <= 0 ? 1 - iy : iy;
      num = d === 4 ? v : v % 10 ** d;
      text = padNum(num, d, fm);
      break;
    }
    case 'MONTH':
    case 'MON': {
      if (f.interval && f.month === 0) return '';
      const name = MONTHS[f.month - 1] ?? '';
      text = cased(K === 'MON' ? name.slice(0, 3) : name, k);
      if (K === 'MONTH' && !fm && !n.tm) text = text.padEnd(9, ' ');
      break;
    }
    case 'MM':
      num = f.month;
      text = padSigned(num, 2, fm);
      break;
    case 'DAY':
    case 'DY': {
      if (f.interval) return '';
      const name = DAYS[j2day(date2j(year, f.month, f.day))];
      text = cased(K === 'DY' ? name.slice(0, 3) : name, k);
      if (K === 'DAY' && !fm && !n.tm) text = text.padEnd(9, ' ');
      break;
    }
    case 'DDD':
      // Intervals: a day count from 30-day months and 12-month years.
      num = f.interval ? (year * 12 + f.month) * 30 + f.day : date2j(year, f.month, f.day) - date2j(year, 1, 1) + 1;
      text = padNum(num, 3, fm);
      break;
    case 'IDDD': {
      const iy = date2isoyear(year, f.month, f.day);
      num = date2j(year, f.month, f.day) - isoweek2j(iy, 1) + 1;
      text = padNum(num, 3, fm);
      break;
    }
    case 'DD':
      num = f.day;
      text = padNum(num, 2, fm);
      break;
    case 'D':
      num = j2day(date2j(year, f.month, f.day)) + 1;
      text = String(num);
      break;
    case 'ID': {
      const d = j2day(date2j(year, f.month, f.day));
      num = d === 0 ? 7 : d;
      text = String(num);
      break;
    }
    case 'W':
      num = Math.trunc((f.day - 1) / 7) + 1;
      text = String(num);
      break;
    case 'WW': {
      const yday = f.interval ? (year * 12 + f.month) * 30 + f.day : date2j(year, f.month, f.day) - date2j(year, 1, 1) + 1;
      num = Math.trunc((yday - 1) / 7) + 1;
      text = padNum(num, 2, fm);
      break;
    }
    case 'IW':
      num = date2isoweek(year, f.month, f.day);
      text = padNum(num, 2, fm);
      break;
    case 'J':
      num = date2j(year, f.month, f.day);
      text = String(num);
      break;
    case 'Q':
      if (f.month === 0) return '';
      num = Math.trunc((f.month - 1) / 3) + 1;
      text = String(num);
      break;
    case 'CC': {
      // Century 20 is 1901-2000; century -6 is 600 BC - 501 BC.
      num = f.interval ? Math.trunc(year / 100) : year > 0 ? Math.trunc((year - 1) / 100) + 1 : Math.trunc(year / 100) - 1;
      text = padSigned(num, 2, fm);
      break;
    }
    case 'RM': {
      // Interval months may be 0 (whole years) or negative (-1 is December).
      if (f.month === 0 && year === 0) return '';
      const idx = f.month === 0 ? (year >= 0 ? 11 : 0) : f.month < 0 ? 12 + f.month : f.month - 1;
      const r = ROMAN[idx] ?? '';
      text = cased(fm ? r : r.padEnd(4, ' '), k);
      break;
    }
    case 'TZ':
      text = cased(f.tzName, k);
      break;
    case 'TZH': {
      const s = f.offset < 0 ? '-' : '+';
      text = s + String(Math.floor(Math.abs(f.offset) / 3600)).padStart(2, '0');
      break;
    }
    case 'TZM':
      text = String(Math.floor(Math.abs(f.offset) / 60) % 60).padStart(2, '0');
      break;
    case 'OF': {
      const a = Math.abs(f.offset);
      const s = f.offset < 0 ? '-' : '+';
      text = s + (fm ? String(Math.floor(a / 3600)) : String(Math.floor(a / 3600)).padStart(2, '0'));
      const m = Math.floor(a / 60) % 60;
      if (m) text += ':' + String(m).padStart(2, '0');
      break;
    }
    default:
      text = '';
  }
  if (n.th && num !== undefined) text += ordinal(num, n.th === 'TH');
  return text ?? '';
}

/** Formats fields with a template. */
export function formatDateTime(fmt: string, f: ToCharFields): string {
  let out = '';
  for (const n of parseTemplate(fmt)) out += 'lit' in n ? n.lit : renderKey(n, f);
  return out;
}

function timestampFields(ts: bigint, offset: number, tzName: string): ToCharFields {
  const f = timestampToFields(ts + BigInt(offset) * 1_000_000n);
  return { ...f, interval: false, tzName, offset };
}

function intervalFields(v: Interval): ToCharFields {
  const totalSecs = v.micros / 1_000_000n;
  const fsec = Number(v.micros % 1_000_000n);
  const hour = Number(totalSecs / 3600n);
  return {
    year: Math.trunc(v.months / 12),
    month: v.months % 12,
    day: v.days,
    hour,
    minute: Number((totalSecs / 60n) % 60n),
    second: Number(totalSecs % 60n),
    fsec,
    interval: true,
    tzName: '',
    offset: 0,
  };
}

const T = OID.text;
fn('to_char', [OID.timestamp, T], T, (a) => {
  const ts = a[0] as bigint;
  if (ts === TS_INFINITY || ts === TS_NEG_INFINITY) return null;
  return formatDateTime(a[1] as string, timestampFields(ts, 0, ''));
}, { volatility: 's' });
fn('to_char', [OID.timestamptz, T], T, (a, rt) => {
  const ts = a[0] as bigint;
  if (ts === TS_INFINITY || ts === TS_NEG_INFINITY) return null;
  const zone = sessionTimeZone(rt.session.io);
  return formatDateTime(a[1] as string, timestampFields(ts, zone.utcOffset(ts), zone.abbrev(ts)));
}, { volatility: 's' });
fn('to_char', [OID.interval, T], T, (a) => (isIntervalInfinite(a[0] as Interval) ? null : formatDateTime(a[1] as string, intervalFields(a[0] as Interval))), {
  volatility: 's',
});
