/**
 * `createServer(db, { port, host })`: the protocol over TCP, so psql and drivers in any language
 * connect. Every socket is its own session; a broken or hostile client only loses its own
 * connection.
 * Postgres counterpart: src/backend/postmaster/postmaster.c (ServerLoop) and libpq/pqcomm.c.
 */
import net from 'node:net';
import type { Database } from '../database.js';
import { ProtocolServer, type ProtocolServerOptions } from './server.js';

export interface TcpServerOptions extends ProtocolServerOptions {
  /** Default 5432; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
}

export interface FauxgresTcpServer {
  readonly port: number;
  readonly host: string;
  /** `postgres://postgres@host:port/postgres` (with the password when one is configured). */
  readonly url: string;
  readonly protocol: ProtocolServer;
  close(): Promise<void>;
}

/** Listens on TCP; resolves once listening. */
export function createServer(db: Database, options: TcpServerOptions = {}): Promise<FauxgresTcpServer> {
  const protocol = new ProtocolServer(db, { password: options.password, method: options.method });
  const sockets = new Set<net.Socket>();
  const server = net.createServer((sock) => {
    sockets.add(sock);
    sock.setNoDelay(true);
    const conn = protocol.accept({
      write: (chunk) => {
        if (!sock.destroyed) sock.write(chunk);
      },
      close: () => sock.end(),
    });
    sock.on('data', (d) => conn.receive(d));
    sock.on('error', () => {});
    sock.on('close', () => {
      sockets.delete(sock);
      conn.disconnected();
    });
  });
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 5432, host, () => {
      server.off('error', reject);
      const port = (server.address() as net.AddressInfo).port;
      const auth = options.password !== undefined ? `postgres:${encodeURIComponent(options.password)}` : 'postgres';
      resolve({
        port,
        host,
        url: `postgres://${auth}@${host.includes(':') ? `[${host}]` : host}:${port}/postgres`,
        protocol,
        close: () =>
          new Promise<void>((res) => {
            for (const s of sockets) s.destroy();
            server.close(() => res());
          }),
      });
    });
  });
}
