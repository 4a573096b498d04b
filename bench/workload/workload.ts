/**
 * The benchmark workload as data: the two schema variants, the seeds, and the statements each
 * figure runs. Every engine gets exactly these strings and parameters.
 *
 * Postgres counterpart: none (an application workload, in the spirit of pgbench's scripts).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DATASET_SCALE, FIXTURE_SCALE, seedScript } from './seed.js';

/** `trigger`: schema.sql with the PL/pgSQL trigger; `notrigger`: schema-notrigger.sql. */
export type SchemaVariant = 'trigger' | 'notrigger';

const here = (name: string): string => fileURLToPath(new URL(name, import.meta.url));

/** The schema script for a variant. */
export function schemaSql(variant: SchemaVariant): string {
  return readFileSync(here(variant === 'trigger' ? 'schema.sql' : 'schema-notrigger.sql'), 'utf8');
}

/** The `join_agg` query text. */
export const JOIN_AGG_SQL: string = readFileSync(here('join-agg.sql'), 'utf8')
  .split('\n')
  .filter((l) => !l.startsWith('--'))
  .join('\n')
  .trim();

let fixture: string | undefined;
let dataset: string | undefined;

/** Seed script of the per-test fixture (same text for every engine). */
export function fixtureSeed(): string {
  return (fixture ??= seedScript(FIXTURE_SCALE));
}

/** Seed script of the 10,000-order_items dataset. */
export function datasetSeed(): string {
  return (dataset ??= seedScript(DATASET_SCALE));
}

/** `insert` figure: one single-row parameterized INSERT into `orders` (FKs, CHECK, defaults, trigger). */
export const INSERT_SQL = 'INSERT INTO orders (customer_id, created_by, status, note) VALUES ($1, $2, $3, $4)';

const STATUSES = ['pending', 'paid', 'shipped', 'delivered', 'cancelled'];

/** Parameters of the i-th `insert` statement; ids stay within the fixture's customers and users. */
export function insertParams(i: number): unknown[] {
  return [
    1 + ((i * 7) % FIXTURE_SCALE.customers),
    i % 5 === 0 ? null : 1 + (i % FIXTURE_SCALE.users),
    STATUSES[i % STATUSES.length],
    i % 3 === 0 ? null : `note ${i}`,
  ];
}

/** `select_pk` figure: point lookup by primary key on the dataset's `orders`. */
export const SELECT_PK_SQL = 'SELECT id, customer_id, created_by, status, note, placed_at, updated_at FROM orders WHERE id = $1';

/** The i-th looked-up id: a fixed stride through all dataset orders. */
export function selectPkId(i: number): number {
  return 1 + ((i * 7919) % DATASET_SCALE.orders);
}

/** `parse_heavy` figure: the i-th distinct literal INSERT (no two statements share their text). */
export function parseHeavySql(i: number): string {
  return (
    `INSERT INTO audit_log (user_id, action, entity, entity_id, details) VALUES ` +
    `(${1 + (i % FIXTURE_SCALE.users)}, 'action_${i}', 'entity_${i % 17}', ${i * 31}, ` +
    `'{"i": ${i}, "tag": "t${i}", "ok": ${i % 2 === 0}}')`
  );
}

/** A batch of `n` literal rows for `orders`, starting at row `start`, for the bytes-per-row figure. */
export function ordersBatchSql(start: number, n: number): string {
  const rows: string[] = [];
  for (let i = start; i < start + n; i++) {
    const p = insertParams(i);
    const note = p[3] === null ? 'NULL' : `'${String(p[3])}'`;
    rows.push(`(${String(p[0])}, ${p[1] === null ? 'NULL' : String(p[1])}, '${String(p[2])}', ${note})`);
  }
  return `INSERT INTO orders (customer_id, created_by, status, note) VALUES ${rows.join(', ')}`;
}

/** Statement that dirties the state in the `reset` figure (a row the reset must make disappear). */
export function dirtySql(i: number): string {
  return `INSERT INTO organizations (name, plan) VALUES ('reset-probe-${i}', 'pro')`;
}

/** Number of organizations right after the fixture seed (what a correct reset returns to). */
export const FIXTURE_ORGANIZATIONS = FIXTURE_SCALE.organizations;

/** All tables of the schema, parents first. */
export const TABLES = [
  'organizations',
  'users',
  'categories',
  'products',
  'customers',
  'orders',
  'order_items',
  'payments',
  'reviews',
  'audit_log',
] as const;

/**
 * Splits one of our own scripts into statements (at `;` + newline, outside dollar quotes).
 * Only for diagnostics: finding which statement an engine rejects.
 */
export function splitStatements(script: string): string[] {
  const out: string[] = [];
  let current = '';
  for (const piece of script.split(/(?<=;)\s*\n/)) {
    current += (current ? '\n' : '') + piece;
    if ((current.match(/\$\$/g) ?? []).length % 2 === 0) {
      const text = current.replace(/^\s*--.*$/gm, '').trim();
      if (text) out.push(text);
      current = '';
    }
  }
  if (current.trim()) out.push(current.trim());
  return out;
}
