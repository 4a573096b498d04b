/**
 * fauxgres through the real `pg` package connected in process: `const { Client } = db.pg()`.
 * This is how most test suites would use it (unchanged node-postgres code, no socket).
 *
 * Postgres counterpart: none. Known gaps: unavailable until the engine exposes `db.pg()`.
 */
import { EngineUnavailable, type EngineAdapter, type EngineSession } from './adapter.js';
import { createFauxDatabase, type FauxDatabase } from './fauxgres-module.js';
import { fauxDatabaseStrategies } from './fauxgres.js';
import { packageVersion, projectVersion } from './package-version.js';
import { pgClientSession } from './pg-client-session.js';

async function pgSession(db: FauxDatabase): Promise<EngineSession> {
  if (typeof db.pg !== 'function') throw new EngineUnavailable('db.pg() is not implemented yet');
  const { Client } = db.pg();
  const client = new Client();
  await client.connect();
  return pgClientSession(
    { query: (t, v) => client.query(t, v), end: async () => void (await client.end()) },
    {
      strategies: (self) => fauxDatabaseStrategies(db, self, pgSession),
      afterClose: async () => void (await db.close()),
    },
  );
}

/** Creates the adapter for fauxgres behind the in-process `pg` client. */
export function fauxgresPgAdapter(): EngineAdapter {
  return {
    name: 'fauxgres-pg',
    description: 'fauxgres in process through the real `pg` Client from `db.pg()` (no socket)',
    start: async () => pgSession(await createFauxDatabase()),
    async versions() {
      return { fauxgres: projectVersion(), pg: packageVersion('pg') };
    },
    async shutdown() {},
  };
}
