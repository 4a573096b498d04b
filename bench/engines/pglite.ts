/**
 * PGlite (Postgres compiled to WASM), in process: `PGlite.create()`, `db.query`, `db.exec`.
 * Resets: `db.clone()` (when the installed version has it) and BEGIN/ROLLBACK.
 *
 * Postgres counterpart: the real server, single-user mode inside WASM. Known gaps: none known;
 * an instance holds ~200 MB, so the memory figure caps the instance count.
 */
import { packageVersion } from './package-version.js';
import type { EngineAdapter, EngineSession, QueryResultLike } from './adapter.js';
import { copyStrategy, rollbackStrategy } from './reset-strategies.js';

type PGliteModule = typeof import('@electric-sql/pglite');
type PGliteDb = Awaited<ReturnType<PGliteModule['PGlite']['create']>>;

interface Cloneable {
  clone?: () => Promise<PGliteDb>;
}

function pgliteSession(db: PGliteDb): EngineSession {
  let closed = false;
  const session: EngineSession = {
    exec: async (sql) => {
      await db.exec(sql);
    },
    query: (sql, params) => db.query(sql, params as unknown[] | undefined) as Promise<QueryResultLike>,
    resetStrategies: () => {
      const cloneable = db as unknown as Cloneable;
      const list = [rollbackStrategy(session)];
      if (typeof cloneable.clone === 'function') {
        list.unshift(
          copyStrategy('clone', '`db.clone()` of the seeded instance per test (timed, closing it is not)', async () => ({
            makeCopy: async () => pgliteSession(await cloneable.clone!.call(db)),
            dispose: async () => {},
          })),
        );
      }
      return list;
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await db.close();
    },
  };
  return session;
}

/** Creates the PGlite adapter. */
export function pgliteAdapter(): EngineAdapter {
  let mod: PGliteModule | undefined;
  return {
    name: 'pglite',
    description: 'PGlite (WASM Postgres) in process, `db.query` / `db.exec`',
    async start() {
      mod ??= await import('@electric-sql/pglite');
      return pgliteSession(await mod.PGlite.create());
    },
    async versions() {
      return { '@electric-sql/pglite': packageVersion('@electric-sql/pglite') };
    },
    async relationBytes(session, table) {
      const r = await session.query(`SELECT pg_total_relation_size('${table}')::float8 AS n`);
      return Number((r.rows[0] as { n: unknown }).n);
    },
    async shutdown() {},
  };
}
