/**
 * The type a GRANT ... ON TYPE / DOMAIN names (user-defined types only; built-in types are 0A000).
 * Postgres counterpart: aclchk.c objectNamesToOids (OBJECT_TYPE).
 */
import type { Catalog } from '../catalog/catalog.js';
import type { UserTypeDef } from '../catalog/objects.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Session } from '../session/session.js';
import { lookupTypeName as findTypeOid } from '../analyze/type-name.js';

type AnyNode = Record<string, any>;

export function lookupTypeName(session: Session, cat: Catalog, o: AnyNode): UserTypeDef {
  // GRANT ... ON TYPE names the type as a plain name list; other callers pass a TypeName.
  const tn = o.TypeName ?? o;
  const parts = ((tn.names ?? o.List?.items ?? []) as AnyNode[]).map((x) => x.String.sval as string);
  const oid = findTypeOid(cat, session.searchPath(), parts);
  if (oid === undefined) throw new PgError(SQLSTATE.undefined_object, `type "${parts.join('.')}" does not exist`);
  const t = cat.types.get(oid);
  if (!t) throw featureNotSupported('GRANT on a built-in type');
  return t;
}
