/**
 * The hot path of a SELECT a connection runs again and again (`db.query(text, values)` with the
 * same text): the connection keeps, per text, the parsed statement and its cached plan, and runs
 * them directly while nothing they depend on changed: no parsing, script loop, dispatch or plan
 * cache lookup, only the statement's transaction bracket (Session.runStatement) and execution.
 * Everything else (another catalog, changed settings or role, another parameter count, a waiting
 * or failed session) takes the general path, which makes a new entry.
 * Postgres counterpart: none (exec_bind_message's reuse of a cached generic plan is the closest).
 */
import { stmtKind, type RawStatement } from '../parser/parse.js';
import { needsCteRun } from '../commands/dml.js';
import { cachedSelect, type CachedQuery } from './run-select.js';
import type { Session } from './session.js';

export interface HotSelect {
  readonly st: RawStatement;
  readonly sql: string;
  readonly plan: CachedQuery;
  /** The session's settings change counter and role the plan was found under. */
  readonly changes: number;
  readonly user: string;
}

/**
 * The hot entry for a script that just ran as one plain SELECT (no INTO, no data-modifying WITH,
 * no FOR UPDATE), if its plan is cached for the session's current catalog and settings.
 */
export function hotSelectFor(session: Session, sql: string, stmts: readonly RawStatement[]): HotSelect | undefined {
  if (stmts.length !== 1) return undefined;
  const st = stmts[0];
  if (stmtKind(st) !== 'SelectStmt') return undefined;
  const body = (st.stmt as { SelectStmt: Record<string, any> }).SelectStmt;
  if (body.intoClause || needsCteRun('SelectStmt', body)) return undefined;
  const plan = cachedSelect(session, body, sql);
  if (!plan || plan.query.locking?.length) return undefined;
  return { st, sql, plan, changes: session.settings.changeCount, user: session.settings.currentUser };
}

/** Whether `h` still applies: same catalog, settings and role, and as many values as parameters. */
export function hotSelectUsable(session: Session, h: HotSelect, nValues: number): boolean {
  const s = session.settings;
  return h.plan.catalog === session.catalog() && h.changes === s.changeCount && h.user === s.currentUser && nValues === h.plan.paramTypes.length;
}
