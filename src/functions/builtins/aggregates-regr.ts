/**
 * Two-variable statistical aggregates over (Y, X) float8 pairs: corr, covar_pop, covar_samp and
 * the regr_* family. Rows where either argument is NULL are skipped (the aggregates are strict).
 * Accumulation is Postgres's Youngs-Cramer update of N, Sx, Sxx, Sy, Syy, Sxy, operation for
 * operation (including `scale = 1 / (N * prevN)` multiplied in, not divided), so results are bit
 * for bit Postgres's; overflow raises 22003 like float8_regr_accum.
 *
 * Postgres counterpart: float8_regr_accum and float8_regr_sxx ... float8_corr in
 * src/backend/utils/adt/float.c; pg_aggregate.dat.
 * Known gaps: none known.
 */
import { floatOverflow } from '../../types/float.js';
import { OID } from '../../types/oids.js';
import type { Value } from '../../types/values.js';
import { agg } from './aggregates.js';

interface RegrAcc {
  n: number;
  sx: number;
  sxx: number;
  sy: number;
  syy: number;
  sxy: number;
}

const isInf = (v: number): boolean => v === Infinity || v === -Infinity;

function regrAccum(s: RegrAcc, y: number, x: number): RegrAcc {
  const prevN = s.n;
  const prevSx = s.sx;
  const prevSy = s.sy;
  s.n += 1;
  s.sx += x;
  s.sy += y;
  if (prevN > 0) {
    const tmpX = x * s.n - s.sx;
    const tmpY = y * s.n - s.sy;
    const scale = 1.0 / (s.n * prevN);
    s.sxx += tmpX * tmpX * scale;
    s.syy += tmpY * tmpY * scale;
    s.sxy += tmpX * tmpY * scale;
    if (isInf(s.sx) || isInf(s.sxx) || isInf(s.sy) || isInf(s.syy) || isInf(s.sxy)) {
      if (
        ((isInf(s.sx) || isInf(s.sxx)) && !isInf(prevSx) && !isInf(x)) ||
        ((isInf(s.sy) || isInf(s.syy)) && !isInf(prevSy) && !isInf(y)) ||
        (isInf(s.sxy) && !isInf(prevSx) && !isInf(x) && !isInf(prevSy) && !isInf(y))
      ) {
        throw floatOverflow();
      }
      if (isInf(s.sxx)) s.sxx = NaN;
      if (isInf(s.syy)) s.syy = NaN;
      if (isInf(s.sxy)) s.sxy = NaN;
    }
  } else {
    if (!Number.isFinite(x)) s.sxx = s.sxy = NaN;
    if (!Number.isFinite(y)) s.syy = s.sxy = NaN;
  }
  return s;
}

const FINALS: Record<string, (s: RegrAcc) => Value> = {
  regr_sxx: (s) => (s.n < 1 ? null : s.sxx),
  regr_syy: (s) => (s.n < 1 ? null : s.syy),
  regr_sxy: (s) => (s.n < 1 ? null : s.sxy),
  regr_avgx: (s) => (s.n < 1 ? null : s.sx / s.n),
  regr_avgy: (s) => (s.n < 1 ? null : s.sy / s.n),
  covar_pop: (s) => (s.n < 1 ? null : s.sxy / s.n),
  covar_samp: (s) => (s.n < 2 ? null : s.sxy / (s.n - 1)),
  corr: (s) => (s.n < 1 || s.sxx === 0 || s.syy === 0 ? null : s.sxy / Math.sqrt(s.sxx * s.syy)),
  regr_r2: (s) => (s.n < 1 || s.sxx === 0 ? null : s.syy === 0 ? 1 : (s.sxy * s.sxy) / (s.sxx * s.syy)),
  regr_slope: (s) => (s.n < 1 || s.sxx === 0 ? null : s.sxy / s.sxx),
  regr_intercept: (s) => (s.n < 1 || s.sxx === 0 ? null : (s.sy - (s.sx * s.sxy) / s.sxx) / s.n),
};

const F8 = OID.float8;
for (const [name, final] of Object.entries(FINALS)) {
  agg<RegrAcc>(
    name,
    [F8, F8],
    F8,
    () => ({ n: 0, sx: 0, sxx: 0, sy: 0, syy: 0, sxy: 0 }),
    (s, a) => regrAccum(s, a[0] as number, a[1] as number),
    final,
  );
}

// regr_count: the number of rows where both are non-null (int8inc_float8_float8), 0 for none.
agg<{ n: bigint }>('regr_count', [F8, F8], OID.int8, () => ({ n: 0n }), (s) => {
  s.n++;
  return s;
}, (s) => s.n);
