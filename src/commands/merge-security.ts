/**
 * Privileges and row-level security of MERGE on its target table. Privileges: INSERT on the
 * columns INSERT actions name, UPDATE on the columns UPDATE actions set, DELETE when a DELETE
 * action exists, SELECT on every target column the statement reads; all checked before the
 * source's tables (the target comes first in Postgres's range table), whether or not an action
 * runs. RLS (rowsecurity.c, CMD_MERGE): the SELECT policies filter the target rows the join sees
 * (when SELECT is required); a chosen UPDATE / DELETE action first checks the existing row against
 * UPDATE's / DELETE's USING ("target row violates ..."), an UPDATE's new row against UPDATE's
 * WITH CHECK (and SELECT's USING when SELECT is required), an INSERT's row against INSERT's
 * WITH CHECK (and SELECT's USING with RETURNING).
 * Postgres counterpart: parser/parse_merge.c (target permissions), rewrite/rowsecurity.c,
 * executor/nodeModifyTable.c (ExecMergeMatched's WCO_RLS_MERGE_*_CHECK).
 */
import type { RelationDef } from '../catalog/objects.js';
import type { Expr } from '../nodes/primnodes.js';
import type { Value } from '../types/values.js';
import type { ExecContext } from '../executor/context.js';
import type { StatementState } from '../analyze/parse-state.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { checkRelation, isSuperuser } from '../catalog/acl.js';
import { visitVars } from '../plan/walk-query.js';
import { compileStored } from '../executor/modify-table.js';
import { effectiveUser, policyChecks, policyQual, retargetVars, rlsApplies, rlsViolation, policyUsingOnly, type RlsCheck } from '../rewrite/row-security.js';

type Check = (ctx: ExecContext, values: Value[]) => void;

export interface MergeSecurity {
  /** SELECT policies' USING over the target's range entry (ANDed to the join condition), when RLS applies. */
  readonly targetQual?: Expr;
  readonly updateExisting?: Check;
  readonly updateNew?: Check;
  readonly deleteExisting?: Check;
  readonly insertNew?: Check;
}

/** Target columns (attnums; all for whole-row references) that expressions read from range entry `rti`. */
export function targetColumnsRead(rel: RelationDef, exprs: readonly unknown[], rti: number): Set<number> {
  const out = new Set<number>();
  for (const e of exprs) {
    visitVars(e, (v, depth) => {
      if (v.levelsUp !== depth || v.rti !== rti) return;
      if (v.attno === 0) {
        for (const c of rel.columns) if (!c.dropped) out.add(c.attnum);
      } else if (v.attno > 0) out.add(v.attno);
    });
  }
  return out;
}

function targetRowViolation(rel: RelationDef, c: RlsCheck): PgError {
  return new PgError(SQLSTATE.insufficient_privilege, c.policy ? `target row violates row-level security policy "${c.policy}" (USING expression) for table "${rel.name}"` : `target row violates row-level security policy (USING expression) for table "${rel.name}"`);
}

function compile(list: RlsCheck[], fail: (c: RlsCheck) => PgError): Check | undefined {
  if (!list.length) return undefined;
  const fs = list.map((c) => ({ c, f: compileStored(c) }));
  return (ctx, values) => {
    for (const { c, f } of fs) if (f(values, ctx) !== true) throw fail(c);
  };
}

/**
 * Checks MERGE's privileges on its target (raising 42501) and prepares its row-level security.
 * `actions`: which actions the WHEN clauses name; `read`: target columns read.
 */
export function mergeSecurity(
  state: StatementState,
  rel: RelationDef,
  rti: number,
  actions: { insertCols?: ReadonlySet<number>; updateCols?: ReadonlySet<number>; delete: boolean },
  read: ReadonlySet<number>,
  returning: boolean,
): MergeSecurity {
  const cat = state.catalog;
  const user = effectiveUser(state);
  if (isSuperuser(cat, user)) return {};
  if (actions.insertCols) checkRelation(cat, user, rel, 'a', actions.insertCols);
  if (actions.updateCols) checkRelation(cat, user, rel, 'w', actions.updateCols);
  if (actions.delete) checkRelation(cat, user, rel, 'd');
  const selects = read.size > 0;
  if (selects) checkRelation(cat, user, rel, 'r', read);
  if (!rlsApplies(state.session, cat, rel, user)) return {};
  const out: { -readonly [K in keyof MergeSecurity]: MergeSecurity[K] } = {};
  if (selects) out.targetQual = retargetVars(policyQual(state, cat, rel, user, 'r'), rti);
  if (actions.updateCols) {
    out.updateExisting = compile(policyUsingOnly(state, cat, rel, user, 'w'), (c) => targetRowViolation(rel, c));
    out.updateNew = compile(policyChecks(state, cat, rel, user, 'w', selects), (c) => rlsViolation(rel, c));
  }
  if (actions.delete) out.deleteExisting = compile(policyUsingOnly(state, cat, rel, user, 'd'), (c) => targetRowViolation(rel, c));
  if (actions.insertCols) out.insertNew = compile(policyChecks(state, cat, rel, user, 'a', selects && returning), (c) => rlsViolation(rel, c));
  return out;
}
