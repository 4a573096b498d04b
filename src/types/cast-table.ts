/**
 * The built-in casts between the supported types, as recorded from the oracle's pg_cast
 * (castcontext: i = implicit, a = assignment, e = explicit). Casts through text I/O are not listed:
 * Postgres allows any type → string type as an assignment cast and string type → any type as an
 * explicit cast (coerce.ts applies that rule). Postgres counterpart: src/include/catalog/pg_cast.dat.
 */
export type CastContext = 'i' | 'a' | 'e';

/** [source type name, target type name, context] */
export const CAST_ROWS: readonly (readonly [string, string, CastContext])[] = [
  ['char', 'text', 'i'], ['name', 'text', 'i'],
  ['int8', 'oid', 'i'], ['int8', 'float4', 'i'], ['int8', 'float8', 'i'], ['int8', 'numeric', 'i'],
  ['int2', 'int8', 'i'], ['int2', 'int4', 'i'], ['int2', 'oid', 'i'], ['int2', 'float4', 'i'], ['int2', 'float8', 'i'], ['int2', 'numeric', 'i'],
  ['int4', 'int8', 'i'], ['int4', 'oid', 'i'], ['int4', 'float4', 'i'], ['int4', 'float8', 'i'], ['int4', 'numeric', 'i'],
  ['int4', 'regclass', 'i'], ['int8', 'regclass', 'i'], ['int2', 'regclass', 'i'], ['oid', 'regclass', 'i'], ['regclass', 'oid', 'i'],
  ['int4', 'regtype', 'i'], ['int8', 'regtype', 'i'], ['int2', 'regtype', 'i'], ['oid', 'regtype', 'i'], ['regtype', 'oid', 'i'],
  ['int4', 'regproc', 'i'], ['oid', 'regproc', 'i'], ['regproc', 'oid', 'i'],
  ['text', 'name', 'i'], ['text', 'bpchar', 'i'], ['text', 'varchar', 'i'], ['text', 'regclass', 'i'], ['varchar', 'regclass', 'i'],
  ['float4', 'float8', 'i'],
  ['bpchar', 'name', 'i'], ['bpchar', 'text', 'i'], ['bpchar', 'varchar', 'i'],
  ['varchar', 'name', 'i'], ['varchar', 'text', 'i'], ['varchar', 'bpchar', 'i'],
  ['date', 'timestamp', 'i'], ['date', 'timestamptz', 'i'],
  ['time', 'interval', 'i'], ['time', 'timetz', 'i'],
  ['timestamp', 'timestamptz', 'i'],
  ['numeric', 'float4', 'i'], ['numeric', 'float8', 'i'],
  ['bool', 'int4', 'e'], ['bool', 'text', 'a'], ['bool', 'bpchar', 'a'], ['bool', 'varchar', 'a'],
  ['bytea', 'int8', 'e'], ['bytea', 'int2', 'e'], ['bytea', 'int4', 'e'],
  ['char', 'int4', 'e'], ['char', 'bpchar', 'a'], ['char', 'varchar', 'a'],
  ['name', 'bpchar', 'a'], ['name', 'varchar', 'a'],
  ['int8', 'bytea', 'e'], ['int8', 'int2', 'a'], ['int8', 'int4', 'a'],
  ['int2', 'bytea', 'e'],
  ['int4', 'bool', 'e'], ['int4', 'bytea', 'e'], ['int4', 'char', 'e'], ['int4', 'int2', 'a'],
  ['regproc', 'int8', 'a'], ['regproc', 'int4', 'a'],
  ['text', 'char', 'a'],
  ['oid', 'int8', 'a'], ['oid', 'int4', 'a'],
  ['xid8', 'xid', 'e'],
  ['json', 'jsonb', 'a'],
  ['float4', 'int8', 'a'], ['float4', 'int2', 'a'], ['float4', 'int4', 'a'], ['float4', 'numeric', 'a'],
  ['float8', 'int8', 'a'], ['float8', 'int2', 'a'], ['float8', 'int4', 'a'], ['float8', 'float4', 'a'], ['float8', 'numeric', 'a'],
  ['bpchar', 'char', 'a'], ['varchar', 'char', 'a'],
  ['timestamp', 'date', 'a'], ['timestamp', 'time', 'a'],
  ['timestamptz', 'date', 'a'], ['timestamptz', 'time', 'a'], ['timestamptz', 'timestamp', 'a'], ['timestamptz', 'timetz', 'a'],
  ['interval', 'time', 'a'], ['timetz', 'time', 'a'],
  ['numeric', 'int8', 'a'], ['numeric', 'int2', 'a'], ['numeric', 'int4', 'a'],
  ['regclass', 'int8', 'a'], ['regclass', 'int4', 'a'], ['regtype', 'int8', 'a'], ['regtype', 'int4', 'a'],
  ['jsonb', 'bool', 'e'], ['jsonb', 'int8', 'e'], ['jsonb', 'int2', 'e'], ['jsonb', 'int4', 'e'], ['jsonb', 'json', 'a'],
  ['jsonb', 'float4', 'e'], ['jsonb', 'float8', 'e'], ['jsonb', 'numeric', 'e'],
  // The other reg* types (regproc's int4/oid casts are above) and the catalogs' pg_node_tree.
  ...['regproc', 'regprocedure', 'regoper', 'regoperator', 'regnamespace', 'regrole', 'regconfig', 'regdictionary'].flatMap((t) => [
    ['int8', t, 'i'], ['int2', t, 'i'], ['int4', t, 'i'], ['oid', t, 'i'], [t, 'oid', 'i'], [t, 'int8', 'a'], [t, 'int4', 'a'],
  ] as const).filter(([a, b]) => !(a === 'int4' && b === 'regproc') && !(a === 'oid' && b === 'regproc') && !(a === 'regproc' && (b === 'oid' || b === 'int8' || b === 'int4'))),
  ['regproc', 'regprocedure', 'i'], ['regprocedure', 'regproc', 'i'], ['regoper', 'regoperator', 'i'], ['regoperator', 'regoper', 'i'],
  ['pg_node_tree', 'text', 'i'],
  ['cidr', 'inet', 'i'], ['inet', 'cidr', 'a'], ['inet', 'text', 'a'], ['cidr', 'text', 'a'], ['inet', 'varchar', 'a'], ['cidr', 'varchar', 'a'],
  ['inet', 'bpchar', 'a'], ['cidr', 'bpchar', 'a'],
  ['macaddr', 'macaddr8', 'i'], ['macaddr8', 'macaddr', 'i'],
  // Geometric types (functions/builtins/geo/geo-register.ts).
  ['point', 'box', 'a'], ['lseg', 'point', 'e'], ['path', 'polygon', 'a'], ['box', 'point', 'e'], ['box', 'lseg', 'e'],
  ['box', 'polygon', 'a'], ['box', 'circle', 'e'], ['polygon', 'point', 'e'], ['polygon', 'path', 'a'], ['polygon', 'box', 'e'],
  ['polygon', 'circle', 'e'], ['circle', 'point', 'e'], ['circle', 'box', 'e'], ['circle', 'polygon', 'e'],
  ['money', 'numeric', 'a'], ['numeric', 'money', 'a'], ['int4', 'money', 'a'], ['int8', 'money', 'a'],
  // A range to its multirange (int4multirange(int4range) etc.).
  ['int4range', 'int4multirange', 'e'], ['int8range', 'int8multirange', 'e'], ['numrange', 'nummultirange', 'e'],
  ['daterange', 'datemultirange', 'e'], ['tsrange', 'tsmultirange', 'e'], ['tstzrange', 'tstzmultirange', 'e'],
  ['bit', 'varbit', 'i'], ['varbit', 'bit', 'i'], ['int8', 'bit', 'e'], ['int4', 'bit', 'e'], ['bit', 'int8', 'e'], ['bit', 'int4', 'e'],
];
