/**
 * CREATE / ALTER / DROP POLICY: row-level security policies (pg_policy).
 * Postgres counterpart: src/backend/commands/policy.c.
 * Enforcement (the quals policies add to queries) is in src/rewrite/row-security.ts.
 */
import { schemaMissingSkips } from './drop-missing.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Session } from '../session/session.js';
import { commandResult, type StatementResult } from '../session/dispatch.js';
import type { Catalog } from '../catalog/catalog.js';
import type { PolicyDef, RelationDef } from '../catalog/objects.js';
import { PUBLIC, isOwner, mustBeOwner } from '../catalog/acl.js';
import { openRelation, lookupRelation } from '../analyze/relation.js';
import { roleSpecName } from './role-cmds.js';
import { exprText } from './column-expr.js';
import { analyzePolicyExpr } from '../rewrite/row-security.js';
import { checkRelationOwner } from './owner.js';

type AnyNode = Record<string, any>;

const CMD: Record<string, PolicyDef['cmd']> = { all: '*', select: 'r', insert: 'a', update: 'w', delete: 'd' };

function policyRoles(session: Session, cat: Catalog, roles: AnyNode[] | undefined): number[] {
  if (!roles?.length) return [PUBLIC];
  const out: number[] = [];
  for (const r of roles) {
    const name = roleSpecName(session, r, true);
    if (name === '') return [PUBLIC];
    const oid = cat.roleByName.get(name);
    if (oid === undefined) throw new PgError(SQLSTATE.undefined_object, `role "${name}" does not exist`);
    if (!out.includes(oid)) out.push(oid);
  }
  return out;
}

function targetTable(session: Session, cat: Catalog, rv: AnyNode): RelationDef {
  const rel = openRelation(cat, session.searchPath(), { schema: rv.schemaname, name: rv.relname });
  if (rel.kind !== 'r' && rel.kind !== 'p') throw new PgError(SQLSTATE.wrong_object_type, `"${rel.name}" is not a table`);
  checkRelationOwner(session, cat, rel);
  return rel;
}

function stored(session: Session, cat: Catalog, rel: RelationDef, raw: AnyNode | undefined, sql: string): PolicyDef['qual'] {
  if (!raw) return undefined;
  let expr;
  try {
    expr = analyzePolicyExpr(session, cat, rel, raw, sql);
  } catch (e) {
    // Postgres reports errors in policy expressions without a position.
    if (e instanceof PgError) e.position = undefined;
    throw e;
  }
  return { raw, expr, text: exprText(sql, raw[Object.keys(raw)[0]]?.location), sql };
}

export function createPolicy(session: Session, n: AnyNode, sql: string): StatementResult {
  const cat = session.transaction().catalogForWrite();
  const rel = targetTable(session, cat, n.table);
  const cmd = CMD[(n.cmd_name as string) ?? 'all'];
  if (cat.relationPolicies(rel.oid).some((p) => p.name === n.policy_name)) {
    throw new PgError(SQLSTATE.duplicate_object, `policy "${n.policy_name}" for table "${rel.name}" already exists`);
  }
  if ((cmd === 'r' || cmd === 'd') && n.with_check) throw new PgError(SQLSTATE.syntax_error, 'WITH CHECK cannot be applied to SELECT or DELETE');
  if (cmd === 'a' && n.qual) throw new PgError(SQLSTATE.syntax_error, 'only WITH CHECK expression allowed for INSERT');
  const p: PolicyDef = {
    oid: session.db.newOid(), name: n.policy_name, relation: rel.oid, cmd, permissive: !!n.permissive,
    roles: policyRoles(session, cat, n.roles), qual: stored(session, cat, rel, n.qual, sql), withCheck: stored(session, cat, rel, n.with_check, sql),
  };
  cat.policies.set(p.oid, p);
  return commandResult('CREATE POLICY');
}

function findPolicy(cat: Catalog, rel: RelationDef, name: string): PolicyDef {
  const p = cat.relationPolicies(rel.oid).find((x) => x.name === name);
  if (!p) throw new PgError(SQLSTATE.undefined_object, `policy "${name}" for table "${rel.name}" does not exist`);
  return p;
}

export function alterPolicy(session: Session, n: AnyNode, sql: string): StatementResult {
  const cat = session.transaction().catalogForWrite();
  const rel = targetTable(session, cat, n.table);
  const p = findPolicy(cat, rel, n.policy_name);
  if (n.with_check && (p.cmd === 'r' || p.cmd === 'd')) throw new PgError(SQLSTATE.syntax_error, 'only USING expression allowed for SELECT, DELETE');
  if (n.qual && p.cmd === 'a') throw new PgError(SQLSTATE.syntax_error, 'only WITH CHECK expression allowed for INSERT');
  cat.policies.set(p.oid, {
    ...p,
    ...(n.roles ? { roles: policyRoles(session, cat, n.roles) } : {}),
    ...(n.qual ? { qual: stored(session, cat, rel, n.qual, sql) } : {}),
    ...(n.with_check ? { withCheck: stored(session, cat, rel, n.with_check, sql) } : {}),
  });
  return commandResult('ALTER POLICY');
}

/** ALTER POLICY name ON t RENAME TO new. */
export function renamePolicy(session: Session, n: AnyNode): StatementResult {
  const cat = session.transaction().catalogForWrite();
  const rel = targetTable(session, cat, n.relation);
  const p = findPolicy(cat, rel, n.subname);
  if (cat.relationPolicies(rel.oid).some((x) => x.name === n.newname)) {
    throw new PgError(SQLSTATE.duplicate_object, `policy "${n.newname}" for table "${rel.name}" already exists`);
  }
  cat.policies.set(p.oid, { ...p, name: n.newname });
  return commandResult('ALTER POLICY');
}

/** DROP POLICY [IF EXISTS] name ON t. */
export function dropPolicy(session: Session, n: AnyNode): StatementResult {
  const cat = session.transaction().catalogForWrite();
  for (const o of n.objects as AnyNode[]) {
    const parts = (o.List.items as AnyNode[]).map((x) => x.String.sval as string);
    const name = parts.pop() as string;
    const relName = parts.pop() as string;
    const schema = parts.pop();
    if (schema !== undefined && schemaMissingSkips(session, cat, [schema, relName], !!n.missing_ok)) continue;
    const rel = lookupRelation(cat, session.searchPath(), { schema, name: relName });
    if (!rel) {
      if (n.missing_ok) {
        session.notice(new PgError(SQLSTATE.successful_completion, `relation "${relName}" does not exist, skipping`, { severity: 'NOTICE' }));
        continue;
      }
      throw new PgError(SQLSTATE.undefined_table, `relation "${schema ? schema + '.' : ''}${relName}" does not exist`);
    }
    const p = cat.relationPolicies(rel.oid).find((x) => x.name === name);
    if (!p) {
      if (n.missing_ok) {
        session.notice(new PgError(SQLSTATE.successful_completion, `policy "${name}" for relation "${rel.name}" does not exist, skipping`, { severity: 'NOTICE' }));
        continue;
      }
      throw new PgError(SQLSTATE.undefined_object, `policy "${name}" for table "${rel.name}" does not exist`);
    }
    if (!isOwner(cat, session.currentUser(), rel.owner)) throw mustBeOwner('relation', rel.name);
    cat.policies.delete(p.oid);
  }
  return commandResult('DROP POLICY');
}
