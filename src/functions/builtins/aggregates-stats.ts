/**
 * Statistical aggregates: variance/var_samp/var_pop and stddev/stddev_samp/stddev_pop. Integer
 * and numeric inputs give numeric, computed exactly from N, Σx and Σx² as Postgres does
 * ((NΣx² − (Σx)²) / (N(N−1)) at numeric division's scale, square root at that same scale);
 * float inputs give float8 with Postgres's Youngs-Cramer accumulation, bit for bit.
 *
 * Postgres counterpart: numeric_stddev_internal, do_numeric_accum, float8_accum,
 * float8_var_samp/... in src/backend/utils/adt/numeric.c and float.c.
 * Known gaps: none known.
 */
import { floatOverflow } from '../../types/float.js';
import { Numeric, divisionScale, numericFromInt } from '../../types/numeric.js';
import { OID } from '../../types/oids.js';
import type { Value } from '../../types/values.js';
import { agg } from './aggregates.js';

interface NumAcc {
  n: bigint;
  /** Σx and Σx² as exact scaled integers. */
  sum: bigint;
  sum2: bigint;
  /** Scale of sum (sum2 has twice this scale). */
  scale: number;
  nan: boolean;
  inf: number;
}

function rescale(v: bigint, from: number, to: number): bigint {
  return to > from ? v * 10n ** BigInt(to - from) : v;
}

function numAccum(s: NumAcc, v: Value): NumAcc {
  let x: Numeric;
  if (typeof v === 'number' || typeof v === 'bigint') x = numericFromInt(v);
  else x = v as Numeric;
  s.n++;
  if (x.isNaN()) s.nan = true;
  else if (x.isInfinite()) s.inf++;
  else {
    if (x.scale > s.scale) {
      s.sum = rescale(s.sum, s.scale, x.scale);
      s.sum2 = rescale(s.sum2, 2 * s.scale, 2 * x.scale);
      s.scale = x.scale;
    }
    const c = rescale(x.coef, x.scale, s.scale);
    s.sum += c;
    s.sum2 += c * c;
  }
  return s;
}

/** floor(sqrt(n)): Newton's method from a start above the root (a float guess can be far below it for big n). */
function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

function divRound(num: bigint, den: bigint): bigint {
  let q = num / den;
  const r = num - q * den;
  if (r * 2n >= den) q++;
  return q;
}

function numFinal(s: NumAcc, sample: boolean, sqrt: boolean): Value {
  if (s.n === 0n || (sample && s.n === 1n)) return null;
  if (s.nan || s.inf > 0) return Numeric.NaN;
  // numerator = N Σx² − (Σx)² at scale 2·scale; denominator N(N−1) or N².
  const num = s.n * s.sum2 - s.sum * s.sum;
  if (num <= 0n) return Numeric.ZERO;
  const den = sample ? s.n * (s.n - 1n) : s.n * s.n;
  const numN = Numeric.of(num, 2 * s.scale);
  const rscale = divisionScale(numN, numericFromInt(den));
  // variance rounded at rscale (half away from zero; both positive here).
  const variance = divRound(num * 10n ** BigInt(rscale), den * 10n ** BigInt(2 * s.scale));
  if (!sqrt) return Numeric.of(variance, rscale);
  // sqrt of the rounded variance, rounded at the same scale.
  const n = variance * 10n ** BigInt(rscale);
  const q = isqrt(n);
  const t = 2n * q + 1n;
  return Numeric.of(4n * n > t * t ? q + 1n : q, rscale);
}

interface FloatAcc {
  n: number;
  sx: number;
  sxx: number;
}

function floatAccum(s: FloatAcc, x: number): FloatAcc {
  const prevN = s.n;
  const prevSx = s.sx;
  s.n += 1;
  s.sx += x;
  if (prevN > 0) {
    const tmp = x * s.n - s.sx;
    s.sxx += (tmp * tmp) / (s.n * prevN);
    if (!Number.isFinite(s.sx) || !Number.isFinite(s.sxx)) {
      if (Number.isFinite(prevSx) && Number.isFinite(x) && !Number.isNaN(s.sx)) throw floatOverflow();
      s.sxx = NaN;
    }
  } else if (!Number.isFinite(x)) {
    s.sxx = NaN;
  }
  return s;
}

function floatFinal(s: FloatAcc, sample: boolean, sqrt: boolean): Value {
  if (s.n === 0 || (sample && s.n <= 1)) return null;
  const v = s.sxx / (sample ? s.n - 1 : s.n);
  return sqrt ? Math.sqrt(v) : v;
}

const FUNCS: [string, boolean, boolean][] = [
  ['variance', true, false],
  ['var_samp', true, false],
  ['var_pop', false, false],
  ['stddev', true, true],
  ['stddev_samp', true, true],
  ['stddev_pop', false, true],
];

for (const [name, sample, sqrt] of FUNCS) {
  for (const t of [OID.int2, OID.int4, OID.int8, OID.numeric]) {
    agg<NumAcc>(
      name,
      [t],
      OID.numeric,
      () => ({ n: 0n, sum: 0n, sum2: 0n, scale: 0, nan: false, inf: 0 }),
      (s, a) => numAccum(s, a[0]),
      (s) => numFinal(s, sample, sqrt),
    );
  }
  for (const t of [OID.float4, OID.float8]) {
    agg<FloatAcc>(
      name,
      [t],
      OID.float8,
      () => ({ n: 0, sx: 0, sxx: 0 }),
      (s, a) => floatAccum(s, a[0] as number),
      (s) => floatFinal(s, sample, sqrt),
    );
  }
}
