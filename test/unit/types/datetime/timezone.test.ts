/**
 * Time zones against the oracle: UTC offsets of every zone Postgres knows at generated instants
 * (timestamptz AT TIME ZONE), local -> UTC resolution including DST gaps and overlaps (timestamp
 * AT TIME ZONE), and validation/canonical names of TimeZone setting values.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timestampAtTimeZone, timestamptzAtTimeZone } from '../../../../src/types/datetime/at-time-zone.js';
import { timestampIn, timestampOut, timestamptzIn, timestamptzOut } from '../../../../src/types/datetime/timestamp.js';
import { resolveTimeZoneSetting } from '../../../../src/types/datetime/timezone.js';
import { TZ_NAMES } from '../../../../src/types/datetime/tz-names.js';
import { DEFAULT_IO_CONTEXT } from '../../../../src/types/type-io.js';
import { arbPlainTimestampText } from './generators.js';
import { fauxEval, lit, mismatches, OracleEval } from './oracle-eval.js';

let o: OracleEval;
beforeAll(async () => {
  o = await OracleEval.connect();
});
afterAll(async () => {
  await o.close();
});

const ctx = DEFAULT_IO_CONTEXT;

/** Instants near DST changes and zone history, plus generated ones. */
const FIXED_INSTANTS = [
  '2024-03-10 02:30:00', '2024-03-10 07:30:00', '2024-11-03 01:30:00', '2024-11-03 06:30:00', '2024-03-31 01:30:00',
  '2024-10-27 01:30:00', '2024-04-07 02:30:00', '2024-10-06 02:15:00', '1970-01-01 00:00:00', '1883-11-18 12:00:00',
  '1900-01-01 00:00:00', '1945-08-15 12:00:00', '2037-07-01 00:00:00', '2100-07-01 00:00:00', '0001-01-01 00:00:00',
  '9999-12-31 23:59:59', '1000-06-01 00:00:00 BC',
];

/**
 * Zones whose future rules differ between the oracle's tzdata and the ICU data Node ships with:
 * British Columbia moves to permanent UTC-7 in November 2026 in the oracle's data only.
 */
const TZDATA_SKEW: Record<string, number> = { 'America/Vancouver': 2026, 'Canada/Pacific': 2026 };
const yearOf = (t: string): number => (t.endsWith('BC') ? -Number(t.slice(0, 4)) : Number(t.slice(0, 4)));

describe('offsets of every zone', () => {
  const generated = fc.sample(arbPlainTimestampText, { seed: 42, numRuns: 6 });
  const instants = [...FIXED_INSTANTS, ...generated];
  const names = TZ_NAMES.filter((n) => n !== 'Factory');
  const chunks: string[][] = [];
  for (let i = 0; i < names.length; i += 100) chunks.push(names.slice(i, i + 100));
  chunks.forEach((chunk, k) => {
    it(`zones ${k * 100}..${k * 100 + chunk.length - 1}: UTC -> local and local -> UTC`, async () => {
      const labels: string[] = [];
      const exprs: string[] = [];
      const ours: string[] = [];
      for (const zone of chunk) {
        for (const t of instants) {
          if (TZDATA_SKEW[zone] !== undefined && yearOf(t) >= TZDATA_SKEW[zone]!) continue;
          labels.push(`${zone} ${t}`);
          exprs.push(`(${lit(t + '+00')}::timestamptz AT TIME ZONE ${lit(zone)})`);
          ours.push(fauxEval(() => timestampOut(timestamptzAtTimeZone(timestamptzIn(t + '+00', -1, ctx), zone), ctx)));
          labels.push(`${zone} local ${t}`);
          exprs.push(`(${lit(t)}::timestamp AT TIME ZONE ${lit(zone)})`);
          ours.push(fauxEval(() => timestamptzOut(timestampAtTimeZone(timestampIn(t, -1, ctx), zone), ctx)));
        }
      }
      const { results } = await o.evalAll(exprs);
      expect(mismatches(labels, results, ours)).toEqual([]);
    });
  });
});

describe('TimeZone setting values', () => {
  const values = [
    'UTC', 'utc', 'Etc/UTC', 'GMT', 'America/New_York', 'america/new_york', 'US/Pacific', 'EST', 'est', 'EST5EDT',
    'Factory', 'UCT', 'Zulu', 'zulu', '2', '+02', '-3.25', '5.5', '+14', '15', '-15', '1e1', '0x10', ' 5', 'nan', 'inf',
    'ab+3', '+3', '-05:30', 'abc', 'abc+3', 'abc+3def', 'abc+3def,M3.2.0,M11.1.0', '<+0530>-0530', 'GMT+3',
    'etc/gmt-3', 'localtime', 'posixrules', ' UTC', 'UTC ', 'abc+25', 'abc+167', 'abc+168', 'abc-24:59', 'abc+3:60',
    '<x>3', 'z', 'Z', 'a+3', '+3abc', 'abc+3def+1', 'abc3def2,J60,J300', 'abc3def2,60/2,300/3', 'UTC0', 'Mars/Base', '',
  ];
  it('are accepted, rejected and canonicalised like set_config', async () => {
    const { results } = await o.evalAll(values.map((v) => `set_config('TimeZone', ${lit(v)}, true)`));
    const ours = values.map((v) => fauxEval(() => resolveTimeZoneSetting(v).name));
    expect(mismatches(values.map((v) => JSON.stringify(v)), results, ours)).toEqual([]);
  });
});
