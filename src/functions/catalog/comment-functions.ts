/**
 * obj_description, col_description, shobj_description: comments from pg_description /
 * pg_shdescription (COMMENT ON, and the descriptions of built-in objects).
 * Postgres counterpart: the SQL functions in src/backend/catalog/system_functions.sql.
 */
import { fn } from '../registry.js';
import { OID } from '../../types/oids.js';
import { describeAnyObject, describeObject, DATABASE_DESCRIPTIONS } from '../../catalog/system/descriptions.js';
import { CLASS_OID } from '../../catalog/system/common.js';
import { databaseOid } from '../../catalog/system/pg-database.js';

const S = { volatility: 's' as const };
const CATALOGS = CLASS_OID as Record<string, number>;

fn('obj_description', [OID.oid, OID.name], OID.text, (a, rt) => {
  const cls = CATALOGS[a[1] as string];
  return cls === undefined ? null : (describeObject(rt.session.catalog(), cls, a[0] as number, 0) ?? null);
}, S);
fn('obj_description', [OID.oid], OID.text, (a, rt) => describeAnyObject(rt.session.catalog(), a[0] as number) ?? null, S);
fn('col_description', [OID.oid, OID.int4], OID.text, (a, rt) => describeObject(rt.session.catalog(), CLASS_OID.pg_class, a[0] as number, a[1] as number) ?? null, S);
fn('shobj_description', [OID.oid, OID.name], OID.text, (a, rt) => {
  if (a[1] !== 'pg_database') return null;
  const current = rt.session.databaseName();
  for (const [name, d] of Object.entries(DATABASE_DESCRIPTIONS)) if (databaseOid(name, current) === a[0]) return d;
  return null;
}, S);
