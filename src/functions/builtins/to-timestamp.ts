/**
 * to_date(text, text) and to_timestamp(text, text): reading a string with a to_char template.
 * Numeric fields read as many digits as there are (exactly the field width when another field
 * follows without a separator); separators and spaces in the template match any separator or
 * are skipped (unless FX); names (Month, Mon, Day, Dy, AM/PM, BC/AD, RM) match case-insensitively;
 * MS/US/FFn are fractions; YY/YYY/Y years are completed to the nearest to 2020; CC, J, DDD, ISO
 * week dates (IYYY/IW/ID) and zones (TZH, TZM, OF, TZ abbreviations) are supported.
 *
 * Postgres counterpart: DCH_from_char, do_to_timestamp and from_char_* in
 * src/backend/utils/adt/formatting.c.
 * Known gaps: FX mode is approximate; day-of-week fields are read and ignored, as Postgres does.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import type { ExprRuntime } from '../../nodes/primnodes.js';
import { date2j, daysInMonth, isValidJulianYm, isValidTimestamp, j2date, POSTGRES_EPOCH_JDATE } from '../../types/datetime/calendar.js';
import { isoweek2j } from '../../types/datetime/iso-week.js';
import { lookupTzAbbrev, offsetForLocalTime, sessionTimeZone } from '../../types/datetime/timezone.js';
import { OID } from '../../types/oids.js';
import { fn } from '../registry.js';
import { roundTimestampToTypmod } from '../../types/datetime/precision.js';
import { DAYS, MONTHS, parseTemplate } from '../../types/datetime/to-char-template.js';

const WIDTH: Record<string, number> = {
  YYYY: 4, YYY: 3, YY: 2, Y: 1, IYYY: 4, IYY: 3, IY: 2, I: 1, MM: 2, DD: 2, DDD: 3, IDDD: 3, HH: 2, HH12: 2, HH24: 2, MI: 2, SS: 2,
  MS: 3, US: 6, FF1: 1, FF2: 2, FF3: 3, FF4: 4, FF5: 5, FF6: 6, D: 1, ID: 1, W: 1, WW: 2, IW: 2, CC: 2, Q: 1, J: 7, SSSS: 5, SSSSS: 5,
  'Y,YYY': 5, TZH: 2, TZM: 2,
};

interface Fields {
  year?: number;
  yearDigits?: number;
  bc?: boolean;
  cc?: number;
  month?: number;
  day?: number;
  ddd?: number;
  hour?: number;
  clock12?: boolean;
  pm?: boolean;
  minute?: number;
  second?: number;
  us?: number;
  /** FFn: the result is rounded to n fractional digits (to_timestamp's fprec). */
  ff?: number;
  ssss?: number;
  j?: number;
  iyear?: number;
  iw?: number;
  id?: number;
  tzSecs?: number;
  /** TZ read as an abbreviation whose offset depends on the date (MSK): its zone. */
  tzZone?: import('../../types/datetime/timezone.js').PgTimeZone;
}

function invalidValue(value: string, key: string, detail: string): PgError {
  return new PgError(SQLSTATE.invalid_datetime_format, `invalid value "${value}" for "${key}"`, { detail });
}

function fieldOverflow(input: string): PgError {
  return new PgError(SQLSTATE.datetime_field_overflow, `date/time field value out of range: "${input}"`);
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const isSeparator = (c: string | undefined): boolean => c !== undefined && !/[\p{L}\p{N}]/u.test(c) && !isSpace(c);

/** Parses `input` with a template into raw fields. */
/** Strict (standard) mode of the jsonpath .datetime(template) method: separators must match, the whole input must be read. */
const tooShort = () => new PgError(SQLSTATE.invalid_datetime_format, 'input string is too short for datetime format');

function fromChar(input: string, fmt: string, strict = false): Fields {
  const nodes = parseTemplate(fmt);
  const fx = /^\s*FX/i.test(fmt);
  const f: Fields = {};
  let i = 0;
  /** Input characters skipped beyond what the template asked for (TZH may take a swallowed '-'). */
  let extraSkip = 0;
  const set = <K extends keyof Fields>(k: K, v: Fields[K], key: string): void => {
    if (f[k] !== undefined && f[k] !== v) {
      throw new PgError(SQLSTATE.invalid_datetime_format, `conflicting values for "${key}" field in formatting string`, {
        detail: 'This value contradicts a previous setting for the same field type.',
      });
    }
    f[k] = v;
  };
  const skipSpaces = (): void => {
    while (isSpace(input[i])) {
      i++;
      extraSkip++;
    }
  };
  for (let n = 0; n < nodes.length; n++) {
    const node = nodes[n];
    if ('lit' in node) {
      if (strict) {
        for (const c of node.lit) {
          if (i >= input.length) throw tooShort();
          if (input[i] !== c) {
            if (isSpace(c) || isSeparator(c)) throw new PgError(SQLSTATE.invalid_datetime_format, `unmatched format separator "${c}"`);
            throw new PgError(SQLSTATE.invalid_datetime_format, `invalid datetime format separator: "${c}"`);
          }
          i++;
        }
        continue;
      }
      for (const c of node.lit) {
        if (i >= input.length) break;
        if (isSpace(c) || isSeparator(c)) {
          if (fx) i++;
          else {
            // One template separator matches one input separator (after any spaces), or nothing.
            extraSkip--;
            skipSpaces();
            if (isSeparator(input[i])) {
              i++;
              extraSkip++;
            }
          }
        } else i++;
      }
      continue;
    }
    if (!fx && !strict) skipSpaces();
    if (i >= input.length) {
      if (strict) throw tooShort();
      continue;
    }
    const key = node.key.toUpperCase();
    if (key !== 'TZH' && key !== 'OF' && key !== 'TZ') extraSkip = 0;
    const names = nameList(key);
    if (names) {
      const rest = input.slice(i).toLowerCase();
      let best = -1;
      let len = 0;
      names.forEach((nm, idx) => {
        if (rest.startsWith(nm.toLowerCase()) && nm.length > len) {
          best = idx;
          len = nm.length;
        }
      });
      if (best < 0) {
        const word = /^[^\s]*/.exec(input.slice(i))?.[0] ?? '';
        throw invalidValue(word, node.key, 'The given value did not match any of the allowed values for this field.');
      }
      i += len;
      applyName(f, key, best, set, node.key);
      continue;
    }
    if (!(key in WIDTH) && key !== 'TZ' && key !== 'OF') continue;
    if (key === 'TZ' && /[A-Za-z]/.test(input[i])) {
      // The longest prefix that is a known abbreviation (DecodeTimezoneAbbrevPrefix).
      const letters = /^[A-Za-z]+/.exec(input.slice(i))![0];
      let len = letters.length;
      let abbrev = lookupTzAbbrev(letters);
      while (!abbrev && --len > 0) abbrev = lookupTzAbbrev(letters.slice(0, len));
      if (!abbrev) {
        const word = /^[^\s]*/.exec(input.slice(i))?.[0] ?? '';
        throw invalidValue(word, node.key, 'Time zone abbreviation is not recognized.');
      }
      i += len;
      if (abbrev.kind === 'fixed') set('tzSecs', abbrev.offset, node.key);
      else f.tzZone = abbrev.zone;
      continue;
    }
    if (key === 'OF' || key === 'TZH' || key === 'TZ') {
      let sign = 1;
      if (input[i] === '-' || input[i] === '+') {
        sign = input[i] === '-' ? -1 : 1;
        i++;
      } else if (extraSkip > 0 && input[i - 1] === '-') {
        sign = -1; // the minus was swallowed as a separator
      }
      const next = nodes[n + 1];
      const h = readInt(input, i, 2, next !== undefined && !('lit' in next), node.key);
      i = h.end;
      extraSkip = 0;
      if (h.value > 15) {
        throw new PgError(SQLSTATE.invalid_time_zone_displacement_value, `time zone displacement out of range: "${input}"`);
      }
      let secs = h.value * 3600;
      if ((key === 'OF' || key === 'TZ') && input[i] === ':') {
        const m = readInt(input, i + 1, 2, true, node.key);
        i = m.end;
        secs += m.value * 60;
      }
      f.tzSecs = sign * (secs + Math.abs(f.tzSecs ?? 0) % 3600);
      continue;
    }
    if (key === 'TZM') {
      const m = readInt(input, i, 2, true, node.key);
      i = m.end;
      const cur = f.tzSecs ?? 0;
      f.tzSecs = (cur < 0 ? -1 : 1) * (Math.abs(cur) + m.value * 60);
      continue;
    }
    // Numeric field: fixed width when the next node is another field with nothing between.
    const next = nodes[n + 1];
    const fixed = next !== undefined && !('lit' in next);
    // Fields are read like strtol: an optional sign, then digits.
    let neg = false;
    if ((input[i] === '-' || input[i] === '+') && isDigit(input[i + 1])) {
      neg = input[i] === '-';
      i++;
    }
    const r = key === 'Y,YYY' ? readCommaYear(input, i, node.key) : readInt(input, i, WIDTH[key], fixed, node.key);
    const len = r.end - i;
    i = r.end;
    const v = neg ? -r.value : r.value;
    applyNumber(f, key, v, len, set, node.key);
    if (node.th && /^(st|nd|rd|th)/i.test(input.slice(i))) i += 2;
  }
  if (strict && i < input.length) throw new PgError(SQLSTATE.invalid_datetime_format, 'trailing characters remain in input string after datetime format');
  return f;
}

function readInt(input: string, at: number, width: number, fixed: boolean, key: string): { value: number; end: number } {
  let j = at;
  while (isDigit(input[j]) && (!fixed || j - at < width)) j++;
  if (j === at) throw invalidValue(input.slice(at, at + width), key, 'Value must be an integer.');
  const s = input.slice(at, j);
  if (s.length > 15) throw invalidValue(s, key, 'Value must be in the range -2147483648 to 2147483647.');
  return { value: Number(s), end: j };
}

function readCommaYear(input: string, at: number, key: string): { value: number; end: number } {
  const m = /^(\d+),(\d{3})/.exec(input.slice(at));
  if (!m) return readInt(input, at, 5, false, key);
  return { value: Number(m[1]) * 1000 + Number(m[2]), end: at + m[0].length };
}

const ROMAN_MONTHS = ['XII', 'VIII', 'VII', 'III', 'XI', 'IX', 'IV', 'VI', 'II', 'X', 'V', 'I'];
const ROMAN_VALUE: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, V: 5, VI: 6, VII: 7, VIII: 8, IX: 9, X: 10, XI: 11, XII: 12 };

function nameList(key: string): readonly string[] | undefined {
  switch (key) {
    case 'MONTH':
      return MONTHS;
    case 'MON':
      return MONTHS.map((m) => m.slice(0, 3));
    case 'DAY':
      return DAYS;
    case 'DY':
      return DAYS.map((d) => d.slice(0, 3));
    case 'AM':
    case 'PM':
      return ['AM', 'PM'];
    case 'A.M.':
    case 'P.M.':
      return ['A.M.', 'P.M.'];
    case 'BC':
    case 'AD':
      return ['BC', 'AD'];
    case 'B.C.':
    case 'A.D.':
      return ['B.C.', 'A.D.'];
    case 'RM':
      return ROMAN_MONTHS;
  }
  return undefined;
}

type Setter = <K extends keyof Fields>(k: K, v: Fields[K], key: string) => void;

function applyName(f: Fields, key: string, idx: number, set: Setter, raw: string): void {
  switch (key) {
    case 'MONTH':
    case 'MON':
      set('month', idx + 1, raw);
      break;
    case 'AM':
    case 'PM':
    case 'A.M.':
    case 'P.M.':
      set('pm', idx === 1, raw);
      f.clock12 = true;
      break;
    case 'BC':
    case 'AD':
    case 'B.C.':
    case 'A.D.':
      set('bc', idx === 0, raw);
      break;
    case 'RM':
      set('month', ROMAN_VALUE[ROMAN_MONTHS[idx]], raw);
      break;
    default:
      break; // day names are read and ignored
  }
}

function applyNumber(f: Fields, key: string, v: number, len: number, set: Setter, raw: string): void {
  switch (key) {
    case 'YYYY':
    case 'Y,YYY':
      set('year', v, raw);
      f.yearDigits = 4;
      break;
    case 'YYY':
    case 'YY':
    case 'Y':
      set('year', len <= key.length ? completeYear(v) : v, raw);
      f.yearDigits = len;
      break;
    case 'IYYY':
      set('iyear', v, raw);
      break;
    case 'IYY':
    case 'IY':
    case 'I':
      set('iyear', len <= key.length ? completeYear(v) : v, raw);
      break;
    case 'MM':
      set('month', v, raw);
      break;
    case 'DD':
      set('day', v, raw);
      break;
    case 'DDD':
    case 'IDDD':
      set('ddd', v, raw);
      break;
    case 'HH':
    case 'HH12':
      set('hour', v, raw);
      f.clock12 = true;
      break;
    case 'HH24':
      set('hour', v, raw);
      break;
    case 'MI':
      set('minute', v, raw);
      break;
    case 'SS':
      set('second', v, raw);
      break;
    case 'MS':
      set('us', v * 10 ** (3 - len) * 1000, raw);
      break;
    case 'US':
    case 'FF1':
    case 'FF2':
    case 'FF3':
    case 'FF4':
    case 'FF5':
    case 'FF6':
      if (key !== 'US') f.ff = Number(key.slice(2));
      set('us', len > 6 ? Infinity : v * 10 ** (6 - len), raw);
      break;
    case 'SSSS':
    case 'SSSSS':
      set('ssss', v, raw);
      break;
    case 'J':
      set('j', v, raw);
      break;
    case 'IW':
      set('iw', v, raw);
      break;
    case 'ID':
      set('id', v, raw);
      break;
    case 'CC':
      set('cc', v, raw);
      break;
    default:
      break; // D, W, WW, Q: read, not used for the result
  }
}

/** A 1-3 digit year completed to the year nearest 2020 (Postgres's adjust_partial_year_to_2020). */
function completeYear(y: number): number {
  if (y < 70) return y + 2000;
  if (y < 100) return y + 1900;
  if (y < 520) return y + 2000;
  if (y < 1000) return y + 1000;
  return y;
}

/** Builds the local timestamp (and the zone offset when the input gave one). */
/**
 * Reads `input` with a to_char template: local wall-clock microseconds since 2000-01-01, the zone
 * offset (seconds east) if the input gave one. `strict` is the jsonpath .datetime() mode.
 */
export function toLocal(input: string, fmt: string, forDate: boolean, strict = false): { local: bigint; tz?: number; f: Fields } {
  const f = fromChar(input, fmt, strict);
  let year = f.year;
  if (f.cc !== undefined) {
    if (year === undefined) year = (f.cc - 1) * 100 + 1;
    else if ((f.yearDigits ?? 4) <= 2) year = (f.cc - 1) * 100 + (year % 100);
  }
  let month = f.month ?? 1;
  let day = f.day ?? 1;
  let y = year ?? 0; // no year: 1 BC (astronomical 0), as Postgres ends up with
  if (year !== undefined) {
    if (year < 0) y = year + 1;
    else if (f.bc) y = -(year - 1);
    else if (year === 0) y = 0;
  }
  let jd: number | undefined;
  // J = 0 counts as unset, as in Postgres.
  if (f.j) jd = f.j;
  else if (f.iyear !== undefined && f.iw !== undefined) {
    jd = isoweek2j(f.iyear, f.iw) + ((f.id ?? 1) - 1);
  } else if (f.iyear !== undefined && f.ddd !== undefined) {
    jd = isoweek2j(f.iyear, 1) + f.ddd - 1;
  } else if (f.iyear !== undefined && year === undefined) {
    y = f.iyear;
  }
  if (jd === undefined && f.ddd !== undefined && f.iyear === undefined && f.month === undefined && f.day === undefined) {
    const days = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 366 : 365;
    if (f.ddd < 1 || f.ddd > days) throw fieldOverflow(input);
    jd = date2j(y, 1, 1) + f.ddd - 1;
  }
  if (jd !== undefined) {
    const d = j2date(jd);
    y = d.year;
    month = d.month;
    day = d.day;
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(y, month)) throw fieldOverflow(input);
  if (!isValidJulianYm(y, month)) throw new PgError(SQLSTATE.datetime_field_overflow, forDate ? `date out of range: "${input}"` : 'timestamp out of range');
  let hour = f.hour ?? 0;
  if (f.clock12) {
    if (f.hour !== undefined && (hour < 1 || hour > 12)) {
      throw new PgError(SQLSTATE.invalid_datetime_format, `hour "${hour}" is invalid for the 12-hour clock`, {
        hint: 'Use the 24-hour clock, or give an hour between 1 and 12.',
      });
    }
    if (f.pm && hour < 12) hour += 12;
    else if (!f.pm && hour === 12) hour = 0;
  }
  let minute = f.minute ?? 0;
  let second = f.second ?? 0;
  if (f.ssss !== undefined) {
    if (f.ssss >= 86400) throw fieldOverflow(input);
    hour = Math.floor(f.ssss / 3600);
    minute = Math.floor(f.ssss / 60) % 60;
    second = f.ssss % 60;
  }
  const us = f.us ?? 0;
  if (hour > 24 || minute > 59 || second > 59 || us > 999999 || (hour === 24 && (minute > 0 || second > 0 || us > 0))) throw fieldOverflow(input);
  const days = BigInt(date2j(y, month, day) - POSTGRES_EPOCH_JDATE);
  const local = days * 86_400_000_000n + BigInt(((hour * 60 + minute) * 60 + second) * 1_000_000 + us);
  return { local, tz: f.tzSecs, f };
}

fn(
  'to_timestamp',
  [OID.text, OID.text],
  OID.timestamptz,
  (a, rt: ExprRuntime) => {
    const { local, tz, f } = toLocal(a[0] as string, a[1] as string, false);
    const off = tz ?? offsetForLocalTime(f.tzZone ?? sessionTimeZone(rt.session.io), local);
    const ts = local - BigInt(off) * 1_000_000n;
    if (!isValidTimestamp(ts)) throw new PgError(SQLSTATE.datetime_field_overflow, 'timestamp out of range');
    return f.ff !== undefined ? roundTimestampToTypmod(ts, f.ff) : ts;
  },
  { volatility: 's' },
);
fn(
  'to_date',
  [OID.text, OID.text],
  OID.date,
  (a) => {
    const { local } = toLocal(a[0] as string, a[1] as string, true);
    return Number(local / 86_400_000_000n) - (local < 0n && local % 86_400_000_000n !== 0n ? 1 : 0);
  },
  { volatility: 's' },
);
