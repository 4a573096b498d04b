/**
 * PgError: the one error class of fauxgres. Its fields mirror node-postgres's `DatabaseError`
 * so that a test written against real Postgres can assert on the same properties.
 *
 * Postgres counterpart: `ereport()` / `ErrorData` in src/backend/utils/error/elog.c.
 */
import { SQLSTATE } from './sqlstate.js';

export type Severity = 'ERROR' | 'FATAL' | 'PANIC' | 'WARNING' | 'NOTICE' | 'DEBUG' | 'INFO' | 'LOG';

/** Optional fields of an error report, named as node-postgres names them. */
export interface PgErrorFields {
  severity?: Severity;
  detail?: string;
  hint?: string;
  /** 1-based character position in the statement text, as a decimal string (like node-postgres). */
  position?: string;
  internalPosition?: string;
  internalQuery?: string;
  where?: string;
  schema?: string;
  table?: string;
  column?: string;
  dataType?: string;
  constraint?: string;
  /** Reported softly by an input function (errsave) whatever its SQLSTATE: pg_input_is_valid returns it. */
  soft?: boolean;
}

/**
 * An error with a SQLSTATE, Postgres's message text and its optional fields.
 *
 * @example
 * throw new PgError(SQLSTATE.unique_violation, 'duplicate key value violates unique constraint "users_email_key"', {
 *   detail: 'Key (email)=(a@b.c) already exists.', schema: 'public', table: 'users', constraint: 'users_email_key',
 * });
 */
export class PgError extends Error {
  readonly code: string;
  severity: Severity;
  detail?: string;
  hint?: string;
  position?: string;
  internalPosition?: string;
  internalQuery?: string;
  where?: string;
  schema?: string;
  table?: string;
  column?: string;
  dataType?: string;
  constraint?: string;
  /** Reported softly by an input function (errsave) whatever its SQLSTATE: pg_input_is_valid returns it. */
  soft?: boolean;
  /** Character offset (0-based) in the statement, set by the analyzer before the text is known. */
  cursor?: number;

  constructor(code: string, message: string, fields: PgErrorFields = {}) {
    super(message);
    this.name = 'PgError';
    this.code = code;
    this.severity = fields.severity ?? 'ERROR';
    for (const [k, v] of Object.entries(fields)) {
      if (v !== undefined && k !== 'severity') (this as unknown as Record<string, unknown>)[k] = v;
    }
  }

  /** Sets the 0-based cursor position if none is set yet; returns this for chaining. */
  at(cursor: number | undefined): this {
    if (cursor !== undefined && cursor >= 0 && this.cursor === undefined && this.position === undefined) {
      this.cursor = cursor;
    }
    return this;
  }
}

/** `0A000 feature not supported: <what>`: the only way fauxgres declines SQL. */
export function featureNotSupported(what: string, cursor?: number): PgError {
  return new PgError(SQLSTATE.feature_not_supported, `feature not supported: ${what}`).at(cursor);
}

/** Whether `e` is a PgError. */
export function isPgError(e: unknown): e is PgError {
  return e instanceof PgError;
}
