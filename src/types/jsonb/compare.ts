/**
 * jsonb's btree order and a hash key consistent with it.
 *
 * The order, as observed on the oracle: null < string < number < boolean < array < object;
 * arrays compare by element count first, then element by element; objects by pair count first,
 * then key 1, value 1, key 2, ... in storage order (shorter keys first). Strings (keys included)
 * compare under the database collation, numbers numerically (`1.0` equals `1`). At the top level
 * only, an empty array sorts below everything, `null` included (Postgres stores a top-level
 * scalar as a one-element "raw scalar" array, which explains both this and scalar < array).
 *
 * Postgres counterpart: compareJsonbContainers / compareJsonbScalarValue in
 * src/backend/utils/adt/jsonb_util.c; JsonbHashScalarValue for hashing.
 */
import { compareDefaultText } from '../collation.js';
import { compareJsonNumbers, isJsonNumber, jsonNumberHashKey, type Numeric } from './number.js';
import { JSONB_NULL, JsonbObject, type JsonbValue } from './value.js';

/** Rank of a value's type in jsonb's order. */
function typeRank(v: JsonbValue): number {
  switch (typeof v) {
    case 'string':
      return 1;
    case 'boolean':
      return 3;
    default:
      if (v === JSONB_NULL) return 0;
      if (Array.isArray(v)) return 4;
      if (v instanceof JsonbObject) return 5;
      return 2;
  }
}

/** Compares two values of any nesting level (no top-level special case). */
function compareNested(a: JsonbValue, b: JsonbValue): number {
  if (a === b) return 0;
  if (typeof a === 'string' && typeof b === 'string') return compareDefaultText(a, b);
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  switch (ra) {
    case 0:
      return 0;
    case 2:
      return compareJsonNumbers(a as Numeric, b as Numeric);
    case 3:
      return a === b ? 0 : a ? 1 : -1;
    case 4: {
      const x = a as readonly JsonbValue[];
      const y = b as readonly JsonbValue[];
      if (x.length !== y.length) return x.length < y.length ? -1 : 1;
      for (let i = 0; i < x.length; i++) {
        const c = compareNested(x[i], y[i]);
        if (c !== 0) return c;
      }
      return 0;
    }
    default: {
      const x = a as JsonbObject;
      const y = b as JsonbObject;
      if (x.keys.length !== y.keys.length) return x.keys.length < y.keys.length ? -1 : 1;
      for (let i = 0; i < x.keys.length; i++) {
        let c = x.keys[i] === y.keys[i] ? 0 : compareDefaultText(x.keys[i], y.keys[i]);
        if (c !== 0) return c;
        c = compareNested(x.values[i], y.values[i]);
        if (c !== 0) return c;
      }
      return 0;
    }
  }
}

function isEmptyArray(v: JsonbValue): boolean {
  return Array.isArray(v) && v.length === 0;
}

/**
 * jsonb's btree comparison (`ORDER BY`, `<`, `=`).
 *
 * @example compareJsonb(parseJsonb('[]'), JSONB_NULL) < 0  // top-level empty array first
 */
export function compareJsonb(a: JsonbValue, b: JsonbValue): number {
  if (a === b) return 0;
  const ea = isEmptyArray(a);
  const eb = isEmptyArray(b);
  if (ea || eb) return ea && eb ? 0 : ea ? -1 : 1;
  return compareNested(a, b);
}

/** jsonb equality (`=`): same structure, numerically equal numbers, identical strings. */
export function jsonbEquals(a: JsonbValue, b: JsonbValue): boolean {
  return compareJsonb(a, b) === 0;
}

function writeKey(v: JsonbValue, out: string[]): void {
  if (typeof v === 'string') out.push(JSON.stringify(v));
  else if (v === true) out.push('t');
  else if (v === false) out.push('f');
  else if (v === JSONB_NULL) out.push('n');
  else if (isJsonNumber(v)) out.push('#', jsonNumberHashKey(v), ';');
  else if (Array.isArray(v)) {
    out.push('[');
    for (const e of v as readonly JsonbValue[]) writeKey(e, out);
    out.push(']');
  } else {
    const o = v as JsonbObject;
    out.push('{');
    for (let i = 0; i < o.keys.length; i++) {
      out.push(JSON.stringify(o.keys[i]), ':');
      writeKey(o.values[i], out);
    }
    out.push('}');
  }
}

/** A string equal for values that compare equal (numbers normalised: `1.0` and `1` agree). */
export function jsonbHashKey(v: JsonbValue): string {
  if (typeof v === 'string') return JSON.stringify(v);
  const out: string[] = [];
  writeKey(v, out);
  return out.join('');
}
