/**
 * The SQL/JSON query functions JSON_EXISTS, JSON_VALUE and JSON_QUERY: the context item is
 * coerced to jsonb and the path to jsonpath, PASSING arguments become path variables, RETURNING
 * picks the result type (converted through its input function, as Postgres's I/O coercion does),
 * and the ON EMPTY / ON ERROR behaviours and JSON_QUERY's wrapper and quotes options are applied
 * around one jsonpath evaluation (with time-zone-aware datetime casts, as Postgres's are).
 * json-table.ts reuses the same evaluator for JSON_TABLE's columns.
 *
 * Postgres counterpart: transformJsonFuncExpr in src/backend/parser/parse_expr.c,
 * ExecEvalJsonExprPath in src/backend/executor/execExprInterp.c, JsonPathExists /
 * JsonPathValue / JsonPathQuery in src/backend/utils/adt/jsonpath_exec.c.
 * Known gaps: RETURNING an array, composite or domain type from JSON_QUERY (0A000); FORMAT JSON
 * ENCODING clauses.
 */
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Expr, ExprRuntime } from '../nodes/primnodes.js';
import { datumToJsonb } from '../functions/builtins/json-functions.js';
import { jsonbToType } from '../functions/builtins/json-populate.js';
import { OID } from '../types/oids.js';
import { baseTypeOf, formatType, typeInfo } from '../types/registry.js';
import type { Value } from '../types/values.js';
import type { IoContext } from '../types/type-io.js';
import type { JsonPath } from '../grammar/jsonpath/ast.js';
import { JSONB_NULL, JsonbObject, jsonbArray, jsonbToText, parseJsonb, type JsonbValue } from '../types/jsonb.js';
import { Numeric } from '../types/numeric/numeric-value.js';
import { numericFromFloat8, numericFromInt } from '../types/numeric/numeric-convert.js';
import { builtinIO } from '../types/builtin-io.js';
import { executeJsonPath, Res } from '../types/jsonpath/exec.js';
import { JpDatetime, jpToJsonb, type JpValue } from '../types/jsonpath/item.js';
import { canCoerce, coerceTo, domainBaseTypmod, domainCheckFunction } from './coerce.js';
import { exprContains } from '../nodes/walk.js';
import { quoteIdent } from '../functions/builtins/quote.js';
import { decodeUtf8 } from '../types/utf8.js';
import { leftmostLocation, transformExpr } from './expr.js';
import type { ParseState } from './parse-state.js';
import { typeNameToOid } from './type-name.js';

type AnyNode = Record<string, any>;
export type SqlJsonOp = 'exists' | 'value' | 'query';
export type Behavior =
  | { kind: 'error' | 'null' | 'true' | 'false' | 'unknown' | 'emptyArray' | 'emptyObject' }
  | { kind: 'default'; arg: number; jsonb?: boolean };

const FN_NAMES: Record<SqlJsonOp, string> = { exists: 'JSON_EXISTS()', value: 'JSON_VALUE()', query: 'JSON_QUERY()' };
const ALLOWED: Record<SqlJsonOp, { kinds: string[]; text: string }> = {
  exists: { kinds: ['error', 'true', 'false', 'unknown'], text: 'ERROR, TRUE, FALSE, or UNKNOWN is' },
  value: { kinds: ['error', 'null', 'default'], text: 'ERROR, NULL, or DEFAULT expression is' },
  query: { kinds: ['error', 'null', 'emptyArray', 'emptyObject', 'default'], text: 'ERROR, NULL, EMPTY ARRAY, EMPTY OBJECT, or DEFAULT expression is' },
};
export const BTYPES: Record<string, Behavior['kind']> = {
  JSON_BEHAVIOR_NULL: 'null',
  JSON_BEHAVIOR_ERROR: 'error',
  JSON_BEHAVIOR_EMPTY: 'emptyArray',
  JSON_BEHAVIOR_TRUE: 'true',
  JSON_BEHAVIOR_FALSE: 'false',
  JSON_BEHAVIOR_UNKNOWN: 'unknown',
  JSON_BEHAVIOR_EMPTY_ARRAY: 'emptyArray',
  JSON_BEHAVIOR_EMPTY_OBJECT: 'emptyObject',
  JSON_BEHAVIOR_DEFAULT: 'default',
};

/** What one SQL/JSON function call (or JSON_TABLE column) does, fixed at analysis. */
export interface SqlJsonSpec {
  readonly op: SqlJsonOp;
  readonly retType: number;
  readonly retTypmod: number;
  readonly onEmpty: Behavior;
  readonly onError: Behavior;
  readonly wrapper: string;
  readonly omitQuotes: boolean;
}

/** Analyzes PASSING arguments into `args`; returns their names and types. */
export function transformPassing(pstate: ParseState, passing: AnyNode[] | undefined, args: Expr[]): { names: string[]; types: number[] } {
  const names: string[] = [];
  const types: number[] = [];
  for (const p of passing ?? []) {
    const a = p.JsonArgument;
    let e = transformExpr(pstate, a.val.raw_expr);
    if (e.type === OID.unknown) e = coerceTo(pstate, pstate.catalog, e, OID.text, -1, 'implicit');
    names.push(a.name);
    types.push(e.type);
    args.push(e);
  }
  return { names, types };
}

/** The context item of a SQL/JSON function, as a jsonb expression (FORMAT JSON: a string is JSON text anyway). */
export function transformContextItem(pstate: ParseState, item: AnyNode, location: number | undefined): Expr {
  const fmt = item?.format as AnyNode | undefined;
  let ctx = transformExpr(pstate, item.raw_expr);
  if (fmt && fmt.format_type !== 'JS_FORMAT_DEFAULT' && fmt.encoding && fmt.encoding !== 'JS_ENC_DEFAULT' && ctx.type !== OID.bytea) {
    throw new PgError(SQLSTATE.datatype_mismatch, 'JSON ENCODING clause is only allowed for bytea input type', { position: pstate.position(fmt.location) });
  }
  if (ctx.type === OID.bytea && fmt && fmt.format_type !== 'JS_FORMAT_DEFAULT') {
    // convert_from(x, 'UTF8')::jsonb
    return {
      kind: 'FuncExpr', name: 'jsonb', args: [ctx], type: OID.jsonb, typmod: -1, location: ctx.location,
      fn: { name: 'jsonb', argTypes: [OID.bytea], returnType: OID.jsonb, strict: true, volatility: 'i', fn: (a: Value[]) => parseJsonb(decodeUtf8(a[0] as Uint8Array)) },
    } as unknown as Expr;
  }
  if (ctx.type === OID.unknown) ctx = coerceTo(pstate, pstate.catalog, ctx, OID.text, -1, 'implicit');
  return coerceTo(pstate, pstate.catalog, ctx, OID.jsonb, -1, 'explicit', ctx.location ?? location);
}

/** The path of a SQL/JSON function, as a jsonpath expression. */
export function transformPathSpec(pstate: ParseState, spec: AnyNode, location: number | undefined): Expr {
  const path = transformExpr(pstate, spec);
  if (path.type !== OID.jsonpath && path.type !== OID.unknown && !canCoerce(pstate.catalog, path.type, OID.jsonpath, 'explicit')) {
    throw new PgError(SQLSTATE.datatype_mismatch, `JSON path expression must be of type jsonpath, not of type ${formatType(pstate.catalog, path.type)}`, {
      position: pstate.position(leftmostLocation(path) ?? location),
    });
  }
  return coerceTo(pstate, pstate.catalog, path, OID.jsonpath, -1, 'explicit', path.location ?? location);
}

/** An ON EMPTY / ON ERROR clause, checked against what `op` allows; DEFAULT expressions go to `args`. */
export function transformBehavior(
  pstate: ParseState,
  op: SqlJsonOp,
  b: AnyNode | undefined,
  what: 'ON EMPTY' | 'ON ERROR',
  dflt: Behavior['kind'],
  retType: number,
  retTypmod: number,
  args: Expr[],
): Behavior {
  if (!b) return { kind: dflt } as Behavior;
  const kind = BTYPES[b.btype];
  if (!kind || !ALLOWED[op].kinds.includes(kind)) {
    throw new PgError(SQLSTATE.syntax_error, `invalid ${what} behavior`, {
      detail: `Only ${ALLOWED[op].text} allowed in ${what} for ${FN_NAMES[op]}.`,
      position: pstate.position(b.location),
    });
  }
  if (kind !== 'default') return { kind } as Behavior;
  const cat = pstate.catalog;
  let e = transformExpr(pstate, b.expr);
  const at = { position: pstate.position(leftmostLocation(e)) };
  if (!validDefault(e)) {
    throw new PgError(SQLSTATE.datatype_mismatch, 'can only specify a constant, non-aggregate function, or operator expression for DEFAULT', at);
  }
  if (exprContains(e, (x) => x.kind === 'Var')) throw new PgError(SQLSTATE.datatype_mismatch, 'DEFAULT expression must not contain column references', at);
  if (exprContains(e, (x) => x.kind === 'FuncExpr' && !!x.retset)) throw new PgError(SQLSTATE.datatype_mismatch, 'DEFAULT expression must not return a set', at);
  // To the base type here; a domain's constraints are checked at run time (softly, see
  // sqlJsonEvaluator). String and bit string targets by assignment, so that too long is an error.
  const base = baseTypeOf(cat, retType);
  const typmod = base === retType ? retTypmod : domainBaseTypmod(cat, retType);
  if (e.type !== base && e.type !== retType && !(e.kind === 'Const' && e.value === null)) {
    const category = typeInfo(cat, base).category;
    const ctx = category === 'S' || category === 'V' ? 'assignment' : 'explicit';
    if (e.type !== OID.unknown && !canCoerce(cat, e.type, base, ctx)) {
      const target = formatType(cat, retType);
      throw new PgError(SQLSTATE.cannot_coerce, `cannot cast behavior expression of type ${formatType(cat, e.type)} to ${target}`, {
        hint: `You will need to explicitly cast the expression to type ${target}.`,
        ...at,
      });
    }
  }
  if (e.type === OID.jsonb && base !== OID.jsonb) {
    // Coerced at run time as a JSON value (json_populate_type), like the function's own result.
    args.push(e);
    return { kind: 'default', arg: args.length - 1, jsonb: true };
  }
  if (e.type === retType && base !== retType && e.kind === 'CoerceExpr' && e.arg.type === base) e = e.arg;
  e = coerceTo(pstate, cat, e, base, typmod, typeInfo(cat, base).category === 'S' || typeInfo(cat, base).category === 'V' ? 'assignment' : 'explicit', e.location);
  args.push(e);
  return { kind: 'default', arg: args.length - 1 };
}

/** ValidJsonBehaviorDefaultExpr: a constant, function or operator call, possibly cast. */
function validDefault(e: Expr): boolean {
  if (e.kind === 'Const' || e.kind === 'FuncExpr' || e.kind === 'OpExpr') return true;
  return e.kind === 'CoerceExpr' && validDefault(e.arg);
}


/** Rejects RETURNING pseudo-types (transformJsonOutput). */
export function checkReturning(pstate: ParseState, _op: SqlJsonOp, retType: number, _location: number | undefined): void {
  if (typeInfo(pstate.catalog, retType).typtype === 'p') {
    throw new PgError(SQLSTATE.feature_not_supported, 'returning pseudo-types is not supported in SQL/JSON functions');
  }
}

/** A JsonFuncExpr parse node → a FuncExpr whose closure runs the whole SQL/JSON function. */
export function transformJsonFuncExpr(pstate: ParseState, n: AnyNode): Expr {
  const op: SqlJsonOp = n.op === 'JSON_EXISTS_OP' ? 'exists' : n.op === 'JSON_VALUE_OP' ? 'value' : n.op === 'JSON_QUERY_OP' ? 'query' : (() => {
    throw featureNotSupported(String(n.op), n.location);
  })();
  const cat = pstate.catalog;
  if (op === 'query' && n.quotes === 'JS_QUOTES_OMIT' && (n.wrapper === 'JSW_CONDITIONAL' || n.wrapper === 'JSW_UNCONDITIONAL')) {
    throw new PgError(SQLSTATE.syntax_error, 'SQL/JSON QUOTES behavior must not be specified when WITH WRAPPER is used', { position: pstate.position(n.location) });
  }
  const ctx = transformContextItem(pstate, n.context_item, n.location);
  const path = transformPathSpec(pstate, n.pathspec, n.location);
  const args: Expr[] = [ctx, path];
  const vars = transformPassing(pstate, n.passing, args);
  let retType: number = op === 'exists' ? OID.bool : op === 'value' ? OID.text : OID.jsonb;
  let retTypmod = -1;
  if (n.output?.typeName) {
    const rt = typeNameToOid(pstate, n.output.typeName);
    retType = rt.oid;
    retTypmod = rt.typmod;
    const fmt = n.output.returning?.format?.format_type;
    if (op === 'value' && fmt && fmt !== 'JS_FORMAT_DEFAULT') {
      throw new PgError(SQLSTATE.syntax_error, 'cannot specify FORMAT JSON in RETURNING clause of JSON_VALUE()', {
        position: pstate.position(n.output.returning.format.location),
      });
    }
  }
  checkReturning(pstate, op, retType, n.location);
  const spec: SqlJsonSpec = {
    op,
    retType,
    retTypmod,
    onEmpty: op === 'exists' ? { kind: 'null' } : transformBehavior(pstate, op, n.on_empty, 'ON EMPTY', 'null', retType, retTypmod, args),
    onError: transformBehavior(pstate, op, n.on_error, 'ON ERROR', op === 'exists' ? 'false' : 'null', retType, retTypmod, args),
    wrapper: n.wrapper ?? 'JSW_UNSPEC',
    omitQuotes: n.quotes === 'JS_QUOTES_OMIT',
  };
  const evaluate = sqlJsonEvaluator(pstate, spec);
  const nvars = vars.names.length;
  const name = op === 'exists' ? 'json_exists' : op === 'value' ? 'json_value' : 'json_query';
  const retInfo = typeInfo(cat, retType);
  const retLabel = formatType(cat, retType, retTypmod);
  /** get_rule_expr of a JsonExpr: JSON_QUERY(ctx, 'path' PASSING ... RETURNING t options). */
  const display = (a: readonly string[]): string => {
    let s = `${name.toUpperCase()}(${a[0]}, ${path.kind === 'Const' ? a[1].replace(/::jsonpath$/, '') : a[1]}`;
    if (nvars) s += ' PASSING ' + vars.names.map((nm, i) => `${a[2 + i]} AS ${quoteIdent(nm)}`).join(', ');
    if (op !== 'exists' || retType !== OID.bool) s += ` RETURNING ${retLabel}`;
    if (op === 'query') {
      s += spec.wrapper === 'JSW_CONDITIONAL' ? ' WITH CONDITIONAL WRAPPER' : spec.wrapper === 'JSW_UNCONDITIONAL' ? ' WITH UNCONDITIONAL WRAPPER' : ' WITHOUT WRAPPER';
      s += spec.omitQuotes ? ' OMIT QUOTES' : ' KEEP QUOTES';
    }
    const dflt = op === 'exists' ? 'false' : 'null';
    const behavior = (b: Behavior, on: string): string => {
      if (b.kind === dflt) return '';
      return ` ${b.kind === 'default' ? 'DEFAULT ' + a[b.arg] : BEHAVIOR_LABEL[b.kind]} ON ${on}`;
    };
    if (op !== 'exists') s += behavior(spec.onEmpty, 'EMPTY');
    return s + behavior(spec.onError, 'ERROR') + ')';
  };
  return {
    kind: 'FuncExpr',
    name,
    args,
    display,
    type: retType,
    typmod: retTypmod,
    location: n.location,
    collation: retInfo.category === 'S' ? 'default' : undefined,
    fn: {
      name,
      argTypes: args.map((e) => e.type),
      returnType: retType,
      strict: false,
      volatility: 's',
      fn: (a, rt) => {
        if (a[0] === null || a[1] === null) return null;
        return evaluate(a[0] as JsonbValue, a[1] as JsonPath, passingVars(vars.names, vars.types, a, 2, nvars, rt), a, rt);
      },
    },
  } as Expr;
}

/** The PASSING values at `a[from..]` as path variables. */
export function passingVars(names: readonly string[], types: readonly number[], a: Value[], from: number, n: number, rt: ExprRuntime): Map<string, JpValue> {
  const vars = new Map<string, JpValue>();
  for (let i = 0; i < n; i++) vars.set(names[i], toJpValue(a[from + i], types[i], rt));
  return vars;
}

/** How an ON EMPTY / ON ERROR clause is named in "could not coerce" errors (GetJsonBehaviorValueString). */
const BEHAVIOR_LABEL: Record<Behavior['kind'], string> = {
  error: 'ERROR', null: 'NULL', true: 'TRUE', false: 'FALSE', unknown: 'UNKNOWN', emptyArray: 'EMPTY ARRAY', emptyObject: 'EMPTY OBJECT', default: 'DEFAULT',
};

/** A soft failure of the path evaluation itself (Res.Error): ON ERROR applies. */
const PATH_ERROR = Symbol('path error');

/**
 * The run-time part of a SQL/JSON function: (item, path, variables, call arguments, runtime) →
 * result. The value is computed in the RETURNING type's base type, then checked against the
 * domain's constraints. Unless ERROR ON ERROR, a failure (path error, input function, domain
 * check, populating an array or row) gives the ON ERROR value; a failure of the ON EMPTY / ON
 * ERROR value itself is 42804 'could not coerce ... to the RETURNING type' with the cause as
 * its detail, as ExecEvalJsonCoercionFinish reports it.
 */
export function sqlJsonEvaluator(
  pstate: ParseState,
  spec: SqlJsonSpec,
): (target: JpValue, jp: JsonPath, vars: Map<string, JpValue>, a: Value[], rt: ExprRuntime) => Value {
  const { op, onEmpty, onError, wrapper, omitQuotes } = spec;
  const cat = pstate.catalog;
  const retInfo = typeInfo(cat, spec.retType);
  const isDomain = retInfo.typtype === 'd';
  const retType = isDomain ? baseTypeOf(cat, spec.retType) : spec.retType;
  const retTypmod = isDomain ? domainBaseTypmod(cat, spec.retType) : spec.retTypmod;
  const domainCheck = isDomain ? domainCheckFunction(cat, spec.retType) : undefined;
  const baseInfo = typeInfo(cat, retType);
  /** Arrays and rows are populated from the JSON value (json_populate_type), not parsed from its text. */
  const populate = op === 'query' && (baseInfo.category === 'A' || baseInfo.typtype === 'c');
  const throwErrors = onError.kind === 'error';
  const retIO = baseInfo.io;
  return (target, jp, vars, a, rt) => {
    const io = rt.session.io;
    const coerceText = (text: string): Value => retIO.input(text, retTypmod, io);
    const fromJsonb = (v: JsonbValue): Value => {
      if (retType === OID.jsonb) return v;
      if (populate) return jsonbToType(rt, cat, retType, retTypmod, v);
      return coerceText(jsonbToText(v));
    };
    /** An EXISTS result in the RETURNING type, as the bool → type cast gives it. */
    const fromBool = (b: boolean): Value => {
      if (retType === OID.bool) return b;
      if (retType === OID.int2 || retType === OID.int4) return b ? 1 : 0;
      if (retType === OID.int8) return b ? 1n : 0n;
      return coerceText(b ? 'true' : 'false');
    };
    const finish = (v: Value): Value => (domainCheck ? domainCheck(v, rt) : v);
    /** The value of an ON EMPTY / ON ERROR clause, in the RETURNING type. */
    const behaviorValue = (b: Behavior, which: 'ON EMPTY' | 'ON ERROR'): Value => {
      if (b.kind === 'error') {
        if (which === 'ON EMPTY') throw new PgError(SQLSTATE.no_sql_json_item, 'no SQL/JSON item found for specified path');
        return null;
      }
      try {
        switch (b.kind) {
          case 'null':
          case 'unknown':
            return finish(null);
          case 'true':
          case 'false':
            return finish(fromBool(b.kind === 'true'));
          case 'emptyArray':
            return finish(fromJsonb(jsonbArray([])));
          case 'emptyObject':
            return finish(fromJsonb(JsonbObject.EMPTY));
          case 'default': {
            const v = a[b.arg];
            if (!b.jsonb || v === null) return finish(v);
            if ((omitQuotes || op === 'value') && typeof v === 'string') return finish(coerceText(v));
            return finish(fromJsonb(v as JsonbValue));
          }
        }
      } catch (e) {
        if (throwErrors || !(e instanceof PgError)) throw e;
        throw new PgError(SQLSTATE.datatype_mismatch, `could not coerce ${which} expression (${BEHAVIOR_LABEL[b.kind]}) to the RETURNING type`, { detail: e.message });
      }
    };
    let result: Value | typeof EMPTY;
    try {
      result = compute(target as JsonbValue, jp, vars, io, fromJsonb, fromBool, coerceText);
      if (result !== EMPTY) return finish(result);
    } catch (e) {
      if (e instanceof HardError) throw e.error;
      if (e !== PATH_ERROR && (throwErrors || !(e instanceof PgError))) throw e;
      return behaviorValue(onError, 'ON ERROR');
    }
    return behaviorValue(onEmpty, 'ON EMPTY');
  };

  /** executeJsonPath; what it throws is not subject to ON ERROR. */
  function runPath(jp: JsonPath, vars: Map<string, JpValue>, json: JsonbValue, found: JpValue[] | null, io: IoContext): Res {
    try {
      return executeJsonPath(jp, vars, json, throwErrors, found, true, io);
    } catch (e) {
      throw new HardError(e);
    }
  }

  /** The function's value in the base type, EMPTY when the path found nothing. */
  function compute(
    json: JsonbValue,
    jp: JsonPath,
    vars: Map<string, JpValue>,
    io: IoContext,
    fromJsonb: (v: JsonbValue) => Value,
    fromBool: (b: boolean) => Value,
    coerceText: (text: string) => Value,
  ): Value | typeof EMPTY {
    if (op === 'exists') {
      const res = runPath(jp, vars, json, null, io);
      if (res === Res.Error) throw PATH_ERROR;
      return fromBool(res === Res.Ok);
    }
    const found: JpValue[] = [];
    const res = runPath(jp, vars, json, found, io);
    if (res === Res.Error) throw PATH_ERROR;
    if (op === 'value') {
      if (found.length === 0) return EMPTY;
      if (found.length > 1) throw new PgError(SQLSTATE.more_than_one_sql_json_item, 'JSON path expression in JSON_VALUE must return single scalar item');
      const v = found[0];
      if (Array.isArray(v) || v instanceof JsonbObject) {
        throw new PgError(SQLSTATE.sql_json_scalar_required, 'JSON path expression in JSON_VALUE must return single scalar item');
      }
      if (v === JSONB_NULL) return null;
      if (retType === OID.jsonb) return jpToJsonb(v);
      if (retType === OID.json) return coerceText(jsonbToText(jpToJsonb(v)));
      let text: string;
      if (typeof v === 'string') text = v;
      else if (typeof v === 'boolean') text = v ? 't' : 'f';
      else if (v instanceof Numeric) text = v.toString();
      else text = builtinIO((v as JpDatetime).typid).output((v as JpDatetime).value, io);
      return coerceText(text);
    }
    let wrap: boolean;
    if (found.length === 0) wrap = false;
    else if (wrapper === 'JSW_UNCONDITIONAL') wrap = true;
    else if (wrapper === 'JSW_CONDITIONAL') wrap = found.length > 1;
    else wrap = false;
    if (wrap) return fromJsonb(jsonbArray(found.map(jpToJsonb)));
    if (found.length > 1) {
      throw new PgError(SQLSTATE.more_than_one_sql_json_item, 'JSON path expression in JSON_QUERY must return single item when no wrapper is requested', {
        hint: 'Use the WITH WRAPPER clause to wrap SQL/JSON items into an array.',
      });
    }
    if (found.length === 0) return EMPTY;
    const item = jpToJsonb(found[0]);
    if (omitQuotes && typeof item === 'string') return coerceText(item);
    return fromJsonb(item);
  }
}

const EMPTY = Symbol('empty');

/** An error of the path evaluation that ON ERROR does not catch (in soft mode, suppressible ones give Res.Error). */
class HardError {
  constructor(readonly error: unknown) {}
}


/** JsonItemFromDatum: a PASSING value as a path variable. */
function toJpValue(v: Value, type: number, rt: ExprRuntime): JpValue {
  if (v === null) return JSONB_NULL;
  switch (type) {
    case OID.int2:
    case OID.int4:
    case OID.int8:
      return numericFromInt(v as number | bigint);
    case OID.float4:
    case OID.float8:
      return numericFromFloat8(v as number);
    case OID.numeric:
      return v as Numeric;
    case OID.bool:
      return v as boolean;
    case OID.text:
    case OID.varchar:
    case OID.bpchar:
    case OID.name:
      return v as string;
    case OID.jsonb:
      return v as JsonbValue;
    case OID.json:
      return parseJsonb(v as string);
    case OID.date:
    case OID.time:
    case OID.timestamp:
      return new JpDatetime(type, v, null);
    case OID.timetz:
      return new JpDatetime(type, v, (v as { offset: number }).offset);
    case OID.timestamptz:
      return new JpDatetime(type, v, 0);
    default:
      // Other strings as they are; anything else as its to_jsonb value (transformJsonValueExpr).
      if (typeInfo(rt.session.catalog(), type).category === 'S') return v as string;
      return datumToJsonb(rt, type, v);
  }
}
