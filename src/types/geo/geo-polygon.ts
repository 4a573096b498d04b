/**
 * Polygon and path algorithms: point in polygon (winding by crossings), polygon equality up to
 * rotation and direction, overlap, containment of one polygon in another, and the distances
 * between paths, polygons and points.
 *
 * Postgres counterpart: src/backend/utils/adt/geo_ops.c (point_inside, lseg_crossing, plist_same,
 * poly_overlap_internal, lseg_inside_poly, touched_lseg_inside_poly, poly_contain_poly,
 * dist_ppoly_internal, dist_ppath_internal, path_inter, path_distance, poly_distance, on_ppath,
 * poly_to_circle).
 * Known gaps: none known.
 */
import { FPeq, FPge, FPgt, FPle, FPlt, FPzero, div, flt, fmax, fmin, mi, mul, pl } from './geo-float.js';
import { lsegClosePoint, lsegCloseLseg, lsegContainPoint, lsegInterptLseg, boxOverlap } from './geo-closest.js';
import { pointAdd, pointDt, pointEq } from './geo-primitives.js';
import { PgBox, PgCircle, PgLseg, PgPath, PgPoint, type PgPolygon } from './geo-values.js';

const ON_POLYGON = 2147483647;

/** lseg_crossing: how the segment from (prev_x, prev_y) to (x, y) crosses the positive x axis. */
function lsegCrossing(x: number, y: number, prevX: number, prevY: number): number {
  if (FPzero(y)) {
    if (FPzero(x)) return ON_POLYGON;
    if (FPgt(x, 0)) {
      if (FPzero(prevY)) return FPgt(prevX, 0) ? 0 : ON_POLYGON;
      return FPlt(prevY, 0) ? 1 : -1;
    }
    if (FPzero(prevY)) return FPlt(prevX, 0) ? 0 : ON_POLYGON;
    return 0;
  }
  const ySign = FPgt(y, 0) ? 1 : -1;
  if (FPzero(prevY)) return FPlt(prevX, 0) ? 0 : ySign;
  if ((ySign < 0 && FPlt(prevY, 0)) || (ySign > 0 && FPgt(prevY, 0))) return 0;
  if (FPge(x, 0) && FPgt(prevX, 0)) return 2 * ySign;
  if (FPlt(x, 0) && FPle(prevX, 0)) return 0;
  const z = mi(mul(mi(x, prevX), y), mul(mi(y, prevY), x));
  if (FPzero(z)) return ON_POLYGON;
  if ((ySign < 0 && FPlt(z, 0)) || (ySign > 0 && FPgt(z, 0))) return 0;
  return 2 * ySign;
}

/** point_inside: 0 outside, 1 inside, 2 on the border. */
export function pointInside(p: PgPoint, plist: readonly PgPoint[]): number {
  const x0 = mi(plist[0].x, p.x);
  const y0 = mi(plist[0].y, p.y);
  let prevX = x0;
  let prevY = y0;
  let total = 0;
  for (let i = 1; i < plist.length; i++) {
    const x = mi(plist[i].x, p.x);
    const y = mi(plist[i].y, p.y);
    const cross = lsegCrossing(x, y, prevX, prevY);
    if (cross === ON_POLYGON) return 2;
    total += cross;
    prevX = x;
    prevY = y;
  }
  const cross = lsegCrossing(x0, y0, prevX, prevY);
  if (cross === ON_POLYGON) return 2;
  total += cross;
  return total !== 0 ? 1 : 0;
}

/** plist_same: the same points, in the same cyclic order, in either direction. */
export function plistSame(p1: readonly PgPoint[], p2: readonly PgPoint[]): boolean {
  const n = p1.length;
  for (let i = 0; i < n; i++) {
    if (!pointEq(p2[i], p1[0])) continue;
    let ii = 1;
    for (let j = i + 1; ii < n; ii++, j++) {
      if (j >= n) j = 0;
      if (!pointEq(p2[j], p1[ii])) break;
    }
    if (ii === n) return true;
    ii = 1;
    for (let j = i - 1; ii < n; ii++, j--) {
      if (j < 0) j = n - 1;
      if (!pointEq(p2[j], p1[ii])) break;
    }
    if (ii === n) return true;
  }
  return false;
}

/** poly_overlap_internal. */
export function polyOverlap(a: PgPolygon, b: PgPolygon): boolean {
  if (!boxOverlap(a.boundbox, b.boundbox)) return false;
  let sa0 = a.points[a.points.length - 1];
  for (const sa1 of a.points) {
    let sb0 = b.points[b.points.length - 1];
    for (const sb1 of b.points) {
      if (lsegInterptLseg(new PgLseg(sa0, sa1), new PgLseg(sb0, sb1))) return true;
      sb0 = sb1;
    }
    sa0 = sa1;
  }
  // Each polygon's first vertex inside the other (the polygons cross nowhere).
  return pointInside(a.points[0], b.points) !== 0 || pointInside(b.points[0], a.points) !== 0;
}

function touchedLsegInsidePoly(a: PgPoint, b: PgPoint, s: PgLseg, poly: PgPolygon, start: number): boolean {
  const t = new PgLseg(a, b);
  if (pointEq(a, s.p0)) {
    if (lsegContainPoint(t, s.p1)) return lsegInsidePoly(b, s.p1, poly, start);
  } else if (pointEq(a, s.p1)) {
    if (lsegContainPoint(t, s.p0)) return lsegInsidePoly(b, s.p0, poly, start);
  } else if (lsegContainPoint(t, s.p0)) {
    return lsegInsidePoly(b, s.p0, poly, start);
  } else if (lsegContainPoint(t, s.p1)) {
    return lsegInsidePoly(b, s.p1, poly, start);
  }
  return true;
}

/** lseg_inside_poly: whether segment a-b lies inside the polygon (checking sides from `start`). */
function lsegInsidePoly(a: PgPoint, b: PgPoint, poly: PgPolygon, start: number): boolean {
  const t = new PgLseg(a, b);
  const pts = poly.points;
  let s0 = pts[start === 0 ? pts.length - 1 : start - 1];
  let res = true;
  let intersection = false;
  for (let i = start; i < pts.length && res; i++) {
    const s = new PgLseg(s0, pts[i]);
    if (lsegContainPoint(s, t.p0)) {
      if (lsegContainPoint(s, t.p1)) return true;
      res = touchedLsegInsidePoly(t.p0, t.p1, s, poly, i + 1);
    } else if (lsegContainPoint(s, t.p1)) {
      res = touchedLsegInsidePoly(t.p1, t.p0, s, poly, i + 1);
    } else {
      const ip = lsegInterptLseg(t, s);
      if (ip) {
        intersection = true;
        res = lsegInsidePoly(t.p0, ip, poly, i + 1);
        if (res) res = lsegInsidePoly(t.p1, ip, poly, i + 1);
      }
    }
    s0 = pts[i];
  }
  if (res && !intersection) {
    const mid = new PgPoint(div(pl(t.p0.x, t.p1.x), 2), div(pl(t.p0.y, t.p1.y), 2));
    res = pointInside(mid, pts) !== 0;
  }
  return res;
}

/** box_contain_box: `inner` inside `outer` or on its border. */
export const boxContainBox = (outer: PgBox, inner: PgBox): boolean =>
  FPge(outer.high.x, inner.high.x) && FPle(outer.low.x, inner.low.x) && FPge(outer.high.y, inner.high.y) && FPle(outer.low.y, inner.low.y);

/** poly_contain_poly. */
export function polyContainPoly(outer: PgPolygon, inner: PgPolygon): boolean {
  if (!boxContainBox(outer.boundbox, inner.boundbox)) return false;
  let s0 = inner.points[inner.points.length - 1];
  for (const s1 of inner.points) {
    if (!lsegInsidePoly(s0, s1, outer, 0)) return false;
    s0 = s1;
  }
  return true;
}

/** dist_ppoly_internal. */
export function distPointPoly(pt: PgPoint, poly: PgPolygon): number {
  const pts = poly.points;
  if (pointInside(pt, pts) !== 0) return 0;
  let result = lsegClosePoint(new PgLseg(pts[0], pts[pts.length - 1]), pt).d;
  for (let i = 0; i < pts.length - 1; i++) {
    const d = lsegClosePoint(new PgLseg(pts[i], pts[i + 1]), pt).d;
    if (flt(d, result)) result = d;
  }
  return result;
}

/** The segments of a path: closed paths include the last-to-first one, first. */
function pathSegments(points: readonly PgPoint[], closed: boolean): PgLseg[] {
  const segs: PgLseg[] = [];
  for (let i = 0; i < points.length; i++) {
    if (i > 0) segs.push(new PgLseg(points[i - 1], points[i]));
    else if (closed) segs.push(new PgLseg(points[points.length - 1], points[0]));
  }
  return segs;
}

/** dist_ppath_internal (0 for a one-point open path, as Postgres). */
export function distPointPath(pt: PgPoint, path: PgPath): number {
  let result = 0;
  let have = false;
  for (const s of pathSegments(path.points, path.closed)) {
    const d = lsegClosePoint(s, pt).d;
    if (!have || flt(d, result)) {
      result = d;
      have = true;
    }
  }
  return result;
}

/** The smallest distance between two segment lists; null when either is empty. */
function minSegmentDistance(s1: PgLseg[], s2: PgLseg[]): number | null {
  let min = 0;
  let have = false;
  for (const a of s1) {
    for (const b of s2) {
      const d = lsegCloseLseg(a, b).d;
      if (!have || flt(d, min)) {
        min = d;
        have = true;
      }
    }
  }
  return have ? min : null;
}

/** path_distance. */
export const pathDistance = (a: PgPath, b: PgPath): number | null =>
  minSegmentDistance(pathSegments(a.points, a.closed), pathSegments(b.points, b.closed));

/** poly_distance. */
export function polyDistance(a: PgPolygon, b: PgPolygon): number | null {
  if (polyOverlap(a, b)) return 0;
  return minSegmentDistance(pathSegments(a.points, true), pathSegments(b.points, true));
}

/** The bounding box of a list of points (path_inter's first test). */
function pointsBox(pts: readonly PgPoint[]): PgBox {
  let hx = pts[0].x;
  let hy = pts[0].y;
  let lx = hx;
  let ly = hy;
  for (let i = 1; i < pts.length; i++) {
    hx = fmax(pts[i].x, hx);
    hy = fmax(pts[i].y, hy);
    lx = fmin(pts[i].x, lx);
    ly = fmin(pts[i].y, ly);
  }
  return new PgBox(new PgPoint(hx, hy), new PgPoint(lx, ly));
}

/** path_inter: whether two paths cross. */
export function pathInter(a: PgPath, b: PgPath): boolean {
  if (!boxOverlap(pointsBox(a.points), pointsBox(b.points))) return false;
  for (const s1 of pathSegments(a.points, a.closed)) {
    for (const s2 of pathSegments(b.points, b.closed)) if (lsegInterptLseg(s1, s2)) return true;
  }
  return false;
}

/** on_ppath: on an open path's segments, or inside/on a closed one. */
export function onPath(pt: PgPoint, path: PgPath): boolean {
  const pts = path.points;
  if (!path.closed) {
    let a = pointDt(pt, pts[0]);
    for (let i = 0; i < pts.length - 1; i++) {
      const b = pointDt(pt, pts[i + 1]);
      if (FPeq(pl(a, b), pointDt(pts[i], pts[i + 1]))) return true;
      a = b;
    }
    return false;
  }
  return pointInside(pt, pts) !== 0;
}

/** poly_to_circle: centroid of the vertices and their mean distance to it. */
export function polyToCircle(poly: PgPolygon): PgCircle {
  const n = poly.points.length;
  let c = new PgPoint(0, 0);
  for (const p of poly.points) c = pointAdd(c, p);
  c = new PgPoint(div(c.x, n), div(c.y, n));
  let r = 0;
  for (const p of poly.points) r = pl(r, pointDt(p, c));
  return new PgCircle(c, div(r, n));
}
