/**
 * EXPLAIN's view of a plan: walks the executable plan tree fauxgres runs and describes each node
 * in Postgres's vocabulary (node type, the relation and index it reads, its detail lines with
 * expressions deparsed as ruleutils prints them, estimated costs and, after EXPLAIN ANALYZE, the
 * counts the instrumented run collected). fauxgres's own helper nodes map onto Postgres's: a
 * Project is part of the node below it, a Filter becomes that node's `Filter:` line, a hash join's
 * inner side is shown under a `Hash` node, an adaptive join shows the strategy its estimate picks.
 * Costs come from a simple model (table sizes, default selectivities), not Postgres's formulas.
 * Postgres counterpart: src/backend/commands/explain.c (ExplainNode, show_*_keys, show_qual).
 */
import type { Catalog } from '../catalog/catalog.js';
import type { RelationDef } from '../catalog/objects.js';
import { deparseExpr, type DeparseContext } from '../catalog/deparse.js';
import { exprEqual } from '../analyze/select.js';
import { firstSrf, forEachChild } from '../nodes/walk.js';
import { formatTypeName } from '../catalog/ruleutils/format-type.js';
import { relationName } from '../catalog/ruleutils/context.js';
import { quoteIdent } from '../functions/builtins/quote.js';
import type { Expr, SortKey } from '../nodes/primnodes.js';
import type { Query, RangeTblEntry } from '../nodes/query.js';
import { containsSubLink } from '../plan/walk-query.js';
import type { PlanCapture, PlanNote } from '../plan/explain-notes.js';
import type { Plan } from '../executor/scan.js';
import type { Session } from '../session/session.js';
import { typeInfo } from '../types/registry.js';
import { PgArray, type Value } from '../types/values.js';
import { OID } from '../types/oids.js';

/** One property of a node: text, number (with decimals for the text layout), bool, or a list. */
export type PropValue = string | number | boolean | readonly string[] | { num: number; decimals: number };
export type Prop = readonly [key: string, value: PropValue];

/** Run-time counts of one node, summed over its loops (EXPLAIN ANALYZE). */
export interface NodeStats {
  loops: number;
  rows: number;
  /** Milliseconds until the first row of each loop, summed; and in all, summed. */
  startup: number;
  total: number;
  /** Index scans: descents of the index (Postgres 18's `Index Searches`). */
  searches?: number;
  /** Rows its filter rejected. */
  removed?: number;
}

export interface ExplainNode {
  /** "Node Type" (`Seq Scan`, `Aggregate`, `ModifyTable`). */
  nodeType: string;
  /** The text layout's heading (`Index Scan Backward using t_pkey on t`, `Insert on t`). */
  textName: string;
  /** Properties before the costs (Strategy, Operation, Scan Direction, Index Name, Relation Name, Alias, Join Type). */
  head: Prop[];
  /** Node details after the costs (Output, Index Cond, Filter, Sort Key, Group Key, ...). */
  details: Prop[];
  /** Details only EXPLAIN ANALYZE prints (Sort Method, Index Searches, Buckets). */
  analyzed: Prop[];
  startupCost: number;
  totalCost: number;
  rows: number;
  width: number;
  stats?: NodeStats;
  children: ExplainChild[];
}

export interface ExplainChild {
  /** Parent Relationship: Outer, Inner, Member, InitPlan, SubPlan, Subquery. */
  relationship: string;
  /** InitPlans and CTEs: `CTE w`, `InitPlan 1`. */
  subplanName?: string;
  node: ExplainNode;
}

export interface DescribeOptions {
  verbose: boolean;
  analyze: boolean;
  costs: boolean;
}

/** Everything the describer needs beyond the plan itself. */
export interface DescribeContext {
  readonly cat: Catalog;
  readonly session: Session;
  readonly capture: PlanCapture;
  readonly opts: DescribeOptions;
  /** Instrumentation of each executed node (ANALYZE). */
  readonly stats?: Map<object, NodeStats>;
  /** Whether the statement's range table has more than one entry (qualified column names). */
  readonly manyRtes: boolean;
  /** Row counts of relations, for estimates. */
  readonly relRows: (rel: RelationDef) => number;
  /** Parameter values of a custom plan (EXPLAIN EXECUTE): shown as constants, as Postgres shows them. */
  readonly params?: readonly Value[];
  /** Sub-plans met while printing the current node's expressions (they become its children). */
  pending: ExplainChild[];
  /** Numbers of the sub-plans described so far (InitPlan n / SubPlan n), by subquery. */
  readonly subplanNumbers: Map<object, number>;
  /** Unique names of range entries (Postgres's rtable_names: `users`, `users_1`). */
  readonly rteNames: Map<RangeTblEntry, string>;
  /** Average width of a relation's row (sampled), for estimates. */
  readonly relWidth: (rel: RelationDef) => number;
}

const SEL_EQ = 0.005;
const SEL_RANGE = 1 / 3;
const SEL_OTHER = 0.5;

/** Counts range entries of a statement at every level, as Postgres's flattened range table has them. */
export function countRtes(q: Query | undefined): number {
  if (!q) return 0;
  let n = 0;
  const seen = new Set<object>();
  const walk = (x: unknown): void => {
    if (!x || typeof x !== 'object' || seen.has(x)) return;
    seen.add(x);
    if (Array.isArray(x)) {
      for (const y of x) walk(y);
      return;
    }
    const o = x as Record<string, unknown>;
    if (Array.isArray(o.rtable) && typeof o.commandType === 'string') n += (o.rtable as unknown[]).length;
    for (const [k, v] of Object.entries(o)) if (k !== 'rel' && k !== 'fn' && k !== 'compare' && k !== 'agg' && typeof v === 'object') walk(v);
  };
  walk(q);
  return n;
}

let currentNames: Map<RangeTblEntry, string> | undefined;

function refName(rte: RangeTblEntry): string {
  const unique = currentNames?.get(rte);
  if (unique) return unique;
  return baseName(rte);
}

function baseName(rte: RangeTblEntry): string {
  if (rte.kind === 'relation') return rte.hasAlias ? rte.alias : rte.rel.name;
  if (rte.kind === 'values') return '*VALUES*';
  return rte.alias;
}

/** The deparse context of a node's expressions: column names, qualified with `prefix`. */
function exprContext(dc: DescribeContext, note: PlanNote | undefined, prefix: boolean): DeparseContext {
  const sp = dc.session.searchPath();
  const levels = note?.levels ?? [];
  const below = note?.computedBelow;
  let printing: Expr | undefined;
  const ctx: DeparseContext = {
    cat: dc.cat,
    fallback: '?',
    columnName: (a) => `column${a}`,
    typeName: (oid, typmod) => formatTypeName(dc.cat, sp, oid, typmod),
    relationName: (oid) => relationName(dc.cat, sp, oid),
    sublink: (e, operand) => sublinkText(dc, e, operand),
    varName: (v) => {
      const q = levels[v.levelsUp];
      const rte = q?.rtable[v.rti];
      if (!rte) return `column${v.attno}`;
      const col = v.attno === 0 ? refName(rte) : quoteIdent(rte.columns[v.attno - 1]?.name ?? `column${v.attno}`);
      if (v.attno === 0) return quoteIdent(col);
      // Unqualified names are the scanned relation's own; any other entry's columns are qualified.
      const other = note?.rte !== undefined && rte !== note.rte;
      return prefix || v.levelsUp > 0 || other ? `${quoteIdent(refName(rte))}.${col}` : col;
    },
  };
  if (below?.length) {
    // (a value the input computed prints as a reference to it: the expression in parentheses)
    ctx.exprOverride = (e) => {
      if (e === printing || !below.some((b) => exprEqual(b, e))) return undefined;
      const saved = printing;
      printing = e;
      try {
        return `(${deparseExpr(ctx, e)})`;
      } finally {
        printing = saved;
      }
    };
  }
  return ctx;
}

/**
 * The planner's view of a qual: `x IN (1, 2)` / `x = ANY (ARRAY[1, 2])` over constants is one
 * array constant (Postgres folds the ARRAY[] before EXPLAIN sees it).
 */
function folded(dc: DescribeContext, e0: Expr): Expr {
  const e = dc.params ? withParamValues(e0, dc.params) : e0;
  if (e.kind === 'ScalarArrayOpExpr' && Array.isArray(e.right) && e.right.every((x) => x.kind === 'Const')) {
    const elem = e.right[0]?.type ?? e.left.type;
    let arrayType: number | undefined;
    try {
      arrayType = typeInfo(dc.cat, elem).array;
    } catch {
      arrayType = undefined;
    }
    if (arrayType) {
      const c = { kind: 'Const', type: arrayType, typmod: -1, value: PgArray.of(e.right.map((x) => (x as Extract<Expr, { kind: 'Const' }>).value)) } as unknown as Expr;
      return { ...e, right: c } as Expr;
    }
  }
  if (e.kind === 'BoolExpr') return { ...e, args: e.args.map((a) => folded(dc, a)) } as Expr;
  return e;
}

/** `e` with its parameters replaced by their values. */
function withParamValues(e: Expr, params: readonly Value[]): Expr {
  const walk = (x: unknown): unknown => {
    if (!x || typeof x !== 'object') return x;
    if (Array.isArray(x)) return x.map(walk);
    const o = x as Record<string, unknown>;
    if (typeof o.kind !== 'string' || !('type' in o)) return x;
    if (o.kind === 'Param') {
      const v = params[o.index as number];
      return v === undefined ? o : { kind: 'Const', type: o.type, typmod: o.typmod, collation: o.collation, value: v };
    }
    if (o.kind === 'SubLink') return o;
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) copy[k] = k === 'fn' || k === 'agg' || k === 'compare' || typeof v === 'function' ? v : walk(v);
    return copy;
  };
  return walk(e) as Expr;
}

/** A sublink as EXPLAIN prints it, describing its plan as a child of the current node. */
function sublinkText(dc: DescribeContext, e: Extract<Expr, { kind: 'SubLink' }>, operand: (x: Expr) => string): string {
  const n = dc.capture.notes.get(e.subquery);
  let num = dc.subplanNumbers.get(e.subquery);
  const correlated = !!n?.correlated;
  const hashed = !correlated && (e.subLinkType === 'ANY' || e.subLinkType === 'ALL');
  const init = !correlated && !hashed;
  if (num === undefined && n?.subplan) {
    const saved = dc.pending;
    dc.pending = [];
    const sub = describe(dc, n.subplan as Plan, undefined);
    sub.children.push(...dc.pending);
    dc.pending = saved;
    num = dc.subplanNumbers.size + 1;
    dc.subplanNumbers.set(e.subquery, num);
    dc.pending.push({ relationship: init ? 'InitPlan' : 'SubPlan', subplanName: `${init ? 'InitPlan' : hashed ? 'hashed SubPlan' : 'SubPlan'} ${num}`, node: sub });
  }
  const name = `${init ? 'InitPlan' : hashed ? 'hashed SubPlan' : 'SubPlan'} ${num ?? '?'}`;
  switch (e.subLinkType) {
    case 'EXPR':
    case 'ARRAY':
      return init ? `(${name}).col1` : `(${name})`;
    case 'EXISTS':
      return init ? `(${name}).col1` : `EXISTS(${name})`;
    case 'ANY':
    case 'ALL': {
      const tests = e.testExprs ?? [];
      const left = tests.length === 1 ? operand(tests[0]) : `ROW(${tests.map(operand).join(', ')})`;
      return `(${e.subLinkType} (${left} ${e.opName ?? '='} (${name}).col1))`;
    }
    default:
      return `(${name})`;
  }
}

function andText(dc: DescribeContext, note: PlanNote | undefined, quals0: readonly Expr[], prefix: boolean): string | undefined {
  if (!quals0.length) return undefined;
  const quals = quals0.map((q) => folded(dc, q));
  const e: Expr = quals.length === 1 ? quals[0] : ({ kind: 'BoolExpr', op: 'and', args: [...quals], type: OID.bool, typmod: -1 } as unknown as Expr);
  const text = deparseExpr(exprContext(dc, note, prefix), e);
  // A bare column or function as a qual prints without parentheses in ruleutils; EXPLAIN shows it as is.
  return text;
}

function sortKeyText(dc: DescribeContext, note: PlanNote | undefined, k: SortKey, prefix: boolean): string {
  let s = deparseExpr(exprContext(dc, note, prefix), folded(dc, k.expr));
  // An expression key is computed below the Sort and printed as a reference to it: in parentheses.
  if (k.expr.kind !== 'Var' && k.expr.kind !== 'Const' && !(s.startsWith('(') && s.endsWith(')'))) s = `(${s})`;
  if (k.descending) s += ' DESC';
  if (k.nullsFirst !== k.descending) s += k.nullsFirst ? ' NULLS FIRST' : ' NULLS LAST';
  return s;
}

function exprListText(dc: DescribeContext, note: PlanNote | undefined, es: readonly Expr[], prefix: boolean): string[] {
  const ctx = exprContext(dc, note, prefix);
  return es.map((e) => deparseExpr(ctx, folded(dc, e)));
}

/** Average width in bytes of a value of `type` (typlen, or Postgres's default 32 for varlena). */
function typeWidth(cat: Catalog, type: number): number {
  try {
    const len = typeInfo(cat, type).typlen;
    return len > 0 ? len : 32;
  } catch {
    return 32;
  }
}

function columnsWidth(cat: Catalog, cols: readonly { type: number; dropped?: boolean }[]): number {
  return cols.reduce((w, c) => w + (c.dropped ? 0 : typeWidth(cat, c.type)), 0);
}

function qualSelectivity(quals: readonly Expr[]): number {
  let s = 1;
  for (const q of quals) {
    if (q.kind === 'OpExpr' && q.op === '=') s *= SEL_EQ;
    else if (q.kind === 'OpExpr' && ['<', '<=', '>', '>='].includes(q.op)) s *= SEL_RANGE;
    else if (q.kind === 'ScalarArrayOpExpr') s *= SEL_EQ * (Array.isArray(q.right) ? q.right.length : 10);
    else s *= SEL_OTHER;
  }
  return s;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const clampRows = (x: number) => Math.max(1, Math.round(x));

/**
 * Describes `plan`. `outputWidth` is the width of the node's visible output (for estimates of
 * upper nodes); `above` is the Project (if any) whose target list this node feeds.
 */
export function describePlan(dc: DescribeContext, plan: Plan): ExplainNode {
  return describe(dc, plan, undefined);
}

function noteOf(dc: DescribeContext, p: object): PlanNote | undefined {
  return dc.capture.notes.get(p);
}

function child(plan: Plan, field: string): Plan | undefined {
  const v = (plan as unknown as Record<string, unknown>)[field];
  return v && typeof v === 'object' && typeof (v as Plan).run === 'function' ? (v as Plan) : undefined;
}

function node(nodeType: string, textName: string, est: { startup: number; total: number; rows: number; width: number }): ExplainNode {
  return { nodeType, textName, head: [], details: [], analyzed: [], startupCost: round2(est.startup), totalCost: round2(est.total), rows: Math.round(est.rows), width: est.width, children: [] };
}

function withStats(dc: DescribeContext, n: ExplainNode, ...plans: (object | undefined)[]): ExplainNode {
  if (!dc.stats) return n;
  for (const p of plans) {
    const s = p ? dc.stats.get(p) : undefined;
    if (s) {
      n.stats = s;
      return n;
    }
  }
  n.stats = { loops: 0, rows: 0, startup: 0, total: 0 };
  return n;
}

/** `Filter:` lines of the Filter nodes between `p` and the node they filter, outermost first. */
interface Peeled {
  plan: Plan;
  filters: { plan: Plan; quals: readonly Expr[]; note?: PlanNote }[];
  project?: Plan;
}

function peel(dc: DescribeContext, plan: Plan): Peeled {
  const filters: Peeled['filters'] = [];
  let project: Plan | undefined;
  let p = plan;
  for (;;) {
    if (p.kind === 'Filter') {
      const n = noteOf(dc, p);
      filters.push({ plan: p, quals: n?.filter ?? [], note: n });
      p = child(p, 'input')!;
      continue;
    }
    if (p.kind === 'MarkPresent') {
      // (fauxgres's own bookkeeping for whole-row references: no Postgres node)
      p = child(p, 'input')!;
      continue;
    }
    if (p.kind === 'Project' && !project) {
      project = p;
      p = child(p, 'input')!;
      continue;
    }
    break;
  }
  return { plan: p, filters, project };
}

function describe(dc: DescribeContext, top: Plan, parentQuery: Query | undefined): ExplainNode {
  currentNames = dc.rteNames;
  const outerPending = dc.pending;
  dc.pending = [];
  const peeled = peel(dc, top);
  const p = peeled.plan;
  const n = describeCore(dc, p, peeled);
  if (!dc.opts.verbose && peeled.project) {
    // Sub-plans of the select list belong to this node even when its Output is not shown.
    const pn = noteOf(dc, peeled.project);
    if (pn?.output?.some(hasSubLink)) exprListText(dc, pn, pn.output, dc.manyRtes);
  }
  // Projection and filters are part of the node in Postgres: its rows are those they pass.
  const outer = peeled.filters[0]?.plan ?? peeled.project ?? p;
  if (dc.stats) withStats(dc, n, top, outer, p);
  const above = p.kind === 'ProjectSet' && peeled.project ? resultAboveProjectSet(dc, n, noteOf(dc, p), noteOf(dc, peeled.project)) : undefined;
  if (dc.opts.verbose && peeled.project && !above) {
    // The projection is the node's own target list.
    const pn = noteOf(dc, peeled.project);
    if (pn?.output) {
      const i = n.details.findIndex(([k]) => k === 'Output');
      const out: Prop = ['Output', exprListText(dc, pn, pn.output, dc.manyRtes)];
      if (i >= 0) n.details[i] = out;
      else n.details.unshift(out);
    }
  }
  void parentQuery;
  n.children.push(...dc.pending);
  dc.pending = outerPending;
  return above ?? n;
}

/**
 * A select list computing over set-returning calls (`generate_series(1, 3) + 1`): Postgres
 * evaluates it in a Result above the ProjectSet, which outputs only its calls and the columns
 * the Result reads. Undefined when the ProjectSet's own target list suffices.
 */
function resultAboveProjectSet(dc: DescribeContext, ps: ExplainNode, own: PlanNote | undefined, top: PlanNote | undefined): ExplainNode | undefined {
  const calls = own?.output;
  const out = top?.output;
  if (!calls || !out) return undefined;
  const below = top.computedBelow ?? [];
  const isCall = (e: Expr) => calls.some((c) => exprEqual(c, e)) || below.some((c) => exprEqual(c, e));
  if (!out.some((e) => !isCall(e) && firstSrf([e]) !== undefined)) return undefined;
  const n = node('Result', 'Result', { startup: ps.startupCost, total: ps.totalCost, rows: ps.rows, width: ps.width });
  if (ps.stats) n.stats = ps.stats;
  if (dc.opts.verbose) {
    n.details.push(['Output', exprListText(dc, { ...top, computedBelow: [...below, ...calls] }, out, dc.manyRtes)]);
    // (the ProjectSet passes the columns and lower calls the Result reads after its own calls)
    const vars: Expr[] = [];
    const collect = (e: Expr): void => {
      if (calls.some((c) => exprEqual(c, e))) return;
      if (e.kind === 'Var' || below.some((c) => exprEqual(c, e))) {
        if (!vars.some((v) => exprEqual(v, e))) vars.push(e);
        return;
      }
      forEachChild(e, collect);
    };
    out.forEach(collect);
    const i = ps.details.findIndex(([k]) => k === 'Output');
    const psOut: Prop = ['Output', exprListText(dc, own, [...calls, ...vars], dc.manyRtes)];
    if (i >= 0) ps.details[i] = psOut;
    else ps.details.unshift(psOut);
  }
  n.children.push({ relationship: 'Outer', node: ps });
  return n;
}

function hasSubLink(e: Expr): boolean {
  let found = false;
  const walk = (x: unknown): void => {
    if (found || !x || typeof x !== 'object') return;
    const o = x as Record<string, unknown>;
    if (o.kind === 'SubLink') {
      found = true;
      return;
    }
    for (const [k, v] of Object.entries(o)) if (k !== 'fn' && k !== 'rel' && k !== 'compare' && typeof v === 'object') walk(v);
  };
  walk(e);
  return found;
}

/**
 * Unique names for the range entries of a statement, as Postgres's select_rtable_names_for_explain
 * gives them: each level's entries in order, then the nested queries'; a repeated name gets `_n`.
 */
export function uniqueRteNames(q: Query | undefined, scanned?: ReadonlySet<RangeTblEntry>): Map<RangeTblEntry, string> {
  const out = new Map<RangeTblEntry, string>();
  const used = new Map<string, number>();
  const name = (rte: RangeTblEntry) => {
    const base = baseName(rte);
    const k = used.get(base);
    if (k === undefined) {
      used.set(base, 0);
      out.set(rte, base);
    } else {
      let i = k + 1;
      while (used.has(`${base}_${i}`)) i++;
      used.set(base, i);
      used.set(`${base}_${i}`, 0);
      out.set(rte, `${base}_${i}`);
    }
  };
  if (!q) {
    for (const rte of scanned ?? []) if (!out.has(rte)) name(rte);
    return out;
  }
  const queue: Query[] = [q];
  const seen = new Set<object>();
  while (queue.length) {
    const cur = queue.shift()!;
    if (seen.has(cur)) continue;
    seen.add(cur);
    for (const rte of cur.rtable) {
      // Only entries the plan reads get a name (an entry a min/max probe replaced does not).
      if (rte.kind === 'join' || (scanned && rte.kind === 'relation' && !scanned.has(rte))) continue;
      // A table read through its row-level security policies is, in Postgres, the table itself.
      if (rte.kind === 'subquery' && rte.rlsRelation !== undefined) continue;
      name(rte);
    }
    // Nested queries: set operation branches, FROM subqueries, WITH queries, sublinks.
    const nested: Query[] = [];
    const walk = (x: unknown): void => {
      if (!x || typeof x !== 'object' || seen.has(x)) return;
      if (Array.isArray(x)) {
        for (const y of x) walk(y);
        return;
      }
      const o = x as Record<string, unknown>;
      if (typeof o.commandType === 'string' && Array.isArray(o.rtable) && (o as unknown) !== cur) {
        nested.push(o as unknown as Query);
        return;
      }
      for (const [k, v] of Object.entries(o)) if (k !== 'rel' && k !== 'fn' && k !== 'compare' && k !== 'agg' && typeof v === 'object') walk(v);
    };
    walk(cur.setOp);
    walk(cur.ctes);
    for (const rte of cur.rtable) if (rte.kind === 'subquery') nested.push(rte.query);
    walk(cur.targetList);
    walk(cur.where);
    walk(cur.having);
    walk(cur.fromList);
    queue.push(...nested);
  }
  // Entries of queries the planner made (min/max probes), in planning order.
  for (const rte of scanned ?? []) if (!out.has(rte)) name(rte);
  return out;
}

/** Rows estimate after applying filter selectivities. */
function filtered(rows: number, quals: readonly Expr[]): number {
  return quals.length ? clampRows(rows * qualSelectivity(quals)) : rows;
}

function addFilters(dc: DescribeContext, n: ExplainNode, own: PlanNote | undefined, ownQuals: readonly Expr[], filters: Peeled['filters'], scanLevel: boolean, label = 'Filter', self?: object): void {
  const all = [...ownQuals, ...filters.flatMap((f) => f.quals)];
  const prefix = scanLevel ? dc.opts.verbose : dc.manyRtes || dc.opts.verbose;
  const text = andText(dc, own ?? filters[0]?.note, all, prefix);
  if (text) n.details.push([label, text]);
  if (text && dc.stats && label === 'Filter') {
    let removed = (self && dc.stats.get(self)?.removed) ?? 0;
    for (const f of filters) removed += dc.stats.get(f.plan)?.removed ?? 0;
    const loops = Math.max(1, n.stats?.loops ?? dc.stats.get(self ?? {})?.loops ?? 1);
    n.details.push(['Rows Removed by Filter', { num: removed / loops, decimals: 0 }]);
  }
  n.rows = filtered(n.rows, filters.flatMap((f) => f.quals));
}

function scanTarget(dc: DescribeContext, n: ExplainNode, rte: RangeTblEntry | undefined, rel: RelationDef | undefined): string {
  if (!rte && !rel) return '';
  const relName = rel ? rel.name : undefined;
  const alias = rte ? refName(rte) : relName!;
  if (relName !== undefined) {
    n.head.push(['Relation Name', relName]);
    if (dc.opts.verbose && rel) n.head.push(['Schema', dc.cat.namespaceName(rel.namespace)]);
  }
  n.head.push(['Alias', alias]);
  const shown = relName !== undefined ? (dc.opts.verbose && rel ? `${quoteIdent(dc.cat.namespaceName(rel.namespace))}.${quoteIdent(relName)}` : quoteIdent(relName)) : quoteIdent(alias);
  return relName !== undefined && alias !== relName ? `${shown} ${quoteIdent(alias)}` : shown;
}

function describeCore(dc: DescribeContext, p: Plan, peeled: Peeled): ExplainNode {
  const note = noteOf(dc, p);
  const filters = peeled.filters;
  const any = p as unknown as Record<string, any>;
  switch (p.kind) {
    case 'SeqScan': {
      const rel = any.rel as RelationDef;
      const rows = dc.relRows(rel);
      const pages = Math.max(1, Math.ceil((rows * (columnsWidth(dc.cat, rel.columns) + 28)) / 8192));
      const own = note?.filter ?? [];
      const n = node('Seq Scan', 'Seq Scan', { startup: 0, total: pages + rows * 0.01 + rows * 0.0025 * own.length, rows: filtered(rows, own), width: dc.relWidth(rel) });
      n.textName = `Seq Scan on ${scanTarget(dc, n, note?.rte, rel)}`;
      addOutputForScan(dc, n, note, rel);
      addFilters(dc, n, note, own, filters, true, 'Filter', p);
      return n;
    }
    case 'IndexScan': {
      const rel = any.rel as RelationDef;
      const index = any.index as RelationDef;
      const rows = dc.relRows(rel);
      const cond = note?.indexCond ?? [];
      const info = index.index!;
      const unique = info.unique && cond.filter((c) => c.kind === 'OpExpr' && c.op === '=').length >= info.keys.length;
      const est = unique ? 1 : cond.length ? clampRows(rows * qualSelectivity(cond)) : rows;
      const own = note?.filter ?? [];
      const backward = !!any.reverse;
      const indexOnly = coveredByIndex(note, index);
      const n = node(indexOnly ? 'Index Only Scan' : 'Index Scan', '', { startup: 0.28, total: unique ? 8.29 : 0.28 + est * 0.04 + 4, rows: filtered(est, own), width: dc.relWidth(rel) });
      n.head.push(['Scan Direction', backward ? 'Backward' : 'Forward'], ['Index Name', index.name]);
      n.textName = `${n.nodeType}${backward ? ' Backward' : ''} using ${quoteIdent(index.name)} on ${scanTarget(dc, n, note?.rte, rel)}`;
      addOutputForScan(dc, n, note, rel);
      const ct = andText(dc, note, cond, dc.opts.verbose);
      if (ct) n.details.push(['Index Cond', ct]);
      addFilters(dc, n, note, own, filters, true, 'Filter', p);
      if (dc.stats) {
        // An index-only scan still visits the heap for visibility (no visibility map here).
        if (indexOnly) n.analyzed.push(['Heap Fetches', dc.stats.get(p)?.rows ?? 0]);
        n.analyzed.push(['Index Searches', dc.stats.get(p)?.loops ?? 0]);
      }
      return n;
    }
    case 'SystemLookupScan': {
      const rte = note?.rte;
      const n = node('Function Scan', '', { startup: 0, total: 0.01, rows: 1, width: 32 });
      n.textName = `Function Scan on ${scanTarget(dc, n, rte, undefined)}`;
      addFilters(dc, n, note, [], filters, true);
      return n;
    }
    case 'ValuesScan': {
      const nrows = (any.rows as unknown[]).length;
      const width = note?.rte ? columnsWidth(dc.cat, note.rte.columns) : 4;
      const n = node('Values Scan', 'Values Scan on "*VALUES*"', { startup: 0, total: nrows * 0.0125, rows: nrows, width });
      n.head.push(['Alias', '*VALUES*']);
      addFilters(dc, n, note, [], filters, true);
      return n;
    }
    case 'FunctionScan': {
      const rte = note?.rte;
      const fname = rte?.kind === 'function' && rte.call.kind === 'FuncExpr' ? rte.call.name : 'function';
      const retset = rte?.kind === 'function' && rte.call.kind === 'FuncExpr' ? !!rte.call.retset : true;
      const rows = retset ? 1000 : 1;
      const width = rte ? columnsWidth(dc.cat, rte.columns) : 4;
      const n = node('Function Scan', '', { startup: 0, total: rows * 0.01, rows, width });
      n.head.push(['Function Name', fname]);
      const alias = rte ? refName(rte) : fname;
      n.head.push(['Alias', alias]);
      n.textName = `Function Scan on ${quoteIdent(fname)}${alias !== fname ? ` ${quoteIdent(alias)}` : ''}`;
      addFilters(dc, n, note, [], filters, true);
      return n;
    }
    case 'SubqueryScan':
    case 'SharedCteScan': {
      const rte = note?.rte;
      const sub = (p.kind === 'SubqueryScan' ? any.sub : any.sub) as Plan;
      const subNode = describe(dc, sub, undefined);
      if (rte?.kind === 'cte') {
        const n = node('CTE Scan', '', { startup: 0, total: subNode.totalCost + subNode.rows * 0.02, rows: subNode.rows, width: subNode.width });
        n.head.push(['CTE Name', rte.cteName], ['Alias', rte.alias]);
        n.textName = `CTE Scan on ${quoteIdent(rte.cteName)}${rte.alias !== rte.cteName ? ` ${quoteIdent(rte.alias)}` : ''}`;
        addFilters(dc, n, note, [], filters, true);
        n.children.push({ relationship: 'InitPlan', subplanName: `CTE ${rte.cteName}`, node: subNode });
        return n;
      }
      // Postgres pulls a simple subquery up into the outer query: no Subquery Scan of its own.
      if (note?.pulledUp && !filters.length) return subNode;
      const alias = rte ? refName(rte) : 'subquery';
      const n = node('Subquery Scan', `Subquery Scan on ${quoteIdent(alias)}`, { startup: subNode.startupCost, total: subNode.totalCost, rows: subNode.rows, width: subNode.width });
      n.head.push(['Alias', alias]);
      addFilters(dc, n, note, [], filters, true);
      n.children.push({ relationship: 'Subquery', node: subNode });
      return n;
    }
    case 'WorkTableScan': {
      const rte = note?.rte;
      const name = rte?.kind === 'cte' ? rte.cteName : 'worktable';
      const alias = rte ? refName(rte) : name;
      const n = node('WorkTable Scan', `WorkTable Scan on ${quoteIdent(name)}${alias !== name ? ` ${quoteIdent(alias)}` : ''}`, { startup: 0, total: 2, rows: 100, width: rte ? columnsWidth(dc.cat, rte.columns) : 4 });
      n.head.push(['CTE Name', name], ['Alias', alias]);
      addFilters(dc, n, note, note?.filter ?? [], filters, true);
      return n;
    }
    case 'RecursiveUnion': {
      const l = describe(dc, any.nonRecursive, undefined);
      const r = describe(dc, any.recursive, undefined);
      const n = node('Recursive Union', 'Recursive Union', { startup: 0, total: l.totalCost + r.totalCost * 10, rows: l.rows + r.rows * 10, width: l.width });
      n.children.push({ relationship: 'Outer', node: l }, { relationship: 'Inner', node: r });
      return n;
    }
    case 'Result': {
      const n = node('Result', 'Result', { startup: 0, total: 0.01, rows: 1, width: 4 });
      addFilters(dc, n, undefined, [], filters, false, 'One-Time Filter');
      return n;
    }
    case 'NestLoop':
    case 'HashJoin':
    case 'AdaptiveJoin':
      return describeJoin(dc, p, note, filters);
    case 'Materialize': {
      const c = describe(dc, any.input, undefined);
      const n = node('Materialize', 'Materialize', { startup: c.startupCost, total: c.totalCost + c.rows * 0.0025, rows: c.rows, width: c.width });
      n.children.push({ relationship: 'Outer', node: c });
      addFilters(dc, n, undefined, [], filters, false);
      return n;
    }
    case 'Agg':
    case 'GroupingSetsAgg': {
      const c = describe(dc, any.input, undefined);
      const keys = note?.groupKeys ?? [];
      const hashed = keys.length > 0;
      const rows = hashed ? Math.min(200, c.rows) : 1;
      const n = node(hashed ? 'Aggregate' : 'Aggregate', hashed ? (p.kind === 'GroupingSetsAgg' ? 'MixedAggregate' : 'HashAggregate') : 'Aggregate', {
        startup: c.totalCost + c.rows * 0.005,
        total: c.totalCost + c.rows * 0.005 + rows * 0.01,
        rows,
        width: c.width + 8,
      });
      n.head.push(['Strategy', hashed ? (p.kind === 'GroupingSetsAgg' ? 'Mixed' : 'Hashed') : 'Plain'], ['Partial Mode', 'Simple']);
      if (keys.length) n.details.push(['Group Key', exprListText(dc, note, keys, dc.manyRtes || dc.opts.verbose)]);
      addFilters(dc, n, note, [], filters, false);
      if (dc.stats && hashed) n.analyzed.push(['Planned Partitions', 0], ['HashAgg Batches', 1], ['Peak Memory Usage', 24 + Math.ceil((n.stats?.rows ?? 0) / 16)], ['Disk Usage', 0]);
      n.children.push({ relationship: 'Outer', node: c });
      return n;
    }
    case 'WindowAgg': {
      const c = describe(dc, any.input, undefined);
      const n = node('WindowAgg', 'WindowAgg', { startup: c.startupCost, total: c.totalCost + c.rows * 0.0025, rows: c.rows, width: c.width + 8 });
      n.children.push({ relationship: 'Outer', node: c });
      addFilters(dc, n, undefined, [], filters, false);
      return n;
    }
    case 'ProjectSet': {
      const c = describe(dc, any.input, undefined);
      const n = node('ProjectSet', 'ProjectSet', { startup: c.startupCost, total: c.totalCost + c.rows * 10 * 0.0025, rows: c.rows * 1000, width: c.width + 4 });
      // (a lower level of nested set-returning calls: its own calls; the top level's Project replaces this)
      if (dc.opts.verbose && note?.output) n.details.push(['Output', exprListText(dc, note, note.output, dc.manyRtes)]);
      n.children.push({ relationship: 'Outer', node: c });
      addFilters(dc, n, undefined, [], filters, false);
      return n;
    }
    case 'Sort': {
      const c = describe(dc, any.input, undefined);
      const rows = Math.max(c.rows, 1);
      const sortCost = 2 * 0.0025 * rows * Math.log2(Math.max(rows, 2));
      const n = node('Sort', 'Sort', { startup: c.totalCost + sortCost, total: c.totalCost + sortCost + rows * 0.0025, rows: c.rows, width: c.width });
      passOutput(dc, n, note, c);
      if (note?.sortKeys) n.details.push(['Sort Key', note.sortKeys.map((k) => sortKeyText(dc, note, k, dc.manyRtes || dc.opts.verbose))]);
      if (dc.stats) n.analyzed.push(['Sort Method', 'quicksort'], ['Sort Space Used', 25 + Math.ceil((n.stats?.rows ?? 0) / 20)], ['Sort Space Type', 'Memory']);
      n.children.push({ relationship: 'Outer', node: c });
      addFilters(dc, n, undefined, [], filters, false);
      return n;
    }
    case 'Unique': {
      const c = describe(dc, any.input, undefined);
      if (note?.sortKeys) {
        // DISTINCT ON: Unique over a Sort.
        const n = node('Unique', 'Unique', { startup: c.startupCost, total: c.totalCost + c.rows * 0.0025, rows: Math.min(200, c.rows), width: c.width });
        passOutput(dc, n, note, c);
        n.children.push({ relationship: 'Outer', node: c });
        return n;
      }
      // DISTINCT: a hash aggregate on the output columns.
      const n = node('Aggregate', 'HashAggregate', { startup: c.totalCost + c.rows * 0.0025, total: c.totalCost + c.rows * 0.005, rows: Math.min(200, c.rows), width: c.width });
      n.head.push(['Strategy', 'Hashed'], ['Partial Mode', 'Simple']);
      passOutput(dc, n, note, c);
      if (note?.groupKeys) n.details.push(['Group Key', exprListText(dc, note, note.groupKeys, dc.manyRtes || dc.opts.verbose)]);
      if (dc.stats) n.analyzed.push(['Planned Partitions', 0], ['HashAgg Batches', 1], ['Peak Memory Usage', 24 + Math.ceil((n.stats?.rows ?? 0) / 16)], ['Disk Usage', 0]);
      n.children.push({ relationship: 'Outer', node: c });
      return n;
    }
    case 'Limit': {
      const c = describe(dc, any.input, undefined);
      const lim = constInt(note?.query?.limit);
      const off = constInt(note?.query?.offset) ?? 0;
      const rows = lim !== undefined ? Math.max(0, Math.min(lim, Math.max(c.rows - off, 0))) : Math.max(c.rows - off, 0);
      const frac = c.rows > 0 ? Math.min(1, (rows + off) / c.rows) : 1;
      const n = node('Limit', 'Limit', { startup: c.startupCost, total: c.startupCost + (c.totalCost - c.startupCost) * frac, rows, width: c.width });
      // A Sort under a Limit keeps only the top rows (Postgres's bounded sort).
      if (c.nodeType === 'Sort' && lim !== undefined) c.analyzed = c.analyzed.map(([k, v]) => [k, k === 'Sort Method' ? 'top-N heapsort' : v] as Prop);
      passOutput(dc, n, note, c);
      n.children.push({ relationship: 'Outer', node: c });
      return n;
    }
    case 'SetOp': {
      const l = describe(dc, any.left, undefined);
      const r = describe(dc, any.right, undefined);
      const op = any.op as string;
      const all = !!any.all;
      if (op === 'union') {
        const app = node('Append', 'Append', { startup: 0, total: l.totalCost + r.totalCost, rows: l.rows + r.rows, width: Math.max(l.width, r.width) });
        app.children.push({ relationship: 'Member', node: l }, { relationship: 'Member', node: r });
        if (dc.stats) withStats(dc, app, p);
        if (all) return app;
        const n = node('Aggregate', 'HashAggregate', { startup: app.totalCost + app.rows * 0.0025, total: app.totalCost + app.rows * 0.005, rows: Math.min(200, app.rows), width: app.width });
        n.head.push(['Strategy', 'Hashed'], ['Partial Mode', 'Simple']);
        if (note?.output) n.details.push(['Group Key', exprListText(dc, note, note.output, dc.manyRtes || dc.opts.verbose)]);
        n.children.push({ relationship: 'Outer', node: app });
        return n;
      }
      const cmd = op === 'intersect' ? (all ? 'Intersect All' : 'Intersect') : all ? 'Except All' : 'Except';
      const n = node('SetOp', `HashSetOp ${cmd}`, { startup: l.totalCost + r.totalCost, total: l.totalCost + r.totalCost + l.rows * 0.0025, rows: Math.min(l.rows, 200), width: l.width });
      n.head.push(['Strategy', 'Hashed'], ['Command', cmd]);
      n.children.push({ relationship: 'Outer', node: l }, { relationship: 'Inner', node: r });
      return n;
    }
    case 'LockRows': {
      const c = describe(dc, any.input, undefined);
      const n = node('LockRows', 'LockRows', { startup: c.startupCost, total: c.totalCost + c.rows * 0.01, rows: c.rows, width: c.width + 6 });
      n.children.push({ relationship: 'Outer', node: c });
      return n;
    }
    case 'MinMaxAgg': {
      // min() / max() by index probes: a Result over one InitPlan per aggregate, as Postgres shows it.
      const n = node('Result', 'Result', { startup: 0, total: 0.5, rows: 1, width: 4 * (any.subplans as unknown[]).length });
      for (const sp of new Set(any.subplans as Plan[])) {
        const saved = dc.pending;
        dc.pending = [];
        const sub = describe(dc, sp, undefined);
        sub.children.push(...dc.pending);
        dc.pending = saved;
        const num = dc.subplanNumbers.size + 1;
        dc.subplanNumbers.set(sp, num);
        n.children.push({ relationship: 'InitPlan', subplanName: `InitPlan ${num}`, node: sub });
      }
      addFilters(dc, n, undefined, [], filters, false, 'One-Time Filter');
      return n;
    }
    case 'Append': {
      // A partitioned table's scan: one member per partition, aliased <alias>_<n> as Postgres names them.
      const kids = (any.children as Plan[]).map((c) => describe(dc, c, undefined));
      if (!kids.length) {
        // Every partition pruned.
        const r = node('Result', 'Result', { startup: 0, total: 0, rows: 0, width: 0 });
        r.details.push(['One-Time Filter', 'false']);
        return r;
      }
      const n = node('Append', 'Append', { startup: 0, total: kids.reduce((t, k) => t + k.totalCost, 0), rows: kids.reduce((t, k) => t + k.rows, 0), width: Math.max(0, ...kids.map((k) => k.width)) });
      kids.forEach((k, i) => {
        const at = k.head.findIndex((h) => h[0] === 'Alias');
        if (at >= 0) {
          const old = String(k.head[at][1]);
          const renamed = `${old}_${i + 1}`;
          const tail = ` ${quoteIdent(old)}`;
          const rel = k.head.find((h) => h[0] === 'Relation Name');
          k.textName = rel && String(rel[1]) !== old && k.textName.endsWith(tail) ? `${k.textName.slice(0, -tail.length)} ${quoteIdent(renamed)}` : `${k.textName} ${quoteIdent(renamed)}`;
          k.head[at] = ['Alias', renamed];
        }
        n.children.push({ relationship: 'Member', node: k });
      });
      if (dc.stats) withStats(dc, n, p);
      return n;
    }
    case 'Replay':
      return node('Result', 'Result', { startup: 0, total: 0.01, rows: 1, width: 4 });
    default: {
      // A node EXPLAIN has no special view of: show it with its inputs.
      const n = node(p.kind, p.kind, { startup: 0, total: 1, rows: 1, width: 4 });
      for (const [, v] of Object.entries(any)) {
        if (v && typeof v === 'object' && typeof (v as Plan).run === 'function' && typeof (v as Plan).kind === 'string') n.children.push({ relationship: 'Outer', node: describe(dc, v as Plan, undefined) });
      }
      addFilters(dc, n, undefined, [], filters, false);
      return n;
    }
  }
}

/**
 * Whether the query reads nothing of the scanned relation but the index's columns (keys and
 * INCLUDE), so Postgres would plan an index-only scan. Not for UPDATE / DELETE / FOR UPDATE,
 * which need the row itself.
 */
function coveredByIndex(note: PlanNote | undefined, index: RelationDef): boolean {
  const q = note?.levels?.[0];
  const rte = note?.rte;
  if (!q || !rte || q.commandType !== 'select' || q.locking?.length) return false;
  const rti = q.rtable.indexOf(rte);
  if (rti < 0) return false;
  const info = index.index!;
  const cols = new Set<number>([...info.keys.map((k) => k.attnum), ...info.include]);
  if (cols.has(0)) return false;
  let ok = true;
  const seen = new Set<object>();
  const walk = (x: unknown, depth: number): void => {
    if (!ok || !x || typeof x !== 'object' || seen.has(x)) return;
    seen.add(x);
    if (Array.isArray(x)) {
      for (const y of x) walk(y, depth);
      return;
    }
    const o = x as Record<string, unknown>;
    if (o.kind === 'Var' && o.rti === rti && o.levelsUp === depth && !cols.has(o.attno as number)) ok = false;
    const inner = typeof o.commandType === 'string' ? depth + 1 : depth;
    for (const [k, v] of Object.entries(o)) if (k !== 'rel' && k !== 'fn' && k !== 'compare' && k !== 'agg' && k !== 'rtable' && typeof v === 'object') walk(v, inner);
  };
  walk(q, -1);
  return ok;
}

function constInt(e: Expr | undefined): number | undefined {
  if (!e) return undefined;
  let x: Expr = e;
  while (x.kind === 'CoerceExpr') x = x.arg;
  if (x.kind === 'Const' && x.value !== null && (typeof x.value === 'bigint' || typeof x.value === 'number')) return Number(x.value);
  return undefined;
}

/** VERBOSE `Output:` of a scan: the columns of the relation (Postgres's physical target list). */
function addOutputForScan(dc: DescribeContext, n: ExplainNode, note: PlanNote | undefined, rel: RelationDef): void {
  if (!dc.opts.verbose) return;
  const rte = note?.rte;
  const alias = rte ? refName(rte) : rel.name;
  const cols = rel.columns.filter((c) => !c.dropped).map((c) => (dc.manyRtes ? `${quoteIdent(alias)}.${quoteIdent(c.name)}` : quoteIdent(c.name)));
  n.details.push(['Output', cols]);
}

/** VERBOSE `Output:` of a node that passes its input's rows on (Sort, Limit, Unique). */
function passOutput(dc: DescribeContext, n: ExplainNode, note: PlanNote | undefined, c: ExplainNode): void {
  if (!dc.opts.verbose) return;
  const q = note?.query;
  const out = c.details.find(([k]) => k === 'Output');
  if (q) {
    const texts = exprListText(dc, note, q.targetList.map((t) => t.expr), dc.manyRtes);
    n.details.push(['Output', texts.map((t, i) => (q.targetList[i].expr.kind === 'Var' || t.startsWith('(') ? t : `(${t})`))]);
  } else if (out) n.details.push(['Output', out[1]]);
}

function describeJoin(dc: DescribeContext, p: Plan, note: PlanNote | undefined, filters: Peeled['filters']): ExplainNode {
  const any = p as unknown as Record<string, any>;
  if (p.kind === 'AdaptiveJoin') {
    // Runs the index nested loop for few outer rows, the hash join for many: show the one the
    // estimate (or, after ANALYZE, the run) chose.
    const outer = describe(dc, any.outer, undefined);
    const usedHash = dc.stats ? (dc.stats.get(any.hashJoin)?.loops ?? 0) > 0 : outer.rows > 64;
    const chosen = (usedHash ? any.hashJoin : any.indexLoop) as Plan;
    const n = describeJoinNode(dc, chosen, noteOf(dc, chosen), filters, outer);
    return n;
  }
  return describeJoinNode(dc, p, note, filters, undefined);
}

function joinTypeName(t: string): string {
  return ({ inner: 'Inner', left: 'Left', full: 'Full', right: 'Right', semi: 'Semi', anti: 'Anti' } as Record<string, string>)[t] ?? 'Inner';
}

function describeJoinNode(dc: DescribeContext, p: Plan, note: PlanNote | undefined, filters: Peeled['filters'], outerDescribed: ExplainNode | undefined): ExplainNode {
  const any = p as unknown as Record<string, any>;
  const outer = outerDescribed ?? describe(dc, any.outer, undefined);
  const jt = joinTypeName(String(any.joinType));
  const jtText = jt === 'Inner' ? '' : ` ${jt}`;
  const prefix = dc.manyRtes || dc.opts.verbose;
  if (p.kind === 'HashJoin') {
    const inner = describe(dc, any.inner, undefined);
    const rows = clampRows(outer.rows * inner.rows * SEL_EQ * (jt === 'Left' ? 2 : 1));
    const hash = node('Hash', 'Hash', { startup: inner.totalCost, total: inner.totalCost, rows: inner.rows, width: inner.width });
    hash.children.push({ relationship: 'Outer', node: inner });
    if (dc.stats) {
      withStats(dc, hash, any.inner);
      hash.analyzed.push(['Hash Buckets', 1024], ['Original Hash Buckets', 1024], ['Hash Batches', 1], ['Original Hash Batches', 1], ['Peak Memory Usage', 9 + Math.ceil((hash.stats?.rows ?? 0) / 32)]);
    }
    const n = node('Hash Join', `Hash${jtText} Join`, { startup: hash.totalCost, total: hash.totalCost + outer.totalCost + outer.rows * 0.01 + rows * 0.01, rows, width: outer.width + inner.width });
    n.head.push(['Join Type', jt], ['Inner Unique', false]);
    const hc = andText(dc, note, note?.hashCond ?? [], prefix);
    if (hc) n.details.push(['Hash Cond', hc]);
    const jf = andText(dc, note, note?.joinFilter ?? [], prefix);
    if (jf) n.details.push(['Join Filter', jf]);
    addFilters(dc, n, note, [], filters, false);
    n.children.push({ relationship: 'Outer', node: outer }, { relationship: 'Inner', node: hash });
    return n;
  }
  let inner = describe(dc, any.inner, undefined);
  const innerLoops = Math.max(outer.rows, 1);
  const rows = clampRows(outer.rows * inner.rows * (note?.joinFilter?.length ? SEL_EQ : 1));
  const n = node('Nested Loop', `Nested Loop${jtText} Join`.replace(' Inner Join', '').replace('Nested Loop Join', 'Nested Loop'), {
    startup: outer.startupCost + inner.startupCost,
    total: outer.totalCost + innerLoops * inner.totalCost,
    rows,
    width: outer.width + inner.width,
  });
  if (jt === 'Inner') n.textName = 'Nested Loop';
  n.head.push(['Join Type', jt], ['Inner Unique', false]);
  const jf = andText(dc, note, note?.joinFilter ?? [], prefix);
  if (jf) n.details.push(['Join Filter', jf]);
  addFilters(dc, n, note, [], filters, false);
  n.children.push({ relationship: 'Outer', node: outer }, { relationship: 'Inner', node: inner });
  inner = n.children[1].node;
  return n;
}

/** The ModifyTable node of an INSERT / UPDATE / DELETE over its input. */
/** What EXPLAIN shows of an ON CONFLICT clause. */
export interface ConflictDescription {
  readonly action: string;
  readonly arbiters: string[];
  /** DO UPDATE's WHERE, and the query level its Vars refer to (target, EXCLUDED). */
  readonly filter?: { expr: Expr; query: Query };
}

export function describeModify(dc: DescribeContext, op: 'Insert' | 'Update' | 'Delete', rel: RelationDef, alias: string | undefined, input: ExplainNode, stats: NodeStats | undefined, conflict?: ConflictDescription): ExplainNode {
  const n = node('ModifyTable', '', { startup: 0, total: input.totalCost + input.rows * 0.01, rows: 0, width: 0 });
  n.head.push(['Operation', op]);
  const rname = rel.name;
  n.head.push(['Relation Name', rname]);
  if (dc.opts.verbose) n.head.push(['Schema', dc.cat.namespaceName(rel.namespace)]);
  n.head.push(['Alias', alias ?? rname]);
  const shown = dc.opts.verbose ? `${quoteIdent(dc.cat.namespaceName(rel.namespace))}.${quoteIdent(rname)}` : quoteIdent(rname);
  n.textName = `${op} on ${shown}${alias && alias !== rname ? ` ${quoteIdent(alias)}` : ''}`;
  if (conflict) {
    n.details.push(['Conflict Resolution', conflict.action]);
    if (conflict.arbiters.length) n.details.push(['Conflict Arbiter Indexes', conflict.arbiters]);
    // (A filter with a subquery is not shown: its SubPlan is not described here.)
    const filter = conflict.filter && !containsSubLink(conflict.filter.expr) && andText(dc, { levels: [conflict.filter.query] }, [conflict.filter.expr], true);
    if (filter) n.details.push(['Conflict Filter', filter]);
  }
  if (stats) n.stats = stats;
  n.children.push({ relationship: 'Outer', node: input });
  return n;
}

/** A leaf with no plan behind it (`Result` for INSERT ... VALUES of one row). */
export function leafNode(nodeType: string, textName: string, rows: number, width: number): ExplainNode {
  return node(nodeType, textName, { startup: 0, total: 0.01 * Math.max(rows, 1), rows, width });
}

export { typeWidth };
