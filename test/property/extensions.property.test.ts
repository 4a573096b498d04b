/**
 * Property test against the live oracle for the contrib extensions: generated Unicode strings
 * (ASCII words, accented Latin, Greek, Cyrillic, CJK, digits, punctuation, combining marks,
 * astral characters, case pairs whose lower case changes length) must give the same pg_trgm
 * trigrams (show_trgm), similarity, word_similarity and strict_word_similarity, and the same
 * fuzzystrmatch levenshtein distances (generated costs and bounds), soundex, difference and metaphone.
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
    twin = await createTwin('property_extensions', 'CREATE EXTENSION pg_trgm; CREATE EXTENSION fuzzystrmatch;');
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

  it('fuzzystrmatch computes the same distances and codes', async () => {
    const sql = `SELECT n, levenshtein(a, b), levenshtein(a, b, i, d, s), levenshtein_less_equal(a, b, m),
        levenshtein_less_equal(a, b, i, d, s, m), soundex(a), difference(a, b), metaphone(a || 'x', 2 + m)
      FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::int[], $6::int[]) WITH ORDINALITY AS t(a, b, i, d, s, m, n) ORDER BY n`;
    const word = fc.array(fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom('a', 'b', 'c', 'k', 'g', 'h', 's', 'sch', 'th', 'ph', 'gh', 'x', 'wr', 'kn', 'ci', 'tio', 'e', 'y', 'w', 'q', 'z', 'v', 'dg', 'mb', 'ght', 'gned', ' ', '-') },
      { weight: 1, arbitrary: piece },
    ), { maxLength: 10 }).map((a) => a.join(''));
    const costs = fc.integer({ min: 0, max: 5 });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(word, word, costs, costs, costs, fc.integer({ min: -1, max: 8 })), { minLength: 5, maxLength: 25 }), async (rows) => {
        const values = [0, 1, 2, 3, 4, 5].map((k) => rows.map((r) => r[k]));
        const want = await client.query({ text: sql, values, rowMode: 'array', types: asText } as pg.QueryConfig);
        const got = await twin.db.query({ text: sql, values, rowMode: 'array', types: asText });
        expect(got.rows).toEqual(want.rows);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
