/**
 * The types only the system catalogs use: int2vector and oidvector (pg_index.indkey,
 * pg_proc.proargtypes: arrays with lower bound 0, printed space-separated), xid, pg_node_tree
 * (stored expressions; fauxgres's values are references the catalog functions decode) and aclitem.
 * Postgres counterpart: src/backend/utils/adt/int.c (int2vectorin/out), oid.c (oidvectorin/out),
 * xid.c, ruleutils.c (pg_node_tree), acl.c (aclitemin/out).
 * Known gaps: aclitem input does not check that the roles exist.
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { compareArrays } from './array.js';
import type { IoContext, TypeIO } from './type-io.js';
import { PgArray, type Value } from './values.js';
import { readUint32 } from './xact-types.js';

/** An int2vector / oidvector: space-separated elements, one dimension, lower bound 0. */
export function makeVectorIO(elementIO: TypeIO): TypeIO<PgArray> {
  const compareElement = elementIO.compare.bind(elementIO);
  return {
    input(text: string, _typmod: number, ctx: IoContext): PgArray {
      const parts = text.split(/[ \t\n\r\f\v]+/).filter((p) => p !== '');
      const items = parts.map((p) => elementIO.input(p, -1, ctx));
      return items.length ? new PgArray(items, [items.length], [0]) : new PgArray([], [], []);
    },
    output(value: PgArray, ctx: IoContext): string {
      return value.items.map((v) => (v === null ? '' : elementIO.output(v, ctx))).join(' ');
    },
    compare: (a, b) => compareArrays(a, b, compareElement),
    hashKey: (v) => v.items.map((x) => String(x)).join(' '),
  };
}

/** A vector value (lower bound 0) from its elements. */
export function vectorOf(items: readonly Value[]): PgArray {
  return items.length ? new PgArray([...items], [items.length], [0]) : new PgArray([], [], []);
}

/** xid: a 32-bit transaction id; input reads strtoul's syntax and wraps negative numbers. */
export const xidIO: TypeIO<number> = {
  input: (text) => readUint32(text, 'xid'),
  output: (v) => String(v),
  compare: (a, b) => a - b,
  hashKey: (v) => v,
};

/** pg_node_tree: values come only from the catalog; text cannot be read as one. */
export const nodeTreeIO: TypeIO<string> = {
  input(): string {
    throw new PgError(SQLSTATE.feature_not_supported, 'cannot accept a value of type pg_node_tree');
  },
  output: (v) => v,
  compare: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  hashKey: (v) => v,
};

/** The trigger, event_trigger and pg_ddl_command pseudo-types: no value can be read or shown. */
export function pseudoTypeIO(name: string): TypeIO<string> {
  return {
    input(): string {
      throw new PgError(SQLSTATE.feature_not_supported, `cannot accept a value of type ${name}`);
    },
    output(): string {
      throw new PgError(SQLSTATE.feature_not_supported, `cannot display a value of type ${name}`);
    },
    compare: () => 0,
    hashKey: (v) => v,
  };
}

/** aclitem: `grantee=privileges/grantor`, kept as text. */
export const aclitemIO: TypeIO<string> = {
  input(text: string): string {
    const t = text.trim();
    if (!/^[^=]*=[a-zA-Z*]*\/.+$/.test(t)) throw new PgError(SQLSTATE.invalid_text_representation, `invalid input syntax for type aclitem: "${text}"`);
    return t;
  },
  output: (v) => v,
  compare: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  hashKey: (v) => v,
};
