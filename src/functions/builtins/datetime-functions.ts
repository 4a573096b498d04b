/**
 * Date/time functions: now / transaction_timestamp / statement_timestamp / clock_timestamp,
 * date_trunc, date_part (float8) and extract (numeric; what `EXTRACT(f FROM x)` becomes), age,
 * make_date/time/timestamp/timestamptz/interval, justify_*, date_bin, isfinite, timezone()
 * (what `AT TIME ZONE` / `AT LOCAL` become), date_add / date_subtract, to_timestamp(float8),
 * and generate_series over timestamps. to_char / to_date / to_timestamp(text, text) are in
 * to-char.ts. The date/time machinery lives in types/datetime.
 *
 * Postgres counterpart: src/backend/utils/adt/timestamp.c, date.c.
 * Known gaps: none known.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import type { ExprRuntime } from '../../nodes/primnodes.js';
import {
  timestampAtIntervalZone,
  timestampAtTimeZone,
  timestamptzAtIntervalZone,
  timestamptzAtTimeZone,
  timetzAtIntervalZone,
  timetzAtTimeZone,
} from '../../types/datetime/at-time-zone.js';
import { isValidTimestamp } from '../../types/datetime/calendar.js';
import { dateToTimestamp, isFiniteDateTime, timestampToTimestamptz, timestamptzToTimestamp } from '../../types/datetime/casts.js';
import {
  datePartInterval,
  datePartTime,
  datePartTimestamp,
  datePartTimestamptz,
  datePartTimetz,
  extractDate,
  extractInterval,
  extractTime,
  extractTimestamp,
  extractTimestamptz,
  extractTimetz,
} from '../../types/datetime/extract.js';
import { justifyDays, justifyHours, justifyInterval } from '../../types/datetime/interval-arith.js';
import { isIntervalInfinite } from '../../types/datetime/interval-value.js';
import { makeDate, makeInterval, makeTime, makeTimestamp, makeTimestamptz } from '../../types/datetime/make.js';
import {
  ageTimestamp,
  ageTimestampFromToday,
  ageTimestamptz,
  ageTimestamptzFromToday,
  dateBin,
  timestampPlusInterval,
  timestamptzMinusInterval,
  timestamptzPlusInterval,
} from '../../types/datetime/timestamp-arith.js';
import { fixedOffsetZone, sessionTimeZone, type PgTimeZone } from '../../types/datetime/timezone.js';
import { dateTruncInterval, dateTruncTimestamp, dateTruncTimestamptz } from '../../types/datetime/trunc.js';
import { resolveZoneArgument } from '../../types/datetime/zone-arg.js';
import { float8Out } from '../../types/float.js';
import { parseNumeric } from '../../types/numeric.js';
import { OID } from '../../types/oids.js';
import { TS_INFINITY, TS_NEG_INFINITY, type Interval, type TimeTz, type Value } from '../../types/values.js';
import { fn } from '../registry.js';

const T = OID.text;
const D = OID.date;
const TM = OID.time;
const TTZ = OID.timetz;
const TS = OID.timestamp;
const TSTZ = OID.timestamptz;
const IV = OID.interval;
const F8 = OID.float8;
const I4 = OID.int4;

const zoneOf = (rt: ExprRuntime): PgTimeZone => sessionTimeZone(rt.session.io);
const iv = (v: Value): Interval => v as Interval;

/** A zone-name argument as a PgTimeZone (abbreviations become fixed offsets). */
function zoneArg(name: string, rt: ExprRuntime): PgTimeZone {
  const z = resolveZoneArgument(name, zoneOf(rt));
  return z.kind === 'zone' ? z.zone : fixedOffsetZone(z.offset);
}

// Current time.
fn('now', [], TSTZ, (_a, rt) => rt.session.transactionTimestamp(), { volatility: 's' });
fn('transaction_timestamp', [], TSTZ, (_a, rt) => rt.session.transactionTimestamp(), { volatility: 's' });
fn('statement_timestamp', [], TSTZ, (_a, rt) => rt.session.statementTimestamp(), { volatility: 's' });
fn('clock_timestamp', [], TSTZ, (_a, rt) => rt.session.clockTimestamp(), { volatility: 'v' });

// date_trunc.
fn('date_trunc', [T, TS], TS, (a) => dateTruncTimestamp(a[0] as string, a[1] as bigint));
fn('date_trunc', [T, TSTZ], TSTZ, (a, rt) => dateTruncTimestamptz(a[0] as string, a[1] as bigint, zoneOf(rt)), { volatility: 's' });
fn('date_trunc', [T, TSTZ, T], TSTZ, (a, rt) => dateTruncTimestamptz(a[0] as string, a[1] as bigint, zoneArg(a[2] as string, rt)));
fn('date_trunc', [T, IV], IV, (a) => dateTruncInterval(a[0] as string, iv(a[1])));

// date_part (float8) and extract (numeric).
const partOrNull = (v: number | null): Value => v;
// date_part(text, date) is `date_part($1, $2::timestamp)` in pg_proc.
fn('date_part', [T, D], F8, (a) => partOrNull(datePartTimestamp(a[0] as string, dateToTimestamp(a[1] as number))));
fn('date_part', [T, TM], F8, (a) => datePartTime(a[0] as string, a[1] as number));
fn('date_part', [T, TTZ], F8, (a) => datePartTimetz(a[0] as string, a[1] as TimeTz));
fn('date_part', [T, TS], F8, (a) => partOrNull(datePartTimestamp(a[0] as string, a[1] as bigint)));
fn('date_part', [T, TSTZ], F8, (a, rt) => partOrNull(datePartTimestamptz(a[0] as string, a[1] as bigint, zoneOf(rt))), { volatility: 's' });
fn('date_part', [T, IV], F8, (a) => partOrNull(datePartInterval(a[0] as string, iv(a[1]))));
const num = (s: string | null): Value => (s === null ? null : parseNumeric(s));
fn('extract', [T, D], OID.numeric, (a) => num(extractDate(a[0] as string, a[1] as number)));
fn('extract', [T, TM], OID.numeric, (a) => num(extractTime(a[0] as string, a[1] as number)));
fn('extract', [T, TTZ], OID.numeric, (a) => num(extractTimetz(a[0] as string, a[1] as TimeTz)));
fn('extract', [T, TS], OID.numeric, (a) => num(extractTimestamp(a[0] as string, a[1] as bigint)));
fn('extract', [T, TSTZ], OID.numeric, (a, rt) => num(extractTimestamptz(a[0] as string, a[1] as bigint, zoneOf(rt))), { volatility: 's' });
fn('extract', [T, IV], OID.numeric, (a) => num(extractInterval(a[0] as string, iv(a[1]))));

// age.
fn('age', [TS, TS], IV, (a) => ageTimestamp(a[0] as bigint, a[1] as bigint));
fn('age', [TSTZ, TSTZ], IV, (a, rt) => ageTimestamptz(a[0] as bigint, a[1] as bigint, zoneOf(rt)));
fn('age', [TS], IV, (a, rt) => ageTimestampFromToday(a[0] as bigint, rt.session.transactionTimestamp(), zoneOf(rt)), { volatility: 's' });
fn('age', [TSTZ], IV, (a, rt) => ageTimestamptzFromToday(a[0] as bigint, rt.session.transactionTimestamp(), zoneOf(rt)), { volatility: 's' });

// Constructors.
fn('make_date', [I4, I4, I4], D, (a) => makeDate(a[0] as number, a[1] as number, a[2] as number));
fn('make_time', [I4, I4, F8], TM, (a) => makeTime(a[0] as number, a[1] as number, a[2] as number));
fn('make_timestamp', [I4, I4, I4, I4, I4, F8], TS, (a) =>
  makeTimestamp(a[0] as number, a[1] as number, a[2] as number, a[3] as number, a[4] as number, a[5] as number),
);
fn(
  'make_timestamptz',
  [I4, I4, I4, I4, I4, F8],
  TSTZ,
  (a, rt) => makeTimestamptz(a[0] as number, a[1] as number, a[2] as number, a[3] as number, a[4] as number, a[5] as number, zoneOf(rt)),
  { volatility: 's' },
);
fn(
  'make_timestamptz',
  [I4, I4, I4, I4, I4, F8, T],
  TSTZ,
  (a, rt) =>
    makeTimestamptz(a[0] as number, a[1] as number, a[2] as number, a[3] as number, a[4] as number, a[5] as number, zoneOf(rt), a[6] as string),
  { volatility: 's' },
);
fn(
  'make_interval',
  [I4, I4, I4, I4, I4, I4, F8],
  IV,
  (a) => makeInterval(...(a.map((x) => x as number) as [number, number, number, number, number, number, number])),
  { defaults: 7, argNames: ['years', 'months', 'weeks', 'days', 'hours', 'mins', 'secs'], argDefaults: [0, 0, 0, 0, 0, 0, 0] },
);

fn('justify_days', [IV], IV, (a) => justifyDays(iv(a[0])));
fn('justify_hours', [IV], IV, (a) => justifyHours(iv(a[0])));
fn('justify_interval', [IV], IV, (a) => justifyInterval(iv(a[0])));
fn('date_bin', [IV, TS, TS], TS, (a) => dateBin(iv(a[0]), a[1] as bigint, a[2] as bigint));
fn('date_bin', [IV, TSTZ, TSTZ], TSTZ, (a) => dateBin(iv(a[0]), a[1] as bigint, a[2] as bigint));
for (const t of [D, TS, TSTZ, IV]) fn('isfinite', [t], OID.bool, (a) => isFiniteDateTime(a[0] as number | bigint | Interval));

// timezone(): AT TIME ZONE (zone text or interval) and AT LOCAL (session zone).
fn('timezone', [T, TS], TSTZ, (a, rt) => timestampAtTimeZone(a[1] as bigint, a[0] as string, zoneOf(rt)));
fn('timezone', [T, TSTZ], TS, (a, rt) => timestamptzAtTimeZone(a[1] as bigint, a[0] as string, zoneOf(rt)));
fn('timezone', [T, TTZ], TTZ, (a, rt) => timetzAtTimeZone(a[1] as TimeTz, a[0] as string, rt.session.transactionTimestamp(), zoneOf(rt)), {
  volatility: 's',
});
fn('timezone', [IV, TS], TSTZ, (a, rt) => timestampAtIntervalZone(a[1] as bigint, iv(a[0]), rt.session.io.intervalStyle));
fn('timezone', [IV, TSTZ], TS, (a, rt) => timestamptzAtIntervalZone(a[1] as bigint, iv(a[0]), rt.session.io.intervalStyle));
fn('timezone', [IV, TTZ], TTZ, (a, rt) => timetzAtIntervalZone(a[1] as TimeTz, iv(a[0]), rt.session.io.intervalStyle));
fn('timezone', [TS], TSTZ, (a, rt) => timestampToTimestamptz(a[0] as bigint, zoneOf(rt)), { volatility: 's' });
fn('timezone', [TSTZ], TS, (a, rt) => timestamptzToTimestamp(a[0] as bigint, zoneOf(rt)), { volatility: 's' });
fn(
  'timezone',
  [TTZ],
  TTZ,
  (a, rt) => {
    const t = a[0] as TimeTz;
    const off = zoneOf(rt).utcOffset(rt.session.transactionTimestamp());
    let time = t.time + (off - t.offset) * 1_000_000;
    time = ((time % 86_400_000_000) + 86_400_000_000) % 86_400_000_000;
    return { time, offset: off };
  },
  { volatility: 's' },
);

// date_add / date_subtract.
fn('date_add', [TSTZ, IV], TSTZ, (a, rt) => timestamptzPlusInterval(a[0] as bigint, iv(a[1]), zoneOf(rt)), { volatility: 's' });
fn('date_add', [TSTZ, IV, T], TSTZ, (a, rt) => timestamptzPlusInterval(a[0] as bigint, iv(a[1]), zoneArg(a[2] as string, rt)));
fn('date_subtract', [TSTZ, IV], TSTZ, (a, rt) => timestamptzMinusInterval(a[0] as bigint, iv(a[1]), zoneOf(rt)), { volatility: 's' });
fn('date_subtract', [TSTZ, IV, T], TSTZ, (a, rt) => timestamptzMinusInterval(a[0] as bigint, iv(a[1]), zoneArg(a[2] as string, rt)));

// to_timestamp(float8): seconds since the Unix epoch.
fn('to_timestamp', [F8], TSTZ, (a) => {
  const x = a[0] as number;
  if (Number.isNaN(x)) throw new PgError(SQLSTATE.datetime_field_overflow, 'timestamp cannot be NaN');
  if (x === Infinity) return TS_INFINITY;
  if (x === -Infinity) return TS_NEG_INFINITY;
  const us = Math.round(x * 1_000_000);
  const ts = BigInt(us) - 946_684_800_000_000n;
  if (!Number.isFinite(us) || Math.abs(x) > 9.3e12 || !isValidTimestamp(ts)) {
    throw new PgError(SQLSTATE.datetime_field_overflow, `timestamp out of range: "${float8Out(x)}"`);
  }
  return ts;
});

// generate_series over timestamps.
function zeroOrInfiniteStep(step: Interval): void {
  if (isIntervalInfinite(step)) throw new PgError(SQLSTATE.invalid_parameter_value, 'step size cannot be infinite');
  if (step.months === 0 && step.days === 0 && step.micros === 0n) {
    throw new PgError(SQLSTATE.invalid_parameter_value, 'step size cannot equal zero');
  }
}
function stepSign(step: Interval): number {
  // Postgres compares the step with a zero interval (30-day months, 24-hour days).
  const span = BigInt(step.months) * 30n * 86_400_000_000n + BigInt(step.days) * 86_400_000_000n + step.micros;
  return span > 0n ? 1 : span < 0n ? -1 : 0;
}
function* tsSeries(start: bigint, stop: bigint, step: Interval, add: (t: bigint, s: Interval) => bigint): Generator<Value> {
  zeroOrInfiniteStep(step);
  const up = stepSign(step) > 0;
  for (let t = start; up ? t <= stop : t >= stop; t = add(t, step)) {
    yield t;
    if (t === TS_INFINITY || t === TS_NEG_INFINITY) return;
  }
}
fn('generate_series', [TS, TS, IV], TS, (a) => tsSeries(a[0] as bigint, a[1] as bigint, iv(a[2]), timestampPlusInterval), { retset: true });
fn(
  'generate_series',
  [TSTZ, TSTZ, IV],
  TSTZ,
  (a, rt) => {
    const zone = zoneOf(rt);
    return tsSeries(a[0] as bigint, a[1] as bigint, iv(a[2]), (t, s) => timestamptzPlusInterval(t, s, zone));
  },
  { retset: true, volatility: 's' },
);
fn(
  'generate_series',
  [TSTZ, TSTZ, IV, T],
  TSTZ,
  (a, rt) => {
    const zone = zoneArg(a[3] as string, rt);
    return tsSeries(a[0] as bigint, a[1] as bigint, iv(a[2]), (t, s) => timestamptzPlusInterval(t, s, zone));
  },
  { retset: true },
);
