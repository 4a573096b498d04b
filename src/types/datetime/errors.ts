/**
 * The errors date/time input and arithmetic raise, with Postgres's SQLSTATEs and message text.
 *
 * Postgres counterpart: DateTimeParseError() in src/backend/utils/adt/datetime.c and the
 * "out of range" ereports of date.c / timestamp.c.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';

/** Why decoding failed, as Postgres's DTERR_* codes. */
export type DateTimeErrorKind =
  | 'bad-format'
  | 'field-overflow'
  | 'md-field-overflow'
  | 'interval-overflow'
  | 'tz-disp-overflow'
  | 'bad-timezone';

/** Thrown inside decoding; turned into a PgError by {@link dateTimeParseError}. */
export class DateTimeDecodeError extends Error {
  constructor(
    readonly kind: DateTimeErrorKind,
    /** For bad-timezone: the zone text that was not recognized. */
    readonly zone?: string,
  ) {
    super(kind);
  }
}

/** Throws a decode failure of the given kind. */
export function dterr(kind: DateTimeErrorKind, zone?: string): never {
  throw new DateTimeDecodeError(kind, zone);
}

/** Postgres's user-facing error for a failed decode of `input` as `typeName`. */
export function dateTimeParseError(e: DateTimeDecodeError, input: string, typeName: string): PgError {
  switch (e.kind) {
    case 'field-overflow':
      return new PgError(SQLSTATE.datetime_field_overflow, `date/time field value out of range: "${input}"`);
    case 'md-field-overflow':
      return new PgError(SQLSTATE.datetime_field_overflow, `date/time field value out of range: "${input}"`, {
        hint: 'Perhaps you need a different "DateStyle" setting.',
      });
    case 'interval-overflow':
      return new PgError(SQLSTATE.interval_field_overflow, `interval field value out of range: "${input}"`);
    case 'tz-disp-overflow':
      return new PgError(SQLSTATE.invalid_time_zone_displacement_value, `time zone displacement out of range: "${input}"`);
    case 'bad-timezone':
      return new PgError(SQLSTATE.invalid_parameter_value, `time zone "${e.zone ?? ''}" not recognized`);
    case 'bad-format':
      return invalidSyntax(typeName, input);
  }
}

/** `invalid input syntax for type <type>: "<input>"` (22007). */
export function invalidSyntax(typeName: string, input: string): PgError {
  return new PgError(SQLSTATE.invalid_datetime_format, `invalid input syntax for type ${typeName}: "${input}"`);
}

/** `<what> out of range` (22008), e.g. `timestamp out of range`, `date out of range: "..."`. */
export function outOfRange(what: string, input?: string): PgError {
  return new PgError(
    SQLSTATE.datetime_field_overflow,
    input === undefined ? `${what} out of range` : `${what} out of range: "${input}"`,
  );
}

/** `interval out of range` (22008). */
export function intervalOutOfRange(): PgError {
  return new PgError(SQLSTATE.datetime_field_overflow, 'interval out of range');
}
