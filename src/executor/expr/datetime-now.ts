/**
 * The transaction-stable datetime values (CURRENT_TIMESTAMP and friends), derived from the
 * session's transaction start in the session time zone.
 */
import { featureNotSupported } from '../../errors/pg-error.js';
import type { Value } from '../../types/values.js';
import type { ExecContext, Row } from '../context.js';

export function datetimeFromTransaction(op: string, typmod: number): (row: Row, ctx: ExecContext) => Value {
  void typmod;
  switch (op) {
    case 'current_timestamp':
      return (_r, ctx) => ctx.session.transactionTimestamp();
    default:
      throw featureNotSupported(op);
  }
}
