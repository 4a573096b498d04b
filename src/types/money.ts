/**
 * money: a 64-bit count of cents (a `bigint`), read and printed as Postgres does under
 * lc_monetary = C (`$1,234.57`, `-$5.00`; input accepts `$`, thousands separators, `(12.34)` and
 * trailing signs, and rounds on the third decimal digit).
 *
 * Postgres counterpart: src/backend/utils/adt/cash.c (cash_in, cash_out, cash_mul_*, cash_div_*).
 * Known gaps: locales other than C (lc_monetary is fixed).
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { TypeIO } from './type-io.js';

const MAX = 9223372036854775807n;
const MIN = -9223372036854775808n;

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\v' || c === '\f';
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** `money out of range` (22003). */
export function moneyOutOfRange(): PgError {
  return new PgError(SQLSTATE.numeric_value_out_of_range, 'money out of range');
}

/** Range-checks a cents value. */
export function checkMoney(v: bigint): bigint {
  if (v > MAX || v < MIN) throw moneyOutOfRange();
  return v;
}

/** cash_in. */
export function parseMoney(text: string): bigint {
  const invalid = () => new PgError(SQLSTATE.invalid_text_representation, `invalid input syntax for type money: "${text}"`);
  const range = () => new PgError(SQLSTATE.numeric_value_out_of_range, `value "${text}" is out of range for type money`);
  let i = 0;
  const skip = () => {
    while (isSpace(text[i])) i++;
  };
  skip();
  if (text[i] === '$') {
    i++;
    skip();
  }
  let neg = false;
  if (text[i] === '-') {
    neg = true;
    i++;
    skip();
  } else if (text[i] === '(') {
    neg = true;
    i++;
  } else if (text[i] === '+') i++;
  skip();
  if (text[i] === '$') {
    i++;
    skip();
  }
  let value = 0n;
  let seenDot = false;
  let dec = 0;
  for (; i < text.length; i++) {
    const c = text[i];
    if (isDigit(c) && (!seenDot || dec < 2)) {
      value = value * 10n + BigInt(c.charCodeAt(0) - 48);
      if (value > MAX + 1n) throw range();
      if (seenDot) dec++;
    } else if (c === '.' && !seenDot) seenDot = true;
    else if (c === ',') continue;
    else break;
  }
  if (isDigit(text[i]) && text[i] >= '5') value += 1n;
  for (; dec < 2; dec++) value *= 10n;
  if (value > MAX + 1n) throw range();
  while (isDigit(text[i])) i++;
  while (i < text.length) {
    const c = text[i];
    if (isSpace(c) || c === ')') i++;
    else if (c === '-') {
      neg = true;
      i++;
    } else if (c === '+' || c === '$') i++;
    else throw invalid();
  }
  const result = neg ? -value : value;
  if (result > MAX || result < MIN) throw range();
  return result;
}

/** cash_out: `-$1,234.50`. */
export function moneyOutput(v: bigint): string {
  const neg = v < 0n;
  const abs = neg ? -v : v;
  const cents = (abs % 100n).toString().padStart(2, '0');
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}$${whole}.${cents}`;
}

export const moneyIO: TypeIO<bigint> = {
  input: (text) => parseMoney(text),
  output: (v) => moneyOutput(v),
  compare: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  hashKey: (v) => v,
};
