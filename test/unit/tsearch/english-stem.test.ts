/**
 * The Snowball English stemmer and stop list against Postgres's english_stem dictionary, on the
 * words recorded in test/fixtures/tsearch/english-stems.tsv (by ./record-english-stems.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { englishStem } from '../../../src/tsearch/english-stem.js';
import { ENGLISH_STOPWORDS } from '../../../src/tsearch/stopwords.js';

const rows = readFileSync(new URL('../../fixtures/tsearch/english-stems.tsv', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => l.split('\t') as [string, string]);

describe('english_stem', () => {
  it('stems every recorded word as Postgres does', () => {
    const wrong = rows.filter(([w, s]) => s !== '' && englishStem(w) !== s).map(([w, s]) => `${w}: ${englishStem(w)} (expected ${s})`);
    expect(wrong).toEqual([]);
    expect(rows.length).toBeGreaterThan(3000);
  });
  it('has the same stop words', () => {
    const stops = rows.filter(([, s]) => s === '').map(([w]) => w);
    expect(stops.filter((w) => !ENGLISH_STOPWORDS.has(w))).toEqual([]);
    expect(rows.filter(([w, s]) => s !== '' && ENGLISH_STOPWORDS.has(w)).map(([w]) => w)).toEqual([]);
  });
});
