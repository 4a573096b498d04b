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
import { Numeric } from '../numeric/numeric-value.js';

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

/** VARSIZE of a finite numeric as numeric_in builds it (short or long header, base-10000 digits). */
function numericSize(n: Numeric): number {
  const s = (n.coef < 0n ? -n.coef : n.coef).toString();
  const scale = n.scale;
  let intPart = s.length > scale ? s.slice(0, s.length - scale) : '';
  let frac = s.length > scale ? s.slice(s.length - scale) : s.padStart(scale, '0');
  intPart = intPart.padStart(Math.ceil(intPart.length / 4) * 4, '0');
  frac = frac.padEnd(Math.ceil(frac.length / 4) * 4, '0');
  const groups: string[] = [];
  for (let i = 0; i < intPart.length; i += 4) groups.push(intPart.slice(i, i + 4));
  const intGroups = groups.length;
  for (let i = 0; i < frac.length; i += 4) groups.push(frac.slice(i, i + 4));
  let first = 0;
  while (first < groups.length && groups[first] === '0000') first++;
  let last = groups.length;
  while (last > first && groups[last - 1] === '0000') last--;
  const ndigits = last - first;
  const weight = ndigits === 0 ? 0 : intGroups - 1 - first;
  const short = scale <= 63 && weight >= -64 && weight <= 63;
  return (short ? 6 : 8) + 2 * ndigits;
}
