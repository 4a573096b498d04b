/**
 * Time zone resolution: the TimeZone setting, zone names inside date/time strings and AT TIME
 * ZONE arguments, the abbreviation table, and local-time -> UTC offset determination with
 * Postgres's rules for DST gaps and overlaps.
 *
 * Postgres counterpart: check_timezone (src/backend/commands/variable.c), pg_tzset
 * (src/timezone/pgtz.c), DetermineTimeZoneOffset and DecodeTimezoneAbbrev
 * (src/backend/utils/adt/datetime.c).
 * Gaps: dynamic abbreviations (MSK, ART, ...) take their zone's offset at that time rather than the
 * offset the abbreviation last meant; the session zone's own abbreviations (which Postgres 18 also
 * accepts, e.g. IST under Asia/Kolkata) are not consulted.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import type { IoContext } from '../type-io.js';
import { USECS_PER_DAY } from './calendar.js';
import { DEFAULT_TZ_ABBREVS } from './tz-abbrevs.js';
import { IanaZone } from './tz-iana.js';
import { TZ_NAMES } from './tz-names.js';
import { parsePosixZone } from './tz-posix.js';
import { FixedOffsetZone, UTC_ZONE, type PgTimeZone } from './tz-zone.js';

export type { PgTimeZone } from './tz-zone.js';
export { FixedOffsetZone, UTC_ZONE } from './tz-zone.js';

const NAMES_BY_LOWER = new Map(TZ_NAMES.map((n) => [n.toLowerCase(), n]));
const namedCache = new Map<string, PgTimeZone | null>();

/**
 * Postgres's pg_tzset: a zone name from the tz database (case-insensitive) or a POSIX TZ string;
 * null if neither.
 *
 * @example lookupNamedZone('america/new_york')?.name // 'America/New_York'
 */
export function lookupNamedZone(name: string): PgTimeZone | null {
  const key = name.toLowerCase();
  let zone = namedCache.get(key);
  if (zone !== undefined) return zone;
  const canonical = NAMES_BY_LOWER.get(key);
  if (canonical === 'Factory') zone = new FixedOffsetZone('Factory', 0, '-00');
  else if (canonical !== undefined) zone = new IanaZone(canonical);
  else zone = name.length > 0 ? parsePosixZone(name) : null;
  if (namedCache.size > 1000) namedCache.clear();
  namedCache.set(key, zone);
  return zone;
}

const NUMERIC_RE = /^\s*[+-]?(?:\d+\.?\d*(?:e[+-]?\d+)?|\.\d+(?:e[+-]?\d+)?|0x[0-9a-f]+)$/i;
const NONFINITE_RE = /^\s*[+-]?(?:inf|infinity|nan)$/i;

function hmsText(secs: number): string {
  const a = Math.abs(secs);
  const h = Math.floor(a / 3600);
  const m = Math.floor(a / 60) % 60;
  const s = a % 60;
  let out = String(h).padStart(2, '0');
  if (m || s) out += ':' + String(m).padStart(2, '0');
  if (s) out += ':' + String(s).padStart(2, '0');
  return out;
}

/** A zone at a fixed offset east of UTC, named as Postgres names it (`<+05:30>-05:30`). */
export function fixedOffsetZone(offsetSecs: number): PgTimeZone {
  const east = offsetSecs >= 0 ? '+' : '-';
  const west = offsetSecs >= 0 ? '-' : '+';
  const abbrev = east + hmsText(offsetSecs);
  return new FixedOffsetZone(`<${abbrev}>${west}${hmsText(offsetSecs)}`, offsetSecs, abbrev);
}

/**
 * Validates a value for the TimeZone setting as Postgres's check_timezone does: a number is hours
 * east of UTC (ISO sign); anything else goes to {@link lookupNamedZone}. Throws Postgres's 22023
 * `invalid value for parameter "TimeZone"` error. The returned zone's `name` is what SHOW prints.
 *
 * @example resolveTimeZoneSetting('2').name // '<+02>-02'
 */
export function resolveTimeZoneSetting(value: string): PgTimeZone {
  if (NONFINITE_RE.test(value)) {
    throw new PgError(SQLSTATE.invalid_parameter_value, `invalid value for parameter "TimeZone": "${value}"`, {
      detail: 'UTC timezone offset is out of range.',
    });
  }
  if (NUMERIC_RE.test(value)) {
    const t = value.trim();
    const hours = /0x/i.test(t) ? (t.startsWith('-') ? -1 : 1) * parseInt(t.replace(/^[+-]/, ''), 16) : Number(t);
    return fixedOffsetZone(Math.round(hours * 3600));
  }
  const zone = lookupNamedZone(value);
  if (!zone) {
    throw new PgError(SQLSTATE.invalid_parameter_value, `invalid value for parameter "TimeZone": "${value}"`);
  }
  return zone;
}

const settingCache = new Map<string, PgTimeZone>();

/** The session zone of an I/O context (UTC when the setting is empty). */
export function sessionTimeZone(ctx: Pick<IoContext, 'timeZone'>): PgTimeZone {
  const setting = ctx.timeZone;
  if (setting === 'UTC' || setting === '') return UTC_ZONE;
  let zone = settingCache.get(setting);
  if (!zone) {
    zone = resolveTimeZoneSetting(setting);
    if (settingCache.size > 200) settingCache.clear();
    settingCache.set(setting, zone);
  }
  return zone;
}

/**
 * The offset (seconds east) that applies to a local wall-clock time in `zone`, as Postgres's
 * DetermineTimeZoneOffset decides it: in a spring-forward gap the offset before the transition
 * applies (02:30 in New York becomes 03:30 EDT); in a fall-back overlap the later one (01:30 is EST).
 */
export function offsetForLocalTime(zone: PgTimeZone, local: bigint): number {
  if (zone.fixedOffset !== undefined) return zone.fixedOffset;
  const early = zone.utcOffset(local - USECS_PER_DAY);
  let late = zone.utcOffset(local + USECS_PER_DAY);
  if (early === late) {
    const mid = zone.utcOffset(local - BigInt(early) * 1_000_000n);
    if (mid === early) return early;
    late = mid;
  }
  const beforeTime = local - BigInt(early) * 1_000_000n;
  const afterTime = local - BigInt(late) * 1_000_000n;
  const beforeIsEarly = zone.utcOffset(beforeTime) === early;
  const afterIsEarly = zone.utcOffset(afterTime) === early;
  if (beforeIsEarly && afterIsEarly) return early;
  if (!beforeIsEarly && !afterIsEarly) return late;
  return beforeTime > afterTime ? early : late;
}

/** One entry of the abbreviation table: a fixed offset or a zone whose history defines it. */
export type TzAbbrev =
  | { kind: 'fixed'; offset: number; isDst: boolean }
  | { kind: 'dynamic'; zone: PgTimeZone };

let abbrevTable: Map<string, string[]> | undefined;

/** Looks up a time zone abbreviation (case-insensitive) in Postgres's Default set. */
export function lookupTzAbbrev(abbrev: string): TzAbbrev | undefined {
  abbrevTable ??= new Map(DEFAULT_TZ_ABBREVS.map((e) => {
    const parts = e.split(' ');
    return [parts[0]!.toLowerCase(), parts];
  }));
  const parts = abbrevTable.get(abbrev.toLowerCase());
  if (!parts) return undefined;
  const v = parts[1]!;
  if (/^-?\d+$/.test(v)) return { kind: 'fixed', offset: Number(v), isDst: parts[2] === 'D' };
  const zone = lookupNamedZone(v);
  return zone ? { kind: 'dynamic', zone } : undefined;
}

/** The offset an abbreviation means for a local time (dynamic ones ask their zone). */
export function abbrevOffsetForLocal(abbrev: TzAbbrev, local: bigint): number {
  return abbrev.kind === 'fixed' ? abbrev.offset : offsetForLocalTime(abbrev.zone, local);
}
