/**
 * jsonb "modifying" operators and functions (all return new values): `||`, `-` (key, index,
 * text[]), `#-`, jsonb_set, jsonb_insert, jsonb_strip_nulls.
 *
 * Path walking (jsonb_set, jsonb_insert, `#-`): object steps use the element as a key; array steps
 * parse it as an integer (22P02 `path element at position N is not an integer: "x"` otherwise),
 * negative counts from the end; a NULL element reached at a container raises 22004; reaching a
 * scalar before the path ends leaves the value unchanged. jsonb_set / jsonb_insert add a missing
 * last key, and append (index past the end) or prepend (negative past the start) array elements.
 * `#-`, and jsonb_set without create_if_missing, return a top-level empty container unchanged
 * without looking at the path.
 *
 * Postgres counterpart: jsonb_concat, jsonb_delete*, jsonb_set, jsonb_insert, setPath /
 * setPathObject / setPathArray, jsonb_strip_nulls in src/backend/utils/adt/jsonfuncs.c.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { parseJsonbPathIndex } from './access.js';
import { JSONB_NULL, JsonbObject, isJsonbScalar, type JsonbValue } from './value.js';

function freeze(a: JsonbValue[]): readonly JsonbValue[] {
  return Object.freeze(a);
}

/**
 * `a || b`: objects merge (right side wins); otherwise both sides become arrays (a non-array is
 * wrapped) and are concatenated.
 *
 * @example jsonbConcat(parseJsonb('{"a":1}'), parseJsonb('2')) // [{"a": 1}, 2]
 */
export function jsonbConcat(a: JsonbValue, b: JsonbValue): JsonbValue {
  if (a instanceof JsonbObject && b instanceof JsonbObject) {
    if (b.size === 0) return a;
    if (a.size === 0) return b;
    return JsonbObject.fromParallel([...a.keys, ...b.keys], [...a.values, ...b.values]);
  }
  const x: readonly JsonbValue[] = Array.isArray(a) ? (a as readonly JsonbValue[]) : [a];
  const y: readonly JsonbValue[] = Array.isArray(b) ? (b as readonly JsonbValue[]) : [b];
  return freeze([...x, ...y]);
}

function cannotDeleteFromScalar(): PgError {
  return new PgError(SQLSTATE.invalid_parameter_value, 'cannot delete from scalar');
}

/** `v - key`: removes an object key, or the string elements equal to `key` from an array. */
export function jsonbDeleteKey(v: JsonbValue, key: string): JsonbValue {
  return jsonbDeleteKeys(v, [key]);
}

/** `v - text[]`: removes each key (NULLs ignored) as `v - key` does. */
export function jsonbDeleteKeys(v: JsonbValue, keys: readonly (string | null)[]): JsonbValue {
  if (v instanceof JsonbObject) {
    let r = v;
    for (const k of keys) if (k !== null) r = r.without(k);
    return r;
  }
  if (Array.isArray(v)) {
    const a = v as readonly JsonbValue[];
    const drop = new Set(keys);
    const out = a.filter((e) => typeof e !== 'string' || !drop.has(e));
    return out.length === a.length ? a : freeze(out);
  }
  throw cannotDeleteFromScalar();
}

/** `v - int`: removes an array element (negative counts from the end; out of range: no-op). */
export function jsonbDeleteIndex(v: JsonbValue, index: number): JsonbValue {
  if (v instanceof JsonbObject) {
    throw new PgError(SQLSTATE.invalid_parameter_value, 'cannot delete from object using integer index');
  }
  if (!Array.isArray(v)) throw cannotDeleteFromScalar();
  const a = v as readonly JsonbValue[];
  const i = index < 0 ? a.length + index : index;
  if (i < 0 || i >= a.length) return a;
  return freeze([...a.slice(0, i), ...a.slice(i + 1)]);
}

function isEmptyContainer(v: JsonbValue): boolean {
  return v instanceof JsonbObject ? v.size === 0 : (v as readonly JsonbValue[]).length === 0;
}

function nullPathElement(level: number): PgError {
  return new PgError(SQLSTATE.null_value_not_allowed, `path element at position ${level + 1} is null`);
}

function pathIndex(step: string, level: number): number {
  const idx = parseJsonbPathIndex(step);
  if (idx === undefined) {
    throw new PgError(
      SQLSTATE.invalid_text_representation,
      `path element at position ${level + 1} is not an integer: "${step}"`,
    );
  }
  return idx;
}

type PathOp = 'set' | 'insertBefore' | 'insertAfter' | 'delete';

/**
 * Walks `path` from `level` and applies `op` at its end. Returns the new value, or `v` itself
 * when nothing changed.
 */
function setPath(
  v: JsonbValue,
  path: readonly (string | null)[],
  level: number,
  newValue: JsonbValue,
  op: PathOp,
  create: boolean,
): JsonbValue {
  if (isJsonbScalar(v)) return v;
  const step = path[level];
  if (step === null) throw nullPathElement(level);
  const last = level === path.length - 1;
  if (v instanceof JsonbObject) {
    const i = v.indexOf(step);
    if (i < 0) {
      if (!last || op === 'delete' || !create) return v;
      return v.with(step, newValue);
    }
    if (last) {
      if (op === 'delete') return v.without(step);
      if (op !== 'set') {
        throw new PgError(SQLSTATE.invalid_parameter_value, 'cannot replace existing key', {
          hint: 'Try using the function jsonb_set to replace key value.',
        });
      }
      return v.with(step, newValue);
    }
    const child = v.values[i];
    const r = setPath(child, path, level + 1, newValue, op, create);
    return r === child ? v : v.with(step, r);
  }
  const a = v as readonly JsonbValue[];
  const n = a.length;
  let idx = pathIndex(step, level);
  if (idx < 0) idx = -idx > n ? -1 : n + idx;
  const inRange = idx >= 0 && idx < n;
  if (!last) {
    if (!inRange) return a;
    const r = setPath(a[idx], path, level + 1, newValue, op, create);
    if (r === a[idx]) return a;
    const out = a.slice();
    out[idx] = r;
    return freeze(out);
  }
  if (op === 'delete') {
    if (!inRange) return a;
    return freeze([...a.slice(0, idx), ...a.slice(idx + 1)]);
  }
  if (!inRange) {
    if (!create) return a;
    return freeze(idx < 0 ? [newValue, ...a] : [...a, newValue]);
  }
  if (op === 'set') {
    const out = a.slice();
    out[idx] = newValue;
    return freeze(out);
  }
  const at = op === 'insertAfter' ? idx + 1 : idx;
  return freeze([...a.slice(0, at), newValue, ...a.slice(at)]);
}

/**
 * jsonb_set(target, path, new_value, create_if_missing = true).
 *
 * @example jsonbSet(parseJsonb('{"a":[1,2]}'), ['a', '-1'], parseJsonb('9')) // {"a": [1, 9]}
 */
export function jsonbSet(
  target: JsonbValue,
  path: readonly (string | null)[],
  newValue: JsonbValue,
  createIfMissing = true,
): JsonbValue {
  if (isJsonbScalar(target)) throw new PgError(SQLSTATE.invalid_parameter_value, 'cannot set path in scalar');
  if (path.length === 0) return target;
  // An empty top-level container with nothing to create is returned without reading the path.
  if (!createIfMissing && isEmptyContainer(target)) return target;
  return setPath(target, path, 0, newValue, 'set', createIfMissing);
}

/** jsonb_insert(target, path, new_value, insert_after = false). */
export function jsonbInsert(
  target: JsonbValue,
  path: readonly (string | null)[],
  newValue: JsonbValue,
  insertAfter = false,
): JsonbValue {
  if (isJsonbScalar(target)) throw new PgError(SQLSTATE.invalid_parameter_value, 'cannot set path in scalar');
  if (path.length === 0) return target;
  return setPath(target, path, 0, newValue, insertAfter ? 'insertAfter' : 'insertBefore', true);
}

/** `v #- path`: deletes the value at the path. */
export function jsonbDeletePath(v: JsonbValue, path: readonly (string | null)[]): JsonbValue {
  if (isJsonbScalar(v)) throw new PgError(SQLSTATE.invalid_parameter_value, 'cannot delete path in scalar');
  if (path.length === 0 || isEmptyContainer(v)) return v;
  return setPath(v, path, 0, JSONB_NULL, 'delete', false);
}

/**
 * jsonb_strip_nulls(v, strip_in_arrays = false): drops object fields whose value is JSON null,
 * at every depth; with `stripInArrays`, null array elements too (a top-level null stays).
 */
export function jsonbStripNulls(v: JsonbValue, stripInArrays = false): JsonbValue {
  if (v instanceof JsonbObject) {
    const keys: string[] = [];
    const values: JsonbValue[] = [];
    for (let i = 0; i < v.keys.length; i++) {
      const e = v.values[i];
      if (e === JSONB_NULL) continue;
      keys.push(v.keys[i]);
      values.push(jsonbStripNulls(e, stripInArrays));
    }
    return JsonbObject.fromSorted(keys, values);
  }
  if (Array.isArray(v)) {
    const out: JsonbValue[] = [];
    for (const e of v as readonly JsonbValue[]) {
      if (stripInArrays && e === JSONB_NULL) continue;
      out.push(jsonbStripNulls(e, stripInArrays));
    }
    return freeze(out);
  }
  return v;
}
