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
import type { Numeric } from '../../types/numeric.js';
import { numericSub } from '../../types/numeric/numeric-arith.js';
import { numericToFloat8 } from '../../types/numeric/numeric-convert.js';
import { fn, op } from '../registry.js';
import { registerComparisons } from './comparison.js';
import { agg } from './aggregates.js';

const B = OID.bool;

function registerRange(d: RangeTypeDef): void {
  const R = d.oid;
  const E = d.subtype;
  registerComparisons(R, R, (a, b) => compareRanges(d, a as PgRange, b as PgRange));
  const rr = (name: string, impl: (a: PgRange, b: PgRange) => boolean, commutator?: string, negator?: string) =>
    op(name, R, R, B, (a, b) => impl(a as PgRange, b as PgRange), { commutator, negator });
  rr('@>', (a, b) => rangeContains(d, a, b), '<@');
  rr('<@', (a, b) => rangeContains(d, b, a), '@>');
  rr('&&', (a, b) => rangeOverlaps(d, a, b), '&&');
  rr('<<', (a, b) => rangeBefore(d, a, b), '>>');
  rr('>>', (a, b) => rangeAfter(d, a, b), '<<');
  rr('&<', (a, b) => rangeOverleft(d, a, b));
  rr('&>', (a, b) => rangeOverright(d, a, b));
  rr('-|-', (a, b) => rangeAdjacent(d, a, b), '-|-');
  // anyrange @> anyelement: the element takes no implicit cast (generic type consistency).
  op('@>', R, E, B, (a, b) => rangeContainsElem(d, a as PgRange, b), { commutator: '<@', exactArgs: [1] });
  op('<@', E, R, B, (a, b) => rangeContainsElem(d, b as PgRange, a), { commutator: '@>', exactArgs: [0] });
  op('+', R, R, R, (a, b) => rangeUnion(d, a as PgRange, b as PgRange, true), { commutator: '+' });
  op('*', R, R, R, (a, b) => rangeIntersect(d, a as PgRange, b as PgRange), { commutator: '*' });
  op('-', R, R, R, (a, b) => rangeMinus(d, a as PgRange, b as PgRange));

  const r0 = (a: Value[]) => a[0] as PgRange;
  // pg_proc lists these once, on anyrange.
  const AR = OID.anyrange;
  const as = (argTypes: number[], returnType: number) => ({ catalogSignature: { argTypes, returnType } });
  fn('lower', [R], E, (a) => r0(a).lower, as([AR], OID.anyelement));
  fn('upper', [R], E, (a) => r0(a).upper, as([AR], OID.anyelement));
  fn('isempty', [R], B, (a) => r0(a).empty, as([AR], B));
  fn('lower_inc', [R], B, (a) => r0(a).lowerInc, as([AR], B));
  fn('upper_inc', [R], B, (a) => r0(a).upperInc, as([AR], B));
  fn('lower_inf', [R], B, (a) => !r0(a).empty && r0(a).lower === null, as([AR], B));
  fn('upper_inf', [R], B, (a) => !r0(a).empty && r0(a).upper === null, as([AR], B));
  fn('range_merge', [R, R], R, (a) => rangeUnion(d, a[0] as PgRange, a[1] as PgRange, false), as([AR, AR], AR));
  // The operators' functions, callable by name (range_contains, range_adjacent, range_minus, ...).
  const byName = (name: string, impl: (x: PgRange, y: PgRange) => boolean) =>
    fn(name, [R, R], B, (a) => impl(a[0] as PgRange, a[1] as PgRange), as([AR, AR], B));
  byName('range_contains', (x, y) => rangeContains(d, x, y));
  byName('range_contained_by', (x, y) => rangeContains(d, y, x));
  byName('range_overlaps', (x, y) => rangeOverlaps(d, x, y));
  byName('range_before', (x, y) => rangeBefore(d, x, y));
  byName('range_after', (x, y) => rangeAfter(d, x, y));
  byName('range_overleft', (x, y) => rangeOverleft(d, x, y));
  byName('range_overright', (x, y) => rangeOverright(d, x, y));
  byName('range_adjacent', (x, y) => rangeAdjacent(d, x, y));
  byName('range_eq', (x, y) => compareRanges(d, x, y) === 0);
  byName('range_ne', (x, y) => compareRanges(d, x, y) !== 0);
  byName('range_lt', (x, y) => compareRanges(d, x, y) < 0);
  byName('range_le', (x, y) => compareRanges(d, x, y) <= 0);
  byName('range_gt', (x, y) => compareRanges(d, x, y) > 0);
  byName('range_ge', (x, y) => compareRanges(d, x, y) >= 0);
  fn('range_cmp', [R, R], OID.int4, (a) => Math.sign(compareRanges(d, a[0] as PgRange, a[1] as PgRange)), as([AR, AR], OID.int4));
  fn('range_contains_elem', [R, E], B, (a) => rangeContainsElem(d, a[0] as PgRange, a[1]), { ...as([AR, OID.anyelement], B), exactArgs: [1] });
  fn('elem_contained_by_range', [E, R], B, (a) => rangeContainsElem(d, a[1] as PgRange, a[0]), { ...as([OID.anyelement, AR], B), exactArgs: [0] });
  fn('range_union', [R, R], R, (a) => rangeUnion(d, a[0] as PgRange, a[1] as PgRange, true), as([AR, AR], AR));
  fn('range_intersect', [R, R], R, (a) => rangeIntersect(d, a[0] as PgRange, a[1] as PgRange), as([AR, AR], AR));
  fn('range_minus', [R, R], R, (a) => rangeMinus(d, a[0] as PgRange, a[1] as PgRange), as([AR, AR], AR));

  // range_intersect_agg; range_agg and multirange(range) are in multirange-ops.ts.
  const intersect = agg<PgRange | null>('range_intersect_agg', [R], R, () => null, (st, a) => (st === null ? (a[0] as PgRange) : rangeIntersect(d, st, a[0] as PgRange)), (st) => st);
  Object.assign(intersect, as([AR], AR));

  // Constructors: NULL bounds are infinite, so they are not strict.
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

for (const d of RANGE_TYPES) registerRange(d);

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
