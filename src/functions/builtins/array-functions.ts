/**
 * Array functions: shape (array_length, array_dims, array_lower, array_upper, array_ndims,
 * cardinality), search and edit (array_position(s), array_remove, array_replace, trim_array,
 * array_reverse, array_fill), array_to_string, and the set-returning unnest, generate_subscripts
 * and generate_series over int4/int8/numeric.
 *
 * Postgres counterpart: src/backend/utils/adt/arrayfuncs.c, array_userfuncs.c, int.c / int8.c /
 * numeric.c (generate_series).
 * Known gaps: none known.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { Numeric, compareNumeric, numericAdd } from '../../types/numeric.js';
import { OID } from '../../types/oids.js';
import { PgArray, type Value } from '../../types/values.js';
import { fn } from '../registry.js';
import { elementComparator } from './value-compare.js';
import { outputValue } from './value-io.js';
import { arrayElementType } from './value-compare.js';

const AA = OID.anyarray;
const ACA = OID.anycompatiblearray;
const AC = OID.anycompatible;
const I4 = OID.int4;
const I8 = OID.int8;
const N = OID.numeric;

const arr = (v: Value): PgArray => v as PgArray;

fn('array_length', [AA, I4], I4, (a) => {
  const x = arr(a[0]);
  const d = a[1] as number;
  return d >= 1 && d <= x.dims.length ? x.dims[d - 1] : null;
});
fn('array_lower', [AA, I4], I4, (a) => {
  const x = arr(a[0]);
  const d = a[1] as number;
  return d >= 1 && d <= x.dims.length ? x.lbounds[d - 1] : null;
});
fn('array_upper', [AA, I4], I4, (a) => {
  const x = arr(a[0]);
  const d = a[1] as number;
  return d >= 1 && d <= x.dims.length ? x.lbounds[d - 1] + x.dims[d - 1] - 1 : null;
});
fn('array_ndims', [AA], I4, (a) => (arr(a[0]).dims.length === 0 ? null : arr(a[0]).dims.length));
fn('array_dims', [AA], OID.text, (a) => {
  const x = arr(a[0]);
  if (x.dims.length === 0) return null;
  return x.dims.map((d, i) => `[${x.lbounds[i]}:${x.lbounds[i] + d - 1}]`).join('');
});
fn('cardinality', [AA], I4, (a) => arr(a[0]).items.length);

/** `what` is the start of Postgres's message: `searching for elements in`, `removing elements from`. */
function oneDim(x: PgArray, what: string): void {
  if (x.dims.length > 1) throw new PgError(SQLSTATE.feature_not_supported, `${what} multidimensional arrays is not supported`);
}

// array_position(s): IS NOT DISTINCT FROM semantics (NULL finds NULL).
fn(
  'array_position',
  [ACA, AC],
  I4,
  (a, rt, call) => {
    if (a[0] === null) return null;
    // Without a start position the search starts at the lower bound (0 for int2vector / oidvector).
    return arrayPositions(a[0] as PgArray, a[1], elementComparator(rt, call, 0), -Infinity, true)[0] ?? null;
  },
  { strict: false },
);
fn(
  'array_position',
  [ACA, AC, I4],
  I4,
  (a, rt, call) => {
    if (a[0] === null) return null;
    if (a[2] === null) throw new PgError(SQLSTATE.null_value_not_allowed, 'initial position must not be null');
    return arrayPositions(a[0] as PgArray, a[1], elementComparator(rt, call, 0), a[2] as number, true)[0] ?? null;
  },
  { strict: false },
);
fn(
  'array_positions',
  [ACA, AC],
  OID._int4,
  (a, rt, call) => {
    if (a[0] === null) return null;
    return PgArray.of(arrayPositions(a[0] as PgArray, a[1], elementComparator(rt, call, 0), -Infinity, false));
  },
  { strict: false },
);

function arrayPositions(x: PgArray, v: Value, cmp: (a: Value, b: Value) => number, start: number, first: boolean): number[] {
  oneDim(x, 'searching for elements in');
  const out: number[] = [];
  if (x.dims.length === 0) return out;
  const lb = x.lbounds[0];
  for (let i = Math.max(start - lb, 0); i < x.items.length; i++) {
    const e = x.items[i];
    const same = e === null || v === null ? e === v : cmp(e, v) === 0;
    if (same) {
      out.push(i + lb);
      if (first) break;
    }
  }
  return out;
}

fn(
  'array_remove',
  [ACA, AC],
  ACA,
  (a, rt, call) => {
    if (a[0] === null) return null;
    const x = a[0] as PgArray;
    oneDim(x, 'removing elements from');
    if (x.dims.length === 0) return x;
    const cmp = elementComparator(rt, call, 0);
    const v = a[1];
    const items = x.items.filter((e) => !(e === null || v === null ? e === v : cmp(e, v) === 0));
    if (items.length === x.items.length) return x;
    return items.length === 0 ? PgArray.of([]) : new PgArray(items, [items.length], x.lbounds.slice());
  },
  { strict: false },
);
fn(
  'array_replace',
  [ACA, AC, AC],
  ACA,
  (a, rt, call) => {
    if (a[0] === null) return null;
    const x = a[0] as PgArray;
    const cmp = elementComparator(rt, call, 0);
    const v = a[1];
    const items = x.items.map((e) => ((e === null || v === null ? e === v : cmp(e, v) === 0) ? a[2] : e));
    return new PgArray(items, x.dims.slice(), x.lbounds.slice());
  },
  { strict: false },
);

fn('trim_array', [AA, I4], AA, (a) => {
  const x = arr(a[0]);
  const n = a[1] as number;
  const len = x.dims.length ? x.dims[0] : 0;
  if (n < 0 || n > len) {
    throw new PgError(SQLSTATE.array_subscript_error, `number of elements to trim must be between 0 and ${len}`);
  }
  if (n === 0) return new PgArray(x.items, x.dims);
  const inner = x.items.length / (len || 1);
  const keep = len - n;
  if (keep === 0) return PgArray.of([]);
  // The result is a slice, so its lower bounds are 1.
  const dims = x.dims.slice();
  dims[0] = keep;
  return new PgArray(x.items.slice(0, keep * inner), dims);
});
fn('array_reverse', [AA], AA, (a) => {
  const x = arr(a[0]);
  if (x.dims.length === 0) return x;
  const inner = x.items.length / x.dims[0];
  const items: Value[] = [];
  for (let i = x.dims[0] - 1; i >= 0; i--) items.push(...x.items.slice(i * inner, (i + 1) * inner));
  return new PgArray(items, x.dims.slice(), x.lbounds.slice());
});
function arrayFill(v: Value, dimsArr: Value, lbArr: Value | undefined): PgArray {
  if (dimsArr === null || lbArr === null) {
    throw new PgError(SQLSTATE.null_value_not_allowed, 'dimension array or low bound array cannot be null');
  }
  if ((dimsArr as PgArray).dims.length > 1 || (lbArr !== undefined && (lbArr as PgArray).dims.length > 1)) {
    throw new PgError(SQLSTATE.array_subscript_error, 'wrong number of array subscripts', { detail: 'Dimension array must be one dimensional.' });
  }
  const dims = (dimsArr as PgArray).items as (number | null)[];
  const lbs = lbArr === undefined ? dims.map(() => 1) : ((lbArr as PgArray).items as (number | null)[]);
  if (dims.some((d) => d === null) || lbs.some((d) => d === null)) {
    throw new PgError(SQLSTATE.null_value_not_allowed, 'dimension values cannot be null');
  }
  if (dims.length !== lbs.length) {
    throw new PgError(SQLSTATE.array_subscript_error, 'wrong number of array subscripts', {
      detail: 'Low bound array has different size than dimensions array.',
    });
  }
  const total = (dims as number[]).reduce((p, d) => p * d, 1);
  if (dims.length === 0 || total === 0) return PgArray.of([]);
  return new PgArray(new Array(total).fill(v), dims as number[], lbs as number[]);
}
fn('array_fill', [OID.anyelement, OID._int4], AA, (a) => arrayFill(a[0], a[1], undefined), { strict: false });
fn('array_fill', [OID.anyelement, OID._int4, OID._int4], AA, (a) => arrayFill(a[0], a[1], a[2]), { strict: false });

// array_to_string: elements printed with their output function; NULLs skipped or replaced.
function arrayToString(rt: Parameters<typeof outputValue>[0], type: number, x: PgArray, delim: string, nullStr: string | null): string {
  const elem = arrayElementType(rt.session.catalog(), type);
  const parts: string[] = [];
  for (const e of x.items) {
    if (e === null) {
      if (nullStr !== null) parts.push(nullStr);
    } else parts.push(outputValue(rt, elem, e));
  }
  return parts.join(delim);
}
fn('array_to_string', [AA, OID.text], OID.text, (a, rt, call) => arrayToString(rt, call.argTypes[0], arr(a[0]), a[1] as string, null), {
  volatility: 's',
});
fn(
  'array_to_string',
  [AA, OID.text, OID.text],
  OID.text,
  (a, rt, call) => (a[0] === null || a[1] === null ? null : arrayToString(rt, call.argTypes[0], arr(a[0]), a[1] as string, a[2] as string | null)),
  { volatility: 's', strict: false },
);

// Set-returning functions.
fn('unnest', [AA], OID.anyelement, (a) => arr(a[0]).items, { retset: true });

function* subscripts(x: PgArray, dim: number, reverse: boolean): Generator<Value> {
  if (dim < 1 || dim > x.dims.length) return;
  const lo = x.lbounds[dim - 1];
  const hi = lo + x.dims[dim - 1] - 1;
  if (reverse) for (let i = hi; i >= lo; i--) yield i;
  else for (let i = lo; i <= hi; i++) yield i;
}
fn('generate_subscripts', [AA, I4], I4, (a) => subscripts(arr(a[0]), a[1] as number, false), { retset: true });
fn('generate_subscripts', [AA, I4, OID.bool], I4, (a) => subscripts(arr(a[0]), a[1] as number, a[2] as boolean), { retset: true });

function zeroStep(): PgError {
  return new PgError(SQLSTATE.invalid_parameter_value, 'step size cannot equal zero');
}
function* seriesInt(start: number, stop: number, step: number): Generator<Value> {
  if (step === 0) throw zeroStep();
  for (let i = start; step > 0 ? i <= stop : i >= stop; i += step) yield i;
}
function* seriesInt8(start: bigint, stop: bigint, step: bigint): Generator<Value> {
  if (step === 0n) throw zeroStep();
  for (let i = start; step > 0n ? i <= stop : i >= stop; i += step) yield i;
}
fn('generate_series', [I4, I4], I4, (a) => seriesInt(a[0] as number, a[1] as number, 1), { retset: true });
fn('generate_series', [I4, I4, I4], I4, (a) => seriesInt(a[0] as number, a[1] as number, a[2] as number), { retset: true });
fn('generate_series', [I8, I8], I8, (a) => seriesInt8(a[0] as bigint, a[1] as bigint, 1n), { retset: true });
fn('generate_series', [I8, I8, I8], I8, (a) => seriesInt8(a[0] as bigint, a[1] as bigint, a[2] as bigint), { retset: true });

function checkSeriesBound(v: Numeric, what: string): void {
  if (v.isNaN()) throw new PgError(SQLSTATE.invalid_parameter_value, `${what} cannot be NaN`);
  if (v.isInfinite()) throw new PgError(SQLSTATE.invalid_parameter_value, `${what} cannot be infinity`);
}
function seriesNumeric(start: Numeric, stop: Numeric, step: Numeric): Generator<Value> {
  checkSeriesBound(start, 'start value');
  checkSeriesBound(stop, 'stop value');
  checkSeriesBound(step, 'step size');
  if (step.isZero()) throw zeroStep();
  return (function* () {
    const up = step.signum() > 0;
    for (let i = start; up ? compareNumeric(i, stop) <= 0 : compareNumeric(i, stop) >= 0; i = numericAdd(i, step)) yield i;
  })();
}
fn('generate_series', [N, N], N, (a) => seriesNumeric(a[0] as Numeric, a[1] as Numeric, Numeric.ONE), { retset: true });
fn('generate_series', [N, N, N], N, (a) => seriesNumeric(a[0] as Numeric, a[1] as Numeric, a[2] as Numeric), { retset: true });
