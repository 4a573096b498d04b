/**
 * The one interface every benchmarked engine implements: start a fresh empty database, run
 * scripts and parameterized queries, offer per-test reset strategies, close.
 *
 * Postgres counterpart: none (a benchmark seam, shaped like Kysely's `Driver`: a small required
 * core plus optional capabilities). Adapters import their engine package lazily inside `start()`,
 * so the first `start()` of a process measures a genuinely cold engine.
 */

/** What `query` returns; only `rows` is read. */
export interface QueryResultLike {
  readonly rows: readonly unknown[];
}

/** One open database (an instance, a connection to a fresh database, ...). */
export interface EngineSession {
  /** Runs a script of one or more statements, results ignored. */
  exec(sql: string): Promise<void>;
  /** Runs one statement; with `params` it is parameterized ($1...). */
  query(sql: string, params?: readonly unknown[]): Promise<QueryResultLike>;
  /** The per-test reset strategies this session supports (possibly none). */
  resetStrategies(): readonly ResetStrategy[];
  close(): Promise<void>;
}

/** What a reset strategy may need to rebuild the seeded state (only TRUNCATE needs it). */
export interface ResetContext {
  /** Seed script that recreates the fixture after the tables are emptied. */
  readonly seedSql: string;
}

/** A way to give every test a clean copy of the seeded state. */
export interface ResetStrategy {
  /** Short id, e.g. `fork`, `restore`, `rollback`, `backup-restore`, `clone`, `truncate`, `template`. */
  readonly name: string;
  /** One line on what is timed. */
  readonly description: string;
  /** Captures the current (seeded) state; called once before the timed cycles. */
  prepare(ctx: ResetContext): Promise<ResetRun>;
}

/** A prepared strategy. */
export interface ResetRun {
  /**
   * Runs one simulated test: obtains a clean session (timed), hands it to `test` (not timed),
   * cleans up (timed only if it is part of the reset). Resolves to the timed milliseconds.
   */
  cycle(test: (session: EngineSession) => Promise<void>): Promise<number>;
  /** Copy strategies only: a clean copy the caller keeps (and closes), for memory per copy. */
  hold?(): Promise<EngineSession>;
  dispose(): Promise<void>;
}

/** A memory reading taken outside this process (e.g. a server's processes). */
export interface ExternalMemory {
  /** Proportional set size in bytes, summed over the processes. */
  readonly bytes: number;
  readonly label: string;
}

/** A benchmarked engine. */
export interface EngineAdapter {
  /** Id used on the command line and in results (`fauxgres`, `pg-mem`, `pglite`, `postgres`, ...). */
  readonly name: string;
  /** One line for the report: what is measured and through which client. */
  readonly description: string;
  /** A fresh, empty database. The first call in a process loads the engine (cold). */
  start(): Promise<EngineSession>;
  /** Engine and client versions, for the report. */
  versions(): Promise<Record<string, string>>;
  /** Memory held outside this process on behalf of the engine (real Postgres server). */
  externalMemory?(): Promise<ExternalMemory>;
  /** Size in bytes of a table including its indexes, when the engine can tell (pg_total_relation_size). */
  relationBytes?(session: EngineSession, table: string): Promise<number | undefined>;
  /** Releases process-level resources (servers). Idempotent. */
  shutdown(): Promise<void>;
}

/** Thrown by `start()` when an engine cannot run here; the run records it as unavailable, not failed. */
export class EngineUnavailable extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'EngineUnavailable';
  }
}
