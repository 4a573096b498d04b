/**
 * The time zone interface every zone kind implements (IANA zones, fixed offsets, POSIX TZ
 * strings), and the fixed-offset kind. Offsets are seconds *east* of UTC (ISO sign), unlike
 * Postgres's internal west-positive `gmtoff` convention.
 *
 * Postgres counterpart: pg_tz in src/include/pgtime.h and pg_tzset_offset in src/timezone/pgtz.c.
 */

/** A time zone: its UTC offset and abbreviation at any instant. */
export interface PgTimeZone {
  /** Canonical name, as SHOW TimeZone prints it (`America/New_York`, `<+02>-02`, `UTC`). */
  readonly name: string;
  /** Offset in seconds east of UTC in effect at `utc` (microseconds since 2000-01-01 UTC). */
  utcOffset(utc: bigint): number;
  /** Zone abbreviation in effect at `utc` (best effort for IANA zones: ICU's short name). */
  abbrev(utc: bigint): string;
  /** Set when the offset never changes. */
  readonly fixedOffset?: number;
  /**
   * The offset (seconds east) an alphabetic abbreviation this zone uses stands for, if it uses it
   * (`IST` for Asia/Kolkata, `UTC` for the POSIX zone `UTC+3`). Postgres 18 prefers these to the
   * timezone_abbreviations table when reading input.
   */
  abbrevOffset?(abbrev: string): number | undefined;
}

/** Formats an offset as a POSIX-style abbreviation (`+05`, `-0330`), as tzdata names unnamed zones. */
export function numericAbbrev(offsetSecs: number): string {
  const sign = offsetSecs < 0 ? '-' : '+';
  const a = Math.abs(offsetSecs);
  const h = Math.floor(a / 3600);
  const m = Math.floor(a / 60) % 60;
  const s = a % 60;
  let out = sign + String(h).padStart(2, '0');
  if (m !== 0 || s !== 0) out += String(m).padStart(2, '0');
  if (s !== 0) out += String(s).padStart(2, '0');
  return out;
}

/** A zone with a constant offset. */
export class FixedOffsetZone implements PgTimeZone {
  readonly fixedOffset: number;
  constructor(
    readonly name: string,
    offsetSecs: number,
    private readonly abbreviation: string = numericAbbrev(offsetSecs),
  ) {
    this.fixedOffset = offsetSecs;
  }
  utcOffset(): number {
    return this.fixedOffset;
  }
  abbrev(): string {
    return this.abbreviation;
  }
}

/** UTC as a zone. */
export const UTC_ZONE: PgTimeZone = new FixedOffsetZone('UTC', 0, 'UTC');
