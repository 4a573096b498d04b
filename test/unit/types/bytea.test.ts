/**
 * bytea against the oracle: hex and escape input (whitespace between hex pairs, octal escapes,
 * UTF-8 of other characters), their errors, hex and escape output, and memcmp-then-length order.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byteaIO } from '../../../src/types/bytea.js';
import { DEFAULT_IO_CONTEXT as ctx } from '../../../src/types/type-io.js';
import { Oracle, faux } from './text-json-oracle.js';

let oracle: Oracle;
beforeAll(async () => {
  oracle = await Oracle.connect();
});
afterAll(async () => {
  await oracle.close();
});

const edge = [
  '\\x0aff', '\\x0AFF', '\\x', '\\x 0a ff', '\\x0 a', '\\x0aF', '\\x0g', '\\xg0', 'abc', 'abc\\\\000\\\\\\\\', 'abc\\000',
  'a\\\\b', 'a\\b', 'a\\1', 'a\\12', 'a\\123', 'a\\400', 'a\\377', 'é', '\\X0a', '\\x0a\\n', 'a\\', '\\', '\\\\',
  '\\x0a\tff', '\\x0a\nff', '\\x0a\fff', '\\x0a\vff', '\\x0a\rff', '\\x0é', '\\x0', '\\x0 ', '\\xé0', '\\x😀0', ' \\x0a',
  '\\x0a ', '', '😀', 'a\\000b\\\\c',
];
const hexText = fc
  .array(fc.tuple(fc.constantFrom(...'0123456789abcdefABCDEF'), fc.constantFrom(...'0123456789abcdefABCDEFg'), fc.constantFrom('', '', ' ', '\n', '\t')), { maxLength: 8 })
  .map((pairs) => '\\x' + pairs.map(([a, b, w]) => a + b + w).join(''));
const escapeText = fc
  .array(fc.constantFrom('a', 'Z', ' ', '\\\\', '\\000', '\\377', '\\101', '\\8', 'é', '😀', '~', '\\1'), { maxLength: 6 })
  .map((a) => a.join(''));
const inputs = [...edge, ...fc.sample(hexText, { seed: 42, numRuns: 200 }), ...fc.sample(escapeText, { seed: 43, numRuns: 200 })];

describe('bytea', () => {
  it('parses and prints hex like byteain / byteaout', async () => {
    const expected = await oracle.tryInput('bytea', inputs);
    expect(inputs.map((s) => faux(() => byteaIO.output(byteaIO.input(s, -1, ctx), ctx)))).toEqual(expected);
  });

  it('prints the escape format when bytea_output = escape', async () => {
    const valid = inputs.filter((s) => faux(() => byteaIO.output(byteaIO.input(s, -1, ctx), ctx)).value !== undefined);
    valid.push('\\x00015c7f80ff20417e22');
    await oracle.rows('SET bytea_output = escape');
    const expected = await oracle.tryInput('bytea', valid);
    await oracle.rows('RESET bytea_output');
    const ectx = { ...ctx, byteaOutput: 'escape' as const };
    expect(valid.map((s) => faux(() => byteaIO.output(byteaIO.input(s, -1, ectx), ectx)))).toEqual(expected);
  });

  it('orders by bytes, then length', async () => {
    const vals = [...fc.sample(fc.uint8Array({ maxLength: 4, max: 3 }), { seed: 1, numRuns: 200 }), new Uint8Array([255]), new Uint8Array([])];
    const texts = vals.map((v) => byteaIO.output(v, ctx));
    const rows = await oracle.rows(
      'SELECT i::int - 1 AS i FROM unnest($1::bytea[]) WITH ORDINALITY u(x, i) ORDER BY x, i',
      [`{${texts.map((t) => `"\\${t}"`).join(',')}}`],
    );
    const actual = vals.map((_, i) => i).sort((x, y) => byteaIO.compare(vals[x], vals[y]) || x - y);
    expect(actual).toEqual(rows.map((r) => Number(r.i)));
    expect(byteaIO.hashKey(new Uint8Array([1, 2]))).toBe(byteaIO.hashKey(byteaIO.input('\\x0102', -1, ctx)));
  });
});
