/**
 * CREATE privilege on the schema a new object goes into (for roles that are not superusers).
 * Postgres counterpart: namespace.c RangeVarGetAndCheckCreationNamespace (object_aclcheck ACL_CREATE).
 */
import type { Session } from '../session/session.js';
import { checkNamespace } from '../catalog/acl.js';
import { initialAcl } from './grant.js';
import { creationNamespace, lookupRelation } from '../analyze/relation.js';
import { checkRelationOwner } from './owner.js';
import { PgError } from '../errors/pg-error.js';
import { charOffset } from '../analyze/parse-state.js';

type AnyNode = Record<string, any>;

export function checkCreateIn(session: Session, rv: AnyNode | undefined, sql: string): void {
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
  try {
    checkNamespace(cat, user, ns, 'C');
  } catch (e) {
    if (e instanceof PgError && rv.location !== undefined && rv.location >= 0) e.position = String(charOffset(sql, rv.location) + 1);
    throw e;
  }
}

/** CREATE on the schema a new function, type or aggregate goes into (temporary schemas need none). */
export function checkCreateInNamespace(session: Session, ns: number): void {
  checkNamespace(session.catalog(), session.currentUser(), ns, 'C');
}

/** CREATE INDEX / CREATE TRIGGER: the current role must own the table (a missing table is the command's error). */
export function checkTableOwner(session: Session, rv: AnyNode | undefined): void {
  if (!rv) return;
  const cat = session.catalog();
  if (cat.role(session.currentUser())?.superuser) return;
  const rel = lookupRelation(cat, session.searchPath(), { schema: rv.schemaname, name: rv.relname });
  if (rel) checkRelationOwner(session, cat, rel);
}

/**
 * Runs a CREATE and gives the objects it made the ACL ALTER DEFAULT PRIVILEGES set for their
 * owner (pg_default_acl), as Postgres does when it creates them.
 */
export function withDefaultAcls<T>(session: Session, create: () => T): T {
  const before = session.catalog();
  if (!before.defaultAcls.length) return create();
  const known = new Set([...before.relations.keys(), ...before.functions.keys()]);
  const out = create();
  const cat = session.transaction().catalogForWrite();
  for (const r of [...cat.relations.values()]) {
    if (known.has(r.oid) || r.acl || (r.kind !== 'r' && r.kind !== 'v' && r.kind !== 'm' && r.kind !== 'S' && r.kind !== 'p')) continue;
    const acl = initialAcl(cat, r.owner, r.namespace, r.kind === 'S' ? 'S' : 'r');
    if (acl) cat.putRelation({ ...r, acl });
  }
  for (const f of [...cat.functions.values()]) {
    if (known.has(f.oid) || f.acl) continue;
    const acl = initialAcl(cat, f.owner, f.namespace, 'f');
    if (acl) cat.putFunction({ ...f, acl });
  }
  return out;
}
