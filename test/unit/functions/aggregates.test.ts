/** Aggregates over generated and hand-picked rows, differential against the oracle. */
import fc from 'fast-check';
import { afterAll, expect, it } from 'vitest';
import { OID } from '../../../src/types/oids.js';
import { aggregate, castName, closeOracle, oracleAggregate, type Outcome } from './harness.js';

afterAll(closeOracle);

const { int2: I2, int4: I4, int8: I8, float4: F4, float8: F8, numeric: N, text: T, bool: BOOL, interval: IV } = OID;

type Rows = (string | null)[][];
interface AggCase {
  name: string;
  declared: number[];
  argTypes: number[];
  ret: number;
  rows: Rows;
  /** SQL aggregate expression over columns c1, c2 (default: name(c1, ...)). */
  expr?: string;
  /** Column types of the oracle's VALUES rows when they differ from argTypes (count(*)). */
  sqlTypes?: number[];
}

async function check(cases: AggCase[]): Promise<{ label: string; ours: Outcome; oracle: Outcome }[]> {
  const bad: { label: string; ours: Outcome; oracle: Outcome }[] = [];
  for (const c of cases) {
    const expr = c.expr ?? `${c.name}(${c.argTypes.map((_, i) => `c${i + 1}`).join(', ')})`;
    const ours = aggregate(c.name, c.declared, c.argTypes, c.ret, c.sqlTypes ? c.rows.map(() => []) : c.rows);
    const theirs = await oracleAggregate(expr, (c.sqlTypes ?? c.argTypes).map(castName), c.rows);
    if (JSON.stringify(ours) !== JSON.stringify(theirs)) {
      bad.push({ label: `${expr} over ${JSON.stringify(c.rows)}`, ours, oracle: theirs });
      if (process.env.FUNCTIONS_DEBUG) console.log(JSON.stringify(bad[bad.length - 1]));
    }
  }
  return bad;
}

const col = (vals: (string | null)[]): Rows => vals.map((v) => [v]);

function numericSets(): (string | null)[][] {
  const gen = fc.sample(fc.array(fc.oneof(fc.integer({ min: -1000, max: 1000 }).map(String), fc.constant(null)), { maxLength: 7 }), { seed: 42, numRuns: 25 });
  return [[], ['1', '2'], ['1.5', '2.25', '3'], ['1', '1'], ['7'], [null, null], ['0.1', '0.2', '0.3'], ['100', null, '-5.5'], ...gen];
}

it('numeric aggregates match the oracle', async () => {
  const cases: AggCase[] = [];
  for (const vals of numericSets()) {
    const rows = col(vals);
    const intRows = col(vals.map((v) => (v === null ? v : String(Math.trunc(Number(v))))));
    for (const t of [I2, I4, I8]) {
      for (const name of ['sum', 'avg', 'min', 'max', 'variance', 'var_samp', 'var_pop', 'stddev', 'stddev_samp', 'stddev_pop', 'bit_and', 'bit_or', 'bit_xor']) {
        const ret = name === 'sum' ? (t === I8 ? N : I8) : ['min', 'max', 'bit_and', 'bit_or', 'bit_xor'].includes(name) ? t : N;
        cases.push({ name, declared: [t], argTypes: [t], ret, rows: intRows });
      }
    }
    for (const name of ['sum', 'avg', 'min', 'max', 'variance', 'var_pop', 'stddev', 'stddev_pop']) cases.push({ name, declared: [N], argTypes: [N], ret: N, rows });
    for (const t of [F4, F8]) {
      for (const name of ['sum', 'avg', 'min', 'max', 'variance', 'var_pop', 'stddev', 'stddev_pop']) {
        cases.push({ name, declared: [t], argTypes: [t], ret: name === 'sum' || name === 'min' || name === 'max' ? t : F8, rows });
      }
    }
    cases.push({ name: 'count', declared: [OID.any], argTypes: [N], ret: I8, rows }, { name: 'count', declared: [], argTypes: [], ret: I8, rows, expr: 'count(*)', sqlTypes: [N] });
  }
  cases.push({ name: 'sum', declared: [I8], argTypes: [I8], ret: N, rows: col(['9223372036854775807', '1']) });
  cases.push({ name: 'sum', declared: [I4], argTypes: [I4], ret: I8, rows: col(['2147483647', '1']) });
  cases.push({ name: 'sum', declared: [F8], argTypes: [F8], ret: F8, rows: col(['1e308', '1e308']) });
  cases.push({ name: 'avg', declared: [F8], argTypes: [F8], ret: F8, rows: col(['1e308', '1e308']) });
  cases.push({ name: 'variance', declared: [F8], argTypes: [F8], ret: F8, rows: col(['Infinity', '1']) });
  cases.push({ name: 'avg', declared: [N], argTypes: [N], ret: N, rows: col(['1', '2.50', 'NaN']) });
  cases.push({ name: 'sum', declared: [N], argTypes: [N], ret: N, rows: col(['Infinity', '-Infinity']) });
  cases.push({ name: 'var_samp', declared: [N], argTypes: [N], ret: N, rows: col(['Infinity', '1']) });
  cases.push({ name: 'sum', declared: [IV], argTypes: [IV], ret: IV, rows: col(['1 day', '1 hour', null]) });
  cases.push({ name: 'avg', declared: [IV], argTypes: [IV], ret: IV, rows: col(['1 day', '1 hour']) });
  cases.push({ name: 'avg', declared: [IV], argTypes: [IV], ret: IV, rows: col(['1 mon', '1 day', '3 hours']) });
  expect(await check(cases)).toEqual([]);
});

it('other aggregates match the oracle', async () => {
  const cases: AggCase[] = [];
  const texts: Rows = col(['b', null, 'a', 'B', 'é']);
  cases.push({ name: 'min', declared: [T], argTypes: [T], ret: T, rows: texts }, { name: 'max', declared: [T], argTypes: [T], ret: T, rows: texts });
  cases.push({ name: 'string_agg', declared: [T, T], argTypes: [T, T], ret: T, rows: [['a', '-'], [null, '+'], ['b', null], ['c', '*']] });
  cases.push({ name: 'string_agg', declared: [T, T], argTypes: [T, T], ret: T, rows: [] });
  cases.push({ name: 'string_agg', declared: [OID.bytea, OID.bytea], argTypes: [OID.bytea, OID.bytea], ret: OID.bytea, rows: [['\\x01', '\\xff'], ['\\x02', '\\xee']] });
  cases.push({ name: 'array_agg', declared: [OID.anynonarray], argTypes: [I4], ret: OID._int4, rows: col(['1', null, '3']) });
  cases.push({ name: 'array_agg', declared: [OID.anynonarray], argTypes: [T], ret: OID._text, rows: [] });
  for (const rows of [col(['{1,2}', '{3,4}']), col(['{1,2}', '{3}']), col(['{1,2}', null]), col(['{}']), col(['[2:3]={1,2}', '[2:3]={3,4}']), col(['{{1},{2}}', '{{3},{4}}'])]) {
    cases.push({ name: 'array_agg', declared: [OID.anyarray], argTypes: [OID._int4], ret: OID._int4, rows });
  }
  for (const [t, vals] of [
    [I4, ['1', null, '3']],
    [T, ['a"b', null]],
    [OID.jsonb, ['{"b":1,"a":2}', 'null', null]],
    [OID.json, ['{"b" :1}', null]],
    [OID.timestamp, ['2020-01-01 10:00']],
    [N, ['1.50', 'NaN']],
    [OID._int4, [null, '{1,2}', '{3}']],
  ] as [number, (string | null)[]][]) {
    for (const name of ['json_agg', 'jsonb_agg', 'json_agg_strict', 'jsonb_agg_strict']) {
      cases.push({ name, declared: [OID.anyelement], argTypes: [t], ret: name.startsWith('jsonb') ? OID.jsonb : OID.json, rows: col(vals) });
    }
  }
  const kv: Rows = [['a', '1'], ['b', null], ['a', '3']];
  for (const name of ['json_object_agg', 'jsonb_object_agg', 'json_object_agg_strict', 'jsonb_object_agg_strict', 'json_object_agg_unique', 'jsonb_object_agg_unique']) {
    const ret = name.startsWith('jsonb') ? OID.jsonb : OID.json;
    cases.push({ name, declared: [OID.any, OID.any], argTypes: [T, I4], ret, rows: kv });
    cases.push({ name, declared: [OID.any, OID.any], argTypes: [T, I4], ret, rows: [[null, '1']] });
    cases.push({ name, declared: [OID.any, OID.any], argTypes: [I4, BOOL], ret, rows: [['1', 't'], ['2', 'f']] });
  }
  for (const vals of [['t', 't'], ['t', 'f', null], [null], []]) {
    for (const name of ['bool_and', 'bool_or', 'every']) cases.push({ name, declared: [BOOL], argTypes: [BOOL], ret: BOOL, rows: col(vals) });
  }
  for (const [t, vals] of [
    [OID.date, ['2024-01-01', 'infinity', null, '1999-12-31']],
    [OID.timestamptz, ['2024-01-01 10:00+00', '2023-06-01 00:00+05']],
    [OID.interval, ['1 mon', '30 days', '29 days 25:00']],
    [OID._int4, ['{1,2}', '{1}', '{0,5}']],
    [OID.bytea, ['\\x02', '\\x0100']],
    [OID.time, ['10:00', '09:59:59.999999']],
    [OID.oid, ['4294967295', '1']],
    [OID.bpchar, ['b ', 'a']],
  ] as [number, string[]][]) {
    for (const name of ['min', 'max']) cases.push({ name, declared: [t === OID._int4 ? OID.anyarray : t], argTypes: [t], ret: t, rows: col(vals) });
  }
  cases.push({ name: 'any_value', declared: [OID.anyelement], argTypes: [I4], ret: I4, rows: col([null, '7', '8']) });
  expect(await check(cases)).toEqual([]);
});
