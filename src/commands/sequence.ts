/**
 * Sequences: CREATE SEQUENCE options (AS type, INCREMENT, MINVALUE/MAXVALUE, START, CACHE, CYCLE,
 * OWNED BY), those of serial and identity columns, and the `nextval('seq'::regclass)` default.
 * Counters live in DbState and are not transactional, as in Postgres.
 * Postgres counterpart: src/backend/commands/sequence.c.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { RelationDef, SequenceInfo, StoredExpr } from '../catalog/objects.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { OID } from '../types/oids.js';
import { formatType, quoteIdentIfNeeded } from '../types/registry.js';
import { functionsNamed } from '../functions/registry.js';
import { coerceTo } from '../analyze/coerce.js';
import type { Expr } from '../nodes/primnodes.js';
import type { Session } from '../session/session.js';
import { commandResult, type StatementResult } from '../session/dispatch.js';
import { creationNamespace } from '../analyze/relation.js';
import { resolveTypeName } from '../analyze/type-name.js';
import { truncateIdentifier } from './naming.js';
import { alterSequenceOptions } from './alter-sequence.js';
import { tempTableNamespace } from './temp-tables.js';

type AnyNode = Record<string, any>;

const LIMITS: Record<number, [bigint, bigint]> = {
  [OID.int2]: [-32768n, 32767n],
  [OID.int4]: [-2147483648n, 2147483647n],
  [OID.int8]: [-9223372036854775808n, 9223372036854775807n],
};

function num(d: AnyNode | undefined): bigint | undefined {
  if (!d || !d.arg) return undefined;
  const a = d.arg;
  if (a.Integer) return BigInt(a.Integer.ival ?? 0);
  if (a.Float) return BigInt(a.Float.fval);
  if (a.A_Const?.ival) return BigInt(a.A_Const.ival.ival ?? 0);
  if (a.TypeName) return undefined;
  return undefined;
}

export function defineSequence(
  session: Session,
  cat: Catalog,
  ns: number,
  name: string,
  base: { type: number; ownedBy?: SequenceInfo['ownedBy']; identity?: boolean; persistence?: RelationDef['persistence'] },
  opts: Record<string, AnyNode>,
): RelationDef {
  let type = base.type;
  if (opts.as) {
    type = resolveTypeName(cat, session.searchPath(), opts.as.arg.TypeName ?? opts.as.arg, () => undefined).oid;
    if (!LIMITS[type]) throw new PgError(SQLSTATE.invalid_parameter_value, 'sequence type must be smallint, integer, or bigint');
  }
  const [tmin, tmax] = LIMITS[type] ?? LIMITS[OID.int8];
  const increment = num(opts.increment) ?? 1n;
  if (increment === 0n) throw new PgError(SQLSTATE.invalid_parameter_value, 'INCREMENT must not be zero');
  const min = num(opts.minvalue) ?? (increment > 0n ? 1n : tmin);
  const max = num(opts.maxvalue) ?? (increment > 0n ? tmax : -1n);
  if (min < tmin || max > tmax) {
    const which = min < tmin ? `MINVALUE (${min})` : `MAXVALUE (${max})`;
    throw new PgError(SQLSTATE.invalid_parameter_value, `${which} is out of range for sequence data type ${formatType(cat, type)}`);
  }
  if (min >= max) throw new PgError(SQLSTATE.invalid_parameter_value, `MINVALUE (${min}) must be less than MAXVALUE (${max})`);
  const start = num(opts.start) ?? (increment > 0n ? min : max);
  if (start < min) throw new PgError(SQLSTATE.invalid_parameter_value, `START value (${start}) cannot be less than MINVALUE (${min})`);
  if (start > max) throw new PgError(SQLSTATE.invalid_parameter_value, `START value (${start}) cannot be greater than MAXVALUE (${max})`);
  const cache = num(opts.cache) ?? 1n;
  for (const k of Object.keys(opts)) {
    if (!['as', 'increment', 'minvalue', 'maxvalue', 'start', 'cache', 'cycle', 'owned_by', 'sequence_name'].includes(k)) {
      throw featureNotSupported(`sequence option ${k}`);
    }
  }
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
    sequence: { type, start, increment, min, max, cache, cycle: !!opts.cycle?.arg?.Boolean?.boolval, ownedBy: base.ownedBy, identity: base.identity },
  };
  cat.putRelation(rel);
  session.db.sequences.delete(oid);
  return rel;
}

/** `nextval('name'::regclass)` as a stored default. */
export function serialDefault(cat: Catalog, seq: RelationDef, columnType: number = OID.int8): StoredExpr {
  const fns = functionsNamed('nextval');
  const f = fns.find((x) => x.argTypes.length === 1 && x.argTypes[0] === OID.regclass);
  if (!f) throw new Error('fauxgres internal: nextval(regclass) missing');
  const nsName = cat.namespaceName(seq.namespace);
  const qual = nsName === 'public' ? quoteIdentIfNeeded(seq.name) : `${quoteIdentIfNeeded(nsName)}.${quoteIdentIfNeeded(seq.name)}`;
  const call: Expr = { kind: 'FuncExpr', name: 'nextval', fn: f, args: [{ kind: 'Const', type: OID.regclass, typmod: -1, value: seq.oid }], type: OID.int8, typmod: -1 };
  return {
    expr: columnType === OID.int8 ? call : coerceTo(undefined, cat, call, columnType, -1, 'assignment'),
    text: `nextval('${qual}'::regclass)`,
    volatile: true,
  };
}

export function createSequence(session: Session, n: AnyNode, sql: string): StatementResult {
  void sql;
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
  const opts: Record<string, AnyNode> = {};
  for (const o of (n.options ?? []) as AnyNode[]) {
    const d = o.DefElem;
    if (opts[d.defname]) throw new PgError(SQLSTATE.syntax_error, 'conflicting or redundant options');
    opts[d.defname] = d;
  }
  const ownedBy = opts.owned_by;
  delete opts.owned_by;
  const rel = defineSequence(session, cat, ns, name, { type: OID.int8, persistence: temp ? 't' : rv.relpersistence === 'u' ? 'u' : 'p' }, opts);
  txn.createdFilenodes.add(rel.oid);
  if (ownedBy) alterSequenceOptions(session, cat, rel, [{ DefElem: ownedBy }]);
  return commandResult('CREATE SEQUENCE');
}
