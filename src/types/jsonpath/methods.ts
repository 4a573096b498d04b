/**
 * The conversion item methods: .double() .bigint() .integer() .boolean() .number()
 * .decimal([p[,s]]) .string(), with Postgres's 22036 errors for values they cannot convert.
 *
 * Postgres counterpart: the jpiDouble ... jpiStringFunc cases of executeItemOptUnwrapTarget in
 * src/backend/utils/adt/jsonpath_exec.c.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import type { JpItem } from '../../grammar/jsonpath/ast.js';
import { parseBool } from '../bool.js';
import { parseFloat8 } from '../float.js';
import { parseInt4, parseInt8 } from '../int.js';
import { Numeric } from '../numeric/numeric-value.js';
import { parseNumeric } from '../numeric/numeric-input.js';
import { numericFromFloat8, numericToInt4, numericToInt8, numericFromInt } from '../numeric/numeric-convert.js';
import { applyNumericTypmod, numericTypmod } from '../numeric/numeric-typmod.js';
import { JpDatetime, jpDatetimeText, type JpValue } from './item.js';
import { executeNext, fail, jpError, Res, type JpContext } from './exec.js';

const nonNumeric = (msg: string) => jpError(SQLSTATE.non_numeric_sql_json_item, msg);

/** Runs `f`, mapping any PgError to undefined (the *_opt_error / InputFunctionCallSafe pattern). */
function safe<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch (e) {
    if (e instanceof PgError) return undefined;
    throw e;
  }
}

/** The methods of this file, on a non-array item (arrays were unwrapped by the caller). */
export function executeMethod(cx: JpContext, jsp: JpItem, jb: JpValue, found: JpValue[] | null): Res {
  const name = jsp.kind === 'decimal' ? 'decimal' : jsp.kind === 'method' ? jsp.method : '';
  const invalid = (arg: string, type: string) =>
    fail(cx, nonNumeric(`argument "${arg}" of jsonpath item method .${name}() is invalid for type ${type}`));
  const notAllowed = () => fail(cx, nonNumeric(`NaN or Infinity is not allowed for jsonpath item method .${name}()`));
  let out: JpValue;
  switch (name) {
    case 'double': {
      if (jb instanceof Numeric) {
        const text = jb.toString();
        const val = safe(() => parseFloat8(text));
        if (val === undefined) return invalid(text, 'double precision');
        if (!Number.isFinite(val)) return notAllowed();
        out = jb;
      } else if (typeof jb === 'string') {
        const val = safe(() => parseFloat8(jb));
        if (val === undefined) return invalid(jb, 'double precision');
        if (!Number.isFinite(val)) return notAllowed();
        out = numericFromFloat8(val);
      } else return fail(cx, nonNumeric(`jsonpath item method .double() can only be applied to a string or numeric value`));
      break;
    }
    case 'bigint':
    case 'integer': {
      const type = name === 'bigint' ? 'bigint' : 'integer';
      let v: number | bigint | undefined;
      if (jb instanceof Numeric) {
        v = safe(() => (name === 'bigint' ? numericToInt8(jb) : numericToInt4(jb)));
        if (v === undefined) return invalid(jb.toString(), type);
      } else if (typeof jb === 'string') {
        v = safe(() => (name === 'bigint' ? parseInt8(jb) : parseInt4(jb)));
        if (v === undefined) return invalid(jb, type);
      } else return fail(cx, nonNumeric(`jsonpath item method .${name}() can only be applied to a string or numeric value`));
      out = numericFromInt(v);
      break;
    }
    case 'boolean': {
      if (typeof jb === 'boolean') out = jb;
      else if (jb instanceof Numeric) {
        const text = jb.toString();
        const v = safe(() => parseInt4(text));
        if (v === undefined) return invalid(text, 'boolean');
        out = v !== 0;
      } else if (typeof jb === 'string') {
        const b = parseBool(jb);
        if (b === undefined) return invalid(jb, 'boolean');
        out = b;
      } else {
        return fail(cx, nonNumeric(`jsonpath item method .boolean() can only be applied to a boolean, string, or numeric value`));
      }
      break;
    }
    case 'number':
    case 'decimal': {
      let num: Numeric;
      let numstr: string;
      if (jb instanceof Numeric) {
        num = jb;
        if (!num.isFinite()) return notAllowed();
        numstr = num.toString();
      } else if (typeof jb === 'string') {
        numstr = jb;
        const n = safe(() => parseNumeric(jb));
        if (n === undefined) return invalid(jb, 'numeric');
        num = n;
        if (!num.isFinite()) return notAllowed();
      } else return fail(cx, nonNumeric(`jsonpath item method .${name}() can only be applied to a string or numeric value`));
      if (jsp.kind === 'decimal' && jsp.precision) {
        const p = jsp.precision.kind === 'numeric' ? jsp.precision.value : Numeric.fromInt(0);
        const precision = safe(() => numericToInt4(p));
        if (precision === undefined) {
          return fail(cx, nonNumeric('precision of jsonpath item method .decimal() is out of range for type integer'));
        }
        let scale = 0;
        if (jsp.scale) {
          const s = jsp.scale.kind === 'numeric' ? jsp.scale.value : Numeric.fromInt(0);
          const sv = safe(() => numericToInt4(s));
          if (sv === undefined) return fail(cx, nonNumeric('scale of jsonpath item method .decimal() is out of range for type integer'));
          scale = sv;
        }
        const typmod = numericTypmod(precision, scale);
        const text = numstr;
        const n = safe(() => applyNumericTypmod(parseNumeric(text), typmod));
        if (n === undefined) return invalid(numstr, 'numeric');
        num = n;
      }
      out = num;
      break;
    }
    case 'string': {
      if (typeof jb === 'string') out = jb;
      else if (jb instanceof Numeric) out = jb.toString();
      else if (typeof jb === 'boolean') out = jb ? 'true' : 'false';
      else if (jb instanceof JpDatetime) out = jpDatetimeText(jb);
      else {
        return fail(cx, nonNumeric('jsonpath item method .string() can only be applied to a boolean, string, numeric, or datetime value'));
      }
      break;
    }
    default:
      throw new Error(`unrecognized jsonpath item method: ${name}`);
  }
  return executeNext(cx, jsp.next, out, found);
}
