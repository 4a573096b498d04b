/**
 * In-memory values of the geometric types. Plain immutable objects of float8 coordinates, laid
 * out like Postgres's C structs so the algorithms of geo_ops.c read the same here.
 *
 * Postgres counterpart: src/include/utils/geo_decls.h (Point, LSEG, LINE, BOX, PATH, POLYGON, CIRCLE).
 * Known gaps: none known.
 */

/** point: `(x,y)`. */
export class PgPoint {
  constructor(
    readonly x: number,
    readonly y: number,
  ) {}
}

/** lseg: a line segment between two points, `[(x1,y1),(x2,y2)]`. */
export class PgLseg {
  constructor(
    readonly p0: PgPoint,
    readonly p1: PgPoint,
  ) {}
}

/** line: the infinite line Ax + By + C = 0, `{A,B,C}`. */
export class PgLine {
  constructor(
    readonly a: number,
    readonly b: number,
    readonly c: number,
  ) {}
}

/** box: upper-right and lower-left corners (kept ordered), `(high),(low)`. */
export class PgBox {
  constructor(
    readonly high: PgPoint,
    readonly low: PgPoint,
  ) {}
}

/** path: open `[(..),..]` or closed `((..),..)` list of at least one point. */
export class PgPath {
  constructor(
    readonly points: readonly PgPoint[],
    readonly closed: boolean,
  ) {}
}

/** polygon: a closed list of points with its bounding box (computed on construction). */
export class PgPolygon {
  constructor(
    readonly points: readonly PgPoint[],
    readonly boundbox: PgBox,
  ) {}
}

/** circle: center and radius, `<(x,y),r>`. */
export class PgCircle {
  constructor(
    readonly center: PgPoint,
    readonly radius: number,
  ) {}
}

/** Any geometric value. */
export type GeoValue = PgPoint | PgLseg | PgLine | PgBox | PgPath | PgPolygon | PgCircle;
