/**
 * ALTER SEQUENCE: RESTART [WITH], INCREMENT, MINVALUE/MAXVALUE, START, CYCLE.
 * Postgres counterpart: src/backend/commands/sequence.c (AlterSequence).
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Session } from '../session/session.js';
import { commandResult, type StatementResult } from '../session/dispatch.js';
import { lookupRelation } from '../analyze/relation.js';
import type { Catalog } from '../catalog/catalog.js';
import type { RelationDef, SequenceInfo } from '../catalog/objects.js';
import { collectSequenceOptions, initSequenceParams, type PositionOf } from './sequence-params.js';
import { relkindNotSupportedDetail } from './relkind-detail.js';
import { checkRelationOwner } from './owner.js';
import { rewriteSequence } from './sequence.js';
import { charOffset } from '../analyze/parse-state.js';

type AnyNode = Record<string, any>;

export function alterSequence(session: Session, n: AnyNode, sql: string): StatementResult {
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
  checkRelationOwner(session, txn.catalog, rel);
  if (rel.kind !== 'S' || !rel.sequence) throw new PgError(SQLSTATE.wrong_object_type, `cannot open relation "${rel.name}"`, { detail: relkindNotSupportedDetail(rel.kind) });
  alterSequenceOptions(session, txn.catalogForWrite(), rel, (n.options ?? []) as AnyNode[], (loc) => (loc === undefined || loc < 0 ? undefined : String(charOffset(sql, loc) + 1)), n.for_identity === true);
  return commandResult('ALTER SEQUENCE');
}

/**
 * Applies ALTER SEQUENCE options (also used by ALTER TABLE ... ALTER COLUMN ... SET for identity,
 * `forIdentity`, and by CREATE SEQUENCE for its OWNED BY).
 */
export function alterSequenceOptions(session: Session, cat: Catalog, rel: RelationDef, options: readonly AnyNode[], position: PositionOf = () => undefined, forIdentity = false): void {
  const opts = collectSequenceOptions(options, position, false);
  const state = session.db.sequences.get(rel.filenode) ?? { last: rel.sequence!.start, isCalled: false };
  const p = initSequenceParams(cat, session.searchPath(), opts, forIdentity, rel.sequence!, state, rel.sequence!.type, position);
  const seq: SequenceInfo = { ...p.seq, ownedBy: opts.ownedBy ? ownedByTarget(session, cat, rel, opts.ownedBy, forIdentity) : rel.sequence!.ownedBy };
  // Any option but OWNED BY rewrites the sequence (new storage: a rollback restores its value).
  if (opts.byName.size > (opts.ownedBy ? 1 : 0)) rewriteSequence(session, cat, { ...rel, sequence: seq }, { last: p.lastValue, isCalled: p.isCalled });
  else cat.putRelation({ ...rel, sequence: seq });
}

/** process_owned_by: the column an OWNED BY names (undefined for NONE), with Postgres's checks. */
function ownedByTarget(session: Session, cat: Catalog, rel: RelationDef, names: readonly string[], forIdentity: boolean): SequenceInfo['ownedBy'] {
  if (names.length === 1) {
    if (names[0] !== 'none') throw new PgError(SQLSTATE.syntax_error, 'invalid OWNED BY option', { hint: 'Specify OWNED BY table.column or OWNED BY NONE.' });
    checkNotIdentity(cat, rel, forIdentity);
    return undefined;
  }
  const relName = names.slice(0, -1);
  const col = names[names.length - 1];
  if (relName.length > 3) throw new PgError(SQLSTATE.syntax_error, `improper relation name (too many dotted names): ${relName.join('.')}`);
  if (relName.length === 3 && relName[0] !== session.databaseName()) {
    throw new PgError(SQLSTATE.feature_not_supported, `cross-database references are not implemented: "${relName.join('.')}"`);
  }
  const qn = relName.length >= 2 ? { schema: relName[relName.length - 2], name: relName[relName.length - 1] } : { name: relName[0] };
  if (qn.schema !== undefined && cat.namespaceOid(qn.schema) === undefined) throw new PgError(SQLSTATE.invalid_schema_name, `schema "${qn.schema}" does not exist`);
  const table = lookupRelation(cat, session.searchPath(), qn);
  if (!table) throw new PgError(SQLSTATE.undefined_table, `relation "${qn.schema ? `${qn.schema}.` : ''}${qn.name}" does not exist`);
  if (!['r', 'f', 'v', 'p'].includes(table.kind)) {
    throw new PgError(SQLSTATE.wrong_object_type, `sequence cannot be owned by relation "${table.name}"`, { detail: relkindNotSupportedDetail(table.kind) });
  }
  if (table.owner !== rel.owner) throw new PgError(SQLSTATE.object_not_in_prerequisite_state, 'sequence must have same owner as table it is linked to');
  if (table.namespace !== rel.namespace) throw new PgError(SQLSTATE.object_not_in_prerequisite_state, 'sequence must be in same schema as table it is linked to');
  const c = table.columns.find((x) => x.name === col && !x.dropped);
  if (!c) throw new PgError(SQLSTATE.undefined_column, `column "${col}" of relation "${table.name}" does not exist`);
  checkNotIdentity(cat, rel, forIdentity);
  return { relation: table.oid, attnum: c.attnum };
}

function checkNotIdentity(cat: Catalog, rel: RelationDef, forIdentity: boolean): void {
  if (forIdentity || !rel.sequence?.identity || !rel.sequence.ownedBy) return;
  throw new PgError(SQLSTATE.feature_not_supported, 'cannot change ownership of identity sequence', {
    detail: `Sequence "${rel.name}" is linked to table "${cat.relations.get(rel.sequence.ownedBy.relation)?.name ?? ''}".`,
  });
}
