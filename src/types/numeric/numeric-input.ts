/**
 * numeric text input: `  -1_000.50e-1 `, `.5`, `5.`, `NaN`, `Infinity`/`inf` (any case, signed),
 * and the PG 16 integer literals `0x1F`, `0o17`, `0b101` (with `_` separators).
 *
 * Postgres counterpart: numeric_in / set_var_from_str / set_var_from_non_decimal_integer_str in
 * src/backend/utils/adt/numeric.c. Hand-written scanner (no regex): this runs once per input value.
 * Known gaps: none known.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { NUMERIC_MAX_DSCALE, NUMERIC_MAX_INT_DIGITS, Numeric, numericOverflow, pow10 } from './numeric-value.js';

/** Whether `c` is a C `isspace` character code (space, \t, \n, \v, \f, \r). */
export function isCSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function syntaxError(text: string): PgError {
  return new PgError(SQLSTATE.invalid_text_representation, `invalid input syntax for type numeric: "${text}"`);
}

/** Exponents beyond this are rejected as overflow whatever the digits (Postgres: INT_MAX / 2). */
const MAX_EXPONENT = 1073741823;

/**
 * Parses Postgres's numeric text form.
 *
 * @example
 * parseNumeric(' 1.50 ').toString(); // '1.50'
 * parseNumeric('1e3').toString(); // '1000'
 * parseNumeric('0x1F').toString(); // '31'
 */
export function parseNumeric(text: string): Numeric {
  let i = 0;
  let end = text.length;
  while (i < end && isCSpace(text.charCodeAt(i))) i++;
  while (end > i && isCSpace(text.charCodeAt(end - 1))) end--;
  if (i === end) throw syntaxError(text);

  let c = text.charCodeAt(i);
  let neg = false;
  let signed = false;
  if (c === 43 /* + */ || c === 45 /* - */) {
    neg = c === 45;
    signed = true;
    if (++i === end) throw syntaxError(text);
    c = text.charCodeAt(i);
  }

  if (!isDigit(c) && c !== 46 /* . */) {
    // NaN (unsigned only), Infinity, inf.
    const word = text.slice(i, end).toLowerCase();
    if (word === 'nan' && !signed) return Numeric.NaN;
    if (word === 'infinity' || word === 'inf') return neg ? Numeric.NEGATIVE_INFINITY : Numeric.POSITIVE_INFINITY;
    throw syntaxError(text);
  }

  if (c === 48 /* 0 */ && i + 1 < end) {
    const p = text.charCodeAt(i + 1) | 0x20;
    if (p === 120 /* x */ || p === 111 /* o */ || p === 98 /* b */) {
      const v = parseNonDecimal(text, i + 2, end, p === 120 ? 16 : p === 111 ? 8 : 2);
      if (v === undefined) throw syntaxError(text);
      return Numeric.of(neg ? -v : v, 0);
    }
  }

  // Integer part, optional fraction, optional exponent; `_` only between two digits.
  const intStart = i;
  let underscores = false;
  while (i < end) {
    c = text.charCodeAt(i);
    if (isDigit(c)) i++;
    else if (c === 95 /* _ */ && i > intStart && i + 1 < end && isDigit(text.charCodeAt(i + 1))) {
      underscores = true;
      i++;
    } else break;
  }
  const intEnd = i;
  let fracStart = i;
  let fracEnd = i;
  if (i < end && text.charCodeAt(i) === 46) {
    fracStart = ++i;
    while (i < end) {
      c = text.charCodeAt(i);
      if (isDigit(c)) i++;
      else if (c === 95 && i > fracStart && i + 1 < end && isDigit(text.charCodeAt(i + 1))) {
        underscores = true;
        i++;
      } else break;
    }
    fracEnd = i;
  }
  if (intEnd === intStart && fracEnd === fracStart) throw syntaxError(text);

  let exponent = 0;
  if (i < end) {
    c = text.charCodeAt(i);
    if (c !== 101 && c !== 69) throw syntaxError(text);
    i++;
    let expNeg = false;
    if (i < end && (text.charCodeAt(i) === 43 || text.charCodeAt(i) === 45)) {
      expNeg = text.charCodeAt(i) === 45;
      i++;
    }
    const expStart = i;
    while (i < end) {
      c = text.charCodeAt(i);
      if (isDigit(c)) {
        // Saturate: anything past MAX_EXPONENT is an overflow anyway.
        if (exponent <= MAX_EXPONENT) exponent = exponent * 10 + (c - 48);
        i++;
      } else if (c === 95 && i > expStart && i + 1 < end && isDigit(text.charCodeAt(i + 1))) i++;
      else break;
    }
    if (i === expStart || i !== end) throw syntaxError(text);
    if (exponent > MAX_EXPONENT) throw numericOverflow();
    if (expNeg) exponent = -exponent;
  }

  let digits = text.slice(intStart, intEnd);
  let fracDigits = fracEnd - fracStart;
  if (fracDigits > 0) {
    let frac = text.slice(fracStart, fracEnd);
    if (underscores) frac = frac.replaceAll('_', '');
    fracDigits = frac.length;
    digits += frac;
  }
  if (underscores) digits = digits.replaceAll('_', '');
  let coef = digits.length < 16 ? BigInt(Number(digits)) : BigInt(digits);
  let scale = fracDigits - exponent;
  if (scale > NUMERIC_MAX_DSCALE) throw numericOverflow();
  if (coef !== 0n) {
    // Integer digits = significant digits - scale.
    let lead = 0;
    while (digits.charCodeAt(lead) === 48) lead++;
    if (digits.length - lead - scale > NUMERIC_MAX_INT_DIGITS) throw numericOverflow();
  }
  if (scale < 0) {
    if (coef !== 0n) coef *= pow10(-scale);
    scale = 0;
  }
  return Numeric.unchecked(neg ? -coef : coef, scale);
}

/** Digits of a 0x/0o/0b literal after its prefix (one `_` allowed before each digit); undefined if malformed. */
function parseNonDecimal(text: string, start: number, end: number, radix: number): bigint | undefined {
  let i = start;
  let underscores = false;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 95) {
      // `_` must be followed by a digit; `0x_1` is accepted, `0x__1` and `0x1_` are not.
      if (i + 1 >= end || digitValue(text.charCodeAt(i + 1)) >= radix) return undefined;
      underscores = true;
      i++;
      continue;
    }
    if (digitValue(c) >= radix) return undefined;
    i++;
  }
  let digits = text.slice(start, end);
  if (underscores) digits = digits.replaceAll('_', '');
  if (digits.length === 0) return undefined;
  return BigInt((radix === 16 ? '0x' : radix === 8 ? '0o' : '0b') + digits);
}

function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 0x20;
  if (l >= 97 && l <= 102) return l - 87;
  return 99;
}
