/**
 * The C functions behind the box, path, polygon and circle functions and operators, keyed by
 * their pg_proc prosrc name: position and containment tests, area-based comparisons, arithmetic
 * with a point, conversions between the shapes.
 *
 * Postgres counterpart: src/backend/utils/adt/geo_ops.c (box_*, path_*, poly_*, circle_*,
 * points_box, point_box, boxes_bound_box, cr_circle, dist_pc, dist_cpoint, dist_cpoly, dist_polyc,
 * pt_contained_*); circle_poly12 is Postgres's SQL function polygon(circle) = polygon(12, $1).
 * Known gaps: none known.
 */
import { PgError } from '../../../errors/pg-error.js';
import { SQLSTATE } from '../../../errors/sqlstate.js';
import { FPeq, FPge, FPgt, FPle, FPlt, FPne, FPzero, div, fmax, fmin, hypot, mi, mul, pl } from '../../../types/geo/geo-float.js';
import { boxOverlap } from '../../../types/geo/geo-closest.js';
import {
  boxContainBox,
  distPointPoly,
  pathDistance,
  pathInter,
  plistSame,
  pointInside,
  polyContainPoly,
  polyDistance,
  polyOverlap,
  polyToCircle,
} from '../../../types/geo/geo-polygon.js';
import {
  boxArea,
  boxCenter,
  boxHeight,
  boxWidth,
  circleArea,
  makeBox,
  makePolygon,
  pointAdd,
  pointDiv,
  pointDt,
  pointEq,
  pointMul,
  pointSub,
} from '../../../types/geo/geo-primitives.js';
import { PgBox, PgCircle, PgLseg, PgPath, PgPoint, type PgPolygon } from '../../../types/geo/geo-values.js';
import { cos, sin } from '../../../types/geo/geo-trig.js';
import type { Value } from '../../../types/values.js';
import type { GeoImpl } from './impl-point-line.js';

const P = (v: Value) => v as PgPoint;
const B = (v: Value) => v as PgBox;
const PA = (v: Value) => v as PgPath;
const PG = (v: Value) => v as PgPolygon;
const C = (v: Value) => v as PgCircle;

/** A box binary predicate. */
const bb = (f: (a: PgBox, b: PgBox) => boolean): GeoImpl => (a) => f(B(a[0]), B(a[1]));
/** A polygon predicate on the bounding boxes (exact comparisons, as poly_left and friends). */
const pb = (f: (a: PgBox, b: PgBox) => boolean): GeoImpl => (a) => f(PG(a[0]).boundbox, PG(a[1]).boundbox);
const cc = (f: (a: PgCircle, b: PgCircle) => boolean): GeoImpl => (a) => f(C(a[0]), C(a[1]));
const pathMap = (f: (p: PgPoint, q: PgPoint) => PgPoint): GeoImpl => (a) => new PgPath(PA(a[0]).points.map((p) => f(p, P(a[1]))), PA(a[0]).closed);

function circlePoly(npts: number, c: PgCircle): PgPolygon {
  if (FPzero(c.radius)) throw new PgError(SQLSTATE.feature_not_supported, 'cannot convert circle with radius zero to polygon');
  if (npts < 2) throw new PgError(SQLSTATE.invalid_parameter_value, 'must request at least 2 points');
  const step = div(2.0 * Math.PI, npts);
  const pts: PgPoint[] = [];
  for (let i = 0; i < npts; i++) {
    const angle = mul(step, i);
    pts.push(new PgPoint(mi(c.center.x, mul(c.radius, cos(angle))), pl(c.center.y, mul(c.radius, sin(angle)))));
  }
  return makePolygon(pts);
}

function distCirclePoly(c: PgCircle, poly: PgPolygon): number {
  const d = mi(distPointPoly(c.center, poly), c.radius);
  return d < 0 ? 0 : d;
}

function distPointCircle(p: PgPoint, c: PgCircle): number {
  const d = mi(pointDt(p, c.center), c.radius);
  return d < 0 ? 0 : d;
}

export const SHAPE_IMPLS: Record<string, GeoImpl> = {
  points_box: (a) => makeBox(P(a[0]), P(a[1])),
  point_box: (a) => new PgBox(P(a[0]), P(a[0])),
  box_same: bb((x, y) => pointEq(x.high, y.high) && pointEq(x.low, y.low)),
  box_overlap: bb(boxOverlap),
  box_left: bb((x, y) => FPlt(x.high.x, y.low.x)),
  box_overleft: bb((x, y) => FPle(x.high.x, y.high.x)),
  box_right: bb((x, y) => FPgt(x.low.x, y.high.x)),
  box_overright: bb((x, y) => FPge(x.low.x, y.low.x)),
  box_below: bb((x, y) => FPlt(x.high.y, y.low.y)),
  box_overbelow: bb((x, y) => FPle(x.high.y, y.high.y)),
  box_above: bb((x, y) => FPgt(x.low.y, y.high.y)),
  box_overabove: bb((x, y) => FPge(x.low.y, y.low.y)),
  box_contained: bb((x, y) => boxContainBox(y, x)),
  box_contain: bb((x, y) => boxContainBox(x, y)),
  box_below_eq: bb((x, y) => FPle(x.high.y, y.low.y)),
  box_above_eq: bb((x, y) => FPge(x.low.y, y.high.y)),
  box_lt: bb((x, y) => FPlt(boxArea(x), boxArea(y))),
  box_gt: bb((x, y) => FPgt(boxArea(x), boxArea(y))),
  box_eq: bb((x, y) => FPeq(boxArea(x), boxArea(y))),
  box_le: bb((x, y) => FPle(boxArea(x), boxArea(y))),
  box_ge: bb((x, y) => FPge(boxArea(x), boxArea(y))),
  box_area: (a) => boxArea(B(a[0])),
  box_width: (a) => boxWidth(B(a[0])),
  box_height: (a) => boxHeight(B(a[0])),
  box_distance: (a) => pointDt(boxCenter(B(a[0])), boxCenter(B(a[1]))),
  box_center: (a) => boxCenter(B(a[0])),
  box_intersect: (a) => {
    const x = B(a[0]);
    const y = B(a[1]);
    if (!boxOverlap(x, y)) return null;
    return new PgBox(new PgPoint(fmin(x.high.x, y.high.x), fmin(x.high.y, y.high.y)), new PgPoint(fmax(x.low.x, y.low.x), fmax(x.low.y, y.low.y)));
  },
  box_diagonal: (a) => new PgLseg(B(a[0]).high, B(a[0]).low),
  boxes_bound_box: (a) => {
    const x = B(a[0]);
    const y = B(a[1]);
    return new PgBox(new PgPoint(fmax(x.high.x, y.high.x), fmax(x.high.y, y.high.y)), new PgPoint(fmin(x.low.x, y.low.x), fmin(x.low.y, y.low.y)));
  },
  box_add: (a) => new PgBox(pointAdd(B(a[0]).high, P(a[1])), pointAdd(B(a[0]).low, P(a[1]))),
  box_sub: (a) => new PgBox(pointSub(B(a[0]).high, P(a[1])), pointSub(B(a[0]).low, P(a[1]))),
  box_mul: (a) => makeBox(pointMul(B(a[0]).high, P(a[1])), pointMul(B(a[0]).low, P(a[1]))),
  box_div: (a) => makeBox(pointDiv(B(a[0]).high, P(a[1])), pointDiv(B(a[0]).low, P(a[1]))),
  box_poly: (a) => {
    const b = B(a[0]);
    const pts = [b.low, new PgPoint(b.low.x, b.high.y), b.high, new PgPoint(b.high.x, b.low.y)];
    return makePolygon(pts);
  },
  box_circle: (a) => {
    const b = B(a[0]);
    const center = boxCenter(b);
    return new PgCircle(center, pointDt(center, b.high));
  },

  path_area: (a) => {
    const p = PA(a[0]);
    if (!p.closed) return null;
    let area = 0;
    const n = p.points.length;
    for (let i = 0; i < n; i++) {
      const j = (i + 1) % n;
      area = pl(area, mul(p.points[i].x, p.points[j].y));
      area = mi(area, mul(p.points[i].y, p.points[j].x));
    }
    return div(Math.abs(area), 2);
  },
  path_n_lt: (a) => PA(a[0]).points.length < PA(a[1]).points.length,
  path_n_gt: (a) => PA(a[0]).points.length > PA(a[1]).points.length,
  path_n_eq: (a) => PA(a[0]).points.length === PA(a[1]).points.length,
  path_n_le: (a) => PA(a[0]).points.length <= PA(a[1]).points.length,
  path_n_ge: (a) => PA(a[0]).points.length >= PA(a[1]).points.length,
  path_isclosed: (a) => PA(a[0]).closed,
  path_isopen: (a) => !PA(a[0]).closed,
  path_npoints: (a) => PA(a[0]).points.length,
  path_close: (a) => new PgPath(PA(a[0]).points, true),
  path_open: (a) => new PgPath(PA(a[0]).points, false),
  path_inter: (a) => pathInter(PA(a[0]), PA(a[1])),
  path_distance: (a) => pathDistance(PA(a[0]), PA(a[1])),
  path_length: (a) => {
    const p = PA(a[0]);
    let r = 0;
    for (let i = 0; i < p.points.length; i++) {
      if (i > 0) r = pl(r, pointDt(p.points[i - 1], p.points[i]));
      else if (p.closed) r = pl(r, pointDt(p.points[p.points.length - 1], p.points[0]));
    }
    return r;
  },
  path_add: (a) => (PA(a[0]).closed || PA(a[1]).closed ? null : new PgPath([...PA(a[0]).points, ...PA(a[1]).points], false)),
  path_add_pt: pathMap(pointAdd),
  path_sub_pt: pathMap(pointSub),
  path_mul_pt: pathMap(pointMul),
  path_div_pt: pathMap(pointDiv),
  path_poly: (a) => {
    if (!PA(a[0]).closed) throw new PgError(SQLSTATE.invalid_parameter_value, 'open path cannot be converted to polygon');
    return makePolygon(PA(a[0]).points);
  },

  poly_left: pb((x, y) => x.high.x < y.low.x),
  poly_overleft: pb((x, y) => x.high.x <= y.high.x),
  poly_right: pb((x, y) => x.low.x > y.high.x),
  poly_overright: pb((x, y) => x.low.x >= y.low.x),
  poly_below: pb((x, y) => x.high.y < y.low.y),
  poly_overbelow: pb((x, y) => x.high.y <= y.high.y),
  poly_above: pb((x, y) => x.low.y > y.high.y),
  poly_overabove: pb((x, y) => x.low.y >= y.low.y),
  poly_same: (a) => PG(a[0]).points.length === PG(a[1]).points.length && plistSame(PG(a[0]).points, PG(a[1]).points),
  poly_overlap: (a) => polyOverlap(PG(a[0]), PG(a[1])),
  poly_contain: (a) => polyContainPoly(PG(a[0]), PG(a[1])),
  poly_contained: (a) => polyContainPoly(PG(a[1]), PG(a[0])),
  poly_contain_pt: (a) => pointInside(P(a[1]), PG(a[0]).points) !== 0,
  pt_contained_poly: (a) => pointInside(P(a[0]), PG(a[1]).points) !== 0,
  poly_distance: (a) => polyDistance(PG(a[0]), PG(a[1])),
  poly_npoints: (a) => PG(a[0]).points.length,
  poly_center: (a) => polyToCircle(PG(a[0])).center,
  poly_box: (a) => PG(a[0]).boundbox,
  poly_path: (a) => new PgPath(PG(a[0]).points, true),
  poly_circle: (a) => polyToCircle(PG(a[0])),

  circle_same: cc((x, y) => ((x.radius !== x.radius && y.radius !== y.radius) || FPeq(x.radius, y.radius)) && pointEq(x.center, y.center)),
  circle_overlap: cc((x, y) => FPle(pointDt(x.center, y.center), pl(x.radius, y.radius))),
  circle_overleft: cc((x, y) => FPle(pl(x.center.x, x.radius), pl(y.center.x, y.radius))),
  circle_left: cc((x, y) => FPlt(pl(x.center.x, x.radius), mi(y.center.x, y.radius))),
  circle_right: cc((x, y) => FPgt(mi(x.center.x, x.radius), pl(y.center.x, y.radius))),
  circle_overright: cc((x, y) => FPge(mi(x.center.x, x.radius), mi(y.center.x, y.radius))),
  circle_contained: cc((x, y) => FPle(pointDt(x.center, y.center), mi(y.radius, x.radius))),
  circle_contain: cc((x, y) => FPle(pointDt(x.center, y.center), mi(x.radius, y.radius))),
  circle_below: cc((x, y) => FPlt(pl(x.center.y, x.radius), mi(y.center.y, y.radius))),
  circle_above: cc((x, y) => FPgt(mi(x.center.y, x.radius), pl(y.center.y, y.radius))),
  circle_overbelow: cc((x, y) => FPle(pl(x.center.y, x.radius), pl(y.center.y, y.radius))),
  circle_overabove: cc((x, y) => FPge(mi(x.center.y, x.radius), mi(y.center.y, y.radius))),
  circle_eq: cc((x, y) => FPeq(circleArea(x), circleArea(y))),
  circle_ne: cc((x, y) => FPne(circleArea(x), circleArea(y))),
  circle_lt: cc((x, y) => FPlt(circleArea(x), circleArea(y))),
  circle_gt: cc((x, y) => FPgt(circleArea(x), circleArea(y))),
  circle_le: cc((x, y) => FPle(circleArea(x), circleArea(y))),
  circle_ge: cc((x, y) => FPge(circleArea(x), circleArea(y))),
  circle_add_pt: (a) => new PgCircle(pointAdd(C(a[0]).center, P(a[1])), C(a[0]).radius),
  circle_sub_pt: (a) => new PgCircle(pointSub(C(a[0]).center, P(a[1])), C(a[0]).radius),
  circle_mul_pt: (a) => new PgCircle(pointMul(C(a[0]).center, P(a[1])), mul(C(a[0]).radius, hypot(P(a[1]).x, P(a[1]).y))),
  circle_div_pt: (a) => new PgCircle(pointDiv(C(a[0]).center, P(a[1])), div(C(a[0]).radius, hypot(P(a[1]).x, P(a[1]).y))),
  circle_area: (a) => circleArea(C(a[0])),
  circle_diameter: (a) => mul(C(a[0]).radius, 2),
  circle_radius: (a) => C(a[0]).radius,
  circle_distance: (a) => {
    const d = mi(pointDt(C(a[0]).center, C(a[1]).center), pl(C(a[0]).radius, C(a[1]).radius));
    return d < 0 ? 0 : d;
  },
  circle_contain_pt: (a) => pointDt(C(a[0]).center, P(a[1])) <= C(a[0]).radius,
  pt_contained_circle: (a) => pointDt(C(a[1]).center, P(a[0])) <= C(a[1]).radius,
  dist_pc: (a) => distPointCircle(P(a[0]), C(a[1])),
  dist_cpoint: (a) => distPointCircle(P(a[1]), C(a[0])),
  dist_cpoly: (a) => distCirclePoly(C(a[0]), PG(a[1])),
  dist_polyc: (a) => distCirclePoly(C(a[1]), PG(a[0])),
  circle_center: (a) => C(a[0]).center,
  cr_circle: (a) => new PgCircle(P(a[0]), a[1] as number),
  circle_box: (a) => {
    const c = C(a[0]);
    const delta = div(c.radius, Math.SQRT2);
    return new PgBox(new PgPoint(pl(c.center.x, delta), pl(c.center.y, delta)), new PgPoint(mi(c.center.x, delta), mi(c.center.y, delta)));
  },
  circle_poly: (a) => circlePoly(a[0] as number, C(a[1])),
  circle_poly12: (a) => circlePoly(12, C(a[0])),
};
