/**
 * Building blocks of the geometric operators: point equality, distance and slope, line and box
 * construction, polygon bounding boxes, point arithmetic (points as complex numbers for * and /).
 *
 * Postgres counterpart: src/backend/utils/adt/geo_ops.c (point_eq_point, point_dt, point_sl,
 * point_invsl, line_construct, line_sl, line_invsl, box_construct, box_cn, box_ar, make_bound_box,
 * point_add_point, point_sub_point, point_mul_point, point_div_point, circle_ar).
 * Known gaps: none known.
 */
import { FPeq, FPzero, div, feq, fgt, flt, hypot, mi, mul, pl } from './geo-float.js';
import { PgBox, PgCircle, PgLine, PgPoint, PgPolygon } from './geo-values.js';

/** point_eq_point: fuzzy equality, except that NaN coordinates must match exactly. */
export function pointEq(a: PgPoint, b: PgPoint): boolean {
  if (a.x !== a.x || a.y !== a.y || b.x !== b.x || b.y !== b.y) return feq(a.x, b.x) && feq(a.y, b.y);
  return FPeq(a.x, b.x) && FPeq(a.y, b.y);
}

/** point_dt: Euclidean distance. */
export const pointDt = (a: PgPoint, b: PgPoint): number => hypot(mi(a.x, b.x), mi(a.y, b.y));

/** point_sl: slope of the line through two points (Infinity when vertical). */
export function pointSl(a: PgPoint, b: PgPoint): number {
  if (FPeq(a.x, b.x)) return Infinity;
  if (FPeq(a.y, b.y)) return 0;
  return div(mi(a.y, b.y), mi(a.x, b.x));
}

/** point_invsl: slope of the perpendicular. */
export function pointInvsl(a: PgPoint, b: PgPoint): number {
  if (FPeq(a.x, b.x)) return 0;
  if (FPeq(a.y, b.y)) return Infinity;
  return div(mi(a.x, b.x), mi(b.y, a.y));
}

/** line_construct: the line through `pt` with slope `m`. */
export function lineConstruct(pt: PgPoint, m: number): PgLine {
  if (m === Infinity || m === -Infinity) return new PgLine(-1, 0, pt.x);
  if (m === 0) return new PgLine(0, -1, pt.y);
  const c = mi(pt.y, mul(m, pt.x));
  return new PgLine(m, -1, c === 0 ? 0 : c);
}

/** The line through two (distinct) points. */
export const lineFromPoints = (a: PgPoint, b: PgPoint): PgLine => lineConstruct(a, pointSl(a, b));

/** line_sl. */
export function lineSl(l: PgLine): number {
  if (FPzero(l.a)) return 0;
  if (FPzero(l.b)) return Infinity;
  return div(l.a, -l.b);
}

/** line_invsl. */
export function lineInvsl(l: PgLine): number {
  if (FPzero(l.a)) return Infinity;
  if (FPzero(l.b)) return 0;
  return div(l.b, l.a);
}

/** box_construct: the box with corners p1 and p2, in either order. */
export function makeBox(p1: PgPoint, p2: PgPoint): PgBox {
  const [hx, lx] = fgt(p1.x, p2.x) ? [p1.x, p2.x] : [p2.x, p1.x];
  const [hy, ly] = fgt(p1.y, p2.y) ? [p1.y, p2.y] : [p2.y, p1.y];
  return new PgBox(new PgPoint(hx, hy), new PgPoint(lx, ly));
}

/** box_cn: center. */
export const boxCenter = (b: PgBox): PgPoint => new PgPoint(div(pl(b.high.x, b.low.x), 2), div(pl(b.high.y, b.low.y), 2));
export const boxWidth = (b: PgBox): number => mi(b.high.x, b.low.x);
export const boxHeight = (b: PgBox): number => mi(b.high.y, b.low.y);
export const boxArea = (b: PgBox): number => mul(boxWidth(b), boxHeight(b));

/** A polygon with its bounding box (make_bound_box). */
export function makePolygon(points: readonly PgPoint[]): PgPolygon {
  let x1 = points[0].x;
  let x2 = x1;
  let y1 = points[0].y;
  let y2 = y1;
  for (let i = 1; i < points.length; i++) {
    const p = points[i];
    if (flt(p.x, x1)) x1 = p.x;
    if (fgt(p.x, x2)) x2 = p.x;
    if (flt(p.y, y1)) y1 = p.y;
    if (fgt(p.y, y2)) y2 = p.y;
  }
  return new PgPolygon(points, new PgBox(new PgPoint(x2, y2), new PgPoint(x1, y1)));
}

export const pointAdd = (a: PgPoint, b: PgPoint): PgPoint => new PgPoint(pl(a.x, b.x), pl(a.y, b.y));
export const pointSub = (a: PgPoint, b: PgPoint): PgPoint => new PgPoint(mi(a.x, b.x), mi(a.y, b.y));
/** point_mul_point: complex multiplication. */
export const pointMul = (a: PgPoint, b: PgPoint): PgPoint =>
  new PgPoint(mi(mul(a.x, b.x), mul(a.y, b.y)), pl(mul(a.x, b.y), mul(a.y, b.x)));
/** point_div_point: complex division. */
export function pointDiv(a: PgPoint, b: PgPoint): PgPoint {
  const d = pl(mul(b.x, b.x), mul(b.y, b.y));
  return new PgPoint(div(pl(mul(a.x, b.x), mul(a.y, b.y)), d), div(mi(mul(a.y, b.x), mul(a.x, b.y)), d));
}

/** circle_ar: area. */
export const circleArea = (c: PgCircle): number => mul(mul(c.radius, c.radius), Math.PI);
