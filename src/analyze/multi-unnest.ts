/**
 * `unnest(a, b, ...)` with several arrays in FROM: Postgres rewrites it as ROWS FROM (unnest(a),
 * unnest(b), ...), one column per array, as many rows as the longest array (shorter ones padded
 * with nulls). Here it is one set-returning call yielding a record per row.
 * Postgres counterpart: src/backend/parser/parse_clause.c (transformRangeFunction).
 */
import type { Expr } from '../nodes/primnodes.js';
import type { RteColumn } from '../nodes/query.js';
import { OID } from '../types/oids.js';
import { typeInfo } from '../types/registry.js';
import { PgArray, PgRecord, type Value } from '../types/values.js';
import { transformExpr, strVal } from './expr.js';
import type { ParseState } from './parse-state.js';

type AnyNode = Record<string, any>;

/** Whether a FROM function call is unnest() with more than one argument. */
export function isMultiArgUnnest(call: AnyNode): boolean {
  const fc = call.FuncCall;
  if (!fc || (fc.args?.length ?? 0) < 2 || fc.agg_star || fc.func_variadic || fc.agg_order || fc.over) return false;
  const names = (fc.funcname as AnyNode[]).map(strVal);
  return names[names.length - 1] === 'unnest' && (names.length === 1 || names[0] === 'pg_catalog');
}

/** Analyzes the call; returns the record-returning expression and its columns. */
export function transformMultiArgUnnest(pstate: ParseState, call: AnyNode): { expr: Expr; cols: RteColumn[] } {
  const fc = call.FuncCall;
  // Each argument alone must be a valid unnest() call (its errors are unnest's).
  const args = (fc.args as AnyNode[]).map((a) => {
    const single = transformExpr(pstate, { FuncCall: { ...fc, args: [a] } }) as Extract<Expr, { kind: 'FuncExpr' }>;
    return single.args[0];
  });
  const cols: RteColumn[] = args.map((a) => {
    const elem = typeInfo(pstate.catalog, a.type).elem ?? OID.text;
    return { name: 'unnest', type: elem, typmod: a.typmod, collation: a.collation };
  });
  const run = (vals: Value[]): Iterable<Value> => {
    const lists = vals.map((v) => (v === null ? [] : (v as PgArray).items));
    const n = Math.max(0, ...lists.map((l) => l.length));
    const out: Value[] = [];
    for (let i = 0; i < n; i++) out.push(new PgRecord(lists.map((l) => (i < l.length ? l[i] : null))));
    return out;
  };
  const expr: Expr = {
    kind: 'FuncExpr', name: 'unnest', type: OID.record, typmod: -1, args, retset: true,
    fn: { name: 'unnest', argTypes: args.map((a) => a.type), returnType: OID.record, strict: false, volatility: 'i', retset: true, fn: run },
  } as Expr;
  return { expr, cols };
}
