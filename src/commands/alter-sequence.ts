/**
 * ALTER SEQUENCE: RESTART [WITH], INCREMENT, MINVALUE/MAXVALUE, START, CYCLE.
 * Postgres counterpart: src/backend/commands/sequence.c (AlterSequence).
 */
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Session } from '../session/session.js';
import { commandResult, type StatementResult } from '../session/dispatch.js';
import { lookupRelation } from '../analyze/relation.js';

type AnyNode = Record<string, any>;

function num(d: AnyNode): bigint | undefined {
  const a = d.arg;
  if (!a) return undefined;
  if (a.Integer) return BigInt(a.Integer.ival ?? 0);
  if (a.Float) return BigInt(a.Float.fval);
  return undefined;
}

export function alterSequence(session: Session, n: AnyNode): StatementResult {
  const txn = session.transaction();
  const rv = n.sequence;
  const rel = lookupRelation(txn.catalog, session.searchPath(), { schema: rv.schemaname, name: rv.relname });
  if (!rel) {
    if (n.missing_ok) {
      session.notice(new PgError(SQLSTATE.successful_completion, `relation "${rv.relname}" does not exist, skipping`, { severity: 'NOTICE' }));
      return commandResult('ALTER SEQUENCE');
    }
    throw new PgError(SQLSTATE.undefined_table, `relation "${rv.relname}" does not exist`);
  }
  if (rel.kind !== 'S' || !rel.sequence) throw new PgError(SQLSTATE.wrong_object_type, `"${rel.name}" is not a sequence`);
  let seq = { ...rel.sequence };
  let restart: bigint | 'start' | undefined;
  for (const o of (n.options ?? []) as AnyNode[]) {
    const d = o.DefElem;
    switch (d.defname) {
      case 'restart':
        restart = d.arg ? (num(d) as bigint) : 'start';
        break;
      case 'increment':
        seq.increment = num(d) as bigint;
        if (seq.increment === 0n) throw new PgError(SQLSTATE.invalid_parameter_value, 'INCREMENT must not be zero');
        break;
      case 'minvalue':
        seq.min = d.arg ? (num(d) as bigint) : seq.increment > 0n ? 1n : -9223372036854775808n;
        break;
      case 'maxvalue':
        seq.max = d.arg ? (num(d) as bigint) : seq.increment > 0n ? 9223372036854775807n : -1n;
        break;
      case 'start':
        seq.start = num(d) as bigint;
        break;
      case 'cycle':
        seq.cycle = !!d.arg?.Boolean?.boolval;
        break;
      case 'cache':
        seq.cache = num(d) as bigint;
        break;
      default:
        throw featureNotSupported(`ALTER SEQUENCE ${d.defname}`);
    }
  }
  if (seq.min >= seq.max) throw new PgError(SQLSTATE.invalid_parameter_value, `MINVALUE (${seq.min}) must be less than MAXVALUE (${seq.max})`);
  const cat = txn.catalogForWrite();
  cat.putRelation({ ...rel, sequence: seq });
  if (restart !== undefined) {
    const v = restart === 'start' ? seq.start : restart;
    if (v < seq.min) throw new PgError(SQLSTATE.invalid_parameter_value, `RESTART value (${v}) cannot be less than MINVALUE (${seq.min})`);
    if (v > seq.max) throw new PgError(SQLSTATE.invalid_parameter_value, `RESTART value (${v}) cannot be greater than MAXVALUE (${seq.max})`);
    session.db.sequences.set(rel.filenode, { last: v, isCalled: false });
  }
  void seq;
  seq = { ...seq };
  return commandResult('ALTER SEQUENCE');
}
