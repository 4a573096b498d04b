/**
 * inet and cidr: IPv4/IPv6 addresses with a netmask length (`PgInet`: family, address bytes,
 * bits). inet keeps host bits; cidr rejects them (`invalid cidr value`) and accepts Postgres's
 * abbreviated classful input (`10` → 10.0.0.0/8, `192.168.1` → 192.168.1.0/24).
 * Output: inet omits `/32` (`/128`), cidr always shows the mask; IPv6 is compressed as inet_ntop
 * does (longest zero run, IPv4-mapped and -compatible forms in dotted quad).
 *
 * Postgres counterpart: src/backend/utils/adt/network.c, inet_net_pton.c, inet_cidr_ntop.c.
 * Known gaps: hexadecimal IPv4 cidr input (`0x0a`); abbrev(cidr) of IPv6 networks is 0A000.
 */
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { TypeIO } from './type-io.js';
import { PgInet } from './values.js';

function invalid(type: 'inet' | 'cidr', text: string): PgError {
  return new PgError(SQLSTATE.invalid_text_representation, `invalid input syntax for type ${type}: "${text}"`);
}

/** Dotted-quad IPv4 with 1-4 parts (cidr) or exactly 4 (inet); undefined if malformed. */
function parseIpv4(s: string, isCidr: boolean): { bytes: Uint8Array; parts: number } | undefined {
  const parts = s.split('.');
  if (parts.length > 4 || (!isCidr && parts.length !== 4)) return undefined;
  const bytes = new Uint8Array(4);
  for (let i = 0; i < parts.length; i++) {
    if (!/^\d{1,3}$/.test(parts[i])) return undefined;
    const n = Number(parts[i]);
    if (n > 255) return undefined;
    bytes[i] = n;
  }
  return { bytes, parts: parts.length };
}

function parseIpv6(s: string): Uint8Array | undefined {
  const bytes = new Uint8Array(16);
  let head = s;
  let tail = '';
  const dbl = s.indexOf('::');
  if (dbl >= 0) {
    if (s.indexOf('::', dbl + 1) >= 0) return undefined;
    head = s.slice(0, dbl);
    tail = s.slice(dbl + 2);
  }
  const words = (part: string): number[] | undefined => {
    if (part === '') return [];
    const out: number[] = [];
    const groups = part.split(':');
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i];
      if (i === groups.length - 1 && g.includes('.')) {
        const v4 = parseIpv4(g, false);
        if (!v4) return undefined;
        out.push((v4.bytes[0] << 8) | v4.bytes[1], (v4.bytes[2] << 8) | v4.bytes[3]);
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
        out.push(parseInt(g, 16));
      }
    }
    return out;
  };
  const h = words(head);
  const t = words(tail);
  if (!h || !t) return undefined;
  if (dbl < 0 && h.length !== 8) return undefined;
  if (dbl >= 0 && h.length + t.length > 7) return undefined;
  const all = [...h, ...new Array(8 - h.length - t.length).fill(0), ...t];
  for (let i = 0; i < 8; i++) {
    bytes[i * 2] = all[i] >> 8;
    bytes[i * 2 + 1] = all[i] & 0xff;
  }
  return bytes;
}

/** Whether any bit at position >= bits is set. */
function hasHostBits(bytes: Uint8Array, bits: number): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const keep = Math.max(0, Math.min(8, bits - i * 8));
    const mask = keep === 8 ? 0xff : (0xff << (8 - keep)) & 0xff;
    if ((bytes[i] & ~mask & 0xff) !== 0) return true;
  }
  return false;
}

/**
 * inet_in / cidr_in.
 *
 * @example parseInet('10.1.2.3/24', false) // PgInet { family: 4, bits: 24 }
 */
export function parseInet(text: string, isCidr: boolean): PgInet {
  const type = isCidr ? 'cidr' : 'inet';
  const slash = text.indexOf('/');
  const addr = slash >= 0 ? text.slice(0, slash) : text;
  let bits = -1;
  if (slash >= 0) {
    const b = text.slice(slash + 1);
    if (!/^\d{1,3}$/.test(b)) throw invalid(type, text);
    bits = Number(b);
  }
  let family: 4 | 6;
  let bytes: Uint8Array;
  if (addr.includes(':')) {
    const v6 = parseIpv6(addr);
    if (!v6) throw invalid(type, text);
    family = 6;
    bytes = v6;
    if (bits < 0) bits = 128;
    if (bits > 128) throw invalid(type, text);
  } else {
    const v4 = parseIpv4(addr, isCidr);
    if (!v4) throw invalid(type, text);
    family = 4;
    bytes = v4.bytes;
    if (bits < 0) {
      if (!isCidr) bits = 32;
      else {
        const first = bytes[0];
        bits = first >= 240 ? 32 : first >= 224 ? 8 : first >= 192 ? 24 : first >= 128 ? 16 : 8;
        if (bits < v4.parts * 8) bits = v4.parts * 8;
        if (bits === 8 && first === 224) bits = 4;
      }
    }
    if (bits > 32) throw invalid(type, text);
  }
  if (isCidr && hasHostBits(bytes, bits)) {
    throw new PgError(SQLSTATE.invalid_text_representation, `invalid cidr value: "${text}"`, { detail: 'Value has bits set to right of mask.' });
  }
  return new PgInet(family, bytes, bits);
}

function ipv4Text(b: Uint8Array, off = 0): string {
  return `${b[off]}.${b[off + 1]}.${b[off + 2]}.${b[off + 3]}`;
}

function ipv6Text(b: Uint8Array): string {
  const w: number[] = [];
  for (let i = 0; i < 8; i++) w.push((b[i * 2] << 8) | b[i * 2 + 1]);
  let bestBase = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (w[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && w[j] === 0) j++;
    if (j - i > bestLen) {
      bestBase = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (bestLen < 2) bestBase = -1;
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLen) {
      if (i === bestBase) out += ':';
      continue;
    }
    if (i !== 0) out += ':';
    // IPv4-compatible / -mapped: the last 32 bits as a dotted quad.
    if (i === 6 && bestBase === 0 && (bestLen === 6 || (bestLen === 7 && w[7] !== 1) || (bestLen === 5 && w[5] === 0xffff))) {
      out += ipv4Text(b, 12);
      break;
    }
    out += w[i].toString(16);
  }
  if (bestBase >= 0 && bestBase + bestLen === 8) out += ':';
  return out;
}

/** The address alone (host()). */
export function inetHost(v: PgInet): string {
  return v.family === 4 ? ipv4Text(v.bytes) : ipv6Text(v.bytes);
}

/** inet_out (`withMask`: omit the mask when it covers the whole address) / cidr_out and text() (always). */
export function inetOutput(v: PgInet, alwaysMask: boolean): string {
  const host = inetHost(v);
  const max = v.family === 4 ? 32 : 128;
  return alwaysMask || v.bits !== max ? `${host}/${v.bits}` : host;
}

/** abbrev(cidr): IPv4 networks print only the octets the mask covers (`10.1/16`). */
export function cidrAbbrev(v: PgInet): string {
  // Postgres's inet_cidr_ntop_ipv6 has its own (quirky) zero compression; not reproduced.
  if (v.family === 6) throw featureNotSupported('abbrev(cidr) of an IPv6 network');
  let n = Math.ceil(v.bits / 8);
  if (n === 0) n = 1;
  return Array.from(v.bytes.slice(0, n)).join('.') + '/' + v.bits;
}

/** Compares the first `n` bits of two addresses. */
function bitCompare(a: Uint8Array, b: Uint8Array, n: number): number {
  const whole = n >> 3;
  for (let i = 0; i < whole; i++) if (a[i] !== b[i]) return a[i] - b[i];
  const rest = n & 7;
  if (rest) {
    const mask = (0xff << (8 - rest)) & 0xff;
    const x = a[whole] & mask;
    const y = b[whole] & mask;
    if (x !== y) return x - y;
  }
  return 0;
}

/** network_cmp: family, then the common network prefix, then mask length, then the whole address. */
export function compareInet(a: PgInet, b: PgInet): number {
  if (a.family !== b.family) return a.family - b.family;
  let c = bitCompare(a.bytes, b.bytes, Math.min(a.bits, b.bits));
  if (c !== 0) return c;
  c = a.bits - b.bits;
  if (c !== 0) return c;
  return bitCompare(a.bytes, b.bytes, a.family === 4 ? 32 : 128);
}

/** `<<` (strict) and `<<=`: a is inside network b. */
export function inetSubnet(a: PgInet, b: PgInet, orEqual: boolean): boolean {
  if (a.family !== b.family) return false;
  if (orEqual ? a.bits < b.bits : a.bits <= b.bits) return false;
  return bitCompare(a.bytes, b.bytes, b.bits) === 0;
}

/** `&&`: either network contains the other. */
export function inetOverlaps(a: PgInet, b: PgInet): boolean {
  if (a.family !== b.family) return false;
  return bitCompare(a.bytes, b.bytes, Math.min(a.bits, b.bits)) === 0;
}

/** A copy of the address with the bits from `bits` on cleared (network) or set (broadcast). */
export function maskAddress(v: PgInet, bits: number, setHost: boolean): Uint8Array {
  const out = new Uint8Array(v.bytes);
  for (let i = 0; i < out.length; i++) {
    const keep = Math.max(0, Math.min(8, bits - i * 8));
    const mask = keep === 8 ? 0xff : (0xff << (8 - keep)) & 0xff;
    out[i] = setHost ? out[i] | (~mask & 0xff) : out[i] & mask;
  }
  return out;
}

/** The netmask (hostmask when `host`) of `v` as an address. */
export function maskOf(v: PgInet, host: boolean): PgInet {
  const len = v.family === 4 ? 4 : 16;
  const out = new Uint8Array(len);
  for (let i = 0; i < len; i++) {
    const keep = Math.max(0, Math.min(8, v.bits - i * 8));
    const mask = keep === 8 ? 0xff : (0xff << (8 - keep)) & 0xff;
    out[i] = host ? ~mask & 0xff : mask;
  }
  return new PgInet(v.family, out, len * 8);
}

function inetHashKey(v: PgInet): string {
  return `${v.family}/${v.bits}/${Array.from(v.bytes).join('.')}`;
}

export const inetIO: TypeIO<PgInet> = {
  input: (text) => parseInet(text, false),
  output: (v) => inetOutput(v, false),
  compare: compareInet,
  hashKey: inetHashKey,
};

export const cidrIO: TypeIO<PgInet> = {
  input: (text) => parseInet(text, true),
  output: (v) => inetOutput(v, true),
  compare: compareInet,
  hashKey: inetHashKey,
};
