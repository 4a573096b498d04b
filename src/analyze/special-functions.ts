/**
 * Functions whose analysis needs more than overload resolution: pg_typeof (its argument's type
 * is the answer), and calls Postgres rewrites in the grammar.
 */
import type { Expr } from '../nodes/primnodes.js';
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
  return undefined;
}
