/**
 * CREATE privilege on the schema a new object goes into (for roles that are not superusers).
 * Postgres counterpart: namespace.c RangeVarGetAndCheckCreationNamespace (object_aclcheck ACL_CREATE).
 */
import type { Session } from '../session/session.js';
import { checkNamespace } from '../catalog/acl.js';
import { creationNamespace } from '../analyze/relation.js';

type AnyNode = Record<string, any>;

export function checkCreateIn(session: Session, rv: AnyNode | undefined): void {
  if (!rv || rv.relpersistence === 't') return;
  const cat = session.catalog();
  const user = session.currentUser();
  if (cat.role(user)?.superuser) return;
  let ns: number;
  try {
    ns = creationNamespace(cat, session.searchPath(), { schema: rv.schemaname, name: rv.relname });
  } catch {
    return; // the command itself reports a missing schema
  }
  checkNamespace(cat, user, ns, 'C');
}
