/**
 * uuid against the oracle: input forms (hyphens after any group of four digits, braces, case),
 * errors, canonical output, byte order; plus the v4 / v7 generators' shape and ordering.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_IO_CONTEXT as ctx } from '../../../src/types/type-io.js';
import { genRandomUuid, uuidFromBytes, uuidIO, uuidToBytes, uuidv7 } from '../../../src/types/uuid.js';
import { Oracle, faux } from './text-json-oracle.js';

let oracle: Oracle;
beforeAll(async () => {
  oracle = await Oracle.connect();
});
afterAll(async () => {
  await oracle.close();
});

const hex = fc.constantFrom(...'0123456789abcdefABCDEF');
/** 32 hex digits with random hyphens and braces, sometimes damaged. */
const uuidText = fc
  .tuple(
    fc.array(hex, { minLength: 31, maxLength: 33 }),
    fc.array(fc.boolean(), { minLength: 33, maxLength: 33 }),
    fc.boolean(),
    fc.constantFrom('', '', '', '-', 'x', ' ', '}'),
  )
  .map(([digits, hyphens, braces, junk]) => {
    let s = '';
    digits.forEach((d, i) => {
      s += d;
      if (hyphens[i] && i < digits.length - 1) s += '-';
    });
    if (junk) s = junk === '}' ? s + junk : s.slice(0, 10) + junk + s.slice(10);
    return braces ? `{${s}}` : s;
  });

const edge = [
  'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
  'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11',
  '{a0eebc999c0b4ef8bb6d6bb9bd380a11}',
  'a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11',
  '{a0eebc99-9c0b4ef8-bb6d6bb9-bd380a11}',
  'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1',
  'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11-',
  '-a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
  ' a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
  'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11 ',
  '{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
  'a0eebc999c0b4ef8bb6d6bb9bd380a11}',
  'a0e-ebc999c0b4ef8bb6d6bb9bd380a11',
  'a0eebc99--9c0b-4ef8-bb6d-6bb9bd380a11',
  '{}',
  '',
  '{',
  'a0eebc999c0b4ef8bb6d6bb9bd380a11a',
  '{a0eebc999c0b4ef8bb6d6bb9bd380a11-}',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
];

describe('uuid', () => {
  const inputs = [...edge, ...fc.sample(uuidText, { seed: 42, numRuns: 400 })];

  it('parses and prints like uuid_in / uuid_out', async () => {
    const expected = await oracle.tryInput('uuid', inputs);
    expect(inputs.map((s) => faux(() => uuidIO.output(uuidIO.input(s, -1, ctx), ctx)))).toEqual(expected);
  });

  it('orders like the oracle', async () => {
    const valid = inputs.flatMap((s) => {
      try {
        return [uuidIO.input(s, -1, ctx)];
      } catch {
        return [];
      }
    });
    const rows = await oracle.rows(
      'SELECT i::int - 1 AS i FROM unnest($1::uuid[]) WITH ORDINALITY u(x, i) ORDER BY x, i',
      [valid],
    );
    const actual = valid.map((_, i) => i).sort((x, y) => uuidIO.compare(valid[x], valid[y]) || x - y);
    expect(actual).toEqual(rows.map((r) => Number(r.i)));
  });

  it('generates RFC 9562 v4 and increasing v7 uuids', () => {
    for (let i = 0; i < 50; i++) {
      const u = genRandomUuid();
      expect(u).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    const fixed = genRandomUuid(() => new Uint8Array(16).fill(0xff));
    expect(fixed).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    let prev = '';
    const t = Date.UTC(2025, 0, 1);
    for (let i = 0; i < 5000; i++) {
      const u = uuidv7(t + Math.floor(i / 3000));
      expect(u).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(u > prev).toBe(true);
      prev = u;
    }
    const later = t + 10_000;
    const h = later.toString(16).padStart(12, '0');
    expect(uuidv7(later).slice(0, 13)).toBe(`${h.slice(0, 8)}-${h.slice(8)}`);
    const u = uuidv7();
    expect(uuidFromBytes(uuidToBytes(u))).toBe(u);
  });
});
