/**
 * Range operators and functions, declared per built-in range type (Postgres declares them on
 * anyrange/anyelement; one concrete overload per type resolves the same way for these six):
 * btree comparisons, `@> <@ && << >> &< &> -|- + * -`, lower/upper/isempty/lower_inc/upper_inc/
 * lower_inf/upper_inf/range_merge, and the constructors `int4range(a, b [, flags])` etc.
 *
 * Postgres counterpart: src/backend/utils/adt/rangetypes.c.
 * Multirange operators, range_agg and multirange(range) are in multirange-ops.ts.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { OID } from '../../types/oids.js';
import {
  DATERANGE, INT4RANGE, INT8RANGE, RANGE_TYPES, compareRanges, parseRangeFlags, rangeAdjacent, rangeAfter, rangeBefore, rangeContains, rangeContainsElem,
  rangeIntersect, rangeMinus, rangeOverlaps, rangeOverleft, rangeOverright, rangeUnion, serialize, type RangeTypeDef,
} from '../../types/range.js';
import type { PgRange, Value } from '../../types/values.js';
import { multirangeDefIn, rangeDefIn } from '../../types/user-range.js';
import type { ExprRuntime } from '../../nodes/primnodes.js';
import type { Numeric } from '../../types/numeric.js';
import { numericSub } from '../../types/numeric/numeric-arith.js';
import { numericToFloat8 } from '../../types/numeric/numeric-convert.js';
import { fn, op, type CallInfo } from '../registry.js';
import { registerComparisons } from './comparison.js';
import { agg } from './aggregates.js';

const B = OID.bool;

/** The range type a call works on: fixed for a built-in type, looked up per call for user types. */
export type DefOf = (rt: ExprRuntime, call: CallInfo) => RangeTypeDef;

/**
 * Declares the operators and functions of range type R (element E). For the six built-in types,
 * R and E are concrete and `D` returns their definition; for user range types (CREATE TYPE ... AS
 * RANGE) one generic set is declared on anyrange/anyelement, offered only for user types
 * (`userRangesOnly`), whose `D` finds the type's definition from the call's argument types.
 */
function registerRange(R: number, E: number, D: DefOf, generic: boolean): void {
  const extra = generic ? { userRangesOnly: true as const } : {};
  const cmp = (a: Value, b: Value, rt: ExprRuntime, call: CallInfo) => compareRanges(D(rt, call), a as PgRange, b as PgRange);
  registerComparisons(R, R, cmp, undefined, extra);
  const rr = (name: string, impl: (d: RangeTypeDef, a: PgRange, b: PgRange) => boolean, commutator?: string, negator?: string) =>
    op(name, R, R, B, (a, b, rt, call) => impl(D(rt, call), a as PgRange, b as PgRange), { commutator, negator, ...extra });
  rr('@>', (d, a, b) => rangeContains(d, a, b), '<@');
  rr('<@', (d, a, b) => rangeContains(d, b, a), '@>');
  rr('&&', (d, a, b) => rangeOverlaps(d, a, b), '&&');
  rr('<<', (d, a, b) => rangeBefore(d, a, b), '>>');
  rr('>>', (d, a, b) => rangeAfter(d, a, b), '<<');
  rr('&<', (d, a, b) => rangeOverleft(d, a, b));
  rr('&>', (d, a, b) => rangeOverright(d, a, b));
  rr('-|-', (d, a, b) => rangeAdjacent(d, a, b), '-|-');
  // anyrange @> anyelement: the element takes no implicit cast (generic type consistency).
  op('@>', R, E, B, (a, b, rt, call) => rangeContainsElem(D(rt, call), a as PgRange, b), { commutator: '<@', ...(generic ? extra : { exactArgs: [1] }) });
  op('<@', E, R, B, (a, b, rt, call) => rangeContainsElem(D(rt, call), b as PgRange, a), { commutator: '@>', ...(generic ? extra : { exactArgs: [0] }) });
  op('+', R, R, R, (a, b, rt, call) => rangeUnion(D(rt, call), a as PgRange, b as PgRange, true), { commutator: '+', ...extra });
  op('*', R, R, R, (a, b, rt, call) => rangeIntersect(D(rt, call), a as PgRange, b as PgRange), { commutator: '*', ...extra });
  op('-', R, R, R, (a, b, rt, call) => rangeMinus(D(rt, call), a as PgRange, b as PgRange), extra);

  const r0 = (a: Value[]) => a[0] as PgRange;
  // pg_proc lists these once, on anyrange.
  const AR = OID.anyrange;
  const as = (argTypes: number[], returnType: number) => ({ catalogSignature: { argTypes, returnType }, ...extra });
  fn('lower', [R], E, (a) => r0(a).lower, as([AR], OID.anyelement));
  fn('upper', [R], E, (a) => r0(a).upper, as([AR], OID.anyelement));
  fn('isempty', [R], B, (a) => r0(a).empty, as([AR], B));
  fn('lower_inc', [R], B, (a) => r0(a).lowerInc, as([AR], B));
  fn('upper_inc', [R], B, (a) => r0(a).upperInc, as([AR], B));
  fn('lower_inf', [R], B, (a) => !r0(a).empty && r0(a).lower === null, as([AR], B));
  fn('upper_inf', [R], B, (a) => !r0(a).empty && r0(a).upper === null, as([AR], B));
  fn('range_merge', [R, R], R, (a, rt, call) => rangeUnion(D(rt, call), a[0] as PgRange, a[1] as PgRange, false), as([AR, AR], AR));
  // The operators' functions, callable by name (range_contains, range_adjacent, range_minus, ...).
  const byName = (name: string, impl: (d: RangeTypeDef, x: PgRange, y: PgRange) => boolean) =>
    fn(name, [R, R], B, (a, rt, call) => impl(D(rt, call), a[0] as PgRange, a[1] as PgRange), as([AR, AR], B));
  byName('range_contains', (d, x, y) => rangeContains(d, x, y));
  byName('range_contained_by', (d, x, y) => rangeContains(d, y, x));
  byName('range_overlaps', (d, x, y) => rangeOverlaps(d, x, y));
  byName('range_before', (d, x, y) => rangeBefore(d, x, y));
  byName('range_after', (d, x, y) => rangeAfter(d, x, y));
  byName('range_overleft', (d, x, y) => rangeOverleft(d, x, y));
  byName('range_overright', (d, x, y) => rangeOverright(d, x, y));
  byName('range_adjacent', (d, x, y) => rangeAdjacent(d, x, y));
  byName('range_eq', (d, x, y) => compareRanges(d, x, y) === 0);
  byName('range_ne', (d, x, y) => compareRanges(d, x, y) !== 0);
  byName('range_lt', (d, x, y) => compareRanges(d, x, y) < 0);
  byName('range_le', (d, x, y) => compareRanges(d, x, y) <= 0);
  byName('range_gt', (d, x, y) => compareRanges(d, x, y) > 0);
  byName('range_ge', (d, x, y) => compareRanges(d, x, y) >= 0);
  fn('range_cmp', [R, R], OID.int4, (a, rt, call) => Math.sign(cmp(a[0], a[1], rt, call)), as([AR, AR], OID.int4));
  fn('range_contains_elem', [R, E], B, (a, rt, call) => rangeContainsElem(D(rt, call), a[0] as PgRange, a[1]), { ...as([AR, OID.anyelement], B), ...(generic ? {} : { exactArgs: [1] }) });
  fn('elem_contained_by_range', [E, R], B, (a, rt, call) => rangeContainsElem(D(rt, call), a[1] as PgRange, a[0]), { ...as([OID.anyelement, AR], B), ...(generic ? {} : { exactArgs: [0] }) });
  fn('range_union', [R, R], R, (a, rt, call) => rangeUnion(D(rt, call), a[0] as PgRange, a[1] as PgRange, true), as([AR, AR], AR));
  fn('range_intersect', [R, R], R, (a, rt, call) => rangeIntersect(D(rt, call), a[0] as PgRange, a[1] as PgRange), as([AR, AR], AR));
  fn('range_minus', [R, R], R, (a, rt, call) => rangeMinus(D(rt, call), a[0] as PgRange, a[1] as PgRange), as([AR, AR], AR));

  // range_intersect_agg; range_agg and multirange(range) are in multirange-ops.ts.
  const intersect = agg<PgRange | null>('range_intersect_agg', [R], R, () => null, (st, a, rt, call) => (st === null ? (a[0] as PgRange) : rangeIntersect(D(rt, call), st, a[0] as PgRange)), (st) => st);
  Object.assign(intersect, as([AR], AR));
  if (generic) return;
  const d = D(undefined as never, undefined as never);

  // Constructors: NULL bounds are infinite, so they are not strict. (A user range type's are
  // catalog functions, created with the type: functions/internal-functions.ts.)
  fn(d.name, [E, E], R, (a) => serialize(d, a[0], a[1], true, false), { strict: false });
  fn(
    d.name,
    [E, E, OID.text],
    R,
    (a) => {
      if (a[2] === null) throw new PgError(SQLSTATE.data_exception, 'range constructor flags argument must not be null');
      const [li, ui] = parseRangeFlags(a[2] as string);
      return serialize(d, a[0], a[1], li, ui);
    },
    { strict: false },
  );
}

for (const d of RANGE_TYPES) registerRange(d.oid, d.subtype, () => d, false);

/**
 * The range type of a call on user range or multirange types: its first multirange or range
 * argument's (a multirange's range type), else its result's.
 */
const userDefs = new WeakMap<CallInfo, RangeTypeDef>();
export function userRangeDef(rt: ExprRuntime, call: CallInfo): RangeTypeDef {
  let d = userDefs.get(call);
  if (d === undefined) {
    const cat = rt.session.catalog();
    for (const t of [...call.argTypes, call.returnType]) {
      d = multirangeDefIn(cat, t)?.range ?? rangeDefIn(cat, t);
      if (d !== undefined) break;
    }
    if (d === undefined) throw new PgError(SQLSTATE.internal_error, 'fauxgres internal: no range type in a range call');
    userDefs.set(call, d);
  }
  return d;
}
registerRange(OID.anyrange, OID.anyelement, userRangeDef, true);

// The canonical and subtype-difference functions pg_range names (rngcanonical, rngsubdiff).
const F8 = OID.float8;
fn('int4range_canonical', [OID.int4range], OID.int4range, (a) => INT4RANGE.canonical!(a[0] as PgRange));
fn('int8range_canonical', [OID.int8range], OID.int8range, (a) => INT8RANGE.canonical!(a[0] as PgRange));
fn('daterange_canonical', [OID.daterange], OID.daterange, (a) => DATERANGE.canonical!(a[0] as PgRange));
fn('int4range_subdiff', [OID.int4, OID.int4], F8, (a) => (a[0] as number) - (a[1] as number));
fn('int8range_subdiff', [OID.int8, OID.int8], F8, (a) => Number(a[0] as bigint) - Number(a[1] as bigint));
fn('numrange_subdiff', [OID.numeric, OID.numeric], F8, (a) => numericToFloat8(numericSub(a[0] as Numeric, a[1] as Numeric)));
fn('daterange_subdiff', [OID.date, OID.date], F8, (a) => (a[0] as number) - (a[1] as number));
fn('tsrange_subdiff', [OID.timestamp, OID.timestamp], F8, (a) => (Number(a[0] as bigint) - Number(a[1] as bigint)) / 1e6);
fn('tstzrange_subdiff', [OID.timestamptz, OID.timestamptz], F8, (a) => (Number(a[0] as bigint) - Number(a[1] as bigint)) / 1e6);
