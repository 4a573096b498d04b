/**
 * Exclusion constraints on geometric columns (`EXCLUDE USING gist (area WITH &&)`): the operator
 * checks Postgres makes against the gist / spgist operator classes of box, polygon, circle and
 * point, and the conflict test (the operator itself).
 *
 * Postgres counterpart: src/backend/commands/indexcmds.c (ComputeIndexAttrs), the geometric
 * entries of pg_amop.dat.
 * Known gaps: only the commutative members `&&` and `~=` can be used (as in Postgres).
 */
import type { Catalog } from '../catalog/catalog.js';
import type { ExclusionOperator } from '../catalog/objects.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { GEO_OPERATORS } from '../functions/builtins/geo/geo-catalog.js';
import { operatorsNamed } from '../functions/registry.js';
import { OID } from '../types/oids.js';
import { formatType } from '../types/registry.js';
import type { Value } from '../types/values.js';

/** The geometric types. */
export const GEOMETRIC_TYPES: ReadonlySet<number> = new Set([OID.point, OID.lseg, OID.path, OID.box, OID.polygon, OID.line, OID.circle]);

/** pg_operator OIDs of the commutative operators the geometric opclasses hold: [type, name, oid]. */
const MEMBERS: readonly (readonly [number, string, number])[] = [
  [OID.box, '&&', 500], [OID.box, '~=', 499],
  [OID.polygon, '&&', 492], [OID.polygon, '~=', 491],
  [OID.circle, '&&', 1513], [OID.circle, '~=', 1512],
  [OID.point, '~=', 510],
];

function familyName(method: string, type: number): string {
  if (type === OID.point) return method === 'spgist' ? 'quad_point_ops' : 'point_ops';
  if (type === OID.polygon) return 'poly_ops';
  return type === OID.circle ? 'circle_ops' : 'box_ops';
}

/** ComputeIndexAttrs's checks of `col WITH name` on a geometric key. */
export function geoExclusionOperator(cat: Catalog, method: string, type: number, name: string): ExclusionOperator {
  const t = formatType(cat, type);
  const def = GEO_OPERATORS.find(([n, l, r]) => n === name && l === type && r === type);
  if (!def) throw new PgError(SQLSTATE.undefined_function, `operator does not exist: ${t} ${name} ${t}`);
  if (def[5] !== name) {
    throw new PgError(SQLSTATE.wrong_object_type, `operator ${name}(${t},${t}) is not commutative`, {
      detail: 'Only commutative operators can be used in exclusion constraints.',
    });
  }
  const member = MEMBERS.find(([ty, n]) => ty === type && n === name);
  if (!member || (method === 'spgist' && type === OID.circle)) {
    throw new PgError(SQLSTATE.wrong_object_type, `operator ${name}(${t},${t}) is not a member of operator family "${familyName(method, type)}"`, {
      detail: 'The exclusion operator must be related to the index operator class for the constraint.',
    });
  }
  return { name, oid: member[2] };
}

/** The conflict test of a geometric exclusion key: the operator's function. */
export function geoConflictTest(type: number, name: string): ((a: Value, b: Value) => boolean) | undefined {
  const o = operatorsNamed(name).find((x) => x.left === type && x.right === type);
  if (!o) return undefined;
  const f = o.fn.fn;
  return (a, b) => f([a, b], undefined as never, undefined as never) === true;
}
