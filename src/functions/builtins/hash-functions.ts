/**
 * The SQL-callable hash support functions (hashint4(int4) → int4, hashint4extended(int4, int8)
 * → int8, ..., hash_array, hash_record, jsonb_hash), with Postgres's exact values, and
 * satisfies_hash_partition (the CHECK Postgres puts on hash partitions, callable by users).
 *
 * Postgres counterpart: pg_proc.dat's hash functions (see types/hash-support.ts for the
 * algorithms); satisfies_hash_partition in src/backend/partitioning/partbounds.c.
 * Known gaps: hash_aclitem; text under a nondeterministic collation is 0A000; satisfies_hash_partition
 * cannot tell a VARIADIC array argument from a single array value (see variadic.ts).
 */
import { PgError, featureNotSupported } from '../../errors/pg-error.js';
import { isNondeterministic } from '../../types/collation.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { hashFunctionFor } from '../../executor/partition-hash.js';
import { hashCombine64 } from '../../types/hashfn.js';
import { OID } from '../../types/oids.js';
import { baseTypeOf, formatType } from '../../types/registry.js';
import { hashSupport, type HashSupport } from '../../types/hash-support.js';
import type { ExprRuntime } from '../../nodes/primnodes.js';
import { fn, type CallInfo } from '../registry.js';
import { variadicArgs } from './variadic.js';

/** The hash support of a call's first argument's actual type, cached per call site. */
const perCall = new WeakMap<CallInfo, HashSupport | undefined>();
function support(rt: ExprRuntime, call: CallInfo): HashSupport {
  let h = perCall.get(call);
  if (h === undefined) {
    // Postgres hashes text under a nondeterministic collation by its ICU sort key.
    if (isNondeterministic(call.collation)) throw featureNotSupported('hash functions under a nondeterministic collation');
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

const invalidParam = (message: string) => new PgError(SQLSTATE.invalid_parameter_value, message);

/**
 * satisfies_hash_partition(parent, modulus, remainder, VARIADIC key values): whether the values
 * hash to `remainder` under `modulus` with the parent's key hash functions.
 */
fn(
  'satisfies_hash_partition',
  [OID.oid, OID.int4, OID.int4, OID.any],
  OID.bool,
  (a, rt, call) => {
    if (a[0] === null || a[1] === null || a[2] === null) return false;
    const modulus = a[1] as number;
    const remainder = a[2] as number;
    if (modulus <= 0) throw invalidParam('modulus for hash partition must be an integer value greater than zero');
    if (remainder < 0) throw invalidParam('remainder for hash partition must be an integer value greater than or equal to zero');
    if (remainder >= modulus) throw invalidParam('remainder for hash partition must be less than modulus');
    const cat = rt.session.catalog();
    const rel = cat.relations.get(a[0] as number);
    if (!rel) throw new PgError(SQLSTATE.internal_error, `could not open relation with OID ${a[0] as number}`);
    const key = rel.partitionKey;
    if (key?.strategy !== 'hash') throw invalidParam(`"${rel.name}" is not a hash partitioned table`);
    const values = variadicArgs(a, call, 3);
    if (key.parts.length !== values.length) {
      throw invalidParam(`number of partitioning columns (${key.parts.length}) does not match number of partition keys provided (${values.length})`);
    }
    let h = 0n;
    key.parts.forEach((p, i) => {
      const t = values[i].type;
      if (t !== p.type && baseTypeOf(cat, t) !== baseTypeOf(cat, p.type) && !(t === OID.varchar && p.type === OID.text)) {
        throw invalidParam(`column ${i + 1} of the partition key has type ${formatType(cat, p.type)}, but supplied value is of type ${formatType(cat, t)}`);
      }
      if (values[i].value !== null) h = hashCombine64(h, hashFunctionFor(cat, p.type)(values[i].value));
    });
    return h % BigInt(modulus) === BigInt(remainder);
  },
  { strict: false, variadic: OID.any },
);
