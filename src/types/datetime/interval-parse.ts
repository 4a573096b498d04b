/**
 * Interval text input: Postgres's own format (`1 year 2 mons -3 days 04:05:06.5 ago`, `@ 1 day`),
 * SQL-standard forms (`1-2`, `3 4:05:06`), and ISO 8601 (`P1Y2M3DT4H5M6S`, `P0001-02-03T04:05:06`).
 * An interval type modifier's field range decides what a bare number means (`'5'::interval
 * minute` is 5 minutes) and that `mm:ss` reads as minutes and seconds for MINUTE TO SECOND.
 *
 * Postgres counterpart: DecodeInterval, DecodeTimeForInterval, DecodeISO8601Interval and the
 * Adjust* helpers in src/backend/utils/adt/datetime.c.
 */
import { dterr } from './errors.js';
import { parseFraction, rint } from './decode-fields.js';
import { lookupDateKeyword } from './keywords.js';
import type { DateTimeField } from './parse.js';
import { lookupUnitWord, type DateUnit } from './units.js';

const INT32_MIN = -2_147_483_648;
const INT32_MAX = 2_147_483_647;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Interval field-range bits of a type modifier (INTERVAL_MASK). */
export const IRANGE = {
  MONTH: 1 << 1,
  YEAR: 1 << 2,
  DAY: 1 << 3,
  HOUR: 1 << 10,
  MINUTE: 1 << 11,
  SECOND: 1 << 12,
  FULL: 0x7fff,
} as const;

/** Accumulated interval fields (Postgres's pg_itm_in). */
export interface ItmIn {
  usec: bigint;
  mday: number;
  mon: number;
  year: number;
}

const checkI64 = (v: bigint): bigint => (v < INT64_MIN || v > INT64_MAX ? dterr('field-overflow') : v);
const checkI32 = (v: number): number => (v < INT32_MIN || v > INT32_MAX ? dterr('field-overflow') : v);

function addFractMicros(itm: ItmIn, frac: number, scale: number): void {
  if (frac === 0) return;
  const f = frac * scale;
  const us = rint(f);
  if (!Number.isFinite(us) || Math.abs(us) > 9.2e18) dterr('field-overflow');
  itm.usec = checkI64(itm.usec + BigInt(us));
}
function addMicros(itm: ItmIn, val: bigint, frac: number, scale: number): void {
  itm.usec = checkI64(itm.usec + val * BigInt(scale));
  addFractMicros(itm, frac, scale);
}
function addDays(itm: ItmIn, val: bigint, scale: number): void {
  const d = val * BigInt(scale);
  if (d < BigInt(INT32_MIN) || d > BigInt(INT32_MAX)) dterr('field-overflow');
  itm.mday = checkI32(itm.mday + Number(d));
}
function addFractDays(itm: ItmIn, frac: number, scale: number): void {
  if (frac === 0) return;
  const f = frac * scale;
  const extra = Math.trunc(f);
  itm.mday = checkI32(itm.mday + extra);
  addFractMicros(itm, f - extra, 86_400_000_000);
}
function addMonths(itm: ItmIn, val: bigint): void {
  if (val < BigInt(INT32_MIN) || val > BigInt(INT32_MAX)) dterr('field-overflow');
  itm.mon = checkI32(itm.mon + Number(val));
}
function addYears(itm: ItmIn, val: bigint, scale: number): void {
  const y = val * BigInt(scale);
  if (y < BigInt(INT32_MIN) || y > BigInt(INT32_MAX)) dterr('field-overflow');
  itm.year = checkI32(itm.year + Number(y));
}
function addFractYears(itm: ItmIn, frac: number, scale: number): void {
  if (frac === 0) return;
  const months = rint(frac * scale * 12);
  itm.mon = checkI32(itm.mon + months);
}

/** Parses `[-+]digits[.frac]`: integer part as bigint (int64-checked), rest of the text. */
function leadingInt64(s: string): { value: bigint; rest: string; hadDigits: boolean } {
  const m = /^([+-]?)(\d*)/.exec(s)!;
  const digits = m[2]!;
  if (digits === '') return { value: 0n, rest: s.slice(m[1]!.length), hadDigits: false };
  let v = BigInt(digits);
  if (m[1] === '-') v = -v;
  checkI64(v);
  return { value: v, rest: s.slice(m[0].length), hadDigits: true };
}

/** `hh:mm[:ss[.fff]]` (or `mm:ss.fff`, or `mm:ss` for MINUTE TO SECOND) as microseconds. */
function decodeTimeForInterval(str: string, range: number): bigint {
  const h = /^(\d+)/.exec(str);
  if (!h) dterr('bad-format');
  let hour = BigInt(h[1]!);
  checkI64(hour);
  let rest = str.slice(h[1]!.length);
  if (!rest.startsWith(':')) dterr('bad-format');
  rest = rest.slice(1);
  const mm = /^\d*/.exec(rest)![0];
  let min = mm === '' ? 0 : Number(mm);
  if (min > INT32_MAX) dterr('field-overflow');
  rest = rest.slice(mm.length);
  let sec = 0;
  let fsec = 0;
  const toMinSec = (): void => {
    if (hour > BigInt(INT32_MAX)) dterr('field-overflow');
    sec = min;
    min = Number(hour);
    hour = 0n;
  };
  if (rest === '') {
    if (range === (IRANGE.MINUTE | IRANGE.SECOND)) toMinSec();
  } else if (rest.startsWith('.')) {
    fsec = parseFraction(rest);
    toMinSec();
  } else if (rest.startsWith(':')) {
    rest = rest.slice(1);
    const ss = /^\d*/.exec(rest)![0];
    sec = ss === '' ? 0 : Number(ss);
    if (sec > INT32_MAX) dterr('field-overflow');
    rest = rest.slice(ss.length);
    if (rest !== '') {
      if (!rest.startsWith('.')) dterr('bad-format');
      fsec = parseFraction(rest);
    }
  } else {
    dterr('bad-format');
  }
  if (min > 59 || sec > 60 || fsec > 1_000_000) dterr('field-overflow');
  return checkI64(hour * 3_600_000_000n + BigInt(min) * 60_000_000n + BigInt(sec) * 1_000_000n + BigInt(fsec));
}

/** The unit a bare number takes when no unit word follows, from the typmod's field range. */
function defaultUnit(range: number): DateUnit {
  const { YEAR, MONTH, DAY, HOUR, MINUTE } = IRANGE;
  if (range === YEAR) return 'year';
  if (range === MONTH || range === (YEAR | MONTH)) return 'month';
  if (range === DAY) return 'day';
  if (range === HOUR || range === (DAY | HOUR)) return 'hour';
  if (range === MINUTE || range === (HOUR | MINUTE) || range === (DAY | HOUR | MINUTE)) return 'minute';
  return 'second';
}

const M = {
  MICRO: 1 << 0,
  MILLI: 1 << 1,
  SECOND: 1 << 2,
  MINUTE: 1 << 3,
  HOUR: 1 << 4,
  DAY: 1 << 5,
  WEEK: 1 << 6,
  MONTH: 1 << 7,
  YEAR: 1 << 8,
  DECADE: 1 << 9,
  CENTURY: 1 << 10,
  MILLENNIUM: 1 << 11,
  SPECIAL: 1 << 12,
};
const ALL_SECS = M.MICRO | M.MILLI | M.SECOND;
const TIME_BITS = M.HOUR | M.MINUTE | ALL_SECS;

/** Result of Postgres-format interval decoding. */
export type DecodedInterval = { kind: 'finite'; itm: ItmIn } | { kind: 'late' | 'early' };

/**
 * Decodes tokenized interval text (Postgres's DecodeInterval). `sqlStandard` applies a leading
 * minus sign to every field when no other sign appears (IntervalStyle sql_standard).
 */
export function decodeInterval(fields: DateTimeField[], range: number, sqlStandard: boolean): DecodedInterval {
  const itm: ItmIn = { usec: 0n, mday: 0, mon: 0, year: 0 };
  let fmask = 0;
  let type: DateUnit | 'ignore' | 'none' = 'ignore';
  let parsingUnit = false;
  let isBefore = false;
  let special: 'late' | 'early' | undefined;
  const nf = fields.length;
  let forceNegative = false;
  if (sqlStandard && nf > 0 && fields[0]!.text.startsWith('-')) {
    forceNegative = !fields.slice(1).some((f) => f.text.startsWith('-') || f.text.startsWith('+'));
  }

  for (let i = nf - 1; i >= 0; i--) {
    const { type: ftype, text } = fields[i]!;
    let tmask = 0;
    let handled = false;
    if (ftype === 'time') {
      itm.usec = decodeTimeForInterval(text, range);
      if (forceNegative && itm.usec > 0n) itm.usec = -itm.usec;
      tmask = TIME_BITS;
      type = 'day';
      parsingUnit = false;
      handled = true;
    } else if (ftype === 'tz' && text.slice(1).includes(':')) {
      let ok = true;
      let usec = 0n;
      try {
        usec = decodeTimeForInterval(text.slice(1), range);
      } catch {
        ok = false;
      }
      if (ok) {
        if (text.startsWith('-')) usec = -usec;
        if (forceNegative && usec > 0n) usec = -usec;
        itm.usec = usec;
        tmask = TIME_BITS;
        type = 'day';
        parsingUnit = false;
        handled = true;
      }
    }
    if (!handled && (ftype === 'tz' || ftype === 'date' || ftype === 'number')) {
      if (type === 'ignore') type = defaultUnit(range);
      let { value: val, rest, hadDigits } = leadingInt64(text);
      let fval = 0;
      if (rest.startsWith('-') && hadDigits) {
        // SQL "years-months"
        const m = /^-(\d*)/.exec(rest)!;
        let val2 = m[1] === '' ? 0 : Number(m[1]);
        if (val2 >= 12) dterr('field-overflow');
        if (m[0].length !== rest.length) dterr('bad-format');
        type = 'month';
        if (text.startsWith('-')) val2 = -val2;
        val = checkI64(checkI64(val * 12n) + BigInt(val2));
      } else if (rest.startsWith('.')) {
        if (!/^\.\d*$/.test(rest)) dterr('bad-format');
        fval = rest.length === 1 ? 0 : Number('0' + rest);
        if (text.startsWith('-')) fval = -fval;
      } else if (rest !== '') {
        dterr('bad-format');
      }
      if (forceNegative) {
        if (val > 0n) val = -val;
        if (fval > 0) fval = -fval;
      }
      switch (type) {
        case 'microsecond':
          addMicros(itm, val, fval, 1);
          tmask = M.MICRO;
          break;
        case 'millisecond':
          addMicros(itm, val, fval, 1000);
          tmask = M.MILLI;
          break;
        case 'second':
          addMicros(itm, val, fval, 1_000_000);
          tmask = fval === 0 ? M.SECOND : ALL_SECS;
          break;
        case 'minute':
          addMicros(itm, val, fval, 60_000_000);
          tmask = M.MINUTE;
          break;
        case 'hour':
          addMicros(itm, val, fval, 3_600_000_000);
          tmask = M.HOUR;
          type = 'day';
          break;
        case 'day':
          addDays(itm, val, 1);
          addFractMicros(itm, fval, 86_400_000_000);
          tmask = M.DAY;
          break;
        case 'week':
          addDays(itm, val, 7);
          addFractDays(itm, fval, 7);
          tmask = M.WEEK;
          break;
        case 'month':
          addMonths(itm, val);
          addFractDays(itm, fval, 30);
          tmask = M.MONTH;
          break;
        case 'year':
          addYears(itm, val, 1);
          addFractYears(itm, fval, 1);
          tmask = M.YEAR;
          break;
        case 'decade':
          addYears(itm, val, 10);
          addFractYears(itm, fval, 10);
          tmask = M.DECADE;
          break;
        case 'century':
          addYears(itm, val, 100);
          addFractYears(itm, fval, 100);
          tmask = M.CENTURY;
          break;
        case 'millennium':
          addYears(itm, val, 1000);
          addFractYears(itm, fval, 1000);
          tmask = M.MILLENNIUM;
          break;
        default:
          dterr('bad-format');
      }
      parsingUnit = false;
    } else if (!handled && (ftype === 'string' || ftype === 'special')) {
      if (parsingUnit) dterr('bad-format');
      const w = lookupUnitWord(text);
      if (w?.kind === 'ignore') continue;
      if (w?.kind === 'unit') {
        type = w.unit;
        parsingUnit = true;
      } else if (w?.kind === 'ago') {
        if (i !== nf - 1) dterr('bad-format');
        isBefore = true;
        type = 'none';
      } else {
        const kw = lookupDateKeyword(text);
        if (kw?.kind === 'ignore') continue;
        if (kw?.kind !== 'reserved' || (kw.value !== 'late' && kw.value !== 'early')) dterr('bad-format');
        tmask = M.SPECIAL | TIME_BITS | M.DAY | M.MONTH | M.YEAR;
        special = kw.value;
      }
    } else if (!handled) {
      dterr('bad-format');
    }
    if (tmask & fmask) dterr('bad-format');
    fmask |= tmask;
  }
  if (fmask === 0 || parsingUnit) dterr('bad-format');
  if (special) return { kind: special };
  if (isBefore) {
    if (itm.usec === INT64_MIN || itm.mday === INT32_MIN || itm.mon === INT32_MIN || itm.year === INT32_MIN) {
      dterr('field-overflow');
    }
    itm.usec = -itm.usec;
    itm.mday = -itm.mday;
    itm.mon = -itm.mon;
    itm.year = -itm.year;
  }
  return { kind: 'finite', itm };
}

/** Number at the start of an ISO 8601 field: integer part, fraction (same sign), rest. */
function iso8601Number(s: string): { val: bigint; fval: number; rest: string } {
  if (!/^[-+0-9.]/.test(s)) dterr('bad-format');
  const m = /^([+-]?)(\d*)(\.\d*)?/.exec(s)!;
  if (m[2] === '' && (m[3] === undefined || m[3] === '.')) dterr('bad-format');
  let val = m[2] === '' ? 0n : BigInt(m[2]!);
  let fval = m[3] && m[3].length > 1 ? Number('0' + m[3]) : 0;
  if (m[1] === '-') {
    val = -val;
    fval = -fval;
  }
  checkI64(val);
  return { val, fval, rest: s.slice(m[0].length) };
}

const isoWidth = (s: string): number => /^-?(\d*)/.exec(s)![1]!.length;

/** Decodes an ISO 8601 duration (`P1Y2M3DT4H5M6S`, `P1W`, `P0001-02-03T04:05:06`, `P00010203T040506`). */
export function decodeIso8601Interval(input: string): ItmIn {
  const itm: ItmIn = { usec: 0n, mday: 0, mon: 0, year: 0 };
  if (input.length < 2 || input[0] !== 'P') dterr('bad-format');
  let str = input.slice(1);
  let datePart = true;
  let haveField = false;
  while (str.length > 0) {
    if (str[0] === 'T') {
      datePart = false;
      haveField = false;
      str = str.slice(1);
      continue;
    }
    const fieldStart = str;
    let { val, fval, rest } = iso8601Number(str);
    const unit = rest[0] ?? '';
    str = rest.slice(1);
    if (datePart) {
      switch (unit) {
        case 'Y':
          addYears(itm, val, 1);
          addFractYears(itm, fval, 1);
          break;
        case 'M':
          addMonths(itm, val);
          addFractDays(itm, fval, 30);
          break;
        case 'W':
          addDays(itm, val, 7);
          addFractDays(itm, fval, 7);
          break;
        case 'D':
          addDays(itm, val, 1);
          addFractMicros(itm, fval, 86_400_000_000);
          break;
        case 'T':
        case '':
        case '-': {
          if (unit !== '-' && isoWidth(fieldStart) === 8 && !haveField) {
            addYears(itm, val / 10000n, 1);
            addMonths(itm, (val / 100n) % 100n);
            addDays(itm, val % 100n, 1);
            addFractMicros(itm, fval, 86_400_000_000);
            if (unit === '') return itm;
            datePart = false;
            haveField = false;
            continue;
          }
          if (haveField) dterr('bad-format');
          addYears(itm, val, 1);
          addFractYears(itm, fval, 1);
          if (unit === '') return itm;
          if (unit === 'T') {
            datePart = false;
            haveField = false;
            continue;
          }
          ({ val, fval, rest: str } = iso8601Number(str));
          addMonths(itm, val);
          addFractDays(itm, fval, 30);
          if (str === '') return itm;
          if (str[0] === 'T') {
            datePart = false;
            haveField = false;
            str = str.slice(1);
            continue;
          }
          if (str[0] !== '-') dterr('bad-format');
          ({ val, fval, rest: str } = iso8601Number(str.slice(1)));
          addDays(itm, val, 1);
          addFractMicros(itm, fval, 86_400_000_000);
          if (str === '') return itm;
          if (str[0] === 'T') {
            datePart = false;
            haveField = false;
            str = str.slice(1);
            continue;
          }
          return dterr('bad-format');
        }
        default:
          dterr('bad-format');
      }
    } else {
      switch (unit) {
        case 'H':
          addMicros(itm, val, fval, 3_600_000_000);
          break;
        case 'M':
          addMicros(itm, val, fval, 60_000_000);
          break;
        case 'S':
          addMicros(itm, val, fval, 1_000_000);
          break;
        case '':
        case ':': {
          if (unit === '' && isoWidth(fieldStart) === 6 && !haveField) {
            addMicros(itm, val / 10000n, 0, 3_600_000_000);
            addMicros(itm, (val / 100n) % 100n, 0, 60_000_000);
            addMicros(itm, val % 100n, 0, 1_000_000);
            addFractMicros(itm, fval, 1_000_000);
            return itm;
          }
          if (haveField) dterr('bad-format');
          addMicros(itm, val, fval, 3_600_000_000);
          if (unit === '') return itm;
          ({ val, fval, rest: str } = iso8601Number(str));
          addMicros(itm, val, fval, 60_000_000);
          if (str === '') return itm;
          if (str[0] !== ':') dterr('bad-format');
          ({ val, fval, rest: str } = iso8601Number(str.slice(1)));
          addMicros(itm, val, fval, 1_000_000);
          if (str === '') return itm;
          return dterr('bad-format');
        }
        default:
          dterr('bad-format');
      }
    }
    haveField = true;
  }
  return itm;
}
