/**
 * The `time with time zone` type: a local time of day plus the zone offset it was written in.
 * Ordering is by the UTC instant, then by offset (two values are equal only if both parts are).
 *
 * Postgres counterpart: timetz_in / timetz_out / timetz_cmp in src/backend/utils/adt/date.c.
 */
import type { IoContext, TypeIO } from '../type-io.js';
import type { TimeTz } from '../values.js';
import { decodedTimeOffset } from './decode.js';
import { offsetText } from './format.js';
import { parseTimeText } from './io-context.js';
import { roundTimeToTypmod } from './precision.js';
import { timeOut } from './time.js';

/** Parses timetz text (Postgres's timetz_in). Without a zone, the session zone's offset applies. */
export function timetzIn(text: string, typmod: number, ctx: IoContext): TimeTz {
  const { decoded, opts } = parseTimeText(text, 'time with time zone', ctx);
  const { st } = decoded;
  const t = ((st.hour * 60 + st.minute) * 60 + st.second) * 1_000_000 + st.fsec;
  return { time: roundTimeToTypmod(t, typmod), offset: decodedTimeOffset(decoded, opts) };
}

/** Formats a timetz: `12:00:00+05:30`. */
export function timetzOut(v: TimeTz): string {
  return timeOut(v.time) + offsetText(v.offset);
}

/** Postgres's timetz_cmp_internal: UTC instant first, then the zone (west-positive) as tie-break. */
export function timetzCompare(a: TimeTz, b: TimeTz): number {
  const ua = a.time - a.offset * 1_000_000;
  const ub = b.time - b.offset * 1_000_000;
  if (ua !== ub) return ua < ub ? -1 : 1;
  if (a.offset !== b.offset) return a.offset > b.offset ? -1 : 1;
  return 0;
}

/** TypeIO of `timetz`. */
export const timetzIO: TypeIO<TimeTz> = {
  input: timetzIn,
  output: (v) => timetzOut(v),
  compare: timetzCompare,
  hashKey: (v) => `${v.time}/${v.offset}`,
  applyTypmod: (v, typmod) => ({ time: roundTimeToTypmod(v.time, typmod), offset: v.offset }),
};
