/**
 * json/jsonb functions: to_json/to_jsonb, json(b)_build_object/array, json(b)_object(text[]),
 * array_to_json, row_to_json, json(b)_typeof, json(b)_array_length, json(b)_extract_path(_text),
 * jsonb_set, jsonb_set_lax, jsonb_insert, json(b)_strip_nulls, jsonb_pretty, and the
 * set-returning json(b)_object_keys and json(b)_array_elements(_text).
 *
 * Postgres counterpart: src/backend/utils/adt/json.c, jsonb.c, jsonfuncs.c.
 * Known gaps: json(b)_each (multi-column results). json(b)_populate_record / json(b)_to_record are in json-populate.ts.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import type { ExprRuntime } from '../../nodes/primnodes.js';
import { OID } from '../../types/oids.js';
import {
  JSONB_NULL,
  JsonbObject,
  escapeJsonString,
  isJsonbArray,
  jsonToText,
  jsonbGetPath,
  jsonbGetPathText,
  jsonbInsert,
  jsonbPretty,
  jsonbSet,
  jsonbStripNulls,
  jsonbTypeof,
  parseJsonb,
  type JsonbValue,
  jsonbDeletePath,
} from '../../types/jsonb.js';
import { PgArray, PgRecord, type Value } from '../../types/values.js';
import { fn } from '../registry.js';
import { jsonNodeText, type JsonNode } from './json-text.js';
import { checkPathNulls, jsonPathNode, jsonTree, jsonTreeDecoded } from './jsonb-ops.js';
import { arrayToJson, datumToJson, jsonKeyText, recordToJson } from './to-json.js';
import { arrayElementType } from './value-compare.js';
import { variadicArgs, type TypedArg } from './variadic.js';

const J = OID.json;
const JB = OID.jsonb;
const T = OID.text;
const TA = OID._text;
const I4 = OID.int4;

const jb = (v: Value): JsonbValue => v as JsonbValue;
const textPath = (v: Value): (string | null)[] => (v as PgArray).items as (string | null)[];

/** to_jsonb: the JSON text parsed as jsonb (numbers become numerics, keys sorted). */
export function datumToJsonb(rt: ExprRuntime, type: number, v: Value): JsonbValue {
  if (v === null) return JSONB_NULL;
  if (type === JB) return v as JsonbValue;
  return parseJsonb(datumToJson(rt, type, v));
}

fn('to_json', [OID.anyelement], J, (a, rt, call) => datumToJson(rt, call.argTypes[0], a[0]), { volatility: 's' });
fn('to_jsonb', [OID.anyelement], JB, (a, rt, call) => datumToJsonb(rt, call.argTypes[0], a[0]), { volatility: 's' });
fn('array_to_json', [OID.anyarray], J, (a, rt, call) => arrayToJson(rt, elemType(rt, call.argTypes[0]), a[0] as PgArray), { volatility: 's' });
fn('array_to_json', [OID.anyarray, OID.bool], J, (a, rt, call) => arrayToJson(rt, elemType(rt, call.argTypes[0]), a[0] as PgArray, a[1] as boolean), {
  volatility: 's',
});
fn('row_to_json', [OID.record], J, (a, rt, call) => recordToJson(rt, call.argTypes[0], a[0] as PgRecord), { volatility: 's' });
fn('row_to_json', [OID.record, OID.bool], J, (a, rt, call) => recordToJson(rt, call.argTypes[0], a[0] as PgRecord, a[1] as boolean), {
  volatility: 's',
});

function elemType(rt: ExprRuntime, arrayType: number): number {
  return arrayElementType(rt.session.catalog(), arrayType);
}

// Builders.
function buildPairs(rt: ExprRuntime, args: readonly TypedArg[], fname: string): [string, TypedArg][] {
  if (args.length % 2 !== 0) {
    throw new PgError(SQLSTATE.invalid_parameter_value, 'argument list must have even number of elements', {
      hint: `The arguments of ${fname}() must consist of alternating keys and values.`,
    });
  }
  const out: [string, TypedArg][] = [];
  for (let i = 0; i < args.length; i += 2) {
    const k = args[i];
    if (k.value === null) {
      // jsonb_build_object names the argument (jsonb.c); json_build_object does not (json.c).
      if (fname === 'jsonb_build_object') throw new PgError(SQLSTATE.invalid_parameter_value, `argument ${i + 1}: key must not be null`);
      throw new PgError(SQLSTATE.null_value_not_allowed, 'null value not allowed for object key');
    }
    const key = jsonKeyText(rt, k.type, k.value);
    if (key === undefined) {
      throw new PgError(SQLSTATE.invalid_parameter_value, 'key value must be scalar, not array, composite, or json');
    }
    out.push([key, args[i + 1]]);
  }
  return out;
}
fn('json_build_object', [], J, () => '{}', { volatility: 's' });
fn(
  'json_build_object',
  [OID.any],
  J,
  (a, rt, call) => {
    const pairs = buildPairs(rt, variadicArgs(a, call, 0), 'json_build_object');
    return '{' + pairs.map(([k, v]) => `${escapeJsonString(k)} : ${datumToJson(rt, v.type, v.value)}`).join(', ') + '}';
  },
  { strict: false, volatility: 's', variadic: OID.any },
);
fn('jsonb_build_object', [], JB, () => JsonbObject.fromEntries([]), { volatility: 's' });
fn(
  'jsonb_build_object',
  [OID.any],
  JB,
  (a, rt, call) => {
    const pairs = buildPairs(rt, variadicArgs(a, call, 0), 'jsonb_build_object');
    return JsonbObject.fromEntries(pairs.map(([k, v]) => [k, datumToJsonb(rt, v.type, v.value)]));
  },
  { strict: false, volatility: 's', variadic: OID.any },
);
fn('json_build_array', [], J, () => '[]', { volatility: 's' });
fn(
  'json_build_array',
  [OID.any],
  J,
  (a, rt, call) => '[' + variadicArgs(a, call, 0).map((v) => datumToJson(rt, v.type, v.value)).join(', ') + ']',
  { strict: false, volatility: 's', variadic: OID.any },
);
fn('jsonb_build_array', [], JB, () => Object.freeze([]) as JsonbValue, { volatility: 's' });
fn(
  'jsonb_build_array',
  [OID.any],
  JB,
  (a, rt, call) => Object.freeze(variadicArgs(a, call, 0).map((v) => datumToJsonb(rt, v.type, v.value))) as JsonbValue,
  { strict: false, volatility: 's', variadic: OID.any },
);

// json(b)_object(text[]) / (keys text[], values text[]).
function objectPairs(keys: PgArray, values?: PgArray): [string, string | null][] {
  let pairs: [string | null, string | null][];
  if (values === undefined) {
    if (keys.dims.length === 2 && keys.dims[1] === 2) {
      pairs = [];
      for (let i = 0; i < keys.items.length; i += 2) pairs.push([keys.items[i] as string | null, keys.items[i + 1] as string | null]);
    } else if (keys.dims.length <= 1) {
      if (keys.items.length % 2 !== 0) throw new PgError(SQLSTATE.array_subscript_error, 'array must have even number of elements');
      pairs = [];
      for (let i = 0; i < keys.items.length; i += 2) pairs.push([keys.items[i] as string | null, keys.items[i + 1] as string | null]);
    } else if (keys.dims.length === 2) {
      throw new PgError(SQLSTATE.array_subscript_error, 'array must have two columns');
    } else {
      throw new PgError(SQLSTATE.array_subscript_error, 'wrong number of array subscripts');
    }
  } else {
    if (keys.dims.length > 1 || values.dims.length > 1) throw new PgError(SQLSTATE.array_subscript_error, 'wrong number of array subscripts');
    if (keys.items.length !== values.items.length) throw new PgError(SQLSTATE.array_subscript_error, 'mismatched array dimensions');
    pairs = keys.items.map((k, i) => [k as string | null, values.items[i] as string | null]);
  }
  return pairs.map(([k, v]) => {
    if (k === null) throw new PgError(SQLSTATE.null_value_not_allowed, 'null value not allowed for object key');
    return [k, v];
  });
}
fn('json_object', [TA], J, (a) => '{' + objectPairs(a[0] as PgArray).map(([k, v]) => `${escapeJsonString(k)} : ${v === null ? 'null' : escapeJsonString(v)}`).join(', ') + '}');
fn('json_object', [TA, TA], J, (a) =>
  '{' + objectPairs(a[0] as PgArray, a[1] as PgArray).map(([k, v]) => `${escapeJsonString(k)} : ${v === null ? 'null' : escapeJsonString(v)}`).join(', ') + '}',
);
fn('jsonb_object', [TA], JB, (a) => JsonbObject.fromEntries(objectPairs(a[0] as PgArray).map(([k, v]) => [k, v === null ? JSONB_NULL : v])));
fn('jsonb_object', [TA, TA], JB, (a) =>
  JsonbObject.fromEntries(objectPairs(a[0] as PgArray, a[1] as PgArray).map(([k, v]) => [k, v === null ? JSONB_NULL : v])),
);

// Inspection.
const JSON_KIND: Record<JsonNode['kind'], string> = { object: 'object', array: 'array', string: 'string', number: 'number', boolean: 'boolean', null: 'null' };
fn('json_typeof', [J], T, (a) => JSON_KIND[jsonTree(a[0] as string).kind]);
fn('jsonb_typeof', [JB], T, (a) => jsonbTypeof(jb(a[0])));
function notArrayLength(object: boolean): PgError {
  return new PgError(SQLSTATE.invalid_parameter_value, `cannot get array length of ${object ? 'a non-array' : 'a scalar'}`);
}
fn('json_array_length', [J], I4, (a) => {
  const n = jsonTree(a[0] as string);
  if (n.kind !== 'array') throw notArrayLength(n.kind === 'object');
  return n.items.length;
});
fn('jsonb_array_length', [JB], I4, (a) => {
  const v = jb(a[0]);
  if (!isJsonbArray(v)) throw notArrayLength(v instanceof JsonbObject);
  return v.length;
});

// Paths (variadic text[]).
fn('jsonb_extract_path', [JB, TA], JB, (a) => jsonbGetPath(jb(a[0]), textPath(a[1])), { variadic: TA });
fn('jsonb_extract_path_text', [JB, TA], T, (a) => jsonbGetPathText(jb(a[0]), textPath(a[1])), { variadic: TA });
fn('json_extract_path', [J, TA], J, (a) => {
  const n = jsonPathNode(a[0] as string, textPath(a[1]));
  return n === undefined ? null : (a[0] as string).slice(n.start, n.end);
}, { variadic: TA });
fn('json_extract_path_text', [J, TA], T, (a) => {
  const n = jsonPathNode(a[0] as string, textPath(a[1]));
  return n === undefined ? null : jsonNodeText(a[0] as string, n);
}, { variadic: TA });

// Modification.
fn('jsonb_set', [JB, TA, JB, OID.bool], JB, (a) => jsonbSet(jb(a[0]), checkPathNulls(jb(a[0]), textPath(a[1]), a[3] === false), jb(a[2]), a[3] === undefined ? true : (a[3] as boolean)), {
  defaults: 1,
});
fn('jsonb_insert', [JB, TA, JB, OID.bool], JB, (a) => jsonbInsert(jb(a[0]), checkPathNulls(jb(a[0]), textPath(a[1])), jb(a[2]), a[3] === undefined ? false : (a[3] as boolean)), {
  defaults: 1,
});
fn(
  'jsonb_set_lax',
  [JB, TA, JB, OID.bool, T],
  JB,
  (a) => {
    const treatment = a.length > 4 ? a[4] : 'use_json_null';
    const valid = ['delete_key', 'return_target', 'use_json_null', 'raise_exception'];
    if (treatment === null || !valid.includes(treatment as string)) {
      throw new PgError(
        SQLSTATE.invalid_parameter_value,
        'null_value_treatment must be "delete_key", "return_target", "use_json_null", or "raise_exception"',
      );
    }
    if (a[0] === null || a[1] === null) return null;
    const create = a.length > 3 ? a[3] : true;
    if (create === null) return null;
    const target = jb(a[0]);
    const p = textPath(a[1]);
    if (a[2] !== null) return jsonbSet(target, checkPathNulls(target, p, create === false), jb(a[2]), create as boolean);
    switch (treatment) {
      case 'raise_exception':
        throw new PgError(SQLSTATE.null_value_not_allowed, 'JSON value must not be null', {
          detail: 'Exception was raised because null_value_treatment is "raise_exception".',
          hint: 'To avoid, either change the null_value_treatment argument or ensure that an SQL NULL is not passed.',
        });
      case 'return_target':
        return a[0];
      case 'delete_key':
        return jsonbDeletePath(target, checkPathNulls(target, p, true));
      default:
        return jsonbSet(target, checkPathNulls(target, p, create === false), JSONB_NULL, create as boolean);
    }
  },
  { strict: false, defaults: 2 },
);
fn('jsonb_strip_nulls', [JB, OID.bool], JB, (a) => jsonbStripNulls(jb(a[0]), a[1] === undefined ? false : (a[1] as boolean)), { defaults: 1 });
fn('json_strip_nulls', [J, OID.bool], J, (a) => jsonStripNulls(a[0] as string, jsonTreeDecoded(a[0] as string), a[1] === undefined ? false : (a[1] as boolean)), {
  defaults: 1,
});
/** json_strip_nulls re-serializes compactly (no whitespace), keeping key order and duplicates. */
function jsonStripNulls(text: string, n: JsonNode, inArrays: boolean): string {
  switch (n.kind) {
    case 'object':
      return (
        '{' +
        n.fields
          .filter(([, v]) => v.kind !== 'null')
          .map(([k, v]) => escapeJsonString(k) + ':' + jsonStripNulls(text, v, inArrays))
          .join(',') +
        '}'
      );
    case 'array':
      return '[' + n.items.filter((v) => !(inArrays && v.kind === 'null')).map((v) => jsonStripNulls(text, v, inArrays)).join(',') + ']';
    case 'string':
      return escapeJsonString(jsonNodeText(text, n) as string);
    default:
      return text.slice(n.start, n.end);
  }
}
fn('jsonb_pretty', [JB], T, (a) => jsonbPretty(jb(a[0])));

// Set-returning.
function srfError(fname: string, what: string): PgError {
  return new PgError(SQLSTATE.invalid_parameter_value, `cannot call ${fname} on ${what}`);
}
fn('json_object_keys', [J], T, (a) => {
  const n = jsonTreeDecoded(a[0] as string);
  if (n.kind !== 'object') throw srfError('json_object_keys', n.kind === 'array' ? 'an array' : 'a scalar');
  return n.fields.map(([k]) => k);
}, { retset: true });
fn('jsonb_object_keys', [JB], T, (a) => {
  const v = jb(a[0]);
  if (!(v instanceof JsonbObject)) throw srfError('jsonb_object_keys', isJsonbArray(v) ? 'an array' : 'a scalar');
  return v.keys.slice();
}, { retset: true });
function jsonElements(a: Value[], fname: string, asText: boolean): Value[] {
  const text = a[0] as string;
  const n = asText ? jsonTreeDecoded(text) : jsonTree(text);
  if (n.kind !== 'array') throw srfError(fname, n.kind === 'object' ? 'a non-array' : 'a scalar');
  return n.items.map((e) => (asText ? jsonNodeText(text, e) : text.slice(e.start, e.end)));
}
function jsonbElements(a: Value[], asText: boolean): Value[] {
  const v = jb(a[0]);
  if (!isJsonbArray(v)) {
    throw new PgError(SQLSTATE.invalid_parameter_value, `cannot extract elements from ${v instanceof JsonbObject ? 'an object' : 'a scalar'}`);
  }
  return asText ? v.map((e) => jsonToText(e)) : v.slice();
}
fn('json_array_elements', [J], J, (a) => jsonElements(a, 'json_array_elements', false), { retset: true, resultColumnName: 'value' });
fn('json_array_elements_text', [J], T, (a) => jsonElements(a, 'json_array_elements_text', true), { retset: true, resultColumnName: 'value' });
fn('jsonb_array_elements', [JB], JB, (a) => jsonbElements(a, false), { retset: true, resultColumnName: 'value' });
fn('jsonb_array_elements_text', [JB], T, (a) => jsonbElements(a, true), { retset: true, resultColumnName: 'value' });
