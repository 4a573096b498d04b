/**
 * Decodes tokenized date/time text into broken-down fields: DecodeDateTime for date, timestamp
 * and timestamptz, DecodeTimeOnly for time and timetz. Fields may come in many orders
 * (`jan 5 2024`, `5 jan 2024 12:00 pm`, `2024-01-31T12:00:00Z`); each kind may appear once.
 *
 * Postgres counterpart: DecodeDateTime, DecodeTimeOnly, ValidateDate in
 * src/backend/utils/adt/datetime.c.
 * Gaps: the `DST` zone modifier and Postgres's undocumented unit labels are not supported.
 */
import {
  date2j, daysInMonth, j2date, POSTGRES_EPOCH_JDATE, timestampToFields, USECS_PER_DAY,
} from './calendar.js';
import { dterr } from './errors.js';
import {
  DATE_M, decodeDate, decodeNumber, decodeNumberField, decodeTime, decodeTimezone, F, leadingInt,
  newDecodeState, TIME_M, timeOverflows, type DateOrder, type DecodeState,
} from './decode-fields.js';
import { lookupDateKeyword } from './keywords.js';
import type { DateTimeField } from './parse.js';
import {
  abbrevOffsetForLocal, lookupNamedZone, lookupTzAbbrev, offsetForLocalTime, type PgTimeZone, type TzAbbrev,
} from './timezone.js';

/** Session facts decoding needs. */
export interface DecodeOptions {
  dateOrder: DateOrder;
  sessionZone: PgTimeZone;
  /** The transaction timestamp (UTC microseconds since 2000) that `now`/`today` refer to. */
  now: bigint;
}

/** The zone a decoded value carried. */
export type DecodedZone =
  | { kind: 'offset'; offset: number }
  | { kind: 'named'; zone: PgTimeZone }
  | { kind: 'abbrev'; abbrev: TzAbbrev };

/** Result of decoding: a date/time, or one of the special values. */
export interface DecodedDateTime {
  kind: 'date' | 'epoch' | 'late' | 'early';
  st: DecodeState;
  zone: DecodedZone | undefined;
}

/** Local time (microseconds since 2000) of decoded fields; hour 24 and second 60 roll over. */
export function decodedLocalMicros(st: DecodeState): bigint {
  const days = date2j(st.year, st.month, st.day) - POSTGRES_EPOCH_JDATE;
  const time = ((st.hour * 60 + st.minute) * 60 + st.second) * 1_000_000 + st.fsec;
  return BigInt(days) * USECS_PER_DAY + BigInt(time);
}

/** The zone offset (seconds east) of decoded fields, defaulting to the session zone. */
export function decodedOffset(d: { st: DecodeState; zone: DecodedZone | undefined }, session: PgTimeZone): number {
  const z = d.zone;
  if (z?.kind === 'offset') return z.offset;
  const local = decodedLocalMicros(d.st);
  if (!z) return offsetForLocalTime(session, local);
  if (z.kind === 'named') return offsetForLocalTime(z.zone, local);
  return abbrevOffsetForLocal(z.abbrev, local);
}

/** Fills the state's date from `now` in the session zone, shifted by `deltaDays`. */
let relativeInputs = 0;

/**
 * How many inputs have read the current time (`now`, `today`, ...) so far: a plan cache compares
 * it around analysis and does not keep a plan whose constants depend on when it was made.
 */
export function relativeTimeInputCount(): number {
  return relativeInputs;
}

function setCurrentDate(st: DecodeState, opts: DecodeOptions, deltaDays: number): void {
  relativeInputs++;
  const local = opts.now + BigInt(opts.sessionZone.utcOffset(opts.now)) * 1_000_000n;
  const f = timestampToFields(local);
  const d = j2date(date2j(f.year, f.month, f.day) + deltaDays);
  st.year = d.year;
  st.month = d.month;
  st.day = d.day;
}

/** Fills date and time from `now` in the session zone; returns the session offset. */
function setCurrentDateTime(st: DecodeState, opts: DecodeOptions): number {
  relativeInputs++;
  const off = opts.sessionZone.utcOffset(opts.now);
  const f = timestampToFields(opts.now + BigInt(off) * 1_000_000n);
  Object.assign(st, { year: f.year, month: f.month, day: f.day, hour: f.hour, minute: f.minute, second: f.second, fsec: f.fsec });
  return off;
}

/** Postgres's ValidateDate: year adjustments (BC, two-digit years), day of year, month/day ranges. */
function validateDate(st: DecodeState, fmask: number, isJulian: boolean, bc: boolean): void {
  if (fmask & F.YEAR) {
    if (isJulian) {
      // already astronomical
    } else if (bc) {
      if (st.year <= 0) dterr('field-overflow');
      st.year = -(st.year - 1);
    } else if (st.is2digits) {
      if (st.year < 70) st.year += 2000;
      else if (st.year < 100) st.year += 1900;
    } else if (st.year <= 0) {
      dterr('field-overflow');
    }
  }
  if (fmask & F.DOY) {
    const d = j2date(date2j(st.year, 1, 1) + st.yday - 1);
    st.year = d.year;
    st.month = d.month;
    st.day = d.day;
  }
  if (fmask & F.MONTH && (st.month < 1 || st.month > 12)) dterr('md-field-overflow');
  if (fmask & F.DAY && (st.day < 1 || st.day > 31)) dterr('md-field-overflow');
  if ((fmask & DATE_M) === DATE_M && st.day > daysInMonth(st.year, st.month)) dterr('field-overflow');
}

/** A Julian day number (and optional fraction of a day) following a `J` label. */
function decodeJulian(text: string, st: DecodeState): number {
  const { value, rest } = leadingInt(text, true);
  if (rest !== '' && !rest.startsWith('.')) dterr('bad-format');
  const d = j2date(value);
  st.year = d.year;
  st.month = d.month;
  st.day = d.day;
  let mask = DATE_M;
  if (rest.startsWith('.')) {
    let frac = Number('0' + rest);
    if (Number.isNaN(frac)) dterr('bad-format');
    frac *= 86_400_000_000;
    const t = Math.round(frac);
    st.hour = Math.floor(t / 3_600_000_000);
    st.minute = Math.floor(t / 60_000_000) % 60;
    st.second = Math.floor(t / 1_000_000) % 60;
    st.fsec = t % 1_000_000;
    mask |= TIME_M;
  }
  return mask;
}

/** What labels the next field: `t` (ISO time), `j` (Julian day) or a bare unit letter (`s`, `h`, ...). */
type Label = 'isotime' | 'julian' | { units: string };

/** A number labelled by a preceding `t`, `j` or unit letter (the last always fails, as in Postgres). */
function decodeLabelled(label: Label, text: string, fmask: number, st: DecodeState): number {
  const { rest } = leadingInt(text, true);
  if (rest.startsWith('.')) {
    if (typeof label === 'object' && label.units !== 's') dterr('bad-format');
  } else if (rest !== '') {
    dterr('bad-format');
  }
  if (typeof label === 'object') return dterr('bad-format');
  if (label === 'julian') return decodeJulian(text, st);
  const tmask = decodeNumberField(text, fmask, st);
  if (tmask !== TIME_M) dterr('bad-format');
  return tmask;
}

/** `hhmmss-zz` run together in one date-shaped field: the time part and a numeric zone. */
function decodeTimeWithZone(text: string, fmask: number, st: DecodeState): { tmask: number; offset: number } {
  const dash = text.indexOf('-');
  if (dash < 0) dterr('bad-format');
  const offset = decodeTimezone(text.slice(dash));
  const tmask = decodeNumberField(text.slice(0, dash), fmask, st);
  return { tmask: tmask | F.TZ, offset };
}

/**
 * Decodes fields of a date, timestamp or timestamptz (Postgres's DecodeDateTime). Throws
 * DateTimeDecodeError; `decodeDateTimeFields` callers turn that into the user-facing error.
 */
export function decodeDateTime(fields: DateTimeField[], opts: DecodeOptions): DecodedDateTime {
  const st = newDecodeState(opts.dateOrder);
  let kind: DecodedDateTime['kind'] = 'date';
  let zone: DecodedZone | undefined;
  let ptype: Label | undefined;
  let isJulian = false;
  let bc = false;
  let mer: 'am' | 'pm' | undefined;
  const nf = fields.length;

  for (let i = 0; i < nf; i++) {
    const { type, text } = fields[i]!;
    let tmask = 0;
    switch (type) {
      case 'date':
        if (ptype === 'julian') {
          // J2451545-08: a Julian day with a numeric zone.
          const { value, rest } = leadingInt(text);
          Object.assign(st, j2date(value));
          zone = { kind: 'offset', offset: decodeTimezone(rest) };
          tmask = DATE_M | TIME_M | F.TZ;
          isJulian = true;
          ptype = undefined;
        } else if (ptype !== undefined || (st.fmask & (F.MONTH | F.DAY)) === (F.MONTH | F.DAY)) {
          if (/^[0-9]/.test(text) || ptype !== undefined) {
            if (ptype !== undefined && ptype !== 'isotime') dterr('bad-format');
            ptype = undefined;
            if ((st.fmask & TIME_M) === TIME_M) dterr('bad-format');
            const r = decodeTimeWithZone(text, st.fmask, st);
            tmask = r.tmask;
            zone = { kind: 'offset', offset: r.offset };
          } else {
            const z = lookupNamedZone(text);
            if (!z) dterr('bad-timezone', text);
            zone = { kind: 'named', zone: z };
            tmask = F.TZ;
          }
        } else {
          tmask = decodeDate(text, st.fmask, st);
          isJulian = false;
        }
        break;
      case 'time':
        if (ptype !== undefined) {
          if (ptype !== 'isotime') dterr('bad-format');
          ptype = undefined;
        }
        tmask = decodeTime(text, st);
        if (timeOverflows(st.hour, st.minute, st.second, st.fsec)) dterr('field-overflow');
        break;
      case 'tz': {
        const off = decodeTimezone(text);
        zone = { kind: 'offset', offset: off };
        tmask = F.TZ;
        break;
      }
      case 'number':
        if (ptype !== undefined) {
          tmask = decodeLabelled(ptype, text, st.fmask, st);
          if (ptype === 'julian') isJulian = true;
          ptype = undefined;
        } else {
          const dot = text.indexOf('.');
          const flen = text.length;
          if (dot >= 0 && !(st.fmask & DATE_M)) {
            tmask = decodeDate(text, st.fmask, st);
          } else if (dot >= 0 && dot > 2) {
            tmask = decodeNumberField(text, st.fmask, st);
          } else if (flen >= 6 && (!(st.fmask & DATE_M) || !(st.fmask & TIME_M))) {
            tmask = decodeNumberField(text, st.fmask, st);
          } else {
            tmask = decodeNumber(text, st.haveTextMonth, st.fmask, st);
          }
        }
        break;
      case 'string':
      case 'special': {
        const own = opts.sessionZone.abbrevOffset?.(text);
        if (own !== undefined) {
          tmask = F.TZ;
          zone = { kind: 'offset', offset: own };
          break;
        }
        const abbrev = lookupTzAbbrev(text);
        if (abbrev) {
          tmask = F.TZ | (abbrev.kind === 'fixed' && abbrev.isDst ? F.DTZ : 0);
          zone = abbrev.kind === 'fixed' ? { kind: 'offset', offset: abbrev.offset } : { kind: 'abbrev', abbrev };
          break;
        }
        const kw = lookupDateKeyword(text);
        if (!kw) {
          const z = lookupNamedZone(text);
          if (!z) dterr('bad-format');
          zone = { kind: 'named', zone: z };
          tmask = F.TZ;
          break;
        }
        switch (kw.kind) {
          case 'reserved':
            tmask = DATE_M | TIME_M | F.TZ;
            switch (kw.value) {
              case 'now':
                zone = { kind: 'offset', offset: setCurrentDateTime(st, opts) };
                break;
              case 'yesterday':
              case 'today':
              case 'tomorrow':
                tmask = DATE_M;
                setCurrentDate(st, opts, kw.value === 'yesterday' ? -1 : kw.value === 'today' ? 0 : 1);
                break;
              case 'zulu':
                // allballs: midnight UTC (a fraction already read survives, as in Postgres)
                tmask = TIME_M | F.TZ;
                st.hour = st.minute = st.second = 0;
                zone = { kind: 'offset', offset: 0 };
                break;
              default:
                kind = kw.value;
            }
            break;
          case 'month':
            tmask = F.MONTH;
            if (st.fmask & F.MONTH && !st.haveTextMonth && !(st.fmask & F.DAY) && st.month >= 1 && st.month <= 31) {
              st.day = st.month;
              tmask = F.DAY;
            }
            st.haveTextMonth = true;
            st.month = kw.value;
            break;
          case 'ampm':
            tmask = F.AMPM;
            mer = kw.value;
            break;
          case 'adbc':
            tmask = F.ADBC;
            bc = kw.value === 'bc';
            break;
          case 'dow':
            tmask = F.DOW;
            break;
          case 'ignore':
            tmask = 0;
            break;
          case 'julian':
          case 'units':
            // a label may not follow another one
            if (ptype !== undefined) dterr('bad-format');
            tmask = 0;
            ptype = kw.kind === 'julian' ? 'julian' : { units: kw.value };
            break;
          case 'isotime': {
            tmask = 0;
            if ((st.fmask & DATE_M) !== DATE_M) dterr('bad-format');
            const next = fields[i + 1];
            if (!next || (next.type !== 'number' && next.type !== 'time' && next.type !== 'date')) dterr('bad-format');
            ptype = 'isotime';
            break;
          }
        }
        break;
      }
    }
    if (tmask & st.fmask) dterr('bad-format');
    st.fmask |= tmask;
  }
  if (ptype !== undefined) dterr('bad-format');

  if (kind !== 'date') return { kind, st, zone };
  validateDate(st, st.fmask, isJulian, bc);
  applyMeridian(st, mer);
  if ((st.fmask & DATE_M) !== DATE_M) dterr('bad-format');
  return { kind, st, zone };
}

function applyMeridian(st: DecodeState, mer: 'am' | 'pm' | undefined): void {
  if (mer === undefined) return;
  if (st.hour > 12) dterr('field-overflow');
  if (mer === 'am' && st.hour === 12) st.hour = 0;
  else if (mer === 'pm' && st.hour !== 12) st.hour += 12;
}

/** Result of decoding a time of day (time, timetz). */
export interface DecodedTime {
  st: DecodeState;
  zone: DecodedZone | undefined;
}

/**
 * Decodes fields of a time or timetz (Postgres's DecodeTimeOnly): a date may lead, and is used only
 * to resolve a named zone's offset.
 */
export function decodeTimeOnly(fields: DateTimeField[], opts: DecodeOptions): DecodedTime {
  const st = newDecodeState(opts.dateOrder);
  let zone: DecodedZone | undefined;
  let ptype: Label | undefined;
  let isJulian = false;
  let bc = false;
  let mer: 'am' | 'pm' | undefined;
  const nf = fields.length;

  for (let i = 0; i < nf; i++) {
    const { type, text } = fields[i]!;
    let tmask = 0;
    switch (type) {
      case 'date':
        if (i === 0 && nf >= 2 && (fields[nf - 1]!.type === 'date' || fields[1]!.type === 'time')) {
          tmask = decodeDate(text, st.fmask, st);
        } else if (/^[0-9]/.test(text)) {
          if ((st.fmask & TIME_M) === TIME_M) dterr('bad-format');
          const r = decodeTimeWithZone(text, st.fmask | DATE_M, st);
          tmask = r.tmask;
          zone = { kind: 'offset', offset: r.offset };
        } else {
          const z = lookupNamedZone(text);
          if (!z) dterr('bad-timezone', text);
          zone = { kind: 'named', zone: z };
          tmask = F.TZ;
        }
        break;
      case 'time':
        if (ptype !== undefined) {
          if (ptype !== 'isotime') dterr('bad-format');
          ptype = undefined;
        }
        tmask = decodeTime(text, st);
        break;
      case 'tz':
        zone = { kind: 'offset', offset: decodeTimezone(text) };
        tmask = F.TZ;
        break;
      case 'number':
        if (ptype !== undefined) {
          tmask = decodeLabelled(ptype, text, st.fmask | DATE_M, st);
          if (ptype === 'julian') isJulian = true;
          ptype = undefined;
        } else {
          const dot = text.indexOf('.');
          const flen = text.length;
          if (dot >= 0) {
            if (i === 0 && nf >= 2 && fields[nf - 1]!.type === 'date') tmask = decodeDate(text, st.fmask, st);
            else if (dot > 2) tmask = decodeNumberField(text, st.fmask | DATE_M, st);
            else dterr('bad-format');
          } else if (flen > 4) {
            tmask = decodeNumberField(text, st.fmask | DATE_M, st);
          } else {
            tmask = decodeNumber(text, false, st.fmask | DATE_M, st);
          }
        }
        break;
      case 'string':
      case 'special': {
        const own = opts.sessionZone.abbrevOffset?.(text);
        if (own !== undefined) {
          tmask = F.TZ;
          zone = { kind: 'offset', offset: own };
          break;
        }
        const abbrev = lookupTzAbbrev(text);
        if (abbrev) {
          tmask = F.TZ | (abbrev.kind === 'fixed' && abbrev.isDst ? F.DTZ : 0);
          zone = abbrev.kind === 'fixed' ? { kind: 'offset', offset: abbrev.offset } : { kind: 'abbrev', abbrev };
          break;
        }
        const kw = lookupDateKeyword(text);
        if (!kw) {
          const z = lookupNamedZone(text);
          if (!z) dterr('bad-format');
          zone = { kind: 'named', zone: z };
          tmask = F.TZ;
          break;
        }
        switch (kw.kind) {
          case 'reserved':
            if (kw.value === 'now') {
              // the whole current date and time, date included (it then resolves zone offsets)
              tmask = TIME_M;
              setCurrentDateTime(st, opts);
            } else if (kw.value === 'zulu') {
              tmask = TIME_M | F.TZ;
              st.hour = st.minute = st.second = st.fsec = 0;
              zone = { kind: 'offset', offset: 0 };
            } else {
              dterr('bad-format');
            }
            break;
          case 'ampm':
            tmask = F.AMPM;
            mer = kw.value;
            break;
          case 'adbc':
            tmask = F.ADBC;
            bc = kw.value === 'bc';
            break;
          case 'ignore':
            break;
          case 'julian':
          case 'units':
            if (ptype !== undefined) dterr('bad-format');
            ptype = kw.kind === 'julian' ? 'julian' : { units: kw.value };
            break;
          case 'isotime':
            ptype = 'isotime';
            break;
          default:
            dterr('bad-format');
        }
        break;
      }
    }
    if (tmask & st.fmask) dterr('bad-format');
    st.fmask |= tmask;
  }
  if (ptype !== undefined) dterr('bad-format');

  validateDate(st, st.fmask, isJulian, bc);
  applyMeridian(st, mer);
  if (timeOverflows(st.hour, st.minute, st.second, st.fsec)) dterr('field-overflow');
  if ((st.fmask & TIME_M) === 0) dterr('bad-format');
  const dateMask = st.fmask & DATE_M;
  if (zone?.kind === 'named') {
    // A zone with DST needs a full date to pick its offset; a fixed one needs none.
    if (zone.zone.fixedOffset === undefined && dateMask !== DATE_M) dterr('bad-format');
  } else if (zone === undefined || zone.kind === 'abbrev') {
    // The session zone uses the given date, or today when there is none; a partial date is an error.
    if (dateMask !== 0 && dateMask !== DATE_M) dterr('bad-format');
  }
  return { st, zone };
}

/** Offset of a decoded time: uses its date if it had one, else today's date in the session zone. */
export function decodedTimeOffset(d: DecodedTime, opts: DecodeOptions): number {
  const z = d.zone;
  if (z?.kind === 'offset') return z.offset;
  const st = { ...d.st };
  if ((st.fmask & DATE_M) === 0) setCurrentDate(st, opts, 0);
  return decodedOffset({ st, zone: z }, opts.sessionZone);
}

