/** Array operators and functions, differential against the oracle. */
import { afterAll, expect, it } from 'vitest';
import { cases } from './cases/arrays.js';
import { closeOracle, mismatches } from './harness.js';

afterAll(closeOracle);

it('array operators and functions match the oracle', async () => {
  expect(await mismatches(cases())).toEqual([]);
});
