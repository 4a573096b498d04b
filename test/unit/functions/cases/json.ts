/** Cases for json/jsonb operators and functions. */
import { OID } from '../../../../src/types/oids.js';
import { fnCase, opCase, type Case } from '../harness.js';

const { json: J, jsonb: JB, text: T, int4: I4, _text: TA, bool: BOOL } = OID;

const DOCS = [
  '{"a": [1,  2, {"b": null}], "a": 3, "c": "x\\u00e9"}',
  '{"a":1,"b":{"c":[true,false]},"d":"s"}',
  '[1, "two", null, [3, 4], {"k": "v"}]',
  '"scalar"',
  '42',
  'null',
  '{}',
  '[]',
  '{"a": {"b": {"c": "deep"}}, "x": [0, [1, [2]]]}',
];

export function cases(): Case[] {
  const out: Case[] = [];
  for (const d of DOCS) {
    for (const k of ['a', 'b', 'c', 'd', 'k', 'x', '']) {
      out.push(opCase('->', J, T, [d, k]), opCase('->>', J, T, [d, k]), opCase('->', JB, T, [d, k]), opCase('->>', JB, T, [d, k]));
      out.push(opCase('?', JB, T, [d, k]), opCase('-', JB, T, [d, k]));
    }
    for (const i of ['0', '1', '-1', '3', '10', '-10']) {
      out.push(opCase('->', J, I4, [d, i]), opCase('->>', J, I4, [d, i]), opCase('->', JB, I4, [d, i]), opCase('->>', JB, I4, [d, i]), opCase('-', JB, I4, [d, i]));
    }
    for (const p of ['{}', '{a}', '{a,2,b}', '{b,c,0}', '{3,1}', '{a,b,c}', '{x,1,1,0}', '{a,NULL}', '{-1}', '{4,k}']) {
      out.push(opCase('#>', J, TA, [d, p]), opCase('#>>', J, TA, [d, p]), opCase('#>', JB, TA, [d, p]), opCase('#>>', JB, TA, [d, p]));
      out.push(opCase('#-', JB, TA, [d, p]), opCase('?|', JB, TA, [d, p]), opCase('?&', JB, TA, [d, p]), opCase('-', JB, TA, [d, p]));
      out.push(fnCase('jsonb_set', [JB, TA, JB, BOOL], [d, p, '{"new": 1}', 'true']), fnCase('jsonb_set', [JB, TA, JB, BOOL], [d, p, '"z"', 'false']));
      out.push(fnCase('jsonb_insert', [JB, TA, JB, BOOL], [d, p, '9', 'true']), fnCase('jsonb_insert', [JB, TA, JB, BOOL], [d, p, '9', 'false']));
    }
    for (const e of DOCS) out.push(opCase('@>', JB, JB, [d, e]), opCase('<@', JB, JB, [d, e]), opCase('||', JB, JB, [d, e]), opCase('=', JB, JB, [d, e]), opCase('<', JB, JB, [d, e]));
    for (const f of ['json_typeof', 'json_array_length', 'json_object_keys', 'json_array_elements', 'json_array_elements_text']) out.push(fnCase(f, [J], [d]));
    for (const f of ['jsonb_typeof', 'jsonb_array_length', 'jsonb_object_keys', 'jsonb_array_elements', 'jsonb_array_elements_text', 'jsonb_pretty']) out.push(fnCase(f, [JB], [d]));
    out.push(fnCase('jsonb_strip_nulls', [JB, BOOL], [d, 'false']), fnCase('jsonb_strip_nulls', [JB, BOOL], [d, 'true']));
    out.push(fnCase('json_strip_nulls', [J, BOOL], [d, 'false']), fnCase('json_strip_nulls', [J, BOOL], [d, 'true']));
    for (const treat of ['use_json_null', 'delete_key', 'return_target', 'raise_exception', 'foo']) {
      out.push(fnCase('jsonb_set_lax', [JB, TA, JB, BOOL, T], [d, '{a}', null, 'true', treat]));
    }
    out.push(fnCase('to_json', [OID.anyelement], [d], { argTypes: [J], ret: J, sql: 'to_json($1::json)' }));
    out.push(fnCase('to_jsonb', [OID.anyelement], [d], { argTypes: [J], ret: JB, sql: 'to_jsonb($1::json)' }));
    out.push(fnCase('to_json', [OID.anyelement], [d], { argTypes: [JB], ret: J, sql: 'to_json($1::jsonb)' }));
  }
  const anyTo: [number, string[]][] = [
    [OID.int4, ['1', '-5']],
    [OID.numeric, ['1.50', 'NaN', '-Infinity', '1e20']],
    [OID.float8, ['1e20', '1e-7', 'NaN', '123456789012345678', '0.1']],
    [OID.float4, ['0.1', 'Infinity']],
    [T, ['a"b\\', 'é\n\t', '']],
    [BOOL, ['t', 'f']],
    [OID.date, ['2020-01-01', '0044-03-15 BC', 'infinity']],
    [OID.timestamp, ['2020-01-01 10:00:00.5', 'infinity', '0044-03-15 12:00 BC']],
    [OID.timestamptz, ['2020-01-01 10:00+05:30', '-infinity']],
    [OID.time, ['10:00:01.25']],
    [OID.timetz, ['10:00+05:30']],
    [OID.interval, ['1 day 02:00']],
    [OID.bytea, ['\\x01ff']],
    [OID.uuid, ['A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11']],
    [OID._int4, ['{{1,2},{3,NULL}}', '{}', '[2:3]={1,2}']],
    [OID._text, ['{a,"b c",NULL}']],
    [OID._numeric, ['{1.5,NaN}']],
  ];
  for (const [t, vals] of anyTo) {
    for (const v of vals) {
      out.push(fnCase('to_json', [OID.anyelement], [v], { argTypes: [t], ret: J }));
      out.push(fnCase('to_jsonb', [OID.anyelement], [v], { argTypes: [t], ret: JB }));
      out.push(fnCase('quote_literal', [OID.anyelement], [v], { argTypes: [t], ret: T }));
      if (t === OID._int4 || t === OID._text || t === OID._numeric) {
        out.push(fnCase('array_to_json', [OID.anyarray], [v], { argTypes: [t] }), fnCase('array_to_json', [OID.anyarray, BOOL], [v, 't'], { argTypes: [t, BOOL] }));
      }
    }
  }
  // Builders (VARIADIC "any", packed as the executor does).
  const build = (name: string, args: (string | null)[], types: number[]): Case =>
    fnCase(name, [OID.any], args, { argTypes: types, variadicFrom: 0 });
  out.push(build('json_build_object', ['a', '1', 'b', null, 'c', '{1}'], [T, I4, T, T, T, OID._int4]));
  out.push(build('jsonb_build_object', ['b', '1', 'a', 'x', 'a', 'y'], [T, I4, T, T, T, T]));
  out.push(build('json_build_object', ['1', '2', 't', '3'], [I4, I4, BOOL, I4]));
  out.push(build('json_build_object', ['a'], [T]), build('json_build_object', [null, '1'], [T, I4]));
  out.push(build('jsonb_build_object', ['{1}', '1'], [OID._int4, I4]), build('json_build_object', ['{}', '1'], [J, I4]));
  out.push(build('json_build_object', ['2020-01-01', '1'], [OID.date, I4]));
  out.push(build('json_build_array', ['1', 'a', null, 't'], [I4, T, T, BOOL]), build('jsonb_build_array', ['1.50', '{"x":1}', null], [OID.numeric, J, T]));
  out.push(fnCase('json_build_object', [], []), fnCase('jsonb_build_array', [], []));
  for (const arr of ['{a,1,b,2}', '{a,1,b,NULL}', '{{a,1},{b,2}}', '{a}', '{}', '{NULL,1}', '{{a,1,2}}']) {
    out.push(fnCase('json_object', [TA], [arr]), fnCase('jsonb_object', [TA], [arr]));
  }
  out.push(fnCase('jsonb_object', [TA, TA], ['{a,b}', '{1,2}']), fnCase('json_object', [TA, TA], ['{a,b}', '{1}']));
  out.push(fnCase('jsonb_extract_path', [JB, TA], ['{"a":{"b":1}}', '{a,b}'], { sql: 'jsonb_extract_path($1::jsonb, variadic $2::text[])' }));
  out.push(fnCase('json_extract_path_text', [J, TA], ['{"a":{"b":"x"}}', '{a,b}'], { sql: 'json_extract_path_text($1::json, variadic $2::text[])' }));
  return out;
}
