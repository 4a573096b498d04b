/**
 * pg-mem (v3) as its users use it: `newDb()` per database and node-postgres's API from
 * `mem.adapters.createPg()`. Resets: `mem.backup()` / `backup.restore()`, and BEGIN/ROLLBACK.
 *
 * Postgres counterpart: none. Known gaps: pg-mem has no PL/pgSQL, so it runs schema-notrigger.sql.
 */
import { packageVersion } from './package-version.js';
import type { EngineAdapter, EngineSession } from './adapter.js';
import { pgClientSession, type PgLikeClient } from './pg-client-session.js';
import { restoreStrategy, rollbackStrategy } from './reset-strategies.js';

type PgMemModule = typeof import('pg-mem');

/** Creates the pg-mem adapter. */
export function pgMemAdapter(): EngineAdapter {
  let mod: PgMemModule | undefined;
  return {
    name: 'pg-mem',
    description: "pg-mem, node-postgres API from `mem.adapters.createPg()`",
    async start(): Promise<EngineSession> {
      mod ??= await import('pg-mem');
      const mem = mod.newDb();
      const { Client } = mem.adapters.createPg() as { Client: new () => PgLikeClient & { connect(): Promise<void> } };
      const client = new Client();
      await client.connect();
      return pgClientSession(client, {
        strategies: (self) => [
          restoreStrategy('backup-restore', '`mem.backup()` once, `backup.restore()` after each test (timed)', self, async () => {
            const backup = mem.backup();
            return async () => backup.restore();
          }),
          rollbackStrategy(self),
        ],
      });
    },
    async versions() {
      return { 'pg-mem': packageVersion('pg-mem') };
    },
    async shutdown() {},
  };
}
