/**
 * MERGE's support function merge_action(): the action ('INSERT', 'UPDATE' or 'DELETE') MERGE
 * took for the row RETURNING is computing. It reads a hidden one-column range entry that MERGE
 * adds to its query and fills per row; anywhere but a MERGE's RETURNING list (or subqueries in
 * it) it is an error, as in Postgres.
 * Postgres counterpart: parse_expr.c transformMergeSupportFunc.
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Expr } from '../nodes/primnodes.js';
import type { ParseState } from './parse-state.js';
import { makeVar } from './column-ref.js';

/** MERGE statements' parse states → the range table index of their merge_action slot. */
export const mergeActionSlots = new WeakMap<ParseState, number>();

export function transformMergeSupportFunc(pstate: ParseState, location: number | undefined): Expr {
  let levels = 0;
  for (let ps: ParseState | undefined = pstate; ps; ps = ps.parent, levels++) {
    const rti = mergeActionSlots.get(ps);
    if (rti !== undefined && ps.exprKind === 'returning') return makeVar(ps.query.rtable[rti], rti, 1, levels, location);
  }
  throw new PgError(SQLSTATE.syntax_error, 'MERGE_ACTION() can only be used in the RETURNING list of a MERGE command', { position: pstate.position(location) });
}
