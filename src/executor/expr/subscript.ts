/**
 * Array subscripting and slicing with Postgres's semantics: out-of-range subscripts give NULL,
 * slices clamp to the array's bounds and return arrays with lower bound 1.
 * Postgres counterpart: src/backend/utils/adt/arraysubs.c, array_get_element/array_get_slice.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { PgArray, type Value } from '../../types/values.js';

export interface SubscriptValue {
  lower: Value | undefined;
  upper: Value | undefined;
  isSlice: boolean;
}

export function subscriptArray(a: PgArray, subs: SubscriptValue[]): Value {
  const isSlice = subs.some((s) => s.isSlice);
  if (subs.some((s) => s.upper === null || s.lower === null)) return null;
  if (!isSlice) {
    if (subs.length !== a.dims.length) return null;
    let offset = 0;
    for (let d = 0; d < subs.length; d++) {
      const i = (subs[d].upper as number) - a.lbounds[d];
      if (i < 0 || i >= a.dims[d]) return null;
      offset = offset * a.dims[d] + i;
    }
    return a.items[offset] ?? null;
  }
  if (a.dims.length === 0) return new PgArray([], [], []);
  // array_get_slice: more subscripts than the array has dimensions give an empty array.
  if (subs.length > a.dims.length) return new PgArray([], [], []);
  const lo: number[] = [];
  const hi: number[] = [];
  for (let d = 0; d < a.dims.length; d++) {
    const s = subs[d];
    const lb = a.lbounds[d];
    const ub = lb + a.dims[d] - 1;
    let l = lb;
    let u = ub;
    if (s) {
      if (s.isSlice) {
        if (s.lower !== undefined) l = Math.max(lb, s.lower as number);
        if (s.upper !== undefined) u = Math.min(ub, s.upper as number);
      } else {
        l = 1;
        u = Math.min(ub, s.upper as number);
        l = Math.max(lb, l);
      }
    }
    if (l > u) return new PgArray([], [], []);
    lo.push(l);
    hi.push(u);
  }
  const dims = lo.map((l, d) => hi[d] - l + 1);
  const items: Value[] = [];
  const idx = [...lo];
  const total = dims.reduce((x, y) => x * y, 1);
  for (let k = 0; k < total; k++) {
    let off = 0;
    for (let d = 0; d < a.dims.length; d++) off = off * a.dims[d] + (idx[d] - a.lbounds[d]);
    items.push(a.items[off] ?? null);
    for (let d = a.dims.length - 1; d >= 0; d--) {
      if (++idx[d] <= hi[d]) break;
      idx[d] = lo[d];
    }
  }
  return new PgArray(items, dims);
}
