/** Cases for array operators and functions (int4[] and text[] mostly). */
import { OID } from '../../../../src/types/oids.js';
import { fnCase, opCase, type Case } from '../harness.js';

const { _int4: IA, int4: I4, _text: TA, text: T, anyarray: AA, anycompatiblearray: ACA, anycompatible: AC, numeric: N, bool: BOOL } = OID;

const ARRS = ['{1,2,3}', '{}', '{1,NULL,3,2}', '[0:2]={7,8,9}', '{{1,2},{3,4}}', '{2}', '{NULL}', '{3,2,1,2}', '{{1},{2}}', '[5:6]={1,2}'];
const TEXTS = ['{a,B,c}', '{b,a}', '{A}', '{a,NULL}', '{}'];

export function cases(): Case[] {
  const out: Case[] = [];
  const poly = (name: string, declared: number[], args: (string | null)[], actual: number[], ret: number): Case =>
    fnCase(name, declared, args, { argTypes: actual, ret });
  for (const a of ARRS) {
    for (const b of ARRS) {
      for (const o of ['=', '<>', '<', '>=', '@>', '<@', '&&']) out.push(opCase(o, AA, AA, [a, b], { argTypes: [IA, IA] }));
      out.push(opCase('||', ACA, ACA, [a, b], { argTypes: [IA, IA], ret: IA }));
      out.push(poly('array_cat', [ACA, ACA], [a, b], [IA, IA], IA));
    }
    for (const e of ['1', '2', '5', null]) {
      out.push(opCase('||', ACA, AC, [a, e], { argTypes: [IA, I4], ret: IA }), opCase('||', AC, ACA, [e, a], { argTypes: [I4, IA], ret: IA }));
      out.push(poly('array_append', [ACA, AC], [a, e], [IA, I4], IA), poly('array_prepend', [AC, ACA], [e, a], [I4, IA], IA));
      out.push(poly('array_remove', [ACA, AC], [a, e], [IA, I4], IA), poly('array_replace', [ACA, AC, AC], [a, e, '9'], [IA, I4, I4], IA));
      out.push(poly('array_position', [ACA, AC], [a, e], [IA, I4], I4), poly('array_positions', [ACA, AC], [a, e], [IA, I4], OID._int4));
      out.push(poly('array_position', [ACA, AC, I4], [a, e, '2'], [IA, I4, I4], I4));
    }
    for (const d of ['0', '1', '2', '3']) {
      for (const f of ['array_length', 'array_lower', 'array_upper']) out.push(poly(f, [AA, I4], [a, d], [IA, I4], I4));
      out.push(fnCase('generate_subscripts', [AA, I4], [a, d], { argTypes: [IA, I4] }), fnCase('generate_subscripts', [AA, I4, BOOL], [a, d, 't'], { argTypes: [IA, I4, BOOL] }));
      out.push(poly('trim_array', [AA, I4], [a, d], [IA, I4], IA));
    }
    for (const f of ['array_ndims', 'cardinality', 'array_dims']) out.push(fnCase(f, [AA], [a], { argTypes: [IA] }));
    out.push(poly('array_reverse', [AA], [a], [IA], IA));
    out.push(fnCase('unnest', [AA], [a], { argTypes: [IA], ret: I4 }));
    out.push(fnCase('array_to_string', [AA, T], [a, ','], { argTypes: [IA, T] }), fnCase('array_to_string', [AA, T, T], [a, '-', '*'], { argTypes: [IA, T, T] }));
  }
  for (const a of TEXTS) {
    for (const b of TEXTS) {
      for (const o of ['=', '<', '>', '@>', '&&']) out.push(opCase(o, AA, AA, [a, b], { argTypes: [TA, TA] }));
      out.push(opCase('<', AA, AA, [a, b], { argTypes: [TA, TA], collation: 'C', sql: '($1::text[] < $2::text[] collate "C")' }));
    }
    for (const e of ['a', 'A', 'z', null]) out.push(poly('array_position', [ACA, AC], [a, e], [TA, T], I4), poly('array_remove', [ACA, AC], [a, e], [TA, T], TA));
    out.push(fnCase('array_to_string', [AA, T, T], [a, ', ', 'NULL'], { argTypes: [TA, T, T] }));
  }
  out.push(fnCase('array_to_string', [AA, T], ['{1.50,2}', '|'], { argTypes: [OID._numeric, T] }));
  out.push(fnCase('array_to_string', [AA, T], ['{t,f}', '|'], { argTypes: [OID._bool, T] }));
  out.push(fnCase('array_fill', [OID.anyelement, OID._int4], ['7', '{2,2}'], { argTypes: [I4, OID._int4], ret: IA }));
  out.push(fnCase('array_fill', [OID.anyelement, OID._int4, OID._int4], ['7', '{2}', '{3}'], { argTypes: [I4, OID._int4, OID._int4], ret: IA }));
  out.push(fnCase('array_fill', [OID.anyelement, OID._int4, OID._int4], ['7', '{2}', '{3,4}'], { argTypes: [I4, OID._int4, OID._int4], ret: IA }));
  out.push(fnCase('array_fill', [OID.anyelement, OID._int4], ['7', '{0}'], { argTypes: [I4, OID._int4], ret: IA }));
  const series: [number[], string[]][] = [
    [[I4, I4], ['1', '5']], [[I4, I4], ['5', '1']], [[I4, I4, I4], ['1', '10', '3']], [[I4, I4, I4], ['10', '1', '-4']], [[I4, I4, I4], ['1', '3', '0']],
    [[I4, I4], ['2147483646', '2147483647']], [[I4, I4, I4], ['-2147483647', '-2147483648', '-1']],
    [[OID.int8, OID.int8], ['9223372036854775806', '9223372036854775807']], [[OID.int8, OID.int8, OID.int8], ['1', '10', '4']],
    [[N, N], ['1', '3.1']], [[N, N, N], ['1.5', '3', '0.5']], [[N, N, N], ['3', '1', '-0.75']], [[N, N, N], ['1', 'NaN', '1']],
    [[N, N, N], ['1', 'Infinity', '1']], [[N, N, N], ['1.0', '3', '0']], [[N, N, N], ['NaN', '3', '1']],
  ];
  for (const [types, args] of series) out.push(fnCase('generate_series', types, args));
  out.push(fnCase('width_bucket', [AC, ACA], ['5', '{1,3,5,7}'], { argTypes: [I4, IA], sql: 'width_bucket($1::int4, $2::int4[])' }));
  return out;
}
