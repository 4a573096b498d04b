/**
 * The jsonpath executor: evaluates a parsed path against a jsonb document with lax/strict
 * semantics (automatic array unwrapping and wrapping in lax mode, structural errors in strict
 * mode), three-valued predicates, variables and error suppression (`silent`).
 *
 * Postgres counterpart: src/backend/utils/adt/jsonpath_exec.c (executeItemOptUnwrapTarget,
 * executeBoolItem, executePredicate, executeAnyItem, compareItems, ...). The structure follows
 * it closely so that the order in which errors are found (and suppressed) is Postgres's.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import type { JpItem, JsonPath } from '../../grammar/jsonpath/ast.js';
import { compileLikeRegex } from '../../grammar/jsonpath/parser.js';
import { compareCodePoints } from '../collation.js';
import { JSONB_NULL, JsonbObject, type JsonbValue } from '../jsonb/value.js';
import { Numeric, compareNumeric } from '../numeric/numeric-value.js';
import { numericAdd, numericSub, numericMul, numericDiv, numericMod, numericNeg, numericAbs } from '../numeric/numeric-arith.js';
import { numericCeil, numericFloor, numericTrunc } from '../numeric/numeric-round.js';
import { JpDatetime, jpTypeName, type JpValue } from './item.js';
import { executeMethod } from './methods.js';
import { executeDatetimeMethod, compareDatetimes } from './datetime.js';
import { keyValueId } from './layout.js';
import type { IoContext } from '../type-io.js';

/** jperOk / jperNotFound / jperError. */
export const enum Res {
  Ok,
  NotFound,
  Error,
}

/** jpbFalse / jpbTrue / jpbUnknown. */
export const enum Bool3 {
  False,
  True,
  Unknown,
}

/** Evaluation state (JsonPathExecContext). */
/** Path variables: a jsonb object (jsonb_path_* functions) or PASSING arguments. */
export interface JpVars {
  get(name: string): JpValue | undefined;
}

export interface JpContext {
  readonly vars: JpVars | null;
  readonly root: JsonbValue;
  current: JpValue;
  readonly lax: boolean;
  ignoreStructuralErrors: boolean;
  innermostArraySize: number;
  throwErrors: boolean;
  readonly useTz: boolean;
  /** Session settings (the time zone of zone-dependent datetime casts). */
  readonly io: IoContext;
  /** The container keyvalue ids are relative to, and its id. */
  baseObject: JsonbValue | null;
  baseId: number;
  lastGeneratedObjectId: number;
}

/** RETURN_ERROR: raise when errors are thrown, otherwise report jperError. */
export function fail(cx: JpContext, err: () => PgError): Res.Error {
  if (cx.throwErrors) throw err();
  return Res.Error;
}

export function jpError(code: string, message: string): () => PgError {
  return () => new PgError(code, message);
}

const isArr = (v: JpValue): v is readonly JsonbValue[] => Array.isArray(v);
const isObj = (v: JpValue): v is JsonbObject => v instanceof JsonbObject;
const isNum = (v: JpValue): v is Numeric => v instanceof Numeric;
const isContainer = (v: JpValue) => isArr(v) || isObj(v);

/**
 * executeJsonPath: runs `path` over `json`. With `found` null, stops at the first result (for
 * exists); returns Res.Error only when errors are suppressed.
 */
export function executeJsonPath(
  path: JsonPath,
  vars: JsonbValue | Map<string, JpValue> | null,
  json: JsonbValue,
  throwErrors: boolean,
  found: JpValue[] | null,
  useTz: boolean,
  io: IoContext,
): Res {
  if (vars !== null && !(vars instanceof Map) && !isObj(vars)) {
    throw new PgError(SQLSTATE.invalid_parameter_value, '"vars" argument is not an object', {
      detail: 'Jsonpath parameters should be encoded as key-value pairs of "vars" object.',
    });
  }
  const cx: JpContext = {
    vars: vars as JpVars | null,
    root: json,
    current: json,
    lax: path.lax,
    ignoreStructuralErrors: path.lax,
    innermostArraySize: -1,
    throwErrors,
    useTz,
    io,
    baseObject: null,
    baseId: 0,
    lastGeneratedObjectId: 1 + (vars instanceof Map ? vars.size : vars !== null ? 1 : 0),
  };
  if (!cx.lax && !found) {
    const vals: JpValue[] = [];
    const res = executeItem(cx, path.expr, json, vals);
    if (res === Res.Error) return res;
    return vals.length ? Res.Ok : Res.NotFound;
  }
  return executeItem(cx, path.expr, json, found);
}

export function executeItem(cx: JpContext, jsp: JpItem, jb: JpValue, found: JpValue[] | null): Res {
  return executeItemOpt(cx, jsp, jb, found, cx.lax);
}

/** executeNextItem: continue with `next` or collect `v`. */
export function executeNext(cx: JpContext, next: JpItem | null, v: JpValue, found: JpValue[] | null): Res {
  if (next) return executeItem(cx, next, v, found);
  if (found) found.push(v);
  return Res.Ok;
}

/** executeItemUnwrapTargetArray: apply `jsp` (or collect) to each element of an array. */
export function unwrapTargetArray(cx: JpContext, jsp: JpItem | null, jb: readonly JsonbValue[], found: JpValue[] | null, unwrapElements: boolean): Res {
  return executeAnyItem(cx, jsp, jb, found, 1, 1, 1, false, unwrapElements);
}

function executeItemOpt(cx: JpContext, jsp: JpItem, jb: JpValue, found: JpValue[] | null, unwrap: boolean): Res {
  switch (jsp.kind) {
    case 'null':
    case 'bool':
    case 'numeric':
    case 'string':
    case 'variable': {
      if (!jsp.next && !found && jsp.kind !== 'variable') return Res.Ok;
      const saved = [cx.baseObject, cx.baseId] as const;
      let v: JpValue;
      switch (jsp.kind) {
        case 'null':
          v = JSONB_NULL;
          break;
        case 'bool':
          v = jsp.value;
          break;
        case 'numeric':
          v = jsp.value;
          break;
        case 'string':
          v = jsp.value;
          break;
        default: {
          const val = cx.vars?.get(jsp.name);
          if (val === undefined) throw new PgError(SQLSTATE.undefined_object, `could not find jsonpath variable "${jsp.name}"`);
          v = val;
          if (isContainer(val)) {
            cx.baseObject = cx.vars instanceof JsonbObject ? cx.vars : (val as JsonbValue);
            cx.baseId = 1;
          }
        }
      }
      const res = executeNext(cx, jsp.next, v, found);
      [cx.baseObject, cx.baseId] = saved;
      return res;
    }
    case 'binary':
      switch (jsp.op) {
        case '+':
        case '-':
        case '*':
        case '/':
        case '%':
          return executeBinaryArith(cx, jsp, jb, found);
        default:
          return appendBoolResult(cx, jsp, found, executeBoolItem(cx, jsp, jb));
      }
    case 'not':
    case 'isUnknown':
    case 'exists':
    case 'likeRegex':
      return appendBoolResult(cx, jsp, found, executeBoolItem(cx, jsp, jb));
    case 'unary':
      return executeUnaryArith(cx, jsp, jb, found);
    case 'anyArray':
      if (isArr(jb)) return unwrapTargetArray(cx, jsp.next, jb, found, cx.lax);
      if (cx.lax) return executeNext(cx, jsp.next, jb, found);
      if (!cx.ignoreStructuralErrors) {
        return fail(cx, jpError(SQLSTATE.sql_json_array_not_found, 'jsonpath wildcard array accessor can only be applied to an array'));
      }
      return Res.NotFound;
    case 'anyKey':
      if (isObj(jb)) return executeAnyItem(cx, jsp.next, jb, found, 1, 1, 1, false, cx.lax);
      if (unwrap && isArr(jb)) return unwrapTargetArray(cx, jsp, jb, found, false);
      if (!cx.ignoreStructuralErrors) {
        return fail(cx, jpError(SQLSTATE.sql_json_object_not_found, 'jsonpath wildcard member accessor can only be applied to an object'));
      }
      return Res.NotFound;
    case 'indexArray':
      return executeIndexArray(cx, jsp, jb, found);
    case 'any': {
      let res: Res = Res.NotFound;
      if (jsp.first === 0) {
        const saved = cx.ignoreStructuralErrors;
        cx.ignoreStructuralErrors = true;
        res = executeNext(cx, jsp.next, jb, found);
        cx.ignoreStructuralErrors = saved;
        if (res === Res.Ok && !found) return res;
      }
      if (isContainer(jb)) res = executeAnyItem(cx, jsp.next, jb as JsonbObject | readonly JsonbValue[], found, 1, jsp.first, jsp.last, true, cx.lax);
      return res;
    }
    case 'key':
      if (isObj(jb)) {
        const v = jb.get(jsp.name);
        if (v !== undefined) return executeNext(cx, jsp.next, v, found);
        if (!cx.ignoreStructuralErrors) {
          return fail(cx, jpError(SQLSTATE.sql_json_member_not_found, `JSON object does not contain key "${jsp.name}"`));
        }
        return Res.NotFound;
      }
      if (unwrap && isArr(jb)) return unwrapTargetArray(cx, jsp, jb, found, false);
      if (!cx.ignoreStructuralErrors) {
        return fail(cx, jpError(SQLSTATE.sql_json_member_not_found, 'jsonpath member accessor can only be applied to an object'));
      }
      return Res.NotFound;
    case 'current':
      return executeNext(cx, jsp.next, cx.current, found);
    case 'root': {
      const saved = [cx.baseObject, cx.baseId] as const;
      cx.baseObject = cx.root;
      cx.baseId = 0;
      const res = executeNext(cx, jsp.next, cx.root, found);
      [cx.baseObject, cx.baseId] = saved;
      return res;
    }
    case 'filter': {
      if (unwrap && isArr(jb)) return unwrapTargetArray(cx, jsp, jb, found, false);
      const st = executeNestedBoolItem(cx, jsp.arg, jb);
      if (st !== Bool3.True) return Res.NotFound;
      return executeNext(cx, jsp.next, jb, found);
    }
    case 'last': {
      if (cx.innermostArraySize < 0) throw new Error('evaluating jsonpath LAST outside of array subscript');
      if (!jsp.next && !found) return Res.Ok;
      return executeNext(cx, jsp.next, Numeric.fromInt(cx.innermostArraySize - 1), found);
    }
    case 'method':
      if (jsp.method === 'type') return executeNext(cx, jsp.next, jpTypeName(jb), found);
      if (jsp.method === 'size') {
        let size: number;
        if (isArr(jb)) size = jb.length;
        else if (!cx.lax) {
          if (!cx.ignoreStructuralErrors) {
            return fail(cx, jpError(SQLSTATE.sql_json_array_not_found, 'jsonpath item method .size() can only be applied to an array'));
          }
          return Res.NotFound;
        } else size = 1;
        return executeNext(cx, jsp.next, Numeric.fromInt(size), found);
      }
      if (jsp.method === 'abs' || jsp.method === 'floor' || jsp.method === 'ceiling') {
        if (unwrap && isArr(jb)) return unwrapTargetArray(cx, jsp, jb, found, false);
        if (!isNum(jb)) {
          return fail(cx, jpError(SQLSTATE.non_numeric_sql_json_item, `jsonpath item method .${jsp.method}() can only be applied to a numeric value`));
        }
        const r = jsp.method === 'abs' ? numericAbs(jb) : jsp.method === 'floor' ? numericFloor(jb) : numericCeil(jb);
        if (!jsp.next && !found) return Res.Ok;
        return executeNext(cx, jsp.next, r, found);
      }
      if (jsp.method === 'keyvalue') {
        if (unwrap && isArr(jb)) return unwrapTargetArray(cx, jsp, jb, found, false);
        return executeKeyValue(cx, jsp, jb, found);
      }
      if (jsp.method === 'date') {
        if (unwrap && isArr(jb)) return unwrapTargetArray(cx, jsp, jb, found, false);
        return executeDatetimeMethod(cx, jsp, jb, found);
      }
      if (unwrap && isArr(jb)) return unwrapTargetArray(cx, jsp, jb, found, false);
      return executeMethod(cx, jsp, jb, found);
    case 'decimal':
      if (unwrap && isArr(jb)) return unwrapTargetArray(cx, jsp, jb, found, false);
      return executeMethod(cx, jsp, jb, found);
    case 'datetimeMethod':
      if (unwrap && isArr(jb)) return unwrapTargetArray(cx, jsp, jb, found, false);
      return executeDatetimeMethod(cx, jsp, jb, found);
    default: {
      const never: never = jsp;
      throw new Error(`unrecognized jsonpath item type: ${(never as JpItem).kind}`);
    }
  }
}

function executeIndexArray(cx: JpContext, jsp: JpItem & { kind: 'indexArray' }, jb: JpValue, found: JpValue[] | null): Res {
  if (!(isArr(jb) || cx.lax)) {
    if (!cx.ignoreStructuralErrors) {
      return fail(cx, jpError(SQLSTATE.sql_json_array_not_found, 'jsonpath array accessor can only be applied to an array'));
    }
    return Res.NotFound;
  }
  const saved = cx.innermostArraySize;
  const singleton = !isArr(jb);
  const size = singleton ? 1 : (jb as readonly JsonbValue[]).length;
  cx.innermostArraySize = size;
  let res: Res = Res.NotFound;
  outer: for (const sub of jsp.subscripts) {
    const from = getArrayIndex(cx, sub.from, jb);
    if (typeof from !== 'number') {
      res = from.res;
      break;
    }
    let to = from;
    if (sub.to) {
      const t = getArrayIndex(cx, sub.to, jb);
      if (typeof t !== 'number') {
        res = t.res;
        break;
      }
      to = t;
    }
    let iFrom = from;
    let iTo = to;
    if (!cx.ignoreStructuralErrors && (iFrom < 0 || iFrom > iTo || iTo >= size)) {
      cx.innermostArraySize = saved;
      return fail(cx, jpError(SQLSTATE.invalid_sql_json_subscript, 'jsonpath array subscript is out of bounds'));
    }
    if (iFrom < 0) iFrom = 0;
    if (iTo >= size) iTo = size - 1;
    res = Res.NotFound;
    for (let i = iFrom; i <= iTo; i++) {
      const v = singleton ? jb : (jb as readonly JsonbValue[])[i];
      if (v === undefined) continue;
      if (!jsp.next && !found) {
        cx.innermostArraySize = saved;
        return Res.Ok;
      }
      res = executeNext(cx, jsp.next, v, found);
      if (res === Res.Error) break outer;
      if (res === Res.Ok && !found) break outer;
    }
  }
  cx.innermostArraySize = saved;
  return res;
}

/** getArrayIndex: a subscript's value as an int32, truncated. */
function getArrayIndex(cx: JpContext, jsp: JpItem, jb: JpValue): number | { res: Res } {
  const found: JpValue[] = [];
  const res = executeItem(cx, jsp, jb, found);
  if (res === Res.Error) return { res };
  if (found.length !== 1 || !isNum(found[0])) {
    return { res: fail(cx, jpError(SQLSTATE.invalid_sql_json_subscript, 'jsonpath array subscript is not a single numeric value')) };
  }
  const n = found[0] as Numeric;
  if (!n.isFinite()) {
    return { res: fail(cx, jpError(SQLSTATE.invalid_sql_json_subscript, 'jsonpath array subscript is out of integer range')) };
  }
  const t = Number(numericTrunc(n).toString());
  if (t > 2147483647 || t < -2147483648) {
    return { res: fail(cx, jpError(SQLSTATE.invalid_sql_json_subscript, 'jsonpath array subscript is out of integer range')) };
  }
  return t;
}

/** executeAnyItem: `.**`, `.*` and `[*]` over the values of a container, down to `last` levels. */
function executeAnyItem(
  cx: JpContext,
  jsp: JpItem | null,
  jbc: JsonbObject | readonly JsonbValue[],
  found: JpValue[] | null,
  level: number,
  first: number,
  last: number,
  ignoreStructuralErrors: boolean,
  unwrapNext: boolean,
): Res {
  let res: Res = Res.NotFound;
  if (level > last) return res;
  const values = isObj(jbc) ? jbc.values : jbc;
  for (const v of values) {
    const container = isContainer(v);
    if (level >= first || (first === 0xffffffff && last === 0xffffffff && !container)) {
      if (jsp) {
        if (ignoreStructuralErrors) {
          const saved = cx.ignoreStructuralErrors;
          cx.ignoreStructuralErrors = true;
          res = executeItemOpt(cx, jsp, v, found, unwrapNext);
          cx.ignoreStructuralErrors = saved;
        } else res = executeItemOpt(cx, jsp, v, found, unwrapNext);
        if (res === Res.Error) break;
        if (res === Res.Ok && !found) break;
      } else if (found) found.push(v);
      else return Res.Ok;
    }
    if (level < last && container) {
      res = executeAnyItem(cx, jsp, v as JsonbObject | readonly JsonbValue[], found, level + 1, first, last, ignoreStructuralErrors, unwrapNext);
      if (res === Res.Error) break;
      if (res === Res.Ok && !found) break;
    }
  }
  return res;
}

/** executeItemOptUnwrapResult: evaluate, unwrapping arrays of the result sequence in lax mode. */
function executeOptUnwrapResult(cx: JpContext, jsp: JpItem, jb: JpValue, unwrap: boolean, found: JpValue[] | null): Res {
  if (unwrap && cx.lax) {
    const seq: JpValue[] = [];
    const res = executeItem(cx, jsp, jb, seq);
    if (res === Res.Error) return res;
    for (const item of seq) {
      if (isArr(item)) unwrapTargetArray(cx, null, item, found, false);
      else if (found) found.push(item);
    }
    return Res.Ok;
  }
  return executeItem(cx, jsp, jb, found);
}

function executeOptUnwrapResultNoThrow(cx: JpContext, jsp: JpItem, jb: JpValue, unwrap: boolean, found: JpValue[] | null): Res {
  const saved = cx.throwErrors;
  cx.throwErrors = false;
  try {
    return executeOptUnwrapResult(cx, jsp, jb, unwrap, found);
  } finally {
    cx.throwErrors = saved;
  }
}

function appendBoolResult(cx: JpContext, jsp: JpItem, found: JpValue[] | null, res: Bool3): Res {
  if (!jsp.next && !found) return Res.Ok;
  return executeNext(cx, jsp.next, res === Bool3.Unknown ? JSONB_NULL : res === Bool3.True, found);
}

export function executeBoolItem(cx: JpContext, jsp: JpItem, jb: JpValue): Bool3 {
  switch (jsp.kind) {
    case 'binary':
      switch (jsp.op) {
        case '&&': {
          const res = executeBoolItem(cx, jsp.left, jb);
          if (res === Bool3.False) return res;
          const res2 = executeBoolItem(cx, jsp.right, jb);
          return res2 === Bool3.True ? res : res2;
        }
        case '||': {
          const res = executeBoolItem(cx, jsp.left, jb);
          if (res === Bool3.True) return res;
          const res2 = executeBoolItem(cx, jsp.right, jb);
          return res2 === Bool3.False ? res : res2;
        }
        case 'starts with':
          return executePredicate(cx, jsp.left, jsp.right, jb, false, (whole, initial) => {
            if (typeof whole !== 'string' || typeof initial !== 'string') return Bool3.Unknown;
            return whole.startsWith(initial) ? Bool3.True : Bool3.False;
          });
        case '+':
        case '-':
        case '*':
        case '/':
        case '%':
          throw new Error('invalid boolean jsonpath item type');
        default: {
          const op = jsp.op;
          return executePredicate(cx, jsp.left, jsp.right, jb, true, (l, r) => compareItems(cx, op, l, r!));
        }
      }
    case 'not': {
      const res = executeBoolItem(cx, jsp.arg, jb);
      if (res === Bool3.Unknown) return res;
      return res === Bool3.True ? Bool3.False : Bool3.True;
    }
    case 'isUnknown':
      return executeBoolItem(cx, jsp.arg, jb) === Bool3.Unknown ? Bool3.True : Bool3.False;
    case 'likeRegex': {
      const re = compileLikeRegex(jsp.pattern, jsp.flags);
      return executePredicate(cx, jsp.expr, null, jb, false, (s) => {
        if (typeof s !== 'string') return Bool3.Unknown;
        return re.test(s) ? Bool3.True : Bool3.False;
      });
    }
    case 'exists': {
      if (!cx.lax) {
        const vals: JpValue[] = [];
        const res = executeOptUnwrapResultNoThrow(cx, jsp.arg, jb, false, vals);
        if (res === Res.Error) return Bool3.Unknown;
        return vals.length ? Bool3.True : Bool3.False;
      }
      const res = executeOptUnwrapResultNoThrow(cx, jsp.arg, jb, false, null);
      if (res === Res.Error) return Bool3.Unknown;
      return res === Res.Ok ? Bool3.True : Bool3.False;
    }
    default:
      throw new Error(`invalid boolean jsonpath item type: ${jsp.kind}`);
  }
}

function executeNestedBoolItem(cx: JpContext, jsp: JpItem, jb: JpValue): Bool3 {
  const prev = cx.current;
  cx.current = jb;
  try {
    return executeBoolItem(cx, jsp, jb);
  } finally {
    cx.current = prev;
  }
}

/** executePredicate: existence semantics over the pairs of the operands' sequences. */
function executePredicate(
  cx: JpContext,
  larg: JpItem,
  rarg: JpItem | null,
  jb: JpValue,
  unwrapRightArg: boolean,
  exec: (l: JpValue, r: JpValue | null) => Bool3,
): Bool3 {
  const lseq: JpValue[] = [];
  const rseq: JpValue[] = [];
  if (executeOptUnwrapResultNoThrow(cx, larg, jb, true, lseq) === Res.Error) return Bool3.Unknown;
  if (rarg && executeOptUnwrapResultNoThrow(cx, rarg, jb, unwrapRightArg, rseq) === Res.Error) return Bool3.Unknown;
  let error = false;
  let foundTrue = false;
  for (const l of lseq) {
    const rights: (JpValue | null)[] = rarg ? rseq : [null];
    for (const r of rights) {
      const res = exec(l, r);
      if (res === Bool3.Unknown) {
        if (!cx.lax) return Bool3.Unknown;
        error = true;
      } else if (res === Bool3.True) {
        if (cx.lax) return Bool3.True;
        foundTrue = true;
      }
    }
  }
  if (foundTrue) return Bool3.True;
  if (error) return Bool3.Unknown;
  return Bool3.False;
}

/** compareItems: SQL/JSON comparison of two items. */
function compareItems(cx: JpContext, op: string, a: JpValue, b: JpValue): Bool3 {
  const ta = scalarKind(a);
  const tb = scalarKind(b);
  if (ta !== tb) {
    if (ta === 'null' || tb === 'null') return op === '!=' ? Bool3.True : Bool3.False;
    return Bool3.Unknown;
  }
  let cmp: number;
  switch (ta) {
    case 'null':
      cmp = 0;
      break;
    case 'bool':
      cmp = a === b ? 0 : a ? 1 : -1;
      break;
    case 'number':
      cmp = compareNumeric(a as Numeric, b as Numeric);
      break;
    case 'string':
      if (op === '==') return a === b ? Bool3.True : Bool3.False;
      cmp = compareCodePoints(a as string, b as string);
      break;
    case 'datetime': {
      const c = compareDatetimes(a as JpDatetime, b as JpDatetime, cx.useTz, cx);
      if (c === null) return Bool3.Unknown;
      cmp = c;
      break;
    }
    default:
      return Bool3.Unknown;
  }
  let res: boolean;
  switch (op) {
    case '==':
      res = cmp === 0;
      break;
    case '!=':
      res = cmp !== 0;
      break;
    case '<':
      res = cmp < 0;
      break;
    case '>':
      res = cmp > 0;
      break;
    case '<=':
      res = cmp <= 0;
      break;
    default:
      res = cmp >= 0;
  }
  return res ? Bool3.True : Bool3.False;
}

function scalarKind(v: JpValue): string {
  if (v === JSONB_NULL) return 'null';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  if (v instanceof Numeric) return 'number';
  if (v instanceof JpDatetime) return 'datetime';
  return 'container';
}

const OP_FN: Record<string, (a: Numeric, b: Numeric) => Numeric> = {
  '+': numericAdd,
  '-': numericSub,
  '*': numericMul,
  '/': numericDiv,
  '%': numericMod,
};

function executeBinaryArith(cx: JpContext, jsp: JpItem & { kind: 'binary' }, jb: JpValue, found: JpValue[] | null): Res {
  const lseq: JpValue[] = [];
  const rseq: JpValue[] = [];
  let r = executeOptUnwrapResult(cx, jsp.left, jb, true, lseq);
  if (r === Res.Error) return r;
  r = executeOptUnwrapResult(cx, jsp.right, jb, true, rseq);
  if (r === Res.Error) return r;
  if (lseq.length !== 1 || !isNum(lseq[0])) {
    return fail(cx, jpError(SQLSTATE.singleton_sql_json_item_required, `left operand of jsonpath operator ${jsp.op} is not a single numeric value`));
  }
  if (rseq.length !== 1 || !isNum(rseq[0])) {
    return fail(cx, jpError(SQLSTATE.singleton_sql_json_item_required, `right operand of jsonpath operator ${jsp.op} is not a single numeric value`));
  }
  let res: Numeric;
  try {
    res = OP_FN[jsp.op](lseq[0], rseq[0] as Numeric);
  } catch (e) {
    if (cx.throwErrors || !(e instanceof PgError)) throw e;
    return Res.Error;
  }
  if (!jsp.next && !found) return Res.Ok;
  return executeNext(cx, jsp.next, res, found);
}

function executeUnaryArith(cx: JpContext, jsp: JpItem & { kind: 'unary' }, jb: JpValue, found: JpValue[] | null): Res {
  const seq: JpValue[] = [];
  const r = executeOptUnwrapResult(cx, jsp.arg, jb, true, seq);
  if (r === Res.Error) return r;
  let res: Res = Res.NotFound;
  for (const val of seq) {
    if (isNum(val)) {
      if (!found && !jsp.next) return Res.Ok;
    } else {
      if (!found && !jsp.next) continue;
      return fail(cx, jpError(SQLSTATE.sql_json_number_not_found, `operand of unary jsonpath operator ${jsp.op} is not a numeric value`));
    }
    const v = jsp.op === '-' ? numericNeg(val) : val;
    const r2 = executeNext(cx, jsp.next, v, found);
    if (r2 === Res.Error) return r2;
    if (r2 === Res.Ok) {
      if (!found) return Res.Ok;
      res = Res.Ok;
    }
  }
  return res;
}

function executeKeyValue(cx: JpContext, jsp: JpItem, jb: JpValue, found: JpValue[] | null): Res {
  if (!isObj(jb)) {
    return fail(cx, jpError(SQLSTATE.sql_json_object_not_found, 'jsonpath item method .keyvalue() can only be applied to an object'));
  }
  if (jb.size === 0) return Res.NotFound;
  const id = Numeric.fromInt(BigInt(keyValueId(cx.baseObject, jb)) + BigInt(cx.baseId) * 10000000000n);
  let res: Res = Res.NotFound;
  for (let i = 0; i < jb.size; i++) {
    res = Res.Ok;
    if (!jsp.next && !found) break;
    const obj = JsonbObject.fromSorted(['id', 'key', 'value'], [id, jb.keys[i], jb.values[i]]);
    const saved = [cx.baseObject, cx.baseId] as const;
    cx.baseObject = obj;
    cx.baseId = cx.lastGeneratedObjectId++;
    res = executeNext(cx, jsp.next, obj, found);
    [cx.baseObject, cx.baseId] = saved;
    if (res === Res.Error) return res;
    if (res === Res.Ok && !found) break;
  }
  return res;
}
