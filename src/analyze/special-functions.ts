/**
 * Functions whose analysis needs more than overload resolution: pg_typeof (its argument's type
 * is the answer), and calls Postgres rewrites in the grammar.
 */
import type { Expr } from '../nodes/primnodes.js';
import type { RangeTblEntry } from '../nodes/query.js';
import { pgColumnSizeComputed, pgColumnSizeStored } from '../functions/builtins/column-size.js';
import { OID } from '../types/oids.js';
import { makeConst } from './coerce.js';
import type { ParseState } from './parse-state.js';
import { transformExpr } from './expr.js';

type AnyNode = Record<string, any>;

export function transformSpecialFunction(pstate: ParseState, name: string, n: AnyNode): Expr | undefined {
  if (name === 'pg_typeof' && (n.args ?? []).length === 1 && (n.funcname as AnyNode[]).length <= 2) {
    const arg = transformExpr(pstate, n.args[0]);
    return makeConst(OID.regtype, arg.type, -1, n.location);
  }
  // pg_collation_for / pg_column_size of an unknown literal: passed to "any" as is (a C string),
  // it has no collation and takes its length plus the terminator.
  const args = (n.args ?? []) as AnyNode[];
  const lit = args.length === 1 && (n.funcname as AnyNode[]).length <= 2 && !n.over ? unknownLiteral(args[0]) : undefined;
  if (name === 'pg_collation_for' && lit !== undefined) return makeConst(OID.text, null, -1, n.location);
  if (name === 'pg_column_size' && args.length === 1 && (n.funcname as AnyNode[]).length <= 2 && !n.over && !n.agg_star) {
    if (lit !== undefined) return makeConst(OID.int4, lit === null ? null : Buffer.byteLength(lit) + 1, -1, n.location);
    // A table column is read as stored (short varlena headers): its own variant.
    const arg = transformExpr(pstate, args[0]);
    const fn = isStoredColumn(pstate, arg) ? pgColumnSizeStored : pgColumnSizeComputed;
    return { kind: 'FuncExpr', name, fn, args: [arg], type: OID.int4, typmod: -1, location: n.location };
  }
  return undefined;
}

/** A Var reading a table's column, directly or through subquery outputs that are such Vars. */
function isStoredColumn(pstate: ParseState, e: Expr): boolean {
  if (e.kind !== 'Var') return false;
  let ps: ParseState | undefined = pstate;
  for (let i = 0; i < e.levelsUp && ps; i++) ps = ps.parent;
  const rte = ps?.query.rtable[e.rti];
  return isStoredRte(rte, e.attno);
}

function isStoredRte(rte: RangeTblEntry | undefined, attno: number): boolean {
  if (!rte) return false;
  if (rte.kind === 'relation') return attno > 0 && rte.rel.kind !== 'v';
  if (rte.kind === 'subquery') {
    const te = rte.query.targetList.filter((t) => !t.resjunk)[attno - 1];
    if (!te || te.expr.kind !== 'Var' || te.expr.levelsUp !== 0) return false;
    return isStoredRte(rte.query.rtable[te.expr.rti], te.expr.attno);
  }
  return false;
}

/** The text of an untyped string literal (or null for NULL), else undefined. */
function unknownLiteral(a: AnyNode): string | null | undefined {
  const c = a.A_Const as AnyNode | undefined;
  if (!c) return undefined;
  if (c.isnull) return null;
  return c.sval ? ((c.sval as AnyNode).sval as string | undefined) ?? '' : undefined;
}
