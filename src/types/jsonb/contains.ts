/**
 * jsonb containment, `@>` and `<@`.
 *
 * - Objects: every pair of the right side has its key on the left, with a value that contains it
 *   (scalars: equal; containers: same kind and contained, recursively).
 * - Arrays: every element of the right side is matched by some element of the left: a scalar by
 *   an equal scalar element (not one nested deeper), a container by a containing element of the
 *   same kind. Duplicates and order do not matter (`[1,1] @> [1,1,1]`).
 * - Top level only: an array contains a scalar if it has it as an element (`'["a"]' @> '"a"'`);
 *   a scalar never contains an array, and two scalars contain each other when equal.
 *
 * Postgres counterpart: JsonbDeepContains in src/backend/utils/adt/jsonb_util.c and
 * jsonb_contains / jsonb_contained in jsonb_op.c.
 */
import { compareJsonb } from './compare.js';
import { JsonbObject, isJsonbScalar, type JsonbValue } from './value.js';

function scalarEquals(a: JsonbValue, b: JsonbValue): boolean {
  if (a === b) return true;
  if (typeof a === 'string' || typeof b === 'string') return false;
  return isJsonbScalar(a) && isJsonbScalar(b) && compareJsonb(a, b) === 0;
}

/** Nested containment: same kinds only. */
function deepContains(a: JsonbValue, b: JsonbValue): boolean {
  if (b instanceof JsonbObject) {
    if (!(a instanceof JsonbObject)) return false;
    if (b.size > a.size) return false;
    for (let i = 0; i < b.keys.length; i++) {
      const av = a.get(b.keys[i]);
      if (av === undefined) return false;
      const bv = b.values[i];
      if (isJsonbScalar(bv)) {
        if (!scalarEquals(av, bv)) return false;
      } else if (!deepContains(av, bv)) return false;
    }
    return true;
  }
  if (Array.isArray(b)) {
    if (!Array.isArray(a)) return false;
    const x = a as readonly JsonbValue[];
    for (const bv of b as readonly JsonbValue[]) {
      let found = false;
      if (isJsonbScalar(bv)) {
        for (const av of x) {
          if (isJsonbScalar(av) && scalarEquals(av, bv)) {
            found = true;
            break;
          }
        }
      } else {
        for (const av of x) {
          if (!isJsonbScalar(av) && deepContains(av, bv)) {
            found = true;
            break;
          }
        }
      }
      if (!found) return false;
    }
    return true;
  }
  return isJsonbScalar(a) && scalarEquals(a, b);
}

/**
 * `a @> b`.
 *
 * @example jsonbContains(parseJsonb('{"a":[1,2],"b":3}'), parseJsonb('{"a":[2]}')) === true
 */
export function jsonbContains(a: JsonbValue, b: JsonbValue): boolean {
  if (isJsonbScalar(b) && Array.isArray(a)) {
    // A top-level scalar is a one-element array that only contains (and matches) scalars.
    for (const av of a as readonly JsonbValue[]) if (isJsonbScalar(av) && scalarEquals(av, b)) return true;
    return false;
  }
  if (isJsonbScalar(a) && Array.isArray(b)) return false;
  return deepContains(a, b);
}

/** `a <@ b` (b contains a). */
export function jsonbContained(a: JsonbValue, b: JsonbValue): boolean {
  return jsonbContains(b, a);
}
