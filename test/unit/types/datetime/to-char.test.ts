/**
 * to_char for timestamp, timestamptz and interval against the oracle, over every template
 * pattern with FM/TH modifiers, quoted literals and escapes, on hand-picked and generated values.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intervalIn } from '../../../../src/types/datetime/interval.js';
import { timestampIn, timestamptzIn } from '../../../../src/types/datetime/timestamp.js';
import { sessionTimeZone } from '../../../../src/types/datetime/timezone.js';
import { toCharInterval, toCharTimestamp, toCharTimestamptz } from '../../../../src/types/datetime/to-char.js';
import { arbIntervalText, arbPlainTimestampText } from './generators.js';
import { contextFor, fauxEval, lit, mismatches, OracleEval } from './oracle-eval.js';

let o: OracleEval;
beforeAll(async () => {
  o = await OracleEval.connect();
});
afterAll(async () => {
  await o.close();
});

const FORMATS = [
  'YYYY-MM-DD HH24:MI:SS.US', 'YYYY-MM-DD"T"HH24:MI:SS.MS', 'HH HH12 HH24 MI SS MS US SSSS SSSSS',
  'FF1 FF2 FF3 FF4 FF5 FF6', 'AM am PM pm A.M. a.m. P.M. p.m.', 'BC bc AD ad B.C. b.c. A.D. a.d.',
  'Y,YYY YYYY YYY YY Y', 'IYYY IYY IY I', 'MONTH Month month MON Mon mon', 'FMMONTH FMMonth FMmonth|',
  'DAY Day day DY Dy dy', 'FMDay, FMDD FMMonth YYYY', 'DDD IDDD DD D ID', 'WW IW W', 'CC J Q RM rm FMRM|',
  'TZ tz TZH TZM OF FMOF', 'DDth DDTH FMDDth Dth MMth YYYYth HH24th', 'fmdd fmmm hh24 mi ss', 'Hh24 mI Ss yYyY',
  '"quoted YYYY" YYYY', 'text \\"YYYY\\" end', 'a\\b\\\\c "x\\"y"', '', 'FXYYYY TMMonth TMDay', 'SP YYYYSP',
  'CCth Qth Jth WWth', 'FMHH12:MI AM', 'YYYY FMYYYY FMYYY FMYY', 'FMCC FMDDD FMWW FMIW FMIYYY', '%!@#$^&*()_+=[]{};\':,./<>?',
];

const STAMPS = [
  '2024-01-05 13:04:05.123456', '2024-12-31 00:00:00', '2021-01-01 12:00:00', '2020-12-31 23:59:59.999999',
  '0001-01-01 00:00:00', '0044-03-15 12:00:00 BC', '0001-06-01 00:00:00 BC', '10000-01-01 00:00:00',
  '294276-12-31 23:59:59', '4714-11-24 00:00:00 BC', 'infinity', '-infinity', '2011-11-11 11:11:11.111111',
  '2012-02-12 02:02:02.020202', '2013-03-13 03:03:03.303030', '0999-12-31 12:00:00', '1000-01-01 12:00:00',
];

describe('to_char', () => {
  const gTs = fc.sample(arbPlainTimestampText, { seed: 42, numRuns: 40 });
  it('timestamp', async () => {
    const ctx = contextFor({});
    const cases = [...STAMPS, ...gTs].flatMap((t) =>
      FORMATS.map((f) => ({ sql: `to_char(${lit(t)}::timestamp, ${lit(f)})`, ours: () => toCharTimestamp(timestampIn(t, -1, ctx), f) ?? 'NULL' })),
    );
    const { results } = await o.evalAll(cases.map((c) => c.sql));
    expect(mismatches(cases.map((c) => c.sql), results, cases.map((c) => fauxEval(c.ours)))).toEqual([]);
  });
  for (const timeZone of ['America/New_York', 'Asia/Kolkata', 'Asia/Kathmandu', 'Europe/Paris', 'UTC+3', '-3.5']) {
    it(`timestamptz under ${timeZone}`, async () => {
      const ctx = contextFor({ timeZone });
      const zone = sessionTimeZone(ctx);
      const cases = [...STAMPS.filter((t) => !t.startsWith('0') && !t.startsWith('4714') && !t.startsWith('1000')), ...gTs.slice(0, 10).filter((t) => Number(t.slice(0, 4)) > 1970)].flatMap((t) =>
        FORMATS.map((f) => ({ sql: `to_char(${lit(t)}::timestamptz, ${lit(f)})`, ours: () => toCharTimestamptz(timestamptzIn(t, -1, ctx), f, zone) ?? 'NULL' })),
      );
      const { results } = await o.evalAll(cases.map((c) => c.sql), { timeZone });
      expect(mismatches(cases.map((c) => c.sql), results, cases.map((c) => fauxEval(c.ours)))).toEqual([]);
    });
  }
  it('interval', async () => {
    const ctx = contextFor({});
    const ivs = [
      '1 year 2 mons 3 days 40:05:06.789', '-1 year -2 mons -3 days -40:05:06.789', '13 years 14 mons 3 days 13:05:06.789',
      '0', '-1 mon', '-12:00', '12:00', '25:00:00', 'infinity', ...fc.sample(arbIntervalText, { seed: 45, numRuns: 25 }),
    ];
    const formats = [
      'HH HH12 HH24 MI SS MS US SSSS', 'FF1 FF3 FF6', 'AM pm A.M.', 'YYYY YYY YY Y Y,YYY', 'MM DD DDD WW W CC Q RM rm',
      'FMHH24:FMMI:FMSS FMMM FMDD FMDDD FMYYYY', 'DDth HH24TH', 'Day', 'Mon', 'TZ', 'OF', 'BC', 'D', 'DY', '"lit" HH24',
    ];
    const cases = ivs.flatMap((v) =>
      formats.map((f) => ({ sql: `to_char(${lit(v)}::interval, ${lit(f)})`, ours: () => toCharInterval(intervalIn(v, -1, ctx), f) ?? 'NULL' })),
    );
    const { results } = await o.evalAll(cases.map((c) => c.sql));
    expect(mismatches(cases.map((c) => c.sql), results, cases.map((c) => fauxEval(c.ours)))).toEqual([]);
  });
});
