/**
 * Conversions between jsonb values and plain JS values (what `JSON.parse` yields), for parameters
 * passed as JS objects and for the session API's parsed json results.
 *
 * Postgres counterpart: none (client-side conversions); to_jsonb for SQL values lives elsewhere.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { formatJsonNumber, isJsonNumber, jsonNumberFromJs } from './number.js';
import { JSONB_NULL, JsonbObject, type JsonbValue } from './value.js';

/** A JSON-compatible JS value. */
export type JsJson = null | boolean | number | string | JsJson[] | { [key: string]: JsJson };

/**
 * A JS value (as `JSON.parse` returns, plus bigint) as jsonb. `undefined` object members are
 * skipped like `JSON.stringify` does; non-finite numbers raise 22P02 (JSON has no NaN).
 *
 * @example jsonbFromJs({ b: 1, a: [true, null] }) // JsonbObject with keys ['a', 'b']
 */
export function jsonbFromJs(value: unknown): JsonbValue {
  if (value === null) return JSONB_NULL;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) {
        throw new PgError(SQLSTATE.invalid_text_representation, `invalid input syntax for type json`, {
          detail: `Token "${String(value)}" is invalid.`,
        });
      }
      return jsonNumberFromJs(value);
    case 'bigint':
      return jsonNumberFromJs(value);
    case 'object': {
      if (value === JSONB_NULL || value instanceof JsonbObject || isJsonNumber(value)) return value as JsonbValue;
      if (Array.isArray(value)) return Object.freeze(value.map((e) => (e === undefined ? JSONB_NULL : jsonbFromJs(e))));
      const toJSON = (value as { toJSON?: () => unknown }).toJSON;
      if (typeof toJSON === 'function') return jsonbFromJs(toJSON.call(value));
      const keys: string[] = [];
      const values: JsonbValue[] = [];
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
        keys.push(k);
        values.push(jsonbFromJs(v));
      }
      return JsonbObject.fromParallel(keys, values);
    }
    default:
      throw new PgError(SQLSTATE.invalid_parameter_value, `cannot convert ${typeof value} to jsonb`);
  }
}

/**
 * jsonb as a plain JS value, like `JSON.parse(jsonb_out(v))` (numbers become JS numbers, so very
 * long or precise numbers lose precision, as node-postgres's json parsing does).
 */
export function jsonbToJs(v: JsonbValue): JsJson {
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (v === JSONB_NULL) return null;
  if (isJsonNumber(v)) return Number(formatJsonNumber(v));
  if (Array.isArray(v)) return (v as readonly JsonbValue[]).map(jsonbToJs);
  const o = v as JsonbObject;
  const out: { [key: string]: JsJson } = {};
  for (let i = 0; i < o.keys.length; i++) {
    // defineProperty so that a "__proto__" key stays an own property.
    Object.defineProperty(out, o.keys[i], { value: jsonbToJs(o.values[i]), enumerable: true, writable: true, configurable: true });
  }
  return out;
}
