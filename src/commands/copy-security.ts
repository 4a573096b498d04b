/**
 * COPY's privilege checks: files need pg_read_server_files / pg_write_server_files, COPY TO needs
 * SELECT and COPY FROM INSERT on the columns, and row-level security refuses COPY FROM (COPY TO
 * runs as `SELECT cols FROM ONLY t`, to which the policies apply, as in Postgres).
 * Postgres counterpart: src/backend/commands/copy.c (DoCopy).
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Session } from '../session/session.js';
import { checkRelation, hasPrivsOfRole, isSuperuser } from '../catalog/acl.js';
import { lookupRelation } from '../analyze/relation.js';
import { rlsApplies } from '../rewrite/row-security.js';

type AnyNode = Record<string, any>;

const HINT = "Anyone can COPY to stdout or from stdin. psql's \\copy command also works for anyone.";

export function checkCopy(session: Session, n: AnyNode): void {
  const cat = session.catalog();
  const user = session.currentUser();
  if (isSuperuser(cat, user)) return;
  if (n.filename) {
    const from = !!n.is_from;
    const role = from ? 'pg_read_server_files' : 'pg_write_server_files';
    if (!hasPrivsOfRole(cat, user, cat.roleByName.get(role) ?? -1)) {
      throw new PgError(SQLSTATE.insufficient_privilege, `permission denied to COPY ${from ? 'from' : 'to'} a file`, {
        detail: `Only roles with privileges of the "${role}" role may COPY ${from ? 'from' : 'to'} a file.`,
        hint: HINT,
      });
    }
  }
  const rv = n.relation;
  if (!rv) return;
  const rel = lookupRelation(cat, session.searchPath(), { schema: rv.schemaname, name: rv.relname });
  if (!rel) return; // COPY reports the missing table itself
  const names = (n.attlist as AnyNode[] | undefined)?.map((a) => a.String.sval as string);
  const cols = new Set<number>();
  for (const c of rel.columns) if (!c.dropped && (!names || names.includes(c.name))) cols.add(c.attnum);
  checkRelation(cat, user, rel, n.is_from ? 'a' : 'r', cols);
  // (COPY TO reads the table through a query, which applies its policies)
  if (n.is_from && rlsApplies(session, cat, rel, user)) {
    throw new PgError(SQLSTATE.feature_not_supported, 'COPY FROM not supported with row-level security', { hint: 'Use INSERT statements instead.' });
  }
}
