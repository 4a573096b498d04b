/**
 * IANA time zones (America/New_York, Europe/Paris, ...), with offsets taken from the platform's
 * ICU data through Intl.DateTimeFormat's `longOffset` names, which include seconds for the
 * historical local-mean-time offsets (`GMT-04:56:02`). Results are cached per day when the
 * offset is the same at both ends of the day.
 *
 * Postgres counterpart: pg_localtime / pg_interpret_timezone_abbrev in src/timezone/localtime.c.
 * Gaps: abbreviations are the zone's present-day ones (historical ones such as LMT print as
 * numeric offsets); ICU and Postgres tzdata versions may differ slightly.
 */
import type { PgTimeZone } from './tz-zone.js';
import { numericAbbrev } from './tz-zone.js';
import { ZONE_ABBREVS } from './tz-zone-abbrevs.js';

let abbrevsByZone: Map<string, Map<string, number>> | undefined;

/** The alphabetic abbreviations (upper case) a zone uses today, with their offsets. */
function zoneAbbrevs(name: string): Map<string, number> | undefined {
  if (!abbrevsByZone) {
    abbrevsByZone = new Map();
    for (const line of ZONE_ABBREVS) {
      const [zone, ...pairs] = line.split(' ');
      abbrevsByZone.set(zone!, new Map(pairs.map((p) => {
        const [a, o] = p.split('=');
        return [a!.toUpperCase(), Number(o)];
      })));
    }
  }
  return abbrevsByZone.get(name);
}

/** Milliseconds between 1970-01-01 and 2000-01-01. */
const EPOCH_DIFF_MS = 946_684_800_000;
/** 400 Gregorian years in ms: the calendar (and every weekday-based DST rule) repeats. */
const CYCLE_MS = 146_097 * 86_400_000;
/** Keep lookups well inside JS Date's range (±8.64e15 ms). */
const MAX_MS = 8.0e15;
const DAY_MS = 86_400_000;

const OFFSET_RE = /GMT(?:([+-])(\d{1,2})(?::(\d\d))?(?::(\d\d))?)?$/;

/** An IANA zone whose offsets come from Intl. */
export class IanaZone implements PgTimeZone {
  private readonly fmt: Intl.DateTimeFormat;
  private readonly dayCache = new Map<number, number>();

  private lmtOffset: number | undefined;

  /** Set when the zone has a single offset in all of history (Etc/GMT+3, UTC). */
  readonly fixedOffset: number | undefined;

  /** `name` must be a zone Intl accepts; it is also the canonical name shown by SHOW. */
  constructor(readonly name: string) {
    this.fmt = new Intl.DateTimeFormat('en-US', { timeZone: name, timeZoneName: 'longOffset' });
    // Postgres treats a zone with one local-time type as fixed (it needs no date to resolve);
    // sample history from year 1 to 2100 to recognise those.
    const samples = [-62_135_596_800_000, -2_208_988_800_000, -631_152_000_000, 0, 946_684_800_000,
      962_409_600_000, 1_704_067_200_000, 1_719_792_000_000, 4_102_444_800_000];
    const first = this.offsetAtMs(samples[0]!);
    this.fixedOffset = samples.every((ms) => this.offsetAtMs(ms) === first) ? first : undefined;
  }

  utcOffset(utc: bigint): number {
    let ms = Number(utc / 1000n) + EPOCH_DIFF_MS;
    if (utc < 0n && utc % 1000n !== 0n) ms -= 1;
    while (ms > MAX_MS) ms -= CYCLE_MS;
    while (ms < -MAX_MS) ms += CYCLE_MS;
    const day = Math.floor(ms / DAY_MS);
    const cached = this.dayCache.get(day);
    if (cached !== undefined) return cached;
    const off = this.offsetAtMs(ms);
    const start = this.offsetAtMs(day * DAY_MS);
    const end = this.offsetAtMs(day * DAY_MS + DAY_MS - 1);
    if (start === end && off === start) {
      if (this.dayCache.size > 20_000) this.dayCache.clear();
      this.dayCache.set(day, off);
    }
    return off;
  }

  abbrev(utc: bigint): string {
    const off = this.utcOffset(utc);
    const known = zoneAbbrevs(this.name);
    if (known) for (const [a, o] of known) if (o === off) return a;
    // Every tz database zone begins in local mean time; its offset is the earliest one.
    this.lmtOffset ??= this.offsetAtMs(-62_135_596_800_000);
    if (off === this.lmtOffset && this.fixedOffset === undefined) return 'LMT';
    return numericAbbrev(off);
  }

  abbrevOffset(abbrev: string): number | undefined {
    return zoneAbbrevs(this.name)?.get(abbrev.toUpperCase());
  }

  private offsetAtMs(ms: number): number {
    const m = OFFSET_RE.exec(this.fmt.format(ms));
    if (!m || m[1] === undefined) return 0;
    const secs = Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
    return m[1] === '-' ? -secs : secs;
  }
}
