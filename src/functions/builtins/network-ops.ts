/**
 * inet/cidr operators and functions: comparisons, `<< <<= >> >>= &&`, host, masklen, network,
 * broadcast, netmask, hostmask, family, set_masklen, abbrev, text, and the inet → cidr / text casts.
 * Postgres counterpart: src/backend/utils/adt/network.c.
 * Also `+ -` with integers, `inet - inet`, `~ & |`, inet_same_family, inet_merge.
 * Known gaps: none known.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { OID } from '../../types/oids.js';
import { cidrAbbrev, compareInet, inetHost, inetOutput, inetOverlaps, inetSubnet, maskAddress, maskOf } from '../../types/inet.js';
import { PgInet, type Value } from '../../types/values.js';
import { registerCast } from '../../analyze/special-casts.js';
import { fn, op } from '../registry.js';
import { registerComparisons } from './comparison.js';
import { agg } from './aggregates.js';

const I = OID.inet;
const C = OID.cidr;
const B = OID.bool;
const v0 = (a: Value[]) => a[0] as PgInet;

registerComparisons(I, I, (a, b) => compareInet(a as PgInet, b as PgInet));
op('<<', I, I, B, (a, b) => inetSubnet(a as PgInet, b as PgInet, false), { commutator: '>>' });
op('<<=', I, I, B, (a, b) => inetSubnet(a as PgInet, b as PgInet, true), { commutator: '>>=' });
op('>>', I, I, B, (a, b) => inetSubnet(b as PgInet, a as PgInet, false), { commutator: '<<' });
op('>>=', I, I, B, (a, b) => inetSubnet(b as PgInet, a as PgInet, true), { commutator: '<<=' });
op('&&', I, I, B, (a, b) => inetOverlaps(a as PgInet, b as PgInet), { commutator: '&&' });

/** network(): the address with its host bits cleared, as cidr. */
function network(v: PgInet): PgInet {
  return new PgInet(v.family, maskAddress(v, v.bits, false), v.bits);
}

fn('host', [I], OID.text, (a) => inetHost(v0(a)));
fn('masklen', [I], OID.int4, (a) => v0(a).bits);
fn('family', [I], OID.int4, (a) => v0(a).family);
fn('network', [I], C, (a) => network(v0(a)));
fn('broadcast', [I], I, (a) => new PgInet(v0(a).family, maskAddress(v0(a), v0(a).bits, true), v0(a).bits));
fn('netmask', [I], I, (a) => maskOf(v0(a), false));
fn('hostmask', [I], I, (a) => maskOf(v0(a), true));
fn('text', [I], OID.text, (a) => inetOutput(v0(a), true));
fn('abbrev', [I], OID.text, (a) => inetOutput(v0(a), false));
fn('abbrev', [C], OID.text, (a) => cidrAbbrev(v0(a)));
fn('cidr', [I], C, (a) => network(v0(a)));

function setMasklen(v: PgInet, bits: number, isCidr: boolean): PgInet {
  const max = v.family === 4 ? 32 : 128;
  if (bits === -1) bits = max;
  if (bits < 0 || bits > max) throw new PgError(SQLSTATE.invalid_parameter_value, `invalid mask length: ${bits}`);
  return new PgInet(v.family, isCidr ? maskAddress(v, bits, false) : v.bytes, bits);
}
fn('set_masklen', [I, OID.int4], I, (a) => setMasklen(v0(a), a[1] as number, false));
fn('set_masklen', [C, OID.int4], C, (a) => setMasklen(v0(a), a[1] as number, true));

registerCast(I, C, (v) => network(v as PgInet));
registerCast(C, I, (v) => v);
for (const t of [OID.text, OID.varchar, OID.bpchar]) {
  registerCast(I, t, (v) => inetOutput(v as PgInet, true));
  registerCast(C, t, (v) => inetOutput(v as PgInet, true));
}

for (const [name, sign] of [['min', -1], ['max', 1]] as const) {
  agg<PgInet | null>(name, [I], I, () => null, (s, a) => (s === null || compareInet(a[0] as PgInet, s) * sign > 0 ? (a[0] as PgInet) : s), (s) => s);
}

// Arithmetic and bitwise operators (inetpl, inetmi, inetmi_int8, inetnot, inetand, inetor).
function toBig(b: Uint8Array): bigint {
  let n = 0n;
  for (const x of b) n = (n << 8n) | BigInt(x);
  return n;
}
function fromBig(n: bigint, len: number): Uint8Array {
  const out = new Uint8Array(len);
  for (let i = len - 1; i >= 0; i--) {
    out[i] = Number(n & 0xffn);
    n >>= 8n;
  }
  return out;
}
const outOfRange = () => new PgError(SQLSTATE.numeric_value_out_of_range, 'result is out of range');
function addToInet(v: PgInet, k: bigint): PgInet {
  const n = toBig(v.bytes) + k;
  if (n < 0n || n >= 1n << BigInt(v.bytes.length * 8)) throw outOfRange();
  return new PgInet(v.family, fromBig(n, v.bytes.length), v.bits);
}
function sameSize(a: PgInet, b: PgInet, what: string): void {
  if (a.family !== b.family) throw new PgError(SQLSTATE.invalid_parameter_value, `cannot ${what} inet values of different sizes`);
}
const I8 = OID.int8;
op('+', I, I8, I, (a, b) => addToInet(a as PgInet, b as bigint), { commutator: '+' });
op('+', I8, I, I, (a, b) => addToInet(b as PgInet, a as bigint), { commutator: '+' });
op('-', I, I8, I, (a, b) => addToInet(a as PgInet, -(b as bigint)));
op('-', I, I, I8, (a, b) => {
  sameSize(a as PgInet, b as PgInet, 'subtract');
  const d = toBig((a as PgInet).bytes) - toBig((b as PgInet).bytes);
  if (d > 9223372036854775807n || d < -9223372036854775808n) throw outOfRange();
  return d;
});
op('~', 0, I, I, (_a, b) => {
  const v = b as PgInet;
  return new PgInet(v.family, v.bytes.map((x) => ~x & 0xff), v.bits);
});
op('&', I, I, I, (a, b) => {
  const x = a as PgInet;
  const y = b as PgInet;
  sameSize(x, y, 'AND');
  return new PgInet(x.family, x.bytes.map((v, i) => v & y.bytes[i]), Math.max(x.bits, y.bits));
});
op('|', I, I, I, (a, b) => {
  const x = a as PgInet;
  const y = b as PgInet;
  sameSize(x, y, 'OR');
  return new PgInet(x.family, x.bytes.map((v, i) => v | y.bytes[i]), Math.max(x.bits, y.bits));
});
fn('inet_same_family', [I, I], OID.bool, (a) => (a[0] as PgInet).family === (a[1] as PgInet).family);
fn('inet_merge', [I, I], C, (a) => {
  const x = a[0] as PgInet;
  const y = a[1] as PgInet;
  if (x.family !== y.family) throw new PgError(SQLSTATE.invalid_parameter_value, 'cannot merge addresses from different families');
  let bits = Math.min(x.bits, y.bits);
  let common = 0;
  while (common < bits) {
    const byte = common >> 3;
    const mask = 0x80 >> (common & 7);
    if ((x.bytes[byte] & mask) !== (y.bytes[byte] & mask)) break;
    common++;
  }
  bits = common;
  return new PgInet(x.family, maskAddress(x, bits, false), bits);
});
