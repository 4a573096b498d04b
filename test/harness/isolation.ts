/**
 * Multi-session scenario runner, in the spirit of Postgres's isolation tester: a spec names a
 * setup script, a number of sessions and an interleaving of steps (session k runs SQL). The same
 * spec runs on the oracle (one pg connection per session) and on fauxgres (one `db.connect()`
 * session each); the per-step outcomes, which steps blocked and after which step each blocked
 * step completed, are formatted as text lines so that a comparison is a string comparison.
 *
 * A step is issued, then the runner waits until it completes or its session waits for a lock
 * (on the oracle: `pg_isolation_test_session_is_blocked`, as isolationtester does; on fauxgres:
 * the session's `waiting` flag). After every step, steps still waiting are polled the same way.
 * Deadlock scenarios set `settleMs` so that deadlock_timeout can fire before the next step.
 *
 * Postgres counterpart: src/test/isolation/isolationtester.c.
 */
import pg from 'pg';
import { reportedFields } from './pg-outcome.js';
import { formatReport, formatCommandTag, parseCommandTag, type ReportedFields, type StatementOutcome } from './result-format.js';
import { hasUnspecifiedOrder } from './result-order.js';

/** One step: [session index (0-based), SQL]. */
export type IsolationStep = readonly [session: number, sql: string];

export interface IsolationSpec {
  readonly name: string;
  /** Run once before the sessions connect (one simple query). */
  readonly setup: string;
  readonly sessions: number;
  /** Per-session setup run right after connecting (for example `SET deadlock_timeout = '20ms'`). */
  readonly sessionSetup?: readonly string[];
  readonly steps: readonly IsolationStep[];
  /**
   * Instead of fixed steps: each session's statements in order, and the order in which sessions
   * are picked (a waiting or finished session passes its turn to the next one). For generated tests.
   */
  readonly scripts?: readonly (readonly string[])[];
  readonly picks?: readonly number[];
  /** After a step, wait this long before polling waiting steps again (lets deadlock_timeout or lock_timeout fire). */
  readonly settleMs?: number;
}

/** One session of an engine under test. */
export interface IsolationSession {
  /** The backend pid (to normalize messages that name processes). */
  readonly pid: number;
  run(sql: string): Promise<StatementOutcome>;
  /** Whether the session is waiting for a lock right now. */
  isWaiting(): Promise<boolean>;
  close(): Promise<void>;
}

export interface IsolationEngine {
  /** Runs the setup script, then opens `n` sessions. */
  open(setup: string, n: number): Promise<IsolationSession[]>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Pending {
  readonly step: number;
  done: boolean;
  outcome?: StatementOutcome;
}

/**
 * Runs a spec and returns one line per event: `#i sN: <sql> => <outcome>` for a step that
 * completed at once, `#i sN: <sql> => waiting` for one that blocked, and later
 * `#i sN completes after #j => <outcome>` for its completion.
 */
export async function runIsolation(engine: IsolationEngine, spec: IsolationSpec): Promise<string[]> {
  const sessions = await engine.open(spec.setup, spec.sessions);
  const lines: string[] = [];
  const pidNames = new Map<number, string>(sessions.map((s, i) => [s.pid, `s${i + 1}`]));
  const fmt = (o: StatementOutcome, sql: string) => formatStep(o, sql, pidNames);
  try {
    for (let i = 0; i < sessions.length; i++) {
      const setup = spec.sessionSetup?.[i];
      if (setup) await sessions[i].run(setup);
    }
    const busy = new Map<number, Pending>();
    const settle = async (p: Pending, s: IsolationSession, deadline: number): Promise<'done' | 'waiting'> => {
      for (;;) {
        if (p.done) return 'done';
        if (await s.isWaiting()) {
          // A completion may race the check: let it land.
          await sleep(1);
          return p.done ? 'done' : 'waiting';
        }
        if (Date.now() > deadline) throw new Error(`step #${p.step + 1} neither completed nor waited within 10 s`);
        await sleep(1);
      }
    };
    const issued: IsolationStep[] = [];
    /** Records waiting steps that completed; returns how many did. */
    const poll = async (after: number, includeLast: boolean): Promise<number> => {
      let n = 0;
      for (const [bk, bp] of [...busy].sort((a, b) => a[1].step - b[1].step)) {
        if (bp.step === after && !includeLast) continue;
        const br = await settle(bp, sessions[bk], Date.now() + 10_000);
        if (br === 'done') {
          busy.delete(bk);
          n++;
          lines.push(`#${bp.step + 1} s${bk + 1} completes after #${after + 1} => ${fmt(bp.outcome!, issued[bp.step][1])}`);
        }
      }
      return n;
    };
    const next = nextStepFunction(spec);
    for (let i = 0; ; i++) {
      let step = next(busy);
      if (step === 'wait') {
        // Every session with work left waits: one of the waits must end (a deadlock, a timeout).
        const deadline = Date.now() + 10_000;
        while (step === 'wait') {
          if (Date.now() > deadline) throw new Error(`spec ${spec.name}: every session waits after step #${i}`);
          await sleep(5);
          await poll(i - 1, true);
          step = next(busy);
        }
      }
      if (step === 'end') break;
      const [k, sql] = step;
      issued.push(step);
      const s = sessions[k];
      const p: Pending = { step: i, done: false };
      void s.run(sql).then((o) => {
        p.outcome = o;
        p.done = true;
      });
      const r = await settle(p, s, Date.now() + 10_000);
      if (r === 'done') lines.push(`#${i + 1} s${k + 1}: ${oneLine(sql)} => ${fmt(p.outcome!, sql)}`);
      else {
        lines.push(`#${i + 1} s${k + 1}: ${oneLine(sql)} => waiting`);
        busy.set(k, p);
      }
      if (spec.settleMs && busy.size) await sleep(spec.settleMs);
      // Steps that were waiting may have completed (or started waiting on something else).
      await poll(i, !!spec.settleMs);
    }
    if (busy.size) lines.push(`still waiting at the end: ${[...busy.values()].map((p) => `#${p.step + 1}`).join(', ')}`);
  } finally {
    for (const s of sessions) await s.close().catch(() => undefined);
    await engine.close().catch(() => undefined);
  }
  return mergeSelfCompletions(lines);
}

/**
 * A step that waited and completed in the poll right after itself (`#6 => waiting` then
 * `#6 completes after #6 => ...`) is written as one immediate outcome: whether a wait of a few
 * milliseconds (deadlock_timeout, lock_timeout) is observed before it ends depends on machine
 * load on either server, not on behaviour.
 */
function mergeSelfCompletions(lines: string[]): string[] {
  const out = [...lines];
  for (let i = 0; i < out.length; i++) {
    const m = /^#(\d+) (s\d+): (.*) => waiting$/s.exec(out[i]);
    if (!m) continue;
    const prefix = `#${m[1]} ${m[2]} completes after #${m[1]} => `;
    const j = out.findIndex((l, k) => k > i && l.startsWith(prefix));
    if (j < 0) continue;
    out[i] = `#${m[1]} ${m[2]}: ${m[3]} => ${out[j].slice(prefix.length)}`;
    out.splice(j, 1);
  }
  return out;
}

/**
 * The step source of a spec: its fixed steps, or (with `scripts` and `picks`) the next statement
 * of the picked session, or of the next session that has statements left and is not waiting.
 */
function nextStepFunction(spec: IsolationSpec): (busy: ReadonlyMap<number, unknown>) => IsolationStep | 'wait' | 'end' {
  if (!spec.scripts) {
    let i = 0;
    return (busy) => {
      if (i >= spec.steps.length) return 'end';
      const step = spec.steps[i];
      if (busy.has(step[0])) throw new Error(`spec ${spec.name}: step #${i + 1} uses session ${step[0] + 1}, which is still waiting`);
      i++;
      return step;
    };
  }
  const scripts = spec.scripts;
  const pos = scripts.map(() => 0);
  const picks = spec.picks ?? [];
  let p = 0;
  return (busy) => {
    const left = scripts.map((sc, k) => (pos[k] < sc.length ? k : -1)).filter((k) => k >= 0);
    if (!left.length) return 'end';
    const ready = left.filter((k) => !busy.has(k));
    if (!ready.length) return 'wait';
    const want = picks.length ? picks[p++ % picks.length] % scripts.length : 0;
    let k = want;
    while (!ready.includes(k)) k = (k + 1) % scripts.length;
    return [k, scripts[k][pos[k]++]];
  };
}

function oneLine(sql: string): string {
  return sql.replace(/\s+/g, ' ').trim();
}

/** An outcome on one line: tag and rows, or the error (message, detail, hint), with process ids named by session. */
export function formatStep(o: StatementOutcome, sql: string, pidNames: ReadonlyMap<number, string>): string {
  const norm = (text: string) =>
    text
      .replace(/\b([Pp]rocess) (\d+)/g, (m, w: string, pid: string) => `${w} ${pidNames.get(Number(pid)) ?? '?'}`)
      .replace(/\btransaction \d+/g, 'transaction <xid>')
      .replace(/\brelation \d+ of database \d+/g, 'relation <oid> of database <oid>')
      .replace(/\badvisory lock \[\d+,/g, 'advisory lock [<db>,');
  const notices = o.notices.map((n) => formatReport(n.severity ?? 'NOTICE', n).join(' / ')).map(norm);
  let body: string;
  if (o.kind === 'crash') body = `CRASH ${o.message}`;
  else if (o.kind === 'error') body = norm(errorText(o.error));
  else {
    const rows = o.rows.map((r) => JSON.stringify(r));
    if (hasUnspecifiedOrder(sql)) rows.sort();
    body = formatCommandTag(o.command, o.rowCount) + (o.fields.length ? ' ' + rows.join(' ') : '');
  }
  return [...notices, body].join(' | ');
}

function errorText(e: ReportedFields): string {
  return formatReport('ERROR', { ...e, where: undefined, position: undefined, schema: undefined, table: undefined, column: undefined, dataType: undefined, constraint: undefined }).join(' / ');
}

/** The oracle: a fresh database per engine, one pg.Client per session. */
export function oracleEngine(url: string): IsolationEngine {
  const clients: pg.Client[] = [];
  let admin: pg.Client | undefined;
  return {
    async open(setup, n) {
      admin = new pg.Client(url);
      admin.on('error', () => undefined);
      await admin.connect();
      if (setup) await admin.query(setup);
      const out: IsolationSession[] = [];
      const pids: number[] = [];
      for (let i = 0; i < n; i++) {
        const c = new pg.Client(url);
        await c.connect();
        c.on('error', () => undefined);
        clients.push(c);
        const pid = (c as unknown as { processID: number }).processID;
        pids.push(pid);
        const runner = new MultiResultRunner(c);
        const a = admin;
        out.push({
          pid,
          run: (sql) => runner.run(sql),
          isWaiting: async () => {
            const r = await a.query<{ b: boolean }>('SELECT pg_catalog.pg_isolation_test_session_is_blocked($1, $2) AS b', [pid, pids]);
            return r.rows[0].b;
          },
          close: async () => {
            await c.end();
          },
        });
      }
      return out;
    },
    async close() {
      await admin?.end();
    },
  };
}

/** The fauxgres side, through the session API (`db.connect()`). */
export interface FauxgresIsolationDb {
  exec(sql: string): Promise<void>;
  connect(): Promise<{
    session: { pid: number; readonly waiting: boolean; onNotice: ((n: never) => void) | undefined };
    query(config: { text: string; rowMode: 'array'; types: { getTypeParser: () => (v: string) => unknown } }): Promise<{
      command: string;
      commandTag?: string;
      rowCount: number | null;
      fields: readonly { name: string; dataTypeID: number }[];
      rows: readonly (readonly unknown[])[];
    }>;
    close(): Promise<void>;
  }>;
}

export function fauxgresEngine(db: FauxgresIsolationDb): IsolationEngine {
  return {
    async open(setup, n) {
      if (setup) await db.exec(setup);
      const out: IsolationSession[] = [];
      for (let i = 0; i < n; i++) {
        const c = await db.connect();
        let notices: ReportedFields[] = [];
        c.session.onNotice = ((x: unknown) => notices.push(reportedFields(x as never))) as never;
        out.push({
          pid: c.session.pid,
          async run(sql) {
            notices = [];
            const mine = notices;
            try {
              const r = await c.query({ text: sql, rowMode: 'array', types: { getTypeParser: () => (v: string) => v } });
              return { kind: 'result', notices: mine, command: r.commandTag ?? r.command, rowCount: r.rowCount, fields: r.fields, rows: r.rows };
            } catch (e) {
              const err = e as { code?: string; message?: string; stack?: string };
              if (typeof err.code === 'string' && /^[0-9A-Z]{5}$/.test(err.code)) return { kind: 'error', notices: mine, error: reportedFields(err as never) };
              return { kind: 'crash', notices: mine, message: String(err.stack ?? e) };
            }
          },
          isWaiting: () => Promise.resolve(c.session.waiting),
          close: () => c.close(),
        });
      }
      return out;
    },
    close: () => Promise.resolve(),
  };
}

/** Runs a query (possibly several statements) on a pg Client and keeps the last statement's outcome. */
class MultiResultRunner {
  private notices: ReportedFields[] = [];
  private tag: string | undefined;
  constructor(private readonly client: pg.Client) {
    client.on('notice', (n) => this.notices.push(reportedFields(n as never)));
    const conn = (client as unknown as { connection: { on(ev: string, cb: (m: { text: string }) => void): void } }).connection;
    conn.on('commandComplete', (m) => {
      this.tag = m.text;
    });
  }
  async run(sql: string): Promise<StatementOutcome> {
    this.notices = [];
    this.tag = undefined;
    const notices = this.notices;
    try {
      const res = await this.client.query({ text: sql, rowMode: 'array', types: { getTypeParser: () => (v: string) => v } });
      const r = (Array.isArray(res) ? res[res.length - 1] : res) as pg.QueryResult<unknown[]>;
      const { command, rowCount } = parseCommandTag(this.tag ?? '');
      return { kind: 'result', notices, command, rowCount, fields: r.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })), rows: r.rows };
    } catch (e) {
      const err = e as { code?: string };
      if (typeof err.code === 'string' && /^[0-9A-Z]{5}$/.test(err.code)) return { kind: 'error', notices, error: reportedFields(err as never) };
      return { kind: 'crash', notices, message: String(e) };
    }
  }
}
