/**
 * Postgres 18's array_sort(anyarray [, descending [, nulls_first]]), array_shuffle and
 * array_sample. Multi-dimensional arrays are sorted / shuffled by their first dimension (whole
 * sub-arrays move). Shuffling draws from the session's random source; Postgres draws from its
 * global generator, which setseed() does not reach, so neither side repeats a shuffle after setseed.
 *
 * Postgres counterpart: array_sort, array_shuffle_n (array_shuffle, array_sample) in
 * src/backend/utils/adt/array_userfuncs.c.
 * Known gaps: none known.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import type { ExprRuntime } from '../../nodes/primnodes.js';
import { compareArrays } from '../../types/array.js';
import { OID } from '../../types/oids.js';
import { formatType } from '../../types/registry.js';
import { PgArray, type Value } from '../../types/values.js';
import { fn, type CallInfo } from '../registry.js';
import { arrayElementType, elementComparator } from './value-compare.js';

const AA = OID.anyarray;

/** Element types without a btree ordering. */
const UNORDERED = new Set<number>([OID.json, OID.xml, OID.point, 601 /* lseg */, 602 /* path */, 603 /* box */, 604 /* polygon */, 628 /* line */, 718 /* circle */]);

/** The array's first-dimension slices (single elements for a 1-D array). */
function slices(x: PgArray): Value[][] {
  const n = x.dims[0];
  const inner = x.items.length / n;
  const out: Value[][] = [];
  for (let i = 0; i < n; i++) out.push(x.items.slice(i * inner, (i + 1) * inner));
  return out;
}

function rebuild(x: PgArray, parts: Value[][]): PgArray {
  return new PgArray(parts.flat(), x.dims.slice(), x.lbounds.slice());
}

function arraySort(x: PgArray, rt: ExprRuntime, call: CallInfo, descending: boolean, nullsFirst: boolean): PgArray {
  const cat = rt.session.catalog();
  const elem = arrayElementType(cat, call.argTypes[0]);
  if (x.dims.length === 0 || x.dims[0] < 2) return x;
  if (UNORDERED.has(elem)) {
    throw new PgError(SQLSTATE.feature_not_supported, `could not identify a comparison function for type ${formatType(cat, elem)}`);
  }
  const cmp = elementComparator(rt, call);
  const dir = descending ? -1 : 1;
  const parts = slices(x);
  if (x.dims.length === 1) {
    parts.sort((a, b) => {
      const va = a[0];
      const vb = b[0];
      if (va === null || vb === null) return va === vb ? 0 : (va === null) === nullsFirst ? -1 : 1;
      return dir * cmp(va, vb);
    });
  } else {
    // Sub-arrays compare as arrays (element by element, NULL after any value).
    parts.sort((a, b) => dir * compareArrays(PgArray.of(a), PgArray.of(b), cmp));
  }
  return rebuild(x, parts);
}

fn('array_sort', [AA], AA, (a, rt, call) => arraySort(a[0] as PgArray, rt, call, false, false));
fn('array_sort', [AA, OID.bool], AA, (a, rt, call) => arraySort(a[0] as PgArray, rt, call, a[1] as boolean, a[1] as boolean), {
  argNames: ['array', 'descending'],
});
fn('array_sort', [AA, OID.bool, OID.bool], AA, (a, rt, call) => arraySort(a[0] as PgArray, rt, call, a[1] as boolean, a[2] as boolean), {
  argNames: ['array', 'descending', 'nulls_first'],
});

/** array_shuffle_n: a Fisher-Yates pass over the first n slots of the first dimension. */
function shuffleN(x: PgArray, n: number, keepLbounds: boolean, rt: ExprRuntime): PgArray {
  if (x.dims.length === 0) return x;
  const parts = slices(x);
  for (let i = 0; i < n && i < parts.length; i++) {
    const j = i + Math.floor(rt.session.random() * (parts.length - i));
    [parts[i], parts[j]] = [parts[j], parts[i]];
  }
  const kept = parts.slice(0, n);
  const dims = [kept.length, ...x.dims.slice(1)];
  if (kept.length === 0) return PgArray.of([]);
  return new PgArray(kept.flat(), dims, keepLbounds ? x.lbounds.slice() : [1, ...x.lbounds.slice(1)]);
}
fn('array_shuffle', [AA], AA, (a, rt) => {
  const x = a[0] as PgArray;
  return shuffleN(x, x.dims[0] ?? 0, true, rt);
}, { volatility: 'v' });
fn('array_sample', [AA, OID.int4], AA, (a, rt) => {
  const x = a[0] as PgArray;
  const len = x.dims[0] ?? 0;
  const n = a[1] as number;
  if (n < 0 || n > len) throw new PgError(SQLSTATE.invalid_parameter_value, `sample size must be between 0 and ${len}`);
  // The sample's first dimension starts at 1; the others keep their bounds.
  return shuffleN(x, n, false, rt);
}, { volatility: 'v' });
