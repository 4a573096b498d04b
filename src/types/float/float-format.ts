/**
 * float4/float8 text output exactly as Postgres prints it: with extra_float_digits > 0 (the
 * default 1) the shortest digits that read back to the same value, in fixed notation for decimal
 * exponents -4..14 (float8) or -4..5 (float4) and `1e+16` style otherwise; with
 * extra_float_digits <= 0 C's `%.{15+efd}g` / `%.{6+efd}g`. Also `formatG` (C's `%.Ng`), which
 * float-to-numeric casts use.
 *
 * Postgres counterpart: float8out_internal / float4out in src/backend/utils/adt/float.c and the
 * Ryu-based double_to_shortest_decimal / float_to_shortest_decimal in src/common/d2s.c, f2s.c.
 * Postgres's Ryu never accepts a decimal lying exactly on a rounding-interval bound (so 1e23
 * prints as 9.999999999999999e+22); JS's shortest printing (Number#toExponential()) does, so
 * doubles take JS's digits except in that case, and float4 digits are searched directly.
 * Known gaps: none known.
 */
import { compareDecimalToBinary, compareDecimalToDouble, doubleParts, float32Neighbor } from './float-bits.js';

/** Splits `d.ddde±x` (from toExponential) into digit string and decimal exponent. */
function splitExponential(s: string): Decimal {
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

/** A decimal candidate `digits * 10^exp` (exp = decimal exponent of the first digit). */
interface Decimal {
  digits: string;
  exp: number;
}

/** The candidate one unit in the last place above (+1) or below (-1) `d`, renormalized. */
function neighbour(d: Decimal, delta: 1n | -1n): Decimal | undefined {
  const p = d.digits.length;
  const c = BigInt(d.digits) + delta;
  if (c <= 0n) return undefined;
  const s = c.toString();
  return { digits: s, exp: d.exp + s.length - p };
}

/**
 * The shortest decimal strictly inside the rounding interval of |x| (Ryu as Postgres builds it:
 * interval bounds are never accepted), the nearest one at that length, ties to even.
 * `inside(digits, exp10)` tests a candidate `digits * 10^exp10`.
 */
function shortestStrict(ax: number, minDigits: number, maxDigits: number, inside: (d: bigint, e10: number) => boolean): Decimal {
  for (let p = minDigits; p <= maxDigits; p++) {
    const r = roundedDigits(ax, p);
    for (const c of [r, neighbour(r, 1n), neighbour(r, -1n)]) {
      if (c && inside(BigInt(c.digits), c.exp - c.digits.length + 1)) return { digits: trimZeros(c.digits), exp: c.exp };
    }
  }
  const r = roundedDigits(ax, maxDigits);
  return { digits: trimZeros(r.digits), exp: r.exp };
}

/** Whether `d * 10^e10` lies strictly between the doubles lo and hi (exactly). */
function insideDoubles(d: bigint, e10: number, lo: number, hi: number): boolean {
  const v = Number(`${d}e${e10}`);
  if (v > lo && v < hi) return true;
  if (v < lo || v > hi) return false;
  // Equal after rounding to double: decide exactly.
  return v === lo ? compareDecimalToDouble(d, e10, lo) > 0 : compareDecimalToDouble(d, e10, hi) < 0;
}

/** Shortest digits Postgres prints for a finite nonzero float32 value |x|. */
export function shortestFloat4Digits(x: number): Decimal {
  const ax = Math.abs(x);
  const below = float32Neighbor(ax, false);
  const above = ax === FLT_MAX ? FLT_MAX_PLUS_ULP : float32Neighbor(ax, true);
  // Float32 interval bounds are exact doubles.
  const lo = (ax + below) / 2;
  const hi = (ax + above) / 2;
  // Only next to a power of two is the interval lopsided enough for a neighbour of the nearest
  // p-digit decimal to fit when the nearest does not; there, use the general search.
  if (ax - below !== above - ax) return shortestStrict(ax, 1, 9, (d, e10) => insideDoubles(d, e10, lo, hi));
  // Decimal exponent of the leading digit.
  let e = Math.floor(Math.log10(ax));
  if (10 ** e > ax) e--;
  else if (10 ** (e + 1) <= ax) e++;
  const half = (hi - lo) / 2;
  for (let p = 1; p <= 9; p++) {
    // Distance from ax to the nearest p-digit decimal, in doubles: decides unless within 1e-6.
    const k = p - 1 - e;
    const scale = 10 ** Math.abs(k);
    const y = k >= 0 ? ax * scale : ax / scale;
    const dy = Math.abs(y - Math.round(y));
    const dist = k >= 0 ? dy / scale : dy * scale;
    if (dist > half * (1 + 1e-6)) continue;
    if (dist >= half * (1 - 1e-6)) {
      const c = splitExponential(ax.toExponential(p - 1));
      if (!insideDoubles(BigInt(c.digits), c.exp - p + 1, lo, hi)) continue;
    }
    // Found the length. Round to nearest, ties to even as Postgres (JS rounds ties away from zero).
    const r = roundedDigits(ax, p);
    return { digits: trimZeros(r.digits), exp: r.exp };
  }
  const r = roundedDigits(ax, 9);
  return { digits: trimZeros(r.digits), exp: r.exp };
}

const FLT_MAX = 3.4028234663852886e38;
const FLT_MAX_PLUS_ULP = 2 ** 128;

/**
 * Shortest digits Postgres prints for a finite nonzero double |x|. JS's own shortest printing
 * agrees except when its answer sits exactly on an interval bound (e.g. 1e23), which Postgres
 * rejects; that can only happen from 2^53 up and for even mantissas, and is checked exactly there.
 */
export function shortestFloat8Digits(x: number): Decimal {
  const ax = Math.abs(x);
  const js = splitExponential(ax.toExponential());
  if (ax < 9007199254740992) return js;
  const { mant, exp2 } = doubleParts(ax);
  if ((mant & 1n) === 1n) return js;
  // Bounds: (2m +- 1) * 2^(e-1); the lower gap halves at a power of two.
  const hiM = 2n * mant + 1n;
  const pow2 = mant === 1n << 52n;
  const loM = pow2 ? 4n * mant - 1n : 2n * mant - 1n;
  const loE = pow2 ? exp2 - 2 : exp2 - 1;
  const inside = (d: bigint, e10: number): boolean =>
    compareDecimalToBinary(d, e10, loM, loE) > 0 && compareDecimalToBinary(d, e10, hiM, exp2 - 1) < 0;
  if (inside(BigInt(js.digits), js.exp - js.digits.length + 1)) return js;
  return shortestStrict(ax, js.digits.length, 17, inside);
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
  const { digits, exp } = shortestFloat8Digits(x);
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
