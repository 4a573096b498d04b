/**
 * An in-memory client socket with the part of net.Socket's interface that node-postgres and
 * postgres.js use (connect, write, end, destroy, data/connect/close/end events), wired to a
 * backend connection. Client writes are processed synchronously; server output reaches the client
 * on the next tick, batched, so client code never re-enters itself.
 * Postgres counterpart: none (this replaces the TCP socket).
 */
import { EventEmitter } from 'node:events';
import type { BackendConnection } from './backend.js';
import type { ProtocolServer } from './server.js';

export class MemorySocket extends EventEmitter {
  private readonly backend: BackendConnection;
  /** Server output not yet emitted: one chunk (the usual case, no array), or several. */
  private pending: Buffer | Buffer[] | undefined;
  private scheduled = false;
  private ended = false;
  private closing = false;
  readyState: 'opening' | 'open' | 'closed' = 'open';
  writable = true;
  readable = true;
  /** For clients that log where they connected. */
  host = 'fauxgres';
  port = 0;

  constructor(server: ProtocolServer) {
    super();
    this.backend = server.accept({
      write: (chunk) => this.deliver(chunk),
      close: () => this.serverClosed(),
    });
  }

  private deliver(chunk: Buffer): void {
    const p = this.pending;
    if (p === undefined) this.pending = chunk;
    else if (Array.isArray(p)) p.push(chunk);
    else this.pending = [p, chunk];
    if (!this.scheduled) {
      this.scheduled = true;
      process.nextTick(this.emitPendingBound);
    }
  }

  private readonly emitPendingBound = (): void => this.emitPending();

  private emitPending(): void {
    this.scheduled = false;
    const p = this.pending;
    if (p === undefined) return;
    const data = Array.isArray(p) ? Buffer.concat(p) : p;
    this.pending = undefined;
    if (this.readyState === 'closed' && !this.closing) return;
    this.emit('data', data);
  }

  private serverClosed(): void {
    if (this.closing) return;
    this.closing = true;
    this.writable = false;
    process.nextTick(() => {
      this.emitPending();
      this.readyState = 'closed';
      this.emit('end');
      this.emit('close', false);
    });
  }

  connect(): this {
    process.nextTick(() => this.emit('connect'));
    return this;
  }

  write(chunk: Buffer | string, encodingOrCb?: BufferEncoding | ((err?: Error) => void), cb?: (err?: Error) => void): boolean {
    const done = typeof encodingOrCb === 'function' ? encodingOrCb : cb;
    if (!this.writable) {
      if (done) process.nextTick(done, new Error('write after end'));
      return false;
    }
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, typeof encodingOrCb === 'string' ? encodingOrCb : 'utf8') : chunk;
    this.backend.receive(buf);
    if (done) process.nextTick(done);
    return true;
  }

  end(chunk?: Buffer | string | (() => void), cb?: () => void): this {
    if (typeof chunk === 'function') {
      cb = chunk;
      chunk = undefined;
    }
    if (chunk !== undefined && this.writable) this.write(chunk);
    if (!this.ended) {
      this.ended = true;
      this.writable = false;
      this.backend.disconnected();
      this.serverClosed();
    }
    if (cb) process.nextTick(cb);
    return this;
  }

  destroy(err?: Error): this {
    if (err) process.nextTick(() => this.emit('error', err));
    return this.end();
  }

  setNoDelay(): this {
    return this;
  }
  setKeepAlive(): this {
    return this;
  }
  setTimeout(): this {
    return this;
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }
  pause(): this {
    return this;
  }
  resume(): this {
    return this;
  }
  cork(): void {}
  uncork(): void {}
}
