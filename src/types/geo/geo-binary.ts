/**
 * Binary send/receive of the geometric types: big-endian float8 coordinates in struct order;
 * path adds a closed flag byte and a point count, polygon a point count.
 *
 * Postgres counterpart: src/backend/utils/adt/geo_ops.c (point_send/recv, lseg_send/recv,
 * line_send/recv, box_send/recv, path_send/recv, poly_send/recv, circle_send/recv).
 * Known gaps: none known.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { OID } from '../oids.js';
import type { Value } from '../values.js';
import { FPzero, flt } from './geo-float.js';
import { makePolygon } from './geo-primitives.js';
import { PgBox, PgCircle, PgLine, PgLseg, PgPath, PgPoint, PgPolygon } from './geo-values.js';

function floats(xs: number[], prefix?: Buffer): Buffer {
  const b = Buffer.allocUnsafe(xs.length * 8);
  xs.forEach((x, i) => b.writeDoubleBE(x, i * 8));
  return prefix ? Buffer.concat([prefix, b]) : b;
}

const flatPoints = (pts: readonly PgPoint[]): number[] => pts.flatMap((p) => [p.x, p.y]);

/** The binary encoder of a geometric type, or undefined for other types. */
export function geoBinaryEncoder(type: number): ((v: Value) => Buffer) | undefined {
  switch (type) {
    case OID.point:
      return (v) => floats([(v as PgPoint).x, (v as PgPoint).y]);
    case OID.lseg:
      return (v) => floats(flatPoints([(v as PgLseg).p0, (v as PgLseg).p1]));
    case OID.line:
      return (v) => floats([(v as PgLine).a, (v as PgLine).b, (v as PgLine).c]);
    case OID.box:
      return (v) => floats(flatPoints([(v as PgBox).high, (v as PgBox).low]));
    case OID.path:
      return (v) => {
        const p = v as PgPath;
        const head = Buffer.allocUnsafe(5);
        head.writeUInt8(p.closed ? 1 : 0, 0);
        head.writeInt32BE(p.points.length, 1);
        return floats(flatPoints(p.points), head);
      };
    case OID.polygon:
      return (v) => {
        const p = v as PgPolygon;
        const head = Buffer.allocUnsafe(4);
        head.writeInt32BE(p.points.length, 0);
        return floats(flatPoints(p.points), head);
      };
    case OID.circle:
      return (v) => floats([(v as PgCircle).center.x, (v as PgCircle).center.y, (v as PgCircle).radius]);
  }
  return undefined;
}

const notEnough = () => new PgError(SQLSTATE.invalid_binary_representation, 'insufficient data left in message');
const extra = () => new PgError(SQLSTATE.invalid_binary_representation, 'incorrect binary data format');

function readFloats(b: Buffer, at: number, n: number): number[] {
  if (b.length < at + n * 8) throw notEnough();
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(b.readDoubleBE(at + i * 8));
  return out;
}

function readPoints(b: Buffer, at: number, n: number): PgPoint[] {
  const f = readFloats(b, at, n * 2);
  const pts: PgPoint[] = [];
  for (let i = 0; i < n; i++) pts.push(new PgPoint(f[2 * i], f[2 * i + 1]));
  return pts;
}

function exact(b: Buffer, len: number): void {
  if (b.length < len) throw notEnough();
  if (b.length > len) throw extra();
}

/** The binary decoder of a geometric type, or undefined for other types. */
export function geoBinaryDecoder(type: number): ((b: Buffer) => Value) | undefined {
  switch (type) {
    case OID.point:
      return (b) => {
        exact(b, 16);
        const [x, y] = readFloats(b, 0, 2);
        return new PgPoint(x, y);
      };
    case OID.lseg:
      return (b) => {
        exact(b, 32);
        const [p0, p1] = readPoints(b, 0, 2);
        return new PgLseg(p0, p1);
      };
    case OID.line:
      return (b) => {
        exact(b, 24);
        const [a, bb, c] = readFloats(b, 0, 3);
        if (FPzero(a) && FPzero(bb)) {
          throw new PgError(SQLSTATE.invalid_binary_representation, 'invalid line specification: A and B cannot both be zero');
        }
        return new PgLine(a, bb, c);
      };
    case OID.box:
      return (b) => {
        exact(b, 32);
        let [hx, hy, lx, ly] = readFloats(b, 0, 4);
        if (flt(hx, lx)) [hx, lx] = [lx, hx];
        if (flt(hy, ly)) [hy, ly] = [ly, hy];
        return new PgBox(new PgPoint(hx, hy), new PgPoint(lx, ly));
      };
    case OID.path:
      return (b) => {
        if (b.length < 5) throw notEnough();
        const n = b.readInt32BE(1);
        if (n <= 0 || n >= 134217726) throw new PgError(SQLSTATE.invalid_binary_representation, 'invalid number of points in external "path" value');
        exact(b, 5 + n * 16);
        return new PgPath(readPoints(b, 5, n), b[0] !== 0);
      };
    case OID.polygon:
      return (b) => {
        if (b.length < 4) throw notEnough();
        const n = b.readInt32BE(0);
        if (n <= 0 || n >= 134217725) throw new PgError(SQLSTATE.invalid_binary_representation, 'invalid number of points in external "polygon" value');
        exact(b, 4 + n * 16);
        return makePolygon(readPoints(b, 4, n));
      };
    case OID.circle:
      return (b) => {
        exact(b, 24);
        const [x, y, r] = readFloats(b, 0, 3);
        if (r < 0) throw new PgError(SQLSTATE.invalid_binary_representation, 'invalid radius in external "circle" value');
        return new PgCircle(new PgPoint(x, y), r);
      };
  }
  return undefined;
}
