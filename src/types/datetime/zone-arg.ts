/**
 * Time zone arguments of AT TIME ZONE, timezone(), date_trunc(..., zone) and
 * make_timestamptz(..., zone): an abbreviation (fixed or dynamic) or a zone name / POSIX string.
 * Note the POSIX sign convention applies to bare offsets here: `AT TIME ZONE '+05'` is UTC-5.
 * make_timestamptz instead reads numeric offsets with the ISO sign (parseSaneTimeZone).
 *
 * Postgres counterpart: DecodeTimezoneName (datetime.c), parse_sane_timezone (timestamp.c).
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { decodeTimezone } from './decode-fields.js';
import { DateTimeDecodeError } from './errors.js';
import { FixedOffsetZone, lookupNamedZone, lookupTzAbbrev, offsetForLocalTime, type PgTimeZone } from './timezone.js';

/** A resolved zone argument. */
export type ZoneArg = { kind: 'fixed'; offset: number } | { kind: 'zone'; zone: PgTimeZone };

/**
 * Postgres's DecodeTimezoneName; throws 22023 `time zone "x" not recognized`. The session zone's
 * own abbreviations come first (Postgres 18).
 */
export function resolveZoneArgument(name: string, session?: PgTimeZone): ZoneArg {
  const own = session?.abbrevOffset?.(name);
  if (own !== undefined) return { kind: 'fixed', offset: own };
  const abbrev = lookupTzAbbrev(name.toLowerCase());
  if (abbrev) return abbrev.kind === 'fixed' ? { kind: 'fixed', offset: abbrev.offset } : { kind: 'zone', zone: abbrev.zone };
  const zone = lookupNamedZone(name);
  if (!zone) throw new PgError(SQLSTATE.invalid_parameter_value, `time zone "${name}" not recognized`);
  return { kind: 'zone', zone };
}

/** Offset (seconds east) of a zone argument at a UTC instant. */
export function zoneArgOffsetAtUtc(z: ZoneArg, utc: bigint): number {
  return z.kind === 'fixed' ? z.offset : z.zone.utcOffset(utc);
}

/** Offset (seconds east) of a zone argument for a local wall-clock time. */
export function zoneArgOffsetForLocal(z: ZoneArg, local: bigint): number {
  return z.kind === 'fixed' ? z.offset : offsetForLocalTime(z.zone, local);
}

/**
 * Postgres's parse_sane_timezone (make_timestamptz's zone argument): `+hh[:mm]` with the ISO
 * sign, else an abbreviation or zone name. Returns the offset for the given local time.
 */
export function saneZoneOffsetForLocal(name: string, local: bigint, session?: PgTimeZone): number {
  if (/^[0-9]/.test(name)) {
    throw new PgError(SQLSTATE.invalid_parameter_value, `invalid input syntax for type numeric time zone: "${name}"`, {
      hint: 'Numeric time zones must have "-" or "+" as first character.',
    });
  }
  try {
    return decodeTimezone(name);
  } catch (e) {
    if (!(e instanceof DateTimeDecodeError)) throw e;
    if (e.kind === 'tz-disp-overflow') {
      throw new PgError(SQLSTATE.invalid_parameter_value, `numeric time zone "${name}" out of range`);
    }
    if (e.kind !== 'bad-format') throw new PgError(SQLSTATE.invalid_parameter_value, `time zone "${name}" not recognized`);
  }
  return zoneArgOffsetForLocal(resolveZoneArgument(name, session), local);
}

/** A zone argument as a PgTimeZone (fixed abbreviations become fixed-offset zones). */
export function zoneFromArgument(name: string, session?: PgTimeZone): PgTimeZone {
  const z = resolveZoneArgument(name, session);
  return z.kind === 'zone' ? z.zone : new FixedOffsetZone(name, z.offset, name.toUpperCase());
}
