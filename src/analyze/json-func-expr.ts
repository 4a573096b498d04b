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
import type { Expr } from '../nodes/primnodes.js';
import { OID } from '../types/oids.js';
import { typeInfo } from '../types/registry.js';
import type { Value } from '../types/values.js';
import type { IoContext } from '../types/type-io.js';
import type { JsonPath } from '../grammar/jsonpath/ast.js';
import { JSONB_NULL, JsonbObject, jsonbArray, jsonbToText, parseJsonb, type JsonbValue } from '../types/jsonb.js';
import { Numeric } from '../types/numeric/numeric-value.js';
import { numericFromFloat8, numericFromInt } from '../types/numeric/numeric-convert.js';
import { builtinIO } from '../types/builtin-io.js';
import { executeJsonPath, Res } from '../types/jsonpath/exec.js';
import { JpDatetime, jpToJsonb, type JpValue } from '../types/jsonpath/item.js';
import { coerceTo } from './coerce.js';
import { transformExpr } from './expr.js';
import type { ParseState } from './parse-state.js';
import { typeNameToOid } from './type-name.js';

type AnyNode = Record<string, any>;
export type SqlJsonOp = 'exists' | 'value' | 'query';
export type Behavior =
  | { kind: 'error' | 'null' | 'true' | 'false' | 'unknown' | 'emptyArray' | 'emptyObject' }
  | { kind: 'default'; arg: number };

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

/** The context item of a SQL/JSON function, as a jsonb expression. */
export function transformContextItem(pstate: ParseState, item: AnyNode, location: number | undefined): Expr {
  if (item?.format && item.format.format_type !== 'JS_FORMAT_DEFAULT') throw featureNotSupported('FORMAT JSON of the context item', location);
  const ctx = transformExpr(pstate, item.raw_expr);
  return coerceTo(pstate, pstate.catalog, ctx, OID.jsonb, -1, 'explicit', ctx.location ?? location);
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
  let e = transformExpr(pstate, b.expr);
  e = coerceTo(pstate, pstate.catalog, e, retType, retTypmod, 'explicit', e.location);
  args.push(e);
  return { kind: 'default', arg: args.length - 1 };
}

/** Rejects RETURNING types the evaluator cannot produce (0A000). */
export function checkReturning(pstate: ParseState, op: SqlJsonOp, retType: number, location: number | undefined): void {
  const retInfo = typeInfo(pstate.catalog, retType);
  if (op === 'query' && (retInfo.category === 'A' || retInfo.typtype === 'c' || retInfo.typtype === 'd')) {
    throw featureNotSupported(`JSON_QUERY returning type ${retInfo.name}`, location);
  }
  if (retInfo.typtype === 'c' || retInfo.typtype === 'd' || retInfo.typtype === 'p') {
    throw featureNotSupported(`SQL/JSON function returning type ${retInfo.name}`, location);
  }
}

/** A JsonFuncExpr parse node → a FuncExpr whose closure runs the whole SQL/JSON function. */
export function transformJsonFuncExpr(pstate: ParseState, n: AnyNode): Expr {
  const op: SqlJsonOp = n.op === 'JSON_EXISTS_OP' ? 'exists' : n.op === 'JSON_VALUE_OP' ? 'value' : n.op === 'JSON_QUERY_OP' ? 'query' : (() => {
    throw featureNotSupported(String(n.op), n.location);
  })();
  const cat = pstate.catalog;
  const ctx = transformContextItem(pstate, n.context_item, n.location);
  let path = transformExpr(pstate, n.pathspec);
  path = coerceTo(pstate, cat, path, OID.jsonpath, -1, 'explicit', path.location ?? n.location);
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
  return {
    kind: 'FuncExpr',
    name,
    args,
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
        return evaluate(a[0] as JsonbValue, a[1] as JsonPath, passingVars(vars.names, vars.types, a, 2, nvars), a, rt.session.io);
      },
    },
  } as Expr;
}

/** The PASSING values at `a[from..]` as path variables. */
export function passingVars(names: readonly string[], types: readonly number[], a: Value[], from: number, n: number): Map<string, JpValue> {
  const vars = new Map<string, JpValue>();
  for (let i = 0; i < n; i++) vars.set(names[i], toJpValue(a[from + i], types[i]));
  return vars;
}

/** The run-time part of a SQL/JSON function: (item, path, variables, call arguments, io) → result. */
export function sqlJsonEvaluator(
  pstate: ParseState,
  spec: SqlJsonSpec,
): (target: JpValue, jp: JsonPath, vars: Map<string, JpValue>, a: Value[], io: IoContext) => Value {
  const { op, retType, retTypmod, onEmpty, onError, wrapper, omitQuotes } = spec;
  const throwErrors = onError.kind === 'error';
  const retIO = typeInfo(pstate.catalog, retType).io;
  return (target, jp, vars, a, io) => {
    const applyBehavior = (b: Behavior, emptyCase: boolean): Value => {
      switch (b.kind) {
        case 'error':
          if (emptyCase) throw new PgError(SQLSTATE.no_sql_json_item, 'no SQL/JSON item found for specified path');
          return null;
        case 'null':
        case 'unknown':
          return null;
        case 'true':
          return fromBool(true);
        case 'false':
          return fromBool(false);
        case 'emptyArray':
          return fromJsonb(jsonbArray([]));
        case 'emptyObject':
          return fromJsonb(JsonbObject.EMPTY);
        case 'default':
          return a[b.arg];
      }
    };
    const coerceText = (text: string): Value => {
      try {
        return retIO.input(text, retTypmod, io);
      } catch (e) {
        if (throwErrors || !(e instanceof PgError)) throw e;
        return applyBehavior(onError, false);
      }
    };
    const fromJsonb = (v: JsonbValue): Value => (retType === OID.jsonb ? v : coerceText(jsonbToText(v)));
    /** An EXISTS result in the RETURNING type, as the bool → type cast gives it. */
    const fromBool = (b: boolean): Value => {
      if (retType === OID.bool) return b;
      if (retType === OID.int2 || retType === OID.int4) return b ? 1 : 0;
      if (retType === OID.int8) return b ? 1n : 0n;
      return coerceText(b ? 'true' : 'false');
    };
    const json = target as JsonbValue;
    if (op === 'exists') {
      const res = executeJsonPath(jp, vars, json, throwErrors, null, true, io);
      if (res === Res.Error) return applyBehavior(onError, false);
      return fromBool(res === Res.Ok);
    }
    const found: JpValue[] = [];
    const res = executeJsonPath(jp, vars, json, throwErrors, found, true, io);
    if (res === Res.Error) return applyBehavior(onError, false);
    if (op === 'value') {
      if (found.length === 0) return applyBehavior(onEmpty, true);
      if (found.length > 1) {
        if (!throwErrors) return applyBehavior(onError, false);
        throw new PgError(SQLSTATE.more_than_one_sql_json_item, 'JSON path expression in JSON_VALUE must return single scalar item');
      }
      const v = found[0];
      if (Array.isArray(v) || v instanceof JsonbObject) {
        if (!throwErrors) return applyBehavior(onError, false);
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
      if (!throwErrors) return applyBehavior(onError, false);
      throw new PgError(SQLSTATE.more_than_one_sql_json_item, 'JSON path expression in JSON_QUERY must return single item when no wrapper is requested', {
        hint: 'Use the WITH WRAPPER clause to wrap SQL/JSON items into an array.',
      });
    }
    if (found.length === 0) return applyBehavior(onEmpty, true);
    const item = jpToJsonb(found[0]);
    if (omitQuotes && typeof item === 'string') return coerceText(item);
    return fromJsonb(item);
  };
}

/** JsonItemFromDatum: a PASSING value as a path variable. */
function toJpValue(v: Value, type: number): JpValue {
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
      throw featureNotSupported(`PASSING a value of type with OID ${type} to a JSON path`);
  }
}
