/**
 * The TCP server: password authentication with each method Postgres offers (the real `pg` client
 * does the client side), wrong passwords (28P01, as Postgres words it), 100 concurrent connections
 * each its own session, cancel requests, and the startup errors clients see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import postgres from 'postgres';
import { Database } from '../../src/index.js';
import type { FauxgresTcpServer } from '../../src/protocol/tcp.js';
import { decode, type BackendMessage } from '../harness/wire.js';

let db: Database;

beforeAll(async () => {
  db = await Database.create();
  // Connections name an existing role, as in Postgres.
  await db.query('CREATE ROLE app LOGIN');
  await db.exec('create table counter (id int primary key, n int not null)');
  await db.exec('insert into counter values (1, 0)');
});

afterAll(async () => {
  await db.close();
});

async function connectError(config: pg.ClientConfig): Promise<unknown> {
  const c = new pg.Client(config);
  return c.connect().then(
    async () => {
      await c.end();
      return 'connected';
    },
    (e: { code?: string; message: string; severity?: string }) => ({ code: e.code, message: e.message, severity: e.severity }),
  );
}

/** Sends a raw startup packet and returns the server's raw answer up to the close. */
async function rawStartup(host: string, port: number, params: string): Promise<BackendMessage[]> {
  const net = await import('node:net');
  const sock = net.connect(port, host);
  const chunks: Buffer[] = [];
  await new Promise<void>((resolve) => {
    sock.on('connect', () => {
      const body = Buffer.concat([Buffer.from([0, 3, 0, 0]), Buffer.from(params)]);
      const len = Buffer.alloc(4);
      len.writeInt32BE(body.length + 4);
      sock.write(Buffer.concat([len, body]));
    });
    sock.on('data', (d) => chunks.push(d));
    sock.on('close', () => resolve());
  });
  const all = Buffer.concat(chunks);
  const msgs: BackendMessage[] = [];
  for (let p = 0; p + 5 <= all.length; ) {
    const len = all.readInt32BE(p + 1);
    msgs.push(decode(String.fromCharCode(all[p]), all.subarray(p + 5, p + 1 + len)));
    p += len + 1;
  }
  return msgs;
}

async function withServer<T>(options: Parameters<Database['listen']>[0], f: (s: FauxgresTcpServer) => Promise<T>): Promise<T> {
  const server = await db.listen({ port: 0, ...options });
  try {
    return await f(server);
  } finally {
    await server.close();
  }
}

describe('authentication', () => {
  for (const method of ['password', 'md5', 'scram-sha-256'] as const) {
    it(`accepts the right password and refuses a wrong one with ${method}`, async () => {
      await withServer({ password: 's3cret', method }, async (s) => {
        const good = new pg.Client({ host: s.host, port: s.port, user: 'app', database: 'postgres', password: 's3cret' });
        await good.connect();
        const { rows } = await good.query('select current_user as u, 1 + 1 as two');
        await good.end();
        const bad = await connectError({ host: s.host, port: s.port, user: 'postgres', database: 'postgres', password: 'nope' });
        // The oracle, asked with a wrong password for the same user, says:
        const u = new URL(process.env.PG_ORACLE_URL as string);
        const expected = await connectError({ host: u.hostname, port: Number(u.port), user: 'postgres', database: 'postgres', password: 'nope' });
        expect({ rows, bad }).toEqual({ rows: [{ u: 'app', two: 2 }], bad: expected });
      });
    });
  }

  it('refuses a role that does not exist or may not log in (FATAL 28000, as Postgres with trust authentication)', async () => {
    await db.query('CREATE ROLE app_nologin');
    await withServer({}, async (s) => {
      const missing = await connectError({ host: s.host, port: s.port, user: 'nobody', database: 'postgres' });
      const nologin = await connectError({ host: s.host, port: s.port, user: 'app_nologin', database: 'postgres' });
      expect({ missing, nologin }).toEqual({
        missing: { code: '28000', message: 'role "nobody" does not exist', severity: 'FATAL' },
        nologin: { code: '28000', message: 'role "app_nologin" is not permitted to log in', severity: 'FATAL' },
      });
    });
  });

  it('lets postgres.js authenticate with SCRAM', async () => {
    await withServer({ password: 'pw' }, async (s) => {
      const sql = postgres({ host: s.host, port: s.port, user: 'postgres', password: 'pw', database: 'postgres', max: 1 });
      const rows = await sql`select ${41}::int + 1 as answer`;
      await sql.end();
      expect([...rows]).toEqual([{ answer: 42 }]);
    });
  });
});

describe('connections', () => {
  it('serves 100 concurrent connections, each its own session', async () => {
    await withServer({}, async (s) => {
      const clients = await Promise.all(
        Array.from({ length: 100 }, async () => {
          const c = new pg.Client({ host: s.host, port: s.port, user: 'postgres', database: 'postgres' });
          await c.connect();
          return c;
        }),
      );
      // Each client opens a transaction and sets a session variable; none sees the others'.
      await Promise.all(clients.map((c, i) => c.query(`select set_config('app.who', $1, false)`, [String(i)])));
      const who = await Promise.all(clients.map((c) => c.query(`select current_setting('app.who') as w, pg_backend_pid() as pid`)));
      await Promise.all(clients.map((c) => c.query('update counter set n = n + 1 where id = 1')));
      const total = await clients[0].query('select n from counter where id = 1');
      await Promise.all(clients.map((c) => c.end()));
      expect({
        who: who.map((r) => r.rows[0].w),
        distinctPids: new Set(who.map((r) => r.rows[0].pid)).size,
        total: total.rows[0].n,
      }).toEqual({ who: Array.from({ length: 100 }, (_, i) => String(i)), distinctPids: 100, total: 100 });
    });
  });

  it('accepts a cancel request for an idle connection without disturbing it', async () => {
    await withServer({}, async (s) => {
      const c = new pg.Client({ host: s.host, port: s.port, user: 'postgres', database: 'postgres' });
      await c.connect();
      const pid = (c as unknown as { processID: number }).processID;
      const key = (c as unknown as { secretKey: number }).secretKey;
      const cancel = new pg.Client({ host: s.host, port: s.port, user: 'postgres', database: 'postgres' });
      await new Promise<void>((resolve) => {
        const con = (cancel as unknown as { connection: { connect(port: number, host: string): void; on(e: string, f: () => void): void; cancel(pid: number, key: number): void } }).connection;
        con.on('connect', () => con.cancel(pid, key));
        con.on('end', () => resolve());
        con.connect(s.port, s.host);
      });
      const { rows } = await c.query('select 1 as still');
      await c.end();
      expect(rows).toEqual([{ still: 1 }]);
    });
  });

  it('reports a missing user name in the startup packet as Postgres does', async () => {
    await withServer({}, async (s) => {
      const u = new URL(process.env.PG_ORACLE_URL as string);
      const expected = await rawStartup(u.hostname, Number(u.port), 'database\0x\0\0');
      const actual = await rawStartup(s.host, s.port, 'database\0x\0\0');
      expect(actual).toEqual(expected);
    });
  });
});
