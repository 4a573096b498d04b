/**
 * CALL, COMMIT and ROLLBACK inside PL/pgSQL: CALL runs a procedure and copies its OUT / INOUT
 * results back into the variables passed for them; COMMIT / ROLLBACK end the transaction of a
 * procedure called by a top-level CALL (or a DO block) and start a new one.
 *
 * Postgres counterpart: src/pl/plpgsql/src/pl_exec.c (exec_stmt_call, exec_stmt_commit,
 * exec_stmt_rollback), commands/functioncmds.c (ExecuteCallStmt).
 */
import { featureNotSupported } from '../../errors/pg-error.js';
import type { CStmt, Compiler } from './compile.js';
import type { Scope } from './scope.js';
import type { PlNode } from './tree.js';

/** CALL proc(...) inside a body. */
export function runCallStatement(c: Compiler, b: PlNode, scope: Scope): CStmt {
  void c;
  void b;
  void scope;
  return () => {
    throw featureNotSupported('CALL inside PL/pgSQL');
  };
}

/** COMMIT / ROLLBACK [AND CHAIN] inside a body. */
export function transactionControl(c: Compiler, commit: boolean, chain: boolean): CStmt {
  void c;
  void chain;
  return () => {
    throw featureNotSupported(commit ? 'COMMIT inside PL/pgSQL' : 'ROLLBACK inside PL/pgSQL');
  };
}
