/**
 * text / varchar(n) / char(n) / name / "char" against the oracle: input with typmods (assignment
 * raises 22001, explicit casts truncate), bpchar padding and trailing-space-insensitive order,
 * name truncation to 63 bytes, "char" bytes, and character / byte lengths.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bpcharIO,
  charIO,
  charLength,
  nameIO,
  textIO,
  trimTrailingSpaces,
  utf8Length,
  varcharIO,
} from '../../../src/types/text.js';
import { DEFAULT_IO_CONTEXT as ctx } from '../../../src/types/type-io.js';
import { Oracle, faux, lit } from './text-json-oracle.js';

let oracle: Oracle;
beforeAll(async () => {
  oracle = await Oracle.connect();
  await oracle.rows('CREATE TEMP TABLE tv (v5 varchar(5), c5 char(5), c1 char(1), vx varchar, cx bpchar)');
});
afterAll(async () => {
  await oracle.close();
});

const unit = fc.constantFrom(...'ab xyZ\t', ' ', ' ', 'é', '😀', '中');
const strings = fc.array(unit, { maxLength: 9 }).map((a) => a.join(''));
const edge = ['', ' ', 'abc', 'abcde', 'abcdef', 'abcde   ', 'abc  x', 'abcde\t', '  ', '😀😀😀😀😀', '😀😀😀😀😀 ', '😀😀😀😀😀😀', 'ééééé  ', 'a'];
const sample = [...edge, ...fc.sample(strings, { seed: 42, numRuns: 300 })];

describe('varchar(n) and char(n)', () => {
  it('assignment keeps, cuts spaces or raises 22001 like an INSERT', async () => {
    for (const [col, io, typmod] of [
      ['v5', varcharIO, 9],
      ['c5', bpcharIO, 9],
      ['c1', bpcharIO, 5],
      ['vx', varcharIO, -1],
      ['cx', bpcharIO, -1],
    ] as const) {
      const expected = await oracle.trySql(sample.map((s) => `INSERT INTO tv (${col}) VALUES (${lit(s)}) RETURNING concat(${col})`));
      const actual = sample.map((s) => faux(() => io.output(io.input(s, typmod, ctx), ctx)));
      expect(actual, col).toEqual(expected);
      const viaTypmod = sample.map((s) => faux(() => io.output((io.applyTypmod ?? ((v) => v))(s, typmod, false), ctx)));
      expect(viaTypmod, col).toEqual(expected);
    }
  });

  it('explicit casts truncate silently', async () => {
    for (const [type, io, typmod] of [
      ['varchar(5)', varcharIO, 9],
      ['char(5)', bpcharIO, 9],
      ['char(1)', bpcharIO, 5],
    ] as const) {
      const expected = await oracle.tryExpr(sample.map((s) => `concat(CAST(${lit(s)}::text AS ${type}))`));
      const actual = sample.map((s) => faux(() => io.output((io.applyTypmod ?? ((v) => v))(s, typmod, true), ctx)));
      expect(actual, type).toEqual(expected);
    }
  });

  it('bpchar compares and hashes without trailing spaces; its cast to text strips them', async () => {
    const values = [...sample, 'a ', 'a', 'a\t', 'A', 'b  '];
    const rows = await oracle.rows(
      'SELECT i::int - 1 AS i, x::bpchar::text AS t FROM unnest($1::text[]) WITH ORDINALITY u(x, i) ORDER BY x::bpchar, i',
      [values],
    );
    const actual = values.map((_, i) => i).sort((x, y) => bpcharIO.compare(values[x], values[y]) || x - y);
    expect(actual).toEqual(rows.map((r) => Number(r.i)));
    for (const r of rows) expect(trimTrailingSpaces(values[Number(r.i)])).toBe(r.t);
    expect(bpcharIO.hashKey('ab  ')).toBe(bpcharIO.hashKey('ab'));
    expect(bpcharIO.compare('ab  ', 'ab')).toBe(0);
  });

  it('text and varchar order under the default collation', async () => {
    const rows = await oracle.rows(
      'SELECT i::int - 1 AS i FROM unnest($1::text[]) WITH ORDINALITY u(x, i) ORDER BY x::varchar, i',
      [sample],
    );
    const actual = sample.map((_, i) => i).sort((x, y) => varcharIO.compare(sample[x], sample[y]) || x - y);
    expect(actual).toEqual(rows.map((r) => Number(r.i)));
    expect(textIO.compare).toBe(varcharIO.compare);
  });

  it('counts characters and bytes like length() and octet_length()', async () => {
    const rows = await oracle.rows(
      'SELECT length(x) AS l, octet_length(x) AS o FROM unnest($1::text[]) WITH ORDINALITY u(x, i) ORDER BY i',
      [sample],
    );
    expect(sample.map((s) => [String(charLength(s)), String(utf8Length(s))])).toEqual(rows.map((r) => [r.l, r.o]));
  });
});

describe('name', () => {
  it('truncates to 63 bytes without splitting a character, and orders like "C"', async () => {
    const names = [
      'a'.repeat(63),
      'a'.repeat(64),
      'é'.repeat(31) + 'a',
      'é'.repeat(32),
      'a' + 'é'.repeat(31),
      'x' + '😀'.repeat(16),
      '😀'.repeat(16),
      '中'.repeat(21),
      '中'.repeat(22),
      'B',
      'a',
      '_x',
      ...fc.sample(fc.array(fc.constantFrom('a', 'B', 'é', '😀', '中', ' '), { maxLength: 40 }).map((a) => a.join('')), {
        seed: 5,
        numRuns: 100,
      }),
    ];
    const expected = await oracle.tryInput('name', names);
    expect(names.map((s) => faux(() => nameIO.output(nameIO.input(s, -1, ctx), ctx)))).toEqual(expected);
    // A name column has collation "C" (a cast from text would inherit the default collation).
    await oracle.rows('CREATE TEMP TABLE tn (n name, i int)');
    await oracle.rows('INSERT INTO tn SELECT x, i - 1 FROM unnest($1::text[]) WITH ORDINALITY u(x, i)', [names]);
    const rows = await oracle.rows('SELECT i FROM tn ORDER BY n, i');
    const actual = names.map((_, i) => i).sort((x, y) => nameIO.compare(nameIO.input(names[x], -1, ctx), nameIO.input(names[y], -1, ctx)) || x - y);
    expect(actual).toEqual(rows.map((r) => Number(r.i)));
  });
});

describe('"char"', () => {
  const inputs = ['a', 'abc', '', 'é', '😀', '中', '\\101', '\\1011', '\\9', '\\000', '\\377', '\\400', '\\18', '\\', ' ', 'Z', '~', '\\200'];

  it('reads one byte and prints high bytes as \\ooo', async () => {
    const expected = await oracle.tryInput('"char"', inputs);
    expect(inputs.map((s) => faux(() => charIO.output(charIO.input(s, -1, ctx), ctx)))).toEqual(expected);
  });

  it('orders as unsigned bytes', async () => {
    const rows = await oracle.rows(
      'SELECT i::int - 1 AS i FROM unnest($1::text[]) WITH ORDINALITY u(x, i) ORDER BY x::"char", i',
      [inputs],
    );
    const vals = inputs.map((s) => charIO.input(s, -1, ctx));
    const actual = vals.map((_, i) => i).sort((x, y) => charIO.compare(vals[x], vals[y]) || x - y);
    expect(actual).toEqual(rows.map((r) => Number(r.i)));
  });
});
