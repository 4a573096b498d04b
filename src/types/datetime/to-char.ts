/**
 * to_char(timestamp | timestamptz | interval, format): Postgres's template patterns (YYYY, MM,
 * DD, HH24, MI, SS, MS, US, FF1..FF6, AM/PM, Mon/Month/Day/Dy in three casings, DDD, IW, IYYY,
 * J, Q, RM, CC, TZ, TZH, TZM, OF, ...), the FM/TM prefixes and TH/th suffixes, quoted literals.
 * Interval values reject calendar-only patterns (22007, "Intervals are not tied to specific
 * calendar dates.").
 *
 * Postgres counterpart: DCH_to_char and parse_format in src/backend/utils/adt/formatting.c.
 * Gaps: TM uses English names (no lc_time); ISO-week and Julian patterns on intervals are not
 * reproduced; the SP suffix is printed literally, as Postgres does.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import type { Interval } from '../values.js';
import { TS_INFINITY, TS_NEG_INFINITY } from '../values.js';
import { date2j, j2day, timestampToFields, type DateTimeFields } from './calendar.js';
import { date2isoweek, date2isoyear, isoweek2j } from './iso-week.js';
import { isIntervalInfinite } from './interval-value.js';
import type { PgTimeZone } from './timezone.js';
import { parseTemplate } from './to-char-template.js';

import { DAYS, MONTHS } from './to-char-template.js';
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/** Keywords whose case-insensitive spelling means the same (only the case-sensitive ones differ). */
const LOWER_MERIDIAN_ERA = new Set(['a.d.', 'a.m.', 'ad', 'am', 'b.c.', 'bc', 'p.m.', 'pm']);
const CASED = new Set(['DAY', 'Day', 'day', 'DY', 'Dy', 'dy', 'MONTH', 'Month', 'month', 'MON', 'Mon', 'mon', 'RM', 'rm', 'TZ', 'tz']);

type Node = { kind: 'text'; text: string } | { kind: 'key'; key: string; fm: boolean; tm: boolean; th: '' | 'TH' | 'th' };

/** The template as this formatter walks it (the grammar is shared: to-char-template.ts). */
function parseFormat(fmt: string): Node[] {
  return parseTemplate(fmt).map((n): Node => ('lit' in n ? { kind: 'text', text: n.lit } : { kind: 'key', key: n.key, fm: n.fm, tm: n.tm, th: n.th }));
}

/** English ordinal suffix of a printed number. */
function ordinal(numText: string, upper: boolean): string {
  const digits = numText.replace(/[^0-9]/g, '');
  const n = Number(digits.slice(-2) || '0');
  let s = 'th';
  if (n % 100 < 11 || n % 100 > 13) {
    if (n % 10 === 1) s = 'st';
    else if (n % 10 === 2) s = 'nd';
    else if (n % 10 === 3) s = 'rd';
  }
  return upper ? s.toUpperCase() : s;
}

/** C `%0*d`: zero-padded to `width` characters including the sign. */
function zpad(v: number | bigint, width: number): string {
  const neg = v < 0;
  const abs = String(neg ? -v : v);
  const w = neg ? width - 1 : width;
  return (neg ? '-' : '') + abs.padStart(w, '0');
}

/** The broken-down value to_char formats. */
interface Tm extends DateTimeFields {
  /** Hours without wrapping (intervals). */
  hour24: bigint;
  yday: number;
  isInterval: boolean;
  /** Zone offset east and abbreviation (timestamptz); undefined for timestamp. */
  gmtoff?: number;
  tzn?: string;
}

const intervalInvalid = (): PgError =>
  new PgError(SQLSTATE.invalid_datetime_format, 'invalid format specification for an interval value', {
    hint: 'Intervals are not tied to specific calendar dates.',
  });

const cdiv = (a: number, b: number): number => Math.trunc(a / b);

function caseName(name: string, key: string): string {
  if (key === key.toUpperCase() && key !== key.toLowerCase()) return name.toUpperCase();
  if (key === key.toLowerCase()) return name.toLowerCase();
  return name;
}

function formatKey(key: string, fm: boolean, tm: Tm): string {
  const s = formatKeyUpper(key, fm, tm);
  // am/pm/ad/bc spelled in lower case print in lower case.
  return LOWER_MERIDIAN_ERA.has(key) ? s.toLowerCase() : s;
}

function formatKeyUpper(key: string, fm: boolean, tm: Tm): string {
  const iv = tm.isInterval;
  const K = CASED.has(key) ? key : key.toUpperCase();
  const year = iv ? tm.year : tm.year > 0 ? tm.year : 1 - tm.year;
  const w = (n: number | bigint, width: number, signWidth = true): string =>
    fm ? String(n) : zpad(n, signWidth && n < 0 ? width + 1 : width);
  switch (K) {
    case 'A.M.': case 'P.M.': return Number(tm.hour24 % 24n) >= 12 ? 'P.M.' : 'A.M.';
    case 'AM': case 'PM': return Number(tm.hour24 % 24n) >= 12 ? 'PM' : 'AM';
    case 'A.D.': case 'B.C.':
      if (iv) throw intervalInvalid();
      return tm.year <= 0 ? 'B.C.' : 'A.D.';
    case 'AD': case 'BC':
      if (iv) throw intervalInvalid();
      return tm.year <= 0 ? 'BC' : 'AD';
    case 'HH': case 'HH12': {
      // The width follows the sign of the hour, the value is its 12-hour form (-12:00 prints 012).
      const h = tm.hour24 % 12n;
      const v = h === 0n ? 12n : h;
      return fm ? String(v) : zpad(v, tm.hour24 < 0n ? 3 : 2);
    }
    case 'HH24': return w(tm.hour24, 2);
    case 'MI': return w(tm.minute, 2);
    case 'SS': return w(tm.second, 2);
    case 'FF1': case 'FF2': case 'FF3': case 'FF4': case 'FF5': case 'FF6': {
      const n = Number(K[2]);
      return zpad(cdiv(tm.fsec, 10 ** (6 - n)), n);
    }
    case 'MS': return zpad(cdiv(tm.fsec, 1000), 3);
    case 'US': return zpad(tm.fsec, 6);
    case 'SSSS': case 'SSSSS':
      return String(tm.hour24 * 3600n + BigInt(tm.minute * 60 + tm.second));
    case 'TZ': case 'tz':
      if (iv) throw intervalInvalid();
      return K === 'tz' ? (tm.tzn ?? '').toLowerCase() : tm.tzn ?? '';
    case 'TZH': case 'TZM': case 'OF': {
      if (iv) throw intervalInvalid();
      const off = tm.gmtoff ?? 0;
      const a = Math.abs(off);
      const sign = off >= 0 ? '+' : '-';
      if (K === 'TZH') return `${sign}${zpad(Math.floor(a / 3600), 2)}`;
      if (K === 'TZM') return zpad(Math.floor((a % 3600) / 60), 2);
      let out = `${sign}${fm ? String(Math.floor(a / 3600)) : zpad(Math.floor(a / 3600), 2)}`;
      if (a % 3600 !== 0) out += `:${zpad(Math.floor((a % 3600) / 60), 2)}`;
      return out;
    }
    case 'MONTH': case 'Month': case 'month': {
      if (iv) throw intervalInvalid();
      const name = caseName(MONTHS[tm.month - 1]!, K);
      return fm ? name : name.padEnd(9);
    }
    case 'MON': case 'Mon': case 'mon':
      if (iv) throw intervalInvalid();
      return caseName(MONTHS[tm.month - 1]!.slice(0, 3), K);
    case 'MM': return w(tm.month, 2);
    case 'DAY': case 'Day': case 'day': {
      if (iv) throw intervalInvalid();
      const name = caseName(DAYS[dow(tm)]!, K);
      return fm ? name : name.padEnd(9);
    }
    case 'DY': case 'Dy': case 'dy':
      if (iv) throw intervalInvalid();
      return caseName(DAYS[dow(tm)]!.slice(0, 3), K);
    case 'DDD': return fm ? String(tm.yday) : zpad(tm.yday, 3);
    case 'IDDD': return w(date2j(tm.year, tm.month, tm.day) - isoweek2j(date2isoyear(tm.year, tm.month, tm.day), 1) + 1, 3);
    case 'DD': return fm ? String(tm.day) : zpad(tm.day, 2);
    case 'D':
      if (iv) throw intervalInvalid();
      return String(dow(tm) + 1);
    case 'ID':
      if (iv) throw intervalInvalid();
      return String(dow(tm) === 0 ? 7 : dow(tm));
    case 'WW': return fm ? String(cdiv(tm.yday - 1, 7) + 1) : zpad(cdiv(tm.yday - 1, 7) + 1, 2);
    case 'IW': return w(date2isoweek(tm.year, tm.month, tm.day), 2);
    case 'W': return String(cdiv(tm.day - 1, 7) + 1);
    case 'CC': {
      const c = iv ? cdiv(tm.year, 100) : tm.year > 0 ? cdiv(tm.year - 1, 100) + 1 : cdiv(tm.year, 100) - 1;
      return c <= 99 && c >= -99 ? (fm ? String(c) : zpad(c, c >= 0 ? 2 : 3)) : String(c);
    }
    case 'J': return String(date2j(tm.year, tm.month, tm.day));
    case 'Q':
      if (iv && tm.month === 0) return '';
      return String(cdiv(tm.month - 1, 3) + 1);
    case 'RM': case 'rm': {
      // Intervals: whole years print as XII (I when negative); negative months count back from XII.
      if (tm.month === 0 && tm.year === 0) return '';
      const m = tm.month === 0 ? (tm.year >= 0 ? 12 : 1) : tm.month < 0 ? 13 + tm.month : tm.month;
      const r = ROMAN[m - 1] ?? '';
      const cased = K === 'rm' ? r.toLowerCase() : r;
      return fm ? cased : cased.padEnd(4);
    }
    case 'Y,YYY': return `${cdiv(year, 1000)},${zpad(year % 1000, 3)}`;
    case 'YYYY':
      return year <= 9999 && year >= -9998 ? w(year, 4) : String(year);
    case 'YYY': return w(year % 1000, 3);
    case 'YY': return w(year % 100, 2);
    case 'Y': return String(year % 10);
    case 'IYYY': case 'IYY': case 'IY': case 'I': {
      let iy = date2isoyear(tm.year, tm.month, tm.day);
      if (!iv) iy = iy > 0 ? iy : 1 - iy;
      if (K === 'IYYY') return iy <= 9999 && iy >= -9998 ? w(iy, 4) : String(iy);
      if (K === 'IYY') return w(iy % 1000, 3);
      if (K === 'IY') return w(iy % 100, 2);
      return String(iy % 10);
    }
    case 'FX':
      return '';
    default:
      return key;
  }
}

function dow(tm: Tm): number {
  return j2day(date2j(tm.year, tm.month, tm.day));
}

function render(nodes: Node[], tm: Tm): string {
  let out = '';
  for (const n of nodes) {
    if (n.kind === 'text') {
      out += n.text;
      continue;
    }
    const s = formatKey(n.key, n.fm || (n.tm && /^(day|month)$/i.test(n.key)), tm);
    out += s;
    // Zone offsets (OF, TZH, TZM) take no ordinal suffix; numeric fields do.
    if (n.th && /[0-9]$/.test(s) && !/^(of|tzh|tzm)$/i.test(n.key)) out += ordinal(s, n.th === 'TH');
  }
  return out;
}

function tmFromFields(f: DateTimeFields, extra: Partial<Tm> = {}): Tm {
  return {
    ...f,
    hour24: BigInt(f.hour),
    yday: date2j(f.year, f.month, f.day) - date2j(f.year, 1, 1) + 1,
    isInterval: false,
    ...extra,
  };
}

/** to_char(timestamp, format); null for ±infinity, as Postgres returns NULL. */
export function toCharTimestamp(ts: bigint, format: string): string | null {
  if (ts === TS_INFINITY || ts === TS_NEG_INFINITY || format === '') return null;
  return render(parseFormat(format), tmFromFields(timestampToFields(ts), { tzn: '', gmtoff: 0 }));
}

/** to_char(timestamptz, format) in `zone`; null for ±infinity. */
export function toCharTimestamptz(ts: bigint, format: string, zone: PgTimeZone): string | null {
  if (ts === TS_INFINITY || ts === TS_NEG_INFINITY || format === '') return null;
  const off = zone.utcOffset(ts);
  const f = timestampToFields(ts + BigInt(off) * 1_000_000n);
  return render(parseFormat(format), tmFromFields(f, { gmtoff: off, tzn: zone.abbrev(ts) }));
}

/** to_char(interval, format); null for ±infinity. */
export function toCharInterval(v: Interval, format: string): string | null {
  if (isIntervalInfinite(v) || format === '') return null;
  const year = Math.trunc(v.months / 12);
  const month = v.months % 12;
  let t = v.micros;
  const hour = t / 3_600_000_000n;
  t -= hour * 3_600_000_000n;
  const minute = Number(t / 60_000_000n);
  t -= BigInt(minute) * 60_000_000n;
  const second = Number(t / 1_000_000n);
  const fsec = Number(t % 1_000_000n);
  const tm: Tm = {
    year, month, day: v.days, hour: Number(hour), minute, second, fsec, hour24: hour,
    yday: (year * 12 + month) * 30 + v.days, isInterval: true,
  };
  return render(parseFormat(format), tm);
}
