/**
 * Aggregates that collect their inputs: string_agg (text and bytea; each value after the first
 * is preceded by its own row's delimiter, a NULL delimiter counting as empty), array_agg (of
 * scalars, NULLs kept; of arrays, stacked into one more dimension), json_agg / jsonb_agg and
 * json_object_agg / jsonb_object_agg (plus their _strict and _unique variants).
 *
 * Postgres counterpart: string_agg_transfn, array_agg_transfn, array_agg_array_transfn in
 * src/backend/utils/adt/varlena.c and array_userfuncs.c; json_agg_transfn,
 * json_object_agg_transfn in json.c; jsonb_agg_transfn in jsonb.c.
 * Known gaps: none known.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { JsonbObject, escapeJsonString, type JsonbValue } from '../../types/jsonb.js';
import type { ExprRuntime } from '../../nodes/primnodes.js';
import { OID } from '../../types/oids.js';
import { baseTypeOf, typeInfo } from '../../types/registry.js';
import { PgArray, type Value } from '../../types/values.js';
import { agg } from './aggregates.js';
import { datumToJson, jsonKeyText } from './to-json.js';
import { datumToJsonb } from './json-functions.js';

// string_agg.
agg<string | null>(
  'string_agg',
  [OID.text, OID.text],
  OID.text,
  () => null,
  (s, a) => {
    if (a[0] === null) return s;
    return s === null ? (a[0] as string) : s + ((a[1] as string | null) ?? '') + (a[0] as string);
  },
  (s) => s,
  false,
);
agg<number[] | null>(
  'string_agg',
  [OID.bytea, OID.bytea],
  OID.bytea,
  () => null,
  (s, a) => {
    if (a[0] === null) return s;
    const out = s ?? [];
    if (s !== null && a[1] !== null) out.push(...(a[1] as Uint8Array));
    out.push(...(a[0] as Uint8Array));
    return out;
  },
  (s) => (s === null ? null : Uint8Array.from(s)),
  false,
);

// array_agg.
agg<Value[] | null>(
  'array_agg',
  [OID.anynonarray],
  OID.anyarray,
  () => null,
  (s, a) => {
    const out = s ?? [];
    out.push(a[0]);
    return out;
  },
  (s) => (s === null ? null : PgArray.of(s)),
  false,
);
agg<{ items: Value[]; dims: number[] | null; lbounds: number[]; n: number } | null>(
  'array_agg',
  [OID.anyarray],
  OID.anyarray,
  () => null,
  (s, a) => {
    const x = a[0] as PgArray | null;
    if (x === null) throw new PgError(SQLSTATE.null_value_not_allowed, 'cannot accumulate null arrays');
    if (x.dims.length === 0) throw new PgError(SQLSTATE.array_subscript_error, 'cannot accumulate empty arrays');
    if (s === null) return { items: [...x.items], dims: x.dims.slice(), lbounds: x.lbounds.slice(), n: 1 };
    const same = s.dims !== null && s.dims.length === x.dims.length && s.dims.every((d, i) => d === x.dims[i]) && s.lbounds.every((l, i) => l === x.lbounds[i]);
    if (!same) throw new PgError(SQLSTATE.array_subscript_error, 'cannot accumulate arrays of different dimensionality');
    s.items.push(...x.items);
    s.n++;
    return s;
  },
  (s) => (s === null ? null : new PgArray(s.items, [s.n, ...(s.dims as number[])], [1, ...s.lbounds])),
  false,
);

/** Whether values of `type` are arrays or composites (json_agg puts those on new lines). */
function isContainerType(rt: ExprRuntime, type: number): boolean {
  if (type === OID.record) return true;
  const cat = rt.session.catalog();
  const c = typeInfo(cat, baseTypeOf(cat, type)).category;
  return c === 'A' || c === 'C';
}

// json_agg / jsonb_agg.
for (const strict of [false, true]) {
  const suffix = strict ? '_strict' : '';
  agg<string[] | null>(
    'json_agg' + suffix,
    [OID.anyelement],
    OID.json,
    () => null,
    (s, a, rt, call) => {
      // The state starts at the first row, NULL or not: _strict over only NULLs gives [].
      const out = s ?? [];
      if (strict && a[0] === null) return out;
      out.push(datumToJson(rt, call.argTypes[0], a[0]));
      return out;
    },
    // Array and composite elements start on a new line, as Postgres's json_agg_transfn writes them.
    (s, rt, call) => (s === null ? null : '[' + s.join(isContainerType(rt, call.argTypes[0]) ? ', \n ' : ', ') + ']'),
    false,
  );
  agg<JsonbValue[] | null>(
    'jsonb_agg' + suffix,
    [OID.anyelement],
    OID.jsonb,
    () => null,
    (s, a, rt, call) => {
      const out = s ?? [];
      if (strict && a[0] === null) return out;
      out.push(datumToJsonb(rt, call.argTypes[0], a[0]));
      return out;
    },
    (s) => (s === null ? null : (Object.freeze(s) as JsonbValue)),
    false,
  );
}

// json_object_agg / jsonb_object_agg (+ _strict: skip null values; _unique: reject duplicate keys).
function nullKey(): PgError {
  return new PgError(SQLSTATE.null_value_not_allowed, 'null value not allowed for object key');
}
function keyOf(rt: Parameters<typeof jsonKeyText>[0], type: number, v: Value, jsonb: boolean): string {
  if (v === null) throw jsonb ? new PgError(SQLSTATE.invalid_parameter_value, 'field name must not be null') : nullKey();
  const k = jsonKeyText(rt, type, v);
  if (k === undefined) throw new PgError(SQLSTATE.invalid_parameter_value, 'key value must be scalar, not array, composite, or json');
  return k;
}
/** json names the key, jsonb does not. */
function duplicateKey(k: string | undefined): PgError {
  return new PgError(SQLSTATE.duplicate_json_object_key_value, `duplicate JSON object key value${k === undefined ? '' : ': ' + escapeJsonString(k)}`);
}
for (const variant of ['', '_strict', '_unique', '_unique_strict']) {
  const skipNull = variant.endsWith('strict');
  const unique = variant.startsWith('_unique');
  agg<{ keys: string[]; vals: string[]; seen: Set<string> | undefined } | null>(
    'json_object_agg' + variant,
    [OID.any, OID.any],
    OID.json,
    () => null,
    (s, a, rt, call) => {
      const k = keyOf(rt, call.argTypes[0], a[0], false);
      const st = s ?? { keys: [], vals: [], seen: unique ? new Set<string>() : undefined };
      // Keys are checked for uniqueness before NULL values are skipped, as Postgres does.
      if (st.seen) {
        if (st.seen.has(k)) throw duplicateKey(k);
        st.seen.add(k);
      }
      if (skipNull && a[1] === null) return st;
      st.keys.push(k);
      st.vals.push(datumToJson(rt, call.argTypes[1], a[1]));
      return st;
    },
    (s) => (s === null ? null : '{ ' + s.keys.map((k, i) => `${escapeJsonString(k)} : ${s.vals[i]}`).join(', ') + ' }'),
    false,
  );
  agg<{ pairs: [string, JsonbValue][]; seen: Set<string> | undefined } | null>(
    'jsonb_object_agg' + variant,
    [OID.any, OID.any],
    OID.jsonb,
    () => null,
    (s, a, rt, call) => {
      const k = keyOf(rt, call.argTypes[0], a[0], true);
      const st = s ?? { pairs: [], seen: unique ? new Set<string>() : undefined };
      if (st.seen) {
        if (st.seen.has(k)) throw duplicateKey(undefined);
        st.seen.add(k);
      }
      if (skipNull && a[1] === null) return st;
      st.pairs.push([k, datumToJsonb(rt, call.argTypes[1], a[1])]);
      return st;
    },
    (s) => (s === null ? null : JsonbObject.fromEntries(s.pairs)),
    false,
  );
}
