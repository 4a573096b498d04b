/**
 * Differential tests of time, timetz and interval text input/output against the oracle: the
 * hand-picked corpora, generated values, every IntervalStyle, interval type modifiers (field
 * ranges and precision), time(p), and interval ordering/hashing (`'1 mon' = '30 days'`).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intervalIO, makeIntervalTypmod } from '../../../../src/types/datetime/interval.js';
import { IRANGE } from '../../../../src/types/datetime/interval-parse.js';
import { timeIO } from '../../../../src/types/datetime/time.js';
import { timetzIO } from '../../../../src/types/datetime/timetz.js';
import type { TypeIO } from '../../../../src/types/type-io.js';
import { DEFAULT_IO_CONTEXT } from '../../../../src/types/type-io.js';
import type { Value } from '../../../../src/types/values.js';
import { INTERVAL_INPUTS, TIME_INPUTS } from './corpus.js';
import { arbIntervalText, arbTimeText } from './generators.js';
import { contextFor, fauxEval, lit, mismatches, OracleEval, type OracleSettings } from './oracle-eval.js';

let o: OracleEval;
beforeAll(async () => {
  o = await OracleEval.connect();
});
afterAll(async () => {
  await o.close();
});

async function roundTrip(
  castSql: string,
  io: TypeIO<Value>,
  inputs: readonly string[],
  settings: OracleSettings,
  typmod = -1,
): Promise<string[]> {
  const { results, now } = await o.evalAll(inputs.map((s) => `${lit(s)}::${castSql}`), settings);
  const ctx = contextFor(settings, now);
  const ours = inputs.map((s) => fauxEval(() => io.output(io.input(s, typmod, ctx), ctx)));
  return mismatches(inputs.map((s) => `${castSql} ${JSON.stringify(s)} ${JSON.stringify(settings)}`), results, ours);
}

describe('time and timetz', () => {
  const generated = fc.sample(arbTimeText, { seed: 42, numRuns: 300 });
  for (const timeZone of ['UTC', 'America/New_York', 'Asia/Kolkata', 'UTC+3']) {
    it(`inputs under ${timeZone}`, async () => {
      const inputs = [...TIME_INPUTS, ...generated];
      expect(await roundTrip('time', timeIO as TypeIO<Value>, inputs, { timeZone })).toEqual([]);
      expect(await roundTrip('timetz', timetzIO as TypeIO<Value>, inputs, { timeZone })).toEqual([]);
    });
  }
  it('time(p) and timetz(p) rounding', async () => {
    const inputs = ['12:00:00.5', '12:00:00.45', '23:59:59.999999', '23:59:59.5', '00:00:00.000001', '12:34:56.789+05:30'];
    for (let p = 0; p <= 6; p++) {
      expect(await roundTrip(`time(${p})`, timeIO as TypeIO<Value>, inputs, {}, p)).toEqual([]);
      expect(await roundTrip(`timetz(${p})`, timetzIO as TypeIO<Value>, inputs, {}, p)).toEqual([]);
    }
  });
  it('timetz orders by UTC instant, then by zone', async () => {
    const values = ['12:00+00', '13:00+01', '11:00-01', '12:00:00.000001+00', '00:00+14', '23:59-12', '12:00+05:30'];
    const pairs = values.flatMap((a) => values.map((b) => [a, b] as const));
    const { results } = await o.evalAll(
      pairs.map(([a, b]) => `CASE WHEN ${lit(a)}::timetz < ${lit(b)}::timetz THEN -1 WHEN ${lit(a)}::timetz = ${lit(b)}::timetz THEN 0 ELSE 1 END`),
    );
    const ctx = DEFAULT_IO_CONTEXT;
    const ours = pairs.map(([a, b]) => String(Math.sign(timetzIO.compare(timetzIO.input(a, -1, ctx), timetzIO.input(b, -1, ctx)))));
    expect(mismatches(pairs.map((p) => p.join(' vs ')), results, ours)).toEqual([]);
  });
});

describe('interval', () => {
  const generated = fc.sample(arbIntervalText, { seed: 42, numRuns: 400 });
  for (const intervalStyle of ['postgres', 'postgres_verbose', 'sql_standard', 'iso_8601']) {
    it(`inputs and output in IntervalStyle ${intervalStyle}`, async () => {
      const inputs = [...INTERVAL_INPUTS, ...generated];
      expect(await roundTrip('interval', intervalIO as TypeIO<Value>, inputs, { intervalStyle })).toEqual([]);
    });
  }

  const { YEAR, MONTH, DAY, HOUR, MINUTE, SECOND } = IRANGE;
  const typmods: [string, number][] = [
    ['interval year', makeIntervalTypmod(YEAR)],
    ['interval month', makeIntervalTypmod(MONTH)],
    ['interval day', makeIntervalTypmod(DAY)],
    ['interval hour', makeIntervalTypmod(HOUR)],
    ['interval minute', makeIntervalTypmod(MINUTE)],
    ['interval second', makeIntervalTypmod(SECOND)],
    ['interval year to month', makeIntervalTypmod(YEAR | MONTH)],
    ['interval day to hour', makeIntervalTypmod(DAY | HOUR)],
    ['interval day to minute', makeIntervalTypmod(DAY | HOUR | MINUTE)],
    ['interval day to second(3)', makeIntervalTypmod(DAY | HOUR | MINUTE | SECOND, 3)],
    ['interval hour to minute', makeIntervalTypmod(HOUR | MINUTE)],
    ['interval hour to second', makeIntervalTypmod(HOUR | MINUTE | SECOND)],
    ['interval minute to second', makeIntervalTypmod(MINUTE | SECOND)],
    ['interval second(0)', makeIntervalTypmod(SECOND, 0)],
    ['interval(2)', makeIntervalTypmod(IRANGE.FULL, 2)],
    ['interval(0)', makeIntervalTypmod(IRANGE.FULL, 0)],
  ];
  it('type modifiers decide bare numbers, mm:ss and truncation', async () => {
    const inputs = [
      '5', '5.5', '-5.5', '1:30', '1:30:45.678', '1 year 2 mons 3 days 04:05:06.789', '-1 year -2 mons -3 days -04:05:06.789',
      '2 3:04:05.5', '1-2', '12:34.5678', 'P1Y2M3DT4H5M6.789S', '1.5 years', '-7.123456', '100', 'infinity',
    ];
    const bad: string[] = [];
    for (const [sql, typmod] of typmods) {
      bad.push(...(await roundTrip(sql, intervalIO as TypeIO<Value>, inputs, {}, typmod)));
    }
    expect(bad).toEqual([]);
  });
  it('typmods match the catalog encoding', async () => {
    const r = await o.evalAll(typmods.map(([, typmod]) => `format_type('interval'::regtype, ${typmod})`));
    expect(r.results).toEqual(typmods.map(([sql]) => sql));
  });

  it('compare and hashKey agree with Postgres equality and order', async () => {
    const values = [
      '1 mon', '30 days', '720 hours', '1 day', '24:00:00', '-1 mon 30 days', '00:00:00', '1 year', '360 days', '12 mons',
      '1 mon 1 day', '31 days', '-1 day', '-24:00:00', 'infinity', '-infinity', '178956970 years', '-178956970 years',
      '2147483647 days 2562047788:00:54.775807', '1 year -1 days -00:00:00.000001',
    ];
    const pairs = values.flatMap((a) => values.map((b) => [a, b] as const));
    const { results } = await o.evalAll(
      pairs.map(([a, b]) => `CASE WHEN ${lit(a)}::interval < ${lit(b)}::interval THEN -1 WHEN ${lit(a)}::interval = ${lit(b)}::interval THEN 0 ELSE 1 END`),
    );
    const ctx = DEFAULT_IO_CONTEXT;
    const parse = (s: string) => intervalIO.input(s, -1, ctx);
    const ours = pairs.map(([a, b]) => String(Math.sign(intervalIO.compare(parse(a), parse(b)))));
    expect(mismatches(pairs.map((p) => p.join(' vs ')), results, ours)).toEqual([]);
    for (const [a, b] of pairs) {
      if (intervalIO.compare(parse(a), parse(b)) === 0) expect(intervalIO.hashKey(parse(a))).toEqual(intervalIO.hashKey(parse(b)));
    }
  });
});
