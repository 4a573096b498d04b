/**
 * fauxgres through its own session API: `Database.create()`, `db.exec`, `db.query(text, values)`.
 * Resets: `db.fork()`, `db.snapshot()` / `db.restore()`, BEGIN/ROLLBACK, each when present.
 *
 * Postgres counterpart: none (the engine under test). Known gaps: every capability is feature-
 * detected, see fauxgres-module.ts.
 */
import { EngineUnavailable, type EngineAdapter, type EngineSession, type ResetStrategy } from './adapter.js';
import { createFauxDatabase, forkOf, type FauxDatabase } from './fauxgres-module.js';
import { projectVersion } from './package-version.js';
import { copyStrategy, restoreStrategy, rollbackStrategy } from './reset-strategies.js';

/** Strategies at the database level (fork, snapshot/restore) that any fauxgres adapter can offer. */
export function fauxDatabaseStrategies(
  db: FauxDatabase,
  self: EngineSession,
  wrapFork: (fork: FauxDatabase) => Promise<EngineSession>,
): ResetStrategy[] {
  const list: ResetStrategy[] = [];
  if (typeof db.fork === 'function') {
    list.push(
      copyStrategy('fork', '`db.fork()` of the seeded database per test (timed, closing it is not)', async () => ({
        makeCopy: async () => wrapFork(await forkOf(db)),
        dispose: async () => {},
      })),
    );
  }
  if (typeof db.snapshot === 'function' && typeof db.restore === 'function') {
    list.push(
      restoreStrategy('restore', '`db.snapshot()` once, `db.restore(snapshot)` after each test (timed)', self, async () => {
        const snap = db.snapshot!();
        return async () => {
          await db.restore!(snap);
        };
      }),
    );
  }
  list.push(rollbackStrategy(self));
  return list;
}

/** The session over `db.query` / `db.exec`. */
export function fauxQuerySession(db: FauxDatabase): EngineSession {
  let closed = false;
  const self: EngineSession = {
    exec: async (sql) => {
      await db.exec(sql);
    },
    query: (sql, params) => (params ? db.query(sql, params) : db.query(sql)),
    resetStrategies: () => fauxDatabaseStrategies(db, self, async (f) => fauxQuerySession(f)),
    close: async () => {
      if (closed) return;
      closed = true;
      await db.close();
    },
  };
  return self;
}

/** Creates the adapter for fauxgres's session API. */
export function fauxgresAdapter(): EngineAdapter {
  return {
    name: 'fauxgres',
    description: 'fauxgres in process through `db.query(text, values)` / `db.exec`',
    async start() {
      const db = await createFauxDatabase();
      if (typeof db.query !== 'function' || typeof db.exec !== 'function') {
        throw new EngineUnavailable('Database lacks query() or exec()');
      }
      return fauxQuerySession(db);
    },
    async versions() {
      return { fauxgres: projectVersion() };
    },
    async shutdown() {},
  };
}
