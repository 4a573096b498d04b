/**
 * json (and the shared JSON parser) against the oracle: valid documents come back byte for byte;
 * invalid ones raise the same SQLSTATE, message, detail and `JSON data, line N: ...` context.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonIO } from '../../../src/types/json.js';
import { DEFAULT_IO_CONTEXT as ctx } from '../../../src/types/type-io.js';
import { JSON_EDGE_CASES, jsonSoupText, jsonText } from './json-arbitraries.js';
import { Oracle, faux } from './text-json-oracle.js';

let oracle: Oracle;
beforeAll(async () => {
  oracle = await Oracle.connect();
});
afterAll(async () => {
  await oracle.close();
});


describe('json input', () => {
  it('matches the oracle on hand-picked inputs (value or error with detail and context)', async () => {
    const expected = await oracle.tryInput('json', JSON_EDGE_CASES);
    expect(JSON_EDGE_CASES.map((s) => faux(() => jsonIO.output(jsonIO.input(s, -1, ctx), ctx)))).toEqual(expected);
  });

  it('keeps valid generated documents byte for byte', async () => {
    const docs = fc.sample(jsonText, { seed: 42, numRuns: 300 });
    const expected = await oracle.tryInput('json', docs);
    expect(docs.map((s) => faux(() => jsonIO.output(jsonIO.input(s, -1, ctx), ctx)))).toEqual(expected);
  });

  it('reports the same errors on generated invalid input', async () => {
    const docs = fc.sample(jsonSoupText, { seed: 42, numRuns: 600 });
    const expected = await oracle.tryInput('json', docs);
    expect(docs.map((s) => faux(() => jsonIO.output(jsonIO.input(s, -1, ctx), ctx)))).toEqual(expected);
  });

  it('raises stack depth limit exceeded on very deep nesting', async () => {
    const deep = ['['.repeat(100000), '{"a":'.repeat(50000) + '1' + '}'.repeat(50000), '[[[1]]]'];
    const expected = await oracle.tryInput('json', deep);
    expect(deep.map((s) => faux(() => jsonIO.output(jsonIO.input(s, -1, ctx), ctx)))).toEqual(expected);
  });

  it('refuses ordering and hashing as Postgres does', () => {
    expect(faux(() => String(jsonIO.compare('1', '2')))).toEqual({
      code: '42883',
      message: 'could not identify an ordering operator for type json',
      hint: 'Use an explicit ordering operator or modify the query.',
    });
    expect(faux(() => String(jsonIO.hashKey('1')))).toEqual({
      code: '42883',
      message: 'could not identify an equality operator for type json',
    });
  });
});
