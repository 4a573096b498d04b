/**
 * Row-level security: which policies apply to a statement on a table, and the quals they add.
 * A table read under RLS becomes a subquery `SELECT cols FROM t WHERE <policies>` (a security
 * barrier, so outer joins and qual order stay correct); UPDATE / DELETE get the policies' USING
 * ANDed into their WHERE; INSERT / UPDATE check each new row against WITH CHECK (or USING).
 * Postgres counterpart: src/backend/rewrite/rowsecurity.c, utils/misc/rls.c (check_enable_rls).
 * Known gaps: ON CONFLICT DO UPDATE checks the existing row after the update (an error rolls the
 * statement back, so only which of two errors is reported can differ). SELECT ... FOR UPDATE /
 * SHARE of a table read through its policies adds UPDATE's USING and locks the rows through the
 * subquery (lockRlsSubquery), but a row version met after waiting is not re-checked against the
 * policies. Permission errors of the
 * tables a policy reads can come before the statement's own (Postgres checks the statement's
 * tables first). pg_policies does not rename a policy subquery's entry that has the table's own
 * name (ruleutils prints `s1 s1_1`).
 */
import type { Catalog } from '../catalog/catalog.js';
import type { PolicyDef, RelationDef } from '../catalog/objects.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Expr } from '../nodes/primnodes.js';
import { emptyQuery, type RteColumn, type SubqueryRte } from '../nodes/query.js';
import { ParseState, type StatementState } from '../analyze/parse-state.js';

import { coerceToBoolean, transformExpr } from '../analyze/expr.js';
import { relationColumns, relationRte } from '../analyze/relation.js';
import { OID } from '../types/oids.js';
import { PUBLIC, aclMask, hasPrivsOfRole, isOwner, isSuperuser, relationAcl, rolesOf } from '../catalog/acl.js';
import type { SessionContext } from '../session/session-context.js';

type AnyNode = Record<string, any>;

/** The role whose policies apply (a view's owner inside the view, else current_user). */
export function effectiveUser(stmt: StatementState): string {
  return stmt.asUser ?? stmt.session.currentUser();
}

/**
 * Whether RLS applies to `user` on `rel` (check_enable_rls): enabled on the table, and the user is
 * neither a superuser, BYPASSRLS, nor (unless FORCE) the owner. With row_security = off a query it
 * would affect is 42501.
 */
export function rlsApplies(session: SessionContext, cat: Catalog, rel: RelationDef, user: string): boolean {
  if (!rel.rlsEnabled) return false;
  if (isSuperuser(cat, user) || cat.role(user)?.bypassRls) return false;
  if (!rel.rlsForced && isOwner(cat, user, rel.owner)) return false;
  if (session.getSetting('row_security', true) === 'off') {
    throw new PgError(SQLSTATE.insufficient_privilege, `query would be affected by row-level security policy for table "${rel.name}"`, {
      ...(isOwner(cat, user, rel.owner) ? { hint: 'To disable the policy for the table\'s owner, use ALTER TABLE NO FORCE ROW LEVEL SECURITY.' } : {}),
    });
  }
  return true;
}

/**
 * Whether an error may show `rel`'s key values to the current user (BuildIndexValueDescription,
 * ri_ReportViolation): not when row-level security applies to them, else with SELECT on the table
 * or on every key column (an expression key, attnum 0, needs the table's).
 */
export function keyValuesVisible(session: SessionContext, cat: Catalog, rel: RelationDef, attnums: readonly number[]): boolean {
  const user = session.currentUser();
  if (isSuperuser(cat, user)) return true;
  if (rel.rlsEnabled && !cat.role(user)?.bypassRls && (rel.rlsForced || !isOwner(cat, user, rel.owner))) return false;
  if (aclMask(cat, relationAcl(cat, rel), user).includes('r')) return true;
  return attnums.every((a) => a > 0 && !!rel.columns[a - 1]?.acl && aclMask(cat, rel.columns[a - 1].acl!, user).includes('r'));
}

/** A policy expression analyzed over the table alone (range entry 0), as a boolean. */
export function analyzePolicyExpr(session: SessionContext, cat: Catalog, rel: RelationDef, raw: unknown, sql: string, outer?: StatementState): Expr {
  // A policy with a subquery that reaches its own table again (directly, through other tables'
  // policies or through views) would expand forever (fireRIRrules).
  if (outer?.rlsActive?.includes(rel.oid) && hasSubLink(raw)) {
    throw new PgError(SQLSTATE.invalid_object_definition, `infinite recursion detected in policy for relation "${rel.name}"`);
  }
  const stmt: StatementState = {
    ...(outer ?? {}), catalog: cat, session, sql, paramTypes: [] as number[], inferParams: false, volatileSeen: false, mutableSeen: false, columnRefHook: undefined, procedureCallAt: undefined, viewBinding: undefined,
    // At CREATE / ALTER POLICY (no outer statement) the expression is only analyzed: no privileges, no policies of the tables it reads.
    skipSecurity: outer ? outer.skipSecurity : true,
    ...(outer ? {} : { noFold: true }),
    rlsActive: [...(outer?.rlsActive ?? []), rel.oid],
  };
  const q = emptyQuery('select');
  const ps = new ParseState(stmt, q, undefined);
  ps.exprKind = 'policy';
  const rti = ps.addRte(relationRte(rel, undefined));
  ps.namespace.push({ rti, rte: q.rtable[rti], relVisible: true, colsVisible: true });
  return coerceToBoolean(ps, transformExpr(ps, raw as AnyNode), 'POLICY');
}

function hasSubLink(x: unknown): boolean {
  if (!x || typeof x !== 'object') return false;
  if (Array.isArray(x)) return x.some(hasSubLink);
  const o = x as AnyNode;
  return 'SubLink' in o || Object.values(o).some(hasSubLink);
}

function applicable(cat: Catalog, rel: RelationDef, user: string, cmd: PolicyDef['cmd']): PolicyDef[] {
  const uid = cat.roleByName.get(user);
  const mine = uid === undefined ? new Set<number>() : rolesOf(cat, uid, 'privs');
  return cat.relationPolicies(rel.oid).filter((p) => (p.cmd === '*' || p.cmd === cmd) && p.roles.some((r) => r === PUBLIC || mine.has(r) || hasPrivsOfRole(cat, user, r)));
}

const TRUE: Expr = { kind: 'Const', type: OID.bool, typmod: -1, value: true } as Expr;
const FALSE: Expr = { kind: 'Const', type: OID.bool, typmod: -1, value: false } as Expr;

function and(list: Expr[]): Expr {
  return list.length === 0 ? TRUE : list.length === 1 ? list[0] : ({ kind: 'BoolExpr', op: 'and', args: list, type: OID.bool, typmod: -1 } as unknown as Expr);
}
function or(list: Expr[]): Expr {
  return list.length === 0 ? FALSE : list.length === 1 ? list[0] : ({ kind: 'BoolExpr', op: 'or', args: list, type: OID.bool, typmod: -1 } as unknown as Expr);
}

type Which = 'qual' | 'check';

function policyExpr(stmt: StatementState, cat: Catalog, rel: RelationDef, p: PolicyDef, which: Which): Expr | undefined {
  const src = which === 'check' ? (p.withCheck ?? p.qual) : p.qual;
  if (!src) return which === 'qual' ? undefined : undefined;
  return analyzePolicyExpr(stmt.session, cat, rel, src.raw, src.sql, stmt);
}

/** USING quals of `cmd`'s policies combined: permissive ORed (none: false), restrictive ANDed. */
export function policyQual(stmt: StatementState, cat: Catalog, rel: RelationDef, user: string, cmd: PolicyDef['cmd']): Expr {
  const ps = applicable(cat, rel, user, cmd);
  const perm: Expr[] = [];
  const restr: Expr[] = [];
  for (const p of ps) {
    const e = policyExpr(stmt, cat, rel, p, 'qual') ?? TRUE;
    (p.permissive ? perm : restr).push(e);
  }
  return and([or(perm), ...restr]);
}

/** A new-row check: the combined permissive expression (unnamed) and each restrictive one by name. */
export interface RlsCheck {
  readonly policy?: string;
  readonly expr: Expr;
}

/** The WITH CHECK options of `cmd` (add_with_check_options), plus SELECT's USING when the statement reads rows back. */
export function policyChecks(stmt: StatementState, cat: Catalog, rel: RelationDef, user: string, cmd: 'a' | 'w', alsoSelect: boolean): RlsCheck[] {
  const out: RlsCheck[] = [];
  const add = (c: PolicyDef['cmd'], which: Which) => {
    const ps = applicable(cat, rel, user, c);
    const perm = ps.filter((p) => p.permissive).map((p) => policyExpr(stmt, cat, rel, p, which) ?? TRUE);
    out.push({ expr: or(perm) });
    for (const p of ps.filter((x) => !x.permissive)) {
      const e = policyExpr(stmt, cat, rel, p, which);
      if (e) out.push({ policy: p.name, expr: e });
    }
  };
  add(cmd, 'check');
  if (alsoSelect) add('r', 'qual');
  return out;
}

/** ON CONFLICT DO UPDATE's checks of the existing row: UPDATE's and SELECT's USING (WCO_RLS_CONFLICT_CHECK). */
export function policyUsingChecks(stmt: StatementState, cat: Catalog, rel: RelationDef, user: string): RlsCheck[] {
  const out: RlsCheck[] = [];
  for (const cmd of ['w', 'r'] as const) {
    const ps = applicable(cat, rel, user, cmd);
    out.push({ expr: or(ps.filter((p) => p.permissive).map((p) => policyExpr(stmt, cat, rel, p, 'qual') ?? TRUE)) });
    for (const p of ps.filter((x) => !x.permissive)) {
      const e = policyExpr(stmt, cat, rel, p, 'qual');
      if (e) out.push({ policy: p.name, expr: e });
    }
  }
  return out;
}

/** The USING quals of `cmd`'s policies as checks of an existing row (MERGE's WCO_RLS_MERGE_UPDATE/DELETE_CHECK). */
export function policyUsingOnly(stmt: StatementState, cat: Catalog, rel: RelationDef, user: string, cmd: 'w' | 'd'): RlsCheck[] {
  const ps = applicable(cat, rel, user, cmd);
  const out: RlsCheck[] = [{ expr: or(ps.filter((p) => p.permissive).map((p) => policyExpr(stmt, cat, rel, p, 'qual') ?? TRUE)) }];
  for (const p of ps.filter((x) => !x.permissive)) {
    const e = policyExpr(stmt, cat, rel, p, 'qual');
    if (e) out.push({ policy: p.name, expr: e });
  }
  return out;
}

/** The error a failed new-row check raises (`using`: the existing row of ON CONFLICT DO UPDATE). */
export function rlsViolation(rel: RelationDef, c: RlsCheck, using = false): PgError {
  const u = using ? ' (USING expression)' : '';
  return new PgError(SQLSTATE.insufficient_privilege, c.policy ? `new row violates row-level security policy "${c.policy}"${u} for table "${rel.name}"` : `new row violates row-level security policy${u} for table "${rel.name}"`);
}

/**
 * A table in FROM under RLS: a subquery RTE over it with the SELECT policies as WHERE, or
 * undefined when no policy applies to this user. Its columns keep the table's positions (dropped
 * columns read as NULL), so outer Vars map 1:1.
 */
export function rlsSelectRte(stmt: StatementState, rel: RelationDef, alias: AnyNode | undefined, cmd: PolicyDef['cmd'] = 'r', only = false): SubqueryRte | undefined {
  const cat = stmt.catalog;
  const user = effectiveUser(stmt);
  if (stmt.skipSecurity || !rlsApplies(stmt.session, cat, rel, user)) return undefined;
  const q = emptyQuery('select');
  // (FROM ONLY: the table without its partitions or inheritance children)
  q.rtable.push(only ? { ...relationRte(rel, undefined), only: true } : relationRte(rel, undefined));
  q.fromList.push({ kind: 'RangeTblRef', rti: 0 });
  q.where = policyQual(stmt, cat, rel, user, cmd);
  q.targetList = rel.columns.map((c) => ({
    expr: c.dropped
      ? ({ kind: 'Const', type: OID.int4, typmod: -1, value: null } as Expr)
      : ({ kind: 'Var', levelsUp: 0, rti: 0, attno: c.attnum, type: c.type, typmod: c.typmod, collation: c.collation } as Expr),
    name: c.name,
    resjunk: false,
    origin: { relation: rel.oid, attnum: c.attnum },
  }));
  const base = relationRte(rel, alias);
  return { kind: 'subquery', query: q, alias: base.alias, hasAlias: base.hasAlias, columns: relationColumns(rel).map((c, i) => ({ ...c, name: base.columns[i].name })), lateral: false, rlsRelation: rel.oid } as SubqueryRte;
}

/**
 * SELECT ... FOR UPDATE / SHARE of a table read through its policies: UPDATE's USING applies too
 * (before SELECT's, as get_row_security_policies adds them for ACL_SELECT_FOR_UPDATE), and the
 * subquery outputs the row version after the table's columns so that LockRows can lock it.
 * Known gap: after waiting for a concurrent update, the new row version is re-checked against the
 * statement's WHERE but not against the policies.
 */
export function lockRlsSubquery(stmt: StatementState, rte: SubqueryRte): void {
  if (rte.rlsLockRel || rte.rlsRelation === undefined) return;
  const cat = stmt.catalog;
  const rel = cat.relations.get(rte.rlsRelation);
  if (!rel) return;
  const q = rte.query;
  // (add_security_quals skips a qual equal to one already there: a FOR ALL policy counts once)
  const upd = policyQual(stmt, cat, rel, effectiveUser(stmt), 'w');
  const key = (e: unknown) => JSON.stringify(e, (k, v) => (k === 'location' ? undefined : v));
  if (!q.where || key(q.where) !== key(upd)) q.where = and([upd, ...(q.where ? [q.where] : [])]);
  addRowVersionOutput(rte, rel);
  rte.rlsLockRel = rel;
}

/**
 * Makes the policy subquery of `rel` output the row version after the table's columns (a hidden
 * column), where a relation's scan keeps it: system columns and row locks read it there.
 */
export function addRowVersionOutput(rte: SubqueryRte, rel: RelationDef): void {
  const n = rel.columns.length;
  if (rte.columns.length > n) return;
  // The row-version slot follows the relation's columns in the scan's wide row: a Var one past them reads it.
  rte.query.targetList.push({ expr: { kind: 'Var', levelsUp: 0, rti: 0, attno: n + 1, type: OID.int4, typmod: -1 } as Expr, name: '?row version?', resjunk: false });
  (rte as unknown as { columns: RteColumn[] }).columns = [...rte.columns, { name: '?row version?', type: OID.int4, typmod: -1, hidden: true }];
}

/** Maps the table-level Vars (rti 0 at each nesting depth) of a policy expression onto range entry `rti`. */
export function retargetVars(e: Expr, rti: number): Expr {
  if (rti === 0) return e;
  const walk = (x: unknown, depth: number): unknown => {
    if (!x || typeof x !== 'object') return x;
    if (Array.isArray(x)) return x.map((y) => walk(y, depth));
    const o = x as Record<string, unknown>;
    if (o.kind === 'Var') return o.levelsUp === depth && o.rti === 0 ? { ...o, rti } : o;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) {
      if (k === 'fn' || k === 'agg' || k === 'rel' || k === 'compare' || typeof v === 'function' || typeof v !== 'object' || v === null) out[k] = v;
      else out[k] = walk(v, !Array.isArray(v) && 'commandType' in (v as object) ? depth + 1 : depth);
    }
    return out;
  };
  return walk(e, 0) as Expr;
}
