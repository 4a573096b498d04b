/**
 * jsonb read access: `->` / `->>` (field or element), `#>` / `#>>` (path) and the existence
 * operators `?`, `?|`, `?&`. Every function returns JS `null` for SQL NULL (missing key, index out
 * of range, wrong container type), never throws.
 *
 * Observed quirks kept here: a top-level scalar behaves as a one-element array for `->` with an
 * integer (`'1'::jsonb -> 0` and `-> -1` give `1`) but not for `#>`; `?` matches object keys and
 * string elements of a top-level array (or a top-level string), not nested ones; `#>` array path
 * elements are parsed like C's strtol (leading whitespace and a sign allowed, nothing after).
 *
 * Postgres counterpart: jsonb_object_field, jsonb_array_element, jsonb_get_element (#>) in
 * src/backend/utils/adt/jsonfuncs.c; jsonb_exists* in jsonb_op.c.
 */
import { jsonToText } from './output.js';
import { JsonbObject, type JsonbValue } from './value.js';

/** `->` with a text key: the field's value, or null when absent or not an object. */
export function jsonbGetField(v: JsonbValue, key: string): JsonbValue | null {
  if (!(v instanceof JsonbObject)) return null;
  const r = v.get(key);
  return r === undefined ? null : r;
}

/** `->` with an integer: the element (negative counts from the end), or null. */
export function jsonbGetElement(v: JsonbValue, index: number): JsonbValue | null {
  if (Array.isArray(v)) {
    const a = v as readonly JsonbValue[];
    const i = index < 0 ? a.length + index : index;
    return i >= 0 && i < a.length ? a[i] : null;
  }
  if (v instanceof JsonbObject) return null;
  // A top-level scalar acts as a one-element array here.
  return index === 0 || index === -1 ? v : null;
}

/** `->>` with a text key. */
export function jsonbGetFieldText(v: JsonbValue, key: string): string | null {
  const r = jsonbGetField(v, key);
  return r === null ? null : jsonToText(r);
}

/** `->>` with an integer. */
export function jsonbGetElementText(v: JsonbValue, index: number): string | null {
  const r = jsonbGetElement(v, index);
  return r === null ? null : jsonToText(r);
}

function isCSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/**
 * A path element as an array index the way Postgres reads it (strtol, then an int32 range check):
 * optional leading whitespace and sign, decimal digits, nothing after. Undefined if not one.
 */
export function parseJsonbPathIndex(s: string): number | undefined {
  let i = 0;
  while (i < s.length && isCSpace(s.charCodeAt(i))) i++;
  let neg = false;
  if (s.charCodeAt(i) === 45 || s.charCodeAt(i) === 43) {
    neg = s.charCodeAt(i) === 45;
    i++;
  }
  const start = i;
  let n = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    n = n * 10 + (c - 48);
    if (n > 2147483648) return undefined;
    i++;
  }
  if (i === start) return undefined;
  if (neg) n = -n;
  return n > 2147483647 ? undefined : n;
}

/**
 * `#>`: follows a path of keys / array indexes. Null when a step is missing, a path element is
 * NULL, or an array step is not an integer. An empty path returns the value itself.
 *
 * @example jsonbGetPath(parseJsonb('{"a":[1,{"b":2}]}'), ['a', '-1', 'b']) // Numeric 2
 */
export function jsonbGetPath(v: JsonbValue, path: readonly (string | null)[]): JsonbValue | null {
  let cur: JsonbValue = v;
  for (const step of path) {
    if (step === null) return null;
    if (cur instanceof JsonbObject) {
      const r = cur.get(step);
      if (r === undefined) return null;
      cur = r;
    } else if (Array.isArray(cur)) {
      const a = cur as readonly JsonbValue[];
      const idx = parseJsonbPathIndex(step);
      if (idx === undefined) return null;
      const i = idx < 0 ? a.length + idx : idx;
      if (i < 0 || i >= a.length) return null;
      cur = a[i];
    } else {
      return null;
    }
  }
  return cur;
}

/** `#>>`: like `#>`, as text (strings unquoted, JSON null as SQL NULL). */
export function jsonbGetPathText(v: JsonbValue, path: readonly (string | null)[]): string | null {
  const r = jsonbGetPath(v, path);
  return r === null ? null : jsonToText(r);
}

/**
 * `?`: whether `key` is a top-level object key, or a string element of a top-level array, or
 * the top-level string itself.
 */
export function jsonbExists(v: JsonbValue, key: string): boolean {
  if (v instanceof JsonbObject) return v.has(key);
  if (Array.isArray(v)) {
    for (const e of v as readonly JsonbValue[]) if (e === key) return true;
    return false;
  }
  return v === key;
}

/** `?|`: whether any of the (non-null) keys exists. */
export function jsonbExistsAny(v: JsonbValue, keys: readonly (string | null)[]): boolean {
  for (const k of keys) if (k !== null && jsonbExists(v, k)) return true;
  return false;
}

/** `?&`: whether all of the (non-null) keys exist (true for an empty list). */
export function jsonbExistsAll(v: JsonbValue, keys: readonly (string | null)[]): boolean {
  for (const k of keys) if (k !== null && !jsonbExists(v, k)) return false;
  return true;
}
