/**
 * Temporal foreign keys (`FOREIGN KEY (id, PERIOD valid_at) REFERENCES t (id, PERIOD valid_at)`):
 * the range arithmetic of their RI queries. The PERIOD column matches by overlap (`&&`) instead of
 * equality, and a key is present when the referenced rows' periods together (range_agg) contain
 * the referencing period; when a referenced row goes (NO ACTION), a referencing row is in
 * violation if the part of its period the old row covered is no longer covered by what remains.
 * Ranges and multiranges are both handled as multiranges (a range is a one-range multirange).
 *
 * Postgres counterpart: src/backend/utils/adt/ri_triggers.c (RI_FKey_check's and ri_restrict's
 * temporal queries: `$n <@ range_agg(pkperiod)`, `NOT coalesce((fkperiod * $n) <@ (SELECT
 * range_agg(...)), false)`).
 */
import { makeMultirange, multirangeContainsMultirange, multirangeIntersect, multirangeOverlapsMultirange } from '../types/multirange.js';
import { multirangeDefIn, rangeDefIn } from '../types/user-range.js';
import type { Catalog } from '../catalog/catalog.js';
import type { RangeTypeDef } from '../types/range.js';
import { PgMultirange, PgRange, type Value } from '../types/values.js';

/** The period operations of one range or multirange type. */
export interface PeriodOps {
  /** `a && b`. */
  readonly overlaps: (a: Value, b: Value) => boolean;
  /** `target <@ range_agg(periods)` (false when there are none: range_agg of no rows is NULL). */
  readonly covered: (periods: readonly Value[], target: Value) => boolean;
  /** `(fk * old) <@ range_agg(periods)`, coalesced to false. */
  readonly intersectionCovered: (fk: Value, old: Value, periods: readonly Value[]) => boolean;
  /** `a <@ b`. */
  readonly containedBy: (a: Value, b: Value) => boolean;
}

const cache = new WeakMap<RangeTypeDef, PeriodOps>();

/** The period operations of `type` (a range or multirange type, built-in or user-defined). */
export function periodOps(cat: Catalog, type: number): PeriodOps {
  const d: RangeTypeDef = rangeDefIn(cat, type) ?? multirangeDefIn(cat, type)!.range;
  let ops = cache.get(d);
  if (ops) return ops;
  const mr = (v: Value): PgMultirange => (v instanceof PgRange ? makeMultirange(d, [v]) : (v as PgMultirange));
  const agg = (periods: readonly Value[]): PgMultirange => makeMultirange(d, periods.flatMap((p) => mr(p).ranges));
  ops = {
    overlaps: (a, b) => multirangeOverlapsMultirange(d, mr(a), mr(b)),
    covered: (periods, target) => periods.length > 0 && multirangeContainsMultirange(d, agg(periods), mr(target)),
    containedBy: (a, b) => multirangeContainsMultirange(d, mr(b), mr(a)),
    intersectionCovered: (fk, old, periods) => periods.length > 0 && multirangeContainsMultirange(d, agg(periods), multirangeIntersect(d, mr(fk), mr(old))),
  };
  cache.set(d, ops);
  return ops;
}
