/**
 * Postgres's error context stack: while a function body runs, each level (a PL/pgSQL function
 * at its current statement, the SQL statement or expression it evaluates, a SQL function's
 * statement) pushes a frame that can describe itself. When an error first crosses a frame
 * boundary, every frame on the stack contributes one CONTEXT line, innermost first, and the
 * error keeps that text from then on (re-raising it elsewhere does not change it, as in
 * Postgres, where errfinish runs the callbacks once). Notices take the lines of the stack at the
 * moment they are raised.
 *
 * The engine is synchronous, so one module-level stack serves every session.
 *
 * Postgres counterpart: error_context_stack (src/backend/utils/error/elog.c) and the callbacks
 * of pl_exec.c (plpgsql_exec_error_callback), spi.c (_SPI_error_callback), functions.c
 * (sql_exec_error_callback).
 */
import { PgError } from '../errors/pg-error.js';

/** One level of the stack: its CONTEXT line now, or undefined to contribute none. */
export interface ContextFrame {
  describe(): string | undefined;
}

const stack: ContextFrame[] = [];
const done = new WeakSet<object>();

/** Pushes a frame; pair with popContext in a finally block. */
export function pushContext(f: ContextFrame): void {
  stack.push(f);
}

export function popContext(): void {
  stack.pop();
}

/** Depth of the stack, to restore it after a caught error (see truncateContext). */
export function contextDepth(): number {
  return stack.length;
}

/** Drops frames above `depth` (frames left behind by an exception that unwound past their pops). */
export function truncateContext(depth: number): void {
  stack.length = depth;
}

/** The CONTEXT text the stack gives now (innermost first), or undefined when empty. */
export function currentContext(): string | undefined {
  const lines: string[] = [];
  for (let i = stack.length - 1; i >= 0; i--) {
    const d = stack[i].describe();
    if (d) lines.push(d);
  }
  return lines.length ? lines.join('\n') : undefined;
}

/**
 * Gives an error its CONTEXT lines, once: at the innermost frame boundary it crosses. Context
 * the error already carries (JSON input positions, ...) stays first.
 */
export function addErrorContext(e: unknown): void {
  if (!(e instanceof PgError) || done.has(e)) return;
  done.add(e);
  const ctx = currentContext();
  if (ctx) e.where = e.where ? `${e.where}\n${ctx}` : ctx;
}

/** Marks an error as already having its final context (errors built with an explicit one). */
export function markContextDone(e: PgError): void {
  done.add(e);
}
