/**
 * Interval values: construction, infinity markers, the linear "span" Postgres compares by
 * (1 month = 30 days, 1 day = 24 hours) and range checks.
 *
 * Postgres counterpart: interval_cmp_value, INTERVAL_NOBEGIN/NOEND in
 * src/backend/utils/adt/timestamp.c and src/include/datatype/timestamp.h.
 */
import type { Interval } from '../values.js';
import { intervalOutOfRange } from './errors.js';

export const INT32_MAX = 2_147_483_647;
export const INT32_MIN = -2_147_483_648;
export const INT64_MAX = 2n ** 63n - 1n;
export const INT64_MIN = -(2n ** 63n);

/** The 'infinity' interval (all parts at their maximum). */
export const INTERVAL_INFINITY: Interval = Object.freeze({ months: INT32_MAX, days: INT32_MAX, micros: INT64_MAX });
/** The '-infinity' interval (all parts at their minimum). */
export const INTERVAL_NEG_INFINITY: Interval = Object.freeze({ months: INT32_MIN, days: INT32_MIN, micros: INT64_MIN });

/** 1 for infinity, -1 for -infinity, 0 for a finite interval. */
export function isIntervalInfinite(v: Interval): -1 | 0 | 1 {
  if (v.months === INT32_MAX && v.days === INT32_MAX && v.micros === INT64_MAX) return 1;
  if (v.months === INT32_MIN && v.days === INT32_MIN && v.micros === INT64_MIN) return -1;
  return 0;
}

/** Builds an interval, checking each part's range (22008 `interval out of range`). */
export function makeIntervalValue(months: number, days: number, micros: bigint): Interval {
  if (months < INT32_MIN || months > INT32_MAX || days < INT32_MIN || days > INT32_MAX || micros < INT64_MIN || micros > INT64_MAX) {
    throw intervalOutOfRange();
  }
  const v = { months: months || 0, days: days || 0, micros };
  // A finite computation must not produce one of the infinity encodings.
  if (isIntervalInfinite(v)) throw intervalOutOfRange();
  return v;
}

const USECS_PER_DAY = 86_400_000_000n;

/** The total Postgres orders and hashes intervals by: microseconds with 30-day months. */
export function intervalSpan(v: Interval): bigint {
  return (BigInt(v.months) * 30n + BigInt(v.days)) * USECS_PER_DAY + v.micros;
}

/** Postgres's interval_cmp: by span (infinities at the ends, as their span is extreme). */
export function intervalCompare(a: Interval, b: Interval): number {
  const x = intervalSpan(a);
  const y = intervalSpan(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
