/**
 * The C functions behind the point, lseg and line functions and operators, and the distance,
 * closest-point, containment and intersection functions between those and boxes/paths/polygons
 * (dist_*, close_*, on_*, inter_*), keyed by their pg_proc prosrc name.
 *
 * Postgres counterpart: src/backend/utils/adt/geo_ops.c (the point_*, lseg_*, line_*, dist_*,
 * close_*, on_*, inter_* SQL-callable functions).
 * Known gaps: none known.
 */
import { PgError } from '../../../errors/pg-error.js';
import { SQLSTATE } from '../../../errors/sqlstate.js';
import { FPeq, FPge, FPgt, FPle, FPlt, FPzero, div, feq, hypot, mi, mul, pl } from '../../../types/geo/geo-float.js';
import {
  boxCloseLseg,
  boxClosePoint,
  boxContainPoint,
  boxInterptLseg,
  lineClosePoint,
  lineContainPoint,
  lineInterpt,
  lsegCloseLine,
  lsegCloseLseg,
  lsegClosePoint,
  lsegContainPoint,
  lsegInterptLine,
  lsegInterptLseg,
  lsegInvsl,
  lsegSl,
} from '../../../types/geo/geo-closest.js';
import { distPointPath, distPointPoly, onPath } from '../../../types/geo/geo-polygon.js';
import { lineFromPoints, lineSl, pointAdd, pointDiv, pointDt, pointEq, pointMul, pointSl, pointSub } from '../../../types/geo/geo-primitives.js';
import { PgLine, PgLseg, PgPoint, type PgBox, type PgPath, type PgPolygon } from '../../../types/geo/geo-values.js';
import type { Value } from '../../../types/values.js';

export type GeoImpl = (a: Value[]) => Value;

const P = (v: Value) => v as PgPoint;
const S = (v: Value) => v as PgLseg;
const L = (v: Value) => v as PgLine;
const B = (v: Value) => v as PgBox;
const lsegLength = (s: PgLseg): number => pointDt(s.p0, s.p1);
/** A closest point, or null when its distance is NaN (close_* return NULL then). */
const closeOrNull = (c: { d: number; p: PgPoint }): PgPoint | null => (c.d !== c.d ? null : c.p);

export const POINT_LINE_IMPLS: Record<string, GeoImpl> = {
  construct_point: (a) => new PgPoint(a[0] as number, a[1] as number),
  point_add: (a) => pointAdd(P(a[0]), P(a[1])),
  point_sub: (a) => pointSub(P(a[0]), P(a[1])),
  point_mul: (a) => pointMul(P(a[0]), P(a[1])),
  point_div: (a) => pointDiv(P(a[0]), P(a[1])),
  point_left: (a) => FPlt(P(a[0]).x, P(a[1]).x),
  point_right: (a) => FPgt(P(a[0]).x, P(a[1]).x),
  point_above: (a) => FPgt(P(a[0]).y, P(a[1]).y),
  point_below: (a) => FPlt(P(a[0]).y, P(a[1]).y),
  point_vert: (a) => FPeq(P(a[0]).x, P(a[1]).x),
  point_horiz: (a) => FPeq(P(a[0]).y, P(a[1]).y),
  point_eq: (a) => pointEq(P(a[0]), P(a[1])),
  point_ne: (a) => !pointEq(P(a[0]), P(a[1])),
  point_distance: (a) => pointDt(P(a[0]), P(a[1])),
  point_slope: (a) => pointSl(P(a[0]), P(a[1])),

  lseg_construct: (a) => new PgLseg(P(a[0]), P(a[1])),
  lseg_length: (a) => lsegLength(S(a[0])),
  lseg_intersect: (a) => lsegInterptLseg(S(a[0]), S(a[1])) !== null,
  lseg_parallel: (a) => FPeq(lsegSl(S(a[0])), lsegSl(S(a[1]))),
  lseg_perp: (a) => FPeq(lsegSl(S(a[0])), lsegInvsl(S(a[1]))),
  lseg_vertical: (a) => FPeq(S(a[0]).p0.x, S(a[0]).p1.x),
  lseg_horizontal: (a) => FPeq(S(a[0]).p0.y, S(a[0]).p1.y),
  lseg_eq: (a) => pointEq(S(a[0]).p0, S(a[1]).p0) && pointEq(S(a[0]).p1, S(a[1]).p1),
  lseg_ne: (a) => !pointEq(S(a[0]).p0, S(a[1]).p0) || !pointEq(S(a[0]).p1, S(a[1]).p1),
  lseg_lt: (a) => FPlt(lsegLength(S(a[0])), lsegLength(S(a[1]))),
  lseg_le: (a) => FPle(lsegLength(S(a[0])), lsegLength(S(a[1]))),
  lseg_gt: (a) => FPgt(lsegLength(S(a[0])), lsegLength(S(a[1]))),
  lseg_ge: (a) => FPge(lsegLength(S(a[0])), lsegLength(S(a[1]))),
  lseg_distance: (a) => lsegCloseLseg(S(a[0]), S(a[1])).d,
  lseg_center: (a) => new PgPoint(div(pl(S(a[0]).p0.x, S(a[0]).p1.x), 2), div(pl(S(a[0]).p0.y, S(a[0]).p1.y), 2)),
  lseg_interpt: (a) => lsegInterptLseg(S(a[0]), S(a[1])),

  line_construct_pp: (a) => {
    if (pointEq(P(a[0]), P(a[1]))) {
      throw new PgError(SQLSTATE.invalid_parameter_value, 'invalid line specification: must be two distinct points');
    }
    return lineFromPoints(P(a[0]), P(a[1]));
  },
  line_intersect: (a) => lineInterpt(L(a[0]), L(a[1])) !== null,
  line_parallel: (a) => lineInterpt(L(a[0]), L(a[1])) === null,
  line_perp: (a) => {
    const l1 = L(a[0]);
    const l2 = L(a[1]);
    if (FPzero(l1.a)) return FPzero(l2.b);
    if (FPzero(l2.a)) return FPzero(l1.b);
    if (FPzero(l1.b)) return FPzero(l2.a);
    if (FPzero(l2.b)) return FPzero(l1.a);
    return FPeq(div(mul(l1.a, l2.a), mul(l1.b, l2.b)), -1);
  },
  line_vertical: (a) => FPzero(L(a[0]).b),
  line_horizontal: (a) => FPzero(L(a[0]).a),
  line_eq: (a) => {
    const l1 = L(a[0]);
    const l2 = L(a[1]);
    if ([l1.a, l1.b, l1.c, l2.a, l2.b, l2.c].some((x) => x !== x)) return feq(l1.a, l2.a) && feq(l1.b, l2.b) && feq(l1.c, l2.c);
    const ratio = !FPzero(l2.a) ? div(l1.a, l2.a) : !FPzero(l2.b) ? div(l1.b, l2.b) : !FPzero(l2.c) ? div(l1.c, l2.c) : 1;
    return FPeq(l1.a, mul(ratio, l2.a)) && FPeq(l1.b, mul(ratio, l2.b)) && FPeq(l1.c, mul(ratio, l2.c));
  },
  line_distance: (a) => {
    const l1 = L(a[0]);
    const l2 = L(a[1]);
    if (lineInterpt(l1, l2)) return 0;
    const ok = (x: number) => !FPzero(x) && x === x;
    const ratio = ok(l1.a) && ok(l2.a) ? div(l1.a, l2.a) : ok(l1.b) && ok(l2.b) ? div(l1.b, l2.b) : 1;
    return div(Math.abs(mi(l1.c, mul(ratio, l2.c))), hypot(l1.a, l1.b));
  },
  line_interpt: (a) => lineInterpt(L(a[0]), L(a[1])),

  dist_pl: (a) => lineClosePoint(L(a[1]), P(a[0])).d,
  dist_lp: (a) => lineClosePoint(L(a[0]), P(a[1])).d,
  dist_ps: (a) => lsegClosePoint(S(a[1]), P(a[0])).d,
  dist_sp: (a) => lsegClosePoint(S(a[0]), P(a[1])).d,
  dist_pb: (a) => boxClosePoint(B(a[1]), P(a[0])).d,
  dist_bp: (a) => boxClosePoint(B(a[0]), P(a[1])).d,
  dist_sl: (a) => lsegCloseLine(S(a[0]), L(a[1])).d,
  dist_ls: (a) => lsegCloseLine(S(a[1]), L(a[0])).d,
  dist_sb: (a) => boxCloseLseg(B(a[1]), S(a[0])).d,
  dist_bs: (a) => boxCloseLseg(B(a[0]), S(a[1])).d,
  dist_ppath: (a) => distPointPath(P(a[0]), a[1] as PgPath),
  dist_pathp: (a) => distPointPath(P(a[1]), a[0] as PgPath),
  dist_ppoly: (a) => distPointPoly(P(a[0]), a[1] as PgPolygon),
  dist_polyp: (a) => distPointPoly(P(a[1]), a[0] as PgPolygon),

  close_pl: (a) => closeOrNull(lineClosePoint(L(a[1]), P(a[0]))),
  close_ps: (a) => closeOrNull(lsegClosePoint(S(a[1]), P(a[0]))),
  close_pb: (a) => closeOrNull(boxClosePoint(B(a[1]), P(a[0]))),
  close_sb: (a) => closeOrNull(boxCloseLseg(B(a[1]), S(a[0]))),
  close_ls: (a) => (lsegSl(S(a[1])) === lineSl(L(a[0])) ? null : closeOrNull(lsegCloseLine(S(a[1]), L(a[0])))),
  close_lseg: (a) => (lsegSl(S(a[0])) === lsegSl(S(a[1])) ? null : closeOrNull(lsegCloseLseg(S(a[1]), S(a[0])))),

  on_pl: (a) => lineContainPoint(L(a[1]), P(a[0])),
  on_ps: (a) => lsegContainPoint(S(a[1]), P(a[0])),
  on_pb: (a) => boxContainPoint(B(a[1]), P(a[0])),
  box_contain_pt: (a) => boxContainPoint(B(a[0]), P(a[1])),
  on_ppath: (a) => onPath(P(a[0]), a[1] as PgPath),
  path_contain_pt: (a) => onPath(P(a[1]), a[0] as PgPath),
  on_sl: (a) => lineContainPoint(L(a[1]), S(a[0]).p0) && lineContainPoint(L(a[1]), S(a[0]).p1),
  on_sb: (a) => boxContainPoint(B(a[1]), S(a[0]).p0) && boxContainPoint(B(a[1]), S(a[0]).p1),
  inter_sl: (a) => lsegInterptLine(S(a[0]), L(a[1])) !== null,
  inter_sb: (a) => boxInterptLseg(B(a[1]), S(a[0])) !== null,
  inter_lb: (a) => {
    const line = L(a[0]);
    const b = B(a[1]);
    const ll = b.low;
    const ul = new PgPoint(b.low.x, b.high.y);
    const ur = b.high;
    const lr = new PgPoint(b.high.x, b.low.y);
    return [new PgLseg(ll, ul), new PgLseg(ur, ul), new PgLseg(ur, lr), new PgLseg(ll, lr)].some((s) => lsegInterptLine(s, line) !== null);
  },
};
