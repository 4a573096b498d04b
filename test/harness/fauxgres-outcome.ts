/**
 * Runs one statement on a fauxgres `Database` (the session API) and captures its outcome for
 * result-format.ts, the same way pg-outcome.ts does for a pg Client.
 *
 * Postgres counterpart: none (client side of the session API).
 *
 * The engine module is loaded lazily (`loadFauxgres`) so that the harness still loads, and fails
 * with a readable message, while src/index.ts does not exist yet.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { reportedFields } from './pg-outcome.js';
import type { ReportedFields, StatementOutcome } from './result-format.js';

/** The part of fauxgres's session API the runner uses. */
export interface FauxgresDatabase {
  query(config: {
    text: string;
    rowMode: 'array';
    types: { getTypeParser: () => (v: string) => unknown };
  }): Promise<{
    command: string;
    /** The full tag name (`CREATE TABLE`); node-postgres's `command` keeps only the first word. */
    commandTag?: string;
    rowCount: number | null;
    fields: readonly { name: string; dataTypeID: number }[];
    rows: readonly (readonly unknown[])[];
  }>;
  close(): Promise<void>;
}

/** The `Database` class of src/index.ts, as the runner uses it. */
export interface FauxgresModule {
  Database: { create(options: { onNotice?: (n: ReportedFields) => void; database?: string }): Promise<FauxgresDatabase> };
}

/**
 * Imports src/index.ts (or the module named by the FAUXGRES_ENGINE environment variable, a path
 * relative to the repository root, e.g. test/harness/oracle-database.ts); throws a readable error
 * when the engine entry point is missing.
 */
export async function loadFauxgres(): Promise<FauxgresModule> {
  const override = process.env.FAUXGRES_ENGINE;
  const spec = override ? pathToFileURL(resolve(override)).href : '../../src/index.js';
  let mod: Partial<FauxgresModule>;
  try {
    mod = (await import(/* @vite-ignore */ spec)) as Partial<FauxgresModule>;
  } catch (e) {
    throw new Error(`fauxgres engine not available: cannot import ${override ?? 'src/index.ts'} (${(e as Error).message})`);
  }
  if (typeof mod.Database?.create !== 'function') {
    throw new Error('fauxgres engine not available: src/index.ts does not export Database.create');
  }
  return mod as FauxgresModule;
}

/** A fauxgres session that reports each statement's outcome, notices included. */
export class FauxgresOutcomeRunner {
  /** Stack of the last non-database error, to show when a statement crashed the engine. */
  lastCrashStack: string | undefined;

  private constructor(
    private readonly db: FauxgresDatabase,
    private readonly sink: { notices: ReportedFields[] },
  ) {}

  /** Creates a fresh in-memory database. */
  static async create(mod: FauxgresModule, database?: string): Promise<FauxgresOutcomeRunner> {
    const sink: { notices: ReportedFields[] } = { notices: [] };
    const db = await mod.Database.create({ onNotice: (n) => sink.notices.push(reportedFields(n as never)), database });
    return new FauxgresOutcomeRunner(db, sink);
  }

  /**
   * A runner over an existing database (a fork, say) whose `onNotice` pushes to `sink.notices`;
   * the runner points the sink at each statement's own list.
   */
  static over(db: FauxgresDatabase, sink: { notices: ReportedFields[] }): FauxgresOutcomeRunner {
    return new FauxgresOutcomeRunner(db, sink);
  }

  /** Runs `sql` (one statement) and returns its outcome. */
  async run(sql: string): Promise<StatementOutcome> {
    const notices: ReportedFields[] = [];
    this.sink.notices = notices;
    this.lastCrashStack = undefined;
    try {
      const r = await this.db.query({ text: sql, rowMode: 'array', types: { getTypeParser: () => (v: string) => v } });
      return {
        kind: 'result',
        notices,
        command: r.commandTag ?? r.command,
        rowCount: r.rowCount,
        fields: r.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })),
        rows: r.rows,
      };
    } catch (e) {
      const err = e as { code?: unknown; message?: string; stack?: string };
      if (typeof err.code === 'string' && /^[0-9A-Z]{5}$/.test(err.code)) {
        return { kind: 'error', notices, error: reportedFields(err as never) };
      }
      this.lastCrashStack = err.stack;
      return { kind: 'crash', notices, message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
    }
  }

  /** Closes the database. */
  async close(): Promise<void> {
    await this.db.close();
  }
}
