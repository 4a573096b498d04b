/**
 * The `timestamp` (without time zone) and `timestamptz` types: bigint microseconds since
 * 2000-01-01 00:00:00 (UTC for timestamptz), TS_INFINITY / TS_NEG_INFINITY for ±infinity.
 * timestamptz is read in the zone the text names (else the session zone) and printed in the
 * session zone.
 *
 * Postgres counterpart: timestamp_in/out, timestamptz_in/out, timestamp_cmp in
 * src/backend/utils/adt/timestamp.c.
 */
import type { IoContext, TypeIO } from '../type-io.js';
import { TS_INFINITY, TS_NEG_INFINITY } from '../values.js';
import { isValidJulianYm, isValidTimestamp, timestampToFields } from './calendar.js';
import { parseDateStyle } from './datestyle.js';
import { decodedLocalMicros, decodedOffset } from './decode.js';
import { outOfRange } from './errors.js';
import { formatDateTimeFields, isoTimestampText, writeIsoTimestamp } from './format.js';
import { parseDateTimeText } from './io-context.js';
import { roundTimestampToTypmod } from './precision.js';
import { sessionTimeZone, type PgTimeZone } from './timezone.js';

/** The Unix epoch as a timestamp. */
export const EPOCH_TIMESTAMP = -946_684_800_000_000n;

function timestampInput(text: string, typmod: number, ctx: IoContext, withZone: boolean): bigint {
  const typeName = withZone ? 'timestamp with time zone' : 'timestamp';
  const { decoded, opts } = parseDateTimeText(text, typeName, ctx);
  let ts: bigint;
  switch (decoded.kind) {
    case 'late':
      return TS_INFINITY;
    case 'early':
      return TS_NEG_INFINITY;
    case 'epoch':
      ts = EPOCH_TIMESTAMP;
      break;
    case 'date': {
      const st = decoded.st;
      if (!isValidJulianYm(st.year, st.month)) throw outOfRange('timestamp', text);
      ts = decodedLocalMicros(st);
      if (withZone) ts -= BigInt(decodedOffset(decoded, opts.sessionZone)) * 1_000_000n;
      if (!isValidTimestamp(ts)) throw outOfRange('timestamp', text);
      break;
    }
  }
  return roundTimestampToTypmod(ts, typmod);
}

/** Parses timestamp text (Postgres's timestamp_in); a zone in the text is checked and ignored. */
export function timestampIn(text: string, typmod: number, ctx: IoContext): bigint {
  return timestampInput(text, typmod, ctx, false);
}

/** Parses timestamptz text (Postgres's timestamptz_in). */
export function timestamptzIn(text: string, typmod: number, ctx: IoContext): bigint {
  return timestampInput(text, typmod, ctx, true);
}

/** Formats a timestamp without time zone. */
export function timestampOut(ts: bigint, ctx: IoContext): string {
  if (ts === TS_INFINITY) return 'infinity';
  if (ts === TS_NEG_INFINITY) return '-infinity';
  const ds = parseDateStyle(ctx.dateStyle);
  if (ds.style === 'ISO') {
    const fast = isoTimestampText(Number(ts), undefined);
    if (fast !== undefined) return fast;
  }
  return formatDateTimeFields(timestampToFields(ts), ds);
}

/** Formats a timestamptz in `zone` (default: the session zone). */
export function timestamptzOut(ts: bigint, ctx: IoContext, zone: PgTimeZone = sessionTimeZone(ctx)): string {
  if (ts === TS_INFINITY) return 'infinity';
  if (ts === TS_NEG_INFINITY) return '-infinity';
  const offset = zone.utcOffset(ts);
  const ds = parseDateStyle(ctx.dateStyle);
  if (ds.style === 'ISO') {
    // Number(ts) is exact only below 2^53 (the sum with the offset is checked again inside).
    const n = Number(ts);
    if (Number.isSafeInteger(n)) {
      const fast = isoTimestampText(n + offset * 1_000_000, offset);
      if (fast !== undefined) return fast;
    }
  }
  const abbrev = ds.style === 'ISO' ? '' : zone.abbrev(ts);
  return formatDateTimeFields(timestampToFields(ts + BigInt(offset) * 1_000_000n), ds, { offset, abbrev });
}

/**
 * timestampOut / timestamptzOut (session zone) as ASCII bytes at `at` of `out`, which must have
 * room for ISO_TIMESTAMP_MAX bytes: the byte count, or -1 when only the string functions print
 * the value (DateStyles other than ISO, infinities, years outside 1000-9999 or beyond 2^53 us).
 */
export function writeTimestampIso(ts: bigint, withZone: boolean, ctx: IoContext, out: Uint8Array, at: number): number {
  if (ts === TS_INFINITY || ts === TS_NEG_INFINITY || parseDateStyle(ctx.dateStyle).style !== 'ISO') return -1;
  const n = Number(ts);
  if (!Number.isSafeInteger(n)) return -1;
  if (!withZone) return writeIsoTimestamp(out, at, n, undefined);
  const offset = sessionTimeZone(ctx).utcOffset(ts);
  return writeIsoTimestamp(out, at, n + offset * 1_000_000, offset);
}

const compareBig = (a: bigint, b: bigint): number => (a < b ? -1 : a > b ? 1 : 0);

/** TypeIO of `timestamp`. */
export const timestampIO: TypeIO<bigint> = {
  input: timestampIn,
  output: timestampOut,
  compare: compareBig,
  hashKey: (v) => v,
  applyTypmod: (v, typmod) => roundTimestampToTypmod(v, typmod),
};

/** TypeIO of `timestamptz`. */
export const timestamptzIO: TypeIO<bigint> = {
  input: timestamptzIn,
  output: (v, ctx) => timestamptzOut(v, ctx),
  compare: compareBig,
  hashKey: (v) => v,
  applyTypmod: (v, typmod) => roundTimestampToTypmod(v, typmod),
};
