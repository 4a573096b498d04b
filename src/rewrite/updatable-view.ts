/**
 * Automatically updatable views: INSERT / UPDATE / DELETE on a simple view (one base table or
 * updatable view, no aggregates, DISTINCT, GROUP BY, LIMIT, set operations or WITH) become the
 * same statement on the relation under it, one level at a time (a view on a view is rewritten
 * twice): the view's WHERE is added to UPDATE/DELETE, the view's columns are mapped to the
 * columns (or, when only read, the expressions) under them, the view's column defaults fill
 * INSERT's missing columns, and WITH [LOCAL | CASCADED] CHECK OPTION becomes a check per new row
 * (innermost view first, as Postgres lists them). Other views fail with Postgres's 55000 errors.
 *
 * The rewrite works on the raw parse tree (the statement is analyzed once, at the bottom);
 * references to the view's computed columns are replaced by their expressions.
 * Postgres counterpart: src/backend/rewrite/rewriteHandler.c (view_query_is_auto_updatable,
 * rewriteTargetView, rewriteTargetListIU for view defaults).
 * RETURNING old.* / new.* and whole-row references (the view's alias, old, new, excluded.*)
 * become the view's row built from the row under it (NULL when old / new does not exist).
 * Known gaps: INSERT ... SELECT without a column list into a view with column defaults raises 0A000.
 */
import { applyBinding } from './view-binding.js';
import type { RelationDef, StoredExpr } from '../catalog/objects.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Session } from '../session/session.js';
import { transformSelectStmt } from '../analyze/select.js';
import { figureColname } from '../analyze/target.js';
import { statementState } from '../session/run-select.js';
import { parseScript } from '../parser/parse.js';
import { walkNodes } from '../plan/walk-query.js';

type AnyNode = Record<string, any>;
export type ViewDmlKind = 'insert' | 'update' | 'delete' | 'merge';

/** A WITH CHECK OPTION of a view: `expr` is raw, over the current target's columns, qualified by CHECK_ALIAS. */
export interface RawViewCheck {
  readonly viewName: string;
  readonly expr?: AnyNode;
  readonly cascaded: boolean;
}

/** A check option analyzed over the base table, run on each new row. */
export interface ViewCheck {
  readonly viewName: string;
  readonly check: StoredExpr;
}

/** Qualifier of column references in pending check expressions (replaced by the base table's name at the end). */
export const CHECK_ALIAS = '\u0000target';

/** How a view column maps to the relation under the view. */
interface ColumnMapping {
  /** Name of the column under it, when the view column is a plain column reference. */
  readonly base?: string;
  /** The expression (raw, qualified by CHECK_ALIAS) of a computed column: readable, not updatable. */
  readonly expr?: AnyNode;
}

export interface ViewLevel {
  readonly view: RelationDef;
  /** The relation the view reads (a table or another view). */
  readonly base: RelationDef;
  readonly columns: readonly string[];
  readonly map: ReadonlyMap<string, ColumnMapping>;
  /** The view's WHERE, qualified by `alias` (undefined: none). */
  readonly where?: AnyNode;
  /** The view's WHERE qualified by CHECK_ALIAS. */
  readonly checkWhere?: AnyNode;
  /** The view's row type, qualified (whole-row references are cast to it). */
  readonly rowTypeNames: readonly string[];
  /** The view reads FROM ONLY its table (its inheritance children are not written either). */
  readonly only?: boolean;
}

export interface RewrittenDml {
  readonly stmt: AnyNode;
  readonly base: RelationDef;
  readonly checks: RawViewCheck[];
  /** View columns the statement reads and writes (names), for the privilege checks of the view. */
  readonly read: Set<string>;
  readonly written: string[];
  /** The same, mapped to the relation under the view. */
  readonly baseRead: Set<string>;
  readonly baseWritten: string[];
  /** UPDATE / DELETE with a WHERE of the user's: the rows are read (SELECT needed). */
  readonly readsRows: boolean;
}

const VERB: Record<ViewDmlKind, [string, string]> = {
  insert: ['cannot insert into view', 'To enable inserting into the view, provide an INSTEAD OF INSERT trigger or an unconditional ON INSERT DO INSTEAD rule.'],
  update: ['cannot update view', 'To enable updating the view, provide an INSTEAD OF UPDATE trigger or an unconditional ON UPDATE DO INSTEAD rule.'],
  delete: ['cannot delete from view', 'To enable deleting from the view, provide an INSTEAD OF DELETE trigger or an unconditional ON DELETE DO INSTEAD rule.'],
  merge: ['cannot merge into view', 'To enable merging into the view, either provide a full set of INSTEAD OF triggers or drop the existing INSTEAD OF triggers.'],
};

export function notUpdatable(view: RelationDef, kind: ViewDmlKind, detail: string): PgError {
  const [msg, hint] = VERB[kind];
  return new PgError(SQLSTATE.object_not_in_prerequisite_state, `${msg} "${view.name}"`, { detail, hint });
}

function str(s: string): AnyNode {
  return { String: { sval: s } };
}

function lastName(fields: AnyNode[]): string | undefined {
  return fields[fields.length - 1]?.String?.sval;
}

/**
 * Qualifies a view's expression (over its one table, named `refname` in its FROM) with `alias`:
 * bare column references outside subqueries, and references qualified by the table's name anywhere.
 */
export function qualify(node: unknown, alias: string, refname: string | undefined, inSub = false, baseCols?: ReadonlySet<string>): unknown {
  if (!node || typeof node !== 'object') return node;
  if (Array.isArray(node)) return node.map((x) => qualify(x, alias, refname, inSub, baseCols));
  const o = node as AnyNode;
  if (o.ColumnRef) {
    const f = o.ColumnRef.fields as AnyNode[];
    // The table's name alone (no column of that name): its whole row.
    if (f.length === 1 && !inSub && baseCols && refname !== undefined && f[0].String?.sval === refname && !baseCols.has(refname)) return { ColumnRef: { ...o.ColumnRef, fields: [str(alias)] } };
    if (f.length === 1 && !inSub && f[0].String) return { ColumnRef: { ...o.ColumnRef, fields: [str(alias), f[0]] } };
    if (f.length >= 2 && refname !== undefined && f[f.length - 2].String?.sval === refname) return { ColumnRef: { ...o.ColumnRef, fields: [str(alias), f[f.length - 1]] } };
    return o;
  }
  if (o.SubLink) {
    // A subquery without FROM (`(SELECT concat('b: ', b))`) can only mean the view's table by a bare name.
    const sel = o.SubLink.subselect?.SelectStmt as AnyNode | undefined;
    const own = !!sel && !sel.fromClause && (!sel.op || sel.op === 'SETOP_NONE') && !sel.withClause;
    return { SubLink: { ...o.SubLink, subselect: qualify(o.SubLink.subselect, alias, refname, own ? inSub : true, baseCols), testexpr: qualify(o.SubLink.testexpr, alias, refname, inSub, baseCols) } };
  }
  const out: AnyNode = {};
  for (const [k, v] of Object.entries(o)) out[k] = qualify(v, alias, refname, inSub, baseCols);
  return out;
}

/**
 * Rewrites references to the view's columns (bare ones outside subqueries, and ones qualified by
 * a name in `quals`) to the relation under the view: renamed, or replaced by the computed
 * column's expression. `seen` collects the view columns referenced.
 */
function mapRefs(node: unknown, level: ViewLevel, quals: ReadonlySet<string>, bareQual: string | undefined, seen: Set<string> | undefined, inSub = false): unknown {
  if (!node || typeof node !== 'object') return node;
  if (Array.isArray(node)) return node.map((x) => mapRefs(x, level, quals, bareQual, seen, inSub));
  const o = node as AnyNode;
  if (o.ColumnRef) {
    const f = o.ColumnRef.fields as AnyNode[];
    const last = f[f.length - 1];
    if (last.A_Star) {
      // `q.*` in an expression: the view's whole row (target lists expand it before this).
      if (f.length === 2 && quals.has(f[0].String?.sval) && !inSub) return wholeRow(level, f[0].String.sval as string, bareQual, seen, o.ColumnRef.location);
      return o;
    }
    if (f.length === 1 && quals.has(last.String?.sval) && !level.map.has(last.String?.sval) && !inSub) {
      // A whole-row reference to the view (or its old / new): the view's row built from the row under it.
      return wholeRow(level, last.String.sval as string, bareQual, seen, o.ColumnRef.location);
    }
    const name = last.String?.sval as string;
    const q = f.length === 2 ? f[0].String?.sval : undefined;
    const ours = (f.length === 1 && !inSub) || (q !== undefined && quals.has(q));
    if (!ours) return o;
    const m = level.map.get(name);
    if (!m && q !== undefined && name !== undefined) {
      const loc = o.ColumnRef.location as number | undefined;
      throw new PgError(SQLSTATE.undefined_column, `column ${q}.${name} does not exist`, loc !== undefined && loc >= 0 ? { position: String(loc + 1) } : {});
    }
    if (!m) {
      // A bare name that is no column of the view but is its alias: a whole-row reference.
      if (f.length === 1 && quals.has(name) && !inSub) throw featureNotSupported('whole-row reference to an automatically updatable view');
      return o;
    }
    seen?.add(name);
    const qual = q ?? bareQual;
    if (m.base !== undefined) return { ColumnRef: { ...o.ColumnRef, fields: qual !== undefined ? [str(qual), str(m.base)] : [str(m.base)] } };
    // Computed columns: their expression, qualified like the reference (CHECK_ALIAS inside it);
    // through old / new, NULL when that row does not exist (Postgres's ReturningExpr).
    const e = renameCheckAlias(m.expr, qual ?? CHECK_ALIAS) as AnyNode;
    return q !== undefined && q !== bareQual ? whenRowExists(q, e) : e;
  }
  if (o.SubLink) return { SubLink: { ...o.SubLink, subselect: mapRefs(o.SubLink.subselect, level, quals, bareQual, seen, true), testexpr: mapRefs(o.SubLink.testexpr, level, quals, bareQual, seen, inSub) } };
  const out: AnyNode = {};
  for (const [k, v] of Object.entries(o)) out[k] = mapRefs(v, level, quals, bareQual, seen, inSub);
  return out;
}

/** `e` when the row `qual` names (old or new) exists, else NULL: the row under the view is tested. */
function whenRowExists(qual: string, e: AnyNode): AnyNode {
  const missing = { NullTest: { arg: { ColumnRef: { fields: [str(qual)], location: -1 } }, nulltesttype: 'IS_NULL', location: -1 } };
  // IS NULL of a row is true for a row of NULLs too: the whole-row is compared with NULL instead.
  const absent = { A_Expr: { kind: 'AEXPR_NOT_DISTINCT', name: [str('=')], lexpr: missing.NullTest.arg, rexpr: { A_Const: { isnull: true, location: -1 } }, location: -1 } };
  return { CaseExpr: { args: [{ CaseWhen: { expr: absent, result: { A_Const: { isnull: true, location: -1 } }, location: -1 } }], defresult: e, location: -1 } };
}

/** The whole-row value of the view through `qual` (its alias, old or new), as its row type. */
function wholeRow(level: ViewLevel, qual: string, bareQual: string | undefined, seen: Set<string> | undefined, location: number | undefined): AnyNode {
  const args = level.columns.map((c) => {
    seen?.add(c);
    const m = level.map.get(c)!;
    return m.base !== undefined ? { ColumnRef: { fields: [str(qual), str(m.base)], location: -1 } } : (renameCheckAlias(m.expr, qual) as AnyNode);
  });
  const row = { TypeCast: { arg: { RowExpr: { args, row_format: 'COERCE_EXPLICIT_CALL', location: location ?? -1 } }, typeName: { names: level.rowTypeNames.map(str), typemod: -1, location: -1 }, location: -1 } };
  // EXCLUDED always has a row; old / new may not.
  return qual === bareQual || qual === 'excluded' ? row : whenRowExists(qual, row);
}

/** Names of the view columns an expression mapped through `level` reads from the relation under it. */
function baseColumnsOf(level: ViewLevel, viewCols: Iterable<string>): Set<string> {
  const out = new Set<string>();
  const walk = (x: unknown): void => {
    if (!x || typeof x !== 'object') return;
    if (Array.isArray(x)) return x.forEach(walk);
    const o = x as AnyNode;
    if (o.ColumnRef) {
      const n = lastName(o.ColumnRef.fields);
      if (n) out.add(n);
      return;
    }
    for (const v of Object.values(o)) walk(v);
  };
  for (const c of viewCols) {
    const m = level.map.get(c);
    if (m?.base !== undefined) out.add(m.base);
    else if (m?.expr) walk(m.expr);
  }
  return out;
}

/** Raw expression of a stored default (re-parsed from its text). */
function rawDefault(d: StoredExpr): AnyNode {
  const st = parseScript(`SELECT (${d.text})`)[0].stmt as AnyNode;
  return st.SelectStmt.targetList[0].ResTarget.val;
}

/** Reads a view's query once per statement preparation: its shape, the relation under it, its columns. */
export function viewLevel(session: Session, view: RelationDef, kind: ViewDmlKind, alias: string): ViewLevel {
  const info = view.view!;
  const raw = info.raw as AnyNode;
  const sub = Object.assign(Object.create(session) as Session, { searchPath: () => info.searchPath });
  const q = transformSelectStmt({ ...statementState(sub, info.text, []), inferParams: false, skipSecurity: true, ...applyBinding(info) }, raw);
  const why = nonUpdatableReason(q, raw, kind !== 'delete');
  if (why) throw notUpdatable(view, kind, why);
  const rte = q.rtable[(q.fromList[0] as { rti: number }).rti];
  const base: RelationDef = rte.kind === 'relation' ? rte.rel : session.catalog().relations.get((rte as unknown as { viewOid: number }).viewOid)!;
  // Raw target expressions by output position (a `*` stands for every column of the one table).
  const rawTargets: (AnyNode | undefined)[] = [];
  const width = rte.columns.filter((c) => !c.dropped).length;
  for (const t of (raw.targetList ?? []) as AnyNode[]) {
    const v = t.ResTarget.val;
    const f = v?.ColumnRef?.fields as AnyNode[] | undefined;
    if (f && f[f.length - 1].A_Star) for (let i = 0; i < width; i++) rawTargets.push(undefined);
    else rawTargets.push(v);
  }
  const refname = (raw.fromClause?.[0]?.RangeVar?.alias?.aliasname ?? raw.fromClause?.[0]?.RangeVar?.relname) as string | undefined;
  // The view's raw expressions name the base columns as they were named at CREATE VIEW (the
  // entry shows them so); the statement rewritten onto the base relation uses their names now.
  const renamed = new Map<string, string>();
  rte.columns.forEach((c, i) => {
    const now = base.columns[i];
    if (!c.dropped && now && !now.dropped && now.name !== c.name) renamed.set(c.name, now.name);
  });
  const current = (x: unknown) => (renamed.size ? renameColumnRefs(x, renamed) : x);
  const map = new Map<string, ColumnMapping>();
  const columns: string[] = [];
  q.targetList
    .filter((t) => !t.resjunk)
    .forEach((t, i) => {
      const name = view.columns[i]?.name ?? t.name;
      columns.push(name);
      // System columns (ctid, xmin, ...) are not updatable view columns.
      if (t.expr.kind === 'Var' && t.expr.levelsUp === 0 && t.expr.attno > 0) map.set(name, { base: base.columns[t.expr.attno - 1].name });
      else if (rawTargets[i] !== undefined) map.set(name, { expr: qualify(current(rawTargets[i]), CHECK_ALIAS, refname, false, new Set(base.columns.filter((c) => !c.dropped).map((c) => c.name))) as AnyNode });
    });
  const where = raw.whereClause ? (qualify(current(raw.whereClause), alias, refname) as AnyNode) : undefined;
  const checkWhere = raw.whereClause ? (qualify(current(raw.whereClause), CHECK_ALIAS, refname) as AnyNode) : undefined;
  return { view, base, columns, map, where, checkWhere, rowTypeNames: [session.catalog().namespaceName(view.namespace), view.name], only: rte.kind === 'relation' && !!rte.only };
}

/** Column references renamed by `renamed` (old name → new), bare or qualified. */
function renameColumnRefs(node: unknown, renamed: ReadonlyMap<string, string>): unknown {
  if (!node || typeof node !== 'object') return node;
  if (Array.isArray(node)) return node.map((x) => renameColumnRefs(x, renamed));
  const o = node as AnyNode;
  if (o.ColumnRef) {
    const f = o.ColumnRef.fields as AnyNode[];
    const last = f[f.length - 1]?.String?.sval as string | undefined;
    const to = last !== undefined && f.length <= 2 ? renamed.get(last) : undefined;
    return to === undefined ? o : { ColumnRef: { ...o.ColumnRef, fields: [...f.slice(0, -1), str(to)] } };
  }
  const out: AnyNode = {};
  for (const [k, v] of Object.entries(o)) out[k] = renameColumnRefs(v, renamed);
  return out;
}

/** Replaces the CHECK_ALIAS qualifier by `name` (the base table's name, for analysis). */
export function renameCheckAlias(node: unknown, name: string): unknown {
  if (!node || typeof node !== 'object') return node;
  if (Array.isArray(node)) return node.map((x) => renameCheckAlias(x, name));
  const o = node as AnyNode;
  if (o.ColumnRef) {
    const f = o.ColumnRef.fields as AnyNode[];
    if (f.length === 2 && f[0].String?.sval === CHECK_ALIAS) return { ColumnRef: { ...o.ColumnRef, fields: [str(name), f[1]] } };
    if (f.length === 1 && f[0].String?.sval === CHECK_ALIAS) return { ColumnRef: { ...o.ColumnRef, fields: [str(name)] } };
    return o;
  }
  const out: AnyNode = {};
  for (const [k, v] of Object.entries(o)) out[k] = renameCheckAlias(v, name);
  return out;
}

/**
 * Adds a view's WITH CHECK OPTION to the pending checks (rewriteTargetView): the view's own, or
 * one forced by a CASCADED check option of a view above it; pending checks from above are mapped
 * to the columns under this view. New checks go first, as in Postgres's list.
 */
export function viewChecks(level: ViewLevel, above: readonly RawViewCheck[]): RawViewCheck[] {
  const quals = new Set([CHECK_ALIAS]);
  const mapped = above.map((c) => ({ ...c, expr: c.expr ? (mapRefs(c.expr, level, quals, CHECK_ALIAS, undefined) as AnyNode) : undefined }));
  const info = level.view.view!;
  let has = !!info.checkOption;
  let cascaded = info.checkOption === 'cascaded';
  if (mapped.length && mapped[0].cascaded) has = cascaded = true;
  if (has && (cascaded || level.checkWhere)) return [{ viewName: level.view.name, expr: level.checkWhere, cascaded }, ...mapped];
  return mapped;
}

function setDefault(x: AnyNode | undefined): boolean {
  return !!x && 'SetToDefault' in x;
}

/**
 * Rewrites one level: the statement on `view` becomes the statement on the relation under it.
 * `checks` are the pending check options from the views above.
 */
export function rewriteViewDml(session: Session, view: RelationDef, n: AnyNode, kind: 'insert' | 'update' | 'delete', checks: readonly RawViewCheck[]): RewrittenDml {
  const alias = (n.relation.alias?.aliasname as string | undefined) ?? view.name;
  const level = viewLevel(session, view, kind, alias);
  const { base, map, columns: viewCols } = level;
  const ns = session.catalog().namespaceName(base.namespace);
  const stmt: AnyNode = { ...n };
  stmt.relation = { ...n.relation, schemaname: ns, relname: base.name, inh: !level.only, alias: n.relation.alias ?? { aliasname: view.name } };
  const quals = new Set([alias]);
  const read = new Set<string>();
  const written: string[] = [];
  const mapTarget = (name: string, loc: number | undefined, ins: boolean): string => {
    const m = map.get(name);
    if (m?.base === undefined) {
      if (!viewCols.includes(name)) {
        throw new PgError(SQLSTATE.undefined_column, `column "${name}" of relation "${view.name}" does not exist`, { position: loc === undefined || loc < 0 ? undefined : String(loc + 1) });
      }
      throw new PgError(SQLSTATE.feature_not_supported, `cannot ${ins ? 'insert into' : 'update'} column "${name}" of view "${view.name}"`, {
        detail: 'View columns that are not columns of their base relation are not updatable.',
      });
    }
    written.push(name);
    return m.base;
  };
  if (kind === 'insert') rewriteInsert(view, n, stmt, level, mapTarget, quals, read);
  if (kind === 'update') {
    // The same view column set twice is refused under its own name (rewriteTargetListIU on the view).
    const set = new Set<string>();
    for (const t of n.targetList as AnyNode[]) {
      if (t.ResTarget.indirection || !viewCols.includes(t.ResTarget.name)) continue;
      if (set.has(t.ResTarget.name)) throw new PgError(SQLSTATE.syntax_error, `multiple assignments to same column "${t.ResTarget.name}"`);
      set.add(t.ResTarget.name);
    }
    stmt.targetList = (n.targetList as AnyNode[]).map((t) => {
      const rt = t.ResTarget;
      let val = rt.val;
      const d = view.columns.find((c) => c.name === rt.name)?.default;
      if (setDefault(val) && d && !rt.indirection) val = rawDefault(d);
      const indirection = rt.indirection ? { indirection: mapRefs(rt.indirection, level, quals, alias, read) } : {};
      return { ResTarget: { ...rt, name: mapTarget(rt.name, rt.location, false), ...indirection, val: mapRefs(val, level, quals, alias, read) } };
    });
  }
  let readsRows = false;
  if (kind !== 'insert') {
    const userWhere = n.whereClause ? mapRefs(n.whereClause, level, quals, alias, read) : undefined;
    readsRows = !!n.whereClause;
    const parts = [level.where, userWhere].filter(Boolean);
    if (parts.length === 2) stmt.whereClause = { BoolExpr: { boolop: 'AND_EXPR', args: parts, location: -1 } };
    else if (parts.length === 1) stmt.whereClause = parts[0];
  }
  if (n.returningClause) stmt.returningClause = rewriteReturning(n.returningClause, level, alias, read);
  const baseRead = baseColumnsOf(level, read);
  const baseWritten = written.map((c) => map.get(c)!.base!);
  return { stmt, base, checks: kind === 'delete' ? [] : viewChecks(level, checks), read, written, baseRead, baseWritten, readsRows };
}

/** RETURNING through a view: `*` becomes the view's columns, names stay the view's. */
export function rewriteReturning(rc: AnyNode, level: ViewLevel, alias: string, read: Set<string>): AnyNode {
  const quals = new Set([alias]);
  for (const o of (rc.options ?? []) as AnyNode[]) quals.add(o.ReturningOption.value);
  if (!(rc.options ?? []).some((o: AnyNode) => o.ReturningOption.option === 'RETURNING_OPTION_OLD')) quals.add('old');
  if (!(rc.options ?? []).some((o: AnyNode) => o.ReturningOption.option === 'RETURNING_OPTION_NEW')) quals.add('new');
  const exprs: AnyNode[] = [];
  for (const t of rc.exprs as AnyNode[]) {
    const v = t.ResTarget.val;
    const fields = v?.ColumnRef?.fields as AnyNode[] | undefined;
    const star = fields && fields[fields.length - 1].A_Star;
    const starQual = star ? (fields.length === 1 ? alias : fields.length === 2 ? fields[0].String?.sval : undefined) : undefined;
    if (starQual !== undefined && quals.has(starQual)) {
      // `*`, `alias.*`, `old.*`, `new.*`: the view's columns through that row.
      for (const c of level.columns) {
        read.add(c);
        const m = level.map.get(c);
        const expr = m?.expr ? (renameCheckAlias(m.expr, starQual) as AnyNode) : undefined;
        const val = m?.base !== undefined ? { ColumnRef: { fields: [str(starQual), str(m.base)], location: t.ResTarget.location } } : expr ? (starQual === alias ? expr : whenRowExists(starQual, expr)) : undefined;
        if (val === undefined) throw featureNotSupported('RETURNING * on a view with a column that is not an expression');
        exprs.push({ ResTarget: { name: c, val, location: t.ResTarget.location } });
      }
      continue;
    }
    const name = t.ResTarget.name ?? figureColname(v);
    exprs.push({ ResTarget: { ...t.ResTarget, name, val: mapRefs(v, level, quals, alias, read) } });
  }
  return { ...rc, exprs };
}

function rewriteInsert(view: RelationDef, n: AnyNode, stmt: AnyNode, level: ViewLevel, mapTarget: (name: string, loc: number | undefined, ins: boolean) => string, quals: Set<string>, read: Set<string>): void {
  const viewCols = level.columns;
  const given = n.cols ? (n.cols as AnyNode[]).map((c) => c.ResTarget) : undefined;
  const sel = n.selectStmt?.SelectStmt as AnyNode | undefined;
  const values = sel?.valuesLists && !sel.fromClause && !sel.sortClause && !sel.limitCount && !sel.withClause ? (sel.valuesLists as AnyNode[]).map((l) => l.List.items as AnyNode[]) : undefined;
  // Without a column list, the values fill the view's first columns.
  let names: { name: string; location: number; indirection?: AnyNode[] }[];
  if (given) names = given.map((r) => ({ name: r.name, location: r.location, indirection: r.indirection }));
  else if (!sel) names = [];
  else {
    // The source's width: VALUES rows, or a plain SELECT's target list without `*`.
    const tl = (sel.targetList ?? []) as AnyNode[];
    const plain = (sel.op ?? 'SETOP_NONE') === 'SETOP_NONE' && tl.length > 0 && !tl.some((t) => t.ResTarget?.val?.ColumnRef?.fields?.some((f: AnyNode) => f.A_Star));
    const width = values ? Math.max(...values.map((v) => v.length)) : plain ? tl.length : undefined;
    names = viewCols.slice(0, width ?? viewCols.length).map((c) => ({ name: c, location: -1 }));
    if (width === undefined) stmt.viewImplicitCols = true;
  }
  // View defaults: DEFAULT in VALUES takes the view column's default; missing columns get it too.
  const defaultOf = (c: string) => view.columns.find((x) => x.name === c)?.default;
  const missing = viewCols.filter((c) => defaultOf(c) && !names.some((x) => x.name === c));
  let newValues = values;
  if (values) {
    newValues = values.map((items) => items.map((it, i) => (setDefault(it) && names[i] && !names[i].indirection && defaultOf(names[i].name) ? rawDefault(defaultOf(names[i].name)!) : it)));
  }
  if (missing.length) {
    if (!sel) {
      newValues = [[]];
    } else if (!values) {
      if (stmt.viewImplicitCols || sel.op !== 'SETOP_NONE' || sel.distinctClause) throw featureNotSupported('INSERT ... SELECT into a view with column defaults, without a column list or from a set operation or DISTINCT');
      stmt.selectStmt = { SelectStmt: { ...sel, targetList: [...sel.targetList, ...missing.map((c) => ({ ResTarget: { val: rawDefault(defaultOf(c)!), location: -1 } }))] } };
    }
    if (newValues) newValues = newValues.map((items) => [...items, ...missing.map((c) => rawDefault(defaultOf(c)!))]);
    names = [...names, ...missing.map((c) => ({ name: c, location: -1 }))];
  }
  if (newValues) stmt.selectStmt = { SelectStmt: { ...(sel ?? { op: 'SETOP_NONE' }), valuesLists: newValues.map((items) => ({ List: { items } })) } };
  if (names.length) stmt.cols = names.map((c) => ({ ResTarget: { name: mapTarget(c.name, c.location, true), ...(c.indirection ? { indirection: c.indirection } : {}), location: c.location } }));
  else delete stmt.cols;
  // Two view columns over one base column (`a, a AS aa`): rewriteTargetListIU's error, without a
  // position (the same view column twice is the parser's 42701 instead).
  if (names.length && new Set(names.map((c) => c.name)).size === names.length) {
    const seen = new Set<string>();
    for (const c of stmt.cols as AnyNode[]) {
      if (c.ResTarget.indirection) continue;
      if (seen.has(c.ResTarget.name)) throw new PgError(SQLSTATE.syntax_error, `multiple assignments to same column "${c.ResTarget.name}"`);
      seen.add(c.ResTarget.name);
    }
  }
  const oc = n.onConflictClause as AnyNode | undefined;
  if (oc) {
    const infer = oc.infer
      ? {
          ...oc.infer,
          indexElems: (oc.infer.indexElems ?? []).map((e: AnyNode) => {
            const ie = e.IndexElem;
            if (ie.name === undefined) return { IndexElem: { ...ie, expr: mapRefs(ie.expr, level, quals, [...quals][0], read) } };
            const m = level.map.get(ie.name);
            if (m?.base === undefined) {
              const pos = oc.infer.location === undefined || oc.infer.location < 0 ? undefined : String(oc.infer.location + 1);
              throw new PgError(SQLSTATE.undefined_column, `column "${ie.name}" does not exist`, { position: pos });
            }
            return { IndexElem: { ...ie, name: m.base } };
          }),
          whereClause: mapRefs(oc.infer.whereClause, level, quals, [...quals][0], read),
        }
      : undefined;
    const q2 = new Set([...quals, 'excluded']);
    stmt.onConflictClause = {
      ...oc,
      infer,
      // (Postgres says "cannot insert into column" for a computed column set by DO UPDATE too)
      targetList: oc.targetList?.map((t: AnyNode) => ({ ResTarget: { ...t.ResTarget, name: mapTarget(t.ResTarget.name, t.ResTarget.location, true), val: mapRefs(t.ResTarget.val, level, q2, [...quals][0], read) } })),
      whereClause: mapRefs(oc.whereClause, level, q2, [...quals][0], read),
    };
  }
}

/**
 * Why a view's query is not automatically updatable (the DETAIL Postgres gives), in
 * view_query_is_auto_updatable's order; undefined when it is. CREATE VIEW / ALTER VIEW use it
 * to refuse WITH CHECK OPTION (check_option) on views that are not.
 */
export function nonUpdatableReason(q: import('../nodes/query.js').Query, raw: AnyNode, checkCols = true): string | undefined {
  if (q.distinct) return 'Views containing DISTINCT are not automatically updatable.';
  if (q.groupBy.length || q.groupingSets) return 'Views containing GROUP BY are not automatically updatable.';
  if (q.having) return 'Views containing HAVING are not automatically updatable.';
  if (q.setOp) return 'Views containing UNION, INTERSECT, or EXCEPT are not automatically updatable.';
  if (raw.withClause) return 'Views containing WITH are not automatically updatable.';
  if (q.limit || q.offset) return 'Views containing LIMIT or OFFSET are not automatically updatable.';
  if (q.hasAggs) return 'Views that return aggregate functions are not automatically updatable.';
  if (q.windowFuncs?.length) return 'Views that return window functions are not automatically updatable.';
  if (returnsSet(q.targetList)) return 'Views that return set-returning functions are not automatically updatable.';
  const single = 'Views that do not select from a single table or view are not automatically updatable.';
  if (q.fromList.length !== 1 || q.fromList[0].kind !== 'RangeTblRef') return single;
  const rte = q.rtable[q.fromList[0].rti] as { kind: string; viewOid?: number; rel?: RelationDef };
  if (rte.kind === 'relation' && rte.rel && rte.rel.kind !== 'r' && rte.rel.kind !== 'p') return single;
  if (rte.kind !== 'relation' && !(rte.kind === 'subquery' && rte.viewOid !== undefined)) return single;
  if (!checkCols) return undefined;
  const updatable = q.targetList.some((t) => !t.resjunk && t.expr.kind === 'Var' && t.expr.levelsUp === 0 && t.expr.attno > 0);
  if (!updatable) return 'Views that have no updatable columns are not automatically updatable.';
  return undefined;
}

/** Whether a target list calls a set-returning function (expression_returns_set; sublinks not entered). */
function returnsSet(tl: readonly { expr: unknown }[]): boolean {
  let found = false;
  walkNodes(tl, (n) => {
    if (found || n.kind === 'SubLink') return false;
    if (n.kind === 'FuncExpr' && n.retset) found = true;
    return !found;
  });
  return found;
}

export interface RewrittenMerge {
  readonly stmt: AnyNode;
  readonly base: RelationDef;
  readonly checks: RawViewCheck[];
  /** The view's WHERE (qualified by the target's alias): it limits the target rows MERGE sees. */
  readonly targetQual?: AnyNode;
  readonly read: Set<string>;
  readonly baseRead: Set<string>;
  readonly inserted: Set<string>;
  readonly updated: Set<string>;
  readonly baseInserted: Set<string>;
  readonly baseUpdated: Set<string>;
}

/**
 * MERGE into an automatically updatable view (PG 17): one level down. `sourceNames` are the
 * names the source makes visible (RETURNING * lists the source's columns first).
 */
export function rewriteViewMerge(session: Session, view: RelationDef, n: AnyNode, checks: readonly RawViewCheck[], sourceNames: readonly string[], targetQual: AnyNode | undefined): RewrittenMerge {
  const alias = (n.relation.alias?.aliasname as string | undefined) ?? view.name;
  const whens = ((n.mergeWhenClauses ?? []) as AnyNode[]).map((w) => w.MergeWhenClause as AnyNode);
  // The first action the view cannot take names the error (insert, update, delete in clause order).
  const kindOf = (w: AnyNode): ViewDmlKind => (w.commandType === 'CMD_INSERT' ? 'insert' : w.commandType === 'CMD_UPDATE' ? 'update' : 'delete');
  const acting = whens.filter((w) => w.commandType !== 'CMD_NOTHING');
  let level: ViewLevel;
  try {
    level = viewLevel(session, view, 'merge', alias);
  } catch (e) {
    if (e instanceof PgError && e.code === SQLSTATE.object_not_in_prerequisite_state && acting.length) {
      const k = kindOf(acting[0]);
      const verb = k === 'insert' ? ['cannot insert into view', 'INSERT'] : k === 'update' ? ['cannot update view', 'UPDATE'] : ['cannot delete from view', 'DELETE'];
      const what = k === 'insert' ? 'inserting into' : k === 'update' ? 'updating' : 'deleting from';
      throw new PgError(SQLSTATE.object_not_in_prerequisite_state, `${verb[0]} "${view.name}"`, { detail: e.detail, hint: `To enable ${what} the view using MERGE, provide an INSTEAD OF ${verb[1]} trigger.` });
    }
    throw e;
  }
  const { base, map } = level;
  const ns = session.catalog().namespaceName(base.namespace);
  const quals = new Set([alias]);
  const read = new Set<string>();
  const inserted = new Set<string>();
  const updated = new Set<string>();
  const target = (name: string, loc: number | undefined, out: Set<string>): string => {
    const m = map.get(name);
    if (m?.base === undefined) {
      if (!level.columns.includes(name)) {
        throw new PgError(SQLSTATE.undefined_column, `column "${name}" of relation "${view.name}" does not exist`, { position: loc === undefined || loc < 0 ? undefined : String(loc + 1) });
      }
      throw new PgError(SQLSTATE.feature_not_supported, `cannot merge into column "${name}" of view "${view.name}"`, { detail: 'View columns that are not columns of their base relation are not updatable.' });
    }
    out.add(name);
    return m.base;
  };
  const defaultOf = (c: string) => view.columns.find((x) => x.name === c)?.default;
  const clauses = whens.map((w) => {
    const out: AnyNode = { ...w, condition: mapRefs(w.condition, level, quals, alias, read) };
    if (w.commandType === 'CMD_UPDATE') {
      out.targetList = (w.targetList as AnyNode[]).map((t) => {
        const rt = t.ResTarget;
        const d = defaultOf(rt.name);
        const val = setDefault(rt.val) && d ? rawDefault(d) : rt.val;
        return { ResTarget: { ...rt, name: target(rt.name, rt.location, updated), val: mapRefs(val, level, quals, alias, read) } };
      });
    } else if (w.commandType === 'CMD_INSERT') {
      const given = (w.targetList ?? []) as AnyNode[];
      const values = w.values as AnyNode[] | undefined;
      let names = given.length ? given.map((t) => ({ name: t.ResTarget.name as string, location: t.ResTarget.location as number })) : level.columns.slice(0, values?.length ?? 0).map((c) => ({ name: c, location: -1 }));
      let vals = values ? values.map((v, i) => (setDefault(v) && names[i] && defaultOf(names[i].name) ? rawDefault(defaultOf(names[i].name)!) : v)) : undefined;
      const missing = level.columns.filter((c) => defaultOf(c) && !names.some((x) => x.name === c));
      if (missing.length) {
        vals = [...(vals ?? []), ...missing.map((c) => rawDefault(defaultOf(c)!))];
        names = [...names, ...missing.map((c) => ({ name: c, location: -1 }))];
      }
      out.targetList = names.map((c) => ({ ResTarget: { name: target(c.name, c.location, inserted), location: c.location } }));
      if (!names.length) delete out.targetList;
      if (vals) out.values = vals;
    }
    return { MergeWhenClause: out };
  });
  const stmt: AnyNode = {
    ...n,
    relation: { ...n.relation, schemaname: ns, relname: base.name, inh: !level.only, alias: n.relation.alias ?? { aliasname: view.name } },
    joinCondition: mapRefs(n.joinCondition, level, quals, alias, read),
    mergeWhenClauses: clauses,
  };
  if (n.returningClause) {
    // RETURNING *: the source's columns, then the view's.
    const rc = n.returningClause as AnyNode;
    const exprs = (rc.exprs as AnyNode[]).flatMap((t) => {
      const f = t.ResTarget.val?.ColumnRef?.fields as AnyNode[] | undefined;
      if (f && f.length === 1 && f[0].A_Star) {
        return [...sourceNames.map((s) => ({ ResTarget: { val: { ColumnRef: { fields: [str(s), { A_Star: {} }], location: t.ResTarget.location } }, location: t.ResTarget.location } })), { ResTarget: { val: { ColumnRef: { fields: [str(alias), { A_Star: {} }], location: t.ResTarget.location } }, location: t.ResTarget.location } }];
      }
      return [t];
    });
    stmt.returningClause = rewriteReturning({ ...rc, exprs }, level, alias, read);
  }
  // Pending quals of the views above, then this view's, all mapped to the relation under it.
  const above = targetQual ? (mapRefs(targetQual, level, quals, alias, undefined) as AnyNode) : undefined;
  const parts = [level.where, above].filter(Boolean) as AnyNode[];
  const qual = parts.length === 2 ? { BoolExpr: { boolop: 'AND_EXPR', args: parts, location: -1 } } : parts[0];
  const mapNames = (s: Set<string>) => new Set([...s].map((c) => map.get(c)!.base!));
  return {
    stmt,
    base,
    checks: viewChecks(level, checks),
    targetQual: qual,
    read,
    baseRead: baseColumnsOf(level, read),
    inserted,
    updated,
    baseInserted: mapNames(inserted),
    baseUpdated: mapNames(updated),
  };
}

/** 1 << CMD_UPDATE | 1 << CMD_INSERT, and 1 << CMD_DELETE (pg_relation_is_updatable's bits). */
export const UPDATE_INSERT_EVENTS = (1 << 2) | (1 << 3);
export const DELETE_EVENT = 1 << 4;

const updatability = new WeakMap<object, { version: number; map: Map<number, { events: number; columns: ReadonlySet<string> }> }>();

/**
 * What an automatically updatable view allows (relation_is_updatable for a view without INSTEAD
 * OF triggers or rules): DELETE when its query is simple, UPDATE and INSERT when some column is a
 * plain column of the relation under it, limited by that relation's own (a view under a view).
 * `columns` names the updatable view columns. Cached per catalog version.
 */
export function viewUpdatableEvents(session: Session, view: RelationDef): { events: number; columns: ReadonlySet<string> } {
  const cat = session.catalog();
  let entry = updatability.get(cat);
  if (!entry || entry.version !== cat.version) updatability.set(cat, (entry = { version: cat.version, map: new Map() }));
  const hit = entry.map.get(view.oid);
  if (hit) return hit;
  let result: { events: number; columns: ReadonlySet<string> } = { events: 0, columns: new Set() };
  try {
    const level = viewLevel(session, view, 'delete', view.name);
    const baseInfo = level.base.kind === 'v' ? viewUpdatableEvents(session, level.base) : level.base.kind === 'r' || level.base.kind === 'p' ? undefined : { events: 0, columns: new Set<string>() };
    const columns = new Set<string>();
    for (const [name, m] of level.map) if (m.base !== undefined && (!baseInfo || baseInfo.columns.has(m.base))) columns.add(name);
    let events = DELETE_EVENT | (columns.size ? UPDATE_INSERT_EVENTS : 0);
    if (baseInfo) events &= baseInfo.events;
    result = { events, columns };
  } catch (e) {
    if (!(e instanceof PgError)) throw e;
  }
  entry.map.set(view.oid, result);
  return result;
}
