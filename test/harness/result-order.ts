/**
 * Decides whether a statement's result rows have a defined order. Rows of a statement without one
 * are sorted before formatting, so that unordered results compare as multisets.
 *
 * Postgres counterpart: none (Postgres guarantees an order only under a top-level ORDER BY;
 * see "7.5. Sorting Rows" in the manual).
 *
 * Rule (from libpg-query's parse tree of the statement text):
 * - a SELECT (including VALUES, TABLE, set operations and WITH queries) is ordered iff its
 *   top-level node has a sortClause (an ORDER BY that applies to the whole result);
 * - INSERT / UPDATE / DELETE / MERGE with RETURNING are unordered;
 * - every other statement (SHOW, EXPLAIN, FETCH, ...) keeps the order the server sent;
 * - a statement that does not parse keeps its order (it returns no rows anyway).
 * An ORDER BY on a non-unique key leaves ties in server order: corpus authors order by unique keys.
 */
import { loadModule, parseSync } from 'libpg-query';

let loaded: Promise<void> | undefined;

/** Loads libpg-query's WASM module; await once before calling `hasUnspecifiedOrder`. */
export function loadOrderParser(): Promise<void> {
  loaded ??= loadModule();
  return loaded;
}

type Node = Record<string, unknown>;

/**
 * Whether rows returned by `sql` come in an unspecified order (and should be sorted to compare).
 *
 * @example
 * hasUnspecifiedOrder('SELECT * FROM t');             // true
 * hasUnspecifiedOrder('SELECT * FROM t ORDER BY id'); // false
 * hasUnspecifiedOrder('DELETE FROM t RETURNING id');  // true
 */
export function hasUnspecifiedOrder(sql: string): boolean {
  let stmts: { stmt?: Node }[];
  try {
    stmts = (parseSync(sql) as unknown as { stmts?: { stmt?: Node }[] }).stmts ?? [];
  } catch {
    return false;
  }
  const top = stmts[stmts.length - 1]?.stmt;
  if (!top) return false;
  const [kind] = Object.keys(top);
  const node = top[kind] as Node;
  switch (kind) {
    case 'SelectStmt': {
      const sort = node.sortClause as unknown[] | undefined;
      return !sort || sort.length === 0;
    }
    case 'InsertStmt':
    case 'UpdateStmt':
    case 'DeleteStmt':
    case 'MergeStmt': {
      const clause = node.returningClause as { exprs?: unknown[] } | undefined;
      const legacy = node.returningList as unknown[] | undefined;
      return (clause?.exprs?.length ?? 0) > 0 || (legacy?.length ?? 0) > 0;
    }
    default:
      return false;
  }
}
