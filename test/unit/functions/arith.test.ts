/** Integer, float and numeric operators and comparisons, differential against the oracle. */
import { afterAll, expect, it } from 'vitest';
import { cases } from './cases/arith.js';
import { closeOracle, mismatches } from './harness.js';

afterAll(closeOracle);

it('integer, float and numeric operators match the oracle', async () => {
  expect(await mismatches(cases())).toEqual([]);
});
