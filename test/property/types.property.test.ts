/**
 * Property test against the live oracle: for every supported type, generated input texts (valid,
 * edge and invalid spellings; see type-inputs.ts) are cast with `'<text>'::type`, and generated
 * values are cast between related types, under generated TimeZone / DateStyle / IntervalStyle /
 * bytea_output / extra_float_digits settings. fauxgres must print the same text or raise the same
 * SQLSTATE and message. Each run is one batch (one SELECT of many columns per engine).
 * Fixed seed and bounded runs; FAUXGRES_PROPERTY_RUNS raises the count for long runs.
 */
import { describe, it, beforeAll, afterAll, expect } from 'vitest';
import fc from 'fast-check';
import pg from 'pg';
import { createTwin, type Twin } from '../harness/twin.js';
import { compareExprs, describeMismatches } from './differential.js';
import { CASTS, SETTINGS, TYPE_INPUTS, TYPE_SETUP, lit } from './type-inputs.js';

const RUNS = Number(process.env.FAUXGRES_PROPERTY_RUNS ?? 100);
const SEED = Number(process.env.FAUXGRES_PROPERTY_SEED ?? 20261123);

/** One batch: settings plus a list of `'<text>'::type` expressions over all types. */
const inputBatch = fc.tuple(
  SETTINGS,
  fc.array(
    fc.constantFrom(...Object.keys(TYPE_INPUTS)).chain((t) => TYPE_INPUTS[t].map((v) => `${lit(v)}::${t}`)),
    { minLength: 20, maxLength: 40 },
  ),
);

/** One batch of casts `'<text>'::source::target`. */
const castBatch = fc.tuple(
  SETTINGS,
  fc.array(
    fc.integer({ min: 0, max: CASTS.length - 1 }).chain((i) => {
      const [src, gen, targets] = CASTS[i];
      return fc.tuple(gen, fc.constantFrom(...targets)).map(([v, dst]) => `${lit(v)}::${src}::${dst}`);
    }),
    { minLength: 20, maxLength: 40 },
  ),
);

describe('type input, output and casts agree with Postgres', () => {
  let twin: Twin;
  let client: pg.Client;
  beforeAll(async () => {
    twin = await createTwin('property_types', TYPE_SETUP);
    client = new pg.Client(twin.oracleUrl);
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await twin?.close();
  });

  it("'<text>'::type gives the same text or the same error", async () => {
    await fc.assert(
      fc.asyncProperty(inputBatch, async ([settings, exprs]) => {
        const ms = await compareExprs(client, twin.db, settings, exprs);
        expect(ms, describeMismatches(ms)).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('casts between related types give the same text or the same error', async () => {
    await fc.assert(
      fc.asyncProperty(castBatch, async ([settings, exprs]) => {
        const ms = await compareExprs(client, twin.db, settings, exprs);
        expect(ms, describeMismatches(ms)).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
