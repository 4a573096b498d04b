/**
 * The SQL-callable hash support functions (hashint4(int4) → int4, hashint4extended(int4, int8)
 * → int8, ..., hash_array, hash_record, jsonb_hash), with Postgres's exact values, and
 * satisfies_hash_partition (the CHECK Postgres puts on hash partitions, callable by users).
 *
 * Postgres counterpart: pg_proc.dat's hash functions (see types/hash-support.ts for the
 * algorithms); satisfies_hash_partition in src/backend/partitioning/partbounds.c.
 * Known gaps: hash_aclitem.
 */
import { OID } from '../../types/oids.js';
import { hashSupport, type HashSupport } from '../../types/hash-support.js';
import type { ExprRuntime } from '../../nodes/primnodes.js';
import { fn, type CallInfo } from '../registry.js';

/** The hash support of a call's first argument's actual type, cached per call site. */
const perCall = new WeakMap<CallInfo, HashSupport | undefined>();
function support(rt: ExprRuntime, call: CallInfo): HashSupport {
  let h = perCall.get(call);
  if (h === undefined) {
    h = hashSupport(rt.session.catalog(), call.argTypes[0]) as HashSupport;
    perCall.set(call, h);
  }
  return h;
}

function hashPair(std: string, ext: string, type: number): void {
  fn(std, [type], OID.int4, (a, rt, call) => support(rt, call).std(a[0]) | 0);
  fn(ext, [type, OID.int8], OID.int8, (a, rt, call) => BigInt.asIntN(64, support(rt, call).ext(a[0], a[1] as bigint)));
}

const PAIRS: readonly (readonly [string, string, number])[] = [
  ['hashint2', 'hashint2extended', OID.int2],
  ['hashint4', 'hashint4extended', OID.int4],
  ['hashint8', 'hashint8extended', OID.int8],
  ['hashoid', 'hashoidextended', OID.oid],
  ['hashbool', 'hashboolextended', OID.bool],
  ['hashchar', 'hashcharextended', OID.char],
  ['hashfloat4', 'hashfloat4extended', OID.float4],
  ['hashfloat8', 'hashfloat8extended', OID.float8],
  ['hash_numeric', 'hash_numeric_extended', OID.numeric],
  ['hashname', 'hashnameextended', OID.name],
  ['hashtext', 'hashtextextended', OID.text],
  ['hashbpchar', 'hashbpcharextended', OID.bpchar],
  ['hashbytea', 'hashbyteaextended', OID.bytea],
  ['hashoidvector', 'hashoidvectorextended', OID.oidvector],
  ['hashdate', 'hashdateextended', OID.date],
  ['time_hash', 'time_hash_extended', OID.time],
  ['timetz_hash', 'timetz_hash_extended', OID.timetz],
  ['timestamp_hash', 'timestamp_hash_extended', OID.timestamp],
  ['timestamptz_hash', 'timestamptz_hash_extended', OID.timestamptz],
  ['interval_hash', 'interval_hash_extended', OID.interval],
  ['uuid_hash', 'uuid_hash_extended', OID.uuid],
  ['hashmacaddr', 'hashmacaddrextended', OID.macaddr],
  ['hashmacaddr8', 'hashmacaddr8extended', OID.macaddr8],
  ['hashinet', 'hashinetextended', OID.inet],
  ['pg_lsn_hash', 'pg_lsn_hash_extended', OID.pg_lsn],
  ['jsonb_hash', 'jsonb_hash_extended', OID.jsonb],
  ['hashxid', 'hashxidextended', OID.xid],
  ['hashxid8', 'hashxid8extended', OID.xid8],
  ['hashcid', 'hashcidextended', OID.cid],
  ['hashtid', 'hashtidextended', OID.tid],
  ['hash_array', 'hash_array_extended', OID.anyarray],
  ['hashenum', 'hashenumextended', OID.anyenum],
  ['hash_range', 'hash_range_extended', OID.anyrange],
  ['hash_multirange', 'hash_multirange_extended', OID.anymultirange],
  ['hash_record', 'hash_record_extended', OID.record],
];
for (const [std, ext, type] of PAIRS) hashPair(std, ext, type);
