/**
 * The in-memory jsonb value. SQL NULL is JS `null`, so JSON null is the `JSONB_NULL` singleton:
 *
 * | JSON | JS |
 * |---|---|
 * | null | `JSONB_NULL` |
 * | true / false | `boolean` |
 * | string | `string` |
 * | number | `Numeric` (exact, keeps its scale: `1.0` stays `1.0`) |
 * | array | frozen `JsonbValue[]` |
 * | object | `JsonbObject`: keys in Postgres's storage order, no duplicates |
 *
 * Postgres stores object keys sorted by length in bytes, then bytewise (so `{"b":1,"aa":2}`
 * prints `b` first), and keeps the last of duplicate keys. Output and btree comparison both walk
 * keys in that order.
 *
 * Postgres counterpart: JsonbValue / JsonbContainer in src/include/utils/jsonb.h, lengthCompare
 * JsonbPairs and uniqueifyJsonbObject in src/backend/utils/adt/jsonb_util.c.
 */
import type { Numeric } from '../numeric/numeric-value.js';
import { compareCodePoints } from '../collation.js';
import { utf8Length } from '../text.js';

/** The type of JSON `null` inside a jsonb value (a singleton; compare with `===`). */
export class JsonbNull {
  private constructor() {}
  /** The one instance. */
  static readonly instance: JsonbNull = new JsonbNull();
  toString(): string {
    return 'null';
  }
  toJSON(): null {
    return null;
  }
}

/** JSON `null` (not SQL NULL, which is JS `null`). */
export const JSONB_NULL: JsonbNull = JsonbNull.instance;

/** Any jsonb value. Arrays are frozen JS arrays. */
export type JsonbValue = JsonbNull | boolean | string | Numeric | readonly JsonbValue[] | JsonbObject;

/** jsonb_typeof's names. */
export type JsonbTypeName = 'null' | 'boolean' | 'string' | 'number' | 'array' | 'object';

/** Postgres's key order: shorter (in UTF-8 bytes) first, then bytewise (= code-point order). */
export function compareJsonbKeys(a: string, b: string): number {
  if (a === b) return 0;
  const la = a.length < 128 && isAscii(a) ? a.length : utf8Length(a);
  const lb = b.length < 128 && isAscii(b) ? b.length : utf8Length(b);
  if (la !== lb) return la - lb;
  return compareCodePoints(a, b);
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

/**
 * A jsonb object: parallel frozen arrays of keys (in storage order, unique) and values.
 * Immutable; the "modifying" helpers return new objects.
 *
 * @example
 * const o = JsonbObject.fromEntries([['b', true], ['aa', 'x'], ['b', false]]);
 * o.keys   // ['b', 'aa']  (shorter keys first)
 * o.get('b') // false      (last duplicate wins)
 */
export class JsonbObject {
  readonly keys: readonly string[];
  readonly values: readonly JsonbValue[];

  private constructor(keys: string[], values: JsonbValue[]) {
    this.keys = Object.freeze(keys);
    this.values = Object.freeze(values);
  }

  /** The empty object. */
  static readonly EMPTY: JsonbObject = new JsonbObject([], []);

  /** An object from keys and values in any order; of duplicate keys the last one wins. */
  static fromParallel(keys: readonly string[], values: readonly JsonbValue[]): JsonbObject {
    const n = keys.length;
    if (n === 0) return JsonbObject.EMPTY;
    if (n === 1) return new JsonbObject([keys[0]], [values[0]]);
    const order: number[] = new Array<number>(n);
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((x, y) => compareJsonbKeys(keys[x], keys[y]) || x - y);
    const outKeys: string[] = [];
    const outValues: JsonbValue[] = [];
    for (let k = 0; k < n; k++) {
      const i = order[k];
      if (k + 1 < n && keys[order[k + 1]] === keys[i]) continue; // a later duplicate wins
      outKeys.push(keys[i]);
      outValues.push(values[i]);
    }
    return new JsonbObject(outKeys, outValues);
  }

  /** An object from `[key, value]` pairs in any order; of duplicate keys the last one wins. */
  static fromEntries(entries: Iterable<readonly [string, JsonbValue]>): JsonbObject {
    const keys: string[] = [];
    const values: JsonbValue[] = [];
    for (const [k, v] of entries) {
      keys.push(k);
      values.push(v);
    }
    return JsonbObject.fromParallel(keys, values);
  }

  /** Trusted constructor: `keys` must already be in storage order and unique. */
  static fromSorted(keys: string[], values: JsonbValue[]): JsonbObject {
    return keys.length === 0 ? JsonbObject.EMPTY : new JsonbObject(keys, values);
  }

  /** Number of pairs. */
  get size(): number {
    return this.keys.length;
  }

  /** Index of `key` in `keys`, or -1. */
  indexOf(key: string): number {
    const keys = this.keys;
    const n = keys.length;
    if (n <= 8) {
      for (let i = 0; i < n; i++) if (keys[i] === key) return i;
      return -1;
    }
    let lo = 0;
    let hi = n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = compareJsonbKeys(keys[mid], key);
      if (c === 0) return mid;
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** The value of `key`, or undefined. */
  get(key: string): JsonbValue | undefined {
    const i = this.indexOf(key);
    return i < 0 ? undefined : this.values[i];
  }

  /** Whether `key` is present. */
  has(key: string): boolean {
    return this.indexOf(key) >= 0;
  }

  /** A copy with `key` set to `value` (added in its storage position if new). */
  with(key: string, value: JsonbValue): JsonbObject {
    const i = this.indexOf(key);
    const keys = this.keys.slice();
    const values = this.values.slice();
    if (i >= 0) {
      values[i] = value;
    } else {
      let at = 0;
      while (at < keys.length && compareJsonbKeys(keys[at], key) < 0) at++;
      keys.splice(at, 0, key);
      values.splice(at, 0, value);
    }
    return new JsonbObject(keys, values);
  }

  /** A copy without `key` (this object if it is absent). */
  without(key: string): JsonbObject {
    const i = this.indexOf(key);
    if (i < 0) return this;
    const keys = this.keys.slice();
    const values = this.values.slice();
    keys.splice(i, 1);
    values.splice(i, 1);
    return JsonbObject.fromSorted(keys, values);
  }

  /** `[key, value]` pairs in storage order. */
  *entries(): IterableIterator<[string, JsonbValue]> {
    for (let i = 0; i < this.keys.length; i++) yield [this.keys[i], this.values[i]];
  }
}

/** A frozen jsonb array. */
export function jsonbArray(items: JsonbValue[]): readonly JsonbValue[] {
  return Object.freeze(items);
}

/** The empty jsonb array. */
export const JSONB_EMPTY_ARRAY: readonly JsonbValue[] = Object.freeze([]);

/** Whether `v` is a jsonb array. */
export function isJsonbArray(v: JsonbValue): v is readonly JsonbValue[] {
  return Array.isArray(v);
}

/** Whether `v` is a jsonb object. */
export function isJsonbObject(v: JsonbValue): v is JsonbObject {
  return v instanceof JsonbObject;
}

/** Whether `v` is a scalar (not an array nor an object). */
export function isJsonbScalar(v: JsonbValue): boolean {
  return !Array.isArray(v) && !(v instanceof JsonbObject);
}

/**
 * jsonb_typeof(): `object`, `array`, `string`, `number`, `boolean` or `null`.
 *
 * @example jsonbTypeof(JSONB_NULL) === 'null'
 */
export function jsonbTypeof(v: JsonbValue): JsonbTypeName {
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    default:
      if (v === JSONB_NULL) return 'null';
      if (Array.isArray(v)) return 'array';
      if (v instanceof JsonbObject) return 'object';
      return 'number';
  }
}
