/**
 * fast-check generators for expressions.property.test.ts: random rows for a table of typed
 * columns, and random well-typed expressions, predicates, sort keys and aggregates over them.
 * See README.md in this folder.
 *
 * Every generated expression refers to at least one column in each subexpression that can fail
 * (division, casts, overflow), so that no error comes from plan-time constant folding, which
 * Postgres does (`SELECT 1/0 FROM empty` fails) and fauxgres does not yet do everywhere.
 *
 * Postgres counterpart: none (test harness).
 */
import fc from 'fast-check';
import { lit } from './type-inputs.js';

const pick = <T>(...xs: T[]): fc.Arbitrary<T> => fc.constantFrom(...xs);

/** The table every case uses: column name → SQL type. */
export const COLUMNS: Record<string, string> = {
  i: 'int',
  b: 'bigint',
  n: 'numeric',
  f: 'float8',
  s: 'text',
  ok: 'bool',
  d: 'date',
  ts: 'timestamptz',
  j: 'jsonb',
  a: 'int[]',
};

export const CREATE_TABLE = `CREATE TABLE t (id int PRIMARY KEY, ${Object.entries(COLUMNS).map(([c, t]) => `${c} ${t}`).join(', ')})`;

const text: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 6, unit: fc.constantFrom('a', 'B', 'b', 'A', ' ', '-', '_', '%', 'é', 'É', 'e', 'z', 'Z', '1', '10', '2', 'ß', 'ss', 'ø', 'å', 'Å', '日', '😀', "'", '.', 'ǅ', 'ı', 'İ') }),
  pick('', ' ', 'abc', 'ABC', 'abc  ', 'a%b', 'a_c', 'résumé', 'Resume', 'zebra', 'Zebra', 'apple', 'Äpfel', 'co-op', 'coop', 'co op', '10', '9', 'x y'),
);

const VALUES: Record<string, fc.Arbitrary<string>> = {
  i: fc.oneof(fc.integer({ min: -20, max: 20 }).map(String), pick('2147483647', '-2147483648', '0', '1', '-1', '1000000', '46341')),
  b: fc.oneof(fc.integer({ min: -20, max: 20 }).map(String), pick('9223372036854775807', '-9223372036854775808', '4294967296', '3037000500')),
  n: fc.oneof(
    fc.integer({ min: -2000, max: 2000 }).map((x) => (x / 100).toString()),
    pick('0', '-0.000', '1.5', '2.5', '-2.5', '0.1', '123456789012345678901234567890.123456789', '1e-20', '99999999999999999999', 'NaN', 'Infinity', '-Infinity', '1.000'),
  ),
  f: fc.oneof(
    fc.integer({ min: -2000, max: 2000 }).map((x) => (x / 8).toString()),
    pick('0', '-0', 'NaN', 'Infinity', '-Infinity', '1e308', '-1e308', '5e-324', '0.1', '1.5', '2.5', '1e15', '123456.789'),
  ),
  s: text,
  ok: pick('true', 'false'),
  d: fc.oneof(
    fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    pick('2000-01-01', '2024-02-29', '1999-12-31', 'infinity', '-infinity', '0001-01-01', '4713-01-01 BC', '5874897-12-31'),
  ),
  ts: fc.oneof(
    fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
    pick('2000-01-01 00:00:00+00', '2024-03-10 07:30:00+00', '2024-11-03 05:30:00.123456+00', 'infinity', '-infinity', '294276-12-31 23:59:59+00'),
  ),
  j: fc.oneof(
    fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
    fc.dictionary(pick('a', 'b', 'k'), fc.oneof(fc.integer({ min: -5, max: 5 }), fc.boolean(), pick<unknown>('x', 'Y', '', null, 1.5), fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 2 }))).map((o) => JSON.stringify(o)),
    pick('{"a": 1, "b": "two"}', '[1, "a", null]', '"str"', '1', 'null', '{"a": {"b": 2}}', '{"k": "2147483648"}', '{"a": 1e400}'.replace('1e400', '1e40')),
  ),
  a: fc.oneof(
    fc.array(fc.option(fc.integer({ min: -3, max: 5 }), { nil: null, freq: 5 }), { maxLength: 4 }).map((xs) => `{${xs.map((x) => (x === null ? 'NULL' : x)).join(',')}}`),
    pick('{}', '{1,2,3}', '{NULL}', '{{1,2},{3,4}}', '[0:1]={7,8}', '{2147483647}'),
  ),
};

/** Rows: each a list of SQL literals (or NULL) for the non-key columns. */
export const rowsArb: fc.Arbitrary<string[][]> = fc.array(
  fc.tuple(...Object.entries(COLUMNS).map(([c, t]) => fc.option(VALUES[c].map((v) => `${lit(v)}::${t}`), { nil: 'NULL', freq: 4 }))),
  { minLength: 0, maxLength: 10 },
);

export function insertSql(rows: string[][]): string {
  return `INSERT INTO t VALUES ${rows.map((r, k) => `(${k + 1}, ${r.join(', ')})`).join(', ')}`;
}

/** Expression kinds the generator produces. */
export type Kind = 'int' | 'bigint' | 'numeric' | 'float8' | 'text' | 'bool' | 'date' | 'timestamptz' | 'jsonb' | 'intarr' | 'interval';

type Gen = Record<Kind, fc.Arbitrary<string>>;
type Shapes = Record<Kind, string>;

const smallInt = fc.integer({ min: -3, max: 10 }).map(String);
const intConst = fc.oneof(smallInt, pick('0', '2147483647', '-1', '100'));
const textConst = text.map(lit);
const likePattern = fc.string({ maxLength: 4, unit: fc.constantFrom('a', 'b', 'A', '%', '_', 'é', ' ', '\\%', 'z') }).map(lit);

/**
 * Expressions by result kind. Each always mentions a column (leaves are columns; constants only
 * appear next to a column-bearing operand).
 */
export const expr: Gen = fc.letrec<Shapes>((tie) => {
  const I = tie('int');
  const B = tie('bigint');
  const N = tie('numeric');
  const F = tie('float8');
  const T = tie('text');
  const P = tie('bool');
  const D = tie('date');
  const TS = tie('timestamptz');
  const J = tie('jsonb');
  const A = tie('intarr');
  const anyCmp = fc.oneof(
    fc.tuple(I, pick('<', '>', '=', '<>', '<=', '>='), fc.oneof(I, intConst)).map(([l, op, r]) => `${l} ${op} ${r}`),
    fc.tuple(T, pick('<', '>', '=', '<>'), fc.oneof(T, textConst)).map(([l, op, r]) => `${l} ${op} ${r}`),
    fc.tuple(T, pick('<', '>'), fc.oneof(T, textConst)).map(([l, op, r]) => `${l} COLLATE "C" ${op} ${r}`),
    fc.tuple(N, pick('<', '>', '=', '<>'), fc.oneof(N, F)).map(([l, op, r]) => `${l} ${op} ${r}`),
    fc.tuple(F, pick('<', '=', '>='), F).map(([l, op, r]) => `${l} ${op} ${r}`),
    fc.tuple(D, pick('<', '='), fc.oneof(D, pick("'2000-01-01'::date", "'infinity'::date"))).map(([l, op, r]) => `${l} ${op} ${r}`),
    fc.tuple(TS, pick('<', '>'), D).map(([l, op, r]) => `${l} ${op} ${r}`),
    fc.tuple(J, pick('=', '@>', '<@', '<'), J).map(([l, op, r]) => `${l} ${op} ${r}`),
    fc.tuple(A, pick('=', '@>', '&&', '<'), A).map(([l, op, r]) => `${l} ${op} ${r}`),
  );
  const scalarAny = fc.oneof(I, T, N, D);
  return {
    int: fc.oneof(
      { depthSize: 'small', withCrossShrink: true, maxDepth: 3, depthIdentifier: 'expr' },
      pick('i', 'id', 'i', 'id'),
      fc.tuple(I, pick('+', '-', '*', '/', '%'), fc.oneof(I, intConst)).map(([l, op, r]) => `(${l} ${op} ${r})`),
      fc.tuple(intConst, pick('+', '-', '*', '/'), I).map(([l, op, r]) => `(${l} ${op} ${r})`),
      I.map((x) => `abs(${x})`),
      I.map((x) => `(-${x})`),
      T.map((x) => `length(${x})`),
      fc.tuple(textConst, T).map(([n, h]) => `position(${n} in ${h})`),
      fc.tuple(T, textConst).map(([h, n]) => `strpos(${h}, ${n})`),
      fc.tuple(P, I, fc.oneof(I, intConst)).map(([c, x, y]) => `CASE WHEN ${c} THEN ${x} ELSE ${y} END`),
      fc.tuple(I, fc.oneof(I, intConst)).map(([x, y]) => `COALESCE(${x}, ${y})`),
      fc.tuple(I, fc.oneof(I, intConst)).map(([x, y]) => `NULLIF(${x}, ${y})`),
      fc.tuple(pick('GREATEST', 'LEAST'), I, fc.oneof(I, intConst)).map(([g, x, y]) => `${g}(${x}, ${y})`),
      B.map((x) => `${x}::int`),
      N.map((x) => `${x}::int`),
      F.map((x) => `${x}::int4`),
      T.map((x) => `${x}::int`),
      A.map((x) => `array_length(${x}, 1)`),
      A.map((x) => `cardinality(${x})`),
      fc.tuple(A, fc.integer({ min: -1, max: 3 })).map(([x, k]) => `(${x})[${k}]`),
      fc.tuple(D, D).map(([x, y]) => `(${x} - ${y})`),
      J.map((x) => `(${x}->>'a')::int`),
      J.map((x) => `jsonb_array_length(${x})`),
      fc.tuple(pick('year', 'month', 'day', 'dow', 'doy', 'isodow', 'week'), D).map(([u, x]) => `date_part('${u}', ${x})::int`),
    ),
    bigint: fc.oneof(
      { depthSize: 'small', withCrossShrink: true, maxDepth: 3, depthIdentifier: 'expr' },
      pick('b', 'b'),
      fc.tuple(B, pick('+', '-', '*', '/', '%'), fc.oneof(B, I, intConst)).map(([l, op, r]) => `(${l} ${op} ${r})`),
      I.map((x) => `${x}::bigint`),
      B.map((x) => `abs(${x})`),
      N.map((x) => `${x}::bigint`),
      fc.tuple(B, fc.oneof(B, I)).map(([x, y]) => `GREATEST(${x}, ${y})`),
      fc.tuple(pick('epoch', 'year'), TS).map(([u, x]) => `extract(${u} from ${x})::bigint`),
      fc.tuple(B, fc.oneof(B, pick('7', '0'))).map(([x, y]) => `gcd(${x}, ${y})`),
      fc.tuple(B, pick('1', '3', '63', '64')).map(([x, k]) => `(${x} << ${k})`),
      fc.tuple(B, pick('1', '3')).map(([x, k]) => `(${x} # ${k})`),
    ),
    numeric: fc.oneof(
      { depthSize: 'small', withCrossShrink: true, maxDepth: 3, depthIdentifier: 'expr' },
      pick('n', 'n'),
      fc.tuple(N, pick('+', '-', '*', '/', '%'), fc.oneof(N, I, pick('3', '0.5', '1e10'))).map(([l, op, r]) => `(${l} ${op} ${r})`),
      fc.tuple(N, fc.integer({ min: -2, max: 4 })).map(([x, k]) => `round(${x}, ${k})`),
      fc.tuple(N, fc.integer({ min: 0, max: 3 })).map(([x, k]) => `trunc(${x}, ${k})`),
      N.map((x) => `round(${x})`),
      N.map((x) => `${x}::numeric(6,2)`),
      N.map((x) => `abs(${x})`),
      I.map((x) => `${x}::numeric`),
      B.map((x) => `(${x} / 3.0)`),
      F.map((x) => `${x}::numeric`),
      N.map((x) => `ceil(${x})`),
      N.map((x) => `floor(${x})`),
      N.map((x) => `sign(${x})`),
      fc.tuple(N, N).map(([x, y]) => `COALESCE(${x}, ${y})`),
      fc.tuple(pick('year', 'epoch', 'day', 'millisecond'), TS).map(([u, x]) => `extract(${u} from ${x})`),
      J.map((x) => `(${x}->'a')::numeric`),
      fc.tuple(N, pick('2', '0.5', '-1', '3')).map(([x, k]) => `power(${x}, ${k})`),
      N.map((x) => `sqrt(abs(${x}))`),
      N.map((x) => `ln(abs(${x}) + 1)`),
      N.map((x) => `exp(${x} / 1000)`),
      fc.tuple(N, fc.oneof(N, pick('3', '0.7'))).map(([x, y]) => `mod(${x}, ${y})`),
      fc.tuple(N, fc.oneof(N, pick('3', '0.7'))).map(([x, y]) => `div(${x}, ${y})`),
      N.map((x) => `scale(${x})::numeric`),
      N.map((x) => `trim_scale(${x})`),
      fc.tuple(N, pick('0', '5'), pick('10', '100'), pick('3', '4')).map(([x, lo, hi, k]) => `width_bucket(${x}, ${lo}, ${hi}, ${k})::numeric`),
      fc.tuple(I, I).map(([x, y]) => `gcd(${x}, ${y})::numeric`),
    ),
    float8: fc.oneof(
      { depthSize: 'small', withCrossShrink: true, maxDepth: 3, depthIdentifier: 'expr' },
      pick('f', 'f'),
      fc.tuple(F, pick('+', '-', '*', '/'), fc.oneof(F, I, pick('2.5', '0.0', '1e300'))).map(([l, op, r]) => `(${l} ${op} ${r})`),
      I.map((x) => `${x}::float8`),
      N.map((x) => `${x}::float8`),
      F.map((x) => `abs(${x})`),
      F.map((x) => `sqrt(abs(${x}))`),
      F.map((x) => `round(${x})`),
      F.map((x) => `trunc(${x})`),
      F.map((x) => `(-${x})`),
    ),
    text: fc.oneof(
      { depthSize: 'small', withCrossShrink: true, maxDepth: 3, depthIdentifier: 'expr' },
      pick('s', 's', 's'),
      T.map((x) => `upper(${x})`),
      T.map((x) => `lower(${x})`),
      T.map((x) => `initcap(${x})`),
      fc.tuple(T, I).map(([x, k]) => `substr(${x}, ${k})`),
      fc.tuple(T, fc.oneof(I, smallInt), fc.oneof(I, smallInt)).map(([x, k, l]) => `substr(${x}, ${k}, ${l})`),
      fc.tuple(T, fc.oneof(smallInt, I)).map(([x, k]) => `left(${x}, ${k})`),
      fc.tuple(T, smallInt).map(([x, k]) => `right(${x}, ${k})`),
      fc.tuple(T, textConst, textConst).map(([x, a, b]) => `replace(${x}, ${a}, ${b})`),
      fc.tuple(T, fc.oneof(T, textConst, I, N, D, P)).map(([x, y]) => `concat(${x}, ${y})`),
      fc.tuple(T, fc.oneof(I, N, D, B)).map(([x, y]) => `concat_ws('-', ${x}, ${y})`),
      fc.tuple(T, fc.oneof(T, textConst)).map(([x, y]) => `(${x} || ${y})`),
      fc.tuple(T, fc.oneof(I, N, F, D, P, A)).map(([x, y]) => `(${x} || ${y})`),
      fc.tuple(T, pick('', 'x', ' ')).map(([x, c]) => `trim(${x})${c ? '' : ''}`),
      fc.tuple(T, fc.integer({ min: 0, max: 6 }), pick("'*'", "'ab'", "''")).map(([x, k, p]) => `lpad(${x}, ${k}, ${p})`),
      fc.tuple(T, smallInt).map(([x, k]) => `repeat(${x}, ${k})`),
      T.map((x) => `reverse(${x})`),
      fc.tuple(P, T, fc.oneof(T, textConst)).map(([c, x, y]) => `CASE WHEN ${c} THEN ${x} ELSE ${y} END`),
      fc.tuple(I, T).map(([k, x]) => `CASE ${k} WHEN 1 THEN ${x} WHEN 2 THEN 'two' END`),
      fc.tuple(T, fc.oneof(T, textConst)).map(([x, y]) => `COALESCE(${x}, ${y})`),
      fc.tuple(T, textConst).map(([x, y]) => `NULLIF(${x}, ${y})`),
      fc.tuple(pick('GREATEST', 'LEAST'), T, fc.oneof(T, textConst)).map(([g, x, y]) => `${g}(${x}, ${y})`),
      I.map((x) => `${x}::text`),
      N.map((x) => `${x}::text`),
      F.map((x) => `${x}::text`),
      D.map((x) => `${x}::text`),
      TS.map((x) => `${x}::text`),
      A.map((x) => `${x}::text`),
      P.map((x) => `${x}::text`),
      J.map((x) => `${x}::text`),
      fc.tuple(J, pick("'a'", "'b'", "'k'")).map(([x, k]) => `(${x} ->> ${k})`),
      fc.tuple(J, fc.integer({ min: -1, max: 2 })).map(([x, k]) => `(${x} ->> ${k})`),
      fc.tuple(T, smallInt).map(([x, k]) => `${x}::varchar(${Math.max(1, Number(k))})`),
      fc.tuple(T, smallInt).map(([x, k]) => `${x}::char(${Math.max(1, Number(k))})::text`),
      fc.tuple(TS, pick('YYYY-MM-DD', 'HH24:MI:SS', 'Dy DD Mon YYYY', 'IYYY-IW', 'FMMonth')).map(([x, p]) => `to_char(${x}, '${p}')`),
      fc.tuple(TS, TS).map(([x, y]) => `(${x} - ${y})::text`),
      fc.tuple(D, TS).map(([x, y]) => `age(${y}, ${x})::text`),
      fc.tuple(T, pick("'a'", "'[aeiou]'", "'^.'", "'(b|B)+'")).map(([x, p]) => `regexp_replace(${x}, ${p}, 'X', 'g')`),
      fc.tuple(T, pick("' '", "'a'", "'-'")).map(([x, d]) => `split_part(${x}, ${d}, 2)`),
      fc.tuple(T, textConst).map(([x, y]) => `${x} COLLATE "C"`.concat('') + ` || ${y}`),
      fc.tuple(T, pick("'ab'", "'é'", "' '"), pick("'xy'", "''", "'Z'")).map(([x, a, b]) => `translate(${x}, ${a}, ${b})`),
      fc.tuple(pick('btrim', 'ltrim', 'rtrim'), T, pick("'a'", "' -'", "'é'")).map(([f, x, c]) => `${f}(${x}, ${c})`),
      fc.tuple(T, pick("'XX'", "''"), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 3 })).map(([x, r, k, l]) => `overlay(${x} placing ${r} from ${k} for ${l})`),
      T.map((x) => `md5(${x})`),
      T.map((x) => `quote_literal(${x})`),
      T.map((x) => `quote_ident(${x})`),
      fc.tuple(pick("'%s-%s'", "'%I'", "'%L|%s'", "'%5s|%-3s'"), T, fc.oneof(I, N, T)).map(([f, x, y]) => `format(${f}, ${x}, ${y})`),
      T.map((x) => `encode(convert_to(${x}, 'UTF8'), 'hex')`),
      T.map((x) => `encode(convert_to(${x}, 'UTF8'), 'base64')`),
      fc.tuple(N, pick("'999D99'", "'FM9990.00'", "'S9G999'", "'9.99EEEE'", "'0000'")).map(([x, f]) => `to_char(${x}, ${f})`),
      fc.tuple(I, pick("'999'", "'FM9999th'", "'RN'", "'X'")).map(([x, f]) => `to_char(${x}, ${f})`),
      fc.tuple(F, pick("'999D999'", "'9.9EEEE'")).map(([x, f]) => `to_char(${x}, ${f})`),
      T.map((x) => `ascii(${x})::text`),
      fc.tuple(T, pick("'a'", "'[0-9]+'", "'(.)(.)'")).map(([x, p]) => `(regexp_match(${x}, ${p}))::text`),
      fc.tuple(T, pick("'a'", "'[0-9]+'", "'.'")).map(([x, p]) => `regexp_count(${x}, ${p})::text`),
      tie('interval').map((x) => `${x}::text`),
      tie('interval').map((x) => `justify_interval(${x})::text`),
      fc.tuple(tie('interval'), pick('2', '0.5', '-1.5')).map(([x, k]) => `(${x} * ${k})::text`),
      fc.tuple(tie('interval'), pick('2', '3', '0')).map(([x, k]) => `(${x} / ${k})::text`),
    ),
    bool: fc.oneof(
      { depthSize: 'small', withCrossShrink: true, maxDepth: 3, depthIdentifier: 'expr' },
      pick('ok', 'ok'),
      anyCmp,
      fc.tuple(P, pick('AND', 'OR'), P).map(([l, op, r]) => `(${l} ${op} ${r})`),
      P.map((x) => `(NOT ${x})`),
      scalarAny.map((x) => `(${x} IS NULL)`),
      scalarAny.map((x) => `(${x} IS NOT NULL)`),
      fc.tuple(I, fc.oneof(I, intConst)).map(([x, y]) => `(${x} IS DISTINCT FROM ${y})`),
      fc.tuple(T, fc.oneof(T, textConst)).map(([x, y]) => `(${x} IS NOT DISTINCT FROM ${y})`),
      fc.tuple(T, pick('LIKE', 'ILIKE', 'NOT LIKE', 'NOT ILIKE'), likePattern).map(([x, op, p]) => `(${x} ${op} ${p})`),
      fc.tuple(T, pick('LIKE', 'ILIKE'), T).map(([x, op, p]) => `(${x} ${op} ${p})`),
      // `x IN (NULL)` is `x = NULL`, which Postgres folds to NULL at plan time without evaluating x
      // (fauxgres does not fold yet): NULL only appears among other elements.
      fc.tuple(I, fc.array(fc.oneof(intConst, pick('NULL')), { minLength: 1, maxLength: 4 }), fc.boolean()).map(
        ([x, xs, not]) => `(${x} ${not ? 'NOT ' : ''}IN (${(xs.length === 1 && xs[0] === 'NULL' ? ['NULL', '0'] : xs).join(', ')}))`,
      ),
      fc.tuple(T, fc.array(textConst, { minLength: 1, maxLength: 3 })).map(([x, xs]) => `(${x} IN (${xs.join(', ')}))`),
      fc.tuple(I, fc.oneof(I, intConst), fc.oneof(I, intConst), pick('', 'NOT ', 'SYMMETRIC ')).map(([x, lo, hi, m]) => `(${x} ${m === 'NOT ' ? 'NOT ' : ''}BETWEEN ${m === 'SYMMETRIC ' ? 'SYMMETRIC ' : ''}${lo} AND ${hi})`),
      fc.tuple(N, pick('0', '1.5'), pick('10', '-1')).map(([x, lo, hi]) => `(${x} BETWEEN ${lo} AND ${hi})`),
      fc.tuple(J, pick("'a'", "'b'", "'x'")).map(([x, k]) => `(${x} ? ${k})`),
      fc.tuple(A, smallInt).map(([x, k]) => `(${k} = ANY(${x}))`),
      fc.tuple(T, textConst).map(([x, p]) => `starts_with(${x}, ${p})`),
      P.map((x) => `(${x} IS TRUE)`),
      P.map((x) => `(${x} IS NOT FALSE)`),
      fc.tuple(P, P).map(([x, y]) => `COALESCE(${x}, ${y})`),
      T.map((x) => `${x}::bool`),
      I.map((x) => `${x}::bool`),
    ),
    date: fc.oneof(
      { depthSize: 'small', withCrossShrink: true, maxDepth: 3, depthIdentifier: 'expr' },
      pick('d', 'd'),
      fc.tuple(D, pick('+', '-'), fc.oneof(I, intConst)).map(([x, op, k]) => `(${x} ${op} ${k})`),
      TS.map((x) => `${x}::date`),
      fc.tuple(D, pick("'1 day'", "'1 month'", "'-1 year'", "'1 hour'")).map(([x, iv]) => `(${x} + interval ${iv})::date`),
      fc.tuple(D, D).map(([x, y]) => `GREATEST(${x}, ${y})`),
      fc.tuple(pick('month', 'year', 'week', 'quarter'), D).map(([u, x]) => `date_trunc('${u}', ${x})::date`),
      fc.tuple(I, fc.integer({ min: 1, max: 12 })).map(([y, m]) => `make_date(2000 + (${y}) % 50, ${m}, 1)`),
    ),
    timestamptz: fc.oneof(
      { depthSize: 'small', withCrossShrink: true, maxDepth: 3, depthIdentifier: 'expr' },
      pick('ts', 'ts'),
      fc.tuple(TS, pick('+', '-'), pick("interval '1 day'", "interval '1 month'", "interval '1 hour 30 minutes'", "interval '-2 years'", "interval '0.5 seconds'")).map(([x, op, iv]) => `(${x} ${op} ${iv})`),
      D.map((x) => `${x}::timestamptz`),
      fc.tuple(pick('hour', 'day', 'month', 'year', 'week', 'minute'), TS).map(([u, x]) => `date_trunc('${u}', ${x})`),
      fc.tuple(D, I).map(([x, k]) => `(${x} + make_interval(hours => ${k}))`),
      fc.tuple(TS, TS).map(([x, y]) => `LEAST(${x}, ${y})`),
      fc.tuple(TS, pick("'UTC'", "'America/New_York'", "'+05'")).map(([x, z]) => `(${x} AT TIME ZONE ${z})::timestamptz`),
      fc.tuple(pick("'15 minutes'", "'1 day'", "'7 days'"), TS).map(([iv, x]) => `date_bin(${iv}, ${x}, '2000-01-01')`),
      fc.tuple(TS, tie('interval')).map(([x, iv]) => `(${x} + ${iv})`),
    ),
    jsonb: fc.oneof(
      { depthSize: 'small', withCrossShrink: true, maxDepth: 3, depthIdentifier: 'expr' },
      pick('j', 'j'),
      fc.tuple(J, pick("'a'", "'b'", "'k'")).map(([x, k]) => `(${x} -> ${k})`),
      fc.tuple(J, fc.integer({ min: -2, max: 2 })).map(([x, k]) => `(${x} -> ${k})`),
      fc.tuple(pick("'a'", "'x'"), fc.oneof(I, T, P)).map(([k, v]) => `jsonb_build_object(${k}, ${v})`),
      fc.tuple(I, T).map(([x, y]) => `jsonb_build_array(${x}, ${y})`),
      fc.oneof(T, N, A).map((x) => `to_jsonb(${x})`),
      fc.tuple(J, J).map(([x, y]) => `(${x} || ${y})`),
      fc.tuple(J, pick("'a'", "'b'")).map(([x, k]) => `(${x} - ${k})`),
      fc.tuple(J, pick("'{a}'", "'{a,b}'", "'{0}'")).map(([x, p]) => `(${x} #> ${p})`),
    ),
    intarr: fc.oneof(
      { depthSize: 'small', withCrossShrink: true, maxDepth: 3, depthIdentifier: 'expr' },
      pick('a', 'a'),
      fc.tuple(A, fc.oneof(I, smallInt)).map(([x, k]) => `(${x} || ${k})`),
      fc.tuple(A, A).map(([x, y]) => `(${x} || ${y})`),
      fc.tuple(A, I).map(([x, k]) => `array_append(${x}, ${k})`),
      fc.tuple(I, A).map(([k, x]) => `array_prepend(${k}, ${x})`),
      fc.tuple(I, fc.oneof(I, intConst)).map(([x, y]) => `ARRAY[${x}, ${y}]`),
      fc.tuple(A, smallInt).map(([x, k]) => `array_remove(${x}, ${k})`),
      fc.tuple(A, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 4 })).map(([x, lo, hi]) => `(${x})[${lo}:${hi}]`),
      T.map((x) => `string_to_array(${x}, ' ')::int[]`),
    ),
    interval: fc.oneof(
      fc.tuple(TS, TS).map(([x, y]) => `(${x} - ${y})`),
      fc.tuple(I, pick('day', 'hour', 'month', 'second')).map(([k, u]) => `(${k} * interval '1 ${u}')`),
      fc.tuple(D, TS).map(([x, y]) => `age(${y}, ${x})`),
      fc.tuple(tie('interval'), pick('justify_hours', 'justify_days', 'justify_interval')).map(([x, f]) => `${f}(${x})`),
      fc.tuple(tie('interval'), pick('2', '-0.5')).map(([x, k]) => `(${x} * ${k})`),
      fc.tuple(N, pick('days', 'hours', 'mins', 'secs')).map(([x, u]) => `make_interval(${u} => ${u === 'secs' ? x : `${x}::int`})`),
    ),
  };
});

const KINDS: Kind[] = ['int', 'bigint', 'numeric', 'float8', 'text', 'bool', 'date', 'timestamptz', 'jsonb', 'intarr', 'interval'];
export const anyExpr: fc.Arbitrary<string> = fc.constantFrom(...KINDS).chain((k) => expr[k]);

/** ORDER BY keys: an expression with direction, NULLS placement and (for text) a collation. */
export const orderKey: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(
      { arbitrary: expr.text.map((e) => ({ e, text: true })), weight: 3 },
      { arbitrary: fc.constantFrom<Kind>('int', 'numeric', 'float8', 'date', 'timestamptz', 'bool', 'jsonb', 'intarr', 'bigint', 'interval').chain((k) => expr[k]).map((e) => ({ e, text: false })), weight: 3 },
    ),
    pick('', ' ASC', ' DESC'),
    pick('', ' NULLS FIRST', ' NULLS LAST'),
    pick('', '', ' COLLATE "C"', ' COLLATE "en-US-x-icu"'),
  )
  .map(([{ e, text: isText }, dir, nulls, coll]) => `${e}${isText ? coll : ''}${dir}${nulls}`);

/** Aggregate calls for GROUP BY queries. */
export const aggregate: fc.Arbitrary<string> = fc.oneof(
  pick('count(*)'),
  anyExpr.map((e) => `count(${e})`),
  fc.oneof(expr.int, expr.bigint, expr.numeric).map((e) => `sum(${e})`),
  fc.oneof(expr.int, expr.numeric, expr.interval, expr.bigint).map((e) => `avg(${e})`),
  fc.oneof(expr.interval, expr.float8).map((e) => `sum(${e})`),
  fc.oneof(expr.int, expr.numeric).map((e) => `stddev(${e})`),
  expr.int.map((e) => `bit_and(${e})`),
  fc.tuple(expr.jsonb, pick('id', 'id DESC')).map(([e, k]) => `jsonb_agg(${e} ORDER BY ${k})`),
  fc.tuple(expr.text, expr.int).map(([k, v]) => `jsonb_object_agg(coalesce(${k}, 'null'), ${v} ORDER BY id)`),
  fc.oneof(expr.int, expr.text, expr.date, expr.timestamptz, expr.numeric, expr.intarr).map((e) => `min(${e})`),
  fc.oneof(expr.int, expr.text, expr.float8, expr.bool.map((b) => `(${b})::int`)).map((e) => `max(${e})`),
  fc.tuple(expr.text, pick("','", "''", "' | '"), expr.text, pick('', ' DESC', ' COLLATE "C"')).map(([e, sep, k, dir]) => `string_agg(${e}, ${sep} ORDER BY ${k}${dir}, id)`),
  expr.bool.map((e) => `bool_and(${e})`),
  expr.bool.map((e) => `bool_or(${e})`),
  fc.tuple(fc.oneof(expr.int, expr.text, expr.date), pick('id', 'id DESC', 's COLLATE "C", id', 'i NULLS FIRST, id')).map(([e, k]) => `array_agg(${e} ORDER BY ${k})`),
  expr.int.map((e) => `count(DISTINCT ${e})`),
);

/** GROUP BY keys (each also printed in the select list). */
export const groupKey: fc.Arbitrary<string> = fc.oneof(
  pick('ok', 'i % 3', 'd', 'upper(s)', 's COLLATE "C"', 'length(s)', "j->>'a'", 'cardinality(a)', 'round(n)', 'date_trunc(\'year\', ts)'),
  expr.int,
  expr.bool,
);

export const settingsArb: fc.Arbitrary<string[]> = fc
  .tuple(pick('UTC', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham'), pick('ISO, MDY', 'ISO, DMY'), pick('postgres', 'iso_8601', 'sql_standard'), pick('1', '0'))
  .map(([tz, ds, is, efd]) => [`SET TimeZone = '${tz}'`, `SET DateStyle = '${ds}'`, `SET IntervalStyle = '${is}'`, `SET extra_float_digits = ${efd}`]);

/** The queries of one case over table t. */
export const queriesArb: fc.Arbitrary<string[]> = fc
  .tuple(
    // select list + WHERE, ordered by id (total)
    fc.tuple(fc.array(anyExpr, { minLength: 1, maxLength: 4 }), fc.option(expr.bool, { nil: undefined })).map(
      ([es, w]) => `SELECT id, ${es.join(', ')} FROM t${w ? ` WHERE ${w}` : ''} ORDER BY id`,
    ),
    // random ORDER BY keys, id last so the order is total
    fc.tuple(fc.array(orderKey, { minLength: 1, maxLength: 3 }), fc.option(expr.bool, { nil: undefined })).map(
      ([ks, w]) => `SELECT id, s, i FROM t${w ? ` WHERE ${w}` : ''} ORDER BY ${ks.join(', ')}, id`,
    ),
    // GROUP BY with aggregates, ordered by the (unique) group key
    fc.tuple(groupKey, fc.array(aggregate, { minLength: 1, maxLength: 3 }), fc.option(expr.bool, { nil: undefined }), pick('', ' DESC NULLS LAST', ' NULLS FIRST')).map(
      ([g, aggs, w, dir]) => `SELECT ${g}, ${aggs.join(', ')} FROM t${w ? ` WHERE ${w}` : ''} GROUP BY 1 ORDER BY 1${dir}`,
    ),
    // aggregates over the whole table
    fc.array(aggregate, { minLength: 1, maxLength: 3 }).map((aggs) => `SELECT ${aggs.join(', ')} FROM t`),
  )
  .map((qs) => [...qs]);
