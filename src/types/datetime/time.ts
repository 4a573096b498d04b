/**
 * The `time` type: microseconds since midnight (0 .. 86_400_000_000, 24:00:00 included).
 *
 * Postgres counterpart: time_in / time_out / time_cmp in src/backend/utils/adt/date.c.
 */
import type { IoContext, TypeIO } from '../type-io.js';
import { hmsText } from './format.js';
import { parseTimeText } from './io-context.js';
import { roundTimeToTypmod } from './precision.js';

/** Parses time text (Postgres's time_in); `typmod` is the fractional precision or -1. */
export function timeIn(text: string, typmod: number, ctx: IoContext): number {
  const { st } = parseTimeText(text, 'time', ctx).decoded;
  const t = ((st.hour * 60 + st.minute) * 60 + st.second) * 1_000_000 + st.fsec;
  return roundTimeToTypmod(t, typmod);
}

/** Splits microseconds since midnight into `HH:MM:SS[.ffffff]`. */
export function timeOut(t: number): string {
  const fsec = t % 1_000_000;
  const secs = (t - fsec) / 1_000_000;
  return hmsText(Math.floor(secs / 3600), Math.floor(secs / 60) % 60, secs % 60, fsec);
}

/** TypeIO of `time`. */
export const timeIO: TypeIO<number> = {
  input: timeIn,
  output: (v) => timeOut(v),
  compare: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  hashKey: (v) => v,
  applyTypmod: (v, typmod) => roundTimeToTypmod(v, typmod),
};
