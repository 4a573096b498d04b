/**
 * POSIX TZ strings used as time zones (`UTC+3`, `<+02>-02`, `EST5EDT,M3.2.0,M11.1.0`): a
 * standard offset (west-positive, as POSIX writes it), an optional daylight-saving name, offset
 * and start/end rules. Without rules, US rules apply (second Sunday of March to first Sunday of
 * November at 02:00), as in Postgres's default posixrules.
 *
 * Postgres counterpart: tzparse() in src/timezone/localtime.c.
 * An unquoted zone name is anything up to a digit, comma or sign, as tzcode reads it.
 */
import type { PgTimeZone } from './tz-zone.js';
import { date2j, daysInMonth, isLeapYear, j2date, j2day, POSTGRES_EPOCH_JDATE } from './calendar.js';

type Rule =
  | { kind: 'julian1'; day: number; time: number } // Jn: 1..365, Feb 29 never counted
  | { kind: 'julian0'; day: number; time: number } // n: 0..365
  | { kind: 'mwd'; month: number; week: number; dow: number; time: number };

/** A zone described by a POSIX TZ string. */
export class PosixZone implements PgTimeZone {
  constructor(
    readonly name: string,
    private readonly stdAbbrev: string,
    /** Standard offset, seconds east. */
    private readonly stdOffset: number,
    private readonly dst?: { abbrev: string; offset: number; start: Rule; end: Rule },
  ) {}

  /** Fixed when there is no daylight-saving part, or it has the standard offset. */
  get fixedOffset(): number | undefined {
    return !this.dst || this.dst.offset === this.stdOffset ? this.stdOffset : undefined;
  }

  utcOffset(utc: bigint): number {
    return this.isDst(utc) ? this.dst!.offset : this.stdOffset;
  }

  abbrev(utc: bigint): string {
    return this.isDst(utc) ? this.dst!.abbrev : this.stdAbbrev;
  }

  abbrevOffset(abbrev: string): number | undefined {
    const a = abbrev.toUpperCase();
    if (this.dst && a === this.dst.abbrev) return this.dst.offset;
    if (a === this.stdAbbrev && a !== '') return this.stdOffset;
    return undefined;
  }

  private isDst(utc: bigint): boolean {
    const dst = this.dst;
    if (!dst) return false;
    const secs = Number(utc / 1_000_000n) + this.stdOffset;
    const year = j2date(Math.floor(secs / 86_400) + POSTGRES_EPOCH_JDATE).year;
    const t = Number(utc / 1_000_000n);
    const start = ruleInstant(dst.start, year) - this.stdOffset;
    const end = ruleInstant(dst.end, year) - dst.offset;
    return start < end ? t >= start && t < end : !(t >= end && t < start);
  }
}

/** Seconds since 2000-01-01 of a rule's local moment in `year`. */
function ruleInstant(rule: Rule, year: number): number {
  const jan1 = date2j(year, 1, 1);
  let jd: number;
  if (rule.kind === 'julian1') jd = jan1 + rule.day - 1 + (isLeapYear(year) && rule.day >= 60 ? 1 : 0);
  else if (rule.kind === 'julian0') jd = jan1 + rule.day;
  else {
    const first = date2j(year, rule.month, 1);
    let day = 1 + ((rule.dow - j2day(first) + 7) % 7) + (rule.week - 1) * 7;
    while (day > daysInMonth(year, rule.month)) day -= 7;
    jd = first + day - 1;
  }
  return (jd - POSTGRES_EPOCH_JDATE) * 86_400 + rule.time;
}

class Cursor {
  pos = 0;
  constructor(readonly s: string) {}
  peek(): string {
    return this.s[this.pos] ?? '';
  }
  eat(ch: string): boolean {
    if (this.s[this.pos] === ch) {
      this.pos++;
      return true;
    }
    return false;
  }
  digits(): string {
    const start = this.pos;
    while (this.pos < this.s.length && this.s[this.pos]! >= '0' && this.s[this.pos]! <= '9') this.pos++;
    return this.s.slice(start, this.pos);
  }
}

function parseName(c: Cursor): string | null {
  if (c.eat('<')) {
    const start = c.pos;
    while (c.pos < c.s.length && c.peek() !== '>') c.pos++; // tzcode's getqzname: anything up to '>'
    const name = c.s.slice(start, c.pos);
    return c.eat('>') ? name : null;
  }
  // An unquoted name runs to the first digit, comma or sign (so `W.5` is the name `W.` and offset 5).
  const start = c.pos;
  while (c.pos < c.s.length && !/[0-9,+-]/.test(c.peek())) c.pos++;
  return c.s.slice(start, c.pos);
}

/** `[+-]hh[:mm[:ss]]` in seconds (sign as written), or null. */
function parseHms(c: Cursor, maxHours: number): number | null {
  let sign = 1;
  if (c.eat('-')) sign = -1;
  else c.eat('+');
  const h = c.digits();
  if (h === '' || Number(h) > maxHours) return null;
  let secs = Number(h) * 3600;
  if (c.eat(':')) {
    const m = c.digits();
    if (m === '' || Number(m) > 59) return null;
    secs += Number(m) * 60;
    if (c.eat(':')) {
      // Postgres's getsecs allows 60 (a leap second).
      const s = c.digits();
      if (s === '' || Number(s) > 60) return null;
      secs += Number(s);
    }
  }
  return sign * secs;
}

function parseRule(c: Cursor): Rule | null {
  let rule: Rule;
  if (c.eat('J')) {
    const d = c.digits();
    if (d === '' || Number(d) < 1 || Number(d) > 365) return null;
    rule = { kind: 'julian1', day: Number(d), time: 7200 };
  } else if (c.eat('M')) {
    const m = c.digits();
    if (!c.eat('.')) return null;
    const w = c.digits();
    if (!c.eat('.')) return null;
    const d = c.digits();
    const [mo, wk, dw] = [Number(m), Number(w), Number(d)];
    if (m === '' || w === '' || d === '' || mo < 1 || mo > 12 || wk < 1 || wk > 5 || dw > 6) return null;
    rule = { kind: 'mwd', month: mo, week: wk, dow: dw, time: 7200 };
  } else {
    const d = c.digits();
    if (d === '' || Number(d) > 365) return null;
    rule = { kind: 'julian0', day: Number(d), time: 7200 };
  }
  if (c.eat('/')) {
    const t = parseHms(c, 167);
    if (t === null) return null;
    rule.time = t;
  }
  return rule;
}

const US_START: Rule = { kind: 'mwd', month: 3, week: 2, dow: 0, time: 7200 };
const US_END: Rule = { kind: 'mwd', month: 11, week: 1, dow: 0, time: 7200 };

/**
 * Parses a POSIX TZ string; null when malformed. The zone's name is the string upper-cased,
 * as SHOW TimeZone reports it.
 *
 * @example parsePosixZone('UTC+3')?.utcOffset(0n) // -10800
 */
export function parsePosixZone(text: string): PosixZone | null {
  const c = new Cursor(text.toUpperCase());
  const std = parseName(c);
  if (std === null) return null;
  const stdPosix = parseHms(c, 167);
  if (stdPosix === null) return null;
  const stdOffset = -stdPosix;
  if (c.pos === c.s.length) return new PosixZone(c.s, std, stdOffset);
  const dstName = parseName(c);
  if (dstName === null || dstName === '') return null;
  let dstOffset = stdOffset + 3600;
  if (c.peek() !== ',' && c.pos < c.s.length) {
    const d = parseHms(c, 167);
    if (d === null) return null;
    dstOffset = -d;
  }
  let start = US_START;
  let end = US_END;
  if (c.eat(',')) {
    const s = parseRule(c);
    if (!s || !c.eat(',')) return null;
    const e = parseRule(c);
    if (!e) return null;
    start = s;
    end = e;
  }
  if (c.pos !== c.s.length) return null;
  return new PosixZone(c.s, std, stdOffset, { abbrev: dstName, offset: dstOffset, start, end });
}
