/**
 * Intersections, containment and closest points between points, lines, segments and boxes: what
 * the `#`, `?#`, `<@`, `##` and `<->` operators of those types compute.
 *
 * Postgres counterpart: src/backend/utils/adt/geo_ops.c (line_interpt_line, lseg_interpt_line,
 * lseg_interpt_lseg, line_closept_point, lseg_closept_point, lseg_closept_line,
 * lseg_closept_lseg, box_closept_point, box_closept_lseg, box_interpt_lseg, line_contain_point,
 * lseg_contain_point, box_contain_point, box_ov).
 * Known gaps: none known.
 */
import { FPeq, FPle, FPzero, div, flt, fmax, fmin, mi, mul, pl } from './geo-float.js';
import { boxCenter, lineConstruct, lineInvsl, pointDt, pointEq, pointInvsl, pointSl } from './geo-primitives.js';
import { PgBox, PgLine, PgLseg, PgPoint } from './geo-values.js';

/** A distance and the closest point that realises it. */
export interface Closest {
  d: number;
  p: PgPoint;
}

/** line_interpt_line: the intersection of two lines, or null when parallel. */
export function lineInterpt(l1: PgLine, l2: PgLine): PgPoint | null {
  let x: number;
  let y: number;
  if (!FPzero(l1.b)) {
    if (FPeq(l2.a, mul(l1.a, div(l2.b, l1.b)))) return null;
    x = div(mi(mul(l1.b, l2.c), mul(l2.b, l1.c)), mi(mul(l1.a, l2.b), mul(l2.a, l1.b)));
    y = div(-pl(mul(l1.a, x), l1.c), l1.b);
  } else if (!FPzero(l2.b)) {
    if (FPeq(l1.a, mul(l2.a, div(l1.b, l2.b)))) return null;
    x = div(mi(mul(l2.b, l1.c), mul(l1.b, l2.c)), mi(mul(l2.a, l1.b), mul(l1.a, l2.b)));
    y = div(-pl(mul(l2.a, x), l2.c), l2.b);
  } else return null;
  return new PgPoint(x === 0 ? 0 : x, y === 0 ? 0 : y);
}

/** line_contain_point. */
export const lineContainPoint = (l: PgLine, p: PgPoint): boolean => FPzero(pl(pl(mul(l.a, p.x), mul(l.b, p.y)), l.c));

/** lseg_contain_point: on the segment (within EPSILON). */
export const lsegContainPoint = (s: PgLseg, p: PgPoint): boolean => FPeq(pointDt(p, s.p0) + pointDt(p, s.p1), pointDt(s.p0, s.p1));

/** box_contain_point: exact comparisons, borders included. */
export const boxContainPoint = (b: PgBox, p: PgPoint): boolean => b.high.x >= p.x && b.low.x <= p.x && b.high.y >= p.y && b.low.y <= p.y;

/** box_ov. */
export const boxOverlap = (a: PgBox, b: PgBox): boolean =>
  FPle(a.low.x, b.high.x) && FPle(b.low.x, a.high.x) && FPle(a.low.y, b.high.y) && FPle(b.low.y, a.high.y);

export const lsegSl = (s: PgLseg): number => pointSl(s.p0, s.p1);
export const lsegInvsl = (s: PgLseg): number => pointInvsl(s.p0, s.p1);

/** lseg_interpt_line: where a segment crosses a line (snapped to an endpoint), or null. */
export function lsegInterptLine(s: PgLseg, line: PgLine): PgPoint | null {
  const p = lineInterpt(lineConstruct(s.p0, lsegSl(s)), line);
  if (!p || !lsegContainPoint(s, p)) return null;
  if (pointEq(s.p0, p)) return s.p0;
  if (pointEq(s.p1, p)) return s.p1;
  return p;
}

/** lseg_interpt_lseg. */
export function lsegInterptLseg(l1: PgLseg, l2: PgLseg): PgPoint | null {
  const p = lsegInterptLine(l1, lineConstruct(l2.p0, lsegSl(l2)));
  if (!p || !lsegContainPoint(l2, p)) return null;
  return p;
}

/** line_closept_point: NaN distance (and the point itself) when no perpendicular meets. */
export function lineClosePoint(line: PgLine, p: PgPoint): Closest {
  const c = lineInterpt(lineConstruct(p, lineInvsl(line)), line);
  if (!c) return { d: NaN, p };
  return { d: pointDt(c, p), p: c };
}

/** lseg_closept_line. */
export function lsegCloseLine(s: PgLseg, line: PgLine): Closest {
  const p = lsegInterptLine(s, line);
  if (p) return { d: 0, p };
  const d1 = lineClosePoint(line, s.p0).d;
  const d2 = lineClosePoint(line, s.p1).d;
  return d1 < d2 ? { d: d1, p: s.p0 } : { d: d2, p: s.p1 };
}

/** lseg_closept_point. */
export function lsegClosePoint(s: PgLseg, pt: PgPoint): Closest {
  const c = lsegCloseLine(s, lineConstruct(pt, pointInvsl(s.p0, s.p1))).p;
  return { d: pointDt(c, pt), p: c };
}

/** lseg_closept_lseg: the point of `on` closest to `to`. */
export function lsegCloseLseg(on: PgLseg, to: PgLseg): Closest {
  const ip = lsegInterptLseg(on, to);
  if (ip) return { d: 0, p: ip };
  let best = lsegClosePoint(on, to.p0);
  const c = lsegClosePoint(on, to.p1);
  if (flt(c.d, best.d)) best = c;
  let d = lsegClosePoint(to, on.p0).d;
  if (flt(d, best.d)) best = { d, p: on.p0 };
  d = lsegClosePoint(to, on.p1).d;
  if (flt(d, best.d)) best = { d, p: on.p1 };
  return best;
}

/** The four sides of a box, in the order geo_ops.c visits them. */
function boxSides(b: PgBox): PgLseg[] {
  const ul = new PgPoint(b.low.x, b.high.y);
  const lr = new PgPoint(b.high.x, b.low.y);
  return [new PgLseg(b.low, ul), new PgLseg(b.high, ul), new PgLseg(b.low, lr), new PgLseg(b.high, lr)];
}

/** box_closept_point. */
export function boxClosePoint(b: PgBox, pt: PgPoint): Closest {
  if (boxContainPoint(b, pt)) return { d: 0, p: pt };
  const sides = boxSides(b);
  let best = lsegClosePoint(sides[0], pt);
  for (let i = 1; i < 4; i++) {
    const c = lsegClosePoint(sides[i], pt);
    if (flt(c.d, best.d)) best = c;
  }
  return best;
}

/** box_interpt_lseg: whether a segment touches a box; `p` is then the closest point to its center. */
export function boxInterptLseg(b: PgBox, s: PgLseg): PgPoint | null {
  const lbox = new PgBox(new PgPoint(fmax(s.p0.x, s.p1.x), fmax(s.p0.y, s.p1.y)), new PgPoint(fmin(s.p0.x, s.p1.x), fmin(s.p0.y, s.p1.y)));
  if (!boxOverlap(lbox, b)) return null;
  const p = lsegClosePoint(s, boxCenter(b)).p;
  if (boxContainPoint(b, s.p0) || boxContainPoint(b, s.p1)) return p;
  for (const side of boxSides(b)) if (lsegInterptLseg(side, s)) return p;
  return null;
}

/** box_closept_lseg. */
export function boxCloseLseg(b: PgBox, s: PgLseg): Closest {
  const ip = boxInterptLseg(b, s);
  if (ip) return { d: 0, p: ip };
  const sides = boxSides(b);
  let best = lsegCloseLseg(sides[0], s);
  for (let i = 1; i < 4; i++) {
    const c = lsegCloseLseg(sides[i], s);
    if (flt(c.d, best.d)) best = c;
  }
  return best;
}
