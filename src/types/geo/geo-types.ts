/**
 * TypeIO of the seven geometric types. None has a btree or hash operator class in Postgres, so
 * `compare` and `hashKey` raise what Postgres raises when something needs one (array equality,
 * hashing); ORDER BY, GROUP BY and DISTINCT fail earlier, in analysis (analyze/ordering.ts).
 * GiST / SP-GiST indexes on them keep their keys in `geoStructuralOrder` (coordinates in struct
 * order), which is storage order only, never SQL semantics.
 *
 * Postgres counterpart: the typinput/typoutput entries of pg_type.dat for point, lseg, path, box,
 * polygon, line, circle.
 * Known gaps: none known.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { compareFloat } from '../float.js';
import type { TypeIO } from '../type-io.js';
import type { Value } from '../values.js';
import { boxOut, circleOut, lineOut, lsegOut, parseBox, parseCircle, parseLine, parseLseg, parsePath, parsePoint, parsePolygon, pathOut, pointOut, polygonOut } from './geo-io.js';
import type { PgBox, PgCircle, PgLine, PgLseg, PgPath, PgPoint, PgPolygon } from './geo-values.js';

/** The coordinates of a value, in struct order, for the structural order and hash key. */
type Flatten<V> = (v: V) => number[];

const flatteners = new Map<string, Flatten<never>>();

function noEquality(type: string): PgError {
  return new PgError(SQLSTATE.undefined_function, `could not identify an equality operator for type ${type}`);
}

function makeIO<V extends Value>(name: string, input: (t: string) => V, output: TypeIO<V>['output'], flat: Flatten<V>): TypeIO<V> {
  flatteners.set(name, flat as Flatten<never>);
  return {
    input: (text) => input(text),
    output,
    compare() {
      throw noEquality(name);
    },
    hashKey() {
      throw noEquality(name);
    },
  };
}

/** A total order on the values of geometric type `name` (coordinates in struct order), for index storage. */
export function geoStructuralOrder(name: string): (a: Value, b: Value) => number {
  const flat = flatteners.get(name) as Flatten<Value>;
  return (a, b) => {
    const x = flat(a);
    const y = flat(b);
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      const c = compareFloat(x[i], y[i]);
      if (c !== 0) return c;
    }
    return x.length - y.length;
  };
}

const pts = (list: readonly PgPoint[]): number[] => list.flatMap((p) => [p.x, p.y]);

export const pointIO = makeIO<PgPoint>('point', parsePoint as (t: string) => PgPoint, pointOut, (v) => [v.x, v.y]);
export const lsegIO = makeIO<PgLseg>('lseg', parseLseg as (t: string) => PgLseg, lsegOut, (v) => [v.p0.x, v.p0.y, v.p1.x, v.p1.y]);
export const lineIO = makeIO<PgLine>('line', parseLine as (t: string) => PgLine, lineOut, (v) => [v.a, v.b, v.c]);
export const boxIO = makeIO<PgBox>('box', parseBox as (t: string) => PgBox, boxOut, (v) => [v.high.x, v.high.y, v.low.x, v.low.y]);
export const pathIO = makeIO<PgPath>('path', parsePath as (t: string) => PgPath, pathOut, (v) => [v.closed ? 1 : 0, ...pts(v.points)]);
export const polygonIO = makeIO<PgPolygon>('polygon', parsePolygon as (t: string) => PgPolygon, polygonOut, (v) => pts(v.points));
export const circleIO = makeIO<PgCircle>('circle', parseCircle as (t: string) => PgCircle, circleOut, (v) => [v.center.x, v.center.y, v.radius]);
