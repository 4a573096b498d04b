/**
 * Decoders for single date/time fields: a numeric field whose meaning depends on what was already
 * seen and on DateStyle's field order, run-together numbers (`20240131`, `123456.5`), date fields
 * (`2024-01-31`, `jan-05-2024`), time fields (`12:34:56.5`) and numeric zone offsets (`+05:30`).
 *
 * Postgres counterpart: DecodeNumber, DecodeNumberField, DecodeDate, DecodeTime, DecodeTimezone and
 * ParseFractionalSecond in src/backend/utils/adt/datetime.c.
 */
import { dterr } from './errors.js';
import { lookupDateKeyword } from './keywords.js';

/** Field bits, as Postgres's DTK_M(...) masks: a field kind may appear once. */
export const F = {
  YEAR: 1 << 0,
  MONTH: 1 << 1,
  DAY: 1 << 2,
  HOUR: 1 << 3,
  MINUTE: 1 << 4,
  SECOND: 1 << 5,
  DOY: 1 << 6,
  DOW: 1 << 7,
  TZ: 1 << 8,
  DTZ: 1 << 9,
  AMPM: 1 << 10,
  ADBC: 1 << 11,
} as const;
export const DATE_M = F.YEAR | F.MONTH | F.DAY;
export const TIME_M = F.HOUR | F.MINUTE | F.SECOND;

export type DateOrder = 'MDY' | 'DMY' | 'YMD';

/** Mutable decoding state: Postgres's struct pg_tm plus the flags DecodeDateTime carries. */
export interface DecodeState {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  fsec: number;
  yday: number;
  /** Mask of the fields seen so far. */
  fmask: number;
  /** The year was written with one or two digits (to be mapped to 1970..2069). */
  is2digits: boolean;
  haveTextMonth: boolean;
  dateOrder: DateOrder;
}

export function newDecodeState(dateOrder: DateOrder): DecodeState {
  return {
    year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, fsec: 0, yday: 0,
    fmask: 0, is2digits: false, haveTextMonth: false, dateOrder,
  };
}

const INT32_MAX = 2_147_483_647;

/** Postgres's strtoint on a leading digit run: value and the rest; out-of-int32 is a field overflow. */
export function leadingInt(s: string, allowEmpty = false): { value: number; rest: string; ndigits: number } {
  let i = 0;
  while (i < s.length && s[i]! >= '0' && s[i]! <= '9') i++;
  if (i === 0 && !allowEmpty) dterr('bad-format');
  const value = i === 0 ? 0 : Number(s.slice(0, i));
  if (value > INT32_MAX) dterr('field-overflow');
  return { value, rest: s.slice(i), ndigits: i };
}

/** Round half to even, as C's rint(). */
export function rint(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** `.ddd` -> microseconds, rounded as Postgres rounds (rint of the double). */
export function parseFraction(s: string): number {
  if (!/^\.\d*$/.test(s)) dterr('bad-format');
  return s.length === 1 ? 0 : rint(Number('0' + s) * 1_000_000);
}

/** C's atoi on a digit string: a 64-bit strtol (saturating) truncated to int32, as glibc does. */
function cAtoi(digits: string): number {
  let v = BigInt(digits);
  if (v > 2n ** 63n - 1n) v = 2n ** 63n - 1n;
  return Number(BigInt.asIntN(32, v));
}

/** Run-together digits (`20240131`, `240131`, `123456`, `1234`, `123456.789`). Returns the mask set. */
export function decodeNumberField(str: string, fmask: number, st: DecodeState): number {
  let s = str;
  const dot = s.indexOf('.');
  if (dot >= 0) {
    st.fsec = parseFraction(s.slice(dot));
    s = s.slice(0, dot);
  } else if ((fmask & DATE_M) !== DATE_M) {
    if (s.length >= 6) {
      const n = s.length;
      st.day = Number(s.slice(n - 2));
      st.month = Number(s.slice(n - 4, n - 2));
      st.year = cAtoi(s.slice(0, n - 4));
      if (n - 4 === 2) st.is2digits = true;
      return DATE_M;
    }
  }
  if ((fmask & TIME_M) !== TIME_M) {
    if (s.length === 6) {
      st.second = Number(s.slice(4));
      st.minute = Number(s.slice(2, 4));
      st.hour = Number(s.slice(0, 2));
      return TIME_M;
    }
    if (s.length === 4) {
      st.second = 0;
      st.minute = Number(s.slice(2));
      st.hour = Number(s.slice(0, 2));
      return TIME_M;
    }
  }
  return dterr('bad-format');
}

/** One numeric field of a date (or a run-together time once the date is complete). Returns its mask. */
export function decodeNumber(str: string, haveTextMonth: boolean, fmask: number, st: DecodeState): number {
  const flen = str.length;
  const { value: val, rest, ndigits } = leadingInt(str);
  if (rest.startsWith('.')) {
    if (ndigits > 2) return decodeNumberField(str, fmask | DATE_M, st);
    st.fsec = parseFraction(rest);
  } else if (rest !== '') {
    dterr('bad-format');
  }
  // Three digits after a lone year: day of year.
  if (flen === 3 && (fmask & DATE_M) === F.YEAR && val >= 1 && val <= 366) {
    st.yday = val;
    return F.DOY | F.MONTH | F.DAY;
  }
  let tmask: number;
  switch (fmask & DATE_M) {
    case 0:
      if (flen >= 3 || st.dateOrder === 'YMD') {
        tmask = F.YEAR;
        st.year = val;
      } else if (st.dateOrder === 'DMY') {
        tmask = F.DAY;
        st.day = val;
      } else {
        tmask = F.MONTH;
        st.month = val;
      }
      break;
    case F.YEAR:
      tmask = F.MONTH;
      st.month = val;
      break;
    case F.MONTH:
      if (haveTextMonth) {
        if (flen >= 3 || st.dateOrder === 'YMD') {
          tmask = F.YEAR;
          st.year = val;
        } else {
          tmask = F.DAY;
          st.day = val;
        }
      } else {
        tmask = F.DAY;
        st.day = val;
      }
      break;
    case F.YEAR | F.MONTH:
      if (haveTextMonth && flen >= 3 && st.is2digits) {
        // The first number was a day after all (DD-MON-YYYY).
        st.day = st.year;
        st.year = val;
        st.is2digits = false;
        tmask = F.DAY;
      } else {
        tmask = F.DAY;
        st.day = val;
      }
      break;
    case F.DAY:
      tmask = F.MONTH;
      st.month = val;
      break;
    case F.MONTH | F.DAY:
      tmask = F.YEAR;
      st.year = val;
      break;
    case DATE_M:
      return decodeNumberField(str, fmask, st);
    default:
      return dterr('bad-format');
  }
  if (tmask === F.YEAR) st.is2digits = flen <= 2;
  return tmask;
}

/** A date field (`2024-01-31`, `01/02/2024`, `jan-05-2024`, `2024.031`). Returns the mask set. */
export function decodeDate(str: string, fmask: number, st: DecodeState): number {
  const parts: string[] = [];
  let i = 0;
  while (i < str.length) {
    while (i < str.length && !/[a-z0-9]/i.test(str[i]!)) i++;
    if (i >= str.length) dterr('bad-format');
    const start = i;
    if (/[0-9]/.test(str[i]!)) while (i < str.length && /[0-9]/.test(str[i]!)) i++;
    else while (i < str.length && /[a-z]/i.test(str[i]!)) i++;
    parts.push(str.slice(start, i));
    // Postgres overwrites the character after a field with a terminator.
    if (i < str.length) i++;
    if (parts.length >= 25) break;
  }
  let tmask = 0;
  let haveTextMonth = false;
  const numeric: string[] = [];
  for (const p of parts) {
    if (/^[a-z]/i.test(p)) {
      const kw = lookupDateKeyword(p.toLowerCase());
      if (!kw || kw.kind !== 'month') dterr('bad-format');
      if (fmask & F.MONTH) dterr('bad-format');
      st.month = kw.value;
      haveTextMonth = true;
      fmask |= F.MONTH;
      tmask |= F.MONTH;
    } else {
      numeric.push(p);
    }
  }
  for (const p of numeric) {
    if (p.length === 0) dterr('bad-format');
    const dmask = decodeNumber(p, haveTextMonth, fmask, st);
    if (fmask & dmask) dterr('bad-format');
    fmask |= dmask;
    tmask |= dmask;
  }
  if ((fmask & ~(F.DOY | F.TZ)) !== DATE_M) dterr('bad-format');
  st.haveTextMonth ||= haveTextMonth;
  return tmask;
}

/** A time field `hh:mm[:ss[.fff]]` or `mm:ss.fff`. Returns the mask set. */
export function decodeTime(str: string, st: DecodeState): number {
  let { value: hour, rest } = leadingInt(str);
  if (!rest.startsWith(':')) dterr('bad-format');
  let minute: number;
  ({ value: minute, rest } = leadingInt(rest.slice(1), true));
  let second = 0;
  let fsec = 0;
  if (rest === '') {
    // hh:mm
  } else if (rest.startsWith('.')) {
    // mm:ss.fff
    fsec = parseFraction(rest);
    second = minute;
    minute = hour;
    hour = 0;
  } else if (rest.startsWith(':')) {
    ({ value: second, rest } = leadingInt(rest.slice(1), true));
    if (rest !== '') {
      if (!rest.startsWith('.')) dterr('bad-format');
      fsec = parseFraction(rest);
    }
  } else {
    dterr('bad-format');
  }
  if (minute > 59 || second > 60 || fsec > 1_000_000) dterr('field-overflow');
  st.hour = hour;
  st.minute = minute;
  st.second = second;
  st.fsec = fsec;
  return TIME_M;
}

/** Postgres's time_overflows: beyond 24:00:00 or a field out of its range. */
export function timeOverflows(hour: number, minute: number, second: number, fsec: number): boolean {
  if (hour < 0 || minute < 0 || minute > 59 || second < 0 || second > 60 || fsec < 0 || fsec > 1_000_000) {
    return true;
  }
  return ((hour * 60 + minute) * 60 + second) * 1_000_000 + fsec > 86_400_000_000;
}

/** A numeric zone `+hh`, `-hh:mm[:ss]`, `+hhmm`: seconds east of UTC. */
export function decodeTimezone(str: string): number {
  const sign = str[0];
  if (sign !== '+' && sign !== '-') dterr('bad-format');
  // strtoint: an optional sign, digits that may be absent (`-` alone is +00); too many digits is a
  // displacement overflow, a negative part is out of range.
  const num = (t: string): { value: number; rest: string } => {
    const m = /^[+-]?(\d*)/.exec(t)!;
    const value = m[1] === '' ? 0 : Number(m[0]);
    if (value > 2_147_483_647 || value < -2_147_483_648) dterr('tz-disp-overflow');
    return { value, rest: t.slice(m[1] === '' ? 0 : m[0].length) };
  };
  let { value: hr, rest } = num(str.slice(1));
  let min = 0;
  let sec = 0;
  if (rest.startsWith(':')) {
    ({ value: min, rest } = num(rest.slice(1)));
    if (rest.startsWith(':')) ({ value: sec, rest } = num(rest.slice(1)));
  } else if (rest === '' && str.length > 3) {
    min = hr % 100;
    hr = Math.floor(hr / 100);
  }
  if (hr < 0 || hr > 15 || min < 0 || min >= 60 || sec < 0 || sec >= 60) dterr('tz-disp-overflow');
  if (rest !== '') dterr('bad-format');
  const secs = (hr * 60 + min) * 60 + sec;
  return sign === '-' ? -secs : secs;
}
