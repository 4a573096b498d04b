/**
 * MERGE into a view (PG 17+): an automatically updatable view is rewritten onto the relation
 * under it, level by level, like INSERT / UPDATE / DELETE (see dml.ts throughViews); its WHERE
 * limits the target rows, its check options apply to new rows, and each level's privileges are
 * checked (top view first) as the role acting there. A view with INSTEAD OF triggers for every
 * action the MERGE names would run them (0A000 for now); one with triggers for some actions
 * only is refused as Postgres refuses it.
 * Postgres counterpart: rewrite/rewriteHandler.c (RewriteQuery, rewriteTargetView for CMD_MERGE).
 */
import { sourceNames } from './merge.js';
import type { RelationDef } from '../catalog/objects.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { lookupRelation } from '../analyze/relation.js';
import { nodeKind } from '../analyze/expr.js';
import { checkRelation, isSuperuser } from '../catalog/acl.js';
import { triggersFor, type TriggerOp } from '../executor/trigger.js';
import type { Session } from '../session/session.js';
import { renameCheckAlias, rewriteViewMerge, type RawViewCheck, type ViewCheck } from '../rewrite/updatable-view.js';
import { analyzeTableExpr } from './column-expr.js';
import { viewDmlUser } from './dml-security.js';

type AnyNode = Record<string, any>;

export interface MergeThroughViews {
  readonly stmt: AnyNode;
  /** How many views were rewritten away. */
  readonly levels: number;
  /** The role the base table is used as (undefined: the current user). */
  readonly user?: string;
  readonly checks: ViewCheck[];
  /** The views' WHERE over the target (raw, qualified by its alias). */
  readonly targetQual?: AnyNode;
}

const OPS: Record<string, TriggerOp> = { CMD_INSERT: 'INSERT', CMD_UPDATE: 'UPDATE', CMD_DELETE: 'DELETE' };

function columnSet(view: RelationDef, names: Iterable<string>): Set<number> {
  const out = new Set<number>();
  for (const n of names) for (const c of view.columns) if (c.name === n && !c.dropped) out.add(c.attnum);
  return out;
}

export function mergeThroughViews(session: Session, n: AnyNode): MergeThroughViews {
  const cat = session.catalog();
  const rv = n.relation;
  const top = lookupRelation(cat, session.searchPath(), { schema: rv.schemaname, name: rv.relname });
  if (!top || top.kind !== 'v') return { stmt: n, levels: 0, checks: [] };
  const ops = [...new Set(((n.mergeWhenClauses ?? []) as AnyNode[]).map((w) => OPS[w.MergeWhenClause.commandType]).filter(Boolean))];
  const names: string[] = [];
  sourceNames(n.sourceRelation, names);
  let stmt = n;
  let pending: RawViewCheck[] = [];
  let qual: AnyNode | undefined;
  let user: string | undefined;
  let sets: { read: Set<string>; ins: Set<string>; upd: Set<string> } | undefined;
  const perms: (() => void)[] = [];
  let levels = 0;
  for (;;) {
    const r0 = stmt.relation;
    const rel = lookupRelation(cat, session.searchPath(), { schema: r0.schemaname, name: r0.relname });
    if (!rel || rel.kind !== 'v') break;
    if (levels >= 16) throw new PgError(SQLSTATE.invalid_recursion, 'infinite recursion detected in rules');
    const withTrigger = ops.filter((op) => triggersFor(cat, rel.oid, 'instead', 'row', op).length);
    if (withTrigger.length && withTrigger.length < ops.length) {
      throw new PgError(SQLSTATE.feature_not_supported, `cannot merge into view "${rel.name}"`, {
        detail: 'MERGE is not supported for views with INSTEAD OF triggers for some actions but not all.',
        hint: 'To enable merging into the view, either provide a full set of INSTEAD OF triggers or drop the existing INSTEAD OF triggers.',
      });
    }
    if (withTrigger.length) throw featureNotSupported('MERGE into a view with INSTEAD OF triggers', r0.location);
    const r = rewriteViewMerge(session, rel, stmt, pending, names, qual);
    const s = sets ?? { read: r.read, ins: r.inserted, upd: r.updated };
    const actor = user ?? session.currentUser();
    const hasOp = (op: TriggerOp) => ops.includes(op);
    perms.push(() => {
      if (isSuperuser(cat, actor)) return;
      if (hasOp('INSERT')) checkRelation(cat, actor, rel, 'a', columnSet(rel, s.ins));
      if (hasOp('UPDATE')) checkRelation(cat, actor, rel, 'w', columnSet(rel, s.upd));
      if (hasOp('DELETE')) checkRelation(cat, actor, rel, 'd');
      if (s.read.size) checkRelation(cat, actor, rel, 'r', columnSet(rel, s.read));
    });
    sets = { read: r.baseRead, ins: r.baseInserted, upd: r.baseUpdated };
    user = viewDmlUser(rel);
    stmt = r.stmt;
    pending = r.checks;
    qual = r.targetQual;
    levels++;
  }
  for (const p of perms) p();
  const base = lookupRelation(cat, session.searchPath(), { schema: stmt.relation.schemaname, name: stmt.relation.relname });
  const checks = base ? pending.flatMap((c) => (c.expr ? [{ viewName: c.viewName, check: analyzeTableExpr(session, cat, base, renameCheckAlias(c.expr, base.name) as AnyNode, 'check', '') }] : [])) : [];
  return { stmt, levels, user, checks, targetQual: qual };
}
