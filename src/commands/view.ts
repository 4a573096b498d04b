/**
 * CREATE [OR REPLACE] VIEW: the SELECT is analyzed now (errors surface at creation, column
 * names and types are fixed) and kept as parsed for re-analysis on use.
 * Postgres counterpart: src/backend/commands/view.c.
 */
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { RelationDef } from '../catalog/objects.js';
import type { Session } from '../session/session.js';
import { commandResult, type StatementResult } from '../session/dispatch.js';
import { creationNamespace } from '../analyze/relation.js';
import { transformSelectStmt } from '../analyze/select.js';
import { hoistSetOpInto } from './create-table-as.js';
import { statementState } from '../session/run-select.js';
import { formatType } from '../types/registry.js';
import { truncateIdentifier } from './naming.js';
import { tempTableNamespace } from './temp-tables.js';
import { checkCreateIn } from './create-checks.js';
import { relOptionsOf, viewBoolOption, viewCheckOption } from './reloptions.js';
import { nonUpdatableReason } from '../rewrite/updatable-view.js';
import type { Query } from '../nodes/query.js';
import { applyBinding, columnDependencies, newViewBinding } from '../rewrite/view-binding.js';

type AnyNode = Record<string, any>;

export function relationsUsed(q: unknown, out: Set<number>): Set<number> {
  if (!q || typeof q !== 'object') return out;
  if (Array.isArray(q)) {
    for (const x of q) relationsUsed(x, out);
    return out;
  }
  const o = q as Record<string, unknown>;
  if (o.kind === 'relation' && o.rel && typeof o.rel === 'object') out.add((o.rel as RelationDef).oid);
  // A view depends on the views it names, not on what those read (pg_depend holds direct references).
  if (o.kind === 'subquery' && typeof o.viewOid === 'number') {
    out.add(o.viewOid);
    return out;
  }
  for (const [k, v] of Object.entries(o)) if (k !== 'rel' && k !== 'fn' && k !== 'agg') relationsUsed(v, out);
  return out;
}

export function createView(session: Session, n: AnyNode, sql: string): StatementResult {
  const rv = n.view;
  // WITH [LOCAL | CASCADED] CHECK OPTION is the check_option reloption (DefineView).
  const syntaxCheck = n.withCheckOption === 'LOCAL_CHECK_OPTION' ? 'local' : n.withCheckOption === 'CASCADED_CHECK_OPTION' ? 'cascaded' : undefined;
  const optionDefs = [...((n.options ?? []) as AnyNode[]), ...(syntaxCheck ? [{ DefElem: { defname: 'check_option', arg: { String: { sval: syntaxCheck } } } }] : [])];
  const txn = session.transaction();
  const name = truncateIdentifier(rv.relname);
  if (n.query.SelectStmt && hoistSetOpInto(n.query.SelectStmt, sql).intoClause) throw new PgError(SQLSTATE.feature_not_supported, 'views must not contain SELECT INTO');
  const state = statementState(session, sql, []);
  state.paramTypes.length = 0;
  const binding = newViewBinding();
  // (privileges and policies apply when the view is used, not here)
  const constraintDeps = new Set<number>();
  const q = transformSelectStmt({ ...state, inferParams: false, skipSecurity: true, viewBinding: { mode: 'record', b: binding }, constraintDeps }, n.query.SelectStmt);
  // (sequences read in FROM are no relation entries: the binding names them)
  const dependsOn = [...relationsUsed(q, new Set([...binding.rels.values()].map((r) => r.oid)))];
  // A view over a temporary relation is itself temporary (DefineView), with a NOTICE.
  let temp = rv.relpersistence === 't';
  if (!temp && dependsOn.some((oid) => txn.catalog.relations.get(oid)?.persistence === 't')) {
    temp = true;
    session.notice(new PgError(SQLSTATE.successful_completion, `view "${name}" will be a temporary view`, { severity: 'NOTICE' }));
  }
  if (!temp) checkCreateIn(session, { ...rv, location: -1 }, sql);
  const ns = temp ? tempTableNamespace(session, rv.schemaname, undefined) : creationNamespace(txn.catalog, session.searchPath(), { schema: rv.schemaname, name });
  const existing = txn.catalog.relationIn(ns, name);
  if (existing && !n.replace) throw new PgError(SQLSTATE.duplicate_table, `relation "${name}" already exists`);
  if (existing && existing.kind !== 'v') throw new PgError(SQLSTATE.wrong_object_type, `"${name}" is not a view`);
  if (optionDefs.some((d) => d.DefElem.defname === 'check_option')) refuseCheckOption(q, n.query.SelectStmt);
  const options = relOptionsOf(optionDefs, 'view');
  const checkOption = viewCheckOption(options);
  const tl = q.targetList.filter((t) => !t.resjunk);
  const aliases = ((n.aliases ?? []) as AnyNode[]).map((a) => a.String.sval as string);
  if (aliases.length > tl.length) throw new PgError(SQLSTATE.syntax_error, 'CREATE VIEW specifies more column names than columns');
  const cat = txn.catalogForWrite();
  const columns = tl.map((t, i) => ({ name: aliases[i] ?? t.name, attnum: i + 1, type: t.expr.type, typmod: t.expr.typmod, notNull: false, collation: t.expr.collation }));
  const seen = new Set<string>();
  for (const c of columns) {
    if (seen.has(c.name)) throw new PgError(SQLSTATE.duplicate_column, `column "${c.name}" specified more than once`);
    seen.add(c.name);
  }
  if (existing) {
    const old = existing.columns;
    if (columns.length < old.length) throw new PgError(SQLSTATE.invalid_table_definition, 'cannot drop columns from view');
    old.forEach((c, i) => {
      if (columns[i].name !== c.name) {
        throw new PgError(SQLSTATE.invalid_table_definition, `cannot change name of view column "${c.name}" to "${columns[i].name}"`, { hint: 'Use ALTER VIEW ... RENAME COLUMN ... to change name of view column instead.' });
      }
      if (columns[i].type !== c.type || (columns[i].typmod ?? -1) !== (c.typmod ?? -1)) {
        throw new PgError(SQLSTATE.invalid_table_definition, `cannot change data type of view column "${c.name}" from ${formatType(cat, c.type, c.typmod)} to ${formatType(cat, columns[i].type, columns[i].typmod)}`);
      }
      if ((columns[i].collation ?? '') !== (c.collation ?? '')) {
        throw new PgError(SQLSTATE.invalid_table_definition, `cannot change collation of view column "${c.name}" from "${c.collation ?? ''}" to "${columns[i].collation ?? ''}"`);
      }
    });
  }
  const oid = existing?.oid ?? session.db.newOid();
  const rowType = existing?.rowType ?? session.db.newOid();
  const rel: RelationDef = {
    oid,
    name,
    namespace: ns,
    kind: 'v',
    persistence: temp ? 't' : 'p',
    owner: session.currentUser(),
    columns,
    filenode: 0,
    rowType,
    view: { raw: n.query.SelectStmt, text: sql, searchPath: [...session.searchPath()], dependsOn, binding, columnDeps: columnDependencies(q, txn.catalog), ...(constraintDeps.size ? { constraintDeps: [...constraintDeps] } : {}), checkOption, securityBarrier: viewBoolOption(options, 'security_barrier'), securityInvoker: viewBoolOption(options, 'security_invoker') },
    options,
  };
  cat.putRelation(rel);
  if (!existing) {
    const arr = session.db.newOid();
    cat.putType({ oid: rowType, name, namespace: ns, kind: 'c', owner: rel.owner, arrayType: arr, relation: oid });
    cat.putType({ oid: arr, name: '_' + name, namespace: ns, kind: 'b', owner: rel.owner, elementType: rowType });
  }
  return commandResult('CREATE VIEW');
}

function refuseCheckOption(q: Query, raw: AnyNode): void {
  const reason = nonUpdatableReason(q, raw);
  if (reason) throw new PgError(SQLSTATE.feature_not_supported, 'WITH CHECK OPTION is supported only on automatically updatable views', { hint: reason });
}

/** ALTER VIEW ... SET (check_option = ...): the view's query must be automatically updatable. */
export function checkViewCheckOption(session: Session, view: RelationDef): void {
  const info = view.view!;
  const sub = Object.assign(Object.create(session) as Session, { searchPath: () => info.searchPath });
  const state = statementState(sub, info.text, []);
  state.paramTypes.length = 0;
  refuseCheckOption(transformSelectStmt({ ...state, inferParams: false, skipSecurity: true, ...applyBinding(info) }, info.raw as AnyNode), info.raw as AnyNode);
}
