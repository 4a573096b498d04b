/**
 * Assignment to array elements and slices (`UPDATE t SET a[i] = v`, `a[lo:hi] = '{...}'`,
 * `INSERT INTO t (a[i]) ...`): a new array with the element or range replaced. A NULL or empty
 * array takes the subscripts as its bounds; a one-dimensional array grows in either direction
 * (the gap filled with NULLs); a multi-dimensional array cannot grow (2202E).
 *
 * Postgres counterpart: array_set_element / array_set_slice in src/backend/utils/adt/arrayfuncs.c,
 * ArrayGetNItems / ArrayCheckBounds in arrayutils.c.
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { PgArray, type Value } from './values.js';

const MAX_ARRAY_SIZE = 134217727;
const INT32_MAX = 2147483647;

function subscriptError(message: string, detail?: string): PgError {
  return new PgError(SQLSTATE.array_subscript_error, message, detail ? { detail } : {});
}

/** ArrayGetNItems and ArrayCheckBounds on the new array's shape. */
function checkShape(dims: number[], lbs: number[]): void {
  let n = 1;
  for (const d of dims) {
    n *= d;
    if (d > MAX_ARRAY_SIZE || n > MAX_ARRAY_SIZE) {
      throw new PgError(SQLSTATE.program_limit_exceeded, `array size exceeds the maximum allowed (${MAX_ARRAY_SIZE})`);
    }
  }
  for (let i = 0; i < dims.length; i++) {
    if (dims[i] + lbs[i] > INT32_MAX) throw new PgError(SQLSTATE.program_limit_exceeded, `array lower bound is too large: ${lbs[i]}`);
  }
}

/** `a[indx...] := v` (a NULL array is assigned as an empty one). */
export function arraySetElement(a: PgArray | null, indx: number[], v: Value): PgArray {
  const ndim = a ? a.dims.length : 0;
  if (!a || ndim === 0) {
    const dims = indx.map(() => 1);
    checkShape(dims, indx);
    return new PgArray([v], dims, indx.slice());
  }
  if (ndim !== indx.length) throw subscriptError('wrong number of array subscripts');
  if (ndim === 1) {
    const lb = a.lbounds[0];
    const n = a.dims[0];
    const i = indx[0];
    const newLb = Math.min(lb, i);
    const newN = Math.max(lb + n - 1, i) - newLb + 1;
    checkShape([newN], [newLb]);
    const items: Value[] = new Array<Value>(newN).fill(null);
    for (let k = 0; k < n; k++) items[lb - newLb + k] = a.items[k];
    items[i - newLb] = v;
    return new PgArray(items, [newN], [newLb]);
  }
  let off = 0;
  for (let d = 0; d < ndim; d++) {
    const k = indx[d] - a.lbounds[d];
    if (k < 0 || k >= a.dims[d]) throw subscriptError('array subscript out of range');
    off = off * a.dims[d] + k;
  }
  const items = a.items.slice();
  items[off] = v;
  return new PgArray(items, a.dims.slice(), a.lbounds.slice());
}

/**
 * `a[lower:upper, ...] := src`. Omitted bounds (undefined) are the array's own; the source's
 * elements are read in order, whatever its shape (extra ones are ignored). A NULL source leaves
 * the array unchanged (returned as is, NULL included).
 */
export function arraySetSlice(a: PgArray | null, lower: (number | undefined)[], upper: (number | undefined)[], src: PgArray | null): PgArray | null {
  if (src === null) return a;
  const nsubs = lower.length;
  const ndim = a ? a.dims.length : 0;
  if (!a || ndim === 0) {
    const dims: number[] = [];
    const lbs: number[] = [];
    for (let i = 0; i < nsubs; i++) {
      const lo = lower[i];
      const hi = upper[i];
      if (lo === undefined || hi === undefined) {
        throw subscriptError('array slice subscript must provide both boundaries', 'When assigning to a slice of an empty array value, slice boundaries must be fully specified.');
      }
      dims.push(1 + hi - lo);
      lbs.push(lo);
    }
    if (dims.some((d) => d < 0)) throw new PgError(SQLSTATE.program_limit_exceeded, `array size exceeds the maximum allowed (${MAX_ARRAY_SIZE})`);
    checkShape(dims, lbs);
    const total = dims.reduce((x, y) => x * y, 1);
    if (src.items.length < total) throw subscriptError('source array too small');
    if (total === 0) return new PgArray([], [], []);
    return new PgArray(src.items.slice(0, total), dims, lbs);
  }
  if (ndim < nsubs) throw subscriptError('wrong number of array subscripts');
  const dims = a.dims.slice();
  const lbs = a.lbounds.slice();
  const lo: number[] = [];
  const hi: number[] = [];
  if (ndim === 1) {
    const l = lower[0] ?? lbs[0];
    const u = upper[0] ?? dims[0] + lbs[0] - 1;
    if (l > u) throw subscriptError('upper bound cannot be less than lower bound');
    if (l < lbs[0]) {
      dims[0] += lbs[0] - l;
      lbs[0] = l;
    }
    if (u >= dims[0] + lbs[0]) dims[0] += u - (dims[0] + lbs[0]) + 1;
    lo.push(l);
    hi.push(u);
  } else {
    for (let i = 0; i < ndim; i++) {
      const l = i < nsubs ? (lower[i] ?? lbs[i]) : lbs[i];
      const u = i < nsubs ? (upper[i] ?? dims[i] + lbs[i] - 1) : dims[i] + lbs[i] - 1;
      if (l > u) throw subscriptError('upper bound cannot be less than lower bound');
      if (i < nsubs && (l < lbs[i] || u >= dims[i] + lbs[i])) throw subscriptError('array subscript out of range');
      lo.push(l);
      hi.push(u);
    }
  }
  checkShape(dims, lbs);
  const span = lo.map((l, i) => hi[i] - l + 1);
  const nsrc = span.reduce((x, y) => x * y, 1);
  if (nsrc > src.items.length) throw subscriptError('source array too small');
  if (ndim === 1) {
    const items: Value[] = new Array<Value>(dims[0]).fill(null);
    const oldLb = a.lbounds[0];
    for (let k = 0; k < a.dims[0]; k++) items[oldLb - lbs[0] + k] = a.items[k];
    for (let k = 0; k < nsrc; k++) items[lo[0] - lbs[0] + k] = src.items[k];
    return new PgArray(items, dims, lbs);
  }
  const items = a.items.slice();
  const idx = lo.slice();
  for (let k = 0; k < nsrc; k++) {
    let off = 0;
    for (let d = 0; d < ndim; d++) off = off * dims[d] + (idx[d] - lbs[d]);
    items[off] = src.items[k];
    for (let d = ndim - 1; d >= 0; d--) {
      if (++idx[d] <= hi[d]) break;
      idx[d] = lo[d];
    }
  }
  return new PgArray(items, dims, lbs);
}
