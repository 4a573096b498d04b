/**
 * The uuid-ossp extension: uuid_generate_v1 / v1mc (time-based, random node), v3 / v5 (name-based:
 * MD5 / SHA-1 of namespace and name), v4 (random), and the namespace constants.
 * Postgres counterpart: contrib/uuid-ossp/uuid-ossp.c.
 * Known gaps: v1 uses a random multicast node instead of the host's MAC address (as v1mc does).
 */
import { createHash } from 'node:crypto';
import { OID } from '../types/oids.js';
import { genRandomUuid, uuidFromBytes, uuidToBytes } from '../types/uuid.js';
import type { ExprRuntime } from '../nodes/primnodes.js';
import { fn } from './registry.js';

const EXT = { extension: 'uuid-ossp' } as const;

const randomBytesOf = (rt: ExprRuntime) => (n: number) => {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.floor(rt.session.random() * 256);
  return out;
};

/** 100 ns intervals between 1582-10-15 (the Gregorian reform) and the Unix epoch. */
const GREGORIAN_OFFSET = 122192928000000000n;

function timeBased(rt: ExprRuntime): string {
  const micros = rt.session.clockTimestamp() + 946684800000000n; // 2000-01-01 → Unix epoch
  const t = micros * 10n + GREGORIAN_OFFSET;
  const rnd = randomBytesOf(rt)(8);
  const b = new Uint8Array(16);
  const low = Number(t & 0xffffffffn);
  const mid = Number((t >> 32n) & 0xffffn);
  const high = Number((t >> 48n) & 0x0fffn);
  b[0] = low >>> 24; b[1] = (low >>> 16) & 0xff; b[2] = (low >>> 8) & 0xff; b[3] = low & 0xff;
  b[4] = mid >> 8; b[5] = mid & 0xff;
  b[6] = 0x10 | (high >> 8); b[7] = high & 0xff;
  b[8] = 0x80 | (rnd[0] & 0x3f); b[9] = rnd[1];
  for (let i = 0; i < 6; i++) b[10 + i] = rnd[2 + i];
  b[10] |= 0x01; // multicast bit: not a real MAC address
  return uuidFromBytes(b);
}

function nameBased(algorithm: 'md5' | 'sha1', version: number, namespace: string, name: string): string {
  const h = createHash(algorithm).update(uuidToBytes(namespace)).update(Buffer.from(name, 'utf8')).digest();
  const b = new Uint8Array(h.subarray(0, 16));
  b[6] = (b[6] & 0x0f) | (version << 4);
  b[8] = (b[8] & 0x3f) | 0x80;
  return uuidFromBytes(b);
}

fn('uuid_generate_v1', [], OID.uuid, (_a, rt) => timeBased(rt), { volatility: 'v', ...EXT });
fn('uuid_generate_v1mc', [], OID.uuid, (_a, rt) => timeBased(rt), { volatility: 'v', ...EXT });
fn('uuid_generate_v3', [OID.uuid, OID.text], OID.uuid, (a) => nameBased('md5', 3, a[0] as string, a[1] as string), { argNames: ['namespace', 'name'], ...EXT });
fn('uuid_generate_v4', [], OID.uuid, (_a, rt) => genRandomUuid(randomBytesOf(rt)), { volatility: 'v', ...EXT });
fn('uuid_generate_v5', [OID.uuid, OID.text], OID.uuid, (a) => nameBased('sha1', 5, a[0] as string, a[1] as string), { argNames: ['namespace', 'name'], ...EXT });
fn('uuid_nil', [], OID.uuid, () => '00000000-0000-0000-0000-000000000000', EXT);
fn('uuid_ns_dns', [], OID.uuid, () => '6ba7b810-9dad-11d1-80b4-00c04fd430c8', EXT);
fn('uuid_ns_url', [], OID.uuid, () => '6ba7b811-9dad-11d1-80b4-00c04fd430c8', EXT);
fn('uuid_ns_oid', [], OID.uuid, () => '6ba7b812-9dad-11d1-80b4-00c04fd430c8', EXT);
fn('uuid_ns_x500', [], OID.uuid, () => '6ba7b814-9dad-11d1-80b4-00c04fd430c8', EXT);
