/**
 * The moddatetime extension (1.0): the C trigger function moddatetime(column), which sets that
 * timestamp / timestamptz column of the updated row to now() (Supabase's updated_at trigger),
 * with the extension's errors. CREATE EXTENSION moddatetime creates the function in the catalog
 * (language c); the trigger executor runs it natively.
 * Postgres counterpart: contrib/spi/moddatetime.c, moddatetime--1.0.sql.
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { OID } from '../types/oids.js';
import { PgRecord } from '../types/values.js';
import { registerNativeTrigger } from '../executor/trigger.js';
import { recordRow, rowRecord } from '../executor/trigger.js';
import { timestamptzToTimestamp } from '../types/datetime/casts.js';
import { sessionTimeZone } from '../types/datetime/timezone.js';
import type { FunctionDef } from '../catalog/objects.js';

const internal = (message: string) => new PgError(SQLSTATE.internal_error, message);

registerNativeTrigger('moddatetime', (session, call) => {
  if (call.level !== 'ROW') throw internal('moddatetime: must be fired for row');
  if (call.when !== 'BEFORE') throw internal('moddatetime: must be fired before event');
  if (call.op === 'INSERT') throw internal('moddatetime: cannot process INSERT events');
  if (call.op !== 'UPDATE') throw internal(`moddatetime: cannot process ${call.op} events`);
  const rel = call.rel;
  const args = call.trigger.args;
  if (args.length !== 1) throw internal(`moddatetime (${rel.name}): A single argument was expected`);
  const col = rel.columns.find((c) => !c.dropped && c.name === args[0]);
  if (!col) throw new PgError(SQLSTATE.triggered_action_exception, `"${rel.name}" has no attribute "${args[0]}"`);
  const now = session.transactionTimestamp();
  let value: bigint;
  if (col.type === OID.timestamptz) value = now;
  else if (col.type === OID.timestamp) value = timestamptzToTimestamp(now, sessionTimeZone(session.io));
  else throw new PgError(SQLSTATE.triggered_action_exception, `attribute "${args[0]}" of "${rel.name}" must be type TIMESTAMP or TIMESTAMPTZ`);
  const row = recordRow(rel, call.newRow as PgRecord);
  row[col.attnum - 1] = value;
  return rowRecord(rel, row);
});

/** The catalog function CREATE EXTENSION moddatetime adds. */
export function moddatetimeFunction(oid: number, namespace: number, owner: string): FunctionDef {
  return {
    oid, name: 'moddatetime', namespace, owner, kind: 'f', language: 'c' as FunctionDef['language'], params: [], argTypes: [],
    returnType: OID.trigger, retset: false, volatility: 'v', strict: false, securityDefiner: false, leakproof: false,
    parallel: 'u', cost: 1, rows: 0, config: [], body: 'moddatetime',
  };
}
