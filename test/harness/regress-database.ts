/**
 * Creates the per-file database on real Postgres that a regress file runs in: from template0,
 * with the cluster's default encoding and locale (ICU en-US on the oracle), and with the session
 * defaults fauxgres also has (TimeZone UTC, DateStyle 'ISO, MDY', IntervalStyle postgres) set
 * with ALTER DATABASE ... SET, so that `RESET TimeZone` in a test returns to UTC on both.
 *
 * Postgres counterpart: pg_regress's create_database() (src/test/regress/pg_regress.c).
 */
import type pg from 'pg';

/** Settings every regress database gets as its defaults (fauxgres's defaults must match). */
export const REGRESS_DATABASE_SETTINGS: Readonly<Record<string, string>> = {
  TimeZone: 'UTC',
  DateStyle: 'ISO, MDY',
  IntervalStyle: 'postgres',
};

/** Quotes an SQL identifier. */
export const quoteIdent = (s: string): string => `"${s.replace(/"/g, '""')}"`;
/** Quotes an SQL string literal (standard_conforming_strings on). */
export const quoteLiteral = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** The CREATE DATABASE statement copying the cluster default encoding and locale from template1. */
async function createDatabaseSql(admin: pg.Client, db: string): Promise<string> {
  const { rows } = await admin.query<{ enc: string; provider: string; locale: string | null; collate: string; ctype: string }>(
    `SELECT pg_encoding_to_char(encoding) AS enc, datlocprovider AS provider, datlocale AS locale,
            datcollate AS collate, datctype AS ctype
       FROM pg_database WHERE datname = 'template1'`,
  );
  const t = rows[0];
  const parts = [`CREATE DATABASE ${quoteIdent(db)} TEMPLATE template0 ENCODING ${quoteLiteral(t.enc)}`];
  parts.push(`LC_COLLATE ${quoteLiteral(t.collate)} LC_CTYPE ${quoteLiteral(t.ctype)}`);
  if (t.provider === 'i') parts.push(`LOCALE_PROVIDER icu ICU_LOCALE ${quoteLiteral(t.locale ?? '')}`);
  else if (t.provider === 'b') parts.push(`LOCALE_PROVIDER builtin BUILTIN_LOCALE ${quoteLiteral(t.locale ?? '')}`);
  return parts.join(' ');
}

/** (Re)creates database `db` through the maintenance connection `admin`. */
export async function createRegressDatabase(admin: pg.Client, db: string): Promise<void> {
  await dropRegressDatabase(admin, db);
  await admin.query(await createDatabaseSql(admin, db));
  for (const [k, v] of Object.entries(REGRESS_DATABASE_SETTINGS)) {
    await admin.query(`ALTER DATABASE ${quoteIdent(db)} SET ${k} TO ${quoteLiteral(v)}`);
  }
}

/** Drops database `db` if it exists, disconnecting its sessions. */
export async function dropRegressDatabase(admin: pg.Client, db: string): Promise<void> {
  await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(db)} WITH (FORCE)`);
}
