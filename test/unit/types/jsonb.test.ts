/**
 * jsonb input, output, ordering and hashing against the oracle: normalised output (key order,
 * duplicate keys, numbers as numeric_out prints them, escapes), the errors only jsonb raises
 * (surrogates, \u0000), btree ORDER BY on generated documents, and hash keys consistent with `=`.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  JSONB_NULL,
  JsonbObject,
  compareJsonb,
  jsonbFromJs,
  jsonbHashKey,
  jsonbIO,
  jsonbPretty,
  jsonbToJs,
  jsonbToText,
  jsonbTypeof,
  parseJsonb,
} from '../../../src/types/jsonb.js';
import { DEFAULT_IO_CONTEXT as ctx } from '../../../src/types/type-io.js';
import { JSON_EDGE_CASES, jsonSoupText, jsonText } from './json-arbitraries.js';
import { Oracle, faux, lit } from './text-json-oracle.js';

let oracle: Oracle;
beforeAll(async () => {
  oracle = await Oracle.connect();
});
afterAll(async () => {
  await oracle.close();
});

const docs = fc.sample(jsonText, { seed: 42, numRuns: 400 });
const roundTrip = (s: string): string => jsonbIO.output(jsonbIO.input(s, -1, ctx), ctx);

describe('jsonb input and output', () => {
  it('matches the oracle on hand-picked inputs', async () => {
    const inputs = [
      ...JSON_EDGE_CASES,
      '[1e5,-0.0e-0,-0,1.0,1e2,1.5e-3,1E+2,0.0001e4,123456789012345678901234567890,1e-20]',
      '{"b":1,"a":2,"aa":3,"ab":{"z":null,"y":[true,false]},"a":4}',
      ' { "a" : "x\\ty\\u00e9\\"\\\\\\/\\b\\f\\n\\r\\u0001\\u001f\\u007f" } ',
      '{"é":1,"z":2,"zz":3,"😀":4, "ab":5, "b":6}',
      '"\\u00e9\\u0041\\/"',
      '"a\\u001Fb"',
      '[[],{}]',
      '1e131071',
      '1e131072',
      '1e-16383',
      '1e-16384',
      '0e99999',
      '"\\uD83D\\uDE00"',
    ];
    const expected = await oracle.tryInput('jsonb', inputs);
    expect(inputs.map((s) => faux(() => roundTrip(s)))).toEqual(expected);
  });

  it('normalises generated documents like the oracle', async () => {
    const expected = await oracle.tryInput('jsonb', docs);
    expect(docs.map((s) => faux(() => roundTrip(s)))).toEqual(expected);
  });

  it('reports the same errors on generated invalid input', async () => {
    const soup = fc.sample(jsonSoupText, { seed: 43, numRuns: 600 });
    const expected = await oracle.tryInput('jsonb', soup);
    expect(soup.map((s) => faux(() => roundTrip(s)))).toEqual(expected);
  });

  it('pretty-prints and names types like jsonb_pretty / jsonb_typeof', async () => {
    const sample = [...docs.slice(0, 150), '[]', '{}', '[[]]', '[{}]', '{"a":{}}'];
    const expected = await oracle.tryExpr(sample.flatMap((s) => [`jsonb_pretty(${lit(s)})`, `jsonb_typeof(${lit(s)})`]));
    const actual = sample.flatMap((s) => {
      const v = parseJsonb(s);
      return [{ value: jsonbPretty(v) }, { value: jsonbTypeof(v) }];
    });
    expect(actual).toEqual(expected);
  });
});

describe('jsonb ordering and hashing', () => {
  it('orders generated documents like ORDER BY on the oracle', async () => {
    const values = [...docs, '[]', 'null', '{}', '[[]]', '[null]', '""', '0', '1.0', '1', 'true', 'false', '{"a":[]}', '{"a":null}'];
    const rows = await oracle.rows(
      'SELECT i::int - 1 AS i FROM unnest($1::jsonb[]) WITH ORDINALITY u(x, i) ORDER BY x, i',
      [values],
    );
    const parsed = values.map(parseJsonb);
    const actual = parsed.map((_, i) => i).sort((x, y) => compareJsonb(parsed[x], parsed[y]) || x - y);
    expect(actual.map((i) => values[i])).toEqual(rows.map((r) => values[Number(r.i)]));
  });

  it('has hash keys equal exactly for values the oracle finds equal', async () => {
    // Pairs that are often equal: a document and a respelling of it (numbers rescaled, keys reordered).
    const respell = (s: string): string =>
      jsonbToText(parseJsonb(s)).replace(/(?<![\w.])(\d+)(?![\w.])/g, (d) => (Number(d) % 2 === 0 ? d + '.00' : d + 'e0'));
    const pairs: [string, string][] = docs.slice(0, 200).map((d, i) => [d, i % 3 === 0 ? docs[(i * 7) % docs.length] : respell(d)]);
    const expected = await oracle.tryExpr(pairs.map(([a, b]) => `${lit(a)}::jsonb = ${lit(b)}::jsonb`));
    const actual = pairs.map(([a, b]) => {
      const x = parseJsonb(a);
      const y = parseJsonb(b);
      const eq = compareJsonb(x, y) === 0;
      expect(jsonbHashKey(x) === jsonbHashKey(y)).toBe(eq);
      return { value: eq ? 'true' : 'false' };
    });
    expect(actual).toEqual(expected);
  });
});

describe('jsonb value model', () => {
  it('stores keys shortest first then bytewise, last duplicate winning', () => {
    const o = JsonbObject.fromEntries([
      ['b', true],
      ['aa', 'x'],
      ['é', JSONB_NULL],
      ['zz', false],
      ['b', false],
    ]);
    expect(o.keys).toEqual(['b', 'aa', 'zz', 'é']);
    expect(o.get('b')).toBe(false);
    expect(Object.isFrozen(parseJsonb('[1]'))).toBe(true);
  });

  it('converts from and to plain JS values', () => {
    const js = { b: [1, 2.5, null, 'x', { c: true }], a: -0, big: 12345678901234567890n, __proto__x: 1 };
    const v = jsonbFromJs(js);
    expect(jsonbToText(v)).toBe('{"a": 0, "b": [1, 2.5, null, "x", {"c": true}], "big": 12345678901234567890, "__proto__x": 1}');
    expect(jsonbToJs(parseJsonb('{"a":[1,"x",null,{"b":false}]}'))).toEqual({ a: [1, 'x', null, { b: false }] });
    expect(jsonbToJs(parseJsonb('{"__proto__":1}'))).toEqual(JSON.parse('{"__proto__":1}'));
  });
});
