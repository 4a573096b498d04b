/**
 * The SQL/JSON constructors JSON_OBJECT, JSON_ARRAY (of values or of a subquery), JSON_OBJECTAGG
 * and JSON_ARRAYAGG. The value constructors become one FuncExpr whose closure builds the json
 * (`{"a" : 1}`, `[1, 2]`) or jsonb value, with NULL ON NULL / ABSENT ON NULL and WITH UNIQUE
 * KEYS; the aggregates become calls of json(b)_agg[_strict] / json(b)_object_agg[_unique][_strict]
 * (what Postgres's JsonConstructorExpr runs); JSON_ARRAY(query) becomes
 * `(SELECT JSON_ARRAYAGG(q.a) FROM (query) q(a))`, as Postgres rewrites it. RETURNING a type other
 * than json or jsonb converts the json result (bytea: its UTF-8 text).
 *
 * Postgres counterpart: transformJsonObjectConstructor, transformJsonArrayConstructor,
 * transformJsonArrayQueryConstructor, transformJsonObjectAgg, transformJsonArrayAgg in
 * src/backend/parser/parse_expr.c; json_build_object_worker / json_build_array_worker in json.c.
 * Known gaps: ENCODING clauses of FORMAT JSON.
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { datumToJsonb } from '../functions/builtins/json-functions.js';
import { datumToJson, jsonKeyText } from '../functions/builtins/to-json.js';
import type { Expr } from '../nodes/primnodes.js';
import { JsonbObject, type JsonbValue } from '../types/jsonb.js';
import { escapeJsonString } from '../types/jsonb/output.js';
import { OID } from '../types/oids.js';
import { baseTypeOf, formatType, typeInfo } from '../types/registry.js';
import type { Value } from '../types/values.js';
import { coerceTo } from './coerce.js';
import { transformExpr } from './expr.js';
import type { ParseState } from './parse-state.js';
import { typeNameToOid } from './type-name.js';

type AnyNode = Record<string, any>;

interface Returning {
  type: number;
  typmod: number;
  /** What the closure builds: jsonb for a jsonb target, else json text. */
  jsonb: boolean;
}

/** RETURNING's type; without one, jsonb if any argument is jsonb, else json. */
function returningOf(pstate: ParseState, output: AnyNode | undefined, args: () => Expr[]): Returning {
  if (!output?.typeName) {
    const jsonb = args().some((a) => a.type === OID.jsonb);
    return { type: jsonb ? OID.jsonb : OID.json, typmod: -1, jsonb };
  }
  const r = typeNameToOid(pstate, output.typeName);
  const fmt = output.returning?.format;
  if (fmt && fmt.encoding && fmt.encoding !== 'JS_ENC_DEFAULT') {
    if (baseTypeOf(pstate.catalog, r.oid) !== OID.bytea) {
      throw new PgError(SQLSTATE.feature_not_supported, 'cannot set JSON encoding for non-bytea output types', { position: pstate.position(fmt.location) });
    }
    if (fmt.encoding !== 'JS_ENC_UTF8') {
      throw new PgError(SQLSTATE.feature_not_supported, 'unsupported JSON encoding', {
        hint: 'Only UTF8 JSON encoding is supported.', position: pstate.position(fmt.location),
      });
    }
  }
  return { type: r.oid, typmod: r.typmod, jsonb: baseTypeOf(pstate.catalog, r.oid) === OID.jsonb };
}

/** The json/jsonb value `built` converted to the RETURNING type. */
function finish(pstate: ParseState, built: Expr, ret: Returning): Expr {
  if (ret.type === built.type && ret.typmod < 0) return built;
  const base = baseTypeOf(pstate.catalog, ret.type);
  if (base === OID.bytea && !ret.jsonb && built.kind === 'FuncExpr') {
    const enc = new TextEncoder();
    const inner = built as Expr & { fn: { fn: (a: Value[], rt: never, c: never) => Value } };
    const f = inner.fn.fn;
    return { ...inner, type: OID.bytea, fn: { ...inner.fn, returnType: OID.bytea, fn: (a: Value[], rt: never, c: never) => {
      const v = f(a, rt, c);
      return v === null ? null : enc.encode(v as string);
    } } } as unknown as Expr;
  }
  const category = typeInfo(pstate.catalog, base).category;
  return coerceTo(pstate, pstate.catalog, built, ret.type, ret.typmod, category === 'S' ? 'assignment' : 'explicit', -1);
}

/** A JsonValueExpr's expression; FORMAT JSON makes a string a json (or jsonb) value. */
function valueExpr(pstate: ParseState, v: AnyNode, jsonb: boolean, transformed: Expr): Expr {
  let e = transformed;
  const fmt = v.format?.format_type;
  if (fmt === 'JS_FORMAT_JSON') {
    const base = baseTypeOf(pstate.catalog, e.type);
    if (v.format.encoding && v.format.encoding !== 'JS_ENC_DEFAULT' && base !== OID.bytea) {
      throw new PgError(SQLSTATE.datatype_mismatch, 'JSON ENCODING clause is only allowed for bytea input type', { position: pstate.position(v.format.location) });
    }
    if (base === OID.json || base === OID.jsonb) return e;
    if (e.type !== OID.unknown && base !== OID.bytea && typeInfo(pstate.catalog, base).category !== 'S') {
      throw new PgError(SQLSTATE.datatype_mismatch, 'cannot use non-string types with explicit FORMAT JSON clause', {
        position: pstate.position(v.format.location),
      });
    }
    if (base === OID.bytea) return e;
    return coerceTo(pstate, pstate.catalog, e, jsonb ? OID.jsonb : OID.json, -1, 'explicit', -1);
  }
  if (e.type === OID.unknown) e = coerceTo(pstate, pstate.catalog, e, OID.text, -1, 'implicit');
  return e;
}

/** The value's contribution: json text or jsonb; bytea with FORMAT JSON is parsed as its text. */
function converter(pstate: ParseState, e: Expr, jsonb: boolean, v: AnyNode): (rt: never, v: Value) => string | JsonbValue {
  const t = e.type;
  if (v.format?.format_type === 'JS_FORMAT_JSON' && baseTypeOf(pstate.catalog, t) === OID.bytea) {
    const dec = new TextDecoder();
    return jsonb ? (rt, v) => datumToJsonb(rt, OID.json, dec.decode(v as Uint8Array)) : (rt, v) => datumToJson(rt, OID.json, dec.decode(v as Uint8Array));
  }
  return jsonb ? (rt, v) => datumToJsonb(rt, t, v) : (rt, v) => datumToJson(rt, t, v);
}

function funcExpr(
  name: string,
  args: Expr[],
  type: number,
  location: number | undefined,
  f: (a: Value[], rt: never) => Value,
  display?: (a: readonly string[], print: (e: Expr) => string) => string,
): Expr {
  return {
    kind: 'FuncExpr', name, args, type, typmod: -1, location, display,
    fn: { name, argTypes: args.map((a) => a.type), returnType: type, strict: false, volatility: 's', fn: f },
  } as unknown as Expr;
}

/**
 * How a value argument prints (ruleutils' JsonValueExpr): a value converted for FORMAT JSON
 * shows its raw expression and the clause, except a constant, which Postgres folds into a json
 * constant before EXPLAIN prints it.
 */
function valueShown(raw: Expr, coerced: Expr, v: AnyNode): (a: string, print: (e: Expr) => string) => string {
  if (raw.type === OID.bytea && v.format?.format_type === 'JS_FORMAT_JSON') return (a) => `${a} FORMAT JSON`;
  if (coerced === raw || raw.kind === 'Const' || (raw.kind === 'CoerceExpr' && raw.arg.kind === 'Const')) return (a) => a;
  const fmt = v.format?.format_type === 'JS_FORMAT_JSON' ? ' FORMAT JSON' : '';
  return (_a, print) => print(raw) + fmt;
}

/** The options and RETURNING clause of a printed constructor (get_json_constructor_options). */
function optionsShown(kind: 'object' | 'array', absent: boolean, unique: boolean, ret: Returning, cat: ParseState['catalog']): string {
  let s = '';
  if (absent && kind === 'object') s += ' ABSENT ON NULL';
  if (!absent && kind === 'array') s += ' NULL ON NULL';
  if (unique) s += ' WITH UNIQUE KEYS';
  return s + ` RETURNING ${formatType(cat, ret.type, ret.typmod)}`;
}

/** JSON_OBJECT(k VALUE v, ... [ABSENT ON NULL] [WITH UNIQUE KEYS] [RETURNING t]). */
export function transformJsonObjectConstructor(pstate: ParseState, n: AnyNode): Expr {
  const items = ((n.exprs ?? []) as AnyNode[]).map((item) => item.JsonKeyValue);
  const raw = items.map((kv) => transformExpr(pstate, kv.value.raw_expr));
  const ret = returningOf(pstate, n.output, () => raw);
  const args: Expr[] = [];
  const convs: ((rt: never, v: Value) => string | JsonbValue)[] = [];
  const shown: ((a: string, print: (e: Expr) => string) => string)[] = [];
  items.forEach((kv, i) => {
    let k = transformExpr(pstate, kv.key);
    // An unknown-literal key prints as written (it stays an unknown constant in Postgres).
    if (k.type === OID.unknown) shown.push((a) => a.replace(/::text$/, ''));
    else shown.push((a) => a);
    if (k.type === OID.unknown) k = coerceTo(pstate, pstate.catalog, k, OID.text, -1, 'implicit');
    const v = valueExpr(pstate, kv.value, ret.jsonb, raw[i]);
    shown.push(valueShown(raw[i], v, kv.value));
    args.push(k, v);
    convs.push(converter(pstate, v, ret.jsonb, kv.value));
  });
  const absent = !!n.absent_on_null;
  const unique = !!n.unique;
  const jsonb = ret.jsonb;
  const types = args.map((a) => a.type);
  const built = funcExpr('json_object', args, jsonb ? OID.jsonb : OID.json, n.location, (a, rt) => {
    const keys: string[] = [];
    const vals: (string | JsonbValue)[] = [];
    const seen = unique ? new Set<string>() : undefined;
    for (let i = 0; i < a.length; i += 2) {
      if (a[i] === null) throw new PgError(SQLSTATE.null_value_not_allowed, 'null value not allowed for object key');
      const key = jsonKeyText(rt, types[i], a[i]);
      if (key === undefined) throw new PgError(SQLSTATE.invalid_parameter_value, 'key value must be scalar, not array, composite, or json');
      if (seen) {
        if (seen.has(key)) {
          throw new PgError(SQLSTATE.duplicate_json_object_key_value, `duplicate JSON object key value${jsonb ? '' : ': ' + escapeJsonString(key)}`);
        }
        seen.add(key);
      }
      if (absent && a[i + 1] === null) continue;
      keys.push(key);
      vals.push(convs[i / 2](rt, a[i + 1]));
    }
    if (jsonb) return JsonbObject.fromEntries(keys.map((k, i) => [k, vals[i] as JsonbValue]));
    return '{' + keys.map((k, i) => `${escapeJsonString(k)} : ${vals[i] as string}`).join(', ') + '}';
  }, (a, print) => {
    const parts = a.map((x, i) => shown[i](x, print));
    const pairs: string[] = [];
    for (let i = 0; i < parts.length; i += 2) pairs.push(`${parts[i]} : ${parts[i + 1]}`);
    return `JSON_OBJECT(${pairs.join(', ')}${optionsShown('object', absent, unique, ret, pstate.catalog)})`;
  });
  return finish(pstate, built, ret);
}

/** JSON_ARRAY(v, ... [NULL ON NULL] [RETURNING t]); ABSENT ON NULL by default. */
export function transformJsonArrayConstructor(pstate: ParseState, n: AnyNode): Expr {
  const values = ((n.exprs ?? []) as AnyNode[]).map((x) => x.JsonValueExpr);
  const raw = values.map((v) => transformExpr(pstate, v.raw_expr));
  const ret = returningOf(pstate, n.output, () => raw);
  const args = values.map((v, i) => valueExpr(pstate, v, ret.jsonb, raw[i]));
  const convs = args.map((e, i) => converter(pstate, e, ret.jsonb, values[i]));
  const shown = args.map((e, i) => valueShown(raw[i], e, values[i]));
  const absent = !!n.absent_on_null;
  const jsonb = ret.jsonb;
  const built = funcExpr('json_array', args, jsonb ? OID.jsonb : OID.json, n.location, (a, rt) => {
    const out: (string | JsonbValue)[] = [];
    for (let i = 0; i < a.length; i++) {
      if (absent && a[i] === null) continue;
      out.push(convs[i](rt, a[i]));
    }
    if (jsonb) return Object.freeze(out) as JsonbValue;
    return '[' + out.join(', ') + ']';
  }, (a, print) => `JSON_ARRAY(${a.map((x, i) => shown[i](x, print)).join(', ')}${optionsShown('array', absent, false, ret, pstate.catalog)})`);
  return finish(pstate, built, ret);
}

/** JSON_ARRAY(query ...): `(SELECT JSON_ARRAYAGG(q.a ...) FROM (query) q(a))`. */
export function transformJsonArrayQueryConstructor(pstate: ParseState, n: AnyNode): Expr {
  const sel = n.query?.SelectStmt as AnyNode | undefined;
  const targets = sel?.targetList as AnyNode[] | undefined;
  const plain = sel && !sel.valuesLists && (!sel.op || sel.op === 'SETOP_NONE');
  if ((targets && targets.length !== 1) || (plain && !targets)) {
    throw new PgError(SQLSTATE.syntax_error, 'subquery must return only one column', { position: pstate.position(n.location) });
  }
  const loc = n.location;
  const agg = {
    JsonArrayAgg: {
      constructor: { output: n.output, location: loc },
      arg: { raw_expr: { ColumnRef: { fields: [{ String: { sval: 'q' } }, { String: { sval: 'a' } }], location: loc } }, format: n.format },
      absent_on_null: n.absent_on_null,
    },
  };
  const sublink = {
    SubLink: {
      subLinkType: 'EXPR_SUBLINK',
      subselect: {
        SelectStmt: {
          targetList: [{ ResTarget: { name: 'json_array', val: agg, location: loc } }],
          fromClause: [{ RangeSubselect: { subquery: n.query, alias: { aliasname: 'q', colnames: [{ String: { sval: 'a' } }] } } }],
          limitOption: 'LIMIT_OPTION_DEFAULT',
          op: 'SETOP_NONE',
        },
      },
      location: loc,
    },
  };
  return transformExpr(pstate, sublink);
}

/** JSON_ARRAYAGG / JSON_OBJECTAGG as calls of the json(b) aggregates they run. */
export function transformJsonAgg(pstate: ParseState, kind: 'JsonArrayAgg' | 'JsonObjectAgg', n: AnyNode): Expr {
  const c = n.constructor as AnyNode;
  const value = kind === 'JsonArrayAgg' ? n.arg : (n.arg.JsonKeyValue?.value ?? n.arg.value);
  const ret = returningOf(pstate, c.output, () => [transformExpr(pstate, value.raw_expr)]);
  const prefix = ret.jsonb ? 'jsonb' : 'json';
  const cast = (arg: AnyNode, type: string): AnyNode => ({ TypeCast: { arg, typeName: { names: [{ String: { sval: type } }], typemod: -1, location: -1 }, location: -1 } });
  const wrap = (v: AnyNode): AnyNode => {
    const type = transformExpr(pstate, v.raw_expr).type;
    if (v.format?.format_type === 'JS_FORMAT_JSON') {
      // bytea FORMAT JSON: its UTF-8 text (convert_from), read as JSON.
      if (type === OID.bytea) {
        const utf8 = { A_Const: { sval: { sval: 'UTF8' }, location: -1 } };
        return cast({ FuncCall: { funcname: [{ String: { sval: 'pg_catalog' } }, { String: { sval: 'convert_from' } }], args: [v.raw_expr, utf8], location: -1 } }, prefix);
      }
      return cast(v.raw_expr, prefix);
    }
    // An unknown literal (NULL, 'x') is text, as transformJsonValueExpr makes it.
    return type === OID.unknown ? cast(v.raw_expr, 'text') : v.raw_expr;
  };
  let name: string;
  let args: AnyNode[];
  if (kind === 'JsonArrayAgg') {
    name = `${prefix}_agg${n.absent_on_null ? '_strict' : ''}`;
    args = [wrap(n.arg)];
  } else {
    name = `${prefix}_object_agg${n.unique ? '_unique' : ''}${n.absent_on_null ? '_strict' : ''}`;
    args = [n.arg.JsonKeyValue?.key ?? n.arg.key, wrap(n.arg.JsonKeyValue?.value ?? n.arg.value)];
  }
  const call: AnyNode = { funcname: [{ String: { sval: 'pg_catalog' } }, { String: { sval: name } }], args, location: c.location ?? -1 };
  if (c.agg_order) call.agg_order = c.agg_order;
  if (c.agg_filter) call.agg_filter = c.agg_filter;
  if (c.over) call.over = c.over;
  const built = transformExpr(pstate, { FuncCall: call });
  return finish(pstate, built, ret);
}
