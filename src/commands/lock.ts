/**
 * LOCK TABLE name [, ...] [IN mode MODE] [NOWAIT], and the table locks DDL takes before it runs
 * (ACCESS EXCLUSIVE for ALTER / DROP / TRUNCATE, SHARE for CREATE INDEX), so that DDL waits for
 * transactions using the table, and they wait for it.
 *
 * Postgres counterpart: src/backend/commands/lockcmds.c (LockTableCommand), and the lock modes
 * utility commands take (tablecmds.c AlterTableGetLockLevel, RemoveRelations, ExecuteTruncate,
 * indexcmds.c DefineIndex).
 * Known gaps: ALTER TABLE always takes ACCESS EXCLUSIVE (Postgres takes weaker modes for some
 * subcommands); locking a view does not lock its base tables.
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { RelationDef } from '../catalog/objects.js';
import type { Session } from '../session/session.js';
import { commandResult, type StatementResult } from '../session/dispatch.js';
import { lookupRelation, openRelation } from '../analyze/relation.js';
import { acquireRelationLock } from '../session/table-locks.js';
import { LockMode } from '../storage/lock-manager.js';
import { charOffset } from '../analyze/parse-state.js';
import { aclMask, isSuperuser, permissionDenied, predefinedRelationPrivs, relationAcl, relationKindWord } from '../catalog/acl.js';

type AnyNode = Record<string, any>;

/** Takes a table lock for the session's transaction (waiting, or 55P03 with NOWAIT). */
export function lockRelation(session: Session, rel: RelationDef, mode: number, nowait: boolean): void {
  const txn = session.transaction();
  const others = [...session.db.sessions].map((s) => s.txn).filter((t): t is NonNullable<typeof t> => t !== undefined);
  acquireRelationLock(session.db.status, txn, others, rel, mode, nowait);
  // The transaction holds it now; record it like the implicit ones so stronger requests see it.
  if ((txn.relLockMode(rel.oid) ?? 0) < mode) txn.setRelLock(rel.oid, mode);
}

/** LOCK [TABLE] [ONLY] name [, ...] [IN lockmode MODE] [NOWAIT]. */
export function lockTable(session: Session, n: AnyNode, sql: string): StatementResult {
  if (!session.inBlock) throw new PgError(SQLSTATE.no_active_sql_transaction, 'LOCK TABLE can only be used in transaction blocks');
  const mode = (n.mode as number | undefined) ?? LockMode.AccessExclusive;
  for (const r of (n.relations ?? []) as AnyNode[]) {
    const rv = r.RangeVar;
    const rel = openRelation(session.catalog(), session.searchPath(), { schema: rv.schemaname, name: rv.relname }, position(sql, rv.location));
    if (rel.kind !== 'r' && rel.kind !== 'v' && rel.kind !== 'p') {
      throw new PgError(SQLSTATE.wrong_object_type, `cannot lock relation "${rel.name}"`, { detail: `This operation is not supported for ${rel.kind === 'S' ? 'sequences' : rel.kind === 'i' ? 'indexes' : 'this relation'}.` });
    }
    checkLockPrivilege(session, rel, mode);
    lockRelation(session, rel, mode, !!n.nowait);
  }
  return commandResult('LOCK TABLE');
}

/**
 * LockTableAclCheck: MAINTAIN, UPDATE, DELETE or TRUNCATE allow any mode; SELECT allows ACCESS
 * SHARE, INSERT up to ROW EXCLUSIVE (table privileges only, not column ones).
 */
function checkLockPrivilege(session: Session, rel: RelationDef, mode: number): void {
  const cat = session.catalog();
  const user = session.currentUser();
  if (isSuperuser(cat, user)) return;
  let anyOf = 'mwdD';
  if (mode <= LockMode.AccessShare) anyOf += 'r';
  if (mode <= LockMode.RowExclusive) anyOf += 'a';
  const held = aclMask(cat, relationAcl(cat, rel), user) + predefinedRelationPrivs(cat, user);
  if (![...anyOf].some((c) => held.includes(c))) throw permissionDenied(relationKindWord(rel), rel.name);
}

function position(sql: string, loc: number | undefined): string | undefined {
  return loc === undefined || loc < 0 ? undefined : String(charOffset(sql, loc) + 1);
}

/**
 * Before a utility statement runs: the table locks Postgres's DDL takes on the relations it names.
 * Names that do not resolve are left to the statement itself to report.
 */
export function lockUtilityTargets(session: Session, kind: string, n: AnyNode): void {
  const targets: { rv: AnyNode; mode: number }[] = [];
  switch (kind) {
    case 'AlterTableStmt':
      if (n.relation) targets.push({ rv: n.relation, mode: LockMode.AccessExclusive });
      break;
    case 'TruncateStmt':
      for (const r of (n.relations ?? []) as AnyNode[]) targets.push({ rv: r.RangeVar, mode: LockMode.AccessExclusive });
      break;
    case 'IndexStmt':
      if (n.relation) targets.push({ rv: n.relation, mode: n.concurrent ? LockMode.ShareUpdateExclusive : LockMode.Share });
      break;
    case 'RenameStmt':
      if (n.relation) targets.push({ rv: n.relation, mode: LockMode.AccessExclusive });
      break;
    case 'DropStmt':
      if (n.removeType === 'OBJECT_TABLE' || n.removeType === 'OBJECT_VIEW' || n.removeType === 'OBJECT_SEQUENCE') {
        for (const obj of (n.objects ?? []) as AnyNode[]) {
          const parts = ((obj.List?.items ?? []) as AnyNode[]).map((x) => x.String?.sval as string);
          if (!parts.length) continue;
          targets.push({ rv: { schemaname: parts.length > 1 ? parts[parts.length - 2] : undefined, relname: parts[parts.length - 1] }, mode: LockMode.AccessExclusive });
        }
      }
      break;
    default:
      return;
  }
  if (!targets.length) return;
  const cat = session.catalog();
  for (const t of targets) {
    const rel = lookupRelation(cat, session.searchPath(), { schema: t.rv.schemaname, name: t.rv.relname });
    if (rel && (rel.kind === 'r' || rel.kind === 'v' || rel.kind === 'S')) lockRelation(session, rel, t.mode, false);
  }
}
