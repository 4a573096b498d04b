/**
 * compareText / compareCitext against the oracle's ORDER BY: the default collation (ICU en-US),
 * "C", ucs_basic and citext, on fast-check strings mixing case, punctuation, spaces, digits,
 * accents, combining marks, emoji, ignorable control characters and the empty string.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareCitext, compareCodePoints, compareText, textComparator } from '../../../src/types/collation.js';
import { Oracle } from './text-json-oracle.js';

let oracle: Oracle;
beforeAll(async () => {
  oracle = await Oracle.connect();
});
afterAll(async () => {
  await oracle.close();
});

const CHARS = [
  ...'aAbBzZ09 -_.,;:!?\'"()[]{}@#$%^&*+=/\\|~`<>\t\néÉèêëàáâäåÅæÆçÇñÑøØœßẞıİ',
  '😀',
  '👍🏽',
  '中',
  '文',
  'ǅ',
  'ﬁ',
  '\u0301',
  '\u00a0',
  '\u200b',
  '\u0001',
  '\u007f',
  'o\u0308',
  'ö',
  'Ω',
  'ω',
  'я',
  'Я',
  '١',
  '½',
  '²',
  'ｱ',
  'ア',
  'あ',
  '\uffff',
  '\ue000',
  '𝔸',
];

const strings = fc.array(fc.constantFrom(...CHARS), { maxLength: 7 }).map((a) => a.join(''));
const asciiStrings = fc.string({ unit: fc.constantFrom(...'aAbB09 -_.,:\'"\t\u0001~'), maxLength: 8 });

/** The oracle's order of `values` (as indexes) under a collation; ties keep input order. */
async function oracleOrder(values: string[], collate: string, type = 'text'): Promise<number[]> {
  const rows = await oracle.rows(
    `SELECT i::int - 1 AS i FROM unnest($1::text[]) WITH ORDINALITY AS u(x, i) ORDER BY x::${type} COLLATE ${collate}, i`,
    [values],
  );
  return rows.map((r) => Number(r.i));
}

function localOrder(values: string[], cmp: (a: string, b: string) => number): number[] {
  return values.map((_, i) => i).sort((x, y) => cmp(values[x], values[y]) || x - y);
}

describe('compareText', () => {
  const sample = [
    ...fc.sample(strings, { seed: 42, numRuns: 3000 }),
    ...fc.sample(asciiStrings, { seed: 7, numRuns: 2000 }),
    '',
    'a',
    'A',
    'a\u0301',
    'á',
    'ab',
    'a\u0001b',
  ];

  it('orders like the default collation (ICU en-US)', async () => {
    const expected = await oracleOrder(sample, '"default"');
    const actual = localOrder(sample, (a, b) => compareText(a, b));
    expect(actual.map((i) => sample[i])).toEqual(expected.map((i) => sample[i]));
  });

  it('orders like "C" and ucs_basic (code points)', async () => {
    const expectedC = await oracleOrder(sample, '"C"');
    const actualC = localOrder(sample, (a, b) => compareText(a, b, 'C'));
    expect(actualC.map((i) => sample[i])).toEqual(expectedC.map((i) => sample[i]));
    const expectedU = await oracleOrder(sample, 'ucs_basic');
    const actualU = localOrder(sample, textComparator('ucs_basic') as (a: string, b: string) => number);
    expect(actualU.map((i) => sample[i])).toEqual(expectedU.map((i) => sample[i]));
  });

  it('is zero exactly for identical strings (deterministic collation)', () => {
    fc.assert(
      fc.property(strings, strings, (a, b) => {
        expect(compareText(a, b) === 0).toBe(a === b);
        expect(Math.sign(compareText(a, b)) + Math.sign(compareText(b, a))).toBe(0);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it('orders code points above U+FFFF after U+E000..U+FFFF in "C"', () => {
    expect(compareCodePoints('\uffff', '😀')).toBeLessThan(0);
    expect(compareCodePoints('😀', '\ue000')).toBeGreaterThan(0);
    expect(compareCodePoints('a', 'ab')).toBeLessThan(0);
  });
});

describe('compareCitext', () => {
  it('orders like citext', async () => {
    await oracle.rows('CREATE EXTENSION IF NOT EXISTS citext');
    const sample = [...fc.sample(strings, { seed: 3, numRuns: 1500 }), 'ABC', 'abc', 'Abc', 'İ', 'i̇', 'ß', 'SS'];
    const rows = await oracle.rows(
      `SELECT i::int - 1 AS i FROM unnest($1::text[]) WITH ORDINALITY AS u(x, i) ORDER BY x::citext, i`,
      [sample],
    );
    const expected = rows.map((r) => sample[Number(r.i)]);
    // Ties under citext keep input order on both sides; distinct-but-equal strings stay in order.
    const actual = localOrder(sample, compareCitext).map((i) => sample[i]);
    expect(actual).toEqual(expected);
  });
});
