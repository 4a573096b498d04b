/**
 * Date/time arithmetic against the oracle computing the same expressions: timestamp(tz) ±
 * interval (end-of-month clamping, DST in the session zone), timestamp differences, date ±
 * integer, date - date, date ± interval, interval + - * / and unary minus, justify_*, age() and
 * date_bin(), on hand-picked and generated operands.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateIn, dateOut } from '../../../../src/types/datetime/date.js';
import { intervalIn, intervalOut } from '../../../../src/types/datetime/interval.js';
import {
  intervalAdd, intervalDiv, intervalMul, intervalNegate, intervalSub, justifyDays, justifyHours, justifyInterval,
} from '../../../../src/types/datetime/interval-arith.js';
import {
  ageTimestamp, ageTimestampFromToday, ageTimestamptz, ageTimestamptzFromToday, dateAddDays, dateBin, dateDiff, dateMinusInterval, datePlusInterval, dateSubDays,
  timestampDiff, timestampMinusInterval, timestampPlusInterval, timestamptzMinusInterval, timestamptzPlusInterval,
} from '../../../../src/types/datetime/timestamp-arith.js';
import { timestampIn, timestampOut, timestamptzIn, timestamptzOut } from '../../../../src/types/datetime/timestamp.js';
import { sessionTimeZone } from '../../../../src/types/datetime/timezone.js';
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

async function check(cases: Case[], settings: OracleSettings = {}): Promise<string[]> {
  const { results } = await o.evalAll(cases.map((c) => c.sql), settings);
  return mismatches(cases.map((c) => `${settings.timeZone ?? 'UTC'}: ${c.sql}`), results, cases.map((c) => fauxEval(c.ours)));
}

const TIMESTAMPS = [
  '2024-01-31 00:00', '2024-02-29 12:00', '2023-01-31 23:59:59.999999', '2024-03-10 01:30', '2024-11-03 01:30',
  '2024-03-31 01:30', '2024-10-27 01:30', '0001-01-01 00:00', '0044-03-15 12:00 BC', '294276-12-31 23:59:59',
  '4714-11-24 00:00 BC', '1999-12-31 23:59:59.5', 'infinity', '-infinity', '2000-02-29 00:00', '1900-02-28 00:00',
];
const INTERVALS = [
  '1 mon', '-1 mon', '1 day', '-1 day', '24 hours', '1 year', '1 mon 1 day 1 hour', '-1 year -1 mon', '13 mons',
  '1.5 days', '00:00:00.000001', '1000000 years', '-178956970 years', 'infinity', '-infinity', '12 mons -1 day',
  '2 days -48:00:00', '0', '1 week', '-00:00:00.5', '106751991 days', '-106751991 days 23:00:00',
];
const gTs = fc.sample(arbPlainTimestampText, { seed: 42, numRuns: 150 });
const gIv = fc.sample(arbIntervalText, { seed: 43, numRuns: 150 });

describe('timestamp ± interval', () => {
  const pairs: [string, string][] = [
    ...TIMESTAMPS.flatMap((t) => INTERVALS.map((i) => [t, i] as [string, string])),
    ...gTs.map((t, k) => [t, gIv[k]!] as [string, string]),
  ];
  it('timestamp', async () => {
    const ctx = contextFor({});
    const ts = (s: string) => timestampIn(s, -1, ctx);
    const iv = (s: string) => intervalIn(s, -1, ctx);
    const cases = pairs.flatMap(([t, i]) => [
      { sql: `${lit(t)}::timestamp + ${lit(i)}::interval`, ours: () => timestampOut(timestampPlusInterval(ts(t), iv(i)), ctx) },
      { sql: `${lit(t)}::timestamp - ${lit(i)}::interval`, ours: () => timestampOut(timestampMinusInterval(ts(t), iv(i)), ctx) },
    ]);
    expect(await check(cases)).toEqual([]);
  });
  for (const timeZone of ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC+3']) {
    it(`timestamptz under ${timeZone}`, async () => {
      const ctx = contextFor({ timeZone });
      const zone = sessionTimeZone(ctx);
      const ts = (s: string) => timestamptzIn(s, -1, ctx);
      const iv = (s: string) => intervalIn(s, -1, ctx);
      const cases = pairs.flatMap(([t, i]) => [
        { sql: `${lit(t)}::timestamptz + ${lit(i)}::interval`, ours: () => timestamptzOut(timestamptzPlusInterval(ts(t), iv(i), zone), ctx) },
        { sql: `${lit(t)}::timestamptz - ${lit(i)}::interval`, ours: () => timestamptzOut(timestamptzMinusInterval(ts(t), iv(i), zone), ctx) },
      ]);
      expect(await check(cases, { timeZone })).toEqual([]);
    });
  }
});

describe('differences and age', () => {
  const all = [...TIMESTAMPS, ...gTs.slice(0, 60)];
  const pairs = all.flatMap((a, i) => all.filter((_, j) => (i * 7 + j) % 5 === 0).map((b) => [a, b] as const));
  it('timestamp - timestamp and age(timestamp, timestamp)', async () => {
    const ctx = contextFor({});
    const ts = (s: string) => timestampIn(s, -1, ctx);
    const cases = pairs.flatMap(([a, b]) => [
      { sql: `${lit(a)}::timestamp - ${lit(b)}::timestamp`, ours: () => intervalOut(timestampDiff(ts(a), ts(b)), ctx) },
      { sql: `age(${lit(a)}::timestamp, ${lit(b)}::timestamp)`, ours: () => intervalOut(ageTimestamp(ts(a), ts(b)), ctx) },
    ]);
    expect(await check(cases)).toEqual([]);
  });
  for (const timeZone of ['America/New_York', 'Asia/Kathmandu']) {
    it(`timestamptz - timestamptz and age() under ${timeZone}`, async () => {
      const ctx = contextFor({ timeZone });
      const zone = sessionTimeZone(ctx);
      const ts = (s: string) => timestamptzIn(s, -1, ctx);
      const cases = pairs.flatMap(([a, b]) => [
        { sql: `${lit(a)}::timestamptz - ${lit(b)}::timestamptz`, ours: () => intervalOut(timestampDiff(ts(a), ts(b)), ctx) },
        { sql: `age(${lit(a)}::timestamptz, ${lit(b)}::timestamptz)`, ours: () => intervalOut(ageTimestamptz(ts(a), ts(b), zone), ctx) },
      ]);
      expect(await check(cases, { timeZone })).toEqual([]);
    });
  }
});

describe('age(x) from the current date', () => {
  for (const timeZone of ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles']) {
    it(`under ${timeZone}`, async () => {
      const stamps = ['2024-02-29 12:00', '1999-12-31 23:59:59.5', '0044-03-15 BC', 'infinity', '2100-01-01', ...gTs.slice(0, 20)];
      const exprs = stamps.flatMap((t) => [`age(${lit(t)}::timestamp)`, `age(${lit(t)}::timestamptz)`]);
      const { results, now } = await o.evalAll(exprs, { timeZone });
      const ctx = contextFor({ timeZone }, now);
      const zone = sessionTimeZone(ctx);
      const ours = stamps.flatMap((t) => [
        fauxEval(() => intervalOut(ageTimestampFromToday(timestampIn(t, -1, ctx), now, zone), ctx)),
        fauxEval(() => intervalOut(ageTimestamptzFromToday(timestamptzIn(t, -1, ctx), now, zone), ctx)),
      ]);
      expect(mismatches(exprs, results, ours)).toEqual([]);
    });
  }
});

describe('date arithmetic', () => {
  const dates = [
    '2024-01-31', '2024-02-29', '4714-11-24 BC', '5874897-12-31', '294276-12-31', '294277-01-01', 'infinity', '-infinity',
    '0001-01-01', '0001-12-31 BC', ...gTs.slice(0, 40).map((t) => t.slice(0, 10) + (t.endsWith('BC') ? ' BC' : '')),
  ];
  const ints = [0, 1, -1, 365, -366, 2147483647, -2147483648, 1000000];
  it('date ± integer, date - date, date ± interval', async () => {
    const ctx = contextFor({});
    const d = (s: string) => dateIn(s, ctx);
    const cases: Case[] = [];
    for (const a of dates) {
      for (const n of ints) {
        cases.push({ sql: `${lit(a)}::date + ${n}`, ours: () => dateOut(dateAddDays(d(a), n), ctx) });
        cases.push({ sql: `${lit(a)}::date - ${n}`, ours: () => dateOut(dateSubDays(d(a), n), ctx) });
      }
      for (const b of dates.slice(0, 12)) cases.push({ sql: `${lit(a)}::date - ${lit(b)}::date`, ours: () => String(dateDiff(d(a), d(b))) });
      for (const i of INTERVALS.slice(0, 12)) {
        cases.push({ sql: `${lit(a)}::date + ${lit(i)}::interval`, ours: () => timestampOut(datePlusInterval(d(a), intervalIn(i, -1, ctx)), ctx) });
        cases.push({ sql: `${lit(a)}::date - ${lit(i)}::interval`, ours: () => timestampOut(dateMinusInterval(d(a), intervalIn(i, -1, ctx)), ctx) });
      }
    }
    expect(await check(cases)).toEqual([]);
  });
});

describe('interval arithmetic', () => {
  const ivs = [...INTERVALS, ...gIv.slice(0, 60)];
  const factors = ['0', '1', '-1', '0.5', '1.5', '-2.75', '3', '0.001', '1e-7', '1000', '1e10', '1e300', 'infinity', '-infinity', 'nan', '0.3333333333333333', '7'];
  it('+ - and unary minus', async () => {
    const ctx = contextFor({});
    const iv = (s: string) => intervalIn(s, -1, ctx);
    const cases: Case[] = [];
    ivs.forEach((a, i) => {
      cases.push({ sql: `-${lit(a)}::interval`, ours: () => intervalOut(intervalNegate(iv(a)), ctx) });
      for (const b of ivs.filter((_, j) => (i + j) % 6 === 0)) {
        cases.push({ sql: `${lit(a)}::interval + ${lit(b)}::interval`, ours: () => intervalOut(intervalAdd(iv(a), iv(b)), ctx) });
        cases.push({ sql: `${lit(a)}::interval - ${lit(b)}::interval`, ours: () => intervalOut(intervalSub(iv(a), iv(b)), ctx) });
      }
    });
    expect(await check(cases)).toEqual([]);
  });
  it('* and / by float8', async () => {
    const ctx = contextFor({});
    const iv = (s: string) => intervalIn(s, -1, ctx);
    const cases: Case[] = ivs.flatMap((a) =>
      factors.flatMap((f) => [
        { sql: `${lit(a)}::interval * ${lit(f)}::float8`, ours: () => intervalOut(intervalMul(iv(a), Number(f.replace('infinity', 'Infinity').replace('nan', 'NaN'))), ctx) },
        { sql: `${lit(a)}::interval / ${lit(f)}::float8`, ours: () => intervalOut(intervalDiv(iv(a), Number(f.replace('infinity', 'Infinity').replace('nan', 'NaN'))), ctx) },
      ]),
    );
    expect(await check(cases)).toEqual([]);
  });
  it('justify_days, justify_hours, justify_interval', async () => {
    const ctx = contextFor({});
    const iv = (s: string) => intervalIn(s, -1, ctx);
    const extra = ['35 days', '-35 days', '1 mon -1 day', '-1 mon 1 day', '49:00:00', '-49:00:00', '1 day -25:00:00', '1 mon -1 day -01:00', '29 days 25:00:00', '2147483647 days 24:00:00', '-1 mon 29 days 23:00:00'];
    const cases: Case[] = [...ivs, ...extra].flatMap((a) => [
      { sql: `justify_days(${lit(a)}::interval)`, ours: () => intervalOut(justifyDays(iv(a)), ctx) },
      { sql: `justify_hours(${lit(a)}::interval)`, ours: () => intervalOut(justifyHours(iv(a)), ctx) },
      { sql: `justify_interval(${lit(a)}::interval)`, ours: () => intervalOut(justifyInterval(iv(a)), ctx) },
    ]);
    expect(await check(cases)).toEqual([]);
  });
});

describe('date_bin', () => {
  it('bins timestamps by strides from an origin', async () => {
    const ctx = contextFor({});
    const strides = ['15 minutes', '1 day', '7 days', '1 hour 30 minutes', '1 mon', '0', '-1 hour', 'infinity', '00:00:00.000001', '106751991 days'];
    const origins = ['2001-01-01', '2024-01-01 00:07', '1900-01-01', 'infinity'];
    const cases: Case[] = [];
    for (const s of strides) {
      for (const t of [...TIMESTAMPS, ...gTs.slice(0, 15)]) {
        for (const og of origins) {
          cases.push({
            sql: `date_bin(${lit(s)}::interval, ${lit(t)}::timestamp, ${lit(og)}::timestamp)`,
            ours: () => timestampOut(dateBin(intervalIn(s, -1, ctx), timestampIn(t, -1, ctx), timestampIn(og, -1, ctx)), ctx),
          });
        }
      }
    }
    expect(await check(cases)).toEqual([]);
  });
});
