/**
 * Statement dispatch: the one place that maps a parsed statement to the code that runs it.
 * Queries go parse → analyze → plan (cached per text, catalog version and parameter types) →
 * execute; utility statements go to commands/. Anything unknown is 0A000, never ignored.
 * Postgres counterpart: src/backend/tcop/utility.c (ProcessUtility) and pquery.c.
 */
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { stmtKind, type RawStatement } from '../parser/parse.js';
import type { Value } from '../types/values.js';
import { OID } from '../types/oids.js';
import { lookupRelation } from '../analyze/relation.js';
import type { Session } from './session.js';
import { runSelect, prepareSelect, DeferredPlanError, type CachedQuery } from './run-select.js';
import { checkCrossDatabase } from './cross-database.js';
import { charOffset } from '../analyze/parse-state.js';
import { runUtility } from '../commands/utility.js';
import { hoistSetOpInto, selectIntoAsCtas } from '../commands/create-table-as.js';
import { describeFetch } from '../commands/portalcmds.js';
import { checkReadOnlyUtility } from '../commands/transaction-cmds.js';
import { lockUtilityTargets } from '../commands/lock.js';
import { runInsert, runUpdate, runDelete, runWithDmlCtes, hasDmlCte, needsCteRun, describeDml } from '../commands/dml.js';
import { describeExplain, runExplain } from '../commands/explain.js';
import { describeMerge, runMerge } from '../commands/merge.js';
import { checkDmlCteMain, checkMergeRules, runWithRules } from '../rewrite/rules.js';

export interface ResultField {
  name: string;
  tableID: number;
  columnID: number;
  dataTypeID: number;
  dataTypeSize: number;
  dataTypeModifier: number;
  format: 'text';
}

export interface StatementResult {
  /** Full command tag name (`SELECT`, `INSERT`, `CREATE TABLE`). */
  command: string;
  rowCount: number | null;
  fields: ResultField[];
  rows: Value[][];
  /** For INSERT's tag (`INSERT 0 n`). */
  oid?: number;
  /** COPY ... TO STDOUT: the data the protocol sends as CopyData messages. */
  copyOut?: import('../commands/copy.js').CopyOut;
}

const position = (sql: string, loc: number): string | undefined => (loc < 0 ? undefined : String(charOffset(sql, loc) + 1));

export function executeStatement(session: Session, st: RawStatement, sql: string, params: readonly unknown[], paramTypes: number[]): StatementResult {
  checkCrossDatabase(st, session.dbName, sql, position);
  const kind = stmtKind(st);
  const body = (st.stmt as Record<string, any>)[kind] as Record<string, any>;
  if ((kind === 'SelectStmt' || kind === 'InsertStmt' || kind === 'UpdateStmt' || kind === 'DeleteStmt' || kind === 'MergeStmt') && needsCteRun(kind, body)) {
    if (kind !== 'SelectStmt') checkWritable(session, kind.replace('Stmt', '').toUpperCase());
    if (kind !== 'SelectStmt' && session.catalog().rules.size && hasDmlCte(body)) checkDmlCteMain(session, kind, body);
    return runWithDmlCtes(session, kind, body, sql, params, paramTypes, (k, b) => executeStatement(session, { ...st, stmt: { [k]: b } as RawStatement['stmt'] }, sql, params, paramTypes));
  }
  switch (kind) {
    case 'SelectStmt':
      if (body.intoClause || (body.op && body.op !== 'SETOP_NONE')) {
        const b = hoistSetOpInto(body, sql);
        if (b.intoClause) {
          checkReadOnlyUtility(session, 'CreateTableAsStmt', b);
          return runUtility(session, 'CreateTableAsStmt', selectIntoAsCtas(b), sql, st);
        }
      }
      return runSelect(session, st, body, sql, params, paramTypes);
    case 'InsertStmt':
    case 'UpdateStmt':
    case 'DeleteStmt': {
      const word = kind === 'InsertStmt' ? 'INSERT' : kind === 'UpdateStmt' ? 'UPDATE' : 'DELETE';
      checkWritable(session, word, body.relation);
      if (session.catalog().rules.size) {
        const r = runWithRules(session, kind, body, sql, (k, b, s) => executeStatement(session, { ...st, stmt: { [k]: b } as RawStatement['stmt'] }, s, params, paramTypes));
        if (r) return r;
      }
      return kind === 'InsertStmt' ? runInsert(session, body, sql, params, paramTypes) : kind === 'UpdateStmt' ? runUpdate(session, body, sql, params, paramTypes) : runDelete(session, body, sql, params, paramTypes);
    }
    case 'MergeStmt':
      checkWritable(session, 'MERGE', body.relation);
      checkMergeRules(session, body);
      return runMerge(session, body, sql, params, paramTypes);
    case 'ExplainStmt':
      return runExplain(session, body, sql, st, params, paramTypes);
    default:
      checkReadOnlyUtility(session, kind, body);
      lockUtilityTargets(session, kind, body);
      return runUtility(session, kind, body, sql, st);
  }
}

/** What Describe reports for a statement: its parameter types and its result columns. */
export interface StatementDescription {
  /** Declared or inferred parameter types (unresolved ones as text). */
  paramTypes: number[];
  /** Result columns; null when the statement returns no rows (NoData). */
  fields: ResultField[] | null;
  /** For a plain SELECT: its analyzed plan, which Execute may run directly while the catalog is unchanged. */
  select?: CachedQuery;
  /** An error planning raises (constant folding): Postgres plans at Bind, so Bind raises it. */
  planError?: unknown;
}

const textIfUnknown = (t: number): number => (t === 0 || t === OID.unknown ? OID.text : t);

/**
 * Describes a statement without running it: analyzes (and plans, from the caches) queries and DML;
 * utility statements have no parameters and, except SHOW, no result columns.
 * Postgres counterpart: exec_describe_statement_message / UtilityTupleDescriptor.
 */
export function describeStatement(session: Session, st: RawStatement, sql: string, paramTypes: number[]): StatementDescription {
  checkCrossDatabase(st, session.dbName, sql, position);
  const kind = stmtKind(st);
  const body = (st.stmt as Record<string, any>)[kind] as Record<string, any>;
  if ((kind === 'SelectStmt' || kind === 'InsertStmt' || kind === 'UpdateStmt' || kind === 'DeleteStmt' || kind === 'MergeStmt') && hasDmlCte(body)) {
    throw featureNotSupported('Describe of a statement with data-modifying WITH queries');
  }
  switch (kind) {
    case 'SelectStmt': {
      try {
        const c = prepareSelect(session, st, body, sql, paramTypes, true);
        return { paramTypes: c.paramTypes, fields: c.fields, select: c };
      } catch (e) {
        if (e instanceof DeferredPlanError) return { paramTypes: e.paramTypes, fields: e.fields, planError: e.error };
        throw e;
      }
    }
    case 'InsertStmt':
    case 'UpdateStmt':
    case 'DeleteStmt':
      return describeDml(session, kind, body, sql, paramTypes);
    case 'MergeStmt':
      return describeMerge(session, body, sql, paramTypes);
    case 'ExecuteStmt': {
      // EXECUTE describes as the prepared statement does, its parameters being its arguments.
      const p = session.prepared.get(body.name);
      if (!p) return { paramTypes: paramTypes.map(textIfUnknown), fields: null };
      const d = describeStatement(session, p.stmt, p.sql, p.paramTypes);
      return { paramTypes: paramTypes.map(textIfUnknown), fields: d.fields };
    }
    case 'FetchStmt':
      return { paramTypes: paramTypes.map(textIfUnknown), fields: describeFetch(session, body) };
    case 'ExplainStmt': {
      // Parameters are typed by the explained statement.
      const fields = describeExplain(body, sql);
      let types = paramTypes.map(textIfUnknown);
      try {
        types = describeStatement(session, { ...st, stmt: body.query }, sql, paramTypes).paramTypes;
      } catch (e) {
        if (!(e instanceof PgError) || e.code !== SQLSTATE.feature_not_supported) throw e;
      }
      return { paramTypes: types, fields };
    }
    case 'VariableShowStmt': {
      const name = String(body.name).toLowerCase();
      const display = ({ timezone: 'TimeZone', 'time zone': 'TimeZone', datestyle: 'DateStyle', intervalstyle: 'IntervalStyle' } as Record<string, string>)[name] ?? name;
      return { paramTypes: paramTypes.map(textIfUnknown), fields: [{ name: display, tableID: 0, columnID: 0, dataTypeID: OID.text, dataTypeSize: -1, dataTypeModifier: -1, format: 'text' }] };
    }
    default:
      return { paramTypes: paramTypes.map(textIfUnknown), fields: null };
  }
}

function checkWritable(session: Session, what: string, target?: { schemaname?: string; relname: string }): void {
  if (session.txn?.readOnly) {
    // Temporary tables may be written in a read-only transaction (ExecCheckXactReadOnly).
    if (target && lookupRelation(session.catalog(), session.searchPath(), { schema: target.schemaname, name: target.relname })?.persistence === 't') return;
    throw new PgError(SQLSTATE.read_only_sql_transaction, `cannot execute ${what} in a read-only transaction`);
  }
}

/** An empty result with just a command tag. */
export function commandResult(command: string, rowCount: number | null = null): StatementResult {
  return { command, rowCount, fields: [], rows: [] };
}

export { featureNotSupported, OID };
