/**
 * WITH RECURSIVE: every WITH item may name every other, so the items are put in an order in which
 * each one only reads those before it (forward references removed), and items that read each
 * other are refused (`mutual recursion between WITH items is not implemented`). A data-modifying
 * item that reads itself is refused too (42P19).
 *
 * Postgres counterpart: parser/parse_cte.c (makeDependencyGraph, TopologicalSort, and the
 * data-modifying check of checkWellFormedRecursion).
 * Known gaps: an inner WITH's names hide the outer items in its whole statement (Postgres scopes
 * a non-recursive inner WITH item's name to the items after it).
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';

type AnyNode = Record<string, any>;

const DML = new Set(['InsertStmt', 'UpdateStmt', 'DeleteStmt', 'MergeStmt']);

/** The names among `names` the raw tree `n` reads as relations (unqualified, not hidden by an inner WITH). */
function referencedNames(n: unknown, names: ReadonlySet<string>, hidden: ReadonlySet<string>, out: Set<string>): void {
  if (!n || typeof n !== 'object') return;
  if (Array.isArray(n)) {
    for (const x of n) referencedNames(x, names, hidden, out);
    return;
  }
  const o = n as AnyNode;
  if (o.RangeVar) {
    const rv = o.RangeVar;
    if (!rv.schemaname && names.has(rv.relname) && !hidden.has(rv.relname)) out.add(rv.relname);
    return;
  }
  let h = hidden;
  const inner = o.withClause?.ctes as AnyNode[] | undefined;
  if (inner?.length) {
    h = new Set(hidden);
    for (const c of inner) (h as Set<string>).add(c.CommonTableExpr.ctename);
  }
  for (const v of Object.values(o)) referencedNames(v, names, h, out);
}

/**
 * The items of a WITH RECURSIVE list in a safe processing order (Postgres's TopologicalSort:
 * for each position, the first remaining item with no unprocessed dependency, swapped in).
 * @param position turns a 0-based location into the error's position
 */
export function orderRecursiveCtes(ctes: readonly AnyNode[], position: (loc: number | undefined) => string | undefined): AnyNode[] {
  const names = new Set(ctes.map((c) => c.CommonTableExpr.ctename as string));
  const items = ctes.map((c, id) => {
    const refs = new Set<string>();
    referencedNames(c.CommonTableExpr.ctequery, names, new Set(), refs);
    return { c, id, name: c.CommonTableExpr.ctename as string, self: refs.has(c.CommonTableExpr.ctename), deps: new Set([...refs].filter((r) => r !== c.CommonTableExpr.ctename)) };
  });
  for (let i = 0; i < items.length; i++) {
    let j = i;
    while (j < items.length && items[j].deps.size) j++;
    if (j >= items.length) {
      throw new PgError(SQLSTATE.feature_not_supported, 'mutual recursion between WITH items is not implemented', { position: position(items[i].c.CommonTableExpr.location) });
    }
    if (i !== j) [items[i], items[j]] = [items[j], items[i]];
    for (let k = i + 1; k < items.length; k++) items[k].deps.delete(items[i].name);
  }
  for (const it of items) {
    const cte = it.c.CommonTableExpr;
    if (it.self && DML.has(Object.keys(cte.ctequery)[0])) {
      throw new PgError(SQLSTATE.invalid_recursion, `recursive query "${it.name}" must not contain data-modifying statements`, { position: position(cte.location) });
    }
  }
  return items.map((it) => it.c);
}
