/** json/jsonb operators and functions, differential against the oracle. */
import { afterAll, expect, it } from 'vitest';
import { cases } from './cases/json.js';
import { closeOracle, mismatches } from './harness.js';

afterAll(closeOracle);

it('json and jsonb operators and functions match the oracle', async () => {
  expect(await mismatches(cases())).toEqual([]);
});
