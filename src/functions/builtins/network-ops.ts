/**
 * inet/cidr operators and functions: comparisons, `<< <<= >> >>= &&`, host, masklen, network,
 * broadcast, netmask, hostmask, family, set_masklen, abbrev, text, and the inet → cidr / text casts.
 * Postgres counterpart: src/backend/utils/adt/network.c.
 * Known gaps: inet arithmetic (`+`, `-`), `~ & |`, inet_same_family, inet_merge.
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
