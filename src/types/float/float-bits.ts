/**
 * Exact binary helpers for float4/float8: the exact decimal expansion of a double, exact
 * comparison of a decimal with a double, correctly rounded conversion of `m * 2^k` (BigInt m) to
 * float8 or float4 precision, and float32 neighbours. These keep the fast paths (JS Number
 * parsing/printing) honest where double rounding or tie-breaking would differ from C.
 *
 * Postgres counterpart: none directly; stands in for the C library's strtod/strtof/printf.
 * Known gaps: none known.
 */

const f64 = new Float64Array(1);
const u32of64 = new Uint32Array(f64.buffer);
const f32 = new Float32Array(1);
const u32of32 = new Uint32Array(f32.buffer);
// Uint32Array over a Float64Array uses the platform byte order; find which word is the high one.
f64[0] = 1;
const HI = u32of64[1] === 0x3ff00000 ? 1 : 0;
const LO = 1 - HI;

/** A finite nonzero |x| as `mant * 2^exp2` with an integer mantissa. */
export function doubleParts(x: number): { mant: bigint; exp2: number } {
  f64[0] = Math.abs(x);
  const hi = u32of64[HI];
  const lo = u32of64[LO];
  const bexp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (bexp === 0) return { mant, exp2: -1074 };
  mant |= 1n << 52n;
  return { mant, exp2: bexp - 1075 };
}

/**
 * Compares the decimal `digits * 10^exp10` (digits >= 0) with the finite double x >= 0, exactly.
 */
export function compareDecimalToDouble(digits: bigint, exp10: number, x: number): number {
  if (x === 0) return digits === 0n ? 0 : 1;
  const { mant, exp2 } = doubleParts(x);
  return compareDecimalToBinary(digits, exp10, mant, exp2);
}

/** Compares `digits * 10^exp10` with `mant * 2^exp2` (both >= 0), exactly. */
export function compareDecimalToBinary(digits: bigint, exp10: number, mant: bigint, exp2: number): number {
  // Clear negative exponents by scaling the other side.
  let a = digits;
  let b = mant;
  if (exp10 >= 0) a *= 10n ** BigInt(exp10);
  else b *= 10n ** BigInt(-exp10);
  if (exp2 >= 0) b <<= BigInt(exp2);
  else a <<= BigInt(-exp2);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Number of bits of a positive BigInt. */
export function bitLength(m: bigint): number {
  const s = m.toString(16);
  return (s.length - 1) * 4 + (32 - Math.clz32(parseInt(s[0], 16)));
}

/** x * 2^k without intermediate overflow/underflow when the result is representable. */
function ldexp(x: number, k: number): number {
  while (k > 1000) {
    x *= 2 ** 1000;
    k -= 1000;
  }
  while (k < -1000) {
    x *= 2 ** -1000;
    k += 1000;
  }
  return x * 2 ** k;
}

/**
 * `m * 2^k` (m >= 0) rounded to nearest-even with `precision` significant bits and smallest bit
 * weight `minExp2` (53 / -1074 for float8, 24 / -149 for float4). May return Infinity for float8;
 * callers check float4 overflow themselves.
 */
export function scaledBigToFloat(m: bigint, k: number, precision: number, minExp2: number): number {
  if (m === 0n) return 0;
  const b = bitLength(m);
  const lowest = Math.max(k + b - precision, minExp2);
  if (lowest > k) {
    const shift = BigInt(lowest - k);
    const q = m >> shift;
    const rem = m - (q << shift);
    const half = 1n << (shift - 1n);
    m = rem > half || (rem === half && (q & 1n) === 1n) ? q + 1n : q;
    k = lowest;
  }
  return ldexp(Number(m), k);
}

/** The next float32 value above/below a float32 value x (finite, toward +/- infinity). */
export function float32Neighbor(x: number, up: boolean): number {
  if (x === 0) return up ? 2 ** -149 : -(2 ** -149);
  f32[0] = x;
  const bits = u32of32[0];
  // For positive x, incrementing the bit pattern moves away from zero; for negative, toward.
  u32of32[0] = (x > 0) === up ? bits + 1 : bits - 1;
  return f32[0];
}

/**
 * The exact decimal expansion of a finite double |x|: its digits (no leading zeros; '0' for zero)
 * and the power of ten of the last digit.
 */
export function exactDecimal(x: number): { digits: string; exp10: number } {
  if (x === 0) return { digits: '0', exp10: 0 };
  const { mant, exp2 } = doubleParts(x);
  if (exp2 >= 0) return { digits: (mant << BigInt(exp2)).toString(), exp10: 0 };
  return { digits: (mant * 5n ** BigInt(-exp2)).toString(), exp10: exp2 };
}
