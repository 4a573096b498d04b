/**
 * Registers the geometric functions, operators and casts: every pg_proc / pg_operator entry of
 * geo-catalog.ts bound to its implementation, and the pg_cast conversions between the shapes.
 *
 * Postgres counterpart: pg_proc.dat, pg_operator.dat and pg_cast.dat (geometric entries).
 * Known gaps: none known.
 */
import { registerCast } from '../../../analyze/special-casts.js';
import { OID } from '../../../types/oids.js';
import { fn, op } from '../../registry.js';
import { GEO_FUNCTIONS, GEO_OPERATORS } from './geo-catalog.js';
import { POINT_LINE_IMPLS, type GeoImpl } from './impl-point-line.js';
import { SHAPE_IMPLS } from './impl-shapes.js';

const IMPLS: Record<string, GeoImpl> = { ...POINT_LINE_IMPLS, ...SHAPE_IMPLS };

function impl(name: string): GeoImpl {
  const f = IMPLS[name];
  if (!f) throw new Error(`geometric function ${name} has no implementation`);
  return f;
}

for (const [name, args, result, src] of GEO_FUNCTIONS) {
  const f = impl(src);
  fn(name, args, result, (a) => f(a));
}

for (const [name, left, right, result, code, commutator, negator] of GEO_OPERATORS) {
  const f = impl(code);
  const extra = { ...(commutator ? { commutator } : {}), ...(negator ? { negator } : {}) };
  op(name, left, right, result, left === 0 ? (_a, b) => f([b]) : (a, b) => f([a, b]), extra);
}

/** pg_cast: [source, target, conversion function]. Contexts are in types/cast-table.ts. */
const CASTS: readonly (readonly [number, number, string])[] = [
  [OID.point, OID.box, 'point_box'],
  [OID.lseg, OID.point, 'lseg_center'],
  [OID.path, OID.polygon, 'path_poly'],
  [OID.box, OID.point, 'box_center'],
  [OID.box, OID.lseg, 'box_diagonal'],
  [OID.box, OID.polygon, 'box_poly'],
  [OID.box, OID.circle, 'box_circle'],
  [OID.polygon, OID.point, 'poly_center'],
  [OID.polygon, OID.path, 'poly_path'],
  [OID.polygon, OID.box, 'poly_box'],
  [OID.polygon, OID.circle, 'poly_circle'],
  [OID.circle, OID.point, 'circle_center'],
  [OID.circle, OID.box, 'circle_box'],
  [OID.circle, OID.polygon, 'circle_poly12'],
];
for (const [from, to, name] of CASTS) {
  const f = impl(name);
  registerCast(from, to, (v) => f([v]));
}
