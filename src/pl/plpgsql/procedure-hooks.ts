/**
 * CALL, COMMIT and ROLLBACK inside PL/pgSQL: CALL runs a procedure (non-atomic when its caller
 * is) and copies its OUT / INOUT results back into the variables passed for them; COMMIT /
 * ROLLBACK [AND CHAIN] end the transaction of a non-atomic procedure or DO block and start a
 * new one (refused inside functions, transaction blocks and exception blocks: 2D000).
 *
 * Postgres counterpart: src/pl/plpgsql/src/pl_exec.c (exec_stmt_call, make_callstmt_target,
 * exec_stmt_commit, exec_stmt_rollback).
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { parseScript } from '../../parser/parse.js';
import { analyzeCall, executeCall, outputParams, type AnalyzedCall } from '../../commands/call.js';
import { OID } from '../../types/oids.js';
import { addErrorContext, popContext, pushContext } from '../error-context.js';
import { internalizeError } from '../spi.js';
import { isNonAtomic } from '../atomic.js';
import { Rc } from './frame.js';
import { makeHook } from './expr.js';
import { assignDatum } from './assign.js';
import { openSubxacts } from './stmt-block.js';
import type { CStmt, Compiler } from './compile.js';
import type { Scope } from './scope.js';
import { exprText, type PlNode } from './tree.js';

/** CALL proc(...) inside a body. */
export function runCallStatement(c: Compiler, b: PlNode, scope: Scope): CStmt {
  const text = exprText(b.expr) ?? '';
  let cached: { version: number; call: AnalyzedCall } | undefined;
  return (f) => {
    const cat = f.session.catalog();
    if (!cached || cached.version !== cat.version) {
      const stmt = parseScript(text)[0];
      const n = (stmt.stmt as Record<string, any>).CallStmt;
      try {
        cached = { version: cat.version, call: analyzeCall(f.session, n.funccall, text, c.paramTypes, makeHook(c, scope, f, [])) };
      } catch (e) {
        internalizeError(e, text, 0);
        throw e;
      }
    }
    const call = cached.call;
    // OUT / INOUT arguments must be variables the results can go back into.
    const sigParams = call.def.params.filter((p) => p.mode !== 't' && (p.mode !== 'o' || call.def.kind === 'p'));
    const targets: number[] = [];
    sigParams.forEach((p, i) => {
      if (p.mode !== 'o' && p.mode !== 'b') return;
      const arg = call.expr.args[i];
      if (!arg || arg.kind !== 'Param' || c.datums[arg.index]?.kind === 'row') {
        throw new PgError(SQLSTATE.syntax_error, `procedure parameter "${p.name}" is an output parameter but corresponding argument is not writable`);
      }
      targets.push(arg.index);
    });
    pushContext({ describe: () => `SQL statement "${text}"` });
    let values;
    try {
      if (c.volatile) f.session.transaction().commandCounterIncrement();
      values = executeCall(f.session, call, f.ctx());
    } catch (e) {
      addErrorContext(e);
      throw e;
    } finally {
      popContext();
    }
    const outs = outputParams(call.def);
    targets.forEach((dno, i) => assignDatum(f, c, dno, values[i] ?? null, outs[i]?.type ?? OID.unknown));
    return Rc.Ok;
  };
}

/** COMMIT / ROLLBACK [AND CHAIN] inside a body. */
export function transactionControl(c: Compiler, commit: boolean, chain: boolean): CStmt {
  void c;
  return (f) => {
    const s = f.session;
    if (!isNonAtomic(s)) throw new PgError(SQLSTATE.invalid_transaction_termination, 'invalid transaction termination');
    if ((openSubxacts.get(s) ?? 0) > 0) {
      throw new PgError(SQLSTATE.invalid_transaction_termination, commit ? 'cannot commit while a subtransaction is active' : 'cannot roll back while a subtransaction is active');
    }
    const old = s.txn;
    s.finishTransaction(commit);
    if (chain && old) {
      const t = s.transaction();
      t.isolation = old.isolation;
      t.readOnly = old.readOnly;
    }
    return Rc.Ok;
  };
}
