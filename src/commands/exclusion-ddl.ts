/**
 * `EXCLUDE [USING method] (elem WITH op, ...) [INCLUDE (...)] [WHERE (pred)] [DEFERRABLE ...]` in
 * CREATE TABLE and ALTER TABLE ADD CONSTRAINT: the index (built and checked over existing rows)
 * and the pg_constraint row (contype 'x'), named `<table>_<cols>_excl` by default.
 * Postgres counterpart: src/backend/commands/indexcmds.c (DefineIndex with exclusion operators),
 * parser/parse_utilcmd.c (transformIndexConstraint).
 */
import type { Catalog } from '../catalog/catalog.js';
import type { ExclusionOperator, IndexKey, RelationDef } from '../catalog/objects.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Session } from '../session/session.js';
import { analyzeTableExpr } from './column-expr.js';
import { defineIndex } from './create-index.js';
import { indexOptionKind, relOptionsOf } from './reloptions.js';
import { exclusionOperator, hasDefaultOpclass, noDefaultOpclass } from './exclusion.js';
import { chooseName, truncateIdentifier } from './naming.js';
import { checkUniqueCoversKey } from './partition-ddl.js';

type AnyNode = Record<string, any>;

/** Creates an exclusion constraint on `rel` from its Constraint node; returns the constraint OID. */
export function addExclusionConstraint(session: Session, cat: Catalog, rel: RelationDef, con: AnyNode, sql: string, taken: Set<string>): number {
  const method: string = con.access_method ?? 'btree';
  if (method !== 'btree' && method !== 'gist' && method !== 'spgist' && method !== 'hash') {
    throw featureNotSupported(`index access method "${method}"`, con.location);
  }
  if (con.indexname) throw featureNotSupported('EXCLUDE ... USING INDEX', con.location);
  const keys: IndexKey[] = [];
  const ops: ExclusionOperator[] = [];
  const names: string[] = [];
  for (const item of (con.exclusions ?? []) as AnyNode[]) {
    const [elemNode, opList] = item.List.items as AnyNode[];
    const e = elemNode.IndexElem;
    if (e.opclass?.length) throw featureNotSupported('operator classes in exclusion constraints', con.location);
    const opName = ((opList.List?.items ?? []) as AnyNode[]).map((x) => x.String.sval as string).pop() as string;
    const desc = e.ordering === 'SORTBY_DESC';
    const nullsFirst = e.nulls_ordering === 'SORTBY_NULLS_FIRST' ? true : e.nulls_ordering === 'SORTBY_NULLS_LAST' ? false : desc;
    let type: number;
    if (e.name) {
      const col = rel.columns.find((c) => c.name === e.name && !c.dropped);
      if (!col) throw new PgError(SQLSTATE.undefined_column, `column "${e.name}" named in key does not exist`);
      keys.push({ attnum: col.attnum, descending: desc, nullsFirst });
      names.push(col.name);
      type = col.type;
    } else {
      const ex = analyzeTableExpr(session, cat, rel, e.expr, 'index', sql);
      if (ex.mutable) throw new PgError(SQLSTATE.invalid_object_definition, 'functions in index expression must be marked IMMUTABLE');
      keys.push({ attnum: 0, expr: ex, descending: desc, nullsFirst });
      const fc = e.expr.FuncCall;
      names.push(fc ? (fc.funcname as AnyNode[]).map((x) => x.String.sval).pop() : 'expr');
      type = ex.expr.type;
    }
    if (!hasDefaultOpclass(cat, method, type)) throw noDefaultOpclass(cat, method, type);
    ops.push(exclusionOperator(cat, method, type, opName));
  }
  const include = ((con.including ?? []) as AnyNode[]).map((k) => {
    const c = rel.columns.find((x) => x.name === k.String.sval && !x.dropped);
    if (!c) throw new PgError(SQLSTATE.undefined_column, `column "${k.String.sval}" named in key does not exist`);
    names.push(c.name);
    return c.attnum;
  });
  const predicate = con.where_clause ? analyzeTableExpr(session, cat, rel, con.where_clause, 'index predicate', sql) : undefined;
  if (rel.kind === 'p') checkUniqueCoversKey(cat, rel, keys, 'EXCLUDE', ops);
  const ns = rel.namespace;
  const name = con.conname ? truncateIdentifier(con.conname) : chooseName(cat, ns, rel.name, names.join('_'), 'excl', taken, true);
  if (cat.relationIn(ns, name)) throw new PgError(SQLSTATE.duplicate_table, `relation "${name}" already exists`);
  taken.add(name);
  const idxOid = defineIndex(session, cat, rel, { name, keys, unique: false, primary: false, nullsNotDistinct: false, include, predicate, method, exclusion: ops, options: relOptionsOf(con.options, indexOptionKind(method)) });
  const conOid = session.db.newOid();
  cat.putConstraint({
    oid: conOid, name, kind: 'x', relation: rel.oid, namespace: ns, columns: keys.map((k) => k.attnum), index: idxOid,
    deferrable: !!con.deferrable, deferred: !!con.initdeferred, validated: true,
  });
  const idx = cat.relation(idxOid);
  cat.putRelation({ ...idx, index: { ...idx.index!, constraint: conOid } });
  return conOid;
}
