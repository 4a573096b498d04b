/**
 * An output buffer for backend messages: messages are appended (type byte, length patched when the
 * message ends) and taken out in one chunk when the connection flushes, as Postgres's pqcomm.c
 * buffers output until Sync, Flush or ReadyForQuery. Integers are stored byte by byte and short
 * ASCII strings copied by a loop: both beat Buffer's methods (bounds checks, a native call) for
 * the few bytes a protocol field has.
 * Postgres counterpart: src/backend/libpq/pqformat.c and pqcomm.c.
 */

/** Strings up to this length are copied by a JS loop when they are ASCII (else Buffer.write). */
const SHORT_STRING = 64;

/** Writes a big-endian int32 at `at`. */
function put32(b: Buffer, at: number, n: number): void {
  b[at] = n >>> 24;
  b[at + 1] = n >>> 16;
  b[at + 2] = n >>> 8;
  b[at + 3] = n;
}

export class MessageWriter {
  private buf: Buffer;
  /** Bytes before `base` were taken (they belong to a chunk handed out; never written again). */
  private base = 0;
  private pos = 0;
  private start = -1;

  /** `size`: the first buffer's size (it grows as needed). */
  constructor(private readonly size = BUFFER_SIZE) {
    this.buf = Buffer.allocUnsafe(size);
  }

  /** Whether anything is waiting to be flushed. */
  get pending(): boolean {
    return this.pos > this.base;
  }

  /** Makes room for n more bytes (moving what is not taken yet to a larger buffer). */
  ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const used = this.pos - this.base;
    let size = this.size;
    while (size < used + n) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, this.base, this.pos);
    if (this.start >= 0) this.start -= this.base;
    this.buf = next;
    this.base = 0;
    this.pos = used;
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
    const n = this.pos - this.start;
    const b = this.buf;
    const s = this.start;
    put32(b, s, n);
    this.start = -1;
  }

  /** A whole message without a body (ParseComplete, BindComplete, NoData, ...). */
  empty(type: number): void {
    this.ensure(5);
    const b = this.buf;
    const p = this.pos;
    b[p] = type;
    put32(b, p + 1, 4);
    this.pos = p + 5;
  }

  byte(v: number): this {
    this.ensure(1);
    this.buf[this.pos++] = v;
    return this;
  }

  int16(n: number): this {
    this.ensure(2);
    const b = this.buf;
    const p = this.pos;
    b[p] = n >>> 8;
    b[p + 1] = n;
    this.pos = p + 2;
    return this;
  }

  int32(n: number): this {
    this.ensure(4);
    const b = this.buf;
    const p = this.pos;
    put32(b, p, n);
    this.pos = p + 4;
    return this;
  }

  /** Copies an ASCII string of at most SHORT_STRING chars at `at`; -1 if it is not ASCII. */
  private ascii(s: string, at: number): number {
    const b = this.buf;
    const n = s.length;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c > 0x7f) return -1;
      b[at + i] = c;
    }
    return n;
  }

  /** Writes s as UTF-8 at `at` (room for s.length * 3 bytes must be ensured); returns its length. */
  private utf8(s: string, at: number): number {
    if (s.length <= SHORT_STRING) {
      const n = this.ascii(s, at);
      if (n >= 0) return n;
    }
    return this.buf.write(s, at, 'utf8');
  }

  /** A NUL-terminated UTF-8 string. */
  cstring(s: string): this {
    this.ensure(s.length * 3 + 1);
    this.pos += this.utf8(s, this.pos);
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
    const p = this.pos;
    const n = this.utf8(s, p + 4);
    const b = this.buf;
    put32(b, p, n);
    this.pos = p + 4 + n;
    return this;
  }

  /** A length-prefixed integer in decimal (a DataRow column of an int2/int4 value). */
  lengthPrefixedInt(v: number): this {
    if ((v | 0) !== v) return this.lengthPrefixedString(String(v));
    this.ensure(15);
    const b = this.buf;
    const p = this.pos;
    const neg = v < 0 ? 1 : 0;
    let t = neg ? -v : v;
    let digits = 1;
    for (let x = t; x >= 10; x = Math.floor(x / 10)) digits++;
    const n = digits + neg;
    b[p] = 0;
    b[p + 1] = 0;
    b[p + 2] = 0;
    b[p + 3] = n;
    if (neg) b[p + 4] = 45; // '-'
    let q = p + 4 + n;
    do {
      const d = Math.floor(t / 10);
      b[--q] = 48 + t - d * 10;
      t = d;
    } while (t > 0);
    this.pos = p + 4 + n;
    return this;
  }

  /**
   * Makes room for a length-prefixed field of at most `max` bytes that the caller writes itself
   * into `buffer`: returns where its bytes go; commitLengthPrefixed(n) then ends it.
   */
  reserveLengthPrefixed(max: number): number {
    this.ensure(max + 4);
    return this.pos + 4;
  }

  /** The buffer being written (valid until the next call that may grow it). */
  get buffer(): Buffer {
    return this.buf;
  }

  /** Ends a field written into the room reserveLengthPrefixed made: its length is n bytes. */
  commitLengthPrefixed(n: number): void {
    const b = this.buf;
    const p = this.pos;
    put32(b, p, n);
    this.pos = p + 4 + n;
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
    this.pos += this.utf8(s, this.pos);
    return this;
  }

  /**
   * Takes everything written so far. The bytes are not copied: the chunk is a view of the buffer,
   * and writing goes on in the rest of it (a fresh buffer when little is left), so a chunk handed
   * to a channel is never written over.
   */
  take(): Buffer {
    const out = this.buf.subarray(this.base, this.pos);
    if (this.buf.length - this.pos >= MIN_REST) this.base = this.pos;
    else {
      this.buf = Buffer.allocUnsafe(this.size);
      this.base = 0;
      this.pos = 0;
    }
    return out;
  }
}

/** Size of a fresh output buffer. */
const BUFFER_SIZE = 64 * 1024;
/** Below this many free bytes, take() starts a fresh buffer. */
const MIN_REST = 4 * 1024;
