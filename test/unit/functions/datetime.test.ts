/** Date/time operators and functions (UTC and a DST zone), differential against the oracle. */
import { afterAll, expect, it } from 'vitest';
import { cases, zonedCases } from './cases/datetime.js';
import { closeOracle, makeRuntime, mismatches, oracle } from './harness.js';

afterAll(closeOracle);

it('date/time operators and functions match the oracle (TimeZone UTC)', async () => {
  expect(await mismatches(cases())).toEqual([]);
});

it('zone-dependent functions match the oracle (TimeZone America/New_York)', async () => {
  const c = await oracle();
  await c.query("set timezone = 'America/New_York'");
  try {
    expect(await mismatches(zonedCases(), makeRuntime({ timeZone: 'America/New_York' }))).toEqual([]);
  } finally {
    await c.query('reset timezone');
  }
});
