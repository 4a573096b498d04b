/**
 * The `id` that `.keyvalue()` reports: the byte offset of the object inside Postgres's binary
 * jsonb representation of its base object (the root document, a variable's object, or a
 * generated key-value object), which this file recomputes from the layout rules of
 * convertJsonbValue (headers, JEntries, int alignment of containers and numerics).
 *
 * Postgres counterpart: executeKeyValueMethod in src/backend/utils/adt/jsonpath_exec.c and
 * convertJsonbValue / convertJsonbScalar in src/backend/utils/adt/jsonb_util.c.
 */
import { utf8Length } from '../text.js';
import { JsonbObject, type JsonbValue } from '../jsonb/value.js';
import { Numeric, numericStoredBytes } from '../numeric/numeric-value.js';

const layouts = new WeakMap<object, Map<object, number>>();

/** Offset of container `obj` inside `base`'s binary form (0 when it is the base itself or unknown). */
export function keyValueId(base: JsonbValue | null, obj: JsonbObject): number {
  if (base === null || base === obj || typeof base !== 'object') return 0;
  let map = layouts.get(base);
  if (!map) {
    map = computeLayout(base);
    layouts.set(base, map);
  }
  return map.get(obj) ?? 0;
}

function computeLayout(base: JsonbValue): Map<object, number> {
  const map = new Map<object, number>();
  let pos = 4; // the varlena header of the Jsonb datum
  const pad = () => {
    pos = (pos + 3) & ~3;
  };
  const conv = (v: JsonbValue): void => {
    if (Array.isArray(v)) {
      pad();
      map.set(v, pos - 4);
      pos += 4 + 4 * v.length;
      for (const e of v) conv(e);
    } else if (v instanceof JsonbObject) {
      pad();
      map.set(v, pos - 4);
      pos += 4 + 8 * v.size;
      for (const k of v.keys) pos += utf8Length(k);
      for (const e of v.values) conv(e);
    } else if (typeof v === 'string') pos += utf8Length(v);
    else if (v instanceof Numeric) {
      pad();
      pos += numericSize(v);
    }
  };
  conv(base);
  return map;
}

/** VARSIZE of a finite numeric as numeric_in builds it (4-byte varlena header included). */
function numericSize(n: Numeric): number {
  return 4 + numericStoredBytes(n);
}
