/**
 * fauxgres over TCP: `createServer(db, { port })` on loopback and the real `pg` client, the same
 * path as the real-Postgres adapter, so the two differ only in what sits behind the socket.
 *
 * Postgres counterpart: the postmaster's wire protocol. Known gaps: unavailable until the engine
 * exports `createServer`; fork is not offered (a fork would need its own listener).
 */
import { createServer as createNetServer } from 'node:net';
import type pg from 'pg';
import { EngineUnavailable, type EngineAdapter, type EngineSession } from './adapter.js';
import { createFauxDatabase, loadFauxgres, type FauxServer } from './fauxgres-module.js';
import { packageVersion, projectVersion } from './package-version.js';
import { pgClientSession } from './pg-client-session.js';
import { restoreStrategy, rollbackStrategy } from './reset-strategies.js';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createNetServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

async function closeServer(server: FauxServer): Promise<void> {
  await new Promise<void>((resolve) => {
    const r = server.close(() => resolve());
    if (r instanceof Promise) void r.then(() => resolve(), () => resolve());
  });
}

/** Creates the adapter for fauxgres over loopback TCP. */
export function fauxgresTcpAdapter(): EngineAdapter {
  let Client: typeof pg.Client | undefined;
  return {
    name: 'fauxgres-tcp',
    description: 'fauxgres behind `createServer(db)` on loopback TCP, real `pg` client',
    async start(): Promise<EngineSession> {
      const mod = await loadFauxgres();
      if (typeof mod.createServer !== 'function') throw new EngineUnavailable('createServer() is not exported yet');
      Client ??= (await import('pg')).default.Client;
      const db = await createFauxDatabase();
      const port = await freePort();
      const server = await mod.createServer(db, { port, host: '127.0.0.1' });
      const client = new Client({ host: '127.0.0.1', port, user: 'postgres', password: 'postgres', database: 'postgres' });
      client.on('error', () => {});
      await client.connect();
      return pgClientSession(client, {
        strategies: (self) => {
          const list = [];
          if (typeof db.snapshot === 'function' && typeof db.restore === 'function') {
            list.push(
              restoreStrategy('restore', '`db.snapshot()` once, `db.restore(snapshot)` after each test (timed)', self, async () => {
                const snap = db.snapshot!();
                return async () => void (await db.restore!(snap));
              }),
            );
          }
          list.push(rollbackStrategy(self));
          return list;
        },
        afterClose: async () => {
          await closeServer(server);
          await db.close();
        },
      });
    },
    async versions() {
      return { fauxgres: projectVersion(), pg: packageVersion('pg') };
    },
    async shutdown() {},
  };
}
