/** String functions, text operators, LIKE/regex/SIMILAR, encodings, format/concat: differential. */
import { afterAll, expect, it } from 'vitest';
import { cases as generatedCases } from './cases/generated.js';
import { cases as patternCases } from './cases/patterns.js';
import { cases, variadicCases } from './cases/strings.js';
import { closeOracle, mismatches } from './harness.js';

afterAll(closeOracle);

it('string functions and text operators match the oracle', async () => {
  expect(await mismatches(cases())).toEqual([]);
});

it('format, concat, concat_ws, num_nulls match the oracle', async () => {
  expect(await mismatches(variadicCases())).toEqual([]);
});

it('generated LIKE and regular-expression cases match the oracle', async () => {
  expect(await mismatches(patternCases())).toEqual([]);
});

it('generated case mapping, to_char templates and numeric rounding match the oracle', async () => {
  expect(await mismatches(generatedCases())).toEqual([]);
});
