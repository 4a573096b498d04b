/**
 * `ORDER BY x USING <` / `USING >`: the type's default btree less-than or greater-than
 * operator, which sorts as ASC or DESC (NULLS default as for those). Other operators of a
 * btree family (`=`, `<=`, ...) are not ordering operators (42809).
 * Postgres counterpart: addTargetToSortList's SORTBY_USING branch in parse_clause.c
 * (get_ordering_op_properties).
 * Known gaps: operators of non-default operator classes (`~<~` of text_pattern_ops) and user
 * operators are 0A000.
 */
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Expr } from '../nodes/primnodes.js';
import { formatType } from '../types/registry.js';
import { comparatorFor } from './ordering.js';
import type { ParseState } from './parse-state.js';

type AnyNode = Record<string, any>;

const NOT_ORDERING = new Set(['=', '<>', '<=', '>=']);

/** The direction `ORDER BY e USING op` sorts in. */
export function sortUsingDirection(ps: ParseState, sb: AnyNode, e: Expr): 'SORTBY_ASC' | 'SORTBY_DESC' {
  const names = ((sb.useOp ?? []) as AnyNode[]).map((n) => n.String?.sval as string);
  const op = names[names.length - 1];
  if (names.length > 2 || (names.length === 2 && names[0] !== 'pg_catalog')) throw featureNotSupported('ORDER BY ... USING a schema-qualified operator', sb.location);
  if (op === '<' || op === '>') {
    comparatorFor(ps.catalog, e.type, undefined, () => ps.position(sb.location));
    return op === '<' ? 'SORTBY_ASC' : 'SORTBY_DESC';
  }
  if (NOT_ORDERING.has(op)) {
    throw new PgError(SQLSTATE.wrong_object_type, `operator ${op} is not a valid ordering operator`, {
      hint: 'Ordering operators must be "<" or ">" members of btree operator families.',
      position: ps.position(sb.location),
    });
  }
  throw featureNotSupported(`ORDER BY ... USING operator ${op} on type ${formatType(ps.catalog, e.type)}`, sb.location);
}
