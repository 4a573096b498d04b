/**
 * SQL-level prepared statements: PREPARE name [(types)] AS statement, EXECUTE name [(args)],
 * DEALLOCATE [PREPARE] name | ALL. The statement is analyzed at PREPARE (so its errors show
 * there) and its parameter types fixed; EXECUTE evaluates the arguments, coerces them to those
 * types and runs the statement, which returns its own command tag (`SELECT 1`, `INSERT 0 1`).
 * Prepared statements belong to the session and are not transactional.
 *
 * Postgres counterpart: src/backend/commands/prepare.c (PrepareQuery, ExecuteQuery,
 * EvaluateParams, DeallocateQuery).
 */
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { RawStatement } from '../parser/parse.js';
import type { Session } from '../session/session.js';
import { commandResult, describeStatement, executeStatement, type StatementResult } from '../session/dispatch.js';
import { emptyQuery } from '../nodes/query.js';
import { ParseState } from '../analyze/parse-state.js';
import { transformExpr } from '../analyze/expr.js';
import { canCoerce, coerceTo } from '../analyze/coerce.js';
import { resolveTypeName } from '../analyze/type-name.js';
import { statementState, makeExecContext } from '../session/run-select.js';
import { compileExpr } from '../executor/expr/compile.js';
import { EngineValue } from '../session/params.js';
import { formatType } from '../types/registry.js';
import { OID } from '../types/oids.js';
import { charOffset } from '../analyze/parse-state.js';
import { nowMicros } from '../session/clock.js';

type AnyNode = Record<string, any>;

const PREPARABLE = new Set(['SelectStmt', 'InsertStmt', 'UpdateStmt', 'DeleteStmt', 'MergeStmt']);

/** PREPARE name [(type, ...)] AS statement. */
export function prepareStatement(session: Session, n: AnyNode, sql: string, st: RawStatement): StatementResult {
  const name = n.name as string;
  if (session.prepared.has(name)) throw new PgError(SQLSTATE.duplicate_prepared_statement, `prepared statement "${name}" already exists`);
  const kind = Object.keys(n.query)[0];
  if (!PREPARABLE.has(kind)) throw featureNotSupported(`PREPARE of ${kind.replace(/Stmt$/, '')}`);
  const position = (loc: number | undefined) => (loc === undefined || loc < 0 ? undefined : String(charOffset(sql, loc) + 1));
  const declared = ((n.argtypes ?? []) as AnyNode[]).map((t) => resolveTypeName(session.catalog(), session.searchPath(), t.TypeName, position).oid);
  const inner: RawStatement = { stmt: n.query, location: st.location, text: st.text };
  const infer = session.inferParams;
  session.inferParams = true;
  let paramTypes: number[];
  let resultTypes: number[] | null;
  try {
    const desc = describeStatement(session, inner, sql, declared);
    paramTypes = desc.paramTypes;
    resultTypes = desc.fields?.map((f) => f.dataTypeID) ?? null;
  } finally {
    session.inferParams = infer;
  }
  session.prepared.set(name, { name, stmt: inner, sql, paramTypes, statement: st.text, prepareTime: nowMicros(session.clock), resultTypes, executions: 0 });
  return commandResult('PREPARE');
}

/** EXECUTE name [(expression, ...)]: the statement's own result. */
export function executePrepared(
  session: Session,
  n: AnyNode,
  sql: string,
  run: (stmt: RawStatement, sql: string, params: readonly unknown[], paramTypes: number[]) => StatementResult = (st, text, params, types) => executeStatement(session, st, text, params, types),
): StatementResult {
  const name = n.name as string;
  const p = session.prepared.get(name);
  if (!p) throw new PgError(SQLSTATE.invalid_sql_statement_name, `prepared statement "${name}" does not exist`);
  p.executions = (p.executions ?? 0) + 1;
  const args = (n.params ?? []) as AnyNode[];
  if (args.length !== p.paramTypes.length) {
    throw new PgError(SQLSTATE.syntax_error, `wrong number of parameters for prepared statement "${name}"`, {
      detail: `Expected ${p.paramTypes.length} parameters but got ${args.length}.`,
    });
  }
  const state = statementState(session, sql, []);
  const ps = new ParseState(state, emptyQuery('select'));
  const cat = state.catalog;
  const ctx = makeExecContext(session, []);
  const values = args.map((a, i) => {
    const e = transformExpr(ps, a);
    const want = p.paramTypes[i] || OID.text;
    if (!canCoerce(cat, e.type, want, 'assignment')) {
      throw new PgError(SQLSTATE.datatype_mismatch, `parameter $${i + 1} of type ${formatType(cat, e.type)} cannot be coerced to the expected type ${formatType(cat, want)}`, {
        hint: 'You will need to rewrite or cast the expression.',
        position: ps.position(e.location),
      });
    }
    const c = coerceTo(ps, cat, e, want, -1, 'assignment', e.location);
    return new EngineValue(compileExpr(c, { depth: 0, offsets: [] })([], ctx));
  });
  const infer = session.inferParams;
  session.inferParams = true;
  try {
    return run(p.stmt, p.sql, values, p.paramTypes);
  } finally {
    session.inferParams = infer;
  }
}

/** DEALLOCATE [PREPARE] name | ALL. */
export function deallocate(session: Session, n: AnyNode): StatementResult {
  if (n.isall || n.name === undefined) {
    session.deallocateAll();
    return commandResult('DEALLOCATE ALL');
  }
  if (!session.prepared.delete(n.name)) throw new PgError(SQLSTATE.invalid_sql_statement_name, `prepared statement "${n.name}" does not exist`);
  return commandResult('DEALLOCATE');
}
