/**
 * Automatically updatable views: INSERT / UPDATE / DELETE on a simple view (one base table or
 * updatable view, no aggregates, DISTINCT, GROUP BY, LIMIT, set operations or WITH) become the
 * same statement on the base table, with the view's WHERE added to UPDATE/DELETE and the view's
 * columns mapped to the base columns. WITH [LOCAL | CASCADED] CHECK OPTION is verified per row.
 * Other views fail with Postgres's 55000 errors.
 * Postgres counterpart: src/backend/rewrite/rewriteHandler.c (view_query_is_auto_updatable,
 * rewriteTargetView).
 */
import type { RelationDef, StoredExpr } from '../catalog/objects.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Session } from '../session/session.js';
import { transformSelectStmt } from '../analyze/select.js';
import { statementState } from '../session/run-select.js';
import { analyzeTableExpr } from '../commands/column-expr.js';

type AnyNode = Record<string, any>;
type Kind = 'insert' | 'update' | 'delete';

export interface ViewCheck {
  readonly viewName: string;
  readonly check: StoredExpr;
}

export interface RewrittenDml {
  readonly stmt: AnyNode;
  readonly base: RelationDef;
  readonly checks: readonly ViewCheck[];
}

const VERB: Record<Kind, [string, string]> = {
  insert: ['cannot insert into view', 'To enable inserting into the view, provide an INSTEAD OF INSERT trigger or an unconditional ON INSERT DO INSTEAD rule.'],
  update: ['cannot update view', 'To enable updating the view, provide an INSTEAD OF UPDATE trigger or an unconditional ON UPDATE DO INSTEAD rule.'],
  delete: ['cannot delete from view', 'To enable deleting from the view, provide an INSTEAD OF DELETE trigger or an unconditional ON DELETE DO INSTEAD rule.'],
};

function notUpdatable(view: RelationDef, kind: Kind, detail: string): PgError {
  const [msg, hint] = VERB[kind];
  return new PgError(SQLSTATE.object_not_in_prerequisite_state, `${msg} "${view.name}"`, { detail, hint });
}

/** Removes table qualifiers from column references (the rewritten statement has one table). */
function unqualify(node: unknown): unknown {
  if (!node || typeof node !== 'object') return node;
  if (Array.isArray(node)) return node.map(unqualify);
  const o = node as AnyNode;
  if (o.ColumnRef) {
    const f = o.ColumnRef.fields as AnyNode[];
    if (f.length > 1 && !f[f.length - 1].A_Star) return { ColumnRef: { ...o.ColumnRef, fields: [f[f.length - 1]] } };
    return o;
  }
  if (o.SubLink) return o; // leave subqueries alone
  const out: AnyNode = {};
  for (const [k, v] of Object.entries(o)) out[k] = unqualify(v);
  return out;
}

/** Renames column references whose (last) name is a view column mapped to another base name. */
function renameColumns(node: unknown, map: Map<string, string>): unknown {
  if (!node || typeof node !== 'object') return node;
  if (Array.isArray(node)) return node.map((x) => renameColumns(x, map));
  const o = node as AnyNode;
  if (o.ColumnRef) {
    const f = o.ColumnRef.fields as AnyNode[];
    const last = f[f.length - 1];
    if (last.String && map.has(last.String.sval) && map.get(last.String.sval) !== last.String.sval) {
      return { ColumnRef: { ...o.ColumnRef, fields: [...f.slice(0, -1), { String: { sval: map.get(last.String.sval) } }] } };
    }
    return o;
  }
  const out: AnyNode = {};
  for (const [k, v] of Object.entries(o)) out[k] = renameColumns(v, map);
  return out;
}

export function rewriteViewDml(session: Session, view: RelationDef, n: AnyNode, kind: Kind, sql: string): RewrittenDml {
  const info = view.view!;
  const raw = info.raw as AnyNode;
  const sub = Object.assign(Object.create(session) as Session, { searchPath: () => info.searchPath });
  const q = transformSelectStmt({ ...statementState(sub, info.text, []), inferParams: false, skipSecurity: true }, raw);
  if (raw.withClause) throw notUpdatable(view, kind, 'Views containing WITH are not automatically updatable.');
  if (q.setOp) throw notUpdatable(view, kind, 'Views containing UNION, INTERSECT, or EXCEPT are not automatically updatable.');
  if (q.distinct) throw notUpdatable(view, kind, 'Views containing DISTINCT are not automatically updatable.');
  if (q.groupBy.length) throw notUpdatable(view, kind, 'Views containing GROUP BY are not automatically updatable.');
  if (q.having) throw notUpdatable(view, kind, 'Views containing HAVING are not automatically updatable.');
  if (q.limit || q.offset) throw notUpdatable(view, kind, 'Views containing LIMIT or OFFSET are not automatically updatable.');
  if (q.hasAggs) throw notUpdatable(view, kind, 'Views that return aggregate functions are not automatically updatable.');
  if (q.fromList.length !== 1 || q.fromList[0].kind !== 'RangeTblRef') {
    throw notUpdatable(view, kind, 'Views that do not select from a single table or view are not automatically updatable.');
  }
  const rte = q.rtable[q.fromList[0].rti];
  if (rte.kind === 'subquery' && (rte as { viewOid?: number }).viewOid !== undefined) throw featureNotSupported('INSERT / UPDATE / DELETE through a view on another view');
  if (rte.kind !== 'relation') {
    throw notUpdatable(view, kind, 'Views that do not select from a single table or view are not automatically updatable.');
  }
  const base = rte.rel;
  // View column → base column name (undefined: not updatable).
  const colMap = new Map<string, string>();
  const viewCols: string[] = [];
  q.targetList.filter((t) => !t.resjunk).forEach((t, i) => {
    const name = view.columns[i]?.name ?? t.name;
    viewCols.push(name);
    // System columns (ctid, xmin, ...) are not updatable view columns.
    if (t.expr.kind === 'Var' && t.expr.levelsUp === 0 && t.expr.attno > 0) colMap.set(name, base.columns[t.expr.attno - 1].name);
  });
  if (!colMap.size) throw notUpdatable(view, kind, 'Views that have no updatable columns are not automatically updatable.');
  const ns = session.catalog().namespaceName(base.namespace);
  const stmt: AnyNode = JSON.parse(JSON.stringify(n));
  const alias = n.relation.alias ?? { aliasname: view.name };
  stmt.relation = { ...n.relation, schemaname: ns, relname: base.name, alias };
  const viewWhere = raw.whereClause ? unqualify(raw.whereClause) : undefined;
  const mapTarget = (name: string, loc: number | undefined): string => {
    const b = colMap.get(name);
    if (b === undefined) {
      if (!viewCols.includes(name)) {
        throw new PgError(SQLSTATE.undefined_column, `column "${name}" of relation "${view.name}" does not exist`, { position: loc === undefined ? undefined : String(loc + 1) });
      }
      throw new PgError(SQLSTATE.feature_not_supported, `cannot ${kind === 'insert' ? 'insert into' : 'update'} column "${name}" of view "${view.name}"`, {
        detail: 'View columns that are not columns of their base relation are not updatable.',
      });
    }
    return b;
  };
  if (kind === 'insert') {
    const cols = n.cols ? (n.cols as AnyNode[]).map((c) => c.ResTarget.name as string) : viewCols;
    stmt.cols = cols.map((c, i) => ({ ResTarget: { name: mapTarget(c, n.cols?.[i]?.ResTarget?.location), location: n.cols?.[i]?.ResTarget?.location ?? -1 } }));
    if (n.onConflictClause) throw featureNotSupported('INSERT ... ON CONFLICT on a view');
  }
  if (kind === 'update') {
    stmt.targetList = (n.targetList as AnyNode[]).map((t) => ({ ResTarget: { ...t.ResTarget, name: mapTarget(t.ResTarget.name, t.ResTarget.location), val: renameColumns(t.ResTarget.val, colMap) } }));
  }
  if (kind !== 'insert') {
    const userWhere = n.whereClause ? renameColumns(n.whereClause, colMap) : undefined;
    const parts = [viewWhere, userWhere].filter(Boolean);
    if (parts.length === 2) stmt.whereClause = { BoolExpr: { boolop: 'AND_EXPR', args: parts, location: -1 } };
    else if (parts.length === 1) stmt.whereClause = parts[0];
  }
  if (n.returningClause) {
    const exprs: AnyNode[] = [];
    for (const t of n.returningClause.exprs as AnyNode[]) {
      const v = t.ResTarget.val;
      const fields = v?.ColumnRef?.fields as AnyNode[] | undefined;
      if (fields && fields[fields.length - 1].A_Star) {
        for (const c of viewCols) {
          const b = colMap.get(c);
          if (b === undefined) throw featureNotSupported('RETURNING * on a view with computed columns');
          exprs.push({ ResTarget: { name: c, val: { ColumnRef: { fields: [{ String: { sval: b } }], location: t.ResTarget.location } }, location: t.ResTarget.location } });
        }
        continue;
      }
      const name = t.ResTarget.name ?? (fields ? fields[fields.length - 1].String?.sval : undefined);
      exprs.push({ ResTarget: { ...t.ResTarget, name, val: renameColumns(v, colMap) } });
    }
    stmt.returningClause = { ...n.returningClause, exprs };
  }
  const checks: ViewCheck[] = [];
  if (info.checkOption && raw.whereClause && kind !== 'delete') {
    checks.push({ viewName: view.name, check: analyzeTableExpr(session, session.catalog(), base, unqualify(raw.whereClause) as AnyNode, 'check', info.text) });
  }
  void sql;
  return { stmt, base, checks };
}

/**
 * Why a view's query is not automatically updatable (the DETAIL Postgres gives), in
 * view_query_is_auto_updatable's order; undefined when it is. CREATE VIEW / ALTER VIEW use it
 * to refuse WITH CHECK OPTION (check_option) on views that are not.
 */
export function nonUpdatableReason(q: import('../nodes/query.js').Query, raw: AnyNode): string | undefined {
  if (q.distinct) return 'Views containing DISTINCT are not automatically updatable.';
  if (q.groupBy.length || q.groupingSets) return 'Views containing GROUP BY are not automatically updatable.';
  if (q.having) return 'Views containing HAVING are not automatically updatable.';
  if (q.setOp) return 'Views containing UNION, INTERSECT, or EXCEPT are not automatically updatable.';
  if (raw.withClause) return 'Views containing WITH are not automatically updatable.';
  if (q.limit || q.offset) return 'Views containing LIMIT or OFFSET are not automatically updatable.';
  if (q.hasAggs) return 'Views that return aggregate functions are not automatically updatable.';
  if (q.windowFuncs?.length) return 'Views that return window functions are not automatically updatable.';
  const single = 'Views that do not select from a single table or view are not automatically updatable.';
  if (q.fromList.length !== 1 || q.fromList[0].kind !== 'RangeTblRef') return single;
  const rte = q.rtable[q.fromList[0].rti] as { kind: string; viewOid?: number };
  if (rte.kind !== 'relation' && !(rte.kind === 'subquery' && rte.viewOid !== undefined)) return single;
  const updatable = q.targetList.some((t) => !t.resjunk && t.expr.kind === 'Var' && t.expr.levelsUp === 0 && t.expr.attno > 0);
  if (!updatable) return 'Views that have no updatable columns are not automatically updatable.';
  return undefined;
}
