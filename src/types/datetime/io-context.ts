/**
 * How the date/time types read the session: the DateTimeIoContext extension of IoContext (adds
 * the transaction timestamp that `now`, `today`, `tomorrow` and `yesterday` refer to) and the
 * shared tokenize + decode + error-mapping step of every date/time input function.
 *
 * Postgres counterpart: the common prologue of date_in, time_in, timestamp_in, ... in
 * src/backend/utils/adt/date.c and timestamp.c (GetCurrentTransactionStartTimestamp for `now`).
 */
import type { IoContext } from '../type-io.js';
import { parseDateStyle, type DateStyle } from './datestyle.js';
import { decodeDateTime, decodeTimeOnly, type DecodedDateTime, type DecodedTime, type DecodeOptions } from './decode.js';
import { DateTimeDecodeError, dateTimeParseError, invalidSyntax } from './errors.js';
import { tokenizeDateTime } from './parse.js';
import { sessionTimeZone, type PgTimeZone } from './timezone.js';

/**
 * IoContext plus the transaction start time. The session should pass its transaction timestamp
 * (UTC microseconds since 2000-01-01, the value `now()` returns) so that `'now'::timestamptz`
 * equals `now()`; without it the wall clock (millisecond precision) is used.
 */
export interface DateTimeIoContext extends IoContext {
  transactionTimestamp?: bigint;
  /** The session's transaction timestamp, read when an input needs it (survives `{ ...io }` copies). */
  currentTimestamp?: () => bigint;
}

/** Microseconds between 1970-01-01 and 2000-01-01. */
export const UNIX_TO_PG_EPOCH_USECS = 946_684_800_000_000n;

/** The current time as a timestamptz value (UTC microseconds since 2000), from the wall clock. */
export function wallClockTimestamp(): bigint {
  return BigInt(Date.now()) * 1000n - UNIX_TO_PG_EPOCH_USECS;
}

/** The transaction timestamp of a context, falling back to the wall clock. */
export function contextNow(ctx: IoContext): bigint {
  const c = ctx as DateTimeIoContext;
  return c.transactionTimestamp ?? c.currentTimestamp?.() ?? wallClockTimestamp();
}

/** DateStyle and session zone of a context. */
export function contextStyle(ctx: IoContext): { ds: DateStyle; zone: PgTimeZone } {
  return { ds: parseDateStyle(ctx.dateStyle), zone: sessionTimeZone(ctx) };
}

function decodeOptions(ctx: IoContext): DecodeOptions {
  const ds = parseDateStyle(ctx.dateStyle);
  return { dateOrder: ds.order, sessionZone: sessionTimeZone(ctx), now: contextNow(ctx) };
}

/** Tokenizes and decodes date/timestamp text; throws Postgres's error for `typeName`. */
export function parseDateTimeText(
  text: string,
  typeName: string,
  ctx: IoContext,
): { decoded: DecodedDateTime; opts: DecodeOptions } {
  const fields = tokenizeDateTime(text);
  if (!fields) throw invalidSyntax(typeName, text);
  const opts = decodeOptions(ctx);
  try {
    return { decoded: decodeDateTime(fields, opts), opts };
  } catch (e) {
    if (e instanceof DateTimeDecodeError) throw dateTimeParseError(e, text, typeName);
    throw e;
  }
}

/** Tokenizes and decodes time/timetz text; throws Postgres's error for `typeName`. */
export function parseTimeText(
  text: string,
  typeName: string,
  ctx: IoContext,
): { decoded: DecodedTime; opts: DecodeOptions } {
  const fields = tokenizeDateTime(text);
  if (!fields) throw invalidSyntax(typeName, text);
  const opts = decodeOptions(ctx);
  try {
    return { decoded: decodeTimeOnly(fields, opts), opts };
  } catch (e) {
    if (e instanceof DateTimeDecodeError) throw dateTimeParseError(e, text, typeName);
    throw e;
  }
}
