/**
 * Sequences: CREATE SEQUENCE options (AS type, INCREMENT, MINVALUE/MAXVALUE, START, CACHE, CYCLE,
 * OWNED BY), those of serial and identity columns, and the `nextval('seq'::regclass)` default.
 * Counters live in DbState and are not transactional, as in Postgres.
 * Postgres counterpart: src/backend/commands/sequence.c.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { RelationDef, SequenceInfo, StoredExpr } from '../catalog/objects.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { OID } from '../types/oids.js';
import { quoteIdentIfNeeded } from '../types/registry.js';
import { functionsNamed } from '../functions/registry.js';
import { coerceTo } from '../analyze/coerce.js';
import type { Expr, ExprRuntime } from '../nodes/primnodes.js';
import type { Value } from '../types/values.js';
import type { Session } from '../session/session.js';
import { commandResult, type StatementResult } from '../session/dispatch.js';
import { creationNamespace } from '../analyze/relation.js';
import { charOffset } from '../analyze/parse-state.js';
import { collectSequenceOptions, initSequenceParams, type PositionOf } from './sequence-params.js';
import { truncateIdentifier } from './naming.js';
import { alterSequenceOptions } from './alter-sequence.js';
import { tempTableNamespace } from './temp-tables.js';

type AnyNode = Record<string, any>;

/**
 * Creates a sequence relation from its options (a DefElem list). For serial and identity
 * columns `base.type` is the column's type (an AS option is then a duplicate, as Postgres's
 * generated one comes first); OWNED BY and SEQUENCE NAME are the caller's business.
 */
export function defineSequence(
  session: Session,
  cat: Catalog,
  ns: number,
  name: string,
  base: { type: number; ownedBy?: SequenceInfo['ownedBy']; identity?: boolean; persistence?: RelationDef['persistence'] },
  options: readonly AnyNode[],
  position: PositionOf = () => undefined,
): RelationDef {
  const forColumn = base.ownedBy !== undefined;
  const opts = collectSequenceOptions(forColumn ? [{ DefElem: { defname: 'as' } }, ...options] : options, position, base.identity === true);
  if (forColumn) (opts.byName as Map<string, AnyNode>).delete('as');
  const p = initSequenceParams(cat, session.searchPath(), opts, base.identity === true, undefined, undefined, base.type, position);
  const oid = session.db.newOid();
  const rel: RelationDef = {
    oid,
    name,
    namespace: ns,
    kind: 'S',
    // An owned sequence shares its table's persistence; anything in a temporary schema is temporary.
    persistence: base.persistence ?? (base.ownedBy ? cat.relations.get(base.ownedBy.relation)?.persistence : undefined) ?? (cat.namespaceName(ns).startsWith('pg_temp_') ? 't' : 'p'),
    owner: session.currentUser(),
    columns: [],
    filenode: oid,
    rowType: 0,
    sequence: { ...p.seq, ownedBy: base.ownedBy, identity: base.identity },
  };
  cat.putRelation(rel);
  session.db.sequences.delete(oid);
  return rel;
}

/**
 * Gives a sequence new storage holding `state` (undefined: its start), inside the transaction, as
 * Postgres's ResetSequence / AlterSequence do: a rollback brings the old value back.
 */
export function rewriteSequence(session: Session, cat: Catalog, rel: RelationDef, state: { last: bigint; isCalled: boolean } | undefined): RelationDef {
  const txn = session.transaction();
  const fresh = session.db.newOid();
  txn.droppedFilenodes.add(rel.filenode);
  txn.createdFilenodes.add(fresh);
  const out = { ...rel, filenode: fresh };
  cat.putRelation(out);
  if (state) session.db.sequences.set(fresh, state);
  return out;
}

/** `nextval('name'::regclass)` as a stored default. */
export function serialDefault(cat: Catalog, seq: RelationDef, columnType: number = OID.int8): StoredExpr {
  const fns = functionsNamed('nextval');
  const f = fns.find((x) => x.argTypes.length === 1 && x.argTypes[0] === OID.regclass);
  if (!f) throw new Error('fauxgres internal: nextval(regclass) missing');
  const nsName = cat.namespaceName(seq.namespace);
  const qual = nsName === 'public' ? quoteIdentIfNeeded(seq.name) : `${quoteIdentIfNeeded(nsName)}.${quoteIdentIfNeeded(seq.name)}`;
  // An identity column draws without a privilege check on its sequence (Postgres's NextValueExpr).
  const fn = seq.sequence?.identity ? { ...f, fn: (a: readonly Value[], rt: ExprRuntime) => rt.session.nextval(a[0] as number) } : f;
  const call: Expr = { kind: 'FuncExpr', name: 'nextval', fn, args: [{ kind: 'Const', type: OID.regclass, typmod: -1, value: seq.oid }], type: OID.int8, typmod: -1 };
  return {
    expr: columnType === OID.int8 ? call : coerceTo(undefined, cat, call, columnType, -1, 'assignment'),
    text: `nextval('${qual}'::regclass)`,
    volatile: true,
  };
}

export function createSequence(session: Session, n: AnyNode, sql: string): StatementResult {
  const rv = n.sequence;
  const txn = session.transaction();
  const name = truncateIdentifier(rv.relname);
  const temp = rv.relpersistence === 't';
  const ns = temp ? tempTableNamespace(session, rv.schemaname, undefined) : creationNamespace(txn.catalog, session.searchPath(), { schema: rv.schemaname, name });
  if (txn.catalog.relationIn(ns, name)) {
    if (n.if_not_exists) {
      session.notice(new PgError(SQLSTATE.duplicate_table, `relation "${name}" already exists, skipping`, { severity: 'NOTICE' }));
      return commandResult('CREATE SEQUENCE');
    }
    throw new PgError(SQLSTATE.duplicate_table, `relation "${name}" already exists`);
  }
  const cat = txn.catalogForWrite();
  const pos: PositionOf = (loc) => (loc === undefined || loc < 0 ? undefined : String(charOffset(sql, loc) + 1));
  const options = ((n.options ?? []) as AnyNode[]).filter((o) => o.DefElem.defname !== 'owned_by');
  // (the duplicate and OWNED BY checks see every option, in order)
  const ownedBy = collectSequenceOptions((n.options ?? []) as AnyNode[], pos, false).byName.get('owned_by');
  const rel = defineSequence(session, cat, ns, name, { type: OID.int8, persistence: temp ? 't' : rv.relpersistence === 'u' ? 'u' : 'p' }, options, pos);
  txn.createdFilenodes.add(rel.oid);
  if (ownedBy) alterSequenceOptions(session, cat, rel, [{ DefElem: ownedBy }]);
  return commandResult('CREATE SEQUENCE');
}
