/**
 * SELECT analysis: WITH, FROM (tables, views, subqueries, VALUES, functions, joins with
 * ON/USING/NATURAL), WHERE, the target list, GROUP BY/HAVING with Postgres's grouping checks,
 * DISTINCT [ON], ORDER BY (output names, ordinals, expressions), LIMIT/OFFSET, set operations.
 * Postgres counterpart: src/backend/parser/analyze.c (transformSelectStmt), parse_clause.c.
 */
import { orderRecursiveCtes } from './cte-order.js';
import { firstSrf, forEachChild } from '../nodes/walk.js';
import { isCorrelated } from '../plan/walk-query.js';
import { sortUsingDirection } from './sort-using.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Expr, SortKey } from '../nodes/primnodes.js';
import { NO_COLLATION, isIndeterminateCollation } from '../types/collation.js';
import { emptyQuery, type JoinNode, type Query, type RangeTblEntry, type RteColumn, type TargetEntry, type JoinRte } from '../nodes/query.js';
import type { RelationDef } from '../catalog/objects.js';
import { OID } from '../types/oids.js';
import { typeInfo, formatType } from '../types/registry.js';
import { coerceTo, coerceToCommon, selectCommonType, canCoerce } from './coerce.js';
import { coerceToBoolean, makeOp, makeSortKey, nodeKind, strVal, transformExpr } from './expr.js';
import { ParseState, type NamespaceItem, type StatementState } from './parse-state.js';
import { openRelation, relationRte, rangeVarName } from './relation.js';
import { expandValuesStars, resolveUnknownTargets, transformTargetList } from './target.js';
import { makeVar } from './column-ref.js';
import { checkGrouping } from './grouping.js';
import { checkGroupingFuncs, expandGroupingSets, hasGroupingSets } from './grouping-sets.js';
import { checkRecursiveReference, transformRecursiveCte } from './recursive-cte.js';
import { referencesCte } from './recursive-check.js';
import { checkWindowsInAggregates, registerWindowClause, windowFuncsOf } from './window.js';
import { analyzeFromFunction } from './range-function.js';
import { analyzeJsonTable } from './json-table.js';
import { expandView } from '../rewrite/view.js';
import { registerJoinColumns } from './join-columns.js';
import { boundRelationOid, freezeColumns, missingBoundRelation, recordRelation } from '../rewrite/view-binding.js';
import { lockRlsSubquery, rlsSelectRte } from '../rewrite/row-security.js';
import { checkSchemaUsage, checkSelectPermissions, checkSequenceSelect, checkSystemRelationSelect, markSelectLevel } from './permissions.js';
import { systemRelationIsPublic } from '../catalog/system/system-acl.js';
import { lookupSystemRelation, systemScanCall } from '../catalog/system/scan.js';
import { checkEqualityOperator } from './ordering.js';

type AnyNode = Record<string, any>;

export function transformSelectStmt(stmt: StatementState, n: AnyNode, parent?: ParseState, keepUnknownTargets = false): Query {
  if (n.op && n.op !== 'SETOP_NONE') return transformSetOp(stmt, n, parent, keepUnknownTargets);
  const q = emptyQuery('select');
  markSelectLevel(q);
  const pstate = new ParseState(stmt, q, parent);
  if (n.withClause) transformWith(pstate, n.withClause);
  // (a statement's own INTO became CREATE TABLE AS before analysis: this one is nested)
  if (n.intoClause) throw new PgError(SQLSTATE.syntax_error, 'SELECT ... INTO is not allowed here', { position: pstate.position(n.intoClause.rel?.location) });
  if (n.valuesLists) return transformValues(pstate, n);
  for (const item of (n.fromClause ?? []) as AnyNode[]) {
    const node = transformFromItem(pstate, item);
    q.fromList.push(node);
  }
  // Everything in FROM is now visible to the rest of the query.
  for (const it of pstate.namespace) it.lateralOnly = false;
  if (n.windowClause) registerWindowClause(pstate, n.windowClause);
  // The select list before WHERE, as transformSelectStmt does (which error comes first).
  pstate.exprKind = 'select';
  q.targetList = transformTargetList(pstate, n.targetList ?? []);
  if (n.whereClause) {
    pstate.exprKind = 'where';
    q.where = coerceToBoolean(pstate, transformExpr(pstate, n.whereClause), 'WHERE');
  }
  // INSERT ... SELECT types bare literals by their target columns; elsewhere they become text.
  if (!keepUnknownTargets) q.targetList = resolveUnknownTargets(pstate, q.targetList);
  if (n.groupClause) transformGroupBy(pstate, n.groupClause, !!n.groupDistinct);
  if (n.havingClause) {
    pstate.exprKind = 'having';
    q.having = coerceToBoolean(pstate, transformExpr(pstate, n.havingClause), 'HAVING');
  }
  pstate.exprKind = 'order';
  q.sortBy = transformSortClause(pstate, n.sortClause ?? [], q.targetList, true);
  if (n.distinctClause) transformDistinct(pstate, n.distinctClause);
  transformLimit(pstate, n);
  if (n.lockingClause) transformLocking(pstate, n.lockingClause);
  q.aggs = pstate.aggs;
  if (windowFuncsOf(pstate).length) {
    q.windowFuncs = windowFuncsOf(pstate);
    checkWindowsInAggregates(pstate);
  }
  q.hasAggs = pstate.aggs.length > 0;
  if (q.hasAggs || q.groupBy.length || q.having) checkGrouping(pstate);
  if (q.hasAggs) checkGroupingFuncs(pstate, exprEqual);
  checkSelectPermissions(stmt, q);
  return q;
}

function transformLocking(pstate: ParseState, clauses: AnyNode[]): void {
  const q = pstate.query;
  q.locking = clauses.map((c) => {
    const lc = c.LockingClause;
    if (q.hasAggs || q.groupBy.length || pstate.aggs.length) {
      throw new PgError(SQLSTATE.feature_not_supported, `FOR ${strengthName(lc.strength)} is not allowed with aggregate functions`);
    }
    if (q.distinct) throw new PgError(SQLSTATE.feature_not_supported, `FOR ${strengthName(lc.strength)} is not allowed with DISTINCT clause`);
    const rtis = lc.lockedRels
      ? (lc.lockedRels as AnyNode[]).map((r) => {
          const name = r.RangeVar.relname;
          const i = q.rtable.findIndex((e) => e.alias === name);
          if (i < 0) {
            throw new PgError(SQLSTATE.undefined_table, `relation "${name}" in FOR ${strengthName(lc.strength)} clause not found in FROM clause`, {
              position: pstate.position(r.RangeVar.location),
            });
          }
          return i;
        })
      : q.rtable.map((_, i) => i).filter((i) => q.rtable[i].kind === 'relation' || (q.rtable[i] as { rlsRelation?: number }).rlsRelation !== undefined);
    // A table read through its policies: UPDATE's USING too, and its rows locked through the subquery.
    for (const i of rtis) {
      const rte = q.rtable[i];
      if (rte.kind === 'subquery' && rte.rlsRelation !== undefined) lockRlsSubquery(pstate.stmt, rte);
    }
    const wait = lc.waitPolicy === 'LockWaitSkip' ? 'skip' : lc.waitPolicy === 'LockWaitError' ? 'nowait' : 'wait';
    return { strength: lc.strength as string, rtis, wait };
  });
  // (Postgres's planner check, after every clause was analyzed)
  if (q.locking.length && firstSrf(q.targetList.map((t) => t.expr))) {
    throw new PgError(SQLSTATE.feature_not_supported, `FOR ${strengthName(q.locking[0].strength)} is not allowed with set-returning functions in the target list`);
  }
}

function strengthName(s: string): string {
  return ({ LCS_FORUPDATE: 'UPDATE', LCS_FORNOKEYUPDATE: 'NO KEY UPDATE', LCS_FORSHARE: 'SHARE', LCS_FORKEYSHARE: 'KEY SHARE' } as Record<string, string>)[s] ?? s;
}

function transformWith(pstate: ParseState, w: AnyNode): void {
  // WITH RECURSIVE: items in an order without forward references (see cte-order.ts).
  const ctes = w.recursive ? orderRecursiveCtes(w.ctes as AnyNode[], (loc) => pstate.position(loc)) : (w.ctes as AnyNode[]);
  for (const c of ctes) {
    const cte = c.CommonTableExpr;
    const name = cte.ctename as string;
    if (pstate.ctes.some((x) => x.name === name)) {
      throw new PgError(SQLSTATE.duplicate_alias, `WITH query name "${name}" specified more than once`, { position: pstate.position(cte.location) });
    }
    const [k, body] = nodeKind(cte.ctequery);
    if (k !== 'SelectStmt') {
      // (a top-level statement runs its data-modifying WITH queries first: commands/dml.ts)
      if (!pstate.parent) throw featureNotSupported('data-modifying statements in WITH', cte.location);
      throw new PgError(SQLSTATE.feature_not_supported, 'WITH clause containing a data-modifying statement must be at the top level', { position: pstate.position(cte.location) });
    }
    // (an inner WITH query of the same name hides this one: then it is not self-referencing)
    if (w.recursive && referencesCte({ SelectStmt: body }, name)) {
      // Self-referencing: see recursive-cte.ts. The provisional entry is replaced by the final one.
      let slot = -1;
      const r = transformRecursiveCte(pstate, cte, body, transformSelectStmt, (p) => {
        slot = pstate.ctes.push(p) - 1;
      }, transformWith);
      const final = { name, query: r.query, columns: r.columns, recursive: true };
      if (slot >= 0) pstate.ctes[slot] = final;
      else pstate.ctes.push(final);
      pstate.query.ctes.push(final);
      continue;
    }
    const sub = transformSelectStmt(pstate.stmt, body, pstate);
    let cols: RteColumn[] = sub.targetList.filter((t) => !t.resjunk).map((t) => ({ name: t.name, type: t.expr.type, typmod: t.expr.typmod, collation: t.expr.collation }));
    if (cte.aliascolnames) {
      const names = (cte.aliascolnames as AnyNode[]).map(strVal);
      if (names.length > cols.length) {
        throw new PgError(SQLSTATE.invalid_column_reference, `WITH query "${name}" has ${cols.length} columns available but ${names.length} columns specified`, {
          position: pstate.position(cte.location),
        });
      }
      cols = cols.map((c, i) => (i < names.length ? { ...c, name: names[i] } : c));
    }
    pstate.ctes.push({ name, query: sub, columns: cols, recursive: false, materialized: cte.ctematerialized === 'CTEMaterializeAlways' ? true : cte.ctematerialized === 'CTEMaterializeNever' ? false : undefined });
    pstate.query.ctes.push(pstate.ctes[pstate.ctes.length - 1]);
  }
}

/** Whether a parse tree mentions an unqualified relation `name` (a reference to a WITH query). */
export function selectReferences(n: unknown, name: string): boolean {
  if (!n || typeof n !== 'object') return false;
  const o = n as AnyNode;
  if (o.RangeVar && !o.RangeVar.schemaname && o.RangeVar.relname === name) return true;
  for (const v of Object.values(o)) if (selectReferences(v, name)) return true;
  return false;
}

function findCte(pstate: ParseState, name: string): { cte: import('../nodes/query.js').CommonTableExpr; levelsUp: number } | undefined {
  let lv = 0;
  for (let ps: ParseState | undefined = pstate; ps; ps = ps.parent, lv++) {
    const c = ps.ctes.find((x) => x.name === name);
    if (c) return { cte: c, levelsUp: lv };
  }
  return undefined;
}

function addItem(pstate: ParseState, rti: number, lateralOnly = true): NamespaceItem {
  const item: NamespaceItem = { rti, rte: pstate.query.rtable[rti], relVisible: true, colsVisible: true, lateralOnly };
  const from = pstate.aliasedJoinStart ?? 0;
  const dup = pstate.namespace.find((i, idx) => idx >= from && i.relVisible && !i.lateralOnly && i.rte.alias === item.rte.alias && (i.rte.kind !== 'join' || i.rte.hasAlias));
  if (dup && item.rte.kind !== 'join') {
    throw new PgError(SQLSTATE.duplicate_alias, `table name "${item.rte.alias}" specified more than once`);
  }
  pstate.namespace.push(item);
  return item;
}

function applyColumnAliases(cols: RteColumn[], alias: AnyNode | undefined, pstate: ParseState, what: string): RteColumn[] {
  if (!alias?.colnames) return cols;
  const names = (alias.colnames as AnyNode[]).map(strVal);
  const live = cols.filter((c) => !c.dropped).length;
  if (names.length > live) {
    const subject = what === 'join' ? 'join expression' : 'table';
    throw new PgError(SQLSTATE.invalid_column_reference, `${subject} "${alias.aliasname}" has ${live} columns available but ${names.length} columns specified`);
  }
  void pstate;
  let i = 0;
  return cols.map((c) => (c.dropped || i >= names.length ? c : { ...c, name: names[i++] }));
}

/** Analyzes one FROM item, adds its range entries and namespace items, returns its join node. */
function transformFromItem(pstate: ParseState, item: AnyNode): JoinNode {
  const [k, n] = nodeKind(item);
  switch (k) {
    case 'RangeVar': {
      const bound = boundRelationOid(pstate.stmt.viewBinding, n.location);
      if (bound) return boundRangeVar(pstate, n, bound);
      if (!n.schemaname) {
        const cte = findCte(pstate, n.relname);
        if (cte) {
          const cols = applyColumnAliases([...cte.cte.columns], n.alias, pstate, 'cte');
          const selfReference = checkRecursiveReference(pstate, cte.cte, n.location);
          const outerCorrelated = !selfReference && !!cte.cte.query && isCorrelated(cte.cte.query);
          const rti = pstate.addRte({ kind: 'cte', cteName: cte.cte.name, levelsUp: cte.levelsUp, alias: n.alias?.aliasname ?? n.relname, hasAlias: !!n.alias, columns: cols, lateral: false, ...(selfReference ? { selfReference } : {}), ...(outerCorrelated ? { outerCorrelated } : {}) });
          addItem(pstate, rti, false);
          return { kind: 'RangeTblRef', rti };
        }
      }
      const mat = !n.schemaname ? pstate.stmt.session.materializedCte(n.relname) : undefined;
      if (mat) {
        if (mat.noReturning) {
          throw new PgError(SQLSTATE.feature_not_supported, `WITH query "${n.relname}" does not have a RETURNING clause`, { position: pstate.position(n.location) });
        }
        const cols = applyColumnAliases(mat.columns.map((c) => ({ name: c.name, type: c.type, typmod: c.typmod })), n.alias, pstate, 'cte');
        const rows = mat.rows.map((r) => r.map((v, i) => ({ kind: 'Const', type: mat.columns[i].type, typmod: mat.columns[i].typmod, value: v }) as Expr));
        const rti = pstate.addRte(rows.length
          ? { kind: 'values', rows, alias: n.alias?.aliasname ?? n.relname, hasAlias: !!n.alias, columns: cols, lateral: false }
          : { kind: 'values', rows: [], alias: n.alias?.aliasname ?? n.relname, hasAlias: !!n.alias, columns: cols, lateral: false });
        addItem(pstate, rti, false);
        return { kind: 'RangeTblRef', rti };
      }
      const sys = lookupSystemRelation(n.schemaname, n.relname, pstate.stmt.session.searchPath());
      if (sys) {
        if (!systemRelationIsPublic(sys)) checkSystemRelationSelect(pstate.stmt, sys);
        const cols = applyColumnAliases(sys.columns.map((c) => ({ name: c.name, type: c.type, typmod: -1, collation: c.collation })), n.alias, pstate, 'catalog');
        const rti = pstate.addRte({ kind: 'function', call: systemScanCall(sys), expandsRecord: true, ...(sys.kind === 'r' ? { systemTable: sys.oid } : {}), ordinality: false, alias: n.alias?.aliasname ?? n.relname, hasAlias: !!n.alias, columns: cols, lateral: false });
        addItem(pstate, rti, false);
        return { kind: 'RangeTblRef', rti };
      }
      const rel = openRelation(pstate.catalog, pstate.stmt.session.searchPath(), rangeVarName(n), pstate.position(n.location));
      if (n.schemaname) checkSchemaUsage(pstate.stmt, rel.namespace, pstate.position(n.location));
      recordRelation(pstate.stmt.viewBinding, n.location, rel.oid, rel.columns);
      return relationFromItem(pstate, n, rel, undefined);
    }
    case 'RangeSubselect': {
      if (!n.alias) {
        // Postgres 16+ allows subqueries without alias.
      }
      const lateral = !!n.lateral;
      // Non-lateral subqueries cannot see sibling FROM items.
      const saved = pstate.namespace.map((i) => i.lateralOnly);
      if (!lateral) for (const i of pstate.namespace) i.lateralOnly = true;
      else for (const i of pstate.namespace) i.lateralOnly = false;
      const savedKind = pstate.exprKind;
      pstate.exprKind = 'from subquery';
      let sub: Query;
      try {
        sub = transformSelectStmt(pstate.stmt, n.subquery.SelectStmt, pstate);
      } finally {
        pstate.exprKind = savedKind;
      }
      pstate.namespace.forEach((i, idx) => (i.lateralOnly = saved[idx]));
      const cols = applyColumnAliases(sub.targetList.filter((t) => !t.resjunk).map((t) => ({ name: t.name, type: t.expr.type, typmod: t.expr.typmod, collation: t.expr.collation })), n.alias, pstate, 'subquery');
      const alias = n.alias?.aliasname ?? 'unnamed_subquery';
      const rti = pstate.addRte({ kind: 'subquery', query: sub, alias, hasAlias: !!n.alias, columns: cols, lateral });
      const it = addItem(pstate, rti, false);
      if (!n.alias) it.relVisible = false;
      // A rule's OLD / NEW (src/rewrite/rules.ts): reachable only qualified, as in Postgres.
      if (n.ruleRelOnly) it.colsVisible = false;
      return { kind: 'RangeTblRef', rti };
    }
    case 'JoinExpr':
      return transformJoin(pstate, n);
    case 'RangeFunction':
      return transformRangeFunction(pstate, n);
    case 'JsonTable': {
      // JSON_TABLE is implicitly LATERAL, like functions in FROM.
      for (const i of pstate.namespace) i.lateralOnly = false;
      const saved = pstate.exprKind;
      pstate.exprKind = 'from function';
      const jt = analyzeJsonTable(pstate, n);
      pstate.exprKind = saved;
      const cols = applyColumnAliases(jt.columns, n.alias, pstate, 'function');
      const rti = pstate.addRte({ kind: 'function', call: jt.call, expandsRecord: true, ordinality: false, alias: n.alias?.aliasname ?? 'json_table', hasAlias: !!n.alias, columns: cols, lateral: true });
      addItem(pstate, rti, false);
      return { kind: 'RangeTblRef', rti };
    }
    default:
      throw featureNotSupported(`FROM item ${k}`, n.location);
  }
}

/** A FROM item naming a relation (table, view, matview, sequence) already looked up. */
function relationFromItem(pstate: ParseState, n: AnyNode, rel: RelationDef, frozen: readonly string[] | undefined): JoinNode {
      const freeze = (cols: RteColumn[]): RteColumn[] => (frozen ? freezeColumns(cols, frozen, n.alias?.colnames?.length ?? 0) : cols);
      if (rel.kind === 'v') {
        const sub = expandView(pstate, rel);
        // The view's columns are named as the view's attributes are (ALTER VIEW ... RENAME COLUMN renames them).
        const attrs = rel.columns.filter((c) => !c.dropped);
        const cols = freeze(applyColumnAliases(sub.targetList.filter((t) => !t.resjunk).map((t, i) => ({ name: attrs[i]?.name ?? t.name, type: t.expr.type, typmod: t.expr.typmod, collation: t.expr.collation })), n.alias, pstate, 'view'));
        const rti = pstate.addRte({ kind: 'subquery', query: sub, alias: n.alias?.aliasname ?? (frozen ? n.relname : rel.name), hasAlias: !!n.alias, columns: cols, lateral: false, viewOid: rel.oid } as import('../nodes/query.js').SubqueryRte);
        addItem(pstate, rti, false);
        return { kind: 'RangeTblRef', rti };
      }
      if (rel.kind === 'i') throw new PgError(SQLSTATE.wrong_object_type, `"${rel.name}" is an index`, { position: pstate.position(n.location) });
      if (rel.kind === 'c') {
        throw new PgError(SQLSTATE.wrong_object_type, `cannot open relation "${rel.name}"`, { detail: 'This operation is not supported for composite types.', position: pstate.position(n.location) });
      }
      if (rel.kind === 'S') {
        // A sequence reads as one row (last_value, log_cnt, is_called).
        checkSequenceSelect(pstate.stmt, rel);
        const seqOid = rel.oid;
        const field = (i: number, type: number): Expr => ({
          kind: 'FuncExpr', name: 'sequence_row', type, typmod: -1, args: [],
          fn: { name: 'sequence_row', argTypes: [], returnType: type, strict: false, volatility: 'v', fn: (_a, rt) => rt.session.sequenceRow(seqOid)[i] },
        });
        const cols = [
          { name: 'last_value', type: OID.int8, typmod: -1 },
          { name: 'log_cnt', type: OID.int8, typmod: -1 },
          { name: 'is_called', type: OID.bool, typmod: -1 },
        ];
        const rti = pstate.addRte({ kind: 'values', rows: [[field(0, OID.int8), field(1, OID.int8), field(2, OID.bool)]], alias: n.alias?.aliasname ?? rel.name, hasAlias: !!n.alias, columns: cols, lateral: false });
        addItem(pstate, rti, false);
        return { kind: 'RangeTblRef', rti };
      }
      let rte: RangeTblEntry = (n.mergeTarget ? undefined : rlsSelectRte(pstate.stmt, rel, n.alias, 'r', !n.inh && (rel.kind === 'p' || !!rel.inhChildren?.length))) ?? (!n.inh && (rel.kind === 'p' || rel.inhChildren?.length) ? { ...relationRte(rel, n.alias), only: true } : relationRte(rel, n.alias));
      // A bound view reference keeps the name it was written with (qualified column references
      // use it); ruleutils prints the relation's current name, as the entry has no alias.
      if (frozen) rte = { ...rte, alias: n.alias?.aliasname ?? n.relname, columns: freeze([...rte.columns]) } as RangeTblEntry;
      const rti = pstate.addRte(rte);
      addItem(pstate, rti, false);
      return { kind: 'RangeTblRef', rti };
}

/** A FROM item of a view's query bound at CREATE VIEW: the same relation, whatever its name now. */
function boundRangeVar(pstate: ParseState, n: AnyNode, bound: { oid: number; columns: readonly string[] }): JoinNode {
  const rel = pstate.catalog.relations.get(bound.oid);
  if (!rel) throw missingBoundRelation(bound.oid);
  return relationFromItem(pstate, n, rel, bound.columns);
}

function transformRangeFunction(pstate: ParseState, n: AnyNode): JoinNode {
  const funcs = [...(n.functions as AnyNode[])];
  const saved = pstate.exprKind;
  pstate.exprKind = 'from function';
  for (const i of pstate.namespace) i.lateralOnly = false; // function args may reference earlier items (implicitly LATERAL)
  if (funcs.length > 1 && n.coldeflist?.length) {
    throw new PgError(SQLSTATE.syntax_error, 'ROWS FROM() with multiple functions cannot have a column definition list', {
      hint: 'Put a separate column definition list for each function inside ROWS FROM().',
      position: pstate.position(n.coldeflist[0].ColumnDef?.location),
    });
  }
  // unnest(a, b, ...) in FROM, alone or as an item of ROWS FROM without a column definition list,
  // is unnest(a), unnest(b), ... side by side (Postgres's transformRangeFunction kluge).
  for (let i = funcs.length - 1; i >= 0; i--) {
    const [call, defs] = funcs[i].List.items as AnyNode[];
    const fc = call.FuncCall;
    if (!fc || (fc.args?.length ?? 0) <= 1 || (fc.funcname as AnyNode[]).length !== 1 || strVal(fc.funcname[0]) !== 'unnest') continue;
    if (fc.agg_order || fc.agg_filter || fc.over || fc.agg_star || fc.agg_distinct || fc.func_variadic) continue;
    if ((defs?.List?.items as AnyNode[] | undefined)?.length) continue;
    if (funcs.length === 1 && n.coldeflist?.length) {
      throw new PgError(SQLSTATE.syntax_error, 'UNNEST() with multiple arguments cannot have a column definition list', {
        hint: 'Use separate UNNEST() calls inside ROWS FROM(), and attach a column definition list to each one.',
        position: pstate.position(n.coldeflist[0].ColumnDef?.location),
      });
    }
    funcs.splice(i, 1, ...(fc.args as AnyNode[]).map((a) => ({ List: { items: [{ FuncCall: { ...fc, args: [a] } }, {}] } })));
  }
  const items = funcs.map((f) => {
    const [call, defs] = f.List.items as AnyNode[];
    const coldefs = (defs?.List?.items as AnyNode[] | undefined) ?? (funcs.length === 1 ? (n.coldeflist as AnyNode[] | undefined) : undefined);
    return analyzeFromFunction(pstate, call, coldefs, n.alias, funcs.length);
  });
  pstate.exprKind = saved;
  let cols: RteColumn[] = items.flatMap((it) => [...it.columns]);
  if (n.ordinality) cols.push({ name: 'ordinality', type: OID.int8, typmod: -1 });
  cols = applyColumnAliases(cols, n.alias, pstate, 'function');
  const first = items[0];
  const rti = pstate.addRte({
    kind: 'function', call: first.call, expandsRecord: first.expandsRecord, ordinality: !!n.ordinality,
    ...(items.length > 1 ? { rowsFrom: items.map(({ name: _n, ...it }) => it) } : {}),
    ...(first.checkRecord ? { checkRecord: first.checkRecord } : {}),
    alias: n.alias?.aliasname ?? first.name, hasAlias: !!n.alias, columns: cols, lateral: true,
  });
  addItem(pstate, rti, false);
  return { kind: 'RangeTblRef', rti };
}

const JOIN_TYPES: Record<string, 'inner' | 'left' | 'right' | 'full'> = {
  JOIN_INNER: 'inner', JOIN_LEFT: 'left', JOIN_RIGHT: 'right', JOIN_FULL: 'full',
};

function transformJoin(pstate: ParseState, n: AnyNode): JoinNode {
  const before = pstate.namespace.length;
  const savedStart = pstate.aliasedJoinStart;
  if (n.alias) pstate.aliasedJoinStart = before;
  try {
    return transformJoinItems(pstate, n, before);
  } finally {
    pstate.aliasedJoinStart = savedStart;
    for (let i = before; i < pstate.namespace.length; i++) if (pstate.namespace[i].rte.kind !== 'join') pstate.namespace[i].joinInput = true;
  }
}

function transformJoinItems(pstate: ParseState, n: AnyNode, before: number): JoinNode {
  const left = transformFromItem(pstate, n.larg);
  const leftItems = pstate.namespace.slice(before);
  const mid = pstate.namespace.length;
  const joinType = JOIN_TYPES[n.jointype];
  if (!joinType) throw featureNotSupported(`join type ${n.jointype}`, undefined);
  // A LATERAL right input of a RIGHT or FULL join may not read the left input (42P10).
  const noLateral = joinType === 'right' || joinType === 'full';
  if (noLateral) for (const it of leftItems) it.lateralNotOk = true;
  let right: JoinNode;
  try {
    right = transformFromItem(pstate, n.rarg);
  } finally {
    if (noLateral) for (const it of leftItems) it.lateralNotOk = undefined;
  }
  const rightItems = pstate.namespace.slice(mid);
  if (joinType === 'left' || joinType === 'full') for (const it of rightItems) it.nullable = true;
  if (joinType === 'right' || joinType === 'full') for (const it of leftItems) it.nullable = true;
  let quals: Expr | undefined;
  let usingCols: string[] | undefined;
  if (n.isNatural) {
    const lnames = visibleColumns(leftItems);
    const rnames = new Set(visibleColumns(rightItems));
    usingCols = lnames.filter((c) => rnames.has(c));
  } else if (n.usingClause) {
    usingCols = (n.usingClause as AnyNode[]).map(strVal);
  }
  if (usingCols) {
    const aliasExprs: Expr[] = [];
    const aliasCols: RteColumn[] = [];
    const conds: Expr[] = [];
    for (const name of usingCols) {
      const l = findUsingColumn(pstate, leftItems, name, 'left');
      const r = findUsingColumn(pstate, rightItems, name, 'right');
      const eq = makeOp(pstate, '=', l, r, undefined);
      conds.push(eq);
      const common = selectCommonType(pstate, [l, r], 'JOIN/USING');
      const [cl, cr] = coerceToCommon(pstate, [l, r], common, 'JOIN/USING');
      let merged: Expr;
      // (buildMergedJoinVar: an inner join prefers an input that needs no coercion)
      if (joinType === 'inner') merged = cl.kind !== 'Var' && cr.kind === 'Var' ? cr : cl;
      else if (joinType === 'left') merged = cl;
      else if (joinType === 'right') merged = cr;
      else merged = { kind: 'CoalesceExpr', args: [cl, cr], type: common, typmod: -1 };
      aliasExprs.push(merged);
      aliasCols.push({ name, type: common, typmod: merged.typmod });
    }
    quals = conds.length === 0 ? undefined : conds.length === 1 ? conds[0] : { kind: 'BoolExpr', op: 'and', args: conds, type: OID.bool, typmod: -1 };
    const hidden = new Set(usingCols);
    // Replace the inputs' items: their USING columns are reachable only qualified now.
    for (const it of [...leftItems, ...rightItems]) {
      const idx = pstate.namespace.indexOf(it);
      pstate.namespace[idx] = { ...it, hiddenCols: new Set([...(it.hiddenCols ?? []), ...hidden]) };
    }
    const jr: JoinRte = { kind: 'join', aliasExprs, alias: '', hasAlias: false, columns: aliasCols, lateral: false };
    registerJoinColumns(jr);
    const rti = pstate.addRte(jr);
    // Before its inputs: `*` lists the merged USING columns first, as Postgres does.
    pstate.namespace.splice(before, 0, { rti, rte: jr, relVisible: false, colsVisible: true });
    if (n.join_using_alias) {
      // `JOIN ... USING (a) AS u`: u names the merged columns only, reachable qualified.
      const name = n.join_using_alias.aliasname as string;
      checkDuplicateAlias(pstate, name, before, true);
      const ur: JoinRte = { kind: 'join', aliasExprs, alias: name, hasAlias: true, columns: aliasCols, lateral: false, usingAlias: true };
      const urti = pstate.addRte(ur);
      pstate.namespace.push({ rti: urti, rte: ur, relVisible: true, colsVisible: false });
    }
    const aliased = n.alias ? aliasJoin(pstate, n.alias, before) : undefined;
    return { kind: 'JoinExpr', joinType, left, right, quals, rti, using: usingCols, ...(n.join_using_alias ? { usingAlias: n.join_using_alias.aliasname as string } : {}), ...joinAliasInfo(n.alias, aliased) };
  }
  if (n.quals) {
    const saved = pstate.exprKind;
    pstate.exprKind = 'join';
    // Only the two join inputs are visible in ON.
    const vis = pstate.namespace.map((i) => i.lateralOnly);
    pstate.namespace.forEach((i, idx) => {
      i.lateralOnly = idx < before ? true : vis[idx];
    });
    quals = coerceToBoolean(pstate, transformExpr(pstate, n.quals), 'JOIN/ON');
    pstate.namespace.forEach((i, idx) => (i.lateralOnly = vis[idx]));
    pstate.exprKind = saved;
  }
  const aliased = n.alias ? aliasJoin(pstate, n.alias, before) : undefined;
  return { kind: 'JoinExpr', joinType, left, right, quals, ...joinAliasInfo(n.alias, aliased) };
}

/**
 * `(a JOIN b ...) AS j [(cols)]`: j names every column of the join, in `*` order (merged USING
 * columns, then the left input's, then the right's), and hides the inputs, whose names and
 * columns are no longer reachable.
 */
/** The alias of a join (and its column names, when the alias lists some) for view definitions. */
function joinAliasInfo(alias: AnyNode | undefined, jr: JoinRte | undefined): { alias?: string; aliasColumns?: string[] } {
  if (!alias || !jr) return {};
  return { alias: alias.aliasname as string, ...(alias.colnames?.length ? { aliasColumns: jr.columns.map((c) => c.name) } : {}) };
}

function aliasJoin(pstate: ParseState, alias: AnyNode, from: number): JoinRte {
  const items = pstate.namespace.slice(from);
  checkDuplicateAlias(pstate, alias.aliasname as string, from, false);
  let cols: RteColumn[] = [];
  const exprs: Expr[] = [];
  for (const it of items) {
    if (!it.colsVisible || it.lateralOnly) continue;
    it.rte.columns.forEach((c, i) => {
      if (c.dropped || it.hiddenCols?.has(c.name)) return;
      cols.push(c);
      // (a copy: the expression belongs to this join, see join-columns.ts)
      exprs.push({ ...makeVar(it.rte, it.rti, i + 1, 0) });
    });
  }
  cols = applyColumnAliases(cols, alias, pstate, 'join');
  for (const it of items) {
    it.relVisible = false;
    it.colsVisible = false;
  }
  const jr: JoinRte = { kind: 'join', aliasExprs: exprs, alias: alias.aliasname, hasAlias: true, columns: cols, lateral: false };
  registerJoinColumns(jr);
  const rti = pstate.addRte(jr);
  pstate.namespace.push({ rti, rte: jr, relVisible: true, colsVisible: true });
  return jr;
}

/**
 * Postgres's checkNameSpaceConflicts for a join's alias: against the items before the join (at
 * `from`), and for a USING alias also against the join's own inputs.
 */
function checkDuplicateAlias(pstate: ParseState, name: string, from: number, withInputs: boolean): void {
  for (let i = 0; i < pstate.namespace.length; i++) {
    const it = pstate.namespace[i];
    if (i >= from && (!withInputs || it.rte.kind === 'join')) continue;
    if (it.relVisible && !it.lateralOnly && it.rte.alias === name) {
      throw new PgError(SQLSTATE.duplicate_alias, `table name "${name}" specified more than once`);
    }
  }
}

function visibleColumns(items: NamespaceItem[]): string[] {
  const out: string[] = [];
  for (const it of items) {
    if (!it.colsVisible) continue;
    for (const c of it.rte.columns) if (!c.dropped && !it.hiddenCols?.has(c.name) && !out.includes(c.name)) out.push(c.name);
  }
  return out;
}

function findUsingColumn(pstate: ParseState, items: NamespaceItem[], name: string, side: string): Expr {
  let found: Expr | undefined;
  for (const it of items) {
    if (!it.colsVisible || it.hiddenCols?.has(name)) continue;
    const idx = it.rte.columns.findIndex((c) => c.name === name && !c.dropped);
    if (idx < 0) continue;
    if (found) {
      throw new PgError(SQLSTATE.ambiguous_column, `common column name "${name}" appears more than once in ${side} table`);
    }
    found = it.rte.kind === 'join' ? it.rte.aliasExprs[idx] : { kind: 'Var', levelsUp: 0, rti: it.rti, attno: idx + 1, type: it.rte.columns[idx].type, typmod: it.rte.columns[idx].typmod, collation: it.rte.columns[idx].collation };
  }
  if (!found) {
    throw new PgError(SQLSTATE.undefined_column, `column "${name}" specified in USING clause does not exist in ${side} table`);
  }
  void pstate;
  return found;
}

function transformValues(pstate: ParseState, n: AnyNode): Query {
  const q = pstate.query;
  pstate.exprKind = 'values';
  const rows = (n.valuesLists as AnyNode[]).map((l) => expandValuesStars(pstate, l.List.items as AnyNode[]).map((e) => ('expanded' in e ? (e.expanded as Expr) : transformExpr(pstate, e))));
  const width = rows[0].length;
  for (const r of rows) {
    if (r.length !== width) {
      throw new PgError(SQLSTATE.syntax_error, 'VALUES lists must all be the same length', { position: pstate.position(r[0]?.location) });
    }
  }
  const cols: RteColumn[] = [];
  for (let c = 0; c < width; c++) {
    const colExprs = rows.map((r) => r[c]);
    let t = selectCommonType(pstate, colExprs, 'VALUES');
    if (t === OID.unknown) t = OID.text;
    const coerced = coerceToCommon(pstate, colExprs, t, 'VALUES');
    rows.forEach((r, i) => (r[c] = coerced[i]));
    cols.push({ name: `column${c + 1}`, type: t, typmod: -1 });
  }
  const rti = pstate.addRte({ kind: 'values', rows, alias: '*VALUES*', hasAlias: false, columns: cols, lateral: false });
  q.fromList.push({ kind: 'RangeTblRef', rti });
  pstate.namespace.push({ rti, rte: q.rtable[rti], relVisible: true, colsVisible: true });
  q.targetList = cols.map((c, i) => ({ expr: { kind: 'Var', levelsUp: 0, rti, attno: i + 1, type: c.type, typmod: c.typmod }, name: c.name, resjunk: false }));
  pstate.exprKind = 'order';
  q.sortBy = transformSortClause(pstate, n.sortClause ?? [], q.targetList, true);
  transformLimit(pstate, n);
  return q;
}

function transformGroupBy(pstate: ParseState, items: AnyNode[], distinct = false): void {
  const q = pstate.query;
  pstate.exprKind = 'group';
  const resolve = (item: AnyNode): number => {
    const e = resolveGroupOrOrderItem(pstate, item, q.targetList, false);
    // An output column reached by name or position may hold a window call (parse_agg.c's check).
    const win = firstWindowFunc(e);
    if (win) throw new PgError(SQLSTATE.windowing_error, 'window functions are not allowed in GROUP BY', { position: pstate.position(win.location) });
    const i = q.groupBy.findIndex((g) => exprEqual(g, e));
    if (i < 0) checkEqualityOperator(pstate, e.type, (Object.values(item)[0] as AnyNode | undefined)?.location);
    return i >= 0 ? i : q.groupBy.push(e) - 1;
  };
  // ROLLUP / CUBE / GROUPING SETS: see grouping-sets.ts.
  if (hasGroupingSets(items)) {
    q.groupingSets = expandGroupingSets(items, resolve, distinct);
    return;
  }
  for (const item of items) resolve(item);
}

function firstWindowFunc(e: Expr): Extract<Expr, { kind: 'WindowFunc' }> | undefined {
  let found: Extract<Expr, { kind: 'WindowFunc' }> | undefined;
  const visit = (x: Expr): void => {
    if (found) return;
    if (x.kind === 'WindowFunc') {
      found = x;
      return;
    }
    forEachChild(x, visit);
  };
  visit(e);
  return found;
}

/**
 * GROUP BY / ORDER BY item: an ordinal, an output column name (ORDER BY prefers output names,
 * GROUP BY prefers input columns), or an expression.
 */
function resolveGroupOrOrderItem(pstate: ParseState, item: AnyNode, tl: TargetEntry[], isOrder: boolean): Expr {
  const [k, n] = nodeKind(item);
  const clause = isOrder ? 'ORDER BY' : 'GROUP BY';
  if (k === 'A_Const' && n.ival !== undefined) {
    const pos = n.ival.ival ?? 0;
    const visible = tl.filter((t) => !t.resjunk);
    if (pos < 1 || pos > visible.length) {
      throw new PgError(SQLSTATE.invalid_column_reference, `${clause} position ${pos} is not in select list`, { position: pstate.position(n.location) });
    }
    return visible[pos - 1].expr;
  }
  if (k === 'ColumnRef' && (n.fields as AnyNode[]).length === 1 && !(n.fields as AnyNode[])[0].A_Star) {
    const name = strVal((n.fields as AnyNode[])[0]);
    const matches = tl.filter((t) => !t.resjunk && t.name === name);
    if (isOrder) {
      if (matches.length > 1 && !matches.every((m) => exprEqual(m.expr, matches[0].expr))) {
        throw new PgError(SQLSTATE.ambiguous_column, `ORDER BY "${name}" is ambiguous`, { position: pstate.position(n.location) });
      }
      if (matches.length) return matches[0].expr;
    } else {
      try {
        return transformExpr(pstate, item);
      } catch (e) {
        if (e instanceof PgError && e.code === SQLSTATE.undefined_column && matches.length) return matches[0].expr;
        throw e;
      }
    }
  }
  return transformExpr(pstate, item);
}

function transformSortClause(pstate: ParseState, items: AnyNode[], tl: TargetEntry[], addJunk: boolean): SortKey[] {
  const keys: SortKey[] = [];
  for (const s of items) {
    const sb = s.SortBy;
    const e = resolveGroupOrOrderItem(pstate, sb.node, tl, true);
    const dir = sb.sortby_dir === 'SORTBY_USING' ? sortUsingDirection(pstate, sb, e) : sb.sortby_dir;
    if (addJunk && !tl.some((t) => exprEqual(t.expr, e))) tl.push({ expr: e, name: '?column?', resjunk: true });
    // Errors point at ASC/DESC/USING when written, else at the ORDER BY item (addTargetToSortList).
    const itemLocation = (Object.values(sb.node ?? {})[0] as AnyNode | undefined)?.location as number | undefined;
    keys.push(makeSortKey(pstate, e, dir, sb.sortby_nulls, sb.location >= 0 ? sb.location : itemLocation));
  }
  return keys;
}

function transformDistinct(pstate: ParseState, clause: AnyNode[]): void {
  const q = pstate.query;
  const isOn = clause.length > 0 && Object.keys(clause[0]).length > 0;
  if (!isOn) {
    q.distinct = true;
    for (const t of q.targetList) if (!t.resjunk) checkEqualityOperator(pstate, t.expr.type, t.expr.location);
    for (const k of q.sortBy) {
      if (!q.targetList.some((t) => !t.resjunk && exprEqual(t.expr, k.expr))) {
        throw new PgError(SQLSTATE.invalid_column_reference, 'for SELECT DISTINCT, ORDER BY expressions must appear in select list', {
          position: pstate.position(k.expr.location),
        });
      }
    }
    return;
  }
  q.distinct = true;
  q.distinctOn = clause.map((c) => resolveGroupOrOrderItem(pstate, c, q.targetList, true));
  q.distinctOn.forEach((d, i) => checkEqualityOperator(pstate, d.type, (Object.values(clause[i])[0] as AnyNode | undefined)?.location));
  // ORDER BY must start with the DISTINCT ON expressions.
  for (let i = 0; i < Math.min(q.sortBy.length, q.distinctOn.length); i++) {
    if (!q.distinctOn.some((d) => exprEqual(d, q.sortBy[i].expr))) {
      throw new PgError(SQLSTATE.invalid_column_reference, 'SELECT DISTINCT ON expressions must match initial ORDER BY expressions', {
        position: pstate.position(q.distinctOn[0].location),
      });
    }
  }
}

function transformLimit(pstate: ParseState, n: AnyNode): void {
  const q = pstate.query;
  if (n.limitCount) {
    pstate.exprKind = 'limit';
    const e = transformExpr(pstate, n.limitCount);
    if (!(e.kind === 'Const' && e.value === null && e.type === OID.unknown)) q.limit = coerceTo(pstate, pstate.catalog, e, OID.int8, -1, 'implicit');
  }
  if (n.limitOffset) {
    pstate.exprKind = 'offset';
    q.offset = coerceTo(pstate, pstate.catalog, transformExpr(pstate, n.limitOffset), OID.int8, -1, 'implicit');
  }
  if (n.limitOption === 'LIMIT_OPTION_WITH_TIES') {
    // A literal NULL count (not an expression yielding NULL, which means "all rows").
    if (n.limitCount?.A_Const?.isnull) {
      throw new PgError(SQLSTATE.invalid_row_count_in_limit_clause, 'row count cannot be null in FETCH FIRST ... WITH TIES clause');
    }
    if (!q.sortBy.length) {
      throw new PgError(SQLSTATE.syntax_error, 'WITH TIES cannot be specified without ORDER BY clause');
    }
    q.limitWithTies = true;
  }
}

function transformSetOp(stmt: StatementState, n: AnyNode, parent?: ParseState, keepUnknown = false): Query {
  const q = emptyQuery('select');
  const pstate = new ParseState(stmt, q, parent);
  if (n.withClause) transformWith(pstate, n.withClause);
  const op = n.op === 'SETOP_UNION' ? 'union' : n.op === 'SETOP_INTERSECT' ? 'intersect' : 'except';
  const opText = op.toUpperCase();
  const left = transformSelectStmt(stmt, n.larg, pstate, true);
  const right = transformSelectStmt(stmt, n.rarg, pstate, true);
  const lt = left.targetList.filter((t) => !t.resjunk);
  const rtl = right.targetList.filter((t) => !t.resjunk);
  if (lt.length !== rtl.length) {
    throw new PgError(SQLSTATE.syntax_error, `each ${opText} query must have the same number of columns`, {
      position: pstate.position(rtl[0]?.expr.location),
    });
  }
  const columnTypes: { type: number; typmod: number }[] = [];
  for (let i = 0; i < lt.length; i++) {
    let t = selectCommonType(pstate, [lt[i].expr, rtl[i].expr], opText);
    if (t === OID.unknown && !keepUnknown) t = OID.text;
    for (const side of [lt, rtl]) {
      if (side[i].expr.type !== t && t !== OID.unknown) {
        if (!canCoerce(pstate.catalog, side[i].expr.type, t, 'implicit')) {
          throw new PgError(SQLSTATE.datatype_mismatch, `${opText} could not convert type ${formatType(pstate.catalog, side[i].expr.type)} to ${formatType(pstate.catalog, t)}`);
        }
        side[i] = { ...side[i], expr: coerceTo(pstate, pstate.catalog, side[i].expr, t, -1, 'implicit') };
      }
    }
    const typmod = lt[i].expr.typmod === rtl[i].expr.typmod ? lt[i].expr.typmod : -1;
    // UNION / INTERSECT / EXCEPT without ALL compare rows: each column needs equality.
    if (!n.all) checkEqualityOperator(pstate, t, lt[i].expr.location);
    columnTypes.push({ type: t, typmod });
  }
  left.targetList = [...lt, ...left.targetList.filter((t) => t.resjunk)];
  right.targetList = [...rtl, ...right.targetList.filter((t) => t.resjunk)];
  q.setOp = { op, all: !!n.all, left, right, columnTypes };
  const collations = lt.map((t, i) => setOpCollation(pstate, t.expr, rtl[i].expr, op === 'union' && !!n.all));
  q.targetList = lt.map((t, i) => ({
    expr: { kind: 'InputRef', index: i, type: columnTypes[i].type, typmod: columnTypes[i].typmod, collation: collations[i] },
    name: t.name,
    resjunk: false,
  }));
  // ORDER BY on a set operation may only name output columns.
  pstate.exprKind = 'order';
  const keys: SortKey[] = [];
  for (const s of (n.sortClause ?? []) as AnyNode[]) {
    const sb = s.SortBy;
    const [k, b] = nodeKind(sb.node);
    let idx = -1;
    if (k === 'A_Const' && b.ival !== undefined) idx = (b.ival.ival ?? 0) - 1;
    else if (k === 'ColumnRef' && (b.fields as AnyNode[]).length === 1) idx = q.targetList.findIndex((t) => t.name === strVal(b.fields[0]));
    if (idx < 0 || idx >= q.targetList.length) {
      if (k === 'A_Const') {
        throw new PgError(SQLSTATE.invalid_column_reference, `ORDER BY position ${b.ival?.ival ?? 0} is not in select list`, { position: pstate.position(b.location) });
      }
      throw new PgError(SQLSTATE.feature_not_supported, 'invalid UNION/INTERSECT/EXCEPT ORDER BY clause', {
        detail: 'Only result column names can be used, not expressions or functions.',
        hint: 'Add the expression/function to every SELECT, or move the UNION into a FROM clause.',
        position: pstate.position(sb.location >= 0 ? sb.location : b.location),
      });
    }
    const se = q.targetList[idx].expr;
    keys.push(makeSortKey(pstate, se, sb.sortby_dir === 'SORTBY_USING' ? sortUsingDirection(pstate, sb, se) : sb.sortby_dir, sb.sortby_nulls, sb.location >= 0 ? sb.location : b.location));
  }
  q.sortBy = keys;
  transformLimit(pstate, n);
  return q;
}

/** Structural equality of analyzed expressions (for GROUP BY matching). */
export function exprEqual(a: Expr, b: Expr): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind || a.type !== b.type) return false;
  switch (a.kind) {
    case 'Var': {
      const v = b as typeof a;
      return a.rti === v.rti && a.attno === v.attno && a.levelsUp === v.levelsUp;
    }
    case 'Const': {
      const c = b as typeof a;
      return a.value === c.value || String(a.value) === String(c.value);
    }
    case 'Param':
      return a.index === (b as typeof a).index;
    default: {
      const strip = (e: unknown): unknown => JSON.stringify(e, (k, v) => (k === 'location' || typeof v === 'function' ? undefined : typeof v === 'bigint' ? v.toString() + 'n' : v));
      return strip(a) === strip(b);
    }
  }
}

/**
 * A set operation column's collation (transformSetOperationTree's select_common_collation): an
 * explicit one wins, the default yields to another implicit one, and two different implicit
 * ones are an error, except under UNION ALL, where the column gets no collation (comparing it
 * later raises 42P22).
 */
function setOpCollation(pstate: ParseState, l: Expr, r: Expr, noneOk: boolean): string | undefined {
  const lc = l.collation;
  const rc = r.collation;
  if (lc === rc || rc === undefined) return lc;
  if (lc === undefined) return rc;
  const le = (l as { explicitCollation?: boolean }).explicitCollation;
  const re = (r as { explicitCollation?: boolean }).explicitCollation;
  if (le && !re) return lc;
  if (re && !le) return rc;
  if (le && re) {
    throw new PgError(SQLSTATE.collation_mismatch, `collation mismatch between explicit collations "${lc}" and "${rc}"`, { position: pstate.position((r as { collateLocation?: number }).collateLocation) });
  }
  if (isIndeterminateCollation(lc) || isIndeterminateCollation(rc)) return noneOk ? NO_COLLATION : (isIndeterminateCollation(lc) ? lc : rc);
  if (lc === 'default') return rc;
  if (rc === 'default') return lc;
  if (noneOk) return NO_COLLATION;
  throw new PgError(SQLSTATE.collation_mismatch, `collation mismatch between implicit collations "${lc}" and "${rc}"`, {
    hint: 'You can choose the collation by applying the COLLATE clause to one or both expressions.',
    position: pstate.position(r.location),
  });
}
