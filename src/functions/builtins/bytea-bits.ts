/**
 * bytea byte and bit access: get_byte / set_byte, get_bit / set_bit (bit n is bit n % 8 of byte
 * n / 8, least significant first), with Postgres's 2202E range errors; and the uuid accessors
 * uuid_extract_version / uuid_extract_timestamp (versions 1 and 7 carry a timestamp; NULL for
 * other versions and for non-RFC 9562 variants).
 *
 * Postgres counterpart: byteaGetByte, byteaSetByte, byteaGetBit, byteaSetBit in
 * src/backend/utils/adt/bytea.c; uuid_extract_version, uuid_extract_timestamp in uuid.c.
 * Known gaps: the bit-string (bit, varbit) variants (fauxgres has no bit type yet).
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { OID } from '../../types/oids.js';
import { fn } from '../registry.js';

const B = OID.bytea;
const I4 = OID.int4;

function outOfRange(n: number | bigint, max: number): PgError {
  return new PgError(SQLSTATE.array_subscript_error, `index ${n} out of valid range, 0..${max}`);
}

fn('get_byte', [B, I4], I4, (a) => {
  const b = a[0] as Uint8Array;
  const n = a[1] as number;
  if (n < 0 || n >= b.length) throw outOfRange(n, b.length - 1);
  return b[n];
});
fn('set_byte', [B, I4, I4], B, (a) => {
  const b = a[0] as Uint8Array;
  const n = a[1] as number;
  if (n < 0 || n >= b.length) throw outOfRange(n, b.length - 1);
  const out = Uint8Array.from(b);
  out[n] = (a[2] as number) & 0xff;
  return out;
});
fn('get_bit', [B, OID.int8], I4, (a) => {
  const b = a[0] as Uint8Array;
  const n = a[1] as bigint;
  if (n < 0n || n >= BigInt(b.length) * 8n) throw outOfRange(n, b.length * 8 - 1);
  const i = Number(n);
  return (b[i >> 3] >> (i & 7)) & 1;
});
fn('set_bit', [B, OID.int8, I4], B, (a) => {
  const b = a[0] as Uint8Array;
  const n = a[1] as bigint;
  if (n < 0n || n >= BigInt(b.length) * 8n) throw outOfRange(n, b.length * 8 - 1);
  const v = a[2] as number;
  if (v !== 0 && v !== 1) throw new PgError(SQLSTATE.invalid_parameter_value, 'new bit must be 0 or 1');
  const i = Number(n);
  const out = Uint8Array.from(b);
  out[i >> 3] = v ? out[i >> 3] | (1 << (i & 7)) : out[i >> 3] & ~(1 << (i & 7));
  return out;
});

/** The uuid's bytes from its canonical text. */
function uuidBytes(u: string): number[] {
  const h = u.replace(/-/g, '');
  const out: number[] = [];
  for (let i = 0; i < 32; i += 2) out.push(parseInt(h.slice(i, i + 2), 16));
  return out;
}
const isRfcVariant = (b: number[]): boolean => (b[8] & 0xc0) === 0x80;

fn('uuid_extract_version', [OID.uuid], OID.int2, (a) => {
  const b = uuidBytes(a[0] as string);
  return isRfcVariant(b) ? b[6] >> 4 : null;
});

/** Microseconds between 1582-10-15 (the Gregorian epoch of version 1 uuids) and 2000-01-01. */
const GREGORIAN_TO_PG_MICROS = 13_165_977_600_000_000n;
const UNIX_TO_PG_MILLIS = 946_684_800_000n;
fn('uuid_extract_timestamp', [OID.uuid], OID.timestamptz, (a) => {
  const b = uuidBytes(a[0] as string);
  if (!isRfcVariant(b)) return null;
  const version = b[6] >> 4;
  if (version === 1) {
    const low = BigInt((b[0] << 24) >>> 0 | (b[1] << 16) | (b[2] << 8) | b[3]) & 0xffffffffn;
    const mid = BigInt((b[4] << 8) | b[5]);
    const high = BigInt(((b[6] & 0x0f) << 8) | b[7]);
    const ticks = (high << 48n) | (mid << 32n) | low; // 100 ns since 1582-10-15
    return ticks / 10n - GREGORIAN_TO_PG_MICROS;
  }
  if (version === 7) {
    let ms = 0n;
    for (let i = 0; i < 6; i++) ms = (ms << 8n) | BigInt(b[i]);
    return (ms - UNIX_TO_PG_MILLIS) * 1000n;
  }
  return null;
});
