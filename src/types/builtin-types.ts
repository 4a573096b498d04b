/**
 * The built-in types as data: OID, name, category, preferred flag, array type, and the name
 * format_type() prints. Postgres counterpart: src/include/catalog/pg_type.dat.
 */
import { OID } from './oids.js';

export interface BuiltinTypeRow {
  oid: number;
  name: string;
  /** typcategory: B bool, N numeric, S string, D datetime, T timespan, U user, A array, E enum, P pseudo, X unknown, R range, G geometric, I network, V bit, C composite */
  category: string;
  preferred?: boolean;
  array?: number;
  /** What format_type() and error messages call it (`integer`, `character varying`). */
  sqlName?: string;
  typlen: number;
  /** For int2vector / oidvector: the element type (they are arrays with their own I/O). */
  elem?: number;
}

export const BUILTIN_TYPES: readonly BuiltinTypeRow[] = [
  { oid: OID.bool, name: 'bool', category: 'B', preferred: true, array: OID._bool, sqlName: 'boolean', typlen: 1 },
  { oid: OID.bytea, name: 'bytea', category: 'U', array: OID._bytea, typlen: -1 },
  { oid: OID.char, name: 'char', category: 'Z', array: OID._char, sqlName: '"char"', typlen: 1 },
  { oid: OID.name, name: 'name', category: 'S', array: OID._name, typlen: 64 },
  { oid: OID.int8, name: 'int8', category: 'N', array: OID._int8, sqlName: 'bigint', typlen: 8 },
  { oid: OID.int2, name: 'int2', category: 'N', array: OID._int2, sqlName: 'smallint', typlen: 2 },
  { oid: OID.int4, name: 'int4', category: 'N', array: OID._int4, sqlName: 'integer', typlen: 4 },
  { oid: OID.regproc, name: 'regproc', category: 'N', array: OID._regproc, typlen: 4 },
  { oid: OID.text, name: 'text', category: 'S', preferred: true, array: OID._text, typlen: -1 },
  { oid: OID.refcursor, name: 'refcursor', category: 'U', array: OID._refcursor, typlen: -1 },
  { oid: OID.oid, name: 'oid', category: 'N', preferred: true, array: OID._oid, typlen: 4 },
  { oid: OID.json, name: 'json', category: 'U', array: OID._json, typlen: -1 },
  { oid: OID.float4, name: 'float4', category: 'N', array: OID._float4, sqlName: 'real', typlen: 4 },
  { oid: OID.float8, name: 'float8', category: 'N', preferred: true, array: OID._float8, sqlName: 'double precision', typlen: 8 },
  { oid: OID.unknown, name: 'unknown', category: 'X', typlen: -2 },
  { oid: OID.bpchar, name: 'bpchar', category: 'S', array: OID._bpchar, sqlName: 'character', typlen: -1 },
  { oid: OID.varchar, name: 'varchar', category: 'S', array: OID._varchar, sqlName: 'character varying', typlen: -1 },
  { oid: OID.date, name: 'date', category: 'D', array: OID._date, typlen: 4 },
  { oid: OID.time, name: 'time', category: 'D', array: OID._time, sqlName: 'time without time zone', typlen: 8 },
  { oid: OID.timestamp, name: 'timestamp', category: 'D', array: OID._timestamp, sqlName: 'timestamp without time zone', typlen: 8 },
  { oid: OID.timestamptz, name: 'timestamptz', category: 'D', preferred: true, array: OID._timestamptz, sqlName: 'timestamp with time zone', typlen: 8 },
  { oid: OID.interval, name: 'interval', category: 'T', preferred: true, array: OID._interval, typlen: 16 },
  { oid: OID.timetz, name: 'timetz', category: 'D', array: OID._timetz, sqlName: 'time with time zone', typlen: 12 },
  { oid: OID.numeric, name: 'numeric', category: 'N', array: OID._numeric, typlen: -1 },
  { oid: OID.regclass, name: 'regclass', category: 'N', array: OID._regclass, typlen: 4 },
  { oid: OID.regtype, name: 'regtype', category: 'N', array: OID._regtype, typlen: 4 },
  { oid: OID.uuid, name: 'uuid', category: 'U', array: OID._uuid, typlen: 16 },
  { oid: OID.jsonb, name: 'jsonb', category: 'U', array: OID._jsonb, typlen: -1 },
  { oid: OID.jsonpath, name: 'jsonpath', category: 'U', array: OID._jsonpath, typlen: -1 },
  { oid: OID.record, name: 'record', category: 'P', array: OID._record, typlen: -1 },
  { oid: OID.cstring, name: 'cstring', category: 'P', array: OID._cstring, typlen: -2 },
  { oid: OID.any, name: 'any', category: 'P', typlen: 4 },
  { oid: OID.anyarray, name: 'anyarray', category: 'P', typlen: -1 },
  { oid: OID.void, name: 'void', category: 'P', typlen: 4 },
  { oid: OID.trigger, name: 'trigger', category: 'P', typlen: 4 },
  { oid: OID.event_trigger, name: 'event_trigger', category: 'P', typlen: 4 },
  { oid: OID.pg_ddl_command, name: 'pg_ddl_command', category: 'P', typlen: 8 },
  { oid: OID.anyelement, name: 'anyelement', category: 'P', typlen: 4 },
  { oid: OID.anynonarray, name: 'anynonarray', category: 'P', typlen: 4 },
  { oid: OID.anyenum, name: 'anyenum', category: 'P', typlen: 4 },
  { oid: OID.anyrange, name: 'anyrange', category: 'P', typlen: -1 },
  { oid: OID.anymultirange, name: 'anymultirange', category: 'P', typlen: -1 },
  { oid: OID.anycompatible, name: 'anycompatible', category: 'P', typlen: 4 },
  { oid: OID.anycompatiblearray, name: 'anycompatiblearray', category: 'P', typlen: -1 },
  { oid: OID.anycompatiblenonarray, name: 'anycompatiblenonarray', category: 'P', typlen: 4 },
  { oid: 5080, name: 'anycompatiblerange', category: 'P', typlen: -1 },
  { oid: 4538, name: 'anycompatiblemultirange', category: 'P', typlen: -1 },
  // Range types (typtype 'r'), network types and money.
  { oid: OID.int4range, name: 'int4range', category: 'R', array: 3905, typlen: -1 },
  { oid: OID.numrange, name: 'numrange', category: 'R', array: 3907, typlen: -1 },
  { oid: OID.tsrange, name: 'tsrange', category: 'R', array: 3909, typlen: -1 },
  { oid: OID.tstzrange, name: 'tstzrange', category: 'R', array: 3911, typlen: -1 },
  { oid: OID.daterange, name: 'daterange', category: 'R', array: 3913, typlen: -1 },
  { oid: OID.int8range, name: 'int8range', category: 'R', array: 3927, typlen: -1 },
  // Multirange types (typtype 'm', category R: the name tells them apart, see registry.ts).
  { oid: OID.int4multirange, name: 'int4multirange', category: 'R', array: 6150, typlen: -1 },
  { oid: OID.nummultirange, name: 'nummultirange', category: 'R', array: 6151, typlen: -1 },
  { oid: OID.tsmultirange, name: 'tsmultirange', category: 'R', array: 6152, typlen: -1 },
  { oid: OID.tstzmultirange, name: 'tstzmultirange', category: 'R', array: 6153, typlen: -1 },
  { oid: OID.datemultirange, name: 'datemultirange', category: 'R', array: 6155, typlen: -1 },
  { oid: OID.int8multirange, name: 'int8multirange', category: 'R', array: 6157, typlen: -1 },
  { oid: OID.inet, name: 'inet', category: 'I', preferred: true, array: OID._inet, typlen: -1 },
  { oid: OID.cidr, name: 'cidr', category: 'I', array: OID._cidr, typlen: -1 },
  { oid: OID.money, name: 'money', category: 'N', array: OID._money, typlen: 8 },
  // MAC addresses (types/mac.ts) and WAL positions (types/pg-lsn.ts).
  { oid: OID.macaddr, name: 'macaddr', category: 'U', array: OID._macaddr, typlen: 6 },
  { oid: OID.macaddr8, name: 'macaddr8', category: 'U', array: OID._macaddr8, typlen: 8 },
  { oid: OID.pg_lsn, name: 'pg_lsn', category: 'U', array: OID._pg_lsn, typlen: 8 },
  // Geometric types (types/geo/).
  { oid: OID.point, name: 'point', category: 'G', array: OID._point, typlen: 16 },
  { oid: OID.lseg, name: 'lseg', category: 'G', array: OID._lseg, typlen: 32 },
  { oid: OID.path, name: 'path', category: 'G', array: OID._path, typlen: -1 },
  { oid: OID.box, name: 'box', category: 'G', array: OID._box, typlen: 32 },
  { oid: OID.polygon, name: 'polygon', category: 'G', array: OID._polygon, typlen: -1 },
  { oid: OID.line, name: 'line', category: 'G', array: OID._line, typlen: 24 },
  { oid: OID.circle, name: 'circle', category: 'G', array: OID._circle, typlen: 24 },
  // Bit strings (types/bit.ts).
  { oid: OID.bit, name: 'bit', category: 'V', array: OID._bit, typlen: -1 },
  { oid: OID.varbit, name: 'varbit', category: 'V', preferred: true, array: OID._varbit, typlen: -1, sqlName: 'bit varying' },
  // Full-text search (src/tsearch/).
  { oid: OID.tsvector, name: 'tsvector', category: 'U', array: OID._tsvector, typlen: -1 },
  { oid: OID.tsquery, name: 'tsquery', category: 'U', array: OID._tsquery, typlen: -1 },
  { oid: OID.regconfig, name: 'regconfig', category: 'N', array: OID._regconfig, typlen: 4 },
  { oid: OID.regdictionary, name: 'regdictionary', category: 'N', array: OID._regdictionary, typlen: 4 },
  // Types of the system catalogs' columns.
  { oid: OID.int2vector, name: 'int2vector', category: 'A', array: 1006, typlen: -1, elem: OID.int2 },
  { oid: OID.oidvector, name: 'oidvector', category: 'A', array: 1013, typlen: -1, elem: OID.oid },
  { oid: OID.xid, name: 'xid', category: 'U', array: 1011, typlen: 4 },
  { oid: OID.xid8, name: 'xid8', category: 'U', array: 271, typlen: 8 },
  { oid: OID.cid, name: 'cid', category: 'U', array: 1012, typlen: 4 },
  { oid: OID.tid, name: 'tid', category: 'U', array: 1010, typlen: 6 },
  { oid: OID.pg_snapshot, name: 'pg_snapshot', category: 'U', array: 5039, typlen: -1 },
  { oid: OID.txid_snapshot, name: 'txid_snapshot', category: 'U', array: 2949, typlen: -1 },
  { oid: OID.pg_node_tree, name: 'pg_node_tree', category: 'Z', typlen: -1 },
  { oid: OID.aclitem, name: 'aclitem', category: 'U', array: 1034, typlen: 16 },
  { oid: OID.regprocedure, name: 'regprocedure', category: 'N', array: 2207, typlen: 4 },
  { oid: OID.regoper, name: 'regoper', category: 'N', array: 2208, typlen: 4 },
  { oid: OID.regoperator, name: 'regoperator', category: 'N', array: 2209, typlen: 4 },
  { oid: OID.regnamespace, name: 'regnamespace', category: 'N', array: 4090, typlen: 4 },
  { oid: OID.regrole, name: 'regrole', category: 'N', array: 4097, typlen: 4 },
];

/** Array type rows derived from BUILTIN_TYPES (`_int4` etc.), category A. */
export const BUILTIN_ARRAY_TYPES: readonly (BuiltinTypeRow & { elem: number })[] = BUILTIN_TYPES.filter(
  (t) => t.array !== undefined,
).map((t) => ({
  oid: t.array as number,
  name: '_' + t.name,
  category: 'A',
  sqlName: (t.sqlName ?? t.name) + '[]',
  typlen: -1,
  elem: t.oid,
}));

/** Type names the grammar and users write, mapped to the catalog name (`integer` → `int4`). */
export const TYPE_ALIASES: Readonly<Record<string, string>> = {
  integer: 'int4',
  int: 'int4',
  smallint: 'int2',
  bigint: 'int8',
  real: 'float4',
  float: 'float8',
  'double precision': 'float8',
  boolean: 'bool',
  decimal: 'numeric',
  'character varying': 'varchar',
  'bit varying': 'varbit',
  character: 'bpchar',
  'timestamp without time zone': 'timestamp',
  'timestamp with time zone': 'timestamptz',
  'time without time zone': 'time',
  'time with time zone': 'timetz',
  serial: 'int4',
  bigserial: 'int8',
  smallserial: 'int2',
  serial4: 'int4',
  serial8: 'int8',
  serial2: 'int2',
};
