/**
 * An output buffer for backend messages: messages are appended (type byte, length patched when the
 * message ends) and taken out in one chunk when the connection flushes, as Postgres's pqcomm.c
 * buffers output until Sync, Flush or ReadyForQuery.
 * Postgres counterpart: src/backend/libpq/pqformat.c and pqcomm.c.
 */

export class MessageWriter {
  private buf = Buffer.allocUnsafe(16 * 1024);
  private pos = 0;
  private start = -1;

  /** Whether anything is waiting to be flushed. */
  get pending(): boolean {
    return this.pos > 0;
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  /** Starts a message with its type byte; its length is written by end(). */
  begin(type: number): this {
    this.ensure(5);
    this.buf[this.pos] = type;
    this.start = this.pos + 1;
    this.pos += 5;
    return this;
  }

  end(): void {
    this.buf.writeInt32BE(this.pos - this.start, this.start);
    this.start = -1;
  }

  byte(b: number): this {
    this.ensure(1);
    this.buf[this.pos++] = b;
    return this;
  }

  int16(n: number): this {
    this.ensure(2);
    this.buf.writeInt16BE(n, this.pos);
    this.pos += 2;
    return this;
  }

  int32(n: number): this {
    this.ensure(4);
    this.buf.writeInt32BE(n, this.pos);
    this.pos += 4;
    return this;
  }

  /** A NUL-terminated UTF-8 string. */
  cstring(s: string): this {
    this.ensure(s.length * 3 + 1);
    this.pos += this.buf.write(s, this.pos, 'utf8');
    this.buf[this.pos++] = 0;
    return this;
  }

  bytes(b: Uint8Array): this {
    this.ensure(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
    return this;
  }

  /** A length-prefixed UTF-8 string (a DataRow column or CopyData payload). */
  lengthPrefixedString(s: string): this {
    this.ensure(s.length * 3 + 4);
    const n = this.buf.write(s, this.pos + 4, 'utf8');
    this.buf.writeInt32BE(n, this.pos);
    this.pos += 4 + n;
    return this;
  }

  /** A length-prefixed byte string (-1 for NULL). */
  lengthPrefixedBytes(b: Uint8Array | null): this {
    if (b === null) return this.int32(-1);
    this.int32(b.length);
    return this.bytes(b);
  }

  /** Raw UTF-8 text without terminator. */
  text(s: string): this {
    this.ensure(s.length * 3);
    this.pos += this.buf.write(s, this.pos, 'utf8');
    return this;
  }

  /** Takes everything written so far (a copy: the buffer is reused). */
  take(): Buffer {
    const out = Buffer.allocUnsafe(this.pos);
    this.buf.copy(out, 0, 0, this.pos);
    this.pos = 0;
    if (this.buf.length > 1 << 20) this.buf = Buffer.allocUnsafe(16 * 1024);
    return out;
  }
}
