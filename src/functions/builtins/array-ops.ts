/**
 * Array operators and the functions behind them: `||` (array_append, array_prepend, array_cat
 * with Postgres's dimension rules and lower bounds), containment `@>` `<@` and overlap `&&`
 * (element equality by the element type, NULL elements never match, dimensions ignored).
 *
 * Postgres counterpart: src/backend/utils/adt/array_userfuncs.c (array_append, array_cat),
 * arrayfuncs.c (arraycontains, arrayoverlap).
 * Known gaps: none known.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import type { ExprRuntime } from '../../nodes/primnodes.js';
import { OID } from '../../types/oids.js';
import { PgArray, type Value } from '../../types/values.js';
import { fn, registerOperator, type CallInfo, type FunctionImpl } from '../registry.js';
import { argComparator, elementComparator } from './value-compare.js';

const ACA = OID.anycompatiblearray;
const AC = OID.anycompatible;

function incompatible(detail: string): PgError {
  return new PgError(SQLSTATE.array_subscript_error, 'cannot concatenate incompatible arrays', { detail });
}

/** array_append: `arr || elem` (arr empty or one-dimensional). */
export function arrayAppend(arr: PgArray | null, elem: Value): PgArray {
  if (arr === null || arr.dims.length === 0) return PgArray.of([elem]);
  if (arr.dims.length !== 1) throw new PgError(SQLSTATE.data_exception, 'argument must be empty or one-dimensional array');
  return new PgArray([...arr.items, elem], [arr.dims[0] + 1], arr.lbounds.slice());
}

/** array_prepend: `elem || arr`; the lower bound stays. */
export function arrayPrepend(elem: Value, arr: PgArray | null): PgArray {
  if (arr === null || arr.dims.length === 0) return PgArray.of([elem]);
  if (arr.dims.length !== 1) throw new PgError(SQLSTATE.data_exception, 'argument must be empty or one-dimensional array');
  return new PgArray([elem, ...arr.items], [arr.dims[0] + 1], arr.lbounds.slice());
}

/** array_cat: `a || b` for arrays of equal rank, or of ranks N and N-1. */
export function arrayCat(a: PgArray | null, b: PgArray | null): PgArray | null {
  if (a === null) return b;
  if (b === null) return a;
  if (a.dims.length === 0) return b;
  if (b.dims.length === 0) return a;
  const na = a.dims.length;
  const nb = b.dims.length;
  if (na !== nb && na !== nb - 1 && na - 1 !== nb) {
    throw incompatible(`Arrays of ${na} and ${nb} dimensions are not compatible for concatenation.`);
  }
  if (na === nb) {
    for (let i = 1; i < na; i++) {
      if (a.dims[i] !== b.dims[i] || a.lbounds[i] !== b.lbounds[i]) {
        throw incompatible('Arrays with differing element dimensions are not compatible for concatenation.');
      }
    }
    const dims = a.dims.slice();
    dims[0] += b.dims[0];
    return new PgArray([...a.items, ...b.items], dims, a.lbounds.slice());
  }
  if (na === nb - 1) {
    // a is one element of b's outer dimension: prepend it.
    for (let i = 0; i < na; i++) {
      if (a.dims[i] !== b.dims[i + 1] || a.lbounds[i] !== b.lbounds[i + 1]) {
        throw incompatible('Arrays with differing dimensions are not compatible for concatenation.');
      }
    }
    const dims = b.dims.slice();
    dims[0] += 1;
    return new PgArray([...a.items, ...b.items], dims, b.lbounds.slice());
  }
  for (let i = 0; i < nb; i++) {
    if (b.dims[i] !== a.dims[i + 1] || b.lbounds[i] !== a.lbounds[i + 1]) {
      throw incompatible('Arrays with differing dimensions are not compatible for concatenation.');
    }
  }
  const dims = a.dims.slice();
  dims[0] += 1;
  return new PgArray([...a.items, ...b.items], dims, a.lbounds.slice());
}

function nonStrict(name: string, argTypes: number[], ret: number, impl: FunctionImpl['fn']): FunctionImpl {
  return fn(name, argTypes, ret, impl, { strict: false });
}

const appendFn = nonStrict('array_append', [ACA, AC], ACA, (a) => arrayAppend(a[0] as PgArray | null, a[1]));
const prependFn = nonStrict('array_prepend', [AC, ACA], ACA, (a) => arrayPrepend(a[0], a[1] as PgArray | null));
const catFn = nonStrict('array_cat', [ACA, ACA], ACA, (a) => arrayCat(a[0] as PgArray | null, a[1] as PgArray | null));
registerOperator({ name: '||', left: ACA, right: AC, result: ACA, fn: appendFn });
registerOperator({ name: '||', left: AC, right: ACA, result: ACA, fn: prependFn });
registerOperator({ name: '||', left: ACA, right: ACA, result: ACA, fn: catFn });

/** Whether every non-null element of `b` equals some element of `a` (NULLs in `b` fail). */
function contains(rt: ExprRuntime, call: CallInfo, a: PgArray, b: PgArray): boolean {
  const cmp = elementComparator(rt, call, 0);
  for (const y of b.items) {
    if (y === null) return false;
    let found = false;
    for (const x of a.items) {
      if (x !== null && cmp(x, y) === 0) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

function overlaps(rt: ExprRuntime, call: CallInfo, a: PgArray, b: PgArray): boolean {
  const cmp = elementComparator(rt, call, 0);
  for (const y of b.items) {
    if (y === null) continue;
    for (const x of a.items) if (x !== null && cmp(x, y) === 0) return true;
  }
  return false;
}

function arrayOp(name: string, impl: FunctionImpl['fn'], commutator?: string): void {
  const f: FunctionImpl = { name: `op ${name}`, argTypes: [OID.anyarray, OID.anyarray], returnType: OID.bool, strict: true, volatility: 'i', fn: impl };
  registerOperator({ name, left: OID.anyarray, right: OID.anyarray, result: OID.bool, fn: f, commutator });
}
arrayOp('@>', (a, rt, call) => contains(rt, call, a[0] as PgArray, a[1] as PgArray), '<@');
arrayOp('<@', (a, rt, call) => contains(rt, call, a[1] as PgArray, a[0] as PgArray), '@>');
arrayOp('&&', (a, rt, call) => overlaps(rt, call, a[0] as PgArray, a[1] as PgArray), '&&');

// array_larger / array_smaller: the greater / lesser of two arrays by the array btree order.
fn('array_larger', [OID.anyarray, OID.anyarray], OID.anyarray, (a, rt, call) => (argComparator(rt, call)(a[0], a[1]) > 0 ? a[0] : a[1]));
fn('array_smaller', [OID.anyarray, OID.anyarray], OID.anyarray, (a, rt, call) => (argComparator(rt, call)(a[0], a[1]) < 0 ? a[0] : a[1]));
