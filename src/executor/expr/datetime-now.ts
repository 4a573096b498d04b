/**
 * The transaction-stable datetime values (CURRENT_TIMESTAMP, CURRENT_DATE, CURRENT_TIME,
 * LOCALTIME, LOCALTIMESTAMP, with optional precision), derived from the transaction start in the
 * session time zone. Postgres counterpart: utils/adt/date.c and timestamp.c (GetSQLCurrent*).
 */
import type { Value } from '../../types/values.js';
import type { ExecContext, Row } from '../context.js';
import { sessionTimeZone } from '../../types/datetime/timezone.js';
import { timestamptzToDate, timestamptzToTime, timestamptzToTimetz, timestamptzToTimestamp } from '../../types/datetime/casts.js';
import { timestampIO, timestamptzIO } from '../../types/datetime/timestamp.js';
import { timeIO } from '../../types/datetime/time.js';
import { timetzIO } from '../../types/datetime/timetz.js';
import type { TypeIO } from '../../types/type-io.js';

function precise<V extends Value>(io: TypeIO<V>, v: V, typmod: number): V {
  return typmod >= 0 && io.applyTypmod ? io.applyTypmod(v, typmod, true) : v;
}

export function datetimeFromTransaction(op: string, typmod: number): (row: Row, ctx: ExecContext) => Value {
  switch (op) {
    case 'current_timestamp':
      return (_r, ctx) => precise(timestamptzIO, ctx.session.transactionTimestamp(), typmod);
    case 'current_date':
      return (_r, ctx) => timestamptzToDate(ctx.session.transactionTimestamp(), sessionTimeZone(ctx.session.io));
    case 'current_time':
      return (_r, ctx) => {
        const v = timestamptzToTimetz(ctx.session.transactionTimestamp(), sessionTimeZone(ctx.session.io));
        return v === null ? null : precise(timetzIO, v, typmod);
      };
    case 'localtime':
      return (_r, ctx) => {
        const v = timestamptzToTime(ctx.session.transactionTimestamp(), sessionTimeZone(ctx.session.io));
        return v === null ? null : precise(timeIO, v, typmod);
      };
    case 'localtimestamp':
      return (_r, ctx) => precise(timestampIO, timestamptzToTimestamp(ctx.session.transactionTimestamp(), sessionTimeZone(ctx.session.io)), typmod);
    default:
      throw new Error(`fauxgres internal: unknown datetime value function ${op}`);
  }
}
