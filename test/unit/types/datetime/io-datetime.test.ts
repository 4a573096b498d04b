/**
 * Differential tests of date, timestamp and timestamptz text input and output against the oracle:
 * hand-picked inputs under several zones and DateStyles, plus fast-check generated timestamps in
 * every kind of session zone. Each input is compared as output text or as SQLSTATE + message.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateIO } from '../../../../src/types/datetime/date.js';
import { timestampIO, timestamptzIO } from '../../../../src/types/datetime/timestamp.js';
import { timetzIO } from '../../../../src/types/datetime/timetz.js';
import type { TypeIO } from '../../../../src/types/type-io.js';
import type { Value } from '../../../../src/types/values.js';
import { DATETIME_INPUTS } from './corpus.js';
import { arbJunkText, arbTimestampText, SESSION_ZONES } from './generators.js';
import { intervalIO } from '../../../../src/types/datetime/interval.js';
import { timeIO } from '../../../../src/types/datetime/time.js';
import { contextFor, fauxEval, lit, mismatches, OracleEval, type OracleSettings } from './oracle-eval.js';

let o: OracleEval;
beforeAll(async () => {
  o = await OracleEval.connect();
});
afterAll(async () => {
  await o.close();
});

async function roundTrip(
  sqlType: string,
  io: TypeIO<Value>,
  inputs: readonly string[],
  settings: OracleSettings,
  typmod = -1,
): Promise<string[]> {
  const cast = typmod >= 0 ? `${sqlType}(${typmod})` : sqlType;
  const { results, now } = await o.evalAll(inputs.map((s) => `${lit(s)}::${cast}`), settings);
  const ctx = contextFor(settings, now);
  const ours = inputs.map((s) => fauxEval(() => io.output(io.input(s, typmod, ctx), ctx)));
  return mismatches(inputs.map((s) => `${settings.timeZone ?? ''} ${settings.dateStyle ?? ''} ${sqlType} ${JSON.stringify(s)}`), results, ours);
}

const TYPES: [string, TypeIO<Value>][] = [
  ['date', dateIO as TypeIO<Value>],
  ['timestamp', timestampIO as TypeIO<Value>],
  ['timestamptz', timestamptzIO as TypeIO<Value>],
];

describe('hand-picked date/time inputs', () => {
  for (const timeZone of ['UTC', 'America/New_York', 'Asia/Kolkata', 'UTC+3']) {
    for (const [name, io] of TYPES) {
      it(`${name} under ${timeZone}`, async () => {
        expect(await roundTrip(name, io, DATETIME_INPUTS, { timeZone })).toEqual([]);
      });
    }
  }
  for (const dateStyle of ['ISO, DMY', 'ISO, YMD', 'SQL, MDY', 'SQL, DMY', 'Postgres, MDY', 'Postgres, DMY', 'German']) {
    for (const [name, io] of TYPES) {
      it(`${name} with DateStyle ${dateStyle}`, async () => {
        expect(await roundTrip(name, io, DATETIME_INPUTS, { timeZone: 'America/Los_Angeles', dateStyle })).toEqual([]);
      });
    }
  }
});

describe('generated timestamps in many session zones', () => {
  const samples = fc.sample(arbTimestampText, { seed: 42, numRuns: 400 });
  for (const timeZone of SESSION_ZONES) {
    it(`under ${timeZone}`, async () => {
      const bad: string[] = [];
      for (const [name, io] of [...TYPES, ['timetz', timetzIO as TypeIO<Value>] as [string, TypeIO<Value>]]) {
        bad.push(...(await roundTrip(name, io, samples, { timeZone })));
      }
      expect(bad).toEqual([]);
    });
  }
});

describe('generated near-garbage input fails (or succeeds) exactly as in Postgres', () => {
  const samples = fc.sample(arbJunkText, { seed: 42, numRuns: 1500 });
  const all: [string, TypeIO<Value>][] = [
    ...TYPES,
    ['time', timeIO as TypeIO<Value>],
    ['timetz', timetzIO as TypeIO<Value>],
    ['interval', intervalIO as TypeIO<Value>],
  ];
  for (const [name, io] of all) {
    it(name, async () => {
      expect(await roundTrip(name, io, samples, { timeZone: 'America/New_York' })).toEqual([]);
    });
  }
});

describe('typmod precision', () => {
  const inputs = [
    '2024-01-31 12:00:00.5', '2024-01-31 12:00:00.45', '2024-01-31 23:59:59.999999', '2024-01-31 12:00:00.123456',
    '0044-03-15 10:00:00.55 BC', '1999-12-31 23:59:59.5', 'infinity', '-infinity', '1969-12-31 23:59:59.5',
  ];
  for (let p = 0; p <= 6; p++) {
    it(`timestamp(${p}) and timestamptz(${p})`, async () => {
      expect(await roundTrip('timestamp', timestampIO as TypeIO<Value>, inputs, {}, p)).toEqual([]);
      expect(await roundTrip('timestamptz', timestamptzIO as TypeIO<Value>, inputs, { timeZone: 'Europe/Paris' }, p)).toEqual([]);
    });
  }
});

describe('ordering', () => {
  it('timestamps and dates compare like their values', () => {
    expect(timestampIO.compare(1n, 2n)).toBeLessThan(0);
    expect(dateIO.compare(-Infinity, 0)).toBeLessThan(0);
    expect(dateIO.compare(Infinity, 5_000_000)).toBeGreaterThan(0);
  });
});

/**
 * ISO output has a fast path (number arithmetic, years 1000-9999, |microseconds| < 2^53): values
 * on both sides of its bounds, with every fraction length, print as Postgres prints them. The
 * oracle reads each value as UTC text made by the general formatter and prints it in the zone.
 */
describe('output of microsecond values around the fast path', () => {
  const SAFE = BigInt(Number.MAX_SAFE_INTEGER);
  const arbMicros = fc.oneof(
    fc.bigInt({ min: -3_000_000_000_000_000n, max: 3_000_000_000_000_000n }),
    fc.bigInt({ min: -SAFE - 100_000_000_000n, max: -SAFE + 100_000_000_000n }),
    fc.bigInt({ min: SAFE - 100_000_000_000n, max: SAFE + 100_000_000_000n }),
    fc.bigInt({ min: -211_813_488_000_000_000n, max: 9_223_371_331_199_999_999n }),
    // 0999-12-31 .. 1000-01-02 (the four-digit year bound) and whole seconds / tenths.
    fc.bigInt({ min: -31_556_995_200_000_000n - 86_400_000_000n, max: -31_556_995_200_000_000n + 86_400_000_000n }),
    fc.bigInt({ min: -1_000_000_000n, max: 1_000_000_000n }).map((s) => s * 1_000_000n),
    fc.bigInt({ min: -10_000_000_000n, max: 10_000_000_000n }).map((s) => s * 100_000n),
  );
  const values = fc.sample(arbMicros, { seed: 7, numRuns: 300 });
  const utc = contextFor({ timeZone: 'UTC' });
  const texts = values.map((v) => timestamptzIO.output(v, utc));
  for (const timeZone of ['UTC', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/St_Johns', '+05:30', 'Europe/London']) {
    it(`timestamptz under ${timeZone}`, async () => {
      const { results } = await o.evalAll(texts.map((t) => `${lit(t)}::timestamptz`), { timeZone });
      const ctx = contextFor({ timeZone });
      expect(mismatches(texts.map((t) => `${timeZone} ${t}`), results, values.map((v) => fauxEval(() => timestamptzIO.output(v, ctx))))).toEqual([]);
    });
  }
  it('timestamp', async () => {
    const plain = values.map((v) => timestampIO.output(v, utc));
    const { results } = await o.evalAll(plain.map((t) => `${lit(t)}::timestamp`), {});
    expect(mismatches(plain, results, plain)).toEqual([]);
  });
});
