/**
 * sin() and cos() correctly rounded, as glibc's nearly always are: V8's Math.sin/Math.cos are off by
 * one unit in the last place for a few percent of arguments, which shows in polygon(circle)
 * output. Double-double argument reduction by π/2 and Taylor series, then one rounding.
 *
 * Postgres counterpart: the C library's sin()/cos() that geo_ops.c circle_poly calls.
 * Known gaps: arguments beyond ±1e6 fall back to Math.sin/Math.cos.
 */

/** A double-double: hi + lo with |lo| <= ulp(hi)/2. */
interface DD {
  hi: number;
  lo: number;
}

function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return { hi: s, lo: a - (s - bb) + (b - bb) };
}

function split(a: number): [number, number] {
  const c = 134217729 * a;
  const hi = c - (c - a);
  return [hi, a - hi];
}

function twoProd(a: number, b: number): DD {
  const p = a * b;
  const [ah, al] = split(a);
  const [bh, bl] = split(b);
  return { hi: p, lo: ah * bh - p + ah * bl + al * bh + al * bl };
}

function add(a: DD, b: DD): DD {
  const s = twoSum(a.hi, b.hi);
  const t = twoSum(a.lo, b.lo);
  let r = twoSum(s.hi, s.lo + t.hi);
  r = twoSum(r.hi, r.lo + t.lo);
  return r;
}

function mul(a: DD, b: DD): DD {
  const p = twoProd(a.hi, b.hi);
  return twoSum(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi));
}

function divSmall(a: DD, d: number): DD {
  const q1 = a.hi / d;
  const p = twoProd(q1, d);
  const e = (a.hi - p.hi - p.lo + a.lo) / d;
  return twoSum(q1, e);
}

const neg = (a: DD): DD => ({ hi: -a.hi, lo: -a.lo });

// π/2 in pieces of 33 bits (k * piece is exact for |k| < 2^20), and the tail.
const PIO2_1 = 1.57079632673412561417e0;
const PIO2_2 = 6.07710050630396597660e-11;
const PIO2_3 = 2.02226624871116645580e-21;
const PIO2_3T = 8.47842766036889956997e-32;

/** x - k·π/2 as a double-double, and k mod 4. */
function reduce(x: number): { r: DD; q: number } {
  const k = Math.round(x * 0.6366197723675814);
  let r = twoSum(x, -k * PIO2_1);
  r = add(r, neg(twoProd(k, PIO2_2)));
  r = add(r, neg(twoProd(k, PIO2_3)));
  r = add(r, { hi: -k * PIO2_3T, lo: 0 });
  return { r, q: ((k % 4) + 4) % 4 };
}

function sinSeries(r: DD): DD {
  const r2 = mul(r, r);
  let term = r;
  let sum = r;
  for (let n = 1; n < 30; n++) {
    term = neg(divSmall(mul(term, r2), 2 * n * (2 * n + 1)));
    sum = add(sum, term);
    if (Math.abs(term.hi) < 1e-36 * Math.abs(sum.hi)) break;
  }
  return sum;
}

function cosSeries(r: DD): DD {
  const r2 = mul(r, r);
  let term: DD = { hi: 1, lo: 0 };
  let sum: DD = { hi: 1, lo: 0 };
  for (let n = 1; n < 30; n++) {
    term = neg(divSmall(mul(term, r2), (2 * n - 1) * (2 * n)));
    sum = add(sum, term);
    if (Math.abs(term.hi) < 1e-36) break;
  }
  return sum;
}

const LIMIT = 1e6;

/** sin(x), correctly rounded for |x| <= 1e6. */
export function sin(x: number): number {
  if (x === 0 || !(Math.abs(x) <= LIMIT)) return Math.sin(x);
  const { r, q } = reduce(x);
  const v = q === 0 ? sinSeries(r) : q === 1 ? cosSeries(r) : q === 2 ? neg(sinSeries(r)) : neg(cosSeries(r));
  return v.hi + v.lo;
}

/** cos(x), correctly rounded for |x| <= 1e6. */
export function cos(x: number): number {
  if (!(Math.abs(x) <= LIMIT)) return Math.cos(x);
  const { r, q } = reduce(x);
  const v = q === 0 ? cosSeries(r) : q === 1 ? neg(sinSeries(r)) : q === 2 ? neg(cosSeries(r)) : sinSeries(r);
  return v.hi + v.lo;
}
