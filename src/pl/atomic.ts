/**
 * Whether transaction control is allowed where a procedure runs: a CALL (or DO) executed as a
 * top-level statement outside a transaction block is non-atomic, and so are CALLs it makes in
 * turn; anything run from a function, a trigger or an explicit transaction block is atomic
 * (COMMIT there is 2D000 invalid transaction termination).
 *
 * Postgres counterpart: the `atomic` flag of CallContext / InlineCodeBlock
 * (src/backend/commands/functioncmds.c, ExecuteCallStmt) and SPI_connect_ext(SPI_OPT_NONATOMIC).
 */
import type { Session } from '../session/session.js';

const stacks = new WeakMap<Session, boolean[]>();

function stackOf(s: Session): boolean[] {
  let st = stacks.get(s);
  if (!st) {
    st = [];
    stacks.set(s, st);
  }
  return st;
}

/** Whether code running now may COMMIT / ROLLBACK. */
export function isNonAtomic(s: Session): boolean {
  const st = stackOf(s);
  return st.length > 0 && st[st.length - 1];
}

/** Runs `f` in an atomic context (a function call, a trigger). */
export function atomically<T>(s: Session, f: () => T): T {
  const st = stackOf(s);
  st.push(false);
  try {
    return f();
  } finally {
    st.pop();
  }
}

/**
 * Runs a CALL or DO: non-atomic when issued at top level outside a transaction block, or from
 * non-atomic code.
 */
export function asProcedureCall<T>(s: Session, f: () => T): T {
  const st = stackOf(s);
  st.push(st.length === 0 ? !s.inBlock : st[st.length - 1]);
  try {
    return f();
  } finally {
    st.pop();
  }
}
