/**
 * Privilege checks of an analyzed query level: SELECT on every table read in FROM (on the table,
 * or on each column the query uses), as the current role or, inside a view, as the view's owner.
 * Postgres counterpart: ExecCheckPermissions (src/backend/executor/execMain.c), run here at the
 * end of analysis; plans are cached per role (see Session.searchPathKey).
 */
import type { RelationDef } from '../catalog/objects.js';
import type { Query } from '../nodes/query.js';
import { aclDefault, aclHolds, checkNamespace, checkRelation, isSuperuser, ownerOid, permissionDenied } from '../catalog/acl.js';
import { PgError } from '../errors/pg-error.js';
import { visitVars } from '../plan/walk-query.js';
import type { StatementState } from './parse-state.js';
import type { SystemRelationDef } from '../catalog/system/registry.js';
import { systemRelationAcl } from '../catalog/system/system-acl.js';

/** Columns of range entry `rti` of `q` used anywhere in it (attno 0: the whole row). */
export function usedColumns(q: Query, rti: number): Set<number> {
  const out = new Set<number>();
  const f = (v: { levelsUp: number; rti: number; attno: number }, depth: number) => {
    if (v.levelsUp === depth && v.rti === rti) out.add(v.attno);
  };
  // A join's alias expressions list every column of both sides: only the references to them count.
  for (const [k, val] of Object.entries(q)) {
    if (k === 'rtable') for (const rte of q.rtable) rte.kind === 'join' || visitVars(rte, f);
    else visitVars(val, f, val && typeof val === 'object' && !Array.isArray(val) && 'commandType' in val ? 1 : 0);
  }
  return out;
}

/** Whole-row references mean every column. */
function expand(rel: RelationDef, cols: Set<number>): Set<number> {
  if (!cols.has(0)) return cols;
  const all = new Set<number>();
  for (const c of rel.columns) if (!c.dropped) all.add(c.attnum);
  for (const c of cols) if (c > 0) all.add(c);
  return all;
}

/**
 * Checks of the views expanded in a query level, run after the level's own: Postgres checks the
 * flattened range table, where a view's tables come after the query that names the view.
 */
const afterLevel = new WeakMap<Query, (() => void)[]>();
/** Query levels whose checks run through checkSelectPermissions (SELECT levels). */
const selectLevels = new WeakSet<Query>();

export function markSelectLevel(q: Query): void {
  selectLevels.add(q);
}

/**
 * Runs the permission checks of a view's query after those of the level that names it (or now,
 * when that level is not a SELECT level). `deferred` holds the view query's own levels.
 */
export function deferViewChecks(outer: Query, viewQuery: Query, deferred: readonly { q: Query; run: () => void }[]): void {
  const ordered = [...deferred.filter((d) => d.q === viewQuery), ...deferred.filter((d) => d.q !== viewQuery)].map((d) => d.run);
  if (!selectLevels.has(outer)) {
    for (const f of ordered) f();
    return;
  }
  let list = afterLevel.get(outer);
  if (!list) afterLevel.set(outer, (list = []));
  list.push(...ordered);
}

/** SELECT on each table (or RLS-wrapped table) this query level reads. */
export function checkSelectPermissions(stmt: StatementState, q: Query): void {
  const run = () => {
    ownSelectPermissions(stmt, q);
    for (const f of afterLevel.get(q) ?? []) f();
  };
  if (stmt.deferredPerms) stmt.deferredPerms.push({ q, run });
  else run();
}

function ownSelectPermissions(stmt: StatementState, q: Query): void {
  const cat = stmt.catalog;
  const user = stmt.asUser ?? stmt.session.currentUser();
  if (stmt.skipSecurity || isSuperuser(cat, user)) return;
  q.rtable.forEach((rte, rti) => {
    let rel: RelationDef | undefined;
    if (rte.kind === 'relation') rel = rte.rel;
    else if (rte.kind === 'subquery') {
      const o = (rte as { rlsRelation?: number; viewOid?: number }).rlsRelation ?? (rte as { viewOid?: number }).viewOid;
      if (o !== undefined) rel = cat.relations.get(o);
    }
    if (!rel || (rte as { skipPerms?: boolean }).skipPerms) return;
    checkRelation(cat, user, rel, 'r', expand(rel, usedColumns(q, rti)));
    // FOR UPDATE / SHARE also needs UPDATE on the table or on any of its columns (ACL_SELECT_FOR_UPDATE).
    if (q.locking?.some((l) => l.rtis.includes(rti))) checkRelation(cat, user, rel, 'w');
  });
}

/**
 * EXECUTE on a user function, procedure or aggregate (at analysis; SECURITY DEFINER bodies run as
 * the owner). `word`: the error's object word when not the routine's own (a window call of an
 * aggregate says function, as ExecInitWindowAgg does).
 */
export function checkExecute(stmt: StatementState, oid: number, word?: string): void {
  const cat = stmt.catalog;
  const user = stmt.asUser ?? stmt.session.currentUser();
  if (stmt.skipSecurity || isSuperuser(cat, user)) return;
  const f = cat.functions.get(oid);
  if (!f) return;
  if (!aclHolds(cat, f.acl ?? aclDefault('function', ownerOid(cat, f.owner)), user, 'X')) throw permissionDenied(word ?? (f.kind === 'p' ? 'procedure' : f.kind === 'a' ? 'aggregate' : 'function'), f.name);
}

/** USAGE on the schema a qualified name names (Postgres checks it during name lookup, with the position). */
export function checkSchemaUsage(stmt: StatementState, nsOid: number, position: string | undefined): void {
  const cat = stmt.catalog;
  const user = stmt.asUser ?? stmt.session.currentUser();
  if (stmt.skipSecurity || isSuperuser(cat, user)) return;
  try {
    checkNamespace(cat, user, nsOid, 'U');
  } catch (e) {
    if (e instanceof PgError && position) e.position = position;
    throw e;
  }
}

/** SELECT from a sequence (its one row) needs SELECT on it. */
export function checkSequenceSelect(stmt: StatementState, rel: RelationDef): void {
  const cat = stmt.catalog;
  const user = stmt.asUser ?? stmt.session.currentUser();
  if (stmt.skipSecurity || isSuperuser(cat, user)) return;
  checkRelation(cat, user, rel, 'r');
}

/** SELECT on a system relation PUBLIC cannot read (pg_authid, pg_largeobject, ...). */
export function checkSystemRelationSelect(stmt: StatementState, rel: SystemRelationDef): void {
  const cat = stmt.catalog;
  const user = stmt.asUser ?? stmt.session.currentUser();
  if (stmt.skipSecurity || isSuperuser(cat, user)) return;
  if (!aclHolds(cat, systemRelationAcl(rel), user, 'r')) throw permissionDenied(rel.kind === 'v' ? 'view' : 'table', rel.name);
}
