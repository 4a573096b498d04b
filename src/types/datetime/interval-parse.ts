/**
 * Interval text input in Postgres's own format (`1 year 2 mons -3 days 04:05:06.5 ago`, `@ 1 day`)
 * and SQL-standard forms (`1-2`, `3 4:05:06`); ISO 8601 durations are in interval-iso8601.ts.
 * An interval type modifier's field range decides what a bare number means (`'5'::interval
 * minute` is 5 minutes) and that `mm:ss` reads as minutes and seconds for MINUTE TO SECOND.
 *
 * Postgres counterpart: DecodeInterval and DecodeTimeForInterval in src/backend/utils/adt/datetime.c.
 */
import { dterr } from './errors.js';
import { parseFraction } from './decode-fields.js';
import {
  addDays, addFractDays, addFractMicros, addFractYears, addMicros, addMonths, addYears, checkI64, INT32_MAX, INT32_MIN,
  INT64_MIN, newItmIn, type ItmIn,
} from './interval-adjust.js';
import { lookupDateKeyword } from './keywords.js';
import type { DateTimeField } from './parse.js';
import { lookupUnitWord, type DateUnit } from './units.js';

export type { ItmIn } from './interval-adjust.js';
export { decodeIso8601Interval } from './interval-iso8601.js';

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
  const itm: ItmIn = newItmIn();
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
        const m = /^-([+-]?)(\d*)/.exec(rest)!;
        let val2 = m[2] === '' ? 0 : Number(m[1] + m[2]);
        if (val2 < 0 || val2 >= 12) dterr('field-overflow');
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
      // Noise words (`@`, `at`, `on`) also reset the pending unit, so the next number is bare.
      if (w?.kind === 'ignore') {
        type = 'ignore';
        continue;
      }
      if (w?.kind === 'unit') {
        type = w.unit;
        parsingUnit = true;
      } else if (w?.kind === 'ago') {
        if (i !== nf - 1) dterr('bad-format');
        isBefore = true;
        type = 'none';
      } else {
        const kw = lookupDateKeyword(text);
        if (kw?.kind === 'ignore') {
          type = 'ignore';
          continue;
        }
        if (kw?.kind === 'julian') {
          // a unit only dates know: any number it labels fails below
          type = 'julian';
          parsingUnit = true;
          continue;
        }
        // infinity / -infinity must be the only field
        if (kw?.kind !== 'reserved' || (kw.value !== 'late' && kw.value !== 'early') || nf !== 1) dterr('bad-format');
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

