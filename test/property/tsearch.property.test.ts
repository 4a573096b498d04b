/**
 * Property test against the live oracle for full-text search: generated snippets of text made of
 * the characters the default parser cares about (letters, digits, . - _ @ / : ~ & # ; < > quotes,
 * accents, combining marks, URLs) must split into the same tokens (ts_parse); generated documents
 * and queries must give the same to_tsvector, to_tsquery, @@, ts_rank, ts_rank_cd, ts_headline
 * (with generated options; headlines without negated terms, a known gap) and websearch_to_tsquery
 * results.
 * Fixed seed and bounded runs; FAUXGRES_PROPERTY_RUNS raises the count for long runs.
 */
import { describe, it, beforeAll, afterAll, expect } from 'vitest';
import fc from 'fast-check';
import pg from 'pg';
import { createTwin, type Twin } from '../harness/twin.js';

const RUNS = Number(process.env.FAUXGRES_PROPERTY_RUNS ?? 60);
const SEED = Number(process.env.FAUXGRES_PROPERTY_SEED ?? 20261123);

const PIECES = [
  'a', 'b', 'Z', 'x1', '9', '12', '.', '-', '_', '@', '/', ':', '~', '&', '#', ';', '<', '>', '!', '?', "'", '"', '+',
  'é', 'ж', ' ', ' ', 'e', 'E', 'http://', 'www', '.com', 'amp;', '=', '%', '\t', 'script', 'b>', '</', '--', '..', '1.2',
  'v', '\u0301', '東',
];
const snippet = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 12 }).map((a) => a.join(''));

const VOCAB = [
  'the', 'cat', 'cats', 'sat', 'on', 'a', 'mat', 'fat', 'rat', 'rats', 'and', 'dog', 'running', 'runs', 'ran', 'quick', 'brown',
  'fox', 'jumps', 'over', 'lazy', 'search', 'searching', 'postgres', 'index', 'of', 'to', 'is', 'full-text', 'engine', '3.14',
  'user@x.com', 'very', 'good', 'news', 'Café', '<b>bold</b>',
];
const QUERY_WORDS = ['cat', 'rat', 'fat', 'dog', 'search', 'postgres', 'the', 'run', 'quick', 'fox', 'mat', 'index', 'engin', 'news'];
const OPS = [' & ', ' | ', ' <-> ', ' <2> ', ' & !', ' | !'];
const WEB = ['cat', 'rat', '"fat cat"', '-dog', 'or', 'search', '"the quick"', 'postgres', 'fox', '-', 'OR'];
const OPTIONS = ['', 'MaxWords=6, MinWords=2', 'MaxFragments=2, MaxWords=5, MinWords=2', 'HighlightAll=true', 'ShortWord=1, MaxWords=8, MinWords=3', 'StartSel=[, StopSel=]'];

const doc = fc
  .tuple(fc.array(fc.constantFrom(...VOCAB), { minLength: 1, maxLength: 28 }), fc.constantFrom(' ', ', ', '. '))
  .map(([w, sep]) => w.join(sep));
const query = fc
  .tuple(fc.constantFrom(...QUERY_WORDS), fc.array(fc.tuple(fc.constantFrom(...OPS), fc.constantFrom(...QUERY_WORDS), fc.boolean()), { maxLength: 3 }))
  .map(([first, rest]) => first + rest.map(([op, w, prefix]) => op + w + (prefix ? ':*' : '')).join(''));
const web = fc.array(fc.constantFrom(...WEB), { minLength: 1, maxLength: 4 }).map((a) => a.join(' '));

const SQL = `SELECT to_tsvector('english', $1) AS v, to_tsquery('english', $2) AS q,
  to_tsvector('english', $1) @@ to_tsquery('english', $2) AS m,
  ts_rank(setweight(to_tsvector('english', $1), 'B'), to_tsquery('english', $2)) AS r,
  ts_rank_cd(to_tsvector('english', $1), to_tsquery('english', $2), 4) AS rc,
  ts_headline('english', $1, to_tsquery('english', replace($2, '!', '')), $4) AS h,
  websearch_to_tsquery('english', $3) AS w,
  to_tsvector('english', $1) @@ websearch_to_tsquery('english', $3) AS wm,
  ts_rank(to_tsvector('english', $1), websearch_to_tsquery('english', $3)) AS wr`;

const asText = { getTypeParser: () => (v: string) => v };

describe('full-text search agrees with Postgres', () => {
  let twin: Twin;
  let client: pg.Client;
  beforeAll(async () => {
    twin = await createTwin('property_tsearch');
    client = new pg.Client(twin.oracleUrl);
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await twin?.close();
  });

  it('the default parser splits text into the same tokens', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(snippet, { minLength: 10, maxLength: 30 }), async (texts) => {
        const sql = "SELECT tokid, token FROM unnest($1::text[]) WITH ORDINALITY AS s(t, n), ts_parse('default', t) ORDER BY n";
        const want = await client.query({ text: sql, values: [texts], rowMode: 'array', types: asText } as pg.QueryConfig);
        const got = await twin.db.query({ text: sql, values: [texts], rowMode: 'array', types: asText });
        expect(got.rows).toEqual(want.rows);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('documents and queries give the same vectors, matches, ranks and headlines', async () => {
    await fc.assert(
      fc.asyncProperty(doc, query, web, fc.constantFrom(...OPTIONS), async (d, q, w, o) => {
        const values = [d, q, w, o];
        const want = await client.query({ text: SQL, values, rowMode: 'array', types: asText } as pg.QueryConfig);
        const got = await twin.db.query({ text: SQL, values, rowMode: 'array', types: asText });
        expect(got.rows).toEqual(want.rows);
      }),
      { seed: SEED, numRuns: RUNS * 3 },
    );
  });
});
