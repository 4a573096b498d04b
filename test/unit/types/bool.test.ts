/**
 * Differential tests of src/types/bool.ts against the oracle: boolean text input (words, unique
 * prefixes, case, whitespace, errors) and output (boolout's `t` / `f`), and ordering.
 * Expected values come from the oracle in this run.
 */
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPgError } from '../../../src/errors/pg-error.js';
import { DEFAULT_IO_CONTEXT } from '../../../src/types/type-io.js';
import { boolIO } from '../../../src/types/bool.js';

let client: pg.Client;

beforeAll(async () => {
  client = new pg.Client(process.env.PG_ORACLE_URL);
  await client.connect();
});

afterAll(async () => {
  await client.end();
});

/** boolout of each input on the oracle, or `ERR <code> <message>` (input errors are soft, so one query suffices). */
async function oracle(inputs: string[]): Promise<string[]> {
  const r = await client.query({
    text: `SELECT CASE WHEN e.message IS NULL THEN textin(boolout(t.x::bool)) ELSE 'ERR ' || e.sql_error_code || ' ' || e.message END
           FROM unnest($1::text[]) WITH ORDINALITY AS t(x, i), LATERAL pg_input_error_info(t.x, 'boolean') AS e ORDER BY t.i`,
    values: [inputs],
    rowMode: 'array',
  });
  return (r.rows as string[][]).map((row) => row[0]);
}

function ours(s: string): string {
  try {
    return boolIO.output(boolIO.input(s, -1, DEFAULT_IO_CONTEXT), DEFAULT_IO_CONTEXT);
  } catch (e) {
    if (isPgError(e)) return `ERR ${e.code} ${e.message}`;
    return `THROWN ${String(e)}`;
  }
}

async function check(inputs: string[]): Promise<void> {
  const expected = await oracle(inputs);
  const mismatches = inputs.flatMap((s, i) => {
    const got = ours(s);
    return got === expected[i] ? [] : [`${JSON.stringify(s)}\n  oracle: ${expected[i]}\n  ours:   ${got}`];
  });
  expect(`${mismatches.length} mismatches\n${mismatches.slice(0, 20).join('\n')}`).toBe('0 mismatches\n');
}

describe('boolean input/output', () => {
  it('matches the oracle on hand-picked inputs', async () => {
    await check([
      't', 'true', 'TRUE', 'tr', 'tru', 'truex', 'y', 'ye', 'yes', 'yess', 'on', 'ON', 'On', 'o', 'of', 'off', 'oFF',
      'offf', 'onn', '1', '0', '01', '10', '00', '11', 'f', 'fa', 'fal', 'false', 'FALSE', 'n', 'no', 'NO', 'non',
      ' t ', '\ttrue\n', '\v\fno\r', '', ' ', 'x', 'disable', 'enable', 'yes please', 't rue', '\u00a0t', 'ｔ', '-1', '+1',
      'İ', 'ı',
    ]);
  });

  it('matches the oracle on generated inputs', async () => {
    const word = fc.constantFrom('true', 'false', 'yes', 'no', 'on', 'off', '1', '0', 'tx', 'nope', 'o');
    const spelled = fc
      .tuple(
        fc.constantFrom('', ' ', '\t', '\n '),
        word,
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        fc.constantFrom('', ' ', 'x', '\r'),
      )
      .map(([pre, w, len, upper, post]) => {
        const body = [...w.slice(0, len)].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join('');
        return pre + body + post;
      });
    await check(fc.sample(spelled, { seed: 42, numRuns: 400 }));
  });

  it('orders false before true', () => {
    expect(boolIO.compare(false, true)).toBeLessThan(0);
    expect(boolIO.compare(true, false)).toBeGreaterThan(0);
    expect(boolIO.compare(true, true)).toBe(0);
    expect(boolIO.hashKey(true)).not.toBe(boolIO.hashKey(false));
  });
});
