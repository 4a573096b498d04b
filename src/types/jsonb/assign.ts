/**
 * Assignment through jsonb subscripts (`UPDATE t SET doc['a']['b'] = '1'`): a missing key or
 * position is created, with the rest of the path built as objects (text steps) or arrays (integer
 * steps, preceded by NULLs up to the position); an array assigned past its end is filled with
 * nulls; a negative position counts from the end and may not reach before the start (22023); a
 * path through a scalar raises 22023 "cannot replace existing key".
 *
 * Postgres counterpart: jsonb_set_element, setPath / setPathObject / setPathArray / push_path with
 * JB_PATH_CREATE | JB_PATH_FILL_GAPS | JB_PATH_CONSISTENT_POSITION in
 * src/backend/utils/adt/jsonfuncs.c; jsonb_subscript_assign in jsonbsubs.c.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { parseJsonbPathIndex } from './access.js';
import { JSONB_NULL, JsonbObject, isJsonbScalar, type JsonbValue } from './value.js';

function scalarInPath(): PgError {
  return new PgError(SQLSTATE.invalid_parameter_value, 'cannot replace existing key', {
    detail: 'The path assumes key is a composite object, but it is a scalar value.',
  });
}

function nulls(n: number): JsonbValue[] {
  return n > 0 ? new Array<JsonbValue>(n).fill(JSONB_NULL) : [];
}

/** The containers a missing path from `level + 1` on needs, with `newValue` at its end. */
function buildPath(path: readonly string[], level: number, newValue: JsonbValue): JsonbValue {
  let v = newValue;
  for (let i = path.length - 1; i > level; i--) {
    const idx = parseJsonbPathIndex(path[i]);
    v = idx === undefined ? JsonbObject.fromParallel([path[i]], [v]) : Object.freeze([...nulls(idx), v]);
  }
  return v;
}

function setPath(v: JsonbValue, path: readonly string[], level: number, newValue: JsonbValue): JsonbValue {
  if (isJsonbScalar(v)) throw scalarInPath();
  const step = path[level];
  const last = level === path.length - 1;
  if (v instanceof JsonbObject) {
    const i = v.indexOf(step);
    if (i >= 0) return v.with(step, last ? newValue : setPath(v.values[i], path, level + 1, newValue));
    return v.with(step, last ? newValue : buildPath(path, level, newValue));
  }
  const a = v as readonly JsonbValue[];
  const n = a.length;
  let idx = parseJsonbPathIndex(step);
  if (idx === undefined) {
    throw new PgError(SQLSTATE.invalid_text_representation, `path element at position ${level + 1} is not an integer: "${step}"`);
  }
  if (idx < 0) {
    if (-idx > n) throw new PgError(SQLSTATE.invalid_parameter_value, `path element at position ${level + 1} is out of range: ${idx}`);
    idx = n + idx;
  }
  if (idx < n) {
    const out = a.slice();
    out[idx] = last ? newValue : setPath(a[idx], path, level + 1, newValue);
    return Object.freeze(out);
  }
  return Object.freeze([...a, ...nulls(idx - n), last ? newValue : buildPath(path, level, newValue)]);
}

/**
 * `doc[path...] := newValue` (jsonb_subscript_assign): a NULL document starts as an empty array
 * when the first subscript is an integer, else as an empty object; a NULL value is stored as
 * jsonb null.
 */
export function jsonbAssign(doc: JsonbValue | null, path: readonly string[], firstIsInteger: boolean, newValue: JsonbValue | null): JsonbValue {
  const base = doc ?? (firstIsInteger ? Object.freeze([]) : JsonbObject.fromParallel([], []));
  return setPath(base, path, 0, newValue ?? JSONB_NULL);
}
