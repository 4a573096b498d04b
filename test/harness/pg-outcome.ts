/**
 * Runs one statement through a node-postgres `Client` with the simple query protocol and raw text
 * values, and captures its outcome (notices, full CommandComplete tag, columns, rows, or error) for
 * result-format.ts. Used by the recorder against real Postgres; usable against any server that
 * speaks the protocol.
 *
 * Postgres counterpart: the simple Query message flow (src/backend/tcop/postgres.c,
 * exec_simple_query) as seen from a client.
 *
 * node-postgres's `result.command` keeps only the first word of the tag (`CREATE` for
 * `CREATE TABLE`), so the full tag is read from the connection's `commandComplete` event.
 */
import type pg from 'pg';
import { parseCommandTag, type ReportedFields, type StatementOutcome } from './result-format.js';

type Reportish = Partial<Record<keyof ReportedFields, string | undefined>> & { message?: string };

/** Copies the shown fields of a pg DatabaseError or NoticeMessage. */
export function reportedFields(e: Reportish): ReportedFields {
  const out: Record<string, string> = { message: e.message ?? '' };
  for (const k of ['severity', 'code', 'detail', 'hint', 'position', 'schema', 'table', 'column', 'dataType', 'constraint', 'where'] as const) {
    const v = e[k];
    if (typeof v === 'string' && v !== '') out[k] = v;
  }
  return out as unknown as ReportedFields;
}

/** A pg Client wrapped to capture notices and CommandComplete tags per statement. */
export class PgOutcomeRunner {
  private notices: ReportedFields[] = [];
  private tag: string | undefined;

  constructor(private readonly client: pg.Client) {
    client.on('notice', (n) => this.notices.push(reportedFields(n as unknown as Reportish)));
    const conn = (client as unknown as { connection: { on(ev: string, cb: (m: { text: string }) => void): void } }).connection;
    conn.on('commandComplete', (m) => {
      this.tag = m.text;
    });
  }

  /** Runs `sql` (one statement) and returns its outcome. */
  async run(sql: string): Promise<StatementOutcome> {
    this.notices = [];
    this.tag = undefined;
    try {
      const r = await this.client.query({ text: sql, rowMode: 'array', types: { getTypeParser: () => (v: string) => v } });
      const { command, rowCount } = parseCommandTag(this.tag ?? '');
      return {
        kind: 'result',
        notices: this.notices,
        command,
        rowCount,
        fields: r.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })),
        rows: r.rows as unknown[][],
      };
    } catch (e) {
      const err = e as Reportish & { code?: string };
      if (typeof err.code === 'string' && /^[0-9A-Z]{5}$/.test(err.code)) {
        return { kind: 'error', notices: this.notices, error: reportedFields(err) };
      }
      return { kind: 'crash', notices: this.notices, message: String(e) };
    }
  }
}
