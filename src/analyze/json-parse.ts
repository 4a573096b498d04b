/**
 * The SQL/JSON functions JSON(), JSON_SCALAR() and JSON_SERIALIZE():
 *   JSON(x [FORMAT JSON [ENCODING UTF8]] [WITH | WITHOUT UNIQUE [KEYS]]) casts a string (bytea:
 *     its UTF-8 text) to json, checking key uniqueness when asked;
 *   JSON_SCALAR(x) is to_json of an SQL scalar;
 *   JSON_SERIALIZE(x [FORMAT JSON] [RETURNING string type | bytea]) gives a json value's text.
 * Each becomes one FuncExpr whose `display` prints it back as Postgres's ruleutils does.
 *
 * Postgres counterpart: transformJsonParseExpr, transformJsonScalarExpr,
 * transformJsonSerializeExpr, transformJsonValueExpr in src/backend/parser/parse_expr.c;
 * ExecEvalJsonConstructor (JSCTOR_JSON_PARSE / JSCTOR_JSON_SCALAR) in execExprInterp.c.
 * Known gaps: JSON_SERIALIZE of a jsonb value prints the jsonb text (Postgres 18 returns the
 * value's binary header bytes there, a bug); JSON_SCALAR ignores user-defined casts to json.
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { uniqueJsonKeys } from '../functions/builtins/json-is.js';
import { datumToJson } from '../functions/builtins/to-json.js';
import type { Expr, ExprRuntime } from '../nodes/primnodes.js';
import { validateJson } from '../types/jsonb/json-parser.js';
import { jsonbToText, type JsonbValue } from '../types/jsonb.js';
import { OID } from '../types/oids.js';
import { baseTypeOf, formatType, typeInfo } from '../types/registry.js';
import { decodeUtf8 } from '../types/utf8.js';
import type { Value } from '../types/values.js';
import { coerceTo } from './coerce.js';
import { transformExpr } from './expr.js';
import type { ParseState } from './parse-state.js';
import { typeNameToOid } from './type-name.js';

type AnyNode = Record<string, any>;

function funcExpr(
  name: string,
  arg: Expr,
  type: number,
  typmod: number,
  location: number | undefined,
  f: (v: Value, rt: ExprRuntime) => Value,
  display: (args: readonly string[], print: (e: Expr) => string) => string,
): Expr {
  return {
    kind: 'FuncExpr', name, args: [arg], type, typmod, location, display,
    collation: type === OID.text ? 'default' : undefined,
    fn: { name, argTypes: [arg.type], returnType: type, strict: true, volatility: 'i', fn: (a: Value[], rt: ExprRuntime) => f(a[0], rt) },
  } as unknown as Expr;
}

function formatClause(fmt: AnyNode | undefined): string {
  if (!fmt || fmt.format_type !== 'JS_FORMAT_JSON') return '';
  return ' FORMAT JSON' + (fmt.encoding && fmt.encoding !== 'JS_ENC_DEFAULT' ? ' ENCODING ' + String(fmt.encoding).replace('JS_ENC_', '') : '');
}

/**
 * transformJsonValueExpr with FORMAT JSON as the default: a string cast to json, json and jsonb
 * as they are, bytea left as is (`bytea`: its UTF-8 text is parsed at run time, as Postgres's
 * convert_from + cast does); `target` (JSON()) allows only a cast to it.
 */
function jsonValueArg(pstate: ParseState, ve: AnyNode, target: number | undefined): { arg: Expr; bytea: boolean; shown: (a: string, print: (e: Expr) => string) => string } {
  let e = transformExpr(pstate, ve.raw_expr);
  if (e.type === OID.unknown) e = coerceTo(pstate, pstate.catalog, e, OID.text, -1, 'implicit');
  const fmt = ve.format as AnyNode | undefined;
  const base = baseTypeOf(pstate.catalog, e.type);
  if (fmt && fmt.format_type !== 'JS_FORMAT_DEFAULT' && fmt.encoding && fmt.encoding !== 'JS_ENC_DEFAULT' && e.type !== OID.bytea) {
    throw new PgError(SQLSTATE.datatype_mismatch, 'JSON ENCODING clause is only allowed for bytea input type', { position: pstate.position(fmt.location) });
  }
  if (e.type === OID.json || e.type === OID.jsonb) {
    if (target === undefined || e.type === target) return { arg: e, bytea: false, shown: (a) => a };
    return { arg: coerceTo(pstate, pstate.catalog, e, target, -1, 'explicit', e.location), bytea: false, shown: rawShown(e) };
  }
  if (e.type === OID.bytea) return { arg: e, bytea: true, shown: (a) => a };
  if (target === undefined && typeInfo(pstate.catalog, base).category !== 'S') {
    const which = fmt && fmt.format_type !== 'JS_FORMAT_DEFAULT' ? 'explicit' : 'implicit';
    throw new PgError(SQLSTATE.datatype_mismatch, `cannot use non-string types with ${which} FORMAT JSON clause`, {
      position: pstate.position(fmt && fmt.location >= 0 ? fmt.location : e.location),
    });
  }
  return { arg: coerceTo(pstate, pstate.catalog, e, target ?? OID.json, -1, 'explicit', e.location), bytea: false, shown: rawShown(e) };
}

/**
 * How the operand prints: Postgres prints a JsonValueExpr's raw expression, except that a
 * constant's cast to json is folded into a json constant (EXPLAIN of JSON('1') shows '1'::json).
 */
function rawShown(raw: Expr): (a: string, print: (e: Expr) => string) => string {
  const constant = raw.kind === 'Const' || (raw.kind === 'CoerceExpr' && raw.arg.kind === 'Const');
  return constant ? (a) => a : (_a, print) => print(raw);
}

/** A bytea's UTF-8 text, valid as json. */
function byteaJson(v: Value): string {
  const text = decodeUtf8(v as Uint8Array);
  validateJson(text);
  return text;
}

/** JSON(x [FORMAT JSON [ENCODING UTF8]] [WITH | WITHOUT UNIQUE [KEYS]]). */
export function transformJsonParseExpr(pstate: ParseState, n: AnyNode): Expr {
  const ve = n.expr as AnyNode;
  const fmt = formatClause(ve.format);
  if (!n.unique_keys) {
    const { arg, bytea, shown } = jsonValueArg(pstate, ve, OID.json);
    return funcExpr('json', arg, OID.json, -1, n.location, bytea ? byteaJson : (v) => v, (a, print) => `JSON(${shown(a[0], print)}${bytea ? fmt : ''})`);
  }
  // WITH UNIQUE KEYS: the argument as text (bytea decoded), validated in one pass at run time.
  let arg = transformExpr(pstate, ve.raw_expr);
  const bytea = arg.type === OID.bytea;
  if (!bytea) {
    if (arg.type === OID.unknown || typeInfo(pstate.catalog, baseTypeOf(pstate.catalog, arg.type)).category === 'S') {
      arg = coerceTo(pstate, pstate.catalog, arg, OID.text, -1, 'implicit');
    }
    if (ve.format?.encoding && ve.format.encoding !== 'JS_ENC_DEFAULT') {
      throw new PgError(SQLSTATE.feature_not_supported, 'cannot use JSON FORMAT ENCODING clause for non-bytea input types', {
        position: pstate.position(ve.format.location),
      });
    }
  }
  if (!bytea && arg.type !== OID.text) {
    throw new PgError(SQLSTATE.datatype_mismatch, 'cannot use non-string types with WITH UNIQUE KEYS clause', { position: pstate.position(n.location) });
  }
  return funcExpr('json', arg, OID.json, -1, n.location, (v) => {
    const text = bytea ? decodeUtf8(v as Uint8Array) : (v as string);
    validateJson(text);
    if (!uniqueJsonKeys(text)) throw new PgError(SQLSTATE.duplicate_json_object_key_value, 'duplicate JSON object key value');
    return text;
  }, (a) => `JSON(${a[0]}${fmt} WITH UNIQUE KEYS)`);
}

/** JSON_SCALAR(x): to_json of a scalar (NULL stays NULL). */
export function transformJsonScalarExpr(pstate: ParseState, n: AnyNode): Expr {
  let arg = transformExpr(pstate, n.expr);
  if (arg.type === OID.unknown) arg = coerceTo(pstate, pstate.catalog, arg, OID.text, -1, 'implicit');
  const type = arg.type;
  return funcExpr('json_scalar', arg, OID.json, -1, n.location, (v, rt) => datumToJson(rt, type, v), (a) => `JSON_SCALAR(${a[0]})`);
}

/** JSON_SERIALIZE(x [FORMAT JSON] [RETURNING type [FORMAT JSON [ENCODING UTF8]]]). */
export function transformJsonSerializeExpr(pstate: ParseState, n: AnyNode): Expr {
  const cat = pstate.catalog;
  const { arg, bytea, shown } = jsonValueArg(pstate, n.expr, undefined);
  let retType: number = OID.text;
  let retTypmod = -1;
  if (n.output?.typeName) {
    if (n.output.typeName.setof) throw new PgError(SQLSTATE.feature_not_supported, 'returning SETOF types is not supported in SQL/JSON functions');
    const r = typeNameToOid(pstate, n.output.typeName);
    retType = r.oid;
    retTypmod = r.typmod;
    const info = typeInfo(cat, retType);
    if (info.typtype === 'p') throw new PgError(SQLSTATE.feature_not_supported, 'returning pseudo-types is not supported in SQL/JSON functions');
    const rfmt = n.output.returning?.format as AnyNode | undefined;
    if (rfmt && rfmt.format_type !== 'JS_FORMAT_DEFAULT' && rfmt.encoding && rfmt.encoding !== 'JS_ENC_DEFAULT') {
      if (retType !== OID.bytea) {
        throw new PgError(SQLSTATE.feature_not_supported, 'cannot set JSON encoding for non-bytea output types', { position: pstate.position(rfmt.location) });
      }
      if (rfmt.encoding !== 'JS_ENC_UTF8') {
        throw new PgError(SQLSTATE.feature_not_supported, 'unsupported JSON encoding', { hint: 'Only UTF8 JSON encoding is supported.', position: pstate.position(rfmt.location) });
      }
    }
    if (retType !== OID.bytea && info.category !== 'S') {
      throw new PgError(SQLSTATE.datatype_mismatch, `cannot use type ${formatType(cat, retType)} in RETURNING clause of JSON_SERIALIZE()`, {
        hint: 'Try returning a string type or bytea.',
      });
    }
  }
  const typeLabel = formatType(cat, retType, retTypmod);
  const afmt = bytea ? formatClause(n.expr.format) : '';
  const display = (a: readonly string[], print: (e: Expr) => string): string => `JSON_SERIALIZE(${shown(a[0], print)}${afmt} RETURNING ${typeLabel})`;
  const fromJsonb = arg.type === OID.jsonb;
  const textOf = (v: Value): string => (fromJsonb ? jsonbToText(v as JsonbValue) : bytea ? byteaJson(v) : (v as string));
  if (retType === OID.bytea) {
    const enc = new TextEncoder();
    return funcExpr('json_serialize', arg, OID.bytea, -1, n.location, (v) => enc.encode(textOf(v)), display);
  }
  const text = funcExpr('json_serialize', arg, OID.text, -1, n.location, textOf, display);
  if (retType === OID.text && retTypmod < 0) return text;
  // json → the string type by assignment (a too-long value is an error, not truncated).
  const ret = coerceTo(pstate, cat, text, retType, retTypmod, 'assignment', -1);
  return ret;
}
