/**
 * One client connection speaking the PostgreSQL frontend/backend protocol 3.0, server side, over
 * any byte channel: startup (SSL/GSSENC refused with 'N', cancel requests, protocol negotiation),
 * authentication, the simple query protocol (a multi-statement string is one implicit
 * transaction) and the extended protocol (Parse/Bind/Describe/Execute/Close/Sync/Flush with named
 * and unnamed statements and portals, row limits with PortalSuspended, text and binary formats),
 * error recovery that discards messages until Sync and always ends with ReadyForQuery, notices and
 * ParameterStatus reports. Malformed input is FATAL 08P01 and closes only this connection.
 * Messages are processed synchronously as they arrive; output is buffered and flushed at
 * ReadyForQuery, Flush, or when the connection ends, as Postgres does.
 * Postgres counterpart: src/backend/tcop/postgres.c (PostgresMain, exec_simple_query,
 * exec_parse/bind/execute_message), postmaster/backend_startup.c (ProcessStartupPacket).
 * Known gaps: COPY sub-protocol, FunctionCall ('F'), protocol 3.2 (negotiated down to 3.0).
 */
import { randomInt } from 'node:crypto';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { parseScript, stmtKind, type RawStatement } from '../parser/parse.js';
import type { Session } from '../session/session.js';
import { toPgError } from '../session/session.js';
import { StatementBlocked } from '../session/blocking.js';
import { describeStatement, executeStatement, type ResultField, type StatementDescription, type StatementResult } from '../session/dispatch.js';
import { runPreparedSelect } from '../session/run-select.js';
import { nowMicros } from '../session/clock.js';
import { EngineValue } from '../session/params.js';
import type { Catalog } from '../catalog/catalog.js';
import type { IoContext } from '../types/type-io.js';
import { typeInfo } from '../types/registry.js';
import { domainBase } from '../analyze/coerce.js';
import { directOutput, outputFunction } from '../session/output.js';
import type { Value } from '../types/values.js';
import { OID } from '../types/oids.js';
import { writeTimestampIso } from '../types/datetime/timestamp.js';
import { ISO_TIMESTAMP_MAX } from '../types/datetime/format.js';
import { Authenticator, type AuthOptions } from './auth.js';
import { binaryDecoder, binaryEncoder } from './binary-format.js';
import { FieldReader, FrameReader, protocolViolation } from './reader.js';
import { MessageWriter } from './writer.js';
import { copyInColumns, isCopyFromStdin } from '../commands/copy.js';
import { needsCteRun } from '../commands/dml.js';
import { MSG, commandTag, formatOf, returnsRows, writeErrorFields, writeParameterStatus, writeReady, writeRowDescription } from './messages.js';

/** The byte channel a connection talks over (an in-memory pipe or a TCP socket). */
export interface Channel {
  write(chunk: Buffer): void;
  /** Closes the channel after everything written has been delivered. */
  close(): void;
}

/** What a connection needs from the server that accepted it. */
export interface ConnectionHost {
  readonly auth: AuthOptions;
  /** A new session for a user and database name. */
  openSession(user: string, database: string): Session;
  register(conn: BackendConnection): void;
  unregister(conn: BackendConnection): void;
  /** Finds the connection a CancelRequest names. */
  find(pid: number, secret: number): BackendConnection | undefined;
}

interface PreparedStatement {
  readonly sql: string;
  /** Text-format parameter readers for the catalog version they were made on (see textParamDecoders). */
  decoders?: { readonly catalog: Catalog; readonly version: number; readonly fns: readonly (ParamDecoder | undefined)[] };
  /** search_path when it was planned: its plan serves only under the same path. */
  readonly searchPath: string;
  /** Undefined for an empty query string (Execute answers EmptyQueryResponse). */
  readonly stmt: RawStatement | undefined;
  readonly desc: StatementDescription;
}

/** A simple-query string being run statement by statement (it pauses at COPY FROM STDIN). */
interface ScriptState {
  readonly sql: string;
  readonly stmts: readonly RawStatement[];
  next: number;
  readonly implicit: boolean;
  /** Index of the statement whose RowDescription was already sent (when it blocked and is retried). */
  described?: number;
}

/** Text output of a result's columns: the output functions, and which columns skip them. */
interface TextColumns {
  /** Per column: 0 (call the output function) or one of the DIRECT_ kinds. */
  readonly kinds: Uint8Array;
  readonly fns: readonly ((v: Value) => string)[];
}
/** The value is a string that is its own text (text, varchar, bpchar, name). */
const DIRECT_STRING = 1;
/** The value is a JS number printed in decimal (int2, int4). */
const DIRECT_INT = 2;
/** timestamptz / timestamp (bigint microseconds) written by writeTimestampIso when it can. */
const DIRECT_TIMESTAMPTZ = 3;
const DIRECT_TIMESTAMP = 4;

/** Whether a format-code list asks for text only. */
function allText(formats: readonly number[]): boolean {
  for (let i = 0; i < formats.length; i++) if (formats[i] !== 0) return false;
  return true;
}

/** What a statement's description depends on besides its text: the catalog (object and version) and the settings. */
interface DescriptionStamp {
  readonly catalog: Catalog;
  readonly version: number;
  readonly changes: number;
}

function stampOf(s: Session): DescriptionStamp {
  const catalog = s.catalog();
  return { catalog, version: catalog.version, changes: s.settings.changeCount };
}

/** The catalog and settings are still those of the stamp. */
function stampHolds(d: DescriptionStamp, s: Session): boolean {
  const c = s.catalog();
  return d.catalog === c && d.version === c.version && d.changes === s.settings.changeCount;
}

/** Statement kinds an identical unnamed Parse may reuse (their description is a function of the catalog and settings). */
const REUSED_PARSE = new Set(['SelectStmt', 'InsertStmt', 'UpdateStmt', 'DeleteStmt']);

/** Whether `b` equals the bytes of `raw` from `start` on (a JS loop: Buffer.compare costs more for ~100 bytes). */
function sameBytes(raw: Buffer, start: number, b: Buffer): boolean {
  for (let i = b.length - 1; i >= 0; i--) if (raw[start + i] !== b[i]) return false;
  return true;
}

/** An empty format-code list (all text), shared. */
const NO_FORMATS: readonly number[] = [];

/** n format codes; all-text lists (pg sends one 0 per parameter) come back as the shared empty list. */
function readFormats(r: FieldReader, n: number): readonly number[] {
  if (n === 0) return NO_FORMATS;
  const start = r.offset;
  let text = true;
  for (let i = 0; i < n; i++) if (r.int16() !== 0) text = false;
  if (text) return NO_FORMATS;
  const out: number[] = new Array(n);
  const again = new FieldReader(r.raw, start, r.limit);
  for (let i = 0; i < n; i++) out[i] = again.int16();
  return out;
}

/** Only text (0) and binary (1) exist. */
function checkFormats(formats: readonly number[]): void {
  for (let i = 0; i < formats.length; i++) {
    const f = formats[i];
    if (f !== 0 && f !== 1) throw protocolViolationError(`unsupported format code: ${f}`);
  }
}

/** Reads a text-format parameter (bytes `off` to `off + len` of `raw`) as its type's input function does. */
type ParamDecoder = (raw: Buffer, off: number, len: number, io: IoContext) => Value;

/**
 * The text-format parameter readers of a prepared statement: what bindParams does with the text
 * (its type's input function; text and varchar are their own value), with int4 read straight from
 * the bytes when they are plain digits. Undefined for an untyped parameter (typed at run time).
 */
function textParamDecoders(prepared: PreparedStatement, cat: Catalog): readonly (ParamDecoder | undefined)[] {
  const d = prepared.decoders;
  if (d && d.catalog === cat && d.version === cat.version) return d.fns;
  const fns = prepared.desc.paramTypes.map((t): ParamDecoder | undefined => {
    if (t === 0) return undefined;
    if (t === OID.text || t === OID.varchar) return readText;
    const base = domainBase(cat, t);
    const io = typeInfo(cat, base).io;
    const general: ParamDecoder = (raw, off, len, ctx) => io.input(raw.toString('utf8', off, off + len), -1, ctx);
    if (t === OID.int4 && base === OID.int4) return (raw, off, len, ctx) => readPlainInt4(raw, off, len) ?? general(raw, off, len, ctx);
    return general;
  });
  prepared.decoders = { catalog: cat, version: cat.version, fns };
  return fns;
}

const readText: ParamDecoder = (raw, off, len) => raw.toString('utf8', off, off + len);

/** `-?[0-9]{1,9}` as a number; undefined for anything else (int4's input function decides). */
function readPlainInt4(raw: Buffer, off: number, len: number): number | undefined {
  let i = off;
  const end = off + len;
  const neg = raw[i] === 45; // '-'
  if (neg) i++;
  const digits = end - i;
  if (digits < 1 || digits > 9) return undefined;
  let v = 0;
  for (; i < end; i++) {
    const c = raw[i] - 48;
    if (c < 0 || c > 9) return undefined;
    v = v * 10 + c;
  }
  return neg ? -v | 0 : v;
}

/** Statements whose rows are described before they run. */
const ROW_QUERIES = new Set(['SelectStmt', 'InsertStmt', 'UpdateStmt', 'DeleteStmt']);

interface CopyInState {
  readonly stmt: RawStatement;
  readonly sql: string;
  readonly chunks: Buffer[];
  /** Set for the simple protocol: the rest of the query string runs after the COPY. */
  readonly script?: ScriptState;
  /** Set for the extended protocol: the portal that executed the COPY. */
  readonly portal?: Portal;
}

interface Portal {
  readonly name: string;
  readonly prepared: PreparedStatement;
  readonly params: unknown[];
  readonly resultFormats: readonly number[];
  result?: StatementResult;
  sent: number;
}

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 3 << 16;

/** Parameters Postgres reports at startup and whenever they change (GUC_REPORT), in its order. */
const REPORTED: readonly [string, string][] = [
  ['in_hot_standby', 'in_hot_standby'],
  ['integer_datetimes', 'integer_datetimes'],
  ['TimeZone', 'timezone'],
  ['IntervalStyle', 'intervalstyle'],
  ['search_path', 'search_path'],
  ['is_superuser', 'is_superuser'],
  ['application_name', 'application_name'],
  ['default_transaction_read_only', 'default_transaction_read_only'],
  ['scram_iterations', 'scram_iterations'],
  ['DateStyle', 'datestyle'],
  ['standard_conforming_strings', 'standard_conforming_strings'],
  ['session_authorization', 'session_authorization'],
  ['client_encoding', 'client_encoding'],
  ['server_version', 'server_version'],
  ['server_encoding', 'server_encoding'],
];


/** Splits a startup `options` string (`-c name=value --name=value`, backslash escapes spaces). */
function parseStartupOptions(s: string): [string, string][] {
  const words: string[] = [];
  let cur = '';
  let has = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '\\' && i + 1 < s.length) {
      cur += s[++i];
      has = true;
    } else if (/\s/.test(ch)) {
      if (has) words.push(cur);
      cur = '';
      has = false;
    } else {
      cur += ch;
      has = true;
    }
  }
  if (has) words.push(cur);
  const out: [string, string][] = [];
  for (let i = 0; i < words.length; i++) {
    let w = words[i];
    if (w === '-c' && i + 1 < words.length) w = words[++i];
    else if (w.startsWith('-c')) w = w.slice(2);
    else if (w.startsWith('--')) w = w.slice(2);
    else throw new PgError(SQLSTATE.syntax_error, `invalid command-line argument for server process: ${w}`, { severity: 'FATAL', hint: 'Try "postgres --help" for more information.' });
    const eq = w.indexOf('=');
    if (eq < 0) throw new PgError(SQLSTATE.syntax_error, `parameter "${w}" requires a value`, { severity: 'FATAL' });
    out.push([w.slice(0, eq).replace(/-/g, '_'), w.slice(eq + 1)]);
  }
  return out;
}

export class BackendConnection {
  private readonly reader = new FrameReader();
  private readonly out = new MessageWriter();
  private phase: 'startup' | 'auth' | 'ready' | 'closed' = 'startup';
  private auth: Authenticator | undefined;
  private startupParams = new Map<string, string>();
  session: Session | undefined;
  readonly secret = randomInt(0, 0x7fffffff);
  private readonly statements = new Map<string, PreparedStatement>();
  private readonly portals = new Map<string, Portal>();
  /** After an error in the extended protocol: skip messages until Sync. */
  private skipping = false;
  /** A statement is waiting for another transaction; messages queue up meanwhile. */
  private blocked = false;
  /** A COPY ... FROM STDIN waiting for its data (CopyData ... CopyDone / CopyFail). */
  private copyIn: CopyInState | undefined;
  private reported = new Map<string, string>();
  /** Where Bind found each parameter value (reused from message to message). */
  private readonly paramOffsets: number[] = [];
  private readonly paramLengths: number[] = [];
  /** The last unnamed statement parsed, with the Parse message's bytes and what its description depended on. */
  private lastParse: { bytes: Buffer; stamp: DescriptionStamp; prepared: PreparedStatement } | undefined;
  private reportedAt = -1;
  private encoders = new WeakMap<readonly ResultField[], TextColumns>();
  /** Encoded all-text RowDescription messages, per result column list (plans keep theirs). */
  private rowDescriptions = new WeakMap<readonly ResultField[], Buffer>();

  constructor(
    private readonly host: ConnectionHost,
    private readonly channel: Channel,
  ) {}

  get pid(): number {
    return this.session?.pid ?? 0;
  }

  /**
   * Feeds bytes from the client. Never throws: protocol errors close this connection only.
   * Output is sent at ReadyForQuery, Flush, during authentication and when closing; in between it
   * is buffered, as Postgres buffers it.
   */
  receive(chunk: Buffer): void {
    if (this.phase === 'closed') return;
    this.processing = true;
    try {
      this.reader.push(chunk);
      this.drain();
    } catch (e) {
      this.fatal(e);
    } finally {
      this.processing = false;
    }
    if (this.phase !== 'ready') this.flush();
  }

  /** The client went away: roll back whatever was open. */
  disconnected(): void {
    if (this.phase === 'closed') return;
    this.phase = 'closed';
    this.cleanup();
  }

  /**
   * Sends a notification (LISTEN/NOTIFY) to this client: at once when the connection is idle,
   * otherwise just before the next ReadyForQuery, where Postgres sends them.
   */
  notify(pid: number, channel: string, payload: string): void {
    if (this.processing) {
      this.pendingNotifications.push([pid, channel, payload]);
      return;
    }
    this.out.begin(MSG.notification).int32(pid).cstring(channel).cstring(payload).end();
    this.flush();
  }

  private processing = false;
  private pendingNotifications: [number, string, string][] = [];

  private cleanup(): void {
    const s = this.session;
    if (s?.txn) s.finishTransaction(false);
    this.host.unregister(this);
    this.statements.clear();
    this.session?.protocolPrepared.clear();
    this.portals.clear();
  }

  private flush(): void {
    if (this.out.pending) this.channel.write(this.out.take());
  }

  private close(): void {
    this.flush();
    if (this.phase !== 'closed') {
      this.phase = 'closed';
      this.cleanup();
    }
    this.channel.close();
  }

  private fatal(e: unknown): void {
    const err = e instanceof PgError ? e : toPgError(e);
    if (err.severity !== 'FATAL') err.severity = 'FATAL';
    writeErrorFields(this.out, MSG.error, err);
    this.close();
  }

  /**
   * A statement is waiting for another transaction: stop reading messages, and when the wait ends
   * run `resume` (which retries the statement) and go on with whatever arrived meanwhile.
   */
  private block(e: StatementBlocked, resume: () => void): void {
    this.blocked = true;
    this.flush();
    const go = () => {
      if (this.phase === 'closed') return;
      this.blocked = false;
      try {
        resume();
        this.drain();
      } catch (err) {
        this.fatal(err);
      }
      this.flush();
    };
    e.until.then(go, go);
  }

  private drain(): void {
    while (this.phase !== 'closed' && !this.blocked) {
      if (this.phase === 'startup') {
        const body = this.reader.nextStartup();
        if (!body) return;
        this.startup(body);
        continue;
      }
      const type = this.reader.next();
      if (type < 0) return;
      const body = this.reader.body;
      if (this.phase === 'auth') {
        if (type !== 0x70) throw protocolViolation(`expected password response, got message type ${type}`);
        if ((this.auth as Authenticator).receive(body.rest(), this.out)) this.ready();
        continue;
      }
      this.message(type, body);
    }
  }

  // ---- startup ---------------------------------------------------------------------------------

  private startup(body: Buffer): void {
    const r = new FieldReader(body);
    const code = r.int32();
    if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
      this.channel.write(Buffer.from('N'));
      return;
    }
    if (code === CANCEL_REQUEST) {
      const pid = r.int32();
      const secret = r.int32();
      this.host.find(pid, secret)?.cancel();
      this.close();
      return;
    }
    const major = code >>> 16;
    const minor = code & 0xffff;
    if (major !== 3) {
      throw new PgError(SQLSTATE.feature_not_supported, `unsupported frontend protocol ${major}.${minor}: server supports 3.0 to 3.0`, { severity: 'FATAL' });
    }
    const unrecognized: string[] = [];
    for (;;) {
      const k = r.cstring();
      if (k === '') break;
      const v = r.cstring();
      if (k.startsWith('_pq_.')) unrecognized.push(k);
      else this.startupParams.set(k, v);
    }
    if (minor > 0 || unrecognized.length) {
      this.out.begin(MSG.negotiateProtocol).int32(PROTOCOL_3).int32(unrecognized.length);
      for (const u of unrecognized) this.out.cstring(u);
      this.out.end();
    }
    const user = this.startupParams.get('user');
    if (!user) throw new PgError(SQLSTATE.invalid_authorization_specification, 'no PostgreSQL user name specified in startup packet', { severity: 'FATAL' });
    if (this.startupParams.has('replication') && this.startupParams.get('replication') !== 'false') {
      throw new PgError(SQLSTATE.feature_not_supported, 'feature not supported: replication connections', { severity: 'FATAL' });
    }
    this.auth = new Authenticator(this.host.auth, user);
    this.phase = 'auth';
    if (this.auth.start(this.out)) this.ready();
  }

  private ready(): void {
    const user = this.startupParams.get('user') as string;
    const database = this.startupParams.get('database') || user;
    const session = this.host.openSession(user, database);
    this.session = session;
    session.onNotice = (n) => this.sendNotice(n);
    session.onNotification = (n) => this.notify(n.processId, n.channel, n.payload);
    for (const [k, v] of this.startupParams) {
      if (k === 'user' || k === 'database') continue;
      if (k === 'options') {
        for (const [name, value] of parseStartupOptions(v)) this.applySetting(name, value);
      } else this.applySetting(k, v);
    }
    this.out.begin(MSG.authentication).int32(0).end();
    for (const [display, name] of REPORTED) {
      const v = session.settings.get(name, true) ?? '';
      this.reported.set(name, v);
      writeParameterStatus(this.out, display, v);
    }
    this.host.register(this);
    this.out.begin(MSG.backendKeyData).int32(session.pid).int32(this.secret).end();
    this.phase = 'ready';
    writeReady(this.out, 'I');
    this.flush();
  }

  private applySetting(name: string, value: string): void {
    try {
      (this.session as Session).settings.set(name, value, false, 'startup');
    } catch (e) {
      const err = toPgError(e);
      err.severity = 'FATAL';
      throw err;
    }
  }

  /**
   * A CancelRequest for this connection: a statement waiting for a lock fails with 57014 (a
   * running statement never yields, so only a waiting one can be cancelled).
   */
  cancel(): void {
    this.session?.cancelWait(new PgError(SQLSTATE.query_canceled, 'canceling statement due to user request'));
  }

  /** (client_min_messages is applied by Session.notice.) */
  private sendNotice(n: PgError): void {
    writeErrorFields(this.out, MSG.notice, n);
  }

  private readyForQuery(): void {
    const s = this.session as Session;
    if (s.settings.changeCount !== this.reportedAt) {
      this.reportedAt = s.settings.changeCount;
      // Postgres reports changed parameters most recently changed first (guc_report_list is LIFO).
      const changed: [string, string, string, number][] = [];
      for (const [display, name] of REPORTED) {
        const v = s.settings.get(name, true) ?? '';
        if (this.reported.get(name) !== v) changed.push([display, name, v, s.settings.changedAt(name)]);
      }
      changed.sort((a, b) => b[3] - a[3]);
      for (const [display, name, v] of changed) {
        this.reported.set(name, v);
        writeParameterStatus(this.out, display, v);
      }
    }
    if (this.pendingNotifications.length > 0) {
      for (const [pid, channel, payload] of this.pendingNotifications) this.out.begin(MSG.notification).int32(pid).cstring(channel).cstring(payload).end();
      this.pendingNotifications = [];
    }
    writeReady(this.out, s.transactionStatus);
  }

  // ---- messages --------------------------------------------------------------------------------

  private message(type: number, r: FieldReader): void {
    if (this.copyIn) return this.copyMessage(type, r);
    if (this.skipping && type !== 0x53 /* S */ && type !== 0x58 /* X */) return;
    switch (type) {
      case 0x51: // Q
        return this.simpleQuery(r);
      case 0x50: // P
      case 0x42: // B
      case 0x44: // D
      case 0x45: // E
      case 0x43: // C
      case 0x46: // F
        return this.extended(type, r);
      case 0x48: // H
        return this.flush();
      case 0x53: // S
        return this.sync();
      case 0x58: // X
        return this.close();
      case 0x64: // d
      case 0x63: // c
      case 0x66: // f
        // Copy messages outside COPY are ignored, as Postgres does.
        return;
      default:
        throw protocolViolation(`invalid frontend message type ${type}`);
    }
  }

  /** An extended-protocol message: an error is reported and the rest skipped until Sync. */
  private extended(type: number, r: FieldReader): void {
    const start = r.offset;
    try {
      switch (type) {
        case 0x50:
          return this.parse(r);
        case 0x42:
          return this.bind(r);
        case 0x44:
          return this.describe(r);
        case 0x45:
          return this.execute(r);
        case 0x43:
          return this.closeObject(r);
        default:
          throw new PgError(SQLSTATE.feature_not_supported, 'feature not supported: the FunctionCall message');
      }
    } catch (e) {
      // A statement that must wait runs the whole message again when the wait ends.
      if (e instanceof StatementBlocked) return this.block(e, () => this.extended(type, new FieldReader(r.raw, start, r.limit)));
      const err = toPgError(e);
      if (err.code === SQLSTATE.protocol_violation && err.severity === 'FATAL') throw err;
      writeErrorFields(this.out, MSG.error, err);
      this.skipping = true;
    }
  }

  private sync(): void {
    this.skipping = false;
    const s = this.session as Session;
    try {
      s.endImplicitTransaction();
    } catch (e) {
      writeErrorFields(this.out, MSG.error, toPgError(e));
    }
    if (!s.txn) this.dropPortals();
    this.readyForQuery();
    this.flush();
  }

  private dropPortals(): void {
    const n = this.portals.size;
    // Map.clear() allocates a new table: the usual lone unnamed portal is deleted instead.
    if (n === 1 && this.portals.delete('')) return;
    if (n > 0) this.portals.clear();
  }

  private simpleQuery(r: FieldReader): void {
    const sql = r.cstring();
    r.end();
    this.portals.delete('');
    this.statements.delete('');
    let stmts: readonly RawStatement[];
    try {
      stmts = parseScript(sql);
    } catch (e) {
      writeErrorFields(this.out, MSG.error, toPgError(e));
      this.endQuery();
      return;
    }
    if (stmts.length === 0) {
      this.out.empty(MSG.emptyQuery);
      this.endQuery();
      return;
    }
    this.runScript({ sql, stmts, next: 0, implicit: stmts.length > 1 });
  }

  /** Runs the statements of a query string from `state.next`; pauses at COPY FROM STDIN. */
  private runScript(state: ScriptState): void {
    const s = this.session as Session;
    const infer = s.inferParams;
    s.inferParams = false;
    try {
      while (state.next < state.stmts.length) {
        const st = state.stmts[state.next];
        if (isCopyFromStdin(st) && !s.failed) {
          this.startCopyIn(st, state.sql, state, undefined);
          return;
        }
        let described = state.described === state.next;
        s.multiStatement = state.implicit;
        const res = s.runStatement(st, state.sql, [], [], state.implicit, () => {
          // Like Postgres, describe the rows before running the query: an error while it runs
          // comes after the RowDescription.
          const d = this.describeSimple(st, state.sql);
          if (d === undefined) return executeStatement(s, st, state.sql, [], []);
          // Postgres plans before it describes: errors of constant folding come first.
          if (d.planError !== undefined) throw d.planError;
          if (d.fields && !described) {
            this.rowDescription(d.fields, []);
            described = true;
            state.described = state.next;
          }
          return d.select ? runPreparedSelect(s, d.select, []) : executeStatement(s, st, state.sql, [], []);
        });
        s.multiStatement = false;
        state.next++;
        this.sendResult(res, [], 0, !described);
      }
      if (state.implicit) s.endImplicitTransaction();
    } catch (e) {
      if (e instanceof StatementBlocked) {
        this.block(e, () => this.runScript(state));
        return;
      }
      writeErrorFields(this.out, MSG.error, toPgError(e));
    } finally {
      s.inferParams = infer;
      s.multiStatement = false;
    }
    this.endQuery();
  }

  /** The last statement describeSimple described, with what its description depended on. */
  private lastSimple: { st: RawStatement; stamp: DescriptionStamp; desc: StatementDescription } | undefined;

  /**
   * The description of a simple-query statement that returns rows (SELECT, and INSERT / UPDATE /
   * DELETE without data-modifying WITH), undefined for the others. The same parsed statement
   * (parseScript caches them by text, so it is the same text) on the same catalog version and
   * settings reuses the last one.
   */
  private describeSimple(st: RawStatement, sql: string): StatementDescription | undefined {
    const s = this.session as Session;
    const hit = this.lastSimple;
    if (hit !== undefined && hit.st === st && stampHolds(hit.stamp, s)) return hit.desc;
    const kind = stmtKind(st);
    if (!ROW_QUERIES.has(kind) || needsCteRun(kind, (st.stmt as unknown as Record<string, Record<string, unknown>>)[kind])) return undefined;
    const stamp = stampOf(s);
    const desc = describeStatement(s, st, sql, []);
    if (stampHolds(stamp, s)) this.lastSimple = { st, stamp, desc };
    return desc;
  }

  private endQuery(): void {
    if (!(this.session as Session).txn) this.dropPortals();
    this.readyForQuery();
    this.flush();
  }

  // ---- COPY sub-protocol -------------------------------------------------------------------------

  /** Checks the COPY (errors come before CopyInResponse, as in Postgres), then asks for the data. */
  private startCopyIn(stmt: RawStatement, sql: string, script: ScriptState | undefined, portal: Portal | undefined): void {
    const s = this.session as Session;
    const c = (stmt.stmt as { CopyStmt: Record<string, unknown> }).CopyStmt;
    let ncols = 0;
    s.runStatement(stmt, sql, [], [], true, () => {
      ncols = copyInColumns(s, c);
      return { command: 'COPY', rowCount: 0, fields: [], rows: [] };
    });
    this.out.begin(MSG.copyIn).byte(0).int16(ncols);
    for (let i = 0; i < ncols; i++) this.out.int16(0);
    this.out.end();
    this.copyIn = { stmt, sql, chunks: [], script, portal };
    this.flush();
  }

  private copyMessage(type: number, r: FieldReader): void {
    const state = this.copyIn as CopyInState;
    switch (type) {
      case 0x64: // CopyData
        state.chunks.push(r.bodyCopy());
        return;
      case 0x48: // Flush
      case 0x53: // Sync: ignored during COPY, as Postgres does
        return;
      case 0x63: // CopyDone
        this.copyIn = undefined;
        return this.finishCopyIn(state, undefined);
      case 0x66: // CopyFail
        this.copyIn = undefined;
        return this.finishCopyIn(state, r.cstring());
      default:
        this.copyIn = undefined;
        this.finishCopyIn(state, null);
        throw protocolViolation(`unexpected message type 0x${type.toString(16).toUpperCase().padStart(2, '0')} during COPY from stdin`);
    }
  }

  /** Runs the COPY with the collected data (or fails it), then resumes what was interrupted. */
  private finishCopyIn(state: CopyInState, failure: string | undefined | null): void {
    const s = this.session as Session;
    const implicit = state.script ? state.script.implicit : true;
    let ok = false;
    try {
      s.copyInData = Buffer.concat(state.chunks).toString('utf8');
      const exec = failure === undefined ? undefined : () => {
        const lines = (s.copyInData as string).split('\n').length;
        const rel = (state.stmt.stmt as { CopyStmt: { relation: { relname: string } } }).CopyStmt.relation.relname;
        throw new PgError(SQLSTATE.query_canceled, failure === null ? 'COPY from stdin failed: unexpected message' : `COPY from stdin failed: ${failure}`, { where: `COPY ${rel}, line ${lines}` });
      };
      const res = s.runStatement(state.stmt, state.sql, [], [], implicit, exec);
      this.sendResult(res, [], 0, false);
      if (state.portal) state.portal.result = res;
      ok = true;
    } catch (e) {
      if (e instanceof StatementBlocked) {
        s.copyInData = undefined;
        this.block(e, () => this.finishCopyIn(state, failure));
        return;
      }
      writeErrorFields(this.out, MSG.error, toPgError(e));
      if (state.portal) this.skipping = true;
    } finally {
      s.copyInData = undefined;
    }
    if (state.script) {
      if (ok) {
        state.script.next++;
        this.runScript(state.script);
      } else this.endQuery();
    }
  }

  /** Sends a result's rows (from `from`, at most `limit` when > 0) and, when complete, its tag. */
  private sendResult(res: StatementResult, formats: readonly number[], from: number, describe: boolean, limit = 0): number {
    if (res.copyOut) {
      const w = this.out;
      w.begin(MSG.copyOut).byte(0).int16(res.copyOut.columns);
      for (let i = 0; i < res.copyOut.columns; i++) w.int16(0);
      w.end();
      for (const line of res.copyOut.lines) w.begin(MSG.copyData).text(line).end();
      w.empty(MSG.copyDone);
      w.begin(MSG.commandComplete).cstring(commandTag(res)).end();
      return 0;
    }
    const rows = returnsRows(res);
    if (describe && rows) this.rowDescription(res.fields, formats);
    const end = limit > 0 ? Math.min(res.rows.length, from + limit) : res.rows.length;
    if (rows && end > from) this.writeRows(res, formats, from, end);
    if (end < res.rows.length) {
      this.out.empty(MSG.portalSuspended);
    } else {
      // A portal run in several Executes reports the rows of the last one (`SELECT 1`).
      this.out.begin(MSG.commandComplete).cstring(commandTag(rows && (from > 0 || limit > 0) ? { ...res, rowCount: end - from } : res)).end();
    }
    return end;
  }

  private rowDescription(fields: readonly ResultField[], formats: readonly number[]): void {
    if (!allText(formats)) {
      writeRowDescription(this.out, fields, formats);
      return;
    }
    let bytes = this.rowDescriptions.get(fields);
    if (!bytes) {
      const w = new MessageWriter(256);
      writeRowDescription(w, fields, formats);
      bytes = w.take();
      this.rowDescriptions.set(fields, bytes);
    }
    this.out.bytes(bytes);
  }

  /** How each column of a result is written as text (cached per column list: plans keep theirs). */
  private textEncoders(fields: readonly ResultField[]): TextColumns {
    let enc = this.encoders.get(fields);
    if (!enc) {
      const s = this.session as Session;
      const cat = s.catalog();
      const kinds = new Uint8Array(fields.length);
      const fns = fields.map((f, i) => {
        const direct = directOutput(cat, f.dataTypeID);
        kinds[i] = direct === 'string' ? DIRECT_STRING : direct === 'int' ? DIRECT_INT : direct === 'timestamptz' ? DIRECT_TIMESTAMPTZ : direct === 'timestamp' ? DIRECT_TIMESTAMP : 0;
        return outputFunction(s, cat, f.dataTypeID);
      });
      enc = { kinds, fns };
      this.encoders.set(fields, enc);
    }
    return enc;
  }

  private writeRows(res: StatementResult, formats: readonly number[], from: number, end: number): void {
    const n = res.fields.length;
    const { kinds, fns } = this.textEncoders(res.fields);
    const binary = allText(formats)
      ? undefined
      : res.fields.map((f, i) => (formatOf(formats, i) === 1 ? binaryEncoder((this.session as Session).catalog(), f.dataTypeID, (this.session as Session).io) : undefined));
    const w = this.out;
    const rows = res.rows;
    const io = (this.session as Session).io;
    for (let r = from; r < end; r++) {
      const row = rows[r];
      w.begin(MSG.dataRow).int16(n);
      for (let i = 0; i < n; i++) {
        const v = row[i];
        if (v === null || v === undefined) w.int32(-1);
        else if (binary?.[i]) w.lengthPrefixedBytes((binary[i] as (v: Value) => Buffer)(v));
        else {
          const k = kinds[i];
          if (k === DIRECT_STRING && typeof v === 'string') w.lengthPrefixedString(v);
          else if (k === DIRECT_INT && typeof v === 'number') w.lengthPrefixedInt(v);
          else if (k >= DIRECT_TIMESTAMPTZ && typeof v === 'bigint') {
            const at = w.reserveLengthPrefixed(ISO_TIMESTAMP_MAX);
            const len = writeTimestampIso(v, k === DIRECT_TIMESTAMPTZ, io, w.buffer, at);
            if (len >= 0) w.commitLengthPrefixed(len);
            else w.lengthPrefixedString(fns[i](v));
          } else w.lengthPrefixedString(fns[i](v));
        }
      }
      w.end();
    }
  }

  // ---- extended query protocol -----------------------------------------------------------------

  private parse(r: FieldReader): void {
    const s = this.session as Session;
    const start = r.offset;
    const end = r.limit;
    // An unnamed Parse identical to the previous one, on the same catalog version and settings,
    // describes the same statement: reuse it (Postgres parses again; the messages are the same).
    const hit = this.lastParse;
    if (
      hit !== undefined &&
      hit.bytes.length === end - start &&
      stampHolds(hit.stamp, s) &&
      sameBytes(r.raw, start, hit.bytes)
    ) {
      if (s.failed && !isTransactionEnd(hit.prepared.stmt as RawStatement)) throw abortedTransaction();
      this.statements.set('', hit.prepared);
      this.out.empty(MSG.parseComplete);
      return;
    }
    const name = r.cstring();
    const sql = r.cstring();
    const n = r.int16();
    const declared: number[] = [];
    for (let i = 0; i < n; i++) declared.push(r.uint32());
    r.end();
    if (name !== '' && this.statements.has(name)) {
      throw new PgError(SQLSTATE.duplicate_prepared_statement, `prepared statement "${name}" already exists`);
    }
    const stmts = parseScript(sql);
    if (stmts.length > 1) throw new PgError(SQLSTATE.syntax_error, 'cannot insert multiple commands into a prepared statement');
    const stmt = stmts[0];
    if (s.failed && !(stmt && isTransactionEnd(stmt))) {
      throw abortedTransaction();
    }
    const stamp = stampOf(s);
    const desc: StatementDescription = stmt
      ? describeStatement(s, stmt, sql, declared)
      : { paramTypes: declared.map((t) => (t === 0 ? OID.text : t)), fields: null };
    const prepared: PreparedStatement = { sql, searchPath: s.searchPathKey(), stmt, desc };
    this.statements.set(name, prepared);
    if (name !== '' && stmt) {
      s.protocolPrepared.set(name, {
        name, stmt, sql, paramTypes: desc.paramTypes, statement: sql, prepareTime: nowMicros(s.clock),
        resultTypes: desc.fields?.map((f) => f.dataTypeID) ?? null, executions: 0,
      });
    }
    // Only statements whose description depends on nothing but the catalog and the settings
    // (not EXECUTE, FETCH, ...: they describe session objects) are reused.
    if (name === '' && stmt && REUSED_PARSE.has(stmtKind(stmt)) && stampHolds(stamp, s)) {
      this.lastParse = { bytes: Buffer.from(r.raw.subarray(start, end)), stamp, prepared };
    }
    this.out.empty(MSG.parseComplete);
  }

  private bind(r: FieldReader): void {
    const portalName = r.cstring();
    const stmtName = r.cstring();
    const nFormats = r.int16();
    const formats = readFormats(r, nFormats);
    const nParams = r.int16();
    // Parameter values are read where they lie in the message: offsets now, decoding below.
    const offsets = this.paramOffsets;
    const lengths = this.paramLengths;
    for (let i = 0; i < nParams; i++) {
      const len = r.int32();
      offsets[i] = r.offset;
      lengths[i] = len;
      if (len > 0) r.skip(len);
    }
    const nResult = r.int16();
    const resultFormats = readFormats(r, nResult);
    r.end();
    const prepared = this.statements.get(stmtName);
    if (!prepared) throw new PgError(SQLSTATE.invalid_sql_statement_name, `prepared statement "${stmtName}" does not exist`);
    const info = stmtName === '' ? undefined : this.session?.protocolPrepared.get(stmtName);
    if (info) info.executions = (info.executions ?? 0) + 1;
    const types = prepared.desc.paramTypes;
    if (nFormats > 1 && nFormats !== nParams) {
      throw protocolViolationError(`bind message has ${nFormats} parameter formats but ${nParams} parameters`);
    }
    if (nParams !== types.length) {
      throw protocolViolationError(`bind message supplies ${nParams} parameters, but prepared statement "${stmtName}" requires ${types.length}`);
    }
    checkFormats(formats);
    checkFormats(resultFormats);
    const s = this.session as Session;
    if (s.failed && !(prepared.stmt && isTransactionEnd(prepared.stmt))) {
      throw abortedTransaction();
    }
    const fields = prepared.desc.fields;
    if (fields && nResult > 1 && nResult !== fields.length) {
      throw protocolViolationError(`bind message has ${nResult} result formats but query has ${fields.length} columns`);
    }
    if (portalName !== '' && this.portals.has(portalName)) {
      throw new PgError(SQLSTATE.duplicate_cursor, `cursor "${portalName}" already exists`);
    }
    const params: unknown[] = new Array(nParams);
    if (nParams > 0) {
      const cat = s.catalog();
      const decoders = textParamDecoders(prepared, cat);
      const raw = r.raw;
      for (let i = 0; i < nParams; i++) {
        const len = lengths[i];
        if (len < 0) {
          params[i] = null;
          continue;
        }
        const off = offsets[i];
        try {
          if (formatOf(formats, i) === 1) params[i] = new EngineValue(binaryDecoder(cat, types[i] || OID.text, s.io)(raw.subarray(off, off + len)));
          else if (types[i] === 0) params[i] = raw.toString('utf8', off, off + len); // typed when the statement runs
          else params[i] = new EngineValue((decoders[i] as ParamDecoder)(raw, off, len, s.io));
        } catch (e) {
          const err = toPgError(e);
          if (!err.where) err.where = `${portalName === '' ? 'unnamed portal' : `portal "${portalName}"`} parameter $${i + 1} = '...'`;
          throw err;
        }
      }
    }
    // Postgres plans at Bind: errors of constant folding come here.
    if (prepared.desc.planError !== undefined) throw prepared.desc.planError;
    this.portals.set(portalName, { name: portalName, prepared, params, resultFormats, sent: 0 });
    this.out.empty(MSG.bindComplete);
  }

  private describe(r: FieldReader): void {
    const kind = r.byte();
    const name = r.cstring();
    r.end();
    if (kind === 0x53 /* S */) {
      const p = this.statements.get(name);
      if (!p) throw new PgError(SQLSTATE.invalid_sql_statement_name, `prepared statement "${name}" does not exist`);
      this.out.begin(MSG.parameterDescription).int16(p.desc.paramTypes.length);
      for (const t of p.desc.paramTypes) this.out.int32(t);
      this.out.end();
      if (p.desc.fields) writeRowDescription(this.out, p.desc.fields, []);
      else this.out.empty(MSG.noData);
    } else if (kind === 0x50 /* P */) {
      const p = this.portals.get(name);
      if (!p) throw new PgError(SQLSTATE.invalid_cursor_name, `portal "${name}" does not exist`);
      const fields = p.result ? (returnsRows(p.result) ? p.result.fields : null) : p.prepared.desc.fields;
      if (fields) this.rowDescription(fields, p.resultFormats);
      else this.out.empty(MSG.noData);
    } else {
      throw protocolViolationError(`invalid DESCRIBE message subtype ${kind}`);
    }
  }

  private execute(r: FieldReader): void {
    const name = r.cstring();
    const maxRows = r.int32();
    r.end();
    const p = this.portals.get(name);
    if (!p) throw new PgError(SQLSTATE.invalid_cursor_name, `portal "${name}" does not exist`);
    const stmt = p.prepared.stmt;
    if (!stmt) {
      this.out.empty(MSG.emptyQuery);
      return;
    }
    const s = this.session as Session;
    if (!p.result) {
      if (s.failed && !isTransactionEnd(stmt)) {
        throw abortedTransaction();
      }
      if (isCopyFromStdin(stmt)) {
        this.startCopyIn(stmt, p.prepared.sql, undefined, p);
        return;
      }
      this.executing = p;
      p.result = s.runStatement(stmt, p.prepared.sql, p.params, p.prepared.desc.paramTypes, true, p.prepared.desc.select ? this.runSelectPortal : undefined);
    } else if (p.sent >= p.result.rows.length && returnsRows(p.result)) {
      // A completed portal executes to nothing more.
      this.out.begin(MSG.commandComplete).cstring(commandTag({ ...p.result, rowCount: 0 })).end();
      return;
    }
    p.sent = this.sendResult(p.result, p.resultFormats, p.sent, false, maxRows > 0 ? maxRows : 0);
  }

  /** The portal whose Execute is running (for runSelectPortal). */
  private executing: Portal | undefined;

  /**
   * Runs the SELECT of the executing portal: from the plan made at Parse while the catalog it was
   * planned on is current (one bound function rather than a closure per Execute).
   */
  private readonly runSelectPortal = (): StatementResult => {
    const p = this.executing as Portal;
    const s = this.session as Session;
    const sel = p.prepared.desc.select as NonNullable<StatementDescription['select']>;
    if (sel.catalog === s.catalog() && p.prepared.searchPath === s.searchPathKey()) return runPreparedSelect(s, sel, p.params);
    return executeStatement(s, p.prepared.stmt as RawStatement, p.prepared.sql, p.params, p.prepared.desc.paramTypes);
  };

  private closeObject(r: FieldReader): void {
    const kind = r.byte();
    const name = r.cstring();
    r.end();
    if (kind === 0x53) {
      this.statements.delete(name);
      this.session?.protocolPrepared.delete(name);
    }
    else if (kind === 0x50) this.portals.delete(name);
    else throw protocolViolationError(`invalid CLOSE message subtype ${kind}`);
    this.out.empty(MSG.closeComplete);
  }
}

/** 25P02: what every statement but ROLLBACK / COMMIT gets in a failed transaction block. */
function abortedTransaction(): PgError {
  return new PgError(SQLSTATE.in_failed_sql_transaction, 'current transaction is aborted, commands ignored until end of transaction block');
}

function protocolViolationError(message: string): PgError {
  return new PgError(SQLSTATE.protocol_violation, message);
}

function isTransactionEnd(st: RawStatement): boolean {
  const t = (st.stmt as { TransactionStmt?: { kind: string } }).TransactionStmt;
  return !!t && (t.kind === 'TRANS_STMT_ROLLBACK' || t.kind === 'TRANS_STMT_COMMIT' || t.kind === 'TRANS_STMT_ROLLBACK_TO' || t.kind === 'TRANS_STMT_PREPARE' || t.kind === 'TRANS_STMT_ROLLBACK_PREPARED');
}
