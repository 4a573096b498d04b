/**
 * CREATE TABLE ... AS, SELECT ... INTO and CREATE MATERIALIZED VIEW: the query is analyzed and
 * run, a table (or materialized view) is created with the query's column names, types, typmods
 * and collations, and the rows are written into it. The command tag is `SELECT n` (or the bare
 * `CREATE TABLE AS` / `CREATE MATERIALIZED VIEW` with WITH NO DATA or IF NOT EXISTS skipping).
 * Postgres counterpart: src/backend/commands/createas.c (and matview.c for REFRESH).
 * Known gaps: USING access method and TABLESPACE are 0A000.
 */
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { RawStatement } from '../parser/parse.js';
import type { RelationDef } from '../catalog/objects.js';
import type { Session } from '../session/session.js';
import { commandResult, type StatementResult } from '../session/dispatch.js';
import { prepareSelect, runPreparedSelect } from '../session/run-select.js';
import { LockMode } from '../storage/lock-manager.js';
import type { Value } from '../types/values.js';
import { createTable } from './create-table.js';
import { truncateIdentifier } from './naming.js';
import { creationNamespace } from '../analyze/relation.js';
import { charOffset } from '../analyze/parse-state.js';
import { relationsUsed } from './view.js';
import { columnDependencies, newViewBinding } from '../rewrite/view-binding.js';
import { statementState } from '../session/run-select.js';
import { transformSelectStmt } from '../analyze/select.js';
import { executePrepared } from './prepare.js';
import { tempNamespace } from './temp-tables.js';
import type { CachedQuery } from '../session/run-select.js';

type AnyNode = Record<string, any>;

/** SELECT ... INTO new_table: the same as CREATE TABLE new_table AS SELECT ... (without INTO). */
export function selectIntoAsCtas(body: AnyNode): AnyNode {
  const into = body.intoClause as AnyNode;
  const query = { ...body };
  delete query.intoClause;
  return { query: { SelectStmt: query }, into, objtype: 'OBJECT_TABLE', is_select_into: true };
}

/** Finds an INTO clause where Postgres does not allow one (a later arm of a set operation): 42601. */
export function hoistSetOpInto(body: AnyNode, sql: string): AnyNode {
  if (!body.op || body.op === 'SETOP_NONE') return body;
  // INTO on the leftmost SELECT belongs to the whole statement.
  let left = body;
  const path: AnyNode[] = [];
  while (left.op && left.op !== 'SETOP_NONE') {
    path.push(left);
    left = left.larg;
  }
  const check = (n: AnyNode | undefined): void => {
    if (!n) return;
    if (n.intoClause) {
      const loc = n.intoClause.rel?.location;
      throw new PgError(SQLSTATE.syntax_error, 'INTO is only allowed on first SELECT of UNION/INTERSECT/EXCEPT', { position: loc === undefined ? undefined : String(charOffset(sql, loc) + 1) });
    }
    if (n.op && n.op !== 'SETOP_NONE') {
      check(n.larg);
      check(n.rarg);
    }
  };
  for (const p of path) check(p.rarg);
  if (!left.intoClause) return body;
  // Rebuild the tree with the INTO moved to the top.
  const rebuild = (n: AnyNode): AnyNode => {
    if (n === left) {
      const c = { ...n };
      delete c.intoClause;
      return c;
    }
    return { ...n, larg: rebuild(n.larg) };
  };
  return { ...rebuild(body), intoClause: left.intoClause };
}

/**
 * Runs the query of a CREATE TABLE AS / MATERIALIZED VIEW and returns its columns and rows
 * (no rows with WITH NO DATA, but the query is still analyzed and planned).
 */
function runQuery(session: Session, st: RawStatement, n: AnyNode, sql: string, withData: boolean, matview: boolean) {
  const q = n.query as AnyNode;
  if (q.ExecuteStmt) return runExecute(session, q.ExecuteStmt as AnyNode, sql, withData);
  if (!q.SelectStmt) throw featureNotSupported('this CREATE TABLE AS query');
  const body = hoistSetOpInto(q.SelectStmt, sql);
  if (body.intoClause) throw new PgError(SQLSTATE.syntax_error, 'SELECT ... INTO is not allowed here', { position: String(charOffset(sql, body.intoClause.rel?.location ?? 0) + 1) });
  // WITH NO DATA only analyzes the query: nothing is folded, planned or run (1/0 is fine).
  if (!withData) {
    const query = transformSelectStmt(statementState(session, sql, []), body);
    if (matview) checkMatviewQuery(session, query);
    return { c: { query }, rows: [], body };
  }
  const c = prepareSelect(session, st, body, sql, []);
  if (matview) checkMatviewQuery(session, c.query);
  return { c, rows: runPreparedSelect(session, c, []).rows, body };
}

/** Analysis of the query alone (for its errors), as Postgres analyzes it before CreateTableAsRelExists. */
function analyzeOnly(session: Session, n: AnyNode, sql: string): void {
  const q = n.query as AnyNode;
  if (!q.SelectStmt) return;
  const body = hoistSetOpInto(q.SelectStmt, sql);
  if (body.intoClause) return;
  const query = transformSelectStmt(statementState(session, sql, []), body);
  if (n.objtype === 'OBJECT_MATVIEW') checkMatviewQuery(session, query);
}

/** CREATE TABLE ... AS EXECUTE name (args): the prepared SELECT, run with its parameters (ExecuteQuery with an INTO). */
function runExecute(session: Session, ex: AnyNode, sql: string, withData: boolean) {
  let out: { c: CachedQuery; rows: Value[][]; body: AnyNode } | undefined;
  executePrepared(session, ex, sql, (stmt, text, params, paramTypes) => {
    const body = (stmt.stmt as AnyNode).SelectStmt as AnyNode | undefined;
    if (!body || body.intoClause) throw new PgError(SQLSTATE.wrong_object_type, 'prepared statement is not a SELECT');
    const c = prepareSelect(session, stmt, body, text, paramTypes);
    out = { c, rows: withData ? (runPreparedSelect(session, c, params).rows as Value[][]) : [], body };
    return commandResult('SELECT', out.rows.length);
  });
  return out!;
}

/**
 * CreateTableAsRelExists, before the query is planned or run: 42P07 when the relation exists, or
 * (IF NOT EXISTS) the skipping NOTICE and true.
 */
export function ctasRelationExists(session: Session, n: AnyNode, sql: string, analyze?: () => void): boolean {
  const rv = n.into.rel as AnyNode;
  const name = truncateIdentifier(rv.relname);
  const txn = session.transaction();
  const pos = (loc: number | undefined) => (loc === undefined || loc < 0 ? undefined : String(charOffset(sql, loc) + 1));
  const ns = rv.relpersistence === 't' ? tempNamespace(session, false) : creationNamespace(txn.catalog, session.searchPath(), { schema: rv.schemaname, name }, pos(rv.location));
  if (ns === undefined || !txn.catalog.relationIn(ns, name)) return false;
  analyze?.();
  if (!n.if_not_exists) throw new PgError(SQLSTATE.duplicate_table, `relation "${name}" already exists`);
  session.notice(new PgError(SQLSTATE.duplicate_table, `relation "${name}" already exists, skipping`, { severity: 'NOTICE' }));
  return true;
}

/** CREATE TABLE AS / SELECT INTO / CREATE MATERIALIZED VIEW; `precomputed`: the query's rows, already run (EXPLAIN ANALYZE). */
export function createTableAs(session: Session, n: AnyNode, sql: string, st: RawStatement, precomputed?: Value[][]): StatementResult {
  const into = n.into as AnyNode;
  const rv = into.rel as AnyNode;
  const matview = n.objtype === 'OBJECT_MATVIEW';
  const tag = matview ? 'CREATE MATERIALIZED VIEW' : 'CREATE TABLE AS';
  const pos = (loc: number | undefined) => (loc === undefined || loc < 0 ? undefined : String(charOffset(sql, loc) + 1));
  if (into.accessMethod) throw featureNotSupported('USING access method', rv.location);
  if (into.tableSpaceName) throw featureNotSupported('TABLESPACE', rv.location);
  if (matview && rv.relpersistence === 't') throw new PgError(SQLSTATE.feature_not_supported, 'materialized views must not use temporary tables or views');
  const name = truncateIdentifier(rv.relname);
  // The name is checked before the query runs (createas.c: CreateTableAsRelExists), after it is
  // analyzed (its errors come first).
  if (ctasRelationExists(session, n, sql, () => analyzeOnly(session, n, sql))) return commandResult(tag);
  const withData = !into.skipData;
  const { c, rows: ran, body } = runQuery(session, st, n, sql, withData && !precomputed, matview);
  const rows = precomputed ?? ran;
  const tl = c.query.targetList.filter((t) => !t.resjunk);
  const names = ((into.colNames ?? []) as AnyNode[]).map((x) => truncateIdentifier(x.String.sval as string));
  if (names.length > tl.length) throw new PgError(SQLSTATE.syntax_error, 'too many column names were specified');
  const colNodes = tl.map((t, i) => ({
    ColumnDef: {
      colname: names[i] ?? t.name,
      __like: { name: names[i] ?? t.name, type: t.expr.type, typmod: t.expr.typmod, notNull: false, collation: t.expr.collation },
      location: rv.location,
    },
  }));
  let created: RelationDef | undefined;
  let bindingDeps: ReturnType<typeof columnDependencies> | undefined;
  // A materialized view's query is bound to the objects it names now (see rewrite/view-binding.ts).
  const binding = matview ? newViewBinding() : undefined;
  if (binding) {
    const bq = transformSelectStmt({ ...statementState(session, sql, []), inferParams: false, skipSecurity: true, viewBinding: { mode: 'record', b: binding } }, body);
    bindingDeps = columnDependencies(bq, session.catalog());
  }
  createTable(
    session,
    { relation: rv, tableElts: colNodes, options: into.options, oncommit: into.onCommit, if_not_exists: n.if_not_exists },
    sql,
    {
      relkind: matview ? 'm' : 'r',
      view: matview ? { raw: body, text: sql, searchPath: [...session.searchPath()], dependsOn: [...relationsUsed(c.query, new Set())], populated: withData, binding, columnDeps: bindingDeps } : undefined,
      created: (rel) => (created = rel),
    },
  );
  if (!created) return commandResult(tag);
  // (EXECUTE reports the rows it would have written)
  if (!withData) return n.query.ExecuteStmt ? commandResult('SELECT', 0) : commandResult(tag);
  writeRows(session, created, rows);
  return commandResult('SELECT', rows.length);
}

/** Writes the query's rows into a new (or refreshed) relation: no indexes, constraints or triggers apply. */
export function writeRows(session: Session, rel: RelationDef, rows: readonly Value[][]): number[] {
  const txn = session.transaction();
  const heap = txn.heap(rel, LockMode.AccessExclusive);
  const width = rel.columns.length;
  const tids: number[] = [];
  for (const r of rows) {
    const t = heap.insert(r.length === width ? [...r] : r.slice(0, width), txn.writeXid(), txn.cid);
    txn.noteWrite(heap, t.tid);
    tids.push(t.tid);
  }
  if (rows.length) txn.markWrite();
  return tids;
}

/** What Postgres refuses in a materialized view's query. */
function checkMatviewQuery(session: Session, q: AnyNode): void {
  // (analyze.c: transformCreateTableAsStmt, isQueryUsingTempRelation)
  const cat = session.catalog();
  if ([...relationsUsed(q, new Set())].some((oid) => cat.relations.get(oid)?.persistence === 't')) {
    throw new PgError(SQLSTATE.feature_not_supported, 'materialized views must not use temporary tables or views');
  }
  if (q.hasDmlCte) throw new PgError(SQLSTATE.feature_not_supported, 'materialized views must not use data-modifying statements in WITH');
}
