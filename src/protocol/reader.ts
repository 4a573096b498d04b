/**
 * Frontend message framing and field reading: splits the incoming byte stream into messages
 * (the startup packet has no type byte) and reads their fields, raising 08P01 on malformed input.
 * Postgres counterpart: src/backend/libpq/pqcomm.c (pq_getmessage) and pqformat.c (pq_getmsg*).
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';

/** Postgres's default limit for a message's length (PQ_LARGE_MESSAGE_LIMIT is 1 GB). */
const MAX_MESSAGE = 0x3fffffff;
/** Startup packets are at most 10000 bytes (MAX_STARTUP_PACKET_LENGTH). */
const MAX_STARTUP = 10000;

export function protocolViolation(message: string): PgError {
  return new PgError(SQLSTATE.protocol_violation, message);
}

/** Accumulates chunks and yields complete messages. */
export class FrameReader {
  private buf: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): void {
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
  }

  /** The next startup-phase packet (length-prefixed, no type byte), or undefined if incomplete. */
  nextStartup(): Buffer | undefined {
    if (this.buf.length < 4) return undefined;
    const len = this.buf.readInt32BE(0);
    if (len < 8 || len > MAX_STARTUP) throw protocolViolation('invalid length of startup packet');
    if (this.buf.length < len) return undefined;
    const body = this.buf.subarray(4, len);
    this.buf = this.buf.subarray(len);
    return body;
  }

  /** The next typed message, or undefined if incomplete. */
  next(): { type: number; body: Buffer } | undefined {
    if (this.buf.length < 5) return undefined;
    const len = this.buf.readInt32BE(1);
    if (len < 4 || len > MAX_MESSAGE) throw protocolViolation(`invalid message length`);
    if (this.buf.length < len + 1) return undefined;
    const type = this.buf[0];
    const body = this.buf.subarray(5, len + 1);
    this.buf = this.buf.subarray(len + 1);
    return { type, body };
  }
}

/** Reads the fields of one message body. */
export class FieldReader {
  private pos = 0;
  constructor(private readonly body: Buffer) {}

  private need(n: number): void {
    if (this.pos + n > this.body.length) throw protocolViolation('insufficient data left in message');
  }

  byte(): number {
    this.need(1);
    return this.body[this.pos++];
  }

  int16(): number {
    this.need(2);
    const v = this.body.readInt16BE(this.pos);
    this.pos += 2;
    return v;
  }

  int32(): number {
    this.need(4);
    const v = this.body.readInt32BE(this.pos);
    this.pos += 4;
    return v;
  }

  uint32(): number {
    this.need(4);
    const v = this.body.readUInt32BE(this.pos);
    this.pos += 4;
    return v;
  }

  cstring(): string {
    const end = this.body.indexOf(0, this.pos);
    if (end < 0) throw protocolViolation('invalid string in message');
    const s = this.body.toString('utf8', this.pos, end);
    this.pos = end + 1;
    return s;
  }

  bytes(n: number): Buffer {
    this.need(n);
    const b = this.body.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }

  rest(): Buffer {
    const b = this.body.subarray(this.pos);
    this.pos = this.body.length;
    return b;
  }

  /** Postgres rejects trailing bytes (pq_getmsgend: "invalid message format"). */
  end(): void {
    if (this.pos !== this.body.length) throw protocolViolation('invalid message format');
  }
}
