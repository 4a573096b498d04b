/**
 * Interval arithmetic: + - unary minus, multiplication and division by a float8 (fractions of
 * months cascade into days at 30 days per month, fractions of days into time at 24 hours), and
 * justify_days / justify_hours / justify_interval. Infinite intervals follow Postgres 17+ rules.
 *
 * Postgres counterpart: interval_pl, interval_mi, interval_um, interval_mul, interval_div,
 * interval_justify_* in src/backend/utils/adt/timestamp.c.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import type { Interval } from '../values.js';
import { intervalOutOfRange } from './errors.js';
import { rint } from './decode-fields.js';
import {
  INT32_MAX, INT32_MIN, INT64_MIN, INTERVAL_INFINITY, INTERVAL_NEG_INFINITY, isIntervalInfinite,
  makeIntervalValue,
} from './interval-value.js';

const USECS_PER_DAY = 86_400_000_000n;

/** -interval (22008 when a part is at its minimum). */
export function intervalNegate(v: Interval): Interval {
  const inf = isIntervalInfinite(v);
  if (inf) return inf > 0 ? INTERVAL_NEG_INFINITY : INTERVAL_INFINITY;
  if (v.months === INT32_MIN || v.days === INT32_MIN || v.micros === INT64_MIN) throw intervalOutOfRange();
  return makeIntervalValue(-v.months || 0, -v.days || 0, -v.micros);
}

/** interval + interval. */
export function intervalAdd(a: Interval, b: Interval): Interval {
  const ia = isIntervalInfinite(a);
  const ib = isIntervalInfinite(b);
  if (ia || ib) {
    if (ia && ib && ia !== ib) throw intervalOutOfRange();
    return (ia || ib) > 0 ? INTERVAL_INFINITY : INTERVAL_NEG_INFINITY;
  }
  return makeIntervalValue(a.months + b.months, a.days + b.days, a.micros + b.micros);
}

/** interval - interval. */
export function intervalSub(a: Interval, b: Interval): Interval {
  const ia = isIntervalInfinite(a);
  const ib = isIntervalInfinite(b);
  if (ia || ib) {
    if (ia && ib && ia === ib) throw intervalOutOfRange();
    return (ia || -ib) > 0 ? INTERVAL_INFINITY : INTERVAL_NEG_INFINITY;
  }
  return makeIntervalValue(a.months - b.months, a.days - b.days, a.micros - b.micros);
}

/** Rounds to the nearest microsecond-of-a-unit, as Postgres's TSROUND. */
const tsRound = (x: number): number => rint(x * 1_000_000) / 1_000_000;

const fitsInt32 = (x: number): boolean => !Number.isNaN(x) && x >= INT32_MIN && x < INT32_MAX + 1;
const fitsInt64 = (x: number): boolean => !Number.isNaN(x) && x >= -9_223_372_036_854_775_808 && x < 9_223_372_036_854_775_808;

function sign(v: Interval): number {
  const s = (BigInt(v.months) * 30n + BigInt(v.days)) * USECS_PER_DAY + v.micros;
  return s > 0n ? 1 : s < 0n ? -1 : 0;
}

/** Shared body of interval * and /: `op` applies the factor to one part. */
function scale(v: Interval, op: (x: number) => number): Interval {
  const monthsD = op(v.months);
  if (!fitsInt32(monthsD)) throw intervalOutOfRange();
  const months = Math.trunc(monthsD);
  const daysD = op(v.days);
  if (!fitsInt32(daysD)) throw intervalOutOfRange();
  let days = Math.trunc(daysD);
  const monthRemainderDays = tsRound((monthsD - months) * 30);
  let secRemainder = tsRound((daysD - days + monthRemainderDays - Math.trunc(monthRemainderDays)) * 86_400);
  if (Math.abs(secRemainder) >= 86_400) {
    const extra = Math.trunc(secRemainder / 86_400);
    days += extra;
    if (!fitsInt32(days)) throw intervalOutOfRange();
    secRemainder -= extra * 86_400;
  }
  days += Math.trunc(monthRemainderDays);
  if (!fitsInt32(days)) throw intervalOutOfRange();
  const micros = rint(op(Number(v.micros)) + secRemainder * 1_000_000);
  if (!fitsInt64(micros)) throw intervalOutOfRange();
  return makeIntervalValue(months, days, BigInt(micros));
}

/** interval * float8 (Postgres's interval_mul, with its fraction cascading). */
export function intervalMul(v: Interval, factor: number): Interval {
  if (Number.isNaN(factor)) throw intervalOutOfRange();
  const inf = isIntervalInfinite(v);
  if (inf) {
    if (factor === 0) throw intervalOutOfRange();
    return factor < 0 ? intervalNegate(v) : v;
  }
  if (!Number.isFinite(factor)) {
    const s = sign(v);
    if (s === 0) throw intervalOutOfRange();
    return factor * s < 0 ? INTERVAL_NEG_INFINITY : INTERVAL_INFINITY;
  }
  return scale(v, (x) => x * factor);
}

/** interval / float8 (22012 `division by zero` for 0). */
export function intervalDiv(v: Interval, factor: number): Interval {
  if (factor === 0) throw new PgError(SQLSTATE.division_by_zero, 'division by zero');
  if (Number.isNaN(factor)) throw intervalOutOfRange();
  const inf = isIntervalInfinite(v);
  if (inf) {
    if (!Number.isFinite(factor)) throw intervalOutOfRange();
    return factor < 0 ? intervalNegate(v) : v;
  }
  if (!Number.isFinite(factor)) return { months: 0, days: 0, micros: 0n };
  return scale(v, (x) => x / factor);
}

const checkMonths = (m: number): number => (m < INT32_MIN || m > INT32_MAX ? (() => { throw intervalOutOfRange(); })() : m);

/** justify_days: 30-day blocks become months. */
export function justifyDays(v: Interval): Interval {
  if (isIntervalInfinite(v)) return v;
  const whole = Math.trunc(v.days / 30);
  let days = v.days - whole * 30;
  let months = checkMonths(v.months + whole);
  if (months > 0 && days < 0) {
    days += 30;
    months--;
  } else if (months < 0 && days > 0) {
    days -= 30;
    months++;
  }
  return { months, days, micros: v.micros };
}

/** justify_hours: 24-hour blocks become days. */
export function justifyHours(v: Interval): Interval {
  if (isIntervalInfinite(v)) return v;
  const whole = v.micros / USECS_PER_DAY;
  let micros = v.micros - whole * USECS_PER_DAY;
  let days = v.days + Number(whole);
  if (days < INT32_MIN || days > INT32_MAX) throw intervalOutOfRange();
  if (days > 0 && micros < 0n) {
    micros += USECS_PER_DAY;
    days--;
  } else if (days < 0 && micros > 0n) {
    micros -= USECS_PER_DAY;
    days++;
  }
  return { months: v.months, days, micros };
}

/** justify_interval: both, with the signs of all parts made to agree. */
export function justifyInterval(v: Interval): Interval {
  if (isIntervalInfinite(v)) return v;
  let { months, days, micros } = v;
  if ((days > 0 && micros > 0n) || (days < 0 && micros < 0n)) {
    const wholeMonth = Math.trunc(days / 30);
    days -= wholeMonth * 30;
    months = checkMonths(months + wholeMonth);
  }
  const wholeDay = micros / USECS_PER_DAY;
  micros -= wholeDay * USECS_PER_DAY;
  days += Number(wholeDay);
  if (days < INT32_MIN || days > INT32_MAX) throw intervalOutOfRange();
  const wholeMonth = Math.trunc(days / 30);
  days -= wholeMonth * 30;
  months = checkMonths(months + wholeMonth);
  if (months > 0 && (days < 0 || (days === 0 && micros < 0n))) {
    days += 30;
    months--;
  } else if (months < 0 && (days > 0 || (days === 0 && micros > 0n))) {
    days -= 30;
    months++;
  }
  if (days > 0 && micros < 0n) {
    micros += USECS_PER_DAY;
    days--;
  } else if (days < 0 && micros > 0n) {
    micros -= USECS_PER_DAY;
    days++;
  }
  return { months, days, micros };
}

