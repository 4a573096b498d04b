/**
 * DO [LANGUAGE plpgsql] $$ ... $$: an anonymous PL/pgSQL block, run once as a procedure would
 * be (it may COMMIT / ROLLBACK when not inside a transaction block). CONTEXT lines name it
 * `inline_code_block`.
 *
 * Postgres counterpart: src/backend/commands/functioncmds.c (ExecuteDoStmt),
 * src/pl/plpgsql/src/pl_handler.c (plpgsql_inline_handler).
 */
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { RawStatement } from '../parser/parse.js';
import type { Session } from '../session/session.js';
import { commandResult, type StatementResult } from '../session/dispatch.js';
import { runDoBlock } from '../pl/plpgsql/exec.js';
import { asProcedureCall } from '../pl/atomic.js';
import { charOffset } from '../analyze/parse-state.js';
import { bodyOffsetMapper } from './function-body.js';

type AnyNode = Record<string, any>;

/** DO statement. */
export function doStatement(session: Session, n: AnyNode, st: RawStatement, sql: string = st.text): StatementResult {
  let body: string | undefined;
  let bodyLocation: number | undefined;
  let language = 'plpgsql';
  for (const a of (n.args ?? []) as AnyNode[]) {
    const d = a.DefElem;
    if (d.defname === 'as') {
      if (body !== undefined) throw new PgError(SQLSTATE.syntax_error, 'conflicting or redundant options');
      body = d.arg.String.sval ?? '';
      bodyLocation = d.location;
    } else if (d.defname === 'language') language = String(d.arg.String.sval).toLowerCase();
  }
  if (body === undefined) throw new PgError(SQLSTATE.syntax_error, 'no inline code specified');
  if (language === 'sql') throw new PgError(SQLSTATE.feature_not_supported, 'language "sql" does not support inline code execution');
  if (language !== 'plpgsql') {
    if (['plpython3u', 'plperl', 'plperlu', 'pltcl', 'plv8'].includes(language)) throw featureNotSupported(`LANGUAGE ${language}`);
    throw new PgError(SQLSTATE.undefined_object, `language "${language}" does not exist`);
  }
  // Grammar errors point into the statement, as for CREATE FUNCTION's body.
  const mapper = bodyOffsetMapper(sql, bodyLocation, body);
  const bodyPos = (off: number) => (mapper ? String(charOffset(sql, mapper(off)) + 1) : undefined);
  asProcedureCall(session, () => runDoBlock(session, st, body, bodyPos));
  return commandResult('DO');
}
