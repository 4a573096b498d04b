/**
 * Test helper: evaluates many SQL expressions on the oracle in one round trip each batch, turning
 * errors into comparable text (`ERR <sqlstate> <message>[ DETAIL: ...][ HINT: ...]`), and runs
 * fauxgres code with the same error rendering.
 */
import pg from 'pg';
import { isPgError } from '../../../../src/errors/pg-error.js';

export interface OracleSettings {
  timeZone?: string;
  dateStyle?: string;
  intervalStyle?: string;
}

const TRY_EVAL = `
CREATE OR REPLACE FUNCTION pg_temp.try_eval(expr text) RETURNS text LANGUAGE plpgsql AS $f$
DECLARE r text; st text; msg text; det text; hin text;
BEGIN
  EXECUTE 'SELECT (' || expr || ')::text' INTO r;
  RETURN coalesce(r, 'NULL');
EXCEPTION WHEN others THEN
  GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL, hin = PG_EXCEPTION_HINT;
  RETURN 'ERR ' || st || ' ' || msg || coalesce(' DETAIL: ' || nullif(det, ''), '') || coalesce(' HINT: ' || nullif(hin, ''), '');
END $f$`;

/** A connection to the oracle with the try_eval helper installed. */
export class OracleEval {
  private constructor(private readonly client: pg.Client) {}

  static async connect(url = process.env.PG_ORACLE_URL): Promise<OracleEval> {
    if (!url) throw new Error('PG_ORACLE_URL is not set');
    const client = new pg.Client(url);
    await client.connect();
    await client.query(TRY_EVAL);
    return new OracleEval(client);
  }

  async close(): Promise<void> {
    await this.client.end();
  }

  /**
   * Evaluates each SQL expression (text output, or the error rendered as text) under the settings,
   * inside one transaction; also returns that transaction's now() as microseconds since 2000.
   */
  async evalAll(exprs: string[], settings: OracleSettings = {}): Promise<{ results: string[]; now: bigint }> {
    const c = this.client;
    await c.query('BEGIN');
    try {
      await c.query(`SET LOCAL TimeZone = '${settings.timeZone ?? 'UTC'}'`);
      await c.query(`SET LOCAL DateStyle = '${settings.dateStyle ?? 'ISO, MDY'}'`);
      await c.query(`SET LOCAL IntervalStyle = '${settings.intervalStyle ?? 'postgres'}'`);
      const nowRes = await c.query({
        text: `SELECT ((extract(epoch from now()) - 946684800) * 1000000)::bigint::text AS n`,
        rowMode: 'array',
      });
      const r = await c.query({
        text: 'SELECT pg_temp.try_eval(e) FROM unnest($1::text[]) WITH ORDINALITY AS t(e, i) ORDER BY i',
        values: [exprs],
        rowMode: 'array',
        types: { getTypeParser: () => (v: string) => v },
      } as pg.QueryConfig);
      return { results: r.rows.map((row: unknown[]) => String(row[0])), now: BigInt(String(nowRes.rows[0][0])) };
    } finally {
      await c.query('COMMIT');
    }
  }
}

/** A SQL string literal. */
export function lit(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** Runs fauxgres code and renders its result or PgError like {@link OracleEval.evalAll}. */
export function fauxEval(fn: () => string): string {
  try {
    return fn();
  } catch (e) {
    if (isPgError(e)) {
      return `ERR ${e.code} ${e.message}${e.detail ? ` DETAIL: ${e.detail}` : ''}${e.hint ? ` HINT: ${e.hint}` : ''}`;
    }
    return `THROWN ${String(e)}`;
  }
}

/** Compares two lists of rendered results; returns readable mismatch lines (empty when equal). */
export function mismatches(labels: string[], expected: string[], actual: string[]): string[] {
  const out: string[] = [];
  labels.forEach((label, i) => {
    if (expected[i] !== actual[i]) out.push(`${label}\n    pg: ${expected[i]}\n    us: ${actual[i]}`);
  });
  return out;
}

/** An I/O context (with the transaction timestamp `now`) matching oracle settings. */
export function contextFor(settings: OracleSettings, now?: bigint): import('../../../../src/types/datetime/io-context.js').DateTimeIoContext {
  return {
    timeZone: settings.timeZone ?? 'UTC',
    dateStyle: settings.dateStyle ?? 'ISO, MDY',
    intervalStyle: settings.intervalStyle ?? 'postgres',
    extraFloatDigits: 1,
    byteaOutput: 'hex',
    transactionTimestamp: now,
  };
}
