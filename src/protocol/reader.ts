/**
 * Frontend message framing and field reading: splits the incoming byte stream into messages
 * (the startup packet has no type byte) and reads their fields, raising 08P01 on malformed input.
 * Messages are read in place: the framer hands out one reusable FieldReader positioned on the
 * message body inside the received chunk (no per-message Buffer slice or object).
 * Postgres counterpart: src/backend/libpq/pqcomm.c (pq_getmessage) and pqformat.c (pq_getmsg*).
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';

/** Postgres's default limit for a message's length (PQ_LARGE_MESSAGE_LIMIT is 1 GB). */
const MAX_MESSAGE = 0x3fffffff;
/** Startup packets are at most 10000 bytes (MAX_STARTUP_PACKET_LENGTH). */
const MAX_STARTUP = 10000;

const EMPTY = Buffer.alloc(0);

export function protocolViolation(message: string): PgError {
  return new PgError(SQLSTATE.protocol_violation, message);
}

/** Accumulates chunks and yields complete messages. */
export class FrameReader {
  private buf: Buffer = EMPTY;
  private pos = 0;
  /** The current message's body (valid until the next call to next()). */
  readonly body = new FieldReader(EMPTY);

  push(chunk: Buffer): void {
    if (this.pos >= this.buf.length) {
      this.buf = chunk;
      this.pos = 0;
    } else {
      this.buf = Buffer.concat([this.buf.subarray(this.pos), chunk]);
      this.pos = 0;
    }
  }

  /** The next startup-phase packet (length-prefixed, no type byte), or undefined if incomplete. */
  nextStartup(): Buffer | undefined {
    const avail = this.buf.length - this.pos;
    if (avail < 4) return undefined;
    const len = this.buf.readInt32BE(this.pos);
    if (len < 8 || len > MAX_STARTUP) throw protocolViolation('invalid length of startup packet');
    if (avail < len) return undefined;
    const body = this.buf.subarray(this.pos + 4, this.pos + len);
    this.pos += len;
    return body;
  }

  /**
   * The next typed message's type byte, its body in `this.body`; -1 if no complete message is
   * buffered.
   */
  next(): number {
    const b = this.buf;
    const p = this.pos;
    if (b.length - p < 5) return -1;
    const len = ((b[p + 1] << 24) | (b[p + 2] << 16) | (b[p + 3] << 8) | b[p + 4]) >>> 0;
    if (len < 4 || len > MAX_MESSAGE) throw protocolViolation(`invalid message length`);
    if (b.length - p < len + 1) return -1;
    this.pos = p + len + 1;
    this.body.reset(b, p + 5, p + len + 1);
    return b[p];
  }
}

/** Reads the fields of one message body (bytes `start` to `end` of `buf`). */
export class FieldReader {
  private buf: Buffer;
  private pos: number;
  private end_: number;

  constructor(body: Buffer, start = 0, end = body.length) {
    this.buf = body;
    this.pos = start;
    this.end_ = end;
  }

  /** Points the reader at another message body. */
  reset(buf: Buffer, start: number, end: number): void {
    this.buf = buf;
    this.pos = start;
    this.end_ = end;
  }

  private need(n: number): void {
    if (this.pos + n > this.end_) throw protocolViolation('insufficient data left in message');
  }

  byte(): number {
    this.need(1);
    return this.buf[this.pos++];
  }

  int16(): number {
    this.need(2);
    const b = this.buf;
    const p = this.pos;
    this.pos = p + 2;
    return (((b[p] << 8) | b[p + 1]) << 16) >> 16;
  }

  int32(): number {
    this.need(4);
    const b = this.buf;
    const p = this.pos;
    this.pos = p + 4;
    return (b[p] << 24) | (b[p + 1] << 16) | (b[p + 2] << 8) | b[p + 3];
  }

  uint32(): number {
    return this.int32() >>> 0;
  }

  cstring(): string {
    const b = this.buf;
    const p = this.pos;
    // Most names in the extended protocol are empty (the unnamed statement and portal).
    if (p < this.end_ && b[p] === 0) {
      this.pos = p + 1;
      return '';
    }
    const end = b.indexOf(0, p);
    if (end < 0 || end >= this.end_) throw protocolViolation('invalid string in message');
    this.pos = end + 1;
    return b.toString('utf8', p, end);
  }

  bytes(n: number): Buffer {
    this.need(n);
    const b = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }

  rest(): Buffer {
    const b = this.buf.subarray(this.pos, this.end_);
    this.pos = this.end_;
    return b;
  }

  /** The whole body, as a copy (independent of the received chunk). */
  bodyCopy(): Buffer {
    return Buffer.from(this.buf.subarray(this.pos, this.end_));
  }

  /** Postgres rejects trailing bytes (pq_getmsgend: "invalid message format"). */
  end(): void {
    if (this.pos !== this.end_) throw protocolViolation('invalid message format');
  }

  /** Where the reader is, for a caller that reads raw bytes itself (see `raw`). */
  get offset(): number {
    return this.pos;
  }

  /** The underlying buffer (bytes `offset` up to `limit` belong to this message). */
  get raw(): Buffer {
    return this.buf;
  }

  get limit(): number {
    return this.end_;
  }

  /** Moves past n bytes already read through `raw`. */
  skip(n: number): void {
    this.need(n);
    this.pos += n;
  }
}
