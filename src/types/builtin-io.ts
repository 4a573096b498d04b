/**
 * Maps each built-in base type OID to the TypeIO of its family module.
 * oid/reg* types are unsigned 32-bit integers here; regclass/regtype names are resolved by the
 * session (they need the catalog), see executor/output.ts.
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { OID } from './oids.js';
import type { TypeIO } from './type-io.js';
import type { Value } from './values.js';
import { boolIO } from './bool.js';
import { int2IO, int4IO, int8IO } from './int.js';
import { float4IO, float8IO } from './float.js';
import { numericIO } from './numeric.js';
import { textIO, varcharIO, bpcharIO, nameIO, charIO } from './text.js';
import { uuidIO } from './uuid.js';
import { byteaIO } from './bytea.js';
import { jsonIO } from './json.js';
import { jsonbIO } from './jsonb.js';
import { jsonpathIO } from './jsonpath.js';
import { aclitemIO, makeVectorIO, nodeTreeIO, pseudoTypeIO, xidIO } from './catalog-types.js';
import { cidIO, snapshotIO, tidIO, xid8IO } from './xact-types.js';
import { int4rangeIO, int8rangeIO, numrangeIO, daterangeIO, tsrangeIO, tstzrangeIO } from './range.js';
import { int4multirangeIO, int8multirangeIO, nummultirangeIO, datemultirangeIO, tsmultirangeIO, tstzmultirangeIO } from './multirange.js';
import { inetIO, cidrIO } from './inet.js';
import { moneyIO } from './money.js';
import { macaddrIO, macaddr8IO } from './mac.js';
import { pgLsnIO } from './pg-lsn.js';
import { boxIO, circleIO, lineIO, lsegIO, pathIO, pointIO, polygonIO } from './geo/geo-types.js';
import { bitIO, varbitIO } from './bit.js';
import { tsvectorIO } from '../tsearch/tsvector-io.js';
import { tsqueryIO } from '../tsearch/tsquery-io.js';
import { dateIO, timeIO, timetzIO, timestampIO, timestamptzIO, intervalIO } from './datetime-io.js';

/** oid: unsigned 32-bit integer. */
export const oidIO: TypeIO<number> = {
  input(text: string): number {
    const t = text.trim();
    if (!/^[+-]?\d+$/.test(t)) {
      throw new PgError(SQLSTATE.invalid_text_representation, `invalid input syntax for type oid: "${text}"`);
    }
    const n = Number(t);
    if (n > 4294967295 || n < -2147483648) {
      throw new PgError(SQLSTATE.numeric_value_out_of_range, `value "${text}" is out of range for type oid`);
    }
    return n < 0 ? n + 4294967296 : n;
  },
  output: (v) => String(v),
  compare: (a, b) => a - b,
  hashKey: (v) => v,
};

const unknownIO: TypeIO<Value> = {
  input: (text) => text,
  output: (v) => String(v),
  compare: (a, b) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0),
  hashKey: (v) => String(v),
};

const table: Record<number, unknown> = {
  [OID.bool]: boolIO,
  [OID.int2]: int2IO,
  [OID.int4]: int4IO,
  [OID.int8]: int8IO,
  [OID.float4]: float4IO,
  [OID.float8]: float8IO,
  [OID.numeric]: numericIO,
  [OID.text]: textIO,
  [OID.refcursor]: textIO,
  [OID.varchar]: varcharIO,
  [OID.bpchar]: bpcharIO,
  [OID.name]: nameIO,
  [OID.char]: charIO,
  [OID.uuid]: uuidIO,
  [OID.bytea]: byteaIO,
  [OID.json]: jsonIO,
  [OID.jsonb]: jsonbIO,
  [OID.jsonpath]: jsonpathIO,
  [OID.date]: dateIO,
  [OID.time]: timeIO,
  [OID.timetz]: timetzIO,
  [OID.timestamp]: timestampIO,
  [OID.timestamptz]: timestamptzIO,
  [OID.interval]: intervalIO,
  [OID.int4range]: int4rangeIO,
  [OID.int8range]: int8rangeIO,
  [OID.numrange]: numrangeIO,
  [OID.daterange]: daterangeIO,
  [OID.tsrange]: tsrangeIO,
  [OID.tstzrange]: tstzrangeIO,
  [OID.int4multirange]: int4multirangeIO,
  [OID.int8multirange]: int8multirangeIO,
  [OID.nummultirange]: nummultirangeIO,
  [OID.datemultirange]: datemultirangeIO,
  [OID.tsmultirange]: tsmultirangeIO,
  [OID.tstzmultirange]: tstzmultirangeIO,
  [OID.inet]: inetIO,
  [OID.cidr]: cidrIO,
  [OID.money]: moneyIO,
  [OID.macaddr]: macaddrIO,
  [OID.macaddr8]: macaddr8IO,
  [OID.pg_lsn]: pgLsnIO as TypeIO,
  [OID.point]: pointIO,
  [OID.lseg]: lsegIO,
  [OID.line]: lineIO,
  [OID.box]: boxIO,
  [OID.path]: pathIO,
  [OID.polygon]: polygonIO,
  [OID.circle]: circleIO,
  [OID.bit]: bitIO,
  [OID.varbit]: varbitIO,
  [OID.tsvector]: tsvectorIO,
  [OID.tsquery]: tsqueryIO,
  [OID.regconfig]: oidIO,
  [OID.regdictionary]: oidIO,
  [OID.oid]: oidIO,
  [OID.regclass]: oidIO,
  [OID.regtype]: oidIO,
  [OID.regproc]: oidIO,
  [OID.regprocedure]: oidIO,
  [OID.regoper]: oidIO,
  [OID.regoperator]: oidIO,
  [OID.regnamespace]: oidIO,
  [OID.regrole]: oidIO,
  [OID.int2vector]: makeVectorIO(int2IO as TypeIO),
  [OID.oidvector]: makeVectorIO(oidIO as TypeIO),
  [OID.xid]: xidIO,
  [OID.xid8]: xid8IO as TypeIO,
  [OID.cid]: cidIO as TypeIO,
  [OID.tid]: tidIO as TypeIO,
  [OID.pg_snapshot]: snapshotIO as TypeIO,
  [OID.txid_snapshot]: snapshotIO as TypeIO,
  [OID.pg_node_tree]: nodeTreeIO,
  [OID.trigger]: pseudoTypeIO('trigger'),
  [OID.event_trigger]: pseudoTypeIO('event_trigger'),
  [OID.pg_ddl_command]: pseudoTypeIO('pg_ddl_command'),
  [OID.aclitem]: aclitemIO,
  [OID.unknown]: unknownIO,
  [OID.cstring]: unknownIO,
  [OID.void]: unknownIO,
};

/** Whether a built-in type has its own I/O (int2vector/oidvector do, other array types do not). */
export function hasBuiltinIO(oid: number): boolean {
  return table[oid] !== undefined;
}

/** The TypeIO for a built-in base type; 0A000 for a type fauxgres cannot handle yet. */
export function builtinIO(oid: number): TypeIO<Value> {
  const io = table[oid];
  if (!io) throw new PgError(SQLSTATE.feature_not_supported, `feature not supported: values of type with OID ${oid}`);
  return io as unknown as TypeIO<Value>;
}
