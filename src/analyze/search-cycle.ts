/**
 * WITH RECURSIVE ... SEARCH {DEPTH|BREADTH} FIRST BY cols SET seq and CYCLE cols SET mark
 * [TO v DEFAULT d] USING path, rewritten (on the raw parse tree, before analysis) into plain
 * recursive queries the way Postgres rewrites them:
 * - DEPTH FIRST: seq is an array of ROW(cols), the parent's array with the row appended;
 * - BREADTH FIRST: seq is ROW(depth, cols) with depth (bigint) counting from 0;
 * - CYCLE: path is an array of ROW(cols); mark is `ROW(cols) = ANY(parent path)` (v / d), and a
 *   row whose parent was marked is not expanded.
 * The recursive term is wrapped in a subquery that also returns the parent's extra columns, so
 * the new values are computed from the term's output columns.
 *
 * Postgres counterpart: src/backend/rewrite/rewriteSearchCycle.c (rewriteSearchAndCycle) and the
 * checks of parse_cte.c (transformCTESearchClause / transformCTECycleClause).
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { ParseState } from './parse-state.js';
import { selectCommonType } from './coerce.js';
import { transformExpr } from './expr.js';

type AnyNode = Record<string, any>;

const str = (s: string) => ({ String: { sval: s } });
const col = (...names: string[]): AnyNode => ({ ColumnRef: { fields: names.map(str) } });
const row = (args: AnyNode[]): AnyNode => ({ RowExpr: { args, row_format: 'COERCE_EXPLICIT_CALL' } });
const arr = (elements: AnyNode[]): AnyNode => ({ A_ArrayExpr: { elements } });
const op = (name: string, lexpr: AnyNode, rexpr: AnyNode): AnyNode => ({ A_Expr: { kind: 'AEXPR_OP', name: [str(name)], lexpr, rexpr } });
const namedRow = (args: AnyNode[], keys: AnyNode[]): AnyNode => ({ RowExpr: { args, row_format: 'COERCE_EXPLICIT_CALL', colnames: [str('*DEPTH*'), ...keys.map((k) => str(k.String.sval))] } });
const target = (val: AnyNode, name?: string): AnyNode => ({ ResTarget: name === undefined ? { val } : { val, name } });
const int8 = (n: number): AnyNode => ({ TypeCast: { arg: { A_Const: { ival: { ival: n } } }, typeName: { names: [str('pg_catalog'), str('int8')], typemod: -1 } } });
const bool = (b: boolean): AnyNode => ({ A_Const: { boolval: { boolval: b } } });

const SUB = '*sc*';
const PREV = (c: string) => `*prev ${c}*`;

/** The alias the recursive term uses for its self-reference. */
function selfAlias(n: unknown, name: string): string | undefined {
  if (!n || typeof n !== 'object') return undefined;
  const o = n as AnyNode;
  if (o.RangeVar && !o.RangeVar.schemaname && o.RangeVar.relname === name) return o.RangeVar.alias?.aliasname ?? name;
  for (const v of Object.values(o)) {
    const a = selfAlias(v, name);
    if (a !== undefined) return a;
  }
  return undefined;
}

/**
 * Rewrites the CTE body for its SEARCH / CYCLE clauses. `columns` are the names of the WITH
 * query's columns (from the non-recursive term or the column list).
 */
export function rewriteSearchCycle(pstate: ParseState, cte: AnyNode, body: AnyNode, columns: readonly string[]): AnyNode {
  const search = (cte.search_clause?.CTESearchClause ?? cte.search_clause) as AnyNode | undefined;
  const cycle = (cte.cycle_clause?.CTECycleClause ?? cte.cycle_clause) as AnyNode | undefined;
  const name = cte.ctename as string;
  // The mark's value and default must have a common type (analyzeCTE, before the query).
  if (cycle) selectCommonType(pstate, [transformExpr(pstate, cycle.cycle_mark_value ?? bool(true)), transformExpr(pstate, cycle.cycle_mark_default ?? bool(false))], 'CYCLE');
  // "Expandable" recursive queries only: a SELECT on each side of the UNION (parse_cte.c).
  if (body.larg?.op && body.larg.op !== 'SETOP_NONE') {
    throw new PgError(SQLSTATE.feature_not_supported, 'with a SEARCH or CYCLE clause, the left side of the UNION must be a SELECT');
  }
  if (body.rarg?.op && body.rarg.op !== 'SETOP_NONE') {
    throw new PgError(SQLSTATE.syntax_error, 'with a SEARCH or CYCLE clause, the right side of the UNION must be a SELECT');
  }
  const check = (list: AnyNode[], what: string, loc: number | undefined) => {
    const seen = new Set<string>();
    for (const c of list) {
      const s = c.String.sval as string;
      if (!columns.includes(s)) {
        throw new PgError(SQLSTATE.syntax_error, `${what} column "${s}" not in WITH query column list`, { position: pstate.position(loc) });
      }
      if (seen.has(s)) throw new PgError(SQLSTATE.duplicate_column, `${what} column "${s}" specified more than once`, { position: pstate.position(loc) });
      seen.add(s);
    }
  };
  if (search) check(search.search_col_list, 'search', search.location);
  if (cycle) check(cycle.cycle_col_list, 'cycle', cycle.location);
  const extra: string[] = [];
  if (search) {
    if (columns.includes(search.search_seq_column)) {
      throw new PgError(SQLSTATE.syntax_error, `search sequence column name "${search.search_seq_column}" already used in WITH query column list`, { position: pstate.position(search.location) });
    }
    extra.push(search.search_seq_column);
  }
  if (cycle) {
    for (const c of [cycle.cycle_mark_column, cycle.cycle_path_column] as string[]) {
      if (columns.includes(c)) {
        throw new PgError(SQLSTATE.syntax_error, `cycle ${c === cycle.cycle_mark_column ? 'mark' : 'path'} column name "${c}" already used in WITH query column list`, { position: pstate.position(cycle.location) });
      }
    }
    if (cycle.cycle_mark_column === cycle.cycle_path_column) {
      throw new PgError(SQLSTATE.syntax_error, 'cycle mark column name and cycle path column name are the same', { position: pstate.position(cycle.location) });
    }
    if (search && (search.search_seq_column === cycle.cycle_mark_column || search.search_seq_column === cycle.cycle_path_column)) {
      throw new PgError(SQLSTATE.syntax_error, `search sequence column name and cycle ${search.search_seq_column === cycle.cycle_mark_column ? 'mark' : 'path'} column name are the same`, { position: pstate.position(search.location) });
    }
    extra.push(cycle.cycle_mark_column, cycle.cycle_path_column);
  }
  const markValue: AnyNode = cycle?.cycle_mark_value ?? bool(true);
  const markDefault: AnyNode = cycle?.cycle_mark_default ?? bool(false);
  const colsOf = (list: AnyNode[]) => list.map((c) => col(SUB, c.String.sval));

  // Non-recursive term: SELECT *sc*.cols..., <initial extras> FROM (larg) *sc*(cols).
  const leftTargets = [...columns.map((c) => target(col(SUB, c), c))];
  if (search) {
    const keys = colsOf(search.search_col_list);
    leftTargets.push(target(search.search_breadth_first ? namedRow([int8(0), ...keys], search.search_col_list) : arr([row(keys)]), search.search_seq_column));
  }
  if (cycle) {
    leftTargets.push(target(markDefault, cycle.cycle_mark_column));
    leftTargets.push(target(arr([row(colsOf(cycle.cycle_col_list))]), cycle.cycle_path_column));
  }
  const wrap = (sel: AnyNode, names: string[]): AnyNode => ({
    RangeSubselect: { subquery: { SelectStmt: sel }, alias: { aliasname: SUB, colnames: names.map(str) } },
  });
  const larg = {
    targetList: leftTargets,
    fromClause: [wrap(body.larg, [...columns])],
    limitOption: 'LIMIT_OPTION_DEFAULT',
    op: 'SETOP_NONE',
  };

  // Recursive term: the original term also returns the parent's extras; the wrapper computes them.
  const alias = selfAlias(body.rarg, name) ?? name;
  const inner = { ...body.rarg };
  // The parent's extras go first: a `*` in the term expands to the WITH query's columns and its
  // extras too, past the names the wrapper gives (unreferenced there).
  inner.targetList = [...extra.map((e) => target(col(alias, e), PREV(e))), ...(inner.targetList as AnyNode[])];
  if (cycle) {
    const notCycled = op('<>', col(alias, cycle.cycle_mark_column), markValue);
    inner.whereClause = inner.whereClause ? { BoolExpr: { boolop: 'AND_EXPR', args: [inner.whereClause, notCycled] } } : notCycled;
  }
  const rightTargets = [...columns.map((c) => target(col(SUB, c), c))];
  if (search) {
    const keys = colsOf(search.search_col_list);
    const prev = col(SUB, PREV(search.search_seq_column));
    if (search.search_breadth_first) {
      const depth = op('+', { A_Indirection: { arg: prev, indirection: [str('*DEPTH*')], searchDepth: true } }, int8(1));
      rightTargets.push(target(namedRow([depth, ...keys], search.search_col_list), search.search_seq_column));
    } else rightTargets.push(target(op('||', prev, row(keys)), search.search_seq_column));
  }
  if (cycle) {
    const key = row(colsOf(cycle.cycle_col_list));
    const prevPath = col(SUB, PREV(cycle.cycle_path_column));
    const isCycle = { A_Expr: { kind: 'AEXPR_OP_ANY', name: [str('=')], lexpr: key, rexpr: prevPath } };
    rightTargets.push(target({ CaseExpr: { args: [{ CaseWhen: { expr: isCycle, result: markValue } }], defresult: markDefault } }, cycle.cycle_mark_column));
    rightTargets.push(target(op('||', prevPath, row(colsOf(cycle.cycle_col_list))), cycle.cycle_path_column));
  }
  const rarg = {
    targetList: rightTargets,
    fromClause: [wrap(inner, [...extra.map(PREV), ...columns])],
    limitOption: 'LIMIT_OPTION_DEFAULT',
    op: 'SETOP_NONE',
  };
  return { ...body, larg, rarg };
}
