/**
 * Strict UTF-8 decoding of bytes that must be text in the database encoding (convert_from(x,
 * 'UTF8'), bytea given FORMAT JSON), with Postgres's error for the first invalid sequence
 * (`invalid byte sequence for encoding "UTF8": 0xc3 0x28`; a NUL byte is invalid too).
 *
 * Postgres counterpart: pg_verify_mbstr / report_invalid_encoding in src/backend/utils/mb/mbutils.c.
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Length a UTF-8 lead byte announces (1 for an invalid lead byte). */
function seqLength(b: number): number {
  if (b < 0x80) return 1;
  if (b >= 0xc2 && b <= 0xdf) return 2;
  if (b >= 0xe0 && b <= 0xef) return 3;
  if (b >= 0xf0 && b <= 0xf4) return 4;
  return 1;
}

/** The bytes as text; 22021 at the first NUL or invalid sequence. */
export function decodeUtf8(bytes: Uint8Array): string {
  let text: string | undefined;
  if (!bytes.includes(0)) {
    try {
      text = decoder.decode(bytes);
    } catch {
      text = undefined;
    }
  }
  if (text !== undefined) return text;
  // Find the offending sequence to report it as Postgres does.
  for (let i = 0; i < bytes.length; ) {
    const n = seqLength(bytes[i]);
    let ok = bytes[i] !== 0 && (bytes[i] < 0x80 || n > 1);
    for (let k = 1; ok && k < n; k++) ok = i + k < bytes.length && (bytes[i + k] & 0xc0) === 0x80;
    if (ok && n > 1) {
      try {
        decoder.decode(bytes.subarray(i, i + n));
      } catch {
        ok = false;
      }
    }
    if (!ok) {
      const shown = Array.from(bytes.subarray(i, Math.min(i + n, bytes.length)), (b) => '0x' + b.toString(16).padStart(2, '0')).join(' ');
      throw new PgError(SQLSTATE.character_not_in_repertoire, `invalid byte sequence for encoding "UTF8": ${shown}`);
    }
    i += n;
  }
  throw new PgError(SQLSTATE.character_not_in_repertoire, 'invalid byte sequence for encoding "UTF8"');
}
