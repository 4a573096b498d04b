/**
 * An analyzed SELECT back to SQL text as Postgres prints view definitions: one target per line,
 * clauses on their own lines at fixed offsets (` SELECT`, `   FROM`, `  WHERE`, ` HAVING`), nested
 * queries indented by 8 more, column references qualified when the query reads more than one
 * relation or is nested, `AS name` when the output name differs from the column's own.
 * Plain mode parenthesizes expressions fully and joins in FROM; pretty mode does not.
 * Postgres counterpart: src/backend/utils/adt/ruleutils.c (get_query_def, get_select_query_def,
 * get_target_list, get_from_clause, get_sublink_expr).
 * Known gaps: window functions, GROUPING SETS, row locking and set operations nested with
 * different operators are not printed (the caller falls back); a relation's column alias list
 * is not printed when ruleutils would add one to disambiguate renamed or duplicate column names
 * (`tt3(ax, b, c)`).
 */
import { systemColumnName } from '../../analyze/system-columns.js';
import type { Catalog } from '../catalog.js';
import type { Expr } from '../../nodes/primnodes.js';
import type { JoinNode, Query, RangeTblEntry, TargetEntry } from '../../nodes/query.js';
import type { SessionContext } from '../../session/session-context.js';
import { quoteIdent } from '../../functions/builtins/quote.js';
import { deparseExprStrict, Unprintable, type DeparseContext } from '../deparse.js';
import { formatTypeName } from './format-type.js';
import { OID } from '../../types/oids.js';
import { relationName } from './context.js';
import { joinColumnOf } from '../../analyze/join-columns.js';
import { relationRte } from '../../analyze/relation.js';
import { emptyQuery } from '../../nodes/query.js';
import type { RelationDef } from '../objects.js';

interface Level {
  readonly q: Query;
  readonly qualify: boolean;
}

interface QueryContext {
  readonly cat: Catalog;
  readonly session: SessionContext;
  readonly pretty: boolean;
  /** Query levels, innermost last. */
  readonly levels: readonly Level[];
  /** pg_get_viewdef's wrap column (0: one target per line). */
  readonly wrapColumn: number;
}

const spaces = (n: number) => ' '.repeat(Math.max(0, n));

function isRelationLike(rte: RangeTblEntry): boolean {
  return rte.kind !== 'join';
}

/**
 * A column's name as ruleutils prints it: a table's or view's column under its current name (views
 * are bound by attribute number, so a renamed column prints its new name), else the entry's.
 */
function currentColumnName(cat: Catalog, rte: RangeTblEntry, attno: number): string {
  if (rte.kind === 'relation') return rte.rel.columns[attno - 1]?.name ?? '?';
  const viewOid = (rte as { viewOid?: number }).viewOid;
  if (viewOid !== undefined) {
    const c = cat.relations.get(viewOid)?.columns[attno - 1];
    if (c) return c.name;
  }
  return rte.columns[attno - 1]?.name ?? '?';
}

/** The name a FROM item is referred to by (its alias, or the relation's name). */
function refName(cat: Catalog, rte: RangeTblEntry): string {
  if (rte.kind === 'relation') return rte.hasAlias ? rte.alias : rte.rel.name;
  const viewOid = (rte as { viewOid?: number }).viewOid;
  if (rte.kind === 'subquery' && !rte.hasAlias && viewOid !== undefined) return cat.relations.get(viewOid)?.name ?? rte.alias;
  return rte.alias;
}

function exprContext(qc: QueryContext, base: number): DeparseContext {
  const sp = qc.session.searchPath();
  return {
    cat: qc.cat,
    pretty: qc.pretty,
    indent: base + 8,
    columnName: () => {
      throw new Unprintable();
    },
    typeName: (oid, typmod) => formatTypeName(qc.cat, sp, oid, typmod),
    relationName: (oid) => relationName(qc.cat, sp, oid),
    exprOverride: (e) => {
      // A column reached through a join: `alias.column` through an aliased join, the bare name
      // of a merged column that is no input's column (FULL JOIN's COALESCE).
      const j = joinColumnOf(e);
      if (!j) return undefined;
      const name = quoteIdent(j.rte.columns[j.attno - 1]?.name ?? '?');
      if (j.rte.hasAlias) return qc.levels[qc.levels.length - 1].qualify ? `${quoteIdent(j.rte.alias)}.${name}` : name;
      return e.kind === 'Var' ? undefined : name;
    },
    functionName: (oid) => {
      const f = qc.cat.functions.get(oid)!;
      const schema = qc.cat.namespaceName(f.namespace);
      return sp.includes(schema) || schema === 'pg_catalog' ? quoteIdent(f.name) : `${quoteIdent(schema)}.${quoteIdent(f.name)}`;
    },
    varName: (v) => {
      const level = qc.levels[qc.levels.length - 1 - v.levelsUp];
      if (!level) throw new Unprintable();
      const rte = level.q.rtable[v.rti];
      if (!rte) throw new Unprintable();
      if (rte.kind === 'join') {
        // An aliased join's columns are named through the alias; an unaliased one's merged
        // column is its input's column, or (a FULL JOIN's COALESCE) the bare column name.
        const name = quoteIdent(rte.columns[v.attno - 1]?.name ?? '?');
        if (rte.hasAlias) return `${quoteIdent(rte.alias)}.${name}`;
        const inner = rte.aliasExprs[v.attno - 1];
        if (inner?.kind === 'Var') return exprContext(qc, base).varName!({ ...inner, levelsUp: v.levelsUp + inner.levelsUp });
        return name;
      }
      const col = quoteIdent(v.attno < 0 ? systemColumnName(v.attno) : currentColumnName(qc.cat, rte, v.attno));
      // Whether to qualify is decided by the query being printed (outer references included).
      return qc.levels[qc.levels.length - 1].qualify ? `${quoteIdent(refName(qc.cat, rte))}.${col}` : col;
    },
    subquery: (q, kind) => {
      const inner: QueryContext = { ...qc, levels: [...qc.levels, { q, qualify: true }] };
      return queryText(inner, q, base + 8, kind === 'expr' ? undefined : undefined);
    },
  };
}

function expr(qc: QueryContext, e: Expr, base: number): string {
  return deparseExprStrict(exprContext(qc, base), e);
}

/** A target entry's text, with `AS name` unless the output name is the column's own. */
function targetText(qc: QueryContext, t: TargetEntry, base: number, name: string): string {
  const s = expr(qc, t.expr, base);
  const j0 = joinColumnOf(t.expr);
  if (j0 && (j0.rte.hasAlias || t.expr.kind !== 'Var')) return j0.rte.columns[j0.attno - 1]?.name === name ? s : `${s} AS ${quoteIdent(name)}`;
  let e = t.expr;
  while (e.kind === 'CoerceExpr' && e.form !== 'explicit') e = e.arg;
  if (e.kind === 'Var') {
    // (an outer reference too: a rule's `SELECT new.name` prints no AS)
    const level = qc.levels[qc.levels.length - 1 - e.levelsUp];
    let rte = level?.q.rtable[e.rti];
    let attno = e.attno;
    // Through unaliased joins to the column printed.
    while (rte?.kind === 'join' && !rte.hasAlias) {
      const inner: Expr | undefined = rte.aliasExprs[attno - 1];
      if (inner?.kind !== 'Var' || inner.levelsUp !== 0) break;
      rte = level.q.rtable[inner.rti];
      attno = inner.attno;
    }
    const own = !rte ? undefined : rte.kind === 'join' ? rte.columns[attno - 1]?.name : attno < 0 ? systemColumnName(attno) : currentColumnName(qc.cat, rte, attno);
    if (own === name) return s;
  }
  if (name === '?column?') return s;
  return `${s} AS ${quoteIdent(name)}`;
}

/** The VALUES entry a subquery only reads (SELECT column1, ... FROM (VALUES ...) "*VALUES*"), if it is one. */
function valuesOf(q: Query): Extract<RangeTblEntry, { kind: 'values' }> | undefined {
  if (q.fromList.length !== 1 || q.fromList[0].kind !== 'RangeTblRef' || q.where || q.groupBy.length || q.sortBy.length || q.limit || q.offset || q.distinct || q.setOp || q.ctes.length) return undefined;
  const v = q.rtable[q.fromList[0].rti];
  if (v?.kind !== 'values' || v.alias !== '*VALUES*') return undefined;
  const tl = q.targetList.filter((t) => !t.resjunk);
  if (tl.length !== v.columns.length || tl.some((t, i) => t.expr.kind !== 'Var' || t.expr.levelsUp !== 0 || t.expr.attno !== i + 1)) return undefined;
  return v;
}

/** `( VALUES (a,b), (c,d)) alias[(columns)]`: column names print unless they are the default columnN. */
function valuesItem(qc: QueryContext, rte: Extract<RangeTblEntry, { kind: 'values' }>, columns: readonly { name: string }[], base: number): string {
  // (a sequence read in FROM is a values entry of its row: not printable as VALUES)
  if (rte.rows.some((r) => r.some((e) => e.kind === 'FuncExpr' && e.name === 'sequence_row'))) throw new Unprintable();
  const rows = rte.rows.map((r) => `(${r.map((e) => expr(qc, e, base)).join(',')})`).join(', ');
  const cols = columns.some((c, i) => c.name !== `column${i + 1}`) ? `(${columns.map((c) => quoteIdent(c.name)).join(', ')})` : '';
  return `${rte.lateral ? 'LATERAL ' : ''}( VALUES ${rows}) ${quoteIdent(rte.alias)}${cols}`;
}

function fromItem(qc: QueryContext, q: Query, node: JoinNode, base: number): string {
  if (node.kind === 'RangeTblRef') {
    const rte = q.rtable[node.rti];
    switch (rte.kind) {
      case 'relation': {
        // (FROM ONLY: set for partitioned tables and inheritance parents, as Postgres prints it)
        const name = (rte.only ? 'ONLY ' : '') + relationName(qc.cat, qc.session.searchPath(), rte.rel.oid);
        return rte.hasAlias && rte.alias !== rte.rel.name ? `${name} ${quoteIdent(rte.alias)}` : name;
      }
      case 'cte':
        return rte.hasAlias && rte.alias !== rte.cteName ? `${quoteIdent(rte.cteName)} ${quoteIdent(rte.alias)}` : quoteIdent(rte.cteName);
      case 'subquery': {
        // A view named in FROM prints as its name (ruleutils reads the view's RTE_RELATION).
        const viewOid = (rte as { viewOid?: number }).viewOid;
        if (viewOid !== undefined) {
          const view = qc.cat.relations.get(viewOid);
          const name = relationName(qc.cat, qc.session.searchPath(), viewOid);
          return rte.hasAlias && rte.alias !== view?.name ? `${name} ${quoteIdent(rte.alias)}` : name;
        }
        // `(VALUES ...) alias` is analyzed as a subquery reading a VALUES entry.
        const values = valuesOf(rte.query);
        if (values) return valuesItem({ ...qc, levels: [...qc.levels, { q: rte.query, qualify: true }] }, { ...values, alias: rte.alias, lateral: rte.lateral }, rte.columns, base);
        const inner: QueryContext = { ...qc, levels: [...qc.levels, { q: rte.query, qualify: true }] };
        // Column aliases print when they rename the subquery's output columns.
        const own = rte.query.targetList.filter((t) => !t.resjunk).map((t) => t.name);
        const cols = rte.columns.some((c, i) => !c.dropped && c.name !== own[i]) ? `(${rte.columns.filter((c) => !c.dropped).map((c) => quoteIdent(c.name)).join(', ')})` : '';
        return `${rte.lateral ? 'LATERAL ' : ''}( ${queryText(inner, rte.query, base + 8).replace(/^ /, '')}) ${quoteIdent(rte.alias)}${cols}`;
      }
      case 'values':
        return valuesItem(qc, rte, rte.columns, base);
      case 'function':
        return functionFromItem(qc, rte, base);
      default:
        throw new Unprintable();
    }
  }
  const left = fromItem(qc, q, node.left, base);
  const right = fromItem(qc, q, node.right, base);
  const kind = { inner: 'JOIN', left: 'LEFT JOIN', right: 'RIGHT JOIN', full: 'FULL JOIN' }[node.joinType];
  // USING prints its column list (and its alias); ON its condition; an outer join without either ON TRUE.
  const cond = node.using?.length
    ? ` USING (${node.using.map(quoteIdent).join(', ')})${node.usingAlias ? ` AS ${quoteIdent(node.usingAlias)}` : ''}`
    : node.quals ? ` ON ${qc.pretty ? expr(qc, node.quals, base) : `(${expr(qc, node.quals, base)})`}` : node.joinType === 'inner' ? '' : ' ON TRUE';
  const joinWord = !node.quals && !node.using?.length && node.joinType === 'inner' ? 'CROSS JOIN' : kind;
  const text = `${left}\n${spaces(base + 5)}${joinWord} ${right}${cond}`;
  if (node.alias !== undefined) return `(${text}) ${quoteIdent(node.alias)}${node.aliasColumns ? `(${node.aliasColumns.map(quoteIdent).join(', ')})` : ''}`;
  return qc.pretty ? text : `(${text})`;
}

/**
 * A function in FROM (ruleutils' get_from_clause_item, RTE_FUNCTION): the call, or ROWS FROM(...)
 * with each item's column definition list after AS, or UNNEST(a, b, ...) when every item is a
 * plain unnest; WITH ORDINALITY; then the alias with its column list (always printed), which for
 * a single function read through a column definition list is that list with the types.
 */
function functionFromItem(qc: QueryContext, rte: Extract<RangeTblEntry, { kind: 'function' }>, base: number): string {
  const sp = qc.session.searchPath();
  const coldefs = (cols: readonly { name: string; type: number; typmod: number }[]) =>
    `(${cols.map((c) => `${quoteIdent(c.name)} ${formatTypeName(qc.cat, sp, c.type, c.typmod)}`).join(', ')})`;
  let text: string;
  if (rte.rowsFrom) {
    const isUnnest = (e: Expr) => e.kind === 'FuncExpr' && e.name === 'unnest' && e.fn.oid === undefined && e.fn.argTypes.length === 1 && e.fn.argTypes[0] === OID.anyarray;
    if (rte.rowsFrom.every((it) => !it.checkRecord && isUnnest(it.call))) {
      text = `UNNEST(${rte.rowsFrom.map((it) => expr(qc, (it.call as Extract<Expr, { kind: 'FuncExpr' }>).args[0], base)).join(', ')})`;
    } else {
      text = `ROWS FROM(${rte.rowsFrom.map((it) => expr(qc, it.call, base) + (it.checkRecord ? ` AS ${coldefs(it.columns)}` : '')).join(', ')})`;
    }
  } else text = expr(qc, rte.call, base);
  if (rte.ordinality) text += ' WITH ORDINALITY';
  const cols = rte.columns.filter((c) => !c.dropped);
  if (rte.checkRecord && !rte.rowsFrom) return `${text} ${quoteIdent(rte.alias)}${coldefs(cols)}`;
  return `${text} ${quoteIdent(rte.alias)}(${cols.map((c) => quoteIdent(c.name)).join(', ')})`;
}

/**
 * A GROUP BY / ORDER BY / DISTINCT ON item: function-like expressions are parenthesized so they
 * cannot be misread (get_rule_sortgroupclause).
 */
function sortGroupText(qc: QueryContext, e: Expr, base: number): string {
  const s = expr(qc, e, base);
  const functionLike = (e.kind === 'FuncExpr' && !e.display) || e.kind === 'Aggref' || e.kind === 'WindowFunc';
  return functionLike ? `(${s})` : s;
}

function sortText(qc: QueryContext, keys: Query['sortBy'], base: number): string {
  return keys
    .map((k) => {
      let s = sortGroupText(qc, k.expr, base);
      if (k.descending) s += ' DESC';
      if (k.descending && !k.nullsFirst) s += ' NULLS LAST';
      if (!k.descending && k.nullsFirst) s += ' NULLS FIRST';
      return s;
    })
    .join(', ');
}

function selectText(qc: QueryContext, q: Query, base: number, names: readonly string[] | undefined): string {
  const targets = q.targetList.filter((t) => !t.resjunk);
  let s = ' SELECT ';
  if (q.distinctOn?.length) s += `DISTINCT ON (${q.distinctOn.map((e) => sortGroupText(qc, e, base)).join(', ')}) `;
  else if (q.distinct) s += 'DISTINCT ';
  targets.forEach((t, i) => {
    const text = targetText(qc, t, base, names?.[i] ?? t.name);
    // A target that starts on its own line (CASE) follows the comma directly; with a wrap
    // column, targets share a line while it stays narrower than that.
    const lineLength = s.length - s.lastIndexOf('\n') - 1;
    const fits = qc.wrapColumn > 0 && !text.includes('\n') && lineLength + 2 + text.length <= qc.wrapColumn;
    s += i === 0 ? text : text.startsWith('\n') ? `,${text}` : fits ? `, ${text}` : `,\n${spaces(base + 4)}${text}`;
  });
  if (q.fromList.length) s += `\n${spaces(base + 3)}FROM ${q.fromList.map((f) => fromItem(qc, q, f, base)).join(`,\n${spaces(base + 4)}`)}`;
  if (q.where) s += `\n${spaces(base + 2)}WHERE ${expr(qc, q.where, base)}`;
  if (q.groupingSets) throw new Unprintable();
  if (q.groupBy.length) s += `\n${spaces(base + 2)}GROUP BY ${q.groupBy.map((e) => sortGroupText(qc, e, base)).join(', ')}`;
  if (q.having) s += `\n${spaces(base + 1)}HAVING ${expr(qc, q.having, base)}`;
  return s;
}

/** The text of a query at indentation `base` (0 for a view), starting with a space. */
export function queryText(qc: QueryContext, q: Query, base: number, names?: readonly string[]): string {
  if (q.locking?.length || q.commandType !== 'select') throw new Unprintable();
  let s = '';
  if (q.ctes.length) {
    s += ' WITH ';
    if (q.ctes.some((c) => c.recursive)) s += 'RECURSIVE ';
    s += q.ctes
      .map((c) => {
        const inner: QueryContext = { ...qc, levels: [...qc.levels, { q: c.query, qualify: true }] };
        const mat = c.materialized === true ? 'MATERIALIZED ' : c.materialized === false ? 'NOT MATERIALIZED ' : '';
        return `${quoteIdent(c.name)} AS ${mat}(\n${spaces(base + 8)}${queryText(inner, c.query, base + 8)}\n${spaces(base + 8)})`;
      })
      .join(', ');
    s += '\n';
  }
  if (q.setOp) {
    const op = q.setOp;
    const left = { ...qc, levels: [...qc.levels.slice(0, -1), { q: op.left, qualify: true }] };
    const right = { ...qc, levels: [...qc.levels.slice(0, -1), { q: op.right, qualify: true }] };
    const colNames = names ?? q.targetList.filter((t) => !t.resjunk).map((t) => t.name);
    if (op.left.setOp || op.right.setOp) throw new Unprintable();
    s += `${queryText(left, op.left, base, colNames)}\n${op.op.toUpperCase()}${op.all ? ' ALL' : ''}\n${queryText(right, op.right, base, colNames)}`;
  } else {
    s += selectText(qc, q, base, names);
  }
  if (q.sortBy.length) s += `\n${spaces(base + 2)}ORDER BY ${sortText(qc, q.sortBy, base)}`;
  if (q.offset) s += `\n${spaces(base + 1)}OFFSET ${expr(qc, q.offset, base)}`;
  if (q.limit) s += `\n${spaces(base + 1)}LIMIT ${q.limitWithTies ? '' : ''}${expr(qc, q.limit, base)}`;
  return s;
}

/** A top-level query (a view's) as pg_get_viewdef prints it, without the final semicolon. */
export function topQueryText(cat: Catalog, session: SessionContext, q: Query, pretty: boolean, names?: readonly string[], wrapColumn = 0): string {
  const relations = q.rtable.filter(isRelationLike).length;
  const qc: QueryContext = { cat, session, pretty, levels: [{ q, qualify: relations !== 1 }], wrapColumn };
  return queryText(qc, q, 0, names).replace(/ +\n/g, '\n');
}

/**
 * An expression over one table's columns (a policy's USING / WITH CHECK) as pg_get_expr prints
 * it: the table's columns bare, subqueries in full at indentation 0. Throws Unprintable.
 */
export function relationExprText(cat: Catalog, session: SessionContext, rel: RelationDef, e: Expr): string {
  const q = emptyQuery('select');
  q.rtable.push(relationRte(rel, undefined));
  const qc: QueryContext = { cat, session, pretty: false, levels: [{ q, qualify: false }], wrapColumn: 0 };
  // (exprContext nests subqueries 8 deeper than its base: base -8 prints them at 0)
  return deparseExprStrict(exprContext(qc, -8), e).replace(/ +\n/g, '\n');
}
