/**
 * The `interval` type: `{ months, days, micros }` kept apart as Postgres keeps them, compared and
 * hashed by their total with 30-day months and 24-hour days (`'1 mon' = '30 days'`). Input honours
 * the interval type modifier (field range and fractional precision), output the IntervalStyle.
 *
 * Postgres counterpart: interval_in / interval_out / interval_cmp / AdjustIntervalForTypmod in
 * src/backend/utils/adt/timestamp.c.
 */
import type { IoContext, TypeIO } from '../type-io.js';
import type { Interval } from '../values.js';
import { DateTimeDecodeError, dateTimeParseError, intervalOutOfRange } from './errors.js';
import { formatInterval } from './interval-format.js';
import { decodeInterval, decodeIso8601Interval, IRANGE, type ItmIn } from './interval-parse.js';
import {
  INTERVAL_INFINITY, INTERVAL_NEG_INFINITY, intervalCompare, intervalSpan, isIntervalInfinite, makeIntervalValue,
} from './interval-value.js';
import { tokenizeDateTime } from './parse.js';

/** Field range and fractional precision of an interval typmod (-1: all fields, full precision). */
export function intervalTypmodParts(typmod: number): { range: number; precision: number } {
  if (typmod < 0) return { range: IRANGE.FULL, precision: 0xffff };
  return { range: (typmod >> 16) & 0x7fff, precision: typmod & 0xffff };
}

/** Builds an interval typmod from a field range (IRANGE bits) and precision (0xffff = full). */
export function makeIntervalTypmod(range: number, precision = 0xffff): number {
  return ((range & 0x7fff) << 16) | (precision & 0xffff);
}

const SCALES = [1_000_000n, 100_000n, 10_000n, 1000n, 100n, 10n, 1n];

/** Postgres's AdjustIntervalForTypmod: zeroes fields right of the range, rounds the fraction. */
export function adjustIntervalForTypmod(v: Interval, typmod: number): Interval {
  if (typmod < 0 || isIntervalInfinite(v)) return v;
  const { range, precision } = intervalTypmodParts(typmod);
  const { YEAR, MONTH, DAY, HOUR, MINUTE, SECOND, FULL } = IRANGE;
  let { months, days, micros } = v;
  const truncTo = (unit: bigint): bigint => (micros / unit) * unit;
  switch (range) {
    case FULL:
    case SECOND:
    case DAY | HOUR | MINUTE | SECOND:
    case HOUR | MINUTE | SECOND:
    case MINUTE | SECOND:
      break;
    case YEAR:
      months = Math.trunc(months / 12) * 12;
      days = 0;
      micros = 0n;
      break;
    case MONTH:
    case YEAR | MONTH:
      days = 0;
      micros = 0n;
      break;
    case DAY:
      micros = 0n;
      break;
    case HOUR:
    case DAY | HOUR:
      micros = truncTo(3_600_000_000n);
      break;
    case MINUTE:
    case DAY | HOUR | MINUTE:
    case HOUR | MINUTE:
      micros = truncTo(60_000_000n);
      break;
    default:
      throw new Error(`unrecognized interval typmod: ${typmod}`);
  }
  if (precision !== 0xffff && precision < 6) {
    const scale = SCALES[precision]!;
    const half = scale / 2n;
    micros = micros >= 0n ? ((micros + half) / scale) * scale : -(((-micros + half) / scale) * scale);
  }
  return { months, days, micros };
}

function itmToInterval(itm: ItmIn): Interval {
  const months = itm.year * 12 + itm.mon;
  return makeIntervalValue(months, itm.mday, itm.usec);
}

/** Parses interval text (Postgres's interval_in) under an optional typmod. */
export function intervalIn(text: string, typmod: number, ctx: IoContext): Interval {
  const { range } = intervalTypmodParts(typmod);
  let err: DateTimeDecodeError | undefined;
  let result: Interval | undefined;
  try {
    const fields = tokenizeDateTime(text, 256);
    if (!fields) throw new DateTimeDecodeError('bad-format');
    const d = decodeInterval(fields, range, ctx.intervalStyle.toLowerCase() === 'sql_standard');
    if (d.kind === 'finite') result = itmToInterval(d.itm);
    else result = d.kind === 'late' ? INTERVAL_INFINITY : INTERVAL_NEG_INFINITY;
  } catch (e) {
    if (!(e instanceof DateTimeDecodeError)) throw e;
    err = e;
  }
  if (err?.kind === 'bad-format') {
    err = undefined;
    try {
      result = itmToInterval(decodeIso8601Interval(text));
    } catch (e) {
      if (!(e instanceof DateTimeDecodeError)) throw e;
      err = e;
    }
  }
  if (err) {
    throw dateTimeParseError(err.kind === 'field-overflow' ? new DateTimeDecodeError('interval-overflow') : err, text, 'interval');
  }
  if (!result) throw intervalOutOfRange();
  return adjustIntervalForTypmod(result, typmod);
}

/** Formats an interval in the session IntervalStyle. */
export function intervalOut(v: Interval, ctx: IoContext): string {
  return formatInterval(v, ctx.intervalStyle);
}

/**
 * TypeIO of `interval`. hashKey is the span, so `'1 mon'` and `'30 days'` share a key.
 *
 * @example intervalIO.output(intervalIO.input('1.5 months', -1, DEFAULT_IO_CONTEXT), DEFAULT_IO_CONTEXT) // '1 mon 15 days'
 */
export const intervalIO: TypeIO<Interval> = {
  input: intervalIn,
  output: intervalOut,
  compare: intervalCompare,
  hashKey: intervalSpan,
  applyTypmod: (v, typmod) => adjustIntervalForTypmod(v, typmod),
};
