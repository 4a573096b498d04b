/**
 * A protocol server for one database: accepts connections over any byte channel (in-memory pipes
 * for the drop-in clients, TCP sockets for `createServer`), each its own session, and routes
 * cancel requests to the connection they name.
 * Postgres counterpart: src/backend/postmaster/postmaster.c (accepting backends, cancel keys).
 */
import type { Database } from '../database.js';
import type { Session } from '../session/session.js';
import type { AuthOptions } from './auth.js';
import { BackendConnection, type Channel, type ConnectionHost } from './backend.js';
import { MemorySocket } from './memory-socket.js';

export interface ProtocolServerOptions extends AuthOptions {}

export class ProtocolServer implements ConnectionHost {
  private readonly live = new Map<number, BackendConnection>();

  constructor(
    readonly db: Database,
    readonly auth: ProtocolServerOptions = {},
  ) {}

  /** Connections that finished startup and are still open. */
  get connections(): readonly BackendConnection[] {
    return [...this.live.values()];
  }

  openSession(user: string, database: string): Session {
    return this.db.openSession(user, database);
  }

  register(conn: BackendConnection): void {
    this.live.set(conn.pid, conn);
  }

  unregister(conn: BackendConnection): void {
    if (this.live.get(conn.pid) === conn) this.live.delete(conn.pid);
    this.db.closeSession(conn.session);
  }

  find(pid: number, secret: number): BackendConnection | undefined {
    const c = this.live.get(pid);
    return c && c.secret === secret ? c : undefined;
  }

  /** Starts a connection on a channel; feed it with `receive()` and tell it `disconnected()`. */
  accept(channel: Channel): BackendConnection {
    return new BackendConnection(this, channel);
  }

  /** A client-side socket (net.Socket's shape) connected to a new backend in memory. */
  socket(): MemorySocket {
    return new MemorySocket(this);
  }
}
