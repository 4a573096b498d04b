/**
 * jsonpath operators and functions: `jsonb @? jsonpath`, `jsonb @@ jsonpath`, jsonb_path_exists,
 * jsonb_path_match, jsonb_path_query (set-returning), jsonb_path_query_array,
 * jsonb_path_query_first and their `_tz` variants (stable: datetime casts may use the session
 * time zone), with pg_proc's parameter names and defaults (`vars => '{}'`, `silent => false`).
 *
 * Postgres counterpart: jsonb_path_exists ... jsonb_path_query_first_tz and the *_opr functions
 * in src/backend/utils/adt/jsonpath_exec.c; pg_proc.dat / pg_operator.dat entries.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import type { JsonPath } from '../../grammar/jsonpath/ast.js';
import { OID } from '../../types/oids.js';
import { JSONB_NULL, JsonbObject, jsonbArray, type JsonbValue } from '../../types/jsonb.js';
import { executeJsonPath, Res } from '../../types/jsonpath/exec.js';
import { jpToJsonb, type JpValue } from '../../types/jsonpath/item.js';
import type { Value } from '../../types/values.js';
import type { IoContext } from '../../types/type-io.js';
import { fn, op } from '../registry.js';

const JB = OID.jsonb;
const JP = OID.jsonpath;
const B = OID.bool;
const ARG_NAMES = ['target', 'path', 'vars', 'silent'];
const ARG_DEFAULTS: Value[] = [JsonbObject.EMPTY, false];

/** jsonb_path_exists: true/false, or null when an error was suppressed. */
export function jsonbPathExists(target: JsonbValue, path: JsonPath, vars: JsonbValue | null, silent: boolean, useTz: boolean, io: IoContext): boolean | null {
  const res = executeJsonPath(path, vars, target, !silent, null, useTz, io);
  if (res === Res.Error) return null;
  return res === Res.Ok;
}

/** jsonb_path_match: the single boolean result (null for JSON null or a suppressed error). */
export function jsonbPathMatch(target: JsonbValue, path: JsonPath, vars: JsonbValue | null, silent: boolean, useTz: boolean, io: IoContext): boolean | null {
  const found: JpValue[] = [];
  executeJsonPath(path, vars, target, !silent, found, useTz, io);
  if (found.length === 1) {
    const v = found[0];
    if (typeof v === 'boolean') return v;
    if (v === JSONB_NULL) return null;
  }
  if (!silent) throw new PgError(SQLSTATE.singleton_sql_json_item_required, 'single boolean result is expected');
  return null;
}

/** All results of a path, as jsonb values. */
export function jsonbPathQuery(target: JsonbValue, path: JsonPath, vars: JsonbValue | null, silent: boolean, useTz: boolean, io: IoContext): JsonbValue[] {
  const found: JpValue[] = [];
  executeJsonPath(path, vars, target, !silent, found, useTz, io);
  return found.map(jpToJsonb);
}

/** The vars and silent arguments, with pg_proc's defaults for omitted trailing ones. */
const varsOf = (a: Value[]): JsonbValue => (a.length > 2 ? (a[2] as JsonbValue) : JsonbObject.EMPTY);
const silentOf = (a: Value[]): boolean => (a.length > 3 ? (a[3] as boolean) : false);

for (const tz of [false, true]) {
  const sfx = tz ? '_tz' : '';
  const opts = { defaults: 2, argNames: ARG_NAMES, argDefaults: ARG_DEFAULTS, volatility: (tz ? 's' : 'i') as 's' | 'i' };
  const args = [JB, JP, JB, B];
  fn(`jsonb_path_exists${sfx}`, args, B, (a, rt) => jsonbPathExists(a[0] as JsonbValue, a[1] as JsonPath, varsOf(a), silentOf(a), tz, rt.session.io), opts);
  fn(`jsonb_path_match${sfx}`, args, B, (a, rt) => jsonbPathMatch(a[0] as JsonbValue, a[1] as JsonPath, varsOf(a), silentOf(a), tz, rt.session.io), opts);
  fn(`jsonb_path_query${sfx}`, args, JB, (a, rt) => jsonbPathQuery(a[0] as JsonbValue, a[1] as JsonPath, varsOf(a), silentOf(a), tz, rt.session.io), { ...opts, retset: true });
  fn(`jsonb_path_query_array${sfx}`, args, JB, (a, rt) => jsonbArray(jsonbPathQuery(a[0] as JsonbValue, a[1] as JsonPath, varsOf(a), silentOf(a), tz, rt.session.io)), opts);
  fn(`jsonb_path_query_first${sfx}`, args, JB, (a, rt) => {
    const r = jsonbPathQuery(a[0] as JsonbValue, a[1] as JsonPath, varsOf(a), silentOf(a), tz, rt.session.io);
    return r.length ? r[0] : null;
  }, opts);
}

// The operators' functions (silent, no variables).
fn('jsonb_path_exists_opr', [JB, JP], B, (a, rt) => jsonbPathExists(a[0] as JsonbValue, a[1] as JsonPath, null, true, false, rt.session.io));
fn('jsonb_path_match_opr', [JB, JP], B, (a, rt) => jsonbPathMatch(a[0] as JsonbValue, a[1] as JsonPath, null, true, false, rt.session.io));
op('@?', JB, JP, B, (a, b, rt) => jsonbPathExists(a as JsonbValue, b as JsonPath, null, true, false, rt.session.io));
op('@@', JB, JP, B, (a, b, rt) => jsonbPathMatch(a as JsonbValue, b as JsonPath, null, true, false, rt.session.io));
