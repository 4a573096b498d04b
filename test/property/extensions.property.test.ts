/**
 * Property test against the live oracle for the contrib extensions: generated Unicode strings
 * (ASCII words, accented Latin, Greek, Cyrillic, CJK, digits, punctuation, combining marks,
 * astral characters, case pairs whose lower case changes length) must give the same pg_trgm
 * trigrams (show_trgm), similarity, word_similarity and strict_word_similarity.
 * Fixed seed and bounded runs; FAUXGRES_PROPERTY_RUNS raises the count for long runs.
 */
import { describe, it, beforeAll, afterAll, expect } from 'vitest';
import fc from 'fast-check';
import pg from 'pg';
import { createTwin, type Twin } from '../harness/twin.js';

const RUNS = Number(process.env.FAUXGRES_PROPERTY_RUNS ?? 40);
const SEED = Number(process.env.FAUXGRES_PROPERTY_SEED ?? 20261123);
const asText = { getTypeParser: () => (v: string) => v };

const PIECES = [
  'a', 'b', 'c', 'ab', 'abc', 'word', 'Words', 'X', '1', '42', ' ', ' ', '-', '_', '.', ',', '!', "'", '%', '\t',
  'é', 'É', 'ü', 'ß', 'ñ', 'ø', 'œ', 'Ω', 'σ', 'Σ', 'ж', 'Ж', '東', '京', 'の', 'ㄱ', '한', '٣', '١', '²', '½', 'ǅ', 'İ',
  'ﬁ', '\u0301', '\u0308', '😀', '𝒜', '\u00a0', '·', 'ʼ', 'ª', 'ǈ',
];
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 1, arbitrary: fc.integer({ min: 0xa0, max: 0x2fff }).map((c) => String.fromCodePoint(c)) },
  { weight: 1, arbitrary: fc.integer({ min: 0x3000, max: 0x1faff }).filter((c) => c < 0xd800 || c > 0xdfff).map((c) => String.fromCodePoint(c)) },
);
const str = fc.array(piece, { maxLength: 14 }).map((a) => a.join(''));

describe('contrib extensions agree with Postgres', () => {
  let twin: Twin;
  let client: pg.Client;
  beforeAll(async () => {
    twin = await createTwin('property_extensions', 'CREATE EXTENSION pg_trgm;');
    client = new pg.Client(twin.oracleUrl);
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await twin?.close();
  });

  it('pg_trgm extracts the same trigrams and similarities', async () => {
    const sql = `SELECT n, show_trgm(a), similarity(a, b), word_similarity(a, b), strict_word_similarity(a, b), a <<-> b, b %> a
      FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS s(a, b, n) ORDER BY n`;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(str, str), { minLength: 5, maxLength: 25 }), async (pairs) => {
        const values = [pairs.map((p) => p[0]), pairs.map((p) => p[1])];
        const want = await client.query({ text: sql, values, rowMode: 'array', types: asText } as pg.QueryConfig);
        const got = await twin.db.query({ text: sql, values, rowMode: 'array', types: asText });
        expect(got.rows).toEqual(want.rows);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
