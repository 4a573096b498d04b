/**
 * Array types against the oracle: array_in syntax and every malformed-literal detail, element
 * input errors, bounds decoration, output quoting, btree ordering (elements, then count, ndims,
 * lengths, lower bounds), hashing, and element typmods (varchar(3)[]).
 *
 * int4 and bool have no TypeIO in src/types yet (int.ts / bool.ts are being written), so this
 * file uses the stand-ins of standin-ios.ts; numeric uses the real numericIO.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeArrayIO } from '../../../src/types/array.js';
import { numericIO } from '../../../src/types/numeric.js';
import { textIO, varcharIO } from '../../../src/types/text.js';
import { DEFAULT_IO_CONTEXT as ctx, type TypeIO } from '../../../src/types/type-io.js';
import { PgArray } from '../../../src/types/values.js';
import { boolStandIn, int4StandIn } from './standin-ios.js';
import { Oracle, faux, lit } from './text-json-oracle.js';

let oracle: Oracle;
beforeAll(async () => {
  oracle = await Oracle.connect();
});
afterAll(async () => {
  await oracle.close();
});

const int4IO = int4StandIn;
const boolIO = boolStandIn;

const textArrayIO = makeArrayIO(textIO, 'text');
const int4ArrayIO = makeArrayIO(int4IO as TypeIO, 'integer');
const numericArrayIO = makeArrayIO(numericIO as TypeIO, 'numeric');
const boolArrayIO = makeArrayIO(boolIO as TypeIO, 'boolean');
const varcharArrayIO = makeArrayIO(varcharIO as TypeIO, 'character varying');

const roundTrip = (io: TypeIO<PgArray>, s: string, typmod = -1): string => io.output(io.input(s, typmod, ctx), ctx);

const TEXT_EDGE = [
  '{}', '{ }', ' {} ', '{a,b}', '{ a , b }', '{"a b","c\\"d"}', '{a b}', '{ a b , c }', '{NULL,null,"NULL",Null}', '{"",a}',
  '{,}', '{a,}', '{a,,b}', '{{a,b},{c,d}}', '{{a,b},{c}}', '{{a},b}', '{a,{b}}', '[0:1]={a,b}', '[0:2]={a,b}',
  '[1:2][3:4]={{a,b},{c,d}}', '[1:2]={{a,b},{c,d}}', '[2]={a,b}', '[-1:0]={a,b}', '{a\\,b}', '{a\\"b}', '{"a\\\\b"}',
  '{a\\\\b}', '{\\ a}', '{a\\ }', 'a', '{a', '{a}}', '{a} x', '{{}}', '{{},{}}', '{"a"b}', '{a"b"}', '{"a" "b"}',
  '{"a",{b}}', '{{"a"},"b"}', '{NULL}', '{"é",😀}', '{a\tb}', '{{a,b},{c,d},{e,f}}', '{{{a}}}', '[1:1]={{a}}', '[1:2]={a}',
  '[a:b]={a}', '[1:2={a,b}', '[1:2]{a,b}', '[1:2] = {a,b}', ' [1:2]={a,b}', '[1:0]={}', '[1:2]={}', '{{NULL,a}}',
  '{{a,b},{}}', '{{},a}', '{a b"c"}', '{"a"}x', '{{a},{b}}x', '{{a}{b}}', '{a{b}}', '{{a},}', '{ {a} , {b} }',
  '{"a"  ,  "b"}', '{a,b}}', '{}}', '{{a}', '{"a', '{"a"', '{a\\', '[1:2]', '[1:2]=', '[]={}', '[1:]={a}', '[:2]={a,b}',
  '[1:2][1:1]={{a},{b}}', '[ 1 : 2 ]={a,b}', '{{{{{{{a}}}}}}}', '{{{{{{a}}}}}}', '[1:2147483648]={a}',
  '[2147483647:2147483647]={a}', '[2147483647:2147483648]={a}', '{a,b}  ', '{"a"b"c"}', '{ "a" }', '{NULL x}', '{nULL}',
  '{NULLx}', '{\\NULL}', '{ NULL }', '{a}{b}', '{{a},{b},c}', '{{a,b},{c,{d}}}', '{{a},{{b}}}', '{{{a}},{b}}',
  '[1:1]={a}x', '{}x', '{} ', '{{}', '{{},}', '{,a}', '{{a},,{b}}', '{a\u000b}', '\f{a}', '{"}', '{"\\"}',
  '[1:1][1:1]={a}', '[0]={}', '[1:1]={}', '[2:1]={}', '[-2147483648:-2147483647]={a,b}', '{{a}},{b}}', '[+1:2]={a,b}',
  '[01:02]={a,b}', '[1 :2]={a,b}', '[1: 2]={a,b}', '[-0:1]={a,b}', '[ 1:2]={a,b}', '[1:2 ]={a,b}',
  '[1:2]  [3:4]={{a,b},{c,d}}', '[2:1]', '[2:1]x', '[1:2]x', '[1:2', '[1', '[', '[1:2]={a', '[1:1]={a}}',
  '{{{{{{{}}}}}}}', '{{{{{{{', '{{},{a}}', '[9999999999]={a}', '[1:1]=={a}', '[1:2]={a,b} x', '[1:2a]={a}', '[1a:2]={a}',
  '[1:-1]={}', '[-1]={}', '[0:0]={a}', '[1:3]={{a}}', '[1:1][1:2]={{a,b}}', '[1:1][1:2]={a,b}', '{{a} b}', '{"a" b}',
  '{{a}"b"}', '{"a"{b}}', '{a"}', '[2147483646:2147483646]={a}', '[2147483646:2147483647]={a,b}',
  '[1:1][1:1][1:1][1:1][1:1][1:1][1:1]={{{{{{{a}}}}}}}', '[1:1][1:1][1:1][1:1][1:1][1:1]={{{{{{a}}}}}}', '{ "" }',
  '{"",""}', '{ , }', '{{ }}', '[0:0]={ }', '{"a\\b"}', '{a\u0001b}', '{"a\\\\b","x y",NULL,"","\\"",{}}',
  '{"{","}",",","\\\\"}', '{ a\\  }', '{ \\ a }', '{{},{{NULL{,', '{{},{{a}}}', '{{},{{}}}', '{{},{{', '{{a},{{',
  '{{{}},{}}', '{{{},{}},{{},{}}}', '{{a}"b"{', '{{a}b{', '[1:1]={{', '[1:2]={a}x', '{{}NULL', '[1:2]={}x', '[1:1]={a,b',
];

/** Array-literal token soup, mostly malformed. */
const soup = fc
  .array(
    fc.constantFrom('{', '}', ',', 'a', ' ', '"b c"', '"\\""', '\\,', 'NULL', '"NULL"', '[1:2]=', '[0:1]', '=', '"', '\\', 'x y', '{}', '[2]', '1', 'é', '{{', '}}', ',{', '[1:2][1:1]=', '{a}'),
    { minLength: 1, maxLength: 10 },
  )
  .map((a) => a.join(''));

describe('array input and output', () => {
  it('text[]: hand-picked literals (value or error with detail)', async () => {
    const expected = await oracle.tryInput('text[]', TEXT_EDGE);
    expect(TEXT_EDGE.map((s) => faux(() => roundTrip(textArrayIO, s)))).toEqual(expected);
  });

  it('text[]: generated literals', async () => {
    const inputs = fc.sample(soup, { seed: 42, numRuns: 1500 });
    const expected = await oracle.tryInput('text[]', inputs);
    expect(inputs.map((s) => faux(() => roundTrip(textArrayIO, s)))).toEqual(expected);
  });

  it('int4[], numeric[], bool[]: element errors come in reading order', async () => {
    const intInputs = ['{x,}', '{{1},x', '{1,x}}', '{ 1 , 2 }', '{"1"}', '{1 2}', '[1:2]={x,1}', '{{1},{x}', '{1,2', '{{1},x}',
      '{{x},1}', '{1,{x}}', '{{1,x},{2}}', '{99999999999}', '{-1,+2,NULL, 3 }', '[0:2]={1,2,3}', '{{1,2},{3,4}}', '{}'];
    expect(intInputs.map((s) => faux(() => roundTrip(int4ArrayIO, s)))).toEqual(await oracle.tryInput('int4[]', intInputs));
    const numInputs = ['{1.50,NULL,-0,1e3,NaN,Infinity}', '{{1.0},{2}}', '{abc}', '{"1.5"," 2 "}', '{1,2', '{1e1000000}'];
    expect(numInputs.map((s) => faux(() => roundTrip(numericArrayIO, s)))).toEqual(await oracle.tryInput('numeric[]', numInputs));
    const boolInputs = ['{t,f,NULL}', '{true, false ,yes}', '{x}', '{{t},{f}}', '[0:1]={on,off}'];
    expect(boolInputs.map((s) => faux(() => roundTrip(boolArrayIO, s)))).toEqual(await oracle.tryInput('bool[]', boolInputs));
  });

  it('quotes output elements as array_out does', async () => {
    const weird = fc.array(
      fc.oneof(
        fc.constant(null),
        fc.array(fc.constantFrom('a', ' ', '"', '\\', '{', '}', ',', '\t', '\n', '\u000b', '\f', '\r', 'é', 'NULL', 'null', ';', '(', '\u00a0', '\u2003', 'x'), { maxLength: 4 }).map((a) => a.join('')),
      ),
      { minLength: 1, maxLength: 6 },
    );
    const arrays = fc.sample(weird, { seed: 42, numRuns: 300 });
    const texts = arrays.map((items) => textArrayIO.output(PgArray.of(items), ctx));
    // The oracle reads our output back to the same elements and prints it the same way.
    const rows = await oracle.rows(
      'SELECT concat(x::text[]) AS out, array_to_json(x::text[])::text AS js FROM unnest($1::text[]) WITH ORDINALITY u(x, i) ORDER BY i',
      [texts],
    );
    expect(rows.map((r) => r.out)).toEqual(texts);
    expect(rows.map((r) => JSON.parse(r.js as string))).toEqual(arrays);
  });

  it('applies element typmods: varchar(3)[] assignment and explicit casts', async () => {
    await oracle.rows('CREATE TEMP TABLE ta (v varchar(3)[])');
    const inputs = ['{abc,de}', '{abcd}', '{"ab  ",NULL}', '{{abcd,x},{y,z}}', '{"abc   "}'];
    const expected = await oracle.trySql(inputs.map((s) => `INSERT INTO ta VALUES (${lit(s)}) RETURNING concat(v)`));
    expect(inputs.map((s) => faux(() => roundTrip(varcharArrayIO, s, 7)))).toEqual(expected);
    const explicit = await oracle.tryExpr(inputs.map((s) => `concat(CAST(${lit(s)}::text[] AS varchar(3)[]))`));
    const apply = varcharArrayIO.applyTypmod as NonNullable<TypeIO<PgArray>['applyTypmod']>;
    expect(inputs.map((s) => faux(() => varcharArrayIO.output(apply(textArrayIO.input(s, -1, ctx), 7, true), ctx)))).toEqual(explicit);
  });
});

describe('array ordering and hashing', () => {
  const shapes = fc.oneof(
    fc.array(fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constant(null)), { maxLength: 4 }).map((items) => ({ items, dims: [items.length], lb: [1] })),
    fc
      .tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 2 }), fc.integer({ min: -1, max: 2 }), fc.integer({ min: 0, max: 2 }))
      .chain(([r, c, lb1, lb2]) =>
        fc.array(fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constant(null)), { minLength: r * c, maxLength: r * c }).map((items) => ({ items, dims: [r, c], lb: [lb1, lb2] })),
      ),
    fc.tuple(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 3 }), fc.integer({ min: -1, max: 2 })).map(([items, lb]) => ({ items, dims: [items.length], lb: [lb] })),
  );
  const values = fc.sample(shapes, { seed: 42, numRuns: 400 }).map(({ items, dims, lb }) =>
    items.length === 0 ? new PgArray([], [], []) : new PgArray(items, dims, lb),
  );
  const texts = values.map((v) => int4ArrayIO.output(v, ctx));

  it('orders like ORDER BY on int4[]', async () => {
    const rows = await oracle.rows(
      'SELECT i::int - 1 AS i FROM unnest($1::text[]) WITH ORDINALITY u(x, i) ORDER BY x::int4[], i',
      [texts],
    );
    const parsed = texts.map((t) => int4ArrayIO.input(t, -1, ctx));
    expect(parsed.map((p) => int4ArrayIO.output(p, ctx))).toEqual(texts);
    const actual = parsed.map((_, i) => i).sort((x, y) => int4ArrayIO.compare(parsed[x], parsed[y]) || x - y);
    expect(actual).toEqual(rows.map((r) => Number(r.i)));
  });

  it('has hash keys equal exactly when the oracle finds the arrays equal', async () => {
    const pairs = texts.map((t, i) => [t, texts[(i * 3 + 1) % texts.length]] as const);
    pairs.push(['[0:1]={1,2}', '{1,2}'], ['{{1,2}}', '{1,2}'], ['{}', '{{}}'], ['{NULL}', '{NULL}']);
    const expected = await oracle.tryExpr(pairs.map(([a, b]) => `${lit(a)}::int4[] = ${lit(b)}::int4[]`));
    const actual = pairs.map(([a, b]) => {
      const x = int4ArrayIO.input(a, -1, ctx);
      const y = int4ArrayIO.input(b, -1, ctx);
      const eq = int4ArrayIO.compare(x, y) === 0;
      expect(int4ArrayIO.hashKey(x) === int4ArrayIO.hashKey(y)).toBe(eq);
      return { value: eq ? 'true' : 'false' };
    });
    expect(actual).toEqual(expected);
  });

  it('orders text[] elements by the default collation', async () => {
    const arrs = ['{a,B}', '{A,b}', '{a}', '{B}', '{"",a}', '{NULL,a}', '{a,NULL}', '{é}', '{e}', '{f}'];
    const rows = await oracle.rows('SELECT i::int - 1 AS i FROM unnest($1::text[]) WITH ORDINALITY u(x, i) ORDER BY x::text[], i', [arrs]);
    const parsed = arrs.map((t) => textArrayIO.input(t, -1, ctx));
    const actual = parsed.map((_, i) => i).sort((x, y) => textArrayIO.compare(parsed[x], parsed[y]) || x - y);
    expect(actual).toEqual(rows.map((r) => Number(r.i)));
  });
});
