/**
 * CURRENT_DATE, CURRENT_TIMESTAMP, LOCALTIMESTAMP, CURRENT_USER, ...: values fixed per
 * transaction (timestamps) or per session (users, schema).
 * Postgres counterpart: execExprInterp.c ExecEvalSQLValueFunction.
 */
import { featureNotSupported } from '../../errors/pg-error.js';
import type { Value } from '../../types/values.js';
import type { ExecContext, Row } from '../context.js';
import { datetimeFromTransaction } from './datetime-now.js';

export function sqlValueFunction(op: string, typmod: number): (row: Row, ctx: ExecContext) => Value {
  switch (op) {
    case 'current_user':
    case 'current_role':
    case 'user':
      return (_r, ctx) => ctx.session.currentUser();
    case 'session_user':
      return (_r, ctx) => ctx.session.sessionUser();
    case 'current_catalog':
      return (_r, ctx) => ctx.session.databaseName();
    case 'current_schema':
      return (_r, ctx) => {
        const cat = ctx.session.catalog();
        return ctx.session.searchPath().find((s) => cat.namespaceOid(s) !== undefined) ?? null;
      };
    case 'current_timestamp':
    case 'current_date':
    case 'current_time':
    case 'localtime':
    case 'localtimestamp':
      return datetimeFromTransaction(op, typmod);
    default:
      throw featureNotSupported(`SQL value function ${op}`);
  }
}
