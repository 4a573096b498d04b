/**
 * Multirange operators and functions, declared per built-in multirange type (Postgres declares
 * them on anymultirange / anyrange / anyelement; one concrete overload per type resolves the same
 * way for these six): btree comparisons, `@> <@ && << >> &< &> -|-` between multiranges, ranges
 * and elements, `+ - *`, lower/upper/isempty/..., range_merge, the constructors
 * (`int4multirange()`, `int4multirange(r)`, `int4multirange(VARIADIC r[])`), multirange(range),
 * unnest(multirange), range_agg over ranges and multiranges, range_intersect_agg over
 * multiranges, the support functions under their pg_proc names (multirange_contains_elem, ...),
 * and the range → multirange casts.
 *
 * Postgres counterpart: src/backend/utils/adt/multirangetypes.c, pg_operator.dat, pg_proc.dat.
 * Known gaps: hash_multirange / hash_multirange_extended (Postgres's hash values).
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { OID } from '../../types/oids.js';
import {
  MULTIRANGE_TYPES, adjacent, before, compareMultiranges, firstRange, lastRange, makeMultirange, multirangeContainsElem,
  multirangeContainsMultirange, multirangeContainsRange, multirangeIntersect, multirangeMinus, multirangeOverlapsMultirange,
  multirangeOverlapsRange, multirangeSpan, multirangeUnion, overleft, overright, rangeContainsMultirange, type MultirangeTypeDef,
} from '../../types/multirange.js';
import { PgArray, PgMultirange, type PgRange, type Value } from '../../types/values.js';
import { fn, op, type CallInfo } from '../registry.js';
import type { ExprRuntime } from '../../nodes/primnodes.js';
import { userRangeDef, type DefOf } from './range-ops.js';
import { registerComparisons } from './comparison.js';
import { agg } from './aggregates.js';
import { registerCast } from '../../analyze/special-casts.js';
import { EMPTY_RANGE as EMPTY, type RangeTypeDef } from '../../types/range.js';

const B: number = OID.bool;
const AM = OID.anymultirange;
const AR = OID.anyrange;
const AE = OID.anyelement;

const mr = (v: Value) => v as PgMultirange;
const rg = (v: Value) => v as PgRange;

/**
 * Declares the operators and functions of multirange type M over range type R (element E): for
 * each built-in multirange type, and once generically on anymultirange / anyrange / anyelement for
 * user range types (`userRangesOnly`, their definition found per call from the argument types).
 */
function registerMultirange(m: MultirangeTypeDef | undefined, M: number, R: number, E: number, D: DefOf): void {
  const generic = m === undefined;
  const extra = generic ? { userRangesOnly: true as const } : {};
  registerComparisons(M, M, (a, b, rt, call) => compareMultiranges(D(rt, call), mr(a), mr(b)), undefined, extra);

  /** An operator plus its support function under Postgres's name (declared polymorphically in pg_proc). */
  const both = (
    name: string,
    procName: string,
    left: number,
    right: number,
    catalogArgs: [number, number],
    impl: (a: Value, b: Value, d: RangeTypeDef) => Value,
    result = B,
    opExtra: { commutator?: string; negator?: string } = {},
  ) => {
    // The element of `anymultirange @> anyelement` takes no implicit cast (the generic overloads
    // get that from polymorphic type consistency).
    const exactArgs = generic ? undefined : catalogArgs[0] === AE ? [0] : catalogArgs[1] === AE ? [1] : undefined;
    op(name, left, right, result, (a, b, rt, call) => impl(a, b, D(rt, call)), { ...opExtra, exactArgs, ...extra });
    fn(procName, [left, right], result, (a, rt, call) => impl(a[0], a[1], D(rt, call)), { catalogSignature: { argTypes: catalogArgs, returnType: result === B ? B : AM }, exactArgs, ...extra });
  };

  // Containment.
  both('@>', 'multirange_contains_elem', M, E, [AM, AE], (a, b, d) => multirangeContainsElem(d, mr(a), b), B, { commutator: '<@' });
  both('<@', 'elem_contained_by_multirange', E, M, [AE, AM], (a, b, d) => multirangeContainsElem(d, mr(b), a), B, { commutator: '@>' });
  both('@>', 'multirange_contains_range', M, R, [AM, AR], (a, b, d) => multirangeContainsRange(d, mr(a), rg(b)), B, { commutator: '<@' });
  both('<@', 'range_contained_by_multirange', R, M, [AR, AM], (a, b, d) => multirangeContainsRange(d, mr(b), rg(a)), B, { commutator: '@>' });
  both('@>', 'range_contains_multirange', R, M, [AR, AM], (a, b, d) => rangeContainsMultirange(d, rg(a), mr(b)), B, { commutator: '<@' });
  both('<@', 'multirange_contained_by_range', M, R, [AM, AR], (a, b, d) => rangeContainsMultirange(d, rg(b), mr(a)), B, { commutator: '@>' });
  both('@>', 'multirange_contains_multirange', M, M, [AM, AM], (a, b, d) => multirangeContainsMultirange(d, mr(a), mr(b)), B, { commutator: '<@' });
  both('<@', 'multirange_contained_by_multirange', M, M, [AM, AM], (a, b, d) => multirangeContainsMultirange(d, mr(b), mr(a)), B, { commutator: '@>' });

  // Overlap.
  both('&&', 'range_overlaps_multirange', R, M, [AR, AM], (a, b, d) => multirangeOverlapsRange(d, mr(b), rg(a)), B, { commutator: '&&' });
  both('&&', 'multirange_overlaps_range', M, R, [AM, AR], (a, b, d) => multirangeOverlapsRange(d, mr(a), rg(b)), B, { commutator: '&&' });
  both('&&', 'multirange_overlaps_multirange', M, M, [AM, AM], (a, b, d) => multirangeOverlapsMultirange(d, mr(a), mr(b)), B, { commutator: '&&' });

  // Position: &< compares the upper bounds of the last ranges, &> the lower bounds of the first ones.
  both('&<', 'range_overleft_multirange', R, M, [AR, AM], (a, b, d) => overleft(d, rg(a), lastRange(mr(b))));
  both('&<', 'multirange_overleft_range', M, R, [AM, AR], (a, b, d) => overleft(d, lastRange(mr(a)), rg(b)));
  both('&<', 'multirange_overleft_multirange', M, M, [AM, AM], (a, b, d) => overleft(d, lastRange(mr(a)), lastRange(mr(b))));
  both('&>', 'range_overright_multirange', R, M, [AR, AM], (a, b, d) => overright(d, rg(a), firstRange(mr(b))));
  both('&>', 'multirange_overright_range', M, R, [AM, AR], (a, b, d) => overright(d, firstRange(mr(a)), rg(b)));
  both('&>', 'multirange_overright_multirange', M, M, [AM, AM], (a, b, d) => overright(d, firstRange(mr(a)), firstRange(mr(b))));
  both('<<', 'range_before_multirange', R, M, [AR, AM], (a, b, d) => before(d, rg(a), firstRange(mr(b))), B, { commutator: '>>' });
  both('<<', 'multirange_before_range', M, R, [AM, AR], (a, b, d) => before(d, lastRange(mr(a)), rg(b)), B, { commutator: '>>' });
  both('<<', 'multirange_before_multirange', M, M, [AM, AM], (a, b, d) => before(d, lastRange(mr(a)), firstRange(mr(b))), B, { commutator: '>>' });
  both('>>', 'range_after_multirange', R, M, [AR, AM], (a, b, d) => before(d, lastRange(mr(b)), rg(a)), B, { commutator: '<<' });
  both('>>', 'multirange_after_range', M, R, [AM, AR], (a, b, d) => before(d, rg(b), firstRange(mr(a))), B, { commutator: '<<' });
  both('>>', 'multirange_after_multirange', M, M, [AM, AM], (a, b, d) => before(d, lastRange(mr(b)), firstRange(mr(a))), B, { commutator: '<<' });
  const adjRange = (d: RangeTypeDef, r: PgRange, x: PgMultirange) => adjacent(d, r, r, firstRange(x), lastRange(x));
  both('-|-', 'range_adjacent_multirange', R, M, [AR, AM], (a, b, d) => adjRange(d, rg(a), mr(b)), B, { commutator: '-|-' });
  both('-|-', 'multirange_adjacent_range', M, R, [AM, AR], (a, b, d) => adjRange(d, rg(b), mr(a)), B, { commutator: '-|-' });
  both('-|-', 'multirange_adjacent_multirange', M, M, [AM, AM], (a, b, d) => adjacent(d, firstRange(mr(a)), lastRange(mr(a)), firstRange(mr(b)), lastRange(mr(b))), B, { commutator: '-|-' });

  // Set operations.
  both('+', 'multirange_union', M, M, [AM, AM], (a, b, d) => multirangeUnion(d, mr(a), mr(b)), M, { commutator: '+' });
  both('-', 'multirange_minus', M, M, [AM, AM], (a, b, d) => multirangeMinus(d, mr(a), mr(b)), M);
  both('*', 'multirange_intersect', M, M, [AM, AM], (a, b, d) => multirangeIntersect(d, mr(a), mr(b)), M, { commutator: '*' });

  // Accessors (pg_proc lists them once, on anymultirange).
  const as = (argTypes: number[], returnType: number) => ({ catalogSignature: { argTypes, returnType }, ...extra });
  const m0 = (a: Value[]) => mr(a[0]);
  fn('lower', [M], E, (a) => firstRange(m0(a))?.lower ?? null, as([AM], AE));
  fn('upper', [M], E, (a) => lastRange(m0(a))?.upper ?? null, as([AM], AE));
  fn('isempty', [M], B, (a) => m0(a).ranges.length === 0, as([AM], B));
  fn('lower_inc', [M], B, (a) => firstRange(m0(a))?.lowerInc ?? false, as([AM], B));
  fn('upper_inc', [M], B, (a) => lastRange(m0(a))?.upperInc ?? false, as([AM], B));
  fn('lower_inf', [M], B, (a) => (m0(a).ranges.length === 0 ? false : firstRange(m0(a))!.lower === null), as([AM], B));
  fn('upper_inf', [M], B, (a) => (m0(a).ranges.length === 0 ? false : lastRange(m0(a))!.upper === null), as([AM], B));
  fn('range_merge', [M], R, (a, rt, call) => multirangeSpan(D(rt, call), m0(a)), as([AM], AR));
  fn('unnest', [M], R, (a) => m0(a).ranges, { retset: true, catalogSignature: { argTypes: [AM], returnType: AR }, ...extra });
  fn('multirange', [R], M, (a, rt, call) => makeMultirange(D(rt, call), [rg(a[0])]), as([AR], AM));
  // Aggregates: range_agg gathers the ranges (nulls skipped; NULL without input), the final
  // function canonicalises; an empty multirange input still makes the result `{}`.
  const rangeAgg = agg<PgRange[] | null>(
    'range_agg',
    [R],
    M,
    () => null,
    (st, a) => {
      const s = st ?? [];
      if (a[0] !== null) s.push(rg(a[0]));
      return s;
    },
    (st, rt, call) => (st === null || st.length === 0 ? null : makeMultirange(D(rt, call), st)),
    false,
  );
  Object.assign(rangeAgg, as([AR], AM));
  const multiAgg = agg<PgRange[] | null>(
    'range_agg',
    [M],
    M,
    () => null,
    (st, a) => {
      const s = st ?? [];
      if (a[0] !== null) {
        const rs = mr(a[0]).ranges;
        if (rs.length === 0) s.push(EMPTY);
        else for (const r of rs) s.push(r);
      }
      return s;
    },
    (st, rt, call) => (st === null || st.length === 0 ? null : makeMultirange(D(rt, call), st)),
    false,
  );
  Object.assign(multiAgg, as([AM], AM));
  const intersectAgg = agg<PgMultirange | null>(
    'range_intersect_agg',
    [M],
    M,
    () => null,
    (st, a, rt, call) => (st === null ? mr(a[0]) : multirangeIntersect(D(rt, call), st, mr(a[0]))),
    (st) => st,
  );
  Object.assign(intersectAgg, as([AM], AM));

  if (generic) return;
  const d = m.range;

  // Constructors, multirange(range) and the range → multirange cast.
  const one = (r: Value) => makeMultirange(d, [rg(r)]);
  fn(m.name, [], M, () => makeMultirange(d, []));
  fn(m.name, [R], M, (a) => one(a[0]));
  fn(
    m.name,
    [rangeArrayOid(R)],
    M,
    (a) => {
      const arr = a[0] as PgArray;
      if (arr.dims.length > 1) throw new PgError(SQLSTATE.cardinality_violation, 'multiranges cannot be constructed from multidimensional arrays');
      for (const x of arr.items) if (x === null) throw new PgError(SQLSTATE.null_value_not_allowed, 'multirange values cannot contain null members');
      return makeMultirange(d, arr.items as PgRange[]);
    },
    { variadic: rangeArrayOid(R) },
  );
  registerCast(R, M, (v) => one(v));

}

/** The array type of a built-in range type (`int4range[]`). */
function rangeArrayOid(rangeOid: number): number {
  return RANGE_ARRAYS[rangeOid];
}
const RANGE_ARRAYS: Record<number, number> = {
  [OID.int4range]: 3905,
  [OID.numrange]: 3907,
  [OID.tsrange]: 3909,
  [OID.tstzrange]: 3911,
  [OID.daterange]: 3913,
  [OID.int8range]: 3927,
};

for (const m of MULTIRANGE_TYPES) registerMultirange(m, m.oid, m.range.oid, m.range.subtype, () => m.range);

registerMultirange(undefined, AM, AR, AE, userRangeDef);
