/**
 * float4/float8 text output exactly as Postgres prints it: with extra_float_digits > 0 (the
 * default 1) the shortest digits that read back to the same value, in fixed notation for decimal
 * exponents -4..14 (float8) or -4..5 (float4) and `1e+16` style otherwise; with
 * extra_float_digits <= 0 C's `%.{15+efd}g` / `%.{6+efd}g`. Also `formatG` (C's `%.Ng`), which
 * float-to-numeric casts use.
 *
 * Postgres counterpart: float8out_internal / float4out in src/backend/utils/adt/float.c and the
 * Ryu-based double_to_shortest_decimal / float_to_shortest_decimal in src/common/d2s.c, f2s.c.
 * JS's own shortest printing (Number#toExponential()) gives the same digits as Ryu for doubles;
 * float4 digits are searched with an exact float32 round-trip test.
 * Known gaps: none known.
 */
import { compareDecimalToDouble } from './float-bits.js';
import { decimalToFloat32 } from './float-parse.js';

/** Splits `d.ddde±x` (from toExponential) into digit string and decimal exponent. */
function splitExponential(s: string): { digits: string; exp: number } {
  const e = s.indexOf('e');
  const mant = s.charCodeAt(1) === 46 ? s[0] + s.slice(2, e) : s.slice(0, e);
  return { digits: mant, exp: Number(s.slice(e + 1)) };
}

/** Postgres's layout for given digits (no leading/trailing zeros required) and exponent. */
function layout(neg: boolean, digits: string, exp: number, fixedLimit: number): string {
  let s: string;
  const n = digits.length;
  if (exp < -4 || exp >= fixedLimit) {
    s = digits[0] + (n > 1 ? '.' + digits.slice(1) : '') + 'e' + (exp < 0 ? '-' : '+') + (Math.abs(exp) < 10 ? '0' : '') + Math.abs(exp);
  } else if (exp < 0) {
    s = '0.' + '0'.repeat(-exp - 1) + digits;
  } else if (n <= exp + 1) {
    s = digits + '0'.repeat(exp + 1 - n);
  } else {
    s = digits.slice(0, exp + 1) + '.' + digits.slice(exp + 1);
  }
  return neg ? '-' + s : s;
}

/** Shortest round-trip digits of a finite nonzero float32 value |x| (x exactly a float32). */
export function shortestFloat4Digits(x: number): { digits: string; exp: number } {
  const ax = Math.abs(x);
  for (let p = 1; p < 9; p++) {
    const { digits, exp } = splitExponential(ax.toExponential(p - 1));
    const d = BigInt(digits);
    if (decimalToFloat32(d, exp - p + 1) === ax) return { digits: trimZeros(digits), exp };
    // Next to a power of two the rounding interval is lopsided: the neighbour on the wide side may fit.
    for (const c of [d - 1n, d + 1n]) {
      if (c > 0n && decimalToFloat32(c, exp - p + 1) === ax) {
        const s = c.toString();
        return { digits: trimZeros(s), exp: exp + s.length - p };
      }
    }
  }
  return splitExponentialTrimmed(ax.toExponential(8));
}

function splitExponentialTrimmed(s: string): { digits: string; exp: number } {
  const r = splitExponential(s);
  return { digits: trimZeros(r.digits), exp: r.exp };
}

function trimZeros(digits: string): string {
  let end = digits.length;
  while (end > 1 && digits.charCodeAt(end - 1) === 48) end--;
  return end === digits.length ? digits : digits.slice(0, end);
}

/**
 * |x| rounded to `p` significant digits, ties to even on the exact binary value (as glibc's
 * printf does; JS's toExponential breaks ties away from zero).
 */
export function roundedDigits(x: number, p: number): { digits: string; exp: number } {
  const ax = Math.abs(x);
  const r = splitExponential(ax.toExponential(p - 1));
  if (ax === 0) return r;
  // A tie needs |x| to be exactly a (p+1)-digit decimal ending in 5.
  const longer = ax.toExponential(p);
  const ePos = longer.indexOf('e');
  if (longer.charCodeAt(ePos - 1) !== 53 /* 5 */ || Number(longer) !== ax) return r;
  const l = splitExponential(longer);
  if (compareDecimalToDouble(BigInt(l.digits), l.exp - p, ax) !== 0) return r;
  const prefix = l.digits.slice(0, p);
  if ((prefix.charCodeAt(p - 1) - 48) % 2 === 0) return { digits: prefix, exp: l.exp };
  // Odd prefix: round up (toExponential already did, with any carry).
  return r;
}

/**
 * C's `printf("%.{p}g", x)` for finite x: p significant digits (p < 1 means 1), fixed notation
 * when the exponent is in -4..p-1, trailing zeros removed.
 *
 * @example
 * formatG(0.1 + 0.2, 15); // '0.3'
 * formatG(1e15, 15); // '1e+15'
 */
export function formatG(x: number, p: number): string {
  if (p < 1) p = 1;
  const neg = x < 0 || Object.is(x, -0);
  if (x === 0) return neg ? '-0' : '0';
  const { digits, exp } = roundedDigits(x, p);
  return layout(neg, trimZeros(digits), exp, p);
}

/** `NaN`, `Infinity`, `-Infinity`, or undefined for finite values. */
function specialText(x: number): string | undefined {
  if (x !== x) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  return undefined;
}

/**
 * float8 output (float8out) for a given extra_float_digits (default 1).
 *
 * @example
 * float8Out(1e16); // '1e+16'
 * float8Out(0.1 + 0.2); // '0.30000000000000004'
 */
export function float8Out(x: number, extraFloatDigits = 1): string {
  const sp = specialText(x);
  if (sp !== undefined) return sp;
  if (extraFloatDigits <= 0) return formatG(x, 15 + extraFloatDigits);
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const { digits, exp } = splitExponential(Math.abs(x).toExponential());
  return layout(x < 0, digits, exp, 15);
}

/**
 * float4 output (float4out) for a float32 value held in a number.
 *
 * @example
 * float4Out(Math.fround(0.1)); // '0.1'
 */
export function float4Out(x: number, extraFloatDigits = 1): string {
  const sp = specialText(x);
  if (sp !== undefined) return sp;
  if (extraFloatDigits <= 0) return formatG(x, 6 + extraFloatDigits);
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const { digits, exp } = shortestFloat4Digits(x);
  return layout(x < 0, digits, exp, 6);
}
