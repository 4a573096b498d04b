/**
 * WITH RECURSIVE analysis: a self-referencing WITH query must be `non-recursive-term UNION [ALL]
 * recursive-term`; its column types come from the non-recursive term, the recursive term is
 * coerced to them, and the self-reference may appear once, directly in the recursive term's FROM.
 * Postgres counterpart: src/backend/parser/parse_cte.c (checkWellFormedRecursion) and
 * analyze.c (transformSetOperationTree's recursive case).
 * SEARCH / CYCLE clauses are rewritten first (search-cycle.ts).
 * Known gaps: a WITH clause attached to the recursive UNION of a query with SEARCH or CYCLE (0A000).
 */
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { emptyQuery, type CommonTableExpr, type Query, type RteColumn } from '../nodes/query.js';
import { OID } from '../types/oids.js';
import { formatType } from '../types/registry.js';
import { coerceTo, selectCommonType } from './coerce.js';
import { isHashableType } from './ordering.js';
import { strVal } from './expr.js';
import { ParseState, type StatementState } from './parse-state.js';
import { rewriteSearchCycle } from './search-cycle.js';
import { checkWellFormedRecursion } from './recursive-check.js';

type AnyNode = Record<string, any>;
type SelectFn = (stmt: StatementState, n: AnyNode, parent?: ParseState, keepUnknownTargets?: boolean) => Query;

/** A recursive WITH query while its recursive term is analyzed: where it may be referenced from. */
interface Pending {
  readonly setLevel: ParseState;
  referenced: boolean;
  /** SEARCH/CYCLE rewrite: the recursive term is wrapped in one subquery. */
  readonly wrapped?: boolean;
}
const pending = new WeakMap<CommonTableExpr, Pending>();

/**
 * Called for each FROM reference to a WITH query: true when it is the recursive self-reference
 * (the scan then reads the working table). Raises Postgres's errors for misplaced references.
 */
export function checkRecursiveReference(pstate: ParseState, cte: CommonTableExpr, location: number | undefined): boolean {
  const p = pending.get(cte);
  if (!p) return false;
  const fail = (what: string) =>
    new PgError(SQLSTATE.invalid_recursion, `recursive reference to query "${cte.name}" must not appear ${what}`, { position: pstate.position(location) });
  // (checkWellFormedRecursion placed it: any depth of FROM subqueries and inner WITH queries)
  if (p.referenced) throw fail('more than once');
  p.referenced = true;
  return true;
}

/**
 * Analyzes the body of a self-referencing WITH RECURSIVE query `cte` (raw CommonTableExpr node)
 * into a recursive UNION query and its columns. `register` makes the (provisional) WITH query
 * visible while the recursive term is analyzed.
 */
export function transformRecursiveCte(
  pstate: ParseState,
  cte: AnyNode,
  body0: AnyNode,
  transformSelect: SelectFn,
  register: (c: CommonTableExpr) => void,
  transformWith?: (ps: ParseState, w: AnyNode) => void,
): { query: Query; columns: RteColumn[] } {
  let body = body0;
  const name = cte.ctename as string;
  if (body.op !== 'SETOP_UNION') {
    throw new PgError(SQLSTATE.invalid_recursion, `recursive query "${name}" does not have the form non-recursive-term UNION [ALL] recursive-term`, {
      position: pstate.position(cte.location),
    });
  }
  checkWellFormedRecursion(pstate, name, body);
  const notImpl = (what: string, loc: number | undefined) =>
    new PgError(SQLSTATE.feature_not_supported, `${what} in a recursive query is not implemented`, { position: pstate.position(loc) });
  if (body.sortClause) throw notImpl('ORDER BY', exprLocation(body.sortClause[0]?.SortBy?.node ?? {}));
  if (body.limitOffset) throw notImpl('OFFSET', exprLocation(body.limitOffset));
  if (body.limitCount) throw notImpl('LIMIT', exprLocation(body.limitCount));
  if (body.lockingClause) throw notImpl('FOR UPDATE/SHARE', undefined);
  if (body.withClause && (!transformWith || cte.search_clause || cte.cycle_clause)) throw featureNotSupported('WITH attached to a recursive UNION', cte.location);
  const wrapped = !!(cte.search_clause || cte.cycle_clause);
  if (wrapped) {
    // The column names, from a first look at the non-recursive term (it is analyzed again below).
    const probe = transformSelect(pstate.stmt, body.larg, new ParseState(pstate.stmt, emptyQuery('select'), pstate), false);
    const names = probe.targetList.filter((t) => !t.resjunk).map((t) => t.name);
    const alias = ((cte.aliascolnames ?? []) as AnyNode[]).map(strVal);
    body = rewriteSearchCycle(pstate, cte, body, names.map((nm, i) => alias[i] ?? nm));
  }

  const q = emptyQuery('select');
  const setLevel = new ParseState(pstate.stmt, q, pstate);
  // A WITH attached to the whole UNION: its queries are visible to both terms.
  if (body.withClause) transformWith!(setLevel, body.withClause);
  const left = transformSelect(pstate.stmt, body.larg, setLevel, false);
  const lt = left.targetList.filter((t) => !t.resjunk);
  let columns: RteColumn[] = lt.map((t) => ({ name: t.name, type: t.expr.type === OID.unknown ? OID.text : t.expr.type, typmod: t.expr.typmod, collation: t.expr.collation }));
  if (cte.aliascolnames) {
    const names = (cte.aliascolnames as AnyNode[]).map(strVal);
    if (names.length > columns.length) {
      throw new PgError(SQLSTATE.invalid_column_reference, `WITH query "${name}" has ${columns.length} columns available but ${names.length} columns specified`, {
        position: pstate.position(cte.location),
      });
    }
    columns = columns.map((c, i) => (i < names.length ? { ...c, name: names[i] } : c));
  }
  const provisional: CommonTableExpr = { name, query: q, columns, recursive: true };
  pending.set(provisional, { setLevel, referenced: false, wrapped });
  // While the recursive term is analyzed, the WITH query's rows are the non-recursive term's.
  q.targetList = lt;
  register(provisional);
  const right = transformSelect(pstate.stmt, body.rarg, setLevel, true);
  pending.delete(provisional);
  if (right.hasAggs) {
    throw new PgError(SQLSTATE.invalid_recursion, "aggregate functions are not allowed in a recursive query's recursive term", {
      position: pstate.position(right.aggs[0]?.location),
    });
  }
  const rt = right.targetList.filter((t) => !t.resjunk);
  if (rt.length !== lt.length) {
    throw new PgError(SQLSTATE.syntax_error, 'each UNION query must have the same number of columns', {
      position: pstate.position(body.rarg.targetList?.[0]?.ResTarget?.location),
    });
  }
  for (let i = 0; i < lt.length; i++) {
    const want = columns[i].type;
    const common = selectCommonType(setLevel, [lt[i].expr, rt[i].expr], 'UNION');
    // The overall column keeps a typmod only when both terms have it (select_common_typmod).
    const wantTypmod = columns[i].typmod ?? -1;
    const rightTypmod = rt[i].expr.type === want ? (rt[i].expr.typmod ?? -1) : -1;
    const commonTypmod = (lt[i].expr.typmod ?? -1) === rightTypmod ? rightTypmod : -1;
    if ((common !== want && common !== OID.unknown) || (common === want && wantTypmod !== commonTypmod)) {
      const overall = common === want ? formatType(pstate.catalog, common, commonTypmod) : formatType(pstate.catalog, common);
      throw new PgError(SQLSTATE.datatype_mismatch, `recursive query "${name}" column ${i + 1} has type ${formatType(pstate.catalog, want, wantTypmod)} in non-recursive term but type ${overall} overall`, {
        hint: 'Cast the output of the non-recursive term to the correct type.',
        position: pstate.position(lt[i].expr.location),
      });
    }
    if (lt[i].expr.type !== want) lt[i] = { ...lt[i], expr: coerceTo(setLevel, pstate.catalog, lt[i].expr, want, -1, 'implicit') };
    if (rt[i].expr.type !== want) rt[i] = { ...rt[i], expr: coerceTo(setLevel, pstate.catalog, rt[i].expr, want, -1, 'implicit') };
  }
  left.targetList = [...lt, ...left.targetList.filter((t) => t.resjunk)];
  right.targetList = [...rt, ...right.targetList.filter((t) => t.resjunk)];
  const columnTypes = columns.map((c) => ({ type: c.type, typmod: c.typmod }));
  // A recursive UNION (not ALL) remembers the rows it has seen in a hash table (Postgres's planner).
  if (!body.all && columnTypes.some((c) => !isHashableType(pstate.catalog, c.type))) {
    throw new PgError(SQLSTATE.feature_not_supported, 'could not implement recursive UNION', { detail: 'All column datatypes must be hashable.' });
  }
  q.setOp = { op: 'union', all: !!body.all, left, right, columnTypes, recursive: true };
  q.targetList = lt.map((t, i) => ({
    expr: { kind: 'InputRef', index: i, type: columns[i].type, typmod: columns[i].typmod, collation: t.expr.collation },
    name: t.name,
    resjunk: false,
  }));
  return { query: q, columns };
}

function exprLocation(n: AnyNode): number | undefined {
  const inner = Object.values(n)[0] as AnyNode | undefined;
  return inner?.location;
}
