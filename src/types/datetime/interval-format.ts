/**
 * Interval text output in the four IntervalStyles: `postgres` (`1 year 2 mons -3 days +04:05:06`),
 * `postgres_verbose` (`@ 1 year 2 mons ago`), `sql_standard` (`+1-2 -3 +4:05:06`) and
 * `iso_8601` (`P1Y2M-3DT4H5M6S`).
 *
 * Postgres counterpart: EncodeInterval and AppendSeconds in src/backend/utils/adt/datetime.c.
 */
import type { Interval } from '../values.js';
import { isIntervalInfinite } from './interval-value.js';

/** Broken-down interval (Postgres's pg_itm): signs follow each stored part. */
interface Itm {
  year: number;
  mon: number;
  mday: number;
  hour: bigint;
  min: number;
  sec: number;
  fsec: number;
}

function toItm(v: Interval): Itm {
  const year = Math.trunc(v.months / 12);
  const mon = v.months % 12;
  let t = v.micros;
  const hour = t / 3_600_000_000n;
  t -= hour * 3_600_000_000n;
  const min = Number(t / 60_000_000n);
  t -= BigInt(min) * 60_000_000n;
  const sec = Number(t / 1_000_000n);
  const fsec = Number(t - BigInt(sec) * 1_000_000n);
  return { year, mon: mon === 0 ? 0 : mon, mday: v.days, hour, min, sec, fsec };
}

const abs = Math.abs;
const absBig = (v: bigint): bigint => (v < 0n ? -v : v);
const pad2 = (n: number | bigint): string => String(n).padStart(2, '0');

/** Seconds and fraction, unsigned; trailing zeros trimmed; `fill` zero-pads seconds to 2 digits. */
function seconds(sec: number, fsec: number, fill: boolean): string {
  const s = fill ? pad2(abs(sec)) : String(abs(sec));
  if (fsec === 0) return s;
  return `${s}.${String(abs(fsec)).padStart(6, '0').replace(/0+$/, '')}`;
}

function postgresStyle(t: Itm): string {
  let out = '';
  let isBefore = false;
  let isZero = true;
  const part = (value: number, unit: string): void => {
    if (value === 0) return;
    out += `${isZero ? '' : ' '}${isBefore && value > 0 ? '+' : ''}${value} ${unit}${value !== 1 ? 's' : ''}`;
    isBefore = value < 0;
    isZero = false;
  };
  part(t.year, 'year');
  part(t.mon, 'mon');
  part(t.mday, 'day');
  if (isZero || t.hour !== 0n || t.min !== 0 || t.sec !== 0 || t.fsec !== 0) {
    const minus = t.hour < 0n || t.min < 0 || t.sec < 0 || t.fsec < 0;
    out += `${isZero ? '' : ' '}${minus ? '-' : isBefore ? '+' : ''}${pad2(absBig(t.hour))}:${pad2(abs(t.min))}:`;
    out += seconds(t.sec, t.fsec, true);
  }
  return out;
}

function verboseStyle(t: Itm): string {
  let out = '@';
  let isZero = true;
  let isBefore = false;
  const part = (value: number | bigint, unit: string): void => {
    if (value === 0 || value === 0n) return;
    let v = value;
    if (isZero) {
      isBefore = v < 0;
      v = v < 0 ? -v : v;
    } else if (isBefore) {
      v = -v;
    }
    out += ` ${v} ${unit}${v === 1 || v === 1n ? '' : 's'}`;
    isZero = false;
  };
  part(t.year, 'year');
  part(t.mon, 'mon');
  part(t.mday, 'day');
  part(t.hour, 'hour');
  part(t.min, 'min');
  if (t.sec !== 0 || t.fsec !== 0) {
    out += ' ';
    if (t.sec < 0 || (t.sec === 0 && t.fsec < 0)) {
      if (isZero) isBefore = true;
      else if (!isBefore) out += '-';
    } else if (isBefore) {
      out += '-';
    }
    out += seconds(t.sec, t.fsec, false);
    out += ` sec${abs(t.sec) !== 1 || t.fsec !== 0 ? 's' : ''}`;
    isZero = false;
  }
  if (isZero) out += ' 0';
  if (isBefore) out += ' ago';
  return out;
}

function sqlStandardStyle(t0: Itm): string {
  const t = { ...t0 };
  const hasNegative = t.year < 0 || t.mon < 0 || t.mday < 0 || t.hour < 0n || t.min < 0 || t.sec < 0 || t.fsec < 0;
  const hasPositive = t.year > 0 || t.mon > 0 || t.mday > 0 || t.hour > 0n || t.min > 0 || t.sec > 0 || t.fsec > 0;
  const hasYearMonth = t.year !== 0 || t.mon !== 0;
  const hasDayTime = t.mday !== 0 || t.hour !== 0n || t.min !== 0 || t.sec !== 0 || t.fsec !== 0;
  const hasDay = t.mday !== 0;
  const standard = !(hasNegative && hasPositive) && !(hasYearMonth && hasDayTime);
  let out = '';
  if (hasNegative && standard) {
    out = '-';
    t.year = -t.year;
    t.mon = -t.mon;
    t.mday = -t.mday;
    t.hour = -t.hour;
    t.min = -t.min;
    t.sec = -t.sec;
    t.fsec = -t.fsec;
  }
  if (!hasNegative && !hasPositive) return '0';
  if (!standard) {
    const ys = t.year < 0 || t.mon < 0 ? '-' : '+';
    const ds = t.mday < 0 ? '-' : '+';
    const ss = t.hour < 0n || t.min < 0 || t.sec < 0 || t.fsec < 0 ? '-' : '+';
    return `${out}${ys}${abs(t.year)}-${abs(t.mon)} ${ds}${abs(t.mday)} ${ss}${absBig(t.hour)}:${pad2(abs(t.min))}:${seconds(t.sec, t.fsec, true)}`;
  }
  if (hasYearMonth) return `${out}${t.year}-${t.mon}`;
  if (hasDay) return `${out}${t.mday} ${t.hour}:${pad2(t.min)}:${seconds(t.sec, t.fsec, true)}`;
  return `${out}${t.hour}:${pad2(t.min)}:${seconds(t.sec, t.fsec, true)}`;
}

function isoStyle(t: Itm): string {
  if (t.year === 0 && t.mon === 0 && t.mday === 0 && t.hour === 0n && t.min === 0 && t.sec === 0 && t.fsec === 0) {
    return 'PT0S';
  }
  let out = 'P';
  const part = (v: number | bigint, u: string): void => {
    if (v !== 0 && v !== 0n) out += `${v}${u}`;
  };
  part(t.year, 'Y');
  part(t.mon, 'M');
  part(t.mday, 'D');
  if (t.hour !== 0n || t.min !== 0 || t.sec !== 0 || t.fsec !== 0) out += 'T';
  part(t.hour, 'H');
  part(t.min, 'M');
  if (t.sec !== 0 || t.fsec !== 0) {
    if (t.sec < 0 || t.fsec < 0) out += '-';
    out += seconds(t.sec, t.fsec, false) + 'S';
  }
  return out;
}

/** Formats an interval in an IntervalStyle (`postgres` when unrecognised). */
export function formatInterval(v: Interval, intervalStyle: string): string {
  const inf = isIntervalInfinite(v);
  if (inf) return inf > 0 ? 'infinity' : '-infinity';
  const t = toItm(v);
  switch (intervalStyle.toLowerCase()) {
    case 'postgres_verbose':
      return verboseStyle(t);
    case 'sql_standard':
      return sqlStandardStyle(t);
    case 'iso_8601':
      return isoStyle(t);
    default:
      return postgresStyle(t);
  }
}
