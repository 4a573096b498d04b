/**
 * Subscripts on the fixed-length geometric types, which Postgres treats as 0-based one-dimensional
 * arrays: `point[0]` / `point[1]` are x and y (float8), `lseg[i]` and `box[i]` its two points
 * (a box's high corner first), `line[i]` its A, B, C. Fetching out of range gives NULL; assigning
 * out of range is an error.
 *
 * Postgres counterpart: src/backend/utils/adt/arraysubs.c with arrayfuncs.c array_get_element /
 * array_set_element for `arraytyplen > 0` (raw_array_subscript_handler).
 * Known gaps: none known.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { OID } from '../oids.js';
import type { Value } from '../values.js';
import { PgBox, PgLine, PgLseg, PgPoint } from './geo-values.js';

/** The element type and count of a subscriptable geometric type, or undefined. */
export function geoSubscriptElem(type: number): { elem: number; count: number } | undefined {
  switch (type) {
    case OID.point:
      return { elem: OID.float8, count: 2 };
    case OID.lseg:
    case OID.box:
      return { elem: OID.point, count: 2 };
    case OID.line:
      return { elem: OID.float8, count: 3 };
  }
  return undefined;
}

function parts(type: number, v: Value): Value[] {
  switch (type) {
    case OID.point:
      return [(v as PgPoint).x, (v as PgPoint).y];
    case OID.lseg:
      return [(v as PgLseg).p0, (v as PgLseg).p1];
    case OID.box:
      return [(v as PgBox).high, (v as PgBox).low];
    default:
      return [(v as PgLine).a, (v as PgLine).b, (v as PgLine).c];
  }
}

/** `v[i]` (NULL out of range). */
export function geoFetch(type: number, v: Value, i: number): Value {
  const p = parts(type, v);
  return i >= 0 && i < p.length ? p[i] : null;
}

/** `v[i] := x` (array_set_element on a fixed-length array). */
export function geoAssign(type: number, v: Value, i: number, x: Value): Value {
  const p = parts(type, v);
  if (i < 0 || i >= p.length) throw new PgError(SQLSTATE.array_subscript_error, 'array subscript out of range');
  p[i] = x;
  switch (type) {
    case OID.point:
      return new PgPoint(p[0] as number, p[1] as number);
    case OID.lseg:
      return new PgLseg(p[0] as PgPoint, p[1] as PgPoint);
    case OID.box:
      // The bytes are replaced as they are: Postgres does not reorder the corners.
      return new PgBox(p[0] as PgPoint, p[1] as PgPoint);
    default:
      return new PgLine(p[0] as number, p[1] as number, p[2] as number);
  }
}

