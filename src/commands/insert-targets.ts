/**
 * INSERT's target column list: plain columns, and columns assigned through indirection
 * (`INSERT INTO t (tags[1], address.city, settings['theme']) ...`). A column may be named
 * several times through indirection (each assignment applies on the previous one's result,
 * starting from NULL), but never both whole and through indirection, nor twice whole (42701).
 *
 * Postgres counterpart: checkInsertTargets and transformInsertRow / transformAssignedExpr in
 * src/backend/parser/analyze.c and parse_target.c; process_matched_tle in rewriteHandler.c.
 */
import type { ColumnDef, RelationDef } from '../catalog/objects.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Expr } from '../nodes/primnodes.js';
import { transformAssignmentIndirection } from '../analyze/assign-indirection.js';
import type { ParseState } from '../analyze/parse-state.js';

type AnyNode = Record<string, any>;

export interface InsertTargets {
  cols: ColumnDef[];
  /** Per position, the target when it has indirection (undefined when no target has any). */
  indirect?: (AnyNode | undefined)[];
  /**
   * Position i's value through its indirection, built on the earlier assignments to the same
   * column recorded in `chain` (keyed by attnum); undefined for a plain column.
   */
  assign(i: number, rhs: Expr, chain: Map<number, Expr>): Expr | undefined;
}

export function insertTargets(ps: ParseState, rel: RelationDef, targets: AnyNode[]): InsertTargets {
  const cols: ColumnDef[] = [];
  const whole = new Set<number>();
  const partial = new Set<number>();
  let indirect: (AnyNode | undefined)[] | undefined;
  targets.forEach((c, i) => {
    const rt = c.ResTarget;
    const col = rel.columns.find((x) => x.name === rt.name && !x.dropped);
    if (!col) {
      throw new PgError(SQLSTATE.undefined_column, `column "${rt.name}" of relation "${rel.name}" does not exist`, { position: ps.position(rt.location) });
    }
    const dup = whole.has(col.attnum) || (!rt.indirection && partial.has(col.attnum));
    if (dup) throw new PgError(SQLSTATE.duplicate_column, `column "${rt.name}" specified more than once`, { position: ps.position(rt.location) });
    (rt.indirection ? partial : whole).add(col.attnum);
    if (rt.indirection) (indirect ??= [])[i] = rt;
    cols.push(col);
  });
  // The last assignment to a column computes it from the earlier ones (nested on them): those are
  // not evaluated on their own (their value would be overwritten, and a domain over the column's
  // type is checked on the combined value only).
  const last = new Map<number, number>();
  cols.forEach((c, i) => last.set(c.attnum, i));
  return {
    cols,
    indirect,
    assign(i, rhs, chain) {
      const rt = indirect?.[i];
      if (!rt) return undefined;
      const col = cols[i];
      const base: Expr = chain.get(col.attnum) ?? ({ kind: 'Const', value: null, type: col.type, typmod: col.typmod, location: -1 } as Expr);
      const e = transformAssignmentIndirection(ps, base, col.name, col.type, col.typmod, rt.indirection as AnyNode[], rhs, rt.location);
      chain.set(col.attnum, e);
      return last.get(col.attnum) === i ? e : ({ kind: 'Const', value: null, type: col.type, typmod: col.typmod, location: -1 } as Expr);
    },
  };
}
