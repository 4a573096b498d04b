/**
 * The in_range support functions RANGE frames with an offset use: is `val` on the frame's side of
 * `base ± offset`? `sub` subtracts the offset, `less` asks for val <= base ± offset (else >=).
 * The sum is computed as the type's own arithmetic does, except where Postgres avoids it: integers
 * are exact (an overflowing sum decides the answer), ±infinity offsets next to infinite bases are in
 * range (infinity - infinity would be an error or NaN), NaN sorts after every number, and time / timetz
 * add the offset's time part without wrapping around midnight.
 * Postgres counterpart: in_range_int4_int4, in_range_int8_int8 (int.c, int8.c),
 * in_range_float8_float8 (float.c), in_range_numeric_numeric (numeric.c), in_range_date_interval,
 * in_range_time_interval, in_range_timetz_interval (date.c), in_range_timestamp_interval,
 * in_range_timestamptz_interval, in_range_interval_interval (timestamp.c).
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { OID } from '../types/oids.js';
import type { Interval, TimeTz, Value } from '../types/values.js';
import { TS_INFINITY, TS_NEG_INFINITY } from '../types/values.js';
import type { Numeric } from '../types/numeric/numeric-value.js';
import { compareNumeric } from '../types/numeric/numeric-value.js';
import { numericAdd, numericSub } from '../types/numeric/numeric-arith.js';
import { intervalCompare, intervalSpan, isIntervalInfinite, INT64_MAX } from '../types/datetime/interval-value.js';
import { intervalAdd, intervalSub } from '../types/datetime/interval-arith.js';
import { timestampMinusInterval, timestampPlusInterval, timestamptzMinusInterval, timestamptzPlusInterval } from '../types/datetime/timestamp-arith.js';
import { dateToTimestamp } from '../types/datetime/casts.js';
import { sessionTimeZone } from '../types/datetime/timezone.js';
import type { ExecContext } from './context.js';

/** in_range(val, base, offset, sub, less). */
export type InRangeFn = (val: Value, base: Value, offset: Value, sub: boolean, less: boolean, ctx: ExecContext) => boolean;

const invalidSize = (): PgError => new PgError(SQLSTATE.invalid_preceding_or_following_size, 'invalid preceding or following size in window function');

const decide = (c: number, less: boolean): boolean => (less ? c <= 0 : c >= 0);

function inRangeInteger(val: Value, base: Value, offset: Value, sub: boolean, less: boolean): boolean {
  // Exact arithmetic: Postgres's overflow shortcut gives the mathematically right answer.
  if (typeof offset === 'bigint' ? offset < 0n : (offset as number) < 0) throw invalidSize();
  if (typeof val === 'number' && typeof base === 'number' && typeof offset === 'number') {
    const sum = sub ? base - offset : base + offset;
    return less ? val <= sum : val >= sum;
  }
  const o = BigInt(offset as number | bigint);
  const sum = sub ? BigInt(base as number | bigint) - o : BigInt(base as number | bigint) + o;
  const v = BigInt(val as number | bigint);
  return less ? v <= sum : v >= sum;
}

function inRangeFloat(val: Value, base: Value, offset: Value, sub: boolean, less: boolean): boolean {
  const v = val as number;
  const b = base as number;
  const o = offset as number;
  if (Number.isNaN(o) || o < 0) throw invalidSize();
  // NaN sorts after every other value and is a peer of NaN.
  if (Number.isNaN(v)) return Number.isNaN(b) ? true : !less;
  if (Number.isNaN(b)) return less;
  // Every value is within an infinite offset of an infinity on the far side (inf - inf is NaN).
  if (o === Infinity && !Number.isFinite(b) && (sub ? b > 0 : b < 0)) return true;
  const sum = sub ? b - o : b + o;
  return less ? v <= sum : v >= sum;
}

function inRangeNumeric(val: Value, base: Value, offset: Value, sub: boolean, less: boolean): boolean {
  const v = val as Numeric;
  const b = base as Numeric;
  const o = offset as Numeric;
  if (o.isNaN() || o.signum() < 0) throw invalidSize();
  if (v.isNaN()) return b.isNaN() ? true : !less;
  if (b.isNaN()) return less;
  if (o.isInfinite() && b.isInfinite() && (sub ? b.signum() > 0 : b.signum() < 0)) return true;
  const sum = sub ? numericSub(b, o) : numericAdd(b, o);
  return decide(compareNumeric(v, sum), less);
}

/** Rejects -infinity and negative interval offsets (interval_sign < 0). */
function checkIntervalOffset(o: Interval): void {
  if (isIntervalInfinite(o) < 0 || intervalSpan(o) < 0n) throw invalidSize();
}

function inRangeTimestampValues(v: bigint, b: bigint, o: Interval, sub: boolean, less: boolean, plus: (t: bigint, i: Interval) => bigint, minus: (t: bigint, i: Interval) => bigint): boolean {
  checkIntervalOffset(o);
  if (isIntervalInfinite(o) > 0 && (sub ? b === TS_INFINITY : b === TS_NEG_INFINITY)) return true;
  const sum = sub ? minus(b, o) : plus(b, o);
  return less ? v <= sum : v >= sum;
}

function inRangeTime(val: Value, base: Value, offset: Value, sub: boolean, less: boolean): boolean {
  const o = offset as Interval;
  // Only the time part counts (as in time + interval), so its sign is what is checked.
  if (o.micros < 0n) throw invalidSize();
  const b = BigInt(base as number);
  let sum: bigint;
  if (sub) sum = b - o.micros;
  else {
    sum = b + o.micros;
    if (sum > INT64_MAX) return less;
  }
  const v = BigInt(val as number);
  return less ? v <= sum : v >= sum;
}

function inRangeTimetz(val: Value, base: Value, offset: Value, sub: boolean, less: boolean): boolean {
  const o = offset as Interval;
  if (o.micros < 0n) throw invalidSize();
  const b = base as TimeTz;
  const v = val as TimeTz;
  let sum: bigint;
  if (sub) sum = BigInt(b.time) - o.micros;
  else {
    sum = BigInt(b.time) + o.micros;
    if (sum > INT64_MAX) return less;
  }
  // timetz_cmp_internal on (sum, base's zone): the UTC instant, then the zone.
  const uv = BigInt(v.time) - BigInt(v.offset) * 1_000_000n;
  const us = sum - BigInt(b.offset) * 1_000_000n;
  const c = uv !== us ? (uv < us ? -1 : 1) : v.offset !== b.offset ? (v.offset > b.offset ? -1 : 1) : 0;
  return decide(c, less);
}

function inRangeInterval(val: Value, base: Value, offset: Value, sub: boolean, less: boolean): boolean {
  const o = offset as Interval;
  const b = base as Interval;
  checkIntervalOffset(o);
  if (isIntervalInfinite(o) > 0 && isIntervalInfinite(b) === (sub ? 1 : -1)) return true;
  const sum = sub ? intervalSub(b, o) : intervalAdd(b, o);
  return decide(intervalCompare(val as Interval, sum), less);
}

/** The in_range function for an ORDER BY key of (base) type `keyType`, or undefined if there is none. */
export function inRangeFor(keyType: number): InRangeFn | undefined {
  switch (keyType) {
    case OID.int2:
    case OID.int4:
    case OID.int8:
      return inRangeInteger;
    case OID.float4:
    case OID.float8:
      return inRangeFloat;
    case OID.numeric:
      return inRangeNumeric;
    case OID.date:
      return (val, base, offset, sub, less) =>
        inRangeTimestampValues(dateToTimestamp(val as number), dateToTimestamp(base as number), offset as Interval, sub, less, timestampPlusInterval, timestampMinusInterval);
    case OID.timestamp:
      return (val, base, offset, sub, less) => inRangeTimestampValues(val as bigint, base as bigint, offset as Interval, sub, less, timestampPlusInterval, timestampMinusInterval);
    case OID.timestamptz:
      return (val, base, offset, sub, less, ctx) => {
        const zone = sessionTimeZone(ctx.session.io);
        return inRangeTimestampValues(
          val as bigint,
          base as bigint,
          offset as Interval,
          sub,
          less,
          (t, i) => timestamptzPlusInterval(t, i, zone),
          (t, i) => timestamptzMinusInterval(t, i, zone),
        );
      };
    case OID.time:
      return inRangeTime;
    case OID.timetz:
      return inRangeTimetz;
    case OID.interval:
      return inRangeInterval;
    default:
      return undefined;
  }
}
