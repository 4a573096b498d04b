/**
 * A raw protocol-3.0 client for tests: builds frontend messages byte by byte and decodes backend
 * messages into plain objects, so the same message sequence can be sent to the oracle (TCP) and to
 * fauxgres (in-memory socket) and the answers compared message by message.
 *
 * Postgres counterpart: none (a test tool; see src/interfaces/libpq/fe-protocol3.c for the client side).
 */
import net from 'node:net';
import type { EventEmitter } from 'node:events';

function cstr(s: string): Buffer {
  return Buffer.concat([Buffer.from(s, 'utf8'), Buffer.from([0])]);
}

function int16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeInt16BE(n, 0);
  return b;
}

function int32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n, 0);
  return b;
}

function msg(type: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  return Buffer.concat([Buffer.from(type, 'latin1'), int32(body.length + 4), body]);
}

/** Frontend message builders. */
export const fe = {
  startup(params: Record<string, string>, version = 196608): Buffer {
    const body = Buffer.concat([int32(version), ...Object.entries(params).flatMap(([k, v]) => [cstr(k), cstr(v)]), Buffer.from([0])]);
    return Buffer.concat([int32(body.length + 4), body]);
  },
  sslRequest: (): Buffer => Buffer.concat([int32(8), int32(80877103)]),
  query: (sql: string): Buffer => msg('Q', cstr(sql)),
  parse: (name: string, sql: string, types: number[] = []): Buffer => msg('P', cstr(name), cstr(sql), int16(types.length), ...types.map(int32)),
  bind(portal: string, stmt: string, params: (Buffer | string | null)[], paramFormats: number[] = [], resultFormats: number[] = []): Buffer {
    return msg(
      'B',
      cstr(portal),
      cstr(stmt),
      int16(paramFormats.length),
      ...paramFormats.map(int16),
      int16(params.length),
      ...params.flatMap((p) => (p === null ? [int32(-1)] : [int32(Buffer.byteLength(p)), Buffer.from(p)])),
      int16(resultFormats.length),
      ...resultFormats.map(int16),
    );
  },
  describe: (kind: 'S' | 'P', name: string): Buffer => msg('D', Buffer.from(kind), cstr(name)),
  execute: (portal: string, maxRows = 0): Buffer => msg('E', cstr(portal), int32(maxRows)),
  close: (kind: 'S' | 'P', name: string): Buffer => msg('C', Buffer.from(kind), cstr(name)),
  sync: (): Buffer => msg('S'),
  flush: (): Buffer => msg('H'),
  terminate: (): Buffer => msg('X'),
  password: (p: string): Buffer => msg('p', cstr(p)),
  raw: msg,
};

/** A decoded backend message. */
export interface BackendMessage {
  type: string;
  [k: string]: unknown;
}

function readFields(body: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let p = 0;
  while (p < body.length && body[p] !== 0) {
    const code = String.fromCharCode(body[p]);
    const end = body.indexOf(0, p + 1);
    out[code] = body.toString('utf8', p + 1, end);
    p = end + 1;
  }
  return out;
}

function cstrings(body: Buffer): string[] {
  return body.toString('utf8').split('\0').slice(0, -1);
}

/** Decodes one backend message into a comparable object. */
export function decode(type: string, body: Buffer): BackendMessage {
  switch (type) {
    case 'R':
      return { type, code: body.readInt32BE(0), ...(body.length > 4 ? { data: body.subarray(4).toString('latin1') } : {}) };
    case 'S':
      return { type, name: cstrings(body)[0], value: cstrings(body)[1] };
    case 'K':
      return { type };
    case 'Z':
      return { type, status: String.fromCharCode(body[0]) };
    case 'T': {
      const n = body.readInt16BE(0);
      const fields = [];
      let p = 2;
      for (let i = 0; i < n; i++) {
        const end = body.indexOf(0, p);
        const name = body.toString('utf8', p, end);
        p = end + 1;
        fields.push({
          name,
          table: body.readInt32BE(p) === 0 ? 0 : 'rel',
          column: body.readInt16BE(p + 4),
          type: body.readInt32BE(p + 6),
          size: body.readInt16BE(p + 10),
          typmod: body.readInt32BE(p + 12),
          format: body.readInt16BE(p + 16),
        });
        p += 18;
      }
      return { type, fields };
    }
    case 'D': {
      const n = body.readInt16BE(0);
      const values: (string | null)[] = [];
      let p = 2;
      for (let i = 0; i < n; i++) {
        const len = body.readInt32BE(p);
        p += 4;
        if (len < 0) values.push(null);
        else {
          values.push(body.toString('hex', p, p + len));
          p += len;
        }
      }
      return { type, values };
    }
    case 'C':
      return { type, tag: cstrings(body)[0] };
    case 'E':
    case 'N': {
      const { F: _f, L: _l, R: _r, ...fields } = readFields(body);
      return { type, ...fields };
    }
    case 't': {
      const n = body.readInt16BE(0);
      return { type, types: Array.from({ length: n }, (_, i) => body.readUInt32BE(2 + i * 4)) };
    }
    case 'A':
      return { type, channel: cstrings(body.subarray(4))[0], payload: cstrings(body.subarray(4))[1] };
    case 'v':
      return { type, minor: body.readInt32BE(0), unrecognized: cstrings(body.subarray(8)) };
    default:
      return body.length ? { type, body: body.toString('hex') } : { type };
  }
}

/** The socket shape both net.Socket and fauxgres's in-memory socket have. */
export type WireSocket = EventEmitter & { write(b: Buffer): unknown; end(): unknown; destroy?(): unknown };

/** A raw connection that collects decoded messages. */
export class WireClient {
  private buf = Buffer.alloc(0);
  private messages: BackendMessage[] = [];
  private waiters: (() => void)[] = [];
  closed = false;
  /** Single bytes received outside messages (answers to SSLRequest). */
  bytes: string[] = [];
  private expectByte = false;

  constructor(readonly socket: WireSocket) {
    socket.on('data', (d: Buffer) => this.onData(d));
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
    socket.on('error', () => {});
  }

  static tcp(url: string): Promise<WireClient> {
    const u = new URL(url);
    const s = net.connect(Number(u.port), u.hostname);
    return new Promise((resolve, reject) => {
      s.once('connect', () => resolve(new WireClient(s)));
      s.once('error', reject);
    });
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  private onData(d: Buffer): void {
    this.buf = Buffer.concat([this.buf, d]);
    if (this.expectByte && this.buf.length >= 1) {
      this.bytes.push(String.fromCharCode(this.buf[0]));
      this.buf = this.buf.subarray(1);
      this.expectByte = false;
    }
    while (this.buf.length >= 5) {
      const len = this.buf.readInt32BE(1);
      if (this.buf.length < len + 1) break;
      this.messages.push(decode(String.fromCharCode(this.buf[0]), this.buf.subarray(5, len + 1)));
      this.buf = this.buf.subarray(len + 1);
    }
    this.wake();
  }

  send(...chunks: Buffer[]): void {
    for (const c of chunks) this.socket.write(c);
  }

  /** Sends an SSLRequest and returns the one-byte answer. */
  async sslRequest(): Promise<string> {
    this.expectByte = true;
    this.send(fe.sslRequest());
    while (this.expectByte && !this.closed) await new Promise<void>((r) => this.waiters.push(r));
    return this.bytes[this.bytes.length - 1];
  }

  /** Waits until `count` ReadyForQuery messages (or the connection closed) and returns the messages since the last call. */
  async untilReady(count = 1, timeoutMs = 5000): Promise<BackendMessage[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const ready = this.messages.filter((m) => m.type === 'Z').length;
      if (ready >= count || this.closed) break;
      if (Date.now() > deadline) throw new Error(`timeout waiting for ReadyForQuery; got ${JSON.stringify(this.messages)}`);
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, 50);
      });
    }
    const out = this.messages;
    this.messages = [];
    return out;
  }

  /** Startup with password handling (cleartext, as the oracle asks); returns the messages up to ReadyForQuery. */
  async startup(params: Record<string, string>, password?: string): Promise<BackendMessage[]> {
    this.send(fe.startup(params));
    const deadline = Date.now() + 5000;
    for (;;) {
      const auth = this.messages.find((m) => m.type === 'R' && m.code === 3);
      if (auth && password !== undefined) {
        this.messages = this.messages.filter((m) => m !== auth);
        this.send(fe.password(password));
      }
      if (this.messages.some((m) => m.type === 'Z' || m.type === 'E') || this.closed || Date.now() > deadline) break;
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, 50);
      });
    }
    return this.untilReady(1);
  }

  /** Waits `ms` and returns the messages received since the last call (asynchronous ones: notifications). */
  async collect(ms = 50): Promise<BackendMessage[]> {
    await new Promise((r) => setTimeout(r, ms));
    const out = this.messages;
    this.messages = [];
    return out;
  }

  end(): void {
    this.socket.end();
  }
}
