/**
 * `(s1, e1) OVERLAPS (s2, e2)` (the grammar calls pg_catalog.overlaps): half-open periods,
 * reversed endpoints swapped, an equal start and end meaning that instant, and the SQL
 * standard's NULL rules (NULL only when the answer depends on a missing endpoint). Forms with an
 * interval instead of an end compute the end first.
 *
 * Postgres counterpart: overlaps_timestamp / overlaps_time / overlaps_timetz in
 * src/backend/utils/adt/timestamp.c and date.c; the interval forms are SQL functions in pg_proc.
 * Known gaps: none known.
 */
import type { ExprRuntime } from '../../nodes/primnodes.js';
import { timePlusInterval } from '../../types/datetime/casts.js';
import { timestampPlusInterval, timestamptzPlusInterval } from '../../types/datetime/timestamp-arith.js';
import { sessionTimeZone } from '../../types/datetime/timezone.js';
import { timetzCompare } from '../../types/datetime/timetz.js';
import { OID } from '../../types/oids.js';
import type { Interval, TimeTz, Value } from '../../types/values.js';
import { fn } from '../registry.js';

type Cmp = (a: Value, b: Value) => number;

/** The overlap test on four possibly-NULL endpoints. */
export function overlaps(s1: Value, e1: Value, s2: Value, e2: Value, cmp: Cmp): Value {
  // Each period: if both ends are NULL the answer is unknown; one NULL end becomes the start.
  if (s1 === null) {
    if (e1 === null) return null;
    s1 = e1;
    e1 = null;
  } else if (e1 !== null && cmp(s1, e1) > 0) [s1, e1] = [e1, s1];
  if (s2 === null) {
    if (e2 === null) return null;
    s2 = e2;
    e2 = null;
  } else if (e2 !== null && cmp(s2, e2) > 0) [s2, e2] = [e2, s2];
  const c = cmp(s1, s2);
  if (c > 0) {
    if (e2 === null) return null;
    if (cmp(s1, e2) < 0) return true;
    return e1 === null ? null : false;
  }
  if (c < 0) {
    if (e1 === null) return null;
    if (cmp(s2, e1) < 0) return true;
    return e2 === null ? null : false;
  }
  return e1 === null || e2 === null ? null : true;
}

const big: Cmp = (a, b) => ((a as bigint) < (b as bigint) ? -1 : (a as bigint) > (b as bigint) ? 1 : 0);
const num: Cmp = (a, b) => (a as number) - (b as number);
const TS = OID.timestamp;
const TSTZ = OID.timestamptz;
const TM = OID.time;
const IV = OID.interval;

function declare(t: number, cmp: Cmp, add: (v: Value, i: Interval, rt: ExprRuntime) => Value): void {
  const plus = (v: Value, i: Value, rt: ExprRuntime): Value => (v === null || i === null ? null : add(v, i as Interval, rt));
  const opts = { strict: false, volatility: t === TSTZ ? ('s' as const) : ('i' as const) };
  fn('overlaps', [t, t, t, t], OID.bool, (a) => overlaps(a[0], a[1], a[2], a[3], cmp), { strict: false });
  fn('overlaps', [t, IV, t, IV], OID.bool, (a, rt) => overlaps(a[0], plus(a[0], a[1], rt), a[2], plus(a[2], a[3], rt), cmp), opts);
  fn('overlaps', [t, IV, t, t], OID.bool, (a, rt) => overlaps(a[0], plus(a[0], a[1], rt), a[2], a[3], cmp), opts);
  fn('overlaps', [t, t, t, IV], OID.bool, (a, rt) => overlaps(a[0], a[1], a[2], plus(a[2], a[3], rt), cmp), opts);
}
declare(TS, big, (v, i) => timestampPlusInterval(v as bigint, i));
declare(TSTZ, big, (v, i, rt) => timestamptzPlusInterval(v as bigint, i, sessionTimeZone(rt.session.io)));
declare(TM, num, (v, i) => timePlusInterval(v as number, i));
fn('overlaps', [OID.timetz, OID.timetz, OID.timetz, OID.timetz], OID.bool, (a) => overlaps(a[0], a[1], a[2], a[3], (x, y) => timetzCompare(x as TimeTz, y as TimeTz)), {
  strict: false,
});
