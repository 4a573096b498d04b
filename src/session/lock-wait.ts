/**
 * Lock waits: what a statement that must wait throws (a StatementBlocked that also says whom it
 * waits for, for deadlock detection), and the session-side wait with Postgres's timers:
 * lock_timeout (55P03), statement_timeout (57014), deadlock_timeout (then the deadlock check:
 * 40P01 when this session's wait closes a cycle of waits), and cancellation (57014).
 *
 * As in Postgres, the deadlock check runs once per wait, deadlock_timeout after the wait began,
 * in the waiting session: so the victim is the session whose check first finds the cycle.
 *
 * Postgres counterpart: src/backend/storage/lmgr/proc.c (ProcSleep, CheckDeadLock),
 * deadlock.c (DeadLockCheck, DeadLockReport), lmgr.c (XactLockTableWait).
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { StatementBlocked } from './blocking.js';

/** A StatementBlocked that knows what it waits for. */
export class LockWaitBlocked extends StatementBlocked {
  constructor(
    until: Promise<unknown>,
    /** Backend pids of the sessions holding what this statement waits for. */
    readonly holders: readonly number[],
    /** What is awaited, as DeadLockReport words it: `ShareLock on transaction 745`. */
    readonly awaited: string,
    /**
     * The wait is for a table lock, which Postgres takes before the statement's snapshot: the
     * retry takes a new one (a row wait keeps the statement's snapshot).
     */
    readonly freshSnapshot = false,
  ) {
    super(until);
  }
}

/** One session's current wait, as the deadlock detector sees it. */
export interface WaitEdge {
  readonly pid: number;
  readonly holders: readonly number[];
  readonly awaited: string;
}

/** The waits of all sessions of a database (pid → its wait). */
export type WaitGraph = Map<number, WaitEdge>;

/**
 * Looks for a cycle of waits through `pid`; returns the cycle's edges starting with pid's own
 * wait, or undefined.
 */
export function findDeadlock(graph: WaitGraph, pid: number): WaitEdge[] | undefined {
  const start = graph.get(pid);
  if (!start) return undefined;
  const path: WaitEdge[] = [];
  const visited = new Set<number>();
  const dfs = (edge: WaitEdge): boolean => {
    path.push(edge);
    for (const h of edge.holders) {
      if (h === pid) return true;
      if (visited.has(h)) continue;
      visited.add(h);
      const next = graph.get(h);
      if (next && dfs(next)) return true;
    }
    path.pop();
    return false;
  };
  return dfs(start) ? path : undefined;
}

/** Postgres's deadlock error for a cycle found by `cycle[0].pid`. */
export function deadlockError(cycle: readonly WaitEdge[]): PgError {
  const lines = cycle.map((e, i) => {
    const next = cycle[(i + 1) % cycle.length].pid;
    // The holder named is the next session in the cycle.
    const blockedBy = e.holders.includes(next) ? next : e.holders[0];
    return `Process ${e.pid} waits for ${e.awaited}; blocked by process ${blockedBy}.`;
  });
  return new PgError(SQLSTATE.deadlock_detected, 'deadlock detected', { detail: lines.join('\n'), hint: 'See server log for query details.' });
}

/** Parses a time setting as SHOW prints it (`1s`, `50`, `2min`) into milliseconds. */
export function settingMillis(v: string | null): number {
  if (!v) return 0;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(us|ms|s|min|h|d)?\s*$/.exec(v);
  if (!m) return 0;
  const mult: Record<string, number> = { us: 0.001, ms: 1, s: 1000, min: 60000, h: 3600000, d: 86400000 };
  return Number(m[1]) * (m[2] ? mult[m[2]] : 1);
}

export interface WaitTimers {
  /** ms; 0 = off. */
  readonly lockTimeout: number;
  /** ms left of statement_timeout; undefined = off. */
  readonly statementTimeLeft: number | undefined;
  readonly deadlockTimeout: number;
}

/**
 * A session's wait in progress. `promise` settles when the awaited holder ends, when a timer
 * fires, or when the wait is cancelled; `error` then says whether the statement fails instead of
 * being retried.
 */
export class SessionWait {
  error: PgError | undefined;
  settled = false;
  readonly promise: Promise<void>;
  private resolve!: () => void;
  private readonly timers: ReturnType<typeof setTimeout>[] = [];

  constructor(
    readonly edge: WaitEdge,
    private readonly graph: WaitGraph,
    blocked: StatementBlocked,
    timers: WaitTimers,
  ) {
    this.promise = new Promise<void>((r) => (this.resolve = r));
    graph.set(edge.pid, edge);
    blocked.until.then(
      () => this.finish(undefined),
      () => this.finish(undefined),
    );
    if (timers.statementTimeLeft !== undefined) {
      this.timer(Math.max(0, timers.statementTimeLeft), () => new PgError(SQLSTATE.query_canceled, 'canceling statement due to statement timeout'));
    }
    if (timers.lockTimeout > 0) {
      this.timer(timers.lockTimeout, () => new PgError(SQLSTATE.lock_not_available, 'canceling statement due to lock timeout'));
    }
    this.timer(timers.deadlockTimeout, () => {
      const cycle = findDeadlock(this.graph, this.edge.pid);
      return cycle ? deadlockError(cycle) : undefined;
    });
  }

  private timer(ms: number, make: () => PgError | undefined): void {
    const t = setTimeout(() => {
      if (this.settled) return;
      const err = make();
      if (err) this.finish(err);
    }, ms);
    this.timers.push(t);
  }

  /** Ends the wait: with an error the statement fails, without one it is retried. */
  finish(error: PgError | undefined): void {
    if (this.settled) return;
    this.settled = true;
    this.error = error;
    for (const t of this.timers) clearTimeout(t);
    if (this.graph.get(this.edge.pid) === this.edge) this.graph.delete(this.edge.pid);
    this.resolve();
  }
}
