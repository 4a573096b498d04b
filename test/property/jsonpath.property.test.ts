/**
 * Property test against the live oracle: generated jsonpath expressions evaluated over generated
 * jsonb documents with jsonb_path_query_array / jsonb_path_exists / jsonb_path_match, lax and
 * strict, silent or not, with variables; fauxgres must give the same result text or the same
 * SQLSTATE and message. Each run is one batch (one SELECT of many columns per engine).
 * Fixed seed and bounded runs; FAUXGRES_PROPERTY_RUNS raises the count for long runs.
 */
import { describe, it, beforeAll, afterAll, expect } from 'vitest';
import fc from 'fast-check';
import pg from 'pg';
import { createTwin, type Twin } from '../harness/twin.js';
import { compareExprs, describeMismatches } from './differential.js';
import { lit } from './type-inputs.js';

const RUNS = Number(process.env.FAUXGRES_PROPERTY_RUNS ?? 60);
const SEED = Number(process.env.FAUXGRES_PROPERTY_SEED ?? 20261123);

/** Small JSON documents: scalars of every kind, arrays and objects nested up to three levels. */
const scalar = fc.oneof(
  fc.constantFrom('null', 'true', 'false', '0', '1', '-2.5', '1.50', '1e2', '10', '"a"', '"abc"', '""', '"2024-03-01"', '"10:20:30"', '"2024-03-01 10:00:00+02"', '"1.5"', '"x y"'),
  fc.integer({ min: -20, max: 20 }).map(String),
);
const key = fc.constantFrom('a', 'b', 'c', 'x y', 'size');
const doc: fc.Arbitrary<string> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }).map((xs) => `[${xs.join(', ')}]`),
  object: fc.uniqueArray(fc.tuple(key, tie('value')), { maxLength: 4, selector: ([k]) => k }).map((kv) => `{${kv.map(([k, v]) => `${JSON.stringify(k)}: ${v}`).join(', ')}}`),
})).value as fc.Arbitrary<string>;

/** Paths built from the pieces applications use. */
const primary = fc.constantFrom('$', '$', '$', '$v', '@');
const accessor = fc.constantFrom(
  '.a', '.b', '.c', '."x y"', '.*', '[*]', '[0]', '[1]', '[last]', '[0 to 1]', '[1 to last]', '[-1]', '[$i]', '.**', '.**{1}', '.**{0 to 1}',
  '.type()', '.size()', '.abs()', '.floor()', '.ceiling()', '.double()', '.number()', '.integer()', '.string()', '.boolean()', '.bigint()',
  '.keyvalue()', '.keyvalue().key', '.datetime()', '.date()', '.decimal(4,1)',
);
const comparison = fc.tuple(
  fc.constantFrom('@', '@.a', '@.b', '@[*]', '@.type()', '@.size()', '$v', '$.a'),
  fc.constantFrom('==', '!=', '<', '>=', '<>'),
  fc.constantFrom('1', '"a"', 'null', 'true', '$v', '@.b', '0.5', '"2024-03-01".datetime()', '@'),
).map(([l, op, r]) => `${l} ${op} ${r}`);
const predicate = fc.oneof(
  comparison,
  fc.tuple(comparison, fc.constantFrom('&&', '||'), comparison).map(([a, op, b]) => `${a} ${op} ${b}`),
  comparison.map((c) => `!(${c})`),
  comparison.map((c) => `(${c}) is unknown`),
  fc.constantFrom('exists(@.a)', '@ starts with "a"', '@ like_regex "^a" flag "i"', '@.a like_regex "b"', 'exists(@[*] ? (@ > 1))'),
);
const step = fc.oneof({ weight: 3, arbitrary: accessor }, { weight: 1, arbitrary: predicate.map((p) => ` ? (${p})`) });
const path = fc
  .tuple(fc.constantFrom('', 'strict ', 'lax '), primary, fc.array(step, { maxLength: 4 }), fc.constantFrom('', '', '', ' + 1', ' * 2', ' / 0', ' == 1', ' > $v', ' - $.a'))
  .map(([mode, p, steps, tail]) => `${mode}${p === '@' ? '$' : p}${steps.join('')}${tail}`);
const vars = fc.constantFrom(`'{"v": 1, "i": 0}'`, `'{"v": "a", "i": 1}'`, `'{"v": null, "i": 5}'`, `'{"v": [1, 2], "i": 0}'`);

const call = fc.tuple(doc, path, vars, fc.boolean(), fc.constantFrom('jsonb_path_query_array', 'jsonb_path_exists', 'jsonb_path_match', 'jsonb_path_query_first', 'jsonb_path_query_array_tz')).map(
  ([d, p, v, silent, fn]) => `${fn}(${lit(d)}::jsonb, ${lit(p)}, ${v}, ${silent})`,
);

describe('jsonpath evaluation agrees with Postgres', () => {
  let twin: Twin;
  let client: pg.Client;
  beforeAll(async () => {
    twin = await createTwin('property_jsonpath', '');
    client = new pg.Client(twin.oracleUrl);
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await twin?.close();
  });

  it('jsonb_path_* over generated documents and paths give the same result or error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(call, { minLength: 10, maxLength: 25 }), async (exprs) => {
        const ms = await compareExprs(client, twin.db, [], exprs);
        expect(ms, describeMismatches(ms)).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
