/**
 * Functions that print their arguments: format() (`%s %I %L %%`, positions `%2$s`, widths
 * `%5s` `%-5s` `%*s` `%*2$s`), concat, concat_ws, quote_ident, quote_literal, quote_nullable.
 *
 * Postgres counterpart: text_format, text_concat, text_concat_ws in
 * src/backend/utils/adt/varlena.c; quote.c.
 * Known gaps: none known.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import type { ExprRuntime } from '../../nodes/primnodes.js';
import { OID } from '../../types/oids.js';
import type { Value } from '../../types/values.js';
import { fn, type CallInfo } from '../registry.js';
import { quoteIdent, quoteLiteral } from './quote.js';
import { castValueToText, outputValue } from './value-io.js';
import { variadicArgs, type TypedArg } from './variadic.js';

const T = OID.text;
const FORMAT_HINT = 'For a single "%" use "%%".';

function formatError(msg: string, hint?: string): PgError {
  return new PgError(SQLSTATE.invalid_parameter_value, msg, hint ? { hint } : {});
}

function padChars(s: string, width: number, left: boolean): string {
  const len = Array.from(s).length;
  if (len >= width) return s;
  const pad = ' '.repeat(width - len);
  return left ? s + pad : pad + s;
}

function widthValue(a: TypedArg): number {
  if (a.value === null) return 0;
  const n = typeof a.value === 'number' ? a.value : Number(String(a.value));
  if (!Number.isFinite(n) || Math.abs(n) > 2147483647) {
    throw new PgError(SQLSTATE.numeric_value_out_of_range, 'number is out of range');
  }
  return Math.trunc(n);
}

/**
 * format(fmt, args...).
 *
 * @example textFormat(rt, '%s|%5s', [{value:'a',type:25},{value:'b',type:25}]) === 'a|    b'
 */
export function textFormat(rt: ExprRuntime, fmt: string, args: readonly TypedArg[]): string {
  let out = '';
  let next = 0; // 0-based index of the next implicit argument
  const n = fmt.length;
  const arg = (i: number): TypedArg => {
    if (i >= args.length) throw formatError('too few arguments for format()');
    return args[i];
  };
  /** Reads digits at `i`; returns [value, end] or undefined when there are none. */
  const digits = (i: number): [number, number] | undefined => {
    let j = i;
    let v = 0;
    while (j < n && fmt.charCodeAt(j) >= 48 && fmt.charCodeAt(j) <= 57) {
      v = v * 10 + (fmt.charCodeAt(j) - 48);
      if (v > 2147483647) throw new PgError(SQLSTATE.numeric_value_out_of_range, 'number is out of range');
      j++;
    }
    return j > i ? [v, j] : undefined;
  };
  for (let i = 0; i < n; i++) {
    const c = fmt[i];
    if (c !== '%') {
      out += c;
      continue;
    }
    i++;
    if (i >= n) throw formatError('unterminated format() type specifier', FORMAT_HINT);
    if (fmt[i] === '%') {
      out += '%';
      continue;
    }
    let argPos: number | undefined;
    let leftAlign = false;
    let width = 0;
    let widthArg: number | undefined;
    let widthStar = false;
    const d = digits(i);
    if (d) {
      if (d[1] < n && fmt[d[1]] === '$') {
        if (d[0] === 0) throw formatError('format specifies argument 0, but arguments are numbered from 1');
        argPos = d[0] - 1;
        i = d[1] + 1;
      } else {
        width = d[0];
        i = d[1];
      }
    }
    if (!d || argPos !== undefined) {
      // Flags and width after an explicit position.
      while (i < n && fmt[i] === '-') {
        leftAlign = true;
        i++;
      }
      if (i < n && fmt[i] === '*') {
        widthStar = true;
        i++;
        const wd = digits(i);
        if (wd) {
          if (wd[1] >= n || fmt[wd[1]] !== '$') throw formatError('unterminated format() type specifier', FORMAT_HINT);
          if (wd[0] === 0) throw formatError('format specifies argument 0, but arguments are numbered from 1');
          widthArg = wd[0] - 1;
          i = wd[1] + 1;
        }
      } else {
        const wd = digits(i);
        if (wd) {
          width = wd[0];
          i = wd[1];
        }
      }
    }
    if (i >= n) throw formatError('unterminated format() type specifier', FORMAT_HINT);
    const type = fmt[i];
    if (type !== 's' && type !== 'I' && type !== 'L') {
      throw formatError(`unrecognized format() type specifier "${type}"`, FORMAT_HINT);
    }
    if (widthStar) {
      let wi: number;
      if (widthArg !== undefined) {
        wi = widthArg;
        next = widthArg + 1;
      } else wi = next++;
      const w = widthValue(arg(wi));
      if (w < 0) {
        leftAlign = true;
        width = -w;
      } else width = w;
    }
    let ai: number;
    if (argPos !== undefined) {
      ai = argPos;
      next = argPos + 1;
    } else ai = next++;
    const a = arg(ai);
    let text: string;
    if (type === 's') text = a.value === null ? '' : outputValue(rt, a.type, a.value);
    else if (type === 'I') {
      if (a.value === null) throw new PgError(SQLSTATE.null_value_not_allowed, 'null values cannot be formatted as an SQL identifier');
      text = quoteIdent(outputValue(rt, a.type, a.value));
    } else text = a.value === null ? 'NULL' : quoteLiteral(outputValue(rt, a.type, a.value));
    out += width > 0 ? padChars(text, width, leftAlign) : text;
  }
  return out;
}

fn('format', [T], T, (args, rt) => textFormat(rt, args[0] as string, []), { volatility: 's' });
fn('format', [T, OID.any], T, (args, rt, call) => (args[0] === null ? null : textFormat(rt, args[0] as string, variadicArgs(args, call, 1))), {
  strict: false,
  volatility: 's',
  variadic: OID.any,
});

function concatParts(rt: ExprRuntime, parts: readonly TypedArg[]): string[] {
  const out: string[] = [];
  for (const p of parts) if (p.value !== null) out.push(outputValue(rt, p.type, p.value));
  return out;
}

fn('concat', [OID.any], T, (args, rt, call) => concatParts(rt, variadicArgs(args, call, 0)).join(''), {
  strict: false,
  volatility: 's',
  variadic: OID.any,
});
fn(
  'concat_ws',
  [T, OID.any],
  T,
  (args, rt, call: CallInfo) => (args[0] === null ? null : concatParts(rt, variadicArgs(args, call, 1)).join(args[0] as string)),
  { strict: false, volatility: 's', variadic: OID.any },
);

fn('quote_ident', [T], T, (args) => quoteIdent(args[0] as string));
fn('quote_literal', [T], T, (args) => quoteLiteral(args[0] as string));
fn('quote_literal', [OID.anyelement], T, (args, rt, call) => quoteLiteral(castValueToText(rt, call.argTypes[0], args[0])), { volatility: 's' });
fn('quote_nullable', [T], T, (args) => (args[0] === null ? 'NULL' : quoteLiteral(args[0] as string)), { strict: false });
fn(
  'quote_nullable',
  [OID.anyelement],
  T,
  (args: Value[], rt, call) => (args[0] === null ? 'NULL' : quoteLiteral(castValueToText(rt, call.argTypes[0], args[0]))),
  { strict: false, volatility: 's' },
);
