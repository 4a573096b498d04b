/**
 * Privileges and row-level security of INSERT / UPDATE / DELETE on their target table: the
 * INSERT / UPDATE / DELETE privilege (or column privileges), SELECT on the columns the statement
 * reads (WHERE, SET expressions, RETURNING), the policies' USING as an extra WHERE, and a
 * per-row WITH CHECK test on new rows.
 * Postgres counterpart: ExecCheckPermissions (execMain.c), rowsecurity.c get_row_security_policies,
 * ExecWithCheckOptions.
 */
import type { RelationDef } from '../catalog/objects.js';
import type { Expr } from '../nodes/primnodes.js';
import type { Query } from '../nodes/query.js';
import type { Value } from '../types/values.js';
import type { ExecContext } from '../executor/context.js';
import type { StatementState } from '../analyze/parse-state.js';
import { checkRelation, isSuperuser } from '../catalog/acl.js';
import { visitVars } from '../plan/walk-query.js';
import { compileStored } from '../executor/modify-table.js';
import { effectiveUser, policyChecks, policyQual, policyUsingChecks, retargetVars, rlsApplies, rlsViolation, type RlsCheck } from '../rewrite/row-security.js';

type AnyNode = Record<string, any>;

/** Target columns a raw RETURNING list names (`*` and whole-row references: all). */
function returningColumns(rel: RelationDef, list: AnyNode[] | undefined, out: Set<number>): void {
  if (!list?.length) return;
  const byName = new Map(rel.columns.filter((c) => !c.dropped).map((c) => [c.name, c.attnum]));
  const walk = (x: unknown): void => {
    if (!x || typeof x !== 'object') return;
    if (Array.isArray(x)) return x.forEach(walk);
    const o = x as AnyNode;
    if (o.ColumnRef) {
      const fields = o.ColumnRef.fields as AnyNode[];
      const last = fields[fields.length - 1];
      if (last.A_Star || (fields.length === 1 && fields[0].String?.sval === rel.name)) for (const a of byName.values()) out.add(a);
      else {
        const a = byName.get(last.String?.sval);
        if (a !== undefined) out.add(a);
      }
      return;
    }
    for (const v of Object.values(o)) walk(v);
  };
  walk(list);
}

function varsOf(e: unknown, rti: number, out: Set<number>): void {
  visitVars(e, (v, depth) => {
    if (v.levelsUp === depth && v.rti === rti) {
      if (v.attno === 0) out.add(-1);
      else if (v.attno > 0) out.add(v.attno);
    }
  });
}

export interface DmlSecurity {
  /** Raises 42501 when a new row fails a policy's WITH CHECK. */
  readonly check?: (ctx: ExecContext, values: Value[]) => void;
  /** INSERT ... ON CONFLICT DO UPDATE: checks the existing row and its update. */
  readonly conflict?: (ctx: ExecContext, old: Value[], values: Value[]) => void;
}

const NONE: DmlSecurity = {};

/**
 * Checks the statement's privileges and prepares its row-level security. For UPDATE / DELETE,
 * `q.where` gains the policies' USING over range entry `rti`.
 */
export function dmlSecurity(
  state: StatementState,
  rel: RelationDef,
  cmd: 'insert' | 'update' | 'delete',
  n: AnyNode,
  opts: {
    q?: Query;
    rti?: number;
    targetCols: readonly number[];
    setExprs?: readonly Expr[];
    returning?: AnyNode[];
    /** INSERT ... ON CONFLICT: the columns DO UPDATE assigns and the columns the clause reads. */
    conflict?: { readonly updatedCols?: ReadonlySet<number>; readonly readCols: ReadonlySet<number> };
  },
): DmlSecurity {
  const cat = state.catalog;
  const user = effectiveUser(state);
  if (isSuperuser(cat, user)) return NONE;
  // Columns read: WHERE, SET expressions, RETURNING.
  const read = new Set<number>(viewReads?.cols);
  if (viewReads) {
    // Through views: what the user's statement reads, mapped down (a view's own WHERE needs no SELECT).
  } else if (opts.q && opts.rti !== undefined) {
    varsOf(opts.q.where, opts.rti, read);
    for (const e of opts.setExprs ?? []) varsOf(e, opts.rti, read);
  }
  if (!viewReads) returningColumns(rel, opts.returning, read);
  for (const c of opts.conflict?.readCols ?? []) read.add(c === 0 ? -1 : c);
  if (read.has(-1)) {
    read.delete(-1);
    for (const c of rel.columns) if (!c.dropped) read.add(c.attnum);
  }
  const letter = cmd === 'insert' ? 'a' : cmd === 'update' ? 'w' : 'd';
  checkRelation(cat, user, rel, letter, cmd === 'delete' ? undefined : new Set(opts.targetCols));
  if (opts.conflict?.updatedCols) checkRelation(cat, user, rel, 'w', opts.conflict.updatedCols);
  // SELECT is needed only when the statement reads a column of the target (a WHERE that reads
  // only other tables, or none, needs none).
  const readsRows = read.size > 0 || (viewReads ? viewReads.rows : false);
  if (readsRows) checkRelation(cat, user, rel, 'r', read);
  if (!rlsApplies(state.session, cat, rel, user)) return NONE;
  if (cmd !== 'insert' && opts.q && opts.rti !== undefined) {
    const quals = [retargetVars(policyQual(state, cat, rel, user, cmd === 'update' ? 'w' : 'd'), opts.rti)];
    if (readsRows) quals.push(retargetVars(policyQual(state, cat, rel, user, 'r'), opts.rti));
    const all = opts.q.where ? [opts.q.where, ...quals] : quals;
    opts.q.where = { kind: 'BoolExpr', op: 'and', args: all, type: 16, typmod: -1 } as unknown as Expr;
  }
  if (cmd === 'delete') return NONE;
  const upsert = cmd === 'insert' && n.onConflictClause?.action === 'ONCONFLICT_UPDATE';
  const compile = (list: RlsCheck[]) => list.map((c) => ({ c, f: compileStored(c) }));
  const checks = compile(policyChecks(state, cat, rel, user, cmd === 'insert' ? 'a' : 'w', cmd === 'insert' ? !!opts.returning?.length || upsert : readsRows));
  // ON CONFLICT DO UPDATE: the existing row must pass UPDATE's (and SELECT's) USING, the new one UPDATE's WITH CHECK.
  const existing = upsert ? compile(policyUsingChecks(state, cat, rel, user)) : [];
  const updated = upsert ? compile(policyChecks(state, cat, rel, user, 'w', true)) : [];
  return {
    check(ctx, values) {
      for (const { c, f } of checks) if (f(values, ctx) !== true) throw rlsViolation(rel, c);
    },
    ...(upsert
      ? {
          conflict(ctx: ExecContext, old: Value[], values: Value[]) {
            for (const { c, f } of existing) if (f(old, ctx) !== true) throw rlsViolation(rel, c, true);
            for (const { c, f } of updated) if (f(values, ctx) !== true) throw rlsViolation(rel, c);
          },
        }
      : {}),
  };
}

/**
 * INSERT / UPDATE / DELETE through an auto-updatable view: the acting role needs the privilege on
 * the view (on the columns written), and SELECT on the columns the statement reads.
 */
export function viewPrivileges(cat: import('../catalog/catalog.js').Catalog, user: string, view: RelationDef, kind: 'insert' | 'update' | 'delete', written: readonly string[], read: ReadonlySet<string>, readsRows: boolean): void {
  if (isSuperuser(cat, user)) return;
  const attnums = (names: Iterable<string>) => new Set([...names].flatMap((n) => view.columns.filter((c) => c.name === n && !c.dropped).map((c) => c.attnum)));
  checkRelation(cat, user, view, kind === 'insert' ? 'a' : kind === 'update' ? 'w' : 'd', kind === 'delete' ? undefined : attnums(written));
  if (read.size || readsRows) checkRelation(cat, user, view, 'r', attnums(read));
}

/**
 * The role the relation under a view is used as: the view's owner, or for security_invoker views
 * the current user (rewriteTargetView leaves checkAsUser unset, even below another view).
 */
export function viewDmlUser(view: RelationDef): string | undefined {
  return view.view?.securityInvoker ? undefined : view.owner;
}

/** Columns a statement through views reads from its base table (the user's references, mapped down). */
let viewReads: { cols: Set<number>; rows: boolean } | undefined;

export function setViewReads(v: { cols: Set<number>; rows: boolean } | undefined): void {
  viewReads = v;
}
