/**
 * Catalog lookups clients call by OID or name: pg_get_userbyid, pg_*_is_visible, to_reg*,
 * pg_my_temp_schema, pg_encoding_to_char, pg_relation_is_publishable, pg_partition_*,
 * pg_get_triggerdef / pg_get_statisticsobjdef_columns (no such objects here).
 * Postgres counterpart: src/backend/utils/adt/acl.c, catalog/namespace.c (pg_table_is_visible),
 * utils/adt/regproc.c (to_regclass), utils/mb/mbutils.c, utils/adt/partitionfuncs.c.
 */
import { fn } from '../registry.js';
import { OID } from '../../types/oids.js';
import { tempSchemaNameFor } from '../../session/temp-schema.js';
import { PgError, featureNotSupported } from '../../errors/pg-error.js';
import type { ExprRuntime } from '../../nodes/primnodes.js';
import { roleName } from '../../catalog/system/common.js';
import { relationIsVisible } from '../../catalog/system/common.js';
import { systemRelationByOid } from '../../catalog/system/registry.js';
import { typeIsVisible } from '../../catalog/ruleutils/format-type.js';
import { builtinFacts } from '../../catalog/system/type-facts.js';
import { builtinProcByOid } from '../../catalog/system/procs.js';
import { userFunction, userFunctions, userTrigger } from '../../catalog/system/user-functions.js';
import { triggerDef } from '../../catalog/ruleutils/triggerdef.js';
import { regInput } from '../../analyze/regclass.js';
import { partitionAncestors, partitionConstraintDef, partitionKeyDef, partitionTree } from '../../catalog/partition.js';
import { PgRecord } from '../../types/values.js';
import { lookupStatistics, statisticsColumnsText, statisticsDef } from '../../commands/statistics.js';

const S = { volatility: 's' as const };

fn('pg_get_userbyid', [OID.oid], OID.name, (a, rt) => roleName(a[0] as number, rt.session.catalog()) ?? `unknown (OID=${a[0]})`, S);

fn('pg_table_is_visible', [OID.oid], OID.bool, (a, rt) => {
  const cat = rt.session.catalog();
  const oid = a[0] as number;
  const rel = cat.relations.get(oid);
  if (rel) return relationIsVisible(cat, rt.session.searchPath(), rel.namespace, rel.name);
  const sys = systemRelationByOid(oid);
  return sys ? relationIsVisible(cat, rt.session.searchPath(), sys.namespace, sys.name) : null;
}, S);
fn('pg_type_is_visible', [OID.oid], OID.bool, (a, rt) => {
  const oid = a[0] as number;
  if (builtinFacts.has(oid)) return true;
  const cat = rt.session.catalog();
  return cat.types.has(oid) ? typeIsVisible(cat, rt.session.searchPath(), oid) : null;
}, S);
fn('pg_function_is_visible', [OID.oid], OID.bool, (a, rt) => {
  const cat = rt.session.catalog();
  const u = userFunction(cat, a[0] as number);
  if (u) {
    // Visible when the first schema of the search path holding a function of that name is its own.
    for (const s of rt.session.searchPath()) {
      const ns = cat.namespaceOid(s);
      if (ns === undefined) continue;
      if ([...userFunctions(cat)].some((f) => f.namespace === ns && f.name === u.name)) return ns === u.namespace;
    }
    return false;
  }
  return builtinProcByOid(a[0] as number) ? true : null;
}, S);
fn('pg_my_temp_schema', [], OID.oid, (_a, rt) => rt.session.catalog().namespaceOid(tempSchemaNameFor(rt.session.backendPid())) ?? 0, S);
fn('pg_is_other_temp_schema', [OID.oid], OID.bool, () => false, S);

// to_regclass(text) etc.: the reg* input, NULL where it would raise "does not exist".
function toReg(type: number) {
  const input = regInput(type)!;
  return (a: unknown[], rt: ExprRuntime) => {
    try {
      return input(rt, a[0] as string);
    } catch (e) {
      if (e instanceof PgError && ['42P01', '42704', '3F000', '42883', '42725'].includes(e.code)) return null;
      throw e;
    }
  };
}
for (const [name, type] of [['to_regclass', OID.regclass], ['to_regtype', OID.regtype], ['to_regnamespace', OID.regnamespace], ['to_regrole', OID.regrole], ['to_regproc', OID.regproc], ['to_regprocedure', OID.regprocedure]] as const) {
  fn(name, [OID.text], type, toReg(type), S);
}

const ENCODINGS = ['SQL_ASCII', 'EUC_JP', 'EUC_CN', 'EUC_KR', 'EUC_TW', 'EUC_JIS_2004', 'UTF8', 'MULE_INTERNAL', 'LATIN1', 'LATIN2', 'LATIN3', 'LATIN4', 'LATIN5', 'LATIN6', 'LATIN7', 'LATIN8', 'LATIN9', 'LATIN10', 'WIN1256', 'WIN1258', 'WIN866', 'WIN874', 'KOI8R', 'WIN1251', 'WIN1252', 'ISO_8859_5', 'ISO_8859_6', 'ISO_8859_7', 'ISO_8859_8', 'WIN1250', 'WIN1253', 'WIN1254', 'WIN1255', 'WIN1257', 'KOI8U', 'SJIS', 'BIG5', 'GBK', 'UHC', 'GB18030', 'JOHAB', 'SHIFT_JIS_2004'];
fn('pg_encoding_to_char', [OID.int4], OID.name, (a) => ENCODINGS[a[0] as number] ?? '', S);
fn('pg_char_to_encoding', [OID.name], OID.int4, (a) => {
  const n = (a[0] as string).toUpperCase().replace(/[-_]/g, '');
  const i = ENCODINGS.findIndex((e) => e.replace(/_/g, '') === n || (n === 'UNICODE' && e === 'UTF8'));
  return i;
}, S);

fn('pg_relation_is_publishable', [OID.regclass], OID.bool, (a, rt) => {
  const rel = rt.session.catalog().relations.get(a[0] as number);
  if (!rel) return systemRelationByOid(a[0] as number) ? false : null;
  return (rel.kind === 'r' || rel.kind === 'p') && rel.persistence === 'p';
}, S);
// Partition trees (of tables and of partitioned indexes): see catalog/partition.ts.
fn('pg_partition_ancestors', [OID.regclass], OID.regclass, (a, rt) => partitionAncestors(rt.session.catalog(), a[0] as number), { ...S, retset: true, argNames: ['partitionid'], resultColumnName: 'relid' });
fn('pg_partition_root', [OID.regclass], OID.regclass, (a, rt) => {
  const up = partitionAncestors(rt.session.catalog(), a[0] as number);
  return up.length ? up[up.length - 1] : null;
}, S);
const TREE_TYPES = [OID.regclass, OID.regclass, OID.bool, OID.int4];
const TREE_NAMES = ['relid', 'parentrelid', 'isleaf', 'level'];
fn('pg_partition_tree', [OID.regclass], OID.record, (a, rt) =>
  partitionTree(rt.session.catalog(), a[0] as number).map((r) => new PgRecord([r.relid, r.parent, r.leaf, r.level], TREE_NAMES, TREE_TYPES)), {
  ...S,
  retset: true,
  argNames: ['rootrelid'],
  outColumns: TREE_NAMES.map((name, i) => ({ name, type: TREE_TYPES[i] })),
});
fn('pg_get_partition_constraintdef', [OID.oid], OID.text, (a, rt) => {
  const cat = rt.session.catalog();
  const rel = cat.relations.get(a[0] as number);
  if (!rel) return null;
  const def = partitionConstraintDef(cat, rel);
  if (def === undefined) throw featureNotSupported('pg_get_partition_constraintdef of a default partition or a multi-column range partition');
  return def;
}, S);
fn('pg_get_partkeydef', [OID.oid], OID.text, (a, rt) => {
  const cat = rt.session.catalog();
  const rel = cat.relations.get(a[0] as number);
  return rel?.partitionKey ? partitionKeyDef(cat, rel) : null;
}, S);
fn('pg_get_triggerdef', [OID.oid], OID.text, (a, rt) => {
  const t = userTrigger(rt.session.catalog(), a[0] as number);
  return t ? triggerDef(rt.session.catalog(), rt.session, t, false) : null;
}, S);
fn('pg_get_triggerdef', [OID.oid, OID.bool], OID.text, (a, rt) => {
  const t = userTrigger(rt.session.catalog(), a[0] as number);
  return t ? triggerDef(rt.session.catalog(), rt.session, t, a[1] as boolean) : null;
}, S);
fn('pg_get_statisticsobjdef_columns', [OID.oid], OID.text, (a, rt) => {
  const cat = rt.session.catalog();
  const st = cat.statistics.get(a[0] as number);
  return st ? statisticsColumnsText(cat, rt.session, st) : null;
}, S);
fn('pg_get_statisticsobjdef', [OID.oid], OID.text, (a, rt) => {
  const cat = rt.session.catalog();
  const st = cat.statistics.get(a[0] as number);
  return st ? statisticsDef(cat, rt.session, st) : null;
}, S);
fn('pg_get_statisticsobjdef_expressions', [OID.oid], OID._text, () => {
  throw featureNotSupported('pg_get_statisticsobjdef_expressions');
}, S);
fn('pg_statistics_obj_is_visible', [OID.oid], OID.bool, (a, rt) => {
  const cat = rt.session.catalog();
  const st = cat.statistics.get(a[0] as number);
  if (!st) return null;
  return lookupStatistics(cat, rt.session.searchPath(), [st.name])?.oid === st.oid;
}, S);
fn('pg_tablespace_location', [OID.oid], OID.text, () => '', S);
