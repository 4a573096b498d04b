/**
 * Twin databases for client and protocol tests: a fresh database on the oracle and a fresh fauxgres
 * Database, both set up with the same SQL, so a test runs the same client code on both and compares.
 *
 * Postgres counterpart: none (test harness).
 */
import pg from 'pg';
import { Database } from '../../src/index.js';
import { createRegressDatabase, dropRegressDatabase } from './regress-database.js';

export interface Twin {
  /** Connection string of the oracle database. */
  readonly oracleUrl: string;
  /** Its name (the fauxgres side accepts any database name). */
  readonly name: string;
  readonly db: Database;
  close(): Promise<void>;
}

/** Creates database `name` on the oracle (dropped first if left over) and a fauxgres twin; runs `setup` on both. */
export async function createTwin(name: string, setup = ''): Promise<Twin> {
  const url = process.env.PG_ORACLE_URL;
  if (!url) throw new Error('PG_ORACLE_URL is not set (the vitest global setup starts the oracle)');
  const admin = new pg.Client(url);
  await admin.connect();
  await createRegressDatabase(admin, name);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const oracleUrl = u.toString();
  if (setup) {
    const c = new pg.Client(oracleUrl);
    await c.connect();
    await c.query(setup);
    await c.end();
  }
  const db = await Database.create();
  if (setup) await db.exec(setup);
  return {
    oracleUrl,
    name,
    db,
    close: async () => {
      await db.close();
      await dropRegressDatabase(admin, name);
      await admin.end();
    },
  };
}
