/**
 * Shared plumbing of the differential property tests (types, expressions): runs the same SQL on
 * the oracle (a pg.Client) and on a fauxgres Database and reduces each outcome to comparable data
 * (rows as Postgres's text output, or SQLSTATE + message). A batch of scalar expressions goes to
 * each engine as one SELECT of many columns; only when that fails on either side is each
 * expression re-run alone, so that one bad input costs one extra round trip per expression.
 *
 * Postgres counterpart: none (test harness).
 */
import type pg from 'pg';
import type { Database } from '../../src/index.js';

/** Every type's output as text, as psql would print it. */
export const raw = { getTypeParser: () => (v: string) => v };

export type Outcome = { rows: (string | null)[][] } | { code: string; message: string };

function reduce(e: unknown): Outcome {
  const err = e as { code?: string; message?: string };
  if (!err || typeof err.code !== 'string') return { code: 'CRASH', message: String((e as Error)?.stack ?? e) };
  return { code: err.code, message: err.message ?? '' };
}

export async function onOracle(client: pg.Client, text: string): Promise<Outcome> {
  try {
    const r = await client.query({ text, types: raw, rowMode: 'array' });
    return { rows: r.rows as (string | null)[][] };
  } catch (e) {
    return reduce(e);
  }
}

export async function onFauxgres(db: Database, text: string): Promise<Outcome> {
  try {
    const r = await db.query({ text, types: raw, rowMode: 'array' });
    return { rows: r.rows as unknown as (string | null)[][] };
  } catch (e) {
    return reduce(e);
  }
}

export interface Mismatch {
  sql: string;
  oracle: Outcome;
  fauxgres: Outcome;
}

const same = (a: Outcome, b: Outcome): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Runs `setup` (settings) then one statement on both engines; returns the mismatch if any. */
export async function compareOne(client: pg.Client, db: Database, sql: string): Promise<Mismatch | undefined> {
  const oracle = await onOracle(client, sql);
  const fauxgres = await onFauxgres(db, sql);
  return same(oracle, fauxgres) ? undefined : { sql, oracle, fauxgres };
}

/**
 * Evaluates scalar expressions on both engines: one `SELECT e1, e2, ...`, then each alone if the
 * batch failed on either side. Returns every disagreement (empty when all agree).
 */
export async function compareExprs(client: pg.Client, db: Database, setup: string[], exprs: string[]): Promise<Mismatch[]> {
  for (const s of setup) {
    await client.query(s);
    await db.query(s);
  }
  if (exprs.length === 0) return [];
  const batch = `SELECT ${exprs.join(', ')}`;
  const a = await onOracle(client, batch);
  const b = await onFauxgres(db, batch);
  if ('rows' in a && 'rows' in b) {
    if (same(a, b)) return [];
    if (exprs.length === 1) return [{ sql: withSetup(setup, batch), oracle: a, fauxgres: b }];
  }
  const out: Mismatch[] = [];
  for (const e of exprs) {
    const m = await compareOne(client, db, `SELECT ${e}`);
    if (m) out.push({ ...m, sql: withSetup(setup, m.sql) });
  }
  return out;
}

const withSetup = (setup: string[], sql: string): string => [...setup, sql].join('; ');

/** A readable failure message listing the disagreements. */
export function describeMismatches(ms: Mismatch[]): string {
  return ms
    .map((m) => `${m.sql}\n  oracle:   ${JSON.stringify(m.oracle)}\n  fauxgres: ${JSON.stringify(m.fauxgres)}`)
    .join('\n');
}
