/**
 * Test helper for the text / uuid / bytea / json / jsonb / array / record type tests: runs many
 * inputs or expressions on the oracle in one round trip, catching each error inside PL/pgSQL so
 * that its SQLSTATE, message, detail, hint and context (the `where` field, minus PL/pgSQL's own
 * lines) can be compared with fauxgres's PgError field by field.
 */
import pg from 'pg';
import { isPgError } from '../../../src/errors/pg-error.js';

/** A value's text, or an error's fields (empty detail/hint/where are left out). */
export interface Outcome {
  value?: string | null;
  code?: string;
  message?: string;
  detail?: string;
  hint?: string;
  where?: string;
}

const HELPERS = `
CREATE OR REPLACE FUNCTION pg_temp.try_sql(q text) RETURNS text[] LANGUAGE plpgsql AS $f$
DECLARE r text; st text; msg text; det text; hin text; ctx text;
BEGIN
  EXECUTE q INTO r;
  RETURN ARRAY['ok', r, NULL, NULL, NULL, NULL, NULL];
EXCEPTION WHEN others THEN
  GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL,
    hin = PG_EXCEPTION_HINT, ctx = PG_EXCEPTION_CONTEXT;
  RETURN ARRAY['err', NULL, st, msg, det, hin, ctx];
END $f$`;

/** A connection to the oracle with the helper functions installed. */
export class Oracle {
  private constructor(readonly client: pg.Client) {}

  static async connect(): Promise<Oracle> {
    const url = process.env.PG_ORACLE_URL;
    if (!url) throw new Error('PG_ORACLE_URL is not set');
    const client = new pg.Client(url);
    await client.connect();
    await client.query(HELPERS);
    return new Oracle(client);
  }

  async close(): Promise<void> {
    await this.client.end();
  }

  /** Runs a query and returns its rows with every value as Postgres's text. */
  async rows(text: string, values: unknown[] = []): Promise<Record<string, string | null>[]> {
    const r = await this.client.query({ text, values, types: { getTypeParser: () => (v: string) => v } } as pg.QueryConfig);
    return r.rows as Record<string, string | null>[];
  }

  /** Runs each single-value query (`SELECT ...`), catching errors. */
  async trySql(queries: string[]): Promise<Outcome[]> {
    const r = await this.client.query({
      text: 'SELECT pg_temp.try_sql(q) AS r FROM unnest($1::text[]) WITH ORDINALITY AS t(q, i) ORDER BY i',
      values: [queries],
      types: { getTypeParser: (oid: number) => (v: string) => (oid === 1009 ? parseTextArray(v) : v) },
    } as pg.QueryConfig);
    return r.rows.map((row: { r: (string | null)[] }) => toOutcome(row.r));
  }

  /**
   * Each text through the type's input function, printed by its output function (`concat` keeps
   * bpchar padding and honours bytea_output), or the error.
   */
  async tryInput(type: string, texts: string[]): Promise<Outcome[]> {
    return this.trySql(texts.map((t) => `SELECT concat(${lit(t)}::${type})`));
  }

  /** Each SQL expression's text output (`NULL` as null), or the error. */
  async tryExpr(exprs: string[]): Promise<Outcome[]> {
    return this.trySql(exprs.map((e) => `SELECT (${e})::text`));
  }
}

function toOutcome(a: (string | null)[]): Outcome {
  if (a[0] === 'ok') return { value: a[1] };
  const o: Outcome = { code: a[2] ?? undefined, message: a[3] ?? undefined };
  if (a[4]) o.detail = a[4];
  if (a[5]) o.hint = a[5];
  const where = (a[6] ?? '')
    .split('\n')
    .filter((l) => !l.startsWith('PL/pgSQL function') && !l.startsWith('SQL statement'))
    .join('\n');
  if (where) o.where = where;
  return o;
}

/** Parses Postgres's text[] output (the helper's result arrays). */
export function parseTextArray(s: string): (string | null)[] {
  const out: (string | null)[] = [];
  let i = 1;
  while (i < s.length - 1) {
    if (s[i] === '"') {
      let v = '';
      i++;
      while (s[i] !== '"') {
        if (s[i] === '\\') i++;
        v += s[i++];
      }
      i++;
      out.push(v);
    } else {
      let j = i;
      while (j < s.length - 1 && s[j] !== ',') j++;
      const v = s.slice(i, j);
      out.push(v === 'NULL' ? null : v);
      i = j;
    }
    if (s[i] === ',') i++;
  }
  return out;
}

/** A SQL string literal (E'' form when needed, so any text round-trips). */
export function lit(s: string): string {
  if (/[\\\x00-\x1f]/.test(s)) {
    const body = s.replace(/[\\'\x00-\x1f]/g, (c) =>
      c === '\\' ? '\\\\' : c === "'" ? "''" : '\\x' + c.charCodeAt(0).toString(16).padStart(2, '0'),
    );
    return `E'${body}'`;
  }
  return `'${s.replace(/'/g, "''")}'`;
}

/** A SQL text[] literal of the strings (NULLs allowed). */
export function litArray(items: readonly (string | null)[]): string {
  return `ARRAY[${items.map((s) => (s === null ? 'NULL' : lit(s))).join(',')}]::text[]`;
}

/** Runs fauxgres code, giving the same Outcome shape as the oracle helpers. */
export function faux(fn: () => string | null): Outcome {
  try {
    return { value: fn() };
  } catch (e) {
    if (!isPgError(e)) throw e;
    const o: Outcome = { code: e.code, message: e.message };
    if (e.detail) o.detail = e.detail;
    if (e.hint) o.hint = e.hint;
    if (e.where) o.where = e.where;
    return o;
  }
}
