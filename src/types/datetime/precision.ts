/**
 * Fractional-second precision of time(p), timetz(p), timestamp(p) and timestamptz(p): values are
 * rounded half away from zero to p digits (0..5; -1, 6 or more keeps microseconds:
 * Postgres lowers a declared precision above 6 to 6 when it reads the type modifier).
 *
 * Postgres counterpart: AdjustTimestampForTypmod (timestamp.c), AdjustTimeForTypmod (date.c).
 */
import { TS_INFINITY, TS_NEG_INFINITY } from '../values.js';

const SCALES = [1_000_000, 100_000, 10_000, 1000, 100, 10, 1];

/** Rounds a timestamp (bigint microseconds) to `typmod` fractional digits. */
export function roundTimestampToTypmod(ts: bigint, typmod: number): bigint {
  if (typmod < 0 || typmod >= 6 || ts === TS_INFINITY || ts === TS_NEG_INFINITY) return ts;
  const scale = BigInt(SCALES[typmod]!);
  const half = scale / 2n;
  return ts >= 0n ? ((ts + half) / scale) * scale : -(((-ts + half) / scale) * scale);
}

/** Rounds a time of day (number microseconds) to `typmod` fractional digits. */
export function roundTimeToTypmod(t: number, typmod: number): number {
  if (typmod < 0 || typmod >= 6) return t;
  const scale = SCALES[typmod]!;
  const half = scale / 2;
  return t >= 0 ? Math.floor((t + half) / scale) * scale : -Math.floor((-t + half) / scale) * scale;
}
