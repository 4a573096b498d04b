/**
 * How a query reads a system relation: as a set-returning call that yields the relation's cached
 * rows at execution time (so a cached plan always sees the current catalog), with the relation's
 * columns and collations for the analyzer.
 * Postgres counterpart: a SeqScan of a catalog heap (or of a system view's query).
 */
import type { FuncExpr } from '../../nodes/primnodes.js';
import type { FunctionImpl } from '../../functions/registry.js';
import { OID } from '../../types/oids.js';
import { statementRows, systemRelationNamed, type SystemRelationDef } from './registry.js';
import './sources.js';

/** The system relation an unqualified or qualified name in FROM refers to, if any. */
export function lookupSystemRelation(schema: string | undefined, name: string, searchPath: readonly string[]): SystemRelationDef | undefined {
  if (schema) return schema === 'pg_catalog' || schema === 'information_schema' ? systemRelationNamed(schema, name) : undefined;
  // pg_catalog is searched first unless the search path names it later; information_schema only when listed.
  if (!searchPath.includes('pg_catalog')) {
    const r = systemRelationNamed('pg_catalog', name);
    if (r) return r;
  }
  for (const s of searchPath) {
    if (s === 'pg_catalog' || s === 'information_schema') {
      const r = systemRelationNamed(s, name);
      if (r) return r;
    }
  }
  return undefined;
}

const calls = new Map<number, FuncExpr>();
const relationOfFn = new WeakMap<object, SystemRelationDef>();

/** The system relation whose scan `call` is (see systemScanCall), if it is one. */
export function systemRelationOfCall(call: FuncExpr): SystemRelationDef | undefined {
  return relationOfFn.get(call.fn);
}

/** The call whose rows are the relation's rows (records in column order). */
export function systemScanCall(rel: SystemRelationDef): FuncExpr {
  let call = calls.get(rel.oid);
  if (!call) {
    const fn: FunctionImpl = {
      name: rel.name,
      argTypes: [],
      returnType: OID.record,
      strict: false,
      volatility: 's',
      retset: true,
      fn: (_args, rt) => statementRows(rel, rt as { session: typeof rt.session; cache?: Map<unknown, unknown> }),
    };
    call = { kind: 'FuncExpr', name: rel.name, fn, args: [], type: OID.record, typmod: -1, retset: true };
    calls.set(rel.oid, call);
    relationOfFn.set(fn, rel);
  }
  return call;
}
