/**
 * Composite types against the oracle (a temp type `rt (a text, b int4, c text)`): record_in
 * syntax and errors, record_out quoting, ordering with NULLs, and hashing.
 * int4 uses the stand-in of standin-ios.ts until src/types/int.ts exists.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRecordIO } from '../../../src/types/record.js';
import { textIO } from '../../../src/types/text.js';
import { DEFAULT_IO_CONTEXT as ctx, type TypeIO } from '../../../src/types/type-io.js';
import { PgRecord } from '../../../src/types/values.js';
import { int4StandIn } from './standin-ios.js';
import { Oracle, faux, lit } from './text-json-oracle.js';

let oracle: Oracle;
beforeAll(async () => {
  oracle = await Oracle.connect();
  await oracle.rows('CREATE TYPE pg_temp.rt AS (a text, b int4, c text)');
});
afterAll(async () => {
  await oracle.close();
});

const rtIO = makeRecordIO([textIO as TypeIO, int4StandIn as TypeIO, textIO as TypeIO]);
const roundTrip = (s: string): string => rtIO.output(rtIO.input(s, -1, ctx), ctx);

const EDGE = [
  '(x,1,y)', '(,,)', '("",1,"")', '( x , 1 , y )', '(a b,1,c)', '("a""b",1,"c\\"d")', '(a\\,b,1,c)', '(a"b"c,1,)',
  '(x,1)', '(x,1,y,z)', ' (x,1,y) ', '(x,1,y) z', 'x,1,y', '(x,1,y', '(x,a,y)', '(x, 1,y)', '(x,1 ,y)', '("x" ,1,y)',
  '(x"y",1,)', '("",,)', '(NULL,,)', '(x,"1",)', '(x,"",)', '()', '(x,1,y))', '("x,1,y)', '(\\,1,)', '', '(', '(\\',
  '(x,1,\\', '(x,1,"a\\', '("a\tb",2,"(x)")', '(é,3,😀)', '(x,99999999999,y)', '\t(x,1,y)\n', '(x,1,y)\t\u000b',
];
const soup = fc
  .array(fc.constantFrom('(', ')', ',', 'x', ' ', '"', '""', '\\', 'a b', '1', '"1"', '""""', '\\,', 'é', '\t', ',,'), {
    minLength: 1,
    maxLength: 10,
  })
  .map((a) => a.join(''));

describe('record input and output', () => {
  it('parses like record_in (hand-picked and generated literals)', async () => {
    const inputs = [...EDGE, ...fc.sample(soup, { seed: 42, numRuns: 1500 })];
    const expected = await oracle.tryInput('pg_temp.rt', inputs);
    expect(inputs.map((s) => faux(() => roundTrip(s)))).toEqual(expected);
  });

  it('quotes fields like record_out', async () => {
    const field = fc.oneof(
      fc.constant(null),
      fc.array(fc.constantFrom('a', ' ', '"', '\\', '(', ')', ',', '\t', '\n', '\u000b', '\f', '\r', 'é', 'NULL', '{', '}', '\u00a0', 'x'), { maxLength: 4 }).map((a) => a.join('')),
    );
    const recs = fc.sample(fc.tuple(field, fc.oneof(fc.constant(null), fc.integer({ min: -5, max: 5 })), field), { seed: 42, numRuns: 300 });
    const texts = recs.map((r) => rtIO.output(new PgRecord([...r]), ctx));
    const rows = await oracle.rows(
      'SELECT concat(x::pg_temp.rt) AS out, row_to_json(x::pg_temp.rt)::text AS js FROM unnest($1::text[]) WITH ORDINALITY u(x, i) ORDER BY i',
      [texts],
    );
    expect(rows.map((r) => r.out)).toEqual(texts);
    expect(rows.map((r) => JSON.parse(r.js as string))).toEqual(recs.map(([a, b, c]) => ({ a, b, c })));
  });
});

describe('record ordering and hashing', () => {
  const recs = fc
    .sample(
      fc.tuple(
        fc.oneof(fc.constant(null), fc.constantFrom('a', 'B', 'b', '')),
        fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 2 })),
        fc.oneof(fc.constant(null), fc.constantFrom('x', 'y')),
      ),
      { seed: 42, numRuns: 300 },
    )
    .map((r) => new PgRecord([...r]));
  const texts = recs.map((r) => rtIO.output(r, ctx));

  it('orders like ORDER BY on the composite type (NULL fields last)', async () => {
    const rows = await oracle.rows(
      'SELECT i::int - 1 AS i FROM unnest($1::text[]) WITH ORDINALITY u(x, i) ORDER BY x::pg_temp.rt, i',
      [texts],
    );
    const actual = recs.map((_, i) => i).sort((x, y) => rtIO.compare(recs[x], recs[y]) || x - y);
    expect(actual).toEqual(rows.map((r) => Number(r.i)));
  });

  it('has hash keys equal exactly for equal records', async () => {
    const pairs = texts.map((t, i) => [t, texts[(i * 5 + 2) % texts.length]] as const);
    const expected = await oracle.tryExpr(pairs.map(([a, b]) => `${lit(a)}::pg_temp.rt IS NOT DISTINCT FROM ${lit(b)}::pg_temp.rt`));
    const actual = pairs.map(([a, b]) => {
      const x = rtIO.input(a, -1, ctx);
      const y = rtIO.input(b, -1, ctx);
      const eq = rtIO.compare(x, y) === 0;
      expect(rtIO.hashKey(x) === rtIO.hashKey(y)).toBe(eq);
      return { value: eq ? 'true' : 'false' };
    });
    expect(actual).toEqual(expected);
  });
});
