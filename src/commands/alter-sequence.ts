/**
 * ALTER SEQUENCE: RESTART [WITH], INCREMENT, MINVALUE/MAXVALUE, START, CYCLE.
 * Postgres counterpart: src/backend/commands/sequence.c (AlterSequence).
 */
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Session } from '../session/session.js';
import { commandResult, type StatementResult } from '../session/dispatch.js';
import { lookupRelation } from '../analyze/relation.js';
import type { Catalog } from '../catalog/catalog.js';
import type { RelationDef, SequenceInfo } from '../catalog/objects.js';

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
  alterSequenceOptions(session, txn.catalogForWrite(), rel, (n.options ?? []) as AnyNode[]);
  return commandResult('ALTER SEQUENCE');
}

/** Applies ALTER SEQUENCE options (also used by ALTER TABLE ... ALTER COLUMN ... SET for identity). */
export function alterSequenceOptions(session: Session, cat: Catalog, rel: RelationDef, options: AnyNode[]): void {
  const seq = { ...rel.sequence! };
  let restart: bigint | 'start' | undefined;
  let ownedBy: SequenceInfo['ownedBy'] | null | undefined;
  for (const o of options) {
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
      case 'owned_by': {
        const names = ((d.arg?.List?.items ?? d.arg ?? []) as AnyNode[]).map((x) => x.String.sval as string);
        if (names.length === 1 && names[0] === 'none') {
          ownedBy = null;
          break;
        }
        if (names.length < 2) throw new PgError(SQLSTATE.invalid_parameter_value, 'invalid OWNED BY option', { hint: 'Specify OWNED BY table.column or OWNED BY NONE.' });
        const col = names.pop() as string;
        const table = lookupRelation(cat, session.searchPath(), names.length === 2 ? { schema: names[0], name: names[1] } : { name: names[0] });
        if (!table) throw new PgError(SQLSTATE.undefined_table, `relation "${names.join('.')}" does not exist`);
        const c = table.columns.find((x) => x.name === col && !x.dropped);
        if (!c) throw new PgError(SQLSTATE.undefined_column, `column "${col}" of relation "${table.name}" does not exist`);
        if (table.namespace !== rel.namespace) {
          throw new PgError(SQLSTATE.object_not_in_prerequisite_state, 'sequence must be in same schema as table it is linked to');
        }
        ownedBy = { relation: table.oid, attnum: c.attnum };
        break;
      }
      default:
        throw featureNotSupported(`ALTER SEQUENCE ${d.defname}`);
    }
  }
  if (seq.min >= seq.max) throw new PgError(SQLSTATE.invalid_parameter_value, `MINVALUE (${seq.min}) must be less than MAXVALUE (${seq.max})`);
  if (ownedBy !== undefined) seq.ownedBy = ownedBy ?? undefined;
  cat.putRelation({ ...rel, sequence: seq });
  if (restart !== undefined) {
    const v = restart === 'start' ? seq.start : restart;
    if (v < seq.min) throw new PgError(SQLSTATE.invalid_parameter_value, `RESTART value (${v}) cannot be less than MINVALUE (${seq.min})`);
    if (v > seq.max) throw new PgError(SQLSTATE.invalid_parameter_value, `RESTART value (${v}) cannot be greater than MAXVALUE (${seq.max})`);
    session.db.sequences.set(rel.filenode, { last: v, isCalled: false });
  }
}
