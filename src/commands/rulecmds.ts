/**
 * CREATE [OR REPLACE] RULE, DROP RULE, ALTER RULE ... RENAME TO, ALTER TABLE ... ENABLE /
 * DISABLE [REPLICA | ALWAYS] RULE. A rule keeps its WHERE and actions raw (relation names
 * schema-qualified as resolved at creation); each action is analyzed once here against OLD / NEW
 * to raise Postgres's errors (unknown columns, RETURNING that does not match the relation).
 * Postgres counterpart: src/backend/rewrite/rewriteDefine.c (DefineQueryRewrite, RenameRewriteRule,
 * EnableDisableRule), parser/parse_utilcmd.c (transformRuleStmt), rewrite/rewriteRemove.c.
 * Known gaps: ON SELECT rules (Postgres 18 allows them only as a view's _RETURN rule) raise
 * Postgres's errors, and CREATE OR REPLACE RULE "_RETURN" on a view is 0A000.
 */
import { schemaMissingSkips } from './drop-missing.js';
import type { Catalog } from '../catalog/catalog.js';
import type { RelationDef, RuleDef } from '../catalog/objects.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { lookupRelation, openRelation } from '../analyze/relation.js';
import { truncateIdentifier } from './naming.js';
import type { Session } from '../session/session.js';
import { commandResult, describeStatement, type StatementResult } from '../session/dispatch.js';
import { formatType } from '../types/registry.js';
import { validationProduct } from '../rewrite/rules.js';
import { checkOwner } from '../catalog/acl.js';

type AnyNode = Record<string, any>;

const EVENTS: Record<string, RuleDef['event'] | 'SELECT'> = { CMD_SELECT: 'SELECT', CMD_INSERT: 'INSERT', CMD_UPDATE: 'UPDATE', CMD_DELETE: 'DELETE' };

const KIND_DETAIL: Record<string, string> = {
  r: 'tables', p: 'partitioned tables', v: 'views', m: 'materialized views', i: 'indexes', I: 'partitioned indexes', S: 'sequences', c: 'composite types', f: 'foreign tables', t: 'TOAST tables',
};

/** Whether a raw tree refers to `name` (old / new) as a table. */
function uses(node: unknown, name: string): boolean {
  if (!node || typeof node !== 'object') return false;
  if (Array.isArray(node)) return node.some((x) => uses(x, name));
  const o = node as AnyNode;
  if (o.ColumnRef) return (o.ColumnRef.fields as AnyNode[])[0]?.String?.sval === name && (o.ColumnRef.fields as AnyNode[]).length > 1;
  return Object.values(o).some((v) => uses(v, name));
}

/** Relations an action reads or writes (RangeVars), schema-qualified in place; their OIDs. */
function qualifyRelations(session: Session, cat: Catalog, node: unknown, ctes: Set<string>, out: Set<number>): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const x of node) qualifyRelations(session, cat, x, ctes, out);
    return;
  }
  const o = node as AnyNode;
  const w = o.withClause;
  let inner = ctes;
  if (w?.ctes) {
    inner = new Set(ctes);
    for (const c of w.ctes as AnyNode[]) inner.add(c.CommonTableExpr.ctename);
  }
  if (typeof o.relname === 'string') {
    const rv = o;
    if (!rv.schemaname && inner.has(rv.relname)) return;
    const rel = lookupRelation(cat, session.searchPath(), { schema: rv.schemaname, name: rv.relname });
    if (rel) {
      out.add(rel.oid);
      if (!rv.schemaname && rel.persistence !== 't') rv.schemaname = cat.namespaceName(rel.namespace);
    }
    return;
  }
  for (const v of Object.values(o)) qualifyRelations(session, cat, v, inner, out);
}

/** Bare column references to `cols` (outside subqueries) qualified by `by`. */
function qualifyBare(node: unknown, cols: Set<string>, by: string): AnyNode {
  if (!node || typeof node !== 'object') return node as AnyNode;
  if (Array.isArray(node)) return node.map((x) => qualifyBare(x, cols, by)) as unknown as AnyNode;
  const o = node as AnyNode;
  if (o.SubLink) return o;
  if (o.ColumnRef) {
    const f = o.ColumnRef.fields as AnyNode[];
    if (f.length === 1 && f[0].String && cols.has(f[0].String.sval)) return { ColumnRef: { ...o.ColumnRef, fields: [{ String: { sval: by } }, f[0]] } };
    return o;
  }
  const out: AnyNode = {};
  for (const [k, v] of Object.entries(o)) out[k] = qualifyBare(v, cols, by);
  return out;
}

export function createRule(session: Session, n: AnyNode, sql: string): StatementResult {
  const txn = session.transaction();
  const cat0 = txn.catalog;
  const rv = n.relation;
  const rel = openRelation(cat0, session.searchPath(), { schema: rv.schemaname, name: rv.relname });
  const event = EVENTS[n.event as string];
  const name = truncateIdentifier(n.rulename as string);
  const actions = ((n.actions ?? []) as AnyNode[]).map((a) => structuredClone(a));
  let qual = n.whereClause ? structuredClone(n.whereClause) : undefined;
  if (rel.kind === 'm') throw new PgError(SQLSTATE.feature_not_supported, 'rules on materialized views are not supported');
  if (rel.kind !== 'r' && rel.kind !== 'p' && rel.kind !== 'v') {
    throw new PgError(SQLSTATE.wrong_object_type, `relation "${rel.name}" cannot have rules`, { detail: `This operation is not supported for ${KIND_DETAIL[rel.kind] ?? 'this relation'}.` });
  }
  if (event === 'SELECT') return selectRule(rel, n, name, actions, qual);
  if (name === '_RETURN') throw new PgError(SQLSTATE.invalid_object_definition, `non-view rule for "${rel.name}" must not be named "_RETURN"`);
  // OLD / NEW as the event allows them (transformRuleStmt).
  for (const part of [qual, ...actions]) {
    if (event === 'INSERT' && uses(part, 'old')) throw new PgError(SQLSTATE.invalid_object_definition, 'ON INSERT rule cannot use OLD');
    if (event === 'DELETE' && uses(part, 'new')) throw new PgError(SQLSTATE.invalid_object_definition, 'ON DELETE rule cannot use NEW');
  }
  // In the WHERE of an INSERT (DELETE) rule, bare columns are NEW's (OLD's); not in its actions.
  if (qual && (event === 'INSERT' || event === 'DELETE')) qual = qualifyBare(qual, new Set(rel.columns.filter((c) => !c.dropped).map((c) => c.name)), event === 'INSERT' ? 'new' : 'old');
  const deps = new Set<number>();
  for (const a of actions) qualifyRelations(session, cat0, a, new Set(), deps);
  qualifyRelations(session, cat0, qual, new Set(), deps);
  deps.delete(rel.oid);
  const existing = cat0.relationRules(rel.oid).find((r) => r.name === name);
  const rule: RuleDef = {
    oid: existing?.oid ?? session.db.newOid(),
    name,
    relation: rel.oid,
    event,
    instead: !!n.instead,
    enabled: existing?.enabled ?? 'O',
    qual,
    actions,
    text: sql,
    searchPath: [...session.searchPath()],
    dependsOn: [...deps],
  };
  validateActions(session, rel, rule, sql);
  if (existing && !n.replace) throw new PgError(SQLSTATE.duplicate_object, `rule "${name}" for relation "${rel.name}" already exists`);
  txn.catalogForWrite().putRule(rule);
  return commandResult('CREATE RULE');
}

/** ON SELECT rules: Postgres 18 keeps them for views' definitions (DefineQueryRewrite's checks). */
function selectRule(rel: RelationDef, n: AnyNode, name: string, actions: AnyNode[], qual: AnyNode | undefined): never {
  if (rel.kind !== 'v') {
    throw new PgError(SQLSTATE.wrong_object_type, `relation "${rel.name}" cannot have ON SELECT rules`, { detail: `This operation is not supported for ${KIND_DETAIL[rel.kind]}.` });
  }
  if (actions.length > 1) throw new PgError(SQLSTATE.feature_not_supported, 'multiple actions for rules on SELECT are not implemented');
  if (!n.instead || actions.length === 0 || !actions[0].SelectStmt) throw new PgError(SQLSTATE.feature_not_supported, 'rules on SELECT must have action INSTEAD SELECT');
  if (qual) throw new PgError(SQLSTATE.feature_not_supported, 'event qualifications are not implemented for rules on SELECT');
  if (n.replace && name === '_RETURN') throw featureNotSupported('CREATE OR REPLACE RULE "_RETURN" on a view');
  throw new PgError(SQLSTATE.object_not_in_prerequisite_state, `"${rel.name}" is already a view`);
}

/**
 * Analyzes each action against OLD / NEW of the relation (nothing runs) for Postgres's
 * CREATE RULE errors; an action's RETURNING must match the relation's columns.
 */
function validateActions(session: Session, rel: RelationDef, rule: RuleDef, sql: string): void {
  const cat = session.catalog();
  const live = rel.columns.filter((c) => !c.dropped);
  // Each action analyzed first (transformRuleStmt), then the RETURNING checks in order (DefineQueryRewrite).
  const described: (StatementResult['fields'] | null | undefined)[] = [];
  for (const action of rule.actions.length ? rule.actions : rule.qual ? [undefined] : []) {
    const p = validationProduct(session, rel, rule, action as AnyNode | undefined);
    if (!p) {
      described.push(undefined);
      continue;
    }
    try {
      described.push(describeStatement(session, { stmt: { [p.kind]: p.body } as never, location: 0, text: sql } as never, sql, []).fields);
    } catch (e) {
      // A target written through rules or triggers, or not updatable, fails when the rule runs.
      if (e instanceof PgError && (e.code === SQLSTATE.object_not_in_prerequisite_state || e.code === SQLSTATE.feature_not_supported)) {
        described.push(undefined);
        continue;
      }
      throw e;
    }
  }
  let haveReturning = false;
  rule.actions.forEach((action, ai) => {
    if (!(Object.values(action as AnyNode)[0] as AnyNode).returningClause) return;
    if (haveReturning) throw new PgError(SQLSTATE.feature_not_supported, 'cannot have multiple RETURNING lists in a rule');
    haveReturning = true;
    if (rule.qual) throw new PgError(SQLSTATE.feature_not_supported, 'RETURNING lists are not supported in conditional rules');
    if (!rule.instead) throw new PgError(SQLSTATE.feature_not_supported, 'RETURNING lists are not supported in non-INSTEAD rules');
    const fields = described[ai];
    if (!fields) return;
    if (fields.length > live.length) throw new PgError(SQLSTATE.invalid_object_definition, 'RETURNING list has too many entries');
    fields.forEach((f, i) => {
      const col = live[i];
      if (f.dataTypeID !== col.type) {
        throw new PgError(SQLSTATE.invalid_object_definition, `RETURNING list's entry ${i + 1} has different type from column "${col.name}"`, {
          detail: `RETURNING list entry has type ${formatType(cat, f.dataTypeID)}, but column has type ${formatType(cat, col.type)}.`,
        });
      }
    });
    if (fields.length < live.length) throw new PgError(SQLSTATE.invalid_object_definition, 'RETURNING list has too few entries');
  });
}

function ruleTarget(session: Session, cat: Catalog, rv: AnyNode, missingOk: boolean, ruleName: string): { rel?: RelationDef; rule?: RuleDef } {
  if (rv.schemaname && schemaMissingSkips(session, cat, [rv.schemaname, rv.relname], missingOk)) return {};
  const rel = lookupRelation(cat, session.searchPath(), { schema: rv.schemaname, name: rv.relname });
  if (!rel) {
    const shown = rv.schemaname ? `${rv.schemaname}.${rv.relname}` : rv.relname;
    if (missingOk) {
      session.notice(new PgError(SQLSTATE.successful_completion, `relation "${shown}" does not exist, skipping`, { severity: 'NOTICE' }));
      return {};
    }
    throw new PgError(SQLSTATE.undefined_table, `relation "${shown}" does not exist`);
  }
  const rule = cat.relationRules(rel.oid).find((r) => r.name === ruleName);
  if (!rule) {
    if (missingOk) {
      session.notice(new PgError(SQLSTATE.successful_completion, `rule "${ruleName}" for relation "${rel.name}" does not exist, skipping`, { severity: 'NOTICE' }));
      return { rel };
    }
    throw new PgError(SQLSTATE.undefined_object, `rule "${ruleName}" for relation "${rel.name}" does not exist`);
  }
  return { rel, rule };
}

/** DROP RULE [IF EXISTS] name ON rel [CASCADE | RESTRICT] (nothing depends on a rule). */
export function dropRule(session: Session, n: AnyNode): StatementResult {
  const txn = session.transaction();
  for (const obj of n.objects as AnyNode[]) {
    const parts = (obj.List.items as AnyNode[]).map((x) => x.String.sval as string);
    const ruleName = parts[parts.length - 1];
    const relParts = parts.slice(0, -1);
    const rv = relParts.length >= 2 ? { schemaname: relParts[relParts.length - 2], relname: relParts[relParts.length - 1] } : { relname: relParts[0] };
    const found = lookupRelation(txn.catalog, session.searchPath(), { schema: rv.schemaname, name: rv.relname });
    if (found && ruleName === '_RETURN' && (found.kind === 'v' || found.kind === 'm')) {
      // A view's ON SELECT rule goes only with the view (its internal dependency).
      const word = found.kind === 'v' ? 'view' : 'materialized view';
      throw new PgError(SQLSTATE.dependent_objects_still_exist, `cannot drop rule _RETURN on ${word} ${found.name} because ${word} ${found.name} requires it`, { hint: `You can drop ${word} ${found.name} instead.` });
    }
    const { rel, rule } = ruleTarget(session, txn.catalog, rv, !!n.missing_ok, ruleName);
    if (!rule || !rel) continue;
    checkOwner(txn.catalog, session.currentUser(), rel.owner, 'relation', rel.name);
    txn.catalogForWrite().removeRule(rule.oid);
  }
  return commandResult('DROP RULE');
}

/** ALTER RULE name ON rel RENAME TO new. */
export function renameRule(session: Session, n: AnyNode): StatementResult {
  const txn = session.transaction();
  const newName = truncateIdentifier(n.newname as string);
  // A view's ON SELECT rule ("_RETURN") exists but cannot be renamed, nor can another take its name.
  const view = lookupRelation(txn.catalog, session.searchPath(), { schema: n.relation.schemaname, name: n.relation.relname });
  if (view && (view.kind === 'v' || view.kind === 'm') && (n.subname === '_RETURN' || newName === '_RETURN')) {
    if (newName === '_RETURN') throw new PgError(SQLSTATE.duplicate_object, `rule "${newName}" for relation "${view.name}" already exists`);
    throw new PgError(SQLSTATE.invalid_object_definition, 'renaming an ON SELECT rule is not allowed');
  }
  const { rel, rule } = ruleTarget(session, txn.catalog, n.relation, false, n.subname as string);
  if (txn.catalog.relationRules(rel!.oid).some((r) => r.name === newName)) {
    throw new PgError(SQLSTATE.duplicate_object, `rule "${newName}" for relation "${rel!.name}" already exists`);
  }
  if (rule!.name === '_RETURN' || newName === '_RETURN') throw featureNotSupported('renaming a view\'s _RETURN rule');
  txn.catalogForWrite().putRule({ ...rule!, name: newName });
  return commandResult('ALTER RULE');
}

/**
 * ALTER TABLE ... ENABLE [REPLICA | ALWAYS] / DISABLE RULE name.
 * @returns false when the subcommand is not a rule one.
 */
export function alterTableRule(cat: Catalog, rel: RelationDef, cmd: AnyNode): boolean {
  const states: Record<string, RuleDef['enabled']> = { AT_EnableRule: 'O', AT_EnableAlwaysRule: 'A', AT_EnableReplicaRule: 'R', AT_DisableRule: 'D' };
  const state = states[cmd.subtype as string];
  if (state === undefined) return false;
  const rule = cat.relationRules(rel.oid).find((r) => r.name === cmd.name);
  if (!rule) throw new PgError(SQLSTATE.undefined_object, `rule "${cmd.name}" for relation "${rel.name}" does not exist`);
  cat.putRule({ ...rule, enabled: state });
  return true;
}
