/**
 * Date/time functions against the oracle: extract (numeric) and date_part (float8) of every field
 * for every type, date_trunc for every unit (with and without a zone argument), make_date /
 * make_time / make_timestamp / make_timestamptz / make_interval, AT TIME ZONE with names,
 * abbreviations, POSIX strings and intervals, casts between the types, and isfinite().
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  timestampAtIntervalZone, timestampAtTimeZone, timestamptzAtIntervalZone, timestamptzAtTimeZone, timetzAtIntervalZone,
  timetzAtTimeZone,
} from '../../../../src/types/datetime/at-time-zone.js';
import {
  dateAddTime, dateAddTimetz, dateToTimestamp, dateToTimestamptz, intervalToTime, isFiniteDateTime, timeDiff,
  timeMinusInterval, timePlusInterval, timeToTimetz, timestampToDate, timestampToTime, timestampToTimestamptz,
  timestamptzToDate, timestamptzToTime, timestamptzToTimestamp, timestamptzToTimetz,
} from '../../../../src/types/datetime/casts.js';
import { dateIn, dateOut } from '../../../../src/types/datetime/date.js';
import {
  datePartInterval, datePartTime, datePartTimestamp, datePartTimestamptz, datePartTimetz, extractDate, extractInterval,
  extractTime, extractTimestamp, extractTimestamptz, extractTimetz,
} from '../../../../src/types/datetime/extract.js';
import { intervalIn, intervalOut } from '../../../../src/types/datetime/interval.js';
import { makeDate, makeInterval, makeTime, makeTimestamp, makeTimestamptz } from '../../../../src/types/datetime/make.js';
import { timeIn, timeOut } from '../../../../src/types/datetime/time.js';
import { timestampIn, timestampOut, timestamptzIn, timestamptzOut } from '../../../../src/types/datetime/timestamp.js';
import { sessionTimeZone } from '../../../../src/types/datetime/timezone.js';
import { timetzIn, timetzOut } from '../../../../src/types/datetime/timetz.js';
import { dateTruncInterval, dateTruncTimestamp, dateTruncTimestamptz } from '../../../../src/types/datetime/trunc.js';
import { zoneFromArgument } from '../../../../src/types/datetime/zone-arg.js';
import { arbIntervalText, arbPlainTimestampText } from './generators.js';
import { contextFor, fauxEval, lit, mismatches, OracleEval, type OracleSettings } from './oracle-eval.js';

let o: OracleEval;
beforeAll(async () => {
  o = await OracleEval.connect();
});
afterAll(async () => {
  await o.close();
});

interface Case {
  sql: string;
  ours: () => string;
}

async function check(cases: Case[], settings: OracleSettings = {}, withNow?: (now: bigint) => Case[]): Promise<string[]> {
  const { results, now } = await o.evalAll([...cases.map((c) => c.sql), ...(withNow ? withNow(0n).map((c) => c.sql) : [])], settings);
  const all = [...cases, ...(withNow ? withNow(now) : [])];
  return mismatches(all.map((c) => `${settings.timeZone ?? 'UTC'}: ${c.sql}`), results, all.map((c) => fauxEval(c.ours)));
}

/** float8 text as Postgres prints it (shortest round-trip, exponent beyond 1e15). */
function float8Text(x: number | null): string {
  if (x === null) return 'NULL';
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  if (Object.is(x, -0)) return '-0';
  const a = Math.abs(x);
  if (a !== 0 && (a >= 1e15 || a < 1e-4)) {
    const [m, e] = x.toExponential().split('e');
    const en = Number(e);
    return `${m}e${en < 0 ? '-' : '+'}${String(Math.abs(en)).padStart(2, '0')}`;
  }
  return String(x);
}
const nullText = (v: string | null): string => v ?? 'NULL';

const FIELDS = [
  'microseconds', 'milliseconds', 'second', 'minute', 'hour', 'day', 'month', 'quarter', 'week', 'year', 'decade',
  'century', 'millennium', 'julian', 'isoyear', 'dow', 'isodow', 'doy', 'epoch', 'timezone', 'timezone_hour',
  'timezone_minute', 'foo', 'now', 'MONTH', 'months', 'msec', 'jd', 'us', 'infinity', 'jan',
];
const TIMESTAMPS = [
  '2024-01-31 13:45:00.123456', '2024-12-30 00:00', '2021-01-03 23:59:59.999999', '2020-12-31 12:00', '0001-01-01',
  '0001-12-31 23:00 BC', '0010-06-01 BC', '0100-01-01 BC', '1000-01-01', '2000-01-01', '2001-01-01', '4714-11-24 BC',
  '294276-12-31 23:59:59.999999', 'infinity', '-infinity', '1969-12-31 23:59:59.5', '2024-03-10 03:00',
];
const gTs = fc.sample(arbPlainTimestampText, { seed: 42, numRuns: 60 });
const gIv = fc.sample(arbIntervalText, { seed: 44, numRuns: 60 });

describe('extract and date_part', () => {
  it('timestamp', async () => {
    const ctx = contextFor({});
    const cases = [...TIMESTAMPS, ...gTs].flatMap((t) =>
      FIELDS.flatMap((f) => [
        { sql: `extract(${JSON.stringify(f)} from ${lit(t)}::timestamp)`, ours: () => nullText(extractTimestamp(f, timestampIn(t, -1, ctx))) },
        { sql: `date_part(${lit(f)}, ${lit(t)}::timestamp)`, ours: () => float8Text(datePartTimestamp(f, timestampIn(t, -1, ctx))) },
      ]),
    );
    expect(await check(cases)).toEqual([]);
  });
  for (const timeZone of ['America/New_York', 'Asia/Kathmandu', 'Europe/Paris']) {
    it(`timestamptz under ${timeZone}`, async () => {
      const ctx = contextFor({ timeZone });
      const zone = sessionTimeZone(ctx);
      const cases = [...TIMESTAMPS, ...gTs.slice(0, 20)].flatMap((t) =>
        FIELDS.flatMap((f) => [
          { sql: `extract(${JSON.stringify(f)} from ${lit(t)}::timestamptz)`, ours: () => nullText(extractTimestamptz(f, timestamptzIn(t, -1, ctx), zone)) },
          { sql: `date_part(${lit(f)}, ${lit(t)}::timestamptz)`, ours: () => float8Text(datePartTimestamptz(f, timestamptzIn(t, -1, ctx), zone)) },
        ]),
      );
      expect(await check(cases, { timeZone })).toEqual([]);
    });
  }
  it('date, time, timetz, interval', async () => {
    const ctx = contextFor({});
    const dates = [...TIMESTAMPS, ...gTs.slice(0, 20)].map((t) => (t.includes('inf') ? t : t.slice(0, 10) + (t.endsWith('BC') ? ' BC' : '')));
    const times = ['00:00', '13:45:00.123456', '24:00', '23:59:59.999999', '12:00:30.5'];
    const timetzs = ['13:45:00.123456+05:30', '00:00-12:45', '23:59:59+14', '12:00-00:00:30', '12:00+00'];
    const ivs = ['1 year 2 mons 3 days 04:05:06.789', '-1 year -2 mons', '-7 mons', '-13 mons', '5 mons', '100 years 11 mons', '-00:00:00.5', '1000 years', '-1001 years', 'infinity', '-infinity', '25:00:00', '-25:30:15.25', ...gIv.slice(0, 30)];
    const cases: Case[] = [];
    for (const f of FIELDS) {
      for (const d of dates) {
        cases.push({ sql: `extract(${JSON.stringify(f)} from ${lit(d)}::date)`, ours: () => nullText(extractDate(f, dateIn(d, ctx))) });
        cases.push({ sql: `date_part(${lit(f)}, ${lit(d)}::date)`, ours: () => float8Text(datePartTimestamp(f, dateToTimestamp(dateIn(d, ctx)))) });
      }
      for (const t of times) {
        cases.push({ sql: `extract(${JSON.stringify(f)} from ${lit(t)}::time)`, ours: () => extractTime(f, timeIn(t, -1, ctx)) });
        cases.push({ sql: `date_part(${lit(f)}, ${lit(t)}::time)`, ours: () => float8Text(datePartTime(f, timeIn(t, -1, ctx))) });
      }
      for (const t of timetzs) {
        cases.push({ sql: `extract(${JSON.stringify(f)} from ${lit(t)}::timetz)`, ours: () => extractTimetz(f, timetzIn(t, -1, ctx)) });
        cases.push({ sql: `date_part(${lit(f)}, ${lit(t)}::timetz)`, ours: () => float8Text(datePartTimetz(f, timetzIn(t, -1, ctx))) });
      }
      for (const v of ivs) {
        cases.push({ sql: `extract(${JSON.stringify(f)} from ${lit(v)}::interval)`, ours: () => nullText(extractInterval(f, intervalIn(v, -1, ctx))) });
        cases.push({ sql: `date_part(${lit(f)}, ${lit(v)}::interval)`, ours: () => float8Text(datePartInterval(f, intervalIn(v, -1, ctx))) });
      }
    }
    expect(await check(cases)).toEqual([]);
  });
});

const UNITS = [
  'microseconds', 'milliseconds', 'second', 'minute', 'hour', 'day', 'week', 'month', 'quarter', 'year', 'decade',
  'century', 'millennium', 'dow', 'epoch', 'foo', 'Hour', 'timezone', 'julian',
];

describe('date_trunc', () => {
  it('timestamp and interval', async () => {
    const ctx = contextFor({});
    const ivs = ['1 year 2 mons 3 days 04:05:06.789', '-1234 years -7 mons -3 days -04:05:06.789', 'infinity', '-infinity', '1999 years 11 mons', ...gIv.slice(0, 20)];
    const cases: Case[] = UNITS.flatMap((u) => [
      ...[...TIMESTAMPS, ...gTs].map((t) => ({
        sql: `date_trunc(${lit(u)}, ${lit(t)}::timestamp)`,
        ours: () => timestampOut(dateTruncTimestamp(u, timestampIn(t, -1, ctx)), ctx),
      })),
      ...ivs.map((v) => ({ sql: `date_trunc(${lit(u)}, ${lit(v)}::interval)`, ours: () => intervalOut(dateTruncInterval(u, intervalIn(v, -1, ctx)), ctx) })),
    ]);
    expect(await check(cases)).toEqual([]);
  });
  for (const timeZone of ['America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata']) {
    it(`timestamptz under ${timeZone}, and with a zone argument`, async () => {
      const ctx = contextFor({ timeZone });
      const zone = sessionTimeZone(ctx);
      const extra = ['2024-11-03 01:30-05', '2024-11-03 01:30-04', '2024-03-10 03:30-04', '2024-04-07 01:45+10:30', '2024-04-07 01:45+11'];
      const cases: Case[] = UNITS.flatMap((u) =>
        [...TIMESTAMPS, ...extra, ...gTs.slice(0, 30)].flatMap((t) => [
          { sql: `date_trunc(${lit(u)}, ${lit(t)}::timestamptz)`, ours: () => timestamptzOut(dateTruncTimestamptz(u, timestamptzIn(t, -1, ctx), zone), ctx) },
          { sql: `date_trunc(${lit(u)}, ${lit(t)}::timestamptz, 'Europe/Berlin')`, ours: () => timestamptzOut(dateTruncTimestamptz(u, timestamptzIn(t, -1, ctx), zoneFromArgument('Europe/Berlin')), ctx) },
          { sql: `date_trunc(${lit(u)}, ${lit(t)}::timestamptz, 'EST')`, ours: () => timestamptzOut(dateTruncTimestamptz(u, timestamptzIn(t, -1, ctx), zoneFromArgument('EST')), ctx) },
        ]),
      );
      expect(await check(cases, { timeZone })).toEqual([]);
    });
  }
});

describe('make_* functions', () => {
  it('make_date, make_time, make_timestamp, make_interval', async () => {
    const ctx = contextFor({});
    const dates: [number, number, number][] = [[2024, 2, 29], [2023, 2, 29], [-44, 3, 15], [-44, 13, 1], [0, 1, 1], [2024, 0, 1], [2024, 1, 32], [5874897, 12, 31], [5874898, 1, 1], [-4713, 11, 24], [-4714, 11, 24], [-4714, 11, 23], [1, 1, 1], [-1, 12, 31], [294277, 1, 1], [294276, 12, 31]];
    const times: [number, number, number][] = [[0, 0, 0], [23, 59, 59.999999], [24, 0, 0], [24, 0, 0.0000001], [24, 0, 1], [12, 60, 0], [-1, 0, 0], [12, 0, 60], [12, 0, 60.5], [12, 30, 5.5], [1, 2, 1e10], [1, 2, -0.5], [12, 0, 1.0000005]];
    const cases: Case[] = [];
    for (const [y, m, d] of dates) {
      cases.push({ sql: `make_date(${y}, ${m}, ${d})`, ours: () => dateOut(makeDate(y, m, d), ctx) });
      for (const [h, mi, s] of times.slice(0, 4)) {
        cases.push({ sql: `make_timestamp(${y}, ${m}, ${d}, ${h}, ${mi}, ${s})`, ours: () => timestampOut(makeTimestamp(y, m, d, h, mi, s), ctx) });
      }
    }
    for (const [h, mi, s] of times) {
      cases.push({ sql: `make_time(${h}, ${mi}, ${s})`, ours: () => timeOut(makeTime(h, mi, s)) });
      cases.push({ sql: `make_timestamp(2024, 1, 1, ${h}, ${mi}, ${s})`, ours: () => timestampOut(makeTimestamp(2024, 1, 1, h, mi, s), ctx) });
    }
    cases.push({ sql: `make_time(1, 2, 'nan')`, ours: () => timeOut(makeTime(1, 2, NaN)) });
    const ivArgs: number[][] = [[], [1], [1, 2, 3, 4, 5, 6, 7.5], [-1, -2, -3, -4, -5, -6, -7.25], [0, 0, 0, 0, 0, 0, 0.0000005], [178956970, 7], [178956970, 8], [0, 0, 306783378, 2], [0, 0, 0, 0, 0, 0, 1e300]];
    const names = ['years', 'months', 'weeks', 'days', 'hours', 'mins', 'secs'];
    for (const args of ivArgs) {
      const sqlArgs = args.map((a, i) => `${names[i]} => ${a}`).join(', ');
      cases.push({ sql: `make_interval(${sqlArgs})`, ours: () => intervalOut(makeInterval(...args), ctx) });
    }
    expect(await check(cases)).toEqual([]);
  });
  for (const timeZone of ['America/New_York', 'UTC+3']) {
    it(`make_timestamptz under ${timeZone}`, async () => {
      const ctx = contextFor({ timeZone });
      const zone = sessionTimeZone(ctx);
      const zones = [undefined, '+05', '-05:30', '5', '+16', 'EST', 'est', 'UTC', 'America/Chicago', 'UTC+3', '+5x', 'Mars/X', 'Asia/Kolkata'];
      const moments: number[][] = [[2024, 3, 10, 2, 30, 0], [2024, 11, 3, 1, 30, 0], [2024, 7, 1, 12, 0, 0], [1800, 1, 1, 0, 0, 0], [-44, 3, 15, 12, 0, 0]];
      const cases: Case[] = moments.flatMap(([y, m, d, h, mi, s]) =>
        zones.map((z) => ({
          sql: `make_timestamptz(${y}, ${m}, ${d}, ${h}, ${mi}, ${s}${z === undefined ? '' : `, ${lit(z)}`})`,
          ours: () => timestamptzOut(makeTimestamptz(y!, m!, d!, h!, mi!, s!, zone, z), ctx),
        })),
      );
      expect(await check(cases, { timeZone })).toEqual([]);
    });
  }
});

describe('AT TIME ZONE', () => {
  const zones = ['UTC', 'EST', 'est', 'EDT', 'America/New_York', 'Asia/Kolkata', '+05', '-05:30', 'UTC+3', 'EST5EDT', 'Mars/Base', 'Europe/London', 'z', 'Pacific/Chatham', ''];
  const ivZones = ['05:30', '-08:00', '1 day', '1 mon', '00:00:30.5', 'infinity', '-14:00'];
  for (const timeZone of ['UTC', 'America/Los_Angeles']) {
    it(`text and interval zones under ${timeZone}`, async () => {
      const ctx = contextFor({ timeZone });
      const zone = sessionTimeZone(ctx);
      const stamps = ['2024-03-10 02:30', '2024-11-03 01:30', '2024-07-01 12:00', '1800-01-01', 'infinity', '294276-12-31 23:00', ...gTs.slice(0, 10)];
      const timetzs = ['12:00+00', '23:30-05', '00:15+05:30'];
      const cases: Case[] = [];
      for (const z of zones) {
        for (const t of stamps) {
          cases.push({ sql: `${lit(t)}::timestamp AT TIME ZONE ${lit(z)}`, ours: () => timestamptzOut(timestampAtTimeZone(timestampIn(t, -1, ctx), z, zone), ctx) });
          cases.push({ sql: `${lit(t)}::timestamptz AT TIME ZONE ${lit(z)}`, ours: () => timestampOut(timestamptzAtTimeZone(timestamptzIn(t, -1, ctx), z, zone), ctx) });
        }
      }
      for (const z of ivZones) {
        for (const t of stamps) {
          cases.push({ sql: `${lit(t)}::timestamp AT TIME ZONE ${lit(z)}::interval`, ours: () => timestamptzOut(timestampAtIntervalZone(timestampIn(t, -1, ctx), intervalIn(z, -1, ctx)), ctx) });
          cases.push({ sql: `${lit(t)}::timestamptz AT TIME ZONE ${lit(z)}::interval`, ours: () => timestampOut(timestamptzAtIntervalZone(timestamptzIn(t, -1, ctx), intervalIn(z, -1, ctx)), ctx) });
        }
        for (const t of timetzs) {
          cases.push({ sql: `${lit(t)}::timetz AT TIME ZONE ${lit(z)}::interval`, ours: () => timetzOut(timetzAtIntervalZone(timetzIn(t, -1, ctx), intervalIn(z, -1, ctx))) });
        }
      }
      const withNow = (now: bigint): Case[] =>
        zones.flatMap((z) => timetzs.map((t) => ({
          sql: `${lit(t)}::timetz AT TIME ZONE ${lit(z)}`,
          ours: () => timetzOut(timetzAtTimeZone(timetzIn(t, -1, ctx), z, now, zone)),
        })));
      expect(await check(cases, { timeZone }, withNow)).toEqual([]);
    });
  }
});

describe('casts and isfinite', () => {
  for (const timeZone of ['UTC', 'America/New_York', 'Asia/Kathmandu']) {
    it(`under ${timeZone}`, async () => {
      const ctx = contextFor({ timeZone });
      const zone = sessionTimeZone(ctx);
      const stamps = [...TIMESTAMPS, '2024-03-10 02:30', '2024-11-03 01:30', '294276-12-31 23:59:59', ...gTs.slice(0, 20)];
      const dates = ['2024-01-31', '294276-12-31', '294277-01-01', '4714-11-24 BC', '5874897-12-31', 'infinity', '-infinity', '2024-03-10'];
      const cases: Case[] = [];
      for (const t of stamps) {
        cases.push({ sql: `${lit(t)}::timestamp::date`, ours: () => dateOut(timestampToDate(timestampIn(t, -1, ctx)), ctx) });
        cases.push({ sql: `${lit(t)}::timestamptz::date`, ours: () => dateOut(timestamptzToDate(timestamptzIn(t, -1, ctx), zone), ctx) });
        cases.push({ sql: `${lit(t)}::timestamp::timestamptz`, ours: () => timestamptzOut(timestampToTimestamptz(timestampIn(t, -1, ctx), zone), ctx) });
        cases.push({ sql: `${lit(t)}::timestamptz::timestamp`, ours: () => timestampOut(timestamptzToTimestamp(timestamptzIn(t, -1, ctx), zone), ctx) });
        cases.push({ sql: `${lit(t)}::timestamp::time`, ours: () => nullText(fauxOrNull(timestampToTime(timestampIn(t, -1, ctx)), timeOut)) });
        cases.push({ sql: `${lit(t)}::timestamptz::time`, ours: () => nullText(fauxOrNull(timestamptzToTime(timestamptzIn(t, -1, ctx), zone), timeOut)) });
        cases.push({ sql: `${lit(t)}::timestamptz::timetz`, ours: () => nullText(fauxOrNull(timestamptzToTimetz(timestamptzIn(t, -1, ctx), zone), timetzOut)) });
        cases.push({ sql: `isfinite(${lit(t)}::timestamp)`, ours: () => (isFiniteDateTime(timestampIn(t, -1, ctx)) ? 'true' : 'false') });
      }
      for (const d of dates) {
        cases.push({ sql: `${lit(d)}::date::timestamp`, ours: () => timestampOut(dateToTimestamp(dateIn(d, ctx)), ctx) });
        cases.push({ sql: `${lit(d)}::date::timestamptz`, ours: () => timestamptzOut(dateToTimestamptz(dateIn(d, ctx), zone), ctx) });
        cases.push({ sql: `${lit(d)}::date + '12:30'::time`, ours: () => timestampOut(dateAddTime(dateIn(d, ctx), timeIn('12:30', -1, ctx)), ctx) });
        cases.push({ sql: `${lit(d)}::date + '12:30-05'::timetz`, ours: () => timestamptzOut(dateAddTimetz(dateIn(d, ctx), timetzIn('12:30-05', -1, ctx)), ctx) });
        cases.push({ sql: `isfinite(${lit(d)}::date)`, ours: () => (isFiniteDateTime(dateIn(d, ctx)) ? 'true' : 'false') });
      }
      for (const v of ['25:30:00', '-01:00', '3 days 04:00', 'infinity', '-1 mon -00:00:01']) {
        cases.push({ sql: `${lit(v)}::interval::time`, ours: () => timeOut(intervalToTime(intervalIn(v, -1, ctx))) });
        cases.push({ sql: `'23:30'::time + ${lit(v)}::interval`, ours: () => timeOut(timePlusInterval(timeIn('23:30', -1, ctx), intervalIn(v, -1, ctx))) });
        cases.push({ sql: `'00:30'::time - ${lit(v)}::interval`, ours: () => timeOut(timeMinusInterval(timeIn('00:30', -1, ctx), intervalIn(v, -1, ctx))) });
        cases.push({ sql: `isfinite(${lit(v)}::interval)`, ours: () => (isFiniteDateTime(intervalIn(v, -1, ctx)) ? 'true' : 'false') });
      }
      cases.push({ sql: `'01:00'::time - '23:00'::time`, ours: () => intervalOut(timeDiff(timeIn('01:00', -1, ctx), timeIn('23:00', -1, ctx)), ctx) });
      const withNow = (now: bigint): Case[] =>
        ['00:00', '02:30', '12:00'].map((t) => ({ sql: `${lit(t)}::time::timetz`, ours: () => timetzOut(timeToTimetz(timeIn(t, -1, ctx), zone, now)) }));
      expect(await check(cases, { timeZone }, withNow)).toEqual([]);
    });
  }
});

function fauxOrNull<T>(v: T | null, f: (x: T) => string): string | null {
  return v === null ? null : f(v);
}
