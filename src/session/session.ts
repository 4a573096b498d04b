/**
 * A session: one connection's statement loop. Parses (cached), dispatches each statement to the
 * analyzer/planner/executor or to a utility command, and runs the transaction-block state machine
 * (idle, in a block, failed block: 25P02), with implicit transactions around statements outside a
 * block and around a multi-statement query.
 * Postgres counterpart: src/backend/tcop/postgres.c (exec_simple_query) and xact.c's block states.
 */
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { parseScript, stmtKind, type RawStatement } from '../parser/parse.js';
import type { Catalog } from '../catalog/catalog.js';
import type { IoContext } from '../types/type-io.js';
import type { SessionContext } from './session-context.js';
import { Transaction, type IsolationLevel } from './transaction.js';
import type { DbState } from './db-state.js';
import { executeStatement, type StatementResult } from './dispatch.js';
import { runPreparedSelect } from './run-select.js';
import type { HotSelect } from './hot-select.js';
import { nowMicros, randomSource, readClock, readingMicros, type Clock, type ClockReading } from './clock.js';
import { Settings } from './settings.js';
import { StatementBlocked } from './blocking.js';
import type { Notification, NotifyAction, NotifyTarget } from './notify.js';
import { LockWaitBlocked, SessionWait, settingMillis } from './lock-wait.js';
import type { SequenceState } from './db-state.js';
import { setIsolation, setReadOnly } from '../commands/transaction-cmds.js';
import { dropTempObjects, preCommitTempActions, tempSchemaName } from '../commands/temp-tables.js';
import { fireDeferred, runUniqueRechecks } from '../executor/deferred-constraints.js';
import { databaseOid } from '../catalog/system/pg-database.js';
import { advisoryLock, type AdvisoryRequest } from './advisory-locks.js';
import type { LargeObjectHost } from './large-objects.js';
import { settingFact } from './guc.js';
import { isSuperuser } from '../catalog/acl.js';
import { needsPrune, pruneHeap, pruneKey } from '../storage/prune.js';
import { xactInfo, type XactInfo } from './xact-info.js';
import type { Heap } from '../storage/heap.js';
import type { IndexStore } from '../storage/index-store.js';
import type { RelationDef } from '../catalog/objects.js';
import { endTransactionCursors } from './cursors.js';

/** A statement prepared with SQL PREPARE. */
export interface PreparedSqlStatement {
  readonly name: string;
  readonly stmt: RawStatement;
  /** The statement's text (for error positions and pg_prepared_statements). */
  readonly sql: string;
  /** Declared parameter types (0: to be inferred). */
  readonly paramTypes: number[];
  /** The full PREPARE text. */
  readonly statement: string;
  readonly prepareTime: bigint;
  /** Result column types (null when it returns no rows), for pg_prepared_statements. */
  readonly resultTypes?: readonly number[] | null;
  /** How many times it ran (EXECUTE or Bind), for pg_prepared_statements' plan counts. */
  executions?: number;
}

export type NoticeHandler = (n: PgError) => void;

/** client_min_messages's levels, lowest first (LOG ranks below NOTICE for the client). */
const CLIENT_MESSAGE_LEVELS = ['debug5', 'debug4', 'debug3', 'debug2', 'debug1', 'log', 'notice', 'warning', 'error'];

/** The client_min_messages level of a message's severity (RAISE DEBUG is DEBUG1). */
function clientLevelOf(severity: string | undefined): string {
  switch (severity) {
    case 'WARNING': return 'warning';
    case 'LOG': return 'log';
    case 'DEBUG': return 'debug1';
    default: return 'notice';
  }
}

/** A script in progress: its statements, the next to run, the results so far. */
export interface ScriptRun {
  readonly stmts: readonly RawStatement[];
  next: number;
  readonly results: StatementResult[];
  readonly implicit: boolean;
}

export class Session implements SessionContext, NotifyTarget {
  txn: Transaction | undefined;
  /** Inside BEGIN ... COMMIT. */
  inBlock = false;
  /** The running statement is part of a multi-statement query (one implicit transaction). */
  inImplicitBlock = false;

  /** PreventInTransactionBlock: `what` (VACUUM, DISCARD ALL, ...) must run as its own transaction. */
  preventInTransactionBlock(what: string): void {
    if (this.inBlock || this.inImplicitBlock) throw new PgError(SQLSTATE.active_sql_transaction, `${what} cannot run inside a transaction block`);
  }
  /** The block failed; only ROLLBACK (or COMMIT, which rolls back) is accepted. */
  failed = false;
  readonly settings = new Settings();
  /** When the running statement started (converted to microseconds on demand). */
  private statementClock: ClockReading = 0;
  private statementMicros: bigint | undefined;
  private get statementTs(): bigint {
    return (this.statementMicros ??= readingMicros(this.statementClock));
  }
  /** The sequence lastval() reads (the one nextval() last drew from). */
  private lastSeq: number | undefined;
  private readonly currvals = new Map<number, bigint>();
  readonly pid: number;
  user = 'postgres';
  /** Nesting depth of trigger functions running now (pg_trigger_depth()). */
  triggerDepth = 0;
  /** The running statement's event-trigger facts (pg_event_trigger_ddl_commands() and friends). */
  eventTriggerState: import('../commands/event-trigger-fire.js').EventTriggerState | undefined;
  /** For pg_stat_activity: the latest query string, when it started, and whether it is running. */
  activity: { query: string; queryStart: ClockReading | null; running: boolean; stateChange: ClockReading | null; readonly backendStart: bigint } = {
    query: '', queryStart: null, running: false, stateChange: null, backendStart: 0n,
  };
  /** False while running a query that came without parameters: `$n` is then 42P02, as in the simple query protocol. */
  inferParams = true;
  /** The data of a COPY ... FROM STDIN, collected by the wire protocol before the statement runs. */
  copyInData: string | undefined;
  /** close() ran: the session takes no more statements. */
  private closed = false;
  /** Set once the session created its temporary schema (pg_temp_N). */
  hasTempSchema = false;
  /** Temporary tables emptied at every commit (ON COMMIT DELETE ROWS). */
  tempDeleteRows = new Set<number>();
  /** SQL-level prepared statements (PREPARE / EXECUTE / DEALLOCATE). */
  readonly prepared = new Map<string, PreparedSqlStatement>();
  /** Named statements of the extended query protocol (Parse), kept by protocol/backend.ts for pg_prepared_statements. */
  readonly protocolPrepared = new Map<string, PreparedSqlStatement>();
  /** The statement that waited and is to be retried (it keeps its snapshot and start time). */
  private retry: { readonly st: RawStatement; readonly statementClock: ClockReading; readonly startedAt: number; freshSnapshot: boolean } | undefined;
  /** The wait in progress (or just ended, until the statement is retried). */
  private wait: SessionWait | undefined;
  /** Sequence states (and this session's currval/lastval) before the running statement changed them. */
  /**
   * What the running statement's nextval/setval calls changed, to put back if it must wait and
   * retry: per sequence (by oid) its state and this session's currval before (a statement uses few).
   */
  private seqUndo: { seqs: { oid: number; filenode: number; st: SequenceState | undefined; currval: bigint | undefined }[]; lastSeq: number | undefined } | undefined;

  constructor(
    readonly db: DbState,
    readonly clock: Clock,
    /** Where NOTICE / WARNING messages go (the wire protocol sets its own per connection). */
    public onNotice: NoticeHandler | undefined,
    readonly dbName = 'postgres',
  ) {
    this.pid = db.nextPid++;
    db.sessions.add(this);
    // 'now' / 'today' input read the transaction timestamp, as now() does.
    this.settings.io = { ...this.settings.io, currentTimestamp: () => this.transactionTimestamp() } as IoContext;
    this.activity = { query: '', queryStart: null, running: false, stateChange: null, backendStart: nowMicros(clock) };
  }

  get io(): IoContext {
    return this.settings.io;
  }

  // ---- SessionContext ------------------------------------------------------------------------
  catalog(): Catalog {
    return this.txn?.catalog ?? this.db.catalog;
  }
  searchPath(): readonly string[] {
    return this.searchPathInfo().path;
  }
  /** The search path as a string, for plan cache keys (a plan is only valid for the path it was made with; run-select and dml add the I/O settings). */
  searchPathKey(): string {
    return this.searchPathInfo().key;
  }
  private spCache: { changes: number; cat: Catalog; version: number; user: string; path: readonly string[]; key: string } | undefined;
  private searchPathInfo(): { path: readonly string[]; key: string } {
    const cat = this.catalog();
    const c = this.spCache;
    if (c && c.changes === this.settings.changeCount && c.cat === cat && c.version === cat.version && c.user === this.settings.currentUser) return c;
    let path: readonly string[] = this.settings.searchPath();
    // The session's temporary schema is searched first (where search_path names pg_temp: there).
    const temp = this.hasTempSchema ? tempSchemaName(this) : undefined;
    if (temp !== undefined && cat.namespaceOid(temp) !== undefined) {
      const i = path.indexOf('pg_temp');
      if (i < 0) path = [temp, ...path];
      else {
        const out = [...path];
        out[i] = temp;
        path = out;
      }
    }
    // The role is part of the key: privilege checks and row-level security are decided at analysis.
    const user = this.settings.currentUser;
    const info = { changes: this.settings.changeCount, cat, version: cat.version, user, path, key: (user === 'postgres' ? path.join(',') : path.join(',') + '\u0001' + user) + (this.settings.get('row_security', true) === 'off' ? '\u0002' : '') };
    this.spCache = info;
    return info;
  }
  currentUser(): string {
    return this.settings.currentUser;
  }
  sessionUser(): string {
    return this.settings.get('session_authorization', false) as string;
  }
  transactionTimestamp(): bigint {
    return this.txn?.startTimestamp ?? this.statementTs;
  }
  statementTimestamp(): bigint {
    return this.statementTs;
  }
  clockTimestamp(): bigint {
    return nowMicros(this.clock);
  }
  random(): number {
    return randomSource(this.clock)();
  }
  nextval(seqOid: number): bigint {
    if (this.txn?.readOnly && !this.isTempSequence(seqOid)) throw new PgError(SQLSTATE.read_only_sql_transaction, 'cannot execute nextval() in a read-only transaction');
    this.noteSequence(seqOid);
    const v = sequenceNext(this, seqOid);
    this.currvals.set(seqOid, v);
    this.lastSeq = seqOid;
    return v;
  }
  /** Temporary sequences may be drawn from in a read-only transaction (PreventCommandIfReadOnly is skipped for them). */
  private isTempSequence(seqOid: number): boolean {
    return this.catalog().relations.get(seqOid)?.persistence === 't';
  }
  currval(seqOid: number): bigint {
    const v = this.currvals.get(seqOid);
    if (v === undefined) {
      const rel = this.catalog().relations.get(seqOid);
      throw new PgError(SQLSTATE.object_not_in_prerequisite_state, `currval of sequence "${rel?.name ?? seqOid}" is not yet defined in this session`);
    }
    return v;
  }
  setval(seqOid: number, value: bigint, isCalled: boolean): bigint {
    if (this.txn?.readOnly && !this.isTempSequence(seqOid)) throw new PgError(SQLSTATE.read_only_sql_transaction, 'cannot execute setval() in a read-only transaction');
    this.noteSequence(seqOid);
    const v = sequenceSet(this, seqOid, value, isCalled);
    if (isCalled) this.currvals.set(seqOid, v);
    return v;
  }
  /** The sequence lastval() reads: the last one nextval() drew from, if it still exists. */
  lastvalSequence(): number {
    if (this.lastSeq === undefined || !this.catalog().relations.has(this.lastSeq)) {
      throw new PgError(SQLSTATE.object_not_in_prerequisite_state, 'lastval is not yet defined in this session');
    }
    return this.lastSeq;
  }
  /** Set while a statement with data-modifying WITH queries runs. */
  materialized: Map<string, import('./session-context.js').MaterializedCte> | undefined;
  materializedCte(name: string): import('./session-context.js').MaterializedCte | undefined {
    return this.materialized?.get(name);
  }
  sequenceRow(seqOid: number): [bigint, bigint, boolean] {
    const rel = this.catalog().relation(seqOid);
    const st = this.db.sequences.get(rel.filenode);
    if (!st) return [rel.sequence!.start, 0n, false];
    // Postgres pre-allocates 32 values per WAL record; log_cnt counts down from there.
    return [st.last, st.isCalled ? 32n : 0n, st.isCalled];
  }
  getSetting(name: string, missingOk: boolean): string | null {
    const n = name.toLowerCase();
    if (n.startsWith('transaction_')) {
      // The open transaction's characteristics (outside one: the defaults the next one gets).
      const t = this.txn;
      if (n === 'transaction_isolation') return t ? t.isolation : this.settings.get('default_transaction_isolation', false);
      if (n === 'transaction_read_only') return t ? (t.readOnly ? 'on' : 'off') : this.settings.get('default_transaction_read_only', false);
      if (n === 'transaction_deferrable') return t ? (t.deferrable ? 'on' : 'off') : this.settings.get('default_transaction_deferrable', false);
    }
    return this.settings.get(name, missingOk);
  }
  loadLibrary(library: string): void {
    this.settings.loadLibrary(library);
  }
  setSetting(name: string, value: string, isLocal: boolean): string {
    const n = name.toLowerCase();
    if (n === 'transaction_isolation' || n === 'transaction_read_only' || n === 'transaction_deferrable') {
      if (!this.inBlock) {
        this.notice(new PgError(SQLSTATE.no_active_sql_transaction, 'SET TRANSACTION can only be used in transaction blocks', { severity: 'WARNING' }));
        return value;
      }
      if (n === 'transaction_isolation') setIsolation(this, value);
      else if (n === 'transaction_read_only') setReadOnly(this, /^(on|true|1|yes)$/i.test(value));
      else this.transaction().deferrable = /^(on|true|1|yes)$/i.test(value);
      return this.getSetting(n, false) as string;
    }
    // Settings of context `superuser` (lo_compat_privileges, log_* ...) need a superuser (guc.c set_config_with_handle).
    const fact = settingFact(n);
    if (fact?.context === 'superuser' && !isSuperuser(this.catalog(), this.currentUser())) {
      throw new PgError(SQLSTATE.insufficient_privilege, `permission denied to set parameter "${name}"`);
    }
    return this.settings.set(name, value, isLocal);
  }
  /**
   * Sends a NOTICE / WARNING / INFO / LOG / DEBUG message to the client, unless client_min_messages
   * filters it out (INFO always goes through, as in Postgres's elog.c should_output_to_client).
   */
  notice(n: PgError): void {
    if (this.onNotice === undefined) return;
    if (n.severity !== 'INFO') {
      const min = CLIENT_MESSAGE_LEVELS.indexOf((this.settings.get('client_min_messages', true) ?? 'notice').toLowerCase());
      if (CLIENT_MESSAGE_LEVELS.indexOf(clientLevelOf(n.severity)) < min) return;
    }
    this.onNotice(n);
  }
  currentXid(): bigint {
    return BigInt(this.transaction().topXid(true));
  }
  xactInfo(): XactInfo {
    return xactInfo(this.transaction(), this.db.status);
  }
  backendPid(): number {
    return this.pid;
  }
  databaseName(): string {
    return this.dbName;
  }
  private dbOidCache: number | undefined;
  get dbOid(): number {
    return (this.dbOidCache ??= databaseOid(this.dbName, this.dbName));
  }
  /** Advisory locks taken by the running statement, and those a retried statement still holds. */
  readonly advisoryTaken: string[] = [];
  advisoryRetry: string[] = [];
  advisoryLock(req: AdvisoryRequest): boolean {
    return advisoryLock(this.db.status, this, req);
  }
  advisoryUnlockAll(): void {
    this.releaseAdvisoryLocks();
  }
  blockingPids(pid: number): readonly number[] {
    return this.db.waits.get(pid)?.holders ?? [];
  }
  cancelBackend(pid: number): boolean {
    for (const s of this.db.sessions) {
      if ((s as Session).pid === pid) {
        (s as Session).cancelWait(new PgError(SQLSTATE.query_canceled, 'canceling statement due to user request'));
        return true;
      }
    }
    return false;
  }

  /**
   * Sequences are not transactional, but a statement that must wait is undone and retried: what it
   * drew from sequences is given back then (nobody else ran meanwhile), so that the retry draws
   * the same values the one execution in Postgres would.
   */
  private noteSequence(seqOid: number): void {
    const rel = this.catalog().relations.get(seqOid);
    if (!rel) return;
    const u = (this.seqUndo ??= { seqs: [], lastSeq: this.lastSeq });
    for (const s of u.seqs) if (s.oid === seqOid) return;
    u.seqs.push({ oid: seqOid, filenode: rel.filenode, st: this.db.sequences.get(rel.filenode), currval: this.currvals.get(seqOid) });
  }

  private undoSequences(): void {
    const u = this.seqUndo;
    if (!u) return;
    this.seqUndo = undefined;
    for (const { oid, filenode, st, currval } of u.seqs) {
      if (st) this.db.sequences.set(filenode, st);
      else this.db.sequences.delete(filenode);
      if (currval === undefined) this.currvals.delete(oid);
      else this.currvals.set(oid, currval);
    }
    this.lastSeq = u.lastSeq;
  }

  // ---- transactions --------------------------------------------------------------------------
  transaction(): Transaction {
    // The transaction starts when its first statement does (now() = statement_timestamp() then).
    if (!this.txn) {
      const t = new Transaction(this.db, this.statementClock || readClock(this.clock), this.pid, this.dbOid);
      const d = this.txnDefaults();
      if (d.isolation !== 'read committed') t.isolation = d.isolation;
      if (d.readOnly) t.readOnly = true;
      t.settingsJournal = this.settings;
      this.txn = t;
    }
    return this.txn;
  }

  private defaults: { changes: number; isolation: IsolationLevel; readOnly: boolean } | undefined;
  /** default_transaction_isolation / _read_only, re-read only when settings changed. */
  private txnDefaults(): { changes: number; isolation: IsolationLevel; readOnly: boolean } {
    const d = this.defaults;
    if (d && d.changes === this.settings.changeCount) return d;
    const isolation = (this.settings.get('default_transaction_isolation', true) ?? 'read committed') as IsolationLevel;
    const readOnly = this.settings.get('default_transaction_read_only', true) === 'on';
    return (this.defaults = { changes: this.settings.changeCount, isolation, readOnly });
  }

  /** True while a statement of this session waits for another transaction. */
  get waiting(): boolean {
    return this.wait !== undefined && !this.wait.settled;
  }

  /**
   * Ends the wait of a waiting statement with an error (the statement fails when it is retried):
   * a CancelRequest (57014 "canceling statement due to user request").
   */
  cancelWait(error: PgError): boolean {
    const w = this.wait;
    if (!w || w.settled) return false;
    w.finish(error);
    return true;
  }

  /**
   * A statement must wait: undo what it did, remember it for the retry, and start the wait with
   * its timers. Returns what the caller waits for.
   */
  private blockStatement(st: RawStatement, e: StatementBlocked): StatementBlocked {
    this.txn?.undoStatement();
    this.undoSequences();
    if (this.advisoryTaken.length) {
      this.advisoryRetry = [...this.advisoryRetry, ...this.advisoryTaken];
      this.advisoryTaken.length = 0;
    }
    const now = performance.now();
    if (!this.retry) this.retry = { st, statementClock: this.statementClock, startedAt: now, freshSnapshot: false };
    this.retry.freshSnapshot = e instanceof LockWaitBlocked && e.freshSnapshot;
    const stTimeout = settingMillis(this.settings.get('statement_timeout', true));
    const w = new SessionWait(
      { pid: this.pid, holders: e instanceof LockWaitBlocked ? e.holders : [], awaited: e instanceof LockWaitBlocked ? e.awaited : 'a lock' },
      this.db.waits,
      e,
      {
        lockTimeout: settingMillis(this.settings.get('lock_timeout', true)),
        statementTimeLeft: stTimeout > 0 ? stTimeout - (now - this.retry.startedAt) : undefined,
        deadlockTimeout: settingMillis(this.settings.get('deadlock_timeout', true)) || 1000,
      },
    );
    this.wait = w;
    return new StatementBlocked(w.promise);
  }

  /** A waiting statement that will not be retried (the caller moved on): it counts as cancelled. */
  private abandonRetry(): void {
    this.retry = undefined;
    const w = this.wait;
    this.wait = undefined;
    w?.finish(undefined);
    this.releaseStatementLocks();
    this.failStatement();
  }

  /** The statement ended: tuple locks it queued with and its places in lock queues go. */
  private releaseStatementLocks(): void {
    if (this.advisoryTaken.length) this.advisoryTaken.length = 0;
    if (this.advisoryRetry.length) this.advisoryRetry = [];
    const lm = this.db.status.locks;
    if (lm.empty) return;
    lm.releaseAll(this.pid, (h, tag) => !h.xact && tag.startsWith('t:'));
    lm.dequeue(this.pid);
  }

  /**
   * Runs SQL inside the running transaction on behalf of the engine (ON COMMIT DROP, DISCARD,
   * session cleanup): no notices, no transaction-block effects.
   */
  runInternal(sql: string): void {
    const saved = this.onNotice;
    this.onNotice = undefined;
    try {
      const t = this.transaction();
      for (const st of parseScript(sql)) {
        executeStatement(this, st, sql, [], []);
        t.commandCounterIncrement();
      }
    } finally {
      this.onNotice = saved;
    }
  }

  /** DEALLOCATE ALL. */
  deallocateAll(): void {
    this.prepared.clear();
  }

  /** Releases the session's advisory locks (pg_advisory_unlock_all, DISCARD ALL). */
  releaseAdvisoryLocks(): void {
    const lm = this.db.status.locks;
    if (!lm.empty) lm.releaseAll(this.pid, (h, tag) => tag.startsWith('a:'));
  }

  /** DISCARD SEQUENCES: forgets currval / lastval. */
  discardSequences(): void {
    this.currvals.clear();
    this.lastSeq = undefined;
  }

  /** Ends the session: rolls back what is open, drops its temporary tables, releases its locks. */
  close(): void {
    this.closed = true;
    this.db.sessions.delete(this);
    if (this.txn) this.finishTransaction(false);
    this.db.notify.remove(this);
    if (this.hasTempSchema) {
      try {
        dropTempObjects(this);
        this.finishTransaction(true);
      } catch {
        if (this.txn) this.finishTransaction(false);
      }
    }
    const lm = this.db.status.locks;
    if (!lm.empty) {
      lm.releaseAll(this.pid, () => true);
      lm.dequeue(this.pid);
    }
  }

  /**
   * A statement failed. Outside a block its transaction rolls back. Inside one the block fails
   * (25P02 until ROLLBACK); as in Postgres the (sub)transaction aborts at once, so its locks are
   * released now and whoever waited for them goes on.
   */
  private failStatement(): void {
    if (this.inBlock) {
      this.failed = true;
      if (this.txn?.abortOnError()) {
        const lm = this.db.status.locks;
        if (!lm.empty) lm.releaseAll(this.pid, (h) => h.xact);
      }
    } else if (this.txn) this.finishTransaction(false);
  }

  /** After a transaction: prunes the heaps it wrote that gathered enough dead versions. */
  private pruneWritten(heaps: readonly Heap[], hints: Transaction['pruneHints']): void {
    const full = heaps.length > 0 && heaps.some(needsPrune);
    if (!full && !hints) return;
    const status = this.db.status;
    // The oldest xid a snapshot in use (or a running transaction) may still need.
    let horizon = status.nextXid;
    for (const x of status.inProgress) if (x < horizon) horizon = x;
    for (const s of this.db.sessions) {
      const h = s.txn?.snapshotHorizon();
      if (h !== undefined && h < horizon) horizon = h;
    }
    if (hints) for (const h of hints) pruneKey(h.heap, h.index, h.key, horizon, status);
    if (!full) return;
    const cat = this.db.catalog;
    for (const [filenode, heap] of this.db.heaps.ownEntries()) {
      if (!heaps.includes(heap) || !needsPrune(heap)) continue;
      let rel: RelationDef | undefined;
      for (const r of cat.relations.values()) {
        if (r.filenode === filenode && r.kind === 'r') {
          rel = r;
          break;
        }
      }
      if (!rel) continue;
      const idxs: IndexStore[] = [];
      for (const i of cat.relationIndexes(rel.oid)) {
        const store = this.db.indexFor(i.filenode);
        if (store) idxs.push(store);
      }
      pruneHeap(heap, idxs, horizon, status);
    }
  }

  /** ROLLBACK TO SAVEPOINT: the block recovers from an error. */
  rollbackToSavepoint(name: string): boolean {
    if (!this.transaction().rollbackTo(name)) return false;
    this.failed = false;
    return true;
  }

  beginBlock(isolation?: IsolationLevel, readOnly?: boolean): void {
    const t = this.transaction();
    if (isolation) t.isolation = isolation;
    if (readOnly !== undefined) t.readOnly = readOnly;
    this.inBlock = true;
  }

  finishTransaction(commit: boolean): void {
    if (commit && this.txn && !this.failed) {
      // Deferred constraints first (a violation throws: the caller rolls back), then ON COMMIT actions.
      if (this.txn.deferredEvents.length) fireDeferred(this);
      preCommitTempActions(this);
    }
    const t = this.txn;
    const failed = this.failed;
    if (this.wait) {
      this.wait.finish(undefined);
      this.wait = undefined;
      this.retry = undefined;
    }
    this.txn = undefined;
    this.inBlock = false;
    this.failed = false;
    this.settings.endTransaction(commit);
    const lm = this.db.status.locks;
    if (!lm.empty) lm.releaseAll(this.pid, (h) => h.xact);
    if (!t) return;
    endTransactionCursors(this, t, commit && !failed);
    if (this.loHost) this.loHost.descriptors.length = 0;
    if (commit) {
      t.commit();
      if (t.notifyActions.length) this.db.notify.commit(this, t.notifyActions);
    } else t.abort();
    if (t.wantsPrune()) this.pruneWritten(t.writtenHeaps(), t.pruneHints);
    this.db.notify.flush(this);
  }

  // ---- LISTEN / NOTIFY (notify.ts) ---------------------------------------------------------------
  /** Receives this session's notifications when it is outside a transaction. */
  onNotification: ((n: Notification) => void) | undefined;
  inTransaction(): boolean {
    return this.txn !== undefined;
  }
  deliver(n: Notification): void {
    this.onNotification?.(n);
  }
  /** Queues a LISTEN / UNLISTEN / NOTIFY on the current transaction. */
  notifyAction(a: NotifyAction): void {
    this.transaction().notifyActions.push(a);
  }
  listeningChannels(): string[] {
    return this.db.notify.channels(this);
  }

  // ---- large objects (large-objects.ts) -----------------------------------------------------------
  private loHost: LargeObjectHost | undefined;
  largeObjects(): LargeObjectHost {
    return (this.loHost ??= {
      descriptors: [],
      catalog: () => this.catalog(),
      catalogForWrite: (command: string) => {
        if (this.txn?.readOnly) throw new PgError(SQLSTATE.read_only_sql_transaction, `cannot execute ${command} in a read-only transaction`);
        return this.transaction().catalogForWrite();
      },
      newOid: () => this.db.newOid(),
      currentUser: () => this.currentUser(),
      compatPrivileges: () => this.settings.get('lo_compat_privileges', true) === 'on',
    });
  }

  /**
   * Runs a script (one or more statements) as the simple query protocol does: each statement in
   * turn; outside a block the whole script is one implicit transaction. Returns one result per
   * statement; stops at the first error (which is thrown, after rolling back as Postgres does).
   * A statement that must wait throws StatementBlocked; pass the same `run` (from startScript)
   * again after the wait to resume at that statement.
   */
  runScript(sql: string, params: readonly unknown[] = [], paramTypes: number[] = [], onResult?: (r: StatementResult) => void, run: ScriptRun = this.startScript(sql)): StatementResult[] {
    const { stmts, results, implicit } = run;
    const infer = this.inferParams;
    this.inferParams = params.length > 0 || paramTypes.length > 0;
    try {
      while (run.next < stmts.length) {
        this.multiStatement = implicit;
        const r = this.runStatement(stmts[run.next], sql, params, paramTypes, implicit);
        run.next++;
        results.push(r);
        onResult?.(r);
      }
    } finally {
      this.inferParams = infer;
      this.multiStatement = false;
    }
    if (implicit) this.endImplicitTransaction();
    return results;
  }

  /**
   * Runs a hot SELECT (hot-select.ts: the caller checked hotSelectUsable) as runScript runs the
   * one statement of its text, minus parsing, dispatch and the plan lookup. A statement that must
   * wait throws StatementBlocked: resume it with runScript and `hotRun(h)`.
   */
  runHotSelect(h: HotSelect, params: readonly unknown[]): StatementResult {
    const infer = this.inferParams;
    this.inferParams = params.length > 0;
    this.multiStatement = false;
    try {
      return this.runStatement(h.st, h.sql, params, NO_PARAM_TYPES, false, () => runPreparedSelect(this, h.plan, params));
    } finally {
      this.inferParams = infer;
    }
  }

  /** The script run of a hot SELECT, to resume it after a wait. */
  hotRun(h: HotSelect): ScriptRun {
    return { stmts: [h.st], next: 0, results: [], implicit: false };
  }

  /** Parses a script for runScript. */
  startScript(sql: string): ScriptRun {
    const stmts = parseScript(sql);
    return { stmts, next: 0, results: [], implicit: stmts.length > 1 };
  }

  /** Commits the implicit transaction of a multi-statement query or an extended-protocol batch (Sync). */
  endImplicitTransaction(): void {
    if (!this.txn || this.inBlock) return;
    try {
      this.finishTransaction(true);
    } catch (e) {
      if (this.txn) this.finishTransaction(false);
      throw toPgError(e);
    }
  }

  /** The transaction status ReadyForQuery reports: idle, in a block, or in a failed block. */
  get transactionStatus(): 'I' | 'T' | 'E' {
    return this.failed ? 'E' : this.inBlock ? 'T' : 'I';
  }

  /**
   * Runs one parsed statement. Outside a block it is its own transaction unless `implicit` (the
   * caller ends the implicit transaction with endImplicitTransaction()).
   */
  /**
   * The running statement is part of a multi-statement simple query: an implicit transaction
   * block, where DECLARE CURSOR is allowed as in an explicit one (IsTransactionBlock()).
   */
  multiStatement = false;

  runStatement(st: RawStatement, sql: string, params: readonly unknown[], paramTypes: number[], implicit: boolean, exec?: () => StatementResult): StatementResult {
    // A statement still waiting when its session was closed does not run.
    if (this.closed) throw new PgError(SQLSTATE.admin_shutdown, 'terminating connection because the session was closed', { severity: 'FATAL' });
    let retrying = false;
    if (this.retry) {
      if (this.retry.st === st) retrying = true;
      else this.abandonRetry();
    }
    this.statementClock = retrying ? this.retry!.statementClock : readClock(this.clock);
    this.statementMicros = undefined;
    this.seqUndo = undefined;
    const act = this.activity;
    if (!retrying && (act.query !== sql || !act.running)) {
      act.query = sql;
      act.queryStart = this.statementClock;
      act.stateChange = this.statementClock;
    }
    act.running = true;
    const kind = stmtKind(st);
    const isTxnControl = kind === 'TransactionStmt';
    this.inImplicitBlock = implicit;
    if (this.failed && !(isTxnControl && isEndOfBlock(st.stmt))) {
      throw new PgError(SQLSTATE.in_failed_sql_transaction, 'current transaction is aborted, commands ignored until end of transaction block');
    }
    const t = isTxnControl ? this.txn : this.transaction();
    try {
      if (retrying) {
        // The wait ended: by a timeout, a deadlock or a cancel the statement fails; otherwise it goes on.
        const w = this.wait;
        if (w && !w.settled) throw new StatementBlocked(w.promise);
        this.wait = undefined;
        if (w?.error) throw w.error;
      }
      t?.beginStatement(retrying, !NO_SNAPSHOT.has(kind), retrying && this.retry!.freshSnapshot);
      const r = exec ? exec() : executeStatement(this, st, sql, params, paramTypes);
      if (this.txn?.uniqueRechecks.length) runUniqueRechecks(this);
      this.retry = undefined;
      this.releaseStatementLocks();
      if (this.txn) this.txn.commandCounterIncrement();
      if (!this.inBlock && !implicit && this.txn && !isTxnControl) this.finishTransaction(true);
      act.running = false;
      act.stateChange = readClock(this.clock);
      return r;
    } catch (e) {
      // A statement that must wait is retried later, not failed.
      if (e instanceof StatementBlocked) {
        if (this.wait && !this.wait.settled) throw e;
        throw this.blockStatement(st, e);
      }
      this.retry = undefined;
      this.releaseStatementLocks();
      this.failStatement();
      act.running = false;
      act.stateChange = readClock(this.clock);
      throw toPgError(e);
    }
  }
}

const NO_PARAM_TYPES: number[] = [];

/** Statements that run without a snapshot (Postgres's PlannedStmtRequiresSnapshot is false for them). */
const NO_SNAPSHOT = new Set(['TransactionStmt', 'VariableSetStmt', 'VariableShowStmt', 'LockStmt', 'ConstraintsSetStmt', 'ListenStmt', 'NotifyStmt', 'UnlistenStmt', 'PrepareStmt', 'DeallocateStmt', 'DiscardStmt']);

function isEndOfBlock(stmt: object): boolean {
  const k = (stmt as { TransactionStmt: { kind: string } }).TransactionStmt.kind;
  return k === 'TRANS_STMT_ROLLBACK' || k === 'TRANS_STMT_COMMIT' || k === 'TRANS_STMT_ROLLBACK_TO' || k === 'TRANS_STMT_PREPARE';
}

/** Non-PgError exceptions are engine bugs: report them as internal errors (XX000), never hide them. */
export function toPgError(e: unknown): PgError {
  if (e instanceof PgError) return e;
  const err = e as Error;
  if (err instanceof RangeError && /call stack/.test(err.message)) {
    return new PgError(SQLSTATE.statement_too_complex, 'stack depth limit exceeded');
  }
  const pe = new PgError(SQLSTATE.internal_error, `fauxgres internal error: ${err?.message ?? String(e)}`);
  pe.stack = err?.stack;
  return pe;
}

function sequenceNext(s: Session, oid: number): bigint {
  const rel = s.catalog().relations.get(oid);
  if (!rel || rel.kind !== 'S' || !rel.sequence) {
    throw new PgError(SQLSTATE.wrong_object_type, `"${rel?.name ?? oid}" is not a sequence`);
  }
  const seq = rel.sequence;
  const st = s.db.sequences.get(rel.filenode) ?? { last: seq.start, isCalled: false };
  if (!st.isCalled) {
    s.db.sequences.set(rel.filenode, { last: st.last, isCalled: true });
    return st.last;
  }
  let next = st.last + seq.increment;
  if ((seq.increment > 0n && next > seq.max) || (seq.increment < 0n && next < seq.min)) {
    if (!seq.cycle) {
      throw new PgError(
        SQLSTATE.sequence_generator_limit_exceeded,
        `nextval: reached ${seq.increment > 0n ? 'maximum' : 'minimum'} value of sequence "${rel.name}" (${seq.increment > 0n ? seq.max : seq.min})`,
      );
    }
    next = seq.increment > 0n ? seq.min : seq.max;
  }
  s.db.sequences.set(rel.filenode, { last: next, isCalled: true });
  return next;
}

function sequenceSet(s: Session, oid: number, value: bigint, isCalled: boolean): bigint {
  const rel = s.catalog().relations.get(oid);
  if (!rel || rel.kind !== 'S' || !rel.sequence) {
    throw new PgError(SQLSTATE.wrong_object_type, `"${rel?.name ?? oid}" is not a sequence`);
  }
  const seq = rel.sequence;
  if (value < seq.min || value > seq.max) {
    throw new PgError(SQLSTATE.numeric_value_out_of_range, `setval: value ${value} is out of bounds for sequence "${rel.name}" (${seq.min}..${seq.max})`);
  }
  s.db.sequences.set(rel.filenode, { last: value, isCalled });
  return value;
}

export { featureNotSupported };
