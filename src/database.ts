/**
 * The session API: `Database.create()`, `db.query()` (node-postgres's arguments and result
 * shape), `db.exec()`, `Database.fromMigrations()`, `db.connect()` for more sessions, `db.fork()`.
 *
 * @example
 * const db = await Database.create();
 * await db.exec(`create table users (id int primary key, email text unique not null)`);
 * await db.query('insert into users values ($1, $2)', [1, 'a@b.c']);
 * const { rows } = await db.query('select * from users'); // [{ id: 1, email: 'a@b.c' }]
 */
import { checkLoginRole } from './commands/role-cmds.js';
import { EventEmitter } from 'node:events';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pgTypes from 'pg-types';
import { initParser } from './parser/parse.js';
import { PgError } from './errors/pg-error.js';
import { DbState } from './session/db-state.js';
import { Session, type ScriptRun } from './session/session.js';
import { hotSelectFor, hotSelectUsable, type HotSelect } from './session/hot-select.js';
import { StatementBlocked } from './session/blocking.js';
import type { StatementResult, ResultField } from './session/dispatch.js';
import { outputFunction } from './session/output.js';
import type { Clock } from './session/clock.js';
import type { Catalog } from './catalog/catalog.js';
import { OID } from './types/oids.js';
import { timestamptzIO } from './types/datetime/timestamp.js';
import { ProtocolServer } from './protocol/server.js';
import { createServer, type FauxgresTcpServer, type TcpServerOptions } from './protocol/tcp.js';
import { pgDropIn, type PgDropIn, type PgModule } from './clients/pg.js';
import { postgresDropIn, type PostgresJsModule } from './clients/postgres.js';
import './functions/builtins/index.js';
import './executor/domain-check.js';
import './functions/citext.js';
import './functions/catalog-functions.js';
import './functions/pgcrypto.js';
import './functions/extensions.js';
import './functions/lock-functions.js';
import './functions/large-objects.js';
import './analyze/cast-registrations.js';

export interface DatabaseOptions {
  /** Receives NOTICE / WARNING messages (as PgError objects with `severity`). */
  onNotice?: (notice: PgError) => void;
  /** Fix the clock: now() returns this instant (Date or ISO string) until changed. */
  now?: Date | string;
  /** Seed for random() and gen_random_uuid(). */
  seed?: number;
  /** The database's name (current_database(), three-part names); default `postgres`. */
  database?: string;
}

export type TypeParser = (value: string) => unknown;

export interface QueryConfig {
  text: string;
  values?: readonly unknown[];
  rowMode?: 'array';
  types?: { getTypeParser: (oid: number, format?: string) => TypeParser };
  name?: string;
}

export interface QueryResult<R = Record<string, unknown>> {
  /** node-postgres's command: the first word of the tag (`CREATE`). */
  command: string;
  /** The full command tag name, as Postgres sends it (`CREATE TABLE`), without row counts. */
  commandTag: string;
  rowCount: number | null;
  oid: number | null;
  fields: ResultField[];
  rows: R[];
  rowAsArray: boolean;
}

function defaultParser(oid: number): TypeParser {
  return pgTypes.getTypeParser(oid, 'text') as TypeParser;
}

const identity = (v: unknown): unknown => v;
/** Year 1 AD in microseconds since 2000: before it, Dates go through the text form. */
const MIN_DIRECT_TS = -63082281600000000n;
const MAX_DIRECT_TS = 8210298412800000000n;

/**
 * Conversions equal to node-postgres's default parser applied to Postgres's text output, for the
 * types where that is cheap to do directly (numbers, strings, booleans, timestamptz instants).
 */
function directConversion(oid: number): ((v: unknown) => unknown) | undefined {
  switch (oid) {
    case OID.int2:
    case OID.int4:
    case OID.text:
    case OID.varchar:
    case OID.bpchar:
    case OID.name:
    case OID.uuid:
    case OID.bool:
      return identity;
    case OID.timestamptz:
      return (v) => {
        const us = v as bigint;
        if (us < MIN_DIRECT_TS || us > MAX_DIRECT_TS) return defaultParser(OID.timestamptz)(String(timestamptzText(us)));
        // Milliseconds, rounded down as node-postgres's parser does (in doubles while they are exact).
        const n = Number(us);
        if (Number.isSafeInteger(n)) {
          const r = n % 1000;
          return new Date((n - r) / 1000 - (r < 0 ? 1 : 0) + 946684800000);
        }
        let ms = us / 1000n;
        if (us < 0n && ms * 1000n !== us) ms -= 1n;
        return new Date(Number(ms) + 946684800000);
      };
    default:
      return undefined;
  }
}

function timestamptzText(us: bigint): string {
  return timestamptzIO.output(us, { timeZone: 'UTC', dateStyle: 'ISO, MDY', intervalStyle: 'postgres', extraFloatDigits: 1, byteaOutput: 'hex' });
}

function toConfig(textOrConfig: string | QueryConfig, values: readonly unknown[] | undefined): QueryConfig {
  return typeof textOrConfig === 'string' ? { text: textOrConfig, values } : { ...textOrConfig, values: textOrConfig.values ?? values };
}

/** How many texts a connection keeps on its hot path (beyond that it starts over). */
const MAX_HOT = 256;
const NO_VALUES: readonly unknown[] = [];
/** The query config of a plain `query(text, values)`: default parsers, rows as objects. */
const PLAIN: QueryConfig = { text: '' };

function lastResult(results: readonly StatementResult[]): StatementResult {
  return results[results.length - 1] ?? { command: 'EMPTY', rowCount: null, fields: [], rows: [] };
}

type RowObjectMaker = (row: readonly unknown[], convert: readonly ((v: unknown) => unknown)[]) => Record<string, unknown>;

/** rowObjectMaker's functions by field list (null: generic loop; 0: seen once). */
const rowObjectMakers = new WeakMap<readonly ResultField[], RowObjectMaker | null | 0>();

/**
 * A function that builds a result row object for one field list with one object literal: the
 * same object as assigning each column by name in order (node-postgres's parseRow), without a
 * keyed store per column. Made for a field list seen a second time (a cached plan's), so one-off
 * statements compile nothing; lists with a `__proto__` column keep the generic assignments.
 */
function rowObjectMaker(fields: readonly ResultField[]): RowObjectMaker | undefined {
  const make = rowObjectMakers.get(fields);
  if (make) return make;
  if (make === null) return undefined;
  if (make === undefined) {
    rowObjectMakers.set(fields, 0);
    return undefined;
  }
  let made: RowObjectMaker | null = null;
  if (fields.length > 0 && fields.length <= 100 && !fields.some((f) => f.name === '__proto__')) {
    const props = fields.map((f, i) => `${JSON.stringify(f.name)}: (x = r[${i}]) === null || x === undefined ? null : c[${i}](x)`);
    try {
      made = new Function('r', 'c', `let x;\nreturn {\n${props.join(',\n')}\n};`) as RowObjectMaker;
    } catch {
      made = null; // no code generation here (a locked-down runtime): the generic loop
    }
  }
  rowObjectMakers.set(fields, made);
  return made ?? undefined;
}

/** node-postgres's command name: the first word of the tag (`CREATE TABLE` → `CREATE`). */
function nodePgCommand(tag: string): string {
  const sp = tag.indexOf(' ');
  return sp < 0 ? tag : tag.slice(0, sp);
}

/**
 * A session with node-postgres's `query` signature. Emits `notification` events
 * (`{ processId, channel, payload }`) for the channels it LISTENs on, as node-postgres's Client does.
 */
export class Connection extends EventEmitter {
  /** The query that waits for another transaction, and those queued behind it. */
  private queue: Promise<unknown> | undefined;

  constructor(
    readonly session: Session,
    private readonly owner: Database,
  ) {
    super();
    session.onNotification = (n) => this.emit('notification', n);
  }

  /**
   * Runs one statement (or several, without parameters) and returns the last result. A statement
   * that must wait for another session's transaction (a row lock, a unique key being inserted)
   * keeps the promise pending until that transaction ends, then goes on as Postgres does; queries
   * issued meanwhile on this connection run after it, in order.
   */
  query<R = Record<string, unknown>>(textOrConfig: string | QueryConfig, values?: readonly unknown[]): Promise<QueryResult<R>> {
    if (typeof textOrConfig === 'string' && this.queue === undefined) {
      const h = this.hot.get(textOrConfig);
      if (h !== undefined && hotSelectUsable(this.session, h, values === undefined ? 0 : values.length)) return this.runHot<R>(h, values ?? NO_VALUES);
    }
    const cfg = toConfig(textOrConfig, values);
    if (this.queue) return this.enqueue(() => this.runWaiting(cfg.text, cfg.values ?? [], true)).then((r) => this.format<R>(lastResult(r), cfg));
    let run: ScriptRun | undefined;
    try {
      run = this.session.startScript(cfg.text);
      const r = this.format<R>(lastResult(this.session.runScript(cfg.text, cfg.values ?? [], [], undefined, run)), cfg);
      if (typeof textOrConfig === 'string') this.noteHot(textOrConfig, run);
      return Promise.resolve(r);
    } catch (e) {
      if (!(e instanceof StatementBlocked) || run === undefined) return Promise.reject(e);
      const blocked = run;
      return this.enqueue(() => this.resume(blocked, cfg, e)).then((r) => this.format<R>(lastResult(r), cfg));
    }
  }

  /** Single SELECTs this connection ran, by text, for the hot path (hot-select.ts). */
  private readonly hot = new Map<string, HotSelect>();

  private noteHot(text: string, run: ScriptRun): void {
    const h = hotSelectFor(this.session, text, run.stmts);
    if (!h) return;
    if (this.hot.size >= MAX_HOT) this.hot.clear();
    this.hot.set(text, h);
  }

  private runHot<R>(h: HotSelect, values: readonly unknown[]): Promise<QueryResult<R>> {
    try {
      return Promise.resolve(this.format<R>(this.session.runHotSelect(h, values), PLAIN));
    } catch (e) {
      if (!(e instanceof StatementBlocked)) return Promise.reject(e);
      const cfg = { text: h.sql, values };
      return this.enqueue(() => this.resume(this.session.hotRun(h), cfg, e)).then((r) => this.format<R>(lastResult(r), cfg));
    }
  }

  /** Runs a script from inside the queue (waiting in place when a statement must wait). */
  private runWaiting(text: string, values: readonly unknown[], _queued: true): Promise<StatementResult[]> {
    const run = this.session.startScript(text);
    try {
      return Promise.resolve(this.session.runScript(text, values, [], undefined, run));
    } catch (e) {
      if (!(e instanceof StatementBlocked)) return Promise.reject(e);
      return this.resume(run, { text, values }, e);
    }
  }

  /** Waits, then resumes the script at the statement that waited (earlier ones are not run again). */
  private async resume(run: ScriptRun, cfg: QueryConfig, blocked: StatementBlocked): Promise<StatementResult[]> {
    for (;;) {
      await blocked.until;
      try {
        return this.session.runScript(cfg.text, cfg.values ?? [], [], undefined, run);
      } catch (e) {
        if (!(e instanceof StatementBlocked)) throw e;
        blocked = e;
      }
    }
  }

  private enqueue<T>(f: () => Promise<T>): Promise<T> {
    const prev = this.queue ?? Promise.resolve();
    const p = prev.then(f, f);
    const tail = p.then(
      () => undefined,
      () => undefined,
    );
    this.queue = tail;
    void tail.then(() => {
      if (this.queue === tail) this.queue = undefined;
    });
    return p;
  }

  /**
   * Synchronous form of `query`. It cannot wait: a statement that must wait for another session
   * throws StatementBlocked (retry with `query`, or end the other transaction first).
   */
  querySync<R = Record<string, unknown>>(textOrConfig: string | QueryConfig, values?: readonly unknown[]): QueryResult<R> {
    const cfg = toConfig(textOrConfig, values);
    return this.format<R>(lastResult(this.session.runScript(cfg.text, cfg.values ?? [], [])), cfg);
  }

  /** Full command tag results for every statement of a script (as psql would show them). */
  execRaw(sql: string): StatementResult[] {
    return this.session.runScript(sql);
  }

  /** execRaw that waits when a statement must (see `query`). */
  exec(sql: string): Promise<StatementResult[]> {
    if (this.queue) return this.enqueue(() => this.runWaiting(sql, [], true));
    const run = this.session.startScript(sql);
    try {
      return Promise.resolve(this.session.runScript(sql, [], [], undefined, run));
    } catch (e) {
      if (!(e instanceof StatementBlocked)) return Promise.reject(e);
      return this.enqueue(() => this.resume(run, { text: sql }, e));
    }
  }

  /** Value converters per result shape (a cached plan's fields) under the default parsers. */
  private readonly converters = new WeakMap<readonly ResultField[], { cat: Catalog; convert: ((v: unknown) => unknown)[] }>();

  private converterList(fields: readonly ResultField[], cfg: QueryConfig): ((v: unknown) => unknown)[] {
    const cat = this.session.catalog();
    if (!cfg.types) {
      const hit = this.converters.get(fields);
      if (hit?.cat === cat) return hit.convert;
    }
    const getParser = cfg.types?.getTypeParser ?? defaultParser;
    const convert = fields.map((f) => {
      // With node-postgres's default parsers, skip the text round trip where the result is the same.
      const direct = cfg.types ? undefined : directConversion(f.dataTypeID);
      if (direct) return direct;
      const out = outputFunction(this.session, cat, f.dataTypeID);
      const parse = getParser(f.dataTypeID, 'text');
      return (v: unknown) => parse(out(v as never));
    });
    if (!cfg.types) this.converters.set(fields, { cat, convert });
    return convert;
  }

  private format<R>(r: StatementResult, cfg: QueryConfig): QueryResult<R> {
    const asArray = cfg.rowMode === 'array';
    // (no rows, as for most INSERT / UPDATE / DELETE: nothing to convert)
    const rows = r.rows.length === 0 ? [] : this.convertRows<R>(r, cfg, asArray);
    return { command: nodePgCommand(r.command), commandTag: r.command, rowCount: r.rowCount, oid: r.command === 'INSERT' ? 0 : null, fields: r.fields, rows, rowAsArray: asArray };
  }

  private convertRows<R>(r: StatementResult, cfg: QueryConfig, asArray: boolean): R[] {
    const convert = this.converterList(r.fields, cfg);
    const fields = r.fields;
    const n = fields.length;
    const make = asArray ? undefined : rowObjectMaker(fields);
    return r.rows.map((row) => {
      if (make) return make(row, convert) as R;
      if (asArray) {
        const a: unknown[] = new Array(n);
        for (let i = 0; i < n; i++) {
          const v = row[i];
          a[i] = v === null || v === undefined ? null : convert[i](v);
        }
        return a as unknown as R;
      }
      const o: Record<string, unknown> = {};
      for (let i = 0; i < n; i++) {
        const v = row[i];
        o[fields[i].name] = v === null || v === undefined ? null : convert[i](v);
      }
      return o as R;
    });
  }


  close(): Promise<void> {
    this.session.close();
    this.owner.sessions.delete(this);
    return Promise.resolve();
  }
}

/** A saved database state, from `db.snapshot()`, for `db.restore()`. Opaque. */
export class DatabaseSnapshot {
  /** @internal */
  constructor(readonly state: DbState) {}
}

export class Database {
  private openConnections: Set<Connection> | undefined;
  /** Open connections (made on first use: a fork may never open one). */
  get sessions(): Set<Connection> {
    return (this.openConnections ??= new Set());
  }
  private mainConnection: Connection | undefined;

  private constructor(
    readonly state: DbState,
    private readonly clock: Clock,
    private readonly options: DatabaseOptions,
  ) {}

  /** The connection behind `db.query` / `db.exec`, opened on first use (a fork may never need it). */
  private get main(): Connection {
    return (this.mainConnection ??= this.connectSync());
  }

  /** A new, empty database (loads the parser on first use). */
  static async create(options: DatabaseOptions = {}): Promise<Database> {
    await initParser();
    const clock: Clock = {};
    if (options.now !== undefined) clock.fixedMicros = toMicros(options.now);
    if (options.seed !== undefined) clock.seed = options.seed;
    return new Database(new DbState(), clock, options);
  }

  /** A database with the given migration files applied in name order (`supabase/migrations`). */
  static async fromMigrations(dirOrFiles: string | readonly string[], options: DatabaseOptions = {}): Promise<Database> {
    const db = await Database.create(options);
    const files = typeof dirOrFiles === 'string' && statSync(dirOrFiles).isDirectory()
      ? readdirSync(dirOrFiles).filter((f) => f.endsWith('.sql')).sort().map((f) => join(dirOrFiles, f))
      : typeof dirOrFiles === 'string' ? [dirOrFiles] : [...dirOrFiles];
    for (const f of files) await db.exec(readFileSync(f, 'utf8'));
    return db;
  }

  connectSync(): Connection {
    const c = new Connection(new Session(this.state, this.clock, this.options.onNotice, this.options.database ?? 'postgres'), this);
    this.sessions.add(c);
    return c;
  }

  /** A new session (its own transaction state and settings). */
  connect(): Promise<Connection> {
    return Promise.resolve(this.connectSync());
  }

  query<R = Record<string, unknown>>(textOrConfig: string | QueryConfig, values?: readonly unknown[]): Promise<QueryResult<R>> {
    return this.main.query<R>(textOrConfig, values);
  }

  querySync<R = Record<string, unknown>>(textOrConfig: string | QueryConfig, values?: readonly unknown[]): QueryResult<R> {
    return this.main.querySync<R>(textOrConfig, values);
  }

  /** Runs a multi-statement script as one simple query (one implicit transaction). */
  exec(script: string): Promise<void> {
    return this.main.exec(script).then(() => undefined);
  }

  /** An independent copy sharing memory with this one until either writes. */
  fork(): Database {
    if (this.state.status.inProgress.size) {
      throw new Error('fauxgres: fork() while a transaction is open would copy uncommitted state; commit or roll back first');
    }
    return new Database(this.state.fork(), { ...this.clock, rng: undefined }, this.options);
  }

  /**
   * Saves the database's state (schema, data, sequences) in O(number of relations); the snapshot
   * shares memory with the database until either writes. Refused while a transaction is open.
   * @example
   * const clean = db.snapshot();
   * await db.query('delete from users');
   * db.restore(clean); // users are back, even after DDL
   */
  snapshot(): DatabaseSnapshot {
    this.checkQuiet('snapshot()');
    return new DatabaseSnapshot(this.state.fork());
  }

  /**
   * Puts the database back in the state of a snapshot taken from it (or from a database it was
   * forked from), whatever happened since, DDL included. Open sessions stay open; a session with
   * an open transaction makes it refuse. The same snapshot can be restored any number of times.
   */
  restore(snapshot: DatabaseSnapshot): void {
    this.checkQuiet('restore()');
    this.state.restoreFrom(snapshot.state);
  }

  private checkQuiet(what: string): void {
    if (this.state.status.inProgress.size || [...this.state.sessions].some((s) => s.txn)) {
      throw new Error(`fauxgres: ${what} while a transaction is open would capture uncommitted state; commit or roll back first`);
    }
  }

  /** A bare engine session (used by the wire protocol; most code wants `connect()`). */
  openSession(user = 'postgres', dbName = 'postgres'): Session {
    checkLoginRole(this.state.catalog, user);
    const s = new Session(this.state, this.clock, this.options.onNotice, dbName);
    s.user = user;
    s.settings.setSessionUser(user);
    this.protocolSessions.add(s);
    return s;
  }

  /** Ends a session from openSession(): rolls back what it left open. */
  closeSession(s: Session | undefined): void {
    if (!s) return;
    s.close();
    this.protocolSessions.delete(s);
  }

  private protocolSessions = new Set<Session>();
  private protocolServer: ProtocolServer | undefined;

  /** The in-memory protocol server the drop-in clients connect to (trust authentication). */
  server(): ProtocolServer {
    return (this.protocolServer ??= new ProtocolServer(this));
  }

  /**
   * node-postgres `Client` and `Pool` classes (from the project's own `pg`) connected to this
   * database in memory; each connection is its own session.
   * @example const { Pool } = db.pg(); const pool = new Pool(); await pool.query('select 1');
   */
  pg(pgModule?: PgModule): PgDropIn {
    return pgDropIn(this.server(), pgModule);
  }

  /**
   * A postgres.js `sql` (from the project's own `postgres`) connected to this database in memory.
   * @example const sql = db.postgres(); await sql`select ${1}::int as x`;
   */
  postgres(options: Record<string, unknown> = {}, postgresModule?: PostgresJsModule): ReturnType<PostgresJsModule> {
    return postgresDropIn(this.server(), options, postgresModule);
  }

  /** Serves this database over TCP (see createServer). */
  listen(options: TcpServerOptions = {}): Promise<FauxgresTcpServer> {
    return createServer(this, options);
  }

  /** Sets the clock now() reads (undefined: real time). */
  setNow(now: Date | string | undefined): void {
    this.clock.fixedMicros = now === undefined ? undefined : toMicros(now);
  }

  close(): Promise<void> {
    for (const c of [...this.sessions]) void c.close();
    return Promise.resolve();
  }
}

function toMicros(d: Date | string): bigint {
  const ms = typeof d === 'string' ? Date.parse(d) : d.getTime();
  return (BigInt(ms) - 946684800000n) * 1000n;
}
