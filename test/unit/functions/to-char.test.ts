/** to_char on numbers and to_date / to_timestamp parsing, differential against the oracle. */
import { afterAll, expect, it } from 'vitest';
import { cases as numberCases } from './cases/to-char-number.js';
import { cases as parseCases } from './cases/to-timestamp.js';
import { closeOracle, mismatches } from './harness.js';

afterAll(closeOracle);

it('to_char(number, template) matches the oracle', async () => {
  expect(await mismatches(numberCases())).toEqual([]);
});

it('to_date and to_timestamp(text, template) match the oracle', async () => {
  expect(await mismatches(parseCases())).toEqual([]);
});
