/**
 * plpgsql.extra_warnings / plpgsql.extra_errors: the optional checks a session turns on
 * (`too_many_rows`, `strict_multi_assignment`, `shadowed_variables`, or `all`), reported as a
 * WARNING or raised as an ERROR.
 *
 * Postgres counterpart: src/pl/plpgsql/src/pl_handler.c (plpgsql_extra_checks_check_hook) and
 * the checks in pl_exec.c (exec_stmt_execsql, exec_move_row_from_fields) and pl_gram.y
 * (shadowed_variables: Compiler.checkShadow, at CREATE / DO only).
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { currentContext, markContextDone } from '../error-context.js';
import type { Frame } from './frame.js';

export type ExtraCheck = 'too_many_rows' | 'strict_multi_assignment' | 'shadowed_variables';

interface Session {
  getSetting(name: string, missingOk: boolean): string | null;
}

function listed(value: string | null, check: ExtraCheck): boolean {
  if (!value) return false;
  const items = value.toLowerCase().split(',').map((s) => s.trim());
  return items.includes('all') || items.includes(check);
}

/** The level a check reports at in this session: ERROR, WARNING, or none. */
export function extraCheckLevel(session: Session, check: ExtraCheck): 'ERROR' | 'WARNING' | undefined {
  if (listed(session.getSetting('plpgsql.extra_errors', true), check)) return 'ERROR';
  if (listed(session.getSetting('plpgsql.extra_warnings', true), check)) return 'WARNING';
  return undefined;
}

/** Raises `e` (ERROR) or sends it as a WARNING with the statement's CONTEXT. */
export function reportExtra(f: Frame, level: 'ERROR' | 'WARNING', e: PgError): void {
  if (level === 'ERROR') throw e;
  e.severity = 'WARNING';
  e.where = currentContext();
  markContextDone(e);
  f.session.notice(e);
}

/** strict_multi_assignment's error. */
export function fieldCountMismatch(level: 'ERROR' | 'WARNING'): PgError {
  return new PgError(SQLSTATE.datatype_mismatch, 'number of source and target fields in assignment does not match', {
    detail: `strict_multi_assignment check of ${level === 'ERROR' ? 'extra_errors' : 'extra_warnings'} is active.`,
    hint: 'Make sure the query returns the exact list of columns.',
  });
}
