/**
 * Digests and binary/text encodings: md5 (text, bytea → hex text), sha224/sha256/sha384/sha512
 * (bytea → bytea), encode/decode with `hex`, `base64` (76-character lines) and `escape`.
 *
 * Postgres counterpart: src/backend/utils/adt/encode.c, cryptohashfuncs.c.
 * Known gaps: base64url (Postgres 18+) is not implemented.
 */
import { createHash } from 'node:crypto';
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { OID } from '../../types/oids.js';
import { fn } from '../registry.js';

const T = OID.text;
const BYTEA = OID.bytea;

const utf8 = new TextEncoder();

fn('md5', [T], T, (a) => createHash('md5').update(utf8.encode(a[0] as string)).digest('hex'));
fn('md5', [BYTEA], T, (a) => createHash('md5').update(a[0] as Uint8Array).digest('hex'));
for (const alg of ['sha224', 'sha256', 'sha384', 'sha512']) {
  fn(alg, [BYTEA], BYTEA, (a) => new Uint8Array(createHash(alg).update(a[0] as Uint8Array).digest()));
}

function badParam(msg: string, hint?: string): PgError {
  return new PgError(SQLSTATE.invalid_parameter_value, msg, hint ? { hint } : {});
}

const HEX = '0123456789abcdef';

function hexEncode(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += HEX[x >> 4] + HEX[x & 15];
  return s;
}

function hexDecode(s: string): Uint8Array {
  const out: number[] = [];
  let i = 0;
  const val = (c: string): number => {
    const v = parseInt(c, 16);
    if (!/^[0-9a-fA-F]$/.test(c)) throw badParam(`invalid hexadecimal digit: "${c}"`);
    return v;
  };
  while (i < s.length) {
    const c = s[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const hi = val(c);
    if (i + 1 >= s.length) throw badParam('invalid hexadecimal data: odd number of digits');
    const lo = val(s[i + 1]);
    out.push((hi << 4) | lo);
    i += 2;
  }
  return Uint8Array.from(out);
}

function base64Encode(b: Uint8Array): string {
  const s = Buffer.from(b).toString('base64');
  return s.replace(/.{76}(?=.)/g, '$&\n');
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64Decode(s: string): Uint8Array {
  const out: number[] = [];
  let buf = 0;
  let bits = 0;
  let pad = 0;
  let n = 0;
  for (const c of s) {
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') continue;
    if (c === '=') {
      pad++;
      n++;
      continue;
    }
    const v = B64.indexOf(c);
    if (v < 0) throw badParam(`invalid symbol "${c}" found while decoding base64 sequence`);
    if (pad > 0) throw badParam('unexpected "=" while decoding base64 sequence');
    buf = (buf << 6) | v;
    bits += 6;
    n++;
    if (bits >= 8) {
      bits -= 8;
      out.push((buf >> bits) & 0xff);
    }
  }
  if (n % 4 !== 0 || pad > 2) {
    throw badParam('invalid base64 end sequence', 'Input data is missing padding, is truncated, or is otherwise corrupted.');
  }
  return Uint8Array.from(out);
}

function escapeEncode(b: Uint8Array): string {
  let s = '';
  for (const x of b) {
    if (x === 92) s += '\\\\';
    else if (x === 0 || x >= 0x80) s += '\\' + x.toString(8).padStart(3, '0');
    else s += String.fromCharCode(x);
  }
  return s;
}

function escapeDecode(s: string): Uint8Array {
  const bytes = utf8.encode(s);
  const out: number[] = [];
  const isOct = (c: number | undefined): boolean => c !== undefined && c >= 48 && c <= 55;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (c !== 92) {
      out.push(c);
      continue;
    }
    if (bytes[i + 1] === 92) {
      out.push(92);
      i++;
    } else if (bytes[i + 1] >= 48 && bytes[i + 1] <= 51 && isOct(bytes[i + 2]) && isOct(bytes[i + 3])) {
      out.push(((bytes[i + 1] - 48) << 6) | ((bytes[i + 2] - 48) << 3) | (bytes[i + 3] - 48));
      i += 3;
    } else {
      throw new PgError(SQLSTATE.invalid_text_representation, 'invalid input syntax for type bytea');
    }
  }
  return Uint8Array.from(out);
}

function unknownEncoding(name: string): PgError {
  return badParam(`unrecognized encoding: "${name}"`);
}

/** encode(bytea, format) → text. */
export function encodeBytes(b: Uint8Array, format: string): string {
  switch (format.toLowerCase()) {
    case 'hex':
      return hexEncode(b);
    case 'base64':
      return base64Encode(b);
    case 'escape':
      return escapeEncode(b);
  }
  throw unknownEncoding(format);
}

/** decode(text, format) → bytea. */
export function decodeText(s: string, format: string): Uint8Array {
  switch (format.toLowerCase()) {
    case 'hex':
      return hexDecode(s);
    case 'base64':
      return base64Decode(s);
    case 'escape':
      return escapeDecode(s);
  }
  throw unknownEncoding(format);
}

fn('encode', [BYTEA, T], T, (a) => encodeBytes(a[0] as Uint8Array, a[1] as string));
fn('decode', [T, T], BYTEA, (a) => decodeText(a[0] as string, a[1] as string));

/** bit_count(bytea): set bits. */
fn('bit_count', [BYTEA], OID.int8, (a) => {
  let n = 0n;
  for (const b of a[0] as Uint8Array) {
    let x = b;
    while (x) {
      n += BigInt(x & 1);
      x >>= 1;
    }
  }
  return n;
});

/** A reflected CRC-32 table for the polynomial `poly` (0xEDB88320: CRC-32; 0x82F63B78: CRC-32C). */
function crcTable(poly: number): Uint32Array {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ poly : c >>> 1;
    t[i] = c >>> 0;
  }
  return t;
}
const CRC32 = crcTable(0xedb88320);
const CRC32C = crcTable(0x82f63b78);
function crc(table: Uint32Array, bytes: Uint8Array): bigint {
  let c = 0xffffffff;
  for (const b of bytes) c = table[(c ^ b) & 0xff]! ^ (c >>> 8);
  return BigInt((c ^ 0xffffffff) >>> 0);
}
fn('crc32', [BYTEA], OID.int8, (a) => crc(CRC32, a[0] as Uint8Array));
fn('crc32c', [BYTEA], OID.int8, (a) => crc(CRC32C, a[0] as Uint8Array));
