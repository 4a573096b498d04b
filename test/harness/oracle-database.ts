/**
 * A stand-in for fauxgres's `Database` backed by real Postgres (the oracle at PG_ORACLE_URL), with
 * the same session API. Pointing the regress runner at it
 * (`FAUXGRES_ENGINE=test/harness/oracle-database.ts npx vitest run test/regress`) replays the
 * corpus against Postgres itself: every statement must pass, which checks that the recordings
 * are deterministic and that the harness compares what it should.
 *
 * Postgres counterpart: none.
 */
import pg from 'pg';
import { parseCommandTag } from './result-format.js';
import { createRegressDatabase, dropRegressDatabase } from './regress-database.js';

let counter = 0;

/** Options of `Database.create`, as in fauxgres. */
export interface OracleDatabaseOptions {
  onNotice?: (n: unknown) => void;
}

/** A fresh database on the oracle, queried through one pg Client session. */
export class Database {
  private tag = '';

  private constructor(
    private readonly admin: pg.Client,
    private readonly client: pg.Client,
    private readonly name: string,
  ) {
    const conn = (client as unknown as { connection: { on(ev: string, cb: (m: { text: string }) => void): void } }).connection;
    conn.on('commandComplete', (m) => {
      this.tag = m.text;
    });
  }

  /** Creates a fresh database on the oracle (needs PG_ORACLE_URL). */
  static async create(options: OracleDatabaseOptions = {}): Promise<Database> {
    const url = process.env.PG_ORACLE_URL;
    if (!url) throw new Error('PG_ORACLE_URL is not set');
    const name = `regress_self_${process.pid}_${++counter}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await createRegressDatabase(admin, name);
    const u = new URL(url);
    u.pathname = `/${name}`;
    const client = new pg.Client({ connectionString: u.toString() });
    await client.connect();
    if (options.onNotice) client.on('notice', options.onNotice);
    return new Database(admin, client, name);
  }

  /** Runs one statement; the command is the full tag name (`CREATE TABLE`), as fauxgres reports it. */
  async query(config: { text: string; rowMode: 'array'; types: { getTypeParser: () => (v: string) => unknown } }) {
    this.tag = '';
    const r = await this.client.query({ text: config.text, rowMode: 'array', types: config.types as never });
    const { command, rowCount } = parseCommandTag(this.tag);
    return { command, rowCount, fields: r.fields, rows: r.rows as unknown[][] };
  }

  /** Closes the session and drops the database. */
  async close(): Promise<void> {
    await this.client.end();
    await dropRegressDatabase(this.admin, this.name);
    await this.admin.end();
  }
}
