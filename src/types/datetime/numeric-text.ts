/**
 * Exact decimal text for the numeric results of extract(): an integer scaled by 10^scale, printed
 * with exactly `scale` fraction digits (Postgres keeps the display scale: `0.500000`).
 *
 * Postgres counterpart: int64_div_fast_to_numeric and numeric_out in src/backend/utils/adt/numeric.c.
 */

/** Prints `digits / 10^scale` with `scale` fraction digits; `±Infinity` for the infinities. */
export function scaledDecimalText(digits: bigint, scale: number): string {
  const neg = digits < 0n;
  const s = (neg ? -digits : digits).toString().padStart(scale + 1, '0');
  const out = scale === 0 ? s : `${s.slice(0, s.length - scale)}.${s.slice(s.length - scale)}`;
  return neg ? '-' + out : out;
}

/** Integer division rounding half away from zero, as numeric division rounds. */
export function divRoundHalfAway(a: bigint, b: bigint): bigint {
  const neg = (a < 0n) !== (b < 0n);
  const x = a < 0n ? -a : a;
  const y = b < 0n ? -b : b;
  const q = (2n * x + y) / (2n * y);
  return neg ? -q : q;
}

/**
 * Result scale Postgres's numeric division picks for `x / y` of integers (select_div_scale): at
 * least 16 significant digits, judged on base-10000 digit weights.
 */
export function divScale(x: bigint, y: bigint): number {
  const weightAndFirst = (v: bigint): [number, number] => {
    if (v === 0n) return [0, 0];
    const s = (v < 0n ? -v : v).toString();
    const weight = Math.floor((s.length - 1) / 4);
    return [weight, Number(s.slice(0, s.length - weight * 4))];
  };
  const [w1, f1] = weightAndFirst(x);
  const [w2, f2] = weightAndFirst(y);
  let qweight = w1 - w2;
  if (f1 <= f2) qweight--;
  return Math.min(Math.max(16 - qweight * 4, 0), 1000);
}
