/**
 * What running expressions may ask of the session: settings, the catalog version in use, the
 * transaction's timestamps, sequences, randomness. The session implements it; expression code
 * depends only on this interface.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { IoContext } from '../types/type-io.js';
import type { PgError } from '../errors/pg-error.js';

export interface MaterializedCte {
  readonly columns: readonly { name: string; type: number; typmod: number }[];
  readonly rows: readonly (readonly unknown[])[];
  /** A data-modifying WITH query without RETURNING: naming it is an error. */
  readonly noReturning?: boolean;
}

export interface SessionContext {
  readonly io: IoContext;
  catalog(): Catalog;
  searchPath(): readonly string[];
  currentUser(): string;
  sessionUser(): string;
  /** Transaction start, microseconds since 2000-01-01 UTC (now(), current_timestamp). */
  transactionTimestamp(): bigint;
  /** Statement start (statement_timestamp()). */
  statementTimestamp(): bigint;
  /** Wall clock (clock_timestamp()), from the database's clock. */
  clockTimestamp(): bigint;
  random(): number;
  nextval(seqOid: number): bigint;
  currval(seqOid: number): bigint;
  setval(seqOid: number, value: bigint, isCalled: boolean): bigint;
  /** The sequence lastval() reads (55000 when none is defined in this session). */
  lastvalSequence(): number;
  /** A sequence relation's row as SELECT * FROM seq shows it: last_value, log_cnt, is_called. */
  sequenceRow(seqOid: number): [bigint, bigint, boolean];
  /** Rows a data-modifying WITH query of the running statement returned (by CTE name). */
  materializedCte(name: string): MaterializedCte | undefined;
  getSetting(name: string, missingOk: boolean): string | null;
  /** A loadable module (an extension's shared library) is used: its custom settings appear. */
  loadLibrary?(library: string): void;
  setSetting(name: string, value: string, isLocal: boolean): string;
  notice(n: PgError): void;
  /** The top-level transaction id, assigned on demand (txid_current(), pg_current_xact_id()). */
  currentXid(): bigint;
  /** Transaction-id facts for the xid functions (see session/xact-info.ts). */
  xactInfo(): import('./xact-info.js').XactInfo;
  backendPid(): number;
  /** Nesting depth of running trigger functions (pg_trigger_depth()). */
  readonly triggerDepth?: number;
  /** The running statement's event-trigger facts, inside an event trigger function. */
  readonly eventTriggerState?: import('../commands/event-trigger-fire.js').EventTriggerState;
  /** pg_advisory_lock and friends (see session/advisory-locks.ts). */
  advisoryLock?(req: import('./advisory-locks.js').AdvisoryRequest): boolean;
  /** pg_advisory_unlock_all(). */
  advisoryUnlockAll?(): void;
  /** pg_blocking_pids(pid): the sessions the given one waits for. */
  blockingPids?(pid: number): readonly number[];
  /** pg_cancel_backend(pid): cancels that session's waiting statement. */
  cancelBackend?(pid: number): boolean;
  databaseName(): string;
  /** Queues a LISTEN / UNLISTEN / NOTIFY on the current transaction (pg_notify). */
  notifyAction(a: import('./notify.js').NotifyAction): void;
  /** pg_listening_channels(). */
  listeningChannels(): string[];
  /** The large-object functions' descriptors and catalog access (lo_open, loread, lo_create ...). */
  largeObjects?(): import('./large-objects.js').LargeObjectHost;
}
