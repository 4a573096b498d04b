/**
 * TypeIO of the seven geometric types. None has a btree or hash operator class in Postgres (ORDER
 * BY, GROUP BY and DISTINCT on them fail in analysis, see analyze/ordering.ts), so `compare` and
 * `hashKey` only give a stable structural order for internal uses (row comparisons, dedup of
 * arrays); they are not SQL semantics.
 *
 * Postgres counterpart: the typinput/typoutput entries of pg_type.dat for point, lseg, path, box,
 * polygon, line, circle.
 * Known gaps: none known.
 */
import { compareFloat } from '../float.js';
import type { TypeIO } from '../type-io.js';
import type { Value } from '../values.js';
import { boxOut, circleOut, lineOut, lsegOut, parseBox, parseCircle, parseLine, parseLseg, parsePath, parsePoint, parsePolygon, pathOut, pointOut, polygonOut } from './geo-io.js';
import type { PgBox, PgCircle, PgLine, PgLseg, PgPath, PgPoint, PgPolygon } from './geo-values.js';

/** The coordinates of a value, in struct order, for the structural order and hash key. */
type Flatten<V> = (v: V) => number[];

function makeIO<V extends Value>(input: (t: string) => V, output: TypeIO<V>['output'], flat: Flatten<V>): TypeIO<V> {
  return {
    input: (text) => input(text),
    output,
    compare(a, b) {
      const x = flat(a);
      const y = flat(b);
      for (let i = 0; i < Math.min(x.length, y.length); i++) {
        const c = compareFloat(x[i], y[i]);
        if (c !== 0) return c;
      }
      return x.length - y.length;
    },
    hashKey: (v) => flat(v).join(','),
  };
}

const pts = (list: readonly PgPoint[]): number[] => list.flatMap((p) => [p.x, p.y]);

export const pointIO = makeIO<PgPoint>(parsePoint as (t: string) => PgPoint, pointOut, (v) => [v.x, v.y]);
export const lsegIO = makeIO<PgLseg>(parseLseg as (t: string) => PgLseg, lsegOut, (v) => [v.p0.x, v.p0.y, v.p1.x, v.p1.y]);
export const lineIO = makeIO<PgLine>(parseLine as (t: string) => PgLine, lineOut, (v) => [v.a, v.b, v.c]);
export const boxIO = makeIO<PgBox>(parseBox as (t: string) => PgBox, boxOut, (v) => [v.high.x, v.high.y, v.low.x, v.low.y]);
export const pathIO = makeIO<PgPath>(parsePath as (t: string) => PgPath, pathOut, (v) => [v.closed ? 1 : 0, ...pts(v.points)]);
export const polygonIO = makeIO<PgPolygon>(parsePolygon as (t: string) => PgPolygon, polygonOut, (v) => pts(v.points));
export const circleIO = makeIO<PgCircle>(parseCircle as (t: string) => PgCircle, circleOut, (v) => [v.center.x, v.center.y, v.radius]);
